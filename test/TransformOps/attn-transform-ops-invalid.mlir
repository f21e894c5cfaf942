// RUN: not attn-opt %s -split-input-file -transform-interpreter 2>&1 | FileCheck %s

// What TilingInterface and the transform ops refuse, with the reason.

// The key dimension is a softmax reduction: upstream tiling must refuse it.
// CHECK: warning: {{.*}}cannot tile the key dimension (a softmax reduction) by TilingInterface; leave its tile size 0
func.func @refuse_key_tiling(%q: tensor<1x2x8x16xf32>, %k: tensor<1x2x40x16xf32>,
                             %v: tensor<1x2x40x16xf32>, %o: tensor<1x2x8x16xf32>) -> tensor<1x2x8x16xf32> {
  %0 = attn.attention ins(%q, %k, %v : tensor<1x2x8x16xf32>, tensor<1x2x40x16xf32>, tensor<1x2x40x16xf32>)
       outs(%o : tensor<1x2x8x16xf32>) -> tensor<1x2x8x16xf32>
  return %0 : tensor<1x2x8x16xf32>
}
module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %a = transform.structured.match ops{["attn.attention"]} in %root
        : (!transform.any_op) -> !transform.any_op
    %tiled, %loop = transform.structured.tile_using_for %a tile_sizes [0, 0, 0, 0, 8]
        : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    transform.yield
  }
}


// -----

// GQA head tiles that split a group are refused with the reason.
// CHECK: warning: {{.*}}with grouped-query attention (4 query heads per key/value head) a head tile must be 1 or a multiple of 4
func.func @refuse_split_group(%q: tensor<1x8x8x16xf32>, %k: tensor<1x2x40x16xf32>,
                              %v: tensor<1x2x40x16xf32>, %o: tensor<1x8x8x16xf32>) -> tensor<1x8x8x16xf32> {

  %0 = attn.attention ins(%q, %k, %v : tensor<1x8x8x16xf32>, tensor<1x2x40x16xf32>, tensor<1x2x40x16xf32>)
       outs(%o : tensor<1x8x8x16xf32>) -> tensor<1x8x8x16xf32>
  return %0 : tensor<1x8x8x16xf32>
}
module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %a = transform.structured.match ops{["attn.attention"]} in %root
        : (!transform.any_op) -> !transform.any_op
    %tiled, %forall = transform.structured.tile_using_forall %a tile_sizes [0, 2]
        : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    transform.yield
  }
}


// -----

// A payload op that is not attention gives a diagnostic, not a crash.
// CHECK: error: expected an attn.attention payload op, got 'arith.addf'
func.func @not_attention(%a: tensor<4xf32>) -> tensor<4xf32> {
  %0 = arith.addf %a, %a : tensor<4xf32>
  return %0 : tensor<4xf32>
}
module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %a = transform.structured.match ops{["arith.addf"]} in %root
        : (!transform.any_op) -> !transform.any_op
    %forall, %loop = transform.attn.tile_attention %a
        : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    transform.yield
  }
}

// -----

// A value-column tile that does not divide Dv would leave a dynamic head dim.
// CHECK: warning: {{.*}}head and value-column tile sizes must divide Hq and Dv
func.func @refuse_partial_dv(%q: tensor<1x2x8x16xf32>, %k: tensor<1x2x40x16xf32>,
                             %v: tensor<1x2x40x5xf32>, %o: tensor<1x2x8x5xf32>) -> tensor<1x2x8x5xf32> {
  %0 = attn.attention ins(%q, %k, %v : tensor<1x2x8x16xf32>, tensor<1x2x40x16xf32>, tensor<1x2x40x5xf32>)
       outs(%o : tensor<1x2x8x5xf32>) -> tensor<1x2x8x5xf32>
  return %0 : tensor<1x2x8x5xf32>
}
module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %a = transform.structured.match ops{["attn.attention"]} in %root
        : (!transform.any_op) -> !transform.any_op
    %tiled, %forall = transform.structured.tile_using_forall %a tile_sizes [0, 0, 0, 2]
        : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    transform.yield
  }
}

// -----

// Tile sizes past 2^24 (whose tile arithmetic could overflow) are refused by
// the op's verifier, as attn-tile-attention refuses them.
// CHECK: error: 'transform.attn.tile_attention' op tile sizes must be in [0, 16777216] (0 = heuristic), got query_tile = 9223372036854775807, key_tile = 8
func.func @refuse_huge_tile(%q: tensor<1x2x8x16xf32>, %k: tensor<1x1x40x16xf32>,
                            %v: tensor<1x1x40x16xf32>, %o: tensor<1x2x8x16xf32>) -> tensor<1x2x8x16xf32> {
  %0 = attn.attention ins(%q, %k, %v : tensor<1x2x8x16xf32>, tensor<1x1x40x16xf32>, tensor<1x1x40x16xf32>)
       outs(%o : tensor<1x2x8x16xf32>) -> tensor<1x2x8x16xf32>
  return %0 : tensor<1x2x8x16xf32>
}
module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %a = transform.structured.match ops{["attn.attention"]} in %root
        : (!transform.any_op) -> !transform.any_op
    %forall, %loop = transform.attn.tile_attention %a {query_tile = 9223372036854775807, key_tile = 8}
        : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    transform.yield
  }
}

// -----

// A zero-sized operand (Skv = 0): the slices would be out of bounds; the
// op computes nothing to tile (attn-tile-attention lowers it to zeros).
// CHECK: warning: {{.*}}cannot tile an attention with a zero-sized operand ('tensor<1x1x0x16xf32>'); it computes nothing
func.func @refuse_zero_sized(%q: tensor<1x1x4x16xf32>, %k: tensor<1x1x0x16xf32>, %v: tensor<1x1x0x16xf32>, %o: tensor<1x1x4x16xf32>) -> tensor<1x1x4x16xf32> {
  %0 = attn.attention ins(%q, %k, %v : tensor<1x1x4x16xf32>, tensor<1x1x0x16xf32>, tensor<1x1x0x16xf32>) outs(%o : tensor<1x1x4x16xf32>) -> tensor<1x1x4x16xf32>
  return %0 : tensor<1x1x4x16xf32>
}
module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %a = transform.structured.match ops{["attn.attention"]} in %root : (!transform.any_op) -> !transform.any_op
    %t, %f = transform.structured.tile_using_forall %a tile_sizes [0, 0, 2, 0, 0] : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    transform.yield
  }
}
