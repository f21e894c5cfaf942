// Executed check of attn-fuse-attention on keep conditions on indices that
// the op's causal/window attributes cannot express: they become one dense
// [Sq, Skv] i1 mask evaluated once (the score matrix is still never
// materialised). @dyn_bottom_right is bottom-right causal with dynamic
// Sq/Skv (j <= i + (Skv - Sq), the offset from tensor.dim: a KV-cache
// decoder's mask), @dyn_br_window the same with a window of 2 keys: both
// were dense masks once and are now `causal = bottom_right` (more such
// forms in fuse-dynamic-bands.mlir). @not_diagonal keeps j != i, @modular keeps (i + j) mod 3 != 0,
// @i8_wraps keeps j8 <= i8 with the indices cast to i8 (wrapping from 128
// on; 130 x 130). Run with
// B = 1, H = 2, Sq = 5, Skv = 9 (dynamic) and Sq = 6, Skv = 7 (static): the
// fused and the unfused programs must print the same numbers.
// RUN: attn-opt %s -attn-fuse-attention | FileCheck %s
// RUN: attn-opt %s -attn-cpu-pipeline="fuse=false" | mlir-runner -e main -entry-point-result=void -shared-libs=%runner_libs > %t.ref
// RUN: attn-opt %s -attn-cpu-pipeline="fuse=true" | mlir-runner -e main -entry-point-result=void -shared-libs=%runner_libs > %t.fused
// RUN: %python %attn_src/test/lib/compare_outputs.py %t.ref %t.fused --rtol 1e-4 --atol 1e-5

// CHECK-LABEL: func.func @dyn_bottom_right
// CHECK-NOT: linalg.generic
// CHECK: attn.attention
// CHECK-NOT: mask(
// CHECK-SAME: causal = bottom_right -> tensor<1x2x?x8xf32>
// CHECK-LABEL: func.func @dyn_br_window
// CHECK: attn.attention
// CHECK-NOT: mask(
// CHECK-SAME: causal = bottom_right window = [2, -1]
// CHECK-LABEL: func.func @not_diagonal
// CHECK: arith.cmpi ne
// CHECK: attn.attention
// CHECK-SAME: mask(%{{.+}} : tensor<6x7xi1>)
// CHECK-LABEL: func.func @modular
// CHECK: arith.remui
// CHECK: attn.attention
// CHECK-SAME: mask(%{{.+}} : tensor<6x7xi1>)
// CHECK-LABEL: func.func @i8_wraps
// CHECK: arith.index_cast %{{.+}} : index to i8
// CHECK: attn.attention
// CHECK-SAME: mask(%{{.+}} : tensor<130x130xi1>)


#q = affine_map<(b, h, i, j, d) -> (b, h, i, d)>
#k = affine_map<(b, h, i, j, d) -> (b, h, j, d)>
#s = affine_map<(b, h, i, j, d) -> (b, h, i, j)>
#p = affine_map<(b, h, i, e, j) -> (b, h, i, j)>
#v = affine_map<(b, h, i, e, j) -> (b, h, j, e)>
#o = affine_map<(b, h, i, e, j) -> (b, h, i, e)>
#id = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#row = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>

func.func @dyn_bottom_right(%q: tensor<1x2x?x8xf32>, %k: tensor<1x2x?x8xf32>, %v: tensor<1x2x?x8xf32>) -> tensor<1x2x?x8xf32> {
  %zero = arith.constant 0.0 : f32
  %ninf = arith.constant 0xFF800000 : f32
  %scale = arith.constant 0.35 : f32
  %c2 = arith.constant 2 : index
  %sq = tensor.dim %q, %c2 : tensor<1x2x?x8xf32>
  %skv = tensor.dim %k, %c2 : tensor<1x2x?x8xf32>
  %off = arith.subi %skv, %sq : index
  %e = tensor.empty(%sq, %skv) : tensor<1x2x?x?xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<1x2x?x?xf32>) -> tensor<1x2x?x?xf32>
  %s = linalg.generic {indexing_maps = [#q, #k, #s], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%q, %k : tensor<1x2x?x8xf32>, tensor<1x2x?x8xf32>) outs(%f : tensor<1x2x?x?xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %mm = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %mm : f32
    linalg.yield %r : f32
  } -> tensor<1x2x?x?xf32>
  %ss = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%s : tensor<1x2x?x?xf32>) outs(%e : tensor<1x2x?x?xf32>) {
  ^bb0(%a: f32, %o: f32):
    %r = arith.mulf %a, %scale : f32
    %i = linalg.index 2 : index
    %j = linalg.index 3 : index
    %lim = arith.addi %i, %off : index
    %keep = arith.cmpi sle, %j, %lim : index
    %r1 = arith.select %keep, %r, %ninf : f32
    linalg.yield %r1 : f32
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
func.func @dyn_br_window(%q: tensor<1x2x?x8xf32>, %k: tensor<1x2x?x8xf32>, %v: tensor<1x2x?x8xf32>) -> tensor<1x2x?x8xf32> {
  %zero = arith.constant 0.0 : f32
  %ninf = arith.constant 0xFF800000 : f32
  %scale = arith.constant 0.35 : f32
  %c2 = arith.constant 2 : index
  %sq = tensor.dim %q, %c2 : tensor<1x2x?x8xf32>
  %skv = tensor.dim %k, %c2 : tensor<1x2x?x8xf32>
  %off = arith.subi %skv, %sq : index
  %w = arith.constant 2 : index
  %e = tensor.empty(%sq, %skv) : tensor<1x2x?x?xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<1x2x?x?xf32>) -> tensor<1x2x?x?xf32>
  %s = linalg.generic {indexing_maps = [#q, #k, #s], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%q, %k : tensor<1x2x?x8xf32>, tensor<1x2x?x8xf32>) outs(%f : tensor<1x2x?x?xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %mm = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %mm : f32
    linalg.yield %r : f32
  } -> tensor<1x2x?x?xf32>
  %ss = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%s : tensor<1x2x?x?xf32>) outs(%e : tensor<1x2x?x?xf32>) {
  ^bb0(%a: f32, %o: f32):
    %r = arith.mulf %a, %scale : f32
    %i = linalg.index 2 : index
    %j = linalg.index 3 : index
    %lim = arith.addi %i, %off : index
    %lo = arith.subi %lim, %w : index
    %k1 = arith.cmpi sle, %j, %lim : index
    %k2 = arith.cmpi sge, %j, %lo : index
    %keep = arith.andi %k1, %k2 : i1
    %r1 = arith.select %keep, %r, %ninf : f32
    linalg.yield %r1 : f32
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
func.func @not_diagonal(%q: tensor<1x2x6x8xf32>, %k: tensor<1x2x7x8xf32>, %v: tensor<1x2x7x8xf32>) -> tensor<1x2x6x8xf32> {
  %zero = arith.constant 0.0 : f32
  %ninf = arith.constant 0xFF800000 : f32
  %scale = arith.constant 0.35 : f32
  %c2 = arith.constant 2 : index
  %sq = tensor.dim %q, %c2 : tensor<1x2x6x8xf32>
  %skv = tensor.dim %k, %c2 : tensor<1x2x7x8xf32>
  %e = tensor.empty() : tensor<1x2x6x7xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<1x2x6x7xf32>) -> tensor<1x2x6x7xf32>
  %s = linalg.generic {indexing_maps = [#q, #k, #s], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%q, %k : tensor<1x2x6x8xf32>, tensor<1x2x7x8xf32>) outs(%f : tensor<1x2x6x7xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %mm = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %mm : f32
    linalg.yield %r : f32
  } -> tensor<1x2x6x7xf32>
  %ss = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%s : tensor<1x2x6x7xf32>) outs(%e : tensor<1x2x6x7xf32>) {
  ^bb0(%a: f32, %o: f32):
    %r = arith.mulf %a, %scale : f32
    %i = linalg.index 2 : index
    %j = linalg.index 3 : index
    %keep = arith.cmpi ne, %j, %i : index
    %r1 = arith.select %keep, %r, %ninf : f32
    linalg.yield %r1 : f32
  } -> tensor<1x2x6x7xf32>
  %er = tensor.empty() : tensor<1x2x6xf32>
  %fm = linalg.fill ins(%ninf : f32) outs(%er : tensor<1x2x6xf32>) -> tensor<1x2x6xf32>
  %mx = linalg.generic {indexing_maps = [#id, #row], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%ss : tensor<1x2x6x7xf32>) outs(%fm : tensor<1x2x6xf32>) {
  ^bb0(%a: f32, %acc: f32):
    %m0 = arith.maximumf %a, %acc : f32
    linalg.yield %m0 : f32
  } -> tensor<1x2x6xf32>
  %ex = linalg.generic {indexing_maps = [#id, #row, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%ss, %mx : tensor<1x2x6x7xf32>, tensor<1x2x6xf32>) outs(%e : tensor<1x2x6x7xf32>) {
  ^bb0(%a: f32, %b: f32, %o: f32):
    %d = arith.subf %a, %b : f32
    %x = math.exp %d : f32
    linalg.yield %x : f32
  } -> tensor<1x2x6x7xf32>
  %fs = linalg.fill ins(%zero : f32) outs(%er : tensor<1x2x6xf32>) -> tensor<1x2x6xf32>
  %sum = linalg.generic {indexing_maps = [#id, #row], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%ex : tensor<1x2x6x7xf32>) outs(%fs : tensor<1x2x6xf32>) {
  ^bb0(%a: f32, %acc: f32):
    %s0 = arith.addf %a, %acc : f32
    linalg.yield %s0 : f32
  } -> tensor<1x2x6xf32>
  %p = linalg.generic {indexing_maps = [#id, #row, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%ex, %sum : tensor<1x2x6x7xf32>, tensor<1x2x6xf32>) outs(%e : tensor<1x2x6x7xf32>) {
  ^bb0(%a: f32, %b: f32, %o: f32):
    %x = arith.divf %a, %b : f32
    linalg.yield %x : f32
  } -> tensor<1x2x6x7xf32>
  %eo = tensor.empty() : tensor<1x2x6x8xf32>
  %fo = linalg.fill ins(%zero : f32) outs(%eo : tensor<1x2x6x8xf32>) -> tensor<1x2x6x8xf32>
  %o = linalg.generic {indexing_maps = [#p, #v, #o], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%p, %v : tensor<1x2x6x7xf32>, tensor<1x2x7x8xf32>) outs(%fo : tensor<1x2x6x8xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %mm = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %mm : f32
    linalg.yield %r : f32
  } -> tensor<1x2x6x8xf32>
  return %o : tensor<1x2x6x8xf32>
}
func.func @modular(%q: tensor<1x2x6x8xf32>, %k: tensor<1x2x7x8xf32>, %v: tensor<1x2x7x8xf32>) -> tensor<1x2x6x8xf32> {
  %zero = arith.constant 0.0 : f32
  %ninf = arith.constant 0xFF800000 : f32
  %scale = arith.constant 0.35 : f32
  %c2 = arith.constant 2 : index
  %sq = tensor.dim %q, %c2 : tensor<1x2x6x8xf32>
  %skv = tensor.dim %k, %c2 : tensor<1x2x7x8xf32>
  %three = arith.constant 3 : index
  %z = arith.constant 0 : index
  %e = tensor.empty() : tensor<1x2x6x7xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<1x2x6x7xf32>) -> tensor<1x2x6x7xf32>
  %s = linalg.generic {indexing_maps = [#q, #k, #s], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%q, %k : tensor<1x2x6x8xf32>, tensor<1x2x7x8xf32>) outs(%f : tensor<1x2x6x7xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %mm = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %mm : f32
    linalg.yield %r : f32
  } -> tensor<1x2x6x7xf32>
  %ss = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%s : tensor<1x2x6x7xf32>) outs(%e : tensor<1x2x6x7xf32>) {
  ^bb0(%a: f32, %o: f32):
    %r = arith.mulf %a, %scale : f32
    %i = linalg.index 2 : index
    %j = linalg.index 3 : index
    %t = arith.addi %i, %j : index
    %r3 = arith.remui %t, %three : index
    %keep = arith.cmpi ne, %r3, %z : index
    %r1 = arith.select %keep, %r, %ninf : f32
    linalg.yield %r1 : f32
  } -> tensor<1x2x6x7xf32>
  %er = tensor.empty() : tensor<1x2x6xf32>
  %fm = linalg.fill ins(%ninf : f32) outs(%er : tensor<1x2x6xf32>) -> tensor<1x2x6xf32>
  %mx = linalg.generic {indexing_maps = [#id, #row], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%ss : tensor<1x2x6x7xf32>) outs(%fm : tensor<1x2x6xf32>) {
  ^bb0(%a: f32, %acc: f32):
    %m0 = arith.maximumf %a, %acc : f32
    linalg.yield %m0 : f32
  } -> tensor<1x2x6xf32>
  %ex = linalg.generic {indexing_maps = [#id, #row, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%ss, %mx : tensor<1x2x6x7xf32>, tensor<1x2x6xf32>) outs(%e : tensor<1x2x6x7xf32>) {
  ^bb0(%a: f32, %b: f32, %o: f32):
    %d = arith.subf %a, %b : f32
    %x = math.exp %d : f32
    linalg.yield %x : f32
  } -> tensor<1x2x6x7xf32>
  %fs = linalg.fill ins(%zero : f32) outs(%er : tensor<1x2x6xf32>) -> tensor<1x2x6xf32>
  %sum = linalg.generic {indexing_maps = [#id, #row], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%ex : tensor<1x2x6x7xf32>) outs(%fs : tensor<1x2x6xf32>) {
  ^bb0(%a: f32, %acc: f32):
    %s0 = arith.addf %a, %acc : f32
    linalg.yield %s0 : f32
  } -> tensor<1x2x6xf32>
  %p = linalg.generic {indexing_maps = [#id, #row, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%ex, %sum : tensor<1x2x6x7xf32>, tensor<1x2x6xf32>) outs(%e : tensor<1x2x6x7xf32>) {
  ^bb0(%a: f32, %b: f32, %o: f32):
    %x = arith.divf %a, %b : f32
    linalg.yield %x : f32
  } -> tensor<1x2x6x7xf32>
  %eo = tensor.empty() : tensor<1x2x6x8xf32>
  %fo = linalg.fill ins(%zero : f32) outs(%eo : tensor<1x2x6x8xf32>) -> tensor<1x2x6x8xf32>
  %o = linalg.generic {indexing_maps = [#p, #v, #o], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%p, %v : tensor<1x2x6x7xf32>, tensor<1x2x7x8xf32>) outs(%fo : tensor<1x2x6x8xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %mm = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %mm : f32
    linalg.yield %r : f32
  } -> tensor<1x2x6x8xf32>
  return %o : tensor<1x2x6x8xf32>
}
func.func @i8_wraps(%q: tensor<1x1x130x4xf32>, %k: tensor<1x1x130x4xf32>, %v: tensor<1x1x130x4xf32>) -> tensor<1x1x130x4xf32> {
  %zero = arith.constant 0.0 : f32
  %ninf = arith.constant 0xFF800000 : f32
  %scale = arith.constant 0.35 : f32
  %c2 = arith.constant 2 : index
  %sq = tensor.dim %q, %c2 : tensor<1x1x130x4xf32>
  %skv = tensor.dim %k, %c2 : tensor<1x1x130x4xf32>
  %e = tensor.empty() : tensor<1x1x130x130xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<1x1x130x130xf32>) -> tensor<1x1x130x130xf32>
  %s = linalg.generic {indexing_maps = [#q, #k, #s], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%q, %k : tensor<1x1x130x4xf32>, tensor<1x1x130x4xf32>) outs(%f : tensor<1x1x130x130xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %mm = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %mm : f32
    linalg.yield %r : f32
  } -> tensor<1x1x130x130xf32>
  %ss = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%s : tensor<1x1x130x130xf32>) outs(%e : tensor<1x1x130x130xf32>) {
  ^bb0(%a: f32, %o: f32):
    %r = arith.mulf %a, %scale : f32
    %i = linalg.index 2 : index
    %j = linalg.index 3 : index
    %i8 = arith.index_cast %i : index to i8
    %j8 = arith.index_cast %j : index to i8
    %keep = arith.cmpi sle, %j8, %i8 : i8
    %r1 = arith.select %keep, %r, %ninf : f32
    linalg.yield %r1 : f32
  } -> tensor<1x1x130x130xf32>
  %er = tensor.empty() : tensor<1x1x130xf32>
  %fm = linalg.fill ins(%ninf : f32) outs(%er : tensor<1x1x130xf32>) -> tensor<1x1x130xf32>
  %mx = linalg.generic {indexing_maps = [#id, #row], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%ss : tensor<1x1x130x130xf32>) outs(%fm : tensor<1x1x130xf32>) {
  ^bb0(%a: f32, %acc: f32):
    %m0 = arith.maximumf %a, %acc : f32
    linalg.yield %m0 : f32
  } -> tensor<1x1x130xf32>
  %ex = linalg.generic {indexing_maps = [#id, #row, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%ss, %mx : tensor<1x1x130x130xf32>, tensor<1x1x130xf32>) outs(%e : tensor<1x1x130x130xf32>) {
  ^bb0(%a: f32, %b: f32, %o: f32):
    %d = arith.subf %a, %b : f32
    %x = math.exp %d : f32
    linalg.yield %x : f32
  } -> tensor<1x1x130x130xf32>
  %fs = linalg.fill ins(%zero : f32) outs(%er : tensor<1x1x130xf32>) -> tensor<1x1x130xf32>
  %sum = linalg.generic {indexing_maps = [#id, #row], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%ex : tensor<1x1x130x130xf32>) outs(%fs : tensor<1x1x130xf32>) {
  ^bb0(%a: f32, %acc: f32):
    %s0 = arith.addf %a, %acc : f32
    linalg.yield %s0 : f32
  } -> tensor<1x1x130xf32>
  %p = linalg.generic {indexing_maps = [#id, #row, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%ex, %sum : tensor<1x1x130x130xf32>, tensor<1x1x130xf32>) outs(%e : tensor<1x1x130x130xf32>) {
  ^bb0(%a: f32, %b: f32, %o: f32):
    %x = arith.divf %a, %b : f32
    linalg.yield %x : f32
  } -> tensor<1x1x130x130xf32>
  %eo = tensor.empty() : tensor<1x1x130x4xf32>
  %fo = linalg.fill ins(%zero : f32) outs(%eo : tensor<1x1x130x4xf32>) -> tensor<1x1x130x4xf32>
  %o = linalg.generic {indexing_maps = [#p, #v, #o], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%p, %v : tensor<1x1x130x130xf32>, tensor<1x1x130x4xf32>) outs(%fo : tensor<1x1x130x4xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %mm = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %mm : f32
    linalg.yield %r : f32
  } -> tensor<1x1x130x4xf32>
  return %o : tensor<1x1x130x4xf32>
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

func.func @main() {  %eq1 = tensor.empty() : tensor<1x2x5x8xf32>
  %dq1 = tensor.cast %eq1 : tensor<1x2x5x8xf32> to tensor<?x?x?x?xf32>
  %sq1 = arith.constant 0.3 : f32
  %fq1 = call @fill(%dq1, %sq1) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %ek1 = tensor.empty() : tensor<1x2x9x8xf32>
  %dk1 = tensor.cast %ek1 : tensor<1x2x9x8xf32> to tensor<?x?x?x?xf32>
  %sk1 = arith.constant 1.7 : f32
  %fk1 = call @fill(%dk1, %sk1) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %ev1 = tensor.empty() : tensor<1x2x9x8xf32>
  %dv1 = tensor.cast %ev1 : tensor<1x2x9x8xf32> to tensor<?x?x?x?xf32>
  %sv1 = arith.constant 2.9 : f32
  %fv1 = call @fill(%dv1, %sv1) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %eq2 = tensor.empty() : tensor<1x2x6x8xf32>
  %dq2 = tensor.cast %eq2 : tensor<1x2x6x8xf32> to tensor<?x?x?x?xf32>
  %sq2 = arith.constant 0.6 : f32
  %fq2 = call @fill(%dq2, %sq2) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %ek2 = tensor.empty() : tensor<1x2x7x8xf32>
  %dk2 = tensor.cast %ek2 : tensor<1x2x7x8xf32> to tensor<?x?x?x?xf32>
  %sk2 = arith.constant 1.1 : f32
  %fk2 = call @fill(%dk2, %sk2) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %ev2 = tensor.empty() : tensor<1x2x7x8xf32>
  %dv2 = tensor.cast %ev2 : tensor<1x2x7x8xf32> to tensor<?x?x?x?xf32>
  %sv2 = arith.constant 2.3 : f32
  %fv2 = call @fill(%dv2, %sv2) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %eq3 = tensor.empty() : tensor<1x1x130x4xf32>
  %dq3 = tensor.cast %eq3 : tensor<1x1x130x4xf32> to tensor<?x?x?x?xf32>
  %sq3 = arith.constant 0.2 : f32
  %fq3 = call @fill(%dq3, %sq3) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %ek3 = tensor.empty() : tensor<1x1x130x4xf32>
  %dk3 = tensor.cast %ek3 : tensor<1x1x130x4xf32> to tensor<?x?x?x?xf32>
  %sk3 = arith.constant 1.4 : f32
  %fk3 = call @fill(%dk3, %sk3) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %ev3 = tensor.empty() : tensor<1x1x130x4xf32>
  %dv3 = tensor.cast %ev3 : tensor<1x1x130x4xf32> to tensor<?x?x?x?xf32>
  %sv3 = arith.constant 2.2 : f32
  %fv3 = call @fill(%dv3, %sv3) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %q3 = tensor.cast %fq3 : tensor<?x?x?x?xf32> to tensor<1x1x130x4xf32>
  %k3 = tensor.cast %fk3 : tensor<?x?x?x?xf32> to tensor<1x1x130x4xf32>
  %v3 = tensor.cast %fv3 : tensor<?x?x?x?xf32> to tensor<1x1x130x4xf32>
  %o5 = call @i8_wraps(%q3, %k3, %v3) : (tensor<1x1x130x4xf32>, tensor<1x1x130x4xf32>, tensor<1x1x130x4xf32>) -> tensor<1x1x130x4xf32>
  %u5 = tensor.cast %o5 : tensor<1x1x130x4xf32> to tensor<*xf32>
  call @printMemrefF32(%u5) : (tensor<*xf32>) -> ()
  %qd = tensor.cast %fq1 : tensor<?x?x?x?xf32> to tensor<1x2x?x8xf32>
  %kd = tensor.cast %fk1 : tensor<?x?x?x?xf32> to tensor<1x2x?x8xf32>
  %vd = tensor.cast %fv1 : tensor<?x?x?x?xf32> to tensor<1x2x?x8xf32>
  %qs = tensor.cast %fq2 : tensor<?x?x?x?xf32> to tensor<1x2x6x8xf32>
  %ks = tensor.cast %fk2 : tensor<?x?x?x?xf32> to tensor<1x2x7x8xf32>
  %vs = tensor.cast %fv2 : tensor<?x?x?x?xf32> to tensor<1x2x7x8xf32>
  %o1 = call @dyn_bottom_right(%qd, %kd, %vd) : (tensor<1x2x?x8xf32>, tensor<1x2x?x8xf32>, tensor<1x2x?x8xf32>) -> tensor<1x2x?x8xf32>
  %u1 = tensor.cast %o1 : tensor<1x2x?x8xf32> to tensor<*xf32>
  call @printMemrefF32(%u1) : (tensor<*xf32>) -> ()
  %o2 = call @dyn_br_window(%qd, %kd, %vd) : (tensor<1x2x?x8xf32>, tensor<1x2x?x8xf32>, tensor<1x2x?x8xf32>) -> tensor<1x2x?x8xf32>
  %u2 = tensor.cast %o2 : tensor<1x2x?x8xf32> to tensor<*xf32>
  call @printMemrefF32(%u2) : (tensor<*xf32>) -> ()
  %o3 = call @not_diagonal(%qs, %ks, %vs) : (tensor<1x2x6x8xf32>, tensor<1x2x7x8xf32>, tensor<1x2x7x8xf32>) -> tensor<1x2x6x8xf32>
  %u3 = tensor.cast %o3 : tensor<1x2x6x8xf32> to tensor<*xf32>
  call @printMemrefF32(%u3) : (tensor<*xf32>) -> ()
  %o4 = call @modular(%qs, %ks, %vs) : (tensor<1x2x6x8xf32>, tensor<1x2x7x8xf32>, tensor<1x2x7x8xf32>) -> tensor<1x2x6x8xf32>
  %u4 = tensor.cast %o4 : tensor<1x2x6x8xf32> to tensor<*xf32>
  call @printMemrefF32(%u4) : (tensor<*xf32>) -> ()
  return
}
