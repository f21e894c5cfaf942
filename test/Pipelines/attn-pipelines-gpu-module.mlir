// attn.attention inside a gpu.module (a device function written by hand) is
// not reached by either pipeline's function passes: an error that says so,
// not a failure later in bufferization or the LLVM translation.
// RUN: not attn-opt %s --attn-cpu-pipeline 2>&1 | FileCheck %s --check-prefix=CPU
// RUN: not attn-opt %s --pass-pipeline='builtin.module(attn-nvvm-pipeline{chip=sm_80 format=isa})' 2>&1 | FileCheck %s --check-prefix=NVVM
// CPU: error: attn-cpu-pipeline: attn.attention inside 'gpu.module' is not compiled; only functions of the top-level module
// NVVM: error: attn-nvvm-pipeline: attn.attention inside 'gpu.module' is not compiled
module attributes {gpu.container_module} {
  gpu.module @kernels {
    func.func @f(%q: tensor<1x1x4x8xf32>, %k: tensor<1x1x4x8xf32>, %v: tensor<1x1x4x8xf32>, %o: tensor<1x1x4x8xf32>) -> tensor<1x1x4x8xf32> {
      %r = attn.attention ins(%q, %k, %v : tensor<1x1x4x8xf32>, tensor<1x1x4x8xf32>, tensor<1x1x4x8xf32>) outs(%o : tensor<1x1x4x8xf32>) -> tensor<1x1x4x8xf32>
      return %r : tensor<1x1x4x8xf32>
    }
  }
}
