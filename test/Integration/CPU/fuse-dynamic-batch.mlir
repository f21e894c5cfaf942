// Executed check of attn-fuse-attention on torch-mlir's form with a dynamic
// batch and dynamic sequence lengths: 4-D Q/K/V [?, 4, ?, 16] collapsed to
// [?, ?, 16] around linalg.batch_matmul (the collapsed dim N = B * H is
// dynamic), K transposed by a permutation generic, a division by sqrt(D), an
// additive [?, 1, 1, ?] mask and the decomposed keep-dim softmax. Run with
// B = 3, Sq = 7, Skv = 11: the fused and the unfused programs must print the
// same numbers (rtol 1e-4, atol 1e-5). @bloom_dynamic is the same chain
// with a BLOOM-style [N, 1, Skv] bias added with the scale in one 3-D
// generic, indexed by the dynamic collapsed dim b * 4 + h and expanded back
// to [?, 4, 1, ?]. @one_head_dynamic is a 3-D chain over [?, ?, 16] that no
// 4-D input is collapsed into (softmax without the max, linalg.reduce).
// RUN: attn-opt %s -attn-fuse-attention | FileCheck %s
// RUN: attn-opt %s -attn-cpu-pipeline="fuse=false" | mlir-runner -e main -entry-point-result=void -shared-libs=%runner_libs > %t.ref
// RUN: attn-opt %s -attn-cpu-pipeline="fuse=true" | mlir-runner -e main -entry-point-result=void -shared-libs=%runner_libs > %t.fused
// RUN: %python %attn_src/test/lib/compare_outputs.py %t.ref %t.fused --rtol 1e-4 --atol 1e-5

// CHECK-LABEL: func.func @torch_sdpa
// CHECK: %[[R:.*]] = attn.attention ins(%arg0, %arg1, %arg2 : tensor<?x4x?x16xf32>, tensor<?x4x?x16xf32>, tensor<?x4x?x16xf32>)
// CHECK-SAME: mask(%arg3 : tensor<?x1x1x?xf32>)
// CHECK-SAME: scale = 2.500000e-01
// CHECK-SAME: -> tensor<?x4x?x16xf32>
// CHECK-NOT: linalg.batch_matmul
// CHECK: return

// CHECK-LABEL: func.func @bloom_dynamic
// CHECK: %[[M4:.+]] = tensor.expand_shape %arg3 {{\[\[}}0, 1], [2], [3]] output_shape [%{{.+}}, 4, 1, %{{.+}}] : tensor<?x1x?xf32> into tensor<?x4x1x?xf32>
// CHECK: attn.attention
// CHECK-SAME: mask(%[[M4]] : tensor<?x4x1x?xf32>)
// CHECK-NOT: linalg.batch_matmul
// CHECK: return

// A 3-D chain over a dynamic N with no 4-D input: N is the batch of
// one-head attention.
// CHECK-LABEL: func.func @one_head_dynamic
// CHECK: %[[Q4:.+]] = tensor.expand_shape %arg0 {{\[\[}}0, 1], [2], [3]] output_shape [%{{.+}}, 1, %{{.+}}, 16] : tensor<?x?x16xf32> into tensor<?x1x?x16xf32>
// CHECK: attn.attention ins(%[[Q4]],
// CHECK-SAME: scale = 1.000000e+00
// CHECK-NOT: linalg.batch_matmul
// CHECK: return

#id4 = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#tr = affine_map<(d0, d1, d2, d3) -> (d0, d1, d3, d2)>
#row = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, 0)>
#red = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>
#mask = affine_map<(d0, d1, d2, d3) -> (d0, 0, 0, d3)>
func.func @torch_sdpa(%q: tensor<?x4x?x16xf32>, %k: tensor<?x4x?x16xf32>, %v: tensor<?x4x?x16xf32>, %m: tensor<?x1x1x?xf32>) -> tensor<?x4x?x16xf32> {
  %c0 = arith.constant 0 : index
  %c2 = arith.constant 2 : index
  %cst0 = arith.constant 0.0 : f32
  %ninf = arith.constant 0xFF800000 : f32
  %d = arith.constant 4.0 : f32
  %b = tensor.dim %q, %c0 : tensor<?x4x?x16xf32>
  %sq = tensor.dim %q, %c2 : tensor<?x4x?x16xf32>
  %skv = tensor.dim %k, %c2 : tensor<?x4x?x16xf32>
  %e0 = tensor.empty(%b, %skv) : tensor<?x4x16x?xf32>
  %kt = linalg.generic {indexing_maps = [#tr, #id4], iterator_types = ["parallel","parallel","parallel","parallel"]} ins(%k : tensor<?x4x?x16xf32>) outs(%e0 : tensor<?x4x16x?xf32>) {
  ^bb0(%a: f32, %o: f32):
    linalg.yield %a : f32
  } -> tensor<?x4x16x?xf32>
  %qc = tensor.collapse_shape %q [[0, 1], [2], [3]] : tensor<?x4x?x16xf32> into tensor<?x?x16xf32>
  %ktc = tensor.collapse_shape %kt [[0, 1], [2], [3]] : tensor<?x4x16x?xf32> into tensor<?x16x?xf32>
  %n = tensor.dim %qc, %c0 : tensor<?x?x16xf32>
  %e1 = tensor.empty(%n, %sq, %skv) : tensor<?x?x?xf32>
  %f1 = linalg.fill ins(%cst0 : f32) outs(%e1 : tensor<?x?x?xf32>) -> tensor<?x?x?xf32>
  %s3 = linalg.batch_matmul ins(%qc, %ktc : tensor<?x?x16xf32>, tensor<?x16x?xf32>) outs(%f1 : tensor<?x?x?xf32>) -> tensor<?x?x?xf32>
  %s = tensor.expand_shape %s3 [[0, 1], [2], [3]] output_shape [%b, 4, %sq, %skv] : tensor<?x?x?xf32> into tensor<?x4x?x?xf32>
  %e2 = tensor.empty(%b, %sq, %skv) : tensor<?x4x?x?xf32>
  %ss = linalg.generic {indexing_maps = [#id4, #id4], iterator_types = ["parallel","parallel","parallel","parallel"]} ins(%s : tensor<?x4x?x?xf32>) outs(%e2 : tensor<?x4x?x?xf32>) {
  ^bb0(%a: f32, %o: f32):
    %r = arith.divf %a, %d : f32
    linalg.yield %r : f32
  } -> tensor<?x4x?x?xf32>
  %sm = linalg.generic {indexing_maps = [#id4, #mask, #id4], iterator_types = ["parallel","parallel","parallel","parallel"]} ins(%ss, %m : tensor<?x4x?x?xf32>, tensor<?x1x1x?xf32>) outs(%e2 : tensor<?x4x?x?xf32>) {
  ^bb0(%a: f32, %mm: f32, %o: f32):
    %r = arith.addf %a, %mm : f32
    linalg.yield %r : f32
  } -> tensor<?x4x?x?xf32>
  %e3 = tensor.empty(%b, %sq) : tensor<?x4x?xf32>
  %f3 = linalg.fill ins(%ninf : f32) outs(%e3 : tensor<?x4x?xf32>) -> tensor<?x4x?xf32>
  %mx = linalg.generic {indexing_maps = [#id4, #red], iterator_types = ["parallel","parallel","parallel","reduction"]} ins(%sm : tensor<?x4x?x?xf32>) outs(%f3 : tensor<?x4x?xf32>) {
  ^bb0(%a: f32, %o: f32):
    %r = arith.maximumf %a, %o : f32
    linalg.yield %r : f32
  } -> tensor<?x4x?xf32>
  %mxk = tensor.expand_shape %mx [[0], [1], [2, 3]] output_shape [%b, 4, %sq, 1] : tensor<?x4x?xf32> into tensor<?x4x?x1xf32>
  %sub = linalg.generic {indexing_maps = [#id4, #row, #id4], iterator_types = ["parallel","parallel","parallel","parallel"]} ins(%sm, %mxk : tensor<?x4x?x?xf32>, tensor<?x4x?x1xf32>) outs(%e2 : tensor<?x4x?x?xf32>) {
  ^bb0(%a: f32, %x: f32, %o: f32):
    %r = arith.subf %a, %x : f32
    %ex = math.exp %r : f32
    linalg.yield %ex : f32
  } -> tensor<?x4x?x?xf32>
  %f4 = linalg.fill ins(%cst0 : f32) outs(%e3 : tensor<?x4x?xf32>) -> tensor<?x4x?xf32>
  %sum = linalg.generic {indexing_maps = [#id4, #red], iterator_types = ["parallel","parallel","parallel","reduction"]} ins(%sub : tensor<?x4x?x?xf32>) outs(%f4 : tensor<?x4x?xf32>) {
  ^bb0(%a: f32, %o: f32):
    %r = arith.addf %a, %o : f32
    linalg.yield %r : f32
  } -> tensor<?x4x?xf32>
  %sumk = tensor.expand_shape %sum [[0], [1], [2, 3]] output_shape [%b, 4, %sq, 1] : tensor<?x4x?xf32> into tensor<?x4x?x1xf32>
  %p = linalg.generic {indexing_maps = [#id4, #row, #id4], iterator_types = ["parallel","parallel","parallel","parallel"]} ins(%sub, %sumk : tensor<?x4x?x?xf32>, tensor<?x4x?x1xf32>) outs(%e2 : tensor<?x4x?x?xf32>) {
  ^bb0(%a: f32, %x: f32, %o: f32):
    %r = arith.divf %a, %x : f32
    linalg.yield %r : f32
  } -> tensor<?x4x?x?xf32>
  %pc = tensor.collapse_shape %p [[0, 1], [2], [3]] : tensor<?x4x?x?xf32> into tensor<?x?x?xf32>
  %vc = tensor.collapse_shape %v [[0, 1], [2], [3]] : tensor<?x4x?x16xf32> into tensor<?x?x16xf32>
  %e5 = tensor.empty(%n, %sq) : tensor<?x?x16xf32>
  %f5 = linalg.fill ins(%cst0 : f32) outs(%e5 : tensor<?x?x16xf32>) -> tensor<?x?x16xf32>
  %o3 = linalg.batch_matmul ins(%pc, %vc : tensor<?x?x?xf32>, tensor<?x?x16xf32>) outs(%f5 : tensor<?x?x16xf32>) -> tensor<?x?x16xf32>
  %o = tensor.expand_shape %o3 [[0, 1], [2], [3]] output_shape [%b, 4, %sq, 16] : tensor<?x?x16xf32> into tensor<?x4x?x16xf32>
  return %o : tensor<?x4x?x16xf32>
}

#bid4 = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#btr = affine_map<(d0, d1, d2, d3) -> (d0, d1, d3, d2)>
#brow = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, 0)>
#bred = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>
#id3 = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
#bias3 = affine_map<(d0, d1, d2) -> (d0, 0, d2)>
func.func @bloom_dynamic(%q: tensor<?x4x?x16xf32>, %k: tensor<?x4x?x16xf32>, %v: tensor<?x4x?x16xf32>, %m: tensor<?x1x?xf32>) -> tensor<?x4x?x16xf32> {
  %c0 = arith.constant 0 : index
  %c2 = arith.constant 2 : index
  %cst0 = arith.constant 0.0 : f32
  %ninf = arith.constant 0xFF800000 : f32
  %d = arith.constant 4.0 : f32
  %b = tensor.dim %q, %c0 : tensor<?x4x?x16xf32>
  %sq = tensor.dim %q, %c2 : tensor<?x4x?x16xf32>
  %skv = tensor.dim %k, %c2 : tensor<?x4x?x16xf32>
  %e0 = tensor.empty(%b, %skv) : tensor<?x4x16x?xf32>
  %kt = linalg.generic {indexing_maps = [#btr, #bid4], iterator_types = ["parallel","parallel","parallel","parallel"]} ins(%k : tensor<?x4x?x16xf32>) outs(%e0 : tensor<?x4x16x?xf32>) {
  ^bb0(%a: f32, %o: f32):
    linalg.yield %a : f32
  } -> tensor<?x4x16x?xf32>
  %qc = tensor.collapse_shape %q [[0, 1], [2], [3]] : tensor<?x4x?x16xf32> into tensor<?x?x16xf32>
  %ktc = tensor.collapse_shape %kt [[0, 1], [2], [3]] : tensor<?x4x16x?xf32> into tensor<?x16x?xf32>
  %n = tensor.dim %qc, %c0 : tensor<?x?x16xf32>
  %e1 = tensor.empty(%n, %sq, %skv) : tensor<?x?x?xf32>
  %f1 = linalg.fill ins(%cst0 : f32) outs(%e1 : tensor<?x?x?xf32>) -> tensor<?x?x?xf32>
  %s3 = linalg.batch_matmul ins(%qc, %ktc : tensor<?x?x16xf32>, tensor<?x16x?xf32>) outs(%f1 : tensor<?x?x?xf32>) -> tensor<?x?x?xf32>
  %e2b = tensor.empty(%n, %sq, %skv) : tensor<?x?x?xf32>
  %sb = linalg.generic {indexing_maps = [#id3, #bias3, #id3], iterator_types = ["parallel","parallel","parallel"]} ins(%s3, %m : tensor<?x?x?xf32>, tensor<?x1x?xf32>) outs(%e2b : tensor<?x?x?xf32>) {
  ^bb0(%a: f32, %bb: f32, %o: f32):
    %t = arith.divf %a, %d : f32
    %r = arith.addf %t, %bb : f32
    linalg.yield %r : f32
  } -> tensor<?x?x?xf32>
  %ss = tensor.expand_shape %sb [[0, 1], [2], [3]] output_shape [%b, 4, %sq, %skv] : tensor<?x?x?xf32> into tensor<?x4x?x?xf32>
  %e2 = tensor.empty(%b, %sq, %skv) : tensor<?x4x?x?xf32>
  %e3 = tensor.empty(%b, %sq) : tensor<?x4x?xf32>
  %f3 = linalg.fill ins(%ninf : f32) outs(%e3 : tensor<?x4x?xf32>) -> tensor<?x4x?xf32>
  %mx = linalg.generic {indexing_maps = [#bid4, #bred], iterator_types = ["parallel","parallel","parallel","reduction"]} ins(%ss : tensor<?x4x?x?xf32>) outs(%f3 : tensor<?x4x?xf32>) {
  ^bb0(%a: f32, %o: f32):
    %r = arith.maximumf %a, %o : f32
    linalg.yield %r : f32
  } -> tensor<?x4x?xf32>
  %mxk = tensor.expand_shape %mx [[0], [1], [2, 3]] output_shape [%b, 4, %sq, 1] : tensor<?x4x?xf32> into tensor<?x4x?x1xf32>
  %sub = linalg.generic {indexing_maps = [#bid4, #brow, #bid4], iterator_types = ["parallel","parallel","parallel","parallel"]} ins(%ss, %mxk : tensor<?x4x?x?xf32>, tensor<?x4x?x1xf32>) outs(%e2 : tensor<?x4x?x?xf32>) {
  ^bb0(%a: f32, %x: f32, %o: f32):
    %r = arith.subf %a, %x : f32
    %ex = math.exp %r : f32
    linalg.yield %ex : f32
  } -> tensor<?x4x?x?xf32>
  %f4 = linalg.fill ins(%cst0 : f32) outs(%e3 : tensor<?x4x?xf32>) -> tensor<?x4x?xf32>
  %sum = linalg.generic {indexing_maps = [#bid4, #bred], iterator_types = ["parallel","parallel","parallel","reduction"]} ins(%sub : tensor<?x4x?x?xf32>) outs(%f4 : tensor<?x4x?xf32>) {
  ^bb0(%a: f32, %o: f32):
    %r = arith.addf %a, %o : f32
    linalg.yield %r : f32
  } -> tensor<?x4x?xf32>
  %sumk = tensor.expand_shape %sum [[0], [1], [2, 3]] output_shape [%b, 4, %sq, 1] : tensor<?x4x?xf32> into tensor<?x4x?x1xf32>
  %p = linalg.generic {indexing_maps = [#bid4, #brow, #bid4], iterator_types = ["parallel","parallel","parallel","parallel"]} ins(%sub, %sumk : tensor<?x4x?x?xf32>, tensor<?x4x?x1xf32>) outs(%e2 : tensor<?x4x?x?xf32>) {
  ^bb0(%a: f32, %x: f32, %o: f32):
    %r = arith.divf %a, %x : f32
    linalg.yield %r : f32
  } -> tensor<?x4x?x?xf32>
  %pc = tensor.collapse_shape %p [[0, 1], [2], [3]] : tensor<?x4x?x?xf32> into tensor<?x?x?xf32>
  %vc = tensor.collapse_shape %v [[0, 1], [2], [3]] : tensor<?x4x?x16xf32> into tensor<?x?x16xf32>
  %e5 = tensor.empty(%n, %sq) : tensor<?x?x16xf32>
  %f5 = linalg.fill ins(%cst0 : f32) outs(%e5 : tensor<?x?x16xf32>) -> tensor<?x?x16xf32>
  %o3 = linalg.batch_matmul ins(%pc, %vc : tensor<?x?x?xf32>, tensor<?x?x16xf32>) outs(%f5 : tensor<?x?x16xf32>) -> tensor<?x?x16xf32>
  %o = tensor.expand_shape %o3 [[0, 1], [2], [3]] output_shape [%b, 4, %sq, 16] : tensor<?x?x16xf32> into tensor<?x4x?x16xf32>
  return %o : tensor<?x4x?x16xf32>
}

#oid3 = affine_map<(b, i, j) -> (b, i, j)>
#orow3 = affine_map<(b, i, j) -> (b, i)>
func.func @one_head_dynamic(%q: tensor<?x?x16xf32>, %k: tensor<?x?x16xf32>, %v: tensor<?x?x16xf32>) -> tensor<?x?x16xf32> {
  %c0 = arith.constant 0.0 : f32
  %i0 = arith.constant 0 : index
  %i1 = arith.constant 1 : index
  %n = tensor.dim %q, %i0 : tensor<?x?x16xf32>
  %sq = tensor.dim %q, %i1 : tensor<?x?x16xf32>
  %skv = tensor.dim %k, %i1 : tensor<?x?x16xf32>
  %e = tensor.empty(%n, %sq, %skv) : tensor<?x?x?xf32>
  %z = linalg.fill ins(%c0 : f32) outs(%e : tensor<?x?x?xf32>) -> tensor<?x?x?xf32>
  %s = linalg.batch_matmul indexing_maps = [
      affine_map<(b, i, j, d) -> (b, i, d)>,
      affine_map<(b, i, j, d) -> (b, j, d)>,
      affine_map<(b, i, j, d) -> (b, i, j)>]
      ins(%q, %k : tensor<?x?x16xf32>, tensor<?x?x16xf32>) outs(%z : tensor<?x?x?xf32>) -> tensor<?x?x?xf32>
  %ex = linalg.generic {indexing_maps = [#oid3, #oid3], iterator_types = ["parallel","parallel","parallel"]} ins(%s : tensor<?x?x?xf32>) outs(%e : tensor<?x?x?xf32>) {
  ^bb0(%a: f32, %o: f32):
    %x = math.exp %a : f32
    linalg.yield %x : f32
  } -> tensor<?x?x?xf32>
  %er = tensor.empty(%n, %sq) : tensor<?x?xf32>
  %zr = linalg.fill ins(%c0 : f32) outs(%er : tensor<?x?xf32>) -> tensor<?x?xf32>
  %sum = linalg.reduce ins(%ex : tensor<?x?x?xf32>) outs(%zr : tensor<?x?xf32>) dimensions = [2]
    (%a: f32, %acc: f32) {
      %r = arith.addf %a, %acc : f32
      linalg.yield %r : f32
    }
  %p = linalg.generic {indexing_maps = [#oid3, #orow3, #oid3], iterator_types = ["parallel","parallel","parallel"]} ins(%ex, %sum : tensor<?x?x?xf32>, tensor<?x?xf32>) outs(%e : tensor<?x?x?xf32>) {
  ^bb0(%a: f32, %b: f32, %o: f32):
    %x = arith.divf %a, %b : f32
    linalg.yield %x : f32
  } -> tensor<?x?x?xf32>
  %eo = tensor.empty(%n, %sq) : tensor<?x?x16xf32>
  %zo = linalg.fill ins(%c0 : f32) outs(%eo : tensor<?x?x16xf32>) -> tensor<?x?x16xf32>
  %o = linalg.batch_matmul ins(%p, %v : tensor<?x?x?xf32>, tensor<?x?x16xf32>) outs(%zo : tensor<?x?x16xf32>) -> tensor<?x?x16xf32>
  return %o : tensor<?x?x16xf32>
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
  %eq = tensor.empty() : tensor<3x4x7x16xf32>
  %ekv = tensor.empty() : tensor<3x4x11x16xf32>
  %eqd = tensor.cast %eq : tensor<3x4x7x16xf32> to tensor<?x?x?x?xf32>
  %ekvd = tensor.cast %ekv : tensor<3x4x11x16xf32> to tensor<?x?x?x?xf32>
  %s0 = arith.constant 0.0 : f32
  %s1 = arith.constant 1.7 : f32
  %s2 = arith.constant 2.9 : f32
  %qd = call @fill(%eqd, %s0) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %kd = call @fill(%ekvd, %s1) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %vd = call @fill(%ekvd, %s2) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %q = tensor.cast %qd : tensor<?x?x?x?xf32> to tensor<?x4x?x16xf32>
  %k = tensor.cast %kd : tensor<?x?x?x?xf32> to tensor<?x4x?x16xf32>
  %v = tensor.cast %vd : tensor<?x?x?x?xf32> to tensor<?x4x?x16xf32>
  %em = tensor.empty() : tensor<3x1x1x11xf32>
  %emd = tensor.cast %em : tensor<3x1x1x11xf32> to tensor<?x?x?x?xf32>
  %s3 = arith.constant 0.5 : f32
  %md = call @fill(%emd, %s3) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %m = tensor.cast %md : tensor<?x?x?x?xf32> to tensor<?x1x1x?xf32>
  %o = call @torch_sdpa(%q, %k, %v, %m) : (tensor<?x4x?x16xf32>, tensor<?x4x?x16xf32>, tensor<?x4x?x16xf32>, tensor<?x1x1x?xf32>) -> tensor<?x4x?x16xf32>
  %u = tensor.cast %o : tensor<?x4x?x16xf32> to tensor<*xf32>
  call @printMemrefF32(%u) : (tensor<*xf32>) -> ()
  %eb = tensor.empty() : tensor<12x1x11xf32>
  %ebe = tensor.expand_shape %eb [[0, 1], [2], [3]] output_shape [12, 1, 1, 11] : tensor<12x1x11xf32> into tensor<12x1x1x11xf32>
  %ebd = tensor.cast %ebe : tensor<12x1x1x11xf32> to tensor<?x?x?x?xf32>
  %s4 = arith.constant -0.8 : f32
  %bd = call @fill(%ebd, %s4) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %bs = tensor.cast %bd : tensor<?x?x?x?xf32> to tensor<12x1x1x11xf32>
  %b3 = tensor.collapse_shape %bs [[0, 1], [2], [3]] : tensor<12x1x1x11xf32> into tensor<12x1x11xf32>
  %bias = tensor.cast %b3 : tensor<12x1x11xf32> to tensor<?x1x?xf32>
  %o2 = call @bloom_dynamic(%q, %k, %v, %bias) : (tensor<?x4x?x16xf32>, tensor<?x4x?x16xf32>, tensor<?x4x?x16xf32>, tensor<?x1x?xf32>) -> tensor<?x4x?x16xf32>
  %u2 = tensor.cast %o2 : tensor<?x4x?x16xf32> to tensor<*xf32>
  call @printMemrefF32(%u2) : (tensor<*xf32>) -> ()
  %q3 = tensor.collapse_shape %q [[0, 1], [2], [3]] : tensor<?x4x?x16xf32> into tensor<?x?x16xf32>
  %k3 = tensor.collapse_shape %k [[0, 1], [2], [3]] : tensor<?x4x?x16xf32> into tensor<?x?x16xf32>
  %v3 = tensor.collapse_shape %v [[0, 1], [2], [3]] : tensor<?x4x?x16xf32> into tensor<?x?x16xf32>
  %o3 = call @one_head_dynamic(%q3, %k3, %v3) : (tensor<?x?x16xf32>, tensor<?x?x16xf32>, tensor<?x?x16xf32>) -> tensor<?x?x16xf32>
  %u3 = tensor.cast %o3 : tensor<?x?x16xf32> to tensor<*xf32>
  call @printMemrefF32(%u3) : (tensor<*xf32>) -> ()
  return
}
