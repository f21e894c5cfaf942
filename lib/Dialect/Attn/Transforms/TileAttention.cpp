//===- TileAttention.cpp - flash lowering of attn.attention -----*- C++ -*-===//
//
// Part of the attn-mlir project.
//
//===----------------------------------------------------------------------===//
//
// Lowers attn.attention into the FlashAttention-2 loop nest:
//
//   scf.forall (b, h, qt) in (B, Hq, ceil(Sq / Tq)):      // parallel tiles
//     m = -inf, l = 0, acc = 0                            // f32 row stats
//     scf.for j0 = lo(qt) to hi(qt) step Tk:              // key tiles
//       s   = scale * Q_tile . K_tile^T  (+ softcap, mask, causal, window)
//       m'  = max(m, rowmax(s));  p = exp(s - m');  c = exp(m - m')
//       l   = c * l + rowsum(p);  acc = c * acc + p . V_tile;  m = m'
//     out_tile = acc / l                                  // 0 if l == 0
//
// `lo` and `hi` depend on the query tile when a causal or window mask is
// present, so fully masked key tiles are never visited; the element mask is
// only evaluated on key tiles that straddle the mask's boundary. No value of
// size Sq x Skv is created: the largest temporaries are Tq x Tk.
//
// Sizes that are not multiples of the tiles (peel-partial-tiles, the
// default): the full query tiles run in their own forall and the key loop
// only over full key tiles; the partial last query (key) tile is computed as
// the static tile of the last Tq rows (Tk keys), writing only its own rows
// (masking the keys the loop already took), so every tile is statically
// shaped once a sequence is at least one tile long (docs/FlashLowering.md).
//
// With `key-major` (the CPU layout) the score tile is [Tk, Tq] instead:
// S^T = K_tile . Q_tile^T reads K rows as stored (Q is scaled and
// transposed once per query tile), the row max and row sum reduce down the
// key rows element-wise, and acc += P . V reads P^T.
//
//===----------------------------------------------------------------------===//

#include "attn/Dialect/Attn/Transforms/Passes.h"
#include "attn/Dialect/Attn/Transforms/Transforms.h"
#include "LoweringUtils.h"

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlowOps.h"
#include "mlir/Dialect/Arith/Utils/Utils.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/TypeUtilities.h"

#define DEBUG_TYPE "attn-tile-attention"

namespace mlir {
namespace attn {
#define GEN_PASS_DEF_ATTNTILEATTENTION
#include "attn/Dialect/Attn/Transforms/Passes.h.inc"
} // namespace attn
} // namespace mlir

using namespace mlir;
using namespace mlir::attn;
using namespace mlir::attn::lowering;

std::pair<int64_t, int64_t> mlir::attn::getDefaultTileSizes(AttentionOp op) {
  // Per query tile the loop keeps Tq x Dv f32 accumulators and a Tq x Tk
  // score tile live; Tq = 32 and Tk = 64 keep both within a 32 KiB L1 for
  // D <= 64 and within L2 for D = 128, while giving each thread
  // ceil(Sq / 32) * B * Hq independent tiles to share out.
  AttentionOp::Sizes sizes = op.getSizes();
  int64_t queryTile = 32;
  int64_t keyTile = sizes.headDim > 128 ? 32 : 64;
  return {queryTile, keyTile};
}

int64_t mlir::attn::getDefaultKeySplits(int64_t forallIterations,
                                         int64_t keyTiles) {
  // Splitting costs a combine pass over S x B x Hq x Sq x Dv partial
  // results and, per split, one partial key tile at most: worth it only
  // when the forall alone cannot keep the cores busy, and with enough keys
  // per split to amortise it.
  if (forallIterations <= 0 || keyTiles <= 0 ||
      forallIterations >= kSplitTargetIterations)
    return 1;
  int64_t wanted = llvm::divideCeil(kSplitTargetIterations, forallIterations);
  int64_t splits = std::min(wanted, keyTiles / kMinKeyTilesPerSplit);
  return splits >= 2 ? splits : 1;
}

namespace {
/// Query tiles with fewer rows than this (a vector's worth of f32 lanes on
/// AVX-512; the GPU's SIMT tiles have one) compute their scores as dot
/// products over D, reading K in place.
constexpr int64_t kDotScoreRows = 16;

/// Builds the loop nest for one op; holds what every stage needs.
class FlashBuilder {
public:
  FlashBuilder(RewriterBase &rewriter, AttentionOp op, int64_t queryTile,
               int64_t keyTile, bool fastExp, bool groupHeads, bool keyMajor,
               bool peel, int64_t keySplits)
      : rewriter(rewriter), op(op), loc(op.getLoc()), ctx(op.getContext()),
        queryTile(queryTile), keyTile(keyTile), fastExp(fastExp),
        groupHeads(groupHeads), keyMajor(keyMajor), peel(peel),
        keySplits(keySplits) {}

  FailureOr<TileAttentionResult> build();
  /// How the query tiles of one forall are shaped.
  enum class QueryTiles {
    /// Every tile has Tq rows (static).
    Full,
    /// The last tile has min(Tq, Sq - q0) rows (dynamic).
    Partial,
    /// The one partial last tile is computed as the full (static) tile of
    /// the last Tq rows, Sq - Tq .. Sq - 1, and only its rows from
    /// `firstTile * Tq` on are written (needs Sq >= Tq).
    Shifted,
  };
  /// One scf.forall over (batch, head, query tiles firstTile ..
  /// firstTile + numTiles) writing into `inits`: the op's init, or, with
  /// key splits, the (row max, row sum, accumulator) split buffers, and
  /// then a fourth dimension over the splits.
  FailureOr<TileAttentionResult> buildQueryForall(ValueRange inits,
                                                  OpFoldResult numTiles,
                                                  OpFoldResult firstTile,
                                                  QueryTiles shape);

private:
  /// Slices rows [row0, row0 + rows) of head `head` of batch `batch` out of
  /// a 4-D operand in the op's layout, as a 2-D [rows, dim] tensor.
  Value sliceRows(OpBuilder &b, Value source, Value batch, Value head,
                  OpFoldResult row0, OpFoldResult rows);
  /// The [qs, ks] window of the mask for this tile, as a tensor of the
  /// mask's rank (broadcast dims keep size 1), with the map from (i, j).
  std::pair<Value, AffineMap> sliceMask(OpBuilder &b, Value batch, Value head,
                                        OpFoldResult q0, OpFoldResult qs,
                                        OpFoldResult k0, OpFoldResult ks);
  /// The body of the key loop. The tile has `rows` rows: `qs` query rows
  /// for each of the `headBlock` query heads that share the K/V head. Its
  /// keys are k0 .. k0 + Tk - 1 when `fullKeys`, else k0 .. min(k0 + Tk,
  /// kvEnd) - 1; with `keyMin`, keys below it are masked out (a shifted last
  /// tile whose first keys an earlier step already took).
  SmallVector<Value> buildKeyStep(OpBuilder &b, Value batch, Value head,
                                  Value kvHead, OpFoldResult q0,
                                  OpFoldResult qs, OpFoldResult rows,
                                  Value qTile, Value k0, Value kvEnd,
                                  ValueRange iterArgs, bool fullKeys,
                                  Value keyMin = {});
  /// The key loop of one query tile over [lo, hi) (tile-aligned bounds):
  /// returns the final (row max, row sum, accumulator) and sets `mainLoop`
  /// to the loop over the full key tiles. With `peelKeys` (and unless every
  /// key tile is full) the partial last key tile is computed after the
  /// loop, so that the loop's tiles have the static size Tk.
  SmallVector<Value> buildKeyLoop(OpBuilder &b, Value batch, Value head,
                                  Value kvHead, OpFoldResult q0,
                                  OpFoldResult qs, OpFoldResult rows,
                                  Value qTile, Value lo, Value hi,
                                  ValueRange inits, bool peelKeys,
                                  scf::ForOp &mainLoop);
  /// The Q rows of `headBlock` heads starting at `head0` as one
  /// [headBlock * qs, D] tensor (a copy; the heads are not contiguous).
  Value gatherGroupRows(OpBuilder &b, Value batch, Value head0,
                        OpFoldResult q0, OpFoldResult qs);
  /// An f32 tensor of `shape` filled with `value`.
  Value filled(OpBuilder &b, ArrayRef<OpFoldResult> shape, double value);
  /// Bounds [lo, hi) of the key loop for the query tile starting at `q0`
  /// with `qs` rows.
  std::pair<Value, Value> keyBounds(OpBuilder &b, Value q0, Value qs);
  /// The split buffers: per split, query head and row the running max and
  /// sum ([S, B, Hq, Sq] f32) and the unnormalised accumulator
  /// ([S, B, Hq, Sq, Dv] f32).
  SmallVector<Value> splitBuffers(OpBuilder &b);
  /// Combines the split buffers into the op's result:
  /// M = max_s m_s, w_s = exp(m_s - M), out = sum_s w_s acc_s / sum_s w_s l_s.
  Value combineSplits(OpBuilder &b, ValueRange buffers);
  /// Marks the linalg ops of a forall of one iteration as flash tiles.
  void markSingleIteration(scf::ForallOp forall);
  /// Writes a query tile's final (row max, row sum, accumulator) of split
  /// `split` into the split buffers (the forall's outputs): rows
  /// writtenQ0 .. q0 + qs - 1 of heads head .. head + G - 1.
  void writeSplitTile(OpBuilder &b, scf::ForallOp forall, ValueRange final,
                      Value split, Value batch, Value head, OpFoldResult q0,
                      OpFoldResult writtenQ0, OpFoldResult qs,
                      QueryTiles shape);

  RewriterBase &rewriter;
  AttentionOp op;
  Location loc;
  MLIRContext *ctx;
  int64_t queryTile, keyTile;
  bool fastExp, groupHeads;
  /// Score tiles laid out as [keys, rows]; the Q tile is then [D, rows].
  bool keyMajor;
  /// Scores of a query tile with few rows (decoding: one row per query
  /// head; the GPU's SIMT path: one row per thread): too few to vectorise
  /// along, so each score is a dot product over D (innermost,
  /// reassociable) and the Q tile stays [rows, D]. Set per query forall.
  bool dotScores = false;
  bool peel;
  /// The key-splits option (0: heuristic), then the number of splits used
  /// and the keys of each (a multiple of Tk).
  int64_t keySplits;
  int64_t numSplits = 1;
  OpFoldResult splitKeys;
  /// Query heads processed together per K/V tile (1: one head per tile).
  int64_t headBlock = 1;
  ProblemValues pv;
  ScoreModifiers mods;
  /// The op's scale (mods.scale is folded into each forall's Q tiles).
  double opScale = 1.0;
  bool bhsd = true;
  int64_t group = 1;
};
} // namespace

Value FlashBuilder::filled(OpBuilder &b, ArrayRef<OpFoldResult> shape,
                           double value) {
  Type f32 = b.getF32Type();
  Value empty = tensor::EmptyOp::create(b, loc, shape, f32);
  Value cst = arith::ConstantOp::create(
      b, loc, f32, b.getF32FloatAttr(static_cast<float>(value)));
  return linalg::FillOp::create(b, loc, cst, empty).getResult(0);
}

Value FlashBuilder::sliceRows(OpBuilder &b, Value source, Value batch,
                              Value head, OpFoldResult row0,
                              OpFoldResult rows) {
  auto type = cast<RankedTensorType>(source.getType());
  int64_t dim = type.getDimSize(3);
  OpFoldResult one = b.getIndexAttr(1), zero = b.getIndexAttr(0);
  SmallVector<OpFoldResult> offsets, sizes;
  if (bhsd) {
    offsets = {batch, head, row0, zero};
    sizes = {one, one, rows, b.getIndexAttr(dim)};
  } else {
    offsets = {batch, row0, head, zero};
    sizes = {one, rows, one, b.getIndexAttr(dim)};
  }
  SmallVector<OpFoldResult> strides(4, one);
  auto resultType = RankedTensorType::get(
      {getStaticShape({rows})[0], dim}, type.getElementType());
  return tensor::ExtractSliceOp::create(b, loc, resultType, source, offsets,
                                        sizes, strides);
}

std::pair<Value, AffineMap>
FlashBuilder::sliceMask(OpBuilder &b, Value batch, Value head,
                        OpFoldResult q0, OpFoldResult qs, OpFoldResult k0,
                        OpFoldResult ks) {
  Value mask = op.getMask();
  auto type = cast<RankedTensorType>(mask.getType());
  int64_t rank = type.getRank();
  OpFoldResult one = b.getIndexAttr(1), zero = b.getIndexAttr(0);
  SmallVector<OpFoldResult> offsets, sizes, strides(rank, one);
  SmallVector<AffineExpr> exprs;
  for (int64_t k = 0; k < rank; ++k) {
    int64_t logical = 4 - rank + k;
    if (type.getDimSize(k) == 1) {
      offsets.push_back(zero);
      sizes.push_back(one);
      exprs.push_back(getAffineConstantExpr(0, ctx));
      continue;
    }
    switch (logical) {
    case 0:
      offsets.push_back(batch);
      sizes.push_back(one);
      exprs.push_back(getAffineConstantExpr(0, ctx));
      break;
    case 1:
      offsets.push_back(head);
      sizes.push_back(one);
      exprs.push_back(getAffineConstantExpr(0, ctx));
      break;
    case 2:
      offsets.push_back(q0);
      sizes.push_back(qs);
      exprs.push_back(getAffineDimExpr(0, ctx));
      break;
    default:
      offsets.push_back(k0);
      sizes.push_back(ks);
      exprs.push_back(getAffineDimExpr(1, ctx));
      break;
    }
  }
  auto resultType =
      RankedTensorType::get(getStaticShape(sizes), type.getElementType());
  Value slice = tensor::ExtractSliceOp::create(b, loc, resultType, mask,
                                               offsets, sizes, strides);
  return {slice, AffineMap::get(2, 0, exprs, ctx)};
}

std::pair<Value, Value> FlashBuilder::keyBounds(OpBuilder &b, Value q0,
                                                Value qs) {
  Value kvLen = getValueOrCreateConstantIndexOp(b, loc, pv.kvLen);
  Value lo = arith::ConstantIndexOp::create(b, loc, 0);
  Value hi = kvLen;
  if (!hasStructuralMask(mods))
    return {lo, hi};
  // Query rows q0 .. q0 + qs - 1 see keys up to (q0 + qs - 1) + delta
  // (+ right) and from q0 + delta - left.
  Value diagFirst = arith::AddIOp::create(b, loc, q0, mods.delta);
  Value diagEnd = arith::AddIOp::create(b, loc, diagFirst, qs); // exclusive
  auto clamp = [&](Value v) {
    Value zero = arith::ConstantIndexOp::create(b, loc, 0);
    v = arith::MaxSIOp::create(b, loc, v, zero);
    return arith::MinSIOp::create(b, loc, v, kvLen).getResult();
  };
  int64_t right = mods.causal ? 0 : mods.windowRight;
  if (mods.causal && mods.windowRight >= 0)
    right = std::min<int64_t>(0, mods.windowRight);
  if (right >= 0) {
    Value r = arith::ConstantIndexOp::create(b, loc, right);
    hi = clamp(arith::AddIOp::create(b, loc, diagEnd, r));
  }
  if (mods.windowLeft >= 0) {
    Value l = arith::ConstantIndexOp::create(b, loc, mods.windowLeft);
    lo = clamp(arith::SubIOp::create(b, loc, diagFirst, l));
  }
  // Align the bounds to whole key tiles (the straddling tiles are masked
  // element-wise anyway): when Skv is a multiple of Tk every tile is full
  // and statically shaped.
  Value tk = arith::ConstantIndexOp::create(b, loc, keyTile);
  Value tkMinus1 = arith::ConstantIndexOp::create(b, loc, keyTile - 1);
  lo = arith::MulIOp::create(b, loc, arith::DivUIOp::create(b, loc, lo, tk),
                             tk);
  Value up = arith::MulIOp::create(
      b, loc,
      arith::DivUIOp::create(b, loc,
                             arith::AddIOp::create(b, loc, hi, tkMinus1), tk),
      tk);
  hi = arith::MinSIOp::create(b, loc, up, kvLen);
  return {lo, hi};
}

SmallVector<Value> FlashBuilder::buildKeyStep(
    OpBuilder &b, Value batch, Value head, Value kvHead, OpFoldResult q0,
    OpFoldResult qs, OpFoldResult rows, Value qTile, Value k0, Value kvEnd,
    ValueRange iterArgs, bool fullKeys, Value keyMin) {
  Value rowMax = iterArgs[0], rowSum = iterArgs[1], acc = iterArgs[2];
  AffineExpr d0, d1, d2;
  bindDims(ctx, d0, d1, d2);
  // ks = min(Tk, kvEnd - k0).
  // Key tiles start at multiples of Tk, so they are all full when Skv is a
  // static multiple of Tk.
  OpFoldResult ks;
  std::optional<int64_t> staticKv = getConstantIntValue(pv.kvLen);
  if (fullKeys || (staticKv && *staticKv % keyTile == 0))
    ks = b.getIndexAttr(keyTile);
  else
    ks = affine::makeComposedFoldedAffineMin(
        b, loc,
        AffineMap::get(2, 0, {getAffineConstantExpr(keyTile, ctx), d1 - d0},
                       ctx),
        {k0, kvEnd});
  Value kTile = sliceRows(b, op.getKey(), batch, kvHead, k0, ks);
  Value vTile = sliceRows(b, op.getValue(), batch, kvHead, k0, ks);

  // s = Q_tile . K_tile^T. K_tile is first transposed to [D, ks] (and
  // extended to f32 once), so that the contraction runs over (i, d, j) with
  // the keys innermost: contiguous loads and stores that vectorise without
  // reassociating a reduction.
  //
  // Key-major (CPU) layout: the score tile is [ks, rows] instead, and
  // S^T = K_tile . Q_tile^T runs over (j, d, i) with the query rows
  // innermost: K is read row by row as it is stored (one broadcast per key
  // and reduction step), the Q tile was transposed once per query tile.
  SmallVector<OpFoldResult> scoreShape = {rows, ks};
  if (keyMajor)
    scoreShape = {ks, rows};
  auto scoreType = RankedTensorType::get(getStaticShape(scoreShape),
                                         b.getF32Type());
  auto mapIJK = [&](ArrayRef<AffineExpr> e) {
    return AffineMap::get(3, 0, e, ctx);
  };
  using IT = utils::IteratorType;
  // An f16 / bf16 tile extended to f32 once.
  auto toF32 = [&](Value tile) -> Value {
    if (getElementTypeOrSelf(tile).isF32())
      return tile;
    auto type = cast<RankedTensorType>(tile.getType());
    Value init = tensor::EmptyOp::create(
        b, loc, tensor::getMixedSizes(b, loc, tile), b.getF32Type());
    AffineMap id = AffineMap::getMultiDimIdentityMap(2, ctx);
    return linalg::GenericOp::create(
               b, loc,
               TypeRange{RankedTensorType::get(type.getShape(),
                                               b.getF32Type())},
               ValueRange{tile}, ValueRange{init}, ArrayRef<AffineMap>{id, id},
               ArrayRef<IT>{IT::parallel, IT::parallel},
               [&](OpBuilder &nb, Location nl, ValueRange args) {
                 linalg::YieldOp::create(nb, nl, extendToF32(nb, nl, args[0]));
               })
        .getResult(0);
  };
  Value scores;
  // Scores from the K tile and the scaled Q tile (`ins` in map order); an
  // f16/bf16 K tile is extended to f32 in the body.
  auto scoreContraction = [&](ValueRange ins, ArrayRef<AffineMap> maps,
                              ArrayRef<IT> iters, arith::FastMathFlags fm) {
    return linalg::GenericOp::create(
               b, loc, TypeRange{scoreType}, ins,
               ValueRange{filled(b, scoreShape, 0.0)}, maps, iters,
               [&](OpBuilder &nb, Location nl, ValueRange args) {
                 Value prod = arith::MulFOp::create(
                     nb, nl, extendToF32(nb, nl, args[0]),
                     extendToF32(nb, nl, args[1]), fm);
                 linalg::YieldOp::create(
                     nb, nl,
                     arith::AddFOp::create(nb, nl, args[2], prod, fm)
                         .getResult());
               })
        .getResult(0);
  };
  if (dotScores) {
    // S^T[j, i] (key-major, over (j, i, d)) or S[i, j] (over (i, j, d)) =
    // sum_d K[j, d] Q[i, d]: contiguous rows of K and Q read in place (no
    // transposed or extended copy of the K tile; on the GPU's one-row
    // tiles such a copy would be per thread); `reassoc` lets the reduction
    // over d vectorise.
    auto fm = arith::FastMathFlags::contract | arith::FastMathFlags::reassoc;
    SmallVector<IT> iters = {IT::parallel, IT::parallel, IT::reduction};
    scores = keyMajor
                 ? scoreContraction(
                       {kTile, qTile},
                       {mapIJK({d0, d2}), mapIJK({d1, d2}), mapIJK({d0, d1})},
                       iters, fm)
                 : scoreContraction(
                       {qTile, kTile},
                       {mapIJK({d0, d2}), mapIJK({d1, d2}), mapIJK({d0, d1})},
                       iters, fm);
  } else if (keyMajor) {
    scores = scoreContraction(
        {toF32(kTile), qTile},
        {mapIJK({d0, d1}), mapIJK({d1, d2}), mapIJK({d0, d2})},
        {IT::parallel, IT::reduction, IT::parallel},
        arith::FastMathFlags::contract);
  } else {
    int64_t headDim = op.getSizes().headDim;
    SmallVector<OpFoldResult> ktShape = {b.getIndexAttr(headDim), ks};
    Value ktInit = tensor::EmptyOp::create(b, loc, ktShape, b.getF32Type());
    Value kT =
        linalg::GenericOp::create(
            b, loc, TypeRange{ktInit.getType()}, ValueRange{kTile},
            ValueRange{ktInit},
            ArrayRef<AffineMap>{AffineMap::get(2, 0, {d1, d0}, ctx),
                                AffineMap::getMultiDimIdentityMap(2, ctx)},
            ArrayRef<IT>{IT::parallel, IT::parallel},
            [&](OpBuilder &nb, Location nl, ValueRange args) {
              linalg::YieldOp::create(nb, nl, extendToF32(nb, nl, args[0]));
            })
            .getResult(0);
    scores =
        linalg::GenericOp::create(
            b, loc, TypeRange{scoreType}, ValueRange{qTile, kT},
            ValueRange{filled(b, scoreShape, 0.0)},
            ArrayRef<AffineMap>{mapIJK({d0, d1}), mapIJK({d1, d2}),
                                mapIJK({d0, d2})},
            ArrayRef<IT>{IT::parallel, IT::reduction, IT::parallel},
            [&](OpBuilder &nb, Location nl, ValueRange args) {
              // `contract` lets LLVM fuse the multiply-add into one FMA.
              auto fm = arith::FastMathFlags::contract;
              Value x = extendToF32(nb, nl, args[0]);
              Value prod = arith::MulFOp::create(nb, nl, x, args[1], fm);
              linalg::YieldOp::create(
                  nb, nl, arith::AddFOp::create(nb, nl, args[2], prod, fm)
                              .getResult());
            })
            .getResult(0);
  }

  // Scale, softcap, mask; the structural mask only where the tile straddles
  // its boundary.
  AffineMap id2 = AffineMap::getMultiDimIdentityMap(2, ctx);
  AffineMap row2 = AffineMap::get(2, 0, {d0}, ctx);
  SmallVector<Value> ins;
  SmallVector<AffineMap> maps;
  // With grouped heads, tile row r is query row r mod qs of head
  // head0 + r / qs. A mask that varies along the query rows is then read
  // with computed indices (an affine map cannot take `mod qs` of a dynamic
  // qs); masks are head-independent whenever heads are grouped.
  Value maskTile;
  AffineMap maskMap;
  bool maskByIndex = false;
  if (op.getMask()) {
    std::tie(maskTile, maskMap) = sliceMask(b, batch, head, q0, qs, k0, ks);
    maskByIndex = headBlock > 1 && maskMap.isFunctionOfDim(0);
    if (!maskByIndex) {
      ins.push_back(maskTile);
      // The mask map is in (i, j); key-major tiles iterate (j, i).
      maps.push_back(keyMajor ? maskMap.compose(AffineMap::get(
                                    2, 0, {d1, d0}, ctx))
                              : maskMap);
    }
  }
  maps.push_back(id2);
  Value q0v = getValueOrCreateConstantIndexOp(b, loc, q0);
  Value qsIndex = getValueOrCreateConstantIndexOp(b, loc, qs);
  auto modify = [&](OpBuilder &ob, const ScoreModifiers &m) {
    return linalg::GenericOp::create(
               ob, loc, TypeRange{scoreType}, ins, ValueRange{scores}, maps,
               ArrayRef<IT>{IT::parallel, IT::parallel},
               [&](OpBuilder &nb, Location nl, ValueRange args) {
                 Value i = linalg::IndexOp::create(nb, nl, keyMajor ? 1 : 0);
                 Value j = linalg::IndexOp::create(nb, nl, keyMajor ? 0 : 1);
                 if (headBlock > 1)
                   i = arith::RemUIOp::create(nb, nl, i, qsIndex);
                 Value row = arith::AddIOp::create(nb, nl, q0v, i);
                 Value col = arith::AddIOp::create(nb, nl, k0, j);
                 Value maskValue;
                 if (maskByIndex) {
                   SmallVector<Value> idx;
                   Value zero = arith::ConstantIndexOp::create(nb, nl, 0);
                   for (AffineExpr e : maskMap.getResults()) {
                     if (e.isFunctionOfDim(0))
                       idx.push_back(i);
                     else if (e.isFunctionOfDim(1))
                       idx.push_back(j);
                     else
                       idx.push_back(zero);
                   }
                   maskValue =
                       tensor::ExtractOp::create(nb, nl, maskTile, idx);
                 } else if (op.getMask()) {
                   maskValue = args[0];
                 }
                 Value s = applyScoreModifiers(nb, nl, m, args.back(),
                                               maskValue, row, col);
                 if (keyMin) {
                   Value before = arith::CmpIOp::create(
                       nb, nl, arith::CmpIPredicate::slt, col, keyMin);
                   Value negInf = arith::ConstantOp::create(
                       nb, nl, nb.getF32Type(),
                       nb.getF32FloatAttr(
                           -std::numeric_limits<float>::infinity()));
                   s = arith::SelectOp::create(nb, nl, before, negInf, s);
                 }
                 linalg::YieldOp::create(nb, nl, s);
               })
        .getResult(0);
  };
  if (keyMin) {
    // A shifted last tile: every element is masked (its first keys were
    // taken by an earlier step; the structural mask is exact everywhere).
    scores = modify(b, mods);
  } else if (hasStructuralMask(mods)) {
    // The tile needs the element mask unless every (row, col) in it is
    // visible: cols k0 .. k0+ks-1 against rows q0 .. q0+qs-1.
    Value qsv = getValueOrCreateConstantIndexOp(b, loc, qs);
    Value ksv = getValueOrCreateConstantIndexOp(b, loc, ks);
    Value one = arith::ConstantIndexOp::create(b, loc, 1);
    Value colLast = arith::SubIOp::create(
        b, loc, arith::AddIOp::create(b, loc, k0, ksv), one);
    Value diagFirst = arith::AddIOp::create(b, loc, q0v, mods.delta);
    Value diagLast = arith::SubIOp::create(
        b, loc, arith::AddIOp::create(b, loc, diagFirst, qsv), one);
    Value straddles = arith::ConstantIntOp::create(b, loc, 0, 1);
    auto orWith = [&](Value c) {
      straddles = arith::OrIOp::create(b, loc, straddles, c);
    };
    if (mods.causal)
      orWith(arith::CmpIOp::create(b, loc, arith::CmpIPredicate::sgt, colLast,
                                   diagFirst));
    if (mods.windowRight >= 0) {
      Value r = arith::ConstantIndexOp::create(b, loc, mods.windowRight);
      orWith(arith::CmpIOp::create(b, loc, arith::CmpIPredicate::sgt, colLast,
                                   arith::AddIOp::create(b, loc, diagFirst,
                                                         r)));
    }
    if (mods.windowLeft >= 0) {
      Value l = arith::ConstantIndexOp::create(b, loc, mods.windowLeft);
      orWith(arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt, k0,
                                   arith::SubIOp::create(b, loc, diagLast,
                                                         l)));
    }
    ScoreModifiers plain = mods;
    plain.causal = false;
    plain.windowLeft = plain.windowRight = -1;
    Value unmasked = scores;
    auto ifOp = scf::IfOp::create(
        b, loc, straddles,
        [&](OpBuilder &tb, Location) {
          scf::YieldOp::create(tb, loc, modify(tb, mods));
        },
        [&](OpBuilder &eb, Location) {
          // Interior tiles: nothing to do unless a mask or softcap applies
          // (the scale is already folded into the Q tile).
          scf::YieldOp::create(eb, loc,
                               hasScoreModifiers(plain, op.getMask() != nullptr)
                                   ? modify(eb, plain)
                                   : unmasked);
        });
    scores = ifOp.getResult(0);
  } else if (hasScoreModifiers(mods, op.getMask() != nullptr)) {
    scores = modify(b, mods);
  }

  // tile max, then m' = max(m, tile max) and c = exp(m - m') in one op that
  // updates m in place (so the loop-carried buffer is reused).
  auto rowType = cast<RankedTensorType>(rowMax.getType());
  SmallVector<OpFoldResult> rowShape = {rows};
  // Reductions over the keys: along the tile's rows (key-major: the query
  // rows are the columns, and the reduction runs down the key rows).
  AffineMap col2 = AffineMap::get(2, 0, {d1}, ctx);
  AffineMap statMap = keyMajor ? col2 : row2;
  SmallVector<IT> reduceIters = {IT::parallel, IT::reduction};
  if (keyMajor)
    reduceIters = {IT::reduction, IT::parallel};
  Value tileMax =
      linalg::GenericOp::create(
          b, loc, TypeRange{rowType}, ValueRange{scores},
          ValueRange{filled(b, rowShape,
                            -std::numeric_limits<double>::infinity())},
          ArrayRef<AffineMap>{id2, statMap}, reduceIters,
          [&](OpBuilder &nb, Location nl, ValueRange args) {
            linalg::YieldOp::create(
                nb, nl,
                // `reassoc` lets the row max vectorise; max is exact in any
                // order.
                arith::MaximumFOp::create(nb, nl, args[0], args[1],
                                          arith::FastMathFlags::reassoc)
                    .getResult());
          })
          .getResult(0);
  AffineMap id1 = AffineMap::getMultiDimIdentityMap(1, ctx);
  Value correctionInit = tensor::EmptyOp::create(b, loc, rowShape,
                                                 b.getF32Type());
  // Key-major: a third result, the row max that exp(s - m') subtracts, with
  // -inf (a row with nothing visible yet) replaced by 0: every score of such
  // a row is -inf, so exp(s - 0) is already 0 and the per-element guard of
  // safeExpDiff is not needed.
  SmallVector<Type> statTypes = {rowType, rowType};
  SmallVector<Value> statInits = {rowMax, correctionInit};
  if (keyMajor) {
    statTypes.push_back(rowType);
    statInits.push_back(
        tensor::EmptyOp::create(b, loc, rowShape, b.getF32Type()));
  }
  auto maxAndCorrection = linalg::GenericOp::create(
      b, loc, statTypes, ValueRange{tileMax}, statInits,
      SmallVector<AffineMap>(statInits.size() + 1, id1),
      ArrayRef<IT>{IT::parallel},
      [&](OpBuilder &nb, Location nl, ValueRange args) {
        Value m = arith::MaximumFOp::create(nb, nl, args[0], args[1]);
        Value c = safeExpDiff(nb, nl, args[1], m, fastExp);
        SmallVector<Value> results = {m, c};
        if (keyMajor) {
          Value negInf = arith::ConstantOp::create(
              nb, nl, nb.getF32Type(),
              nb.getF32FloatAttr(-std::numeric_limits<float>::infinity()));
          Value zero = arith::ConstantOp::create(nb, nl, nb.getF32Type(),
                                                 nb.getF32FloatAttr(0.0f));
          Value none = arith::CmpFOp::create(
              nb, nl, arith::CmpFPredicate::OEQ, m, negInf);
          results.push_back(arith::SelectOp::create(nb, nl, none, zero, m));
        }
        linalg::YieldOp::create(nb, nl, results);
      });
  Value newMax = maxAndCorrection.getResult(0);
  Value correction = maxAndCorrection.getResult(1);
  // p = exp(s - m').
  Value probs =
      linalg::GenericOp::create(
          b, loc, TypeRange{scoreType},
          ValueRange{keyMajor ? maxAndCorrection.getResult(2) : newMax},
          ValueRange{scores}, ArrayRef<AffineMap>{statMap, id2},
          ArrayRef<IT>{IT::parallel, IT::parallel},
          [&](OpBuilder &nb, Location nl, ValueRange args) {
            if (!keyMajor) {
              linalg::YieldOp::create(
                  nb, nl, safeExpDiff(nb, nl, args[1], args[0], fastExp));
              return;
            }
            Value diff = arith::SubFOp::create(nb, nl, args[1], args[0]);
            Value e = fastExp ? lowering::fastExp(nb, nl, diff)
                              : math::ExpOp::create(nb, nl, diff).getResult();
            linalg::YieldOp::create(nb, nl, e);
          })
          .getResult(0);
  // l = c * l + rowsum(p).
  Value scaledSum =
      linalg::GenericOp::create(
          b, loc, TypeRange{rowType}, ValueRange{correction},
          ValueRange{rowSum}, ArrayRef<AffineMap>{id1, id1},
          ArrayRef<IT>{IT::parallel},
          [&](OpBuilder &nb, Location nl, ValueRange args) {
            linalg::YieldOp::create(
                nb, nl,
                arith::MulFOp::create(nb, nl, args[0], args[1]).getResult());
          })
          .getResult(0);
  // l += rowsum(p).
  Value newSum =
      linalg::GenericOp::create(
          b, loc, TypeRange{rowType}, ValueRange{probs},
          ValueRange{scaledSum}, ArrayRef<AffineMap>{id2, statMap},
          reduceIters,
          [&](OpBuilder &nb, Location nl, ValueRange args) {
            // The row sum may be reassociated (vectorised): it only
            // normalises, so the order of the additions shows only in
            // rounding.
            linalg::YieldOp::create(
                nb, nl,
                arith::AddFOp::create(nb, nl, args[0], args[1],
                                      arith::FastMathFlags::reassoc)
                    .getResult());
          })
          .getResult(0);
  // acc = c * acc + p . V_tile.
  auto accType = cast<RankedTensorType>(acc.getType());
  Value scaledAcc =
      linalg::GenericOp::create(
          b, loc, TypeRange{accType}, ValueRange{correction}, ValueRange{acc},
          ArrayRef<AffineMap>{row2, id2},
          ArrayRef<IT>{IT::parallel, IT::parallel},
          [&](OpBuilder &nb, Location nl, ValueRange args) {
            linalg::YieldOp::create(
                nb, nl,
                arith::MulFOp::create(nb, nl, args[0], args[1]).getResult());
          })
          .getResult(0);
  // acc += p . V_tile over (i, j, e) with the value columns innermost; an
  // f16 or bf16 V tile is extended to f32 once (for few rows, in the body:
  // each element is used by only those rows).
  if (!dotScores)
    vTile = toF32(vTile);
  // Key-major: P^T is [ks, rows], read through (j, i).
  Value newAcc =
      linalg::GenericOp::create(
          b, loc, TypeRange{accType}, ValueRange{probs, vTile},
          ValueRange{scaledAcc},
          ArrayRef<AffineMap>{keyMajor ? mapIJK({d1, d0}) : mapIJK({d0, d1}),
                              mapIJK({d1, d2}),
                              mapIJK({d0, d2})},
          ArrayRef<IT>{IT::parallel, IT::reduction, IT::parallel},
          [&](OpBuilder &nb, Location nl, ValueRange args) {
            auto fm = arith::FastMathFlags::contract;
            Value prod = arith::MulFOp::create(
                nb, nl, args[0], extendToF32(nb, nl, args[1]), fm);
            linalg::YieldOp::create(
                nb, nl, arith::AddFOp::create(nb, nl, args[2], prod, fm)
                            .getResult());
          })
          .getResult(0);
  return {newMax, newSum, newAcc};
}

Value FlashBuilder::gatherGroupRows(OpBuilder &b, Value batch, Value head0,
                                    OpFoldResult q0, OpFoldResult qs) {
  Value query = op.getQuery();
  auto type = cast<RankedTensorType>(query.getType());
  int64_t dim = type.getDimSize(3);
  OpFoldResult one = b.getIndexAttr(1), zero = b.getIndexAttr(0);
  OpFoldResult g = b.getIndexAttr(headBlock), d = b.getIndexAttr(dim);
  int64_t qsStatic = getStaticShape({qs})[0];
  SmallVector<OpFoldResult> offsets, sizes, strides(4, one);
  SmallVector<int64_t> sliceShape;
  if (bhsd) {
    offsets = {batch, head0, q0, zero};
    sizes = {one, g, qs, d};
    sliceShape = {headBlock, qsStatic, dim};
  } else {
    offsets = {batch, q0, head0, zero};
    sizes = {one, qs, g, d};
    sliceShape = {qsStatic, headBlock, dim};
  }
  Value slice = tensor::ExtractSliceOp::create(
      b, loc, RankedTensorType::get(sliceShape, type.getElementType()), query,
      offsets, sizes, strides);
  // Copy into a contiguous [G, qs, D] tensor, then view it as [G * qs, D].
  SmallVector<OpFoldResult> copyShape = {g, qs, d};
  Value init =
      tensor::EmptyOp::create(b, loc, copyShape, type.getElementType());
  AffineExpr e0, e1, e2;
  bindDims(ctx, e0, e1, e2);
  AffineMap in = bhsd ? AffineMap::get(3, 0, {e0, e1, e2}, ctx)
                      : AffineMap::get(3, 0, {e1, e0, e2}, ctx);
  using IT = utils::IteratorType;
  Value copy =
      linalg::GenericOp::create(
          b, loc, TypeRange{init.getType()}, ValueRange{slice},
          ValueRange{init},
          ArrayRef<AffineMap>{in, AffineMap::getMultiDimIdentityMap(3, ctx)},
          ArrayRef<IT>{IT::parallel, IT::parallel, IT::parallel},
          [&](OpBuilder &nb, Location nl, ValueRange args) {
            linalg::YieldOp::create(nb, nl, args[0]);
          })
          .getResult(0);
  return tensor::CollapseShapeOp::create(b, loc, copy,
                                         ArrayRef<ReassociationIndices>{
                                             {0, 1}, {2}});
}

FailureOr<TileAttentionResult> FlashBuilder::build() {
  OpBuilder::InsertionGuard guard(rewriter);
  rewriter.setInsertionPoint(op);
  AttentionOp::Sizes sizes = op.getSizes();
  group = sizes.queryHeads / sizes.kvHeads;
  bhsd = op.getLayoutOrDefault() == Layout::bhsd;
  pv = getProblemValues(rewriter, loc, op);
  mods = getScoreModifiers(rewriter, loc, op, pv);
  opScale = mods.scale;

  // Grouped-query attention: process the `group` query heads that share a
  // K/V head together, so each K/V tile is loaded (and transposed) once for
  // all of them. Needs a mask that does not vary across heads.
  bool headIndependentMask = true;
  if (Value mask = op.getMask()) {
    auto maskType = cast<RankedTensorType>(mask.getType());
    int64_t headPos = maskType.getRank() - 3;
    headIndependentMask =
        headPos < 0 || maskType.getDimSize(headPos) == 1;
  }
  headBlock = (group > 1 && groupHeads && headIndependentMask) ? group : 1;

  // Query tiles: when Sq is not a static multiple of Tq, the full tiles run
  // in one forall with a static tile size (so that their tiles vectorise)
  // and the partial last tile, if any, in a second one.
  AffineExpr d0, d1;
  bindDims(ctx, d0, d1);
  std::optional<int64_t> staticSq = getConstantIntValue(pv.queryLen);
  std::optional<int64_t> staticKv = getConstantIntValue(pv.kvLen);
  if (peel) {
    // A sequence shorter than a tile is one full tile of its own length.
    if (staticSq && *staticSq > 0 && *staticSq < queryTile)
      queryTile = *staticSq;
    if (staticKv && *staticKv > 0 && *staticKv < keyTile)
      keyTile = *staticKv;
  }
  // One-row tiles (the GPU's SIMT path) are always full, even for a dynamic
  // Sq.
  bool allFull = queryTile == 1 || (staticSq && *staticSq % queryTile == 0);

  // Split-KV: chunks of ceil(ceil(Skv / Tk) / S) key tiles.
  int64_t staticKeyTiles =
      staticKv ? llvm::divideCeil(*staticKv, keyTile) : 0;
  numSplits = keySplits;
  if (numSplits == 0) {
    std::optional<int64_t> batch = getConstantIntValue(pv.batch);
    std::optional<int64_t> heads =
        getConstantIntValue(headBlock > 1 ? pv.kvHeads : pv.queryHeads);
    int64_t iterations =
        batch && heads && staticSq
            ? *batch * *heads * llvm::divideCeil(*staticSq, queryTile)
            : 0;
    numSplits = getDefaultKeySplits(iterations, staticKeyTiles);
    // The partial results (S x B x Hq x Sq rows of Dv + 2 floats) are kept
    // no larger than the K and V they summarise.
    std::optional<int64_t> queryHeads = getConstantIntValue(pv.queryHeads);
    std::optional<int64_t> kvHeads = getConstantIntValue(pv.kvHeads);
    if (numSplits > 1 && batch && queryHeads && kvHeads) {
      AttentionOp::Sizes sizes = op.getSizes();
      int64_t perSplit =
          *batch * *queryHeads * *staticSq * (sizes.valueDim + 2);
      int64_t kv = *batch * *kvHeads * *staticKv *
                   (sizes.headDim + sizes.valueDim);
      if (perSplit > 0)
        numSplits = std::max<int64_t>(
            1, std::min<int64_t>(numSplits, kv / perSplit));
    }
  }
  if (staticKv)
    numSplits = std::min(numSplits, std::max<int64_t>(staticKeyTiles, 1));
  if (numSplits > 1) {
    splitKeys = affine::makeComposedFoldedAffineApply(
        rewriter, loc, d0.ceilDiv(keyTile).ceilDiv(numSplits) * keyTile,
        {pv.kvLen});
    // No empty trailing splits when Skv is known.
    if (std::optional<int64_t> chunk = getConstantIntValue(splitKeys))
      numSplits = llvm::divideCeil(*staticKv, *chunk);
  }
  SmallVector<Value> inits = {op.getInit()};
  if (numSplits > 1)
    inits = splitBuffers(rewriter);
  auto finish = [&](ValueRange results) -> Value {
    return numSplits > 1 ? combineSplits(rewriter, results) : results[0];
  };

  if (allFull || !peel) {
    OpFoldResult numQueryTiles = affine::makeComposedFoldedAffineApply(
        rewriter, loc, d0.ceilDiv(queryTile), {pv.queryLen});
    FailureOr<TileAttentionResult> r = buildQueryForall(
        inits, numQueryTiles, rewriter.getIndexAttr(0),
        allFull ? QueryTiles::Full : QueryTiles::Partial);
    if (failed(r))
      return failure();
    r->replacement = finish(r->forallOp->getResults());
    rewriter.replaceOp(op, r->replacement);
    return r;
  }
  OpFoldResult numFull = affine::makeComposedFoldedAffineApply(
      rewriter, loc, d0.floorDiv(queryTile), {pv.queryLen});
  OpFoldResult numTail = affine::makeComposedFoldedAffineApply(
      rewriter, loc, d0.ceilDiv(queryTile) - d0.floorDiv(queryTile),
      {pv.queryLen});
  FailureOr<TileAttentionResult> full = buildQueryForall(
      inits, numFull, rewriter.getIndexAttr(0), QueryTiles::Full);
  if (failed(full))
    return failure();
  rewriter.setInsertionPoint(op);
  ValueRange afterFull = full->forallOp->getResults();
  // The partial last query tile, if any: the static tile of the last Tq
  // rows when there are Tq rows (so that it vectorises like the others),
  // else (Sq < Tq, only possible for a dynamic Sq) a dynamic one.
  SmallVector<Value> tailResults;
  if (staticSq) {
    FailureOr<TileAttentionResult> tail =
        buildQueryForall(afterFull, numTail, numFull, QueryTiles::Shifted);
    if (failed(tail))
      return failure();
    llvm::append_range(tailResults, tail->forallOp->getResults());
  } else {
    Value sq = getValueOrCreateConstantIndexOp(rewriter, loc, pv.queryLen);
    Value tq = arith::ConstantIndexOp::create(rewriter, loc, queryTile);
    Value enough = arith::CmpIOp::create(rewriter, loc,
                                         arith::CmpIPredicate::sge, sq, tq);
    auto ifOp = scf::IfOp::create(rewriter, loc, afterFull.getTypes(),
                                  enough, /*withElseRegion=*/true);
    for (auto [block, shape] :
         {std::make_pair(ifOp.thenBlock(), QueryTiles::Shifted),
          std::make_pair(ifOp.elseBlock(), QueryTiles::Partial)}) {
      rewriter.setInsertionPointToStart(block);
      FailureOr<TileAttentionResult> tail =
          buildQueryForall(afterFull, numTail, numFull, shape);
      if (failed(tail))
        return failure();
      scf::YieldOp::create(rewriter, loc, tail->forallOp->getResults());
    }
    rewriter.setInsertionPointAfter(ifOp);
    llvm::append_range(tailResults, ifOp.getResults());
  }
  Value result = finish(tailResults);
  rewriter.replaceOp(op, result);
  // The main (full-tile) forall and its key loop describe the structure.
  return TileAttentionResult{full->forallOp, full->keyLoop, result};
}

SmallVector<Value> FlashBuilder::splitBuffers(OpBuilder &b) {
  SmallVector<OpFoldResult> stats = {b.getIndexAttr(numSplits), pv.batch,
                                     pv.queryHeads, pv.queryLen};
  SmallVector<OpFoldResult> accShape(stats);
  accShape.push_back(b.getIndexAttr(op.getSizes().valueDim));
  // Every element is written by exactly one tile of one split.
  auto empty = [&](ArrayRef<OpFoldResult> shape) -> Value {
    return tensor::EmptyOp::create(b, loc, shape, b.getF32Type());
  };
  return {empty(stats), empty(stats), empty(accShape)};
}

Value FlashBuilder::combineSplits(OpBuilder &b, ValueRange buffers) {
  using IT = utils::IteratorType;
  Value maxBuf = buffers[0], sumBuf = buffers[1], accBuf = buffers[2];
  SmallVector<OpFoldResult> rowShape = {pv.batch, pv.queryHeads, pv.queryLen};
  AffineExpr d0, d1, d2, d3, d4;
  bindDims(ctx, d0, d1, d2, d3, d4);
  // Every generic here iterates with the split s outermost (loops are
  // generated in dimension order): the inner loops then walk the
  // contiguous rows (and Dv) of one split's buffers, which vectorise, and
  // not the strided splits. Over (s, b, h, i) the buffers are read at the
  // identity and the rows at (b, h, i).
  auto map4 = [&](ArrayRef<AffineExpr> exprs) {
    return AffineMap::get(4, 0, exprs, ctx);
  };
  AffineMap bufAt = AffineMap::getMultiDimIdentityMap(4, ctx),
            rowAt = map4({d1, d2, d3});
  SmallVector<IT> rowReduce = {IT::reduction, IT::parallel, IT::parallel,
                               IT::parallel};
  // M = max_s m_s.
  Value globalMax =
      linalg::GenericOp::create(
          b, loc, TypeRange{RankedTensorType::get(getStaticShape(rowShape),
                                                  b.getF32Type())},
          ValueRange{maxBuf},
          ValueRange{filled(b, rowShape,
                            -std::numeric_limits<double>::infinity())},
          ArrayRef<AffineMap>{bufAt, rowAt}, rowReduce,
          [&](OpBuilder &nb, Location nl, ValueRange args) {
            linalg::YieldOp::create(
                nb, nl,
                arith::MaximumFOp::create(nb, nl, args[0], args[1])
                    .getResult());
          })
          .getResult(0);
  // L = sum_s exp(m_s - M) l_s (a split that saw no visible key has
  // m_s = -inf and l_s = 0; a row with none at all has M = -inf: weight 0).
  Value globalSum =
      linalg::GenericOp::create(
          b, loc, TypeRange{globalMax.getType()},
          ValueRange{maxBuf, sumBuf, globalMax},
          ValueRange{filled(b, rowShape, 0.0)},
          ArrayRef<AffineMap>{bufAt, bufAt, rowAt, rowAt}, rowReduce,
          [&](OpBuilder &nb, Location nl, ValueRange args) {
            Value w = safeExpDiff(nb, nl, args[0], args[2], fastExp);
            Value wl = arith::MulFOp::create(nb, nl, w, args[1]);
            linalg::YieldOp::create(
                nb, nl, arith::AddFOp::create(nb, nl, args[3], wl).getResult());
          })
          .getResult(0);
  // c_s = exp(m_s - M) / L, over (s, b, h, i).
  AffineMap id4 = bufAt, rowOfSplit = rowAt;
  Value weights =
      linalg::GenericOp::create(
          b, loc, TypeRange{maxBuf.getType()},
          ValueRange{maxBuf, globalMax, globalSum},
          ValueRange{tensor::EmptyOp::create(
              b, loc, tensor::getMixedSizes(b, loc, maxBuf), b.getF32Type())},
          ArrayRef<AffineMap>{id4, rowOfSplit, rowOfSplit, id4},
          SmallVector<IT>(4, IT::parallel),
          [&](OpBuilder &nb, Location nl, ValueRange args) {
            Value w = safeExpDiff(nb, nl, args[0], args[1], fastExp);
            linalg::YieldOp::create(nb, nl,
                                    safeDivide(nb, nl, w, args[2]));
          })
          .getResult(0);
  // out = sum_s c_s acc_s over (s, b, h, i, e), accumulated in f32 (into
  // the op's init when that is f32), in the op's layout.
  Value init = op.getInit();
  auto initType = cast<RankedTensorType>(init.getType());
  bool f32Out = initType.getElementType().isF32();
  int64_t valueDim = op.getSizes().valueDim;
  SmallVector<OpFoldResult> outShape(rowShape);
  outShape.push_back(b.getIndexAttr(valueDim));
  auto map5 = [&](ArrayRef<AffineExpr> exprs) {
    return AffineMap::get(5, 0, exprs, ctx);
  };
  AffineMap layoutOut = bhsd ? map5({d1, d2, d3, d4}) : map5({d1, d3, d2, d4});
  Value accInit = f32Out ? init
                         : tensor::EmptyOp::create(b, loc, outShape,
                                                   b.getF32Type())
                               .getResult();
  Value zero = arith::ConstantOp::create(b, loc, b.getF32Type(),
                                         b.getF32FloatAttr(0.0f));
  accInit = linalg::FillOp::create(b, loc, zero, accInit).getResult(0);
  Value combined =
      linalg::GenericOp::create(
          b, loc, TypeRange{accInit.getType()}, ValueRange{weights, accBuf},
          ValueRange{accInit},
          ArrayRef<AffineMap>{map5({d0, d1, d2, d3}),
                              AffineMap::getMultiDimIdentityMap(5, ctx),
                              f32Out ? layoutOut : map5({d1, d2, d3, d4})},
          ArrayRef<IT>{IT::reduction, IT::parallel, IT::parallel,
                       IT::parallel, IT::parallel},
          [&](OpBuilder &nb, Location nl, ValueRange args) {
            Value p = arith::MulFOp::create(nb, nl, args[0], args[1]);
            linalg::YieldOp::create(
                nb, nl, arith::AddFOp::create(nb, nl, args[2], p).getResult());
          })
          .getResult(0);
  if (f32Out)
    return combined;
  Type outElt = initType.getElementType();
  return linalg::GenericOp::create(
             b, loc, TypeRange{initType}, ValueRange{combined},
             ValueRange{init},
             ArrayRef<AffineMap>{AffineMap::getMultiDimIdentityMap(4, ctx),
                                 bhsd ? AffineMap::getMultiDimIdentityMap(4, ctx)
                                      : map4({d0, d2, d1, d3})},
             SmallVector<IT>(4, IT::parallel),
             [&](OpBuilder &nb, Location nl, ValueRange args) {
               linalg::YieldOp::create(
                   nb, nl, truncateFromF32(nb, nl, args[0], outElt));
             })
      .getResult(0);
}

SmallVector<Value> FlashBuilder::buildKeyLoop(
    OpBuilder &b, Value batch, Value head, Value kvHead, OpFoldResult q0,
    OpFoldResult qs, OpFoldResult rows, Value qTile, Value lo, Value hi,
    ValueRange inits, bool peelKeys, scf::ForOp &mainLoop) {
  Value step = arith::ConstantIndexOp::create(b, loc, keyTile);
  std::optional<int64_t> staticKv = getConstantIntValue(pv.kvLen);
  bool allFull = staticKv && *staticKv % keyTile == 0;
  auto loopOver = [&](Value from, Value to, bool fullKeys) {
    return scf::ForOp::create(
        b, loc, from, to, step, inits,
        [&](OpBuilder &lb, Location, Value k0, ValueRange iterArgs) {
          scf::YieldOp::create(lb, loc,
                               buildKeyStep(lb, batch, head, kvHead, q0, qs,
                                            rows, qTile, k0, hi, iterArgs,
                                            fullKeys));
        });
  };
  if (allFull || !peelKeys) {
    mainLoop = loopOver(lo, hi, allFull);
    return mainLoop.getResults();
  }
  // The full key tiles lo .. mainEnd - 1 (mainEnd = lo + Tk * the number of
  // whole tiles in [lo, hi)) in a loop of static tiles.
  Value zero = arith::ConstantIndexOp::create(b, loc, 0);
  Value span = arith::MaxSIOp::create(
      b, loc, arith::SubIOp::create(b, loc, hi, lo), zero);
  Value mainEnd = arith::AddIOp::create(
      b, loc, lo,
      arith::MulIOp::create(b, loc,
                            arith::DivUIOp::create(b, loc, span, step), step));
  mainLoop = loopOver(lo, mainEnd, /*fullKeys=*/true);
  ValueRange afterMain = mainLoop.getResults();
  // The partial last tile mainEnd .. hi - 1, if any. Since the bounds are
  // tile-aligned, a partial tile ends at hi = Skv; when Skv >= Tk it is
  // computed as the static tile of the last Tk keys, hi - Tk .. hi - 1, with
  // the keys before mainEnd masked out, else as a dynamic tile.
  Value hasTail =
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt, mainEnd, hi);
  auto shifted = [&](OpBuilder &tb) {
    Value k0 = arith::SubIOp::create(tb, loc, hi, step);
    return buildKeyStep(tb, batch, head, kvHead, q0, qs, rows, qTile, k0, hi,
                        afterMain, /*fullKeys=*/true, /*keyMin=*/mainEnd);
  };
  auto partial = [&](OpBuilder &tb) {
    return buildKeyStep(tb, batch, head, kvHead, q0, qs, rows, qTile, mainEnd,
                        hi, afterMain, /*fullKeys=*/false);
  };
  auto tail = scf::IfOp::create(
      b, loc, hasTail,
      [&](OpBuilder &tb, Location) {
        if (staticKv) {
          // Static Skv >= Tk here (a shorter one is a single full tile).
          // With static bounds (no causal or window bound) the tail's size
          // is static too: a tile of just those keys, which the CPU
          // vectoriser takes with its own shape, computes Skv mod Tk keys
          // instead of Tk (77 keys in 2 tiles: 77 computed, not 128).
          if (getConstantIntValue(lo) && getConstantIntValue(hi)) {
            scf::YieldOp::create(tb, loc, partial(tb));
            return;
          }
          scf::YieldOp::create(tb, loc, shifted(tb));
          return;
        }
        Value enough = arith::CmpIOp::create(
            tb, loc, arith::CmpIPredicate::sge, hi, step);
        auto inner = scf::IfOp::create(
            tb, loc, enough,
            [&](OpBuilder &sb, Location) {
              scf::YieldOp::create(sb, loc, shifted(sb));
            },
            [&](OpBuilder &pb, Location) {
              scf::YieldOp::create(pb, loc, partial(pb));
            });
        scf::YieldOp::create(tb, loc, inner.getResults());
      },
      [&](OpBuilder &eb, Location) {
        scf::YieldOp::create(eb, loc, afterMain);
      });
  return tail.getResults();
}

FailureOr<TileAttentionResult>
FlashBuilder::buildQueryForall(ValueRange inits, OpFoldResult numTiles,
                               OpFoldResult firstTile, QueryTiles shape) {
  AffineExpr d0, d1;
  bindDims(ctx, d0, d1);
  SmallVector<OpFoldResult> ubs = {
      pv.batch, headBlock > 1 ? pv.kvHeads : pv.queryHeads, numTiles};
  if (numSplits > 1)
    ubs.push_back(rewriter.getIndexAttr(numSplits));
  auto forall =
      scf::ForallOp::create(rewriter, loc, ubs, inits, std::nullopt);
  mods.scale = opScale;

  OpBuilder b(ctx);
  b.setInsertionPointToStart(forall.getBody());
  SmallVector<Value> ivs = forall.getInductionVars();
  Value batch = ivs[0], head = ivs[1], qt = ivs[2];
  Value kvHead = head;
  if (headBlock > 1) {
    // ivs[1] walks the K/V heads; `head` is the first query head of the
    // group.
    head = getValueOrCreateConstantIndexOp(
        b, loc,
        affine::makeComposedFoldedAffineApply(b, loc, d0 * headBlock,
                                              {OpFoldResult(kvHead)}));
  } else if (group != 1) {
    kvHead = getValueOrCreateConstantIndexOp(
        b, loc,
        affine::makeComposedFoldedAffineApply(b, loc, d0.floorDiv(group),
                                              {OpFoldResult(head)}));
  }
  Value out = forall.getRegionOutArgs()[0];
  OpFoldResult q0 = affine::makeComposedFoldedAffineApply(
      b, loc, (d0 + d1) * queryTile, {OpFoldResult(qt), firstTile});
  // Shifted: rows writtenQ0 .. Sq - 1 are written, computed as part of the
  // full tile Sq - Tq .. Sq - 1.
  OpFoldResult writtenQ0 = q0;
  if (shape == QueryTiles::Shifted)
    q0 = affine::makeComposedFoldedAffineApply(b, loc, d0 - queryTile,
                                               {pv.queryLen});
  OpFoldResult qs;
  if (shape != QueryTiles::Partial)
    qs = b.getIndexAttr(queryTile);
  else
    qs = affine::makeComposedFoldedAffineMin(
        b, loc,
        AffineMap::get(2, 0,
                       {getAffineConstantExpr(queryTile, ctx), d1 - d0}, ctx),
        {q0, pv.queryLen});
  OpFoldResult rows = qs;
  Value qTile;
  if (headBlock > 1) {
    rows = affine::makeComposedFoldedAffineApply(b, loc, d0 * headBlock,
                                                 {qs});
    qTile = gatherGroupRows(b, batch, head, q0, qs);
  } else {
    qTile = sliceRows(b, op.getQuery(), batch, head, q0, qs);
  }

  // Fold the scale into the Q tile (once per query tile, in f32) instead of
  // scaling every score tile; the scores then only need a pass for masks or
  // softcap. (scale * q) . k and scale * (q . k) differ only in rounding,
  // as long as scale * q does not overflow: a scale above 1 in magnitude
  // (rare: the default is 1/sqrt(D)) stays on the scores, so that a finite
  // scale * (q . k) is never computed from an infinite scale * q.
  // With key-major scores the scaled Q tile is also transposed to
  // [D, rows], once per query tile (unless the scores are dot products).
  std::optional<int64_t> staticRows = getConstantIntValue(rows);
  dotScores = staticRows && *staticRows < kDotScoreRows;
  bool transposeQ = keyMajor && !dotScores;
  {
    auto qType = cast<RankedTensorType>(qTile.getType());
    SmallVector<OpFoldResult> qSizes = tensor::getMixedSizes(b, loc, qTile);
    SmallVector<int64_t> qShape(qType.getShape());
    if (transposeQ) {
      std::swap(qSizes[0], qSizes[1]);
      std::swap(qShape[0], qShape[1]);
    }
    Value init = tensor::EmptyOp::create(b, loc, qSizes, b.getF32Type());
    AffineMap id = AffineMap::getMultiDimIdentityMap(2, ctx);
    AffineMap inMap = transposeQ ? AffineMap::get(2, 0, {d1, d0}, ctx) : id;
    bool foldScale = std::abs(mods.scale) <= 1.0;
    float scale = foldScale ? static_cast<float>(mods.scale) : 1.0f;
    qTile =
        linalg::GenericOp::create(
            b, loc, TypeRange{RankedTensorType::get(qShape, b.getF32Type())},
            ValueRange{qTile}, ValueRange{init}, ArrayRef<AffineMap>{inMap, id},
            ArrayRef<utils::IteratorType>{utils::IteratorType::parallel,
                                          utils::IteratorType::parallel},
            [&](OpBuilder &nb, Location nl, ValueRange args) {
              Value x = extendToF32(nb, nl, args[0]);
              if (scale != 1.0f)
                x = arith::MulFOp::create(
                    nb, nl, x,
                    arith::ConstantOp::create(nb, nl, nb.getF32Type(),
                                              nb.getF32FloatAttr(scale)));
              linalg::YieldOp::create(nb, nl, x);
            })
            .getResult(0);
    if (foldScale)
      mods.scale = 1.0;
  }

  int64_t valueDim = op.getSizes().valueDim;
  Value rowMax0 =
      filled(b, {rows}, -std::numeric_limits<double>::infinity());
  Value rowSum0 = filled(b, {rows}, 0.0);
  Value acc0 = filled(b, {rows, b.getIndexAttr(valueDim)}, 0.0);

  Value q0v = getValueOrCreateConstantIndexOp(b, loc, q0);
  Value qsv = getValueOrCreateConstantIndexOp(b, loc, qs);
  auto [lo, hi] = keyBounds(b, q0v, qsv);
  if (numSplits > 1) {
    // This split's keys: [s * chunk, (s + 1) * chunk) within [lo, hi); the
    // chunk is a multiple of Tk, so the bounds stay tile-aligned (or Skv).
    Value chunk = getValueOrCreateConstantIndexOp(b, loc, splitKeys);
    Value first = arith::MulIOp::create(b, loc, ivs[3], chunk);
    Value end = arith::AddIOp::create(b, loc, first, chunk);
    lo = arith::MaxSIOp::create(b, loc, lo, first);
    hi = arith::MinSIOp::create(b, loc, hi, end);
  }
  scf::ForOp loop;
  SmallVector<Value> final =
      buildKeyLoop(b, batch, head, kvHead, q0, qs, rows, qTile, lo, hi,
                   ValueRange{rowMax0, rowSum0, acc0},
                   /*peelKeys=*/peel && shape != QueryTiles::Partial, loop);

  if (numSplits > 1) {
    writeSplitTile(b, forall, final, ivs[3], batch, head, q0, writtenQ0, qs,
                   shape);
    return TileAttentionResult{forall, loop, forall.getResult(0)};
  }

  // out_tile = acc / l in the result's element type. With grouped heads the
  // [G * qs] rows are viewed as [G, qs] and written to G heads at once.
  Value finalAcc = final[2], finalSum = final[1];
  Type outElt = getElementTypeOrSelf(op.getInit());
  OpFoldResult one = b.getIndexAttr(1), zero = b.getIndexAttr(0);
  OpFoldResult vd = b.getIndexAttr(valueDim);
  OpFoldResult g = b.getIndexAttr(headBlock);
  int64_t qsStatic = getStaticShape({qs})[0];
  SmallVector<OpFoldResult> offsets, tileSizes, strides(4, one);
  SmallVector<int64_t> outShape;
  if (bhsd) {
    offsets = {batch, head, q0, zero};
    tileSizes = {one, g, qs, vd};
    outShape = {headBlock, qsStatic, valueDim};
  } else {
    offsets = {batch, q0, head, zero};
    tileSizes = {one, qs, g, vd};
    outShape = {qsStatic, headBlock, valueDim};
  }
  // A shifted tile overlaps rows that another tile writes: it is computed
  // into a fresh tensor and only its own rows are inserted.
  Value outTile =
      shape == QueryTiles::Shifted
          ? tensor::EmptyOp::create(b, loc, outShape, outElt).getResult()
          : tensor::ExtractSliceOp::create(
                b, loc, RankedTensorType::get(outShape, outElt), out,
                offsets, tileSizes, strides)
                .getResult();
  Value acc3 = tensor::ExpandShapeOp::create(
      b, loc,
      RankedTensorType::get({headBlock, qsStatic, valueDim}, b.getF32Type()),
      finalAcc, ArrayRef<ReassociationIndices>{{0, 1}, {2}},
      ArrayRef<OpFoldResult>{g, qs, vd});
  Value sum2 = tensor::ExpandShapeOp::create(
      b, loc, RankedTensorType::get({headBlock, qsStatic}, b.getF32Type()),
      finalSum, ArrayRef<ReassociationIndices>{{0, 1}},
      ArrayRef<OpFoldResult>{g, qs});
  AffineExpr e0, e1, e2;
  bindDims(ctx, e0, e1, e2);
  AffineMap id3 = AffineMap::getMultiDimIdentityMap(3, ctx);
  AffineMap outMap = bhsd ? id3 : AffineMap::get(3, 0, {e1, e0, e2}, ctx);
  using IT = utils::IteratorType;
  Value result =
      linalg::GenericOp::create(
          b, loc, TypeRange{outTile.getType()}, ValueRange{acc3, sum2},
          ValueRange{outTile},
          ArrayRef<AffineMap>{id3, AffineMap::get(3, 0, {e0, e1}, ctx),
                              outMap},
          ArrayRef<IT>{IT::parallel, IT::parallel, IT::parallel},
          [&](OpBuilder &nb, Location nl, ValueRange args) {
            Value v = safeDivide(nb, nl, args[0], args[1]);
            linalg::YieldOp::create(nb, nl,
                                    truncateFromF32(nb, nl, v, outElt));
          })
          .getResult(0);

  if (shape == QueryTiles::Shifted) {
    // Keep rows skip .. Tq - 1 of the tile (skip = writtenQ0 - q0).
    int64_t seqPos = bhsd ? 1 : 0;
    OpFoldResult skip = affine::makeComposedFoldedAffineApply(
        b, loc, d0 - d1, {writtenQ0, q0});
    OpFoldResult keep = affine::makeComposedFoldedAffineApply(
        b, loc, getAffineConstantExpr(queryTile, ctx) - d0, {skip});
    SmallVector<OpFoldResult> rowOffsets(3, zero),
        rowSizes = bhsd ? SmallVector<OpFoldResult>{g, keep, vd}
                        : SmallVector<OpFoldResult>{keep, g, vd};
    rowOffsets[seqPos] = skip;
    SmallVector<int64_t> keptShape(outShape);
    keptShape[seqPos] = getStaticShape({keep})[0];
    result = tensor::ExtractSliceOp::create(
        b, loc, RankedTensorType::get(keptShape, outElt), result, rowOffsets,
        rowSizes, SmallVector<OpFoldResult>(3, one));
    offsets[bhsd ? 2 : 1] = writtenQ0;
    tileSizes[bhsd ? 2 : 1] = keep;
  }

  // Write the tile back.
  b.setInsertionPointToStart(forall.getTerminator().getBody());
  tensor::ParallelInsertSliceOp::create(b, loc, result, out, offsets,
                                        tileSizes, strides);

  markSingleIteration(forall);
  return TileAttentionResult{forall, loop, forall.getResult(0)};
}

void FlashBuilder::markSingleIteration(scf::ForallOp forall) {
  // A forall of one iteration (e.g. decoding one head group of one batch)
  // is folded away by canonicalize: mark its tiles for attn-vectorize-tiles.
  std::optional<SmallVector<int64_t>> trips =
      getConstantIntValues(forall.getMixedUpperBound());
  if (trips && llvm::all_of(*trips, [](int64_t t) { return t == 1; }))
    forall.getBody()->walk([&](linalg::LinalgOp tileOp) {
      tileOp->setAttr(kFlashTileAttrName, UnitAttr::get(ctx));
    });
}

void FlashBuilder::writeSplitTile(OpBuilder &b, scf::ForallOp forall,
                                  ValueRange final, Value split, Value batch,
                                  Value head, OpFoldResult q0,
                                  OpFoldResult writtenQ0, OpFoldResult qs,
                                  QueryTiles shape) {
  AffineExpr d0, d1;
  bindDims(ctx, d0, d1);
  int64_t valueDim = op.getSizes().valueDim;
  OpFoldResult one = b.getIndexAttr(1), zero = b.getIndexAttr(0);
  OpFoldResult g = b.getIndexAttr(headBlock), vd = b.getIndexAttr(valueDim);
  int64_t qsStatic = getStaticShape({qs})[0];
  // [G * qs] rows viewed as [G, qs] (the accumulator as [G, qs, Dv]).
  Value stats[2];
  for (int k = 0; k < 2; ++k)
    stats[k] = tensor::ExpandShapeOp::create(
        b, loc, RankedTensorType::get({headBlock, qsStatic}, b.getF32Type()),
        final[k], ArrayRef<ReassociationIndices>{{0, 1}},
        ArrayRef<OpFoldResult>{g, qs});
  Value acc = tensor::ExpandShapeOp::create(
      b, loc,
      RankedTensorType::get({headBlock, qsStatic, valueDim}, b.getF32Type()),
      final[2], ArrayRef<ReassociationIndices>{{0, 1}, {2}},
      ArrayRef<OpFoldResult>{g, qs, vd});
  // A shifted tile keeps its rows skip .. Tq - 1 (skip = writtenQ0 - q0).
  OpFoldResult keep = qs, skip = zero;
  if (shape == QueryTiles::Shifted) {
    skip = affine::makeComposedFoldedAffineApply(b, loc, d0 - d1,
                                                 {writtenQ0, q0});
    keep = affine::makeComposedFoldedAffineApply(
        b, loc, getAffineConstantExpr(queryTile, ctx) - d0, {skip});
    int64_t keepStatic = getStaticShape({keep})[0];
    for (Value &stat : stats)
      stat = tensor::ExtractSliceOp::create(
          b, loc, RankedTensorType::get({headBlock, keepStatic},
                                        b.getF32Type()),
          stat, ArrayRef<OpFoldResult>{zero, skip},
          ArrayRef<OpFoldResult>{g, keep}, ArrayRef<OpFoldResult>{one, one});
    acc = tensor::ExtractSliceOp::create(
        b, loc,
        RankedTensorType::get({headBlock, keepStatic, valueDim},
                              b.getF32Type()),
        acc, ArrayRef<OpFoldResult>{zero, skip, zero},
        ArrayRef<OpFoldResult>{g, keep, vd},
        ArrayRef<OpFoldResult>{one, one, one});
  }
  b.setInsertionPointToStart(forall.getTerminator().getBody());
  SmallVector<OpFoldResult> offsets = {split, batch, head, writtenQ0};
  SmallVector<OpFoldResult> sizes = {one, one, g, keep};
  for (int k = 0; k < 2; ++k)
    tensor::ParallelInsertSliceOp::create(b, loc, stats[k],
                                          forall.getRegionOutArgs()[k],
                                          offsets, sizes,
                                          SmallVector<OpFoldResult>(4, one));
  offsets.push_back(zero);
  sizes.push_back(vd);
  tensor::ParallelInsertSliceOp::create(b, loc, acc,
                                        forall.getRegionOutArgs()[2], offsets,
                                        sizes,
                                        SmallVector<OpFoldResult>(5, one));
  markSingleIteration(forall);
}

FailureOr<TileAttentionResult>
mlir::attn::tileAttention(RewriterBase &rewriter, AttentionOp op,
                          const TileAttentionOptions &options) {
  auto [defaultQuery, defaultKey] = getDefaultTileSizes(op);
  int64_t queryTile = options.queryTile > 0 ? options.queryTile : defaultQuery;
  int64_t keyTile = options.keyTile > 0 ? options.keyTile : defaultKey;
  if (options.queryTile < 0 || options.keyTile < 0 ||
      options.queryTile > kMaxTileSize || options.keyTile > kMaxTileSize)
    return rewriter.notifyMatchFailure(op, "tile sizes must be in [0, 2^24]");
  if (options.keySplits < 0 || options.keySplits > kMaxKeySplits)
    return rewriter.notifyMatchFailure(op, "key splits must be in [0, 1024]");
  {
    OpBuilder::InsertionGuard guard(rewriter);
    rewriter.setInsertionPoint(op);
    emitRuntimeSizeChecks(rewriter, op);
  }
  FlashBuilder builder(rewriter, op, queryTile, keyTile, options.fastExp,
                       options.groupHeads, options.keyMajor,
                       options.peelPartialTiles, options.keySplits);
  return builder.build();
}

namespace {
struct AttnTileAttentionPass
    : attn::impl::AttnTileAttentionBase<AttnTileAttentionPass> {
  using Base::Base;
  void runOnOperation() override {
    constexpr int64_t kMaxTile = kMaxTileSize;
    if (queryTile < 0 || keyTile < 0 || queryTile > kMaxTile ||
        keyTile > kMaxTile) {
      mlir::emitError(getOperation()->getLoc())
          << "attn-tile-attention: tile sizes must be in [0, " << kMaxTile
          << "] (0 = heuristic), got query-tile="
          << static_cast<int64_t>(queryTile)
          << " key-tile=" << static_cast<int64_t>(keyTile);
      return signalPassFailure();
    }
    if (keySplits < 0 || keySplits > kMaxKeySplits) {
      mlir::emitError(getOperation()->getLoc())
          << "attn-tile-attention: key-splits must be in [0, " << kMaxKeySplits
          << "] (0 = heuristic, 1 = no split), got "
          << static_cast<int64_t>(keySplits);
      return signalPassFailure();
    }
    IRRewriter rewriter(&getContext());
    SmallVector<AttentionOp> ops;
    // Ops marked attn.deferred are claimed by a later pass of the pipeline
    // (attn-gpu-mma-attention): leave them alone.
    getOperation()->walk([&](AttentionOp op) {
      if (!skipDeferred || !op->hasAttr("attn.deferred"))
        ops.push_back(op);
    });
    TileAttentionOptions options;
    options.queryTile = queryTile;
    options.keyTile = keyTile;
    options.fastExp = fastExp;
    options.groupHeads = groupHeads;
    options.keyMajor = keyMajor;
    options.peelPartialTiles = peelPartialTiles;
    options.keySplits = keySplits;
    for (AttentionOp op : ops) {
      if (failed(tileAttention(rewriter, op, options))) {
        op.emitError("attn-tile-attention: could not tile this op");
        return signalPassFailure();
      }
    }
  }
};
} // namespace
