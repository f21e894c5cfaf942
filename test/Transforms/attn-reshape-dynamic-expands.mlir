// RUN: attn-opt %s -attn-reshape-dynamic-expands | FileCheck %s

// Two dynamic dims from one (a torch view [B*S, E] -> [B, S, E]): a
// tensor.reshape with the output shape as a tensor.
// CHECK-LABEL: func.func @two_dynamic
// CHECK-SAME: (%[[X:.*]]: tensor<?x160xf32>, %[[A:.*]]: index, %[[B:.*]]: index)
// CHECK: %[[C:.*]] = arith.constant 160 : index
// CHECK: %[[S:.*]] = tensor.from_elements %[[A]], %[[B]], %[[C]] : tensor<3xindex>
// CHECK: tensor.reshape %[[X]](%[[S]]) : (tensor<?x160xf32>, tensor<3xindex>) -> tensor<?x?x160xf32>
// CHECK-NOT: tensor.expand_shape
func.func @two_dynamic(%x: tensor<?x160xf32>, %a: index, %b: index) -> tensor<?x?x160xf32> {
  %e = tensor.expand_shape %x [[0, 1], [2]] output_shape [%a, %b, 160] : tensor<?x160xf32> into tensor<?x?x160xf32>
  return %e : tensor<?x?x160xf32>
}

// One dynamic dim per group: left alone.
// CHECK-LABEL: func.func @one_dynamic
// CHECK: tensor.expand_shape
func.func @one_dynamic(%x: tensor<?x160xf32>, %a: index) -> tensor<?x2x160xf32> {
  %e = tensor.expand_shape %x [[0, 1], [2]] output_shape [%a, 2, 160] : tensor<?x160xf32> into tensor<?x2x160xf32>
  return %e : tensor<?x2x160xf32>
}
