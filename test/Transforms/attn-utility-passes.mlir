// The small passes the pipelines use, on their own: what they produce and
// what they leave alone or refuse.
// RUN: attn-opt %s -split-input-file -attn-inline-alloca-scopes | FileCheck %s --check-prefix=SCOPE
// RUN: attn-opt %s -split-input-file -attn-decompose-aggregates | FileCheck %s --check-prefix=AGG
// RUN: attn-opt %s -split-input-file -attn-fast-exp | FileCheck %s --check-prefix=EXP
// RUN: not attn-opt %s -split-input-file -attn-verify-lowered 2>&1 | FileCheck %s --check-prefix=VERIFY

// SCOPE-LABEL: func.func @scopes
// A scope without an alloca is inlined...
//       SCOPE:   %[[A:.+]] = arith.addf
//   SCOPE-NOT:   memref.alloca_scope {
//       SCOPE:   memref.alloca_scope
// ...one with an alloca stays (it frees the alloca on exit).
//       SCOPE:     memref.alloca()
// VERIFY: error: 'func.func' is left after the pipeline and cannot be translated to LLVM IR
func.func @scopes(%x: f32) -> f32 {
  %r = memref.alloca_scope -> (f32) {
    %a = arith.addf %x, %x : f32
    memref.alloca_scope.return %a : f32
  }
  memref.alloca_scope {
    %m = memref.alloca() : memref<4xf32>
    memref.alloca_scope.return
  }
  return %r : f32
}

// -----

// AGG-LABEL: func.func @softmax
//   AGG-NOT:   linalg.softmax
//       AGG:   linalg.generic
//       AGG:     arith.maxnumf
//       AGG:   math.exp
//       AGG:   arith.divf
func.func @softmax(%x: tensor<4x8xf32>) -> tensor<4x8xf32> {
  %e = tensor.empty() : tensor<4x8xf32>
  %s = linalg.softmax dimension(1) ins(%x : tensor<4x8xf32>) outs(%e : tensor<4x8xf32>) -> tensor<4x8xf32>
  return %s : tensor<4x8xf32>
}

// -----

// EXP-LABEL: func.func @exps
// f32 exp becomes the polynomial (no math.exp left for it)...
//       EXP:   math.floor
//       EXP:   math.fma
//       EXP:   arith.bitcast
// ...f64 exp is left alone.
//       EXP:   math.exp %{{.+}} : f64
func.func @exps(%a: f32, %b: f64) -> (f32, f64) {
  %0 = math.exp %a : f32
  %1 = math.exp %b : f64
  return %0, %1 : f32, f64
}

// -----

// VERIFY: error: 'attn.attention' is left after the pipeline: no lowering handled it
func.func @left(%q: tensor<1x1x4x8xf32>, %o: tensor<1x1x4x8xf32>) -> tensor<1x1x4x8xf32> {
  %0 = attn.attention ins(%q, %q, %q : tensor<1x1x4x8xf32>, tensor<1x1x4x8xf32>, tensor<1x1x4x8xf32>) outs(%o : tensor<1x1x4x8xf32>) -> tensor<1x1x4x8xf32>
  return %0 : tensor<1x1x4x8xf32>
}
