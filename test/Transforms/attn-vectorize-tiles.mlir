// RUN: attn-opt %s -split-input-file -attn-tile-attention="query-tile=32 key-tile=64" -canonicalize -cse -attn-vectorize-tiles | FileCheck %s
// RUN: attn-opt %s -split-input-file -attn-tile-attention="query-tile=32 key-tile=64" -canonicalize -cse -attn-vectorize-tiles | FileCheck %s --check-prefix=VEC

// Static tiles: both contractions become 8 x 16 register blocks, each one
// vector.contract over the whole reduction (D for Q.K^T, the key tile for
// P.V) with the accumulator in registers.

// The K-tile transpose is done in 16 x 16 register blocks, and the row max
// and row sum 16 rows at a time.
// VEC-LABEL: func.func @static_tiles
//   VEC-DAG: vector.transpose %{{.+}}, [1, 0] : vector<16x16xf32> to vector<16x16xf32>
//   VEC-DAG: vector.multi_reduction <maximumf>, %{{.+}}, %{{.+}} [1] : vector<16x64xf32> to vector<16xf32>
//   VEC-DAG: vector.multi_reduction <add>, %{{.+}}, %{{.+}} [1] : vector<16x64xf32> to vector<16xf32>
// CHECK-LABEL: func.func @static_tiles
//       CHECK: scf.forall
//       CHECK:   scf.for
//       CHECK:     scf.for %{{.+}} = %{{.+}} to %{{.+}} step %c8
//       CHECK:       scf.for %{{.+}} = %{{.+}} to %{{.+}} step %c16
//       CHECK:         vector.contract {{.*}}iterator_types = ["parallel", "reduction", "parallel"]{{.*}} : vector<8x64xf32>, vector<64x16xf32> into vector<8x16xf32>
//       CHECK:     scf.for %{{.+}} = %{{.+}} to %{{.+}} step %c8
//       CHECK:       scf.for %{{.+}} = %{{.+}} to %{{.+}} step %c16
//       CHECK:         vector.contract {{.*}} : vector<8x64xf32>, vector<64x16xf32> into vector<8x16xf32>
func.func @static_tiles(%q: tensor<1x2x64x64xf32>, %k: tensor<1x2x128x64xf32>,
                        %v: tensor<1x2x128x64xf32>, %o: tensor<1x2x64x64xf32>) -> tensor<1x2x64x64xf32> {
  %0 = attn.attention ins(%q, %k, %v : tensor<1x2x64x64xf32>, tensor<1x2x128x64xf32>, tensor<1x2x128x64xf32>)
       outs(%o : tensor<1x2x64x64xf32>) -> tensor<1x2x64x64xf32>
  return %0 : tensor<1x2x64x64xf32>
}

// -----

// Partial (dynamically shaped) tiles are left to the scalar loops.

// CHECK-LABEL: func.func @dynamic_tiles
//   CHECK-NOT: vector.contract
//       CHECK: return
func.func @dynamic_tiles(%q: tensor<1x2x?x64xf32>, %k: tensor<1x2x?x64xf32>,
                         %v: tensor<1x2x?x64xf32>, %o: tensor<1x2x?x64xf32>) -> tensor<1x2x?x64xf32> {
  %0 = attn.attention ins(%q, %k, %v : tensor<1x2x?x64xf32>, tensor<1x2x?x64xf32>, tensor<1x2x?x64xf32>)
       outs(%o : tensor<1x2x?x64xf32>) -> tensor<1x2x?x64xf32>
  return %0 : tensor<1x2x?x64xf32>
}
