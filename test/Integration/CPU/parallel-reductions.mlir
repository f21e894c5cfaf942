// A program's own scf.parallel reductions in the spellings
// convert-scf-to-openmp does not take, or lowers to invalid LLVM (operands
// swapped, a compare that is no min/max, i1 `ori`, index `addi`): they run
// as loops (attn-serialize-reductions) with OpenMP on and print what they
// print without it; an i32 `ori` and an unsigned max run under OpenMP.
// RUN: attn-opt %s -attn-cpu-pipeline | mlir-runner -e main -entry-point-result=void -shared-libs=%runner_libs | FileCheck %s
// RUN: attn-opt %s -attn-cpu-pipeline="openmp=false" | mlir-runner -e main -entry-point-result=void -shared-libs=%runner_libs | FileCheck %s
// CHECK: {{^}}28{{$}}
// CHECK-NEXT: {{^}}5{{$}}
// CHECK-NEXT: {{^}}1{{$}}
// CHECK-NEXT: {{^}}0{{$}}
// CHECK-NEXT: {{^}}91{{$}}
// CHECK-NEXT: {{^}}15{{$}}
// CHECK-NEXT: {{^}}13{{$}}
// CHECK-NEXT: {{^}}13{{$}}
func.func @main() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c3 = arith.constant 3 : index
  %c8 = arith.constant 8 : index
  %c14 = arith.constant 14 : index
  %z = arith.constant 0.0 : f32
  // 0 + 1 + ... + 7, combined as `b + a`.
  %r0 = scf.parallel (%i) = (%c0) to (%c8) step (%c1) init (%z) -> f32 {
    %ii = arith.index_cast %i : index to i32
    %f = arith.sitofp %ii : i32 to f32
    scf.reduce(%f : f32) {
    ^bb0(%a: f32, %b: f32):
      %s = arith.addf %b, %a : f32
      scf.reduce.return %s : f32
    }
  }
  vector.print %r0 : f32
  // Keeps the running value while equal to 5, else the new one: every
  // element is 5.
  %five = arith.constant 5.0 : f32
  %r1 = scf.parallel (%i) = (%c0) to (%c8) step (%c1) init (%five) -> f32 {
    scf.reduce(%five : f32) {
    ^bb0(%a: f32, %b: f32):
      %c = arith.cmpf oeq, %a, %b : f32
      %s = arith.select %c, %a, %b : f32
      scf.reduce.return %s : f32
    }
  }
  vector.print %r1 : f32
  // Whether any i is 3, then whether any i is 99 (i1 `ori`).
  %false = arith.constant false
  %r2 = scf.parallel (%i) = (%c0) to (%c8) step (%c1) init (%false) -> i1 {
    %e = arith.cmpi eq, %i, %c3 : index
    scf.reduce(%e : i1) {
    ^bb0(%a: i1, %b: i1):
      %s = arith.ori %a, %b : i1
      scf.reduce.return %s : i1
    }
  }
  vector.print %r2 : i1
  %c99 = arith.constant 99 : index
  %r3 = scf.parallel (%i) = (%c0) to (%c8) step (%c1) init (%false) -> i1 {
    %e = arith.cmpi eq, %i, %c99 : index
    scf.reduce(%e : i1) {
    ^bb0(%a: i1, %b: i1):
      %s = arith.ori %a, %b : i1
      scf.reduce.return %s : i1
    }
  }
  vector.print %r3 : i1
  // 0 + 1 + ... + 13 in index.
  %r4 = scf.parallel (%i) = (%c0) to (%c14) step (%c1) init (%c0) -> index {
    scf.reduce(%i : index) {
    ^bb0(%a: index, %b: index):
      %s = arith.addi %a, %b : index
      scf.reduce.return %s : index
    }
  }
  vector.print %r4 : index
  // OpenMP-able: the or of i in i32 (15), the unsigned max of i (13).
  %z32 = arith.constant 0 : i32
  %r5 = scf.parallel (%i) = (%c0) to (%c14) step (%c1) init (%z32) -> i32 {
    %ii = arith.index_cast %i : index to i32
    scf.reduce(%ii : i32) {
    ^bb0(%a: i32, %b: i32):
      %s = arith.ori %a, %b : i32
      scf.reduce.return %s : i32
    }
  }
  vector.print %r5 : i32
  %r6 = scf.parallel (%i) = (%c0) to (%c14) step (%c1) init (%z32) -> i32 {
    %ii = arith.index_cast %i : index to i32
    scf.reduce(%ii : i32) {
    ^bb0(%a: i32, %b: i32):
      %c = arith.cmpi ugt, %a, %b : i32
      %s = arith.select %c, %a, %b : i32
      scf.reduce.return %s : i32
    }
  }
  vector.print %r6 : i32
  // A combiner that returns its new value as it is: some i (run as a loop:
  // the last, 13).
  %r7 = scf.parallel (%i) = (%c0) to (%c14) step (%c1) init (%z32) -> i32 {
    %ii = arith.index_cast %i : index to i32
    scf.reduce(%ii : i32) {
    ^bb0(%a: i32, %b: i32):
      scf.reduce.return %b : i32
    }
  }
  vector.print %r7 : i32
  return
}
