//===- VectorizeTiles.cpp - vectorise the flash tiles for the CPU -*- C++ -*-===//
//
// Part of the attn-mlir project.
//
//===----------------------------------------------------------------------===//
//
// After attn-tile-attention every linalg op inside the flash loop nest works
// on one tile. When a tile is statically shaped (Sq and Skv multiples of the
// tile sizes), this pass turns it into vector code:
//
// - the two contractions (S = Q . K^T over (i, d, j), acc += P . V over
//   (i, j, e), both with the contiguous dimension innermost) are first tiled
//   into register blocks of `row-block` rows by `vector-width` columns, so
//   that each block is one vector.contract whose accumulator stays in
//   registers across the whole reduction (lowered to outer products: one
//   vector load and `row-block` broadcast FMAs per reduction step);
// - the K-tile transpose is split into vector-width square blocks, each
//   transposed in registers;
// - the row max and row sum of a score tile are vectorised a vector-width
//   of rows at a time;
// - the other tile ops (fills, scale/mask, exp, max, sums) stay loops with
//   their contiguous dimension innermost, for LLVM's loop vectoriser.
//
// Dynamically shaped tiles (the last partial tile of odd sizes) are left to
// the scalar loops.
//
//===----------------------------------------------------------------------===//

#include "attn/Dialect/Attn/Transforms/Passes.h"

#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Linalg/Transforms/Transforms.h"
#include "mlir/Dialect/SCF/Transforms/TileUsingInterface.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Tensor/Transforms/Transforms.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/Dialect/Vector/Transforms/LoweringPatterns.h"
#include "mlir/Dialect/Vector/Transforms/VectorRewritePatterns.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

#define DEBUG_TYPE "attn-vectorize-tiles"

namespace mlir {
namespace attn {
#define GEN_PASS_DEF_ATTNVECTORIZETILES
#include "attn/Dialect/Attn/Transforms/Passes.h.inc"
} // namespace attn
} // namespace mlir

using namespace mlir;

namespace {
/// True if every operand and result of `op` is statically shaped.
static bool isStatic(linalg::LinalgOp op) {
  auto isStaticType = [](Type t) {
    auto shaped = dyn_cast<ShapedType>(t);
    return !shaped || shaped.hasStaticShape();
  };
  return llvm::all_of(op->getOperandTypes(), isStaticType) &&
         llvm::all_of(op->getResultTypes(), isStaticType);
}

/// True for the K-tile transpose: two parallel loops, one input read through
/// (d1, d0), an identity output.
static bool isTileTranspose(linalg::GenericOp op) {
  if (op.getNumLoops() != 2 || op.getNumDpsInputs() != 1 ||
      op.getNumDpsInits() != 1 || op.getNumReductionLoops() != 0)
    return false;
  SmallVector<AffineMap> maps = op.getIndexingMapsArray();
  MLIRContext *ctx = op.getContext();
  AffineExpr d0, d1;
  bindDims(ctx, d0, d1);
  return maps[0] == AffineMap::get(2, 0, {d1, d0}, ctx) &&
         maps[1].isIdentity();
}

/// True for the row reductions (max, sum) of a score tile: loops
/// (parallel, reduction), an identity input and an output indexed by rows.
static bool isTileRowReduction(linalg::GenericOp op) {
  auto iters = op.getIteratorTypesArray();
  if (iters.size() != 2 || iters[0] != utils::IteratorType::parallel ||
      iters[1] != utils::IteratorType::reduction ||
      op.getNumDpsInputs() != 1 || op.getNumDpsInits() != 1)
    return false;
  SmallVector<AffineMap> maps = op.getIndexingMapsArray();
  return maps[0].isIdentity() &&
         maps[1] == AffineMap::get(2, 0, {getAffineDimExpr(0, op.getContext())},
                                   op.getContext());
}

/// True for the flash contractions: three loops (parallel, reduction,
/// parallel) with a multiply-add body.
static bool isTileContraction(linalg::GenericOp op) {
  auto iters = op.getIteratorTypesArray();
  return iters.size() == 3 && iters[0] == utils::IteratorType::parallel &&
         iters[1] == utils::IteratorType::reduction &&
         iters[2] == utils::IteratorType::parallel &&
         op.getNumDpsInputs() == 2 && op.getNumDpsInits() == 1;
}

struct AttnVectorizeTilesPass
    : attn::impl::AttnVectorizeTilesBase<AttnVectorizeTilesPass> {
  using Base::Base;

  void runOnOperation() override {
    IRRewriter rewriter(&getContext());
    // Only tiles of the flash loop nest: ops nested in an scf.forall.
    SmallVector<linalg::LinalgOp> candidates;
    getOperation()->walk([&](linalg::LinalgOp op) {
      if (op->getParentOfType<scf::ForallOp>() && isStatic(op) &&
          op.hasPureTensorSemantics())
        candidates.push_back(op);
    });

    // Tiles `generic` by `sizes` (0: whole dimension) and queues the tiles
    // for vectorisation.
    SmallVector<Operation *> toVectorize;
    auto tileAndQueue = [&](linalg::GenericOp generic,
                            ArrayRef<int64_t> sizes) {
      scf::SCFTilingOptions options;
      options.setTileSizes(llvm::map_to_vector(
          sizes, [&](int64_t t) -> OpFoldResult {
            return rewriter.getIndexAttr(t);
          }));
      rewriter.setInsertionPoint(generic);
      FailureOr<scf::SCFTilingResult> tiled = scf::tileUsingSCF(
          rewriter, cast<TilingInterface>(generic.getOperation()), options);
      if (failed(tiled))
        return; // Stays a loop nest.
      rewriter.replaceOp(generic, tiled->replacements);
      toVectorize.append(tiled->tiledOps.begin(), tiled->tiledOps.end());
    };
    for (linalg::LinalgOp op : candidates) {
      auto generic = dyn_cast<linalg::GenericOp>(op.getOperation());
      if (!generic)
        continue;
      SmallVector<int64_t> bounds = op.getStaticLoopRanges();
      if (isTileRowReduction(generic) && bounds[0] % vectorWidth == 0) {
        // vectorWidth rows at a time: the reduction over the keys becomes
        // element-wise max/add of vectorWidth-lane vectors (inner-parallel
        // lowering), instead of a scalar loop through memory.
        tileAndQueue(generic, {vectorWidth, 0});
      } else if (isTileTranspose(generic) && bounds[0] % vectorWidth == 0 &&
                 bounds[1] % vectorWidth == 0) {
        // vectorWidth x vectorWidth blocks, transposed in registers.
        tileAndQueue(generic, {vectorWidth, vectorWidth});
      } else if (isTileContraction(generic) && bounds[0] % rowBlock == 0 &&
                 bounds[2] % vectorWidth == 0) {
        // rowBlock x vectorWidth register blocks over the whole reduction.
        tileAndQueue(generic, {rowBlock, 0, vectorWidth});
      }
      // The element-wise tile ops stay loops, which LLVM vectorises along
      // their contiguous innermost dimension; vectorising them whole here
      // would create tile-sized vectors (thousands of lanes) that only
      // unrolling could bring back to register size.
    }

    for (Operation *op : toVectorize) {
      auto linalgOp = dyn_cast<linalg::LinalgOp>(op);
      if (!linalgOp || !isStatic(linalgOp))
        continue;
      rewriter.setInsertionPoint(op);
      FailureOr<linalg::VectorizationResult> result =
          linalg::vectorize(rewriter, op);
      if (failed(result))
        continue; // Left to the scalar loops.
      rewriter.replaceOp(op, result->replacements);
    }

    RewritePatternSet patterns(&getContext());
    // Transfers that broadcast become a plain read and a vector.broadcast,
    // which the contract patterns then fold into the contraction's maps.
    vector::populateVectorTransferPermutationMapLoweringPatterns(patterns);
    vector::populateVectorReductionToContractPatterns(patterns);
    vector::populateSinkVectorOpsPatterns(patterns);
    vector::TransferReadOp::getCanonicalizationPatterns(patterns,
                                                        &getContext());
    vector::TransferWriteOp::getCanonicalizationPatterns(patterns,
                                                         &getContext());
    tensor::populateFoldTensorSubsetIntoVectorTransferPatterns(patterns);
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      return signalPassFailure();
  }
};
} // namespace
