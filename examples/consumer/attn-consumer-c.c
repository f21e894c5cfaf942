/*===- attn-consumer-c.c - a C tool on the installed package ------*- C -*-===*\
|*                                                                            *|
|* Part of the attn-mlir project.                                             *|
|*                                                                            *|
\*===----------------------------------------------------------------------===*/

/* What a C (or any FFI) user does: parse a file holding func.func and
   attn.attention through MLIR's C API, lower the attention with
   attn-decompose-attention, print the result.

     attn-consumer-c input.mlir */

#include "attn-c/Dialects.h"
#include "attn-c/Passes.h"
#include "mlir-c/Dialect/Func.h"
#include "mlir-c/IR.h"
#include "mlir-c/Pass.h"

#include <stdio.h>
#include <stdlib.h>

static void printToStdout(MlirStringRef str, void *userData) {
  (void)userData;
  fwrite(str.data, 1, str.length, stdout);
}

/* Returns the contents of `path`, NUL-terminated, or NULL. */
static char *readFile(const char *path) {
  FILE *file = fopen(path, "rb");
  if (!file)
    return NULL;
  fseek(file, 0, SEEK_END);
  long size = ftell(file);
  fseek(file, 0, SEEK_SET);
  char *data = malloc((size_t)size + 1);
  if (data && fread(data, 1, (size_t)size, file) != (size_t)size) {
    free(data);
    data = NULL;
  }
  if (data)
    data[size] = '\0';
  fclose(file);
  return data;
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: %s input.mlir\n", argv[0]);
    return 2;
  }
  char *source = readFile(argv[1]);
  if (!source) {
    fprintf(stderr, "cannot read %s\n", argv[1]);
    return 1;
  }

  MlirContext ctx = mlirContextCreate();
  mlirDialectHandleLoadDialect(mlirGetDialectHandle__func__(), ctx);
  mlirDialectHandleLoadDialect(mlirGetDialectHandle__attn__(), ctx);
  mlirRegisterAttnPasses();

  int status = 1;
  MlirModule module =
      mlirModuleCreateParse(ctx, mlirStringRefCreateFromCString(source));
  if (!mlirModuleIsNull(module)) {
    MlirPassManager pm = mlirPassManagerCreate(ctx);
    MlirLogicalResult parsed =
        mlirParsePassPipeline(mlirPassManagerGetAsOpPassManager(pm),
                              mlirStringRefCreateFromCString(
                                  "builtin.module(attn-decompose-attention)"),
                              printToStdout, NULL);
    MlirOperation op = mlirModuleGetOperation(module);
    if (mlirLogicalResultIsSuccess(parsed) &&
        mlirLogicalResultIsSuccess(mlirPassManagerRunOnOp(pm, op))) {
      mlirOperationPrint(op, printToStdout, NULL);
      printf("\n");
      status = 0;
    }
    mlirPassManagerDestroy(pm);
    mlirModuleDestroy(module);
  }
  mlirContextDestroy(ctx);
  free(source);
  return status;
}
