//===- GPUFitRegisters.cpp - attn-gpu-fit-registers -------------*- C++ -*-===//
//
// Part of the attn-mlir project.
//
//===----------------------------------------------------------------------===//
//
// ptxas picks a kernel's register budget itself when the PTX names the CTA
// size (.maxntid) and nothing else: it aims at an occupancy level (96, 128 or
// 168 registers for 128 threads) from its own estimate and spills what does
// not fit. For a few tensor-core kernels (decoding with a dynamic key length
// and GQA packing, prefill at D = 72/80) that estimate is short by a few
// registers and the kernel spills 4-28 bytes to local memory.
//
// This pass runs ptxas -v on every gpu.module of an NVVM target before
// gpu-module-to-binary. A kernel that spills, and carries no register hint of
// its own (nvvm.maxnreg, nvvm.minctasm), gets nvvm.maxnreg at the most its
// CTA size allows (at most 255), which leaves ptxas no occupancy target to
// spill for; the module is checked again, and a kernel that still spills is
// reported with a warning. Without ptxas the pass does nothing.
//
//===----------------------------------------------------------------------===//

#include "attn/Pipelines/NVVMPipeline.h"

#include "mlir/Dialect/GPU/IR/CompilationInterfaces.h"
#include "mlir/Dialect/GPU/IR/GPUDialect.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/LLVMIR/NVVMDialect.h"
#include "mlir/Pass/Pass.h"
#include "mlir/Pass/PassRegistry.h"
#include "mlir/Target/LLVM/NVVM/Utils.h"
#include "mlir/Target/LLVMIR/Dialect/Builtin/BuiltinToLLVMIRTranslation.h"
#include "mlir/Target/LLVMIR/Dialect/GPU/GPUToLLVMIRTranslation.h"
#include "mlir/Target/LLVMIR/Dialect/LLVMIR/LLVMToLLVMIRTranslation.h"
#include "mlir/Target/LLVMIR/Dialect/NVVM/NVVMToLLVMIRTranslation.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FileUtilities.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/raw_ostream.h"

#include <optional>
#include <string>

using namespace mlir;
using namespace mlir::attn;

namespace {

/// What ptxas -v reports for one function.
struct KernelStats {
  int64_t spillStores = 0;
  int64_t spillLoads = 0;
  int64_t registers = -1;
};

/// Reads ptxas -v's log: "Function properties for NAME", then a line with
/// "N bytes spill stores, M bytes spill loads"; "Used R registers" follows for
/// an entry function.
llvm::StringMap<KernelStats> parsePtxasLog(StringRef log) {
  llvm::StringMap<KernelStats> stats;
  std::string current;
  SmallVector<StringRef> lines;
  log.split(lines, '\n');
  auto numberBefore = [](StringRef line, StringRef what) -> int64_t {
    size_t at = line.find(what);
    if (at == StringRef::npos)
      return -1;
    StringRef head = line.take_front(at).rtrim();
    size_t start = head.find_last_not_of("0123456789");
    StringRef digits =
        start == StringRef::npos ? head : head.drop_front(start + 1);
    int64_t value;
    if (digits.empty() || digits.getAsInteger(10, value))
      return -1;
    return value;
  };
  for (StringRef line : lines) {
    constexpr StringLiteral kProps = "Function properties for ";
    if (size_t at = line.find(kProps); at != StringRef::npos) {
      current = line.drop_front(at + kProps.size()).trim().str();
      stats[current];
      continue;
    }
    if (current.empty())
      continue;
    if (int64_t n = numberBefore(line, "bytes spill stores"); n >= 0)
      stats[current].spillStores = n;
    if (int64_t n = numberBefore(line, "bytes spill loads"); n >= 0)
      stats[current].spillLoads = n;
    constexpr StringLiteral kUsed = "Used ";
    if (size_t at = line.find(kUsed); at != StringRef::npos) {
      int64_t regs;
      StringRef rest = line.drop_front(at + kUsed.size());
      if (!rest.consumeInteger(10, regs) && rest.starts_with(" registers"))
        stats[current].registers = regs;
    }
  }
  return stats;
}

/// ptxas, searched for as gpu-module-to-binary searches: PATH, then the CUDA
/// toolkit (NVVM::getCUDAToolkitPath).
std::optional<std::string> findPtxas(StringRef given) {
  if (!given.empty())
    return given.str();
  if (std::optional<std::string> found =
          llvm::sys::Process::FindInEnvPath("PATH", "ptxas"))
    return found;
  StringRef toolkit = NVVM::getCUDAToolkitPath();
  if (!toolkit.empty()) {
    SmallString<256> path(toolkit);
    llvm::sys::path::append(path, "bin", "ptxas");
    if (llvm::sys::fs::can_execute(path))
      return std::string(path);
  }
  return std::nullopt;
}

/// The CTA size a kernel declares (nvvm.maxntid or nvvm.reqntid), or 0.
int64_t declaredThreads(LLVM::LLVMFuncOp fn) {
  for (StringRef name : {NVVM::NVVMDialect::getMaxntidAttrName(),
                         NVVM::NVVMDialect::getReqntidAttrName()}) {
    auto dims = fn->getAttrOfType<DenseI32ArrayAttr>(name);
    if (!dims || dims.empty())
      continue;
    int64_t threads = 1;
    for (int32_t d : dims.asArrayRef())
      threads *= std::max<int32_t>(d, 1);
    return threads;
  }
  return 0;
}

/// The ptxas flags of the target (#nvvm.target<flags = {"ptxas-cmd-options"
/// = [...]}>), which gpu-module-to-binary passes on.
SmallVector<StringRef> ptxasFlags(NVVM::NVVMTargetAttr target) {
  SmallVector<StringRef> flags;
  if (!target.getFlags() || !target.hasCmdOptions())
    return flags;
  if (std::optional<NamedAttribute> options = target.getCmdOptions())
    if (auto list = dyn_cast<ArrayAttr>(options->getValue()))
      for (Attribute flag : list)
        if (auto str = dyn_cast<StringAttr>(flag))
          flags.push_back(str.getValue());
  return flags;
}

struct GPUFitRegistersPass
    : public PassWrapper<GPUFitRegistersPass, OperationPass<ModuleOp>> {
  MLIR_DEFINE_EXPLICIT_INTERNAL_INLINE_TYPE_ID(GPUFitRegistersPass)

  GPUFitRegistersPass() = default;
  GPUFitRegistersPass(const GPUFitRegistersPass &other) : PassWrapper(other) {}

  StringRef getArgument() const final { return "attn-gpu-fit-registers"; }
  StringRef getDescription() const final {
    return "Run ptxas -v on the NVVM gpu.modules and raise the register cap "
           "(nvvm.maxnreg) of kernels that spill under ptxas's own choice";
  }

  void getDependentDialects(DialectRegistry &registry) const override {
    // The PTX is made as gpu-module-to-binary makes it: translated to LLVM IR.
    registry.insert<gpu::GPUDialect, LLVM::LLVMDialect, NVVM::NVVMDialect>();
    registerBuiltinDialectTranslation(registry);
    registerGPUDialectTranslation(registry);
    registerLLVMDialectTranslation(registry);
    registerNVVMDialectTranslation(registry);
  }

  Option<std::string> ptxas{
      *this, "ptxas",
      llvm::cl::desc("ptxas to run (empty: found as gpu-module-to-binary "
                     "finds it, on PATH, then in the CUDA toolkit; none "
                     "found: the pass does nothing)"),
      llvm::cl::init("")};

  void runOnOperation() override {
    std::optional<std::string> tool = findPtxas(ptxas);
    if (!tool)
      return;
    for (auto gpuModule : getOperation().getOps<gpu::GPUModuleOp>())
      if (failed(fitModule(gpuModule, *tool)))
        return signalPassFailure();
  }

  /// ptxas -v on the module's PTX for `target`: the statistics of each
  /// function, or failure (with a warning saying why) when it cannot run.
  std::optional<llvm::StringMap<KernelStats>>
  measure(gpu::GPUModuleOp gpuModule, NVVM::NVVMTargetAttr target,
          StringRef tool) {
    gpu::TargetOptions options({}, {}, {}, {},
                               gpu::CompilationTarget::Assembly);
    // The serialization notes its timings on the module; the module is left
    // as it was.
    DictionaryAttr attrs = gpuModule->getAttrDictionary();
    std::optional<SmallVector<char, 0>> ptx =
        cast<gpu::TargetAttrInterface>(target).serializeToObject(gpuModule,
                                                                 options);
    gpuModule->setAttrs(attrs);
    if (!ptx) {
      mlir::emitWarning(gpuModule.getLoc())
          << "attn-gpu-fit-registers: could not translate the module to PTX; "
             "register caps not checked";
      return std::nullopt;
    }
    SmallString<128> ptxPath, logPath;
    auto noFile = [&](StringRef why) {
      mlir::emitWarning(gpuModule.getLoc())
          << "attn-gpu-fit-registers: " << why << "; register caps not checked";
      return std::nullopt;
    };
    int fd;
    if (llvm::sys::fs::createTemporaryFile("attn-fit-registers", "ptx", fd,
                                           ptxPath))
      return noFile("no temporary file");
    // Each file is removed on every path from here on.
    llvm::FileRemover removePtx(ptxPath);
    {
      llvm::raw_fd_ostream os(fd, /*shouldClose=*/true);
      os << StringRef(ptx->data(), ptx->size());
      os.close();
      if (os.has_error()) {
        std::string why = "could not write " + ptxPath.str().str() + ": " +
                          os.error().message();
        os.clear_error();
        return noFile(why);
      }
    }
    if (llvm::sys::fs::createTemporaryFile("attn-fit-registers", "log",
                                           logPath))
      return noFile("no temporary file");
    llvm::FileRemover removeLog(logPath);
    // As gpu-module-to-binary runs it (the target's O and ptxas flags), -v.
    std::string arch = "-arch=" + target.getChip().str();
    std::string opt = "--opt-level=" + std::to_string(target.getO());
    std::optional<StringRef> redirects[] = {std::nullopt, logPath, logPath};
    SmallVector<StringRef> args = {tool, arch, opt, "-v"};
    args.append(ptxasFlags(target));
    args.append({ptxPath, "-o", "/dev/null"});
    std::string error;
    int rc = llvm::sys::ExecuteAndWait(tool, args, std::nullopt, redirects,
                                       /*secondsToWait=*/0,
                                       /*memoryLimit=*/0, &error);
    auto log = llvm::MemoryBuffer::getFile(logPath);
    StringRef text = log ? (*log)->getBuffer() : StringRef();
    if (rc != 0) {
      // The binary step reports a rejection with ptxas's whole log; here the
      // check is only skipped.
      StringRef first = text.split('\n').first.trim();
      mlir::emitWarning(gpuModule.getLoc())
          << "attn-gpu-fit-registers: " << tool << " " << arch << " failed ("
          << (error.empty() ? "exit code " + std::to_string(rc) : error) << ")"
          << (first.empty() ? "" : ": ") << first
          << "; register caps not checked";
      return std::nullopt;
    }
    return parsePtxasLog(text);
  }

  LogicalResult fitModule(gpu::GPUModuleOp gpuModule, StringRef tool) {
    NVVM::NVVMTargetAttr target;
    if (ArrayAttr targets = gpuModule.getTargetsAttr())
      for (Attribute t : targets)
        if ((target = dyn_cast<NVVM::NVVMTargetAttr>(t)))
          break;
    if (!target)
      return success();
    SmallVector<LLVM::LLVMFuncOp> kernels;
    for (auto fn : gpuModule.getOps<LLVM::LLVMFuncOp>())
      if (!fn.isExternal() &&
          fn->hasAttr(NVVM::NVVMDialect::getKernelFuncAttrName()))
        kernels.push_back(fn);
    if (kernels.empty())
      return success();
    std::optional<llvm::StringMap<KernelStats>> stats =
        measure(gpuModule, target, tool);
    if (!stats)
      return success();

    SmallVector<LLVM::LLVMFuncOp> raised;
    // A register limit of the kernel's own, or one for the whole module in
    // the target's ptxas flags (-maxrregcount), is the user's choice.
    bool moduleLimit = llvm::any_of(ptxasFlags(target), [](StringRef flag) {
      return flag.contains("maxrregcount");
    });
    auto hasHint = [&](LLVM::LLVMFuncOp fn) {
      return moduleLimit ||
             fn->hasAttr(NVVM::NVVMDialect::getMaxnregAttrName()) ||
             fn->hasAttr(NVVM::NVVMDialect::getMinctasmAttrName());
    };
    for (LLVM::LLVMFuncOp fn : kernels) {
      auto it = stats->find(fn.getSymName());
      if (it == stats->end() ||
          it->second.spillStores + it->second.spillLoads == 0)
        continue;
      int64_t threads = declaredThreads(fn);
      // The most registers a thread may have with one CTA of this size on an
      // SM (64K registers; allocated in steps of 8).
      int64_t cap =
          threads > 0 ? std::min<int64_t>(255, 65536 / threads / 8 * 8) : 255;
      if (threads == 0 || hasHint(fn) || it->second.registers >= cap) {
        // (At the ceiling, a hint is not what limits the kernel.)
        reportSpill(fn, it->second, target,
                    threads == 0 ? "(no CTA size declared)"
                    : it->second.registers >= cap
                        ? "at the most registers its CTA allows"
                        : "under the kernel's own register hint");
        continue;
      }
      fn->setAttr(NVVM::NVVMDialect::getMaxnregAttrName(),
                  IntegerAttr::get(IntegerType::get(&getContext(), 32), cap));
      raised.push_back(fn);
    }
    if (raised.empty())
      return success();
    std::optional<llvm::StringMap<KernelStats>> after =
        measure(gpuModule, target, tool);
    if (!after)
      return success();
    for (LLVM::LLVMFuncOp fn : raised) {
      auto it = after->find(fn.getSymName());
      if (it != after->end() &&
          it->second.spillStores + it->second.spillLoads > 0)
        reportSpill(fn, it->second, target, "with nvvm.maxnreg raised");
    }
    return success();
  }

  void reportSpill(LLVM::LLVMFuncOp fn, const KernelStats &s,
                   NVVM::NVVMTargetAttr target, StringRef how) {
    // At the kernel's location only: a note printing the whole lowered
    // kernel would be hundreds of kilobytes.
    mlir::emitWarning(fn.getLoc())
        << "attn-gpu-fit-registers: kernel '" << fn.getSymName() << "' spills "
        << s.spillStores << " bytes (stores) and " << s.spillLoads
        << " bytes (loads) to local memory on " << target.getChip() << " with "
        << s.registers << " registers a thread " << how;
  }
};

} // namespace

std::unique_ptr<Pass> mlir::attn::createGPUFitRegistersPass() {
  return std::make_unique<GPUFitRegistersPass>();
}

void mlir::attn::registerGPUFitRegistersPass() {
  PassRegistration<GPUFitRegistersPass>();
}
