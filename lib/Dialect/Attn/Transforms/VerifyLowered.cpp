//===- VerifyLowered.cpp - end-of-pipeline contract check -------*- C++ -*-===//
//
// Part of the attn-mlir project.
//
//===----------------------------------------------------------------------===//

#include "attn/Dialect/Attn/Transforms/Passes.h"

#include "mlir/Conversion/AffineToStandard/AffineToStandard.h"
#include "mlir/Conversion/ControlFlowToSCF/ControlFlowToSCF.h"
#include "mlir/Conversion/SCFToControlFlow/SCFToControlFlow.h"
#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Arith/Utils/Utils.h"
#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
#include "mlir/Dialect/Bufferization/Pipelines/Passes.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlowOps.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/GPU/IR/GPUDialect.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/UB/IR/UBOps.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Dominance.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/IR/SymbolTable.h"
#include "mlir/Interfaces/FunctionInterfaces.h"
#include "mlir/Interfaces/ViewLikeInterface.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Transforms/DialectConversion.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/MC/MCSubtargetInfo.h"
#include "llvm/MC/TargetRegistry.h"
#include "llvm/Support/TargetSelect.h"
#include "llvm/TargetParser/Host.h"
#include "llvm/TargetParser/Triple.h"

#define DEBUG_TYPE "attn-verify-lowered"

namespace mlir {
namespace attn {
#define GEN_PASS_DEF_ATTNVERIFYLOWERED
#define GEN_PASS_DEF_ATTNINLINEALLOCASCOPES
#define GEN_PASS_DEF_ATTNLOWERAFFINELOOPS
#define GEN_PASS_DEF_ATTNBUFFERDEALLOCATION
#define GEN_PASS_DEF_ATTNLOWERASSERTS
#define GEN_PASS_DEF_ATTNSERIALIZEREDUCTIONS
#define GEN_PASS_DEF_ATTNLIFTCFGLOOPS
#define GEN_PASS_DEF_ATTNRESHAPEDYNAMICEXPANDS
#define GEN_PASS_DEF_ATTNSETTARGETCPU
#include "attn/Dialect/Attn/Transforms/Passes.h.inc"
} // namespace attn
} // namespace mlir

using namespace mlir;

namespace {
struct AttnVerifyLoweredPass
    : attn::impl::AttnVerifyLoweredBase<AttnVerifyLoweredPass> {
  using Base::Base;

  /// Returns true if `op` may stay in the module handed to LLVM translation.
  bool isLegal(Operation *op) const {
    StringRef ns = op->getDialect() ? op->getDialect()->getNamespace() : "";
    if (ns == "llvm")
      return true;
    if (isa<ModuleOp>(op))
      return true;
    if (allowOpenMP && ns == "omp")
      return true;
    if (allowGpu && ns == "gpu") {
      StringRef name = op->getName().getStringRef();
      return name == "gpu.binary";
    }
    return false;
  }

  void runOnOperation() override {
    bool failed = false;
    getOperation()->walk([&](Operation *op) {
      if (isLegal(op))
        return WalkResult::advance();
      if (op->getDialect() &&
          op->getDialect()->getNamespace() == "attn")
        op->emitError() << "'" << op->getName()
                        << "' is left after the pipeline: no lowering "
                           "handled it (check the verifier messages above)";
      else
        op->emitError() << "'" << op->getName()
                        << "' is left after the pipeline and cannot be "
                           "translated to LLVM IR; the pipeline has no "
                           "lowering for it";
      failed = true;
      return WalkResult::skip();
    });
    if (failed)
      signalPassFailure();
  }
};

struct AttnInlineAllocaScopesPass
    : attn::impl::AttnInlineAllocaScopesBase<AttnInlineAllocaScopesPass> {
  void runOnOperation() override {
    SmallVector<memref::AllocaScopeOp> scopes;
    getOperation()->walk(
        [&](memref::AllocaScopeOp scope) { scopes.push_back(scope); });
    IRRewriter rewriter(&getContext());
    for (memref::AllocaScopeOp scope : scopes) {
      Block &body = scope.getBodyRegion().front();
      if (llvm::any_of(body, [](Operation &op) {
            return isa<memref::AllocaOp>(op);
          }))
        continue;
      auto ret = cast<memref::AllocaScopeReturnOp>(body.getTerminator());
      SmallVector<Value> results(ret.getResults());
      rewriter.eraseOp(ret);
      rewriter.inlineBlockBefore(&body, scope);
      rewriter.replaceOp(scope, results);
    }
  }
};

struct AttnLowerAffineLoopsPass
    : attn::impl::AttnLowerAffineLoopsBase<AttnLowerAffineLoopsPass> {
  void runOnOperation() override {
    auto lowered = [](Operation *op) {
      return isa<affine::AffineForOp, affine::AffineIfOp,
                 affine::AffineParallelOp, affine::AffineYieldOp,
                 affine::AffineLoadOp, affine::AffineStoreOp,
                 affine::AffineVectorLoadOp, affine::AffineVectorStoreOp,
                 affine::AffinePrefetchOp, affine::AffineDmaStartOp,
                 affine::AffineDmaWaitOp>(op);
    };
    bool any = false;
    getOperation()->walk([&](Operation *op) {
      if (lowered(op))
        any = true;
    });
    if (!any)
      return;
    // Everything but affine.apply/min/max is illegal; the upstream patterns
    // for those then never apply.
    ConversionTarget target(getContext());
    target.markUnknownOpDynamicallyLegal(
        [&](Operation *op) { return !lowered(op); });
    RewritePatternSet patterns(&getContext());
    populateAffineToStdConversionPatterns(patterns);
    populateAffineToVectorConversionPatterns(patterns);
    if (failed(applyPartialConversion(getOperation(), target,
                                      std::move(patterns))))
      signalPassFailure();
  }
};

struct AttnBufferDeallocationPass
    : attn::impl::AttnBufferDeallocationBase<AttnBufferDeallocationPass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    // The program's own deallocations go: the pipeline frees every buffer
    // once, in the function that owns it (the one that allocated it, or the
    // caller a function returned it to), after its last use. (Keeping a
    // callee's free of its argument would free it twice: the caller still
    // owns what it passes.)
    SmallVector<memref::DeallocOp> deallocs;
    module.walk([&](memref::DeallocOp op) { deallocs.push_back(op); });
    for (memref::DeallocOp op : deallocs)
      op.erase();
    OpPassManager pm(ModuleOp::getOperationName());
    bufferization::buildBufferDeallocationPipeline(pm);
    if (failed(runPipeline(pm, module)))
      return signalPassFailure();
  }
};

struct AttnLowerAssertsPass
    : attn::impl::AttnLowerAssertsBase<AttnLowerAssertsPass> {
  void runOnOperation() override {
    // Host asserts (not in a GPU module), at any depth (an OpenMP loop's
    // body included), grouped by the module whose symbols they can call.
    llvm::MapVector<ModuleOp, SmallVector<cf::AssertOp>> byModule;
    // (An assert in a gpu.launch body is device code too: outlining would
    // copy the helper and the libc declarations into the kernel's module.)
    getOperation()->walk([&](cf::AssertOp op) {
      if (!op->getParentOfType<gpu::GPUModuleOp>() &&
          !op->getParentOfType<gpu::LaunchOp>())
        byModule[op->getParentOfType<ModuleOp>()].push_back(op);
    });
    for (auto &[module, asserts] : byModule)
      lower(module, asserts);
  }

  /// Declares the libc functions and a helper in `module` and replaces each
  /// assert by a call of the helper (a call works in every region, also
  /// single-block ones, where a branch could not go). Leaves the asserts to
  /// upstream when `module` has those names with other types.
  void lower(ModuleOp module, ArrayRef<cf::AssertOp> asserts) {
    MLIRContext *ctx = &getContext();
    auto ptr = LLVM::LLVMPointerType::get(ctx);
    auto i1 = IntegerType::get(ctx, 1);
    auto i32 = IntegerType::get(ctx, 32);
    auto i64 = IntegerType::get(ctx, 64);
    auto voidType = LLVM::LLVMVoidType::get(ctx);
    auto writeType = LLVM::LLVMFunctionType::get(i64, {i32, ptr, i64});
    auto flushType = LLVM::LLVMFunctionType::get(i32, {ptr});
    auto abortType = LLVM::LLVMFunctionType::get(voidType, {});
    SymbolTable symbols(module);
    // Checked before anything is created.
    for (auto [name, type] : {std::make_pair("write", writeType),
                              std::make_pair("fflush", flushType),
                              std::make_pair("abort", abortType)}) {
      Operation *existing = symbols.lookup(name);
      if (!existing)
        continue;
      auto f = dyn_cast<LLVM::LLVMFuncOp>(existing);
      if (!f || f.getFunctionType() != type)
        return; // Symbols of those names with other types: upstream then.
    }
    OpBuilder top = OpBuilder::atBlockBegin(module.getBody());
    Location loc = module.getLoc();
    auto declare = [&](StringRef name, LLVM::LLVMFunctionType type) {
      if (auto f = symbols.lookup<LLVM::LLVMFuncOp>(name))
        return f;
      auto f = LLVM::LLVMFuncOp::create(top, loc, name, type);
      symbols.insert(f);
      return f;
    };
    LLVM::LLVMFuncOp writeFn = declare("write", writeType);
    LLVM::LLVMFuncOp flushFn = declare("fflush", flushType);
    LLVM::LLVMFuncOp abortFn = declare("abort", abortType);
    auto uniqueName = [&](const Twine &base) {
      std::string name = base.str();
      for (unsigned k = 0; symbols.lookup(name); ++k)
        name = (base + "_" + Twine(k)).str();
      return name;
    };
    // __attn_assert(cond, msg, len): returns when cond holds; otherwise
    // flushes every stream, writes the message to fd 2 and aborts.
    auto helper = LLVM::LLVMFuncOp::create(
        top, loc, uniqueName("__attn_assert"),
        LLVM::LLVMFunctionType::get(voidType, {i1, ptr, i64}),
        LLVM::Linkage::Internal);
    symbols.insert(helper);
    {
      Block *entry = helper.addEntryBlock(top);
      Block *ok = new Block(), *fail = new Block();
      helper.getBody().push_back(ok);
      helper.getBody().push_back(fail);
      OpBuilder b = OpBuilder::atBlockEnd(entry);
      LLVM::CondBrOp::create(b, loc, entry->getArgument(0), ok, fail);
      b.setInsertionPointToEnd(ok);
      LLVM::ReturnOp::create(b, loc, ValueRange{});
      b.setInsertionPointToEnd(fail);
      Value null = LLVM::ZeroOp::create(b, loc, ptr);
      LLVM::CallOp::create(b, loc, flushFn, ValueRange{null});
      Value fd = LLVM::ConstantOp::create(b, loc, i32, b.getI32IntegerAttr(2));
      LLVM::CallOp::create(
          b, loc, writeFn,
          ValueRange{fd, entry->getArgument(1), entry->getArgument(2)});
      LLVM::CallOp::create(b, loc, abortFn, ValueRange{});
      LLVM::UnreachableOp::create(b, loc);
    }
    for (cf::AssertOp op : asserts) {
      Location at = op.getLoc();
      std::string text = op.getMsg().str() + "\n";
      // The message as a private constant global.
      auto arrayType =
          LLVM::LLVMArrayType::get(IntegerType::get(ctx, 8), text.size());
      auto global = LLVM::GlobalOp::create(
          top, at, arrayType, /*isConstant=*/true, LLVM::Linkage::Private,
          uniqueName("__attn_assert_msg"), top.getStringAttr(text));
      symbols.insert(global);
      OpBuilder b(op);
      Value msg = LLVM::AddressOfOp::create(b, at, global);
      Value len = LLVM::ConstantOp::create(
          b, at, i64, b.getI64IntegerAttr(static_cast<int64_t>(text.size())));
      LLVM::CallOp::create(b, at, helper, ValueRange{op.getArg(), msg, len});
      op.erase();
    }
  }
};

/// Whether convert-scf-to-openmp can take the reduction `region` combines,
/// and the LLVM lowering of what it makes is valid: exactly one
/// addf/mulf/addi/muli/ori/andi/xori of the two block arguments in order,
/// or a less/greater compare of them in order and a select of the two
/// (a min or a max), on a type other than index; a scalar integer the
/// conversion combines with an atomic (all but muli) must be a power of two
/// of at least 8 bits (llvm.atomicrmw rejects i1).
static bool isOpenMPReduction(Region &region) {
  Block &block = region.front();
  if (block.getNumArguments() != 2)
    return false;
  Value lhs = block.getArgument(0), rhs = block.getArgument(1);
  Type type = lhs.getType();
  // (vector<...xindex> min/max crashes the conversion itself.)
  if (getElementTypeOrSelf(type).isIndex())
    return false;
  // llvm.atomicrmw takes integers of 8 to 64 bits (a power of two) and
  // f16/bf16/f32/f64 (not i1, i128 or f80).
  auto atomicOk = [&]() {
    if (isa<VectorType>(type))
      return true; // (no atomic for vectors)
    if (auto intType = dyn_cast<IntegerType>(type)) {
      unsigned width = intType.getWidth();
      return width >= 8 && width <= 64 && llvm::isPowerOf2_32(width);
    }
    return type.isF16() || type.isBF16() || type.isF32() || type.isF64();
  };
  auto ops = llvm::map_to_vector(block.without_terminator(),
                                 [](Operation &op) { return &op; });
  auto ret = dyn_cast<scf::ReduceReturnOp>(block.getTerminator());
  if (!ret)
    return false;
  auto readsInOrder = [&](Operation *op) {
    return op->getNumOperands() == 2 && op->getOperand(0) == lhs &&
           op->getOperand(1) == rhs;
  };
  if (ops.size() == 1) {
    Operation *op = ops[0];
    if (!readsInOrder(op) || ret.getResult() != op->getResult(0))
      return false;
    if (isa<arith::MulFOp, arith::MulIOp>(op))
      return true;
    return isa<arith::AddFOp, arith::AddIOp, arith::OrIOp, arith::AndIOp,
               arith::XOrIOp>(op) &&
           atomicOk();
  }
  if (ops.size() != 2 || !readsInOrder(ops[0]))
    return false;
  auto select = dyn_cast<arith::SelectOp>(ops[1]);
  if (!select || select.getCondition() != ops[0]->getResult(0) ||
      ret.getResult() != select.getResult())
    return false;
  bool same = select.getTrueValue() == lhs && select.getFalseValue() == rhs;
  bool swapped = select.getTrueValue() == rhs && select.getFalseValue() == lhs;
  if (!same && !swapped)
    return false;
  if (auto cmp = dyn_cast<arith::CmpFOp>(ops[0])) {
    using P = arith::CmpFPredicate;
    P p = cmp.getPredicate();
    return p == P::OLT || p == P::OLE || p == P::OGT || p == P::OGE;
  }
  if (auto cmp = dyn_cast<arith::CmpIOp>(ops[0])) {
    using P = arith::CmpIPredicate;
    P p = cmp.getPredicate();
    return (p == P::slt || p == P::sle || p == P::sgt || p == P::sge ||
            p == P::ult || p == P::ule || p == P::ugt || p == P::uge) &&
           atomicOk();
  }
  return false;
}

struct AttnSerializeReductionsPass
    : attn::impl::AttnSerializeReductionsBase<AttnSerializeReductionsPass> {
  void runOnOperation() override {
    SmallVector<Operation *> loops;
    getOperation()->walk([&](scf::ParallelOp op) {
      if (op.getNumResults() == 0)
        return;
      auto reduce = cast<scf::ReduceOp>(op.getBody()->getTerminator());
      if (!llvm::all_of(reduce.getReductions(), isOpenMPReduction))
        loops.push_back(op);
    });
    if (loops.empty())
      return;
    // A combiner that returns one of its arguments as it is (what
    // canonicalization leaves of `select(a == b, a, b)`) gets an op to
    // return (upstream's rewrite below reads the value it returns from the
    // inlined body and fails on a bare block argument).
    for (Operation *op : loops) {
      auto reduce = cast<scf::ReduceOp>(
          cast<scf::ParallelOp>(op).getBody()->getTerminator());
      for (Region &region : reduce.getReductions()) {
        Block &block = region.front();
        auto ret = cast<scf::ReduceReturnOp>(block.getTerminator());
        auto arg = dyn_cast<BlockArgument>(ret.getResult());
        if (!arg || arg.getOwner() != &block || block.getNumArguments() != 2)
          continue;
        OpBuilder b(ret);
        Value yes =
            arith::ConstantOp::create(b, ret.getLoc(), b.getBoolAttr(true));
        Value other = block.getArgument(1 - arg.getArgNumber());
        Value same = arith::SelectOp::create(b, ret.getLoc(), yes, arg, other);
        ret->setOperand(0, same);
      }
    }
    // Upstream's scf.parallel -> nested scf.for rewrite, on those loops
    // only (the scf.for it creates are left for convert-scf-to-cf).
    RewritePatternSet patterns(&getContext());
    populateSCFToControlFlowConversionPatterns(patterns);
    GreedyRewriteConfig config;
    config.setStrictness(GreedyRewriteStrictness::ExistingOps);
    if (failed(applyOpPatternsGreedily(loops, std::move(patterns), config)))
      signalPassFailure();
  }
};

/// Whether a block of `region` branches back to a block that dominates it
/// (a loop written with branches).
static bool hasBackEdge(Region &region, DominanceInfo &dom) {
  for (Block &block : region)
    for (Block *succ : block.getSuccessors())
      if (dom.dominates(succ, &block))
        return true;
  return false;
}

struct AttnLiftCFGLoopsPass
    : attn::impl::AttnLiftCFGLoopsBase<AttnLiftCFGLoopsPass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    DominanceInfo dom(module);
    SmallVector<func::FuncOp> funcs;
    for (auto func : module.getOps<func::FuncOp>())
      if (!func.isExternal() && !func.getBody().hasOneBlock() &&
          hasBackEdge(func.getBody(), dom))
        funcs.push_back(func);
    for (func::FuncOp func : funcs) {
      OpPassManager pm(func::FuncOp::getOperationName());
      pm.addPass(createLiftControlFlowToSCFPass());
      if (failed(runPipeline(pm, func)))
        return signalPassFailure();
      // A value undefined on some path is poison: for a tensor, whatever
      // tensor.empty holds will do.
      SmallVector<ub::PoisonOp> poisons;
      func.walk([&](ub::PoisonOp op) { poisons.push_back(op); });
      // Dynamic sizes are 0 (any tensor refines poison); an unranked one
      // is a cast of an empty 1-D tensor.
      for (ub::PoisonOp op : poisons) {
        auto tensorType = dyn_cast<TensorType>(op.getType());
        if (!tensorType)
          continue;
        OpBuilder b(op);
        Location loc = op.getLoc();
        Type elt = tensorType.getElementType();
        Value value;
        if (auto type = dyn_cast<RankedTensorType>(tensorType)) {
          SmallVector<OpFoldResult> sizes;
          for (int64_t size : type.getShape())
            sizes.push_back(
                b.getIndexAttr(ShapedType::isDynamic(size) ? 0 : size));
          value = tensor::EmptyOp::create(b, loc, sizes, elt);
          if (value.getType() != type)
            value = tensor::CastOp::create(b, loc, type, value);
        } else {
          value = tensor::EmptyOp::create(b, loc, ArrayRef<int64_t>{0}, elt);
          value = tensor::CastOp::create(b, loc, tensorType, value);
        }
        op.replaceAllUsesWith(value);
        op.erase();
      }
    }
  }
};

struct AttnReshapeDynamicExpandsPass
    : attn::impl::AttnReshapeDynamicExpandsBase<AttnReshapeDynamicExpandsPass> {
  void runOnOperation() override {
    SmallVector<tensor::ExpandShapeOp> expands;
    getOperation()->walk([&](tensor::ExpandShapeOp op) {
      RankedTensorType type = op.getResultType();
      for (const ReassociationIndices &group : op.getReassociationIndices())
        if (llvm::count_if(
                group, [&](int64_t d) { return type.isDynamicDim(d); }) > 1) {
          expands.push_back(op);
          return;
        }
    });
    for (tensor::ExpandShapeOp op : expands) {
      OpBuilder b(op);
      Location loc = op.getLoc();
      SmallVector<Value> sizes;
      for (OpFoldResult size : op.getMixedOutputShape())
        sizes.push_back(getValueOrCreateConstantIndexOp(b, loc, size));
      auto shapeType = RankedTensorType::get(
          {static_cast<int64_t>(sizes.size())}, b.getIndexType());
      Value shape = tensor::FromElementsOp::create(b, loc, shapeType, sizes);
      Value reshaped = tensor::ReshapeOp::create(b, loc, op.getResultType(),
                                                 op.getSrc(), shape);
      op.replaceAllUsesWith(reshaped);
      op.erase();
    }
  }
};

struct AttnSetTargetCPUPass
    : attn::impl::AttnSetTargetCPUBase<AttnSetTargetCPUPass> {
  using Base::Base;
  void runOnOperation() override {
    std::string cpuName =
        cpu == "host" ? llvm::sys::getHostCPUName().str() : std::string(cpu);
    std::string featureList = features;
    if (featureList == "host") {
      SmallVector<std::string> enabled;
      for (const auto &f : llvm::sys::getHostCPUFeatures())
        enabled.push_back((f.second ? "+" : "-") + f.first().str());
      llvm::sort(enabled);
      featureList = llvm::join(enabled, ",");
    }
    // LLVM's target attributes only take "+feat" / "-feat" lists, and a CPU
    // the host's back end knows; anything else is an error here rather
    // than IR that does not re-parse or a CPU that code generation ignores.
    SmallVector<StringRef> parts;
    StringRef(featureList).split(parts, ',', -1, /*KeepEmpty=*/true);
    for (StringRef f : parts) {
      if (!featureList.empty() &&
          (f.size() < 2 || (f.front() != '+' && f.front() != '-'))) {
        mlir::emitError(getOperation()->getLoc())
            << "attn-set-target-cpu: features must be a comma-separated list "
               "of +feature / -feature (or 'host'), got '"
            << features << "'";
        return signalPassFailure();
      }
    }
    // The CPU and the named features must be ones the host's back end
    // knows (an unknown feature would only be warned about, and ignored,
    // when the code is generated).
    bool checkCpu = !cpuName.empty() && cpu != "host";
    bool checkFeatures = !featureList.empty() && features != "host";
    if (checkCpu || checkFeatures) {
      llvm::InitializeNativeTarget();
      std::string err;
      llvm::Triple triple(llvm::sys::getDefaultTargetTriple());
      const llvm::Target *target =
          llvm::TargetRegistry::lookupTarget(triple, err);
      std::unique_ptr<llvm::MCSubtargetInfo> sti(
          target ? target->createMCSubtargetInfo(triple, "", "") : nullptr);
      if (sti && checkCpu && !sti->isCPUStringValid(cpuName)) {
        mlir::emitError(getOperation()->getLoc())
            << "attn-set-target-cpu: cpu '" << cpuName
            << "' is not a CPU the " << triple.getArchName()
            << " back end knows (e.g. 'host', 'x86-64-v3', 'znver4')";
        return signalPassFailure();
      }
      if (sti && checkFeatures) {
        for (StringRef f : parts) {
          StringRef name = f.drop_front();
          if (llvm::none_of(sti->getAllProcessorFeatures(),
                            [&](const llvm::SubtargetFeatureKV &kv) {
                              return name == kv.Key;
                            })) {
            mlir::emitError(getOperation()->getLoc())
                << "attn-set-target-cpu: feature '" << name
                << "' is not one the " << triple.getArchName()
                << " back end knows"
                << (triple.isX86() ? " (e.g. +avx2, +fma, +avx512f)" : "");
            return signalPassFailure();
          }
        }
      }
    }
    MLIRContext *ctx = &getContext();
    getOperation()->walk([&](LLVM::LLVMFuncOp func) {
      if (func.isExternal())
        return;
      if (!cpuName.empty())
        func.setTargetCpuAttr(StringAttr::get(ctx, cpuName));
      if (!featureList.empty())
        func.setTargetFeaturesAttr(
            LLVM::TargetFeaturesAttr::get(ctx, featureList));
    });
  }
};
} // namespace
