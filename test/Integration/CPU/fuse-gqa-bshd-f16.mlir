// Executed check of attn-fuse-attention: GQA written as K/V repeated to the
// query heads (unsqueeze, broadcast generic, collapse), BSHD inputs reached
// through linalg.transpose, f16 scores extended to f32 around the softmax.
// The unfused program rounds scores, probabilities and the P*V sums to f16;
// the fused op keeps them in f32, so the tolerance is f16's: rtol 1e-2,
// atol 1e-2.
// RUN: attn-opt %s -attn-fuse-attention | FileCheck %s
// RUN: attn-opt %s -attn-cpu-pipeline="fuse=false" | mlir-runner -e main -entry-point-result=void -shared-libs=%runner_libs > %t.ref
// RUN: attn-opt %s -attn-cpu-pipeline="fuse=true" | mlir-runner -e main -entry-point-result=void -shared-libs=%runner_libs > %t.fused
// RUN: %python %attn_src/test/lib/compare_outputs.py %t.ref %t.fused --rtol 1e-2 --atol 1e-2

// CHECK-LABEL: func.func @gqa_bshd_f16
// CHECK: attn.attention ins(%{{.*}}, %{{.*}}, %{{.*}} : tensor<1x5x4x8xf16>, tensor<1x5x2x8xf16>, tensor<1x5x2x8xf16>)
// CHECK-SAME: layout = bshd



#q = affine_map<(b, h, i, j, d) -> (b, h, i, d)>
#k = affine_map<(b, h, i, j, d) -> (b, h, j, d)>
#s = affine_map<(b, h, i, j, d) -> (b, h, i, j)>
#p = affine_map<(b, h, i, e, j) -> (b, h, i, j)>
#v = affine_map<(b, h, i, e, j) -> (b, h, j, e)>
#o = affine_map<(b, h, i, e, j) -> (b, h, i, e)>
#id = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#rep_in = affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, 0, d3, d4)>
#rep_out = affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d3, d4)>
func.func @gqa_bshd_f16(%qs: tensor<1x5x4x8xf16>, %ks: tensor<1x5x2x8xf16>, %vs: tensor<1x5x2x8xf16>) -> tensor<1x4x5x8xf16> {
  %zero = arith.constant 0.0 : f16
  %eq = tensor.empty() : tensor<1x4x5x8xf16>
  %q = linalg.transpose ins(%qs : tensor<1x5x4x8xf16>) outs(%eq : tensor<1x4x5x8xf16>) permutation = [0, 2, 1, 3]
  %ekv = tensor.empty() : tensor<1x2x5x8xf16>
  %k2 = linalg.transpose ins(%ks : tensor<1x5x2x8xf16>) outs(%ekv : tensor<1x2x5x8xf16>) permutation = [0, 2, 1, 3]
  %v2 = linalg.transpose ins(%vs : tensor<1x5x2x8xf16>) outs(%ekv : tensor<1x2x5x8xf16>) permutation = [0, 2, 1, 3]
  %ku = tensor.expand_shape %k2 [[0], [1, 2], [3], [4]] output_shape [1, 2, 1, 5, 8] : tensor<1x2x5x8xf16> into tensor<1x2x1x5x8xf16>
  %vu = tensor.expand_shape %v2 [[0], [1, 2], [3], [4]] output_shape [1, 2, 1, 5, 8] : tensor<1x2x5x8xf16> into tensor<1x2x1x5x8xf16>
  %er = tensor.empty() : tensor<1x2x2x5x8xf16>
  %kr = linalg.generic {indexing_maps = [#rep_in, #rep_out], iterator_types = ["parallel", "parallel", "parallel", "parallel", "parallel"]} ins(%ku : tensor<1x2x1x5x8xf16>) outs(%er : tensor<1x2x2x5x8xf16>) {
  ^bb0(%a: f16, %o: f16):
    linalg.yield %a : f16
  } -> tensor<1x2x2x5x8xf16>
  %vr = linalg.generic {indexing_maps = [#rep_in, #rep_out], iterator_types = ["parallel", "parallel", "parallel", "parallel", "parallel"]} ins(%vu : tensor<1x2x1x5x8xf16>) outs(%er : tensor<1x2x2x5x8xf16>) {
  ^bb0(%a: f16, %o: f16):
    linalg.yield %a : f16
  } -> tensor<1x2x2x5x8xf16>
  %k = tensor.collapse_shape %kr [[0], [1, 2], [3], [4]] : tensor<1x2x2x5x8xf16> into tensor<1x4x5x8xf16>
  %v = tensor.collapse_shape %vr [[0], [1, 2], [3], [4]] : tensor<1x2x2x5x8xf16> into tensor<1x4x5x8xf16>
  %e = tensor.empty() : tensor<1x4x5x5xf16>
  %f = linalg.fill ins(%zero : f16) outs(%e : tensor<1x4x5x5xf16>) -> tensor<1x4x5x5xf16>
  %s = linalg.generic {indexing_maps = [#q, #k, #s], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%q, %k : tensor<1x4x5x8xf16>, tensor<1x4x5x8xf16>) outs(%f : tensor<1x4x5x5xf16>) {
  ^bb0(%a: f16, %b: f16, %acc: f16):
    %mm = arith.mulf %a, %b : f16
    %r = arith.addf %acc, %mm : f16
    linalg.yield %r : f16
  } -> tensor<1x4x5x5xf16>
  %e32 = tensor.empty() : tensor<1x4x5x5xf32>
  %s32 = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%s : tensor<1x4x5x5xf16>) outs(%e32 : tensor<1x4x5x5xf32>) {
  ^bb0(%a: f16, %o: f32):
    %r = arith.extf %a : f16 to f32
    linalg.yield %r : f32
  } -> tensor<1x4x5x5xf32>
  %sm_ninf = arith.constant 0xFF800000 : f32
  %sm_zero = arith.constant 0.0 : f32
  %sm_er = tensor.empty() : tensor<1x4x5xf32>
  %sm_fm = linalg.fill ins(%sm_ninf : f32) outs(%sm_er : tensor<1x4x5xf32>) -> tensor<1x4x5xf32>
  %sm_max = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%s32 : tensor<1x4x5x5xf32>) outs(%sm_fm : tensor<1x4x5xf32>) {
  ^bb0(%a: f32, %acc: f32):
    %m = arith.maximumf %a, %acc : f32
    linalg.yield %m : f32
  } -> tensor<1x4x5xf32>
  %sm_e = tensor.empty() : tensor<1x4x5x5xf32>
  %sm_exp = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%s32, %sm_max : tensor<1x4x5x5xf32>, tensor<1x4x5xf32>) outs(%sm_e : tensor<1x4x5x5xf32>) {
  ^bb0(%a: f32, %b: f32, %o: f32):
    %d = arith.subf %a, %b : f32
    %x = math.exp %d : f32
    linalg.yield %x : f32
  } -> tensor<1x4x5x5xf32>
  %sm_fs = linalg.fill ins(%sm_zero : f32) outs(%sm_er : tensor<1x4x5xf32>) -> tensor<1x4x5xf32>
  %sm_sum = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%sm_exp : tensor<1x4x5x5xf32>) outs(%sm_fs : tensor<1x4x5xf32>) {
  ^bb0(%a: f32, %acc: f32):
    %m = arith.addf %a, %acc : f32
    linalg.yield %m : f32
  } -> tensor<1x4x5xf32>
  %sm = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%sm_exp, %sm_sum : tensor<1x4x5x5xf32>, tensor<1x4x5xf32>) outs(%sm_e : tensor<1x4x5x5xf32>) {
  ^bb0(%a: f32, %b: f32, %o: f32):
    %x = arith.divf %a, %b : f32
    linalg.yield %x : f32
  } -> tensor<1x4x5x5xf32>
  %p = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%sm : tensor<1x4x5x5xf32>) outs(%e : tensor<1x4x5x5xf16>) {
  ^bb0(%a: f32, %o: f16):
    %r = arith.truncf %a : f32 to f16
    linalg.yield %r : f16
  } -> tensor<1x4x5x5xf16>
  %eo = tensor.empty() : tensor<1x4x5x8xf16>
  %fo = linalg.fill ins(%zero : f16) outs(%eo : tensor<1x4x5x8xf16>) -> tensor<1x4x5x8xf16>
  %o = linalg.generic {indexing_maps = [#p, #v, #o], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%p, %v : tensor<1x4x5x5xf16>, tensor<1x4x5x8xf16>) outs(%fo : tensor<1x4x5x8xf16>) {
  ^bb0(%a: f16, %b: f16, %acc: f16):
    %mm = arith.mulf %a, %b : f16
    %r = arith.addf %acc, %mm : f16
    linalg.yield %r : f16
  } -> tensor<1x4x5x8xf16>
  return %o : tensor<1x4x5x8xf16>
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
  %q_e = tensor.empty() : tensor<1x5x4x8xf32>
  %q_d = tensor.cast %q_e : tensor<1x5x4x8xf32> to tensor<?x?x?x?xf32>
  %q_seed = arith.constant 0.0 : f32
  %q_r = call @fill(%q_d, %q_seed) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %q_h = call @to_f16(%q_r) : (tensor<?x?x?x?xf32>) -> tensor<?x?x?x?xf16>
  %q = tensor.cast %q_h : tensor<?x?x?x?xf16> to tensor<1x5x4x8xf16>
  %k_e = tensor.empty() : tensor<1x5x2x8xf32>
  %k_d = tensor.cast %k_e : tensor<1x5x2x8xf32> to tensor<?x?x?x?xf32>
  %k_seed = arith.constant 1.7 : f32
  %k_r = call @fill(%k_d, %k_seed) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %k_h = call @to_f16(%k_r) : (tensor<?x?x?x?xf32>) -> tensor<?x?x?x?xf16>
  %k = tensor.cast %k_h : tensor<?x?x?x?xf16> to tensor<1x5x2x8xf16>
  %v_e = tensor.empty() : tensor<1x5x2x8xf32>
  %v_d = tensor.cast %v_e : tensor<1x5x2x8xf32> to tensor<?x?x?x?xf32>
  %v_seed = arith.constant 2.9 : f32
  %v_r = call @fill(%v_d, %v_seed) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %v_h = call @to_f16(%v_r) : (tensor<?x?x?x?xf32>) -> tensor<?x?x?x?xf16>
  %v = tensor.cast %v_h : tensor<?x?x?x?xf16> to tensor<1x5x2x8xf16>
  %o = call @gqa_bshd_f16(%q, %k, %v) : (tensor<1x5x4x8xf16>, tensor<1x5x2x8xf16>, tensor<1x5x2x8xf16>) -> tensor<1x4x5x8xf16>
  %e32 = tensor.empty() : tensor<1x4x5x8xf32>
  %o32 = linalg.generic {indexing_maps = [#gen, #gen], iterator_types = ["parallel","parallel","parallel","parallel"]} ins(%o : tensor<1x4x5x8xf16>) outs(%e32 : tensor<1x4x5x8xf32>) {
  ^bb0(%a: f16, %b: f32):
    %x = arith.extf %a : f16 to f32
    linalg.yield %x : f32
  } -> tensor<1x4x5x8xf32>
  %u = tensor.cast %o32 : tensor<1x4x5x8xf32> to tensor<*xf32>
  call @printMemrefF32(%u) : (tensor<*xf32>) -> ()
  return
}
