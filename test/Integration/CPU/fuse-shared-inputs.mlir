// Executed check of attn-fuse-attention on two chained attention layers
// whose inputs are computed or shared: layer 1's Q is computed elementwise
// (tanh(q + 0.5)), one transpose of K and one bool mask feed both layers,
// and layer 2's Q is layer 1's output. Both chains are raised, and the fused
// program prints the same numbers as the unfused one.
// RUN: attn-opt %s -attn-fuse-attention | FileCheck %s
// RUN: attn-opt %s -attn-cpu-pipeline="fuse=false" | mlir-runner -e main -entry-point-result=void -shared-libs=%runner_libs > %t.ref
// RUN: attn-opt %s -attn-cpu-pipeline="fuse=true" | mlir-runner -e main -entry-point-result=void -shared-libs=%runner_libs > %t.fused
// RUN: %python %attn_src/test/lib/compare_outputs.py %t.ref %t.fused --rtol 1e-4 --atol 1e-5

// CHECK-LABEL: func.func @f
// CHECK-COUNT-2: attn.attention
// CHECK-NOT: linalg.softmax

#id = affine_map<(d0, d1) -> (d0, d1)>
func.func @f(%q: tensor<8x16xf32>, %k: tensor<8x16xf32>, %v: tensor<8x16xf32>, %m: tensor<8x8xi1>) -> (tensor<8x16xf32>, tensor<8x16xf32>) {
  %z = arith.constant 0.0 : f32
  %ninf = arith.constant 0xFF800000 : f32
  %ek = tensor.empty() : tensor<16x8xf32>
  %kt = linalg.transpose ins(%k : tensor<8x16xf32>) outs(%ek : tensor<16x8xf32>) permutation = [1, 0]
  %e1 = tensor.empty() : tensor<8x8xf32>
  %f1 = linalg.fill ins(%z : f32) outs(%e1 : tensor<8x8xf32>) -> tensor<8x8xf32>
  %e0 = tensor.empty() : tensor<8x16xf32>
  %qe = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel"]} ins(%q : tensor<8x16xf32>) outs(%e0 : tensor<8x16xf32>) {
  ^bb0(%a: f32, %o: f32):
    %c = arith.constant 0.5 : f32
    %r = arith.addf %a, %c : f32
    %t = math.tanh %r : f32
    linalg.yield %t : f32
  } -> tensor<8x16xf32>
  %s = linalg.matmul ins(%qe, %kt : tensor<8x16xf32>, tensor<16x8xf32>) outs(%f1 : tensor<8x8xf32>) -> tensor<8x8xf32>
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

func.func private @printMemrefF32(tensor<*xf32>)

func.func @gen(%seed: f32) -> tensor<8x16xf32> {
  %g = tensor.generate {
  ^bb0(%i: index, %j: index):
    %c7 = arith.constant 7 : index
    %a = arith.muli %i, %c7 : index
    %b = arith.addi %a, %j : index
    %n = arith.index_cast %b : index to i64
    %f = arith.sitofp %n : i64 to f32
    %x = arith.mulf %f, %seed : f32
    %y = math.sin %x : f32
    tensor.yield %y : f32
  } : tensor<8x16xf32>
  return %g : tensor<8x16xf32>
}

func.func @main() {
  %s1 = arith.constant 0.61 : f32
  %s2 = arith.constant 1.37 : f32
  %s3 = arith.constant 0.29 : f32
  %q = call @gen(%s1) : (f32) -> tensor<8x16xf32>
  %k = call @gen(%s2) : (f32) -> tensor<8x16xf32>
  %v = call @gen(%s3) : (f32) -> tensor<8x16xf32>
  // Keep key j for query i unless (i + j) mod 3 == 1: every row keeps some.
  %m = tensor.generate {
  ^bb0(%i: index, %j: index):
    %c3 = arith.constant 3 : index
    %c1 = arith.constant 1 : index
    %s = arith.addi %i, %j : index
    %r = arith.remui %s, %c3 : index
    %keep = arith.cmpi ne, %r, %c1 : index
    tensor.yield %keep : i1
  } : tensor<8x8xi1>
  %o1, %o2 = call @f(%q, %k, %v, %m) : (tensor<8x16xf32>, tensor<8x16xf32>, tensor<8x16xf32>, tensor<8x8xi1>) -> (tensor<8x16xf32>, tensor<8x16xf32>)
  %u1 = tensor.cast %o1 : tensor<8x16xf32> to tensor<*xf32>
  %u2 = tensor.cast %o2 : tensor<8x16xf32> to tensor<*xf32>
  call @printMemrefF32(%u1) : (tensor<*xf32>) -> ()
  call @printMemrefF32(%u2) : (tensor<*xf32>) -> ()
  return
}
