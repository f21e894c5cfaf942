//===- Dialects.cpp - C API of the attn dialect -----------------*- C++ -*-===//
//
// Part of the attn-mlir project.
//
//===----------------------------------------------------------------------===//

#include "attn-c/Dialects.h"

#include "attn/Dialect/Attn/IR/Attn.h"
#include "mlir/CAPI/IR.h"
#include "mlir/CAPI/Registration.h"
#include "mlir/IR/Builders.h"

#define DEBUG_TYPE "attn-capi"

using namespace mlir;
using namespace mlir::attn;

MLIR_DEFINE_CAPI_DIALECT_REGISTRATION(Attn, attn, AttnDialect)

AttnAttentionOptions attnAttentionOptionsGetDefault(void) {
  AttnAttentionOptions options;
  options.hasScale = false;
  options.scale = 0.0f;
  options.causal = AttnCausalNone;
  options.hasWindow = false;
  options.windowLeft = -1;
  options.windowRight = -1;
  options.hasSoftcap = false;
  options.softcap = 0.0f;
  options.layout = AttnLayoutBHSD;
  return options;
}

MlirOperation attnAttentionOpCreate(MlirLocation loc, MlirValue query,
                                    MlirValue key, MlirValue value,
                                    MlirValue mask, MlirValue init,
                                    AttnAttentionOptions options) {
  Location location = unwrap(loc);
  MLIRContext *ctx = location.getContext();
  // The op needs its dialect loaded to be created; a C user may only have
  // registered it.
  ctx->getOrLoadDialect<AttnDialect>();
  // A builder without insertion point creates a detached op that the caller
  // owns until it is inserted into a block.
  OpBuilder builder(ctx);
  Value maskValue = mlirValueIsNull(mask) ? Value() : unwrap(mask);
  Value initValue = unwrap(init);
  auto f32 = builder.getF32Type();
  FloatAttr scale =
      options.hasScale ? builder.getFloatAttr(f32, options.scale) : nullptr;
  CausalAttr causal =
      options.causal == AttnCausalNone
          ? nullptr
          : CausalAttr::get(ctx, static_cast<Causal>(options.causal));
  DenseI64ArrayAttr window =
      options.hasWindow ? builder.getDenseI64ArrayAttr(
                              {options.windowLeft, options.windowRight})
                        : nullptr;
  FloatAttr softcap =
      options.hasSoftcap ? builder.getFloatAttr(f32, options.softcap) : nullptr;
  LayoutAttr layout =
      options.layout == AttnLayoutBHSD
          ? nullptr
          : LayoutAttr::get(ctx, static_cast<Layout>(options.layout));
  auto op =
      AttentionOp::create(builder, location, initValue.getType(), unwrap(query),
                          unwrap(key), unwrap(value), maskValue, initValue,
                          scale, causal, window, softcap, layout);
  return wrap(op.getOperation());
}

bool attnOperationIsAttention(MlirOperation op) {
  return isa<AttentionOp>(unwrap(op));
}
