//===- Transforms.h - functional cores of the attn lowerings ----*- C++ -*-===//
//
// Part of the attn-mlir project.
//
//===----------------------------------------------------------------------===//
//
// The rewrites behind the attn passes, as functions on a RewriterBase so that
// passes, transform-dialect ops and other compilers can call them directly.
//
//===----------------------------------------------------------------------===//

#ifndef ATTN_DIALECT_ATTN_TRANSFORMS_TRANSFORMS_H
#define ATTN_DIALECT_ATTN_TRANSFORMS_TRANSFORMS_H

#include "attn/Dialect/Attn/IR/Attn.h"
#include "mlir/IR/PatternMatch.h"

namespace mlir {
namespace attn {

/// Emits, before `op`, a `cf.assert` for every pair of sizes the verifier
/// could only accept as compatible because one of them is dynamic (the batch
/// of Q, K, V and the init, Sq of Q and the init, Skv of K and V, and each
/// dynamic mask dimension against the size it is aligned with): sizes that
/// disagree at run time abort with a message naming the operands instead of
/// reading out of bounds. Emits nothing for static shapes. Every lowering of
/// the op calls it; a pass that calls them should declare the cf dialect
/// as a dependent dialect (it is loaded here otherwise).
void emitRuntimeSizeChecks(OpBuilder &b, AttentionOp op);

/// Replaces `op` by the unfused linalg chain (the numerical reference) and
/// returns the value that replaced its result.
FailureOr<Value> decomposeAttention(RewriterBase &rewriter, AttentionOp op);

/// Adds a pattern applying `decomposeAttention` to every attn.attention.
void populateDecomposeAttentionPatterns(RewritePatternSet &patterns);

/// The largest tile size the flash lowering takes (so that tile index x tile
/// size cannot overflow); far beyond any useful tile.
constexpr int64_t kMaxTileSize = int64_t(1) << 24;

/// Options of the flash (online-softmax) lowering.
struct TileAttentionOptions {
  /// Query rows per tile; 0 picks the heuristic default.
  int64_t queryTile = 0;
  /// Keys per step of the inner loop; 0 picks the heuristic default.
  int64_t keyTile = 0;
  /// Use the vectorisable polynomial exp (fastExp in the lowering utilities)
  /// instead of math.exp for the softmax.
  bool fastExp = true;
  /// With grouped-query attention, process the query heads that share a K/V
  /// head in one tile, so each K/V tile is read once for all of them (when
  /// the mask does not vary across heads).
  bool groupHeads = true;
  /// Lay the score tiles out as [keys, query rows] (the CPU layout): the
  /// contraction S^T = K . Q^T reads K rows directly (Q is transposed once
  /// per query tile), the row max / row sum reduce across the key rows
  /// element-wise, and P . V reads P^T.
  bool keyMajor = false;
  /// When Sq or Skv is not a static multiple of its tile: full query tiles
  /// in their own scf.forall, the key loop over full key tiles only, and the
  /// partial last query (key) tile computed as the static tile of the last
  /// Tq rows (Tk keys), so that every tile has a static shape once the
  /// sequence is at least one tile long (docs/FlashLowering.md).
  bool peelPartialTiles = true;
  /// Split each query tile's keys into this many contiguous chunks computed
  /// by separate iterations of the forall (a fourth dimension), whose
  /// partial softmax statistics and accumulators are combined after it
  /// (split-KV, "flash decoding"): parallelism for problems with fewer
  /// (batch, head, query tile) iterations than cores, such as decoding.
  /// 1: no split. 0: the heuristic (getDefaultKeySplits).
  int64_t keySplits = 1;
};

/// Result of the flash lowering.
struct TileAttentionResult {
  /// The scf.forall over (batch, head, query tile) of the full query tiles
  /// (with group-heads: over (batch, K/V head, tile), a tile holding the
  /// rows of every query head of the group; with key splits a fourth
  /// dimension over the splits). A partial last query tile gets a forall
  /// of its own, and sizes that are not static a fallback one: this is the
  /// main one.
  Operation *forallOp;
  /// The scf.for over key tiles inside `forallOp`.
  Operation *keyLoop;
  /// The value replacing the op's result.
  Value replacement;
};

/// Returns the tile sizes the heuristic picks for `op` as (query, key).
std::pair<int64_t, int64_t> getDefaultTileSizes(AttentionOp op);

/// Returns the number of key splits the heuristic picks for a problem whose
/// query forall has `forallIterations` iterations (0: not static) over
/// `keyTiles` key tiles (0: not static): enough splits to give the forall
/// kSplitTargetIterations iterations, each split keeping at least
/// kMinKeyTilesPerSplit key tiles; 1 when that is not possible or needed.
/// (The flash lowering also keeps the split buffers within the size of K
/// and V.)
int64_t getDefaultKeySplits(int64_t forallIterations, int64_t keyTiles);
constexpr int64_t kSplitTargetIterations = 32;
constexpr int64_t kMinKeyTilesPerSplit = 4;
/// Upper bound of the key-splits option.
constexpr int64_t kMaxKeySplits = 1024;

/// Replaces `op` by the FlashAttention-2 loop nest with linalg on tiles.
FailureOr<TileAttentionResult>
tileAttention(RewriterBase &rewriter, AttentionOp op,
              const TileAttentionOptions &options);

/// Options of the raising of unfused attention chains.
struct FuseAttentionOptions {
  /// Kept for the pass's option; the patterns never emit remarks (a
  /// pattern may be tried many times by a driver): run the pass
  /// `attn-fuse-attention{report=true}` to see why a chain is left alone.
  bool report = false;
};

/// Adds the patterns that raise unfused attention chains to attn.attention.
void populateFuseAttentionPatterns(RewritePatternSet &patterns,
                                   const FuseAttentionOptions &options);

} // namespace attn
} // namespace mlir

#endif // ATTN_DIALECT_ATTN_TRANSFORMS_TRANSFORMS_H
