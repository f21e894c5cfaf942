// The causal buffers of fuse-kv-cache-slice.mlir stored as dense_resource
// blobs, the way torch-mlir's importer emits a model's registered buffers
// (GPT-2's `bias`): attn-fuse-attention reads the blob and still finds the
// band (causal attributes, no dense mask); the fused and the unfused
// programs print the same numbers. Without the blob (a resource handle with
// no data) the mask stays a tensor operand.
// RUN: attn-opt %s -attn-fuse-attention | FileCheck %s
// The reference: the unfused chains of fuse-kv-cache-slice.mlir, whose
// buffers are the same values written as dense constants (MLIR 22's LLVM
// translation has no conversion for an i1 dense_resource global, so the
// unfused form of this file does not compile).
// RUN: attn-opt %S/fuse-kv-cache-slice.mlir -attn-cpu-pipeline="fuse=false" | mlir-runner -e main -entry-point-result=void -shared-libs=%runner_libs > %t.ref
// RUN: attn-opt %s -attn-cpu-pipeline="fuse=true" | mlir-runner -e main -entry-point-result=void -shared-libs=%runner_libs > %t.fused
// RUN: %python %attn_src/test/lib/compare_outputs.py %t.ref %t.fused --rtol 1e-4 --atol 1e-5

// CHECK-LABEL: func.func @gpt2_slice(
//   CHECK-NOT:   tensor.extract_slice
//       CHECK:   attn.attention
//   CHECK-NOT:   mask(
//  CHECK-SAME:   causal = bottom_right
//   CHECK-NOT:   window
//       CHECK:   return
// CHECK-LABEL: func.func @float_slice_rank_reduced(
//       CHECK:   attn.attention
//   CHECK-NOT:   mask(
//  CHECK-SAME:   causal = top_left
//       CHECK:   return
// The slice at row 9, column 1 keeps j <= i + 8: two keys past the
// bottom-right diagonal (Skv - Sq = 6), a window [-1, 2] without causal.
// CHECK-LABEL: func.func @slice_column_offset(
//       CHECK:   attn.attention
//   CHECK-NOT:   mask(
//  CHECK-SAME:   window = [-1, 2]
//       CHECK:   return

#q = affine_map<(b, h, i, j, d) -> (b, h, i, d)>
#k = affine_map<(b, h, i, j, d) -> (b, h, j, d)>
#s = affine_map<(b, h, i, j, d) -> (b, h, i, j)>
#p = affine_map<(b, h, i, e, j) -> (b, h, i, j)>
#v = affine_map<(b, h, i, e, j) -> (b, h, j, e)>
#o = affine_map<(b, h, i, e, j) -> (b, h, i, e)>
#id = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#gen = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#m11 = affine_map<(d0, d1, d2, d3) -> (0, 0, d2, d3)>
#m2 = affine_map<(d0, d1, d2, d3) -> (d2, d3)>

func.func @gpt2_slice(%q: tensor<2x3x5x8xf32>, %k: tensor<2x3x11x8xf32>, %v: tensor<2x3x11x8xf32>) -> tensor<2x3x5x8xf32> {
  %zero = arith.constant 0.0 : f32
  %ninf = arith.constant 0xFF800000 : f32
  %c = arith.constant 0.35355339 : f32
  %buf = arith.constant dense_resource<gpt2_bias> : tensor<1x1x16x16xi1>
  %m = tensor.extract_slice %buf[0, 0, 6, 0] [1, 1, 5, 11] [1, 1, 1, 1] : tensor<1x1x16x16xi1> to tensor<1x1x5x11xi1>
  %e = tensor.empty() : tensor<2x3x5x11xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<2x3x5x11xf32>) -> tensor<2x3x5x11xf32>
  %s = linalg.generic {indexing_maps = [#q, #k, #s], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%q, %k : tensor<2x3x5x8xf32>, tensor<2x3x11x8xf32>) outs(%f : tensor<2x3x5x11xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %mm = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %mm : f32
    linalg.yield %r : f32
  } -> tensor<2x3x5x11xf32>
  %ss = linalg.generic {indexing_maps = [#id, #m11, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%s, %m : tensor<2x3x5x11xf32>, tensor<1x1x5x11xi1>) outs(%e : tensor<2x3x5x11xf32>) {
  ^bb0(%a: f32, %mv: i1, %o: f32):
    %x = arith.mulf %a, %c : f32
    %r = arith.select %mv, %x, %ninf : f32
    linalg.yield %r : f32
  } -> tensor<2x3x5x11xf32>
  %sm = linalg.softmax dimension(3) ins(%ss : tensor<2x3x5x11xf32>) outs(%e : tensor<2x3x5x11xf32>) -> tensor<2x3x5x11xf32>
  %eo = tensor.empty() : tensor<2x3x5x8xf32>
  %fo = linalg.fill ins(%zero : f32) outs(%eo : tensor<2x3x5x8xf32>) -> tensor<2x3x5x8xf32>
  %out = linalg.generic {indexing_maps = [#p, #v, #o], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%sm, %v : tensor<2x3x5x11xf32>, tensor<2x3x11x8xf32>) outs(%fo : tensor<2x3x5x8xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %mm = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %mm : f32
    linalg.yield %r : f32
  } -> tensor<2x3x5x8xf32>
  return %out : tensor<2x3x5x8xf32>
}

func.func @float_slice_rank_reduced(%q: tensor<2x3x7x8xf32>, %k: tensor<2x3x7x8xf32>, %v: tensor<2x3x7x8xf32>) -> tensor<2x3x7x8xf32> {
  %zero = arith.constant 0.0 : f32
  %ninf = arith.constant 0xFF800000 : f32
  %c = arith.constant 0.35355339 : f32
  %buf = arith.constant dense_resource<causal_f32> : tensor<1x16x16xf32>
  %m = tensor.extract_slice %buf[0, 0, 0] [1, 7, 7] [1, 1, 1] : tensor<1x16x16xf32> to tensor<7x7xf32>
  %e = tensor.empty() : tensor<2x3x7x7xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<2x3x7x7xf32>) -> tensor<2x3x7x7xf32>
  %s = linalg.generic {indexing_maps = [#q, #k, #s], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%q, %k : tensor<2x3x7x8xf32>, tensor<2x3x7x8xf32>) outs(%f : tensor<2x3x7x7xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %mm = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %mm : f32
    linalg.yield %r : f32
  } -> tensor<2x3x7x7xf32>
  %ss = linalg.generic {indexing_maps = [#id, #m2, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%s, %m : tensor<2x3x7x7xf32>, tensor<7x7xf32>) outs(%e : tensor<2x3x7x7xf32>) {
  ^bb0(%a: f32, %mv: f32, %o: f32):
    %x = arith.mulf %a, %c : f32
    %r = arith.addf %x, %mv : f32
    linalg.yield %r : f32
  } -> tensor<2x3x7x7xf32>
  %sm = linalg.softmax dimension(3) ins(%ss : tensor<2x3x7x7xf32>) outs(%e : tensor<2x3x7x7xf32>) -> tensor<2x3x7x7xf32>
  %eo = tensor.empty() : tensor<2x3x7x8xf32>
  %fo = linalg.fill ins(%zero : f32) outs(%eo : tensor<2x3x7x8xf32>) -> tensor<2x3x7x8xf32>
  %out = linalg.generic {indexing_maps = [#p, #v, #o], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%sm, %v : tensor<2x3x7x7xf32>, tensor<2x3x7x8xf32>) outs(%fo : tensor<2x3x7x8xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %mm = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %mm : f32
    linalg.yield %r : f32
  } -> tensor<2x3x7x8xf32>
  return %out : tensor<2x3x7x8xf32>
}

func.func @slice_column_offset(%q: tensor<2x3x5x8xf32>, %k: tensor<2x3x11x8xf32>, %v: tensor<2x3x11x8xf32>) -> tensor<2x3x5x8xf32> {
  %zero = arith.constant 0.0 : f32
  %ninf = arith.constant 0xFF800000 : f32
  %c = arith.constant 0.35355339 : f32
  %buf = arith.constant dense_resource<gpt2_bias> : tensor<1x1x16x16xi1>
  %m = tensor.extract_slice %buf[0, 0, 9, 1] [1, 1, 5, 11] [1, 1, 1, 1] : tensor<1x1x16x16xi1> to tensor<1x1x5x11xi1>
  %e = tensor.empty() : tensor<2x3x5x11xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<2x3x5x11xf32>) -> tensor<2x3x5x11xf32>
  %s = linalg.generic {indexing_maps = [#q, #k, #s], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%q, %k : tensor<2x3x5x8xf32>, tensor<2x3x11x8xf32>) outs(%f : tensor<2x3x5x11xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %mm = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %mm : f32
    linalg.yield %r : f32
  } -> tensor<2x3x5x11xf32>
  %ss = linalg.generic {indexing_maps = [#id, #m11, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%s, %m : tensor<2x3x5x11xf32>, tensor<1x1x5x11xi1>) outs(%e : tensor<2x3x5x11xf32>) {
  ^bb0(%a: f32, %mv: i1, %o: f32):
    %x = arith.mulf %a, %c : f32
    %r = arith.select %mv, %x, %ninf : f32
    linalg.yield %r : f32
  } -> tensor<2x3x5x11xf32>
  %sm = linalg.softmax dimension(3) ins(%ss : tensor<2x3x5x11xf32>) outs(%e : tensor<2x3x5x11xf32>) -> tensor<2x3x5x11xf32>
  %eo = tensor.empty() : tensor<2x3x5x8xf32>
  %fo = linalg.fill ins(%zero : f32) outs(%eo : tensor<2x3x5x8xf32>) -> tensor<2x3x5x8xf32>
  %out = linalg.generic {indexing_maps = [#p, #v, #o], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%sm, %v : tensor<2x3x5x11xf32>, tensor<2x3x11x8xf32>) outs(%fo : tensor<2x3x5x8xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %mm = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %mm : f32
    linalg.yield %r : f32
  } -> tensor<2x3x5x8xf32>
  return %out : tensor<2x3x5x8xf32>
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
  %q_e = tensor.empty() : tensor<2x3x5x8xf32>
  %q_d = tensor.cast %q_e : tensor<2x3x5x8xf32> to tensor<?x?x?x?xf32>
  %q_s = arith.constant 0.0 : f32
  %q_a = arith.constant 2.0 : f32
  %q_r = call @fill(%q_d, %q_s, %q_a) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %q = tensor.cast %q_r : tensor<?x?x?x?xf32> to tensor<2x3x5x8xf32>
  %k_e = tensor.empty() : tensor<2x3x11x8xf32>
  %k_d = tensor.cast %k_e : tensor<2x3x11x8xf32> to tensor<?x?x?x?xf32>
  %k_s = arith.constant 1.7 : f32
  %k_a = arith.constant 2.0 : f32
  %k_r = call @fill(%k_d, %k_s, %k_a) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %k = tensor.cast %k_r : tensor<?x?x?x?xf32> to tensor<2x3x11x8xf32>
  %v_e = tensor.empty() : tensor<2x3x11x8xf32>
  %v_d = tensor.cast %v_e : tensor<2x3x11x8xf32> to tensor<?x?x?x?xf32>
  %v_s = arith.constant 2.9 : f32
  %v_a = arith.constant 2.0 : f32
  %v_r = call @fill(%v_d, %v_s, %v_a) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %v = tensor.cast %v_r : tensor<?x?x?x?xf32> to tensor<2x3x11x8xf32>
  %q7_e = tensor.empty() : tensor<2x3x7x8xf32>
  %q7_d = tensor.cast %q7_e : tensor<2x3x7x8xf32> to tensor<?x?x?x?xf32>
  %q7_s = arith.constant 0.4 : f32
  %q7_a = arith.constant 2.0 : f32
  %q7_r = call @fill(%q7_d, %q7_s, %q7_a) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %q7 = tensor.cast %q7_r : tensor<?x?x?x?xf32> to tensor<2x3x7x8xf32>
  %k7_e = tensor.empty() : tensor<2x3x7x8xf32>
  %k7_d = tensor.cast %k7_e : tensor<2x3x7x8xf32> to tensor<?x?x?x?xf32>
  %k7_s = arith.constant 1.1 : f32
  %k7_a = arith.constant 2.0 : f32
  %k7_r = call @fill(%k7_d, %k7_s, %k7_a) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %k7 = tensor.cast %k7_r : tensor<?x?x?x?xf32> to tensor<2x3x7x8xf32>
  %v7_e = tensor.empty() : tensor<2x3x7x8xf32>
  %v7_d = tensor.cast %v7_e : tensor<2x3x7x8xf32> to tensor<?x?x?x?xf32>
  %v7_s = arith.constant 2.3 : f32
  %v7_a = arith.constant 2.0 : f32
  %v7_r = call @fill(%v7_d, %v7_s, %v7_a) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %v7 = tensor.cast %v7_r : tensor<?x?x?x?xf32> to tensor<2x3x7x8xf32>
  %o_gpt2_slice = call @gpt2_slice(%q, %k, %v) : (tensor<2x3x5x8xf32>, tensor<2x3x11x8xf32>, tensor<2x3x11x8xf32>) -> tensor<2x3x5x8xf32>
  %u_gpt2_slice = tensor.cast %o_gpt2_slice : tensor<2x3x5x8xf32> to tensor<*xf32>
  call @printMemrefF32(%u_gpt2_slice) : (tensor<*xf32>) -> ()
  %o_float_slice_rank_reduced = call @float_slice_rank_reduced(%q7, %k7, %v7) : (tensor<2x3x7x8xf32>, tensor<2x3x7x8xf32>, tensor<2x3x7x8xf32>) -> tensor<2x3x7x8xf32>
  %u_float_slice_rank_reduced = tensor.cast %o_float_slice_rank_reduced : tensor<2x3x7x8xf32> to tensor<*xf32>
  call @printMemrefF32(%u_float_slice_rank_reduced) : (tensor<*xf32>) -> ()
  %o_slice_column_offset = call @slice_column_offset(%q, %k, %v) : (tensor<2x3x5x8xf32>, tensor<2x3x11x8xf32>, tensor<2x3x11x8xf32>) -> tensor<2x3x5x8xf32>
  %u_slice_column_offset = tensor.cast %o_slice_column_offset : tensor<2x3x5x8xf32> to tensor<*xf32>
  call @printMemrefF32(%u_slice_column_offset) : (tensor<*xf32>) -> ()
  return
}

func.func private @printMemrefF32(tensor<*xf32>)

{-#
  dialect_resources: {
    builtin: {
      gpt2_bias: "0x0100000001000000000000000000000000000000010100000000000000000000000000000101010000000000000000000000000001010101000000000000000000000000010101010100000000000000000000000101010101010000000000000000000001010101010101000000000000000000010101010101010100000000000000000101010101010101010000000000000001010101010101010101000000000000010101010101010101010100000000000101010101010101010101010000000001010101010101010101010101000000010101010101010101010101010100000101010101010101010101010101010001010101010101010101010101010101",
      causal_f32: "0x0400000000000000000080FF000080FF000080FF000080FF000080FF000080FF000080FF000080FF000080FF000080FF000080FF000080FF000080FF000080FF000080FF0000000000000000000080FF000080FF000080FF000080FF000080FF000080FF000080FF000080FF000080FF000080FF000080FF000080FF000080FF000080FF000000000000000000000000000080FF000080FF000080FF000080FF000080FF000080FF000080FF000080FF000080FF000080FF000080FF000080FF000080FF00000000000000000000000000000000000080FF000080FF000080FF000080FF000080FF000080FF000080FF000080FF000080FF000080FF000080FF000080FF0000000000000000000000000000000000000000000080FF000080FF000080FF000080FF000080FF000080FF000080FF000080FF000080FF000080FF000080FF000000000000000000000000000000000000000000000000000080FF000080FF000080FF000080FF000080FF000080FF000080FF000080FF000080FF000080FF00000000000000000000000000000000000000000000000000000000000080FF000080FF000080FF000080FF000080FF000080FF000080FF000080FF000080FF0000000000000000000000000000000000000000000000000000000000000000000080FF000080FF000080FF000080FF000080FF000080FF000080FF000080FF000000000000000000000000000000000000000000000000000000000000000000000000000080FF000080FF000080FF000080FF000080FF000080FF000080FF00000000000000000000000000000000000000000000000000000000000000000000000000000000000080FF000080FF000080FF000080FF000080FF000080FF0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000080FF000080FF000080FF000080FF000080FF000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000080FF000080FF000080FF000080FF00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000080FF000080FF000080FF0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000080FF000080FF000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000080FF00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
    }
  }
#-}
