// attn-gpu-mma-kernels defines only well-formed kernel declarations (phase 1
// makes those); a hand-written one that is not gets an error naming the
// problem, never a crash.
// RUN: attn-opt %s --split-input-file --attn-gpu-mma-kernels --verify-diagnostics
// What the chip provides (the pipeline sets it): no wgmma below sm_90a, and
// its shared memory per block.
// RUN: not attn-opt %s --split-input-file --attn-gpu-mma-kernels='wgmma=false max-smem=101376' 2>&1 | FileCheck %s --check-prefix=CHIP
// CHIP: error: attn-gpu-mma-kernels: malformed kernel declaration: 'wgmma' needs a chip with warpgroup MMA (sm_90a)
// CHIP: error: attn-gpu-mma-kernels: malformed kernel declaration: the kernel needs 139264 bytes of shared memory, more than the 101376 a block may use

// expected-error @below {{malformed kernel declaration: 'warps' = 0 is out of [1, 16]}}
func.func private @k(memref<1x2x8x64xf16>, memref<1x2x8x64xf16>, memref<1x2x8x64xf16>, memref<1x2x8x64xf16>) attributes {attn.mma_kernel = {bshd = false, causal = 0 : i64, key_tile = 64 : i64, min_ctas = 0 : i64, scale = 1.0 : f64, stages = 2 : i64, window_left = -1 : i64, window_right = -1 : i64, warps = 0 : i64}}

// -----

// expected-error @below {{malformed kernel declaration: no integer 'key_tile'}}
func.func private @k(memref<1x2x8x64xf16>, memref<1x2x8x64xf16>, memref<1x2x8x64xf16>, memref<1x2x8x64xf16>) attributes {attn.mma_kernel = {bshd = false, causal = 0 : i64, min_ctas = 0 : i64, scale = 1.0 : f64, stages = 2 : i64, window_left = -1 : i64, window_right = -1 : i64, warps = 4 : i64}}

// -----

// expected-error @below {{malformed kernel declaration: Q, K and V must be all f16 or all bf16}}
func.func private @k(memref<1x2x8x64xf32>, memref<1x2x8x64xf32>, memref<1x2x8x64xf32>, memref<1x2x8x64xf32>) attributes {attn.mma_kernel = {bshd = false, causal = 0 : i64, key_tile = 64 : i64, min_ctas = 0 : i64, scale = 1.0 : f64, stages = 2 : i64, window_left = -1 : i64, window_right = -1 : i64, warps = 4 : i64}}

// -----

// expected-error @below {{malformed kernel declaration: head sizes must be static multiples of 16 up to 256 and agree}}
func.func private @k(memref<1x2x8x24xf16>, memref<1x2x8x24xf16>, memref<1x2x8x24xf16>, memref<1x2x8x24xf16>) attributes {attn.mma_kernel = {bshd = false, causal = 0 : i64, key_tile = 64 : i64, min_ctas = 0 : i64, scale = 1.0 : f64, stages = 2 : i64, window_left = -1 : i64, window_right = -1 : i64, warps = 4 : i64}}

// -----

// expected-error @below {{malformed kernel declaration: arguments must be 4-D memrefs with identity layout}}
func.func private @k(memref<2x8x64xf16>, memref<1x2x8x64xf16>, memref<1x2x8x64xf16>, memref<1x2x8x64xf16>) attributes {attn.mma_kernel = {bshd = false, causal = 0 : i64, key_tile = 64 : i64, min_ctas = 0 : i64, scale = 1.0 : f64, stages = 2 : i64, window_left = -1 : i64, window_right = -1 : i64, warps = 4 : i64}}

// -----

// expected-error @below {{malformed kernel declaration: 'causal' = 7 is out of [0, 2]}}
func.func private @k(memref<1x2x8x64xf16>, memref<1x2x8x64xf16>, memref<1x2x8x64xf16>, memref<1x2x8x64xf16>) attributes {attn.mma_kernel = {bshd = false, causal = 7 : i64, key_tile = 64 : i64, min_ctas = 0 : i64, scale = 1.0 : f64, stages = 2 : i64, window_left = -1 : i64, window_right = -1 : i64, warps = 4 : i64}}

// -----

// expected-error @below {{malformed kernel declaration: attn.mma_kernel is not a dictionary}}
func.func private @k(memref<1x2x8x64xf16>, memref<1x2x8x64xf16>, memref<1x2x8x64xf16>, memref<1x2x8x64xf16>) attributes {attn.mma_kernel = 3}

// -----

// expected-error @below {{malformed kernel declaration: head counts must be static with Hkv > 0 dividing Hq}}
func.func private @k(memref<1x3x8x64xf16>, memref<1x2x8x64xf16>, memref<1x2x8x64xf16>, memref<1x3x8x64xf16>) attributes {attn.mma_kernel = {bshd = false, causal = 0 : i64, key_tile = 64 : i64, min_ctas = 0 : i64, scale = 1.0 : f64, stages = 2 : i64, window_left = -1 : i64, window_right = -1 : i64, warps = 4 : i64}}

// -----

// expected-error @below {{malformed kernel declaration: Q and O, or K and V, disagree in dimension 2}}
func.func private @k(memref<1x2x8x64xf16>, memref<1x2x77x64xf16>, memref<1x2x50x64xf16>, memref<1x2x8x64xf16>) attributes {attn.mma_kernel = {bshd = false, causal = 0 : i64, key_tile = 64 : i64, min_ctas = 0 : i64, scale = 1.0 : f64, stages = 2 : i64, window_left = -1 : i64, window_right = -1 : i64, warps = 4 : i64}}

// -----

// expected-error @below {{malformed kernel declaration: arguments must be in the default (global) memory space}}
func.func private @k(memref<1x2x8x64xf16, 3>, memref<1x2x8x64xf16>, memref<1x2x8x64xf16>, memref<1x2x8x64xf16>) attributes {attn.mma_kernel = {bshd = false, causal = 0 : i64, key_tile = 64 : i64, min_ctas = 0 : i64, scale = 1.0 : f64, stages = 2 : i64, window_left = -1 : i64, window_right = -1 : i64, warps = 4 : i64}}

// -----

// expected-error @below {{malformed kernel declaration: 'scale' is not finite}}
func.func private @k(memref<1x2x8x64xf16>, memref<1x2x8x64xf16>, memref<1x2x8x64xf16>, memref<1x2x8x64xf16>) attributes {attn.mma_kernel = {bshd = false, causal = 0 : i64, key_tile = 64 : i64, min_ctas = 0 : i64, scale = 0x7FF0000000000000 : f64, stages = 2 : i64, window_left = -1 : i64, window_right = -1 : i64, warps = 4 : i64}}

// -----

// expected-error @below {{malformed kernel declaration: 'wgmma' needs whole warpgroups ('warps' a multiple of 4)}}
func.func private @k(memref<1x2x8x64xf16>, memref<1x2x8x64xf16>, memref<1x2x8x64xf16>, memref<1x2x8x64xf16>) attributes {attn.mma_kernel = {bshd = false, causal = 0 : i64, key_tile = 128 : i64, min_ctas = 0 : i64, scale = 1.0 : f64, stages = 2 : i64, window_left = -1 : i64, window_right = -1 : i64, warps = 6 : i64, wgmma = true}}

// -----

// expected-error @below {{malformed kernel declaration: 'wgmma' needs D and Dv in {64, 128}}}
func.func private @k(memref<1x2x8x32xf16>, memref<1x2x8x32xf16>, memref<1x2x8x32xf16>, memref<1x2x8x32xf16>) attributes {attn.mma_kernel = {bshd = false, causal = 0 : i64, key_tile = 128 : i64, min_ctas = 0 : i64, scale = 1.0 : f64, stages = 2 : i64, window_left = -1 : i64, window_right = -1 : i64, warps = 8 : i64, wgmma = true}}

// -----

// expected-error @below {{malformed kernel declaration: 'wgmma' is not a bool}}
func.func private @k(memref<1x2x8x64xf16>, memref<1x2x8x64xf16>, memref<1x2x8x64xf16>, memref<1x2x8x64xf16>) attributes {attn.mma_kernel = {bshd = false, causal = 0 : i64, key_tile = 128 : i64, min_ctas = 0 : i64, scale = 1.0 : f64, stages = 2 : i64, window_left = -1 : i64, window_right = -1 : i64, warps = 8 : i64, wgmma = 1 : i64}}

// -----

// expected-error @below {{malformed kernel declaration: 'stages' = 3 is only for the wgmma kernel with 'overlap'}}
func.func private @k(memref<1x2x8x64xf16>, memref<1x2x8x64xf16>, memref<1x2x8x64xf16>, memref<1x2x8x64xf16>) attributes {attn.mma_kernel = {bshd = false, causal = 0 : i64, key_tile = 64 : i64, min_ctas = 0 : i64, scale = 1.0 : f64, stages = 3 : i64, window_left = -1 : i64, window_right = -1 : i64, warps = 4 : i64}}

// -----

// expected-error @below {{malformed kernel declaration: 'overlap' needs 'stages' = 3}}
func.func private @k(memref<1x2x8x64xf16>, memref<1x2x8x64xf16>, memref<1x2x8x64xf16>, memref<1x2x8x64xf16>) attributes {attn.mma_kernel = {bshd = false, causal = 0 : i64, key_tile = 128 : i64, min_ctas = 0 : i64, overlap = true, scale = 1.0 : f64, stages = 2 : i64, window_left = -1 : i64, window_right = -1 : i64, warps = 8 : i64, wgmma = true}}

// -----

// expected-error @below {{malformed kernel declaration: 'overlap' needs 'wgmma_parts' = 3}}
func.func private @k(memref<1x2x8x64xf16>, memref<1x2x8x64xf16>, memref<1x2x8x64xf16>, memref<1x2x8x64xf16>) attributes {attn.mma_kernel = {bshd = false, causal = 0 : i64, key_tile = 128 : i64, min_ctas = 0 : i64, overlap = true, scale = 1.0 : f64, stages = 3 : i64, window_left = -1 : i64, window_right = -1 : i64, warps = 8 : i64, wgmma = true, wgmma_parts = 2 : i64}}

// -----

// expected-error @below {{malformed kernel declaration: the mask's dimension 0 (size 3) is neither 1 nor the size of its dimension of [B, Hq, Sq, Skv]}}
func.func private @mask_too_few_rows(memref<1x2x8x64xf16>, memref<1x2x8x64xf16>, memref<1x2x8x64xf16>, memref<1x2x8x64xf16>, memref<3x8xf16>) attributes {attn.mma_kernel = {bshd = false, causal = 0 : i64, key_tile = 64 : i64, min_ctas = 0 : i64, scale = 1.0 : f64, stages = 2 : i64, window_left = -1 : i64, window_right = -1 : i64, warps = 4 : i64}}

// -----

// expected-error @below {{malformed kernel declaration: 'scale' is not finite and non-zero}}
func.func private @k(memref<1x2x8x64xf16>, memref<1x2x8x64xf16>, memref<1x2x8x64xf16>, memref<1x2x8x64xf16>) attributes {attn.mma_kernel = {bshd = false, causal = 0 : i64, key_tile = 64 : i64, min_ctas = 0 : i64, scale = 0.0 : f64, stages = 2 : i64, window_left = -1 : i64, window_right = -1 : i64, warps = 4 : i64}}

// -----

// 2 x 256 keys x (264 + 264) x 2 bytes of K/V and 256 x 264 x 2 of Q.
// expected-error @below {{malformed kernel declaration: the kernel needs 675840 bytes of shared memory, more than the 232448 a block may use}}
func.func private @k(memref<1x2x64x256xf16>, memref<1x2x64x256xf16>, memref<1x2x64x256xf16>, memref<1x2x64x256xf16>) attributes {attn.mma_kernel = {bshd = false, causal = 0 : i64, key_tile = 256 : i64, min_ctas = 0 : i64, scale = 1.0 : f64, stages = 2 : i64, window_left = -1 : i64, window_right = -1 : i64, warps = 16 : i64}}

// -----

// expected-error @below {{malformed kernel declaration: the wgmma tiles need about 272 registers a thread for 512 threads, more than 255 or 64K a CTA}}
func.func private @k(memref<1x2x64x64xf16>, memref<1x2x64x64xf16>, memref<1x2x64x64xf16>, memref<1x2x64x64xf16>) attributes {attn.mma_kernel = {bshd = false, causal = 0 : i64, key_tile = 256 : i64, min_ctas = 0 : i64, scale = 1.0 : f64, stages = 1 : i64, window_left = -1 : i64, window_right = -1 : i64, warps = 16 : i64, wgmma = true}}

// -----

// Well formed for sm_90a (the first RUN); below sm_90a (CHIP) an error.
func.func private @wg(memref<1x2x64x64xf16>, memref<1x2x64x64xf16>, memref<1x2x64x64xf16>, memref<1x2x64x64xf16>) attributes {attn.mma_kernel = {bshd = false, causal = 0 : i64, key_tile = 64 : i64, min_ctas = 0 : i64, scale = 1.0 : f64, stages = 1 : i64, window_left = -1 : i64, window_right = -1 : i64, warps = 4 : i64, wgmma = true}}

// -----

// 2 x 128 keys x (136 + 136) x 2 bytes: fits 227 KiB, not the 99 KiB of
// sm_86/89 (CHIP).
func.func private @big(memref<1x2x64x128xf16>, memref<1x2x64x128xf16>, memref<1x2x64x128xf16>, memref<1x2x64x128xf16>) attributes {attn.mma_kernel = {bshd = false, causal = 0 : i64, key_tile = 128 : i64, min_ctas = 0 : i64, scale = 1.0 : f64, stages = 2 : i64, window_left = -1 : i64, window_right = -1 : i64, warps = 4 : i64}}

// -----

// expected-error @below {{malformed kernel declaration: 'split_copies' needs 'stages' = 1}}
func.func private @k(memref<1x2x64x64xf16>, memref<1x2x64x64xf16>, memref<1x2x64x64xf16>, memref<1x2x64x64xf16>) attributes {attn.mma_kernel = {bshd = false, causal = 0 : i64, key_tile = 64 : i64, min_ctas = 0 : i64, scale = 1.0 : f64, split_copies = true, stages = 2 : i64, window_left = -1 : i64, window_right = -1 : i64, warps = 4 : i64}}

// -----

// expected-error @below {{malformed kernel declaration: 'split_copies' is not a bool}}
func.func private @k(memref<1x2x64x64xf16>, memref<1x2x64x64xf16>, memref<1x2x64x64xf16>, memref<1x2x64x64xf16>) attributes {attn.mma_kernel = {bshd = false, causal = 0 : i64, key_tile = 64 : i64, min_ctas = 0 : i64, scale = 1.0 : f64, split_copies = 1 : i64, stages = 1 : i64, window_left = -1 : i64, window_right = -1 : i64, warps = 4 : i64}}
