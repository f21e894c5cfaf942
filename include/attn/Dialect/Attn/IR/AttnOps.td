//===- AttnOps.td - attn dialect operations ----------------*- tablegen -*-===//
//
// Part of the attn-mlir project.
//
//===----------------------------------------------------------------------===//

#ifndef ATTN_DIALECT_ATTN_IR_ATTNOPS_TD
#define ATTN_DIALECT_ATTN_IR_ATTNOPS_TD

include "attn/Dialect/Attn/IR/AttnBase.td"
include "mlir/Interfaces/DestinationStyleOpInterface.td"
include "mlir/Interfaces/InferTypeOpInterface.td"
include "mlir/Interfaces/SideEffectInterfaces.td"
include "mlir/Interfaces/TilingInterface.td"
include "mlir/IR/BuiltinAttributes.td"

def Attn_AttentionOp : Attn_Op<"attention", [
    Pure,
    DestinationStyleOpInterface,
    DeclareOpInterfaceMethods<ReifyRankedShapedTypeOpInterface,
        ["reifyResultShapes"]>,
    DeclareOpInterfaceMethods<TilingInterface,
        ["getIterationDomain", "getLoopIteratorTypes",
         "getResultTilePosition", "getTiledImplementation",
         "generateResultTileValue"]>]> {
  let summary = "Scaled dot-product attention";
  let description = [{
    Computes `out = softmax(scale * Q * K^T + mask) * V` for every batch and
    query head, with multi-query and grouped-query attention, optional masks
    (dense, causal and sliding window) and an optional softcap.

    Shapes for the default `bhsd` layout, with batch `B`, query heads `Hq`,
    key/value heads `Hkv`, query length `Sq`, key length `Skv`, head dims `D`
    and `Dv`:

    | operand | shape                | notes                                |
    |---------|----------------------|--------------------------------------|
    | `query` | `[B, Hq, Sq, D]`     | f32, f16 or bf16                     |
    | `key`   | `[B, Hkv, Skv, D]`   | same element type as `query`         |
    | `value` | `[B, Hkv, Skv, Dv]`  | same element type as `query`         |
    | `mask`  | broadcastable to `[B, Hq, Sq, Skv]` | `i1` or a float type  |
    | `init`, result | `[B, Hq, Sq, Dv]` | element type of `value`          |

    With `layout = bshd` the sequence and head dimensions of `query`, `key`,
    `value` and the result are swapped (`[B, S, H, D]`, the layout most
    models and FlashAttention use); the mask is always indexed
    `[B, Hq, Sq, Skv]`. No transpose is materialised: the lowerings read the
    operands in place.

    `Hq` must be a multiple of `Hkv`; query head `h` reads key/value head
    `h / (Hq / Hkv)` (MHA when equal, MQA when `Hkv = 1`, GQA otherwise).
    B, Sq and Skv may be dynamic; the head counts and head dims are static.
    A dynamic mask dimension is taken to have the full size of the dimension
    it is aligned with: broadcasting needs a static 1.

    The algorithm, per batch `b`, query head `h` and query row `i`, with
    `g = h / (Hq / Hkv)` and `delta = 0` for `causal = top_left`, otherwise
    `delta = Skv - Sq`:

    1. `s[j] = scale * sum_d Q[b,h,i,d] * K[b,g,j,d]` in f32 (`scale`
       defaults to `1/sqrt(D)`).
    2. With `softcap = c`: `s[j] = c * tanh(s[j] / c)`.
    3. With a float `mask`: `s[j] += mask[b,h,i,j]` (broadcast). With an `i1`
       mask, key `j` is masked out where the mask is false.
    4. With `causal`, key `j` is masked out where `j > i + delta`. With
       `window = [left, right]`, key `j` is masked out where
       `j < i + delta - left` or `j > i + delta + right`; a bound of -1
       means unbounded on that side (other negative bounds are rejected).
    5. `p[j] = exp(s[j] - max_j s[j])` over the visible keys, 0 for masked
       keys; `out[b,h,i,:] = sum_j p[j] * V[b,g,j,:] / sum_j p[j]`.
       A row whose keys are all masked produces 0.

    Scores, softmax statistics and the accumulator are f32 whatever the input
    element type; the result is rounded to the element type of `value` once.

    The op implements `TilingInterface` over the loops `(b, h, i, e, j)`
    (parallel: batch, query head, query row, value column; reduction: key),
    so upstream tiling (`transform.structured.tile_using_forall`, the scf
    tiling utilities) can split it into smaller `attn.attention` ops. The key
    dimension is only tiled by the online-softmax rewrite
    (`attn-tile-attention`); upstream tiling must leave it whole (tile size 0).
    With grouped-query attention a head tile must be 1 or a multiple of
    `Hq / Hkv`; with `causal` or `window` the query dimension cannot be tiled
    (the mask is anchored at the full sequence).

    Example (grouped-query attention, 8 query heads sharing 2 key/value heads,
    causal, with a padding mask broadcast over heads and queries):

    ```mlir
    %out = attn.attention
        ins(%q, %k, %v : tensor<2x8x128x64xf16>, tensor<2x2x128x64xf16>,
                         tensor<2x2x128x64xf16>)
        mask(%m : tensor<2x1x1x128xi1>)
        outs(%init : tensor<2x8x128x64xf16>)
        causal = top_left -> tensor<2x8x128x64xf16>
    ```

    With every option (BSHD layout, explicit scale, sliding window, softcap):

    ```mlir
    %out = attn.attention
        ins(%q, %k, %v : tensor<?x?x4x64xf32>, tensor<?x?x4x64xf32>,
                         tensor<?x?x4x64xf32>)
        outs(%init : tensor<?x?x4x64xf32>)
        scale = 0.125 causal = bottom_right window = [256, 0] softcap = 30.0
        layout = bshd -> tensor<?x?x4x64xf32>
    ```
  }];

  let arguments = (ins
    AnyRankedTensor:$query,
    AnyRankedTensor:$key,
    AnyRankedTensor:$value,
    Optional<AnyRankedTensor>:$mask,
    AnyRankedTensor:$init,
    OptionalAttr<F32Attr>:$scale,
    OptionalAttr<Attn_CausalAttr>:$causal,
    OptionalAttr<DenseI64ArrayAttr>:$window,
    OptionalAttr<F32Attr>:$softcap,
    OptionalAttr<Attn_LayoutAttr>:$layout
  );
  let results = (outs AnyRankedTensor:$result);

  let assemblyFormat = [{
    `ins` `(` $query `,` $key `,` $value `:` type($query) `,` type($key) `,`
              type($value) `)`
    (`mask` `(` $mask^ `:` type($mask) `)`)?
    `outs` `(` $init `:` type($init) `)`
    (`scale` `=` $scale^)?
    (`causal` `=` $causal^)?
    (`window` `=` $window^)?
    (`softcap` `=` $softcap^)?
    (`layout` `=` $layout^)?
    attr-dict `->` type($result)
  }];

  let builders = [
    OpBuilder<(ins "Value":$query, "Value":$key, "Value":$value,
                   "Value":$mask, "Value":$init), [{
      build($_builder, $_state, init.getType(), query, key, value, mask, init,
            /*scale=*/nullptr, /*causal=*/nullptr, /*window=*/nullptr,
            /*softcap=*/nullptr, /*layout=*/nullptr);
    }]>
  ];

  let extraClassDeclaration = [{
    /// Operand-independent view of the problem sizes. Dimensions that are
    /// dynamic are ShapedType::kDynamic.
    struct Sizes {
      int64_t batch, queryHeads, kvHeads, queryLen, kvLen, headDim, valueDim;
    };
    /// Returns the logical sizes, read from the operands through the layout.
    Sizes getSizes();

    /// Returns the layout, `bhsd` when the attribute is absent.
    Layout getLayoutOrDefault() { return getLayout().value_or(Layout::bhsd); }
    /// Returns the causal alignment, `none` when the attribute is absent.
    Causal getCausalOrDefault() { return getCausal().value_or(Causal::none); }
    /// Returns the score scale: the attribute, or 1/sqrt(D) by default.
    double getScaleOrDefault();
    /// Position of the sequence and head dimensions in Q, K, V and the
    /// result for the op's layout.
    int64_t getSeqDimPos() {
      return getLayoutOrDefault() == Layout::bhsd ? 2 : 1;
    }
    int64_t getHeadDimPos() {
      return getLayoutOrDefault() == Layout::bhsd ? 1 : 2;
    }
    /// Window bounds; -1 means unbounded on that side.
    int64_t getWindowLeft() { return getWindow() ? (*getWindow())[0] : -1; }
    int64_t getWindowRight() { return getWindow() ? (*getWindow())[1] : -1; }

    MutableOperandRange getDpsInitsMutable() { return getInitMutable(); }
  }];

  let hasVerifier = 1;
}

#endif // ATTN_DIALECT_ATTN_IR_ATTNOPS_TD
