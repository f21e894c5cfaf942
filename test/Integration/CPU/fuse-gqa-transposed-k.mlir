// Executed check of attn-fuse-attention on grouped-query attention whose
// contraction maps read K through `h floordiv 2` in another layout than Q:
// K stored [B, Hkv, D, Skv], and K stored [B, Skv, Hkv, D] with a float
// padding mask (Q [B, Hq, Sq, D] in both). K is read through a
// linalg.transpose into Q's layout. B = 2, Hq = 4, Hkv = 2, Sq = 13,
// Skv = 17, D = 12, Dv = 10. The fused and the unfused programs must print
// the same numbers.
// RUN: attn-opt %s -attn-fuse-attention | FileCheck %s
// RUN: attn-opt %s -attn-cpu-pipeline="fuse=false" | mlir-runner -e main -entry-point-result=void -shared-libs=%runner_libs > %t.ref
// RUN: attn-opt %s -attn-cpu-pipeline="fuse=true" | mlir-runner -e main -entry-point-result=void -shared-libs=%runner_libs > %t.fused
// RUN: %python %attn_src/test/lib/compare_outputs.py %t.ref %t.fused --rtol 1e-4 --atol 1e-5

// CHECK-LABEL: func.func @gqa_k_bhds
// CHECK: %[[KT:.+]] = linalg.transpose ins(%{{.+}} : tensor<2x2x12x17xf32>) outs(%{{.+}} : tensor<2x2x17x12xf32>) permutation = [0, 1, 3, 2]
// CHECK: attn.attention ins(%{{.+}}, %[[KT]], %{{.+}} : tensor<2x4x13x12xf32>, tensor<2x2x17x12xf32>, tensor<2x2x17x10xf32>)
// CHECK-LABEL: func.func @gqa_k_bshd_masked
// CHECK: %[[KT:.+]] = linalg.transpose ins(%{{.+}} : tensor<2x17x2x12xf32>) outs(%{{.+}} : tensor<2x2x17x12xf32>) permutation = [0, 2, 1, 3]
// CHECK: attn.attention ins(%{{.+}}, %[[KT]], %{{.+}} : tensor<2x4x13x12xf32>, tensor<2x2x17x12xf32>, tensor<2x2x17x10xf32>) mask(%{{.+}} : tensor<2x1x1x17xf32>)

func.func @gqa_k_bhds(%q: tensor<2x4x13x12xf32>, %k: tensor<2x2x12x17xf32>, %v: tensor<2x2x17x10xf32>) -> (tensor<2x4x13x10xf32>) {
  %zero = arith.constant 0.0 : f32
  %es = tensor.empty() : tensor<2x4x13x17xf32>
  %fs = linalg.fill ins(%zero : f32) outs(%es : tensor<2x4x13x17xf32>) -> tensor<2x4x13x17xf32>
  %s0 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d4)>, affine_map<(d0, d1, d2, d3, d4) -> (d0, d1 floordiv 2, d4, d3)>, affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%q, %k : tensor<2x4x13x12xf32>, tensor<2x2x12x17xf32>) outs(%fs : tensor<2x4x13x17xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %m = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %m : f32
    linalg.yield %r : f32
  } -> tensor<2x4x13x17xf32>
  %e1 = tensor.empty() : tensor<2x4x13x17xf32>
  %s2 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%s0 : tensor<2x4x13x17xf32>) outs(%e1 : tensor<2x4x13x17xf32>) {
  ^bb0(%x: f32, %o: f32):
    %c3 = arith.constant 0.2886751345948129 : f32
    %y4 = arith.mulf %x, %c3 : f32
    linalg.yield %y4 : f32
  } -> tensor<2x4x13x17xf32>
  %p5 = linalg.softmax dimension(3) ins(%s2 : tensor<2x4x13x17xf32>) outs(%es : tensor<2x4x13x17xf32>) -> tensor<2x4x13x17xf32>
  %eo = tensor.empty() : tensor<2x4x13x10xf32>
  %fo = linalg.fill ins(%zero : f32) outs(%eo : tensor<2x4x13x10xf32>) -> tensor<2x4x13x10xf32>
  %out = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d4)>, affine_map<(d0, d1, d2, d3, d4) -> (d0, d1 floordiv 2, d4, d3)>, affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%p5, %v : tensor<2x4x13x17xf32>, tensor<2x2x17x10xf32>) outs(%fo : tensor<2x4x13x10xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %m = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %m : f32
    linalg.yield %r : f32
  } -> tensor<2x4x13x10xf32>
  return %out : tensor<2x4x13x10xf32>
}

func.func @gqa_k_bshd_masked(%q: tensor<2x4x13x12xf32>, %k: tensor<2x17x2x12xf32>, %v: tensor<2x2x17x10xf32>, %mask: tensor<2x1x1x17xf32>) -> (tensor<2x4x13x10xf32>) {
  %zero = arith.constant 0.0 : f32
  %es = tensor.empty() : tensor<2x4x13x17xf32>
  %fs = linalg.fill ins(%zero : f32) outs(%es : tensor<2x4x13x17xf32>) -> tensor<2x4x13x17xf32>
  %s0 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d4)>, affine_map<(d0, d1, d2, d3, d4) -> (d0, d3, d1 floordiv 2, d4)>, affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%q, %k : tensor<2x4x13x12xf32>, tensor<2x17x2x12xf32>) outs(%fs : tensor<2x4x13x17xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %m = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %m : f32
    linalg.yield %r : f32
  } -> tensor<2x4x13x17xf32>
  %e1 = tensor.empty() : tensor<2x4x13x17xf32>
  %s2 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%s0 : tensor<2x4x13x17xf32>) outs(%e1 : tensor<2x4x13x17xf32>) {
  ^bb0(%x: f32, %o: f32):
    %c3 = arith.constant 0.2886751345948129 : f32
    %y4 = arith.mulf %x, %c3 : f32
    linalg.yield %y4 : f32
  } -> tensor<2x4x13x17xf32>
  %e5 = tensor.empty() : tensor<2x4x13x17xf32>
  %s6 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, 0, 0, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%s2, %mask : tensor<2x4x13x17xf32>, tensor<2x1x1x17xf32>) outs(%e5 : tensor<2x4x13x17xf32>) {
  ^bb0(%x: f32, %m_mask: f32, %o: f32):
    %y7 = arith.addf %x, %m_mask : f32
    linalg.yield %y7 : f32
  } -> tensor<2x4x13x17xf32>
  %p8 = linalg.softmax dimension(3) ins(%s6 : tensor<2x4x13x17xf32>) outs(%es : tensor<2x4x13x17xf32>) -> tensor<2x4x13x17xf32>
  %eo = tensor.empty() : tensor<2x4x13x10xf32>
  %fo = linalg.fill ins(%zero : f32) outs(%eo : tensor<2x4x13x10xf32>) -> tensor<2x4x13x10xf32>
  %out = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d4)>, affine_map<(d0, d1, d2, d3, d4) -> (d0, d1 floordiv 2, d4, d3)>, affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%p8, %v : tensor<2x4x13x17xf32>, tensor<2x2x17x10xf32>) outs(%fo : tensor<2x4x13x10xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %m = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %m : f32
    linalg.yield %r : f32
  } -> tensor<2x4x13x10xf32>
  return %out : tensor<2x4x13x10xf32>
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
  %s0 = arith.constant 0.0 : f32
  %s1 = arith.constant 1.7 : f32
  %s2 = arith.constant 2.9 : f32
  %s3 = arith.constant 0.5 : f32
  %e_q = tensor.empty() : tensor<2x4x13x12xf32>
  %d_q = tensor.cast %e_q : tensor<2x4x13x12xf32> to tensor<?x?x?x?xf32>
  %f_q = call @fill(%d_q, %s0) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %q = tensor.cast %f_q : tensor<?x?x?x?xf32> to tensor<2x4x13x12xf32>
  %e_k1 = tensor.empty() : tensor<2x2x12x17xf32>
  %d_k1 = tensor.cast %e_k1 : tensor<2x2x12x17xf32> to tensor<?x?x?x?xf32>
  %f_k1 = call @fill(%d_k1, %s1) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %k1 = tensor.cast %f_k1 : tensor<?x?x?x?xf32> to tensor<2x2x12x17xf32>
  %e_k2 = tensor.empty() : tensor<2x17x2x12xf32>
  %d_k2 = tensor.cast %e_k2 : tensor<2x17x2x12xf32> to tensor<?x?x?x?xf32>
  %f_k2 = call @fill(%d_k2, %s1) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %k2 = tensor.cast %f_k2 : tensor<?x?x?x?xf32> to tensor<2x17x2x12xf32>
  %e_v = tensor.empty() : tensor<2x2x17x10xf32>
  %d_v = tensor.cast %e_v : tensor<2x2x17x10xf32> to tensor<?x?x?x?xf32>
  %f_v = call @fill(%d_v, %s2) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %v = tensor.cast %f_v : tensor<?x?x?x?xf32> to tensor<2x2x17x10xf32>
  %e_m = tensor.empty() : tensor<2x1x1x17xf32>
  %d_m = tensor.cast %e_m : tensor<2x1x1x17xf32> to tensor<?x?x?x?xf32>
  %f_m = call @fill(%d_m, %s3) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %m = tensor.cast %f_m : tensor<?x?x?x?xf32> to tensor<2x1x1x17xf32>
  %o1 = call @gqa_k_bhds(%q, %k1, %v) : (tensor<2x4x13x12xf32>, tensor<2x2x12x17xf32>, tensor<2x2x17x10xf32>) -> (tensor<2x4x13x10xf32>)
  %u1 = tensor.cast %o1 : tensor<2x4x13x10xf32> to tensor<*xf32>
  call @printMemrefF32(%u1) : (tensor<*xf32>) -> ()
  %o2 = call @gqa_k_bshd_masked(%q, %k2, %v, %m) : (tensor<2x4x13x12xf32>, tensor<2x17x2x12xf32>, tensor<2x2x17x10xf32>, tensor<2x1x1x17xf32>) -> (tensor<2x4x13x10xf32>)
  %u2 = tensor.cast %o2 : tensor<2x4x13x10xf32> to tensor<*xf32>
  call @printMemrefF32(%u2) : (tensor<*xf32>) -> ()
  return
}
