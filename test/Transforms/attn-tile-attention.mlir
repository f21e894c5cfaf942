// RUN: attn-opt %s -split-input-file -attn-tile-attention="query-tile=16 key-tile=32" | FileCheck %s
// RUN: attn-opt %s -split-input-file -attn-tile-attention | FileCheck %s --check-prefix=DEFAULT
// RUN: attn-opt %s -split-input-file -attn-tile-attention="query-tile=16 key-tile=32 group-heads=false" | FileCheck %s --check-prefix=NOGROUP

// The flash structure: a forall over (B, Hq, Sq tiles), a key loop carrying
// f32 max / sum / accumulator, tiles of at most 16 x 32 scores, no Sq x Skv
// value anywhere.

// CHECK-LABEL: func.func @mha
//  CHECK-SAME: %[[Q:[a-z0-9]+]]: tensor<2x4x128x64xf32>, %[[K:[a-z0-9]+]]: tensor<2x4x256x64xf32>, %[[V:[a-z0-9]+]]: tensor<2x4x256x64xf32>, %[[INIT:[a-z0-9]+]]: tensor<2x4x128x64xf32>
//   CHECK-NOT: attn.attention
//   CHECK-NOT: tensor<{{.*}}128x256
//       CHECK: %[[RES:.+]] = scf.forall (%[[B:.+]], %[[H:.+]], %[[T:.+]]) in (2, 4, 8) shared_outs(%[[OUT:.+]] = %[[INIT]])
//       CHECK:   %[[QT:.+]] = tensor.extract_slice %[[Q]][%[[B]], %[[H]], %{{.+}}, 0] [1, 1, 16, 64] [1, 1, 1, 1] : tensor<2x4x128x64xf32> to tensor<16x64xf32>
// The scale is folded into the Q tile once per query tile.
//       CHECK:   %[[QS:.+]] = linalg.generic {{.*}} ins(%[[QT]] : tensor<16x64xf32>) outs(%{{.+}} : tensor<16x64xf32>)
//       CHECK:     arith.mulf
//       CHECK:   %[[M0:.+]] = linalg.fill ins(%{{.+}} : f32) outs(%{{.+}} : tensor<16xf32>)
//       CHECK:   %[[L0:.+]] = linalg.fill ins(%{{.+}} : f32) outs(%{{.+}} : tensor<16xf32>)
//       CHECK:   %[[A0:.+]] = linalg.fill ins(%{{.+}} : f32) outs(%{{.+}} : tensor<16x64xf32>)
//       CHECK:   %[[LOOP:.+]]:3 = scf.for %[[J:.+]] = %{{.+}} to %{{.+}} step %{{.+}} iter_args(%[[M:.+]] = %[[M0]], %[[L:.+]] = %[[L0]], %[[ACC:.+]] = %[[A0]]) -> (tensor<16xf32>, tensor<16xf32>, tensor<16x64xf32>)
//       CHECK:     tensor.extract_slice %[[K]][%[[B]], %[[H]], %[[J]], 0] [1, 1, 32, 64]
//       CHECK:     tensor.extract_slice %[[V]][%[[B]], %[[H]], %[[J]], 0] [1, 1, 32, 64]
// K tile transposed to [D, Tk] so the contraction runs over (i, d, j) with
// the keys innermost.
//       CHECK:     %[[KT:.+]] = linalg.generic {{.*}} ins(%{{.+}} : tensor<32x64xf32>) outs(%{{.+}} : tensor<64x32xf32>)
//       CHECK:     linalg.generic {{.*}}iterator_types = ["parallel", "reduction", "parallel"]{{.*}} ins(%[[QS]], %[[KT]] : tensor<16x64xf32>, tensor<64x32xf32>) outs(%{{.+}} : tensor<16x32xf32>)
// The softmax exp is the vectorisable polynomial (no math.exp call).
//   CHECK-NOT:     math.exp
//       CHECK:     math.fma
//       CHECK:     scf.yield %{{.+}}, %{{.+}}, %{{.+}} : tensor<16xf32>, tensor<16xf32>, tensor<16x64xf32>
//       CHECK:   arith.divf
//       CHECK:   scf.forall.in_parallel
//       CHECK:     tensor.parallel_insert_slice %{{.+}} into %[[OUT]][%[[B]], %[[H]], %{{.+}}, 0] [1, 1, 16, 64] [1, 1, 1, 1]
//       CHECK: return %[[RES]]
// DEFAULT-LABEL: func.func @mha
//       DEFAULT: scf.forall ({{.*}}) in (2, 4, 4)
//       DEFAULT: tensor<32x64xf32>
//       DEFAULT: tensor<32x64xf32>
func.func @mha(%q: tensor<2x4x128x64xf32>, %k: tensor<2x4x256x64xf32>,
               %v: tensor<2x4x256x64xf32>, %init: tensor<2x4x128x64xf32>)
    -> tensor<2x4x128x64xf32> {
  %0 = attn.attention ins(%q, %k, %v : tensor<2x4x128x64xf32>, tensor<2x4x256x64xf32>, tensor<2x4x256x64xf32>)
       outs(%init : tensor<2x4x128x64xf32>) -> tensor<2x4x128x64xf32>
  return %0 : tensor<2x4x128x64xf32>
}

// -----

// Causal: the key loop's upper bound depends on the query tile
// (min(Skv, i0 + qs + delta)), and the element mask is applied only when the
// tile straddles the diagonal (scf.if).

// CHECK-LABEL: func.func @causal
//       CHECK: scf.forall (%{{.+}}, %{{.+}}, %[[T:.+]]) in (1, 2, 4)
//       CHECK:   %[[I0:.+]] = affine.apply #{{.+}}(%[[T]])
//       CHECK:   arith.addi %[[I0]], %{{.+}} : index
//       CHECK:   arith.maxsi
//       CHECK:   arith.minsi
// The upper bound is computed from the tile, not the constant Skv (%c64).
//       CHECK:   scf.for %{{.+}} = %{{.+}} to %{{[0-9]+}} step
//       CHECK:     %[[STRADDLE:.+]] = arith.ori
//       CHECK:     scf.if %[[STRADDLE]] -> (tensor<16x32xf32>)
//       CHECK:       arith.cmpi sle
//       CHECK:       arith.select
//       CHECK:     } else {
//   CHECK-NOT:       arith.cmpi sle
//       CHECK:     }
func.func @causal(%q: tensor<1x2x64x32xf16>, %k: tensor<1x2x64x32xf16>,
                  %v: tensor<1x2x64x32xf16>, %init: tensor<1x2x64x32xf16>)
    -> tensor<1x2x64x32xf16> {
  %0 = attn.attention ins(%q, %k, %v : tensor<1x2x64x32xf16>, tensor<1x2x64x32xf16>, tensor<1x2x64x32xf16>)
       outs(%init : tensor<1x2x64x32xf16>) causal = top_left -> tensor<1x2x64x32xf16>
  return %0 : tensor<1x2x64x32xf16>
}

// -----

// GQA: the 4 query heads that share a K/V head are processed in one tile
// (forall over the 2 K/V heads), their Q rows gathered into one [4 * qs, D]
// tile, so each K/V tile is read once per group; BSHD slices [b, s, h, d]
// without a transpose; f16 inputs are extended to f32. With
// group-heads=false each query head reads K/V head h floordiv 4.
// Dynamic Sq and Skv: the full query tiles run in the first forall, each
// with a loop over the full key tiles and then the partial last key tile,
// either as the static tile of the last 32 keys (Skv >= 32; the keys an
// earlier step took are masked) or as a dynamic tile. The partial last query
// tile is, when Sq >= 16, the static tile of the last 16 rows, of which only
// its own rows are written; else a dynamic tile.

// CHECK-LABEL: func.func @gqa_bshd
//  CHECK-SAME: %[[Q:[a-z0-9]+]]: tensor<?x?x8x64xf16>, %[[K:[a-z0-9]+]]: tensor<?x?x2x64xf16>
//       CHECK: scf.forall (%[[B:.+]], %[[G:.+]], %{{.+}}) in (%{{.+}}, 2, %{{.+}})
//       CHECK:   %[[H0:.+]] = affine.apply #{{.+}}(%[[G]])
//       CHECK:   tensor.extract_slice %[[Q]][%[[B]], %{{.+}}, %[[H0]], 0] [1, 16, 4, 64]
//       CHECK:   tensor.collapse_shape %{{.+}} {{\[\[}}0, 1], [2]] : tensor<4x16x64xf16> into tensor<64x64xf16>
//       CHECK:   scf.for
//       CHECK:     tensor.extract_slice %[[K]][%[[B]], %{{.+}}, %[[G]], 0] [1, 32, 1, 64]
//       CHECK:     arith.extf %{{.+}} : f16 to f32
//       CHECK:   scf.if
//       CHECK:     scf.if
//       CHECK:       %[[START:.+]] = arith.subi %{{.+}}, %c32
//       CHECK:       tensor.extract_slice %[[K]][%[[B]], %[[START]], %[[G]], 0] [1, 32, 1, 64]
//       CHECK:       arith.cmpi slt
//       CHECK:       arith.select %{{.+}}, %cst{{.*}}, %{{.+}} : f32
//       CHECK:     } else {
//       CHECK:       tensor.extract_slice %[[K]][%[[B]], %{{.+}}, %[[G]], 0] [1, %{{.+}}, 1, 64] {{.*}} to tensor<?x64xf16>
//       CHECK:   tensor.expand_shape
//       CHECK:   arith.truncf %{{.+}} : f32 to f16
//       CHECK:   tensor.parallel_insert_slice %{{.+}} into %{{.+}}[%[[B]], %{{.+}}, %[[H0]], 0] [1, 16, 4, 64]
//       CHECK: %[[ENOUGH:.+]] = arith.cmpi sge, %{{.+}}, %c16
//       CHECK: scf.if %[[ENOUGH]]
//       CHECK:   scf.forall
//       CHECK:     tensor.extract_slice %[[Q]][%{{.+}}, %{{.+}}, %{{.+}}, 0] [1, 16, 4, 64]
//       CHECK:     %[[KEPT:.+]] = tensor.extract_slice %{{.+}}[%{{.+}}, 0, 0] [%[[ROWS:.+]], 4, 64] [1, 1, 1] : tensor<16x4x64xf16> to tensor<?x4x64xf16>
//       CHECK:     tensor.parallel_insert_slice %[[KEPT]] into %{{.+}}[%{{.+}}, %{{.+}}, %{{.+}}, 0] [1, %[[ROWS]], 4, 64]
//       CHECK: } else {
//       CHECK:   scf.forall
//       CHECK:     tensor.extract_slice %[[Q]][%{{.+}}, %{{.+}}, %{{.+}}, 0] [1, %{{.+}}, 4, 64] {{.*}} to tensor<?x4x64xf16>
// NOGROUP-LABEL: func.func @gqa_bshd
//       NOGROUP: scf.forall (%[[B:.+]], %[[H:.+]], %{{.+}}) in (%{{.+}}, 8, %{{.+}})
//       NOGROUP:   %[[KV:.+]] = affine.apply #{{.+}}(%[[H]])
//       NOGROUP:   scf.for
//       NOGROUP:     tensor.extract_slice %{{.+}}[%[[B]], %{{.+}}, %[[KV]], 0] [1, %{{.+}}, 1, 64]
func.func @gqa_bshd(%q: tensor<?x?x8x64xf16>, %k: tensor<?x?x2x64xf16>,
                    %v: tensor<?x?x2x64xf16>, %init: tensor<?x?x8x64xf16>)
    -> tensor<?x?x8x64xf16> {
  %0 = attn.attention ins(%q, %k, %v : tensor<?x?x8x64xf16>, tensor<?x?x2x64xf16>, tensor<?x?x2x64xf16>)
       outs(%init : tensor<?x?x8x64xf16>) layout = bshd -> tensor<?x?x8x64xf16>
  return %0 : tensor<?x?x8x64xf16>
}

// -----

// fast-exp=false keeps math.exp (libm accuracy).
// RUN: attn-opt %s -split-input-file -attn-tile-attention="fast-exp=false" | FileCheck %s --check-prefix=LIBM
// LIBM-LABEL: func.func @libm_exp
//       LIBM: math.exp
func.func @libm_exp(%q: tensor<1x1x8x8xf32>, %k: tensor<1x1x8x8xf32>,
                    %v: tensor<1x1x8x8xf32>, %init: tensor<1x1x8x8xf32>)
    -> tensor<1x1x8x8xf32> {
  %0 = attn.attention ins(%q, %k, %v : tensor<1x1x8x8xf32>, tensor<1x1x8x8xf32>, tensor<1x1x8x8xf32>)
       outs(%init : tensor<1x1x8x8xf32>) -> tensor<1x1x8x8xf32>
  return %0 : tensor<1x1x8x8xf32>
}

// -----

// RUN: not attn-opt %s -split-input-file -attn-tile-attention="query-tile=-4" 2>&1 | FileCheck %s --check-prefix=BAD
// RUN: not attn-opt %s -split-input-file -attn-tile-attention="query-tile=9223372036854775807" 2>&1 | FileCheck %s --check-prefix=HUGE
// BAD: error: attn-tile-attention: tile sizes must be in [0, 16777216] (0 = heuristic), got query-tile=-4 key-tile=0
// HUGE: error: attn-tile-attention: tile sizes must be in [0, 16777216] (0 = heuristic), got query-tile=9223372036854775807 key-tile=0
func.func @bad_tile(%q: tensor<1x1x8x8xf32>, %k: tensor<1x1x8x8xf32>,
                    %v: tensor<1x1x8x8xf32>, %init: tensor<1x1x8x8xf32>)
    -> tensor<1x1x8x8xf32> {
  %0 = attn.attention ins(%q, %k, %v : tensor<1x1x8x8xf32>, tensor<1x1x8x8xf32>, tensor<1x1x8x8xf32>)
       outs(%init : tensor<1x1x8x8xf32>) -> tensor<1x1x8x8xf32>
  return %0 : tensor<1x1x8x8xf32>
}

// -----

// Decoding (one query row, GQA group of 2): a static Sq shorter than the
// query tile is one tile of its length, and with key-major tiles of fewer
// than 16 rows each score is a dot product over D (innermost, reassociable
// so that it vectorises), reading Q untransposed.
// RUN: attn-opt %s -split-input-file -attn-tile-attention="key-major=true" | FileCheck %s --check-prefix=DECODE
// DECODE-LABEL: func.func @decode
//       DECODE: scf.forall ({{.*}}) in (1, 2, 1)
//       DECODE: scf.for
//       DECODE:   linalg.generic {{.*}}iterator_types = ["parallel", "parallel", "reduction"]} ins(%{{.+}}, %{{.+}} : tensor<64x64xf32>, tensor<2x64xf32>) outs(%{{.+}} : tensor<64x2xf32>)
//       DECODE:     arith.mulf {{.*}} fastmath<reassoc,contract>
//       DECODE:     arith.addf {{.*}} fastmath<reassoc,contract>
func.func @decode(%q: tensor<1x4x1x64xf32>, %k: tensor<1x2x256x64xf32>,
                  %v: tensor<1x2x256x64xf32>, %init: tensor<1x4x1x64xf32>)
    -> tensor<1x4x1x64xf32> {
  %0 = attn.attention ins(%q, %k, %v : tensor<1x4x1x64xf32>, tensor<1x2x256x64xf32>, tensor<1x2x256x64xf32>)
       outs(%init : tensor<1x4x1x64xf32>) -> tensor<1x4x1x64xf32>
  return %0 : tensor<1x4x1x64xf32>
}

// -----

// Split-KV: the keys of each query tile are cut into chunks of
// ceil(ceil(Skv / Tk) / S) key tiles (here ceil(5 / 3) * 64 = 128 keys, so
// 300 keys give 3 splits) run as a fourth forall dimension. Each split
// writes its row max, row sum and unnormalised accumulator into
// [S, B, Hq, Sq](, Dv) buffers; after the forall the global max, the
// weighted sum, the per-split weights exp(m_s - M) / L and the weighted sum
// of the accumulators (reducing over s, into the op's f32 init) give the
// result; s is the outermost dimension of each, so the inner loops run over
// one split's contiguous rows. The MQA group of 8 query heads stays one tile per split.
// RUN: attn-opt %s -split-input-file -attn-tile-attention="key-major=true key-splits=3" | FileCheck %s --check-prefix=SPLIT
// SPLIT-LABEL: func.func @split_decode
//       SPLIT: %[[M:.+]] = tensor.empty() : tensor<3x1x8x1xf32>
//       SPLIT: %[[L:.+]] = tensor.empty() : tensor<3x1x8x1xf32>
//       SPLIT: %[[A:.+]] = tensor.empty() : tensor<3x1x8x1x16xf32>
//       SPLIT: scf.forall (%{{.+}}, %{{.+}}, %{{.+}}, %[[S:.+]]) in (1, 1, 1, 3) shared_outs(%{{.+}} = %[[M]], %{{.+}} = %[[L]], %{{.+}} = %[[A]])
//       SPLIT:   %[[FIRST:.+]] = arith.muli %[[S]], %c128
//       SPLIT:   %[[END:.+]] = arith.addi %[[FIRST]], %c128
//       SPLIT:   arith.maxsi %{{.+}}, %[[FIRST]]
//       SPLIT:   arith.minsi %{{.+}}, %[[END]]
//       SPLIT:   scf.for
//       SPLIT:   scf.forall.in_parallel
//       SPLIT-COUNT-3: tensor.parallel_insert_slice
//       SPLIT: linalg.generic {{.*}}iterator_types = ["reduction", "parallel", "parallel", "parallel"]
//       SPLIT:   arith.maximumf
//       SPLIT: linalg.generic {{.*}}iterator_types = ["reduction", "parallel", "parallel", "parallel"]
//       SPLIT: linalg.generic {{.*}}iterator_types = ["parallel", "parallel", "parallel", "parallel"]
//       SPLIT: linalg.fill {{.*}} outs(%{{.+}} : tensor<1x8x1x16xf32>)
//       SPLIT: linalg.generic {{.*}}iterator_types = ["reduction", "parallel", "parallel", "parallel", "parallel"]
//  SPLIT-SAME:   ins(%{{.+}}, %{{.+}} : tensor<3x1x8x1xf32>, tensor<3x1x8x1x16xf32>) outs(%{{.+}} : tensor<1x8x1x16xf32>)
//   SPLIT-NOT: scf.forall (
//       SPLIT: return
func.func @split_decode(%q: tensor<1x8x1x16xf32>, %k: tensor<1x1x300x16xf32>,
                        %v: tensor<1x1x300x16xf32>, %init: tensor<1x8x1x16xf32>)
    -> tensor<1x8x1x16xf32> {
  %0 = attn.attention ins(%q, %k, %v : tensor<1x8x1x16xf32>, tensor<1x1x300x16xf32>, tensor<1x1x300x16xf32>)
       outs(%init : tensor<1x8x1x16xf32>) -> tensor<1x8x1x16xf32>
  return %0 : tensor<1x8x1x16xf32>
}

// -----

// The heuristic (key-splits=0): one forall iteration (MQA decoding, B = 1)
// and 4096 keys in 64 key tiles: min(32 / 1, 64 / 4) = 16 splits of 256
// keys. A bf16 result accumulates in an f32 buffer and is truncated into
// the init (BSHD) last. With 32 or more iterations nothing is split.
// RUN: attn-opt %s -split-input-file -attn-tile-attention="key-major=true key-splits=0" | FileCheck %s --check-prefix=HEUR
// HEUR-LABEL: func.func @split_heuristic
//       HEUR: scf.forall ({{.*}}) in (1, 1, 1, 16)
//       HEUR:   arith.muli %{{.+}}, %c256
//       HEUR: linalg.generic {{.*}}ins(%{{.+}}, %{{.+}} : tensor<16x1x32x1xf32>, tensor<16x1x32x1x64xf32>) outs(%{{.+}} : tensor<1x32x1x64xf32>)
//       HEUR: linalg.generic {{.*}}ins(%{{.+}} : tensor<1x32x1x64xf32>) outs(%{{.+}} : tensor<1x1x32x64xbf16>)
//       HEUR:   arith.truncf
// The partial results may not outgrow K and V: MQA with 64 query heads of
// 32 rows, Dv = 256, 8192 keys would take 32 splits, but 7 splits of
// 64 x 32 x (256 + 2) floats already match the 8192 x 512 of K and V.
// HEUR-LABEL: func.func @split_capped
//       HEUR: scf.forall ({{.*}}) in (1, 1, 1, 7)
// HEUR-LABEL: func.func @no_split_many_heads
//       HEUR: scf.forall ({{.*}}) in (1, 32, 1) shared_outs
//   HEUR-NOT: scf.forall (
//       HEUR: return
func.func @split_heuristic(%q: tensor<1x1x32x64xbf16>, %k: tensor<1x4096x1x64xbf16>,
                           %v: tensor<1x4096x1x64xbf16>, %init: tensor<1x1x32x64xbf16>)
    -> tensor<1x1x32x64xbf16> {
  %0 = attn.attention ins(%q, %k, %v : tensor<1x1x32x64xbf16>, tensor<1x4096x1x64xbf16>, tensor<1x4096x1x64xbf16>)
       outs(%init : tensor<1x1x32x64xbf16>) layout = bshd -> tensor<1x1x32x64xbf16>
  return %0 : tensor<1x1x32x64xbf16>
}
func.func @split_capped(%q: tensor<1x64x32x256xf32>, %k: tensor<1x1x8192x256xf32>,
                        %v: tensor<1x1x8192x256xf32>, %init: tensor<1x64x32x256xf32>)
    -> tensor<1x64x32x256xf32> {
  %0 = attn.attention ins(%q, %k, %v : tensor<1x64x32x256xf32>, tensor<1x1x8192x256xf32>, tensor<1x1x8192x256xf32>)
       outs(%init : tensor<1x64x32x256xf32>) -> tensor<1x64x32x256xf32>
  return %0 : tensor<1x64x32x256xf32>
}
func.func @no_split_many_heads(%q: tensor<1x32x1x64xf32>, %k: tensor<1x32x4096x64xf32>,
                               %v: tensor<1x32x4096x64xf32>, %init: tensor<1x32x1x64xf32>)
    -> tensor<1x32x1x64xf32> {
  %0 = attn.attention ins(%q, %k, %v : tensor<1x32x1x64xf32>, tensor<1x32x4096x64xf32>, tensor<1x32x4096x64xf32>)
       outs(%init : tensor<1x32x1x64xf32>) -> tensor<1x32x1x64xf32>
  return %0 : tensor<1x32x1x64xf32>
}

// -----

// RUN: not attn-opt %s -split-input-file -attn-tile-attention="key-splits=-1" 2>&1 | FileCheck %s --check-prefix=BADSPLIT
// BADSPLIT: error: attn-tile-attention: key-splits must be in [0, 1024] (0 = heuristic, 1 = no split), got -1
func.func @bad_split(%q: tensor<1x1x8x8xf32>, %k: tensor<1x1x8x8xf32>,
                     %v: tensor<1x1x8x8xf32>, %init: tensor<1x1x8x8xf32>)
    -> tensor<1x1x8x8xf32> {
  %0 = attn.attention ins(%q, %k, %v : tensor<1x1x8x8xf32>, tensor<1x1x8x8xf32>, tensor<1x1x8x8xf32>)
       outs(%init : tensor<1x1x8x8xf32>) -> tensor<1x1x8x8xf32>
  return %0 : tensor<1x1x8x8xf32>
}

// -----

// Static Skv that is no multiple of the key tile, no causal or window bound
// (cross-attention: 77 keys): after the full 32-key tiles, the tail is a
// static tile of the remaining 13 keys (77 - 2 * 32), not the shifted tile
// of the last 32 keys with the overlap masked (which computed 96 keys).
// With causal the key bound varies with the query tile: the tail stays the
// shifted static tile.
// RUN: attn-opt %s -split-input-file -attn-tile-attention="query-tile=16 key-tile=32" -canonicalize | FileCheck %s --check-prefix=TAIL
// CHECK-LABEL: func.func @static_tail
//       CHECK:   scf.for %{{.+}} = %c0 to %{{.+}} step %c32
//       CHECK:   scf.if
//       CHECK:     %[[T0:.+]] = affine.min #{{.+}}()[%{{.+}}]
//       CHECK:     tensor.extract_slice %{{.+}}[{{.+}}] [1, 1, %[[T0]], 16]
//   CHECK-NOT:     arith.cmpi slt
//       CHECK:   } else {
// TAIL-LABEL: func.func @static_tail
//       TAIL:   scf.for %{{.+}} = %c0 to %c64 step %c32
//       TAIL:   tensor.extract_slice %{{.+}}[{{.+}}, 64, 0] [1, 1, 13, 16] {{.*}} to tensor<13x16xf32>
//   TAIL-NOT:   arith.cmpi slt
//       TAIL:   scf.forall.in_parallel
// CHECK-LABEL: func.func @static_tail_causal
//       CHECK:   scf.if
//       CHECK:     arith.subi %{{.+}}, %c32
//       CHECK:     arith.cmpi slt
func.func @static_tail(%q: tensor<1x2x16x16xf32>, %k: tensor<1x2x77x16xf32>,
                       %v: tensor<1x2x77x16xf32>, %init: tensor<1x2x16x16xf32>)
    -> tensor<1x2x16x16xf32> {
  %0 = attn.attention ins(%q, %k, %v : tensor<1x2x16x16xf32>, tensor<1x2x77x16xf32>, tensor<1x2x77x16xf32>)
       outs(%init : tensor<1x2x16x16xf32>) -> tensor<1x2x16x16xf32>
  return %0 : tensor<1x2x16x16xf32>
}
func.func @static_tail_causal(%q: tensor<1x2x16x16xf32>, %k: tensor<1x2x77x16xf32>,
                              %v: tensor<1x2x77x16xf32>, %init: tensor<1x2x16x16xf32>)
    -> tensor<1x2x16x16xf32> {
  %0 = attn.attention ins(%q, %k, %v : tensor<1x2x16x16xf32>, tensor<1x2x77x16xf32>, tensor<1x2x77x16xf32>)
       outs(%init : tensor<1x2x16x16xf32>) causal = bottom_right -> tensor<1x2x16x16xf32>
  return %0 : tensor<1x2x16x16xf32>
}

// -----

// A scale above 1 in magnitude is not folded into the Q tile (scale * q
// could overflow f32 where scale * (q . k) does not): the Q tile is only
// extended, and the scores are scaled.
// CHECK-LABEL: func.func @scale_above_one
//       CHECK:   linalg.generic {{.*}} ins(%{{.+}} : tensor<16x16xf16>) outs(%{{.+}} : tensor<16x16xf32>)
//  CHECK-NEXT:   ^bb0(%[[X:.+]]: f16, %{{.+}}: f32):
//  CHECK-NEXT:     %[[E:.+]] = arith.extf %[[X]] : f16 to f32
//  CHECK-NEXT:     linalg.yield %[[E]] : f32
//       CHECK:   scf.for
//       CHECK:     arith.constant 2.000000e+00 : f32
//       CHECK:     arith.mulf
func.func @scale_above_one(%q: tensor<1x1x16x16xf16>, %k: tensor<1x1x64x16xf16>,
                           %v: tensor<1x1x64x16xf16>, %init: tensor<1x1x16x16xf16>)
    -> tensor<1x1x16x16xf16> {
  %0 = attn.attention ins(%q, %k, %v : tensor<1x1x16x16xf16>, tensor<1x1x64x16xf16>, tensor<1x1x64x16xf16>)
       outs(%init : tensor<1x1x16x16xf16>) scale = 2.0 -> tensor<1x1x16x16xf16>
  return %0 : tensor<1x1x16x16xf16>
}
