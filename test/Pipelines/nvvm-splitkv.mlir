// Split-KV on the tensor-core kernels (mma-key-splits, default 0: decided at
// run time). The kernel function computes the number of splits from the grid
// (about 264 CTAs, at most 64 splits and half the key tiles), allocates the
// device workspaces (each split's normalised O, and its row max and sum),
// launches the split kernel (gridX x splits CTAs; when not split, it stores
// O itself) and, when split, a combining kernel (one CTA per query row, one
// thread per column), then frees the workspaces. mma-key-splits=1 builds the
// kernel without any of it; N > 1 asks for N splits (at most the key tiles).
// RUN: attn-opt %s --attn-gpu-mma-attention --attn-gpu-mma-kernels | FileCheck %s
// RUN: attn-opt %s --attn-gpu-mma-attention=key-splits=1 --attn-gpu-mma-kernels | FileCheck %s --check-prefix=NOSPLIT
// RUN: attn-opt %s --attn-gpu-mma-attention=key-splits=5 --attn-gpu-mma-kernels | FileCheck %s --check-prefix=FIXED
// RUN: attn-opt %s --attn-gpu-mma-attention='wgmma-groups=1 key-splits=3 wgmma-overlap=true' --attn-gpu-mma-kernels | FileCheck %s --check-prefix=WGMMA
// RUN: attn-opt %s --pass-pipeline='builtin.module(attn-nvvm-pipeline{chip=sm_90a format=isa})' -o %t.mlir
// RUN: FileCheck %s --check-prefix=HOST < %t.mlir
// RUN: %gpu_extract_ptx --index 1 %t.mlir | FileCheck %s --check-prefix=COMBINE
// RUN: not attn-opt %s --pass-pipeline='builtin.module(attn-nvvm-pipeline{mma-key-splits=65})' 2>&1 | FileCheck %s --check-prefix=BAD

// CHECK-LABEL: func.func private @decode_mma(
// CHECK:         %[[C263:.+]] = arith.constant 263 : index
// CHECK:         %[[WANT:.+]] = arith.addi %[[C263]], %[[CTAS:.+]] : index
// CHECK:         arith.divui %[[WANT]], %[[CTAS]]
// CHECK:         %[[C64:.+]] = arith.constant 64 : index
// CHECK:         arith.minsi %{{.+}}, %[[C64]]
// CHECK:         %[[SPLITS:.+]] = arith.maxsi
// CHECK:         %[[O:.+]] = gpu.alloc  ({{.+}}) : memref<?x?x?x?x128xf32>
// CHECK:         %[[ML:.+]] = gpu.alloc  ({{.+}}) : memref<?x?x?x?x2xf32>
// CHECK:         %[[GX:.+]] = arith.muli %{{.+}}, %[[SPLITS]]
// CHECK:         gpu.launch blocks({{.+}}) in (%{{.+}} = %[[GX]],
// CHECK:           arith.remui %{{.+}}, %[[SPLITS]]
// CHECK:           arith.divui %{{.+}}, %[[SPLITS]]
// CHECK:           vector.store %{{.+}}, %[[O]]
// CHECK:           vector.store %{{.+}}, %[[ML]]
// CHECK:         gpu.launch blocks({{.+}}) threads({{.+}}) in (%{{.+}} = %c128
// CHECK:           scf.for %{{.+}} = %{{.+}} to %[[SPLITS]]
// CHECK:           scf.for %{{.+}} = %{{.+}} to %[[SPLITS]]
// CHECK:           memref.store %{{.+}}, %arg3
// CHECK:         gpu.dealloc  %[[O]]
// CHECK:         gpu.dealloc  %[[ML]]

// NOSPLIT-LABEL: func.func private @decode_mma(
// NOSPLIT-NOT:   gpu.alloc
// NOSPLIT:       gpu.launch
// NOSPLIT-NOT:   gpu.launch
// NOSPLIT-NOT:   gpu.alloc

// FIXED-LABEL: func.func private @decode_mma(
// FIXED:         %[[C5:.+]] = arith.constant 5 : index
// FIXED:         arith.minsi %[[C5]],
// FIXED:         gpu.launch
// FIXED:         gpu.launch

// WGMMA-LABEL: func.func private @decode_mma(
// WGMMA:         gpu.launch
// WGMMA:           wgmma.mma_async
// WGMMA:         gpu.launch

// Through the whole pipeline (static shapes: 32 splits, folded): both
// kernels are launched.
// HOST-LABEL: llvm.func @decode_mma(
// HOST:         gpu.launch_func {{.+}} @decode_mma_kernel::@decode_mma_kernel
// HOST:         gpu.launch_func {{.+}} @decode_mma_kernel_0::@decode_mma_kernel
// COMBINE: .visible .entry
// COMBINE: ex2.approx
// BAD: key-splits (mma-key-splits in attn-nvvm-pipeline) must be in [0, 64], got 65

func.func @decode(%q: tensor<1x8x1x128xf16>, %k: tensor<1x8x4096x128xf16>, %v: tensor<1x8x4096x128xf16>) -> tensor<1x8x1x128xf16> {
  %init = tensor.empty() : tensor<1x8x1x128xf16>
  %r = attn.attention ins(%q, %k, %v : tensor<1x8x1x128xf16>, tensor<1x8x4096x128xf16>, tensor<1x8x4096x128xf16>) outs(%init : tensor<1x8x1x128xf16>) -> tensor<1x8x1x128xf16>
  return %r : tensor<1x8x1x128xf16>
}
