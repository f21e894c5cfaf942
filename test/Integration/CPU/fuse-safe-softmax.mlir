// Executed check of PyTorch's `_safe_softmax` (its SDPA decomposition since
// 2.5) raised by attn-fuse-attention: where(all_j(s == -inf), 0, softmax(s))
// with an i1 mask, and where(any_j(s != -inf), softmax(s), 0) with a keepdim
// row test, an additive mask and the max subtracted as x + (-max). The masks
// leave whole rows without a visible key (b = 0, i = 3 for the i1 mask;
// b = 1, i = 2 and 5 for the additive one, -inf there), which both programs
// must print as 0 (the unfused chain through its select, the op by its
// convention). Odd sizes B = 2, H = 3, Sq = 7, Skv = 9, D = 5, Dv = 6; the
// fused and the unfused programs must print the same numbers.
// RUN: attn-opt %s -attn-fuse-attention | FileCheck %s
// RUN: attn-opt %s -attn-cpu-pipeline="fuse=false" | mlir-runner -e main -entry-point-result=void -shared-libs=%runner_libs > %t.ref
// RUN: attn-opt %s -attn-cpu-pipeline="fuse=true" | mlir-runner -e main -entry-point-result=void -shared-libs=%runner_libs > %t.fused
// RUN: %python %attn_src/test/lib/compare_outputs.py %t.ref %t.fused --rtol 1e-4 --atol 1e-5
// RUN: FileCheck %s --check-prefix=ZERO < %t.fused

// CHECK-LABEL: func.func @safe_softmax(
// CHECK: attn.attention
// CHECK-NOT: arith.andi
// CHECK: return
// CHECK-LABEL: func.func @safe_softmax_any_keepdim(
// CHECK: attn.attention
// CHECK-NOT: arith.ori
// CHECK: return

// The fully masked rows print as zeros: row 3 of batch 0 in each head of the
// first result, rows 2 and 5 of batch 1 in each head of the second: nine
// rows, no more.
// ZERO-COUNT-9: [0, 0, 0, 0, 0, 0]
// ZERO-NOT: [0, 0, 0, 0, 0, 0]

#q = affine_map<(b, h, i, j, d) -> (b, h, i, d)>
#k = affine_map<(b, h, i, j, d) -> (b, h, j, d)>
#s = affine_map<(b, h, i, j, d) -> (b, h, i, j)>
#p = affine_map<(b, h, i, e, j) -> (b, h, i, j)>
#v = affine_map<(b, h, i, e, j) -> (b, h, j, e)>
#o = affine_map<(b, h, i, e, j) -> (b, h, i, e)>
#id = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#m1 = affine_map<(d0, d1, d2, d3) -> (d0, 0, d2, d3)>
#row = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>
#row0 = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, 0)>
#gen = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>

func.func @safe_softmax(%q: tensor<2x3x7x5xf32>, %k: tensor<2x3x9x5xf32>, %v: tensor<2x3x9x6xf32>, %keep: tensor<2x1x7x9xi1>) -> tensor<2x3x7x6xf32> {
  %zero = arith.constant 0.0 : f32
  %ninf = arith.constant 0xFF800000 : f32
  %true = arith.constant true
  %c = arith.constant 0.4472136 : f32
  %e = tensor.empty() : tensor<2x3x7x9xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<2x3x7x9xf32>) -> tensor<2x3x7x9xf32>
  %s = linalg.generic {indexing_maps = [#q, #k, #s], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%q, %k : tensor<2x3x7x5xf32>, tensor<2x3x9x5xf32>) outs(%f : tensor<2x3x7x9xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %m = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %m : f32
    linalg.yield %r : f32
  } -> tensor<2x3x7x9xf32>
  %sm = linalg.generic {indexing_maps = [#id, #m1, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%s, %keep : tensor<2x3x7x9xf32>, tensor<2x1x7x9xi1>) outs(%e : tensor<2x3x7x9xf32>) {
  ^bb0(%a: f32, %kp: i1, %o: f32):
    %x = arith.mulf %a, %c : f32
    %r = arith.select %kp, %x, %ninf : f32
    linalg.yield %r : f32
  } -> tensor<2x3x7x9xf32>
  %p0 = linalg.softmax dimension(3) ins(%sm : tensor<2x3x7x9xf32>) outs(%e : tensor<2x3x7x9xf32>) -> tensor<2x3x7x9xf32>
  %eb = tensor.empty() : tensor<2x3x7x9xi1>
  %isninf = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%sm : tensor<2x3x7x9xf32>) outs(%eb : tensor<2x3x7x9xi1>) {
  ^bb0(%a: f32, %o: i1):
    %r = arith.cmpf oeq, %a, %ninf : f32
    linalg.yield %r : i1
  } -> tensor<2x3x7x9xi1>
  %er = tensor.empty() : tensor<2x3x7xi1>
  %ft = linalg.fill ins(%true : i1) outs(%er : tensor<2x3x7xi1>) -> tensor<2x3x7xi1>
  %all = linalg.generic {indexing_maps = [#id, #row], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%isninf : tensor<2x3x7x9xi1>) outs(%ft : tensor<2x3x7xi1>) {
  ^bb0(%a: i1, %acc: i1):
    %r = arith.andi %a, %acc : i1
    linalg.yield %r : i1
  } -> tensor<2x3x7xi1>
  %p = linalg.generic {indexing_maps = [#id, #row, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%p0, %all : tensor<2x3x7x9xf32>, tensor<2x3x7xi1>) outs(%e : tensor<2x3x7x9xf32>) {
  ^bb0(%a: f32, %z: i1, %o: f32):
    %r = arith.select %z, %zero, %a : f32
    linalg.yield %r : f32
  } -> tensor<2x3x7x9xf32>
  %eo = tensor.empty() : tensor<2x3x7x6xf32>
  %fo = linalg.fill ins(%zero : f32) outs(%eo : tensor<2x3x7x6xf32>) -> tensor<2x3x7x6xf32>
  %out = linalg.generic {indexing_maps = [#p, #v, #o], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%p, %v : tensor<2x3x7x9xf32>, tensor<2x3x9x6xf32>) outs(%fo : tensor<2x3x7x6xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %m = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %m : f32
    linalg.yield %r : f32
  } -> tensor<2x3x7x6xf32>
  return %out : tensor<2x3x7x6xf32>
}
func.func @safe_softmax_any_keepdim(%q: tensor<2x3x7x5xf32>, %k: tensor<2x3x9x5xf32>, %v: tensor<2x3x9x6xf32>, %bias: tensor<2x1x7x9xf32>) -> tensor<2x3x7x6xf32> {
  %zero = arith.constant 0.0 : f32
  %ninf = arith.constant 0xFF800000 : f32
  %false = arith.constant false
  %e = tensor.empty() : tensor<2x3x7x9xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<2x3x7x9xf32>) -> tensor<2x3x7x9xf32>
  %s = linalg.generic {indexing_maps = [#q, #k, #s], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%q, %k : tensor<2x3x7x5xf32>, tensor<2x3x9x5xf32>) outs(%f : tensor<2x3x7x9xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %m = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %m : f32
    linalg.yield %r : f32
  } -> tensor<2x3x7x9xf32>
  %sm = linalg.generic {indexing_maps = [#id, #m1, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%s, %bias : tensor<2x3x7x9xf32>, tensor<2x1x7x9xf32>) outs(%e : tensor<2x3x7x9xf32>) {
  ^bb0(%a: f32, %m: f32, %o: f32):
    %r = arith.addf %a, %m : f32
    linalg.yield %r : f32
  } -> tensor<2x3x7x9xf32>
  %er = tensor.empty() : tensor<2x3x7xf32>
  %fm = linalg.fill ins(%ninf : f32) outs(%er : tensor<2x3x7xf32>) -> tensor<2x3x7xf32>
  %mx = linalg.generic {indexing_maps = [#id, #row], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%sm : tensor<2x3x7x9xf32>) outs(%fm : tensor<2x3x7xf32>) {
  ^bb0(%a: f32, %acc: f32):
    %r = arith.maximumf %a, %acc : f32
    linalg.yield %r : f32
  } -> tensor<2x3x7xf32>
  %ex = linalg.generic {indexing_maps = [#id, #row, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%sm, %mx : tensor<2x3x7x9xf32>, tensor<2x3x7xf32>) outs(%e : tensor<2x3x7x9xf32>) {
  ^bb0(%a: f32, %b: f32, %o: f32):
    %nb = arith.negf %b : f32
    %d = arith.addf %a, %nb : f32
    %r = math.exp %d : f32
    linalg.yield %r : f32
  } -> tensor<2x3x7x9xf32>
  %fs = linalg.fill ins(%zero : f32) outs(%er : tensor<2x3x7xf32>) -> tensor<2x3x7xf32>
  %sum = linalg.generic {indexing_maps = [#id, #row], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%ex : tensor<2x3x7x9xf32>) outs(%fs : tensor<2x3x7xf32>) {
  ^bb0(%a: f32, %acc: f32):
    %r = arith.addf %a, %acc : f32
    linalg.yield %r : f32
  } -> tensor<2x3x7xf32>
  %p0 = linalg.generic {indexing_maps = [#id, #row, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%ex, %sum : tensor<2x3x7x9xf32>, tensor<2x3x7xf32>) outs(%e : tensor<2x3x7x9xf32>) {
  ^bb0(%a: f32, %b: f32, %o: f32):
    %r = arith.divf %a, %b : f32
    linalg.yield %r : f32
  } -> tensor<2x3x7x9xf32>
  %e1 = tensor.empty() : tensor<2x3x7x1xi1>
  %ff = linalg.fill ins(%false : i1) outs(%e1 : tensor<2x3x7x1xi1>) -> tensor<2x3x7x1xi1>
  %any = linalg.generic {indexing_maps = [#id, #row0], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%sm : tensor<2x3x7x9xf32>) outs(%ff : tensor<2x3x7x1xi1>) {
  ^bb0(%a: f32, %acc: i1):
    %ne = arith.cmpf une, %a, %ninf : f32
    %r = arith.ori %ne, %acc : i1
    linalg.yield %r : i1
  } -> tensor<2x3x7x1xi1>
  %p = linalg.generic {indexing_maps = [#id, #row0, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%p0, %any : tensor<2x3x7x9xf32>, tensor<2x3x7x1xi1>) outs(%e : tensor<2x3x7x9xf32>) {
  ^bb0(%a: f32, %z: i1, %o: f32):
    %r = arith.select %z, %a, %zero : f32
    linalg.yield %r : f32
  } -> tensor<2x3x7x9xf32>
  %eo = tensor.empty() : tensor<2x3x7x6xf32>
  %fo = linalg.fill ins(%zero : f32) outs(%eo : tensor<2x3x7x6xf32>) -> tensor<2x3x7x6xf32>
  %out = linalg.generic {indexing_maps = [#p, #v, #o], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%p, %v : tensor<2x3x7x9xf32>, tensor<2x3x9x6xf32>) outs(%fo : tensor<2x3x7x6xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %m = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %m : f32
    linalg.yield %r : f32
  } -> tensor<2x3x7x6xf32>
  return %out : tensor<2x3x7x6xf32>
}
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
    %some = arith.cmpi ne, %t4, %c0 : index
    %isb0 = arith.cmpi eq, %b, %c0 : index
    %isi3 = arith.cmpi eq, %i, %c3 : index
    %dead = arith.andi %isb0, %isi3 : i1
    %true = arith.constant true
    %alive = arith.xori %dead, %true : i1
    %k = arith.andi %some, %alive : i1
    linalg.yield %k : i1
  } -> tensor<2x1x7x9xi1>
  return %r : tensor<2x1x7x9xi1>
}

func.func @bias(%base: tensor<2x1x7x9xf32>) -> tensor<2x1x7x9xf32> {
  %e = tensor.empty() : tensor<2x1x7x9xf32>
  %r = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%base : tensor<2x1x7x9xf32>) outs(%e : tensor<2x1x7x9xf32>) {
  ^bb0(%x: f32, %o: f32):
    %b = linalg.index 0 : index
    %i = linalg.index 2 : index
    %c1 = arith.constant 1 : index
    %c2 = arith.constant 2 : index
    %c5 = arith.constant 5 : index
    %isb1 = arith.cmpi eq, %b, %c1 : index
    %isi2 = arith.cmpi eq, %i, %c2 : index
    %isi5 = arith.cmpi eq, %i, %c5 : index
    %row = arith.ori %isi2, %isi5 : i1
    %dead = arith.andi %isb1, %row : i1
    %ninf = arith.constant 0xFF800000 : f32
    %m = arith.select %dead, %ninf, %x : f32
    linalg.yield %m : f32
  } -> tensor<2x1x7x9xf32>
  return %r : tensor<2x1x7x9xf32>
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
  %bb_e = tensor.empty() : tensor<2x1x7x9xf32>
  %bb_d = tensor.cast %bb_e : tensor<2x1x7x9xf32> to tensor<?x?x?x?xf32>
  %bb_s = arith.constant 0.6 : f32
  %bb_a = arith.constant 3.0 : f32
  %bb_r = call @fill(%bb_d, %bb_s, %bb_a) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %bb = tensor.cast %bb_r : tensor<?x?x?x?xf32> to tensor<2x1x7x9xf32>
  %keep = call @keep_mask() : () -> tensor<2x1x7x9xi1>
  %bias = call @bias(%bb) : (tensor<2x1x7x9xf32>) -> tensor<2x1x7x9xf32>
  %o1 = call @safe_softmax(%q, %k, %v, %keep) : (tensor<2x3x7x5xf32>, tensor<2x3x9x5xf32>, tensor<2x3x9x6xf32>, tensor<2x1x7x9xi1>) -> tensor<2x3x7x6xf32>
  %u1 = tensor.cast %o1 : tensor<2x3x7x6xf32> to tensor<*xf32>
  call @printMemrefF32(%u1) : (tensor<*xf32>) -> ()
  %o2 = call @safe_softmax_any_keepdim(%q, %k, %v, %bias) : (tensor<2x3x7x5xf32>, tensor<2x3x9x5xf32>, tensor<2x3x9x6xf32>, tensor<2x1x7x9xf32>) -> tensor<2x3x7x6xf32>
  %u2 = tensor.cast %o2 : tensor<2x3x7x6xf32> to tensor<*xf32>
  call @printMemrefF32(%u2) : (tensor<*xf32>) -> ()
  return
}

func.func private @printMemrefF32(tensor<*xf32>)
