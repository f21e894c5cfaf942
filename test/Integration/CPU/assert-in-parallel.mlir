// A program's own cf.assert that fails inside a parallel loop (an OpenMP
// worksharing loop's body under the default pipeline): the output printed
// before it and the message both survive the abort, through a pipe, with
// OpenMP on and off (the assert used to be left to upstream's lowering
// inside OpenMP regions, which printed nothing).
// RUN: attn-opt %s -attn-cpu-pipeline | not --crash mlir-runner -e main -entry-point-result=void -shared-libs=%runner_libs 2>&1 | FileCheck %s
// RUN: attn-opt %s -attn-cpu-pipeline=openmp=false | not --crash mlir-runner -e main -entry-point-result=void -shared-libs=%runner_libs 2>&1 | FileCheck %s
// CHECK: 42
// CHECK: parallel assert failed
// CHECK-NOT: {{^}}43{{$}}
func.func @main() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c7 = arith.constant 7 : index
  %c10 = arith.constant 10 : index
  %f = arith.constant 42.0 : f32
  vector.print %f : f32
  scf.parallel (%i) = (%c0) to (%c10) step (%c1) {
    %ok = arith.cmpi ne, %i, %c7 : index
    cf.assert %ok, "parallel assert failed"
    scf.reduce
  }
  %g = arith.constant 43.0 : f32
  vector.print %g : f32
  return
}
