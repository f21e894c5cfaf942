// One head with dynamic lengths: the probabilities [1, 1, ?, ?] are
// collapsed to [?, ?] for a 2-D matmul with V. A collapse group of unit dims
// and one dynamic dim is read through (the dynamic dim takes the index), so
// the chain is raised (it used to be left alone with no remark; found by an
// adversarial round, session 14). Runs for several sizes; the fused and the
// unfused programs must print the same numbers.
// RUN: attn-opt %s -attn-fuse-attention | FileCheck %s
// RUN: attn-opt %s -attn-cpu-pipeline="fuse=false" | mlir-runner -e main -entry-point-result=void -shared-libs=%runner_libs > %t.ref
// RUN: attn-opt %s -attn-cpu-pipeline="fuse=true" | mlir-runner -e main -entry-point-result=void -shared-libs=%runner_libs > %t.fused
// RUN: %python %attn_src/test/lib/compare_outputs.py %t.ref %t.fused --rtol 1e-4 --atol 1e-5
// CHECK: attn.attention

#id = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
func.func @g(%q: tensor<?x8xf32>, %k: tensor<?x8xf32>, %v: tensor<?x8xf32>, %m: tensor<?x?xf32>, %p: tensor<?xf32>) -> tensor<?x8xf32> {
  %c0 = arith.constant 0 : index
  %zero = arith.constant 0.0 : f32
  %ninf = arith.constant 0xFF800000 : f32
  %low = arith.constant -3.40282347E+38 : f32
  %sc = arith.constant 0.35 : f32
  %sq = tensor.dim %q, %c0 : tensor<?x8xf32>
  %skv = tensor.dim %k, %c0 : tensor<?x8xf32>
  %kt0 = tensor.empty(%skv) : tensor<8x?xf32>
  %kt = linalg.transpose ins(%k : tensor<?x8xf32>) outs(%kt0 : tensor<8x?xf32>) permutation = [1, 0]
  %e2 = tensor.empty(%sq, %skv) : tensor<?x?xf32>
  %f2 = linalg.fill ins(%zero : f32) outs(%e2 : tensor<?x?xf32>) -> tensor<?x?xf32>
  %s2 = linalg.matmul ins(%q, %kt : tensor<?x8xf32>, tensor<8x?xf32>) outs(%f2 : tensor<?x?xf32>) -> tensor<?x?xf32>
  %s4 = tensor.expand_shape %s2 [[0, 1, 2], [3]] output_shape [1, 1, %sq, %skv] : tensor<?x?xf32> into tensor<1x1x?x?xf32>
  %m4 = tensor.expand_shape %m [[0, 1, 2], [3]] output_shape [1, 1, %sq, %skv] : tensor<?x?xf32> into tensor<1x1x?x?xf32>
  %e4 = tensor.empty(%sq, %skv) : tensor<1x1x?x?xf32>
  %x = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3)->(d0,d1,d2,d3)>, affine_map<(d0,d1,d2,d3)->(d0,d1,d2,d3)>, affine_map<(d0,d1,d2,d3)->(d0,d1,d2,d3)>], iterator_types = ["parallel","parallel","parallel","parallel"]} ins(%s4, %m4 : tensor<1x1x?x?xf32>, tensor<1x1x?x?xf32>) outs(%e4 : tensor<1x1x?x?xf32>) {
  ^bb0(%a: f32, %b: f32, %o: f32):
    %t = arith.mulf %a, %sc : f32
    %y = arith.addf %t, %b : f32
    linalg.yield %y : f32
  } -> tensor<1x1x?x?xf32>
  %er = tensor.empty(%sq) : tensor<1x1x?xf32>
  %fm = linalg.fill ins(%ninf : f32) outs(%er : tensor<1x1x?xf32>) -> tensor<1x1x?xf32>
  %mx = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3)->(d0,d1,d2,d3)>, affine_map<(d0,d1,d2,d3)->(d0,d1,d2)>], iterator_types = ["parallel","parallel","parallel","reduction"]} ins(%x : tensor<1x1x?x?xf32>) outs(%fm : tensor<1x1x?xf32>) {
  ^bb0(%a: f32, %acc: f32):
    %r = arith.maximumf %a, %acc : f32
    linalg.yield %r : f32
  } -> tensor<1x1x?xf32>
  %mxe = tensor.expand_shape %mx [[0], [1], [2, 3]] output_shape [1, 1, %sq, 1] : tensor<1x1x?xf32> into tensor<1x1x?x1xf32>
  %ex = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3)->(d0,d1,d2,d3)>, affine_map<(d0,d1,d2,d3)->(d0,d1,d2,0)>, affine_map<(d0,d1,d2,d3)->(d0,d1,d2,d3)>], iterator_types = ["parallel","parallel","parallel","parallel"]} ins(%x, %mxe : tensor<1x1x?x?xf32>, tensor<1x1x?x1xf32>) outs(%e4 : tensor<1x1x?x?xf32>) {
  ^bb0(%a: f32, %b: f32, %o: f32):
    %d = arith.subf %a, %b : f32
    %r = math.exp %d : f32
    linalg.yield %r : f32
  } -> tensor<1x1x?x?xf32>
  %fs = linalg.fill ins(%zero : f32) outs(%er : tensor<1x1x?xf32>) -> tensor<1x1x?xf32>
  %sm = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3)->(d0,d1,d2,d3)>, affine_map<(d0,d1,d2,d3)->(d0,d1,d2)>], iterator_types = ["parallel","parallel","parallel","reduction"]} ins(%ex : tensor<1x1x?x?xf32>) outs(%fs : tensor<1x1x?xf32>) {
  ^bb0(%a: f32, %acc: f32):
    %r = arith.addf %a, %acc : f32
    linalg.yield %r : f32
  } -> tensor<1x1x?xf32>
  %sme = tensor.expand_shape %sm [[0], [1], [2, 3]] output_shape [1, 1, %sq, 1] : tensor<1x1x?xf32> into tensor<1x1x?x1xf32>
  %pr = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3)->(d0,d1,d2,d3)>, affine_map<(d0,d1,d2,d3)->(d0,d1,d2,0)>, affine_map<(d0,d1,d2,d3)->(d0,d1,d2,d3)>], iterator_types = ["parallel","parallel","parallel","parallel"]} ins(%ex, %sme : tensor<1x1x?x?xf32>, tensor<1x1x?x1xf32>) outs(%e4 : tensor<1x1x?x?xf32>) {
  ^bb0(%a: f32, %b: f32, %o: f32):
    %r = arith.divf %a, %b : f32
    linalg.yield %r : f32
  } -> tensor<1x1x?x?xf32>
  %p2 = tensor.collapse_shape %pr [[0, 1, 2], [3]] : tensor<1x1x?x?xf32> into tensor<?x?xf32>
  %eo = tensor.empty(%sq) : tensor<?x8xf32>
  %fo = linalg.fill ins(%zero : f32) outs(%eo : tensor<?x8xf32>) -> tensor<?x8xf32>
  %o = linalg.matmul ins(%p2, %v : tensor<?x?xf32>, tensor<?x8xf32>) outs(%fo : tensor<?x8xf32>) -> tensor<?x8xf32>
  return %o : tensor<?x8xf32>
}
func.func @fill(%t: tensor<?x?x?x?xf32>, %seed: f32, %amp: f32) -> tensor<?x?x?x?xf32> {
  %r = linalg.generic {indexing_maps = [#id], iterator_types = ["parallel","parallel","parallel","parallel"]} outs(%t : tensor<?x?x?x?xf32>) {
  ^bb0(%o: f32):
    %i1 = linalg.index 1 : index
    %i2 = linalg.index 2 : index
    %i3 = linalg.index 3 : index
    %a1 = arith.index_cast %i1 : index to i64
    %a2 = arith.index_cast %i2 : index to i64
    %a3 = arith.index_cast %i3 : index to i64
    %f1 = arith.sitofp %a1 : i64 to f32
    %f2 = arith.sitofp %a2 : i64 to f32
    %f3 = arith.sitofp %a3 : i64 to f32
    %c1 = arith.constant 1.3 : f32
    %c2 = arith.constant 0.71 : f32
    %c3 = arith.constant 0.113 : f32
    %m1 = arith.mulf %f1, %c1 : f32
    %m2 = arith.mulf %f2, %c2 : f32
    %m3 = arith.mulf %f3, %c3 : f32
    %s0 = arith.addf %m1, %m2 : f32
    %s1 = arith.addf %s0, %m3 : f32
    %s2 = arith.addf %s1, %seed : f32
    %x = math.sin %s2 : f32
    %y = arith.mulf %x, %amp : f32
    linalg.yield %y : f32
  } -> tensor<?x?x?x?xf32>
  return %r : tensor<?x?x?x?xf32>
}
func.func private @printMemrefF32(tensor<*xf32>)
func.func @make(%n: index, %seed: f32, %amp: f32) -> tensor<1x2x?x8xf32> {
  %e = tensor.empty(%n) : tensor<1x2x?x8xf32>
  %d = tensor.cast %e : tensor<1x2x?x8xf32> to tensor<?x?x?x?xf32>
  %f = call @fill(%d, %seed, %amp) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %r = tensor.cast %f : tensor<?x?x?x?xf32> to tensor<1x2x?x8xf32>
  return %r : tensor<1x2x?x8xf32>
}
func.func @main() {
  %c1_1 = arith.constant 1 : index
  %c8_1 = arith.constant 8 : index
  %sq1 = arith.constant 5 : index
  %skv1 = arith.constant 9 : index
  %sa1 = arith.constant 0.680000 : f32
  %sb1 = arith.constant 1.180000 : f32
  %sc1 = arith.constant 1.780000 : f32
  %sd1 = arith.constant 2.470000 : f32
  %se1 = arith.constant 3.270000 : f32
  %amp1 = arith.constant 2.5 : f32
  %ampm1 = arith.constant 1.5 : f32
  %q1_e = tensor.empty(%c1_1, %c1_1, %sq1, %c8_1) : tensor<?x?x?x?xf32>
  %q1_f = call @fill(%q1_e, %sa1, %amp1) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %k1_e = tensor.empty(%c1_1, %c1_1, %skv1, %c8_1) : tensor<?x?x?x?xf32>
  %k1_f = call @fill(%k1_e, %sb1, %amp1) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %v1_e = tensor.empty(%c1_1, %c1_1, %skv1, %c8_1) : tensor<?x?x?x?xf32>
  %v1_f = call @fill(%v1_e, %sc1, %amp1) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %m1_e = tensor.empty(%c1_1, %c1_1, %sq1, %skv1) : tensor<?x?x?x?xf32>
  %m1_f = call @fill(%m1_e, %sd1, %ampm1) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %p1_e = tensor.empty(%c1_1, %c1_1, %skv1, %c1_1) : tensor<?x?x?x?xf32>
  %p1_f = call @fill(%p1_e, %se1, %ampm1) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %q1 = tensor.collapse_shape %q1_f [[0, 1, 2], [3]] : tensor<?x?x?x?xf32> into tensor<?x?xf32>
  %k1 = tensor.collapse_shape %k1_f [[0, 1, 2], [3]] : tensor<?x?x?x?xf32> into tensor<?x?xf32>
  %v1 = tensor.collapse_shape %v1_f [[0, 1, 2], [3]] : tensor<?x?x?x?xf32> into tensor<?x?xf32>
  %m1 = tensor.collapse_shape %m1_f [[0, 1, 2], [3]] : tensor<?x?x?x?xf32> into tensor<?x?xf32>
  %q1c = tensor.cast %q1 : tensor<?x?xf32> to tensor<?x8xf32>
  %k1c = tensor.cast %k1 : tensor<?x?xf32> to tensor<?x8xf32>
  %v1c = tensor.cast %v1 : tensor<?x?xf32> to tensor<?x8xf32>
  %p1 = tensor.collapse_shape %p1_f [[0, 1, 2, 3]] : tensor<?x?x?x?xf32> into tensor<?xf32>
  %o1 = call @g(%q1c, %k1c, %v1c, %m1, %p1) : (tensor<?x8xf32>, tensor<?x8xf32>, tensor<?x8xf32>, tensor<?x?xf32>, tensor<?xf32>) -> tensor<?x8xf32>
  %u1 = tensor.cast %o1 : tensor<?x8xf32> to tensor<*xf32>
  call @printMemrefF32(%u1) : (tensor<*xf32>) -> ()
  %c1_2 = arith.constant 1 : index
  %c8_2 = arith.constant 8 : index
  %sq2 = arith.constant 7 : index
  %skv2 = arith.constant 7 : index
  %sa2 = arith.constant 1.050000 : f32
  %sb2 = arith.constant 1.550000 : f32
  %sc2 = arith.constant 2.150000 : f32
  %sd2 = arith.constant 2.840000 : f32
  %se2 = arith.constant 3.640000 : f32
  %amp2 = arith.constant 2.5 : f32
  %ampm2 = arith.constant 1.5 : f32
  %q2_e = tensor.empty(%c1_2, %c1_2, %sq2, %c8_2) : tensor<?x?x?x?xf32>
  %q2_f = call @fill(%q2_e, %sa2, %amp2) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %k2_e = tensor.empty(%c1_2, %c1_2, %skv2, %c8_2) : tensor<?x?x?x?xf32>
  %k2_f = call @fill(%k2_e, %sb2, %amp2) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %v2_e = tensor.empty(%c1_2, %c1_2, %skv2, %c8_2) : tensor<?x?x?x?xf32>
  %v2_f = call @fill(%v2_e, %sc2, %amp2) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %m2_e = tensor.empty(%c1_2, %c1_2, %sq2, %skv2) : tensor<?x?x?x?xf32>
  %m2_f = call @fill(%m2_e, %sd2, %ampm2) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %p2_e = tensor.empty(%c1_2, %c1_2, %skv2, %c1_2) : tensor<?x?x?x?xf32>
  %p2_f = call @fill(%p2_e, %se2, %ampm2) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %q2 = tensor.collapse_shape %q2_f [[0, 1, 2], [3]] : tensor<?x?x?x?xf32> into tensor<?x?xf32>
  %k2 = tensor.collapse_shape %k2_f [[0, 1, 2], [3]] : tensor<?x?x?x?xf32> into tensor<?x?xf32>
  %v2 = tensor.collapse_shape %v2_f [[0, 1, 2], [3]] : tensor<?x?x?x?xf32> into tensor<?x?xf32>
  %m2 = tensor.collapse_shape %m2_f [[0, 1, 2], [3]] : tensor<?x?x?x?xf32> into tensor<?x?xf32>
  %q2c = tensor.cast %q2 : tensor<?x?xf32> to tensor<?x8xf32>
  %k2c = tensor.cast %k2 : tensor<?x?xf32> to tensor<?x8xf32>
  %v2c = tensor.cast %v2 : tensor<?x?xf32> to tensor<?x8xf32>
  %p2 = tensor.collapse_shape %p2_f [[0, 1, 2, 3]] : tensor<?x?x?x?xf32> into tensor<?xf32>
  %o2 = call @g(%q2c, %k2c, %v2c, %m2, %p2) : (tensor<?x8xf32>, tensor<?x8xf32>, tensor<?x8xf32>, tensor<?x?xf32>, tensor<?xf32>) -> tensor<?x8xf32>
  %u2 = tensor.cast %o2 : tensor<?x8xf32> to tensor<*xf32>
  call @printMemrefF32(%u2) : (tensor<*xf32>) -> ()
  %c1_3 = arith.constant 1 : index
  %c8_3 = arith.constant 8 : index
  %sq3 = arith.constant 1 : index
  %skv3 = arith.constant 13 : index
  %sa3 = arith.constant 1.420000 : f32
  %sb3 = arith.constant 1.920000 : f32
  %sc3 = arith.constant 2.520000 : f32
  %sd3 = arith.constant 3.210000 : f32
  %se3 = arith.constant 4.010000 : f32
  %amp3 = arith.constant 2.5 : f32
  %ampm3 = arith.constant 1.5 : f32
  %q3_e = tensor.empty(%c1_3, %c1_3, %sq3, %c8_3) : tensor<?x?x?x?xf32>
  %q3_f = call @fill(%q3_e, %sa3, %amp3) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %k3_e = tensor.empty(%c1_3, %c1_3, %skv3, %c8_3) : tensor<?x?x?x?xf32>
  %k3_f = call @fill(%k3_e, %sb3, %amp3) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %v3_e = tensor.empty(%c1_3, %c1_3, %skv3, %c8_3) : tensor<?x?x?x?xf32>
  %v3_f = call @fill(%v3_e, %sc3, %amp3) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %m3_e = tensor.empty(%c1_3, %c1_3, %sq3, %skv3) : tensor<?x?x?x?xf32>
  %m3_f = call @fill(%m3_e, %sd3, %ampm3) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %p3_e = tensor.empty(%c1_3, %c1_3, %skv3, %c1_3) : tensor<?x?x?x?xf32>
  %p3_f = call @fill(%p3_e, %se3, %ampm3) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %q3 = tensor.collapse_shape %q3_f [[0, 1, 2], [3]] : tensor<?x?x?x?xf32> into tensor<?x?xf32>
  %k3 = tensor.collapse_shape %k3_f [[0, 1, 2], [3]] : tensor<?x?x?x?xf32> into tensor<?x?xf32>
  %v3 = tensor.collapse_shape %v3_f [[0, 1, 2], [3]] : tensor<?x?x?x?xf32> into tensor<?x?xf32>
  %m3 = tensor.collapse_shape %m3_f [[0, 1, 2], [3]] : tensor<?x?x?x?xf32> into tensor<?x?xf32>
  %q3c = tensor.cast %q3 : tensor<?x?xf32> to tensor<?x8xf32>
  %k3c = tensor.cast %k3 : tensor<?x?xf32> to tensor<?x8xf32>
  %v3c = tensor.cast %v3 : tensor<?x?xf32> to tensor<?x8xf32>
  %p3 = tensor.collapse_shape %p3_f [[0, 1, 2, 3]] : tensor<?x?x?x?xf32> into tensor<?xf32>
  %o3 = call @g(%q3c, %k3c, %v3c, %m3, %p3) : (tensor<?x8xf32>, tensor<?x8xf32>, tensor<?x8xf32>, tensor<?x?xf32>, tensor<?xf32>) -> tensor<?x8xf32>
  %u3 = tensor.cast %o3 : tensor<?x8xf32> to tensor<*xf32>
  call @printMemrefF32(%u3) : (tensor<*xf32>) -> ()
  %c1_4 = arith.constant 1 : index
  %c8_4 = arith.constant 8 : index
  %sq4 = arith.constant 9 : index
  %skv4 = arith.constant 12 : index
  %sa4 = arith.constant 1.790000 : f32
  %sb4 = arith.constant 2.290000 : f32
  %sc4 = arith.constant 2.890000 : f32
  %sd4 = arith.constant 3.580000 : f32
  %se4 = arith.constant 4.380000 : f32
  %amp4 = arith.constant 2.5 : f32
  %ampm4 = arith.constant 1.5 : f32
  %q4_e = tensor.empty(%c1_4, %c1_4, %sq4, %c8_4) : tensor<?x?x?x?xf32>
  %q4_f = call @fill(%q4_e, %sa4, %amp4) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %k4_e = tensor.empty(%c1_4, %c1_4, %skv4, %c8_4) : tensor<?x?x?x?xf32>
  %k4_f = call @fill(%k4_e, %sb4, %amp4) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %v4_e = tensor.empty(%c1_4, %c1_4, %skv4, %c8_4) : tensor<?x?x?x?xf32>
  %v4_f = call @fill(%v4_e, %sc4, %amp4) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %m4_e = tensor.empty(%c1_4, %c1_4, %sq4, %skv4) : tensor<?x?x?x?xf32>
  %m4_f = call @fill(%m4_e, %sd4, %ampm4) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %p4_e = tensor.empty(%c1_4, %c1_4, %skv4, %c1_4) : tensor<?x?x?x?xf32>
  %p4_f = call @fill(%p4_e, %se4, %ampm4) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %q4 = tensor.collapse_shape %q4_f [[0, 1, 2], [3]] : tensor<?x?x?x?xf32> into tensor<?x?xf32>
  %k4 = tensor.collapse_shape %k4_f [[0, 1, 2], [3]] : tensor<?x?x?x?xf32> into tensor<?x?xf32>
  %v4 = tensor.collapse_shape %v4_f [[0, 1, 2], [3]] : tensor<?x?x?x?xf32> into tensor<?x?xf32>
  %m4 = tensor.collapse_shape %m4_f [[0, 1, 2], [3]] : tensor<?x?x?x?xf32> into tensor<?x?xf32>
  %q4c = tensor.cast %q4 : tensor<?x?xf32> to tensor<?x8xf32>
  %k4c = tensor.cast %k4 : tensor<?x?xf32> to tensor<?x8xf32>
  %v4c = tensor.cast %v4 : tensor<?x?xf32> to tensor<?x8xf32>
  %p4 = tensor.collapse_shape %p4_f [[0, 1, 2, 3]] : tensor<?x?x?x?xf32> into tensor<?xf32>
  %o4 = call @g(%q4c, %k4c, %v4c, %m4, %p4) : (tensor<?x8xf32>, tensor<?x8xf32>, tensor<?x8xf32>, tensor<?x?xf32>, tensor<?xf32>) -> tensor<?x8xf32>
  %u4 = tensor.cast %o4 : tensor<?x8xf32> to tensor<*xf32>
  call @printMemrefF32(%u4) : (tensor<*xf32>) -> ()
  %c1_5 = arith.constant 1 : index
  %c8_5 = arith.constant 8 : index
  %sq5 = arith.constant 3 : index
  %skv5 = arith.constant 3 : index
  %sa5 = arith.constant 2.160000 : f32
  %sb5 = arith.constant 2.660000 : f32
  %sc5 = arith.constant 3.260000 : f32
  %sd5 = arith.constant 3.950000 : f32
  %se5 = arith.constant 4.750000 : f32
  %amp5 = arith.constant 2.5 : f32
  %ampm5 = arith.constant 1.5 : f32
  %q5_e = tensor.empty(%c1_5, %c1_5, %sq5, %c8_5) : tensor<?x?x?x?xf32>
  %q5_f = call @fill(%q5_e, %sa5, %amp5) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %k5_e = tensor.empty(%c1_5, %c1_5, %skv5, %c8_5) : tensor<?x?x?x?xf32>
  %k5_f = call @fill(%k5_e, %sb5, %amp5) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %v5_e = tensor.empty(%c1_5, %c1_5, %skv5, %c8_5) : tensor<?x?x?x?xf32>
  %v5_f = call @fill(%v5_e, %sc5, %amp5) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %m5_e = tensor.empty(%c1_5, %c1_5, %sq5, %skv5) : tensor<?x?x?x?xf32>
  %m5_f = call @fill(%m5_e, %sd5, %ampm5) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %p5_e = tensor.empty(%c1_5, %c1_5, %skv5, %c1_5) : tensor<?x?x?x?xf32>
  %p5_f = call @fill(%p5_e, %se5, %ampm5) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %q5 = tensor.collapse_shape %q5_f [[0, 1, 2], [3]] : tensor<?x?x?x?xf32> into tensor<?x?xf32>
  %k5 = tensor.collapse_shape %k5_f [[0, 1, 2], [3]] : tensor<?x?x?x?xf32> into tensor<?x?xf32>
  %v5 = tensor.collapse_shape %v5_f [[0, 1, 2], [3]] : tensor<?x?x?x?xf32> into tensor<?x?xf32>
  %m5 = tensor.collapse_shape %m5_f [[0, 1, 2], [3]] : tensor<?x?x?x?xf32> into tensor<?x?xf32>
  %q5c = tensor.cast %q5 : tensor<?x?xf32> to tensor<?x8xf32>
  %k5c = tensor.cast %k5 : tensor<?x?xf32> to tensor<?x8xf32>
  %v5c = tensor.cast %v5 : tensor<?x?xf32> to tensor<?x8xf32>
  %p5 = tensor.collapse_shape %p5_f [[0, 1, 2, 3]] : tensor<?x?x?x?xf32> into tensor<?xf32>
  %o5 = call @g(%q5c, %k5c, %v5c, %m5, %p5) : (tensor<?x8xf32>, tensor<?x8xf32>, tensor<?x8xf32>, tensor<?x?xf32>, tensor<?xf32>) -> tensor<?x8xf32>
  %u5 = tensor.cast %o5 : tensor<?x8xf32> to tensor<*xf32>
  call @printMemrefF32(%u5) : (tensor<*xf32>) -> ()
  %c1_6 = arith.constant 1 : index
  %c8_6 = arith.constant 8 : index
  %sq6 = arith.constant 1 : index
  %skv6 = arith.constant 1 : index
  %sa6 = arith.constant 2.530000 : f32
  %sb6 = arith.constant 3.030000 : f32
  %sc6 = arith.constant 3.630000 : f32
  %sd6 = arith.constant 4.320000 : f32
  %se6 = arith.constant 5.120000 : f32
  %amp6 = arith.constant 2.5 : f32
  %ampm6 = arith.constant 1.5 : f32
  %q6_e = tensor.empty(%c1_6, %c1_6, %sq6, %c8_6) : tensor<?x?x?x?xf32>
  %q6_f = call @fill(%q6_e, %sa6, %amp6) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %k6_e = tensor.empty(%c1_6, %c1_6, %skv6, %c8_6) : tensor<?x?x?x?xf32>
  %k6_f = call @fill(%k6_e, %sb6, %amp6) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %v6_e = tensor.empty(%c1_6, %c1_6, %skv6, %c8_6) : tensor<?x?x?x?xf32>
  %v6_f = call @fill(%v6_e, %sc6, %amp6) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %m6_e = tensor.empty(%c1_6, %c1_6, %sq6, %skv6) : tensor<?x?x?x?xf32>
  %m6_f = call @fill(%m6_e, %sd6, %ampm6) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %p6_e = tensor.empty(%c1_6, %c1_6, %skv6, %c1_6) : tensor<?x?x?x?xf32>
  %p6_f = call @fill(%p6_e, %se6, %ampm6) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %q6 = tensor.collapse_shape %q6_f [[0, 1, 2], [3]] : tensor<?x?x?x?xf32> into tensor<?x?xf32>
  %k6 = tensor.collapse_shape %k6_f [[0, 1, 2], [3]] : tensor<?x?x?x?xf32> into tensor<?x?xf32>
  %v6 = tensor.collapse_shape %v6_f [[0, 1, 2], [3]] : tensor<?x?x?x?xf32> into tensor<?x?xf32>
  %m6 = tensor.collapse_shape %m6_f [[0, 1, 2], [3]] : tensor<?x?x?x?xf32> into tensor<?x?xf32>
  %q6c = tensor.cast %q6 : tensor<?x?xf32> to tensor<?x8xf32>
  %k6c = tensor.cast %k6 : tensor<?x?xf32> to tensor<?x8xf32>
  %v6c = tensor.cast %v6 : tensor<?x?xf32> to tensor<?x8xf32>
  %p6 = tensor.collapse_shape %p6_f [[0, 1, 2, 3]] : tensor<?x?x?x?xf32> into tensor<?xf32>
  %o6 = call @g(%q6c, %k6c, %v6c, %m6, %p6) : (tensor<?x8xf32>, tensor<?x8xf32>, tensor<?x8xf32>, tensor<?x?xf32>, tensor<?xf32>) -> tensor<?x8xf32>
  %u6 = tensor.cast %o6 : tensor<?x8xf32> to tensor<*xf32>
  call @printMemrefF32(%u6) : (tensor<*xf32>) -> ()
  return
}
