// Executed check of attn-fuse-attention on multiplicative masks: scores
// times a 0/1 tensor b plus a masking constant times (1 - b), as TF GPT-2
// writes `w * b - 1e4 * (1 - b)`, are select(b == 1, s, c), a masking
// select. Sq = 7, Skv = 9, B = 1, H = 2, D = 5, Dv = 6; inputs are
// 2 * sin(...) of their indices:
//   @tf_band:      b a constant 7x9 band (keep j <= i + 2), w * b - 1e4 * (1 - b)
//                  -> causal = bottom_right, no mask operand
//   @sliced_band:  b a slice [2:9, 0:9] of a constant 16x16 lower triangle,
//                  (b - 1) * 1e9 + w * b (terms swapped) -> bottom_right
//   @dense_binary: b a constant 0/1 pattern that is no band -> a mask
//   @runtime_bool: b = uitofp of an i1 argument, w * b + (1 - b) * -1e4
//                  -> the i1 tensor as the mask
// Every query row keeps at least one key. The fused and the unfused
// programs must print the same numbers (rtol 1e-4, atol 1e-5).
// RUN: attn-opt %s -attn-fuse-attention | FileCheck %s
// RUN: attn-opt %s -attn-cpu-pipeline="fuse=false" | mlir-runner -e main -entry-point-result=void -shared-libs=%runner_libs > %t.ref
// RUN: attn-opt %s -attn-cpu-pipeline="fuse=true" | mlir-runner -e main -entry-point-result=void -shared-libs=%runner_libs > %t.fused
// RUN: %python %attn_src/test/lib/compare_outputs.py %t.ref %t.fused --rtol 1e-4 --atol 1e-5

// CHECK-LABEL: func.func @tf_band
// CHECK: attn.attention
// CHECK-NOT: mask(
// CHECK-SAME: scale = 5.000000e-01 causal = bottom_right ->
// CHECK-NOT: linalg.softmax
// CHECK-LABEL: func.func @sliced_band
// CHECK: attn.attention
// CHECK-NOT: mask(
// CHECK-SAME: scale = 5.000000e-01 causal = bottom_right ->
// CHECK-NOT: linalg.softmax
// CHECK-LABEL: func.func @dense_binary
// CHECK: arith.cmpf une
// CHECK: attn.attention
// CHECK-SAME: mask(
// CHECK-NOT: causal
// CHECK-NOT: linalg.softmax
// CHECK-LABEL: func.func @runtime_bool
// CHECK: attn.attention ins(%arg0, %arg1, %arg2 : tensor<1x2x7x5xf32>, tensor<1x2x9x5xf32>, tensor<1x2x9x6xf32>) mask(%{{.*}} : tensor<1x1x7x9xi1>)
// CHECK-NOT: causal
// CHECK-NOT: linalg.softmax

#q = affine_map<(b, h, i, j, d) -> (b, h, i, d)>
#k = affine_map<(b, h, i, j, d) -> (b, h, j, d)>
#s = affine_map<(b, h, i, j, d) -> (b, h, i, j)>
#p = affine_map<(b, h, i, e, j) -> (b, h, i, j)>
#v = affine_map<(b, h, i, e, j) -> (b, h, j, e)>
#o = affine_map<(b, h, i, e, j) -> (b, h, i, e)>
#id = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#m2 = affine_map<(d0, d1, d2, d3) -> (d2, d3)>
#m4 = affine_map<(d0, d1, d2, d3) -> (d0, 0, d2, d3)>
#gen = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>

func.func @tf_band(%q: tensor<1x2x7x5xf32>, %k: tensor<1x2x9x5xf32>, %v: tensor<1x2x9x6xf32>) -> tensor<1x2x7x6xf32> {
  %zero = arith.constant 0.0 : f32
  %one = arith.constant 1.0 : f32
  %c = arith.constant 0.5 : f32
  %big = arith.constant 1.0e4 : f32
  %b = arith.constant dense<[[1.0, 1.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0],
      [1.0, 1.0, 1.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0],
      [1.0, 1.0, 1.0, 1.0, 1.0, 0.0, 0.0, 0.0, 0.0],
      [1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.0, 0.0, 0.0],
      [1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.0, 0.0],
      [1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.0],
      [1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0]]> : tensor<7x9xf32>
  %e = tensor.empty() : tensor<1x2x7x9xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<1x2x7x9xf32>) -> tensor<1x2x7x9xf32>
  %s = linalg.generic {indexing_maps = [#q, #k, #s], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%q, %k : tensor<1x2x7x5xf32>, tensor<1x2x9x5xf32>) outs(%f : tensor<1x2x7x9xf32>) {
  ^bb0(%a: f32, %bb: f32, %acc: f32):
    %mm = arith.mulf %a, %bb : f32
    %r = arith.addf %acc, %mm : f32
    linalg.yield %r : f32
  } -> tensor<1x2x7x9xf32>
  %ss = linalg.generic {indexing_maps = [#id, #m2, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%s, %b : tensor<1x2x7x9xf32>, tensor<7x9xf32>) outs(%e : tensor<1x2x7x9xf32>) {
  ^bb0(%a: f32, %mv: f32, %o: f32):
    %w = arith.mulf %a, %c : f32
    %wb = arith.mulf %w, %mv : f32
    %nb = arith.subf %one, %mv : f32
    %pen = arith.mulf %big, %nb : f32
    %r = arith.subf %wb, %pen : f32
    linalg.yield %r : f32
  } -> tensor<1x2x7x9xf32>
  %sm = linalg.softmax dimension(3) ins(%ss : tensor<1x2x7x9xf32>) outs(%e : tensor<1x2x7x9xf32>) -> tensor<1x2x7x9xf32>
  %eo = tensor.empty() : tensor<1x2x7x6xf32>
  %fo = linalg.fill ins(%zero : f32) outs(%eo : tensor<1x2x7x6xf32>) -> tensor<1x2x7x6xf32>
  %o = linalg.generic {indexing_maps = [#p, #v, #o], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%sm, %v : tensor<1x2x7x9xf32>, tensor<1x2x9x6xf32>) outs(%fo : tensor<1x2x7x6xf32>) {
  ^bb0(%a: f32, %bb: f32, %acc: f32):
    %mm = arith.mulf %a, %bb : f32
    %r = arith.addf %acc, %mm : f32
    linalg.yield %r : f32
  } -> tensor<1x2x7x6xf32>
  return %o : tensor<1x2x7x6xf32>
}

func.func @sliced_band(%q: tensor<1x2x7x5xf32>, %k: tensor<1x2x9x5xf32>, %v: tensor<1x2x9x6xf32>) -> tensor<1x2x7x6xf32> {
  %zero = arith.constant 0.0 : f32
  %one = arith.constant 1.0 : f32
  %c = arith.constant 0.5 : f32
  %big = arith.constant 1.0e9 : f32
  %full = arith.constant dense<[[1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0],
      [1.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0],
      [1.0, 1.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0],
      [1.0, 1.0, 1.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0],
      [1.0, 1.0, 1.0, 1.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0],
      [1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0],
      [1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0],
      [1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0],
      [1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0],
      [1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0],
      [1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0],
      [1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.0, 0.0, 0.0, 0.0],
      [1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.0, 0.0, 0.0],
      [1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.0, 0.0],
      [1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.0],
      [1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0]]> : tensor<16x16xf32>
  %b = tensor.extract_slice %full[2, 0] [7, 9] [1, 1] : tensor<16x16xf32> to tensor<7x9xf32>
  %e = tensor.empty() : tensor<1x2x7x9xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<1x2x7x9xf32>) -> tensor<1x2x7x9xf32>
  %s = linalg.generic {indexing_maps = [#q, #k, #s], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%q, %k : tensor<1x2x7x5xf32>, tensor<1x2x9x5xf32>) outs(%f : tensor<1x2x7x9xf32>) {
  ^bb0(%a: f32, %bb: f32, %acc: f32):
    %mm = arith.mulf %a, %bb : f32
    %r = arith.addf %acc, %mm : f32
    linalg.yield %r : f32
  } -> tensor<1x2x7x9xf32>
  %ss = linalg.generic {indexing_maps = [#id, #m2, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%s, %b : tensor<1x2x7x9xf32>, tensor<7x9xf32>) outs(%e : tensor<1x2x7x9xf32>) {
  ^bb0(%a: f32, %mv: f32, %o: f32):
    %w = arith.mulf %a, %c : f32
    %bm1 = arith.subf %mv, %one : f32
    %pen = arith.mulf %bm1, %big : f32
    %wb = arith.mulf %mv, %w : f32
    %r = arith.addf %pen, %wb : f32
    linalg.yield %r : f32
  } -> tensor<1x2x7x9xf32>
  %sm = linalg.softmax dimension(3) ins(%ss : tensor<1x2x7x9xf32>) outs(%e : tensor<1x2x7x9xf32>) -> tensor<1x2x7x9xf32>
  %eo = tensor.empty() : tensor<1x2x7x6xf32>
  %fo = linalg.fill ins(%zero : f32) outs(%eo : tensor<1x2x7x6xf32>) -> tensor<1x2x7x6xf32>
  %o = linalg.generic {indexing_maps = [#p, #v, #o], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%sm, %v : tensor<1x2x7x9xf32>, tensor<1x2x9x6xf32>) outs(%fo : tensor<1x2x7x6xf32>) {
  ^bb0(%a: f32, %bb: f32, %acc: f32):
    %mm = arith.mulf %a, %bb : f32
    %r = arith.addf %acc, %mm : f32
    linalg.yield %r : f32
  } -> tensor<1x2x7x6xf32>
  return %o : tensor<1x2x7x6xf32>
}

func.func @dense_binary(%q: tensor<1x2x7x5xf32>, %k: tensor<1x2x9x5xf32>, %v: tensor<1x2x9x6xf32>) -> tensor<1x2x7x6xf32> {
  %zero = arith.constant 0.0 : f32
  %one = arith.constant 1.0 : f32
  %c = arith.constant 0.5 : f32
  %big = arith.constant 1.0e4 : f32
  %b = arith.constant dense<[[1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 1.0, 0.0],
      [0.0, 1.0, 1.0, 1.0, 0.0, 0.0, 1.0, 1.0, 1.0],
      [1.0, 0.0, 1.0, 0.0, 1.0, 1.0, 0.0, 1.0, 1.0],
      [0.0, 1.0, 0.0, 0.0, 0.0, 1.0, 1.0, 0.0, 0.0],
      [1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.0, 1.0, 0.0],
      [1.0, 1.0, 1.0, 0.0, 1.0, 1.0, 1.0, 1.0, 0.0],
      [0.0, 1.0, 0.0, 1.0, 0.0, 1.0, 1.0, 1.0, 0.0]]> : tensor<7x9xf32>
  %e = tensor.empty() : tensor<1x2x7x9xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<1x2x7x9xf32>) -> tensor<1x2x7x9xf32>
  %s = linalg.generic {indexing_maps = [#q, #k, #s], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%q, %k : tensor<1x2x7x5xf32>, tensor<1x2x9x5xf32>) outs(%f : tensor<1x2x7x9xf32>) {
  ^bb0(%a: f32, %bb: f32, %acc: f32):
    %mm = arith.mulf %a, %bb : f32
    %r = arith.addf %acc, %mm : f32
    linalg.yield %r : f32
  } -> tensor<1x2x7x9xf32>
  %ss = linalg.generic {indexing_maps = [#id, #m2, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%s, %b : tensor<1x2x7x9xf32>, tensor<7x9xf32>) outs(%e : tensor<1x2x7x9xf32>) {
  ^bb0(%a: f32, %mv: f32, %o: f32):
    %w = arith.mulf %a, %c : f32
    %wb = arith.mulf %w, %mv : f32
    %nb = arith.subf %one, %mv : f32
    %pen = arith.mulf %big, %nb : f32
    %r = arith.subf %wb, %pen : f32
    linalg.yield %r : f32
  } -> tensor<1x2x7x9xf32>
  %sm = linalg.softmax dimension(3) ins(%ss : tensor<1x2x7x9xf32>) outs(%e : tensor<1x2x7x9xf32>) -> tensor<1x2x7x9xf32>
  %eo = tensor.empty() : tensor<1x2x7x6xf32>
  %fo = linalg.fill ins(%zero : f32) outs(%eo : tensor<1x2x7x6xf32>) -> tensor<1x2x7x6xf32>
  %o = linalg.generic {indexing_maps = [#p, #v, #o], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%sm, %v : tensor<1x2x7x9xf32>, tensor<1x2x9x6xf32>) outs(%fo : tensor<1x2x7x6xf32>) {
  ^bb0(%a: f32, %bb: f32, %acc: f32):
    %mm = arith.mulf %a, %bb : f32
    %r = arith.addf %acc, %mm : f32
    linalg.yield %r : f32
  } -> tensor<1x2x7x6xf32>
  return %o : tensor<1x2x7x6xf32>
}

func.func @runtime_bool(%q: tensor<1x2x7x5xf32>, %k: tensor<1x2x9x5xf32>, %v: tensor<1x2x9x6xf32>, %m: tensor<1x1x7x9xi1>) -> tensor<1x2x7x6xf32> {
  %zero = arith.constant 0.0 : f32
  %one = arith.constant 1.0 : f32
  %c = arith.constant 0.5 : f32
  %nbig = arith.constant -1.0e4 : f32
  %e = tensor.empty() : tensor<1x2x7x9xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<1x2x7x9xf32>) -> tensor<1x2x7x9xf32>
  %s = linalg.generic {indexing_maps = [#q, #k, #s], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%q, %k : tensor<1x2x7x5xf32>, tensor<1x2x9x5xf32>) outs(%f : tensor<1x2x7x9xf32>) {
  ^bb0(%a: f32, %bb: f32, %acc: f32):
    %mm = arith.mulf %a, %bb : f32
    %r = arith.addf %acc, %mm : f32
    linalg.yield %r : f32
  } -> tensor<1x2x7x9xf32>
  %ss = linalg.generic {indexing_maps = [#id, #m4, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%s, %m : tensor<1x2x7x9xf32>, tensor<1x1x7x9xi1>) outs(%e : tensor<1x2x7x9xf32>) {
  ^bb0(%a: f32, %mv: i1, %o: f32):
    %w = arith.mulf %a, %c : f32
    %bf = arith.uitofp %mv : i1 to f32
    %wb = arith.mulf %w, %bf : f32
    %nb = arith.subf %one, %bf : f32
    %pen = arith.mulf %nb, %nbig : f32
    %r = arith.addf %wb, %pen : f32
    linalg.yield %r : f32
  } -> tensor<1x2x7x9xf32>
  %sm = linalg.softmax dimension(3) ins(%ss : tensor<1x2x7x9xf32>) outs(%e : tensor<1x2x7x9xf32>) -> tensor<1x2x7x9xf32>
  %eo = tensor.empty() : tensor<1x2x7x6xf32>
  %fo = linalg.fill ins(%zero : f32) outs(%eo : tensor<1x2x7x6xf32>) -> tensor<1x2x7x6xf32>
  %o = linalg.generic {indexing_maps = [#p, #v, #o], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%sm, %v : tensor<1x2x7x9xf32>, tensor<1x2x9x6xf32>) outs(%fo : tensor<1x2x7x6xf32>) {
  ^bb0(%a: f32, %bb: f32, %acc: f32):
    %mm = arith.mulf %a, %bb : f32
    %r = arith.addf %acc, %mm : f32
    linalg.yield %r : f32
  } -> tensor<1x2x7x6xf32>
  return %o : tensor<1x2x7x6xf32>
}

func.func @main() {
  %q_e = tensor.empty() : tensor<1x2x7x5xf32>
  %q_d = tensor.cast %q_e : tensor<1x2x7x5xf32> to tensor<?x?x?x?xf32>
  %q_s = arith.constant 0.0 : f32
  %q_a = arith.constant 2.0 : f32
  %q_r = call @fill(%q_d, %q_s, %q_a) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %q = tensor.cast %q_r : tensor<?x?x?x?xf32> to tensor<1x2x7x5xf32>
  %k_e = tensor.empty() : tensor<1x2x9x5xf32>
  %k_d = tensor.cast %k_e : tensor<1x2x9x5xf32> to tensor<?x?x?x?xf32>
  %k_s = arith.constant 1.7 : f32
  %k_a = arith.constant 2.0 : f32
  %k_r = call @fill(%k_d, %k_s, %k_a) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %k = tensor.cast %k_r : tensor<?x?x?x?xf32> to tensor<1x2x9x5xf32>
  %v_e = tensor.empty() : tensor<1x2x9x6xf32>
  %v_d = tensor.cast %v_e : tensor<1x2x9x6xf32> to tensor<?x?x?x?xf32>
  %v_s = arith.constant 2.9 : f32
  %v_a = arith.constant 2.0 : f32
  %v_r = call @fill(%v_d, %v_s, %v_a) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %v = tensor.cast %v_r : tensor<?x?x?x?xf32> to tensor<1x2x9x6xf32>
  %m = arith.constant dense<[[[[true, true, false, true, true, true, true, true, true],
      [false, true, false, true, true, false, false, true, true],
      [true, true, true, false, false, false, true, true, false],
      [true, true, true, true, true, false, true, true, true],
      [false, true, true, false, true, true, false, true, true],
      [true, false, true, true, false, true, false, true, true],
      [true, true, true, true, true, true, false, false, true]]]]> : tensor<1x1x7x9xi1>
  %o0 = call @tf_band(%q, %k, %v) : (tensor<1x2x7x5xf32>, tensor<1x2x9x5xf32>, tensor<1x2x9x6xf32>) -> tensor<1x2x7x6xf32>
  %u0 = tensor.cast %o0 : tensor<1x2x7x6xf32> to tensor<*xf32>
  call @printMemrefF32(%u0) : (tensor<*xf32>) -> ()
  %o1 = call @sliced_band(%q, %k, %v) : (tensor<1x2x7x5xf32>, tensor<1x2x9x5xf32>, tensor<1x2x9x6xf32>) -> tensor<1x2x7x6xf32>
  %u1 = tensor.cast %o1 : tensor<1x2x7x6xf32> to tensor<*xf32>
  call @printMemrefF32(%u1) : (tensor<*xf32>) -> ()
  %o2 = call @dense_binary(%q, %k, %v) : (tensor<1x2x7x5xf32>, tensor<1x2x9x5xf32>, tensor<1x2x9x6xf32>) -> tensor<1x2x7x6xf32>
  %u2 = tensor.cast %o2 : tensor<1x2x7x6xf32> to tensor<*xf32>
  call @printMemrefF32(%u2) : (tensor<*xf32>) -> ()
  %o3 = call @runtime_bool(%q, %k, %v, %m) : (tensor<1x2x7x5xf32>, tensor<1x2x9x5xf32>, tensor<1x2x9x6xf32>, tensor<1x1x7x9xi1>) -> tensor<1x2x7x6xf32>
  %u3 = tensor.cast %o3 : tensor<1x2x7x6xf32> to tensor<*xf32>
  call @printMemrefF32(%u3) : (tensor<*xf32>) -> ()
  return
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

func.func private @printMemrefF32(tensor<*xf32>)
