// Tiles with a dim above 1024 are left to the loop lowering (their vector
// code grows with the tile: a 4096-key tile took 37 s to compile); a
// 1024-key tile is still vectorised.
// RUN: attn-opt %s -attn-tile-attention="query-tile=16 key-tile=2048 key-major=true" -canonicalize -cse -attn-vectorize-tiles | FileCheck %s --check-prefix=LARGE
// RUN: attn-opt %s -attn-tile-attention="query-tile=16 key-tile=1024 key-major=true" -canonicalize -cse -attn-vectorize-tiles | FileCheck %s --check-prefix=LIMIT

// LARGE-LABEL: func.func @f
// LARGE-NOT: vector.contract
// LARGE: linalg.generic
// LIMIT-LABEL: func.func @f
// LIMIT: vector.contract
func.func @f(%q: tensor<1x1x32x16xf32>, %k: tensor<1x1x4096x16xf32>, %v: tensor<1x1x4096x16xf32>) -> tensor<1x1x32x16xf32> {
  %o = tensor.empty() : tensor<1x1x32x16xf32>
  %0 = attn.attention ins(%q, %k, %v : tensor<1x1x32x16xf32>, tensor<1x1x4096x16xf32>, tensor<1x1x4096x16xf32>) outs(%o : tensor<1x1x32x16xf32>) -> tensor<1x1x32x16xf32>
  return %0 : tensor<1x1x32x16xf32>
}
