// RUN: attn-opt %s -split-input-file -attn-fuse-attention | FileCheck %s

// Keep conditions on indices that causal/window cannot express are evaluated
// once into a dense [Sq, Skv] i1 mask: the condition's ops are cloned into a
// generic over (i, j), so narrow integer types wrap exactly as in the chain.
// These were left alone before (test/Integration/CPU/fuse-index-dense-mask.mlir
// runs such masks against the unfused chain).


// -----

// The indices 0 .. 129 cast to i8 wrap from 128 on: not causal, but the
// same condition, i8 casts included, as a dense mask.
// CHECK-LABEL: func.func @i8_index_cast_wraps
// CHECK: %[[M:.+]] = linalg.generic {{.*}} outs(%{{.+}} : tensor<130x130xi1>)
// CHECK-DAG: arith.index_cast %{{.+}} : index to i8
// CHECK-DAG: arith.cmpi sle, %{{.+}}, %{{.+}} : i8
// CHECK: attn.attention
// CHECK-SAME: mask(%[[M]] : tensor<130x130xi1>)
// CHECK-NOT: causal
// CHECK-SAME: scale = 5.000000e-01
#q = affine_map<(b, h, i, j, d) -> (b, h, i, d)>
#k = affine_map<(b, h, i, j, d) -> (b, h, j, d)>
#s = affine_map<(b, h, i, j, d) -> (b, h, i, j)>
#p = affine_map<(b, h, i, e, j) -> (b, h, i, j)>
#v = affine_map<(b, h, i, e, j) -> (b, h, j, e)>
#o = affine_map<(b, h, i, e, j) -> (b, h, i, e)>
#id = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>

func.func @i8_index_cast_wraps(%q: tensor<1x1x130x4xf32>, %k: tensor<1x1x130x4xf32>, %v: tensor<1x1x130x4xf32>) -> tensor<1x1x130x4xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<1x1x130x130xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<1x1x130x130xf32>) -> tensor<1x1x130x130xf32>
  %s0 = linalg.generic {indexing_maps = [#q, #k, #s], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%q, %k : tensor<1x1x130x4xf32>, tensor<1x1x130x4xf32>) outs(%f : tensor<1x1x130x130xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %m = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %m : f32
    linalg.yield %r : f32
  } -> tensor<1x1x130x130xf32>
  %s1 = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%s0 : tensor<1x1x130x130xf32>) outs(%e : tensor<1x1x130x130xf32>) {
  ^bb0(%x: f32, %unused: f32):
    %i = linalg.index 2 : index
    %j = linalg.index 3 : index
    %i8 = arith.index_cast %i : index to i8
    %j8 = arith.index_cast %j : index to i8
    %keep = arith.cmpi sle, %j8, %i8 : i8
    %ninf = arith.constant 0xFF800000 : f32
    %y = arith.select %keep, %x, %ninf : f32
    linalg.yield %y : f32
  } -> tensor<1x1x130x130xf32>
  %s2 = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%s1 : tensor<1x1x130x130xf32>) outs(%e : tensor<1x1x130x130xf32>) {
  ^bb0(%x: f32, %unused: f32):
    %c = arith.constant 0.5 : f32
    %y = arith.mulf %x, %c : f32
    linalg.yield %y : f32
  } -> tensor<1x1x130x130xf32>
  %sm = linalg.softmax dimension(3) ins(%s2 : tensor<1x1x130x130xf32>) outs(%e : tensor<1x1x130x130xf32>) -> tensor<1x1x130x130xf32>
  %eo = tensor.empty() : tensor<1x1x130x4xf32>
  %fo = linalg.fill ins(%zero : f32) outs(%eo : tensor<1x1x130x4xf32>) -> tensor<1x1x130x4xf32>
  %r = linalg.generic {indexing_maps = [#p, #v, #o], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%sm, %v : tensor<1x1x130x130xf32>, tensor<1x1x130x4xf32>) outs(%fo : tensor<1x1x130x4xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %m = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %m : f32
    linalg.yield %r : f32
  } -> tensor<1x1x130x4xf32>
  return %r : tensor<1x1x130x4xf32>
}

// -----

// j + 126 <= i + 126 in i8 wraps for j, i >= 2: the additions stay in i8.
// CHECK-LABEL: func.func @i8_offset_wraps
// CHECK: %[[M:.+]] = linalg.generic {{.*}} outs(%{{.+}} : tensor<5x5xi1>)
// CHECK: arith.addi %{{.+}}, %{{.+}} : i8
// CHECK: arith.cmpi sle, %{{.+}}, %{{.+}} : i8
// CHECK: attn.attention
// CHECK-SAME: mask(%[[M]] : tensor<5x5xi1>)
// CHECK-NOT: causal
#q = affine_map<(b, h, i, j, d) -> (b, h, i, d)>
#k = affine_map<(b, h, i, j, d) -> (b, h, j, d)>
#s = affine_map<(b, h, i, j, d) -> (b, h, i, j)>
#p = affine_map<(b, h, i, e, j) -> (b, h, i, j)>
#v = affine_map<(b, h, i, e, j) -> (b, h, j, e)>
#o = affine_map<(b, h, i, e, j) -> (b, h, i, e)>
#id = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>

func.func @i8_offset_wraps(%q: tensor<1x1x5x4xf32>, %k: tensor<1x1x5x4xf32>, %v: tensor<1x1x5x4xf32>) -> tensor<1x1x5x4xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<1x1x5x5xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<1x1x5x5xf32>) -> tensor<1x1x5x5xf32>
  %s0 = linalg.generic {indexing_maps = [#q, #k, #s], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%q, %k : tensor<1x1x5x4xf32>, tensor<1x1x5x4xf32>) outs(%f : tensor<1x1x5x5xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %m = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %m : f32
    linalg.yield %r : f32
  } -> tensor<1x1x5x5xf32>
  %s1 = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%s0 : tensor<1x1x5x5xf32>) outs(%e : tensor<1x1x5x5xf32>) {
  ^bb0(%x: f32, %unused: f32):
    %i = linalg.index 2 : index
    %j = linalg.index 3 : index
    %i8 = arith.index_cast %i : index to i8
    %j8 = arith.index_cast %j : index to i8
    %c = arith.constant 126 : i8
    %ja = arith.addi %j8, %c : i8
    %ia = arith.addi %i8, %c : i8
    %keep = arith.cmpi sle, %ja, %ia : i8
    %ninf = arith.constant 0xFF800000 : f32
    %y = arith.select %keep, %x, %ninf : f32
    linalg.yield %y : f32
  } -> tensor<1x1x5x5xf32>
  %s2 = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%s1 : tensor<1x1x5x5xf32>) outs(%e : tensor<1x1x5x5xf32>) {
  ^bb0(%x: f32, %unused: f32):
    %c = arith.constant 0.5 : f32
    %y = arith.mulf %x, %c : f32
    linalg.yield %y : f32
  } -> tensor<1x1x5x5xf32>
  %sm = linalg.softmax dimension(3) ins(%s2 : tensor<1x1x5x5xf32>) outs(%e : tensor<1x1x5x5xf32>) -> tensor<1x1x5x5xf32>
  %eo = tensor.empty() : tensor<1x1x5x4xf32>
  %fo = linalg.fill ins(%zero : f32) outs(%eo : tensor<1x1x5x4xf32>) -> tensor<1x1x5x4xf32>
  %r = linalg.generic {indexing_maps = [#p, #v, #o], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%sm, %v : tensor<1x1x5x5xf32>, tensor<1x1x5x4xf32>) outs(%fo : tensor<1x1x5x4xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %m = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %m : f32
    linalg.yield %r : f32
  } -> tensor<1x1x5x4xf32>
  return %r : tensor<1x1x5x4xf32>
}

// -----

// j != i.
// CHECK-LABEL: func.func @not_equal_indices
// CHECK: %[[M:.+]] = linalg.generic {{.*}} outs(%{{.+}} : tensor<6x6xi1>)
// CHECK: arith.cmpi ne
// CHECK: attn.attention
// CHECK-SAME: mask(%[[M]] : tensor<6x6xi1>)
#q = affine_map<(b, h, i, j, d) -> (b, h, i, d)>
#k = affine_map<(b, h, i, j, d) -> (b, h, j, d)>
#s = affine_map<(b, h, i, j, d) -> (b, h, i, j)>
#p = affine_map<(b, h, i, e, j) -> (b, h, i, j)>
#v = affine_map<(b, h, i, e, j) -> (b, h, j, e)>
#o = affine_map<(b, h, i, e, j) -> (b, h, i, e)>
#id = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>

func.func @not_equal_indices(%q: tensor<1x1x6x4xf32>, %k: tensor<1x1x6x4xf32>, %v: tensor<1x1x6x4xf32>) -> tensor<1x1x6x4xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<1x1x6x6xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<1x1x6x6xf32>) -> tensor<1x1x6x6xf32>
  %s0 = linalg.generic {indexing_maps = [#q, #k, #s], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%q, %k : tensor<1x1x6x4xf32>, tensor<1x1x6x4xf32>) outs(%f : tensor<1x1x6x6xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %m = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %m : f32
    linalg.yield %r : f32
  } -> tensor<1x1x6x6xf32>
  %s1 = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%s0 : tensor<1x1x6x6xf32>) outs(%e : tensor<1x1x6x6xf32>) {
  ^bb0(%x: f32, %unused: f32):
    %c = arith.constant 0.5 : f32
    %y = arith.mulf %x, %c : f32
    %i = linalg.index 2 : index
    %j = linalg.index 3 : index
    %keep = arith.cmpi ne, %j, %i : index
    %ninf = arith.constant 0xFF800000 : f32
    %z = arith.select %keep, %y, %ninf : f32
    linalg.yield %z : f32
  } -> tensor<1x1x6x6xf32>
  %sm = linalg.softmax dimension(3) ins(%s1 : tensor<1x1x6x6xf32>) outs(%e : tensor<1x1x6x6xf32>) -> tensor<1x1x6x6xf32>
  %eo = tensor.empty() : tensor<1x1x6x4xf32>
  %fo = linalg.fill ins(%zero : f32) outs(%eo : tensor<1x1x6x4xf32>) -> tensor<1x1x6x4xf32>
  %r = linalg.generic {indexing_maps = [#p, #v, #o], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%sm, %v : tensor<1x1x6x6xf32>, tensor<1x1x6x4xf32>) outs(%fo : tensor<1x1x6x4xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %m = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %m : f32
    linalg.yield %r : f32
  } -> tensor<1x1x6x4xf32>
  return %r : tensor<1x1x6x4xf32>
}

// -----

// 2j <= i.
// CHECK-LABEL: func.func @mask_not_band
// CHECK: %[[M:.+]] = linalg.generic {{.*}} outs(%{{.+}} : tensor<4x6xi1>)
// CHECK: arith.cmpi sle
// CHECK: attn.attention
// CHECK-SAME: mask(%[[M]] : tensor<4x6xi1>)
// CHECK-NOT: causal
#q = affine_map<(b, h, i, j, d) -> (b, h, i, d)>
#k = affine_map<(b, h, i, j, d) -> (b, h, j, d)>
#s = affine_map<(b, h, i, j, d) -> (b, h, i, j)>
#p = affine_map<(b, h, i, e, j) -> (b, h, i, j)>
#v = affine_map<(b, h, i, e, j) -> (b, h, j, e)>
#o = affine_map<(b, h, i, e, j) -> (b, h, i, e)>
#id = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
func.func @mask_not_band(%q: tensor<1x2x4x8xf32>, %k: tensor<1x2x6x8xf32>, %v: tensor<1x2x6x8xf32>) -> tensor<1x2x4x8xf32> {
  %zero = arith.constant 0.0 : f32
  %c = arith.constant 0.125 : f32
  %ninf = arith.constant 0xFF800000 : f32
  %e = tensor.empty() : tensor<1x2x4x6xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<1x2x4x6xf32>) -> tensor<1x2x4x6xf32>
  %s = linalg.generic {indexing_maps = [#q, #k, #s], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%q, %k : tensor<1x2x4x8xf32>, tensor<1x2x6x8xf32>) outs(%f : tensor<1x2x4x6xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %m = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %m : f32
    linalg.yield %r : f32
  } -> tensor<1x2x4x6xf32>
  %ss = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%s : tensor<1x2x4x6xf32>) outs(%e : tensor<1x2x4x6xf32>) {
  ^bb0(%a: f32, %o: f32):
    %i = linalg.index 2 : index
    %j = linalg.index 3 : index
    %j2 = arith.addi %j, %j : index
    %keep = arith.cmpi sle, %j2, %i : index
    %r0 = arith.mulf %a, %c : f32
    %r = arith.select %keep, %r0, %ninf : f32
    linalg.yield %r : f32
  } -> tensor<1x2x4x6xf32>
  %sm = linalg.softmax dimension(3) ins(%ss : tensor<1x2x4x6xf32>) outs(%e : tensor<1x2x4x6xf32>) -> tensor<1x2x4x6xf32>
  %eo = tensor.empty() : tensor<1x2x4x8xf32>
  %fo = linalg.fill ins(%zero : f32) outs(%eo : tensor<1x2x4x8xf32>) -> tensor<1x2x4x8xf32>
  %out = linalg.generic {indexing_maps = [#p, #v, #o], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%sm, %v : tensor<1x2x4x6xf32>, tensor<1x2x6x8xf32>) outs(%fo : tensor<1x2x4x8xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %m = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %m : f32
    linalg.yield %r : f32
  } -> tensor<1x2x4x8xf32>
  return %out : tensor<1x2x4x8xf32>
}

// -----

// j - i ule 0 keeps only j == i (an unsigned comparison of a difference):
// not a band, but exactly that as a dense mask.
// CHECK-LABEL: func.func @idx_diff_ule0_keep
// CHECK: %[[M:.+]] = linalg.generic {{.*}} outs(%{{.+}} : tensor<7x9xi1>)
// CHECK: arith.cmpi ule
// CHECK: attn.attention
// CHECK-SAME: mask(%[[M]] : tensor<7x9xi1>)
// CHECK-NOT: causal
func.func @idx_diff_ule0_keep(%Q0: tensor<2x3x7x5xf32>, %K0: tensor<2x3x9x5xf32>, %V0: tensor<2x3x9x6xf32>) -> tensor<2x3x7x6xf32> {
  %t1 = tensor.empty() : tensor<2x3x7x9xf32>
  %t2 = arith.constant 0.0 : f32
  %t3 = linalg.fill ins(%t2 : f32) outs(%t1 : tensor<2x3x7x9xf32>) -> tensor<2x3x7x9xf32>
  %t4 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d4)>, affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d3, d4)>, affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%Q0, %K0 : tensor<2x3x7x5xf32>, tensor<2x3x9x5xf32>) outs(%t3 : tensor<2x3x7x9xf32>) {
  ^bb0(%a0: f32, %a1: f32, %acc: f32):
    %m = arith.mulf %a0, %a1 : f32
    %r = arith.addf %acc, %m : f32
    linalg.yield %r : f32
  } -> tensor<2x3x7x9xf32>
  %t5 = tensor.empty() : tensor<2x3x7x9xf32>
  %t6 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%t4 : tensor<2x3x7x9xf32>) outs(%t5 : tensor<2x3x7x9xf32>) {
  ^bb0(%a0: f32, %acc: f32):
    %c = arith.constant 0.4472136 : f32
    %r = arith.mulf %a0, %c : f32
    linalg.yield %r : f32
  } -> tensor<2x3x7x9xf32>
  %t7 = tensor.empty() : tensor<2x3x7x9xf32>
  %t8 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%t6 : tensor<2x3x7x9xf32>) outs(%t7 : tensor<2x3x7x9xf32>) {
  ^bb0(%a0: f32, %acc: f32):
    %i = linalg.index 2 : index
    %j = linalg.index 3 : index
    %d = arith.subi %j, %i : index
    %c0 = arith.constant 0 : index
    %keep = arith.cmpi ule, %d, %c0 : index
    %n = arith.constant 0xFF800000 : f32
    %r = arith.select %keep, %a0, %n : f32
    linalg.yield %r : f32
  } -> tensor<2x3x7x9xf32>
  %t9 = tensor.empty() : tensor<2x3x7xf32>
  %t10 = arith.constant 0xFF800000 : f32
  %t11 = linalg.fill ins(%t10 : f32) outs(%t9 : tensor<2x3x7xf32>) -> tensor<2x3x7xf32>
  %t12 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%t8 : tensor<2x3x7x9xf32>) outs(%t11 : tensor<2x3x7xf32>) {
  ^bb0(%a0: f32, %acc: f32):
    %r = arith.maximumf %a0, %acc : f32
    linalg.yield %r : f32
  } -> tensor<2x3x7xf32>
  %t13 = tensor.empty() : tensor<2x3x7x9xf32>
  %t14 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%t8, %t12 : tensor<2x3x7x9xf32>, tensor<2x3x7xf32>) outs(%t13 : tensor<2x3x7x9xf32>) {
  ^bb0(%a0: f32, %a1: f32, %acc: f32):
    %r = arith.subf %a0, %a1 : f32
    linalg.yield %r : f32
  } -> tensor<2x3x7x9xf32>
  %t15 = tensor.empty() : tensor<2x3x7x9xf32>
  %t16 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%t14 : tensor<2x3x7x9xf32>) outs(%t15 : tensor<2x3x7x9xf32>) {
  ^bb0(%a0: f32, %acc: f32):
    %r = math.exp %a0 : f32
    linalg.yield %r : f32
  } -> tensor<2x3x7x9xf32>
  %t17 = tensor.empty() : tensor<2x3x7xf32>
  %t18 = arith.constant 0.0 : f32
  %t19 = linalg.fill ins(%t18 : f32) outs(%t17 : tensor<2x3x7xf32>) -> tensor<2x3x7xf32>
  %t20 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%t16 : tensor<2x3x7x9xf32>) outs(%t19 : tensor<2x3x7xf32>) {
  ^bb0(%a0: f32, %acc: f32):
    %r = arith.addf %a0, %acc : f32
    linalg.yield %r : f32
  } -> tensor<2x3x7xf32>
  %t21 = tensor.empty() : tensor<2x3x7x9xf32>
  %t22 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%t16, %t20 : tensor<2x3x7x9xf32>, tensor<2x3x7xf32>) outs(%t21 : tensor<2x3x7x9xf32>) {
  ^bb0(%a0: f32, %a1: f32, %acc: f32):
    %r = arith.divf %a0, %a1 : f32
    linalg.yield %r : f32
  } -> tensor<2x3x7x9xf32>
  %t23 = tensor.empty() : tensor<2x3x7x6xf32>
  %t24 = arith.constant 0.0 : f32
  %t25 = linalg.fill ins(%t24 : f32) outs(%t23 : tensor<2x3x7x6xf32>) -> tensor<2x3x7x6xf32>
  %t26 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d4)>, affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d4, d3)>, affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%t22, %V0 : tensor<2x3x7x9xf32>, tensor<2x3x9x6xf32>) outs(%t25 : tensor<2x3x7x6xf32>) {
  ^bb0(%a0: f32, %a1: f32, %acc: f32):
    %m = arith.mulf %a0, %a1 : f32
    %r = arith.addf %acc, %m : f32
    linalg.yield %r : f32
  } -> tensor<2x3x7x6xf32>
  return %t26 : tensor<2x3x7x6xf32>
}
