// A mask that is a sum of biases stays one mask, summed in the chain's
// order: s + ((m1 + m2) + m3) with m1 = 1e7 b, m2 = -1e7 b (cancelling)
// and an ALiBi m3, where splitting the sum into terms (summed again by the
// op in another order) lost m3 to rounding (found by an adversarial round,
// session 14). Only a sum with a masking select or a constant term is split.
// Runs for several sizes; the fused and the unfused programs must print the
// same numbers.
// RUN: attn-opt %s -attn-cpu-pipeline="fuse=false" | mlir-runner -e main -entry-point-result=void -shared-libs=%runner_libs > %t.ref
// RUN: attn-opt %s -attn-cpu-pipeline="fuse=true" | mlir-runner -e main -entry-point-result=void -shared-libs=%runner_libs > %t.fused
// RUN: %python %attn_src/test/lib/compare_outputs.py %t.ref %t.fused --rtol 1e-4 --atol 1e-5
// RUN: attn-opt %s -attn-fuse-attention | FileCheck %s
// CHECK: attn.attention

#id = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
func.func @f(%q: tensor<1x2x?x8xf32>, %k: tensor<1x2x?x8xf32>, %v: tensor<1x2x?x8xf32>, %p: tensor<1x?xf32>, %bias: tensor<1x2x?x?xf32>) -> tensor<1x2x?x8xf32> {
  %zero = arith.constant 0.0 : f32
  %ninf = arith.constant 0xFF800000 : f32
  %low = arith.constant -3.40282347E+38 : f32
  %zeroT = arith.constant 0.0 : f32
  %ninfT = arith.constant 0xFF800000 : f32
  %lowT = arith.constant -3.40282347E+38 : f32
  %scale = arith.constant 0.35 : f32
  %c2 = arith.constant 2 : index
  %sq = tensor.dim %q, %c2 : tensor<1x2x?x8xf32>
  %skv = tensor.dim %k, %c2 : tensor<1x2x?x8xf32>
  %e_t0 = tensor.empty(%sq, %skv) : tensor<1x2x?x?xf32>
  %t0 = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3)->(d0,d1,d2,d3)>, affine_map<(d0,d1,d2,d3)->(d0,d1,d2,d3)>], iterator_types = ["parallel","parallel","parallel","parallel"]} ins(%bias : tensor<1x2x?x?xf32>) outs(%e_t0 : tensor<1x2x?x?xf32>) {
  ^bb0(%bv: f32, %o: f32):
    %bgc = arith.constant 1.0e7 : f32
    %r = arith.mulf %bv, %bgc : f32
    linalg.yield %r : f32
  } -> tensor<1x2x?x?xf32>
  %e_t1 = tensor.empty(%sq, %skv) : tensor<1x2x?x?xf32>
  %t1 = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3)->(d0,d1,d2,d3)>, affine_map<(d0,d1,d2,d3)->(d0,d1,d2,d3)>], iterator_types = ["parallel","parallel","parallel","parallel"]} ins(%bias : tensor<1x2x?x?xf32>) outs(%e_t1 : tensor<1x2x?x?xf32>) {
  ^bb0(%bv: f32, %o: f32):
    %bgc = arith.constant -1.0e7 : f32
    %r = arith.mulf %bv, %bgc : f32
    linalg.yield %r : f32
  } -> tensor<1x2x?x?xf32>
  %sl_t2 = arith.constant dense<[0.5, 0.125]> : tensor<2xf32>
  %e_t2 = tensor.empty(%sq, %skv) : tensor<1x2x?x?xf32>
  %t2 = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3)->(d1)>, affine_map<(d0,d1,d2,d3)->(d0,d1,d2,d3)>], iterator_types = ["parallel","parallel","parallel","parallel"]} ins(%sl_t2 : tensor<2xf32>) outs(%e_t2 : tensor<1x2x?x?xf32>) {
  ^bb0(%sv: f32, %o: f32):
    %i = linalg.index 2 : index
    %j = linalg.index 3 : index
    %ii = arith.index_cast %i : index to i64
    %jj = arith.index_cast %j : index to i64
    %dd = arith.subi %jj, %ii : i64
    %df = arith.sitofp %dd : i64 to f32
    %r = arith.mulf %sv, %df : f32
    linalg.yield %r : f32
  } -> tensor<1x2x?x?xf32>
  %e = tensor.empty(%sq, %skv) : tensor<1x2x?x?xf32>
  %f = linalg.fill ins(%zeroT : f32) outs(%e : tensor<1x2x?x?xf32>) -> tensor<1x2x?x?xf32>
  %s = linalg.generic {indexing_maps = [affine_map<(b,h,i,j,d)->(b,h,i,d)>, affine_map<(b,h,i,j,d)->(b,h,j,d)>, affine_map<(b,h,i,j,d)->(b,h,i,j)>], iterator_types = ["parallel","parallel","parallel","parallel","reduction"]} ins(%q, %k : tensor<1x2x?x8xf32>, tensor<1x2x?x8xf32>) outs(%f : tensor<1x2x?x?xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %mm = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %mm : f32
    linalg.yield %r : f32
  } -> tensor<1x2x?x?xf32>
  %eM = tensor.empty(%sq, %skv) : tensor<1x2x?x?xf32>
  %M = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3)->(d0,d1,d2,d3)>, affine_map<(d0,d1,d2,d3)->(d0,d1,d2,d3)>, affine_map<(d0,d1,d2,d3)->(0,d1,d2,d3)>, affine_map<(d0,d1,d2,d3)->(d0,d1,d2,d3)>], iterator_types = ["parallel","parallel","parallel","parallel"]} ins(%t0, %t1, %t2 : tensor<1x2x?x?xf32>, tensor<1x2x?x?xf32>, tensor<1x2x?x?xf32>) outs(%eM : tensor<1x2x?x?xf32>) {
  ^bb0(%v_t0: f32, %v_t1: f32, %v_t2: f32, %o: f32):
    %cb1 = arith.addf %v_t0, %v_t1 : f32
    %cb2 = arith.addf %cb1, %v_t2 : f32
    linalg.yield %cb2 : f32
  } -> tensor<1x2x?x?xf32>
  %ss = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3)->(d0,d1,d2,d3)>, affine_map<(d0,d1,d2,d3)->(d0,d1,d2,d3)>, affine_map<(d0,d1,d2,d3)->(d0,d1,d2,d3)>], iterator_types = ["parallel","parallel","parallel","parallel"]} ins(%s, %M : tensor<1x2x?x?xf32>, tensor<1x2x?x?xf32>) outs(%e : tensor<1x2x?x?xf32>) {
  ^bb0(%a: f32, %mv: f32, %o: f32):
    %x = arith.mulf %a, %scale : f32
    %y0 = arith.addf %x, %mv : f32
    %yy = arith.constant 1.0 : f32
    %y = arith.mulf %y0, %yy : f32
    linalg.yield %y : f32
  } -> tensor<1x2x?x?xf32>
  %er = tensor.empty(%sq) : tensor<1x2x?xf32>
  %fm = linalg.fill ins(%ninfT : f32) outs(%er : tensor<1x2x?xf32>) -> tensor<1x2x?xf32>
  %mx = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3)->(d0,d1,d2,d3)>, affine_map<(d0,d1,d2,d3)->(d0,d1,d2)>], iterator_types = ["parallel","parallel","parallel","reduction"]} ins(%ss : tensor<1x2x?x?xf32>) outs(%fm : tensor<1x2x?xf32>) {
  ^bb0(%a: f32, %acc: f32):
    %m0 = arith.maximumf %a, %acc : f32
    linalg.yield %m0 : f32
  } -> tensor<1x2x?xf32>
  %ex = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3)->(d0,d1,d2,d3)>, affine_map<(d0,d1,d2,d3)->(d0,d1,d2)>, affine_map<(d0,d1,d2,d3)->(d0,d1,d2,d3)>], iterator_types = ["parallel","parallel","parallel","parallel"]} ins(%ss, %mx : tensor<1x2x?x?xf32>, tensor<1x2x?xf32>) outs(%e : tensor<1x2x?x?xf32>) {
  ^bb0(%a: f32, %b: f32, %o: f32):
    %d = arith.subf %a, %b : f32
    %x = math.exp %d : f32
    linalg.yield %x : f32
  } -> tensor<1x2x?x?xf32>
  %fs = linalg.fill ins(%zeroT : f32) outs(%er : tensor<1x2x?xf32>) -> tensor<1x2x?xf32>
  %sum = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3)->(d0,d1,d2,d3)>, affine_map<(d0,d1,d2,d3)->(d0,d1,d2)>], iterator_types = ["parallel","parallel","parallel","reduction"]} ins(%ex : tensor<1x2x?x?xf32>) outs(%fs : tensor<1x2x?xf32>) {
  ^bb0(%a: f32, %acc: f32):
    %s0 = arith.addf %a, %acc : f32
    linalg.yield %s0 : f32
  } -> tensor<1x2x?xf32>
  %pp = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3)->(d0,d1,d2,d3)>, affine_map<(d0,d1,d2,d3)->(d0,d1,d2)>, affine_map<(d0,d1,d2,d3)->(d0,d1,d2,d3)>], iterator_types = ["parallel","parallel","parallel","parallel"]} ins(%ex, %sum : tensor<1x2x?x?xf32>, tensor<1x2x?xf32>) outs(%e : tensor<1x2x?x?xf32>) {
  ^bb0(%a: f32, %b: f32, %o: f32):
    %x = arith.divf %a, %b : f32
    linalg.yield %x : f32
  } -> tensor<1x2x?x?xf32>
  %sv = tensor.dim %v, %c2 : tensor<1x2x?x8xf32>
  %eo = tensor.empty(%sq) : tensor<1x2x?x8xf32>
  %fo = linalg.fill ins(%zeroT : f32) outs(%eo : tensor<1x2x?x8xf32>) -> tensor<1x2x?x8xf32>
  %out = linalg.generic {indexing_maps = [affine_map<(b,h,i,e,j)->(b,h,i,j)>, affine_map<(b,h,i,e,j)->(b,h,j,e)>, affine_map<(b,h,i,e,j)->(b,h,i,e)>], iterator_types = ["parallel","parallel","parallel","parallel","reduction"]} ins(%pp, %v : tensor<1x2x?x?xf32>, tensor<1x2x?x8xf32>) outs(%fo : tensor<1x2x?x8xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %mm = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %mm : f32
    linalg.yield %r : f32
  } -> tensor<1x2x?x8xf32>
  return %out : tensor<1x2x?x8xf32>
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
  %sq1 = arith.constant 5 : index
  %skv1 = arith.constant 9 : index
  %sa1 = arith.constant 0.680000 : f32
  %sb1 = arith.constant 1.180000 : f32
  %sc1 = arith.constant 1.780000 : f32
  %sd1 = arith.constant 2.470000 : f32
  %se1 = arith.constant 3.270000 : f32
  %amp1 = arith.constant 2.5 : f32
  %amp1_1 = arith.constant 1.0 : f32
  %ampb1 = arith.constant 3.0 : f32
  %q1 = call @make(%sq1, %sa1, %amp1) : (index, f32, f32) -> tensor<1x2x?x8xf32>
  %k1 = call @make(%skv1, %sb1, %amp1) : (index, f32, f32) -> tensor<1x2x?x8xf32>
  %v1 = call @make(%skv1, %sc1, %amp1) : (index, f32, f32) -> tensor<1x2x?x8xf32>
  %c1_1 = arith.constant 1 : index
  %c2_1 = arith.constant 2 : index
  %pe1 = tensor.empty(%c1_1, %c1_1, %skv1, %c1_1) : tensor<?x?x?x?xf32>
  %pf1 = call @fill(%pe1, %sd1, %amp1_1) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %pc1 = tensor.collapse_shape %pf1 [[0, 1], [2, 3]] : tensor<?x?x?x?xf32> into tensor<?x?xf32>
  %p1 = tensor.cast %pc1 : tensor<?x?xf32> to tensor<1x?xf32>
  %be1 = tensor.empty(%c1_1, %c2_1, %sq1, %skv1) : tensor<?x?x?x?xf32>
  %bf1 = call @fill(%be1, %se1, %ampb1) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %b1 = tensor.cast %bf1 : tensor<?x?x?x?xf32> to tensor<1x2x?x?xf32>
  %oo1 = call @f(%q1, %k1, %v1, %p1, %b1) : (tensor<1x2x?x8xf32>, tensor<1x2x?x8xf32>, tensor<1x2x?x8xf32>, tensor<1x?xf32>, tensor<1x2x?x?xf32>) -> tensor<1x2x?x8xf32>
  %o1 = tensor.cast %oo1 : tensor<1x2x?x8xf32> to tensor<1x2x?x8xf32>
  %u1 = tensor.cast %o1 : tensor<1x2x?x8xf32> to tensor<*xf32>
  call @printMemrefF32(%u1) : (tensor<*xf32>) -> ()
  %sq2 = arith.constant 7 : index
  %skv2 = arith.constant 7 : index
  %sa2 = arith.constant 1.050000 : f32
  %sb2 = arith.constant 1.550000 : f32
  %sc2 = arith.constant 2.150000 : f32
  %sd2 = arith.constant 2.840000 : f32
  %se2 = arith.constant 3.640000 : f32
  %amp2 = arith.constant 2.5 : f32
  %amp1_2 = arith.constant 1.0 : f32
  %ampb2 = arith.constant 3.0 : f32
  %q2 = call @make(%sq2, %sa2, %amp2) : (index, f32, f32) -> tensor<1x2x?x8xf32>
  %k2 = call @make(%skv2, %sb2, %amp2) : (index, f32, f32) -> tensor<1x2x?x8xf32>
  %v2 = call @make(%skv2, %sc2, %amp2) : (index, f32, f32) -> tensor<1x2x?x8xf32>
  %c1_2 = arith.constant 1 : index
  %c2_2 = arith.constant 2 : index
  %pe2 = tensor.empty(%c1_2, %c1_2, %skv2, %c1_2) : tensor<?x?x?x?xf32>
  %pf2 = call @fill(%pe2, %sd2, %amp1_2) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %pc2 = tensor.collapse_shape %pf2 [[0, 1], [2, 3]] : tensor<?x?x?x?xf32> into tensor<?x?xf32>
  %p2 = tensor.cast %pc2 : tensor<?x?xf32> to tensor<1x?xf32>
  %be2 = tensor.empty(%c1_2, %c2_2, %sq2, %skv2) : tensor<?x?x?x?xf32>
  %bf2 = call @fill(%be2, %se2, %ampb2) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %b2 = tensor.cast %bf2 : tensor<?x?x?x?xf32> to tensor<1x2x?x?xf32>
  %oo2 = call @f(%q2, %k2, %v2, %p2, %b2) : (tensor<1x2x?x8xf32>, tensor<1x2x?x8xf32>, tensor<1x2x?x8xf32>, tensor<1x?xf32>, tensor<1x2x?x?xf32>) -> tensor<1x2x?x8xf32>
  %o2 = tensor.cast %oo2 : tensor<1x2x?x8xf32> to tensor<1x2x?x8xf32>
  %u2 = tensor.cast %o2 : tensor<1x2x?x8xf32> to tensor<*xf32>
  call @printMemrefF32(%u2) : (tensor<*xf32>) -> ()
  %sq3 = arith.constant 1 : index
  %skv3 = arith.constant 13 : index
  %sa3 = arith.constant 1.420000 : f32
  %sb3 = arith.constant 1.920000 : f32
  %sc3 = arith.constant 2.520000 : f32
  %sd3 = arith.constant 3.210000 : f32
  %se3 = arith.constant 4.010000 : f32
  %amp3 = arith.constant 2.5 : f32
  %amp1_3 = arith.constant 1.0 : f32
  %ampb3 = arith.constant 3.0 : f32
  %q3 = call @make(%sq3, %sa3, %amp3) : (index, f32, f32) -> tensor<1x2x?x8xf32>
  %k3 = call @make(%skv3, %sb3, %amp3) : (index, f32, f32) -> tensor<1x2x?x8xf32>
  %v3 = call @make(%skv3, %sc3, %amp3) : (index, f32, f32) -> tensor<1x2x?x8xf32>
  %c1_3 = arith.constant 1 : index
  %c2_3 = arith.constant 2 : index
  %pe3 = tensor.empty(%c1_3, %c1_3, %skv3, %c1_3) : tensor<?x?x?x?xf32>
  %pf3 = call @fill(%pe3, %sd3, %amp1_3) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %pc3 = tensor.collapse_shape %pf3 [[0, 1], [2, 3]] : tensor<?x?x?x?xf32> into tensor<?x?xf32>
  %p3 = tensor.cast %pc3 : tensor<?x?xf32> to tensor<1x?xf32>
  %be3 = tensor.empty(%c1_3, %c2_3, %sq3, %skv3) : tensor<?x?x?x?xf32>
  %bf3 = call @fill(%be3, %se3, %ampb3) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %b3 = tensor.cast %bf3 : tensor<?x?x?x?xf32> to tensor<1x2x?x?xf32>
  %oo3 = call @f(%q3, %k3, %v3, %p3, %b3) : (tensor<1x2x?x8xf32>, tensor<1x2x?x8xf32>, tensor<1x2x?x8xf32>, tensor<1x?xf32>, tensor<1x2x?x?xf32>) -> tensor<1x2x?x8xf32>
  %o3 = tensor.cast %oo3 : tensor<1x2x?x8xf32> to tensor<1x2x?x8xf32>
  %u3 = tensor.cast %o3 : tensor<1x2x?x8xf32> to tensor<*xf32>
  call @printMemrefF32(%u3) : (tensor<*xf32>) -> ()
  %sq4 = arith.constant 9 : index
  %skv4 = arith.constant 12 : index
  %sa4 = arith.constant 1.790000 : f32
  %sb4 = arith.constant 2.290000 : f32
  %sc4 = arith.constant 2.890000 : f32
  %sd4 = arith.constant 3.580000 : f32
  %se4 = arith.constant 4.380000 : f32
  %amp4 = arith.constant 2.5 : f32
  %amp1_4 = arith.constant 1.0 : f32
  %ampb4 = arith.constant 3.0 : f32
  %q4 = call @make(%sq4, %sa4, %amp4) : (index, f32, f32) -> tensor<1x2x?x8xf32>
  %k4 = call @make(%skv4, %sb4, %amp4) : (index, f32, f32) -> tensor<1x2x?x8xf32>
  %v4 = call @make(%skv4, %sc4, %amp4) : (index, f32, f32) -> tensor<1x2x?x8xf32>
  %c1_4 = arith.constant 1 : index
  %c2_4 = arith.constant 2 : index
  %pe4 = tensor.empty(%c1_4, %c1_4, %skv4, %c1_4) : tensor<?x?x?x?xf32>
  %pf4 = call @fill(%pe4, %sd4, %amp1_4) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %pc4 = tensor.collapse_shape %pf4 [[0, 1], [2, 3]] : tensor<?x?x?x?xf32> into tensor<?x?xf32>
  %p4 = tensor.cast %pc4 : tensor<?x?xf32> to tensor<1x?xf32>
  %be4 = tensor.empty(%c1_4, %c2_4, %sq4, %skv4) : tensor<?x?x?x?xf32>
  %bf4 = call @fill(%be4, %se4, %ampb4) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %b4 = tensor.cast %bf4 : tensor<?x?x?x?xf32> to tensor<1x2x?x?xf32>
  %oo4 = call @f(%q4, %k4, %v4, %p4, %b4) : (tensor<1x2x?x8xf32>, tensor<1x2x?x8xf32>, tensor<1x2x?x8xf32>, tensor<1x?xf32>, tensor<1x2x?x?xf32>) -> tensor<1x2x?x8xf32>
  %o4 = tensor.cast %oo4 : tensor<1x2x?x8xf32> to tensor<1x2x?x8xf32>
  %u4 = tensor.cast %o4 : tensor<1x2x?x8xf32> to tensor<*xf32>
  call @printMemrefF32(%u4) : (tensor<*xf32>) -> ()
  %sq5 = arith.constant 3 : index
  %skv5 = arith.constant 3 : index
  %sa5 = arith.constant 2.160000 : f32
  %sb5 = arith.constant 2.660000 : f32
  %sc5 = arith.constant 3.260000 : f32
  %sd5 = arith.constant 3.950000 : f32
  %se5 = arith.constant 4.750000 : f32
  %amp5 = arith.constant 2.5 : f32
  %amp1_5 = arith.constant 1.0 : f32
  %ampb5 = arith.constant 3.0 : f32
  %q5 = call @make(%sq5, %sa5, %amp5) : (index, f32, f32) -> tensor<1x2x?x8xf32>
  %k5 = call @make(%skv5, %sb5, %amp5) : (index, f32, f32) -> tensor<1x2x?x8xf32>
  %v5 = call @make(%skv5, %sc5, %amp5) : (index, f32, f32) -> tensor<1x2x?x8xf32>
  %c1_5 = arith.constant 1 : index
  %c2_5 = arith.constant 2 : index
  %pe5 = tensor.empty(%c1_5, %c1_5, %skv5, %c1_5) : tensor<?x?x?x?xf32>
  %pf5 = call @fill(%pe5, %sd5, %amp1_5) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %pc5 = tensor.collapse_shape %pf5 [[0, 1], [2, 3]] : tensor<?x?x?x?xf32> into tensor<?x?xf32>
  %p5 = tensor.cast %pc5 : tensor<?x?xf32> to tensor<1x?xf32>
  %be5 = tensor.empty(%c1_5, %c2_5, %sq5, %skv5) : tensor<?x?x?x?xf32>
  %bf5 = call @fill(%be5, %se5, %ampb5) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %b5 = tensor.cast %bf5 : tensor<?x?x?x?xf32> to tensor<1x2x?x?xf32>
  %oo5 = call @f(%q5, %k5, %v5, %p5, %b5) : (tensor<1x2x?x8xf32>, tensor<1x2x?x8xf32>, tensor<1x2x?x8xf32>, tensor<1x?xf32>, tensor<1x2x?x?xf32>) -> tensor<1x2x?x8xf32>
  %o5 = tensor.cast %oo5 : tensor<1x2x?x8xf32> to tensor<1x2x?x8xf32>
  %u5 = tensor.cast %o5 : tensor<1x2x?x8xf32> to tensor<*xf32>
  call @printMemrefF32(%u5) : (tensor<*xf32>) -> ()
  return
}
