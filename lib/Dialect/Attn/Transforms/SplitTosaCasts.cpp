//===- SplitTosaCasts.cpp - bf16 <-> f16 tosa.cast through f32 --*- C++ -*-===//
//
// Part of the attn-mlir project.
//
//===----------------------------------------------------------------------===//
//
// tosa-to-linalg lowers tosa.cast between bf16 and f16 to an arith.truncf or
// arith.extf between two 16-bit float types, which arith rejects. Both types
// are exact in f32, so casting through f32 rounds once, as the direct cast
// would.
//
//===----------------------------------------------------------------------===//

#include "attn/Dialect/Attn/Transforms/Passes.h"

#include "mlir/Dialect/Tosa/IR/TosaOps.h"
#include "mlir/IR/PatternMatch.h"

namespace mlir {
namespace attn {
#define GEN_PASS_DEF_ATTNSPLITTOSACASTS
#include "attn/Dialect/Attn/Transforms/Passes.h.inc"
} // namespace attn
} // namespace mlir

using namespace mlir;

namespace {
struct AttnSplitTosaCastsPass
    : attn::impl::AttnSplitTosaCastsBase<AttnSplitTosaCastsPass> {
  void runOnOperation() override {
    SmallVector<tosa::CastOp> casts;
    getOperation()->walk([&](tosa::CastOp op) {
      Type from = getElementTypeOrSelf(op.getInput().getType());
      Type to = getElementTypeOrSelf(op.getType());
      if ((from.isBF16() && to.isF16()) || (from.isF16() && to.isBF16()))
        casts.push_back(op);
    });
    IRRewriter rewriter(&getContext());
    for (tosa::CastOp op : casts) {
      rewriter.setInsertionPoint(op);
      auto type = cast<ShapedType>(op.getType());
      Value wide = tosa::CastOp::create(
          rewriter, op.getLoc(), type.clone(rewriter.getF32Type()),
          op.getInput());
      rewriter.replaceOpWithNewOp<tosa::CastOp>(op, type, wide);
    }
  }
};
} // namespace
