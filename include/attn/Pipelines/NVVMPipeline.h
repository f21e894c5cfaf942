//===- NVVMPipeline.h - attn-nvvm-pipeline ----------------------*- C++ -*-===//
//
// Part of the attn-mlir project.
//
//===----------------------------------------------------------------------===//
//
// The NVIDIA GPU pipeline: whole programs with attention to host LLVM dialect
// plus a gpu.binary (cubin for the chip and PTX for the JIT) that calls the
// mgpu* runtime ABI (lib/Runtime/CUDA). The design is in docs/GPU.md.
//
//===----------------------------------------------------------------------===//

#ifndef ATTN_PIPELINES_NVVMPIPELINE_H
#define ATTN_PIPELINES_NVVMPIPELINE_H

#include "mlir/Pass/Pass.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassOptions.h"

#include <memory>

namespace mlir {
namespace attn {

/// Options of `attn-nvvm-pipeline`.
struct NVVMPipelineOptions : public PassPipelineOptions<NVVMPipelineOptions> {
  PassOptions::Option<std::string> chip{
      *this, "chip", llvm::cl::desc("Target SM architecture (sm_80, sm_90...)"),
      llvm::cl::init("sm_80")};
  PassOptions::Option<std::string> features{
      *this, "features",
      llvm::cl::desc("PTX features; sm_90 needs +ptx80 or newer"),
      llvm::cl::init("+ptx80")};
  PassOptions::Option<std::string> format{
      *this, "format",
      llvm::cl::desc("gpu.binary format: fatbin (cubin + PTX), bin (cubin), "
                     "isa (PTX text, needs no ptxas)"),
      llvm::cl::init("fatbin")};
  PassOptions::Option<int64_t> optLevel{
      *this, "opt-level", llvm::cl::desc("Device code optimisation level"),
      llvm::cl::init(3)};
  PassOptions::Option<bool> fuse{
      *this, "fuse", llvm::cl::desc("Raise unfused attention chains first"),
      llvm::cl::init(true)};
  PassOptions::Option<int64_t> keyTile{
      *this, "key-tile",
      llvm::cl::desc("Keys per inner step of the flash loop (0: 64)"),
      llvm::cl::init(0)};
  PassOptions::Option<int64_t> warps{
      *this, "warps",
      llvm::cl::desc("Warps per CTA; one query row per thread, so a CTA "
                     "covers 32 * warps query rows"),
      llvm::cl::init(4)};
  PassOptions::Option<bool> emitCInterface{
      *this, "emit-c-interface",
      llvm::cl::desc("Add llvm.emit_c_interface to every host function"),
      llvm::cl::init(false)};
};

/// Adds the passes of `attn-nvvm-pipeline` to `pm`.
LogicalResult buildNVVMPipeline(OpPassManager &pm,
                                const NVVMPipelineOptions &options);

/// Tiles every outermost scf.parallel (from the flash lowering's scf.forall)
/// by `threads` along its last dimension and maps the tile loop onto blocks
/// (last dim -> x, then y, z) and the intra-tile loop onto thread_x.
std::unique_ptr<Pass> createGPUMapParallelPass(int64_t threads);

/// Makes every gpu.launch self-contained: per-thread temporaries (memref.alloc
/// in the body) become statically sized allocas at the top of the body, and
/// host buffers the body reads or writes are copied to and from device
/// buffers (gpu.alloc / gpu.memcpy) around the launch.
std::unique_ptr<Pass> createGPULaunchMemoryPass();

/// Registers `attn-nvvm-pipeline` and the passes above
/// (`attn-gpu-map-parallel`, `attn-gpu-launch-memory`).
void registerAttnNVVMPipeline();

} // namespace attn
} // namespace mlir

#endif // ATTN_PIPELINES_NVVMPIPELINE_H
