// RUN: attn-opt %s -attn-gpu-map-parallel | FileCheck %s

// attn-gpu-map-parallel maps a program's scf.parallel onto the GPU only when
// its body can run in a kernel; one that calls a function (host code: a
// function holding its own attention, an external timer), prints, or
// allocates a temporary with no constant size bound stays on the host.

// CHECK-LABEL: func.func @mapped
// CHECK: scf.parallel
// CHECK: mapping = [#gpu.loop_dim_map<processor = block_x
func.func @mapped(%m: memref<256xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c256 = arith.constant 256 : index
  scf.parallel (%i) = (%c0) to (%c256) step (%c1) {
    %v = memref.load %m[%i] : memref<256xf32>
    %w = arith.addf %v, %v : f32
    memref.store %w, %m[%i] : memref<256xf32>
    scf.reduce
  }
  return
}

func.func private @host_work(index)

// CHECK-LABEL: func.func @calls
// CHECK: scf.parallel
// CHECK-NOT: gpu.loop_dim_map
// CHECK: return
func.func @calls(%n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  scf.parallel (%i) = (%c0) to (%n) step (%c1) {
    func.call @host_work(%i) : (index) -> ()
    scf.reduce
  }
  return
}

// CHECK-LABEL: func.func @prints
// CHECK: scf.parallel
// CHECK-NOT: gpu.loop_dim_map
// CHECK: return
func.func @prints(%n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  scf.parallel (%i) = (%c0) to (%n) step (%c1) {
    vector.print %i : index
    scf.reduce
  }
  return
}

// CHECK-LABEL: func.func @unbounded_temporary
// CHECK: scf.parallel
// CHECK-NOT: gpu.loop_dim_map
// CHECK: return
func.func @unbounded_temporary(%n: index, %out: memref<?xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %z = arith.constant 0.0 : f32
  scf.parallel (%i) = (%c0) to (%n) step (%c1) {
    %t = memref.alloc(%i) : memref<?xf32>
    %s = scf.for %j = %c0 to %i step %c1 iter_args(%acc = %z) -> f32 {
      %x = memref.load %t[%j] : memref<?xf32>
      %y = arith.addf %acc, %x : f32
      scf.yield %y : f32
    }
    memref.store %s, %out[%i] : memref<?xf32>
    memref.dealloc %t : memref<?xf32>
    scf.reduce
  }
  return
}
