// Option errors of attn-nvvm-pipeline and its mapping pass are reported,
// naming the option and the value.
// RUN: not attn-opt %s --pass-pipeline='builtin.module(attn-nvvm-pipeline{warps=0})' 2>&1 | FileCheck %s --check-prefix=WARPS
// RUN: not attn-opt %s --pass-pipeline='builtin.module(attn-gpu-map-parallel{threads=2048})' 2>&1 | FileCheck %s --check-prefix=THREADS
// WARPS: attn-gpu-map-parallel: threads (32 x warps in attn-nvvm-pipeline) must be in [1, 1024], got 0
// THREADS: attn-gpu-map-parallel: threads (32 x warps in attn-nvvm-pipeline) must be in [1, 1024], got 2048

func.func @f() {
  return
}
