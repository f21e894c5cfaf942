//===- AttnOpTest.cpp - unit tests of attn.attention --------------*- C++ -*-===//
//
// Part of the attn-mlir project.
//
//===----------------------------------------------------------------------===//
//
// Builds attn.attention from C++ the way an integrating compiler would, and
// checks the verifier, the shape helpers and the reference decomposition
// against the contract in ARCHITECTURE.md.
//
//===----------------------------------------------------------------------===//

#include "attn/Dialect/Attn/IR/Attn.h"
#include "attn/Dialect/Attn/Transforms/Transforms.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/IR/Verifier.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

#include "gtest/gtest.h"

#include <cmath>
#include <string>

using namespace mlir;
using namespace mlir::attn;

namespace {

constexpr int64_t kDyn = ShapedType::kDynamic;

/// Fixture: a context with the dialects the op and its decomposition need,
/// and a module holding one function per test whose arguments are the
/// operands.
class AttnOpTest : public ::testing::Test {
protected:
  AttnOpTest() : builder(&ctx) {
    DialectRegistry registry;
    registry.insert<AttnDialect, arith::ArithDialect, func::FuncDialect,
                    linalg::LinalgDialect, math::MathDialect,
                    scf::SCFDialect, tensor::TensorDialect>();
    ctx.appendDialectRegistry(registry);
    ctx.loadAllAvailableDialects();
    loc = builder.getUnknownLoc();
    module = ModuleOp::create(builder, loc);
  }

  /// Tensor type of `shape` with element type `elt` (f32 by default).
  RankedTensorType tensor(ArrayRef<int64_t> shape, Type elt = {}) {
    return RankedTensorType::get(shape, elt ? elt : builder.getF32Type());
  }

  /// Creates `func.func @f(types...) -> resultType`, leaves the builder at the
  /// end of its body and returns the arguments.
  SmallVector<Value> makeFunc(ArrayRef<Type> types, Type resultType) {
    builder.setInsertionPointToEnd(module->getBody());
    auto fnType = builder.getFunctionType(types, {resultType});
    auto fn = func::FuncOp::create(
        builder, loc, "f" + std::to_string(funcCount++), fnType);
    Block *body = fn.addEntryBlock();
    builder.setInsertionPointToEnd(body);
    return SmallVector<Value>(body->getArguments());
  }

  /// Builds an op over fresh function arguments of the given types and a
  /// `func.return` of its result. `mask` may be null.
  AttentionOp build(Type q, Type k, Type v, Type mask, Type init) {
    SmallVector<Type> types = {q, k, v};
    if (mask)
      types.push_back(mask);
    types.push_back(init);
    SmallVector<Value> args = makeFunc(types, init);
    Value maskValue = mask ? args[3] : Value();
    auto op = AttentionOp::create(builder, loc, args[0], args[1], args[2],
                                  maskValue, args.back());
    func::ReturnOp::create(builder, loc, op.getResult());
    return op;
  }

  /// Runs the op's verifier and returns the diagnostics it emitted (empty
  /// when it succeeded).
  std::string verifyAndCapture(Operation *op) {
    std::string messages;
    ScopedDiagnosticHandler handler(&ctx, [&](Diagnostic &diag) {
      messages += diag.str();
      messages += "\n";
      return success();
    });
    if (succeeded(mlir::verify(op)))
      return "";
    return messages.empty() ? std::string("<failed without message>")
                            : messages;
  }

  /// Counts the attn ops left in the module.
  int countAttnOps() {
    int count = 0;
    module->walk([&](AttentionOp) { ++count; });
    return count;
  }

  MLIRContext ctx;
  OpBuilder builder;
  Location loc = UnknownLoc::get(&ctx);
  OwningOpRef<ModuleOp> module;
  int funcCount = 0;
};

//===----------------------------------------------------------------------===//
// Building and accessors
//===----------------------------------------------------------------------===//

TEST_F(AttnOpTest, BuildsMhaWithDefaults) {
  AttentionOp op = build(tensor({2, 4, 16, 32}), tensor({2, 4, 24, 32}),
                         tensor({2, 4, 24, 48}), {}, tensor({2, 4, 16, 48}));
  EXPECT_EQ(verifyAndCapture(op), "");
  EXPECT_EQ(op.getResult().getType(), tensor({2, 4, 16, 48}));
  EXPECT_FALSE(op.getMask());
  EXPECT_EQ(op.getLayoutOrDefault(), Layout::bhsd);
  EXPECT_EQ(op.getCausalOrDefault(), Causal::none);
  EXPECT_EQ(op.getWindowLeft(), -1);
  EXPECT_EQ(op.getWindowRight(), -1);
  EXPECT_FALSE(op.getSoftcap().has_value());
  EXPECT_EQ(op.getSeqDimPos(), 2);
  EXPECT_EQ(op.getHeadDimPos(), 1);
  // Default scale is 1/sqrt(D) with D = 32.
  EXPECT_DOUBLE_EQ(op.getScaleOrDefault(), 1.0 / std::sqrt(32.0));
  // The op is in destination-passing style on `init`.
  auto dps = cast<DestinationStyleOpInterface>(op.getOperation());
  ASSERT_EQ(dps.getNumDpsInits(), 1);
  EXPECT_EQ(dps.getDpsInitOperand(0)->get(), op.getInit());
  EXPECT_EQ(verifyAndCapture(*module), "");
}

TEST_F(AttnOpTest, GetSizesBhsdGqa) {
  AttentionOp op = build(tensor({3, 8, 16, 64}), tensor({3, 2, 40, 64}),
                         tensor({3, 2, 40, 32}), {}, tensor({3, 8, 16, 32}));
  ASSERT_EQ(verifyAndCapture(op), "");
  AttentionOp::Sizes s = op.getSizes();
  EXPECT_EQ(s.batch, 3);
  EXPECT_EQ(s.queryHeads, 8);
  EXPECT_EQ(s.kvHeads, 2);
  EXPECT_EQ(s.queryLen, 16);
  EXPECT_EQ(s.kvLen, 40);
  EXPECT_EQ(s.headDim, 64);
  EXPECT_EQ(s.valueDim, 32);
  EXPECT_DOUBLE_EQ(op.getScaleOrDefault(), 0.125);
}

TEST_F(AttnOpTest, GetSizesBshdReadsThroughTheLayout) {
  // [B, S, H, D]: sequence at dim 1, heads at dim 2.
  AttentionOp op = build(tensor({3, 16, 8, 64}), tensor({3, 40, 1, 64}),
                         tensor({3, 40, 1, 32}), {}, tensor({3, 16, 8, 32}));
  op.setLayout(Layout::bshd);
  ASSERT_EQ(verifyAndCapture(op), "");
  EXPECT_EQ(op.getLayoutOrDefault(), Layout::bshd);
  EXPECT_EQ(op.getSeqDimPos(), 1);
  EXPECT_EQ(op.getHeadDimPos(), 2);
  AttentionOp::Sizes s = op.getSizes();
  EXPECT_EQ(s.batch, 3);
  EXPECT_EQ(s.queryHeads, 8);
  EXPECT_EQ(s.kvHeads, 1);
  EXPECT_EQ(s.queryLen, 16);
  EXPECT_EQ(s.kvLen, 40);
  EXPECT_EQ(s.headDim, 64);
  EXPECT_EQ(s.valueDim, 32);
}

TEST_F(AttnOpTest, GetSizesDynamic) {
  AttentionOp op =
      build(tensor({kDyn, 4, kDyn, 16}), tensor({kDyn, 4, kDyn, 16}),
            tensor({kDyn, 4, kDyn, 16}), {}, tensor({kDyn, 4, kDyn, 16}));
  ASSERT_EQ(verifyAndCapture(op), "");
  AttentionOp::Sizes s = op.getSizes();
  EXPECT_EQ(s.batch, kDyn);
  EXPECT_EQ(s.queryLen, kDyn);
  EXPECT_EQ(s.kvLen, kDyn);
  EXPECT_EQ(s.queryHeads, 4);
  EXPECT_EQ(s.headDim, 16);
  EXPECT_DOUBLE_EQ(op.getScaleOrDefault(), 0.25);
}

TEST_F(AttnOpTest, OptionalAttributesThroughSetters) {
  AttentionOp op = build(tensor({1, 2, 16, 8}), tensor({1, 2, 16, 8}),
                         tensor({1, 2, 16, 8}), {}, tensor({1, 2, 16, 8}));
  op.setScaleAttr(builder.getF32FloatAttr(0.5f));
  op.setSoftcapAttr(builder.getF32FloatAttr(30.0f));
  op.setCausal(Causal::bottom_right);
  op.setWindowAttr(builder.getDenseI64ArrayAttr({128, 0}));
  EXPECT_EQ(verifyAndCapture(op), "");
  EXPECT_DOUBLE_EQ(op.getScaleOrDefault(), 0.5);
  EXPECT_EQ(op.getCausalOrDefault(), Causal::bottom_right);
  EXPECT_EQ(op.getWindowLeft(), 128);
  EXPECT_EQ(op.getWindowRight(), 0);
  ASSERT_TRUE(op.getSoftcap().has_value());
  EXPECT_DOUBLE_EQ(op.getSoftcap()->convertToDouble(), 30.0);
}

//===----------------------------------------------------------------------===//
// Verifier
//===----------------------------------------------------------------------===//

TEST_F(AttnOpTest, VerifierAcceptsEveryElementTypeAndMaskKind) {
  Type f16 = builder.getF16Type(), bf16 = builder.getBF16Type();
  Type i1 = builder.getI1Type(), f32 = builder.getF32Type();
  for (Type elt : {f32, f16, bf16}) {
    for (Type maskElt : {i1, f32, f16, bf16}) {
      AttentionOp op = build(
          tensor({2, 4, 16, 8}, elt), tensor({2, 2, 24, 8}, elt),
          tensor({2, 2, 24, 8}, elt), tensor({2, 1, 16, 24}, maskElt),
          tensor({2, 4, 16, 8}, elt));
      EXPECT_EQ(verifyAndCapture(op), "");
    }
  }
}

TEST_F(AttnOpTest, VerifierAcceptsBroadcastMasksOfRanksZeroToFour) {
  SmallVector<SmallVector<int64_t>> shapes = {
      {}, {24}, {1}, {16, 24}, {16, 1}, {4, 16, 24},
      {1, 1, 24}, {2, 4, 16, 24}, {2, 1, 1, 24}, {1, 1, 1, 1}, {kDyn, 24}};
  for (ArrayRef<int64_t> shape : shapes) {
    AttentionOp op = build(tensor({2, 4, 16, 8}), tensor({2, 4, 24, 8}),
                           tensor({2, 4, 24, 8}),
                           tensor(shape, builder.getI1Type()),
                           tensor({2, 4, 16, 8}));
    EXPECT_EQ(verifyAndCapture(op), "") << "mask rank " << shape.size();
  }
}

TEST_F(AttnOpTest, VerifierRejectsHqNotMultipleOfHkv) {
  AttentionOp op = build(tensor({2, 6, 16, 8}), tensor({2, 4, 24, 8}),
                         tensor({2, 4, 24, 8}), {}, tensor({2, 6, 16, 8}));
  std::string msg = verifyAndCapture(op);
  EXPECT_NE(msg.find("Hq = 6 must be a multiple of the key/value head count "
                     "Hkv = 4"),
            std::string::npos)
      << msg;
}

TEST_F(AttnOpTest, VerifierRejectsShapeMismatchesNamingOperands) {
  struct Case {
    SmallVector<int64_t> q, k, v, o;
    const char *expected;
  };
  Case cases[] = {
      {{2, 4, 16, 8}, {2, 4, 24, 9}, {2, 4, 24, 8}, {2, 4, 16, 8},
       "head dim D mismatch: 'query' has 8"},
      {{2, 4, 16, 8}, {2, 4, 24, 8}, {2, 4, 24, 8}, {2, 4, 16, 7},
       "value head dim Dv mismatch: 'value' has 8"},
      {{2, 4, 16, 8}, {3, 4, 24, 8}, {2, 4, 24, 8}, {2, 4, 16, 8},
       "batch size mismatch: 'query' has 2"},
      {{2, 4, 16, 8}, {2, 4, 24, 8}, {2, 4, 25, 8}, {2, 4, 16, 8},
       "key length Skv mismatch: 'key' has 24"},
      {{2, 4, 16, 8}, {2, 4, 24, 8}, {2, 4, 24, 8}, {2, 4, 17, 8},
       "query length Sq mismatch: 'query' has 16"},
      {{2, 4, 16, 8}, {2, 4, 24, 8}, {2, 4, 24}, {2, 4, 16, 8},
       "operand 'value' must have rank 4"},
      {{2, kDyn, 16, 8}, {2, 4, 24, 8}, {2, 4, 24, 8}, {2, 4, 16, 8},
       "operand 'query' has a dynamic head count"},
  };
  for (const Case &c : cases) {
    AttentionOp op =
        build(tensor(c.q), tensor(c.k), tensor(c.v), {}, tensor(c.o));
    std::string msg = verifyAndCapture(op);
    EXPECT_NE(msg.find(c.expected), std::string::npos)
        << "expected '" << c.expected << "', got '" << msg << "'";
  }
}

TEST_F(AttnOpTest, VerifierRejectsMixedAndUnsupportedElementTypes) {
  Type f16 = builder.getF16Type(), f64 = builder.getF64Type();
  AttentionOp mixed =
      build(tensor({2, 4, 16, 8}), tensor({2, 4, 24, 8}, f16),
            tensor({2, 4, 24, 8}), {}, tensor({2, 4, 16, 8}));
  EXPECT_NE(verifyAndCapture(mixed).find("operand 'key' has element type "
                                         "'f16', but 'query' has 'f32'"),
            std::string::npos);
  AttentionOp wide =
      build(tensor({2, 4, 16, 8}, f64), tensor({2, 4, 24, 8}, f64),
            tensor({2, 4, 24, 8}, f64), {}, tensor({2, 4, 16, 8}, f64));
  EXPECT_NE(verifyAndCapture(wide).find("only f32, f16 and bf16"),
            std::string::npos);
  AttentionOp badMask = build(
      tensor({2, 4, 16, 8}), tensor({2, 4, 24, 8}), tensor({2, 4, 24, 8}),
      tensor({16, 24}, builder.getI8Type()), tensor({2, 4, 16, 8}));
  EXPECT_NE(verifyAndCapture(badMask).find("operand 'mask' has element type "
                                           "'i8'"),
            std::string::npos);
}

TEST_F(AttnOpTest, VerifierRejectsMasksThatDoNotBroadcast) {
  SmallVector<SmallVector<int64_t>> shapes = {
      {23}, {16, 23}, {3, 16, 24}, {2, 4, 24, 16}};
  for (ArrayRef<int64_t> shape : shapes) {
    AttentionOp op = build(tensor({2, 4, 16, 8}), tensor({2, 4, 24, 8}),
                           tensor({2, 4, 24, 8}), tensor(shape),
                           tensor({2, 4, 16, 8}));
    std::string msg = verifyAndCapture(op);
    EXPECT_NE(msg.find("does not broadcast to [B, Hq, Sq, Skv] = 2x4x16x24"),
              std::string::npos)
        << msg;
  }
  AttentionOp rank5 = build(tensor({2, 4, 16, 8}), tensor({2, 4, 24, 8}),
                            tensor({2, 4, 24, 8}), tensor({1, 2, 4, 16, 24}),
                            tensor({2, 4, 16, 8}));
  EXPECT_NE(verifyAndCapture(rank5).find("operand 'mask' has rank 5"),
            std::string::npos);
}

TEST_F(AttnOpTest, VerifierRejectsBadAttributes) {
  auto fresh = [&]() {
    return build(tensor({1, 2, 16, 8}), tensor({1, 2, 16, 8}),
                 tensor({1, 2, 16, 8}), {}, tensor({1, 2, 16, 8}));
  };
  float inf = std::numeric_limits<float>::infinity();
  float nan = std::numeric_limits<float>::quiet_NaN();
  for (float scale : {0.0f, -0.0f, inf, -inf, nan}) {
    AttentionOp op = fresh();
    op.setScaleAttr(builder.getF32FloatAttr(scale));
    EXPECT_NE(verifyAndCapture(op).find("scale must be finite and non-zero"),
              std::string::npos)
        << scale;
  }
  for (float cap : {0.0f, -1.0f, inf, nan}) {
    AttentionOp op = fresh();
    op.setSoftcapAttr(builder.getF32FloatAttr(cap));
    EXPECT_NE(
        verifyAndCapture(op).find("softcap must be finite and positive"),
        std::string::npos)
        << cap;
  }
  for (SmallVector<int64_t> window :
       {SmallVector<int64_t>{}, {1}, {1, 2, 3}}) {
    AttentionOp op = fresh();
    op.setWindowAttr(builder.getDenseI64ArrayAttr(window));
    EXPECT_NE(verifyAndCapture(op).find("window must have 2 elements"),
              std::string::npos);
  }
  for (SmallVector<int64_t> window : {SmallVector<int64_t>{-2, 0}, {0, -5}}) {
    AttentionOp op = fresh();
    op.setWindowAttr(builder.getDenseI64ArrayAttr(window));
    EXPECT_NE(verifyAndCapture(op).find("window bounds must be >= 0"),
              std::string::npos);
  }
}

//===----------------------------------------------------------------------===//
// isBroadcastableTo
//===----------------------------------------------------------------------===//

TEST(AttnBroadcastTest, IsBroadcastableTo) {
  SmallVector<int64_t> target = {2, 4, 16, 24};
  EXPECT_TRUE(isBroadcastableTo({}, target));
  EXPECT_TRUE(isBroadcastableTo({24}, target));
  EXPECT_TRUE(isBroadcastableTo({1}, target));
  EXPECT_TRUE(isBroadcastableTo({16, 24}, target));
  EXPECT_TRUE(isBroadcastableTo({1, 24}, target));
  EXPECT_TRUE(isBroadcastableTo({2, 1, 1, 24}, target));
  EXPECT_TRUE(isBroadcastableTo({2, 4, 16, 24}, target));
  EXPECT_TRUE(isBroadcastableTo({1, 1, 1, 1}, target));
  EXPECT_FALSE(isBroadcastableTo({23}, target));
  EXPECT_FALSE(isBroadcastableTo({16}, target)); // aligned at the trailing dim
  EXPECT_FALSE(isBroadcastableTo({3, 16, 24}, target));
  EXPECT_FALSE(isBroadcastableTo({1, 2, 4, 16, 24}, target)); // rank 5
  // Dynamic sizes, on either side, are assumed compatible.
  EXPECT_TRUE(isBroadcastableTo({kDyn, 24}, target));
  EXPECT_TRUE(isBroadcastableTo({7, 24}, {kDyn, kDyn, kDyn, 24}));
  EXPECT_FALSE(isBroadcastableTo({7, 23}, {kDyn, kDyn, kDyn, 24}));
  EXPECT_TRUE(isBroadcastableTo({}, {}));
  EXPECT_FALSE(isBroadcastableTo({1}, {}));
}

//===----------------------------------------------------------------------===//
// decomposeAttention
//===----------------------------------------------------------------------===//

TEST_F(AttnOpTest, DecomposeLeavesNoAttnOps) {
  Type f16 = builder.getF16Type(), i1 = builder.getI1Type();
  // MHA, f32.
  build(tensor({2, 4, 16, 32}), tensor({2, 4, 24, 32}), tensor({2, 4, 24, 48}),
        {}, tensor({2, 4, 16, 48}));
  // GQA, f16, BSHD, bool mask, causal bottom-right, window, softcap.
  AttentionOp full = build(
      tensor({2, 16, 8, 32}, f16), tensor({2, 24, 2, 32}, f16),
      tensor({2, 24, 2, 16}, f16), tensor({2, 1, 1, 24}, i1),
      tensor({2, 16, 8, 16}, f16));
  full.setLayout(Layout::bshd);
  full.setCausal(Causal::bottom_right);
  full.setWindowAttr(builder.getDenseI64ArrayAttr({4, 0}));
  full.setSoftcapAttr(builder.getF32FloatAttr(20.0f));
  // Dynamic B, Sq, Skv with a float mask of rank 0.
  build(tensor({kDyn, 2, kDyn, 8}), tensor({kDyn, 1, kDyn, 8}),
        tensor({kDyn, 1, kDyn, 8}), tensor({}), tensor({kDyn, 2, kDyn, 8}));
  ASSERT_EQ(verifyAndCapture(*module), "");
  ASSERT_EQ(countAttnOps(), 3);

  SmallVector<AttentionOp> ops;
  module->walk([&](AttentionOp op) { ops.push_back(op); });
  IRRewriter rewriter(&ctx);
  for (AttentionOp op : ops) {
    Type resultType = op.getResult().getType();
    FailureOr<Value> replacement = decomposeAttention(rewriter, op);
    ASSERT_TRUE(succeeded(replacement));
    EXPECT_EQ(replacement->getType(), resultType);
    EXPECT_TRUE(replacement->getDefiningOp<linalg::GenericOp>());
  }
  EXPECT_EQ(countAttnOps(), 0);
  EXPECT_EQ(verifyAndCapture(*module), "");
  // Every function now returns the value the decomposition produced.
  module->walk([&](func::ReturnOp ret) {
    EXPECT_TRUE(ret.getOperand(0).getDefiningOp<linalg::GenericOp>());
  });
}

TEST_F(AttnOpTest, DecomposePatternsApplyGreedily) {
  build(tensor({1, 8, 16, 64}), tensor({1, 2, 16, 64}), tensor({1, 2, 16, 64}),
        {}, tensor({1, 8, 16, 64}));
  RewritePatternSet patterns(&ctx);
  populateDecomposeAttentionPatterns(patterns);
  ASSERT_TRUE(succeeded(applyPatternsGreedily(*module, std::move(patterns))));
  EXPECT_EQ(countAttnOps(), 0);
  EXPECT_EQ(verifyAndCapture(*module), "");
  // GQA is expressed by a floordiv map on K, not by repeating K.
  bool sawFloorDiv = false;
  module->walk([&](linalg::GenericOp generic) {
    for (AffineMap map : generic.getIndexingMapsArray())
      for (AffineExpr e : map.getResults())
        if (e.getKind() == AffineExprKind::FloorDiv)
          sawFloorDiv = true;
  });
  EXPECT_TRUE(sawFloorDiv);
}

TEST(AttnSplitKVTest, DefaultKeySplits) {
  // Enough iterations already, or sizes not static: no split.
  EXPECT_EQ(getDefaultKeySplits(32, 64), 1);
  EXPECT_EQ(getDefaultKeySplits(100, 1000), 1);
  EXPECT_EQ(getDefaultKeySplits(0, 64), 1);
  EXPECT_EQ(getDefaultKeySplits(1, 0), 1);
  // MQA decoding, 4096 keys in 64 tiles: 32 wanted, 16 allowed.
  EXPECT_EQ(getDefaultKeySplits(1, 64), 16);
  // GQA 32 / 8: 8 iterations, 4 splits.
  EXPECT_EQ(getDefaultKeySplits(8, 64), 4);
  // Fewer than two splits of 4 key tiles: none.
  EXPECT_EQ(getDefaultKeySplits(1, 7), 1);
  EXPECT_EQ(getDefaultKeySplits(1, 8), 2);
  EXPECT_EQ(getDefaultKeySplits(31, 1000), 2);
}

TEST_F(AttnOpTest, TileAttentionWithKeySplits) {
  // MQA decoding: 8 query heads share one K/V head; 300 keys in tiles of 64
  // give 5 key tiles, so 3 requested splits take 2 tiles (128 keys) each.
  AttentionOp op = build(tensor({1, 8, 1, 16}), tensor({1, 1, 300, 16}),
                         tensor({1, 1, 300, 16}), {}, tensor({1, 8, 1, 16}));
  ASSERT_EQ(verifyAndCapture(*module), "");
  Type resultType = op.getResult().getType();
  IRRewriter rewriter(&ctx);
  TileAttentionOptions options;
  options.keySplits = 3;
  FailureOr<TileAttentionResult> result = tileAttention(rewriter, op, options);
  ASSERT_TRUE(succeeded(result));
  EXPECT_EQ(result->replacement.getType(), resultType);
  auto forall = cast<scf::ForallOp>(result->forallOp);
  // (batch, K/V head, query tile, split); three shared outputs.
  std::optional<SmallVector<int64_t>> trips =
      getConstantIntValues(forall.getMixedUpperBound());
  ASSERT_TRUE(trips.has_value());
  EXPECT_EQ(*trips, (SmallVector<int64_t>{1, 1, 1, 3}));
  EXPECT_EQ(forall.getNumResults(), 3u);
  // The result is the combine's last op, a generic outside the forall.
  auto combine = result->replacement.getDefiningOp<linalg::GenericOp>();
  ASSERT_TRUE(combine);
  EXPECT_FALSE(combine->getParentOfType<scf::ForallOp>());
  EXPECT_EQ(countAttnOps(), 0);
  EXPECT_EQ(verifyAndCapture(*module), "");
}

TEST_F(AttnOpTest, TileAttentionRejectsBadKeySplits) {
  AttentionOp op = build(tensor({1, 1, 8, 8}), tensor({1, 1, 8, 8}),
                         tensor({1, 1, 8, 8}), {}, tensor({1, 1, 8, 8}));
  IRRewriter rewriter(&ctx);
  TileAttentionOptions options;
  options.keySplits = -2;
  EXPECT_TRUE(failed(tileAttention(rewriter, op, options)));
  options.keySplits = kMaxKeySplits + 1;
  EXPECT_TRUE(failed(tileAttention(rewriter, op, options)));
  EXPECT_EQ(countAttnOps(), 1);
}

//===----------------------------------------------------------------------===//
// Conflicts hidden behind a dynamic size: the verifier merges the static
// sizes of every operand before comparing.
//===----------------------------------------------------------------------===//

TEST_F(AttnOpTest, VerifierRejectsKeyValueBatchMismatchBehindDynamicQuery) {
  // B of key (2) and value (3) differ; query's B is dynamic, so each is
  // only compared with query's and the mismatch is missed.
  AttentionOp op = build(tensor({kDyn, 4, 16, 8}), tensor({2, 4, 24, 8}),
                         tensor({3, 4, 24, 8}), {}, tensor({5, 4, 16, 8}));
  EXPECT_NE(verifyAndCapture(op).find("batch size mismatch"),
            std::string::npos);
}

TEST_F(AttnOpTest, VerifierRejectsMaskAgainstStaticSizesOfOtherOperands) {
  // Query's B is dynamic but key's is 2; the mask's B is 3.
  AttentionOp op = build(tensor({kDyn, 4, 16, 8}), tensor({2, 4, 24, 8}),
                         tensor({2, 4, 24, 8}), tensor({3, 1, 1, 24}),
                         tensor({kDyn, 4, 16, 8}));
  EXPECT_NE(verifyAndCapture(op).find("does not broadcast"),
            std::string::npos);
}

} // namespace
