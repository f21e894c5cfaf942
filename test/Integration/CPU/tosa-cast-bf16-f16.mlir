// A TOSA program casting bf16 to f16 and back compiles and runs through
// attn-cpu-pipeline (attn-split-tosa-casts goes through f32; upstream's
// tosa-to-linalg alone emits an invalid 16-bit to 16-bit truncf). One
// rounding to f16: 3.140625, 1.5 and 0.10009765625 (bf16's nearest to 0.1)
// are exact, 70144 overflows f16 to inf, 1e-8 underflows to 0.
// RUN: attn-opt %s -attn-cpu-pipeline | mlir-runner -e main -entry-point-result=void -shared-libs=%runner_libs | FileCheck %s

// CHECK: [3.14062,  1.5,  inf,  0.100098,  0]
// CHECK: [3.14062,  1.5,  inf,  0.100098,  0]

func.func @to_f16(%m: tensor<5xbf16>) -> tensor<5xf16> {
  %c = tosa.cast %m : (tensor<5xbf16>) -> tensor<5xf16>
  return %c : tensor<5xf16>
}

func.func @to_bf16(%m: tensor<5xf16>) -> tensor<5xbf16> {
  %c = tosa.cast %m : (tensor<5xf16>) -> tensor<5xbf16>
  return %c : tensor<5xbf16>
}

func.func private @printMemrefF32(tensor<*xf32>)

func.func @main() {
  %v = arith.constant dense<[3.140625, 1.5, 70144.0, 0.1, 1.0e-8]> : tensor<5xbf16>
  %h = call @to_f16(%v) : (tensor<5xbf16>) -> tensor<5xf16>
  %hf = tosa.cast %h : (tensor<5xf16>) -> tensor<5xf32>
  %u = tensor.cast %hf : tensor<5xf32> to tensor<*xf32>
  call @printMemrefF32(%u) : (tensor<*xf32>) -> ()
  %b = call @to_bf16(%h) : (tensor<5xf16>) -> tensor<5xbf16>
  %bf = tosa.cast %b : (tensor<5xbf16>) -> tensor<5xf32>
  %u2 = tensor.cast %bf : tensor<5xf32> to tensor<*xf32>
  call @printMemrefF32(%u2) : (tensor<*xf32>) -> ()
  return
}
