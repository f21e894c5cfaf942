// RUN: attn-opt %s | attn-opt | FileCheck %s
// RUN: attn-opt %s -mlir-print-op-generic | attn-opt | FileCheck %s
// RUN: attn-opt %s -emit-bytecode | attn-opt | FileCheck %s

// Round trip of every form of attn.attention: through the custom assembly
// format, the generic form and bytecode. Each case is written the way a user
// would, and checked against the canonical printed form (attributes print in
// a fixed order; floats print in scientific notation).

// CHECK-LABEL: func.func @mha_f32(
// CHECK-SAME: %[[Q:[a-zA-Z0-9_]+]]: tensor<2x4x16x32xf32>, %[[K:[a-zA-Z0-9_]+]]: tensor<2x4x24x32xf32>, %[[V:[a-zA-Z0-9_]+]]: tensor<2x4x24x48xf32>, %[[O:[a-zA-Z0-9_]+]]: tensor<2x4x16x48xf32>) -> tensor<2x4x16x48xf32>
// CHECK-NEXT: %[[R:.+]] = attn.attention ins(%[[Q]], %[[K]], %[[V]] : tensor<2x4x16x32xf32>, tensor<2x4x24x32xf32>, tensor<2x4x24x48xf32>) outs(%[[O]] : tensor<2x4x16x48xf32>) -> tensor<2x4x16x48xf32>
// CHECK-NEXT: return %[[R]]
func.func @mha_f32(%q: tensor<2x4x16x32xf32>, %k: tensor<2x4x24x32xf32>, %v: tensor<2x4x24x48xf32>, %o: tensor<2x4x16x48xf32>) -> tensor<2x4x16x48xf32> {
  %0 = attn.attention ins(%q, %k, %v : tensor<2x4x16x32xf32>, tensor<2x4x24x32xf32>, tensor<2x4x24x48xf32>) outs(%o : tensor<2x4x16x48xf32>) -> tensor<2x4x16x48xf32>
  return %0 : tensor<2x4x16x48xf32>
}

// CHECK-LABEL: func.func @gqa_f16_scale(
// CHECK-SAME: %[[Q:[a-zA-Z0-9_]+]]: tensor<1x8x16x64xf16>, %[[K:[a-zA-Z0-9_]+]]: tensor<1x2x16x64xf16>, %[[V:[a-zA-Z0-9_]+]]: tensor<1x2x16x64xf16>, %[[O:[a-zA-Z0-9_]+]]: tensor<1x8x16x64xf16>) -> tensor<1x8x16x64xf16>
// CHECK-NEXT: %[[R:.+]] = attn.attention ins(%[[Q]], %[[K]], %[[V]] : tensor<1x8x16x64xf16>, tensor<1x2x16x64xf16>, tensor<1x2x16x64xf16>) outs(%[[O]] : tensor<1x8x16x64xf16>) scale = 1.250000e-01 -> tensor<1x8x16x64xf16>
// CHECK-NEXT: return %[[R]]
func.func @gqa_f16_scale(%q: tensor<1x8x16x64xf16>, %k: tensor<1x2x16x64xf16>, %v: tensor<1x2x16x64xf16>, %o: tensor<1x8x16x64xf16>) -> tensor<1x8x16x64xf16> {
  %0 = attn.attention ins(%q, %k, %v : tensor<1x8x16x64xf16>, tensor<1x2x16x64xf16>, tensor<1x2x16x64xf16>) outs(%o : tensor<1x8x16x64xf16>) scale = 0.125 -> tensor<1x8x16x64xf16>
  return %0 : tensor<1x8x16x64xf16>
}

// CHECK-LABEL: func.func @mqa_bf16(
// CHECK-SAME: %[[Q:[a-zA-Z0-9_]+]]: tensor<3x6x5x16xbf16>, %[[K:[a-zA-Z0-9_]+]]: tensor<3x1x7x16xbf16>, %[[V:[a-zA-Z0-9_]+]]: tensor<3x1x7x8xbf16>, %[[O:[a-zA-Z0-9_]+]]: tensor<3x6x5x8xbf16>) -> tensor<3x6x5x8xbf16>
// CHECK-NEXT: %[[R:.+]] = attn.attention ins(%[[Q]], %[[K]], %[[V]] : tensor<3x6x5x16xbf16>, tensor<3x1x7x16xbf16>, tensor<3x1x7x8xbf16>) outs(%[[O]] : tensor<3x6x5x8xbf16>) -> tensor<3x6x5x8xbf16>
// CHECK-NEXT: return %[[R]]
func.func @mqa_bf16(%q: tensor<3x6x5x16xbf16>, %k: tensor<3x1x7x16xbf16>, %v: tensor<3x1x7x8xbf16>, %o: tensor<3x6x5x8xbf16>) -> tensor<3x6x5x8xbf16> {
  %0 = attn.attention ins(%q, %k, %v : tensor<3x6x5x16xbf16>, tensor<3x1x7x16xbf16>, tensor<3x1x7x8xbf16>) outs(%o : tensor<3x6x5x8xbf16>) -> tensor<3x6x5x8xbf16>
  return %0 : tensor<3x6x5x8xbf16>
}

// CHECK-LABEL: func.func @bshd_gqa(
// CHECK-SAME: %[[Q:[a-zA-Z0-9_]+]]: tensor<2x16x8x32xf32>, %[[K:[a-zA-Z0-9_]+]]: tensor<2x24x2x32xf32>, %[[V:[a-zA-Z0-9_]+]]: tensor<2x24x2x32xf32>, %[[O:[a-zA-Z0-9_]+]]: tensor<2x16x8x32xf32>) -> tensor<2x16x8x32xf32>
// CHECK-NEXT: %[[R:.+]] = attn.attention ins(%[[Q]], %[[K]], %[[V]] : tensor<2x16x8x32xf32>, tensor<2x24x2x32xf32>, tensor<2x24x2x32xf32>) outs(%[[O]] : tensor<2x16x8x32xf32>) layout = bshd -> tensor<2x16x8x32xf32>
// CHECK-NEXT: return %[[R]]
func.func @bshd_gqa(%q: tensor<2x16x8x32xf32>, %k: tensor<2x24x2x32xf32>, %v: tensor<2x24x2x32xf32>, %o: tensor<2x16x8x32xf32>) -> tensor<2x16x8x32xf32> {
  %0 = attn.attention ins(%q, %k, %v : tensor<2x16x8x32xf32>, tensor<2x24x2x32xf32>, tensor<2x24x2x32xf32>) outs(%o : tensor<2x16x8x32xf32>) layout = bshd -> tensor<2x16x8x32xf32>
  return %0 : tensor<2x16x8x32xf32>
}

// CHECK-LABEL: func.func @bhsd_explicit(
// CHECK-SAME: %[[Q:[a-zA-Z0-9_]+]]: tensor<2x4x16x32xf32>, %[[K:[a-zA-Z0-9_]+]]: tensor<2x4x24x32xf32>, %[[V:[a-zA-Z0-9_]+]]: tensor<2x4x24x32xf32>, %[[O:[a-zA-Z0-9_]+]]: tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf32>
// CHECK-NEXT: %[[R:.+]] = attn.attention ins(%[[Q]], %[[K]], %[[V]] : tensor<2x4x16x32xf32>, tensor<2x4x24x32xf32>, tensor<2x4x24x32xf32>) outs(%[[O]] : tensor<2x4x16x32xf32>) causal = none layout = bhsd -> tensor<2x4x16x32xf32>
// CHECK-NEXT: return %[[R]]
func.func @bhsd_explicit(%q: tensor<2x4x16x32xf32>, %k: tensor<2x4x24x32xf32>, %v: tensor<2x4x24x32xf32>, %o: tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf32> {
  %0 = attn.attention ins(%q, %k, %v : tensor<2x4x16x32xf32>, tensor<2x4x24x32xf32>, tensor<2x4x24x32xf32>) outs(%o : tensor<2x4x16x32xf32>) causal = none layout = bhsd -> tensor<2x4x16x32xf32>
  return %0 : tensor<2x4x16x32xf32>
}

// CHECK-LABEL: func.func @mask_i1_rank4(
// CHECK-SAME: %[[Q:[a-zA-Z0-9_]+]]: tensor<2x4x16x32xf32>, %[[K:[a-zA-Z0-9_]+]]: tensor<2x4x24x32xf32>, %[[V:[a-zA-Z0-9_]+]]: tensor<2x4x24x32xf32>, %[[M:[a-zA-Z0-9_]+]]: tensor<2x4x16x24xi1>, %[[O:[a-zA-Z0-9_]+]]: tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf32>
// CHECK-NEXT: %[[R:.+]] = attn.attention ins(%[[Q]], %[[K]], %[[V]] : tensor<2x4x16x32xf32>, tensor<2x4x24x32xf32>, tensor<2x4x24x32xf32>) mask(%[[M]] : tensor<2x4x16x24xi1>) outs(%[[O]] : tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf32>
// CHECK-NEXT: return %[[R]]
func.func @mask_i1_rank4(%q: tensor<2x4x16x32xf32>, %k: tensor<2x4x24x32xf32>, %v: tensor<2x4x24x32xf32>, %m: tensor<2x4x16x24xi1>, %o: tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf32> {
  %0 = attn.attention ins(%q, %k, %v : tensor<2x4x16x32xf32>, tensor<2x4x24x32xf32>, tensor<2x4x24x32xf32>) mask(%m : tensor<2x4x16x24xi1>) outs(%o : tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf32>
  return %0 : tensor<2x4x16x32xf32>
}

// CHECK-LABEL: func.func @mask_i1_padding(
// CHECK-SAME: %[[Q:[a-zA-Z0-9_]+]]: tensor<2x4x16x32xf32>, %[[K:[a-zA-Z0-9_]+]]: tensor<2x4x24x32xf32>, %[[V:[a-zA-Z0-9_]+]]: tensor<2x4x24x32xf32>, %[[M:[a-zA-Z0-9_]+]]: tensor<2x1x1x24xi1>, %[[O:[a-zA-Z0-9_]+]]: tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf32>
// CHECK-NEXT: %[[R:.+]] = attn.attention ins(%[[Q]], %[[K]], %[[V]] : tensor<2x4x16x32xf32>, tensor<2x4x24x32xf32>, tensor<2x4x24x32xf32>) mask(%[[M]] : tensor<2x1x1x24xi1>) outs(%[[O]] : tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf32>
// CHECK-NEXT: return %[[R]]
func.func @mask_i1_padding(%q: tensor<2x4x16x32xf32>, %k: tensor<2x4x24x32xf32>, %v: tensor<2x4x24x32xf32>, %m: tensor<2x1x1x24xi1>, %o: tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf32> {
  %0 = attn.attention ins(%q, %k, %v : tensor<2x4x16x32xf32>, tensor<2x4x24x32xf32>, tensor<2x4x24x32xf32>) mask(%m : tensor<2x1x1x24xi1>) outs(%o : tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf32>
  return %0 : tensor<2x4x16x32xf32>
}

// CHECK-LABEL: func.func @mask_f32_rank3(
// CHECK-SAME: %[[Q:[a-zA-Z0-9_]+]]: tensor<2x4x16x32xf32>, %[[K:[a-zA-Z0-9_]+]]: tensor<2x4x24x32xf32>, %[[V:[a-zA-Z0-9_]+]]: tensor<2x4x24x32xf32>, %[[M:[a-zA-Z0-9_]+]]: tensor<4x16x24xf32>, %[[O:[a-zA-Z0-9_]+]]: tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf32>
// CHECK-NEXT: %[[R:.+]] = attn.attention ins(%[[Q]], %[[K]], %[[V]] : tensor<2x4x16x32xf32>, tensor<2x4x24x32xf32>, tensor<2x4x24x32xf32>) mask(%[[M]] : tensor<4x16x24xf32>) outs(%[[O]] : tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf32>
// CHECK-NEXT: return %[[R]]
func.func @mask_f32_rank3(%q: tensor<2x4x16x32xf32>, %k: tensor<2x4x24x32xf32>, %v: tensor<2x4x24x32xf32>, %m: tensor<4x16x24xf32>, %o: tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf32> {
  %0 = attn.attention ins(%q, %k, %v : tensor<2x4x16x32xf32>, tensor<2x4x24x32xf32>, tensor<2x4x24x32xf32>) mask(%m : tensor<4x16x24xf32>) outs(%o : tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf32>
  return %0 : tensor<2x4x16x32xf32>
}

// CHECK-LABEL: func.func @mask_f16_rank2(
// CHECK-SAME: %[[Q:[a-zA-Z0-9_]+]]: tensor<2x4x16x32xf16>, %[[K:[a-zA-Z0-9_]+]]: tensor<2x4x24x32xf16>, %[[V:[a-zA-Z0-9_]+]]: tensor<2x4x24x32xf16>, %[[M:[a-zA-Z0-9_]+]]: tensor<16x24xf16>, %[[O:[a-zA-Z0-9_]+]]: tensor<2x4x16x32xf16>) -> tensor<2x4x16x32xf16>
// CHECK-NEXT: %[[R:.+]] = attn.attention ins(%[[Q]], %[[K]], %[[V]] : tensor<2x4x16x32xf16>, tensor<2x4x24x32xf16>, tensor<2x4x24x32xf16>) mask(%[[M]] : tensor<16x24xf16>) outs(%[[O]] : tensor<2x4x16x32xf16>) -> tensor<2x4x16x32xf16>
// CHECK-NEXT: return %[[R]]
func.func @mask_f16_rank2(%q: tensor<2x4x16x32xf16>, %k: tensor<2x4x24x32xf16>, %v: tensor<2x4x24x32xf16>, %m: tensor<16x24xf16>, %o: tensor<2x4x16x32xf16>) -> tensor<2x4x16x32xf16> {
  %0 = attn.attention ins(%q, %k, %v : tensor<2x4x16x32xf16>, tensor<2x4x24x32xf16>, tensor<2x4x24x32xf16>) mask(%m : tensor<16x24xf16>) outs(%o : tensor<2x4x16x32xf16>) -> tensor<2x4x16x32xf16>
  return %0 : tensor<2x4x16x32xf16>
}

// CHECK-LABEL: func.func @mask_bf16_rank1(
// CHECK-SAME: %[[Q:[a-zA-Z0-9_]+]]: tensor<2x4x16x32xbf16>, %[[K:[a-zA-Z0-9_]+]]: tensor<2x4x24x32xbf16>, %[[V:[a-zA-Z0-9_]+]]: tensor<2x4x24x32xbf16>, %[[M:[a-zA-Z0-9_]+]]: tensor<24xbf16>, %[[O:[a-zA-Z0-9_]+]]: tensor<2x4x16x32xbf16>) -> tensor<2x4x16x32xbf16>
// CHECK-NEXT: %[[R:.+]] = attn.attention ins(%[[Q]], %[[K]], %[[V]] : tensor<2x4x16x32xbf16>, tensor<2x4x24x32xbf16>, tensor<2x4x24x32xbf16>) mask(%[[M]] : tensor<24xbf16>) outs(%[[O]] : tensor<2x4x16x32xbf16>) -> tensor<2x4x16x32xbf16>
// CHECK-NEXT: return %[[R]]
func.func @mask_bf16_rank1(%q: tensor<2x4x16x32xbf16>, %k: tensor<2x4x24x32xbf16>, %v: tensor<2x4x24x32xbf16>, %m: tensor<24xbf16>, %o: tensor<2x4x16x32xbf16>) -> tensor<2x4x16x32xbf16> {
  %0 = attn.attention ins(%q, %k, %v : tensor<2x4x16x32xbf16>, tensor<2x4x24x32xbf16>, tensor<2x4x24x32xbf16>) mask(%m : tensor<24xbf16>) outs(%o : tensor<2x4x16x32xbf16>) -> tensor<2x4x16x32xbf16>
  return %0 : tensor<2x4x16x32xbf16>
}

// CHECK-LABEL: func.func @mask_i1_rank0(
// CHECK-SAME: %[[Q:[a-zA-Z0-9_]+]]: tensor<2x4x16x32xf32>, %[[K:[a-zA-Z0-9_]+]]: tensor<2x4x24x32xf32>, %[[V:[a-zA-Z0-9_]+]]: tensor<2x4x24x32xf32>, %[[M:[a-zA-Z0-9_]+]]: tensor<i1>, %[[O:[a-zA-Z0-9_]+]]: tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf32>
// CHECK-NEXT: %[[R:.+]] = attn.attention ins(%[[Q]], %[[K]], %[[V]] : tensor<2x4x16x32xf32>, tensor<2x4x24x32xf32>, tensor<2x4x24x32xf32>) mask(%[[M]] : tensor<i1>) outs(%[[O]] : tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf32>
// CHECK-NEXT: return %[[R]]
func.func @mask_i1_rank0(%q: tensor<2x4x16x32xf32>, %k: tensor<2x4x24x32xf32>, %v: tensor<2x4x24x32xf32>, %m: tensor<i1>, %o: tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf32> {
  %0 = attn.attention ins(%q, %k, %v : tensor<2x4x16x32xf32>, tensor<2x4x24x32xf32>, tensor<2x4x24x32xf32>) mask(%m : tensor<i1>) outs(%o : tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf32>
  return %0 : tensor<2x4x16x32xf32>
}

// CHECK-LABEL: func.func @mask_f32_rank0(
// CHECK-SAME: %[[Q:[a-zA-Z0-9_]+]]: tensor<2x4x16x32xf32>, %[[K:[a-zA-Z0-9_]+]]: tensor<2x4x24x32xf32>, %[[V:[a-zA-Z0-9_]+]]: tensor<2x4x24x32xf32>, %[[M:[a-zA-Z0-9_]+]]: tensor<f32>, %[[O:[a-zA-Z0-9_]+]]: tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf32>
// CHECK-NEXT: %[[R:.+]] = attn.attention ins(%[[Q]], %[[K]], %[[V]] : tensor<2x4x16x32xf32>, tensor<2x4x24x32xf32>, tensor<2x4x24x32xf32>) mask(%[[M]] : tensor<f32>) outs(%[[O]] : tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf32>
// CHECK-NEXT: return %[[R]]
func.func @mask_f32_rank0(%q: tensor<2x4x16x32xf32>, %k: tensor<2x4x24x32xf32>, %v: tensor<2x4x24x32xf32>, %m: tensor<f32>, %o: tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf32> {
  %0 = attn.attention ins(%q, %k, %v : tensor<2x4x16x32xf32>, tensor<2x4x24x32xf32>, tensor<2x4x24x32xf32>) mask(%m : tensor<f32>) outs(%o : tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf32>
  return %0 : tensor<2x4x16x32xf32>
}

// CHECK-LABEL: func.func @mask_f32_bcast_ones(
// CHECK-SAME: %[[Q:[a-zA-Z0-9_]+]]: tensor<2x4x16x32xf32>, %[[K:[a-zA-Z0-9_]+]]: tensor<2x4x24x32xf32>, %[[V:[a-zA-Z0-9_]+]]: tensor<2x4x24x32xf32>, %[[M:[a-zA-Z0-9_]+]]: tensor<1x1x16x1xf32>, %[[O:[a-zA-Z0-9_]+]]: tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf32>
// CHECK-NEXT: %[[R:.+]] = attn.attention ins(%[[Q]], %[[K]], %[[V]] : tensor<2x4x16x32xf32>, tensor<2x4x24x32xf32>, tensor<2x4x24x32xf32>) mask(%[[M]] : tensor<1x1x16x1xf32>) outs(%[[O]] : tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf32>
// CHECK-NEXT: return %[[R]]
func.func @mask_f32_bcast_ones(%q: tensor<2x4x16x32xf32>, %k: tensor<2x4x24x32xf32>, %v: tensor<2x4x24x32xf32>, %m: tensor<1x1x16x1xf32>, %o: tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf32> {
  %0 = attn.attention ins(%q, %k, %v : tensor<2x4x16x32xf32>, tensor<2x4x24x32xf32>, tensor<2x4x24x32xf32>) mask(%m : tensor<1x1x16x1xf32>) outs(%o : tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf32>
  return %0 : tensor<2x4x16x32xf32>
}

// CHECK-LABEL: func.func @mask_bshd_dynamic(
// CHECK-SAME: %[[Q:[a-zA-Z0-9_]+]]: tensor<?x?x4x32xf32>, %[[K:[a-zA-Z0-9_]+]]: tensor<?x?x4x32xf32>, %[[V:[a-zA-Z0-9_]+]]: tensor<?x?x4x32xf32>, %[[M:[a-zA-Z0-9_]+]]: tensor<?x1x?x?xi1>, %[[O:[a-zA-Z0-9_]+]]: tensor<?x?x4x32xf32>) -> tensor<?x?x4x32xf32>
// CHECK-NEXT: %[[R:.+]] = attn.attention ins(%[[Q]], %[[K]], %[[V]] : tensor<?x?x4x32xf32>, tensor<?x?x4x32xf32>, tensor<?x?x4x32xf32>) mask(%[[M]] : tensor<?x1x?x?xi1>) outs(%[[O]] : tensor<?x?x4x32xf32>) layout = bshd -> tensor<?x?x4x32xf32>
// CHECK-NEXT: return %[[R]]
func.func @mask_bshd_dynamic(%q: tensor<?x?x4x32xf32>, %k: tensor<?x?x4x32xf32>, %v: tensor<?x?x4x32xf32>, %m: tensor<?x1x?x?xi1>, %o: tensor<?x?x4x32xf32>) -> tensor<?x?x4x32xf32> {
  %0 = attn.attention ins(%q, %k, %v : tensor<?x?x4x32xf32>, tensor<?x?x4x32xf32>, tensor<?x?x4x32xf32>) mask(%m : tensor<?x1x?x?xi1>) outs(%o : tensor<?x?x4x32xf32>) layout = bshd -> tensor<?x?x4x32xf32>
  return %0 : tensor<?x?x4x32xf32>
}

// CHECK-LABEL: func.func @causal_top_left(
// CHECK-SAME: %[[Q:[a-zA-Z0-9_]+]]: tensor<1x2x16x8xf32>, %[[K:[a-zA-Z0-9_]+]]: tensor<1x2x16x8xf32>, %[[V:[a-zA-Z0-9_]+]]: tensor<1x2x16x8xf32>, %[[O:[a-zA-Z0-9_]+]]: tensor<1x2x16x8xf32>) -> tensor<1x2x16x8xf32>
// CHECK-NEXT: %[[R:.+]] = attn.attention ins(%[[Q]], %[[K]], %[[V]] : tensor<1x2x16x8xf32>, tensor<1x2x16x8xf32>, tensor<1x2x16x8xf32>) outs(%[[O]] : tensor<1x2x16x8xf32>) causal = top_left -> tensor<1x2x16x8xf32>
// CHECK-NEXT: return %[[R]]
func.func @causal_top_left(%q: tensor<1x2x16x8xf32>, %k: tensor<1x2x16x8xf32>, %v: tensor<1x2x16x8xf32>, %o: tensor<1x2x16x8xf32>) -> tensor<1x2x16x8xf32> {
  %0 = attn.attention ins(%q, %k, %v : tensor<1x2x16x8xf32>, tensor<1x2x16x8xf32>, tensor<1x2x16x8xf32>) outs(%o : tensor<1x2x16x8xf32>) causal = top_left -> tensor<1x2x16x8xf32>
  return %0 : tensor<1x2x16x8xf32>
}

// CHECK-LABEL: func.func @causal_bottom_right(
// CHECK-SAME: %[[Q:[a-zA-Z0-9_]+]]: tensor<1x2x4x8xf32>, %[[K:[a-zA-Z0-9_]+]]: tensor<1x2x16x8xf32>, %[[V:[a-zA-Z0-9_]+]]: tensor<1x2x16x8xf32>, %[[O:[a-zA-Z0-9_]+]]: tensor<1x2x4x8xf32>) -> tensor<1x2x4x8xf32>
// CHECK-NEXT: %[[R:.+]] = attn.attention ins(%[[Q]], %[[K]], %[[V]] : tensor<1x2x4x8xf32>, tensor<1x2x16x8xf32>, tensor<1x2x16x8xf32>) outs(%[[O]] : tensor<1x2x4x8xf32>) causal = bottom_right -> tensor<1x2x4x8xf32>
// CHECK-NEXT: return %[[R]]
func.func @causal_bottom_right(%q: tensor<1x2x4x8xf32>, %k: tensor<1x2x16x8xf32>, %v: tensor<1x2x16x8xf32>, %o: tensor<1x2x4x8xf32>) -> tensor<1x2x4x8xf32> {
  %0 = attn.attention ins(%q, %k, %v : tensor<1x2x4x8xf32>, tensor<1x2x16x8xf32>, tensor<1x2x16x8xf32>) outs(%o : tensor<1x2x4x8xf32>) causal = bottom_right -> tensor<1x2x4x8xf32>
  return %0 : tensor<1x2x4x8xf32>
}

// CHECK-LABEL: func.func @window(
// CHECK-SAME: %[[Q:[a-zA-Z0-9_]+]]: tensor<1x2x16x8xf32>, %[[K:[a-zA-Z0-9_]+]]: tensor<1x2x16x8xf32>, %[[V:[a-zA-Z0-9_]+]]: tensor<1x2x16x8xf32>, %[[O:[a-zA-Z0-9_]+]]: tensor<1x2x16x8xf32>) -> tensor<1x2x16x8xf32>
// CHECK-NEXT: %[[R:.+]] = attn.attention ins(%[[Q]], %[[K]], %[[V]] : tensor<1x2x16x8xf32>, tensor<1x2x16x8xf32>, tensor<1x2x16x8xf32>) outs(%[[O]] : tensor<1x2x16x8xf32>) window = [4, 2] -> tensor<1x2x16x8xf32>
// CHECK-NEXT: return %[[R]]
func.func @window(%q: tensor<1x2x16x8xf32>, %k: tensor<1x2x16x8xf32>, %v: tensor<1x2x16x8xf32>, %o: tensor<1x2x16x8xf32>) -> tensor<1x2x16x8xf32> {
  %0 = attn.attention ins(%q, %k, %v : tensor<1x2x16x8xf32>, tensor<1x2x16x8xf32>, tensor<1x2x16x8xf32>) outs(%o : tensor<1x2x16x8xf32>) window = [4, 2] -> tensor<1x2x16x8xf32>
  return %0 : tensor<1x2x16x8xf32>
}

// CHECK-LABEL: func.func @window_unbounded(
// CHECK-SAME: %[[Q:[a-zA-Z0-9_]+]]: tensor<1x2x16x8xf32>, %[[K:[a-zA-Z0-9_]+]]: tensor<1x2x16x8xf32>, %[[V:[a-zA-Z0-9_]+]]: tensor<1x2x16x8xf32>, %[[O:[a-zA-Z0-9_]+]]: tensor<1x2x16x8xf32>) -> tensor<1x2x16x8xf32>
// CHECK-NEXT: %[[R:.+]] = attn.attention ins(%[[Q]], %[[K]], %[[V]] : tensor<1x2x16x8xf32>, tensor<1x2x16x8xf32>, tensor<1x2x16x8xf32>) outs(%[[O]] : tensor<1x2x16x8xf32>) causal = top_left window = [-1, 0] -> tensor<1x2x16x8xf32>
// CHECK-NEXT: return %[[R]]
func.func @window_unbounded(%q: tensor<1x2x16x8xf32>, %k: tensor<1x2x16x8xf32>, %v: tensor<1x2x16x8xf32>, %o: tensor<1x2x16x8xf32>) -> tensor<1x2x16x8xf32> {
  %0 = attn.attention ins(%q, %k, %v : tensor<1x2x16x8xf32>, tensor<1x2x16x8xf32>, tensor<1x2x16x8xf32>) outs(%o : tensor<1x2x16x8xf32>) causal = top_left window = [-1, 0] -> tensor<1x2x16x8xf32>
  return %0 : tensor<1x2x16x8xf32>
}

// CHECK-LABEL: func.func @softcap(
// CHECK-SAME: %[[Q:[a-zA-Z0-9_]+]]: tensor<1x2x16x8xf32>, %[[K:[a-zA-Z0-9_]+]]: tensor<1x2x16x8xf32>, %[[V:[a-zA-Z0-9_]+]]: tensor<1x2x16x8xf32>, %[[O:[a-zA-Z0-9_]+]]: tensor<1x2x16x8xf32>) -> tensor<1x2x16x8xf32>
// CHECK-NEXT: %[[R:.+]] = attn.attention ins(%[[Q]], %[[K]], %[[V]] : tensor<1x2x16x8xf32>, tensor<1x2x16x8xf32>, tensor<1x2x16x8xf32>) outs(%[[O]] : tensor<1x2x16x8xf32>) softcap = 5.000000e+01 -> tensor<1x2x16x8xf32>
// CHECK-NEXT: return %[[R]]
func.func @softcap(%q: tensor<1x2x16x8xf32>, %k: tensor<1x2x16x8xf32>, %v: tensor<1x2x16x8xf32>, %o: tensor<1x2x16x8xf32>) -> tensor<1x2x16x8xf32> {
  %0 = attn.attention ins(%q, %k, %v : tensor<1x2x16x8xf32>, tensor<1x2x16x8xf32>, tensor<1x2x16x8xf32>) outs(%o : tensor<1x2x16x8xf32>) softcap = 5.000000e+01 -> tensor<1x2x16x8xf32>
  return %0 : tensor<1x2x16x8xf32>
}

// CHECK-LABEL: func.func @all_options(
// CHECK-SAME: %[[Q:[a-zA-Z0-9_]+]]: tensor<?x?x4x64xbf16>, %[[K:[a-zA-Z0-9_]+]]: tensor<?x?x2x64xbf16>, %[[V:[a-zA-Z0-9_]+]]: tensor<?x?x2x32xbf16>, %[[M:[a-zA-Z0-9_]+]]: tensor<?x?xf32>, %[[O:[a-zA-Z0-9_]+]]: tensor<?x?x4x32xbf16>) -> tensor<?x?x4x32xbf16>
// CHECK-NEXT: %[[R:.+]] = attn.attention ins(%[[Q]], %[[K]], %[[V]] : tensor<?x?x4x64xbf16>, tensor<?x?x2x64xbf16>, tensor<?x?x2x32xbf16>) mask(%[[M]] : tensor<?x?xf32>) outs(%[[O]] : tensor<?x?x4x32xbf16>) scale = -5.000000e-01 causal = bottom_right window = [8, 0] softcap = 3.000000e+01 layout = bshd -> tensor<?x?x4x32xbf16>
// CHECK-NEXT: return %[[R]]
func.func @all_options(%q: tensor<?x?x4x64xbf16>, %k: tensor<?x?x2x64xbf16>, %v: tensor<?x?x2x32xbf16>, %m: tensor<?x?xf32>, %o: tensor<?x?x4x32xbf16>) -> tensor<?x?x4x32xbf16> {
  %0 = attn.attention ins(%q, %k, %v : tensor<?x?x4x64xbf16>, tensor<?x?x2x64xbf16>, tensor<?x?x2x32xbf16>) mask(%m : tensor<?x?xf32>) outs(%o : tensor<?x?x4x32xbf16>) scale = -0.5 causal = bottom_right window = [8, 0] softcap = 3.000000e+01 layout = bshd -> tensor<?x?x4x32xbf16>
  return %0 : tensor<?x?x4x32xbf16>
}

// CHECK-LABEL: func.func @dynamic_bhsd(
// CHECK-SAME: %[[Q:[a-zA-Z0-9_]+]]: tensor<?x8x?x64xf32>, %[[K:[a-zA-Z0-9_]+]]: tensor<?x4x?x64xf32>, %[[V:[a-zA-Z0-9_]+]]: tensor<?x4x?x16xf32>, %[[O:[a-zA-Z0-9_]+]]: tensor<?x8x?x16xf32>) -> tensor<?x8x?x16xf32>
// CHECK-NEXT: %[[R:.+]] = attn.attention ins(%[[Q]], %[[K]], %[[V]] : tensor<?x8x?x64xf32>, tensor<?x4x?x64xf32>, tensor<?x4x?x16xf32>) outs(%[[O]] : tensor<?x8x?x16xf32>) causal = top_left -> tensor<?x8x?x16xf32>
// CHECK-NEXT: return %[[R]]
func.func @dynamic_bhsd(%q: tensor<?x8x?x64xf32>, %k: tensor<?x4x?x64xf32>, %v: tensor<?x4x?x16xf32>, %o: tensor<?x8x?x16xf32>) -> tensor<?x8x?x16xf32> {
  %0 = attn.attention ins(%q, %k, %v : tensor<?x8x?x64xf32>, tensor<?x4x?x64xf32>, tensor<?x4x?x16xf32>) outs(%o : tensor<?x8x?x16xf32>) causal = top_left -> tensor<?x8x?x16xf32>
  return %0 : tensor<?x8x?x16xf32>
}

// CHECK-LABEL: func.func @mixed_static_dynamic(
// CHECK-SAME: %[[Q:[a-zA-Z0-9_]+]]: tensor<2x8x?x64xf32>, %[[K:[a-zA-Z0-9_]+]]: tensor<?x4x32x64xf32>, %[[V:[a-zA-Z0-9_]+]]: tensor<2x4x?x64xf32>, %[[O:[a-zA-Z0-9_]+]]: tensor<?x8x16x64xf32>) -> tensor<?x8x16x64xf32>
// CHECK-NEXT: %[[R:.+]] = attn.attention ins(%[[Q]], %[[K]], %[[V]] : tensor<2x8x?x64xf32>, tensor<?x4x32x64xf32>, tensor<2x4x?x64xf32>) outs(%[[O]] : tensor<?x8x16x64xf32>) -> tensor<?x8x16x64xf32>
// CHECK-NEXT: return %[[R]]
func.func @mixed_static_dynamic(%q: tensor<2x8x?x64xf32>, %k: tensor<?x4x32x64xf32>, %v: tensor<2x4x?x64xf32>, %o: tensor<?x8x16x64xf32>) -> tensor<?x8x16x64xf32> {
  %0 = attn.attention ins(%q, %k, %v : tensor<2x8x?x64xf32>, tensor<?x4x32x64xf32>, tensor<2x4x?x64xf32>) outs(%o : tensor<?x8x16x64xf32>) -> tensor<?x8x16x64xf32>
  return %0 : tensor<?x8x16x64xf32>
}

// CHECK-LABEL: func.func @empty_seq(
// CHECK-SAME: %[[Q:[a-zA-Z0-9_]+]]: tensor<0x2x0x8xf32>, %[[K:[a-zA-Z0-9_]+]]: tensor<0x2x0x8xf32>, %[[V:[a-zA-Z0-9_]+]]: tensor<0x2x0x8xf32>, %[[O:[a-zA-Z0-9_]+]]: tensor<0x2x0x8xf32>) -> tensor<0x2x0x8xf32>
// CHECK-NEXT: %[[R:.+]] = attn.attention ins(%[[Q]], %[[K]], %[[V]] : tensor<0x2x0x8xf32>, tensor<0x2x0x8xf32>, tensor<0x2x0x8xf32>) outs(%[[O]] : tensor<0x2x0x8xf32>) -> tensor<0x2x0x8xf32>
// CHECK-NEXT: return %[[R]]
func.func @empty_seq(%q: tensor<0x2x0x8xf32>, %k: tensor<0x2x0x8xf32>, %v: tensor<0x2x0x8xf32>, %o: tensor<0x2x0x8xf32>) -> tensor<0x2x0x8xf32> {
  %0 = attn.attention ins(%q, %k, %v : tensor<0x2x0x8xf32>, tensor<0x2x0x8xf32>, tensor<0x2x0x8xf32>) outs(%o : tensor<0x2x0x8xf32>) -> tensor<0x2x0x8xf32>
  return %0 : tensor<0x2x0x8xf32>
}

// CHECK-LABEL: func.func @discardable_attr(
// CHECK-SAME: %[[Q:[a-zA-Z0-9_]+]]: tensor<1x2x16x8xf32>, %[[K:[a-zA-Z0-9_]+]]: tensor<1x2x16x8xf32>, %[[V:[a-zA-Z0-9_]+]]: tensor<1x2x16x8xf32>, %[[O:[a-zA-Z0-9_]+]]: tensor<1x2x16x8xf32>) -> tensor<1x2x16x8xf32>
// CHECK-NEXT: %[[R:.+]] = attn.attention ins(%[[Q]], %[[K]], %[[V]] : tensor<1x2x16x8xf32>, tensor<1x2x16x8xf32>, tensor<1x2x16x8xf32>) outs(%[[O]] : tensor<1x2x16x8xf32>) {my.tag = 3 : i64} -> tensor<1x2x16x8xf32>
// CHECK-NEXT: return %[[R]]
func.func @discardable_attr(%q: tensor<1x2x16x8xf32>, %k: tensor<1x2x16x8xf32>, %v: tensor<1x2x16x8xf32>, %o: tensor<1x2x16x8xf32>) -> tensor<1x2x16x8xf32> {
  %0 = attn.attention ins(%q, %k, %v : tensor<1x2x16x8xf32>, tensor<1x2x16x8xf32>, tensor<1x2x16x8xf32>) outs(%o : tensor<1x2x16x8xf32>) {my.tag = 3 : i64} -> tensor<1x2x16x8xf32>
  return %0 : tensor<1x2x16x8xf32>
}

// The first example of the op description in AttnOps.td, verbatim.
// CHECK-LABEL: func.func @doc_example_gqa(
// CHECK-SAME: %[[Q:[a-zA-Z0-9_]+]]: tensor<2x8x128x64xf16>, %[[K:[a-zA-Z0-9_]+]]: tensor<2x2x128x64xf16>, %[[V:[a-zA-Z0-9_]+]]: tensor<2x2x128x64xf16>, %[[M:[a-zA-Z0-9_]+]]: tensor<2x1x1x128xi1>, %[[INIT:[a-zA-Z0-9_]+]]: tensor<2x8x128x64xf16>) -> tensor<2x8x128x64xf16>
// CHECK-NEXT: %[[R:.+]] = attn.attention ins(%[[Q]], %[[K]], %[[V]] : tensor<2x8x128x64xf16>, tensor<2x2x128x64xf16>, tensor<2x2x128x64xf16>) mask(%[[M]] : tensor<2x1x1x128xi1>) outs(%[[INIT]] : tensor<2x8x128x64xf16>) causal = top_left -> tensor<2x8x128x64xf16>
// CHECK-NEXT: return %[[R]]
func.func @doc_example_gqa(%q: tensor<2x8x128x64xf16>, %k: tensor<2x2x128x64xf16>, %v: tensor<2x2x128x64xf16>, %m: tensor<2x1x1x128xi1>, %init: tensor<2x8x128x64xf16>) -> tensor<2x8x128x64xf16> {
    %out = attn.attention
        ins(%q, %k, %v : tensor<2x8x128x64xf16>, tensor<2x2x128x64xf16>,
                         tensor<2x2x128x64xf16>)
        mask(%m : tensor<2x1x1x128xi1>)
        outs(%init : tensor<2x8x128x64xf16>)
        causal = top_left -> tensor<2x8x128x64xf16>
  return %out : tensor<2x8x128x64xf16>
}

// The second example of the op description in AttnOps.td, verbatim.
// CHECK-LABEL: func.func @doc_example_all(
// CHECK-SAME: %[[Q:[a-zA-Z0-9_]+]]: tensor<?x?x4x64xf32>, %[[K:[a-zA-Z0-9_]+]]: tensor<?x?x4x64xf32>, %[[V:[a-zA-Z0-9_]+]]: tensor<?x?x4x64xf32>, %[[INIT:[a-zA-Z0-9_]+]]: tensor<?x?x4x64xf32>) -> tensor<?x?x4x64xf32>
// CHECK-NEXT: %[[R:.+]] = attn.attention ins(%[[Q]], %[[K]], %[[V]] : tensor<?x?x4x64xf32>, tensor<?x?x4x64xf32>, tensor<?x?x4x64xf32>) outs(%[[INIT]] : tensor<?x?x4x64xf32>) scale = 1.250000e-01 causal = bottom_right window = [256, 0] softcap = 3.000000e+01 layout = bshd -> tensor<?x?x4x64xf32>
// CHECK-NEXT: return %[[R]]
func.func @doc_example_all(%q: tensor<?x?x4x64xf32>, %k: tensor<?x?x4x64xf32>, %v: tensor<?x?x4x64xf32>, %init: tensor<?x?x4x64xf32>) -> tensor<?x?x4x64xf32> {
    %out = attn.attention
        ins(%q, %k, %v : tensor<?x?x4x64xf32>, tensor<?x?x4x64xf32>,
                         tensor<?x?x4x64xf32>)
        outs(%init : tensor<?x?x4x64xf32>)
        scale = 0.125 causal = bottom_right window = [256, 0] softcap = 30.0
        layout = bshd -> tensor<?x?x4x64xf32>
  return %out : tensor<?x?x4x64xf32>
}
