// The kernels of nvvm-mma-large-heads.mlir (head sizes over 128 on
// mma.sync) compiled for sm_80 and sm_90a: mma.sync instructions and no
// wgmma in each kernel over 128 (D = Dv = 128 takes wgmma on sm_90a), and
// ptxas reports no local-memory spills.
// REQUIRES: ptxas
// RUN: attn-opt %S/nvvm-mma-large-heads.mlir --pass-pipeline='builtin.module(attn-nvvm-pipeline{chip=sm_80 format=isa})' -o %t.sm80.mlir
// RUN: %gpu_extract_ptx %t.sm80.mlir | FileCheck %s --check-prefixes=PTX,SM80
// RUN: %gpu_extract_ptx %t.sm80.mlir --ptxas %ptxas --arch sm_80 | FileCheck %s --check-prefix=SPILLS
// RUN: attn-opt %S/nvvm-mma-large-heads.mlir --pass-pipeline='builtin.module(attn-nvvm-pipeline{chip=sm_90a format=isa})' -o %t.sm90a.mlir
// RUN: %gpu_extract_ptx %t.sm90a.mlir | FileCheck %s --check-prefixes=PTX,SM90A
// RUN: %gpu_extract_ptx %t.sm90a.mlir --ptxas %ptxas --arch sm_90a | FileCheck %s --check-prefix=SPILLS

// PTX-LABEL: .entry d256_mma_kernel(
// PTX-NOT:     wgmma
// PTX:         mma.sync.aligned.m16n8k16.row.col.f32.f16.f16.f32
// PTX-NOT:     wgmma
// PTX-LABEL: .entry d192_causal_gqa_mma_kernel(
// PTX-NOT:     wgmma
// PTX:         mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32
// PTX-NOT:     wgmma
// PTX-LABEL: .entry d200_padded_mma_kernel(
// PTX-NOT:     wgmma
// PTX:         mma.sync.aligned.m16n8k16.row.col.f32.f16.f16.f32
// PTX-NOT:     wgmma
// PTX-LABEL: .entry d128_dv256_mask_mma_kernel(
// PTX-NOT:     wgmma
// PTX:         mma.sync.aligned.m16n8k16.row.col.f32.f16.f16.f32
// PTX-NOT:     wgmma
// PTX-LABEL: .entry decode_d256_mma_kernel(
// PTX-NOT:     wgmma
// PTX:         mma.sync.aligned.m16n8k16.row.col.f32.f16.f16.f32
// PTX-NOT:     wgmma
// PTX-LABEL: .entry d128_mma_kernel(
// SM80-NOT:    wgmma
// SM80:        mma.sync.aligned.m16n8k16.row.col.f32.f16.f16.f32
// SM90A:       wgmma.mma_async.sync.aligned

// SPILLS-NOT: {{[1-9][0-9]*}} bytes spill
// SPILLS: d256_mma_kernel: {{[0-9]+}} registers, 0 bytes spill stores, 0 bytes spill loads
// SPILLS: d192_causal_gqa_mma_kernel: {{[0-9]+}} registers, 0 bytes spill stores, 0 bytes spill loads
// SPILLS: d200_padded_mma_kernel: {{[0-9]+}} registers, 0 bytes spill stores, 0 bytes spill loads
// SPILLS: d128_dv256_mask_mma_kernel: {{[0-9]+}} registers, 0 bytes spill stores, 0 bytes spill loads
// SPILLS: decode_d256_mma_kernel: {{[0-9]+}} registers, 0 bytes spill stores, 0 bytes spill loads
// SPILLS-NOT: {{[1-9][0-9]*}} bytes spill
