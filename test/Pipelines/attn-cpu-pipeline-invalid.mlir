// attn-cpu-pipeline checks its option values before any pass runs: a value
// that could end or extend the textual pass options it is pasted into is an
// error naming the option (not an abort, never extra passes). Attention in a
// nested builtin.module, which the pipeline does not reach, is an error that
// says how to compile it.
// RUN: not attn-opt %s "--attn-cpu-pipeline=target-cpu='a b'" 2>&1 | FileCheck %s --check-prefix=CPU
// RUN: not attn-opt %s "--attn-cpu-pipeline=target-features='+fma},canonicalize{'" 2>&1 | FileCheck %s --check-prefix=FEATURES
// RUN: not attn-opt %s --attn-cpu-pipeline 2>&1 | FileCheck %s --check-prefix=NESTED
// RUN: not attn-opt %s --pass-pipeline='builtin.module(builtin.module(func.func(attn-cpu-pipeline)))' 2>&1 | FileCheck %s --check-prefix=ANCHOR
// RUN: not attn-opt %s --pass-pipeline='builtin.module(builtin.module(func.func(attn-nvvm-pipeline{chip=sm_90})))' 2>&1 | FileCheck %s --check-prefix=NVANCHOR
// RUN: attn-opt %s --pass-pipeline='builtin.module(builtin.module(attn-cpu-pipeline))' | FileCheck %s --check-prefix=INNER
// Target features must be +feature / -feature lists and the CPU one the
// host's back end knows (LLVM's target attributes would not re-parse, or
// code generation would ignore the CPU).
// RUN: not attn-opt %s --attn-set-target-cpu=features=avx2 2>&1 | FileCheck %s --check-prefix=SETFEAT
// RUN: not attn-opt %s --pass-pipeline='builtin.module(builtin.module(attn-cpu-pipeline{target-features=+avx2,fma}))' 2>&1 | FileCheck %s --check-prefix=PIPEFEAT
// RUN: not attn-opt %s --attn-set-target-cpu=cpu=znver99 2>&1 | FileCheck %s --check-prefix=SETCPU
// An unknown feature (LLVM would warn and ignore it when generating code).
// RUN: not attn-opt %s --attn-set-target-cpu="features=+avx2,-nosuch" 2>&1 | FileCheck %s --check-prefix=UNKNOWNFEAT
// UNKNOWNFEAT: error: attn-set-target-cpu: feature 'nosuch' is not one the {{.*}} back end knows
// RUN: not attn-opt %s --pass-pipeline='builtin.module(builtin.module(attn-cpu-pipeline{key-splits=2000}))' 2>&1 | FileCheck %s --check-prefix=SPLITS
// SPLITS: error: attn-cpu-pipeline: key-splits must be in [0, 1024], got 2000
// SETFEAT: error: attn-set-target-cpu: features must be a comma-separated list of +feature / -feature (or 'host'), got 'avx2'
// PIPEFEAT: error: attn-set-target-cpu: features must be a comma-separated list of +feature / -feature (or 'host'), got '+avx2,fma'
// SETCPU: error: attn-set-target-cpu: cpu 'znver99' is not a CPU the {{.*}} back end knows
// CPU: error: attn-cpu-pipeline: target-cpu 'a b' may only hold letters, digits and +-_.,
// FEATURES: error: attn-cpu-pipeline: target-features '+fma},canonicalize{' may only hold letters, digits and +-_.,
// NESTED: error: attn-cpu-pipeline: attn.attention inside a nested builtin.module is not compiled; run the pipeline on that module (e.g. builtin.module(builtin.module(attn-cpu-pipeline)))
// ANCHOR: error: attn-cpu-pipeline: must run on builtin.module, not nested under 'func.func'
// NVANCHOR: error: attn-nvvm-pipeline: must run on builtin.module, not nested under 'func.func'
// INNER: module @inner
// INNER: llvm.func @f(
// INNER-NOT: attn.attention

module {
  module @inner {
    func.func @f(%q: tensor<1x2x16x8xf32>, %k: tensor<1x2x16x8xf32>, %v: tensor<1x2x16x8xf32>, %o: tensor<1x2x16x8xf32>) -> tensor<1x2x16x8xf32> {
      %r = attn.attention ins(%q, %k, %v : tensor<1x2x16x8xf32>, tensor<1x2x16x8xf32>, tensor<1x2x16x8xf32>) outs(%o : tensor<1x2x16x8xf32>) causal = top_left -> tensor<1x2x16x8xf32>
      return %r : tensor<1x2x16x8xf32>
    }
  }
}
