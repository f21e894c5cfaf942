// Executed check of attn-fuse-attention's reading of Skv - Sq with dynamic
// sizes (review findings):
// - @qgate: Q is gated per row by a min over a dynamic feature dim R of %w,
//   and the mask's offset is R - Sq (dim 3 of %w). The min's reduced loop
//   is named j by the walk, but R is not Skv: no witness of Skv may be taken
//   from what that reduction reads, so the condition stays a dense mask
//   (it was raised as causal = bottom_right, computing other numbers).
// - @decode, @decode3: decoding 1 and 3 rows (static Sq) against a dynamic
//   K/V cache, `j <= i + (Skv - Sq)` in i64: causal = bottom_right.
// Sq = 5 (qgate), R = 7, Skv = 9. The fused and unfused programs must
// print the same numbers.
// RUN: attn-opt %s -attn-fuse-attention | FileCheck %s
// RUN: attn-opt %s -attn-cpu-pipeline="fuse=false" | mlir-runner -e main -entry-point-result=void -shared-libs=%runner_libs > %t.ref
// RUN: attn-opt %s -attn-cpu-pipeline="fuse=true" | mlir-runner -e main -entry-point-result=void -shared-libs=%runner_libs > %t.fused
// RUN: %python %attn_src/test/lib/compare_outputs.py %t.ref %t.fused --rtol 1e-4 --atol 1e-5

// CHECK-LABEL: func.func @qgate
// CHECK: attn.attention
// CHECK-SAME: mask(%{{.+}} : tensor<?x?xi1>)
// CHECK-NOT: causal
// CHECK-SAME: -> tensor<1x2x?x8xf32>
// CHECK-LABEL: func.func @decode
// CHECK: attn.attention
// CHECK-NOT: mask(
// CHECK-SAME: causal = bottom_right -> tensor<1x2x1x8xf32>
// CHECK-LABEL: func.func @decode3
// CHECK: attn.attention
// CHECK-NOT: mask(
// CHECK-SAME: causal = bottom_right -> tensor<1x2x3x8xf32>

#q = affine_map<(b, h, i, j, d) -> (b, h, i, d)>
#k = affine_map<(b, h, i, j, d) -> (b, h, j, d)>
#s = affine_map<(b, h, i, j, d) -> (b, h, i, j)>
#p = affine_map<(b, h, i, e, j) -> (b, h, i, j)>
#v = affine_map<(b, h, i, e, j) -> (b, h, j, e)>
#o = affine_map<(b, h, i, e, j) -> (b, h, i, e)>
#id = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#row = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>
#gen = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>

func.func @qgate(%q0: tensor<1x2x?x8xf32>, %w: tensor<1x2x?x?xf32>, %k: tensor<1x2x?x8xf32>, %v: tensor<1x2x?x8xf32>) -> tensor<1x2x?x8xf32> {
  %zero = arith.constant 0.0 : f32
  %ninf = arith.constant 0xFF800000 : f32
  %scale = arith.constant 0.35 : f32
  %big = arith.constant 4.0 : f32
  %c2 = arith.constant 2 : index
  %c3 = arith.constant 3 : index
  %sq = tensor.dim %q0, %c2 : tensor<1x2x?x8xf32>
  %skv = tensor.dim %k, %c2 : tensor<1x2x?x8xf32>
  %r = tensor.dim %w, %c3 : tensor<1x2x?x?xf32>
  %off = arith.subi %r, %sq : index
  %er = tensor.empty(%sq) : tensor<1x2x?xf32>
  %fg = linalg.fill ins(%big : f32) outs(%er : tensor<1x2x?xf32>) -> tensor<1x2x?xf32>
  %g = linalg.generic {indexing_maps = [#id, #row], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%w : tensor<1x2x?x?xf32>) outs(%fg : tensor<1x2x?xf32>) {
  ^bb0(%a: f32, %acc: f32):
    %lt = arith.cmpf olt, %a, %acc : f32
    %s0 = arith.select %lt, %a, %acc : f32
    linalg.yield %s0 : f32
  } -> tensor<1x2x?xf32>
  %eq = tensor.empty(%sq) : tensor<1x2x?x8xf32>
  %q = linalg.generic {indexing_maps = [#id, #row, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%q0, %g : tensor<1x2x?x8xf32>, tensor<1x2x?xf32>) outs(%eq : tensor<1x2x?x8xf32>) {
  ^bb0(%a: f32, %b: f32, %o: f32):
    %x = arith.mulf %a, %b : f32
    linalg.yield %x : f32
  } -> tensor<1x2x?x8xf32>
  %e = tensor.empty(%sq, %skv) : tensor<1x2x?x?xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<1x2x?x?xf32>) -> tensor<1x2x?x?xf32>
  %s = linalg.generic {indexing_maps = [#q, #k, #s], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%q, %k : tensor<1x2x?x8xf32>, tensor<1x2x?x8xf32>) outs(%f : tensor<1x2x?x?xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %mm = arith.mulf %a, %b : f32
    %r0 = arith.addf %acc, %mm : f32
    linalg.yield %r0 : f32
  } -> tensor<1x2x?x?xf32>
  %ss = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%s : tensor<1x2x?x?xf32>) outs(%e : tensor<1x2x?x?xf32>) {
  ^bb0(%a: f32, %o: f32):
    %r1 = arith.mulf %a, %scale : f32
    %i = linalg.index 2 : index
    %j = linalg.index 3 : index
    %lim = arith.addi %i, %off : index
    %keep = arith.cmpi sle, %j, %lim : index
    %r2 = arith.select %keep, %r1, %ninf : f32
    linalg.yield %r2 : f32
  } -> tensor<1x2x?x?xf32>
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
    %r3 = arith.addf %acc, %mm : f32
    linalg.yield %r3 : f32
  } -> tensor<1x2x?x8xf32>
  return %o : tensor<1x2x?x8xf32>
}

func.func @decode(%q: tensor<1x2x1x8xf32>, %k: tensor<1x2x?x8xf32>, %v: tensor<1x2x?x8xf32>) -> tensor<1x2x1x8xf32> {
  %zero = arith.constant 0.0 : f32
  %ninf = arith.constant 0xFF800000 : f32
  %scale = arith.constant 0.35 : f32
  %c2 = arith.constant 2 : index
  %sq = tensor.dim %q, %c2 : tensor<1x2x1x8xf32>
  %skv = tensor.dim %k, %c2 : tensor<1x2x?x8xf32>
  %e = tensor.empty(%skv) : tensor<1x2x1x?xf32>
  %sq64 = arith.index_cast %sq : index to i64
  %skv64 = arith.index_cast %skv : index to i64
  %off = arith.subi %skv64, %sq64 : i64
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<1x2x1x?xf32>) -> tensor<1x2x1x?xf32>
  %s = linalg.generic {indexing_maps = [#q, #k, #s], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%q, %k : tensor<1x2x1x8xf32>, tensor<1x2x?x8xf32>) outs(%f : tensor<1x2x1x?xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %mm = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %mm : f32
    linalg.yield %r : f32
  } -> tensor<1x2x1x?xf32>
  %ss = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%s : tensor<1x2x1x?xf32>) outs(%e : tensor<1x2x1x?xf32>) {
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
  } -> tensor<1x2x1x?xf32>
  %er = tensor.empty() : tensor<1x2x1xf32>
  %fm = linalg.fill ins(%ninf : f32) outs(%er : tensor<1x2x1xf32>) -> tensor<1x2x1xf32>
  %mx = linalg.generic {indexing_maps = [#id, #row], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%ss : tensor<1x2x1x?xf32>) outs(%fm : tensor<1x2x1xf32>) {
  ^bb0(%a: f32, %acc: f32):
    %m0 = arith.maximumf %a, %acc : f32
    linalg.yield %m0 : f32
  } -> tensor<1x2x1xf32>
  %ex = linalg.generic {indexing_maps = [#id, #row, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%ss, %mx : tensor<1x2x1x?xf32>, tensor<1x2x1xf32>) outs(%e : tensor<1x2x1x?xf32>) {
  ^bb0(%a: f32, %b: f32, %o: f32):
    %d = arith.subf %a, %b : f32
    %x = math.exp %d : f32
    linalg.yield %x : f32
  } -> tensor<1x2x1x?xf32>
  %fs = linalg.fill ins(%zero : f32) outs(%er : tensor<1x2x1xf32>) -> tensor<1x2x1xf32>
  %sum = linalg.generic {indexing_maps = [#id, #row], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%ex : tensor<1x2x1x?xf32>) outs(%fs : tensor<1x2x1xf32>) {
  ^bb0(%a: f32, %acc: f32):
    %s0 = arith.addf %a, %acc : f32
    linalg.yield %s0 : f32
  } -> tensor<1x2x1xf32>
  %p = linalg.generic {indexing_maps = [#id, #row, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%ex, %sum : tensor<1x2x1x?xf32>, tensor<1x2x1xf32>) outs(%e : tensor<1x2x1x?xf32>) {
  ^bb0(%a: f32, %b: f32, %o: f32):
    %x = arith.divf %a, %b : f32
    linalg.yield %x : f32
  } -> tensor<1x2x1x?xf32>
  %eo = tensor.empty() : tensor<1x2x1x8xf32>
  %fo = linalg.fill ins(%zero : f32) outs(%eo : tensor<1x2x1x8xf32>) -> tensor<1x2x1x8xf32>
  %o = linalg.generic {indexing_maps = [#p, #v, #o], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%p, %v : tensor<1x2x1x?xf32>, tensor<1x2x?x8xf32>) outs(%fo : tensor<1x2x1x8xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %mm = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %mm : f32
    linalg.yield %r : f32
  } -> tensor<1x2x1x8xf32>
  return %o : tensor<1x2x1x8xf32>
}

func.func @decode3(%q: tensor<1x2x3x8xf32>, %k: tensor<1x2x?x8xf32>, %v: tensor<1x2x?x8xf32>) -> tensor<1x2x3x8xf32> {
  %zero = arith.constant 0.0 : f32
  %ninf = arith.constant 0xFF800000 : f32
  %scale = arith.constant 0.35 : f32
  %c2 = arith.constant 2 : index
  %sq = tensor.dim %q, %c2 : tensor<1x2x3x8xf32>
  %skv = tensor.dim %k, %c2 : tensor<1x2x?x8xf32>
  %e = tensor.empty(%skv) : tensor<1x2x3x?xf32>
  %sq64 = arith.index_cast %sq : index to i64
  %skv64 = arith.index_cast %skv : index to i64
  %off = arith.subi %skv64, %sq64 : i64
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<1x2x3x?xf32>) -> tensor<1x2x3x?xf32>
  %s = linalg.generic {indexing_maps = [#q, #k, #s], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%q, %k : tensor<1x2x3x8xf32>, tensor<1x2x?x8xf32>) outs(%f : tensor<1x2x3x?xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %mm = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %mm : f32
    linalg.yield %r : f32
  } -> tensor<1x2x3x?xf32>
  %ss = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%s : tensor<1x2x3x?xf32>) outs(%e : tensor<1x2x3x?xf32>) {
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
  } -> tensor<1x2x3x?xf32>
  %er = tensor.empty() : tensor<1x2x3xf32>
  %fm = linalg.fill ins(%ninf : f32) outs(%er : tensor<1x2x3xf32>) -> tensor<1x2x3xf32>
  %mx = linalg.generic {indexing_maps = [#id, #row], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%ss : tensor<1x2x3x?xf32>) outs(%fm : tensor<1x2x3xf32>) {
  ^bb0(%a: f32, %acc: f32):
    %m0 = arith.maximumf %a, %acc : f32
    linalg.yield %m0 : f32
  } -> tensor<1x2x3xf32>
  %ex = linalg.generic {indexing_maps = [#id, #row, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%ss, %mx : tensor<1x2x3x?xf32>, tensor<1x2x3xf32>) outs(%e : tensor<1x2x3x?xf32>) {
  ^bb0(%a: f32, %b: f32, %o: f32):
    %d = arith.subf %a, %b : f32
    %x = math.exp %d : f32
    linalg.yield %x : f32
  } -> tensor<1x2x3x?xf32>
  %fs = linalg.fill ins(%zero : f32) outs(%er : tensor<1x2x3xf32>) -> tensor<1x2x3xf32>
  %sum = linalg.generic {indexing_maps = [#id, #row], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%ex : tensor<1x2x3x?xf32>) outs(%fs : tensor<1x2x3xf32>) {
  ^bb0(%a: f32, %acc: f32):
    %s0 = arith.addf %a, %acc : f32
    linalg.yield %s0 : f32
  } -> tensor<1x2x3xf32>
  %p = linalg.generic {indexing_maps = [#id, #row, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%ex, %sum : tensor<1x2x3x?xf32>, tensor<1x2x3xf32>) outs(%e : tensor<1x2x3x?xf32>) {
  ^bb0(%a: f32, %b: f32, %o: f32):
    %x = arith.divf %a, %b : f32
    linalg.yield %x : f32
  } -> tensor<1x2x3x?xf32>
  %eo = tensor.empty() : tensor<1x2x3x8xf32>
  %fo = linalg.fill ins(%zero : f32) outs(%eo : tensor<1x2x3x8xf32>) -> tensor<1x2x3x8xf32>
  %o = linalg.generic {indexing_maps = [#p, #v, #o], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%p, %v : tensor<1x2x3x?xf32>, tensor<1x2x?x8xf32>) outs(%fo : tensor<1x2x3x8xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %mm = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %mm : f32
    linalg.yield %r : f32
  } -> tensor<1x2x3x8xf32>
  return %o : tensor<1x2x3x8xf32>
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

func.func @mk(%t: tensor<?x?x?x?xf32>, %seed: f32) -> tensor<?x?x?x?xf32> {
  %r = call @fill(%t, %seed) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  return %r : tensor<?x?x?x?xf32>
}

func.func @main() {
  %s1 = arith.constant 0.47 : f32
  %s2 = arith.constant 0.84 : f32
  %s3 = arith.constant 1.21 : f32
  %s4 = arith.constant 1.9 : f32
  %eq = tensor.empty() : tensor<1x2x5x8xf32>
  %dq = tensor.cast %eq : tensor<1x2x5x8xf32> to tensor<?x?x?x?xf32>
  %fq = call @mk(%dq, %s1) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %q = tensor.cast %fq : tensor<?x?x?x?xf32> to tensor<1x2x?x8xf32>
  %ew = tensor.empty() : tensor<1x2x5x7xf32>
  %dw = tensor.cast %ew : tensor<1x2x5x7xf32> to tensor<?x?x?x?xf32>
  %fw = call @mk(%dw, %s4) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %w = tensor.cast %fw : tensor<?x?x?x?xf32> to tensor<1x2x?x?xf32>
  %ek = tensor.empty() : tensor<1x2x9x8xf32>
  %dk = tensor.cast %ek : tensor<1x2x9x8xf32> to tensor<?x?x?x?xf32>
  %fk = call @mk(%dk, %s2) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %k = tensor.cast %fk : tensor<?x?x?x?xf32> to tensor<1x2x?x8xf32>
  %ev = tensor.empty() : tensor<1x2x9x8xf32>
  %dv = tensor.cast %ev : tensor<1x2x9x8xf32> to tensor<?x?x?x?xf32>
  %fv = call @mk(%dv, %s3) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %v = tensor.cast %fv : tensor<?x?x?x?xf32> to tensor<1x2x?x8xf32>
  %o = call @qgate(%q, %w, %k, %v) : (tensor<1x2x?x8xf32>, tensor<1x2x?x?xf32>, tensor<1x2x?x8xf32>, tensor<1x2x?x8xf32>) -> tensor<1x2x?x8xf32>
  %u = tensor.cast %o : tensor<1x2x?x8xf32> to tensor<*xf32>
  call @printMemrefF32(%u) : (tensor<*xf32>) -> ()
  %e1 = tensor.empty() : tensor<1x2x1x8xf32>
  %d1 = tensor.cast %e1 : tensor<1x2x1x8xf32> to tensor<?x?x?x?xf32>
  %f1 = call @mk(%d1, %s2) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %q1 = tensor.cast %f1 : tensor<?x?x?x?xf32> to tensor<1x2x1x8xf32>
  %o1 = call @decode(%q1, %k, %v) : (tensor<1x2x1x8xf32>, tensor<1x2x?x8xf32>, tensor<1x2x?x8xf32>) -> tensor<1x2x1x8xf32>
  %u1 = tensor.cast %o1 : tensor<1x2x1x8xf32> to tensor<*xf32>
  call @printMemrefF32(%u1) : (tensor<*xf32>) -> ()
  %e3 = tensor.empty() : tensor<1x2x3x8xf32>
  %d3 = tensor.cast %e3 : tensor<1x2x3x8xf32> to tensor<?x?x?x?xf32>
  %f3 = call @mk(%d3, %s3) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %q3 = tensor.cast %f3 : tensor<?x?x?x?xf32> to tensor<1x2x3x8xf32>
  %o3 = call @decode3(%q3, %k, %v) : (tensor<1x2x3x8xf32>, tensor<1x2x?x8xf32>, tensor<1x2x?x8xf32>) -> tensor<1x2x3x8xf32>
  %u3 = tensor.cast %o3 : tensor<1x2x3x8xf32> to tensor<*xf32>
  call @printMemrefF32(%u3) : (tensor<*xf32>) -> ()
  return
}
