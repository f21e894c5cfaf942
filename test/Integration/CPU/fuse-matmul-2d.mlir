// Executed check of attn-fuse-attention on a per-head 2-D chain of
// linalg.matmul: K transposed by linalg.transpose, the scale folded into Q
// before the first product (q / 2), the softmax decomposed as linalg.reduce
// (maxnumf), one generic fusing sub + exp, a sum-reduce generic, a
// reciprocal generic and a multiplication by 1 / sum. Odd sizes: Sq = 7,
// Skv = 9, D = 5, Dv = 6; inputs are 2 * sin(...) of their indices. The
// fused op reads [1, 1, S, D] expand_shapes of the 2-D operands. The fused
// and the unfused programs must print the same numbers (rtol 1e-4,
// atol 1e-5).
// RUN: attn-opt %s -attn-fuse-attention | FileCheck %s
// RUN: attn-opt %s -attn-cpu-pipeline="fuse=false" | mlir-runner -e main -entry-point-result=void -shared-libs=%runner_libs > %t.ref
// RUN: attn-opt %s -attn-cpu-pipeline="fuse=true" | mlir-runner -e main -entry-point-result=void -shared-libs=%runner_libs > %t.fused
// RUN: %python %attn_src/test/lib/compare_outputs.py %t.ref %t.fused --rtol 1e-4 --atol 1e-5

// CHECK-LABEL: func.func @matmul_2d
// CHECK-SAME: %[[Q:[a-z0-9]+]]: tensor<7x5xf32>, %[[K:[a-z0-9]+]]: tensor<9x5xf32>, %[[V:[a-z0-9]+]]: tensor<9x6xf32>
// CHECK-DAG: %[[Q4:.+]] = tensor.expand_shape %[[Q]] {{\[}}[0, 1, 2], [3]] output_shape [1, 1, 7, 5]
// CHECK-DAG: %[[K4:.+]] = tensor.expand_shape %[[K]] {{\[}}[0, 1, 2], [3]] output_shape [1, 1, 9, 5]
// CHECK-DAG: %[[V4:.+]] = tensor.expand_shape %[[V]] {{\[}}[0, 1, 2], [3]] output_shape [1, 1, 9, 6]
// CHECK: %[[R:.+]] = attn.attention ins(%[[Q4]], %[[K4]], %[[V4]] :
// CHECK-SAME: scale = 5.000000e-01
// CHECK-NOT: causal
// CHECK-NOT: mask(
// CHECK-SAME: -> tensor<1x1x7x6xf32>
// CHECK: %[[C:.+]] = tensor.collapse_shape %[[R]] {{\[}}[0, 1, 2], [3]]
// CHECK-NOT: linalg.matmul
// CHECK-NOT: math.exp
// CHECK: return %[[C]]

#id2 = affine_map<(d0, d1) -> (d0, d1)>
#row2 = affine_map<(d0, d1) -> (d0)>
#id1 = affine_map<(d0) -> (d0)>
func.func @matmul_2d(%q: tensor<7x5xf32>, %k: tensor<9x5xf32>, %v: tensor<9x6xf32>) -> tensor<7x6xf32> {
  %zero = arith.constant 0.0 : f32
  %one = arith.constant 1.0 : f32
  %two = arith.constant 2.0 : f32
  %ninf = arith.constant 0xFF800000 : f32
  %eq = tensor.empty() : tensor<7x5xf32>
  %qs = linalg.generic {indexing_maps = [#id2, #id2], iterator_types = ["parallel", "parallel"]} ins(%q : tensor<7x5xf32>) outs(%eq : tensor<7x5xf32>) {
  ^bb0(%a: f32, %o: f32):
    %r = arith.divf %a, %two : f32
    linalg.yield %r : f32
  } -> tensor<7x5xf32>
  %ek = tensor.empty() : tensor<5x9xf32>
  %kt = linalg.transpose ins(%k : tensor<9x5xf32>) outs(%ek : tensor<5x9xf32>) permutation = [1, 0]
  %e = tensor.empty() : tensor<7x9xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<7x9xf32>) -> tensor<7x9xf32>
  %s = linalg.matmul ins(%qs, %kt : tensor<7x5xf32>, tensor<5x9xf32>) outs(%f : tensor<7x9xf32>) -> tensor<7x9xf32>
  %er = tensor.empty() : tensor<7xf32>
  %fm = linalg.fill ins(%ninf : f32) outs(%er : tensor<7xf32>) -> tensor<7xf32>
  %mx = linalg.reduce ins(%s : tensor<7x9xf32>) outs(%fm : tensor<7xf32>) dimensions = [1]
    (%in: f32, %init: f32) {
      %r = arith.maxnumf %in, %init : f32
      linalg.yield %r : f32
    }
  %ex = linalg.generic {indexing_maps = [#id2, #row2, #id2], iterator_types = ["parallel", "parallel"]} ins(%s, %mx : tensor<7x9xf32>, tensor<7xf32>) outs(%e : tensor<7x9xf32>) {
  ^bb0(%a: f32, %b: f32, %o: f32):
    %d = arith.subf %a, %b : f32
    %x = math.exp %d : f32
    linalg.yield %x : f32
  } -> tensor<7x9xf32>
  %fs = linalg.fill ins(%zero : f32) outs(%er : tensor<7xf32>) -> tensor<7xf32>
  %sum = linalg.generic {indexing_maps = [#id2, #row2], iterator_types = ["parallel", "reduction"]} ins(%ex : tensor<7x9xf32>) outs(%fs : tensor<7xf32>) {
  ^bb0(%a: f32, %acc: f32):
    %r = arith.addf %a, %acc : f32
    linalg.yield %r : f32
  } -> tensor<7xf32>
  %rcp = linalg.generic {indexing_maps = [#id1, #id1], iterator_types = ["parallel"]} ins(%sum : tensor<7xf32>) outs(%er : tensor<7xf32>) {
  ^bb0(%a: f32, %o: f32):
    %r = arith.divf %one, %a : f32
    linalg.yield %r : f32
  } -> tensor<7xf32>
  %p = linalg.generic {indexing_maps = [#id2, #row2, #id2], iterator_types = ["parallel", "parallel"]} ins(%ex, %rcp : tensor<7x9xf32>, tensor<7xf32>) outs(%e : tensor<7x9xf32>) {
  ^bb0(%a: f32, %b: f32, %o: f32):
    %r = arith.mulf %a, %b : f32
    linalg.yield %r : f32
  } -> tensor<7x9xf32>
  %eo = tensor.empty() : tensor<7x6xf32>
  %fo = linalg.fill ins(%zero : f32) outs(%eo : tensor<7x6xf32>) -> tensor<7x6xf32>
  %o = linalg.matmul ins(%p, %v : tensor<7x9xf32>, tensor<9x6xf32>) outs(%fo : tensor<7x6xf32>) -> tensor<7x6xf32>
  return %o : tensor<7x6xf32>
}

#gen = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
// Fills a tensor with amp * sin(0.37*i0 + 1.3*i1 + 0.71*i2 + 0.113*i3 + seed):
// deterministic, non-constant values of both signs.
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
  %q_e = tensor.empty() : tensor<1x1x7x5xf32>
  %q_d = tensor.cast %q_e : tensor<1x1x7x5xf32> to tensor<?x?x?x?xf32>
  %q_s = arith.constant 0.0 : f32
  %q_a = arith.constant 2.0 : f32
  %q_r = call @fill(%q_d, %q_s, %q_a) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %q_4 = tensor.cast %q_r : tensor<?x?x?x?xf32> to tensor<1x1x7x5xf32>
  %q = tensor.collapse_shape %q_4 [[0, 1, 2], [3]] : tensor<1x1x7x5xf32> into tensor<7x5xf32>
  %k_e = tensor.empty() : tensor<1x1x9x5xf32>
  %k_d = tensor.cast %k_e : tensor<1x1x9x5xf32> to tensor<?x?x?x?xf32>
  %k_s = arith.constant 1.7 : f32
  %k_a = arith.constant 2.0 : f32
  %k_r = call @fill(%k_d, %k_s, %k_a) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %k_4 = tensor.cast %k_r : tensor<?x?x?x?xf32> to tensor<1x1x9x5xf32>
  %k = tensor.collapse_shape %k_4 [[0, 1, 2], [3]] : tensor<1x1x9x5xf32> into tensor<9x5xf32>
  %v_e = tensor.empty() : tensor<1x1x9x6xf32>
  %v_d = tensor.cast %v_e : tensor<1x1x9x6xf32> to tensor<?x?x?x?xf32>
  %v_s = arith.constant 2.9 : f32
  %v_a = arith.constant 2.0 : f32
  %v_r = call @fill(%v_d, %v_s, %v_a) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %v_4 = tensor.cast %v_r : tensor<?x?x?x?xf32> to tensor<1x1x9x6xf32>
  %v = tensor.collapse_shape %v_4 [[0, 1, 2], [3]] : tensor<1x1x9x6xf32> into tensor<9x6xf32>
  %o = call @matmul_2d(%q, %k, %v) : (tensor<7x5xf32>, tensor<9x5xf32>, tensor<9x6xf32>) -> tensor<7x6xf32>
  %u_o = tensor.cast %o : tensor<7x6xf32> to tensor<*xf32>
  call @printMemrefF32(%u_o) : (tensor<*xf32>) -> ()
  return
}
