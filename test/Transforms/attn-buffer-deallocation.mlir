// RUN: attn-opt %s -attn-buffer-deallocation | FileCheck %s

// A program that frees its own buffer: upstream's ownership-based
// deallocation refuses it ("memory free side-effect on MemRef value not
// supported"); here the program's free is taken out and the buffer is freed
// exactly once, after its last use.
// CHECK-LABEL: func.func @frees_own
// CHECK: %[[M:.*]] = memref.alloc
// CHECK: memref.load %[[M]]
// CHECK: memref.dealloc %[[M]]
// CHECK-NOT: memref.dealloc
// CHECK: return
func.func @frees_own(%i: index) -> f32 {
  %m = memref.alloc() : memref<4xf32>
  %c = arith.constant 1.0 : f32
  memref.store %c, %m[%i] : memref<4xf32>
  %v = memref.load %m[%i] : memref<4xf32>
  memref.dealloc %m : memref<4xf32>
  return %v : f32
}

// A callee that frees its argument: the caller owns the buffer and frees it
// after the call, so the callee's free goes (else: a double free).
// CHECK-LABEL: func.func @frees_arg
// CHECK-NOT: memref.dealloc
// CHECK: return
// CHECK-LABEL: func.func @caller
// CHECK: %[[N:.*]] = memref.alloc
// CHECK: call @frees_arg(%[[N]])
// CHECK: memref.dealloc %[[N]]
// CHECK-NOT: memref.dealloc
// CHECK: return
func.func @frees_arg(%m: memref<4xf32>) -> f32 {
  %c0 = arith.constant 0 : index
  %v = memref.load %m[%c0] : memref<4xf32>
  memref.dealloc %m : memref<4xf32>
  return %v : f32
}
func.func @caller() -> f32 {
  %n = memref.alloc() : memref<4xf32>
  %v = call @frees_arg(%n) : (memref<4xf32>) -> f32
  return %v : f32
}
