//===- FuseAttention.cpp - raise unfused attention chains -------*- C++ -*-===//
//
// Part of the attn-mlir project.
//
//===----------------------------------------------------------------------===//
//
// Raises the unfused chain `softmax(scale * Q * K^T + mask) * V` into one
// attn.attention. The matcher starts at the second contraction and walks the
// use-def chain backwards, turning every tensor op it crosses (elementwise
// and reduction linalg ops, reshapes, transposes, broadcasts) into a scalar
// expression over six logical loop dimensions (b, h, i, j, e, d). Spelling
// differences between frontends (named vs generic ops, fused vs separate
// elementwise ops, keep-dim reshapes, collapsed batch dims) disappear in that
// form; the recogniser then matches the algebra, not the op sequence. See
// docs/FuseAttention.md.
//
//===----------------------------------------------------------------------===//

#include "attn/Dialect/Attn/Transforms/Passes.h"
#include "attn/Dialect/Attn/Transforms/Transforms.h"

#include "mlir/Analysis/FlatLinearValueConstraints.h"
#include "mlir/Analysis/Presburger/IntegerRelation.h"
#include "mlir/Dialect/Affine/Utils.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Tosa/IR/TosaOps.h"
#include "mlir/Dialect/Utils/ReshapeOpsUtils.h"
#include "mlir/IR/AffineExpr.h"
#include "mlir/IR/BuiltinDialect.h"
#include "mlir/IR/DialectResourceBlobManager.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/IR/Matchers.h"
#include "mlir/Interfaces/ValueBoundsOpInterface.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/SetVector.h"
#include "llvm/ADT/SmallBitVector.h"
#include "llvm/ADT/TypeSwitch.h"
#include "llvm/Support/CheckedArithmetic.h"
#include "llvm/Support/Debug.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/SaveAndRestore.h"

#include <algorithm>
#include <cmath>
#include <deque>
#include <limits>
#include <map>

#define DEBUG_TYPE "attn-fuse-attention"

namespace mlir {
namespace attn {
#define GEN_PASS_DEF_ATTNFUSEATTENTION
#include "attn/Dialect/Attn/Transforms/Passes.h.inc"
} // namespace attn
} // namespace mlir

using namespace mlir;
using namespace mlir::attn;

namespace {

/// The logical loop dimensions every value of the chain is indexed by:
/// batch, query head, query row, key, value column and head dim.
enum LogicalDim : unsigned { kB = 0, kH, kI, kJ, kE, kD, kNumDims };

/// Kinds of nodes of the scalar expression a chain value computes.
enum class ExprKind {
  /// An element of a tensor the walk stops at, read through `map`.
  Leaf,
  /// A scalar constant (also splat tensors and fills).
  Const,
  /// An index value: an affine function of the logical dims.
  Index,
  /// The accumulator of the enclosing reduction.
  Acc,
  /// A scalar op of a linalg body (args are its operands, in order).
  Op,
  /// A reduction over the key dim j: args = {init, value}; `name` is the
  /// combiner.
  Reduce,
  /// A contraction over the head dim d: args = {init, lhs, rhs}.
  Contract,
  /// linalg.softmax over the key dim: args = {input}.
  Softmax,
};

/// A node of the expression DAG. Nodes are owned by a ChainWalker.
struct Expr {
  ExprKind kind;
  /// Leaf: the tensor and the map from logical dims to its dims. Also the
  /// shallower (value, map) pairs the walk crossed to reach this leaf
  /// through pure data movement, deepest last.
  Value value;
  AffineMap map;
  SmallVector<std::pair<Value, AffineMap>> above;
  /// Const.
  double cst = 0;
  /// Index: the affine expression and the range [lo, hi] of its values,
  /// which fit in `type` (integer index arithmetic that could wrap is not
  /// an Index node). Its symbols are dynamic tensor sizes: symbol k is
  /// ChainWalker::symbols[k], a tensor.dim result.
  AffineExpr index;
  int64_t lo = 0, hi = 0;
  /// Op: the scalar op of a linalg body, or null for an op built from a
  /// TOSA tensor op (which has no scalar op to point at).
  Operation *op = nullptr;
  /// Op without `op`: the attributes of the op it stands for (a compare's
  /// predicate), if any.
  DictionaryAttr attrs;
  /// Op: the name of the scalar op (e.g. "arith.mulf"); Reduce: the name of
  /// the combiner.
  StringRef name;
  /// Scalar type of the value.
  Type type;
  SmallVector<Expr *> args;
  /// Non-leaf nodes built for a tensor value: that tensor and its map, so
  /// that a computed Q, K or V (a projection, a bias add) can be read as the
  /// tensor it was computed into.
  Value src;
  AffineMap srcMap;
  /// Contract: the op of the contraction (linalg or tosa.matmul).
  Operation *contractOp = nullptr;
};

/// Largest value assumed for a dynamic loop size when bounding index
/// arithmetic (a tensor dimension below 2^40 elements).
constexpr int64_t kMaxDynamicSize = int64_t(1) << 40;

/// Whether [lo, hi] fits in the signed integer type `type` (index: 64 bits).
static bool fitsSigned(Type type, __int128 lo, __int128 hi) {
  unsigned width = type.isIndex() ? 64 : type.getIntOrFloatBitWidth();
  if (width == 0 || width > 64)
    return false;
  __int128 max = (__int128(1) << (width - 1)) - 1;
  return lo >= -max - 1 && hi <= max;
}

/// True when `e` is a float constant that masks a score out: -inf, or a
/// finite value so negative that exp() of it minus any realistic row max is
/// exactly 0 in f32.
static bool isMaskingConstant(Expr *e) {
  return e->kind == ExprKind::Const && isa<FloatType>(e->type) &&
         (e->cst <= -1.0e4);
}

/// True for a float constant equal to `v`.
static bool isConst(Expr *e, double v) {
  return e->kind == ExprKind::Const && e->cst == v;
}

/// Structural equality of two expressions.
static bool equal(Expr *a, Expr *b) {
  if (a == b)
    return true;
  if (a->kind != b->kind || a->args.size() != b->args.size())
    return false;
  switch (a->kind) {
  case ExprKind::Leaf: {
    if (a->map != b->map)
      return false;
    if (a->value == b->value)
      return true;
    // Two constants with the same elements (a frontend's duplicated
    // tosa.const or arith.constant) read the same.
    Attribute ca, cb;
    return a->value && b->value && a->value.getType() == b->value.getType() &&
           matchPattern(a->value, m_Constant(&ca)) &&
           matchPattern(b->value, m_Constant(&cb)) && ca == cb;
  }
  case ExprKind::Const:
    return a->cst == b->cst && a->type == b->type;
  case ExprKind::Index:
    return a->index == b->index;
  case ExprKind::Acc:
    return true;
  case ExprKind::Op:
    if (a->name != b->name || a->type != b->type || a->attrs != b->attrs ||
        static_cast<bool>(a->op) != static_cast<bool>(b->op) ||
        (a->op && a->op->getAttrDictionary() != b->op->getAttrDictionary()))
      return false;
    break;
  case ExprKind::Reduce:
    if (a->name != b->name)
      return false;
    break;
  default:
    break;
  }
  for (auto [x, y] : llvm::zip(a->args, b->args))
    if (!equal(x, y))
      return false;
  return true;
}

/// True when `e` contains a node of `kind`.
static bool contains(Expr *e, ExprKind kind) {
  if (e->kind == kind)
    return true;
  return llvm::any_of(e->args, [&](Expr *a) { return contains(a, kind); });
}

/// True when `e` is the scalar op `OpTy`.
template <typename OpTy> static bool isOp(Expr *e) {
  return e->kind == ExprKind::Op && e->name == OpTy::getOperationName();
}

/// Scans of constant mask planes for a band, made in one run of the pass:
/// keyed by the constant's attribute, negation, float-ness and the region
/// read (row and column dims, [r0, r1) x [c0, c1), offset of the other
/// dims), the band's {lo, hi} of c - r, or none.
using BandScanKey = std::tuple<const void *, bool, bool, std::vector<int64_t>>;
using BandScans =
    std::map<BandScanKey, std::optional<std::pair<int64_t, int64_t>>>;

/// Walks the use-def chain backwards and builds expressions.
class ChainWalker {
public:
  explicit ChainWalker(MLIRContext *ctx) : ctx(ctx) {
    sizes.assign(kNumDims, ShapedType::kDynamic);
  }

  /// Static size of each logical dim (dynamic when unknown).
  SmallVector<int64_t> sizes;
  /// Band scans shared by the chains of one pass run (null: none kept).
  BandScans *bandScans = nullptr;
  /// Ops of the score/probability chain (their results must have no user
  /// outside the chain).
  llvm::SetVector<Operation *> chainOps;
  /// Whether ops reached now belong to the chain (false inside Q/K/V).
  bool recording = true;
  /// The first reason the walk met something it cannot express.
  std::string note;
  /// Dynamic dims of tensors the walk read with exactly the query (kI) or
  /// key (kJ) index: their sizes are Sq and Skv.
  /// In walk order, so that resolving a symbol is deterministic.
  llvm::MapVector<std::pair<Value, int64_t>, unsigned> seqDims;
  /// The values of the symbols of Index nodes (tensor.dim results), and the
  /// (tensor, dim) each reads.
  SmallVector<Value> symbols;
  SmallVector<std::pair<Value, int64_t>> symbolDims;
  /// Nesting of reductions whose reduced loop is named j without standing
  /// for Skv (no `seqDims` are recorded inside).
  unsigned foreignDepth = 0;
  /// Nesting of concat pieces being walked. A piece is evaluated at every
  /// index of the concatenation (a select keeps its value only inside its
  /// own region), so its indices range over the logical dims' whole ranges
  /// (`widenIndex`), not over the loops of the op that computes it.
  unsigned concatDepth = 0;
  /// Set when an index inside a concat piece has no range the walk can
  /// bound (a mod or floordiv of the shifted index): the concat is read as
  /// a tensor.
  bool concatIndexUnbounded = false;
  /// Under concatDepth > 0: gives index node `e` the range of its affine
  /// expression over the logical dims (static sizes, or up to 2^40).
  void widenIndex(Expr *e);

  /// The logical dim, kI or kJ, whose size symbol `s` is, if known: a
  /// tensor.dim of a dim in `seqDims`, or one that upstream's value-bounds
  /// analysis proves equal to one.
  std::optional<unsigned> symbolSize(unsigned s) const;

  /// Returns the expression of `v` read through `map` (logical dims to the
  /// dims of `v`).
  Expr *build(Value v, AffineMap map);

  /// Returns the expression of the result of contraction-like `op` at the
  /// loop positions `loops` (one affine function of the logical dims per
  /// loop), with `reduced` naming the logical dim of its reduction loop.
  Expr *buildLinalgBody(linalg::LinalgOp op, unsigned resultIdx,
                        ArrayRef<AffineExpr> loops);

  /// Returns the expression of `v`, a scalar defined outside any body
  /// (constants, sizes and index arithmetic on them).
  Expr *buildScalarOutside(Value v) { return buildOutside(v); }

  /// Returns a fresh node.
  Expr *make(ExprKind kind, Type type) {
    nodes.emplace_back();
    nodes.back().kind = kind;
    nodes.back().type = type;
    return &nodes.back();
  }

  /// Returns a leaf for `v` read through `map`.
  Expr *leaf(Value v, AffineMap map) {
    Expr *e = make(ExprKind::Leaf, getElementTypeOrSelf(v.getType()));
    e->value = v;
    e->map = map;
    // Under a tensor.extract the tensor may be larger than the loops: each
    // dim read at exactly a loop index is recorded, to be checked equal to
    // that loop's size (the op and the evaluated masks read whole tensors).
    if (extractDepth > 0 && map)
      if (auto t = dyn_cast<RankedTensorType>(v.getType()))
        for (auto [k, r] : llvm::enumerate(map.getResults()))
          if (auto d = dyn_cast<AffineDimExpr>(r);
              d && static_cast<int64_t>(k) < t.getRank())
            extractReads.push_back(
                {v, static_cast<int64_t>(k), d.getPosition()});
    return e;
  }
  /// Nesting of tensor.extract reads the walk is under.
  unsigned extractDepth = 0;
  /// (tensor, dim, logical dim) read at exactly that loop index under a
  /// tensor.extract.
  SmallVector<std::tuple<Value, int64_t, unsigned>> extractReads;

  /// Returns an Op node for a scalar op named `name` that has no linalg body
  /// op behind it (built from a TOSA elementwise op).
  Expr *scalarOp(StringRef name, Type type, ArrayRef<Expr *> args) {
    Expr *e = make(ExprKind::Op, type);
    e->name = name;
    e->args.assign(args.begin(), args.end());
    return e;
  }

  /// Returns a constant node.
  Expr *constant(double v, Type type) {
    Expr *e = make(ExprKind::Const, type);
    e->cst = v;
    return e;
  }

  /// The walk builds a tree: a value used twice is expanded twice, so a
  /// chain that reuses values (x + x, twenty times over) grows exponentially.
  /// Past this many nodes the walk stops (every later value is opaque) and
  /// the chain is left alone.
  static constexpr size_t kMaxNodes = 50000;
  bool tooLarge = false;
  /// True (and the walk is over) once the budget is spent.
  bool overBudget() {
    if (nodes.size() < kMaxNodes)
      return false;
    tooLarge = true;
    return true;
  }

  /// Simplifies `e` using the static sizes of the logical dims: `x floordiv
  /// c` is 0 and `x mod c` is x when 0 <= x < c.
  AffineExpr simplify(AffineExpr e);

  MLIRContext *ctx;

private:
  /// Builds the scalar expression of `v`, a value inside the body of `op`.
  Expr *buildScalar(Value v, linalg::LinalgOp op, ArrayRef<AffineExpr> loops,
                    unsigned resultIdx);
  /// Builds the scalar expression of `v`, a value inside the body of
  /// tensor.generate `gen` evaluated at `indices` (one per result dim).
  Expr *buildGenerateScalar(Value v, tensor::GenerateOp gen,
                            ArrayRef<AffineExpr> indices);
  /// Builds the expression of `v`, the result of `def`, a scalar op inside
  /// a body, with `operand` building each operand.
  Expr *buildBodyOp(Value v, Operation *def,
                    function_ref<Expr *(Value)> operand);
  /// Returns the expression of a scalar defined outside any linalg body
  /// (constants and arithmetic on them are folded).
  Expr *buildOutside(Value v);
  Expr *buildOutsideUncached(Value v);
  DenseMap<Value, Expr *> outsideCache;
  /// Returns the expression of the result of TOSA op `op` read through
  /// `map`, or null when the op is not part of what the walk understands.
  Expr *buildTosa(Operation *op, AffineMap map);
  /// Returns the expression of the result of `op`, an arith or math
  /// elementwise op on whole tensors, read through `map`, or null.
  Expr *buildTensorElementwise(Operation *op, AffineMap map);
  /// Returns the expression of a tensor.concat read through `map` when its
  /// pieces are computed from indices and scalars alone (a KV cache's zeros
  /// next to a causal block): a select on the concatenated dim's index
  /// between the pieces read at that index minus their offsets. Null
  /// otherwise (a concat of tensors is read as a tensor).
  Expr *buildConcat(tensor::ConcatOp concat, AffineMap map);
  /// Returns the expression of a static tensor.extract_slice read through
  /// `map` when its source is computed from indices and scalars alone (a
  /// slice of an arange): the source read at offset + stride * index. Null
  /// otherwise (a slice of a tensor is read as a tensor).
  Expr *buildSlice(tensor::ExtractSliceOp slice, AffineMap map);
  /// Returns the map reading the source of a reshape that expands groups
  /// `reassoc` of the source into `resultShape`, given the map reading its
  /// result (null when a dynamic size gets in the way).
  std::optional<AffineMap> expandSource(ArrayRef<int64_t> resultShape,
                                        ArrayRef<ReassociationIndices> reassoc,
                                        AffineMap map);
  /// Likewise for a reshape collapsing groups of `srcShape`.
  std::optional<AffineMap>
  collapseSource(ArrayRef<int64_t> srcShape,
                 ArrayRef<ReassociationIndices> reassoc, AffineMap map);
  /// Returns the Index node of integer op `def` (add, sub, mul by a
  /// constant, index casts) on operands `args`, or null when they are not
  /// affine or its values may not fit its type.
  Expr *buildAffine(Operation *def, ArrayRef<Expr *> args);
  /// Returns the upper bound (exclusive) of `e` if known.
  std::optional<int64_t> upperBound(AffineExpr e);
  void setNote(const Twine &t) {
    if (note.empty())
      note = t.str();
  }

  std::deque<Expr> nodes;
};

} // namespace

std::optional<unsigned> ChainWalker::symbolSize(unsigned s) const {
  auto [tensor, pos] = symbolDims[s];
  auto it = seqDims.find({tensor, pos});
  if (it != seqDims.end())
    return it->second;
  for (const auto &[key, logical] : seqDims) {
    FailureOr<bool> eq = ValueBoundsConstraintSet::areEqual(
        {tensor, pos}, {key.first, key.second});
    if (succeeded(eq) && *eq)
      return logical;
  }
  return std::nullopt;
}

std::optional<int64_t> ChainWalker::upperBound(AffineExpr e) {
  if (auto d = dyn_cast<AffineDimExpr>(e)) {
    int64_t s = sizes[d.getPosition()];
    if (ShapedType::isDynamic(s))
      return std::nullopt;
    return s;
  }
  if (auto c = dyn_cast<AffineConstantExpr>(e))
    return c.getValue() >= 0 ? std::optional<int64_t>(c.getValue() + 1)
                             : std::nullopt;
  if (auto bin = dyn_cast<AffineBinaryOpExpr>(e)) {
    auto c = dyn_cast<AffineConstantExpr>(bin.getRHS());
    if (c && c.getValue() > 0 && e.getKind() == AffineExprKind::Mod)
      return c.getValue();
    // x floordiv c < ceil(ub(x) / c) for x >= 0 (dims and their
    // quotients are).
    if (c && c.getValue() > 0 && e.getKind() == AffineExprKind::FloorDiv)
      if (std::optional<int64_t> ub = upperBound(bin.getLHS()))
        return llvm::divideCeil(*ub, c.getValue());
  }
  return std::nullopt;
}

AffineExpr ChainWalker::simplify(AffineExpr e) {
  auto bin = dyn_cast<AffineBinaryOpExpr>(e);
  if (!bin)
    return e;
  AffineExpr lhs = simplify(bin.getLHS()), rhs = simplify(bin.getRHS());
  switch (e.getKind()) {
  case AffineExprKind::Add:
    return lhs + rhs;
  case AffineExprKind::Mul:
    return lhs * rhs;
  case AffineExprKind::FloorDiv:
  case AffineExprKind::Mod: {
    auto c = dyn_cast<AffineConstantExpr>(rhs);
    if (c && c.getValue() > 0) {
      std::optional<int64_t> ub = upperBound(lhs);
      if (ub && *ub <= c.getValue())
        return e.getKind() == AffineExprKind::Mod
                   ? lhs
                   : getAffineConstantExpr(0, ctx);
    }
    return e.getKind() == AffineExprKind::Mod ? lhs % rhs : lhs.floorDiv(rhs);
  }
  case AffineExprKind::CeilDiv:
    return lhs.ceilDiv(rhs);
  default:
    return e;
  }
}

/// Folds the float arith op `name` (addf, subf, mulf, divf) on constants,
/// in double (the caller rounds to the type).
static std::optional<double> foldBinary(StringRef name, double x, double y) {
  if (name == arith::AddFOp::getOperationName())
    return x + y;
  if (name == arith::SubFOp::getOperationName())
    return x - y;
  if (name == arith::MulFOp::getOperationName())
    return x * y;
  if (name == arith::DivFOp::getOperationName())
    return x / y;
  return std::nullopt;
}

/// `x` rounded to the float type `type` (to nearest even); unchanged for
/// other types.
static double roundTo(Type type, double x) {
  auto ft = dyn_cast<FloatType>(type);
  if (!ft)
    return x;
  APFloat value(x);
  bool losesInfo = false;
  value.convert(ft.getFloatSemantics(), APFloat::rmNearestTiesToEven,
                &losesInfo);
  value.convert(APFloat::IEEEdouble(), APFloat::rmNearestTiesToEven,
                &losesInfo);
  return value.convertToDouble();
}

Expr *ChainWalker::buildOutside(Value v) {
  // Once per value: the expression of a scalar defined outside any body
  // depends on nothing else, and a value used twice at every step (`t + t`,
  // twenty times over) would otherwise take exponential time.
  if (auto it = outsideCache.find(v); it != outsideCache.end())
    return it->second;
  Expr *e = buildOutsideUncached(v);
  outsideCache[v] = e;
  return e;
}

Expr *ChainWalker::buildOutsideUncached(Value v) {
  Type type = v.getType();
  FloatAttr f;
  if (matchPattern(v, m_Constant(&f)))
    return constant(f.getValueAsDouble(), type);
  IntegerAttr i;
  if (matchPattern(v, m_Constant(&i))) {
    // Only integers that fit in 64 bits (and convert exactly to double).
    const APInt &value = i.getValue();
    if (value.getBitWidth() > 64 || value.getSignificantBits() > 53)
      return leaf(v, AffineMap());
    return constant(static_cast<double>(value.getSExtValue()), type);
  }
  Operation *def = v.getDefiningOp();
  // A tensor size: a constant, or a symbol of the Index nodes that may turn
  // out to be Sq or Skv (`j <= i + (Skv - Sq)` with dynamic sizes).
  if (auto dim = dyn_cast_or_null<tensor::DimOp>(def)) {
    std::optional<int64_t> pos = dim.getConstantIndex();
    auto t = dyn_cast<RankedTensorType>(dim.getSource().getType());
    if (!pos || !t || *pos < 0 || *pos >= t.getRank())
      return leaf(v, AffineMap());
    if (!t.isDynamicDim(*pos))
      return constant(static_cast<double>(t.getDimSize(*pos)), type);
    auto it = llvm::find(symbols, v);
    unsigned k = it - symbols.begin();
    if (it == symbols.end()) {
      symbols.push_back(v);
      symbolDims.push_back({dim.getSource(), *pos});
    }
    Expr *e = make(ExprKind::Index, type);
    e->index = getAffineSymbolExpr(k, ctx);
    e->lo = 0;
    e->hi = kMaxDynamicSize;
    return e;
  }
  // Integer arithmetic on sizes and constants.
  if (isa_and_nonnull<arith::AddIOp, arith::SubIOp, arith::MulIOp,
                      arith::IndexCastOp, arith::IndexCastUIOp>(def)) {
    SmallVector<Expr *> args;
    for (Value operand : def->getOperands())
      args.push_back(buildOutside(operand));
    if (llvm::any_of(args,
                     [](Expr *a) { return a->kind == ExprKind::Index; }))
      if (Expr *e = buildAffine(def, args))
        return e;
    // On constants (a static size cast to i64): folded while it fits.
    if (llvm::all_of(args, [](Expr *a) {
          return a->kind == ExprKind::Const && a->type.isIntOrIndex();
        })) {
      auto x = static_cast<__int128>(args[0]->cst);
      __int128 r = x;
      if (args.size() == 2) {
        auto y = static_cast<__int128>(args[1]->cst);
        r = isa<arith::AddIOp>(def)   ? x + y
            : isa<arith::SubIOp>(def) ? x - y
                                      : x * y;
      }
      if (fitsSigned(type, r, r) && (r >= 0 || !isa<arith::IndexCastUIOp>(def)) &&
          r >= -(__int128(1) << 53) && r <= (__int128(1) << 53))
        return constant(static_cast<double>(r), type);
    }
    return leaf(v, AffineMap());
  }
  if (def && isa<arith::ArithDialect, math::MathDialect>(def->getDialect()) &&
      def->getNumResults() == 1) {
    SmallVector<double> c;
    for (Value operand : def->getOperands()) {
      Expr *e = buildOutside(operand);
      if (e->kind != ExprKind::Const)
        return leaf(v, AffineMap());
      c.push_back(e->cst);
    }
    std::optional<double> r =
        c.size() == 2 ? foldBinary(def->getName().getStringRef(), c[0], c[1])
                      : std::nullopt;
    if (!r)
      r = llvm::TypeSwitch<Operation *, std::optional<double>>(def)
            .Case([&](arith::NegFOp) { return -c[0]; })
            .Case([&](arith::ExtFOp) { return c[0]; })
            .Case([&](arith::TruncFOp t) -> std::optional<double> {
              // Rounded to the type below; other rounding modes are not
              // folded.
              if (t.getRoundingmodeAttr() &&
                  t.getRoundingmode() != arith::RoundingMode::to_nearest_even)
                return std::nullopt;
              return c[0];
            })
            .Case([&](arith::SIToFPOp) { return c[0]; })
            .Case([&](math::SqrtOp) { return std::sqrt(c[0]); })
            // 1 / log(2) as a log2(e) factor of an exp2 (folded in double,
            // then rounded to the type as the op's result is).
            .Case([&](math::LogOp) -> std::optional<double> {
              if (!(c[0] > 0) || !std::isfinite(c[0]))
                return std::nullopt;
              return std::log(c[0]);
            })
            .Case([&](math::Log2Op) -> std::optional<double> {
              if (!(c[0] > 0) || !std::isfinite(c[0]))
                return std::nullopt;
              return std::log2(c[0]);
            })
            .Case([&](math::ExpOp) -> std::optional<double> {
              if (!std::isfinite(c[0]))
                return std::nullopt;
              return std::exp(c[0]);
            })
            .Case([&](math::RsqrtOp) {
              // As it is lowered: sqrt, rounded to the type, then 1 / that
              // (rounded below).
              return 1.0 / roundTo(type, std::sqrt(c[0]));
            })
            .Default([](Operation *) { return std::nullopt; });
    // Each op rounds its result to its type (a truncf to bf16 of 3.3 is
    // 3.296875; f16 arithmetic rounds to f16), as the chain computes it.
    if (r)
      r = roundTo(type, *r);
    if (r)
      return constant(*r, type);
  }
  return leaf(v, AffineMap());
}

Expr *ChainWalker::buildAffine(Operation *def, ArrayRef<Expr *> args) {
  if (def->getNumResults() != 1 || args.empty())
    return nullptr;
  // Index arithmetic stays affine while it cannot wrap: each value's
  // range (from the loop sizes) must fit in its integer type, e.g. an
  // index_cast to i8 of indices up to 129 or j + 126 in i8 wraps, and such
  // a comparison is then not a band.
  // (The element type: `def` may be an op on whole tensors.)
  Type vType = getElementTypeOrSelf(def->getResult(0).getType());
  if (isa<arith::IndexCastOp, arith::IndexCastUIOp>(def) &&
      args[0]->kind == ExprKind::Index &&
      fitsSigned(vType, args[0]->lo, args[0]->hi) &&
      (isa<arith::IndexCastOp>(def) || args[0]->lo >= 0)) {
    Expr *e = make(ExprKind::Index, vType);
    e->index = args[0]->index;
    e->lo = args[0]->lo;
    e->hi = args[0]->hi;
    return e;
  }
  struct Affine {
    AffineExpr expr;
    __int128 lo = 0, hi = 0;
  };
  auto asAffine = [&](Expr *a) -> std::optional<Affine> {
    if (a->kind == ExprKind::Index)
      return Affine{a->index, a->lo, a->hi};
    if (a->kind == ExprKind::Const && a->type.isIntOrIndex()) {
      auto c = static_cast<int64_t>(a->cst);
      return Affine{getAffineConstantExpr(c, ctx), c, c};
    }
    return std::nullopt;
  };
  if (isa<arith::AddIOp, arith::SubIOp, arith::MulIOp>(def)) {
    std::optional<Affine> x = asAffine(args[0]), y = asAffine(args[1]);
    if (x && y &&
        (!isa<arith::MulIOp>(def) || isa<AffineConstantExpr>(y->expr) ||
         isa<AffineConstantExpr>(x->expr))) {
      __int128 lo, hi;
      if (isa<arith::AddIOp>(def)) {
        lo = x->lo + y->lo;
        hi = x->hi + y->hi;
      } else if (isa<arith::SubIOp>(def)) {
        lo = x->lo - y->hi;
        hi = x->hi - y->lo;
      } else {
        __int128 p[4] = {x->lo * y->lo, x->lo * y->hi, x->hi * y->lo,
                         x->hi * y->hi};
        lo = *std::min_element(p, p + 4);
        hi = *std::max_element(p, p + 4);
      }
      if (fitsSigned(vType, lo, hi)) {
        Expr *e = make(ExprKind::Index, vType);
        e->index = isa<arith::AddIOp>(def)   ? x->expr + y->expr
                   : isa<arith::SubIOp>(def) ? x->expr - y->expr
                                             : x->expr * y->expr;
        e->lo = static_cast<int64_t>(lo);
        e->hi = static_cast<int64_t>(hi);
        return e;
      }
    }
  }
  return nullptr;
}

/// `x * 1`, `1 * x` and `x / 1` are exactly x (torch-mlir multiplies the
/// second operand of aten.add/sub.Tensor by its alpha, usually 1): returns x,
/// or null.
static Expr *identityOperand(StringRef name, ArrayRef<Expr *> args) {
  auto isOne = [](Expr *a) {
    return a->kind == ExprKind::Const && a->cst == 1.0;
  };
  if (args.size() != 2 || args[0]->type != args[1]->type)
    return nullptr;
  if (name == arith::MulFOp::getOperationName()) {
    if (isOne(args[1]))
      return args[0];
    if (isOne(args[0]))
      return args[1];
  }
  if (name == arith::DivFOp::getOperationName() && isOne(args[1]))
    return args[0];
  return nullptr;
}

Expr *ChainWalker::buildScalar(Value v, linalg::LinalgOp op,
                               ArrayRef<AffineExpr> loops, unsigned resultIdx) {
  if (overBudget())
    return leaf(v, AffineMap());
  Block *body = op.getBlock();
  if (auto arg = dyn_cast<BlockArgument>(v)) {
    if (arg.getOwner() != body)
      return buildOutside(v);
    OpOperand *operand = op.getMatchingOpOperand(arg);
    if (op.isDpsInit(operand) && operand == op.getDpsInitOperand(resultIdx) &&
        op.getNumReductionLoops() > 0)
      return make(ExprKind::Acc, v.getType());
    AffineMap map = op.getMatchingIndexingMap(operand);
    SmallVector<AffineExpr> results;
    for (AffineExpr r : map.getResults())
      results.push_back(simplify(r.replaceDims(loops)));
    return build(operand->get(), AffineMap::get(kNumDims, 0, results, ctx));
  }
  Operation *def = v.getDefiningOp();
  if (!def || def->getBlock() != body)
    return buildOutside(v);
  if (auto index = dyn_cast<linalg::IndexOp>(def)) {
    Expr *e = make(ExprKind::Index, v.getType());
    e->index = loops[index.getDim()];
    int64_t size = op.getStaticLoopRanges()[index.getDim()];
    e->hi = ShapedType::isDynamic(size) ? kMaxDynamicSize : size - 1;
    widenIndex(e);
    return e;
  }
  return buildBodyOp(
      v, def, [&](Value x) { return buildScalar(x, op, loops, resultIdx); });
}

Expr *ChainWalker::buildGenerateScalar(Value v, tensor::GenerateOp gen,
                                       ArrayRef<AffineExpr> indices) {
  if (overBudget())
    return leaf(v, AffineMap());
  Block *body = &gen.getBody().front();
  if (auto arg = dyn_cast<BlockArgument>(v)) {
    if (arg.getOwner() != body)
      return buildOutside(v);
    // Block argument k is the index of result dim k.
    unsigned k = arg.getArgNumber();
    Expr *e = make(ExprKind::Index, v.getType());
    e->index = indices[k];
    int64_t size = gen.getType().getDimSize(k);
    e->hi = ShapedType::isDynamic(size) ? kMaxDynamicSize : size - 1;
    widenIndex(e);
    return e;
  }
  Operation *def = v.getDefiningOp();
  if (!def || def->getBlock() != body)
    return buildOutside(v);
  return buildBodyOp(
      v, def, [&](Value x) { return buildGenerateScalar(x, gen, indices); });
}

Expr *ChainWalker::buildBodyOp(Value v, Operation *def,
                               function_ref<Expr *(Value)> operand) {
  auto dim = dyn_cast<tensor::DimOp>(def);
  if (matchPattern(v, m_Constant()) || (dim && dim.getConstantIndex()))
    return buildOutside(v);
  // tensor.extract at affine indices of the loops (a padding mask gathered
  // by position) is a read of that tensor through those indices.
  if (auto extract = dyn_cast<tensor::ExtractOp>(def)) {
    SmallVector<AffineExpr> at;
    for (Value index : extract.getIndices()) {
      Expr *e = operand(index);
      if (e->kind == ExprKind::Const && e->type.isIndex())
        at.push_back(getAffineConstantExpr(static_cast<int64_t>(e->cst), ctx));
      else if (e->kind == ExprKind::Index &&
               !e->index
                    .walk([](AffineExpr x) {
                      return isa<AffineSymbolExpr>(x) ? WalkResult::interrupt()
                                                      : WalkResult::advance();
                    })
                    .wasInterrupted())
        at.push_back(e->index);
      else
        return leaf(v, AffineMap());
    }
    // The tensor is not read whole (it may be larger than the loops), so
    // its dims, and those of what computes it, say nothing of Sq and Skv.
    llvm::SaveAndRestore<unsigned> notWhole(foreignDepth, foreignDepth + 1);
    llvm::SaveAndRestore<unsigned> inExtract(extractDepth, extractDepth + 1);
    return build(extract.getTensor(), AffineMap::get(kNumDims, 0, at, ctx));
  }
  if (def->getNumResults() != 1 || def->getNumRegions() != 0)
    return leaf(v, AffineMap());
  SmallVector<Expr *> args;
  for (Value x : def->getOperands())
    args.push_back(operand(x));
  if (Expr *e = buildAffine(def, args))
    return e;
  // On i1 a product or an unsigned min is an and, an unsigned max an or
  // (torch-mlir multiplies boolean masks); signed, true is -1, so min is an
  // or and max an and.
  if (v.getType().isInteger(1) && args.size() == 2) {
    if (isa<arith::MulIOp, arith::MinUIOp, arith::MaxSIOp>(def))
      return scalarOp(arith::AndIOp::getOperationName(), v.getType(), args);
    if (isa<arith::MaxUIOp, arith::MinSIOp>(def))
      return scalarOp(arith::OrIOp::getOperationName(), v.getType(), args);
  }
  // Fold float constants.
  if (llvm::all_of(args, [](Expr *a) { return a->kind == ExprKind::Const; }) &&
      isa<FloatType>(v.getType())) {
    Expr *folded = buildOutside(v);
    if (folded->kind == ExprKind::Const)
      return folded;
  }
  if (Expr *x = identityOperand(def->getName().getStringRef(), args))
    return x;
  Expr *e = make(ExprKind::Op, v.getType());
  e->op = def;
  e->name = def->getName().getStringRef();
  e->args = std::move(args);
  return e;
}

Expr *ChainWalker::buildLinalgBody(linalg::LinalgOp op, unsigned resultIdx,
                                   ArrayRef<AffineExpr> loops) {
  auto yield = cast<linalg::YieldOp>(op.getBlock()->getTerminator());
  return buildScalar(yield.getOperand(resultIdx), op, loops, resultIdx);
}

/// Whether the value `op` yields for result `resultIdx` depends on the block
/// argument of another of its outputs (a running accumulator the walk cannot
/// model as a tensor read).
static bool readsOtherAccumulator(linalg::LinalgOp op, unsigned resultIdx) {
  Block *body = op.getBlock();
  auto yield = cast<linalg::YieldOp>(body->getTerminator());
  SmallVector<Value> work = {yield.getOperand(resultIdx)};
  llvm::SmallPtrSet<Operation *, 16> seen;
  while (!work.empty()) {
    Value v = work.pop_back_val();
    if (auto arg = dyn_cast<BlockArgument>(v)) {
      if (arg.getOwner() != body)
        continue;
      OpOperand *operand = op.getMatchingOpOperand(arg);
      if (op.isDpsInit(operand) &&
          operand != op.getDpsInitOperand(resultIdx))
        return true;
      continue;
    }
    Operation *def = v.getDefiningOp();
    if (!def || !body->getParent()->isAncestor(def->getParentRegion()) ||
        !seen.insert(def).second)
      continue;
    // Values used inside nested regions count too.
    def->walk([&](Operation *nested) {
      for (Value operand : nested->getOperands())
        work.push_back(operand);
    });
  }
  return false;
}

/// Returns the loop positions of `op` seen from its result `resultIdx` read
/// through `map`; the one reduction loop, if any, becomes logical dim
/// `reduced`. Fails when the output map is not a projected permutation.
static FailureOr<SmallVector<AffineExpr>>
getLoopExprs(linalg::LinalgOp op, unsigned resultIdx, AffineMap map,
             unsigned reduced, MLIRContext *ctx) {
  OpOperand *init = op.getDpsInitOperand(resultIdx);
  AffineMap outMap = op.getMatchingIndexingMap(init);
  auto outType = dyn_cast<ShapedType>(init->get().getType());
  SmallVector<AffineExpr> loops(op.getNumLoops());
  for (auto [pos, r] : llvm::enumerate(outMap.getResults())) {
    // A reduction that keeps the reduced dim (torch-mlir's keepdim=true)
    // writes it at the constant 0 of a size-1 dim: no loop reads it.
    if (auto c = dyn_cast<AffineConstantExpr>(r);
        c && c.getValue() == 0 && outType && outType.getDimSize(pos) == 1)
      continue;
    auto d = dyn_cast<AffineDimExpr>(r);
    if (!d || loops[d.getPosition()])
      return failure();
    loops[d.getPosition()] = map.getResult(pos);
  }
  int64_t missing = 0;
  auto iters = op.getIteratorTypesArray();
  for (auto [k, l] : llvm::enumerate(loops)) {
    if (l)
      continue;
    if (iters[k] != utils::IteratorType::reduction || ++missing > 1)
      return failure();
    l = getAffineDimExpr(reduced, ctx);
  }
  return loops;
}

std::optional<AffineMap>
ChainWalker::expandSource(ArrayRef<int64_t> resultShape,
                          ArrayRef<ReassociationIndices> reassoc,
                          AffineMap map) {
  SmallVector<AffineExpr> src;
  for (const ReassociationIndices &group : reassoc) {
    AffineExpr sum = getAffineConstantExpr(0, ctx);
    int64_t stride = 1;
    // A unit dim's index is 0 whatever the stride: a mask expanded to [1,
    // 1, ?, ?] with a dynamic length is read through. (Only then: the
    // index the map gives, such as i when Sq is 1, keeps the expression
    // structurally equal to other reads of the same value.)
    for (int64_t k : llvm::reverse(group)) {
      if (resultShape[k] == 1 && stride == ShapedType::kDynamic)
        continue;
      if (stride == ShapedType::kDynamic)
        return std::nullopt;
      sum = sum + map.getResult(k) * stride;
      stride = ShapedType::isDynamic(resultShape[k]) ? ShapedType::kDynamic
                                                     : stride * resultShape[k];
    }
    src.push_back(simplify(sum));
  }
  return AffineMap::get(kNumDims, 0, src, ctx);
}

std::optional<AffineMap>
ChainWalker::collapseSource(ArrayRef<int64_t> srcShape,
                            ArrayRef<ReassociationIndices> reassoc,
                            AffineMap map) {
  SmallVector<AffineExpr> src(srcShape.size());
  for (auto [g, group] : llvm::enumerate(reassoc)) {
    AffineExpr rest = map.getResult(g);
    // A group of unit dims and one dynamic dim ([1, 1, ?] -> [?]): the
    // dynamic dim takes the whole index, the unit dims 0.
    if (llvm::count_if(group,
                       [&](int64_t k) {
                         return ShapedType::isDynamic(srcShape[k]);
                       }) == 1 &&
        llvm::all_of(group,
                     [&](int64_t k) {
                       return srcShape[k] == 1 ||
                              ShapedType::isDynamic(srcShape[k]);
                     }) &&
        llvm::any_of(llvm::drop_begin(group), [&](int64_t k) {
          return ShapedType::isDynamic(srcShape[k]);
        })) {
      for (int64_t k : group)
        src[k] = ShapedType::isDynamic(srcShape[k])
                     ? rest
                     : getAffineConstantExpr(0, ctx);
      continue;
    }
    for (int64_t k : llvm::reverse(llvm::drop_begin(group))) {
      if (ShapedType::isDynamic(srcShape[k]))
        return std::nullopt;
      src[k] = simplify(rest % srcShape[k]);
      rest = simplify(rest.floorDiv(srcShape[k]));
    }
    src[group.front()] = rest;
  }
  return AffineMap::get(kNumDims, 0, src, ctx);
}

/// True when `v` is a splat constant equal to zero (a TOSA zero point).
static bool isZeroSplat(Value v) {
  DenseElementsAttr dense;
  if (!matchPattern(v, m_Constant(&dense)) || !dense.isSplat())
    return false;
  Type elt = dense.getElementType();
  if (isa<FloatType>(elt))
    return dense.getSplatValue<APFloat>().isZero();
  if (isa<IntegerType>(elt))
    return dense.getSplatValue<APInt>().isZero();
  return false;
}

Expr *ChainWalker::buildTosa(Operation *op, AffineMap map) {
  // Everything below needs static shapes: TOSA broadcasts a size-1 dim, and
  // a dynamic size could be 1 at run time.
  auto resultType = dyn_cast<RankedTensorType>(op->getResult(0).getType());
  if (op->getNumResults() != 1 || !resultType || !resultType.hasStaticShape() ||
      map.getNumResults() != resultType.getRank())
    return nullptr;
  Type elt = resultType.getElementType();
  /// The map reading elementwise operand `x` (size-1 dims broadcast).
  auto operandMap = [&](Value x) -> AffineMap {
    auto t = dyn_cast<RankedTensorType>(x.getType());
    if (!t || !t.hasStaticShape() || t.getRank() != resultType.getRank())
      return AffineMap();
    SmallVector<AffineExpr> res;
    for (auto [k, r] : llvm::enumerate(map.getResults()))
      res.push_back(t.getDimSize(k) == 1 && resultType.getDimSize(k) != 1
                        ? getAffineConstantExpr(0, ctx)
                        : r);
    return AffineMap::get(kNumDims, 0, res, ctx);
  };
  /// Builds the elementwise operands of `op` in order (null on failure).
  auto operands = [&](ValueRange values) -> SmallVector<Expr *> {
    SmallVector<Expr *> args;
    for (Value x : values) {
      AffineMap m = operandMap(x);
      if (!m)
        return {};
      args.push_back(build(x, m));
    }
    return args;
  };
  if (auto reshape = dyn_cast<tosa::ReshapeOp>(op)) {
    auto srcType = dyn_cast<RankedTensorType>(reshape.getInput1().getType());
    if (!srcType || !srcType.hasStaticShape())
      return nullptr;
    ArrayRef<int64_t> from = srcType.getShape(), to = resultType.getShape();
    std::optional<AffineMap> src;
    if (from == to) {
      src = map;
    } else if (to.size() > from.size()) {
      if (auto reassoc = getReassociationIndicesForCollapse(to, from))
        src = expandSource(to, *reassoc, map);
    } else if (to.size() < from.size()) {
      if (auto reassoc = getReassociationIndicesForCollapse(from, to))
        src = collapseSource(from, *reassoc, map);
    }
    if (!src)
      return nullptr;
    return build(reshape.getInput1(), *src);
  }
  if (auto transpose = dyn_cast<tosa::TransposeOp>(op)) {
    ArrayRef<int32_t> perms = transpose.getPerms();
    SmallVector<AffineExpr> src(perms.size());
    for (auto [k, p] : llvm::enumerate(perms))
      src[p] = map.getResult(k);
    return build(transpose.getInput1(), AffineMap::get(kNumDims, 0, src, ctx));
  }
  if (auto matmul = dyn_cast<tosa::MatMulOp>(op)) {
    // The score contraction Q * K^T over the head dim (indexed by query and
    // key: another matmul, a projection producing V, is an input).
    auto uses = [&](unsigned dim) {
      return llvm::any_of(map.getResults(), [&](AffineExpr r) {
        return r.isFunctionOfDim(dim);
      });
    };
    if (!isa<FloatType>(elt) || !isZeroSplat(matmul.getAZp()) ||
        !isZeroSplat(matmul.getBZp()) || uses(kD) || !uses(kI) ||
        !uses(kJ) || uses(kE))
      return nullptr;
    auto aType = cast<RankedTensorType>(matmul.getA().getType());
    if (!aType.hasStaticShape())
      return nullptr;
    sizes[kD] = aType.getDimSize(2);
    AffineExpr n = map.getResult(0), d = getAffineDimExpr(kD, ctx);
    Expr *lhs =
        build(matmul.getA(),
              AffineMap::get(kNumDims, 0, {n, map.getResult(1), d}, ctx));
    Expr *rhs =
        build(matmul.getB(),
              AffineMap::get(kNumDims, 0, {n, d, map.getResult(2)}, ctx));
    Expr *e = make(ExprKind::Contract, elt);
    e->args = {constant(0.0, elt), lhs, rhs};
    e->contractOp = op;
    return e;
  }
  if (isa<tosa::ReduceMaxOp, tosa::ReduceSumOp>(op)) {
    // A softmax statistic: must reduce over the key dim.
    if (!isa<FloatType>(elt))
      return nullptr;
    unsigned axis = isa<tosa::ReduceMaxOp>(op)
                        ? cast<tosa::ReduceMaxOp>(op).getAxis()
                        : cast<tosa::ReduceSumOp>(op).getAxis();
    Value input = op->getOperand(0);
    auto inType = dyn_cast<RankedTensorType>(input.getType());
    if (!inType || !inType.hasStaticShape() ||
        inType.getRank() != resultType.getRank())
      return nullptr;
    SmallVector<AffineExpr> src(map.getResults());
    for (auto [k, r] : llvm::enumerate(src))
      if (k != axis && r.isFunctionOfDim(kJ)) {
        setNote("a reduction runs over a dimension other than the key "
                "dimension");
        return nullptr;
      }
    src[axis] = getAffineDimExpr(kJ, ctx);
    Expr *in = build(input, AffineMap::get(kNumDims, 0, src, ctx));
    bool isMax = isa<tosa::ReduceMaxOp>(op);
    Expr *e = make(ExprKind::Reduce, elt);
    e->name = isMax ? arith::MaximumFOp::getOperationName()
                    : arith::AddFOp::getOperationName();
    e->args = {
        constant(isMax ? -std::numeric_limits<double>::infinity() : 0.0, elt),
        in};
    return e;
  }
  if (auto cast = dyn_cast<tosa::CastOp>(op)) {
    auto from = dyn_cast<FloatType>(getElementTypeOrSelf(cast.getInput()));
    auto to = dyn_cast<FloatType>(elt);
    if (!from || !to)
      return nullptr;
    SmallVector<Expr *> args = operands(cast.getInput());
    if (args.empty())
      return nullptr;
    if (from == to)
      return args[0];
    // f16 <-> bf16 is neither an extension nor a truncation.
    if (from.getWidth() == to.getWidth())
      return nullptr;
    return scalarOp(from.getWidth() < to.getWidth()
                        ? arith::ExtFOp::getOperationName()
                        : arith::TruncFOp::getOperationName(),
                    elt, args);
  }
  if (!isa<FloatType>(elt))
    return nullptr;
  StringRef name;
  ValueRange inputs = op->getOperands();
  if (isa<tosa::AddOp>(op))
    name = arith::AddFOp::getOperationName();
  else if (isa<tosa::SubOp>(op))
    name = arith::SubFOp::getOperationName();
  else if (auto mul = dyn_cast<tosa::MulOp>(op)) {
    // A float multiply has no shift; the verifier leaves a non-constant one.
    if (!isZeroSplat(mul.getShift()))
      return nullptr;
    name = arith::MulFOp::getOperationName();
    inputs = inputs.take_front(2);
  } else if (isa<tosa::ExpOp>(op))
    name = math::ExpOp::getOperationName();
  else if (isa<tosa::TanhOp>(op))
    name = math::TanhOp::getOperationName();
  else if (isa<tosa::SelectOp>(op))
    name = arith::SelectOp::getOperationName();
  else if (isa<tosa::ReciprocalOp>(op))
    name = arith::DivFOp::getOperationName();
  else
    return nullptr;
  SmallVector<Expr *> args = operands(inputs);
  if (args.empty())
    return nullptr;
  if (isa<tosa::ReciprocalOp>(op))
    args.insert(args.begin(), constant(1.0, elt));
  // Arithmetic on constants (a scale written `tosa.reciprocal` of 8) is
  // folded, rounded to its type as the op computes it.
  if (args.size() == 2 && llvm::all_of(args, [](Expr *a) {
        return a->kind == ExprKind::Const;
      })) {
    if (std::optional<double> r = foldBinary(name, args[0]->cst, args[1]->cst))
      return constant(roundTo(elt, *r), elt);
  }
  if (Expr *x = identityOperand(name, args))
    return x;
  return scalarOp(name, elt, args);
}

/// True for an arith or math elementwise op on ranked tensors (hand-written
/// IR, or a frontend that skips linalg for elementwise math).
static bool isTensorElementwise(Operation *op) {
  return op->hasTrait<OpTrait::Elementwise>() &&
         isa<arith::ArithDialect, math::MathDialect>(op->getDialect()) &&
         op->getNumResults() == 1 && op->getNumRegions() == 0 &&
         isa<RankedTensorType>(op->getResult(0).getType());
}

Expr *ChainWalker::buildTensorElementwise(Operation *op, AffineMap map) {
  auto resultType = cast<RankedTensorType>(op->getResult(0).getType());
  if (map.getNumResults() != resultType.getRank())
    return nullptr;
  // Every tensor operand has the result's shape (arith's verifier); a
  // scalar operand (arith.select's condition) is the same for every element.
  SmallVector<Expr *> args;
  for (Value x : op->getOperands()) {
    if (auto t = dyn_cast<RankedTensorType>(x.getType())) {
      if (t.getShape() != resultType.getShape())
        return nullptr;
      args.push_back(build(x, map));
    } else if (isa<ShapedType>(x.getType())) {
      return nullptr;
    } else {
      args.push_back(buildOutside(x));
    }
  }
  if (Expr *e = buildAffine(op, args))
    return e;
  Type elt = resultType.getElementType();
  StringRef name = op->getName().getStringRef();
  if (isa<FloatType>(elt) && args.size() == 2 &&
      llvm::all_of(args, [](Expr *a) { return a->kind == ExprKind::Const; }))
    if (std::optional<double> r = foldBinary(name, args[0]->cst, args[1]->cst))
      return constant(roundTo(elt, *r), elt);
  if (Expr *x = identityOperand(name, args))
    return x;
  // The op itself carries the attributes (a predicate, fast-math flags);
  // it is emitted on scalars (see emitScalar).
  Expr *e = make(ExprKind::Op, elt);
  e->op = op;
  e->name = name;
  e->args = std::move(args);
  return e;
}

static bool isPointwise(Expr *e);

void ChainWalker::widenIndex(Expr *e) {
  if (concatDepth == 0)
    return;
  SmallVector<int64_t> flat;
  if (failed(getFlattenedAffineExpr(e->index, kNumDims, 0, &flat)) ||
      flat.size() != kNumDims + 1) {
    concatIndexUnbounded = true;
    return;
  }
  __int128 lo = flat.back(), hi = flat.back();
  for (unsigned d = 0; d < kNumDims; ++d) {
    __int128 top =
        ShapedType::isDynamic(sizes[d]) ? kMaxDynamicSize : sizes[d] - 1;
    __int128 a = flat[d] * top;
    lo += std::min<__int128>(0, a);
    hi += std::max<__int128>(0, a);
  }
  if (lo < std::numeric_limits<int64_t>::min() / 2 ||
      hi > std::numeric_limits<int64_t>::max() / 2) {
    concatIndexUnbounded = true;
    return;
  }
  e->lo = static_cast<int64_t>(lo);
  e->hi = static_cast<int64_t>(hi);
}

/// True when `e`, a concat piece, may be evaluated at every index of the
/// concatenation, outside its own region too: it is computed element-wise
/// from indices, constants and scalars defined outside any body (no
/// tensor's element, no value read opaquely inside a body such as an
/// extract at a computed index), with no integer division or remainder
/// (which traps on 0).
static bool isSafeEverywhere(Expr *e) {
  switch (e->kind) {
  case ExprKind::Const:
  case ExprKind::Index:
    return true;
  case ExprKind::Leaf: {
    if (e->map || !e->value)
      return false;
    Operation *owner = e->value.getParentRegion()->getParentOp();
    return !isa<linalg::LinalgOp, tensor::GenerateOp>(owner);
  }
  case ExprKind::Op: {
    StringRef n = e->name;
    bool integerDivision =
        (n.starts_with("arith.div") || n.starts_with("arith.rem") ||
         n.starts_with("arith.ceildiv") || n.starts_with("arith.floordiv")) &&
        n != "arith.divf" && n != "arith.remf";
    return !n.empty() && !integerDivision &&
           llvm::all_of(e->args, isSafeEverywhere);
  }
  default:
    return false;
  }
}

/// `e`, the expression of a piece or slice of a tensor, as the expression of
/// the tensor built from it: the tensors `e` was computed into are read in
/// part there, so they are no operand the op could read in its place (a
/// slice at offset 0 of an index-computed K would read as the larger
/// source). The caller records the concatenation or slice itself.
static Expr *readAsWhole(Expr *e) {
  if (e->kind != ExprKind::Leaf) {
    e->src = Value();
    e->srcMap = AffineMap();
    e->above.clear();
  }
  return e;
}

/// A cheap test before a concat's pieces are walked: false when `v` is
/// computed from a tensor the function receives (or a block of a loop
/// carries), so that the concatenation of Ks of a KV cache is not walked
/// (only to be read as a tensor). Sizes read by tensor.dim do not count.
static bool mayBeIndexOnly(Value v) {
  SmallVector<Value> work = {v};
  llvm::SmallPtrSet<Operation *, 32> seen;
  while (!work.empty()) {
    Value x = work.pop_back_val();
    if (auto arg = dyn_cast<BlockArgument>(x)) {
      if (isa<TensorType>(arg.getType()))
        return false;
      continue;
    }
    Operation *def = x.getDefiningOp();
    if (!seen.insert(def).second || isa<tensor::DimOp>(def))
      continue;
    if (seen.size() > 256)
      return false;
    // Its operands and the values its regions use from outside it.
    def->walk([&](Operation *nested) {
      for (Value operand : nested->getOperands())
        if (!def->isAncestor(operand.getParentRegion()->getParentOp()))
          work.push_back(operand);
    });
  }
  return true;
}

Expr *ChainWalker::buildSlice(tensor::ExtractSliceOp slice, AffineMap map) {
  RankedTensorType type = slice.getResultType();
  if (!map || map.getNumResults() != type.getRank() ||
      map.getNumSymbols() != 0 || !mayBeIndexOnly(slice.getSource()))
    return nullptr;
  ArrayRef<int64_t> offsets = slice.getStaticOffsets(),
                    strides = slice.getStaticStrides();
  if (ShapedType::isDynamicShape(offsets) ||
      ShapedType::isDynamicShape(strides))
    return nullptr;
  llvm::SmallBitVector dropped = slice.getDroppedDims();
  SmallVector<AffineExpr> at;
  unsigned k = 0;
  for (int64_t d = 0, n = slice.getSourceType().getRank(); d < n; ++d) {
    if (dropped.test(d)) {
      at.push_back(getAffineConstantExpr(offsets[d], ctx));
      continue;
    }
    if (k >= map.getNumResults())
      return nullptr;
    at.push_back(simplify(offsets[d] + strides[d] * map.getResult(k++)));
  }
  // The source is read in part: its sizes are no Sq or Skv. What the walk
  // of it adds is undone when it reads a tensor.
  llvm::SaveAndRestore<unsigned> notWhole(foreignDepth, foreignDepth + 1);
  size_t chainSize = chainOps.size(), extractSize = extractReads.size();
  std::string savedNote = note;
  Expr *e = build(slice.getSource(), AffineMap::get(kNumDims, 0, at, ctx));
  if (!isSafeEverywhere(e)) {
    while (chainOps.size() > chainSize)
      chainOps.pop_back();
    extractReads.resize(extractSize);
    note = savedNote;
    return nullptr;
  }
  return readAsWhole(e);
}

Expr *ChainWalker::buildConcat(tensor::ConcatOp concat, AffineMap map) {
  auto type = concat.getResultType();
  int64_t dim = static_cast<int64_t>(concat.getDim());
  if (!map || map.getNumResults() != type.getRank() || map.getNumSymbols() != 0)
    return nullptr;
  // Static piece sizes along the concatenated dim (their offsets).
  SmallVector<std::pair<Value, int64_t>> pieces;
  int64_t total = 0;
  for (Value in : concat.getInputs()) {
    int64_t n = cast<RankedTensorType>(in.getType()).getDimSize(dim);
    if (ShapedType::isDynamic(n))
      return nullptr;
    if (n > 0)
      pieces.push_back({in, total});
    total += n;
  }
  if (pieces.empty())
    return nullptr;
  AffineExpr at = simplify(map.getResult(dim));
  if (!isa<AffineConstantExpr>(at) &&
      !llvm::all_of(pieces, [](auto p) { return mayBeIndexOnly(p.first); }))
    return nullptr;
  // Each piece is read at the index minus its offset. A piece is not read
  // whole (its size along `dim` is no Sq or Skv), and its indices range
  // over the whole concatenation.
  llvm::SaveAndRestore<unsigned> notWhole(foreignDepth, foreignDepth + 1);
  llvm::SaveAndRestore<unsigned> inPiece(concatDepth, concatDepth + 1);
  llvm::SaveAndRestore<bool> unbounded(concatIndexUnbounded, false);
  auto pieceAt = [&](unsigned k) {
    auto [in, offset] = pieces[k];
    SmallVector<AffineExpr> results(map.getResults());
    results[dim] = simplify(at - offset);
    return build(in, AffineMap::get(kNumDims, 0, results, ctx));
  };
  if (auto c = dyn_cast<AffineConstantExpr>(at)) {
    for (unsigned k = pieces.size(); k-- > 0;)
      if (c.getValue() >= pieces[k].second) {
        Expr *e = pieceAt(k);
        return e->kind == ExprKind::Leaf && e->map ? nullptr : readAsWhole(e);
      }
    return nullptr;
  }
  // What the pieces add to the walk is undone when one reads a tensor.
  size_t chainSize = chainOps.size(), extractSize = extractReads.size();
  std::string savedNote = note;
  Type elt = type.getElementType();
  Type i1 = IntegerType::get(ctx, 1);
  Builder builder(ctx);
  Expr *index = make(ExprKind::Index, builder.getIndexType());
  index->index = at;
  index->lo = 0;
  index->hi = total - 1;
  Expr *result = pieceAt(pieces.size() - 1);
  bool indexOnly = isSafeEverywhere(result);
  for (unsigned k = pieces.size() - 1; indexOnly && k-- > 0;) {
    Expr *piece = pieceAt(k);
    indexOnly = isSafeEverywhere(piece);
    Expr *bound = constant(static_cast<double>(pieces[k + 1].second),
                           builder.getIndexType());
    Expr *cmp = scalarOp(arith::CmpIOp::getOperationName(), i1, {index, bound});
    cmp->attrs = builder.getDictionaryAttr(builder.getNamedAttr(
        "predicate", builder.getI64IntegerAttr(
                         static_cast<int64_t>(arith::CmpIPredicate::slt))));
    result = scalarOp(arith::SelectOp::getOperationName(), elt,
                      {cmp, piece, result});
  }
  if (!indexOnly || concatIndexUnbounded) {
    while (chainOps.size() > chainSize)
      chainOps.pop_back();
    extractReads.resize(extractSize);
    note = savedNote;
    return nullptr;
  }
  return result;
}

Expr *ChainWalker::build(Value v, AffineMap map) {
  if (overBudget())
    return leaf(v, map);
  Operation *def = v.getDefiningOp();
  Type elt = getElementTypeOrSelf(v.getType());
  // Every tensor the walk reads is read whole (reshapes are exact and
  // linalg operands span their loops), so a dim read with exactly i or j
  // has size Sq or Skv.
  if (auto t = dyn_cast<RankedTensorType>(v.getType());
      t && map && map.getNumResults() == t.getRank() && foreignDepth == 0)
    for (auto [k, r] : llvm::enumerate(map.getResults()))
      if (auto d = dyn_cast<AffineDimExpr>(r);
          d && t.isDynamicDim(k) &&
          (d.getPosition() == kI || d.getPosition() == kJ))
        seqDims.try_emplace({v, static_cast<int64_t>(k)}, d.getPosition());
  if (!def)
    return leaf(v, map);
  // Splat constants and fills are scalars.
  DenseElementsAttr dense;
  if (matchPattern(v, m_Constant(&dense)) && dense.isSplat()) {
    if (isa<FloatType>(elt))
      return constant(dense.getSplatValue<APFloat>().convertToDouble(), elt);
    if (elt.isInteger(1))
      return constant(dense.getSplatValue<bool>() ? 1.0 : 0.0, elt);
    return leaf(v, map);
  }
  // Fills and splats are scalars too: a constant, or a value defined
  // outside the chain (a run-time scale) read at every position.
  if (auto fill = dyn_cast<linalg::FillOp>(def)) {
    Expr *e = buildOutside(fill.getInputs()[0]);
    return e->kind == ExprKind::Const || e->kind == ExprKind::Leaf
               ? e
               : leaf(v, map);
  }
  if (auto splat = dyn_cast<tensor::SplatOp>(def)) {
    Expr *e = buildOutside(splat.getInput());
    return e->kind == ExprKind::Const || e->kind == ExprKind::Leaf
               ? e
               : leaf(v, map);
  }

  Expr *result = nullptr;
  bool record = recording;
  if (auto expand = dyn_cast<tensor::ExpandShapeOp>(def)) {
    std::optional<AffineMap> src =
        expandSource(expand.getResultType().getShape(),
                     expand.getReassociationIndices(), map);
    if (!src)
      return leaf(v, map);
    result = build(expand.getSrc(), *src);
  } else if (auto collapse = dyn_cast<tensor::CollapseShapeOp>(def)) {
    std::optional<AffineMap> src =
        collapseSource(collapse.getSrcType().getShape(),
                       collapse.getReassociationIndices(), map);
    if (!src)
      return leaf(v, map);
    result = build(collapse.getSrc(), *src);
  } else if (auto castOp = dyn_cast<tensor::CastOp>(def)) {
    // Only the static sizes differ (torch-mlir casts keepdim reductions).
    result = build(castOp.getSource(), map);
  } else if (isa<tosa::TosaDialect>(def->getDialect())) {
    result = buildTosa(def, map);
    if (!result)
      return leaf(v, map);
  } else if (isTensorElementwise(def)) {
    result = buildTensorElementwise(def, map);
    if (!result)
      return leaf(v, map);
  } else if (auto slice = dyn_cast<tensor::ExtractSliceOp>(def)) {
    result = buildSlice(slice, map);
    if (!result)
      return leaf(v, map);
  } else if (auto concat = dyn_cast<tensor::ConcatOp>(def)) {
    result = buildConcat(concat, map);
    if (!result)
      return leaf(v, map);
  } else if (auto gen = dyn_cast<tensor::GenerateOp>(def)) {
    // Its body at the indices the map reads (a mask computed from them).
    if (map.getNumResults() != gen.getType().getRank())
      return leaf(v, map);
    SmallVector<AffineExpr> indices;
    for (AffineExpr r : map.getResults())
      indices.push_back(simplify(r));
    auto yield = cast<tensor::YieldOp>(gen.getBody().front().getTerminator());
    result = buildGenerateScalar(yield.getValue(), gen, indices);
  } else if (auto softmax = dyn_cast<linalg::SoftmaxOp>(def)) {
    AffineExpr dim = map.getResult(softmax.getDimension());
    bool overKeys = dim == getAffineDimExpr(kJ, ctx);
    for (auto [k, r] : llvm::enumerate(map.getResults()))
      if (k != softmax.getDimension() && r.isFunctionOfDim(kJ))
        overKeys = false;
    if (!overKeys) {
      setNote("softmax runs over a dimension other than the key dimension");
      return leaf(v, map);
    }
    result = make(ExprKind::Softmax, elt);
    result->args.push_back(build(softmax.getInput(), map));
  } else if (auto lop = dyn_cast<linalg::LinalgOp>(def)) {
    unsigned idx = cast<OpResult>(v).getResultNumber();
    if (lop.getNumReductionLoops() == 0) {
      FailureOr<SmallVector<AffineExpr>> loops =
          getLoopExprs(lop, idx, map, kNumDims, ctx);
      if (failed(loops))
        return leaf(v, map);
      result = buildLinalgBody(lop, idx, *loops);
    } else if (lop.getNumReductionLoops() == 1) {
      // A reduction: either a softmax statistic over the keys or the Q*K^T
      // contraction over the head dim. Peek at the combiner to tell.
      // Several outputs (torch-mlir's max.dim also yields the argmax) only
      // when this result's value reads no other output's running
      // accumulator.
      if (lop.getNumDpsInits() != 1 && readsOtherAccumulator(lop, idx)) {
        setNote("a reduction whose result reads another output's "
                "accumulator");
        return leaf(v, map);
      }
      auto yield = cast<linalg::YieldOp>(lop.getBlock()->getTerminator());
      Operation *comb = yield.getOperand(idx).getDefiningOp();
      bool isContraction = false;
      if (isa_and_nonnull<arith::AddFOp>(comb))
        for (Value operand : comb->getOperands())
          if (isa_and_nonnull<arith::MulFOp>(operand.getDefiningOp()) &&
              lop.getNumDpsInputs() == 2)
            isContraction = true;
      unsigned reduced = isContraction ? kD : kJ;
      // Only the score contraction (indexed by query and key) is part of
      // the chain; another contraction (a projection producing V) is an
      // input tensor.
      auto uses = [&](unsigned dim) {
        return llvm::any_of(map.getResults(), [&](AffineExpr r) {
          return r.isFunctionOfDim(dim);
        });
      };
      if (isContraction && (!uses(kI) || !uses(kJ) || uses(kE)))
        return leaf(v, map);
      if (llvm::any_of(map.getResults(), [&](AffineExpr r) {
            return r.isFunctionOfDim(reduced);
          })) {
        if (!isContraction)
          setNote("a reduction runs over a dimension other than the key "
                  "dimension");
        return leaf(v, map);
      }
      FailureOr<SmallVector<AffineExpr>> loops =
          getLoopExprs(lop, idx, map, reduced, ctx);
      if (failed(loops) || !comb ||
          (comb->getNumOperands() != 2 && !isa<arith::SelectOp>(comb)))
        return leaf(v, map);
      if (isContraction) {
        int64_t size = lop.getStaticLoopRanges()[lop.getNumLoops() - 1];
        for (auto [k, it] : llvm::enumerate(lop.getIteratorTypesArray()))
          if (it == utils::IteratorType::reduction)
            size = lop.getStaticLoopRanges()[k];
        sizes[kD] = size;
      }
      // The reduced loop of a reduction that is no contraction is named j,
      // although its size is Skv only for a softmax statistic (not for a
      // statistic inside the computation of Q, say): what its body reads
      // is no witness of Sq or Skv. (The score tensor they reduce is read
      // elsewhere too.)
      Expr *body;
      {
        llvm::SaveAndRestore<unsigned> depth(
            foreignDepth, foreignDepth + (isContraction ? 0 : 1));
        body = buildLinalgBody(lop, idx, *loops);
      }
      // A max written as a compare and select (`x > acc ? x : acc`, or the
      // same with the operands swapped) is the max combiner.
      if (!isContraction && isOp<arith::SelectOp>(body) &&
          body->args.size() == 3 && isOp<arith::CmpFOp>(body->args[0]) &&
          body->args[0]->op) {
        Expr *cmp = body->args[0];
        auto pred = cast<arith::CmpFOp>(cmp->op).getPredicate();
        bool greater = pred == arith::CmpFPredicate::OGT ||
                       pred == arith::CmpFPredicate::OGE ||
                       pred == arith::CmpFPredicate::UGT ||
                       pred == arith::CmpFPredicate::UGE;
        bool less = pred == arith::CmpFPredicate::OLT ||
                    pred == arith::CmpFPredicate::OLE ||
                    pred == arith::CmpFPredicate::ULT ||
                    pred == arith::CmpFPredicate::ULE;
        Expr *a = cmp->args[0], *b2 = cmp->args[1];
        // select(a > b, a, b) and select(a < b, b, a) are max(a, b).
        bool isMax = (greater && equal(body->args[1], a) &&
                      equal(body->args[2], b2)) ||
                     (less && equal(body->args[1], b2) &&
                      equal(body->args[2], a));
        bool oneAcc = (a->kind == ExprKind::Acc) != (b2->kind == ExprKind::Acc);
        if (isMax && oneAcc)
          body = scalarOp(arith::MaximumFOp::getOperationName(), body->type,
                          {a, b2});
      }
      AffineMap outMap = lop.getMatchingIndexingMap(lop.getDpsInitOperand(idx));
      SmallVector<AffineExpr> outRes;
      for (AffineExpr r : outMap.getResults())
        outRes.push_back(r.replaceDims(*loops));
      Expr *init = build(lop.getDpsInits()[idx],
                         AffineMap::get(kNumDims, 0, outRes, ctx));
      if (body->kind != ExprKind::Op || body->args.size() != 2)
        return leaf(v, map);
      int accPos = body->args[0]->kind == ExprKind::Acc   ? 0
                   : body->args[1]->kind == ExprKind::Acc ? 1
                                                          : -1;
      if (accPos < 0)
        return leaf(v, map);
      Expr *value = body->args[1 - accPos];
      if (contains(value, ExprKind::Acc)) {
        setNote("a reduction reads its accumulator more than once");
        return leaf(v, map);
      }
      if (isContraction) {
        if (!isOp<arith::MulFOp>(value))
          return leaf(v, map);
        result = make(ExprKind::Contract, elt);
        result->args = {init, value->args[0], value->args[1]};
        result->contractOp = def;
      } else {
        result = make(ExprKind::Reduce, elt);
        result->name = body->name;
        result->args = {init, value};
      }
    } else {
      return leaf(v, map);
    }
  } else {
    return leaf(v, map);
  }
  if (record)
    chainOps.insert(def);
  if (result->kind == ExprKind::Leaf)
    result->above.push_back({v, map});
  else if (!result->src && isa<RankedTensorType>(v.getType())) {
    result->src = v;
    result->srcMap = map;
  } else if (result->src && isa<RankedTensorType>(v.getType())) {
    // A computed tensor seen again through data movement (a projection
    // plus bias, [B*S, E], expanded to [B, S, H, D]): views of `src` that
    // the op may read where `src` itself has no head layout.
    result->above.push_back({v, map});
  }
  return result;
}

//===----------------------------------------------------------------------===//
// Recognition
//===----------------------------------------------------------------------===//

namespace {

/// A structural constraint `lower <= j - i <= upper` on visible keys, and
/// `brLower <= j - i - (Skv - Sq) <= brUpper` for bounds written relative
/// to the bottom-right diagonal with dynamic sizes.
struct Band {
  std::optional<int64_t> lower, upper, brLower, brUpper;
  void addUpper(int64_t u, bool br = false) {
    std::optional<int64_t> &b = br ? brUpper : upper;
    b = b ? std::min(*b, u) : u;
  }
  void addLower(int64_t l, bool br = false) {
    std::optional<int64_t> &b = br ? brLower : lower;
    b = b ? std::max(*b, l) : l;
  }
  bool any() const { return lower || upper || brLower || brUpper; }
};

/// A dense boolean mask term: keep a key where `pred` (or its negation)
/// holds; `pred` reads one tensor.
struct MaskTerm {
  Expr *pred;
  bool negated;
};

/// An operand resolved to a tensor the op can read.
struct Operand {
  Value value;
  /// Logical map restricted to the four operand dims (b, h, s, x).
  AffineMap map;
};

/// Everything the matcher learned about one chain.
struct Plan {
  double scale = 1.0;
  Band band;
  SmallVector<MaskTerm> boolMasks;
  /// Every keep condition on indices (bands included), for a dense i1 mask
  /// when they are not all causal/window bands (`indexDense`) or the band
  /// does not fit the op's attributes.
  SmallVector<MaskTerm> indexTerms;
  bool indexDense = false;
  /// Whether constant mask tensors contributed to `band`.
  bool constantBand = false;
  /// The additive masks, in the order the chain adds them, and the factor
  /// each is multiplied by afterwards (a mask added before the scale).
  SmallVector<Expr *> floatMasks;
  SmallVector<double> floatMaskScales;
  /// Factors of the scores that are not constants (a scale passed as an
  /// argument, a per-head tensor), with whether they divide: folded into Q.
  /// Each additive mask is multiplied by those above it
  /// (`floatMaskFactors[k]` holds how many of `runtimeFactors` that is).
  SmallVector<std::pair<Expr *, bool>> runtimeFactors;
  SmallVector<size_t> floatMaskFactors;
  Expr *query = nullptr, *key = nullptr, *value = nullptr;
  /// Other tensors Q (K) may be read as, deepest first, when `query`
  /// (`key`) has no head layout: a computed tensor on the path the scale
  /// was peeled from (Q * c computed into [B*S, E], then split into heads),
  /// with the factor to multiply the scale by (the peeled factors it
  /// includes, taken back out).
  SmallVector<std::pair<Expr *, double>> queryAlternatives, keyAlternatives;
  /// The softcap c of `c * tanh(s / c)`, if any.
  std::optional<double> softcap;
  /// The score contraction's op (Q K^T).
  Operation *scoreOp = nullptr;
  /// The walk (for the sizes behind the symbols of index conditions).
  const ChainWalker *walker = nullptr;
};

/// The outcome of an attempt: the reason when it failed; `candidate` tells
/// whether the chain looked like attention (worth a remark).
struct MatchResult {
  std::string reason;
  bool candidate = false;
};

} // namespace

/// Flattens `e`, an affine function of the logical dims and of `walker`'s
/// size symbols, with each symbol resolved to Sq or Skv: the coefficients of
/// the logical dims, then of Sq and Skv, then the constant. None when a
/// symbol is no known sequence length.
static std::optional<SmallVector<int64_t>>
flattenWithSizes(AffineExpr e, const ChainWalker &walker) {
  MLIRContext *ctx = e.getContext();
  SmallVector<AffineExpr> toSizes;
  for (unsigned k = 0, n = walker.symbols.size(); k < n; ++k) {
    std::optional<unsigned> dim;
    if (e.isFunctionOfSymbol(k) && !(dim = walker.symbolSize(k)))
      return std::nullopt;
    toSizes.push_back(dim ? getAffineSymbolExpr(*dim == kI ? 0 : 1, ctx)
                          : getAffineConstantExpr(0, ctx));
  }
  SmallVector<int64_t> flat;
  if (failed(getFlattenedAffineExpr(e.replaceSymbols(toSizes), kNumDims, 2,
                                    &flat)) ||
      flat.size() != kNumDims + 3)
    return std::nullopt;
  return flat;
}

/// Writes `a Sq + b Skv + c` as `c0 + m (Skv - Sq)`, with the static sizes
/// of `walker` folded into c0: {c0, m}, or none when it has no such form
/// (a Sq + b Skv with dynamic sizes and a != -b) or overflows.
static std::optional<std::pair<int64_t, int64_t>>
foldSizes(int64_t a, int64_t b, int64_t c, const ChainWalker &walker) {
  int64_t sq = walker.sizes[kI], skv = walker.sizes[kJ];
  bool sqStatic = !ShapedType::isDynamic(sq),
       skvStatic = !ShapedType::isDynamic(skv);
  std::optional<int64_t> folded;
  int64_t m = 0;
  if (sqStatic && skvStatic) {
    std::optional<int64_t> x = llvm::checkedMul(a, sq),
                           y = llvm::checkedMul(b, skv);
    if (x && y)
      folded = llvm::checkedAdd(*x, *y);
  } else if (a == -b) {
    folded = 0, m = b;
  } else if (sqStatic) {
    folded = llvm::checkedMul(a + b, sq), m = b;
  } else if (skvStatic) {
    folded = llvm::checkedMul(a + b, skv), m = -a;
  }
  std::optional<int64_t> c0 =
      folded ? llvm::checkedAdd(c, *folded) : std::nullopt;
  if (!c0)
    return std::nullopt;
  return std::make_pair(*c0, m);
}

/// The predicate of an integer compare node: its op's, or the one in the
/// attributes of a node built without an op (a concat's piece test).
static std::optional<arith::CmpIPredicate> cmpiPredicate(Expr *c) {
  if (!isOp<arith::CmpIOp>(c) || c->args.size() != 2)
    return std::nullopt;
  if (c->op)
    return cast<arith::CmpIOp>(c->op).getPredicate();
  if (c->attrs)
    if (auto p = c->attrs.getAs<IntegerAttr>("predicate"))
      return arith::symbolizeCmpIPredicate(p.getInt());
  return std::nullopt;
}

namespace {
/// A linear condition a*i + b*j + k <= 0 on the query index i and the key
/// index j.
struct LinearCond {
  int64_t a, b, k;
};
} // namespace

/// The keep condition `c` (negated when `negated`) as linear conditions
/// that must all hold, with static sizes folded in: an integer constant
/// (true: none; false: 1 <= 0) or a compare of affine functions of i and j.
/// None for anything else, a `!=`, a dynamic size, or large coefficients.
static std::optional<SmallVector<LinearCond, 2>>
linearConditions(Expr *c, bool negated, const ChainWalker &walker) {
  SmallVector<LinearCond, 2> conds;
  if (c->kind == ExprKind::Const && c->type.isInteger(1)) {
    if ((c->cst != 0) == negated)
      conds.push_back({0, 0, 1});
    return conds;
  }
  // A negation (xor with true).
  if (isOp<arith::XOrIOp>(c))
    for (int k = 0; k < 2; ++k)
      if (isConst(c->args[k], 1.0) || isConst(c->args[k], -1.0))
        return linearConditions(c->args[1 - k], !negated, walker);
  // A conjunction: the conditions of both sides.
  if ((isOp<arith::AndIOp>(c) && !negated) ||
      (isOp<arith::OrIOp>(c) && negated)) {
    for (Expr *side : c->args) {
      std::optional<SmallVector<LinearCond, 2>> more =
          linearConditions(side, negated, walker);
      if (!more)
        return std::nullopt;
      conds.append(more->begin(), more->end());
    }
    return conds;
  }
  std::optional<arith::CmpIPredicate> pred = cmpiPredicate(c);
  if (!pred)
    return std::nullopt;
  auto nonNegative = [](Expr *a) {
    return a->kind == ExprKind::Index ? a->lo >= 0 : a->cst >= 0;
  };
  AffineExpr sides[2];
  for (int k = 0; k < 2; ++k) {
    Expr *a = c->args[k];
    if (a->kind == ExprKind::Index)
      sides[k] = a->index;
    else if (a->kind == ExprKind::Const && a->type.isIntOrIndex())
      sides[k] =
          getAffineConstantExpr(static_cast<int64_t>(a->cst), walker.ctx);
    else
      return std::nullopt;
  }
  bool isUnsigned = *pred == arith::CmpIPredicate::ult ||
                    *pred == arith::CmpIPredicate::ule ||
                    *pred == arith::CmpIPredicate::ugt ||
                    *pred == arith::CmpIPredicate::uge;
  if (isUnsigned && (!nonNegative(c->args[0]) || !nonNegative(c->args[1])))
    return std::nullopt;
  std::optional<SmallVector<int64_t>> flat =
      flattenWithSizes(sides[0] - sides[1], walker);
  if (!flat)
    return std::nullopt;
  for (unsigned d = 0; d < kNumDims; ++d)
    if (d != kI && d != kJ && (*flat)[d] != 0)
      return std::nullopt;
  int64_t sq = walker.sizes[kI], skv = walker.sizes[kJ];
  int64_t a = (*flat)[kI], b = (*flat)[kJ], k = flat->back();
  for (auto [coef, size] : {std::make_pair((*flat)[kNumDims], sq),
                            std::make_pair((*flat)[kNumDims + 1], skv)}) {
    if (coef == 0)
      continue;
    std::optional<int64_t> term = ShapedType::isDynamic(size)
                                      ? std::nullopt
                                      : llvm::checkedMul(coef, size);
    std::optional<int64_t> sum =
        term ? llvm::checkedAdd(k, *term) : std::nullopt;
    if (!sum)
      return std::nullopt;
    k = *sum;
  }
  constexpr int64_t kMaxCoef = int64_t(1) << 20, kMaxConst = int64_t(1) << 50;
  if (std::abs(a) > kMaxCoef || std::abs(b) > kMaxCoef ||
      std::abs(k) > kMaxConst)
    return std::nullopt;
  arith::CmpIPredicate p = negated ? arith::invertPredicate(*pred) : *pred;
  switch (p) {
  case arith::CmpIPredicate::slt:
  case arith::CmpIPredicate::ult:
    conds.push_back({a, b, k + 1});
    break;
  case arith::CmpIPredicate::sle:
  case arith::CmpIPredicate::ule:
    conds.push_back({a, b, k});
    break;
  case arith::CmpIPredicate::sgt:
  case arith::CmpIPredicate::ugt:
    conds.push_back({-a, -b, -k + 1});
    break;
  case arith::CmpIPredicate::sge:
  case arith::CmpIPredicate::uge:
    conds.push_back({-a, -b, -k});
    break;
  case arith::CmpIPredicate::eq:
    conds.push_back({a, b, k});
    conds.push_back({-a, -b, -k});
    break;
  default:
    return std::nullopt;
  }
  return conds;
}

namespace {
/// A conjunction of linear conditions on i and j.
using LinearConj = SmallVector<LinearCond, 4>;
} // namespace

/// The keys [lo, hi] of query row `i` (of keys [0, skv)) that satisfy all
/// of `conds` (lo > hi: none).
static std::pair<int64_t, int64_t> rowInterval(ArrayRef<LinearCond> conds,
                                               int64_t i, int64_t skv) {
  int64_t lo = 0, hi = skv - 1;
  for (const LinearCond &c : conds) {
    int64_t r = c.a * i + c.k; // c.b * j + r <= 0
    if (c.b == 0) {
      if (r > 0)
        hi = -1;
    } else if (c.b > 0) {
      hi = std::min(hi, llvm::divideFloorSigned(-r, c.b));
    } else {
      lo = std::max(lo, llvm::divideCeilSigned(r, -c.b));
    }
  }
  return {lo, hi};
}

/// Whether keep condition `x` (negated when `nx`) implies `y` (negated when
/// `ny`) at every query and key index: no (i, j) in [0, Sq) x [0, Skv)
/// satisfies `x` and fails `y`. Static sizes only, and Sq at most 2^20 (a
/// pass over the rows, each solved for an interval of j).
static bool impliesKeep(Expr *x, bool nx, Expr *y, bool ny,
                        const ChainWalker &walker) {
  int64_t sq = walker.sizes[kI], skv = walker.sizes[kJ];
  if (ShapedType::isDynamic(sq) || ShapedType::isDynamic(skv) ||
      sq > (int64_t(1) << 20))
    return false;
  std::optional<SmallVector<LinearCond, 2>> px =
      linearConditions(x, nx, walker);
  std::optional<SmallVector<LinearCond, 2>> py =
      linearConditions(y, ny, walker);
  if (!px || !py)
    return false;
  for (const LinearCond &q : *py) {
    // A point where `x` holds and q fails (q.a i + q.b j + q.k >= 1)?
    SmallVector<LinearCond, 4> all(px->begin(), px->end());
    all.push_back({-q.a, -q.b, -q.k + 1});
    for (int64_t i = 0; i < sq; ++i)
      if (auto [lo, hi] = rowInterval(all, i, skv); lo <= hi)
        return false;
  }
  return true;
}


/// The keep condition `c` (negated when `negated`) as a disjunction of
/// conjunctions of linear conditions on i and j (static sizes folded in):
/// compares of indices combined by and/or/xor-with-true and i1 selects.
/// None for anything else or past 16 disjuncts.
static std::optional<SmallVector<LinearConj>>
keepDNF(Expr *c, bool negated, const ChainWalker &walker) {
  constexpr size_t kMaxDisjuncts = 16;
  SmallVector<LinearConj> out;
  auto product = [&](ArrayRef<LinearConj> l, ArrayRef<LinearConj> r) {
    for (const LinearConj &x : l)
      for (const LinearConj &y : r) {
        LinearConj both(x.begin(), x.end());
        both.append(y.begin(), y.end());
        out.push_back(std::move(both));
      }
  };
  if (c->kind == ExprKind::Const && c->type.isInteger(1)) {
    if ((c->cst != 0) != negated)
      out.emplace_back();
    return out;
  }
  if (isOp<arith::XOrIOp>(c))
    for (int k = 0; k < 2; ++k)
      if (isConst(c->args[k], 1.0) || isConst(c->args[k], -1.0))
        return keepDNF(c->args[1 - k], !negated, walker);
  bool isAnd = (isOp<arith::AndIOp>(c) && !negated) ||
               (isOp<arith::OrIOp>(c) && negated);
  bool isOr = (isOp<arith::OrIOp>(c) && !negated) ||
              (isOp<arith::AndIOp>(c) && negated);
  if (isAnd || isOr) {
    std::optional<SmallVector<LinearConj>> l =
        keepDNF(c->args[0], negated, walker);
    std::optional<SmallVector<LinearConj>> r =
        l ? keepDNF(c->args[1], negated, walker) : std::nullopt;
    if (!r)
      return std::nullopt;
    if (isOr) {
      out = *l;
      out.append(r->begin(), r->end());
    } else {
      product(*l, *r);
    }
  } else if (isOp<arith::SelectOp>(c) && c->args.size() == 3 &&
             c->type.isInteger(1)) {
    // p ? a : b is (p and a) or (!p and b); negated, a and b are.
    std::optional<SmallVector<LinearConj>> pt, pf, ka, kb;
    if (!(pt = keepDNF(c->args[0], false, walker)) ||
        !(pf = keepDNF(c->args[0], true, walker)) ||
        !(ka = keepDNF(c->args[1], negated, walker)) ||
        !(kb = keepDNF(c->args[2], negated, walker)))
      return std::nullopt;
    product(*pt, *ka);
    product(*pf, *kb);
  } else if (std::optional<arith::CmpIPredicate> pred = cmpiPredicate(c)) {
    bool notEqual = (*pred == arith::CmpIPredicate::ne) != negated &&
                    (*pred == arith::CmpIPredicate::ne ||
                     *pred == arith::CmpIPredicate::eq);
    // a != b: a - b >= 1 or a - b <= -1, from the two sides of a == b.
    std::optional<SmallVector<LinearCond, 2>> conds = linearConditions(
        c, notEqual ? *pred == arith::CmpIPredicate::ne : negated, walker);
    if (!conds)
      return std::nullopt;
    if (notEqual) {
      const LinearCond &d = (*conds)[0]; // a - b <= 0
      out.push_back({{-d.a, -d.b, -d.k + 1}});
      out.push_back({{d.a, d.b, d.k + 1}});
    } else {
      out.push_back(LinearConj(conds->begin(), conds->end()));
    }
  } else {
    return std::nullopt;
  }
  if (out.size() > kMaxDisjuncts)
    return std::nullopt;
  return out;
}

/// The band `lower <= j - i <= upper` that keep condition `c` (negated when
/// `negated`) is, exactly: its disjunctive form keeps, in every query row,
/// one interval of keys (the union of its disjuncts' intervals) that a band
/// keeps, with the same bounds in every row (clipped to [0, Skv)). Static
/// sizes only, and a bounded scan.
static std::optional<Band> keepAsBand(Expr *c, bool negated,
                                      const ChainWalker &walker) {
  int64_t sq = walker.sizes[kI], skv = walker.sizes[kJ];
  if (ShapedType::isDynamic(sq) || ShapedType::isDynamic(skv) || sq < 1 ||
      skv < 1)
    return std::nullopt;
  std::optional<SmallVector<LinearConj>> dnf = keepDNF(c, negated, walker);
  if (!dnf || static_cast<__int128>(dnf->size() + 1) * sq > (int64_t(1) << 24))
    return std::nullopt;
  // The union of the disjuncts' intervals in each row: one interval (or
  // none).
  SmallVector<std::pair<int64_t, int64_t>> rows;
  SmallVector<std::pair<int64_t, int64_t>> parts;
  for (int64_t i = 0; i < sq; ++i) {
    parts.clear();
    for (const LinearConj &conj : *dnf)
      if (auto [lo, hi] = rowInterval(conj, i, skv); lo <= hi)
        parts.push_back({lo, hi});
    llvm::sort(parts);
    std::pair<int64_t, int64_t> row = {0, -1};
    for (auto [lo, hi] : parts) {
      if (row.first > row.second)
        row = {lo, hi};
      else if (lo <= row.second + 1)
        row.second = std::max(row.second, hi);
      else
        return std::nullopt; // two intervals: no band
    }
    rows.push_back(row);
  }
  // The bounds from rows that the clipping does not reach, then every row
  // checked against them.
  std::optional<int64_t> upper, lower;
  for (int64_t i = 0; i < sq; ++i) {
    auto [lo, hi] = rows[i];
    if (lo > hi)
      continue;
    if (hi < skv - 1) {
      if (upper && *upper != hi - i)
        return std::nullopt;
      upper = hi - i;
    }
    if (lo > 0) {
      if (lower && *lower != lo - i)
        return std::nullopt;
      lower = lo - i;
    }
  }
  for (int64_t i = 0; i < sq; ++i) {
    int64_t lo = lower ? std::max<int64_t>(0, i + *lower) : 0;
    int64_t hi = upper ? std::min<int64_t>(skv - 1, i + *upper) : skv - 1;
    auto [rlo, rhi] = rows[i];
    bool empty = lo > hi, rowEmpty = rlo > rhi;
    if (empty != rowEmpty || (!empty && (lo != rlo || hi != rhi)))
      return std::nullopt;
  }
  Band band;
  if (upper)
    band.addUpper(*upper);
  if (lower)
    band.addLower(*lower);
  return band;
}

/// Adds the keep-predicate `c` (negated when `negated`) to `plan`.
static LogicalResult addKeep(Expr *c, bool negated, Plan &plan,
                             std::string &reason) {
  if (c->kind == ExprKind::Const) {
    bool keep = (c->cst != 0) != negated;
    if (!keep) {
      reason = "every key is masked out";
      return failure();
    }
    return success();
  }
  if (isOp<arith::XOrIOp>(c)) {
    for (int k = 0; k < 2; ++k)
      if (isConst(c->args[k], 1.0) || isConst(c->args[k], -1.0))
        return addKeep(c->args[1 - k], !negated, plan, reason);
  }
  if ((isOp<arith::AndIOp>(c) && !negated) ||
      (isOp<arith::OrIOp>(c) && negated)) {
    if (failed(addKeep(c->args[0], negated, plan, reason)))
      return failure();
    return addKeep(c->args[1], negated, plan, reason);
  }
  // Keep where x (negated when nx) or y (when ny) holds: when one implies
  // the other, that other (a KV cache's keys, all visible, next to a causal
  // block: j < P or j - P <= i, which is j - i <= P). Otherwise the whole of
  // `c` is a dense term, below.
  auto keepEither = [&](Expr *x, bool nx, Expr *y,
                        bool ny) -> std::optional<LogicalResult> {
    if (impliesKeep(x, nx, y, ny, *plan.walker))
      return addKeep(y, ny, plan, reason);
    if (impliesKeep(y, ny, x, nx, *plan.walker))
      return addKeep(x, nx, plan, reason);
    return std::nullopt;
  };
  auto keepBoth = [&](Expr *x, bool nx, Expr *y, bool ny) {
    if (failed(addKeep(x, nx, plan, reason)))
      return failure();
    return addKeep(y, ny, plan, reason);
  };
  // Otherwise its disjunctive form may still reduce to one band (three
  // pieces of a concatenation, a disjunction inside a conjunction).
  auto keepBand = [&]() -> std::optional<LogicalResult> {
    std::optional<Band> band = keepAsBand(c, negated, *plan.walker);
    if (!band)
      return std::nullopt;
    plan.indexTerms.push_back({c, negated});
    if (band->upper)
      plan.band.addUpper(*band->upper);
    if (band->lower)
      plan.band.addLower(*band->lower);
    return success();
  };
  if ((isOp<arith::OrIOp>(c) && !negated) ||
      (isOp<arith::AndIOp>(c) && negated)) {
    if (std::optional<LogicalResult> r =
            keepEither(c->args[0], negated, c->args[1], negated))
      return *r;
    if (std::optional<LogicalResult> r = keepBand())
      return *r;
  }
  // An i1 select(p, a, b) with a constant arm (a concatenation of masks):
  // an AND or an OR of p and the other arm.
  if (isOp<arith::SelectOp>(c) && c->args.size() == 3 && c->type.isInteger(1)) {
    Expr *p = c->args[0], *a = c->args[1], *b = c->args[2];
    auto isTrue = [](Expr *e) {
      return e->kind == ExprKind::Const && e->cst != 0;
    };
    auto isFalse = [](Expr *e) { return isConst(e, 0.0); };
    // Keep = p ? a : b, negated: p ? !a : !b.
    std::optional<LogicalResult> r;
    if (isTrue(a) != negated && (isTrue(a) || isFalse(a)))
      r = keepEither(p, false, b, negated); // p || b'
    else if (isTrue(a) || isFalse(a))
      return keepBoth(p, true, b, negated); // !p && b'
    else if (isTrue(b) != negated && (isTrue(b) || isFalse(b)))
      r = keepEither(p, true, a, negated); // !p || a'
    else if (isTrue(b) || isFalse(b))
      return keepBoth(p, false, a, negated); // p && a'
    if (r)
      return *r;
    if (std::optional<LogicalResult> r = keepBand())
      return *r;
  }
  // An index operand: an Index node, or an integer constant (j - i <= 0).
  auto indexOf = [&](Expr *a) -> AffineExpr {
    if (a->kind == ExprKind::Index)
      return a->index;
    return AffineExpr();
  };
  auto constOr = [](Expr *a, AffineExpr other) -> AffineExpr {
    if (other && a->kind == ExprKind::Const && a->type.isIntOrIndex())
      return getAffineConstantExpr(static_cast<int64_t>(a->cst),
                                   other.getContext());
    return AffineExpr();
  };
  AffineExpr lhsIdx, rhsIdx;
  std::optional<arith::CmpIPredicate> cmpPred = cmpiPredicate(c);
  if (cmpPred) {
    lhsIdx = indexOf(c->args[0]);
    rhsIdx = indexOf(c->args[1]);
    if (!lhsIdx)
      lhsIdx = constOr(c->args[0], rhsIdx);
    if (!rhsIdx)
      rhsIdx = constOr(c->args[1], lhsIdx);
  }
  // A condition on indices that is not a band is kept as a dense term
  // (`why` says which way it is not).
  auto dense = [&](StringRef why) {
    plan.indexDense = true;
    return success();
  };
  if (lhsIdx && rhsIdx) {
    plan.indexTerms.push_back({c, negated});
    arith::CmpIPredicate pred = *cmpPred;
    if (negated)
      pred = arith::invertPredicate(pred);
    // Normalise `a pred b` into a bound on t = j - i: a - b must flatten to
    // sign * t + off + offDelta * (Skv - Sq) with sign = +-1, the symbols
    // of sizes resolved to Sq and Skv (symbols 0 and 1 below) and static
    // sizes folded into `off`.
    AffineExpr diff = lhsIdx - rhsIdx;
    int sign = 0;
    int64_t off = 0, offDelta = 0;
    std::optional<SmallVector<int64_t>> flat =
        flattenWithSizes(diff, *plan.walker); // logical dims, Sq, Skv, 1
    if (flat) {
      int64_t cj = (*flat)[kJ];
      bool onlyIJ =
          llvm::all_of(llvm::seq<unsigned>(0, kNumDims), [&](unsigned d) {
            return d == kI || d == kJ || (*flat)[d] == 0;
          });
      std::optional<std::pair<int64_t, int64_t>> folded = foldSizes(
          (*flat)[kNumDims], (*flat)[kNumDims + 1], flat->back(), *plan.walker);
      if (onlyIJ && (cj == 1 || cj == -1) && (*flat)[kI] == -cj && folded) {
        sign = static_cast<int>(cj);
        off = folded->first;
        offDelta = folded->second;
      }
    }
    bool isUnsigned = pred == arith::CmpIPredicate::ult ||
                      pred == arith::CmpIPredicate::ule ||
                      pred == arith::CmpIPredicate::ugt ||
                      pred == arith::CmpIPredicate::uge;
    // An unsigned comparison is the signed one only between non-negative
    // values: indices and offsets whose ranges are non-negative (`j ule i`,
    // `j ule i + 1`), never a possibly negative difference (`j - i ule 0`
    // keeps only j == i).
    auto nonNegative = [](Expr *a) {
      return a->kind == ExprKind::Index ? a->lo >= 0 : a->cst >= 0;
    };
    if (isUnsigned &&
        (!nonNegative(c->args[0]) || !nonNegative(c->args[1])))
      return dense("mask condition compares index differences unsigned");
    if (sign == 0)
      return dense("mask condition is not a band j - i <= c or j - i >= c");
    // diff = sign * t + off + offDelta * delta. A bound on t is
    // bound + boundDelta * delta: relative to the top-left diagonal when
    // boundDelta is 0, to the bottom-right one when it is 1.
    constexpr int64_t kMaxOffset = int64_t(1) << 62;
    if (off < -kMaxOffset || off > kMaxOffset)
      return dense("mask condition has an offset beyond 2^62");
    auto add = [&](bool upper, int64_t bound, int64_t boundDelta) {
      if (boundDelta != 0 && boundDelta != 1) {
        (void)dense("mask condition is a band about a multiple of Skv - Sq");
        return;
      }
      if (upper)
        plan.band.addUpper(bound, boundDelta == 1);
      else
        plan.band.addLower(bound, boundDelta == 1);
    };
    if (pred == arith::CmpIPredicate::eq) {
      // t == -(off + offDelta * delta) / sign: the one diagonal, a band of
      // width 0.
      int64_t at = sign > 0 ? -off : off;
      int64_t atDelta = sign > 0 ? -offDelta : offDelta;
      add(true, at, atDelta);
      add(false, at, atDelta);
      return success();
    }
    int64_t bound;
    bool upperOnT; // after normalising into sign * t (<=|>=) bound
    switch (pred) {
    case arith::CmpIPredicate::slt:
    case arith::CmpIPredicate::ult:
      bound = -off - 1, upperOnT = true;
      break;
    case arith::CmpIPredicate::sle:
    case arith::CmpIPredicate::ule:
      bound = -off, upperOnT = true;
      break;
    case arith::CmpIPredicate::sgt:
    case arith::CmpIPredicate::ugt:
      bound = -off + 1, upperOnT = false;
      break;
    case arith::CmpIPredicate::sge:
    case arith::CmpIPredicate::uge:
      bound = -off, upperOnT = false;
      break;
    default:
      return dense("mask condition uses != on indices");
    }
    int64_t boundDelta = -offDelta;
    if (sign < 0) {
      bound = -bound;
      boundDelta = -boundDelta;
      upperOnT = !upperOnT;
    }
    add(upperOnT, bound, boundDelta);
    return success();
  }
  if (contains(c, ExprKind::Contract)) {
    reason = "unsupported mask condition";
    return failure();
  }
  if (contains(c, ExprKind::Index)) {
    // Indices with other values (a dynamic offset, a tensor.dim): a dense
    // term, if it reads no tensor (checked when the mask is planned).
    plan.indexTerms.push_back({c, negated});
    return dense("unsupported mask condition");
  }
  plan.boolMasks.push_back({c, negated});
  return success();
}

/// Strips float extensions and truncations.
static Expr *stripCasts(Expr *e) {
  while (isOp<arith::ExtFOp>(e) || isOp<arith::TruncFOp>(e))
    e = e->args[0];
  return e;
}

/// Strips float extensions only (exact: -inf stays -inf, a finite value
/// stays finite, unlike a truncation).
static Expr *stripExtensions(Expr *e) {
  while (isOp<arith::ExtFOp>(e))
    e = e->args[0];
  return e;
}

/// Reads `e` as `lhs - rhs`: a subtraction, or the addition of a negation
/// (`x + (-max)`).
static bool asSubtraction(Expr *e, Expr *&lhs, Expr *&rhs) {
  if (isOp<arith::SubFOp>(e)) {
    lhs = e->args[0];
    rhs = e->args[1];
    return true;
  }
  if (isOp<arith::AddFOp>(e))
    for (int k = 0; k < 2; ++k)
      if (isOp<arith::NegFOp>(e->args[k])) {
        lhs = e->args[1 - k];
        rhs = e->args[k]->args[0];
        return true;
      }
  return false;
}

/// Returns the softmax input of probabilities `p`, or null with a reason.
/// `expScale` is a factor applied to that input inside the exponential:
/// exp2(x) is exp(ln 2 * x), and exp((x - max(x)) * c) is softmax(c * x)
/// (a softmax does not change when every score of a row moves by the same
/// amount, so which value was subtracted does not matter).
static Expr *matchSoftmaxCore(Expr *p, double &expScale,
                              bool &maxSubtracted, std::string &reason) {
  expScale = 1.0;
  maxSubtracted = false;
  p = stripCasts(p);
  if (p->kind == ExprKind::Softmax)
    return p->args[0];
  Expr *num = nullptr, *sum = nullptr;
  if (isOp<arith::DivFOp>(p)) {
    num = p->args[0];
    sum = p->args[1];
  } else if (isOp<arith::MulFOp>(p)) {
    for (int k = 0; k < 2; ++k) {
      Expr *r = p->args[k];
      if (isOp<arith::DivFOp>(r) && isConst(r->args[0], 1.0)) {
        num = p->args[1 - k];
        sum = r->args[1];
      }
    }
  }
  if (!num) {
    reason = "the second contraction does not read a softmax";
    return nullptr;
  }
  if (sum->kind != ExprKind::Reduce || sum->name != "arith.addf" ||
      !isConst(sum->args[0], 0.0) || !equal(sum->args[1], num)) {
    reason = "softmax denominator is not the sum over the keys of its "
             "numerator";
    return nullptr;
  }
  Expr *e = stripCasts(num);
  if (isOp<math::Exp2Op>(e)) {
    expScale = M_LN2;
  } else if (!isOp<math::ExpOp>(e)) {
    reason = "softmax numerator is not an exponential";
    return nullptr;
  }
  Expr *arg = e->args[0];
  // A constant factor around the max subtraction, (x - max) * c or / c.
  // (Without the subtraction, matchScores reads it as a scale.)
  if (isOp<arith::MulFOp>(arg) || isOp<arith::DivFOp>(arg)) {
    bool isDiv = isOp<arith::DivFOp>(arg);
    int cpos = arg->args[1]->kind == ExprKind::Const               ? 1
               : (!isDiv && arg->args[0]->kind == ExprKind::Const) ? 0
                                                                   : -1;
    Expr *lhs, *rhs;
    if (cpos >= 0 && asSubtraction(arg->args[1 - cpos], lhs, rhs)) {
      double c = arg->args[cpos]->cst;
      expScale = isDiv ? expScale / c : expScale * c;
      arg = arg->args[1 - cpos];
    }
  }
  Expr *minuend, *max;
  if (asSubtraction(arg, minuend, max)) {
    // The max starts at -inf, at a value no score reaches (<= -1e30), or at
    // the lowest finite value of its own type (f16's -65504, which every
    // f16 score but -inf reaches or exceeds: the same max but for fully
    // masked rows).
    auto startsLowEnough = [&](Expr *init) {
      if (init->kind != ExprKind::Const)
        return false;
      if (init->cst <= -1.0e30)
        return true;
      auto ft = dyn_cast<FloatType>(max->type);
      return ft && init->cst <= APFloat::getLargest(ft.getFloatSemantics(),
                                                    /*Negative=*/true)
                                    .convertToDouble();
    };
    bool isMaxReduce =
        max->kind == ExprKind::Reduce &&
        (max->name == "arith.maximumf" || max->name == "arith.maxnumf");
    if (isMaxReduce && !startsLowEnough(max->args[0])) {
      // (Read without the subtraction, the chain would be refused as an
      // unsupported op; this says why.)
      reason = "the row maximum the softmax subtracts does not start at "
               "-inf, at or below -1e30, or at the lowest value of its type "
               "(a higher start changes rows whose scores are all below it)";
      if (max->args[0]->kind == ExprKind::Const)
        reason += llvm::formatv(": it starts at {0:e}", max->args[0]->cst);
      return nullptr;
    }
    if (isMaxReduce) {
      if (!equal(stripCasts(max->args[1]), stripCasts(minuend))) {
        reason = "softmax subtracts the maximum of another tensor";
        return nullptr;
      }
      maxSubtracted = true;
      return minuend;
    }
  }
  return arg;
}

/// The value a row test of PyTorch's `_safe_softmax` compares with -inf,
/// or null: `all_j(x == -inf)` (an and-reduction over the keys starting at
/// true) when `all`, `any_j(x != -inf)` (an or-reduction starting at false)
/// otherwise.
static Expr *safeSoftmaxRowTest(Expr *c, bool all) {
  if (c->kind != ExprKind::Reduce || c->args.size() != 2 ||
      c->name != (all ? arith::AndIOp::getOperationName()
                      : arith::OrIOp::getOperationName()))
    return nullptr;
  Expr *init = c->args[0], *cmp = c->args[1];
  if (init->kind != ExprKind::Const || !init->type.isInteger(1) ||
      (init->cst != 0) != all || !isOp<arith::CmpFOp>(cmp) || !cmp->op)
    return nullptr;
  auto pred = cast<arith::CmpFOp>(cmp->op).getPredicate();
  bool predOk = all ? (pred == arith::CmpFPredicate::OEQ ||
                       pred == arith::CmpFPredicate::UEQ)
                    : (pred == arith::CmpFPredicate::ONE ||
                       pred == arith::CmpFPredicate::UNE);
  if (!predOk)
    return nullptr;
  double ninf = -std::numeric_limits<double>::infinity();
  for (int k = 0; k < 2; ++k)
    if (isConst(cmp->args[k], ninf))
      return cmp->args[1 - k];
  return nullptr;
}

/// Returns the softmax input of probabilities `p`, or null with a reason
/// (see matchSoftmaxCore). Also takes PyTorch's `_safe_softmax` (what its
/// SDPA decomposition emits since 2.5): `where(all_j(x == -inf), 0,
/// softmax(x))`, the probabilities of a row whose scores are all -inf set
/// to 0, which is what attn.attention gives a fully masked row.
static Expr *matchSoftmax(Expr *p, double &expScale, bool &maxSubtracted,
                          std::string &reason) {
  p = stripCasts(p);
  Expr *rowTested = nullptr;
  if (isOp<arith::SelectOp>(p) && p->args.size() == 3) {
    if (Expr *x = safeSoftmaxRowTest(p->args[0], /*all=*/true);
        x && isConst(stripCasts(p->args[1]), 0.0)) {
      rowTested = x;
      p = p->args[2];
    } else if (Expr *y = safeSoftmaxRowTest(p->args[0], /*all=*/false);
               y && isConst(stripCasts(p->args[2]), 0.0)) {
      rowTested = y;
      p = p->args[1];
    }
  }
  Expr *x = matchSoftmaxCore(p, expScale, maxSubtracted, reason);
  if (x && rowTested &&
      !equal(stripExtensions(rowTested), stripExtensions(x))) {
    reason = "the probabilities are zeroed for rows whose scores are all "
             "-inf, tested on other values than the softmax input";
    return nullptr;
  }
  return x;
}

static void collectLeaves(Expr *e, SmallVectorImpl<Expr *> &leaves);
static bool isPlainPredicate(Expr *e);

/// True when `e` is computed element by element from tensor elements,
/// indices, scalars and constants (no reduction or contraction): a value
/// the rewrite can evaluate into a dense mask when nothing simpler fits.
static bool isPointwise(Expr *e) {
  switch (e->kind) {
  case ExprKind::Leaf:
  case ExprKind::Const:
  case ExprKind::Index:
    return true;
  case ExprKind::Op:
    return (e->op || !e->name.empty()) && llvm::all_of(e->args, isPointwise);
  default:
    return false;
  }
}

/// True when `e` is a float computed element-wise from one tensor (all its
/// leaves read the same tensor through the same map) and constants, e.g.
/// HF's extended mask `(1 - m) * finfo.min` or `where(m, 0, -inf)`.
static bool isElementwiseOfOneTensor(Expr *e) {
  if (!isa<FloatType>(e->type) || !isPlainPredicate(e))
    return false;
  SmallVector<Expr *> leaves;
  collectLeaves(e, leaves);
  return !leaves.empty() && llvm::all_of(leaves, [&](Expr *l) {
    return equal(l, leaves[0]);
  });
}

/// The smallest and largest value of `e` when it is a constant float tensor
/// whose values are all positive and finite (a per-head scale table read
/// as a factor), else nullopt.
static std::optional<std::pair<double, double>> positiveConstantRange(Expr *e) {
  DenseElementsAttr dense;
  if (e->kind != ExprKind::Leaf || !e->value ||
      !matchPattern(e->value, m_Constant(&dense)) ||
      !isa<FloatType>(dense.getElementType()))
    return std::nullopt;
  double lo = std::numeric_limits<double>::infinity(), hi = 0.0;
  for (APFloat v : dense.getValues<APFloat>()) {
    double d = v.convertToDouble();
    if (!(d > 0.0) || !std::isfinite(d))
      return std::nullopt;
    lo = std::min(lo, d);
    hi = std::max(hi, d);
  }
  return std::make_pair(lo, hi);
}

static bool isBinaryConstant(Value v);

static std::optional<std::pair<double, double>> constantMagnitudes(Value v);

/// An upper bound on the magnitude of the values of `e`, a float expression
/// of the scores: +inf when it may hold an infinity (an infinite constant, a
/// float tensor that is not a constant of finite values, a sum of two large
/// constants that overflows, a truncf below a constant's magnitude, a log or
/// a division by a constant holding 0...). Values the walk does not reason
/// about, the contraction (Q and K) and scalars, count as 0: the scores are
/// assumed finite and moderate, as everywhere in the raise.
static double magnitudeBound(Expr *e) {
  const double inf = std::numeric_limits<double>::infinity();
  auto maxFinite = [&](Type t) {
    if (auto ft = dyn_cast<FloatType>(t))
      return APFloat::getLargest(ft.getFloatSemantics()).convertToDouble();
    return inf;
  };
  // A bound above the type's largest finite value: the value may round to
  // an infinity.
  auto fit = [&](double bound) {
    return bound > maxFinite(e->type) ? inf : bound;
  };
  switch (e->kind) {
  case ExprKind::Contract:
  case ExprKind::Index:
    return 0.0;
  case ExprKind::Const:
    return std::isfinite(e->cst) ? fit(std::fabs(e->cst)) : inf;
  case ExprKind::Leaf:
    if (!e->map || !isa<FloatType>(e->type))
      return 0.0;
    if (auto mags = constantMagnitudes(e->value))
      return fit(mags->second);
    return inf;
  default:
    break;
  }
  if (e->kind != ExprKind::Op)
    return llvm::any_of(e->args,
                        [](Expr *a) { return magnitudeBound(a) > 0.0; })
               ? inf
               : 0.0;
  SmallVector<double> b;
  for (Expr *a : e->args)
    b.push_back(isa<FloatType>(a->type) ? magnitudeBound(a) : 0.0);
  StringRef n = e->name;
  if (n == arith::NegFOp::getOperationName() ||
      n == math::AbsFOp::getOperationName() ||
      n == arith::ExtFOp::getOperationName() ||
      n == arith::TruncFOp::getOperationName())
    return fit(b[0]);
  if (n == arith::MaximumFOp::getOperationName() ||
      n == arith::MinimumFOp::getOperationName() ||
      n == arith::MaxNumFOp::getOperationName() ||
      n == arith::MinNumFOp::getOperationName() ||
      n == arith::SelectOp::getOperationName())
    return fit(*llvm::max_element(b));
  if (n == arith::AddFOp::getOperationName() ||
      n == arith::SubFOp::getOperationName())
    return fit(b[0] + b[1]);
  if (n == arith::MulFOp::getOperationName()) {
    // A factor that is not looked at (0) times a bounded one: the scores
    // times a scale or a 0/1 mask.
    if (b[0] == 0.0 || b[1] == 0.0)
      return std::isinf(b[0]) || std::isinf(b[1]) ? inf : 0.0;
    return fit(b[0] * b[1]);
  }
  if (n == arith::DivFOp::getOperationName()) {
    if (std::isinf(b[0]) || std::isinf(b[1]))
      return inf;
    // A constant divisor: its smallest magnitude bounds the quotient; any
    // other divisor only under scores that are not looked at.
    Expr *d = e->args[1];
    std::optional<double> smallest;
    if (d->kind == ExprKind::Const)
      smallest = std::fabs(d->cst);
    else if (d->kind == ExprKind::Leaf && d->map)
      if (auto mags = constantMagnitudes(d->value))
        smallest = mags->first;
    if (smallest)
      return *smallest == 0.0 ? inf : fit(b[0] / *smallest);
    return b[0] == 0.0 ? 0.0 : inf;
  }
  if (n == math::TanhOp::getOperationName())
    return std::isnan(b[0]) ? inf : 1.0;
  if (n == arith::UIToFPOp::getOperationName() && e->args[0]->type.isInteger(1))
    return 1.0;
  // Any other op (exp, log, pow, a conversion from a wider integer...) of
  // values that are not all left unexamined may make an infinity.
  return llvm::all_of(b, [](double x) { return x == 0.0; }) ? 0.0 : inf;
}

/// True when the scores `s` above the contraction may hold an infinity the
/// chain put there (magnitudeBound).
static bool mayHoldInfinity(Expr *s) { return std::isinf(magnitudeBound(s)); }

/// When the float `b` holds only 0 and 1, the i1 condition `b == 1`: the
/// i1 of a uitofp, the condition of select(c, 1, 0) (negated for
/// select(c, 0, 1)), or `b != 0` for a constant tensor of zeros and ones
/// (TF's `band_part(ones)`); else null.
static Expr *binaryCondition(Expr *b, ChainWalker &walker) {
  while (isOp<arith::ExtFOp>(b) || isOp<arith::TruncFOp>(b))
    b = b->args[0]; // 0 and 1 survive any float rounding
  Type i1 = IntegerType::get(b->type.getContext(), 1);
  if (isOp<arith::UIToFPOp>(b) && b->args[0]->type.isInteger(1))
    return b->args[0];
  // An i1 zero-extended first is 0 or 1 whichever way it is converted.
  if ((isOp<arith::UIToFPOp>(b) || isOp<arith::SIToFPOp>(b)) &&
      isOp<arith::ExtUIOp>(b->args[0]) &&
      b->args[0]->args[0]->type.isInteger(1))
    return b->args[0]->args[0];
  // 1 - b is 1 where b is 0 (`(1 - mask.float()) * min`).
  if (isOp<arith::SubFOp>(b) && isConst(b->args[0], 1.0))
    if (Expr *c = binaryCondition(b->args[1], walker))
      return walker.scalarOp(arith::XOrIOp::getOperationName(), i1,
                             {c, walker.constant(1.0, i1)});
  if (isOp<arith::SelectOp>(b) && isConst(b->args[1], 1.0) &&
      isConst(b->args[2], 0.0))
    return b->args[0];
  if (isOp<arith::SelectOp>(b) && isConst(b->args[1], 0.0) &&
      isConst(b->args[2], 1.0))
    return walker.scalarOp(arith::XOrIOp::getOperationName(), i1,
                           {b->args[0], walker.constant(1.0, i1)});
  if (b->kind == ExprKind::Leaf && b->map && isa<FloatType>(b->type) &&
      isBinaryConstant(b->value)) {
    Expr *cmp = walker.scalarOp(arith::CmpFOp::getOperationName(), i1,
                                {b, walker.constant(0.0, b->type)});
    Builder builder(b->type.getContext());
    cmp->attrs = builder.getDictionaryAttr(builder.getNamedAttr(
        "predicate", builder.getI64IntegerAttr(
                         static_cast<int64_t>(arith::CmpFPredicate::UNE))));
    return cmp;
  }
  return nullptr;
}

/// The value of `m` where the float `b` is 0, when `m` is 0 where `b` is 1
/// and a finite constant where it is 0: c * (1 - b) (then c), c * (b - 1)
/// (-c), their negations and factors in either order; else nullopt.
static std::optional<double> complementValue(Expr *m, Expr *b) {
  if (isOp<arith::NegFOp>(m)) {
    std::optional<double> v = complementValue(m->args[0], b);
    return v ? std::optional<double>(-*v) : std::nullopt;
  }
  if (isOp<arith::MulFOp>(m)) {
    for (int k = 0; k < 2; ++k)
      if (m->args[k]->kind == ExprKind::Const && std::isfinite(m->args[k]->cst))
        if (std::optional<double> v = complementValue(m->args[1 - k], b))
          return roundTo(m->type, m->args[k]->cst * *v);
    return std::nullopt;
  }
  if (isOp<arith::SubFOp>(m)) {
    if (isConst(m->args[0], 1.0) && equal(m->args[1], b))
      return 1.0;
    if (isConst(m->args[1], 1.0) && equal(m->args[0], b))
      return -1.0;
  }
  return std::nullopt;
}

/// `c`, a float compare of `x + y` (or `y + x`) with a constant, as the
/// same compare of `y` (exact where `x` is +0 or -0); null when `c` has no
/// such form.
static Expr *compareWithoutZeroTerm(Expr *c, Expr *x, ChainWalker &walker) {
  if (!isOp<arith::CmpFOp>(c) || c->args.size() != 2)
    return nullptr;
  DictionaryAttr attrs = c->attrs;
  if (c->op) {
    Builder b(c->type.getContext());
    attrs = b.getDictionaryAttr(b.getNamedAttr(
        "predicate", b.getI64IntegerAttr(static_cast<int64_t>(
                         cast<arith::CmpFOp>(c->op).getPredicate()))));
  }
  if (!attrs)
    return nullptr;
  for (int side = 0; side < 2; ++side) {
    Expr *sum = c->args[side];
    if (c->args[1 - side]->kind != ExprKind::Const ||
        !isOp<arith::AddFOp>(sum) || sum->args.size() != 2)
      continue;
    for (int k = 0; k < 2; ++k)
      if (equal(sum->args[k], x) && sum->args[1 - k]->type == sum->type) {
        SmallVector<Expr *> args(c->args.begin(), c->args.end());
        args[side] = sum->args[1 - k];
        Expr *cmp =
            walker.scalarOp(arith::CmpFOp::getOperationName(), c->type, args);
        cmp->attrs = attrs;
        return cmp;
      }
  }
  return nullptr;
}

/// When the float `m` takes only the values 0 and one masking constant
/// through nested selects (a concatenation of masks: zeros for cached keys
/// next to a causal block), the i1 condition where it is 0; `fill` is set
/// to the masking constant (left null when `m` is 0 everywhere). Null
/// otherwise, or when two masking constants differ.
static Expr *zeroOrMaskKeep(Expr *m, ChainWalker &walker, Expr *&fill) {
  Type i1 = IntegerType::get(m->type.getContext(), 1);
  if (isConst(m, 0.0))
    return walker.constant(1.0, i1);
  if (isMaskingConstant(m)) {
    if (fill && fill->cst != m->cst)
      return nullptr;
    fill = m;
    return walker.constant(0.0, i1);
  }
  // x * b with b only 0 or 1 (Hugging Face's `triu(full(min), 1) *
  // (arange(T) > cache_position)`): x where b is 1, 0 (or -0) where it is
  // 0, so it keeps where x does or b is 0. Not with -inf (-inf * 0 is
  // NaN).
  if (isOp<arith::MulFOp>(m) && m->args.size() == 2) {
    for (int k = 0; k < 2; ++k) {
      Expr *cond = binaryCondition(m->args[k], walker);
      Expr *xFill = fill;
      Expr *kx = cond ? zeroOrMaskKeep(m->args[1 - k], walker, xFill) : nullptr;
      if (!kx || (xFill && std::isinf(xFill->cst)))
        continue;
      fill = xFill;
      Expr *zero = walker.scalarOp(arith::XOrIOp::getOperationName(), i1,
                                   {cond, walker.constant(1.0, i1)});
      return walker.scalarOp(arith::OrIOp::getOperationName(), i1, {kx, zero});
    }
    return nullptr;
  }
  if (!isOp<arith::SelectOp>(m) || m->args.size() != 3)
    return nullptr;
  Expr *ka = zeroOrMaskKeep(m->args[1], walker, fill);
  Expr *kb = ka ? zeroOrMaskKeep(m->args[2], walker, fill) : nullptr;
  if (!kb)
    return nullptr;
  // Hugging Face's padding merge, select(X + Y == 0, M, X) with X a 0/M
  // mask: M where X is M, and where X is 0 (+0 or -0) the compare reads
  // X + Y, which is Y exactly. So the condition is read without X.
  Expr *cond = m->args[0];
  for (int k = 1; k <= 2; ++k)
    if (isMaskingConstant(m->args[k]) &&
        m->args[3 - k]->kind != ExprKind::Const)
      if (Expr *c = compareWithoutZeroTerm(cond, m->args[3 - k], walker))
        cond = c;
  if (ka->kind == ExprKind::Const && kb->kind == ExprKind::Const) {
    if (ka->cst == kb->cst)
      return ka;
    if (ka->cst != 0)
      return cond;
    return walker.scalarOp(arith::XOrIOp::getOperationName(), i1,
                           {cond, walker.constant(1.0, i1)});
  }
  return walker.scalarOp(arith::SelectOp::getOperationName(), i1,
                         {cond, ka, kb});
}

/// Matches the scores `x` (the softmax input) into `plan`.
static LogicalResult matchScores(ChainWalker &walker, Expr *x, Plan &plan,
                                 std::string &reason, double expScale = 1.0,
                                 bool maxSubtracted = false) {
  // A factor inside the exponential applies to everything below it, masks
  // included, like a scale node above the softmax input.
  plan.scale = expScale;
  bool scaleSeen = expScale != 1.0;
  // Scales above this point that multiply to 1 (exp2 of scores times
  // log2(e): ln 2 * log2(e)) leave a mask or softcap below them unscaled.
  auto scaleAboveIsOne = [&]() {
    if (!scaleSeen || std::abs(plan.scale - 1.0) > 1.0e-6)
      return !scaleSeen;
    plan.scale = 1.0;
    scaleSeen = false;
    return true;
  };
  // A finite masking constant under a scale reaches the softmax multiplied
  // by the scales applied after it (plan.scale so far): -1e4 * 1e-4 = -1
  // masks nothing. -inf stays -inf under a positive scale.
  auto masksAfterScale = [&](Expr *fill) {
    // Factors that are no scalar constant: a constant tensor of positive
    // values (a per-head scale table) keeps a masking value masking, scaled
    // by at least its smallest value; another factor has an unknown sign.
    double leastFactor = 1.0;
    for (auto [factor, isDiv] : plan.runtimeFactors) {
      std::optional<std::pair<double, double>> range =
          positiveConstantRange(factor);
      if (!range) {
        reason = "a masking value under a scale that is not known to be "
                 "positive (a constant of positive values)";
        return false;
      }
      leastFactor *= isDiv ? 1.0 / range->second : range->first;
    }
    if (!scaleSeen && plan.runtimeFactors.empty())
      return true;
    // A masked key must stay far below the others where the exponential
    // reads it: the factors above the mask (plan.scale; those below it do
    // not matter) must be positive, and with a max subtracted so must both
    // the ones between the mask and the max and the one in the exponential
    // (a negative pair cancels in the product, but the max would be taken
    // of +inf or +1e9).
    if (!(plan.scale > 0) || (maxSubtracted && !(expScale > 0))) {
      reason = "a mask under a non-positive scale";
      return false;
    }
    if (std::isinf(fill->cst))
      return true;
    // (Within 1e-6: -1e4 under exp2 of x * log2(e), ln 2 * log2(e)
    // rounded just below 1, still masks.)
    if (fill->cst * plan.scale * leastFactor <= -1.0e4 * (1.0 - 1.0e-6))
      return true;
    reason = llvm::formatv("a finite mask value ({0:e}) is scaled by {1:e} "
                           "afterwards and no longer masks (needs <= -1e4)",
                           fill->cst, plan.scale * leastFactor)
                 .str();
    return false;
  };
  while (true) {
    if (isOp<arith::ExtFOp>(x) || isOp<arith::TruncFOp>(x)) {
      x = x->args[0];
      continue;
    }
    if (x->kind == ExprKind::Contract) {
      plan.scoreOp = x->contractOp;
      break;
    }
    if (plan.softcap && (isOp<arith::SelectOp>(x) || isOp<arith::AddFOp>(x))) {
      // tanh would turn a -inf or additive mask into a finite score.
      reason = "the mask is applied before the softcap";
      return failure();
    }
    int cpos = !isOp<arith::MulFOp>(x)               ? -1
               : x->args[1]->kind == ExprKind::Const ? 1
               : x->args[0]->kind == ExprKind::Const ? 0
                                                     : -1;
    bool bareTanh = isOp<math::TanhOp>(x);
    if (bareTanh || (cpos >= 0 && isOp<math::TanhOp>(x->args[1 - cpos]))) {
      // Softcap c * tanh(y): with y = s / d or y = s * k, c * tanh(y) equals
      // c * tanh((c / d) * s / c), the op's softcap c on scores scaled by
      // c / d (or c * k) more. A bare tanh(y) is c = 1.
      double c = bareTanh ? 1.0 : x->args[cpos]->cst;
      Expr *t = bareTanh ? x : x->args[1 - cpos];
      if (plan.softcap) {
        reason = "more than one softcap";
        return failure();
      }
      if (!plan.runtimeFactors.empty()) {
        reason = "a scale that is not a constant applied after the softcap";
        return failure();
      }
      // A positive scale f applied after it makes the cap f * c:
      // f * c * tanh(y) is the op's softcap f * c on scores f * c * y.
      if (scaleSeen && !(plan.scale > 0.0)) {
        reason = "a non-positive scale applied after the softcap";
        return failure();
      }
      if (!std::isfinite(c) || c <= 0.0) {
        reason = "the softcap is not a finite positive constant";
        return failure();
      }
      Expr *y = t->args[0];
      double factor = c;
      if (isOp<arith::DivFOp>(y) && y->args[1]->kind == ExprKind::Const) {
        factor = c / y->args[1]->cst;
        y = y->args[0];
      } else if (isOp<arith::MulFOp>(y) &&
                 (y->args[0]->kind == ExprKind::Const ||
                  y->args[1]->kind == ExprKind::Const)) {
        int kpos = y->args[1]->kind == ExprKind::Const ? 1 : 0;
        factor = c * y->args[kpos]->cst;
        y = y->args[1 - kpos];
      }
      plan.softcap = c * plan.scale;
      if (!std::isfinite(*plan.softcap) || *plan.softcap <= 0.0) {
        reason = "the softcap is not a finite positive constant";
        return failure();
      }
      plan.scale *= factor;
      x = y;
      continue;
    }
    if (isOp<arith::SelectOp>(x)) {
      Expr *c = x->args[0], *a = x->args[1], *b = x->args[2];
      if (isMaskingConstant(b) && failed(addKeep(c, false, plan, reason)))
        return failure();
      if (isMaskingConstant(a) && failed(addKeep(c, true, plan, reason)))
        return failure();
      if (!isMaskingConstant(a) && !isMaskingConstant(b)) {
        reason = "select between scores that is not a mask";
        // Say why when it selects a constant: bf16's -1e4 rounds to -9984.
        for (Expr *c : {a, b})
          if (c->kind == ExprKind::Const && isa<FloatType>(c->type)) {
            llvm::raw_string_ostream os(reason);
            os << " (it selects " << llvm::format("%g", c->cst)
               << "; a mask selects -inf or a value <= -1e4)";
            break;
          }
        return failure();
      }
      if (!masksAfterScale(isMaskingConstant(b) ? b : a))
        return failure();
      x = isMaskingConstant(b) ? a : b;
      continue;
    }
    // s - m is s + (-m): an additive mask -m (a bias subtracted, or a
    // decomposed `s - bias`).
    if (isOp<arith::SubFOp>(x) && contains(x->args[0], ExprKind::Contract) &&
        !contains(x->args[1], ExprKind::Contract)) {
      Expr *neg = walker.scalarOp(arith::NegFOp::getOperationName(),
                                  x->args[1]->type, {x->args[1]});
      x = walker.scalarOp(arith::AddFOp::getOperationName(), x->type,
                          {x->args[0], neg});
      continue;
    }
    if (isOp<arith::AddFOp>(x)) {
      bool l = contains(x->args[0], ExprKind::Contract);
      bool r = contains(x->args[1], ExprKind::Contract);
      if (l == r) {
        reason = "an addition to the scores is not a mask";
        return failure();
      }
      // A multiplicative mask, s * b + c * (1 - b) with b only 0 or 1 (TF
      // GPT-2's `w * b - 1e4 * (1 - b)`), is select(b == 1, s, c) exactly
      // (s * 1 + 0 is s, s * 0 + c is c for finite s): a masking select
      // when c masks. Not when s may hold an infinity of the chain's own
      // (an inner -inf mask: the chain's inf * 0 is NaN).
      if (Expr *p = l ? x->args[0] : x->args[1]; isOp<arith::MulFOp>(p)) {
        Expr *m = l ? x->args[1] : x->args[0];
        Expr *rewritten = nullptr;
        for (int k = 0; k < 2 && !rewritten; ++k) {
          Expr *s = p->args[k], *b = p->args[1 - k];
          if (!contains(s, ExprKind::Contract) ||
              contains(b, ExprKind::Contract) || mayHoldInfinity(s))
            continue;
          std::optional<double> c = complementValue(m, b);
          if (!c || !(*c <= -1.0e4) || !std::isfinite(*c))
            continue;
          if (Expr *keep = binaryCondition(b, walker))
            rewritten =
                walker.scalarOp(arith::SelectOp::getOperationName(), x->type,
                                {keep, s, walker.constant(*c, x->type)});
        }
        if (rewritten) {
          x = rewritten;
          continue;
        }
      }
      // s + (m1 + m2) is read as (s + m1) + m2, so that each term is a mask
      // of its own (HF's causal mask plus its padding mask, added before
      // they reach the scores: the causal term becomes attributes). The op
      // sums the float terms into one mask again (the order of a sum of
      // three or more biases may change; a 0 / masking term is exact).
      // Only a sum with a term that is a mask the op can take apart (a
      // masking select, a constant that may be a band): a sum of biases
      // stays one mask, summed as the chain sums it.
      auto separable = [](Expr *t) {
        while (isOp<arith::ExtFOp>(t) || isOp<arith::TruncFOp>(t))
          t = t->args[0];
        if (isOp<arith::SelectOp>(t))
          return (isConst(t->args[1], 0.0) && isMaskingConstant(t->args[2])) ||
                 (isConst(t->args[2], 0.0) && isMaskingConstant(t->args[1]));
        return t->kind == ExprKind::Leaf && t->map &&
               (matchPattern(t->value, m_Constant()) ||
                t->value.getDefiningOp<tensor::ExtractSliceOp>());
      };
      if (Expr *sum = l ? x->args[1] : x->args[0];
          isOp<arith::AddFOp>(sum) && sum->type == x->type &&
          !contains(sum->args[0], ExprKind::Contract) &&
          !contains(sum->args[1], ExprKind::Contract) &&
          (separable(sum->args[0]) || separable(sum->args[1]))) {
        Expr *s = l ? x->args[0] : x->args[1];
        Expr *inner = walker.scalarOp(arith::AddFOp::getOperationName(),
                                      x->type, {s, sum->args[0]});
        x = walker.scalarOp(arith::AddFOp::getOperationName(), x->type,
                            {inner, sum->args[1]});
        continue;
      }
      // Only extensions are peeled off the mask (exact); a truncation
      // rounds it, so a truncated mask is a computed one (evaluated with
      // its truncf) rather than the tensor before it.
      Expr *m = l ? x->args[1] : x->args[0];
      while (true) {
        if (isOp<arith::ExtFOp>(m)) {
          m = m->args[0];
          continue;
        }
        // A truncation of select(keep, c1, c2) with constants that it
        // keeps (0, or a masking value that stays one) is exact.
        if (isOp<arith::TruncFOp>(m)) {
          Expr *in = m->args[0];
          while (isOp<arith::ExtFOp>(in))
            in = in->args[0];
          auto kept = [&](Expr *c) {
            if (c->kind != ExprKind::Const)
              return false;
            double r = roundTo(m->type, c->cst);
            return r == c->cst || (c->cst <= -1.0e4 && r <= -1.0e4);
          };
          if (isOp<arith::SelectOp>(in) && kept(in->args[1]) &&
              kept(in->args[2])) {
            m = in;
            continue;
          }
        }
        break;
      }
      x = l ? x->args[0] : x->args[1];
      if (isOp<arith::SelectOp>(m) && isConst(m->args[1], 0.0) &&
          isMaskingConstant(m->args[2])) {
        if (!masksAfterScale(m->args[2]) ||
            failed(addKeep(m->args[0], false, plan, reason)))
          return failure();
        continue;
      }
      if (isOp<arith::SelectOp>(m) && isConst(m->args[2], 0.0) &&
          isMaskingConstant(m->args[1])) {
        if (!masksAfterScale(m->args[1]) ||
            failed(addKeep(m->args[0], true, plan, reason)))
          return failure();
        continue;
      }
      // Nested selects between 0 and one masking value (a concatenation
      // of such masks), or such a value times a 0/1 tensor, keep where
      // they are 0.
      if (isOp<arith::SelectOp>(m) || isOp<arith::MulFOp>(m)) {
        Expr *fill = nullptr;
        if (Expr *keep = zeroOrMaskKeep(m, walker, fill)) {
          if (fill && (!masksAfterScale(fill) ||
                       failed(addKeep(keep, false, plan, reason))))
            return failure();
          continue;
        }
      }
      // Adding 0 changes no score (-0 becomes +0).
      if (isConst(m, 0.0))
        continue;
      if (!isPointwise(m)) {
        reason = "additive mask is not an element-wise function of tensors, "
                 "indices and scalars";
        return failure();
      }
      // A mask added before a scale c is scaled too: the op adds c * mask
      // (evaluated with the mask) to its scaled scores. A positive c keeps
      // a masking value masking.
      double maskScale = 1.0;
      if (!scaleAboveIsOne()) {
        if (!(plan.scale > 0.0) || !std::isfinite(plan.scale)) {
          reason = "the mask is added before a non-positive scale";
          return failure();
        }
        maskScale = plan.scale;
      }
      // A negative exponential factor after a max (cancelled by a negative
      // one below it) would take the max of -mask: a large mask (-1e9)
      // overflows the chain, which is then no softmax of its scores.
      if (maxSubtracted && !(expScale > 0)) {
        reason = "a mask under a non-positive scale";
        return failure();
      }
      plan.floatMasks.push_back(m);
      plan.floatMaskScales.push_back(maskScale);
      plan.floatMaskFactors.push_back(plan.runtimeFactors.size());
      continue;
    }
    if (isOp<arith::MulFOp>(x) || isOp<arith::DivFOp>(x)) {
      bool isDiv = isOp<arith::DivFOp>(x);
      int cpos = x->args[1]->kind == ExprKind::Const               ? 1
                 : (!isDiv && x->args[0]->kind == ExprKind::Const) ? 0
                                                                   : -1;
      if (cpos < 0) {
        // A factor that is no constant (a scale argument, a per-head or
        // per-row tensor) multiplies Q: it must not read the key index
        // (checked when Q is rewritten) nor the scores.
        int fpos = isDiv ? 1
                   : contains(x->args[0], ExprKind::Contract) ? 1
                                                               : 0;
        Expr *factor = x->args[fpos];
        if (contains(factor, ExprKind::Contract) || !isPointwise(factor) ||
            !isa<FloatType>(factor->type)) {
          reason = "the scale is not one uniform scalar";
          return failure();
        }
        plan.runtimeFactors.push_back({factor, isDiv});
        x = x->args[1 - fpos];
        continue;
      }
      double c = x->args[cpos]->cst;
      plan.scale = isDiv ? plan.scale / c : plan.scale * c;
      scaleSeen = true;
      x = x->args[1 - cpos];
      continue;
    }
    // -x is x times -1 (exact).
    if (isOp<arith::NegFOp>(x)) {
      plan.scale = -plan.scale;
      scaleSeen = true;
      x = x->args[0];
      continue;
    }
    // max(x, c) with c at or below the type's lowest finite value (Hugging
    // Face's `torch.max(w, finfo.min)` after adding finfo.min masks) only
    // turns -inf, a masked key, into c, which masks as well under a
    // positive scale. NaN-propagating maximumf only: maxnumf would turn a
    // NaN score into c.
    if (isOp<arith::MaximumFOp>(x) && x->args.size() == 2 && plan.scale > 0.0 &&
        plan.runtimeFactors.empty()) {
      auto floatType = dyn_cast<FloatType>(x->type);
      int cpos = x->args[1]->kind == ExprKind::Const   ? 1
                 : x->args[0]->kind == ExprKind::Const ? 0
                                                       : -1;
      // (It must still mask once scaled, like a masking select: finfo.min
      // times 1e-38 would be an ordinary score.)
      if (floatType && cpos >= 0 &&
          x->args[cpos]->cst <=
              APFloat::getLargest(floatType.getFloatSemantics(),
                                  /*Negative=*/true)
                  .convertToDouble() &&
          x->args[cpos]->cst * plan.scale <= -1.0e4) {
        x = x->args[1 - cpos];
        continue;
      }
    }
    reason = "unsupported op between the contractions";
    if (x->kind == ExprKind::Op)
      reason += ": " + x->name.str();
    return failure();
  }
  // The Q*K^T contraction.
  if (!isConst(x->args[0], 0.0)) {
    reason = "the score contraction does not start from zero";
    return failure();
  }
  for (int k = 1; k <= 2; ++k) {
    Expr *side = x->args[k];
    // Peel casts and a constant scale folded into Q or K, remembering the
    // nodes passed and the scale before each.
    SmallVector<std::pair<Expr *, double>> trail = {{side, plan.scale}};
    while (true) {
      if (isOp<arith::ExtFOp>(side)) {
        side = side->args[0];
      } else if ((isOp<arith::MulFOp>(side) || isOp<arith::DivFOp>(side)) &&
                 side->args[1]->kind == ExprKind::Const) {
        double c = side->args[1]->cst;
        plan.scale =
            isOp<arith::DivFOp>(side) ? plan.scale / c : plan.scale * c;
        side = side->args[0];
      } else if (isOp<arith::MulFOp>(side) &&
                 side->args[0]->kind == ExprKind::Const) {
        plan.scale *= side->args[0]->cst;
        side = side->args[1];
      } else {
        break;
      }
      trail.push_back({side, plan.scale});
    }
    if (side->kind != ExprKind::Leaf || !side->map) {
      // A computed operand (a bias add, a rotary embedding, a LayerNorm
      // with its reductions, ...): read the deepest tensor on the peeled
      // path that it was computed into, with the scale peeled above it.
      // (Not one computed from the scores themselves.)
      side = nullptr;
      for (auto &[e, scaleAbove] : llvm::reverse(trail))
        if (e->src && e->srcMap && !contains(e, ExprKind::Contract)) {
          side = walker.leaf(e->src, e->srcMap);
          side->above = e->above;
          plan.scale = scaleAbove;
          break;
        }
      if (!side) {
        reason = "an operand of the score contraction is not a tensor";
        return failure();
      }
    }
    bool usesI = llvm::any_of(side->map.getResults(), [](AffineExpr r) {
      return r.isFunctionOfDim(kI);
    });
    (usesI ? plan.query : plan.key) = side;
    // The computed tensors passed while peeling, in case `side` has no head
    // layout but one of them (or a view of it) does.
    auto &alternatives = usesI ? plan.queryAlternatives : plan.keyAlternatives;
    for (auto &[e, scaleAbove] : llvm::reverse(trail))
      if (e != side && e->src && e->srcMap &&
          !contains(e, ExprKind::Contract) && plan.scale != 0.0) {
        Expr *alt = walker.leaf(e->src, e->srcMap);
        alt->above = e->above;
        alternatives.push_back({alt, scaleAbove / plan.scale});
      }
  }
  if (!plan.query || !plan.key) {
    reason = "cannot tell Q from K in the score contraction";
    return failure();
  }
  return success();
}

//===----------------------------------------------------------------------===//
// Rewriting
//===----------------------------------------------------------------------===//

/// How Q, K or V is read: its layout and the head group size (GQA).
struct Access {
  Value value;
  bool bshd = false;
  /// Number of query heads per key/value head (1 for Q and MHA).
  int64_t group = 1;
  /// An expand_shape to apply to `value` first (empty: none).
  SmallVector<ReassociationIndices> reassoc;
  SmallVector<int64_t> shape;
  /// Or a collapse_shape (a 5-D [B, Hkv, G, S, D] operand of grouped-query
  /// attention written with a separate group dim).
  SmallVector<ReassociationIndices> collapse;
  /// A linalg.transpose to apply first (empty: none): result dim k is dim
  /// transpose[k] of `value` (K given as [B, H, D, S], say).
  SmallVector<int64_t> transpose;

  /// The shape of `value` once transposed (before any reshape).
  SmallVector<int64_t> transposedShape() const {
    ArrayRef<int64_t> shape = cast<RankedTensorType>(value.getType()).getShape();
    if (transpose.empty())
      return llvm::to_vector(shape);
    return llvm::map_to_vector(transpose, [&](int64_t k) { return shape[k]; });
  }

  /// Creates the transpose and reshape, if any, and returns the tensor the
  /// op reads.
  Value materialize(OpBuilder &b, Location loc) const {
    Value v = value;
    if (!transpose.empty()) {
      SmallVector<OpFoldResult> sizes;
      for (int64_t k : transpose)
        sizes.push_back(tensor::getMixedSize(b, loc, v, k));
      Value init = tensor::EmptyOp::create(
          b, loc, sizes, cast<RankedTensorType>(v.getType()).getElementType());
      v = linalg::TransposeOp::create(b, loc, v, init, transpose)
              .getResult()[0];
    }
    if (!collapse.empty())
      v = tensor::CollapseShapeOp::create(b, loc, v, collapse);
    if (reassoc.empty())
      return v;
    auto type = cast<RankedTensorType>(v.getType());
    return tensor::ExpandShapeOp::create(
        b, loc, RankedTensorType::get(shape, type.getElementType()), v,
        reassoc);
  }
};

/// Returns `map` (over logical dims) renamed to the operand dims (b, h, s,
/// x) given the logical dims of s and x, or null if it reads another dim.
static AffineMap toOperandMap(AffineMap map, unsigned s, unsigned x) {
  MLIRContext *ctx = map.getContext();
  SmallVector<AffineExpr> repl(kNumDims, getAffineConstantExpr(-1, ctx));
  repl[kB] = getAffineDimExpr(0, ctx);
  repl[kH] = getAffineDimExpr(1, ctx);
  repl[s] = getAffineDimExpr(2, ctx);
  repl[x] = getAffineDimExpr(3, ctx);
  for (unsigned d = 0; d < kNumDims; ++d)
    if (d != kB && d != kH && d != s && d != x)
      for (AffineExpr r : map.getResults())
        if (r.isFunctionOfDim(d))
          return AffineMap();
  return map.replaceDimsAndSymbols(repl, {}, 4, 0);
}

/// Tries to read `value` through operand map `m` (over (b, h, s, x)) as an
/// operand of the op with `batch` and `heads` query heads. Records the
/// reshape needed, if any, without creating it.
static FailureOr<Access> resolveAccess(Value value, RankedTensorType type,
                                       AffineMap m, int64_t batch,
                                       int64_t heads, bool allowGroups) {
  MLIRContext *ctx = value.getContext();
  // The op takes tensors without an encoding (a sparse one, say).
  if (auto t = dyn_cast<RankedTensorType>(value.getType()); t && t.getEncoding())
    return failure();
  AffineExpr d0 = getAffineDimExpr(0, ctx), d1 = getAffineDimExpr(1, ctx),
             d2 = getAffineDimExpr(2, ctx), d3 = getAffineDimExpr(3, ctx);
  AffineExpr zero = getAffineConstantExpr(0, ctx);
  Access acc;
  if (m.getNumResults() == 5 && !ShapedType::isDynamic(heads)) {
    // [B, Hkv, G, S, D] read at (b, h floordiv G, h mod G, s, x) (query
    // heads, collapsed to [B, Hkv * G, S, D]) or, with a unit group dim, at
    // (b, h floordiv G, 0, s, x) (K/V heads shared by G query heads).
    ArrayRef<AffineExpr> r = m.getResults();
    int64_t g = type.getDimSize(2), hkv = type.getDimSize(1);
    if (r[0] != d0 || r[3] != d2 || r[4] != d3 ||
        r[1].getKind() != AffineExprKind::FloorDiv ||
        cast<AffineBinaryOpExpr>(r[1]).getLHS() != d1)
      return failure();
    auto c =
        dyn_cast<AffineConstantExpr>(cast<AffineBinaryOpExpr>(r[1]).getRHS());
    if (!c || ShapedType::isDynamic(hkv) || hkv * c.getValue() != heads)
      return failure();
    if (r[2] == (d1 % c.getValue()) && g == c.getValue()) {
      acc.group = 1;
    } else if (allowGroups && r[2] == zero && g == 1) {
      acc.group = c.getValue();
    } else {
      return failure();
    }
    acc.collapse = {{0}, {1, 2}, {3}, {4}};
    acc.value = value;
    return acc;
  }
  if (m.getNumResults() == 4) {
    ArrayRef<AffineExpr> r = m.getResults();
    int hpos;
    if (r[2] == d2 && r[3] == d3)
      hpos = 1;
    else if (r[1] == d2 && r[3] == d3)
      hpos = 2;
    else
      return failure();
    if (!(r[0] == d0 ||
          (r[0] == zero && batch == 1 && type.getDimSize(0) == 1)))
      return failure();
    AffineExpr h = r[hpos];
    int64_t hsize = type.getDimSize(hpos);
    if (h == d1) {
      acc.group = 1;
    } else if (allowGroups && h == zero && hsize == 1) {
      acc.group = heads;
    } else if (allowGroups && h.getKind() == AffineExprKind::FloorDiv &&
               cast<AffineBinaryOpExpr>(h).getLHS() == d1) {
      auto c =
          dyn_cast<AffineConstantExpr>(cast<AffineBinaryOpExpr>(h).getRHS());
      if (!c || hsize * c.getValue() != heads)
        return failure();
      acc.group = c.getValue();
    } else if (h == zero && heads == 1 && hsize == 1) {
      acc.group = 1;
    } else {
      return failure();
    }
    acc.bshd = hpos == 2;
    acc.value = value;
    return acc;
  }
  // Lower ranks: insert the missing batch/head dims with expand_shape.
  SmallVector<ReassociationIndices> &reassoc = acc.reassoc;
  SmallVector<int64_t> &shape = acc.shape;
  ArrayRef<AffineExpr> r = m.getResults();
  if (allowGroups && r.size() == 3 && r[0] == d0 && r[1] == d2 &&
      r[2] == d3 && !ShapedType::isDynamic(heads) && heads > 1) {
    // [B, S, D] K/V read by every query head (MQA written as a broadcast
    // over the heads): [B, 1, S, D].
    reassoc = {{0, 1}, {2}, {3}};
    shape = {type.getDimSize(0), 1, type.getDimSize(1), type.getDimSize(2)};
    acc.group = heads;
  } else if (r.size() == 3 && r[1] == d2 && r[2] == d3 &&
      !ShapedType::isDynamic(heads) &&
      (r[0] == d0 * heads + d1 || (r[0] == d1 && batch == 1) ||
       (r[0] == d0 && heads == 1))) {
    reassoc = {{0, 1}, {2}, {3}};
    int64_t bsize = ShapedType::isDynamic(type.getDimSize(0))
                        ? ShapedType::kDynamic
                        : type.getDimSize(0) / heads;
    shape = {bsize, heads, type.getDimSize(1), type.getDimSize(2)};
  } else if (r.size() == 2 && r[0] == d2 && r[1] == d3 && batch == 1 &&
             heads == 1) {
    reassoc = {{0, 1, 2}, {3}};
    shape = {1, 1, type.getDimSize(0), type.getDimSize(1)};
  } else {
    return failure();
  }
  acc.value = value;
  return acc;
}

/// Resolves a Q/K/V leaf: tries the deepest tensor first, then the ones the
/// walk crossed on the way.
static FailureOr<Access> resolveLeaf(Expr *leaf, unsigned s, unsigned x,
                                     int64_t batch, int64_t heads,
                                     bool allowGroups, bool wantBshd,
                                     bool layoutFixed) {
  SmallVector<std::pair<Value, AffineMap>> candidates = {
      {leaf->value, leaf->map}};
  llvm::append_range(candidates, leaf->above);
  for (auto [value, map] : candidates) {
    AffineMap m = toOperandMap(map, s, x);
    if (!m)
      continue;
    FailureOr<Access> acc =
        resolveAccess(value, cast<RankedTensorType>(value.getType()), m,
                      batch, heads, allowGroups);
    if (failed(acc))
      continue;
    if (layoutFixed && acc->bshd != wantBshd)
      continue;
    return acc;
  }
  // A tensor whose dims are the operand's in another order (K given as
  // [B, H, D, S] and read transposed by the contraction's map): read
  // through a transpose into (b, h, s, x) order.
  // The dim each result reads: d, or d floordiv c (a K/V head read by a
  // group of query heads), or the batch dim of a 3-D chain, a function of
  // b and h only (b * H + h): sorted with b.
  auto readDim = [](AffineExpr r) -> std::optional<unsigned> {
    if (auto d = dyn_cast<AffineDimExpr>(r))
      return d.getPosition();
    if (r.getKind() == AffineExprKind::FloorDiv)
      if (auto d = dyn_cast<AffineDimExpr>(
              cast<AffineBinaryOpExpr>(r).getLHS()))
        return d.getPosition();
    if (!isa<AffineConstantExpr>(r) && !r.isFunctionOfDim(2) &&
        !r.isFunctionOfDim(3))
      return 0u;
    return std::nullopt;
  };
  for (auto [value, map] : candidates) {
    AffineMap m = toOperandMap(map, s, x);
    if (!m || m.isIdentity() || wantBshd)
      continue;
    // Size-1 dims read at 0 of a 4-D tensor take the operand dims no
    // other result reads, in order: MQA's single K/V head ([B, Skv, 1, D]
    // read by Q in [B, H, S, D]), and B = 1 as well ([1, Skv, 1, D]).
    auto valueType = cast<RankedTensorType>(value.getType());
    SmallVector<unsigned> dims;
    SmallVector<size_t> unitSlots;
    for (auto [k, r] : llvm::enumerate(m.getResults())) {
      if (std::optional<unsigned> d = readDim(r)) {
        dims.push_back(*d);
      } else if (r == getAffineConstantExpr(0, r.getContext()) &&
                 valueType.getRank() == 4 && valueType.getDimSize(k) == 1) {
        unitSlots.push_back(dims.size());
        dims.push_back(~0u);
      }
    }
    for (unsigned d = 0, next = 0; d < 4 && next < unitSlots.size(); ++d)
      if (!llvm::is_contained(dims, d))
        dims[unitSlots[next++]] = d;
    if (dims.size() != m.getNumResults() ||
        llvm::SmallDenseSet<unsigned>(dims.begin(), dims.end()).size() !=
            dims.size())
      continue;
    SmallVector<int64_t> order = llvm::to_vector(
        llvm::seq<int64_t>(0, m.getNumResults()));
    llvm::sort(order, [&](int64_t a, int64_t b) { return dims[a] < dims[b]; });
    auto type = cast<RankedTensorType>(value.getType());
    SmallVector<int64_t> shape;
    SmallVector<AffineExpr> results;
    for (int64_t k : order) {
      shape.push_back(type.getDimSize(k));
      results.push_back(m.getResult(k));
    }
    FailureOr<Access> acc = resolveAccess(
        value, RankedTensorType::get(shape, type.getElementType()),
        AffineMap::get(4, 0, results, m.getContext()), batch, heads,
        allowGroups);
    if (failed(acc) || acc->bshd)
      continue;
    acc->transpose = order;
    return acc;
  }
  return failure();
}

/// Returns `map` reading a tensor of `type` with every size-1 dim read at 0:
/// the IR is only valid if whatever index it reads there is 0 (TOSA and
/// linalg both reach such dims through plain index expressions).
static AffineMap broadcastUnitDims(RankedTensorType type, AffineMap map) {
  SmallVector<AffineExpr> res(map.getResults());
  for (auto [k, r] : llvm::enumerate(res))
    if (type.getDimSize(k) == 1)
      r = getAffineConstantExpr(0, map.getContext());
  return AffineMap::get(map.getNumDims(), 0, res, map.getContext());
}

/// Returns how a mask of `type` read through `map` (over logical dims)
/// becomes an operand of the op (an Access whose value is left null), or
/// failure when it does not broadcast to [B, Hq, Sq, Skv].
static FailureOr<Access> resolveOperandMask(RankedTensorType type,
                                            AffineMap m, int64_t batch,
                                            int64_t heads);

static FailureOr<Access> resolveMask(RankedTensorType type, AffineMap map,
                                     int64_t batch, int64_t heads) {
  if (type.getEncoding())
    return failure();
  map = broadcastUnitDims(type, map);
  AffineMap m = toOperandMap(map, kI, kJ);
  if (!m)
    return failure();
  FailureOr<Access> acc = resolveOperandMask(type, m, batch, heads);
  if (succeeded(acc))
    return acc;
  // A mask holding its dims in another order ([B, 1, Skv, Sq], [Sq, H,
  // Skv]): transposed so that the dims it reads come in (b, h, i, j) order,
  // its unit (broadcast) dims staying where they are.
  SmallVector<int64_t> dimPos, slots;
  for (auto [k, r] : llvm::enumerate(m.getResults())) {
    if (isa<AffineDimExpr>(r)) {
      dimPos.push_back(k);
      slots.push_back(k);
    } else if (r != getAffineConstantExpr(0, m.getContext())) {
      return failure();
    }
  }
  llvm::sort(dimPos, [&](int64_t a, int64_t b) {
    return m.getDimPosition(a) < m.getDimPosition(b);
  });
  SmallVector<int64_t> order = llvm::to_vector(
      llvm::seq<int64_t>(0, m.getNumResults()));
  for (auto [slot, k] : llvm::zip(slots, dimPos))
    order[slot] = k;
  if (llvm::equal(order, llvm::seq<int64_t>(0, m.getNumResults())))
    return failure();
  SmallVector<int64_t> shape;
  SmallVector<AffineExpr> results;
  for (int64_t k : order) {
    shape.push_back(type.getDimSize(k));
    results.push_back(m.getResult(k));
  }
  acc = resolveOperandMask(RankedTensorType::get(shape, type.getElementType()),
                           AffineMap::get(4, 0, results, m.getContext()),
                           batch, heads);
  if (failed(acc))
    return failure();
  acc->transpose = order;
  return acc;
}

/// resolveMask with the map already over the operand dims (b, h, i, j).
static FailureOr<Access> resolveOperandMask(RankedTensorType type,
                                            AffineMap m, int64_t batch,
                                            int64_t heads) {
  MLIRContext *ctx = type.getContext();
  Access acc;
  int64_t rank = type.getRank();
  if (rank == 5) {
    // The mask of a chain written with a separate group dim ([B, Hkv, G,
    // S, Skv] scores): its two head dims read (h floordiv G, h mod G), or
    // are both broadcast; collapsed into one, it is a 4-D mask.
    AffineExpr r1 = m.getResult(1), r2 = m.getResult(2);
    AffineExpr zero = getAffineConstantExpr(0, ctx);
    bool broadcast = r1 == zero && r2 == zero;
    bool grouped = false;
    if (r1.getKind() == AffineExprKind::FloorDiv &&
        cast<AffineBinaryOpExpr>(r1).getLHS() == getAffineDimExpr(1, ctx)) {
      auto g = dyn_cast<AffineConstantExpr>(
          cast<AffineBinaryOpExpr>(r1).getRHS());
      grouped = g && type.getDimSize(2) == g.getValue() &&
                r2 == getAffineDimExpr(1, ctx) % g.getValue();
    }
    if (!broadcast && !grouped)
      return failure();
    int64_t maskHeads = ShapedType::isDynamic(type.getDimSize(1)) ||
                                ShapedType::isDynamic(type.getDimSize(2))
                            ? ShapedType::kDynamic
                            : type.getDimSize(1) * type.getDimSize(2);
    auto collapsedType = RankedTensorType::get(
        {type.getDimSize(0), maskHeads, type.getDimSize(3),
         type.getDimSize(4)},
        type.getElementType());
    AffineMap collapsedMap = AffineMap::get(
        m.getNumDims(), 0,
        {m.getResult(0), broadcast ? zero : getAffineDimExpr(1, ctx),
         m.getResult(3), m.getResult(4)},
        ctx);
    FailureOr<Access> inner =
        resolveOperandMask(collapsedType, collapsedMap, batch, heads);
    if (failed(inner))
      return failure();
    inner->collapse = {{0}, {1, 2}, {3}, {4}};
    return inner;
  }
  if (rank > 4)
    return failure();
  bool aligned = true;
  for (int64_t k = 0; k < rank; ++k) {
    AffineExpr r = m.getResult(k);
    AffineExpr want = getAffineDimExpr(4 - rank + k, ctx);
    if (r == want)
      continue;
    if (r == getAffineConstantExpr(0, ctx) && type.getDimSize(k) == 1)
      continue;
    aligned = false;
  }
  if (aligned)
    return acc;
  // Otherwise each mask dim must read a run of operand dims (b, h, i, j) in
  // increasing order: one dim; `b * H + h` on a [B * H, ...] mask (the
  // collapsed batch-heads dim of a 3-D chain), expanded back into [B, H];
  // or nothing, for a unit dim. An expand_shape inserts the unit dims of the
  // gaps.
  struct Part {
    int64_t pos, size;
  };
  SmallVector<SmallVector<Part>> parts(rank);
  for (int64_t k = 0; k < rank; ++k) {
    AffineExpr r = m.getResult(k);
    int64_t size = type.getDimSize(k);
    if (auto d = dyn_cast<AffineDimExpr>(r)) {
      parts[k].push_back({d.getPosition(), size});
      continue;
    }
    if (r == getAffineConstantExpr(0, ctx) && size == 1)
      continue;
    // b * H + h with H the (static) head count and size B * H.
    auto sum = dyn_cast<AffineBinaryOpExpr>(r);
    bool matched = false;
    // A dynamic size is B * H at run time when the batch is dynamic too:
    // the 3-D chain's collapsed dim is what indexes the mask.
    bool bhSize = (!ShapedType::isDynamic(size) && batch > 0 &&
                   size == batch * heads) ||
                  (ShapedType::isDynamic(size) && ShapedType::isDynamic(batch));
    if (sum && sum.getKind() == AffineExprKind::Add && heads > 0 && bhSize) {
      for (auto [lhs, rhs] : {std::make_pair(sum.getLHS(), sum.getRHS()),
                               std::make_pair(sum.getRHS(), sum.getLHS())}) {
        auto mul = dyn_cast<AffineBinaryOpExpr>(lhs);
        auto h = dyn_cast<AffineDimExpr>(rhs);
        if (!mul || mul.getKind() != AffineExprKind::Mul || !h ||
            h.getPosition() != 1)
          continue;
        auto b = dyn_cast<AffineDimExpr>(mul.getLHS());
        auto c = dyn_cast<AffineConstantExpr>(mul.getRHS());
        if (b && c && b.getPosition() == 0 && c.getValue() == heads) {
          parts[k] = {{0, batch}, {1, heads}};
          matched = true;
          break;
        }
      }
      // One head: b * 1 + h simplifies to b + h.
      if (!matched && heads == 1 &&
          (r == getAffineDimExpr(0, ctx) + getAffineDimExpr(1, ctx))) {
        parts[k] = {{0, batch}, {1, 1}};
        matched = true;
      }
    }
    if (!matched)
      return failure();
  }
  int64_t last = -1;
  bool any = false;
  for (const SmallVector<Part> &ps : parts)
    for (const Part &p : ps) {
      if (p.pos <= last)
        return failure();
      last = p.pos;
      any = true;
    }
  if (!any)
    return failure();
  SmallVector<ReassociationIndices> &reassoc = acc.reassoc;
  reassoc.resize(rank);
  SmallVector<int64_t> &shape = acc.shape;
  shape.assign(4, 1);
  int64_t next = 0;
  for (int64_t k = 0; k < rank; ++k) {
    int64_t end;
    if (!parts[k].empty()) {
      end = parts[k].back().pos;
      for (const Part &p : parts[k])
        shape[p.pos] = p.size;
    } else {
      // A unit dim takes the next operand dim, which must be free.
      end = next;
      for (int64_t j = k + 1; j < rank; ++j)
        if (!parts[j].empty()) {
          if (parts[j].front().pos <= end)
            return failure();
          break;
        }
      if (end > 3)
        return failure();
    }
    if (k == rank - 1)
      end = 3;
    for (; next <= end; ++next)
      reassoc[k].push_back(next);
  }
  return acc;
}

/// Emits the scalar expression `e`: its tensor leaves all read `arg`, its
/// scalar leaves are the values themselves, and its indices are affine
/// functions of `dims` (the logical dims' induction values, null where
/// unused) and `symbols` (the sizes the walk's symbols stand for, valid
/// where the expression is emitted).
static Value emitScalar(OpBuilder &b, Location loc, Expr *e, Value arg,
                        ArrayRef<Value> dims = {},
                        ArrayRef<Value> symbols = {},
                        function_ref<Value(Expr *)> leafArg = nullptr) {
  switch (e->kind) {
  case ExprKind::Leaf:
    if (!e->map)
      return e->value;
    return leafArg ? leafArg(e) : arg;
  case ExprKind::Index: {
    Value v = affine::expandAffineExpr(b, loc, e->index, dims, symbols);
    if (!e->type.isIndex())
      v = arith::IndexCastOp::create(b, loc, e->type, v);
    return v;
  }
  case ExprKind::Const:
    if (auto ft = dyn_cast<FloatType>(e->type))
      return arith::ConstantOp::create(b, loc, ft, b.getFloatAttr(ft, e->cst));
    return arith::ConstantOp::create(
        b, loc, e->type,
        b.getIntegerAttr(e->type, static_cast<int64_t>(e->cst)));
  case ExprKind::Op: {
    if (!e->op || isa<ShapedType>(e->op->getResult(0).getType())) {
      // A node built from a TOSA op or an op on whole tensors: the
      // arith/math op it names (with the tensor op's attributes), on the
      // emitted operands.
      OperationState state(loc, e->name);
      for (Expr *a : e->args)
        state.addOperands(emitScalar(b, loc, a, arg, dims, symbols, leafArg));
      if (e->op)
        state.addAttributes(e->op->getAttrs());
      else if (e->attrs)
        state.addAttributes(e->attrs.getValue());
      state.addTypes(e->type);
      return b.create(state)->getResult(0);
    }
    IRMapping mapping;
    for (auto [operand, a] : llvm::zip(e->op->getOperands(), e->args))
      mapping.map(operand,
                  emitScalar(b, loc, a, arg, dims, symbols, leafArg));
    return b.clone(*e->op, mapping)->getResult(0);
  }
  default:
    return Value();
  }
}

/// Whether `op` and, transitively, its users are unused apart from each
/// other and free of side effects, none of them part of the chain
/// (`chainOps`, `root`); collects them, users before the ops they use (the
/// order to erase them in). Gives up past 64 ops.
/// `name at file:line:col` (or just the name when the location is not a
/// file location), for remarks that point at another op.
static std::string describeOp(Operation *op) {
  std::string text = op->getName().getStringRef().str();
  if (auto loc = op->getLoc()->findInstanceOf<FileLineColLoc>())
    text += " at " + loc.getFilename().str() + ":" +
            std::to_string(loc.getLine()) + ":" +
            std::to_string(loc.getColumn());
  return text;
}

static bool collectDeadUsers(Operation *op,
                             llvm::SetVector<Operation *> &dead,
                             const llvm::SetVector<Operation *> &chainOps,
                             Operation *root) {
  if (dead.contains(op))
    return true;
  if (op == root || chainOps.contains(op) || dead.size() >= 64 ||
      !wouldOpBeTriviallyDead(op))
    return false;
  for (Operation *user : op->getUsers())
    if (!collectDeadUsers(user, dead, chainOps, root))
      return false;
  dead.insert(op);
  return true;
}

/// True when an Index node of `e` reads size symbol `k`.
static bool usesSymbol(Expr *e, unsigned k) {
  if (e->kind == ExprKind::Index)
    return e->index.isFunctionOfSymbol(k);
  return llvm::any_of(e->args, [&](Expr *a) { return usesSymbol(a, k); });
}

/// True when `v` is defined before `root`, in a block that encloses it.
static bool isDefinedBefore(Value v, Operation *root) {
  Operation *at = v.getParentBlock()->findAncestorOpInBlock(*root);
  if (!at)
    return false;
  if (auto def = v.getDefiningOp())
    return def->isBeforeInBlock(at);
  return true;
}

/// The value size symbol `k` of `walker` has before `root`: the tensor.dim
/// itself, or a new one at the builder's point (before `root`) when it was
/// computed inside a body but its tensor is defined before `root`; null
/// when neither is.
static Value getSymbolBefore(OpBuilder *b, const ChainWalker &walker,
                             unsigned k, Operation *root) {
  if (isDefinedBefore(walker.symbols[k], root))
    return walker.symbols[k];
  auto [tensor, pos] = walker.symbolDims[k];
  if (!isDefinedBefore(tensor, root))
    return Value();
  if (!b)
    return tensor; // Only asked whether there is one.
  return tensor::DimOp::create(*b, root->getLoc(), tensor, pos);
}

/// True when the dense mask evaluated before `root` can compute `e`: it
/// reads constants, scalars and tensors that dominate `root` (tensors only
/// unless `onlyIJ`), the sizes of tensors that do, and the indices (b, h,
/// i, j), only i and j when `onlyIJ`; no reduction.
static bool isEvaluable(Expr *e, Operation *root, const ChainWalker &walker,
                        bool onlyIJ) {
  auto readsOtherDims = [&](auto isFunctionOfDim) {
    for (unsigned d = 0; d < kNumDims; ++d)
      if ((onlyIJ ? d != kI && d != kJ : d == kE || d == kD) &&
          isFunctionOfDim(d))
        return true;
    return false;
  };
  switch (e->kind) {
  case ExprKind::Const:
    return e->type.isIntOrIndexOrFloat();
  case ExprKind::Index:
    if (readsOtherDims([&](unsigned d) { return e->index.isFunctionOfDim(d); }))
      return false;
    for (unsigned k = 0, n = walker.symbols.size(); k < n; ++k)
      if (e->index.isFunctionOfSymbol(k) &&
          !getSymbolBefore(nullptr, walker, k, root))
        return false;
    return true;
  case ExprKind::Leaf: {
    if (!e->value)
      return false;
    if (!e->map)
      return e->value.getType().isIntOrIndexOrFloat() &&
             isDefinedBefore(e->value, root);
    auto type = dyn_cast<RankedTensorType>(e->value.getType());
    return !onlyIJ && type && !type.getEncoding() &&
           e->map.getNumSymbols() == 0 &&
           e->map.getNumDims() == kNumDims &&
           !readsOtherDims(
               [&](unsigned d) { return e->map.isFunctionOfDim(d); }) &&
           isDefinedBefore(e->value, root);
  }
  case ExprKind::Op:
    if (!e->op && e->name.empty())
      return false;
    return llvm::all_of(e->args, [&](Expr *a) {
      return isEvaluable(a, root, walker, onlyIJ);
    });
  default:
    return false;
  }
}

/// True when `e` reads logical dim `d` (through a tensor's map or an
/// index).
static bool readsDim(Expr *e, unsigned d) {
  if ((e->kind == ExprKind::Leaf && e->map && e->map.isFunctionOfDim(d)) ||
      (e->kind == ExprKind::Index && e->index.isFunctionOfDim(d)))
    return true;
  return llvm::any_of(e->args, [&](Expr *a) { return readsDim(a, d); });
}

/// `v` (a float) extended or truncated to the float type `type`.
static Value castFloat(OpBuilder &b, Location loc, Value v, Type type) {
  unsigned from = v.getType().getIntOrFloatBitWidth();
  unsigned to = type.getIntOrFloatBitWidth();
  if (v.getType() == type)
    return v;
  if (from == to) // f16 <-> bf16, through f32 (exact)
    v = arith::ExtFOp::create(b, loc, b.getF32Type(), v);
  if (v.getType().getIntOrFloatBitWidth() < to)
    return arith::ExtFOp::create(b, loc, type, v);
  return arith::TruncFOp::create(b, loc, type, v);
}

/// `t` with its float elements cast to `elt` by an element-wise generic
/// (itself when they already are).
static Value castTensor(OpBuilder &b, Location loc, Value t, Type elt) {
  auto type = cast<RankedTensorType>(t.getType());
  if (type.getElementType() == elt)
    return t;
  Value empty = tensor::EmptyOp::create(
      b, loc, tensor::getMixedSizes(b, loc, t), elt);
  AffineMap id = b.getMultiDimIdentityMap(type.getRank());
  return linalg::GenericOp::create(
             b, loc, TypeRange{type.clone(elt)}, ValueRange{t},
             ValueRange{empty}, ArrayRef<AffineMap>{id, id},
             SmallVector<utils::IteratorType>(type.getRank(),
                                              utils::IteratorType::parallel),
             [&](OpBuilder &nb, Location nl, ValueRange args) {
               linalg::YieldOp::create(nb, nl,
                                       castFloat(nb, nl, args[0], elt));
             })
      .getResult(0);
}

/// Marks in `used` the logical dims b, h, i, j that `e` reads (through a
/// tensor's map or an index), and in `indexed` those it reads as indices.
static void markDimsRead(Expr *e, std::array<bool, 4> &used,
                         std::array<bool, 4> &indexed) {
  for (unsigned d = 0; d < 4; ++d) {
    if (e->kind == ExprKind::Leaf && e->map && e->map.isFunctionOfDim(d))
      used[d] = true;
    if (e->kind == ExprKind::Index && e->index.isFunctionOfDim(d))
      used[d] = indexed[d] = true;
  }
  for (Expr *a : e->args)
    markDimsRead(a, used, indexed);
}

/// Collects the leaves of `e`.
static void collectLeaves(Expr *e, SmallVectorImpl<Expr *> &leaves) {
  if (e->kind == ExprKind::Leaf)
    leaves.push_back(e);
  for (Expr *a : e->args)
    collectLeaves(a, leaves);
}

/// Returns true if `e` is a scalar predicate built only from its leaves and
/// constants (no indices, no reductions): linalg body ops, or the arith/math
/// ops that TOSA element-wise ops are read as.
static bool isPlainPredicate(Expr *e) {
  if (e->kind == ExprKind::Leaf)
    return static_cast<bool>(e->map);
  if (e->kind == ExprKind::Const)
    return true;
  if (e->kind != ExprKind::Op || (!e->op && e->name.empty()))
    return false;
  return llvm::all_of(e->args, isPlainPredicate);
}

/// Read access to the elements of a constant: a `dense` one, or a
/// `dense_resource` one whose blob is loaded (torch-mlir's importer emits
/// model buffers, such as a registered causal mask, that way), read in
/// place (a resource i1 blob holds a byte per element).
struct ConstantElements {
  DenseElementsAttr dense;
  ArrayRef<char> blob;
  Type elementType;
  /// The constant's attribute (dense or resource).
  Attribute attr;

  explicit operator bool() const { return dense || elementType; }
  bool getBool(int64_t idx) const {
    if (dense)
      return *(dense.getValues<bool>().begin() + (dense.isSplat() ? 0 : idx));
    return blob[idx] != 0;
  }
  double getFloat(int64_t idx) const {
    if (dense)
      return (*(dense.getValues<APFloat>().begin() +
                (dense.isSplat() ? 0 : idx)))
          .convertToDouble();
    unsigned bytes = elementType.getIntOrFloatBitWidth() / 8;
    uint64_t bits = 0;
    for (unsigned k = 0; k < bytes; ++k) // little-endian, as MLIR writes
      bits |= static_cast<uint64_t>(
                  static_cast<unsigned char>(blob[idx * bytes + k]))
              << (8 * k);
    const llvm::fltSemantics &sem =
        cast<FloatType>(elementType).getFloatSemantics();
    return APFloat(sem, APInt(bytes * 8, bits)).convertToDouble();
  }
};

static ConstantElements getConstantElements(Value v) {
  ConstantElements result;
  if (matchPattern(v, m_Constant(&result.dense))) {
    result.attr = result.dense;
    return result;
  }
  result.dense = {};
  Attribute attr;
  if (!matchPattern(v, m_Constant(&attr)))
    return result;
  result.attr = attr;
  auto resource = dyn_cast<DenseResourceElementsAttr>(attr);
  if (!resource)
    return result;
  AsmResourceBlob *blob = resource.getRawHandle().getBlob();
  ShapedType type = resource.getType();
  Type elt = type.getElementType();
  if (!blob ||
      !(elt.isInteger(1) || elt.isF16() || elt.isBF16() || elt.isF32()))
    return result;
  int64_t bytes = elt.isInteger(1) ? 1 : elt.getIntOrFloatBitWidth() / 8;
  if (static_cast<int64_t>(blob->getData().size()) !=
      type.getNumElements() * bytes)
    return result;
  result.blob = blob->getData();
  result.elementType = elt;
  return result;
}

/// True when `v` reads a float constant whose elements all satisfy `pred`:
/// the constant itself, or a slice or reshape of one (every element of the
/// constant is checked).
static bool allConstantElements(Value v, function_ref<bool(double)> pred) {
  while (Operation *def = v.getDefiningOp()) {
    if (auto slice = dyn_cast<tensor::ExtractSliceOp>(def))
      v = slice.getSource();
    else if (auto expand = dyn_cast<tensor::ExpandShapeOp>(def))
      v = expand.getSrc();
    else if (auto collapse = dyn_cast<tensor::CollapseShapeOp>(def))
      v = collapse.getSrc();
    else
      break;
  }
  auto type = dyn_cast<RankedTensorType>(v.getType());
  ConstantElements elements = getConstantElements(v);
  if (!type || !type.hasStaticShape() || !elements)
    return false;
  Type elementType =
      elements.dense ? elements.dense.getElementType() : elements.elementType;
  if (!isa<FloatType>(elementType))
    return false;
  int64_t n =
      (elements.dense && elements.dense.isSplat()) ? 1 : type.getNumElements();
  if (n > (int64_t(1) << 26))
    return false;
  if (elements.dense && !elements.dense.isSplat() && elementType.isF32()) {
    ArrayRef<float> floats(
        reinterpret_cast<const float *>(elements.dense.getRawData().data()), n);
    return llvm::all_of(floats, [&](float f) { return pred(f); });
  }
  for (int64_t k = 0; k < n; ++k)
    if (!pred(elements.getFloat(k)))
      return false;
  return true;
}

/// A float constant of zeros and ones (see allConstantElements).
static bool isBinaryConstant(Value v) {
  return allConstantElements(v, [](double d) { return d == 0.0 || d == 1.0; });
}

/// The smallest and largest magnitude of the elements of a constant of
/// finite floats (seen as allConstantElements sees it), or none.
static std::optional<std::pair<double, double>> constantMagnitudes(Value v) {
  double lo = std::numeric_limits<double>::infinity(), hi = 0.0;
  if (!allConstantElements(v, [&](double d) {
        if (!std::isfinite(d))
          return false;
        lo = std::min(lo, std::fabs(d));
        hi = std::max(hi, std::fabs(d));
        return true;
      }))
    return std::nullopt;
  return std::make_pair(lo, hi);
}

namespace {
/// a Sq + b Skv + c.
struct SizeForm {
  int64_t a = 0, b = 0, c = 0;
  SizeForm operator+(const SizeForm &o) const {
    return {a + o.a, b + o.b, c + o.c};
  }
  SizeForm operator-(const SizeForm &o) const {
    return {a - o.a, b - o.b, c - o.c};
  }
  SizeForm operator*(int64_t k) const { return {a * k, b * k, c * k}; }
};
/// form >= 0, or form == 0.
struct SizeCond {
  SizeForm form;
  bool eq = false;
};
/// The value of an index computation where all `conds` hold (`known`
/// false: some value the forms cannot express).
struct SizePiece {
  SmallVector<SizeCond> conds;
  SizeForm value;
  bool known = true;
};
} // namespace

/// Whether `conds` can hold together for some Sq, Skv >= 1 (the static
/// sizes of `walker` when known).
static bool isFeasible(ArrayRef<SizeCond> conds, const ChainWalker &walker) {
  using namespace presburger;
  auto row = [](SizeForm f) { return SmallVector<int64_t>{f.a, f.b, f.c}; };
  IntegerPolyhedron set(PresburgerSpace::getSetSpace(/*numDims=*/2));
  set.addInequality({1, 0, -1});
  set.addInequality({0, 1, -1});
  if (!ShapedType::isDynamic(walker.sizes[kI]))
    set.addEquality({1, 0, -walker.sizes[kI]});
  if (!ShapedType::isDynamic(walker.sizes[kJ]))
    set.addEquality({0, 1, -walker.sizes[kJ]});
  for (const SizeCond &c : conds) {
    if (c.eq)
      set.addEquality(row(c.form));
    else
      set.addInequality(row(c.form));
  }
  return !set.isEmpty();
}

/// Reads `v`, an integer computed outside any body from sizes and constants
/// with add/sub/mul by constants, casts between index and i64, and
/// compare-and-select (torch-mlir's normalisation and clamping of slice
/// bounds: `x < 0 ? x + n : x`, then clamped to [0, n]), as pieces: one
/// affine form of Sq and Skv per combination of select outcomes, with the
/// conditions under which it is the value. None when something else is
/// read, a size is no sequence length, or there are too many pieces.
using SizePieceCache = DenseMap<Value, std::optional<SmallVector<SizePiece>>>;

/// Whether every value of `f` (Sq and Skv up to 2^40, like the dynamic
/// sizes of index conditions) fits in 62 bits, so that neither the run-time
/// computation nor the forms' arithmetic wraps.
static bool fitsWithoutWrap(const SizeForm &f) {
  constexpr int64_t kLimit = int64_t(1) << 62;
  std::optional<int64_t> x = llvm::checkedMul(std::abs(f.a), kMaxDynamicSize);
  std::optional<int64_t> y = llvm::checkedMul(std::abs(f.b), kMaxDynamicSize);
  if (!x || !y || f.c == std::numeric_limits<int64_t>::min())
    return false;
  std::optional<int64_t> sum = llvm::checkedAdd(*x, *y);
  sum = sum ? llvm::checkedAdd(*sum, std::abs(f.c)) : std::nullopt;
  return sum && *sum < kLimit;
}

static std::optional<SmallVector<SizePiece>>
getSizePieces(Value v, ChainWalker &walker, SizePieceCache &cache,
              unsigned depth = 0);

static std::optional<SmallVector<SizePiece>>
getSizePiecesUncached(Value v, ChainWalker &walker, SizePieceCache &cache,
                      unsigned depth) {
  constexpr size_t kMaxPieces = 256;
  if (depth > 32)
    return std::nullopt;
  Operation *def = v.getDefiningOp();
  auto rec = [&](Value x) {
    return getSizePieces(x, walker, cache, depth + 1);
  };
  auto single = [](SizeForm f) {
    SmallVector<SizePiece> r(1);
    r[0].value = f;
    return r;
  };
  // Combines the pieces of two operands with `f` on their values.
  auto combine =
      [&](ArrayRef<SizePiece> x, ArrayRef<SizePiece> y,
          function_ref<std::optional<SizeForm>(SizeForm, SizeForm)> f)
      -> std::optional<SmallVector<SizePiece>> {
    SmallVector<SizePiece> r;
    for (const SizePiece &px : x)
      for (const SizePiece &py : y) {
        SizePiece p;
        p.conds.append(px.conds);
        p.conds.append(py.conds);
        p.known = px.known && py.known;
        if (p.known) {
          if (!fitsWithoutWrap(px.value) || !fitsWithoutWrap(py.value))
            return std::nullopt;
          std::optional<SizeForm> value = f(px.value, py.value);
          if (!value || !fitsWithoutWrap(*value))
            return std::nullopt;
          p.value = *value;
        }
        r.push_back(std::move(p));
        if (r.size() > kMaxPieces)
          return std::nullopt;
      }
    return r;
  };
  if (std::optional<int64_t> c = getConstantIntValue(v))
    return single({0, 0, *c});
  if (isa_and_nonnull<arith::IndexCastOp>(def)) {
    // Between index and i64 only (no truncation).
    Type from = def->getOperand(0).getType(), to = v.getType();
    auto is64 = [](Type t) { return t.isIndex() || t.isInteger(64); };
    if (!is64(from) || !is64(to))
      return std::nullopt;
    return rec(def->getOperand(0));
  }
  if (isa_and_nonnull<arith::AddIOp, arith::SubIOp, arith::MulIOp>(def)) {
    auto x = rec(def->getOperand(0)), y = rec(def->getOperand(1));
    if (!x || !y)
      return std::nullopt;
    return combine(*x, *y,
                   [&](SizeForm a, SizeForm b) -> std::optional<SizeForm> {
                     if (isa<arith::AddIOp>(def))
                       return a + b;
                     if (isa<arith::SubIOp>(def))
                       return a - b;
                     auto scaled = [](SizeForm f,
                                      int64_t k) -> std::optional<SizeForm> {
                       std::optional<int64_t> x = llvm::checkedMul(f.a, k),
                                              y = llvm::checkedMul(f.b, k),
                                              z = llvm::checkedMul(f.c, k);
                       if (!x || !y || !z)
                         return std::nullopt;
                       return SizeForm{*x, *y, *z};
                     };
                     if (a.a == 0 && a.b == 0)
                       return scaled(b, a.c);
                     if (b.a == 0 && b.b == 0)
                       return scaled(a, b.c);
                     return std::nullopt;
                   });
  }
  // select(x pred y, t, f), maxsi/minsi.
  Value x, y, t, f;
  arith::CmpIPredicate pred;
  if (auto sel = dyn_cast_or_null<arith::SelectOp>(def)) {
    auto cmp = sel.getCondition().getDefiningOp<arith::CmpIOp>();
    if (!cmp)
      return std::nullopt;
    x = cmp.getLhs(), y = cmp.getRhs(), pred = cmp.getPredicate();
    t = sel.getTrueValue(), f = sel.getFalseValue();
  } else if (isa_and_nonnull<arith::MaxSIOp, arith::MinSIOp>(def)) {
    x = t = def->getOperand(0), y = f = def->getOperand(1);
    pred = isa<arith::MaxSIOp>(def) ? arith::CmpIPredicate::sge
                                    : arith::CmpIPredicate::sle;
  }
  if (x) {
    // The outcomes as disjunctions of conditions on d = x - y.
    using Disj = SmallVector<SmallVector<SizeCond>>;
    auto ge = [](SizeForm d, int64_t k) { // d >= k
      return SizeCond{d - SizeForm{0, 0, k}, false};
    };
    auto le = [](SizeForm d, int64_t k) { // d <= k
      return SizeCond{SizeForm{0, 0, k} - d, false};
    };
    auto outcomes = [&](SizeForm d) -> std::optional<std::pair<Disj, Disj>> {
      using P = arith::CmpIPredicate;
      switch (pred) {
      case P::sge:
        return std::make_pair(Disj{{ge(d, 0)}}, Disj{{le(d, -1)}});
      case P::sgt:
        return std::make_pair(Disj{{ge(d, 1)}}, Disj{{le(d, 0)}});
      case P::sle:
        return std::make_pair(Disj{{le(d, 0)}}, Disj{{ge(d, 1)}});
      case P::slt:
        return std::make_pair(Disj{{le(d, -1)}}, Disj{{ge(d, 0)}});
      case P::eq:
        return std::make_pair(Disj{{SizeCond{d, true}}},
                              Disj{{ge(d, 1)}, {le(d, -1)}});
      case P::ne:
        return std::make_pair(Disj{{ge(d, 1)}, {le(d, -1)}},
                              Disj{{SizeCond{d, true}}});
      default:
        return std::nullopt; // Unsigned: not read.
      }
    };
    auto px = rec(x), py = rec(y), pt = rec(t), pf = rec(f);
    if (!px || !py || !pt || !pf)
      return std::nullopt;
    SmallVector<SizePiece> r;
    for (const SizePiece &a : *px)
      for (const SizePiece &b : *py) {
        if (!a.known || !b.known || !fitsWithoutWrap(a.value) ||
            !fitsWithoutWrap(b.value) || !fitsWithoutWrap(a.value - b.value))
          return std::nullopt;
        auto out = outcomes(a.value - b.value);
        if (!out)
          return std::nullopt;
        // A branch that is a compared value (`x > n ? n : x`) takes the
        // piece being compared, not each of its pieces.
        auto branchPieces = [&](Value v, ArrayRef<SizePiece> all) {
          if (v == x)
            return SmallVector<SizePiece>{SizePiece{{}, a.value, true}};
          if (v == y)
            return SmallVector<SizePiece>{SizePiece{{}, b.value, true}};
          return SmallVector<SizePiece>(all);
        };
        SmallVector<SizePiece> tPieces = branchPieces(t, *pt),
                               fPieces = branchPieces(f, *pf);
        for (auto [disj, branch] : {std::make_pair(&out->first, &tPieces),
                                    std::make_pair(&out->second, &fPieces)})
          for (const SmallVector<SizeCond> &conj : *disj)
            for (const SizePiece &p : *branch) {
              SizePiece q = p;
              q.conds.append(a.conds);
              q.conds.append(b.conds);
              q.conds.append(conj);
              // Dropped when its conditions cannot hold together.
              if (!isFeasible(q.conds, walker))
                continue;
              r.push_back(std::move(q));
              if (r.size() > kMaxPieces)
                return std::nullopt;
            }
      }
    return r;
  }
  // A size (or affine arithmetic on sizes) the walk can read.
  Expr *e = walker.buildScalarOutside(v);
  if (e->kind == ExprKind::Const && e->type.isIntOrIndex())
    return single({0, 0, static_cast<int64_t>(e->cst)});
  if (e->kind != ExprKind::Index)
    return std::nullopt;
  std::optional<SmallVector<int64_t>> flat = flattenWithSizes(e->index, walker);
  if (!flat || llvm::any_of(llvm::seq<unsigned>(0, kNumDims),
                            [&](unsigned d) { return (*flat)[d] != 0; }))
    return std::nullopt;
  SizeForm form{(*flat)[kNumDims], (*flat)[kNumDims + 1], flat->back()};
  if (!fitsWithoutWrap(form))
    return std::nullopt;
  return single(form);
}

/// getSizePiecesUncached, once per value of one analysis (a clamp reads
/// its operand twice: without the cache, nested clamps take exponential
/// time).
static std::optional<SmallVector<SizePiece>>
getSizePieces(Value v, ChainWalker &walker, SizePieceCache &cache,
              unsigned depth) {
  if (auto it = cache.find(v); it != cache.end())
    return it->second;
  std::optional<SmallVector<SizePiece>> result =
      getSizePiecesUncached(v, walker, cache, depth);
  cache[v] = result;
  return result;
}

/// The difference rowOffset - colOffset of a slice of an [rows, cols]
/// plane read as a [Sq, Skv] mask, when it is the same affine form of Sq
/// and Skv in every execution where the reads are valid: Sq, Skv >= 1, the
/// slice's sizes are at least Sq and Skv (the mask is read over those
/// loops) and it lies in the plane. Each combination of the pieces of the
/// offsets and sizes is checked with a Presburger set over (Sq, Skv).
static std::optional<SizeForm>
getSliceOffsetDifference(OpFoldResult rowOff, OpFoldResult colOff,
                         OpFoldResult rowSize, OpFoldResult colSize,
                         int64_t rows, int64_t cols, ChainWalker &walker) {
  SizePieceCache cache;
  auto pieces = [&](OpFoldResult ofr) -> std::optional<SmallVector<SizePiece>> {
    if (std::optional<int64_t> c = getConstantIntValue(ofr)) {
      SmallVector<SizePiece> r(1);
      r[0].value = {0, 0, *c};
      return r;
    }
    return getSizePieces(cast<Value>(ofr), walker, cache);
  };
  auto ro = pieces(rowOff), co = pieces(colOff), rs = pieces(rowSize),
       cs = pieces(colSize);
  if (!ro || !co || !rs || !cs ||
      ro->size() * co->size() * rs->size() * cs->size() > 65536)
    return std::nullopt;

  using namespace presburger;
  auto row = [](SizeForm f) { return SmallVector<int64_t>{f.a, f.b, f.c}; };
  SizeForm sq{1, 0, 0}, skv{0, 1, 0};
  auto base = [&]() {
    IntegerPolyhedron set(PresburgerSpace::getSetSpace(/*numDims=*/2));
    set.addInequality(row(sq - SizeForm{0, 0, 1}));
    set.addInequality(row(skv - SizeForm{0, 0, 1}));
    if (!ShapedType::isDynamic(walker.sizes[kI]))
      set.addEquality(row(sq - SizeForm{0, 0, walker.sizes[kI]}));
    if (!ShapedType::isDynamic(walker.sizes[kJ]))
      set.addEquality(row(skv - SizeForm{0, 0, walker.sizes[kJ]}));
    return set;
  };
  // The feasible combinations, each with the difference it gives.
  std::vector<std::pair<IntegerPolyhedron, SizeForm>> feasible;
  for (const SizePiece &pr : *ro)
    for (const SizePiece &pc : *co)
      for (const SizePiece &psr : *rs)
        for (const SizePiece &psc : *cs) {
          IntegerPolyhedron set = base();
          for (const SizePiece *p : {&pr, &pc, &psr, &psc})
            for (const SizeCond &c : p->conds) {
              if (c.eq)
                set.addEquality(row(c.form));
              else
                set.addInequality(row(c.form));
            }
          if (psr.known && psc.known && pr.known && pc.known) {
            // The mask reads rows below Sq and columns below Skv of the
            // slice (at least: a tensor.extract in a body may read part of
            // a larger slice; a whole read has exactly those sizes).
            set.addInequality(row(psr.value - sq));
            set.addInequality(row(psc.value - skv));
            set.addInequality(row(pr.value));
            set.addInequality(row(SizeForm{0, 0, rows} - pr.value - psr.value));
            set.addInequality(row(pc.value));
            set.addInequality(row(SizeForm{0, 0, cols} - pc.value - psc.value));
          }
          if (set.isEmpty())
            continue;
          if (!pr.known || !pc.known || !psr.known || !psc.known)
            return std::nullopt;
          feasible.push_back({set, pr.value - pc.value});
        }
  // A form every feasible combination equals where it holds (each
  // combination's own form is a candidate: `Sq == Skv ? 0 : Skv - Sq` is
  // Skv - Sq everywhere, though its first piece reads 0).
  auto equalOn = [&](const IntegerPolyhedron &set, SizeForm diff,
                     SizeForm target) {
    for (int64_t sign : {1, -1}) {
      IntegerPolyhedron other = set;
      other.addInequality(row((diff - target) * sign - SizeForm{0, 0, 1}));
      if (!other.isEmpty())
        return false;
    }
    return true;
  };
  for (const auto &candidate : feasible) {
    SizeForm target = candidate.second;
    if (llvm::all_of(feasible, [&](const auto &f) {
          return equalOn(f.first, f.second, target);
        }))
      return target;
  }
  return std::nullopt;
}

/// Reads a constant dense i1 or float mask as a band, if it is one: the
/// constant itself, or a unit-stride slice of it (a model's causal buffer
/// for its longest sequence sliced to [Sq, Skv], GPT-2's `bias[:, :, Skv -
/// Sq : Skv, :Skv]`). The slice's sizes may be dynamic, and so may its row
/// and column offsets when their difference is `c + m (Skv - Sq)` with m 0
/// or 1 (read through `walker`, like the offsets of index conditions).
static std::optional<Band> getConstantBand(Value value, AffineMap map,
                                           bool negated, bool isFloat,
                                           ChainWalker &walker,
                                           bool binary = false) {
  auto type = dyn_cast<RankedTensorType>(value.getType());
  if (!type)
    return std::nullopt;
  int64_t rank = type.getRank();
  if (rank < 2)
    return std::nullopt;
  // Where element `idx` of `value` lies in the constant: source dim and
  // offset for each dim of `value` (a rank-reducing slice drops size-1 dims,
  // read at their offsets).
  ConstantElements dense;
  SmallVector<int64_t> srcShape(type.getShape());
  SmallVector<int64_t> srcBase(type.getRank(), 0);
  SmallVector<int64_t> srcDimOf =
      llvm::to_vector(llvm::seq<int64_t>(0, type.getRank()));
  // The offsets of the rows and columns in the constant, as index
  // expressions when dynamic.
  Value rowOffset, colOffset;
  auto slice = value.getDefiningOp<tensor::ExtractSliceOp>();
  if (slice) {
    RankedTensorType srcType = slice.getSourceType();
    if (!slice.hasUnitStride() || !srcType.hasStaticShape() ||
        !(dense = getConstantElements(slice.getSource())))
      return std::nullopt;
    srcShape.assign(srcType.getShape().begin(), srcType.getShape().end());
    llvm::SmallBitVector dropped = slice.getDroppedDims();
    srcDimOf.clear();
    for (int64_t d = 0; d < srcType.getRank(); ++d)
      if (!dropped.test(d))
        srcDimOf.push_back(d);
    if (static_cast<int64_t>(srcDimOf.size()) != rank)
      return std::nullopt;
    // Dynamic offsets only for the rows and the columns.
    SmallVector<OpFoldResult> offsets = slice.getMixedOffsets();
    int64_t rowDim = srcDimOf[rank - 2], colDim = srcDimOf[rank - 1];
    srcBase.clear();
    for (auto [d, ofr] : llvm::enumerate(offsets)) {
      std::optional<int64_t> c = getConstantIntValue(ofr);
      if (!c && (static_cast<int64_t>(d) == rowDim ||
                 static_cast<int64_t>(d) == colDim)) {
        (static_cast<int64_t>(d) == rowDim ? rowOffset : colOffset) =
            cast<Value>(ofr);
        srcBase.push_back(0);
        continue;
      }
      if (!c || *c < 0 || *c >= srcShape[d])
        return std::nullopt;
      srcBase.push_back(*c);
    }
  } else if (!type.hasStaticShape() || !(dense = getConstantElements(value))) {
    return std::nullopt;
  }
  Type elementType =
      dense.dense ? dense.dense.getElementType() : dense.elementType;
  if (isFloat != isa<FloatType>(elementType))
    return std::nullopt;
  MLIRContext *ctx = value.getContext();
  // A band needs a mask that varies with both the query row and the key
  // column: a mask broadcast over either is not a band.
  if (map.getResult(rank - 2) != getAffineDimExpr(kI, ctx) ||
      map.getResult(rank - 1) != getAffineDimExpr(kJ, ctx))
    return std::nullopt;
  map = broadcastUnitDims(type, map);
  for (int64_t k = 0; k < rank; ++k) {
    AffineExpr r = map.getResult(k);
    if (k == rank - 2 && r == getAffineDimExpr(kI, ctx))
      continue;
    if (k == rank - 1 && r == getAffineDimExpr(kJ, ctx))
      continue;
    if (type.getDimSize(k) == 1 && r == getAffineConstantExpr(0, ctx))
      continue;
    return std::nullopt;
  }
  // The region of the constant's [rows, cols] plane the mask can read:
  // exactly the slice when its offsets and sizes are static, else from
  // the static offset (0 when dynamic) to the end.
  int64_t rowDim = srcDimOf[rank - 2], colDim = srcDimOf[rank - 1];
  int64_t rows = type.getDimSize(rank - 2), cols = type.getDimSize(rank - 1);
  int64_t r0 = srcBase[rowDim], c0 = srcBase[colDim];
  int64_t r1 = (rowOffset || ShapedType::isDynamic(rows))
                   ? srcShape[rowDim]
                   : std::min(srcShape[rowDim], r0 + rows);
  int64_t c1 = (colOffset || ShapedType::isDynamic(cols))
                   ? srcShape[colDim]
                   : std::min(srcShape[colDim], c0 + cols);
  if (r0 >= r1 || c0 >= c1 || (r1 - r0) > (int64_t(1) << 26) / (c1 - c0))
    return std::nullopt;
  // Element (r, c) of the plane is base + r * rowStride + c * colStride,
  // the other dims at their offsets.
  SmallVector<int64_t> strides(srcShape.size(), 1);
  for (int64_t d = static_cast<int64_t>(srcShape.size()) - 2; d >= 0; --d)
    strides[d] = strides[d + 1] * srcShape[d + 1];
  int64_t base = 0;
  for (auto [d, pos] : llvm::enumerate(srcBase))
    if (static_cast<int64_t>(d) != rowDim && static_cast<int64_t>(d) != colDim)
      base += pos * strides[d];
  int64_t rowStride = strides[rowDim], colStride = strides[colDim];
  // Fast reads of the common forms (a dense i1 or f32 constant).
  std::optional<DenseElementsAttr::iterator_range<bool>> bools;
  ArrayRef<float> floats;
  if (dense.dense && !dense.dense.isSplat()) {
    if (elementType.isInteger(1))
      bools = dense.dense.getValues<bool>();
    else if (elementType.isF32())
      floats = ArrayRef<float>(
          reinterpret_cast<const float *>(dense.dense.getRawData().data()),
          dense.dense.getNumElements());
  }
  auto keeps = [&](int64_t r, int64_t c) -> std::optional<bool> {
    int64_t idx = base + r * rowStride + c * colStride;
    if (!isFloat)
      return (bools ? *(bools->begin() + idx) : dense.getBool(idx)) != negated;
    double d = floats.empty() ? dense.getFloat(idx) : floats[idx];
    // A 0/1 tensor (a multiplicative mask's b): 1 keeps.
    if (binary) {
      if (d != 0.0 && d != 1.0)
        return std::nullopt;
      return (d == 1.0) != negated;
    }
    // 0 keeps, -1e4 or less masks; anything else (NaN included) is no band.
    if (!(d == 0.0 || d <= -1.0e4))
      return std::nullopt;
    return d == 0.0;
  };
  // The kept elements must be exactly lo <= c - r <= hi. A scan already
  // made in this run (the same buffer sliced the same way in every layer)
  // is reused.
  BandScanKey key{dense.attr.getAsOpaquePointer(),
                  negated,
                  isFloat,
                  {rowDim, colDim, r0, c0, r1, c1, base, binary ? 1 : 0}};
  std::optional<std::pair<int64_t, int64_t>> scanned;
  auto cached =
      walker.bandScans ? walker.bandScans->find(key) : BandScans::iterator();
  if (walker.bandScans && cached != walker.bandScans->end()) {
    scanned = cached->second;
  } else {
    scanned = [&]() -> std::optional<std::pair<int64_t, int64_t>> {
      int64_t lo = std::numeric_limits<int64_t>::max(),
              hi = std::numeric_limits<int64_t>::min();
      for (int64_t r = r0; r < r1; ++r)
        for (int64_t c = c0; c < c1; ++c) {
          std::optional<bool> k = keeps(r, c);
          if (!k)
            return std::nullopt;
          if (*k) {
            lo = std::min(lo, c - r);
            hi = std::max(hi, c - r);
          }
        }
      if (lo > hi)
        return std::nullopt;
      // (Every element was checked to be 0 or masking above.)
      for (int64_t r = r0; r < r1; ++r)
        for (int64_t c = c0; c < c1; ++c)
          if (*keeps(r, c) != (c - r >= lo && c - r <= hi))
            return std::nullopt;
      return std::make_pair(lo, hi);
    }();
    if (walker.bandScans)
      (*walker.bandScans)[key] = scanned;
  }
  if (!scanned)
    return std::nullopt;
  auto [lo, hi] = *scanned;
  // Element (i, j) of the mask is (rowOff + i, colOff + j) of the plane, so
  // lo <= c - r <= hi is lo + delta <= j - i <= hi + delta with delta =
  // rowOff - colOff = shift + m (Skv - Sq).
  int64_t shift = r0 - c0, m = 0;
  if (rowOffset || colOffset) {
    auto offsetExpr = [&](Value v, int64_t cst) -> AffineExpr {
      if (!v)
        return getAffineConstantExpr(cst, ctx);
      Expr *e = walker.buildScalarOutside(v);
      if (e->kind == ExprKind::Index)
        return e->index;
      if (e->kind == ExprKind::Const && e->type.isIntOrIndex())
        return getAffineConstantExpr(static_cast<int64_t>(e->cst), ctx);
      return AffineExpr();
    };
    AffineExpr rowExpr = offsetExpr(rowOffset, r0),
               colExpr = offsetExpr(colOffset, c0);
    std::optional<SmallVector<int64_t>> flat;
    if (rowExpr && colExpr)
      flat = flattenWithSizes(rowExpr - colExpr, walker);
    std::optional<SizeForm> diff;
    if (flat && llvm::all_of(llvm::seq<unsigned>(0, kNumDims),
                             [&](unsigned d) { return (*flat)[d] == 0; })) {
      diff = SizeForm{(*flat)[kNumDims], (*flat)[kNumDims + 1], flat->back()};
    } else {
      // Offsets computed with compares and selects (torch-mlir's slice
      // bounds): the same form in every valid execution.
      SmallVector<OpFoldResult> offsets = slice.getMixedOffsets();
      SmallVector<OpFoldResult> sizes = slice.getMixedSizes();
      diff = getSliceOffsetDifference(
          offsets[rowDim], offsets[colDim], sizes[rowDim], sizes[colDim],
          srcShape[rowDim], srcShape[colDim], walker);
    }
    if (!diff)
      return std::nullopt;
    std::optional<std::pair<int64_t, int64_t>> folded =
        foldSizes(diff->a, diff->b, diff->c, walker);
    if (!folded || (folded->second != 0 && folded->second != 1))
      return std::nullopt;
    shift = folded->first;
    m = folded->second;
  }
  constexpr int64_t kMaxOffset = int64_t(1) << 62;
  if (shift < -kMaxOffset || shift > kMaxOffset)
    return std::nullopt;
  // A bound no element of the region misses is left out (so a full
  // causal buffer sliced to a window of it is causal only).
  Band band;
  if (hi < (c1 - 1) - r0)
    band.addUpper(hi + shift, m == 1);
  if (lo > c0 - (r1 - 1))
    band.addLower(lo + shift, m == 1);
  return band;
}

namespace {
/// One attempt at raising the chain ending at a contraction.
class ChainMatcher {
public:
  /// `swapQueryAndValueDims`: of a 4-D root's two output dims that only one
  /// operand reads, take the last for the query rows and the other for V's
  /// columns (an output written [B, H, Dv, Sq]), instead of the reverse.
  ChainMatcher(Operation *root, bool swapQueryAndValueDims = false,
               BandScans *bandScans = nullptr)
      : root(root), walker(root->getContext()),
        swapQueryAndValueDims(swapQueryAndValueDims) {
    walker.bandScans = bandScans;
  }

  /// Matches and, on success, rewrites. Returns the reason on failure.
  FailureOr<AttentionOp> run(RewriterBase &rewriter, MatchResult &result);

  /// Whether a 4-D root's output dims can be read the other way (see
  /// swapQueryAndValueDims); set by run.
  bool hasOtherReading = false;

private:
  /// The second contraction: a contraction-like linalg op or tosa.matmul.
  Operation *root;
  ChainWalker walker;
  bool swapQueryAndValueDims;
};

/// Runs a ChainMatcher on `root` and, when the chain did not look like
/// attention read one way, the other way.
static FailureOr<AttentionOp> matchAndRaise(Operation *root,
                                            RewriterBase &rewriter,
                                            MatchResult &result,
                                            BandScans *bandScans = nullptr) {
  ChainMatcher matcher(root, /*swapQueryAndValueDims=*/false, bandScans);
  FailureOr<AttentionOp> fused = matcher.run(rewriter, result);
  if (succeeded(fused) || result.candidate || !matcher.hasOtherReading)
    return fused;
  MatchResult other;
  ChainMatcher swapped(root, /*swapQueryAndValueDims=*/true, bandScans);
  fused = swapped.run(rewriter, other);
  if (succeeded(fused) || other.candidate)
    result = other;
  return fused;
}
} // namespace

/// True when `op` computes init + a * b with a reduction: a contraction.
static bool isContractionLike(linalg::LinalgOp op) {
  if (op.getNumDpsInputs() != 2 || op.getNumDpsInits() != 1 ||
      op.getNumReductionLoops() != 1 || !op.hasPureTensorSemantics())
    return false;
  auto yield = cast<linalg::YieldOp>(op.getBlock()->getTerminator());
  Operation *add = yield.getOperand(0).getDefiningOp();
  if (!isa_and_nonnull<arith::AddFOp>(add))
    return false;
  return llvm::any_of(add->getOperands(), [](Value v) {
    return isa_and_nonnull<arith::MulFOp>(v.getDefiningOp());
  });
}

/// True for the ops a chain can end at: a contraction-like linalg op or a
/// float tosa.matmul on static shapes.
static bool isChainRoot(Operation *op) {
  if (auto linalgOp = dyn_cast<linalg::LinalgOp>(op))
    return isContractionLike(linalgOp);
  if (auto matmul = dyn_cast<tosa::MatMulOp>(op)) {
    auto type = cast<RankedTensorType>(matmul.getType());
    return isa<FloatType>(type.getElementType()) && type.hasStaticShape();
  }
  return false;
}

/// Returns the (batch, heads) sizes of a 4-D tensor collapsed into the
/// [B*H, S, D] value `in` by a tensor.collapse_shape or a tosa.reshape.
static std::optional<std::pair<int64_t, int64_t>> getCollapsedHeads(Value in) {
  Value src;
  SmallVector<ReassociationIndices> reassoc;
  if (auto collapse = in.getDefiningOp<tensor::CollapseShapeOp>()) {
    src = collapse.getSrc();
    reassoc = collapse.getReassociationIndices();
  } else if (auto reshape = in.getDefiningOp<tosa::ReshapeOp>()) {
    auto from = dyn_cast<RankedTensorType>(reshape.getInput1().getType());
    auto to = cast<RankedTensorType>(reshape.getType());
    if (!from || !from.hasStaticShape() || !to.hasStaticShape() ||
        from.getRank() <= to.getRank())
      return std::nullopt;
    std::optional<SmallVector<ReassociationIndices>> r =
        getReassociationIndicesForCollapse(from.getShape(), to.getShape());
    if (!r)
      return std::nullopt;
    src = reshape.getInput1();
    reassoc = *r;
  } else {
    return std::nullopt;
  }
  auto srcType = cast<RankedTensorType>(src.getType());
  // [B, H, S, D] -> [B*H, S, D]; or [B, Hkv, G, S, D] -> [B*Hkv*G, S, D],
  // as a head repeat (`repeat_kv`) of K/V produces: H = Hkv * G.
  if (srcType.getRank() == 5 && reassoc.front().size() == 3 &&
      !ShapedType::isDynamic(srcType.getDimSize(1)) &&
      !ShapedType::isDynamic(srcType.getDimSize(2)))
    return std::make_pair(srcType.getDimSize(0),
                          srcType.getDimSize(1) * srcType.getDimSize(2));
  if (srcType.getRank() != 4 || reassoc.front().size() != 2 ||
      ShapedType::isDynamic(srcType.getDimSize(1)))
    return std::nullopt;
  return std::make_pair(srcType.getDimSize(0), srcType.getDimSize(1));
}

/// True when `v` is a tensor of +0.0: a linalg.fill of a zero constant or a
/// zero splat constant.
static bool isZeroInit(Value v) {
  if (auto fill = v.getDefiningOp<linalg::FillOp>()) {
    Value x = fill.getInputs()[0];
    FloatAttr f;
    if (matchPattern(x, m_Constant(&f)))
      return f.getValue().isPosZero();
    IntegerAttr i;
    if (matchPattern(x, m_Constant(&i)))
      return i.getValue().isZero();
    return false;
  }
  DenseElementsAttr dense;
  if (!matchPattern(v, m_Constant(&dense)) || !dense.isSplat())
    return false;
  Type elt = dense.getElementType();
  if (isa<FloatType>(elt))
    return dense.getSplatValue<APFloat>().isPosZero();
  if (isa<IntegerType>(elt))
    return dense.getSplatValue<APInt>().isZero();
  return false;
}

FailureOr<AttentionOp> ChainMatcher::run(RewriterBase &rewriter,
                                         MatchResult &result) {
  MLIRContext *ctx = root->getContext();
  std::string &reason = result.reason;
  auto linalgRoot = dyn_cast<linalg::LinalgOp>(root);
  auto tosaRoot = dyn_cast<tosa::MatMulOp>(root);
  if (!isChainRoot(root)) {
    reason = "not a contraction";
    return failure();
  }
  if (tosaRoot &&
      (!isZeroSplat(tosaRoot.getAZp()) || !isZeroSplat(tosaRoot.getBZp()))) {
    reason = "tosa.matmul with a non-zero zero point";
    return failure();
  }
  SmallVector<Value> rootInputs;
  if (linalgRoot)
    rootInputs = linalgRoot.getDpsInputs();
  else
    rootInputs = {tosaRoot.getA(), tosaRoot.getB()};
  auto outType = cast<RankedTensorType>(root->getResult(0).getType());
  int64_t rank = outType.getRank();
  if (outType.getEncoding()) {
    reason = "the result has a tensor encoding";
    return failure();
  }
  ArrayRef<int64_t> outShape = outType.getShape();
  AffineExpr b = getAffineDimExpr(kB, ctx), h = getAffineDimExpr(kH, ctx),
             i = getAffineDimExpr(kI, ctx), e = getAffineDimExpr(kE, ctx);
  int64_t batch = 1, heads = 1;
  // A refusal found before the chain is walked, reported once the walk has
  // told whether the chain looks like attention.
  std::string deferred;
  SmallVector<AffineExpr> outExprs;
  // The logical dim (0 = b, 1 = h, 2 = i, 3 = e) of each dim of a 4-D root's
  // output: [B, H, S, E] unless its indexing maps say otherwise.
  SmallVector<int64_t, 4> outOrder = {0, 1, 2, 3};
  if (rank == 4) {
    if (linalgRoot) {
      // Of P V's output dims, b and h are read by both operands, i by P
      // only and e by V only. Which of the two single-reader dims is e is
      // not known before the walk: the last of them by default (the other
      // with swapQueryAndValueDims).
      AffineMap om =
          linalgRoot.getMatchingIndexingMap(linalgRoot.getDpsInitOperand(0));
      if (om.getNumResults() == 4 && om.isProjectedPermutation() &&
          linalgRoot.getNumDpsInputs() == 2) {
        SmallVector<int64_t> both, single;
        SmallVector<int64_t> reader(4, -1);
        for (int64_t k = 0; k < 4; ++k) {
          unsigned l = cast<AffineDimExpr>(om.getResult(k)).getPosition();
          int readers = 0;
          for (auto [n, in] : llvm::enumerate(linalgRoot.getDpsInputOperands()))
            if (linalgRoot.getMatchingIndexingMap(in).isFunctionOfDim(l)) {
              ++readers;
              reader[k] = n;
            }
          if (readers == 2)
            both.push_back(k);
          else if (readers == 1)
            single.push_back(k);
        }
        if (both.size() == 2 && single.size() == 2 &&
            reader[single[0]] != reader[single[1]]) {
          int64_t ePos = single[1], iPos = single[0];
          hasOtherReading = true;
          if (swapQueryAndValueDims)
            std::swap(ePos, iPos);
          outOrder[both[0]] = 0;
          outOrder[both[1]] = 1;
          outOrder[iPos] = 2;
          outOrder[ePos] = 3;
        }
      }
    }
    auto posOf = [&](int64_t logical) {
      return llvm::find(outOrder, logical) - outOrder.begin();
    };
    batch = outShape[posOf(0)];
    heads = outShape[posOf(1)];
    if (ShapedType::isDynamic(heads) && deferred.empty())
      deferred = "dynamic head count";
    AffineExpr logical[4] = {b, h, i, e};
    for (int64_t k = 0; k < 4; ++k)
      outExprs.push_back(logical[outOrder[k]]);
  } else if (rank == 3) {
    // [B*H, S, D]: recover B and H from a 4-D tensor collapsed into an input.
    heads = outShape[0];
    for (Value in : rootInputs) {
      if (auto bh = getCollapsedHeads(in)) {
        // Only when batch * heads is the collapsed dim N: both static and
        // equal, or both dynamic (a dynamic batch; N = B * H then holds at
        // run time, since the collapse is what produced N).
        bool dynamicBatch = ShapedType::isDynamic(bh->first) &&
                            ShapedType::isDynamic(outShape[0]);
        if (!dynamicBatch && (ShapedType::isDynamic(bh->first) ||
                              ShapedType::isDynamic(outShape[0]) ||
                              bh->first * bh->second != outShape[0]))
          continue;
        std::tie(batch, heads) = *bh;
        break;
      }
    }
    if (ShapedType::isDynamic(heads)) {
      // A dynamic N that no 4-D input was collapsed into: read it as the
      // batch of one-head attention ([N, S, D] -> [N, 1, S, D]).
      batch = ShapedType::kDynamic;
      heads = 1;
    }
    if (heads <= 0 && deferred.empty())
      deferred = "a zero-sized dimension";
    outExprs = {b * heads + h, i, e};
  } else if (rank == 2) {
    outExprs = {i, e};
  } else if (rank == 5 && linalgRoot) {
    // [B, Hkv, G, S, E]: grouped-query attention with the group as its own
    // dim; query head h = hkv * G + g.
    int64_t hkv = outShape[1], g = outShape[2];
    if (ShapedType::isDynamic(hkv) || ShapedType::isDynamic(g) || g <= 0) {
      reason = "dynamic or zero head counts";
      return failure();
    }
    batch = outShape[0];
    heads = hkv * g;
    outExprs = {b, h.floorDiv(g), h % g, i, e};
  } else {
    reason = "the second contraction has rank " + std::to_string(rank);
    return failure();
  }
  walker.sizes[kB] = batch;
  walker.sizes[kH] = heads;
  if (rank == 4) {
    walker.sizes[kI] = outShape[llvm::find(outOrder, 2) - outOrder.begin()];
    walker.sizes[kE] = outShape[llvm::find(outOrder, 3) - outOrder.begin()];
  } else {
    walker.sizes[kI] = outShape[rank - 2];
    walker.sizes[kE] = outShape[rank - 1];
  }
  AffineMap outMap = AffineMap::get(kNumDims, 0, outExprs, ctx);
  Expr *prod = nullptr;
  if (linalgRoot) {
    FailureOr<SmallVector<AffineExpr>> loops =
        getLoopExprs(linalgRoot, 0, outMap, kJ, ctx);
    if (failed(loops)) {
      reason = "unsupported indexing of the second contraction";
      return failure();
    }
    for (auto [k, it] : llvm::enumerate(linalgRoot.getIteratorTypesArray()))
      if (it == utils::IteratorType::reduction)
        walker.sizes[kJ] = linalgRoot.getStaticLoopRanges()[k];
    Expr *body = walker.buildLinalgBody(linalgRoot, 0, *loops);
    // The body must be exactly acc + a * b, the accumulator used once.
    if (isOp<arith::AddFOp>(body) && body->args.size() == 2) {
      int accPos = body->args[0]->kind == ExprKind::Acc   ? 0
                   : body->args[1]->kind == ExprKind::Acc ? 1
                                                          : -1;
      if (accPos >= 0 && isOp<arith::MulFOp>(body->args[1 - accPos]) &&
          !contains(body->args[1 - accPos], ExprKind::Acc))
        prod = body->args[1 - accPos];
    }
    if (!prod) {
      // Keep walking to tell whether this is attention at all (remark).
      if (deferred.empty())
        deferred = "the second contraction's body is not acc + a * b";
      for (Expr *a : body->args)
        if (isOp<arith::MulFOp>(a))
          prod = a;
    }
    if (!isZeroInit(linalgRoot.getDpsInits()[0]) && deferred.empty())
      deferred = "the second contraction does not start from zero";
  } else {
    // tosa.matmul: out[n, i, e] = sum_j a[n, i, j] * b[n, j, e].
    walker.sizes[kJ] =
        cast<RankedTensorType>(tosaRoot.getA().getType()).getDimSize(2);
    AffineExpr n = outExprs.front(), j = getAffineDimExpr(kJ, ctx);
    Expr *lhs = walker.build(tosaRoot.getA(),
                             AffineMap::get(kNumDims, 0, {n, i, j}, ctx));
    Expr *rhs = walker.build(tosaRoot.getB(),
                             AffineMap::get(kNumDims, 0, {n, j, e}, ctx));
    prod = walker.scalarOp(arith::MulFOp::getOperationName(),
                           outType.getElementType(), {lhs, rhs});
  }
  if (walker.tooLarge) {
    // (Reported: it may well be attention, written with reused values.)
    result.candidate = true;
    reason = llvm::formatv("the chain is too large to analyse (over {0} "
                           "expression nodes with its reused values "
                           "expanded)",
                           ChainWalker::kMaxNodes)
                 .str();
    return failure();
  }
  if (!prod) {
    reason = "not a contraction";
    return failure();
  }
  Expr *probs = nullptr, *valueSide = nullptr;
  for (Expr *side : prod->args) {
    Expr *s = side;
    while (isOp<arith::ExtFOp>(s))
      s = s->args[0];
    auto readsE = [](AffineMap m) {
      return llvm::any_of(m.getResults(),
                          [](AffineExpr r) { return r.isFunctionOfDim(kE); });
    };
    if (s->kind == ExprKind::Leaf && s->map && readsE(s->map))
      valueSide = s;
    else if (s->kind != ExprKind::Leaf && s->src && s->srcMap &&
             readsE(s->srcMap) && !contains(s, ExprKind::Contract)) {
      // V computed elementwise (a bias add) or with reductions of its own
      // (a LayerNorm): the tensor it was computed into, or a view of it.
      // (The probabilities are indexed by the key, not by V's head dim.)
      valueSide = walker.leaf(s->src, s->srcMap);
      valueSide->above = s->above;
    } else {
      probs = side;
    }
  }
  if (!probs || !valueSide) {
    reason = "cannot tell the probabilities from V";
    return failure();
  }
  result.candidate = contains(probs, ExprKind::Softmax) ||
                     contains(probs, ExprKind::Reduce) || !walker.note.empty();
  if (!deferred.empty()) {
    reason = deferred;
    return failure();
  }
  Plan plan;
  plan.walker = &walker;
  plan.value = valueSide;
  double expScale = 1.0;
  bool maxSubtracted = false;
  Expr *scores = matchSoftmax(probs, expScale, maxSubtracted, reason);
  if (!scores) {
    if (!walker.note.empty())
      reason = walker.note;
    return failure();
  }
  if (failed(matchScores(walker, scores, plan, reason, expScale,
                         maxSubtracted))) {
    // What made a value opaque to the walk is often the cause.
    if (!walker.note.empty())
      reason += "; " + walker.note;
    return failure();
  }
  // (The sign of the scales above each mask was checked where the mask was
  // matched.) The op holds the scale as an f32.
  float scale32 = static_cast<float>(plan.scale);
  if (!std::isfinite(plan.scale) || plan.scale == 0.0 ||
      !std::isfinite(scale32) || scale32 == 0.0f) {
    reason = llvm::formatv("the scale ({0:e}) is zero or not finite as an "
                           "f32",
                           plan.scale)
                 .str();
    return failure();
  }
  if (batch == 0 || heads == 0 ||
      llvm::any_of(walker.sizes, [](int64_t size) { return size == 0; })) {
    reason = "a zero-sized dimension";
    return failure();
  }
  // An additive mask computed in a way the op cannot evaluate again (a bias
  // gathered from a table at computed indices: T5's relative positions)
  // but held in a tensor before the chain: read that tensor (or a view).
  // (A value the walk could not see through, e.g. that gather inside a
  // linalg body, is a leaf with no map; the tensors it was crossed into are
  // its `above`.)
  for (Expr *&m : plan.floatMasks) {
    if (contains(m, ExprKind::Contract) ||
        isEvaluable(m, root, walker, /*onlyIJ=*/false))
      continue;
    if (m->kind != ExprKind::Leaf && m->src && m->srcMap) {
      Expr *read = walker.leaf(m->src, m->srcMap);
      read->above = m->above;
      m = read;
    } else if (m->kind == ExprKind::Leaf && !m->map && !m->above.empty()) {
      Expr *read = walker.leaf(m->above.front().first, m->above.front().second);
      read->above.assign(std::next(m->above.begin()), m->above.end());
      m = read;
    }
  }
  // A mask tensor with a zero-sized dim read over a non-empty range (the
  // linalg verifier does not check zero-sized dims) would give an op whose
  // mask does not broadcast.
  {
    SmallVector<Expr *> leaves;
    for (Expr *m : plan.floatMasks)
      collectLeaves(m, leaves);
    for (const MaskTerm &t : plan.boolMasks)
      collectLeaves(t.pred, leaves);
    for (const MaskTerm &t : plan.indexTerms)
      collectLeaves(t.pred, leaves);
    for (Expr *l : leaves)
      if (auto t = dyn_cast<RankedTensorType>(l->value.getType());
          t && llvm::is_contained(t.getShape(), 0)) {
        reason = "a mask tensor with a zero-sized dimension";
        return failure();
      }
  }

  // Intermediates must not escape. They are the chain ops that depend on
  // the score contraction; the ones that only prepare Q, K, V or a mask (a
  // transpose, a mask built from a bool tensor) may be shared.
  llvm::SetVector<Operation *> intermediates;
  Operation *scoreOp = plan.scoreOp;
  if (scoreOp) {
    SmallVector<Operation *> work = {scoreOp};
    intermediates.insert(scoreOp);
    while (!work.empty()) {
      Operation *op = work.pop_back_val();
      for (Operation *user : op->getUsers())
        if (walker.chainOps.contains(user) && intermediates.insert(user))
          work.push_back(user);
    }
  } else {
    intermediates = walker.chainOps;
  }
  // Unused, side-effect-free users (a leftover debug reduction of the
  // scores, say) do not count: they are erased with the chain.
  llvm::SetVector<Operation *> deadUsers;
  for (Operation *op : intermediates) {
    if (op == root)
      continue;
    for (Operation *user : op->getUsers())
      if (user != root && !walker.chainOps.contains(user) &&
          !collectDeadUsers(user, deadUsers, walker.chainOps, root)) {
        // Name both ops: the other user is often a reduction over the wrong
        // dim (a max over the queries), which the chain did not take in.
        reason = "an intermediate of the chain (" + describeOp(op) +
                 ") has another user (" + describeOp(user) + ")";
        return failure();
      }
  }

  // Element types.
  Type elt = getElementTypeOrSelf(plan.value->value.getType());
  auto isSupported = [](Type t) {
    return t.isF32() || t.isF16() || t.isBF16();
  };
  // An f32 result from f16/bf16 inputs (contractions that accumulate in
  // f32, or inputs extended to f32 first): the chain computes on the
  // inputs' exact f32 values, so the op reads them extended to f32.
  bool extendToF32 =
      outType.getElementType().isF32() &&
      llvm::all_of(ArrayRef<Expr *>{plan.query, plan.key, plan.value},
                   [&](Expr *leaf) {
                     return isSupported(
                         getElementTypeOrSelf(leaf->value.getType()));
                   });
  if (extendToF32)
    elt = outType.getElementType();
  for (Expr *leaf : {plan.query, plan.key, plan.value})
    if ((!extendToF32 && getElementTypeOrSelf(leaf->value.getType()) != elt) ||
        !isSupported(elt)) {
      reason = "unsupported element types (Q, K and V must share f32, f16 "
               "or bf16)";
      return failure();
    }
  if (outType.getElementType() != elt) {
    reason = "the result element type differs from V's";
    return failure();
  }

  // A tensor read through tensor.extract at a loop index must have that
  // loop's size (statically, or proven equal to a tensor the walk read
  // whole): a larger one read in part cannot be an operand of the op (nor
  // of the evaluated masks, which read whole tensors).
  for (auto [tensor, k, d] : walker.extractReads) {
    int64_t size = cast<RankedTensorType>(tensor.getType()).getDimSize(k);
    int64_t loop = walker.sizes[d];
    if (!ShapedType::isDynamic(size) && !ShapedType::isDynamic(loop) &&
        size == loop)
      continue;
    bool equal = false;
    if (d == kI || d == kJ)
      for (const auto &[key, logical] : walker.seqDims) {
        if (logical != d)
          continue;
        FailureOr<bool> eq = ValueBoundsConstraintSet::areEqual(
            {tensor, k}, {key.first, key.second});
        if (succeeded(eq) && *eq) {
          equal = true;
          break;
        }
      }
    if (!equal) {
      reason = "a tensor read through tensor.extract may be larger than the "
               "loops (its dim " +
               std::to_string(k) + " is not known to equal the loop's size)";
      return failure();
    }
  }

  // Constant dense masks that are bands become causal/window attributes
  // (kept aside: when the band cannot be attributes they are masks again).
  Location loc = root->getLoc();
  OpBuilder::InsertionGuard guard(rewriter);
  rewriter.setInsertionPoint(root);
  SmallVector<Expr *> allFloatMasks = plan.floatMasks;
  SmallVector<double> allFloatMaskScales = plan.floatMaskScales;
  SmallVector<size_t> allFloatMaskFactors = plan.floatMaskFactors;
  SmallVector<MaskTerm> allBoolMasks = plan.boolMasks;
  // Folds the mask `m` into the band if it is a constant one.
  auto foldBand = [&](Expr *m, bool negated, bool isFloat) {
    // A float constant rounded to another float type first (Whisper's f32
    // buffer cast to f16): rounding keeps 0 and -inf, and keeps a value
    // <= -1e4 a masking one (bf16 rounds -1e4 to -9984, which masks as
    // well; the source is what is checked against -1e4).
    // Only into types with infinities and a range beyond 1e4 (f16, bf16,
    // f32, f64): an f8 type without infinities turns -inf into NaN, and
    // narrower ones saturate -1e4.
    auto keepsMasks = [](Type t) {
      return t.isF16() || t.isBF16() || t.isF32() || t.isF64();
    };
    while (isFloat && (isOp<arith::TruncFOp>(m) || isOp<arith::ExtFOp>(m)) &&
           m->args.size() == 1 && keepsMasks(m->type))
      m = m->args[0];
    // `b != 0` on a 0/1 constant (a multiplicative mask's condition).
    bool binary = false;
    if (!isFloat && isOp<arith::CmpFOp>(m) && !m->op && m->attrs &&
        m->args.size() == 2 && isConst(m->args[1], 0.0)) {
      auto pred = m->attrs.getAs<IntegerAttr>("predicate");
      if (!pred ||
          pred.getInt() != static_cast<int64_t>(arith::CmpFPredicate::UNE))
        return false;
      m = m->args[0];
      binary = isFloat = true;
    }
    if (m->kind != ExprKind::Leaf || !m->map)
      return false;
    std::optional<Band> band =
        getConstantBand(m->value, m->map, negated, isFloat, walker, binary);
    if (!band)
      return false;
    if (band->upper)
      plan.band.addUpper(*band->upper);
    if (band->lower)
      plan.band.addLower(*band->lower);
    if (band->brUpper)
      plan.band.addUpper(*band->brUpper, /*br=*/true);
    if (band->brLower)
      plan.band.addLower(*band->brLower, /*br=*/true);
    plan.constantBand = true;
    return true;
  };
  for (size_t k = plan.floatMasks.size(); k-- > 0;)
    if (plan.floatMaskScales[k] == 1.0 && plan.floatMaskFactors[k] == 0 &&
        foldBand(plan.floatMasks[k], false, true)) {
      plan.floatMasks.erase(plan.floatMasks.begin() + k);
      plan.floatMaskScales.erase(plan.floatMaskScales.begin() + k);
      plan.floatMaskFactors.erase(plan.floatMaskFactors.begin() + k);
    }
  llvm::erase_if(plan.boolMasks, [&](const MaskTerm &t) {
    return foldBand(t.pred, t.negated, false);
  });

  // Keep conditions on indices that are not all bands of the op's
  // attributes are evaluated once into a dense mask (no tile is skipped for
  // them, but no score matrix is materialised either), and so is a band
  // the attributes cannot express. The band is then dropped, and the
  // constant masks it came from are masks again.
  bool denseIndex = false, bandDropped = false;
  auto dropBand = [&]() {
    denseIndex = !plan.indexTerms.empty();
    bandDropped = true;
    plan.band = Band();
    if (plan.constantBand) {
      plan.floatMasks = allFloatMasks;
      plan.floatMaskScales = allFloatMaskScales;
      plan.floatMaskFactors = allFloatMaskFactors;
      plan.boolMasks = allBoolMasks;
      plan.constantBand = false;
    }
  };
  if (plan.indexDense)
    dropBand();

  // Causal and window from the band lower <= j - i <= upper.
  int64_t sq = walker.sizes[kI], skv = walker.sizes[kJ];
  CausalAttr causalAttr;
  DenseI64ArrayAttr windowAttr;
  // A band the attributes cannot express: dense as well, when it came
  // from conditions or tensors that can be evaluated.
  auto bandAsDense = [&](StringRef why) {
    if (plan.indexTerms.empty() && !plan.constantBand) {
      reason = why.str();
      return false;
    }
    dropBand();
    return true;
  };
  if (plan.band.any()) {
    std::optional<int64_t> brDelta;
    if (!ShapedType::isDynamic(sq) && !ShapedType::isDynamic(skv))
      brDelta = skv - sq;
    // Bounds about the bottom-right diagonal come only with a dynamic size
    // (static ones are folded into top-left bounds).
    Band &band = plan.band;
    bool bottomRight = band.brUpper || band.brLower;
    int64_t delta = 0;
    Causal causal = Causal::none;
    std::optional<int64_t> lower = band.lower, upper = band.upper;
    if (bottomRight && (band.lower || band.upper)) {
      if (!bandAsDense("a band mask about both diagonals with dynamic "
                       "sequence lengths"))
        return failure();
    } else if (bottomRight) {
      // Relative to delta = Skv - Sq, whatever it is at run time.
      lower = band.brLower;
      upper = band.brUpper;
      if (upper && *upper == 0)
        causal = Causal::bottom_right;
    } else if (band.upper && *band.upper == 0) {
      causal = Causal::top_left;
    } else if (band.upper && brDelta && *band.upper == *brDelta) {
      causal = Causal::bottom_right;
      delta = *brDelta;
    } else if (brDelta) {
      delta = *brDelta;
    } else if (!bandAsDense("a band mask with dynamic sequence lengths")) {
      return failure();
    }
    int64_t left = -1, right = -1;
    if (!bandDropped) {
      if (lower)
        left = delta - *lower;
      if (causal == Causal::none && upper)
        right = *upper - delta;
      if (((lower && left < 0) ||
           (causal == Causal::none && upper && right < 0)) &&
          !bandAsDense("the band mask is not expressible as causal/window"))
        return failure();
    }
    if (!bandDropped && causal != Causal::none)
      causalAttr = CausalAttr::get(ctx, causal);
    if (!bandDropped && (left >= 0 || right >= 0))
      windowAttr = rewriter.getDenseI64ArrayAttr({left, right});
  }

  // Resolve Q, K, V (keeping one layout for all three).
  FailureOr<Access> q, k, v;
  bool wantBshd = false;
  // The leaf first, then the alternatives (with the factor they need).
  double queryFactor = 1.0, keyFactor = 1.0;
  auto resolveQK = [&](Expr *leaf,
                       ArrayRef<std::pair<Expr *, double>> alternatives,
                       unsigned s, bool allowGroups, bool fixed,
                       double &factor) -> FailureOr<Access> {
    factor = 1.0;
    FailureOr<Access> acc =
        resolveLeaf(leaf, s, kD, batch, heads, allowGroups, wantBshd, fixed);
    for (auto [alt, f] : alternatives) {
      if (succeeded(acc))
        break;
      acc = resolveLeaf(alt, s, kD, batch, heads, allowGroups, wantBshd, fixed);
      if (succeeded(acc))
        factor = f;
    }
    return acc;
  };
  for (bool fixed : {false, true}) {
    q = resolveQK(plan.query, plan.queryAlternatives, kI,
                  /*allowGroups=*/false, fixed, queryFactor);
    if (failed(q))
      break;
    wantBshd = q->bshd;
    k = resolveQK(plan.key, plan.keyAlternatives, kJ, /*allowGroups=*/true,
                  /*fixed=*/true, keyFactor);
    v = resolveLeaf(plan.value, kJ, kE, batch, heads, true, wantBshd, true);
    if (succeeded(k) && succeeded(v))
      break;
    if (fixed)
      break;
    // Retry with Q in the other layout if one exists.
    wantBshd = !wantBshd;
  }
  if (failed(q) || failed(k) || failed(v)) {
    reason = "Q, K or V is not read as [B, H, S, D] or [B, S, H, D] "
             "(possibly through a head repeat)";
    return failure();
  }
  if (k->group != v->group) {
    reason = "K and V repeat heads differently";
    return failure();
  }
  if (queryFactor != 1.0 || keyFactor != 1.0) {
    // Q or K is read as a tensor that includes factors peeled into the
    // scale: take them back out.
    plan.scale *= queryFactor * keyFactor;
    float scale32 = static_cast<float>(plan.scale);
    if (!std::isfinite(plan.scale) || plan.scale == 0.0 ||
        !std::isfinite(scale32) || scale32 == 0.0f) {
      reason = "the scale is zero or not finite as an f32";
      return failure();
    }
  }
  {
    auto shapeOf = [](const Access &a) -> SmallVector<int64_t> {
      if (!a.reassoc.empty())
        return a.shape;
      SmallVector<int64_t> full = a.transposedShape();
      if (!a.collapse.empty()) {
        SmallVector<int64_t> shape;
        for (const ReassociationIndices &group : a.collapse) {
          int64_t size = 1;
          for (int64_t d : group)
            size = ShapedType::isDynamic(full[d]) || ShapedType::isDynamic(size)
                       ? ShapedType::kDynamic
                       : size * full[d];
          shape.push_back(size);
        }
        return shape;
      }
      return full;
    };
    SmallVector<int64_t> qs = shapeOf(*q), ks = shapeOf(*k), vs = shapeOf(*v);
    unsigned hp = q->bshd ? 2 : 1;
    auto isPositive = [](int64_t d) {
      return !ShapedType::isDynamic(d) && d > 0;
    };
    if (!isPositive(qs[hp]) || !isPositive(ks[hp]) || !isPositive(vs[hp])) {
      reason = "dynamic or zero head counts";
      return failure();
    }
    if (!isPositive(qs[3]) || !isPositive(ks[3]) || !isPositive(vs[3])) {
      reason = "dynamic or zero head dims";
      return failure();
    }
    for (const SmallVector<int64_t> &sh : {qs, ks, vs})
      if (llvm::is_contained(sh, 0)) {
        reason = "a zero-sized dimension";
        return failure();
      }
  }

  // Mask: check everything before creating anything. The op takes one mask
  // operand. One tensor, or a function of one tensor (evaluated on that
  // tensor), is passed as it is when the op can read its layout, and keep
  // conditions on i and j alone become a dense [Sq, Skv] i1 mask. Anything
  // else (several masks, a mask computed from indices and tensors, a
  // boolean with an additive mask, a layout the op cannot read) is
  // evaluated once into one dense mask over the dims it depends on.
  FailureOr<Access> maskAccess = failure();
  MaskTerm boolTerm{nullptr, false};
  Value maskSrc;
  AffineMap maskMap;
  bool scaledMask =
      llvm::any_of(plan.floatMaskScales, [](double c) { return c != 1.0; }) ||
      llvm::any_of(plan.floatMaskFactors, [](size_t n) { return n != 0; });
  // Factors that are no constants multiply Q: evaluated before the op on
  // (b, h, i), they must not read the key index.
  for (auto [factor, isDiv] : plan.runtimeFactors)
    if (!isEvaluable(factor, root, walker, /*onlyIJ=*/false) ||
        readsDim(factor, kJ)) {
      reason = "the scale is not a constant nor an element-wise function "
               "of b, h, i and values defined before the chain";
      return failure();
    }
  bool combined = scaledMask ||
                  plan.floatMasks.size() + plan.boolMasks.size() +
                          (denseIndex ? 1 : 0) >
                      1;
  bool indexOnlyMask = false;
  if (combined) {
    // Decided below.
  } else if (!plan.floatMasks.empty()) {
    Expr *fm = plan.floatMasks.front();
    Expr *src = fm;
    if (fm->kind != ExprKind::Leaf || !fm->map) {
      SmallVector<Expr *> leaves;
      if (isElementwiseOfOneTensor(fm))
        collectLeaves(fm, leaves);
      src = leaves.empty() ? nullptr : leaves[0];
    }
    if (!src) {
      combined = true;
    } else {
      maskSrc = src->value;
      maskMap = src->map;
      if (!isSupported(fm->kind == ExprKind::Leaf
                           ? getElementTypeOrSelf(maskSrc.getType())
                           : fm->type)) {
        reason = "unsupported element type of the additive mask";
        return failure();
      }
    }
  } else if (!plan.boolMasks.empty()) {
    boolTerm = plan.boolMasks.front();
    SmallVector<Expr *> leaves;
    collectLeaves(boolTerm.pred, leaves);
    if (!boolTerm.pred->type.isInteger(1)) {
      reason = "the boolean mask is not i1";
      return failure();
    }
    if (leaves.empty() || !isPlainPredicate(boolTerm.pred) ||
        llvm::any_of(leaves, [&](Expr *l) { return !equal(l, leaves[0]); })) {
      combined = true;
      boolTerm = {nullptr, false};
    } else {
      maskSrc = leaves[0]->value;
      maskMap = leaves[0]->map;
    }
  } else if (denseIndex) {
    indexOnlyMask = llvm::all_of(plan.indexTerms, [&](const MaskTerm &t) {
      return t.pred->type.isInteger(1) &&
             isEvaluable(t.pred, root, walker, /*onlyIJ=*/true);
    });
    combined = !indexOnlyMask;
  }
  if (maskSrc) {
    maskAccess =
        resolveMask(cast<RankedTensorType>(maskSrc.getType()), maskMap,
                    batch, heads);
    if (failed(maskAccess)) {
      // A layout the op cannot read ([Sq, 1, Skv], say): copied.
      combined = true;
      maskSrc = Value();
      boolTerm = {nullptr, false};
    }
  }
  // The combined mask's terms: the additive masks (summed), and the keep
  // conditions (a masked score gets -inf).
  SmallVector<MaskTerm> keepTerms;
  Type combinedType;
  if (combined) {
    keepTerms.append(plan.boolMasks.begin(), plan.boolMasks.end());
    if (denseIndex)
      keepTerms.append(plan.indexTerms.begin(), plan.indexTerms.end());
    for (Expr *fm : plan.floatMasks) {
      if (!isSupported(fm->type)) {
        reason = "unsupported element type of the additive mask";
        return failure();
      }
      // Several or scaled masks are computed in f32 (the scores they are
      // added to are f32 or rounded once after each addition).
      combinedType = plan.floatMasks.size() == 1 && !scaledMask
                         ? fm->type
                         : rewriter.getF32Type();
    }
    if (!combinedType)
      combinedType = rewriter.getI1Type();
    for (const MaskTerm &t : keepTerms)
      if (!t.pred->type.isInteger(1)) {
        reason = "a mask condition is not i1";
        return failure();
      }
    auto evaluable = [&](Expr *e) {
      return isEvaluable(e, root, walker, /*onlyIJ=*/false);
    };
    if (!llvm::all_of(plan.floatMasks, evaluable) ||
        !llvm::all_of(keepTerms,
                      [&](const MaskTerm &t) { return evaluable(t.pred); })) {
      reason = "the mask is not an element-wise function of tensors, "
               "indices and scalars defined before the chain (where it is "
               "evaluated)";
      return failure();
    }
  }

  // From here on the rewrite cannot fail.
  Value mask;
  if (maskSrc) {
    Value src = maskSrc;
    if (!plan.floatMasks.empty() &&
        plan.floatMasks.front()->kind != ExprKind::Leaf) {
      // Evaluate the additive mask once on the tensor it is computed from.
      Expr *fm = plan.floatMasks.front();
      auto srcType = cast<RankedTensorType>(src.getType());
      Type maskElt = fm->type;
      SmallVector<OpFoldResult> dims =
          tensor::getMixedSizes(rewriter, loc, src);
      Value empty = tensor::EmptyOp::create(rewriter, loc, dims, maskElt);
      AffineMap id = rewriter.getMultiDimIdentityMap(srcType.getRank());
      SmallVector<utils::IteratorType> iters(srcType.getRank(),
                                             utils::IteratorType::parallel);
      src = linalg::GenericOp::create(
                rewriter, loc, TypeRange{srcType.clone(maskElt)},
                ValueRange{src}, ValueRange{empty},
                ArrayRef<AffineMap>{id, id}, iters,
                [&](OpBuilder &nb, Location nl, ValueRange args) {
                  linalg::YieldOp::create(nb, nl,
                                          emitScalar(nb, nl, fm, args[0]));
                })
                .getResult(0);
    }
    if (boolTerm.pred &&
        (boolTerm.pred->kind != ExprKind::Leaf || boolTerm.negated)) {
      // Evaluate the predicate once on the (small) mask tensor.
      auto srcType = cast<RankedTensorType>(src.getType());
      auto i1Type = srcType.clone(rewriter.getI1Type());
      SmallVector<OpFoldResult> dims =
          tensor::getMixedSizes(rewriter, loc, src);
      Value empty =
          tensor::EmptyOp::create(rewriter, loc, dims, rewriter.getI1Type());
      AffineMap id = rewriter.getMultiDimIdentityMap(srcType.getRank());
      SmallVector<utils::IteratorType> iters(srcType.getRank(),
                                             utils::IteratorType::parallel);
      src = linalg::GenericOp::create(
                rewriter, loc, TypeRange{i1Type}, ValueRange{src},
                ValueRange{empty}, ArrayRef<AffineMap>{id, id}, iters,
                [&](OpBuilder &nb, Location nl, ValueRange args) {
                  Value keep = emitScalar(nb, nl, boolTerm.pred, args[0]);
                  if (boolTerm.negated) {
                    Value t = arith::ConstantOp::create(nb, nl, nb.getI1Type(),
                                                        nb.getBoolAttr(true));
                    keep = arith::XOrIOp::create(nb, nl, keep, t);
                  }
                  linalg::YieldOp::create(nb, nl, keep);
                })
                .getResult(0);
    }
    maskAccess->value = src;
    mask = maskAccess->materialize(rewriter, loc);
  }
  Value qv = q->materialize(rewriter, loc);
  Value kv = k->materialize(rewriter, loc);
  Value vv = v->materialize(rewriter, loc);
  // The sizes the index terms of an evaluated mask read, valid here
  // (isEvaluable checked that each used one is, or can be re-read from its
  // tensor).
  auto symbolsFor = [&](ArrayRef<Expr *> exprs) {
    SmallVector<Value> symbols;
    for (unsigned k = 0, n = walker.symbols.size(); k < n; ++k) {
      bool used = llvm::any_of(exprs, [&](Expr *e) { return usesSymbol(e, k); });
      symbols.push_back(used ? getSymbolBefore(&rewriter, walker, k, root)
                             : walker.symbols[k]);
    }
    return symbols;
  };
  int64_t seqDim = q->bshd ? 1 : 2, headDim = q->bshd ? 2 : 1;
  if (indexOnlyMask) {
    // The keep conditions on indices, evaluated once into [Sq, Skv] i1.
    SmallVector<OpFoldResult> dims = {
        tensor::getMixedSize(rewriter, loc, qv, seqDim),
        tensor::getMixedSize(rewriter, loc, kv, seqDim)};
    Value empty =
        tensor::EmptyOp::create(rewriter, loc, dims, rewriter.getI1Type());
    SmallVector<Expr *> preds;
    for (const MaskTerm &t : plan.indexTerms)
      preds.push_back(t.pred);
    SmallVector<Value> symbols = symbolsFor(preds);
    AffineMap id = rewriter.getMultiDimIdentityMap(2);
    SmallVector<utils::IteratorType> iters(2, utils::IteratorType::parallel);
    mask = linalg::GenericOp::create(
               rewriter, loc, TypeRange{empty.getType()}, ValueRange{},
               ValueRange{empty}, ArrayRef<AffineMap>{id}, iters,
               [&](OpBuilder &nb, Location nl, ValueRange) {
                 SmallVector<Value> loopDims(kNumDims);
                 loopDims[kI] = linalg::IndexOp::create(nb, nl, 0);
                 loopDims[kJ] = linalg::IndexOp::create(nb, nl, 1);
                 Value t = arith::ConstantOp::create(nb, nl, nb.getI1Type(),
                                                     nb.getBoolAttr(true));
                 Value keep = t;
                 for (const MaskTerm &term : plan.indexTerms) {
                   Value c = emitScalar(nb, nl, term.pred, Value(),
                                        loopDims, symbols);
                   if (term.negated)
                     c = arith::XOrIOp::create(nb, nl, c, t);
                   keep = arith::AndIOp::create(nb, nl, keep, c);
                 }
                 linalg::YieldOp::create(nb, nl, keep);
               })
               .getResult(0);
  }
  if (combined) {
    // One dense mask over the logical dims (b, h, i, j) its terms read,
    // size 1 in the others (broadcast by the op).
    SmallVector<Expr *> exprs(plan.floatMasks.begin(), plan.floatMasks.end());
    for (const MaskTerm &t : keepTerms)
      exprs.push_back(t.pred);
    size_t factorsRead = 0;
    for (size_t n : plan.floatMaskFactors)
      factorsRead = std::max(factorsRead, n);
    for (auto [factor, isDiv] :
         ArrayRef(plan.runtimeFactors).take_front(factorsRead))
      exprs.push_back(factor);
    std::array<bool, 4> used = {false, false, false, false};
    std::array<bool, 4> indexed = used;
    SmallVector<Expr *> leaves, tensorLeaves;
    for (Expr *e : exprs)
      markDimsRead(e, used, indexed);
    for (Expr *e : exprs)
      collectLeaves(e, leaves);
    for (Expr *l : leaves)
      if (l->map && llvm::none_of(tensorLeaves,
                                  [&](Expr *u) { return equal(u, l); }))
        tensorLeaves.push_back(l);
    OpFoldResult full[4] = {tensor::getMixedSize(rewriter, loc, qv, 0),
                            tensor::getMixedSize(rewriter, loc, qv, headDim),
                            tensor::getMixedSize(rewriter, loc, qv, seqDim),
                            tensor::getMixedSize(rewriter, loc, kv, seqDim)};
    SmallVector<OpFoldResult> dims;
    for (unsigned d = 0; d < 4; ++d)
      dims.push_back(used[d] ? full[d] : rewriter.getIndexAttr(1));
    Value empty = tensor::EmptyOp::create(rewriter, loc, dims, combinedType);
    // Each tensor read through its map on (b, h, i, j).
    SmallVector<AffineExpr> toLoops;
    for (unsigned d = 0; d < kNumDims; ++d)
      toLoops.push_back(d < 4 ? rewriter.getAffineDimExpr(d)
                              : rewriter.getAffineConstantExpr(0));
    SmallVector<AffineMap> maps;
    SmallVector<Value> inputs;
    for (Expr *l : tensorLeaves) {
      inputs.push_back(l->value);
      maps.push_back(l->map.replaceDimsAndSymbols(toLoops, {}, 4, 0));
    }
    maps.push_back(rewriter.getMultiDimIdentityMap(4));
    SmallVector<Value> symbols = symbolsFor(exprs);
    SmallVector<utils::IteratorType> iters(4, utils::IteratorType::parallel);
    mask =
        linalg::GenericOp::create(
            rewriter, loc, TypeRange{empty.getType()}, inputs,
            ValueRange{empty}, maps, iters,
            [&](OpBuilder &nb, Location nl, ValueRange args) {
              SmallVector<Value> loopDims(kNumDims);
              for (unsigned d = 0; d < 4; ++d)
                if (indexed[d])
                  loopDims[d] = linalg::IndexOp::create(nb, nl, d);
              auto leafArg = [&](Expr *l) -> Value {
                for (auto [u, arg] : llvm::zip(tensorLeaves, args))
                  if (equal(u, l))
                    return arg;
                return Value();
              };
              Value keep;
              for (const MaskTerm &term : keepTerms) {
                Value c = emitScalar(nb, nl, term.pred, Value(), loopDims,
                                     symbols, leafArg);
                if (term.negated)
                  c = arith::XOrIOp::create(
                      nb, nl, c,
                      arith::ConstantOp::create(nb, nl, nb.getI1Type(),
                                                nb.getBoolAttr(true)));
                keep = keep ? arith::AndIOp::create(nb, nl, keep, c) : c;
              }
              Value result = keep;
              if (!combinedType.isInteger(1)) {
                Value sum;
                for (auto [fm, c, nf] :
                     llvm::zip(plan.floatMasks, plan.floatMaskScales,
                               plan.floatMaskFactors)) {
                  Value m = emitScalar(nb, nl, fm, Value(), loopDims, symbols,
                                       leafArg);
                  if (m.getType() != combinedType)
                    m = arith::ExtFOp::create(nb, nl, combinedType, m);
                  for (auto [factor, isDiv] :
                       ArrayRef(plan.runtimeFactors).take_front(nf)) {
                    Value f = castFloat(
                        nb, nl,
                        emitScalar(nb, nl, factor, Value(), loopDims, symbols,
                                   leafArg),
                        combinedType);
                    m = isDiv ? arith::DivFOp::create(nb, nl, m, f).getResult()
                              : arith::MulFOp::create(nb, nl, m, f).getResult();
                  }
                  if (c != 1.0)
                    m = arith::MulFOp::create(
                        nb, nl, m,
                        arith::ConstantOp::create(
                            nb, nl, combinedType,
                            nb.getFloatAttr(combinedType, c)));
                  sum = sum ? arith::AddFOp::create(nb, nl, sum, m) : m;
                }
                result = sum;
                if (keep) {
                  auto ft = cast<FloatType>(combinedType);
                  Value ninf = arith::ConstantOp::create(
                      nb, nl, ft,
                      nb.getFloatAttr(
                          ft, APFloat::getInf(ft.getFloatSemantics(),
                                              /*Negative=*/true)));
                  result = arith::SelectOp::create(nb, nl, keep, sum, ninf);
                }
              }
              linalg::YieldOp::create(nb, nl, result);
            })
            .getResult(0);
  }
  // Q times a factor that is no constant is computed in f32 and stays f32:
  // rounded to f16 it could overflow (Q / 0.005) where the chain's scores
  // do not. K and V follow (the op takes one element type), and its f32
  // result is rounded to V's type once after it.
  Type resultElt = elt;
  if (!plan.runtimeFactors.empty() && !elt.isF32()) {
    extendToF32 = true;
    elt = rewriter.getF32Type();
  }
  if (extendToF32) {
    auto extend = [&](Value t) { return castTensor(rewriter, loc, t, elt); };
    qv = extend(qv);
    kv = extend(kv);
    vv = extend(vv);
  }
  if (!plan.runtimeFactors.empty()) {
    // Q (f32 by now) times the factors that are no constants, read on Q's
    // dims (b, h, i, d) or (b, i, h, d).
    auto qType = cast<RankedTensorType>(qv.getType());
    Type qElt = qType.getElementType(), f32 = rewriter.getF32Type();
    unsigned pos[kNumDims] = {0, q->bshd ? 2u : 1u, q->bshd ? 1u : 2u, 0, 0,
                              3};
    SmallVector<AffineExpr> toLoops;
    for (unsigned d = 0; d < kNumDims; ++d)
      toLoops.push_back(d == kJ || d == kE
                            ? rewriter.getAffineConstantExpr(0)
                            : rewriter.getAffineDimExpr(pos[d]));
    SmallVector<Expr *> leaves, tensorLeaves;
    std::array<bool, 4> used = {false, false, false, false};
    std::array<bool, 4> indexed = used;
    SmallVector<Expr *> exprs;
    for (auto [factor, isDiv] : plan.runtimeFactors) {
      exprs.push_back(factor);
      collectLeaves(factor, leaves);
      markDimsRead(factor, used, indexed);
    }
    for (Expr *l : leaves)
      if (l->map && llvm::none_of(tensorLeaves,
                                  [&](Expr *u) { return equal(u, l); }))
        tensorLeaves.push_back(l);
    SmallVector<Value> inputs = {qv};
    AffineMap id = rewriter.getMultiDimIdentityMap(4);
    SmallVector<AffineMap> maps = {id};
    for (Expr *l : tensorLeaves) {
      inputs.push_back(l->value);
      maps.push_back(l->map.replaceDimsAndSymbols(toLoops, {}, 4, 0));
    }
    maps.push_back(id);
    SmallVector<Value> symbols = symbolsFor(exprs);
    Value empty = tensor::EmptyOp::create(
        rewriter, loc, tensor::getMixedSizes(rewriter, loc, qv), qElt);
    qv = linalg::GenericOp::create(
             rewriter, loc, TypeRange{qType}, inputs, ValueRange{empty}, maps,
             SmallVector<utils::IteratorType>(4,
                                              utils::IteratorType::parallel),
             [&](OpBuilder &nb, Location nl, ValueRange args) {
               SmallVector<Value> loopDims(kNumDims);
               for (unsigned d = 0; d < 4; ++d)
                 if (indexed[d])
                   loopDims[d] = linalg::IndexOp::create(nb, nl, pos[d]);
               auto leafArg = [&](Expr *l) -> Value {
                 for (auto [u, arg] :
                      llvm::zip(tensorLeaves, args.drop_front()))
                   if (equal(u, l))
                     return arg;
                 return Value();
               };
               Value x = castFloat(nb, nl, args[0], f32);
               for (auto [factor, isDiv] : plan.runtimeFactors) {
                 Value f = castFloat(nb, nl,
                                     emitScalar(nb, nl, factor, Value(),
                                                loopDims, symbols, leafArg),
                                     f32);
                 x = isDiv ? arith::DivFOp::create(nb, nl, x, f).getResult()
                           : arith::MulFOp::create(nb, nl, x, f).getResult();
               }
               linalg::YieldOp::create(nb, nl, castFloat(nb, nl, x, qElt));
             })
             .getResult(0);
  }

  // The op and its result in the root's shape.
  bool bshd = q->bshd;
  SmallVector<OpFoldResult> qDims = tensor::getMixedSizes(rewriter, loc, qv);
  qDims[3] =
      rewriter.getIndexAttr(cast<RankedTensorType>(vv.getType()).getDimSize(3));
  Value init = tensor::EmptyOp::create(rewriter, loc, qDims, elt);
  auto attention = AttentionOp::create(
      rewriter, loc, init.getType(), qv, kv, vv, mask, init,
      rewriter.getF32FloatAttr(static_cast<float>(plan.scale)), causalAttr,
      windowAttr,
      plan.softcap ? rewriter.getF32FloatAttr(static_cast<float>(*plan.softcap))
                   : FloatAttr(),
      bshd ? LayoutAttr::get(ctx, Layout::bshd) : LayoutAttr());
  Value res = attention.getResult();
  if (resultElt != elt) {
    res = castTensor(rewriter, loc, res, resultElt);
    elt = resultElt;
  }
  // The op's result is in Q's layout ([B, H, S, E] or [B, S, H, E]); the
  // root's may be any order of those dims (other ranks: [B, H, S, E]
  // reshaped below).
  {
    SmallVector<int64_t, 4> opOrder =
        bshd ? SmallVector<int64_t, 4>{0, 2, 1, 3}
             : SmallVector<int64_t, 4>{0, 1, 2, 3};
    SmallVector<int64_t> perm;
    SmallVector<OpFoldResult> dims;
    for (int64_t logical : outOrder) {
      perm.push_back(llvm::find(opOrder, logical) - opOrder.begin());
      dims.push_back(qDims[perm.back()]);
    }
    if (!llvm::equal(perm, llvm::seq<int64_t>(0, 4))) {
      Value empty = tensor::EmptyOp::create(rewriter, loc, dims, elt);
      res = linalg::TransposeOp::create(rewriter, loc, res, empty, perm)
                .getResult()[0];
    }
  }
  if (rank == 5) {
    res = tensor::ExpandShapeOp::create(
        rewriter, loc, outType.clone(elt), res,
        ArrayRef<ReassociationIndices>{{0}, {1, 2}, {3}, {4}});
  } else if (rank < 4) {
    SmallVector<ReassociationIndices> reassoc;
    if (rank == 3)
      reassoc = {{0, 1}, {2}, {3}};
    else
      reassoc = {{0, 1, 2}, {3}};
    res = tensor::CollapseShapeOp::create(rewriter, loc, outType, res, reassoc);
  }
  if (res.getType() != outType) {
    res = tensor::CastOp::create(rewriter, loc, outType, res);
  }

  // Replace and drop what became dead.
  for (Operation *op : deadUsers)
    rewriter.eraseOp(op);
  SmallVector<Value> operands(root->getOperands());
  rewriter.replaceOp(root, res);
  SmallVector<Operation *> worklist;
  for (Value operand : operands)
    if (Operation *def = operand.getDefiningOp())
      worklist.push_back(def);
  while (!worklist.empty()) {
    Operation *op = worklist.pop_back_val();
    if (!op->getBlock() || !isOpTriviallyDead(op))
      continue;
    // Operands, including scalars captured by the op's regions.
    op->walk([&](Operation *nested) {
      for (Value operand : nested->getOperands())
        if (Operation *def = operand.getDefiningOp())
          if (!op->isAncestor(def))
            worklist.push_back(def);
    });
    rewriter.eraseOp(op);
  }
  return attention;
}

//===----------------------------------------------------------------------===//
// Pattern and pass
//===----------------------------------------------------------------------===//

namespace {
/// Raises the chain ending at a contraction into attn.attention.
struct FuseAttentionPattern : OpInterfaceRewritePattern<linalg::LinalgOp> {
  FuseAttentionPattern(MLIRContext *ctx, const FuseAttentionOptions &options)
      : OpInterfaceRewritePattern(ctx), options(options) {}

  LogicalResult matchAndRewrite(linalg::LinalgOp op,
                                PatternRewriter &rewriter) const override {
    if (!isContractionLike(op))
      return rewriter.notifyMatchFailure(op, "not a contraction");
    MatchResult result;
    if (failed(matchAndRaise(op, rewriter, result)))
      return rewriter.notifyMatchFailure(op, result.reason);
    return success();
  }

  FuseAttentionOptions options;
};

/// Raises the TOSA chain ending at a tosa.matmul into attn.attention.
struct FuseTosaAttentionPattern : OpRewritePattern<tosa::MatMulOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(tosa::MatMulOp op,
                                PatternRewriter &rewriter) const override {
    if (!isChainRoot(op))
      return rewriter.notifyMatchFailure(op, "not a float matmul");
    MatchResult result;
    if (failed(matchAndRaise(op, rewriter, result)))
      return rewriter.notifyMatchFailure(op, result.reason);
    return success();
  }
};

struct AttnFuseAttentionPass
    : attn::impl::AttnFuseAttentionBase<AttnFuseAttentionPass> {
  using Base::Base;
  void runOnOperation() override {
    SmallVector<Operation *> roots;
    getOperation()->walk([&](Operation *op) {
      if (isChainRoot(op))
        roots.push_back(op);
    });
    IRRewriter rewriter(&getContext());
    // Later contractions first: the second contraction of a chain comes
    // after the first, and the first is never a root of a match.
    DenseSet<Operation *> erased;
    BandScans bandScans;
    for (Operation *op : llvm::reverse(roots)) {
      if (erased.contains(op))
        continue;
      MatchResult result;
      // Track erasures so later candidates that died are skipped.
      struct Listener : RewriterBase::Listener {
        DenseSet<Operation *> &erased;
        Listener(DenseSet<Operation *> &erased) : erased(erased) {}
        void notifyOperationErased(Operation *op) override {
          erased.insert(op);
        }
      } listener(erased);
      rewriter.setListener(&listener);
      FailureOr<AttentionOp> fused =
          matchAndRaise(op, rewriter, result, &bandScans);
      rewriter.setListener(nullptr);
      if (failed(fused) && report && result.candidate)
        op->emitRemark() << "attn-fuse-attention: not fused: " << result.reason;
    }
  }
};
} // namespace

void mlir::attn::populateFuseAttentionPatterns(
    RewritePatternSet &patterns, const FuseAttentionOptions &options) {
  patterns.add<FuseAttentionPattern>(patterns.getContext(), options);
  patterns.add<FuseTosaAttentionPattern>(patterns.getContext());
}
