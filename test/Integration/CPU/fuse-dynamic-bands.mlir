// Executed check of attn-fuse-attention on band masks about the bottom-right
// diagonal with dynamic Sq and Skv: a KV-cache decoder's `j <= i + (Skv - Sq)`
// with the offset from tensor.dim (in index or i64, outside or inside the
// body, from the operands or from the init's sizes), with windows, become
// `causal = bottom_right` / `window` (structural: whole key tiles are
// skipped). Conditions that are no such band stay a dense [Sq, Skv] i1 mask:
// both diagonals at once, twice or minus the offset, an offset that is not
// Skv - Sq (a function argument), an unsigned compare of a possibly negative
// bound, a condition reading sizes computed inside the body (re-read from
// their tensors before the op). Each function runs for several (Sq, Skv), Sq = 1 (decoding)
// included; the fused and the unfused programs must print the same numbers.
// RUN: attn-opt %s -attn-fuse-attention | FileCheck %s
// RUN: attn-opt %s -attn-cpu-pipeline="fuse=false" | mlir-runner -e main -entry-point-result=void -shared-libs=%runner_libs > %t.ref
// RUN: attn-opt %s -attn-cpu-pipeline="fuse=true" | mlir-runner -e main -entry-point-result=void -shared-libs=%runner_libs > %t.fused
// RUN: %python %attn_src/test/lib/compare_outputs.py %t.ref %t.fused --rtol 1e-4 --atol 1e-5

// CHECK-LABEL: func.func @i64_offset
// CHECK: attn.attention
// CHECK-SAME: ins(%{{[^)]+}}) outs(
// CHECK-SAME: scale = 3.500000e-01 causal = bottom_right ->
// CHECK-LABEL: func.func @dims_of_init
// CHECK: attn.attention
// CHECK-SAME: ins(%{{[^)]+}}) outs(
// CHECK-SAME: scale = 3.500000e-01 causal = bottom_right ->
// CHECK-LABEL: func.func @dims_in_body
// CHECK: attn.attention
// CHECK-SAME: ins(%{{[^)]+}}) outs(
// CHECK-SAME: scale = 3.500000e-01 causal = bottom_right ->
// CHECK-LABEL: func.func @strict_window
// CHECK: attn.attention
// CHECK-SAME: ins(%{{[^)]+}}) outs(
// CHECK-SAME: scale = 3.500000e-01 causal = bottom_right window = [3, -1]
// CHECK-LABEL: func.func @window_no_causal
// CHECK: attn.attention
// CHECK-SAME: ins(%{{[^)]+}}) outs(
// CHECK-NOT: causal
// CHECK-SAME: scale = 3.500000e-01 window = [1, 2] ->
// CHECK-LABEL: func.func @mixed_diagonals
// CHECK: linalg.generic {{.*}} outs(%{{.+}} : tensor<?x?xi1>)
// CHECK: attn.attention
// CHECK-SAME: ins(%{{[^)]+}}) mask(%{{.+}} : tensor<?x?xi1>)
// CHECK-NOT: causal
// CHECK-SAME: scale = 3.500000e-01 ->
// CHECK-LABEL: func.func @twice_offset
// CHECK: linalg.generic {{.*}} outs(%{{.+}} : tensor<?x?xi1>)
// CHECK: attn.attention
// CHECK-SAME: ins(%{{[^)]+}}) mask(%{{.+}} : tensor<?x?xi1>)
// CHECK-NOT: causal
// CHECK-SAME: scale = 3.500000e-01 ->
// CHECK-LABEL: func.func @cancelled_offset
// CHECK: attn.attention
// CHECK-SAME: ins(%{{[^)]+}}) outs(
// CHECK-SAME: scale = 3.500000e-01 causal = bottom_right ->
// CHECK-LABEL: func.func @reversed_offset
// CHECK: linalg.generic {{.*}} outs(%{{.+}} : tensor<?x?xi1>)
// CHECK: attn.attention
// CHECK-SAME: ins(%{{[^)]+}}) mask(%{{.+}} : tensor<?x?xi1>)
// CHECK-NOT: causal
// CHECK-SAME: scale = 3.500000e-01 ->
// CHECK-LABEL: func.func @dense_dims_in_body
// CHECK: linalg.generic {{.*}} outs(%{{.+}} : tensor<?x?xi1>)
// CHECK: attn.attention
// CHECK-SAME: ins(%{{[^)]+}}) mask(%{{.+}} : tensor<?x?xi1>)
// CHECK-NOT: causal
// CHECK-SAME: scale = 3.500000e-01 ->
// CHECK-LABEL: func.func @argument_offset
// CHECK: linalg.generic {{.*}} outs(%{{.+}} : tensor<?x?xi1>)
// CHECK: attn.attention
// CHECK-SAME: ins(%{{[^)]+}}) mask(%{{.+}} : tensor<?x?xi1>)
// CHECK-NOT: causal
// CHECK-SAME: scale = 3.500000e-01 ->
// CHECK-LABEL: func.func @unsigned_compare
// CHECK: linalg.generic {{.*}} outs(%{{.+}} : tensor<?x?xi1>)
// CHECK: attn.attention
// CHECK-SAME: ins(%{{[^)]+}}) mask(%{{.+}} : tensor<?x?xi1>)
// CHECK-NOT: causal
// CHECK-SAME: scale = 3.500000e-01 ->

#q = affine_map<(b, h, i, j, d) -> (b, h, i, d)>
#k = affine_map<(b, h, i, j, d) -> (b, h, j, d)>
#s = affine_map<(b, h, i, j, d) -> (b, h, i, j)>
#p = affine_map<(b, h, i, e, j) -> (b, h, i, j)>
#v = affine_map<(b, h, i, e, j) -> (b, h, j, e)>
#o = affine_map<(b, h, i, e, j) -> (b, h, i, e)>
#id = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#row = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>
#gen = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>

func.func @i64_offset(%q: tensor<1x2x?x8xf32>, %k: tensor<1x2x?x8xf32>, %v: tensor<1x2x?x8xf32>) -> tensor<1x2x?x8xf32> {
  %zero = arith.constant 0.0 : f32
  %ninf = arith.constant 0xFF800000 : f32
  %scale = arith.constant 0.35 : f32
  %c2 = arith.constant 2 : index
  %sq = tensor.dim %q, %c2 : tensor<1x2x?x8xf32>
  %skv = tensor.dim %k, %c2 : tensor<1x2x?x8xf32>
  %e = tensor.empty(%sq, %skv) : tensor<1x2x?x?xf32>
  %sq64 = arith.index_cast %sq : index to i64
  %skv64 = arith.index_cast %skv : index to i64
  %off = arith.subi %skv64, %sq64 : i64
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
    %i64 = arith.index_cast %i : index to i64
    %j64 = arith.index_cast %j : index to i64
    %lim = arith.addi %i64, %off : i64
    %keep = arith.cmpi sle, %j64, %lim : i64
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

func.func @dims_of_init(%q: tensor<1x2x?x8xf32>, %k: tensor<1x2x?x8xf32>, %v: tensor<1x2x?x8xf32>) -> tensor<1x2x?x8xf32> {
  %zero = arith.constant 0.0 : f32
  %ninf = arith.constant 0xFF800000 : f32
  %scale = arith.constant 0.35 : f32
  %c2 = arith.constant 2 : index
  %sq = tensor.dim %q, %c2 : tensor<1x2x?x8xf32>
  %skv = tensor.dim %k, %c2 : tensor<1x2x?x8xf32>
  %e = tensor.empty(%sq, %skv) : tensor<1x2x?x?xf32>
  %c3 = arith.constant 3 : index
  %d2 = tensor.dim %e, %c2 : tensor<1x2x?x?xf32>
  %d3 = tensor.dim %e, %c3 : tensor<1x2x?x?xf32>
  %off = arith.subi %d3, %d2 : index
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

func.func @dims_in_body(%q: tensor<1x2x?x8xf32>, %k: tensor<1x2x?x8xf32>, %v: tensor<1x2x?x8xf32>) -> tensor<1x2x?x8xf32> {
  %zero = arith.constant 0.0 : f32
  %ninf = arith.constant 0xFF800000 : f32
  %scale = arith.constant 0.35 : f32
  %c2 = arith.constant 2 : index
  %sq = tensor.dim %q, %c2 : tensor<1x2x?x8xf32>
  %skv = tensor.dim %k, %c2 : tensor<1x2x?x8xf32>
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
    %kd = tensor.dim %v, %c2 : tensor<1x2x?x8xf32>
    %qd = tensor.dim %q, %c2 : tensor<1x2x?x8xf32>
    %t = arith.subi %j, %i : index
    %o2 = arith.subi %kd, %qd : index
    %keep = arith.cmpi sge, %o2, %t : index
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

func.func @strict_window(%q: tensor<1x2x?x8xf32>, %k: tensor<1x2x?x8xf32>, %v: tensor<1x2x?x8xf32>) -> tensor<1x2x?x8xf32> {
  %zero = arith.constant 0.0 : f32
  %ninf = arith.constant 0xFF800000 : f32
  %scale = arith.constant 0.35 : f32
  %c2 = arith.constant 2 : index
  %sq = tensor.dim %q, %c2 : tensor<1x2x?x8xf32>
  %skv = tensor.dim %k, %c2 : tensor<1x2x?x8xf32>
  %e = tensor.empty(%sq, %skv) : tensor<1x2x?x?xf32>
  %off = arith.subi %skv, %sq : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
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
    %lim1 = arith.addi %lim, %c1 : index
    %lo = arith.subi %lim, %c4 : index
    %k1 = arith.cmpi slt, %j, %lim1 : index
    %k2 = arith.cmpi sgt, %j, %lo : index
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

func.func @window_no_causal(%q: tensor<1x2x?x8xf32>, %k: tensor<1x2x?x8xf32>, %v: tensor<1x2x?x8xf32>) -> tensor<1x2x?x8xf32> {
  %zero = arith.constant 0.0 : f32
  %ninf = arith.constant 0xFF800000 : f32
  %scale = arith.constant 0.35 : f32
  %c2 = arith.constant 2 : index
  %sq = tensor.dim %q, %c2 : tensor<1x2x?x8xf32>
  %skv = tensor.dim %k, %c2 : tensor<1x2x?x8xf32>
  %e = tensor.empty(%sq, %skv) : tensor<1x2x?x?xf32>
  %off = arith.subi %skv, %sq : index
  %c1 = arith.constant 1 : index
  %c2b = arith.constant 2 : index
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
    %d = arith.subi %j, %i : index
    %dd = arith.subi %d, %off : index
    %m1 = arith.constant -1 : index
    %k1 = arith.cmpi sle, %dd, %c2b : index
    %k2 = arith.cmpi sge, %dd, %m1 : index
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

func.func @mixed_diagonals(%q: tensor<1x2x?x8xf32>, %k: tensor<1x2x?x8xf32>, %v: tensor<1x2x?x8xf32>) -> tensor<1x2x?x8xf32> {
  %zero = arith.constant 0.0 : f32
  %ninf = arith.constant 0xFF800000 : f32
  %scale = arith.constant 0.35 : f32
  %c2 = arith.constant 2 : index
  %sq = tensor.dim %q, %c2 : tensor<1x2x?x8xf32>
  %skv = tensor.dim %k, %c2 : tensor<1x2x?x8xf32>
  %e = tensor.empty(%sq, %skv) : tensor<1x2x?x?xf32>
  %off = arith.subi %skv, %sq : index
  %c2w = arith.constant 2 : index
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
    %lo = arith.subi %i, %c2w : index
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

func.func @twice_offset(%q: tensor<1x2x?x8xf32>, %k: tensor<1x2x?x8xf32>, %v: tensor<1x2x?x8xf32>) -> tensor<1x2x?x8xf32> {
  %zero = arith.constant 0.0 : f32
  %ninf = arith.constant 0xFF800000 : f32
  %scale = arith.constant 0.35 : f32
  %c2 = arith.constant 2 : index
  %sq = tensor.dim %q, %c2 : tensor<1x2x?x8xf32>
  %skv = tensor.dim %k, %c2 : tensor<1x2x?x8xf32>
  %e = tensor.empty(%sq, %skv) : tensor<1x2x?x?xf32>
  %off = arith.subi %skv, %sq : index
  %off2 = arith.addi %off, %off : index
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
    %lim = arith.addi %i, %off2 : index
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

func.func @cancelled_offset(%q: tensor<1x2x?x8xf32>, %k: tensor<1x2x?x8xf32>, %v: tensor<1x2x?x8xf32>) -> tensor<1x2x?x8xf32> {
  %zero = arith.constant 0.0 : f32
  %ninf = arith.constant 0xFF800000 : f32
  %scale = arith.constant 0.35 : f32
  %c2 = arith.constant 2 : index
  %sq = tensor.dim %q, %c2 : tensor<1x2x?x8xf32>
  %skv = tensor.dim %k, %c2 : tensor<1x2x?x8xf32>
  %e = tensor.empty(%sq, %skv) : tensor<1x2x?x?xf32>
  %off = arith.subi %sq, %skv : index
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
    %lim = arith.subi %i, %off : index
    %lim2 = arith.addi %lim, %off : index
    %lim3 = arith.subi %lim2, %off : index
    %keep = arith.cmpi sle, %j, %lim3 : index
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

func.func @reversed_offset(%q: tensor<1x2x?x8xf32>, %k: tensor<1x2x?x8xf32>, %v: tensor<1x2x?x8xf32>) -> tensor<1x2x?x8xf32> {
  %zero = arith.constant 0.0 : f32
  %ninf = arith.constant 0xFF800000 : f32
  %scale = arith.constant 0.35 : f32
  %c2 = arith.constant 2 : index
  %sq = tensor.dim %q, %c2 : tensor<1x2x?x8xf32>
  %skv = tensor.dim %k, %c2 : tensor<1x2x?x8xf32>
  %e = tensor.empty(%sq, %skv) : tensor<1x2x?x?xf32>
  %off = arith.subi %sq, %skv : index
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

func.func @dense_dims_in_body(%q: tensor<1x2x?x8xf32>, %k: tensor<1x2x?x8xf32>, %v: tensor<1x2x?x8xf32>) -> tensor<1x2x?x8xf32> {
  %zero = arith.constant 0.0 : f32
  %ninf = arith.constant 0xFF800000 : f32
  %scale = arith.constant 0.35 : f32
  %c2 = arith.constant 2 : index
  %sq = tensor.dim %q, %c2 : tensor<1x2x?x8xf32>
  %skv = tensor.dim %k, %c2 : tensor<1x2x?x8xf32>
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
    %kd = tensor.dim %v, %c2 : tensor<1x2x?x8xf32>
    %qd = tensor.dim %q, %c2 : tensor<1x2x?x8xf32>
    %o2 = arith.subi %kd, %qd : index
    %lim = arith.addi %i, %o2 : index
    %keep = arith.cmpi ne, %j, %lim : index
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

func.func @argument_offset(%q: tensor<1x2x?x8xf32>, %k: tensor<1x2x?x8xf32>, %v: tensor<1x2x?x8xf32>, %n: index) -> tensor<1x2x?x8xf32> {
  %zero = arith.constant 0.0 : f32
  %ninf = arith.constant 0xFF800000 : f32
  %scale = arith.constant 0.35 : f32
  %c2 = arith.constant 2 : index
  %sq = tensor.dim %q, %c2 : tensor<1x2x?x8xf32>
  %skv = tensor.dim %k, %c2 : tensor<1x2x?x8xf32>
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
    %lim = arith.addi %i, %n : index
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

func.func @unsigned_compare(%q: tensor<1x2x?x8xf32>, %k: tensor<1x2x?x8xf32>, %v: tensor<1x2x?x8xf32>) -> tensor<1x2x?x8xf32> {
  %zero = arith.constant 0.0 : f32
  %ninf = arith.constant 0xFF800000 : f32
  %scale = arith.constant 0.35 : f32
  %c2 = arith.constant 2 : index
  %sq = tensor.dim %q, %c2 : tensor<1x2x?x8xf32>
  %skv = tensor.dim %k, %c2 : tensor<1x2x?x8xf32>
  %e = tensor.empty(%sq, %skv) : tensor<1x2x?x?xf32>
  %off = arith.subi %skv, %sq : index
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
    %keep = arith.cmpi ule, %j, %lim : index
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
  %eq1 = tensor.empty() : tensor<1x2x5x8xf32>
  %dq1 = tensor.cast %eq1 : tensor<1x2x5x8xf32> to tensor<?x?x?x?xf32>
  %sq1 = arith.constant 0.47 : f32
  %fq1 = call @fill(%dq1, %sq1) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %q1 = tensor.cast %fq1 : tensor<?x?x?x?xf32> to tensor<1x2x?x8xf32>
  %ek1 = tensor.empty() : tensor<1x2x9x8xf32>
  %dk1 = tensor.cast %ek1 : tensor<1x2x9x8xf32> to tensor<?x?x?x?xf32>
  %sk1 = arith.constant 0.84 : f32
  %fk1 = call @fill(%dk1, %sk1) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %k1 = tensor.cast %fk1 : tensor<?x?x?x?xf32> to tensor<1x2x?x8xf32>
  %ev1 = tensor.empty() : tensor<1x2x9x8xf32>
  %dv1 = tensor.cast %ev1 : tensor<1x2x9x8xf32> to tensor<?x?x?x?xf32>
  %sv1 = arith.constant 1.21 : f32
  %fv1 = call @fill(%dv1, %sv1) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %v1 = tensor.cast %fv1 : tensor<?x?x?x?xf32> to tensor<1x2x?x8xf32>
  %o1 = call @i64_offset(%q1, %k1, %v1) : (tensor<1x2x?x8xf32>, tensor<1x2x?x8xf32>, tensor<1x2x?x8xf32>) -> tensor<1x2x?x8xf32>
  %u1 = tensor.cast %o1 : tensor<1x2x?x8xf32> to tensor<*xf32>
  call @printMemrefF32(%u1) : (tensor<*xf32>) -> ()
  %eq2 = tensor.empty() : tensor<1x2x7x8xf32>
  %dq2 = tensor.cast %eq2 : tensor<1x2x7x8xf32> to tensor<?x?x?x?xf32>
  %sq2 = arith.constant 1.58 : f32
  %fq2 = call @fill(%dq2, %sq2) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %q2 = tensor.cast %fq2 : tensor<?x?x?x?xf32> to tensor<1x2x?x8xf32>
  %ek2 = tensor.empty() : tensor<1x2x7x8xf32>
  %dk2 = tensor.cast %ek2 : tensor<1x2x7x8xf32> to tensor<?x?x?x?xf32>
  %sk2 = arith.constant 1.95 : f32
  %fk2 = call @fill(%dk2, %sk2) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %k2 = tensor.cast %fk2 : tensor<?x?x?x?xf32> to tensor<1x2x?x8xf32>
  %ev2 = tensor.empty() : tensor<1x2x7x8xf32>
  %dv2 = tensor.cast %ev2 : tensor<1x2x7x8xf32> to tensor<?x?x?x?xf32>
  %sv2 = arith.constant 2.32 : f32
  %fv2 = call @fill(%dv2, %sv2) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %v2 = tensor.cast %fv2 : tensor<?x?x?x?xf32> to tensor<1x2x?x8xf32>
  %o2 = call @i64_offset(%q2, %k2, %v2) : (tensor<1x2x?x8xf32>, tensor<1x2x?x8xf32>, tensor<1x2x?x8xf32>) -> tensor<1x2x?x8xf32>
  %u2 = tensor.cast %o2 : tensor<1x2x?x8xf32> to tensor<*xf32>
  call @printMemrefF32(%u2) : (tensor<*xf32>) -> ()
  %eq3 = tensor.empty() : tensor<1x2x1x8xf32>
  %dq3 = tensor.cast %eq3 : tensor<1x2x1x8xf32> to tensor<?x?x?x?xf32>
  %sq3 = arith.constant 2.69 : f32
  %fq3 = call @fill(%dq3, %sq3) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %q3 = tensor.cast %fq3 : tensor<?x?x?x?xf32> to tensor<1x2x?x8xf32>
  %ek3 = tensor.empty() : tensor<1x2x13x8xf32>
  %dk3 = tensor.cast %ek3 : tensor<1x2x13x8xf32> to tensor<?x?x?x?xf32>
  %sk3 = arith.constant 3.06 : f32
  %fk3 = call @fill(%dk3, %sk3) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %k3 = tensor.cast %fk3 : tensor<?x?x?x?xf32> to tensor<1x2x?x8xf32>
  %ev3 = tensor.empty() : tensor<1x2x13x8xf32>
  %dv3 = tensor.cast %ev3 : tensor<1x2x13x8xf32> to tensor<?x?x?x?xf32>
  %sv3 = arith.constant 3.43 : f32
  %fv3 = call @fill(%dv3, %sv3) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %v3 = tensor.cast %fv3 : tensor<?x?x?x?xf32> to tensor<1x2x?x8xf32>
  %o3 = call @i64_offset(%q3, %k3, %v3) : (tensor<1x2x?x8xf32>, tensor<1x2x?x8xf32>, tensor<1x2x?x8xf32>) -> tensor<1x2x?x8xf32>
  %u3 = tensor.cast %o3 : tensor<1x2x?x8xf32> to tensor<*xf32>
  call @printMemrefF32(%u3) : (tensor<*xf32>) -> ()
  %eq4 = tensor.empty() : tensor<1x2x5x8xf32>
  %dq4 = tensor.cast %eq4 : tensor<1x2x5x8xf32> to tensor<?x?x?x?xf32>
  %sq4 = arith.constant 3.8 : f32
  %fq4 = call @fill(%dq4, %sq4) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %q4 = tensor.cast %fq4 : tensor<?x?x?x?xf32> to tensor<1x2x?x8xf32>
  %ek4 = tensor.empty() : tensor<1x2x9x8xf32>
  %dk4 = tensor.cast %ek4 : tensor<1x2x9x8xf32> to tensor<?x?x?x?xf32>
  %sk4 = arith.constant 4.17 : f32
  %fk4 = call @fill(%dk4, %sk4) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %k4 = tensor.cast %fk4 : tensor<?x?x?x?xf32> to tensor<1x2x?x8xf32>
  %ev4 = tensor.empty() : tensor<1x2x9x8xf32>
  %dv4 = tensor.cast %ev4 : tensor<1x2x9x8xf32> to tensor<?x?x?x?xf32>
  %sv4 = arith.constant 4.54 : f32
  %fv4 = call @fill(%dv4, %sv4) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %v4 = tensor.cast %fv4 : tensor<?x?x?x?xf32> to tensor<1x2x?x8xf32>
  %o4 = call @dims_of_init(%q4, %k4, %v4) : (tensor<1x2x?x8xf32>, tensor<1x2x?x8xf32>, tensor<1x2x?x8xf32>) -> tensor<1x2x?x8xf32>
  %u4 = tensor.cast %o4 : tensor<1x2x?x8xf32> to tensor<*xf32>
  call @printMemrefF32(%u4) : (tensor<*xf32>) -> ()
  %eq5 = tensor.empty() : tensor<1x2x7x8xf32>
  %dq5 = tensor.cast %eq5 : tensor<1x2x7x8xf32> to tensor<?x?x?x?xf32>
  %sq5 = arith.constant 4.91 : f32
  %fq5 = call @fill(%dq5, %sq5) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %q5 = tensor.cast %fq5 : tensor<?x?x?x?xf32> to tensor<1x2x?x8xf32>
  %ek5 = tensor.empty() : tensor<1x2x7x8xf32>
  %dk5 = tensor.cast %ek5 : tensor<1x2x7x8xf32> to tensor<?x?x?x?xf32>
  %sk5 = arith.constant 5.28 : f32
  %fk5 = call @fill(%dk5, %sk5) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %k5 = tensor.cast %fk5 : tensor<?x?x?x?xf32> to tensor<1x2x?x8xf32>
  %ev5 = tensor.empty() : tensor<1x2x7x8xf32>
  %dv5 = tensor.cast %ev5 : tensor<1x2x7x8xf32> to tensor<?x?x?x?xf32>
  %sv5 = arith.constant 5.65 : f32
  %fv5 = call @fill(%dv5, %sv5) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %v5 = tensor.cast %fv5 : tensor<?x?x?x?xf32> to tensor<1x2x?x8xf32>
  %o5 = call @dims_of_init(%q5, %k5, %v5) : (tensor<1x2x?x8xf32>, tensor<1x2x?x8xf32>, tensor<1x2x?x8xf32>) -> tensor<1x2x?x8xf32>
  %u5 = tensor.cast %o5 : tensor<1x2x?x8xf32> to tensor<*xf32>
  call @printMemrefF32(%u5) : (tensor<*xf32>) -> ()
  %eq6 = tensor.empty() : tensor<1x2x1x8xf32>
  %dq6 = tensor.cast %eq6 : tensor<1x2x1x8xf32> to tensor<?x?x?x?xf32>
  %sq6 = arith.constant 6.02 : f32
  %fq6 = call @fill(%dq6, %sq6) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %q6 = tensor.cast %fq6 : tensor<?x?x?x?xf32> to tensor<1x2x?x8xf32>
  %ek6 = tensor.empty() : tensor<1x2x13x8xf32>
  %dk6 = tensor.cast %ek6 : tensor<1x2x13x8xf32> to tensor<?x?x?x?xf32>
  %sk6 = arith.constant 6.39 : f32
  %fk6 = call @fill(%dk6, %sk6) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %k6 = tensor.cast %fk6 : tensor<?x?x?x?xf32> to tensor<1x2x?x8xf32>
  %ev6 = tensor.empty() : tensor<1x2x13x8xf32>
  %dv6 = tensor.cast %ev6 : tensor<1x2x13x8xf32> to tensor<?x?x?x?xf32>
  %sv6 = arith.constant 6.76 : f32
  %fv6 = call @fill(%dv6, %sv6) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %v6 = tensor.cast %fv6 : tensor<?x?x?x?xf32> to tensor<1x2x?x8xf32>
  %o6 = call @dims_of_init(%q6, %k6, %v6) : (tensor<1x2x?x8xf32>, tensor<1x2x?x8xf32>, tensor<1x2x?x8xf32>) -> tensor<1x2x?x8xf32>
  %u6 = tensor.cast %o6 : tensor<1x2x?x8xf32> to tensor<*xf32>
  call @printMemrefF32(%u6) : (tensor<*xf32>) -> ()
  %eq7 = tensor.empty() : tensor<1x2x5x8xf32>
  %dq7 = tensor.cast %eq7 : tensor<1x2x5x8xf32> to tensor<?x?x?x?xf32>
  %sq7 = arith.constant 7.13 : f32
  %fq7 = call @fill(%dq7, %sq7) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %q7 = tensor.cast %fq7 : tensor<?x?x?x?xf32> to tensor<1x2x?x8xf32>
  %ek7 = tensor.empty() : tensor<1x2x9x8xf32>
  %dk7 = tensor.cast %ek7 : tensor<1x2x9x8xf32> to tensor<?x?x?x?xf32>
  %sk7 = arith.constant 7.5 : f32
  %fk7 = call @fill(%dk7, %sk7) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %k7 = tensor.cast %fk7 : tensor<?x?x?x?xf32> to tensor<1x2x?x8xf32>
  %ev7 = tensor.empty() : tensor<1x2x9x8xf32>
  %dv7 = tensor.cast %ev7 : tensor<1x2x9x8xf32> to tensor<?x?x?x?xf32>
  %sv7 = arith.constant 7.87 : f32
  %fv7 = call @fill(%dv7, %sv7) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %v7 = tensor.cast %fv7 : tensor<?x?x?x?xf32> to tensor<1x2x?x8xf32>
  %o7 = call @dims_in_body(%q7, %k7, %v7) : (tensor<1x2x?x8xf32>, tensor<1x2x?x8xf32>, tensor<1x2x?x8xf32>) -> tensor<1x2x?x8xf32>
  %u7 = tensor.cast %o7 : tensor<1x2x?x8xf32> to tensor<*xf32>
  call @printMemrefF32(%u7) : (tensor<*xf32>) -> ()
  %eq8 = tensor.empty() : tensor<1x2x7x8xf32>
  %dq8 = tensor.cast %eq8 : tensor<1x2x7x8xf32> to tensor<?x?x?x?xf32>
  %sq8 = arith.constant 8.24 : f32
  %fq8 = call @fill(%dq8, %sq8) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %q8 = tensor.cast %fq8 : tensor<?x?x?x?xf32> to tensor<1x2x?x8xf32>
  %ek8 = tensor.empty() : tensor<1x2x7x8xf32>
  %dk8 = tensor.cast %ek8 : tensor<1x2x7x8xf32> to tensor<?x?x?x?xf32>
  %sk8 = arith.constant 8.61 : f32
  %fk8 = call @fill(%dk8, %sk8) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %k8 = tensor.cast %fk8 : tensor<?x?x?x?xf32> to tensor<1x2x?x8xf32>
  %ev8 = tensor.empty() : tensor<1x2x7x8xf32>
  %dv8 = tensor.cast %ev8 : tensor<1x2x7x8xf32> to tensor<?x?x?x?xf32>
  %sv8 = arith.constant 8.98 : f32
  %fv8 = call @fill(%dv8, %sv8) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %v8 = tensor.cast %fv8 : tensor<?x?x?x?xf32> to tensor<1x2x?x8xf32>
  %o8 = call @dims_in_body(%q8, %k8, %v8) : (tensor<1x2x?x8xf32>, tensor<1x2x?x8xf32>, tensor<1x2x?x8xf32>) -> tensor<1x2x?x8xf32>
  %u8 = tensor.cast %o8 : tensor<1x2x?x8xf32> to tensor<*xf32>
  call @printMemrefF32(%u8) : (tensor<*xf32>) -> ()
  %eq9 = tensor.empty() : tensor<1x2x1x8xf32>
  %dq9 = tensor.cast %eq9 : tensor<1x2x1x8xf32> to tensor<?x?x?x?xf32>
  %sq9 = arith.constant 9.35 : f32
  %fq9 = call @fill(%dq9, %sq9) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %q9 = tensor.cast %fq9 : tensor<?x?x?x?xf32> to tensor<1x2x?x8xf32>
  %ek9 = tensor.empty() : tensor<1x2x13x8xf32>
  %dk9 = tensor.cast %ek9 : tensor<1x2x13x8xf32> to tensor<?x?x?x?xf32>
  %sk9 = arith.constant 9.72 : f32
  %fk9 = call @fill(%dk9, %sk9) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %k9 = tensor.cast %fk9 : tensor<?x?x?x?xf32> to tensor<1x2x?x8xf32>
  %ev9 = tensor.empty() : tensor<1x2x13x8xf32>
  %dv9 = tensor.cast %ev9 : tensor<1x2x13x8xf32> to tensor<?x?x?x?xf32>
  %sv9 = arith.constant 10.09 : f32
  %fv9 = call @fill(%dv9, %sv9) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %v9 = tensor.cast %fv9 : tensor<?x?x?x?xf32> to tensor<1x2x?x8xf32>
  %o9 = call @dims_in_body(%q9, %k9, %v9) : (tensor<1x2x?x8xf32>, tensor<1x2x?x8xf32>, tensor<1x2x?x8xf32>) -> tensor<1x2x?x8xf32>
  %u9 = tensor.cast %o9 : tensor<1x2x?x8xf32> to tensor<*xf32>
  call @printMemrefF32(%u9) : (tensor<*xf32>) -> ()
  %eq10 = tensor.empty() : tensor<1x2x5x8xf32>
  %dq10 = tensor.cast %eq10 : tensor<1x2x5x8xf32> to tensor<?x?x?x?xf32>
  %sq10 = arith.constant 10.46 : f32
  %fq10 = call @fill(%dq10, %sq10) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %q10 = tensor.cast %fq10 : tensor<?x?x?x?xf32> to tensor<1x2x?x8xf32>
  %ek10 = tensor.empty() : tensor<1x2x9x8xf32>
  %dk10 = tensor.cast %ek10 : tensor<1x2x9x8xf32> to tensor<?x?x?x?xf32>
  %sk10 = arith.constant 10.83 : f32
  %fk10 = call @fill(%dk10, %sk10) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %k10 = tensor.cast %fk10 : tensor<?x?x?x?xf32> to tensor<1x2x?x8xf32>
  %ev10 = tensor.empty() : tensor<1x2x9x8xf32>
  %dv10 = tensor.cast %ev10 : tensor<1x2x9x8xf32> to tensor<?x?x?x?xf32>
  %sv10 = arith.constant 11.2 : f32
  %fv10 = call @fill(%dv10, %sv10) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %v10 = tensor.cast %fv10 : tensor<?x?x?x?xf32> to tensor<1x2x?x8xf32>
  %o10 = call @strict_window(%q10, %k10, %v10) : (tensor<1x2x?x8xf32>, tensor<1x2x?x8xf32>, tensor<1x2x?x8xf32>) -> tensor<1x2x?x8xf32>
  %u10 = tensor.cast %o10 : tensor<1x2x?x8xf32> to tensor<*xf32>
  call @printMemrefF32(%u10) : (tensor<*xf32>) -> ()
  %eq11 = tensor.empty() : tensor<1x2x7x8xf32>
  %dq11 = tensor.cast %eq11 : tensor<1x2x7x8xf32> to tensor<?x?x?x?xf32>
  %sq11 = arith.constant 11.57 : f32
  %fq11 = call @fill(%dq11, %sq11) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %q11 = tensor.cast %fq11 : tensor<?x?x?x?xf32> to tensor<1x2x?x8xf32>
  %ek11 = tensor.empty() : tensor<1x2x7x8xf32>
  %dk11 = tensor.cast %ek11 : tensor<1x2x7x8xf32> to tensor<?x?x?x?xf32>
  %sk11 = arith.constant 11.94 : f32
  %fk11 = call @fill(%dk11, %sk11) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %k11 = tensor.cast %fk11 : tensor<?x?x?x?xf32> to tensor<1x2x?x8xf32>
  %ev11 = tensor.empty() : tensor<1x2x7x8xf32>
  %dv11 = tensor.cast %ev11 : tensor<1x2x7x8xf32> to tensor<?x?x?x?xf32>
  %sv11 = arith.constant 12.31 : f32
  %fv11 = call @fill(%dv11, %sv11) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %v11 = tensor.cast %fv11 : tensor<?x?x?x?xf32> to tensor<1x2x?x8xf32>
  %o11 = call @strict_window(%q11, %k11, %v11) : (tensor<1x2x?x8xf32>, tensor<1x2x?x8xf32>, tensor<1x2x?x8xf32>) -> tensor<1x2x?x8xf32>
  %u11 = tensor.cast %o11 : tensor<1x2x?x8xf32> to tensor<*xf32>
  call @printMemrefF32(%u11) : (tensor<*xf32>) -> ()
  %eq12 = tensor.empty() : tensor<1x2x1x8xf32>
  %dq12 = tensor.cast %eq12 : tensor<1x2x1x8xf32> to tensor<?x?x?x?xf32>
  %sq12 = arith.constant 12.68 : f32
  %fq12 = call @fill(%dq12, %sq12) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %q12 = tensor.cast %fq12 : tensor<?x?x?x?xf32> to tensor<1x2x?x8xf32>
  %ek12 = tensor.empty() : tensor<1x2x13x8xf32>
  %dk12 = tensor.cast %ek12 : tensor<1x2x13x8xf32> to tensor<?x?x?x?xf32>
  %sk12 = arith.constant 13.05 : f32
  %fk12 = call @fill(%dk12, %sk12) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %k12 = tensor.cast %fk12 : tensor<?x?x?x?xf32> to tensor<1x2x?x8xf32>
  %ev12 = tensor.empty() : tensor<1x2x13x8xf32>
  %dv12 = tensor.cast %ev12 : tensor<1x2x13x8xf32> to tensor<?x?x?x?xf32>
  %sv12 = arith.constant 13.42 : f32
  %fv12 = call @fill(%dv12, %sv12) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %v12 = tensor.cast %fv12 : tensor<?x?x?x?xf32> to tensor<1x2x?x8xf32>
  %o12 = call @strict_window(%q12, %k12, %v12) : (tensor<1x2x?x8xf32>, tensor<1x2x?x8xf32>, tensor<1x2x?x8xf32>) -> tensor<1x2x?x8xf32>
  %u12 = tensor.cast %o12 : tensor<1x2x?x8xf32> to tensor<*xf32>
  call @printMemrefF32(%u12) : (tensor<*xf32>) -> ()
  %eq13 = tensor.empty() : tensor<1x2x5x8xf32>
  %dq13 = tensor.cast %eq13 : tensor<1x2x5x8xf32> to tensor<?x?x?x?xf32>
  %sq13 = arith.constant 13.79 : f32
  %fq13 = call @fill(%dq13, %sq13) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %q13 = tensor.cast %fq13 : tensor<?x?x?x?xf32> to tensor<1x2x?x8xf32>
  %ek13 = tensor.empty() : tensor<1x2x9x8xf32>
  %dk13 = tensor.cast %ek13 : tensor<1x2x9x8xf32> to tensor<?x?x?x?xf32>
  %sk13 = arith.constant 14.16 : f32
  %fk13 = call @fill(%dk13, %sk13) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %k13 = tensor.cast %fk13 : tensor<?x?x?x?xf32> to tensor<1x2x?x8xf32>
  %ev13 = tensor.empty() : tensor<1x2x9x8xf32>
  %dv13 = tensor.cast %ev13 : tensor<1x2x9x8xf32> to tensor<?x?x?x?xf32>
  %sv13 = arith.constant 14.53 : f32
  %fv13 = call @fill(%dv13, %sv13) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %v13 = tensor.cast %fv13 : tensor<?x?x?x?xf32> to tensor<1x2x?x8xf32>
  %o13 = call @window_no_causal(%q13, %k13, %v13) : (tensor<1x2x?x8xf32>, tensor<1x2x?x8xf32>, tensor<1x2x?x8xf32>) -> tensor<1x2x?x8xf32>
  %u13 = tensor.cast %o13 : tensor<1x2x?x8xf32> to tensor<*xf32>
  call @printMemrefF32(%u13) : (tensor<*xf32>) -> ()
  %eq14 = tensor.empty() : tensor<1x2x7x8xf32>
  %dq14 = tensor.cast %eq14 : tensor<1x2x7x8xf32> to tensor<?x?x?x?xf32>
  %sq14 = arith.constant 14.9 : f32
  %fq14 = call @fill(%dq14, %sq14) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %q14 = tensor.cast %fq14 : tensor<?x?x?x?xf32> to tensor<1x2x?x8xf32>
  %ek14 = tensor.empty() : tensor<1x2x7x8xf32>
  %dk14 = tensor.cast %ek14 : tensor<1x2x7x8xf32> to tensor<?x?x?x?xf32>
  %sk14 = arith.constant 15.27 : f32
  %fk14 = call @fill(%dk14, %sk14) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %k14 = tensor.cast %fk14 : tensor<?x?x?x?xf32> to tensor<1x2x?x8xf32>
  %ev14 = tensor.empty() : tensor<1x2x7x8xf32>
  %dv14 = tensor.cast %ev14 : tensor<1x2x7x8xf32> to tensor<?x?x?x?xf32>
  %sv14 = arith.constant 15.64 : f32
  %fv14 = call @fill(%dv14, %sv14) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %v14 = tensor.cast %fv14 : tensor<?x?x?x?xf32> to tensor<1x2x?x8xf32>
  %o14 = call @window_no_causal(%q14, %k14, %v14) : (tensor<1x2x?x8xf32>, tensor<1x2x?x8xf32>, tensor<1x2x?x8xf32>) -> tensor<1x2x?x8xf32>
  %u14 = tensor.cast %o14 : tensor<1x2x?x8xf32> to tensor<*xf32>
  call @printMemrefF32(%u14) : (tensor<*xf32>) -> ()
  %eq15 = tensor.empty() : tensor<1x2x1x8xf32>
  %dq15 = tensor.cast %eq15 : tensor<1x2x1x8xf32> to tensor<?x?x?x?xf32>
  %sq15 = arith.constant 16.01 : f32
  %fq15 = call @fill(%dq15, %sq15) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %q15 = tensor.cast %fq15 : tensor<?x?x?x?xf32> to tensor<1x2x?x8xf32>
  %ek15 = tensor.empty() : tensor<1x2x13x8xf32>
  %dk15 = tensor.cast %ek15 : tensor<1x2x13x8xf32> to tensor<?x?x?x?xf32>
  %sk15 = arith.constant 16.38 : f32
  %fk15 = call @fill(%dk15, %sk15) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %k15 = tensor.cast %fk15 : tensor<?x?x?x?xf32> to tensor<1x2x?x8xf32>
  %ev15 = tensor.empty() : tensor<1x2x13x8xf32>
  %dv15 = tensor.cast %ev15 : tensor<1x2x13x8xf32> to tensor<?x?x?x?xf32>
  %sv15 = arith.constant 16.75 : f32
  %fv15 = call @fill(%dv15, %sv15) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %v15 = tensor.cast %fv15 : tensor<?x?x?x?xf32> to tensor<1x2x?x8xf32>
  %o15 = call @window_no_causal(%q15, %k15, %v15) : (tensor<1x2x?x8xf32>, tensor<1x2x?x8xf32>, tensor<1x2x?x8xf32>) -> tensor<1x2x?x8xf32>
  %u15 = tensor.cast %o15 : tensor<1x2x?x8xf32> to tensor<*xf32>
  call @printMemrefF32(%u15) : (tensor<*xf32>) -> ()
  %eq16 = tensor.empty() : tensor<1x2x5x8xf32>
  %dq16 = tensor.cast %eq16 : tensor<1x2x5x8xf32> to tensor<?x?x?x?xf32>
  %sq16 = arith.constant 17.12 : f32
  %fq16 = call @fill(%dq16, %sq16) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %q16 = tensor.cast %fq16 : tensor<?x?x?x?xf32> to tensor<1x2x?x8xf32>
  %ek16 = tensor.empty() : tensor<1x2x9x8xf32>
  %dk16 = tensor.cast %ek16 : tensor<1x2x9x8xf32> to tensor<?x?x?x?xf32>
  %sk16 = arith.constant 17.49 : f32
  %fk16 = call @fill(%dk16, %sk16) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %k16 = tensor.cast %fk16 : tensor<?x?x?x?xf32> to tensor<1x2x?x8xf32>
  %ev16 = tensor.empty() : tensor<1x2x9x8xf32>
  %dv16 = tensor.cast %ev16 : tensor<1x2x9x8xf32> to tensor<?x?x?x?xf32>
  %sv16 = arith.constant 17.86 : f32
  %fv16 = call @fill(%dv16, %sv16) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %v16 = tensor.cast %fv16 : tensor<?x?x?x?xf32> to tensor<1x2x?x8xf32>
  %o16 = call @mixed_diagonals(%q16, %k16, %v16) : (tensor<1x2x?x8xf32>, tensor<1x2x?x8xf32>, tensor<1x2x?x8xf32>) -> tensor<1x2x?x8xf32>
  %u16 = tensor.cast %o16 : tensor<1x2x?x8xf32> to tensor<*xf32>
  call @printMemrefF32(%u16) : (tensor<*xf32>) -> ()
  %eq17 = tensor.empty() : tensor<1x2x7x8xf32>
  %dq17 = tensor.cast %eq17 : tensor<1x2x7x8xf32> to tensor<?x?x?x?xf32>
  %sq17 = arith.constant 18.23 : f32
  %fq17 = call @fill(%dq17, %sq17) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %q17 = tensor.cast %fq17 : tensor<?x?x?x?xf32> to tensor<1x2x?x8xf32>
  %ek17 = tensor.empty() : tensor<1x2x7x8xf32>
  %dk17 = tensor.cast %ek17 : tensor<1x2x7x8xf32> to tensor<?x?x?x?xf32>
  %sk17 = arith.constant 18.6 : f32
  %fk17 = call @fill(%dk17, %sk17) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %k17 = tensor.cast %fk17 : tensor<?x?x?x?xf32> to tensor<1x2x?x8xf32>
  %ev17 = tensor.empty() : tensor<1x2x7x8xf32>
  %dv17 = tensor.cast %ev17 : tensor<1x2x7x8xf32> to tensor<?x?x?x?xf32>
  %sv17 = arith.constant 18.97 : f32
  %fv17 = call @fill(%dv17, %sv17) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %v17 = tensor.cast %fv17 : tensor<?x?x?x?xf32> to tensor<1x2x?x8xf32>
  %o17 = call @mixed_diagonals(%q17, %k17, %v17) : (tensor<1x2x?x8xf32>, tensor<1x2x?x8xf32>, tensor<1x2x?x8xf32>) -> tensor<1x2x?x8xf32>
  %u17 = tensor.cast %o17 : tensor<1x2x?x8xf32> to tensor<*xf32>
  call @printMemrefF32(%u17) : (tensor<*xf32>) -> ()
  %eq18 = tensor.empty() : tensor<1x2x1x8xf32>
  %dq18 = tensor.cast %eq18 : tensor<1x2x1x8xf32> to tensor<?x?x?x?xf32>
  %sq18 = arith.constant 19.34 : f32
  %fq18 = call @fill(%dq18, %sq18) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %q18 = tensor.cast %fq18 : tensor<?x?x?x?xf32> to tensor<1x2x?x8xf32>
  %ek18 = tensor.empty() : tensor<1x2x13x8xf32>
  %dk18 = tensor.cast %ek18 : tensor<1x2x13x8xf32> to tensor<?x?x?x?xf32>
  %sk18 = arith.constant 19.71 : f32
  %fk18 = call @fill(%dk18, %sk18) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %k18 = tensor.cast %fk18 : tensor<?x?x?x?xf32> to tensor<1x2x?x8xf32>
  %ev18 = tensor.empty() : tensor<1x2x13x8xf32>
  %dv18 = tensor.cast %ev18 : tensor<1x2x13x8xf32> to tensor<?x?x?x?xf32>
  %sv18 = arith.constant 20.08 : f32
  %fv18 = call @fill(%dv18, %sv18) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %v18 = tensor.cast %fv18 : tensor<?x?x?x?xf32> to tensor<1x2x?x8xf32>
  %o18 = call @mixed_diagonals(%q18, %k18, %v18) : (tensor<1x2x?x8xf32>, tensor<1x2x?x8xf32>, tensor<1x2x?x8xf32>) -> tensor<1x2x?x8xf32>
  %u18 = tensor.cast %o18 : tensor<1x2x?x8xf32> to tensor<*xf32>
  call @printMemrefF32(%u18) : (tensor<*xf32>) -> ()
  %eq19 = tensor.empty() : tensor<1x2x5x8xf32>
  %dq19 = tensor.cast %eq19 : tensor<1x2x5x8xf32> to tensor<?x?x?x?xf32>
  %sq19 = arith.constant 20.45 : f32
  %fq19 = call @fill(%dq19, %sq19) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %q19 = tensor.cast %fq19 : tensor<?x?x?x?xf32> to tensor<1x2x?x8xf32>
  %ek19 = tensor.empty() : tensor<1x2x9x8xf32>
  %dk19 = tensor.cast %ek19 : tensor<1x2x9x8xf32> to tensor<?x?x?x?xf32>
  %sk19 = arith.constant 20.82 : f32
  %fk19 = call @fill(%dk19, %sk19) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %k19 = tensor.cast %fk19 : tensor<?x?x?x?xf32> to tensor<1x2x?x8xf32>
  %ev19 = tensor.empty() : tensor<1x2x9x8xf32>
  %dv19 = tensor.cast %ev19 : tensor<1x2x9x8xf32> to tensor<?x?x?x?xf32>
  %sv19 = arith.constant 21.19 : f32
  %fv19 = call @fill(%dv19, %sv19) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %v19 = tensor.cast %fv19 : tensor<?x?x?x?xf32> to tensor<1x2x?x8xf32>
  %o19 = call @twice_offset(%q19, %k19, %v19) : (tensor<1x2x?x8xf32>, tensor<1x2x?x8xf32>, tensor<1x2x?x8xf32>) -> tensor<1x2x?x8xf32>
  %u19 = tensor.cast %o19 : tensor<1x2x?x8xf32> to tensor<*xf32>
  call @printMemrefF32(%u19) : (tensor<*xf32>) -> ()
  %eq20 = tensor.empty() : tensor<1x2x7x8xf32>
  %dq20 = tensor.cast %eq20 : tensor<1x2x7x8xf32> to tensor<?x?x?x?xf32>
  %sq20 = arith.constant 21.56 : f32
  %fq20 = call @fill(%dq20, %sq20) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %q20 = tensor.cast %fq20 : tensor<?x?x?x?xf32> to tensor<1x2x?x8xf32>
  %ek20 = tensor.empty() : tensor<1x2x7x8xf32>
  %dk20 = tensor.cast %ek20 : tensor<1x2x7x8xf32> to tensor<?x?x?x?xf32>
  %sk20 = arith.constant 21.93 : f32
  %fk20 = call @fill(%dk20, %sk20) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %k20 = tensor.cast %fk20 : tensor<?x?x?x?xf32> to tensor<1x2x?x8xf32>
  %ev20 = tensor.empty() : tensor<1x2x7x8xf32>
  %dv20 = tensor.cast %ev20 : tensor<1x2x7x8xf32> to tensor<?x?x?x?xf32>
  %sv20 = arith.constant 22.3 : f32
  %fv20 = call @fill(%dv20, %sv20) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %v20 = tensor.cast %fv20 : tensor<?x?x?x?xf32> to tensor<1x2x?x8xf32>
  %o20 = call @twice_offset(%q20, %k20, %v20) : (tensor<1x2x?x8xf32>, tensor<1x2x?x8xf32>, tensor<1x2x?x8xf32>) -> tensor<1x2x?x8xf32>
  %u20 = tensor.cast %o20 : tensor<1x2x?x8xf32> to tensor<*xf32>
  call @printMemrefF32(%u20) : (tensor<*xf32>) -> ()
  %eq21 = tensor.empty() : tensor<1x2x1x8xf32>
  %dq21 = tensor.cast %eq21 : tensor<1x2x1x8xf32> to tensor<?x?x?x?xf32>
  %sq21 = arith.constant 22.67 : f32
  %fq21 = call @fill(%dq21, %sq21) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %q21 = tensor.cast %fq21 : tensor<?x?x?x?xf32> to tensor<1x2x?x8xf32>
  %ek21 = tensor.empty() : tensor<1x2x13x8xf32>
  %dk21 = tensor.cast %ek21 : tensor<1x2x13x8xf32> to tensor<?x?x?x?xf32>
  %sk21 = arith.constant 23.04 : f32
  %fk21 = call @fill(%dk21, %sk21) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %k21 = tensor.cast %fk21 : tensor<?x?x?x?xf32> to tensor<1x2x?x8xf32>
  %ev21 = tensor.empty() : tensor<1x2x13x8xf32>
  %dv21 = tensor.cast %ev21 : tensor<1x2x13x8xf32> to tensor<?x?x?x?xf32>
  %sv21 = arith.constant 23.41 : f32
  %fv21 = call @fill(%dv21, %sv21) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %v21 = tensor.cast %fv21 : tensor<?x?x?x?xf32> to tensor<1x2x?x8xf32>
  %o21 = call @twice_offset(%q21, %k21, %v21) : (tensor<1x2x?x8xf32>, tensor<1x2x?x8xf32>, tensor<1x2x?x8xf32>) -> tensor<1x2x?x8xf32>
  %u21 = tensor.cast %o21 : tensor<1x2x?x8xf32> to tensor<*xf32>
  call @printMemrefF32(%u21) : (tensor<*xf32>) -> ()
  %eq22 = tensor.empty() : tensor<1x2x5x8xf32>
  %dq22 = tensor.cast %eq22 : tensor<1x2x5x8xf32> to tensor<?x?x?x?xf32>
  %sq22 = arith.constant 23.78 : f32
  %fq22 = call @fill(%dq22, %sq22) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %q22 = tensor.cast %fq22 : tensor<?x?x?x?xf32> to tensor<1x2x?x8xf32>
  %ek22 = tensor.empty() : tensor<1x2x9x8xf32>
  %dk22 = tensor.cast %ek22 : tensor<1x2x9x8xf32> to tensor<?x?x?x?xf32>
  %sk22 = arith.constant 24.15 : f32
  %fk22 = call @fill(%dk22, %sk22) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %k22 = tensor.cast %fk22 : tensor<?x?x?x?xf32> to tensor<1x2x?x8xf32>
  %ev22 = tensor.empty() : tensor<1x2x9x8xf32>
  %dv22 = tensor.cast %ev22 : tensor<1x2x9x8xf32> to tensor<?x?x?x?xf32>
  %sv22 = arith.constant 24.52 : f32
  %fv22 = call @fill(%dv22, %sv22) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %v22 = tensor.cast %fv22 : tensor<?x?x?x?xf32> to tensor<1x2x?x8xf32>
  %o22 = call @cancelled_offset(%q22, %k22, %v22) : (tensor<1x2x?x8xf32>, tensor<1x2x?x8xf32>, tensor<1x2x?x8xf32>) -> tensor<1x2x?x8xf32>
  %u22 = tensor.cast %o22 : tensor<1x2x?x8xf32> to tensor<*xf32>
  call @printMemrefF32(%u22) : (tensor<*xf32>) -> ()
  %eq23 = tensor.empty() : tensor<1x2x7x8xf32>
  %dq23 = tensor.cast %eq23 : tensor<1x2x7x8xf32> to tensor<?x?x?x?xf32>
  %sq23 = arith.constant 24.89 : f32
  %fq23 = call @fill(%dq23, %sq23) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %q23 = tensor.cast %fq23 : tensor<?x?x?x?xf32> to tensor<1x2x?x8xf32>
  %ek23 = tensor.empty() : tensor<1x2x7x8xf32>
  %dk23 = tensor.cast %ek23 : tensor<1x2x7x8xf32> to tensor<?x?x?x?xf32>
  %sk23 = arith.constant 25.26 : f32
  %fk23 = call @fill(%dk23, %sk23) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %k23 = tensor.cast %fk23 : tensor<?x?x?x?xf32> to tensor<1x2x?x8xf32>
  %ev23 = tensor.empty() : tensor<1x2x7x8xf32>
  %dv23 = tensor.cast %ev23 : tensor<1x2x7x8xf32> to tensor<?x?x?x?xf32>
  %sv23 = arith.constant 25.63 : f32
  %fv23 = call @fill(%dv23, %sv23) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %v23 = tensor.cast %fv23 : tensor<?x?x?x?xf32> to tensor<1x2x?x8xf32>
  %o23 = call @cancelled_offset(%q23, %k23, %v23) : (tensor<1x2x?x8xf32>, tensor<1x2x?x8xf32>, tensor<1x2x?x8xf32>) -> tensor<1x2x?x8xf32>
  %u23 = tensor.cast %o23 : tensor<1x2x?x8xf32> to tensor<*xf32>
  call @printMemrefF32(%u23) : (tensor<*xf32>) -> ()
  %eq24 = tensor.empty() : tensor<1x2x1x8xf32>
  %dq24 = tensor.cast %eq24 : tensor<1x2x1x8xf32> to tensor<?x?x?x?xf32>
  %sq24 = arith.constant 26.0 : f32
  %fq24 = call @fill(%dq24, %sq24) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %q24 = tensor.cast %fq24 : tensor<?x?x?x?xf32> to tensor<1x2x?x8xf32>
  %ek24 = tensor.empty() : tensor<1x2x13x8xf32>
  %dk24 = tensor.cast %ek24 : tensor<1x2x13x8xf32> to tensor<?x?x?x?xf32>
  %sk24 = arith.constant 26.37 : f32
  %fk24 = call @fill(%dk24, %sk24) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %k24 = tensor.cast %fk24 : tensor<?x?x?x?xf32> to tensor<1x2x?x8xf32>
  %ev24 = tensor.empty() : tensor<1x2x13x8xf32>
  %dv24 = tensor.cast %ev24 : tensor<1x2x13x8xf32> to tensor<?x?x?x?xf32>
  %sv24 = arith.constant 26.74 : f32
  %fv24 = call @fill(%dv24, %sv24) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %v24 = tensor.cast %fv24 : tensor<?x?x?x?xf32> to tensor<1x2x?x8xf32>
  %o24 = call @cancelled_offset(%q24, %k24, %v24) : (tensor<1x2x?x8xf32>, tensor<1x2x?x8xf32>, tensor<1x2x?x8xf32>) -> tensor<1x2x?x8xf32>
  %u24 = tensor.cast %o24 : tensor<1x2x?x8xf32> to tensor<*xf32>
  call @printMemrefF32(%u24) : (tensor<*xf32>) -> ()
  %eq25 = tensor.empty() : tensor<1x2x9x8xf32>
  %dq25 = tensor.cast %eq25 : tensor<1x2x9x8xf32> to tensor<?x?x?x?xf32>
  %sq25 = arith.constant 27.11 : f32
  %fq25 = call @fill(%dq25, %sq25) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %q25 = tensor.cast %fq25 : tensor<?x?x?x?xf32> to tensor<1x2x?x8xf32>
  %ek25 = tensor.empty() : tensor<1x2x5x8xf32>
  %dk25 = tensor.cast %ek25 : tensor<1x2x5x8xf32> to tensor<?x?x?x?xf32>
  %sk25 = arith.constant 27.48 : f32
  %fk25 = call @fill(%dk25, %sk25) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %k25 = tensor.cast %fk25 : tensor<?x?x?x?xf32> to tensor<1x2x?x8xf32>
  %ev25 = tensor.empty() : tensor<1x2x5x8xf32>
  %dv25 = tensor.cast %ev25 : tensor<1x2x5x8xf32> to tensor<?x?x?x?xf32>
  %sv25 = arith.constant 27.85 : f32
  %fv25 = call @fill(%dv25, %sv25) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %v25 = tensor.cast %fv25 : tensor<?x?x?x?xf32> to tensor<1x2x?x8xf32>
  %o25 = call @reversed_offset(%q25, %k25, %v25) : (tensor<1x2x?x8xf32>, tensor<1x2x?x8xf32>, tensor<1x2x?x8xf32>) -> tensor<1x2x?x8xf32>
  %u25 = tensor.cast %o25 : tensor<1x2x?x8xf32> to tensor<*xf32>
  call @printMemrefF32(%u25) : (tensor<*xf32>) -> ()
  %eq26 = tensor.empty() : tensor<1x2x7x8xf32>
  %dq26 = tensor.cast %eq26 : tensor<1x2x7x8xf32> to tensor<?x?x?x?xf32>
  %sq26 = arith.constant 28.22 : f32
  %fq26 = call @fill(%dq26, %sq26) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %q26 = tensor.cast %fq26 : tensor<?x?x?x?xf32> to tensor<1x2x?x8xf32>
  %ek26 = tensor.empty() : tensor<1x2x7x8xf32>
  %dk26 = tensor.cast %ek26 : tensor<1x2x7x8xf32> to tensor<?x?x?x?xf32>
  %sk26 = arith.constant 28.59 : f32
  %fk26 = call @fill(%dk26, %sk26) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %k26 = tensor.cast %fk26 : tensor<?x?x?x?xf32> to tensor<1x2x?x8xf32>
  %ev26 = tensor.empty() : tensor<1x2x7x8xf32>
  %dv26 = tensor.cast %ev26 : tensor<1x2x7x8xf32> to tensor<?x?x?x?xf32>
  %sv26 = arith.constant 28.96 : f32
  %fv26 = call @fill(%dv26, %sv26) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %v26 = tensor.cast %fv26 : tensor<?x?x?x?xf32> to tensor<1x2x?x8xf32>
  %o26 = call @reversed_offset(%q26, %k26, %v26) : (tensor<1x2x?x8xf32>, tensor<1x2x?x8xf32>, tensor<1x2x?x8xf32>) -> tensor<1x2x?x8xf32>
  %u26 = tensor.cast %o26 : tensor<1x2x?x8xf32> to tensor<*xf32>
  call @printMemrefF32(%u26) : (tensor<*xf32>) -> ()
  %eq27 = tensor.empty() : tensor<1x2x5x8xf32>
  %dq27 = tensor.cast %eq27 : tensor<1x2x5x8xf32> to tensor<?x?x?x?xf32>
  %sq27 = arith.constant 29.33 : f32
  %fq27 = call @fill(%dq27, %sq27) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %q27 = tensor.cast %fq27 : tensor<?x?x?x?xf32> to tensor<1x2x?x8xf32>
  %ek27 = tensor.empty() : tensor<1x2x9x8xf32>
  %dk27 = tensor.cast %ek27 : tensor<1x2x9x8xf32> to tensor<?x?x?x?xf32>
  %sk27 = arith.constant 29.7 : f32
  %fk27 = call @fill(%dk27, %sk27) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %k27 = tensor.cast %fk27 : tensor<?x?x?x?xf32> to tensor<1x2x?x8xf32>
  %ev27 = tensor.empty() : tensor<1x2x9x8xf32>
  %dv27 = tensor.cast %ev27 : tensor<1x2x9x8xf32> to tensor<?x?x?x?xf32>
  %sv27 = arith.constant 30.07 : f32
  %fv27 = call @fill(%dv27, %sv27) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %v27 = tensor.cast %fv27 : tensor<?x?x?x?xf32> to tensor<1x2x?x8xf32>
  %o27 = call @dense_dims_in_body(%q27, %k27, %v27) : (tensor<1x2x?x8xf32>, tensor<1x2x?x8xf32>, tensor<1x2x?x8xf32>) -> tensor<1x2x?x8xf32>
  %u27 = tensor.cast %o27 : tensor<1x2x?x8xf32> to tensor<*xf32>
  call @printMemrefF32(%u27) : (tensor<*xf32>) -> ()
  %eq28 = tensor.empty() : tensor<1x2x7x8xf32>
  %dq28 = tensor.cast %eq28 : tensor<1x2x7x8xf32> to tensor<?x?x?x?xf32>
  %sq28 = arith.constant 30.44 : f32
  %fq28 = call @fill(%dq28, %sq28) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %q28 = tensor.cast %fq28 : tensor<?x?x?x?xf32> to tensor<1x2x?x8xf32>
  %ek28 = tensor.empty() : tensor<1x2x7x8xf32>
  %dk28 = tensor.cast %ek28 : tensor<1x2x7x8xf32> to tensor<?x?x?x?xf32>
  %sk28 = arith.constant 30.81 : f32
  %fk28 = call @fill(%dk28, %sk28) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %k28 = tensor.cast %fk28 : tensor<?x?x?x?xf32> to tensor<1x2x?x8xf32>
  %ev28 = tensor.empty() : tensor<1x2x7x8xf32>
  %dv28 = tensor.cast %ev28 : tensor<1x2x7x8xf32> to tensor<?x?x?x?xf32>
  %sv28 = arith.constant 31.18 : f32
  %fv28 = call @fill(%dv28, %sv28) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %v28 = tensor.cast %fv28 : tensor<?x?x?x?xf32> to tensor<1x2x?x8xf32>
  %o28 = call @dense_dims_in_body(%q28, %k28, %v28) : (tensor<1x2x?x8xf32>, tensor<1x2x?x8xf32>, tensor<1x2x?x8xf32>) -> tensor<1x2x?x8xf32>
  %u28 = tensor.cast %o28 : tensor<1x2x?x8xf32> to tensor<*xf32>
  call @printMemrefF32(%u28) : (tensor<*xf32>) -> ()
  %eq29 = tensor.empty() : tensor<1x2x1x8xf32>
  %dq29 = tensor.cast %eq29 : tensor<1x2x1x8xf32> to tensor<?x?x?x?xf32>
  %sq29 = arith.constant 31.55 : f32
  %fq29 = call @fill(%dq29, %sq29) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %q29 = tensor.cast %fq29 : tensor<?x?x?x?xf32> to tensor<1x2x?x8xf32>
  %ek29 = tensor.empty() : tensor<1x2x13x8xf32>
  %dk29 = tensor.cast %ek29 : tensor<1x2x13x8xf32> to tensor<?x?x?x?xf32>
  %sk29 = arith.constant 31.92 : f32
  %fk29 = call @fill(%dk29, %sk29) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %k29 = tensor.cast %fk29 : tensor<?x?x?x?xf32> to tensor<1x2x?x8xf32>
  %ev29 = tensor.empty() : tensor<1x2x13x8xf32>
  %dv29 = tensor.cast %ev29 : tensor<1x2x13x8xf32> to tensor<?x?x?x?xf32>
  %sv29 = arith.constant 32.29 : f32
  %fv29 = call @fill(%dv29, %sv29) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %v29 = tensor.cast %fv29 : tensor<?x?x?x?xf32> to tensor<1x2x?x8xf32>
  %o29 = call @dense_dims_in_body(%q29, %k29, %v29) : (tensor<1x2x?x8xf32>, tensor<1x2x?x8xf32>, tensor<1x2x?x8xf32>) -> tensor<1x2x?x8xf32>
  %u29 = tensor.cast %o29 : tensor<1x2x?x8xf32> to tensor<*xf32>
  call @printMemrefF32(%u29) : (tensor<*xf32>) -> ()
  %eq30 = tensor.empty() : tensor<1x2x5x8xf32>
  %dq30 = tensor.cast %eq30 : tensor<1x2x5x8xf32> to tensor<?x?x?x?xf32>
  %sq30 = arith.constant 32.66 : f32
  %fq30 = call @fill(%dq30, %sq30) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %q30 = tensor.cast %fq30 : tensor<?x?x?x?xf32> to tensor<1x2x?x8xf32>
  %ek30 = tensor.empty() : tensor<1x2x9x8xf32>
  %dk30 = tensor.cast %ek30 : tensor<1x2x9x8xf32> to tensor<?x?x?x?xf32>
  %sk30 = arith.constant 33.03 : f32
  %fk30 = call @fill(%dk30, %sk30) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %k30 = tensor.cast %fk30 : tensor<?x?x?x?xf32> to tensor<1x2x?x8xf32>
  %ev30 = tensor.empty() : tensor<1x2x9x8xf32>
  %dv30 = tensor.cast %ev30 : tensor<1x2x9x8xf32> to tensor<?x?x?x?xf32>
  %sv30 = arith.constant 33.4 : f32
  %fv30 = call @fill(%dv30, %sv30) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %v30 = tensor.cast %fv30 : tensor<?x?x?x?xf32> to tensor<1x2x?x8xf32>
  %n30 = arith.constant 5 : index
  %o30 = call @argument_offset(%q30, %k30, %v30, %n30) : (tensor<1x2x?x8xf32>, tensor<1x2x?x8xf32>, tensor<1x2x?x8xf32>, index) -> tensor<1x2x?x8xf32>
  %u30 = tensor.cast %o30 : tensor<1x2x?x8xf32> to tensor<*xf32>
  call @printMemrefF32(%u30) : (tensor<*xf32>) -> ()
  %eq31 = tensor.empty() : tensor<1x2x7x8xf32>
  %dq31 = tensor.cast %eq31 : tensor<1x2x7x8xf32> to tensor<?x?x?x?xf32>
  %sq31 = arith.constant 33.77 : f32
  %fq31 = call @fill(%dq31, %sq31) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %q31 = tensor.cast %fq31 : tensor<?x?x?x?xf32> to tensor<1x2x?x8xf32>
  %ek31 = tensor.empty() : tensor<1x2x7x8xf32>
  %dk31 = tensor.cast %ek31 : tensor<1x2x7x8xf32> to tensor<?x?x?x?xf32>
  %sk31 = arith.constant 34.14 : f32
  %fk31 = call @fill(%dk31, %sk31) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %k31 = tensor.cast %fk31 : tensor<?x?x?x?xf32> to tensor<1x2x?x8xf32>
  %ev31 = tensor.empty() : tensor<1x2x7x8xf32>
  %dv31 = tensor.cast %ev31 : tensor<1x2x7x8xf32> to tensor<?x?x?x?xf32>
  %sv31 = arith.constant 34.51 : f32
  %fv31 = call @fill(%dv31, %sv31) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %v31 = tensor.cast %fv31 : tensor<?x?x?x?xf32> to tensor<1x2x?x8xf32>
  %n31 = arith.constant 1 : index
  %o31 = call @argument_offset(%q31, %k31, %v31, %n31) : (tensor<1x2x?x8xf32>, tensor<1x2x?x8xf32>, tensor<1x2x?x8xf32>, index) -> tensor<1x2x?x8xf32>
  %u31 = tensor.cast %o31 : tensor<1x2x?x8xf32> to tensor<*xf32>
  call @printMemrefF32(%u31) : (tensor<*xf32>) -> ()
  %eq32 = tensor.empty() : tensor<1x2x1x8xf32>
  %dq32 = tensor.cast %eq32 : tensor<1x2x1x8xf32> to tensor<?x?x?x?xf32>
  %sq32 = arith.constant 34.88 : f32
  %fq32 = call @fill(%dq32, %sq32) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %q32 = tensor.cast %fq32 : tensor<?x?x?x?xf32> to tensor<1x2x?x8xf32>
  %ek32 = tensor.empty() : tensor<1x2x13x8xf32>
  %dk32 = tensor.cast %ek32 : tensor<1x2x13x8xf32> to tensor<?x?x?x?xf32>
  %sk32 = arith.constant 35.25 : f32
  %fk32 = call @fill(%dk32, %sk32) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %k32 = tensor.cast %fk32 : tensor<?x?x?x?xf32> to tensor<1x2x?x8xf32>
  %ev32 = tensor.empty() : tensor<1x2x13x8xf32>
  %dv32 = tensor.cast %ev32 : tensor<1x2x13x8xf32> to tensor<?x?x?x?xf32>
  %sv32 = arith.constant 35.62 : f32
  %fv32 = call @fill(%dv32, %sv32) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %v32 = tensor.cast %fv32 : tensor<?x?x?x?xf32> to tensor<1x2x?x8xf32>
  %n32 = arith.constant 13 : index
  %o32 = call @argument_offset(%q32, %k32, %v32, %n32) : (tensor<1x2x?x8xf32>, tensor<1x2x?x8xf32>, tensor<1x2x?x8xf32>, index) -> tensor<1x2x?x8xf32>
  %u32 = tensor.cast %o32 : tensor<1x2x?x8xf32> to tensor<*xf32>
  call @printMemrefF32(%u32) : (tensor<*xf32>) -> ()
  %eq33 = tensor.empty() : tensor<1x2x5x8xf32>
  %dq33 = tensor.cast %eq33 : tensor<1x2x5x8xf32> to tensor<?x?x?x?xf32>
  %sq33 = arith.constant 35.99 : f32
  %fq33 = call @fill(%dq33, %sq33) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %q33 = tensor.cast %fq33 : tensor<?x?x?x?xf32> to tensor<1x2x?x8xf32>
  %ek33 = tensor.empty() : tensor<1x2x9x8xf32>
  %dk33 = tensor.cast %ek33 : tensor<1x2x9x8xf32> to tensor<?x?x?x?xf32>
  %sk33 = arith.constant 36.36 : f32
  %fk33 = call @fill(%dk33, %sk33) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %k33 = tensor.cast %fk33 : tensor<?x?x?x?xf32> to tensor<1x2x?x8xf32>
  %ev33 = tensor.empty() : tensor<1x2x9x8xf32>
  %dv33 = tensor.cast %ev33 : tensor<1x2x9x8xf32> to tensor<?x?x?x?xf32>
  %sv33 = arith.constant 36.73 : f32
  %fv33 = call @fill(%dv33, %sv33) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %v33 = tensor.cast %fv33 : tensor<?x?x?x?xf32> to tensor<1x2x?x8xf32>
  %o33 = call @unsigned_compare(%q33, %k33, %v33) : (tensor<1x2x?x8xf32>, tensor<1x2x?x8xf32>, tensor<1x2x?x8xf32>) -> tensor<1x2x?x8xf32>
  %u33 = tensor.cast %o33 : tensor<1x2x?x8xf32> to tensor<*xf32>
  call @printMemrefF32(%u33) : (tensor<*xf32>) -> ()
  %eq34 = tensor.empty() : tensor<1x2x9x8xf32>
  %dq34 = tensor.cast %eq34 : tensor<1x2x9x8xf32> to tensor<?x?x?x?xf32>
  %sq34 = arith.constant 37.1 : f32
  %fq34 = call @fill(%dq34, %sq34) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %q34 = tensor.cast %fq34 : tensor<?x?x?x?xf32> to tensor<1x2x?x8xf32>
  %ek34 = tensor.empty() : tensor<1x2x5x8xf32>
  %dk34 = tensor.cast %ek34 : tensor<1x2x5x8xf32> to tensor<?x?x?x?xf32>
  %sk34 = arith.constant 37.47 : f32
  %fk34 = call @fill(%dk34, %sk34) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %k34 = tensor.cast %fk34 : tensor<?x?x?x?xf32> to tensor<1x2x?x8xf32>
  %ev34 = tensor.empty() : tensor<1x2x5x8xf32>
  %dv34 = tensor.cast %ev34 : tensor<1x2x5x8xf32> to tensor<?x?x?x?xf32>
  %sv34 = arith.constant 37.84 : f32
  %fv34 = call @fill(%dv34, %sv34) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %v34 = tensor.cast %fv34 : tensor<?x?x?x?xf32> to tensor<1x2x?x8xf32>
  %o34 = call @unsigned_compare(%q34, %k34, %v34) : (tensor<1x2x?x8xf32>, tensor<1x2x?x8xf32>, tensor<1x2x?x8xf32>) -> tensor<1x2x?x8xf32>
  %u34 = tensor.cast %o34 : tensor<1x2x?x8xf32> to tensor<*xf32>
  call @printMemrefF32(%u34) : (tensor<*xf32>) -> ()
  %eq35 = tensor.empty() : tensor<1x2x1x8xf32>
  %dq35 = tensor.cast %eq35 : tensor<1x2x1x8xf32> to tensor<?x?x?x?xf32>
  %sq35 = arith.constant 38.21 : f32
  %fq35 = call @fill(%dq35, %sq35) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %q35 = tensor.cast %fq35 : tensor<?x?x?x?xf32> to tensor<1x2x?x8xf32>
  %ek35 = tensor.empty() : tensor<1x2x13x8xf32>
  %dk35 = tensor.cast %ek35 : tensor<1x2x13x8xf32> to tensor<?x?x?x?xf32>
  %sk35 = arith.constant 38.58 : f32
  %fk35 = call @fill(%dk35, %sk35) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %k35 = tensor.cast %fk35 : tensor<?x?x?x?xf32> to tensor<1x2x?x8xf32>
  %ev35 = tensor.empty() : tensor<1x2x13x8xf32>
  %dv35 = tensor.cast %ev35 : tensor<1x2x13x8xf32> to tensor<?x?x?x?xf32>
  %sv35 = arith.constant 38.95 : f32
  %fv35 = call @fill(%dv35, %sv35) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %v35 = tensor.cast %fv35 : tensor<?x?x?x?xf32> to tensor<1x2x?x8xf32>
  %o35 = call @unsigned_compare(%q35, %k35, %v35) : (tensor<1x2x?x8xf32>, tensor<1x2x?x8xf32>, tensor<1x2x?x8xf32>) -> tensor<1x2x?x8xf32>
  %u35 = tensor.cast %o35 : tensor<1x2x?x8xf32> to tensor<*xf32>
  call @printMemrefF32(%u35) : (tensor<*xf32>) -> ()
  return
}
