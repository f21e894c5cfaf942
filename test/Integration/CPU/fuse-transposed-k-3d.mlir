// Executed check of attn-fuse-attention on K and V stored in an order the op
// does not read, in chains where that used to be refused: K given already
// transposed as [N, D, Skv] to a 3-D tosa.matmul and to linalg.batch_matmul
// (read through a linalg.transpose), and MQA K/V stored [B, Skv, 1, D] with Q
// in [B, H, S, D] (the single K/V head transposed to [B, 1, Skv, D]; also
// with B = 1 read at 0, two unit dims read at 0); with Q
// in [B, S, H, D] the op takes layout = bshd. The fused and the unfused
// programs must print the same numbers.
// RUN: attn-opt %s -attn-fuse-attention | FileCheck %s
// RUN: attn-opt %s -attn-cpu-pipeline="fuse=false" | mlir-runner -e main -entry-point-result=void -shared-libs=%runner_libs > %t.ref
// RUN: attn-opt %s -attn-cpu-pipeline="fuse=true" | mlir-runner -e main -entry-point-result=void -shared-libs=%runner_libs > %t.fused
// RUN: %python %attn_src/test/lib/compare_outputs.py %t.ref %t.fused --rtol 1e-4 --atol 1e-5

// CHECK-LABEL: func.func @k_given(
// CHECK: linalg.transpose ins(%{{.*}} : tensor<2x4x7xf32>) outs(%{{.*}} : tensor<2x7x4xf32>) permutation = [0, 2, 1]
// CHECK: attn.attention
// CHECK-NOT: tosa.matmul
// CHECK-LABEL: func.func @k_given_bmm(
// CHECK: linalg.transpose ins(%{{.*}} : tensor<2x4x7xf32>) outs(%{{.*}} : tensor<2x7x4xf32>) permutation = [0, 2, 1]
// CHECK: attn.attention
// CHECK-NOT: linalg.batch_matmul
// CHECK-LABEL: func.func @q_bhsd(
// CHECK-COUNT-2: linalg.transpose ins(%{{.*}} : tensor<1x5x1x4xf32>) outs(%{{.*}} : tensor<1x1x5x4xf32>) permutation = [0, 2, 1, 3]
// CHECK: attn.attention {{.*}} -> tensor<1x2x3x4xf32>
// CHECK-LABEL: func.func @q_bhsd_unit_batch(
// CHECK-COUNT-2: linalg.transpose ins(%{{.*}} : tensor<1x5x1x4xf32>) outs(%{{.*}} : tensor<1x1x5x4xf32>) permutation = [0, 2, 1, 3]
// CHECK: attn.attention {{.*}} -> tensor<1x2x3x4xf32>
// CHECK-LABEL: func.func @q_bshd(
// CHECK: attn.attention {{.*}} layout = bshd

func.func @k_given(%q: tensor<2x5x4xf32>, %k: tensor<2x4x7xf32>, %v: tensor<2x7x4xf32>) -> tensor<2x5x4xf32> {
  %zp = "tosa.const"() <{values = dense<0.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %shift = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8>
  %c = "tosa.const"() <{values = dense<0.5> : tensor<1x1x1xf32>}> : () -> tensor<1x1x1xf32>
  %s = tosa.matmul %q, %k, %zp, %zp : (tensor<2x5x4xf32>, tensor<2x4x7xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<2x5x7xf32>
  %x = tosa.mul %s, %c, %shift : (tensor<2x5x7xf32>, tensor<1x1x1xf32>, tensor<1xi8>) -> tensor<2x5x7xf32>
  %mx = tosa.reduce_max %x {axis = 2 : i32} : (tensor<2x5x7xf32>) -> tensor<2x5x1xf32>
  %d = tosa.sub %x, %mx : (tensor<2x5x7xf32>, tensor<2x5x1xf32>) -> tensor<2x5x7xf32>
  %e = tosa.exp %d : (tensor<2x5x7xf32>) -> tensor<2x5x7xf32>
  %su = tosa.reduce_sum %e {axis = 2 : i32} : (tensor<2x5x7xf32>) -> tensor<2x5x1xf32>
  %r = tosa.reciprocal %su : (tensor<2x5x1xf32>) -> tensor<2x5x1xf32>
  %p = tosa.mul %e, %r, %shift : (tensor<2x5x7xf32>, tensor<2x5x1xf32>, tensor<1xi8>) -> tensor<2x5x7xf32>
  %o = tosa.matmul %p, %v, %zp, %zp : (tensor<2x5x7xf32>, tensor<2x7x4xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<2x5x4xf32>
  return %o : tensor<2x5x4xf32>
}

func.func @k_given_bmm(%q: tensor<2x5x4xf32>, %k: tensor<2x4x7xf32>, %v: tensor<2x7x4xf32>) -> tensor<2x5x4xf32> {
  %z = arith.constant 0.0 : f32
  %e0 = tensor.empty() : tensor<2x5x7xf32>
  %f0 = linalg.fill ins(%z : f32) outs(%e0 : tensor<2x5x7xf32>) -> tensor<2x5x7xf32>
  %s = linalg.batch_matmul ins(%q, %k : tensor<2x5x4xf32>, tensor<2x4x7xf32>) outs(%f0 : tensor<2x5x7xf32>) -> tensor<2x5x7xf32>
  %p = linalg.softmax dimension(2) ins(%s : tensor<2x5x7xf32>) outs(%e0 : tensor<2x5x7xf32>) -> tensor<2x5x7xf32>
  %e1 = tensor.empty() : tensor<2x5x4xf32>
  %f1 = linalg.fill ins(%z : f32) outs(%e1 : tensor<2x5x4xf32>) -> tensor<2x5x4xf32>
  %o = linalg.batch_matmul ins(%p, %v : tensor<2x5x7xf32>, tensor<2x7x4xf32>) outs(%f1 : tensor<2x5x4xf32>) -> tensor<2x5x4xf32>
  return %o : tensor<2x5x4xf32>
}

func.func @q_bhsd(%q: tensor<1x2x3x4xf32>, %k: tensor<1x5x1x4xf32>, %v: tensor<1x5x1x4xf32>) -> tensor<1x2x3x4xf32> {
  %z = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<1x2x3x5xf32>
  %f = linalg.fill ins(%z : f32) outs(%e : tensor<1x2x3x5xf32>) -> tensor<1x2x3x5xf32>
  %s = linalg.generic {indexing_maps = [affine_map<(b, h, i, j, d) -> (b, h, i, d)>, affine_map<(b, h, i, j, d) -> (b, j, 0, d)>, affine_map<(b, h, i, j, d) -> (b, h, i, j)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%q, %k : tensor<1x2x3x4xf32>, tensor<1x5x1x4xf32>) outs(%f : tensor<1x2x3x5xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %m = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %m : f32
    linalg.yield %r : f32
  } -> tensor<1x2x3x5xf32>
  %p = linalg.softmax dimension(3) ins(%s : tensor<1x2x3x5xf32>) outs(%e : tensor<1x2x3x5xf32>) -> tensor<1x2x3x5xf32>
  %eo = tensor.empty() : tensor<1x2x3x4xf32>
  %fo = linalg.fill ins(%z : f32) outs(%eo : tensor<1x2x3x4xf32>) -> tensor<1x2x3x4xf32>
  %o = linalg.generic {indexing_maps = [affine_map<(b, h, i, e, j) -> (b, h, i, j)>, affine_map<(b, h, i, e, j) -> (b, j, 0, e)>, affine_map<(b, h, i, e, j) -> (b, h, i, e)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%p, %v : tensor<1x2x3x5xf32>, tensor<1x5x1x4xf32>) outs(%fo : tensor<1x2x3x4xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %m = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %m : f32
    linalg.yield %r : f32
  } -> tensor<1x2x3x4xf32>
  return %o : tensor<1x2x3x4xf32>
}

func.func @q_bhsd_unit_batch(%q: tensor<1x2x3x4xf32>, %k: tensor<1x5x1x4xf32>, %v: tensor<1x5x1x4xf32>) -> tensor<1x2x3x4xf32> {
  %z = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<1x2x3x5xf32>
  %f = linalg.fill ins(%z : f32) outs(%e : tensor<1x2x3x5xf32>) -> tensor<1x2x3x5xf32>
  %s = linalg.generic {indexing_maps = [affine_map<(b, h, i, j, d) -> (b, h, i, d)>, affine_map<(b, h, i, j, d) -> (0, j, 0, d)>, affine_map<(b, h, i, j, d) -> (b, h, i, j)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%q, %k : tensor<1x2x3x4xf32>, tensor<1x5x1x4xf32>) outs(%f : tensor<1x2x3x5xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %m = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %m : f32
    linalg.yield %r : f32
  } -> tensor<1x2x3x5xf32>
  %p = linalg.softmax dimension(3) ins(%s : tensor<1x2x3x5xf32>) outs(%e : tensor<1x2x3x5xf32>) -> tensor<1x2x3x5xf32>
  %eo = tensor.empty() : tensor<1x2x3x4xf32>
  %fo = linalg.fill ins(%z : f32) outs(%eo : tensor<1x2x3x4xf32>) -> tensor<1x2x3x4xf32>
  %o = linalg.generic {indexing_maps = [affine_map<(b, h, i, e, j) -> (b, h, i, j)>, affine_map<(b, h, i, e, j) -> (0, j, 0, e)>, affine_map<(b, h, i, e, j) -> (b, h, i, e)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%p, %v : tensor<1x2x3x5xf32>, tensor<1x5x1x4xf32>) outs(%fo : tensor<1x2x3x4xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %m = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %m : f32
    linalg.yield %r : f32
  } -> tensor<1x2x3x4xf32>
  return %o : tensor<1x2x3x4xf32>
}

func.func @q_bshd(%q: tensor<1x3x2x4xf32>, %k: tensor<1x5x1x4xf32>, %v: tensor<1x5x1x4xf32>) -> tensor<1x2x3x4xf32> {
  %z = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<1x2x3x5xf32>
  %f = linalg.fill ins(%z : f32) outs(%e : tensor<1x2x3x5xf32>) -> tensor<1x2x3x5xf32>
  %s = linalg.generic {indexing_maps = [affine_map<(b, h, i, j, d) -> (b, i, h, d)>, affine_map<(b, h, i, j, d) -> (b, j, 0, d)>, affine_map<(b, h, i, j, d) -> (b, h, i, j)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%q, %k : tensor<1x3x2x4xf32>, tensor<1x5x1x4xf32>) outs(%f : tensor<1x2x3x5xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %m = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %m : f32
    linalg.yield %r : f32
  } -> tensor<1x2x3x5xf32>
  %p = linalg.softmax dimension(3) ins(%s : tensor<1x2x3x5xf32>) outs(%e : tensor<1x2x3x5xf32>) -> tensor<1x2x3x5xf32>
  %eo = tensor.empty() : tensor<1x2x3x4xf32>
  %fo = linalg.fill ins(%z : f32) outs(%eo : tensor<1x2x3x4xf32>) -> tensor<1x2x3x4xf32>
  %o = linalg.generic {indexing_maps = [affine_map<(b, h, i, e, j) -> (b, h, i, j)>, affine_map<(b, h, i, e, j) -> (b, j, 0, e)>, affine_map<(b, h, i, e, j) -> (b, h, i, e)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%p, %v : tensor<1x2x3x5xf32>, tensor<1x5x1x4xf32>) outs(%fo : tensor<1x2x3x4xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %m = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %m : f32
    linalg.yield %r : f32
  } -> tensor<1x2x3x4xf32>
  return %o : tensor<1x2x3x4xf32>
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

// A random tensor of the given static shape (through a dynamic one, so
// that nothing is constant-folded).
func.func @rand(%shape: tensor<4xindex>, %seed: f32) -> tensor<?x?x?x?xf32> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %c3 = arith.constant 3 : index
  %d0 = tensor.extract %shape[%c0] : tensor<4xindex>
  %d1 = tensor.extract %shape[%c1] : tensor<4xindex>
  %d2 = tensor.extract %shape[%c2] : tensor<4xindex>
  %d3 = tensor.extract %shape[%c3] : tensor<4xindex>
  %e = tensor.empty(%d0, %d1, %d2, %d3) : tensor<?x?x?x?xf32>
  %r = call @fill(%e, %seed) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  return %r : tensor<?x?x?x?xf32>
}

func.func private @printMemrefF32(tensor<*xf32>)

func.func @print(%t: tensor<?x?x?x?xf32>) {
  %u = tensor.cast %t : tensor<?x?x?x?xf32> to tensor<*xf32>
  call @printMemrefF32(%u) : (tensor<*xf32>) -> ()
  return
}

func.func @main() {
  %s0 = arith.constant 0.0 : f32
  %s1 = arith.constant 1.7 : f32
  %s2 = arith.constant 2.9 : f32
  %sh_q = arith.constant dense<[1, 2, 5, 4]> : tensor<4xindex>
  %sh_k = arith.constant dense<[1, 2, 4, 7]> : tensor<4xindex>
  %sh_v = arith.constant dense<[1, 2, 7, 4]> : tensor<4xindex>
  %q4 = call @rand(%sh_q, %s0) : (tensor<4xindex>, f32) -> tensor<?x?x?x?xf32>
  %k4 = call @rand(%sh_k, %s1) : (tensor<4xindex>, f32) -> tensor<?x?x?x?xf32>
  %v4 = call @rand(%sh_v, %s2) : (tensor<4xindex>, f32) -> tensor<?x?x?x?xf32>
  %q4s = tensor.cast %q4 : tensor<?x?x?x?xf32> to tensor<1x2x5x4xf32>
  %k4s = tensor.cast %k4 : tensor<?x?x?x?xf32> to tensor<1x2x4x7xf32>
  %v4s = tensor.cast %v4 : tensor<?x?x?x?xf32> to tensor<1x2x7x4xf32>
  %q3 = tensor.collapse_shape %q4s [[0, 1], [2], [3]] : tensor<1x2x5x4xf32> into tensor<2x5x4xf32>
  %k3 = tensor.collapse_shape %k4s [[0, 1], [2], [3]] : tensor<1x2x4x7xf32> into tensor<2x4x7xf32>
  %v3 = tensor.collapse_shape %v4s [[0, 1], [2], [3]] : tensor<1x2x7x4xf32> into tensor<2x7x4xf32>
  %o1 = call @k_given(%q3, %k3, %v3) : (tensor<2x5x4xf32>, tensor<2x4x7xf32>, tensor<2x7x4xf32>) -> tensor<2x5x4xf32>
  %o2 = call @k_given_bmm(%q3, %k3, %v3) : (tensor<2x5x4xf32>, tensor<2x4x7xf32>, tensor<2x7x4xf32>) -> tensor<2x5x4xf32>
  %o1e = tensor.expand_shape %o1 [[0, 1], [2], [3]] output_shape [1, 2, 5, 4] : tensor<2x5x4xf32> into tensor<1x2x5x4xf32>
  %o2e = tensor.expand_shape %o2 [[0, 1], [2], [3]] output_shape [1, 2, 5, 4] : tensor<2x5x4xf32> into tensor<1x2x5x4xf32>
  %o1d = tensor.cast %o1e : tensor<1x2x5x4xf32> to tensor<?x?x?x?xf32>
  %o2d = tensor.cast %o2e : tensor<1x2x5x4xf32> to tensor<?x?x?x?xf32>
  call @print(%o1d) : (tensor<?x?x?x?xf32>) -> ()
  call @print(%o2d) : (tensor<?x?x?x?xf32>) -> ()

  %sh_qa = arith.constant dense<[1, 2, 3, 4]> : tensor<4xindex>
  %sh_qb = arith.constant dense<[1, 3, 2, 4]> : tensor<4xindex>
  %sh_kv = arith.constant dense<[1, 5, 1, 4]> : tensor<4xindex>
  %qa = call @rand(%sh_qa, %s0) : (tensor<4xindex>, f32) -> tensor<?x?x?x?xf32>
  %qb = call @rand(%sh_qb, %s0) : (tensor<4xindex>, f32) -> tensor<?x?x?x?xf32>
  %km = call @rand(%sh_kv, %s1) : (tensor<4xindex>, f32) -> tensor<?x?x?x?xf32>
  %vm = call @rand(%sh_kv, %s2) : (tensor<4xindex>, f32) -> tensor<?x?x?x?xf32>
  %qas = tensor.cast %qa : tensor<?x?x?x?xf32> to tensor<1x2x3x4xf32>
  %qbs = tensor.cast %qb : tensor<?x?x?x?xf32> to tensor<1x3x2x4xf32>
  %kms = tensor.cast %km : tensor<?x?x?x?xf32> to tensor<1x5x1x4xf32>
  %vms = tensor.cast %vm : tensor<?x?x?x?xf32> to tensor<1x5x1x4xf32>
  %o3 = call @q_bhsd(%qas, %kms, %vms) : (tensor<1x2x3x4xf32>, tensor<1x5x1x4xf32>, tensor<1x5x1x4xf32>) -> tensor<1x2x3x4xf32>
  %o4 = call @q_bshd(%qbs, %kms, %vms) : (tensor<1x3x2x4xf32>, tensor<1x5x1x4xf32>, tensor<1x5x1x4xf32>) -> tensor<1x2x3x4xf32>
  %o3d = tensor.cast %o3 : tensor<1x2x3x4xf32> to tensor<?x?x?x?xf32>
  %o4d = tensor.cast %o4 : tensor<1x2x3x4xf32> to tensor<?x?x?x?xf32>
  call @print(%o3d) : (tensor<?x?x?x?xf32>) -> ()
  call @print(%o4d) : (tensor<?x?x?x?xf32>) -> ()
  %o5 = call @q_bhsd_unit_batch(%qas, %kms, %vms) : (tensor<1x2x3x4xf32>, tensor<1x5x1x4xf32>, tensor<1x5x1x4xf32>) -> tensor<1x2x3x4xf32>
  %o5d = tensor.cast %o5 : tensor<1x2x3x4xf32> to tensor<?x?x?x?xf32>
  call @print(%o5d) : (tensor<?x?x?x?xf32>) -> ()
  return
}
