// The sm_90a path of attn-nvvm-pipeline (wgmma, on by default for
// chip=sm_90a since it ran on an H200): f16/bf16 attention with D and Dv in
// {64, 128} becomes a warpgroup-MMA kernel (attn-gpu-mma-attention with
// wgmma-groups > 0): Q and the K/V tiles in 128-byte-swizzled shared memory
// (cp.async), S = Q K^T with both operands from shared memory, O += P V with
// P from registers and V transposed, the online softmax on the accumulator
// fragments. (mma-key-splits=1: one kernel per op, so that --index picks
// them in order.) Other head sizes keep the mma.sync kernel; plain sm_90 (no "a")
// and sm_90a with wgmma=false never emit wgmma.
// REQUIRES: ptxas
// RUN: attn-opt %s --attn-gpu-mma-attention='wgmma-groups=2 wgmma-key-tile=128' | FileCheck %s --check-prefix=PHASE1
// RUN: attn-opt %s --attn-gpu-mma-attention='wgmma-groups=3 wgmma-key-tile=64 stages=1' | FileCheck %s --check-prefix=OPTS
// RUN: attn-opt %s --pass-pipeline='builtin.module(attn-nvvm-pipeline{chip=sm_90a wgmma=true wgmma-warpgroups=2 wgmma-key-tile=128 mma-key-splits=1 format=isa})' -o %t.sm90a.mlir
// RUN: %gpu_extract_ptx --index 0 %t.sm90a.mlir > %t.0.ptx && FileCheck %s --check-prefix=F16 < %t.0.ptx
// RUN: %gpu_extract_ptx --index 1 %t.sm90a.mlir > %t.1.ptx && FileCheck %s --check-prefix=BF16 < %t.1.ptx
// RUN: %gpu_extract_ptx --index 2 %t.sm90a.mlir > %t.2.ptx && FileCheck %s --check-prefix=SMALL < %t.2.ptx
// RUN: %ptxas -arch=sm_90a -v %t.0.ptx -o %t.0.cubin 2>&1 | FileCheck %s --check-prefix=PTXAS
// RUN: %ptxas -arch=sm_90a -v %t.1.ptx -o %t.1.cubin 2>&1 | FileCheck %s --check-prefix=PTXAS
// RUN: %ptxas -arch=sm_90a -v %t.2.ptx -o %t.2.cubin 2>&1 | FileCheck %s --check-prefix=PTXAS
// RUN: attn-opt %s --pass-pipeline='builtin.module(attn-nvvm-pipeline{chip=sm_90a wgmma=true wgmma-warpgroups=2 wgmma-key-tile=128 wgmma-overlap=true mma-key-splits=1 format=isa})' -o %t.ov.mlir
// RUN: %gpu_extract_ptx --index 0 %t.ov.mlir > %t.ov.ptx && FileCheck %s --check-prefix=F16 < %t.ov.ptx
// RUN: %ptxas -arch=sm_90a -v %t.ov.ptx -o %t.ov.cubin 2>&1 | FileCheck %s --check-prefix=PTXAS
// RUN: attn-opt %s --attn-gpu-mma-attention='wgmma-groups=2 wgmma-key-tile=128 wgmma-overlap=true' | FileCheck %s --check-prefix=OVERLAP
// RUN: attn-opt %s --pass-pipeline='builtin.module(attn-nvvm-pipeline{chip=sm_90a wgmma=true wgmma-warpgroups=2 wgmma-key-tile=128 wgmma-parts=1 mma-key-splits=1 format=isa})' -o %t.p1.mlir
// RUN: %gpu_extract_ptx --index 0 %t.p1.mlir > %t.p1.ptx && FileCheck %s --check-prefix=PARTS1 < %t.p1.ptx
// RUN: %ptxas -arch=sm_90a -v %t.p1.ptx -o %t.p1.cubin 2>&1 | FileCheck %s --check-prefix=PTXAS
// RUN: attn-opt %s --pass-pipeline='builtin.module(attn-nvvm-pipeline{chip=sm_90a wgmma=true wgmma-warpgroups=2 wgmma-key-tile=128 wgmma-parts=2 mma-key-splits=1 format=isa})' -o %t.p2.mlir
// RUN: %gpu_extract_ptx --index 0 %t.p2.mlir > %t.p2.ptx && FileCheck %s --check-prefix=PARTS2 < %t.p2.ptx
// RUN: %ptxas -arch=sm_90a -v %t.p2.ptx -o %t.p2.cubin 2>&1 | FileCheck %s --check-prefix=PARTSPTXAS
// RUN: not attn-opt %s --attn-gpu-mma-attention='wgmma-groups=2 wgmma-parts=4' 2>&1 | FileCheck %s --check-prefix=BADPARTS
// RUN: not attn-opt %s --pass-pipeline='builtin.module(attn-nvvm-pipeline{chip=sm_90a wgmma=true wgmma-overlap=true wgmma-parts=1})' 2>&1 | FileCheck %s --check-prefix=OVPARTS
// mma-min-ctas=3 would cap the wgmma kernel's registers below what it needs
// (ptxas refused it, C7602): the hint is not applied to it, with a warning.
// RUN: attn-opt %s --pass-pipeline='builtin.module(attn-nvvm-pipeline{chip=sm_90a wgmma=true wgmma-warpgroups=2 wgmma-key-tile=128 mma-min-ctas=3 mma-key-splits=1 format=isa})' -o %t.mc.mlir 2>&1 | FileCheck %s --check-prefix=MINCTAS
// RUN: %gpu_extract_ptx --index 0 %t.mc.mlir > %t.mc.ptx && %ptxas -arch=sm_90a -v %t.mc.ptx -o %t.mc.cubin 2>&1 | FileCheck %s --check-prefix=PTXAS
// MINCTAS: warning: attn-gpu-mma-attention: min-ctas (mma-min-ctas in attn-nvvm-pipeline) = 3 would cap the wgmma kernel at 80 registers a thread (its accumulators and P alone take {{[0-9]+}}); not applied to it
// RUN: attn-opt %s --attn-gpu-mma-attention='wgmma-groups=4 wgmma-key-tile=128 report=true' 2>&1 | FileCheck %s --check-prefix=TOOMANY
// RUN: attn-opt %s --pass-pipeline='builtin.module(attn-nvvm-pipeline{chip=sm_90 mma-key-splits=1 format=isa})' | FileCheck %s --check-prefix=NOWG
// wgmma=true where it cannot apply is said, not silently ignored.
// RUN: attn-opt %s --pass-pipeline='builtin.module(attn-nvvm-pipeline{chip=sm_90 wgmma=true mma-key-splits=1 format=isa})' -o /dev/null 2>&1 | FileCheck %s --check-prefix=IGNORED
// RUN: attn-opt %s --pass-pipeline='builtin.module(attn-nvvm-pipeline{chip=sm_90a wgmma=true mma=false mma-key-splits=1 format=isa})' -o /dev/null 2>&1 | FileCheck %s --check-prefix=IGNORED-NOMMA
// IGNORED: warning: attn-nvvm-pipeline: wgmma=true has no effect with chip=sm_90: the warpgroup-MMA kernels need chip=sm_90a and mma=true (the other kernels are used)
// IGNORED-NOMMA: warning: attn-nvvm-pipeline: wgmma=true has no effect with chip=sm_90a and mma=false: the
// RUN: attn-opt %s --pass-pipeline='builtin.module(attn-nvvm-pipeline{chip=sm_90a wgmma=false mma-key-splits=1 format=isa})' | FileCheck %s --check-prefix=NOWG
// The defaults on sm_90a: wgmma, one warpgroup (128 threads), 64-key tiles;
// no warning about wgmma on other chips unless it was asked for.
// RUN: attn-opt %s --pass-pipeline='builtin.module(attn-nvvm-pipeline{chip=sm_90a mma-key-splits=1 format=isa})' -o %t.def.mlir
// RUN: %gpu_extract_ptx --index 0 %t.def.mlir | FileCheck %s --check-prefix=DEFAULT
// RUN: %gpu_extract_ptx --index 0 %t.def.mlir > %t.def.ptx && %ptxas -arch=sm_90a -v %t.def.ptx -o %t.def.cubin 2>&1 | FileCheck %s --check-prefix=PTXAS
// RUN: attn-opt %s --pass-pipeline='builtin.module(attn-nvvm-pipeline{chip=sm_90 mma-key-splits=1 format=isa})' -o /dev/null 2>&1 | FileCheck %s --check-prefix=QUIET --allow-empty
// DEFAULT: .maxntid 128, 1, 1
// DEFAULT: wgmma.mma_async.sync.aligned.m64n64k16.f32.f16.f16
// QUIET-NOT: warning
// stages=0 (the default): one K/V buffer for wgmma, two for mma.sync.
// RUN: attn-opt %s --attn-gpu-mma-attention='wgmma-groups=1' | FileCheck %s --check-prefix=AUTOSTAGES
// AUTOSTAGES-LABEL: func.func private @f16_causal_mma(
// AUTOSTAGES-SAME:    stages = 1 : i64, warps = 4 : i64, wgmma = true
// AUTOSTAGES-LABEL: func.func private @small_head_mma(
// AUTOSTAGES-SAME:    stages = 2 : i64, warps = 4 : i64, wgmma = false

// PHASE1-LABEL: func.func private @f16_causal_mma(
// PHASE1-SAME:    key_tile = 128 : i64
// PHASE1-SAME:    warps = 8 : i64, wgmma = true
// PHASE1-LABEL: func.func private @bf16_mixed_mma(
// PHASE1-SAME:    warps = 8 : i64, wgmma = true
// PHASE1-LABEL: func.func private @small_head_mma(
// PHASE1-SAME:    key_tile = 64 : i64
// PHASE1-SAME:    warps = 4 : i64, wgmma = false

// OVERLAP-LABEL: func.func private @f16_causal_mma(
// OVERLAP-SAME:    overlap = true
// OVERLAP-SAME:    stages = 3
// OVERLAP-LABEL: func.func private @small_head_mma(
// OVERLAP-NOT:     overlap

// OPTS-LABEL: func.func private @f16_causal_mma(
// OPTS-SAME:    key_tile = 64 : i64
// OPTS-SAME:    stages = 1 : i64
// OPTS-SAME:    warps = 12 : i64, wgmma = true

// (LLVM places the loop's blocks in its own order: no order across blocks.)
// F16: .target sm_90a
// F16-DAG: cp.async.cg.shared.global
// F16-DAG: fence.proxy.async.shared::cta;
// F16-DAG: wgmma.fence.sync.aligned;
// F16-DAG: wgmma.mma_async.sync.aligned.m64n128k16.f32.f16.f16 {{{.*}}}, %rd{{[0-9]+}}, %rd{{[0-9]+}}, p, 1, 1, 0, 0;
// F16-DAG: wgmma.mma_async.sync.aligned.m64n64k16.f32.f16.f16 {{{.*}}}, {%r{{[0-9]+}}, %r{{[0-9]+}}, %r{{[0-9]+}}, %r{{[0-9]+}}}, %rd{{[0-9]+}}, p, 1, 1, 1;
// F16-DAG: wgmma.commit_group.sync.aligned;
// F16-DAG: wgmma.wait_group.sync.aligned 0;
// F16-DAG: ex2.approx

// D = 128, Dv = 64: S is m64n128, O is m64n64.
// BF16-DAG: wgmma.mma_async.sync.aligned.m64n128k16.f32.bf16.bf16 {{{.*}}}, %rd{{[0-9]+}}, %rd{{[0-9]+}}, p, 1, 1, 0, 0;
// BF16-DAG: wgmma.mma_async.sync.aligned.m64n64k16.f32.bf16.bf16 {{{.*}}}, {%r{{[0-9]+}}, %r{{[0-9]+}}, %r{{[0-9]+}}, %r{{[0-9]+}}}, %rd{{[0-9]+}}, p, 1, 1, 1;

// wgmma-parts=1: S on wgmma (from descriptors), P V on mma.sync from the
// swizzled V tile (ldmatrix.trans); parts=2 the other way round.
// PARTS1-DAG: wgmma.mma_async.sync.aligned.m64n128k16.f32.f16.f16 {{{.*}}}, %rd{{[0-9]+}}, %rd{{[0-9]+}}, p, 1, 1, 0, 0;
// PARTS1-DAG: ldmatrix.sync.aligned.m8n8.x4.trans.shared.b16
// PARTS1-DAG: mma.sync.aligned.m16n8k16.row.col.f32.f16.f16.f32
// PARTS2-DAG: wgmma.mma_async.sync.aligned.m64n64k16.f32.f16.f16 {{{.*}}}, {%r{{[0-9]+}}, %r{{[0-9]+}}, %r{{[0-9]+}}, %r{{[0-9]+}}}, %rd{{[0-9]+}}, p, 1, 1, 1;
// PARTS2-DAG: ldmatrix.sync.aligned.m8n8.x4.shared.b16
// PARTS2-DAG: mma.sync.aligned.m16n8k16.row.col.f32.f16.f16.f32
// BADPARTS: wgmma-parts must be 1, 2 or 3, got 4
// OVPARTS: wgmma-overlap needs both products on wgmma (wgmma-parts=3), got wgmma-parts=1
// 4 warpgroups of 128-key tiles need more than 64K registers: mma.sync.
// TOOMANY: remark: attn-gpu-mma-attention: no wgmma kernel (D = 64, Dv = 64, 4 warpgroups, 128-key tiles
// TOOMANY: func.func private @f16_causal_mma(
// TOOMANY-SAME: wgmma = false
// (parts=2 keeps Q's mma.sync fragments in registers too: a few spills.)
// PARTSPTXAS-NOT: C75
// PARTSPTXAS: registers
// PARTSPTXAS-NOT: C75

// SMALL-NOT: wgmma
// SMALL: mma.sync.aligned.m16n8k16
// SMALL-NOT: wgmma

// No spills, and no "wgmma serialized" performance warnings (C75xx).
// PTXAS-NOT: C75
// PTXAS: 0 bytes spill stores, 0 bytes spill loads
// PTXAS-NOT: C75

// NOWG-NOT: {{wgmma\.(mma_async|fence|commit_group|wait_group)}}
// NOWG: mma.sync.aligned.m16n8k16
// NOWG-NOT: {{wgmma\.(mma_async|fence|commit_group|wait_group)}}

func.func @f16_causal(%q: tensor<2x4x300x64xf16>, %k: tensor<2x2x333x64xf16>,
                      %v: tensor<2x2x333x64xf16>) -> tensor<2x4x300x64xf16> {
  %init = tensor.empty() : tensor<2x4x300x64xf16>
  %r = attn.attention ins(%q, %k, %v : tensor<2x4x300x64xf16>, tensor<2x2x333x64xf16>, tensor<2x2x333x64xf16>)
         outs(%init : tensor<2x4x300x64xf16>) causal = bottom_right -> tensor<2x4x300x64xf16>
  return %r : tensor<2x4x300x64xf16>
}

func.func @bf16_mixed(%q: tensor<?x?x2x128xbf16>, %k: tensor<?x?x1x128xbf16>,
                      %v: tensor<?x?x1x64xbf16>, %o: tensor<?x?x2x64xbf16>) -> tensor<?x?x2x64xbf16> {
  %r = attn.attention ins(%q, %k, %v : tensor<?x?x2x128xbf16>, tensor<?x?x1x128xbf16>, tensor<?x?x1x64xbf16>)
         outs(%o : tensor<?x?x2x64xbf16>) layout = bshd -> tensor<?x?x2x64xbf16>
  return %r : tensor<?x?x2x64xbf16>
}

func.func @small_head(%q: tensor<1x2x50x32xf16>, %k: tensor<1x2x70x32xf16>,
                      %v: tensor<1x2x70x32xf16>) -> tensor<1x2x50x32xf16> {
  %init = tensor.empty() : tensor<1x2x50x32xf16>
  %r = attn.attention ins(%q, %k, %v : tensor<1x2x50x32xf16>, tensor<1x2x70x32xf16>, tensor<1x2x70x32xf16>)
         outs(%init : tensor<1x2x50x32xf16>) -> tensor<1x2x50x32xf16>
  return %r : tensor<1x2x50x32xf16>
}
