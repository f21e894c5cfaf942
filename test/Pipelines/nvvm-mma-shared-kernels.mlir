// Ops with the same operand types and kernel attributes (the layers of a
// model) share one tensor-core kernel: attn-gpu-mma-attention declares it
// once and every op calls it, so the pipeline emits one GPU binary for it.
// An op that differs in an attribute (causal) or a type gets its own.
// RUN: attn-opt %s --attn-gpu-mma-attention | FileCheck %s
// RUN: attn-opt %s --pass-pipeline='builtin.module(attn-nvvm-pipeline{chip=sm_80 format=isa fit-registers=false})' | FileCheck %s --check-prefix=BIN

// CHECK-LABEL: func.func @layer0(
// CHECK:         call @layer0_mma(
// CHECK-LABEL: func.func @layer1(
// CHECK:         call @layer0_mma(
// CHECK:         call @layer0_mma(
// CHECK-LABEL: func.func @causal(
// CHECK:         call @causal_mma(
// CHECK-LABEL: func.func @other_type(
// CHECK:         call @other_type_mma(
// CHECK-DAG:   func.func private @layer0_mma(memref<2x4x100x64xf16>, {{.*}}) attributes {attn.mma_kernel = {{{.*}}causal = 0 : i64
// CHECK-DAG:   func.func private @causal_mma(memref<2x4x100x64xf16>, {{.*}}) attributes {attn.mma_kernel = {{{.*}}causal = 2 : i64
// CHECK-DAG:   func.func private @other_type_mma(memref<2x4x100x64xbf16>,
// CHECK-NOT:   func.func private

// BIN-COUNT-3: gpu.binary @
// BIN-NOT:     gpu.binary @

func.func @layer0(%q: tensor<2x4x100x64xf16>, %k: tensor<2x4x100x64xf16>, %v: tensor<2x4x100x64xf16>) -> tensor<2x4x100x64xf16> {
  %init = tensor.empty() : tensor<2x4x100x64xf16>
  %r = attn.attention ins(%q, %k, %v : tensor<2x4x100x64xf16>, tensor<2x4x100x64xf16>, tensor<2x4x100x64xf16>) outs(%init : tensor<2x4x100x64xf16>) -> tensor<2x4x100x64xf16>
  return %r : tensor<2x4x100x64xf16>
}

func.func @layer1(%q: tensor<2x4x100x64xf16>, %k: tensor<2x4x100x64xf16>, %v: tensor<2x4x100x64xf16>) -> tensor<2x4x100x64xf16> {
  %init = tensor.empty() : tensor<2x4x100x64xf16>
  %r = attn.attention ins(%q, %k, %v : tensor<2x4x100x64xf16>, tensor<2x4x100x64xf16>, tensor<2x4x100x64xf16>) outs(%init : tensor<2x4x100x64xf16>) -> tensor<2x4x100x64xf16>
  %r2 = attn.attention ins(%r, %k, %v : tensor<2x4x100x64xf16>, tensor<2x4x100x64xf16>, tensor<2x4x100x64xf16>) outs(%init : tensor<2x4x100x64xf16>) -> tensor<2x4x100x64xf16>
  return %r2 : tensor<2x4x100x64xf16>
}

func.func @causal(%q: tensor<2x4x100x64xf16>, %k: tensor<2x4x100x64xf16>, %v: tensor<2x4x100x64xf16>) -> tensor<2x4x100x64xf16> {
  %init = tensor.empty() : tensor<2x4x100x64xf16>
  %r = attn.attention ins(%q, %k, %v : tensor<2x4x100x64xf16>, tensor<2x4x100x64xf16>, tensor<2x4x100x64xf16>) outs(%init : tensor<2x4x100x64xf16>) causal = bottom_right -> tensor<2x4x100x64xf16>
  return %r : tensor<2x4x100x64xf16>
}

func.func @other_type(%q: tensor<2x4x100x64xbf16>, %k: tensor<2x4x100x64xbf16>, %v: tensor<2x4x100x64xbf16>) -> tensor<2x4x100x64xbf16> {
  %init = tensor.empty() : tensor<2x4x100x64xbf16>
  %r = attn.attention ins(%q, %k, %v : tensor<2x4x100x64xbf16>, tensor<2x4x100x64xbf16>, tensor<2x4x100x64xbf16>) outs(%init : tensor<2x4x100x64xbf16>) -> tensor<2x4x100x64xbf16>
  return %r : tensor<2x4x100x64xbf16>
}
