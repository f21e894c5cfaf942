// Option errors of attn-nvvm-pipeline and its mapping pass are reported,
// naming the option and the value.
// RUN: not attn-opt %s --pass-pipeline='builtin.module(attn-nvvm-pipeline{warps=0})' 2>&1 | FileCheck %s --check-prefix=WARPS
// RUN: not attn-opt %s --pass-pipeline='builtin.module(attn-gpu-map-parallel{threads=2048})' 2>&1 | FileCheck %s --check-prefix=THREADS
// Values that would break the textual pipeline or the NVPTX back end are
// errors before any pass runs (no abort, no crash, no unusable output).
// RUN: not attn-opt %s --pass-pipeline='builtin.module(attn-nvvm-pipeline{chip= format=isa})' 2>&1 | FileCheck %s --check-prefix=NOCHIP
// RUN: not attn-opt %s --pass-pipeline='builtin.module(attn-nvvm-pipeline{chip=sm_abc})' 2>&1 | FileCheck %s --check-prefix=BADCHIP
// RUN: not attn-opt %s --pass-pipeline='builtin.module(attn-nvvm-pipeline{chip=sm_90f})' 2>&1 | FileCheck %s --check-prefix=UNKNOWN
// RUN: not attn-opt %s --pass-pipeline='builtin.module(attn-nvvm-pipeline{chip=sm_9999999999999})' 2>&1 | FileCheck %s --check-prefix=HUGECHIP
// RUN: not attn-opt %s --pass-pipeline='builtin.module(attn-nvvm-pipeline{chip=sm_90 format=zzz})' 2>&1 | FileCheck %s --check-prefix=FORMAT
// RUN: not attn-opt %s --pass-pipeline='builtin.module(attn-nvvm-pipeline{chip=sm_90 opt-level=-1})' 2>&1 | FileCheck %s --check-prefix=OPT
// RUN: not attn-opt %s "--attn-nvvm-pipeline=chip=sm_90 features='+ptx80 O=9'" 2>&1 | FileCheck %s --check-prefix=FEATURES
// A PTX version older than the chip needs (LLVM would abort in code
// generation); warps and mma-min-ctas out of range before any product of
// them can overflow; the error is not followed by a dump of the module.
// RUN: not attn-opt %s --pass-pipeline='builtin.module(attn-nvvm-pipeline{chip=sm_90a features=+ptx78})' 2>&1 | FileCheck %s --check-prefix=PTXVER
// RUN: not attn-opt %s --pass-pipeline='builtin.module(attn-nvvm-pipeline{chip=sm_100 features=+ptx85,+sm_100})' 2>&1 | FileCheck %s --check-prefix=PTXVER100
// RUN: not attn-opt %s --pass-pipeline='builtin.module(attn-nvvm-pipeline{warps=576460752303423492})' 2>&1 | FileCheck %s --check-prefix=HUGEWARPS
// RUN: not attn-opt %s --pass-pipeline='builtin.module(attn-nvvm-pipeline{mma-min-ctas=-1})' 2>&1 | FileCheck %s --check-prefix=MINCTAS
// RUN: not attn-opt %s --pass-pipeline='builtin.module(attn-gpu-mma-attention{max-smem=0})' 2>&1 | FileCheck %s --check-prefix=SMEM
// A key tile beyond 32 bits is reported as given, not truncated.
// RUN: not attn-opt %s --pass-pipeline='builtin.module(attn-nvvm-pipeline{key-tile=4294967360})' 2>&1 | FileCheck %s --check-prefix=KEYTILE
// KEYTILE: error: attn-tile-attention: tile sizes must be in [0, 16777216] (0 = heuristic), got query-tile=1 key-tile=4294967360
// NOCHIP: error: attn-nvvm-pipeline: chip '' is not an NVPTX architecture LLVM knows (sm_80, sm_90, sm_90a, ...)
// BADCHIP: error: attn-nvvm-pipeline: chip 'sm_abc' is not an NVPTX architecture
// UNKNOWN-NOT: not a recognized processor
// UNKNOWN: error: attn-nvvm-pipeline: chip 'sm_90f' is not an NVPTX architecture
// UNKNOWN-NOT: not a recognized processor
// HUGECHIP: error: attn-nvvm-pipeline: chip 'sm_9999999999999' is not an NVPTX architecture
// FORMAT: error: attn-nvvm-pipeline: format 'zzz' is not one of fatbin, bin, isa, llvm, offloading
// OPT: error: attn-nvvm-pipeline: opt-level must be in [0, 3], got -1
// FEATURES: error: attn-nvvm-pipeline: features '+ptx80 O=9' may only hold letters, digits and +-_.,
// WARPS: error: attn-nvvm-pipeline: warps must be in [1, 32] (32 x warps threads per CTA, at most 1024), got 0
// WARPS-NOT: func.func
// PTXVER: error: attn-nvvm-pipeline: chip sm_90a needs PTX ISA 8.0 or newer, but features '+ptx78' asks for 7.8: pass features=+ptx80
// PTXVER100: error: attn-nvvm-pipeline: chip sm_100 needs PTX ISA 8.6 or newer, but features '+ptx85,+sm_100' asks for 8.5: pass features=+ptx86
// HUGEWARPS: error: attn-nvvm-pipeline: warps must be in [1, 32] (32 x warps threads per CTA, at most 1024), got 576460752303423492
// MINCTAS: error: attn-nvvm-pipeline: mma-min-ctas must be in [0, 32], got -1
// SMEM: error: attn-gpu-mma-attention: max-smem must be a byte count in [1024, 2^30], got 0
// SMEM-NOT: func.func
// THREADS: attn-gpu-map-parallel: threads (32 x warps in attn-nvvm-pipeline) must be in [1, 1024], got 2048

func.func @f() {
  return
}
