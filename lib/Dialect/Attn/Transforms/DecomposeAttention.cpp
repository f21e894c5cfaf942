//===- DecomposeAttention.cpp - attn.attention to unfused linalg -*- C++ -*-===//
//
// Part of the attn-mlir project.
//
//===----------------------------------------------------------------------===//
//
// The reference lowering: attn.attention becomes the plain chain of linalg
// ops on tensors that materialises the full score tensor. Every other
// lowering is checked against it.
//
//===----------------------------------------------------------------------===//

#include "attn/Dialect/Attn/Transforms/Passes.h"
#include "attn/Dialect/Attn/Transforms/Transforms.h"
#include "LoweringUtils.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlowOps.h"

#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

#define DEBUG_TYPE "attn-decompose-attention"

namespace mlir {
namespace attn {
#define GEN_PASS_DEF_ATTNDECOMPOSEATTENTION
#define GEN_PASS_DEF_ATTNDECOMPOSEAGGREGATES
#define GEN_PASS_DEF_ATTNFASTEXP
#include "attn/Dialect/Attn/Transforms/Passes.h.inc"
} // namespace attn
} // namespace mlir

using namespace mlir;
using namespace mlir::attn;
using namespace mlir::attn::lowering;

FailureOr<Value> mlir::attn::decomposeAttention(RewriterBase &rewriter,
                                                AttentionOp op) {
  Location loc = op.getLoc();
  OpBuilder::InsertionGuard guard(rewriter);
  rewriter.setInsertionPoint(op);
  emitRuntimeSizeChecks(rewriter, op);
  MLIRContext *ctx = rewriter.getContext();
  Type f32 = rewriter.getF32Type();
  AttentionOp::Sizes sizes = op.getSizes();
  int64_t group = sizes.queryHeads / sizes.kvHeads;
  bool bhsd = op.getLayoutOrDefault() == Layout::bhsd;
  ProblemValues pv = getProblemValues(rewriter, loc, op);

  // Loop dims of the score contraction: (b, h, i, j, d).
  AffineExpr b, h, i, j, d;
  bindDims(ctx, b, h, i, j, d);
  AffineExpr g = h.floorDiv(group);
  auto qMap = AffineMap::get(5, 0,
                             bhsd ? ArrayRef<AffineExpr>{b, h, i, d}
                                  : ArrayRef<AffineExpr>{b, i, h, d},
                             ctx);
  auto kMap = AffineMap::get(5, 0,
                             bhsd ? ArrayRef<AffineExpr>{b, g, j, d}
                                  : ArrayRef<AffineExpr>{b, j, g, d},
                             ctx);
  auto sMap5 = AffineMap::get(5, 0, {b, h, i, j}, ctx);

  SmallVector<OpFoldResult> scoreShape = {pv.batch, pv.queryHeads, pv.queryLen,
                                          pv.kvLen};
  SmallVector<OpFoldResult> rowShape = {pv.batch, pv.queryHeads, pv.queryLen};
  SmallVector<OpFoldResult> accShape = {pv.batch, pv.queryHeads, pv.queryLen,
                                        pv.valueDim};

  Value zero = arith::ConstantOp::create(rewriter, loc, f32,
                                         rewriter.getF32FloatAttr(0.0f));
  Value negInf = arith::ConstantOp::create(
      rewriter, loc, f32,
      rewriter.getF32FloatAttr(-std::numeric_limits<float>::infinity()));

  auto filled = [&](ArrayRef<OpFoldResult> shape, Value value) {
    // Sizes that are constant values (a tensor.dim folded through a
    // tensor.cast of a static tensor) become static, as in the result
    // types built with getStaticShape.
    SmallVector<OpFoldResult> sizes;
    for (OpFoldResult size : shape)
      sizes.push_back(isa<Value>(size) ? getAsOpFoldResult(cast<Value>(size))
                                       : size);
    Value empty = tensor::EmptyOp::create(rewriter, loc, sizes, f32);
    return linalg::FillOp::create(rewriter, loc, value, empty).getResult(0);
  };

  // 1. s = Q . K^T in f32.
  SmallVector<utils::IteratorType> contractIters(4,
                                                 utils::IteratorType::parallel);
  contractIters.push_back(utils::IteratorType::reduction);
  Value scores =
      linalg::GenericOp::create(
          rewriter, loc, TypeRange{RankedTensorType::get(
                             getStaticShape(scoreShape), f32)},
          ValueRange{op.getQuery(), op.getKey()},
          ValueRange{filled(scoreShape, zero)},
          ArrayRef<AffineMap>{qMap, kMap, sMap5}, contractIters,
          [&](OpBuilder &nb, Location nl, ValueRange args) {
            Value qv = extendToF32(nb, nl, args[0]);
            Value kv = extendToF32(nb, nl, args[1]);
            Value prod = arith::MulFOp::create(nb, nl, qv, kv);
            Value sum = arith::AddFOp::create(nb, nl, args[2], prod);
            linalg::YieldOp::create(nb, nl, sum);
          })
          .getResult(0);

  // 2. Scale, softcap, mask, causal and window, in one elementwise op.
  AffineMap id4 = AffineMap::getMultiDimIdentityMap(4, ctx);
  SmallVector<utils::IteratorType> par4(4, utils::IteratorType::parallel);
  SmallVector<Value> ins;
  SmallVector<AffineMap> maps;
  Value mask = op.getMask();
  if (mask) {
    ins.push_back(mask);
    maps.push_back(getMaskBroadcastMap(cast<RankedTensorType>(mask.getType()),
                                       ctx));
  }
  maps.push_back(id4);
  ScoreModifiers mods = getScoreModifiers(rewriter, loc, op, pv);
  scores = linalg::GenericOp::create(
               rewriter, loc, TypeRange{scores.getType()}, ins,
               ValueRange{scores}, maps, par4,
               [&](OpBuilder &nb, Location nl, ValueRange args) {
                 Value s = args.back();
                 Value maskValue = mask ? args[0] : Value();
                 Value row = linalg::IndexOp::create(nb, nl, 2);
                 Value col = linalg::IndexOp::create(nb, nl, 3);
                 s = applyScoreModifiers(nb, nl, mods, s, maskValue, row, col);
                 linalg::YieldOp::create(nb, nl, s);
               })
               .getResult(0);

  // 3. Row max over the keys.
  AffineMap rowMap = AffineMap::get(4, 0, {b, h, i}, ctx);
  SmallVector<utils::IteratorType> redIters = {
      utils::IteratorType::parallel, utils::IteratorType::parallel,
      utils::IteratorType::parallel, utils::IteratorType::reduction};
  auto rowType = RankedTensorType::get(getStaticShape(rowShape), f32);
  Value rowMax =
      linalg::GenericOp::create(
          rewriter, loc, TypeRange{rowType}, ValueRange{scores},
          ValueRange{filled(rowShape, negInf)},
          ArrayRef<AffineMap>{id4, rowMap}, redIters,
          [&](OpBuilder &nb, Location nl, ValueRange args) {
            Value m = arith::MaximumFOp::create(nb, nl, args[0], args[1]);
            linalg::YieldOp::create(nb, nl, m);
          })
          .getResult(0);

  // 4. p = exp(s - max), 0 where the whole row is masked.
  Value probs =
      linalg::GenericOp::create(
          rewriter, loc, TypeRange{scores.getType()},
          ValueRange{rowMax}, ValueRange{scores},
          ArrayRef<AffineMap>{rowMap, id4}, par4,
          [&](OpBuilder &nb, Location nl, ValueRange args) {
            linalg::YieldOp::create(
                nb, nl, safeExpDiff(nb, nl, args[1], args[0]));
          })
          .getResult(0);

  // 5. Row sum.
  Value rowSum =
      linalg::GenericOp::create(
          rewriter, loc, TypeRange{rowType}, ValueRange{probs},
          ValueRange{filled(rowShape, zero)},
          ArrayRef<AffineMap>{id4, rowMap}, redIters,
          [&](OpBuilder &nb, Location nl, ValueRange args) {
            Value sum = arith::AddFOp::create(nb, nl, args[0], args[1]);
            linalg::YieldOp::create(nb, nl, sum);
          })
          .getResult(0);

  // 6. acc = p . V over dims (b, h, i, e, j).
  AffineExpr e;
  bindDims(ctx, b, h, i, e, j);
  g = h.floorDiv(group);
  auto pMap = AffineMap::get(5, 0, {b, h, i, j}, ctx);
  auto vMap = AffineMap::get(5, 0,
                             bhsd ? ArrayRef<AffineExpr>{b, g, j, e}
                                  : ArrayRef<AffineExpr>{b, j, g, e},
                             ctx);
  auto accMap = AffineMap::get(5, 0, {b, h, i, e}, ctx);
  Value acc =
      linalg::GenericOp::create(
          rewriter, loc,
          TypeRange{RankedTensorType::get(getStaticShape(accShape), f32)},
          ValueRange{probs, op.getValue()}, ValueRange{filled(accShape, zero)},
          ArrayRef<AffineMap>{pMap, vMap, accMap}, contractIters,
          [&](OpBuilder &nb, Location nl, ValueRange args) {
            Value vv = extendToF32(nb, nl, args[1]);
            Value prod = arith::MulFOp::create(nb, nl, args[0], vv);
            Value sum = arith::AddFOp::create(nb, nl, args[2], prod);
            linalg::YieldOp::create(nb, nl, sum);
          })
          .getResult(0);

  // 7. out = acc / sum (0 for a fully masked row), in the result's layout and
  // element type.
  bindDims(ctx, b, h, i, e);
  auto outMap = AffineMap::get(4, 0,
                               bhsd ? ArrayRef<AffineExpr>{b, h, i, e}
                                    : ArrayRef<AffineExpr>{b, i, h, e},
                               ctx);
  Type outElt = getElementTypeOrSelf(op.getInit());
  Value result =
      linalg::GenericOp::create(
          rewriter, loc, TypeRange{op.getInit().getType()},
          ValueRange{acc, rowSum}, ValueRange{op.getInit()},
          ArrayRef<AffineMap>{id4, rowMap, outMap}, par4,
          [&](OpBuilder &nb, Location nl, ValueRange args) {
            Value out = safeDivide(nb, nl, args[0], args[1]);
            linalg::YieldOp::create(nb, nl,
                                    truncateFromF32(nb, nl, out, outElt));
          })
          .getResult(0);

  rewriter.replaceOp(op, result);
  return result;
}

namespace {
/// Applies decomposeAttention to every attn.attention.
struct DecomposeAttentionPattern : OpRewritePattern<AttentionOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(AttentionOp op,
                                PatternRewriter &rewriter) const override {
    if (failed(decomposeAttention(rewriter, op)))
      return rewriter.notifyMatchFailure(op, "could not decompose");
    return success();
  }
};

struct AttnDecomposeAttentionPass
    : attn::impl::AttnDecomposeAttentionBase<AttnDecomposeAttentionPass> {
  void runOnOperation() override {
    IRRewriter rewriter(&getContext());
    SmallVector<AttentionOp> ops;
    getOperation()->walk([&](AttentionOp op) { ops.push_back(op); });
    for (AttentionOp op : ops) {
      if (failed(decomposeAttention(rewriter, op))) {
        op.emitError("failed to decompose attn.attention");
        return signalPassFailure();
      }
    }
  }
};
struct AttnDecomposeAggregatesPass
    : attn::impl::AttnDecomposeAggregatesBase<AttnDecomposeAggregatesPass> {
  void runOnOperation() override {
    IRRewriter rewriter(&getContext());
    SmallVector<linalg::AggregatedOpInterface> ops;
    getOperation()->walk(
        [&](linalg::AggregatedOpInterface op) { ops.push_back(op); });
    for (linalg::AggregatedOpInterface op : ops) {
      // Upstream decompositions build tensor ops: an aggregate on buffers
      // would come out as invalid mixed IR.
      if (auto dps = dyn_cast<DestinationStyleOpInterface>(op.getOperation());
          dps && !dps.hasPureTensorSemantics()) {
        op->emitError("attn-decompose-aggregates: this op works on buffers; "
                      "only its tensor form can be decomposed (run the pass "
                      "before bufferization)");
        return signalPassFailure();
      }
      rewriter.setInsertionPoint(op);
      FailureOr<SmallVector<Value>> results =
          op.decomposeOperation(rewriter);
      if (failed(results)) {
        op->emitError("could not decompose this aggregate op");
        return signalPassFailure();
      }
      rewriter.replaceOp(op, *results);
    }
  }
};
struct AttnFastExpPass : attn::impl::AttnFastExpBase<AttnFastExpPass> {
  void runOnOperation() override {
    SmallVector<math::ExpOp> exps;
    getOperation()->walk([&](math::ExpOp op) {
      if (op.getType().isF32())
        exps.push_back(op);
    });
    IRRewriter rewriter(&getContext());
    for (math::ExpOp op : exps) {
      rewriter.setInsertionPoint(op);
      rewriter.replaceOp(op, fastExp(rewriter, op.getLoc(), op.getOperand()));
    }
  }
};
} // namespace

void mlir::attn::populateDecomposeAttentionPatterns(
    RewritePatternSet &patterns) {
  patterns.add<DecomposeAttentionPattern>(patterns.getContext());
}
