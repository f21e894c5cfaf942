// The CPU pipeline sets the code generator's target on every defined
// function: the host by default, or what the options say.
// RUN: attn-opt %s -attn-cpu-pipeline="target-cpu=skylake-avx512 target-features=+avx512f,+fma" | FileCheck %s
// RUN: attn-opt %s -attn-cpu-pipeline | FileCheck %s --check-prefix=HOST
// RUN: attn-opt %s -attn-cpu-pipeline="target-cpu= target-features=" | FileCheck %s --check-prefix=NONE

// CHECK: llvm.func @f
// CHECK-SAME: target_cpu = "skylake-avx512"
// CHECK-SAME: target_features = #llvm.target_features<["+avx512f", "+fma"]>
// HOST: llvm.func @f
// HOST-SAME: target_cpu = "{{[a-z0-9_-]+}}"
// HOST-SAME: target_features = #llvm.target_features<[
// NONE: llvm.func @f
// NONE-NOT: target_cpu
func.func @f(%a: f32) -> f32 {
  %0 = arith.addf %a, %a : f32
  return %0 : f32
}
