// Executed check of attn-fuse-attention on the linalg that torch-mlir's
// TorchToLinalg emits for F.scaled_dot_product_attention decomposed on the
// torch dialect (aten.transpose.int, aten.matmul, aten.mul.Scalar with an f64
// scale, a boolean attn_mask turned into a float one by logical_not and
// masked_fill(-inf), aten.add.Tensor with its alpha, and aten._softmax
// decomposed into aten.max.dim (a reduction with two outputs: the max and
// its argmax), aten.sub.Tensor, aten.exp, aten.sum.dim_IntList and aten.div):
// the keep-dim reductions write their reduced dim at the constant 0 of a
// size-1 dim and are read through tensor.cast. B = 2, H = 3, Sq = 7,
// Skv = 11, D = 12. The fused and the unfused programs must print the same
// numbers (rtol 1e-4, atol 1e-5).
// RUN: attn-opt %s -attn-fuse-attention | FileCheck %s
// RUN: attn-opt %s -attn-cpu-pipeline="fuse=false" | mlir-runner -e main -entry-point-result=void -shared-libs=%runner_libs > %t.ref
// RUN: attn-opt %s -attn-cpu-pipeline="fuse=true" | mlir-runner -e main -entry-point-result=void -shared-libs=%runner_libs > %t.fused
// RUN: %python %attn_src/test/lib/compare_outputs.py %t.ref %t.fused --rtol 1e-4 --atol 1e-5

// CHECK-LABEL: func.func @torch_sdpa
// CHECK: attn.attention
// CHECK-SAME: mask(%{{.*}} : tensor<2x1x7x11xi1>)
// CHECK-SAME: scale = 0.288675
// CHECK-NOT: linalg.batch_matmul
// CHECK: return

#id4 = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#kd = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, 0)>
#bm = affine_map<(d0, d1, d2, d3) -> (d0, 0, d2, d3)>

func.func @torch_sdpa(%q: tensor<2x3x7x12xf32>, %k: tensor<2x3x11x12xf32>,
                      %v: tensor<2x3x11x12xf32>, %mask: tensor<2x1x7x11xi1>)
    -> tensor<2x3x7x12xf32> {
  %zero = arith.constant 0.000000e+00 : f32
  %ninf = arith.constant 0xFF800000 : f32
  %scale = arith.constant 0.28867513459481287 : f64
  %one = arith.constant 1 : i64
  %c0_i64 = arith.constant 0 : i64
  %true = arith.constant true
  // aten.transpose.int(k, -1, -2)
  %kt0 = tensor.empty() : tensor<2x3x12x11xf32>
  %kt = linalg.transpose ins(%k : tensor<2x3x11x12xf32>) outs(%kt0 : tensor<2x3x12x11xf32>) permutation = [0, 1, 3, 2]
  // aten.matmul(q, kt): batch dims collapsed around linalg.batch_matmul
  %qc = tensor.collapse_shape %q [[0, 1], [2], [3]] : tensor<2x3x7x12xf32> into tensor<6x7x12xf32>
  %ktc = tensor.collapse_shape %kt [[0, 1], [2], [3]] : tensor<2x3x12x11xf32> into tensor<6x12x11xf32>
  %s0 = tensor.empty() : tensor<6x7x11xf32>
  %s1 = linalg.fill ins(%zero : f32) outs(%s0 : tensor<6x7x11xf32>) -> tensor<6x7x11xf32>
  %s2 = linalg.batch_matmul ins(%qc, %ktc : tensor<6x7x12xf32>, tensor<6x12x11xf32>) outs(%s1 : tensor<6x7x11xf32>) -> tensor<6x7x11xf32>
  %s = tensor.expand_shape %s2 [[0, 1], [2], [3]] output_shape [2, 3, 7, 11] : tensor<6x7x11xf32> into tensor<2x3x7x11xf32>
  %e = tensor.empty() : tensor<2x3x7x11xf32>
  // aten.mul.Scalar(s, scale)
  %ss = linalg.generic {indexing_maps = [#id4, #id4], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%s : tensor<2x3x7x11xf32>) outs(%e : tensor<2x3x7x11xf32>) {
  ^bb0(%in: f32, %out: f32):
    %t = arith.truncf %scale : f64 to f32
    %r = arith.mulf %in, %t : f32
    linalg.yield %r : f32
  } -> tensor<2x3x7x11xf32>
  // aten.logical_not(mask)
  %eb = tensor.empty() : tensor<2x1x7x11xi1>
  %nm = linalg.generic {indexing_maps = [#id4, #id4], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%mask : tensor<2x1x7x11xi1>) outs(%eb : tensor<2x1x7x11xi1>) {
  ^bb0(%in: i1, %out: i1):
    %r = arith.xori %in, %true : i1
    linalg.yield %r : i1
  } -> tensor<2x1x7x11xi1>
  // aten.masked_fill.Scalar(zeros, not_mask, -inf)
  %ef = tensor.empty() : tensor<2x1x7x11xf32>
  %fm = linalg.generic {indexing_maps = [#id4, #id4], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%nm : tensor<2x1x7x11xi1>) outs(%ef : tensor<2x1x7x11xf32>) {
  ^bb0(%in: i1, %out: f32):
    %r = arith.select %in, %ninf, %zero : f32
    linalg.yield %r : f32
  } -> tensor<2x1x7x11xf32>
  // aten.add.Tensor(ss, fm, alpha = 1)
  %sm = linalg.generic {indexing_maps = [#id4, #bm, #id4], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%ss, %fm : tensor<2x3x7x11xf32>, tensor<2x1x7x11xf32>) outs(%e : tensor<2x3x7x11xf32>) {
  ^bb0(%a: f32, %b: f32, %out: f32):
    %al = arith.sitofp %one : i64 to f32
    %m = arith.mulf %b, %al : f32
    %r = arith.addf %a, %m : f32
    linalg.yield %r : f32
  } -> tensor<2x3x7x11xf32>
  // aten.max.dim(sm, -1, keepdim = true): the max and its argmax
  %ei = tensor.empty() : tensor<2x3x7x1xi64>
  %fi = linalg.fill ins(%c0_i64 : i64) outs(%ei : tensor<2x3x7x1xi64>) -> tensor<2x3x7x1xi64>
  %em = tensor.empty() : tensor<2x3x7x1xf32>
  %fmx = linalg.fill ins(%ninf : f32) outs(%em : tensor<2x3x7x1xf32>) -> tensor<2x3x7x1xf32>
  %mx:2 = linalg.generic {indexing_maps = [#id4, #kd, #kd], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%sm : tensor<2x3x7x11xf32>) outs(%fmx, %fi : tensor<2x3x7x1xf32>, tensor<2x3x7x1xi64>) {
  ^bb0(%in: f32, %acc: f32, %idx: i64):
    %i = linalg.index 3 : index
    %ii = arith.index_cast %i : index to i64
    %m = arith.maximumf %in, %acc : f32
    %p = arith.cmpf ogt, %in, %acc : f32
    %si = arith.select %p, %ii, %idx : i64
    linalg.yield %m, %si : f32, i64
  } -> (tensor<2x3x7x1xf32>, tensor<2x3x7x1xi64>)
  %mv = tensor.cast %mx#0 : tensor<2x3x7x1xf32> to tensor<2x3x7x1xf32>
  %mi = tensor.cast %mx#1 : tensor<2x3x7x1xi64> to tensor<2x3x7x1xi64>
  // aten.sub.Tensor(sm, max, alpha = 1)
  %sub = linalg.generic {indexing_maps = [#id4, #kd, #id4], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%sm, %mv : tensor<2x3x7x11xf32>, tensor<2x3x7x1xf32>) outs(%e : tensor<2x3x7x11xf32>) {
  ^bb0(%a: f32, %b: f32, %out: f32):
    %al = arith.sitofp %one : i64 to f32
    %m = arith.mulf %b, %al : f32
    %r = arith.subf %a, %m : f32
    linalg.yield %r : f32
  } -> tensor<2x3x7x11xf32>
  // aten.exp
  %ex = linalg.generic {indexing_maps = [#id4, #id4], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%sub : tensor<2x3x7x11xf32>) outs(%e : tensor<2x3x7x11xf32>) {
  ^bb0(%a: f32, %out: f32):
    %r = math.exp %a : f32
    linalg.yield %r : f32
  } -> tensor<2x3x7x11xf32>
  // aten.sum.dim_IntList(ex, [-1], keepdim = true)
  %fs = linalg.fill ins(%zero : f32) outs(%em : tensor<2x3x7x1xf32>) -> tensor<2x3x7x1xf32>
  %sum = linalg.generic {indexing_maps = [#id4, #kd], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%ex : tensor<2x3x7x11xf32>) outs(%fs : tensor<2x3x7x1xf32>) {
  ^bb0(%a: f32, %acc: f32):
    %r = arith.addf %a, %acc : f32
    linalg.yield %r : f32
  } -> tensor<2x3x7x1xf32>
  // aten.div.Tensor
  %p = linalg.generic {indexing_maps = [#id4, #kd, #id4], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%ex, %sum : tensor<2x3x7x11xf32>, tensor<2x3x7x1xf32>) outs(%e : tensor<2x3x7x11xf32>) {
  ^bb0(%a: f32, %b: f32, %out: f32):
    %r = arith.divf %a, %b : f32
    linalg.yield %r : f32
  } -> tensor<2x3x7x11xf32>
  // aten.matmul(p, v)
  %pc = tensor.collapse_shape %p [[0, 1], [2], [3]] : tensor<2x3x7x11xf32> into tensor<6x7x11xf32>
  %vc = tensor.collapse_shape %v [[0, 1], [2], [3]] : tensor<2x3x11x12xf32> into tensor<6x11x12xf32>
  %o0 = tensor.empty() : tensor<6x7x12xf32>
  %o1 = linalg.fill ins(%zero : f32) outs(%o0 : tensor<6x7x12xf32>) -> tensor<6x7x12xf32>
  %o2 = linalg.batch_matmul ins(%pc, %vc : tensor<6x7x11xf32>, tensor<6x11x12xf32>) outs(%o1 : tensor<6x7x12xf32>) -> tensor<6x7x12xf32>
  %o = tensor.expand_shape %o2 [[0, 1], [2], [3]] output_shape [2, 3, 7, 12] : tensor<6x7x12xf32> into tensor<2x3x7x12xf32>
  return %o : tensor<2x3x7x12xf32>
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
  %s0 = arith.constant 0.0 : f32
  %s1 = arith.constant 1.7 : f32
  %s2 = arith.constant 2.9 : f32
  %s3 = arith.constant 0.5 : f32
  %eq = tensor.empty() : tensor<2x3x7x12xf32>
  %eqd = tensor.cast %eq : tensor<2x3x7x12xf32> to tensor<?x?x?x?xf32>
  %ekv = tensor.empty() : tensor<2x3x11x12xf32>
  %ekvd = tensor.cast %ekv : tensor<2x3x11x12xf32> to tensor<?x?x?x?xf32>
  %qd = call @fill(%eqd, %s0) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %kd = call @fill(%ekvd, %s1) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %vd = call @fill(%ekvd, %s2) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %q = tensor.cast %qd : tensor<?x?x?x?xf32> to tensor<2x3x7x12xf32>
  %k = tensor.cast %kd : tensor<?x?x?x?xf32> to tensor<2x3x11x12xf32>
  %v = tensor.cast %vd : tensor<?x?x?x?xf32> to tensor<2x3x11x12xf32>
  // A boolean mask that keeps about two thirds of the keys, and key 0 of
  // every row (a fully masked row is NaN in the unfused chain).
  %emf = tensor.empty() : tensor<2x1x7x11xf32>
  %emfd = tensor.cast %emf : tensor<2x1x7x11xf32> to tensor<?x?x?x?xf32>
  %mfd = call @fill(%emfd, %s3) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %mf = tensor.cast %mfd : tensor<?x?x?x?xf32> to tensor<2x1x7x11xf32>
  %thr = arith.constant -0.4 : f32
  %c0 = arith.constant 0 : index
  %emb = tensor.empty() : tensor<2x1x7x11xi1>
  %mask = linalg.generic {indexing_maps = [#id4, #id4], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%mf : tensor<2x1x7x11xf32>) outs(%emb : tensor<2x1x7x11xi1>) {
  ^bb0(%a: f32, %o: i1):
    %j = linalg.index 3 : index
    %first = arith.cmpi eq, %j, %c0 : index
    %keep = arith.cmpf ogt, %a, %thr : f32
    %r = arith.ori %first, %keep : i1
    linalg.yield %r : i1
  } -> tensor<2x1x7x11xi1>
  %o = call @torch_sdpa(%q, %k, %v, %mask) : (tensor<2x3x7x12xf32>, tensor<2x3x11x12xf32>, tensor<2x3x11x12xf32>, tensor<2x1x7x11xi1>) -> tensor<2x3x7x12xf32>
  %u = tensor.cast %o : tensor<2x3x7x12xf32> to tensor<*xf32>
  call @printMemrefF32(%u) : (tensor<*xf32>) -> ()
  return
}
