// RUN: attn-opt %s -attn-decompose-attention -split-input-file | FileCheck %s

// The reference lowering of attn.attention: the Q.K^T contraction in f32, one
// elementwise op applying scale, softcap, mask, causal and window, the
// max-subtracted softmax (max, exp, sum), the P.V contraction and the
// division by the row sum, which yields 0 for a fully masked row.

// MHA, f32, BHSD, no options: the whole chain, step by step.

// CHECK-DAG: #[[QMAP:.+]] = affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d4)>
// CHECK-DAG: #[[KMAP:.+]] = affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d3, d4)>
// CHECK-DAG: #[[S5MAP:.+]] = affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d3)>
// CHECK-DAG: #[[ID4:.+]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
// CHECK-DAG: #[[ROW:.+]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>
// CHECK-DAG: #[[VMAP:.+]] = affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d4, d3)>
// CHECK-LABEL: func.func @mha_f32(
// CHECK-SAME: %[[Q:[a-zA-Z0-9_]+]]: tensor<2x4x16x32xf32>, %[[K:[a-zA-Z0-9_]+]]: tensor<2x4x24x32xf32>, %[[V:[a-zA-Z0-9_]+]]: tensor<2x4x24x48xf32>, %[[O:[a-zA-Z0-9_]+]]: tensor<2x4x16x48xf32>)
// CHECK-NOT: attn.attention
// CHECK-DAG: %[[ZERO:.+]] = arith.constant 0.000000e+00 : f32
// CHECK-DAG: %[[NEGINF:.+]] = arith.constant 0xFF800000 : f32
// 1. Scores, B x Hq x Sq x Skv in f32, zero-initialised.
// CHECK: %[[SEMPTY:.+]] = tensor.empty() : tensor<2x4x16x24xf32>
// CHECK: %[[SINIT:.+]] = linalg.fill ins(%[[ZERO]] : f32) outs(%[[SEMPTY]] : tensor<2x4x16x24xf32>)
// CHECK: %[[S:.+]] = linalg.generic
// CHECK-SAME: indexing_maps = [#[[QMAP]], #[[KMAP]], #[[S5MAP]]]
// CHECK-SAME: iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]
// CHECK-SAME: ins(%[[Q]], %[[K]] : tensor<2x4x16x32xf32>, tensor<2x4x24x32xf32>) outs(%[[SINIT]] : tensor<2x4x16x24xf32>)
// CHECK: ^bb0(%[[QE:.+]]: f32, %[[KE:.+]]: f32, %[[SE:.+]]: f32):
// CHECK-NEXT: %[[PROD:.+]] = arith.mulf %[[QE]], %[[KE]] : f32
// CHECK-NEXT: %[[SUM:.+]] = arith.addf %[[SE]], %[[PROD]] : f32
// CHECK-NEXT: linalg.yield %[[SUM]]
// 2. Default scale 1/sqrt(32), no mask: no select.
// CHECK: %[[SCALED:.+]] = linalg.generic {indexing_maps = [#[[ID4]]], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} outs(%[[S]] : tensor<2x4x16x24xf32>)
// CHECK: %[[C:.+]] = arith.constant 0.176776692 : f32
// CHECK-NEXT: %[[X:.+]] = arith.mulf %{{.+}}, %[[C]] : f32
// CHECK-NOT: arith.select
// CHECK: linalg.yield %[[X]] : f32
// 3. Row max, initialised to -inf.
// CHECK: %[[MEMPTY:.+]] = tensor.empty() : tensor<2x4x16xf32>
// CHECK: %[[MINIT:.+]] = linalg.fill ins(%[[NEGINF]] : f32) outs(%[[MEMPTY]] : tensor<2x4x16xf32>)
// CHECK: %[[MAX:.+]] = linalg.generic {indexing_maps = [#[[ID4]], #[[ROW]]], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%[[SCALED]] : tensor<2x4x16x24xf32>) outs(%[[MINIT]] : tensor<2x4x16xf32>)
// CHECK: arith.maximumf
// 4. p = exp(s - max), 0 when the max is -inf.
// CHECK: %[[P:.+]] = linalg.generic {indexing_maps = [#[[ROW]], #[[ID4]]], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%[[MAX]] : tensor<2x4x16xf32>) outs(%[[SCALED]] : tensor<2x4x16x24xf32>)
// CHECK: ^bb0(%[[M:.+]]: f32, %[[SV:.+]]: f32):
// CHECK-DAG: %[[NI:.+]] = arith.constant 0xFF800000 : f32
// CHECK-DAG: %[[Z:.+]] = arith.constant 0.000000e+00 : f32
// CHECK: %[[D:.+]] = arith.subf %[[SV]], %[[M]] : f32
// CHECK: %[[E:.+]] = math.exp %[[D]] : f32
// CHECK: %[[ALLMASKED:.+]] = arith.cmpf oeq, %[[M]], %[[NI]] : f32
// CHECK: %[[PE:.+]] = arith.select %[[ALLMASKED]], %[[Z]], %[[E]] : f32
// CHECK: linalg.yield %[[PE]]
// 5. Row sum.
// CHECK: %[[SUMINIT:.+]] = linalg.fill ins(%[[ZERO]] : f32) outs(%{{.+}} : tensor<2x4x16xf32>)
// CHECK: %[[L:.+]] = linalg.generic {indexing_maps = [#[[ID4]], #[[ROW]]], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%[[P]] : tensor<2x4x16x24xf32>) outs(%[[SUMINIT]] : tensor<2x4x16xf32>)
// CHECK: arith.addf
// 6. acc = P.V over (b, h, i, e, j), f32.
// CHECK: %[[AEMPTY:.+]] = tensor.empty() : tensor<2x4x16x48xf32>
// CHECK: %[[AINIT:.+]] = linalg.fill ins(%[[ZERO]] : f32) outs(%[[AEMPTY]] : tensor<2x4x16x48xf32>)
// CHECK: %[[ACC:.+]] = linalg.generic
// CHECK-SAME: indexing_maps = [#[[QMAP]], #[[VMAP]], #[[S5MAP]]]
// CHECK-SAME: iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]
// CHECK-SAME: ins(%[[P]], %[[V]] : tensor<2x4x16x24xf32>, tensor<2x4x24x48xf32>) outs(%[[AINIT]] : tensor<2x4x16x48xf32>)
// 7. out = acc / sum, 0 where the sum is 0, written into the init.
// CHECK: %[[OUT:.+]] = linalg.generic {indexing_maps = [#[[ID4]], #[[ROW]], #[[ID4]]], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%[[ACC]], %[[L]] : tensor<2x4x16x48xf32>, tensor<2x4x16xf32>) outs(%[[O]] : tensor<2x4x16x48xf32>)
// CHECK: ^bb0(%[[AE:.+]]: f32, %[[LE:.+]]: f32, %{{.+}}: f32):
// CHECK: %[[Z2:.+]] = arith.constant 0.000000e+00 : f32
// CHECK: %[[EMPTYROW:.+]] = arith.cmpf oeq, %[[LE]], %[[Z2]] : f32
// CHECK: %[[DIV:.+]] = arith.divf %[[AE]], %[[LE]] : f32
// CHECK: %[[R:.+]] = arith.select %[[EMPTYROW]], %[[Z2]], %[[DIV]] : f32
// CHECK-NOT: arith.truncf
// CHECK: linalg.yield %[[R]] : f32
// CHECK: return %[[OUT]] : tensor<2x4x16x48xf32>
func.func @mha_f32(%q: tensor<2x4x16x32xf32>, %k: tensor<2x4x24x32xf32>, %v: tensor<2x4x24x48xf32>, %o: tensor<2x4x16x48xf32>) -> tensor<2x4x16x48xf32> {
  %0 = attn.attention ins(%q, %k, %v : tensor<2x4x16x32xf32>, tensor<2x4x24x32xf32>, tensor<2x4x24x48xf32>) outs(%o : tensor<2x4x16x48xf32>) -> tensor<2x4x16x48xf32>
  return %0 : tensor<2x4x16x48xf32>
}

// -----

// GQA (8 query heads on 2 key/value heads), f16, explicit scale: K and V are
// read through `h floordiv 4`, never repeated; f16 is extended to f32 and the
// result truncated once.

// CHECK-DAG: #[[KMAP:.+]] = affine_map<(d0, d1, d2, d3, d4) -> (d0, d1 floordiv 4, d3, d4)>
// CHECK-DAG: #[[VMAP:.+]] = affine_map<(d0, d1, d2, d3, d4) -> (d0, d1 floordiv 4, d4, d3)>
// CHECK-LABEL: func.func @gqa_f16(
// CHECK-SAME: %[[Q:[a-zA-Z0-9_]+]]: tensor<1x8x16x64xf16>, %[[K:[a-zA-Z0-9_]+]]: tensor<1x2x16x64xf16>, %[[V:[a-zA-Z0-9_]+]]: tensor<1x2x16x64xf16>, %[[O:[a-zA-Z0-9_]+]]: tensor<1x8x16x64xf16>)
// CHECK: linalg.generic {indexing_maps = [#{{.+}}, #[[KMAP]], #{{.+}}]
// CHECK-SAME: ins(%[[Q]], %[[K]] : tensor<1x8x16x64xf16>, tensor<1x2x16x64xf16>) outs(%{{.+}} : tensor<1x8x16x16xf32>)
// CHECK: ^bb0(%[[QE:.+]]: f16, %[[KE:.+]]: f16, %[[SE:.+]]: f32):
// CHECK-NEXT: %[[QF:.+]] = arith.extf %[[QE]] : f16 to f32
// CHECK-NEXT: %[[KF:.+]] = arith.extf %[[KE]] : f16 to f32
// CHECK-NEXT: %[[PROD:.+]] = arith.mulf %[[QF]], %[[KF]] : f32
// CHECK: arith.constant 5.000000e-01 : f32
// CHECK: linalg.generic {indexing_maps = [#{{.+}}, #[[VMAP]], #{{.+}}]
// CHECK-SAME: ins(%{{.+}}, %[[V]] : tensor<1x8x16x16xf32>, tensor<1x2x16x64xf16>) outs(%{{.+}} : tensor<1x8x16x64xf32>)
// CHECK: arith.extf %{{.+}} : f16 to f32
// CHECK: linalg.generic
// CHECK-SAME: outs(%[[O]] : tensor<1x8x16x64xf16>)
// CHECK: %[[T:.+]] = arith.truncf %{{.+}} : f32 to f16
// CHECK-NEXT: linalg.yield %[[T]] : f16
// CHECK: -> tensor<1x8x16x64xf16>
func.func @gqa_f16(%q: tensor<1x8x16x64xf16>, %k: tensor<1x2x16x64xf16>, %v: tensor<1x2x16x64xf16>, %o: tensor<1x8x16x64xf16>) -> tensor<1x8x16x64xf16> {
  %0 = attn.attention ins(%q, %k, %v : tensor<1x8x16x64xf16>, tensor<1x2x16x64xf16>, tensor<1x2x16x64xf16>) outs(%o : tensor<1x8x16x64xf16>) scale = 0.5 -> tensor<1x8x16x64xf16>
  return %0 : tensor<1x8x16x64xf16>
}

// -----

// MQA in the BSHD layout, bf16: permuted indexing maps read [B, S, H, D]
// directly (no transpose), the scores stay [B, Hq, Sq, Skv], the result is
// written back as [B, Sq, Hq, Dv].

// CHECK-DAG: #[[QMAP:.+]] = affine_map<(d0, d1, d2, d3, d4) -> (d0, d2, d1, d4)>
// CHECK-DAG: #[[KMAP:.+]] = affine_map<(d0, d1, d2, d3, d4) -> (d0, d3, d1 floordiv 4, d4)>
// CHECK-DAG: #[[VMAP:.+]] = affine_map<(d0, d1, d2, d3, d4) -> (d0, d4, d1 floordiv 4, d3)>
// CHECK-DAG: #[[OMAP:.+]] = affine_map<(d0, d1, d2, d3) -> (d0, d2, d1, d3)>
// CHECK-LABEL: func.func @bshd_mqa_bf16(
// CHECK-SAME: %[[Q:[a-zA-Z0-9_]+]]: tensor<2x16x4x32xbf16>, %[[K:[a-zA-Z0-9_]+]]: tensor<2x24x1x32xbf16>, %[[V:[a-zA-Z0-9_]+]]: tensor<2x24x1x8xbf16>, %[[O:[a-zA-Z0-9_]+]]: tensor<2x16x4x8xbf16>)
// CHECK-NOT: linalg.transpose
// CHECK: linalg.generic {indexing_maps = [#[[QMAP]], #[[KMAP]], #{{.+}}]
// CHECK-SAME: ins(%[[Q]], %[[K]] : tensor<2x16x4x32xbf16>, tensor<2x24x1x32xbf16>) outs(%{{.+}} : tensor<2x4x16x24xf32>)
// CHECK: arith.extf %{{.+}} : bf16 to f32
// CHECK: linalg.generic {indexing_maps = [#{{.+}}, #[[VMAP]], #{{.+}}]
// CHECK-SAME: ins(%{{.+}}, %[[V]] : tensor<2x4x16x24xf32>, tensor<2x24x1x8xbf16>) outs(%{{.+}} : tensor<2x4x16x8xf32>)
// CHECK: %[[OUT:.+]] = linalg.generic {indexing_maps = [#{{.+}}, #{{.+}}, #[[OMAP]]]
// CHECK-SAME: outs(%[[O]] : tensor<2x16x4x8xbf16>)
// CHECK: arith.truncf %{{.+}} : f32 to bf16
// CHECK-NOT: linalg.transpose
// CHECK: return %[[OUT]] : tensor<2x16x4x8xbf16>
func.func @bshd_mqa_bf16(%q: tensor<2x16x4x32xbf16>, %k: tensor<2x24x1x32xbf16>, %v: tensor<2x24x1x8xbf16>, %o: tensor<2x16x4x8xbf16>) -> tensor<2x16x4x8xbf16> {
  %0 = attn.attention ins(%q, %k, %v : tensor<2x16x4x32xbf16>, tensor<2x24x1x32xbf16>, tensor<2x24x1x8xbf16>) outs(%o : tensor<2x16x4x8xbf16>) layout = bshd -> tensor<2x16x4x8xbf16>
  return %0 : tensor<2x16x4x8xbf16>
}

// -----

// A boolean padding mask [B, 1, 1, Skv]: size-1 dims read index 0, and the
// mask selects between the scaled score and -inf.

// CHECK-DAG: #[[MMAP:.+]] = affine_map<(d0, d1, d2, d3) -> (d0, 0, 0, d3)>
// CHECK-DAG: #[[ID4:.+]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
// CHECK-LABEL: func.func @mask_i1(
// CHECK-SAME: %[[M:[a-zA-Z0-9_]+]]: tensor<2x1x1x24xi1>
// CHECK: linalg.generic {indexing_maps = [#[[MMAP]], #[[ID4]]], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%[[M]] : tensor<2x1x1x24xi1>) outs(%{{.+}} : tensor<2x4x16x24xf32>)
// CHECK: ^bb0(%[[ME:.+]]: i1, %[[SE:.+]]: f32):
// CHECK: %[[SC:.+]] = arith.mulf %[[SE]], %{{.+}} : f32
// CHECK: %[[NI:.+]] = arith.constant 0xFF800000 : f32
// CHECK: %[[SEL:.+]] = arith.select %[[ME]], %[[SC]], %[[NI]] : f32
// CHECK: linalg.yield %[[SEL]] : f32
func.func @mask_i1(%q: tensor<2x4x16x32xf32>, %k: tensor<2x4x24x32xf32>, %v: tensor<2x4x24x32xf32>, %m: tensor<2x1x1x24xi1>, %o: tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf32> {
  %0 = attn.attention ins(%q, %k, %v : tensor<2x4x16x32xf32>, tensor<2x4x24x32xf32>, tensor<2x4x24x32xf32>) mask(%m : tensor<2x1x1x24xi1>) outs(%o : tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf32>
  return %0 : tensor<2x4x16x32xf32>
}

// -----

// A float mask of rank 2 [Sq, Skv] broadcasts over B and Hq through the
// trailing dims; it is extended to f32 and added to the scaled score.

// CHECK-DAG: #[[MMAP:.+]] = affine_map<(d0, d1, d2, d3) -> (d2, d3)>
// CHECK-LABEL: func.func @mask_f16_rank2(
// CHECK-SAME: %[[M:[a-zA-Z0-9_]+]]: tensor<16x24xf16>
// CHECK: linalg.generic {indexing_maps = [#[[MMAP]], #{{.+}}], {{.*}} ins(%[[M]] : tensor<16x24xf16>)
// CHECK: ^bb0(%[[ME:.+]]: f16, %[[SE:.+]]: f32):
// CHECK: %[[SC:.+]] = arith.mulf %[[SE]], %{{.+}} : f32
// CHECK: %[[MF:.+]] = arith.extf %[[ME]] : f16 to f32
// CHECK: %[[ADD:.+]] = arith.addf %[[SC]], %[[MF]] : f32
// CHECK-NOT: arith.select
// CHECK: linalg.yield %[[ADD]] : f32
func.func @mask_f16_rank2(%q: tensor<2x4x16x32xf32>, %k: tensor<2x4x24x32xf32>, %v: tensor<2x4x24x32xf32>, %m: tensor<16x24xf16>, %o: tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf32> {
  %0 = attn.attention ins(%q, %k, %v : tensor<2x4x16x32xf32>, tensor<2x4x24x32xf32>, tensor<2x4x24x32xf32>) mask(%m : tensor<16x24xf16>) outs(%o : tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf32>
  return %0 : tensor<2x4x16x32xf32>
}

// -----

// A rank-0 mask broadcasts to everything: its map has no results.

// CHECK-DAG: #[[MMAP:.+]] = affine_map<(d0, d1, d2, d3) -> ()>
// CHECK-LABEL: func.func @mask_rank0(
// CHECK-SAME: %[[M:[a-zA-Z0-9_]+]]: tensor<f32>
// CHECK: linalg.generic {indexing_maps = [#[[MMAP]], #{{.+}}], {{.*}} ins(%[[M]] : tensor<f32>)
// CHECK: ^bb0(%[[ME:.+]]: f32, %[[SE:.+]]: f32):
// CHECK: %[[SC:.+]] = arith.mulf %[[SE]], %{{.+}} : f32
// CHECK: arith.addf %[[SC]], %[[ME]] : f32
func.func @mask_rank0(%q: tensor<2x4x16x32xf32>, %k: tensor<2x4x24x32xf32>, %v: tensor<2x4x24x32xf32>, %m: tensor<f32>, %o: tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf32> {
  %0 = attn.attention ins(%q, %k, %v : tensor<2x4x16x32xf32>, tensor<2x4x24x32xf32>, tensor<2x4x24x32xf32>) mask(%m : tensor<f32>) outs(%o : tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf32>
  return %0 : tensor<2x4x16x32xf32>
}

// -----

// Causal, top-left aligned: key j is visible to query i iff j <= i + 0.

// CHECK-LABEL: func.func @causal_top_left(
// CHECK: %[[DELTA:.+]] = arith.constant 0 : index
// CHECK: linalg.generic
// CHECK-SAME: outs(%{{.+}} : tensor<1x2x16x24xf32>)
// CHECK: %[[I:.+]] = linalg.index 2 : index
// CHECK: %[[J:.+]] = linalg.index 3 : index
// CHECK: %[[SC:.+]] = arith.mulf
// CHECK: %[[DIAG:.+]] = arith.addi %[[I]], %[[DELTA]] : index
// CHECK: %[[VIS:.+]] = arith.cmpi sle, %[[J]], %[[DIAG]] : index
// CHECK: %[[NI:.+]] = arith.constant 0xFF800000 : f32
// CHECK: %[[SEL:.+]] = arith.select %[[VIS]], %[[SC]], %[[NI]] : f32
// CHECK: linalg.yield %[[SEL]] : f32
func.func @causal_top_left(%q: tensor<1x2x16x8xf32>, %k: tensor<1x2x24x8xf32>, %v: tensor<1x2x24x8xf32>, %o: tensor<1x2x16x8xf32>) -> tensor<1x2x16x8xf32> {
  %0 = attn.attention ins(%q, %k, %v : tensor<1x2x16x8xf32>, tensor<1x2x24x8xf32>, tensor<1x2x24x8xf32>) outs(%o : tensor<1x2x16x8xf32>) causal = top_left -> tensor<1x2x16x8xf32>
  return %0 : tensor<1x2x16x8xf32>
}

// -----

// Causal, bottom-right aligned, with dynamic B, Sq and Skv: the diagonal is
// offset by Skv - Sq read from the operands, and every f32 temporary is
// sized from them.

// CHECK-LABEL: func.func @causal_bottom_right_dynamic(
// CHECK-SAME: %[[Q:[a-zA-Z0-9_]+]]: tensor<?x2x?x8xf32>, %[[K:[a-zA-Z0-9_]+]]: tensor<?x2x?x8xf32>
// The dynamic sizes the verifier took as compatible are checked at run time.
// CHECK: cf.assert %{{.+}}, "attn.attention at {{.+}}: the batch sizes of 'query' and 'key' differ at run time"
// CHECK: cf.assert %{{.+}}, "attn.attention at {{.+}}: the batch sizes of 'key' and 'value' differ at run time"
// CHECK: cf.assert %{{.+}}, "attn.attention at {{.+}}: the batch sizes of 'query' and the init differ at run time"
// CHECK: cf.assert %{{.+}}, "attn.attention at {{.+}}: the query lengths of 'query' and the init differ at run time"
// CHECK: cf.assert %{{.+}}, "attn.attention at {{.+}}: the key lengths of 'key' and 'value' differ at run time"
// CHECK-NOT: cf.assert
// CHECK-DAG: %[[C0:.+]] = arith.constant 0 : index
// CHECK-DAG: %[[C2:.+]] = arith.constant 2 : index
// CHECK-DAG: %[[B:.+]] = tensor.dim %[[Q]], %[[C0]] : tensor<?x2x?x8xf32>
// CHECK-DAG: %[[SQ:.+]] = tensor.dim %[[Q]], %{{.+}} : tensor<?x2x?x8xf32>
// CHECK-DAG: %[[SKV:.+]] = tensor.dim %[[K]], %{{.+}} : tensor<?x2x?x8xf32>
// CHECK: tensor.empty(%[[B]], %[[SQ]], %[[SKV]]) : tensor<?x2x?x?xf32>
// CHECK: %[[DELTA:.+]] = arith.subi %[[SKV]], %[[SQ]] : index
// CHECK: linalg.generic
// CHECK: %[[I:.+]] = linalg.index 2 : index
// CHECK: %[[J:.+]] = linalg.index 3 : index
// CHECK: %[[DIAG:.+]] = arith.addi %[[I]], %[[DELTA]] : index
// CHECK: arith.cmpi sle, %[[J]], %[[DIAG]] : index
// CHECK: tensor.empty(%[[B]], %[[SQ]]) : tensor<?x2x?xf32>
// CHECK: -> tensor<?x2x?x8xf32>
func.func @causal_bottom_right_dynamic(%q: tensor<?x2x?x8xf32>, %k: tensor<?x2x?x8xf32>, %v: tensor<?x2x?x8xf32>, %o: tensor<?x2x?x8xf32>) -> tensor<?x2x?x8xf32> {
  %0 = attn.attention ins(%q, %k, %v : tensor<?x2x?x8xf32>, tensor<?x2x?x8xf32>, tensor<?x2x?x8xf32>) outs(%o : tensor<?x2x?x8xf32>) causal = bottom_right -> tensor<?x2x?x8xf32>
  return %0 : tensor<?x2x?x8xf32>
}

// -----

// Sliding window [4, 2] (bottom-right aligned, as without causal) and
// softcap 30: s = 30 * tanh(s / 30) after the scale, then keys outside
// [i + delta - 4, i + delta + 2] are masked.

// CHECK-LABEL: func.func @window_softcap(
// CHECK: %[[DELTA:.+]] = arith.subi %{{.+}}, %{{.+}} : index
// CHECK: linalg.generic
// CHECK: %[[I:.+]] = linalg.index 2 : index
// CHECK: %[[J:.+]] = linalg.index 3 : index
// CHECK: %[[SC:.+]] = arith.mulf %{{.+}}, %{{.+}} : f32
// CHECK: %[[CAP:.+]] = arith.constant 3.000000e+01 : f32
// CHECK: %[[DIV:.+]] = arith.divf %[[SC]], %[[CAP]] : f32
// CHECK: %[[TANH:.+]] = math.tanh %[[DIV]] : f32
// CHECK: %[[CAPPED:.+]] = arith.mulf %[[TANH]], %[[CAP]] : f32
// CHECK: %[[DIAG:.+]] = arith.addi %[[I]], %[[DELTA]] : index
// CHECK: %[[LEFT:.+]] = arith.constant 4 : index
// CHECK: %[[LO:.+]] = arith.subi %[[DIAG]], %[[LEFT]] : index
// CHECK: %[[GE:.+]] = arith.cmpi sge, %[[J]], %[[LO]] : index
// CHECK: %[[RIGHT:.+]] = arith.constant 2 : index
// CHECK: %[[HI:.+]] = arith.addi %[[DIAG]], %[[RIGHT]] : index
// CHECK: %[[LE:.+]] = arith.cmpi sle, %[[J]], %[[HI]] : index
// CHECK: %[[VIS:.+]] = arith.andi %[[GE]], %[[LE]] : i1
// CHECK: %[[NI:.+]] = arith.constant 0xFF800000 : f32
// CHECK: %[[SEL:.+]] = arith.select %[[VIS]], %[[CAPPED]], %[[NI]] : f32
// CHECK: linalg.yield %[[SEL]] : f32
func.func @window_softcap(%q: tensor<1x2x16x8xf32>, %k: tensor<1x2x16x8xf32>, %v: tensor<1x2x16x8xf32>, %o: tensor<1x2x16x8xf32>) -> tensor<1x2x16x8xf32> {
  %0 = attn.attention ins(%q, %k, %v : tensor<1x2x16x8xf32>, tensor<1x2x16x8xf32>, tensor<1x2x16x8xf32>) outs(%o : tensor<1x2x16x8xf32>) window = [4, 2] softcap = 30.0 -> tensor<1x2x16x8xf32>
  return %0 : tensor<1x2x16x8xf32>
}

// -----

// Causal, a boolean mask and a window together: all three conditions are
// conjoined into one select.

// CHECK-LABEL: func.func @mask_causal_window(
// CHECK: ^bb0(%[[ME:.+]]: i1, %{{.+}}: f32):
// CHECK: %[[CAUSAL:.+]] = arith.cmpi sle
// CHECK: %[[A1:.+]] = arith.andi %[[ME]], %[[CAUSAL]] : i1
// CHECK: %[[GE:.+]] = arith.cmpi sge
// CHECK: %[[A2:.+]] = arith.andi %[[A1]], %[[GE]] : i1
// CHECK: arith.select %[[A2]]
// CHECK-NOT: arith.select
// CHECK: linalg.yield
func.func @mask_causal_window(%q: tensor<1x2x16x8xf32>, %k: tensor<1x2x16x8xf32>, %v: tensor<1x2x16x8xf32>, %m: tensor<1x16xi1>, %o: tensor<1x2x16x8xf32>) -> tensor<1x2x16x8xf32> {
  %0 = attn.attention ins(%q, %k, %v : tensor<1x2x16x8xf32>, tensor<1x2x16x8xf32>, tensor<1x2x16x8xf32>) mask(%m : tensor<1x16xi1>) outs(%o : tensor<1x2x16x8xf32>) causal = top_left window = [3, -1] -> tensor<1x2x16x8xf32>
  return %0 : tensor<1x2x16x8xf32>
}

// -----

// Operands whose dynamic sizes fold to constants (a tensor.cast of static
// tensors): the inits get the static sizes the results are typed with (the
// init used to keep them dynamic, which does not verify).

// CHECK-LABEL: func.func @cast_of_static(
// CHECK: %[[E:.+]] = tensor.empty() : tensor<2x3x11x11xf32>
// CHECK: %[[F:.+]] = linalg.fill ins(%{{.+}} : f32) outs(%[[E]] : tensor<2x3x11x11xf32>)
// CHECK: linalg.generic {{.*}} outs(%[[F]] : tensor<2x3x11x11xf32>)
func.func @cast_of_static(%qs: tensor<2x11x3x16xf32>, %ks: tensor<2x11x3x16xf32>, %vs: tensor<2x11x3x16xf32>, %b: index, %s: index) -> tensor<?x?x3x16xf32> {
  %q = tensor.cast %qs : tensor<2x11x3x16xf32> to tensor<?x?x3x16xf32>
  %k = tensor.cast %ks : tensor<2x11x3x16xf32> to tensor<?x?x3x16xf32>
  %v = tensor.cast %vs : tensor<2x11x3x16xf32> to tensor<?x?x3x16xf32>
  %e = tensor.empty(%b, %s) : tensor<?x?x3x16xf32>
  %o = attn.attention ins(%q, %k, %v : tensor<?x?x3x16xf32>, tensor<?x?x3x16xf32>, tensor<?x?x3x16xf32>) outs(%e : tensor<?x?x3x16xf32>) layout = bshd -> tensor<?x?x3x16xf32>
  return %o : tensor<?x?x3x16xf32>
}
