// RUN: attn-opt %s -split-input-file -attn-fuse-attention="report=true" -verify-diagnostics | FileCheck %s

// A chain written with upstream's named ops (batch_matmul with a transposed
// operand in its indexing_maps, linalg.elementwise, linalg.reduce), all in
// f16, whose max starts at f16's lowest finite value (-65504) rather than
// -inf: every f16 score but -inf is >= -65504, so it is the same max (fully
// masked rows aside) and the chain is raised.
// CHECK-LABEL: func.func @f16_named_ops_lowest_max
// CHECK: attn.attention
// CHECK-SAME: scale = 2.500000e-01 -> tensor<1x3x5x16xf16>
// CHECK-NOT: linalg.reduce
func.func @f16_named_ops_lowest_max(%q: tensor<3x5x16xf16>, %k: tensor<3x7x16xf16>, %v: tensor<3x7x16xf16>) -> tensor<3x5x16xf16> {
  %zero = arith.constant 0.0 : f16
  %low = arith.constant -65504.0 : f16
  %scv = arith.constant dense<0.25> : tensor<f16>
  %e = tensor.empty() : tensor<3x5x7xf16>
  %f = linalg.fill ins(%zero : f16) outs(%e : tensor<3x5x7xf16>) -> tensor<3x5x7xf16>
  %s = linalg.batch_matmul indexing_maps = [affine_map<(b, m, n, k) -> (b, m, k)>, affine_map<(b, m, n, k) -> (b, n, k)>, affine_map<(b, m, n, k) -> (b, m, n)>]
        ins(%q, %k : tensor<3x5x16xf16>, tensor<3x7x16xf16>) outs(%f : tensor<3x5x7xf16>) -> tensor<3x5x7xf16>
  %ss = linalg.elementwise kind=#linalg.elementwise_kind<mul> indexing_maps = [affine_map<(a, b, c) -> (a, b, c)>, affine_map<(a, b, c) -> ()>, affine_map<(a, b, c) -> (a, b, c)>]
        ins(%s, %scv : tensor<3x5x7xf16>, tensor<f16>) outs(%e : tensor<3x5x7xf16>) -> tensor<3x5x7xf16>
  %er = tensor.empty() : tensor<3x5xf16>
  %fm = linalg.fill ins(%low : f16) outs(%er : tensor<3x5xf16>) -> tensor<3x5xf16>
  %mx = linalg.reduce ins(%ss : tensor<3x5x7xf16>) outs(%fm : tensor<3x5xf16>) dimensions = [2]
    (%in: f16, %init: f16) {
      %r = arith.maxnumf %init, %in : f16
      linalg.yield %r : f16
    }
  %d = linalg.elementwise kind=#linalg.elementwise_kind<sub> indexing_maps = [affine_map<(a, b, c) -> (a, b, c)>, affine_map<(a, b, c) -> (a, b)>, affine_map<(a, b, c) -> (a, b, c)>]
        ins(%ss, %mx : tensor<3x5x7xf16>, tensor<3x5xf16>) outs(%e : tensor<3x5x7xf16>) -> tensor<3x5x7xf16>
  %x = linalg.elementwise kind=#linalg.elementwise_kind<exp> ins(%d : tensor<3x5x7xf16>) outs(%e : tensor<3x5x7xf16>) -> tensor<3x5x7xf16>
  %fs = linalg.fill ins(%zero : f16) outs(%er : tensor<3x5xf16>) -> tensor<3x5xf16>
  %sum = linalg.reduce ins(%x : tensor<3x5x7xf16>) outs(%fs : tensor<3x5xf16>) dimensions = [2]
    (%in: f16, %init: f16) {
      %r = arith.addf %in, %init : f16
      linalg.yield %r : f16
    }
  %p = linalg.elementwise kind=#linalg.elementwise_kind<div> indexing_maps = [affine_map<(a, b, c) -> (a, b, c)>, affine_map<(a, b, c) -> (a, b)>, affine_map<(a, b, c) -> (a, b, c)>]
        ins(%x, %sum : tensor<3x5x7xf16>, tensor<3x5xf16>) outs(%e : tensor<3x5x7xf16>) -> tensor<3x5x7xf16>
  %eo = tensor.empty() : tensor<3x5x16xf16>
  %fo = linalg.fill ins(%zero : f16) outs(%eo : tensor<3x5x16xf16>) -> tensor<3x5x16xf16>
  %o = linalg.batch_matmul ins(%p, %v : tensor<3x5x7xf16>, tensor<3x7x16xf16>) outs(%fo : tensor<3x5x16xf16>) -> tensor<3x5x16xf16>
  return %o : tensor<3x5x16xf16>
}

// -----

// The same max start in an f32 chain is no lower bound of the scores (an
// f32 score can be below -65504): the softmax is not recognised.
// CHECK-LABEL: func.func @f32_max_from_f16_lowest
// CHECK-NOT: attn.attention
func.func @f32_max_from_f16_lowest(%q: tensor<3x5x16xf32>, %k: tensor<3x7x16xf32>, %v: tensor<3x7x16xf32>) -> tensor<3x5x16xf32> {
  %zero = arith.constant 0.0 : f32
  %low = arith.constant -65504.0 : f32
  %scv = arith.constant dense<0.25> : tensor<f32>
  %e = tensor.empty() : tensor<3x5x7xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<3x5x7xf32>) -> tensor<3x5x7xf32>
  %s = linalg.batch_matmul indexing_maps = [affine_map<(b, m, n, k) -> (b, m, k)>, affine_map<(b, m, n, k) -> (b, n, k)>, affine_map<(b, m, n, k) -> (b, m, n)>]
        ins(%q, %k : tensor<3x5x16xf32>, tensor<3x7x16xf32>) outs(%f : tensor<3x5x7xf32>) -> tensor<3x5x7xf32>
  %ss = linalg.elementwise kind=#linalg.elementwise_kind<mul> indexing_maps = [affine_map<(a, b, c) -> (a, b, c)>, affine_map<(a, b, c) -> ()>, affine_map<(a, b, c) -> (a, b, c)>]
        ins(%s, %scv : tensor<3x5x7xf32>, tensor<f32>) outs(%e : tensor<3x5x7xf32>) -> tensor<3x5x7xf32>
  %er = tensor.empty() : tensor<3x5xf32>
  %fm = linalg.fill ins(%low : f32) outs(%er : tensor<3x5xf32>) -> tensor<3x5xf32>
  %mx = linalg.reduce ins(%ss : tensor<3x5x7xf32>) outs(%fm : tensor<3x5xf32>) dimensions = [2]
    (%in: f32, %init: f32) {
      %r = arith.maxnumf %init, %in : f32
      linalg.yield %r : f32
    }
  %d = linalg.elementwise kind=#linalg.elementwise_kind<sub> indexing_maps = [affine_map<(a, b, c) -> (a, b, c)>, affine_map<(a, b, c) -> (a, b)>, affine_map<(a, b, c) -> (a, b, c)>]
        ins(%ss, %mx : tensor<3x5x7xf32>, tensor<3x5xf32>) outs(%e : tensor<3x5x7xf32>) -> tensor<3x5x7xf32>
  %x = linalg.elementwise kind=#linalg.elementwise_kind<exp> ins(%d : tensor<3x5x7xf32>) outs(%e : tensor<3x5x7xf32>) -> tensor<3x5x7xf32>
  %fs = linalg.fill ins(%zero : f32) outs(%er : tensor<3x5xf32>) -> tensor<3x5xf32>
  %sum = linalg.reduce ins(%x : tensor<3x5x7xf32>) outs(%fs : tensor<3x5xf32>) dimensions = [2]
    (%in: f32, %init: f32) {
      %r = arith.addf %in, %init : f32
      linalg.yield %r : f32
    }
  %p = linalg.elementwise kind=#linalg.elementwise_kind<div> indexing_maps = [affine_map<(a, b, c) -> (a, b, c)>, affine_map<(a, b, c) -> (a, b)>, affine_map<(a, b, c) -> (a, b, c)>]
        ins(%x, %sum : tensor<3x5x7xf32>, tensor<3x5xf32>) outs(%e : tensor<3x5x7xf32>) -> tensor<3x5x7xf32>
  %eo = tensor.empty() : tensor<3x5x16xf32>
  %fo = linalg.fill ins(%zero : f32) outs(%eo : tensor<3x5x16xf32>) -> tensor<3x5x16xf32>
  // expected-remark @below {{not fused: the row maximum the softmax subtracts does not start at -inf, at or below -1e30, or at the lowest value of its type (a higher start changes rows whose scores are all below it): it starts at -6.550400e+04}}
  %o = linalg.batch_matmul ins(%p, %v : tensor<3x5x7xf32>, tensor<3x7x16xf32>) outs(%fo : tensor<3x5x16xf32>) -> tensor<3x5x16xf32>
  return %o : tensor<3x5x16xf32>
}
