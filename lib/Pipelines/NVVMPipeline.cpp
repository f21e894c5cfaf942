//===- NVVMPipeline.cpp - attn-nvvm-pipeline --------------------*- C++ -*-===//
//
// Part of the attn-mlir project.
//
//===----------------------------------------------------------------------===//
//
// Compiles a whole program with attention for NVIDIA GPUs. The flash lowering
// runs with one query row per tile; its scf.forall over (B, Hq, Sq) becomes an
// scf.parallel that is tiled by the CTA size along Sq and mapped onto
// (grid, thread_x): every thread runs the online-softmax loop over the key
// tiles for one query row (the SIMT f32 path). The launch body is then made
// self-contained (per-thread temporaries on the stack, host buffers copied to
// device buffers around the launch), outlined, and lowered with upstream's
// GPU passes into a gpu.binary plus host code calling the mgpu* ABI that
// lib/Runtime/CUDA implements. The rest of the module stays on the host and
// is lowered as in attn-cpu-pipeline. docs/GPU.md has the IR at each stage.
//
//===----------------------------------------------------------------------===//

#include "attn/Pipelines/NVVMPipeline.h"
#include "attn/Pipelines/Pipelines.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/GPU/IR/GPUDialect.h"
#include "mlir/Dialect/GPU/Transforms/ParallelLoopMapper.h"
#include "mlir/Dialect/LLVMIR/LLVMTypes.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Math/Transforms/Passes.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/SCF/Transforms/Transforms.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/IR/Builders.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "mlir/Interfaces/ValueBoundsOpInterface.h"
#include "mlir/Interfaces/ViewLikeInterface.h"
#include "mlir/Pass/PassRegistry.h"
#include "mlir/Target/LLVMIR/Dialect/Builtin/BuiltinToLLVMIRTranslation.h"
#include "mlir/Target/LLVMIR/Dialect/GPU/GPUToLLVMIRTranslation.h"
#include "mlir/Target/LLVMIR/Dialect/LLVMIR/LLVMToLLVMIRTranslation.h"
#include "mlir/Target/LLVMIR/Dialect/NVVM/NVVMToLLVMIRTranslation.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"
#include "mlir/Transforms/RegionUtils.h"
#include "llvm-c/Target.h"
#include "llvm/MC/MCSubtargetInfo.h"
#include "llvm/MC/TargetRegistry.h"
#include "llvm/TargetParser/Triple.h"

#include <map>
#include <string>

#define DEBUG_TYPE "attn-nvvm-pipeline"

using namespace mlir;
using namespace mlir::attn;

//===----------------------------------------------------------------------===//
// attn-gpu-map-parallel
//===----------------------------------------------------------------------===//

/// Mapping of one loop dimension onto `proc`, with identity map and bound.
static gpu::ParallelLoopDimMappingAttr dimMapping(MLIRContext *ctx,
                                                  gpu::Processor proc) {
  AffineMap id = AffineMap::getMultiDimIdentityMap(1, ctx);
  return gpu::ParallelLoopDimMappingAttr::get(ctx, proc, id, id);
}

/// Whether the body of `loop` can run in a kernel: no calls (the callee is
/// host code: a function holding its own attention, an external timer), no
/// printing, and kernel temporaries that attn-gpu-launch-memory can place
/// on the stack (identity layout, int or float elements, dynamic sizes with
/// a constant bound). A loop of the program that cannot stays on the host.
static bool runsOnDevice(scf::ParallelOp loop) {
  WalkResult r = loop.getBody()->walk([](Operation *op) {
    if (isa<CallOpInterface, vector::PrintOp>(op))
      return WalkResult::interrupt();
    if (auto alloc = dyn_cast<memref::AllocOp>(op)) {
      MemRefType type = alloc.getType();
      if (!type.getLayout().isIdentity() ||
          !type.getElementType().isIntOrFloat())
        return WalkResult::interrupt();
      for (Value dyn : alloc.getDynamicSizes())
        if (failed(ValueBoundsConstraintSet::computeConstantBound(
                presburger::BoundType::UB,
                ValueBoundsConstraintSet::Variable(dyn),
                /*stopCondition=*/nullptr, /*closedUB=*/true)))
          return WalkResult::interrupt();
    }
    return WalkResult::advance();
  });
  return !r.wasInterrupted();
}

namespace {
struct GPUMapParallelPass
    : public PassWrapper<GPUMapParallelPass, OperationPass<ModuleOp>> {
  MLIR_DEFINE_EXPLICIT_INTERNAL_INLINE_TYPE_ID(GPUMapParallelPass)

  GPUMapParallelPass() = default;
  GPUMapParallelPass(const GPUMapParallelPass &other) : PassWrapper(other) {}
  explicit GPUMapParallelPass(int64_t threads) { this->threads = threads; }

  StringRef getArgument() const final { return "attn-gpu-map-parallel"; }
  StringRef getDescription() const final {
    return "Tile outermost scf.parallel loops by the CTA size along their "
           "last dimension and map them onto blocks and thread_x";
  }
  void getDependentDialects(DialectRegistry &registry) const override {
    registry.insert<arith::ArithDialect, gpu::GPUDialect, scf::SCFDialect>();
  }

  void runOnOperation() override {
    if (threads <= 0 || threads > 1024) {
      mlir::emitError(getOperation()->getLoc())
          << "attn-gpu-map-parallel: threads (32 x warps in "
             "attn-nvvm-pipeline) must be in [1, 1024], got "
          << static_cast<int64_t>(threads);
      return signalPassFailure();
    }
    SmallVector<scf::ParallelOp> loops;
    getOperation()->walk([&](scf::ParallelOp op) {
      if (!op->getParentOfType<scf::ParallelOp>() &&
          !op->getParentOfType<gpu::LaunchOp>() &&
          !op->hasAttr(gpu::getMappingAttrName()) && runsOnDevice(op))
        loops.push_back(op);
    });
    MLIRContext *ctx = &getContext();
    for (scf::ParallelOp op : loops) {
      // Reductions and nests deeper than the grid stay on the host.
      unsigned rank = op.getNumLoops();
      if (op.getNumResults() != 0 || rank > 3)
        continue;
      SmallVector<int64_t> sizes(rank, 1);
      sizes.back() = threads;
      auto [outer, inner] =
          scf::tileParallelLoop(op, sizes, /*noMinMaxBounds=*/true);
      // The fastest-varying (query) dimension goes to x: the grid's y and z
      // are limited to 65535.
      SmallVector<gpu::ParallelLoopDimMappingAttr> outerMap, innerMap;
      const gpu::Processor blocks[] = {gpu::Processor::BlockX,
                                       gpu::Processor::BlockY,
                                       gpu::Processor::BlockZ};
      for (unsigned d = 0; d < rank; ++d) {
        outerMap.push_back(dimMapping(ctx, blocks[rank - 1 - d]));
        innerMap.push_back(dimMapping(ctx, d + 1 == rank
                                               ? gpu::Processor::ThreadX
                                               : gpu::Processor::Sequential));
      }
      if (failed(gpu::setMappingAttr(outer, outerMap)) ||
          failed(gpu::setMappingAttr(inner, innerMap))) {
        outer.emitError("attn-gpu-map-parallel: could not set the mapping");
        return signalPassFailure();
      }
    }
  }

  Option<int64_t> threads{*this, "threads",
                          llvm::cl::desc("Threads per CTA (query rows)"),
                          llvm::cl::init(128)};
};
} // namespace

std::unique_ptr<Pass> mlir::attn::createGPUMapParallelPass(int64_t threads) {
  return std::make_unique<GPUMapParallelPass>(threads);
}

//===----------------------------------------------------------------------===//
// attn-gpu-launch-memory
//===----------------------------------------------------------------------===//

/// Follows view-like ops (subview, cast, ...) and the base buffer of
/// memref.extract_strided_metadata back to the buffer they view.
static Value viewRoot(Value v) {
  while (true) {
    if (auto view = v.getDefiningOp<ViewLikeOpInterface>()) {
      v = view.getViewSource();
      continue;
    }
    auto meta = v.getDefiningOp<memref::ExtractStridedMetadataOp>();
    if (meta && v == meta.getBaseBuffer()) {
      v = meta.getSource();
      continue;
    }
    return v;
  }
}

/// True if `op` has a memref operand that views `buffer`.
static bool usesBuffer(Operation *op, Value buffer) {
  return llvm::any_of(op->getOperands(), [&](Value operand) {
    return isa<BaseMemRefType>(operand.getType()) &&
           viewRoot(operand) == buffer;
  });
}

/// True if the address of `buffer` leaves the memref type inside `region`
/// (as an index or a pointer), so that an op writing memory it does not name
/// (inline asm, an intrinsic call) could write `buffer` through it.
static bool addressEscapes(Region &region, Value buffer) {
  WalkResult r = region.walk([&](Operation *op) {
    if (isa<ViewLikeOpInterface, memref::ExtractStridedMetadataOp,
            memref::DimOp>(op) ||
        !usesBuffer(op, buffer))
      return WalkResult::advance();
    if (isa<memref::ExtractAlignedPointerAsIndexOp,
            UnrealizedConversionCastOp>(op) ||
        llvm::any_of(op->getResultTypes(), [](Type t) {
          return isa<LLVM::LLVMPointerType>(t);
        }))
      return WalkResult::interrupt();
    return WalkResult::advance();
  });
  return r.wasInterrupted();
}

/// True if some op in `region` may write the buffer `buffer` or a view of it.
/// An op that writes without naming what (the wgmma kernel's inline asm and
/// intrinsic calls on registers and shared memory) counts only if it is
/// handed the buffer or the buffer's address escapes in the region: copying
/// an input back to the host is not only wasted time, the host buffer may
/// be a constant global in read-only memory.
static bool mayWrite(Region &region, Value buffer) {
  std::optional<bool> escapes;
  WalkResult r = region.walk([&](Operation *op) {
    if (isa<ViewLikeOpInterface>(op))
      return WalkResult::advance();
    auto effects = dyn_cast<MemoryEffectOpInterface>(op);
    if (!effects) {
      if (op->hasTrait<OpTrait::HasRecursiveMemoryEffects>())
        return WalkResult::advance();
      return usesBuffer(op, buffer) ? WalkResult::interrupt()
                                    : WalkResult::advance();
    }
    SmallVector<MemoryEffects::EffectInstance> list;
    effects.getEffects(list);
    for (auto &e : list) {
      if (!isa<MemoryEffects::Write>(e.getEffect()))
        continue;
      if (Value v = e.getValue()) {
        if (viewRoot(v) == buffer)
          return WalkResult::interrupt();
        continue;
      }
      if (usesBuffer(op, buffer))
        return WalkResult::interrupt();
      if (!escapes)
        escapes = addressEscapes(region, buffer);
      if (*escapes)
        return WalkResult::interrupt();
    }
    return WalkResult::advance();
  });
  return r.wasInterrupted();
}

/// Rewrites `copy` (inside a kernel) into a loop nest of loads and stores:
/// memref.copy of strided buffers would otherwise call a host library.
static void expandCopy(memref::CopyOp copy) {
  OpBuilder b(copy);
  Location loc = copy.getLoc();
  auto type = cast<MemRefType>(copy.getSource().getType());
  Value zero = arith::ConstantIndexOp::create(b, loc, 0);
  Value one = arith::ConstantIndexOp::create(b, loc, 1);
  SmallVector<Value> ivs;
  for (int64_t d = 0; d < type.getRank(); ++d) {
    Value ub = memref::DimOp::create(b, loc, copy.getSource(), d);
    auto loop = scf::ForOp::create(b, loc, zero, ub, one);
    b.setInsertionPointToStart(loop.getBody());
    ivs.push_back(loop.getInductionVar());
  }
  Value x = memref::LoadOp::create(b, loc, copy.getSource(), ivs);
  memref::StoreOp::create(b, loc, x, copy.getTarget(), ivs);
  copy.erase();
}

/// Replaces a memref.alloc in the body of `launch` by a statically sized
/// stack buffer at the top of the body (a view of it when the alloc is
/// dynamic). The alloc must not escape the iteration that created it.
static LogicalResult privatizeAlloc(gpu::LaunchOp launch,
                                    memref::AllocOp alloc) {
  MemRefType type = alloc.getType();
  for (Operation *user : alloc->getUsers())
    if (user->hasTrait<OpTrait::IsTerminator>())
      return alloc.emitError(
          "attn-gpu-launch-memory: a kernel temporary escapes its region (" +
          user->getName().getStringRef() + ")");
  if (!type.getLayout().isIdentity() || !type.getElementType().isIntOrFloat())
    return alloc.emitError("attn-gpu-launch-memory: cannot place a kernel "
                           "temporary of type ")
           << type << " on the stack";
  Location loc = alloc.getLoc();
  OpBuilder top(&launch.getBody().front(), launch.getBody().front().begin());
  for (Operation *user : llvm::make_early_inc_range(alloc->getUsers()))
    if (isa<memref::DeallocOp>(user))
      user->erase();
  if (type.hasStaticShape()) {
    Value stack = memref::AllocaOp::create(top, loc, type, ValueRange{},
                                           ValueRange{},
                                           alloc.getAlignmentAttr());
    alloc.replaceAllUsesWith(stack);
    alloc.erase();
    return success();
  }
  int64_t elements = 1;
  unsigned dynIndex = 0;
  for (int64_t size : type.getShape()) {
    if (!ShapedType::isDynamic(size)) {
      elements *= size;
      continue;
    }
    Value dyn = alloc.getDynamicSizes()[dynIndex++];
    FailureOr<int64_t> ub = ValueBoundsConstraintSet::computeConstantBound(
        presburger::BoundType::UB, ValueBoundsConstraintSet::Variable(dyn),
        /*stopCondition=*/nullptr, /*closedUB=*/true);
    if (failed(ub) || *ub < 0)
      return alloc.emitError("attn-gpu-launch-memory: no constant upper "
                             "bound for a dynamic size of a kernel "
                             "temporary ")
             << type;
    elements *= std::max<int64_t>(*ub, 1);
  }
  int64_t bytes =
      elements * llvm::divideCeil(type.getElementTypeBitWidth(), 8);
  auto byteType = MemRefType::get({bytes}, top.getI8Type());
  Value stack = memref::AllocaOp::create(top, loc, byteType, ValueRange{},
                                         ValueRange{},
                                         top.getI64IntegerAttr(16));
  OpBuilder b(alloc);
  Value shift = arith::ConstantIndexOp::create(b, loc, 0);
  Value view = memref::ViewOp::create(b, loc, type, stack, shift,
                                      alloc.getDynamicSizes());
  alloc.replaceAllUsesWith(view);
  alloc.erase();
  return success();
}

/// Clones the view-like ops (subview, cast, ...) that make strided host
/// buffers for the kernel into the kernel, so that the launch captures the
/// identity-layout buffers they view (which copyHostBuffers can copy whole)
/// rather than the strided views (e.g. of tensor.extract_slice operands).
static void sinkViews(gpu::LaunchOp launch) {
  bool changed = true;
  while (changed) {
    changed = false;
    SetVector<Value> captured;
    getUsedValuesDefinedAbove(launch.getBody(), captured);
    for (Value v : captured) {
      auto type = dyn_cast<MemRefType>(v.getType());
      Operation *def = v.getDefiningOp();
      if (!type || type.getLayout().isIdentity() || !def ||
          !isa<ViewLikeOpInterface>(def) || def->getNumRegions() != 0 ||
          def->getNumResults() != 1)
        continue;
      OpBuilder b(&launch.getBody().front(),
                  launch.getBody().front().begin());
      Operation *clone = b.clone(*def);
      v.replaceUsesWithIf(clone->getResult(0), [&](OpOperand &use) {
        return launch->isProperAncestor(use.getOwner());
      });
      changed = true;
    }
  }
}

/// Gives the launch its own device copies of the host buffers it uses.
static LogicalResult copyHostBuffers(gpu::LaunchOp launch) {
  SetVector<Value> captured;
  getUsedValuesDefinedAbove(launch.getBody(), captured);
  for (Value host : captured) {
    auto type = dyn_cast<MemRefType>(host.getType());
    // Device buffers (gpu.alloc: the split-KV workspaces) need no copy.
    if (!type || host.getDefiningOp<gpu::AllocOp>())
      continue;
    if (!type.getLayout().isIdentity())
      return launch.emitError("attn-gpu-launch-memory: a host buffer used "
                              "by the kernel has a non-identity layout: ")
             << type
             << "; only contiguous buffers are copied to the device (such a "
                "layout comes from bufferizing a slice or a loop-carried "
                "tensor: give the attention a tensor.empty init or copy the "
                "operand into a fresh tensor first)";
    Location loc = host.getLoc();
    OpBuilder b(launch);
    SmallVector<Value> dynSizes;
    for (int64_t d = 0; d < type.getRank(); ++d)
      if (type.isDynamicDim(d))
        dynSizes.push_back(memref::DimOp::create(b, loc, host, d));
    Value device = gpu::AllocOp::create(b, loc, type, /*asyncToken=*/Type(),
                                        ValueRange{}, dynSizes, ValueRange{})
                       .getMemref();
    gpu::MemcpyOp::create(b, loc, /*asyncToken=*/Type(), ValueRange{}, device,
                          host);
    host.replaceUsesWithIf(device, [&](OpOperand &use) {
      return launch->isProperAncestor(use.getOwner());
    });
    b.setInsertionPointAfter(launch);
    if (mayWrite(launch.getBody(), device))
      gpu::MemcpyOp::create(b, loc, Type(), ValueRange{}, host, device);
    gpu::DeallocOp::create(b, loc, Type(), ValueRange{}, device);
  }
  return success();
}

namespace {
struct GPULaunchMemoryPass
    : public PassWrapper<GPULaunchMemoryPass, OperationPass<ModuleOp>> {
  MLIR_DEFINE_EXPLICIT_INTERNAL_INLINE_TYPE_ID(GPULaunchMemoryPass)

  StringRef getArgument() const final { return "attn-gpu-launch-memory"; }
  StringRef getDescription() const final {
    return "Put kernel temporaries on the stack and copy the host buffers a "
           "gpu.launch uses to device buffers and back";
  }
  void getDependentDialects(DialectRegistry &registry) const override {
    registry.insert<arith::ArithDialect, gpu::GPUDialect,
                    memref::MemRefDialect, scf::SCFDialect>();
  }

  void runOnOperation() override {
    SmallVector<gpu::LaunchOp> launches;
    getOperation()->walk([&](gpu::LaunchOp op) { launches.push_back(op); });
    for (gpu::LaunchOp launch : launches) {
      SmallVector<memref::AllocOp> allocs;
      SmallVector<memref::CopyOp> copies;
      launch.getBody().walk([&](Operation *op) {
        if (auto alloc = dyn_cast<memref::AllocOp>(op))
          allocs.push_back(alloc);
        else if (auto copy = dyn_cast<memref::CopyOp>(op))
          copies.push_back(copy);
      });
      for (memref::CopyOp copy : copies)
        expandCopy(copy);
      for (memref::AllocOp alloc : allocs)
        if (failed(privatizeAlloc(launch, alloc)))
          return signalPassFailure();
      sinkViews(launch);
      if (failed(copyHostBuffers(launch)))
        return signalPassFailure();
    }
  }
};
} // namespace

std::unique_ptr<Pass> mlir::attn::createGPULaunchMemoryPass() {
  return std::make_unique<GPULaunchMemoryPass>();
}

//===----------------------------------------------------------------------===//
// Deduplication of outlined kernels
//===----------------------------------------------------------------------===//

namespace {
/// After gpu-kernel-outlining, which makes one gpu.module per launch: a
/// module equal to an earlier one (same ops, attributes and types, modulo
/// locations and its own name) is erased and its launches call the earlier
/// one. The layers of a model launch the same kernel: one copy of it is
/// lowered, compiled and embedded.
struct GPUDedupKernelsPass
    : public PassWrapper<GPUDedupKernelsPass, OperationPass<ModuleOp>> {
  MLIR_DEFINE_EXPLICIT_INTERNAL_INLINE_TYPE_ID(GPUDedupKernelsPass)

  StringRef getArgument() const final { return "attn-gpu-dedup-kernels"; }
  StringRef getDescription() const final {
    return "Erase outlined GPU modules identical to an earlier one and "
           "launch that one instead";
  }

  /// Equal attributes apart from the symbol name.
  static bool sameAttrsButName(Operation *a, Operation *b) {
    NamedAttrList attrsA(a->getAttrDictionary()),
        attrsB(b->getAttrDictionary());
    attrsA.erase(SymbolTable::getSymbolAttrName());
    attrsB.erase(SymbolTable::getSymbolAttrName());
    return attrsA.getDictionary(a->getContext()) ==
           attrsB.getDictionary(b->getContext());
  }

  /// Whether `a` and `b` hold the same ops: their kernels (gpu.func) may
  /// differ in name only (one op per function of the program gives kernels
  /// named after each function), everything else must be equivalent.
  static bool sameModule(gpu::GPUModuleOp a, gpu::GPUModuleOp b) {
    if (!sameAttrsButName(a, b))
      return false;
    Block &ba = a.getBodyRegion().front(), &bb = b.getBodyRegion().front();
    if (ba.getOperations().size() != bb.getOperations().size())
      return false;
    for (auto [x, y] : llvm::zip(ba, bb)) {
      auto fx = dyn_cast<gpu::GPUFuncOp>(x), fy = dyn_cast<gpu::GPUFuncOp>(y);
      if (fx && fy) {
        if (!sameAttrsButName(fx, fy) ||
            !OperationEquivalence::isRegionEquivalentTo(
                &fx.getBody(), &fy.getBody(),
                OperationEquivalence::IgnoreLocations))
          return false;
        continue;
      }
      if (!OperationEquivalence::isEquivalentTo(
              &x, &y, OperationEquivalence::IgnoreLocations))
        return false;
    }
    return true;
  }

  void runOnOperation() override {
    ModuleOp module = getOperation();
    // Candidates are grouped by a cheap key (the number of ops they hold
    // and the types of their kernels) before the full comparison.
    using Key = std::pair<size_t, std::string>;
    std::map<Key, SmallVector<gpu::GPUModuleOp>> kept;
    SmallVector<gpu::GPUModuleOp> modules(module.getOps<gpu::GPUModuleOp>());
    for (gpu::GPUModuleOp gm : modules) {
      Key key{0, ""};
      gm.walk([&](Operation *op) { ++key.first; });
      llvm::raw_string_ostream os(key.second);
      for (auto fn : gm.getOps<gpu::GPUFuncOp>())
        os << fn.getFunctionType() << ";";
      // Only a module used by launches alone is replaced (their kernel
      // references are rewritten below).
      std::optional<SymbolTable::UseRange> uses =
          SymbolTable::getSymbolUses(gm, module);
      bool launchesOnly = uses && llvm::all_of(*uses, [](auto use) {
                            return isa<gpu::LaunchFuncOp>(use.getUser());
                          });
      SmallVector<gpu::GPUModuleOp> &group = kept[key];
      auto same = launchesOnly ? llvm::find_if(group,
                                               [&](gpu::GPUModuleOp k) {
                                                 return sameModule(k, gm);
                                               })
                               : group.end();
      if (same == group.end()) {
        group.push_back(gm);
        continue;
      }
      // The kernels correspond by position.
      llvm::StringMap<StringAttr> renamed;
      for (auto [from, to] : llvm::zip(gm.getOps<gpu::GPUFuncOp>(),
                                       same->getOps<gpu::GPUFuncOp>()))
        renamed[from.getName()] = to.getNameAttr();
      for (const SymbolTable::SymbolUse &use : *uses) {
        auto launch = cast<gpu::LaunchFuncOp>(use.getUser());
        SymbolRefAttr ref = launch.getKernel();
        StringAttr leaf = ref.getLeafReference();
        auto it = renamed.find(leaf.getValue());
        if (ref.getNestedReferences().size() != 1 || it == renamed.end()) {
          launch.emitError("unexpected kernel reference ") << ref;
          return signalPassFailure();
        }
        launch.setKernelAttr(SymbolRefAttr::get(
            same->getSymNameAttr(), {FlatSymbolRefAttr::get(it->second)}));
      }
      gm.erase();
    }
  }
};
} // namespace

std::unique_ptr<Pass> mlir::attn::createGPUDedupKernelsPass() {
  return std::make_unique<GPUDedupKernelsPass>();
}

//===----------------------------------------------------------------------===//
// attn-gpu-approximate-math
//===----------------------------------------------------------------------===//

namespace {
/// floor(x) for f32 in arith: truncate through i32 and step down when that
/// rounded up; |x| >= 2^23 (and NaN) is already integral and returned as is.
/// convert-gpu-to-nvvm would otherwise call libdevice's __nv_floorf (the
/// exp approximation uses floor).
struct FloorToArith : public OpRewritePattern<math::FloorOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(math::FloorOp op,
                                PatternRewriter &rewriter) const override {
    if (!op.getType().isF32())
      return rewriter.notifyMatchFailure(op, "only scalar f32");
    Location loc = op.getLoc();
    Value x = op.getOperand();
    Type f32 = rewriter.getF32Type(), i32 = rewriter.getI32Type();
    Value t = arith::SIToFPOp::create(
        rewriter, loc, f32, arith::FPToSIOp::create(rewriter, loc, i32, x));
    Value one = arith::ConstantOp::create(rewriter, loc,
                                          rewriter.getF32FloatAttr(1.0f));
    Value roundedUp =
        arith::CmpFOp::create(rewriter, loc, arith::CmpFPredicate::OGT, t, x);
    Value down = arith::SelectOp::create(
        rewriter, loc, roundedUp, arith::SubFOp::create(rewriter, loc, t, one),
        t);
    Value limit = arith::ConstantOp::create(
        rewriter, loc, rewriter.getF32FloatAttr(8388608.0f));
    Value negLimit = arith::ConstantOp::create(
        rewriter, loc, rewriter.getF32FloatAttr(-8388608.0f));
    Value small = arith::AndIOp::create(
        rewriter, loc,
        arith::CmpFOp::create(rewriter, loc, arith::CmpFPredicate::OLT, x,
                              limit),
        arith::CmpFOp::create(rewriter, loc, arith::CmpFPredicate::OGT, x,
                              negLimit));
    rewriter.replaceOpWithNewOp<arith::SelectOp>(op, small, down, x);
    return success();
  }
};

/// Replaces math.exp (and friends) in device code by polynomial
/// approximations in arith, so kernels need no libdevice (it is not on CI
/// machines without CUDA, and upstream would call __nv_expf). Also makes the
/// LLVM IR translations that gpu-module-to-binary needs available, so the
/// pipeline works in any tool that registers the dialects (attn-opt, the
/// mlir-opt plugin).
struct GPUApproximateMathPass
    : public PassWrapper<GPUApproximateMathPass, OperationPass<>> {
  MLIR_DEFINE_EXPLICIT_INTERNAL_INLINE_TYPE_ID(GPUApproximateMathPass)

  StringRef getArgument() const final { return "attn-gpu-approximate-math"; }
  StringRef getDescription() const final {
    return "Replace math ops by polynomial approximations (device code)";
  }
  void getDependentDialects(DialectRegistry &registry) const override {
    // The approximations of vector math build vector.broadcast.
    registry.insert<arith::ArithDialect, math::MathDialect,
                    vector::VectorDialect>();
    registerBuiltinDialectTranslation(registry);
    registerGPUDialectTranslation(registry);
    registerLLVMDialectTranslation(registry);
    registerNVVMDialectTranslation(registry);
  }
  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    populateMathPolynomialApproximationPatterns(patterns);
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      return signalPassFailure();
    RewritePatternSet floor(&getContext());
    floor.add<FloorToArith>(&getContext());
    if (failed(applyPatternsGreedily(getOperation(), std::move(floor))))
      return signalPassFailure();
  }
};
} // namespace

//===----------------------------------------------------------------------===//
// attn-gpu-verify-lowered
//===----------------------------------------------------------------------===//

namespace {
/// The GPU pipeline's contract check: only what mlir-translate turns into
/// LLVM IR may be left (the LLVM dialect, gpu.binary, and the host-side
/// gpu.launch_func that the binary's offloading handler translates).
/// attn-verify-lowered{allow-gpu} does not accept gpu.launch_func yet.
struct GPUVerifyLoweredPass
    : public PassWrapper<GPUVerifyLoweredPass, OperationPass<ModuleOp>> {
  MLIR_DEFINE_EXPLICIT_INTERNAL_INLINE_TYPE_ID(GPUVerifyLoweredPass)

  StringRef getArgument() const final { return "attn-gpu-verify-lowered"; }
  StringRef getDescription() const final {
    return "Check that only LLVM dialect, gpu.binary and gpu.launch_func "
           "are left";
  }
  void runOnOperation() override {
    bool failed = false;
    getOperation()->walk([&](Operation *op) {
      if (isa<ModuleOp, gpu::BinaryOp, gpu::LaunchFuncOp>(op) ||
          (op->getDialect() &&
           op->getDialect()->getNamespace() == "llvm"))
        return WalkResult::advance();
      StringRef ns = op->getDialect() ? op->getDialect()->getNamespace() : "";
      op->emitError() << "'" << op->getName() << "' is left after "
                      << "attn-nvvm-pipeline"
                      << (ns == "attn" ? ": no lowering handled it"
                                       : " and cannot be translated to LLVM "
                                         "IR; the pipeline has no lowering "
                                         "for it");
      failed = true;
      return WalkResult::skip();
    });
    if (failed)
      signalPassFailure();
  }
};
} // namespace

//===----------------------------------------------------------------------===//
// attn-nvvm-pipeline
//===----------------------------------------------------------------------===//

/// Appends a textual pipeline stage to `pm`.
static LogicalResult addStage(OpPassManager &pm, StringRef pipeline) {
  return parsePassPipeline(pipeline, pm, llvm::errs());
}

/// Shared memory one block may use on sm_XY (bytes): 227 KiB on sm_90+,
/// 163 KiB on sm_80/87, 99 KiB on sm_86/89 and anything unknown.
static int64_t maxSharedMemoryPerBlock(int64_t chip) {
  // Hopper and data-centre Blackwell; consumer parts (sm_86/89/120) have
  // 99 KiB.
  if (chip == 90 || chip == 100 || chip == 101 || chip == 103)
    return 227 * 1024;
  if (chip == 80 || chip == 87)
    return 163 * 1024;
  return 99 * 1024;
}

/// 80 for "sm_80", 90 for "sm_90a"; 0 when unrecognised.
static int64_t chipNumber(StringRef chip) {
  int64_t n = 0;
  if (!chip.consume_front("sm_"))
    return 0;
  chip = chip.take_while([](char c) { return llvm::isDigit(c); });
  return chip.getAsInteger(10, n) ? 0 : n;
}

/// The oldest PTX ISA (as 10 * major + minor) that can target `chip`
/// (PTX ISA release notes; LLVM's NVPTX back end aborts below it).
static int64_t minPtxVersion(StringRef chip) {
  int64_t n = chipNumber(chip);
  bool archSpecific = chip.ends_with("a"), family = chip.ends_with("f");
  if (n >= 122)
    return 90;
  switch (n) {
  case 121:
  case 103:
    return 88;
  case 120:
    return family ? 88 : 87;
  case 110:
  case 88:
    return 90;
  case 100:
  case 101:
    return family ? 88 : 86;
  case 90:
    return archSpecific ? 80 : 78;
  case 89:
    return 78;
  case 87:
    return 74;
  case 86:
    return 71;
  default:
    return 70;
  }
}

/// The newest PTX version a feature list asks for (+ptx80 -> 80), or 0.
static int64_t ptxVersionOf(StringRef features) {
  int64_t best = 0;
  SmallVector<StringRef> parts;
  features.split(parts, ',', -1, /*KeepEmpty=*/false);
  for (StringRef f : parts) {
    int64_t v = 0;
    if (f.consume_front("+ptx") && !f.getAsInteger(10, v))
      best = std::max(best, v);
  }
  return best;
}

/// The PTX features the pipeline uses: the option's, except that the
/// default (+ptx80) is raised to what a newer chip needs.
static std::string effectiveFeatures(const NVVMPipelineOptions &options) {
  std::string features = options.features;
  int64_t need = minPtxVersion(options.chip);
  if (features == "+ptx80" && need > 80)
    return "+ptx" + std::to_string(need);
  return features;
}

/// Why the options cannot make a pipeline, or "".
static std::string nvvmOptionError(const NVVMPipelineOptions &options) {
  StringRef chip = options.chip;
  // The chip must be one LLVM's NVPTX back end knows (sm_80, sm_90a, ...).
  bool knownChip = false;
  if (chip.starts_with("sm_") && isPlainOptionValue(chip)) {
    LLVMInitializeNVPTXTargetInfo();
    LLVMInitializeNVPTXTargetMC();
    std::string err;
    llvm::Triple triple("nvptx64-nvidia-cuda");
    if (const llvm::Target *target =
            llvm::TargetRegistry::lookupTarget(triple, err)) {
      // Built for the default CPU: built for an unknown one, LLVM would
      // print its own warning before our error.
      std::unique_ptr<llvm::MCSubtargetInfo> sti(
          target->createMCSubtargetInfo(triple, "", ""));
      knownChip = sti && sti->isCPUStringValid(chip);
    } else {
      // No NVPTX back end to ask: accept the sm_<digits>[a|f] spelling.
      StringRef rest = chip.drop_front(3);
      StringRef digits = rest.take_while(llvm::isDigit);
      StringRef suffix = rest.drop_front(digits.size());
      knownChip = !digits.empty() && digits.size() <= 3 &&
                  (suffix.empty() || suffix == "a" || suffix == "f");
    }
  }
  if (!knownChip)
    return "chip '" + chip.str() +
           "' is not an NVPTX architecture LLVM knows (sm_80, sm_90, "
           "sm_90a, ...)";
  if (!isPlainOptionValue(options.features))
    return "features '" + options.features.getValue() +
           "' may only hold letters, digits and +-_.,";
  int64_t need = minPtxVersion(chip);
  int64_t have = ptxVersionOf(effectiveFeatures(options));
  if (have != 0 && have < need)
    return "chip " + chip.str() + " needs PTX ISA " +
           std::to_string(need / 10) + "." + std::to_string(need % 10) +
           " or newer, but features '" + options.features.getValue() +
           "' asks for " + std::to_string(have / 10) + "." +
           std::to_string(have % 10) + ": pass features=+ptx" +
           std::to_string(need);
  // The CTA sizes: 32 x warps threads (checked before multiplying).
  if (options.warps < 1 || options.warps > 32)
    return "warps must be in [1, 32] (32 x warps threads per CTA, at most "
           "1024), got " +
           std::to_string(options.warps);
  if (options.mmaMinCtas < 0 || options.mmaMinCtas > 32)
    return "mma-min-ctas must be in [0, 32], got " +
           std::to_string(options.mmaMinCtas);
  if (!llvm::is_contained({"fatbin", "fatbinary", "bin", "binary", "isa",
                           "assembly", "llvm", "offloading"},
                          StringRef(options.format)))
    return "format '" + options.format.getValue() +
           "' is not one of fatbin, bin, isa, llvm, offloading";
  if (options.optLevel < 0 || options.optLevel > 3)
    return "opt-level must be in [0, 3], got " +
           std::to_string(options.optLevel);
  return "";
}

LogicalResult mlir::attn::buildNVVMPipeline(OpPassManager &pm,
                                            const NVVMPipelineOptions &options) {
  std::string error = nvvmOptionError(options);
  // The pipeline holds module passes: it must be anchored on a module.
  // (An op-agnostic pass manager, as integrators build, is fine.)
  if (pm.getOpAnchorName() != ModuleOp::getOperationName() &&
      pm.getOpAnchorName() != OpPassManager::getAnyOpAnchorName())
    error = "must run on builtin.module, not nested under '" +
            pm.getOpAnchorName().str() + "'";
  // wgmma needs the architecture-specific target (sm_90a) and the
  // tensor-core path; elsewhere the option is ignored, with a warning.
  const int64_t chip = chipNumber(options.chip);
  const bool mma = options.mma && chip >= 80;
  const bool wgmma = mma && options.wgmma && chip == 90 &&
                     StringRef(options.chip).ends_with("a");
  std::string warning;
  // (Only when asked for: wgmma is on by default, for sm_90a.)
  if (error.empty() && options.wgmma.hasValue() && options.wgmma && !wgmma)
    warning = "wgmma=true has no effect with chip=" + options.chip.getValue() +
              (options.mma ? "" : " and mma=false") +
              ": the warpgroup-MMA kernels need chip=sm_90a and mma=true "
              "(the other kernels are used)";
  pm.addPass(createPipelineCheckPass("attn-nvvm-pipeline", error, warning));
  if (!error.empty())
    return success();
  // Option values are checked when the passes run (attn-gpu-map-parallel:
  // the CTA size, attn-tile-attention: the key tile), so that a bad value is
  // an error diagnostic rather than a crash while the pipeline is parsed.
  // (getValue(): with the literal, `cond ? option : 64` would be an int.)
  int64_t keyTile =
      options.keyTile != 0 ? options.keyTile.getValue() : int64_t(64);

  // Stage 1: attention to the flash loop nest, one query row per tile (each
  // row is one GPU thread).
  if (options.fuse &&
      failed(addStage(pm, options.fuseReport
                              ? "attn-fuse-attention{report=true}"
                              : "attn-fuse-attention")))
    return failure();
  // TOSA is lowered after raising (the raise reads TOSA chains), as on the
  // CPU: the rest of a TOSA model stays on the host.
  if (failed(addStage(pm, "func.func(attn-split-tosa-casts,"
                          "tosa-to-linalg-named,tosa-to-linalg),"
                          "tosa-to-arith,tosa-to-tensor,"
                          // arith/math on whole tensors: linalg ops (no
                          // bufferization otherwise).
                          "func.func(convert-elementwise-to-linalg)")))
    return failure();
  // f16/bf16 attention on sm_80+ becomes a tensor-core kernel here; the rest
  // takes the SIMT path below.
  // They are claimed here (attn-tile-attention skips them) and rewritten
  // right before bufferization: the rewrite's to_buffer/to_tensor pairs must
  // not be folded away before one-shot-bufferize has seen them.
  auto addMma = [&](bool claim) {
    pm.addPass(createGPUMmaAttentionPass(
        options.mmaWarps, options.mmaKeyTile, options.stages,
        options.mmaMinCtas, maxSharedMemoryPerBlock(chip), claim,
        wgmma ? options.wgmmaWarpgroups.getValue() : 0, options.wgmmaKeyTile,
        options.wgmmaOverlap, options.mmaScoreMods, options.wgmmaParts,
        options.mmaKeySplits, options.mmaPackGqa, options.mmaSplitCopies));
  };
  if (mma)
    addMma(/*claim=*/true);
  std::string s;
  // One query row of one head per thread: heads are not grouped (the CPU
  // path's GQA grouping would give a thread the rows of a whole group).
  // No peeling: the SIMT kernel as it ran on the device.
  // Without the tensor-core pass nothing else claims an op marked
  // attn.deferred (IR saved after the claim): tile it here.
  s += "attn-tile-attention{query-tile=1 group-heads=false "
       "peel-partial-tiles=false skip-deferred=" +
       std::string(mma ? "true" : "false") +
       " key-tile=" + std::to_string(keyTile) +
       "},attn-decompose-aggregates,canonicalize,cse";
  if (failed(addStage(pm, s)))
    return failure();

  // Stage 2: buffers and loops, as on the CPU; the forall becomes an
  // scf.parallel. The tensor-core kernels' results are new buffers, which
  // may be yielded from loops.
  if (mma)
    addMma(/*claim=*/false);
  if (failed(addStage(
          // affine.for has no bufferization (only the loops: the bounds
          // of affine.min/max size kernel temporaries later).
          pm, "attn-lift-cfg-loops,attn-lower-affine-loops,"
              "attn-reshape-dynamic-expands,"
              "one-shot-bufferize{bufferize-function-boundaries "
              "function-boundary-type-conversion=identity-layout-map "
              "allow-return-allocs-from-loops},"
              "attn-buffer-deallocation,convert-bufferization-to-memref,"
              "convert-linalg-to-loops,scf-forall-to-parallel,canonicalize,"
              "cse")))
    return failure();

  // Stage 3: map onto the GPU and make every launch self-contained.
  pm.addPass(createGPUMmaKernelsPass(
      maxSharedMemoryPerBlock(chip),
      chip == 90 && StringRef(options.chip).ends_with("a")));
  pm.addPass(createGPUMapParallelPass(32 * options.warps));
  if (failed(addStage(pm, "convert-parallel-loops-to-gpu,canonicalize,cse")))
    return failure();
  pm.addPass(createGPULaunchMemoryPass());

  // Stage 4: outline kernels and lower device code to NVVM. Kernels use
  // math.exp; the polynomial approximation keeps them free of libdevice.
  if (options.emulate) {
    // The same kernels, made host functions that the emulator runtime runs
    // once per GPU thread (GPUEmulate.cpp); the math the NVVM path would
    // apply to them (tanh, approximate exp) is applied here too.
    if (failed(addStage(pm, "gpu-launch-sink-index-computations,"
                            "gpu-kernel-outlining,attn-gpu-mma-kernel-hints,"
                            "attn-gpu-dedup-kernels,gpu.module(attn-expand-"
                            "tanh,math-expand-ops,attn-gpu-approximate-math)")))
      return failure();
    pm.addPass(createGPUEmulatePass());
  }
  std::string target = "nvvm-attach-target{chip=" + options.chip.getValue() +
                       " features=" + effectiveFeatures(options) +
                       " O=" + std::to_string(options.optLevel) + "}";
  if (!options.emulate &&
      failed(addStage(
          pm,
          "gpu-launch-sink-index-computations,gpu-kernel-outlining,"
          "attn-gpu-mma-kernel-hints,attn-gpu-dedup-kernels,"
          "func.func(gpu-async-region)," +
              target +
              ",gpu.module(attn-expand-tanh,math-expand-ops,attn-gpu-"
              "approximate-math,"
              "lower-affine,convert-scf-to-cf,lower-affine,convert-nvgpu-to-"
              "nvvm,"
              "expand-strided-metadata,convert-gpu-to-nvvm,canonicalize,cse,"
              "reconcile-unrealized-casts)")))
    return failure();

  // Stage 5: host code to LLVM (as attn-cpu-pipeline), the launches to mgpu*
  // calls, and the device modules to a gpu.binary.
  s.clear();
  if (options.emitCInterface)
    s += "func.func(llvm-request-c-wrappers),";
  // lower-affine before convert-scf-to-cf: an affine.for may hold scf ops.
  // Host vector code (the program's own) as on the CPU; complex and math
  // ops without an LLVM lowering as there too.
  // math.ipowi as outlined functions.
  s += "convert-math-to-funcs,"
       "func.func(lower-vector-multi-reduction{lowering-strategy=inner-"
       "parallel}),"
       "convert-vector-to-scf{full-unroll=true},"
       "convert-vector-to-llvm{vector-contract-lowering=outerproduct "
       "vector-transpose-lowering=shuffle16x16},"
       "lower-affine,convert-scf-to-cf,convert-complex-to-standard,"
       "math-expand-ops,"
       "arith-expand{include-bf16},expand-strided-metadata,lower-affine,"
       "convert-math-to-llvm,convert-math-to-libm,attn-lower-asserts,"
       "finalize-memref-to-llvm,convert-to-llvm,";
  if (options.emulate)
    s += "reconcile-unrealized-casts,attn-gpu-emulate-launchers,";
  else
    s += "gpu-to-llvm,reconcile-unrealized-casts," +
         std::string(options.fitRegisters ? "attn-gpu-fit-registers," : "") +
         "gpu-module-to-binary{format=" + options.format.getValue() + "},";
  s += "canonicalize,cse,attn-gpu-verify-lowered";
  return addStage(pm, s);
}

void mlir::attn::registerAttnNVVMPipeline() {
  PassRegistration<GPUMapParallelPass>();
  PassRegistration<GPULaunchMemoryPass>();
  PassRegistration<GPUDedupKernelsPass>();
  PassRegistration<GPUApproximateMathPass>();
  PassRegistration<GPUVerifyLoweredPass>();
  registerGPUMmaAttentionPass();
  registerGPUFitRegistersPass();
  registerGPUEmulatePasses();
  PassPipelineRegistration<NVVMPipelineOptions>(
      "attn-nvvm-pipeline",
      "Compile a whole program with attention for NVIDIA GPUs: host LLVM "
      "dialect plus a gpu.binary (cubin and PTX) calling the mgpu* runtime",
      [](OpPassManager &pm, const NVVMPipelineOptions &options) {
        if (failed(buildNVVMPipeline(pm, options))) {
          pm.clear();
          pm.addPass(createPipelineCheckPass(
              "attn-nvvm-pipeline", "internal error: a stage did not parse"));
        }
      });
}
