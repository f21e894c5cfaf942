// Executed check of attn-fuse-attention on a mask indexed by the collapsed
// batch * heads dim of a 3-D chain (BLOOM-style baddbmm: a per-head bias of
// shape [B*H, 1, Skv] added to the [B*H, Sq, Skv] scores, with the scale, in
// one 3-D generic), around torch-mlir's batch_matmul form with B = 2, H = 4.
// The raise reads the mask index b * 4 + h and expands the mask back to
// [B, H, 1, Skv]. A second function adds a keep condition on the collapsed
// index n = b * 4 + h (j <= i + n mod 3, no band): with the bias it makes a
// combined [B, H, Sq, Skv] mask. The fused and the unfused programs must print the same
// numbers (rtol 1e-4, atol 1e-5).
// RUN: attn-opt %s -attn-fuse-attention | FileCheck %s
// RUN: attn-opt %s -attn-cpu-pipeline="fuse=false" | mlir-runner -e main -entry-point-result=void -shared-libs=%runner_libs > %t.ref
// RUN: attn-opt %s -attn-cpu-pipeline="fuse=true" | mlir-runner -e main -entry-point-result=void -shared-libs=%runner_libs > %t.fused
// RUN: %python %attn_src/test/lib/compare_outputs.py %t.ref %t.fused --rtol 1e-4 --atol 1e-5

// CHECK-LABEL: func.func @bh_collapsed_mask
// CHECK: %[[M4:.+]] = tensor.expand_shape %{{.+}} {{\[\[}}0, 1], [2], [3]] output_shape [2, 4, 1, 8] : tensor<8x1x8xf32> into tensor<2x4x1x8xf32>
// CHECK: attn.attention
// CHECK-SAME: mask(%[[M4]] : tensor<2x4x1x8xf32>)
// CHECK-SAME: scale = 2.500000e-01
// CHECK-NOT: linalg.batch_matmul
// CHECK-LABEL: func.func @bh_collapsed_mask_and_condition
// CHECK: %[[CM:.+]] = linalg.generic {{.*}} ins(%{{.+}} : tensor<8x1x8xf32>) outs(%{{.+}} : tensor<2x4x8x8xf32>)
// CHECK: arith.remui
// CHECK: arith.select
// CHECK: attn.attention
// CHECK-SAME: mask(%[[CM]] : tensor<2x4x8x8xf32>)
// CHECK-NOT: linalg.batch_matmul


#id4 = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#tr = affine_map<(d0, d1, d2, d3) -> (d0, d1, d3, d2)>
#row = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, 0)>
#red = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>
#mask = affine_map<(d0, d1, d2, d3) -> (d0, 0, 0, d3)>
#id3 = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
#bias3 = affine_map<(d0, d1, d2) -> (d0, 0, d2)>
func.func @bh_collapsed_mask(%q: tensor<2x4x8x16xf32>, %k: tensor<2x4x8x16xf32>, %v: tensor<2x4x8x16xf32>, %m: tensor<8x1x8xf32>) -> tensor<2x4x8x16xf32> {
  %cst0 = arith.constant 0.0 : f32
  %ninf = arith.constant 0xFF800000 : f32
  %d = arith.constant 16.0 : f32
  %sq = math.sqrt %d : f32
  %e0 = tensor.empty() : tensor<2x4x16x8xf32>
  %kt = linalg.generic {indexing_maps = [#tr, #id4], iterator_types = ["parallel","parallel","parallel","parallel"]} ins(%k : tensor<2x4x8x16xf32>) outs(%e0 : tensor<2x4x16x8xf32>) {
  ^bb0(%a: f32, %b: f32):
    linalg.yield %a : f32
  } -> tensor<2x4x16x8xf32>
  %qc = tensor.collapse_shape %q [[0, 1], [2], [3]] : tensor<2x4x8x16xf32> into tensor<8x8x16xf32>
  %ktc = tensor.collapse_shape %kt [[0, 1], [2], [3]] : tensor<2x4x16x8xf32> into tensor<8x16x8xf32>
  %e1 = tensor.empty() : tensor<8x8x8xf32>
  %f1 = linalg.fill ins(%cst0 : f32) outs(%e1 : tensor<8x8x8xf32>) -> tensor<8x8x8xf32>
  %s3 = linalg.batch_matmul ins(%qc, %ktc : tensor<8x8x16xf32>, tensor<8x16x8xf32>) outs(%f1 : tensor<8x8x8xf32>) -> tensor<8x8x8xf32>
  %e2b = tensor.empty() : tensor<8x8x8xf32>
  %sb = linalg.generic {indexing_maps = [#id3, #bias3, #id3], iterator_types = ["parallel","parallel","parallel"]} ins(%s3, %m : tensor<8x8x8xf32>, tensor<8x1x8xf32>) outs(%e2b : tensor<8x8x8xf32>) {
  ^bb0(%a: f32, %b: f32, %c: f32):
    %t = arith.divf %a, %sq : f32
    %r = arith.addf %t, %b : f32
    linalg.yield %r : f32
  } -> tensor<8x8x8xf32>
  %sm = tensor.expand_shape %sb [[0, 1], [2], [3]] output_shape [2, 4, 8, 8] : tensor<8x8x8xf32> into tensor<2x4x8x8xf32>
  %e2 = tensor.empty() : tensor<2x4x8x8xf32>
  %e3 = tensor.empty() : tensor<2x4x8xf32>
  %f3 = linalg.fill ins(%ninf : f32) outs(%e3 : tensor<2x4x8xf32>) -> tensor<2x4x8xf32>
  %mx = linalg.generic {indexing_maps = [#id4, #red], iterator_types = ["parallel","parallel","parallel","reduction"]} ins(%sm : tensor<2x4x8x8xf32>) outs(%f3 : tensor<2x4x8xf32>) {
  ^bb0(%a: f32, %b: f32):
    %r = arith.maximumf %a, %b : f32
    linalg.yield %r : f32
  } -> tensor<2x4x8xf32>
  %mxk = tensor.expand_shape %mx [[0], [1], [2, 3]] output_shape [2, 4, 8, 1] : tensor<2x4x8xf32> into tensor<2x4x8x1xf32>
  %sub = linalg.generic {indexing_maps = [#id4, #row, #id4], iterator_types = ["parallel","parallel","parallel","parallel"]} ins(%sm, %mxk : tensor<2x4x8x8xf32>, tensor<2x4x8x1xf32>) outs(%e2 : tensor<2x4x8x8xf32>) {
  ^bb0(%a: f32, %b: f32, %c: f32):
    %r = arith.subf %a, %b : f32
    linalg.yield %r : f32
  } -> tensor<2x4x8x8xf32>
  %ex = linalg.generic {indexing_maps = [#id4, #id4], iterator_types = ["parallel","parallel","parallel","parallel"]} ins(%sub : tensor<2x4x8x8xf32>) outs(%e2 : tensor<2x4x8x8xf32>) {
  ^bb0(%a: f32, %b: f32):
    %r = math.exp %a : f32
    linalg.yield %r : f32
  } -> tensor<2x4x8x8xf32>
  %f4 = linalg.fill ins(%cst0 : f32) outs(%e3 : tensor<2x4x8xf32>) -> tensor<2x4x8xf32>
  %sum = linalg.generic {indexing_maps = [#id4, #red], iterator_types = ["parallel","parallel","parallel","reduction"]} ins(%ex : tensor<2x4x8x8xf32>) outs(%f4 : tensor<2x4x8xf32>) {
  ^bb0(%a: f32, %b: f32):
    %r = arith.addf %a, %b : f32
    linalg.yield %r : f32
  } -> tensor<2x4x8xf32>
  %sumk = tensor.expand_shape %sum [[0], [1], [2, 3]] output_shape [2, 4, 8, 1] : tensor<2x4x8xf32> into tensor<2x4x8x1xf32>
  %p = linalg.generic {indexing_maps = [#id4, #row, #id4], iterator_types = ["parallel","parallel","parallel","parallel"]} ins(%ex, %sumk : tensor<2x4x8x8xf32>, tensor<2x4x8x1xf32>) outs(%e2 : tensor<2x4x8x8xf32>) {
  ^bb0(%a: f32, %b: f32, %c: f32):
    %r = arith.divf %a, %b : f32
    linalg.yield %r : f32
  } -> tensor<2x4x8x8xf32>
  %pc = tensor.collapse_shape %p [[0, 1], [2], [3]] : tensor<2x4x8x8xf32> into tensor<8x8x8xf32>
  %vc = tensor.collapse_shape %v [[0, 1], [2], [3]] : tensor<2x4x8x16xf32> into tensor<8x8x16xf32>
  %e5 = tensor.empty() : tensor<8x8x16xf32>
  %f5 = linalg.fill ins(%cst0 : f32) outs(%e5 : tensor<8x8x16xf32>) -> tensor<8x8x16xf32>
  %o3 = linalg.batch_matmul ins(%pc, %vc : tensor<8x8x8xf32>, tensor<8x8x16xf32>) outs(%f5 : tensor<8x8x16xf32>) -> tensor<8x8x16xf32>
  %o = tensor.expand_shape %o3 [[0, 1], [2], [3]] output_shape [2, 4, 8, 16] : tensor<8x8x16xf32> into tensor<2x4x8x16xf32>
  return %o : tensor<2x4x8x16xf32>
}

func.func @bh_collapsed_mask_and_condition(%q: tensor<2x4x8x16xf32>, %k: tensor<2x4x8x16xf32>, %v: tensor<2x4x8x16xf32>, %m: tensor<8x1x8xf32>) -> tensor<2x4x8x16xf32> {
  %cst0 = arith.constant 0.0 : f32
  %ninf = arith.constant 0xFF800000 : f32
  %d = arith.constant 16.0 : f32
  %sq = math.sqrt %d : f32
  %e0 = tensor.empty() : tensor<2x4x16x8xf32>
  %kt = linalg.generic {indexing_maps = [#tr, #id4], iterator_types = ["parallel","parallel","parallel","parallel"]} ins(%k : tensor<2x4x8x16xf32>) outs(%e0 : tensor<2x4x16x8xf32>) {
  ^bb0(%a: f32, %b: f32):
    linalg.yield %a : f32
  } -> tensor<2x4x16x8xf32>
  %qc = tensor.collapse_shape %q [[0, 1], [2], [3]] : tensor<2x4x8x16xf32> into tensor<8x8x16xf32>
  %ktc = tensor.collapse_shape %kt [[0, 1], [2], [3]] : tensor<2x4x16x8xf32> into tensor<8x16x8xf32>
  %e1 = tensor.empty() : tensor<8x8x8xf32>
  %f1 = linalg.fill ins(%cst0 : f32) outs(%e1 : tensor<8x8x8xf32>) -> tensor<8x8x8xf32>
  %s3 = linalg.batch_matmul ins(%qc, %ktc : tensor<8x8x16xf32>, tensor<8x16x8xf32>) outs(%f1 : tensor<8x8x8xf32>) -> tensor<8x8x8xf32>
  %e2b = tensor.empty() : tensor<8x8x8xf32>
  %sb = linalg.generic {indexing_maps = [#id3, #bias3, #id3], iterator_types = ["parallel","parallel","parallel"]} ins(%s3, %m : tensor<8x8x8xf32>, tensor<8x1x8xf32>) outs(%e2b : tensor<8x8x8xf32>) {
  ^bb0(%a: f32, %b: f32, %c: f32):
    %t = arith.divf %a, %sq : f32
    %r0 = arith.addf %t, %b : f32
    %n = linalg.index 0 : index
    %i = linalg.index 1 : index
    %j = linalg.index 2 : index
    %c3 = arith.constant 3 : index
    %nm = arith.remui %n, %c3 : index
    %lim = arith.addi %i, %nm : index
    %keep = arith.cmpi ule, %j, %lim : index
    %ninf2 = arith.constant 0xFF800000 : f32
    %r = arith.select %keep, %r0, %ninf2 : f32
    linalg.yield %r : f32
  } -> tensor<8x8x8xf32>
  %sm = tensor.expand_shape %sb [[0, 1], [2], [3]] output_shape [2, 4, 8, 8] : tensor<8x8x8xf32> into tensor<2x4x8x8xf32>
  %e2 = tensor.empty() : tensor<2x4x8x8xf32>
  %e3 = tensor.empty() : tensor<2x4x8xf32>
  %f3 = linalg.fill ins(%ninf : f32) outs(%e3 : tensor<2x4x8xf32>) -> tensor<2x4x8xf32>
  %mx = linalg.generic {indexing_maps = [#id4, #red], iterator_types = ["parallel","parallel","parallel","reduction"]} ins(%sm : tensor<2x4x8x8xf32>) outs(%f3 : tensor<2x4x8xf32>) {
  ^bb0(%a: f32, %b: f32):
    %r = arith.maximumf %a, %b : f32
    linalg.yield %r : f32
  } -> tensor<2x4x8xf32>
  %mxk = tensor.expand_shape %mx [[0], [1], [2, 3]] output_shape [2, 4, 8, 1] : tensor<2x4x8xf32> into tensor<2x4x8x1xf32>
  %sub = linalg.generic {indexing_maps = [#id4, #row, #id4], iterator_types = ["parallel","parallel","parallel","parallel"]} ins(%sm, %mxk : tensor<2x4x8x8xf32>, tensor<2x4x8x1xf32>) outs(%e2 : tensor<2x4x8x8xf32>) {
  ^bb0(%a: f32, %b: f32, %c: f32):
    %r = arith.subf %a, %b : f32
    linalg.yield %r : f32
  } -> tensor<2x4x8x8xf32>
  %ex = linalg.generic {indexing_maps = [#id4, #id4], iterator_types = ["parallel","parallel","parallel","parallel"]} ins(%sub : tensor<2x4x8x8xf32>) outs(%e2 : tensor<2x4x8x8xf32>) {
  ^bb0(%a: f32, %b: f32):
    %r = math.exp %a : f32
    linalg.yield %r : f32
  } -> tensor<2x4x8x8xf32>
  %f4 = linalg.fill ins(%cst0 : f32) outs(%e3 : tensor<2x4x8xf32>) -> tensor<2x4x8xf32>
  %sum = linalg.generic {indexing_maps = [#id4, #red], iterator_types = ["parallel","parallel","parallel","reduction"]} ins(%ex : tensor<2x4x8x8xf32>) outs(%f4 : tensor<2x4x8xf32>) {
  ^bb0(%a: f32, %b: f32):
    %r = arith.addf %a, %b : f32
    linalg.yield %r : f32
  } -> tensor<2x4x8xf32>
  %sumk = tensor.expand_shape %sum [[0], [1], [2, 3]] output_shape [2, 4, 8, 1] : tensor<2x4x8xf32> into tensor<2x4x8x1xf32>
  %p = linalg.generic {indexing_maps = [#id4, #row, #id4], iterator_types = ["parallel","parallel","parallel","parallel"]} ins(%ex, %sumk : tensor<2x4x8x8xf32>, tensor<2x4x8x1xf32>) outs(%e2 : tensor<2x4x8x8xf32>) {
  ^bb0(%a: f32, %b: f32, %c: f32):
    %r = arith.divf %a, %b : f32
    linalg.yield %r : f32
  } -> tensor<2x4x8x8xf32>
  %pc = tensor.collapse_shape %p [[0, 1], [2], [3]] : tensor<2x4x8x8xf32> into tensor<8x8x8xf32>
  %vc = tensor.collapse_shape %v [[0, 1], [2], [3]] : tensor<2x4x8x16xf32> into tensor<8x8x16xf32>
  %e5 = tensor.empty() : tensor<8x8x16xf32>
  %f5 = linalg.fill ins(%cst0 : f32) outs(%e5 : tensor<8x8x16xf32>) -> tensor<8x8x16xf32>
  %o3 = linalg.batch_matmul ins(%pc, %vc : tensor<8x8x8xf32>, tensor<8x8x16xf32>) outs(%f5 : tensor<8x8x16xf32>) -> tensor<8x8x16xf32>
  %o = tensor.expand_shape %o3 [[0, 1], [2], [3]] output_shape [2, 4, 8, 16] : tensor<8x8x16xf32> into tensor<2x4x8x16xf32>
  return %o : tensor<2x4x8x16xf32>
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
  %e = tensor.empty() : tensor<2x4x8x16xf32>
  %ed = tensor.cast %e : tensor<2x4x8x16xf32> to tensor<?x?x?x?xf32>
  %s0 = arith.constant 0.0 : f32
  %s1 = arith.constant 1.7 : f32
  %s2 = arith.constant 2.9 : f32
  %qd = call @fill(%ed, %s0) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %kd = call @fill(%ed, %s1) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %vd = call @fill(%ed, %s2) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %q = tensor.cast %qd : tensor<?x?x?x?xf32> to tensor<2x4x8x16xf32>
  %k = tensor.cast %kd : tensor<?x?x?x?xf32> to tensor<2x4x8x16xf32>
  %v = tensor.cast %vd : tensor<?x?x?x?xf32> to tensor<2x4x8x16xf32>
  %em = tensor.empty() : tensor<8x1x8xf32>
  %em4 = tensor.expand_shape %em [[0, 1], [2], [3]] output_shape [8, 1, 1, 8] : tensor<8x1x8xf32> into tensor<8x1x1x8xf32>
  %emd = tensor.cast %em4 : tensor<8x1x1x8xf32> to tensor<?x?x?x?xf32>
  %s3 = arith.constant 0.5 : f32
  %md = call @fill(%emd, %s3) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %m4 = tensor.cast %md : tensor<?x?x?x?xf32> to tensor<8x1x1x8xf32>
  %m = tensor.collapse_shape %m4 [[0, 1], [2], [3]] : tensor<8x1x1x8xf32> into tensor<8x1x8xf32>
  %o = call @bh_collapsed_mask(%q, %k, %v, %m) : (tensor<2x4x8x16xf32>, tensor<2x4x8x16xf32>, tensor<2x4x8x16xf32>, tensor<8x1x8xf32>) -> tensor<2x4x8x16xf32>
  %u = tensor.cast %o : tensor<2x4x8x16xf32> to tensor<*xf32>
  call @printMemrefF32(%u) : (tensor<*xf32>) -> ()
  %o2 = call @bh_collapsed_mask_and_condition(%q, %k, %v, %m) : (tensor<2x4x8x16xf32>, tensor<2x4x8x16xf32>, tensor<2x4x8x16xf32>, tensor<8x1x8xf32>) -> tensor<2x4x8x16xf32>
  %u2 = tensor.cast %o2 : tensor<2x4x8x16xf32> to tensor<*xf32>
  call @printMemrefF32(%u2) : (tensor<*xf32>) -> ()
  return
}
