// attn-gpu-fit-registers runs ptxas -v on each NVVM gpu.module and gives a
// kernel that spills nvvm.maxnreg at the most its CTA size allows (255 for
// 128 threads, 64 for 1024), unless it carries a register hint of its own;
// spills left are warnings. A stand-in ptxas (Inputs/fake-ptxas.py) makes the
// spills deterministic; nvvm-fit-registers.mlir runs the real one.
// RUN: rm -f %t.calls
// RUN: env FAKE_PTXAS_MODE=spill FAKE_PTXAS_CALLS=%t.calls attn-opt %s -attn-gpu-fit-registers=ptxas=%S/Inputs/fake-ptxas.py -split-input-file 2>%t.spill.err | FileCheck %s
// RUN: FileCheck %s --check-prefix=SPILL-WARN < %t.spill.err
// RUN: FileCheck %s --check-prefix=CALLS < %t.calls
// The warnings name the kernel's location only (no note printing the whole
// lowered kernel or module).
// RUN: env FAKE_PTXAS_MODE=always attn-opt %s -attn-gpu-fit-registers=ptxas=%S/Inputs/fake-ptxas.py -split-input-file 2>&1 >/dev/null | FileCheck %s --check-prefix=ALWAYS --implicit-check-not="current operation"
// At the ceiling (255 registers for 128 threads) a hint is not what limits
// the kernel.
// RUN: env FAKE_PTXAS_MODE=always FAKE_PTXAS_REGS=255 attn-opt %s -attn-gpu-fit-registers=ptxas=%S/Inputs/fake-ptxas.py -split-input-file 2>&1 >/dev/null | FileCheck %s --check-prefix=CEILING
// RUN: env FAKE_PTXAS_MODE=fail attn-opt %s -attn-gpu-fit-registers=ptxas=%S/Inputs/fake-ptxas.py -split-input-file 2>&1 | FileCheck %s --check-prefix=FAIL --implicit-check-not="current operation"
// A ptxas that cannot run: a warning, nothing changes. (With none found on
// PATH or in the CUDA toolkit the pass does nothing.)
// RUN: attn-opt %s -attn-gpu-fit-registers=ptxas=%t.missing -split-input-file 2>&1 | FileCheck %s --check-prefix=MISSING
// No temporary file for the PTX: a warning, nothing changes.
// RUN: env TMPDIR=%t.no-such-dir FAKE_PTXAS_MODE=spill attn-opt %s -attn-gpu-fit-registers=ptxas=%S/Inputs/fake-ptxas.py -split-input-file 2>&1 | FileCheck %s --check-prefix=NOTMP
// NOTMP: warning: attn-gpu-fit-registers: no temporary file; register caps not checked
// NOTMP-NOT: nvvm.maxnreg = 255

// The module's own attributes are kept (the PTX translation notes timings
// on it).
// CHECK-LABEL: gpu.module @two [#nvvm.target<chip = "sm_80">] attributes {attn.note = 1 : i64} {
// CHECK: llvm.func @k128() attributes {gpu.kernel, nvvm.kernel, nvvm.maxnreg = 255 : i32, nvvm.maxntid = array<i32: 128, 1, 1>}
// CHECK: llvm.func @k1024() attributes {gpu.kernel, nvvm.kernel, nvvm.maxnreg = 64 : i32, nvvm.maxntid = array<i32: 1024, 1, 1>}
// A function that is not a kernel gets nothing.
// CHECK: llvm.func @helper() {
// The second ptxas run checks the raised kernels: it sees their .maxnreg.
// CALLS: -arch=sm_80 --opt-level=2 -v -o /dev/null | k128: .maxntid 128, 1, 1 | k1024: .maxntid 1024, 1, 1
// CALLS-NEXT: -arch=sm_80 --opt-level=2 -v -o /dev/null | k128: .maxntid 128, 1, 1 .maxnreg 255 | k1024: .maxntid 1024, 1, 1 .maxnreg 64
// Kernels with a hint of their own or no CTA size are left alone (no second
// run); the target's chip, O and ptxas flags go to ptxas.
// CALLS-NEXT: -arch=sm_90a --opt-level=3 -v -o /dev/null | hinted: .maxntid 128, 1, 1 .minnctapersm 2 | unsized: {{$}}
// CALLS-NEXT: -arch=sm_80 --opt-level=2 -v --maxrregcount=64 -o /dev/null | limited: .maxntid 128, 1, 1{{$}}
// CALLS-NOT: {{.}}
// SPILL-WARN-NOT: warning
// SPILL-WARN: warning: attn-gpu-fit-registers: kernel 'unsized' spills 8 bytes (stores) and 8 bytes (loads) to local memory on sm_90a with 40 registers a thread (no CTA size declared)
// SPILL-WARN: warning: attn-gpu-fit-registers: kernel 'limited' spills {{.*}} under the kernel's own register hint
// SPILL-WARN-NOT: warning
// ALWAYS: warning: attn-gpu-fit-registers: kernel 'k128' spills 8 bytes (stores) and 8 bytes (loads) to local memory on sm_80 with 255 registers a thread with nvvm.maxnreg raised
// ALWAYS: warning: attn-gpu-fit-registers: kernel 'k1024' spills 8 bytes (stores) and 8 bytes (loads) to local memory on sm_80 with 64 registers a thread with nvvm.maxnreg raised
// ALWAYS: warning: attn-gpu-fit-registers: kernel 'hinted' spills 8 bytes (stores) and 8 bytes (loads) to local memory on sm_90a with 40 registers a thread under the kernel's own register hint
// ALWAYS: warning: attn-gpu-fit-registers: kernel 'unsized' spills
// ALWAYS: warning: attn-gpu-fit-registers: kernel 'limited' spills 8 bytes (stores) and 8 bytes (loads) to local memory on sm_80 with 40 registers a thread under the kernel's own register hint
// CEILING: warning: attn-gpu-fit-registers: kernel 'k128' spills 8 bytes (stores) and 8 bytes (loads) to local memory on sm_80 with 255 registers a thread at the most registers its CTA allows
// CEILING: warning: attn-gpu-fit-registers: kernel 'hinted' spills 8 bytes (stores) and 8 bytes (loads) to local memory on sm_90a with 255 registers a thread at the most registers its CTA allows
// FAIL: warning: attn-gpu-fit-registers: {{.*}}fake-ptxas.py -arch=sm_80 failed (exit code 1): ptxas fatal   : Unresolved extern function 'missing'; register caps not checked
// FAIL: warning: attn-gpu-fit-registers: {{.*}}fake-ptxas.py -arch=sm_90a failed
// FAIL: warning: attn-gpu-fit-registers: {{.*}}fake-ptxas.py -arch=sm_80 failed
// FAIL-NOT: maxnreg =
// MISSING: warning: attn-gpu-fit-registers: {{.*}}.missing -arch=sm_80 failed ({{.*}}No such file or directory); register caps not checked
// MISSING-NOT: maxnreg =

module attributes {gpu.container_module} {
  gpu.module @two [#nvvm.target<chip = "sm_80">] attributes {attn.note = 1} {
    llvm.func @k128() attributes {gpu.kernel, nvvm.kernel, nvvm.maxntid = array<i32: 128, 1, 1>} {
      llvm.call @helper() : () -> ()
      llvm.return
    }
    llvm.func @k1024() attributes {gpu.kernel, nvvm.kernel, nvvm.maxntid = array<i32: 1024, 1, 1>} {
      llvm.return
    }
    llvm.func @helper() {
      llvm.return
    }
  }
}

// -----

// CHECK-LABEL: gpu.module @hints
// CHECK: llvm.func @hinted() attributes {gpu.kernel, nvvm.kernel, nvvm.maxntid = array<i32: 128, 1, 1>, nvvm.minctasm = 2 : i32}
// CHECK: llvm.func @unsized() attributes {gpu.kernel, nvvm.kernel} {
module attributes {gpu.container_module} {
  gpu.module @hints [#nvvm.target<O = 3, chip = "sm_90a">] {
    llvm.func @hinted() attributes {gpu.kernel, nvvm.kernel, nvvm.maxntid = array<i32: 128, 1, 1>, nvvm.minctasm = 2 : i32} {
      llvm.return
    }
    llvm.func @unsized() attributes {gpu.kernel, nvvm.kernel} {
      llvm.return
    }
  }
}

// -----

// A register limit in the target's ptxas flags is the user's choice too.
// CHECK-LABEL: gpu.module @flags
// CHECK: llvm.func @limited() attributes {gpu.kernel, nvvm.kernel, nvvm.maxntid = array<i32: 128, 1, 1>} {
module attributes {gpu.container_module} {
  gpu.module @flags [#nvvm.target<chip = "sm_80", flags = {"ptxas-cmd-options" = ["--maxrregcount=64"]}>] {
    llvm.func @limited() attributes {gpu.kernel, nvvm.kernel, nvvm.maxntid = array<i32: 128, 1, 1>} {
      llvm.return
    }
  }
}
