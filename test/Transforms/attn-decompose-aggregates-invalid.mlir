// attn-decompose-aggregates decomposes aggregate ops (linalg.softmax) on
// tensors only; on buffers it refuses with an error instead of emitting
// invalid IR. The attn-cpu-pipeline reports the same.
// RUN: attn-opt %s --split-input-file --attn-decompose-aggregates --verify-diagnostics
// RUN: not attn-opt %s --split-input-file --attn-cpu-pipeline 2>&1 | FileCheck %s

// CHECK: error: attn-decompose-aggregates: this op works on buffers
func.func @softmax_on_buffers(%x: memref<4x5xf32>, %o: memref<4x5xf32>) {
  // expected-error @below {{attn-decompose-aggregates: this op works on buffers; only its tensor form can be decomposed (run the pass before bufferization)}}
  linalg.softmax dimension(1) ins(%x : memref<4x5xf32>) outs(%o : memref<4x5xf32>)
  return
}
