// Executed check of chains written with arith and math ops on whole tensors
// (no linalg.generic around the elementwise math, as hand-written IR or a
// frontend that skips linalg emits them), raised by attn-fuse-attention:
// a constant scale as a splat tensor, an i1 mask applied by arith.select on
// tensors, the max subtracted as x + (-max), exp, and the division by the
// sum; then a run-time scale through tensor.splat, f16 inputs extended by
// arith.extf on tensors, and a key-padding mask computed by arith.cmpf on
// tensors (its predicate must survive the raise); then a per-head table of
// positive factors above a -inf select and a negated negative scale; then Q
// and then V centred by their mean (a reduction of their own). Every
// row keeps a visible
// key. Odd sizes B = 2, H = 3, Sq = 7, Skv = 9, D = 5, Dv = 6. Without the
// raise (fuse=false) the pipeline lowers the tensor ops through
// convert-elementwise-to-linalg; both programs must print the same numbers.
// RUN: attn-opt %s -attn-fuse-attention | FileCheck %s
// RUN: attn-opt %s -attn-cpu-pipeline="fuse=false" | mlir-runner -e main -entry-point-result=void -shared-libs=%runner_libs > %t.ref
// RUN: attn-opt %s -attn-cpu-pipeline="fuse=true" | mlir-runner -e main -entry-point-result=void -shared-libs=%runner_libs > %t.fused
// RUN: %python %attn_src/test/lib/compare_outputs.py %t.ref %t.fused --rtol 1e-4 --atol 1e-5

// CHECK-LABEL: func.func @tensor_arith(
// CHECK: attn.attention
// CHECK-SAME: scale = 0.4472
// CHECK-NOT: math.exp
// CHECK: return
// CHECK-LABEL: func.func @tensor_arith_f16_splat(
// CHECK: arith.cmpf ogt
// CHECK: attn.attention
// CHECK-NOT: math.exp
// CHECK: return
// CHECK-LABEL: func.func @tensor_table_negf(
// CHECK: attn.attention
// CHECK-SAME: scale = 4.0
// CHECK-NOT: math.exp
// CHECK: return
// CHECK-LABEL: func.func @centred_q(
// CHECK: %[[QC:.*]] = arith.subf %{{.*}}, %{{.*}} : tensor<2x3x7x5xf32>
// CHECK: attn.attention ins(%[[QC]],
// CHECK-NOT: linalg.softmax
// CHECK: return
// CHECK-LABEL: func.func @centred_v(
// CHECK: %[[VC:.*]] = arith.subf %{{.*}}, %{{.*}} : tensor<2x3x9x6xf32>
// CHECK: attn.attention ins(%{{.*}}, %{{.*}}, %[[VC]] :
// CHECK-NOT: linalg.softmax
// CHECK: return

#q = affine_map<(b, h, i, j, d) -> (b, h, i, d)>
#k = affine_map<(b, h, i, j, d) -> (b, h, j, d)>
#s = affine_map<(b, h, i, j, d) -> (b, h, i, j)>
#p = affine_map<(b, h, i, e, j) -> (b, h, i, j)>
#v = affine_map<(b, h, i, e, j) -> (b, h, j, e)>
#o = affine_map<(b, h, i, e, j) -> (b, h, i, e)>
#id = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>

func.func @tensor_arith(%q: tensor<2x3x7x5xf32>, %k: tensor<2x3x9x5xf32>, %v: tensor<2x3x9x6xf32>, %keep: tensor<2x1x7x9xi1>) -> tensor<2x3x7x6xf32> {
  %zero = arith.constant 0.0 : f32
  %ninf = arith.constant 0xFF800000 : f32
  %se = tensor.empty() : tensor<2x3x7x9xf32>
  %s0 = linalg.fill ins(%zero : f32) outs(%se : tensor<2x3x7x9xf32>) -> tensor<2x3x7x9xf32>
  %s = linalg.generic {indexing_maps = [#q, #k, #s], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%q, %k : tensor<2x3x7x5xf32>, tensor<2x3x9x5xf32>) outs(%s0 : tensor<2x3x7x9xf32>) {
  ^bb0(%a: f32, %b: f32, %c: f32):
    %m = arith.mulf %a, %b : f32
    %r = arith.addf %c, %m : f32
    linalg.yield %r : f32
  } -> tensor<2x3x7x9xf32>
  %scale = arith.constant dense<0.4472136> : tensor<2x3x7x9xf32>
  %ss = arith.mulf %s, %scale : tensor<2x3x7x9xf32>
  %keep3 = tensor.collapse_shape %keep [[0, 1], [2], [3]] : tensor<2x1x7x9xi1> into tensor<2x7x9xi1>
  %kbe = tensor.empty() : tensor<2x3x7x9xi1>
  %kb = linalg.broadcast ins(%keep3 : tensor<2x7x9xi1>) outs(%kbe : tensor<2x3x7x9xi1>) dimensions = [1]
  %ninfs = arith.constant dense<0xFF800000> : tensor<2x3x7x9xf32>
  %x = arith.select %kb, %ss, %ninfs : tensor<2x3x7x9xi1>, tensor<2x3x7x9xf32>
  %re = tensor.empty() : tensor<2x3x7xf32>
  %m0 = linalg.fill ins(%ninf : f32) outs(%re : tensor<2x3x7xf32>) -> tensor<2x3x7xf32>
  %max = linalg.reduce ins(%x : tensor<2x3x7x9xf32>) outs(%m0 : tensor<2x3x7xf32>) dimensions = [3]
    (%in: f32, %acc: f32) {
      %r = arith.maximumf %in, %acc : f32
      linalg.yield %r : f32
    }
  %mb = linalg.broadcast ins(%max : tensor<2x3x7xf32>) outs(%se : tensor<2x3x7x9xf32>) dimensions = [3]
  %negmax = arith.negf %mb : tensor<2x3x7x9xf32>
  %shift = arith.addf %x, %negmax : tensor<2x3x7x9xf32>
  %e = math.exp %shift : tensor<2x3x7x9xf32>
  %z0 = linalg.fill ins(%zero : f32) outs(%re : tensor<2x3x7xf32>) -> tensor<2x3x7xf32>
  %sum = linalg.reduce ins(%e : tensor<2x3x7x9xf32>) outs(%z0 : tensor<2x3x7xf32>) dimensions = [3]
    (%in: f32, %acc: f32) {
      %r = arith.addf %in, %acc : f32
      linalg.yield %r : f32
    }
  %sb = linalg.broadcast ins(%sum : tensor<2x3x7xf32>) outs(%se : tensor<2x3x7x9xf32>) dimensions = [3]
  %p = arith.divf %e, %sb : tensor<2x3x7x9xf32>
  %oe = tensor.empty() : tensor<2x3x7x6xf32>
  %o0 = linalg.fill ins(%zero : f32) outs(%oe : tensor<2x3x7x6xf32>) -> tensor<2x3x7x6xf32>
  %o = linalg.generic {indexing_maps = [#p, #v, #o], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%p, %v : tensor<2x3x7x9xf32>, tensor<2x3x9x6xf32>) outs(%o0 : tensor<2x3x7x6xf32>) {
  ^bb0(%a: f32, %b: f32, %c: f32):
    %m = arith.mulf %a, %b : f32
    %r = arith.addf %c, %m : f32
    linalg.yield %r : f32
  } -> tensor<2x3x7x6xf32>
  return %o : tensor<2x3x7x6xf32>
}

func.func @tensor_arith_f16_splat(%q: tensor<2x3x7x5xf16>, %k: tensor<2x3x9x5xf16>, %v: tensor<2x3x9x6xf16>, %pad: tensor<2x3x7x9xf32>, %temp: f32) -> tensor<2x3x7x6xf32> {
  %zero = arith.constant 0.0 : f32
  %ninf = arith.constant 0xFF800000 : f32
  %qf = arith.extf %q : tensor<2x3x7x5xf16> to tensor<2x3x7x5xf32>
  %kf = arith.extf %k : tensor<2x3x9x5xf16> to tensor<2x3x9x5xf32>
  %vf = arith.extf %v : tensor<2x3x9x6xf16> to tensor<2x3x9x6xf32>
  %se = tensor.empty() : tensor<2x3x7x9xf32>
  %s0 = linalg.fill ins(%zero : f32) outs(%se : tensor<2x3x7x9xf32>) -> tensor<2x3x7x9xf32>
  %s = linalg.generic {indexing_maps = [#q, #k, #s], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%qf, %kf : tensor<2x3x7x5xf32>, tensor<2x3x9x5xf32>) outs(%s0 : tensor<2x3x7x9xf32>) {
  ^bb0(%a: f32, %b: f32, %c: f32):
    %m = arith.mulf %a, %b : f32
    %r = arith.addf %c, %m : f32
    linalg.yield %r : f32
  } -> tensor<2x3x7x9xf32>
  %t = tensor.splat %temp : tensor<2x3x7x9xf32>
  %ss = arith.mulf %s, %t : tensor<2x3x7x9xf32>
  %half = arith.constant dense<0.5> : tensor<2x3x7x9xf32>
  %keep = arith.cmpf ogt, %pad, %half : tensor<2x3x7x9xf32>
  %big = arith.constant dense<-1.0e9> : tensor<2x3x7x9xf32>
  %x = arith.select %keep, %ss, %big : tensor<2x3x7x9xi1>, tensor<2x3x7x9xf32>
  %re = tensor.empty() : tensor<2x3x7xf32>
  %m0 = linalg.fill ins(%ninf : f32) outs(%re : tensor<2x3x7xf32>) -> tensor<2x3x7xf32>
  %max = linalg.reduce ins(%x : tensor<2x3x7x9xf32>) outs(%m0 : tensor<2x3x7xf32>) dimensions = [3]
    (%in: f32, %acc: f32) {
      %r = arith.maximumf %in, %acc : f32
      linalg.yield %r : f32
    }
  %mb = linalg.broadcast ins(%max : tensor<2x3x7xf32>) outs(%se : tensor<2x3x7x9xf32>) dimensions = [3]
  %shift = arith.subf %x, %mb : tensor<2x3x7x9xf32>
  %e = math.exp %shift : tensor<2x3x7x9xf32>
  %z0 = linalg.fill ins(%zero : f32) outs(%re : tensor<2x3x7xf32>) -> tensor<2x3x7xf32>
  %sum = linalg.reduce ins(%e : tensor<2x3x7x9xf32>) outs(%z0 : tensor<2x3x7xf32>) dimensions = [3]
    (%in: f32, %acc: f32) {
      %r = arith.addf %in, %acc : f32
      linalg.yield %r : f32
    }
  %sb = linalg.broadcast ins(%sum : tensor<2x3x7xf32>) outs(%se : tensor<2x3x7x9xf32>) dimensions = [3]
  %one = arith.constant dense<1.0> : tensor<2x3x7x9xf32>
  %inv = arith.divf %one, %sb : tensor<2x3x7x9xf32>
  %p = arith.mulf %e, %inv : tensor<2x3x7x9xf32>
  %oe = tensor.empty() : tensor<2x3x7x6xf32>
  %o0 = linalg.fill ins(%zero : f32) outs(%oe : tensor<2x3x7x6xf32>) -> tensor<2x3x7x6xf32>
  %o = linalg.generic {indexing_maps = [#p, #v, #o], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%p, %vf : tensor<2x3x7x9xf32>, tensor<2x3x9x6xf32>) outs(%o0 : tensor<2x3x7x6xf32>) {
  ^bb0(%a: f32, %b: f32, %c: f32):
    %m = arith.mulf %a, %b : f32
    %r = arith.addf %c, %m : f32
    linalg.yield %r : f32
  } -> tensor<2x3x7x6xf32>
  return %o : tensor<2x3x7x6xf32>
}

// A per-head table of positive factors above a -inf select, and the scale
// written as the negation of a negative product: -((s' * table) * -0.4).
func.func @tensor_table_negf(%q: tensor<2x3x7x5xf32>, %k: tensor<2x3x9x5xf32>, %v: tensor<2x3x9x6xf32>, %keep: tensor<2x1x7x9xi1>) -> tensor<2x3x7x6xf32> {
  %zero = arith.constant 0.0 : f32
  %ninf = arith.constant 0xFF800000 : f32
  %se = tensor.empty() : tensor<2x3x7x9xf32>
  %s0 = linalg.fill ins(%zero : f32) outs(%se : tensor<2x3x7x9xf32>) -> tensor<2x3x7x9xf32>
  %s = linalg.generic {indexing_maps = [#q, #k, #s], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%q, %k : tensor<2x3x7x5xf32>, tensor<2x3x9x5xf32>) outs(%s0 : tensor<2x3x7x9xf32>) {
  ^bb0(%a: f32, %b: f32, %c: f32):
    %m = arith.mulf %a, %b : f32
    %r = arith.addf %c, %m : f32
    linalg.yield %r : f32
  } -> tensor<2x3x7x9xf32>
  %keep3 = tensor.collapse_shape %keep [[0, 1], [2], [3]] : tensor<2x1x7x9xi1> into tensor<2x7x9xi1>
  %kbe = tensor.empty() : tensor<2x3x7x9xi1>
  %kb = linalg.broadcast ins(%keep3 : tensor<2x7x9xi1>) outs(%kbe : tensor<2x3x7x9xi1>) dimensions = [1]
  %ninfs = arith.constant dense<0xFF800000> : tensor<2x3x7x9xf32>
  %y = arith.select %kb, %s, %ninfs : tensor<2x3x7x9xi1>, tensor<2x3x7x9xf32>
  %table = arith.constant dense<[0.3, 0.5, 0.8]> : tensor<3xf32>
  %tb = linalg.broadcast ins(%table : tensor<3xf32>) outs(%se : tensor<2x3x7x9xf32>) dimensions = [0, 2, 3]
  %z = arith.mulf %y, %tb : tensor<2x3x7x9xf32>
  %c = arith.constant dense<-0.4> : tensor<2x3x7x9xf32>
  %w = arith.mulf %z, %c : tensor<2x3x7x9xf32>
  %x = arith.negf %w : tensor<2x3x7x9xf32>
  %re = tensor.empty() : tensor<2x3x7xf32>
  %m0 = linalg.fill ins(%ninf : f32) outs(%re : tensor<2x3x7xf32>) -> tensor<2x3x7xf32>
  %max = linalg.reduce ins(%x : tensor<2x3x7x9xf32>) outs(%m0 : tensor<2x3x7xf32>) dimensions = [3]
    (%in: f32, %acc: f32) {
      %r = arith.maximumf %in, %acc : f32
      linalg.yield %r : f32
    }
  %mb = linalg.broadcast ins(%max : tensor<2x3x7xf32>) outs(%se : tensor<2x3x7x9xf32>) dimensions = [3]
  %shift = arith.subf %x, %mb : tensor<2x3x7x9xf32>
  %e = math.exp %shift : tensor<2x3x7x9xf32>
  %z0 = linalg.fill ins(%zero : f32) outs(%re : tensor<2x3x7xf32>) -> tensor<2x3x7xf32>
  %sum = linalg.reduce ins(%e : tensor<2x3x7x9xf32>) outs(%z0 : tensor<2x3x7xf32>) dimensions = [3]
    (%in: f32, %acc: f32) {
      %r = arith.addf %in, %acc : f32
      linalg.yield %r : f32
    }
  %sb = linalg.broadcast ins(%sum : tensor<2x3x7xf32>) outs(%se : tensor<2x3x7x9xf32>) dimensions = [3]
  %p = arith.divf %e, %sb : tensor<2x3x7x9xf32>
  %oe = tensor.empty() : tensor<2x3x7x6xf32>
  %o0 = linalg.fill ins(%zero : f32) outs(%oe : tensor<2x3x7x6xf32>) -> tensor<2x3x7x6xf32>
  %o = linalg.generic {indexing_maps = [#p, #v, #o], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%p, %v : tensor<2x3x7x9xf32>, tensor<2x3x9x6xf32>) outs(%o0 : tensor<2x3x7x6xf32>) {
  ^bb0(%a: f32, %b: f32, %c2: f32):
    %m = arith.mulf %a, %b : f32
    %r = arith.addf %c2, %m : f32
    linalg.yield %r : f32
  } -> tensor<2x3x7x6xf32>
  return %o : tensor<2x3x7x6xf32>
}

// Q centred by its mean over the head dim (a LayerNorm's first step, with
// its own reduction) before the scores: Q is read as the centred tensor.
func.func @centred_q(%q: tensor<2x3x7x5xf32>, %k: tensor<2x3x9x5xf32>, %v: tensor<2x3x9x6xf32>) -> tensor<2x3x7x6xf32> {
  %zero = arith.constant 0.0 : f32
  %ninf = arith.constant 0xFF800000 : f32
  %me = tensor.empty() : tensor<2x3x7xf32>
  %m0 = linalg.fill ins(%zero : f32) outs(%me : tensor<2x3x7xf32>) -> tensor<2x3x7xf32>
  %qs = linalg.reduce ins(%q : tensor<2x3x7x5xf32>) outs(%m0 : tensor<2x3x7xf32>) dimensions = [3]
    (%in: f32, %acc: f32) {
      %r = arith.addf %in, %acc : f32
      linalg.yield %r : f32
    }
  %qe = tensor.empty() : tensor<2x3x7x5xf32>
  %qb = linalg.broadcast ins(%qs : tensor<2x3x7xf32>) outs(%qe : tensor<2x3x7x5xf32>) dimensions = [3]
  %fifth = arith.constant dense<0.2> : tensor<2x3x7x5xf32>
  %mean = arith.mulf %qb, %fifth : tensor<2x3x7x5xf32>
  %qc = arith.subf %q, %mean : tensor<2x3x7x5xf32>
  %se = tensor.empty() : tensor<2x3x7x9xf32>
  %s0 = linalg.fill ins(%zero : f32) outs(%se : tensor<2x3x7x9xf32>) -> tensor<2x3x7x9xf32>
  %s = linalg.generic {indexing_maps = [#q, #k, #s], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%qc, %k : tensor<2x3x7x5xf32>, tensor<2x3x9x5xf32>) outs(%s0 : tensor<2x3x7x9xf32>) {
  ^bb0(%a: f32, %b: f32, %c: f32):
    %m = arith.mulf %a, %b : f32
    %r = arith.addf %c, %m : f32
    linalg.yield %r : f32
  } -> tensor<2x3x7x9xf32>
  %sp = linalg.softmax dimension(3) ins(%s : tensor<2x3x7x9xf32>) outs(%se : tensor<2x3x7x9xf32>) -> tensor<2x3x7x9xf32>
  %oe = tensor.empty() : tensor<2x3x7x6xf32>
  %o0 = linalg.fill ins(%zero : f32) outs(%oe : tensor<2x3x7x6xf32>) -> tensor<2x3x7x6xf32>
  %o = linalg.generic {indexing_maps = [#p, #v, #o], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%sp, %v : tensor<2x3x7x9xf32>, tensor<2x3x9x6xf32>) outs(%o0 : tensor<2x3x7x6xf32>) {
  ^bb0(%a: f32, %b: f32, %c2: f32):
    %m = arith.mulf %a, %b : f32
    %r = arith.addf %c2, %m : f32
    linalg.yield %r : f32
  } -> tensor<2x3x7x6xf32>
  return %o : tensor<2x3x7x6xf32>
}

// V centred the same way over its head dim.
func.func @centred_v(%q: tensor<2x3x7x5xf32>, %k: tensor<2x3x9x5xf32>, %v: tensor<2x3x9x6xf32>) -> tensor<2x3x7x6xf32> {
  %zero = arith.constant 0.0 : f32
  %ninf = arith.constant 0xFF800000 : f32
  %me = tensor.empty() : tensor<2x3x9xf32>
  %m0 = linalg.fill ins(%zero : f32) outs(%me : tensor<2x3x9xf32>) -> tensor<2x3x9xf32>
  %qs = linalg.reduce ins(%v : tensor<2x3x9x6xf32>) outs(%m0 : tensor<2x3x9xf32>) dimensions = [3]
    (%in: f32, %acc: f32) {
      %r = arith.addf %in, %acc : f32
      linalg.yield %r : f32
    }
  %qe = tensor.empty() : tensor<2x3x9x6xf32>
  %qb = linalg.broadcast ins(%qs : tensor<2x3x9xf32>) outs(%qe : tensor<2x3x9x6xf32>) dimensions = [3]
  %fifth = arith.constant dense<0.16666667> : tensor<2x3x9x6xf32>
  %mean = arith.mulf %qb, %fifth : tensor<2x3x9x6xf32>
  %vc = arith.subf %v, %mean : tensor<2x3x9x6xf32>
  %se = tensor.empty() : tensor<2x3x7x9xf32>
  %s0 = linalg.fill ins(%zero : f32) outs(%se : tensor<2x3x7x9xf32>) -> tensor<2x3x7x9xf32>
  %s = linalg.generic {indexing_maps = [#q, #k, #s], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%q, %k : tensor<2x3x7x5xf32>, tensor<2x3x9x5xf32>) outs(%s0 : tensor<2x3x7x9xf32>) {
  ^bb0(%a: f32, %b: f32, %c: f32):
    %m = arith.mulf %a, %b : f32
    %r = arith.addf %c, %m : f32
    linalg.yield %r : f32
  } -> tensor<2x3x7x9xf32>
  %sp = linalg.softmax dimension(3) ins(%s : tensor<2x3x7x9xf32>) outs(%se : tensor<2x3x7x9xf32>) -> tensor<2x3x7x9xf32>
  %oe = tensor.empty() : tensor<2x3x7x6xf32>
  %o0 = linalg.fill ins(%zero : f32) outs(%oe : tensor<2x3x7x6xf32>) -> tensor<2x3x7x6xf32>
  %o = linalg.generic {indexing_maps = [#p, #v, #o], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%sp, %vc : tensor<2x3x7x9xf32>, tensor<2x3x9x6xf32>) outs(%o0 : tensor<2x3x7x6xf32>) {
  ^bb0(%a: f32, %b: f32, %c2: f32):
    %m = arith.mulf %a, %b : f32
    %r = arith.addf %c2, %m : f32
    linalg.yield %r : f32
  } -> tensor<2x3x7x6xf32>
  return %o : tensor<2x3x7x6xf32>
}

func.func @fill(%t: tensor<?x?x?x?xf32>, %seed: f32, %amp: f32) -> tensor<?x?x?x?xf32> {
  %r = linalg.generic {indexing_maps = [#id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} outs(%t : tensor<?x?x?x?xf32>) {
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

// keep[b, 0, i, j] = (7i + 3j + b) mod 5 != 0: 3j runs through every
// residue, so each row keeps keys.
func.func @keep_mask() -> tensor<2x1x7x9xi1> {
  %e = tensor.empty() : tensor<2x1x7x9xi1>
  %r = linalg.generic {indexing_maps = [#id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} outs(%e : tensor<2x1x7x9xi1>) {
  ^bb0(%o: i1):
    %b = linalg.index 0 : index
    %i = linalg.index 2 : index
    %j = linalg.index 3 : index
    %c0 = arith.constant 0 : index
    %c3 = arith.constant 3 : index
    %c5 = arith.constant 5 : index
    %c7 = arith.constant 7 : index
    %t0 = arith.muli %i, %c7 : index
    %t1 = arith.muli %j, %c3 : index
    %t2 = arith.addi %t0, %t1 : index
    %t3 = arith.addi %t2, %b : index
    %t4 = arith.remui %t3, %c5 : index
    %k = arith.cmpi ne, %t4, %c0 : index
    linalg.yield %k : i1
  } -> tensor<2x1x7x9xi1>
  return %r : tensor<2x1x7x9xi1>
}

// Key padding: pad[b, h, i, j] = 1 for the first 9 - 3b keys, else 0.
func.func @padding() -> tensor<2x3x7x9xf32> {
  %e = tensor.empty() : tensor<2x3x7x9xf32>
  %r = linalg.generic {indexing_maps = [#id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} outs(%e : tensor<2x3x7x9xf32>) {
  ^bb0(%o: f32):
    %b = linalg.index 0 : index
    %j = linalg.index 3 : index
    %c3 = arith.constant 3 : index
    %c9 = arith.constant 9 : index
    %t0 = arith.muli %b, %c3 : index
    %n = arith.subi %c9, %t0 : index
    %in = arith.cmpi ult, %j, %n : index
    %one = arith.constant 1.0 : f32
    %zero = arith.constant 0.0 : f32
    %f = arith.select %in, %one, %zero : f32
    linalg.yield %f : f32
  } -> tensor<2x3x7x9xf32>
  return %r : tensor<2x3x7x9xf32>
}

func.func @main() {
  %q_e = tensor.empty() : tensor<2x3x7x5xf32>
  %q_d = tensor.cast %q_e : tensor<2x3x7x5xf32> to tensor<?x?x?x?xf32>
  %q_s = arith.constant 0.0 : f32
  %q_a = arith.constant 2.0 : f32
  %q_r = call @fill(%q_d, %q_s, %q_a) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %q = tensor.cast %q_r : tensor<?x?x?x?xf32> to tensor<2x3x7x5xf32>
  %k_e = tensor.empty() : tensor<2x3x9x5xf32>
  %k_d = tensor.cast %k_e : tensor<2x3x9x5xf32> to tensor<?x?x?x?xf32>
  %k_s = arith.constant 1.7 : f32
  %k_a = arith.constant 2.0 : f32
  %k_r = call @fill(%k_d, %k_s, %k_a) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %k = tensor.cast %k_r : tensor<?x?x?x?xf32> to tensor<2x3x9x5xf32>
  %v_e = tensor.empty() : tensor<2x3x9x6xf32>
  %v_d = tensor.cast %v_e : tensor<2x3x9x6xf32> to tensor<?x?x?x?xf32>
  %v_s = arith.constant 2.9 : f32
  %v_a = arith.constant 2.0 : f32
  %v_r = call @fill(%v_d, %v_s, %v_a) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %v = tensor.cast %v_r : tensor<?x?x?x?xf32> to tensor<2x3x9x6xf32>
  %keep = call @keep_mask() : () -> tensor<2x1x7x9xi1>
  %o1 = call @tensor_arith(%q, %k, %v, %keep) : (tensor<2x3x7x5xf32>, tensor<2x3x9x5xf32>, tensor<2x3x9x6xf32>, tensor<2x1x7x9xi1>) -> tensor<2x3x7x6xf32>
  %u1 = tensor.cast %o1 : tensor<2x3x7x6xf32> to tensor<*xf32>
  call @printMemrefF32(%u1) : (tensor<*xf32>) -> ()
  %qh = arith.truncf %q : tensor<2x3x7x5xf32> to tensor<2x3x7x5xf16>
  %kh = arith.truncf %k : tensor<2x3x9x5xf32> to tensor<2x3x9x5xf16>
  %vh = arith.truncf %v : tensor<2x3x9x6xf32> to tensor<2x3x9x6xf16>
  %pad = call @padding() : () -> tensor<2x3x7x9xf32>
  %temp = arith.constant 0.3 : f32
  %o2 = call @tensor_arith_f16_splat(%qh, %kh, %vh, %pad, %temp) : (tensor<2x3x7x5xf16>, tensor<2x3x9x5xf16>, tensor<2x3x9x6xf16>, tensor<2x3x7x9xf32>, f32) -> tensor<2x3x7x6xf32>
  %u2 = tensor.cast %o2 : tensor<2x3x7x6xf32> to tensor<*xf32>
  call @printMemrefF32(%u2) : (tensor<*xf32>) -> ()
  %o3 = call @tensor_table_negf(%q, %k, %v, %keep) : (tensor<2x3x7x5xf32>, tensor<2x3x9x5xf32>, tensor<2x3x9x6xf32>, tensor<2x1x7x9xi1>) -> tensor<2x3x7x6xf32>
  %u3 = tensor.cast %o3 : tensor<2x3x7x6xf32> to tensor<*xf32>
  call @printMemrefF32(%u3) : (tensor<*xf32>) -> ()
  %o4 = call @centred_q(%q, %k, %v) : (tensor<2x3x7x5xf32>, tensor<2x3x9x5xf32>, tensor<2x3x9x6xf32>) -> tensor<2x3x7x6xf32>
  %u4 = tensor.cast %o4 : tensor<2x3x7x6xf32> to tensor<*xf32>
  call @printMemrefF32(%u4) : (tensor<*xf32>) -> ()
  %o5 = call @centred_v(%q, %k, %v) : (tensor<2x3x7x5xf32>, tensor<2x3x9x5xf32>, tensor<2x3x9x6xf32>) -> tensor<2x3x7x6xf32>
  %u5 = tensor.cast %o5 : tensor<2x3x7x6xf32> to tensor<*xf32>
  call @printMemrefF32(%u5) : (tensor<*xf32>) -> ()
  return
}

func.func private @printMemrefF32(tensor<*xf32>)
