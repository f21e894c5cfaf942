// attn-nvvm-pipeline on attention inside an affine.for that carries tensors
// (a layer loop written with affine): attn-lower-affine-loops turns the loop
// into an scf.for before bufferization (one-shot-bufferize has no model of
// affine.for: "op was not bufferized") and leaves affine.min/max/apply,
// whose bounds size the kernel temporaries, to the later lower-affine.
// Compile-only: the tensor-core kernel (f16) and the SIMT kernel (f32, with
// its dynamically sized temporaries).
// RUN: attn-opt %s --pass-pipeline='builtin.module(attn-nvvm-pipeline{chip=sm_90a format=isa})' | FileCheck %s
// RUN: attn-opt %s --attn-lower-affine-loops | FileCheck %s --check-prefix=LOOPS

// CHECK-LABEL: llvm.func @layers_f16(
// CHECK: llvm.call @layers_f16_mma(
// CHECK-LABEL: llvm.func @layers_f32(
// CHECK: gpu.launch_func {{.*}} @layers_f32_kernel::@layers_f32_kernel
// CHECK: gpu.binary @layers_f32_kernel
// CHECK-LABEL: llvm.func @layers_f16_mma(
// CHECK: gpu.launch_func {{.*}} @layers_f16_mma_kernel::@layers_f16_mma_kernel
// CHECK: gpu.binary @layers_f16_mma_kernel

// LOOPS-LABEL: func.func @layers_f16
// LOOPS-NOT: affine.for
// LOOPS: scf.for {{.*}} iter_args
// LOOPS: attn.attention
// LOOPS: scf.yield
// LOOPS-LABEL: func.func @keeps_affine_apply
// LOOPS: affine.apply
// LOOPS: scf.for
!h = tensor<1x2x80x64xf16>
!f = tensor<1x2x37x32xf32>
func.func @layers_f16(%q: !h, %k: !h, %v: !h) -> !h {
  %r = affine.for %i = 0 to 3 iter_args(%x = %q) -> (!h) {
    %e = tensor.empty() : !h
    %y = attn.attention ins(%x, %k, %v : !h, !h, !h) outs(%e : !h) causal = bottom_right -> !h
    affine.yield %y : !h
  }
  return %r : !h
}
func.func @layers_f32(%q: !f, %k: !f, %v: !f) -> !f {
  %r = affine.for %i = 0 to 2 iter_args(%x = %q) -> (!f) {
    %e = tensor.empty() : !f
    %y = attn.attention ins(%x, %k, %v : !f, !f, !f) outs(%e : !f) -> !f
    affine.yield %y : !f
  }
  return %r : !f
}
func.func @keeps_affine_apply(%n: index, %t: tensor<?xf32>) -> tensor<?xf32> {
  %m = affine.apply affine_map<(d0) -> (d0 * 2)>(%n)
  %c = arith.constant 1.0 : f32
  %r = affine.for %i = 0 to %m iter_args(%x = %t) -> (tensor<?xf32>) {
    %y = tensor.insert %c into %x[%i] : tensor<?xf32>
    affine.yield %y : tensor<?xf32>
  }
  return %r : tensor<?xf32>
}
