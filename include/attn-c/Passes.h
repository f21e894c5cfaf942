/*===- Passes.h - C API of the attn passes and pipelines ----------*- C -*-===*\
|*                                                                            *|
|* Part of the attn-mlir project.                                             *|
|*                                                                            *|
\*===----------------------------------------------------------------------===*/

#ifndef ATTN_C_PASSES_H
#define ATTN_C_PASSES_H

#include "mlir-c/Support.h"

#ifdef __cplusplus
extern "C" {
#endif

/// Registers every attn pass (`attn-decompose-attention`, ...) and pipeline
/// (`attn-cpu-pipeline`, ...) with the global pass registry, so that
/// `mlirParsePassPipeline` and `mlirOpPassManagerAddPipeline` accept their
/// names. Calling it more than once is harmless. The pipelines name upstream
/// passes too: register those first (e.g. `mlirRegisterAllPasses()` from
/// MLIRCAPIRegisterEverything) before parsing a pipeline that uses them.
MLIR_CAPI_EXPORTED void mlirRegisterAttnPasses(void);

#ifdef __cplusplus
}
#endif

#endif // ATTN_C_PASSES_H
