// The GPU kernels put Hq on grid.y and B on grid.z, which CUDA caps at 65535
// blocks: a static B or Hq past that is an error at compile time rather than
// a launch that fails at run time.
// RUN: not attn-opt %s --pass-pipeline='builtin.module(attn-nvvm-pipeline{chip=sm_80 format=isa})' 2>&1 | FileCheck %s
// CHECK: error: attn-nvvm-pipeline: B = 100000 and Hq = 1 must each be at most 65535 (the kernel grid's z and y dimensions)
func.func @big_batch(%q: tensor<100000x1x16x64xf16>, %k: tensor<100000x1x16x64xf16>,
                     %v: tensor<100000x1x16x64xf16>, %o: tensor<100000x1x16x64xf16>) -> tensor<100000x1x16x64xf16> {
  %r = attn.attention ins(%q, %k, %v : tensor<100000x1x16x64xf16>, tensor<100000x1x16x64xf16>, tensor<100000x1x16x64xf16>)
       outs(%o : tensor<100000x1x16x64xf16>) -> tensor<100000x1x16x64xf16>
  return %r : tensor<100000x1x16x64xf16>
}
