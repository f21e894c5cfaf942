// The tensor-core rewrite meets bufferization correctly: its results keep
// their value when a later op writes into them in place (the second
// attention, which shares the first one's kernel, reads its output, not the
// zeros the fill writes),
// attention as a loop-carried destination compiles, ops nested in an
// scf.forall stay on the SIMT path (a kernel cannot launch one), and an op
// whose result is unused launches nothing.
// RUN: attn-opt %s --split-input-file --pass-pipeline='builtin.module(attn-nvvm-pipeline{chip=sm_90 format=isa})' --mlir-print-ir-after=attn-gpu-mma-kernels -o /dev/null 2>&1 | FileCheck %s
// RUN: attn-opt %s --split-input-file --pass-pipeline='builtin.module(attn-nvvm-pipeline{chip=sm_90 format=isa})' | FileCheck %s --check-prefix=FINAL
// RUN: attn-opt %s --split-input-file --attn-gpu-mma-attention=claim=true --attn-tile-attention | FileCheck %s --check-prefix=CLAIM

// CHECK-LABEL: func.func @alias(
// CHECK:         %[[R:.+]] = memref.alloc() {alignment = 64 : i64}
// CHECK:         call @alias_mma(%arg0, %arg1, %arg2, %[[R]])
// CHECK:         %[[T:.+]] = memref.alloc()
// CHECK-NOT:     memref.store {{.*}}, %[[R]]
// CHECK:         memref.store {{.*}}, %[[T]]
// CHECK-NOT:     memref.store {{.*}}, %[[R]]
// CHECK:         call @alias_mma(%[[R]], %arg1, %arg2,
// CLAIM-LABEL: func.func @alias(
// CLAIM-COUNT-2: attn.attention {{.*}} {attn.deferred}
// CLAIM-NOT:     scf.forall
func.func @alias(%q: tensor<1x2x64x64xf16>, %k: tensor<1x2x64x64xf16>, %v: tensor<1x2x64x64xf16>) -> (tensor<1x2x64x64xf16>, tensor<1x2x64x64xf16>) {
  %init = tensor.empty() : tensor<1x2x64x64xf16>
  %r = attn.attention ins(%q, %k, %v : tensor<1x2x64x64xf16>, tensor<1x2x64x64xf16>, tensor<1x2x64x64xf16>) outs(%init : tensor<1x2x64x64xf16>) -> tensor<1x2x64x64xf16>
  %z = arith.constant 0.0 : f16
  %t = linalg.fill ins(%z : f16) outs(%r : tensor<1x2x64x64xf16>) -> tensor<1x2x64x64xf16>
  %init2 = tensor.empty() : tensor<1x2x64x64xf16>
  %s = attn.attention ins(%r, %k, %v : tensor<1x2x64x64xf16>, tensor<1x2x64x64xf16>, tensor<1x2x64x64xf16>) outs(%init2 : tensor<1x2x64x64xf16>) -> tensor<1x2x64x64xf16>
  return %t, %s : tensor<1x2x64x64xf16>, tensor<1x2x64x64xf16>
}

// -----

// CLAIM-LABEL: func.func @loop(
// FINAL-LABEL: llvm.func @loop(
// FINAL:         gpu.launch_func {{.*}} @loop_mma_kernel::@loop_mma_kernel
func.func @loop(%q: tensor<1x2x100x64xf16>, %k: tensor<1x2x77x64xf16>, %v: tensor<1x2x77x64xf16>, %o: tensor<1x2x100x64xf16>) -> tensor<1x2x100x64xf16> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c3 = arith.constant 3 : index
  %res = scf.for %i = %c0 to %c3 step %c1 iter_args(%acc = %o) -> tensor<1x2x100x64xf16> {
    %r = attn.attention ins(%q, %k, %v : tensor<1x2x100x64xf16>, tensor<1x2x77x64xf16>, tensor<1x2x77x64xf16>) outs(%acc : tensor<1x2x100x64xf16>) -> tensor<1x2x100x64xf16>
    scf.yield %r : tensor<1x2x100x64xf16>
  }
  return %res : tensor<1x2x100x64xf16>
}

// -----

// FINAL-LABEL: llvm.func @nested(
// FINAL-NOT:     _mma_kernel
// FINAL:         gpu.launch_func {{.*}} @nested_kernel::@nested_kernel
// FINAL-NOT:     _mma_kernel
func.func @nested(%q: tensor<4x2x64x64xf16>, %k: tensor<4x2x64x64xf16>, %v: tensor<4x2x64x64xf16>) -> tensor<4x2x64x64xf16> {
  %init = tensor.empty() : tensor<4x2x64x64xf16>
  %r = scf.forall (%b) in (4) shared_outs(%o = %init) -> tensor<4x2x64x64xf16> {
    %qs = tensor.extract_slice %q[%b, 0, 0, 0] [1, 2, 64, 64] [1, 1, 1, 1] : tensor<4x2x64x64xf16> to tensor<1x2x64x64xf16>
    %ks = tensor.extract_slice %k[%b, 0, 0, 0] [1, 2, 64, 64] [1, 1, 1, 1] : tensor<4x2x64x64xf16> to tensor<1x2x64x64xf16>
    %vs = tensor.extract_slice %v[%b, 0, 0, 0] [1, 2, 64, 64] [1, 1, 1, 1] : tensor<4x2x64x64xf16> to tensor<1x2x64x64xf16>
    %os = tensor.extract_slice %o[%b, 0, 0, 0] [1, 2, 64, 64] [1, 1, 1, 1] : tensor<4x2x64x64xf16> to tensor<1x2x64x64xf16>
    %a = attn.attention ins(%qs, %ks, %vs : tensor<1x2x64x64xf16>, tensor<1x2x64x64xf16>, tensor<1x2x64x64xf16>) outs(%os : tensor<1x2x64x64xf16>) -> tensor<1x2x64x64xf16>
    scf.forall.in_parallel {
      tensor.parallel_insert_slice %a into %o[%b, 0, 0, 0] [1, 2, 64, 64] [1, 1, 1, 1] : tensor<1x2x64x64xf16> into tensor<4x2x64x64xf16>
    }
  }
  return %r : tensor<4x2x64x64xf16>
}

// -----

// FINAL-LABEL: llvm.func @dead(
// FINAL-NOT:     gpu.launch_func
// FINAL:         llvm.return
func.func @dead(%q: tensor<1x2x64x64xf16>, %k: tensor<1x2x64x64xf16>, %v: tensor<1x2x64x64xf16>) {
  %init = tensor.empty() : tensor<1x2x64x64xf16>
  %r = attn.attention ins(%q, %k, %v : tensor<1x2x64x64xf16>, tensor<1x2x64x64xf16>, tensor<1x2x64x64xf16>) outs(%init : tensor<1x2x64x64xf16>) -> tensor<1x2x64x64xf16>
  return
}
