/*===- Dialects.h - C API of the attn dialect ---------------------*- C -*-===*\
|*                                                                            *|
|* Part of the attn-mlir project.                                             *|
|*                                                                            *|
\*===----------------------------------------------------------------------===*/

#ifndef ATTN_C_DIALECTS_H
#define ATTN_C_DIALECTS_H

#include "mlir-c/IR.h"
#include "mlir-c/Support.h"

#include <stdbool.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Declares `mlirGetDialectHandle__attn__()`: register or load the dialect
/// with `mlirDialectHandleRegisterDialect` / `mlirDialectHandleLoadDialect`.
MLIR_DECLARE_CAPI_DIALECT_REGISTRATION(Attn, attn);

/// Causal mask alignment of `attn.attention` (the `causal` attribute).
typedef enum AttnCausal {
  AttnCausalNone = 0,
  AttnCausalTopLeft = 1,
  AttnCausalBottomRight = 2,
} AttnCausal;

/// Operand layout of `attn.attention` (the `layout` attribute).
typedef enum AttnLayout {
  AttnLayoutBHSD = 0,
  AttnLayoutBSHD = 1,
} AttnLayout;

/// The optional attributes of `attn.attention`. Start from
/// `attnAttentionOptionsGetDefault()` (no attribute set) and change fields.
typedef struct AttnAttentionOptions {
  /// Sets `scale`; without it the op uses 1/sqrt(D).
  bool hasScale;
  float scale;
  /// `causal`; AttnCausalNone leaves the attribute out.
  AttnCausal causal;
  /// Sets `window = [windowLeft, windowRight]`; -1 is unbounded (other
  /// negative values fail the verifier).
  bool hasWindow;
  int64_t windowLeft;
  int64_t windowRight;
  /// Sets `softcap`.
  bool hasSoftcap;
  float softcap;
  /// `layout`; AttnLayoutBHSD leaves the attribute out.
  AttnLayout layout;
} AttnAttentionOptions;

/// Returns options with no optional attribute set.
MLIR_CAPI_EXPORTED AttnAttentionOptions attnAttentionOptionsGetDefault(void);

/// Creates a detached `attn.attention` op at `loc`, whose result type is the
/// type of `init`. `mask` may be null (`mlirValueIsNull`). The op is not
/// verified here: insert it into a block (`mlirBlockAppendOwnedOperation`)
/// and call `mlirOperationVerify`, which reports shape errors as diagnostics.
MLIR_CAPI_EXPORTED MlirOperation attnAttentionOpCreate(
    MlirLocation loc, MlirValue query, MlirValue key, MlirValue value,
    MlirValue mask, MlirValue init, AttnAttentionOptions options);

/// Returns true if `op` is an `attn.attention` op.
MLIR_CAPI_EXPORTED bool attnOperationIsAttention(MlirOperation op);

#ifdef __cplusplus
}
#endif

#endif // ATTN_C_DIALECTS_H
