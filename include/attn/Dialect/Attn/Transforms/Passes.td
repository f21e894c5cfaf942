//===- Passes.td - attn transformation passes --------------*- tablegen -*-===//
//
// Part of the attn-mlir project.
//
//===----------------------------------------------------------------------===//

#ifndef ATTN_DIALECT_ATTN_TRANSFORMS_PASSES_TD
#define ATTN_DIALECT_ATTN_TRANSFORMS_PASSES_TD

include "mlir/Pass/PassBase.td"

def AttnDecomposeAttention : Pass<"attn-decompose-attention"> {
  let summary = "Lower attn.attention into the unfused linalg chain (the "
                "numerical reference)";
  let description = [{
    Rewrites every `attn.attention` into plain linalg on tensors: the Q*K^T
    contraction, one elementwise op applying scale, softcap, mask, causal and
    window, the max-subtracted softmax (max, exp, sum) and the contraction
    with V followed by the division by the row sum. Scores and statistics are
    f32; GQA is expressed through `floordiv` indexing maps, BSHD through
    permuted indexing maps, so neither K/V repetition nor a transpose is
    materialised. A fully masked row produces 0.

    This lowering materialises the `B x Hq x Sq x Skv` score tensor and is
    the reference every other lowering is checked against.
  }];
  let dependentDialects = [
    "::mlir::arith::ArithDialect", "::mlir::linalg::LinalgDialect",
    "::mlir::math::MathDialect", "::mlir::tensor::TensorDialect"
  ];
}

def AttnVerifyLowered : Pass<"attn-verify-lowered", "ModuleOp"> {
  let summary = "Check that no attn op, and nothing the target cannot "
                "lower, is left";
  let description = [{
    The contract check at the end of the pipelines: fails, naming the op,
    if an `attn` op or another op that is not part of the LLVM dialect (or
    the GPU binary interface) remains.
  }];
  let options = [
    Option<"allowGpu", "allow-gpu", "bool", /*default=*/"false",
           "Accept gpu.binary and gpu module ops">
  ];
}

#endif // ATTN_DIALECT_ATTN_TRANSFORMS_PASSES_TD
