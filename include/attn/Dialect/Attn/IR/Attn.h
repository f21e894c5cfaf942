//===- Attn.h - attn dialect and operations ---------------------*- C++ -*-===//
//
// Part of the attn-mlir project.
//
//===----------------------------------------------------------------------===//

#ifndef ATTN_DIALECT_ATTN_IR_ATTN_H
#define ATTN_DIALECT_ATTN_IR_ATTN_H

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Dialect.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/Interfaces/DestinationStyleOpInterface.h"
#include "mlir/Interfaces/InferTypeOpInterface.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "mlir/Interfaces/TilingInterface.h"

#include "attn/Dialect/Attn/IR/AttnDialect.h.inc"
#include "attn/Dialect/Attn/IR/AttnEnums.h.inc"

#define GET_OP_CLASSES
#include "attn/Dialect/Attn/IR/AttnOps.h.inc"

namespace mlir {
namespace attn {

/// Returns true if a mask of `maskShape` broadcasts (numpy-style, trailing
/// dimensions aligned, size-1 or missing leading dims broadcast) to
/// `target`. Dynamic sizes are assumed compatible.
bool isBroadcastableTo(ArrayRef<int64_t> maskShape, ArrayRef<int64_t> target);

} // namespace attn
} // namespace mlir

#endif // ATTN_DIALECT_ATTN_IR_ATTN_H
