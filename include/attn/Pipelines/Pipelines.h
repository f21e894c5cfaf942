//===- Pipelines.h - attn-mlir compilation pipelines ------------*- C++ -*-===//
//
// Part of the attn-mlir project.
//
//===----------------------------------------------------------------------===//

#ifndef ATTN_PIPELINES_PIPELINES_H
#define ATTN_PIPELINES_PIPELINES_H

#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassOptions.h"

#include <memory>
#include <string>

namespace mlir {
namespace attn {

/// Options of `attn-cpu-pipeline`.
struct CPUPipelineOptions : public PassPipelineOptions<CPUPipelineOptions> {
  PassOptions::Option<bool> flash{
      *this, "flash",
      llvm::cl::desc("Lower attention through the tiled online-softmax "
                     "(flash) path; false uses the unfused reference"),
      llvm::cl::init(true)};
  PassOptions::Option<bool> fuse{
      *this, "fuse",
      llvm::cl::desc("Raise unfused attention chains first"),
      llvm::cl::init(true)};
  PassOptions::Option<bool> fuseReport{
      *this, "fuse-report",
      llvm::cl::desc("Remark at every chain that looks like attention but is "
                     "not raised, saying why (attn-fuse-attention's report)"),
      llvm::cl::init(false)};
  PassOptions::Option<int64_t> queryTile{
      *this, "query-tile",
      llvm::cl::desc("Query rows per tile of the flash path (0: heuristic)"),
      llvm::cl::init(0)};
  PassOptions::Option<int64_t> keyTile{
      *this, "key-tile",
      llvm::cl::desc("Keys per inner step of the flash path (0: heuristic)"),
      llvm::cl::init(0)};
  PassOptions::Option<int64_t> keySplits{
      *this, "key-splits",
      llvm::cl::desc("Split each query tile's keys into this many chunks "
                     "run in parallel and combined (split-KV; 1: no split, "
                     "0: heuristic, which splits only with openmp when the "
                     "(batch, head, query tile) iterations are fewer than "
                     "32)"),
      llvm::cl::init(0)};
  PassOptions::Option<bool> vectorize{
      *this, "vectorize",
      llvm::cl::desc("Vectorise the statically shaped flash tiles "
                     "(attn-vectorize-tiles)"),
      llvm::cl::init(true)};
  PassOptions::Option<bool> openmp{
      *this, "openmp",
      llvm::cl::desc("Run the parallel loops on OpenMP threads (link "
                     "libomp; OMP_NUM_THREADS sets the count at run time)"),
      llvm::cl::init(true)};
  PassOptions::Option<std::string> targetCpu{
      *this, "target-cpu",
      llvm::cl::desc("CPU the code is generated for (host: this machine; "
                     "empty: leave it to the code generator)"),
      llvm::cl::init("host")};
  PassOptions::Option<std::string> targetFeatures{
      *this, "target-features",
      llvm::cl::desc("CPU features, e.g. +avx512f,+fma (host: this "
                     "machine's; empty: the CPU's defaults)"),
      llvm::cl::init("host")};
  PassOptions::Option<bool> emitCInterface{
      *this, "emit-c-interface",
      llvm::cl::desc("Add llvm.emit_c_interface to every function"),
      llvm::cl::init(false)};
};

/// Adds the passes of `attn-cpu-pipeline` to `pm`.
LogicalResult buildCPUPipeline(OpPassManager &pm,
                               const CPUPipelineOptions &options);

/// Registers `attn-cpu-pipeline`.
void registerAttnPipelines();

/// First pass of the pipelines: fails with `error` when it is not empty (a
/// bad pipeline option, found while the pipeline was built, becomes an error
/// diagnostic rather than an abort), and otherwise with an error naming any
/// attn.attention inside a nested builtin.module, which `pipeline` (the
/// pipeline's name, for the message) does not compile. A non-empty
/// `warning` (an option that has no effect with the others) is emitted as a
/// warning at the module.
std::unique_ptr<Pass> createPipelineCheckPass(std::string pipeline,
                                              std::string error,
                                              std::string warning = "");

/// Whether `value` may be pasted into a textual pass option: letters, digits
/// and `+-_.,` only (no spaces, braces, quotes or `=`).
bool isPlainOptionValue(StringRef value);

} // namespace attn
} // namespace mlir

#endif // ATTN_PIPELINES_PIPELINES_H
