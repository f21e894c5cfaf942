// Executed check of attn-fuse-attention on P V contractions that write the
// output in another order of its dims than [B, H, Sq, Dv] or [B, Sq, H, Dv]:
// [B, H, Dv, Sq] (the transposed output), [B, Sq, Dv, H] and [Sq, B, H, Dv].
// The op computes [B, H, Sq, Dv] and a linalg.transpose gives the root's
// order. B = H = 2, Sq = 13, Skv = 17, D = 12, Dv = 10. The fused and the
// unfused programs must print the same numbers.
// RUN: attn-opt %s -attn-fuse-attention | FileCheck %s
// RUN: attn-opt %s -attn-cpu-pipeline="fuse=false" | mlir-runner -e main -entry-point-result=void -shared-libs=%runner_libs > %t.ref
// RUN: attn-opt %s -attn-cpu-pipeline="fuse=true" | mlir-runner -e main -entry-point-result=void -shared-libs=%runner_libs > %t.fused
// RUN: %python %attn_src/test/lib/compare_outputs.py %t.ref %t.fused --rtol 1e-4 --atol 1e-5

// CHECK-LABEL: func.func @out_bhes
// CHECK: attn.attention {{.*}} -> tensor<2x2x13x10xf32>
// CHECK: linalg.transpose {{.*}} outs(%{{.*}} : tensor<2x2x10x13xf32>) permutation = [0, 1, 3, 2]
// CHECK-LABEL: func.func @out_bseh
// CHECK: attn.attention {{.*}} -> tensor<2x2x13x10xf32>
// CHECK: linalg.transpose {{.*}} outs(%{{.*}} : tensor<2x13x10x2xf32>) permutation = [0, 2, 3, 1]
// CHECK-LABEL: func.func @out_sbhe
// CHECK: attn.attention {{.*}} -> tensor<2x2x13x10xf32>
// CHECK: linalg.transpose {{.*}} outs(%{{.*}} : tensor<13x2x2x10xf32>) permutation = [2, 0, 1, 3]

func.func @out_bhes(%q: tensor<2x2x13x12xf32>, %k: tensor<2x2x17x12xf32>, %v: tensor<2x2x17x10xf32>) -> (tensor<2x2x10x13xf32>) {
  %zero = arith.constant 0.0 : f32
  %es = tensor.empty() : tensor<2x2x13x17xf32>
  %fs = linalg.fill ins(%zero : f32) outs(%es : tensor<2x2x13x17xf32>) -> tensor<2x2x13x17xf32>
  %s0 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d4)>, affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d3, d4)>, affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%q, %k : tensor<2x2x13x12xf32>, tensor<2x2x17x12xf32>) outs(%fs : tensor<2x2x13x17xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %m = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %m : f32
    linalg.yield %r : f32
  } -> tensor<2x2x13x17xf32>
  %e1 = tensor.empty() : tensor<2x2x13x17xf32>
  %s2 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%s0 : tensor<2x2x13x17xf32>) outs(%e1 : tensor<2x2x13x17xf32>) {
  ^bb0(%x: f32, %o: f32):
    %c3 = arith.constant 0.2886751345948129 : f32
    %y4 = arith.mulf %x, %c3 : f32
    linalg.yield %y4 : f32
  } -> tensor<2x2x13x17xf32>
  %p5 = linalg.softmax dimension(3) ins(%s2 : tensor<2x2x13x17xf32>) outs(%es : tensor<2x2x13x17xf32>) -> tensor<2x2x13x17xf32>
  %eo = tensor.empty() : tensor<2x2x10x13xf32>
  %fo = linalg.fill ins(%zero : f32) outs(%eo : tensor<2x2x10x13xf32>) -> tensor<2x2x10x13xf32>
  %out = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d3, d4)>, affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d4, d2)>, affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%p5, %v : tensor<2x2x13x17xf32>, tensor<2x2x17x10xf32>) outs(%fo : tensor<2x2x10x13xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %m = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %m : f32
    linalg.yield %r : f32
  } -> tensor<2x2x10x13xf32>
  return %out : tensor<2x2x10x13xf32>
}

func.func @out_bseh(%q: tensor<2x2x13x12xf32>, %k: tensor<2x2x17x12xf32>, %v: tensor<2x2x17x10xf32>) -> (tensor<2x13x10x2xf32>) {
  %zero = arith.constant 0.0 : f32
  %es = tensor.empty() : tensor<2x2x13x17xf32>
  %fs = linalg.fill ins(%zero : f32) outs(%es : tensor<2x2x13x17xf32>) -> tensor<2x2x13x17xf32>
  %s0 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d4)>, affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d3, d4)>, affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%q, %k : tensor<2x2x13x12xf32>, tensor<2x2x17x12xf32>) outs(%fs : tensor<2x2x13x17xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %m = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %m : f32
    linalg.yield %r : f32
  } -> tensor<2x2x13x17xf32>
  %e1 = tensor.empty() : tensor<2x2x13x17xf32>
  %s2 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%s0 : tensor<2x2x13x17xf32>) outs(%e1 : tensor<2x2x13x17xf32>) {
  ^bb0(%x: f32, %o: f32):
    %c3 = arith.constant 0.2886751345948129 : f32
    %y4 = arith.mulf %x, %c3 : f32
    linalg.yield %y4 : f32
  } -> tensor<2x2x13x17xf32>
  %p5 = linalg.softmax dimension(3) ins(%s2 : tensor<2x2x13x17xf32>) outs(%es : tensor<2x2x13x17xf32>) -> tensor<2x2x13x17xf32>
  %eo = tensor.empty() : tensor<2x13x10x2xf32>
  %fo = linalg.fill ins(%zero : f32) outs(%eo : tensor<2x13x10x2xf32>) -> tensor<2x13x10x2xf32>
  %out = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3, d4) -> (d0, d3, d1, d4)>, affine_map<(d0, d1, d2, d3, d4) -> (d0, d3, d4, d2)>, affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%p5, %v : tensor<2x2x13x17xf32>, tensor<2x2x17x10xf32>) outs(%fo : tensor<2x13x10x2xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %m = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %m : f32
    linalg.yield %r : f32
  } -> tensor<2x13x10x2xf32>
  return %out : tensor<2x13x10x2xf32>
}

func.func @out_sbhe(%q: tensor<2x2x13x12xf32>, %k: tensor<2x2x17x12xf32>, %v: tensor<2x2x17x10xf32>) -> (tensor<13x2x2x10xf32>) {
  %zero = arith.constant 0.0 : f32
  %es = tensor.empty() : tensor<2x2x13x17xf32>
  %fs = linalg.fill ins(%zero : f32) outs(%es : tensor<2x2x13x17xf32>) -> tensor<2x2x13x17xf32>
  %s0 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d4)>, affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d3, d4)>, affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%q, %k : tensor<2x2x13x12xf32>, tensor<2x2x17x12xf32>) outs(%fs : tensor<2x2x13x17xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %m = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %m : f32
    linalg.yield %r : f32
  } -> tensor<2x2x13x17xf32>
  %e1 = tensor.empty() : tensor<2x2x13x17xf32>
  %s2 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%s0 : tensor<2x2x13x17xf32>) outs(%e1 : tensor<2x2x13x17xf32>) {
  ^bb0(%x: f32, %o: f32):
    %c3 = arith.constant 0.2886751345948129 : f32
    %y4 = arith.mulf %x, %c3 : f32
    linalg.yield %y4 : f32
  } -> tensor<2x2x13x17xf32>
  %p5 = linalg.softmax dimension(3) ins(%s2 : tensor<2x2x13x17xf32>) outs(%es : tensor<2x2x13x17xf32>) -> tensor<2x2x13x17xf32>
  %eo = tensor.empty() : tensor<13x2x2x10xf32>
  %fo = linalg.fill ins(%zero : f32) outs(%eo : tensor<13x2x2x10xf32>) -> tensor<13x2x2x10xf32>
  %out = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3, d4) -> (d1, d2, d0, d4)>, affine_map<(d0, d1, d2, d3, d4) -> (d1, d2, d4, d3)>, affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%p5, %v : tensor<2x2x13x17xf32>, tensor<2x2x17x10xf32>) outs(%fo : tensor<13x2x2x10xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %m = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %m : f32
    linalg.yield %r : f32
  } -> tensor<13x2x2x10xf32>
  return %out : tensor<13x2x2x10xf32>
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
  %eq = tensor.empty() : tensor<2x2x13x12xf32>
  %ek = tensor.empty() : tensor<2x2x17x12xf32>
  %ev = tensor.empty() : tensor<2x2x17x10xf32>
  %eqd = tensor.cast %eq : tensor<2x2x13x12xf32> to tensor<?x?x?x?xf32>
  %ekd = tensor.cast %ek : tensor<2x2x17x12xf32> to tensor<?x?x?x?xf32>
  %evd = tensor.cast %ev : tensor<2x2x17x10xf32> to tensor<?x?x?x?xf32>
  %qd = call @fill(%eqd, %s0) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %kd = call @fill(%ekd, %s1) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %vd = call @fill(%evd, %s2) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %q = tensor.cast %qd : tensor<?x?x?x?xf32> to tensor<2x2x13x12xf32>
  %k = tensor.cast %kd : tensor<?x?x?x?xf32> to tensor<2x2x17x12xf32>
  %v = tensor.cast %vd : tensor<?x?x?x?xf32> to tensor<2x2x17x10xf32>
  %o_out_bhes = call @out_bhes(%q, %k, %v) : (tensor<2x2x13x12xf32>, tensor<2x2x17x12xf32>, tensor<2x2x17x10xf32>) -> (tensor<2x2x10x13xf32>)
  %u_out_bhes = tensor.cast %o_out_bhes : tensor<2x2x10x13xf32> to tensor<*xf32>
  call @printMemrefF32(%u_out_bhes) : (tensor<*xf32>) -> ()
  %o_out_bseh = call @out_bseh(%q, %k, %v) : (tensor<2x2x13x12xf32>, tensor<2x2x17x12xf32>, tensor<2x2x17x10xf32>) -> (tensor<2x13x10x2xf32>)
  %u_out_bseh = tensor.cast %o_out_bseh : tensor<2x13x10x2xf32> to tensor<*xf32>
  call @printMemrefF32(%u_out_bseh) : (tensor<*xf32>) -> ()
  %o_out_sbhe = call @out_sbhe(%q, %k, %v) : (tensor<2x2x13x12xf32>, tensor<2x2x17x12xf32>, tensor<2x2x17x10xf32>) -> (tensor<13x2x2x10xf32>)
  %u_out_sbhe = tensor.cast %o_out_sbhe : tensor<13x2x2x10xf32> to tensor<*xf32>
  call @printMemrefF32(%u_out_sbhe) : (tensor<*xf32>) -> ()
  return
}
