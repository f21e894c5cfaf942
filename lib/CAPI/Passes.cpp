//===- Passes.cpp - C API of the attn passes and pipelines ------*- C++ -*-===//
//
// Part of the attn-mlir project.
//
//===----------------------------------------------------------------------===//

#include "attn-c/Passes.h"

#include "attn/InitAll.h"

#include <mutex>

#define DEBUG_TYPE "attn-capi"

void mlirRegisterAttnPasses(void) {
  // MLIR's registry rejects a pipeline name registered twice (fatal error),
  // and C users cannot easily tell whether another library already did it.
  static std::once_flag once;
  std::call_once(once, [] { mlir::attn::registerAttnPassesAndPipelines(); });
}
