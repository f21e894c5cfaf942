// The tensor-core path of attn-nvvm-pipeline: attn-gpu-mma-attention rewrites
// f16/bf16 attention (phase 1, on tensors) into a call of a private kernel
// function that attn-gpu-mma-kernels defines after bufferization (phase 2):
// a gpu.launch of one CTA per (query tile, head, batch) with cp.async K/V
// tiles in dynamic shared memory, ldmatrix, mma.sync and the online softmax
// on the fragments. The PTX holds the tensor-core instructions.
// RUN: attn-opt %s --attn-gpu-mma-attention | FileCheck %s --check-prefix=PHASE1
// RUN: attn-opt %s --attn-gpu-mma-attention --attn-gpu-mma-kernels | FileCheck %s --check-prefix=PHASE2
// RUN: attn-opt %s --attn-gpu-mma-attention='stages=1 warps=2 key-tile=32 split-copies=true' --attn-gpu-mma-kernels | FileCheck %s --check-prefix=OPTS
// RUN: attn-opt %s --attn-gpu-mma-attention='stages=1 warps=2 key-tile=32' --attn-gpu-mma-kernels | FileCheck %s --check-prefix=NOSPLIT
// RUN: attn-opt %s --attn-gpu-mma-attention='stages=1' | FileCheck %s --check-prefix=NOSPLIT1
// RUN: attn-opt %s --attn-gpu-mma-attention='stages=1 split-copies=true' | FileCheck %s --check-prefix=SPLIT1
// RUN: attn-opt %s --pass-pipeline='builtin.module(attn-nvvm-pipeline{chip=sm_90 format=isa})' -o %t.sm90.mlir
// RUN: %gpu_extract_ptx %t.sm90.mlir | FileCheck %s --check-prefix=PTX
// RUN: attn-opt %s --pass-pipeline='builtin.module(attn-nvvm-pipeline{chip=sm_80 format=isa})' -o %t.sm80.mlir
// RUN: %gpu_extract_ptx %t.sm80.mlir | FileCheck %s --check-prefix=PTX
// RUN: attn-opt %s --pass-pipeline='builtin.module(attn-nvvm-pipeline{chip=sm_90 format=isa mma-min-ctas=3})' -o %t.hint.mlir
// RUN: %gpu_extract_ptx %t.hint.mlir | FileCheck %s --check-prefix=HINT
// RUN: attn-opt %s --pass-pipeline='builtin.module(attn-nvvm-pipeline{chip=sm_90 format=isa mma=false})' | FileCheck %s --check-prefix=SIMT
// RUN: attn-opt %s --pass-pipeline='builtin.module(attn-nvvm-pipeline{chip=sm_75 format=isa})' | FileCheck %s --check-prefix=SIMT

// PHASE1-LABEL: func.func @f16_causal(
// PHASE1-DAG:     %[[Q:.+]] = bufferization.to_buffer %arg0 read_only : tensor<2x8x100x64xf16> to memref<2x8x100x64xf16>
// PHASE1-DAG:     %[[K:.+]] = bufferization.to_buffer %arg1 read_only
// PHASE1-DAG:     %[[V:.+]] = bufferization.to_buffer %arg2 read_only
// PHASE1-DAG:     %[[O:.+]] = memref.alloc() {alignment = 64 : i64} : memref<2x8x100x64xf16>
// PHASE1:         call @f16_causal_mma(%[[Q]], %[[K]], %[[V]], %[[O]])
// PHASE1:         %[[R:.+]] = bufferization.to_tensor %[[O]] restrict writable
// PHASE1:         return %[[R]]
// PHASE1-LABEL: func.func @bf16_bshd_dynamic(
// PHASE1:         call @bf16_bshd_dynamic_mma(
// PHASE1-LABEL: func.func @f32_stays(
// PHASE1:         attn.attention
// PHASE1:       func.func private @f16_causal_mma(memref<2x8x100x64xf16>, memref<2x2x77x64xf16>, memref<2x2x77x64xf16>, memref<2x8x100x64xf16>)
// PHASE1-SAME:    attn.mma_kernel = {bshd = false, causal = 2 : i64, key_tile = 64 : i64, min_ctas = 0 : i64, scale = 1.250000e-01 : f64, splits = 0 : i64, stages = 2 : i64, warps = 4 : i64, wgmma = false, window_left = -1 : i64, window_right = -1 : i64}
// PHASE1:       func.func private @bf16_bshd_dynamic_mma(memref<?x?x2x128xbf16>, memref<?x?x1x128xbf16>, memref<?x?x1x128xbf16>, memref<?x?x2x128xbf16>)
// PHASE1-SAME:    bshd = true, causal = 0 : i64
// PHASE1-SAME:    scale = 5.000000e-01 : f64

// PHASE2-LABEL: func.func private @f16_causal_mma(
// PHASE2:         scf.if
// PHASE2:         %[[GX:.+]] = arith.divui %{{.*}}, %c64 : index
// 64 query rows per CTA (4 warps x 16), 2 x 64 x (64 + 8) halves of K and V.
// PHASE2:         gpu.launch blocks(%[[BX:[^,]+]], %{{.*}}, %{{.*}}) in ({{.*}} = %{{.*}}, {{.*}} = %{{.*}}, {{.*}} = %{{.*}}) threads({{.*}}) in ({{.*}} = %c128{{.*}}, {{.*}} = %c1{{.*}}, {{.*}} = %c1{{.*}}) dynamic_shared_memory_size %c36864_i32
// Causal: block x takes query tile gridX - 1 - x (after split-KV's share),
// so the CTAs with the most key tiles start first.
// PHASE2:           %[[T:.+]] = arith.divui %[[BX]], %{{.*}} : index
// PHASE2-NEXT:      %[[C1:.+]] = arith.constant 1 : index
// PHASE2-NEXT:      %[[L:.+]] = arith.subi %[[GX]], %[[C1]] : index
// PHASE2-NEXT:      arith.subi %[[L]], %[[T]] : index
// PHASE2:           vector.load {{.*}} {alignment = 4 : i64} : memref<2x8x100x64xf16>, vector<2xf16>
// PHASE2:           gpu.dynamic_shared_memory
// PHASE2:           memref.view {{.*}} to memref<2x64x72xf16, #gpu.address_space<workgroup>>
// PHASE2:           nvgpu.device_async_copy {{.*}}, 8, {{.*}} {bypassL1}
// PHASE2:           nvgpu.device_async_create_group
// PHASE2:           scf.for
// PHASE2:             nvgpu.device_async_wait %{{.*}} {numGroups = 1 : i32}
// PHASE2:             gpu.barrier
// PHASE2:             nvgpu.ldmatrix {{.*}} {numTiles = 4 : i32, transpose = false}
// PHASE2:             nvgpu.mma.sync({{.*}}) {mmaShape = [16, 8, 16]} : (vector<4x2xf16>, vector<2x2xf16>, vector<2x2xf32>) -> vector<2x2xf32>
// PHASE2:             gpu.shuffle  xor
// PHASE2:             llvm.call_intrinsic "llvm.nvvm.ex2.approx.ftz.f32"
// PHASE2:             nvgpu.ldmatrix {{.*}} {numTiles = 4 : i32, transpose = true}
// PHASE2:             gpu.barrier
// PHASE2:             scf.yield
// PHASE2:           vector.store
// PHASE2-LABEL: func.func private @bf16_bshd_dynamic_mma(
// Not causal: block x takes tile x.
// PHASE2:         gpu.launch blocks(%[[BX2:[^,]+]], %{{.*}}, %{{.*}}) in
// PHASE2-NEXT:      arith.remui %[[BX2]]
// PHASE2-NEXT:      arith.divui %[[BX2]]
// PHASE2-NEXT:      arith.constant 32 : index
// PHASE2:           nvvm.mma.sync {{.*}} {layoutA = #nvvm.mma_layout<row>, layoutB = #nvvm.mma_layout<col>, multiplicandAPtxType = #nvvm.mma_type<bf16>, multiplicandBPtxType = #nvvm.mma_type<bf16>, shape = #nvvm.shape<m = 16, n = 8, k = 16>}
// PHASE2-NOT:     attn.mma_kernel

// One stage, 2 warps = 32 rows, split-copies: K and V are separate cp.async
// groups (off by default: no faster on the H200, slower with causal
// masking, docs/Performance.md): the prologue issues K_0; key step j
// issues V_j and waits for K_j (V_j left in flight), computes S, and after a
// barrier issues K_{j+1}; it waits for V_j (K_{j+1} left in flight) before
// P V. Each wait names the group just committed: no empty group is
// committed in the loop (it would count in cp.async.wait_group).
// OPTS-LABEL: func.func private @f16_causal_mma(
// OPTS:         threads({{.*}}) in ({{.*}} = %c64{{.*}}, {{.*}}) dynamic_shared_memory_size %c9216_i32
// OPTS:         scf.if
// OPTS:           nvgpu.device_async_copy
// OPTS:           nvgpu.device_async_create_group
// OPTS-NEXT:    }
// OPTS:         scf.for
// OPTS:           %[[V:.+]] = nvgpu.device_async_create_group
// OPTS-NEXT:      nvgpu.device_async_wait %[[V]] {numGroups = 1 : i32}
// OPTS-NEXT:      gpu.barrier
// OPTS:           nvgpu.mma.sync
// OPTS:           gpu.barrier
// OPTS:           nvgpu.device_async_copy
// OPTS:           %[[K:.+]] = nvgpu.device_async_create_group
// OPTS:           gpu.shuffle  xor
// OPTS:           nvgpu.device_async_wait %[[K]] {numGroups = 1 : i32}
// OPTS-NEXT:      gpu.barrier
// OPTS:           nvgpu.ldmatrix {{.*}} {numTiles = 4 : i32, transpose = true}
// OPTS:           gpu.barrier
// OPTS-NEXT:      scf.yield
// OPTS:         nvgpu.device_async_wait %{{.*}} {numGroups = 0 : i32}

// One stage by default (split-copies=false): K and V of a tile are one
// group, issued and waited for completely at the start of each key step.
// NOSPLIT-LABEL: func.func private @f16_causal_mma(
// NOSPLIT:         scf.for
// NOSPLIT:           nvgpu.device_async_create_group
// NOSPLIT-NEXT:      nvgpu.device_async_wait %{{.*}} {numGroups = 0 : i32}
// NOSPLIT-NOT:       nvgpu.device_async_wait
// NOSPLIT:           scf.yield
// NOSPLIT1:      func.func private @f16_causal_mma(
// NOSPLIT1-NOT:    split_copies
// NOSPLIT1-SAME:   splits = 0 : i64, stages = 1 : i64
// SPLIT1:        func.func private @f16_causal_mma(
// SPLIT1-SAME:     split_copies = true, splits = 0 : i64, stages = 1 : i64

// PTX-LABEL: .entry f32_stays_kernel(
// PTX-NOT:     mma.sync
// PTX-LABEL: .entry f16_causal_mma_kernel(
// PTX-DAG:     mma.sync.aligned.m16n8k16.row.col.f32.f16.f16.f32
// PTX-DAG:     ldmatrix.sync.aligned.m8n8.x4.shared.b16
// PTX-DAG:     ldmatrix.sync.aligned.m8n8.x4.trans.shared.b16
// PTX-DAG:     cp.async.cg.shared.global
// PTX-DAG:     cp.async.wait_group 1
// PTX-DAG:     ex2.approx.ftz.f32
// PTX-DAG:     shfl.sync.bfly
// PTX-LABEL: .entry bf16_bshd_dynamic_mma_kernel(
// PTX-DAG:     mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32
// PTX-DAG:     ldmatrix.sync.aligned.m8n8.x4.trans.shared.b16

// mma-min-ctas: .minnctapersm on the tensor-core kernels only.
// HINT-LABEL: .entry f32_stays_kernel(
// HINT-NOT:     .minnctapersm
// HINT-LABEL: .entry f16_causal_mma_kernel(
// HINT:         .minnctapersm 3
// HINT-LABEL: .entry bf16_bshd_dynamic_mma_kernel(
// HINT:         .minnctapersm 3

// SIMT-NOT: mma.sync
// SIMT: gpu.binary @f16_causal_kernel
// SIMT-NOT: mma.sync

func.func @f16_causal(%q: tensor<2x8x100x64xf16>, %k: tensor<2x2x77x64xf16>,
                      %v: tensor<2x2x77x64xf16>) -> tensor<2x8x100x64xf16> {
  %init = tensor.empty() : tensor<2x8x100x64xf16>
  %r = attn.attention ins(%q, %k, %v : tensor<2x8x100x64xf16>, tensor<2x2x77x64xf16>, tensor<2x2x77x64xf16>)
         outs(%init : tensor<2x8x100x64xf16>) causal = bottom_right -> tensor<2x8x100x64xf16>
  return %r : tensor<2x8x100x64xf16>
}

func.func @bf16_bshd_dynamic(%q: tensor<?x?x2x128xbf16>, %k: tensor<?x?x1x128xbf16>,
                             %v: tensor<?x?x1x128xbf16>, %init: tensor<?x?x2x128xbf16>) -> tensor<?x?x2x128xbf16> {
  %r = attn.attention ins(%q, %k, %v : tensor<?x?x2x128xbf16>, tensor<?x?x1x128xbf16>, tensor<?x?x1x128xbf16>)
         outs(%init : tensor<?x?x2x128xbf16>) scale = 0.5 layout = bshd -> tensor<?x?x2x128xbf16>
  return %r : tensor<?x?x2x128xbf16>
}

func.func @f32_stays(%q: tensor<1x2x40x64xf32>, %k: tensor<1x2x40x64xf32>,
                     %v: tensor<1x2x40x64xf32>) -> tensor<1x2x40x64xf32> {
  %init = tensor.empty() : tensor<1x2x40x64xf32>
  %r = attn.attention ins(%q, %k, %v : tensor<1x2x40x64xf32>, tensor<1x2x40x64xf32>, tensor<1x2x40x64xf32>)
         outs(%init : tensor<1x2x40x64xf32>) -> tensor<1x2x40x64xf32>
  return %r : tensor<1x2x40x64xf32>
}
