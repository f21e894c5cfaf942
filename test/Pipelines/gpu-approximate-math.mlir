// attn-gpu-approximate-math (device code of attn-nvvm-pipeline) run on its
// own: math on vectors becomes polynomial approximations built with
// vector.broadcast, whose dialect the pass loads (a vector math.tanh in an
// input that loaded no vector op crashed the pass).
// RUN: attn-opt %s --attn-gpu-approximate-math | FileCheck %s
// CHECK-LABEL: func.func @f
//   CHECK-NOT:   math.tanh
//       CHECK:   arith.constant dense<{{.*}}> : vector<4xf32>
//       CHECK:   return
func.func @f(%c: vector<4xf32>) -> vector<4xf32> {
  %0 = math.tanh %c : vector<4xf32>
  return %0 : vector<4xf32>
}
