// Executed check of attn-fuse-attention on the TOSA chain as a TFLite model
// emits it for multi-head attention: [B, S, H*D] inputs reshaped to
// [B, S, H, D], transposed to [B, H, S, D] (K to [B, H, D, S]) and reshaped
// to [B*H, S, D] around rank-3 tosa.matmul; tosa.mul by a constant scale
// (with its shift operand), a [B,1,1,Skv] additive mask added on the 4-D
// view, the decomposed softmax (reduce_max, sub, exp, reduce_sum,
// reciprocal, mul) and the output reshaped back. The fused and the unfused
// programs (TOSA lowered by the pipeline's upstream TOSA passes) must print
// the same numbers (rtol 1e-4, atol 1e-5).
// RUN: attn-opt %s -attn-fuse-attention | FileCheck %s
// RUN: attn-opt %s -attn-cpu-pipeline="fuse=false" | mlir-runner -e main -entry-point-result=void -shared-libs=%runner_libs > %t.ref
// RUN: attn-opt %s -attn-cpu-pipeline="fuse=true" | mlir-runner -e main -entry-point-result=void -shared-libs=%runner_libs > %t.fused
// RUN: %python %attn_src/test/lib/compare_outputs.py %t.ref %t.fused --rtol 1e-4 --atol 1e-5

// CHECK-LABEL: func.func @tflite_mha
// CHECK-NOT: tosa.matmul
// CHECK: attn.attention ins(%{{.*}}, %{{.*}}, %{{.*}} : tensor<2x8x4x16xf32>, tensor<2x12x4x16xf32>, tensor<2x12x4x16xf32>)
// CHECK-SAME: mask(%{{.*}} : tensor<2x1x1x12xf32>)
// CHECK-SAME: scale = 2.500000e-01
// CHECK-SAME: layout = bshd
// CHECK-NOT: tosa.matmul
// CHECK-NOT: tosa.exp

func.func @tflite_mha(%q: tensor<2x8x64xf32>, %k: tensor<2x12x64xf32>, %v: tensor<2x12x64xf32>, %m: tensor<2x1x1x12xf32>) -> tensor<2x8x64xf32> {
  %sq4 = tosa.const_shape {values = dense<[2, 8, 4, 16]> : tensor<4xindex>} : () -> !tosa.shape<4>
  %skv4 = tosa.const_shape {values = dense<[2, 12, 4, 16]> : tensor<4xindex>} : () -> !tosa.shape<4>
  %sq3 = tosa.const_shape {values = dense<[8, 8, 16]> : tensor<3xindex>} : () -> !tosa.shape<3>
  %skt3 = tosa.const_shape {values = dense<[8, 16, 12]> : tensor<3xindex>} : () -> !tosa.shape<3>
  %skv3 = tosa.const_shape {values = dense<[8, 12, 16]> : tensor<3xindex>} : () -> !tosa.shape<3>
  %ss4 = tosa.const_shape {values = dense<[2, 4, 8, 12]> : tensor<4xindex>} : () -> !tosa.shape<4>
  %ss3 = tosa.const_shape {values = dense<[8, 8, 12]> : tensor<3xindex>} : () -> !tosa.shape<3>
  %so4 = tosa.const_shape {values = dense<[2, 4, 8, 16]> : tensor<4xindex>} : () -> !tosa.shape<4>
  %so3 = tosa.const_shape {values = dense<[2, 8, 64]> : tensor<3xindex>} : () -> !tosa.shape<3>
  %zp = "tosa.const"() <{values = dense<0.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %shift = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8>
  %c = "tosa.const"() <{values = dense<0.25> : tensor<1x1x1xf32>}> : () -> tensor<1x1x1xf32>
  %q4 = tosa.reshape %q, %sq4 : (tensor<2x8x64xf32>, !tosa.shape<4>) -> tensor<2x8x4x16xf32>
  %qt = tosa.transpose %q4 {perms = array<i32: 0, 2, 1, 3>} : (tensor<2x8x4x16xf32>) -> tensor<2x4x8x16xf32>
  %q3 = tosa.reshape %qt, %sq3 : (tensor<2x4x8x16xf32>, !tosa.shape<3>) -> tensor<8x8x16xf32>
  %k4 = tosa.reshape %k, %skv4 : (tensor<2x12x64xf32>, !tosa.shape<4>) -> tensor<2x12x4x16xf32>
  %kt = tosa.transpose %k4 {perms = array<i32: 0, 2, 3, 1>} : (tensor<2x12x4x16xf32>) -> tensor<2x4x16x12xf32>
  %k3 = tosa.reshape %kt, %skt3 : (tensor<2x4x16x12xf32>, !tosa.shape<3>) -> tensor<8x16x12xf32>
  %s = tosa.matmul %q3, %k3, %zp, %zp : (tensor<8x8x16xf32>, tensor<8x16x12xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<8x8x12xf32>
  %sc = tosa.mul %s, %c, %shift : (tensor<8x8x12xf32>, tensor<1x1x1xf32>, tensor<1xi8>) -> tensor<8x8x12xf32>
  %s4 = tosa.reshape %sc, %ss4 : (tensor<8x8x12xf32>, !tosa.shape<4>) -> tensor<2x4x8x12xf32>
  %sm4 = tosa.add %s4, %m : (tensor<2x4x8x12xf32>, tensor<2x1x1x12xf32>) -> tensor<2x4x8x12xf32>
  %sm = tosa.reshape %sm4, %ss3 : (tensor<2x4x8x12xf32>, !tosa.shape<3>) -> tensor<8x8x12xf32>
  %mx = tosa.reduce_max %sm {axis = 2 : i32} : (tensor<8x8x12xf32>) -> tensor<8x8x1xf32>
  %d = tosa.sub %sm, %mx : (tensor<8x8x12xf32>, tensor<8x8x1xf32>) -> tensor<8x8x12xf32>
  %e = tosa.exp %d : (tensor<8x8x12xf32>) -> tensor<8x8x12xf32>
  %su = tosa.reduce_sum %e {axis = 2 : i32} : (tensor<8x8x12xf32>) -> tensor<8x8x1xf32>
  %r = tosa.reciprocal %su : (tensor<8x8x1xf32>) -> tensor<8x8x1xf32>
  %p = tosa.mul %e, %r, %shift : (tensor<8x8x12xf32>, tensor<8x8x1xf32>, tensor<1xi8>) -> tensor<8x8x12xf32>
  %v4 = tosa.reshape %v, %skv4 : (tensor<2x12x64xf32>, !tosa.shape<4>) -> tensor<2x12x4x16xf32>
  %vt = tosa.transpose %v4 {perms = array<i32: 0, 2, 1, 3>} : (tensor<2x12x4x16xf32>) -> tensor<2x4x12x16xf32>
  %v3 = tosa.reshape %vt, %skv3 : (tensor<2x4x12x16xf32>, !tosa.shape<3>) -> tensor<8x12x16xf32>
  %o = tosa.matmul %p, %v3, %zp, %zp : (tensor<8x8x12xf32>, tensor<8x12x16xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<8x8x16xf32>
  %o4 = tosa.reshape %o, %so4 : (tensor<8x8x16xf32>, !tosa.shape<4>) -> tensor<2x4x8x16xf32>
  %ot = tosa.transpose %o4 {perms = array<i32: 0, 2, 1, 3>} : (tensor<2x4x8x16xf32>) -> tensor<2x8x4x16xf32>
  %o3 = tosa.reshape %ot, %so3 : (tensor<2x8x4x16xf32>, !tosa.shape<3>) -> tensor<2x8x64xf32>
  return %o3 : tensor<2x8x64xf32>
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
  %qe = tensor.empty() : tensor<2x8x4x16xf32>
  %qed = tensor.cast %qe : tensor<2x8x4x16xf32> to tensor<?x?x?x?xf32>
  %qs = arith.constant 0.0 : f32
  %qd = call @fill(%qed, %qs) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %q4 = tensor.cast %qd : tensor<?x?x?x?xf32> to tensor<2x8x4x16xf32>
  %q = tensor.collapse_shape %q4 [[0], [1], [2, 3]] : tensor<2x8x4x16xf32> into tensor<2x8x64xf32>
  %ke = tensor.empty() : tensor<2x12x4x16xf32>
  %ked = tensor.cast %ke : tensor<2x12x4x16xf32> to tensor<?x?x?x?xf32>
  %ks = arith.constant 1.7 : f32
  %kd = call @fill(%ked, %ks) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %k4 = tensor.cast %kd : tensor<?x?x?x?xf32> to tensor<2x12x4x16xf32>
  %k = tensor.collapse_shape %k4 [[0], [1], [2, 3]] : tensor<2x12x4x16xf32> into tensor<2x12x64xf32>
  %ve = tensor.empty() : tensor<2x12x4x16xf32>
  %ved = tensor.cast %ve : tensor<2x12x4x16xf32> to tensor<?x?x?x?xf32>
  %vs = arith.constant 2.9 : f32
  %vd = call @fill(%ved, %vs) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %v4 = tensor.cast %vd : tensor<?x?x?x?xf32> to tensor<2x12x4x16xf32>
  %v = tensor.collapse_shape %v4 [[0], [1], [2, 3]] : tensor<2x12x4x16xf32> into tensor<2x12x64xf32>
  %me = tensor.empty() : tensor<2x1x1x12xf32>
  %med = tensor.cast %me : tensor<2x1x1x12xf32> to tensor<?x?x?x?xf32>
  %ms = arith.constant 0.5 : f32
  %md = call @fill(%med, %ms) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %m4 = tensor.cast %md : tensor<?x?x?x?xf32> to tensor<2x1x1x12xf32>
  %o = call @tflite_mha(%q, %k, %v, %m4) : (tensor<2x8x64xf32>, tensor<2x12x64xf32>, tensor<2x12x64xf32>, tensor<2x1x1x12xf32>) -> tensor<2x8x64xf32>
  %u = tensor.cast %o : tensor<2x8x64xf32> to tensor<*xf32>
  call @printMemrefF32(%u) : (tensor<*xf32>) -> ()
  return
}
