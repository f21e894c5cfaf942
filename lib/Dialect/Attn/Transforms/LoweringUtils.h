//===- LoweringUtils.h - helpers shared by the attn lowerings ---*- C++ -*-===//
//
// Part of the attn-mlir project.
//
//===----------------------------------------------------------------------===//

#ifndef ATTN_LIB_DIALECT_ATTN_TRANSFORMS_LOWERINGUTILS_H
#define ATTN_LIB_DIALECT_ATTN_TRANSFORMS_LOWERINGUTILS_H

#include "attn/Dialect/Attn/IR/Attn.h"
#include "mlir/IR/Builders.h"

#include <optional>

namespace mlir {
namespace attn {
namespace lowering {

/// The problem sizes of an attention op as values (constants where static).
struct ProblemValues {
  OpFoldResult batch, queryHeads, kvHeads, queryLen, kvLen, headDim, valueDim;
};

/// Reads the problem sizes of `op` at the builder's insertion point.
ProblemValues getProblemValues(OpBuilder &b, Location loc, AttentionOp op);

/// Static shape of `sizes`: constants stay, everything else is dynamic.
SmallVector<int64_t> getStaticShape(ArrayRef<OpFoldResult> sizes);

/// Extends a scalar to f32 (no-op for f32).
Value extendToF32(OpBuilder &b, Location loc, Value v);

/// Rounds an f32 scalar to `type` (no-op for f32).
Value truncateFromF32(OpBuilder &b, Location loc, Value v, Type type);

/// Indexing map from the logical (b, h, i, j) loop dims to a mask of `type`,
/// aligned at the trailing dims; static size-1 dims read index 0.
AffineMap getMaskBroadcastMap(RankedTensorType type, MLIRContext *ctx);

/// What happens to a raw score between the contraction and the softmax.
struct ScoreModifiers {
  double scale = 1.0;
  std::optional<double> softcap;
  bool boolMask = false;
  bool causal = false;
  int64_t windowLeft = -1, windowRight = -1;
  /// Offset of the diagonal: key j is aligned with query i + delta. Only set
  /// when causal or a window needs it.
  Value delta;
};

/// Collects the modifiers of `op`; creates `delta` at the insertion point.
ScoreModifiers getScoreModifiers(OpBuilder &b, Location loc, AttentionOp op,
                                 const ProblemValues &pv);

/// True when anything but the scale touches the scores.
inline bool hasScoreModifiers(const ScoreModifiers &m, bool hasMask) {
  return m.softcap || hasMask || m.causal || m.windowLeft >= 0 ||
         m.windowRight >= 0 || m.scale != 1.0;
}

/// True when a key can be masked out by structure (causal or window).
inline bool hasStructuralMask(const ScoreModifiers &m) {
  return m.causal || m.windowLeft >= 0 || m.windowRight >= 0;
}

/// Applies scale, softcap, mask, causal and window to the f32 score `s` of
/// query `row` and key `col` (global index values). `maskValue` is the mask
/// element or null. Masked-out scores become -inf.
Value applyScoreModifiers(OpBuilder &b, Location loc,
                          const ScoreModifiers &mods, Value s, Value maskValue,
                          Value row, Value col);

/// exp(s - m), or 0 when m is -inf (every key so far masked). With `fast`,
/// uses fastExp.
Value safeExpDiff(OpBuilder &b, Location loc, Value s, Value m,
                  bool fast = false);

/// exp(x) for f32 from arith/math ops that vectorise (no libm call): range
/// reduction x = n ln2 + r (Cody-Waite, |r| <= ln2/2), a degree-6 polynomial
/// for exp(r) and 2^n built from the exponent bits. Exactly 0 for x < -87
/// (so exp(-inf) = 0); saturates at exp(88). The relative error is measured
/// by test/Integration/CPU/fast-exp.test.
Value fastExp(OpBuilder &b, Location loc, Value x);

/// num / den, or 0 when den is 0 (a fully masked row).
Value safeDivide(OpBuilder &b, Location loc, Value num, Value den);

} // namespace lowering
} // namespace attn
} // namespace mlir

#endif // ATTN_LIB_DIALECT_ATTN_TRANSFORMS_LOWERINGUTILS_H
