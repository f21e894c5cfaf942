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
      llvm::cl::desc("PTX features (+ptxNN: the PTX ISA version; the "
                     "default is raised to what the chip needs, e.g. +ptx86 "
                     "for sm_100; a lower explicit one is an error)"),
      llvm::cl::init("+ptx80")};
  PassOptions::Option<std::string> format{
      *this, "format",
      llvm::cl::desc("gpu.binary format: fatbin (cubin + PTX), bin (cubin), "
                     "isa (PTX text, needs no ptxas); also llvm and "
                     "offloading (gpu-module-to-binary's other formats)"),
      llvm::cl::init("fatbin")};
  PassOptions::Option<int64_t> optLevel{
      *this, "opt-level", llvm::cl::desc("Device code optimisation level"),
      llvm::cl::init(3)};
  PassOptions::Option<bool> fuse{
      *this, "fuse", llvm::cl::desc("Raise unfused attention chains first"),
      llvm::cl::init(true)};
  PassOptions::Option<bool> fuseReport{
      *this, "fuse-report",
      llvm::cl::desc("Remark at every chain that looks like attention but is "
                     "not raised, saying why (attn-fuse-attention's report)"),
      llvm::cl::init(false)};
  PassOptions::Option<int64_t> keyTile{
      *this, "key-tile",
      llvm::cl::desc("Keys per inner step of the flash loop (0: 64)"),
      llvm::cl::init(0)};
  PassOptions::Option<int64_t> warps{
      *this, "warps",
      llvm::cl::desc("Warps per CTA; one query row per thread, so a CTA "
                     "covers 32 * warps query rows"),
      llvm::cl::init(4)};
  PassOptions::Option<bool> mma{
      *this, "mma",
      llvm::cl::desc("Tensor-core kernels (attn-gpu-mma-attention) for "
                     "f16/bf16 attention on sm_80 and newer; other ops take "
                     "the SIMT path"),
      llvm::cl::init(true)};
  PassOptions::Option<int64_t> mmaWarps{
      *this, "mma-warps",
      llvm::cl::desc("Warps per CTA of the tensor-core kernel (16 query "
                     "rows each)"),
      llvm::cl::init(4)};
  PassOptions::Option<int64_t> mmaKeyTile{
      *this, "mma-key-tile",
      llvm::cl::desc("Keys per shared-memory tile of the mma.sync tensor-core "
                     "kernel (0: 64; 32 when D is over 128, else 16 when Dv "
                     "is)"),
      llvm::cl::init(0)};
  PassOptions::Option<int64_t> stages{
      *this, "stages",
      llvm::cl::desc("Shared-memory K/V buffers of the tensor-core kernels "
                     "(1, or 2: the next tile loads while this one computes; "
                     "0: 2 for mma.sync, 1 for wgmma)"),
      llvm::cl::init(0)};
  PassOptions::Option<int64_t> mmaMinCtas{
      *this, "mma-min-ctas",
      llvm::cl::desc("CTAs per SM that ptxas must fit for the tensor-core "
                     "kernel (caps its registers; 0: no hint)"),
      llvm::cl::init(0)};
  PassOptions::Option<bool> wgmma{
      *this, "wgmma",
      llvm::cl::desc("On sm_90a: warpgroup MMA (wgmma) kernels for f16/bf16 "
                     "attention with D and Dv in {64, 128} (other chips: "
                     "no effect)"),
      llvm::cl::init(true)};
  PassOptions::Option<int64_t> wgmmaWarpgroups{
      *this, "wgmma-warpgroups",
      llvm::cl::desc("Warpgroups per CTA of the wgmma kernel (64 query rows "
                     "each; 0: no wgmma kernels)"),
      llvm::cl::init(1)};
  PassOptions::Option<int64_t> wgmmaKeyTile{
      *this, "wgmma-key-tile",
      llvm::cl::desc("Keys per shared-memory tile of the wgmma kernel (0: 128 "
                     "when D = Dv = 64, else 64)"),
      llvm::cl::init(0)};
  PassOptions::Option<int64_t> wgmmaParts{
      *this, "wgmma-parts",
      llvm::cl::desc("Diagnostic: which products of the wgmma kernel use "
                     "wgmma (1: S = Q K^T, 2: O += P V, 3: both); the other "
                     "runs on mma.sync"),
      llvm::cl::init(3)};
  PassOptions::Option<bool> mmaScoreMods{
      *this, "mma-score-mods",
      llvm::cl::desc("Tensor-core kernels also for explicit masks, windows "
                     "and softcap (off: those ops take the SIMT path)"),
      llvm::cl::init(true)};
  PassOptions::Option<bool> wgmmaOverlap{
      *this, "wgmma-overlap",
      llvm::cl::desc("wgmma kernel with three K/V buffers (`stages` is "
                     "ignored): keep each tile's P V in flight while the next "
                     "tile's S = Q K^T is issued"),
      llvm::cl::init(false)};
  PassOptions::Option<int64_t> mmaKeySplits{
      *this, "mma-key-splits",
      llvm::cl::desc("Split-KV for the tensor-core kernels: CTAs that share "
                     "one query tile's keys, combined by a second kernel (0: "
                     "chosen at run time for about two CTAs per SM, e.g. when "
                     "decoding with few heads; 1: never)"),
      llvm::cl::init(0)};
  PassOptions::Option<bool> mmaPackGqa{
      *this, "mma-pack-gqa",
      llvm::cl::desc("Tensor-core kernels: the query heads that share a K/V "
                     "head (GQA/MQA) become rows of one head when their rows "
                     "fit one 64-row tile (decoding), so that a CTA reads "
                     "each K/V tile once for the whole group"),
      llvm::cl::init(true)};
  PassOptions::Option<bool> mmaSplitCopies{
      *this, "mma-split-copies",
      llvm::cl::desc("Tensor-core kernels with one K/V buffer (the wgmma "
                     "default, or stages=1): copy K and V as separate "
                     "groups, K of the next tile under this tile's softmax "
                     "and P V, V under the next S = Q K^T (off: one group "
                     "a tile; split was no faster on the H200, slower with "
                     "causal masking)"),
      llvm::cl::init(false)};
  PassOptions::Option<bool> fitRegisters{
      *this, "fit-registers",
      llvm::cl::desc("Run ptxas -v on the device code (when a ptxas is "
                     "found) and raise the register cap (nvvm.maxnreg) of "
                     "kernels that spill under ptxas's own occupancy choice; "
                     "warn about any spill left"),
      llvm::cl::init(true)};
  PassOptions::Option<bool> emulate{
      *this, "emulate",
      llvm::cl::desc("Compile the kernels for the GPU emulator "
                     "(libattn_gpu_emulator.so) instead of NVVM: they run on "
                     "the CPU, one coroutine per GPU thread (tests without a "
                     "GPU)"),
      llvm::cl::init(false)};
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

/// After gpu-kernel-outlining: erases every gpu.module identical to an
/// earlier one (modulo locations and its name) and makes its launches call
/// that one, so identical layers share one kernel binary.
std::unique_ptr<Pass> createGPUDedupKernelsPass();

/// Rewrites f16/bf16 attn.attention ops (explicit masks, windows and softcap
/// only with `scoreMods`; D and Dv up to 256, padded to multiples of 16) into
/// gpu.launch kernels on tensor cores: nvgpu.mma.sync, cp.async K/V tiles of
/// `keyTile` keys in shared memory (`stages` buffers; `keyTile` = 0: 64, 32
/// when D is over 128, else 16 when Dv is), ldmatrix, online softmax on the
/// fragments. Other
/// ops are left alone (the SIMT path lowers them).
/// With `claim`, only marks those ops (attn.deferred, which
/// attn-tile-attention skips) so that the rewrite can run right before
/// bufferization. `maxSmem`: shared memory a block may use (bytes).
/// `wgmmaGroups` > 0 (sm_90a): ops with D, Dv in {64, 128} get warpgroup-MMA
/// kernels of that many warpgroups and `wgmmaKeyTile` keys per tile.
std::unique_ptr<Pass> createGPUMmaAttentionPass(
    int64_t warps = 4, int64_t keyTile = 0, int64_t stages = 0,
    int64_t minCtas = 0, int64_t maxSmem = 232448, bool claim = false,
    int64_t wgmmaGroups = 0, int64_t wgmmaKeyTile = 0,
    bool wgmmaOverlap = false, bool scoreMods = true, int64_t wgmmaParts = 3,
    int64_t keySplits = 0, bool packGqa = true, bool splitCopies = false);
/// Phase 2 of the above, after bufferization: defines the kernel functions
/// (a gpu.launch each) that attn-gpu-mma-attention declared and called.
/// `maxSmem` and `wgmma` say what the chip provides (shared memory a block
/// may use, warpgroup MMA); a declaration that needs more is an error.
std::unique_ptr<Pass> createGPUMmaKernelsPass(int64_t maxSmem = 232448,
                                              bool wgmma = true);
/// After kernel outlining: the CTAs-per-SM hint (mma-min-ctas) on the
/// outlined tensor-core kernels (nvvm.minctasm).
std::unique_ptr<Pass> createGPUMmaKernelHintsPass();
void registerGPUMmaAttentionPass();

/// Before gpu-module-to-binary: runs ptxas -v on every NVVM gpu.module and
/// gives each kernel that spills (and has no register hint of its own)
/// nvvm.maxnreg at the most its CTA size allows; warns about spills left.
/// Does nothing when no ptxas is found.
std::unique_ptr<Pass> createGPUFitRegistersPass();

/// attn-gpu-emulate (after kernel outlining): makes every gpu.func kernel a
/// host function run by the GPU emulator runtime (libattn_gpu_emulator.so)
/// once per thread, its device ops (ids, barriers, shuffles, ldmatrix,
/// mma.sync, cp.async) calls of that runtime, and gpu.launch_func a call of
/// a launcher that attn-gpu-emulate-launchers defines once the module is
/// LLVM dialect.
std::unique_ptr<Pass> createGPUEmulatePass();
std::unique_ptr<Pass> createGPUEmulateLaunchersPass();
void registerGPUEmulatePasses();
void registerGPUFitRegistersPass();

/// Registers `attn-nvvm-pipeline` and the passes above
/// (`attn-gpu-map-parallel`, `attn-gpu-launch-memory`,
/// `attn-gpu-dedup-kernels`).
void registerAttnNVVMPipeline();

} // namespace attn
} // namespace mlir

#endif // ATTN_PIPELINES_NVVMPIPELINE_H
