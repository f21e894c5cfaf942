// attn-fuse-attention reads constant masks stored as dense_resource blobs
// (torch-mlir's importer emits model buffers that way) for bands, in place:
// f16 and bf16 0/-inf blobs; a blob whose size does not match its type, or
// one that is not a band, stays a mask operand. (i1 and f32 blobs, sliced and
// executed: Integration/CPU/fuse-resource-mask.mlir.)
// RUN: attn-opt %s -attn-fuse-attention | FileCheck %s

// CHECK-LABEL: func.func @f16_causal(
// CHECK:         attn.attention
// CHECK-NOT:     mask(
// CHECK-SAME:    causal = top_left
// CHECK-LABEL: func.func @bf16_anticausal(
// CHECK:         attn.attention
// CHECK-NOT:     mask(
// CHECK-SAME:    window = [0, -1]
// CHECK-LABEL: func.func @f16_short_blob(
// CHECK:         attn.attention {{.*}} mask(
// CHECK-LABEL: func.func @f16_not_band(
// CHECK:         attn.attention {{.*}} mask(

#q = affine_map<(b, h, i, j, d) -> (b, h, i, d)>
#k = affine_map<(b, h, i, j, d) -> (b, h, j, d)>
#s = affine_map<(b, h, i, j, d) -> (b, h, i, j)>
#p = affine_map<(b, h, i, e, j) -> (b, h, i, j)>
#v = affine_map<(b, h, i, e, j) -> (b, h, j, e)>
#o = affine_map<(b, h, i, e, j) -> (b, h, i, e)>
#id = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#m2 = affine_map<(d0, d1, d2, d3) -> (d2, d3)>

func.func @f16_causal(%q: tensor<1x2x8x16xf32>, %k: tensor<1x2x8x16xf32>, %v: tensor<1x2x8x16xf32>) -> tensor<1x2x8x16xf32> {
  %zero = arith.constant 0.0 : f32
  %m = arith.constant dense_resource<f16_causal_mask> : tensor<8x8xf16>
  %e = tensor.empty() : tensor<1x2x8x8xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<1x2x8x8xf32>) -> tensor<1x2x8x8xf32>
  %s = linalg.generic {indexing_maps = [#q, #k, #s], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%q, %k : tensor<1x2x8x16xf32>, tensor<1x2x8x16xf32>) outs(%f : tensor<1x2x8x8xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %mm = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %mm : f32
    linalg.yield %r : f32
  } -> tensor<1x2x8x8xf32>
  %ss = linalg.generic {indexing_maps = [#id, #m2, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%s, %m : tensor<1x2x8x8xf32>, tensor<8x8xf16>) outs(%e : tensor<1x2x8x8xf32>) {
  ^bb0(%a: f32, %mv: f16, %o: f32):
    %x = arith.extf %mv : f16 to f32
    %r = arith.addf %a, %x : f32
    linalg.yield %r : f32
  } -> tensor<1x2x8x8xf32>
  %sm = linalg.softmax dimension(3) ins(%ss : tensor<1x2x8x8xf32>) outs(%e : tensor<1x2x8x8xf32>) -> tensor<1x2x8x8xf32>
  %eo = tensor.empty() : tensor<1x2x8x16xf32>
  %fo = linalg.fill ins(%zero : f32) outs(%eo : tensor<1x2x8x16xf32>) -> tensor<1x2x8x16xf32>
  %out = linalg.generic {indexing_maps = [#p, #v, #o], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%sm, %v : tensor<1x2x8x8xf32>, tensor<1x2x8x16xf32>) outs(%fo : tensor<1x2x8x16xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %mm = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %mm : f32
    linalg.yield %r : f32
  } -> tensor<1x2x8x16xf32>
  return %out : tensor<1x2x8x16xf32>
}

func.func @bf16_anticausal(%q: tensor<1x2x8x16xf32>, %k: tensor<1x2x8x16xf32>, %v: tensor<1x2x8x16xf32>) -> tensor<1x2x8x16xf32> {
  %zero = arith.constant 0.0 : f32
  %m = arith.constant dense_resource<bf16_anticausal_mask> : tensor<8x8xbf16>
  %e = tensor.empty() : tensor<1x2x8x8xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<1x2x8x8xf32>) -> tensor<1x2x8x8xf32>
  %s = linalg.generic {indexing_maps = [#q, #k, #s], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%q, %k : tensor<1x2x8x16xf32>, tensor<1x2x8x16xf32>) outs(%f : tensor<1x2x8x8xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %mm = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %mm : f32
    linalg.yield %r : f32
  } -> tensor<1x2x8x8xf32>
  %ss = linalg.generic {indexing_maps = [#id, #m2, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%s, %m : tensor<1x2x8x8xf32>, tensor<8x8xbf16>) outs(%e : tensor<1x2x8x8xf32>) {
  ^bb0(%a: f32, %mv: bf16, %o: f32):
    %x = arith.extf %mv : bf16 to f32
    %r = arith.addf %a, %x : f32
    linalg.yield %r : f32
  } -> tensor<1x2x8x8xf32>
  %sm = linalg.softmax dimension(3) ins(%ss : tensor<1x2x8x8xf32>) outs(%e : tensor<1x2x8x8xf32>) -> tensor<1x2x8x8xf32>
  %eo = tensor.empty() : tensor<1x2x8x16xf32>
  %fo = linalg.fill ins(%zero : f32) outs(%eo : tensor<1x2x8x16xf32>) -> tensor<1x2x8x16xf32>
  %out = linalg.generic {indexing_maps = [#p, #v, #o], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%sm, %v : tensor<1x2x8x8xf32>, tensor<1x2x8x16xf32>) outs(%fo : tensor<1x2x8x16xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %mm = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %mm : f32
    linalg.yield %r : f32
  } -> tensor<1x2x8x16xf32>
  return %out : tensor<1x2x8x16xf32>
}

func.func @f16_short_blob(%q: tensor<1x2x8x16xf32>, %k: tensor<1x2x8x16xf32>, %v: tensor<1x2x8x16xf32>) -> tensor<1x2x8x16xf32> {
  %zero = arith.constant 0.0 : f32
  %m = arith.constant dense_resource<f16_short_blob_mask> : tensor<8x8xf16>
  %e = tensor.empty() : tensor<1x2x8x8xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<1x2x8x8xf32>) -> tensor<1x2x8x8xf32>
  %s = linalg.generic {indexing_maps = [#q, #k, #s], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%q, %k : tensor<1x2x8x16xf32>, tensor<1x2x8x16xf32>) outs(%f : tensor<1x2x8x8xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %mm = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %mm : f32
    linalg.yield %r : f32
  } -> tensor<1x2x8x8xf32>
  %ss = linalg.generic {indexing_maps = [#id, #m2, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%s, %m : tensor<1x2x8x8xf32>, tensor<8x8xf16>) outs(%e : tensor<1x2x8x8xf32>) {
  ^bb0(%a: f32, %mv: f16, %o: f32):
    %x = arith.extf %mv : f16 to f32
    %r = arith.addf %a, %x : f32
    linalg.yield %r : f32
  } -> tensor<1x2x8x8xf32>
  %sm = linalg.softmax dimension(3) ins(%ss : tensor<1x2x8x8xf32>) outs(%e : tensor<1x2x8x8xf32>) -> tensor<1x2x8x8xf32>
  %eo = tensor.empty() : tensor<1x2x8x16xf32>
  %fo = linalg.fill ins(%zero : f32) outs(%eo : tensor<1x2x8x16xf32>) -> tensor<1x2x8x16xf32>
  %out = linalg.generic {indexing_maps = [#p, #v, #o], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%sm, %v : tensor<1x2x8x8xf32>, tensor<1x2x8x16xf32>) outs(%fo : tensor<1x2x8x16xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %mm = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %mm : f32
    linalg.yield %r : f32
  } -> tensor<1x2x8x16xf32>
  return %out : tensor<1x2x8x16xf32>
}

func.func @f16_not_band(%q: tensor<1x2x8x16xf32>, %k: tensor<1x2x8x16xf32>, %v: tensor<1x2x8x16xf32>) -> tensor<1x2x8x16xf32> {
  %zero = arith.constant 0.0 : f32
  %m = arith.constant dense_resource<f16_not_band_mask> : tensor<8x8xf16>
  %e = tensor.empty() : tensor<1x2x8x8xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<1x2x8x8xf32>) -> tensor<1x2x8x8xf32>
  %s = linalg.generic {indexing_maps = [#q, #k, #s], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%q, %k : tensor<1x2x8x16xf32>, tensor<1x2x8x16xf32>) outs(%f : tensor<1x2x8x8xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %mm = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %mm : f32
    linalg.yield %r : f32
  } -> tensor<1x2x8x8xf32>
  %ss = linalg.generic {indexing_maps = [#id, #m2, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%s, %m : tensor<1x2x8x8xf32>, tensor<8x8xf16>) outs(%e : tensor<1x2x8x8xf32>) {
  ^bb0(%a: f32, %mv: f16, %o: f32):
    %x = arith.extf %mv : f16 to f32
    %r = arith.addf %a, %x : f32
    linalg.yield %r : f32
  } -> tensor<1x2x8x8xf32>
  %sm = linalg.softmax dimension(3) ins(%ss : tensor<1x2x8x8xf32>) outs(%e : tensor<1x2x8x8xf32>) -> tensor<1x2x8x8xf32>
  %eo = tensor.empty() : tensor<1x2x8x16xf32>
  %fo = linalg.fill ins(%zero : f32) outs(%eo : tensor<1x2x8x16xf32>) -> tensor<1x2x8x16xf32>
  %out = linalg.generic {indexing_maps = [#p, #v, #o], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%sm, %v : tensor<1x2x8x8xf32>, tensor<1x2x8x16xf32>) outs(%fo : tensor<1x2x8x16xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %mm = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %mm : f32
    linalg.yield %r : f32
  } -> tensor<1x2x8x16xf32>
  return %out : tensor<1x2x8x16xf32>
}

{-#
  dialect_resources: {
    builtin: {
      f16_causal_mask: "0x02000000000000FC00FC00FC00FC00FC00FC00FC0000000000FC00FC00FC00FC00FC00FC00000000000000FC00FC00FC00FC00FC000000000000000000FC00FC00FC00FC0000000000000000000000FC00FC00FC00000000000000000000000000FC00FC000000000000000000000000000000FC00000000000000000000000000000000",
      bf16_anticausal_mask: "0x020000000000000000000000000000000000000080FF000000000000000000000000000080FF80FF00000000000000000000000080FF80FF80FF0000000000000000000080FF80FF80FF80FF000000000000000080FF80FF80FF80FF80FF00000000000080FF80FF80FF80FF80FF80FF0000000080FF80FF80FF80FF80FF80FF80FF0000",
      f16_short_blob_mask: "0x02000000000000FC00FC00FC00FC00FC00FC00FC0000000000FC00FC00FC00FC00FC00FC00000000000000FC00FC00FC00FC00FC000000000000000000FC00FC00FC00FC0000000000000000000000FC00FC00FC00000000000000000000000000FC00FC000000000000000000000000000000FC000000000000000000000000",
      f16_not_band_mask: "0x0200000000FC0000000000FC0000000000FC00000000000000FC0000000000FC00000000000000FC0000000000FC0000000000FC00FC0000000000FC0000000000FC00000000000000FC0000000000FC00000000000000FC0000000000FC0000000000FC00FC0000000000FC0000000000FC00000000000000FC0000000000FC00000000"
    }
  }
#-}
