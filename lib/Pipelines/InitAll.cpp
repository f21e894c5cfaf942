//===- InitAll.cpp - register everything attn-mlir provides -----*- C++ -*-===//
//
// Part of the attn-mlir project.
//
//===----------------------------------------------------------------------===//

#include "attn/InitAll.h"

#include "attn/Dialect/Attn/IR/Attn.h"
#include "attn/Dialect/Attn/TransformOps/AttnTransformOps.h"
#include "attn/Dialect/Attn/Transforms/Passes.h"
#include "attn/Pipelines/NVVMPipeline.h"
#include "attn/Pipelines/Pipelines.h"

void mlir::attn::registerAttnDialects(DialectRegistry &registry) {
  registry.insert<AttnDialect>();
  registerTransformDialectExtension(registry);
}

void mlir::attn::registerAttnPassesAndPipelines() {
  // Safe to call more than once (a plugin loaded into attn-opt, a C API
  // client that also links the C++ library): registering a pipeline twice is
  // fatal in MLIR.
  static bool registered = [] {
    registerAttnPasses();
    registerAttnPipelines();
    registerAttnNVVMPipeline();
    return true;
  }();
  (void)registered;
}
