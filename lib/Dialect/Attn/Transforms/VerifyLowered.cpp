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
    ModuleOp module = getOperation();
    SmallVector<cf::AssertOp> asserts;
    // Those directly in a host function's body (its region holds blocks;
    // an assert nested in another op's region is left to upstream).
    module.walk([&](cf::AssertOp op) {
      if (isa<func::FuncOp, LLVM::LLVMFuncOp>(op->getParentOp()) &&
          !op->getParentOfType<gpu::GPUModuleOp>())
        asserts.push_back(op);
    });
    if (asserts.empty())
      return;
    MLIRContext *ctx = &getContext();
    auto ptr = LLVM::LLVMPointerType::get(ctx);
    auto i32 = IntegerType::get(ctx, 32);
    auto i64 = IntegerType::get(ctx, 64);
    OpBuilder top = OpBuilder::atBlockBegin(module.getBody());
    // The libc functions, declared once (or reused when the module has
    // them with the same type).
    auto declare = [&](StringRef name, Type result,
                       ArrayRef<Type> args) -> LLVM::LLVMFuncOp {
      if (auto f = module.lookupSymbol<LLVM::LLVMFuncOp>(name))
        return f;
      if (module.lookupSymbol(name))
        return nullptr;
      return LLVM::LLVMFuncOp::create(
          top, module.getLoc(), name,
          LLVM::LLVMFunctionType::get(result, args));
    };
    auto voidType = LLVM::LLVMVoidType::get(ctx);
    LLVM::LLVMFuncOp writeFn = declare("write", i64, {i32, ptr, i64});
    LLVM::LLVMFuncOp flushFn = declare("fflush", i32, {ptr});
    LLVM::LLVMFuncOp abortFn = declare("abort", voidType, {});
    if (!writeFn || !flushFn || !abortFn ||
        writeFn.getFunctionType() !=
            LLVM::LLVMFunctionType::get(i64, {i32, ptr, i64}) ||
        flushFn.getFunctionType() != LLVM::LLVMFunctionType::get(i32, {ptr}) ||
        abortFn.getFunctionType() !=
            LLVM::LLVMFunctionType::get(voidType, {})) {
      // Symbols of those names with other types: upstream's lowering then.
      return;
    }
    SymbolTable symbols(module);
    unsigned counter = 0;
    for (cf::AssertOp op : asserts) {
      Location loc = op.getLoc();
      std::string text = op.getMsg().str() + "\n";
      // The message as a private constant global.
      std::string name;
      do {
        name = "__attn_assert_msg_" + std::to_string(counter++);
      } while (symbols.lookup(name));
      auto arrayType =
          LLVM::LLVMArrayType::get(IntegerType::get(ctx, 8), text.size());
      auto global = LLVM::GlobalOp::create(
          top, loc, arrayType, /*isConstant=*/true, LLVM::Linkage::Private,
          name, top.getStringAttr(text));
      symbols.insert(global);
      // Split: the ops after the assert continue when it holds.
      Block *before = op->getBlock();
      Block *after = before->splitBlock(op->getNextNode());
      Region *region = before->getParent();
      Block *fail = new Block();
      region->getBlocks().insert(after->getIterator(), fail);
      OpBuilder b(ctx);
      b.setInsertionPointToEnd(fail);
      Value null = LLVM::ZeroOp::create(b, loc, ptr);
      LLVM::CallOp::create(b, loc, flushFn, ValueRange{null});
      Value fd = LLVM::ConstantOp::create(b, loc, i32, b.getI32IntegerAttr(2));
      Value msg = LLVM::AddressOfOp::create(b, loc, global);
      Value len = LLVM::ConstantOp::create(
          b, loc, i64, b.getI64IntegerAttr(static_cast<int64_t>(text.size())));
      LLVM::CallOp::create(b, loc, writeFn, ValueRange{fd, msg, len});
      LLVM::CallOp::create(b, loc, abortFn, ValueRange{});
      LLVM::UnreachableOp::create(b, loc);
      b.setInsertionPoint(op);
      cf::CondBranchOp::create(b, loc, op.getArg(), after, ValueRange{}, fail,
                               ValueRange{});
      op.erase();
    }
  }
};

/// Whether convert-scf-to-openmp can take the reduction `reduce` region
/// combines: one op, addf/mulf/addi/muli/ori/andi/xori of the two block
/// arguments, or a compare and a select of them.
static bool isOpenMPReduction(Region &region) {
  Block &block = region.front();
  if (block.getNumArguments() != 2)
    return false;
  auto ops = llvm::map_to_vector(block.without_terminator(),
                                 [](Operation &op) { return &op; });
  auto readsArgs = [&](Operation *op) {
    return llvm::all_of(op->getOperands(), [&](Value v) {
      auto arg = dyn_cast<BlockArgument>(v);
      return arg && arg.getOwner() == &block;
    });
  };
  auto ret = dyn_cast<scf::ReduceReturnOp>(block.getTerminator());
  if (!ret)
    return false;
  if (ops.size() == 1)
    return isa<arith::AddFOp, arith::MulFOp, arith::AddIOp, arith::MulIOp,
               arith::OrIOp, arith::AndIOp, arith::XOrIOp>(ops[0]) &&
           readsArgs(ops[0]) && ret.getResult() == ops[0]->getResult(0);
  if (ops.size() == 2)
    return isa<arith::CmpFOp, arith::CmpIOp>(ops[0]) && readsArgs(ops[0]) &&
           isa<arith::SelectOp>(ops[1]) &&
           ops[1]->getOperand(0) == ops[0]->getResult(0) &&
           ret.getResult() == ops[1]->getResult(0);
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
      for (ub::PoisonOp op : poisons) {
        auto type = dyn_cast<RankedTensorType>(op.getType());
        if (!type || !type.hasStaticShape())
          continue;
        OpBuilder b(op);
        Value empty = tensor::EmptyOp::create(b, op.getLoc(), type.getShape(),
                                              type.getElementType());
        op.replaceAllUsesWith(empty);
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
