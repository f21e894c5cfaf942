// Executed check of attn-fuse-attention on K and V given transposed,
// [B, H, D, Skv] and [B, H, Dv, Skv] (a cache kept that way), read by the
// contractions' indexing maps: the op reads them through a linalg.transpose
// into [B, H, Skv, D] (one copy of K and V per call instead of the unfused
// chain). A causal band j <= i + 6 with Sq = 5, Skv = 11 (bottom-right).
// D = 8, Dv = 6: a swapped dim would not even type-check at run time.
// RUN: attn-opt %s -attn-fuse-attention | FileCheck %s
// RUN: attn-opt %s -attn-cpu-pipeline="fuse=false" | mlir-runner -e main -entry-point-result=void -shared-libs=%runner_libs > %t.ref
// RUN: attn-opt %s -attn-cpu-pipeline="fuse=true" | mlir-runner -e main -entry-point-result=void -shared-libs=%runner_libs > %t.fused
// RUN: %python %attn_src/test/lib/compare_outputs.py %t.ref %t.fused --rtol 1e-4 --atol 1e-5

// CHECK-LABEL: func.func @kv_transposed
// CHECK: %[[K:.+]] = linalg.transpose ins(%arg1 : tensor<1x2x8x11xf32>) outs(%{{.+}} : tensor<1x2x11x8xf32>) permutation = [0, 1, 3, 2]
// CHECK: %[[V:.+]] = linalg.transpose ins(%arg2 : tensor<1x2x6x11xf32>) outs(%{{.+}} : tensor<1x2x11x6xf32>) permutation = [0, 1, 3, 2]
// CHECK: attn.attention ins(%arg0, %[[K]], %[[V]] :
// CHECK-SAME: causal = bottom_right

#q = affine_map<(b, h, i, j, d) -> (b, h, i, d)>
#kt = affine_map<(b, h, i, j, d) -> (b, h, d, j)>
#s = affine_map<(b, h, i, j, d) -> (b, h, i, j)>
#p = affine_map<(b, h, i, e, j) -> (b, h, i, j)>
#vt = affine_map<(b, h, i, e, j) -> (b, h, e, j)>
#o = affine_map<(b, h, i, e, j) -> (b, h, i, e)>
#id = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#row = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>

// K given as [B, H, D, Skv] and V as [B, H, Dv, Skv] (a cache kept
// transposed), read by the contractions' maps; causal from indices.
func.func @kv_transposed(%q: tensor<1x2x5x8xf32>, %k: tensor<1x2x8x11xf32>, %v: tensor<1x2x6x11xf32>) -> tensor<1x2x5x6xf32> {
  %zero = arith.constant 0.0 : f32
  %ninf = arith.constant 0xFF800000 : f32
  %scale = arith.constant 0.35 : f32
  %e = tensor.empty() : tensor<1x2x5x11xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<1x2x5x11xf32>) -> tensor<1x2x5x11xf32>
  %s = linalg.generic {indexing_maps = [#q, #kt, #s], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%q, %k : tensor<1x2x5x8xf32>, tensor<1x2x8x11xf32>) outs(%f : tensor<1x2x5x11xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %mm = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %mm : f32
    linalg.yield %r : f32
  } -> tensor<1x2x5x11xf32>
  %ss = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%s : tensor<1x2x5x11xf32>) outs(%e : tensor<1x2x5x11xf32>) {
  ^bb0(%a: f32, %o: f32):
    %r = arith.mulf %a, %scale : f32
    %i = linalg.index 2 : index
    %j = linalg.index 3 : index
    %c6 = arith.constant 6 : index
    %lim = arith.addi %i, %c6 : index
    %keep = arith.cmpi sle, %j, %lim : index
    %r1 = arith.select %keep, %r, %ninf : f32
    linalg.yield %r1 : f32
  } -> tensor<1x2x5x11xf32>
  %sm = linalg.softmax dimension(3) ins(%ss : tensor<1x2x5x11xf32>) outs(%e : tensor<1x2x5x11xf32>) -> tensor<1x2x5x11xf32>
  %eo = tensor.empty() : tensor<1x2x5x6xf32>
  %fo = linalg.fill ins(%zero : f32) outs(%eo : tensor<1x2x5x6xf32>) -> tensor<1x2x5x6xf32>
  %o = linalg.generic {indexing_maps = [#p, #vt, #o], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%sm, %v : tensor<1x2x5x11xf32>, tensor<1x2x6x11xf32>) outs(%fo : tensor<1x2x5x6xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %mm = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %mm : f32
    linalg.yield %r : f32
  } -> tensor<1x2x5x6xf32>
  return %o : tensor<1x2x5x6xf32>
}

#gen = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>

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
  %eq = tensor.empty() : tensor<1x2x5x8xf32>
  %ek = tensor.empty() : tensor<1x2x8x11xf32>
  %ev = tensor.empty() : tensor<1x2x6x11xf32>
  %dq = tensor.cast %eq : tensor<1x2x5x8xf32> to tensor<?x?x?x?xf32>
  %dk = tensor.cast %ek : tensor<1x2x8x11xf32> to tensor<?x?x?x?xf32>
  %dv = tensor.cast %ev : tensor<1x2x6x11xf32> to tensor<?x?x?x?xf32>
  %sq = arith.constant 0.3 : f32
  %sk = arith.constant 1.7 : f32
  %sv = arith.constant 2.9 : f32
  %fq = call @fill(%dq, %sq) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %fk = call @fill(%dk, %sk) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %fv = call @fill(%dv, %sv) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %q = tensor.cast %fq : tensor<?x?x?x?xf32> to tensor<1x2x5x8xf32>
  %k = tensor.cast %fk : tensor<?x?x?x?xf32> to tensor<1x2x8x11xf32>
  %v = tensor.cast %fv : tensor<?x?x?x?xf32> to tensor<1x2x6x11xf32>
  %o = call @kv_transposed(%q, %k, %v) : (tensor<1x2x5x8xf32>, tensor<1x2x8x11xf32>, tensor<1x2x6x11xf32>) -> tensor<1x2x5x6xf32>
  %u = tensor.cast %o : tensor<1x2x5x6xf32> to tensor<*xf32>
  call @printMemrefF32(%u) : (tensor<*xf32>) -> ()
  return
}
