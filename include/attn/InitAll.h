//===- InitAll.h - register everything attn-mlir provides -------*- C++ -*-===//
//
// Part of the attn-mlir project.
//
//===----------------------------------------------------------------------===//

#ifndef ATTN_INITALL_H
#define ATTN_INITALL_H

#include "mlir/IR/DialectRegistry.h"

namespace mlir {
namespace attn {

/// Adds the attn dialect (and its extensions) to `registry`.
void registerAttnDialects(DialectRegistry &registry);

/// Registers every attn pass and pipeline with the global pass registry.
void registerAttnPassesAndPipelines();

} // namespace attn
} // namespace mlir

#endif // ATTN_INITALL_H
