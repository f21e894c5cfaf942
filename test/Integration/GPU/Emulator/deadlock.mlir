// A warp collective that some lanes of the warp never reach hangs or is
// undefined on a GPU; the emulator reports it (the CTA, and what each lane of
// the warp waits in) and ends the program instead of computing something.
// Here lanes 0-15 shuffle and lanes 16-31 exit; then a barrier that one warp
// of two never reaches.
// RUN: attn-opt %s --pass-pipeline='builtin.module(gpu-kernel-outlining,attn-gpu-emulate,convert-scf-to-cf,finalize-memref-to-llvm,convert-to-llvm,reconcile-unrealized-casts,attn-gpu-emulate-launchers)' -o %t.mlir
// RUN: not mlir-runner %t.mlir -e shuffle -entry-point-result=void -shared-libs=%runner_libs,%attn_gpu_emulator 2>&1 | FileCheck %s --check-prefix=SHFL
// RUN: not mlir-runner %t.mlir -e barrier -entry-point-result=void -shared-libs=%runner_libs,%attn_gpu_emulator 2>&1 | FileCheck %s --check-prefix=BAR

// SHFL: attn-gpu-emulator: deadlock in CTA (1, 0, 0):
// SHFL-NEXT: warp 0: 0:shfl 1:shfl {{.*}} 15:shfl 16:exited {{.*}} 31:exited
// BAR: attn-gpu-emulator: deadlock in CTA (0, 0, 0):
// BAR-NEXT: warp 0: all bar.sync
// BAR-NEXT: warp 1: all exited

module attributes {gpu.container_module} {
  func.func @shuffle() {
    %c1 = arith.constant 1 : index
    %c2 = arith.constant 2 : index
    %c32 = arith.constant 32 : index
    gpu.launch blocks(%bx, %by, %bz) in (%gx = %c2, %gy = %c1, %gz = %c1)
               threads(%tx, %ty, %tz) in (%sx = %c32, %sy = %c1, %sz = %c1) {
      %c0 = arith.constant 0 : index
      %c16 = arith.constant 16 : index
      %lo = arith.cmpi ult, %tx, %c16 : index
      // The first CTA has every lane shuffle; the second only half of them.
      %first = arith.cmpi eq, %bx, %c0 : index
      %cond = arith.ori %first, %lo : i1
      scf.if %cond {
        %v = arith.constant 1.0 : f32
        %o = arith.constant 1 : i32
        %w = arith.constant 32 : i32
        %r, %ok = gpu.shuffle xor %v, %o, %w : f32
      }
      gpu.terminator
    }
    return
  }

  func.func @barrier() {
    %c1 = arith.constant 1 : index
    %c64 = arith.constant 64 : index
    gpu.launch blocks(%bx, %by, %bz) in (%gx = %c1, %gy = %c1, %gz = %c1)
               threads(%tx, %ty, %tz) in (%sx = %c64, %sy = %c1, %sz = %c1) {
      %c32 = arith.constant 32 : index
      %lo = arith.cmpi ult, %tx, %c32 : index
      scf.if %lo {
        gpu.barrier
      }
      gpu.terminator
    }
    return
  }
}
