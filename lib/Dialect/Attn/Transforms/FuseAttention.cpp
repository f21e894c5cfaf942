//===- FuseAttention.cpp - raise unfused attention chains -------*- C++ -*-===//
//
// Part of the attn-mlir project.
//
//===----------------------------------------------------------------------===//
// PLACEHOLDER: being written (issue 3). Matches nothing yet.

#include "attn/Dialect/Attn/Transforms/Passes.h"
#include "attn/Dialect/Attn/Transforms/Transforms.h"

#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

#define DEBUG_TYPE "attn-fuse-attention"

namespace mlir {
namespace attn {
#define GEN_PASS_DEF_ATTNFUSEATTENTION
#include "attn/Dialect/Attn/Transforms/Passes.h.inc"
} // namespace attn
} // namespace mlir

using namespace mlir;
using namespace mlir::attn;

void mlir::attn::populateFuseAttentionPatterns(
    RewritePatternSet &patterns, const FuseAttentionOptions &options) {}

namespace {
struct AttnFuseAttentionPass
    : attn::impl::AttnFuseAttentionBase<AttnFuseAttentionPass> {
  using Base::Base;
  void runOnOperation() override {}
};
} // namespace
