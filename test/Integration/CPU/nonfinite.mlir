// Non-finite inputs propagate as IEEE arithmetic does, in every pipeline:
// an inf in Q makes that row's scores +-inf, so its max is inf and
// exp(inf - inf) is NaN: the row prints NaN (it used to print 0 on the flash
// path, where the polynomial exp's underflow test took NaN for "below -87").
// A NaN in V poisons the column of the rows that weigh its key (here all,
// causal included: key 0 is visible to every row); a NaN in Q its row. The flash pipeline (fast exp,
// OpenMP) and the reference lowering (math.exp) must print NaN in the same
// places, and the same numbers elsewhere.
// RUN: attn-opt %s -attn-cpu-pipeline | mlir-runner -e main -entry-point-result=void -shared-libs=%runner_libs > %t.flash
// RUN: attn-opt %s -attn-cpu-pipeline="flash=false openmp=false" | mlir-runner -e main -entry-point-result=void -shared-libs=%runner_libs > %t.ref
// RUN: attn-opt %s -attn-cpu-pipeline="vectorize=false" | mlir-runner -e main -entry-point-result=void -shared-libs=%runner_libs > %t.scalar
// RUN: %python %attn_src/test/lib/compare_outputs.py %t.ref %t.flash --rtol 1e-4 --atol 1e-5
// RUN: %python %attn_src/test/lib/compare_outputs.py %t.ref %t.scalar --rtol 1e-4 --atol 1e-5
// RUN: FileCheck %s --input-file %t.flash
// The inf in Q (head 0, row 3): that row is NaN, no other.
// CHECK: sizes = [1, 4, 16, 8]
// CHECK-NEXT: {{^\[\[\[\[([-0-9.e]+, +){7}[-0-9.e]+\],}}
// CHECK-NEXT: {{^ +\[([-0-9.e]+, +){7}[-0-9.e]+\],}}
// CHECK-NEXT: {{^ +\[([-0-9.e]+, +){7}[-0-9.e]+\],}}
// CHECK-NEXT: {{^ +\[(-?nan, +){7}-?nan\],}}
// CHECK-NEXT: {{^ +\[([-0-9.e]+, +){7}[-0-9.e]+\],}}
// CHECK-NOT: nan
// The NaN in V (K/V head 1, key 0, column 3): column 3 of the rows of
// query heads 2 and 3, which read K/V head 1, is NaN.
// CHECK: sizes = [1, 4, 16, 8]
// CHECK-COUNT-32: {{^[ \[]*([-0-9.e]+, +){7}[-0-9.e]+\]}}
// CHECK-COUNT-32: {{^ +\[+([-0-9.e]+, +){3}-?nan, +([-0-9.e]+, +){3}[-0-9.e]+\]}}
// A NaN in Q (head 1, row 5): its scores are NaN (the vectorised row max,
// a compare and select, drops them, but exp(NaN - max) is NaN): that row is
// NaN, no other.
// CHECK: sizes = [1, 4, 16, 8]
// CHECK-COUNT-21: {{^[ \[]*([-0-9.e]+, +){7}[-0-9.e]+\]}}
// CHECK-NEXT: {{^ +\[(-?nan, +){7}-?nan\],}}
// CHECK-NOT: nan

#id4 = affine_map<(b, h, s, d) -> (b, h, s, d)>

// Fills `t` with sin(0.37 b + 1.3 h + 0.71 s + 0.113 d + seed).
func.func @fill(%t: tensor<?x?x?x?xf32>, %seed: f32) -> tensor<?x?x?x?xf32> {
  %r = linalg.generic {indexing_maps = [#id4],
                       iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      outs(%t : tensor<?x?x?x?xf32>) {
  ^bb0(%o: f32):
    %i0 = linalg.index 0 : index
    %i1 = linalg.index 1 : index
    %i2 = linalg.index 2 : index
    %i3 = linalg.index 3 : index
    %a0 = arith.index_cast %i0 : index to i64
    %a1 = arith.index_cast %i1 : index to i64
    %a2 = arith.index_cast %i2 : index to i64
    %a3 = arith.index_cast %i3 : index to i64
    %f0 = arith.sitofp %a0 : i64 to f32
    %f1 = arith.sitofp %a1 : i64 to f32
    %f2 = arith.sitofp %a2 : i64 to f32
    %f3 = arith.sitofp %a3 : i64 to f32
    %c0 = arith.constant 0.37 : f32
    %c1 = arith.constant 1.3 : f32
    %c2 = arith.constant 0.71 : f32
    %c3 = arith.constant 0.113 : f32
    %m0 = arith.mulf %f0, %c0 : f32
    %m1 = arith.mulf %f1, %c1 : f32
    %m2 = arith.mulf %f2, %c2 : f32
    %m3 = arith.mulf %f3, %c3 : f32
    %s0 = arith.addf %m0, %m1 : f32
    %s1 = arith.addf %m2, %m3 : f32
    %s2 = arith.addf %s0, %s1 : f32
    %s3 = arith.addf %s2, %seed : f32
    %v = math.sin %s3 : f32
    linalg.yield %v : f32
  } -> tensor<?x?x?x?xf32>
  return %r : tensor<?x?x?x?xf32>
}

// The attention itself: 4 query heads share 2 K/V heads; scale defaults to
// 1/sqrt(D).
func.func @attention(%q: tensor<1x4x16x8xf32>, %k: tensor<1x2x16x8xf32>,
                     %v: tensor<1x2x16x8xf32>) -> tensor<1x4x16x8xf32> {
  %init = tensor.empty() : tensor<1x4x16x8xf32>
  %out = attn.attention
      ins(%q, %k, %v : tensor<1x4x16x8xf32>, tensor<1x2x16x8xf32>,
                       tensor<1x2x16x8xf32>)
      outs(%init : tensor<1x4x16x8xf32>)
      causal = top_left -> tensor<1x4x16x8xf32>
  return %out : tensor<1x4x16x8xf32>
}

func.func private @printMemrefF32(tensor<*xf32>)

func.func @main() {
  %eq = tensor.empty() : tensor<1x4x16x8xf32>
  %ek = tensor.empty() : tensor<1x2x16x8xf32>
  %ev = tensor.empty() : tensor<1x2x16x8xf32>
  %dq = tensor.cast %eq : tensor<1x4x16x8xf32> to tensor<?x?x?x?xf32>
  %dk = tensor.cast %ek : tensor<1x2x16x8xf32> to tensor<?x?x?x?xf32>
  %dv = tensor.cast %ev : tensor<1x2x16x8xf32> to tensor<?x?x?x?xf32>
  %sq = arith.constant 0.3 : f32
  %sk = arith.constant 1.7 : f32
  %sv = arith.constant 2.9 : f32
  %fq = call @fill(%dq, %sq) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %fk = call @fill(%dk, %sk) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %fv = call @fill(%dv, %sv) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %q = tensor.cast %fq : tensor<?x?x?x?xf32> to tensor<1x4x16x8xf32>
  %k = tensor.cast %fk : tensor<?x?x?x?xf32> to tensor<1x2x16x8xf32>
  %v = tensor.cast %fv : tensor<?x?x?x?xf32> to tensor<1x2x16x8xf32>
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c3 = arith.constant 3 : index
  %inf = arith.constant 0x7F800000 : f32
  %nan = arith.constant 0x7FC00000 : f32
  %qi = tensor.insert %inf into %q[%c0, %c0, %c3, %c0] : tensor<1x4x16x8xf32>
  %o1 = call @attention(%qi, %k, %v)
      : (tensor<1x4x16x8xf32>, tensor<1x2x16x8xf32>, tensor<1x2x16x8xf32>)
      -> tensor<1x4x16x8xf32>
  %u1 = tensor.cast %o1 : tensor<1x4x16x8xf32> to tensor<*xf32>
  call @printMemrefF32(%u1) : (tensor<*xf32>) -> ()
  %vn = tensor.insert %nan into %v[%c0, %c1, %c0, %c3] : tensor<1x2x16x8xf32>
  %o2 = call @attention(%q, %k, %vn)
      : (tensor<1x4x16x8xf32>, tensor<1x2x16x8xf32>, tensor<1x2x16x8xf32>)
      -> tensor<1x4x16x8xf32>
  %u2 = tensor.cast %o2 : tensor<1x4x16x8xf32> to tensor<*xf32>
  call @printMemrefF32(%u2) : (tensor<*xf32>) -> ()
  %c5 = arith.constant 5 : index
  %qn = tensor.insert %nan into %q[%c0, %c1, %c5, %c3] : tensor<1x4x16x8xf32>
  %o3 = call @attention(%qn, %k, %v)
      : (tensor<1x4x16x8xf32>, tensor<1x2x16x8xf32>, tensor<1x2x16x8xf32>)
      -> tensor<1x4x16x8xf32>
  %u3 = tensor.cast %o3 : tensor<1x4x16x8xf32> to tensor<*xf32>
  call @printMemrefF32(%u3) : (tensor<*xf32>) -> ()
  return
}
