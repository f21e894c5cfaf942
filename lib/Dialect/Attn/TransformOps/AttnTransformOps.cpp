//===- AttnTransformOps.cpp - transform ops of the attn dialect -*- C++ -*-===//
//
// Part of the attn-mlir project.
//
//===----------------------------------------------------------------------===//
//
// Thin callers of the functional cores in Transforms.h, so that tile sizes
// and the choice of lowering can be driven from a transform script.
//
//===----------------------------------------------------------------------===//

#include "attn/Dialect/Attn/TransformOps/AttnTransformOps.h"

#include "attn/Dialect/Attn/IR/Attn.h"
#include "attn/Dialect/Attn/Transforms/Transforms.h"
#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlowOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Transform/IR/TransformDialect.h"

using namespace mlir;
using namespace mlir::attn;

#define GET_OP_CLASSES
#include "attn/Dialect/Attn/TransformOps/AttnTransformOps.cpp.inc"

LogicalResult transform::TileAttentionOp::verify() {
  if (getQueryTile() < 0 || getKeyTile() < 0 ||
      getQueryTile() > kMaxTileSize || getKeyTile() > kMaxTileSize)
    return emitOpError() << "tile sizes must be in [0, " << kMaxTileSize
                         << "] (0 = heuristic), got "
                            "query_tile = "
                         << getQueryTile() << ", key_tile = " << getKeyTile();
  return success();
}

DiagnosedSilenceableFailure transform::TileAttentionOp::applyToOne(
    transform::TransformRewriter &rewriter, Operation *target,
    transform::ApplyToEachResultList &results,
    transform::TransformState &state) {
  auto op = dyn_cast<AttentionOp>(target);
  if (!op)
    return emitSilenceableError()
           << "expected an attn.attention payload op, got '"
           << target->getName() << "'";
  TileAttentionOptions options;
  options.queryTile = getQueryTile();
  options.keyTile = getKeyTile();
  FailureOr<TileAttentionResult> result =
      tileAttention(rewriter, op, options);
  if (failed(result))
    return emitDefaultSilenceableFailure(target);
  results.push_back(result->forallOp);
  results.push_back(result->keyLoop);
  return DiagnosedSilenceableFailure::success();
}

DiagnosedSilenceableFailure transform::DecomposeAttentionOp::applyToOne(
    transform::TransformRewriter &rewriter, Operation *target,
    transform::ApplyToEachResultList &results,
    transform::TransformState &state) {
  auto op = dyn_cast<AttentionOp>(target);
  if (!op)
    return emitSilenceableError()
           << "expected an attn.attention payload op, got '"
           << target->getName() << "'";
  FailureOr<Value> result = decomposeAttention(rewriter, op);
  if (failed(result))
    return emitDefaultSilenceableFailure(target);
  results.push_back(result->getDefiningOp());
  return DiagnosedSilenceableFailure::success();
}

namespace {
/// Adds the transform.attn.* ops to the transform dialect.
class AttnTransformDialectExtension
    : public transform::TransformDialectExtension<
          AttnTransformDialectExtension> {
public:
  MLIR_DEFINE_EXPLICIT_INTERNAL_INLINE_TYPE_ID(AttnTransformDialectExtension)

  AttnTransformDialectExtension() {
    declareDependentDialect<AttnDialect>();
    declareGeneratedDialect<affine::AffineDialect>();
    declareGeneratedDialect<arith::ArithDialect>();
    declareGeneratedDialect<cf::ControlFlowDialect>();
    declareGeneratedDialect<linalg::LinalgDialect>();
    declareGeneratedDialect<math::MathDialect>();
    declareGeneratedDialect<scf::SCFDialect>();
    declareGeneratedDialect<tensor::TensorDialect>();
    registerTransformOps<
#define GET_OP_LIST
#include "attn/Dialect/Attn/TransformOps/AttnTransformOps.cpp.inc"
        >();
  }
};
} // namespace

void mlir::attn::registerTransformDialectExtension(DialectRegistry &registry) {
  registry.addExtensions<AttnTransformDialectExtension>();
}
