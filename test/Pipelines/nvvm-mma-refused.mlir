// attn-gpu-mma-attention leaves ops it cannot run on tensor cores to the SIMT
// path, unchanged, and with report=true says why. Bad option values are
// errors that name the option.
// RUN: attn-opt %s --split-input-file --attn-gpu-mma-attention='report=true score-mods=false' --verify-diagnostics | FileCheck %s
// With score-mods (the default), masks, windows and softcap are taken.
// RUN: attn-opt %s --split-input-file --attn-gpu-mma-attention | FileCheck %s --check-prefix=MODS
// MODS-LABEL: func.func @mask(
// MODS: call @mask_mma
// MODS-LABEL: func.func @window(
// MODS: call @window_mma
// MODS-LABEL: func.func @softcap(
// MODS: call @softcap_mma
// RUN: not attn-opt %s --split-input-file --attn-gpu-mma-attention=warps=0 2>&1 | FileCheck %s --check-prefix=WARPS
// RUN: not attn-opt %s --split-input-file --attn-gpu-mma-attention=key-tile=24 2>&1 | FileCheck %s --check-prefix=KEYTILE
// RUN: not attn-opt %s --split-input-file --attn-gpu-mma-attention=stages=3 2>&1 | FileCheck %s --check-prefix=STAGES
// RUN: not attn-opt %s --pass-pipeline='builtin.module(attn-nvvm-pipeline{mma-warps=17})' 2>&1 | FileCheck %s --check-prefix=PIPE
// RUN: not attn-opt %s --split-input-file --attn-gpu-mma-attention='warps=8 min-ctas=9' 2>&1 | FileCheck %s --check-prefix=CTAS
// RUN: not attn-opt %s --split-input-file --attn-gpu-mma-attention=wgmma-groups=5 2>&1 | FileCheck %s --check-prefix=WGROUPS
// RUN: not attn-opt %s --split-input-file --attn-gpu-mma-attention='wgmma-groups=2 wgmma-key-tile=24' 2>&1 | FileCheck %s --check-prefix=WGTILE
// RUN: not attn-opt %s --pass-pipeline='builtin.module(attn-nvvm-pipeline{chip=sm_90a wgmma=true wgmma-warpgroups=5})' 2>&1 | FileCheck %s --check-prefix=WGPIPE

// WARPS: attn-gpu-mma-attention: warps (mma-warps in attn-nvvm-pipeline) must be in [1, 16], got 0
// KEYTILE: attn-gpu-mma-attention: key-tile (mma-key-tile in attn-nvvm-pipeline) must be 0 (64; 32 or 16 for head sizes over 128) or a multiple of 16 in [16, 256], got 24
// STAGES: attn-gpu-mma-attention: stages must be 0 (2 for mma.sync, 1 for wgmma), 1 or 2, got 3
// PIPE: must be in [1, 16], got 17
// WGROUPS: attn-gpu-mma-attention: wgmma-groups (wgmma-warpgroups in attn-nvvm-pipeline) must be in [0, 4], got 5
// WGTILE: attn-gpu-mma-attention: wgmma-key-tile must be 0 (128 for D = Dv = 64, else 64) or a multiple of 16 in [16, 256], got 24
// WGPIPE: attn-gpu-mma-attention: wgmma-groups (wgmma-warpgroups in attn-nvvm-pipeline) must be in [0, 4], got 5
// CTAS: attn-gpu-mma-attention: min-ctas (mma-min-ctas in attn-nvvm-pipeline) times 32 x warps threads must fit an SM (2048 threads), got 9 CTAs of 256 threads

// CHECK-NOT: call @
// CHECK-NOT: attn.mma_kernel

func.func @f32(%q: tensor<1x2x8x64xf32>, %k: tensor<1x2x8x64xf32>, %v: tensor<1x2x8x64xf32>) -> tensor<1x2x8x64xf32> {
  %init = tensor.empty() : tensor<1x2x8x64xf32>
  // expected-remark @below {{attn-gpu-mma-attention: left to the SIMT path: element type is not f16 or bf16}}
  %r = attn.attention ins(%q, %k, %v : tensor<1x2x8x64xf32>, tensor<1x2x8x64xf32>, tensor<1x2x8x64xf32>) outs(%init : tensor<1x2x8x64xf32>) -> tensor<1x2x8x64xf32>
  return %r : tensor<1x2x8x64xf32>
}

// -----

func.func @mask(%q: tensor<1x2x8x64xf16>, %k: tensor<1x2x8x64xf16>, %v: tensor<1x2x8x64xf16>, %m: tensor<8x8xi1>) -> tensor<1x2x8x64xf16> {
  %init = tensor.empty() : tensor<1x2x8x64xf16>
  // expected-remark @below {{left to the SIMT path: explicit masks are not supported}}
  %r = attn.attention ins(%q, %k, %v : tensor<1x2x8x64xf16>, tensor<1x2x8x64xf16>, tensor<1x2x8x64xf16>) mask(%m : tensor<8x8xi1>) outs(%init : tensor<1x2x8x64xf16>) -> tensor<1x2x8x64xf16>
  return %r : tensor<1x2x8x64xf16>
}

// -----

func.func @window(%q: tensor<1x2x8x64xf16>, %k: tensor<1x2x8x64xf16>, %v: tensor<1x2x8x64xf16>) -> tensor<1x2x8x64xf16> {
  %init = tensor.empty() : tensor<1x2x8x64xf16>
  // expected-remark @below {{left to the SIMT path: windows are not supported}}
  %r = attn.attention ins(%q, %k, %v : tensor<1x2x8x64xf16>, tensor<1x2x8x64xf16>, tensor<1x2x8x64xf16>) outs(%init : tensor<1x2x8x64xf16>) window = [4, 0] -> tensor<1x2x8x64xf16>
  return %r : tensor<1x2x8x64xf16>
}

// -----

func.func @softcap(%q: tensor<1x2x8x64xbf16>, %k: tensor<1x2x8x64xbf16>, %v: tensor<1x2x8x64xbf16>) -> tensor<1x2x8x64xbf16> {
  %init = tensor.empty() : tensor<1x2x8x64xbf16>
  // expected-remark @below {{left to the SIMT path: softcap is not supported}}
  %r = attn.attention ins(%q, %k, %v : tensor<1x2x8x64xbf16>, tensor<1x2x8x64xbf16>, tensor<1x2x8x64xbf16>) outs(%init : tensor<1x2x8x64xbf16>) softcap = 30.0 -> tensor<1x2x8x64xbf16>
  return %r : tensor<1x2x8x64xbf16>
}

// -----

// Head sizes that are no multiple of 16 are padded (nvvm-mma-padded-heads.mlir),
// but not beyond 256.
func.func @head_size(%q: tensor<1x2x8x120xf16>, %k: tensor<1x2x8x120xf16>, %v: tensor<1x2x8x260xf16>) -> tensor<1x2x8x260xf16> {
  %init = tensor.empty() : tensor<1x2x8x260xf16>
  // expected-remark @below {{left to the SIMT path: head sizes must be at most 256 (D = 120, Dv = 260)}}
  %r = attn.attention ins(%q, %k, %v : tensor<1x2x8x120xf16>, tensor<1x2x8x120xf16>, tensor<1x2x8x260xf16>) outs(%init : tensor<1x2x8x260xf16>) -> tensor<1x2x8x260xf16>
  return %r : tensor<1x2x8x260xf16>
}

// -----

func.func @big_head(%q: tensor<1x2x8x272xf16>, %k: tensor<1x2x8x272xf16>, %v: tensor<1x2x8x64xf16>) -> tensor<1x2x8x64xf16> {
  %init = tensor.empty() : tensor<1x2x8x64xf16>
  // expected-remark @below {{left to the SIMT path: head sizes must be at most 256 (D = 272, Dv = 64)}}
  %r = attn.attention ins(%q, %k, %v : tensor<1x2x8x272xf16>, tensor<1x2x8x272xf16>, tensor<1x2x8x64xf16>) outs(%init : tensor<1x2x8x64xf16>) -> tensor<1x2x8x64xf16>
  return %r : tensor<1x2x8x64xf16>
}

// -----

func.func @in_forall(%q: tensor<1x2x8x64xf16>, %k: tensor<1x2x8x64xf16>, %v: tensor<1x2x8x64xf16>) -> tensor<1x2x8x64xf16> {
  %init = tensor.empty() : tensor<1x2x8x64xf16>
  %r = scf.forall (%i) in (1) shared_outs(%o = %init) -> tensor<1x2x8x64xf16> {
    // expected-remark @below {{left to the SIMT path: inside scf.forall/scf.parallel or GPU code}}
    %a = attn.attention ins(%q, %k, %v : tensor<1x2x8x64xf16>, tensor<1x2x8x64xf16>, tensor<1x2x8x64xf16>) outs(%o : tensor<1x2x8x64xf16>) -> tensor<1x2x8x64xf16>
    scf.forall.in_parallel {
      tensor.parallel_insert_slice %a into %o[0, 0, 0, 0] [1, 2, 8, 64] [1, 1, 1, 1] : tensor<1x2x8x64xf16> into tensor<1x2x8x64xf16>
    }
  }
  return %r : tensor<1x2x8x64xf16>
}
