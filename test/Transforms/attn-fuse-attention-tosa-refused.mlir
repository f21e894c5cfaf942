// RUN: attn-opt %s -split-input-file -attn-fuse-attention="report=true" -verify-diagnostics | FileCheck %s

// TOSA chains the pass must leave alone, each with the remark it emits.

// CHECK-NOT: attn.attention

// The attention probabilities are also returned.
func.func @probs_returned(%q: tensor<1x8x16xf32>, %k: tensor<1x8x16xf32>, %v: tensor<1x8x16xf32>) -> (tensor<1x8x16xf32>, tensor<1x8x8xf32>) {
  %zp = "tosa.const"() <{values = dense<0.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %shift = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8>
  %c = "tosa.const"() <{values = dense<0.25> : tensor<1x1x1xf32>}> : () -> tensor<1x1x1xf32>
  %shp = tosa.const_shape {values = dense<[1, 8, 8]> : tensor<3xindex>} : () -> !tosa.shape<3>
  %kt = tosa.transpose %k {perms = array<i32: 0, 2, 1>} : (tensor<1x8x16xf32>) -> tensor<1x16x8xf32>
  %s = tosa.matmul %q, %kt, %zp, %zp : (tensor<1x8x16xf32>, tensor<1x16x8xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x8x8xf32>
  %sc = tosa.mul %s, %c, %shift : (tensor<1x8x8xf32>, tensor<1x1x1xf32>, tensor<1xi8>) -> tensor<1x8x8xf32>
  %x = tosa.reshape %sc, %shp : (tensor<1x8x8xf32>, !tosa.shape<3>) -> tensor<1x8x8xf32>
  %mx = tosa.reduce_max %x {axis = 2 : i32} : (tensor<1x8x8xf32>) -> tensor<1x8x1xf32>
  %d = tosa.sub %x, %mx : (tensor<1x8x8xf32>, tensor<1x8x1xf32>) -> tensor<1x8x8xf32>
  %e = tosa.exp %d : (tensor<1x8x8xf32>) -> tensor<1x8x8xf32>
  %su = tosa.reduce_sum %e {axis = 2 : i32} : (tensor<1x8x8xf32>) -> tensor<1x8x1xf32>
  %r = tosa.reciprocal %su : (tensor<1x8x1xf32>) -> tensor<1x8x1xf32>
  %p = tosa.mul %e, %r, %shift : (tensor<1x8x8xf32>, tensor<1x8x1xf32>, tensor<1xi8>) -> tensor<1x8x8xf32>
  // expected-remark-re @below {{not fused: an intermediate of the chain (tosa.mul at {{.*}}.mlir:{{[0-9]+}}:{{[0-9]+}}) has another user (func.return at {{.*}})}}
  %o = tosa.matmul %p, %v, %zp, %zp : (tensor<1x8x8xf32>, tensor<1x8x16xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x8x16xf32>
  return %o, %p : tensor<1x8x16xf32>, tensor<1x8x8xf32>
}

// -----

// The softmax reduces over the query axis.
func.func @softmax_over_queries(%q: tensor<1x8x16xf32>, %k: tensor<1x8x16xf32>, %v: tensor<1x8x16xf32>) -> (tensor<1x8x16xf32>) {
  %zp = "tosa.const"() <{values = dense<0.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %shift = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8>
  %c = "tosa.const"() <{values = dense<0.25> : tensor<1x1x1xf32>}> : () -> tensor<1x1x1xf32>
  %shp = tosa.const_shape {values = dense<[1, 8, 8]> : tensor<3xindex>} : () -> !tosa.shape<3>
  %kt = tosa.transpose %k {perms = array<i32: 0, 2, 1>} : (tensor<1x8x16xf32>) -> tensor<1x16x8xf32>
  %s = tosa.matmul %q, %kt, %zp, %zp : (tensor<1x8x16xf32>, tensor<1x16x8xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x8x8xf32>
  %sc = tosa.mul %s, %c, %shift : (tensor<1x8x8xf32>, tensor<1x1x1xf32>, tensor<1xi8>) -> tensor<1x8x8xf32>
  %x = tosa.reshape %sc, %shp : (tensor<1x8x8xf32>, !tosa.shape<3>) -> tensor<1x8x8xf32>
  %mx = tosa.reduce_max %x {axis = 1 : i32} : (tensor<1x8x8xf32>) -> tensor<1x1x8xf32>
  %d = tosa.sub %x, %mx : (tensor<1x8x8xf32>, tensor<1x1x8xf32>) -> tensor<1x8x8xf32>
  %e = tosa.exp %d : (tensor<1x8x8xf32>) -> tensor<1x8x8xf32>
  %su = tosa.reduce_sum %e {axis = 1 : i32} : (tensor<1x8x8xf32>) -> tensor<1x1x8xf32>
  %r = tosa.reciprocal %su : (tensor<1x1x8xf32>) -> tensor<1x1x8xf32>
  %p = tosa.mul %e, %r, %shift : (tensor<1x8x8xf32>, tensor<1x1x8xf32>, tensor<1xi8>) -> tensor<1x8x8xf32>
  // expected-remark @below {{not fused: a reduction runs over a dimension other than the key dimension}}
  %o = tosa.matmul %p, %v, %zp, %zp : (tensor<1x8x8xf32>, tensor<1x8x16xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x8x16xf32>
  return %o : tensor<1x8x16xf32>
}
