// RUN: attn-opt %s -attn-serialize-reductions | FileCheck %s

// A reduction convert-scf-to-openmp cannot take (arith.maximumf) runs as an
// scf.for; one it takes (addf, or a compare and select) stays parallel.

// CHECK-LABEL: func.func @max_reduction
// CHECK-NOT: scf.parallel
// CHECK: scf.for {{.*}} iter_args
// CHECK: arith.maximumf
// CHECK: scf.yield
func.func @max_reduction(%m: memref<16xf32>) -> f32 {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c16 = arith.constant 16 : index
  %init = arith.constant 0xFF800000 : f32
  %r = scf.parallel (%i) = (%c0) to (%c16) step (%c1) init (%init) -> f32 {
    %v = memref.load %m[%i] : memref<16xf32>
    scf.reduce(%v : f32) {
    ^bb0(%a: f32, %b: f32):
      %s = arith.maximumf %a, %b : f32
      scf.reduce.return %s : f32
    }
  }
  return %r : f32
}

// CHECK-LABEL: func.func @sum_and_select_max
// CHECK: scf.parallel
// CHECK: scf.reduce
// CHECK-NOT: scf.for
func.func @sum_and_select_max(%m: memref<16xf32>) -> (f32, f32) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c16 = arith.constant 16 : index
  %zero = arith.constant 0.0 : f32
  %r:2 = scf.parallel (%i) = (%c0) to (%c16) step (%c1) init (%zero, %zero) -> (f32, f32) {
    %v = memref.load %m[%i] : memref<16xf32>
    scf.reduce(%v, %v : f32, f32) {
    ^bb0(%a: f32, %b: f32):
      %s = arith.addf %a, %b : f32
      scf.reduce.return %s : f32
    }, {
    ^bb0(%a: f32, %b: f32):
      %c = arith.cmpf ogt, %a, %b : f32
      %s = arith.select %c, %a, %b : f32
      scf.reduce.return %s : f32
    }
  }
  return %r#0, %r#1 : f32, f32
}
