// Executed check of attn-fuse-attention on multi-query attention written as
// a broadcast of K and V [B, S, D] over the heads (linalg.broadcast
// dimensions = [1]), 4-D linalg.contract products and the scale applied to
// Q with linalg.mul by a constant tensor: the op reads K and V as
// [B, 1, S, D] (an expand_shape, no repeat materialised) and the scale
// becomes its attribute. B = 2, Hq = 3, Sq = 5, Skv = 6, D = 8, Dv = 4.
// RUN: attn-opt %s -attn-fuse-attention | FileCheck %s
// RUN: attn-opt %s -attn-cpu-pipeline="fuse=false" | mlir-runner -e main -entry-point-result=void -shared-libs=%runner_libs > %t.ref
// RUN: attn-opt %s -attn-cpu-pipeline="fuse=true" | mlir-runner -e main -entry-point-result=void -shared-libs=%runner_libs > %t.fused
// RUN: %python %attn_src/test/lib/compare_outputs.py %t.ref %t.fused --rtol 1e-4 --atol 1e-5

// CHECK-LABEL: func.func @attn
// CHECK-NOT: linalg.broadcast
// CHECK: tensor.expand_shape %arg1 {{\[\[}}0, 1], [2], [3]] output_shape [2, 1, 6, 8]
// CHECK: tensor.expand_shape %arg2 {{\[\[}}0, 1], [2], [3]] output_shape [2, 1, 6, 4]
// CHECK: attn.attention ins(%arg0, %{{.+}}, %{{.+}} : tensor<2x3x5x8xf32>, tensor<2x1x6x8xf32>, tensor<2x1x6x4xf32>)
// CHECK-SAME: scale = 2.500000e-01

func.func @attn(%q: tensor<2x3x5x8xf32>, %k: tensor<2x6x8xf32>, %v: tensor<2x6x4xf32>) -> tensor<2x3x5x4xf32> {
  %zero = arith.constant 0.0 : f32
  %c = arith.constant dense<0.25> : tensor<2x3x5x8xf32>
  %eq = tensor.empty() : tensor<2x3x5x8xf32>
  %qs = linalg.mul ins(%q, %c : tensor<2x3x5x8xf32>, tensor<2x3x5x8xf32>) outs(%eq : tensor<2x3x5x8xf32>) -> tensor<2x3x5x8xf32>
  %ek = tensor.empty() : tensor<2x3x6x8xf32>
  %kb = linalg.broadcast ins(%k : tensor<2x6x8xf32>) outs(%ek : tensor<2x3x6x8xf32>) dimensions = [1]
  %ev = tensor.empty() : tensor<2x3x6x4xf32>
  %vb = linalg.broadcast ins(%v : tensor<2x6x4xf32>) outs(%ev : tensor<2x3x6x4xf32>) dimensions = [1]
  %e = tensor.empty() : tensor<2x3x5x6xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<2x3x5x6xf32>) -> tensor<2x3x5x6xf32>
  %s = linalg.contract indexing_maps = [affine_map<(b, h, i, j, d) -> (b, h, i, d)>, affine_map<(b, h, i, j, d) -> (b, h, j, d)>, affine_map<(b, h, i, j, d) -> (b, h, i, j)>]
        ins(%qs, %kb : tensor<2x3x5x8xf32>, tensor<2x3x6x8xf32>) outs(%f : tensor<2x3x5x6xf32>) -> tensor<2x3x5x6xf32>
  %p = linalg.softmax dimension(3) ins(%s : tensor<2x3x5x6xf32>) outs(%e : tensor<2x3x5x6xf32>) -> tensor<2x3x5x6xf32>
  %eo = tensor.empty() : tensor<2x3x5x4xf32>
  %fo = linalg.fill ins(%zero : f32) outs(%eo : tensor<2x3x5x4xf32>) -> tensor<2x3x5x4xf32>
  %o = linalg.contract indexing_maps = [affine_map<(b, h, i, e, j) -> (b, h, i, j)>, affine_map<(b, h, i, e, j) -> (b, h, j, e)>, affine_map<(b, h, i, e, j) -> (b, h, i, e)>]
        ins(%p, %vb : tensor<2x3x5x6xf32>, tensor<2x3x6x4xf32>) outs(%fo : tensor<2x3x5x4xf32>) -> tensor<2x3x5x4xf32>
  return %o : tensor<2x3x5x4xf32>
}

func.func private @printMemrefF32(tensor<*xf32>)
func.func @main() {
  %e1 = tensor.empty() : tensor<2x3x5x8xf32>
  %g2 = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} outs(%e1 : tensor<2x3x5x8xf32>) {
  ^bb0(%o: f32):
    %acc0 = arith.constant 0.0 : f32
    %i0 = linalg.index 0 : index
    %a0 = arith.index_cast %i0 : index to i64
    %f0 = arith.sitofp %a0 : i64 to f32
    %c0 = arith.constant 0.37 : f32
    %m0 = arith.mulf %f0, %c0 : f32
    %acc1 = arith.addf %acc0, %m0 : f32
    %i1 = linalg.index 1 : index
    %a1 = arith.index_cast %i1 : index to i64
    %f1 = arith.sitofp %a1 : i64 to f32
    %c1 = arith.constant 1.3 : f32
    %m1 = arith.mulf %f1, %c1 : f32
    %acc2 = arith.addf %acc1, %m1 : f32
    %i2 = linalg.index 2 : index
    %a2 = arith.index_cast %i2 : index to i64
    %f2 = arith.sitofp %a2 : i64 to f32
    %c2 = arith.constant 0.71 : f32
    %m2 = arith.mulf %f2, %c2 : f32
    %acc3 = arith.addf %acc2, %m2 : f32
    %i3 = linalg.index 3 : index
    %a3 = arith.index_cast %i3 : index to i64
    %f3 = arith.sitofp %a3 : i64 to f32
    %c3 = arith.constant 0.113 : f32
    %m3 = arith.mulf %f3, %c3 : f32
    %acc4 = arith.addf %acc3, %m3 : f32
    %sn = math.sin %acc4 : f32
    %amp = arith.constant 2.0 : f32
    %w = arith.mulf %sn, %amp : f32
    linalg.yield %w : f32
  } -> tensor<2x3x5x8xf32>
  %e3 = tensor.empty() : tensor<2x6x8xf32>
  %g4 = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2) -> (d0,d1,d2)>], iterator_types = ["parallel", "parallel", "parallel"]} outs(%e3 : tensor<2x6x8xf32>) {
  ^bb0(%o: f32):
    %acc0 = arith.constant 1.7 : f32
    %i0 = linalg.index 0 : index
    %a0 = arith.index_cast %i0 : index to i64
    %f0 = arith.sitofp %a0 : i64 to f32
    %c0 = arith.constant 1.4300000000000002 : f32
    %m0 = arith.mulf %f0, %c0 : f32
    %acc1 = arith.addf %acc0, %m0 : f32
    %i1 = linalg.index 1 : index
    %a1 = arith.index_cast %i1 : index to i64
    %f1 = arith.sitofp %a1 : i64 to f32
    %c1 = arith.constant 0.781 : f32
    %m1 = arith.mulf %f1, %c1 : f32
    %acc2 = arith.addf %acc1, %m1 : f32
    %i2 = linalg.index 2 : index
    %a2 = arith.index_cast %i2 : index to i64
    %f2 = arith.sitofp %a2 : i64 to f32
    %c2 = arith.constant 0.12430000000000001 : f32
    %m2 = arith.mulf %f2, %c2 : f32
    %acc3 = arith.addf %acc2, %m2 : f32
    %sn = math.sin %acc3 : f32
    %amp = arith.constant 2.0 : f32
    %w = arith.mulf %sn, %amp : f32
    linalg.yield %w : f32
  } -> tensor<2x6x8xf32>
  %e5 = tensor.empty() : tensor<2x6x4xf32>
  %g6 = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2) -> (d0,d1,d2)>], iterator_types = ["parallel", "parallel", "parallel"]} outs(%e5 : tensor<2x6x4xf32>) {
  ^bb0(%o: f32):
    %acc0 = arith.constant 2.9 : f32
    %i0 = linalg.index 0 : index
    %a0 = arith.index_cast %i0 : index to i64
    %f0 = arith.sitofp %a0 : i64 to f32
    %c0 = arith.constant 0.852 : f32
    %m0 = arith.mulf %f0, %c0 : f32
    %acc1 = arith.addf %acc0, %m0 : f32
    %i1 = linalg.index 1 : index
    %a1 = arith.index_cast %i1 : index to i64
    %f1 = arith.sitofp %a1 : i64 to f32
    %c1 = arith.constant 0.1356 : f32
    %m1 = arith.mulf %f1, %c1 : f32
    %acc2 = arith.addf %acc1, %m1 : f32
    %i2 = linalg.index 2 : index
    %a2 = arith.index_cast %i2 : index to i64
    %f2 = arith.sitofp %a2 : i64 to f32
    %c2 = arith.constant 0.348 : f32
    %m2 = arith.mulf %f2, %c2 : f32
    %acc3 = arith.addf %acc2, %m2 : f32
    %sn = math.sin %acc3 : f32
    %amp = arith.constant 2.0 : f32
    %w = arith.mulf %sn, %amp : f32
    linalg.yield %w : f32
  } -> tensor<2x6x4xf32>
  %r7 = call @attn(%g2, %g4, %g6) : (tensor<2x3x5x8xf32>, tensor<2x6x8xf32>, tensor<2x6x4xf32>) -> (tensor<2x3x5x4xf32>)
  %u8 = tensor.cast %r7 : tensor<2x3x5x4xf32> to tensor<*xf32>
  call @printMemrefF32(%u8) : (tensor<*xf32>) -> ()
  return
}
