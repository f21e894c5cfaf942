// RUN: attn-opt %s -split-input-file -attn-fuse-attention | FileCheck %s

// TOSA chains as TFLite emits them (rank-3 tosa.matmul); the multi-head
// form with reshapes and transposes is in
// test/Integration/CPU/fuse-tosa-mha.mlir.

// CHECK-LABEL: func.func @single_head
// CHECK: attn.attention ins(%{{.*}}, %{{.*}}, %{{.*}} : tensor<1x1x8x16xf32>, tensor<1x1x8x16xf32>, tensor<1x1x8x16xf32>)
// CHECK-SAME: scale = 2.500000e-01
// CHECK-NOT: causal
// CHECK: tensor.collapse_shape
// CHECK-NOT: tosa.matmul
// CHECK-NOT: tosa.exp

// One head: [N, S, D] operands, K transposed by tosa.transpose.
func.func @single_head(%q: tensor<1x8x16xf32>, %k: tensor<1x8x16xf32>, %v: tensor<1x8x16xf32>) -> (tensor<1x8x16xf32>) {
  %zp = "tosa.const"() <{values = dense<0.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %shift = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8>
  %c = "tosa.const"() <{values = dense<0.25> : tensor<1x1x1xf32>}> : () -> tensor<1x1x1xf32>
  %shp = tosa.const_shape {values = dense<[1, 8, 8]> : tensor<3xindex>} : () -> !tosa.shape<3>
  %kt = tosa.transpose %k {perms = array<i32: 0, 2, 1>} : (tensor<1x8x16xf32>) -> tensor<1x16x8xf32>
  %s = tosa.matmul %q, %kt, %zp, %zp : (tensor<1x8x16xf32>, tensor<1x16x8xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x8x8xf32>
  %sc = tosa.mul %s, %c, %shift : (tensor<1x8x8xf32>, tensor<1x1x1xf32>, tensor<1xi8>) -> tensor<1x8x8xf32>
  %x = tosa.reshape %sc, %shp : (tensor<1x8x8xf32>, !tosa.shape<3>) -> tensor<1x8x8xf32>
  %mx = tosa.reduce_max %x {axis = 2 : i32} : (tensor<1x8x8xf32>) -> tensor<1x8x1xf32>
  %d = tosa.sub %x, %mx : (tensor<1x8x8xf32>, tensor<1x8x1xf32>) -> tensor<1x8x8xf32>
  %e = tosa.exp %d : (tensor<1x8x8xf32>) -> tensor<1x8x8xf32>
  %su = tosa.reduce_sum %e {axis = 2 : i32} : (tensor<1x8x8xf32>) -> tensor<1x8x1xf32>
  %r = tosa.reciprocal %su : (tensor<1x8x1xf32>) -> tensor<1x8x1xf32>
  %p = tosa.mul %e, %r, %shift : (tensor<1x8x8xf32>, tensor<1x8x1xf32>, tensor<1xi8>) -> tensor<1x8x8xf32>
  %o = tosa.matmul %p, %v, %zp, %zp : (tensor<1x8x8xf32>, tensor<1x8x16xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x8x16xf32>
  return %o : tensor<1x8x16xf32>
}

// CHECK-LABEL: func.func @causal_softcap
// CHECK: attn.attention
// CHECK-NOT: mask(
// CHECK-SAME: scale = 2.500000e-01 causal = top_left softcap = 5.000000e+01
// CHECK-NOT: tosa.tanh

// -----

// A softcap (mul by 1/c, tanh, mul by c) and a constant lower-triangular
// boolean mask through tosa.select: causal = top_left, no dense mask.
func.func @causal_softcap(%q: tensor<1x8x16xf32>, %k: tensor<1x8x16xf32>, %v: tensor<1x8x16xf32>) -> (tensor<1x8x16xf32>) {
  %zp = "tosa.const"() <{values = dense<0.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %shift = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8>
  %c = "tosa.const"() <{values = dense<0.25> : tensor<1x1x1xf32>}> : () -> tensor<1x1x1xf32>
  %kt = tosa.transpose %k {perms = array<i32: 0, 2, 1>} : (tensor<1x8x16xf32>) -> tensor<1x16x8xf32>
  %s = tosa.matmul %q, %kt, %zp, %zp : (tensor<1x8x16xf32>, tensor<1x16x8xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x8x8xf32>
  %sc = tosa.mul %s, %c, %shift : (tensor<1x8x8xf32>, tensor<1x1x1xf32>, tensor<1xi8>) -> tensor<1x8x8xf32>
  %ci = "tosa.const"() <{values = dense<0.02> : tensor<1x1x1xf32>}> : () -> tensor<1x1x1xf32>
  %cc = "tosa.const"() <{values = dense<50.0> : tensor<1x1x1xf32>}> : () -> tensor<1x1x1xf32>
  %y0 = tosa.mul %sc, %ci, %shift : (tensor<1x8x8xf32>, tensor<1x1x1xf32>, tensor<1xi8>) -> tensor<1x8x8xf32>
  %y1 = tosa.tanh %y0 : (tensor<1x8x8xf32>) -> tensor<1x8x8xf32>
  %y2 = tosa.mul %y1, %cc, %shift : (tensor<1x8x8xf32>, tensor<1x1x1xf32>, tensor<1xi8>) -> tensor<1x8x8xf32>
  %keep = "tosa.const"() <{values = dense<[[[true, false, false, false, false, false, false, false], [true, true, false, false, false, false, false, false], [true, true, true, false, false, false, false, false], [true, true, true, true, false, false, false, false], [true, true, true, true, true, false, false, false], [true, true, true, true, true, true, false, false], [true, true, true, true, true, true, true, false], [true, true, true, true, true, true, true, true]]]> : tensor<1x8x8xi1>}> : () -> tensor<1x8x8xi1>
  %ninf = "tosa.const"() <{values = dense<-1.0e9> : tensor<1x1x1xf32>}> : () -> tensor<1x1x1xf32>
  %x = tosa.select %keep, %y2, %ninf : (tensor<1x8x8xi1>, tensor<1x8x8xf32>, tensor<1x1x1xf32>) -> tensor<1x8x8xf32>
  %mx = tosa.reduce_max %x {axis = 2 : i32} : (tensor<1x8x8xf32>) -> tensor<1x8x1xf32>
  %d = tosa.sub %x, %mx : (tensor<1x8x8xf32>, tensor<1x8x1xf32>) -> tensor<1x8x8xf32>
  %e = tosa.exp %d : (tensor<1x8x8xf32>) -> tensor<1x8x8xf32>
  %su = tosa.reduce_sum %e {axis = 2 : i32} : (tensor<1x8x8xf32>) -> tensor<1x8x1xf32>
  %r = tosa.reciprocal %su : (tensor<1x8x1xf32>) -> tensor<1x8x1xf32>
  %p = tosa.mul %e, %r, %shift : (tensor<1x8x8xf32>, tensor<1x8x1xf32>, tensor<1xi8>) -> tensor<1x8x8xf32>
  %o = tosa.matmul %p, %v, %zp, %zp : (tensor<1x8x8xf32>, tensor<1x8x16xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x8x16xf32>
  return %o : tensor<1x8x16xf32>
}

// -----

// A tosa.cast from bf16 to f16 is neither an extension nor a truncation:
// the mask is read as the cast's result (a tensor), and the raised IR
// verifies.
// CHECK-LABEL: func.func @mask_cast_bf16_to_f16
// CHECK: %[[M:.+]] = tosa.cast
// CHECK: attn.attention
// CHECK-SAME: mask(%{{.+}} : tensor<1x2x1x8xf16>)
func.func @mask_cast_bf16_to_f16(%q: tensor<2x8x16xf32>, %k: tensor<2x8x16xf32>, %v: tensor<2x8x16xf32>, %m: tensor<2x1x8xbf16>) -> (tensor<2x8x16xf32>) {
  %zp = "tosa.const"() <{values = dense<0.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %shift = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8>
  %c = "tosa.const"() <{values = dense<0.25> : tensor<1x1x1xf32>}> : () -> tensor<1x1x1xf32>
  %kt = tosa.transpose %k {perms = array<i32: 0, 2, 1>} : (tensor<2x8x16xf32>) -> tensor<2x16x8xf32>
  %s = tosa.matmul %q, %kt, %zp, %zp : (tensor<2x8x16xf32>, tensor<2x16x8xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<2x8x8xf32>
  %sc = tosa.mul %s, %c, %shift : (tensor<2x8x8xf32>, tensor<1x1x1xf32>, tensor<1xi8>) -> tensor<2x8x8xf32>
  %m16 = tosa.cast %m : (tensor<2x1x8xbf16>) -> tensor<2x1x8xf16>
  %m32 = tosa.cast %m16 : (tensor<2x1x8xf16>) -> tensor<2x1x8xf32>
  %x = tosa.add %sc, %m32 : (tensor<2x8x8xf32>, tensor<2x1x8xf32>) -> tensor<2x8x8xf32>
  %mx = tosa.reduce_max %x {axis = 2 : i32} : (tensor<2x8x8xf32>) -> tensor<2x8x1xf32>
  %d = tosa.sub %x, %mx : (tensor<2x8x8xf32>, tensor<2x8x1xf32>) -> tensor<2x8x8xf32>
  %e = tosa.exp %d : (tensor<2x8x8xf32>) -> tensor<2x8x8xf32>
  %su = tosa.reduce_sum %e {axis = 2 : i32} : (tensor<2x8x8xf32>) -> tensor<2x8x1xf32>
  %r = tosa.reciprocal %su : (tensor<2x8x1xf32>) -> tensor<2x8x1xf32>
  %p = tosa.mul %e, %r, %shift : (tensor<2x8x8xf32>, tensor<2x8x1xf32>, tensor<1xi8>) -> tensor<2x8x8xf32>
  %o = tosa.matmul %p, %v, %zp, %zp : (tensor<2x8x8xf32>, tensor<2x8x16xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<2x8x16xf32>
  return %o : tensor<2x8x16xf32>
}

// -----

// The scale written as `tosa.reciprocal` of a constant 8 (folded to 0.125,
// rounded to f32), in an f16 chain whose matmuls produce f32.
// CHECK-LABEL: func.func @scale_reciprocal_of_constant
// CHECK-NOT: tosa.reciprocal
// CHECK: attn.attention
// CHECK-SAME: scale = 1.250000e-01
func.func @scale_reciprocal_of_constant(%q: tensor<4x5x16xf16>, %k: tensor<4x7x16xf16>, %v: tensor<4x7x16xf16>) -> tensor<4x5x16xf16> {
  %zp = "tosa.const"() <{values = dense<0.0> : tensor<1xf16>}> : () -> tensor<1xf16>
  %shift = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8>
  %eight = "tosa.const"() <{values = dense<8.0> : tensor<1x1x1xf32>}> : () -> tensor<1x1x1xf32>
  %c = tosa.reciprocal %eight : (tensor<1x1x1xf32>) -> tensor<1x1x1xf32>
  %kt = tosa.transpose %k {perms = array<i32: 0, 2, 1>} : (tensor<4x7x16xf16>) -> tensor<4x16x7xf16>
  %s = tosa.matmul %q, %kt, %zp, %zp : (tensor<4x5x16xf16>, tensor<4x16x7xf16>, tensor<1xf16>, tensor<1xf16>) -> tensor<4x5x7xf32>
  %sc = tosa.mul %s, %c, %shift : (tensor<4x5x7xf32>, tensor<1x1x1xf32>, tensor<1xi8>) -> tensor<4x5x7xf32>
  %mx = tosa.reduce_max %sc {axis = 2 : i32} : (tensor<4x5x7xf32>) -> tensor<4x5x1xf32>
  %d = tosa.sub %sc, %mx : (tensor<4x5x7xf32>, tensor<4x5x1xf32>) -> tensor<4x5x7xf32>
  %e = tosa.exp %d : (tensor<4x5x7xf32>) -> tensor<4x5x7xf32>
  %su = tosa.reduce_sum %e {axis = 2 : i32} : (tensor<4x5x7xf32>) -> tensor<4x5x1xf32>
  %r = tosa.reciprocal %su : (tensor<4x5x1xf32>) -> tensor<4x5x1xf32>
  %p = tosa.mul %e, %r, %shift : (tensor<4x5x7xf32>, tensor<4x5x1xf32>, tensor<1xi8>) -> tensor<4x5x7xf32>
  %ph = tosa.cast %p : (tensor<4x5x7xf32>) -> tensor<4x5x7xf16>
  %o = tosa.matmul %ph, %v, %zp, %zp : (tensor<4x5x7xf16>, tensor<4x7x16xf16>, tensor<1xf16>, tensor<1xf16>) -> tensor<4x5x16xf32>
  %oh = tosa.cast %o : (tensor<4x5x16xf32>) -> tensor<4x5x16xf16>
  return %oh : tensor<4x5x16xf16>
}

// -----

// TF GPT-2's multiplicative mask in TOSA, w * b - 1e4 * (1 - b) with a
// constant 0/1 band b (keep j <= i + 2): causal = bottom_right, no mask.
// CHECK-LABEL: func.func @tosa_tf_gpt2
// CHECK-NOT: tosa.matmul
// CHECK: attn.attention
// CHECK-NOT: mask(
// CHECK-SAME: scale = 5.000000e-01 causal = bottom_right ->
// CHECK-NOT: tosa.reduce_max
func.func @tosa_tf_gpt2(%q: tensor<2x7x5xf32>, %k: tensor<2x9x5xf32>, %v: tensor<2x9x6xf32>) -> tensor<2x7x6xf32> {
  %zp = "tosa.const"() <{values = dense<0.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %shift = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8>
  %c = "tosa.const"() <{values = dense<0.5> : tensor<1x1x1xf32>}> : () -> tensor<1x1x1xf32>
  %kt = tosa.transpose %k {perms = array<i32: 0, 2, 1>} : (tensor<2x9x5xf32>) -> tensor<2x5x9xf32>
  %s = tosa.matmul %q, %kt, %zp, %zp : (tensor<2x7x5xf32>, tensor<2x5x9xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<2x7x9xf32>
  %sc = tosa.mul %s, %c, %shift : (tensor<2x7x9xf32>, tensor<1x1x1xf32>, tensor<1xi8>) -> tensor<2x7x9xf32>
  %b = "tosa.const"() <{values = dense<[[[1.0, 1.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0],
      [1.0, 1.0, 1.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0],
      [1.0, 1.0, 1.0, 1.0, 1.0, 0.0, 0.0, 0.0, 0.0],
      [1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.0, 0.0, 0.0],
      [1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.0, 0.0],
      [1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.0],
      [1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0]]]> : tensor<1x7x9xf32>}> : () -> tensor<1x7x9xf32>
  %one = "tosa.const"() <{values = dense<1.0> : tensor<1x1x1xf32>}> : () -> tensor<1x1x1xf32>
  %big = "tosa.const"() <{values = dense<1.0e4> : tensor<1x1x1xf32>}> : () -> tensor<1x1x1xf32>
  %wb = tosa.mul %sc, %b, %shift : (tensor<2x7x9xf32>, tensor<1x7x9xf32>, tensor<1xi8>) -> tensor<2x7x9xf32>
  %nb = tosa.sub %one, %b : (tensor<1x1x1xf32>, tensor<1x7x9xf32>) -> tensor<1x7x9xf32>
  %pen = tosa.mul %big, %nb, %shift : (tensor<1x1x1xf32>, tensor<1x7x9xf32>, tensor<1xi8>) -> tensor<1x7x9xf32>
  %x = tosa.sub %wb, %pen : (tensor<2x7x9xf32>, tensor<1x7x9xf32>) -> tensor<2x7x9xf32>
  %mx = tosa.reduce_max %x {axis = 2 : i32} : (tensor<2x7x9xf32>) -> tensor<2x7x1xf32>
  %d = tosa.sub %x, %mx : (tensor<2x7x9xf32>, tensor<2x7x1xf32>) -> tensor<2x7x9xf32>
  %e = tosa.exp %d : (tensor<2x7x9xf32>) -> tensor<2x7x9xf32>
  %su = tosa.reduce_sum %e {axis = 2 : i32} : (tensor<2x7x9xf32>) -> tensor<2x7x1xf32>
  %r = tosa.reciprocal %su : (tensor<2x7x1xf32>) -> tensor<2x7x1xf32>
  %p = tosa.mul %e, %r, %shift : (tensor<2x7x9xf32>, tensor<2x7x1xf32>, tensor<1xi8>) -> tensor<2x7x9xf32>
  %o = tosa.matmul %p, %v, %zp, %zp : (tensor<2x7x9xf32>, tensor<2x9x6xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<2x7x6xf32>
  return %o : tensor<2x7x6xf32>
}

// -----

// The same, with b written as two tosa.const ops of the same elements (one
// per use): they read the same, and the band is still found.
// CHECK-LABEL: func.func @tosa_tf_gpt2_duplicated_constant
// CHECK: attn.attention
// CHECK-NOT: mask(
// CHECK-SAME: scale = 5.000000e-01 causal = bottom_right ->
func.func @tosa_tf_gpt2_duplicated_constant(%q: tensor<2x7x5xf32>, %k: tensor<2x9x5xf32>, %v: tensor<2x9x6xf32>) -> tensor<2x7x6xf32> {
  %zp = "tosa.const"() <{values = dense<0.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %shift = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8>
  %c = "tosa.const"() <{values = dense<0.5> : tensor<1x1x1xf32>}> : () -> tensor<1x1x1xf32>
  %kt = tosa.transpose %k {perms = array<i32: 0, 2, 1>} : (tensor<2x9x5xf32>) -> tensor<2x5x9xf32>
  %s = tosa.matmul %q, %kt, %zp, %zp : (tensor<2x7x5xf32>, tensor<2x5x9xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<2x7x9xf32>
  %sc = tosa.mul %s, %c, %shift : (tensor<2x7x9xf32>, tensor<1x1x1xf32>, tensor<1xi8>) -> tensor<2x7x9xf32>
  %b = "tosa.const"() <{values = dense<[[[1.0, 1.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0], [1.0, 1.0, 1.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0], [1.0, 1.0, 1.0, 1.0, 1.0, 0.0, 0.0, 0.0, 0.0], [1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.0, 0.0, 0.0], [1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.0, 0.0], [1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.0], [1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0]]]> : tensor<1x7x9xf32>}> : () -> tensor<1x7x9xf32>
  %b2 = "tosa.const"() <{values = dense<[[[1.0, 1.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0], [1.0, 1.0, 1.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0], [1.0, 1.0, 1.0, 1.0, 1.0, 0.0, 0.0, 0.0, 0.0], [1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.0, 0.0, 0.0], [1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.0, 0.0], [1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.0], [1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0]]]> : tensor<1x7x9xf32>}> : () -> tensor<1x7x9xf32>
  %one = "tosa.const"() <{values = dense<1.0> : tensor<1x1x1xf32>}> : () -> tensor<1x1x1xf32>
  %big = "tosa.const"() <{values = dense<1.0e4> : tensor<1x1x1xf32>}> : () -> tensor<1x1x1xf32>
  %wb = tosa.mul %sc, %b, %shift : (tensor<2x7x9xf32>, tensor<1x7x9xf32>, tensor<1xi8>) -> tensor<2x7x9xf32>
  %nb = tosa.sub %one, %b2 : (tensor<1x1x1xf32>, tensor<1x7x9xf32>) -> tensor<1x7x9xf32>
  %pen = tosa.mul %big, %nb, %shift : (tensor<1x1x1xf32>, tensor<1x7x9xf32>, tensor<1xi8>) -> tensor<1x7x9xf32>
  %x = tosa.sub %wb, %pen : (tensor<2x7x9xf32>, tensor<1x7x9xf32>) -> tensor<2x7x9xf32>
  %mx = tosa.reduce_max %x {axis = 2 : i32} : (tensor<2x7x9xf32>) -> tensor<2x7x1xf32>
  %d = tosa.sub %x, %mx : (tensor<2x7x9xf32>, tensor<2x7x1xf32>) -> tensor<2x7x9xf32>
  %e = tosa.exp %d : (tensor<2x7x9xf32>) -> tensor<2x7x9xf32>
  %su = tosa.reduce_sum %e {axis = 2 : i32} : (tensor<2x7x9xf32>) -> tensor<2x7x1xf32>
  %r = tosa.reciprocal %su : (tensor<2x7x1xf32>) -> tensor<2x7x1xf32>
  %p = tosa.mul %e, %r, %shift : (tensor<2x7x9xf32>, tensor<2x7x1xf32>, tensor<1xi8>) -> tensor<2x7x9xf32>
  %o = tosa.matmul %p, %v, %zp, %zp : (tensor<2x7x9xf32>, tensor<2x9x6xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<2x7x6xf32>
  return %o : tensor<2x7x6xf32>
}
