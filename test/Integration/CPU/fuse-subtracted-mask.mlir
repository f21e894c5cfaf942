// Executed check of attn-fuse-attention on a bias subtracted from the
// scores, written s + (-bias) and s - bias (a decomposed `s - bias`, a
// negated ALiBi): the op's mask is -bias. Odd sizes B = 2, H = 3, Sq = 7,
// Skv = 9, D = 5, Dv = 6; the fused and the unfused programs must print the
// same numbers.
// RUN: attn-opt %s -attn-fuse-attention | FileCheck %s
// RUN: attn-opt %s -attn-cpu-pipeline="fuse=false" | mlir-runner -e main -entry-point-result=void -shared-libs=%runner_libs > %t.ref
// RUN: attn-opt %s -attn-cpu-pipeline="fuse=true" | mlir-runner -e main -entry-point-result=void -shared-libs=%runner_libs > %t.fused
// RUN: %python %attn_src/test/lib/compare_outputs.py %t.ref %t.fused --rtol 1e-4 --atol 1e-5

// CHECK-LABEL: func.func @neg_bias(
// CHECK: attn.attention
// CHECK-NOT: linalg.softmax
// CHECK: return
// CHECK-LABEL: func.func @sub_bias(
// CHECK: attn.attention
// CHECK-NOT: linalg.softmax
// CHECK: return

#q = affine_map<(b, h, i, j, d) -> (b, h, i, d)>
#k = affine_map<(b, h, i, j, d) -> (b, h, j, d)>
#s = affine_map<(b, h, i, j, d) -> (b, h, i, j)>
#p = affine_map<(b, h, i, e, j) -> (b, h, i, j)>
#v = affine_map<(b, h, i, e, j) -> (b, h, j, e)>
#o = affine_map<(b, h, i, e, j) -> (b, h, i, e)>
#id = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#m1 = affine_map<(d0, d1, d2, d3) -> (d0, 0, d2, d3)>
#row = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>
#row0 = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, 0)>
#gen = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>

func.func @neg_bias(%q: tensor<2x3x7x5xf32>, %k: tensor<2x3x9x5xf32>, %v: tensor<2x3x9x6xf32>, %bias: tensor<2x1x7x9xf32>) -> tensor<2x3x7x6xf32> {
  %zero = arith.constant 0.0 : f32
  %c = arith.constant 0.4472136 : f32
  %e = tensor.empty() : tensor<2x3x7x9xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<2x3x7x9xf32>) -> tensor<2x3x7x9xf32>
  %s = linalg.generic {indexing_maps = [#q, #k, #s], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%q, %k : tensor<2x3x7x5xf32>, tensor<2x3x9x5xf32>) outs(%f : tensor<2x3x7x9xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %m = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %m : f32
    linalg.yield %r : f32
  } -> tensor<2x3x7x9xf32>
  %sm = linalg.generic {indexing_maps = [#id, #m1, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%s, %bias : tensor<2x3x7x9xf32>, tensor<2x1x7x9xf32>) outs(%e : tensor<2x3x7x9xf32>) {
  ^bb0(%a: f32, %m: f32, %o: f32):
    %x = arith.mulf %a, %c : f32
    %nm = arith.negf %m : f32
    %r = arith.addf %x, %nm : f32
    linalg.yield %r : f32
  } -> tensor<2x3x7x9xf32>
  %p = linalg.softmax dimension(3) ins(%sm : tensor<2x3x7x9xf32>) outs(%e : tensor<2x3x7x9xf32>) -> tensor<2x3x7x9xf32>
  %eo = tensor.empty() : tensor<2x3x7x6xf32>
  %fo = linalg.fill ins(%zero : f32) outs(%eo : tensor<2x3x7x6xf32>) -> tensor<2x3x7x6xf32>
  %out = linalg.generic {indexing_maps = [#p, #v, #o], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%p, %v : tensor<2x3x7x9xf32>, tensor<2x3x9x6xf32>) outs(%fo : tensor<2x3x7x6xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %m = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %m : f32
    linalg.yield %r : f32
  } -> tensor<2x3x7x6xf32>
  return %out : tensor<2x3x7x6xf32>
}
func.func @sub_bias(%q: tensor<2x3x7x5xf32>, %k: tensor<2x3x9x5xf32>, %v: tensor<2x3x9x6xf32>, %bias: tensor<2x1x7x9xf32>) -> tensor<2x3x7x6xf32> {
  %zero = arith.constant 0.0 : f32
  %c = arith.constant 0.4472136 : f32
  %e = tensor.empty() : tensor<2x3x7x9xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<2x3x7x9xf32>) -> tensor<2x3x7x9xf32>
  %s = linalg.generic {indexing_maps = [#q, #k, #s], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%q, %k : tensor<2x3x7x5xf32>, tensor<2x3x9x5xf32>) outs(%f : tensor<2x3x7x9xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %m = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %m : f32
    linalg.yield %r : f32
  } -> tensor<2x3x7x9xf32>
  %sm = linalg.generic {indexing_maps = [#id, #m1, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%s, %bias : tensor<2x3x7x9xf32>, tensor<2x1x7x9xf32>) outs(%e : tensor<2x3x7x9xf32>) {
  ^bb0(%a: f32, %m: f32, %o: f32):
    %x = arith.mulf %a, %c : f32
    %r = arith.subf %x, %m : f32
    linalg.yield %r : f32
  } -> tensor<2x3x7x9xf32>
  %p = linalg.softmax dimension(3) ins(%sm : tensor<2x3x7x9xf32>) outs(%e : tensor<2x3x7x9xf32>) -> tensor<2x3x7x9xf32>
  %eo = tensor.empty() : tensor<2x3x7x6xf32>
  %fo = linalg.fill ins(%zero : f32) outs(%eo : tensor<2x3x7x6xf32>) -> tensor<2x3x7x6xf32>
  %out = linalg.generic {indexing_maps = [#p, #v, #o], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%p, %v : tensor<2x3x7x9xf32>, tensor<2x3x9x6xf32>) outs(%fo : tensor<2x3x7x6xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %m = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %m : f32
    linalg.yield %r : f32
  } -> tensor<2x3x7x6xf32>
  return %out : tensor<2x3x7x6xf32>
}
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

func.func @main() {
  %q_e = tensor.empty() : tensor<2x3x7x5xf32>
  %q_d = tensor.cast %q_e : tensor<2x3x7x5xf32> to tensor<?x?x?x?xf32>
  %q_s = arith.constant 0.0 : f32
  %q_a = arith.constant 2.0 : f32
  %q_r = call @fill(%q_d, %q_s, %q_a) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %q = tensor.cast %q_r : tensor<?x?x?x?xf32> to tensor<2x3x7x5xf32>
  %k_e = tensor.empty() : tensor<2x3x9x5xf32>
  %k_d = tensor.cast %k_e : tensor<2x3x9x5xf32> to tensor<?x?x?x?xf32>
  %k_s = arith.constant 1.7 : f32
  %k_a = arith.constant 2.0 : f32
  %k_r = call @fill(%k_d, %k_s, %k_a) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %k = tensor.cast %k_r : tensor<?x?x?x?xf32> to tensor<2x3x9x5xf32>
  %v_e = tensor.empty() : tensor<2x3x9x6xf32>
  %v_d = tensor.cast %v_e : tensor<2x3x9x6xf32> to tensor<?x?x?x?xf32>
  %v_s = arith.constant 2.9 : f32
  %v_a = arith.constant 2.0 : f32
  %v_r = call @fill(%v_d, %v_s, %v_a) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %v = tensor.cast %v_r : tensor<?x?x?x?xf32> to tensor<2x3x9x6xf32>
  %bias_e = tensor.empty() : tensor<2x1x7x9xf32>
  %bias_d = tensor.cast %bias_e : tensor<2x1x7x9xf32> to tensor<?x?x?x?xf32>
  %bias_s = arith.constant 0.6 : f32
  %bias_a = arith.constant 3.0 : f32
  %bias_r = call @fill(%bias_d, %bias_s, %bias_a) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %bias = tensor.cast %bias_r : tensor<?x?x?x?xf32> to tensor<2x1x7x9xf32>
  %o_neg_bias = call @neg_bias(%q, %k, %v, %bias) : (tensor<2x3x7x5xf32>, tensor<2x3x9x5xf32>, tensor<2x3x9x6xf32>, tensor<2x1x7x9xf32>) -> tensor<2x3x7x6xf32>
  %u_neg_bias = tensor.cast %o_neg_bias : tensor<2x3x7x6xf32> to tensor<*xf32>
  call @printMemrefF32(%u_neg_bias) : (tensor<*xf32>) -> ()
  %o_sub_bias = call @sub_bias(%q, %k, %v, %bias) : (tensor<2x3x7x5xf32>, tensor<2x3x9x5xf32>, tensor<2x3x9x6xf32>, tensor<2x1x7x9xf32>) -> tensor<2x3x7x6xf32>
  %u_sub_bias = tensor.cast %o_sub_bias : tensor<2x3x7x6xf32> to tensor<*xf32>
  call @printMemrefF32(%u_sub_bias) : (tensor<*xf32>) -> ()
  return
}

func.func private @printMemrefF32(tensor<*xf32>)
