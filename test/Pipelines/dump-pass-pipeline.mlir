// The pipelines as --dump-pass-pipeline prints them can be given back to
// --pass-pipeline (the start of a custom pipeline): every pass they run,
// attn-pipeline-check included, is registered, with its options.
// RUN: attn-opt %s -attn-cpu-pipeline --dump-pass-pipeline -o /dev/null 2> %t.cpu.dump
// RUN: %python -c "import sys; print(''.join(open(sys.argv[1]).read().splitlines()[1:]))" %t.cpu.dump > %t.cpu.pipeline
// RUN: FileCheck %s --check-prefix=DUMP --input-file %t.cpu.pipeline
// RUN: sh -c 'attn-opt "$0" --pass-pipeline="$(cat "$1")"' %s %t.cpu.pipeline | FileCheck %s --check-prefix=CPU
// RUN: attn-opt %s -attn-nvvm-pipeline=format=isa --dump-pass-pipeline -o /dev/null 2> %t.gpu.dump
// RUN: %python -c "import sys; print(''.join(open(sys.argv[1]).read().splitlines()[1:]))" %t.gpu.dump > %t.gpu.pipeline
// RUN: sh -c 'attn-opt "$0" --pass-pipeline="$(cat "$1")"' %s %t.gpu.pipeline | FileCheck %s --check-prefix=GPU --dump-input=never
// A bad option value: the check pass alone, with the message as an option.
// RUN: not attn-opt %s -attn-cpu-pipeline=query-tile=-3 --dump-pass-pipeline -o /dev/null 2>&1 | FileCheck %s --check-prefix=BADDUMP
// RUN: not attn-opt %s --pass-pipeline='builtin.module(attn-pipeline-check{error={query-tile and key-tile must be >= 0} pipeline=attn-cpu-pipeline warning=})' 2>&1 | FileCheck %s --check-prefix=BAD

// DUMP: builtin.module(  attn-pipeline-check{error= pipeline=attn-cpu-pipeline warning=},  attn-fuse-attention
// CPU: llvm.func @f(
// CPU-NOT: attn.attention
// GPU: llvm.func @f(
// GPU: gpu.binary @f_kernel
// BADDUMP: builtin.module(
// BADDUMP-NEXT: attn-pipeline-check{error={query-tile and key-tile must be >= 0} pipeline=attn-cpu-pipeline warning=}
// BAD: error: attn-cpu-pipeline: query-tile and key-tile must be >= 0

func.func @f(%q: tensor<1x2x8x16xf32>, %k: tensor<1x2x8x16xf32>, %v: tensor<1x2x8x16xf32>) -> tensor<1x2x8x16xf32> {
  %init = tensor.empty() : tensor<1x2x8x16xf32>
  %r = attn.attention ins(%q, %k, %v : tensor<1x2x8x16xf32>, tensor<1x2x8x16xf32>, tensor<1x2x8x16xf32>) outs(%init : tensor<1x2x8x16xf32>) -> tensor<1x2x8x16xf32>
  return %r : tensor<1x2x8x16xf32>
}
