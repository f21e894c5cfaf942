//===- attn-opt.cpp - the attn-mlir optimizer driver ------------*- C++ -*-===//
//
// Part of the attn-mlir project.
//
//===----------------------------------------------------------------------===//
//
// mlir-opt with the attn dialect, passes and pipelines added: every upstream
// dialect, extension and pass is registered too, so anything mlir-opt accepts
// attn-opt accepts.
//
//===----------------------------------------------------------------------===//

#include "attn/InitAll.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/InitAllDialects.h"
#include "mlir/InitAllExtensions.h"
#include "mlir/InitAllPasses.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/raw_ostream.h"

#ifndef ATTN_MLIR_VERSION
#define ATTN_MLIR_VERSION "unknown"
#endif

int main(int argc, char **argv) {
  llvm::cl::AddExtraVersionPrinter([](llvm::raw_ostream &os) {
    os << "attn-mlir " ATTN_MLIR_VERSION " (MLIR/LLVM " LLVM_VERSION_STRING
          ")\n";
  });
  mlir::registerAllPasses();
  mlir::attn::registerAttnPassesAndPipelines();

  mlir::DialectRegistry registry;
  mlir::registerAllDialects(registry);
  mlir::registerAllExtensions(registry);
  mlir::attn::registerAttnDialects(registry);

  return mlir::asMainReturnCode(mlir::MlirOptMain(
      argc, argv, "attn-mlir optimizer driver\n", registry));
}
