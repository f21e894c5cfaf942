// An operand that is a slice of a bigger tensor (a strided buffer after
// bufferization) compiles through both GPU kernels: the tensor-core path
// reads a contiguous copy (bufferization.to_buffer), the SIMT path rebuilds
// the view inside the kernel on a device copy of the whole buffer.
// RUN: attn-opt %s --pass-pipeline='builtin.module(attn-nvvm-pipeline{chip=sm_90 format=isa})' | FileCheck %s --check-prefix=MMA
// RUN: attn-opt %s --pass-pipeline='builtin.module(attn-nvvm-pipeline{chip=sm_90 format=isa mma=false})' | FileCheck %s --check-prefix=SIMT

// MMA: gpu.launch_func {{.*}} @f_mma_kernel::@f_mma_kernel
// MMA: gpu.binary @f_mma_kernel
// SIMT: llvm.call @mgpuMemAlloc
// SIMT: gpu.launch_func {{.*}} @f_kernel::@f_kernel
// SIMT: gpu.binary @f_kernel

func.func @f(%big: tensor<2x4x100x128xf16>, %k: tensor<2x4x77x64xf16>, %v: tensor<2x4x77x64xf16>) -> tensor<2x4x100x64xf16> {
  %q = tensor.extract_slice %big[0, 0, 0, 64] [2, 4, 100, 64] [1, 1, 1, 1] : tensor<2x4x100x128xf16> to tensor<2x4x100x64xf16>
  %init = tensor.empty() : tensor<2x4x100x64xf16>
  %r = attn.attention ins(%q, %k, %v : tensor<2x4x100x64xf16>, tensor<2x4x77x64xf16>, tensor<2x4x77x64xf16>) outs(%init : tensor<2x4x100x64xf16>) -> tensor<2x4x100x64xf16>
  return %r : tensor<2x4x100x64xf16>
}
