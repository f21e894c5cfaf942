// Executed check of attn-fuse-attention on a bf16 chain with the scale
// folded into K before the first product (K * rsqrt(16), computed by
// math.rsqrt from a constant), a 2-D [Sq, Skv] additive mask, and the
// softmax decomposed in f32 between extf/truncf (max-reduce, subtract, exp,
// sum-reduce, multiply by the reciprocal). The unfused chain rounds the
// scores and probabilities to bf16; the fused op keeps them in f32, so the
// programs agree to bf16 precision (rtol 2e-2, atol 2e-2).
// RUN: attn-opt %s -attn-fuse-attention | FileCheck %s
// RUN: attn-opt %s -attn-cpu-pipeline="fuse=false" | mlir-runner -e main -entry-point-result=void -shared-libs=%runner_libs > %t.ref
// RUN: attn-opt %s -attn-cpu-pipeline="fuse=true" | mlir-runner -e main -entry-point-result=void -shared-libs=%runner_libs > %t.fused
// RUN: %python %attn_src/test/lib/compare_outputs.py %t.ref %t.fused --rtol 2e-2 --atol 2e-2

// CHECK-LABEL: func.func @bf16_scaled_k
// CHECK: attn.attention ins(%{{.*}}, %{{.*}}, %{{.*}} : tensor<2x2x8x16xbf16>, tensor<2x2x12x16xbf16>, tensor<2x2x12x16xbf16>)
// CHECK-SAME: mask(%{{.*}} : tensor<8x12xbf16>)
// CHECK-SAME: scale = 2.500000e-01
// CHECK-NOT: math.exp

#q = affine_map<(b, h, i, j, d) -> (b, h, i, d)>
#k = affine_map<(b, h, i, j, d) -> (b, h, j, d)>
#s = affine_map<(b, h, i, j, d) -> (b, h, i, j)>
#p = affine_map<(b, h, i, e, j) -> (b, h, i, j)>
#v = affine_map<(b, h, i, e, j) -> (b, h, j, e)>
#o = affine_map<(b, h, i, e, j) -> (b, h, i, e)>
#id = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#mk = affine_map<(d0, d1, d2, d3) -> (d2, d3)>
#row = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>
#id3 = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
func.func @bf16_scaled_k(%q: tensor<2x2x8x16xbf16>, %k: tensor<2x2x12x16xbf16>, %v: tensor<2x2x12x16xbf16>, %m: tensor<8x12xbf16>) -> tensor<2x2x8x16xbf16> {
  %zero = arith.constant 0.0 : bf16
  %zf = arith.constant 0.0 : f32
  %ninf = arith.constant 0xFF800000 : f32
  %one = arith.constant 1.0 : f32
  %d = arith.constant 16.0 : bf16
  %rs = math.rsqrt %d : bf16
  %ek = tensor.empty() : tensor<2x2x12x16xbf16>
  %ks = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%k : tensor<2x2x12x16xbf16>) outs(%ek : tensor<2x2x12x16xbf16>) {
  ^bb0(%a: bf16, %o: bf16):
    %r = arith.mulf %a, %rs : bf16
    linalg.yield %r : bf16
  } -> tensor<2x2x12x16xbf16>
  %e = tensor.empty() : tensor<2x2x8x12xbf16>
  %f = linalg.fill ins(%zero : bf16) outs(%e : tensor<2x2x8x12xbf16>) -> tensor<2x2x8x12xbf16>
  %s = linalg.generic {indexing_maps = [#q, #k, #s], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%q, %ks : tensor<2x2x8x16xbf16>, tensor<2x2x12x16xbf16>) outs(%f : tensor<2x2x8x12xbf16>) {
  ^bb0(%a: bf16, %b: bf16, %acc: bf16):
    %mu = arith.mulf %a, %b : bf16
    %r = arith.addf %acc, %mu : bf16
    linalg.yield %r : bf16
  } -> tensor<2x2x8x12xbf16>
  %sm = linalg.generic {indexing_maps = [#id, #mk, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%s, %m : tensor<2x2x8x12xbf16>, tensor<8x12xbf16>) outs(%e : tensor<2x2x8x12xbf16>) {
  ^bb0(%a: bf16, %b: bf16, %o: bf16):
    %r = arith.addf %a, %b : bf16
    linalg.yield %r : bf16
  } -> tensor<2x2x8x12xbf16>
  %e32 = tensor.empty() : tensor<2x2x8x12xf32>
  %x = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%sm : tensor<2x2x8x12xbf16>) outs(%e32 : tensor<2x2x8x12xf32>) {
  ^bb0(%a: bf16, %o: f32):
    %r = arith.extf %a : bf16 to f32
    linalg.yield %r : f32
  } -> tensor<2x2x8x12xf32>
  %er = tensor.empty() : tensor<2x2x8xf32>
  %fm = linalg.fill ins(%ninf : f32) outs(%er : tensor<2x2x8xf32>) -> tensor<2x2x8xf32>
  %mx = linalg.generic {indexing_maps = [#id, #row], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%x : tensor<2x2x8x12xf32>) outs(%fm : tensor<2x2x8xf32>) {
  ^bb0(%a: f32, %b: f32):
    %r = arith.maximumf %a, %b : f32
    linalg.yield %r : f32
  } -> tensor<2x2x8xf32>
  %ex = linalg.generic {indexing_maps = [#id, #row, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%x, %mx : tensor<2x2x8x12xf32>, tensor<2x2x8xf32>) outs(%e32 : tensor<2x2x8x12xf32>) {
  ^bb0(%a: f32, %b: f32, %o: f32):
    %sub = arith.subf %a, %b : f32
    %r = math.exp %sub : f32
    linalg.yield %r : f32
  } -> tensor<2x2x8x12xf32>
  %fs = linalg.fill ins(%zf : f32) outs(%er : tensor<2x2x8xf32>) -> tensor<2x2x8xf32>
  %sum = linalg.generic {indexing_maps = [#id, #row], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%ex : tensor<2x2x8x12xf32>) outs(%fs : tensor<2x2x8xf32>) {
  ^bb0(%a: f32, %b: f32):
    %r = arith.addf %a, %b : f32
    linalg.yield %r : f32
  } -> tensor<2x2x8xf32>
  %rc = linalg.generic {indexing_maps = [#id3, #id3], iterator_types = ["parallel", "parallel", "parallel"]} ins(%sum : tensor<2x2x8xf32>) outs(%er : tensor<2x2x8xf32>) {
  ^bb0(%a: f32, %o: f32):
    %r = arith.divf %one, %a : f32
    linalg.yield %r : f32
  } -> tensor<2x2x8xf32>
  %pr = linalg.generic {indexing_maps = [#id, #row, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%ex, %rc : tensor<2x2x8x12xf32>, tensor<2x2x8xf32>) outs(%e : tensor<2x2x8x12xbf16>) {
  ^bb0(%a: f32, %b: f32, %o: bf16):
    %mu = arith.mulf %a, %b : f32
    %r = arith.truncf %mu : f32 to bf16
    linalg.yield %r : bf16
  } -> tensor<2x2x8x12xbf16>
  %eo = tensor.empty() : tensor<2x2x8x16xbf16>
  %fo = linalg.fill ins(%zero : bf16) outs(%eo : tensor<2x2x8x16xbf16>) -> tensor<2x2x8x16xbf16>
  %out = linalg.generic {indexing_maps = [#p, #v, #o], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%pr, %v : tensor<2x2x8x12xbf16>, tensor<2x2x12x16xbf16>) outs(%fo : tensor<2x2x8x16xbf16>) {
  ^bb0(%a: bf16, %b: bf16, %acc: bf16):
    %mu = arith.mulf %a, %b : bf16
    %r = arith.addf %acc, %mu : bf16
    linalg.yield %r : bf16
  } -> tensor<2x2x8x16xbf16>
  return %out : tensor<2x2x8x16xbf16>
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
  %qe = tensor.empty() : tensor<2x2x8x16xf32>
  %qed = tensor.cast %qe : tensor<2x2x8x16xf32> to tensor<?x?x?x?xf32>
  %qs = arith.constant 0.0 : f32
  %qd = call @fill(%qed, %qs) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %qf = tensor.cast %qd : tensor<?x?x?x?xf32> to tensor<2x2x8x16xf32>
  %qx = tensor.empty() : tensor<2x2x8x16xbf16>
  %q = linalg.generic {indexing_maps = [#gen, #gen], iterator_types = ["parallel","parallel","parallel","parallel"]} ins(%qf : tensor<2x2x8x16xf32>) outs(%qx : tensor<2x2x8x16xbf16>) {
  ^bb0(%a: f32, %b: bf16):
    %r = arith.truncf %a : f32 to bf16
    linalg.yield %r : bf16
  } -> tensor<2x2x8x16xbf16>
  %ke = tensor.empty() : tensor<2x2x12x16xf32>
  %ked = tensor.cast %ke : tensor<2x2x12x16xf32> to tensor<?x?x?x?xf32>
  %ks = arith.constant 1.7 : f32
  %kd = call @fill(%ked, %ks) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %kf = tensor.cast %kd : tensor<?x?x?x?xf32> to tensor<2x2x12x16xf32>
  %kx = tensor.empty() : tensor<2x2x12x16xbf16>
  %k = linalg.generic {indexing_maps = [#gen, #gen], iterator_types = ["parallel","parallel","parallel","parallel"]} ins(%kf : tensor<2x2x12x16xf32>) outs(%kx : tensor<2x2x12x16xbf16>) {
  ^bb0(%a: f32, %b: bf16):
    %r = arith.truncf %a : f32 to bf16
    linalg.yield %r : bf16
  } -> tensor<2x2x12x16xbf16>
  %ve = tensor.empty() : tensor<2x2x12x16xf32>
  %ved = tensor.cast %ve : tensor<2x2x12x16xf32> to tensor<?x?x?x?xf32>
  %vs = arith.constant 2.9 : f32
  %vd = call @fill(%ved, %vs) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %vf = tensor.cast %vd : tensor<?x?x?x?xf32> to tensor<2x2x12x16xf32>
  %vx = tensor.empty() : tensor<2x2x12x16xbf16>
  %v = linalg.generic {indexing_maps = [#gen, #gen], iterator_types = ["parallel","parallel","parallel","parallel"]} ins(%vf : tensor<2x2x12x16xf32>) outs(%vx : tensor<2x2x12x16xbf16>) {
  ^bb0(%a: f32, %b: bf16):
    %r = arith.truncf %a : f32 to bf16
    linalg.yield %r : bf16
  } -> tensor<2x2x12x16xbf16>
  %m4e = tensor.empty() : tensor<1x1x8x12xf32>
  %m4ed = tensor.cast %m4e : tensor<1x1x8x12xf32> to tensor<?x?x?x?xf32>
  %m4s = arith.constant 0.5 : f32
  %m4d = call @fill(%m4ed, %m4s) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %m4f = tensor.cast %m4d : tensor<?x?x?x?xf32> to tensor<1x1x8x12xf32>
  %m4x = tensor.empty() : tensor<1x1x8x12xbf16>
  %m4 = linalg.generic {indexing_maps = [#gen, #gen], iterator_types = ["parallel","parallel","parallel","parallel"]} ins(%m4f : tensor<1x1x8x12xf32>) outs(%m4x : tensor<1x1x8x12xbf16>) {
  ^bb0(%a: f32, %b: bf16):
    %r = arith.truncf %a : f32 to bf16
    linalg.yield %r : bf16
  } -> tensor<1x1x8x12xbf16>
  %m = tensor.collapse_shape %m4 [[0, 1, 2], [3]] : tensor<1x1x8x12xbf16> into tensor<8x12xbf16>
  %o = call @bf16_scaled_k(%q, %k, %v, %m) : (tensor<2x2x8x16xbf16>, tensor<2x2x12x16xbf16>, tensor<2x2x12x16xbf16>, tensor<8x12xbf16>) -> tensor<2x2x8x16xbf16>
  %ox = tensor.empty() : tensor<2x2x8x16xf32>
  %of = linalg.generic {indexing_maps = [#gen, #gen], iterator_types = ["parallel","parallel","parallel","parallel"]} ins(%o : tensor<2x2x8x16xbf16>) outs(%ox : tensor<2x2x8x16xf32>) {
  ^bb0(%a: bf16, %b: f32):
    %r = arith.extf %a : bf16 to f32
    linalg.yield %r : f32
  } -> tensor<2x2x8x16xf32>
  %u = tensor.cast %of : tensor<2x2x8x16xf32> to tensor<*xf32>
  call @printMemrefF32(%u) : (tensor<*xf32>) -> ()
  return
}
