//===- Attn.cpp - attn dialect and attn.attention ---------------*- C++ -*-===//
//
// Part of the attn-mlir project.
//
//===----------------------------------------------------------------------===//

#include "attn/Dialect/Attn/IR/Attn.h"

#include "mlir/Dialect/Utils/StructuredOpsUtils.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/DialectImplementation.h"
#include "mlir/IR/TypeUtilities.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/TypeSwitch.h"
#include "llvm/Support/CheckedArithmetic.h"

#include <cmath>

using namespace mlir;
using namespace mlir::attn;

#include "attn/Dialect/Attn/IR/AttnDialect.cpp.inc"
#include "attn/Dialect/Attn/IR/AttnEnums.cpp.inc"

void AttnDialect::initialize() {
  addOperations<
#define GET_OP_LIST
#include "attn/Dialect/Attn/IR/AttnOps.cpp.inc"
      >();
}

#define GET_OP_CLASSES
#include "attn/Dialect/Attn/IR/AttnOps.cpp.inc"

//===----------------------------------------------------------------------===//
// Helpers
//===----------------------------------------------------------------------===//

bool mlir::attn::isBroadcastableTo(ArrayRef<int64_t> maskShape,
                                   ArrayRef<int64_t> target) {
  if (maskShape.size() > target.size())
    return false;
  size_t offset = target.size() - maskShape.size();
  for (auto [i, size] : llvm::enumerate(maskShape)) {
    int64_t want = target[offset + i];
    if (size == 1 || ShapedType::isDynamic(size) || ShapedType::isDynamic(want))
      continue;
    if (size != want)
      return false;
  }
  return true;
}

/// Formats a shape as `AxBx?` for diagnostics.
static std::string formatShape(ArrayRef<int64_t> shape) {
  std::string s;
  llvm::raw_string_ostream os(s);
  llvm::interleave(
      shape, os,
      [&](int64_t d) {
        if (ShapedType::isDynamic(d))
          os << "?";
        else
          os << d;
      },
      "x");
  return s;
}

/// Formats one size for diagnostics.
static std::string formatSize(int64_t d) {
  return ShapedType::isDynamic(d) ? std::string("?") : std::to_string(d);
}

static bool isSupportedElementType(Type t) {
  return t.isF32() || t.isF16() || t.isBF16();
}

//===----------------------------------------------------------------------===//
// AttentionOp
//===----------------------------------------------------------------------===//

AttentionOp::Sizes AttentionOp::getSizes() {
  int64_t s = getSeqDimPos(), h = getHeadDimPos();
  auto q = cast<RankedTensorType>(getQuery().getType()).getShape();
  auto k = cast<RankedTensorType>(getKey().getType()).getShape();
  auto v = cast<RankedTensorType>(getValue().getType()).getShape();
  return Sizes{q[0], q[h], k[h], q[s], k[s], q[3], v[3]};
}

double AttentionOp::getScaleOrDefault() {
  if (std::optional<APFloat> scale = getScale())
    return scale->convertToDouble();
  int64_t d = getSizes().headDim;
  return 1.0 / std::sqrt(static_cast<double>(d));
}

LogicalResult AttentionOp::verify() {
  Layout layout = getLayoutOrDefault();
  StringRef layoutName = stringifyLayout(layout);
  bool bhsd = layout == Layout::bhsd;
  const char *qForm = bhsd ? "[B, Hq, Sq, D]" : "[B, Sq, Hq, D]";
  const char *kForm = bhsd ? "[B, Hkv, Skv, D]" : "[B, Skv, Hkv, D]";
  const char *vForm = bhsd ? "[B, Hkv, Skv, Dv]" : "[B, Skv, Hkv, Dv]";
  const char *oForm = bhsd ? "[B, Hq, Sq, Dv]" : "[B, Sq, Hq, Dv]";

  struct Named {
    StringRef name;
    Value value;
    const char *form;
  };
  Named operands[] = {{"query", getQuery(), qForm},
                      {"key", getKey(), kForm},
                      {"value", getValue(), vForm},
                      {"init", getInit(), oForm}};
  for (const Named &n : operands) {
    auto type = cast<RankedTensorType>(n.value.getType());
    if (type.getRank() != 4)
      return emitOpError() << "operand '" << n.name << "' must have rank 4 ("
                           << n.form << " for layout " << layoutName
                           << "), but has rank " << type.getRank() << " ("
                           << type << ")";
  }
  // Offsets into an operand are 64-bit byte offsets: a static shape with
  // more elements than that can address (Sq = 2^62) would wrap them.
  for (Value v : getOperands())
    if (auto t = dyn_cast<RankedTensorType>(v.getType())) {
      std::optional<int64_t> bytes = 8;
      for (int64_t size : t.getShape())
        if (!ShapedType::isDynamic(size) && bytes)
          bytes = llvm::checkedMul(*bytes, size);
      if (!bytes)
        return emitOpError() << "operand of type " << t
                             << " has more elements than 64-bit byte "
                                "offsets can address";
    }
  // The lowerings index every operand as a dense row-major tensor: an
  // encoding (sparse, say) would be read as if it were none.
  for (Value v : getOperands())
    if (auto t = dyn_cast<RankedTensorType>(v.getType()); t && t.getEncoding())
      return emitOpError() << "operands must be tensors without an encoding, "
                              "but one has type "
                           << t;
  if (getInit().getType() != getResult().getType())
    return emitOpError() << "result type " << getResult().getType()
                         << " must match the type of 'init' "
                         << getInit().getType();

  Type qElt = getElementTypeOrSelf(getQuery());
  if (!isSupportedElementType(qElt))
    return emitOpError() << "operand 'query' has element type " << qElt
                         << ", but only f32, f16 and bf16 are supported";
  for (const Named &n : ArrayRef(operands).slice(1)) {
    Type elt = getElementTypeOrSelf(n.value);
    if (elt != qElt)
      return emitOpError() << "operand '" << n.name << "' has element type "
                           << elt << ", but 'query' has " << qElt
                           << " (query, key, value and init must share one "
                              "element type)";
  }

  int64_t s = getSeqDimPos(), h = getHeadDimPos();
  auto q = cast<RankedTensorType>(getQuery().getType()).getShape();
  auto k = cast<RankedTensorType>(getKey().getType()).getShape();
  auto v = cast<RankedTensorType>(getValue().getType()).getShape();
  auto o = cast<RankedTensorType>(getInit().getType()).getShape();

  // Static-size requirements of the op.
  auto requireStatic = [&](StringRef name, ArrayRef<int64_t> shape,
                           int64_t pos, StringRef what) -> LogicalResult {
    if (ShapedType::isDynamic(shape[pos]))
      return emitOpError() << "operand '" << name << "' has a dynamic "
                           << what << " (dimension " << pos << " of "
                           << formatShape(shape)
                           << "); head counts and head dims must be static";
    return success();
  };
  if (failed(requireStatic("query", q, h, "head count")) ||
      failed(requireStatic("key", k, h, "head count")) ||
      failed(requireStatic("value", v, h, "head count")) ||
      failed(requireStatic("init", o, h, "head count")) ||
      failed(requireStatic("query", q, 3, "head dim")) ||
      failed(requireStatic("key", k, 3, "head dim")) ||
      failed(requireStatic("value", v, 3, "head dim")) ||
      failed(requireStatic("init", o, 3, "head dim")))
    return failure();

  auto mismatch = [&](StringRef what, StringRef a, ArrayRef<int64_t> sa,
                      int64_t da, StringRef b, ArrayRef<int64_t> sb,
                      int64_t db) {
    return emitOpError() << what << " mismatch: '" << a << "' has "
                         << formatSize(sa[da]) << " (dimension " << da
                         << " of " << formatShape(sa) << ") but '" << b
                         << "' has " << formatSize(sb[db]) << " (dimension "
                         << db << " of " << formatShape(sb) << ")";
  };
  // Every size is shared by several operands: merge the static ones so that
  // a dynamic size on one operand does not hide a conflict between two
  // others.
  struct Use {
    StringRef name;
    ArrayRef<int64_t> shape;
    int64_t pos;
  };
  auto merge = [&](StringRef what, ArrayRef<Use> uses,
                   int64_t &merged) -> LogicalResult {
    merged = ShapedType::kDynamic;
    const Use *first = nullptr;
    for (const Use &u : uses) {
      int64_t size = u.shape[u.pos];
      if (ShapedType::isDynamic(size))
        continue;
      if (!first) {
        first = &u;
        merged = size;
        continue;
      }
      if (size != merged)
        return mismatch(what, first->name, first->shape, first->pos, u.name,
                        u.shape, u.pos);
    }
    return success();
  };
  int64_t batch, queryLen, kvLen;
  if (failed(merge("batch size",
                   {{"query", q, 0}, {"key", k, 0}, {"value", v, 0},
                    {"init", o, 0}},
                   batch)))
    return failure();
  if (k[h] != v[h])
    return mismatch("key/value head count", "key", k, h, "value", v, h);
  if (q[h] != o[h])
    return mismatch("query head count", "query", q, h, "init", o, h);
  if (q[3] != k[3])
    return mismatch("head dim D", "query", q, 3, "key", k, 3);
  if (v[3] != o[3])
    return mismatch("value head dim Dv", "value", v, 3, "init", o, 3);
  if (failed(merge("query length Sq", {{"query", q, s}, {"init", o, s}},
                   queryLen)) ||
      failed(merge("key length Skv", {{"key", k, s}, {"value", v, s}},
                   kvLen)))
    return failure();
  if (k[h] <= 0 || q[h] <= 0)
    return emitOpError() << "head counts must be positive, but 'query' has "
                         << q[h] << " and 'key' has " << k[h];
  if (q[h] % k[h] != 0)
    return emitOpError() << "query head count Hq = " << q[h]
                         << " must be a multiple of the key/value head count "
                            "Hkv = "
                         << k[h] << " ('query' " << formatShape(q)
                         << ", 'key' " << formatShape(k) << ")";
  if (q[3] <= 0)
    return emitOpError() << "head dim D must be positive, but is " << q[3];
  if (v[3] <= 0)
    return emitOpError() << "value head dim Dv must be positive, but is "
                         << v[3];

  if (Value mask = getMask()) {
    auto maskType = cast<RankedTensorType>(mask.getType());
    Type elt = maskType.getElementType();
    if (!elt.isInteger(1) && !isa<FloatType>(elt))
      return emitOpError() << "operand 'mask' has element type " << elt
                           << ", but must be i1 (true = attend) or a float "
                              "type (added to the scores)";
    if (auto ft = dyn_cast<FloatType>(elt); ft && !isSupportedElementType(ft))
      return emitOpError() << "operand 'mask' has element type " << elt
                           << ", but float masks must be f32, f16 or bf16";
    SmallVector<int64_t> logical = {batch, q[h], queryLen, kvLen};
    if (maskType.getRank() > 4)
      return emitOpError() << "operand 'mask' has rank "
                           << maskType.getRank()
                           << ", but a mask has at most 4 dimensions ([B, "
                              "Hq, Sq, Skv])";
    if (!isBroadcastableTo(maskType.getShape(), logical))
      return emitOpError() << "operand 'mask' of shape "
                           << formatShape(maskType.getShape())
                           << " does not broadcast to [B, Hq, Sq, Skv] = "
                           << formatShape(logical);
  }

  if (std::optional<APFloat> scale = getScale()) {
    double value = scale->convertToDouble();
    if (!std::isfinite(value) || value == 0.0)
      return emitOpError() << "scale must be finite and non-zero, but is "
                           << value;
  }
  if (std::optional<APFloat> softcap = getSoftcap()) {
    double value = softcap->convertToDouble();
    if (!std::isfinite(value) || value <= 0.0)
      return emitOpError() << "softcap must be finite and positive, but is "
                           << value;
  }
  if (std::optional<ArrayRef<int64_t>> window = getWindow()) {
    if (window->size() != 2)
      return emitOpError() << "window must have 2 elements [left, right], "
                              "but has "
                           << window->size();
    if ((*window)[0] < -1 || (*window)[1] < -1)
      return emitOpError() << "window bounds must be >= 0, or -1 for "
                              "unbounded, but are ["
                           << (*window)[0] << ", " << (*window)[1] << "]";
  }
  return success();
}

LogicalResult AttentionOp::reifyResultShapes(
    OpBuilder &b, ReifiedRankedShapedTypeDims &reifiedReturnShapes) {
  SmallVector<OpFoldResult> shape =
      tensor::getMixedSizes(b, getLoc(), getInit());
  reifiedReturnShapes.emplace_back(std::move(shape));
  return success();
}
