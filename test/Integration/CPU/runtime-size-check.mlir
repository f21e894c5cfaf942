// Dynamic sizes the verifier accepts as compatible but that disagree at run
// time abort with a message naming the operands (cf.assert before the
// lowered op), instead of reading out of bounds; sizes that agree run. Here
// K has 6 keys and V 3. The message goes to stderr after stdout is flushed
// (attn-lower-asserts), so neither is lost with the abort even through a
// pipe.
// RUN: attn-opt %s -attn-cpu-pipeline | not --crash mlir-runner -e main -entry-point-result=void -shared-libs=%runner_libs 2>&1 | FileCheck %s
// RUN: attn-opt %s -attn-cpu-pipeline=flash=false | not --crash mlir-runner -e main -entry-point-result=void -shared-libs=%runner_libs 2>&1 | FileCheck %s

// CHECK: agreeing sizes run
// CHECK: [1.5, 1.5, 1.5, 1.5]
// CHECK: attn.attention at "{{.*}}runtime-size-check.mlir":[[@LINE+5]]:{{[0-9]+}}: the key lengths of 'key' and 'value' differ at run time
// CHECK-NOT: unreachable

func.func @attn(%q: tensor<1x1x2x4xf32>, %k: tensor<1x1x?x4xf32>, %v: tensor<1x1x?x4xf32>) -> tensor<1x1x2x4xf32> {
  %o = tensor.empty() : tensor<1x1x2x4xf32>
  %r = attn.attention ins(%q, %k, %v : tensor<1x1x2x4xf32>, tensor<1x1x?x4xf32>, tensor<1x1x?x4xf32>) outs(%o : tensor<1x1x2x4xf32>) -> tensor<1x1x2x4xf32>
  return %r : tensor<1x1x2x4xf32>
}

func.func private @printMemrefF32(tensor<*xf32>)

func.func @main() {
  %q = arith.constant dense<0.5> : tensor<1x1x2x4xf32>
  %k = arith.constant dense<0.25> : tensor<1x1x6x4xf32>
  %v = arith.constant dense<1.5> : tensor<1x1x6x4xf32>
  %v3 = arith.constant dense<1.5> : tensor<1x1x3x4xf32>
  %kd = tensor.cast %k : tensor<1x1x6x4xf32> to tensor<1x1x?x4xf32>
  %vd = tensor.cast %v : tensor<1x1x6x4xf32> to tensor<1x1x?x4xf32>
  %v3d = tensor.cast %v3 : tensor<1x1x3x4xf32> to tensor<1x1x?x4xf32>
  vector.print str "agreeing sizes run\n"
  %r = call @attn(%q, %kd, %vd) : (tensor<1x1x2x4xf32>, tensor<1x1x?x4xf32>, tensor<1x1x?x4xf32>) -> tensor<1x1x2x4xf32>
  %u = tensor.cast %r : tensor<1x1x2x4xf32> to tensor<*xf32>
  call @printMemrefF32(%u) : (tensor<*xf32>) -> ()
  %r2 = call @attn(%q, %kd, %v3d) : (tensor<1x1x2x4xf32>, tensor<1x1x?x4xf32>, tensor<1x1x?x4xf32>) -> tensor<1x1x2x4xf32>
  vector.print str "unreachable\n"
  %u2 = tensor.cast %r2 : tensor<1x1x2x4xf32> to tensor<*xf32>
  call @printMemrefF32(%u2) : (tensor<*xf32>) -> ()
  return
}
