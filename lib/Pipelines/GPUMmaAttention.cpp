//===- GPUMmaAttention.cpp - attn-gpu-mma-attention -------------*- C++ -*-===//
//
// Part of the attn-mlir project.
//
//===----------------------------------------------------------------------===//
//
// Rewrites an f16/bf16 attn.attention on tensors into a gpu.launch whose body
// is a FlashAttention-2 style kernel on tensor cores (docs/GPU.md, "Tensor
// core path"):
//
//   - one CTA per (query tile of 16 * warps rows, query head, batch); each
//     warp owns 16 query rows and keeps their Q fragments in registers (for
//     D over 128, Q stays in shared memory and each k-step's fragments are
//     read with ldmatrix);
//   - K and V tiles of `key-tile` keys are copied into shared memory with
//     cp.async (nvgpu.device_async_copy, zero-filling keys past the end),
//     `stages` buffers deep (2: the next tile is loaded while this one is
//     computed);
//   - S = Q K^T and O += P V are nvgpu.mma.sync m16n8k16 with f32
//     accumulators; B fragments come from shared memory through
//     nvgpu.ldmatrix (transposed for V); P is the S accumulator fragment
//     rounded to f16/bf16, which has the A-operand layout of the next mma;
//   - the online softmax runs on the fragments in base 2 (scale * log2 e is
//     folded into the scores, ex2.approx), with the row max and sum reduced
//     across the four lanes that share a row (gpu.shuffle xor 1, 2);
//   - causal: the key loop stops at the CTA's last visible key and the
//     element mask is applied only on tiles that straddle the diagonal or
//     the end of the keys;
//   - sm_90a (wgmma-groups > 0): warpgroup MMA from 128-byte-swizzled
//     shared memory instead of mma.sync, for D and Dv in {64, 128};
//   - split-KV (key-splits): when the grid is small, several CTAs share a
//     query tile's keys and a second kernel combines their partial results.
//
// Head sizes that are no multiple of 16 are padded to one; ops that do not
// fit (f32, head sizes above 256; with score-mods=false also explicit masks,
// windows, softcap) are left alone for the SIMT path.
// The launch reads and writes host memrefs (bufferization.to_buffer of the
// operands, a fresh buffer for the result); attn-gpu-launch-memory later
// gives it device copies.
//
//===----------------------------------------------------------------------===//

#include "attn/Dialect/Attn/IR/Attn.h"
#include "attn/Dialect/Attn/Transforms/Transforms.h"
#include "attn/Pipelines/NVVMPipeline.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlowOps.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/GPU/IR/GPUDialect.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/LLVMIR/NVVMDialect.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/NVGPU/IR/NVGPUDialect.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/SymbolTable.h"
#include "mlir/Pass/Pass.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <limits>
#include <string>

using namespace mlir;
using namespace mlir::attn;

namespace {

/// Marks an op that a later pass of the pipeline lowers; attn-tile-attention
/// leaves such ops alone (keep in sync with TileAttention.cpp).
constexpr StringLiteral kDeferredAttr = "attn.deferred";
/// Most CTAs that share one query tile's keys (split-KV).
constexpr int64_t kMaxKeySplits = 64;
/// Split-KV with splits = 0 aims at this many CTAs (two per SM of an H100 or
/// H200, 2.4 on an A100).
constexpr int64_t kSplitTargetCtas = 264;
/// ... and splits only grids of fewer CTAs than this (the SMs of an H100 or
/// H200).
constexpr int64_t kSplitMaxCtas = 132;
/// Split-KV workspaces stay under 256 MiB (f32).
constexpr int64_t kMaxWorkspaceFloats = int64_t(64) << 20;

/// The head size the tensor-core kernels run `d` at: the next multiple of
/// 16 (a k-step of mma.sync / wgmma).
int64_t paddedHead(int64_t d) { return llvm::alignTo(d, 16); }

/// Whether the mma.sync kernel keeps Q in shared memory (read per k-step
/// with ldmatrix) rather than in registers: for D over 128.
bool qInSharedMemory(int64_t d) { return d > 128; }

/// Keys per shared-memory tile of the mma.sync kernel: `keyTile` when set,
/// else 64; for a (padded) head size over 128, 32 when D is over 128 (Q in
/// shared memory) and 16 when only Dv is. The O accumulators (Dv/2 registers
/// a thread), the S and P fragments (3 BN/4) and, for D <= 128, the Q
/// fragments (D/4) must fit 255 registers. The session-14 sweep's spills
/// with 32-key tiles (4-6 of 82 kernels) were before attn-gpu-fit-registers;
/// with it, the kernels of nvvm-mma-large-heads-ptxas.mlir do not spill
/// except D = 128 with Dv = 256 (Q in registers), which keeps 16 keys. On
/// the H200 32-key tiles ran D = Dv = 256 1.18-1.34x faster than 16
/// (docs/Performance.md).
int64_t mmaKeyTileFor(int64_t keyTile, int64_t d, int64_t dv) {
  if (keyTile != 0)
    return keyTile;
  if (paddedHead(d) > 128)
    return 32;
  return paddedHead(dv) > 128 ? 16 : 64;
}

/// Why `op` cannot take the tensor-core path, or "" when it can.
std::string mmaRefusal(AttentionOp op, int64_t warps, int64_t keyTile,
                       int64_t stages, int64_t maxSmem, bool scoreMods) {
  // A kernel cannot launch a kernel: an op inside a loop that becomes a GPU
  // launch itself (the SIMT mapping of scf.forall/scf.parallel) stays there.
  if (op->getParentOfType<scf::ForallOp>() ||
      op->getParentOfType<scf::ParallelOp>() ||
      op->getParentOfType<gpu::LaunchOp>() ||
      op->getParentOfType<gpu::GPUModuleOp>())
    return "inside scf.forall/scf.parallel or GPU code";
  if (!op->getParentOfType<func::FuncOp>())
    return "not inside a func.func";
  Type et = getElementTypeOrSelf(op.getQuery().getType());
  if (!et.isF16() && !et.isBF16())
    return "element type is not f16 or bf16";
  if (getElementTypeOrSelf(op.getKey().getType()) != et ||
      getElementTypeOrSelf(op.getValue().getType()) != et)
    return "Q, K and V element types differ";
  Type ot = getElementTypeOrSelf(op.getInit().getType());
  if (!ot.isF16() && !ot.isBF16() && !ot.isF32())
    return "output element type is not f16, bf16 or f32";
  // Score modifiers on tensor cores are opt-in until they have run on a
  // GPU (docs/GPU.md).
  if (!scoreMods) {
    if (op.getMask())
      return "explicit masks are not supported (score-mods enables them)";
    if (op.getWindow())
      return "windows are not supported (score-mods enables them)";
    if (op.getSoftcap())
      return "softcap is not supported (score-mods enables them)";
  }
  if (Value mask = op.getMask()) {
    Type mt = getElementTypeOrSelf(mask.getType());
    if (!mt.isInteger(1) && !mt.isF16() && !mt.isBF16() && !mt.isF32())
      return "mask element type is not i1, f16, bf16 or f32";
  }
  auto qt = cast<RankedTensorType>(op.getQuery().getType());
  auto vt = cast<RankedTensorType>(op.getValue().getType());
  int64_t d = qt.getDimSize(3), dv = vt.getDimSize(3);
  // Head sizes that are no multiple of 16 are padded to one (padHeadDims).
  auto goodHead = [](int64_t x) {
    return !ShapedType::isDynamic(x) && x > 0 && paddedHead(x) <= 256;
  };
  if (!goodHead(d) || !goodHead(dv))
    return "head sizes must be at most 256 (D = " + std::to_string(d) +
           ", Dv = " + std::to_string(dv) + ")";
  keyTile = mmaKeyTileFor(keyTile, d, dv);
  d = paddedHead(d);
  dv = paddedHead(dv);
  auto kt = cast<RankedTensorType>(op.getKey().getType());
  int64_t headPos = op.getHeadDimPos();
  if (qt.isDynamicDim(headPos) || kt.isDynamicDim(headPos))
    return "dynamic head counts";
  int64_t smem = stages * keyTile * ((d + 8) + (dv + 8)) * 2 +
                 (qInSharedMemory(d) ? 16 * warps * (d + 8) * 2 : 0);
  if (smem > maxSmem)
    return "the K/V tiles need " + std::to_string(smem) +
           " bytes of shared memory, more than the " +
           std::to_string(maxSmem) + " a block may use";
  return "";
}

/// An op whose head sizes D (Q, K) or Dv (V, the result) are static but no
/// multiple of 16 becomes the same op on copies of its operands padded with
/// zeros to the next multiple of 16, followed by a slice of the result's
/// first Dv columns. Zero columns add nothing to Q K^T, and the extra
/// columns of V only produce the output columns the slice drops; the scale
/// is made explicit (its default depends on D). The copies are made where
/// the rest of the program runs (the host), so the tensor-core kernels,
/// which need whole 16-wide k-steps, take D = 40 or 72 as D = 48 or 80.
/// Returns `op` itself when nothing needs padding.
AttentionOp padHeadDims(AttentionOp op) {
  auto qt = cast<RankedTensorType>(op.getQuery().getType());
  auto kt = cast<RankedTensorType>(op.getKey().getType());
  auto vt = cast<RankedTensorType>(op.getValue().getType());
  auto ot = cast<RankedTensorType>(op.getInit().getType());
  int64_t d = qt.getDimSize(3), dv = vt.getDimSize(3);
  if (d == paddedHead(d) && dv == paddedHead(dv))
    return op;
  OpBuilder b(op);
  Location loc = op.getLoc();
  // (Q, K and V share the element type.)
  Value zero = arith::ConstantOp::create(b, loc, qt.getElementType(),
                                         b.getZeroAttr(qt.getElementType()));
  // A copy of `t` whose last dim has `to` elements, the new ones zero.
  auto padLast = [&](Value t, RankedTensorType type, int64_t to) -> Value {
    if (type.getDimSize(3) == to)
      return t;
    SmallVector<int64_t> shape(type.getShape());
    shape[3] = to;
    auto padded = RankedTensorType::get(shape, type.getElementType());
    SmallVector<OpFoldResult> low(4, b.getIndexAttr(0)),
        high(4, b.getIndexAttr(0));
    high[3] = b.getIndexAttr(to - type.getDimSize(3));
    return tensor::PadOp::create(b, loc, padded, t, low, high, zero);
  };
  Value q = padLast(op.getQuery(), qt, paddedHead(d));
  Value k = padLast(op.getKey(), kt, paddedHead(d));
  Value v = padLast(op.getValue(), vt, paddedHead(dv));
  // The result's sizes (the init's; dims other than Dv may be dynamic).
  SmallVector<OpFoldResult> sizes = tensor::getMixedSizes(b, loc, op.getInit());
  SmallVector<OpFoldResult> initSizes(sizes);
  initSizes[3] = b.getIndexAttr(paddedHead(dv));
  Value init = tensor::EmptyOp::create(b, loc, initSizes, ot.getElementType());
  auto padded = AttentionOp::create(
      b, loc, init.getType(), q, k, v, op.getMask(), init,
      b.getF32FloatAttr(static_cast<float>(op.getScaleOrDefault())),
      op.getCausalAttr(), op.getWindowAttr(), op.getSoftcapAttr(),
      op.getLayoutAttr());
  // Keep discardable attributes (attn.deferred on a hand-claimed op).
  for (NamedAttribute attr : op->getDiscardableAttrs())
    padded->setAttr(attr.getName(), attr.getValue());
  SmallVector<OpFoldResult> zeros(4, b.getIndexAttr(0)),
      ones(4, b.getIndexAttr(1));
  Value slice = tensor::ExtractSliceOp::create(b, loc, ot, padded.getResult(),
                                               zeros, sizes, ones);
  op.getResult().replaceAllUsesWith(slice);
  op.erase();
  return padded;
}

/// Query rows a packed GQA group may have: one 64-row tile (the wgmma
/// kernel's warpgroup, the mma.sync kernel's 4 warps).
constexpr int64_t kMaxPackedRows = 64;

/// GQA/MQA with few query rows (decoding): the G = Hq / Hkv query heads that
/// share a K/V head become G x Sq rows of one head, so that one CTA reads
/// each K/V tile once for the whole group instead of G CTAs reading it
/// (FlashDecoding-style packing). Row r = g * Sq + i of packed head k is
/// row i of query head k * G + g: in BHSD a reshape of Q, the mask and the
/// result; in BSHD a transpose of Q and of the result (few rows: small
/// copies), K and V untouched. Exact when nothing depends on the row
/// index: no window, no causal (with Sq = 1, bottom-right causal is no
/// bound and is dropped), and a mask that is the same for every row and
/// head or has both a head and a query dim. Returns `op` itself otherwise,
/// or when Sq is dynamic or G x Sq exceeds one 64-row tile.
AttentionOp packGqaRows(AttentionOp op) {
  AttentionOp::Sizes sizes = op.getSizes();
  int64_t hq = sizes.queryHeads, hkv = sizes.kvHeads, sq = sizes.queryLen;
  if (ShapedType::isDynamic(sq) || sq < 1 || hkv < 1 || hq <= hkv ||
      (hq / hkv) * sq > kMaxPackedRows || op.getWindow())
    return op;
  Causal causal = op.getCausalOrDefault();
  if (causal != Causal::none && !(causal == Causal::bottom_right && sq == 1))
    return op;
  // The init must agree with Q as written: the verifier merges a static
  // and a dynamic batch (or Sq), and the packed op would lose the run-time
  // check that compares them (and the reshapes back need one batch size).
  auto qType = cast<RankedTensorType>(op.getQuery().getType());
  auto oType = cast<RankedTensorType>(op.getInit().getType());
  int64_t seqPos = op.getSeqDimPos();
  if (qType.getDimSize(0) != oType.getDimSize(0) ||
      oType.getDimSize(seqPos) != sq)
    return op;
  int64_t g = hq / hkv, rows = g * sq;
  // The mask: the same for every (head, row), or indexed by both.
  bool reshapeMask = false;
  Value mask = op.getMask();
  if (mask) {
    auto mt = cast<RankedTensorType>(mask.getType());
    int64_t r = mt.getRank();
    int64_t hs = r >= 3 ? mt.getDimSize(r - 3) : 1;
    int64_t qs = r >= 2 ? mt.getDimSize(r - 2) : 1;
    if (ShapedType::isDynamic(hs) || ShapedType::isDynamic(qs))
      return op;
    if (hs == hq && qs == sq && r >= 3)
      reshapeMask = hq > 1;
    else if (!(hs == 1 && qs == 1))
      return op;
  }
  OpBuilder b(op);
  Location loc = op.getLoc();
  bool bshd = op.getLayoutOrDefault() == Layout::bshd;
  auto shaped = [](Value v) { return cast<RankedTensorType>(v.getType()); };
  auto withShape = [&](Value v, ArrayRef<int64_t> shape) {
    return RankedTensorType::get(shape, shaped(v).getElementType());
  };
  auto expand = [&](Value v, ArrayRef<int64_t> shape,
                    ArrayRef<ReassociationIndices> re) -> Value {
    return tensor::ExpandShapeOp::create(b, loc, withShape(v, shape), v, re);
  };
  auto collapse = [&](Value v, ArrayRef<ReassociationIndices> re) -> Value {
    return tensor::CollapseShapeOp::create(b, loc, v, re);
  };
  auto transpose = [&](Value v, ArrayRef<int64_t> perm) -> Value {
    SmallVector<OpFoldResult> in = tensor::getMixedSizes(b, loc, v), out;
    for (int64_t p : perm)
      out.push_back(in[p]);
    Value init =
        tensor::EmptyOp::create(b, loc, out, shaped(v).getElementType());
    return linalg::TransposeOp::create(b, loc, v, init, perm).getResult()[0];
  };
  int64_t bat = shaped(op.getQuery()).getDimSize(0);
  int64_t d = sizes.headDim, dv = sizes.valueDim;
  // Q as [B, rows, Hkv, D] (BSHD) or [B, Hkv, rows, D] (BHSD).
  Value q = op.getQuery();
  if (bshd) {
    q = expand(q, {bat, sq, hkv, g, d}, {{0}, {1}, {2, 3}, {4}});
    q = transpose(q, {0, 3, 1, 2, 4});
    q = collapse(q, {{0}, {1, 2}, {3}, {4}});
  } else {
    q = collapse(q, {{0}, {1, 2}, {3}});
    q = expand(q, {bat, hkv, rows, d}, {{0}, {1, 2}, {3}});
  }
  if (reshapeMask) {
    auto mt = shaped(mask);
    int64_t r = mt.getRank();
    SmallVector<ReassociationIndices> re;
    for (int64_t i = 0; i < r - 3; ++i)
      re.push_back({i});
    re.push_back({r - 3, r - 2});
    re.push_back({r - 1});
    SmallVector<int64_t> shape(mt.getShape());
    shape[r - 3] = hkv;
    shape[r - 2] = rows;
    mask = expand(collapse(mask, re), shape, re);
  }
  SmallVector<OpFoldResult> initSizes =
      tensor::getMixedSizes(b, loc, op.getInit());
  if (bshd) {
    initSizes[1] = b.getIndexAttr(rows);
    initSizes[2] = b.getIndexAttr(hkv);
  } else {
    initSizes[1] = b.getIndexAttr(hkv);
    initSizes[2] = b.getIndexAttr(rows);
  }
  Type ot = shaped(op.getInit()).getElementType();
  Value init = tensor::EmptyOp::create(b, loc, initSizes, ot);
  auto packed = AttentionOp::create(
      b, loc, init.getType(), q, op.getKey(), op.getValue(), mask, init,
      op.getScaleAttr(),
      causal == Causal::none ? op.getCausalAttr() : CausalAttr(),
      op.getWindowAttr(), op.getSoftcapAttr(), op.getLayoutAttr());
  for (NamedAttribute attr : op->getDiscardableAttrs())
    packed->setAttr(attr.getName(), attr.getValue());
  // Back to the op's result shape.
  Value o = packed.getResult();
  if (bshd) {
    o = expand(o, {bat, g, sq, hkv, dv}, {{0}, {1, 2}, {3}, {4}});
    o = transpose(o, {0, 2, 3, 1, 4});
    o = collapse(o, {{0}, {1}, {2, 3}, {4}});
  } else {
    o = collapse(o, {{0}, {1, 2}, {3}});
    o = expand(o, {bat, hq, sq, dv}, {{0}, {1, 2}, {3}});
  }
  if (o.getType() != op.getType())
    o = tensor::CastOp::create(b, loc, op.getType(), o);
  op.getResult().replaceAllUsesWith(o);
  op.erase();
  return packed;
}

/// Builds the kernel for one op. All index math is in `index`.
class KernelBuilder {
public:
  KernelBuilder(OpBuilder &b, Location loc) : b(b), loc(loc) {}

  Value idx(int64_t v) { return arith::ConstantIndexOp::create(b, loc, v); }
  Value i32(int64_t v) {
    return arith::ConstantIntOp::create(b, loc, b.getI32Type(), v);
  }
  Value f32(double v) {
    return arith::ConstantOp::create(b, loc, b.getF32Type(),
                                     b.getF32FloatAttr(static_cast<float>(v)));
  }
  Value add(Value x, Value y) { return arith::AddIOp::create(b, loc, x, y); }
  Value sub(Value x, Value y) { return arith::SubIOp::create(b, loc, x, y); }
  Value mul(Value x, Value y) { return arith::MulIOp::create(b, loc, x, y); }
  Value div(Value x, Value y) { return arith::DivUIOp::create(b, loc, x, y); }
  Value rem(Value x, Value y) { return arith::RemUIOp::create(b, loc, x, y); }
  Value minS(Value x, Value y) { return arith::MinSIOp::create(b, loc, x, y); }
  Value maxS(Value x, Value y) { return arith::MaxSIOp::create(b, loc, x, y); }
  Value cmp(arith::CmpIPredicate p, Value x, Value y) {
    return arith::CmpIOp::create(b, loc, p, x, y);
  }
  Value sel(Value c, Value x, Value y) {
    return arith::SelectOp::create(b, loc, c, x, y);
  }
  Value fadd(Value x, Value y) { return arith::AddFOp::create(b, loc, x, y); }
  Value fsub(Value x, Value y) { return arith::SubFOp::create(b, loc, x, y); }
  Value fmul(Value x, Value y) { return arith::MulFOp::create(b, loc, x, y); }
  /// maxnum through the LLVM intrinsic (max.f32; arith.maxnumf would
  /// become a libdevice call in convert-gpu-to-nvvm).
  Value fmax(Value x, Value y) {
    return LLVM::CallIntrinsicOp::create(b, loc, b.getF32Type(),
                                         b.getStringAttr("llvm.maxnum.f32"),
                                         ValueRange{x, y})
        .getResult(0);
  }
  /// A vector<Nx2xT> from N vector<2xT> rows (no n-D from_elements, which
  /// convert-gpu-to-nvvm does not lower).
  Value stack(VectorType type, ArrayRef<Value> rows) {
    Value v = arith::ConstantOp::create(
        b, loc, type,
        DenseElementsAttr::get(type, b.getZeroAttr(type.getElementType())));
    for (auto [i, r] : llvm::enumerate(rows))
      v = vector::InsertOp::create(b, loc, r, v, static_cast<int64_t>(i));
    return v;
  }
  /// Row pair {2h, 2h+1} of a vector<4x2xT> as a vector<2x2xT>.
  Value rowPair(Value v4, int64_t h) {
    auto t4 = cast<VectorType>(v4.getType());
    auto t2 = VectorType::get({2, 2}, t4.getElementType());
    return stack(t2, {vector::ExtractOp::create(b, loc, v4, 2 * h),
                      vector::ExtractOp::create(b, loc, v4, 2 * h + 1)});
  }
  /// One m16n8k16 tensor-core product c + a * b. f16 goes through
  /// nvgpu.mma.sync; bf16, which nvgpu's lowering does not type, through
  /// nvvm.mma.sync on the packed 32-bit registers.
  Value mma(Value a, Value bFrag, Value c) {
    auto et = cast<VectorType>(a.getType()).getElementType();
    if (et.isF16())
      return nvgpu::MmaSyncOp::create(b, loc, a, bFrag, c,
                                      ArrayRef<int64_t>{16, 8, 16});
    auto regs = [&](Value frag, int64_t n) {
      SmallVector<Value> out;
      auto packed = VectorType::get({1}, b.getI32Type());
      for (int64_t i = 0; i < n; ++i) {
        Value row = vector::ExtractOp::create(b, loc, frag, i);
        Value cast = vector::BitCastOp::create(b, loc, packed, row);
        out.push_back(vector::ExtractOp::create(b, loc, cast, 0));
      }
      return out;
    };
    SmallVector<Value> cRegs;
    for (int64_t i = 0; i < 2; ++i)
      for (int64_t e = 0; e < 2; ++e)
        cRegs.push_back(
            vector::ExtractOp::create(b, loc, c, ArrayRef<int64_t>{i, e}));
    Type f32 = b.getF32Type();
    auto resTy = LLVM::LLVMStructType::getLiteral(b.getContext(),
                                                  {f32, f32, f32, f32});
    Value r = NVVM::MmaOp::create(
        b, loc, resTy, regs(a, 4), regs(bFrag, 2), cRegs, {16, 8, 16},
        std::nullopt, std::nullopt,
        std::array<NVVM::MMATypes, 2>{NVVM::MMATypes::bf16,
                                      NVVM::MMATypes::bf16},
        std::array<NVVM::MMALayout, 2>{NVVM::MMALayout::row,
                                       NVVM::MMALayout::col});
    auto field = [&](int64_t i) -> Value {
      return LLVM::ExtractValueOp::create(b, loc, r, i);
    };
    return stack(cast<VectorType>(c.getType()),
                 {pair(field(0), field(1)), pair(field(2), field(3))});
  }
  /// vector<2xT> from two scalars.
  Value pair(Value x, Value y) {
    return vector::FromElementsOp::create(
        b, loc, VectorType::get({2}, x.getType()), ValueRange{x, y});
  }
  /// 2^x with PTX's ex2.approx.ftz (2^-inf = 0).
  Value exp2(Value x) {
    return LLVM::CallIntrinsicOp::create(
               b, loc, b.getF32Type(),
               b.getStringAttr("llvm.nvvm.ex2.approx.ftz.f32"), ValueRange{x})
        .getResult(0);
  }
  /// cap * tanh(x / cap), with tanh(y) = 1 - 2 / (2^(2 y log2 e) + 1)
  /// (ex2.approx; exact limits +-1 for large |y|). That cancels for small
  /// |y| (0 below about 3e-8): there, where tanh(y) = y to within y^2 / 3,
  /// the result is x itself (|y| < 2^-10, a cap over 1024 |x|).
  Value softcap(Value x, double cap) {
    Value y = fmul(x, f32(2.0 * M_LOG2E / cap));
    Value e = exp2(y);
    Value t = fsub(f32(1.0), arith::DivFOp::create(b, loc, f32(2.0),
                                                    fadd(e, f32(1.0))));
    Value limit = f32(cap / 1024.0);
    Value small = arith::AndIOp::create(
        b, loc,
        arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OLT, x, limit),
        arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OGT, x,
                              f32(-cap / 1024.0)));
    return sel(small, x, fmul(t, f32(cap)));
  }
  //===--------------------------------------------------------------------===//
  // sm_90a warpgroup MMA, as inline PTX (volatile, so that LLVM keeps the
  // fence / mma / commit / wait order; registers the tensor cores own are
  // threaded through the fence and the wait as tied operands, so no use or
  // definition of them moves across either).
  //===--------------------------------------------------------------------===//

  /// Volatile inline PTX `text` with no operands.
  /// The .sync.aligned instructions emitted through these helpers need every
  /// thread of the warpgroup to execute them together, and llvm.inline_asm
  /// has no `convergent` marker: callers emit them only in CTA-uniform
  /// control flow (never under the `id < total` copy guards).
  void ptx(StringRef text) {
    LLVM::InlineAsmOp::create(b, loc, TypeRange{}, ValueRange{}, text, "",
                              /*has_side_effects=*/true, false,
                              LLVM::tailcallkind::TailCallKind::None,
                              LLVM::AsmDialectAttr(), ArrayAttr());
  }
  /// Volatile inline PTX `text` that reads and returns `vals` (f32 or i32)
  /// in place: the values come back through it.
  SmallVector<Value> ptxThrough(StringRef text, ArrayRef<Value> vals) {
    std::string cons;
    SmallVector<Type> types;
    for (Value v : vals) {
      cons += cons.empty() ? "" : ",";
      cons += v.getType().isF32() ? "=f" : "=r";
      types.push_back(v.getType());
    }
    for (size_t i = 0; i < vals.size(); ++i)
      cons += "," + std::to_string(i);
    return asmResults(text, cons, types, vals);
  }
  SmallVector<Value> asmResults(StringRef text, StringRef cons,
                                ArrayRef<Type> types, ArrayRef<Value> ins) {
    if (types.empty()) {
      LLVM::InlineAsmOp::create(b, loc, TypeRange{}, ins, text, cons, true,
                                false, LLVM::tailcallkind::TailCallKind::None,
                                LLVM::AsmDialectAttr(), ArrayAttr());
      return {};
    }
    Type res = types.size() == 1
                   ? types[0]
                   : LLVM::LLVMStructType::getLiteral(b.getContext(), types);
    Value r = LLVM::InlineAsmOp::create(
                  b, loc, res, ins, text, cons, true, false,
                  LLVM::tailcallkind::TailCallKind::None,
                  LLVM::AsmDialectAttr(), ArrayAttr())
                  .getResult(0);
    if (types.size() == 1)
      return {r};
    SmallVector<Value> out;
    for (size_t i = 0; i < types.size(); ++i)
      out.push_back(LLVM::ExtractValueOp::create(b, loc, r, i));
    return out;
  }
  /// One wgmma.mma_async m64nNk16 with f32 accumulators `acc` (N/2 per
  /// thread): A from shared memory (`aDesc`, i64) or from four packed
  /// registers (`aRegs`), B from shared memory (`bDesc`); `accumulate`
  /// false ignores `acc` (scale-d = 0).
  SmallVector<Value> wgmma(ArrayRef<Value> acc, Value aDesc,
                           ArrayRef<Value> aRegs, Value bDesc, bool accumulate,
                           bool transB, Type et) {
    const int64_t n = static_cast<int64_t>(acc.size()) * 2;
    assert((aDesc || aRegs.size() == 4) && "A from registers is 4 x b32");
    std::string ty = et.isF16() ? "f16" : "bf16";
    std::string text = "{\n.reg .pred p;\nsetp.ne.b32 p, $" +
                       std::to_string(acc.size() + (aDesc ? 2 : 5)) +
                       ", 0;\nwgmma.mma_async.sync.aligned.m64n" +
                       std::to_string(n) + "k16.f32." + ty + "." + ty + " {";
    std::string cons;
    for (size_t i = 0; i < acc.size(); ++i) {
      text += (i ? ", $" : "$") + std::to_string(i);
      cons += (i ? ",=f" : "=f");
    }
    size_t next = acc.size();
    SmallVector<Value> ins;
    if (aDesc) {
      text += "}, $" + std::to_string(next++);
      cons += ",l";
      ins.push_back(aDesc);
    } else {
      text += "}, {";
      for (size_t i = 0; i < aRegs.size(); ++i) {
        text += (i ? ", $" : "$") + std::to_string(next++);
        cons += ",r";
        ins.push_back(aRegs[i]);
      }
      text += "}";
    }
    text += ", $" + std::to_string(next++) + ", p, 1, 1";
    cons += ",l,r";
    ins.push_back(bDesc);
    ins.push_back(i32(accumulate ? 1 : 0));
    if (aDesc)
      text += ", 0";
    text += transB ? ", 1;\n}" : ", 0;\n}";
    for (size_t i = 0; i < acc.size(); ++i)
      cons += "," + std::to_string(i);
    ins.append(acc.begin(), acc.end());
    SmallVector<Type> types(acc.size(), b.getF32Type());
    return asmResults(text, cons, types, ins);
  }
  /// The 64-bit shared-memory matrix descriptor of a 128-byte-swizzled
  /// operand at shared address `addr` (i32): leading / stride byte offsets
  /// `lbo`, `sbo`.
  Value smemDesc(Value addr, int64_t lbo, int64_t sbo) {
    Type i64 = b.getI64Type();
    Value a = arith::ExtUIOp::create(b, loc, i64, addr);
    a = arith::ShRUIOp::create(
        b, loc,
        arith::AndIOp::create(
            b, loc, a, arith::ConstantIntOp::create(b, loc, i64, 0x3FFFF)),
        arith::ConstantIntOp::create(b, loc, i64, 4));
    uint64_t fixed = (uint64_t((lbo >> 4) & 0x3FFF) << 16) |
                     (uint64_t((sbo >> 4) & 0x3FFF) << 32) | (uint64_t(1) << 62);
    return arith::OrIOp::create(
        b, loc, a,
        arith::ConstantIntOp::create(b, loc, i64,
                                     static_cast<int64_t>(fixed)));
  }

  /// Reduces `x` over the four lanes of a quad (lanes 4g .. 4g+3).
  Value quadReduce(Value x, bool isMax) {
    for (int32_t off : {1, 2}) {
      Value other = gpu::ShuffleOp::create(b, loc, x, off, 32,
                                           gpu::ShuffleMode::XOR)
                        .getShuffleResult();
      x = isMax ? fmax(x, other) : fadd(x, other);
    }
    return x;
  }

  OpBuilder &b;
  Location loc;
};

struct GPUMmaAttentionPass
    : public PassWrapper<GPUMmaAttentionPass, OperationPass<ModuleOp>> {
  MLIR_DEFINE_EXPLICIT_INTERNAL_INLINE_TYPE_ID(GPUMmaAttentionPass)

  GPUMmaAttentionPass() = default;
  GPUMmaAttentionPass(const GPUMmaAttentionPass &other)
      : PassWrapper(other) {}
  GPUMmaAttentionPass(bool packGqa, int64_t warps, int64_t keyTile,
                      int64_t stages, int64_t minCtas, int64_t maxSmem,
                      bool claim, int64_t wgmmaGroups, int64_t wgmmaKeyTile,
                      bool wgmmaOverlap, bool scoreMods, int64_t wgmmaParts,
                      int64_t keySplits, bool splitCopies) {
    this->packGqa = packGqa;
    this->splitCopies = splitCopies;
    this->keySplits = keySplits;
    this->wgmmaParts = wgmmaParts;
    this->scoreMods = scoreMods;
    this->wgmmaOverlap = wgmmaOverlap;
    this->wgmmaGroups = wgmmaGroups;
    this->wgmmaKeyTile = wgmmaKeyTile;
    this->warps = warps;
    this->keyTile = keyTile;
    this->stages = stages;
    this->minCtas = minCtas;
    this->maxSmem = maxSmem;
    this->claim = claim;
  }

  StringRef getArgument() const final { return "attn-gpu-mma-attention"; }
  StringRef getDescription() const final {
    return "Rewrite f16/bf16 attn.attention ops into gpu.launch kernels on "
           "tensor cores (nvgpu.mma.sync, cp.async, ldmatrix)";
  }
  void getDependentDialects(DialectRegistry &registry) const override {
    registry.insert<arith::ArithDialect, bufferization::BufferizationDialect,
                    cf::ControlFlowDialect, func::FuncDialect,
                    linalg::LinalgDialect, memref::MemRefDialect,
                    tensor::TensorDialect>();
  }

  void runOnOperation() override {
    auto bad = [&](StringRef what) {
      mlir::emitError(getOperation()->getLoc()) << "attn-gpu-mma-attention: " << what;
      signalPassFailure();
    };
    if (warps < 1 || warps > 16)
      return bad("warps (mma-warps in attn-nvvm-pipeline) must be in "
                 "[1, 16], got " +
                 std::to_string(warps));
    if (keyTile != 0 && (keyTile < 16 || keyTile % 16 != 0 || keyTile > 256))
      return bad(
          "key-tile (mma-key-tile in attn-nvvm-pipeline) must be 0 "
          "(64; 32 or 16 for head sizes over 128) or a multiple of 16 in "
          "[16, 256], got " +
          std::to_string(keyTile));
    if (keySplits < 0 || keySplits > kMaxKeySplits)
      return bad("key-splits (mma-key-splits in attn-nvvm-pipeline) must be "
                 "in [0, " +
                 std::to_string(kMaxKeySplits) + "], got " +
                 std::to_string(keySplits));
    if (stages < 0 || stages > 2)
      return bad("stages must be 0 (2 for mma.sync, 1 for wgmma), 1 or 2, "
                 "got " +
                 std::to_string(stages));
    if (maxSmem < 1024 || maxSmem > (int64_t(1) << 30))
      return bad("max-smem must be a byte count in [1024, 2^30], got " +
                 std::to_string(maxSmem));
    // (wgmma-overlap always uses three K/V buffers.)
    if (wgmmaGroups < 0 || wgmmaGroups > 4)
      return bad("wgmma-groups (wgmma-warpgroups in attn-nvvm-pipeline) must "
                 "be in [0, 4], got " +
                 std::to_string(wgmmaGroups));
    if (wgmmaParts < 1 || wgmmaParts > 3)
      return bad("wgmma-parts must be 1, 2 or 3, got " +
                 std::to_string(wgmmaParts));
    // The overlapped schedule keeps P V on wgmma in flight: with one
    // product on mma.sync it would build three buffers and no prefetch.
    if (wgmmaOverlap && wgmmaParts != 3)
      return bad("wgmma-overlap needs both products on wgmma (wgmma-parts=3), "
                 "got wgmma-parts=" +
                 std::to_string(wgmmaParts));
    if (wgmmaGroups > 0 && wgmmaKeyTile != 0 &&
        (wgmmaKeyTile < 16 || wgmmaKeyTile % 16 != 0 || wgmmaKeyTile > 256))
      return bad("wgmma-key-tile must be 0 (128 for D = Dv = 64, else 64) or "
                 "a multiple of 16 in [16, 256], got " +
                 std::to_string(wgmmaKeyTile));
    // 2048 threads per SM on sm_80 and sm_90 (1536 on sm_86/89); the
    // wgmma kernel has 4 warps per warpgroup.
    int64_t ctaWarps = std::max<int64_t>(warps, 4 * wgmmaGroups);
    if (minCtas < 0 || minCtas > 2048 || minCtas * 32 * ctaWarps > 2048)
      return bad("min-ctas (mma-min-ctas in attn-nvvm-pipeline) times 32 x "
                 "warps threads must fit an SM (2048 threads), got " +
                 std::to_string(minCtas) + " CTAs of " +
                 std::to_string(32 * ctaWarps) + " threads");
    SmallVector<AttentionOp> ops;
    bool badClaim = false;
    getOperation()->walk([&](AttentionOp op) {
      if (!op.hasPureTensorSemantics())
        return;
      std::string why =
          mmaRefusal(op, warps, keyTile, mmaStages(), maxSmem, scoreMods);
      // A claimed op is checked again: the claiming run used the same
      // options, so only an attn.deferred written by hand (which
      // attn-tile-attention skips) can be refused here.
      if (op->hasAttr(kDeferredAttr) && !claim) {
        if (!why.empty()) {
          op.emitError() << "attn.deferred is set but the tensor-core path "
                            "refuses this op: "
                         << why
                         << " (the attribute is internal to "
                            "attn-nvvm-pipeline; remove it)";
          badClaim = true;
          return;
        }
        ops.push_back(op);
        return;
      }
      if (!why.empty()) {
        if (report)
          op.emitRemark() << "attn-gpu-mma-attention: left to the SIMT path: "
                          << why;
        return;
      }
      ops.push_back(op);
    });
    if (badClaim)
      return signalPassFailure();
    for (AttentionOp op : ops) {
      // Nothing reads an unused result: no kernel for it.
      if (!claim && op->use_empty()) {
        op.erase();
        continue;
      }
      if (packGqa) {
        AttentionOp packed = packGqaRows(op);
        if (packed != op && report)
          packed.emitRemark()
              << "attn-gpu-mma-attention: the query heads of each K/V head "
                 "packed as the rows of one head ("
              << packed.getSizes().queryLen << " rows)";
        op = packed;
      }
      AttentionOp padded = padHeadDims(op);
      if (padded != op && report)
        padded.emitRemark()
            << "attn-gpu-mma-attention: head sizes padded with zeros to "
               "D = "
            << cast<ShapedType>(padded.getQuery().getType()).getDimSize(3)
            << ", Dv = "
            << cast<ShapedType>(padded.getValue().getType()).getDimSize(3)
            << " for the tensor cores";
      op = padded;
      if (claim) {
        op->setAttr(kDeferredAttr, UnitAttr::get(&getContext()));
        continue;
      }
      rewrite(op);
    }
  }

  void rewrite(AttentionOp op);

  /// K/V buffers of each kernel; `stages` = 0 picks them: two for mma.sync
  /// (the next tile loads while this one computes), one for wgmma (on the
  /// H200 a single buffer fits twice the CTAs per SM, which hides the loads
  /// better: 1.22x at D = 128, docs/Performance.md).
  int64_t mmaStages() const { return stages == 0 ? 2 : stages.getValue(); }
  int64_t wgmmaStages() const { return stages == 0 ? 1 : stages.getValue(); }

  Option<int64_t> warps{*this, "warps",
                        llvm::cl::desc("Warps per CTA (16 query rows each)"),
                        llvm::cl::init(4)};
  Option<int64_t> keyTile{
      *this, "key-tile",
      llvm::cl::desc("Keys per shared-memory tile (0: 64; 32 when D is "
                     "over 128, else 16 when Dv is)"),
      llvm::cl::init(0)};
  Option<int64_t> stages{
      *this, "stages",
      llvm::cl::desc("Shared-memory buffers for K/V tiles (1 or 2; 0: 2 "
                     "for the mma.sync kernel, 1 for wgmma)"),
      llvm::cl::init(0)};
  Option<int64_t> minCtas{
      *this, "min-ctas",
      llvm::cl::desc("Ask ptxas to fit this many CTAs per SM (.minnctapersm, "
                     "caps registers); 0: no hint"),
      llvm::cl::init(0)};
  Option<int64_t> maxSmem{
      *this, "max-smem",
      llvm::cl::desc("Shared memory a block may use, in bytes (the pipeline "
                     "sets it from the chip)"),
      llvm::cl::init(227 * 1024)};
  Option<bool> claim{
      *this, "claim",
      llvm::cl::desc("Only mark the ops this pass will rewrite (attn.deferred, "
                     "which attn-tile-attention leaves alone); a later run "
                     "without claim rewrites them"),
      llvm::cl::init(false)};
  Option<int64_t> wgmmaGroups{
      *this, "wgmma-groups",
      llvm::cl::desc("sm_90a: warpgroups per CTA of the warpgroup-MMA kernel "
                     "for D, Dv in {64, 128} (0: mma.sync only)"),
      llvm::cl::init(0)};
  Option<int64_t> wgmmaKeyTile{
      *this, "wgmma-key-tile",
      llvm::cl::desc("Keys per shared-memory tile of the warpgroup-MMA kernel "
                     "(0: 128 when D = Dv = 64, else 64)"),
      llvm::cl::init(0)};
  Option<bool> scoreMods{
      *this, "score-mods",
      llvm::cl::desc("Also take ops with explicit masks, windows or softcap "
                     "(off: they take the SIMT path)"),
      llvm::cl::init(true)};
  Option<bool> wgmmaOverlap{
      *this, "wgmma-overlap",
      llvm::cl::desc("wgmma kernel with three K/V buffers (`stages` is "
                     "ignored): keep each tile's P V in flight while the next "
                     "tile's S = Q K^T is issued"),
      llvm::cl::init(false)};
  Option<int64_t> wgmmaParts{
      *this, "wgmma-parts",
      llvm::cl::desc("Diagnostic: which products of the wgmma kernel use "
                     "wgmma (1: S = Q K^T, 2: O += P V, 3: both); the other "
                     "runs on mma.sync from the same shared-memory tiles"),
      llvm::cl::init(3)};
  Option<int64_t> keySplits{
      *this, "key-splits",
      llvm::cl::desc("Split-KV: CTAs that split one query tile's keys "
                     "(each writes its partial O and log-sum-exp; a second "
                     "kernel combines them). 0: as many as needed for about "
                     "two CTAs per SM, chosen at run time; 1: none"),
      llvm::cl::init(0)};
  Option<bool> packGqa{
      *this, "pack-gqa",
      llvm::cl::desc("Make the query heads that share a K/V head rows of one "
                     "head when their rows fit one 64-row tile (decoding "
                     "with GQA/MQA): each K/V tile is then read once per "
                     "group"),
      llvm::cl::init(true)};
  Option<bool> splitCopies{
      *this, "split-copies",
      llvm::cl::desc("With one K/V buffer: copy K and V as separate cp.async "
                     "groups, each refilled as soon as its product is done "
                     "(K of the next tile loads under this tile's softmax "
                     "and P V, V under the next S = Q K^T); not faster on "
                     "the H200"),
      llvm::cl::init(false)};
  Option<bool> report{*this, "report",
                      llvm::cl::desc("Remark on ops left to the SIMT path"),
                      llvm::cl::init(false)};
};

/// Attributes of a kernel declaration (phase 1 -> phase 2).
constexpr StringLiteral kKernelAttr = "attn.mma_kernel";
/// CTAs per SM asked of ptxas for the kernel launched from a function
/// (phase 2 -> attn-gpu-mma-kernel-hints, after outlining).
constexpr StringLiteral kMinCtasAttr = "attn.mma_min_ctas";

void GPUMmaAttentionPass::rewrite(AttentionOp op) {
  OpBuilder b(op);
  emitRuntimeSizeChecks(b, op);
  Location loc = op.getLoc();
  MLIRContext *ctx = b.getContext();
  auto qt = cast<RankedTensorType>(op.getQuery().getType());
  auto kt = cast<RankedTensorType>(op.getKey().getType());
  auto vt = cast<RankedTensorType>(op.getValue().getType());
  auto ot = cast<RankedTensorType>(op.getInit().getType());

  // Host side: buffers of the operands and a fresh result buffer, passed to
  // a private function that phase 2 (attn-gpu-mma-kernels) defines after
  // bufferization and deallocation, which do not look into GPU code.
  auto bufferOf = [&](Value t, RankedTensorType type) -> Value {
    auto mt = MemRefType::get(type.getShape(), type.getElementType());
    return bufferization::ToBufferOp::create(b, loc, mt, t,
                                             /*read_only=*/true);
  };
  Value qB = bufferOf(op.getQuery(), qt), kB = bufferOf(op.getKey(), kt),
        vB = bufferOf(op.getValue(), vt);
  Value maskB;
  if (Value mask = op.getMask())
    maskB = bufferOf(mask, cast<RankedTensorType>(mask.getType()));
  SmallVector<Value> outDyn;
  for (int64_t d = 0; d < ot.getRank(); ++d)
    if (ot.isDynamicDim(d))
      outDyn.push_back(tensor::DimOp::create(b, loc, op.getInit(), d));
  auto outMemTy = MemRefType::get(ot.getShape(), ot.getElementType());
  Value oB = memref::AllocOp::create(b, loc, outMemTy, outDyn,
                                     b.getI64IntegerAttr(64));

  auto module = op->getParentOfType<ModuleOp>();
  SymbolTable symbols(module);
  OpBuilder mb = OpBuilder::atBlockEnd(module.getBody());
  SmallVector<Value> args = {qB, kB, vB, oB};
  if (maskB)
    args.push_back(maskB);
  auto fnType = FunctionType::get(ctx, ValueRange(args).getTypes(), {});
  std::string name = "attn_mma";
  if (auto parent = op->getParentOfType<func::FuncOp>())
    name = (parent.getName() + "_mma").str();
  NamedAttrList attrs;
  // Warpgroup MMA when enabled, the head sizes fit its 64-column swizzled
  // panels and Q plus the K/V stages fit in shared memory.
  int64_t d = qt.getDimSize(3), dv = vt.getDimSize(3);
  // wgmma-key-tile = 0: 128 keys at D = Dv = 64, 64 otherwise (the H200
  // tile sweeps in docs/Performance.md).
  const int64_t wgKeyTile = wgmmaKeyTile != 0
                                ? wgmmaKeyTile.getValue()
                                : (d == 64 && dv == 64 ? 128 : 64);
  // Registers: the S (BN/2) and O (Dv/2) accumulators and P (BN/4) per
  // thread, plus about 48 for addresses and the softmax state; more than
  // the SM's 64K registers for the CTA (or 255 a thread) would spill or
  // serialise the wgmma (ptxas C7512), so such tiles keep mma.sync.
  // wgmma-overlap keeps a second P (BN/4) live and three K/V buffers.
  int64_t wgRegs =
      wgKeyTile / 2 + dv / 2 + (wgmmaOverlap ? 2 : 1) * (wgKeyTile / 4) + 48;
  int64_t wgStages = wgmmaOverlap ? 3 : wgmmaStages();
  bool useWgmma =
      wgmmaGroups > 0 && (d == 64 || d == 128) && (dv == 64 || dv == 128) &&
      (64 * wgmmaGroups * d + wgStages * wgKeyTile * (d + dv)) * 2 + 1024 <=
          maxSmem &&
      wgRegs <= 255 && wgRegs * 128 * wgmmaGroups <= 65536;
  if (wgmmaGroups > 0 && !useWgmma && report)
    op.emitRemark() << "attn-gpu-mma-attention: no wgmma kernel (D = " << d
                    << ", Dv = " << dv << ", "
                    << static_cast<int64_t>(wgmmaGroups) << " warpgroups, "
                    << wgKeyTile
                    << "-key tiles: wgmma needs D and Dv in {64, 128} and the "
                       "tiles in shared memory and registers); using mma.sync";
  attrs.set("warps", mb.getI64IntegerAttr(useWgmma ? 4 * wgmmaGroups : warps));
  attrs.set("key_tile",
            mb.getI64IntegerAttr(useWgmma ? wgKeyTile
                                          : mmaKeyTileFor(keyTile, d, dv)));
  attrs.set("wgmma", mb.getBoolAttr(useWgmma));
  if (useWgmma) {
    attrs.set("overlap", mb.getBoolAttr(wgmmaOverlap));
    if (wgmmaParts != 3)
      attrs.set("wgmma_parts", mb.getI64IntegerAttr(wgmmaParts));
  }
  int64_t kernelStages = useWgmma ? wgStages : mmaStages();
  attrs.set("stages", mb.getI64IntegerAttr(kernelStages));
  if (kernelStages == 1 && splitCopies)
    attrs.set("split_copies", mb.getBoolAttr(true));
  // min-ctas caps a thread's registers at 64K / (CTAs x threads). Below
  // what the wgmma kernel's accumulators and P take (BN/2 + Dv/2 + BN/4 a
  // thread), ptxas would refuse it (C7602) or serialise its wgmma, so such
  // a cap is not applied there; above, attn-gpu-fit-registers warns about
  // any spill under the hint.
  int64_t kernelMinCtas = minCtas;
  if (useWgmma && minCtas > 0) {
    int64_t cap = std::min<int64_t>(
        255, (65536 / (minCtas * 128 * wgmmaGroups)) / 8 * 8);
    int64_t floor = wgKeyTile / 2 + dv / 2 + wgKeyTile / 4;
    if (cap < floor) {
      op.emitWarning() << "attn-gpu-mma-attention: min-ctas ("
                       << "mma-min-ctas in attn-nvvm-pipeline) = "
                       << static_cast<int64_t>(minCtas) << " would cap the "
                       << "wgmma kernel at " << cap
                       << " registers a thread (its accumulators and P "
                          "alone take "
                       << floor << "); not applied to it";
      kernelMinCtas = 0;
    }
  }
  attrs.set("min_ctas", mb.getI64IntegerAttr(kernelMinCtas));
  attrs.set("splits", mb.getI64IntegerAttr(keySplits));
  attrs.set("causal", mb.getI64IntegerAttr(
                          static_cast<int64_t>(op.getCausalOrDefault())));
  attrs.set("scale", mb.getF64FloatAttr(op.getScaleOrDefault()));
  attrs.set("bshd", mb.getBoolAttr(op.getLayoutOrDefault() == Layout::bshd));
  // A bound beyond any representable length is no bound (as in the flash
  // lowering).
  constexpr int64_t kNoBound = int64_t(1) << 40;
  auto bound = [&](int64_t w) { return w >= kNoBound ? -1 : w; };
  attrs.set("window_left", mb.getI64IntegerAttr(bound(op.getWindowLeft())));
  attrs.set("window_right", mb.getI64IntegerAttr(bound(op.getWindowRight())));
  if (std::optional<APFloat> cap = op.getSoftcap())
    attrs.set("softcap", mb.getF64FloatAttr(cap->convertToDouble()));
  // Ops with the same operand types and kernel attributes (the layers of a
  // model) share one kernel: its code depends on nothing else.
  DictionaryAttr kernelAttrs = attrs.getDictionary(ctx);
  func::FuncOp fn;
  for (auto other : module.getOps<func::FuncOp>())
    if (other.isDeclaration() && other.getFunctionType() == fnType &&
        other->getAttr(kKernelAttr) == kernelAttrs) {
      fn = other;
      break;
    }
  if (!fn) {
    fn = func::FuncOp::create(mb, loc, name, fnType);
    fn.setPrivate();
    symbols.insert(fn); // uniquifies the name
    fn->setAttr(kKernelAttr, kernelAttrs);
  }
  func::CallOp::create(b, loc, fn, args);

  Value result = bufferization::ToTensorOp::create(
      b, loc, ot, oB, /*restrict=*/true, /*writable=*/true);
  op.getResult().replaceAllUsesWith(result);
  op.erase();
}

/// Why `fn` is not a kernel declaration that phase 2 can define, or "".
/// Phase 1 only makes valid ones; this guards hand-written IR.
static std::string kernelDeclError(func::FuncOp fn, int64_t maxSmem,
                                   bool allowWgmma) {
  auto attrs = fn->getAttrOfType<DictionaryAttr>(kKernelAttr);
  if (!attrs)
    return std::string(kKernelAttr) + " is not a dictionary";
  auto intIn = [&](StringRef n, int64_t lo, int64_t hi) -> std::string {
    auto a = dyn_cast_or_null<IntegerAttr>(attrs.get(n));
    if (!a)
      return "no integer '" + n.str() + "'";
    if (a.getInt() < lo || a.getInt() > hi)
      return "'" + n.str() + "' = " + std::to_string(a.getInt()) +
             " is out of [" + std::to_string(lo) + ", " + std::to_string(hi) +
             "]";
    return "";
  };
  for (auto [n, lo, hi] : {std::tuple<StringRef, int64_t, int64_t>{
                               "warps", 1, 16},
                           {"key_tile", 16, 256},
                           {"stages", 1, 3},
                           {"min_ctas", 0, 32},
                           {"causal", 0, 2}})
    if (std::string e = intIn(n, lo, hi); !e.empty())
      return e;
  auto geti = [&](StringRef n) {
    return cast<IntegerAttr>(attrs.get(n)).getInt();
  };
  if (geti("key_tile") % 16)
    return "'key_tile' must be a multiple of 16";
  if (attrs.get("splits"))
    if (std::string e = intIn("splits", 0, kMaxKeySplits); !e.empty())
      return e;
  if (!symbolizeCausal(geti("causal")))
    return "'causal' is not a causal kind";
  if (!isa_and_nonnull<FloatAttr>(attrs.get("scale")))
    return "no float 'scale'";
  if (!isa_and_nonnull<BoolAttr>(attrs.get("bshd")))
    return "no bool 'bshd'";
  FunctionType type = fn.getFunctionType();
  if ((type.getNumInputs() != 4 && type.getNumInputs() != 5) ||
      type.getNumResults() != 0)
    return "expected (Q, K, V, O[, mask]) memref arguments and no results";
  if (!isa_and_nonnull<IntegerAttr>(attrs.get("window_left")) ||
      !isa_and_nonnull<IntegerAttr>(attrs.get("window_right")) ||
      cast<IntegerAttr>(attrs.get("window_left")).getInt() < -1 ||
      cast<IntegerAttr>(attrs.get("window_right")).getInt() < -1)
    return "'window_left'/'window_right' must be integers >= -1";
  if (Attribute cap = attrs.get("softcap")) {
    auto f = dyn_cast<FloatAttr>(cap);
    if (!f || !(f.getValueAsDouble() > 0.0) ||
        !std::isfinite(f.getValueAsDouble()))
      return "'softcap' must be a positive finite float";
  }
  if (type.getNumInputs() == 5) {
    auto mt = dyn_cast<MemRefType>(type.getInput(4));
    if (!mt || mt.getRank() > 4 || !mt.getLayout().isIdentity() ||
        mt.getMemorySpace())
      return "the mask must be a memref of rank <= 4 with identity layout";
    Type e = mt.getElementType();
    if (!e.isInteger(1) && !e.isF16() && !e.isBF16() && !e.isF32())
      return "the mask element type must be i1, f16, bf16 or f32";
  }
  SmallVector<MemRefType> m;
  for (Type t : type.getInputs().take_front(4)) {
    auto mt = dyn_cast<MemRefType>(t);
    if (!mt || mt.getRank() != 4 || !mt.getLayout().isIdentity())
      return "arguments must be 4-D memrefs with identity layout";
    m.push_back(mt);
  }
  Type et = m[0].getElementType();
  if ((!et.isF16() && !et.isBF16()) || m[1].getElementType() != et ||
      m[2].getElementType() != et)
    return "Q, K and V must be all f16 or all bf16";
  Type ot = m[3].getElementType();
  if (!ot.isF16() && !ot.isBF16() && !ot.isF32())
    return "O must be f16, bf16 or f32";
  for (MemRefType t : m)
    if (t.getMemorySpace())
      return "arguments must be in the default (global) memory space";
  int64_t d = m[0].getDimSize(3), dv = m[2].getDimSize(3);
  auto goodHead = [](int64_t x) {
    return !ShapedType::isDynamic(x) && x > 0 && x % 16 == 0 && x <= 256;
  };
  if (!goodHead(d) || !goodHead(dv) || m[1].getDimSize(3) != d ||
      m[3].getDimSize(3) != dv)
    return "head sizes must be static multiples of 16 up to 256 and agree";
  // Shapes: Q, O [B, Sq, Hq] and K, V [B, Skv, Hkv] (in layout order) agree
  // where static; head counts static with Hkv > 0 dividing Hq.
  bool bshd = cast<BoolAttr>(attrs.get("bshd")).getValue();
  int64_t seqPos = bshd ? 1 : 2, headPos = bshd ? 2 : 1;
  auto agree = [](int64_t a, int64_t b) {
    return ShapedType::isDynamic(a) || ShapedType::isDynamic(b) || a == b;
  };
  for (int64_t dim : {int64_t(0), seqPos, headPos})
    if (!agree(m[0].getDimSize(dim), m[3].getDimSize(dim)) ||
        !agree(m[1].getDimSize(dim), m[2].getDimSize(dim)))
      return "Q and O, or K and V, disagree in dimension " +
             std::to_string(dim);
  if (!agree(m[0].getDimSize(0), m[1].getDimSize(0)))
    return "Q and K disagree in the batch size";
  int64_t hq = m[0].getDimSize(headPos), hkv = m[1].getDimSize(headPos);
  if (ShapedType::isDynamic(hq) || ShapedType::isDynamic(hkv) || hkv <= 0 ||
      hq % hkv != 0)
    return "head counts must be static with Hkv > 0 dividing Hq";
  if (type.getNumInputs() == 5) {
    // The kernel reads the mask trailing-aligned to [B, Hq, Sq, Skv], a
    // static 1 broadcast: every other dim must be that dim's size.
    auto mt = cast<MemRefType>(type.getInput(4));
    int64_t logical[4] = {m[0].getDimSize(0), hq, m[0].getDimSize(seqPos),
                          m[1].getDimSize(seqPos)};
    for (int64_t k = 0; k < mt.getRank(); ++k) {
      int64_t size = mt.getDimSize(k);
      if (size != 1 && !agree(size, logical[4 - mt.getRank() + k]))
        return "the mask's dimension " + std::to_string(k) + " (size " +
               std::to_string(size) +
               ") is neither 1 nor the size of its dimension of [B, Hq, "
               "Sq, Skv]";
    }
  }
  double scale = cast<FloatAttr>(attrs.get("scale")).getValueAsDouble();
  if (!std::isfinite(scale) || scale == 0.0)
    return "'scale' is not finite and non-zero";
  if (Attribute w = attrs.get("wgmma")) {
    if (!isa<BoolAttr>(w))
      return "'wgmma' is not a bool";
    if (cast<BoolAttr>(w).getValue()) {
      if (geti("warps") % 4)
        return "'wgmma' needs whole warpgroups ('warps' a multiple of 4)";
      if ((d != 64 && d != 128) || (dv != 64 && dv != 128))
        return "'wgmma' needs D and Dv in {64, 128}";
    }
  }
  if (Attribute o = attrs.get("overlap"); o && !isa<BoolAttr>(o))
    return "'overlap' is not a bool";
  auto flag = [&](StringRef n) {
    auto f = dyn_cast_or_null<BoolAttr>(attrs.get(n));
    return f && f.getValue();
  };
  if (Attribute sc = attrs.get("split_copies"); sc && !isa<BoolAttr>(sc))
    return "'split_copies' is not a bool";
  if (flag("split_copies") && geti("stages") != 1)
    return "'split_copies' needs 'stages' = 1";
  if (geti("stages") == 3 && !(flag("wgmma") && flag("overlap")))
    return "'stages' = 3 is only for the wgmma kernel with 'overlap'";
  if (flag("overlap") && geti("stages") != 3)
    return "'overlap' needs 'stages' = 3";
  if (Attribute p = attrs.get("wgmma_parts")) {
    auto pi = dyn_cast<IntegerAttr>(p);
    if (!pi || pi.getInt() < 1 || pi.getInt() > 3)
      return "'wgmma_parts' must be 1, 2 or 3";
    if (flag("overlap") && pi.getInt() != 3)
      return "'overlap' needs 'wgmma_parts' = 3";
  }
  // What the chip must provide (phase 1 only declares kernels that fit).
  const int64_t w = geti("warps"), bn = geti("key_tile"), st = geti("stages");
  const bool wg = flag("wgmma");
  if (wg && !allowWgmma)
    return "'wgmma' needs a chip with warpgroup MMA (sm_90a)";
  int64_t smem = wg ? (16 * w * d + st * bn * (d + dv)) * 2 + 1024
                    : st * bn * ((d + 8) + (dv + 8)) * 2 +
                          (qInSharedMemory(d) ? 16 * w * (d + 8) * 2 : 0);
  if (smem > maxSmem)
    return "the kernel needs " + std::to_string(smem) +
           " bytes of shared memory, more than the " + std::to_string(maxSmem) +
           " a block may use";
  if (wg) {
    // As phase 1 estimates it: the S and O accumulators, P (twice with
    // overlap) and about 48 more; beyond 255 a thread or the SM's 64K,
    // ptxas cannot compile the wgmma (C7602) or serialises it.
    int64_t regs = bn / 2 + dv / 2 + (flag("overlap") ? 2 : 1) * (bn / 4) + 48;
    if (regs > 255 || regs * 32 * w > 65536)
      return "the wgmma tiles need about " + std::to_string(regs) +
             " registers a thread for " + std::to_string(32 * w) +
             " threads, more than 255 or 64K a CTA";
  }
  return "";
}

/// Phase 2: defines the body of a kernel function declared by phase 1.
static void buildKernel(func::FuncOp fn) {
  auto attrs = fn->getAttrOfType<DictionaryAttr>(kKernelAttr);
  auto geti = [&](StringRef n) {
    return cast<IntegerAttr>(attrs.get(n)).getInt();
  };
  Block *entry = fn.addEntryBlock();
  OpBuilder b = OpBuilder::atBlockBegin(entry);
  Location loc = fn.getLoc();
  KernelBuilder k(b, loc);
  MLIRContext *ctx = b.getContext();
  Value qB = entry->getArgument(0), kB = entry->getArgument(1),
        vB = entry->getArgument(2), oB = entry->getArgument(3);
  auto qt = cast<MemRefType>(qB.getType());
  auto vt = cast<MemRefType>(vB.getType());
  auto ot = cast<MemRefType>(oB.getType());
  Type et = qt.getElementType(), outEt = ot.getElementType();
  const int64_t D = qt.getDimSize(3), Dv = vt.getDimSize(3);
  const int64_t W = geti("warps"), BM = 16 * W, BN = geti("key_tile"),
                S = geti("stages");
  const int64_t threads = 32 * W;
  const bool bshd = cast<BoolAttr>(attrs.get("bshd")).getValue();
  const int64_t seqPos = bshd ? 1 : 2, headPos = bshd ? 2 : 1;
  const Causal causal = *symbolizeCausal(geti("causal"));
  const double scaleNat = cast<FloatAttr>(attrs.get("scale")).getValueAsDouble();
  const double scaleLog2 = scaleNat * M_LOG2E;
  const int64_t wl = geti("window_left"), wr = geti("window_right");
  std::optional<double> softcap;
  if (auto cap = dyn_cast_or_null<FloatAttr>(attrs.get("softcap")))
    softcap = cap.getValueAsDouble();
  Value maskB = fn.getNumArguments() == 5 ? entry->getArgument(4) : Value();
  const bool boolMask =
      maskB && cast<MemRefType>(maskB.getType()).getElementType().isInteger(1);
  const bool floatMask = maskB && !boolMask;
  const bool structural = causal != Causal::none || wl >= 0 || wr >= 0;
  // sm_90a: warpgroup MMA (each group of 4 warps owns 64 query rows), Q and
  // the K/V tiles in 128-byte-swizzled shared memory.
  const bool useWgmma = isa_and_nonnull<BoolAttr>(attrs.get("wgmma")) &&
                        cast<BoolAttr>(attrs.get("wgmma")).getValue();
  // wgmma overlap (FlashAttention-3's intra-warpgroup pipelining, three
  // K/V buffers): step j issues S_j = Q K_j^T and then P_{j-1} V_{j-1},
  // waits for S_j only, runs the softmax of tile j while P V runs, then
  // waits for P V and rescales O.
  // Diagnostic split (wgmma_parts): 1 = only S = Q K^T on wgmma, 2 = only
  // O += P V, 3 = both; the other product reads the same swizzled tiles
  // through ldmatrix and runs on mma.sync.
  int64_t parts = 3;
  if (auto pa = dyn_cast_or_null<IntegerAttr>(attrs.get("wgmma_parts")))
    parts = pa.getInt();
  const bool wgS = useWgmma && (parts & 1), wgPV = useWgmma && (parts & 2);
  const bool overlap = wgS && wgPV && S == 3 &&
                       isa_and_nonnull<BoolAttr>(attrs.get("overlap")) &&
                       cast<BoolAttr>(attrs.get("overlap")).getValue();
  // One K/V buffer with K and V copied as separate cp.async groups: K of
  // tile j+1 is issued once S_j is done and loads under the softmax and
  // P V of tile j; V of tile j at the start of step j (P V_{j-1} is done),
  // under S_j and its softmax.
  const bool splitCopies =
      S == 1 && !overlap &&
      isa_and_nonnull<BoolAttr>(attrs.get("split_copies")) &&
      cast<BoolAttr>(attrs.get("split_copies")).getValue();
  // Split-KV (0: chosen at run time; 1, or absent: none).
  int64_t splitsOpt = 1;
  if (auto sp = dyn_cast_or_null<IntegerAttr>(attrs.get("splits")))
    splitsOpt = sp.getInt();
  const bool maySplit = splitsOpt != 1;
  fn->removeAttr(kKernelAttr);
  if (auto minCtas = dyn_cast_or_null<IntegerAttr>(attrs.get("min_ctas")))
    if (minCtas.getInt() > 0)
      fn->setAttr(kMinCtasAttr, minCtas);

  Value batch = memref::DimOp::create(b, loc, qB, 0);
  Value hq = memref::DimOp::create(b, loc, qB, headPos);
  Value hkv = memref::DimOp::create(b, loc, kB, headPos);
  Value sq = memref::DimOp::create(b, loc, qB, seqPos);
  Value skv = memref::DimOp::create(b, loc, kB, seqPos);
  Value group = k.div(hq, hkv);
  // The diagonal: key j aligns with query i + delta (bottom-right unless
  // causal = top_left, as in the flash lowering).
  Value delta =
      structural && causal != Causal::top_left ? k.sub(skv, sq) : k.idx(0);

  // Nothing to launch for an empty output (a grid of 0 is a CUDA error).
  Value c0 = k.idx(0);
  Value nonEmpty = arith::AndIOp::create(
      b, loc,
      arith::AndIOp::create(b, loc,
                            k.cmp(arith::CmpIPredicate::sgt, batch, c0),
                            k.cmp(arith::CmpIPredicate::sgt, hq, c0)),
      k.cmp(arith::CmpIPredicate::sgt, sq, c0));
  auto ifOp = scf::IfOp::create(b, loc, nonEmpty, /*withElse=*/false);
  b.setInsertionPointAfter(ifOp);
  func::ReturnOp::create(b, loc);
  b.setInsertionPointToStart(ifOp.thenBlock());

  Value gridX = k.div(k.add(sq, k.idx(BM - 1)), k.idx(BM));
  const int64_t kRow = D + 8, vRow = Dv + 8; // padded smem rows (16 bytes)
  const int64_t kBytes = S * BN * kRow * 2, vBytes = S * BN * vRow * 2;
  // mma.sync with D over 128: Q stays in shared memory ([BM x D], rows
  // padded like K's) and each k-step's fragments are read with ldmatrix,
  // which frees D/4 registers a thread (FlashAttention-2 does the same at
  // D = 256); at D <= 128 the fragments are loaded into registers once.
  const bool qInSmem = !useWgmma && qInSharedMemory(D);
  const int64_t qBytes = qInSmem ? BM * kRow * 2 : 0;
  // wgmma layout (elements): Q [BM x D], then S K tiles [BN x D], then S V
  // tiles [BN x Dv], each as 64-column panels of 128-byte rows; 1024 bytes
  // of slack to align the start to the swizzle pattern.
  const int64_t qElems = BM * D, kElems = BN * D, vElems = BN * Dv;
  const int64_t wgBytes = (qElems + S * (kElems + vElems)) * 2;
  Value smemBytes = k.i32(useWgmma ? wgBytes + 1024 : kBytes + vBytes + qBytes);
  // Split-KV: `splits` CTAs share each query tile's keys; each writes its
  // normalised O and its row max and sum (m, l, base 2) to device
  // workspaces, which a second kernel combines. Decided here, at run time:
  // splits = 0 asks for about kSplitTargetCtas CTAs (decoding with few
  // heads leaves most SMs idle otherwise), at least two key tiles a split.
  Value splits = k.idx(1), oW, mlW;
  if (maySplit) {
    Value keyTiles = k.div(k.add(skv, k.idx(BN - 1)), k.idx(BN));
    Value want;
    if (splitsOpt == 0) {
      // Only grids of fewer CTAs than SMs: on the H200, 8 x 32 decoding
      // CTAs split in two ran at 3.19 TFLOP/s against 3.50 unsplit.
      Value ctas = k.mul(k.mul(gridX, hq), batch);
      want = k.div(k.add(k.idx(kSplitTargetCtas - 1), ctas), ctas);
      want = k.minS(k.minS(want, k.idx(kMaxKeySplits)),
                    k.div(keyTiles, k.idx(2)));
      want = k.sel(k.cmp(arith::CmpIPredicate::slt, ctas,
                         k.idx(kSplitMaxCtas)),
                   want, k.idx(1));
    } else {
      want = k.minS(k.idx(splitsOpt), keyTiles);
    }
    // At most kMaxWorkspaceFloats floats of workspace: a fixed split count
    // must not turn a large prefill into an allocation failure.
    Value rowFloats = k.mul(k.mul(k.mul(batch, hq), sq), k.idx(Dv + 2));
    want = k.minS(want, k.div(k.idx(kMaxWorkspaceFloats), rowFloats));
    splits = k.maxS(k.idx(1), want);
    // Workspaces only when split (a zero-sized gpu.alloc is no allocation).
    Value wsSplits = k.sel(k.cmp(arith::CmpIPredicate::sgt, splits, k.idx(1)),
                           splits, c0);
    Type f32 = b.getF32Type();
    int64_t dyn = ShapedType::kDynamic;
    oW = gpu::AllocOp::create(b, loc, MemRefType::get({dyn, dyn, dyn, dyn, Dv}, f32),
                              Type(), ValueRange{},
                              ValueRange{wsSplits, batch, hq, sq}, ValueRange{})
             .getMemref();
    mlW = gpu::AllocOp::create(b, loc, MemRefType::get({dyn, dyn, dyn, dyn, 2}, f32),
                               Type(), ValueRange{},
                               ValueRange{wsSplits, batch, hq, sq}, ValueRange{})
              .getMemref();
  }
  auto launch = gpu::LaunchOp::create(b, loc, k.mul(gridX, splits), hq, batch,
                                      k.idx(threads), k.idx(1), k.idx(1),
                                      smemBytes);
  Block &body = launch.getBody().front();
  b.setInsertionPointToStart(&body);
  gpu::TerminatorOp::create(b, loc);
  b.setInsertionPointToStart(&body);

  auto wg = gpu::AddressSpaceAttr::get(ctx, gpu::AddressSpace::Workgroup);
  Type f32 = b.getF32Type();
  auto frag2 = VectorType::get({2}, et);
  auto fragA = VectorType::get({4, 2}, et);
  auto fragB = VectorType::get({2, 2}, et);
  auto fragC = VectorType::get({2, 2}, f32);
  auto fragB4 = VectorType::get({4, 2}, et);

  Value tid = launch.getThreadIds().x;
  Value qTile = launch.getBlockIds().x, split = c0;
  if (maySplit) {
    split = k.rem(qTile, splits);
    qTile = k.div(qTile, splits);
  }
  // Causal: the last query tiles see the most keys. CTAs start in order of
  // their block index, so block x takes tile gridX - 1 - x: the longest
  // CTAs start first and the short ones fill the SMs at the end (as
  // FlashAttention-2 orders its causal blocks).
  if (causal != Causal::none)
    qTile = k.sub(k.sub(gridX, k.idx(1)), qTile);
  Value head = launch.getBlockIds().y;
  Value bIdx = launch.getBlockIds().z;
  Value warp = k.div(tid, k.idx(32)), lane = k.rem(tid, k.idx(32));
  Value g = k.div(lane, k.idx(4)), t4 = k.rem(lane, k.idx(4));
  Value kvHead = k.div(head, group);
  Value tileRow0 = k.mul(qTile, k.idx(BM));
  Value row[2];
  row[0] = k.add(k.add(tileRow0, k.mul(warp, k.idx(16))), g);
  row[1] = k.add(row[0], k.idx(8));
  Value sqLast = k.sub(sq, k.idx(1));
  Value rowC[2] = {k.minS(row[0], sqLast), k.minS(row[1], sqLast)};
  auto at = [&](Value h, Value s, Value d) -> SmallVector<Value> {
    if (bshd)
      return {bIdx, s, h, d};
    return {bIdx, h, s, d};
  };
  Value t2 = k.mul(t4, k.idx(2));

  // Q fragments (A operands of S = Q K^T), loaded once (unless Q stays in
  // shared memory).
  SmallVector<Value> qFrag;
  for (int64_t kk = 0; kk < (wgS || qInSmem ? 0 : D / 16); ++kk) {
    SmallVector<Value> rows;
    for (auto [r, off] : {std::pair<int, int64_t>{0, 0}, {1, 0}, {0, 8},
                          {1, 8}}) {
      Value col = k.add(t2, k.idx(kk * 16 + off));
      auto load = vector::LoadOp::create(b, loc, frag2, qB,
                                         at(head, rowC[r], col));
      load.setAlignment(4);
      rows.push_back(load);
    }
    qFrag.push_back(k.stack(fragA, rows));
  }

  // Shared memory: K and V tiles, S buffers each, rows padded by 16 bytes.
  auto dynSmemTy = MemRefType::get({ShapedType::kDynamic}, b.getI8Type(),
                                   AffineMap(), wg);
  Value smem = gpu::DynamicSharedMemoryOp::create(b, loc, dynSmemTy);
  auto kSTy = MemRefType::get({S, BN, kRow}, et, AffineMap(), wg);
  auto vSTy = MemRefType::get({S, BN, vRow}, et, AffineMap(), wg);
  Value kS = memref::ViewOp::create(b, loc, kSTy, smem, k.idx(0), ValueRange{});
  Value vS =
      memref::ViewOp::create(b, loc, vSTy, smem, k.idx(kBytes), ValueRange{});
  Value qS;
  if (qInSmem)
    qS = memref::ViewOp::create(
        b, loc, MemRefType::get({BM, kRow}, et, AffineMap(), wg), smem,
        k.idx(kBytes + vBytes), ValueRange{});
  // wgmma: a flat view from the first 1024-byte-aligned shared address;
  // smemAddr is that address (i32) for the matrix descriptors.
  Value flat, smemAddrIdx;
  if (useWgmma) {
    Value base = memref::ExtractAlignedPointerAsIndexOp::create(b, loc, smem);
    Value pad = k.rem(k.sub(k.idx(1024), k.rem(base, k.idx(1024))),
                      k.idx(1024));
    flat = memref::ViewOp::create(
        b, loc, MemRefType::get({wgBytes / 2}, et, AffineMap(), wg), smem,
        pad, ValueRange{});
    smemAddrIdx = k.add(base, pad);
  }
  // Element offset of (row r, column c) in a swizzled region of `rows` rows
  // starting at element `region` (c a multiple of 8): 64-column panels of
  // 128-byte rows, the 16-byte chunk index XORed with r mod 8.
  auto swz = [&](Value region, int64_t rows, Value r, Value c) -> Value {
    Value panel = k.div(c, k.idx(64));
    Value chunk = k.div(k.rem(c, k.idx(64)), k.idx(8));
    Value x = arith::XOrIOp::create(b, loc, chunk, k.rem(r, k.idx(8)));
    return k.add(k.add(region, k.mul(panel, k.idx(rows * 64))),
                 k.add(k.mul(r, k.idx(64)), k.mul(x, k.idx(8))));
  };

  // Key range of this CTA.
  // Keys [kvBegin, kvEnd) can be visible to some row of this CTA; the loop
  // runs over the key tiles [tBegin, tEnd) that cover them.
  Value lastRow = k.sub(k.minS(sq, k.add(tileRow0, k.idx(BM))), k.idx(1));
  Value kvEnd = skv;
  if (causal != Causal::none)
    kvEnd = k.minS(kvEnd, k.add(k.add(lastRow, delta), k.idx(1)));
  if (wr >= 0)
    kvEnd = k.minS(kvEnd, k.add(k.add(lastRow, delta), k.idx(wr + 1)));
  kvEnd = k.maxS(c0, kvEnd);
  Value kvBegin = c0;
  if (wl >= 0)
    kvBegin = k.minS(kvEnd, k.maxS(c0, k.sub(k.add(tileRow0, delta),
                                              k.idx(wl))));
  Value tBegin = k.div(kvBegin, k.idx(BN));
  Value tEnd = k.div(k.add(kvEnd, k.idx(BN - 1)), k.idx(BN));
  Value nTiles = k.sub(tEnd, tBegin);
  // Keys at or past loadEnd are zero-filled, not read: kvEnd, or with
  // split-KV the end of this CTA's share (the prefetch after its last tile).
  Value loadEnd = kvEnd;
  if (maySplit) {
    // This CTA's share of the tiles: [tBegin + split * per, ... + per).
    Value per = k.div(k.add(nTiles, k.sub(splits, k.idx(1))), splits);
    Value sBegin = k.minS(tEnd, k.add(tBegin, k.mul(split, per)));
    tEnd = k.minS(tEnd, k.add(sBegin, per));
    tBegin = sBegin;
    nTiles = k.sub(tEnd, tBegin);
    loadEnd = k.minS(kvEnd, k.mul(tEnd, k.idx(BN)));
  }

  // Issues the cp.async copies of key tile `tile` into buffer `stage` (K,
  // V or both: `parts` 1, 2 or 3) and commits them as one group. Keys at or
  // past loadEnd are zero-filled.
  auto issue = [&](Value tile, Value stage, int parts = 3) {
    Value j0 = k.mul(tile, k.idx(BN));
    SmallVector<Value> tokens;
    auto copyRows = [&](Value src, Value dst, int64_t width, Value region) {
      int64_t chunksPerRow = width / 8, total = BN * chunksPerRow;
      for (int64_t c = 0; c * threads < total; ++c) {
        Value id = k.add(tid, k.idx(c * threads));
        auto emit = [&]() {
          Value r = k.div(id, k.idx(chunksPerRow));
          Value col = k.mul(k.rem(id, k.idx(chunksPerRow)), k.idx(8));
          Value key = k.add(j0, r);
          Value valid = k.cmp(arith::CmpIPredicate::slt, key, loadEnd);
          Value keyC = k.sel(valid, key, c0);
          Value n = k.sel(valid, k.idx(8), c0);
          SmallVector<Value> dstIdx = {stage, r, col};
          if (useWgmma)
            dstIdx = {swz(region, BN, r, col)};
          tokens.push_back(nvgpu::DeviceAsyncCopyOp::create(
              b, loc, nvgpu::DeviceAsyncTokenType::get(ctx),
              useWgmma ? flat : dst, dstIdx, src, at(kvHead, keyC, col),
              b.getIndexAttr(8), n, b.getUnitAttr()));
        };
        if ((c + 1) * threads <= total) {
          emit();
        } else {
          auto guard = scf::IfOp::create(
              b, loc, k.cmp(arith::CmpIPredicate::slt, id, k.idx(total)),
              false);
          OpBuilder::InsertionGuard ig(b);
          b.setInsertionPointToStart(guard.thenBlock());
          emit();
          // Tokens do not leave the scf.if; the group is committed below.
          tokens.pop_back();
        }
      }
    };
    Value kRegion, vRegion;
    if (useWgmma) {
      kRegion = k.add(k.idx(qElems), k.mul(stage, k.idx(kElems)));
      vRegion = k.add(k.idx(qElems + S * kElems),
                      k.mul(stage, k.idx(vElems)));
    }
    if (parts & 1)
      copyRows(kB, kS, D, kRegion);
    if (parts & 2)
      copyRows(vB, vS, Dv, vRegion);
    return nvgpu::DeviceAsyncCreateGroupOp::create(
        b, loc, nvgpu::DeviceAsyncTokenType::get(ctx), tokens);
  };

  if (useWgmma || qInSmem) {
    // Q into shared memory as its own cp.async group, committed before the
    // first K/V tile's: the first key step's wait and barrier cover it. Rows
    // past the end are zero-filled (computed, never stored). wgmma: the
    // swizzled region; mma.sync with D over 128: the [BM x D] region after
    // the K/V stages, rows padded like K's.
    SmallVector<Value> tokens;
    int64_t chunksPerRow = D / 8, total = BM * chunksPerRow;
    for (int64_t c = 0; c * threads < total; ++c) {
      Value id = k.add(tid, k.idx(c * threads));
      Value r = k.div(id, k.idx(chunksPerRow));
      Value col = k.mul(k.rem(id, k.idx(chunksPerRow)), k.idx(8));
      Value qRow = k.add(tileRow0, r);
      Value valid = k.cmp(arith::CmpIPredicate::slt, qRow, sq);
      Value n = k.sel(valid, k.idx(8), c0);
      // total is a multiple of threads (BM = 64 x warpgroups for wgmma;
      // D / 16 chunks a thread for mma.sync).
      tokens.push_back(nvgpu::DeviceAsyncCopyOp::create(
          b, loc, nvgpu::DeviceAsyncTokenType::get(ctx), useWgmma ? flat : qS,
          useWgmma ? SmallVector<Value>{swz(c0, BM, r, col)}
                   : SmallVector<Value>{r, col},
          qB, at(head, k.minS(qRow, sqLast), col), b.getIndexAttr(8), n,
          b.getUnitAttr()));
    }
    nvgpu::DeviceAsyncCreateGroupOp::create(
        b, loc, nvgpu::DeviceAsyncTokenType::get(ctx), tokens);
  }
  if (S >= 2 || splitCopies) {
    // Prologue: tile 0 into buffer 0 (only when there is a tile: with no keys
    // every address would be out of bounds); split copies: only K.
    auto pro = scf::IfOp::create(
        b, loc, k.cmp(arith::CmpIPredicate::sgt, nTiles, c0), false);
    OpBuilder::InsertionGuard ig(b);
    b.setInsertionPointToStart(pro.thenBlock());
    issue(tBegin, c0, splitCopies ? 1 : 3);
  }

  // The key loop: carries O (Dv/8 fragments), the row max m and the
  // thread-partial row sum l for the thread's two rows.
  Value negInf = k.f32(-INFINITY), zero = k.f32(0.0);
  Value zeroC = arith::ConstantOp::create(
      b, loc, fragC, DenseElementsAttr::get(fragC, b.getF32FloatAttr(0.0f)));
  SmallVector<Value> init(Dv / 8, zeroC);
  init.append({negInf, negInf, zero, zero});
  // overlap: P of the previous tile (BN/4 packed registers), consumed by the
  // next step's P V.
  const int64_t pRegs = BN / 4;
  if (overlap)
    init.append(SmallVector<Value>(pRegs, k.i32(0)));
  auto loop = scf::ForOp::create(b, loc, tBegin, tEnd, k.idx(1), init);
  // The V tile of key tile `tile` (an index value) as a B descriptor at
  // 16-key step kt, and O += P V over it: shared with the epilogue.
  auto flatten = [&](ArrayRef<Value> frags) {
    SmallVector<Value> o;
    for (Value a : frags)
      for (int64_t i = 0; i < 2; ++i)
        for (int64_t e = 0; e < 2; ++e)
          o.push_back(
              vector::ExtractOp::create(b, loc, a, ArrayRef<int64_t>{i, e}));
    return o;
  };
  auto fragsOf = [&](ArrayRef<Value> d) {
    SmallVector<Value> frags;
    for (size_t n = 0; n * 4 < d.size(); ++n)
      frags.push_back(k.stack(fragC, {k.pair(d[4 * n], d[4 * n + 1]),
                                      k.pair(d[4 * n + 2], d[4 * n + 3])}));
    return frags;
  };
  auto vDesc = [&](Value vRegion, int64_t kt) {
    Value addr = k.add(smemAddrIdx, k.add(k.mul(vRegion, k.idx(2)),
                                          k.idx(kt * 16 * 128)));
    return k.smemDesc(
        arith::IndexCastUIOp::create(b, loc, b.getI32Type(), addr), BN * 128,
        1024);
  };
  auto vRegionOf = [&](Value stageIdx) {
    return k.add(k.idx(qElems + S * kElems), k.mul(stageIdx, k.idx(vElems)));
  };
  auto issuePV = [&](SmallVector<Value> o, ArrayRef<Value> regs,
                     Value vRegion) {
    for (int64_t kt = 0; kt < BN / 16; ++kt)
      o = k.wgmma(o, Value(), regs.slice(4 * kt, 4), vDesc(vRegion, kt),
                  /*accumulate=*/true, /*transB=*/true, et);
    return o;
  };
  {
    OpBuilder::InsertionGuard ig(b);
    b.setInsertionPointToStart(loop.getBody());
    Value it = loop.getInductionVar();
    ValueRange carried = loop.getRegionIterArgs();
    SmallVector<Value> acc(carried.begin(), carried.begin() + Dv / 8);
    Value m[2] = {carried[Dv / 8], carried[Dv / 8 + 1]};
    Value l[2] = {carried[Dv / 8 + 2], carried[Dv / 8 + 3]};
    SmallVector<Value> pPrev, oPrev;
    if (overlap)
      pPrev.assign(carried.begin() + Dv / 8 + 4, carried.end());

    Value stage = c0;
    auto prefetch = [&]() {
      return issue(k.add(it, k.idx(1)),
                   k.rem(k.add(k.sub(it, tBegin), k.idx(1)), k.idx(S)));
    };
    if (overlap) {
      // Only tile j's copy is in flight: wait for it. After the barrier
      // every warpgroup is done with step j-1, so the buffer of tile j-2
      // (whose P V completed in step j-1) takes tile j+1 at once.
      stage = k.rem(k.sub(it, tBegin), k.idx(3));
      nvgpu::DeviceAsyncWaitOp::create(
          b, loc,
          nvgpu::DeviceAsyncCreateGroupOp::create(
              b, loc, nvgpu::DeviceAsyncTokenType::get(ctx), ValueRange{}),
          b.getI32IntegerAttr(0));
    } else if (S == 2) {
      stage = k.rem(k.sub(it, tBegin), k.idx(2));
      // Prefetch the next tile into the other buffer (zero-filled past the
      // end), then wait for this one: at most one group left in flight.
      Value tok = prefetch();
      nvgpu::DeviceAsyncWaitOp::create(b, loc, tok, b.getI32IntegerAttr(1));
    } else if (splitCopies) {
      // V_j into its buffer (free: the last step's closing barrier), then
      // wait for K_j, leaving V_j in flight. (Each wait follows a real
      // group: an empty create_group would commit an empty group, which
      // counts in cp.async.wait_group.)
      Value tok = issue(it, c0, 2);
      nvgpu::DeviceAsyncWaitOp::create(b, loc, tok, b.getI32IntegerAttr(1));
    } else {
      Value tok = issue(it, c0);
      nvgpu::DeviceAsyncWaitOp::create(b, loc, tok, b.getI32IntegerAttr(0));
    }
    // The tensor cores read shared memory through the async proxy: order
    // this thread's cp.async writes before them.
    if (useWgmma)
      k.ptx("fence.proxy.async.shared::cta;");
    gpu::BarrierOp::create(b, loc);
    if (overlap)
      prefetch();

    // S = Q K^T: BN/8 accumulators of 16 x 8.
    const int64_t nBlocks = BN / 8;
    SmallVector<Value> s(nBlocks, zeroC);
    Value lane8 = k.rem(lane, k.idx(8)), laneHi = k.div(lane, k.idx(8));
    // wgmma: descriptor of the swizzled operand at element `elem`, plus
    // `bytes` (k-steps inside a 128-byte row, or whole rows).
    auto descAt = [&](Value elem, int64_t bytes, int64_t lbo) {
      Value addr = k.add(smemAddrIdx, k.add(k.mul(elem, k.idx(2)),
                                            k.idx(bytes)));
      return k.smemDesc(
          arith::IndexCastUIOp::create(b, loc, b.getI32Type(), addr), lbo,
          1024);
    };
    auto toFrags = [&](ArrayRef<Value> d, SmallVector<Value> &frags) {
      for (size_t n = 0; n < frags.size(); ++n)
        frags[n] = k.stack(fragC, {k.pair(d[4 * n], d[4 * n + 1]),
                                   k.pair(d[4 * n + 2], d[4 * n + 3])});
    };
    Value kRegionW, vRegionW;
    if (useWgmma) {
      kRegionW = k.add(k.idx(qElems), k.mul(stage, k.idx(kElems)));
      vRegionW = k.add(k.idx(qElems + S * kElems),
                       k.mul(stage, k.idx(vElems)));
    }
    if (wgS) {
      // S = Q K^T as D/16 m64nBNk16 steps: A = this warpgroup's 64 Q rows,
      // B = the K tile (both K-major: D contiguous); 128-byte swizzle, 8-row
      // groups 1024 bytes apart; a 16-column step is 32 bytes into the row.
      Value qRows = k.mul(k.div(warp, k.idx(4)), k.idx(64 * 64));
      // overlap: O and the previous P also go through the fence (the last
      // step's O rescale is ordered before P V reads O).
      SmallVector<Value> fenced(BN / 2, zero);
      if (overlap) {
        oPrev = flatten(acc);
        fenced.append(oPrev);
        fenced.append(pPrev);
      }
      fenced = k.ptxThrough("wgmma.fence.sync.aligned;", fenced);
      SmallVector<Value> d(fenced.begin(), fenced.begin() + BN / 2);
      if (overlap) {
        oPrev.assign(fenced.begin() + BN / 2, fenced.begin() + BN / 2 + Dv / 2);
        pPrev.assign(fenced.begin() + BN / 2 + Dv / 2, fenced.end());
      }
      for (int64_t kk = 0; kk < D / 16; ++kk) {
        int64_t panel = kk / 4, inRow = (kk % 4) * 32;
        Value aDesc = descAt(k.add(qRows, k.idx(panel * BM * 64)), inRow, 16);
        Value bDesc =
            descAt(k.add(kRegionW, k.idx(panel * BN * 64)), inRow, 16);
        d = k.wgmma(d, aDesc, {}, bDesc, /*accumulate=*/kk > 0,
                    /*transB=*/false, et);
      }
      k.ptx("wgmma.commit_group.sync.aligned;");
      if (overlap) {
        // P_{j-1} V_{j-1}, then wait for S_j only. Before the first tile P
        // is zero and reads this tile's (loaded, finite) V: it adds 0, and
        // the code has no branch around the wgmma.
        Value prevStage = k.sel(
            k.cmp(arith::CmpIPredicate::sgt, it, tBegin),
            k.rem(k.add(k.sub(it, tBegin), k.idx(2)), k.idx(3)), stage);
        oPrev = issuePV(oPrev, pPrev, vRegionOf(prevStage));
        k.ptx("wgmma.commit_group.sync.aligned;");
        d = k.ptxThrough("wgmma.wait_group.sync.aligned 1;", d);
      } else {
        d = k.ptxThrough("wgmma.wait_group.sync.aligned 0;", d);
      }
      toFrags(d, s);
    }
    for (int64_t kk = 0; kk < (wgS ? 0 : D / 16); kk += 2) {
      bool pair = kk + 1 < D / 16;
      if (qInSmem) {
        // This k-step pair's Q fragments: lane l addresses row l % 16 of
        // the warp's 16 rows, column 16 kk + 8 (l / 16): the four 8x8
        // matrices of ldmatrix.x4 are the A operand's (rows 0-7 | 8-15) x
        // (columns 0-7 | 8-15), in the register order of the loads above.
        for (int64_t q = kk; q < kk + (pair ? 2 : 1); ++q) {
          Value r = k.add(k.mul(warp, k.idx(16)), k.rem(lane, k.idx(16)));
          Value col =
              k.add(k.idx(q * 16), k.mul(k.div(lane, k.idx(16)), k.idx(8)));
          Value frag =
              nvgpu::LdMatrixOp::create(b, loc, fragA, qS, ValueRange{r, col},
                                        /*transpose=*/false, 4);
          if (qFrag.size() < size_t(D / 16))
            qFrag.resize(D / 16);
          qFrag[q] = frag;
        }
      }
      for (int64_t n = 0; n < nBlocks; ++n) {
        // Lane l addresses row (l % 8) of 8x8 matrix l / 8: matrices are
        // (keys n*8.., d kk*16), (.., d kk*16+8), (.., d kk*16+16), ...
        Value r = k.add(k.idx(n * 8), lane8);
        Value col = k.add(k.idx(kk * 16), k.mul(pair ? laneHi
                                                      : k.rem(laneHi, k.idx(2)),
                                                 k.idx(8)));
        // (From the swizzled tile when the kernel uses wgmma: each lane's
        // 16-byte row is one swizzle chunk.)
        Value frag = nvgpu::LdMatrixOp::create(
            b, loc, pair ? fragB4 : fragB, useWgmma ? flat : kS,
            useWgmma ? SmallVector<Value>{swz(kRegionW, BN, r, col)}
                     : SmallVector<Value>{stage, r, col},
            /*transpose=*/false, pair ? 4 : 2);
        auto half = [&](int64_t i) -> Value {
          return pair ? k.rowPair(frag, i) : frag;
        };
        s[n] = k.mma(qFrag[kk], half(0), s[n]);
        if (pair)
          s[n] = k.mma(qFrag[kk + 1], half(1), s[n]);
      }
    }

    // Split copies: once every warp is done with K_j, K_{j+1} loads into the
    // buffer under this tile's softmax and P V (zero-filled past the end).
    Value kNextTok;
    if (splitCopies) {
      gpu::BarrierOp::create(b, loc);
      kNextTok = issue(k.add(it, k.idx(1)), c0, 1);
    }

    // Scores as scalars sc[n][i][e] (row i of the thread, column
    // n*8 + 2*t4 + e), scaled into base 2. With softcap or a float mask the
    // score is built in natural units first: scale, softcap, + mask, then
    // x log2 e (the order of the op's definition).
    const bool natural = softcap || floatMask;
    Value scale = k.f32(natural ? scaleNat : scaleLog2);
    Value j0 = k.mul(it, k.idx(BN));
    SmallVector<Value> sc;
    for (int64_t n = 0; n < nBlocks; ++n)
      for (int64_t i = 0; i < 2; ++i)
        for (int64_t e = 0; e < 2; ++e) {
          Value x = k.fmul(
              vector::ExtractOp::create(b, loc, s[n], ArrayRef<int64_t>{i, e}),
              scale);
          if (softcap)
            x = k.softcap(x, *softcap);
          sc.push_back(x);
        }
    auto scIndex = [](int64_t n, int64_t i, int64_t e) {
      return (n * 2 + i) * 2 + e;
    };
    // The mask element of (row i, column n*8 + 2*t4 + e), broadcast over the
    // logical (b, h, i, j) dims (trailing-aligned, static 1s read index 0);
    // rows and columns past the end are clamped (their scores are dropped).
    Value skvLast = k.sub(skv, k.idx(1));
    auto maskAt = [&](int64_t i, Value col) -> Value {
      auto mt = cast<MemRefType>(maskB.getType());
      Value logical[4] = {bIdx, head, rowC[i], k.minS(col, skvLast)};
      SmallVector<Value> idx;
      for (int64_t d = 0; d < mt.getRank(); ++d)
        idx.push_back(mt.getDimSize(d) == 1
                          ? c0
                          : logical[4 - mt.getRank() + d]);
      return memref::LoadOp::create(b, loc, maskB, idx);
    };

    // Element mask on tiles that reach past the keys or a diagonal bound
    // of some row of the CTA; every tile with an explicit mask.
    Value tileEnd = k.add(j0, k.idx(BN));
    Value needMask = k.cmp(arith::CmpIPredicate::sgt, tileEnd, skv);
    auto orMask = [&](Value c) {
      needMask = arith::OrIOp::create(b, loc, needMask, c);
    };
    Value diag0 = k.add(tileRow0, delta);
    Value tileLast = k.sub(tileEnd, k.idx(1));
    if (causal != Causal::none)
      orMask(k.cmp(arith::CmpIPredicate::sgt, tileLast, diag0));
    if (wr >= 0)
      orMask(k.cmp(arith::CmpIPredicate::sgt, tileLast,
                   k.add(diag0, k.idx(wr))));
    if (wl >= 0)
      orMask(k.cmp(arith::CmpIPredicate::slt, j0,
                   k.sub(k.add(lastRow, delta), k.idx(wl))));
    if (maskB)
      needMask = arith::ConstantIntOp::create(b, loc, b.getI1Type(), 1);
    // A score in natural units times log2 e. A finite score below
    // -FLT_MAX / log2 e (an additive mask of finfo.min) would overflow to
    // -inf, which stands for a masked key (a row of those gives 0, not the
    // mean of V): it becomes -FLT_MAX; -inf stays -inf and NaN stays NaN.
    auto toLog2 = [&](Value v) {
      Value scaled = k.fmul(v, k.f32(M_LOG2E));
      auto isNegInf = [&](Value x) {
        return arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OEQ, x,
                                     negInf);
      };
      Value floor = k.sel(isNegInf(v), negInf,
                          k.f32(-std::numeric_limits<float>::max()));
      return k.sel(isNegInf(scaled), floor, scaled);
    };
    {
      SmallVector<Type> types(sc.size(), f32);
      auto maskIf = scf::IfOp::create(b, loc, types, needMask, true);
      OpBuilder::InsertionGuard ig2(b);
      b.setInsertionPointToStart(maskIf.thenBlock());
      SmallVector<Value> masked(sc);
      for (int64_t n = 0; n < nBlocks; ++n)
        for (int64_t e = 0; e < 2; ++e) {
          Value col = k.add(k.add(j0, k.idx(n * 8 + e)), t2);
          Value inKeys = k.cmp(arith::CmpIPredicate::slt, col, skv);
          for (int64_t i = 0; i < 2; ++i) {
            Value vis = inKeys;
            auto conj = [&](Value c) {
              vis = arith::AndIOp::create(b, loc, vis, c);
            };
            Value diag = k.add(row[i], delta);
            if (causal != Causal::none)
              conj(k.cmp(arith::CmpIPredicate::sle, col, diag));
            if (wr >= 0)
              conj(k.cmp(arith::CmpIPredicate::sle, col,
                         k.add(diag, k.idx(wr))));
            if (wl >= 0)
              conj(k.cmp(arith::CmpIPredicate::sge, col,
                         k.sub(diag, k.idx(wl))));
            int64_t x = scIndex(n, i, e);
            Value v = sc[x];
            if (maskB) {
              Value mv = maskAt(i, col);
              if (boolMask) {
                conj(mv);
              } else {
                if (!mv.getType().isF32())
                  mv = arith::ExtFOp::create(b, loc, f32, mv);
                v = k.fadd(v, mv);
              }
            }
            if (natural)
              v = toLog2(v);
            masked[x] = k.sel(vis, v, negInf);
          }
        }
      scf::YieldOp::create(b, loc, masked);
      b.setInsertionPointToStart(maskIf.elseBlock());
      SmallVector<Value> plain(sc);
      if (natural)
        for (Value &v : plain)
          v = toLog2(v);
      scf::YieldOp::create(b, loc, plain);
      b.setInsertionPointAfter(maskIf);
      sc.assign(maskIf.getResults().begin(), maskIf.getResults().end());
    }

    // Online softmax, base 2.
    Value alpha[2], mUse[2], newM[2], newL[2];
    for (int64_t i = 0; i < 2; ++i) {
      Value mx = negInf;
      for (int64_t n = 0; n < nBlocks; ++n)
        for (int64_t e = 0; e < 2; ++e)
          mx = k.fmax(mx, sc[scIndex(n, i, e)]);
      mx = k.quadReduce(mx, /*isMax=*/true);
      newM[i] = k.fmax(m[i], mx);
      Value isInf = arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OEQ,
                                          newM[i], negInf);
      mUse[i] = k.sel(isInf, zero, newM[i]);
      alpha[i] = k.exp2(k.fsub(m[i], mUse[i]));
    }
    SmallVector<Value> p(sc.size());
    Value rowSum[2] = {zero, zero};
    for (int64_t n = 0; n < nBlocks; ++n)
      for (int64_t i = 0; i < 2; ++i)
        for (int64_t e = 0; e < 2; ++e) {
          int64_t x = scIndex(n, i, e);
          p[x] = k.exp2(k.fsub(sc[x], mUse[i]));
          rowSum[i] = k.fadd(rowSum[i], p[x]);
        }
    for (int64_t i = 0; i < 2; ++i)
      newL[i] = k.fadd(k.fmul(l[i], alpha[i]), rowSum[i]);
    Value alphaC = k.stack(fragC, {k.pair(alpha[0], alpha[0]),
                                   k.pair(alpha[1], alpha[1])});
    if (overlap) {
      // P_{j-1} V_{j-1} is done: O, and the registers of P_{j-1} it read,
      // come through the wait.
      SmallVector<Value> w(oPrev);
      w.append(pPrev);
      w = k.ptxThrough("wgmma.wait_group.sync.aligned 0;", w);
      acc = fragsOf(ArrayRef<Value>(w).take_front(Dv / 2));
    }
    for (Value &a : acc)
      a = k.fmul(a, alphaC);

    if (splitCopies) {
      // In flight: V_j, then K_{j+1}. Wait for V_j.
      nvgpu::DeviceAsyncWaitOp::create(b, loc, kNextTok,
                                       b.getI32IntegerAttr(1));
      if (useWgmma)
        k.ptx("fence.proxy.async.shared::cta;");
      gpu::BarrierOp::create(b, loc);
    }

    // O += P V. P's A fragment for keys kt*16.. is the accumulator pair
    // (2kt, 2kt+1) rounded to the element type.
    SmallVector<Value> pNext;
    if (wgPV) {
      // BN/16 m64nDvk16 steps, A = P from registers (the same fragment
      // layout as mma.sync's A), B = the V tile, MN-major (Dv contiguous,
      // transposed): 64-column panels BN x 128 bytes apart (LBO), 8-key
      // groups 1024 bytes apart (SBO), 16 keys = 2048 bytes per step.
      SmallVector<Value> regs;
      auto packed = VectorType::get({1}, b.getI32Type());
      for (int64_t kt = 0; kt < BN / 16; ++kt)
        for (int64_t half = 0; half < 2; ++half)
          for (int64_t i = 0; i < 2; ++i) {
            auto tr = [&](int64_t e) -> Value {
              return arith::TruncFOp::create(b, loc, et,
                                             p[scIndex(2 * kt + half, i, e)]);
            };
            Value v = vector::BitCastOp::create(b, loc, packed,
                                                k.pair(tr(0), tr(1)));
            regs.push_back(vector::ExtractOp::create(b, loc, v, 0));
          }
      if (overlap) {
        // Issued by the next step (or the epilogue).
        pNext = regs;
      } else {
        SmallVector<Value> o = flatten(acc);
        SmallVector<Value> all(o);
        all.append(regs);
        all = k.ptxThrough("wgmma.fence.sync.aligned;", all);
        o.assign(all.begin(), all.begin() + o.size());
        regs.assign(all.begin() + o.size(), all.end());
        o = issuePV(o, regs, vRegionW);
        k.ptx("wgmma.commit_group.sync.aligned;");
        // P's registers come through the wait too: nothing may reuse them
        // while the tensor cores read them.
        all = o;
        all.append(regs);
        all = k.ptxThrough("wgmma.wait_group.sync.aligned 0;", all);
        acc = fragsOf(ArrayRef<Value>(all).take_front(Dv / 2));
      }
    }
    for (int64_t kt = 0; kt < (wgPV ? 0 : BN / 16); ++kt) {
      SmallVector<Value> rows;
      for (int64_t half = 0; half < 2; ++half)
        for (int64_t i = 0; i < 2; ++i) {
          auto tr = [&](int64_t e) -> Value {
            return arith::TruncFOp::create(b, loc, et,
                                           p[scIndex(2 * kt + half, i, e)]);
          };
          rows.push_back(k.pair(tr(0), tr(1)));
        }
      Value pFrag = k.stack(fragA, rows);
      for (int64_t nb = 0; nb < Dv / 8; nb += 2) {
        // Transposed 8x8 matrices: (keys kt*16.., dv nb*8), (keys +8, dv
        // nb*8), (keys kt*16.., dv nb*8+8), (keys +8, dv nb*8+8).
        Value r = k.add(k.add(k.idx(kt * 16), lane8),
                        k.mul(k.rem(laneHi, k.idx(2)), k.idx(8)));
        Value col = k.mul(k.add(k.idx(nb), k.div(lane, k.idx(16))), k.idx(8));
        Value frag = nvgpu::LdMatrixOp::create(
            b, loc, fragB4, useWgmma ? flat : vS,
            useWgmma ? SmallVector<Value>{swz(vRegionW, BN, r, col)}
                     : SmallVector<Value>{stage, r, col},
            /*transpose=*/true, 4);
        for (int64_t h = 0; h < 2; ++h) {
          Value bFrag = k.rowPair(frag, h);
          acc[nb + h] = k.mma(pFrag, bFrag, acc[nb + h]);
        }
      }
    }
    // Every warp is done with this buffer before it is refilled.
    if (!overlap)
      gpu::BarrierOp::create(b, loc);
    SmallVector<Value> yielded(acc);
    yielded.append({newM[0], newM[1], newL[0], newL[1]});
    yielded.append(pNext);
    scf::YieldOp::create(b, loc, yielded);
  }

  // No copy may be left in flight at exit (the last prefetch).
  nvgpu::DeviceAsyncWaitOp::create(
      b, loc,
      nvgpu::DeviceAsyncCreateGroupOp::create(
          b, loc, nvgpu::DeviceAsyncTokenType::get(ctx), ValueRange{}),
      b.getI32IntegerAttr(0));

  // Epilogue: full row sums, O / l (0 for a row with no visible key), store.
  SmallVector<Value> res(loop.getResults());
  if (overlap) {
    // The last tile's P V (when there was a tile: CTA-uniform).
    SmallVector<Value> o =
        flatten(ArrayRef<Value>(res).take_front(Dv / 8));
    SmallVector<Value> pLast(res.begin() + Dv / 8 + 4, res.end());
    auto last = scf::IfOp::create(b, loc, ValueRange(o).getTypes(),
                                  k.cmp(arith::CmpIPredicate::sgt, nTiles, c0),
                                  true);
    {
      OpBuilder::InsertionGuard ig(b);
      b.setInsertionPointToStart(last.thenBlock());
      SmallVector<Value> all(o);
      all.append(pLast);
      all = k.ptxThrough("wgmma.fence.sync.aligned;", all);
      SmallVector<Value> oi(all.begin(), all.begin() + o.size());
      SmallVector<Value> pi(all.begin() + o.size(), all.end());
      Value lastStage = k.rem(k.sub(k.sub(tEnd, tBegin), k.idx(1)), k.idx(3));
      oi = issuePV(oi, pi, vRegionOf(lastStage));
      k.ptx("wgmma.commit_group.sync.aligned;");
      oi.append(pi);
      oi = k.ptxThrough("wgmma.wait_group.sync.aligned 0;", oi);
      oi.resize(o.size());
      scf::YieldOp::create(b, loc, oi);
      b.setInsertionPointToStart(last.elseBlock());
      scf::YieldOp::create(b, loc, o);
    }
    SmallVector<Value> frags = fragsOf(
        SmallVector<Value>(last.getResults().begin(), last.getResults().end()));
    for (int64_t nb = 0; nb < Dv / 8; ++nb)
      res[nb] = frags[nb];
  }
  Value inv[2], lSum[2];
  for (int64_t i = 0; i < 2; ++i) {
    Value l = k.quadReduce(res[Dv / 8 + 2 + i], /*isMax=*/false);
    lSum[i] = l;
    Value pos =
        arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OGT, l, zero);
    inv[i] = k.sel(pos, arith::DivFOp::create(b, loc, k.f32(1.0), l), zero);
  }
  // Stores the thread's rows of O / l: into O, or (toWs, split-KV) in f32
  // into the workspace with each row's (m, l), where l is the full row sum;
  // the lane with t4 = 0 writes (m, l).
  auto f2 = VectorType::get({2}, f32);
  auto storeRows = [&](bool toWs) {
    for (int64_t i = 0; i < 2; ++i) {
      auto inRange = scf::IfOp::create(
          b, loc, k.cmp(arith::CmpIPredicate::slt, row[i], sq), false);
      OpBuilder::InsertionGuard ig(b);
      b.setInsertionPointToStart(inRange.thenBlock());
      for (int64_t nb = 0; nb < Dv / 8; ++nb) {
        SmallVector<Value> elems;
        for (int64_t e = 0; e < 2; ++e) {
          Value o = k.fmul(vector::ExtractOp::create(b, loc, res[nb],
                                                     ArrayRef<int64_t>{i, e}),
                           inv[i]);
          if (!toWs && !outEt.isF32())
            o = arith::TruncFOp::create(b, loc, outEt, o);
          elems.push_back(o);
        }
        Value v = toWs ? vector::FromElementsOp::create(b, loc, f2, elems)
                       : k.pair(elems[0], elems[1]);
        Value col = k.add(k.idx(nb * 8), t2);
        auto store =
            toWs ? vector::StoreOp::create(
                       b, loc, v, oW, ValueRange{split, bIdx, head, row[i], col})
                 : vector::StoreOp::create(b, loc, v, oB,
                                           at(head, row[i], col));
        store.setAlignment(toWs ? 8 : outEt.getIntOrFloatBitWidth() / 4);
      }
      if (!toWs)
        continue;
      auto lead = scf::IfOp::create(
          b, loc, k.cmp(arith::CmpIPredicate::eq, t4, c0), false);
      b.setInsertionPointToStart(lead.thenBlock());
      Value ml = vector::FromElementsOp::create(
          b, loc, f2, ValueRange{res[Dv / 8 + i], lSum[i]});
      auto store = vector::StoreOp::create(
          b, loc, ml, mlW, ValueRange{split, bIdx, head, row[i], c0});
      store.setAlignment(8);
    }
  };
  if (!maySplit) {
    storeRows(/*toWs=*/false);
  } else {
    auto split2 = scf::IfOp::create(
        b, loc, k.cmp(arith::CmpIPredicate::sgt, splits, k.idx(1)), true);
    OpBuilder::InsertionGuard ig(b);
    b.setInsertionPointToStart(split2.elseBlock());
    storeRows(/*toWs=*/false);
    b.setInsertionPointToStart(split2.thenBlock());
    storeRows(/*toWs=*/true);
  }

  if (!maySplit)
    return;
  // The combine kernel (when split): one CTA per (query row, head, batch),
  // one thread per output column: O = sum_s w_s O_s / sum_s w_s with
  // w_s = 2^(m_s - max m) l_s (0 for a split that saw no key).
  b.setInsertionPointAfter(launch);
  auto splitIf = scf::IfOp::create(
      b, loc, k.cmp(arith::CmpIPredicate::sgt, splits, k.idx(1)), false);
  b.setInsertionPointToStart(splitIf.thenBlock());
  auto combine = gpu::LaunchOp::create(b, loc, sq, hq, batch, k.idx(Dv),
                                       k.idx(1), k.idx(1));
  {
    OpBuilder::InsertionGuard ig(b);
    Block &cb = combine.getBody().front();
    b.setInsertionPointToStart(&cb);
    gpu::TerminatorOp::create(b, loc);
    b.setInsertionPointToStart(&cb);
    // (Constants of the first kernel's body are not visible here.)
    Value negInf = k.f32(-INFINITY), zero = k.f32(0.0);
    Value col = combine.getThreadIds().x;
    Value q = combine.getBlockIds().x, h = combine.getBlockIds().y,
          bb = combine.getBlockIds().z;
    auto mOf = [&](Value sIdx, int64_t which) -> Value {
      return memref::LoadOp::create(b, loc, mlW,
                                    ValueRange{sIdx, bb, h, q, k.idx(which)});
    };
    auto maxLoop =
        scf::ForOp::create(b, loc, c0, splits, k.idx(1), ValueRange{negInf});
    {
      OpBuilder::InsertionGuard ig2(b);
      b.setInsertionPointToStart(maxLoop.getBody());
      Value sIdx = maxLoop.getInductionVar();
      Value l = mOf(sIdx, 1);
      Value pos =
          arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OGT, l, zero);
      Value m = k.sel(pos, mOf(sIdx, 0), negInf);
      scf::YieldOp::create(b, loc, k.fmax(maxLoop.getRegionIterArgs()[0], m));
    }
    Value mMax = maxLoop.getResult(0);
    auto sumLoop = scf::ForOp::create(b, loc, c0, splits, k.idx(1),
                                      ValueRange{zero, zero});
    {
      OpBuilder::InsertionGuard ig2(b);
      b.setInsertionPointToStart(sumLoop.getBody());
      Value sIdx = sumLoop.getInductionVar();
      Value l = mOf(sIdx, 1);
      Value pos =
          arith::CmpFOp::create(b, loc, arith::CmpFPredicate::UGT, l, zero);
      Value w = k.sel(
          pos, k.fmul(k.exp2(arith::SubFOp::create(b, loc, mOf(sIdx, 0), mMax)),
                      l),
          zero);
      Value o = memref::LoadOp::create(b, loc, oW,
                                       ValueRange{sIdx, bb, h, q, col});
      Value num = arith::AddFOp::create(
          b, loc, sumLoop.getRegionIterArgs()[0], k.fmul(w, o));
      Value den =
          arith::AddFOp::create(b, loc, sumLoop.getRegionIterArgs()[1], w);
      scf::YieldOp::create(b, loc, ValueRange{num, den});
    }
    // (Unordered: a NaN row sum or O, as from a NaN in Q, stays NaN, as in
    // the unsplit kernel.)
    Value num = sumLoop.getResult(0), den = sumLoop.getResult(1);
    Value pos =
        arith::CmpFOp::create(b, loc, arith::CmpFPredicate::UGT, den, zero);
    Value o = k.sel(pos, arith::DivFOp::create(b, loc, num, den), zero);
    if (!outEt.isF32())
      o = arith::TruncFOp::create(b, loc, outEt, o);
    SmallVector<Value> idx = bshd ? SmallVector<Value>{bb, q, h, col}
                                  : SmallVector<Value>{bb, h, q, col};
    memref::StoreOp::create(b, loc, o, oB, idx);
  }
  b.setInsertionPointAfter(splitIf);
  gpu::DeallocOp::create(b, loc, Type(), ValueRange{}, oW);
  gpu::DeallocOp::create(b, loc, Type(), ValueRange{}, mlW);
}

struct GPUMmaKernelsPass
    : public PassWrapper<GPUMmaKernelsPass, OperationPass<ModuleOp>> {
  MLIR_DEFINE_EXPLICIT_INTERNAL_INLINE_TYPE_ID(GPUMmaKernelsPass)

  GPUMmaKernelsPass() = default;
  GPUMmaKernelsPass(const GPUMmaKernelsPass &other) : PassWrapper(other) {}
  GPUMmaKernelsPass(int64_t maxSmem, bool wgmma) {
    this->maxSmem = maxSmem;
    this->wgmma = wgmma;
  }
  Option<int64_t> maxSmem{
      *this, "max-smem",
      llvm::cl::desc("Shared memory a block may use, in bytes (the pipeline "
                     "sets it from the chip)"),
      llvm::cl::init(227 * 1024)};
  Option<bool> wgmma{
      *this, "wgmma",
      llvm::cl::desc("Whether the chip has warpgroup MMA (sm_90a; the "
                     "pipeline sets it)"),
      llvm::cl::init(true)};

  StringRef getArgument() const final { return "attn-gpu-mma-kernels"; }
  StringRef getDescription() const final {
    return "Define the tensor-core kernel functions that "
           "attn-gpu-mma-attention declared (run after bufferization)";
  }
  void getDependentDialects(DialectRegistry &registry) const override {
    registry.insert<arith::ArithDialect, func::FuncDialect, gpu::GPUDialect,
                    LLVM::LLVMDialect, memref::MemRefDialect,
                    NVVM::NVVMDialect, nvgpu::NVGPUDialect, scf::SCFDialect,
                    vector::VectorDialect>();
  }
  void runOnOperation() override {
    for (auto fn : getOperation().getOps<func::FuncOp>()) {
      if (!fn.isDeclaration() || !fn->hasAttr(kKernelAttr))
        continue;
      std::string why = kernelDeclError(fn, maxSmem, wgmma);
      if (!why.empty()) {
        fn.emitError("attn-gpu-mma-kernels: malformed kernel declaration: ")
            << why;
        return signalPassFailure();
      }
      buildKernel(fn);
    }
  }
};

/// After gpu-kernel-outlining: copies a function's attn.mma_min_ctas to the
/// kernels it launches as nvvm.minctasm (PTX .minnctapersm).
struct GPUMmaKernelHintsPass
    : public PassWrapper<GPUMmaKernelHintsPass, OperationPass<ModuleOp>> {
  MLIR_DEFINE_EXPLICIT_INTERNAL_INLINE_TYPE_ID(GPUMmaKernelHintsPass)

  StringRef getArgument() const final { return "attn-gpu-mma-kernel-hints"; }
  StringRef getDescription() const final {
    return "Attach the register hints of attn-gpu-mma-kernels to the "
           "outlined kernels";
  }
  void runOnOperation() override {
    ModuleOp module = getOperation();
    SymbolTableCollection symbols;
    for (auto fn : module.getOps<func::FuncOp>()) {
      auto hint = fn->getAttrOfType<IntegerAttr>(kMinCtasAttr);
      if (!hint)
        continue;
      fn->removeAttr(kMinCtasAttr);
      fn.walk([&](gpu::LaunchFuncOp launch) {
        auto kernel = symbols.lookupNearestSymbolFrom<gpu::GPUFuncOp>(
            launch, launch.getKernel());
        if (kernel)
          kernel->setAttr(NVVM::NVVMDialect::getMinctasmAttrName(),
                          IntegerAttr::get(IntegerType::get(&getContext(), 32),
                                           hint.getInt()));
      });
    }
  }
};

} // namespace

std::unique_ptr<Pass> mlir::attn::createGPUMmaKernelHintsPass() {
  return std::make_unique<GPUMmaKernelHintsPass>();
}

std::unique_ptr<Pass> mlir::attn::createGPUMmaKernelsPass(int64_t maxSmem,
                                                          bool wgmma) {
  return std::make_unique<GPUMmaKernelsPass>(maxSmem, wgmma);
}

std::unique_ptr<Pass> mlir::attn::createGPUMmaAttentionPass(
    int64_t warps, int64_t keyTile, int64_t stages, int64_t minCtas,
    int64_t maxSmem, bool claim, int64_t wgmmaGroups, int64_t wgmmaKeyTile,
    bool wgmmaOverlap, bool scoreMods, int64_t wgmmaParts, int64_t keySplits,
    bool packGqa, bool splitCopies) {
  return std::make_unique<GPUMmaAttentionPass>(
      packGqa, warps, keyTile, stages, minCtas, maxSmem, claim, wgmmaGroups,
      wgmmaKeyTile, wgmmaOverlap, scoreMods, wgmmaParts, keySplits,
      splitCopies);
}

void mlir::attn::registerGPUMmaAttentionPass() {
  PassRegistration<GPUMmaAttentionPass>();
  PassRegistration<GPUMmaKernelsPass>();
  PassRegistration<GPUMmaKernelHintsPass>();
}
