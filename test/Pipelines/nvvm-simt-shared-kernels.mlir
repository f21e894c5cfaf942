// Identical f32 ops (the layers of a model) on the SIMT path launch one
// outlined kernel (attn-gpu-dedup-kernels), so the binary holds it once,
// also from another function (whose kernel is named after it); an op that
// differs (causal) keeps its own.
// RUN: attn-opt %s --pass-pipeline='builtin.module(attn-nvvm-pipeline{chip=sm_80 format=isa fit-registers=false})' | FileCheck %s
// RUN: attn-opt %s --pass-pipeline='builtin.module(attn-nvvm-pipeline{chip=sm_80 format=isa fit-registers=false})' --mlir-print-ir-after=attn-gpu-dedup-kernels -o /dev/null 2>&1 | FileCheck %s --check-prefix=IR

// CHECK-COUNT-2: gpu.binary @
// CHECK-NOT:     gpu.binary @

// IR-LABEL: func.func @layers(
// IR:         gpu.launch_func  @[[K:[a-z_0-9]+]]::@layers_kernel
// IR:         gpu.launch_func  @[[K]]::@layers_kernel
// IR:         gpu.launch_func  @[[C:[a-z_0-9]+]]::@layers_kernel
// IR-NOT:     gpu.launch_func  @[[K]]::
// IR-COUNT-2: gpu.module @
// IR-NOT:     gpu.module @
// IR-LABEL: func.func @other_layer(
// IR:         gpu.launch_func  @[[K]]::@layers_kernel
// IR-NOT:     gpu.module @

func.func @layers(%q: tensor<2x4x100x64xf32>, %k: tensor<2x4x100x64xf32>, %v: tensor<2x4x100x64xf32>) -> tensor<2x4x100x64xf32> {
  %init = tensor.empty() : tensor<2x4x100x64xf32>
  %r = attn.attention ins(%q, %k, %v : tensor<2x4x100x64xf32>, tensor<2x4x100x64xf32>, tensor<2x4x100x64xf32>) outs(%init : tensor<2x4x100x64xf32>) -> tensor<2x4x100x64xf32>
  %r2 = attn.attention ins(%r, %k, %v : tensor<2x4x100x64xf32>, tensor<2x4x100x64xf32>, tensor<2x4x100x64xf32>) outs(%init : tensor<2x4x100x64xf32>) -> tensor<2x4x100x64xf32>
  %r3 = attn.attention ins(%r2, %k, %v : tensor<2x4x100x64xf32>, tensor<2x4x100x64xf32>, tensor<2x4x100x64xf32>) outs(%init : tensor<2x4x100x64xf32>) causal = bottom_right -> tensor<2x4x100x64xf32>
  return %r3 : tensor<2x4x100x64xf32>
}

func.func @other_layer(%q: tensor<2x4x100x64xf32>, %k: tensor<2x4x100x64xf32>, %v: tensor<2x4x100x64xf32>) -> tensor<2x4x100x64xf32> {
  %init = tensor.empty() : tensor<2x4x100x64xf32>
  %r = attn.attention ins(%q, %k, %v : tensor<2x4x100x64xf32>, tensor<2x4x100x64xf32>, tensor<2x4x100x64xf32>) outs(%init : tensor<2x4x100x64xf32>) -> tensor<2x4x100x64xf32>
  return %r : tensor<2x4x100x64xf32>
}
