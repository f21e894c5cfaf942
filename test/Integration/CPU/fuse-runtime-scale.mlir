// Executed check of attn-fuse-attention on scales that are no constants:
// a scalar argument multiplying the scores (a padding mask added after it),
// a per-head factor exp(logit[h]) applied after a bias (the op reads Q times
// the factor and adds the bias times the factor: a combined mask), and
// scores divided by a temperature argument under a causal select (causal
// stays an attribute). The op's scale is 1; Q is multiplied by the factor
// once before it. B = 2, H = 3, Sq = 7, Skv = 11, D = 8. The fused and the
// unfused programs must print the same numbers.
// RUN: attn-opt %s -attn-fuse-attention | FileCheck %s
// RUN: attn-opt %s -attn-cpu-pipeline="fuse=false" | mlir-runner -e main -entry-point-result=void -shared-libs=%runner_libs > %t.ref
// RUN: attn-opt %s -attn-cpu-pipeline="fuse=true" | mlir-runner -e main -entry-point-result=void -shared-libs=%runner_libs > %t.fused
// RUN: %python %attn_src/test/lib/compare_outputs.py %t.ref %t.fused --rtol 1e-4 --atol 1e-5

// CHECK-LABEL: func.func @scale_arg(
// CHECK-SAME: %[[Q:[^:]+]]: tensor<2x3x7x8xf32>, {{.*}}, %[[SC:[^:]+]]: f32)
// CHECK: %[[QS:.*]] = linalg.generic {{.*}} ins(%[[Q]] : tensor<2x3x7x8xf32>)
// CHECK: arith.mulf %{{.*}}, %[[SC]] : f32
// CHECK: attn.attention ins(%[[QS]], {{.*}} scale = 1.000000e+00
// CHECK-LABEL: func.func @per_head_scale
// CHECK: %[[M:.*]] = linalg.generic {{.*}} outs(%{{.*}} : tensor<1x3x7x11xf32>)
// CHECK: math.exp
// CHECK: arith.mulf
// CHECK: %[[QS:.*]] = linalg.generic {{.*}} ins(%{{.*}}, %{{.*}} : tensor<2x3x7x8xf32>, tensor<3xf32>)
// CHECK: math.exp
// CHECK: arith.mulf
// CHECK: attn.attention ins(%[[QS]], {{.*}} mask(%[[M]] : tensor<1x3x7x11xf32>) {{.*}} scale = 1.000000e+00
// CHECK-LABEL: func.func @causal_div_arg
// CHECK: %[[QS:.*]] = linalg.generic
// CHECK: arith.divf
// CHECK: attn.attention ins(%[[QS]], {{.*}} scale = 1.000000e+00 causal = top_left

#sq = affine_map<(b, h, i, j, d) -> (b, h, i, d)>
#sk = affine_map<(b, h, i, j, d) -> (b, h, j, d)>
#ss = affine_map<(b, h, i, j, d) -> (b, h, i, j)>
#pp = affine_map<(b, h, i, e, j) -> (b, h, i, j)>
#pv = affine_map<(b, h, i, e, j) -> (b, h, j, e)>
#po = affine_map<(b, h, i, e, j) -> (b, h, i, e)>
#id4 = affine_map<(b, h, i, j) -> (b, h, i, j)>

func.func @scale_arg(%q: tensor<2x3x7x8xf32>, %k: tensor<2x3x11x8xf32>, %v: tensor<2x3x11x8xf32>, %pad: tensor<2x11xf32>, %sc: f32) -> tensor<2x3x7x8xf32> {
  %zero = arith.constant 0.0 : f32
  %es = tensor.empty() : tensor<2x3x7x11xf32>
  %fs = linalg.fill ins(%zero : f32) outs(%es : tensor<2x3x7x11xf32>) -> tensor<2x3x7x11xf32>
  %s0 = linalg.generic {indexing_maps = [#sq, #sk, #ss], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%q, %k : tensor<2x3x7x8xf32>, tensor<2x3x11x8xf32>) outs(%fs : tensor<2x3x7x11xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %m = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %m : f32
    linalg.yield %r : f32
  } -> tensor<2x3x7x11xf32>
  %x = linalg.generic {indexing_maps = [#id4, affine_map<(b, h, i, j) -> (b, j)>, #id4], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%s0, %pad : tensor<2x3x7x11xf32>, tensor<2x11xf32>) outs(%es : tensor<2x3x7x11xf32>) {
  ^bb0(%a: f32, %m1: f32, %o: f32):
    %y = arith.mulf %sc, %a : f32
    %r = arith.addf %y, %m1 : f32
    linalg.yield %r : f32
  } -> tensor<2x3x7x11xf32>
  %p = linalg.softmax dimension(3) ins(%x : tensor<2x3x7x11xf32>) outs(%es : tensor<2x3x7x11xf32>) -> tensor<2x3x7x11xf32>
  %eo = tensor.empty() : tensor<2x3x7x8xf32>
  %fo = linalg.fill ins(%zero : f32) outs(%eo : tensor<2x3x7x8xf32>) -> tensor<2x3x7x8xf32>
  %out = linalg.generic {indexing_maps = [#pp, #pv, #po], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%p, %v : tensor<2x3x7x11xf32>, tensor<2x3x11x8xf32>) outs(%fo : tensor<2x3x7x8xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %m = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %m : f32
    linalg.yield %r : f32
  } -> tensor<2x3x7x8xf32>
  return %out : tensor<2x3x7x8xf32>
}

func.func @per_head_scale(%q: tensor<2x3x7x8xf32>, %k: tensor<2x3x11x8xf32>, %v: tensor<2x3x11x8xf32>, %logit: tensor<3xf32>, %bias: tensor<3x7x11xf32>) -> tensor<2x3x7x8xf32> {
  %zero = arith.constant 0.0 : f32
  %es = tensor.empty() : tensor<2x3x7x11xf32>
  %fs = linalg.fill ins(%zero : f32) outs(%es : tensor<2x3x7x11xf32>) -> tensor<2x3x7x11xf32>
  %s0 = linalg.generic {indexing_maps = [#sq, #sk, #ss], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%q, %k : tensor<2x3x7x8xf32>, tensor<2x3x11x8xf32>) outs(%fs : tensor<2x3x7x11xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %m = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %m : f32
    linalg.yield %r : f32
  } -> tensor<2x3x7x11xf32>
  %x = linalg.generic {indexing_maps = [#id4, affine_map<(b, h, i, j) -> (h)>, affine_map<(b, h, i, j) -> (h, i, j)>, #id4], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%s0, %logit, %bias : tensor<2x3x7x11xf32>, tensor<3xf32>, tensor<3x7x11xf32>) outs(%es : tensor<2x3x7x11xf32>) {
  ^bb0(%a: f32, %l: f32, %bb: f32, %o: f32):
    %z = arith.addf %a, %bb : f32
    %t = math.exp %l : f32
    %r = arith.mulf %z, %t : f32
    linalg.yield %r : f32
  } -> tensor<2x3x7x11xf32>
  %p = linalg.softmax dimension(3) ins(%x : tensor<2x3x7x11xf32>) outs(%es : tensor<2x3x7x11xf32>) -> tensor<2x3x7x11xf32>
  %eo = tensor.empty() : tensor<2x3x7x8xf32>
  %fo = linalg.fill ins(%zero : f32) outs(%eo : tensor<2x3x7x8xf32>) -> tensor<2x3x7x8xf32>
  %out = linalg.generic {indexing_maps = [#pp, #pv, #po], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%p, %v : tensor<2x3x7x11xf32>, tensor<2x3x11x8xf32>) outs(%fo : tensor<2x3x7x8xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %m = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %m : f32
    linalg.yield %r : f32
  } -> tensor<2x3x7x8xf32>
  return %out : tensor<2x3x7x8xf32>
}

func.func @causal_div_arg(%q: tensor<2x3x7x8xf32>, %k: tensor<2x3x11x8xf32>, %v: tensor<2x3x11x8xf32>, %temp: f32) -> tensor<2x3x7x8xf32> {
  %zero = arith.constant 0.0 : f32
  %es = tensor.empty() : tensor<2x3x7x11xf32>
  %fs = linalg.fill ins(%zero : f32) outs(%es : tensor<2x3x7x11xf32>) -> tensor<2x3x7x11xf32>
  %s0 = linalg.generic {indexing_maps = [#sq, #sk, #ss], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%q, %k : tensor<2x3x7x8xf32>, tensor<2x3x11x8xf32>) outs(%fs : tensor<2x3x7x11xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %m = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %m : f32
    linalg.yield %r : f32
  } -> tensor<2x3x7x11xf32>
  %x = linalg.generic {indexing_maps = [#id4, #id4], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%s0 : tensor<2x3x7x11xf32>) outs(%es : tensor<2x3x7x11xf32>) {
  ^bb0(%a: f32, %o: f32):
    %ninf = arith.constant 0xFF800000 : f32
    %y = arith.divf %a, %temp : f32
    %i = linalg.index 2 : index
    %j = linalg.index 3 : index
    %keep = arith.cmpi ule, %j, %i : index
    %r = arith.select %keep, %y, %ninf : f32
    linalg.yield %r : f32
  } -> tensor<2x3x7x11xf32>
  %p = linalg.softmax dimension(3) ins(%x : tensor<2x3x7x11xf32>) outs(%es : tensor<2x3x7x11xf32>) -> tensor<2x3x7x11xf32>
  %eo = tensor.empty() : tensor<2x3x7x8xf32>
  %fo = linalg.fill ins(%zero : f32) outs(%eo : tensor<2x3x7x8xf32>) -> tensor<2x3x7x8xf32>
  %out = linalg.generic {indexing_maps = [#pp, #pv, #po], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%p, %v : tensor<2x3x7x11xf32>, tensor<2x3x11x8xf32>) outs(%fo : tensor<2x3x7x8xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %m = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %m : f32
    linalg.yield %r : f32
  } -> tensor<2x3x7x8xf32>
  return %out : tensor<2x3x7x8xf32>
}


#gen = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
// Fills a tensor with sin(0.37*i0 + 1.3*i1 + 0.71*i2 + 0.113*i3 + seed).
func.func @fill(%t: tensor<?x?x?x?xf32>, %seed: f32) -> tensor<?x?x?x?xf32> {
  %r = linalg.generic {indexing_maps = [#gen], iterator_types = ["parallel","parallel","parallel","parallel"]} outs(%t : tensor<?x?x?x?xf32>) {
  ^bb0(%o: f32):
    %i0 = linalg.index 0 : index
    %i1 = linalg.index 1 : index
    %i2 = linalg.index 2 : index
    %i3 = linalg.index 3 : index
    %a0 = arith.index_cast %i0 : index to i64
    %a1 = arith.index_cast %i1 : index to i64
    %a2 = arith.index_cast %i2 : index to i64
    %a3 = arith.index_cast %i3 : index to i64
    %f0 = arith.sitofp %a0 : i64 to f32
    %f1 = arith.sitofp %a1 : i64 to f32
    %f2 = arith.sitofp %a2 : i64 to f32
    %f3 = arith.sitofp %a3 : i64 to f32
    %c0 = arith.constant 0.37 : f32
    %c1 = arith.constant 1.3 : f32
    %c2 = arith.constant 0.71 : f32
    %c3 = arith.constant 0.113 : f32
    %m0 = arith.mulf %f0, %c0 : f32
    %m1 = arith.mulf %f1, %c1 : f32
    %m2 = arith.mulf %f2, %c2 : f32
    %m3 = arith.mulf %f3, %c3 : f32
    %s0 = arith.addf %m0, %m1 : f32
    %s1 = arith.addf %m2, %m3 : f32
    %s2 = arith.addf %s0, %s1 : f32
    %s3 = arith.addf %s2, %seed : f32
    %v = math.sin %s3 : f32
    linalg.yield %v : f32
  } -> tensor<?x?x?x?xf32>
  return %r : tensor<?x?x?x?xf32>
}

// A random tensor of the given static shape (through a dynamic one, so
// that nothing is constant-folded).
func.func @rand(%shape: tensor<4xindex>, %seed: f32) -> tensor<?x?x?x?xf32> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %c3 = arith.constant 3 : index
  %d0 = tensor.extract %shape[%c0] : tensor<4xindex>
  %d1 = tensor.extract %shape[%c1] : tensor<4xindex>
  %d2 = tensor.extract %shape[%c2] : tensor<4xindex>
  %d3 = tensor.extract %shape[%c3] : tensor<4xindex>
  %e = tensor.empty(%d0, %d1, %d2, %d3) : tensor<?x?x?x?xf32>
  %r = call @fill(%e, %seed) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  return %r : tensor<?x?x?x?xf32>
}

func.func private @printMemrefF32(tensor<*xf32>)

func.func @main() {
  %sq = arith.constant dense<[2, 3, 7, 8]> : tensor<4xindex>
  %sk = arith.constant dense<[2, 3, 11, 8]> : tensor<4xindex>
  %s0 = arith.constant 0.0 : f32
  %s1 = arith.constant 1.7 : f32
  %s2 = arith.constant 2.9 : f32
  %qd = call @rand(%sq, %s0) : (tensor<4xindex>, f32) -> tensor<?x?x?x?xf32>
  %kd = call @rand(%sk, %s1) : (tensor<4xindex>, f32) -> tensor<?x?x?x?xf32>
  %vd = call @rand(%sk, %s2) : (tensor<4xindex>, f32) -> tensor<?x?x?x?xf32>
  %q = tensor.cast %qd : tensor<?x?x?x?xf32> to tensor<2x3x7x8xf32>
  %k = tensor.cast %kd : tensor<?x?x?x?xf32> to tensor<2x3x11x8xf32>
  %v = tensor.cast %vd : tensor<?x?x?x?xf32> to tensor<2x3x11x8xf32>


  // A padding mask (keys j < 11 - 4 b kept: 0, else -1e9) and a bias.
  %ep = tensor.empty() : tensor<2x11xf32>
  %pad = linalg.generic {indexing_maps = [affine_map<(b, j) -> (b, j)>], iterator_types = ["parallel", "parallel"]} outs(%ep : tensor<2x11xf32>) {
  ^bb0(%o: f32):
    %b = linalg.index 0 : index
    %j = linalg.index 1 : index
    %c4 = arith.constant 4 : index
    %cn = arith.constant 11 : index
    %b4 = arith.muli %b, %c4 : index
    %len = arith.subi %cn, %b4 : index
    %kp = arith.cmpi slt, %j, %len : index
    %z = arith.constant 0.0 : f32
    %m = arith.constant -1.0e9 : f32
    %r = arith.select %kp, %z, %m : f32
    linalg.yield %r : f32
  } -> tensor<2x11xf32>
  %keep = linalg.generic {indexing_maps = [affine_map<(b, j) -> (b, j)>, affine_map<(b, j) -> (b, j)>], iterator_types = ["parallel", "parallel"]} ins(%pad : tensor<2x11xf32>) outs(%ep : tensor<2x11xf32>) {
  ^bb0(%p: f32, %o: f32):
    linalg.yield %p : f32
  } -> tensor<2x11xf32>
  %ei = tensor.empty() : tensor<2x11xi1>
  %keepb = linalg.generic {indexing_maps = [affine_map<(b, j) -> (b, j)>, affine_map<(b, j) -> (b, j)>], iterator_types = ["parallel", "parallel"]} ins(%keep : tensor<2x11xf32>) outs(%ei : tensor<2x11xi1>) {
  ^bb0(%p: f32, %o: i1):
    %z = arith.constant 0.0 : f32
    %kp = arith.cmpf oeq, %p, %z : f32
    linalg.yield %kp : i1
  } -> tensor<2x11xi1>
  %sb = arith.constant dense<[1, 3, 7, 11]> : tensor<4xindex>
  %s3 = arith.constant 0.4 : f32
  %bias4 = call @rand(%sb, %s3) : (tensor<4xindex>, f32) -> tensor<?x?x?x?xf32>
  %biasc = tensor.cast %bias4 : tensor<?x?x?x?xf32> to tensor<1x3x7x11xf32>
  %bias = tensor.collapse_shape %biasc [[0, 1], [2], [3]] : tensor<1x3x7x11xf32> into tensor<3x7x11xf32>
  %sc = arith.constant 0.37 : f32
  %o1 = call @scale_arg(%q, %k, %v, %pad, %sc) : (tensor<2x3x7x8xf32>, tensor<2x3x11x8xf32>, tensor<2x3x11x8xf32>, tensor<2x11xf32>, f32) -> tensor<2x3x7x8xf32>
  %logit = arith.constant dense<[-1.2, -0.4, 0.3]> : tensor<3xf32>
  %o2 = call @per_head_scale(%q, %k, %v, %logit, %bias) : (tensor<2x3x7x8xf32>, tensor<2x3x11x8xf32>, tensor<2x3x11x8xf32>, tensor<3xf32>, tensor<3x7x11xf32>) -> tensor<2x3x7x8xf32>
  %temp = arith.constant 1.9 : f32
  %o3 = call @causal_div_arg(%q, %k, %v, %temp) : (tensor<2x3x7x8xf32>, tensor<2x3x11x8xf32>, tensor<2x3x11x8xf32>, f32) -> tensor<2x3x7x8xf32>
  %u1 = tensor.cast %o1 : tensor<2x3x7x8xf32> to tensor<*xf32>
  call @printMemrefF32(%u1) : (tensor<*xf32>) -> ()
  %u2 = tensor.cast %o2 : tensor<2x3x7x8xf32> to tensor<*xf32>
  call @printMemrefF32(%u2) : (tensor<*xf32>) -> ()
  %u3 = tensor.cast %o3 : tensor<2x3x7x8xf32> to tensor<*xf32>
  call @printMemrefF32(%u3) : (tensor<*xf32>) -> ()
  return
}

