// Head sizes that are no multiple of 16 on the tensor-core path:
// attn-gpu-mma-attention pads D (Q, K) and Dv (V) with zeros to the next
// multiple of 16 (at most 256), runs the op on the padded copies with the
// scale made explicit (its default is 1/sqrt of the unpadded D), and slices
// the result's first Dv columns. The padding runs on the host, the kernels
// are the ones of a head size that is a multiple of 16: mma.sync for D = 48
// or 80, wgmma on sm_90a for D = 56 padded to 64. (The rewrite's numerics
// are checked on the CPU in Integration/CPU/gpu-head-padding.test.)
// RUN: attn-opt %s --attn-gpu-mma-attention=claim=true | FileCheck %s --check-prefix=PAD
// RUN: attn-opt %s --attn-gpu-mma-attention='claim=true report=true' -o /dev/null --verify-diagnostics
// An unused result is dropped before anything is padded.
// RUN: attn-opt %s --attn-gpu-mma-attention | FileCheck %s --check-prefix=UNUSED
// REQUIRES: ptxas
// RUN: attn-opt %s --pass-pipeline='builtin.module(attn-nvvm-pipeline{chip=sm_80 format=isa mma-key-splits=1})' -o %t.sm80.mlir
// RUN: %gpu_extract_ptx %t.sm80.mlir | FileCheck %s --check-prefix=SM80
// RUN: %gpu_extract_ptx --index 0 %t.sm80.mlir > %t.0.ptx && %ptxas -arch=sm_80 -v %t.0.ptx -o %t.0.cubin 2>&1 | FileCheck %s --check-prefix=PTXAS
// RUN: %gpu_extract_ptx --index 1 %t.sm80.mlir > %t.1.ptx && %ptxas -arch=sm_80 -v %t.1.ptx -o %t.1.cubin 2>&1 | FileCheck %s --check-prefix=PTXAS
// RUN: %gpu_extract_ptx --index 2 %t.sm80.mlir > %t.2.ptx && %ptxas -arch=sm_80 -v %t.2.ptx -o %t.2.cubin 2>&1 | FileCheck %s --check-prefix=PTXAS
// RUN: attn-opt %s --pass-pipeline='builtin.module(attn-nvvm-pipeline{chip=sm_90a format=isa mma-key-splits=1})' -o %t.sm90a.mlir
// RUN: %gpu_extract_ptx --index 3 %t.sm90a.mlir > %t.3.ptx && FileCheck %s --check-prefix=WGMMA < %t.3.ptx
// RUN: %ptxas -arch=sm_90a -v %t.3.ptx -o %t.3.cubin 2>&1 | FileCheck %s --check-prefix=PTXAS

// PAD-LABEL: func.func @d40_causal(
// PAD-SAME:    %[[Q:.*]]: tensor<2x4x100x40xf16>, %[[K:.*]]: tensor<2x2x77x40xf16>, %[[V:.*]]: tensor<2x2x77x40xf16>)
// PAD:         %[[ZERO:.*]] = arith.constant 0.000000e+00 : f16
// PAD:         %[[PQ:.*]] = tensor.pad %[[Q]] low[0, 0, 0, 0] high[0, 0, 0, 8]
// PAD:           tensor.yield %[[ZERO]] : f16
// PAD:         } : tensor<2x4x100x40xf16> to tensor<2x4x100x48xf16>
// PAD:         %[[PK:.*]] = tensor.pad %[[K]] low[0, 0, 0, 0] high[0, 0, 0, 8]
// PAD:         %[[PV:.*]] = tensor.pad %[[V]] low[0, 0, 0, 0] high[0, 0, 0, 8]
// PAD:         %[[INIT:.*]] = tensor.empty() : tensor<2x4x100x48xf16>
// PAD:         %[[R:.*]] = attn.attention ins(%[[PQ]], %[[PK]], %[[PV]] : tensor<2x4x100x48xf16>, tensor<2x2x77x48xf16>, tensor<2x2x77x48xf16>) outs(%[[INIT]] : tensor<2x4x100x48xf16>) scale = 0.158113882 causal = bottom_right {attn.deferred}
// PAD:         %[[S:.*]] = tensor.extract_slice %[[R]][0, 0, 0, 0] [2, 4, 100, 40] [1, 1, 1, 1] : tensor<2x4x100x48xf16> to tensor<2x4x100x40xf16>
// PAD:         return %[[S]]

// Only V is padded; dynamic batch and sequence sizes come from the init.
// PAD-LABEL: func.func @dv24_bshd_dynamic(
// PAD-SAME:    %[[Q:[^:]*]]: tensor<?x?x4x64xbf16>, %[[K:[^:]*]]: tensor<?x?x2x64xbf16>, %[[V:[^:]*]]: tensor<?x?x2x24xbf16>, %[[I:[^:]*]]: tensor<?x?x4x24xbf16>)
// PAD-NOT:     tensor.pad %[[Q]]
// PAD-NOT:     tensor.pad %[[K]]
// PAD:         %[[PV:.*]] = tensor.pad %[[V]] low[0, 0, 0, 0] high[0, 0, 0, 8]
// PAD:         %[[B:.*]] = tensor.dim %[[I]], %c0
// PAD:         %[[S:.*]] = tensor.dim %[[I]], %c1
// PAD:         %[[INIT:.*]] = tensor.empty(%[[B]], %[[S]]) : tensor<?x?x4x32xbf16>
// PAD:         %[[R:.*]] = attn.attention ins(%[[Q]], %[[K]], %[[PV]] : tensor<?x?x4x64xbf16>, tensor<?x?x2x64xbf16>, tensor<?x?x2x32xbf16>) outs(%[[INIT]] : tensor<?x?x4x32xbf16>) scale = 5.000000e-01 layout = bshd {attn.deferred}
// PAD:         tensor.extract_slice %[[R]][0, 0, 0, 0] [%[[B]], %[[S]], 4, 24] [1, 1, 1, 1]

// The mask, window and softcap are kept as they are.
// PAD-LABEL: func.func @d72_mods(
// PAD:         attn.attention ins({{.*}} : tensor<1x2x64x80xf16>, tensor<1x2x96x80xf16>, tensor<1x2x96x80xf16>) mask(%{{.*}} : tensor<1x1x64x96xf32>) outs({{.*}}) scale = 0.117851131 window = [16, 0] softcap = 2.000000e+01 {attn.deferred}
// PAD:         tensor.extract_slice {{.*}} [1, 2, 64, 72]

// PAD-LABEL: func.func @d56(
// PAD:         attn.attention {{.*}} : tensor<1x2x256x64xf16>) scale = 0.133630618 {attn.deferred}

// PAD-LABEL: func.func @unused(
// PAD:         attn.attention {{.*}}tensor<1x1x8x48xf16>{{.*}} {attn.deferred}
// UNUSED-LABEL: func.func @unused(
// UNUSED-NOT:    tensor.pad
// UNUSED-NOT:    attn.attention
// UNUSED:        return

// SM80: .visible .entry d40_causal_mma_kernel(
// SM80: mma.sync.aligned.m16n8k16.row.col.f32.f16.f16.f32
// SM80: .visible .entry dv24_bshd_dynamic_mma_kernel(
// SM80: mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32
// SM80: .visible .entry d72_mods_mma_kernel(
// SM80: mma.sync.aligned.m16n8k16.row.col.f32.f16.f16.f32
// SM80: .visible .entry d56_mma_kernel(
// SM80: mma.sync.aligned.m16n8k16.row.col.f32.f16.f16.f32

// WGMMA: .visible .entry d56_mma_kernel(
// WGMMA: wgmma.mma_async.sync.aligned.m64n64k16.f32.f16.f16

// PTXAS: 0 bytes spill stores, 0 bytes spill loads

func.func @d40_causal(%q: tensor<2x4x100x40xf16>, %k: tensor<2x2x77x40xf16>,
                      %v: tensor<2x2x77x40xf16>) -> tensor<2x4x100x40xf16> {
  %init = tensor.empty() : tensor<2x4x100x40xf16>
  // expected-remark @below {{attn-gpu-mma-attention: head sizes padded with zeros to D = 48, Dv = 48 for the tensor cores}}
  %r = attn.attention ins(%q, %k, %v : tensor<2x4x100x40xf16>, tensor<2x2x77x40xf16>, tensor<2x2x77x40xf16>)
         outs(%init : tensor<2x4x100x40xf16>) causal = bottom_right -> tensor<2x4x100x40xf16>
  return %r : tensor<2x4x100x40xf16>
}

func.func @dv24_bshd_dynamic(%q: tensor<?x?x4x64xbf16>, %k: tensor<?x?x2x64xbf16>,
                             %v: tensor<?x?x2x24xbf16>, %init: tensor<?x?x4x24xbf16>) -> tensor<?x?x4x24xbf16> {
  // expected-remark @below {{head sizes padded with zeros to D = 64, Dv = 32}}
  %r = attn.attention ins(%q, %k, %v : tensor<?x?x4x64xbf16>, tensor<?x?x2x64xbf16>, tensor<?x?x2x24xbf16>)
         outs(%init : tensor<?x?x4x24xbf16>) scale = 0.5 layout = bshd -> tensor<?x?x4x24xbf16>
  return %r : tensor<?x?x4x24xbf16>
}

func.func @d72_mods(%q: tensor<1x2x64x72xf16>, %k: tensor<1x2x96x72xf16>,
                    %v: tensor<1x2x96x72xf16>, %m: tensor<1x1x64x96xf32>) -> tensor<1x2x64x72xf16> {
  %init = tensor.empty() : tensor<1x2x64x72xf16>
  // expected-remark @below {{head sizes padded with zeros to D = 80, Dv = 80}}
  %r = attn.attention ins(%q, %k, %v : tensor<1x2x64x72xf16>, tensor<1x2x96x72xf16>, tensor<1x2x96x72xf16>)
         mask(%m : tensor<1x1x64x96xf32>) outs(%init : tensor<1x2x64x72xf16>)
         window = [16, 0] softcap = 20.0 -> tensor<1x2x64x72xf16>
  return %r : tensor<1x2x64x72xf16>
}

func.func @d56(%q: tensor<1x2x256x56xf16>, %k: tensor<1x2x256x56xf16>,
               %v: tensor<1x2x256x56xf16>) -> tensor<1x2x256x56xf16> {
  %init = tensor.empty() : tensor<1x2x256x56xf16>
  // expected-remark @below {{head sizes padded with zeros to D = 64, Dv = 64}}
  %r = attn.attention ins(%q, %k, %v : tensor<1x2x256x56xf16>, tensor<1x2x256x56xf16>, tensor<1x2x256x56xf16>)
         outs(%init : tensor<1x2x256x56xf16>) -> tensor<1x2x256x56xf16>
  return %r : tensor<1x2x256x56xf16>
}

func.func @unused(%q: tensor<1x1x8x40xf16>) {
  %init = tensor.empty() : tensor<1x1x8x40xf16>
  // expected-remark @below {{head sizes padded with zeros to D = 48, Dv = 48}}
  %r = attn.attention ins(%q, %q, %q : tensor<1x1x8x40xf16>, tensor<1x1x8x40xf16>, tensor<1x1x8x40xf16>)
         outs(%init : tensor<1x1x8x40xf16>) -> tensor<1x1x8x40xf16>
  return
}
