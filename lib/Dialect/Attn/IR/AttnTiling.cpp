//===- AttnTiling.cpp - TilingInterface of attn.attention -------*- C++ -*-===//
//
// Part of the attn-mlir project.
//
//===----------------------------------------------------------------------===//
//
// attn.attention as a loop nest (b, h, i, e, j): b, h, i, e parallel, j (the
// key) a reduction that only the online-softmax rewrite may split. A tile is
// again an attn.attention on slices of the operands.
//
//===----------------------------------------------------------------------===//

#include "attn/Dialect/Attn/IR/Attn.h"

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Arith/Utils/Utils.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/IR/IRMapping.h"

using namespace mlir;
using namespace mlir::attn;

namespace {
/// Loop positions in the iteration domain.
enum Loop : unsigned { kBatch = 0, kHead, kRow, kCol, kKey };
} // namespace

SmallVector<utils::IteratorType> AttentionOp::getLoopIteratorTypes() {
  SmallVector<utils::IteratorType> types(4, utils::IteratorType::parallel);
  types.push_back(utils::IteratorType::reduction);
  return types;
}

SmallVector<Range> AttentionOp::getIterationDomain(OpBuilder &b) {
  Location loc = getLoc();
  int64_t s = getSeqDimPos(), h = getHeadDimPos();
  OpFoldResult zero = b.getIndexAttr(0), one = b.getIndexAttr(1);
  auto dim = [&](Value v, int64_t pos) {
    return tensor::getMixedSize(b, loc, v, pos);
  };
  return {Range{zero, dim(getQuery(), 0), one},
          Range{zero, dim(getQuery(), h), one},
          Range{zero, dim(getQuery(), s), one},
          Range{zero, dim(getValue(), 3), one},
          Range{zero, dim(getKey(), s), one}};
}

/// Offsets and sizes of a 4-D operand in the op's layout from logical
/// (batch, head, seq, dim) ranges.
static void toLayout(bool bhsd, OpFoldResult b0, OpFoldResult h0,
                     OpFoldResult s0, OpFoldResult d0, OpFoldResult bs,
                     OpFoldResult hs, OpFoldResult ss, OpFoldResult ds,
                     SmallVector<OpFoldResult> &offsets,
                     SmallVector<OpFoldResult> &sizes) {
  if (bhsd) {
    offsets = {b0, h0, s0, d0};
    sizes = {bs, hs, ss, ds};
  } else {
    offsets = {b0, s0, h0, d0};
    sizes = {bs, ss, hs, ds};
  }
}

LogicalResult AttentionOp::getResultTilePosition(
    OpBuilder &b, unsigned resultNumber, ArrayRef<OpFoldResult> offsets,
    ArrayRef<OpFoldResult> sizes, SmallVector<OpFoldResult> &resultOffsets,
    SmallVector<OpFoldResult> &resultSizes) {
  if (resultNumber != 0)
    return failure();
  toLayout(getLayoutOrDefault() == Layout::bhsd, offsets[kBatch],
           offsets[kHead], offsets[kRow], offsets[kCol], sizes[kBatch],
           sizes[kHead], sizes[kRow], sizes[kCol], resultOffsets,
           resultSizes);
  return success();
}

/// True if `offset`/`size` cover the whole of a dimension of size `full`.
static bool coversWhole(OpFoldResult offset, OpFoldResult size,
                        OpFoldResult full) {
  if (!isZeroInteger(offset))
    return false;
  if (isEqualConstantIntOrValue(size, full))
    return true;
  // A dynamic size: the tiling driver passes the `tensor.dim` of an earlier
  // getIterationDomain call, `full` is a new one of the same operand dim.
  auto a = dyn_cast_if_present<Value>(size), c = dyn_cast_if_present<Value>(full);
  auto dimA = a ? a.getDefiningOp<tensor::DimOp>() : tensor::DimOp();
  auto dimC = c ? c.getDefiningOp<tensor::DimOp>() : tensor::DimOp();
  return dimA && dimC && dimA.getSource() == dimC.getSource() &&
         dimA.getConstantIndex() && dimA.getConstantIndex() == dimC.getConstantIndex();
}

// The refusals below are warnings: upstream's tiling then fails with its own
// error, while fusion (transform.structured.fuse_into_containing_op) falls
// back to cloning the whole op, which is no error.
FailureOr<TilingResult>
AttentionOp::getTiledImplementation(OpBuilder &b,
                                    ArrayRef<OpFoldResult> offsets,
                                    ArrayRef<OpFoldResult> sizes) {
  Location loc = getLoc();
  SmallVector<Range> domain = getIterationDomain(b);
  // Slices of a zero-sized dim (at offset 0) would be out of bounds.
  for (Value operand : getOperands())
    if (auto t = dyn_cast<RankedTensorType>(operand.getType());
        t && llvm::is_contained(t.getShape(), 0))
      return emitWarning() << "cannot tile an attention with a zero-sized "
                              "operand ("
                           << t << "); it computes nothing";
  if (!coversWhole(offsets[kKey], sizes[kKey], domain[kKey].size))
    return emitWarning()
           << "cannot tile the key dimension (a softmax reduction) by "
              "TilingInterface; leave its tile size 0 and use "
              "attn-tile-attention or transform.attn.tile_attention for the "
              "online-softmax split";
  bool structural = getCausalOrDefault() != Causal::none || getWindow();
  if (structural && !coversWhole(offsets[kRow], sizes[kRow], domain[kRow].size))
    return emitWarning()
           << "cannot tile the query dimension of a causal or windowed "
              "attention by TilingInterface (the mask is anchored at the "
              "whole sequence); use attn-tile-attention";

  // Heads and head dims are static by contract, so their tiles must be too:
  // a tile size that does not divide them leaves a partial, dynamic tile.
  if (!getConstantIntValue(sizes[kHead]) || !getConstantIntValue(sizes[kCol]))
    return emitWarning()
           << "head and value-column tile sizes must divide Hq and Dv (head "
              "counts and head dims must stay static)";

  Sizes problem = getSizes();
  int64_t group = problem.queryHeads / problem.kvHeads;
  OpFoldResult kvHead0 = offsets[kHead], kvHeads = sizes[kHead];
  if (group != 1) {
    std::optional<int64_t> headTile = getConstantIntValue(sizes[kHead]);
    if (!headTile || (*headTile != 1 && *headTile % group != 0))
      return emitWarning() << "with grouped-query attention (" << group
                           << " query heads per key/value head) a head tile "
                              "must be 1 or a multiple of "
                           << group;
    AffineExpr d0;
    bindDims(getContext(), d0);
    kvHead0 = affine::makeComposedFoldedAffineApply(b, loc, d0.floorDiv(group),
                                                    {offsets[kHead]});
    kvHeads = b.getIndexAttr(*headTile == 1 ? 1 : *headTile / group);
  }

  bool bhsd = getLayoutOrDefault() == Layout::bhsd;
  OpFoldResult zero = b.getIndexAttr(0);
  auto slice = [&](Value source, ArrayRef<OpFoldResult> offs,
                   ArrayRef<OpFoldResult> szs) -> Value {
    SmallVector<OpFoldResult> strides(offs.size(), b.getIndexAttr(1));
    return tensor::ExtractSliceOp::create(b, loc, source, offs, szs,
                                          strides);
  };
  SmallVector<Operation *> generated;
  SmallVector<OpFoldResult> o, z;
  toLayout(bhsd, offsets[kBatch], offsets[kHead], offsets[kRow], zero,
           sizes[kBatch], sizes[kHead], sizes[kRow],
           b.getIndexAttr(problem.headDim), o, z);
  Value q = slice(getQuery(), o, z);
  OpFoldResult keyLen = domain[kKey].size;
  toLayout(bhsd, offsets[kBatch], kvHead0, zero, zero, sizes[kBatch], kvHeads,
           keyLen, b.getIndexAttr(problem.headDim), o, z);
  Value k = slice(getKey(), o, z);
  toLayout(bhsd, offsets[kBatch], kvHead0, zero, offsets[kCol], sizes[kBatch],
           kvHeads, keyLen, sizes[kCol], o, z);
  Value v = slice(getValue(), o, z);
  toLayout(bhsd, offsets[kBatch], offsets[kHead], offsets[kRow],
           offsets[kCol], sizes[kBatch], sizes[kHead], sizes[kRow],
           sizes[kCol], o, z);
  Value init = slice(getInit(), o, z);

  SmallVector<Value> operands = {q, k, v};
  if (Value mask = getMask()) {
    auto type = cast<RankedTensorType>(mask.getType());
    int64_t rank = type.getRank();
    SmallVector<OpFoldResult> mo, ms;
    for (int64_t d = 0; d < rank; ++d) {
      unsigned logical = 4 - rank + d;
      if (type.getDimSize(d) == 1) {
        mo.push_back(zero);
        ms.push_back(b.getIndexAttr(1));
        continue;
      }
      unsigned loop = logical == 3 ? unsigned(kKey) : logical;
      mo.push_back(loop == kKey ? zero : offsets[loop]);
      ms.push_back(loop == kKey ? tensor::getMixedSize(b, loc, mask, d)
                                : sizes[loop]);
    }
    operands.push_back(slice(mask, mo, ms));
  }
  operands.push_back(init);
  for (Value v : operands)
    generated.push_back(v.getDefiningOp());

  // The default scale depends only on D, which tiling keeps whole; pin it
  // anyway so the tile reads the same number whatever its shape.
  Operation *tiled = mlir::clone(b, getOperation(), {init.getType()},
                                 operands);
  if (!getScale())
    cast<AttentionOp>(tiled).setScaleAttr(
        b.getF32FloatAttr(static_cast<float>(getScaleOrDefault())));
  return TilingResult{{tiled}, {tiled->getResult(0)}, generated};
}

FailureOr<TilingResult> AttentionOp::generateResultTileValue(
    OpBuilder &b, unsigned resultNumber, ArrayRef<OpFoldResult> offsets,
    ArrayRef<OpFoldResult> sizes) {
  if (resultNumber != 0)
    return failure();
  // Result tile (layout order) -> iteration tile, with the key loop whole.
  bool bhsd = getLayoutOrDefault() == Layout::bhsd;
  SmallVector<Range> domain = getIterationDomain(b);
  int64_t s = bhsd ? 2 : 1, h = bhsd ? 1 : 2;
  SmallVector<OpFoldResult> iterOffsets = {offsets[0], offsets[h], offsets[s],
                                           offsets[3], b.getIndexAttr(0)};
  SmallVector<OpFoldResult> iterSizes = {sizes[0], sizes[h], sizes[s],
                                         sizes[3], domain[kKey].size};
  return getTiledImplementation(b, iterOffsets, iterSizes);
}
