// attn-nvvm-pipeline for sm_80 and sm_90 with the PTX embedded (format=isa
// needs no CUDA toolkit, so this runs everywhere): one gpu.binary, host code
// that moves the operands to the device and back through the mgpu* ABI, and
// a kernel with one query row per thread (128 threads = 4 warps).
// RUN: attn-opt %s --pass-pipeline='builtin.module(attn-nvvm-pipeline{chip=sm_80 format=isa})' | FileCheck %s --check-prefixes=CHECK,SM80
// RUN: attn-opt %s --pass-pipeline='builtin.module(attn-nvvm-pipeline{chip=sm_90 format=isa})' | FileCheck %s --check-prefixes=CHECK,SM90
// Chips newer than PTX 8.0 can target: the default features ask for the
// PTX version the chip needs.
// RUN: attn-opt %s --pass-pipeline='builtin.module(attn-nvvm-pipeline{chip=sm_100 format=isa})' | FileCheck %s --check-prefixes=CHECK,SM100
// RUN: attn-opt %s --pass-pipeline='builtin.module(attn-nvvm-pipeline{chip=sm_120a format=isa})' | FileCheck %s --check-prefixes=CHECK,SM120
// RUN: attn-opt %s --pass-pipeline='builtin.module(attn-nvvm-pipeline{chip=sm_90 format=isa warps=2 key-tile=32})' | FileCheck %s --check-prefix=WARPS

// CHECK-LABEL: llvm.func @attn(
// CHECK:         %[[S:.+]] = llvm.call @mgpuStreamCreate()
// CHECK:         %[[DQ:.+]] = llvm.call @mgpuMemAlloc(
// CHECK:         llvm.call @mgpuMemcpy(%[[DQ]], %arg1,
// CHECK-COUNT-3: llvm.call @mgpuMemcpy(
// CHECK:         gpu.launch_func <%[[S]] : !llvm.ptr> @attn_kernel::@attn_kernel
// Only the result is copied back.
// CHECK-NOT:     llvm.call @mgpuMemFree(
// CHECK:         llvm.call @mgpuMemcpy(
// CHECK-NOT:     llvm.call @mgpuMemcpy(
// CHECK-COUNT-4: llvm.call @mgpuMemFree(
// CHECK:         llvm.call @mgpuStreamSynchronize(%[[S]])
// CHECK-NOT:     gpu.launch_func
// CHECK:       gpu.binary @attn_kernel
// SM80-SAME:     chip = "sm_80"
// SM80-SAME:     .target sm_80
// SM90-SAME:     chip = "sm_90"
// SM90-SAME:     .target sm_90
// SM100-SAME:    chip = "sm_100"
// SM100-SAME:    .version 8.6
// SM100-SAME:    .target sm_100
// SM120-SAME:    chip = "sm_120a"
// SM120-SAME:    .version 8.7
// SM120-SAME:    .target sm_120a
// CHECK-SAME:    .visible .entry attn_kernel(
// CHECK-SAME:    .maxntid 128, 1, 1
// CHECK-NOT:     gpu.module

// WARPS: gpu.launch_func
// WARPS: .maxntid 64, 1, 1

func.func @attn(%q: tensor<2x8x100x64xf32>, %k: tensor<2x2x77x64xf32>,
                %v: tensor<2x2x77x64xf32>) -> tensor<2x8x100x64xf32> {
  %init = tensor.empty() : tensor<2x8x100x64xf32>
  %r = attn.attention ins(%q, %k, %v : tensor<2x8x100x64xf32>, tensor<2x2x77x64xf32>, tensor<2x2x77x64xf32>)
         outs(%init : tensor<2x8x100x64xf32>) causal = bottom_right -> tensor<2x8x100x64xf32>
  return %r : tensor<2x8x100x64xf32>
}
