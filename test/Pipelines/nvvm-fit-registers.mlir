// No local-memory spills in the tensor-core kernels of the default pipeline
// at shapes where ptxas's own register budget spilled (ptxas 13.0 picked 96,
// 128 or 168 registers for 128 threads and spilled 4-28 bytes: decoding with
// a dynamic key length and GQA packing, causal prefill with a dynamic key
// length at D = 72, GQA prefill at D = 80). attn-gpu-fit-registers raises the
// cap of a kernel that spills (gpu-fit-registers.mlir); with
// fit-registers=false the PTX has no .maxnreg.
// REQUIRES: ptxas
// RUN: attn-opt %s --pass-pipeline='builtin.module(attn-nvvm-pipeline{chip=sm_80 format=isa})' | %gpu_extract_ptx - --ptxas %ptxas --arch sm_80 | FileCheck %s
// RUN: attn-opt %s --pass-pipeline='builtin.module(attn-nvvm-pipeline{chip=sm_89 format=isa})' | %gpu_extract_ptx - --ptxas %ptxas --arch sm_89 | FileCheck %s
// RUN: attn-opt %s --pass-pipeline='builtin.module(attn-nvvm-pipeline{chip=sm_80 format=isa fit-registers=false})' | %gpu_extract_ptx - | FileCheck %s --check-prefix=OFF

// CHECK-NOT: {{[1-9][0-9]*}} bytes spill
// CHECK: decode_d64_mma_kernel: {{[0-9]+}} registers, 0 bytes spill stores, 0 bytes spill loads
// CHECK-NOT: {{[1-9][0-9]*}} bytes spill
// CHECK: decode_d24_mma_kernel: {{[0-9]+}} registers, 0 bytes spill stores, 0 bytes spill loads
// CHECK-NOT: {{[1-9][0-9]*}} bytes spill
// CHECK: causal_d72_mma_kernel: {{[0-9]+}} registers, 0 bytes spill stores, 0 bytes spill loads
// CHECK-NOT: {{[1-9][0-9]*}} bytes spill
// CHECK: gqa_d80_mma_kernel: {{[0-9]+}} registers, 0 bytes spill stores, 0 bytes spill loads
// CHECK-NOT: {{[1-9][0-9]*}} bytes spill
// OFF: .entry decode_d64_mma_kernel
// OFF-NOT: .maxnreg

func.func @decode_d64(%q: tensor<1x32x1x64xf16>, %k: tensor<1x8x?x64xf16>, %v: tensor<1x8x?x64xf16>) -> tensor<1x32x1x64xf16> {
  %init = tensor.empty() : tensor<1x32x1x64xf16>
  %r = attn.attention ins(%q, %k, %v : tensor<1x32x1x64xf16>, tensor<1x8x?x64xf16>, tensor<1x8x?x64xf16>) outs(%init : tensor<1x32x1x64xf16>) -> tensor<1x32x1x64xf16>
  return %r : tensor<1x32x1x64xf16>
}

func.func @decode_d24(%q: tensor<1x32x1x24xbf16>, %k: tensor<1x8x?x24xbf16>, %v: tensor<1x8x?x24xbf16>) -> tensor<1x32x1x24xbf16> {
  %init = tensor.empty() : tensor<1x32x1x24xbf16>
  %r = attn.attention ins(%q, %k, %v : tensor<1x32x1x24xbf16>, tensor<1x8x?x24xbf16>, tensor<1x8x?x24xbf16>) outs(%init : tensor<1x32x1x24xbf16>) -> tensor<1x32x1x24xbf16>
  return %r : tensor<1x32x1x24xbf16>
}

func.func @causal_d72(%q: tensor<2x8x512x72xf16>, %k: tensor<2x8x?x72xf16>, %v: tensor<2x8x?x72xf16>) -> tensor<2x8x512x72xf16> {
  %init = tensor.empty() : tensor<2x8x512x72xf16>
  %r = attn.attention ins(%q, %k, %v : tensor<2x8x512x72xf16>, tensor<2x8x?x72xf16>, tensor<2x8x?x72xf16>) outs(%init : tensor<2x8x512x72xf16>) causal = bottom_right -> tensor<2x8x512x72xf16>
  return %r : tensor<2x8x512x72xf16>
}

func.func @gqa_d80(%q: tensor<1x32x100x80xf16>, %k: tensor<1x8x1000x80xf16>, %v: tensor<1x8x1000x80xf16>) -> tensor<1x32x100x80xf16> {
  %init = tensor.empty() : tensor<1x32x100x80xf16>
  %r = attn.attention ins(%q, %k, %v : tensor<1x32x100x80xf16>, tensor<1x8x1000x80xf16>, tensor<1x8x1000x80xf16>) outs(%init : tensor<1x32x100x80xf16>) causal = top_left -> tensor<1x32x100x80xf16>
  return %r : tensor<1x32x100x80xf16>
}
