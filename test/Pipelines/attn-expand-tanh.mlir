// RUN: attn-opt %s -attn-expand-tanh | FileCheck %s

// f32 tanh, scalar or vector, becomes upstream's rational approximation
// (arith only), which keeps tanh(x) ~ x near 0; other types are left to
// math-expand-ops.

// CHECK-LABEL: func.func @scalar
// CHECK-NOT: math.tanh
// CHECK: arith.divf
func.func @scalar(%x: f32) -> f32 {
  %t = math.tanh %x : f32
  return %t : f32
}

// CHECK-LABEL: func.func @vector
// CHECK-NOT: math.tanh
// CHECK: arith.divf %{{.*}} : vector<8xf32>
func.func @vector(%x: vector<8xf32>) -> vector<8xf32> {
  %t = math.tanh %x : vector<8xf32>
  return %t : vector<8xf32>
}

// CHECK-LABEL: func.func @half
// CHECK: math.tanh %{{.*}} : f16
func.func @half(%x: f16) -> f16 {
  %t = math.tanh %x : f16
  return %t : f16
}
