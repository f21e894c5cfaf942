// Hugging Face's KV-cache masks in the spellings a frontend round (session
// 17) found left as dense masks, and look-alikes that are no masks: raised
// (the CHECK lines) and run fused against unfused (rtol 1e-4, atol 1e-5).
// Each function is one of the round's generated programs (B = 1 or 2, H = 2,
// Sq = 4 or 1, T = 7, D = 5, Dv = 6; 3 cached keys; inputs 2 * sin(...)).
//   @pad_left: HF's padding merge `masked_fill(causal + am == 0, min)` on the cache_position mask (B = 2, left padding): causal plus a [B, 1, 1, T] i1 padding mask
//   @pad_mistral_w2: the same with Mistral's sliding window of 2
//   @gemma2_pad_w2: Gemma2: softcap, window, padding
//   @pad_notriu_decode: decoding (Sq = 1, no triu) with padding
//   @sdpa_pad_muli: HF's older-torch SDPA path: a boolean causal mask times a boolean padding mask as `arith.muli` on i1
//   @sdpa_w2_minui: a window combined with `arith.minui` on i1
//   @cp_slice_exact: cache_position as `arange(T)[P:]` (an extract_slice of an arange generic)
//   @extui_sitofp: the indicator through `extui` then `sitofp`
//   @sdpa_invmul: `(1 - mask.float()) * min`
//   @catcp_pre2: a concat of 2 zeros with the cache_position mask (an OR inside a piece)
//   @catcp_rows: chunked prefill: two cache_position blocks concatenated along the queries
//   @sitofp: look-alike: `sitofp` of an i1 is -1, not an indicator: stays a mask
//   @pos_fill: look-alike: a positive fill: stays a mask
//   @half: look-alike: an indicator of 0.5: stays a mask
//   @two_fills: look-alike: two different masking fills: stays a mask
// RUN: attn-opt %s -attn-fuse-attention | FileCheck %s
// RUN: attn-opt %s -attn-cpu-pipeline="fuse=false" | mlir-runner -e main -entry-point-result=void -shared-libs=%runner_libs > %t.ref
// RUN: attn-opt %s -attn-cpu-pipeline="fuse=true" | mlir-runner -e main -entry-point-result=void -shared-libs=%runner_libs > %t.fused
// RUN: %python %attn_src/test/lib/compare_outputs.py %t.ref %t.fused --rtol 1e-4 --atol 1e-5

// CHECK-LABEL: func.func @pad_left(
// CHECK:         attn.attention ins({{.*}}) mask(%{{.*}} : tensor<2x1x1x7xi1>) outs({{.*}}) scale = 5.000000e-01 causal = bottom_right ->
// CHECK-LABEL: func.func @pad_mistral_w2(
// CHECK:         attn.attention ins({{.*}}) mask(%{{.*}} : tensor<2x1x1x7xi1>) outs({{.*}}) scale = 5.000000e-01 causal = bottom_right window = [1, -1] ->
// CHECK-LABEL: func.func @gemma2_pad_w2(
// CHECK:         attn.attention ins({{.*}}) mask(%{{.*}} : tensor<2x1x1x7xi1>) outs({{.*}}) scale = 5.000000e-01 causal = bottom_right window = [4, -1] softcap = 5.000000e+01 ->
// CHECK-LABEL: func.func @pad_notriu_decode(
// CHECK:         attn.attention ins({{.*}}) mask(%{{.*}} : tensor<2x1x1x7xi1>) outs({{.*}}) scale = 5.000000e-01 causal = bottom_right ->
// CHECK-LABEL: func.func @sdpa_pad_muli(
// CHECK:         attn.attention ins({{.*}}) mask(%{{.*}} : tensor<2x1x1x7xi1>) outs({{.*}}) scale = 5.000000e-01 causal = bottom_right ->
// CHECK-LABEL: func.func @sdpa_w2_minui(
// CHECK-NOT:     tensor.concat
// CHECK:         attn.attention ins({{.*}}) outs({{.*}}) scale = 5.000000e-01 causal = bottom_right window = [1, -1] ->
// CHECK-LABEL: func.func @cp_slice_exact(
// CHECK-NOT:     tensor.concat
// CHECK:         attn.attention ins({{.*}}) outs({{.*}}) scale = 5.000000e-01 causal = bottom_right ->
// CHECK-LABEL: func.func @extui_sitofp(
// CHECK-NOT:     tensor.concat
// CHECK:         attn.attention ins({{.*}}) outs({{.*}}) scale = 5.000000e-01 causal = bottom_right ->
// CHECK-LABEL: func.func @sdpa_invmul(
// CHECK-NOT:     tensor.concat
// CHECK:         attn.attention ins({{.*}}) outs({{.*}}) scale = 5.000000e-01 causal = bottom_right ->
// CHECK-LABEL: func.func @catcp_pre2(
// CHECK-NOT:     tensor.concat
// CHECK:         attn.attention ins({{.*}}) outs({{.*}}) scale = 5.000000e-01 causal = bottom_right ->
// CHECK-LABEL: func.func @catcp_rows(
// CHECK-NOT:     tensor.concat
// CHECK:         attn.attention ins({{.*}}) outs({{.*}}) scale = 5.000000e-01 causal = bottom_right ->
// CHECK-LABEL: func.func @sitofp(
// CHECK:         attn.attention ins({{.*}}) mask(%{{.*}} : tensor<1x1x4x7xf32>) outs({{.*}}) scale = 5.000000e-01 ->
// CHECK-LABEL: func.func @pos_fill(
// CHECK:         attn.attention ins({{.*}}) mask(%{{.*}} : tensor<1x1x4x7xf32>) outs({{.*}}) scale = 5.000000e-01 ->
// CHECK-LABEL: func.func @half(
// CHECK:         attn.attention ins({{.*}}) mask(%{{.*}} : tensor<1x1x4x7xf32>) outs({{.*}}) scale = 5.000000e-01 ->
// CHECK-LABEL: func.func @two_fills(
// CHECK:         attn.attention ins({{.*}}) mask(%{{.*}} : tensor<1x1x4x7xf32>) outs({{.*}}) scale = 5.000000e-01 ->

func.func @pad_left(%q: tensor<2x2x4x5xf32>, %k: tensor<2x2x7x5xf32>, %v: tensor<2x2x7x6xf32>, %am: tensor<2x7xi64>) -> tensor<2x2x4x6xf32> {
  %zero = arith.constant 0.0 : f32
  %c = arith.constant 0.5 : f32
  %full1_e = tensor.empty() : tensor<4x7xf32>
  %full1_c = arith.constant -3.40282347E+38 : f32
  %full1 = linalg.fill ins(%full1_c : f32) outs(%full1_e : tensor<4x7xf32>) -> tensor<4x7xf32>
  %g2_e = tensor.empty() : tensor<4x7xf32>
  %g2 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} ins(%full1 : tensor<4x7xf32>) outs(%g2_e : tensor<4x7xf32>) {
  ^bb0(%a0: f32, %o: f32):
    %x0 = linalg.index 0 : index
    %i0 = arith.index_cast %x0 : index to i64
    %x1 = linalg.index 1 : index
    %i1 = arith.index_cast %x1 : index to i64
    %d = arith.subi %i1, %i0 : i64
    %one = arith.constant 1 : i64
    %ge = arith.cmpi sge, %d, %one : i64
    %zf = arith.constant 0.0 : f32
    %r = arith.select %ge, %a0, %zf : f32
    linalg.yield %r : f32
  } -> tensor<4x7xf32>
  %g3_e = tensor.empty() : tensor<7xi64>
  %g3 = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]} outs(%g3_e : tensor<7xi64>) {
  ^bb0(%o: i64):
    %x0 = linalg.index 0 : index
    %i0 = arith.index_cast %x0 : index to i64
    %ixz = arith.constant 0 : i64
    %ix = arith.addi %i0, %ixz : i64
    %st = arith.constant 0 : i64
    %r = arith.addi %ix, %st : i64
    linalg.yield %r : i64
  } -> tensor<7xi64>
  %g4_e = tensor.empty() : tensor<4xi64>
  %g4 = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]} outs(%g4_e : tensor<4xi64>) {
  ^bb0(%o: i64):
    %x0 = linalg.index 0 : index
    %i0 = arith.index_cast %x0 : index to i64
    %ixz = arith.constant 0 : i64
    %ix = arith.addi %i0, %ixz : i64
    %st = arith.constant 3 : i64
    %r = arith.addi %ix, %st : i64
    linalg.yield %r : i64
  } -> tensor<4xi64>
  %cp25 = tensor.expand_shape %g4 [[0, 1]] output_shape [4, 1] : tensor<4xi64> into tensor<4x1xi64>
  %g6_e = tensor.empty() : tensor<4x7xi1>
  %g6 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d1)>, affine_map<(d0, d1) -> (d0, 0)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} ins(%g3, %cp25 : tensor<7xi64>, tensor<4x1xi64>) outs(%g6_e : tensor<4x7xi1>) {
  ^bb0(%a0: i64, %a1: i64, %o: i1):
    %x0 = linalg.index 0 : index
    %i0 = arith.index_cast %x0 : index to i64
    %x1 = linalg.index 1 : index
    %i1 = arith.index_cast %x1 : index to i64
    %r = arith.cmpi sgt, %a0, %a1 : i64
    linalg.yield %r : i1
  } -> tensor<4x7xi1>
  %g7_e = tensor.empty() : tensor<4x7xf32>
  %g7 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} ins(%g2, %g6 : tensor<4x7xf32>, tensor<4x7xi1>) outs(%g7_e : tensor<4x7xf32>) {
  ^bb0(%a0: f32, %a1: i1, %o: f32):
    %x0 = linalg.index 0 : index
    %i0 = arith.index_cast %x0 : index to i64
    %x1 = linalg.index 1 : index
    %i1 = arith.index_cast %x1 : index to i64
    %bf = arith.uitofp %a1 : i1 to f32
    %r = arith.mulf %a0, %bf : f32
    linalg.yield %r : f32
  } -> tensor<4x7xf32>
  %bc8_e = tensor.empty() : tensor<2x1x4x7xf32>
  %bc8 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%g7 : tensor<4x7xf32>) outs(%bc8_e : tensor<2x1x4x7xf32>) {
  ^bb0(%a0: f32, %o: f32):
    linalg.yield %a0 : f32
  } -> tensor<2x1x4x7xf32>
  %g9_e = tensor.empty() : tensor<2x1x4x7xi1>
  %g9 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%bc8, %am : tensor<2x1x4x7xf32>, tensor<2x7xi64>) outs(%g9_e : tensor<2x1x4x7xi1>) {
  ^bb0(%a0: f32, %a1: i64, %o: i1):
    %x0 = linalg.index 0 : index
    %i0 = arith.index_cast %x0 : index to i64
    %x1 = linalg.index 1 : index
    %i1 = arith.index_cast %x1 : index to i64
    %x2 = linalg.index 2 : index
    %i2 = arith.index_cast %x2 : index to i64
    %x3 = linalg.index 3 : index
    %i3 = arith.index_cast %x3 : index to i64
    %amf = arith.sitofp %a1 : i64 to f32
    %sum = arith.addf %a0, %amf : f32
    %z = arith.constant 0.0 : f32
    %r = arith.cmpf oeq, %sum, %z : f32
    linalg.yield %r : i1
  } -> tensor<2x1x4x7xi1>
  %g10_e = tensor.empty() : tensor<2x1x4x7xf32>
  %g10 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%bc8, %g9 : tensor<2x1x4x7xf32>, tensor<2x1x4x7xi1>) outs(%g10_e : tensor<2x1x4x7xf32>) {
  ^bb0(%a0: f32, %a1: i1, %o: f32):
    %x0 = linalg.index 0 : index
    %i0 = arith.index_cast %x0 : index to i64
    %x1 = linalg.index 1 : index
    %i1 = arith.index_cast %x1 : index to i64
    %x2 = linalg.index 2 : index
    %i2 = arith.index_cast %x2 : index to i64
    %x3 = linalg.index 3 : index
    %i3 = arith.index_cast %x3 : index to i64
    %mn = arith.constant -3.40282347E+38 : f32
    %r = arith.select %a1, %mn, %a0 : f32
    linalg.yield %r : f32
  } -> tensor<2x1x4x7xf32>
  %e = tensor.empty() : tensor<2x2x4x7xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<2x2x4x7xf32>) -> tensor<2x2x4x7xf32>
  %s = linalg.generic {indexing_maps = [affine_map<(b, h, i, j, d) -> (b, h, i, d)>, affine_map<(b, h, i, j, d) -> (b, h, j, d)>, affine_map<(b, h, i, j, d) -> (b, h, i, j)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%q, %k : tensor<2x2x4x5xf32>, tensor<2x2x7x5xf32>) outs(%f : tensor<2x2x4x7xf32>) {
  ^bb0(%a: f32, %bb: f32, %acc: f32):
    %mm = arith.mulf %a, %bb : f32
    %r = arith.addf %acc, %mm : f32
    linalg.yield %r : f32
  } -> tensor<2x2x4x7xf32>
  %ss = linalg.generic {indexing_maps = [affine_map<(b, h, i, j) -> (b, h, i, j)>, affine_map<(b, h, i, j) -> (b, 0, i, j)>, affine_map<(b, h, i, j) -> (b, h, i, j)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%s, %g10 : tensor<2x2x4x7xf32>, tensor<2x1x4x7xf32>) outs(%e : tensor<2x2x4x7xf32>) {
  ^bb0(%a: f32, %mv: f32, %o: f32):
    %sc = arith.mulf %a, %c : f32
    %r = arith.addf %sc, %mv : f32
    linalg.yield %r : f32
  } -> tensor<2x2x4x7xf32>
  %sm = linalg.softmax dimension(3) ins(%ss : tensor<2x2x4x7xf32>) outs(%e : tensor<2x2x4x7xf32>) -> tensor<2x2x4x7xf32>
  %eo = tensor.empty() : tensor<2x2x4x6xf32>
  %fo = linalg.fill ins(%zero : f32) outs(%eo : tensor<2x2x4x6xf32>) -> tensor<2x2x4x6xf32>
  %out = linalg.generic {indexing_maps = [affine_map<(b, h, i, e, j) -> (b, h, i, j)>, affine_map<(b, h, i, e, j) -> (b, h, j, e)>, affine_map<(b, h, i, e, j) -> (b, h, i, e)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%sm, %v : tensor<2x2x4x7xf32>, tensor<2x2x7x6xf32>) outs(%fo : tensor<2x2x4x6xf32>) {
  ^bb0(%a: f32, %bb: f32, %acc: f32):
    %mm = arith.mulf %a, %bb : f32
    %r = arith.addf %acc, %mm : f32
    linalg.yield %r : f32
  } -> tensor<2x2x4x6xf32>
  return %out : tensor<2x2x4x6xf32>
}

func.func @pad_mistral_w2(%q: tensor<2x2x4x5xf32>, %k: tensor<2x2x7x5xf32>, %v: tensor<2x2x7x6xf32>, %am: tensor<2x7xi64>) -> tensor<2x2x4x6xf32> {
  %zero = arith.constant 0.0 : f32
  %c = arith.constant 0.5 : f32
  %full1_e = tensor.empty() : tensor<4x7xf32>
  %full1_c = arith.constant -3.40282347E+38 : f32
  %full1 = linalg.fill ins(%full1_c : f32) outs(%full1_e : tensor<4x7xf32>) -> tensor<4x7xf32>
  %g2_e = tensor.empty() : tensor<7xi64>
  %g2 = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]} outs(%g2_e : tensor<7xi64>) {
  ^bb0(%o: i64):
    %x0 = linalg.index 0 : index
    %i0 = arith.index_cast %x0 : index to i64
    %ixz = arith.constant 0 : i64
    %ix = arith.addi %i0, %ixz : i64
    %st = arith.constant 0 : i64
    %r = arith.addi %ix, %st : i64
    linalg.yield %r : i64
  } -> tensor<7xi64>
  %g3_e = tensor.empty() : tensor<4xi64>
  %g3 = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]} outs(%g3_e : tensor<4xi64>) {
  ^bb0(%o: i64):
    %x0 = linalg.index 0 : index
    %i0 = arith.index_cast %x0 : index to i64
    %ixz = arith.constant 0 : i64
    %ix = arith.addi %i0, %ixz : i64
    %st = arith.constant 3 : i64
    %r = arith.addi %ix, %st : i64
    linalg.yield %r : i64
  } -> tensor<4xi64>
  %cp24 = tensor.expand_shape %g3 [[0, 1]] output_shape [4, 1] : tensor<4xi64> into tensor<4x1xi64>
  %g5_e = tensor.empty() : tensor<4x7xi1>
  %g5 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d1)>, affine_map<(d0, d1) -> (d0, 0)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} ins(%g2, %cp24 : tensor<7xi64>, tensor<4x1xi64>) outs(%g5_e : tensor<4x7xi1>) {
  ^bb0(%a0: i64, %a1: i64, %o: i1):
    %x0 = linalg.index 0 : index
    %i0 = arith.index_cast %x0 : index to i64
    %x1 = linalg.index 1 : index
    %i1 = arith.index_cast %x1 : index to i64
    %r0 = arith.cmpi sgt, %a0, %a1 : i64
    %w = arith.constant 2 : i64
    %lim = arith.subi %a1, %w : i64
    %r1 = arith.cmpi sle, %a0, %lim : i64
    %r = arith.ori %r0, %r1 : i1
    linalg.yield %r : i1
  } -> tensor<4x7xi1>
  %g6_e = tensor.empty() : tensor<4x7xf32>
  %g6 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} ins(%full1, %g5 : tensor<4x7xf32>, tensor<4x7xi1>) outs(%g6_e : tensor<4x7xf32>) {
  ^bb0(%a0: f32, %a1: i1, %o: f32):
    %x0 = linalg.index 0 : index
    %i0 = arith.index_cast %x0 : index to i64
    %x1 = linalg.index 1 : index
    %i1 = arith.index_cast %x1 : index to i64
    %bf = arith.uitofp %a1 : i1 to f32
    %r = arith.mulf %a0, %bf : f32
    linalg.yield %r : f32
  } -> tensor<4x7xf32>
  %bc7_e = tensor.empty() : tensor<2x1x4x7xf32>
  %bc7 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%g6 : tensor<4x7xf32>) outs(%bc7_e : tensor<2x1x4x7xf32>) {
  ^bb0(%a0: f32, %o: f32):
    linalg.yield %a0 : f32
  } -> tensor<2x1x4x7xf32>
  %g8_e = tensor.empty() : tensor<2x1x4x7xi1>
  %g8 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%bc7, %am : tensor<2x1x4x7xf32>, tensor<2x7xi64>) outs(%g8_e : tensor<2x1x4x7xi1>) {
  ^bb0(%a0: f32, %a1: i64, %o: i1):
    %x0 = linalg.index 0 : index
    %i0 = arith.index_cast %x0 : index to i64
    %x1 = linalg.index 1 : index
    %i1 = arith.index_cast %x1 : index to i64
    %x2 = linalg.index 2 : index
    %i2 = arith.index_cast %x2 : index to i64
    %x3 = linalg.index 3 : index
    %i3 = arith.index_cast %x3 : index to i64
    %amf = arith.sitofp %a1 : i64 to f32
    %sum = arith.addf %a0, %amf : f32
    %z = arith.constant 0.0 : f32
    %r = arith.cmpf oeq, %sum, %z : f32
    linalg.yield %r : i1
  } -> tensor<2x1x4x7xi1>
  %g9_e = tensor.empty() : tensor<2x1x4x7xf32>
  %g9 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%bc7, %g8 : tensor<2x1x4x7xf32>, tensor<2x1x4x7xi1>) outs(%g9_e : tensor<2x1x4x7xf32>) {
  ^bb0(%a0: f32, %a1: i1, %o: f32):
    %x0 = linalg.index 0 : index
    %i0 = arith.index_cast %x0 : index to i64
    %x1 = linalg.index 1 : index
    %i1 = arith.index_cast %x1 : index to i64
    %x2 = linalg.index 2 : index
    %i2 = arith.index_cast %x2 : index to i64
    %x3 = linalg.index 3 : index
    %i3 = arith.index_cast %x3 : index to i64
    %mn = arith.constant -3.40282347E+38 : f32
    %r = arith.select %a1, %mn, %a0 : f32
    linalg.yield %r : f32
  } -> tensor<2x1x4x7xf32>
  %e = tensor.empty() : tensor<2x2x4x7xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<2x2x4x7xf32>) -> tensor<2x2x4x7xf32>
  %s = linalg.generic {indexing_maps = [affine_map<(b, h, i, j, d) -> (b, h, i, d)>, affine_map<(b, h, i, j, d) -> (b, h, j, d)>, affine_map<(b, h, i, j, d) -> (b, h, i, j)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%q, %k : tensor<2x2x4x5xf32>, tensor<2x2x7x5xf32>) outs(%f : tensor<2x2x4x7xf32>) {
  ^bb0(%a: f32, %bb: f32, %acc: f32):
    %mm = arith.mulf %a, %bb : f32
    %r = arith.addf %acc, %mm : f32
    linalg.yield %r : f32
  } -> tensor<2x2x4x7xf32>
  %ss = linalg.generic {indexing_maps = [affine_map<(b, h, i, j) -> (b, h, i, j)>, affine_map<(b, h, i, j) -> (b, 0, i, j)>, affine_map<(b, h, i, j) -> (b, h, i, j)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%s, %g9 : tensor<2x2x4x7xf32>, tensor<2x1x4x7xf32>) outs(%e : tensor<2x2x4x7xf32>) {
  ^bb0(%a: f32, %mv: f32, %o: f32):
    %sc = arith.mulf %a, %c : f32
    %r = arith.addf %sc, %mv : f32
    linalg.yield %r : f32
  } -> tensor<2x2x4x7xf32>
  %sm = linalg.softmax dimension(3) ins(%ss : tensor<2x2x4x7xf32>) outs(%e : tensor<2x2x4x7xf32>) -> tensor<2x2x4x7xf32>
  %eo = tensor.empty() : tensor<2x2x4x6xf32>
  %fo = linalg.fill ins(%zero : f32) outs(%eo : tensor<2x2x4x6xf32>) -> tensor<2x2x4x6xf32>
  %out = linalg.generic {indexing_maps = [affine_map<(b, h, i, e, j) -> (b, h, i, j)>, affine_map<(b, h, i, e, j) -> (b, h, j, e)>, affine_map<(b, h, i, e, j) -> (b, h, i, e)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%sm, %v : tensor<2x2x4x7xf32>, tensor<2x2x7x6xf32>) outs(%fo : tensor<2x2x4x6xf32>) {
  ^bb0(%a: f32, %bb: f32, %acc: f32):
    %mm = arith.mulf %a, %bb : f32
    %r = arith.addf %acc, %mm : f32
    linalg.yield %r : f32
  } -> tensor<2x2x4x6xf32>
  return %out : tensor<2x2x4x6xf32>
}

func.func @gemma2_pad_w2(%q: tensor<2x2x4x5xf32>, %k: tensor<2x2x7x5xf32>, %v: tensor<2x2x7x6xf32>, %am: tensor<2x7xi64>) -> tensor<2x2x4x6xf32> {
  %zero = arith.constant 0.0 : f32
  %c = arith.constant 0.5 : f32
  %full1_e = tensor.empty() : tensor<4x7xf32>
  %full1_c = arith.constant -3.40282347E+38 : f32
  %full1 = linalg.fill ins(%full1_c : f32) outs(%full1_e : tensor<4x7xf32>) -> tensor<4x7xf32>
  %g2_e = tensor.empty() : tensor<4x7xf32>
  %g2 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} ins(%full1 : tensor<4x7xf32>) outs(%g2_e : tensor<4x7xf32>) {
  ^bb0(%a0: f32, %o: f32):
    %x0 = linalg.index 0 : index
    %i0 = arith.index_cast %x0 : index to i64
    %x1 = linalg.index 1 : index
    %i1 = arith.index_cast %x1 : index to i64
    %d = arith.subi %i1, %i0 : i64
    %one = arith.constant 1 : i64
    %ge = arith.cmpi sge, %d, %one : i64
    %zf = arith.constant 0.0 : f32
    %r = arith.select %ge, %a0, %zf : f32
    linalg.yield %r : f32
  } -> tensor<4x7xf32>
  %g3_e = tensor.empty() : tensor<7xi64>
  %g3 = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]} outs(%g3_e : tensor<7xi64>) {
  ^bb0(%o: i64):
    %x0 = linalg.index 0 : index
    %i0 = arith.index_cast %x0 : index to i64
    %ixz = arith.constant 0 : i64
    %ix = arith.addi %i0, %ixz : i64
    %st = arith.constant 0 : i64
    %r = arith.addi %ix, %st : i64
    linalg.yield %r : i64
  } -> tensor<7xi64>
  %g4_e = tensor.empty() : tensor<4xi64>
  %g4 = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]} outs(%g4_e : tensor<4xi64>) {
  ^bb0(%o: i64):
    %x0 = linalg.index 0 : index
    %i0 = arith.index_cast %x0 : index to i64
    %ixz = arith.constant 0 : i64
    %ix = arith.addi %i0, %ixz : i64
    %st = arith.constant 3 : i64
    %r = arith.addi %ix, %st : i64
    linalg.yield %r : i64
  } -> tensor<4xi64>
  %cp25 = tensor.expand_shape %g4 [[0, 1]] output_shape [4, 1] : tensor<4xi64> into tensor<4x1xi64>
  %g6_e = tensor.empty() : tensor<4x7xi1>
  %g6 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d1)>, affine_map<(d0, d1) -> (d0, 0)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} ins(%g3, %cp25 : tensor<7xi64>, tensor<4x1xi64>) outs(%g6_e : tensor<4x7xi1>) {
  ^bb0(%a0: i64, %a1: i64, %o: i1):
    %x0 = linalg.index 0 : index
    %i0 = arith.index_cast %x0 : index to i64
    %x1 = linalg.index 1 : index
    %i1 = arith.index_cast %x1 : index to i64
    %r = arith.cmpi sgt, %a0, %a1 : i64
    linalg.yield %r : i1
  } -> tensor<4x7xi1>
  %g7_e = tensor.empty() : tensor<4x7xf32>
  %g7 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} ins(%g2, %g6 : tensor<4x7xf32>, tensor<4x7xi1>) outs(%g7_e : tensor<4x7xf32>) {
  ^bb0(%a0: f32, %a1: i1, %o: f32):
    %x0 = linalg.index 0 : index
    %i0 = arith.index_cast %x0 : index to i64
    %x1 = linalg.index 1 : index
    %i1 = arith.index_cast %x1 : index to i64
    %bf = arith.uitofp %a1 : i1 to f32
    %r = arith.mulf %a0, %bf : f32
    linalg.yield %r : f32
  } -> tensor<4x7xf32>
  %bc8_e = tensor.empty() : tensor<2x1x4x7xf32>
  %bc8 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%g7 : tensor<4x7xf32>) outs(%bc8_e : tensor<2x1x4x7xf32>) {
  ^bb0(%a0: f32, %o: f32):
    linalg.yield %a0 : f32
  } -> tensor<2x1x4x7xf32>
  %g9_e = tensor.empty() : tensor<2x1x4x7xi1>
  %g9 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%bc8, %am : tensor<2x1x4x7xf32>, tensor<2x7xi64>) outs(%g9_e : tensor<2x1x4x7xi1>) {
  ^bb0(%a0: f32, %a1: i64, %o: i1):
    %x0 = linalg.index 0 : index
    %i0 = arith.index_cast %x0 : index to i64
    %x1 = linalg.index 1 : index
    %i1 = arith.index_cast %x1 : index to i64
    %x2 = linalg.index 2 : index
    %i2 = arith.index_cast %x2 : index to i64
    %x3 = linalg.index 3 : index
    %i3 = arith.index_cast %x3 : index to i64
    %amf = arith.sitofp %a1 : i64 to f32
    %sum = arith.addf %a0, %amf : f32
    %z = arith.constant 0.0 : f32
    %r = arith.cmpf oeq, %sum, %z : f32
    linalg.yield %r : i1
  } -> tensor<2x1x4x7xi1>
  %g10_e = tensor.empty() : tensor<2x1x4x7xf32>
  %g10 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%bc8, %g9 : tensor<2x1x4x7xf32>, tensor<2x1x4x7xi1>) outs(%g10_e : tensor<2x1x4x7xf32>) {
  ^bb0(%a0: f32, %a1: i1, %o: f32):
    %x0 = linalg.index 0 : index
    %i0 = arith.index_cast %x0 : index to i64
    %x1 = linalg.index 1 : index
    %i1 = arith.index_cast %x1 : index to i64
    %x2 = linalg.index 2 : index
    %i2 = arith.index_cast %x2 : index to i64
    %x3 = linalg.index 3 : index
    %i3 = arith.index_cast %x3 : index to i64
    %mn = arith.constant -3.40282347E+38 : f32
    %r = arith.select %a1, %mn, %a0 : f32
    linalg.yield %r : f32
  } -> tensor<2x1x4x7xf32>
  %g11_e = tensor.empty() : tensor<2x1x4x7xf32>
  %g11 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%g10 : tensor<2x1x4x7xf32>) outs(%g11_e : tensor<2x1x4x7xf32>) {
  ^bb0(%a0: f32, %o: f32):
    %x0 = linalg.index 0 : index
    %i0 = arith.index_cast %x0 : index to i64
    %x1 = linalg.index 1 : index
    %i1 = arith.index_cast %x1 : index to i64
    %x2 = linalg.index 2 : index
    %i2 = arith.index_cast %x2 : index to i64
    %x3 = linalg.index 3 : index
    %i3 = arith.index_cast %x3 : index to i64
    %d = arith.subi %i3, %i2 : i64
    %w = arith.constant -2 : i64
    %cw = arith.cmpi sle, %d, %w : i64
    %mn = arith.constant -3.40282347E+38 : f32
    %r = arith.select %cw, %mn, %a0 : f32
    linalg.yield %r : f32
  } -> tensor<2x1x4x7xf32>
  %e = tensor.empty() : tensor<2x2x4x7xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<2x2x4x7xf32>) -> tensor<2x2x4x7xf32>
  %s = linalg.generic {indexing_maps = [affine_map<(b, h, i, j, d) -> (b, h, i, d)>, affine_map<(b, h, i, j, d) -> (b, h, j, d)>, affine_map<(b, h, i, j, d) -> (b, h, i, j)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%q, %k : tensor<2x2x4x5xf32>, tensor<2x2x7x5xf32>) outs(%f : tensor<2x2x4x7xf32>) {
  ^bb0(%a: f32, %bb: f32, %acc: f32):
    %mm = arith.mulf %a, %bb : f32
    %r = arith.addf %acc, %mm : f32
    linalg.yield %r : f32
  } -> tensor<2x2x4x7xf32>
  %ss = linalg.generic {indexing_maps = [affine_map<(b, h, i, j) -> (b, h, i, j)>, affine_map<(b, h, i, j) -> (b, 0, i, j)>, affine_map<(b, h, i, j) -> (b, h, i, j)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%s, %g11 : tensor<2x2x4x7xf32>, tensor<2x1x4x7xf32>) outs(%e : tensor<2x2x4x7xf32>) {
  ^bb0(%a: f32, %mv: f32, %o: f32):
    %sc = arith.mulf %a, %c : f32
    %cap = arith.constant 50.0 : f32
    %sd = arith.divf %sc, %cap : f32
    %th = math.tanh %sd : f32
    %sc2 = arith.mulf %th, %cap : f32
    %r = arith.addf %sc2, %mv : f32
    linalg.yield %r : f32
  } -> tensor<2x2x4x7xf32>
  %sm = linalg.softmax dimension(3) ins(%ss : tensor<2x2x4x7xf32>) outs(%e : tensor<2x2x4x7xf32>) -> tensor<2x2x4x7xf32>
  %eo = tensor.empty() : tensor<2x2x4x6xf32>
  %fo = linalg.fill ins(%zero : f32) outs(%eo : tensor<2x2x4x6xf32>) -> tensor<2x2x4x6xf32>
  %out = linalg.generic {indexing_maps = [affine_map<(b, h, i, e, j) -> (b, h, i, j)>, affine_map<(b, h, i, e, j) -> (b, h, j, e)>, affine_map<(b, h, i, e, j) -> (b, h, i, e)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%sm, %v : tensor<2x2x4x7xf32>, tensor<2x2x7x6xf32>) outs(%fo : tensor<2x2x4x6xf32>) {
  ^bb0(%a: f32, %bb: f32, %acc: f32):
    %mm = arith.mulf %a, %bb : f32
    %r = arith.addf %acc, %mm : f32
    linalg.yield %r : f32
  } -> tensor<2x2x4x6xf32>
  return %out : tensor<2x2x4x6xf32>
}

func.func @pad_notriu_decode(%q: tensor<2x2x1x5xf32>, %k: tensor<2x2x7x5xf32>, %v: tensor<2x2x7x6xf32>, %am: tensor<2x7xi64>) -> tensor<2x2x1x6xf32> {
  %zero = arith.constant 0.0 : f32
  %c = arith.constant 0.5 : f32
  %full1_e = tensor.empty() : tensor<1x7xf32>
  %full1_c = arith.constant -3.40282347E+38 : f32
  %full1 = linalg.fill ins(%full1_c : f32) outs(%full1_e : tensor<1x7xf32>) -> tensor<1x7xf32>
  %g2_e = tensor.empty() : tensor<7xi64>
  %g2 = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]} outs(%g2_e : tensor<7xi64>) {
  ^bb0(%o: i64):
    %x0 = linalg.index 0 : index
    %i0 = arith.index_cast %x0 : index to i64
    %ixz = arith.constant 0 : i64
    %ix = arith.addi %i0, %ixz : i64
    %st = arith.constant 0 : i64
    %r = arith.addi %ix, %st : i64
    linalg.yield %r : i64
  } -> tensor<7xi64>
  %g3_e = tensor.empty() : tensor<1xi64>
  %g3 = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]} outs(%g3_e : tensor<1xi64>) {
  ^bb0(%o: i64):
    %x0 = linalg.index 0 : index
    %i0 = arith.index_cast %x0 : index to i64
    %ixz = arith.constant 0 : i64
    %ix = arith.addi %i0, %ixz : i64
    %st = arith.constant 6 : i64
    %r = arith.addi %ix, %st : i64
    linalg.yield %r : i64
  } -> tensor<1xi64>
  %cp24 = tensor.expand_shape %g3 [[0, 1]] output_shape [1, 1] : tensor<1xi64> into tensor<1x1xi64>
  %g5_e = tensor.empty() : tensor<1x7xi1>
  %g5 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d1)>, affine_map<(d0, d1) -> (d0, 0)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} ins(%g2, %cp24 : tensor<7xi64>, tensor<1x1xi64>) outs(%g5_e : tensor<1x7xi1>) {
  ^bb0(%a0: i64, %a1: i64, %o: i1):
    %x0 = linalg.index 0 : index
    %i0 = arith.index_cast %x0 : index to i64
    %x1 = linalg.index 1 : index
    %i1 = arith.index_cast %x1 : index to i64
    %r = arith.cmpi sgt, %a0, %a1 : i64
    linalg.yield %r : i1
  } -> tensor<1x7xi1>
  %g6_e = tensor.empty() : tensor<1x7xf32>
  %g6 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} ins(%full1, %g5 : tensor<1x7xf32>, tensor<1x7xi1>) outs(%g6_e : tensor<1x7xf32>) {
  ^bb0(%a0: f32, %a1: i1, %o: f32):
    %x0 = linalg.index 0 : index
    %i0 = arith.index_cast %x0 : index to i64
    %x1 = linalg.index 1 : index
    %i1 = arith.index_cast %x1 : index to i64
    %bf = arith.uitofp %a1 : i1 to f32
    %r = arith.mulf %a0, %bf : f32
    linalg.yield %r : f32
  } -> tensor<1x7xf32>
  %bc7_e = tensor.empty() : tensor<2x1x1x7xf32>
  %bc7 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%g6 : tensor<1x7xf32>) outs(%bc7_e : tensor<2x1x1x7xf32>) {
  ^bb0(%a0: f32, %o: f32):
    linalg.yield %a0 : f32
  } -> tensor<2x1x1x7xf32>
  %g8_e = tensor.empty() : tensor<2x1x1x7xi1>
  %g8 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%bc7, %am : tensor<2x1x1x7xf32>, tensor<2x7xi64>) outs(%g8_e : tensor<2x1x1x7xi1>) {
  ^bb0(%a0: f32, %a1: i64, %o: i1):
    %x0 = linalg.index 0 : index
    %i0 = arith.index_cast %x0 : index to i64
    %x1 = linalg.index 1 : index
    %i1 = arith.index_cast %x1 : index to i64
    %x2 = linalg.index 2 : index
    %i2 = arith.index_cast %x2 : index to i64
    %x3 = linalg.index 3 : index
    %i3 = arith.index_cast %x3 : index to i64
    %amf = arith.sitofp %a1 : i64 to f32
    %sum = arith.addf %a0, %amf : f32
    %z = arith.constant 0.0 : f32
    %r = arith.cmpf oeq, %sum, %z : f32
    linalg.yield %r : i1
  } -> tensor<2x1x1x7xi1>
  %g9_e = tensor.empty() : tensor<2x1x1x7xf32>
  %g9 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%bc7, %g8 : tensor<2x1x1x7xf32>, tensor<2x1x1x7xi1>) outs(%g9_e : tensor<2x1x1x7xf32>) {
  ^bb0(%a0: f32, %a1: i1, %o: f32):
    %x0 = linalg.index 0 : index
    %i0 = arith.index_cast %x0 : index to i64
    %x1 = linalg.index 1 : index
    %i1 = arith.index_cast %x1 : index to i64
    %x2 = linalg.index 2 : index
    %i2 = arith.index_cast %x2 : index to i64
    %x3 = linalg.index 3 : index
    %i3 = arith.index_cast %x3 : index to i64
    %mn = arith.constant -3.40282347E+38 : f32
    %r = arith.select %a1, %mn, %a0 : f32
    linalg.yield %r : f32
  } -> tensor<2x1x1x7xf32>
  %e = tensor.empty() : tensor<2x2x1x7xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<2x2x1x7xf32>) -> tensor<2x2x1x7xf32>
  %s = linalg.generic {indexing_maps = [affine_map<(b, h, i, j, d) -> (b, h, i, d)>, affine_map<(b, h, i, j, d) -> (b, h, j, d)>, affine_map<(b, h, i, j, d) -> (b, h, i, j)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%q, %k : tensor<2x2x1x5xf32>, tensor<2x2x7x5xf32>) outs(%f : tensor<2x2x1x7xf32>) {
  ^bb0(%a: f32, %bb: f32, %acc: f32):
    %mm = arith.mulf %a, %bb : f32
    %r = arith.addf %acc, %mm : f32
    linalg.yield %r : f32
  } -> tensor<2x2x1x7xf32>
  %ss = linalg.generic {indexing_maps = [affine_map<(b, h, i, j) -> (b, h, i, j)>, affine_map<(b, h, i, j) -> (b, 0, i, j)>, affine_map<(b, h, i, j) -> (b, h, i, j)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%s, %g9 : tensor<2x2x1x7xf32>, tensor<2x1x1x7xf32>) outs(%e : tensor<2x2x1x7xf32>) {
  ^bb0(%a: f32, %mv: f32, %o: f32):
    %sc = arith.mulf %a, %c : f32
    %r = arith.addf %sc, %mv : f32
    linalg.yield %r : f32
  } -> tensor<2x2x1x7xf32>
  %sm = linalg.softmax dimension(3) ins(%ss : tensor<2x2x1x7xf32>) outs(%e : tensor<2x2x1x7xf32>) -> tensor<2x2x1x7xf32>
  %eo = tensor.empty() : tensor<2x2x1x6xf32>
  %fo = linalg.fill ins(%zero : f32) outs(%eo : tensor<2x2x1x6xf32>) -> tensor<2x2x1x6xf32>
  %out = linalg.generic {indexing_maps = [affine_map<(b, h, i, e, j) -> (b, h, i, j)>, affine_map<(b, h, i, e, j) -> (b, h, j, e)>, affine_map<(b, h, i, e, j) -> (b, h, i, e)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%sm, %v : tensor<2x2x1x7xf32>, tensor<2x2x7x6xf32>) outs(%fo : tensor<2x2x1x6xf32>) {
  ^bb0(%a: f32, %bb: f32, %acc: f32):
    %mm = arith.mulf %a, %bb : f32
    %r = arith.addf %acc, %mm : f32
    linalg.yield %r : f32
  } -> tensor<2x2x1x6xf32>
  return %out : tensor<2x2x1x6xf32>
}

func.func @sdpa_pad_muli(%q: tensor<2x2x4x5xf32>, %k: tensor<2x2x7x5xf32>, %v: tensor<2x2x7x6xf32>, %am: tensor<2x7xi1>) -> tensor<2x2x4x6xf32> {
  %zero = arith.constant 0.0 : f32
  %c = arith.constant 0.5 : f32
  %g1_e = tensor.empty() : tensor<7xi64>
  %g1 = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]} outs(%g1_e : tensor<7xi64>) {
  ^bb0(%o: i64):
    %x0 = linalg.index 0 : index
    %i0 = arith.index_cast %x0 : index to i64
    %ixz = arith.constant 0 : i64
    %ix = arith.addi %i0, %ixz : i64
    %st = arith.constant 0 : i64
    %r = arith.addi %ix, %st : i64
    linalg.yield %r : i64
  } -> tensor<7xi64>
  %g2_e = tensor.empty() : tensor<4xi64>
  %g2 = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]} outs(%g2_e : tensor<4xi64>) {
  ^bb0(%o: i64):
    %x0 = linalg.index 0 : index
    %i0 = arith.index_cast %x0 : index to i64
    %ixz = arith.constant 0 : i64
    %ix = arith.addi %i0, %ixz : i64
    %st = arith.constant 3 : i64
    %r = arith.addi %ix, %st : i64
    linalg.yield %r : i64
  } -> tensor<4xi64>
  %g3_e = tensor.empty() : tensor<4x7xi1>
  %g3 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d1)>, affine_map<(d0, d1) -> (d0)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} ins(%g1, %g2 : tensor<7xi64>, tensor<4xi64>) outs(%g3_e : tensor<4x7xi1>) {
  ^bb0(%a0: i64, %a1: i64, %o: i1):
    %x0 = linalg.index 0 : index
    %i0 = arith.index_cast %x0 : index to i64
    %x1 = linalg.index 1 : index
    %i1 = arith.index_cast %x1 : index to i64
    %r = arith.cmpi sle, %a0, %a1 : i64
    linalg.yield %r : i1
  } -> tensor<4x7xi1>
  %bc4_e = tensor.empty() : tensor<2x1x4x7xi1>
  %bc4 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%g3 : tensor<4x7xi1>) outs(%bc4_e : tensor<2x1x4x7xi1>) {
  ^bb0(%a0: i1, %o: i1):
    linalg.yield %a0 : i1
  } -> tensor<2x1x4x7xi1>
  %g5_e = tensor.empty() : tensor<2x1x4x7xi1>
  %g5 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%bc4, %am : tensor<2x1x4x7xi1>, tensor<2x7xi1>) outs(%g5_e : tensor<2x1x4x7xi1>) {
  ^bb0(%a0: i1, %a1: i1, %o: i1):
    %x0 = linalg.index 0 : index
    %i0 = arith.index_cast %x0 : index to i64
    %x1 = linalg.index 1 : index
    %i1 = arith.index_cast %x1 : index to i64
    %x2 = linalg.index 2 : index
    %i2 = arith.index_cast %x2 : index to i64
    %x3 = linalg.index 3 : index
    %i3 = arith.index_cast %x3 : index to i64
    %r = arith.muli %a0, %a1 : i1
    linalg.yield %r : i1
  } -> tensor<2x1x4x7xi1>
  %g6_e = tensor.empty() : tensor<2x1x4x7xf32>
  %g6 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%g5 : tensor<2x1x4x7xi1>) outs(%g6_e : tensor<2x1x4x7xf32>) {
  ^bb0(%a0: i1, %o: f32):
    %x0 = linalg.index 0 : index
    %i0 = arith.index_cast %x0 : index to i64
    %x1 = linalg.index 1 : index
    %i1 = arith.index_cast %x1 : index to i64
    %x2 = linalg.index 2 : index
    %i2 = arith.index_cast %x2 : index to i64
    %x3 = linalg.index 3 : index
    %i3 = arith.index_cast %x3 : index to i64
    %z = arith.constant 0.0 : f32
    %mn = arith.constant -3.40282347E+38 : f32
    %r = arith.select %a0, %z, %mn : f32
    linalg.yield %r : f32
  } -> tensor<2x1x4x7xf32>
  %e = tensor.empty() : tensor<2x2x4x7xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<2x2x4x7xf32>) -> tensor<2x2x4x7xf32>
  %s = linalg.generic {indexing_maps = [affine_map<(b, h, i, j, d) -> (b, h, i, d)>, affine_map<(b, h, i, j, d) -> (b, h, j, d)>, affine_map<(b, h, i, j, d) -> (b, h, i, j)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%q, %k : tensor<2x2x4x5xf32>, tensor<2x2x7x5xf32>) outs(%f : tensor<2x2x4x7xf32>) {
  ^bb0(%a: f32, %bb: f32, %acc: f32):
    %mm = arith.mulf %a, %bb : f32
    %r = arith.addf %acc, %mm : f32
    linalg.yield %r : f32
  } -> tensor<2x2x4x7xf32>
  %ss = linalg.generic {indexing_maps = [affine_map<(b, h, i, j) -> (b, h, i, j)>, affine_map<(b, h, i, j) -> (b, 0, i, j)>, affine_map<(b, h, i, j) -> (b, h, i, j)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%s, %g6 : tensor<2x2x4x7xf32>, tensor<2x1x4x7xf32>) outs(%e : tensor<2x2x4x7xf32>) {
  ^bb0(%a: f32, %mv: f32, %o: f32):
    %sc = arith.mulf %a, %c : f32
    %r = arith.addf %sc, %mv : f32
    linalg.yield %r : f32
  } -> tensor<2x2x4x7xf32>
  %sm = linalg.softmax dimension(3) ins(%ss : tensor<2x2x4x7xf32>) outs(%e : tensor<2x2x4x7xf32>) -> tensor<2x2x4x7xf32>
  %eo = tensor.empty() : tensor<2x2x4x6xf32>
  %fo = linalg.fill ins(%zero : f32) outs(%eo : tensor<2x2x4x6xf32>) -> tensor<2x2x4x6xf32>
  %out = linalg.generic {indexing_maps = [affine_map<(b, h, i, e, j) -> (b, h, i, j)>, affine_map<(b, h, i, e, j) -> (b, h, j, e)>, affine_map<(b, h, i, e, j) -> (b, h, i, e)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%sm, %v : tensor<2x2x4x7xf32>, tensor<2x2x7x6xf32>) outs(%fo : tensor<2x2x4x6xf32>) {
  ^bb0(%a: f32, %bb: f32, %acc: f32):
    %mm = arith.mulf %a, %bb : f32
    %r = arith.addf %acc, %mm : f32
    linalg.yield %r : f32
  } -> tensor<2x2x4x6xf32>
  return %out : tensor<2x2x4x6xf32>
}

func.func @sdpa_w2_minui(%q: tensor<2x2x4x5xf32>, %k: tensor<2x2x7x5xf32>, %v: tensor<2x2x7x6xf32>) -> tensor<2x2x4x6xf32> {
  %zero = arith.constant 0.0 : f32
  %c = arith.constant 0.5 : f32
  %g1_e = tensor.empty() : tensor<7xi64>
  %g1 = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]} outs(%g1_e : tensor<7xi64>) {
  ^bb0(%o: i64):
    %x0 = linalg.index 0 : index
    %i0 = arith.index_cast %x0 : index to i64
    %ixz = arith.constant 0 : i64
    %ix = arith.addi %i0, %ixz : i64
    %st = arith.constant 0 : i64
    %r = arith.addi %ix, %st : i64
    linalg.yield %r : i64
  } -> tensor<7xi64>
  %g2_e = tensor.empty() : tensor<4xi64>
  %g2 = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]} outs(%g2_e : tensor<4xi64>) {
  ^bb0(%o: i64):
    %x0 = linalg.index 0 : index
    %i0 = arith.index_cast %x0 : index to i64
    %ixz = arith.constant 0 : i64
    %ix = arith.addi %i0, %ixz : i64
    %st = arith.constant 3 : i64
    %r = arith.addi %ix, %st : i64
    linalg.yield %r : i64
  } -> tensor<4xi64>
  %g3_e = tensor.empty() : tensor<4x7xi1>
  %g3 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d1)>, affine_map<(d0, d1) -> (d0)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} ins(%g1, %g2 : tensor<7xi64>, tensor<4xi64>) outs(%g3_e : tensor<4x7xi1>) {
  ^bb0(%a0: i64, %a1: i64, %o: i1):
    %x0 = linalg.index 0 : index
    %i0 = arith.index_cast %x0 : index to i64
    %x1 = linalg.index 1 : index
    %i1 = arith.index_cast %x1 : index to i64
    %r = arith.cmpi sle, %a0, %a1 : i64
    linalg.yield %r : i1
  } -> tensor<4x7xi1>
  %g4_e = tensor.empty() : tensor<4x7xi1>
  %g4 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d1)>, affine_map<(d0, d1) -> (d0)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} ins(%g1, %g2 : tensor<7xi64>, tensor<4xi64>) outs(%g4_e : tensor<4x7xi1>) {
  ^bb0(%a0: i64, %a1: i64, %o: i1):
    %x0 = linalg.index 0 : index
    %i0 = arith.index_cast %x0 : index to i64
    %x1 = linalg.index 1 : index
    %i1 = arith.index_cast %x1 : index to i64
    %w = arith.constant 2 : i64
    %lo = arith.subi %a1, %w : i64
    %r = arith.cmpi sgt, %a0, %lo : i64
    linalg.yield %r : i1
  } -> tensor<4x7xi1>
  %g5_e = tensor.empty() : tensor<4x7xi1>
  %g5 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} ins(%g3, %g4 : tensor<4x7xi1>, tensor<4x7xi1>) outs(%g5_e : tensor<4x7xi1>) {
  ^bb0(%a0: i1, %a1: i1, %o: i1):
    %x0 = linalg.index 0 : index
    %i0 = arith.index_cast %x0 : index to i64
    %x1 = linalg.index 1 : index
    %i1 = arith.index_cast %x1 : index to i64
    %r = arith.minui %a0, %a1 : i1
    linalg.yield %r : i1
  } -> tensor<4x7xi1>
  %bc6_e = tensor.empty() : tensor<2x1x4x7xi1>
  %bc6 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%g5 : tensor<4x7xi1>) outs(%bc6_e : tensor<2x1x4x7xi1>) {
  ^bb0(%a0: i1, %o: i1):
    linalg.yield %a0 : i1
  } -> tensor<2x1x4x7xi1>
  %g7_e = tensor.empty() : tensor<2x1x4x7xf32>
  %g7 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%bc6 : tensor<2x1x4x7xi1>) outs(%g7_e : tensor<2x1x4x7xf32>) {
  ^bb0(%a0: i1, %o: f32):
    %x0 = linalg.index 0 : index
    %i0 = arith.index_cast %x0 : index to i64
    %x1 = linalg.index 1 : index
    %i1 = arith.index_cast %x1 : index to i64
    %x2 = linalg.index 2 : index
    %i2 = arith.index_cast %x2 : index to i64
    %x3 = linalg.index 3 : index
    %i3 = arith.index_cast %x3 : index to i64
    %z = arith.constant 0.0 : f32
    %mn = arith.constant -3.40282347E+38 : f32
    %r = arith.select %a0, %z, %mn : f32
    linalg.yield %r : f32
  } -> tensor<2x1x4x7xf32>
  %e = tensor.empty() : tensor<2x2x4x7xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<2x2x4x7xf32>) -> tensor<2x2x4x7xf32>
  %s = linalg.generic {indexing_maps = [affine_map<(b, h, i, j, d) -> (b, h, i, d)>, affine_map<(b, h, i, j, d) -> (b, h, j, d)>, affine_map<(b, h, i, j, d) -> (b, h, i, j)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%q, %k : tensor<2x2x4x5xf32>, tensor<2x2x7x5xf32>) outs(%f : tensor<2x2x4x7xf32>) {
  ^bb0(%a: f32, %bb: f32, %acc: f32):
    %mm = arith.mulf %a, %bb : f32
    %r = arith.addf %acc, %mm : f32
    linalg.yield %r : f32
  } -> tensor<2x2x4x7xf32>
  %ss = linalg.generic {indexing_maps = [affine_map<(b, h, i, j) -> (b, h, i, j)>, affine_map<(b, h, i, j) -> (b, 0, i, j)>, affine_map<(b, h, i, j) -> (b, h, i, j)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%s, %g7 : tensor<2x2x4x7xf32>, tensor<2x1x4x7xf32>) outs(%e : tensor<2x2x4x7xf32>) {
  ^bb0(%a: f32, %mv: f32, %o: f32):
    %sc = arith.mulf %a, %c : f32
    %r = arith.addf %sc, %mv : f32
    linalg.yield %r : f32
  } -> tensor<2x2x4x7xf32>
  %sm = linalg.softmax dimension(3) ins(%ss : tensor<2x2x4x7xf32>) outs(%e : tensor<2x2x4x7xf32>) -> tensor<2x2x4x7xf32>
  %eo = tensor.empty() : tensor<2x2x4x6xf32>
  %fo = linalg.fill ins(%zero : f32) outs(%eo : tensor<2x2x4x6xf32>) -> tensor<2x2x4x6xf32>
  %out = linalg.generic {indexing_maps = [affine_map<(b, h, i, e, j) -> (b, h, i, j)>, affine_map<(b, h, i, e, j) -> (b, h, j, e)>, affine_map<(b, h, i, e, j) -> (b, h, i, e)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%sm, %v : tensor<2x2x4x7xf32>, tensor<2x2x7x6xf32>) outs(%fo : tensor<2x2x4x6xf32>) {
  ^bb0(%a: f32, %bb: f32, %acc: f32):
    %mm = arith.mulf %a, %bb : f32
    %r = arith.addf %acc, %mm : f32
    linalg.yield %r : f32
  } -> tensor<2x2x4x6xf32>
  return %out : tensor<2x2x4x6xf32>
}

func.func @cp_slice_exact(%q: tensor<1x2x4x5xf32>, %k: tensor<1x2x7x5xf32>, %v: tensor<1x2x7x6xf32>) -> tensor<1x2x4x6xf32> {
  %zero = arith.constant 0.0 : f32
  %cscale = arith.constant 0.5 : f32
  %full1_e = tensor.empty() : tensor<4x7xf32>
  %full1_c = arith.constant -3.40282347E+38 : f32
  %full1 = linalg.fill ins(%full1_c : f32) outs(%full1_e : tensor<4x7xf32>) -> tensor<4x7xf32>
  %g2_e = tensor.empty() : tensor<4x7xf32>
  %g2 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} ins(%full1 : tensor<4x7xf32>) outs(%g2_e : tensor<4x7xf32>) {
  ^bb0(%a0: f32, %o: f32):
    %x0 = linalg.index 0 : index
    %i0 = arith.index_cast %x0 : index to i64
    %x1 = linalg.index 1 : index
    %i1 = arith.index_cast %x1 : index to i64
    %d = arith.subi %i1, %i0 : i64
    %one = arith.constant 1 : i64
    %ge = arith.cmpi sge, %d, %one : i64
    %zf = arith.constant 0.0 : f32
    %r = arith.select %ge, %a0, %zf : f32
    linalg.yield %r : f32
  } -> tensor<4x7xf32>
  %g3_e = tensor.empty() : tensor<7xi64>
  %g3 = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]} outs(%g3_e : tensor<7xi64>) {
  ^bb0(%o: i64):
    %x0 = linalg.index 0 : index
    %i0 = arith.index_cast %x0 : index to i64
    %ixz = arith.constant 0 : i64
    %ix = arith.addi %i0, %ixz : i64
    %st = arith.constant 0 : i64
    %r = arith.addi %ix, %st : i64
    linalg.yield %r : i64
  } -> tensor<7xi64>
  %g4_e = tensor.empty() : tensor<7xi64>
  %g4 = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]} outs(%g4_e : tensor<7xi64>) {
  ^bb0(%o: i64):
    %x0 = linalg.index 0 : index
    %i0 = arith.index_cast %x0 : index to i64
    %ixz = arith.constant 0 : i64
    %ix = arith.addi %i0, %ixz : i64
    %r = arith.addi %ix, %ixz : i64
    linalg.yield %r : i64
  } -> tensor<7xi64>
  %sl5 = tensor.extract_slice %g4[3] [4] [1] : tensor<7xi64> to tensor<4xi64>
  %cp26 = tensor.expand_shape %sl5 [[0, 1]] output_shape [4, 1] : tensor<4xi64> into tensor<4x1xi64>
  %g7_e = tensor.empty() : tensor<4x7xi1>
  %g7 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d1)>, affine_map<(d0, d1) -> (d0, 0)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} ins(%g3, %cp26 : tensor<7xi64>, tensor<4x1xi64>) outs(%g7_e : tensor<4x7xi1>) {
  ^bb0(%a0: i64, %a1: i64, %o: i1):
    %x0 = linalg.index 0 : index
    %i0 = arith.index_cast %x0 : index to i64
    %x1 = linalg.index 1 : index
    %i1 = arith.index_cast %x1 : index to i64
    %r = arith.cmpi sgt, %a0, %a1 : i64
    linalg.yield %r : i1
  } -> tensor<4x7xi1>
  %g8_e = tensor.empty() : tensor<4x7xf32>
  %g8 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} ins(%g2, %g7 : tensor<4x7xf32>, tensor<4x7xi1>) outs(%g8_e : tensor<4x7xf32>) {
  ^bb0(%a0: f32, %a1: i1, %o: f32):
    %x0 = linalg.index 0 : index
    %i0 = arith.index_cast %x0 : index to i64
    %x1 = linalg.index 1 : index
    %i1 = arith.index_cast %x1 : index to i64
    %bf = arith.uitofp %a1 : i1 to f32
    %r = arith.mulf %a0, %bf : f32
    linalg.yield %r : f32
  } -> tensor<4x7xf32>
  %e = tensor.empty() : tensor<1x2x4x7xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<1x2x4x7xf32>) -> tensor<1x2x4x7xf32>
  %s = linalg.generic {indexing_maps = [affine_map<(b, h, i, j, d) -> (b, h, i, d)>, affine_map<(b, h, i, j, d) -> (b, h, j, d)>, affine_map<(b, h, i, j, d) -> (b, h, i, j)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%q, %k : tensor<1x2x4x5xf32>, tensor<1x2x7x5xf32>) outs(%f : tensor<1x2x4x7xf32>) {
  ^bb0(%a: f32, %bb: f32, %acc: f32):
    %mm = arith.mulf %a, %bb : f32
    %r = arith.addf %acc, %mm : f32
    linalg.yield %r : f32
  } -> tensor<1x2x4x7xf32>
  %ss = linalg.generic {indexing_maps = [affine_map<(b, h, i, j) -> (b, h, i, j)>, affine_map<(b, h, i, j) -> (i, j)>, affine_map<(b, h, i, j) -> (b, h, i, j)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%s, %g8 : tensor<1x2x4x7xf32>, tensor<4x7xf32>) outs(%e : tensor<1x2x4x7xf32>) {
  ^bb0(%a: f32, %mv: f32, %o: f32):
    %sc = arith.mulf %a, %cscale : f32
    %r = arith.addf %sc, %mv : f32
    linalg.yield %r : f32
  } -> tensor<1x2x4x7xf32>
  %sm = linalg.softmax dimension(3) ins(%ss : tensor<1x2x4x7xf32>) outs(%e : tensor<1x2x4x7xf32>) -> tensor<1x2x4x7xf32>
  %eo = tensor.empty() : tensor<1x2x4x6xf32>
  %fo = linalg.fill ins(%zero : f32) outs(%eo : tensor<1x2x4x6xf32>) -> tensor<1x2x4x6xf32>
  %out = linalg.generic {indexing_maps = [affine_map<(b, h, i, e, j) -> (b, h, i, j)>, affine_map<(b, h, i, e, j) -> (b, h, j, e)>, affine_map<(b, h, i, e, j) -> (b, h, i, e)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%sm, %v : tensor<1x2x4x7xf32>, tensor<1x2x7x6xf32>) outs(%fo : tensor<1x2x4x6xf32>) {
  ^bb0(%a: f32, %bb: f32, %acc: f32):
    %mm = arith.mulf %a, %bb : f32
    %r = arith.addf %acc, %mm : f32
    linalg.yield %r : f32
  } -> tensor<1x2x4x6xf32>
  return %out : tensor<1x2x4x6xf32>
}

func.func @extui_sitofp(%q: tensor<1x2x4x5xf32>, %k: tensor<1x2x7x5xf32>, %v: tensor<1x2x7x6xf32>) -> tensor<1x2x4x6xf32> {
  %zero = arith.constant 0.0 : f32
  %cscale = arith.constant 0.5 : f32
  %full1_e = tensor.empty() : tensor<4x7xf32>
  %full1_c = arith.constant -3.40282347E+38 : f32
  %full1 = linalg.fill ins(%full1_c : f32) outs(%full1_e : tensor<4x7xf32>) -> tensor<4x7xf32>
  %g2_e = tensor.empty() : tensor<4x7xf32>
  %g2 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} ins(%full1 : tensor<4x7xf32>) outs(%g2_e : tensor<4x7xf32>) {
  ^bb0(%a0: f32, %o: f32):
    %x0 = linalg.index 0 : index
    %i0 = arith.index_cast %x0 : index to i64
    %x1 = linalg.index 1 : index
    %i1 = arith.index_cast %x1 : index to i64
    %d = arith.subi %i1, %i0 : i64
    %one = arith.constant 1 : i64
    %ge = arith.cmpi sge, %d, %one : i64
    %zf = arith.constant 0.0 : f32
    %r = arith.select %ge, %a0, %zf : f32
    linalg.yield %r : f32
  } -> tensor<4x7xf32>
  %g3_e = tensor.empty() : tensor<7xi64>
  %g3 = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]} outs(%g3_e : tensor<7xi64>) {
  ^bb0(%o: i64):
    %x0 = linalg.index 0 : index
    %i0 = arith.index_cast %x0 : index to i64
    %ixz = arith.constant 0 : i64
    %ix = arith.addi %i0, %ixz : i64
    %st = arith.constant 0 : i64
    %r = arith.addi %ix, %st : i64
    linalg.yield %r : i64
  } -> tensor<7xi64>
  %g4_e = tensor.empty() : tensor<4xi64>
  %g4 = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]} outs(%g4_e : tensor<4xi64>) {
  ^bb0(%o: i64):
    %x0 = linalg.index 0 : index
    %i0 = arith.index_cast %x0 : index to i64
    %ixz = arith.constant 0 : i64
    %ix = arith.addi %i0, %ixz : i64
    %st = arith.constant 3 : i64
    %r = arith.addi %ix, %st : i64
    linalg.yield %r : i64
  } -> tensor<4xi64>
  %cp25 = tensor.expand_shape %g4 [[0, 1]] output_shape [4, 1] : tensor<4xi64> into tensor<4x1xi64>
  %g6_e = tensor.empty() : tensor<4x7xi1>
  %g6 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d1)>, affine_map<(d0, d1) -> (d0, 0)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} ins(%g3, %cp25 : tensor<7xi64>, tensor<4x1xi64>) outs(%g6_e : tensor<4x7xi1>) {
  ^bb0(%a0: i64, %a1: i64, %o: i1):
    %x0 = linalg.index 0 : index
    %i0 = arith.index_cast %x0 : index to i64
    %x1 = linalg.index 1 : index
    %i1 = arith.index_cast %x1 : index to i64
    %r = arith.cmpi sgt, %a0, %a1 : i64
    linalg.yield %r : i1
  } -> tensor<4x7xi1>
  %g7_e = tensor.empty() : tensor<4x7xf32>
  %g7 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} ins(%g2, %g6 : tensor<4x7xf32>, tensor<4x7xi1>) outs(%g7_e : tensor<4x7xf32>) {
  ^bb0(%a0: f32, %a1: i1, %o: f32):
    %x0 = linalg.index 0 : index
    %i0 = arith.index_cast %x0 : index to i64
    %x1 = linalg.index 1 : index
    %i1 = arith.index_cast %x1 : index to i64
    %bi = arith.extui %a1 : i1 to i64
    %bf = arith.sitofp %bi : i64 to f32
    %r = arith.mulf %a0, %bf : f32
    linalg.yield %r : f32
  } -> tensor<4x7xf32>
  %e = tensor.empty() : tensor<1x2x4x7xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<1x2x4x7xf32>) -> tensor<1x2x4x7xf32>
  %s = linalg.generic {indexing_maps = [affine_map<(b, h, i, j, d) -> (b, h, i, d)>, affine_map<(b, h, i, j, d) -> (b, h, j, d)>, affine_map<(b, h, i, j, d) -> (b, h, i, j)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%q, %k : tensor<1x2x4x5xf32>, tensor<1x2x7x5xf32>) outs(%f : tensor<1x2x4x7xf32>) {
  ^bb0(%a: f32, %bb: f32, %acc: f32):
    %mm = arith.mulf %a, %bb : f32
    %r = arith.addf %acc, %mm : f32
    linalg.yield %r : f32
  } -> tensor<1x2x4x7xf32>
  %ss = linalg.generic {indexing_maps = [affine_map<(b, h, i, j) -> (b, h, i, j)>, affine_map<(b, h, i, j) -> (i, j)>, affine_map<(b, h, i, j) -> (b, h, i, j)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%s, %g7 : tensor<1x2x4x7xf32>, tensor<4x7xf32>) outs(%e : tensor<1x2x4x7xf32>) {
  ^bb0(%a: f32, %mv: f32, %o: f32):
    %sc = arith.mulf %a, %cscale : f32
    %r = arith.addf %sc, %mv : f32
    linalg.yield %r : f32
  } -> tensor<1x2x4x7xf32>
  %sm = linalg.softmax dimension(3) ins(%ss : tensor<1x2x4x7xf32>) outs(%e : tensor<1x2x4x7xf32>) -> tensor<1x2x4x7xf32>
  %eo = tensor.empty() : tensor<1x2x4x6xf32>
  %fo = linalg.fill ins(%zero : f32) outs(%eo : tensor<1x2x4x6xf32>) -> tensor<1x2x4x6xf32>
  %out = linalg.generic {indexing_maps = [affine_map<(b, h, i, e, j) -> (b, h, i, j)>, affine_map<(b, h, i, e, j) -> (b, h, j, e)>, affine_map<(b, h, i, e, j) -> (b, h, i, e)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%sm, %v : tensor<1x2x4x7xf32>, tensor<1x2x7x6xf32>) outs(%fo : tensor<1x2x4x6xf32>) {
  ^bb0(%a: f32, %bb: f32, %acc: f32):
    %mm = arith.mulf %a, %bb : f32
    %r = arith.addf %acc, %mm : f32
    linalg.yield %r : f32
  } -> tensor<1x2x4x6xf32>
  return %out : tensor<1x2x4x6xf32>
}

func.func @sdpa_invmul(%q: tensor<2x2x4x5xf32>, %k: tensor<2x2x7x5xf32>, %v: tensor<2x2x7x6xf32>) -> tensor<2x2x4x6xf32> {
  %zero = arith.constant 0.0 : f32
  %c = arith.constant 0.5 : f32
  %g1_e = tensor.empty() : tensor<7xi64>
  %g1 = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]} outs(%g1_e : tensor<7xi64>) {
  ^bb0(%o: i64):
    %x0 = linalg.index 0 : index
    %i0 = arith.index_cast %x0 : index to i64
    %ixz = arith.constant 0 : i64
    %ix = arith.addi %i0, %ixz : i64
    %st = arith.constant 0 : i64
    %r = arith.addi %ix, %st : i64
    linalg.yield %r : i64
  } -> tensor<7xi64>
  %g2_e = tensor.empty() : tensor<4xi64>
  %g2 = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]} outs(%g2_e : tensor<4xi64>) {
  ^bb0(%o: i64):
    %x0 = linalg.index 0 : index
    %i0 = arith.index_cast %x0 : index to i64
    %ixz = arith.constant 0 : i64
    %ix = arith.addi %i0, %ixz : i64
    %st = arith.constant 3 : i64
    %r = arith.addi %ix, %st : i64
    linalg.yield %r : i64
  } -> tensor<4xi64>
  %g3_e = tensor.empty() : tensor<4x7xi1>
  %g3 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d1)>, affine_map<(d0, d1) -> (d0)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} ins(%g1, %g2 : tensor<7xi64>, tensor<4xi64>) outs(%g3_e : tensor<4x7xi1>) {
  ^bb0(%a0: i64, %a1: i64, %o: i1):
    %x0 = linalg.index 0 : index
    %i0 = arith.index_cast %x0 : index to i64
    %x1 = linalg.index 1 : index
    %i1 = arith.index_cast %x1 : index to i64
    %r = arith.cmpi sle, %a0, %a1 : i64
    linalg.yield %r : i1
  } -> tensor<4x7xi1>
  %bc4_e = tensor.empty() : tensor<2x1x4x7xi1>
  %bc4 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%g3 : tensor<4x7xi1>) outs(%bc4_e : tensor<2x1x4x7xi1>) {
  ^bb0(%a0: i1, %o: i1):
    linalg.yield %a0 : i1
  } -> tensor<2x1x4x7xi1>
  %g5_e = tensor.empty() : tensor<2x1x4x7xf32>
  %g5 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%bc4 : tensor<2x1x4x7xi1>) outs(%g5_e : tensor<2x1x4x7xf32>) {
  ^bb0(%a0: i1, %o: f32):
    %x0 = linalg.index 0 : index
    %i0 = arith.index_cast %x0 : index to i64
    %x1 = linalg.index 1 : index
    %i1 = arith.index_cast %x1 : index to i64
    %x2 = linalg.index 2 : index
    %i2 = arith.index_cast %x2 : index to i64
    %x3 = linalg.index 3 : index
    %i3 = arith.index_cast %x3 : index to i64
    %f = arith.uitofp %a0 : i1 to f32
    %one = arith.constant 1.0 : f32
    %inv = arith.subf %one, %f : f32
    %mn = arith.constant -3.40282347E+38 : f32
    %r = arith.mulf %inv, %mn : f32
    linalg.yield %r : f32
  } -> tensor<2x1x4x7xf32>
  %e = tensor.empty() : tensor<2x2x4x7xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<2x2x4x7xf32>) -> tensor<2x2x4x7xf32>
  %s = linalg.generic {indexing_maps = [affine_map<(b, h, i, j, d) -> (b, h, i, d)>, affine_map<(b, h, i, j, d) -> (b, h, j, d)>, affine_map<(b, h, i, j, d) -> (b, h, i, j)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%q, %k : tensor<2x2x4x5xf32>, tensor<2x2x7x5xf32>) outs(%f : tensor<2x2x4x7xf32>) {
  ^bb0(%a: f32, %bb: f32, %acc: f32):
    %mm = arith.mulf %a, %bb : f32
    %r = arith.addf %acc, %mm : f32
    linalg.yield %r : f32
  } -> tensor<2x2x4x7xf32>
  %ss = linalg.generic {indexing_maps = [affine_map<(b, h, i, j) -> (b, h, i, j)>, affine_map<(b, h, i, j) -> (b, 0, i, j)>, affine_map<(b, h, i, j) -> (b, h, i, j)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%s, %g5 : tensor<2x2x4x7xf32>, tensor<2x1x4x7xf32>) outs(%e : tensor<2x2x4x7xf32>) {
  ^bb0(%a: f32, %mv: f32, %o: f32):
    %sc = arith.mulf %a, %c : f32
    %r = arith.addf %sc, %mv : f32
    linalg.yield %r : f32
  } -> tensor<2x2x4x7xf32>
  %sm = linalg.softmax dimension(3) ins(%ss : tensor<2x2x4x7xf32>) outs(%e : tensor<2x2x4x7xf32>) -> tensor<2x2x4x7xf32>
  %eo = tensor.empty() : tensor<2x2x4x6xf32>
  %fo = linalg.fill ins(%zero : f32) outs(%eo : tensor<2x2x4x6xf32>) -> tensor<2x2x4x6xf32>
  %out = linalg.generic {indexing_maps = [affine_map<(b, h, i, e, j) -> (b, h, i, j)>, affine_map<(b, h, i, e, j) -> (b, h, j, e)>, affine_map<(b, h, i, e, j) -> (b, h, i, e)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%sm, %v : tensor<2x2x4x7xf32>, tensor<2x2x7x6xf32>) outs(%fo : tensor<2x2x4x6xf32>) {
  ^bb0(%a: f32, %bb: f32, %acc: f32):
    %mm = arith.mulf %a, %bb : f32
    %r = arith.addf %acc, %mm : f32
    linalg.yield %r : f32
  } -> tensor<2x2x4x6xf32>
  return %out : tensor<2x2x4x6xf32>
}

func.func @catcp_pre2(%q: tensor<1x2x4x5xf32>, %k: tensor<1x2x9x5xf32>, %v: tensor<1x2x9x6xf32>) -> tensor<1x2x4x6xf32> {
  %zero = arith.constant 0.0 : f32
  %c = arith.constant 0.5 : f32
  %full1_e = tensor.empty() : tensor<4x7xf32>
  %full1_c = arith.constant -3.40282347E+38 : f32
  %full1 = linalg.fill ins(%full1_c : f32) outs(%full1_e : tensor<4x7xf32>) -> tensor<4x7xf32>
  %g2_e = tensor.empty() : tensor<4x7xf32>
  %g2 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} ins(%full1 : tensor<4x7xf32>) outs(%g2_e : tensor<4x7xf32>) {
  ^bb0(%a0: f32, %o: f32):
    %x0 = linalg.index 0 : index
    %i0 = arith.index_cast %x0 : index to i64
    %x1 = linalg.index 1 : index
    %i1 = arith.index_cast %x1 : index to i64
    %d = arith.subi %i1, %i0 : i64
    %one = arith.constant 1 : i64
    %ge = arith.cmpi sge, %d, %one : i64
    %zf = arith.constant 0.0 : f32
    %r = arith.select %ge, %a0, %zf : f32
    linalg.yield %r : f32
  } -> tensor<4x7xf32>
  %g3_e = tensor.empty() : tensor<7xi64>
  %g3 = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]} outs(%g3_e : tensor<7xi64>) {
  ^bb0(%o: i64):
    %x0 = linalg.index 0 : index
    %i0 = arith.index_cast %x0 : index to i64
    %ixz = arith.constant 0 : i64
    %ix = arith.addi %i0, %ixz : i64
    %st = arith.constant 0 : i64
    %r = arith.addi %ix, %st : i64
    linalg.yield %r : i64
  } -> tensor<7xi64>
  %g4_e = tensor.empty() : tensor<4xi64>
  %g4 = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]} outs(%g4_e : tensor<4xi64>) {
  ^bb0(%o: i64):
    %x0 = linalg.index 0 : index
    %i0 = arith.index_cast %x0 : index to i64
    %ixz = arith.constant 0 : i64
    %ix = arith.addi %i0, %ixz : i64
    %st = arith.constant 3 : i64
    %r = arith.addi %ix, %st : i64
    linalg.yield %r : i64
  } -> tensor<4xi64>
  %cp25 = tensor.expand_shape %g4 [[0, 1]] output_shape [4, 1] : tensor<4xi64> into tensor<4x1xi64>
  %g6_e = tensor.empty() : tensor<4x7xi1>
  %g6 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d1)>, affine_map<(d0, d1) -> (d0, 0)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} ins(%g3, %cp25 : tensor<7xi64>, tensor<4x1xi64>) outs(%g6_e : tensor<4x7xi1>) {
  ^bb0(%a0: i64, %a1: i64, %o: i1):
    %x0 = linalg.index 0 : index
    %i0 = arith.index_cast %x0 : index to i64
    %x1 = linalg.index 1 : index
    %i1 = arith.index_cast %x1 : index to i64
    %r = arith.cmpi sgt, %a0, %a1 : i64
    linalg.yield %r : i1
  } -> tensor<4x7xi1>
  %g7_e = tensor.empty() : tensor<4x7xf32>
  %g7 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} ins(%g2, %g6 : tensor<4x7xf32>, tensor<4x7xi1>) outs(%g7_e : tensor<4x7xf32>) {
  ^bb0(%a0: f32, %a1: i1, %o: f32):
    %x0 = linalg.index 0 : index
    %i0 = arith.index_cast %x0 : index to i64
    %x1 = linalg.index 1 : index
    %i1 = arith.index_cast %x1 : index to i64
    %bf = arith.uitofp %a1 : i1 to f32
    %r = arith.mulf %a0, %bf : f32
    linalg.yield %r : f32
  } -> tensor<4x7xf32>
  %z8_e = tensor.empty() : tensor<4x2xf32>
  %z8_c = arith.constant 0.0 : f32
  %z8 = linalg.fill ins(%z8_c : f32) outs(%z8_e : tensor<4x2xf32>) -> tensor<4x2xf32>
  %cat9 = tensor.concat dim(1) %z8, %g7 : (tensor<4x2xf32>, tensor<4x7xf32>) -> tensor<4x9xf32>
  %e = tensor.empty() : tensor<1x2x4x9xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<1x2x4x9xf32>) -> tensor<1x2x4x9xf32>
  %s = linalg.generic {indexing_maps = [affine_map<(b, h, i, j, d) -> (b, h, i, d)>, affine_map<(b, h, i, j, d) -> (b, h, j, d)>, affine_map<(b, h, i, j, d) -> (b, h, i, j)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%q, %k : tensor<1x2x4x5xf32>, tensor<1x2x9x5xf32>) outs(%f : tensor<1x2x4x9xf32>) {
  ^bb0(%a: f32, %bb: f32, %acc: f32):
    %mm = arith.mulf %a, %bb : f32
    %r = arith.addf %acc, %mm : f32
    linalg.yield %r : f32
  } -> tensor<1x2x4x9xf32>
  %ss = linalg.generic {indexing_maps = [affine_map<(b, h, i, j) -> (b, h, i, j)>, affine_map<(b, h, i, j) -> (i, j)>, affine_map<(b, h, i, j) -> (b, h, i, j)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%s, %cat9 : tensor<1x2x4x9xf32>, tensor<4x9xf32>) outs(%e : tensor<1x2x4x9xf32>) {
  ^bb0(%a: f32, %mv: f32, %o: f32):
    %sc = arith.mulf %a, %c : f32
    %r = arith.addf %sc, %mv : f32
    linalg.yield %r : f32
  } -> tensor<1x2x4x9xf32>
  %sm = linalg.softmax dimension(3) ins(%ss : tensor<1x2x4x9xf32>) outs(%e : tensor<1x2x4x9xf32>) -> tensor<1x2x4x9xf32>
  %eo = tensor.empty() : tensor<1x2x4x6xf32>
  %fo = linalg.fill ins(%zero : f32) outs(%eo : tensor<1x2x4x6xf32>) -> tensor<1x2x4x6xf32>
  %out = linalg.generic {indexing_maps = [affine_map<(b, h, i, e, j) -> (b, h, i, j)>, affine_map<(b, h, i, e, j) -> (b, h, j, e)>, affine_map<(b, h, i, e, j) -> (b, h, i, e)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%sm, %v : tensor<1x2x4x9xf32>, tensor<1x2x9x6xf32>) outs(%fo : tensor<1x2x4x6xf32>) {
  ^bb0(%a: f32, %bb: f32, %acc: f32):
    %mm = arith.mulf %a, %bb : f32
    %r = arith.addf %acc, %mm : f32
    linalg.yield %r : f32
  } -> tensor<1x2x4x6xf32>
  return %out : tensor<1x2x4x6xf32>
}

func.func @catcp_rows(%q: tensor<1x2x6x5xf32>, %k: tensor<1x2x8x5xf32>, %v: tensor<1x2x8x6xf32>) -> tensor<1x2x6x6xf32> {
  %zero = arith.constant 0.0 : f32
  %c = arith.constant 0.5 : f32
  %full1_e = tensor.empty() : tensor<3x8xf32>
  %full1_c = arith.constant -3.40282347E+38 : f32
  %full1 = linalg.fill ins(%full1_c : f32) outs(%full1_e : tensor<3x8xf32>) -> tensor<3x8xf32>
  %g2_e = tensor.empty() : tensor<3x8xf32>
  %g2 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} ins(%full1 : tensor<3x8xf32>) outs(%g2_e : tensor<3x8xf32>) {
  ^bb0(%a0: f32, %o: f32):
    %x0 = linalg.index 0 : index
    %i0 = arith.index_cast %x0 : index to i64
    %x1 = linalg.index 1 : index
    %i1 = arith.index_cast %x1 : index to i64
    %d = arith.subi %i1, %i0 : i64
    %one = arith.constant 1 : i64
    %ge = arith.cmpi sge, %d, %one : i64
    %zf = arith.constant 0.0 : f32
    %r = arith.select %ge, %a0, %zf : f32
    linalg.yield %r : f32
  } -> tensor<3x8xf32>
  %g3_e = tensor.empty() : tensor<8xi64>
  %g3 = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]} outs(%g3_e : tensor<8xi64>) {
  ^bb0(%o: i64):
    %x0 = linalg.index 0 : index
    %i0 = arith.index_cast %x0 : index to i64
    %ixz = arith.constant 0 : i64
    %ix = arith.addi %i0, %ixz : i64
    %st = arith.constant 0 : i64
    %r = arith.addi %ix, %st : i64
    linalg.yield %r : i64
  } -> tensor<8xi64>
  %g4_e = tensor.empty() : tensor<3xi64>
  %g4 = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]} outs(%g4_e : tensor<3xi64>) {
  ^bb0(%o: i64):
    %x0 = linalg.index 0 : index
    %i0 = arith.index_cast %x0 : index to i64
    %ixz = arith.constant 0 : i64
    %ix = arith.addi %i0, %ixz : i64
    %st = arith.constant 2 : i64
    %r = arith.addi %ix, %st : i64
    linalg.yield %r : i64
  } -> tensor<3xi64>
  %cp25 = tensor.expand_shape %g4 [[0, 1]] output_shape [3, 1] : tensor<3xi64> into tensor<3x1xi64>
  %g6_e = tensor.empty() : tensor<3x8xi1>
  %g6 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d1)>, affine_map<(d0, d1) -> (d0, 0)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} ins(%g3, %cp25 : tensor<8xi64>, tensor<3x1xi64>) outs(%g6_e : tensor<3x8xi1>) {
  ^bb0(%a0: i64, %a1: i64, %o: i1):
    %x0 = linalg.index 0 : index
    %i0 = arith.index_cast %x0 : index to i64
    %x1 = linalg.index 1 : index
    %i1 = arith.index_cast %x1 : index to i64
    %r = arith.cmpi sgt, %a0, %a1 : i64
    linalg.yield %r : i1
  } -> tensor<3x8xi1>
  %g7_e = tensor.empty() : tensor<3x8xf32>
  %g7 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} ins(%g2, %g6 : tensor<3x8xf32>, tensor<3x8xi1>) outs(%g7_e : tensor<3x8xf32>) {
  ^bb0(%a0: f32, %a1: i1, %o: f32):
    %x0 = linalg.index 0 : index
    %i0 = arith.index_cast %x0 : index to i64
    %x1 = linalg.index 1 : index
    %i1 = arith.index_cast %x1 : index to i64
    %bf = arith.uitofp %a1 : i1 to f32
    %r = arith.mulf %a0, %bf : f32
    linalg.yield %r : f32
  } -> tensor<3x8xf32>
  %full8_e = tensor.empty() : tensor<3x8xf32>
  %full8_c = arith.constant -3.40282347E+38 : f32
  %full8 = linalg.fill ins(%full8_c : f32) outs(%full8_e : tensor<3x8xf32>) -> tensor<3x8xf32>
  %g9_e = tensor.empty() : tensor<8xi64>
  %g9 = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]} outs(%g9_e : tensor<8xi64>) {
  ^bb0(%o: i64):
    %x0 = linalg.index 0 : index
    %i0 = arith.index_cast %x0 : index to i64
    %ixz = arith.constant 0 : i64
    %ix = arith.addi %i0, %ixz : i64
    %st = arith.constant 0 : i64
    %r = arith.addi %ix, %st : i64
    linalg.yield %r : i64
  } -> tensor<8xi64>
  %g10_e = tensor.empty() : tensor<3xi64>
  %g10 = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]} outs(%g10_e : tensor<3xi64>) {
  ^bb0(%o: i64):
    %x0 = linalg.index 0 : index
    %i0 = arith.index_cast %x0 : index to i64
    %ixz = arith.constant 0 : i64
    %ix = arith.addi %i0, %ixz : i64
    %st = arith.constant 5 : i64
    %r = arith.addi %ix, %st : i64
    linalg.yield %r : i64
  } -> tensor<3xi64>
  %cp211 = tensor.expand_shape %g10 [[0, 1]] output_shape [3, 1] : tensor<3xi64> into tensor<3x1xi64>
  %g12_e = tensor.empty() : tensor<3x8xi1>
  %g12 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d1)>, affine_map<(d0, d1) -> (d0, 0)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} ins(%g9, %cp211 : tensor<8xi64>, tensor<3x1xi64>) outs(%g12_e : tensor<3x8xi1>) {
  ^bb0(%a0: i64, %a1: i64, %o: i1):
    %x0 = linalg.index 0 : index
    %i0 = arith.index_cast %x0 : index to i64
    %x1 = linalg.index 1 : index
    %i1 = arith.index_cast %x1 : index to i64
    %r = arith.cmpi sgt, %a0, %a1 : i64
    linalg.yield %r : i1
  } -> tensor<3x8xi1>
  %g13_e = tensor.empty() : tensor<3x8xf32>
  %g13 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} ins(%full8, %g12 : tensor<3x8xf32>, tensor<3x8xi1>) outs(%g13_e : tensor<3x8xf32>) {
  ^bb0(%a0: f32, %a1: i1, %o: f32):
    %x0 = linalg.index 0 : index
    %i0 = arith.index_cast %x0 : index to i64
    %x1 = linalg.index 1 : index
    %i1 = arith.index_cast %x1 : index to i64
    %bf = arith.uitofp %a1 : i1 to f32
    %r = arith.mulf %a0, %bf : f32
    linalg.yield %r : f32
  } -> tensor<3x8xf32>
  %cat14 = tensor.concat dim(0) %g7, %g13 : (tensor<3x8xf32>, tensor<3x8xf32>) -> tensor<6x8xf32>
  %e = tensor.empty() : tensor<1x2x6x8xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<1x2x6x8xf32>) -> tensor<1x2x6x8xf32>
  %s = linalg.generic {indexing_maps = [affine_map<(b, h, i, j, d) -> (b, h, i, d)>, affine_map<(b, h, i, j, d) -> (b, h, j, d)>, affine_map<(b, h, i, j, d) -> (b, h, i, j)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%q, %k : tensor<1x2x6x5xf32>, tensor<1x2x8x5xf32>) outs(%f : tensor<1x2x6x8xf32>) {
  ^bb0(%a: f32, %bb: f32, %acc: f32):
    %mm = arith.mulf %a, %bb : f32
    %r = arith.addf %acc, %mm : f32
    linalg.yield %r : f32
  } -> tensor<1x2x6x8xf32>
  %ss = linalg.generic {indexing_maps = [affine_map<(b, h, i, j) -> (b, h, i, j)>, affine_map<(b, h, i, j) -> (i, j)>, affine_map<(b, h, i, j) -> (b, h, i, j)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%s, %cat14 : tensor<1x2x6x8xf32>, tensor<6x8xf32>) outs(%e : tensor<1x2x6x8xf32>) {
  ^bb0(%a: f32, %mv: f32, %o: f32):
    %sc = arith.mulf %a, %c : f32
    %r = arith.addf %sc, %mv : f32
    linalg.yield %r : f32
  } -> tensor<1x2x6x8xf32>
  %sm = linalg.softmax dimension(3) ins(%ss : tensor<1x2x6x8xf32>) outs(%e : tensor<1x2x6x8xf32>) -> tensor<1x2x6x8xf32>
  %eo = tensor.empty() : tensor<1x2x6x6xf32>
  %fo = linalg.fill ins(%zero : f32) outs(%eo : tensor<1x2x6x6xf32>) -> tensor<1x2x6x6xf32>
  %out = linalg.generic {indexing_maps = [affine_map<(b, h, i, e, j) -> (b, h, i, j)>, affine_map<(b, h, i, e, j) -> (b, h, j, e)>, affine_map<(b, h, i, e, j) -> (b, h, i, e)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%sm, %v : tensor<1x2x6x8xf32>, tensor<1x2x8x6xf32>) outs(%fo : tensor<1x2x6x6xf32>) {
  ^bb0(%a: f32, %bb: f32, %acc: f32):
    %mm = arith.mulf %a, %bb : f32
    %r = arith.addf %acc, %mm : f32
    linalg.yield %r : f32
  } -> tensor<1x2x6x6xf32>
  return %out : tensor<1x2x6x6xf32>
}

func.func @sitofp(%q: tensor<1x2x4x5xf32>, %k: tensor<1x2x7x5xf32>, %v: tensor<1x2x7x6xf32>) -> tensor<1x2x4x6xf32> {
  %zero = arith.constant 0.0 : f32
  %cscale = arith.constant 0.5 : f32
  %full1_e = tensor.empty() : tensor<4x7xf32>
  %full1_c = arith.constant -3.40282347E+38 : f32
  %full1 = linalg.fill ins(%full1_c : f32) outs(%full1_e : tensor<4x7xf32>) -> tensor<4x7xf32>
  %g2_e = tensor.empty() : tensor<4x7xf32>
  %g2 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} ins(%full1 : tensor<4x7xf32>) outs(%g2_e : tensor<4x7xf32>) {
  ^bb0(%a0: f32, %o: f32):
    %x0 = linalg.index 0 : index
    %i0 = arith.index_cast %x0 : index to i64
    %x1 = linalg.index 1 : index
    %i1 = arith.index_cast %x1 : index to i64
    %d = arith.subi %i1, %i0 : i64
    %one = arith.constant 1 : i64
    %ge = arith.cmpi sge, %d, %one : i64
    %zf = arith.constant 0.0 : f32
    %r = arith.select %ge, %a0, %zf : f32
    linalg.yield %r : f32
  } -> tensor<4x7xf32>
  %g3_e = tensor.empty() : tensor<7xi64>
  %g3 = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]} outs(%g3_e : tensor<7xi64>) {
  ^bb0(%o: i64):
    %x0 = linalg.index 0 : index
    %i0 = arith.index_cast %x0 : index to i64
    %ixz = arith.constant 0 : i64
    %ix = arith.addi %i0, %ixz : i64
    %st = arith.constant 0 : i64
    %r = arith.addi %ix, %st : i64
    linalg.yield %r : i64
  } -> tensor<7xi64>
  %g4_e = tensor.empty() : tensor<4xi64>
  %g4 = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]} outs(%g4_e : tensor<4xi64>) {
  ^bb0(%o: i64):
    %x0 = linalg.index 0 : index
    %i0 = arith.index_cast %x0 : index to i64
    %ixz = arith.constant 0 : i64
    %ix = arith.addi %i0, %ixz : i64
    %st = arith.constant 3 : i64
    %r = arith.addi %ix, %st : i64
    linalg.yield %r : i64
  } -> tensor<4xi64>
  %cp25 = tensor.expand_shape %g4 [[0, 1]] output_shape [4, 1] : tensor<4xi64> into tensor<4x1xi64>
  %g6_e = tensor.empty() : tensor<4x7xi1>
  %g6 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d1)>, affine_map<(d0, d1) -> (d0, 0)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} ins(%g3, %cp25 : tensor<7xi64>, tensor<4x1xi64>) outs(%g6_e : tensor<4x7xi1>) {
  ^bb0(%a0: i64, %a1: i64, %o: i1):
    %x0 = linalg.index 0 : index
    %i0 = arith.index_cast %x0 : index to i64
    %x1 = linalg.index 1 : index
    %i1 = arith.index_cast %x1 : index to i64
    %r = arith.cmpi sgt, %a0, %a1 : i64
    linalg.yield %r : i1
  } -> tensor<4x7xi1>
  %g7_e = tensor.empty() : tensor<4x7xf32>
  %g7 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} ins(%g2, %g6 : tensor<4x7xf32>, tensor<4x7xi1>) outs(%g7_e : tensor<4x7xf32>) {
  ^bb0(%a0: f32, %a1: i1, %o: f32):
    %x0 = linalg.index 0 : index
    %i0 = arith.index_cast %x0 : index to i64
    %x1 = linalg.index 1 : index
    %i1 = arith.index_cast %x1 : index to i64
    %bf = arith.sitofp %a1 : i1 to f32
    %r = arith.mulf %a0, %bf : f32
    linalg.yield %r : f32
  } -> tensor<4x7xf32>
  %e = tensor.empty() : tensor<1x2x4x7xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<1x2x4x7xf32>) -> tensor<1x2x4x7xf32>
  %s = linalg.generic {indexing_maps = [affine_map<(b, h, i, j, d) -> (b, h, i, d)>, affine_map<(b, h, i, j, d) -> (b, h, j, d)>, affine_map<(b, h, i, j, d) -> (b, h, i, j)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%q, %k : tensor<1x2x4x5xf32>, tensor<1x2x7x5xf32>) outs(%f : tensor<1x2x4x7xf32>) {
  ^bb0(%a: f32, %bb: f32, %acc: f32):
    %mm = arith.mulf %a, %bb : f32
    %r = arith.addf %acc, %mm : f32
    linalg.yield %r : f32
  } -> tensor<1x2x4x7xf32>
  %ss = linalg.generic {indexing_maps = [affine_map<(b, h, i, j) -> (b, h, i, j)>, affine_map<(b, h, i, j) -> (i, j)>, affine_map<(b, h, i, j) -> (b, h, i, j)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%s, %g7 : tensor<1x2x4x7xf32>, tensor<4x7xf32>) outs(%e : tensor<1x2x4x7xf32>) {
  ^bb0(%a: f32, %mv: f32, %o: f32):
    %sc = arith.mulf %a, %cscale : f32
    %r = arith.addf %sc, %mv : f32
    linalg.yield %r : f32
  } -> tensor<1x2x4x7xf32>
  %sm = linalg.softmax dimension(3) ins(%ss : tensor<1x2x4x7xf32>) outs(%e : tensor<1x2x4x7xf32>) -> tensor<1x2x4x7xf32>
  %eo = tensor.empty() : tensor<1x2x4x6xf32>
  %fo = linalg.fill ins(%zero : f32) outs(%eo : tensor<1x2x4x6xf32>) -> tensor<1x2x4x6xf32>
  %out = linalg.generic {indexing_maps = [affine_map<(b, h, i, e, j) -> (b, h, i, j)>, affine_map<(b, h, i, e, j) -> (b, h, j, e)>, affine_map<(b, h, i, e, j) -> (b, h, i, e)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%sm, %v : tensor<1x2x4x7xf32>, tensor<1x2x7x6xf32>) outs(%fo : tensor<1x2x4x6xf32>) {
  ^bb0(%a: f32, %bb: f32, %acc: f32):
    %mm = arith.mulf %a, %bb : f32
    %r = arith.addf %acc, %mm : f32
    linalg.yield %r : f32
  } -> tensor<1x2x4x6xf32>
  return %out : tensor<1x2x4x6xf32>
}

func.func @pos_fill(%q: tensor<1x2x4x5xf32>, %k: tensor<1x2x7x5xf32>, %v: tensor<1x2x7x6xf32>) -> tensor<1x2x4x6xf32> {
  %zero = arith.constant 0.0 : f32
  %cscale = arith.constant 0.5 : f32
  %full1_e = tensor.empty() : tensor<4x7xf32>
  %full1_c = arith.constant 1.0e9 : f32
  %full1 = linalg.fill ins(%full1_c : f32) outs(%full1_e : tensor<4x7xf32>) -> tensor<4x7xf32>
  %g2_e = tensor.empty() : tensor<7xi64>
  %g2 = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]} outs(%g2_e : tensor<7xi64>) {
  ^bb0(%o: i64):
    %x0 = linalg.index 0 : index
    %i0 = arith.index_cast %x0 : index to i64
    %ixz = arith.constant 0 : i64
    %ix = arith.addi %i0, %ixz : i64
    %st = arith.constant 0 : i64
    %r = arith.addi %ix, %st : i64
    linalg.yield %r : i64
  } -> tensor<7xi64>
  %g3_e = tensor.empty() : tensor<4xi64>
  %g3 = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]} outs(%g3_e : tensor<4xi64>) {
  ^bb0(%o: i64):
    %x0 = linalg.index 0 : index
    %i0 = arith.index_cast %x0 : index to i64
    %ixz = arith.constant 0 : i64
    %ix = arith.addi %i0, %ixz : i64
    %st = arith.constant 3 : i64
    %r = arith.addi %ix, %st : i64
    linalg.yield %r : i64
  } -> tensor<4xi64>
  %cp24 = tensor.expand_shape %g3 [[0, 1]] output_shape [4, 1] : tensor<4xi64> into tensor<4x1xi64>
  %g5_e = tensor.empty() : tensor<4x7xi1>
  %g5 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d1)>, affine_map<(d0, d1) -> (d0, 0)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} ins(%g2, %cp24 : tensor<7xi64>, tensor<4x1xi64>) outs(%g5_e : tensor<4x7xi1>) {
  ^bb0(%a0: i64, %a1: i64, %o: i1):
    %x0 = linalg.index 0 : index
    %i0 = arith.index_cast %x0 : index to i64
    %x1 = linalg.index 1 : index
    %i1 = arith.index_cast %x1 : index to i64
    %r = arith.cmpi sgt, %a0, %a1 : i64
    linalg.yield %r : i1
  } -> tensor<4x7xi1>
  %g6_e = tensor.empty() : tensor<4x7xf32>
  %g6 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} ins(%full1, %g5 : tensor<4x7xf32>, tensor<4x7xi1>) outs(%g6_e : tensor<4x7xf32>) {
  ^bb0(%a0: f32, %a1: i1, %o: f32):
    %x0 = linalg.index 0 : index
    %i0 = arith.index_cast %x0 : index to i64
    %x1 = linalg.index 1 : index
    %i1 = arith.index_cast %x1 : index to i64
    %bf = arith.uitofp %a1 : i1 to f32
    %r = arith.mulf %a0, %bf : f32
    linalg.yield %r : f32
  } -> tensor<4x7xf32>
  %e = tensor.empty() : tensor<1x2x4x7xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<1x2x4x7xf32>) -> tensor<1x2x4x7xf32>
  %s = linalg.generic {indexing_maps = [affine_map<(b, h, i, j, d) -> (b, h, i, d)>, affine_map<(b, h, i, j, d) -> (b, h, j, d)>, affine_map<(b, h, i, j, d) -> (b, h, i, j)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%q, %k : tensor<1x2x4x5xf32>, tensor<1x2x7x5xf32>) outs(%f : tensor<1x2x4x7xf32>) {
  ^bb0(%a: f32, %bb: f32, %acc: f32):
    %mm = arith.mulf %a, %bb : f32
    %r = arith.addf %acc, %mm : f32
    linalg.yield %r : f32
  } -> tensor<1x2x4x7xf32>
  %ss = linalg.generic {indexing_maps = [affine_map<(b, h, i, j) -> (b, h, i, j)>, affine_map<(b, h, i, j) -> (i, j)>, affine_map<(b, h, i, j) -> (b, h, i, j)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%s, %g6 : tensor<1x2x4x7xf32>, tensor<4x7xf32>) outs(%e : tensor<1x2x4x7xf32>) {
  ^bb0(%a: f32, %mv: f32, %o: f32):
    %sc = arith.mulf %a, %cscale : f32
    %r = arith.addf %sc, %mv : f32
    linalg.yield %r : f32
  } -> tensor<1x2x4x7xf32>
  %sm = linalg.softmax dimension(3) ins(%ss : tensor<1x2x4x7xf32>) outs(%e : tensor<1x2x4x7xf32>) -> tensor<1x2x4x7xf32>
  %eo = tensor.empty() : tensor<1x2x4x6xf32>
  %fo = linalg.fill ins(%zero : f32) outs(%eo : tensor<1x2x4x6xf32>) -> tensor<1x2x4x6xf32>
  %out = linalg.generic {indexing_maps = [affine_map<(b, h, i, e, j) -> (b, h, i, j)>, affine_map<(b, h, i, e, j) -> (b, h, j, e)>, affine_map<(b, h, i, e, j) -> (b, h, i, e)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%sm, %v : tensor<1x2x4x7xf32>, tensor<1x2x7x6xf32>) outs(%fo : tensor<1x2x4x6xf32>) {
  ^bb0(%a: f32, %bb: f32, %acc: f32):
    %mm = arith.mulf %a, %bb : f32
    %r = arith.addf %acc, %mm : f32
    linalg.yield %r : f32
  } -> tensor<1x2x4x6xf32>
  return %out : tensor<1x2x4x6xf32>
}

func.func @half(%q: tensor<1x2x4x5xf32>, %k: tensor<1x2x7x5xf32>, %v: tensor<1x2x7x6xf32>) -> tensor<1x2x4x6xf32> {
  %zero = arith.constant 0.0 : f32
  %cscale = arith.constant 0.5 : f32
  %full1_e = tensor.empty() : tensor<4x7xf32>
  %full1_c = arith.constant -3.40282347E+38 : f32
  %full1 = linalg.fill ins(%full1_c : f32) outs(%full1_e : tensor<4x7xf32>) -> tensor<4x7xf32>
  %g2_e = tensor.empty() : tensor<4x7xf32>
  %g2 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} ins(%full1 : tensor<4x7xf32>) outs(%g2_e : tensor<4x7xf32>) {
  ^bb0(%a0: f32, %o: f32):
    %x0 = linalg.index 0 : index
    %i0 = arith.index_cast %x0 : index to i64
    %x1 = linalg.index 1 : index
    %i1 = arith.index_cast %x1 : index to i64
    %d = arith.subi %i1, %i0 : i64
    %one = arith.constant 1 : i64
    %ge = arith.cmpi sge, %d, %one : i64
    %zf = arith.constant 0.0 : f32
    %r = arith.select %ge, %a0, %zf : f32
    linalg.yield %r : f32
  } -> tensor<4x7xf32>
  %g3_e = tensor.empty() : tensor<7xi64>
  %g3 = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]} outs(%g3_e : tensor<7xi64>) {
  ^bb0(%o: i64):
    %x0 = linalg.index 0 : index
    %i0 = arith.index_cast %x0 : index to i64
    %ixz = arith.constant 0 : i64
    %ix = arith.addi %i0, %ixz : i64
    %st = arith.constant 0 : i64
    %r = arith.addi %ix, %st : i64
    linalg.yield %r : i64
  } -> tensor<7xi64>
  %g4_e = tensor.empty() : tensor<4xi64>
  %g4 = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]} outs(%g4_e : tensor<4xi64>) {
  ^bb0(%o: i64):
    %x0 = linalg.index 0 : index
    %i0 = arith.index_cast %x0 : index to i64
    %ixz = arith.constant 0 : i64
    %ix = arith.addi %i0, %ixz : i64
    %st = arith.constant 3 : i64
    %r = arith.addi %ix, %st : i64
    linalg.yield %r : i64
  } -> tensor<4xi64>
  %cp25 = tensor.expand_shape %g4 [[0, 1]] output_shape [4, 1] : tensor<4xi64> into tensor<4x1xi64>
  %g6_e = tensor.empty() : tensor<4x7xi1>
  %g6 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d1)>, affine_map<(d0, d1) -> (d0, 0)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} ins(%g3, %cp25 : tensor<7xi64>, tensor<4x1xi64>) outs(%g6_e : tensor<4x7xi1>) {
  ^bb0(%a0: i64, %a1: i64, %o: i1):
    %x0 = linalg.index 0 : index
    %i0 = arith.index_cast %x0 : index to i64
    %x1 = linalg.index 1 : index
    %i1 = arith.index_cast %x1 : index to i64
    %r = arith.cmpi sgt, %a0, %a1 : i64
    linalg.yield %r : i1
  } -> tensor<4x7xi1>
  %g7_e = tensor.empty() : tensor<4x7xf32>
  %g7 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} ins(%g2, %g6 : tensor<4x7xf32>, tensor<4x7xi1>) outs(%g7_e : tensor<4x7xf32>) {
  ^bb0(%a0: f32, %a1: i1, %o: f32):
    %x0 = linalg.index 0 : index
    %i0 = arith.index_cast %x0 : index to i64
    %x1 = linalg.index 1 : index
    %i1 = arith.index_cast %x1 : index to i64
    %one = arith.constant 0.5 : f32
    %zf = arith.constant 0.0 : f32
    %bf = arith.select %a1, %one, %zf : f32
    %r = arith.mulf %a0, %bf : f32
    linalg.yield %r : f32
  } -> tensor<4x7xf32>
  %e = tensor.empty() : tensor<1x2x4x7xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<1x2x4x7xf32>) -> tensor<1x2x4x7xf32>
  %s = linalg.generic {indexing_maps = [affine_map<(b, h, i, j, d) -> (b, h, i, d)>, affine_map<(b, h, i, j, d) -> (b, h, j, d)>, affine_map<(b, h, i, j, d) -> (b, h, i, j)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%q, %k : tensor<1x2x4x5xf32>, tensor<1x2x7x5xf32>) outs(%f : tensor<1x2x4x7xf32>) {
  ^bb0(%a: f32, %bb: f32, %acc: f32):
    %mm = arith.mulf %a, %bb : f32
    %r = arith.addf %acc, %mm : f32
    linalg.yield %r : f32
  } -> tensor<1x2x4x7xf32>
  %ss = linalg.generic {indexing_maps = [affine_map<(b, h, i, j) -> (b, h, i, j)>, affine_map<(b, h, i, j) -> (i, j)>, affine_map<(b, h, i, j) -> (b, h, i, j)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%s, %g7 : tensor<1x2x4x7xf32>, tensor<4x7xf32>) outs(%e : tensor<1x2x4x7xf32>) {
  ^bb0(%a: f32, %mv: f32, %o: f32):
    %sc = arith.mulf %a, %cscale : f32
    %r = arith.addf %sc, %mv : f32
    linalg.yield %r : f32
  } -> tensor<1x2x4x7xf32>
  %sm = linalg.softmax dimension(3) ins(%ss : tensor<1x2x4x7xf32>) outs(%e : tensor<1x2x4x7xf32>) -> tensor<1x2x4x7xf32>
  %eo = tensor.empty() : tensor<1x2x4x6xf32>
  %fo = linalg.fill ins(%zero : f32) outs(%eo : tensor<1x2x4x6xf32>) -> tensor<1x2x4x6xf32>
  %out = linalg.generic {indexing_maps = [affine_map<(b, h, i, e, j) -> (b, h, i, j)>, affine_map<(b, h, i, e, j) -> (b, h, j, e)>, affine_map<(b, h, i, e, j) -> (b, h, i, e)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%sm, %v : tensor<1x2x4x7xf32>, tensor<1x2x7x6xf32>) outs(%fo : tensor<1x2x4x6xf32>) {
  ^bb0(%a: f32, %bb: f32, %acc: f32):
    %mm = arith.mulf %a, %bb : f32
    %r = arith.addf %acc, %mm : f32
    linalg.yield %r : f32
  } -> tensor<1x2x4x6xf32>
  return %out : tensor<1x2x4x6xf32>
}

func.func @two_fills(%q: tensor<1x2x4x5xf32>, %k: tensor<1x2x7x5xf32>, %v: tensor<1x2x7x6xf32>) -> tensor<1x2x4x6xf32> {
  %zero = arith.constant 0.0 : f32
  %cscale = arith.constant 0.5 : f32
  %full1_e = tensor.empty() : tensor<4x7xf32>
  %full1_c = arith.constant -3.40282347E+38 : f32
  %full1 = linalg.fill ins(%full1_c : f32) outs(%full1_e : tensor<4x7xf32>) -> tensor<4x7xf32>
  %g2_e = tensor.empty() : tensor<4x7xf32>
  %g2 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} ins(%full1 : tensor<4x7xf32>) outs(%g2_e : tensor<4x7xf32>) {
  ^bb0(%a0: f32, %o: f32):
    %x0 = linalg.index 0 : index
    %i0 = arith.index_cast %x0 : index to i64
    %x1 = linalg.index 1 : index
    %i1 = arith.index_cast %x1 : index to i64
    %d = arith.subi %i1, %i0 : i64
    %one = arith.constant 1 : i64
    %ge = arith.cmpi sge, %d, %one : i64
    %zf = arith.constant 0.0 : f32
    %r = arith.select %ge, %a0, %zf : f32
    linalg.yield %r : f32
  } -> tensor<4x7xf32>
  %g3_e = tensor.empty() : tensor<7xi64>
  %g3 = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]} outs(%g3_e : tensor<7xi64>) {
  ^bb0(%o: i64):
    %x0 = linalg.index 0 : index
    %i0 = arith.index_cast %x0 : index to i64
    %ixz = arith.constant 0 : i64
    %ix = arith.addi %i0, %ixz : i64
    %st = arith.constant 0 : i64
    %r = arith.addi %ix, %st : i64
    linalg.yield %r : i64
  } -> tensor<7xi64>
  %g4_e = tensor.empty() : tensor<4xi64>
  %g4 = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]} outs(%g4_e : tensor<4xi64>) {
  ^bb0(%o: i64):
    %x0 = linalg.index 0 : index
    %i0 = arith.index_cast %x0 : index to i64
    %ixz = arith.constant 0 : i64
    %ix = arith.addi %i0, %ixz : i64
    %st = arith.constant 3 : i64
    %r = arith.addi %ix, %st : i64
    linalg.yield %r : i64
  } -> tensor<4xi64>
  %cp25 = tensor.expand_shape %g4 [[0, 1]] output_shape [4, 1] : tensor<4xi64> into tensor<4x1xi64>
  %g6_e = tensor.empty() : tensor<4x7xi1>
  %g6 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d1)>, affine_map<(d0, d1) -> (d0, 0)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} ins(%g3, %cp25 : tensor<7xi64>, tensor<4x1xi64>) outs(%g6_e : tensor<4x7xi1>) {
  ^bb0(%a0: i64, %a1: i64, %o: i1):
    %x0 = linalg.index 0 : index
    %i0 = arith.index_cast %x0 : index to i64
    %x1 = linalg.index 1 : index
    %i1 = arith.index_cast %x1 : index to i64
    %r = arith.cmpi sgt, %a0, %a1 : i64
    linalg.yield %r : i1
  } -> tensor<4x7xi1>
  %g7_e = tensor.empty() : tensor<4x7xf32>
  %g7 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} ins(%g2, %g6 : tensor<4x7xf32>, tensor<4x7xi1>) outs(%g7_e : tensor<4x7xf32>) {
  ^bb0(%a0: f32, %a1: i1, %o: f32):
    %x0 = linalg.index 0 : index
    %i0 = arith.index_cast %x0 : index to i64
    %x1 = linalg.index 1 : index
    %i1 = arith.index_cast %x1 : index to i64
    %bf = arith.uitofp %a1 : i1 to f32
    %r = arith.mulf %a0, %bf : f32
    linalg.yield %r : f32
  } -> tensor<4x7xf32>
  %g8_e = tensor.empty() : tensor<4x7xf32>
  %g8 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} ins(%g7 : tensor<4x7xf32>) outs(%g8_e : tensor<4x7xf32>) {
  ^bb0(%a0: f32, %o: f32):
    %x0 = linalg.index 0 : index
    %i0 = arith.index_cast %x0 : index to i64
    %x1 = linalg.index 1 : index
    %i1 = arith.index_cast %x1 : index to i64
    %c = arith.constant 0 : i64
    %cc = arith.cmpi eq, %i1, %c : i64
    %mn = arith.constant -1.0e9 : f32
    %r = arith.select %cc, %mn, %a0 : f32
    linalg.yield %r : f32
  } -> tensor<4x7xf32>
  %e = tensor.empty() : tensor<1x2x4x7xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<1x2x4x7xf32>) -> tensor<1x2x4x7xf32>
  %s = linalg.generic {indexing_maps = [affine_map<(b, h, i, j, d) -> (b, h, i, d)>, affine_map<(b, h, i, j, d) -> (b, h, j, d)>, affine_map<(b, h, i, j, d) -> (b, h, i, j)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%q, %k : tensor<1x2x4x5xf32>, tensor<1x2x7x5xf32>) outs(%f : tensor<1x2x4x7xf32>) {
  ^bb0(%a: f32, %bb: f32, %acc: f32):
    %mm = arith.mulf %a, %bb : f32
    %r = arith.addf %acc, %mm : f32
    linalg.yield %r : f32
  } -> tensor<1x2x4x7xf32>
  %ss = linalg.generic {indexing_maps = [affine_map<(b, h, i, j) -> (b, h, i, j)>, affine_map<(b, h, i, j) -> (i, j)>, affine_map<(b, h, i, j) -> (b, h, i, j)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%s, %g8 : tensor<1x2x4x7xf32>, tensor<4x7xf32>) outs(%e : tensor<1x2x4x7xf32>) {
  ^bb0(%a: f32, %mv: f32, %o: f32):
    %sc = arith.mulf %a, %cscale : f32
    %r = arith.addf %sc, %mv : f32
    linalg.yield %r : f32
  } -> tensor<1x2x4x7xf32>
  %sm = linalg.softmax dimension(3) ins(%ss : tensor<1x2x4x7xf32>) outs(%e : tensor<1x2x4x7xf32>) -> tensor<1x2x4x7xf32>
  %eo = tensor.empty() : tensor<1x2x4x6xf32>
  %fo = linalg.fill ins(%zero : f32) outs(%eo : tensor<1x2x4x6xf32>) -> tensor<1x2x4x6xf32>
  %out = linalg.generic {indexing_maps = [affine_map<(b, h, i, e, j) -> (b, h, i, j)>, affine_map<(b, h, i, e, j) -> (b, h, j, e)>, affine_map<(b, h, i, e, j) -> (b, h, i, e)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%sm, %v : tensor<1x2x4x7xf32>, tensor<1x2x7x6xf32>) outs(%fo : tensor<1x2x4x6xf32>) {
  ^bb0(%a: f32, %bb: f32, %acc: f32):
    %mm = arith.mulf %a, %bb : f32
    %r = arith.addf %acc, %mm : f32
    linalg.yield %r : f32
  } -> tensor<1x2x4x6xf32>
  return %out : tensor<1x2x4x6xf32>
}

func.func @main() {

  %pad_left_qq_e = tensor.empty() : tensor<2x2x4x5xf32>
  %pad_left_qq_d = tensor.cast %pad_left_qq_e : tensor<2x2x4x5xf32> to tensor<?x?x?x?xf32>
  %pad_left_qq_s = arith.constant 0.1 : f32
  %pad_left_qq_a = arith.constant 2.0 : f32
  %pad_left_qq_r = call @fill(%pad_left_qq_d, %pad_left_qq_s, %pad_left_qq_a) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %pad_left_qq = tensor.cast %pad_left_qq_r : tensor<?x?x?x?xf32> to tensor<2x2x4x5xf32>
  %pad_left_kk_e = tensor.empty() : tensor<2x2x7x5xf32>
  %pad_left_kk_d = tensor.cast %pad_left_kk_e : tensor<2x2x7x5xf32> to tensor<?x?x?x?xf32>
  %pad_left_kk_s = arith.constant 1.7 : f32
  %pad_left_kk_a = arith.constant 2.0 : f32
  %pad_left_kk_r = call @fill(%pad_left_kk_d, %pad_left_kk_s, %pad_left_kk_a) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %pad_left_kk = tensor.cast %pad_left_kk_r : tensor<?x?x?x?xf32> to tensor<2x2x7x5xf32>
  %pad_left_vv_e = tensor.empty() : tensor<2x2x7x6xf32>
  %pad_left_vv_d = tensor.cast %pad_left_vv_e : tensor<2x2x7x6xf32> to tensor<?x?x?x?xf32>
  %pad_left_vv_s = arith.constant 2.9 : f32
  %pad_left_vv_a = arith.constant 2.0 : f32
  %pad_left_vv_r = call @fill(%pad_left_vv_d, %pad_left_vv_s, %pad_left_vv_a) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %pad_left_vv = tensor.cast %pad_left_vv_r : tensor<?x?x?x?xf32> to tensor<2x2x7x6xf32>
  %pad_left_am_main = arith.constant dense<[[1, 1, 1, 1, 1, 1, 1], [0, 0, 1, 1, 1, 1, 1]]> : tensor<2x7xi64>
  %pad_left_o = call @pad_left(%pad_left_qq, %pad_left_kk, %pad_left_vv, %pad_left_am_main) : (tensor<2x2x4x5xf32>, tensor<2x2x7x5xf32>, tensor<2x2x7x6xf32>, tensor<2x7xi64>) -> tensor<2x2x4x6xf32>
  %pad_left_u = tensor.cast %pad_left_o : tensor<2x2x4x6xf32> to tensor<*xf32>
  call @printMemrefF32(%pad_left_u) : (tensor<*xf32>) -> ()

  %pad_mistral_w2_qq_e = tensor.empty() : tensor<2x2x4x5xf32>
  %pad_mistral_w2_qq_d = tensor.cast %pad_mistral_w2_qq_e : tensor<2x2x4x5xf32> to tensor<?x?x?x?xf32>
  %pad_mistral_w2_qq_s = arith.constant 0.1 : f32
  %pad_mistral_w2_qq_a = arith.constant 2.0 : f32
  %pad_mistral_w2_qq_r = call @fill(%pad_mistral_w2_qq_d, %pad_mistral_w2_qq_s, %pad_mistral_w2_qq_a) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %pad_mistral_w2_qq = tensor.cast %pad_mistral_w2_qq_r : tensor<?x?x?x?xf32> to tensor<2x2x4x5xf32>
  %pad_mistral_w2_kk_e = tensor.empty() : tensor<2x2x7x5xf32>
  %pad_mistral_w2_kk_d = tensor.cast %pad_mistral_w2_kk_e : tensor<2x2x7x5xf32> to tensor<?x?x?x?xf32>
  %pad_mistral_w2_kk_s = arith.constant 1.7 : f32
  %pad_mistral_w2_kk_a = arith.constant 2.0 : f32
  %pad_mistral_w2_kk_r = call @fill(%pad_mistral_w2_kk_d, %pad_mistral_w2_kk_s, %pad_mistral_w2_kk_a) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %pad_mistral_w2_kk = tensor.cast %pad_mistral_w2_kk_r : tensor<?x?x?x?xf32> to tensor<2x2x7x5xf32>
  %pad_mistral_w2_vv_e = tensor.empty() : tensor<2x2x7x6xf32>
  %pad_mistral_w2_vv_d = tensor.cast %pad_mistral_w2_vv_e : tensor<2x2x7x6xf32> to tensor<?x?x?x?xf32>
  %pad_mistral_w2_vv_s = arith.constant 2.9 : f32
  %pad_mistral_w2_vv_a = arith.constant 2.0 : f32
  %pad_mistral_w2_vv_r = call @fill(%pad_mistral_w2_vv_d, %pad_mistral_w2_vv_s, %pad_mistral_w2_vv_a) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %pad_mistral_w2_vv = tensor.cast %pad_mistral_w2_vv_r : tensor<?x?x?x?xf32> to tensor<2x2x7x6xf32>
  %pad_mistral_w2_am_main = arith.constant dense<[[1, 1, 1, 1, 1, 1, 1], [0, 0, 1, 1, 1, 1, 1]]> : tensor<2x7xi64>
  %pad_mistral_w2_o = call @pad_mistral_w2(%pad_mistral_w2_qq, %pad_mistral_w2_kk, %pad_mistral_w2_vv, %pad_mistral_w2_am_main) : (tensor<2x2x4x5xf32>, tensor<2x2x7x5xf32>, tensor<2x2x7x6xf32>, tensor<2x7xi64>) -> tensor<2x2x4x6xf32>
  %pad_mistral_w2_u = tensor.cast %pad_mistral_w2_o : tensor<2x2x4x6xf32> to tensor<*xf32>
  call @printMemrefF32(%pad_mistral_w2_u) : (tensor<*xf32>) -> ()

  %gemma2_pad_w2_qq_e = tensor.empty() : tensor<2x2x4x5xf32>
  %gemma2_pad_w2_qq_d = tensor.cast %gemma2_pad_w2_qq_e : tensor<2x2x4x5xf32> to tensor<?x?x?x?xf32>
  %gemma2_pad_w2_qq_s = arith.constant 0.1 : f32
  %gemma2_pad_w2_qq_a = arith.constant 2.0 : f32
  %gemma2_pad_w2_qq_r = call @fill(%gemma2_pad_w2_qq_d, %gemma2_pad_w2_qq_s, %gemma2_pad_w2_qq_a) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %gemma2_pad_w2_qq = tensor.cast %gemma2_pad_w2_qq_r : tensor<?x?x?x?xf32> to tensor<2x2x4x5xf32>
  %gemma2_pad_w2_kk_e = tensor.empty() : tensor<2x2x7x5xf32>
  %gemma2_pad_w2_kk_d = tensor.cast %gemma2_pad_w2_kk_e : tensor<2x2x7x5xf32> to tensor<?x?x?x?xf32>
  %gemma2_pad_w2_kk_s = arith.constant 1.7 : f32
  %gemma2_pad_w2_kk_a = arith.constant 2.0 : f32
  %gemma2_pad_w2_kk_r = call @fill(%gemma2_pad_w2_kk_d, %gemma2_pad_w2_kk_s, %gemma2_pad_w2_kk_a) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %gemma2_pad_w2_kk = tensor.cast %gemma2_pad_w2_kk_r : tensor<?x?x?x?xf32> to tensor<2x2x7x5xf32>
  %gemma2_pad_w2_vv_e = tensor.empty() : tensor<2x2x7x6xf32>
  %gemma2_pad_w2_vv_d = tensor.cast %gemma2_pad_w2_vv_e : tensor<2x2x7x6xf32> to tensor<?x?x?x?xf32>
  %gemma2_pad_w2_vv_s = arith.constant 2.9 : f32
  %gemma2_pad_w2_vv_a = arith.constant 2.0 : f32
  %gemma2_pad_w2_vv_r = call @fill(%gemma2_pad_w2_vv_d, %gemma2_pad_w2_vv_s, %gemma2_pad_w2_vv_a) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %gemma2_pad_w2_vv = tensor.cast %gemma2_pad_w2_vv_r : tensor<?x?x?x?xf32> to tensor<2x2x7x6xf32>
  %gemma2_pad_w2_am_main = arith.constant dense<[[1, 1, 1, 1, 1, 1, 1], [0, 0, 1, 1, 1, 1, 1]]> : tensor<2x7xi64>
  %gemma2_pad_w2_o = call @gemma2_pad_w2(%gemma2_pad_w2_qq, %gemma2_pad_w2_kk, %gemma2_pad_w2_vv, %gemma2_pad_w2_am_main) : (tensor<2x2x4x5xf32>, tensor<2x2x7x5xf32>, tensor<2x2x7x6xf32>, tensor<2x7xi64>) -> tensor<2x2x4x6xf32>
  %gemma2_pad_w2_u = tensor.cast %gemma2_pad_w2_o : tensor<2x2x4x6xf32> to tensor<*xf32>
  call @printMemrefF32(%gemma2_pad_w2_u) : (tensor<*xf32>) -> ()

  %pad_notriu_decode_qq_e = tensor.empty() : tensor<2x2x1x5xf32>
  %pad_notriu_decode_qq_d = tensor.cast %pad_notriu_decode_qq_e : tensor<2x2x1x5xf32> to tensor<?x?x?x?xf32>
  %pad_notriu_decode_qq_s = arith.constant 0.1 : f32
  %pad_notriu_decode_qq_a = arith.constant 2.0 : f32
  %pad_notriu_decode_qq_r = call @fill(%pad_notriu_decode_qq_d, %pad_notriu_decode_qq_s, %pad_notriu_decode_qq_a) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %pad_notriu_decode_qq = tensor.cast %pad_notriu_decode_qq_r : tensor<?x?x?x?xf32> to tensor<2x2x1x5xf32>
  %pad_notriu_decode_kk_e = tensor.empty() : tensor<2x2x7x5xf32>
  %pad_notriu_decode_kk_d = tensor.cast %pad_notriu_decode_kk_e : tensor<2x2x7x5xf32> to tensor<?x?x?x?xf32>
  %pad_notriu_decode_kk_s = arith.constant 1.7 : f32
  %pad_notriu_decode_kk_a = arith.constant 2.0 : f32
  %pad_notriu_decode_kk_r = call @fill(%pad_notriu_decode_kk_d, %pad_notriu_decode_kk_s, %pad_notriu_decode_kk_a) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %pad_notriu_decode_kk = tensor.cast %pad_notriu_decode_kk_r : tensor<?x?x?x?xf32> to tensor<2x2x7x5xf32>
  %pad_notriu_decode_vv_e = tensor.empty() : tensor<2x2x7x6xf32>
  %pad_notriu_decode_vv_d = tensor.cast %pad_notriu_decode_vv_e : tensor<2x2x7x6xf32> to tensor<?x?x?x?xf32>
  %pad_notriu_decode_vv_s = arith.constant 2.9 : f32
  %pad_notriu_decode_vv_a = arith.constant 2.0 : f32
  %pad_notriu_decode_vv_r = call @fill(%pad_notriu_decode_vv_d, %pad_notriu_decode_vv_s, %pad_notriu_decode_vv_a) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %pad_notriu_decode_vv = tensor.cast %pad_notriu_decode_vv_r : tensor<?x?x?x?xf32> to tensor<2x2x7x6xf32>
  %pad_notriu_decode_am_main = arith.constant dense<[[1, 1, 1, 1, 1, 1, 1], [0, 0, 1, 1, 1, 1, 1]]> : tensor<2x7xi64>
  %pad_notriu_decode_o = call @pad_notriu_decode(%pad_notriu_decode_qq, %pad_notriu_decode_kk, %pad_notriu_decode_vv, %pad_notriu_decode_am_main) : (tensor<2x2x1x5xf32>, tensor<2x2x7x5xf32>, tensor<2x2x7x6xf32>, tensor<2x7xi64>) -> tensor<2x2x1x6xf32>
  %pad_notriu_decode_u = tensor.cast %pad_notriu_decode_o : tensor<2x2x1x6xf32> to tensor<*xf32>
  call @printMemrefF32(%pad_notriu_decode_u) : (tensor<*xf32>) -> ()

  %sdpa_pad_muli_qq_e = tensor.empty() : tensor<2x2x4x5xf32>
  %sdpa_pad_muli_qq_d = tensor.cast %sdpa_pad_muli_qq_e : tensor<2x2x4x5xf32> to tensor<?x?x?x?xf32>
  %sdpa_pad_muli_qq_s = arith.constant 0.1 : f32
  %sdpa_pad_muli_qq_a = arith.constant 2.0 : f32
  %sdpa_pad_muli_qq_r = call @fill(%sdpa_pad_muli_qq_d, %sdpa_pad_muli_qq_s, %sdpa_pad_muli_qq_a) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %sdpa_pad_muli_qq = tensor.cast %sdpa_pad_muli_qq_r : tensor<?x?x?x?xf32> to tensor<2x2x4x5xf32>
  %sdpa_pad_muli_kk_e = tensor.empty() : tensor<2x2x7x5xf32>
  %sdpa_pad_muli_kk_d = tensor.cast %sdpa_pad_muli_kk_e : tensor<2x2x7x5xf32> to tensor<?x?x?x?xf32>
  %sdpa_pad_muli_kk_s = arith.constant 1.7 : f32
  %sdpa_pad_muli_kk_a = arith.constant 2.0 : f32
  %sdpa_pad_muli_kk_r = call @fill(%sdpa_pad_muli_kk_d, %sdpa_pad_muli_kk_s, %sdpa_pad_muli_kk_a) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %sdpa_pad_muli_kk = tensor.cast %sdpa_pad_muli_kk_r : tensor<?x?x?x?xf32> to tensor<2x2x7x5xf32>
  %sdpa_pad_muli_vv_e = tensor.empty() : tensor<2x2x7x6xf32>
  %sdpa_pad_muli_vv_d = tensor.cast %sdpa_pad_muli_vv_e : tensor<2x2x7x6xf32> to tensor<?x?x?x?xf32>
  %sdpa_pad_muli_vv_s = arith.constant 2.9 : f32
  %sdpa_pad_muli_vv_a = arith.constant 2.0 : f32
  %sdpa_pad_muli_vv_r = call @fill(%sdpa_pad_muli_vv_d, %sdpa_pad_muli_vv_s, %sdpa_pad_muli_vv_a) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %sdpa_pad_muli_vv = tensor.cast %sdpa_pad_muli_vv_r : tensor<?x?x?x?xf32> to tensor<2x2x7x6xf32>
  %sdpa_pad_muli_am_main = arith.constant dense<[[true, true, true, true, true, true, true], [false, false, true, true, true, true, true]]> : tensor<2x7xi1>
  %sdpa_pad_muli_o = call @sdpa_pad_muli(%sdpa_pad_muli_qq, %sdpa_pad_muli_kk, %sdpa_pad_muli_vv, %sdpa_pad_muli_am_main) : (tensor<2x2x4x5xf32>, tensor<2x2x7x5xf32>, tensor<2x2x7x6xf32>, tensor<2x7xi1>) -> tensor<2x2x4x6xf32>
  %sdpa_pad_muli_u = tensor.cast %sdpa_pad_muli_o : tensor<2x2x4x6xf32> to tensor<*xf32>
  call @printMemrefF32(%sdpa_pad_muli_u) : (tensor<*xf32>) -> ()

  %sdpa_w2_minui_qq_e = tensor.empty() : tensor<2x2x4x5xf32>
  %sdpa_w2_minui_qq_d = tensor.cast %sdpa_w2_minui_qq_e : tensor<2x2x4x5xf32> to tensor<?x?x?x?xf32>
  %sdpa_w2_minui_qq_s = arith.constant 0.1 : f32
  %sdpa_w2_minui_qq_a = arith.constant 2.0 : f32
  %sdpa_w2_minui_qq_r = call @fill(%sdpa_w2_minui_qq_d, %sdpa_w2_minui_qq_s, %sdpa_w2_minui_qq_a) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %sdpa_w2_minui_qq = tensor.cast %sdpa_w2_minui_qq_r : tensor<?x?x?x?xf32> to tensor<2x2x4x5xf32>
  %sdpa_w2_minui_kk_e = tensor.empty() : tensor<2x2x7x5xf32>
  %sdpa_w2_minui_kk_d = tensor.cast %sdpa_w2_minui_kk_e : tensor<2x2x7x5xf32> to tensor<?x?x?x?xf32>
  %sdpa_w2_minui_kk_s = arith.constant 1.7 : f32
  %sdpa_w2_minui_kk_a = arith.constant 2.0 : f32
  %sdpa_w2_minui_kk_r = call @fill(%sdpa_w2_minui_kk_d, %sdpa_w2_minui_kk_s, %sdpa_w2_minui_kk_a) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %sdpa_w2_minui_kk = tensor.cast %sdpa_w2_minui_kk_r : tensor<?x?x?x?xf32> to tensor<2x2x7x5xf32>
  %sdpa_w2_minui_vv_e = tensor.empty() : tensor<2x2x7x6xf32>
  %sdpa_w2_minui_vv_d = tensor.cast %sdpa_w2_minui_vv_e : tensor<2x2x7x6xf32> to tensor<?x?x?x?xf32>
  %sdpa_w2_minui_vv_s = arith.constant 2.9 : f32
  %sdpa_w2_minui_vv_a = arith.constant 2.0 : f32
  %sdpa_w2_minui_vv_r = call @fill(%sdpa_w2_minui_vv_d, %sdpa_w2_minui_vv_s, %sdpa_w2_minui_vv_a) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %sdpa_w2_minui_vv = tensor.cast %sdpa_w2_minui_vv_r : tensor<?x?x?x?xf32> to tensor<2x2x7x6xf32>
  %sdpa_w2_minui_o = call @sdpa_w2_minui(%sdpa_w2_minui_qq, %sdpa_w2_minui_kk, %sdpa_w2_minui_vv) : (tensor<2x2x4x5xf32>, tensor<2x2x7x5xf32>, tensor<2x2x7x6xf32>) -> tensor<2x2x4x6xf32>
  %sdpa_w2_minui_u = tensor.cast %sdpa_w2_minui_o : tensor<2x2x4x6xf32> to tensor<*xf32>
  call @printMemrefF32(%sdpa_w2_minui_u) : (tensor<*xf32>) -> ()

  %cp_slice_exact_qq_e = tensor.empty() : tensor<1x2x4x5xf32>
  %cp_slice_exact_qq_d = tensor.cast %cp_slice_exact_qq_e : tensor<1x2x4x5xf32> to tensor<?x?x?x?xf32>
  %cp_slice_exact_qq_s = arith.constant 0.1 : f32
  %cp_slice_exact_qq_a = arith.constant 2.0 : f32
  %cp_slice_exact_qq_r = call @fill(%cp_slice_exact_qq_d, %cp_slice_exact_qq_s, %cp_slice_exact_qq_a) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %cp_slice_exact_qq = tensor.cast %cp_slice_exact_qq_r : tensor<?x?x?x?xf32> to tensor<1x2x4x5xf32>
  %cp_slice_exact_kk_e = tensor.empty() : tensor<1x2x7x5xf32>
  %cp_slice_exact_kk_d = tensor.cast %cp_slice_exact_kk_e : tensor<1x2x7x5xf32> to tensor<?x?x?x?xf32>
  %cp_slice_exact_kk_s = arith.constant 1.7 : f32
  %cp_slice_exact_kk_a = arith.constant 2.0 : f32
  %cp_slice_exact_kk_r = call @fill(%cp_slice_exact_kk_d, %cp_slice_exact_kk_s, %cp_slice_exact_kk_a) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %cp_slice_exact_kk = tensor.cast %cp_slice_exact_kk_r : tensor<?x?x?x?xf32> to tensor<1x2x7x5xf32>
  %cp_slice_exact_vv_e = tensor.empty() : tensor<1x2x7x6xf32>
  %cp_slice_exact_vv_d = tensor.cast %cp_slice_exact_vv_e : tensor<1x2x7x6xf32> to tensor<?x?x?x?xf32>
  %cp_slice_exact_vv_s = arith.constant 2.9 : f32
  %cp_slice_exact_vv_a = arith.constant 2.0 : f32
  %cp_slice_exact_vv_r = call @fill(%cp_slice_exact_vv_d, %cp_slice_exact_vv_s, %cp_slice_exact_vv_a) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %cp_slice_exact_vv = tensor.cast %cp_slice_exact_vv_r : tensor<?x?x?x?xf32> to tensor<1x2x7x6xf32>
  %cp_slice_exact_o = call @cp_slice_exact(%cp_slice_exact_qq, %cp_slice_exact_kk, %cp_slice_exact_vv) : (tensor<1x2x4x5xf32>, tensor<1x2x7x5xf32>, tensor<1x2x7x6xf32>) -> tensor<1x2x4x6xf32>
  %cp_slice_exact_u = tensor.cast %cp_slice_exact_o : tensor<1x2x4x6xf32> to tensor<*xf32>
  call @printMemrefF32(%cp_slice_exact_u) : (tensor<*xf32>) -> ()

  %extui_sitofp_qq_e = tensor.empty() : tensor<1x2x4x5xf32>
  %extui_sitofp_qq_d = tensor.cast %extui_sitofp_qq_e : tensor<1x2x4x5xf32> to tensor<?x?x?x?xf32>
  %extui_sitofp_qq_s = arith.constant 0.1 : f32
  %extui_sitofp_qq_a = arith.constant 2.0 : f32
  %extui_sitofp_qq_r = call @fill(%extui_sitofp_qq_d, %extui_sitofp_qq_s, %extui_sitofp_qq_a) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %extui_sitofp_qq = tensor.cast %extui_sitofp_qq_r : tensor<?x?x?x?xf32> to tensor<1x2x4x5xf32>
  %extui_sitofp_kk_e = tensor.empty() : tensor<1x2x7x5xf32>
  %extui_sitofp_kk_d = tensor.cast %extui_sitofp_kk_e : tensor<1x2x7x5xf32> to tensor<?x?x?x?xf32>
  %extui_sitofp_kk_s = arith.constant 1.7 : f32
  %extui_sitofp_kk_a = arith.constant 2.0 : f32
  %extui_sitofp_kk_r = call @fill(%extui_sitofp_kk_d, %extui_sitofp_kk_s, %extui_sitofp_kk_a) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %extui_sitofp_kk = tensor.cast %extui_sitofp_kk_r : tensor<?x?x?x?xf32> to tensor<1x2x7x5xf32>
  %extui_sitofp_vv_e = tensor.empty() : tensor<1x2x7x6xf32>
  %extui_sitofp_vv_d = tensor.cast %extui_sitofp_vv_e : tensor<1x2x7x6xf32> to tensor<?x?x?x?xf32>
  %extui_sitofp_vv_s = arith.constant 2.9 : f32
  %extui_sitofp_vv_a = arith.constant 2.0 : f32
  %extui_sitofp_vv_r = call @fill(%extui_sitofp_vv_d, %extui_sitofp_vv_s, %extui_sitofp_vv_a) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %extui_sitofp_vv = tensor.cast %extui_sitofp_vv_r : tensor<?x?x?x?xf32> to tensor<1x2x7x6xf32>
  %extui_sitofp_o = call @extui_sitofp(%extui_sitofp_qq, %extui_sitofp_kk, %extui_sitofp_vv) : (tensor<1x2x4x5xf32>, tensor<1x2x7x5xf32>, tensor<1x2x7x6xf32>) -> tensor<1x2x4x6xf32>
  %extui_sitofp_u = tensor.cast %extui_sitofp_o : tensor<1x2x4x6xf32> to tensor<*xf32>
  call @printMemrefF32(%extui_sitofp_u) : (tensor<*xf32>) -> ()

  %sdpa_invmul_qq_e = tensor.empty() : tensor<2x2x4x5xf32>
  %sdpa_invmul_qq_d = tensor.cast %sdpa_invmul_qq_e : tensor<2x2x4x5xf32> to tensor<?x?x?x?xf32>
  %sdpa_invmul_qq_s = arith.constant 0.1 : f32
  %sdpa_invmul_qq_a = arith.constant 2.0 : f32
  %sdpa_invmul_qq_r = call @fill(%sdpa_invmul_qq_d, %sdpa_invmul_qq_s, %sdpa_invmul_qq_a) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %sdpa_invmul_qq = tensor.cast %sdpa_invmul_qq_r : tensor<?x?x?x?xf32> to tensor<2x2x4x5xf32>
  %sdpa_invmul_kk_e = tensor.empty() : tensor<2x2x7x5xf32>
  %sdpa_invmul_kk_d = tensor.cast %sdpa_invmul_kk_e : tensor<2x2x7x5xf32> to tensor<?x?x?x?xf32>
  %sdpa_invmul_kk_s = arith.constant 1.7 : f32
  %sdpa_invmul_kk_a = arith.constant 2.0 : f32
  %sdpa_invmul_kk_r = call @fill(%sdpa_invmul_kk_d, %sdpa_invmul_kk_s, %sdpa_invmul_kk_a) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %sdpa_invmul_kk = tensor.cast %sdpa_invmul_kk_r : tensor<?x?x?x?xf32> to tensor<2x2x7x5xf32>
  %sdpa_invmul_vv_e = tensor.empty() : tensor<2x2x7x6xf32>
  %sdpa_invmul_vv_d = tensor.cast %sdpa_invmul_vv_e : tensor<2x2x7x6xf32> to tensor<?x?x?x?xf32>
  %sdpa_invmul_vv_s = arith.constant 2.9 : f32
  %sdpa_invmul_vv_a = arith.constant 2.0 : f32
  %sdpa_invmul_vv_r = call @fill(%sdpa_invmul_vv_d, %sdpa_invmul_vv_s, %sdpa_invmul_vv_a) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %sdpa_invmul_vv = tensor.cast %sdpa_invmul_vv_r : tensor<?x?x?x?xf32> to tensor<2x2x7x6xf32>
  %sdpa_invmul_o = call @sdpa_invmul(%sdpa_invmul_qq, %sdpa_invmul_kk, %sdpa_invmul_vv) : (tensor<2x2x4x5xf32>, tensor<2x2x7x5xf32>, tensor<2x2x7x6xf32>) -> tensor<2x2x4x6xf32>
  %sdpa_invmul_u = tensor.cast %sdpa_invmul_o : tensor<2x2x4x6xf32> to tensor<*xf32>
  call @printMemrefF32(%sdpa_invmul_u) : (tensor<*xf32>) -> ()

  %catcp_pre2_qq_e = tensor.empty() : tensor<1x2x4x5xf32>
  %catcp_pre2_qq_d = tensor.cast %catcp_pre2_qq_e : tensor<1x2x4x5xf32> to tensor<?x?x?x?xf32>
  %catcp_pre2_qq_s = arith.constant 0.1 : f32
  %catcp_pre2_qq_a = arith.constant 2.0 : f32
  %catcp_pre2_qq_r = call @fill(%catcp_pre2_qq_d, %catcp_pre2_qq_s, %catcp_pre2_qq_a) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %catcp_pre2_qq = tensor.cast %catcp_pre2_qq_r : tensor<?x?x?x?xf32> to tensor<1x2x4x5xf32>
  %catcp_pre2_kk_e = tensor.empty() : tensor<1x2x9x5xf32>
  %catcp_pre2_kk_d = tensor.cast %catcp_pre2_kk_e : tensor<1x2x9x5xf32> to tensor<?x?x?x?xf32>
  %catcp_pre2_kk_s = arith.constant 1.7 : f32
  %catcp_pre2_kk_a = arith.constant 2.0 : f32
  %catcp_pre2_kk_r = call @fill(%catcp_pre2_kk_d, %catcp_pre2_kk_s, %catcp_pre2_kk_a) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %catcp_pre2_kk = tensor.cast %catcp_pre2_kk_r : tensor<?x?x?x?xf32> to tensor<1x2x9x5xf32>
  %catcp_pre2_vv_e = tensor.empty() : tensor<1x2x9x6xf32>
  %catcp_pre2_vv_d = tensor.cast %catcp_pre2_vv_e : tensor<1x2x9x6xf32> to tensor<?x?x?x?xf32>
  %catcp_pre2_vv_s = arith.constant 2.9 : f32
  %catcp_pre2_vv_a = arith.constant 2.0 : f32
  %catcp_pre2_vv_r = call @fill(%catcp_pre2_vv_d, %catcp_pre2_vv_s, %catcp_pre2_vv_a) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %catcp_pre2_vv = tensor.cast %catcp_pre2_vv_r : tensor<?x?x?x?xf32> to tensor<1x2x9x6xf32>
  %catcp_pre2_o = call @catcp_pre2(%catcp_pre2_qq, %catcp_pre2_kk, %catcp_pre2_vv) : (tensor<1x2x4x5xf32>, tensor<1x2x9x5xf32>, tensor<1x2x9x6xf32>) -> tensor<1x2x4x6xf32>
  %catcp_pre2_u = tensor.cast %catcp_pre2_o : tensor<1x2x4x6xf32> to tensor<*xf32>
  call @printMemrefF32(%catcp_pre2_u) : (tensor<*xf32>) -> ()

  %catcp_rows_qq_e = tensor.empty() : tensor<1x2x6x5xf32>
  %catcp_rows_qq_d = tensor.cast %catcp_rows_qq_e : tensor<1x2x6x5xf32> to tensor<?x?x?x?xf32>
  %catcp_rows_qq_s = arith.constant 0.1 : f32
  %catcp_rows_qq_a = arith.constant 2.0 : f32
  %catcp_rows_qq_r = call @fill(%catcp_rows_qq_d, %catcp_rows_qq_s, %catcp_rows_qq_a) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %catcp_rows_qq = tensor.cast %catcp_rows_qq_r : tensor<?x?x?x?xf32> to tensor<1x2x6x5xf32>
  %catcp_rows_kk_e = tensor.empty() : tensor<1x2x8x5xf32>
  %catcp_rows_kk_d = tensor.cast %catcp_rows_kk_e : tensor<1x2x8x5xf32> to tensor<?x?x?x?xf32>
  %catcp_rows_kk_s = arith.constant 1.7 : f32
  %catcp_rows_kk_a = arith.constant 2.0 : f32
  %catcp_rows_kk_r = call @fill(%catcp_rows_kk_d, %catcp_rows_kk_s, %catcp_rows_kk_a) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %catcp_rows_kk = tensor.cast %catcp_rows_kk_r : tensor<?x?x?x?xf32> to tensor<1x2x8x5xf32>
  %catcp_rows_vv_e = tensor.empty() : tensor<1x2x8x6xf32>
  %catcp_rows_vv_d = tensor.cast %catcp_rows_vv_e : tensor<1x2x8x6xf32> to tensor<?x?x?x?xf32>
  %catcp_rows_vv_s = arith.constant 2.9 : f32
  %catcp_rows_vv_a = arith.constant 2.0 : f32
  %catcp_rows_vv_r = call @fill(%catcp_rows_vv_d, %catcp_rows_vv_s, %catcp_rows_vv_a) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %catcp_rows_vv = tensor.cast %catcp_rows_vv_r : tensor<?x?x?x?xf32> to tensor<1x2x8x6xf32>
  %catcp_rows_o = call @catcp_rows(%catcp_rows_qq, %catcp_rows_kk, %catcp_rows_vv) : (tensor<1x2x6x5xf32>, tensor<1x2x8x5xf32>, tensor<1x2x8x6xf32>) -> tensor<1x2x6x6xf32>
  %catcp_rows_u = tensor.cast %catcp_rows_o : tensor<1x2x6x6xf32> to tensor<*xf32>
  call @printMemrefF32(%catcp_rows_u) : (tensor<*xf32>) -> ()

  %sitofp_qq_e = tensor.empty() : tensor<1x2x4x5xf32>
  %sitofp_qq_d = tensor.cast %sitofp_qq_e : tensor<1x2x4x5xf32> to tensor<?x?x?x?xf32>
  %sitofp_qq_s = arith.constant 0.1 : f32
  %sitofp_qq_a = arith.constant 2.0 : f32
  %sitofp_qq_r = call @fill(%sitofp_qq_d, %sitofp_qq_s, %sitofp_qq_a) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %sitofp_qq = tensor.cast %sitofp_qq_r : tensor<?x?x?x?xf32> to tensor<1x2x4x5xf32>
  %sitofp_kk_e = tensor.empty() : tensor<1x2x7x5xf32>
  %sitofp_kk_d = tensor.cast %sitofp_kk_e : tensor<1x2x7x5xf32> to tensor<?x?x?x?xf32>
  %sitofp_kk_s = arith.constant 1.7 : f32
  %sitofp_kk_a = arith.constant 2.0 : f32
  %sitofp_kk_r = call @fill(%sitofp_kk_d, %sitofp_kk_s, %sitofp_kk_a) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %sitofp_kk = tensor.cast %sitofp_kk_r : tensor<?x?x?x?xf32> to tensor<1x2x7x5xf32>
  %sitofp_vv_e = tensor.empty() : tensor<1x2x7x6xf32>
  %sitofp_vv_d = tensor.cast %sitofp_vv_e : tensor<1x2x7x6xf32> to tensor<?x?x?x?xf32>
  %sitofp_vv_s = arith.constant 2.9 : f32
  %sitofp_vv_a = arith.constant 2.0 : f32
  %sitofp_vv_r = call @fill(%sitofp_vv_d, %sitofp_vv_s, %sitofp_vv_a) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %sitofp_vv = tensor.cast %sitofp_vv_r : tensor<?x?x?x?xf32> to tensor<1x2x7x6xf32>
  %sitofp_o = call @sitofp(%sitofp_qq, %sitofp_kk, %sitofp_vv) : (tensor<1x2x4x5xf32>, tensor<1x2x7x5xf32>, tensor<1x2x7x6xf32>) -> tensor<1x2x4x6xf32>
  %sitofp_u = tensor.cast %sitofp_o : tensor<1x2x4x6xf32> to tensor<*xf32>
  call @printMemrefF32(%sitofp_u) : (tensor<*xf32>) -> ()

  %pos_fill_qq_e = tensor.empty() : tensor<1x2x4x5xf32>
  %pos_fill_qq_d = tensor.cast %pos_fill_qq_e : tensor<1x2x4x5xf32> to tensor<?x?x?x?xf32>
  %pos_fill_qq_s = arith.constant 0.1 : f32
  %pos_fill_qq_a = arith.constant 2.0 : f32
  %pos_fill_qq_r = call @fill(%pos_fill_qq_d, %pos_fill_qq_s, %pos_fill_qq_a) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %pos_fill_qq = tensor.cast %pos_fill_qq_r : tensor<?x?x?x?xf32> to tensor<1x2x4x5xf32>
  %pos_fill_kk_e = tensor.empty() : tensor<1x2x7x5xf32>
  %pos_fill_kk_d = tensor.cast %pos_fill_kk_e : tensor<1x2x7x5xf32> to tensor<?x?x?x?xf32>
  %pos_fill_kk_s = arith.constant 1.7 : f32
  %pos_fill_kk_a = arith.constant 2.0 : f32
  %pos_fill_kk_r = call @fill(%pos_fill_kk_d, %pos_fill_kk_s, %pos_fill_kk_a) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %pos_fill_kk = tensor.cast %pos_fill_kk_r : tensor<?x?x?x?xf32> to tensor<1x2x7x5xf32>
  %pos_fill_vv_e = tensor.empty() : tensor<1x2x7x6xf32>
  %pos_fill_vv_d = tensor.cast %pos_fill_vv_e : tensor<1x2x7x6xf32> to tensor<?x?x?x?xf32>
  %pos_fill_vv_s = arith.constant 2.9 : f32
  %pos_fill_vv_a = arith.constant 2.0 : f32
  %pos_fill_vv_r = call @fill(%pos_fill_vv_d, %pos_fill_vv_s, %pos_fill_vv_a) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %pos_fill_vv = tensor.cast %pos_fill_vv_r : tensor<?x?x?x?xf32> to tensor<1x2x7x6xf32>
  %pos_fill_o = call @pos_fill(%pos_fill_qq, %pos_fill_kk, %pos_fill_vv) : (tensor<1x2x4x5xf32>, tensor<1x2x7x5xf32>, tensor<1x2x7x6xf32>) -> tensor<1x2x4x6xf32>
  %pos_fill_u = tensor.cast %pos_fill_o : tensor<1x2x4x6xf32> to tensor<*xf32>
  call @printMemrefF32(%pos_fill_u) : (tensor<*xf32>) -> ()

  %half_qq_e = tensor.empty() : tensor<1x2x4x5xf32>
  %half_qq_d = tensor.cast %half_qq_e : tensor<1x2x4x5xf32> to tensor<?x?x?x?xf32>
  %half_qq_s = arith.constant 0.1 : f32
  %half_qq_a = arith.constant 2.0 : f32
  %half_qq_r = call @fill(%half_qq_d, %half_qq_s, %half_qq_a) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %half_qq = tensor.cast %half_qq_r : tensor<?x?x?x?xf32> to tensor<1x2x4x5xf32>
  %half_kk_e = tensor.empty() : tensor<1x2x7x5xf32>
  %half_kk_d = tensor.cast %half_kk_e : tensor<1x2x7x5xf32> to tensor<?x?x?x?xf32>
  %half_kk_s = arith.constant 1.7 : f32
  %half_kk_a = arith.constant 2.0 : f32
  %half_kk_r = call @fill(%half_kk_d, %half_kk_s, %half_kk_a) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %half_kk = tensor.cast %half_kk_r : tensor<?x?x?x?xf32> to tensor<1x2x7x5xf32>
  %half_vv_e = tensor.empty() : tensor<1x2x7x6xf32>
  %half_vv_d = tensor.cast %half_vv_e : tensor<1x2x7x6xf32> to tensor<?x?x?x?xf32>
  %half_vv_s = arith.constant 2.9 : f32
  %half_vv_a = arith.constant 2.0 : f32
  %half_vv_r = call @fill(%half_vv_d, %half_vv_s, %half_vv_a) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %half_vv = tensor.cast %half_vv_r : tensor<?x?x?x?xf32> to tensor<1x2x7x6xf32>
  %half_o = call @half(%half_qq, %half_kk, %half_vv) : (tensor<1x2x4x5xf32>, tensor<1x2x7x5xf32>, tensor<1x2x7x6xf32>) -> tensor<1x2x4x6xf32>
  %half_u = tensor.cast %half_o : tensor<1x2x4x6xf32> to tensor<*xf32>
  call @printMemrefF32(%half_u) : (tensor<*xf32>) -> ()

  %two_fills_qq_e = tensor.empty() : tensor<1x2x4x5xf32>
  %two_fills_qq_d = tensor.cast %two_fills_qq_e : tensor<1x2x4x5xf32> to tensor<?x?x?x?xf32>
  %two_fills_qq_s = arith.constant 0.1 : f32
  %two_fills_qq_a = arith.constant 2.0 : f32
  %two_fills_qq_r = call @fill(%two_fills_qq_d, %two_fills_qq_s, %two_fills_qq_a) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %two_fills_qq = tensor.cast %two_fills_qq_r : tensor<?x?x?x?xf32> to tensor<1x2x4x5xf32>
  %two_fills_kk_e = tensor.empty() : tensor<1x2x7x5xf32>
  %two_fills_kk_d = tensor.cast %two_fills_kk_e : tensor<1x2x7x5xf32> to tensor<?x?x?x?xf32>
  %two_fills_kk_s = arith.constant 1.7 : f32
  %two_fills_kk_a = arith.constant 2.0 : f32
  %two_fills_kk_r = call @fill(%two_fills_kk_d, %two_fills_kk_s, %two_fills_kk_a) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %two_fills_kk = tensor.cast %two_fills_kk_r : tensor<?x?x?x?xf32> to tensor<1x2x7x5xf32>
  %two_fills_vv_e = tensor.empty() : tensor<1x2x7x6xf32>
  %two_fills_vv_d = tensor.cast %two_fills_vv_e : tensor<1x2x7x6xf32> to tensor<?x?x?x?xf32>
  %two_fills_vv_s = arith.constant 2.9 : f32
  %two_fills_vv_a = arith.constant 2.0 : f32
  %two_fills_vv_r = call @fill(%two_fills_vv_d, %two_fills_vv_s, %two_fills_vv_a) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>
  %two_fills_vv = tensor.cast %two_fills_vv_r : tensor<?x?x?x?xf32> to tensor<1x2x7x6xf32>
  %two_fills_o = call @two_fills(%two_fills_qq, %two_fills_kk, %two_fills_vv) : (tensor<1x2x4x5xf32>, tensor<1x2x7x5xf32>, tensor<1x2x7x6xf32>) -> tensor<1x2x4x6xf32>
  %two_fills_u = tensor.cast %two_fills_o : tensor<1x2x4x6xf32> to tensor<*xf32>
  call @printMemrefF32(%two_fills_u) : (tensor<*xf32>) -> ()
  return
}

#gen = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
func.func @fill(%t: tensor<?x?x?x?xf32>, %seed: f32, %amp: f32) -> tensor<?x?x?x?xf32> {
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
    %w = arith.mulf %v, %amp : f32
    linalg.yield %w : f32
  } -> tensor<?x?x?x?xf32>
  return %r : tensor<?x?x?x?xf32>
}
func.func private @printMemrefF32(tensor<*xf32>)

