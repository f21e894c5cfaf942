// attn-gpu-launch-memory: host buffers a kernel uses get device copies (in,
// and back out only when the kernel writes them); kernel temporaries move to
// the stack; a strided view used by the kernel (e.g. of an
// extract_slice'd operand) is rebuilt inside the kernel on a device copy of
// the buffer it views.
// RUN: attn-opt %s --split-input-file --attn-gpu-launch-memory --verify-diagnostics | FileCheck %s

// CHECK-LABEL: func.func @copies(
// CHECK-SAME:    %[[IN:.+]]: memref<16xf32>, %[[OUT:.+]]: memref<16xf32>)
// CHECK-DAG:     %[[DIN:.+]] = gpu.alloc () : memref<16xf32>
// CHECK-DAG:     gpu.memcpy  %[[DIN]], %[[IN]]
// CHECK-DAG:     %[[DOUT:.+]] = gpu.alloc () : memref<16xf32>
// CHECK-DAG:     gpu.memcpy  %[[DOUT]], %[[OUT]]
// CHECK:         gpu.launch
// CHECK:           %[[T:.+]] = memref.alloca() : memref<4xf32>
// CHECK:           memref.load %[[DIN]]
// CHECK:           memref.store {{.*}}, %[[T]]
// CHECK:           memref.store {{.*}}, %[[DOUT]]
// CHECK:         gpu.memcpy  %[[OUT]], %[[DOUT]]
// CHECK-NOT:     gpu.memcpy  %[[IN]]
// CHECK:         gpu.dealloc
func.func @copies(%in: memref<16xf32>, %out: memref<16xf32>) {
  %c1 = arith.constant 1 : index
  %c0 = arith.constant 0 : index
  gpu.launch blocks(%bx, %by, %bz) in (%x = %c1, %y = %c1, %z = %c1)
             threads(%tx, %ty, %tz) in (%a = %c1, %b = %c1, %c = %c1) {
    %t = memref.alloc() : memref<4xf32>
    %v = memref.load %in[%tx] : memref<16xf32>
    memref.store %v, %t[%c0] : memref<4xf32>
    memref.store %v, %out[%tx] : memref<16xf32>
    memref.dealloc %t : memref<4xf32>
    gpu.terminator
  }
  return
}

// -----

// CHECK-LABEL: func.func @strided_view(
// CHECK-SAME:    %[[BIG:.+]]: memref<8x32xf32>
// CHECK:         %[[DBIG:.+]] = gpu.alloc () : memref<8x32xf32>
// CHECK:         gpu.memcpy  %[[DBIG]], %[[BIG]] : memref<8x32xf32>, memref<8x32xf32>
// CHECK:         gpu.launch
// CHECK:           %[[VIEW:.+]] = memref.subview %[[DBIG]][0, 16] [8, 16] [1, 1]
// CHECK:           memref.store {{.*}}, %[[VIEW]]
// CHECK:         gpu.memcpy  %[[BIG]], %[[DBIG]]
func.func @strided_view(%big: memref<8x32xf32>) {
  %c1 = arith.constant 1 : index
  %f = arith.constant 1.0 : f32
  %view = memref.subview %big[0, 16] [8, 16] [1, 1] : memref<8x32xf32> to memref<8x16xf32, strided<[32, 1], offset: 16>>
  gpu.launch blocks(%bx, %by, %bz) in (%x = %c1, %y = %c1, %z = %c1)
             threads(%tx, %ty, %tz) in (%a = %c1, %b = %c1, %c = %c1) {
    memref.store %f, %view[%tx, %ty] : memref<8x16xf32, strided<[32, 1], offset: 16>>
    gpu.terminator
  }
  return
}

// -----

// A strided buffer that is no view of an identity one stays an error.
func.func @strided_arg(%arg: memref<8x16xf32, strided<[32, 1]>>) {
  %c1 = arith.constant 1 : index
  %f = arith.constant 1.0 : f32
  // expected-error @below {{attn-gpu-launch-memory: a host buffer used by the kernel has a non-identity layout: 'memref<8x16xf32, strided<[32, 1]>>'}}
  gpu.launch blocks(%bx, %by, %bz) in (%x = %c1, %y = %c1, %z = %c1)
             threads(%tx, %ty, %tz) in (%a = %c1, %b = %c1, %c = %c1) {
    memref.store %f, %arg[%tx, %ty] : memref<8x16xf32, strided<[32, 1]>>
    gpu.terminator
  }
  return
}

// -----

// An op that writes memory without naming it (inline asm with side effects,
// as the wgmma kernel issues on registers and shared memory) does not make
// an input count as written: it is not copied back (the host buffer may be a
// constant global in read-only memory).
// CHECK-LABEL: func.func @unnamed_write(
// CHECK-SAME:    %[[IN:.+]]: memref<16xf32>, %[[OUT:.+]]: memref<16xf32>)
// CHECK:         gpu.launch
// CHECK:           llvm.inline_asm has_side_effects
// CHECK:         gpu.memcpy  %[[OUT]], %{{.+}}
// CHECK-NOT:     gpu.memcpy  %[[IN]]
// CHECK:         return
func.func @unnamed_write(%in: memref<16xf32>, %out: memref<16xf32>) {
  %c1 = arith.constant 1 : index
  gpu.launch blocks(%bx, %by, %bz) in (%x = %c1, %y = %c1, %z = %c1)
             threads(%tx, %ty, %tz) in (%a = %c1, %b = %c1, %c = %c1) {
    %v = memref.load %in[%tx] : memref<16xf32>
    %w = llvm.inline_asm has_side_effects "add.f32 $0, $1, $1;", "=f,f" %v : (f32) -> f32
    memref.store %w, %out[%tx] : memref<16xf32>
    gpu.terminator
  }
  return
}

// -----

// Once the buffer's address leaves the memref type in the kernel, such an op
// may write it: copied back.
// CHECK-LABEL: func.func @escaped_address(
// CHECK-SAME:    %[[IN:.+]]: memref<16xf32>)
// CHECK:         %[[D:.+]] = gpu.alloc () : memref<16xf32>
// CHECK:         gpu.launch
// CHECK:           memref.extract_aligned_pointer_as_index %[[D]]
// CHECK:         gpu.memcpy  %[[IN]], %[[D]]
func.func @escaped_address(%in: memref<16xf32>) {
  %c1 = arith.constant 1 : index
  gpu.launch blocks(%bx, %by, %bz) in (%x = %c1, %y = %c1, %z = %c1)
             threads(%tx, %ty, %tz) in (%a = %c1, %b = %c1, %c = %c1) {
    %p = memref.extract_aligned_pointer_as_index %in : memref<16xf32> -> index
    %i = arith.index_cast %p : index to i64
    llvm.inline_asm has_side_effects "st.global.f32 [$0], 0f00000000;", "l" %i : (i64) -> ()
    gpu.terminator
  }
  return
}

// -----

// A device buffer (gpu.alloc, as the split-KV workspaces) is used as it is.
// CHECK-LABEL: func.func @device_buffer(
// CHECK:         %[[W:.+]] = gpu.alloc () : memref<16xf32>
// CHECK-NOT:     gpu.memcpy
// CHECK:         gpu.launch
// CHECK:           memref.store %{{.+}}, %[[W]]
// CHECK-NOT:     gpu.memcpy
// CHECK:         gpu.dealloc %[[W]]
func.func @device_buffer() {
  %c1 = arith.constant 1 : index
  %f = arith.constant 1.0 : f32
  %w = gpu.alloc () : memref<16xf32>
  gpu.launch blocks(%bx, %by, %bz) in (%x = %c1, %y = %c1, %z = %c1)
             threads(%tx, %ty, %tz) in (%a = %c1, %b = %c1, %c = %c1) {
    memref.store %f, %w[%tx] : memref<16xf32>
    gpu.terminator
  }
  gpu.dealloc %w : memref<16xf32>
  return
}
