// Executed check of attn-fuse-attention on a Gemma-style softcapped chain,
// written as separate linalg.generic ops: Q*K^T with K transposed by the
// contraction's indexing map, the scale as a multiply by 0.25, the softcap
// c * tanh(s / c) (c = 2) as a divide, a tanh and a multiply, an additive
// mask broadcast from [B, 1, Sq, Skv], and linalg.softmax (decomposed by the
// pipeline when not fused). The fused and the unfused programs must print
// the same numbers (rtol 1e-4, atol 1e-5).
// RUN: attn-opt %s -attn-fuse-attention | FileCheck %s
// RUN: attn-opt %s -attn-cpu-pipeline="fuse=false" | mlir-runner -e main -entry-point-result=void -shared-libs=%runner_libs > %t.ref
// RUN: attn-opt %s -attn-cpu-pipeline="fuse=true" | mlir-runner -e main -entry-point-result=void -shared-libs=%runner_libs > %t.fused
// RUN: %python %attn_src/test/lib/compare_outputs.py %t.ref %t.fused --rtol 1e-4 --atol 1e-5

// CHECK-LABEL: func.func @softcap_sdpa
// CHECK: attn.attention
// CHECK-SAME: mask(%{{.*}} : tensor<2x1x8x12xf32>)
// CHECK-SAME: scale = 2.500000e-01
// CHECK-SAME: softcap = 2.000000e+00
// CHECK-NOT: math.tanh
// CHECK-NOT: linalg.softmax

#q = affine_map<(b, h, i, j, d) -> (b, h, i, d)>
#k = affine_map<(b, h, i, j, d) -> (b, h, j, d)>
#s = affine_map<(b, h, i, j, d) -> (b, h, i, j)>
#p = affine_map<(b, h, i, e, j) -> (b, h, i, j)>
#v = affine_map<(b, h, i, e, j) -> (b, h, j, e)>
#o = affine_map<(b, h, i, e, j) -> (b, h, i, e)>
#id = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#mk = affine_map<(d0, d1, d2, d3) -> (d0, 0, d2, d3)>
func.func @softcap_sdpa(%q: tensor<2x4x8x16xf32>, %k: tensor<2x4x12x16xf32>, %v: tensor<2x4x12x16xf32>, %m: tensor<2x1x8x12xf32>) -> tensor<2x4x8x16xf32> {
  %zero = arith.constant 0.0 : f32
  %scale = arith.constant 0.25 : f32
  %cap = arith.constant 2.0 : f32
  %e = tensor.empty() : tensor<2x4x8x12xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<2x4x8x12xf32>) -> tensor<2x4x8x12xf32>
  %s = linalg.generic {indexing_maps = [#q, #k, #s], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%q, %k : tensor<2x4x8x16xf32>, tensor<2x4x12x16xf32>) outs(%f : tensor<2x4x8x12xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %mu = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %mu : f32
    linalg.yield %r : f32
  } -> tensor<2x4x8x12xf32>
  %s1 = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%s : tensor<2x4x8x12xf32>) outs(%e : tensor<2x4x8x12xf32>) {
  ^bb0(%a: f32, %o: f32):
    %r = arith.mulf %a, %scale : f32
    linalg.yield %r : f32
  } -> tensor<2x4x8x12xf32>
  %s2 = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%s1 : tensor<2x4x8x12xf32>) outs(%e : tensor<2x4x8x12xf32>) {
  ^bb0(%a: f32, %o: f32):
    %r = arith.divf %a, %cap : f32
    linalg.yield %r : f32
  } -> tensor<2x4x8x12xf32>
  %s3 = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%s2 : tensor<2x4x8x12xf32>) outs(%e : tensor<2x4x8x12xf32>) {
  ^bb0(%a: f32, %o: f32):
    %r = math.tanh %a : f32
    linalg.yield %r : f32
  } -> tensor<2x4x8x12xf32>
  %s4 = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%s3 : tensor<2x4x8x12xf32>) outs(%e : tensor<2x4x8x12xf32>) {
  ^bb0(%a: f32, %o: f32):
    %r = arith.mulf %a, %cap : f32
    linalg.yield %r : f32
  } -> tensor<2x4x8x12xf32>
  %s5 = linalg.generic {indexing_maps = [#id, #mk, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%s4, %m : tensor<2x4x8x12xf32>, tensor<2x1x8x12xf32>) outs(%e : tensor<2x4x8x12xf32>) {
  ^bb0(%a: f32, %b: f32, %o: f32):
    %r = arith.addf %a, %b : f32
    linalg.yield %r : f32
  } -> tensor<2x4x8x12xf32>
  %sm = linalg.softmax dimension(3) ins(%s5 : tensor<2x4x8x12xf32>) outs(%e : tensor<2x4x8x12xf32>) -> tensor<2x4x8x12xf32>
  %eo = tensor.empty() : tensor<2x4x8x16xf32>
  %fo = linalg.fill ins(%zero : f32) outs(%eo : tensor<2x4x8x16xf32>) -> tensor<2x4x8x16xf32>
  %out = linalg.generic {indexing_maps = [#p, #v, #o], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%sm, %v : tensor<2x4x8x12xf32>, tensor<2x4x12x16xf32>) outs(%fo : tensor<2x4x8x16xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %mu = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %mu : f32
    linalg.yield %r : f32
  } -> tensor<2x4x8x16xf32>
  return %out : tensor<2x4x8x16xf32>
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

func.func private @printMemrefF32(tensor<*xf32>)

func.func @main() {
  %qe = tensor.empty() : tensor<2x4x8x16xf32>
  %qed = tensor.cast %qe : tensor<2x4x8x16xf32> to tensor<?x?x?x?xf32>
  %qs = arith.constant 0.0 : f32
  %qd = call @fill(%qed, %qs) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %qf = tensor.cast %qd : tensor<?x?x?x?xf32> to tensor<2x4x8x16xf32>
  %q = tensor.cast %qf : tensor<2x4x8x16xf32> to tensor<2x4x8x16xf32>
  %ke = tensor.empty() : tensor<2x4x12x16xf32>
  %ked = tensor.cast %ke : tensor<2x4x12x16xf32> to tensor<?x?x?x?xf32>
  %ks = arith.constant 1.7 : f32
  %kd = call @fill(%ked, %ks) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %kf = tensor.cast %kd : tensor<?x?x?x?xf32> to tensor<2x4x12x16xf32>
  %k = tensor.cast %kf : tensor<2x4x12x16xf32> to tensor<2x4x12x16xf32>
  %ve = tensor.empty() : tensor<2x4x12x16xf32>
  %ved = tensor.cast %ve : tensor<2x4x12x16xf32> to tensor<?x?x?x?xf32>
  %vs = arith.constant 2.9 : f32
  %vd = call @fill(%ved, %vs) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %vf = tensor.cast %vd : tensor<?x?x?x?xf32> to tensor<2x4x12x16xf32>
  %v = tensor.cast %vf : tensor<2x4x12x16xf32> to tensor<2x4x12x16xf32>
  %me = tensor.empty() : tensor<2x1x8x12xf32>
  %med = tensor.cast %me : tensor<2x1x8x12xf32> to tensor<?x?x?x?xf32>
  %ms = arith.constant 0.5 : f32
  %md = call @fill(%med, %ms) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %mf = tensor.cast %md : tensor<?x?x?x?xf32> to tensor<2x1x8x12xf32>
  %m = tensor.cast %mf : tensor<2x1x8x12xf32> to tensor<2x1x8x12xf32>
  %o = call @softcap_sdpa(%q, %k, %v, %m) : (tensor<2x4x8x16xf32>, tensor<2x4x12x16xf32>, tensor<2x4x12x16xf32>, tensor<2x1x8x12xf32>) -> tensor<2x4x8x16xf32>
  %of = tensor.cast %o : tensor<2x4x8x16xf32> to tensor<2x4x8x16xf32>
  %u = tensor.cast %of : tensor<2x4x8x16xf32> to tensor<*xf32>
  call @printMemrefF32(%u) : (tensor<*xf32>) -> ()
  return
}
