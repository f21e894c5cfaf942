// RUN: attn-opt %s -split-input-file -attn-split-tosa-casts | FileCheck %s

// tosa.cast between bf16 and f16 goes through f32 (tosa-to-linalg would
// emit a truncf/extf between two 16-bit types, which arith rejects).
// CHECK-LABEL: func.func @bf16_to_f16(
// CHECK: %[[W:.*]] = tosa.cast %{{.*}} : (tensor<2x8xbf16>) -> tensor<2x8xf32>
// CHECK: %[[N:.*]] = tosa.cast %[[W]] : (tensor<2x8xf32>) -> tensor<2x8xf16>
// CHECK: return %[[N]]
func.func @bf16_to_f16(%m: tensor<2x8xbf16>) -> tensor<2x8xf16> {
  %c = tosa.cast %m : (tensor<2x8xbf16>) -> tensor<2x8xf16>
  return %c : tensor<2x8xf16>
}

// -----

// CHECK-LABEL: func.func @f16_to_bf16(
// CHECK: %[[W:.*]] = tosa.cast %{{.*}} : (tensor<?xf16>) -> tensor<?xf32>
// CHECK: tosa.cast %[[W]] : (tensor<?xf32>) -> tensor<?xbf16>
func.func @f16_to_bf16(%m: tensor<?xf16>) -> tensor<?xbf16> {
  %c = tosa.cast %m : (tensor<?xf16>) -> tensor<?xbf16>
  return %c : tensor<?xbf16>
}

// -----

// Other casts are left alone.
// CHECK-LABEL: func.func @others(
// CHECK-NEXT: tosa.cast %{{.*}} : (tensor<4xbf16>) -> tensor<4xf32>
// CHECK-NEXT: tosa.cast %{{.*}} : (tensor<4xf32>) -> tensor<4xf16>
// CHECK-NEXT: return
func.func @others(%m: tensor<4xbf16>) -> tensor<4xf16> {
  %a = tosa.cast %m : (tensor<4xbf16>) -> tensor<4xf32>
  %b = tosa.cast %a : (tensor<4xf32>) -> tensor<4xf16>
  return %b : tensor<4xf16>
}
