// attn-cpu-pipeline output compiled to an object file and called from C
// through the C interface (llvm.emit_c_interface); the C program checks the
// result against its own double-precision implementation (tolerance 1e-5).
//
// RUN: attn-opt %s -attn-cpu-pipeline="emit-c-interface" | mlir-translate --mlir-to-llvmir -o %t.ll
// RUN: %c_compiler -O2 -c %t.ll -o %t.o -Wno-override-module
// RUN: %c_compiler -O2 %S/Inputs/c_interface_main.c %t.o -o %t.exe -lm -L%mlir_lib_dir -lomp -Wl,-rpath,%mlir_lib_dir
// RUN: %t.exe | FileCheck %s
// CHECK: PASS

func.func @attention(%qm: memref<2x3x19x8xf32>, %km: memref<2x3x19x8xf32>,
                     %vm: memref<2x3x19x8xf32>, %om: memref<2x3x19x8xf32>) {
  %q = bufferization.to_tensor %qm restrict : memref<2x3x19x8xf32> to tensor<2x3x19x8xf32>
  %k = bufferization.to_tensor %km restrict : memref<2x3x19x8xf32> to tensor<2x3x19x8xf32>
  %v = bufferization.to_tensor %vm restrict : memref<2x3x19x8xf32> to tensor<2x3x19x8xf32>
  %init = tensor.empty() : tensor<2x3x19x8xf32>
  %r = attn.attention ins(%q, %k, %v : tensor<2x3x19x8xf32>, tensor<2x3x19x8xf32>, tensor<2x3x19x8xf32>)
       outs(%init : tensor<2x3x19x8xf32>) causal = top_left -> tensor<2x3x19x8xf32>
  bufferization.materialize_in_destination %r in restrict writable %om
      : (tensor<2x3x19x8xf32>, memref<2x3x19x8xf32>) -> ()
  return
}
