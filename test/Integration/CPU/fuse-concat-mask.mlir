// Executed check of attn-fuse-attention on Hugging Face's `_make_causal_mask`
// with a KV cache, as torch-mlir lowers it: finfo.min masked to 0 where
// arange[j] < arange[i] + 1, then `torch.cat` with zeros for the 3 cached
// keys (tensor.concat along the keys), broadcast over batch and heads and
// added to the scaled scores. Sq = 4, Skv = 7, B = 1, H = 2, D = 5, Dv = 6;
// inputs are 2 * sin(...) of their indices. The concatenated mask is the
// op's mask operand (evaluated densely: no causal attribute is derived
// through the concat). The fused and the unfused programs must print the
// same numbers (rtol 1e-4, atol 1e-5).
// RUN: attn-opt %s -attn-fuse-attention | FileCheck %s
// RUN: attn-opt %s -attn-cpu-pipeline="fuse=false" | mlir-runner -e main -entry-point-result=void -shared-libs=%runner_libs > %t.ref
// RUN: attn-opt %s -attn-cpu-pipeline="fuse=true" | mlir-runner -e main -entry-point-result=void -shared-libs=%runner_libs > %t.fused
// RUN: %python %attn_src/test/lib/compare_outputs.py %t.ref %t.fused --rtol 1e-4 --atol 1e-5

// CHECK-LABEL: func.func @hf_cat
// CHECK: %[[CAT:.*]] = tensor.concat dim(1)
// CHECK: attn.attention ins(%arg0, %arg1, %arg2 : tensor<1x2x4x5xf32>, tensor<1x2x7x5xf32>, tensor<1x2x7x6xf32>) mask(%[[CAT]] : tensor<4x7xf32>)
// CHECK-SAME: scale = 5.000000e-01 ->
// CHECK-NOT: linalg.softmax

#q = affine_map<(b, h, i, j, d) -> (b, h, i, d)>
#k = affine_map<(b, h, i, j, d) -> (b, h, j, d)>
#s = affine_map<(b, h, i, j, d) -> (b, h, i, j)>
#p = affine_map<(b, h, i, e, j) -> (b, h, i, j)>
#v = affine_map<(b, h, i, e, j) -> (b, h, j, e)>
#o = affine_map<(b, h, i, e, j) -> (b, h, i, e)>
#id = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#bc = affine_map<(d0, d1, d2, d3) -> (0, 0, d2, d3)>
#i1d = affine_map<(d0) -> (d0)>
#r2 = affine_map<(d0, d1) -> (d0, d1)>
#row = affine_map<(d0, d1) -> (d0)>
#col = affine_map<(d0, d1) -> (d1)>
func.func @hf_cat(%q: tensor<1x2x4x5xf32>, %k: tensor<1x2x7x5xf32>, %v: tensor<1x2x7x6xf32>) -> tensor<1x2x4x6xf32> {
  %zero = arith.constant 0.0 : f32
  %min = arith.constant -3.40282347E+38 : f32
  %c = arith.constant 0.5 : f32
  %one = arith.constant 1 : i64
  %fm = tensor.empty() : tensor<4x4xf32>
  %full = linalg.fill ins(%min : f32) outs(%fm : tensor<4x4xf32>) -> tensor<4x4xf32>
  %ae = tensor.empty() : tensor<4xi64>
  %ar = linalg.generic {indexing_maps = [#i1d], iterator_types = ["parallel"]} outs(%ae : tensor<4xi64>) {
  ^bb0(%o: i64):
    %i = linalg.index 0 : index
    %ii = arith.index_cast %i : index to i64
    linalg.yield %ii : i64
  } -> tensor<4xi64>
  %mk = linalg.generic {indexing_maps = [#col, #row, #r2, #r2], iterator_types = ["parallel", "parallel"]} ins(%ar, %ar, %full : tensor<4xi64>, tensor<4xi64>, tensor<4x4xf32>) outs(%fm : tensor<4x4xf32>) {
  ^bb0(%aj: i64, %ai: i64, %fv: f32, %o: f32):
    %ai1 = arith.addi %ai, %one : i64
    %lt = arith.cmpi slt, %aj, %ai1 : i64
    %r = arith.select %lt, %zero, %fv : f32
    linalg.yield %r : f32
  } -> tensor<4x4xf32>
  %ze = tensor.empty() : tensor<4x3xf32>
  %zs = linalg.fill ins(%zero : f32) outs(%ze : tensor<4x3xf32>) -> tensor<4x3xf32>
  %cat = tensor.concat dim(1) %zs, %mk : (tensor<4x3xf32>, tensor<4x4xf32>) -> tensor<4x7xf32>
  %m4 = tensor.expand_shape %cat [[0, 1, 2], [3]] output_shape [1, 1, 4, 7] : tensor<4x7xf32> into tensor<1x1x4x7xf32>
  %e = tensor.empty() : tensor<1x2x4x7xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<1x2x4x7xf32>) -> tensor<1x2x4x7xf32>
  %s = linalg.generic {indexing_maps = [#q, #k, #s], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%q, %k : tensor<1x2x4x5xf32>, tensor<1x2x7x5xf32>) outs(%f : tensor<1x2x4x7xf32>) {
  ^bb0(%a: f32, %bb: f32, %acc: f32):
    %mm = arith.mulf %a, %bb : f32
    %r = arith.addf %acc, %mm : f32
    linalg.yield %r : f32
  } -> tensor<1x2x4x7xf32>
  %ss = linalg.generic {indexing_maps = [#id, #bc, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%s, %m4 : tensor<1x2x4x7xf32>, tensor<1x1x4x7xf32>) outs(%e : tensor<1x2x4x7xf32>) {
  ^bb0(%a: f32, %mv: f32, %o: f32):
    %sc = arith.mulf %a, %c : f32
    %r = arith.addf %sc, %mv : f32
    linalg.yield %r : f32
  } -> tensor<1x2x4x7xf32>
  %sm = linalg.softmax dimension(3) ins(%ss : tensor<1x2x4x7xf32>) outs(%e : tensor<1x2x4x7xf32>) -> tensor<1x2x4x7xf32>
  %eo = tensor.empty() : tensor<1x2x4x6xf32>
  %fo = linalg.fill ins(%zero : f32) outs(%eo : tensor<1x2x4x6xf32>) -> tensor<1x2x4x6xf32>
  %o = linalg.generic {indexing_maps = [#p, #v, #o], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%sm, %v : tensor<1x2x4x7xf32>, tensor<1x2x7x6xf32>) outs(%fo : tensor<1x2x4x6xf32>) {
  ^bb0(%a: f32, %bb: f32, %acc: f32):
    %mm = arith.mulf %a, %bb : f32
    %r = arith.addf %acc, %mm : f32
    linalg.yield %r : f32
  } -> tensor<1x2x4x6xf32>
  return %o : tensor<1x2x4x6xf32>
}

func.func @main() {
  %q_e = tensor.empty() : tensor<1x2x4x5xf32>
  %q_d = tensor.cast %q_e : tensor<1x2x4x5xf32> to tensor<?x?x?x?xf32>
  %q_s = arith.constant 0.0 : f32
  %q_a = arith.constant 2.0 : f32
  %q_r = call @fill(%q_d, %q_s, %q_a) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %q = tensor.cast %q_r : tensor<?x?x?x?xf32> to tensor<1x2x4x5xf32>
  %k_e = tensor.empty() : tensor<1x2x7x5xf32>
  %k_d = tensor.cast %k_e : tensor<1x2x7x5xf32> to tensor<?x?x?x?xf32>
  %k_s = arith.constant 1.7 : f32
  %k_a = arith.constant 2.0 : f32
  %k_r = call @fill(%k_d, %k_s, %k_a) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %k = tensor.cast %k_r : tensor<?x?x?x?xf32> to tensor<1x2x7x5xf32>
  %v_e = tensor.empty() : tensor<1x2x7x6xf32>
  %v_d = tensor.cast %v_e : tensor<1x2x7x6xf32> to tensor<?x?x?x?xf32>
  %v_s = arith.constant 2.9 : f32
  %v_a = arith.constant 2.0 : f32
  %v_r = call @fill(%v_d, %v_s, %v_a) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %v = tensor.cast %v_r : tensor<?x?x?x?xf32> to tensor<1x2x7x6xf32>
  %o = call @hf_cat(%q, %k, %v) : (tensor<1x2x4x5xf32>, tensor<1x2x7x5xf32>, tensor<1x2x7x6xf32>) -> tensor<1x2x4x6xf32>
  %u = tensor.cast %o : tensor<1x2x4x6xf32> to tensor<*xf32>
  call @printMemrefF32(%u) : (tensor<*xf32>) -> ()
  return
}

#gen = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
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
