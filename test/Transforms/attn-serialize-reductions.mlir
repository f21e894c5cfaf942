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

// What convert-scf-to-openmp matches only in one spelling, or lowers to
// invalid LLVM, runs as loops too: operands swapped (`%b, %a`), the same
// argument twice, a compare that is no min/max (`oeq`), an i1 `ori` (an
// llvm.atomicrmw on i1) and an index `addi` (an llvm.store of index). An
// i32 `ori` and an unsigned min stay parallel.

// CHECK-LABEL: func.func @not_for_openmp
// CHECK-NOT: scf.parallel
// CHECK-COUNT-5: scf.for
// CHECK-NOT: scf.parallel
// CHECK: return
func.func @not_for_openmp(%m: memref<16xf32>, %bits: memref<16xi1>, %idx: memref<16xindex>) -> (f32, f32, f32, i1, index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c16 = arith.constant 16 : index
  %zero = arith.constant 0.0 : f32
  %false = arith.constant false
  %r0 = scf.parallel (%i) = (%c0) to (%c16) step (%c1) init (%zero) -> f32 {
    %v = memref.load %m[%i] : memref<16xf32>
    scf.reduce(%v : f32) {
    ^bb0(%a: f32, %b: f32):
      %s = arith.addf %b, %a : f32
      scf.reduce.return %s : f32
    }
  }
  %r1 = scf.parallel (%i) = (%c0) to (%c16) step (%c1) init (%zero) -> f32 {
    %v = memref.load %m[%i] : memref<16xf32>
    scf.reduce(%v : f32) {
    ^bb0(%a: f32, %b: f32):
      %s = arith.addf %a, %a : f32
      scf.reduce.return %s : f32
    }
  }
  %r2 = scf.parallel (%i) = (%c0) to (%c16) step (%c1) init (%zero) -> f32 {
    %v = memref.load %m[%i] : memref<16xf32>
    scf.reduce(%v : f32) {
    ^bb0(%a: f32, %b: f32):
      %c = arith.cmpf oeq, %a, %b : f32
      %s = arith.select %c, %a, %b : f32
      scf.reduce.return %s : f32
    }
  }
  %r3 = scf.parallel (%i) = (%c0) to (%c16) step (%c1) init (%false) -> i1 {
    %v = memref.load %bits[%i] : memref<16xi1>
    scf.reduce(%v : i1) {
    ^bb0(%a: i1, %b: i1):
      %s = arith.ori %a, %b : i1
      scf.reduce.return %s : i1
    }
  }
  %r4 = scf.parallel (%i) = (%c0) to (%c16) step (%c1) init (%c0) -> index {
    %v = memref.load %idx[%i] : memref<16xindex>
    scf.reduce(%v : index) {
    ^bb0(%a: index, %b: index):
      %s = arith.addi %a, %b : index
      scf.reduce.return %s : index
    }
  }
  return %r0, %r1, %r2, %r3, %r4 : f32, f32, f32, i1, index
}

// CHECK-LABEL: func.func @for_openmp
// CHECK-COUNT-2: scf.parallel
// CHECK-NOT: scf.for
func.func @for_openmp(%m: memref<16xi32>) -> (i32, i32) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c16 = arith.constant 16 : index
  %z = arith.constant 0 : i32
  %r0 = scf.parallel (%i) = (%c0) to (%c16) step (%c1) init (%z) -> i32 {
    %v = memref.load %m[%i] : memref<16xi32>
    scf.reduce(%v : i32) {
    ^bb0(%a: i32, %b: i32):
      %s = arith.ori %a, %b : i32
      scf.reduce.return %s : i32
    }
  }
  %r1 = scf.parallel (%i) = (%c0) to (%c16) step (%c1) init (%z) -> i32 {
    %v = memref.load %m[%i] : memref<16xi32>
    scf.reduce(%v : i32) {
    ^bb0(%a: i32, %b: i32):
      %c = arith.cmpi ult, %a, %b : i32
      %s = arith.select %c, %b, %a : i32
      scf.reduce.return %s : i32
    }
  }
  return %r0, %r1 : i32, i32
}

// A combiner that returns an argument as it is (canonicalization's result
// for `select(a == b, a, b)`) runs as a loop, through an op returning it
// (upstream's rewrite crashed on the bare argument); so do an i128 `addi`
// and an f80 `addf` (llvm.atomicrmw takes neither).
// CHECK-LABEL: func.func @bare_and_wide
// CHECK-NOT: scf.parallel
// CHECK: scf.for
// CHECK: arith.select %{{.*}}, %{{.*}}, %{{.*}} : i32
// CHECK-COUNT-2: scf.for
// CHECK-NOT: scf.parallel
// CHECK: return
func.func @bare_and_wide(%m: memref<16xi128>, %f: memref<16xf80>) -> (i32, i128, f80) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c16 = arith.constant 16 : index
  %z = arith.constant 0 : i32
  %z128 = arith.constant 0 : i128
  %z80 = arith.constant 0.0 : f80
  %r0 = scf.parallel (%i) = (%c0) to (%c16) step (%c1) init (%z) -> i32 {
    %v = arith.index_cast %i : index to i32
    scf.reduce(%v : i32) {
    ^bb0(%a: i32, %b: i32):
      scf.reduce.return %b : i32
    }
  }
  %r1 = scf.parallel (%i) = (%c0) to (%c16) step (%c1) init (%z128) -> i128 {
    %v = memref.load %m[%i] : memref<16xi128>
    scf.reduce(%v : i128) {
    ^bb0(%a: i128, %b: i128):
      %s = arith.addi %a, %b : i128
      scf.reduce.return %s : i128
    }
  }
  %r2 = scf.parallel (%i) = (%c0) to (%c16) step (%c1) init (%z80) -> f80 {
    %v = memref.load %f[%i] : memref<16xf80>
    scf.reduce(%v : f80) {
    ^bb0(%a: f80, %b: f80):
      %s = arith.addf %a, %b : f80
      scf.reduce.return %s : f80
    }
  }
  return %r0, %r1, %r2 : i32, i128, f80
}

// A min over vector<2xindex> runs as a loop (convert-scf-to-openmp crashes
// on it).
// CHECK-LABEL: func.func @vector_index_min
// CHECK-NOT: scf.parallel
// CHECK: scf.for
func.func @vector_index_min(%m: memref<?xvector<2xindex>>, %n: index) -> vector<2xindex> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %z = arith.constant dense<0> : vector<2xindex>
  %r = scf.parallel (%i) = (%c0) to (%n) step (%c1) init (%z) -> vector<2xindex> {
    %x = memref.load %m[%i] : memref<?xvector<2xindex>>
    scf.reduce(%x : vector<2xindex>) {
    ^bb0(%a: vector<2xindex>, %b: vector<2xindex>):
      %c = arith.cmpi ult, %a, %b : vector<2xindex>
      %s = arith.select %c, %a, %b : vector<2xi1>, vector<2xindex>
      scf.reduce.return %s : vector<2xindex>
    }
  }
  return %r : vector<2xindex>
}
