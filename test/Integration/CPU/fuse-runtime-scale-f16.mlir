// Executed check of attn-fuse-attention on an f16 chain whose scores are
// divided by a temperature argument t = 0.005, with Q around 400 and K around
// 0.002: the chain's scores stay finite, but Q / t rounded to f16 would
// overflow to inf (found in review). Q times the factor is kept in f32, with
// K and V extended, and the op's f32 result is rounded to f16 once.
// RUN: attn-opt %s -attn-fuse-attention | FileCheck %s
// RUN: attn-opt %s -attn-cpu-pipeline="fuse=false" | mlir-runner -e main -entry-point-result=void -shared-libs=%runner_libs > %t.ref
// RUN: attn-opt %s -attn-cpu-pipeline="fuse=true" | mlir-runner -e main -entry-point-result=void -shared-libs=%runner_libs > %t.fused
// RUN: %python %attn_src/test/lib/compare_outputs.py %t.ref %t.fused --rtol 2e-2 --atol 2e-2

// CHECK-LABEL: func.func @f1
// CHECK: attn.attention {{.*}} -> tensor<1x2x4x8xf32>
// CHECK: arith.truncf %{{.*}} : f32 to f16

#sq = affine_map<(b, h, i, j, d) -> (b, h, i, d)>
#sk = affine_map<(b, h, i, j, d) -> (b, h, j, d)>
#ss = affine_map<(b, h, i, j, d) -> (b, h, i, j)>
#pp = affine_map<(b, h, i, e, j) -> (b, h, i, j)>
#pv = affine_map<(b, h, i, e, j) -> (b, h, j, e)>
#po = affine_map<(b, h, i, e, j) -> (b, h, i, e)>
#id4 = affine_map<(b, h, i, j) -> (b, h, i, j)>

func.func @f1(%q: tensor<1x2x4x8xf16>, %k: tensor<1x2x6x8xf16>, %v: tensor<1x2x6x8xf16>, %t: f16) -> tensor<1x2x4x8xf16> {
  %zero = arith.constant 0.0 : f16
  %es = tensor.empty() : tensor<1x2x4x6xf16>
  %fs = linalg.fill ins(%zero : f16) outs(%es : tensor<1x2x4x6xf16>) -> tensor<1x2x4x6xf16>
  %s0 = linalg.generic {indexing_maps = [#sq, #sk, #ss], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%q, %k : tensor<1x2x4x8xf16>, tensor<1x2x6x8xf16>) outs(%fs : tensor<1x2x4x6xf16>) {
  ^bb0(%a: f16, %b: f16, %acc: f16):
    %m = arith.mulf %a, %b : f16
    %r = arith.addf %acc, %m : f16
    linalg.yield %r : f16
  } -> tensor<1x2x4x6xf16>
  %x = linalg.generic {indexing_maps = [#id4, #id4], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%s0 : tensor<1x2x4x6xf16>) outs(%es : tensor<1x2x4x6xf16>) {
  ^bb0(%a: f16, %o: f16):
    %bi = linalg.index 0 : index
    %hi = linalg.index 1 : index
    %ii = linalg.index 2 : index
    %ji = linalg.index 3 : index

    %y = arith.divf %a, %t : f16
    linalg.yield %y : f16
  } -> tensor<1x2x4x6xf16>
  %p = linalg.softmax dimension(3) ins(%x : tensor<1x2x4x6xf16>) outs(%es : tensor<1x2x4x6xf16>) -> tensor<1x2x4x6xf16>
  %eo = tensor.empty() : tensor<1x2x4x8xf16>
  %fo = linalg.fill ins(%zero : f16) outs(%eo : tensor<1x2x4x8xf16>) -> tensor<1x2x4x8xf16>
  %out = linalg.generic {indexing_maps = [#pp, #pv, #po], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%p, %v : tensor<1x2x4x6xf16>, tensor<1x2x6x8xf16>) outs(%fo : tensor<1x2x4x8xf16>) {
  ^bb0(%a: f16, %b: f16, %acc: f16):
    %m = arith.mulf %a, %b : f16
    %r = arith.addf %acc, %m : f16
    linalg.yield %r : f16
  } -> tensor<1x2x4x8xf16>
  return %out : tensor<1x2x4x8xf16>
}
func.func private @printMemrefF32(tensor<*xf32>)
func.func @main() {
  %q0_e = tensor.empty() : tensor<1x2x4x8xf16>
  %q0 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} outs(%q0_e : tensor<1x2x4x8xf16>) {
  ^bb0(%o: f16):
    %c0 = arith.constant 1.3813 : f32
    %c1 = arith.constant 2.0913 : f32
    %c2 = arith.constant 2.8013 : f32
    %c3 = arith.constant 3.5113 : f32
    %cz = arith.constant 0.0 : f32
    %acc0 = arith.constant 0.100 : f32
    %x0 = linalg.index 0 : index
    %y0 = arith.index_cast %x0 : index to i32
    %z0 = arith.sitofp %y0 : i32 to f32
    %w0 = arith.mulf %z0, %c0 : f32
    %acc1 = arith.addf %acc0, %w0 : f32
    %x1 = linalg.index 1 : index
    %y1 = arith.index_cast %x1 : index to i32
    %z1 = arith.sitofp %y1 : i32 to f32
    %w1 = arith.mulf %z1, %c1 : f32
    %acc2 = arith.addf %acc1, %w1 : f32
    %x2 = linalg.index 2 : index
    %y2 = arith.index_cast %x2 : index to i32
    %z2 = arith.sitofp %y2 : i32 to f32
    %w2 = arith.mulf %z2, %c2 : f32
    %acc3 = arith.addf %acc2, %w2 : f32
    %x3 = linalg.index 3 : index
    %y3 = arith.index_cast %x3 : index to i32
    %z3 = arith.sitofp %y3 : i32 to f32
    %w3 = arith.mulf %z3, %c3 : f32
    %acc4 = arith.addf %acc3, %w3 : f32
    %sn = math.sin %acc4 : f32
    %res = arith.truncf %sn : f32 to f16
    linalg.yield %res : f16
  } -> tensor<1x2x4x8xf16>

  %k0_e = tensor.empty() : tensor<1x2x6x8xf16>
  %k0 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} outs(%k0_e : tensor<1x2x6x8xf16>) {
  ^bb0(%o: f16):
    %c0 = arith.constant 1.4491 : f32
    %c1 = arith.constant 2.1591 : f32
    %c2 = arith.constant 2.8691 : f32
    %c3 = arith.constant 3.5791 : f32
    %cz = arith.constant 0.0 : f32
    %acc0 = arith.constant 0.700 : f32
    %x0 = linalg.index 0 : index
    %y0 = arith.index_cast %x0 : index to i32
    %z0 = arith.sitofp %y0 : i32 to f32
    %w0 = arith.mulf %z0, %c0 : f32
    %acc1 = arith.addf %acc0, %w0 : f32
    %x1 = linalg.index 1 : index
    %y1 = arith.index_cast %x1 : index to i32
    %z1 = arith.sitofp %y1 : i32 to f32
    %w1 = arith.mulf %z1, %c1 : f32
    %acc2 = arith.addf %acc1, %w1 : f32
    %x2 = linalg.index 2 : index
    %y2 = arith.index_cast %x2 : index to i32
    %z2 = arith.sitofp %y2 : i32 to f32
    %w2 = arith.mulf %z2, %c2 : f32
    %acc3 = arith.addf %acc2, %w2 : f32
    %x3 = linalg.index 3 : index
    %y3 = arith.index_cast %x3 : index to i32
    %z3 = arith.sitofp %y3 : i32 to f32
    %w3 = arith.mulf %z3, %c3 : f32
    %acc4 = arith.addf %acc3, %w3 : f32
    %sn = math.sin %acc4 : f32
    %res = arith.truncf %sn : f32 to f16
    linalg.yield %res : f16
  } -> tensor<1x2x6x8xf16>

  %v_e = tensor.empty() : tensor<1x2x6x8xf16>
  %v = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} outs(%v_e : tensor<1x2x6x8xf16>) {
  ^bb0(%o: f16):
    %c0 = arith.constant 1.5169 : f32
    %c1 = arith.constant 2.2269 : f32
    %c2 = arith.constant 2.9369 : f32
    %c3 = arith.constant 3.6469 : f32
    %cz = arith.constant 0.0 : f32
    %acc0 = arith.constant 1.300 : f32
    %x0 = linalg.index 0 : index
    %y0 = arith.index_cast %x0 : index to i32
    %z0 = arith.sitofp %y0 : i32 to f32
    %w0 = arith.mulf %z0, %c0 : f32
    %acc1 = arith.addf %acc0, %w0 : f32
    %x1 = linalg.index 1 : index
    %y1 = arith.index_cast %x1 : index to i32
    %z1 = arith.sitofp %y1 : i32 to f32
    %w1 = arith.mulf %z1, %c1 : f32
    %acc2 = arith.addf %acc1, %w1 : f32
    %x2 = linalg.index 2 : index
    %y2 = arith.index_cast %x2 : index to i32
    %z2 = arith.sitofp %y2 : i32 to f32
    %w2 = arith.mulf %z2, %c2 : f32
    %acc3 = arith.addf %acc2, %w2 : f32
    %x3 = linalg.index 3 : index
    %y3 = arith.index_cast %x3 : index to i32
    %z3 = arith.sitofp %y3 : i32 to f32
    %w3 = arith.mulf %z3, %c3 : f32
    %acc4 = arith.addf %acc3, %w3 : f32
    %sn = math.sin %acc4 : f32
    %res = arith.truncf %sn : f32 to f16
    linalg.yield %res : f16
  } -> tensor<1x2x6x8xf16>

  %eq = tensor.empty() : tensor<1x2x4x8xf16>
  %q = linalg.generic {indexing_maps = [#id4, #id4], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%q0 : tensor<1x2x4x8xf16>) outs(%eq : tensor<1x2x4x8xf16>) {
  ^bb0(%a: f16, %o: f16):
    %c = arith.constant 400.0 : f16
    %r = arith.mulf %a, %c : f16
    linalg.yield %r : f16
  } -> tensor<1x2x4x8xf16>
  %ek = tensor.empty() : tensor<1x2x6x8xf16>
  %k = linalg.generic {indexing_maps = [#id4, #id4], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%k0 : tensor<1x2x6x8xf16>) outs(%ek : tensor<1x2x6x8xf16>) {
  ^bb0(%a: f16, %o: f16):
    %c = arith.constant 0.002 : f16
    %r = arith.mulf %a, %c : f16
    linalg.yield %r : f16
  } -> tensor<1x2x6x8xf16>
  %t = arith.constant 0.005 : f16
  %o1 = call @f1(%q, %k, %v, %t) : (tensor<1x2x4x8xf16>, tensor<1x2x6x8xf16>, tensor<1x2x6x8xf16>, f16) -> tensor<1x2x4x8xf16>
  %e32 = tensor.empty() : tensor<1x2x4x8xf32>
  %o32 = linalg.generic {indexing_maps = [#id4, #id4], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%o1 : tensor<1x2x4x8xf16>) outs(%e32 : tensor<1x2x4x8xf32>) {
  ^bb0(%a: f16, %o: f32):
    %r = arith.extf %a : f16 to f32
    linalg.yield %r : f32
  } -> tensor<1x2x4x8xf32>
  %u1 = tensor.cast %o32 : tensor<1x2x4x8xf32> to tensor<*xf32>
  call @printMemrefF32(%u1) : (tensor<*xf32>) -> ()
  return
}
