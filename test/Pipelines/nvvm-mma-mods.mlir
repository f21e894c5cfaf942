// Score modifiers on the tensor-core path (branch gpu-mods; not run on a GPU
// yet): bool and float masks of broadcast shapes (a fifth kernel argument),
// softcap (tanh through ex2.approx), sliding windows with the key loop
// starting at the CTA's first visible key tile.
// RUN: attn-opt %s --attn-gpu-mma-attention=score-mods=true | FileCheck %s --check-prefix=PHASE1
// RUN: attn-opt %s --pass-pipeline='builtin.module(attn-nvvm-pipeline{chip=sm_90 mma-score-mods=true format=isa})' -o %t.mlir
// RUN: %gpu_extract_ptx %t.mlir | FileCheck %s --check-prefix=PTX

// PHASE1-LABEL: func.func @bmask(
// PHASE1:         %[[M:.+]] = bufferization.to_buffer %arg3 read_only : tensor<2x1x100x77xi1>
// PHASE1:         call @bmask_mma(%{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %[[M]])
// PHASE1-LABEL: func.func private @bmask_mma(
// PHASE1-SAME:    memref<2x1x100x77xi1>)
// PHASE1-LABEL: func.func private @fmask_softcap_mma(
// PHASE1-SAME:    memref<77xf32>)
// PHASE1-SAME:    softcap = 3.000000e+01 : f64
// PHASE1-LABEL: func.func private @window_mma(
// PHASE1-SAME:    causal = 2 : i64
// PHASE1-SAME:    window_left = 100 : i64, window_right = 0 : i64

// PTX-LABEL: .entry bmask_mma_kernel(
// PTX:         mma.sync.aligned.m16n8k16.row.col.f32.f16.f16.f32
// PTX-LABEL: .entry fmask_softcap_mma_kernel(
// PTX:         mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32
// A finite score that overflows to -inf in base 2 (a mask of finfo.min)
// is clamped to -FLT_MAX: only a masked key is -inf.
// PTX:         0fFF7FFFFF
// PTX-LABEL: .entry window_mma_kernel(
// PTX:         mma.sync.aligned.m16n8k16.row.col.f32.f16.f16.f32

func.func @bmask(%q: tensor<2x4x100x64xf16>, %k: tensor<2x2x77x64xf16>, %v: tensor<2x2x77x64xf16>, %m: tensor<2x1x100x77xi1>) -> tensor<2x4x100x64xf16> {
  %init = tensor.empty() : tensor<2x4x100x64xf16>
  %r = attn.attention ins(%q, %k, %v : tensor<2x4x100x64xf16>, tensor<2x2x77x64xf16>, tensor<2x2x77x64xf16>) mask(%m : tensor<2x1x100x77xi1>) outs(%init : tensor<2x4x100x64xf16>) -> tensor<2x4x100x64xf16>
  return %r : tensor<2x4x100x64xf16>
}
func.func @fmask_softcap(%q: tensor<2x4x100x128xbf16>, %k: tensor<2x4x77x128xbf16>, %v: tensor<2x4x77x128xbf16>, %m: tensor<77xf32>) -> tensor<2x4x100x128xbf16> {
  %init = tensor.empty() : tensor<2x4x100x128xbf16>
  %r = attn.attention ins(%q, %k, %v : tensor<2x4x100x128xbf16>, tensor<2x4x77x128xbf16>, tensor<2x4x77x128xbf16>) mask(%m : tensor<77xf32>) outs(%init : tensor<2x4x100x128xbf16>) softcap = 30.0 -> tensor<2x4x100x128xbf16>
  return %r : tensor<2x4x100x128xbf16>
}
func.func @window(%q: tensor<1x2x300x64xf16>, %k: tensor<1x2x300x64xf16>, %v: tensor<1x2x300x64xf16>) -> tensor<1x2x300x64xf16> {
  %init = tensor.empty() : tensor<1x2x300x64xf16>
  %r = attn.attention ins(%q, %k, %v : tensor<1x2x300x64xf16>, tensor<1x2x300x64xf16>, tensor<1x2x300x64xf16>) outs(%init : tensor<1x2x300x64xf16>) causal = bottom_right window = [100, 0] -> tensor<1x2x300x64xf16>
  return %r : tensor<1x2x300x64xf16>
}
