// attn-cpu-pipeline on attention inside a loop that yields a new tensor
// each iteration (a stack of layers: x = attention(x, K, V)). Bufferization
// gives each iteration's result a fresh buffer (allow-return-allocs-from-
// loops); the loop must compute exactly what the same three calls unrolled
// compute. Sizes are not multiples of the tiles; inputs are sin() of
// index-derived values (never zeros). The same loop written as an
// affine.for (lowered before the scf loops become blocks) must too.
//
// RUN: attn-opt %s -attn-cpu-pipeline | mlir-runner -e main -entry-point-result=void -shared-libs=%runner_libs | FileCheck %s
// RUN: attn-opt %s -attn-cpu-pipeline=flash=false | mlir-runner -e main -entry-point-result=void -shared-libs=%runner_libs | FileCheck %s
//
// CHECK: max_abs_diff_loop_vs_unrolled
// CHECK-NEXT: {{^}}0{{$}}
// CHECK: max_abs_diff_affine_loop_vs_unrolled
// CHECK-NEXT: {{^}}0{{$}}
// CHECK: sum_abs_nonzero
// CHECK-NEXT: 1

!t = tensor<2x3x37x24xf32>

func.func @input(%seed: f32) -> !t {
  %g = tensor.generate {
  ^bb0(%b: index, %h: index, %s: index, %d: index):
    %c7 = arith.constant 7 : index
    %c13 = arith.constant 13 : index
    %c31 = arith.constant 31 : index
    %t0 = arith.muli %s, %c7 : index
    %t1 = arith.muli %d, %c13 : index
    %t2 = arith.muli %h, %c31 : index
    %t3 = arith.addi %t0, %t1 : index
    %t4 = arith.addi %t3, %t2 : index
    %t5 = arith.addi %t4, %b : index
    %i = arith.index_cast %t5 : index to i64
    %f = arith.sitofp %i : i64 to f32
    %x = arith.mulf %f, %seed : f32
    %y = math.sin %x : f32
    tensor.yield %y : f32
  } : !t
  return %g : !t
}

func.func @layer(%x: !t, %k: !t, %v: !t) -> !t {
  %e = tensor.empty() : !t
  %y = attn.attention ins(%x, %k, %v : !t, !t, !t) outs(%e : !t)
         causal = bottom_right -> !t
  return %y : !t
}

func.func @loop(%q: !t, %k: !t, %v: !t) -> !t {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c3 = arith.constant 3 : index
  %r = scf.for %i = %c0 to %c3 step %c1 iter_args(%x = %q) -> (!t) {
    %e = tensor.empty() : !t
    %y = attn.attention ins(%x, %k, %v : !t, !t, !t) outs(%e : !t)
           causal = bottom_right -> !t
    scf.yield %y : !t
  }
  return %r : !t
}

func.func @affine_loop(%q: !t, %k: !t, %v: !t) -> !t {
  %r = affine.for %i = 0 to 3 iter_args(%x = %q) -> (!t) {
    %e = tensor.empty() : !t
    %y = attn.attention ins(%x, %k, %v : !t, !t, !t) outs(%e : !t)
           causal = bottom_right -> !t
    affine.yield %y : !t
  }
  return %r : !t
}

func.func @max_abs_diff(%a: !t, %b: !t) -> f32 {
  %zero = arith.constant 0.0 : f32
  %init = tensor.empty() : tensor<f32>
  %acc = linalg.fill ins(%zero : f32) outs(%init : tensor<f32>) -> tensor<f32>
  %diff = linalg.generic {
      indexing_maps = [affine_map<(b, h, s, d) -> (b, h, s, d)>,
                       affine_map<(b, h, s, d) -> (b, h, s, d)>,
                       affine_map<(b, h, s, d) -> ()>],
      iterator_types = ["reduction", "reduction", "reduction", "reduction"]}
      ins(%a, %b : !t, !t) outs(%acc : tensor<f32>) {
  ^bb0(%x: f32, %y: f32, %m: f32):
    %d = arith.subf %x, %y : f32
    %ad = math.absf %d : f32
    %mx = arith.maximumf %m, %ad : f32
    linalg.yield %mx : f32
  } -> tensor<f32>
  %dv = tensor.extract %diff[] : tensor<f32>
  return %dv : f32
}

func.func @main() {
  %s1 = arith.constant 0.37 : f32
  %s2 = arith.constant 0.71 : f32
  %s3 = arith.constant 1.13 : f32
  %q = call @input(%s1) : (f32) -> !t
  %k = call @input(%s2) : (f32) -> !t
  %v = call @input(%s3) : (f32) -> !t
  %a = call @loop(%q, %k, %v) : (!t, !t, !t) -> !t
  %u1 = call @layer(%q, %k, %v) : (!t, !t, !t) -> !t
  %u2 = call @layer(%u1, %k, %v) : (!t, !t, !t) -> !t
  %u3 = call @layer(%u2, %k, %v) : (!t, !t, !t) -> !t
  %zero = arith.constant 0.0 : f32
  %init = tensor.empty() : tensor<f32>
  %acc = linalg.fill ins(%zero : f32) outs(%init : tensor<f32>) -> tensor<f32>
  %diff = linalg.generic {
      indexing_maps = [affine_map<(b, h, s, d) -> (b, h, s, d)>,
                       affine_map<(b, h, s, d) -> (b, h, s, d)>,
                       affine_map<(b, h, s, d) -> ()>],
      iterator_types = ["reduction", "reduction", "reduction", "reduction"]}
      ins(%a, %u3 : !t, !t) outs(%acc : tensor<f32>) {
  ^bb0(%x: f32, %y: f32, %m: f32):
    %d = arith.subf %x, %y : f32
    %ad = math.absf %d : f32
    %mx = arith.maximumf %m, %ad : f32
    linalg.yield %mx : f32
  } -> tensor<f32>
  %sum = linalg.generic {
      indexing_maps = [affine_map<(b, h, s, d) -> (b, h, s, d)>,
                       affine_map<(b, h, s, d) -> ()>],
      iterator_types = ["reduction", "reduction", "reduction", "reduction"]}
      ins(%a : !t) outs(%acc : tensor<f32>) {
  ^bb0(%x: f32, %m: f32):
    %ax = math.absf %x : f32
    %s = arith.addf %m, %ax : f32
    linalg.yield %s : f32
  } -> tensor<f32>
  %dv = tensor.extract %diff[] : tensor<f32>
  %sv = tensor.extract %sum[] : tensor<f32>
  %pos = arith.cmpf ogt, %sv, %zero : f32
  vector.print str "max_abs_diff_loop_vs_unrolled\n"
  vector.print %dv : f32
  %a2 = call @affine_loop(%q, %k, %v) : (!t, !t, !t) -> !t
  %d2 = call @max_abs_diff(%a2, %u3) : (!t, !t) -> f32
  vector.print str "max_abs_diff_affine_loop_vs_unrolled\n"
  vector.print %d2 : f32
  vector.print str "sum_abs_nonzero\n"
  vector.print %pos : i1
  return
}
