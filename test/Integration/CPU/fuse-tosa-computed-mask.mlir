// Executed check of attn-fuse-attention on a TOSA chain whose additive mask
// is computed from a float padding mask m (1 = keep) as (1 - m) * -1e9 by
// tosa.sub and tosa.mul (a BERT-style extended mask in TFLite form), broadcast
// from [N, 1, Skv] and added to the scaled scores. The raise evaluates the
// mask expression once on m into the op's float mask. N = 2, Sq = 5, Skv = 7.
// The fused and the unfused programs must print the same numbers (rtol 1e-4,
// atol 1e-5).
// RUN: attn-opt %s -attn-fuse-attention | FileCheck %s
// RUN: attn-opt %s -attn-cpu-pipeline="fuse=false" | mlir-runner -e main -entry-point-result=void -shared-libs=%runner_libs > %t.ref
// RUN: attn-opt %s -attn-cpu-pipeline="fuse=true" | mlir-runner -e main -entry-point-result=void -shared-libs=%runner_libs > %t.fused
// RUN: %python %attn_src/test/lib/compare_outputs.py %t.ref %t.fused --rtol 1e-4 --atol 1e-5

// CHECK-LABEL: func.func @tosa_hf
// CHECK: linalg.generic
// CHECK: arith.subf
// CHECK: arith.mulf
// CHECK: attn.attention
// CHECK-SAME: mask(%{{.+}} : tensor<1x2x1x7xf32>)
// CHECK-SAME: scale = 5.000000e-01
// CHECK-NOT: tosa.matmul

func.func @tosa_hf(%q: tensor<2x5x4xf32>, %k: tensor<2x7x4xf32>, %v: tensor<2x7x3xf32>, %m: tensor<2x1x7xf32>) -> tensor<2x5x3xf32> {
  %zp = "tosa.const"() <{values = dense<0.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %shift = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8>
  %c = "tosa.const"() <{values = dense<0.5> : tensor<1x1x1xf32>}> : () -> tensor<1x1x1xf32>
  %one = "tosa.const"() <{values = dense<1.0> : tensor<1x1x1xf32>}> : () -> tensor<1x1x1xf32>
  %big = "tosa.const"() <{values = dense<-1.0e9> : tensor<1x1x1xf32>}> : () -> tensor<1x1x1xf32>
  %kt = tosa.transpose %k {perms = array<i32: 0, 2, 1>} : (tensor<2x7x4xf32>) -> tensor<2x4x7xf32>
  %s = tosa.matmul %q, %kt, %zp, %zp : (tensor<2x5x4xf32>, tensor<2x4x7xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<2x5x7xf32>
  %sc = tosa.mul %s, %c, %shift : (tensor<2x5x7xf32>, tensor<1x1x1xf32>, tensor<1xi8>) -> tensor<2x5x7xf32>
  %inv = tosa.sub %one, %m : (tensor<1x1x1xf32>, tensor<2x1x7xf32>) -> tensor<2x1x7xf32>
  %add = tosa.mul %inv, %big, %shift : (tensor<2x1x7xf32>, tensor<1x1x1xf32>, tensor<1xi8>) -> tensor<2x1x7xf32>
  %x = tosa.add %sc, %add : (tensor<2x5x7xf32>, tensor<2x1x7xf32>) -> tensor<2x5x7xf32>
  %mx = tosa.reduce_max %x {axis = 2 : i32} : (tensor<2x5x7xf32>) -> tensor<2x5x1xf32>
  %d = tosa.sub %x, %mx : (tensor<2x5x7xf32>, tensor<2x5x1xf32>) -> tensor<2x5x7xf32>
  %e = tosa.exp %d : (tensor<2x5x7xf32>) -> tensor<2x5x7xf32>
  %su = tosa.reduce_sum %e {axis = 2 : i32} : (tensor<2x5x7xf32>) -> tensor<2x5x1xf32>
  %r = tosa.reciprocal %su : (tensor<2x5x1xf32>) -> tensor<2x5x1xf32>
  %p = tosa.mul %e, %r, %shift : (tensor<2x5x7xf32>, tensor<2x5x1xf32>, tensor<1xi8>) -> tensor<2x5x7xf32>
  %o = tosa.matmul %p, %v, %zp, %zp : (tensor<2x5x7xf32>, tensor<2x7x3xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<2x5x3xf32>
  return %o : tensor<2x5x3xf32>
}

#gen = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
// Fills a tensor with amp * sin(0.37*i0 + 1.3*i1 + 0.71*i2 + 0.113*i3 + seed).
func.func @fill(%t: tensor<?x?x?x?xf32>, %seed: f32, %amp: f32) -> tensor<?x?x?x?xf32> {
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
    %w = arith.mulf %v, %amp : f32
    linalg.yield %w : f32
  } -> tensor<?x?x?x?xf32>
  return %r : tensor<?x?x?x?xf32>
}

func.func private @printMemrefF32(tensor<*xf32>)

func.func @main() {
  %q_e = tensor.empty() : tensor<1x2x5x4xf32>
  %q_d = tensor.cast %q_e : tensor<1x2x5x4xf32> to tensor<?x?x?x?xf32>
  %q_s = arith.constant 0.0 : f32
  %q_a = arith.constant 2.0 : f32
  %q_r = call @fill(%q_d, %q_s, %q_a) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %q_4 = tensor.cast %q_r : tensor<?x?x?x?xf32> to tensor<1x2x5x4xf32>
  %q = tensor.collapse_shape %q_4 [[0, 1], [2], [3]] : tensor<1x2x5x4xf32> into tensor<2x5x4xf32>
  %k_e = tensor.empty() : tensor<1x2x7x4xf32>
  %k_d = tensor.cast %k_e : tensor<1x2x7x4xf32> to tensor<?x?x?x?xf32>
  %k_s = arith.constant 1.7 : f32
  %k_a = arith.constant 2.0 : f32
  %k_r = call @fill(%k_d, %k_s, %k_a) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %k_4 = tensor.cast %k_r : tensor<?x?x?x?xf32> to tensor<1x2x7x4xf32>
  %k = tensor.collapse_shape %k_4 [[0, 1], [2], [3]] : tensor<1x2x7x4xf32> into tensor<2x7x4xf32>
  %v_e = tensor.empty() : tensor<1x2x7x3xf32>
  %v_d = tensor.cast %v_e : tensor<1x2x7x3xf32> to tensor<?x?x?x?xf32>
  %v_s = arith.constant 2.9 : f32
  %v_a = arith.constant 2.0 : f32
  %v_r = call @fill(%v_d, %v_s, %v_a) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %v_4 = tensor.cast %v_r : tensor<?x?x?x?xf32> to tensor<1x2x7x3xf32>
  %v = tensor.collapse_shape %v_4 [[0, 1], [2], [3]] : tensor<1x2x7x3xf32> into tensor<2x7x3xf32>
  // Row 0 keeps its first 4 keys, row 1 its first 6.
  %m = arith.constant dense<[[[1.0, 1.0, 1.0, 1.0, 0.0, 0.0, 0.0]], [[1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.0]]]> : tensor<2x1x7xf32>
  %o = call @tosa_hf(%q, %k, %v, %m) : (tensor<2x5x4xf32>, tensor<2x7x4xf32>, tensor<2x7x3xf32>, tensor<2x1x7xf32>) -> tensor<2x5x3xf32>
  %u_o = tensor.cast %o : tensor<2x5x3xf32> to tensor<*xf32>
  call @printMemrefF32(%u_o) : (tensor<*xf32>) -> ()
  return
}
