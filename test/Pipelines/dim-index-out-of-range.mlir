// A tensor.dim at a constant index outside the rank is undefined: both
// pipelines replace it with ub.poison and warn, instead of reaching
// upstream's canonicalization of the memref.dim it becomes, which crashes
// once the GPU dialect is loaded (attn-nvvm-pipeline; found by a crash hunt).
// RUN: attn-opt %s -attn-cpu-pipeline -verify-diagnostics | FileCheck %s
// RUN: attn-opt %s --pass-pipeline='builtin.module(attn-nvvm-pipeline{chip=sm_80})' -verify-diagnostics | FileCheck %s
// CHECK: llvm.func @f
// CHECK-NOT: tensor.dim
// CHECK-NOT: memref.dim
func.func @f(%k: tensor<1x2x?x8xf32>) -> index {
  %c = arith.constant -2 : index
  // expected-warning @+1 {{dim index -2 is outside rank 4: its result is undefined (ub.poison)}}
  %n = tensor.dim %k, %c : tensor<1x2x?x8xf32>
  return %n : index
}
