// Head sizes over 128 (up to 256, those that are no multiple of 16 padded)
// on the mma.sync tensor-core kernel. The O accumulators (Dv/2 registers a
// thread) and the S/P fragments (3 BN/4) are in registers and, for D over
// 128, Q is in shared memory: the kernel takes 32-key tiles by default there,
// 16-key tiles when only Dv is over 128 (Q's fragments in registers too), 64
// otherwise; mma-key-tile overrides it. wgmma (sm_90a) stays at D, Dv in
// {64, 128}: these take mma.sync there too. The PTX and ptxas's figures:
// nvvm-mma-large-heads-ptxas.mlir.
// RUN: attn-opt %s --attn-gpu-mma-attention | FileCheck %s --check-prefix=TILE
// RUN: attn-opt %s --attn-gpu-mma-attention=key-tile=32 | FileCheck %s --check-prefix=TILE32
// RUN: attn-opt %s --attn-gpu-mma-attention='wgmma-groups=1 report=true' -o /dev/null 2>&1 | FileCheck %s --check-prefix=NOWG
// For D over 128 Q stays in shared memory after the K/V stages (its own
// cp.async group before the first K/V tile's) and is read per k-step with
// ldmatrix in the key loop; at D = 128 it is loaded into registers.
// RUN: attn-opt %s --attn-gpu-mma-attention --attn-gpu-mma-kernels | FileCheck %s --check-prefix=QSMEM

// TILE-LABEL: func.func private @d256_mma(
// TILE-SAME:    key_tile = 32 : i64
// TILE-LABEL: func.func private @d192_causal_gqa_mma(
// TILE-SAME:    key_tile = 32 : i64
// TILE-LABEL: func.func private @d200_padded_mma(
// TILE-SAME:    memref<1x4x300x208xf16>
// TILE-SAME:    key_tile = 32 : i64
// TILE-LABEL: func.func private @d128_dv256_mask_mma(
// TILE-SAME:    key_tile = 16 : i64
// TILE-LABEL: func.func private @decode_d256_mma(
// TILE-SAME:    key_tile = 32 : i64
// TILE-LABEL: func.func private @d128_mma(
// TILE-SAME:    key_tile = 64 : i64

// TILE32-LABEL: func.func private @d256_mma(
// TILE32-SAME:    key_tile = 32 : i64
// TILE32-LABEL: func.func private @d128_mma(
// TILE32-SAME:    key_tile = 32 : i64

// QSMEM-LABEL: func.func private @d256_mma(
// QSMEM:         gpu.launch {{.*}} threads({{.*}} = %c128{{.*}}) dynamic_shared_memory_size %c101376_i32
// QSMEM:           %[[K:.*]] = memref.view %{{.*}}[%c0{{.*}}][] : {{.*}} to memref<2x32x264xf16, #gpu.address_space<workgroup>>
// QSMEM:           %[[V:.*]] = memref.view %{{.*}}[%c33792][] : {{.*}} to memref<2x32x264xf16, #gpu.address_space<workgroup>>
// QSMEM:           %[[Q:.*]] = memref.view %{{.*}}[%c67584][] : {{.*}} to memref<64x264xf16, #gpu.address_space<workgroup>>
// QSMEM-NOT:       vector.load %arg0
// QSMEM-COUNT-16:  nvgpu.device_async_copy %arg0[{{.*}}], %[[Q]][{{.*}}], 8, %{{.*}} {bypassL1}
// QSMEM:           nvgpu.device_async_create_group
// QSMEM:           nvgpu.device_async_copy %arg1[{{.*}}], %[[K]]
// QSMEM:           scf.for
// QSMEM:             nvgpu.device_async_wait
// QSMEM:             gpu.barrier
// QSMEM:             nvgpu.ldmatrix %[[Q]][{{.*}}] {numTiles = 4 : i32, transpose = false}
// QSMEM:             nvgpu.ldmatrix %[[K]][{{.*}}] {numTiles = 4 : i32, transpose = false}
// QSMEM:             nvgpu.mma.sync
// QSMEM-LABEL: func.func private @d128_mma(
// QSMEM:         dynamic_shared_memory_size %c69632_i32
// QSMEM:         vector.load %arg0
// QSMEM-NOT:     memref<64x136xf16, #gpu.address_space<workgroup>>

// NOWG-COUNT-5: no wgmma kernel (D = {{(256|192|208|128), Dv = (256|192|208)}}
// NOWG-NOT: no wgmma kernel

func.func @d256(%q: tensor<2x8x1000x256xf16>, %k: tensor<2x8x1000x256xf16>, %v: tensor<2x8x1000x256xf16>) -> tensor<2x8x1000x256xf16> {
  %init = tensor.empty() : tensor<2x8x1000x256xf16>
  %r = attn.attention ins(%q, %k, %v : tensor<2x8x1000x256xf16>, tensor<2x8x1000x256xf16>, tensor<2x8x1000x256xf16>) outs(%init : tensor<2x8x1000x256xf16>) -> tensor<2x8x1000x256xf16>
  return %r : tensor<2x8x1000x256xf16>
}

func.func @d192_causal_gqa(%q: tensor<1x8x512x192xbf16>, %k: tensor<1x2x?x192xbf16>, %v: tensor<1x2x?x192xbf16>) -> tensor<1x8x512x192xbf16> {
  %init = tensor.empty() : tensor<1x8x512x192xbf16>
  %r = attn.attention ins(%q, %k, %v : tensor<1x8x512x192xbf16>, tensor<1x2x?x192xbf16>, tensor<1x2x?x192xbf16>) outs(%init : tensor<1x8x512x192xbf16>) causal = bottom_right -> tensor<1x8x512x192xbf16>
  return %r : tensor<1x8x512x192xbf16>
}

func.func @d200_padded(%q: tensor<1x4x300x200xf16>, %k: tensor<1x4x333x200xf16>, %v: tensor<1x4x333x200xf16>) -> tensor<1x4x300x200xf16> {
  %init = tensor.empty() : tensor<1x4x300x200xf16>
  %r = attn.attention ins(%q, %k, %v : tensor<1x4x300x200xf16>, tensor<1x4x333x200xf16>, tensor<1x4x333x200xf16>) outs(%init : tensor<1x4x300x200xf16>) -> tensor<1x4x300x200xf16>
  return %r : tensor<1x4x300x200xf16>
}

func.func @d128_dv256_mask(%q: tensor<1x4x300x128xf16>, %k: tensor<1x4x333x128xf16>, %v: tensor<1x4x333x256xf16>, %m: tensor<300x333xf16>) -> tensor<1x4x300x256xf16> {
  %init = tensor.empty() : tensor<1x4x300x256xf16>
  %r = attn.attention ins(%q, %k, %v : tensor<1x4x300x128xf16>, tensor<1x4x333x128xf16>, tensor<1x4x333x256xf16>) mask(%m : tensor<300x333xf16>) outs(%init : tensor<1x4x300x256xf16>) softcap = 30.0 -> tensor<1x4x300x256xf16>
  return %r : tensor<1x4x300x256xf16>
}

func.func @decode_d256(%q: tensor<1x32x1x256xf16>, %k: tensor<1x8x?x256xf16>, %v: tensor<1x8x?x256xf16>) -> tensor<1x32x1x256xf16> {
  %init = tensor.empty() : tensor<1x32x1x256xf16>
  %r = attn.attention ins(%q, %k, %v : tensor<1x32x1x256xf16>, tensor<1x8x?x256xf16>, tensor<1x8x?x256xf16>) outs(%init : tensor<1x32x1x256xf16>) -> tensor<1x32x1x256xf16>
  return %r : tensor<1x32x1x256xf16>
}

func.func @d128(%q: tensor<1x4x300x128xf16>, %k: tensor<1x4x333x128xf16>, %v: tensor<1x4x333x128xf16>) -> tensor<1x4x300x128xf16> {
  %init = tensor.empty() : tensor<1x4x300x128xf16>
  %r = attn.attention ins(%q, %k, %v : tensor<1x4x300x128xf16>, tensor<1x4x333x128xf16>, tensor<1x4x333x128xf16>) outs(%init : tensor<1x4x300x128xf16>) -> tensor<1x4x300x128xf16>
  return %r : tensor<1x4x300x128xf16>
}
