// Option errors of attn-nvvm-pipeline and its mapping pass are reported,
// naming the option and the value.
// RUN: not attn-opt %s --pass-pipeline='builtin.module(attn-nvvm-pipeline{warps=0})' 2>&1 | FileCheck %s --check-prefix=WARPS
// RUN: not attn-opt %s --pass-pipeline='builtin.module(attn-gpu-map-parallel{threads=2048})' 2>&1 | FileCheck %s --check-prefix=THREADS
// Values that would break the textual pipeline or the NVPTX back end are
// errors before any pass runs (no abort, no crash, no unusable output).
// RUN: not attn-opt %s --pass-pipeline='builtin.module(attn-nvvm-pipeline{chip= format=isa})' 2>&1 | FileCheck %s --check-prefix=NOCHIP
// RUN: not attn-opt %s --pass-pipeline='builtin.module(attn-nvvm-pipeline{chip=sm_abc})' 2>&1 | FileCheck %s --check-prefix=BADCHIP
// RUN: not attn-opt %s --pass-pipeline='builtin.module(attn-nvvm-pipeline{chip=sm_9999999999999})' 2>&1 | FileCheck %s --check-prefix=HUGECHIP
// RUN: not attn-opt %s --pass-pipeline='builtin.module(attn-nvvm-pipeline{chip=sm_90 format=zzz})' 2>&1 | FileCheck %s --check-prefix=FORMAT
// RUN: not attn-opt %s --pass-pipeline='builtin.module(attn-nvvm-pipeline{chip=sm_90 opt-level=-1})' 2>&1 | FileCheck %s --check-prefix=OPT
// RUN: not attn-opt %s "--attn-nvvm-pipeline=chip=sm_90 features='+ptx80 O=9'" 2>&1 | FileCheck %s --check-prefix=FEATURES
// NOCHIP: error: attn-nvvm-pipeline: chip '' is not an NVPTX architecture LLVM knows (sm_80, sm_90, sm_90a, ...)
// BADCHIP: error: attn-nvvm-pipeline: chip 'sm_abc' is not an NVPTX architecture
// HUGECHIP: error: attn-nvvm-pipeline: chip 'sm_9999999999999' is not an NVPTX architecture
// FORMAT: error: attn-nvvm-pipeline: format 'zzz' is not one of fatbin, bin, isa, llvm, offloading
// OPT: error: attn-nvvm-pipeline: opt-level must be in [0, 3], got -1
// FEATURES: error: attn-nvvm-pipeline: features '+ptx80 O=9' may only hold letters, digits and +-_.,
// WARPS: attn-gpu-map-parallel: threads (32 x warps in attn-nvvm-pipeline) must be in [1, 1024], got 0
// THREADS: attn-gpu-map-parallel: threads (32 x warps in attn-nvvm-pipeline) must be in [1, 1024], got 2048

func.func @f() {
  return
}
