// Executed check of masks computed by tensor.generate, raised by
// attn-fuse-attention into causal attributes: a causal band (j <= i) and a
// key-padding mask read inside the body with tensor.extract at (b, j) (a
// band plus a [B, 1, 1, Skv] mask operand), and, with dynamic sizes, the
// bottom-right band j <= i + (Skv - Sq). Every row keeps a visible key.
// Odd sizes B = 2, H = 3, Sq = 7, Skv = 9, D = 8, Dv = 6; the fused and the
// unfused programs must print the same numbers.
// RUN: attn-opt %s -attn-fuse-attention | FileCheck %s
// RUN: attn-opt %s -attn-cpu-pipeline="fuse=false" | mlir-runner -e main -entry-point-result=void -shared-libs=%runner_libs > %t.ref
// RUN: attn-opt %s -attn-cpu-pipeline="fuse=true" | mlir-runner -e main -entry-point-result=void -shared-libs=%runner_libs > %t.fused
// RUN: %python %attn_src/test/lib/compare_outputs.py %t.ref %t.fused --rtol 1e-4 --atol 1e-5

// CHECK-LABEL: func.func @generate_causal_padding(
// CHECK: attn.attention
// CHECK-SAME: mask(%{{.*}} : tensor<2x1x1x9xi1>)
// CHECK-SAME: causal = top_left
// CHECK-NOT: tensor.generate
// CHECK: return
// CHECK-LABEL: func.func @generate_bottom_right(
// CHECK-NOT: tensor.generate
// CHECK: attn.attention
// CHECK-NOT: mask(
// CHECK-SAME: causal = bottom_right
// CHECK: return

#q = affine_map<(b, h, i, j, d) -> (b, h, i, d)>
#k = affine_map<(b, h, i, j, d) -> (b, h, j, d)>
#s = affine_map<(b, h, i, j, d) -> (b, h, i, j)>
#p = affine_map<(b, h, i, e, j) -> (b, h, i, j)>
#v = affine_map<(b, h, i, e, j) -> (b, h, j, e)>
#o = affine_map<(b, h, i, e, j) -> (b, h, i, e)>
#id = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>

func.func @generate_causal_padding(%q: tensor<2x3x7x8xf32>, %k: tensor<2x3x9x8xf32>, %v: tensor<2x3x9x6xf32>) -> (tensor<2x3x7x6xf32>) {
  %s_e = tensor.empty() : tensor<2x3x7x9xf32>
  %s_z = arith.constant 0.0 : f32
  %s_f = linalg.fill ins(%s_z : f32) outs(%s_e : tensor<2x3x7x9xf32>) -> tensor<2x3x7x9xf32>
  %s = linalg.generic {indexing_maps = [#q, #k, #s], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%q, %k : tensor<2x3x7x8xf32>, tensor<2x3x9x8xf32>) outs(%s_f : tensor<2x3x7x9xf32>) {
  ^bb0(%s_a: f32, %s_b: f32, %s_c: f32):
    %s_m = arith.mulf %s_a, %s_b : f32
    %s_r = arith.addf %s_c, %s_m : f32
    linalg.yield %s_r : f32
  } -> tensor<2x3x7x9xf32>
  %c = arith.constant dense<0.35355339> : tensor<2x3x7x9xf32>
  %x0 = arith.mulf %s, %c : tensor<2x3x7x9xf32>
  %padv = arith.constant dense<[[1.0, 1.0, 1.0, 0.0, 1.0, 1.0, 1.0, 1.0, 0.0], [1.0, 0.0, 1.0, 1.0, 1.0, 1.0, 0.0, 0.0, 0.0]]> : tensor<2x9xf32>
  %gm = tensor.generate {
  ^bb0(%gb: index, %gh: index, %gi: index, %gj: index):
    %kk = arith.cmpi ule, %gj, %gi : index
    %pv = tensor.extract %padv[%gb, %gj] : tensor<2x9xf32>
    %half = arith.constant 0.5 : f32
    %pk = arith.cmpf ogt, %pv, %half : f32
    %both = arith.andi %kk, %pk : i1
    tensor.yield %both : i1
  } : tensor<2x3x7x9xi1>
  %ni = arith.constant dense<0xFF800000> : tensor<2x3x7x9xf32>
  %x = arith.select %gm, %x0, %ni : tensor<2x3x7x9xi1>, tensor<2x3x7x9xf32>
  %mx_e = tensor.empty() : tensor<2x3x7xf32>
  %mx_i = arith.constant 0xFF800000 : f32
  %mx_f = linalg.fill ins(%mx_i : f32) outs(%mx_e : tensor<2x3x7xf32>) -> tensor<2x3x7xf32>
  %mx = linalg.reduce ins(%x : tensor<2x3x7x9xf32>) outs(%mx_f : tensor<2x3x7xf32>) dimensions = [3]
    (%mx_in: f32, %mx_acc: f32) {
      %mx_r = arith.maximumf %mx_in, %mx_acc : f32
      linalg.yield %mx_r : f32
    }
  %mb_e = tensor.empty() : tensor<2x3x7x9xf32>
  %mb = linalg.broadcast ins(%mx : tensor<2x3x7xf32>) outs(%mb_e : tensor<2x3x7x9xf32>) dimensions = [3]
  %d = arith.subf %x, %mb : tensor<2x3x7x9xf32>
  %ex = math.exp %d : tensor<2x3x7x9xf32>
  %sm_e = tensor.empty() : tensor<2x3x7xf32>
  %sm_i = arith.constant 0.0 : f32
  %sm_f = linalg.fill ins(%sm_i : f32) outs(%sm_e : tensor<2x3x7xf32>) -> tensor<2x3x7xf32>
  %sm = linalg.reduce ins(%ex : tensor<2x3x7x9xf32>) outs(%sm_f : tensor<2x3x7xf32>) dimensions = [3]
    (%sm_in: f32, %sm_acc: f32) {
      %sm_r = arith.addf %sm_in, %sm_acc : f32
      linalg.yield %sm_r : f32
    }
  %sb_e = tensor.empty() : tensor<2x3x7x9xf32>
  %sb = linalg.broadcast ins(%sm : tensor<2x3x7xf32>) outs(%sb_e : tensor<2x3x7x9xf32>) dimensions = [3]
  %pr = arith.divf %ex, %sb : tensor<2x3x7x9xf32>
  %o_e = tensor.empty() : tensor<2x3x7x6xf32>
  %o_z = arith.constant 0.0 : f32
  %o_f = linalg.fill ins(%o_z : f32) outs(%o_e : tensor<2x3x7x6xf32>) -> tensor<2x3x7x6xf32>
  %o = linalg.generic {indexing_maps = [#p, #v, #o], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%pr, %v : tensor<2x3x7x9xf32>, tensor<2x3x9x6xf32>) outs(%o_f : tensor<2x3x7x6xf32>) {
  ^bb0(%o_a: f32, %o_b: f32, %o_c: f32):
    %o_m = arith.mulf %o_a, %o_b : f32
    %o_r = arith.addf %o_c, %o_m : f32
    linalg.yield %o_r : f32
  } -> tensor<2x3x7x6xf32>
  return %o : tensor<2x3x7x6xf32>
}

func.func @generate_bottom_right(%q: tensor<2x3x?x8xf32>, %k: tensor<2x3x?x8xf32>, %v: tensor<2x3x?x6xf32>) -> tensor<2x3x?x6xf32> {
  %c2 = arith.constant 2 : index
  %sq = tensor.dim %q, %c2 : tensor<2x3x?x8xf32>
  %sk = tensor.dim %k, %c2 : tensor<2x3x?x8xf32>
  %z = arith.constant 0.0 : f32
  %se = tensor.empty(%sq, %sk) : tensor<2x3x?x?xf32>
  %sf0 = linalg.fill ins(%z : f32) outs(%se : tensor<2x3x?x?xf32>) -> tensor<2x3x?x?xf32>
  %s = linalg.generic {indexing_maps = [#q, #k, #s], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%q, %k : tensor<2x3x?x8xf32>, tensor<2x3x?x8xf32>) outs(%sf0 : tensor<2x3x?x?xf32>) {
  ^bb0(%a: f32, %b: f32, %cc: f32):
    %m = arith.mulf %a, %b : f32
    %r = arith.addf %cc, %m : f32
    linalg.yield %r : f32
  } -> tensor<2x3x?x?xf32>
  %scv = arith.constant 0.35355339 : f32
  %spl = tensor.splat %scv[%sq, %sk] : tensor<2x3x?x?xf32>
  %x0 = arith.mulf %s, %spl : tensor<2x3x?x?xf32>
  %off = arith.subi %sk, %sq : index
  %gm = tensor.generate %sq, %sk {
  ^bb0(%gb: index, %gh: index, %gi: index, %gj: index):
    %lim = arith.addi %gi, %off : index
    %kk = arith.cmpi sle, %gj, %lim : index
    tensor.yield %kk : i1
  } : tensor<2x3x?x?xi1>
  %niv = arith.constant 0xFF800000 : f32
  %ni = tensor.splat %niv[%sq, %sk] : tensor<2x3x?x?xf32>
  %x = arith.select %gm, %x0, %ni : tensor<2x3x?x?xi1>, tensor<2x3x?x?xf32>
  %pr = linalg.softmax dimension(3) ins(%x : tensor<2x3x?x?xf32>) outs(%se : tensor<2x3x?x?xf32>) -> tensor<2x3x?x?xf32>
  %oe = tensor.empty(%sq) : tensor<2x3x?x6xf32>
  %of = linalg.fill ins(%z : f32) outs(%oe : tensor<2x3x?x6xf32>) -> tensor<2x3x?x6xf32>
  %o = linalg.generic {indexing_maps = [#p, #v, #o], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%pr, %v : tensor<2x3x?x?xf32>, tensor<2x3x?x6xf32>) outs(%of : tensor<2x3x?x6xf32>) {
  ^bb0(%a: f32, %b: f32, %cc: f32):
    %m = arith.mulf %a, %b : f32
    %r = arith.addf %cc, %m : f32
    linalg.yield %r : f32
  } -> tensor<2x3x?x6xf32>
  return %o : tensor<2x3x?x6xf32>
}

func.func @fill(%t: tensor<?x?x?x?xf32>, %seed: f32, %amp: f32) -> tensor<?x?x?x?xf32> {
  %r = linalg.generic {indexing_maps = [#id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} outs(%t : tensor<?x?x?x?xf32>) {
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
    %w = arith.mulf %v, %amp : f32
    linalg.yield %w : f32
  } -> tensor<?x?x?x?xf32>
  return %r : tensor<?x?x?x?xf32>
}

func.func @main() {
  %q_e = tensor.empty() : tensor<2x3x7x8xf32>
  %q_d = tensor.cast %q_e : tensor<2x3x7x8xf32> to tensor<?x?x?x?xf32>
  %q_s = arith.constant 0.0 : f32
  %q_a = arith.constant 2.0 : f32
  %q_r = call @fill(%q_d, %q_s, %q_a) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %q = tensor.cast %q_r : tensor<?x?x?x?xf32> to tensor<2x3x7x8xf32>
  %k_e = tensor.empty() : tensor<2x3x9x8xf32>
  %k_d = tensor.cast %k_e : tensor<2x3x9x8xf32> to tensor<?x?x?x?xf32>
  %k_s = arith.constant 1.7 : f32
  %k_a = arith.constant 2.0 : f32
  %k_r = call @fill(%k_d, %k_s, %k_a) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %k = tensor.cast %k_r : tensor<?x?x?x?xf32> to tensor<2x3x9x8xf32>
  %v_e = tensor.empty() : tensor<2x3x9x6xf32>
  %v_d = tensor.cast %v_e : tensor<2x3x9x6xf32> to tensor<?x?x?x?xf32>
  %v_s = arith.constant 2.9 : f32
  %v_a = arith.constant 2.0 : f32
  %v_r = call @fill(%v_d, %v_s, %v_a) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %v = tensor.cast %v_r : tensor<?x?x?x?xf32> to tensor<2x3x9x6xf32>
  %o1 = call @generate_causal_padding(%q, %k, %v) : (tensor<2x3x7x8xf32>, tensor<2x3x9x8xf32>, tensor<2x3x9x6xf32>) -> tensor<2x3x7x6xf32>
  %u1 = tensor.cast %o1 : tensor<2x3x7x6xf32> to tensor<*xf32>
  call @printMemrefF32(%u1) : (tensor<*xf32>) -> ()
  %qd = tensor.cast %q : tensor<2x3x7x8xf32> to tensor<2x3x?x8xf32>
  %kd = tensor.cast %k : tensor<2x3x9x8xf32> to tensor<2x3x?x8xf32>
  %vd = tensor.cast %v : tensor<2x3x9x6xf32> to tensor<2x3x?x6xf32>
  %o2 = call @generate_bottom_right(%qd, %kd, %vd) : (tensor<2x3x?x8xf32>, tensor<2x3x?x8xf32>, tensor<2x3x?x6xf32>) -> tensor<2x3x?x6xf32>
  %u2 = tensor.cast %o2 : tensor<2x3x?x6xf32> to tensor<*xf32>
  call @printMemrefF32(%u2) : (tensor<*xf32>) -> ()
  return
}

func.func private @printMemrefF32(tensor<*xf32>)
