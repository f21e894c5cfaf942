//===- VectorizeTiles.cpp - vectorise the flash tiles for the CPU -*- C++ -*-===//
//
// Part of the attn-mlir project.
//
//===----------------------------------------------------------------------===//
//
// After attn-tile-attention every linalg op inside the flash loop nest (an
// scf.forall, or, when that forall had one iteration and canonicalize folded
// it, the ops marked attn.flash_tile) works on one tile. When a tile is
// statically shaped (every tile of a sequence at least one tile long, see
// FlashLowering.md), this pass turns it into vector code:
//
// - the two contractions (both with the contiguous dimension innermost:
//   S^T = K . Q^T over (j, d, i) and acc += P . V over (i, j, e) in the
//   key-major layout of attn-cpu-pipeline, S = Q . K^T over (i, d, j) in the
//   default one) are tiled into register blocks of `row-block` rows by
//   `col-block` columns (a few vectors wide), each with an inner loop over
//   the reduction in steps of `reduction-step`: one vector.contract per
//   step, lowered to outer products (per reduction element: the block's
//   column vectors loaded once, one broadcast per row, row-block x vectors
//   FMAs), with the block's accumulator hoisted out of the loop into a
//   loop-carried vector, i.e. into registers;
// - a contraction whose accumulator starts as a fill (the score tile's
//   zeros) starts each block from that constant instead of reading a filled
//   copy of the tile per key step;
// - the transposes (K tile, or the Q tile in the key-major layout) are split
//   into vector-width square blocks, each transposed in registers;
// - the row max and row sum of a score tile are vectorised a vector-width of
//   rows at a time; down the key rows of a key-major tile they become
//   several independent chains of element-wise ops (max as compare +
//   select);
// - the other tile ops (fills, scale/mask, exp, sums) stay loops with their
//   contiguous dimension innermost, for LLVM's loop vectoriser.
//
// Dynamically shaped tiles (left by attn-tile-attention only for sequences
// shorter than one tile) stay scalar loops.
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
#include "mlir/Transforms/LoopInvariantCodeMotionUtils.h"

#define DEBUG_TYPE "attn-vectorize-tiles"

namespace mlir {
namespace attn {
#define GEN_PASS_DEF_ATTNVECTORIZETILES
#include "attn/Dialect/Attn/Transforms/Passes.h.inc"
} // namespace attn
} // namespace mlir

using namespace mlir;

namespace {
/// Tiles with a longer dim are left to the loop lowering: the vector code
/// grows with the tile (a 4096-key tile took 37 s to compile, 16384 keys
/// minutes), and such tiles are far beyond the defaults.
constexpr int64_t kMaxVectorizedDim = 1024;

/// True if every operand and result of `op` is statically shaped, no dim
/// longer than kMaxVectorizedDim nor empty (an op with a zero-sized loop
/// does nothing; upstream tiling crashes on a zero-sized untiled loop).
static bool isStatic(linalg::LinalgOp op) {
  auto isStaticType = [](Type t) {
    auto shaped = dyn_cast<ShapedType>(t);
    return !shaped || (shaped.hasStaticShape() &&
                       llvm::all_of(shaped.getShape(), [](int64_t size) {
                         return size > 0 && size <= kMaxVectorizedDim;
                       }));
  };
  return llvm::all_of(op->getOperandTypes(), isStaticType) &&
         llvm::all_of(op->getResultTypes(), isStaticType);
}

/// True for a tile transpose (the K tile, or the Q tile in the key-major
/// layout): two parallel loops, one input read through
/// (d1, d0), an identity output.
static bool isTileTranspose(linalg::GenericOp op) {
  if (op.getNumLoops() != 2 || op.getNumDpsInputs() != 1 ||
      op.getNumDpsInits() != 1 || op.getNumReductionLoops() != 0)
    return false;
  SmallVector<AffineMap> maps = op.getIndexingMapsArray();
  MLIRContext *ctx = op.getContext();
  AffineExpr d0, d1;
  bindDims(ctx, d0, d1);
  // Only 32-bit inputs: the 16 x 16 register transposes are lowered with
  // 32-bit lane shuffles (shuffle16x16), which miscompile narrower elements
  // (e.g. an i1 or f16 mask tile read transposed in the key-major layout).
  Type in = getElementTypeOrSelf(op.getDpsInputOperand(0)->get().getType());
  return maps[0] == AffineMap::get(2, 0, {d1, d0}, ctx) &&
         maps[1].isIdentity() && in.isIntOrFloat() &&
         in.getIntOrFloatBitWidth() == 32;
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

/// True for the reductions over the keys of a key-major score tile: loops
/// (reduction, parallel), an identity input and an output indexed by the
/// columns (the query rows).
static bool isTileColumnReduction(linalg::GenericOp op) {
  auto iters = op.getIteratorTypesArray();
  if (iters.size() != 2 || iters[0] != utils::IteratorType::reduction ||
      iters[1] != utils::IteratorType::parallel ||
      op.getNumDpsInputs() != 1 || op.getNumDpsInits() != 1)
    return false;
  SmallVector<AffineMap> maps = op.getIndexingMapsArray();
  return maps[0].isIdentity() &&
         maps[1] == AffineMap::get(2, 0, {getAffineDimExpr(1, op.getContext())},
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

/// Rewrites the reduction down the rows of a 2-D vector (the key rows of a
/// key-major score tile: max or sum per query row) into `kChains`
/// independent chains of element-wise ops, combined at the end, instead of
/// one chain as long as the tile (whose latency, not its throughput, would
/// bound it). The max is a compare and select (one vmaxps on x86; NaN scores
/// are not propagated by it) rather than arith.maximumf, whose NaN and
/// signed-zero semantics cost several instructions per element.
static void splitColumnReduction(RewriterBase &rewriter,
                                 vector::MultiDimReductionOp red) {
  constexpr int64_t kChains = 4;
  VectorType srcType = red.getSourceVectorType();
  if (srcType.getRank() != 2 || red.getReductionDims().size() != 1 ||
      red.getReductionDims()[0] != 0)
    return;
  vector::CombiningKind kind = red.getKind();
  if (kind != vector::CombiningKind::MAXIMUMF &&
      kind != vector::CombiningKind::ADD)
    return;
  if (!isa<FloatType>(srcType.getElementType()))
    return;
  Location loc = red.getLoc();
  rewriter.setInsertionPoint(red);
  auto combine = [&](Value a, Value b) -> Value {
    if (kind == vector::CombiningKind::ADD)
      return arith::AddFOp::create(rewriter, loc, a, b);
    Value gt =
        arith::CmpFOp::create(rewriter, loc, arith::CmpFPredicate::OGT, a, b);
    return arith::SelectOp::create(rewriter, loc, gt, a, b);
  };
  int64_t rows = srcType.getDimSize(0);
  SmallVector<Value> chains;
  for (int64_t k = 0; k < rows; ++k) {
    Value row = vector::ExtractOp::create(rewriter, loc, red.getSource(),
                                          ArrayRef<int64_t>{k});
    if (k < kChains)
      chains.push_back(row);
    else
      chains[k % kChains] = combine(row, chains[k % kChains]);
  }
  while (chains.size() > 1) {
    SmallVector<Value> next;
    for (size_t i = 0; i + 1 < chains.size(); i += 2)
      next.push_back(combine(chains[i], chains[i + 1]));
    if (chains.size() % 2)
      next.push_back(chains.back());
    chains = std::move(next);
  }
  rewriter.replaceOp(red, combine(chains.front(), red.getAcc()));
}

struct AttnVectorizeTilesPass
    : attn::impl::AttnVectorizeTilesBase<AttnVectorizeTilesPass> {
  using Base::Base;

  void runOnOperation() override {
    // Register-block shapes: positive and small (they become unrolled
    // vector code); reduction-step 0 means fully unrolled.
    constexpr int64_t kMaxBlock = 1024;
    auto bad = [&](StringRef name, int64_t v, int64_t lo) {
      if (v >= lo && v <= kMaxBlock)
        return false;
      mlir::emitError(getOperation()->getLoc())
          << "attn-vectorize-tiles: " << name << " must be in [" << lo
          << ", " << kMaxBlock << "], got " << v;
      return true;
    };
    if (bad("row-block", rowBlock, 1) || bad("vector-width", vectorWidth, 1) ||
        bad("col-block", colBlock, 1) ||
        bad("reduction-step", reductionStep, 0))
      return signalPassFailure();
    IRRewriter rewriter(&getContext());
    // Only tiles of the flash loop nest: ops nested in an scf.forall, or
    // marked as its tiles when the forall had one iteration (and was folded).
    SmallVector<linalg::LinalgOp> candidates;
    getOperation()->walk([&](linalg::LinalgOp op) {
      if ((op->getParentOfType<scf::ForallOp>() ||
           op->hasAttr(attn::kFlashTileAttrName)) &&
          isStatic(op) && op.hasPureTensorSemantics())
        candidates.push_back(op);
    });
    // The reductions this pass creates are split below; others are left.
    llvm::DenseSet<Operation *> earlierReductions;
    getOperation()->walk([&](vector::MultiDimReductionOp red) {
      earlierReductions.insert(red);
    });

    // Tiles `generic` by `sizes` (0: whole dimension) and queues the tiles
    // for vectorisation.
    SmallVector<Operation *> toVectorize;
    scf::SCFTilingResult lastTiling;
    SmallVector<scf::ForOp> reductionLoops;
    auto tileAndQueue = [&](linalg::GenericOp generic, ArrayRef<int64_t> sizes,
                            ArrayRef<int64_t> interchange = {})
        -> scf::SCFTilingResult * {
      scf::SCFTilingOptions options;
      if (!interchange.empty())
        options.setInterchange(interchange);
      options.setTileSizes(llvm::map_to_vector(
          sizes, [&](int64_t t) -> OpFoldResult {
            return rewriter.getIndexAttr(t);
          }));
      rewriter.setInsertionPoint(generic);
      FailureOr<scf::SCFTilingResult> tiled = scf::tileUsingSCF(
          rewriter, cast<TilingInterface>(generic.getOperation()), options);
      if (failed(tiled))
        return nullptr; // Stays a loop nest.
      rewriter.replaceOp(generic, tiled->replacements);
      toVectorize.append(tiled->tiledOps.begin(), tiled->tiledOps.end());
      lastTiling = std::move(*tiled);
      return &lastTiling;
    };
    // Tiles one flash contraction (rows a multiple of `rowBlock` or fewer;
    // columns a multiple of `vectorWidth` or fewer) into register blocks
    // and queues them for vectorisation.
    auto blockContraction = [&](linalg::GenericOp generic) {
      SmallVector<int64_t> bounds =
          cast<linalg::LinalgOp>(generic.getOperation()).getStaticLoopRanges();
      if (!(bounds[0] % rowBlock == 0 ||
            (bounds[0] > 0 && bounds[0] < rowBlock)) ||
          !(bounds[2] % vectorWidth == 0 ||
            (bounds[2] > 0 && bounds[2] < vectorWidth)))
        return;
      // Fewer rows than a block (decoding: one row per query head of a
      // K/V head group): one block of all the rows.
      int64_t rows = std::min<int64_t>(rowBlock, bounds[0]);
      // rowBlock x cols register blocks over the whole reduction (cols: a
      // few vectors wide, so that each broadcast feeds several FMAs; all
      // the columns of a part narrower than a vector).
      int64_t cols = colBlock > 0 && bounds[2] % colBlock == 0
                         ? colBlock
                         : std::min<int64_t>(vectorWidth, bounds[2]);
      // The reduction is split into steps of `reductionStep` (innermost
      // loop; the block's accumulator is hoisted out of it into registers
      // below), so that each loop body is a few hundred FMAs rather than
      // the whole reduction unrolled: a smaller basic block that the
      // back end schedules without spilling.
      int64_t step = reductionStep > 0 && bounds[1] > reductionStep &&
                             bounds[1] % reductionStep == 0
                         ? reductionStep
                         : 0;
      auto fill = generic.getDpsInits()[0].getDefiningOp<linalg::FillOp>();
      scf::SCFTilingResult *tiled =
          step ? tileAndQueue(generic, {rows, step, cols}, {0, 2, 1})
               : tileAndQueue(generic, {rows, 0, cols});
      if (!tiled || tiled->loops.empty() || tiled->tiledOps.size() != 1)
        return;
      Operation *block = tiled->tiledOps.front();
      auto outer = dyn_cast<scf::ForOp>(tiled->loops.front().getOperation());
      auto innermost = dyn_cast<scf::ForOp>(tiled->loops.back().getOperation());
      if (step && innermost)
        reductionLoops.push_back(innermost);
      if (!fill || !outer || outer.getInitArgs().size() != 1)
        return;
      // The accumulator starts as a constant (the score tile's zeros):
      // fill each register block instead, so that the vectorised block
      // starts from a constant vector, and let the loops start from the
      // unfilled tensor (the blocks overwrite every element) rather than
      // from a filled copy of it per key step.
      auto blockOp = cast<linalg::LinalgOp>(block);
      OpOperand *init = blockOp.getDpsInitOperand(0);
      if (!step) {
        rewriter.setInsertionPoint(block);
        auto blockFill = linalg::FillOp::create(
            rewriter, block->getLoc(), fill.getInputs()[0], init->get());
        rewriter.modifyOpInPlace(block,
                                 [&] { init->set(blockFill.getResult(0)); });
        toVectorize.push_back(blockFill);
      } else {
        // The block is filled once before its reduction loop.
        auto slice = init->get().getDefiningOp<tensor::ExtractSliceOp>();
        if (!innermost || innermost.getInitArgs().size() != 1 || !slice ||
            slice.getSource() != innermost.getRegionIterArgs()[0])
          return;
        rewriter.setInsertionPoint(innermost);
        Value dest = innermost.getInitArgs()[0];
        Location l = block->getLoc();
        auto destSlice = tensor::ExtractSliceOp::create(
            rewriter, l, slice.getType(), dest, slice.getMixedOffsets(),
            slice.getMixedSizes(), slice.getMixedStrides());
        auto blockFill = linalg::FillOp::create(
            rewriter, l, fill.getInputs()[0], destSlice.getResult());
        auto filledDest = tensor::InsertSliceOp::create(
            rewriter, l, blockFill.getResult(0), dest, slice.getMixedOffsets(),
            slice.getMixedSizes(), slice.getMixedStrides());
        rewriter.modifyOpInPlace(innermost, [&] {
          innermost.getInitArgsMutable()[0].set(filledDest.getResult());
        });
        toVectorize.push_back(blockFill);
      }
      rewriter.modifyOpInPlace(outer, [&] {
        outer.getInitArgsMutable()[0].set(fill.getOutputs()[0]);
      });
    };
    // Splits `generic` along each (dim, unit) where the dim is no multiple
    // of the unit (and larger): the first part is, the second is narrower
    // than a unit.
    auto splitForBlocks = [&](linalg::GenericOp generic,
                              ArrayRef<std::pair<unsigned, int64_t>> dimUnits) {
      SmallVector<linalg::GenericOp> parts = {generic};
      for (auto [dim, unit] : dimUnits) {
        SmallVector<linalg::GenericOp> next;
        for (linalg::GenericOp part : parts) {
          int64_t size = cast<linalg::LinalgOp>(part.getOperation())
                             .getStaticLoopRanges()[dim];
          if (size <= unit || size % unit == 0) {
            next.push_back(part);
            continue;
          }
          rewriter.setInsertionPoint(part);
          auto [first, second] = linalg::splitOp(
              rewriter, cast<TilingInterface>(part.getOperation()), dim,
              rewriter.getIndexAttr(size / unit * unit));
          for (TilingInterface half : {first, second})
            if (auto g = dyn_cast_if_present<linalg::GenericOp>(
                    half ? half.getOperation() : nullptr))
              next.push_back(g);
        }
        parts = std::move(next);
      }
      return parts;
    };
    for (linalg::LinalgOp op : candidates) {
      auto generic = dyn_cast<linalg::GenericOp>(op.getOperation());
      if (!generic)
        continue;
      SmallVector<int64_t> bounds = op.getStaticLoopRanges();
      if (isTileColumnReduction(generic) && bounds[1] % vectorWidth == 0) {
        // vectorWidth columns at a time: the reduction down the key rows is
        // element-wise max/add of vectorWidth-lane vectors, no transpose.
        tileAndQueue(generic, {0, vectorWidth});
      } else if (isTileRowReduction(generic) && bounds[0] % vectorWidth == 0) {
        // vectorWidth rows at a time: the reduction over the keys becomes
        // element-wise max/add of vectorWidth-lane vectors (inner-parallel
        // lowering), instead of a scalar loop through memory.
        tileAndQueue(generic, {vectorWidth, 0});
      } else if (isTileTranspose(generic)) {
        // vectorWidth x vectorWidth blocks, transposed in registers; dims
        // that are no multiple of vectorWidth (a Q tile of 40 head columns)
        // split off a narrower remainder, transposed in smaller blocks.
        for (linalg::GenericOp part :
             splitForBlocks(generic, {{0, vectorWidth}, {1, vectorWidth}})) {
          SmallVector<int64_t> sizes =
              cast<linalg::LinalgOp>(part.getOperation()).getStaticLoopRanges();
          tileAndQueue(part, {std::min<int64_t>(vectorWidth, sizes[0]),
                              std::min<int64_t>(vectorWidth, sizes[1])});
        }
      } else if (isTileContraction(generic)) {
        // Sizes that are no multiple of the register block (head dims such
        // as 24, 40 or 72; odd tile sizes) are split into a part that is and
        // a narrower remainder, each vectorised with its own static shape,
        // rather than leaving the whole contraction to scalar loops.
        for (linalg::GenericOp part :
             splitForBlocks(generic, {{0, rowBlock}, {2, vectorWidth}}))
          blockContraction(part);
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

    SmallVector<vector::MultiDimReductionOp> reductions;
    getOperation()->walk([&](vector::MultiDimReductionOp red) {
      if (!earlierReductions.contains(red))
        reductions.push_back(red);
    });
    for (vector::MultiDimReductionOp red : reductions)
      splitColumnReduction(rewriter, red);

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
    FrozenRewritePatternSet frozen(std::move(patterns));
    if (failed(applyPatternsGreedily(getOperation(), frozen)))
      return signalPassFailure();

    // The accumulator of a reduction loop (read and written at the same
    // loop-invariant block each step) becomes a loop-carried vector: it
    // stays in registers across the reduction. Then fold the hoisted read of
    // a freshly filled block into the constant.
    if (!reductionLoops.empty()) {
      for (scf::ForOp loop : reductionLoops)
        hoistLoopInvariantSubsets(rewriter, loop);
      if (failed(applyPatternsGreedily(getOperation(), frozen)))
        return signalPassFailure();
    }
  }
};
} // namespace
