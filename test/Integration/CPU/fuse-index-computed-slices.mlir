// Q, K and V computed from indices alone (as a test program or a table
// would), sliced by tensor.extract_slice: the raise reads a slice of an
// index-computed tensor through (for masks such as `arange(T)[P:]`), but the
// operands it gives the op are the slices, never their larger sources. A
// review found a slice at offset 0 replaced by its whole source: K and V of
// 12 keys instead of 7 (a silent miscompile), a K/V length mismatch, and an
// invalid cast for Q. B = 1, H = 2, Sq = 4, Skv = 7, D = 5, Dv = 6; causal
// bottom-right written as `j <= i + 3`. Fused against unfused.
// RUN: attn-opt %s -attn-fuse-attention | FileCheck %s
// RUN: attn-opt %s -attn-cpu-pipeline="fuse=false" | mlir-runner -e main -entry-point-result=void -shared-libs=%runner_libs > %t.ref
// RUN: attn-opt %s -attn-cpu-pipeline="fuse=true" | mlir-runner -e main -entry-point-result=void -shared-libs=%runner_libs > %t.fused
// RUN: %python %attn_src/test/lib/compare_outputs.py %t.ref %t.fused --rtol 1e-4 --atol 1e-5

// CHECK-LABEL: func.func @kvslice3(
// CHECK:         %[[K:.*]] = tensor.extract_slice {{.*}} to tensor<1x2x7x5xf32>
// CHECK:         %[[V:.*]] = tensor.extract_slice {{.*}} to tensor<1x2x7x6xf32>
// CHECK:         attn.attention ins(%arg0, %[[K]], %[[V]] : tensor<1x2x4x5xf32>, tensor<1x2x7x5xf32>, tensor<1x2x7x6xf32>)
// CHECK-SAME:    causal = bottom_right
// CHECK-LABEL: func.func @kvslice2(
// CHECK:         %[[K:.*]] = tensor.extract_slice {{.*}} to tensor<1x2x7x5xf32>
// CHECK:         %[[V:.*]] = tensor.extract_slice {{.*}} to tensor<1x2x7x6xf32>
// CHECK:         attn.attention ins(%arg0, %[[K]], %[[V]] : tensor<1x2x4x5xf32>, tensor<1x2x7x5xf32>, tensor<1x2x7x6xf32>)
// CHECK-LABEL: func.func @qslice(
// CHECK:         %[[Q:.*]] = tensor.extract_slice {{.*}} to tensor<1x2x4x5xf32>
// CHECK:         attn.attention ins(%[[Q]], %arg1, %arg2 : tensor<1x2x4x5xf32>, tensor<1x2x7x5xf32>, tensor<1x2x7x6xf32>)
// CHECK-LABEL: func.func @kvslice(
// CHECK:         %[[K:.*]] = tensor.extract_slice {{.*}} to tensor<1x2x7x5xf32>
// CHECK:         %[[V:.*]] = tensor.extract_slice {{.*}} to tensor<1x2x7x6xf32>
// CHECK:         attn.attention ins(%arg0, %[[K]], %[[V]] : tensor<1x2x4x5xf32>, tensor<1x2x7x5xf32>, tensor<1x2x7x6xf32>)

#q = affine_map<(b, h, i, j, d) -> (b, h, i, d)>
#k = affine_map<(b, h, i, j, d) -> (b, h, j, d)>
#s = affine_map<(b, h, i, j, d) -> (b, h, i, j)>
#p = affine_map<(b, h, i, e, j) -> (b, h, i, j)>
#v = affine_map<(b, h, i, e, j) -> (b, h, j, e)>
#o = affine_map<(b, h, i, e, j) -> (b, h, i, e)>
#id = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#bc = affine_map<(d0, d1, d2, d3) -> (0, 0, d2, d3)>
#r2 = affine_map<(d0, d1) -> (d0, d1)>
#col = affine_map<(d0, d1) -> (d1)>
#row0 = affine_map<(d0, d1) -> (d0, 0)>
#i1d = affine_map<(d0) -> (d0)>

func.func @kvslice3(%q: tensor<1x2x4x5xf32>, %k: tensor<1x2x7x5xf32>, %v: tensor<1x2x7x6xf32>) -> tensor<1x2x4x6xf32> {
  %zero = arith.constant 0.0 : f32
  %c = arith.constant 0.5 : f32
  %ninf = arith.constant 0xFF800000 : f32
  %m_e = tensor.empty() : tensor<4x7xi1>
  %m = linalg.generic {indexing_maps = [#r2], iterator_types = ["parallel", "parallel"]} outs(%m_e : tensor<4x7xi1>) {
  ^bb0(%o: i1):
    %ii = linalg.index 0 : index
    %jj = linalg.index 1 : index
    %i = arith.index_cast %ii : index to i64
    %j = arith.index_cast %jj : index to i64
    %c3 = arith.constant 3 : i64
    %ip = arith.addi %i, %c3 : i64
    %keep = arith.cmpi sle, %j, %ip : i64
    linalg.yield %keep : i1
  } -> tensor<4x7xi1>
  %kk_e = tensor.empty() : tensor<1x2x12x5xf32>
  %kk = linalg.generic {indexing_maps = [#id], iterator_types = ["parallel","parallel","parallel","parallel"]} outs(%kk_e : tensor<1x2x12x5xf32>) {
  ^bb0(%o: f32):
    %y1 = linalg.index 1 : index
    %y2 = linalg.index 2 : index
    %y3 = linalg.index 3 : index
    %z1 = arith.index_cast %y1 : index to i64
    %z2 = arith.index_cast %y2 : index to i64
    %z3 = arith.index_cast %y3 : index to i64
    %w1 = arith.sitofp %z1 : i64 to f32
    %w2 = arith.sitofp %z2 : i64 to f32
    %w3 = arith.sitofp %z3 : i64 to f32
    %k1 = arith.constant 0.5 : f32
    %k2 = arith.constant 0.37 : f32
    %k3 = arith.constant 1.3 : f32
    %t2 = arith.mulf %w2, %k2 : f32
    %t3 = arith.mulf %w3, %k3 : f32
    %t4 = arith.addf %t2, %t3 : f32
    %t5 = arith.addf %t4, %w1 : f32
    %t6 = arith.addf %t5, %k1 : f32
    %r = math.sin %t6 : f32
    linalg.yield %r : f32
  } -> tensor<1x2x12x5xf32>
  %vv_e = tensor.empty() : tensor<1x2x12x6xf32>
  %vv = linalg.generic {indexing_maps = [#id], iterator_types = ["parallel","parallel","parallel","parallel"]} outs(%vv_e : tensor<1x2x12x6xf32>) {
  ^bb0(%o: f32):
    %y1 = linalg.index 1 : index
    %y2 = linalg.index 2 : index
    %y3 = linalg.index 3 : index
    %z1 = arith.index_cast %y1 : index to i64
    %z2 = arith.index_cast %y2 : index to i64
    %z3 = arith.index_cast %y3 : index to i64
    %w1 = arith.sitofp %z1 : i64 to f32
    %w2 = arith.sitofp %z2 : i64 to f32
    %w3 = arith.sitofp %z3 : i64 to f32
    %k1 = arith.constant 1.5 : f32
    %k2 = arith.constant 0.37 : f32
    %k3 = arith.constant 1.3 : f32
    %t2 = arith.mulf %w2, %k2 : f32
    %t3 = arith.mulf %w3, %k3 : f32
    %t4 = arith.addf %t2, %t3 : f32
    %t5 = arith.addf %t4, %w1 : f32
    %t6 = arith.addf %t5, %k1 : f32
    %r = math.sin %t6 : f32
    linalg.yield %r : f32
  } -> tensor<1x2x12x6xf32>
  %k2 = tensor.extract_slice %kk[0, 0, 0, 0] [1, 2, 7, 5] [1, 1, 1, 1] : tensor<1x2x12x5xf32> to tensor<1x2x7x5xf32>
  %v2 = tensor.extract_slice %vv[0, 0, 0, 0] [1, 2, 7, 6] [1, 1, 1, 1] : tensor<1x2x12x6xf32> to tensor<1x2x7x6xf32>
  %m4 = tensor.expand_shape %m [[0, 1, 2], [3]] output_shape [1, 1, 4, 7] : tensor<4x7xi1> into tensor<1x1x4x7xi1>
  %e = tensor.empty() : tensor<1x2x4x7xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<1x2x4x7xf32>) -> tensor<1x2x4x7xf32>
  %s = linalg.generic {indexing_maps = [#q, #k, #s], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%q, %k2 : tensor<1x2x4x5xf32>, tensor<1x2x7x5xf32>) outs(%f : tensor<1x2x4x7xf32>) {
  ^bb0(%a: f32, %bb: f32, %acc: f32):
    %mm = arith.mulf %a, %bb : f32
    %r = arith.addf %acc, %mm : f32
    linalg.yield %r : f32
  } -> tensor<1x2x4x7xf32>
  %ss = linalg.generic {indexing_maps = [#id, #bc, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%s, %m4 : tensor<1x2x4x7xf32>, tensor<1x1x4x7xi1>) outs(%e : tensor<1x2x4x7xf32>) {
  ^bb0(%a: f32, %mv: i1, %o: f32):
    %sc = arith.mulf %a, %c : f32
    %r = arith.select %mv, %sc, %ninf : f32
    linalg.yield %r : f32
  } -> tensor<1x2x4x7xf32>
  %sm = linalg.softmax dimension(3) ins(%ss : tensor<1x2x4x7xf32>) outs(%e : tensor<1x2x4x7xf32>) -> tensor<1x2x4x7xf32>
  %eo = tensor.empty() : tensor<1x2x4x6xf32>
  %fo = linalg.fill ins(%zero : f32) outs(%eo : tensor<1x2x4x6xf32>) -> tensor<1x2x4x6xf32>
  %out = linalg.generic {indexing_maps = [#p, #v, #o], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%sm, %v2 : tensor<1x2x4x7xf32>, tensor<1x2x7x6xf32>) outs(%fo : tensor<1x2x4x6xf32>) {
  ^bb0(%a: f32, %bb: f32, %acc: f32):
    %mm = arith.mulf %a, %bb : f32
    %r = arith.addf %acc, %mm : f32
    linalg.yield %r : f32
  } -> tensor<1x2x4x6xf32>
  return %out : tensor<1x2x4x6xf32>
}

func.func @kvslice2(%q: tensor<1x2x4x5xf32>, %k: tensor<1x2x7x5xf32>, %v: tensor<1x2x7x6xf32>) -> tensor<1x2x4x6xf32> {
  %zero = arith.constant 0.0 : f32
  %c = arith.constant 0.5 : f32
  %ninf = arith.constant 0xFF800000 : f32
  %m_e = tensor.empty() : tensor<4x7xi1>
  %m = linalg.generic {indexing_maps = [#r2], iterator_types = ["parallel", "parallel"]} outs(%m_e : tensor<4x7xi1>) {
  ^bb0(%o: i1):
    %ii = linalg.index 0 : index
    %jj = linalg.index 1 : index
    %i = arith.index_cast %ii : index to i64
    %j = arith.index_cast %jj : index to i64
    %c3 = arith.constant 3 : i64
    %ip = arith.addi %i, %c3 : i64
    %keep = arith.cmpi sle, %j, %ip : i64
    linalg.yield %keep : i1
  } -> tensor<4x7xi1>
  %kk_e = tensor.empty() : tensor<1x2x12x5xf32>
  %kk = linalg.generic {indexing_maps = [#id], iterator_types = ["parallel","parallel","parallel","parallel"]} outs(%kk_e : tensor<1x2x12x5xf32>) {
  ^bb0(%o: f32):
    %y1 = linalg.index 1 : index
    %y2 = linalg.index 2 : index
    %y3 = linalg.index 3 : index
    %z1 = arith.index_cast %y1 : index to i64
    %z2 = arith.index_cast %y2 : index to i64
    %z3 = arith.index_cast %y3 : index to i64
    %w1 = arith.sitofp %z1 : i64 to f32
    %w2 = arith.sitofp %z2 : i64 to f32
    %w3 = arith.sitofp %z3 : i64 to f32
    %k1 = arith.constant 0.5 : f32
    %k2 = arith.constant 0.37 : f32
    %k3 = arith.constant 1.3 : f32
    %t2 = arith.mulf %w2, %k2 : f32
    %t3 = arith.mulf %w3, %k3 : f32
    %t4 = arith.addf %t2, %t3 : f32
    %t5 = arith.addf %t4, %w1 : f32
    %t6 = arith.addf %t5, %k1 : f32
    %r = math.sin %t6 : f32
    linalg.yield %r : f32
  } -> tensor<1x2x12x5xf32>
  %vv_e = tensor.empty() : tensor<1x2x12x6xf32>
  %vv = linalg.generic {indexing_maps = [#id], iterator_types = ["parallel","parallel","parallel","parallel"]} outs(%vv_e : tensor<1x2x12x6xf32>) {
  ^bb0(%o: f32):
    %y1 = linalg.index 1 : index
    %y2 = linalg.index 2 : index
    %y3 = linalg.index 3 : index
    %z1 = arith.index_cast %y1 : index to i64
    %z2 = arith.index_cast %y2 : index to i64
    %z3 = arith.index_cast %y3 : index to i64
    %w1 = arith.sitofp %z1 : i64 to f32
    %w2 = arith.sitofp %z2 : i64 to f32
    %w3 = arith.sitofp %z3 : i64 to f32
    %k1 = arith.constant 1.5 : f32
    %k2 = arith.constant 0.37 : f32
    %k3 = arith.constant 1.3 : f32
    %t2 = arith.mulf %w2, %k2 : f32
    %t3 = arith.mulf %w3, %k3 : f32
    %t4 = arith.addf %t2, %t3 : f32
    %t5 = arith.addf %t4, %w1 : f32
    %t6 = arith.addf %t5, %k1 : f32
    %r = math.sin %t6 : f32
    linalg.yield %r : f32
  } -> tensor<1x2x12x6xf32>
  %k2 = tensor.extract_slice %kk[0, 0, 1, 0] [1, 2, 7, 5] [1, 1, 1, 1] : tensor<1x2x12x5xf32> to tensor<1x2x7x5xf32>
  %v2 = tensor.extract_slice %vv[0, 0, 0, 0] [1, 2, 7, 6] [1, 1, 1, 1] : tensor<1x2x12x6xf32> to tensor<1x2x7x6xf32>
  %m4 = tensor.expand_shape %m [[0, 1, 2], [3]] output_shape [1, 1, 4, 7] : tensor<4x7xi1> into tensor<1x1x4x7xi1>
  %e = tensor.empty() : tensor<1x2x4x7xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<1x2x4x7xf32>) -> tensor<1x2x4x7xf32>
  %s = linalg.generic {indexing_maps = [#q, #k, #s], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%q, %k2 : tensor<1x2x4x5xf32>, tensor<1x2x7x5xf32>) outs(%f : tensor<1x2x4x7xf32>) {
  ^bb0(%a: f32, %bb: f32, %acc: f32):
    %mm = arith.mulf %a, %bb : f32
    %r = arith.addf %acc, %mm : f32
    linalg.yield %r : f32
  } -> tensor<1x2x4x7xf32>
  %ss = linalg.generic {indexing_maps = [#id, #bc, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%s, %m4 : tensor<1x2x4x7xf32>, tensor<1x1x4x7xi1>) outs(%e : tensor<1x2x4x7xf32>) {
  ^bb0(%a: f32, %mv: i1, %o: f32):
    %sc = arith.mulf %a, %c : f32
    %r = arith.select %mv, %sc, %ninf : f32
    linalg.yield %r : f32
  } -> tensor<1x2x4x7xf32>
  %sm = linalg.softmax dimension(3) ins(%ss : tensor<1x2x4x7xf32>) outs(%e : tensor<1x2x4x7xf32>) -> tensor<1x2x4x7xf32>
  %eo = tensor.empty() : tensor<1x2x4x6xf32>
  %fo = linalg.fill ins(%zero : f32) outs(%eo : tensor<1x2x4x6xf32>) -> tensor<1x2x4x6xf32>
  %out = linalg.generic {indexing_maps = [#p, #v, #o], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%sm, %v2 : tensor<1x2x4x7xf32>, tensor<1x2x7x6xf32>) outs(%fo : tensor<1x2x4x6xf32>) {
  ^bb0(%a: f32, %bb: f32, %acc: f32):
    %mm = arith.mulf %a, %bb : f32
    %r = arith.addf %acc, %mm : f32
    linalg.yield %r : f32
  } -> tensor<1x2x4x6xf32>
  return %out : tensor<1x2x4x6xf32>
}

func.func @qslice(%q: tensor<1x2x4x5xf32>, %k: tensor<1x2x7x5xf32>, %v: tensor<1x2x7x6xf32>) -> tensor<1x2x4x6xf32> {
  %zero = arith.constant 0.0 : f32
  %c = arith.constant 0.5 : f32
  %ninf = arith.constant 0xFF800000 : f32
  %m_e = tensor.empty() : tensor<4x7xi1>
  %m = linalg.generic {indexing_maps = [#r2], iterator_types = ["parallel", "parallel"]} outs(%m_e : tensor<4x7xi1>) {
  ^bb0(%o: i1):
    %ii = linalg.index 0 : index
    %jj = linalg.index 1 : index
    %i = arith.index_cast %ii : index to i64
    %j = arith.index_cast %jj : index to i64
    %c3 = arith.constant 3 : i64
    %ip = arith.addi %i, %c3 : i64
    %keep = arith.cmpi sle, %j, %ip : i64
    linalg.yield %keep : i1
  } -> tensor<4x7xi1>
  %qq_e = tensor.empty() : tensor<1x2x10x5xf32>
  %qq = linalg.generic {indexing_maps = [#id], iterator_types = ["parallel","parallel","parallel","parallel"]} outs(%qq_e : tensor<1x2x10x5xf32>) {
  ^bb0(%o: f32):
    %y1 = linalg.index 1 : index
    %y2 = linalg.index 2 : index
    %y3 = linalg.index 3 : index
    %z1 = arith.index_cast %y1 : index to i64
    %z2 = arith.index_cast %y2 : index to i64
    %z3 = arith.index_cast %y3 : index to i64
    %w1 = arith.sitofp %z1 : i64 to f32
    %w2 = arith.sitofp %z2 : i64 to f32
    %w3 = arith.sitofp %z3 : i64 to f32
    %k1 = arith.constant 0.5 : f32
    %k2 = arith.constant 0.37 : f32
    %k3 = arith.constant 1.3 : f32
    %t2 = arith.mulf %w2, %k2 : f32
    %t3 = arith.mulf %w3, %k3 : f32
    %t4 = arith.addf %t2, %t3 : f32
    %t5 = arith.addf %t4, %w1 : f32
    %t6 = arith.addf %t5, %k1 : f32
    %r = math.sin %t6 : f32
    linalg.yield %r : f32
  } -> tensor<1x2x10x5xf32>
  %q2 = tensor.extract_slice %qq[0, 0, 0, 0] [1, 2, 4, 5] [1, 1, 1, 1] : tensor<1x2x10x5xf32> to tensor<1x2x4x5xf32>
  %m4 = tensor.expand_shape %m [[0, 1, 2], [3]] output_shape [1, 1, 4, 7] : tensor<4x7xi1> into tensor<1x1x4x7xi1>
  %e = tensor.empty() : tensor<1x2x4x7xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<1x2x4x7xf32>) -> tensor<1x2x4x7xf32>
  %s = linalg.generic {indexing_maps = [#q, #k, #s], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%q2, %k : tensor<1x2x4x5xf32>, tensor<1x2x7x5xf32>) outs(%f : tensor<1x2x4x7xf32>) {
  ^bb0(%a: f32, %bb: f32, %acc: f32):
    %mm = arith.mulf %a, %bb : f32
    %r = arith.addf %acc, %mm : f32
    linalg.yield %r : f32
  } -> tensor<1x2x4x7xf32>
  %ss = linalg.generic {indexing_maps = [#id, #bc, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%s, %m4 : tensor<1x2x4x7xf32>, tensor<1x1x4x7xi1>) outs(%e : tensor<1x2x4x7xf32>) {
  ^bb0(%a: f32, %mv: i1, %o: f32):
    %sc = arith.mulf %a, %c : f32
    %r = arith.select %mv, %sc, %ninf : f32
    linalg.yield %r : f32
  } -> tensor<1x2x4x7xf32>
  %sm = linalg.softmax dimension(3) ins(%ss : tensor<1x2x4x7xf32>) outs(%e : tensor<1x2x4x7xf32>) -> tensor<1x2x4x7xf32>
  %eo = tensor.empty() : tensor<1x2x4x6xf32>
  %fo = linalg.fill ins(%zero : f32) outs(%eo : tensor<1x2x4x6xf32>) -> tensor<1x2x4x6xf32>
  %out = linalg.generic {indexing_maps = [#p, #v, #o], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%sm, %v : tensor<1x2x4x7xf32>, tensor<1x2x7x6xf32>) outs(%fo : tensor<1x2x4x6xf32>) {
  ^bb0(%a: f32, %bb: f32, %acc: f32):
    %mm = arith.mulf %a, %bb : f32
    %r = arith.addf %acc, %mm : f32
    linalg.yield %r : f32
  } -> tensor<1x2x4x6xf32>
  return %out : tensor<1x2x4x6xf32>
}

func.func @kvslice(%q: tensor<1x2x4x5xf32>, %k: tensor<1x2x7x5xf32>, %v: tensor<1x2x7x6xf32>) -> tensor<1x2x4x6xf32> {
  %zero = arith.constant 0.0 : f32
  %c = arith.constant 0.5 : f32
  %ninf = arith.constant 0xFF800000 : f32
  %m_e = tensor.empty() : tensor<4x7xi1>
  %m = linalg.generic {indexing_maps = [#r2], iterator_types = ["parallel", "parallel"]} outs(%m_e : tensor<4x7xi1>) {
  ^bb0(%o: i1):
    %ii = linalg.index 0 : index
    %jj = linalg.index 1 : index
    %i = arith.index_cast %ii : index to i64
    %j = arith.index_cast %jj : index to i64
    %c3 = arith.constant 3 : i64
    %ip = arith.addi %i, %c3 : i64
    %keep = arith.cmpi sle, %j, %ip : i64
    linalg.yield %keep : i1
  } -> tensor<4x7xi1>
  %kk_e = tensor.empty() : tensor<1x2x12x5xf32>
  %kk = linalg.generic {indexing_maps = [#id], iterator_types = ["parallel","parallel","parallel","parallel"]} outs(%kk_e : tensor<1x2x12x5xf32>) {
  ^bb0(%o: f32):
    %y1 = linalg.index 1 : index
    %y2 = linalg.index 2 : index
    %y3 = linalg.index 3 : index
    %z1 = arith.index_cast %y1 : index to i64
    %z2 = arith.index_cast %y2 : index to i64
    %z3 = arith.index_cast %y3 : index to i64
    %w1 = arith.sitofp %z1 : i64 to f32
    %w2 = arith.sitofp %z2 : i64 to f32
    %w3 = arith.sitofp %z3 : i64 to f32
    %k1 = arith.constant 0.5 : f32
    %k2 = arith.constant 0.37 : f32
    %k3 = arith.constant 1.3 : f32
    %t2 = arith.mulf %w2, %k2 : f32
    %t3 = arith.mulf %w3, %k3 : f32
    %t4 = arith.addf %t2, %t3 : f32
    %t5 = arith.addf %t4, %w1 : f32
    %t6 = arith.addf %t5, %k1 : f32
    %r = math.sin %t6 : f32
    linalg.yield %r : f32
  } -> tensor<1x2x12x5xf32>
  %vv_e = tensor.empty() : tensor<1x2x12x6xf32>
  %vv = linalg.generic {indexing_maps = [#id], iterator_types = ["parallel","parallel","parallel","parallel"]} outs(%vv_e : tensor<1x2x12x6xf32>) {
  ^bb0(%o: f32):
    %y1 = linalg.index 1 : index
    %y2 = linalg.index 2 : index
    %y3 = linalg.index 3 : index
    %z1 = arith.index_cast %y1 : index to i64
    %z2 = arith.index_cast %y2 : index to i64
    %z3 = arith.index_cast %y3 : index to i64
    %w1 = arith.sitofp %z1 : i64 to f32
    %w2 = arith.sitofp %z2 : i64 to f32
    %w3 = arith.sitofp %z3 : i64 to f32
    %k1 = arith.constant 1.5 : f32
    %k2 = arith.constant 0.37 : f32
    %k3 = arith.constant 1.3 : f32
    %t2 = arith.mulf %w2, %k2 : f32
    %t3 = arith.mulf %w3, %k3 : f32
    %t4 = arith.addf %t2, %t3 : f32
    %t5 = arith.addf %t4, %w1 : f32
    %t6 = arith.addf %t5, %k1 : f32
    %r = math.sin %t6 : f32
    linalg.yield %r : f32
  } -> tensor<1x2x12x6xf32>
  %k2 = tensor.extract_slice %kk[0, 0, 2, 0] [1, 2, 7, 5] [1, 1, 1, 1] : tensor<1x2x12x5xf32> to tensor<1x2x7x5xf32>
  %v2 = tensor.extract_slice %vv[0, 0, 3, 0] [1, 2, 7, 6] [1, 1, 1, 1] : tensor<1x2x12x6xf32> to tensor<1x2x7x6xf32>
  %m4 = tensor.expand_shape %m [[0, 1, 2], [3]] output_shape [1, 1, 4, 7] : tensor<4x7xi1> into tensor<1x1x4x7xi1>
  %e = tensor.empty() : tensor<1x2x4x7xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<1x2x4x7xf32>) -> tensor<1x2x4x7xf32>
  %s = linalg.generic {indexing_maps = [#q, #k, #s], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%q, %k2 : tensor<1x2x4x5xf32>, tensor<1x2x7x5xf32>) outs(%f : tensor<1x2x4x7xf32>) {
  ^bb0(%a: f32, %bb: f32, %acc: f32):
    %mm = arith.mulf %a, %bb : f32
    %r = arith.addf %acc, %mm : f32
    linalg.yield %r : f32
  } -> tensor<1x2x4x7xf32>
  %ss = linalg.generic {indexing_maps = [#id, #bc, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%s, %m4 : tensor<1x2x4x7xf32>, tensor<1x1x4x7xi1>) outs(%e : tensor<1x2x4x7xf32>) {
  ^bb0(%a: f32, %mv: i1, %o: f32):
    %sc = arith.mulf %a, %c : f32
    %r = arith.select %mv, %sc, %ninf : f32
    linalg.yield %r : f32
  } -> tensor<1x2x4x7xf32>
  %sm = linalg.softmax dimension(3) ins(%ss : tensor<1x2x4x7xf32>) outs(%e : tensor<1x2x4x7xf32>) -> tensor<1x2x4x7xf32>
  %eo = tensor.empty() : tensor<1x2x4x6xf32>
  %fo = linalg.fill ins(%zero : f32) outs(%eo : tensor<1x2x4x6xf32>) -> tensor<1x2x4x6xf32>
  %out = linalg.generic {indexing_maps = [#p, #v, #o], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%sm, %v2 : tensor<1x2x4x7xf32>, tensor<1x2x7x6xf32>) outs(%fo : tensor<1x2x4x6xf32>) {
  ^bb0(%a: f32, %bb: f32, %acc: f32):
    %mm = arith.mulf %a, %bb : f32
    %r = arith.addf %acc, %mm : f32
    linalg.yield %r : f32
  } -> tensor<1x2x4x6xf32>
  return %out : tensor<1x2x4x6xf32>
}

func.func @main() {

  %repro_kv_slice_offset0_silent_q_e = tensor.empty() : tensor<1x2x4x5xf32>
  %repro_kv_slice_offset0_silent_q_d = tensor.cast %repro_kv_slice_offset0_silent_q_e : tensor<1x2x4x5xf32> to tensor<?x?x?x?xf32>
  %repro_kv_slice_offset0_silent_q_s = arith.constant 0.1 : f32
  %repro_kv_slice_offset0_silent_q_a = arith.constant 2.0 : f32
  %repro_kv_slice_offset0_silent_q_r = call @fill(%repro_kv_slice_offset0_silent_q_d, %repro_kv_slice_offset0_silent_q_s, %repro_kv_slice_offset0_silent_q_a) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %repro_kv_slice_offset0_silent_q = tensor.cast %repro_kv_slice_offset0_silent_q_r : tensor<?x?x?x?xf32> to tensor<1x2x4x5xf32>
  %repro_kv_slice_offset0_silent_k_e = tensor.empty() : tensor<1x2x7x5xf32>
  %repro_kv_slice_offset0_silent_k_d = tensor.cast %repro_kv_slice_offset0_silent_k_e : tensor<1x2x7x5xf32> to tensor<?x?x?x?xf32>
  %repro_kv_slice_offset0_silent_k_s = arith.constant 1.7 : f32
  %repro_kv_slice_offset0_silent_k_a = arith.constant 2.0 : f32
  %repro_kv_slice_offset0_silent_k_r = call @fill(%repro_kv_slice_offset0_silent_k_d, %repro_kv_slice_offset0_silent_k_s, %repro_kv_slice_offset0_silent_k_a) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %repro_kv_slice_offset0_silent_k = tensor.cast %repro_kv_slice_offset0_silent_k_r : tensor<?x?x?x?xf32> to tensor<1x2x7x5xf32>
  %repro_kv_slice_offset0_silent_v_e = tensor.empty() : tensor<1x2x7x6xf32>
  %repro_kv_slice_offset0_silent_v_d = tensor.cast %repro_kv_slice_offset0_silent_v_e : tensor<1x2x7x6xf32> to tensor<?x?x?x?xf32>
  %repro_kv_slice_offset0_silent_v_s = arith.constant 2.9 : f32
  %repro_kv_slice_offset0_silent_v_a = arith.constant 2.0 : f32
  %repro_kv_slice_offset0_silent_v_r = call @fill(%repro_kv_slice_offset0_silent_v_d, %repro_kv_slice_offset0_silent_v_s, %repro_kv_slice_offset0_silent_v_a) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %repro_kv_slice_offset0_silent_v = tensor.cast %repro_kv_slice_offset0_silent_v_r : tensor<?x?x?x?xf32> to tensor<1x2x7x6xf32>
  %repro_kv_slice_offset0_silent_o = call @kvslice3(%repro_kv_slice_offset0_silent_q, %repro_kv_slice_offset0_silent_k, %repro_kv_slice_offset0_silent_v) : (tensor<1x2x4x5xf32>, tensor<1x2x7x5xf32>, tensor<1x2x7x6xf32>) -> tensor<1x2x4x6xf32>
  %repro_kv_slice_offset0_silent_u = tensor.cast %repro_kv_slice_offset0_silent_o : tensor<1x2x4x6xf32> to tensor<*xf32>
  call @printMemrefF32(%repro_kv_slice_offset0_silent_u) : (tensor<*xf32>) -> ()

  %repro_v_slice_offset0_verifier_q_e = tensor.empty() : tensor<1x2x4x5xf32>
  %repro_v_slice_offset0_verifier_q_d = tensor.cast %repro_v_slice_offset0_verifier_q_e : tensor<1x2x4x5xf32> to tensor<?x?x?x?xf32>
  %repro_v_slice_offset0_verifier_q_s = arith.constant 0.1 : f32
  %repro_v_slice_offset0_verifier_q_a = arith.constant 2.0 : f32
  %repro_v_slice_offset0_verifier_q_r = call @fill(%repro_v_slice_offset0_verifier_q_d, %repro_v_slice_offset0_verifier_q_s, %repro_v_slice_offset0_verifier_q_a) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %repro_v_slice_offset0_verifier_q = tensor.cast %repro_v_slice_offset0_verifier_q_r : tensor<?x?x?x?xf32> to tensor<1x2x4x5xf32>
  %repro_v_slice_offset0_verifier_k_e = tensor.empty() : tensor<1x2x7x5xf32>
  %repro_v_slice_offset0_verifier_k_d = tensor.cast %repro_v_slice_offset0_verifier_k_e : tensor<1x2x7x5xf32> to tensor<?x?x?x?xf32>
  %repro_v_slice_offset0_verifier_k_s = arith.constant 1.7 : f32
  %repro_v_slice_offset0_verifier_k_a = arith.constant 2.0 : f32
  %repro_v_slice_offset0_verifier_k_r = call @fill(%repro_v_slice_offset0_verifier_k_d, %repro_v_slice_offset0_verifier_k_s, %repro_v_slice_offset0_verifier_k_a) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %repro_v_slice_offset0_verifier_k = tensor.cast %repro_v_slice_offset0_verifier_k_r : tensor<?x?x?x?xf32> to tensor<1x2x7x5xf32>
  %repro_v_slice_offset0_verifier_v_e = tensor.empty() : tensor<1x2x7x6xf32>
  %repro_v_slice_offset0_verifier_v_d = tensor.cast %repro_v_slice_offset0_verifier_v_e : tensor<1x2x7x6xf32> to tensor<?x?x?x?xf32>
  %repro_v_slice_offset0_verifier_v_s = arith.constant 2.9 : f32
  %repro_v_slice_offset0_verifier_v_a = arith.constant 2.0 : f32
  %repro_v_slice_offset0_verifier_v_r = call @fill(%repro_v_slice_offset0_verifier_v_d, %repro_v_slice_offset0_verifier_v_s, %repro_v_slice_offset0_verifier_v_a) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %repro_v_slice_offset0_verifier_v = tensor.cast %repro_v_slice_offset0_verifier_v_r : tensor<?x?x?x?xf32> to tensor<1x2x7x6xf32>
  %repro_v_slice_offset0_verifier_o = call @kvslice2(%repro_v_slice_offset0_verifier_q, %repro_v_slice_offset0_verifier_k, %repro_v_slice_offset0_verifier_v) : (tensor<1x2x4x5xf32>, tensor<1x2x7x5xf32>, tensor<1x2x7x6xf32>) -> tensor<1x2x4x6xf32>
  %repro_v_slice_offset0_verifier_u = tensor.cast %repro_v_slice_offset0_verifier_o : tensor<1x2x4x6xf32> to tensor<*xf32>
  call @printMemrefF32(%repro_v_slice_offset0_verifier_u) : (tensor<*xf32>) -> ()

  %repro_q_slice_offset0_invalid_q_e = tensor.empty() : tensor<1x2x4x5xf32>
  %repro_q_slice_offset0_invalid_q_d = tensor.cast %repro_q_slice_offset0_invalid_q_e : tensor<1x2x4x5xf32> to tensor<?x?x?x?xf32>
  %repro_q_slice_offset0_invalid_q_s = arith.constant 0.1 : f32
  %repro_q_slice_offset0_invalid_q_a = arith.constant 2.0 : f32
  %repro_q_slice_offset0_invalid_q_r = call @fill(%repro_q_slice_offset0_invalid_q_d, %repro_q_slice_offset0_invalid_q_s, %repro_q_slice_offset0_invalid_q_a) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %repro_q_slice_offset0_invalid_q = tensor.cast %repro_q_slice_offset0_invalid_q_r : tensor<?x?x?x?xf32> to tensor<1x2x4x5xf32>
  %repro_q_slice_offset0_invalid_k_e = tensor.empty() : tensor<1x2x7x5xf32>
  %repro_q_slice_offset0_invalid_k_d = tensor.cast %repro_q_slice_offset0_invalid_k_e : tensor<1x2x7x5xf32> to tensor<?x?x?x?xf32>
  %repro_q_slice_offset0_invalid_k_s = arith.constant 1.7 : f32
  %repro_q_slice_offset0_invalid_k_a = arith.constant 2.0 : f32
  %repro_q_slice_offset0_invalid_k_r = call @fill(%repro_q_slice_offset0_invalid_k_d, %repro_q_slice_offset0_invalid_k_s, %repro_q_slice_offset0_invalid_k_a) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %repro_q_slice_offset0_invalid_k = tensor.cast %repro_q_slice_offset0_invalid_k_r : tensor<?x?x?x?xf32> to tensor<1x2x7x5xf32>
  %repro_q_slice_offset0_invalid_v_e = tensor.empty() : tensor<1x2x7x6xf32>
  %repro_q_slice_offset0_invalid_v_d = tensor.cast %repro_q_slice_offset0_invalid_v_e : tensor<1x2x7x6xf32> to tensor<?x?x?x?xf32>
  %repro_q_slice_offset0_invalid_v_s = arith.constant 2.9 : f32
  %repro_q_slice_offset0_invalid_v_a = arith.constant 2.0 : f32
  %repro_q_slice_offset0_invalid_v_r = call @fill(%repro_q_slice_offset0_invalid_v_d, %repro_q_slice_offset0_invalid_v_s, %repro_q_slice_offset0_invalid_v_a) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %repro_q_slice_offset0_invalid_v = tensor.cast %repro_q_slice_offset0_invalid_v_r : tensor<?x?x?x?xf32> to tensor<1x2x7x6xf32>
  %repro_q_slice_offset0_invalid_o = call @qslice(%repro_q_slice_offset0_invalid_q, %repro_q_slice_offset0_invalid_k, %repro_q_slice_offset0_invalid_v) : (tensor<1x2x4x5xf32>, tensor<1x2x7x5xf32>, tensor<1x2x7x6xf32>) -> tensor<1x2x4x6xf32>
  %repro_q_slice_offset0_invalid_u = tensor.cast %repro_q_slice_offset0_invalid_o : tensor<1x2x4x6xf32> to tensor<*xf32>
  call @printMemrefF32(%repro_q_slice_offset0_invalid_u) : (tensor<*xf32>) -> ()

  %kvslice_q_e = tensor.empty() : tensor<1x2x4x5xf32>
  %kvslice_q_d = tensor.cast %kvslice_q_e : tensor<1x2x4x5xf32> to tensor<?x?x?x?xf32>
  %kvslice_q_s = arith.constant 0.1 : f32
  %kvslice_q_a = arith.constant 2.0 : f32
  %kvslice_q_r = call @fill(%kvslice_q_d, %kvslice_q_s, %kvslice_q_a) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %kvslice_q = tensor.cast %kvslice_q_r : tensor<?x?x?x?xf32> to tensor<1x2x4x5xf32>
  %kvslice_k_e = tensor.empty() : tensor<1x2x7x5xf32>
  %kvslice_k_d = tensor.cast %kvslice_k_e : tensor<1x2x7x5xf32> to tensor<?x?x?x?xf32>
  %kvslice_k_s = arith.constant 1.7 : f32
  %kvslice_k_a = arith.constant 2.0 : f32
  %kvslice_k_r = call @fill(%kvslice_k_d, %kvslice_k_s, %kvslice_k_a) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %kvslice_k = tensor.cast %kvslice_k_r : tensor<?x?x?x?xf32> to tensor<1x2x7x5xf32>
  %kvslice_v_e = tensor.empty() : tensor<1x2x7x6xf32>
  %kvslice_v_d = tensor.cast %kvslice_v_e : tensor<1x2x7x6xf32> to tensor<?x?x?x?xf32>
  %kvslice_v_s = arith.constant 2.9 : f32
  %kvslice_v_a = arith.constant 2.0 : f32
  %kvslice_v_r = call @fill(%kvslice_v_d, %kvslice_v_s, %kvslice_v_a) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %kvslice_v = tensor.cast %kvslice_v_r : tensor<?x?x?x?xf32> to tensor<1x2x7x6xf32>
  %kvslice_o = call @kvslice(%kvslice_q, %kvslice_k, %kvslice_v) : (tensor<1x2x4x5xf32>, tensor<1x2x7x5xf32>, tensor<1x2x7x6xf32>) -> tensor<1x2x4x6xf32>
  %kvslice_u = tensor.cast %kvslice_o : tensor<1x2x4x6xf32> to tensor<*xf32>
  call @printMemrefF32(%kvslice_u) : (tensor<*xf32>) -> ()
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


