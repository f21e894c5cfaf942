// Debian's stock mlir-opt, with attn-mlir loaded as a plugin, parses the attn
// dialect and runs the attn passes and pipelines exactly as attn-opt does.

// The dialect plugin alone: parse and print.
// RUN: mlir-opt %s --load-dialect-plugin=%attn_plugin | FileCheck %s --check-prefix=ROUNDTRIP

// A pass, through both tools: same output, byte for byte.
// RUN: attn-opt %s -attn-decompose-attention > %t.attn-opt.mlir
// RUN: mlir-opt %s --load-dialect-plugin=%attn_plugin --load-pass-plugin=%attn_plugin \
// RUN:   --pass-pipeline="builtin.module(attn-decompose-attention)" > %t.mlir-opt.mlir
// RUN: diff %t.attn-opt.mlir %t.mlir-opt.mlir
// RUN: FileCheck %s --check-prefix=DECOMPOSE < %t.mlir-opt.mlir

// The dialect plugin alone also registers the passes.
// RUN: mlir-opt %s --load-dialect-plugin=%attn_plugin \
// RUN:   --pass-pipeline="builtin.module(attn-decompose-attention)" \
// RUN:   | diff %t.attn-opt.mlir -

// The CPU pipeline, through both tools.
// RUN: attn-opt %s --pass-pipeline="builtin.module(attn-cpu-pipeline)" > %t.cpu.attn-opt.mlir
// RUN: mlir-opt %s --load-dialect-plugin=%attn_plugin --load-pass-plugin=%attn_plugin \
// RUN:   --pass-pipeline="builtin.module(attn-cpu-pipeline)" > %t.cpu.mlir-opt.mlir
// RUN: diff %t.cpu.attn-opt.mlir %t.cpu.mlir-opt.mlir
// RUN: FileCheck %s --check-prefix=CPU < %t.cpu.mlir-opt.mlir

// ROUNDTRIP-LABEL: func.func @attention
// ROUNDTRIP: attn.attention ins(%{{.*}}, %{{.*}}, %{{.*}} : tensor<1x4x8x16xf32>, tensor<1x2x8x16xf32>, tensor<1x2x8x16xf32>) mask(%{{.*}} : tensor<1x1x1x8xi1>) outs(%{{.*}} : tensor<1x4x8x16xf32>) causal = top_left -> tensor<1x4x8x16xf32>

// DECOMPOSE-LABEL: func.func @attention
// DECOMPOSE-NOT: attn.attention
// DECOMPOSE: linalg.generic
// DECOMPOSE: bufferization.materialize_in_destination

// CPU-NOT: attn.
// CPU: llvm.func @attention(
// CPU-NOT: attn.

// Memref arguments and an explicit destination, so that the whole function
// compiles to the LLVM dialect (a function returning a tensor would need
// buffer results).
func.func @attention(%q: memref<1x4x8x16xf32>, %k: memref<1x2x8x16xf32>,
                     %v: memref<1x2x8x16xf32>, %mask: memref<1x1x1x8xi1>,
                     %out: memref<1x4x8x16xf32>) {
  %qt = bufferization.to_tensor %q restrict
      : memref<1x4x8x16xf32> to tensor<1x4x8x16xf32>
  %kt = bufferization.to_tensor %k restrict
      : memref<1x2x8x16xf32> to tensor<1x2x8x16xf32>
  %vt = bufferization.to_tensor %v restrict
      : memref<1x2x8x16xf32> to tensor<1x2x8x16xf32>
  %mt = bufferization.to_tensor %mask restrict
      : memref<1x1x1x8xi1> to tensor<1x1x1x8xi1>
  %init = tensor.empty() : tensor<1x4x8x16xf32>
  %0 = attn.attention ins(%qt, %kt, %vt : tensor<1x4x8x16xf32>,
                          tensor<1x2x8x16xf32>, tensor<1x2x8x16xf32>)
      mask(%mt : tensor<1x1x1x8xi1>)
      outs(%init : tensor<1x4x8x16xf32>) causal = top_left
      -> tensor<1x4x8x16xf32>
  bufferization.materialize_in_destination %0 in restrict writable %out
      : (tensor<1x4x8x16xf32>, memref<1x4x8x16xf32>) -> ()
  return
}
