// Executed check of attn-fuse-attention on Hugging Face's `repeat_kv` for
// grouped-query attention as torch-style IR writes it with named ops: K and
// V [B, Hkv, S, D] broadcast to [B, Hkv, G, S, D] (linalg.broadcast),
// collapsed to [B*Hq, S, D], Q collapsed from [B, Hq, S, D], batch_matmul
// with a transposed operand in its indexing_maps, a linalg.map scale and
// linalg.softmax. B and H come from the 5-D collapse (Hq = Hkv * G) and the
// op reads K and V natively (no repeat materialised). B = 2, Hq = 4,
// Hkv = 2, Sq = 5, Skv = 6, D = 8.
// RUN: attn-opt %s -attn-fuse-attention | FileCheck %s
// RUN: attn-opt %s -attn-cpu-pipeline="fuse=false" | mlir-runner -e main -entry-point-result=void -shared-libs=%runner_libs > %t.ref
// RUN: attn-opt %s -attn-cpu-pipeline="fuse=true" | mlir-runner -e main -entry-point-result=void -shared-libs=%runner_libs > %t.fused
// RUN: %python %attn_src/test/lib/compare_outputs.py %t.ref %t.fused --rtol 1e-4 --atol 1e-5

// CHECK-LABEL: func.func @attn
// CHECK-NOT: linalg.broadcast
// CHECK: attn.attention ins(%arg0, %arg1, %arg2 : tensor<2x4x5x8xf32>, tensor<2x2x6x8xf32>, tensor<2x2x6x8xf32>)
// CHECK-SAME: -> tensor<2x4x5x8xf32>
// CHECK: return

func.func @attn(%q: tensor<2x4x5x8xf32>, %k: tensor<2x2x6x8xf32>, %v: tensor<2x2x6x8xf32>) -> tensor<2x4x5x8xf32> {
  %zero = arith.constant 0.0 : f32
  %sc = arith.constant 0.35355339 : f32
  %eb = tensor.empty() : tensor<2x2x2x6x8xf32>
  %kb = linalg.broadcast ins(%k : tensor<2x2x6x8xf32>) outs(%eb : tensor<2x2x2x6x8xf32>) dimensions = [2]
  %vb = linalg.broadcast ins(%v : tensor<2x2x6x8xf32>) outs(%eb : tensor<2x2x2x6x8xf32>) dimensions = [2]
  %k3 = tensor.collapse_shape %kb [[0, 1, 2], [3], [4]] : tensor<2x2x2x6x8xf32> into tensor<8x6x8xf32>
  %v3 = tensor.collapse_shape %vb [[0, 1, 2], [3], [4]] : tensor<2x2x2x6x8xf32> into tensor<8x6x8xf32>
  %q3 = tensor.collapse_shape %q [[0, 1], [2], [3]] : tensor<2x4x5x8xf32> into tensor<8x5x8xf32>
  %e = tensor.empty() : tensor<8x5x6xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<8x5x6xf32>) -> tensor<8x5x6xf32>
  %s = linalg.batch_matmul indexing_maps = [affine_map<(b, m, n, k) -> (b, m, k)>, affine_map<(b, m, n, k) -> (b, n, k)>, affine_map<(b, m, n, k) -> (b, m, n)>]
        ins(%q3, %k3 : tensor<8x5x8xf32>, tensor<8x6x8xf32>) outs(%f : tensor<8x5x6xf32>) -> tensor<8x5x6xf32>
  %ss = linalg.map ins(%s : tensor<8x5x6xf32>) outs(%e : tensor<8x5x6xf32>)
    (%a: f32, %o: f32) {
      %r = arith.mulf %a, %sc : f32
      linalg.yield %r : f32
    }
  %p = linalg.softmax dimension(2) ins(%ss : tensor<8x5x6xf32>) outs(%e : tensor<8x5x6xf32>) -> tensor<8x5x6xf32>
  %eo = tensor.empty() : tensor<8x5x8xf32>
  %fo = linalg.fill ins(%zero : f32) outs(%eo : tensor<8x5x8xf32>) -> tensor<8x5x8xf32>
  %o = linalg.batch_matmul ins(%p, %v3 : tensor<8x5x6xf32>, tensor<8x6x8xf32>) outs(%fo : tensor<8x5x8xf32>) -> tensor<8x5x8xf32>
  %o4 = tensor.expand_shape %o [[0, 1], [2], [3]] output_shape [2, 4, 5, 8] : tensor<8x5x8xf32> into tensor<2x4x5x8xf32>
  return %o4 : tensor<2x4x5x8xf32>
}

func.func private @printMemrefF32(tensor<*xf32>)
func.func @main() {
  %e1 = tensor.empty() : tensor<2x4x5x8xf32>
  %g2 = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} outs(%e1 : tensor<2x4x5x8xf32>) {
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
  } -> tensor<2x4x5x8xf32>
  %e3 = tensor.empty() : tensor<2x2x6x8xf32>
  %g4 = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} outs(%e3 : tensor<2x2x6x8xf32>) {
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
    %i3 = linalg.index 3 : index
    %a3 = arith.index_cast %i3 : index to i64
    %f3 = arith.sitofp %a3 : i64 to f32
    %c3 = arith.constant 0.319 : f32
    %m3 = arith.mulf %f3, %c3 : f32
    %acc4 = arith.addf %acc3, %m3 : f32
    %sn = math.sin %acc4 : f32
    %amp = arith.constant 2.0 : f32
    %w = arith.mulf %sn, %amp : f32
    linalg.yield %w : f32
  } -> tensor<2x2x6x8xf32>
  %e5 = tensor.empty() : tensor<2x2x6x8xf32>
  %g6 = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} outs(%e5 : tensor<2x2x6x8xf32>) {
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
    %i3 = linalg.index 3 : index
    %a3 = arith.index_cast %i3 : index to i64
    %f3 = arith.sitofp %a3 : i64 to f32
    %c3 = arith.constant 0.444 : f32
    %m3 = arith.mulf %f3, %c3 : f32
    %acc4 = arith.addf %acc3, %m3 : f32
    %sn = math.sin %acc4 : f32
    %amp = arith.constant 2.0 : f32
    %w = arith.mulf %sn, %amp : f32
    linalg.yield %w : f32
  } -> tensor<2x2x6x8xf32>
  %r7 = call @attn(%g2, %g4, %g6) : (tensor<2x4x5x8xf32>, tensor<2x2x6x8xf32>, tensor<2x2x6x8xf32>) -> (tensor<2x4x5x8xf32>)
  %u8 = tensor.cast %r7 : tensor<2x4x5x8xf32> to tensor<*xf32>
  call @printMemrefF32(%u8) : (tensor<*xf32>) -> ()
  return
}
