// RUN: attn-opt %s -attn-lift-cfg-loops | FileCheck %s

// A loop written with branches, carrying a tensor: lifted to scf.while; the
// tensor poison lift-cf-to-scf makes for the value undefined on the exit
// path becomes a tensor.empty.
// CHECK-LABEL: func.func @tensor_loop
// CHECK-NOT: ub.poison : tensor
// CHECK: scf.while
// CHECK-NOT: cf.br
// CHECK: return
func.func @tensor_loop(%x0: tensor<4xf32>, %n: index) -> tensor<4xf32> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  cf.br ^head(%c0, %x0 : index, tensor<4xf32>)
^head(%i: index, %x: tensor<4xf32>):
  %done = arith.cmpi sge, %i, %n : index
  cf.cond_br %done, ^exit, ^body
^body:
  %y = arith.addf %x, %x : tensor<4xf32>
  %j = arith.addi %i, %c1 : index
  cf.br ^head(%j, %y : index, tensor<4xf32>)
^exit:
  return %x : tensor<4xf32>
}

// The same carrying a dynamic and an unranked tensor: the poison gets the
// dynamic sizes 0 (any tensor refines poison), the unranked one is a cast of
// an empty 1-D tensor.
// CHECK-LABEL: func.func @dynamic_tensor_loop
// CHECK-NOT: ub.poison : tensor
// CHECK: %[[E:.+]] = tensor.empty() : tensor<0xf32>
// CHECK: tensor.cast %[[E]] : tensor<0xf32> to tensor<?xf32>
// CHECK: scf.while
// CHECK: return
func.func @dynamic_tensor_loop(%x0: tensor<?xf32>, %n: index) -> tensor<?xf32> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  cf.br ^head(%c0, %x0 : index, tensor<?xf32>)
^head(%i: index, %x: tensor<?xf32>):
  %done = arith.cmpi sge, %i, %n : index
  cf.cond_br %done, ^exit, ^body
^body:
  %y = arith.addf %x, %x : tensor<?xf32>
  %j = arith.addi %i, %c1 : index
  cf.br ^head(%j, %y : index, tensor<?xf32>)
^exit:
  return %x : tensor<?xf32>
}

// CHECK-LABEL: func.func @unranked_tensor_loop
// CHECK-NOT: ub.poison : tensor
// CHECK: %[[E:.+]] = tensor.empty() : tensor<0xf32>
// CHECK: tensor.cast %[[E]] : tensor<0xf32> to tensor<*xf32>
// CHECK: scf.while
// CHECK: return
func.func @unranked_tensor_loop(%x0: tensor<*xf32>, %n: index) -> tensor<*xf32> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  cf.br ^head(%c0, %x0 : index, tensor<*xf32>)
^head(%i: index, %x: tensor<*xf32>):
  %done = arith.cmpi sge, %i, %n : index
  cf.cond_br %done, ^exit, ^body
^body:
  %j = arith.addi %i, %c1 : index
  cf.br ^head(%j, %x0 : index, tensor<*xf32>)
^exit:
  return %x : tensor<*xf32>
}

// Branches without a loop: left as they are.
// CHECK-LABEL: func.func @diamond
// CHECK: cf.cond_br
// CHECK-NOT: scf.if
func.func @diamond(%c: i1, %a: f32, %b: f32) -> f32 {
  cf.cond_br %c, ^t, ^f
^t:
  return %a : f32
^f:
  return %b : f32
}
