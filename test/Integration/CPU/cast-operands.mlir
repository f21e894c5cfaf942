// Operands cast from static to dynamic shapes (BSHD and BHSD, a mask and
// causal): the reference lowering (flash=false) used to build an init whose
// sizes stayed dynamic while its result type was static, which did not
// verify (found by a crash hunt). Every pipeline must print the same numbers.
// RUN: attn-opt %s -attn-cpu-pipeline | mlir-runner -e main -entry-point-result=void -shared-libs=%runner_libs > %t.flash
// RUN: attn-opt %s -attn-cpu-pipeline="flash=false openmp=false" | mlir-runner -e main -entry-point-result=void -shared-libs=%runner_libs > %t.ref
// RUN: %python %attn_src/test/lib/compare_outputs.py %t.ref %t.flash --rtol 1.0e-4 --atol 1.0e-5
// RUN: FileCheck %s --input-file %t.ref
// CHECK-COUNT-2: sizes = [2, 11, 3, 16]
// CHECK: sizes = [2, 3, 11, 16]

func.func @bshd(%qs: tensor<2x11x3x16xf32>, %ks: tensor<2x13x3x16xf32>, %vs: tensor<2x13x3x16xf32>, %b: index, %s: index) -> tensor<?x?x3x16xf32> {
  %q = tensor.cast %qs : tensor<2x11x3x16xf32> to tensor<?x?x3x16xf32>
  %k = tensor.cast %ks : tensor<2x13x3x16xf32> to tensor<?x?x3x16xf32>
  %v = tensor.cast %vs : tensor<2x13x3x16xf32> to tensor<?x?x3x16xf32>
  %e = tensor.empty(%b, %s) : tensor<?x?x3x16xf32>
  %o = attn.attention ins(%q, %k, %v : tensor<?x?x3x16xf32>, tensor<?x?x3x16xf32>, tensor<?x?x3x16xf32>) outs(%e : tensor<?x?x3x16xf32>) layout = bshd -> tensor<?x?x3x16xf32>
  return %o : tensor<?x?x3x16xf32>
}

func.func @bshd_causal_mask(%qs: tensor<2x11x3x16xf32>, %ks: tensor<2x13x3x16xf32>, %vs: tensor<2x13x3x16xf32>, %ms: tensor<2x1x11x13xi1>, %b: index, %s: index) -> tensor<?x?x3x16xf32> {
  %q = tensor.cast %qs : tensor<2x11x3x16xf32> to tensor<?x?x3x16xf32>
  %k = tensor.cast %ks : tensor<2x13x3x16xf32> to tensor<?x?x3x16xf32>
  %v = tensor.cast %vs : tensor<2x13x3x16xf32> to tensor<?x?x3x16xf32>
  %m = tensor.cast %ms : tensor<2x1x11x13xi1> to tensor<?x1x?x?xi1>
  %e = tensor.empty(%b, %s) : tensor<?x?x3x16xf32>
  %o = attn.attention ins(%q, %k, %v : tensor<?x?x3x16xf32>, tensor<?x?x3x16xf32>, tensor<?x?x3x16xf32>) mask(%m : tensor<?x1x?x?xi1>) outs(%e : tensor<?x?x3x16xf32>) causal = bottom_right layout = bshd -> tensor<?x?x3x16xf32>
  return %o : tensor<?x?x3x16xf32>
}

func.func @bhsd(%qs: tensor<2x3x11x16xf32>, %ks: tensor<2x3x13x16xf32>, %vs: tensor<2x3x13x16xf32>, %b: index, %s: index) -> tensor<?x3x?x16xf32> {
  %q = tensor.cast %qs : tensor<2x3x11x16xf32> to tensor<?x3x?x16xf32>
  %k = tensor.cast %ks : tensor<2x3x13x16xf32> to tensor<?x3x?x16xf32>
  %v = tensor.cast %vs : tensor<2x3x13x16xf32> to tensor<?x3x?x16xf32>
  %e = tensor.empty(%b, %s) : tensor<?x3x?x16xf32>
  %o = attn.attention ins(%q, %k, %v : tensor<?x3x?x16xf32>, tensor<?x3x?x16xf32>, tensor<?x3x?x16xf32>) outs(%e : tensor<?x3x?x16xf32>) -> tensor<?x3x?x16xf32>
  return %o : tensor<?x3x?x16xf32>
}

#id = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>

func.func @fill(%t: tensor<?x?x?x?xf32>, %seed: f32) -> tensor<?x?x?x?xf32> {
  %r = linalg.generic {indexing_maps = [#id], iterator_types = ["parallel","parallel","parallel","parallel"]} outs(%t : tensor<?x?x?x?xf32>) {
  ^bb0(%o: f32):
    %i0 = linalg.index 0 : index
    %i1 = linalg.index 1 : index
    %i2 = linalg.index 2 : index
    %i3 = linalg.index 3 : index
    %a = arith.muli %i0, %i1 : index
    %b = arith.addi %a, %i2 : index
    %c = arith.muli %b, %i3 : index
    %d = arith.addi %c, %i2 : index
    %e = arith.index_cast %d : index to i64
    %f = arith.sitofp %e : i64 to f32
    %g = arith.constant 0.37 : f32
    %h = arith.mulf %f, %g : f32
    %x = arith.addf %h, %seed : f32
    %y = math.sin %x : f32
    linalg.yield %y : f32
  } -> tensor<?x?x?x?xf32>
  return %r : tensor<?x?x?x?xf32>
}

func.func @make(%d0: index, %d1: index, %d2: index, %seed: f32) -> tensor<?x?x?x?xf32> {
  %c16 = arith.constant 16 : index
  %e = tensor.empty(%d0, %d1, %d2, %c16) : tensor<?x?x?x?xf32>
  %f = call @fill(%e, %seed) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  return %f : tensor<?x?x?x?xf32>
}

func.func private @printMemrefF32(tensor<*xf32>)

func.func @main() {
  %c2 = arith.constant 2 : index
  %c3 = arith.constant 3 : index
  %c11 = arith.constant 11 : index
  %c13 = arith.constant 13 : index
  %s1 = arith.constant 0.3 : f32
  %s2 = arith.constant 1.1 : f32
  %s3 = arith.constant 2.3 : f32
  %qd = call @make(%c2, %c11, %c3, %s1) : (index, index, index, f32) -> tensor<?x?x?x?xf32>
  %kd = call @make(%c2, %c13, %c3, %s2) : (index, index, index, f32) -> tensor<?x?x?x?xf32>
  %vd = call @make(%c2, %c13, %c3, %s3) : (index, index, index, f32) -> tensor<?x?x?x?xf32>
  %q = tensor.cast %qd : tensor<?x?x?x?xf32> to tensor<2x11x3x16xf32>
  %k = tensor.cast %kd : tensor<?x?x?x?xf32> to tensor<2x13x3x16xf32>
  %v = tensor.cast %vd : tensor<?x?x?x?xf32> to tensor<2x13x3x16xf32>
  %o1 = call @bshd(%q, %k, %v, %c2, %c11) : (tensor<2x11x3x16xf32>, tensor<2x13x3x16xf32>, tensor<2x13x3x16xf32>, index, index) -> tensor<?x?x3x16xf32>
  %u1 = tensor.cast %o1 : tensor<?x?x3x16xf32> to tensor<*xf32>
  call @printMemrefF32(%u1) : (tensor<*xf32>) -> ()
  // A mask keeping keys j with (i + 2 j + b) mod 3 != 0.
  %me = tensor.empty() : tensor<2x1x11x13xi1>
  %m = linalg.generic {indexing_maps = [#id], iterator_types = ["parallel","parallel","parallel","parallel"]} outs(%me : tensor<2x1x11x13xi1>) {
  ^bb0(%o: i1):
    %b = linalg.index 0 : index
    %i = linalg.index 2 : index
    %j = linalg.index 3 : index
    %j2 = arith.addi %j, %j : index
    %t = arith.addi %i, %j2 : index
    %t2 = arith.addi %t, %b : index
    %r = arith.remui %t2, %c3 : index
    %c0 = arith.constant 0 : index
    %keep = arith.cmpi ne, %r, %c0 : index
    linalg.yield %keep : i1
  } -> tensor<2x1x11x13xi1>
  %o2 = call @bshd_causal_mask(%q, %k, %v, %m, %c2, %c11) : (tensor<2x11x3x16xf32>, tensor<2x13x3x16xf32>, tensor<2x13x3x16xf32>, tensor<2x1x11x13xi1>, index, index) -> tensor<?x?x3x16xf32>
  %u2 = tensor.cast %o2 : tensor<?x?x3x16xf32> to tensor<*xf32>
  call @printMemrefF32(%u2) : (tensor<*xf32>) -> ()
  %qb = call @make(%c2, %c3, %c11, %s2) : (index, index, index, f32) -> tensor<?x?x?x?xf32>
  %kb = call @make(%c2, %c3, %c13, %s3) : (index, index, index, f32) -> tensor<?x?x?x?xf32>
  %vb = call @make(%c2, %c3, %c13, %s1) : (index, index, index, f32) -> tensor<?x?x?x?xf32>
  %q3 = tensor.cast %qb : tensor<?x?x?x?xf32> to tensor<2x3x11x16xf32>
  %k3 = tensor.cast %kb : tensor<?x?x?x?xf32> to tensor<2x3x13x16xf32>
  %v3 = tensor.cast %vb : tensor<?x?x?x?xf32> to tensor<2x3x13x16xf32>
  %o3 = call @bhsd(%q3, %k3, %v3, %c2, %c11) : (tensor<2x3x11x16xf32>, tensor<2x3x13x16xf32>, tensor<2x3x13x16xf32>, index, index) -> tensor<?x3x?x16xf32>
  %u3 = tensor.cast %o3 : tensor<?x3x?x16xf32> to tensor<*xf32>
  call @printMemrefF32(%u3) : (tensor<*xf32>) -> ()
  return
}
