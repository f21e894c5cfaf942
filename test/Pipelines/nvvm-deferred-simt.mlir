// An op marked attn.deferred (IR saved after the tensor-core pass claimed
// it) compiled without that pass (mma=false, or a chip below sm_80) takes
// the SIMT path: attn-tile-attention lowers it instead of skipping it (it
// was left unbufferized: "op was not bufferized").
// RUN: attn-opt %s --pass-pipeline='builtin.module(attn-nvvm-pipeline{chip=sm_80 format=isa mma=false})' | FileCheck %s
// RUN: attn-opt %s --pass-pipeline='builtin.module(attn-nvvm-pipeline{chip=sm_75 format=isa})' | FileCheck %s
// CHECK-NOT: attn.attention
// CHECK: llvm.func @f(
// CHECK: gpu.launch_func
// CHECK: gpu.binary
func.func @f(%q: tensor<1x2x16x64xf16>, %k: tensor<1x2x16x64xf16>, %v: tensor<1x2x16x64xf16>, %o: tensor<1x2x16x64xf16>) -> tensor<1x2x16x64xf16> {
  %r = attn.attention ins(%q, %k, %v : tensor<1x2x16x64xf16>, tensor<1x2x16x64xf16>, tensor<1x2x16x64xf16>) outs(%o : tensor<1x2x16x64xf16>) {attn.deferred} -> tensor<1x2x16x64xf16>
  return %r : tensor<1x2x16x64xf16>
}
