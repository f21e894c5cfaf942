// attn.deferred marks an op for a later pass of attn-nvvm-pipeline;
// attn-cpu-pipeline has no such pass and lowers the op like any other
// (it used to stop with "op was not bufferized"). attn-tile-attention alone
// leaves it to that later pass unless skip-deferred=false.
// RUN: attn-opt %s --attn-cpu-pipeline | FileCheck %s --check-prefix=CPU
// RUN: attn-opt %s --attn-tile-attention | FileCheck %s --check-prefix=SKIP
// RUN: attn-opt %s --attn-tile-attention=skip-deferred=false | FileCheck %s --check-prefix=TILE

// CPU: llvm.func @f
// CPU-NOT: attn.
// SKIP: attn.attention {{.*}} {attn.deferred}
// TILE-NOT: attn.attention
// TILE: scf.forall
func.func @f(%q: tensor<2x4x32x64xf32>, %k: tensor<2x2x48x64xf32>, %v: tensor<2x2x48x64xf32>) -> tensor<2x4x32x64xf32> {
  %o = tensor.empty() : tensor<2x4x32x64xf32>
  %0 = attn.attention ins(%q, %k, %v : tensor<2x4x32x64xf32>, tensor<2x2x48x64xf32>, tensor<2x2x48x64xf32>) outs(%o : tensor<2x4x32x64xf32>) causal = bottom_right {attn.deferred} -> tensor<2x4x32x64xf32>
  return %0 : tensor<2x4x32x64xf32>
}
