// A band offset built as a DAG of index additions (`t + t`, 26 levels) in
// the keep condition of the mask: each value outside the bodies is read
// once per walk (it used to be expanded once per use: exponential time,
// found by a crash hunt in session 14). The condition stays an index term
// (a dense mask) and the pass finishes at once.
// RUN: attn-opt %s -attn-fuse-attention | FileCheck %s
// CHECK: attn.attention

#q = affine_map<(b, h, i, j, d) -> (b, h, i, d)>
#k = affine_map<(b, h, i, j, d) -> (b, h, j, d)>
#s = affine_map<(b, h, i, j, d) -> (b, h, i, j)>
#p = affine_map<(b, h, i, e, j) -> (b, h, i, j)>
#v = affine_map<(b, h, i, e, j) -> (b, h, j, e)>
#o = affine_map<(b, h, i, e, j) -> (b, h, i, e)>
#id = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#row = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>
#m11 = affine_map<(d0, d1, d2, d3) -> (0, 0, d2, d3)>
func.func @f(%q: tensor<1x2x?x8xf32>, %k: tensor<1x2x?x8xf32>, %v: tensor<1x2x?x8xf32>) -> tensor<1x2x?x8xf32> {
  %zero = arith.constant 0.0 : f32
  %ninf = arith.constant 0xFF800000 : f32
  %scale = arith.constant 0.35 : f32
  %c2 = arith.constant 2 : index
  %sq = tensor.dim %q, %c2 : tensor<1x2x?x8xf32>
  %skv = tensor.dim %k, %c2 : tensor<1x2x?x8xf32>
  %e = tensor.empty(%sq, %skv) : tensor<1x2x?x?xf32>
  %t0 = arith.subi %skv, %sq : index
  %t1 = arith.addi %t0, %t0 : index
  %t2 = arith.addi %t1, %t1 : index
  %t3 = arith.addi %t2, %t2 : index
  %t4 = arith.addi %t3, %t3 : index
  %t5 = arith.addi %t4, %t4 : index
  %t6 = arith.addi %t5, %t5 : index
  %t7 = arith.addi %t6, %t6 : index
  %t8 = arith.addi %t7, %t7 : index
  %t9 = arith.addi %t8, %t8 : index
  %t10 = arith.addi %t9, %t9 : index
  %t11 = arith.addi %t10, %t10 : index
  %t12 = arith.addi %t11, %t11 : index
  %t13 = arith.addi %t12, %t12 : index
  %t14 = arith.addi %t13, %t13 : index
  %t15 = arith.addi %t14, %t14 : index
  %t16 = arith.addi %t15, %t15 : index
  %t17 = arith.addi %t16, %t16 : index
  %t18 = arith.addi %t17, %t17 : index
  %t19 = arith.addi %t18, %t18 : index
  %t20 = arith.addi %t19, %t19 : index
  %t21 = arith.addi %t20, %t20 : index
  %t22 = arith.addi %t21, %t21 : index
  %t23 = arith.addi %t22, %t22 : index
  %t24 = arith.addi %t23, %t23 : index
  %t25 = arith.addi %t24, %t24 : index
  %t26 = arith.addi %t25, %t25 : index
  %m = tensor.empty(%sq, %skv) : tensor<1x1x?x?xi1>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<1x2x?x?xf32>) -> tensor<1x2x?x?xf32>
  %s = linalg.generic {indexing_maps = [#q, #k, #s], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%q, %k : tensor<1x2x?x8xf32>, tensor<1x2x?x8xf32>) outs(%f : tensor<1x2x?x?xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %mm = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %mm : f32
    linalg.yield %r : f32
  } -> tensor<1x2x?x?xf32>
  %ss = linalg.generic {indexing_maps = [#id, #m11, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%s, %m : tensor<1x2x?x?xf32>, tensor<1x1x?x?xi1>) outs(%e : tensor<1x2x?x?xf32>) {
  ^bb0(%a: f32, %mv: i1, %o: f32):
    %ii = linalg.index 2 : index
    %jj = linalg.index 3 : index
    %lim = arith.addi %ii, %t26 : index
    %keep = arith.cmpi sle, %jj, %lim : index
    %x = arith.mulf %a, %scale : f32
    %y = arith.select %keep, %x, %ninf : f32
    linalg.yield %y : f32
  } -> tensor<1x2x?x?xf32>
  %er = tensor.empty(%sq) : tensor<1x2x?xf32>
  %fm = linalg.fill ins(%ninf : f32) outs(%er : tensor<1x2x?xf32>) -> tensor<1x2x?xf32>
  %mx = linalg.generic {indexing_maps = [#id, #row], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%ss : tensor<1x2x?x?xf32>) outs(%fm : tensor<1x2x?xf32>) {
  ^bb0(%a: f32, %acc: f32):
    %m0 = arith.maximumf %a, %acc : f32
    linalg.yield %m0 : f32
  } -> tensor<1x2x?xf32>
  %ex = linalg.generic {indexing_maps = [#id, #row, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%ss, %mx : tensor<1x2x?x?xf32>, tensor<1x2x?xf32>) outs(%e : tensor<1x2x?x?xf32>) {
  ^bb0(%a: f32, %b: f32, %o: f32):
    %d = arith.subf %a, %b : f32
    %x = math.exp %d : f32
    linalg.yield %x : f32
  } -> tensor<1x2x?x?xf32>
  %fs = linalg.fill ins(%zero : f32) outs(%er : tensor<1x2x?xf32>) -> tensor<1x2x?xf32>
  %sum = linalg.generic {indexing_maps = [#id, #row], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%ex : tensor<1x2x?x?xf32>) outs(%fs : tensor<1x2x?xf32>) {
  ^bb0(%a: f32, %acc: f32):
    %s0 = arith.addf %a, %acc : f32
    linalg.yield %s0 : f32
  } -> tensor<1x2x?xf32>
  %p = linalg.generic {indexing_maps = [#id, #row, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%ex, %sum : tensor<1x2x?x?xf32>, tensor<1x2x?xf32>) outs(%e : tensor<1x2x?x?xf32>) {
  ^bb0(%a: f32, %b: f32, %o: f32):
    %x = arith.divf %a, %b : f32
    linalg.yield %x : f32
  } -> tensor<1x2x?x?xf32>
  %eo = tensor.empty(%sq) : tensor<1x2x?x8xf32>
  %fo = linalg.fill ins(%zero : f32) outs(%eo : tensor<1x2x?x8xf32>) -> tensor<1x2x?x8xf32>
  %o = linalg.generic {indexing_maps = [#p, #v, #o], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%p, %v : tensor<1x2x?x?xf32>, tensor<1x2x?x8xf32>) outs(%fo : tensor<1x2x?x8xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %mm = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %mm : f32
    linalg.yield %r : f32
  } -> tensor<1x2x?x8xf32>
  return %o : tensor<1x2x?x8xf32>
}
