//===- LoweringUtils.cpp - helpers shared by the attn lowerings -*- C++ -*-===//
//
// Part of the attn-mlir project.
//
//===----------------------------------------------------------------------===//

#include "LoweringUtils.h"

#include "attn/Dialect/Attn/Transforms/Transforms.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlowOps.h"
#include "mlir/Dialect/Arith/Utils/Utils.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/TypeUtilities.h"

#include <limits>

using namespace mlir;
using namespace mlir::attn;
using namespace mlir::attn::lowering;

ProblemValues lowering::getProblemValues(OpBuilder &b, Location loc,
                                       AttentionOp op) {
  int64_t s = op.getSeqDimPos(), h = op.getHeadDimPos();
  auto dim = [&](Value v, int64_t pos) {
    return tensor::getMixedSize(b, loc, v, pos);
  };
  return ProblemValues{dim(op.getQuery(), 0),  dim(op.getQuery(), h),
                       dim(op.getKey(), h),    dim(op.getQuery(), s),
                       dim(op.getKey(), s),    dim(op.getQuery(), 3),
                       dim(op.getValue(), 3)};
}

SmallVector<int64_t> lowering::getStaticShape(ArrayRef<OpFoldResult> sizes) {
  SmallVector<int64_t> shape;
  for (OpFoldResult size : sizes) {
    std::optional<int64_t> c = getConstantIntValue(size);
    shape.push_back(c ? *c : ShapedType::kDynamic);
  }
  return shape;
}

Value lowering::extendToF32(OpBuilder &b, Location loc, Value v) {
  if (v.getType().isF32())
    return v;
  return arith::ExtFOp::create(b, loc, b.getF32Type(), v);
}

Value lowering::truncateFromF32(OpBuilder &b, Location loc, Value v, Type type) {
  if (type.isF32())
    return v;
  return arith::TruncFOp::create(b, loc, type, v);
}

AffineMap lowering::getMaskBroadcastMap(RankedTensorType type,
                                      MLIRContext *ctx) {
  int64_t rank = type.getRank();
  SmallVector<AffineExpr> exprs;
  for (int64_t k = 0; k < rank; ++k) {
    if (type.getDimSize(k) == 1)
      exprs.push_back(getAffineConstantExpr(0, ctx));
    else
      exprs.push_back(getAffineDimExpr(4 - rank + k, ctx));
  }
  return AffineMap::get(4, 0, exprs, ctx);
}

ScoreModifiers lowering::getScoreModifiers(OpBuilder &b, Location loc,
                                         AttentionOp op,
                                         const ProblemValues &pv) {
  ScoreModifiers m;
  m.scale = op.getScaleOrDefault();
  if (std::optional<APFloat> c = op.getSoftcap())
    m.softcap = c->convertToDouble();
  if (Value mask = op.getMask())
    m.boolMask = getElementTypeOrSelf(mask).isInteger(1);
  Causal causal = op.getCausalOrDefault();
  m.causal = causal != Causal::none;
  // A bound beyond any representable sequence length is no bound; dropping
  // it also keeps `i + delta +/- bound` from wrapping around in index
  // arithmetic.
  constexpr int64_t kNoBound = int64_t(1) << 40;
  m.windowLeft = op.getWindowLeft() >= kNoBound ? -1 : op.getWindowLeft();
  m.windowRight = op.getWindowRight() >= kNoBound ? -1 : op.getWindowRight();
  if (hasStructuralMask(m)) {
    if (causal == Causal::top_left) {
      m.delta = arith::ConstantIndexOp::create(b, loc, 0);
    } else {
      Value kv = getValueOrCreateConstantIndexOp(b, loc, pv.kvLen);
      Value q = getValueOrCreateConstantIndexOp(b, loc, pv.queryLen);
      m.delta = arith::SubIOp::create(b, loc, kv, q);
    }
  }
  return m;
}

static Value f32Const(OpBuilder &b, Location loc, double v) {
  return arith::ConstantOp::create(b, loc, b.getF32Type(),
                                   b.getF32FloatAttr(static_cast<float>(v)));
}

Value lowering::applyScoreModifiers(OpBuilder &b, Location loc,
                                  const ScoreModifiers &mods, Value s,
                                  Value maskValue, Value row, Value col) {
  if (mods.scale != 1.0)
    s = arith::MulFOp::create(b, loc, s, f32Const(b, loc, mods.scale));
  if (mods.softcap) {
    Value c = f32Const(b, loc, *mods.softcap);
    Value t = math::TanhOp::create(b, loc, arith::DivFOp::create(b, loc, s, c));
    s = arith::MulFOp::create(b, loc, t, c);
  }
  Value visible;
  auto conjoin = [&](Value cond) {
    visible = visible ? arith::AndIOp::create(b, loc, visible, cond).getResult()
                      : cond;
  };
  if (maskValue) {
    if (mods.boolMask)
      conjoin(maskValue);
    else
      s = arith::AddFOp::create(b, loc, s, extendToF32(b, loc, maskValue));
  }
  if (hasStructuralMask(mods)) {
    Value diag = arith::AddIOp::create(b, loc, row, mods.delta);
    if (mods.causal)
      conjoin(arith::CmpIOp::create(b, loc, arith::CmpIPredicate::sle, col,
                                    diag));
    if (mods.windowLeft >= 0) {
      Value left = arith::ConstantIndexOp::create(b, loc, mods.windowLeft);
      Value lo = arith::SubIOp::create(b, loc, diag, left);
      conjoin(arith::CmpIOp::create(b, loc, arith::CmpIPredicate::sge, col,
                                    lo));
    }
    if (mods.windowRight >= 0) {
      Value right = arith::ConstantIndexOp::create(b, loc, mods.windowRight);
      Value hi = arith::AddIOp::create(b, loc, diag, right);
      conjoin(arith::CmpIOp::create(b, loc, arith::CmpIPredicate::sle, col,
                                    hi));
    }
  }
  if (visible) {
    Value negInf =
        f32Const(b, loc, -std::numeric_limits<double>::infinity());
    s = arith::SelectOp::create(b, loc, visible, s, negInf);
  }
  return s;
}

Value lowering::fastExp(OpBuilder &b, Location loc, Value x) {
  Type f32 = b.getF32Type(), i32 = b.getI32Type();
  Value lo = f32Const(b, loc, -87.0), hi = f32Const(b, loc, 88.0);
  Value xc = arith::MinimumFOp::create(
      b, loc, arith::MaximumFOp::create(b, loc, x, lo), hi);
  // n = round(x / ln2); r = x - n * ln2 in two steps (ln2 = hi + lo part).
  Value n = math::FloorOp::create(
      b, loc,
      math::FmaOp::create(b, loc, xc, f32Const(b, loc, 1.4426950408889634),
                          f32Const(b, loc, 0.5)));
  Value r = math::FmaOp::create(
      b, loc, n, f32Const(b, loc, -0.693145751953125), xc);
  r = math::FmaOp::create(b, loc, n, f32Const(b, loc, -1.428606765330187e-06),
                          r);
  // exp(r) by Horner on the Taylor coefficients up to r^6 / 720.
  const double coeffs[] = {1.0 / 720, 1.0 / 120, 1.0 / 24, 1.0 / 6,
                           0.5,       1.0,       1.0};
  Value p = f32Const(b, loc, coeffs[0]);
  for (double c : ArrayRef<double>(coeffs).drop_front())
    p = math::FmaOp::create(b, loc, p, r, f32Const(b, loc, c));
  // 2^n from the exponent bits: (n + 127) << 23.
  Value ni = arith::FPToSIOp::create(b, loc, i32, n);
  Value bits = arith::ShLIOp::create(
      b, loc,
      arith::AddIOp::create(b, loc, ni,
                            arith::ConstantIntOp::create(b, loc, i32, 127)),
      arith::ConstantIntOp::create(b, loc, i32, 23));
  Value scale = arith::BitcastOp::create(b, loc, f32, bits);
  Value e = arith::MulFOp::create(b, loc, p, scale);
  // Ordered: a NaN input stays NaN (it is NaN through the polynomial), as
  // math.exp gives, rather than becoming 0 (an inf in Q, whose scores give
  // inf - inf, must not turn into a quiet 0 row).
  Value under =
      arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OLT, x, lo);
  return arith::SelectOp::create(b, loc, under, f32Const(b, loc, 0.0), e);
}

Value lowering::safeExpDiff(OpBuilder &b, Location loc, Value s, Value m,
                            bool fast) {
  Value negInf = f32Const(b, loc, -std::numeric_limits<double>::infinity());
  Value zero = f32Const(b, loc, 0.0);
  Value diff = arith::SubFOp::create(b, loc, s, m);
  Value e = fast ? fastExp(b, loc, diff)
                 : math::ExpOp::create(b, loc, diff).getResult();
  Value allMasked =
      arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OEQ, m, negInf);
  return arith::SelectOp::create(b, loc, allMasked, zero, e);
}

Value lowering::safeDivide(OpBuilder &b, Location loc, Value num, Value den) {
  Value zero = f32Const(b, loc, 0.0);
  Value empty =
      arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OEQ, den, zero);
  Value q = arith::DivFOp::create(b, loc, num, den);
  return arith::SelectOp::create(b, loc, empty, zero, q);
}

void mlir::attn::emitRuntimeSizeChecks(OpBuilder &b, AttentionOp op) {
  Location loc = op.getLoc();
  // The passes declare cf as a dependent dialect; a direct caller of the
  // C++ API may not have loaded it (outside a pass, loading is fine).
  b.getContext()->getOrLoadDialect<cf::ControlFlowDialect>();
  std::string where;
  {
    llvm::raw_string_ostream os(where);
    loc.print(os);
  }
  // `loc("file":3:8)` -> `"file":3:8`.
  if (StringRef(where).starts_with("loc(") && StringRef(where).ends_with(")"))
    where = where.substr(4, where.size() - 5);
  int64_t seq = op.getSeqDimPos(), head = op.getHeadDimPos();
  Value q = op.getQuery(), k = op.getKey(), v = op.getValue(),
        o = op.getInit();
  auto isDyn = [](Value t, int64_t pos) {
    return cast<ShapedType>(t.getType()).isDynamicDim(pos);
  };
  auto size = [&](Value t, int64_t pos) {
    return getValueOrCreateConstantIndexOp(
        b, loc, tensor::getMixedSize(b, loc, t, pos));
  };
  auto check = [&](Value x, int64_t px, Value y, int64_t py,
                   const Twine &what) {
    if (!isDyn(x, px) && !isDyn(y, py))
      return;
    Value same = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq,
                                       size(x, px), size(y, py));
    cf::AssertOp::create(b, loc, same,
                         "attn.attention at " + where + ": " + what.str() +
                             " differ at run time");
  };
  check(q, 0, k, 0, "the batch sizes of 'query' and 'key'");
  check(k, 0, v, 0, "the batch sizes of 'key' and 'value'");
  check(q, 0, o, 0, "the batch sizes of 'query' and the init");
  check(q, seq, o, seq, "the query lengths of 'query' and the init");
  check(k, seq, v, seq, "the key lengths of 'key' and 'value'");
  (void)head;
  if (Value mask = op.getMask()) {
    auto mt = cast<ShapedType>(mask.getType());
    // The mask is trailing-aligned to [B, Hq, Sq, Skv]; heads are static.
    std::pair<Value, int64_t> aligned[4] = {
        {q, 0}, {q, head}, {q, seq}, {k, seq}};
    const char *names[4] = {"the batch size", "the head count",
                            "the query length", "the key length"};
    for (int64_t d = 0; d < mt.getRank(); ++d) {
      int64_t a = 4 - mt.getRank() + d;
      if (!mt.isDynamicDim(d))
        continue;
      check(mask, d, aligned[a].first, aligned[a].second,
            "dimension " + Twine(d) + " of 'mask' (not broadcast when " +
                "dynamic) and " + names[a]);
    }
  }
}
