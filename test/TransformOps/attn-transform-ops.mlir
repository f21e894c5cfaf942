// RUN: attn-opt %s -split-input-file -transform-interpreter -verify-diagnostics | FileCheck %s

// transform.attn.tile_attention drives the flash lowering's tile sizes from a
// script and returns handles to the forall and the key loop.

// CHECK-LABEL: func.func @tile_from_script
//   CHECK-NOT:   attn.attention
//       CHECK:   scf.forall ({{.*}}) in (1, 2, 4)
//       CHECK:     tensor<16x64xf32>
//       CHECK:     scf.for
//       CHECK:       tensor<16x8xf32>
//       CHECK:     } {marked}
func.func @tile_from_script(%q: tensor<1x2x64x64xf32>, %k: tensor<1x2x32x64xf32>,
                            %v: tensor<1x2x32x64xf32>, %o: tensor<1x2x64x64xf32>)
    -> tensor<1x2x64x64xf32> {
  %0 = attn.attention ins(%q, %k, %v : tensor<1x2x64x64xf32>, tensor<1x2x32x64xf32>, tensor<1x2x32x64xf32>)
       outs(%o : tensor<1x2x64x64xf32>) -> tensor<1x2x64x64xf32>
  return %0 : tensor<1x2x64x64xf32>
}
module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %a = transform.structured.match ops{["attn.attention"]} in %root
        : (!transform.any_op) -> !transform.any_op
    %forall, %loop = transform.attn.tile_attention %a {query_tile = 16, key_tile = 8}
        : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    transform.annotate %loop "marked" : !transform.any_op
    transform.yield
  }
}

// -----

// Upstream tiling through TilingInterface: (b, h, i) tiled, Dv and the key
// dimension whole. GQA with 4 query heads per K/V head: a head tile of 4
// reads one K/V head.

// CHECK-LABEL: func.func @tile_using_forall_gqa
//  CHECK-SAME: %[[Q:[a-z0-9]+]]: tensor<2x8x32x16xf32>, %[[K:[a-z0-9]+]]: tensor<2x2x40x16xf32>
//       CHECK: scf.forall (%[[B:.+]], %[[HT:.+]], %[[IT:.+]]) in (2, 2, 4)
//       CHECK:   %[[H:.+]] = affine.apply {{.*}}(%[[HT]])
//       CHECK:   %[[I:.+]] = affine.apply {{.*}}(%[[IT]])
//       CHECK:   %[[G:.+]] = affine.apply {{.*}}(%[[H]])
//       CHECK:   %[[QS:.+]] = tensor.extract_slice %[[Q]][%[[B]], %[[H]], %[[I]], 0] [1, 4, 8, 16]
//       CHECK:   %[[KS:.+]] = tensor.extract_slice %[[K]][%[[B]], %[[G]], 0, 0] [1, 1, 40, 16]
//       CHECK:   attn.attention ins(%[[QS]], %[[KS]], %{{.+}} : tensor<1x4x8x16xf32>, tensor<1x1x40x16xf32>, tensor<1x1x40x16xf32>) mask(%{{.+}} : tensor<1x1x8x40xi1>) outs(%{{.+}} : tensor<1x4x8x16xf32>) scale = 2.500000e-01
func.func @tile_using_forall_gqa(%q: tensor<2x8x32x16xf32>, %k: tensor<2x2x40x16xf32>,
                                 %v: tensor<2x2x40x16xf32>, %m: tensor<2x1x32x40xi1>,
                                 %o: tensor<2x8x32x16xf32>) -> tensor<2x8x32x16xf32> {
  %0 = attn.attention ins(%q, %k, %v : tensor<2x8x32x16xf32>, tensor<2x2x40x16xf32>, tensor<2x2x40x16xf32>)
       mask(%m : tensor<2x1x32x40xi1>) outs(%o : tensor<2x8x32x16xf32>) -> tensor<2x8x32x16xf32>
  return %0 : tensor<2x8x32x16xf32>
}
module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %a = transform.structured.match ops{["attn.attention"]} in %root
        : (!transform.any_op) -> !transform.any_op
    %tiled, %forall = transform.structured.tile_using_forall %a tile_sizes [1, 4, 8, 0, 0]
        : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    transform.yield
  }
}


// -----

// A dynamic key length is whole in every tile (tile size 0), as is a dynamic
// query length of a causal attention.

// CHECK-LABEL: func.func @tile_using_forall_dynamic_keys
//       CHECK: scf.forall
//       CHECK:   %[[KS:.+]] = tensor.extract_slice %{{.+}}[%{{.+}}, %{{.+}}, 0, 0] [1, 1, %{{.+}}, 16]
//       CHECK:   attn.attention ins(%{{.+}}, %[[KS]], %{{.+}} : tensor<1x1x4x16xf32>, tensor<1x1x?x16xf32>, tensor<1x1x?x16xf32>)
// CHECK-LABEL: func.func @tile_using_forall_dynamic_causal
//       CHECK: scf.forall
//       CHECK:   attn.attention ins(%{{.+}}, %{{.+}}, %{{.+}} : tensor<1x1x?x16xf32>, tensor<1x1x?x16xf32>, tensor<1x1x?x16xf32>) outs(%{{.+}} : tensor<1x1x?x16xf32>) scale = {{.+}} causal = top_left
func.func @tile_using_forall_dynamic_keys(%q: tensor<1x2x8x16xf32>, %k: tensor<1x2x?x16xf32>,
                                          %v: tensor<1x2x?x16xf32>, %o: tensor<1x2x8x16xf32>) -> tensor<1x2x8x16xf32> {
  %0 = attn.attention ins(%q, %k, %v : tensor<1x2x8x16xf32>, tensor<1x2x?x16xf32>, tensor<1x2x?x16xf32>)
       outs(%o : tensor<1x2x8x16xf32>) -> tensor<1x2x8x16xf32>
  return %0 : tensor<1x2x8x16xf32>
}
func.func @tile_using_forall_dynamic_causal(%q: tensor<1x2x?x16xf32>, %k: tensor<1x2x?x16xf32>,
                                            %v: tensor<1x2x?x16xf32>, %o: tensor<1x2x?x16xf32>) -> tensor<1x2x?x16xf32> {
  %0 = attn.attention ins(%q, %k, %v : tensor<1x2x?x16xf32>, tensor<1x2x?x16xf32>, tensor<1x2x?x16xf32>)
       outs(%o : tensor<1x2x?x16xf32>) causal = top_left -> tensor<1x2x?x16xf32>
  return %0 : tensor<1x2x?x16xf32>
}
module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %a = transform.structured.match ops{["attn.attention"]} in %root
        : (!transform.any_op) -> !transform.any_op
    %s:2 = transform.split_handle %a : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    %t0, %f0 = transform.structured.tile_using_forall %s#0 tile_sizes [1, 1, 4, 0, 0]
        : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    %t1, %f1 = transform.structured.tile_using_forall %s#1 tile_sizes [1, 1, 0, 0, 0]
        : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    transform.yield
  }
}
