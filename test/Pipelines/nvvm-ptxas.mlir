// The PTX of attn-nvvm-pipeline is accepted by ptxas for sm_80 and sm_90,
// with no local-memory spills, for f32 at D = 64 (SIMT path) and f16/bf16 at
// D = 128 (tensor-core kernels; default options: 4 warps, key tile 64, 2
// stages, and one other tiling), and the fatbin format (cubin + PTX, through
// ptxas inside the pipeline) yields a gpu.binary.
// REQUIRES: ptxas
// RUN: attn-opt %s --pass-pipeline='builtin.module(attn-nvvm-pipeline{chip=sm_90 format=isa})' -o %t.sm90.mlir
// RUN: %gpu_extract_ptx %t.sm90.mlir | FileCheck %s --check-prefix=PTX
// RUN: %gpu_extract_ptx --index 0 %t.sm90.mlir > %t.0.ptx && %ptxas -arch=sm_90 -v %t.0.ptx -o %t.0.cubin 2>&1 | FileCheck %s --check-prefix=PTXAS
// RUN: %gpu_extract_ptx --index 1 %t.sm90.mlir > %t.1.ptx && %ptxas -arch=sm_90 -v %t.1.ptx -o %t.1.cubin 2>&1 | FileCheck %s --check-prefix=PTXAS
// RUN: %gpu_extract_ptx --index 2 %t.sm90.mlir > %t.2.ptx && %ptxas -arch=sm_90 -v %t.2.ptx -o %t.2.cubin 2>&1 | FileCheck %s --check-prefix=PTXAS
// RUN: attn-opt %s --pass-pipeline='builtin.module(attn-nvvm-pipeline{chip=sm_80 format=isa})' -o %t.sm80.mlir
// RUN: %gpu_extract_ptx --index 0 %t.sm80.mlir > %t.3.ptx && %ptxas -arch=sm_80 -v %t.3.ptx -o %t.3.cubin 2>&1 | FileCheck %s --check-prefix=PTXAS
// RUN: %gpu_extract_ptx --index 1 %t.sm80.mlir > %t.4.ptx && %ptxas -arch=sm_80 -v %t.4.ptx -o %t.4.cubin 2>&1 | FileCheck %s --check-prefix=PTXAS
// RUN: %gpu_extract_ptx --index 2 %t.sm80.mlir > %t.5.ptx && %ptxas -arch=sm_80 -v %t.5.ptx -o %t.5.cubin 2>&1 | FileCheck %s --check-prefix=PTXAS
// Other tensor-core tilings: one stage, 8 warps, 32-key tiles.
// RUN: attn-opt %s --pass-pipeline='builtin.module(attn-nvvm-pipeline{chip=sm_80 format=isa stages=1 mma-warps=8 mma-key-tile=32})' -o %t.opts.mlir
// RUN: %gpu_extract_ptx --index 1 %t.opts.mlir > %t.6.ptx && %ptxas -arch=sm_80 -v %t.6.ptx -o %t.6.cubin 2>&1 | FileCheck %s --check-prefix=PTXAS
// RUN: %gpu_extract_ptx --index 2 %t.opts.mlir > %t.7.ptx && %ptxas -arch=sm_80 -v %t.7.ptx -o %t.7.cubin 2>&1 | FileCheck %s --check-prefix=PTXAS
// RUN: attn-opt %s --pass-pipeline='builtin.module(attn-nvvm-pipeline{chip=sm_90})' | FileCheck %s --check-prefix=FATBIN

// The f32 op takes the SIMT path, the f16/bf16 ops the tensor-core kernels
// (private functions at the end of the module).
// PTX: .target sm_90
// PTX: .visible .entry f32_d64_kernel(
// PTX: .target sm_90
// PTX: .visible .entry f16_d128_causal_mma_kernel(
// PTX: mma.sync.aligned.m16n8k16.row.col.f32.f16.f16.f32
// PTX: .target sm_90
// PTX: .visible .entry bf16_d128_mma_kernel(
// PTX: mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32

// PTXAS: 0 bytes spill stores, 0 bytes spill loads
// The fatbin's magic (0xBA55ED50) starts the object.
// FATBIN-COUNT-3: gpu.binary @{{.*}}_kernel  [#gpu.object<#nvvm.target<O = 3, chip = "sm_90", features = "+ptx80">, properties = {{.*}}, "P\EDU\BA

func.func @f32_d64(%q: tensor<1x4x256x64xf32>, %k: tensor<1x4x256x64xf32>,
                   %v: tensor<1x4x256x64xf32>) -> tensor<1x4x256x64xf32> {
  %init = tensor.empty() : tensor<1x4x256x64xf32>
  %r = attn.attention ins(%q, %k, %v : tensor<1x4x256x64xf32>, tensor<1x4x256x64xf32>, tensor<1x4x256x64xf32>)
         outs(%init : tensor<1x4x256x64xf32>) -> tensor<1x4x256x64xf32>
  return %r : tensor<1x4x256x64xf32>
}

func.func @f16_d128_causal(%q: tensor<1x4x256x128xf16>, %k: tensor<1x4x256x128xf16>,
                           %v: tensor<1x4x256x128xf16>) -> tensor<1x4x256x128xf16> {
  %init = tensor.empty() : tensor<1x4x256x128xf16>
  %r = attn.attention ins(%q, %k, %v : tensor<1x4x256x128xf16>, tensor<1x4x256x128xf16>, tensor<1x4x256x128xf16>)
         outs(%init : tensor<1x4x256x128xf16>) causal = top_left -> tensor<1x4x256x128xf16>
  return %r : tensor<1x4x256x128xf16>
}

func.func @bf16_d128(%q: tensor<1x4x256x128xbf16>, %k: tensor<1x4x256x128xbf16>,
                     %v: tensor<1x4x256x128xbf16>) -> tensor<1x4x256x128xbf16> {
  %init = tensor.empty() : tensor<1x4x256x128xbf16>
  %r = attn.attention ins(%q, %k, %v : tensor<1x4x256x128xbf16>, tensor<1x4x256x128xbf16>, tensor<1x4x256x128xbf16>)
         outs(%init : tensor<1x4x256x128xbf16>) -> tensor<1x4x256x128xbf16>
  return %r : tensor<1x4x256x128xbf16>
}
