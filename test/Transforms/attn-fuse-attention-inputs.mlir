// attn-fuse-attention on chains whose inputs are computed, as whole models
// compute them: the chain ends at the tensors Q, K and V are computed into
// (projections, bias adds), and ops that only prepare inputs (a transpose of
// K, a mask built from a bool tensor) may be shared between chains.
// RUN: attn-opt %s -split-input-file -attn-fuse-attention | FileCheck %s

// V computed by a projection matmul: the chain stops at it (V is that
// tensor); the projection is not taken for the score contraction.
// CHECK-LABEL: func.func @f(
// CHECK: %[[V:.+]] = linalg.matmul
// CHECK: %[[V4:.+]] = tensor.expand_shape %[[V]]
// CHECK: attn.attention ins(%{{.*}}, %{{.*}}, %[[V4]] :

func.func @f(%q: tensor<8x16xf32>, %k: tensor<8x16xf32>, %x: tensor<8x16xf32>, %wv: tensor<16x16xf32>) -> tensor<8x16xf32> {
  %z = arith.constant 0.0 : f32
  %ek = tensor.empty() : tensor<16x8xf32>
  %kt = linalg.transpose ins(%k : tensor<8x16xf32>) outs(%ek : tensor<16x8xf32>) permutation = [1, 0]
  %e0 = tensor.empty() : tensor<8x16xf32>
  %f0 = linalg.fill ins(%z : f32) outs(%e0 : tensor<8x16xf32>) -> tensor<8x16xf32>
  %v = linalg.matmul ins(%x, %wv : tensor<8x16xf32>, tensor<16x16xf32>) outs(%f0 : tensor<8x16xf32>) -> tensor<8x16xf32>
  %e1 = tensor.empty() : tensor<8x8xf32>
  %f1 = linalg.fill ins(%z : f32) outs(%e1 : tensor<8x8xf32>) -> tensor<8x8xf32>
  %s = linalg.matmul ins(%q, %kt : tensor<8x16xf32>, tensor<16x8xf32>) outs(%f1 : tensor<8x8xf32>) -> tensor<8x8xf32>
  %e9 = tensor.empty() : tensor<8x8xf32>
  %p = linalg.softmax dimension(1) ins(%s : tensor<8x8xf32>) outs(%e9 : tensor<8x8xf32>) -> tensor<8x8xf32>
  %e2 = tensor.empty() : tensor<8x16xf32>
  %f2 = linalg.fill ins(%z : f32) outs(%e2 : tensor<8x16xf32>) -> tensor<8x16xf32>
  %o = linalg.matmul ins(%p, %v : tensor<8x8xf32>, tensor<8x16xf32>) outs(%f2 : tensor<8x16xf32>) -> tensor<8x16xf32>
  return %o : tensor<8x16xf32>
}

// -----

// Q computed elementwise (a bias add): Q is the tensor it is computed into.
// CHECK-LABEL: func.func
// CHECK: %[[QE:.+]] = linalg.generic
// CHECK: %[[Q4:.+]] = tensor.expand_shape %[[QE]]
// CHECK: attn.attention ins(%[[Q4]],

#id = affine_map<(d0, d1) -> (d0, d1)>
func.func @f(%q: tensor<8x16xf32>, %k: tensor<8x16xf32>, %v: tensor<8x16xf32>) -> tensor<8x16xf32> {
  %z = arith.constant 0.0 : f32
  %ek = tensor.empty() : tensor<16x8xf32>
  %kt = linalg.transpose ins(%k : tensor<8x16xf32>) outs(%ek : tensor<16x8xf32>) permutation = [1, 0]
  %e0 = tensor.empty() : tensor<8x16xf32>
  %qe = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel"]} ins(%q : tensor<8x16xf32>) outs(%e0 : tensor<8x16xf32>) {
  ^bb0(%a: f32, %o: f32):
    %r = math.exp %a : f32
    linalg.yield %r : f32
  } -> tensor<8x16xf32>
  %e1 = tensor.empty() : tensor<8x8xf32>
  %f1 = linalg.fill ins(%z : f32) outs(%e1 : tensor<8x8xf32>) -> tensor<8x8xf32>
  %s = linalg.matmul ins(%qe, %kt : tensor<8x16xf32>, tensor<16x8xf32>) outs(%f1 : tensor<8x8xf32>) -> tensor<8x8xf32>
  %e9 = tensor.empty() : tensor<8x8xf32>
  %p = linalg.softmax dimension(1) ins(%s : tensor<8x8xf32>) outs(%e9 : tensor<8x8xf32>) -> tensor<8x8xf32>
  %e2 = tensor.empty() : tensor<8x16xf32>
  %f2 = linalg.fill ins(%z : f32) outs(%e2 : tensor<8x16xf32>) -> tensor<8x16xf32>
  %o = linalg.matmul ins(%p, %v : tensor<8x8xf32>, tensor<8x16xf32>) outs(%f2 : tensor<8x16xf32>) -> tensor<8x16xf32>
  return %o : tensor<8x16xf32>
}

// -----

// One mask built by a linalg.generic feeds two layers: the mask is an
// input, so both chains are raised.
// CHECK-LABEL: func.func
// CHECK-COUNT-2: attn.attention

#id = affine_map<(d0, d1) -> (d0, d1)>
func.func @f(%q: tensor<8x16xf32>, %k: tensor<8x16xf32>, %v: tensor<8x16xf32>, %mf: tensor<8x8xf32>) -> (tensor<8x16xf32>, tensor<8x16xf32>) {
  %z = arith.constant 0.0 : f32
  %ninf = arith.constant 0xFF800000 : f32
  %eb = tensor.empty() : tensor<8x8xi1>
  %m = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel"]} ins(%mf : tensor<8x8xf32>) outs(%eb : tensor<8x8xi1>) {
  ^bb0(%a: f32, %o: i1):
    %c = arith.cmpf ogt, %a, %z : f32
    linalg.yield %c : i1
  } -> tensor<8x8xi1>
  %ek = tensor.empty() : tensor<16x8xf32>
  %kt = linalg.transpose ins(%k : tensor<8x16xf32>) outs(%ek : tensor<16x8xf32>) permutation = [1, 0]
  %e1 = tensor.empty() : tensor<8x8xf32>
  %f1 = linalg.fill ins(%z : f32) outs(%e1 : tensor<8x8xf32>) -> tensor<8x8xf32>
  %s = linalg.matmul ins(%q, %kt : tensor<8x16xf32>, tensor<16x8xf32>) outs(%f1 : tensor<8x8xf32>) -> tensor<8x8xf32>
  %sm = linalg.generic {indexing_maps = [#id, #id, #id], iterator_types = ["parallel", "parallel"]} ins(%s, %m : tensor<8x8xf32>, tensor<8x8xi1>) outs(%e1 : tensor<8x8xf32>) {
  ^bb0(%a: f32, %b: i1, %o: f32):
    %r = arith.select %b, %a, %ninf : f32
    linalg.yield %r : f32
  } -> tensor<8x8xf32>
  %e9 = tensor.empty() : tensor<8x8xf32>
  %p = linalg.softmax dimension(1) ins(%sm : tensor<8x8xf32>) outs(%e9 : tensor<8x8xf32>) -> tensor<8x8xf32>
  %e2 = tensor.empty() : tensor<8x16xf32>
  %f2 = linalg.fill ins(%z : f32) outs(%e2 : tensor<8x16xf32>) -> tensor<8x16xf32>
  %o = linalg.matmul ins(%p, %v : tensor<8x8xf32>, tensor<8x16xf32>) outs(%f2 : tensor<8x16xf32>) -> tensor<8x16xf32>
  // second layer, same mask (everything else duplicated)
  %kt2 = linalg.transpose ins(%k : tensor<8x16xf32>) outs(%ek : tensor<16x8xf32>) permutation = [1, 0]
  %e3 = tensor.empty() : tensor<8x8xf32>
  %f3 = linalg.fill ins(%z : f32) outs(%e3 : tensor<8x8xf32>) -> tensor<8x8xf32>
  %e4 = tensor.empty() : tensor<8x16xf32>
  %f4 = linalg.fill ins(%z : f32) outs(%e4 : tensor<8x16xf32>) -> tensor<8x16xf32>
  %e5 = tensor.empty() : tensor<8x8xf32>
  %s2 = linalg.matmul ins(%o, %kt2 : tensor<8x16xf32>, tensor<16x8xf32>) outs(%f3 : tensor<8x8xf32>) -> tensor<8x8xf32>
  %sm2 = linalg.generic {indexing_maps = [#id, #id, #id], iterator_types = ["parallel", "parallel"]} ins(%s2, %m : tensor<8x8xf32>, tensor<8x8xi1>) outs(%e3 : tensor<8x8xf32>) {
  ^bb0(%a: f32, %b: i1, %o2: f32):
    %r = arith.select %b, %a, %ninf : f32
    linalg.yield %r : f32
  } -> tensor<8x8xf32>
  %p2 = linalg.softmax dimension(1) ins(%sm2 : tensor<8x8xf32>) outs(%e5 : tensor<8x8xf32>) -> tensor<8x8xf32>
  %o2 = linalg.matmul ins(%p2, %v : tensor<8x8xf32>, tensor<8x16xf32>) outs(%f4 : tensor<8x16xf32>) -> tensor<8x16xf32>
  return %o, %o2 : tensor<8x16xf32>, tensor<8x16xf32>
}

// -----

// One transpose of K feeds two chains: both are raised.
// CHECK-LABEL: func.func
// CHECK-COUNT-2: attn.attention

#id = affine_map<(d0, d1) -> (d0, d1)>
func.func @f(%q: tensor<8x16xf32>, %k: tensor<8x16xf32>, %v: tensor<8x16xf32>, %m: tensor<8x8xi1>) -> (tensor<8x16xf32>, tensor<8x16xf32>) {
  %z = arith.constant 0.0 : f32
  %ninf = arith.constant 0xFF800000 : f32
  %ek = tensor.empty() : tensor<16x8xf32>
  %kt = linalg.transpose ins(%k : tensor<8x16xf32>) outs(%ek : tensor<16x8xf32>) permutation = [1, 0]
  %e1 = tensor.empty() : tensor<8x8xf32>
  %f1 = linalg.fill ins(%z : f32) outs(%e1 : tensor<8x8xf32>) -> tensor<8x8xf32>
  %s = linalg.matmul ins(%q, %kt : tensor<8x16xf32>, tensor<16x8xf32>) outs(%f1 : tensor<8x8xf32>) -> tensor<8x8xf32>
  %sm = linalg.generic {indexing_maps = [#id, #id, #id], iterator_types = ["parallel", "parallel"]} ins(%s, %m : tensor<8x8xf32>, tensor<8x8xi1>) outs(%e1 : tensor<8x8xf32>) {
  ^bb0(%a: f32, %b: i1, %o: f32):
    %r = arith.select %b, %a, %ninf : f32
    linalg.yield %r : f32
  } -> tensor<8x8xf32>
  %e9 = tensor.empty() : tensor<8x8xf32>
  %p = linalg.softmax dimension(1) ins(%sm : tensor<8x8xf32>) outs(%e9 : tensor<8x8xf32>) -> tensor<8x8xf32>
  %e2 = tensor.empty() : tensor<8x16xf32>
  %f2 = linalg.fill ins(%z : f32) outs(%e2 : tensor<8x16xf32>) -> tensor<8x16xf32>
  %o = linalg.matmul ins(%p, %v : tensor<8x8xf32>, tensor<8x16xf32>) outs(%f2 : tensor<8x16xf32>) -> tensor<8x16xf32>
  // second layer, same mask
  %s2 = linalg.matmul ins(%o, %kt : tensor<8x16xf32>, tensor<16x8xf32>) outs(%f1 : tensor<8x8xf32>) -> tensor<8x8xf32>
  %sm2 = linalg.generic {indexing_maps = [#id, #id, #id], iterator_types = ["parallel", "parallel"]} ins(%s2, %m : tensor<8x8xf32>, tensor<8x8xi1>) outs(%e1 : tensor<8x8xf32>) {
  ^bb0(%a: f32, %b: i1, %o2: f32):
    %r = arith.select %b, %a, %ninf : f32
    linalg.yield %r : f32
  } -> tensor<8x8xf32>
  %p2 = linalg.softmax dimension(1) ins(%sm2 : tensor<8x8xf32>) outs(%e9 : tensor<8x8xf32>) -> tensor<8x8xf32>
  %o2 = linalg.matmul ins(%p2, %v : tensor<8x8xf32>, tensor<8x16xf32>) outs(%f2 : tensor<8x16xf32>) -> tensor<8x16xf32>
  return %o, %o2 : tensor<8x16xf32>, tensor<8x16xf32>
}

// -----

// TOSA: V = tosa.matmul (a projection); Q and K from arguments.
// CHECK-LABEL: func.func @tflite_mha
// CHECK: %[[V:.+]] = tosa.matmul
// CHECK: attn.attention
// CHECK-SAME: mask(%{{.*}} : tensor<2x1x1x12xf32>)
// CHECK-SAME: scale = 2.500000e-01
// CHECK-NOT: tosa.exp

func.func @tflite_mha(%q: tensor<2x8x64xf32>, %k: tensor<2x12x64xf32>, %xv: tensor<2x12x64xf32>, %m: tensor<2x1x1x12xf32>, %wv: tensor<2x64x64xf32>) -> tensor<2x8x64xf32> {
  %zp0 = "tosa.const"() <{values = dense<0.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %v = tosa.matmul %xv, %wv, %zp0, %zp0 : (tensor<2x12x64xf32>, tensor<2x64x64xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<2x12x64xf32>
  %sq4 = tosa.const_shape {values = dense<[2, 8, 4, 16]> : tensor<4xindex>} : () -> !tosa.shape<4>
  %skv4 = tosa.const_shape {values = dense<[2, 12, 4, 16]> : tensor<4xindex>} : () -> !tosa.shape<4>
  %sq3 = tosa.const_shape {values = dense<[8, 8, 16]> : tensor<3xindex>} : () -> !tosa.shape<3>
  %skt3 = tosa.const_shape {values = dense<[8, 16, 12]> : tensor<3xindex>} : () -> !tosa.shape<3>
  %skv3 = tosa.const_shape {values = dense<[8, 12, 16]> : tensor<3xindex>} : () -> !tosa.shape<3>
  %ss4 = tosa.const_shape {values = dense<[2, 4, 8, 12]> : tensor<4xindex>} : () -> !tosa.shape<4>
  %ss3 = tosa.const_shape {values = dense<[8, 8, 12]> : tensor<3xindex>} : () -> !tosa.shape<3>
  %so4 = tosa.const_shape {values = dense<[2, 4, 8, 16]> : tensor<4xindex>} : () -> !tosa.shape<4>
  %so3 = tosa.const_shape {values = dense<[2, 8, 64]> : tensor<3xindex>} : () -> !tosa.shape<3>
  %zp = "tosa.const"() <{values = dense<0.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %shift = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8>
  %c = "tosa.const"() <{values = dense<0.25> : tensor<1x1x1xf32>}> : () -> tensor<1x1x1xf32>
  %q4 = tosa.reshape %q, %sq4 : (tensor<2x8x64xf32>, !tosa.shape<4>) -> tensor<2x8x4x16xf32>
  %qt = tosa.transpose %q4 {perms = array<i32: 0, 2, 1, 3>} : (tensor<2x8x4x16xf32>) -> tensor<2x4x8x16xf32>
  %q3 = tosa.reshape %qt, %sq3 : (tensor<2x4x8x16xf32>, !tosa.shape<3>) -> tensor<8x8x16xf32>
  %k4 = tosa.reshape %k, %skv4 : (tensor<2x12x64xf32>, !tosa.shape<4>) -> tensor<2x12x4x16xf32>
  %kt = tosa.transpose %k4 {perms = array<i32: 0, 2, 3, 1>} : (tensor<2x12x4x16xf32>) -> tensor<2x4x16x12xf32>
  %k3 = tosa.reshape %kt, %skt3 : (tensor<2x4x16x12xf32>, !tosa.shape<3>) -> tensor<8x16x12xf32>
  %s = tosa.matmul %q3, %k3, %zp, %zp : (tensor<8x8x16xf32>, tensor<8x16x12xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<8x8x12xf32>
  %sc = tosa.mul %s, %c, %shift : (tensor<8x8x12xf32>, tensor<1x1x1xf32>, tensor<1xi8>) -> tensor<8x8x12xf32>
  %s4 = tosa.reshape %sc, %ss4 : (tensor<8x8x12xf32>, !tosa.shape<4>) -> tensor<2x4x8x12xf32>
  %sm4 = tosa.add %s4, %m : (tensor<2x4x8x12xf32>, tensor<2x1x1x12xf32>) -> tensor<2x4x8x12xf32>
  %sm = tosa.reshape %sm4, %ss3 : (tensor<2x4x8x12xf32>, !tosa.shape<3>) -> tensor<8x8x12xf32>
  %mx = tosa.reduce_max %sm {axis = 2 : i32} : (tensor<8x8x12xf32>) -> tensor<8x8x1xf32>
  %d = tosa.sub %sm, %mx : (tensor<8x8x12xf32>, tensor<8x8x1xf32>) -> tensor<8x8x12xf32>
  %e = tosa.exp %d : (tensor<8x8x12xf32>) -> tensor<8x8x12xf32>
  %su = tosa.reduce_sum %e {axis = 2 : i32} : (tensor<8x8x12xf32>) -> tensor<8x8x1xf32>
  %r = tosa.reciprocal %su : (tensor<8x8x1xf32>) -> tensor<8x8x1xf32>
  %p = tosa.mul %e, %r, %shift : (tensor<8x8x12xf32>, tensor<8x8x1xf32>, tensor<1xi8>) -> tensor<8x8x12xf32>
  %v4 = tosa.reshape %v, %skv4 : (tensor<2x12x64xf32>, !tosa.shape<4>) -> tensor<2x12x4x16xf32>
  %vt = tosa.transpose %v4 {perms = array<i32: 0, 2, 1, 3>} : (tensor<2x12x4x16xf32>) -> tensor<2x4x12x16xf32>
  %v3 = tosa.reshape %vt, %skv3 : (tensor<2x4x12x16xf32>, !tosa.shape<3>) -> tensor<8x12x16xf32>
  %o = tosa.matmul %p, %v3, %zp, %zp : (tensor<8x8x12xf32>, tensor<8x12x16xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<8x8x16xf32>
  %o4 = tosa.reshape %o, %so4 : (tensor<8x8x16xf32>, !tosa.shape<4>) -> tensor<2x4x8x16xf32>
  %ot = tosa.transpose %o4 {perms = array<i32: 0, 2, 1, 3>} : (tensor<2x4x8x16xf32>) -> tensor<2x8x4x16xf32>
  %o3 = tosa.reshape %ot, %so3 : (tensor<2x8x4x16xf32>, !tosa.shape<3>) -> tensor<2x8x64xf32>
  return %o3 : tensor<2x8x64xf32>
}

// -----

// A dynamic batch through the collapsed [B*H, S, D] form (torch-mlir with a
// dynamic batch): N = B * H is dynamic; Q and K are read through their
// collapses, V, a 3-D argument, is expanded to [N / 4, 4, S, 16].
// CHECK-LABEL: func.func @torch_sdpa
// CHECK-SAME: (%[[Q:.*]]: tensor<?x4x?x16xf32>, %[[K:.*]]: tensor<?x4x?x16xf32>, %[[V:.*]]: tensor<?x?x16xf32>)
// CHECK: %[[VE:.*]] = tensor.expand_shape %[[V]] {{\[\[}}0, 1], [2], [3]] output_shape [%{{.*}}, 4, %{{.*}}, 16] : tensor<?x?x16xf32> into tensor<?x4x?x16xf32>
// CHECK: %[[O:.*]] = attn.attention ins(%[[Q]], %[[K]], %[[VE]] : tensor<?x4x?x16xf32>, tensor<?x4x?x16xf32>, tensor<?x4x?x16xf32>)
// CHECK-SAME: scale = 2.500000e-01
// CHECK: tensor.collapse_shape %[[O]] {{\[\[}}0, 1], [2], [3]] : tensor<?x4x?x16xf32> into tensor<?x?x16xf32>
// CHECK-NOT: linalg.batch_matmul
#id4 = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#tr = affine_map<(d0, d1, d2, d3) -> (d0, d1, d3, d2)>
#row = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, 0)>
#red = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>
#mask = affine_map<(d0, d1, d2, d3) -> (d0, 0, 0, d3)>
func.func @torch_sdpa(%q: tensor<?x4x?x16xf32>, %k: tensor<?x4x?x16xf32>, %vc: tensor<?x?x16xf32>) -> tensor<?x4x?x16xf32> {
  %c0 = arith.constant 0 : index
  %c2 = arith.constant 2 : index
  %cst0 = arith.constant 0.0 : f32
  %ninf = arith.constant 0xFF800000 : f32
  %d = arith.constant 4.0 : f32
  %b = tensor.dim %q, %c0 : tensor<?x4x?x16xf32>
  %sq = tensor.dim %q, %c2 : tensor<?x4x?x16xf32>
  %skv = tensor.dim %k, %c2 : tensor<?x4x?x16xf32>
  %e0 = tensor.empty(%b, %skv) : tensor<?x4x16x?xf32>
  %kt = linalg.generic {indexing_maps = [#tr, #id4], iterator_types = ["parallel","parallel","parallel","parallel"]} ins(%k : tensor<?x4x?x16xf32>) outs(%e0 : tensor<?x4x16x?xf32>) {
  ^bb0(%a: f32, %o: f32):
    linalg.yield %a : f32
  } -> tensor<?x4x16x?xf32>
  %qc = tensor.collapse_shape %q [[0, 1], [2], [3]] : tensor<?x4x?x16xf32> into tensor<?x?x16xf32>
  %ktc = tensor.collapse_shape %kt [[0, 1], [2], [3]] : tensor<?x4x16x?xf32> into tensor<?x16x?xf32>
  %n = tensor.dim %qc, %c0 : tensor<?x?x16xf32>
  %e1 = tensor.empty(%n, %sq, %skv) : tensor<?x?x?xf32>
  %f1 = linalg.fill ins(%cst0 : f32) outs(%e1 : tensor<?x?x?xf32>) -> tensor<?x?x?xf32>
  %s3 = linalg.batch_matmul ins(%qc, %ktc : tensor<?x?x16xf32>, tensor<?x16x?xf32>) outs(%f1 : tensor<?x?x?xf32>) -> tensor<?x?x?xf32>
  %s = tensor.expand_shape %s3 [[0, 1], [2], [3]] output_shape [%b, 4, %sq, %skv] : tensor<?x?x?xf32> into tensor<?x4x?x?xf32>
  %e2 = tensor.empty(%b, %sq, %skv) : tensor<?x4x?x?xf32>
  %ss = linalg.generic {indexing_maps = [#id4, #id4], iterator_types = ["parallel","parallel","parallel","parallel"]} ins(%s : tensor<?x4x?x?xf32>) outs(%e2 : tensor<?x4x?x?xf32>) {
  ^bb0(%a: f32, %o: f32):
    %r = arith.divf %a, %d : f32
    linalg.yield %r : f32
  } -> tensor<?x4x?x?xf32>
  %e3 = tensor.empty(%b, %sq) : tensor<?x4x?xf32>
  %f3 = linalg.fill ins(%ninf : f32) outs(%e3 : tensor<?x4x?xf32>) -> tensor<?x4x?xf32>
  %mx = linalg.generic {indexing_maps = [#id4, #red], iterator_types = ["parallel","parallel","parallel","reduction"]} ins(%ss : tensor<?x4x?x?xf32>) outs(%f3 : tensor<?x4x?xf32>) {
  ^bb0(%a: f32, %o: f32):
    %r = arith.maximumf %a, %o : f32
    linalg.yield %r : f32
  } -> tensor<?x4x?xf32>
  %mxk = tensor.expand_shape %mx [[0], [1], [2, 3]] output_shape [%b, 4, %sq, 1] : tensor<?x4x?xf32> into tensor<?x4x?x1xf32>
  %sub = linalg.generic {indexing_maps = [#id4, #row, #id4], iterator_types = ["parallel","parallel","parallel","parallel"]} ins(%ss, %mxk : tensor<?x4x?x?xf32>, tensor<?x4x?x1xf32>) outs(%e2 : tensor<?x4x?x?xf32>) {
  ^bb0(%a: f32, %m: f32, %o: f32):
    %r = arith.subf %a, %m : f32
    %x = math.exp %r : f32
    linalg.yield %x : f32
  } -> tensor<?x4x?x?xf32>
  %f4 = linalg.fill ins(%cst0 : f32) outs(%e3 : tensor<?x4x?xf32>) -> tensor<?x4x?xf32>
  %sum = linalg.generic {indexing_maps = [#id4, #red], iterator_types = ["parallel","parallel","parallel","reduction"]} ins(%sub : tensor<?x4x?x?xf32>) outs(%f4 : tensor<?x4x?xf32>) {
  ^bb0(%a: f32, %o: f32):
    %r = arith.addf %a, %o : f32
    linalg.yield %r : f32
  } -> tensor<?x4x?xf32>
  %sumk = tensor.expand_shape %sum [[0], [1], [2, 3]] output_shape [%b, 4, %sq, 1] : tensor<?x4x?xf32> into tensor<?x4x?x1xf32>
  %p = linalg.generic {indexing_maps = [#id4, #row, #id4], iterator_types = ["parallel","parallel","parallel","parallel"]} ins(%sub, %sumk : tensor<?x4x?x?xf32>, tensor<?x4x?x1xf32>) outs(%e2 : tensor<?x4x?x?xf32>) {
  ^bb0(%a: f32, %m: f32, %o: f32):
    %r = arith.divf %a, %m : f32
    linalg.yield %r : f32
  } -> tensor<?x4x?x?xf32>
  %pc = tensor.collapse_shape %p [[0, 1], [2], [3]] : tensor<?x4x?x?xf32> into tensor<?x?x?xf32>
  %e5 = tensor.empty(%n, %sq) : tensor<?x?x16xf32>
  %f5 = linalg.fill ins(%cst0 : f32) outs(%e5 : tensor<?x?x16xf32>) -> tensor<?x?x16xf32>
  %o3 = linalg.batch_matmul ins(%pc, %vc : tensor<?x?x?xf32>, tensor<?x?x16xf32>) outs(%f5 : tensor<?x?x16xf32>) -> tensor<?x?x16xf32>
  %o = tensor.expand_shape %o3 [[0, 1], [2], [3]] output_shape [%b, 4, %sq, 16] : tensor<?x?x16xf32> into tensor<?x4x?x16xf32>
  return %o : tensor<?x4x?x16xf32>
}

// -----

// torch-mlir's TorchToLinalg form of a decomposed SDPA (as in
// Integration/CPU/fuse-torch-keepdim.mlir) with dynamic B, Sq and Skv: the
// keep-dim reductions write [?, 3, ?, 1].
// CHECK-LABEL: func.func @torch_sdpa_dynamic
// CHECK: attn.attention ins(%{{.*}} : tensor<?x3x?x12xf32>, tensor<?x3x?x12xf32>, tensor<?x3x?x12xf32>) mask(%{{.*}} : tensor<?x1x?x?xi1>)
// CHECK-NOT: linalg.batch_matmul
// CHECK: return
#id4 = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#kd = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, 0)>
#bm = affine_map<(d0, d1, d2, d3) -> (d0, 0, d2, d3)>
func.func @torch_sdpa_dynamic(%q: tensor<?x3x?x12xf32>, %k: tensor<?x3x?x12xf32>,
                      %v: tensor<?x3x?x12xf32>, %mask: tensor<?x1x?x?xi1>)
    -> tensor<?x3x?x12xf32> {
  %zero = arith.constant 0.000000e+00 : f32
  %ninf = arith.constant 0xFF800000 : f32
  %scale = arith.constant 0.28867513459481287 : f64
  %one = arith.constant 1 : i64
  %c0_i64 = arith.constant 0 : i64
  %true = arith.constant true
  %c0 = arith.constant 0 : index
  %c2 = arith.constant 2 : index
  %bb = tensor.dim %q, %c0 : tensor<?x3x?x12xf32>
  %sq = tensor.dim %q, %c2 : tensor<?x3x?x12xf32>
  %skv = tensor.dim %k, %c2 : tensor<?x3x?x12xf32>
  %c3 = arith.constant 3 : index
  %bh = arith.muli %bb, %c3 : index
  // aten.transpose.int(k, -1, -2)
  %kt0 = tensor.empty(%bb, %skv) : tensor<?x3x12x?xf32>
  %kt = linalg.transpose ins(%k : tensor<?x3x?x12xf32>) outs(%kt0 : tensor<?x3x12x?xf32>) permutation = [0, 1, 3, 2]
  // aten.matmul(q, kt): batch dims collapsed around linalg.batch_matmul
  %qc = tensor.collapse_shape %q [[0, 1], [2], [3]] : tensor<?x3x?x12xf32> into tensor<?x?x12xf32>
  %ktc = tensor.collapse_shape %kt [[0, 1], [2], [3]] : tensor<?x3x12x?xf32> into tensor<?x12x?xf32>
  %s0 = tensor.empty(%bh, %sq, %skv) : tensor<?x?x?xf32>
  %s1 = linalg.fill ins(%zero : f32) outs(%s0 : tensor<?x?x?xf32>) -> tensor<?x?x?xf32>
  %s2 = linalg.batch_matmul ins(%qc, %ktc : tensor<?x?x12xf32>, tensor<?x12x?xf32>) outs(%s1 : tensor<?x?x?xf32>) -> tensor<?x?x?xf32>
  %s = tensor.expand_shape %s2 [[0, 1], [2], [3]] output_shape [%bb, 3, %sq, %skv] : tensor<?x?x?xf32> into tensor<?x3x?x?xf32>
  %e = tensor.empty(%bb, %sq, %skv) : tensor<?x3x?x?xf32>
  // aten.mul.Scalar(s, scale)
  %ss = linalg.generic {indexing_maps = [#id4, #id4], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%s : tensor<?x3x?x?xf32>) outs(%e : tensor<?x3x?x?xf32>) {
  ^bb0(%in: f32, %out: f32):
    %t = arith.truncf %scale : f64 to f32
    %r = arith.mulf %in, %t : f32
    linalg.yield %r : f32
  } -> tensor<?x3x?x?xf32>
  // aten.logical_not(mask)
  %eb = tensor.empty(%bb, %sq, %skv) : tensor<?x1x?x?xi1>
  %nm = linalg.generic {indexing_maps = [#id4, #id4], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%mask : tensor<?x1x?x?xi1>) outs(%eb : tensor<?x1x?x?xi1>) {
  ^bb0(%in: i1, %out: i1):
    %r = arith.xori %in, %true : i1
    linalg.yield %r : i1
  } -> tensor<?x1x?x?xi1>
  // aten.masked_fill.Scalar(zeros, not_mask, -inf)
  %ef = tensor.empty(%bb, %sq, %skv) : tensor<?x1x?x?xf32>
  %fm = linalg.generic {indexing_maps = [#id4, #id4], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%nm : tensor<?x1x?x?xi1>) outs(%ef : tensor<?x1x?x?xf32>) {
  ^bb0(%in: i1, %out: f32):
    %r = arith.select %in, %ninf, %zero : f32
    linalg.yield %r : f32
  } -> tensor<?x1x?x?xf32>
  // aten.add.Tensor(ss, fm, alpha = 1)
  %sm = linalg.generic {indexing_maps = [#id4, #bm, #id4], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%ss, %fm : tensor<?x3x?x?xf32>, tensor<?x1x?x?xf32>) outs(%e : tensor<?x3x?x?xf32>) {
  ^bb0(%a: f32, %b: f32, %out: f32):
    %al = arith.sitofp %one : i64 to f32
    %m = arith.mulf %b, %al : f32
    %r = arith.addf %a, %m : f32
    linalg.yield %r : f32
  } -> tensor<?x3x?x?xf32>
  // aten.max.dim(sm, -1, keepdim = true): the max and its argmax
  %ei = tensor.empty(%bb, %sq) : tensor<?x3x?x1xi64>
  %fi = linalg.fill ins(%c0_i64 : i64) outs(%ei : tensor<?x3x?x1xi64>) -> tensor<?x3x?x1xi64>
  %em = tensor.empty(%bb, %sq) : tensor<?x3x?x1xf32>
  %fmx = linalg.fill ins(%ninf : f32) outs(%em : tensor<?x3x?x1xf32>) -> tensor<?x3x?x1xf32>
  %mx:2 = linalg.generic {indexing_maps = [#id4, #kd, #kd], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%sm : tensor<?x3x?x?xf32>) outs(%fmx, %fi : tensor<?x3x?x1xf32>, tensor<?x3x?x1xi64>) {
  ^bb0(%in: f32, %acc: f32, %idx: i64):
    %i = linalg.index 3 : index
    %ii = arith.index_cast %i : index to i64
    %m = arith.maximumf %in, %acc : f32
    %p = arith.cmpf ogt, %in, %acc : f32
    %si = arith.select %p, %ii, %idx : i64
    linalg.yield %m, %si : f32, i64
  } -> (tensor<?x3x?x1xf32>, tensor<?x3x?x1xi64>)
  %mv = tensor.cast %mx#0 : tensor<?x3x?x1xf32> to tensor<?x3x?x1xf32>
  %mi = tensor.cast %mx#1 : tensor<?x3x?x1xi64> to tensor<?x3x?x1xi64>
  // aten.sub.Tensor(sm, max, alpha = 1)
  %sub = linalg.generic {indexing_maps = [#id4, #kd, #id4], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%sm, %mv : tensor<?x3x?x?xf32>, tensor<?x3x?x1xf32>) outs(%e : tensor<?x3x?x?xf32>) {
  ^bb0(%a: f32, %b: f32, %out: f32):
    %al = arith.sitofp %one : i64 to f32
    %m = arith.mulf %b, %al : f32
    %r = arith.subf %a, %m : f32
    linalg.yield %r : f32
  } -> tensor<?x3x?x?xf32>
  // aten.exp
  %ex = linalg.generic {indexing_maps = [#id4, #id4], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%sub : tensor<?x3x?x?xf32>) outs(%e : tensor<?x3x?x?xf32>) {
  ^bb0(%a: f32, %out: f32):
    %r = math.exp %a : f32
    linalg.yield %r : f32
  } -> tensor<?x3x?x?xf32>
  // aten.sum.dim_IntList(ex, [-1], keepdim = true)
  %fs = linalg.fill ins(%zero : f32) outs(%em : tensor<?x3x?x1xf32>) -> tensor<?x3x?x1xf32>
  %sum = linalg.generic {indexing_maps = [#id4, #kd], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%ex : tensor<?x3x?x?xf32>) outs(%fs : tensor<?x3x?x1xf32>) {
  ^bb0(%a: f32, %acc: f32):
    %r = arith.addf %a, %acc : f32
    linalg.yield %r : f32
  } -> tensor<?x3x?x1xf32>
  // aten.div.Tensor
  %p = linalg.generic {indexing_maps = [#id4, #kd, #id4], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%ex, %sum : tensor<?x3x?x?xf32>, tensor<?x3x?x1xf32>) outs(%e : tensor<?x3x?x?xf32>) {
  ^bb0(%a: f32, %b: f32, %out: f32):
    %r = arith.divf %a, %b : f32
    linalg.yield %r : f32
  } -> tensor<?x3x?x?xf32>
  // aten.matmul(p, v)
  %pc = tensor.collapse_shape %p [[0, 1], [2], [3]] : tensor<?x3x?x?xf32> into tensor<?x?x?xf32>
  %vc = tensor.collapse_shape %v [[0, 1], [2], [3]] : tensor<?x3x?x12xf32> into tensor<?x?x12xf32>
  %o0 = tensor.empty(%bh, %sq) : tensor<?x?x12xf32>
  %o1 = linalg.fill ins(%zero : f32) outs(%o0 : tensor<?x?x12xf32>) -> tensor<?x?x12xf32>
  %o2 = linalg.batch_matmul ins(%pc, %vc : tensor<?x?x?xf32>, tensor<?x?x12xf32>) outs(%o1 : tensor<?x?x12xf32>) -> tensor<?x?x12xf32>
  %o = tensor.expand_shape %o2 [[0, 1], [2], [3]] output_shape [%bb, 3, %sq, 12] : tensor<?x?x12xf32> into tensor<?x3x?x12xf32>
  return %o : tensor<?x3x?x12xf32>
}

