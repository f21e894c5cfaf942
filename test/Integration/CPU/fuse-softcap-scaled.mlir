// Executed check of attn-fuse-attention: a scale applied after a softcap,
// exp2(0.3 * tanh(s) - max): 0.3 * ln 2 * tanh(s) is the op's softcap
// c = 0.3 ln 2 on scores scaled by c (c * tanh(c s / c)). Found by a fuzz
// round (refused before). B = H = 1, Sq = 3, Skv = 4, D = 4, Dv = 2.
// RUN: attn-opt %s -attn-fuse-attention | FileCheck %s
// RUN: attn-opt %s -attn-cpu-pipeline="fuse=false" | mlir-runner -e main -entry-point-result=void -shared-libs=%runner_libs > %t.ref
// RUN: attn-opt %s -attn-cpu-pipeline="fuse=true" | mlir-runner -e main -entry-point-result=void -shared-libs=%runner_libs > %t.fused
// RUN: %python %attn_src/test/lib/compare_outputs.py %t.ref %t.fused --rtol 1e-4 --atol 1e-5

// CHECK-LABEL: func.func @f
// CHECK-NOT: math.tanh
// CHECK: attn.attention
// CHECK-SAME: scale = 0.20794417 softcap = 0.20794417

func.func @f(%q: tensor<1x1x3x4xf32>, %k: tensor<1x1x4x4xf32>, %v: tensor<1x1x4x2xf32>, %fm: tensor<1x1x3x4xf32>, %bm: tensor<1x1x3x4xi1>) -> tensor<1x1x3x2xf32> {
  %zero = arith.constant 0.0 : f32
  %es = tensor.empty() : tensor<1x1x3x4xf32>
  %fs = linalg.fill ins(%zero : f32) outs(%es : tensor<1x1x3x4xf32>) -> tensor<1x1x3x4xf32>
  %s0 = linalg.contract indexing_maps = [affine_map<(b, h, i, j, d) -> (b, h, i, d)>, affine_map<(b, h, i, j, d) -> (b, h, j, d)>, affine_map<(b, h, i, j, d) -> (b, h, i, j)>]
        ins(%q, %k : tensor<1x1x3x4xf32>, tensor<1x1x4x4xf32>) outs(%fs : tensor<1x1x3x4xf32>) -> tensor<1x1x3x4xf32>
  %sg0 = linalg.generic {indexing_maps = [affine_map<(b, h, i, j) -> (b, h, i, j)>, affine_map<(b, h, i, j) -> (b, h, i, j)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%s0 : tensor<1x1x3x4xf32>) outs(%es : tensor<1x1x3x4xf32>) {
  ^bb0(%a: f32, %out: f32):
    %y1 = math.tanh %a : f32
    %c2 = arith.constant 0.3 : f32
    %y3 = arith.mulf %y1, %c2 : f32
    linalg.yield %y3 : f32
  } -> tensor<1x1x3x4xf32>
  %er = tensor.empty() : tensor<1x1x3xf32>
  %minit = arith.constant 0xFF800000 : f32
  %fm0 = linalg.fill ins(%minit : f32) outs(%er : tensor<1x1x3xf32>) -> tensor<1x1x3xf32>
  %mx = linalg.generic {indexing_maps = [affine_map<(b, h, i, j) -> (b, h, i, j)>, affine_map<(b, h, i, j) -> (b, h, i)>], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%sg0 : tensor<1x1x3x4xf32>) outs(%fm0 : tensor<1x1x3xf32>) {
  ^bb0(%a: f32, %acc: f32):
    %y = arith.maximumf %a, %acc : f32
    linalg.yield %y : f32
  } -> tensor<1x1x3xf32>
  %p = linalg.generic {indexing_maps = [affine_map<(b, h, i, j) -> (b, h, i, j)>, affine_map<(b, h, i, j) -> (b, h, i)>, affine_map<(b, h, i, j) -> (b, h, i, j)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%sg0, %mx : tensor<1x1x3x4xf32>, tensor<1x1x3xf32>) outs(%es : tensor<1x1x3x4xf32>) {
  ^bb0(%x: f32, %m: f32, %out: f32):
    %d = arith.subf %x, %m : f32
    %ey = math.exp2 %d : f32
    linalg.yield %ey : f32
  } -> tensor<1x1x3x4xf32>
  %fl = linalg.fill ins(%zero : f32) outs(%er : tensor<1x1x3xf32>) -> tensor<1x1x3xf32>
  %l = linalg.generic {indexing_maps = [affine_map<(b, h, i, j) -> (b, h, i, j)>, affine_map<(b, h, i, j) -> (b, h, i)>], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%p : tensor<1x1x3x4xf32>) outs(%fl : tensor<1x1x3xf32>) {
  ^bb0(%a: f32, %acc: f32):
    %y = arith.addf %a, %acc : f32
    linalg.yield %y : f32
  } -> tensor<1x1x3xf32>
  %pn = linalg.generic {indexing_maps = [affine_map<(b, h, i, j) -> (b, h, i, j)>, affine_map<(b, h, i, j) -> (b, h, i)>, affine_map<(b, h, i, j) -> (b, h, i, j)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%p, %l : tensor<1x1x3x4xf32>, tensor<1x1x3xf32>) outs(%es : tensor<1x1x3x4xf32>) {
  ^bb0(%a: f32, %b: f32, %out: f32):
    %y = arith.divf %a, %b : f32
    linalg.yield %y : f32
  } -> tensor<1x1x3x4xf32>
  %eo = tensor.empty() : tensor<1x1x3x2xf32>
  %fo = linalg.fill ins(%zero : f32) outs(%eo : tensor<1x1x3x2xf32>) -> tensor<1x1x3x2xf32>
  %o = linalg.contract indexing_maps = [affine_map<(b, h, i, e, j) -> (b, h, i, j)>, affine_map<(b, h, i, e, j) -> (b, h, j, e)>, affine_map<(b, h, i, e, j) -> (b, h, i, e)>]
        ins(%pn, %v : tensor<1x1x3x4xf32>, tensor<1x1x4x2xf32>) outs(%fo : tensor<1x1x3x2xf32>) -> tensor<1x1x3x2xf32>
  return %o : tensor<1x1x3x2xf32>
}

func.func private @printMemrefF32(tensor<*xf32>)
func.func @main() {
  %egq = tensor.empty() : tensor<1x1x3x4xf32>
  %gq = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} outs(%egq : tensor<1x1x3x4xf32>) {
  ^bb0(%o: f32):
    %acc0 = arith.constant 1.1 : f32
    %i0 = linalg.index 0 : index
    %a0 = arith.index_cast %i0 : index to i64
    %f0 = arith.sitofp %a0 : i64 to f32
    %c0 = arith.constant 0.48 : f32
    %m0 = arith.mulf %f0, %c0 : f32
    %acc1 = arith.addf %acc0, %m0 : f32
    %i1 = linalg.index 1 : index
    %a1 = arith.index_cast %i1 : index to i64
    %f1 = arith.sitofp %a1 : i64 to f32
    %c1 = arith.constant 0.77 : f32
    %m1 = arith.mulf %f1, %c1 : f32
    %acc2 = arith.addf %acc1, %m1 : f32
    %i2 = linalg.index 2 : index
    %a2 = arith.index_cast %i2 : index to i64
    %f2 = arith.sitofp %a2 : i64 to f32
    %c2 = arith.constant 1.06 : f32
    %m2 = arith.mulf %f2, %c2 : f32
    %acc3 = arith.addf %acc2, %m2 : f32
    %i3 = linalg.index 3 : index
    %a3 = arith.index_cast %i3 : index to i64
    %f3 = arith.sitofp %a3 : i64 to f32
    %c3 = arith.constant 1.3499999999999999 : f32
    %m3 = arith.mulf %f3, %c3 : f32
    %acc4 = arith.addf %acc3, %m3 : f32
    %sn = math.sin %acc4 : f32
    %amp = arith.constant 2.0 : f32
    %w = arith.mulf %sn, %amp : f32
    linalg.yield %w : f32
  } -> tensor<1x1x3x4xf32>
  %egk = tensor.empty() : tensor<1x1x4x4xf32>
  %gk = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} outs(%egk : tensor<1x1x4x4xf32>) {
  ^bb0(%o: f32):
    %acc0 = arith.constant 2.2 : f32
    %i0 = linalg.index 0 : index
    %a0 = arith.index_cast %i0 : index to i64
    %f0 = arith.sitofp %a0 : i64 to f32
    %c0 = arith.constant 0.59 : f32
    %m0 = arith.mulf %f0, %c0 : f32
    %acc1 = arith.addf %acc0, %m0 : f32
    %i1 = linalg.index 1 : index
    %a1 = arith.index_cast %i1 : index to i64
    %f1 = arith.sitofp %a1 : i64 to f32
    %c1 = arith.constant 0.8799999999999999 : f32
    %m1 = arith.mulf %f1, %c1 : f32
    %acc2 = arith.addf %acc1, %m1 : f32
    %i2 = linalg.index 2 : index
    %a2 = arith.index_cast %i2 : index to i64
    %f2 = arith.sitofp %a2 : i64 to f32
    %c2 = arith.constant 1.17 : f32
    %m2 = arith.mulf %f2, %c2 : f32
    %acc3 = arith.addf %acc2, %m2 : f32
    %i3 = linalg.index 3 : index
    %a3 = arith.index_cast %i3 : index to i64
    %f3 = arith.sitofp %a3 : i64 to f32
    %c3 = arith.constant 1.46 : f32
    %m3 = arith.mulf %f3, %c3 : f32
    %acc4 = arith.addf %acc3, %m3 : f32
    %sn = math.sin %acc4 : f32
    %amp = arith.constant 2.0 : f32
    %w = arith.mulf %sn, %amp : f32
    linalg.yield %w : f32
  } -> tensor<1x1x4x4xf32>
  %egv = tensor.empty() : tensor<1x1x4x2xf32>
  %gv = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} outs(%egv : tensor<1x1x4x2xf32>) {
  ^bb0(%o: f32):
    %acc0 = arith.constant 3.3000000000000003 : f32
    %i0 = linalg.index 0 : index
    %a0 = arith.index_cast %i0 : index to i64
    %f0 = arith.sitofp %a0 : i64 to f32
    %c0 = arith.constant 0.7 : f32
    %m0 = arith.mulf %f0, %c0 : f32
    %acc1 = arith.addf %acc0, %m0 : f32
    %i1 = linalg.index 1 : index
    %a1 = arith.index_cast %i1 : index to i64
    %f1 = arith.sitofp %a1 : i64 to f32
    %c1 = arith.constant 0.99 : f32
    %m1 = arith.mulf %f1, %c1 : f32
    %acc2 = arith.addf %acc1, %m1 : f32
    %i2 = linalg.index 2 : index
    %a2 = arith.index_cast %i2 : index to i64
    %f2 = arith.sitofp %a2 : i64 to f32
    %c2 = arith.constant 1.2799999999999998 : f32
    %m2 = arith.mulf %f2, %c2 : f32
    %acc3 = arith.addf %acc2, %m2 : f32
    %i3 = linalg.index 3 : index
    %a3 = arith.index_cast %i3 : index to i64
    %f3 = arith.sitofp %a3 : i64 to f32
    %c3 = arith.constant 1.5699999999999998 : f32
    %m3 = arith.mulf %f3, %c3 : f32
    %acc4 = arith.addf %acc3, %m3 : f32
    %sn = math.sin %acc4 : f32
    %amp = arith.constant 2.0 : f32
    %w = arith.mulf %sn, %amp : f32
    linalg.yield %w : f32
  } -> tensor<1x1x4x2xf32>
  %egm = tensor.empty() : tensor<1x1x3x4xf32>
  %gm = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} outs(%egm : tensor<1x1x3x4xf32>) {
  ^bb0(%o: f32):
    %acc0 = arith.constant 4.4 : f32
    %i0 = linalg.index 0 : index
    %a0 = arith.index_cast %i0 : index to i64
    %f0 = arith.sitofp %a0 : i64 to f32
    %c0 = arith.constant 0.81 : f32
    %m0 = arith.mulf %f0, %c0 : f32
    %acc1 = arith.addf %acc0, %m0 : f32
    %i1 = linalg.index 1 : index
    %a1 = arith.index_cast %i1 : index to i64
    %f1 = arith.sitofp %a1 : i64 to f32
    %c1 = arith.constant 1.1 : f32
    %m1 = arith.mulf %f1, %c1 : f32
    %acc2 = arith.addf %acc1, %m1 : f32
    %i2 = linalg.index 2 : index
    %a2 = arith.index_cast %i2 : index to i64
    %f2 = arith.sitofp %a2 : i64 to f32
    %c2 = arith.constant 1.3900000000000001 : f32
    %m2 = arith.mulf %f2, %c2 : f32
    %acc3 = arith.addf %acc2, %m2 : f32
    %i3 = linalg.index 3 : index
    %a3 = arith.index_cast %i3 : index to i64
    %f3 = arith.sitofp %a3 : i64 to f32
    %c3 = arith.constant 1.68 : f32
    %m3 = arith.mulf %f3, %c3 : f32
    %acc4 = arith.addf %acc3, %m3 : f32
    %sn = math.sin %acc4 : f32
    %amp = arith.constant 2.0 : f32
    %w = arith.mulf %sn, %amp : f32
    linalg.yield %w : f32
  } -> tensor<1x1x3x4xf32>
  %egb = tensor.empty() : tensor<1x1x3x4xi1>
  %gb = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} outs(%egb : tensor<1x1x3x4xi1>) {
  ^bb0(%o: i1):
    %acc0 = arith.constant 5.5 : f32
    %i0 = linalg.index 0 : index
    %a0 = arith.index_cast %i0 : index to i64
    %f0 = arith.sitofp %a0 : i64 to f32
    %c0 = arith.constant 0.92 : f32
    %m0 = arith.mulf %f0, %c0 : f32
    %acc1 = arith.addf %acc0, %m0 : f32
    %i1 = linalg.index 1 : index
    %a1 = arith.index_cast %i1 : index to i64
    %f1 = arith.sitofp %a1 : i64 to f32
    %c1 = arith.constant 1.21 : f32
    %m1 = arith.mulf %f1, %c1 : f32
    %acc2 = arith.addf %acc1, %m1 : f32
    %i2 = linalg.index 2 : index
    %a2 = arith.index_cast %i2 : index to i64
    %f2 = arith.sitofp %a2 : i64 to f32
    %c2 = arith.constant 1.5 : f32
    %m2 = arith.mulf %f2, %c2 : f32
    %acc3 = arith.addf %acc2, %m2 : f32
    %i3 = linalg.index 3 : index
    %a3 = arith.index_cast %i3 : index to i64
    %f3 = arith.sitofp %a3 : i64 to f32
    %c3 = arith.constant 1.79 : f32
    %m3 = arith.mulf %f3, %c3 : f32
    %acc4 = arith.addf %acc3, %m3 : f32
    %sn = math.sin %acc4 : f32
    %z = arith.constant 0.0 : f32
    %pos = arith.cmpf ogt, %sn, %z : f32
    %c0i = arith.constant 0 : index
    %first = arith.cmpi eq, %i3, %c0i : index
    %w = arith.ori %pos, %first : i1
    linalg.yield %w : i1
  } -> tensor<1x1x3x4xi1>
  %r_f = call @f(%gq, %gk, %gv, %gm, %gb) : (tensor<1x1x3x4xf32>, tensor<1x1x4x4xf32>, tensor<1x1x4x2xf32>, tensor<1x1x3x4xf32>, tensor<1x1x3x4xi1>) -> tensor<1x1x3x2xf32>
  %ur_f = tensor.cast %r_f : tensor<1x1x3x2xf32> to tensor<*xf32>
  call @printMemrefF32(%ur_f) : (tensor<*xf32>) -> ()
  return
}
func.func @dump() {
  %epq = tensor.empty() : tensor<1x1x3x4xf32>
  %pq = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} outs(%epq : tensor<1x1x3x4xf32>) {
  ^bb0(%o: f32):
    %acc0 = arith.constant 1.1 : f32
    %i0 = linalg.index 0 : index
    %a0 = arith.index_cast %i0 : index to i64
    %f0 = arith.sitofp %a0 : i64 to f32
    %c0 = arith.constant 0.48 : f32
    %m0 = arith.mulf %f0, %c0 : f32
    %acc1 = arith.addf %acc0, %m0 : f32
    %i1 = linalg.index 1 : index
    %a1 = arith.index_cast %i1 : index to i64
    %f1 = arith.sitofp %a1 : i64 to f32
    %c1 = arith.constant 0.77 : f32
    %m1 = arith.mulf %f1, %c1 : f32
    %acc2 = arith.addf %acc1, %m1 : f32
    %i2 = linalg.index 2 : index
    %a2 = arith.index_cast %i2 : index to i64
    %f2 = arith.sitofp %a2 : i64 to f32
    %c2 = arith.constant 1.06 : f32
    %m2 = arith.mulf %f2, %c2 : f32
    %acc3 = arith.addf %acc2, %m2 : f32
    %i3 = linalg.index 3 : index
    %a3 = arith.index_cast %i3 : index to i64
    %f3 = arith.sitofp %a3 : i64 to f32
    %c3 = arith.constant 1.3499999999999999 : f32
    %m3 = arith.mulf %f3, %c3 : f32
    %acc4 = arith.addf %acc3, %m3 : f32
    %sn = math.sin %acc4 : f32
    %amp = arith.constant 2.0 : f32
    %w = arith.mulf %sn, %amp : f32
    linalg.yield %w : f32
  } -> tensor<1x1x3x4xf32>
  %epk = tensor.empty() : tensor<1x1x4x4xf32>
  %pk = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} outs(%epk : tensor<1x1x4x4xf32>) {
  ^bb0(%o: f32):
    %acc0 = arith.constant 2.2 : f32
    %i0 = linalg.index 0 : index
    %a0 = arith.index_cast %i0 : index to i64
    %f0 = arith.sitofp %a0 : i64 to f32
    %c0 = arith.constant 0.59 : f32
    %m0 = arith.mulf %f0, %c0 : f32
    %acc1 = arith.addf %acc0, %m0 : f32
    %i1 = linalg.index 1 : index
    %a1 = arith.index_cast %i1 : index to i64
    %f1 = arith.sitofp %a1 : i64 to f32
    %c1 = arith.constant 0.8799999999999999 : f32
    %m1 = arith.mulf %f1, %c1 : f32
    %acc2 = arith.addf %acc1, %m1 : f32
    %i2 = linalg.index 2 : index
    %a2 = arith.index_cast %i2 : index to i64
    %f2 = arith.sitofp %a2 : i64 to f32
    %c2 = arith.constant 1.17 : f32
    %m2 = arith.mulf %f2, %c2 : f32
    %acc3 = arith.addf %acc2, %m2 : f32
    %i3 = linalg.index 3 : index
    %a3 = arith.index_cast %i3 : index to i64
    %f3 = arith.sitofp %a3 : i64 to f32
    %c3 = arith.constant 1.46 : f32
    %m3 = arith.mulf %f3, %c3 : f32
    %acc4 = arith.addf %acc3, %m3 : f32
    %sn = math.sin %acc4 : f32
    %amp = arith.constant 2.0 : f32
    %w = arith.mulf %sn, %amp : f32
    linalg.yield %w : f32
  } -> tensor<1x1x4x4xf32>
  %epv = tensor.empty() : tensor<1x1x4x2xf32>
  %pv = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} outs(%epv : tensor<1x1x4x2xf32>) {
  ^bb0(%o: f32):
    %acc0 = arith.constant 3.3000000000000003 : f32
    %i0 = linalg.index 0 : index
    %a0 = arith.index_cast %i0 : index to i64
    %f0 = arith.sitofp %a0 : i64 to f32
    %c0 = arith.constant 0.7 : f32
    %m0 = arith.mulf %f0, %c0 : f32
    %acc1 = arith.addf %acc0, %m0 : f32
    %i1 = linalg.index 1 : index
    %a1 = arith.index_cast %i1 : index to i64
    %f1 = arith.sitofp %a1 : i64 to f32
    %c1 = arith.constant 0.99 : f32
    %m1 = arith.mulf %f1, %c1 : f32
    %acc2 = arith.addf %acc1, %m1 : f32
    %i2 = linalg.index 2 : index
    %a2 = arith.index_cast %i2 : index to i64
    %f2 = arith.sitofp %a2 : i64 to f32
    %c2 = arith.constant 1.2799999999999998 : f32
    %m2 = arith.mulf %f2, %c2 : f32
    %acc3 = arith.addf %acc2, %m2 : f32
    %i3 = linalg.index 3 : index
    %a3 = arith.index_cast %i3 : index to i64
    %f3 = arith.sitofp %a3 : i64 to f32
    %c3 = arith.constant 1.5699999999999998 : f32
    %m3 = arith.mulf %f3, %c3 : f32
    %acc4 = arith.addf %acc3, %m3 : f32
    %sn = math.sin %acc4 : f32
    %amp = arith.constant 2.0 : f32
    %w = arith.mulf %sn, %amp : f32
    linalg.yield %w : f32
  } -> tensor<1x1x4x2xf32>
  %epm = tensor.empty() : tensor<1x1x3x4xf32>
  %pm = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} outs(%epm : tensor<1x1x3x4xf32>) {
  ^bb0(%o: f32):
    %acc0 = arith.constant 4.4 : f32
    %i0 = linalg.index 0 : index
    %a0 = arith.index_cast %i0 : index to i64
    %f0 = arith.sitofp %a0 : i64 to f32
    %c0 = arith.constant 0.81 : f32
    %m0 = arith.mulf %f0, %c0 : f32
    %acc1 = arith.addf %acc0, %m0 : f32
    %i1 = linalg.index 1 : index
    %a1 = arith.index_cast %i1 : index to i64
    %f1 = arith.sitofp %a1 : i64 to f32
    %c1 = arith.constant 1.1 : f32
    %m1 = arith.mulf %f1, %c1 : f32
    %acc2 = arith.addf %acc1, %m1 : f32
    %i2 = linalg.index 2 : index
    %a2 = arith.index_cast %i2 : index to i64
    %f2 = arith.sitofp %a2 : i64 to f32
    %c2 = arith.constant 1.3900000000000001 : f32
    %m2 = arith.mulf %f2, %c2 : f32
    %acc3 = arith.addf %acc2, %m2 : f32
    %i3 = linalg.index 3 : index
    %a3 = arith.index_cast %i3 : index to i64
    %f3 = arith.sitofp %a3 : i64 to f32
    %c3 = arith.constant 1.68 : f32
    %m3 = arith.mulf %f3, %c3 : f32
    %acc4 = arith.addf %acc3, %m3 : f32
    %sn = math.sin %acc4 : f32
    %amp = arith.constant 2.0 : f32
    %w = arith.mulf %sn, %amp : f32
    linalg.yield %w : f32
  } -> tensor<1x1x3x4xf32>
  %epb = tensor.empty() : tensor<1x1x3x4xi1>
  %pb = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} outs(%epb : tensor<1x1x3x4xi1>) {
  ^bb0(%o: i1):
    %acc0 = arith.constant 5.5 : f32
    %i0 = linalg.index 0 : index
    %a0 = arith.index_cast %i0 : index to i64
    %f0 = arith.sitofp %a0 : i64 to f32
    %c0 = arith.constant 0.92 : f32
    %m0 = arith.mulf %f0, %c0 : f32
    %acc1 = arith.addf %acc0, %m0 : f32
    %i1 = linalg.index 1 : index
    %a1 = arith.index_cast %i1 : index to i64
    %f1 = arith.sitofp %a1 : i64 to f32
    %c1 = arith.constant 1.21 : f32
    %m1 = arith.mulf %f1, %c1 : f32
    %acc2 = arith.addf %acc1, %m1 : f32
    %i2 = linalg.index 2 : index
    %a2 = arith.index_cast %i2 : index to i64
    %f2 = arith.sitofp %a2 : i64 to f32
    %c2 = arith.constant 1.5 : f32
    %m2 = arith.mulf %f2, %c2 : f32
    %acc3 = arith.addf %acc2, %m2 : f32
    %i3 = linalg.index 3 : index
    %a3 = arith.index_cast %i3 : index to i64
    %f3 = arith.sitofp %a3 : i64 to f32
    %c3 = arith.constant 1.79 : f32
    %m3 = arith.mulf %f3, %c3 : f32
    %acc4 = arith.addf %acc3, %m3 : f32
    %sn = math.sin %acc4 : f32
    %z = arith.constant 0.0 : f32
    %pos = arith.cmpf ogt, %sn, %z : f32
    %c0i = arith.constant 0 : index
    %first = arith.cmpi eq, %i3, %c0i : index
    %w = arith.ori %pos, %first : i1
    linalg.yield %w : i1
  } -> tensor<1x1x3x4xi1>
  %ebf = tensor.empty() : tensor<1x1x3x4xf32>
  %gbf = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>, affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%pb : tensor<1x1x3x4xi1>) outs(%ebf : tensor<1x1x3x4xf32>) {
  ^bb0(%a: i1, %o: f32):
    %y = arith.uitofp %a : i1 to f32
    linalg.yield %y : f32
  } -> tensor<1x1x3x4xf32>
  %u_pq = tensor.cast %pq : tensor<1x1x3x4xf32> to tensor<*xf32>
  call @printMemrefF32(%u_pq) : (tensor<*xf32>) -> ()
  %u_pk = tensor.cast %pk : tensor<1x1x4x4xf32> to tensor<*xf32>
  call @printMemrefF32(%u_pk) : (tensor<*xf32>) -> ()
  %u_pv = tensor.cast %pv : tensor<1x1x4x2xf32> to tensor<*xf32>
  call @printMemrefF32(%u_pv) : (tensor<*xf32>) -> ()
  %u_pm = tensor.cast %pm : tensor<1x1x3x4xf32> to tensor<*xf32>
  call @printMemrefF32(%u_pm) : (tensor<*xf32>) -> ()
  %u_gbf = tensor.cast %gbf : tensor<1x1x3x4xf32> to tensor<*xf32>
  call @printMemrefF32(%u_gbf) : (tensor<*xf32>) -> ()
  return
}
