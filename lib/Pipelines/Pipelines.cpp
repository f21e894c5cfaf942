//===- Pipelines.cpp - attn-mlir compilation pipelines ----------*- C++ -*-===//
//
// Part of the attn-mlir project.
//
//===----------------------------------------------------------------------===//
//
// The pipelines are assembled in stages (raise, lower attention, bufferize,
// lower to loops, lower to LLVM, contract check). Upstream passes are added
// by their registered names so that the pipeline reads like the equivalent
// mlir-opt command line, which is also how the docs show each stage.
//
//===----------------------------------------------------------------------===//

#include "attn/Pipelines/Pipelines.h"

#include "attn/Dialect/Attn/IR/Attn.h"
#include "attn/Dialect/Attn/Transforms/Passes.h"
#include "attn/Dialect/Attn/Transforms/Transforms.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Math/Transforms/Passes.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/UB/IR/UBOps.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/Pass/Pass.h"
#include "mlir/Pass/PassRegistry.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

#include <string>

using namespace mlir;
using namespace mlir::attn;

namespace {
struct PipelineCheckPass
    : public PassWrapper<PipelineCheckPass, OperationPass<>> {
  MLIR_DEFINE_EXPLICIT_INTERNAL_INLINE_TYPE_ID(PipelineCheckPass)
  PipelineCheckPass() = default;
  PipelineCheckPass(const PipelineCheckPass &other) : PassWrapper(other) {}
  PipelineCheckPass(std::string pipeline, std::string error,
                    std::string warning) {
    this->pipeline = std::move(pipeline);
    this->error = std::move(error);
    this->warning = std::move(warning);
  }
  StringRef getArgument() const final { return "attn-pipeline-check"; }
  void getDependentDialects(DialectRegistry &registry) const override {
    registry.insert<ub::UBDialect>();
  }
  StringRef getDescription() const final {
    return "Report bad pipeline options and attention the pipeline cannot "
           "reach";
  }
  void runOnOperation() override {
    Operation *module = getOperation();
    if (!error.empty()) {
      // At the module's location, without the module printed after it.
      mlir::emitError(module->getLoc()) << pipeline << ": " << error;
      return signalPassFailure();
    }
    if (!warning.empty())
      mlir::emitWarning(module->getLoc()) << pipeline << ": " << warning;
    // A size read at a constant index outside the rank is undefined (upstream
    // canonicalization of such a memref.dim crashes once the GPU dialect is
    // loaded): it becomes ub.poison, with a warning.
    SmallVector<Operation *> badDims;
    module->walk([&](Operation *op) {
      if (!isa<tensor::DimOp, memref::DimOp>(op))
        return;
      auto shaped = dyn_cast<ShapedType>(op->getOperand(0).getType());
      std::optional<int64_t> index = getConstantIntValue(op->getOperand(1));
      if (shaped && shaped.hasRank() && index &&
          (*index < 0 || *index >= shaped.getRank()))
        badDims.push_back(op);
    });
    for (Operation *op : badDims) {
      op->emitWarning()
          << pipeline << ": dim index "
          << *getConstantIntValue(op->getOperand(1)) << " is outside rank "
          << cast<ShapedType>(op->getOperand(0).getType()).getRank()
          << ": its result is undefined (ub.poison)";
      OpBuilder b(op);
      Value poison =
          ub::PoisonOp::create(b, op->getLoc(), op->getResult(0).getType());
      op->getResult(0).replaceAllUsesWith(poison);
      op->erase();
    }
    WalkResult r = module->walk([&](AttentionOp op) {
      // Inside another symbol table (a gpu.module) the pipelines' function
      // passes do not reach the op.
      for (Operation *p = op->getParentOp(); p && p != module;
           p = p->getParentOp())
        if (p->hasTrait<OpTrait::SymbolTable>() && !isa<ModuleOp>(p)) {
          op.emitError() << pipeline << ": attn.attention inside '"
                         << p->getName()
                         << "' is not compiled; only functions of the "
                            "top-level module (or of a nested "
                            "builtin.module the pipeline runs on) are";
          return WalkResult::interrupt();
        }
      Operation *parent = op->getParentOfType<ModuleOp>();
      if (parent == module) {
        // The GPU kernels put Hq on grid.y and B on grid.z, which CUDA
        // caps at 65535 blocks: a static size past it cannot launch.
        AttentionOp::Sizes sizes = op.getSizes();
        constexpr int64_t kMaxGridYZ = 65535;
        if (pipeline == "attn-nvvm-pipeline" &&
            (sizes.batch > kMaxGridYZ || sizes.queryHeads > kMaxGridYZ)) {
          op.emitError() << pipeline << ": B = " << sizes.batch
                         << " and Hq = " << sizes.queryHeads
                         << " must each be at most " << kMaxGridYZ
                         << " (the kernel grid's z and y dimensions)";
          return WalkResult::interrupt();
        }
        return WalkResult::advance();
      }
      op.emitError() << pipeline
                     << ": attn.attention inside a nested builtin.module is "
                        "not compiled; run the pipeline on that module "
                        "(e.g. builtin.module(builtin.module("
                     << pipeline << ")))";
      return WalkResult::interrupt();
    });
    if (r.wasInterrupted())
      signalPassFailure();
  }
  // Options, so that a dumped pipeline (--dump-pass-pipeline) can be given
  // back to --pass-pipeline.
  Option<std::string> pipeline{
      *this, "pipeline",
      llvm::cl::desc("Name of the pipeline, for the messages"),
      llvm::cl::init("attn-cpu-pipeline")};
  Option<std::string> error{
      *this, "error",
      llvm::cl::desc("Fail with this message (a bad pipeline option)"),
      llvm::cl::init("")};
  Option<std::string> warning{
      *this, "warning",
      llvm::cl::desc("Warn with this message before the checks"),
      llvm::cl::init("")};
};

/// Replaces f32 math.tanh (scalar or vector) by upstream's rational
/// approximation, accurate to a few ulp over the whole range. The expansion
/// of math-expand-ops, (1 - e^-2|x|) / (1 + e^-2|x|), cancels near 0: it
/// returns 0 below about 3e-8 and loses digits up to about 1e-2, so a large
/// softcap c (c * tanh(s / c) ~ s) gave wrong scores.
struct ExpandTanhPass : public PassWrapper<ExpandTanhPass, OperationPass<>> {
  MLIR_DEFINE_EXPLICIT_INTERNAL_INLINE_TYPE_ID(ExpandTanhPass)
  StringRef getArgument() const final { return "attn-expand-tanh"; }
  StringRef getDescription() const final {
    return "Replace f32 math.tanh by a rational approximation that stays "
           "accurate near 0";
  }
  void getDependentDialects(DialectRegistry &registry) const override {
    registry.insert<arith::ArithDialect, math::MathDialect,
                    vector::VectorDialect>();
  }
  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    populatePolynomialApproximateTanhPattern(patterns);
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      return signalPassFailure();
  }
};
} // namespace

std::unique_ptr<Pass> mlir::attn::createPipelineCheckPass(std::string pipeline,
                                                          std::string error,
                                                          std::string warning) {
  return std::make_unique<PipelineCheckPass>(
      std::move(pipeline), std::move(error), std::move(warning));
}

bool mlir::attn::isPlainOptionValue(StringRef value) {
  return llvm::all_of(value, [](char c) {
    return llvm::isAlnum(c) || StringRef("+-_.,").contains(c);
  });
}

/// Appends a textual pipeline stage to `pm`.
static LogicalResult addStage(OpPassManager &pm, StringRef pipeline) {
  return parsePassPipeline(pipeline, pm, llvm::errs());
}

/// Stage 1: raise unfused chains and lower attn.attention on tensors.
static LogicalResult addAttentionStage(OpPassManager &pm,
                                       const CPUPipelineOptions &options) {
  std::string s;
  if (options.fuse)
    s += options.fuseReport ? "attn-fuse-attention{report=true},"
                            : "attn-fuse-attention,";
  // TOSA is lowered after raising: the raise reads the TOSA chain itself.
  s += "func.func(attn-split-tosa-casts,tosa-to-linalg-named,tosa-to-linalg),"
       "tosa-to-arith,"
       "tosa-to-tensor,"
       // arith/math on whole tensors (left by the raise, or none) has no
       // bufferization: linalg.generic ops.
       "func.func(convert-elementwise-to-linalg),";
  if (options.flash) {
    // Splitting the keys only pays with threads to run the splits on.
    int64_t keySplits = options.keySplits;
    if (keySplits == 0 && !options.openmp)
      keySplits = 1;
    // Key-major score tiles: no K-tile transpose, and the softmax
    // statistics reduce element-wise across the key rows.
    s += "attn-tile-attention{query-tile=" + std::to_string(options.queryTile) +
         " key-tile=" + std::to_string(options.keyTile) +
         " key-splits=" + std::to_string(keySplits) +
         // No later pass claims attn.deferred ops here.
         " key-major=true skip-deferred=false},";
    if (options.vectorize)
      s += "canonicalize,cse,attn-vectorize-tiles,";
  }
  else
    s += "attn-decompose-attention,";
  s += "attn-decompose-aggregates,canonicalize,cse";
  return addStage(pm, s);
}

/// Stage 2: tensors to buffers, linalg to loops.
static LogicalResult addBufferizeStage(OpPassManager &pm,
                                       const CPUPipelineOptions &options) {
  std::string s =
      // Loops written with branches become scf (deallocation needs
      // structured loops); affine.for has no bufferization: scf.for from
      // here on.
      "attn-lift-cfg-loops,attn-lower-affine-loops,"
      // (an upstream crash in expand-strided-metadata otherwise)
      "attn-reshape-dynamic-expands,"
      // A loop may yield a new tensor each iteration (attention in a layer
      // loop): its buffer is a fresh allocation that the ownership-based
      // deallocation frees.
      "one-shot-bufferize{bufferize-function-boundaries "
      "function-boundary-type-conversion=identity-layout-map "
      "allow-return-allocs-from-loops},"
      // Tile buffers of loop-invariant size are allocated once per query
      // tile instead of once per key step.
      "func.func(buffer-hoisting,buffer-loop-hoisting),"
      // (upstream's buffer-deallocation-pipeline, accepting a program that
      // frees memory itself)
      "attn-buffer-deallocation,convert-bufferization-to-memref,"
      "convert-linalg-to-loops,scf-forall-to-parallel,canonicalize,cse";
  // The flash forall (B x Hq x query tiles) becomes an OpenMP worksharing
  // loop; the thread count is libomp's (OMP_NUM_THREADS) at run time.
  if (options.openmp)
    s += ",attn-serialize-reductions,convert-scf-to-openmp,"
         "attn-inline-alloca-scopes";
  return addStage(pm, s);
}

/// Stage 3: everything to the LLVM dialect.
static LogicalResult addLLVMStage(OpPassManager &pm,
                                  const CPUPipelineOptions &options) {
  std::string s;
  if (options.emitCInterface)
    s += "func.func(llvm-request-c-wrappers),";
  // Contractions become outer products: one vector load and a broadcast
  // FMA per row and reduction step.
  s += "func.func(lower-vector-multi-reduction{lowering-strategy=inner-"
       "parallel}),"
       // Fully unrolled transfers need no stack buffer (a buffer allocated
       // inside the parallel loop body would grow the stack per iteration).
       "convert-vector-to-scf{full-unroll=true},"
       "convert-vector-to-llvm{vector-contract-lowering="
       "outerproduct vector-transpose-lowering=shuffle16x16},"
       // Every expansion but math.fma's: the fast exp's polynomial is
       // FMAs, which would otherwise become a multiply and an add each.
       // affine.for first: convert-scf-to-cf would put blocks in its body.
       // math.ipowi (and fpowi with an integer exponent) as outlined
       // functions.
       "convert-math-to-funcs,"
       "lower-affine,convert-scf-to-cf,attn-expand-tanh,"
       // complex.exp and friends (a rotary embedding in complex form):
       // arith and math on the parts.
       "convert-complex-to-standard,"
       "math-expand-ops{ops=ctlz,tan,sinh,cosh,tanh,asinh,"
       "acosh,atanh,ceil,exp2,powf,fpowi,round,roundeven,rsqrt},"
       "arith-expand{include-bf16},expand-strided-metadata,lower-affine,"
       // What has no LLVM intrinsic nor expansion (math.erf of a GELU,
       // erfc, cbrt) calls the C library.
       "convert-math-to-llvm,convert-math-to-libm,"
       // A failed run-time check's message on stderr, not lost with abort().
       "attn-lower-asserts,"
       // (memref.reshape with a shape operand: convert-to-llvm leaves it)
       "finalize-memref-to-llvm,convert-to-llvm,";
  if (options.openmp)
    s += "convert-openmp-to-llvm,";
  s += "reconcile-unrealized-casts,canonicalize,cse,";
  s += "attn-set-target-cpu{cpu=" + options.targetCpu.getValue() +
       " features=" + options.targetFeatures.getValue() + "},";
  s += "attn-verify-lowered";
  if (options.openmp)
    s += "{allow-openmp}";
  return addStage(pm, s);
}

LogicalResult mlir::attn::buildCPUPipeline(OpPassManager &pm,
                                           const CPUPipelineOptions &options) {
  // Option values go into textual pass options below: anything that could
  // end or extend them is an error, reported when the pipeline runs.
  std::string error;
  // The pipeline holds module passes: it must be anchored on a module.
  // (An op-agnostic pass manager, as integrators build, is fine.)
  if (pm.getOpAnchorName() != ModuleOp::getOperationName() &&
      pm.getOpAnchorName() != OpPassManager::getAnyOpAnchorName())
    error = "must run on builtin.module, not nested under '" +
            pm.getOpAnchorName().str() + "'";
  for (auto [name, value] :
       {std::pair<StringRef, StringRef>{"target-cpu", options.targetCpu},
        {"target-features", options.targetFeatures}})
    if (error.empty() && !isPlainOptionValue(value))
      error = (name + " '" + value +
               "' may only hold letters, digits and +-_.,")
                  .str();
  if (error.empty() && (options.queryTile < 0 || options.keyTile < 0))
    error = "query-tile and key-tile must be >= 0";
  if (error.empty() &&
      (options.keySplits < 0 || options.keySplits > kMaxKeySplits))
    error = "key-splits must be in [0, " + std::to_string(kMaxKeySplits) +
            "], got " + std::to_string(options.keySplits);
  pm.addPass(createPipelineCheckPass("attn-cpu-pipeline", error));
  if (!error.empty())
    return success();
  if (failed(addAttentionStage(pm, options)) ||
      failed(addBufferizeStage(pm, options)) || failed(addLLVMStage(pm, options)))
    return failure();
  return success();
}

void mlir::attn::registerAttnPipelines() {
  PassRegistration<ExpandTanhPass>();
  PassRegistration<PipelineCheckPass>();
  PassPipelineRegistration<CPUPipelineOptions>(
      "attn-cpu-pipeline",
      "Compile a whole program with attention to LLVM dialect for the host "
      "CPU (raise, flash lowering, bufferize, lower to LLVM)",
      [](OpPassManager &pm, const CPUPipelineOptions &options) {
        if (failed(buildCPUPipeline(pm, options))) {
          pm.clear();
          pm.addPass(createPipelineCheckPass(
              "attn-cpu-pipeline", "internal error: a stage did not parse"));
        }
      });
}
