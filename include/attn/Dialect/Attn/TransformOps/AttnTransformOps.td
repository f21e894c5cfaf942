//===- AttnTransformOps.td - transform ops of the attn dialect -*- tablegen -*-===//
//
// Part of the attn-mlir project.
//
//===----------------------------------------------------------------------===//

#ifndef ATTN_DIALECT_ATTN_TRANSFORMOPS_ATTNTRANSFORMOPS_TD
#define ATTN_DIALECT_ATTN_TRANSFORMOPS_ATTNTRANSFORMOPS_TD

include "mlir/Dialect/Transform/IR/TransformDialect.td"
include "mlir/Dialect/Transform/Interfaces/TransformInterfaces.td"
include "mlir/Interfaces/SideEffectInterfaces.td"
include "mlir/IR/OpBase.td"

def Attn_TileAttentionOp : Op<Transform_Dialect, "attn.tile_attention",
    [FunctionalStyleTransformOpTrait, MemoryEffectsOpInterface,
     TransformOpInterface, TransformEachOpTrait,
     ReportTrackingListenerFailuresOpTrait]> {
  let summary = "Lower attn.attention into the flash (online-softmax) loop nest";
  let description = [{
    Applies the same rewrite as the `attn-tile-attention` pass to every
    `attn.attention` the handle points to: an `scf.forall` over (batch, query
    head, query tile) and an `scf.for` over key tiles carrying the f32 row
    max, row sum and accumulator. `query_tile` and `key_tile` set the tile
    sizes; 0 picks the documented heuristic.

    Returns handles to the `scf.forall` ops and to the key loops. The target
    handle is consumed. Produces a silenceable failure for a payload op that
    is not `attn.attention`.

    ```mlir
    %a = transform.structured.match ops{["attn.attention"]} in %root
        : (!transform.any_op) -> !transform.any_op
    %forall, %loop = transform.attn.tile_attention %a
        {query_tile = 64, key_tile = 128}
        : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    ```
  }];
  let arguments = (ins TransformHandleTypeInterface:$target,
                   DefaultValuedAttr<I64Attr, "0">:$query_tile,
                   DefaultValuedAttr<I64Attr, "0">:$key_tile);
  let results = (outs TransformHandleTypeInterface:$forall_op,
                      TransformHandleTypeInterface:$key_loop);
  let assemblyFormat =
      "$target attr-dict `:` functional-type(operands, results)";
  let hasVerifier = 1;
  let extraClassDeclaration = [{
    ::mlir::DiagnosedSilenceableFailure applyToOne(
        ::mlir::transform::TransformRewriter &rewriter,
        ::mlir::Operation *target,
        ::mlir::transform::ApplyToEachResultList &results,
        ::mlir::transform::TransformState &state);
  }];
}

def Attn_DecomposeAttentionOp : Op<Transform_Dialect, "attn.decompose_attention",
    [FunctionalStyleTransformOpTrait, MemoryEffectsOpInterface,
     TransformOpInterface, TransformEachOpTrait,
     ReportTrackingListenerFailuresOpTrait]> {
  let summary = "Lower attn.attention into the unfused reference chain";
  let description = [{
    Applies the `attn-decompose-attention` rewrite to every `attn.attention`
    the handle points to and returns a handle to the op producing each
    replacement value (the last linalg.generic of the chain). The target
    handle is consumed.
  }];
  let arguments = (ins TransformHandleTypeInterface:$target);
  let results = (outs TransformHandleTypeInterface:$transformed);
  let assemblyFormat =
      "$target attr-dict `:` functional-type(operands, results)";
  let extraClassDeclaration = [{
    ::mlir::DiagnosedSilenceableFailure applyToOne(
        ::mlir::transform::TransformRewriter &rewriter,
        ::mlir::Operation *target,
        ::mlir::transform::ApplyToEachResultList &results,
        ::mlir::transform::TransformState &state);
  }];
}

#endif // ATTN_DIALECT_ATTN_TRANSFORMOPS_ATTNTRANSFORMOPS_TD
