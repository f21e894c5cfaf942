// RUN: attn-opt %s -split-input-file -attn-fuse-attention="report=true" -verify-diagnostics | FileCheck %s

// Chains whose elementwise math is arith/math ops on whole tensors (no
// linalg around them), and tensor.splat scalars: raised like their linalg
// forms; and what stays refused.

#a = affine_map<(b, i, j, d) -> (b, i, d)>
#b = affine_map<(b, i, j, d) -> (b, j, d)>
#c = affine_map<(b, i, j, d) -> (b, i, j)>

// A splat scale, exp(x - max), and the product with the reciprocal of the
// sum, all on tensors.
// CHECK-LABEL: func.func @tensor_ops
// CHECK: attn.attention ins({{.*}} : tensor<1x2x5x8xf32>, tensor<1x2x7x8xf32>, tensor<1x2x7x4xf32>)
// CHECK-SAME: scale = 1.250000e-01
// CHECK-NOT: math.exp
// CHECK: return
func.func @tensor_ops(%q: tensor<2x5x8xf32>, %k: tensor<2x7x8xf32>, %v: tensor<2x7x4xf32>) -> tensor<2x5x4xf32> {
  %zero = arith.constant 0.0 : f32
  %ninf = arith.constant 0xFF800000 : f32
  %e = tensor.empty() : tensor<2x5x7xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<2x5x7xf32>) -> tensor<2x5x7xf32>
  %s = linalg.batch_matmul indexing_maps = [#a, #b, #c] ins(%q, %k : tensor<2x5x8xf32>, tensor<2x7x8xf32>) outs(%f : tensor<2x5x7xf32>) -> tensor<2x5x7xf32>
  %c = arith.constant dense<0.125> : tensor<2x5x7xf32>
  %x = arith.mulf %s, %c : tensor<2x5x7xf32>
  %er = tensor.empty() : tensor<2x5xf32>
  %fm = linalg.fill ins(%ninf : f32) outs(%er : tensor<2x5xf32>) -> tensor<2x5xf32>
  %mx = linalg.reduce ins(%x : tensor<2x5x7xf32>) outs(%fm : tensor<2x5xf32>) dimensions = [2]
    (%in: f32, %acc: f32) {
      %r = arith.maximumf %in, %acc : f32
      linalg.yield %r : f32
    }
  %mb = linalg.broadcast ins(%mx : tensor<2x5xf32>) outs(%e : tensor<2x5x7xf32>) dimensions = [2]
  %d = arith.subf %x, %mb : tensor<2x5x7xf32>
  %p = math.exp %d : tensor<2x5x7xf32>
  %fs = linalg.fill ins(%zero : f32) outs(%er : tensor<2x5xf32>) -> tensor<2x5xf32>
  %sm = linalg.reduce ins(%p : tensor<2x5x7xf32>) outs(%fs : tensor<2x5xf32>) dimensions = [2]
    (%in: f32, %acc: f32) {
      %r = arith.addf %in, %acc : f32
      linalg.yield %r : f32
    }
  %sb = linalg.broadcast ins(%sm : tensor<2x5xf32>) outs(%e : tensor<2x5x7xf32>) dimensions = [2]
  %one = arith.constant dense<1.0> : tensor<2x5x7xf32>
  %inv = arith.divf %one, %sb : tensor<2x5x7xf32>
  %pn = arith.mulf %p, %inv : tensor<2x5x7xf32>
  %eo = tensor.empty() : tensor<2x5x4xf32>
  %fo = linalg.fill ins(%zero : f32) outs(%eo : tensor<2x5x4xf32>) -> tensor<2x5x4xf32>
  %o = linalg.batch_matmul ins(%pn, %v : tensor<2x5x7xf32>, tensor<2x7x4xf32>) outs(%fo : tensor<2x5x4xf32>) -> tensor<2x5x4xf32>
  return %o : tensor<2x5x4xf32>
}

// -----

#a = affine_map<(b, i, j, d) -> (b, i, d)>
#b = affine_map<(b, i, j, d) -> (b, j, d)>
#c = affine_map<(b, i, j, d) -> (b, i, j)>

// A run-time scale as a tensor.splat, and a mask computed by arith.cmpf on
// tensors: the predicate (ole) is the one evaluated into the op's mask.
// CHECK-LABEL: func.func @splat_scale_cmpf_mask
// CHECK-SAME: (%{{.*}}: tensor<2x5x8xf32>, %{{.*}}: tensor<2x7x8xf32>, %{{.*}}: tensor<2x7x4xf32>, %[[W:.*]]: tensor<2x5x7xf32>, %[[T:.*]]: f32)
// CHECK: arith.cmpf ole, %{{.*}}, %{{.*}} : f32
// CHECK: arith.mulf %{{.*}}, %[[T]] : f32
// CHECK: attn.attention
// CHECK-SAME: scale = 1.000000e+00
// CHECK-NOT: math.exp
func.func @splat_scale_cmpf_mask(%q: tensor<2x5x8xf32>, %k: tensor<2x7x8xf32>, %v: tensor<2x7x4xf32>, %w: tensor<2x5x7xf32>, %t: f32) -> tensor<2x5x4xf32> {
  %zero = arith.constant 0.0 : f32
  %ninf = arith.constant 0xFF800000 : f32
  %e = tensor.empty() : tensor<2x5x7xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<2x5x7xf32>) -> tensor<2x5x7xf32>
  %s = linalg.batch_matmul indexing_maps = [#a, #b, #c] ins(%q, %k : tensor<2x5x8xf32>, tensor<2x7x8xf32>) outs(%f : tensor<2x5x7xf32>) -> tensor<2x5x7xf32>
  %c = tensor.splat %t : tensor<2x5x7xf32>
  %x = arith.mulf %s, %c : tensor<2x5x7xf32>
  %lim = arith.constant dense<0.5> : tensor<2x5x7xf32>
  %keep = arith.cmpf ole, %w, %lim : tensor<2x5x7xf32>
  %big = arith.constant dense<-1.0e9> : tensor<2x5x7xf32>
  %xm = arith.select %keep, %x, %big : tensor<2x5x7xi1>, tensor<2x5x7xf32>
  %er = tensor.empty() : tensor<2x5xf32>
  %fm = linalg.fill ins(%ninf : f32) outs(%er : tensor<2x5xf32>) -> tensor<2x5xf32>
  %mx = linalg.reduce ins(%xm : tensor<2x5x7xf32>) outs(%fm : tensor<2x5xf32>) dimensions = [2]
    (%in: f32, %acc: f32) {
      %r = arith.maximumf %in, %acc : f32
      linalg.yield %r : f32
    }
  %mb = linalg.broadcast ins(%mx : tensor<2x5xf32>) outs(%e : tensor<2x5x7xf32>) dimensions = [2]
  %d = arith.subf %xm, %mb : tensor<2x5x7xf32>
  %p = math.exp %d : tensor<2x5x7xf32>
  %fs = linalg.fill ins(%zero : f32) outs(%er : tensor<2x5xf32>) -> tensor<2x5xf32>
  %sm = linalg.reduce ins(%p : tensor<2x5x7xf32>) outs(%fs : tensor<2x5xf32>) dimensions = [2]
    (%in: f32, %acc: f32) {
      %r = arith.addf %in, %acc : f32
      linalg.yield %r : f32
    }
  %sb = linalg.broadcast ins(%sm : tensor<2x5xf32>) outs(%e : tensor<2x5x7xf32>) dimensions = [2]
  %pn = arith.divf %p, %sb : tensor<2x5x7xf32>
  %eo = tensor.empty() : tensor<2x5x4xf32>
  %fo = linalg.fill ins(%zero : f32) outs(%eo : tensor<2x5x4xf32>) -> tensor<2x5x4xf32>
  %o = linalg.batch_matmul ins(%pn, %v : tensor<2x5x7xf32>, tensor<2x7x4xf32>) outs(%fo : tensor<2x5x4xf32>) -> tensor<2x5x4xf32>
  return %o : tensor<2x5x4xf32>
}

// -----

#a = affine_map<(b, i, j, d) -> (b, i, d)>
#b = affine_map<(b, i, j, d) -> (b, j, d)>
#c = affine_map<(b, i, j, d) -> (b, i, j)>

// The exponential on tensors is also returned: refused, naming both ops.
// CHECK-LABEL: func.func @tensor_exp_other_user
// CHECK-NOT: attn.attention
func.func @tensor_exp_other_user(%q: tensor<2x5x8xf32>, %k: tensor<2x7x8xf32>, %v: tensor<2x7x4xf32>) -> (tensor<2x5x4xf32>, tensor<2x5x7xf32>) {
  %zero = arith.constant 0.0 : f32
  %ninf = arith.constant 0xFF800000 : f32
  %e = tensor.empty() : tensor<2x5x7xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<2x5x7xf32>) -> tensor<2x5x7xf32>
  %s = linalg.batch_matmul indexing_maps = [#a, #b, #c] ins(%q, %k : tensor<2x5x8xf32>, tensor<2x7x8xf32>) outs(%f : tensor<2x5x7xf32>) -> tensor<2x5x7xf32>
  %er = tensor.empty() : tensor<2x5xf32>
  %fm = linalg.fill ins(%ninf : f32) outs(%er : tensor<2x5xf32>) -> tensor<2x5xf32>
  %mx = linalg.reduce ins(%s : tensor<2x5x7xf32>) outs(%fm : tensor<2x5xf32>) dimensions = [2]
    (%in: f32, %acc: f32) {
      %r = arith.maximumf %in, %acc : f32
      linalg.yield %r : f32
    }
  %mb = linalg.broadcast ins(%mx : tensor<2x5xf32>) outs(%e : tensor<2x5x7xf32>) dimensions = [2]
  %d = arith.subf %s, %mb : tensor<2x5x7xf32>
  %p = math.exp %d : tensor<2x5x7xf32>
  %fs = linalg.fill ins(%zero : f32) outs(%er : tensor<2x5xf32>) -> tensor<2x5xf32>
  %sm = linalg.reduce ins(%p : tensor<2x5x7xf32>) outs(%fs : tensor<2x5xf32>) dimensions = [2]
    (%in: f32, %acc: f32) {
      %r = arith.addf %in, %acc : f32
      linalg.yield %r : f32
    }
  %sb = linalg.broadcast ins(%sm : tensor<2x5xf32>) outs(%e : tensor<2x5x7xf32>) dimensions = [2]
  %pn = arith.divf %p, %sb : tensor<2x5x7xf32>
  %eo = tensor.empty() : tensor<2x5x4xf32>
  %fo = linalg.fill ins(%zero : f32) outs(%eo : tensor<2x5x4xf32>) -> tensor<2x5x4xf32>
  // expected-remark-re @below {{not fused: an intermediate of the chain (math.exp at {{.*}}.mlir:{{[0-9]+}}:{{[0-9]+}}) has another user (func.return at {{.*}})}}
  %o = linalg.batch_matmul ins(%pn, %v : tensor<2x5x7xf32>, tensor<2x7x4xf32>) outs(%fo : tensor<2x5x4xf32>) -> tensor<2x5x4xf32>
  return %o, %p : tensor<2x5x4xf32>, tensor<2x5x7xf32>
}

// -----

#a = affine_map<(b, i, j, d) -> (b, i, d)>
#b = affine_map<(b, i, j, d) -> (b, j, d)>
#c = affine_map<(b, i, j, d) -> (b, i, j)>

// exp(x - max) without the division by the sum (tensor ops): no softmax.
// CHECK-LABEL: func.func @tensor_no_normalisation
// CHECK-NOT: attn.attention
func.func @tensor_no_normalisation(%q: tensor<2x5x8xf32>, %k: tensor<2x7x8xf32>, %v: tensor<2x7x4xf32>) -> tensor<2x5x4xf32> {
  %zero = arith.constant 0.0 : f32
  %ninf = arith.constant 0xFF800000 : f32
  %e = tensor.empty() : tensor<2x5x7xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<2x5x7xf32>) -> tensor<2x5x7xf32>
  %s = linalg.batch_matmul indexing_maps = [#a, #b, #c] ins(%q, %k : tensor<2x5x8xf32>, tensor<2x7x8xf32>) outs(%f : tensor<2x5x7xf32>) -> tensor<2x5x7xf32>
  %er = tensor.empty() : tensor<2x5xf32>
  %fm = linalg.fill ins(%ninf : f32) outs(%er : tensor<2x5xf32>) -> tensor<2x5xf32>
  %mx = linalg.reduce ins(%s : tensor<2x5x7xf32>) outs(%fm : tensor<2x5xf32>) dimensions = [2]
    (%in: f32, %acc: f32) {
      %r = arith.maximumf %in, %acc : f32
      linalg.yield %r : f32
    }
  %mb = linalg.broadcast ins(%mx : tensor<2x5xf32>) outs(%e : tensor<2x5x7xf32>) dimensions = [2]
  %d = arith.subf %s, %mb : tensor<2x5x7xf32>
  %p = math.exp %d : tensor<2x5x7xf32>
  %eo = tensor.empty() : tensor<2x5x4xf32>
  %fo = linalg.fill ins(%zero : f32) outs(%eo : tensor<2x5x4xf32>) -> tensor<2x5x4xf32>
  // expected-remark @below {{not fused}}
  %o = linalg.batch_matmul ins(%p, %v : tensor<2x5x7xf32>, tensor<2x7x4xf32>) outs(%fo : tensor<2x5x4xf32>) -> tensor<2x5x4xf32>
  return %o : tensor<2x5x4xf32>
}

// -----

#a = affine_map<(b, i, j, d) -> (b, i, d)>
#b = affine_map<(b, i, j, d) -> (b, j, d)>
#c = affine_map<(b, i, j, d) -> (b, i, j)>

// -(s * -0.25) is s * 0.25: a negation is a factor -1.
// CHECK-LABEL: func.func @negated_negative_scale
// CHECK: attn.attention
// CHECK-SAME: scale = 2.500000e-01
// CHECK-NOT: arith.negf
func.func @negated_negative_scale(%q: tensor<2x5x8xf32>, %k: tensor<2x7x8xf32>, %v: tensor<2x7x4xf32>, %keep: tensor<2x5x7xi1>) -> tensor<2x5x4xf32> {
  %zero = arith.constant 0.0 : f32
  %ninf = arith.constant 0xFF800000 : f32
  %e = tensor.empty() : tensor<2x5x7xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<2x5x7xf32>) -> tensor<2x5x7xf32>
  %s = linalg.batch_matmul indexing_maps = [#a, #b, #c] ins(%q, %k : tensor<2x5x8xf32>, tensor<2x7x8xf32>) outs(%f : tensor<2x5x7xf32>) -> tensor<2x5x7xf32>
  %c = arith.constant dense<-0.25> : tensor<2x5x7xf32>
  %y = arith.mulf %s, %c : tensor<2x5x7xf32>
  %x = arith.negf %y : tensor<2x5x7xf32>
  %er = tensor.empty() : tensor<2x5xf32>
  %fm = linalg.fill ins(%ninf : f32) outs(%er : tensor<2x5xf32>) -> tensor<2x5xf32>
  %mx = linalg.reduce ins(%x : tensor<2x5x7xf32>) outs(%fm : tensor<2x5xf32>) dimensions = [2]
    (%in: f32, %acc: f32) {
      %r = arith.maximumf %in, %acc : f32
      linalg.yield %r : f32
    }
  %mb = linalg.broadcast ins(%mx : tensor<2x5xf32>) outs(%e : tensor<2x5x7xf32>) dimensions = [2]
  %d = arith.subf %x, %mb : tensor<2x5x7xf32>
  %p = math.exp %d : tensor<2x5x7xf32>
  %fs = linalg.fill ins(%zero : f32) outs(%er : tensor<2x5xf32>) -> tensor<2x5xf32>
  %sm = linalg.reduce ins(%p : tensor<2x5x7xf32>) outs(%fs : tensor<2x5xf32>) dimensions = [2]
    (%in: f32, %acc: f32) {
      %r = arith.addf %in, %acc : f32
      linalg.yield %r : f32
    }
  %sb = linalg.broadcast ins(%sm : tensor<2x5xf32>) outs(%e : tensor<2x5x7xf32>) dimensions = [2]
  %pn = arith.divf %p, %sb : tensor<2x5x7xf32>
  %eo = tensor.empty() : tensor<2x5x4xf32>
  %fo = linalg.fill ins(%zero : f32) outs(%eo : tensor<2x5x4xf32>) -> tensor<2x5x4xf32>
  %o = linalg.batch_matmul ins(%pn, %v : tensor<2x5x7xf32>, tensor<2x7x4xf32>) outs(%fo : tensor<2x5x4xf32>) -> tensor<2x5x4xf32>
  return %o : tensor<2x5x4xf32>
}

// -----

#a = affine_map<(b, i, j, d) -> (b, i, d)>
#b = affine_map<(b, i, j, d) -> (b, j, d)>
#c = affine_map<(b, i, j, d) -> (b, i, j)>

// A negation above a -inf select turns masked keys into the largest scores:
// refused.
// CHECK-LABEL: func.func @negation_above_mask
// CHECK-NOT: attn.attention
func.func @negation_above_mask(%q: tensor<2x5x8xf32>, %k: tensor<2x7x8xf32>, %v: tensor<2x7x4xf32>, %keep: tensor<2x5x7xi1>) -> tensor<2x5x4xf32> {
  %zero = arith.constant 0.0 : f32
  %ninf = arith.constant 0xFF800000 : f32
  %e = tensor.empty() : tensor<2x5x7xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<2x5x7xf32>) -> tensor<2x5x7xf32>
  %s = linalg.batch_matmul indexing_maps = [#a, #b, #c] ins(%q, %k : tensor<2x5x8xf32>, tensor<2x7x8xf32>) outs(%f : tensor<2x5x7xf32>) -> tensor<2x5x7xf32>
  %ni = arith.constant dense<0xFF800000> : tensor<2x5x7xf32>
  %y = arith.select %keep, %s, %ni : tensor<2x5x7xi1>, tensor<2x5x7xf32>
  %x = arith.negf %y : tensor<2x5x7xf32>
  %er = tensor.empty() : tensor<2x5xf32>
  %fm = linalg.fill ins(%ninf : f32) outs(%er : tensor<2x5xf32>) -> tensor<2x5xf32>
  %mx = linalg.reduce ins(%x : tensor<2x5x7xf32>) outs(%fm : tensor<2x5xf32>) dimensions = [2]
    (%in: f32, %acc: f32) {
      %r = arith.maximumf %in, %acc : f32
      linalg.yield %r : f32
    }
  %mb = linalg.broadcast ins(%mx : tensor<2x5xf32>) outs(%e : tensor<2x5x7xf32>) dimensions = [2]
  %d = arith.subf %x, %mb : tensor<2x5x7xf32>
  %p = math.exp %d : tensor<2x5x7xf32>
  %fs = linalg.fill ins(%zero : f32) outs(%er : tensor<2x5xf32>) -> tensor<2x5xf32>
  %sm = linalg.reduce ins(%p : tensor<2x5x7xf32>) outs(%fs : tensor<2x5xf32>) dimensions = [2]
    (%in: f32, %acc: f32) {
      %r = arith.addf %in, %acc : f32
      linalg.yield %r : f32
    }
  %sb = linalg.broadcast ins(%sm : tensor<2x5xf32>) outs(%e : tensor<2x5x7xf32>) dimensions = [2]
  %pn = arith.divf %p, %sb : tensor<2x5x7xf32>
  %eo = tensor.empty() : tensor<2x5x4xf32>
  %fo = linalg.fill ins(%zero : f32) outs(%eo : tensor<2x5x4xf32>) -> tensor<2x5x4xf32>
  // expected-remark @below {{not fused: a mask under a non-positive scale}}
  %o = linalg.batch_matmul ins(%pn, %v : tensor<2x5x7xf32>, tensor<2x7x4xf32>) outs(%fo : tensor<2x5x4xf32>) -> tensor<2x5x4xf32>
  return %o : tensor<2x5x4xf32>
}

// -----

#a = affine_map<(b, i, j, d) -> (b, i, d)>
#b = affine_map<(b, i, j, d) -> (b, j, d)>
#c = affine_map<(b, i, j, d) -> (b, i, j)>

// A constant table of positive factors (one per batch-head) above a -1e9
// select: a masking value stays one (-1e9 * 0.25 <= -1e4); raised, the
// table multiplying Q.
// CHECK-LABEL: func.func @positive_per_batch_table_over_mask
// CHECK: arith.constant dense<[2.500000e-01, 5.000000e-01]>
// CHECK: attn.attention
// CHECK-SAME: mask(
// CHECK-SAME: scale = 1.000000e+00
func.func @positive_per_batch_table_over_mask(%q: tensor<2x5x8xf32>, %k: tensor<2x7x8xf32>, %v: tensor<2x7x4xf32>, %keep: tensor<2x5x7xi1>) -> tensor<2x5x4xf32> {
  %zero = arith.constant 0.0 : f32
  %ninf = arith.constant 0xFF800000 : f32
  %e = tensor.empty() : tensor<2x5x7xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<2x5x7xf32>) -> tensor<2x5x7xf32>
  %s = linalg.batch_matmul indexing_maps = [#a, #b, #c] ins(%q, %k : tensor<2x5x8xf32>, tensor<2x7x8xf32>) outs(%f : tensor<2x5x7xf32>) -> tensor<2x5x7xf32>
  %big = arith.constant dense<-1.0e9> : tensor<2x5x7xf32>
  %y = arith.select %keep, %s, %big : tensor<2x5x7xi1>, tensor<2x5x7xf32>
  %t = arith.constant dense<[0.25, 0.5]> : tensor<2xf32>
  %tb = linalg.broadcast ins(%t : tensor<2xf32>) outs(%e : tensor<2x5x7xf32>) dimensions = [1, 2]
  %x = arith.mulf %y, %tb : tensor<2x5x7xf32>
  %er = tensor.empty() : tensor<2x5xf32>
  %fm = linalg.fill ins(%ninf : f32) outs(%er : tensor<2x5xf32>) -> tensor<2x5xf32>
  %mx = linalg.reduce ins(%x : tensor<2x5x7xf32>) outs(%fm : tensor<2x5xf32>) dimensions = [2]
    (%in: f32, %acc: f32) {
      %r = arith.maximumf %in, %acc : f32
      linalg.yield %r : f32
    }
  %mb = linalg.broadcast ins(%mx : tensor<2x5xf32>) outs(%e : tensor<2x5x7xf32>) dimensions = [2]
  %d = arith.subf %x, %mb : tensor<2x5x7xf32>
  %p = math.exp %d : tensor<2x5x7xf32>
  %fs = linalg.fill ins(%zero : f32) outs(%er : tensor<2x5xf32>) -> tensor<2x5xf32>
  %sm = linalg.reduce ins(%p : tensor<2x5x7xf32>) outs(%fs : tensor<2x5xf32>) dimensions = [2]
    (%in: f32, %acc: f32) {
      %r = arith.addf %in, %acc : f32
      linalg.yield %r : f32
    }
  %sb = linalg.broadcast ins(%sm : tensor<2x5xf32>) outs(%e : tensor<2x5x7xf32>) dimensions = [2]
  %pn = arith.divf %p, %sb : tensor<2x5x7xf32>
  %eo = tensor.empty() : tensor<2x5x4xf32>
  %fo = linalg.fill ins(%zero : f32) outs(%eo : tensor<2x5x4xf32>) -> tensor<2x5x4xf32>
  %o = linalg.batch_matmul ins(%pn, %v : tensor<2x5x7xf32>, tensor<2x7x4xf32>) outs(%fo : tensor<2x5x4xf32>) -> tensor<2x5x4xf32>
  return %o : tensor<2x5x4xf32>
}

// -----

#a = affine_map<(b, i, j, d) -> (b, i, d)>
#b = affine_map<(b, i, j, d) -> (b, j, d)>
#c = affine_map<(b, i, j, d) -> (b, i, j)>

// The same table with a negative factor: refused.
// CHECK-LABEL: func.func @table_with_negative_over_mask
// CHECK-NOT: attn.attention
func.func @table_with_negative_over_mask(%q: tensor<2x5x8xf32>, %k: tensor<2x7x8xf32>, %v: tensor<2x7x4xf32>, %keep: tensor<2x5x7xi1>) -> tensor<2x5x4xf32> {
  %zero = arith.constant 0.0 : f32
  %ninf = arith.constant 0xFF800000 : f32
  %e = tensor.empty() : tensor<2x5x7xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<2x5x7xf32>) -> tensor<2x5x7xf32>
  %s = linalg.batch_matmul indexing_maps = [#a, #b, #c] ins(%q, %k : tensor<2x5x8xf32>, tensor<2x7x8xf32>) outs(%f : tensor<2x5x7xf32>) -> tensor<2x5x7xf32>
  %ni = arith.constant dense<0xFF800000> : tensor<2x5x7xf32>
  %y = arith.select %keep, %s, %ni : tensor<2x5x7xi1>, tensor<2x5x7xf32>
  %t = arith.constant dense<[0.25, -0.5]> : tensor<2xf32>
  %tb = linalg.broadcast ins(%t : tensor<2xf32>) outs(%e : tensor<2x5x7xf32>) dimensions = [1, 2]
  %x = arith.mulf %y, %tb : tensor<2x5x7xf32>
  %er = tensor.empty() : tensor<2x5xf32>
  %fm = linalg.fill ins(%ninf : f32) outs(%er : tensor<2x5xf32>) -> tensor<2x5xf32>
  %mx = linalg.reduce ins(%x : tensor<2x5x7xf32>) outs(%fm : tensor<2x5xf32>) dimensions = [2]
    (%in: f32, %acc: f32) {
      %r = arith.maximumf %in, %acc : f32
      linalg.yield %r : f32
    }
  %mb = linalg.broadcast ins(%mx : tensor<2x5xf32>) outs(%e : tensor<2x5x7xf32>) dimensions = [2]
  %d = arith.subf %x, %mb : tensor<2x5x7xf32>
  %p = math.exp %d : tensor<2x5x7xf32>
  %fs = linalg.fill ins(%zero : f32) outs(%er : tensor<2x5xf32>) -> tensor<2x5xf32>
  %sm = linalg.reduce ins(%p : tensor<2x5x7xf32>) outs(%fs : tensor<2x5xf32>) dimensions = [2]
    (%in: f32, %acc: f32) {
      %r = arith.addf %in, %acc : f32
      linalg.yield %r : f32
    }
  %sb = linalg.broadcast ins(%sm : tensor<2x5xf32>) outs(%e : tensor<2x5x7xf32>) dimensions = [2]
  %pn = arith.divf %p, %sb : tensor<2x5x7xf32>
  %eo = tensor.empty() : tensor<2x5x4xf32>
  %fo = linalg.fill ins(%zero : f32) outs(%eo : tensor<2x5x4xf32>) -> tensor<2x5x4xf32>
  // expected-remark @below {{not fused: a masking value under a scale that is not known to be positive (a constant of positive values)}}
  %o = linalg.batch_matmul ins(%pn, %v : tensor<2x5x7xf32>, tensor<2x7x4xf32>) outs(%fo : tensor<2x5x4xf32>) -> tensor<2x5x4xf32>
  return %o : tensor<2x5x4xf32>
}

// -----

#a = affine_map<(b, i, j, d) -> (b, i, d)>
#b = affine_map<(b, i, j, d) -> (b, j, d)>
#c = affine_map<(b, i, j, d) -> (b, i, j)>

// A table whose smallest factor (1e-6) makes -1e9 a score of -1e3, which no
// longer masks: refused.
// CHECK-LABEL: func.func @table_too_small_for_finite_mask
// CHECK-NOT: attn.attention
func.func @table_too_small_for_finite_mask(%q: tensor<2x5x8xf32>, %k: tensor<2x7x8xf32>, %v: tensor<2x7x4xf32>, %keep: tensor<2x5x7xi1>) -> tensor<2x5x4xf32> {
  %zero = arith.constant 0.0 : f32
  %ninf = arith.constant 0xFF800000 : f32
  %e = tensor.empty() : tensor<2x5x7xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<2x5x7xf32>) -> tensor<2x5x7xf32>
  %s = linalg.batch_matmul indexing_maps = [#a, #b, #c] ins(%q, %k : tensor<2x5x8xf32>, tensor<2x7x8xf32>) outs(%f : tensor<2x5x7xf32>) -> tensor<2x5x7xf32>
  %big = arith.constant dense<-1.0e9> : tensor<2x5x7xf32>
  %y = arith.select %keep, %s, %big : tensor<2x5x7xi1>, tensor<2x5x7xf32>
  %t = arith.constant dense<[1.0e-6, 0.5]> : tensor<2xf32>
  %tb = linalg.broadcast ins(%t : tensor<2xf32>) outs(%e : tensor<2x5x7xf32>) dimensions = [1, 2]
  %x = arith.mulf %y, %tb : tensor<2x5x7xf32>
  %er = tensor.empty() : tensor<2x5xf32>
  %fm = linalg.fill ins(%ninf : f32) outs(%er : tensor<2x5xf32>) -> tensor<2x5xf32>
  %mx = linalg.reduce ins(%x : tensor<2x5x7xf32>) outs(%fm : tensor<2x5xf32>) dimensions = [2]
    (%in: f32, %acc: f32) {
      %r = arith.maximumf %in, %acc : f32
      linalg.yield %r : f32
    }
  %mb = linalg.broadcast ins(%mx : tensor<2x5xf32>) outs(%e : tensor<2x5x7xf32>) dimensions = [2]
  %d = arith.subf %x, %mb : tensor<2x5x7xf32>
  %p = math.exp %d : tensor<2x5x7xf32>
  %fs = linalg.fill ins(%zero : f32) outs(%er : tensor<2x5xf32>) -> tensor<2x5xf32>
  %sm = linalg.reduce ins(%p : tensor<2x5x7xf32>) outs(%fs : tensor<2x5xf32>) dimensions = [2]
    (%in: f32, %acc: f32) {
      %r = arith.addf %in, %acc : f32
      linalg.yield %r : f32
    }
  %sb = linalg.broadcast ins(%sm : tensor<2x5xf32>) outs(%e : tensor<2x5x7xf32>) dimensions = [2]
  %pn = arith.divf %p, %sb : tensor<2x5x7xf32>
  %eo = tensor.empty() : tensor<2x5x4xf32>
  %fo = linalg.fill ins(%zero : f32) outs(%eo : tensor<2x5x4xf32>) -> tensor<2x5x4xf32>
  // expected-remark-re @below {{not fused: a finite mask value (-1.000000e+09) is scaled by 1.0{{0*}}e-06 afterwards and no longer masks (needs <= -1e4)}}
  %o = linalg.batch_matmul ins(%pn, %v : tensor<2x5x7xf32>, tensor<2x7x4xf32>) outs(%fo : tensor<2x5x4xf32>) -> tensor<2x5x4xf32>
  return %o : tensor<2x5x4xf32>
}

// -----

#a = affine_map<(b, i, j, d) -> (b, i, d)>
#b = affine_map<(b, i, j, d) -> (b, j, d)>
#c = affine_map<(b, i, j, d) -> (b, i, j)>

// Scores doubled twenty times over (x + x): the walk, which expands a value
// once per use, stops at its node budget and leaves the chain alone at once
// (it used to take time and memory exponential in the depth).
// CHECK-LABEL: func.func @reused_values_blowup
// CHECK-NOT: attn.attention
func.func @reused_values_blowup(%q: tensor<2x5x8xf32>, %k: tensor<2x7x8xf32>, %v: tensor<2x7x4xf32>) -> tensor<2x5x4xf32> {
  %zero = arith.constant 0.0 : f32
  %ninf = arith.constant 0xFF800000 : f32
  %e = tensor.empty() : tensor<2x5x7xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<2x5x7xf32>) -> tensor<2x5x7xf32>
  %s = linalg.batch_matmul indexing_maps = [#a, #b, #c] ins(%q, %k : tensor<2x5x8xf32>, tensor<2x7x8xf32>) outs(%f : tensor<2x5x7xf32>) -> tensor<2x5x7xf32>
  %x0 = arith.addf %s, %s : tensor<2x5x7xf32>
  %x1 = arith.addf %x0, %x0 : tensor<2x5x7xf32>
  %x2 = arith.addf %x1, %x1 : tensor<2x5x7xf32>
  %x3 = arith.addf %x2, %x2 : tensor<2x5x7xf32>
  %x4 = arith.addf %x3, %x3 : tensor<2x5x7xf32>
  %x5 = arith.addf %x4, %x4 : tensor<2x5x7xf32>
  %x6 = arith.addf %x5, %x5 : tensor<2x5x7xf32>
  %x7 = arith.addf %x6, %x6 : tensor<2x5x7xf32>
  %x8 = arith.addf %x7, %x7 : tensor<2x5x7xf32>
  %x9 = arith.addf %x8, %x8 : tensor<2x5x7xf32>
  %x10 = arith.addf %x9, %x9 : tensor<2x5x7xf32>
  %x11 = arith.addf %x10, %x10 : tensor<2x5x7xf32>
  %x12 = arith.addf %x11, %x11 : tensor<2x5x7xf32>
  %x13 = arith.addf %x12, %x12 : tensor<2x5x7xf32>
  %x14 = arith.addf %x13, %x13 : tensor<2x5x7xf32>
  %x15 = arith.addf %x14, %x14 : tensor<2x5x7xf32>
  %x16 = arith.addf %x15, %x15 : tensor<2x5x7xf32>
  %x17 = arith.addf %x16, %x16 : tensor<2x5x7xf32>
  %x18 = arith.addf %x17, %x17 : tensor<2x5x7xf32>
  %x19 = arith.addf %x18, %x18 : tensor<2x5x7xf32>
  %x = arith.mulf %x19, %x19 : tensor<2x5x7xf32>
  %er = tensor.empty() : tensor<2x5xf32>
  %fm = linalg.fill ins(%ninf : f32) outs(%er : tensor<2x5xf32>) -> tensor<2x5xf32>
  %mx = linalg.reduce ins(%x : tensor<2x5x7xf32>) outs(%fm : tensor<2x5xf32>) dimensions = [2]
    (%in: f32, %acc: f32) {
      %r = arith.maximumf %in, %acc : f32
      linalg.yield %r : f32
    }
  %mb = linalg.broadcast ins(%mx : tensor<2x5xf32>) outs(%e : tensor<2x5x7xf32>) dimensions = [2]
  %d = arith.subf %x, %mb : tensor<2x5x7xf32>
  %p = math.exp %d : tensor<2x5x7xf32>
  %fs = linalg.fill ins(%zero : f32) outs(%er : tensor<2x5xf32>) -> tensor<2x5xf32>
  %sm = linalg.reduce ins(%p : tensor<2x5x7xf32>) outs(%fs : tensor<2x5xf32>) dimensions = [2]
    (%in: f32, %acc: f32) {
      %r = arith.addf %in, %acc : f32
      linalg.yield %r : f32
    }
  %sb = linalg.broadcast ins(%sm : tensor<2x5xf32>) outs(%e : tensor<2x5x7xf32>) dimensions = [2]
  %pn = arith.divf %p, %sb : tensor<2x5x7xf32>
  %eo = tensor.empty() : tensor<2x5x4xf32>
  %fo = linalg.fill ins(%zero : f32) outs(%eo : tensor<2x5x4xf32>) -> tensor<2x5x4xf32>
  // expected-remark @below {{not fused: the chain is too large to analyse (over 50000 expression nodes with its reused values expanded)}}
  %o = linalg.batch_matmul ins(%pn, %v : tensor<2x5x7xf32>, tensor<2x7x4xf32>) outs(%fo : tensor<2x5x4xf32>) -> tensor<2x5x4xf32>
  return %o : tensor<2x5x4xf32>
}
