//===- attn-consumer.cpp - a tool on the installed package ------*- C++ -*-===//
//
// Part of the attn-mlir project.
//
//===----------------------------------------------------------------------===//
//
// What a compiler that embeds attn-mlir does: register the attn dialect next
// to upstream's, build attn-cpu-pipeline with the C++ API, run it on a file
// and print the result.
//
//   attn-consumer input.mlir [--reference]
//
//===----------------------------------------------------------------------===//

#include "attn/InitAll.h"
#include "attn/Pipelines/Pipelines.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/InitAllDialects.h"
#include "mlir/InitAllExtensions.h"
#include "mlir/InitAllPasses.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassManager.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/raw_ostream.h"

#include <cstring>
#include <memory>

int main(int argc, char **argv) {
  if (argc < 2) {
    llvm::errs() << "usage: " << argv[0] << " input.mlir [--reference]\n";
    return 2;
  }
  bool reference = argc > 2 && std::strcmp(argv[2], "--reference") == 0;

  // The CPU pipeline names upstream passes; they must be registered too.
  mlir::registerAllPasses();
  mlir::attn::registerAttnPassesAndPipelines();

  mlir::DialectRegistry registry;
  mlir::registerAllDialects(registry);
  mlir::registerAllExtensions(registry);
  mlir::attn::registerAttnDialects(registry);
  mlir::MLIRContext context(registry);

  // Errors of the parser and of the passes print with their source line.
  auto sourceMgr = std::make_shared<llvm::SourceMgr>();
  mlir::SourceMgrDiagnosticHandler diagnostics(*sourceMgr, &context);
  mlir::OwningOpRef<mlir::ModuleOp> module =
      mlir::parseSourceFile<mlir::ModuleOp>(argv[1], sourceMgr, &context);
  if (!module)
    return 1;

  mlir::PassManager pm(&context);
  mlir::attn::CPUPipelineOptions options;
  options.flash = !reference;
  if (mlir::failed(mlir::attn::buildCPUPipeline(pm, options)) ||
      mlir::failed(pm.run(*module)))
    return 1;
  module->print(llvm::outs());
  llvm::outs() << "\n";
  return 0;
}
