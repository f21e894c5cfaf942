// attn-gpu-dedup-kernels: after outlining, a gpu.module equal to an earlier
// one (ops, attributes and types; locations and its own name aside) is
// erased and its launches call the earlier one (its kernel, whatever its
// name). Modules that differ in a constant, an attribute of a kernel or of
// the module, or a type are kept.
// RUN: attn-opt %s -split-input-file -attn-gpu-dedup-kernels | FileCheck %s
// RUN: attn-opt %s -split-input-file -attn-gpu-dedup-kernels -attn-gpu-dedup-kernels | FileCheck %s

// CHECK-LABEL: func.func @launches
// CHECK:         gpu.launch_func @k0::@kern
// CHECK:         gpu.launch_func @k0::@kern
// CHECK:         gpu.launch_func @k2::@kern
// CHECK:         gpu.launch_func @k3::@kern
// CHECK:         gpu.launch_func @k4::@kern
// CHECK:         gpu.launch_func @k0::@kern
// CHECK:         gpu.launch_func @k6::@kern
// CHECK:         gpu.launch_func @k0::@kern
// CHECK:       gpu.module @k0
// CHECK-NOT:   gpu.module @k1
// CHECK:       gpu.module @k2
// CHECK:         arith.constant 2.000000e+00
// CHECK:       gpu.module @k3
// CHECK:         known_block_size = array<i32: 64, 1, 1>
// CHECK:       gpu.module @k4
// CHECK:         f16
// CHECK-NOT:   gpu.module @k5
// CHECK:       gpu.module @k6 [#nvvm.target<chip = "sm_90">]
// CHECK-NOT:   gpu.module @k8
module attributes {gpu.container_module} {
  func.func @launches(%a: memref<64xf32>, %h: memref<64xf16>) {
    %c1 = arith.constant 1 : index
    %c64 = arith.constant 64 : index
    gpu.launch_func @k0::@kern blocks in (%c1, %c1, %c1) threads in (%c64, %c1, %c1) args(%a : memref<64xf32>)
    gpu.launch_func @k1::@kern blocks in (%c1, %c1, %c1) threads in (%c64, %c1, %c1) args(%a : memref<64xf32>)
    gpu.launch_func @k2::@kern blocks in (%c1, %c1, %c1) threads in (%c64, %c1, %c1) args(%a : memref<64xf32>)
    gpu.launch_func @k3::@kern blocks in (%c1, %c1, %c1) threads in (%c64, %c1, %c1) args(%a : memref<64xf32>)
    gpu.launch_func @k4::@kern blocks in (%c1, %c1, %c1) threads in (%c64, %c1, %c1) args(%h : memref<64xf16>)
    gpu.launch_func @k5::@kern blocks in (%c1, %c1, %c1) threads in (%c64, %c1, %c1) args(%a : memref<64xf32>)
    gpu.launch_func @k6::@kern blocks in (%c1, %c1, %c1) threads in (%c64, %c1, %c1) args(%a : memref<64xf32>)
    gpu.launch_func @k8::@layer2_kernel blocks in (%c1, %c1, %c1) threads in (%c64, %c1, %c1) args(%a : memref<64xf32>)
    return
  }
  gpu.module @k0 {
    gpu.func @kern(%m: memref<64xf32>) kernel attributes {known_block_size = array<i32: 128, 1, 1>} {
      %t = gpu.thread_id x
      %c = arith.constant 1.0 : f32
      memref.store %c, %m[%t] : memref<64xf32>
      gpu.return
    }
  }
  // The same as @k0.
  gpu.module @k1 {
    gpu.func @kern(%m: memref<64xf32>) kernel attributes {known_block_size = array<i32: 128, 1, 1>} {
      %t = gpu.thread_id x
      %c = arith.constant 1.0 : f32
      memref.store %c, %m[%t] : memref<64xf32>
      gpu.return
    }
  }
  // Another constant.
  gpu.module @k2 {
    gpu.func @kern(%m: memref<64xf32>) kernel attributes {known_block_size = array<i32: 128, 1, 1>} {
      %t = gpu.thread_id x
      %c = arith.constant 2.0 : f32
      memref.store %c, %m[%t] : memref<64xf32>
      gpu.return
    }
  }
  // Another block size.
  gpu.module @k3 {
    gpu.func @kern(%m: memref<64xf32>) kernel attributes {known_block_size = array<i32: 64, 1, 1>} {
      %t = gpu.thread_id x
      %c = arith.constant 1.0 : f32
      memref.store %c, %m[%t] : memref<64xf32>
      gpu.return
    }
  }
  // Another element type.
  gpu.module @k4 {
    gpu.func @kern(%m: memref<64xf16>) kernel attributes {known_block_size = array<i32: 128, 1, 1>} {
      %t = gpu.thread_id x
      %c = arith.constant 1.0 : f16
      memref.store %c, %m[%t] : memref<64xf16>
      gpu.return
    }
  }
  // @k0 with other locations.
  gpu.module @k5 {
    gpu.func @kern(%m: memref<64xf32>) kernel attributes {known_block_size = array<i32: 128, 1, 1>} {
      %t = gpu.thread_id x loc("elsewhere.py":3:1)
      %c = arith.constant 1.0 : f32 loc("elsewhere.py":4:1)
      memref.store %c, %m[%t] : memref<64xf32>
      gpu.return
    }
  }
  // @k0 with its kernel named after another function of the program (one
  // op per function): the launch is redirected to @k0::@kern.
  gpu.module @k8 {
    gpu.func @layer2_kernel(%m: memref<64xf32>) kernel attributes {known_block_size = array<i32: 128, 1, 1>} {
      %t = gpu.thread_id x
      %c = arith.constant 1.0 : f32
      memref.store %c, %m[%t] : memref<64xf32>
      gpu.return
    }
  }
  // @k0 for another target.
  gpu.module @k6 [#nvvm.target<chip = "sm_90">] {
    gpu.func @kern(%m: memref<64xf32>) kernel attributes {known_block_size = array<i32: 128, 1, 1>} {
      %t = gpu.thread_id x
      %c = arith.constant 1.0 : f32
      memref.store %c, %m[%t] : memref<64xf32>
      gpu.return
    }
  }
}

// -----

// Without launches the pass only erases duplicates nothing refers to.
// CHECK-LABEL: module attributes {gpu.container_module}
// CHECK:       gpu.module @only
// CHECK-NOT:   gpu.module
module attributes {gpu.container_module} {
  gpu.module @only {
    gpu.func @kern() kernel {
      gpu.return
    }
  }
  gpu.module @copy {
    gpu.func @kern() kernel {
      gpu.return
    }
  }
}
