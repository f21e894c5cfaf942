// Executed check of attn-fuse-attention on float masks stored with their
// dims in another order than [B, H, Sq, Skv]: [B, 1, Skv, Sq] read as
// (b, 0, j, i), and [Sq, H, Skv] read as (i, h, j). The op reads them
// through a linalg.transpose into the order the dims are read in (unit
// dims staying where they are) instead of leaving the chain unfused.
// B = 1, H = 2, Sq = 5, Skv = 7, D = 8.
// RUN: attn-opt %s -attn-fuse-attention | FileCheck %s
// RUN: attn-opt %s -attn-cpu-pipeline="fuse=false" | mlir-runner -e main -entry-point-result=void -shared-libs=%runner_libs > %t.ref
// RUN: attn-opt %s -attn-cpu-pipeline="fuse=true" | mlir-runner -e main -entry-point-result=void -shared-libs=%runner_libs > %t.fused
// RUN: %python %attn_src/test/lib/compare_outputs.py %t.ref %t.fused --rtol 1e-4 --atol 1e-5

// CHECK-LABEL: func.func @mask_b1_skv_sq
// CHECK: %[[M:.+]] = linalg.transpose ins(%arg3 : tensor<1x1x7x5xf32>) outs(%{{.+}} : tensor<1x1x5x7xf32>) permutation = [0, 1, 3, 2]
// CHECK: attn.attention
// CHECK-SAME: mask(%[[M]] : tensor<1x1x5x7xf32>)
// CHECK-LABEL: func.func @mask_sq_h_skv
// CHECK: %[[M2:.+]] = linalg.transpose ins(%arg3 : tensor<5x2x7xf32>) outs(%{{.+}} : tensor<2x5x7xf32>) permutation = [1, 0, 2]
// CHECK: attn.attention
// CHECK-SAME: mask(%[[M2]] : tensor<2x5x7xf32>)

#q = affine_map<(b, h, i, j, d) -> (b, h, i, d)>
#k = affine_map<(b, h, i, j, d) -> (b, h, j, d)>
#s = affine_map<(b, h, i, j, d) -> (b, h, i, j)>
#p = affine_map<(b, h, i, e, j) -> (b, h, i, j)>
#v = affine_map<(b, h, i, e, j) -> (b, h, j, e)>
#o = affine_map<(b, h, i, e, j) -> (b, h, i, e)>
#id = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#row = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>
#id3 = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
func.func @mask_b1_skv_sq(%q: tensor<1x2x5x8xf32>, %k: tensor<1x2x7x8xf32>, %v: tensor<1x2x7x8xf32>, %fm0: tensor<1x1x7x5xf32>) -> tensor<1x2x5x8xf32> {
  %zero = arith.constant 0.0 : f32
  %one = arith.constant 1.0 : f32
  %ninf = arith.constant 0xFF800000 : f32

  %e = tensor.empty() : tensor<1x2x5x7xf32>
  %er = tensor.empty() : tensor<1x2x5xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<1x2x5x7xf32>) -> tensor<1x2x5x7xf32>
  %s = linalg.generic {indexing_maps = [#q, #k, #s], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%q, %k : tensor<1x2x5x8xf32>, tensor<1x2x7x8xf32>) outs(%f : tensor<1x2x5x7xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %m = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %m : f32
    linalg.yield %r : f32
  } -> tensor<1x2x5x7xf32>
  %t = linalg.generic {indexing_maps = [#id, affine_map<(d0, d1, d2, d3) -> (d0, 0, d3, d2)>, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%s, %fm0 : tensor<1x2x5x7xf32>, tensor<1x1x7x5xf32>) outs(%e : tensor<1x2x5x7xf32>) {
  ^bb0(%x0: f32, %x1: f32, %o: f32):
    %c = arith.constant 0.3 : f32
    %y = arith.mulf %x0, %c : f32
    %y2 = arith.addf %y, %x1 : f32
    linalg.yield %y2 : f32
  } -> tensor<1x2x5x7xf32>
  %fm = linalg.fill ins(%ninf : f32) outs(%er : tensor<1x2x5xf32>) -> tensor<1x2x5xf32>
  %mx = linalg.generic {indexing_maps = [#id, #row], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%t : tensor<1x2x5x7xf32>) outs(%fm : tensor<1x2x5xf32>) {
  ^bb0(%a: f32, %o: f32):
    %r = arith.maximumf %a, %o : f32
    linalg.yield %r : f32
  } -> tensor<1x2x5xf32>
  %ex = linalg.generic {indexing_maps = [#id, #row, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%t, %mx : tensor<1x2x5x7xf32>, tensor<1x2x5xf32>) outs(%e : tensor<1x2x5x7xf32>) {
  ^bb0(%a: f32, %b: f32, %o: f32):
    %d = arith.subf %a, %b : f32
    %r = math.exp %d : f32
    linalg.yield %r : f32
  } -> tensor<1x2x5x7xf32>
  %fs = linalg.fill ins(%zero : f32) outs(%er : tensor<1x2x5xf32>) -> tensor<1x2x5xf32>
  %sm = linalg.generic {indexing_maps = [#id, #row], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%ex : tensor<1x2x5x7xf32>) outs(%fs : tensor<1x2x5xf32>) {
  ^bb0(%a: f32, %o: f32):
    %r = arith.addf %a, %o : f32
    linalg.yield %r : f32
  } -> tensor<1x2x5xf32>
  %p = linalg.generic {indexing_maps = [#id, #row, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%ex, %sm : tensor<1x2x5x7xf32>, tensor<1x2x5xf32>) outs(%e : tensor<1x2x5x7xf32>) {
  ^bb0(%a: f32, %b: f32, %o: f32):
    %r = arith.divf %a, %b : f32
    linalg.yield %r : f32
  } -> tensor<1x2x5x7xf32>
  %eo = tensor.empty() : tensor<1x2x5x8xf32>
  %fo = linalg.fill ins(%zero : f32) outs(%eo : tensor<1x2x5x8xf32>) -> tensor<1x2x5x8xf32>
  %out = linalg.generic {indexing_maps = [#p, #v, #o], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%p, %v : tensor<1x2x5x7xf32>, tensor<1x2x7x8xf32>) outs(%fo : tensor<1x2x5x8xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %m = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %m : f32
    linalg.yield %r : f32
  } -> tensor<1x2x5x8xf32>
  return %out : tensor<1x2x5x8xf32>
}

func.func @mask_sq_h_skv(%q: tensor<1x2x5x8xf32>, %k: tensor<1x2x7x8xf32>, %v: tensor<1x2x7x8xf32>, %fm0: tensor<5x2x7xf32>) -> tensor<1x2x5x8xf32> {
  %zero = arith.constant 0.0 : f32
  %one = arith.constant 1.0 : f32
  %ninf = arith.constant 0xFF800000 : f32

  %e = tensor.empty() : tensor<1x2x5x7xf32>
  %er = tensor.empty() : tensor<1x2x5xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<1x2x5x7xf32>) -> tensor<1x2x5x7xf32>
  %s = linalg.generic {indexing_maps = [#q, #k, #s], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%q, %k : tensor<1x2x5x8xf32>, tensor<1x2x7x8xf32>) outs(%f : tensor<1x2x5x7xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %m = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %m : f32
    linalg.yield %r : f32
  } -> tensor<1x2x5x7xf32>
  %t = linalg.generic {indexing_maps = [#id, affine_map<(d0, d1, d2, d3) -> (d2, d1, d3)>, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%s, %fm0 : tensor<1x2x5x7xf32>, tensor<5x2x7xf32>) outs(%e : tensor<1x2x5x7xf32>) {
  ^bb0(%x0: f32, %x1: f32, %o: f32):
    %c = arith.constant 0.3 : f32
    %y = arith.mulf %x0, %c : f32
    %y2 = arith.addf %y, %x1 : f32
    linalg.yield %y2 : f32
  } -> tensor<1x2x5x7xf32>
  %fm = linalg.fill ins(%ninf : f32) outs(%er : tensor<1x2x5xf32>) -> tensor<1x2x5xf32>
  %mx = linalg.generic {indexing_maps = [#id, #row], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%t : tensor<1x2x5x7xf32>) outs(%fm : tensor<1x2x5xf32>) {
  ^bb0(%a: f32, %o: f32):
    %r = arith.maximumf %a, %o : f32
    linalg.yield %r : f32
  } -> tensor<1x2x5xf32>
  %ex = linalg.generic {indexing_maps = [#id, #row, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%t, %mx : tensor<1x2x5x7xf32>, tensor<1x2x5xf32>) outs(%e : tensor<1x2x5x7xf32>) {
  ^bb0(%a: f32, %b: f32, %o: f32):
    %d = arith.subf %a, %b : f32
    %r = math.exp %d : f32
    linalg.yield %r : f32
  } -> tensor<1x2x5x7xf32>
  %fs = linalg.fill ins(%zero : f32) outs(%er : tensor<1x2x5xf32>) -> tensor<1x2x5xf32>
  %sm = linalg.generic {indexing_maps = [#id, #row], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%ex : tensor<1x2x5x7xf32>) outs(%fs : tensor<1x2x5xf32>) {
  ^bb0(%a: f32, %o: f32):
    %r = arith.addf %a, %o : f32
    linalg.yield %r : f32
  } -> tensor<1x2x5xf32>
  %p = linalg.generic {indexing_maps = [#id, #row, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%ex, %sm : tensor<1x2x5x7xf32>, tensor<1x2x5xf32>) outs(%e : tensor<1x2x5x7xf32>) {
  ^bb0(%a: f32, %b: f32, %o: f32):
    %r = arith.divf %a, %b : f32
    linalg.yield %r : f32
  } -> tensor<1x2x5x7xf32>
  %eo = tensor.empty() : tensor<1x2x5x8xf32>
  %fo = linalg.fill ins(%zero : f32) outs(%eo : tensor<1x2x5x8xf32>) -> tensor<1x2x5x8xf32>
  %out = linalg.generic {indexing_maps = [#p, #v, #o], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%p, %v : tensor<1x2x5x7xf32>, tensor<1x2x7x8xf32>) outs(%fo : tensor<1x2x5x8xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %m = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %m : f32
    linalg.yield %r : f32
  } -> tensor<1x2x5x8xf32>
  return %out : tensor<1x2x5x8xf32>
}

func.func private @printMemrefF32(tensor<*xf32>)
func.func @run_b1_skv_sq() {
  %e1 = tensor.empty() : tensor<1x2x5x8xf32>
  %g2 = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} outs(%e1 : tensor<1x2x5x8xf32>) {
  ^bb0(%o: f32):
    %acc0 = arith.constant 0.0 : f32
    %i0 = linalg.index 0 : index
    %a0 = arith.index_cast %i0 : index to i64
    %f0 = arith.sitofp %a0 : i64 to f32
    %c0 = arith.constant 0.37 : f32
    %m0 = arith.mulf %f0, %c0 : f32
    %acc1 = arith.addf %acc0, %m0 : f32
    %i1 = linalg.index 1 : index
    %a1 = arith.index_cast %i1 : index to i64
    %f1 = arith.sitofp %a1 : i64 to f32
    %c1 = arith.constant 1.3 : f32
    %m1 = arith.mulf %f1, %c1 : f32
    %acc2 = arith.addf %acc1, %m1 : f32
    %i2 = linalg.index 2 : index
    %a2 = arith.index_cast %i2 : index to i64
    %f2 = arith.sitofp %a2 : i64 to f32
    %c2 = arith.constant 0.71 : f32
    %m2 = arith.mulf %f2, %c2 : f32
    %acc3 = arith.addf %acc2, %m2 : f32
    %i3 = linalg.index 3 : index
    %a3 = arith.index_cast %i3 : index to i64
    %f3 = arith.sitofp %a3 : i64 to f32
    %c3 = arith.constant 0.113 : f32
    %m3 = arith.mulf %f3, %c3 : f32
    %acc4 = arith.addf %acc3, %m3 : f32
    %sn = math.sin %acc4 : f32
    %amp = arith.constant 2.0 : f32
    %w = arith.mulf %sn, %amp : f32
    linalg.yield %w : f32
  } -> tensor<1x2x5x8xf32>
  %e3 = tensor.empty() : tensor<1x2x7x8xf32>
  %g4 = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} outs(%e3 : tensor<1x2x7x8xf32>) {
  ^bb0(%o: f32):
    %acc0 = arith.constant 1.7 : f32
    %i0 = linalg.index 0 : index
    %a0 = arith.index_cast %i0 : index to i64
    %f0 = arith.sitofp %a0 : i64 to f32
    %c0 = arith.constant 1.4300000000000002 : f32
    %m0 = arith.mulf %f0, %c0 : f32
    %acc1 = arith.addf %acc0, %m0 : f32
    %i1 = linalg.index 1 : index
    %a1 = arith.index_cast %i1 : index to i64
    %f1 = arith.sitofp %a1 : i64 to f32
    %c1 = arith.constant 0.781 : f32
    %m1 = arith.mulf %f1, %c1 : f32
    %acc2 = arith.addf %acc1, %m1 : f32
    %i2 = linalg.index 2 : index
    %a2 = arith.index_cast %i2 : index to i64
    %f2 = arith.sitofp %a2 : i64 to f32
    %c2 = arith.constant 0.12430000000000001 : f32
    %m2 = arith.mulf %f2, %c2 : f32
    %acc3 = arith.addf %acc2, %m2 : f32
    %i3 = linalg.index 3 : index
    %a3 = arith.index_cast %i3 : index to i64
    %f3 = arith.sitofp %a3 : i64 to f32
    %c3 = arith.constant 0.319 : f32
    %m3 = arith.mulf %f3, %c3 : f32
    %acc4 = arith.addf %acc3, %m3 : f32
    %sn = math.sin %acc4 : f32
    %amp = arith.constant 2.0 : f32
    %w = arith.mulf %sn, %amp : f32
    linalg.yield %w : f32
  } -> tensor<1x2x7x8xf32>
  %e5 = tensor.empty() : tensor<1x2x7x8xf32>
  %g6 = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} outs(%e5 : tensor<1x2x7x8xf32>) {
  ^bb0(%o: f32):
    %acc0 = arith.constant 2.9 : f32
    %i0 = linalg.index 0 : index
    %a0 = arith.index_cast %i0 : index to i64
    %f0 = arith.sitofp %a0 : i64 to f32
    %c0 = arith.constant 0.852 : f32
    %m0 = arith.mulf %f0, %c0 : f32
    %acc1 = arith.addf %acc0, %m0 : f32
    %i1 = linalg.index 1 : index
    %a1 = arith.index_cast %i1 : index to i64
    %f1 = arith.sitofp %a1 : i64 to f32
    %c1 = arith.constant 0.1356 : f32
    %m1 = arith.mulf %f1, %c1 : f32
    %acc2 = arith.addf %acc1, %m1 : f32
    %i2 = linalg.index 2 : index
    %a2 = arith.index_cast %i2 : index to i64
    %f2 = arith.sitofp %a2 : i64 to f32
    %c2 = arith.constant 0.348 : f32
    %m2 = arith.mulf %f2, %c2 : f32
    %acc3 = arith.addf %acc2, %m2 : f32
    %i3 = linalg.index 3 : index
    %a3 = arith.index_cast %i3 : index to i64
    %f3 = arith.sitofp %a3 : i64 to f32
    %c3 = arith.constant 0.444 : f32
    %m3 = arith.mulf %f3, %c3 : f32
    %acc4 = arith.addf %acc3, %m3 : f32
    %sn = math.sin %acc4 : f32
    %amp = arith.constant 2.0 : f32
    %w = arith.mulf %sn, %amp : f32
    linalg.yield %w : f32
  } -> tensor<1x2x7x8xf32>
  %e7 = tensor.empty() : tensor<1x1x7x5xf32>
  %g8 = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} outs(%e7 : tensor<1x1x7x5xf32>) {
  ^bb0(%o: f32):
    %acc0 = arith.constant 0.55 : f32
    %i0 = linalg.index 0 : index
    %a0 = arith.index_cast %i0 : index to i64
    %f0 = arith.sitofp %a0 : i64 to f32
    %c0 = arith.constant 0.1469 : f32
    %m0 = arith.mulf %f0, %c0 : f32
    %acc1 = arith.addf %acc0, %m0 : f32
    %i1 = linalg.index 1 : index
    %a1 = arith.index_cast %i1 : index to i64
    %f1 = arith.sitofp %a1 : i64 to f32
    %c1 = arith.constant 0.377 : f32
    %m1 = arith.mulf %f1, %c1 : f32
    %acc2 = arith.addf %acc1, %m1 : f32
    %i2 = linalg.index 2 : index
    %a2 = arith.index_cast %i2 : index to i64
    %f2 = arith.sitofp %a2 : i64 to f32
    %c2 = arith.constant 0.481 : f32
    %m2 = arith.mulf %f2, %c2 : f32
    %acc3 = arith.addf %acc2, %m2 : f32
    %i3 = linalg.index 3 : index
    %a3 = arith.index_cast %i3 : index to i64
    %f3 = arith.sitofp %a3 : i64 to f32
    %c3 = arith.constant 1.6900000000000002 : f32
    %m3 = arith.mulf %f3, %c3 : f32
    %acc4 = arith.addf %acc3, %m3 : f32
    %sn = math.sin %acc4 : f32
    %amp = arith.constant 1.5 : f32
    %w = arith.mulf %sn, %amp : f32
    linalg.yield %w : f32
  } -> tensor<1x1x7x5xf32>
  %r9 = call @mask_b1_skv_sq(%g2, %g4, %g6, %g8) : (tensor<1x2x5x8xf32>, tensor<1x2x7x8xf32>, tensor<1x2x7x8xf32>, tensor<1x1x7x5xf32>) -> (tensor<1x2x5x8xf32>)
  %u10 = tensor.cast %r9 : tensor<1x2x5x8xf32> to tensor<*xf32>
  call @printMemrefF32(%u10) : (tensor<*xf32>) -> ()
  return
}

func.func @run_sq_h_skv() {
  %e1 = tensor.empty() : tensor<1x2x5x8xf32>
  %g2 = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} outs(%e1 : tensor<1x2x5x8xf32>) {
  ^bb0(%o: f32):
    %acc0 = arith.constant 0.0 : f32
    %i0 = linalg.index 0 : index
    %a0 = arith.index_cast %i0 : index to i64
    %f0 = arith.sitofp %a0 : i64 to f32
    %c0 = arith.constant 0.37 : f32
    %m0 = arith.mulf %f0, %c0 : f32
    %acc1 = arith.addf %acc0, %m0 : f32
    %i1 = linalg.index 1 : index
    %a1 = arith.index_cast %i1 : index to i64
    %f1 = arith.sitofp %a1 : i64 to f32
    %c1 = arith.constant 1.3 : f32
    %m1 = arith.mulf %f1, %c1 : f32
    %acc2 = arith.addf %acc1, %m1 : f32
    %i2 = linalg.index 2 : index
    %a2 = arith.index_cast %i2 : index to i64
    %f2 = arith.sitofp %a2 : i64 to f32
    %c2 = arith.constant 0.71 : f32
    %m2 = arith.mulf %f2, %c2 : f32
    %acc3 = arith.addf %acc2, %m2 : f32
    %i3 = linalg.index 3 : index
    %a3 = arith.index_cast %i3 : index to i64
    %f3 = arith.sitofp %a3 : i64 to f32
    %c3 = arith.constant 0.113 : f32
    %m3 = arith.mulf %f3, %c3 : f32
    %acc4 = arith.addf %acc3, %m3 : f32
    %sn = math.sin %acc4 : f32
    %amp = arith.constant 2.0 : f32
    %w = arith.mulf %sn, %amp : f32
    linalg.yield %w : f32
  } -> tensor<1x2x5x8xf32>
  %e3 = tensor.empty() : tensor<1x2x7x8xf32>
  %g4 = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} outs(%e3 : tensor<1x2x7x8xf32>) {
  ^bb0(%o: f32):
    %acc0 = arith.constant 1.7 : f32
    %i0 = linalg.index 0 : index
    %a0 = arith.index_cast %i0 : index to i64
    %f0 = arith.sitofp %a0 : i64 to f32
    %c0 = arith.constant 1.4300000000000002 : f32
    %m0 = arith.mulf %f0, %c0 : f32
    %acc1 = arith.addf %acc0, %m0 : f32
    %i1 = linalg.index 1 : index
    %a1 = arith.index_cast %i1 : index to i64
    %f1 = arith.sitofp %a1 : i64 to f32
    %c1 = arith.constant 0.781 : f32
    %m1 = arith.mulf %f1, %c1 : f32
    %acc2 = arith.addf %acc1, %m1 : f32
    %i2 = linalg.index 2 : index
    %a2 = arith.index_cast %i2 : index to i64
    %f2 = arith.sitofp %a2 : i64 to f32
    %c2 = arith.constant 0.12430000000000001 : f32
    %m2 = arith.mulf %f2, %c2 : f32
    %acc3 = arith.addf %acc2, %m2 : f32
    %i3 = linalg.index 3 : index
    %a3 = arith.index_cast %i3 : index to i64
    %f3 = arith.sitofp %a3 : i64 to f32
    %c3 = arith.constant 0.319 : f32
    %m3 = arith.mulf %f3, %c3 : f32
    %acc4 = arith.addf %acc3, %m3 : f32
    %sn = math.sin %acc4 : f32
    %amp = arith.constant 2.0 : f32
    %w = arith.mulf %sn, %amp : f32
    linalg.yield %w : f32
  } -> tensor<1x2x7x8xf32>
  %e5 = tensor.empty() : tensor<1x2x7x8xf32>
  %g6 = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} outs(%e5 : tensor<1x2x7x8xf32>) {
  ^bb0(%o: f32):
    %acc0 = arith.constant 2.9 : f32
    %i0 = linalg.index 0 : index
    %a0 = arith.index_cast %i0 : index to i64
    %f0 = arith.sitofp %a0 : i64 to f32
    %c0 = arith.constant 0.852 : f32
    %m0 = arith.mulf %f0, %c0 : f32
    %acc1 = arith.addf %acc0, %m0 : f32
    %i1 = linalg.index 1 : index
    %a1 = arith.index_cast %i1 : index to i64
    %f1 = arith.sitofp %a1 : i64 to f32
    %c1 = arith.constant 0.1356 : f32
    %m1 = arith.mulf %f1, %c1 : f32
    %acc2 = arith.addf %acc1, %m1 : f32
    %i2 = linalg.index 2 : index
    %a2 = arith.index_cast %i2 : index to i64
    %f2 = arith.sitofp %a2 : i64 to f32
    %c2 = arith.constant 0.348 : f32
    %m2 = arith.mulf %f2, %c2 : f32
    %acc3 = arith.addf %acc2, %m2 : f32
    %i3 = linalg.index 3 : index
    %a3 = arith.index_cast %i3 : index to i64
    %f3 = arith.sitofp %a3 : i64 to f32
    %c3 = arith.constant 0.444 : f32
    %m3 = arith.mulf %f3, %c3 : f32
    %acc4 = arith.addf %acc3, %m3 : f32
    %sn = math.sin %acc4 : f32
    %amp = arith.constant 2.0 : f32
    %w = arith.mulf %sn, %amp : f32
    linalg.yield %w : f32
  } -> tensor<1x2x7x8xf32>
  %e7 = tensor.empty() : tensor<5x2x7xf32>
  %g8 = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2) -> (d0,d1,d2)>], iterator_types = ["parallel", "parallel", "parallel"]} outs(%e7 : tensor<5x2x7xf32>) {
  ^bb0(%o: f32):
    %acc0 = arith.constant 0.55 : f32
    %i0 = linalg.index 0 : index
    %a0 = arith.index_cast %i0 : index to i64
    %f0 = arith.sitofp %a0 : i64 to f32
    %c0 = arith.constant 0.1469 : f32
    %m0 = arith.mulf %f0, %c0 : f32
    %acc1 = arith.addf %acc0, %m0 : f32
    %i1 = linalg.index 1 : index
    %a1 = arith.index_cast %i1 : index to i64
    %f1 = arith.sitofp %a1 : i64 to f32
    %c1 = arith.constant 0.377 : f32
    %m1 = arith.mulf %f1, %c1 : f32
    %acc2 = arith.addf %acc1, %m1 : f32
    %i2 = linalg.index 2 : index
    %a2 = arith.index_cast %i2 : index to i64
    %f2 = arith.sitofp %a2 : i64 to f32
    %c2 = arith.constant 0.481 : f32
    %m2 = arith.mulf %f2, %c2 : f32
    %acc3 = arith.addf %acc2, %m2 : f32
    %sn = math.sin %acc3 : f32
    %amp = arith.constant 1.5 : f32
    %w = arith.mulf %sn, %amp : f32
    linalg.yield %w : f32
  } -> tensor<5x2x7xf32>
  %r9 = call @mask_sq_h_skv(%g2, %g4, %g6, %g8) : (tensor<1x2x5x8xf32>, tensor<1x2x7x8xf32>, tensor<1x2x7x8xf32>, tensor<5x2x7xf32>) -> (tensor<1x2x5x8xf32>)
  %u10 = tensor.cast %r9 : tensor<1x2x5x8xf32> to tensor<*xf32>
  call @printMemrefF32(%u10) : (tensor<*xf32>) -> ()
  return
}

func.func @main() {
  call @run_b1_skv_sq() : () -> ()
  call @run_sq_h_skv() : () -> ()
  return
}
