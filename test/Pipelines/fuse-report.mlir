// fuse-report on the pipelines: a chain that looks like attention but is not
// raised gets attn-fuse-attention's remark, and the rest of the pipeline
// still compiles it unfused.
// RUN: attn-opt %s --pass-pipeline='builtin.module(attn-cpu-pipeline{fuse-report=true})' -verify-diagnostics -o /dev/null
// RUN: attn-opt %s --pass-pipeline='builtin.module(attn-nvvm-pipeline{fuse-report=true format=isa})' -verify-diagnostics -o /dev/null
// RUN: attn-opt %s --pass-pipeline='builtin.module(attn-cpu-pipeline)' 2>&1 | FileCheck %s --check-prefix=QUIET
// QUIET-NOT: remark: attn-fuse-attention

#q = affine_map<(b, h, i, j, d) -> (b, h, i, d)>
#k = affine_map<(b, h, i, j, d) -> (b, h, j, d)>
#s = affine_map<(b, h, i, j, d) -> (b, h, i, j)>
#p = affine_map<(b, h, i, e, j) -> (b, h, i, j)>
#v = affine_map<(b, h, i, e, j) -> (b, h, j, e)>
#o = affine_map<(b, h, i, e, j) -> (b, h, i, e)>
#id = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
// The attention probabilities are also returned: fusing would compute them twice.
func.func @probs_escape(%q: tensor<1x2x4x8xf32>, %k: tensor<1x2x6x8xf32>, %v: tensor<1x2x6x8xf32>) -> (tensor<1x2x4x8xf32>, tensor<1x2x4x6xf32>) {
  %zero = arith.constant 0.0 : f32
  %c = arith.constant 0.125 : f32
  %e = tensor.empty() : tensor<1x2x4x6xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<1x2x4x6xf32>) -> tensor<1x2x4x6xf32>
  %s = linalg.generic {indexing_maps = [#q, #k, #s], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%q, %k : tensor<1x2x4x8xf32>, tensor<1x2x6x8xf32>) outs(%f : tensor<1x2x4x6xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %m = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %m : f32
    linalg.yield %r : f32
  } -> tensor<1x2x4x6xf32>
  %ss = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%s : tensor<1x2x4x6xf32>) outs(%e : tensor<1x2x4x6xf32>) {
  ^bb0(%a: f32, %o: f32):
    %r = arith.mulf %a, %c : f32
    linalg.yield %r : f32
  } -> tensor<1x2x4x6xf32>
  %sm = linalg.softmax dimension(3) ins(%ss : tensor<1x2x4x6xf32>) outs(%e : tensor<1x2x4x6xf32>) -> tensor<1x2x4x6xf32>
  %eo = tensor.empty() : tensor<1x2x4x8xf32>
  %fo = linalg.fill ins(%zero : f32) outs(%eo : tensor<1x2x4x8xf32>) -> tensor<1x2x4x8xf32>
  // expected-remark @below {{attn-fuse-attention: not fused: an intermediate of the chain (linalg.softmax at}}
  %out = linalg.generic {indexing_maps = [#p, #v, #o], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%sm, %v : tensor<1x2x4x6xf32>, tensor<1x2x6x8xf32>) outs(%fo : tensor<1x2x4x8xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %m = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %m : f32
    linalg.yield %r : f32
  } -> tensor<1x2x4x8xf32>
  return %out, %sm : tensor<1x2x4x8xf32>, tensor<1x2x4x6xf32>
}

