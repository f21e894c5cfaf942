// The K/V tiles must fit the shared memory of the chip: the pipeline passes
// the per-block limit (227 KiB on sm_90, 163 KiB on sm_80, 99 KiB on
// sm_86/89) and ops whose tiles do not fit take the SIMT path.
// RUN: attn-opt %s --attn-gpu-mma-attention='report=true key-tile=128 max-smem=101376' --verify-diagnostics | FileCheck %s --check-prefix=SMALL
// RUN: attn-opt %s --attn-gpu-mma-attention='key-tile=128' | FileCheck %s --check-prefix=BIG
// RUN: attn-opt %s --pass-pipeline='builtin.module(attn-nvvm-pipeline{chip=sm_86 format=isa mma-key-tile=128})' | FileCheck %s --check-prefix=SM86
// RUN: attn-opt %s --pass-pipeline='builtin.module(attn-nvvm-pipeline{chip=sm_90 format=isa mma-key-tile=128})' | FileCheck %s --check-prefix=SM90

// SMALL: attn.attention
// BIG: call @f_mma
// SM86-NOT: gpu.binary @f_mma_kernel
// SM86: gpu.binary @f_kernel
// SM90: gpu.binary @f_mma_kernel

func.func @f(%q: tensor<1x2x64x128xf16>, %k: tensor<1x2x64x128xf16>, %v: tensor<1x2x64x128xf16>) -> tensor<1x2x64x128xf16> {
  %init = tensor.empty() : tensor<1x2x64x128xf16>
  // expected-remark @below {{left to the SIMT path: the K/V tiles need 139264 bytes of shared memory, more than the 101376 a block may use}}
  %r = attn.attention ins(%q, %k, %v : tensor<1x2x64x128xf16>, tensor<1x2x64x128xf16>, tensor<1x2x64x128xf16>) outs(%init : tensor<1x2x64x128xf16>) -> tensor<1x2x64x128xf16>
  return %r : tensor<1x2x64x128xf16>
}
