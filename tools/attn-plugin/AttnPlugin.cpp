//===- AttnPlugin.cpp - attn-mlir as a plugin for mlir-opt ------*- C++ -*-===//
//
// Part of the attn-mlir project.
//
//===----------------------------------------------------------------------===//
//
// Entry points that `mlir-opt --load-dialect-plugin` and
// `mlir-opt --load-pass-plugin` look up with dlsym. The library links the
// shared libMLIR.so, like Debian's mlir-opt, so the dialect, pass and pipeline
// registries it fills are the ones mlir-opt reads.
//
//===----------------------------------------------------------------------===//

#include "attn/InitAll.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/Tools/Plugins/DialectPlugin.h"
#include "mlir/Tools/Plugins/PassPlugin.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/Compiler.h"

#include <mutex>

#define DEBUG_TYPE "attn-plugin"

using namespace mlir;

/// Registers the attn passes and pipelines once. Both entry points need them
/// (a user may load only one of the two), and registering a pipeline name a
/// second time is a fatal error in MLIR's pass registry.
static void registerPassesOnce() {
  static std::once_flag once;
  std::call_once(once, [] { attn::registerAttnPassesAndPipelines(); });
}

/// Entry point of `--load-dialect-plugin`: the attn dialect, and the passes,
/// so that loading this one plugin is enough for `--pass-pipeline`.
extern "C" LLVM_ATTRIBUTE_WEAK DialectPluginLibraryInfo
mlirGetDialectPluginInfo() {
  return {MLIR_PLUGIN_API_VERSION, "AttnDialect", LLVM_VERSION_STRING,
          [](DialectRegistry *registry) {
            attn::registerAttnDialects(*registry);
            registerPassesOnce();
          }};
}

/// Entry point of `--load-pass-plugin`: every attn pass and pipeline.
extern "C" LLVM_ATTRIBUTE_WEAK PassPluginLibraryInfo mlirGetPassPluginInfo() {
  return {MLIR_PLUGIN_API_VERSION, "AttnPasses", LLVM_VERSION_STRING,
          []() { registerPassesOnce(); }};
}
