// RUN: attn-opt %s -split-input-file -attn-fuse-attention="report=true" -verify-diagnostics | FileCheck %s

// Masks computed by tensor.generate: its block arguments are the indices of
// the result, so bands become attributes as from linalg.index; tensor.extract
// at affine indices (in a tensor.generate or a linalg body) reads that
// tensor. Executed in Integration/CPU/fuse-generate-masks.mlir.

#a = affine_map<(b, i, j, d) -> (b, i, d)>
#b = affine_map<(b, i, j, d) -> (b, j, d)>
#c = affine_map<(b, i, j, d) -> (b, i, j)>

// A window band i - 2 <= j <= i computed by tensor.generate: attributes, no
// mask operand.
// CHECK-LABEL: func.func @generate_window
// CHECK-NOT: tensor.generate
// CHECK: attn.attention
// CHECK-NOT: mask(
// CHECK-SAME: causal = top_left
// CHECK-SAME: window = [2, -1]
func.func @generate_window(%q: tensor<2x5x8xf32>, %k: tensor<2x7x8xf32>, %v: tensor<2x7x4xf32>, %pad: tensor<2x7xf32>, %idx: tensor<7xindex>) -> tensor<2x5x4xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x5x7xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<2x5x7xf32>) -> tensor<2x5x7xf32>
  %s = linalg.batch_matmul indexing_maps = [#a, #b, #c] ins(%q, %k : tensor<2x5x8xf32>, tensor<2x7x8xf32>) outs(%f : tensor<2x5x7xf32>) -> tensor<2x5x7xf32>
  %keep = tensor.generate {
  ^bb0(%gb: index, %gi: index, %gj: index):
    %c2 = arith.constant 2 : index
    %lo = arith.addi %gj, %c2 : index
    %k1 = arith.cmpi ule, %gj, %gi : index
    %k2 = arith.cmpi uge, %lo, %gi : index
    %kk = arith.andi %k1, %k2 : i1
    tensor.yield %kk : i1
  } : tensor<2x5x7xi1>
  %ni = arith.constant dense<0xFF800000> : tensor<2x5x7xf32>
  %x = arith.select %keep, %s, %ni : tensor<2x5x7xi1>, tensor<2x5x7xf32>
  %p = linalg.softmax dimension(2) ins(%x : tensor<2x5x7xf32>) outs(%e : tensor<2x5x7xf32>) -> tensor<2x5x7xf32>
  %eo = tensor.empty() : tensor<2x5x4xf32>
  %fo = linalg.fill ins(%zero : f32) outs(%eo : tensor<2x5x4xf32>) -> tensor<2x5x4xf32>
  %o = linalg.batch_matmul ins(%p, %v : tensor<2x5x7xf32>, tensor<2x7x4xf32>) outs(%fo : tensor<2x5x4xf32>) -> tensor<2x5x4xf32>
  return %o : tensor<2x5x4xf32>
}

// -----

#a = affine_map<(b, i, j, d) -> (b, i, d)>
#b = affine_map<(b, i, j, d) -> (b, j, d)>
#c = affine_map<(b, i, j, d) -> (b, i, j)>

// A key-padding mask read with tensor.extract at (b, j) inside the body: a
// [B, 1, Sq, Skv] i1 mask evaluated from the padding tensor.
// CHECK-LABEL: func.func @generate_extract_padding
// CHECK: linalg.generic
// CHECK: arith.cmpf one
// CHECK: attn.attention
// CHECK-SAME: mask(
func.func @generate_extract_padding(%q: tensor<2x5x8xf32>, %k: tensor<2x7x8xf32>, %v: tensor<2x7x4xf32>, %pad: tensor<2x7xf32>, %idx: tensor<7xindex>) -> tensor<2x5x4xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x5x7xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<2x5x7xf32>) -> tensor<2x5x7xf32>
  %s = linalg.batch_matmul indexing_maps = [#a, #b, #c] ins(%q, %k : tensor<2x5x8xf32>, tensor<2x7x8xf32>) outs(%f : tensor<2x5x7xf32>) -> tensor<2x5x7xf32>
  %keep = tensor.generate {
  ^bb0(%gb: index, %gi: index, %gj: index):
    %pv = tensor.extract %pad[%gb, %gj] : tensor<2x7xf32>
    %z = arith.constant 0.0 : f32
    %kk = arith.cmpf one, %pv, %z : f32
    tensor.yield %kk : i1
  } : tensor<2x5x7xi1>
  %ni = arith.constant dense<0xFF800000> : tensor<2x5x7xf32>
  %x = arith.select %keep, %s, %ni : tensor<2x5x7xi1>, tensor<2x5x7xf32>
  %p = linalg.softmax dimension(2) ins(%x : tensor<2x5x7xf32>) outs(%e : tensor<2x5x7xf32>) -> tensor<2x5x7xf32>
  %eo = tensor.empty() : tensor<2x5x4xf32>
  %fo = linalg.fill ins(%zero : f32) outs(%eo : tensor<2x5x4xf32>) -> tensor<2x5x4xf32>
  %o = linalg.batch_matmul ins(%p, %v : tensor<2x5x7xf32>, tensor<2x7x4xf32>) outs(%fo : tensor<2x5x4xf32>) -> tensor<2x5x4xf32>
  return %o : tensor<2x5x4xf32>
}

// -----

#a = affine_map<(b, i, j, d) -> (b, i, d)>
#b = affine_map<(b, i, j, d) -> (b, j, d)>
#c = affine_map<(b, i, j, d) -> (b, i, j)>

// An extract at an index read from another tensor (a gather): no affine read;
// left alone.
// CHECK-LABEL: func.func @generate_extract_gathered_index
// CHECK-NOT: attn.attention
func.func @generate_extract_gathered_index(%q: tensor<2x5x8xf32>, %k: tensor<2x7x8xf32>, %v: tensor<2x7x4xf32>, %pad: tensor<2x7xf32>, %idx: tensor<7xindex>) -> tensor<2x5x4xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x5x7xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<2x5x7xf32>) -> tensor<2x5x7xf32>
  %s = linalg.batch_matmul indexing_maps = [#a, #b, #c] ins(%q, %k : tensor<2x5x8xf32>, tensor<2x7x8xf32>) outs(%f : tensor<2x5x7xf32>) -> tensor<2x5x7xf32>
  %keep = tensor.generate {
  ^bb0(%gb: index, %gi: index, %gj: index):
    %jj = tensor.extract %idx[%gj] : tensor<7xindex>
    %pv = tensor.extract %pad[%gb, %jj] : tensor<2x7xf32>
    %z = arith.constant 0.0 : f32
    %kk = arith.cmpf one, %pv, %z : f32
    tensor.yield %kk : i1
  } : tensor<2x5x7xi1>
  %ni = arith.constant dense<0xFF800000> : tensor<2x5x7xf32>
  %x = arith.select %keep, %s, %ni : tensor<2x5x7xi1>, tensor<2x5x7xf32>
  %p = linalg.softmax dimension(2) ins(%x : tensor<2x5x7xf32>) outs(%e : tensor<2x5x7xf32>) -> tensor<2x5x7xf32>
  %eo = tensor.empty() : tensor<2x5x4xf32>
  %fo = linalg.fill ins(%zero : f32) outs(%eo : tensor<2x5x4xf32>) -> tensor<2x5x4xf32>
  // expected-remark @below {{not fused: the mask is not an element-wise function of tensors, indices and scalars defined before the chain (where it is evaluated)}}
  %o = linalg.batch_matmul ins(%p, %v : tensor<2x5x7xf32>, tensor<2x7x4xf32>) outs(%fo : tensor<2x5x4xf32>) -> tensor<2x5x4xf32>
  return %o : tensor<2x5x4xf32>
}
