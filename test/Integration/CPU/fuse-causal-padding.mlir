// Executed check of attn-fuse-attention: a causal mask computed from
// linalg.index comparisons and a padding mask written as
// masked_fill(mask == 0, -inf), fused into the scale's generic; 4-D generic
// contractions and the decomposed softmax. Fused (causal = top_left plus an i1 mask)
// and unfused programs must agree within rtol 1e-4, atol 1e-5.
// RUN: attn-opt %s -attn-fuse-attention | FileCheck %s
// RUN: attn-opt %s -attn-cpu-pipeline="fuse=false" | mlir-runner -e main -entry-point-result=void -shared-libs=%runner_libs > %t.ref
// RUN: attn-opt %s -attn-cpu-pipeline="fuse=true" | mlir-runner -e main -entry-point-result=void -shared-libs=%runner_libs > %t.fused
// RUN: %python %attn_src/test/lib/compare_outputs.py %t.ref %t.fused --rtol 1e-4 --atol 1e-5

// CHECK-LABEL: func.func @causal_index_and_padding
// CHECK: attn.attention
// CHECK-SAME: causal = top_left



#q = affine_map<(b, h, i, j, d) -> (b, h, i, d)>
#k = affine_map<(b, h, i, j, d) -> (b, h, j, d)>
#s = affine_map<(b, h, i, j, d) -> (b, h, i, j)>
#p = affine_map<(b, h, i, e, j) -> (b, h, i, j)>
#v = affine_map<(b, h, i, e, j) -> (b, h, j, e)>
#o = affine_map<(b, h, i, e, j) -> (b, h, i, e)>
#id = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#pad = affine_map<(d0, d1, d2, d3) -> (d0, 0, 0, d3)>
func.func @causal_index_and_padding(%q: tensor<2x2x4x4xf32>, %k: tensor<2x2x4x4xf32>, %v: tensor<2x2x4x4xf32>, %m: tensor<2x1x1x4xi64>) -> tensor<2x2x4x4xf32> {
  %zero = arith.constant 0.0 : f32
  %c = arith.constant 2.0 : f32
  %ninf = arith.constant 0xFF800000 : f32
  %z64 = arith.constant 0 : i64
  %e = tensor.empty() : tensor<2x2x4x4xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<2x2x4x4xf32>) -> tensor<2x2x4x4xf32>
  %s = linalg.generic {indexing_maps = [#q, #k, #s], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%q, %k : tensor<2x2x4x4xf32>, tensor<2x2x4x4xf32>) outs(%f : tensor<2x2x4x4xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %mm = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %mm : f32
    linalg.yield %r : f32
  } -> tensor<2x2x4x4xf32>
  %ss = linalg.generic {indexing_maps = [#id, #pad, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%s, %m : tensor<2x2x4x4xf32>, tensor<2x1x1x4xi64>) outs(%e : tensor<2x2x4x4xf32>) {
  ^bb0(%a: f32, %pm: i64, %o: f32):
    %r = arith.divf %a, %c : f32
    %i = linalg.index 2 : index
    %j = linalg.index 3 : index
    %fut = arith.cmpi ugt, %j, %i : index
    %r1 = arith.select %fut, %ninf, %r : f32
    %isz = arith.cmpi eq, %pm, %z64 : i64
    %r2 = arith.select %isz, %ninf, %r1 : f32
    linalg.yield %r2 : f32
  } -> tensor<2x2x4x4xf32>
  %sm_ninf = arith.constant 0xFF800000 : f32
  %sm_zero = arith.constant 0.0 : f32
  %sm_er = tensor.empty() : tensor<2x2x4xf32>
  %sm_fm = linalg.fill ins(%sm_ninf : f32) outs(%sm_er : tensor<2x2x4xf32>) -> tensor<2x2x4xf32>
  %sm_max = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%ss : tensor<2x2x4x4xf32>) outs(%sm_fm : tensor<2x2x4xf32>) {
  ^bb0(%a: f32, %acc: f32):
    %mx0 = arith.maximumf %a, %acc : f32
    linalg.yield %mx0 : f32
  } -> tensor<2x2x4xf32>
  %sm_e = tensor.empty() : tensor<2x2x4x4xf32>
  %sm_exp = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%ss, %sm_max : tensor<2x2x4x4xf32>, tensor<2x2x4xf32>) outs(%sm_e : tensor<2x2x4x4xf32>) {
  ^bb0(%a: f32, %b: f32, %o: f32):
    %d = arith.subf %a, %b : f32
    %x = math.exp %d : f32
    linalg.yield %x : f32
  } -> tensor<2x2x4x4xf32>
  %sm_fs = linalg.fill ins(%sm_zero : f32) outs(%sm_er : tensor<2x2x4xf32>) -> tensor<2x2x4xf32>
  %sm_sum = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%sm_exp : tensor<2x2x4x4xf32>) outs(%sm_fs : tensor<2x2x4xf32>) {
  ^bb0(%a: f32, %acc: f32):
    %sx0 = arith.addf %a, %acc : f32
    linalg.yield %sx0 : f32
  } -> tensor<2x2x4xf32>
  %sm = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%sm_exp, %sm_sum : tensor<2x2x4x4xf32>, tensor<2x2x4xf32>) outs(%sm_e : tensor<2x2x4x4xf32>) {
  ^bb0(%a: f32, %b: f32, %o: f32):
    %x = arith.divf %a, %b : f32
    linalg.yield %x : f32
  } -> tensor<2x2x4x4xf32>
  %o = linalg.generic {indexing_maps = [#p, #v, #o], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%sm, %v : tensor<2x2x4x4xf32>, tensor<2x2x4x4xf32>) outs(%f : tensor<2x2x4x4xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %mm = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %mm : f32
    linalg.yield %r : f32
  } -> tensor<2x2x4x4xf32>
  return %o : tensor<2x2x4x4xf32>
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

// Converts to f16 (inputs of the f16 chains).
func.func @to_f16(%t: tensor<?x?x?x?xf32>) -> tensor<?x?x?x?xf16> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %c3 = arith.constant 3 : index
  %d0 = tensor.dim %t, %c0 : tensor<?x?x?x?xf32>
  %d1 = tensor.dim %t, %c1 : tensor<?x?x?x?xf32>
  %d2 = tensor.dim %t, %c2 : tensor<?x?x?x?xf32>
  %d3 = tensor.dim %t, %c3 : tensor<?x?x?x?xf32>
  %e = tensor.empty(%d0, %d1, %d2, %d3) : tensor<?x?x?x?xf16>
  %r = linalg.generic {indexing_maps = [#gen, #gen], iterator_types = ["parallel","parallel","parallel","parallel"]} ins(%t : tensor<?x?x?x?xf32>) outs(%e : tensor<?x?x?x?xf16>) {
  ^bb0(%a: f32, %o: f16):
    %v = arith.truncf %a : f32 to f16
    linalg.yield %v : f16
  } -> tensor<?x?x?x?xf16>
  return %r : tensor<?x?x?x?xf16>
}

func.func private @printMemrefF32(tensor<*xf32>)

func.func @main() {
  %q_e = tensor.empty() : tensor<2x2x4x4xf32>
  %q_d = tensor.cast %q_e : tensor<2x2x4x4xf32> to tensor<?x?x?x?xf32>
  %q_seed = arith.constant 0.0 : f32
  %q_r = call @fill(%q_d, %q_seed) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %q = tensor.cast %q_r : tensor<?x?x?x?xf32> to tensor<2x2x4x4xf32>
  %k_e = tensor.empty() : tensor<2x2x4x4xf32>
  %k_d = tensor.cast %k_e : tensor<2x2x4x4xf32> to tensor<?x?x?x?xf32>
  %k_seed = arith.constant 1.7 : f32
  %k_r = call @fill(%k_d, %k_seed) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %k = tensor.cast %k_r : tensor<?x?x?x?xf32> to tensor<2x2x4x4xf32>
  %v_e = tensor.empty() : tensor<2x2x4x4xf32>
  %v_d = tensor.cast %v_e : tensor<2x2x4x4xf32> to tensor<?x?x?x?xf32>
  %v_seed = arith.constant 2.9 : f32
  %v_r = call @fill(%v_d, %v_seed) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %v = tensor.cast %v_r : tensor<?x?x?x?xf32> to tensor<2x2x4x4xf32>
  // Padding mask: batch 0 sees every key, batch 1 all but the last.
  %me = tensor.empty() : tensor<2x1x1x4xi64>
  %m = linalg.generic {indexing_maps = [#gen], iterator_types = ["parallel","parallel","parallel","parallel"]} outs(%me : tensor<2x1x1x4xi64>) {
  ^bb0(%o: i64):
    %b = linalg.index 0 : index
    %j = linalg.index 3 : index
    %c4 = arith.constant 4 : index
    %lim = arith.subi %c4, %b : index
    %vis = arith.cmpi ult, %j, %lim : index
    %r = arith.extui %vis : i1 to i64
    linalg.yield %r : i64
  } -> tensor<2x1x1x4xi64>
  %o = call @causal_index_and_padding(%q, %k, %v, %m) : (tensor<2x2x4x4xf32>, tensor<2x2x4x4xf32>, tensor<2x2x4x4xf32>, tensor<2x1x1x4xi64>) -> tensor<2x2x4x4xf32>
  %u = tensor.cast %o : tensor<2x2x4x4xf32> to tensor<*xf32>
  call @printMemrefF32(%u) : (tensor<*xf32>) -> ()
  return
}
