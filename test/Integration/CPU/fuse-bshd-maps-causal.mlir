// Executed check of attn-fuse-attention: causal attention in BSHD layout
// written directly in the contraction indexing maps (Q (b, i, h, d), K/V
// (b, j, h, d), output (b, i, h, e)) with the causal mask from linalg.index
// comparisons on the [B, H, S, S] scores. Also BHSD inputs with a BSHD
// output and BSHD inputs with a BHSD output (a transpose after the op).
// Odd sizes B=1, S=7, H=2, D=5. Fused and unfused programs must agree
// within rtol 1e-4, atol 1e-5.
// RUN: attn-opt %s -attn-fuse-attention | FileCheck %s
// RUN: attn-opt %s -attn-cpu-pipeline="fuse=false" | mlir-runner -e main -entry-point-result=void -shared-libs=%runner_libs > %t.ref
// RUN: attn-opt %s -attn-cpu-pipeline="fuse=true" | mlir-runner -e main -entry-point-result=void -shared-libs=%runner_libs > %t.fused
// RUN: %python %attn_src/test/lib/compare_outputs.py %t.ref %t.fused --rtol 1e-4 --atol 1e-5

// CHECK-LABEL: func.func @bshd_maps_causal
// CHECK-SAME: %[[Q:[a-z0-9]+]]: tensor<1x7x2x5xf32>, %[[K:[a-z0-9]+]]: tensor<1x7x2x5xf32>, %[[V:[a-z0-9]+]]: tensor<1x7x2x5xf32>
// CHECK: %[[R:.+]] = attn.attention ins(%[[Q]], %[[K]], %[[V]] : tensor<1x7x2x5xf32>, tensor<1x7x2x5xf32>, tensor<1x7x2x5xf32>)
// CHECK-SAME: causal = top_left layout = bshd -> tensor<1x7x2x5xf32>
// CHECK-NOT: linalg.generic
// CHECK-NOT: linalg.transpose
// CHECK: return %[[R]] : tensor<1x7x2x5xf32>

// CHECK-LABEL: func.func @bhsd_in_bshd_out_causal
// CHECK: %[[R:.+]] = attn.attention ins(%{{.*}}, %{{.*}}, %{{.*}} : tensor<1x2x7x5xf32>, tensor<1x2x7x5xf32>, tensor<1x2x7x5xf32>)
// CHECK-SAME: causal = top_left -> tensor<1x2x7x5xf32>
// CHECK-NOT: linalg.generic
// CHECK: %[[T:.+]] = linalg.transpose ins(%[[R]] : tensor<1x2x7x5xf32>) {{.*}} permutation = [0, 2, 1, 3]
// CHECK: return %[[T]] : tensor<1x7x2x5xf32>

// CHECK-LABEL: func.func @bshd_in_bhsd_out_causal
// CHECK: %[[R:.+]] = attn.attention ins(%{{.*}}, %{{.*}}, %{{.*}} : tensor<1x7x2x5xf32>, tensor<1x7x2x5xf32>, tensor<1x7x2x5xf32>)
// CHECK-SAME: causal = top_left layout = bshd -> tensor<1x7x2x5xf32>
// CHECK-NOT: linalg.generic
// CHECK: %[[T:.+]] = linalg.transpose ins(%[[R]] : tensor<1x7x2x5xf32>) {{.*}} permutation = [0, 2, 1, 3]
// CHECK: return %[[T]] : tensor<1x2x7x5xf32>

#s = affine_map<(b, h, i, j, d) -> (b, h, i, j)>
#p = affine_map<(b, h, i, e, j) -> (b, h, i, j)>
#id = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#row = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>

func.func @bshd_maps_causal(%q: tensor<1x7x2x5xf32>, %k: tensor<1x7x2x5xf32>, %v: tensor<1x7x2x5xf32>) -> tensor<1x7x2x5xf32> {
  %zero = arith.constant 0.0 : f32
  %scale = arith.constant 0.4472136 : f32
  %ninf = arith.constant 0xFF800000 : f32
  %es = tensor.empty() : tensor<1x2x7x7xf32>
  %fs = linalg.fill ins(%zero : f32) outs(%es : tensor<1x2x7x7xf32>) -> tensor<1x2x7x7xf32>
  %s = linalg.generic {indexing_maps = [affine_map<(b, h, i, j, d) -> (b, i, h, d)>, affine_map<(b, h, i, j, d) -> (b, j, h, d)>, #s], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%q, %k : tensor<1x7x2x5xf32>, tensor<1x7x2x5xf32>) outs(%fs : tensor<1x2x7x7xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %mm = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %mm : f32
    linalg.yield %r : f32
  } -> tensor<1x2x7x7xf32>
  %ss = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%s : tensor<1x2x7x7xf32>) outs(%es : tensor<1x2x7x7xf32>) {
  ^bb0(%a: f32, %o: f32):
    %r = arith.mulf %a, %scale : f32
    %i = linalg.index 2 : index
    %j = linalg.index 3 : index
    %fut = arith.cmpi ugt, %j, %i : index
    %r1 = arith.select %fut, %ninf, %r : f32
    linalg.yield %r1 : f32
  } -> tensor<1x2x7x7xf32>
  %er = tensor.empty() : tensor<1x2x7xf32>
  %fm = linalg.fill ins(%ninf : f32) outs(%er : tensor<1x2x7xf32>) -> tensor<1x2x7xf32>
  %mx = linalg.generic {indexing_maps = [#id, #row], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%ss : tensor<1x2x7x7xf32>) outs(%fm : tensor<1x2x7xf32>) {
  ^bb0(%a: f32, %acc: f32):
    %m = arith.maximumf %a, %acc : f32
    linalg.yield %m : f32
  } -> tensor<1x2x7xf32>
  %ex = linalg.generic {indexing_maps = [#id, #row, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%ss, %mx : tensor<1x2x7x7xf32>, tensor<1x2x7xf32>) outs(%es : tensor<1x2x7x7xf32>) {
  ^bb0(%a: f32, %b: f32, %o: f32):
    %d = arith.subf %a, %b : f32
    %x = math.exp %d : f32
    linalg.yield %x : f32
  } -> tensor<1x2x7x7xf32>
  %fz = linalg.fill ins(%zero : f32) outs(%er : tensor<1x2x7xf32>) -> tensor<1x2x7xf32>
  %sum = linalg.generic {indexing_maps = [#id, #row], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%ex : tensor<1x2x7x7xf32>) outs(%fz : tensor<1x2x7xf32>) {
  ^bb0(%a: f32, %acc: f32):
    %r = arith.addf %a, %acc : f32
    linalg.yield %r : f32
  } -> tensor<1x2x7xf32>
  %pr = linalg.generic {indexing_maps = [#id, #row, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%ex, %sum : tensor<1x2x7x7xf32>, tensor<1x2x7xf32>) outs(%es : tensor<1x2x7x7xf32>) {
  ^bb0(%a: f32, %b: f32, %o: f32):
    %r = arith.divf %a, %b : f32
    linalg.yield %r : f32
  } -> tensor<1x2x7x7xf32>
  %eo = tensor.empty() : tensor<1x7x2x5xf32>
  %fo = linalg.fill ins(%zero : f32) outs(%eo : tensor<1x7x2x5xf32>) -> tensor<1x7x2x5xf32>
  %o = linalg.generic {indexing_maps = [#p, affine_map<(b, h, i, e, j) -> (b, j, h, e)>, affine_map<(b, h, i, e, j) -> (b, i, h, e)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%pr, %v : tensor<1x2x7x7xf32>, tensor<1x7x2x5xf32>) outs(%fo : tensor<1x7x2x5xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %mm = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %mm : f32
    linalg.yield %r : f32
  } -> tensor<1x7x2x5xf32>
  return %o : tensor<1x7x2x5xf32>
}

func.func @bhsd_in_bshd_out_causal(%q: tensor<1x2x7x5xf32>, %k: tensor<1x2x7x5xf32>, %v: tensor<1x2x7x5xf32>) -> tensor<1x7x2x5xf32> {
  %zero = arith.constant 0.0 : f32
  %scale = arith.constant 0.4472136 : f32
  %ninf = arith.constant 0xFF800000 : f32
  %es = tensor.empty() : tensor<1x2x7x7xf32>
  %fs = linalg.fill ins(%zero : f32) outs(%es : tensor<1x2x7x7xf32>) -> tensor<1x2x7x7xf32>
  %s = linalg.generic {indexing_maps = [affine_map<(b, h, i, j, d) -> (b, h, i, d)>, affine_map<(b, h, i, j, d) -> (b, h, j, d)>, #s], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%q, %k : tensor<1x2x7x5xf32>, tensor<1x2x7x5xf32>) outs(%fs : tensor<1x2x7x7xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %mm = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %mm : f32
    linalg.yield %r : f32
  } -> tensor<1x2x7x7xf32>
  %ss = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%s : tensor<1x2x7x7xf32>) outs(%es : tensor<1x2x7x7xf32>) {
  ^bb0(%a: f32, %o: f32):
    %r = arith.mulf %a, %scale : f32
    %i = linalg.index 2 : index
    %j = linalg.index 3 : index
    %fut = arith.cmpi ugt, %j, %i : index
    %r1 = arith.select %fut, %ninf, %r : f32
    linalg.yield %r1 : f32
  } -> tensor<1x2x7x7xf32>
  %er = tensor.empty() : tensor<1x2x7xf32>
  %fm = linalg.fill ins(%ninf : f32) outs(%er : tensor<1x2x7xf32>) -> tensor<1x2x7xf32>
  %mx = linalg.generic {indexing_maps = [#id, #row], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%ss : tensor<1x2x7x7xf32>) outs(%fm : tensor<1x2x7xf32>) {
  ^bb0(%a: f32, %acc: f32):
    %m = arith.maximumf %a, %acc : f32
    linalg.yield %m : f32
  } -> tensor<1x2x7xf32>
  %ex = linalg.generic {indexing_maps = [#id, #row, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%ss, %mx : tensor<1x2x7x7xf32>, tensor<1x2x7xf32>) outs(%es : tensor<1x2x7x7xf32>) {
  ^bb0(%a: f32, %b: f32, %o: f32):
    %d = arith.subf %a, %b : f32
    %x = math.exp %d : f32
    linalg.yield %x : f32
  } -> tensor<1x2x7x7xf32>
  %fz = linalg.fill ins(%zero : f32) outs(%er : tensor<1x2x7xf32>) -> tensor<1x2x7xf32>
  %sum = linalg.generic {indexing_maps = [#id, #row], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%ex : tensor<1x2x7x7xf32>) outs(%fz : tensor<1x2x7xf32>) {
  ^bb0(%a: f32, %acc: f32):
    %r = arith.addf %a, %acc : f32
    linalg.yield %r : f32
  } -> tensor<1x2x7xf32>
  %pr = linalg.generic {indexing_maps = [#id, #row, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%ex, %sum : tensor<1x2x7x7xf32>, tensor<1x2x7xf32>) outs(%es : tensor<1x2x7x7xf32>) {
  ^bb0(%a: f32, %b: f32, %o: f32):
    %r = arith.divf %a, %b : f32
    linalg.yield %r : f32
  } -> tensor<1x2x7x7xf32>
  %eo = tensor.empty() : tensor<1x7x2x5xf32>
  %fo = linalg.fill ins(%zero : f32) outs(%eo : tensor<1x7x2x5xf32>) -> tensor<1x7x2x5xf32>
  %o = linalg.generic {indexing_maps = [#p, affine_map<(b, h, i, e, j) -> (b, h, j, e)>, affine_map<(b, h, i, e, j) -> (b, i, h, e)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%pr, %v : tensor<1x2x7x7xf32>, tensor<1x2x7x5xf32>) outs(%fo : tensor<1x7x2x5xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %mm = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %mm : f32
    linalg.yield %r : f32
  } -> tensor<1x7x2x5xf32>
  return %o : tensor<1x7x2x5xf32>
}

func.func @bshd_in_bhsd_out_causal(%q: tensor<1x7x2x5xf32>, %k: tensor<1x7x2x5xf32>, %v: tensor<1x7x2x5xf32>) -> tensor<1x2x7x5xf32> {
  %zero = arith.constant 0.0 : f32
  %scale = arith.constant 0.4472136 : f32
  %ninf = arith.constant 0xFF800000 : f32
  %es = tensor.empty() : tensor<1x2x7x7xf32>
  %fs = linalg.fill ins(%zero : f32) outs(%es : tensor<1x2x7x7xf32>) -> tensor<1x2x7x7xf32>
  %s = linalg.generic {indexing_maps = [affine_map<(b, h, i, j, d) -> (b, i, h, d)>, affine_map<(b, h, i, j, d) -> (b, j, h, d)>, #s], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%q, %k : tensor<1x7x2x5xf32>, tensor<1x7x2x5xf32>) outs(%fs : tensor<1x2x7x7xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %mm = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %mm : f32
    linalg.yield %r : f32
  } -> tensor<1x2x7x7xf32>
  %ss = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%s : tensor<1x2x7x7xf32>) outs(%es : tensor<1x2x7x7xf32>) {
  ^bb0(%a: f32, %o: f32):
    %r = arith.mulf %a, %scale : f32
    %i = linalg.index 2 : index
    %j = linalg.index 3 : index
    %fut = arith.cmpi ugt, %j, %i : index
    %r1 = arith.select %fut, %ninf, %r : f32
    linalg.yield %r1 : f32
  } -> tensor<1x2x7x7xf32>
  %er = tensor.empty() : tensor<1x2x7xf32>
  %fm = linalg.fill ins(%ninf : f32) outs(%er : tensor<1x2x7xf32>) -> tensor<1x2x7xf32>
  %mx = linalg.generic {indexing_maps = [#id, #row], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%ss : tensor<1x2x7x7xf32>) outs(%fm : tensor<1x2x7xf32>) {
  ^bb0(%a: f32, %acc: f32):
    %m = arith.maximumf %a, %acc : f32
    linalg.yield %m : f32
  } -> tensor<1x2x7xf32>
  %ex = linalg.generic {indexing_maps = [#id, #row, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%ss, %mx : tensor<1x2x7x7xf32>, tensor<1x2x7xf32>) outs(%es : tensor<1x2x7x7xf32>) {
  ^bb0(%a: f32, %b: f32, %o: f32):
    %d = arith.subf %a, %b : f32
    %x = math.exp %d : f32
    linalg.yield %x : f32
  } -> tensor<1x2x7x7xf32>
  %fz = linalg.fill ins(%zero : f32) outs(%er : tensor<1x2x7xf32>) -> tensor<1x2x7xf32>
  %sum = linalg.generic {indexing_maps = [#id, #row], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%ex : tensor<1x2x7x7xf32>) outs(%fz : tensor<1x2x7xf32>) {
  ^bb0(%a: f32, %acc: f32):
    %r = arith.addf %a, %acc : f32
    linalg.yield %r : f32
  } -> tensor<1x2x7xf32>
  %pr = linalg.generic {indexing_maps = [#id, #row, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%ex, %sum : tensor<1x2x7x7xf32>, tensor<1x2x7xf32>) outs(%es : tensor<1x2x7x7xf32>) {
  ^bb0(%a: f32, %b: f32, %o: f32):
    %r = arith.divf %a, %b : f32
    linalg.yield %r : f32
  } -> tensor<1x2x7x7xf32>
  %eo = tensor.empty() : tensor<1x2x7x5xf32>
  %fo = linalg.fill ins(%zero : f32) outs(%eo : tensor<1x2x7x5xf32>) -> tensor<1x2x7x5xf32>
  %o = linalg.generic {indexing_maps = [#p, affine_map<(b, h, i, e, j) -> (b, j, h, e)>, affine_map<(b, h, i, e, j) -> (b, h, i, e)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%pr, %v : tensor<1x2x7x7xf32>, tensor<1x7x2x5xf32>) outs(%fo : tensor<1x2x7x5xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %mm = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %mm : f32
    linalg.yield %r : f32
  } -> tensor<1x2x7x5xf32>
  return %o : tensor<1x2x7x5xf32>
}

#gen = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
// Fills a tensor with sin(0.37*i0 + 1.3*i1 + 0.71*i2 + 0.113*i3 + seed).
func.func @fill(%t: tensor<?x?x?x?xf32>, %seed: f32) -> tensor<?x?x?x?xf32> {
  %r = linalg.generic {indexing_maps = [#gen], iterator_types = ["parallel","parallel","parallel","parallel"]} outs(%t : tensor<?x?x?x?xf32>) {
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

func.func private @printMemrefF32(tensor<*xf32>)

func.func @main() {
  %qs_e = tensor.empty() : tensor<1x7x2x5xf32>
  %qs_d = tensor.cast %qs_e : tensor<1x7x2x5xf32> to tensor<?x?x?x?xf32>
  %qs_seed = arith.constant 0.0 : f32
  %qs_r = call @fill(%qs_d, %qs_seed) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %qs = tensor.cast %qs_r : tensor<?x?x?x?xf32> to tensor<1x7x2x5xf32>
  %ks_e = tensor.empty() : tensor<1x7x2x5xf32>
  %ks_d = tensor.cast %ks_e : tensor<1x7x2x5xf32> to tensor<?x?x?x?xf32>
  %ks_seed = arith.constant 1.7 : f32
  %ks_r = call @fill(%ks_d, %ks_seed) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %ks = tensor.cast %ks_r : tensor<?x?x?x?xf32> to tensor<1x7x2x5xf32>
  %vs_e = tensor.empty() : tensor<1x7x2x5xf32>
  %vs_d = tensor.cast %vs_e : tensor<1x7x2x5xf32> to tensor<?x?x?x?xf32>
  %vs_seed = arith.constant 2.9 : f32
  %vs_r = call @fill(%vs_d, %vs_seed) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %vs = tensor.cast %vs_r : tensor<?x?x?x?xf32> to tensor<1x7x2x5xf32>
  %qh_e = tensor.empty() : tensor<1x2x7x5xf32>
  %qh_d = tensor.cast %qh_e : tensor<1x2x7x5xf32> to tensor<?x?x?x?xf32>
  %qh_seed = arith.constant 0.4 : f32
  %qh_r = call @fill(%qh_d, %qh_seed) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %qh = tensor.cast %qh_r : tensor<?x?x?x?xf32> to tensor<1x2x7x5xf32>
  %kh_e = tensor.empty() : tensor<1x2x7x5xf32>
  %kh_d = tensor.cast %kh_e : tensor<1x2x7x5xf32> to tensor<?x?x?x?xf32>
  %kh_seed = arith.constant 2.3 : f32
  %kh_r = call @fill(%kh_d, %kh_seed) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %kh = tensor.cast %kh_r : tensor<?x?x?x?xf32> to tensor<1x2x7x5xf32>
  %vh_e = tensor.empty() : tensor<1x2x7x5xf32>
  %vh_d = tensor.cast %vh_e : tensor<1x2x7x5xf32> to tensor<?x?x?x?xf32>
  %vh_seed = arith.constant 3.1 : f32
  %vh_r = call @fill(%vh_d, %vh_seed) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %vh = tensor.cast %vh_r : tensor<?x?x?x?xf32> to tensor<1x2x7x5xf32>
  %o1 = call @bshd_maps_causal(%qs, %ks, %vs) : (tensor<1x7x2x5xf32>, tensor<1x7x2x5xf32>, tensor<1x7x2x5xf32>) -> tensor<1x7x2x5xf32>
  %u1 = tensor.cast %o1 : tensor<1x7x2x5xf32> to tensor<*xf32>
  call @printMemrefF32(%u1) : (tensor<*xf32>) -> ()
  %o2 = call @bhsd_in_bshd_out_causal(%qh, %kh, %vh) : (tensor<1x2x7x5xf32>, tensor<1x2x7x5xf32>, tensor<1x2x7x5xf32>) -> tensor<1x7x2x5xf32>
  %u2 = tensor.cast %o2 : tensor<1x7x2x5xf32> to tensor<*xf32>
  call @printMemrefF32(%u2) : (tensor<*xf32>) -> ()
  %o3 = call @bshd_in_bhsd_out_causal(%qs, %ks, %vs) : (tensor<1x7x2x5xf32>, tensor<1x7x2x5xf32>, tensor<1x7x2x5xf32>) -> tensor<1x2x7x5xf32>
  %u3 = tensor.cast %o3 : tensor<1x2x7x5xf32> to tensor<*xf32>
  call @printMemrefF32(%u3) : (tensor<*xf32>) -> ()
  return
}
