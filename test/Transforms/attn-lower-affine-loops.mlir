// RUN: attn-opt %s -attn-lower-affine-loops | FileCheck %s

// Loops, conditionals and accesses become scf and memref (inside an scf.for
// an affine.load's indices would no longer be valid affine dims);
// affine.apply and affine.min stay for the passes that read their bounds.
// CHECK-LABEL: func.func @accesses
// CHECK: scf.for %[[I:.*]] =
// CHECK: affine.min
// CHECK: memref.load
// CHECK: scf.if
// CHECK: memref.store
// CHECK: scf.parallel
// CHECK: vector.load
// CHECK: vector.store
// CHECK-NOT: affine.load
// CHECK-NOT: affine.store
// CHECK-NOT: affine.for
// CHECK-NOT: affine.if
// CHECK-NOT: affine.parallel
// CHECK-NOT: affine.vector_load
func.func @accesses(%m: memref<16xf32>, %n: index) {
  affine.for %i = 0 to 16 {
    %b = affine.min affine_map<(d0)[s0] -> (d0 + 4, s0)>(%i)[%n]
    %v = affine.load %m[%i] : memref<16xf32>
    affine.if affine_set<(d0) : (d0 - 3 >= 0)>(%i) {
      %w = arith.addf %v, %v : f32
      affine.store %w, %m[%i] : memref<16xf32>
    }
  }
  affine.parallel (%j) = (0) to (4) {
    %x = affine.vector_load %m[%j * 4] : memref<16xf32>, vector<4xf32>
    affine.vector_store %x, %m[%j * 4] : memref<16xf32>, vector<4xf32>
  }
  return
}

// Nothing affine but apply: left alone.
// CHECK-LABEL: func.func @apply_only
// CHECK: affine.apply
func.func @apply_only(%i: index) -> index {
  %r = affine.apply affine_map<(d0) -> (d0 * 2)>(%i)
  return %r : index
}
