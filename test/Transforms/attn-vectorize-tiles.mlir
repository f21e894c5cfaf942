// RUN: attn-opt %s -split-input-file -attn-tile-attention="query-tile=32 key-tile=64" -canonicalize -cse -attn-vectorize-tiles | FileCheck %s
// RUN: attn-opt %s -split-input-file -attn-tile-attention="query-tile=32 key-tile=64" -canonicalize -cse -attn-vectorize-tiles | FileCheck %s --check-prefix=VEC
// RUN: attn-opt %s -split-input-file -attn-tile-attention="query-tile=32 key-tile=64 key-major=true" -canonicalize -cse -attn-vectorize-tiles -canonicalize | FileCheck %s --check-prefix=KM
// Bad register-block options are errors that name the option (no division
// by zero, no invalid vector types).
// RUN: not attn-opt %s -split-input-file -attn-tile-attention=key-major -attn-vectorize-tiles=vector-width=0 2>&1 | FileCheck %s --check-prefix=BADW
// RUN: not attn-opt %s -split-input-file -attn-tile-attention=key-major -attn-vectorize-tiles=row-block=0 2>&1 | FileCheck %s --check-prefix=BADR
// RUN: not attn-opt %s -split-input-file -attn-tile-attention=key-major -attn-vectorize-tiles=vector-width=-4 2>&1 | FileCheck %s --check-prefix=BADN
// RUN: not attn-opt %s -split-input-file -attn-tile-attention=key-major -attn-vectorize-tiles=reduction-step=-1 2>&1 | FileCheck %s --check-prefix=BADS
// BADW: error: attn-vectorize-tiles: vector-width must be in [1, 1024], got 0
// BADR: error: attn-vectorize-tiles: row-block must be in [1, 1024], got 0
// BADN: error: attn-vectorize-tiles: vector-width must be in [1, 1024], got -4
// BADS: error: attn-vectorize-tiles: reduction-step must be in [0, 1024], got -1

// Static tiles: both contractions become 8 x 32 register blocks (two
// 16-lane vectors wide), each a loop over the reduction in steps of 8 whose
// vector.contract accumulates into a loop-carried vector (the block's
// accumulator stays in registers across the whole reduction).

// Default (row-major) layout: the K-tile transpose is done in 16 x 16
// register blocks, and the row max and row sum 16 rows at a time.
// VEC-LABEL: func.func @static_tiles
//   VEC-DAG: vector.transpose %{{.+}}, [1, 0] : vector<16x16xf32> to vector<16x16xf32>
//   VEC-DAG: vector.multi_reduction <maximumf>, %{{.+}}, %{{.+}} [1] : vector<16x64xf32> to vector<16xf32>
//   VEC-DAG: vector.multi_reduction <add>, %{{.+}}, %{{.+}} [1] : vector<16x64xf32> to vector<16xf32>
// CHECK-LABEL: func.func @static_tiles
//       CHECK: scf.forall
//       CHECK:   scf.for
//       CHECK:     scf.for %{{.+}} = %{{.+}} to %{{.+}} step %c8
//       CHECK:       scf.for %{{.+}} = %{{.+}} to %{{.+}} step %c32
//       CHECK:         scf.for %{{.+}} = %{{.+}} to %{{.+}} step %c8 iter_args({{.*}}) -> ({{.*}}vector<8x32xf32>)
//       CHECK:           vector.contract {{.*}}iterator_types = ["parallel", "reduction", "parallel"]{{.*}} : vector<8x8xf32>, vector<8x32xf32> into vector<8x32xf32>
//       CHECK:     scf.for %{{.+}} = %{{.+}} to %{{.+}} step %c8
//       CHECK:       scf.for %{{.+}} = %{{.+}} to %{{.+}} step %c32
//       CHECK:         scf.for %{{.+}} = %{{.+}} to %{{.+}} step %c8 iter_args({{.*}}) -> ({{.*}}vector<8x32xf32>)
//       CHECK:           vector.contract {{.*}} : vector<8x8xf32>, vector<8x32xf32> into vector<8x32xf32>

// Key-major layout (attn-cpu-pipeline): the Q tile is scaled and
// transposed once per query tile (16 x 16 register blocks), S^T = K . Q^T
// reads K rows directly and starts from a constant zero block (no filled
// score tile), the statistics reduce down the 64 key rows in chains of
// element-wise max (compare + select) and add, and P . V reads P^T.
// KM-LABEL: func.func @static_tiles
//       KM: scf.forall
//       KM:   vector.transpose %{{.+}}, [1, 0] : vector<16x16xf32> to vector<16x16xf32>
//       KM:   scf.for
//   KM-NOT:     vector.transpose
//       KM:     scf.for %{{.+}} = %{{.+}} to %{{.+}} step %c8 iter_args(%{{.+}} = %{{.+}}) -> (tensor<64x32xf32>)
//       KM:       scf.for %{{.+}} = %{{.+}} to %{{.+}} step %c8 iter_args(%{{.+}} = %cst{{.*}}) -> (vector<8x32xf32>)
//       KM:         vector.transfer_read %arg1{{.*}} : tensor<1x2x128x64xf32>, vector<8x8xf32>
//       KM:         vector.contract {{.*}} : vector<8x8xf32>, vector<8x32xf32> into vector<8x32xf32>
//       KM:     vector.transfer_read {{.*}} : tensor<64x32xf32>, vector<64x16xf32>
//   KM-NOT:     vector.multi_reduction
//       KM:     arith.cmpf ogt, {{.*}} : vector<16xf32>
//       KM:     arith.select {{.*}} : vector<16xi1>, vector<16xf32>
//       KM:     arith.addf {{.*}} : vector<16xf32>
//       KM:     scf.for %{{.+}} = %{{.+}} to %{{.+}} step %c8 iter_args
//       KM:       scf.for %{{.+}} = %{{.+}} to %{{.+}} step %c8 iter_args({{.*}}) -> (vector<8x32xf32>)
//       KM:         vector.contract {{.*}} : vector<8x8xf32>, vector<8x32xf32> into vector<8x32xf32>
func.func @static_tiles(%q: tensor<1x2x64x64xf32>, %k: tensor<1x2x128x64xf32>,
                        %v: tensor<1x2x128x64xf32>, %o: tensor<1x2x64x64xf32>) -> tensor<1x2x64x64xf32> {
  %0 = attn.attention ins(%q, %k, %v : tensor<1x2x64x64xf32>, tensor<1x2x128x64xf32>, tensor<1x2x128x64xf32>)
       outs(%o : tensor<1x2x64x64xf32>) -> tensor<1x2x64x64xf32>
  return %0 : tensor<1x2x64x64xf32>
}

// -----

// Dynamic sizes: the full query tiles (the first forall) and the full key
// tiles (the key loop) have static shapes and are vectorised; so are the
// partial last key tile when Skv >= 64 (computed as the static tile of the
// last 64 keys, the first scf.if branch) and the partial last query tile
// when Sq >= 32 (the static tile of the last 32 rows, the forall in the
// second scf.if's first branch). A sequence shorter than one tile (the else
// branches) stays scalar loops.

// CHECK-LABEL: func.func @dynamic_tiles
//       CHECK: scf.forall
//       CHECK:   scf.for
//       CHECK:     vector.contract
//       CHECK:   scf.if
//       CHECK:     scf.if
//       CHECK:       vector.contract
//       CHECK:     } else {
//   CHECK-NOT:       vector.contract
//       CHECK:   scf.forall.in_parallel
//       CHECK: scf.if
//       CHECK:   scf.forall
//       CHECK:     vector.contract
//       CHECK: } else {
//       CHECK:   scf.forall
//   CHECK-NOT:   vector.contract
//       CHECK: return
// KM-LABEL: func.func @dynamic_tiles
//       KM: scf.forall
//       KM:   scf.for
//       KM:     vector.contract
//       KM:   scf.if
//       KM:     scf.if
//       KM:       vector.contract
//       KM:     } else {
//   KM-NOT:       vector.contract
//       KM:   scf.forall.in_parallel
//       KM: scf.if
//       KM:   scf.forall
//       KM:     vector.contract
//       KM: } else {
//       KM:   scf.forall
//   KM-NOT:   vector.contract
//       KM: return
func.func @dynamic_tiles(%q: tensor<1x2x?x64xf32>, %k: tensor<1x2x?x64xf32>,
                         %v: tensor<1x2x?x64xf32>, %o: tensor<1x2x?x64xf32>) -> tensor<1x2x?x64xf32> {
  %0 = attn.attention ins(%q, %k, %v : tensor<1x2x?x64xf32>, tensor<1x2x?x64xf32>, tensor<1x2x?x64xf32>)
       outs(%o : tensor<1x2x?x64xf32>) -> tensor<1x2x?x64xf32>
  return %0 : tensor<1x2x?x64xf32>
}

// -----

// One batch, one head, one query tile: the flash forall has a single
// iteration and canonicalize folds it away; its tiles carry attn.flash_tile
// and are vectorised all the same (they were left scalar: a one-head decode
// ran 16x slower).

// CHECK-LABEL: func.func @single_tile
//   CHECK-NOT: scf.forall
//       CHECK: vector.contract
//       CHECK: vector.contract
// KM-LABEL: func.func @single_tile
//   KM-NOT: scf.forall
//       KM: vector.contract
//       KM: vector.contract
func.func @single_tile(%q: tensor<1x1x32x64xf32>, %k: tensor<1x1x128x64xf32>,
                       %v: tensor<1x1x128x64xf32>, %o: tensor<1x1x32x64xf32>) -> tensor<1x1x32x64xf32> {
  %0 = attn.attention ins(%q, %k, %v : tensor<1x1x32x64xf32>, tensor<1x1x128x64xf32>, tensor<1x1x128x64xf32>)
       outs(%o : tensor<1x1x32x64xf32>) -> tensor<1x1x32x64xf32>
  return %0 : tensor<1x1x32x64xf32>
}

// -----

// GQA decoding: a query tile of 4 rows (one row for each of the 4 query
// heads sharing a K/V head), fewer than a register block of 8: the P.V
// contraction is one block of all 4 rows whose 4 x 32 accumulator stays in
// registers across the key steps (it was a loop that loaded and stored the
// accumulator around every FMA).
// KM-LABEL: func.func @gqa_decode
//       KM: scf.for {{.*}} iter_args(%{{.+}} = %{{.+}}) -> (vector<4x32xf32>)
//       KM:   vector.contract {{.*}} : vector<8x4xf32>, vector<8x32xf32> into vector<4x32xf32>
func.func @gqa_decode(%q: tensor<1x8x1x64xf32>, %k: tensor<1x2x256x64xf32>,
                      %v: tensor<1x2x256x64xf32>, %init: tensor<1x8x1x64xf32>)
    -> tensor<1x8x1x64xf32> {
  %0 = attn.attention ins(%q, %k, %v : tensor<1x8x1x64xf32>, tensor<1x2x256x64xf32>, tensor<1x2x256x64xf32>)
       outs(%init : tensor<1x8x1x64xf32>) -> tensor<1x8x1x64xf32>
  return %0 : tensor<1x8x1x64xf32>
}

// -----

// A head dim that is no multiple of the 16-lane vector (40, as in Stable
// Diffusion's attention): the P.V contraction (columns: the 40 value
// columns) is split into a 32-column part (8 x 32 blocks) and an 8-column
// remainder (8 x 8 blocks), both vectorised; it was left to scalar loops
// (3x slower at D = 40, 8x at D = 24). S^T = K.Q^T reduces over the 40 head
// columns in steps of 8.
// KM-LABEL: func.func @head_dim_40
//       KM: scf.for
//       KM:   vector.contract {{.*}} : vector<8x8xf32>, vector<8x32xf32> into vector<8x32xf32>
//       KM:   vector.contract {{.*}} : vector<8x8xf32>, vector<8x32xf32> into vector<8x32xf32>
//       KM:   vector.contract {{.*}} : vector<8x8xf32>, vector<8x8xf32> into vector<8x8xf32>
//   KM-NOT:   linalg.generic {{.*}}iterator_types = ["parallel", "reduction", "parallel"]
//       KM: scf.forall.in_parallel
func.func @head_dim_40(%q: tensor<1x2x64x40xf32>, %k: tensor<1x2x128x40xf32>,
                       %v: tensor<1x2x128x40xf32>, %o: tensor<1x2x64x40xf32>) -> tensor<1x2x64x40xf32> {
  %0 = attn.attention ins(%q, %k, %v : tensor<1x2x64x40xf32>, tensor<1x2x128x40xf32>, tensor<1x2x128x40xf32>)
       outs(%o : tensor<1x2x64x40xf32>) -> tensor<1x2x64x40xf32>
  return %0 : tensor<1x2x64x40xf32>
}

// -----

// Tiles that are no multiple of the register blocks in either dim (a query
// tile of 12 rows, Sq = 12: P.V has 8 + 4 rows; a head dim of 20: 16 + 4
// columns): every part is a static block, no P.V contraction is left to
// loops. (With fewer than 16 rows the scores are dot products over the head
// dim, vectorised by LLVM.)
// KM-LABEL: func.func @odd_blocks
//   KM-NOT: linalg.generic {{.*}}iterator_types = ["parallel", "reduction", "parallel"]
//       KM: vector.contract {{.*}} into vector<8x16xf32>
//   KM-NOT: linalg.generic {{.*}}iterator_types = ["parallel", "reduction", "parallel"]
//       KM: vector.contract {{.*}} into vector<8x4xf32>
//   KM-NOT: linalg.generic {{.*}}iterator_types = ["parallel", "reduction", "parallel"]
//       KM: vector.contract {{.*}} into vector<4x16xf32>
//   KM-NOT: linalg.generic {{.*}}iterator_types = ["parallel", "reduction", "parallel"]
//       KM: vector.contract {{.*}} into vector<4x4xf32>
//   KM-NOT: linalg.generic {{.*}}iterator_types = ["parallel", "reduction", "parallel"]
//       KM: return
func.func @odd_blocks(%q: tensor<1x1x12x20xf32>, %k: tensor<1x1x128x20xf32>,
                      %v: tensor<1x1x128x20xf32>, %o: tensor<1x1x12x20xf32>) -> tensor<1x1x12x20xf32> {
  %0 = attn.attention ins(%q, %k, %v : tensor<1x1x12x20xf32>, tensor<1x1x128x20xf32>, tensor<1x1x128x20xf32>)
       outs(%o : tensor<1x1x12x20xf32>) -> tensor<1x1x12x20xf32>
  return %0 : tensor<1x1x12x20xf32>
}

// -----

// A tile op with a zero-sized loop (here a reduction over 0 rows) does
// nothing and is left alone (upstream tiling crashed on it).
// KM-LABEL: func.func @zero_sized_loop
//       KM:   linalg.generic
//   KM-NOT:   vector.
//       KM:   return
func.func @zero_sized_loop(%a0: tensor<0x16xf32>, %o: tensor<16xf32>, %o2: tensor<16xf32>) -> tensor<16xf32> {
  %r = scf.forall (%i) in (2) shared_outs(%s = %o) -> (tensor<16xf32>) {
    %t = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d1)>], iterator_types = ["reduction", "parallel"]} ins(%a0 : tensor<0x16xf32>) outs(%o2 : tensor<16xf32>) {
    ^bb0(%x: f32, %z: f32):
      %a = arith.maximumf %x, %z : f32
      linalg.yield %a : f32
    } -> tensor<16xf32>
    scf.forall.in_parallel {
      tensor.parallel_insert_slice %t into %s[0] [16] [1] : tensor<16xf32> into tensor<16xf32>
    }
  }
  return %r : tensor<16xf32>
}
