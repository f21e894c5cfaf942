/*===- attn-capi.c - test of the attn-mlir C API ------------------*- C -*-===*\
|*                                                                            *|
|* Part of the attn-mlir project.                                             *|
|*                                                                            *|
\*===----------------------------------------------------------------------===*/

/* RUN: attn-capi-test 2>&1 | FileCheck %s
 */

#include "attn-c/Dialects.h"
#include "attn-c/Passes.h"
#include "mlir-c/BuiltinAttributes.h"
#include "mlir-c/BuiltinTypes.h"
#include "mlir-c/Diagnostics.h"
#include "mlir-c/Dialect/Func.h"
#include "mlir-c/IR.h"
#include "mlir-c/Pass.h"

#include <stdio.h>
#include <stdlib.h>

static void printToStderr(MlirStringRef str, void *userData) {
  (void)userData;
  fwrite(str.data, 1, str.length, stderr);
}

static MlirLogicalResult printDiagnostic(MlirDiagnostic diag, void *userData) {
  (void)userData;
  fprintf(stderr, "diagnostic: ");
  mlirDiagnosticPrint(diag, printToStderr, NULL);
  fprintf(stderr, "\n");
  return mlirLogicalResultSuccess();
}

static MlirStringRef str(const char *s) {
  return mlirStringRefCreateFromCString(s);
}

static MlirContext createContext(void) {
  MlirContext ctx = mlirContextCreate();
  mlirDialectHandleLoadDialect(mlirGetDialectHandle__func__(), ctx);
  mlirDialectHandleLoadDialect(mlirGetDialectHandle__attn__(), ctx);
  mlirContextAttachDiagnosticHandler(ctx, printDiagnostic, NULL, NULL);
  return ctx;
}

/* Parses a module holding attn.attention and verifies it. */
static int testParse(MlirContext ctx) {
  fprintf(stderr, "@parse\n");
  const char *source =
      "func.func @parsed(%q: tensor<1x4x8x16xf32>, %k: tensor<1x2x8x16xf32>,\n"
      "                  %v: tensor<1x2x8x16xf32>,\n"
      "                  %init: tensor<1x4x8x16xf32>) -> tensor<1x4x8x16xf32> "
      "{\n"
      "  %0 = attn.attention ins(%q, %k, %v : tensor<1x4x8x16xf32>,\n"
      "      tensor<1x2x8x16xf32>, tensor<1x2x8x16xf32>)\n"
      "      outs(%init : tensor<1x4x8x16xf32>) causal = top_left\n"
      "      -> tensor<1x4x8x16xf32>\n"
      "  return %0 : tensor<1x4x8x16xf32>\n"
      "}\n";
  MlirModule module = mlirModuleCreateParse(ctx, str(source));
  if (mlirModuleIsNull(module))
    return 1;
  MlirOperation op = mlirModuleGetOperation(module);
  fprintf(stderr, "verified: %d\n", (int)mlirOperationVerify(op));
  mlirOperationDump(op);
  mlirModuleDestroy(module);
  return 0;
}
// CHECK-LABEL: @parse
// CHECK: verified: 1
// CHECK: func.func @parsed
// CHECK: attn.attention ins(%{{.*}}, %{{.*}}, %{{.*}} : tensor<1x4x8x16xf32>, tensor<1x2x8x16xf32>, tensor<1x2x8x16xf32>) outs(%{{.*}} : tensor<1x4x8x16xf32>) causal = top_left -> tensor<1x4x8x16xf32>

/* Builds func.func @name(q, k, v, init) { attn.attention } with the C API
   only: generic func.func and func.return, attnAttentionOpCreate for the
   attention op. */
static MlirModule buildModule(MlirContext ctx, const char *name,
                              const char *qType, const char *kvType,
                              AttnAttentionOptions options) {
  MlirLocation loc = mlirLocationUnknownGet(ctx);
  MlirModule module = mlirModuleCreateEmpty(loc);
  MlirType q = mlirTypeParseGet(ctx, str(qType));
  MlirType kv = mlirTypeParseGet(ctx, str(kvType));
  MlirType argTypes[] = {q, kv, kv, q};
  MlirLocation argLocs[] = {loc, loc, loc, loc};

  MlirRegion body = mlirRegionCreate();
  MlirBlock entry = mlirBlockCreate(4, argTypes, argLocs);
  mlirRegionAppendOwnedBlock(body, entry);

  MlirValue nullMask = {NULL};
  MlirOperation attention = attnAttentionOpCreate(
      loc, mlirBlockGetArgument(entry, 0), mlirBlockGetArgument(entry, 1),
      mlirBlockGetArgument(entry, 2), nullMask, mlirBlockGetArgument(entry, 3),
      options);
  mlirBlockAppendOwnedOperation(entry, attention);
  fprintf(stderr, "is attention: %d\n",
          (int)attnOperationIsAttention(attention));

  MlirValue result = mlirOperationGetResult(attention, 0);
  MlirOperationState ret = mlirOperationStateGet(str("func.return"), loc);
  mlirOperationStateAddOperands(&ret, 1, &result);
  mlirBlockAppendOwnedOperation(entry, mlirOperationCreate(&ret));

  MlirType funcType = mlirFunctionTypeGet(ctx, 4, argTypes, 1, &q);
  MlirNamedAttribute attrs[] = {
      mlirNamedAttributeGet(mlirIdentifierGet(ctx, str("sym_name")),
                            mlirStringAttrGet(ctx, str(name))),
      mlirNamedAttributeGet(mlirIdentifierGet(ctx, str("function_type")),
                            mlirTypeAttrGet(funcType))};
  MlirOperationState func = mlirOperationStateGet(str("func.func"), loc);
  mlirOperationStateAddAttributes(&func, 2, attrs);
  mlirOperationStateAddOwnedRegions(&func, 1, &body);
  mlirBlockAppendOwnedOperation(mlirModuleGetBody(module),
                                mlirOperationCreate(&func));
  return module;
}

/* Builds a valid op with every option, verifies it, then lowers it with
   attn-decompose-attention through a pass manager. */
static int testBuildAndRunPass(MlirContext ctx) {
  fprintf(stderr, "@build\n");
  AttnAttentionOptions options = attnAttentionOptionsGetDefault();
  options.hasScale = true;
  options.scale = 0.25f;
  options.causal = AttnCausalBottomRight;
  options.hasWindow = true;
  options.windowLeft = 4;
  options.windowRight = 0;
  options.hasSoftcap = true;
  options.softcap = 30.0f;
  options.layout = AttnLayoutBSHD;
  MlirModule module = buildModule(ctx, "built", "tensor<2x8x4x16xf32>",
                                  "tensor<2x8x2x16xf32>", options);
  MlirOperation op = mlirModuleGetOperation(module);
  fprintf(stderr, "verified: %d\n", (int)mlirOperationVerify(op));
  mlirOperationDump(op);

  fprintf(stderr, "@pass\n");
  mlirRegisterAttnPasses();
  mlirRegisterAttnPasses(); /* a second call is harmless */
  MlirPassManager pm = mlirPassManagerCreate(ctx);
  MlirLogicalResult parsed = mlirParsePassPipeline(
      mlirPassManagerGetAsOpPassManager(pm),
      str("builtin.module(attn-decompose-attention)"), printToStderr, NULL);
  if (mlirLogicalResultIsFailure(parsed))
    return 1;
  MlirLogicalResult ran = mlirPassManagerRunOnOp(pm, op);
  fprintf(stderr, "pass succeeded: %d\n", (int)mlirLogicalResultIsSuccess(ran));
  mlirOperationDump(op);
  mlirPassManagerDestroy(pm);
  mlirModuleDestroy(module);
  return 0;
}
// CHECK-LABEL: @build
// CHECK: is attention: 1
// CHECK: verified: 1
// CHECK: func.func @built(%{{.*}}: tensor<2x8x4x16xf32>, %{{.*}}: tensor<2x8x2x16xf32>, %{{.*}}: tensor<2x8x2x16xf32>, %{{.*}}: tensor<2x8x4x16xf32>) -> tensor<2x8x4x16xf32>
// CHECK: attn.attention
// CHECK-SAME: scale = 2.500000e-01 causal = bottom_right window = [4, 0] softcap = 3.000000e+01 layout = bshd
// CHECK-LABEL: @pass
// CHECK: pass succeeded: 1
// CHECK: func.func @built
// CHECK-NOT: attn.attention
// CHECK: linalg
// CHECK: return

/* A shape error is reported by the verifier as a diagnostic, not a crash. */
static int testInvalid(MlirContext ctx) {
  fprintf(stderr, "@invalid\n");
  /* 3 query heads do not share 2 key/value heads evenly. */
  MlirModule module =
      buildModule(ctx, "invalid", "tensor<1x3x8x16xf32>",
                  "tensor<1x2x8x16xf32>", attnAttentionOptionsGetDefault());
  fprintf(stderr, "verified: %d\n",
          (int)mlirOperationVerify(mlirModuleGetOperation(module)));
  mlirModuleDestroy(module);
  return 0;
}
// CHECK-LABEL: @invalid
// CHECK: is attention: 1
// CHECK: diagnostic: 'attn.attention' op
// CHECK: verified: 0

int main(void) {
  MlirContext ctx = createContext();
  if (testParse(ctx) || testBuildAndRunPass(ctx) || testInvalid(ctx)) {
    mlirContextDestroy(ctx);
    return EXIT_FAILURE;
  }
  mlirContextDestroy(ctx);
  fprintf(stderr, "@done\n");
  return EXIT_SUCCESS;
}
// CHECK: @done
