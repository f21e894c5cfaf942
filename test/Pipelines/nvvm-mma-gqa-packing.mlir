// GQA/MQA with few query rows (decoding) on the tensor-core path:
// attn-gpu-mma-attention makes the G = Hq / Hkv query heads of each K/V head
// rows of one head (row g * Sq + i of packed head k is row i of query head
// k * G + g), so that one CTA reads each K/V tile once for the group. BHSD
// is a reshape of Q, the mask and the result; BSHD transposes Q and the
// result (small: few rows). Only when nothing depends on the row index and
// G x Sq fits one 64-row tile. (Numerics: Integration/CPU/gpu-gqa-packing.test.)
// RUN: attn-opt %s -split-input-file --attn-gpu-mma-attention=claim=true | FileCheck %s
// RUN: attn-opt %s -split-input-file --attn-gpu-mma-attention='claim=true report=true' -o /dev/null -verify-diagnostics
// RUN: attn-opt %s -split-input-file --attn-gpu-mma-attention='claim=true pack-gqa=false' | FileCheck %s --check-prefix=OFF
// RUN: attn-opt %s -split-input-file --pass-pipeline='builtin.module(attn-nvvm-pipeline{chip=sm_80 mma-pack-gqa=false format=isa})' | FileCheck %s --check-prefix=PIPEOFF
// OFF-NOT: tensor.collapse_shape
// OFF-NOT: linalg.transpose
// PIPEOFF-NOT: tensor.collapse_shape

// CHECK-LABEL: func.func @decode_bhsd(
// CHECK-SAME:    %[[Q:[^:]*]]: tensor<?x8x1x64xf16>, %[[K:[^:]*]]: tensor<?x2x300x64xf16>, %[[V:[^:]*]]: tensor<?x2x300x64xf16>, %[[I:[^:]*]]: tensor<?x8x1x64xf16>)
// CHECK:         %[[C:.*]] = tensor.collapse_shape %[[Q]] {{\[}}[0], [1, 2], [3]] : tensor<?x8x1x64xf16> into tensor<?x8x64xf16>
// CHECK:         %[[E:.*]] = tensor.expand_shape %[[C]] {{\[}}[0], [1, 2], [3]] output_shape [%{{.*}}, 2, 4, 64] : tensor<?x8x64xf16> into tensor<?x2x4x64xf16>
// CHECK:         %[[B:.*]] = tensor.dim %[[I]], %{{.*}} : tensor<?x8x1x64xf16>
// CHECK:         %[[INIT:.*]] = tensor.empty(%[[B]]) : tensor<?x2x4x64xf16>
// Bottom-right causal with one query row bounds nothing: dropped.
// CHECK:         %[[R:.*]] = attn.attention ins(%[[E]], %[[K]], %[[V]] : tensor<?x2x4x64xf16>, tensor<?x2x300x64xf16>, tensor<?x2x300x64xf16>) outs(%[[INIT]] : tensor<?x2x4x64xf16>) {attn.deferred}
// CHECK:         %[[RC:.*]] = tensor.collapse_shape %[[R]] {{\[}}[0], [1, 2], [3]] : tensor<?x2x4x64xf16> into tensor<?x8x64xf16>
// CHECK:         %[[RE:.*]] = tensor.expand_shape %[[RC]] {{\[}}[0], [1, 2], [3]] output_shape [%{{.*}}, 8, 1, 64] : tensor<?x8x64xf16> into tensor<?x8x1x64xf16>
// CHECK:         return %[[RE]]
func.func @decode_bhsd(%q: tensor<?x8x1x64xf16>, %k: tensor<?x2x300x64xf16>, %v: tensor<?x2x300x64xf16>, %init: tensor<?x8x1x64xf16>) -> tensor<?x8x1x64xf16> {
  // expected-remark @below {{the query heads of each K/V head packed as the rows of one head (4 rows)}}
  %r = attn.attention ins(%q, %k, %v : tensor<?x8x1x64xf16>, tensor<?x2x300x64xf16>, tensor<?x2x300x64xf16>) outs(%init : tensor<?x8x1x64xf16>) causal = bottom_right -> tensor<?x8x1x64xf16>
  return %r : tensor<?x8x1x64xf16>
}

// -----

// BSHD, 3 query rows, a mask per head and row: Q and the result are
// transposed, the mask reshaped to [B, Hkv, G * Sq, Skv].
// CHECK-LABEL: func.func @short_bshd_mask(
// CHECK-SAME:    %[[Q:[^:]*]]: tensor<2x3x8x32xbf16>, %{{[^:]*}}: tensor<2x90x2x32xbf16>, %{{[^:]*}}: tensor<2x90x2x32xbf16>, %[[M:[^:]*]]: tensor<2x8x3x90xi1>)
// CHECK:         %[[QE:.*]] = tensor.expand_shape %[[Q]] {{\[}}[0], [1], [2, 3], [4]] output_shape [2, 3, 2, 4, 32]
// CHECK:         %[[QT:.*]] = linalg.transpose ins(%[[QE]] : tensor<2x3x2x4x32xbf16>) outs(%{{.*}} : tensor<2x4x3x2x32xbf16>) permutation = [0, 3, 1, 2, 4]
// CHECK:         %[[QP:.*]] = tensor.collapse_shape %[[QT]] {{\[}}[0], [1, 2], [3], [4]] : tensor<2x4x3x2x32xbf16> into tensor<2x12x2x32xbf16>
// CHECK:         %[[MC:.*]] = tensor.collapse_shape %[[M]] {{\[}}[0], [1, 2], [3]] : tensor<2x8x3x90xi1> into tensor<2x24x90xi1>
// CHECK:         %[[MP:.*]] = tensor.expand_shape %[[MC]] {{\[}}[0], [1, 2], [3]] output_shape [2, 2, 12, 90]
// CHECK:         %[[R:.*]] = attn.attention ins(%[[QP]], {{.*}}) mask(%[[MP]] : tensor<2x2x12x90xi1>) outs(%{{.*}} : tensor<2x12x2x32xbf16>) softcap = 3.000000e+01 layout = bshd {attn.deferred}
// CHECK:         %[[RE:.*]] = tensor.expand_shape %[[R]] {{\[}}[0], [1, 2], [3], [4]] output_shape [2, 4, 3, 2, 32]
// CHECK:         %[[RT:.*]] = linalg.transpose ins(%[[RE]] : tensor<2x4x3x2x32xbf16>) outs(%{{.*}} : tensor<2x3x2x4x32xbf16>) permutation = [0, 2, 3, 1, 4]
// CHECK:         %[[RC:.*]] = tensor.collapse_shape %[[RT]] {{\[}}[0], [1], [2, 3], [4]] : tensor<2x3x2x4x32xbf16> into tensor<2x3x8x32xbf16>
// CHECK:         return %[[RC]]
func.func @short_bshd_mask(%q: tensor<2x3x8x32xbf16>, %k: tensor<2x90x2x32xbf16>, %v: tensor<2x90x2x32xbf16>, %m: tensor<2x8x3x90xi1>) -> tensor<2x3x8x32xbf16> {
  %init = tensor.empty() : tensor<2x3x8x32xbf16>
  // expected-remark @below {{packed as the rows of one head (12 rows)}}
  %r = attn.attention ins(%q, %k, %v : tensor<2x3x8x32xbf16>, tensor<2x90x2x32xbf16>, tensor<2x90x2x32xbf16>) mask(%m : tensor<2x8x3x90xi1>) outs(%init : tensor<2x3x8x32xbf16>) softcap = 30.0 layout = bshd -> tensor<2x3x8x32xbf16>
  return %r : tensor<2x3x8x32xbf16>
}

// -----

// MQA with a key-only mask (the same for every row and head): kept as it is.
// CHECK-LABEL: func.func @mqa_key_mask(
// CHECK-SAME:    %{{[^:]*}}: tensor<1x16x1x128xf16>, %{{[^:]*}}: tensor<1x1x500x128xf16>, %{{[^:]*}}: tensor<1x1x500x128xf16>, %[[M:[^:]*]]: tensor<500xf32>)
// CHECK:         attn.attention ins({{.*}} : tensor<1x1x16x128xf16>, tensor<1x1x500x128xf16>, tensor<1x1x500x128xf16>) mask(%[[M]] : tensor<500xf32>) outs({{.*}}) scale = 1.250000e-01 {attn.deferred}
func.func @mqa_key_mask(%q: tensor<1x16x1x128xf16>, %k: tensor<1x1x500x128xf16>, %v: tensor<1x1x500x128xf16>, %m: tensor<500xf32>) -> tensor<1x16x1x128xf16> {
  %init = tensor.empty() : tensor<1x16x1x128xf16>
  // expected-remark @below {{packed as the rows of one head (16 rows)}}
  %r = attn.attention ins(%q, %k, %v : tensor<1x16x1x128xf16>, tensor<1x1x500x128xf16>, tensor<1x1x500x128xf16>) mask(%m : tensor<500xf32>) outs(%init : tensor<1x16x1x128xf16>) scale = 0.125 -> tensor<1x16x1x128xf16>
  return %r : tensor<1x16x1x128xf16>
}

// -----

// Left alone (no remark): the row index matters or the rows do not fit one
// tile. Causal with several rows; top-left causal with one row (key 0
// only); a window; a mask that depends on the row but not the head; 80 rows;
// a dynamic Sq; MHA.
// CHECK-LABEL: func.func @kept(
// CHECK-NOT:     tensor.collapse_shape
// CHECK-NOT:     linalg.transpose
// CHECK:         return
func.func @kept(%q4: tensor<1x8x4x64xf16>, %q1: tensor<1x8x1x64xf16>, %q20: tensor<1x8x20x64xf16>, %qd: tensor<1x8x?x64xf16>, %k: tensor<1x2x100x64xf16>, %v: tensor<1x2x100x64xf16>, %mq: tensor<1x1x4x100xi1>, %k8: tensor<1x8x100x64xf16>) -> (tensor<1x8x4x64xf16>, tensor<1x8x1x64xf16>, tensor<1x8x1x64xf16>, tensor<1x8x4x64xf16>, tensor<1x8x20x64xf16>, tensor<1x8x?x64xf16>, tensor<1x8x1x64xf16>) {
  %i4 = tensor.empty() : tensor<1x8x4x64xf16>
  %i1 = tensor.empty() : tensor<1x8x1x64xf16>
  %i20 = tensor.empty() : tensor<1x8x20x64xf16>
  %c2 = arith.constant 2 : index
  %sq = tensor.dim %qd, %c2 : tensor<1x8x?x64xf16>
  %id = tensor.empty(%sq) : tensor<1x8x?x64xf16>
  %a = attn.attention ins(%q4, %k, %v : tensor<1x8x4x64xf16>, tensor<1x2x100x64xf16>, tensor<1x2x100x64xf16>) outs(%i4 : tensor<1x8x4x64xf16>) causal = bottom_right -> tensor<1x8x4x64xf16>
  %b = attn.attention ins(%q1, %k, %v : tensor<1x8x1x64xf16>, tensor<1x2x100x64xf16>, tensor<1x2x100x64xf16>) outs(%i1 : tensor<1x8x1x64xf16>) causal = top_left -> tensor<1x8x1x64xf16>
  %c = attn.attention ins(%q1, %k, %v : tensor<1x8x1x64xf16>, tensor<1x2x100x64xf16>, tensor<1x2x100x64xf16>) outs(%i1 : tensor<1x8x1x64xf16>) window = [16, 0] -> tensor<1x8x1x64xf16>
  %d = attn.attention ins(%q4, %k, %v : tensor<1x8x4x64xf16>, tensor<1x2x100x64xf16>, tensor<1x2x100x64xf16>) mask(%mq : tensor<1x1x4x100xi1>) outs(%i4 : tensor<1x8x4x64xf16>) -> tensor<1x8x4x64xf16>
  %e = attn.attention ins(%q20, %k, %v : tensor<1x8x20x64xf16>, tensor<1x2x100x64xf16>, tensor<1x2x100x64xf16>) outs(%i20 : tensor<1x8x20x64xf16>) -> tensor<1x8x20x64xf16>
  %f = attn.attention ins(%qd, %k, %v : tensor<1x8x?x64xf16>, tensor<1x2x100x64xf16>, tensor<1x2x100x64xf16>) outs(%id : tensor<1x8x?x64xf16>) -> tensor<1x8x?x64xf16>
  %g = attn.attention ins(%q1, %k8, %k8 : tensor<1x8x1x64xf16>, tensor<1x8x100x64xf16>, tensor<1x8x100x64xf16>) outs(%i1 : tensor<1x8x1x64xf16>) -> tensor<1x8x1x64xf16>
  return %a, %b, %c, %d, %e, %f, %g : tensor<1x8x4x64xf16>, tensor<1x8x1x64xf16>, tensor<1x8x1x64xf16>, tensor<1x8x4x64xf16>, tensor<1x8x20x64xf16>, tensor<1x8x?x64xf16>, tensor<1x8x1x64xf16>
}

// -----

// An init whose batch or Sq is static where Q's is dynamic, or the other
// way round (the verifier merges them): left alone, so that the run-time
// check comparing them stays (found by a reviewer: invalid IR, a crash, and
// a dropped check).
// CHECK-LABEL: func.func @kept_mixed(
// CHECK-NOT:     tensor.collapse_shape
// CHECK-NOT:     linalg.transpose
// CHECK:         return
func.func @kept_mixed(%q: tensor<2x8x1x16xf16>, %qd: tensor<?x8x1x16xf16>, %qb: tensor<?x2x8x16xf16>, %k: tensor<?x2x37x16xf16>, %kb: tensor<?x37x2x16xf16>, %id: tensor<?x8x1x16xf16>, %is: tensor<2x8x1x16xf16>, %ib: tensor<2x2x8x16xf16>, %iq: tensor<2x8x?x16xf16>) -> (tensor<?x8x1x16xf16>, tensor<2x8x1x16xf16>, tensor<2x2x8x16xf16>, tensor<2x8x?x16xf16>) {
  %a = attn.attention ins(%q, %k, %k : tensor<2x8x1x16xf16>, tensor<?x2x37x16xf16>, tensor<?x2x37x16xf16>) outs(%id : tensor<?x8x1x16xf16>) -> tensor<?x8x1x16xf16>
  %b = attn.attention ins(%qd, %k, %k : tensor<?x8x1x16xf16>, tensor<?x2x37x16xf16>, tensor<?x2x37x16xf16>) outs(%is : tensor<2x8x1x16xf16>) -> tensor<2x8x1x16xf16>
  %c = attn.attention ins(%qb, %kb, %kb : tensor<?x2x8x16xf16>, tensor<?x37x2x16xf16>, tensor<?x37x2x16xf16>) outs(%ib : tensor<2x2x8x16xf16>) layout = bshd -> tensor<2x2x8x16xf16>
  %d = attn.attention ins(%q, %k, %k : tensor<2x8x1x16xf16>, tensor<?x2x37x16xf16>, tensor<?x2x37x16xf16>) outs(%iq : tensor<2x8x?x16xf16>) -> tensor<2x8x?x16xf16>
  return %a, %b, %c, %d : tensor<?x8x1x16xf16>, tensor<2x8x1x16xf16>, tensor<2x2x8x16xf16>, tensor<2x8x?x16xf16>
}
