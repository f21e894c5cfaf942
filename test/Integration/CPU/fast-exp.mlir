// Accuracy of the polynomial exp that the flash lowering uses for the
// softmax (fastExp in lib/Dialect/Attn/Transforms/LoweringUtils.cpp): the
// f32 math.exp below is rewritten by -attn-fast-exp, the f64 math.exp (libm)
// is the reference. Prints the largest relative error over 200001 points of
// [-87, 0] (the softmax evaluates exp(s - max) <= 1) and over [0, 88].
//
// RUN: attn-opt %s -attn-fast-exp -attn-cpu-pipeline | mlir-runner -e main -entry-point-result=void -shared-libs=%runner_libs | FileCheck %s
//
// Stated accuracy: relative error below 4e-7 (about 3.4 f32 ulp).
// CHECK: max_rel_err_neg
// CHECK-NEXT: {{([0-3]\.[0-9]*e-07|[0-9]\.[0-9]*e-0[89])}}
// CHECK: max_rel_err_pos
// CHECK-NEXT: {{([0-3]\.[0-9]*e-07|[0-9]\.[0-9]*e-0[89])}}
// Exactly 0 for -inf and below -87, no NaN.
// CHECK: exp_of_neg_inf
// CHECK-NEXT: {{^}}0{{$}}
// CHECK: exp_of_minus_100
// CHECK-NEXT: {{^}}0{{$}}

func.func @max_rel_err(%lo: f64, %hi: f64) -> f64 {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %n = arith.constant 200001 : index
  %zero = arith.constant 0.0 : f64
  %steps = arith.constant 200000.0 : f64
  %span = arith.subf %hi, %lo : f64
  %h = arith.divf %span, %steps : f64
  %r = scf.for %i = %c0 to %n step %c1 iter_args(%worst = %zero) -> (f64) {
    %ii = arith.index_cast %i : index to i64
    %fi = arith.sitofp %ii : i64 to f64
    %xd0 = arith.mulf %fi, %h : f64
    %xd1 = arith.addf %lo, %xd0 : f64
    %x = arith.truncf %xd1 : f64 to f32
    %xd = arith.extf %x : f32 to f64
    %fast = math.exp %x : f32
    %fastd = arith.extf %fast : f32 to f64
    %ref = math.exp %xd : f64
    %diff = arith.subf %fastd, %ref : f64
    %adiff = math.absf %diff : f64
    %rel = arith.divf %adiff, %ref : f64
    %w = arith.maximumf %worst, %rel : f64
    scf.yield %w : f64
  }
  return %r : f64
}

func.func @main() {
  %m87 = arith.constant -87.0 : f64
  %z = arith.constant 0.0 : f64
  %p88 = arith.constant 88.0 : f64
  %e1 = call @max_rel_err(%m87, %z) : (f64, f64) -> f64
  vector.print str "max_rel_err_neg\n"
  vector.print %e1 : f64
  %e2 = call @max_rel_err(%z, %p88) : (f64, f64) -> f64
  vector.print str "max_rel_err_pos\n"
  vector.print %e2 : f64
  %ninf = arith.constant 0xFF800000 : f32
  %a = math.exp %ninf : f32
  vector.print str "exp_of_neg_inf\n"
  vector.print %a : f32
  %m100 = arith.constant -100.0 : f32
  %b = math.exp %m100 : f32
  vector.print str "exp_of_minus_100\n"
  vector.print %b : f32
  return
}
