// RUN: attn-opt %s -split-input-file -attn-fuse-attention | FileCheck %s

// 4-D linalg.generic contractions, K transposed by the contraction's
// indexing map (matmul_transpose_b style), scale multiplied in, linalg.softmax.

#q = affine_map<(b, h, i, j, d) -> (b, h, i, d)>
#k = affine_map<(b, h, i, j, d) -> (b, h, j, d)>
#s = affine_map<(b, h, i, j, d) -> (b, h, i, j)>
#p = affine_map<(b, h, i, e, j) -> (b, h, i, j)>
#v = affine_map<(b, h, i, e, j) -> (b, h, j, e)>
#o = affine_map<(b, h, i, e, j) -> (b, h, i, e)>
#id = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
// CHECK-LABEL: func.func @generic_softmax
// CHECK-SAME: %[[Q:[a-z0-9]+]]: tensor<1x2x4x8xf32>, %[[K:[a-z0-9]+]]: tensor<1x2x6x8xf32>, %[[V:[a-z0-9]+]]: tensor<1x2x6x8xf32>
// CHECK: %[[R:.+]] = attn.attention ins(%[[Q]], %[[K]], %[[V]] : tensor<1x2x4x8xf32>, tensor<1x2x6x8xf32>, tensor<1x2x6x8xf32>)
// CHECK-SAME: scale = 1.250000e-01
// CHECK-NOT: causal
// CHECK: return %[[R]]
func.func @generic_softmax(%q: tensor<1x2x4x8xf32>, %k: tensor<1x2x6x8xf32>, %v: tensor<1x2x6x8xf32>) -> tensor<1x2x4x8xf32> {
  %zero = arith.constant 0.0 : f32
  %c = arith.constant 0.125 : f32
  %e = tensor.empty() : tensor<1x2x4x6xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<1x2x4x6xf32>) -> tensor<1x2x4x6xf32>
  %s = linalg.generic {indexing_maps = [#q, #k, #s], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%q, %k : tensor<1x2x4x8xf32>, tensor<1x2x6x8xf32>) outs(%f : tensor<1x2x4x6xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %m = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %m : f32
    linalg.yield %r : f32
  } -> tensor<1x2x4x6xf32>
  %ss = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%s : tensor<1x2x4x6xf32>) outs(%e : tensor<1x2x4x6xf32>) {
  ^bb0(%a: f32, %o: f32):
    %r = arith.mulf %c, %a : f32
    linalg.yield %r : f32
  } -> tensor<1x2x4x6xf32>
  %sm = linalg.softmax dimension(3) ins(%ss : tensor<1x2x4x6xf32>) outs(%e : tensor<1x2x4x6xf32>) -> tensor<1x2x4x6xf32>
  %eo = tensor.empty() : tensor<1x2x4x8xf32>
  %fo = linalg.fill ins(%zero : f32) outs(%eo : tensor<1x2x4x8xf32>) -> tensor<1x2x4x8xf32>
  %o = linalg.generic {indexing_maps = [#p, #v, #o], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%sm, %v : tensor<1x2x4x6xf32>, tensor<1x2x6x8xf32>) outs(%fo : tensor<1x2x4x8xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %m = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %m : f32
    linalg.yield %r : f32
  } -> tensor<1x2x4x8xf32>
  return %o : tensor<1x2x4x8xf32>
}

// -----

// 2-D linalg.matmul chain with K transposed by linalg.transpose, the scale
// folded into Q before the first product, softmax as exp / sum with the
// multiplication by the reciprocal, and elementwise ops fused into one
// generic (sub + exp).

#id2 = affine_map<(d0, d1) -> (d0, d1)>
#row2 = affine_map<(d0, d1) -> (d0)>
#id1 = affine_map<(d0) -> (d0)>
// CHECK-LABEL: func.func @matmul_2d
// CHECK-SAME: %[[Q:[a-z0-9]+]]: tensor<4x8xf32>, %[[K:[a-z0-9]+]]: tensor<6x8xf32>, %[[V:[a-z0-9]+]]: tensor<6x3xf32>
// CHECK-DAG: %[[Q4:.+]] = tensor.expand_shape %[[Q]] {{\[}}[0, 1, 2], [3]] output_shape [1, 1, 4, 8]
// CHECK-DAG: %[[K4:.+]] = tensor.expand_shape %[[K]] {{\[}}[0, 1, 2], [3]] output_shape [1, 1, 6, 8]
// CHECK-DAG: %[[V4:.+]] = tensor.expand_shape %[[V]] {{\[}}[0, 1, 2], [3]] output_shape [1, 1, 6, 3]
// CHECK: %[[R:.+]] = attn.attention ins(%[[Q4]], %[[K4]], %[[V4]] :
// CHECK-SAME: scale = 5.000000e-01
// CHECK: %[[C:.+]] = tensor.collapse_shape %[[R]] {{\[}}[0, 1, 2], [3]]
// CHECK: return %[[C]]
func.func @matmul_2d(%q: tensor<4x8xf32>, %k: tensor<6x8xf32>, %v: tensor<6x3xf32>) -> tensor<4x3xf32> {
  %zero = arith.constant 0.0 : f32
  %one = arith.constant 1.0 : f32
  %two = arith.constant 2.0 : f32
  %ninf = arith.constant 0xFF800000 : f32
  %eq = tensor.empty() : tensor<4x8xf32>
  %qs = linalg.generic {indexing_maps = [#id2, #id2], iterator_types = ["parallel", "parallel"]} ins(%q : tensor<4x8xf32>) outs(%eq : tensor<4x8xf32>) {
  ^bb0(%a: f32, %o: f32):
    %r = arith.divf %a, %two : f32
    linalg.yield %r : f32
  } -> tensor<4x8xf32>
  %ek = tensor.empty() : tensor<8x6xf32>
  %kt = linalg.transpose ins(%k : tensor<6x8xf32>) outs(%ek : tensor<8x6xf32>) permutation = [1, 0]
  %e = tensor.empty() : tensor<4x6xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<4x6xf32>) -> tensor<4x6xf32>
  %s = linalg.matmul ins(%qs, %kt : tensor<4x8xf32>, tensor<8x6xf32>) outs(%f : tensor<4x6xf32>) -> tensor<4x6xf32>
  %er = tensor.empty() : tensor<4xf32>
  %fm = linalg.fill ins(%ninf : f32) outs(%er : tensor<4xf32>) -> tensor<4xf32>
  %mx = linalg.reduce ins(%s : tensor<4x6xf32>) outs(%fm : tensor<4xf32>) dimensions = [1]
    (%in: f32, %init: f32) {
      %r = arith.maxnumf %in, %init : f32
      linalg.yield %r : f32
    }
  %ex = linalg.generic {indexing_maps = [#id2, #row2, #id2], iterator_types = ["parallel", "parallel"]} ins(%s, %mx : tensor<4x6xf32>, tensor<4xf32>) outs(%e : tensor<4x6xf32>) {
  ^bb0(%a: f32, %b: f32, %o: f32):
    %d = arith.subf %a, %b : f32
    %x = math.exp %d : f32
    linalg.yield %x : f32
  } -> tensor<4x6xf32>
  %fs = linalg.fill ins(%zero : f32) outs(%er : tensor<4xf32>) -> tensor<4xf32>
  %sum = linalg.generic {indexing_maps = [#id2, #row2], iterator_types = ["parallel", "reduction"]} ins(%ex : tensor<4x6xf32>) outs(%fs : tensor<4xf32>) {
  ^bb0(%a: f32, %acc: f32):
    %r = arith.addf %a, %acc : f32
    linalg.yield %r : f32
  } -> tensor<4xf32>
  %rcp = linalg.generic {indexing_maps = [#id1, #id1], iterator_types = ["parallel"]} ins(%sum : tensor<4xf32>) outs(%er : tensor<4xf32>) {
  ^bb0(%a: f32, %o: f32):
    %r = arith.divf %one, %a : f32
    linalg.yield %r : f32
  } -> tensor<4xf32>
  %p = linalg.generic {indexing_maps = [#id2, #row2, #id2], iterator_types = ["parallel", "parallel"]} ins(%ex, %rcp : tensor<4x6xf32>, tensor<4xf32>) outs(%e : tensor<4x6xf32>) {
  ^bb0(%a: f32, %b: f32, %o: f32):
    %r = arith.mulf %a, %b : f32
    linalg.yield %r : f32
  } -> tensor<4x6xf32>
  %eo = tensor.empty() : tensor<4x3xf32>
  %fo = linalg.fill ins(%zero : f32) outs(%eo : tensor<4x3xf32>) -> tensor<4x3xf32>
  %o = linalg.matmul ins(%p, %v : tensor<4x6xf32>, tensor<6x3xf32>) outs(%fo : tensor<4x3xf32>) -> tensor<4x3xf32>
  return %o : tensor<4x3xf32>
}

// -----

// Causal mask computed from linalg.index (masked_fill(j > i, -inf)) and a
// padding mask written as masked_fill(mask == 0, -inf) on an i64 tensor,
// both fused into the scale's generic.

#q = affine_map<(b, h, i, j, d) -> (b, h, i, d)>
#k = affine_map<(b, h, i, j, d) -> (b, h, j, d)>
#s = affine_map<(b, h, i, j, d) -> (b, h, i, j)>
#p = affine_map<(b, h, i, e, j) -> (b, h, i, j)>
#v = affine_map<(b, h, i, e, j) -> (b, h, j, e)>
#o = affine_map<(b, h, i, e, j) -> (b, h, i, e)>
#id = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#pad = affine_map<(d0, d1, d2, d3) -> (d0, 0, 0, d3)>
// CHECK-LABEL: func.func @causal_index_and_padding
// CHECK-SAME: %[[M:[a-z0-9]+]]: tensor<2x1x1x4xi64>
// CHECK: %[[KEEP:.+]] = linalg.generic {{.*}} ins(%[[M]] : tensor<2x1x1x4xi64>) outs(%{{.*}} : tensor<2x1x1x4xi1>)
// CHECK: attn.attention
// CHECK-SAME: mask(%[[KEEP]] : tensor<2x1x1x4xi1>)
// CHECK-SAME: scale = 5.000000e-01 causal = top_left
// CHECK-NOT: window
func.func @causal_index_and_padding(%q: tensor<2x2x4x4xf32>, %k: tensor<2x2x4x4xf32>, %v: tensor<2x2x4x4xf32>, %m: tensor<2x1x1x4xi64>) -> tensor<2x2x4x4xf32> {
  %zero = arith.constant 0.0 : f32
  %c = arith.constant 2.0 : f32
  %ninf = arith.constant 0xFF800000 : f32
  %z64 = arith.constant 0 : i64
  %e = tensor.empty() : tensor<2x2x4x4xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<2x2x4x4xf32>) -> tensor<2x2x4x4xf32>
  %s = linalg.generic {indexing_maps = [#q, #k, #s], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%q, %k : tensor<2x2x4x4xf32>, tensor<2x2x4x4xf32>) outs(%f : tensor<2x2x4x4xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %mm = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %mm : f32
    linalg.yield %r : f32
  } -> tensor<2x2x4x4xf32>
  %ss = linalg.generic {indexing_maps = [#id, #pad, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%s, %m : tensor<2x2x4x4xf32>, tensor<2x1x1x4xi64>) outs(%e : tensor<2x2x4x4xf32>) {
  ^bb0(%a: f32, %pm: i64, %o: f32):
    %r = arith.divf %a, %c : f32
    %i = linalg.index 2 : index
    %j = linalg.index 3 : index
    %fut = arith.cmpi ugt, %j, %i : index
    %r1 = arith.select %fut, %ninf, %r : f32
    %isz = arith.cmpi eq, %pm, %z64 : i64
    %r2 = arith.select %isz, %ninf, %r1 : f32
    linalg.yield %r2 : f32
  } -> tensor<2x2x4x4xf32>
  %sm = linalg.softmax dimension(3) ins(%ss : tensor<2x2x4x4xf32>) outs(%e : tensor<2x2x4x4xf32>) -> tensor<2x2x4x4xf32>
  %o = linalg.generic {indexing_maps = [#p, #v, #o], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%sm, %v : tensor<2x2x4x4xf32>, tensor<2x2x4x4xf32>) outs(%f : tensor<2x2x4x4xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %mm = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %mm : f32
    linalg.yield %r : f32
  } -> tensor<2x2x4x4xf32>
  return %o : tensor<2x2x4x4xf32>
}

// -----

// A constant bottom-right-aligned causal mask (Sq = 2, Skv = 4) added as a
// float [Sq, Skv] tensor of 0 and -inf, and a sliding window (keys i-1..i)
// from a constant i1 tensor: become causal = bottom_right and a window.

#q = affine_map<(b, h, i, j, d) -> (b, h, i, d)>
#k = affine_map<(b, h, i, j, d) -> (b, h, j, d)>
#s = affine_map<(b, h, i, j, d) -> (b, h, i, j)>
#p = affine_map<(b, h, i, e, j) -> (b, h, i, j)>
#v = affine_map<(b, h, i, e, j) -> (b, h, j, e)>
#o = affine_map<(b, h, i, e, j) -> (b, h, i, e)>
#id = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#m2 = affine_map<(d0, d1, d2, d3) -> (d2, d3)>
// CHECK-LABEL: func.func @constant_bottom_right
// CHECK: attn.attention
// CHECK-NOT: mask(
// CHECK-SAME: causal = bottom_right
// CHECK-NOT: window
// CHECK-LABEL: func.func @constant_window
// CHECK: attn.attention
// CHECK-NOT: mask(
// CHECK-SAME: causal = top_left window = [1, -1]
func.func @constant_bottom_right(%q: tensor<1x1x2x4xf32>, %k: tensor<1x1x4x4xf32>, %v: tensor<1x1x4x4xf32>) -> tensor<1x1x2x4xf32> {
  %zero = arith.constant 0.0 : f32
  %cm = arith.constant dense<[[0.0, 0.0, 0.0, 0xFF800000], [0.0, 0.0, 0.0, 0.0]]> : tensor<2x4xf32>
  %e = tensor.empty() : tensor<1x1x2x4xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<1x1x2x4xf32>) -> tensor<1x1x2x4xf32>
  %s = linalg.generic {indexing_maps = [#q, #k, #s], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%q, %k : tensor<1x1x2x4xf32>, tensor<1x1x4x4xf32>) outs(%f : tensor<1x1x2x4xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %mm = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %mm : f32
    linalg.yield %r : f32
  } -> tensor<1x1x2x4xf32>
  %ss = linalg.generic {indexing_maps = [#id, #m2, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%s, %cm : tensor<1x1x2x4xf32>, tensor<2x4xf32>) outs(%e : tensor<1x1x2x4xf32>) {
  ^bb0(%a: f32, %mv: f32, %o: f32):
    %r = arith.addf %a, %mv : f32
    linalg.yield %r : f32
  } -> tensor<1x1x2x4xf32>
  %sm = linalg.softmax dimension(3) ins(%ss : tensor<1x1x2x4xf32>) outs(%e : tensor<1x1x2x4xf32>) -> tensor<1x1x2x4xf32>
  %eo = tensor.empty() : tensor<1x1x2x4xf32>
  %o = linalg.generic {indexing_maps = [#p, #v, #o], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%sm, %v : tensor<1x1x2x4xf32>, tensor<1x1x4x4xf32>) outs(%f : tensor<1x1x2x4xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %mm = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %mm : f32
    linalg.yield %r : f32
  } -> tensor<1x1x2x4xf32>
  return %o : tensor<1x1x2x4xf32>
}

func.func @constant_window(%q: tensor<1x1x4x4xf32>, %k: tensor<1x1x4x4xf32>, %v: tensor<1x1x4x4xf32>) -> tensor<1x1x4x4xf32> {
  %zero = arith.constant 0.0 : f32
  %ninf = arith.constant -3.40282347E+38 : f32
  %cm = arith.constant dense<[[true, false, false, false], [true, true, false, false], [false, true, true, false], [false, false, true, true]]> : tensor<4x4xi1>
  %e = tensor.empty() : tensor<1x1x4x4xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<1x1x4x4xf32>) -> tensor<1x1x4x4xf32>
  %s = linalg.generic {indexing_maps = [#q, #k, #s], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%q, %k : tensor<1x1x4x4xf32>, tensor<1x1x4x4xf32>) outs(%f : tensor<1x1x4x4xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %mm = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %mm : f32
    linalg.yield %r : f32
  } -> tensor<1x1x4x4xf32>
  %ss = linalg.generic {indexing_maps = [#id, #m2, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%s, %cm : tensor<1x1x4x4xf32>, tensor<4x4xi1>) outs(%e : tensor<1x1x4x4xf32>) {
  ^bb0(%a: f32, %mv: i1, %o: f32):
    %r = arith.select %mv, %a, %ninf : f32
    linalg.yield %r : f32
  } -> tensor<1x1x4x4xf32>
  %sm = linalg.softmax dimension(3) ins(%ss : tensor<1x1x4x4xf32>) outs(%e : tensor<1x1x4x4xf32>) -> tensor<1x1x4x4xf32>
  %o = linalg.generic {indexing_maps = [#p, #v, #o], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%sm, %v : tensor<1x1x4x4xf32>, tensor<1x1x4x4xf32>) outs(%f : tensor<1x1x4x4xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %mm = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %mm : f32
    linalg.yield %r : f32
  } -> tensor<1x1x4x4xf32>
  return %o : tensor<1x1x4x4xf32>
}

// -----

// GQA written as K/V repeated to Hq heads (unsqueeze, broadcast generic,
// collapse) and BSHD inputs reached through linalg.transpose; f16 scores
// extended to f32 around the softmax and truncated back.

#q = affine_map<(b, h, i, j, d) -> (b, h, i, d)>
#k = affine_map<(b, h, i, j, d) -> (b, h, j, d)>
#s = affine_map<(b, h, i, j, d) -> (b, h, i, j)>
#p = affine_map<(b, h, i, e, j) -> (b, h, i, j)>
#v = affine_map<(b, h, i, e, j) -> (b, h, j, e)>
#o = affine_map<(b, h, i, e, j) -> (b, h, i, e)>
#id = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#rep_in = affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, 0, d3, d4)>
#rep_out = affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d3, d4)>
// CHECK-LABEL: func.func @gqa_bshd_f16
// CHECK-SAME: %[[Q:[a-z0-9]+]]: tensor<1x5x4x8xf16>, %[[K:[a-z0-9]+]]: tensor<1x5x2x8xf16>, %[[V:[a-z0-9]+]]: tensor<1x5x2x8xf16>
// CHECK: %[[R:.+]] = attn.attention ins(%[[Q]], %[[K]], %[[V]] : tensor<1x5x4x8xf16>, tensor<1x5x2x8xf16>, tensor<1x5x2x8xf16>)
// CHECK-SAME: layout = bshd -> tensor<1x5x4x8xf16>
// CHECK: linalg.transpose ins(%[[R]] : tensor<1x5x4x8xf16>) {{.*}} permutation = [0, 2, 1, 3]
// CHECK-NOT: linalg.generic
func.func @gqa_bshd_f16(%qs: tensor<1x5x4x8xf16>, %ks: tensor<1x5x2x8xf16>, %vs: tensor<1x5x2x8xf16>) -> tensor<1x4x5x8xf16> {
  %zero = arith.constant 0.0 : f16
  %eq = tensor.empty() : tensor<1x4x5x8xf16>
  %q = linalg.transpose ins(%qs : tensor<1x5x4x8xf16>) outs(%eq : tensor<1x4x5x8xf16>) permutation = [0, 2, 1, 3]
  %ekv = tensor.empty() : tensor<1x2x5x8xf16>
  %k2 = linalg.transpose ins(%ks : tensor<1x5x2x8xf16>) outs(%ekv : tensor<1x2x5x8xf16>) permutation = [0, 2, 1, 3]
  %v2 = linalg.transpose ins(%vs : tensor<1x5x2x8xf16>) outs(%ekv : tensor<1x2x5x8xf16>) permutation = [0, 2, 1, 3]
  %ku = tensor.expand_shape %k2 [[0], [1, 2], [3], [4]] output_shape [1, 2, 1, 5, 8] : tensor<1x2x5x8xf16> into tensor<1x2x1x5x8xf16>
  %vu = tensor.expand_shape %v2 [[0], [1, 2], [3], [4]] output_shape [1, 2, 1, 5, 8] : tensor<1x2x5x8xf16> into tensor<1x2x1x5x8xf16>
  %er = tensor.empty() : tensor<1x2x2x5x8xf16>
  %kr = linalg.generic {indexing_maps = [#rep_in, #rep_out], iterator_types = ["parallel", "parallel", "parallel", "parallel", "parallel"]} ins(%ku : tensor<1x2x1x5x8xf16>) outs(%er : tensor<1x2x2x5x8xf16>) {
  ^bb0(%a: f16, %o: f16):
    linalg.yield %a : f16
  } -> tensor<1x2x2x5x8xf16>
  %vr = linalg.generic {indexing_maps = [#rep_in, #rep_out], iterator_types = ["parallel", "parallel", "parallel", "parallel", "parallel"]} ins(%vu : tensor<1x2x1x5x8xf16>) outs(%er : tensor<1x2x2x5x8xf16>) {
  ^bb0(%a: f16, %o: f16):
    linalg.yield %a : f16
  } -> tensor<1x2x2x5x8xf16>
  %k = tensor.collapse_shape %kr [[0], [1, 2], [3], [4]] : tensor<1x2x2x5x8xf16> into tensor<1x4x5x8xf16>
  %v = tensor.collapse_shape %vr [[0], [1, 2], [3], [4]] : tensor<1x2x2x5x8xf16> into tensor<1x4x5x8xf16>
  %e = tensor.empty() : tensor<1x4x5x5xf16>
  %f = linalg.fill ins(%zero : f16) outs(%e : tensor<1x4x5x5xf16>) -> tensor<1x4x5x5xf16>
  %s = linalg.generic {indexing_maps = [#q, #k, #s], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%q, %k : tensor<1x4x5x8xf16>, tensor<1x4x5x8xf16>) outs(%f : tensor<1x4x5x5xf16>) {
  ^bb0(%a: f16, %b: f16, %acc: f16):
    %mm = arith.mulf %a, %b : f16
    %r = arith.addf %acc, %mm : f16
    linalg.yield %r : f16
  } -> tensor<1x4x5x5xf16>
  %e32 = tensor.empty() : tensor<1x4x5x5xf32>
  %s32 = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%s : tensor<1x4x5x5xf16>) outs(%e32 : tensor<1x4x5x5xf32>) {
  ^bb0(%a: f16, %o: f32):
    %r = arith.extf %a : f16 to f32
    linalg.yield %r : f32
  } -> tensor<1x4x5x5xf32>
  %sm = linalg.softmax dimension(3) ins(%s32 : tensor<1x4x5x5xf32>) outs(%e32 : tensor<1x4x5x5xf32>) -> tensor<1x4x5x5xf32>
  %p = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%sm : tensor<1x4x5x5xf32>) outs(%e : tensor<1x4x5x5xf16>) {
  ^bb0(%a: f32, %o: f16):
    %r = arith.truncf %a : f32 to f16
    linalg.yield %r : f16
  } -> tensor<1x4x5x5xf16>
  %eo = tensor.empty() : tensor<1x4x5x8xf16>
  %fo = linalg.fill ins(%zero : f16) outs(%eo : tensor<1x4x5x8xf16>) -> tensor<1x4x5x8xf16>
  %o = linalg.generic {indexing_maps = [#p, #v, #o], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%p, %v : tensor<1x4x5x5xf16>, tensor<1x4x5x8xf16>) outs(%fo : tensor<1x4x5x8xf16>) {
  ^bb0(%a: f16, %b: f16, %acc: f16):
    %mm = arith.mulf %a, %b : f16
    %r = arith.addf %acc, %mm : f16
    linalg.yield %r : f16
  } -> tensor<1x4x5x8xf16>
  return %o : tensor<1x4x5x8xf16>
}

// -----

// Index casts to i8 that cannot wrap (sizes up to 100) and a finite fill
// that still masks after the scale (-1e9 * 0.125) are causal; a scale
// constant rounded through bf16 keeps the rounding (3.3 -> 3.296875).
// CHECK-LABEL: func.func @i8_index_cast_fits
// CHECK: attn.attention
// CHECK-SAME: scale = 5.000000e-01
// CHECK-SAME: causal = top_left
#q = affine_map<(b, h, i, j, d) -> (b, h, i, d)>
#k = affine_map<(b, h, i, j, d) -> (b, h, j, d)>
#s = affine_map<(b, h, i, j, d) -> (b, h, i, j)>
#p = affine_map<(b, h, i, e, j) -> (b, h, i, j)>
#v = affine_map<(b, h, i, e, j) -> (b, h, j, e)>
#o = affine_map<(b, h, i, e, j) -> (b, h, i, e)>
#id = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>

func.func @i8_index_cast_fits(%q: tensor<1x1x100x4xf32>, %k: tensor<1x1x100x4xf32>, %v: tensor<1x1x100x4xf32>) -> tensor<1x1x100x4xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<1x1x100x100xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<1x1x100x100xf32>) -> tensor<1x1x100x100xf32>
  %s0 = linalg.generic {indexing_maps = [#q, #k, #s], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%q, %k : tensor<1x1x100x4xf32>, tensor<1x1x100x4xf32>) outs(%f : tensor<1x1x100x100xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %m = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %m : f32
    linalg.yield %r : f32
  } -> tensor<1x1x100x100xf32>
  %s1 = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%s0 : tensor<1x1x100x100xf32>) outs(%e : tensor<1x1x100x100xf32>) {
  ^bb0(%x: f32, %unused: f32):
    %i = linalg.index 2 : index
    %j = linalg.index 3 : index
    %i8 = arith.index_cast %i : index to i8
    %j8 = arith.index_cast %j : index to i8
    %keep = arith.cmpi sle, %j8, %i8 : i8
    %ninf = arith.constant 0xFF800000 : f32
    %y = arith.select %keep, %x, %ninf : f32
    linalg.yield %y : f32
  } -> tensor<1x1x100x100xf32>
  %s2 = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%s1 : tensor<1x1x100x100xf32>) outs(%e : tensor<1x1x100x100xf32>) {
  ^bb0(%x: f32, %unused: f32):
    %c = arith.constant 0.5 : f32
    %y = arith.mulf %x, %c : f32
    linalg.yield %y : f32
  } -> tensor<1x1x100x100xf32>
  %sm = linalg.softmax dimension(3) ins(%s2 : tensor<1x1x100x100xf32>) outs(%e : tensor<1x1x100x100xf32>) -> tensor<1x1x100x100xf32>
  %eo = tensor.empty() : tensor<1x1x100x4xf32>
  %fo = linalg.fill ins(%zero : f32) outs(%eo : tensor<1x1x100x4xf32>) -> tensor<1x1x100x4xf32>
  %r = linalg.generic {indexing_maps = [#p, #v, #o], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%sm, %v : tensor<1x1x100x100xf32>, tensor<1x1x100x4xf32>) outs(%fo : tensor<1x1x100x4xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %m = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %m : f32
    linalg.yield %r : f32
  } -> tensor<1x1x100x4xf32>
  return %r : tensor<1x1x100x4xf32>
}

// -----

// CHECK-LABEL: func.func @finite_fill_before_scale
// CHECK: attn.attention
// CHECK-SAME: scale = 1.250000e-01
// CHECK-SAME: causal = top_left
#q = affine_map<(b, h, i, j, d) -> (b, h, i, d)>
#k = affine_map<(b, h, i, j, d) -> (b, h, j, d)>
#s = affine_map<(b, h, i, j, d) -> (b, h, i, j)>
#p = affine_map<(b, h, i, e, j) -> (b, h, i, j)>
#v = affine_map<(b, h, i, e, j) -> (b, h, j, e)>
#o = affine_map<(b, h, i, e, j) -> (b, h, i, e)>
#id = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>

func.func @finite_fill_before_scale(%q: tensor<1x1x6x4xf32>, %k: tensor<1x1x6x4xf32>, %v: tensor<1x1x6x4xf32>) -> tensor<1x1x6x4xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<1x1x6x6xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<1x1x6x6xf32>) -> tensor<1x1x6x6xf32>
  %s0 = linalg.generic {indexing_maps = [#q, #k, #s], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%q, %k : tensor<1x1x6x4xf32>, tensor<1x1x6x4xf32>) outs(%f : tensor<1x1x6x6xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %m = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %m : f32
    linalg.yield %r : f32
  } -> tensor<1x1x6x6xf32>
  %s1 = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%s0 : tensor<1x1x6x6xf32>) outs(%e : tensor<1x1x6x6xf32>) {
  ^bb0(%x: f32, %unused: f32):
    %i = linalg.index 2 : index
    %j = linalg.index 3 : index
    %keep = arith.cmpi ule, %j, %i : index
    %fill = arith.constant -1.0e9 : f32
    %y = arith.select %keep, %x, %fill : f32
    linalg.yield %y : f32
  } -> tensor<1x1x6x6xf32>
  %s2 = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%s1 : tensor<1x1x6x6xf32>) outs(%e : tensor<1x1x6x6xf32>) {
  ^bb0(%x: f32, %unused: f32):
    %c = arith.constant 0.125 : f32
    %y = arith.mulf %x, %c : f32
    linalg.yield %y : f32
  } -> tensor<1x1x6x6xf32>
  %sm = linalg.softmax dimension(3) ins(%s2 : tensor<1x1x6x6xf32>) outs(%e : tensor<1x1x6x6xf32>) -> tensor<1x1x6x6xf32>
  %eo = tensor.empty() : tensor<1x1x6x4xf32>
  %fo = linalg.fill ins(%zero : f32) outs(%eo : tensor<1x1x6x4xf32>) -> tensor<1x1x6x4xf32>
  %r = linalg.generic {indexing_maps = [#p, #v, #o], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%sm, %v : tensor<1x1x6x6xf32>, tensor<1x1x6x4xf32>) outs(%fo : tensor<1x1x6x4xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %m = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %m : f32
    linalg.yield %r : f32
  } -> tensor<1x1x6x4xf32>
  return %r : tensor<1x1x6x4xf32>
}

// -----

// CHECK-LABEL: func.func @scale_rounded_through_bf16
// CHECK: attn.attention
// CHECK-SAME: scale = 3.296875
#q = affine_map<(b, h, i, j, d) -> (b, h, i, d)>
#k = affine_map<(b, h, i, j, d) -> (b, h, j, d)>
#s = affine_map<(b, h, i, j, d) -> (b, h, i, j)>
#p = affine_map<(b, h, i, e, j) -> (b, h, i, j)>
#v = affine_map<(b, h, i, e, j) -> (b, h, j, e)>
#o = affine_map<(b, h, i, e, j) -> (b, h, i, e)>
#id = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>

func.func @scale_rounded_through_bf16(%q: tensor<1x1x6x4xf32>, %k: tensor<1x1x6x4xf32>, %v: tensor<1x1x6x4xf32>) -> tensor<1x1x6x4xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<1x1x6x6xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<1x1x6x6xf32>) -> tensor<1x1x6x6xf32>
  %s0 = linalg.generic {indexing_maps = [#q, #k, #s], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%q, %k : tensor<1x1x6x4xf32>, tensor<1x1x6x4xf32>) outs(%f : tensor<1x1x6x6xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %m = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %m : f32
    linalg.yield %r : f32
  } -> tensor<1x1x6x6xf32>
  %s1 = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%s0 : tensor<1x1x6x6xf32>) outs(%e : tensor<1x1x6x6xf32>) {
  ^bb0(%x: f32, %unused: f32):
    %c = arith.constant 3.3 : f32
    %t = arith.truncf %c : f32 to bf16
    %c2 = arith.extf %t : bf16 to f32
    %y = arith.mulf %x, %c2 : f32
    linalg.yield %y : f32
  } -> tensor<1x1x6x6xf32>
  %sm = linalg.softmax dimension(3) ins(%s1 : tensor<1x1x6x6xf32>) outs(%e : tensor<1x1x6x6xf32>) -> tensor<1x1x6x6xf32>
  %eo = tensor.empty() : tensor<1x1x6x4xf32>
  %fo = linalg.fill ins(%zero : f32) outs(%eo : tensor<1x1x6x4xf32>) -> tensor<1x1x6x4xf32>
  %r = linalg.generic {indexing_maps = [#p, #v, #o], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%sm, %v : tensor<1x1x6x6xf32>, tensor<1x1x6x4xf32>) outs(%fo : tensor<1x1x6x4xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %m = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %m : f32
    linalg.yield %r : f32
  } -> tensor<1x1x6x4xf32>
  return %r : tensor<1x1x6x4xf32>
}

// -----

// bf16 Q, K, V whose contractions extend them to f32 in their bodies, with
// an f32 result: the op reads Q, K and V extended to f32 (exactly what the
// chain computes on) and produces the f32 result.
// CHECK-LABEL: func.func @bf16_inputs_f32_result
// CHECK-COUNT-3: arith.extf {{.*}} : bf16 to f32
// CHECK: attn.attention ins({{.*}} : tensor<1x2x5x4xf32>, tensor<1x2x7x4xf32>, tensor<1x2x7x3xf32>) outs({{.*}} : tensor<1x2x5x3xf32>) scale = 5.000000e-01
#q = affine_map<(b, h, i, j, d) -> (b, h, i, d)>
#k = affine_map<(b, h, i, j, d) -> (b, h, j, d)>
#s = affine_map<(b, h, i, j, d) -> (b, h, i, j)>
#p = affine_map<(b, h, i, e, j) -> (b, h, i, j)>
#v = affine_map<(b, h, i, e, j) -> (b, h, j, e)>
#o = affine_map<(b, h, i, e, j) -> (b, h, i, e)>
#id = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
func.func @bf16_inputs_f32_result(%q: tensor<1x2x5x4xbf16>, %k: tensor<1x2x7x4xbf16>, %v: tensor<1x2x7x3xbf16>) -> tensor<1x2x5x3xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<1x2x5x7xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<1x2x5x7xf32>) -> tensor<1x2x5x7xf32>
  %s0 = linalg.generic {indexing_maps = [#q, #k, #s], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%q, %k : tensor<1x2x5x4xbf16>, tensor<1x2x7x4xbf16>) outs(%f : tensor<1x2x5x7xf32>) {
  ^bb0(%a: bf16, %b: bf16, %acc: f32):
    %ax = arith.extf %a : bf16 to f32
    %bx = arith.extf %b : bf16 to f32
    %m = arith.mulf %ax, %bx : f32
    %r = arith.addf %acc, %m : f32
    linalg.yield %r : f32
  } -> tensor<1x2x5x7xf32>
  %s1 = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%s0 : tensor<1x2x5x7xf32>) outs(%e : tensor<1x2x5x7xf32>) {
  ^bb0(%x: f32, %unused: f32):
    %c = arith.constant 0.5 : f32
    %y = arith.mulf %x, %c : f32
    linalg.yield %y : f32
  } -> tensor<1x2x5x7xf32>
  %sm = linalg.softmax dimension(3) ins(%s1 : tensor<1x2x5x7xf32>) outs(%e : tensor<1x2x5x7xf32>) -> tensor<1x2x5x7xf32>
  %eo = tensor.empty() : tensor<1x2x5x3xf32>
  %fo = linalg.fill ins(%zero : f32) outs(%eo : tensor<1x2x5x3xf32>) -> tensor<1x2x5x3xf32>
  %r = linalg.generic {indexing_maps = [#p, #v, #o], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%sm, %v : tensor<1x2x5x7xf32>, tensor<1x2x7x3xbf16>) outs(%fo : tensor<1x2x5x3xf32>) {
  ^bb0(%a: f32, %b: bf16, %acc: f32):
    %bx = arith.extf %b : bf16 to f32
    %m = arith.mulf %a, %bx : f32
    %r = arith.addf %acc, %m : f32
    linalg.yield %r : f32
  } -> tensor<1x2x5x3xf32>
  return %r : tensor<1x2x5x3xf32>
}

// -----

// A mask rounded to bf16 before it is added (extf(truncf(m))): the
// truncation is part of the mask, evaluated once on it, not dropped.
// CHECK-LABEL: func.func @mask_rounded_to_bf16
// CHECK: %[[M:.+]] = linalg.generic
// CHECK: arith.truncf {{.*}} : f32 to bf16
// CHECK: attn.attention
// CHECK-SAME: mask(%[[M]] : tensor<6x6xbf16>)
#q = affine_map<(b, h, i, j, d) -> (b, h, i, d)>
#k = affine_map<(b, h, i, j, d) -> (b, h, j, d)>
#s = affine_map<(b, h, i, j, d) -> (b, h, i, j)>
#p = affine_map<(b, h, i, e, j) -> (b, h, i, j)>
#v = affine_map<(b, h, i, e, j) -> (b, h, j, e)>
#o = affine_map<(b, h, i, e, j) -> (b, h, i, e)>
#id = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#m2 = affine_map<(d0, d1, d2, d3) -> (d2, d3)>

func.func @mask_rounded_to_bf16(%q: tensor<1x1x6x4xf32>, %k: tensor<1x1x6x4xf32>, %v: tensor<1x1x6x4xf32>, %mask: tensor<6x6xf32>) -> tensor<1x1x6x4xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<1x1x6x6xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<1x1x6x6xf32>) -> tensor<1x1x6x6xf32>
  %s0 = linalg.generic {indexing_maps = [#q, #k, #s], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%q, %k : tensor<1x1x6x4xf32>, tensor<1x1x6x4xf32>) outs(%f : tensor<1x1x6x6xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %m = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %m : f32
    linalg.yield %r : f32
  } -> tensor<1x1x6x6xf32>
  %s1 = linalg.generic {indexing_maps = [#id, #m2, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%s0, %mask : tensor<1x1x6x6xf32>, tensor<6x6xf32>) outs(%e : tensor<1x1x6x6xf32>) {
  ^bb0(%x: f32, %mk: f32, %unused: f32):
    %c = arith.constant 0.5 : f32
    %y = arith.mulf %x, %c : f32
    %t = arith.truncf %mk : f32 to bf16
    %te = arith.extf %t : bf16 to f32
    %z = arith.addf %y, %te : f32
    linalg.yield %z : f32
  } -> tensor<1x1x6x6xf32>
  %sm = linalg.softmax dimension(3) ins(%s1 : tensor<1x1x6x6xf32>) outs(%e : tensor<1x1x6x6xf32>) -> tensor<1x1x6x6xf32>
  %eo = tensor.empty() : tensor<1x1x6x4xf32>
  %fo = linalg.fill ins(%zero : f32) outs(%eo : tensor<1x1x6x4xf32>) -> tensor<1x1x6x4xf32>
  %r = linalg.generic {indexing_maps = [#p, #v, #o], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%sm, %v : tensor<1x1x6x6xf32>, tensor<1x1x6x4xf32>) outs(%fo : tensor<1x1x6x4xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %m = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %m : f32
    linalg.yield %r : f32
  } -> tensor<1x1x6x4xf32>
  return %r : tensor<1x1x6x4xf32>
}

// -----

// math.rsqrt of a bf16 constant folds as it is lowered: sqrt(11) rounded to
// bf16 (3.3125), then 1 / 3.3125 rounded to bf16 (0.302734375).
// CHECK-LABEL: func.func @rsqrt_bf16_scale
// CHECK: attn.attention
// CHECK-SAME: scale = 0.302734375
#q = affine_map<(b, h, i, j, d) -> (b, h, i, d)>
#k = affine_map<(b, h, i, j, d) -> (b, h, j, d)>
#s = affine_map<(b, h, i, j, d) -> (b, h, i, j)>
#p = affine_map<(b, h, i, e, j) -> (b, h, i, j)>
#v = affine_map<(b, h, i, e, j) -> (b, h, j, e)>
#o = affine_map<(b, h, i, e, j) -> (b, h, i, e)>
#id = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#m2 = affine_map<(d0, d1, d2, d3) -> (d2, d3)>

func.func @rsqrt_bf16_scale(%q: tensor<1x1x6x4xf32>, %k: tensor<1x1x6x4xf32>, %v: tensor<1x1x6x4xf32>) -> tensor<1x1x6x4xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<1x1x6x6xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<1x1x6x6xf32>) -> tensor<1x1x6x6xf32>
  %s0 = linalg.generic {indexing_maps = [#q, #k, #s], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%q, %k : tensor<1x1x6x4xf32>, tensor<1x1x6x4xf32>) outs(%f : tensor<1x1x6x6xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %m = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %m : f32
    linalg.yield %r : f32
  } -> tensor<1x1x6x6xf32>
  %s1 = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%s0 : tensor<1x1x6x6xf32>) outs(%e : tensor<1x1x6x6xf32>) {
  ^bb0(%x: f32, %unused: f32):
    %c = arith.constant 11.0 : bf16
    %r = math.rsqrt %c : bf16
    %re = arith.extf %r : bf16 to f32
    %y = arith.mulf %x, %re : f32
    linalg.yield %y : f32
  } -> tensor<1x1x6x6xf32>
  %sm = linalg.softmax dimension(3) ins(%s1 : tensor<1x1x6x6xf32>) outs(%e : tensor<1x1x6x6xf32>) -> tensor<1x1x6x6xf32>
  %eo = tensor.empty() : tensor<1x1x6x4xf32>
  %fo = linalg.fill ins(%zero : f32) outs(%eo : tensor<1x1x6x4xf32>) -> tensor<1x1x6x4xf32>
  %r = linalg.generic {indexing_maps = [#p, #v, #o], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%sm, %v : tensor<1x1x6x6xf32>, tensor<1x1x6x4xf32>) outs(%fo : tensor<1x1x6x4xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %m = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %m : f32
    linalg.yield %r : f32
  } -> tensor<1x1x6x4xf32>
  return %r : tensor<1x1x6x4xf32>
}

// -----

// j == i: the diagonal alone, a band of width 0 (causal with a window of 0
// keys to the left).
// CHECK-LABEL: func.func @diagonal_only
// CHECK: attn.attention
// CHECK-SAME: causal = top_left window = [0, -1]
#q = affine_map<(b, h, i, j, d) -> (b, h, i, d)>
#k = affine_map<(b, h, i, j, d) -> (b, h, j, d)>
#s = affine_map<(b, h, i, j, d) -> (b, h, i, j)>
#p = affine_map<(b, h, i, e, j) -> (b, h, i, j)>
#v = affine_map<(b, h, i, e, j) -> (b, h, j, e)>
#o = affine_map<(b, h, i, e, j) -> (b, h, i, e)>
#id = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>

func.func @diagonal_only(%q: tensor<1x1x6x4xf32>, %k: tensor<1x1x6x4xf32>, %v: tensor<1x1x6x4xf32>) -> tensor<1x1x6x4xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<1x1x6x6xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<1x1x6x6xf32>) -> tensor<1x1x6x6xf32>
  %s0 = linalg.generic {indexing_maps = [#q, #k, #s], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%q, %k : tensor<1x1x6x4xf32>, tensor<1x1x6x4xf32>) outs(%f : tensor<1x1x6x6xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %m = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %m : f32
    linalg.yield %r : f32
  } -> tensor<1x1x6x6xf32>
  %s1 = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%s0 : tensor<1x1x6x6xf32>) outs(%e : tensor<1x1x6x6xf32>) {
  ^bb0(%x: f32, %unused: f32):
    %c = arith.constant 0.5 : f32
    %y = arith.mulf %x, %c : f32
    %i = linalg.index 2 : index
    %j = linalg.index 3 : index
    %keep = arith.cmpi eq, %j, %i : index
    %ninf = arith.constant 0xFF800000 : f32
    %z = arith.select %keep, %y, %ninf : f32
    linalg.yield %z : f32
  } -> tensor<1x1x6x6xf32>
  %sm = linalg.softmax dimension(3) ins(%s1 : tensor<1x1x6x6xf32>) outs(%e : tensor<1x1x6x6xf32>) -> tensor<1x1x6x6xf32>
  %eo = tensor.empty() : tensor<1x1x6x4xf32>
  %fo = linalg.fill ins(%zero : f32) outs(%eo : tensor<1x1x6x4xf32>) -> tensor<1x1x6x4xf32>
  %r = linalg.generic {indexing_maps = [#p, #v, #o], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%sm, %v : tensor<1x1x6x6xf32>, tensor<1x1x6x4xf32>) outs(%fo : tensor<1x1x6x4xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %m = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %m : f32
    linalg.yield %r : f32
  } -> tensor<1x1x6x4xf32>
  return %r : tensor<1x1x6x4xf32>
}

// -----

// An unsigned comparison of non-negative index values with an offset
// (j ule i + 2 on a square problem) is the signed band j - i <= 2.
// CHECK-LABEL: func.func @unsigned_offset
// CHECK: attn.attention
// CHECK-SAME: window = [-1, 2]
#q = affine_map<(b, h, i, j, d) -> (b, h, i, d)>
#k = affine_map<(b, h, i, j, d) -> (b, h, j, d)>
#s = affine_map<(b, h, i, j, d) -> (b, h, i, j)>
#p = affine_map<(b, h, i, e, j) -> (b, h, i, j)>
#v = affine_map<(b, h, i, e, j) -> (b, h, j, e)>
#o = affine_map<(b, h, i, e, j) -> (b, h, i, e)>
#id = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>

func.func @unsigned_offset(%q: tensor<1x1x6x4xf32>, %k: tensor<1x1x6x4xf32>, %v: tensor<1x1x6x4xf32>) -> tensor<1x1x6x4xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<1x1x6x6xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<1x1x6x6xf32>) -> tensor<1x1x6x6xf32>
  %s0 = linalg.generic {indexing_maps = [#q, #k, #s], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%q, %k : tensor<1x1x6x4xf32>, tensor<1x1x6x4xf32>) outs(%f : tensor<1x1x6x6xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %m = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %m : f32
    linalg.yield %r : f32
  } -> tensor<1x1x6x6xf32>
  %s1 = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%s0 : tensor<1x1x6x6xf32>) outs(%e : tensor<1x1x6x6xf32>) {
  ^bb0(%x: f32, %unused: f32):
    %c = arith.constant 0.5 : f32
    %y = arith.mulf %x, %c : f32
    %i = linalg.index 2 : index
    %j = linalg.index 3 : index
    %off = arith.constant 2 : index
    %i1 = arith.addi %i, %off : index
    %keep = arith.cmpi ule, %j, %i1 : index
    %ninf = arith.constant 0xFF800000 : f32
    %z = arith.select %keep, %y, %ninf : f32
    linalg.yield %z : f32
  } -> tensor<1x1x6x6xf32>
  %sm = linalg.softmax dimension(3) ins(%s1 : tensor<1x1x6x6xf32>) outs(%e : tensor<1x1x6x6xf32>) -> tensor<1x1x6x6xf32>
  %eo = tensor.empty() : tensor<1x1x6x4xf32>
  %fo = linalg.fill ins(%zero : f32) outs(%eo : tensor<1x1x6x4xf32>) -> tensor<1x1x6x4xf32>
  %r = linalg.generic {indexing_maps = [#p, #v, #o], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%sm, %v : tensor<1x1x6x6xf32>, tensor<1x1x6x4xf32>) outs(%fo : tensor<1x1x6x4xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %m = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %m : f32
    linalg.yield %r : f32
  } -> tensor<1x1x6x4xf32>
  return %r : tensor<1x1x6x4xf32>
}

// -----

// A bare tanh(s * 0.5) is a softcap of 1 on scores scaled by 0.5.
// CHECK-LABEL: func.func @bare_tanh_softcap
// CHECK: attn.attention
// CHECK-SAME: scale = 5.000000e-01 softcap = 1.000000e+00
#q = affine_map<(b, h, i, j, d) -> (b, h, i, d)>
#k = affine_map<(b, h, i, j, d) -> (b, h, j, d)>
#s = affine_map<(b, h, i, j, d) -> (b, h, i, j)>
#p = affine_map<(b, h, i, e, j) -> (b, h, i, j)>
#v = affine_map<(b, h, i, e, j) -> (b, h, j, e)>
#o = affine_map<(b, h, i, e, j) -> (b, h, i, e)>
#id = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>

func.func @bare_tanh_softcap(%q: tensor<1x1x6x4xf32>, %k: tensor<1x1x6x4xf32>, %v: tensor<1x1x6x4xf32>) -> tensor<1x1x6x4xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<1x1x6x6xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<1x1x6x6xf32>) -> tensor<1x1x6x6xf32>
  %s0 = linalg.generic {indexing_maps = [#q, #k, #s], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%q, %k : tensor<1x1x6x4xf32>, tensor<1x1x6x4xf32>) outs(%f : tensor<1x1x6x6xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %m = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %m : f32
    linalg.yield %r : f32
  } -> tensor<1x1x6x6xf32>
  %s1 = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%s0 : tensor<1x1x6x6xf32>) outs(%e : tensor<1x1x6x6xf32>) {
  ^bb0(%x: f32, %unused: f32):
    %c = arith.constant 0.5 : f32
    %y = arith.mulf %x, %c : f32
    %t = math.tanh %y : f32
    linalg.yield %t : f32
  } -> tensor<1x1x6x6xf32>
  %sm = linalg.softmax dimension(3) ins(%s1 : tensor<1x1x6x6xf32>) outs(%e : tensor<1x1x6x6xf32>) -> tensor<1x1x6x6xf32>
  %eo = tensor.empty() : tensor<1x1x6x4xf32>
  %fo = linalg.fill ins(%zero : f32) outs(%eo : tensor<1x1x6x4xf32>) -> tensor<1x1x6x4xf32>
  %r = linalg.generic {indexing_maps = [#p, #v, #o], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%sm, %v : tensor<1x1x6x6xf32>, tensor<1x1x6x4xf32>) outs(%fo : tensor<1x1x6x4xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %m = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %m : f32
    linalg.yield %r : f32
  } -> tensor<1x1x6x4xf32>
  return %r : tensor<1x1x6x4xf32>
}

// -----

// An f32 causal mask select(j <= i, 0, -inf) truncated to the f16 scores:
// the truncation keeps 0 and -inf exactly, so it is peeled and the band
// read as causal.
// CHECK-LABEL: func.func @causal_mask_truncated_to_f16
// CHECK: attn.attention
// CHECK-NOT: mask(
// CHECK-SAME: causal = top_left
#q = affine_map<(b, h, i, j, d) -> (b, h, i, d)>
#k = affine_map<(b, h, i, j, d) -> (b, h, j, d)>
#s = affine_map<(b, h, i, j, d) -> (b, h, i, j)>
#p = affine_map<(b, h, i, e, j) -> (b, h, i, j)>
#v = affine_map<(b, h, i, e, j) -> (b, h, j, e)>
#o = affine_map<(b, h, i, e, j) -> (b, h, i, e)>
#id = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
func.func @causal_mask_truncated_to_f16(%q: tensor<1x2x6x4xf16>, %k: tensor<1x2x6x4xf16>, %v: tensor<1x2x6x4xf16>) -> tensor<1x2x6x4xf16> {
  %zero = arith.constant 0.0 : f16
  %e = tensor.empty() : tensor<1x2x6x6xf16>
  %f = linalg.fill ins(%zero : f16) outs(%e : tensor<1x2x6x6xf16>) -> tensor<1x2x6x6xf16>
  %s0 = linalg.generic {indexing_maps = [#q, #k, #s], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%q, %k : tensor<1x2x6x4xf16>, tensor<1x2x6x4xf16>) outs(%f : tensor<1x2x6x6xf16>) {
  ^bb0(%a: f16, %b: f16, %acc: f16):
    %m = arith.mulf %a, %b : f16
    %r = arith.addf %acc, %m : f16
    linalg.yield %r : f16
  } -> tensor<1x2x6x6xf16>
  %s1 = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%s0 : tensor<1x2x6x6xf16>) outs(%e : tensor<1x2x6x6xf16>) {
  ^bb0(%x: f16, %unused: f16):
    %c = arith.constant 0.5 : f16
    %y = arith.mulf %x, %c : f16
    %i = linalg.index 2 : index
    %j = linalg.index 3 : index
    %keep = arith.cmpi ule, %j, %i : index
    %z32 = arith.constant 0.0 : f32
    %ninf = arith.constant 0xFF800000 : f32
    %m32 = arith.select %keep, %z32, %ninf : f32
    %m16 = arith.truncf %m32 : f32 to f16
    %r = arith.addf %y, %m16 : f16
    linalg.yield %r : f16
  } -> tensor<1x2x6x6xf16>
  %sm = linalg.softmax dimension(3) ins(%s1 : tensor<1x2x6x6xf16>) outs(%e : tensor<1x2x6x6xf16>) -> tensor<1x2x6x6xf16>
  %eo = tensor.empty() : tensor<1x2x6x4xf16>
  %fo = linalg.fill ins(%zero : f16) outs(%eo : tensor<1x2x6x4xf16>) -> tensor<1x2x6x4xf16>
  %r = linalg.generic {indexing_maps = [#p, #v, #o], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%sm, %v : tensor<1x2x6x6xf16>, tensor<1x2x6x4xf16>) outs(%fo : tensor<1x2x6x4xf16>) {
  ^bb0(%a: f16, %b: f16, %acc: f16):
    %m = arith.mulf %a, %b : f16
    %r = arith.addf %acc, %m : f16
    linalg.yield %r : f16
  } -> tensor<1x2x6x4xf16>
  return %r : tensor<1x2x6x4xf16>
}

// -----

// An unused, side-effect-free reduction of the scores (a leftover of
// debugging) does not keep the chain from being raised; it is erased with it.
// CHECK-LABEL: func.func @dead_user_of_scores
// CHECK-NOT: linalg.generic
// CHECK: attn.attention
// CHECK-NOT: linalg.generic
// CHECK: return
#du_q = affine_map<(b, h, i, j, d) -> (b, h, i, d)>
#du_k = affine_map<(b, h, i, j, d) -> (b, h, j, d)>
#du_s = affine_map<(b, h, i, j, d) -> (b, h, i, j)>
#du_p = affine_map<(b, h, i, e, j) -> (b, h, i, j)>
#du_v = affine_map<(b, h, i, e, j) -> (b, h, j, e)>
#du_o = affine_map<(b, h, i, e, j) -> (b, h, i, e)>
#du_id = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#du_row = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>
#du_id3 = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
func.func @dead_user_of_scores(%q: tensor<1x2x5x8xf32>, %k: tensor<1x2x7x8xf32>, %v: tensor<1x2x7x8xf32>) -> tensor<1x2x5x8xf32> {
  %zero = arith.constant 0.0 : f32
  %one = arith.constant 1.0 : f32
  %ninf = arith.constant 0xFF800000 : f32

  %e = tensor.empty() : tensor<1x2x5x7xf32>
  %er = tensor.empty() : tensor<1x2x5xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<1x2x5x7xf32>) -> tensor<1x2x5x7xf32>
  %s = linalg.generic {indexing_maps = [#du_q, #du_k, #du_s], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%q, %k : tensor<1x2x5x8xf32>, tensor<1x2x7x8xf32>) outs(%f : tensor<1x2x5x7xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %m = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %m : f32
    linalg.yield %r : f32
  } -> tensor<1x2x5x7xf32>
  %fm = linalg.fill ins(%ninf : f32) outs(%er : tensor<1x2x5xf32>) -> tensor<1x2x5xf32>
  %mx = linalg.generic {indexing_maps = [#du_id, #du_row], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%s : tensor<1x2x5x7xf32>) outs(%fm : tensor<1x2x5xf32>) {
  ^bb0(%a: f32, %o: f32):
    %r = arith.maximumf %a, %o : f32
    linalg.yield %r : f32
  } -> tensor<1x2x5xf32>
  %ex = linalg.generic {indexing_maps = [#du_id, #du_row, #du_id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%s, %mx : tensor<1x2x5x7xf32>, tensor<1x2x5xf32>) outs(%e : tensor<1x2x5x7xf32>) {
  ^bb0(%a: f32, %b: f32, %o: f32):
    %d = arith.subf %a, %b : f32
    %r = math.exp %d : f32
    linalg.yield %r : f32
  } -> tensor<1x2x5x7xf32>
  %fs = linalg.fill ins(%zero : f32) outs(%er : tensor<1x2x5xf32>) -> tensor<1x2x5xf32>
  %sm = linalg.generic {indexing_maps = [#du_id, #du_row], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%ex : tensor<1x2x5x7xf32>) outs(%fs : tensor<1x2x5xf32>) {
  ^bb0(%a: f32, %o: f32):
    %r = arith.addf %a, %o : f32
    linalg.yield %r : f32
  } -> tensor<1x2x5xf32>
  %p = linalg.generic {indexing_maps = [#du_id, #du_row, #du_id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%ex, %sm : tensor<1x2x5x7xf32>, tensor<1x2x5xf32>) outs(%e : tensor<1x2x5x7xf32>) {
  ^bb0(%a: f32, %b: f32, %o: f32):
    %r = arith.divf %a, %b : f32
    linalg.yield %r : f32
  } -> tensor<1x2x5x7xf32>
  %fdead = linalg.fill ins(%zero : f32) outs(%er : tensor<1x2x5xf32>) -> tensor<1x2x5xf32>
  %dead = linalg.generic {indexing_maps = [#du_id, #du_row], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%s : tensor<1x2x5x7xf32>) outs(%fdead : tensor<1x2x5xf32>) {
  ^bb0(%a: f32, %o: f32):
    %r = arith.addf %a, %o : f32
    linalg.yield %r : f32
  } -> tensor<1x2x5xf32>
  %eo = tensor.empty() : tensor<1x2x5x8xf32>
  %fo = linalg.fill ins(%zero : f32) outs(%eo : tensor<1x2x5x8xf32>) -> tensor<1x2x5x8xf32>
  %out = linalg.generic {indexing_maps = [#du_p, #du_v, #du_o], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%p, %v : tensor<1x2x5x7xf32>, tensor<1x2x7x8xf32>) outs(%fo : tensor<1x2x5x8xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %m = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %m : f32
    linalg.yield %r : f32
  } -> tensor<1x2x5x8xf32>
  return %out : tensor<1x2x5x8xf32>
}

// -----

#q = affine_map<(b, h, i, j, d) -> (b, h, i, d)>
#k = affine_map<(b, h, i, j, d) -> (b, h, j, d)>
#s = affine_map<(b, h, i, j, d) -> (b, h, i, j)>
#p = affine_map<(b, h, i, e, j) -> (b, h, i, j)>
#v = affine_map<(b, h, i, e, j) -> (b, h, j, e)>
#o = affine_map<(b, h, i, e, j) -> (b, h, i, e)>
#id = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
// A positive scale on the softcapped scores, 0.125 * 30 * tanh(s / 30), is a
// softcap of 3.75 on scores scaled by 0.125 (3.75 * tanh(0.125 s / 3.75)).
// CHECK-LABEL: func.func @scale_after_softcap
// CHECK-NOT: math.tanh
// CHECK: attn.attention
// CHECK-SAME: scale = 1.250000e-01 softcap = 3.750000e+00
func.func @scale_after_softcap(%q: tensor<1x2x4x8xf32>, %k: tensor<1x2x6x8xf32>, %v: tensor<1x2x6x8xf32>) -> tensor<1x2x4x8xf32> {
  %zero = arith.constant 0.0 : f32
  %c = arith.constant 0.125 : f32
  %ninf = arith.constant 0xFF800000 : f32
  %e = tensor.empty() : tensor<1x2x4x6xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<1x2x4x6xf32>) -> tensor<1x2x4x6xf32>
  %s = linalg.generic {indexing_maps = [#q, #k, #s], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%q, %k : tensor<1x2x4x8xf32>, tensor<1x2x6x8xf32>) outs(%f : tensor<1x2x4x6xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %m = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %m : f32
    linalg.yield %r : f32
  } -> tensor<1x2x4x6xf32>
  %ss = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%s : tensor<1x2x4x6xf32>) outs(%e : tensor<1x2x4x6xf32>) {
  ^bb0(%a: f32, %o: f32):
    %cap = arith.constant 30.0 : f32
    %r2 = arith.divf %a, %cap : f32
    %r3 = math.tanh %r2 : f32
    %r4 = arith.mulf %r3, %cap : f32
    %r = arith.mulf %r4, %c : f32
    linalg.yield %r : f32
  } -> tensor<1x2x4x6xf32>
  %sm = linalg.softmax dimension(3) ins(%ss : tensor<1x2x4x6xf32>) outs(%e : tensor<1x2x4x6xf32>) -> tensor<1x2x4x6xf32>
  %eo = tensor.empty() : tensor<1x2x4x8xf32>
  %fo = linalg.fill ins(%zero : f32) outs(%eo : tensor<1x2x4x8xf32>) -> tensor<1x2x4x8xf32>
  %out = linalg.generic {indexing_maps = [#p, #v, #o], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%sm, %v : tensor<1x2x4x6xf32>, tensor<1x2x6x8xf32>) outs(%fo : tensor<1x2x4x8xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %m = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %m : f32
    linalg.yield %r : f32
  } -> tensor<1x2x4x8xf32>
  return %out : tensor<1x2x4x8xf32>
}
