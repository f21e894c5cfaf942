// RUN: attn-opt %s -split-input-file -verify-diagnostics --pass-pipeline='builtin.module(attn-nvvm-pipeline{format=isa mma-score-mods=false})'
// RUN: not attn-opt %s -split-input-file --pass-pipeline='builtin.module(attn-nvvm-pipeline{format=isa chip=sm_86 mma-key-tile=256})' 2>&1 | FileCheck %s --check-prefix=SMEM

// attn.deferred marks an op the tensor-core path has claimed (internal to
// attn-nvvm-pipeline, between its two phases). Written by hand on an op the
// path refuses, it is an error, not a kernel that cannot launch or a
// tensor-core kernel for an op the options keep off it.

func.func @mask(%q: tensor<1x2x64x64xf16>, %k: tensor<1x2x64x64xf16>, %v: tensor<1x2x64x64xf16>, %m: tensor<1x1x64x64xi1>) -> tensor<1x2x64x64xf16> {
  %o = tensor.empty() : tensor<1x2x64x64xf16>
  // expected-error @below {{attn.deferred is set but the tensor-core path refuses this op: explicit masks are not supported (score-mods enables them)}}
  %r = attn.attention ins(%q, %k, %v : tensor<1x2x64x64xf16>, tensor<1x2x64x64xf16>, tensor<1x2x64x64xf16>) mask(%m : tensor<1x1x64x64xi1>) outs(%o : tensor<1x2x64x64xf16>) {attn.deferred} -> tensor<1x2x64x64xf16>
  return %r : tensor<1x2x64x64xf16>
}

// -----

func.func @f32(%q: tensor<2x4x16x32xf32>, %k: tensor<2x2x24x32xf32>, %v: tensor<2x2x24x32xf32>, %o: tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf32> {
  // expected-error @below {{attn.deferred is set but the tensor-core path refuses this op: element type is not f16 or bf16}}
  %r = attn.attention ins(%q, %k, %v : tensor<2x4x16x32xf32>, tensor<2x2x24x32xf32>, tensor<2x2x24x32xf32>) outs(%o : tensor<2x4x16x32xf32>) {attn.deferred} -> tensor<2x4x16x32xf32>
  return %r : tensor<2x4x16x32xf32>
}

// -----

// Fine with the default 64-key tiles; with 256-key tiles on sm_86 the K/V
// tiles would not fit shared memory (second RUN line).
// SMEM: error: attn.deferred is set but the tensor-core path refuses this op: the K/V tiles need 278528 bytes of shared memory, more than the 101376 a block may use
func.func @smem(%q: tensor<1x2x64x128xf16>, %k: tensor<1x2x64x128xf16>, %v: tensor<1x2x64x128xf16>) -> tensor<1x2x64x128xf16> {
  %o = tensor.empty() : tensor<1x2x64x128xf16>
  %r = attn.attention ins(%q, %k, %v : tensor<1x2x64x128xf16>, tensor<1x2x64x128xf16>, tensor<1x2x64x128xf16>) outs(%o : tensor<1x2x64x128xf16>) {attn.deferred} -> tensor<1x2x64x128xf16>
  return %r : tensor<1x2x64x128xf16>
}
