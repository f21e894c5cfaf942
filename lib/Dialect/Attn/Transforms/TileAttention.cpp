//===- TileAttention.cpp - flash lowering of attn.attention -----*- C++ -*-===//
// PLACEHOLDER: being written (issue 4).
#include "attn/Dialect/Attn/Transforms/Passes.h"
#include "attn/Dialect/Attn/Transforms/Transforms.h"
namespace mlir {
namespace attn {
#define GEN_PASS_DEF_ATTNTILEATTENTION
#include "attn/Dialect/Attn/Transforms/Passes.h.inc"
} // namespace attn
} // namespace mlir
using namespace mlir;
using namespace mlir::attn;
std::pair<int64_t, int64_t> mlir::attn::getDefaultTileSizes(AttentionOp op) {
  return {32, 64};
}
FailureOr<TileAttentionResult>
mlir::attn::tileAttention(RewriterBase &rewriter, AttentionOp op,
                          const TileAttentionOptions &options) {
  return failure();
}
namespace {
struct AttnTileAttentionPass
    : attn::impl::AttnTileAttentionBase<AttnTileAttentionPass> {
  using Base::Base;
  void runOnOperation() override {
    IRRewriter rewriter(&getContext());
    SmallVector<AttentionOp> ops;
    getOperation()->walk([&](AttentionOp op) { ops.push_back(op); });
    for (AttentionOp op : ops)
      if (failed(decomposeAttention(rewriter, op)))
        return signalPassFailure();
  }
};
} // namespace
