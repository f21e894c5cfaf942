// Executed check of attn-fuse-attention on softmaxes that apply a factor
// inside the exponential: exp2 of scores pre-multiplied by log2(e) (as
// FlashAttention kernels write it), exp((s - max) * c), exp2((s - max) /
// ln 2), and exp2 of (s * scale + mask) * log2(e). A softmax does not change
// when a row's scores all move by the same amount, so exp(c * (s - max)) is
// softmax(c * s): the factor joins the scale (ln 2 for exp2); scales that
// multiply to 1 (ln 2 * log2(e)) leave an additive mask unscaled.
// B = 1, H = 2, Sq = 5, Skv = 7, D = 8, Dv = 4.
// RUN: attn-opt %s -attn-fuse-attention | FileCheck %s
// RUN: attn-opt %s -attn-cpu-pipeline="fuse=false" | mlir-runner -e main -entry-point-result=void -shared-libs=%runner_libs > %t.ref
// RUN: attn-opt %s -attn-cpu-pipeline="fuse=true" | mlir-runner -e main -entry-point-result=void -shared-libs=%runner_libs > %t.fused
// RUN: %python %attn_src/test/lib/compare_outputs.py %t.ref %t.fused --rtol 1e-4 --atol 1e-5

// CHECK-LABEL: func.func @exp2_log2e
// CHECK-NOT:     math.exp2
// CHECK:         attn.attention
// CHECK-SAME:    scale = 0.353553385
// CHECK-LABEL: func.func @scale_in_exp
// CHECK-NOT:     math.exp
// CHECK:         attn.attention
// CHECK-SAME:    scale = 2.500000e-01 causal = bottom_right
// CHECK-LABEL: func.func @exp2_sub_div
// CHECK-NOT:     math.exp2
// CHECK:         attn.attention
// CHECK-SAME:    scale = 1.000000e+00
// CHECK-LABEL: func.func @exp2_mask
// CHECK-NOT:     math.exp2
// CHECK:         attn.attention
// CHECK-SAME:    mask(%arg3 : tensor<1x1x5x7xf32>)
// CHECK-SAME:    scale = 0.353553385


// exp2 of scores pre-multiplied by scale * log2(e), their max subtracted: scale 1/sqrt(8).
func.func @exp2_log2e(%q: tensor<1x2x5x8xf32>, %k: tensor<1x2x7x8xf32>, %v: tensor<1x2x7x4xf32>) -> tensor<1x2x5x4xf32> {
  %zero = arith.constant 0.0 : f32
  %ninf = arith.constant 0xFF800000 : f32
  %es = tensor.empty() : tensor<1x2x5x7xf32>
  %fs = linalg.fill ins(%zero : f32) outs(%es : tensor<1x2x5x7xf32>) -> tensor<1x2x5x7xf32>
  %s0 = linalg.contract indexing_maps = [affine_map<(b, h, i, j, d) -> (b, h, i, d)>, affine_map<(b, h, i, j, d) -> (b, h, j, d)>, affine_map<(b, h, i, j, d) -> (b, h, i, j)>]
        ins(%q, %k : tensor<1x2x5x8xf32>, tensor<1x2x7x8xf32>) outs(%fs : tensor<1x2x5x7xf32>) -> tensor<1x2x5x7xf32>
  %s = linalg.generic {indexing_maps = [affine_map<(b, h, i, j) -> (b, h, i, j)>, affine_map<(b, h, i, j) -> (b, h, i, j)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      ins(%s0 : tensor<1x2x5x7xf32>) outs(%es : tensor<1x2x5x7xf32>) {
  ^bb0(%a: f32, %out: f32):
    %c = arith.constant 0.5100697232983947 : f32
    %y = arith.mulf %a, %c : f32
    linalg.yield %y : f32
  } -> tensor<1x2x5x7xf32>
  %er = tensor.empty() : tensor<1x2x5xf32>
  %fm = linalg.fill ins(%ninf : f32) outs(%er : tensor<1x2x5xf32>) -> tensor<1x2x5xf32>
  %mx = linalg.generic {indexing_maps = [affine_map<(b, h, i, j) -> (b, h, i, j)>, affine_map<(b, h, i, j) -> (b, h, i)>], iterator_types = ["parallel", "parallel", "parallel", "reduction"]}
      ins(%s : tensor<1x2x5x7xf32>) outs(%fm : tensor<1x2x5xf32>) {
  ^bb0(%a: f32, %acc: f32):
    %y = arith.maximumf %a, %acc : f32
    linalg.yield %y : f32
  } -> tensor<1x2x5xf32>
  %p = linalg.generic {indexing_maps = [affine_map<(b, h, i, j) -> (b, h, i, j)>, affine_map<(b, h, i, j) -> (b, h, i)>, affine_map<(b, h, i, j) -> (b, h, i, j)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      ins(%s, %mx : tensor<1x2x5x7xf32>, tensor<1x2x5xf32>) outs(%es : tensor<1x2x5x7xf32>) {
  ^bb0(%x: f32, %m: f32, %out: f32):
    %d = arith.subf %x, %m : f32
    %y = math.exp2 %d : f32
    linalg.yield %y : f32
  } -> tensor<1x2x5x7xf32>
  %fl = linalg.fill ins(%zero : f32) outs(%er : tensor<1x2x5xf32>) -> tensor<1x2x5xf32>
  %l = linalg.generic {indexing_maps = [affine_map<(b, h, i, j) -> (b, h, i, j)>, affine_map<(b, h, i, j) -> (b, h, i)>], iterator_types = ["parallel", "parallel", "parallel", "reduction"]}
      ins(%p : tensor<1x2x5x7xf32>) outs(%fl : tensor<1x2x5xf32>) {
  ^bb0(%a: f32, %acc: f32):
    %y = arith.addf %a, %acc : f32
    linalg.yield %y : f32
  } -> tensor<1x2x5xf32>
  %pn = linalg.generic {indexing_maps = [affine_map<(b, h, i, j) -> (b, h, i, j)>, affine_map<(b, h, i, j) -> (b, h, i)>, affine_map<(b, h, i, j) -> (b, h, i, j)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      ins(%p, %l : tensor<1x2x5x7xf32>, tensor<1x2x5xf32>) outs(%es : tensor<1x2x5x7xf32>) {
  ^bb0(%a: f32, %b: f32, %out: f32):
    %y = arith.divf %a, %b : f32
    linalg.yield %y : f32
  } -> tensor<1x2x5x7xf32>
  %eo = tensor.empty() : tensor<1x2x5x4xf32>
  %fo = linalg.fill ins(%zero : f32) outs(%eo : tensor<1x2x5x4xf32>) -> tensor<1x2x5x4xf32>
  %o = linalg.contract indexing_maps = [affine_map<(b, h, i, e, j) -> (b, h, i, j)>, affine_map<(b, h, i, e, j) -> (b, h, j, e)>, affine_map<(b, h, i, e, j) -> (b, h, i, e)>]
        ins(%pn, %v : tensor<1x2x5x7xf32>, tensor<1x2x7x4xf32>) outs(%fo : tensor<1x2x5x4xf32>) -> tensor<1x2x5x4xf32>
  return %o : tensor<1x2x5x4xf32>
}

// exp((s - max(s)) * 0.25), a causal-like band (j <= i + 2) as a -inf select: scale 0.25 and a window.
func.func @scale_in_exp(%q: tensor<1x2x5x8xf32>, %k: tensor<1x2x7x8xf32>, %v: tensor<1x2x7x4xf32>) -> tensor<1x2x5x4xf32> {
  %zero = arith.constant 0.0 : f32
  %ninf = arith.constant 0xFF800000 : f32
  %es = tensor.empty() : tensor<1x2x5x7xf32>
  %fs = linalg.fill ins(%zero : f32) outs(%es : tensor<1x2x5x7xf32>) -> tensor<1x2x5x7xf32>
  %s0 = linalg.contract indexing_maps = [affine_map<(b, h, i, j, d) -> (b, h, i, d)>, affine_map<(b, h, i, j, d) -> (b, h, j, d)>, affine_map<(b, h, i, j, d) -> (b, h, i, j)>]
        ins(%q, %k : tensor<1x2x5x8xf32>, tensor<1x2x7x8xf32>) outs(%fs : tensor<1x2x5x7xf32>) -> tensor<1x2x5x7xf32>
  %s = linalg.generic {indexing_maps = [affine_map<(b, h, i, j) -> (b, h, i, j)>, affine_map<(b, h, i, j) -> (b, h, i, j)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      ins(%s0 : tensor<1x2x5x7xf32>) outs(%es : tensor<1x2x5x7xf32>) {
  ^bb0(%a: f32, %out: f32):
    %i = linalg.index 2 : index
    %j = linalg.index 3 : index
    %c2 = arith.constant 2 : index
    %ii = arith.addi %i, %c2 : index
    %keep = arith.cmpi ule, %j, %ii : index
    %ni = arith.constant 0xFF800000 : f32
    %y = arith.select %keep, %a, %ni : f32
    linalg.yield %y : f32
  } -> tensor<1x2x5x7xf32>
  %er = tensor.empty() : tensor<1x2x5xf32>
  %fm = linalg.fill ins(%ninf : f32) outs(%er : tensor<1x2x5xf32>) -> tensor<1x2x5xf32>
  %mx = linalg.generic {indexing_maps = [affine_map<(b, h, i, j) -> (b, h, i, j)>, affine_map<(b, h, i, j) -> (b, h, i)>], iterator_types = ["parallel", "parallel", "parallel", "reduction"]}
      ins(%s : tensor<1x2x5x7xf32>) outs(%fm : tensor<1x2x5xf32>) {
  ^bb0(%a: f32, %acc: f32):
    %y = arith.maximumf %a, %acc : f32
    linalg.yield %y : f32
  } -> tensor<1x2x5xf32>
  %p = linalg.generic {indexing_maps = [affine_map<(b, h, i, j) -> (b, h, i, j)>, affine_map<(b, h, i, j) -> (b, h, i)>, affine_map<(b, h, i, j) -> (b, h, i, j)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      ins(%s, %mx : tensor<1x2x5x7xf32>, tensor<1x2x5xf32>) outs(%es : tensor<1x2x5x7xf32>) {
  ^bb0(%x: f32, %m: f32, %out: f32):
    %d = arith.subf %x, %m : f32
    %c = arith.constant 0.25 : f32
    %t = arith.mulf %c, %d : f32
    %y = math.exp %t : f32
    linalg.yield %y : f32
  } -> tensor<1x2x5x7xf32>
  %fl = linalg.fill ins(%zero : f32) outs(%er : tensor<1x2x5xf32>) -> tensor<1x2x5xf32>
  %l = linalg.generic {indexing_maps = [affine_map<(b, h, i, j) -> (b, h, i, j)>, affine_map<(b, h, i, j) -> (b, h, i)>], iterator_types = ["parallel", "parallel", "parallel", "reduction"]}
      ins(%p : tensor<1x2x5x7xf32>) outs(%fl : tensor<1x2x5xf32>) {
  ^bb0(%a: f32, %acc: f32):
    %y = arith.addf %a, %acc : f32
    linalg.yield %y : f32
  } -> tensor<1x2x5xf32>
  %pn = linalg.generic {indexing_maps = [affine_map<(b, h, i, j) -> (b, h, i, j)>, affine_map<(b, h, i, j) -> (b, h, i)>, affine_map<(b, h, i, j) -> (b, h, i, j)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      ins(%p, %l : tensor<1x2x5x7xf32>, tensor<1x2x5xf32>) outs(%es : tensor<1x2x5x7xf32>) {
  ^bb0(%a: f32, %b: f32, %out: f32):
    %y = arith.divf %a, %b : f32
    linalg.yield %y : f32
  } -> tensor<1x2x5x7xf32>
  %eo = tensor.empty() : tensor<1x2x5x4xf32>
  %fo = linalg.fill ins(%zero : f32) outs(%eo : tensor<1x2x5x4xf32>) -> tensor<1x2x5x4xf32>
  %o = linalg.contract indexing_maps = [affine_map<(b, h, i, e, j) -> (b, h, i, j)>, affine_map<(b, h, i, e, j) -> (b, h, j, e)>, affine_map<(b, h, i, e, j) -> (b, h, i, e)>]
        ins(%pn, %v : tensor<1x2x5x7xf32>, tensor<1x2x7x4xf32>) outs(%fo : tensor<1x2x5x4xf32>) -> tensor<1x2x5x4xf32>
  return %o : tensor<1x2x5x4xf32>
}

// exp2((s - max(s)) / ln 2) is exp(s - max(s)): scale 1.
func.func @exp2_sub_div(%q: tensor<1x2x5x8xf32>, %k: tensor<1x2x7x8xf32>, %v: tensor<1x2x7x4xf32>) -> tensor<1x2x5x4xf32> {
  %zero = arith.constant 0.0 : f32
  %ninf = arith.constant 0xFF800000 : f32
  %es = tensor.empty() : tensor<1x2x5x7xf32>
  %fs = linalg.fill ins(%zero : f32) outs(%es : tensor<1x2x5x7xf32>) -> tensor<1x2x5x7xf32>
  %s0 = linalg.contract indexing_maps = [affine_map<(b, h, i, j, d) -> (b, h, i, d)>, affine_map<(b, h, i, j, d) -> (b, h, j, d)>, affine_map<(b, h, i, j, d) -> (b, h, i, j)>]
        ins(%q, %k : tensor<1x2x5x8xf32>, tensor<1x2x7x8xf32>) outs(%fs : tensor<1x2x5x7xf32>) -> tensor<1x2x5x7xf32>
  %s = linalg.generic {indexing_maps = [affine_map<(b, h, i, j) -> (b, h, i, j)>, affine_map<(b, h, i, j) -> (b, h, i, j)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      ins(%s0 : tensor<1x2x5x7xf32>) outs(%es : tensor<1x2x5x7xf32>) {
  ^bb0(%a: f32, %out: f32):
    %c = arith.constant 1.0 : f32
    %y = arith.mulf %a, %c : f32
    linalg.yield %y : f32
  } -> tensor<1x2x5x7xf32>
  %er = tensor.empty() : tensor<1x2x5xf32>
  %fm = linalg.fill ins(%ninf : f32) outs(%er : tensor<1x2x5xf32>) -> tensor<1x2x5xf32>
  %mx = linalg.generic {indexing_maps = [affine_map<(b, h, i, j) -> (b, h, i, j)>, affine_map<(b, h, i, j) -> (b, h, i)>], iterator_types = ["parallel", "parallel", "parallel", "reduction"]}
      ins(%s : tensor<1x2x5x7xf32>) outs(%fm : tensor<1x2x5xf32>) {
  ^bb0(%a: f32, %acc: f32):
    %y = arith.maximumf %a, %acc : f32
    linalg.yield %y : f32
  } -> tensor<1x2x5xf32>
  %p = linalg.generic {indexing_maps = [affine_map<(b, h, i, j) -> (b, h, i, j)>, affine_map<(b, h, i, j) -> (b, h, i)>, affine_map<(b, h, i, j) -> (b, h, i, j)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      ins(%s, %mx : tensor<1x2x5x7xf32>, tensor<1x2x5xf32>) outs(%es : tensor<1x2x5x7xf32>) {
  ^bb0(%x: f32, %m: f32, %out: f32):
    %d = arith.subf %x, %m : f32
    %c = arith.constant 0.69314718055994531 : f32
    %t = arith.divf %d, %c : f32
    %y = math.exp2 %t : f32
    linalg.yield %y : f32
  } -> tensor<1x2x5x7xf32>
  %fl = linalg.fill ins(%zero : f32) outs(%er : tensor<1x2x5xf32>) -> tensor<1x2x5xf32>
  %l = linalg.generic {indexing_maps = [affine_map<(b, h, i, j) -> (b, h, i, j)>, affine_map<(b, h, i, j) -> (b, h, i)>], iterator_types = ["parallel", "parallel", "parallel", "reduction"]}
      ins(%p : tensor<1x2x5x7xf32>) outs(%fl : tensor<1x2x5xf32>) {
  ^bb0(%a: f32, %acc: f32):
    %y = arith.addf %a, %acc : f32
    linalg.yield %y : f32
  } -> tensor<1x2x5xf32>
  %pn = linalg.generic {indexing_maps = [affine_map<(b, h, i, j) -> (b, h, i, j)>, affine_map<(b, h, i, j) -> (b, h, i)>, affine_map<(b, h, i, j) -> (b, h, i, j)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      ins(%p, %l : tensor<1x2x5x7xf32>, tensor<1x2x5xf32>) outs(%es : tensor<1x2x5x7xf32>) {
  ^bb0(%a: f32, %b: f32, %out: f32):
    %y = arith.divf %a, %b : f32
    linalg.yield %y : f32
  } -> tensor<1x2x5x7xf32>
  %eo = tensor.empty() : tensor<1x2x5x4xf32>
  %fo = linalg.fill ins(%zero : f32) outs(%eo : tensor<1x2x5x4xf32>) -> tensor<1x2x5x4xf32>
  %o = linalg.contract indexing_maps = [affine_map<(b, h, i, e, j) -> (b, h, i, j)>, affine_map<(b, h, i, e, j) -> (b, h, j, e)>, affine_map<(b, h, i, e, j) -> (b, h, i, e)>]
        ins(%pn, %v : tensor<1x2x5x7xf32>, tensor<1x2x7x4xf32>) outs(%fo : tensor<1x2x5x4xf32>) -> tensor<1x2x5x4xf32>
  return %o : tensor<1x2x5x4xf32>
}

func.func @exp2_mask(%q: tensor<1x2x5x8xf32>, %k: tensor<1x2x7x8xf32>, %v: tensor<1x2x7x4xf32>, %mask: tensor<1x1x5x7xf32>) -> tensor<1x2x5x4xf32> {
  %zero = arith.constant 0.0 : f32
  %ninf = arith.constant 0xFF800000 : f32
  %es = tensor.empty() : tensor<1x2x5x7xf32>
  %fs = linalg.fill ins(%zero : f32) outs(%es : tensor<1x2x5x7xf32>) -> tensor<1x2x5x7xf32>
  %s0 = linalg.contract indexing_maps = [affine_map<(b, h, i, j, d) -> (b, h, i, d)>, affine_map<(b, h, i, j, d) -> (b, h, j, d)>, affine_map<(b, h, i, j, d) -> (b, h, i, j)>]
        ins(%q, %k : tensor<1x2x5x8xf32>, tensor<1x2x7x8xf32>) outs(%fs : tensor<1x2x5x7xf32>) -> tensor<1x2x5x7xf32>
  %s1 = linalg.generic {indexing_maps = [affine_map<(b, h, i, j) -> (b, h, i, j)>, affine_map<(b, h, i, j) -> (0, 0, i, j)>, affine_map<(b, h, i, j) -> (b, h, i, j)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      ins(%s0, %mask : tensor<1x2x5x7xf32>, tensor<1x1x5x7xf32>) outs(%es : tensor<1x2x5x7xf32>) {
  ^bb0(%a: f32, %mk: f32, %out: f32):
    %c = arith.constant 0.35355339059327373 : f32
    %y0 = arith.mulf %a, %c : f32
    %y1 = arith.addf %y0, %mk : f32
    %l2e = arith.constant 1.4426950408889634 : f32
    %y = arith.mulf %y1, %l2e : f32
    linalg.yield %y : f32
  } -> tensor<1x2x5x7xf32>
  %s = linalg.generic {indexing_maps = [affine_map<(b, h, i, j) -> (b, h, i, j)>, affine_map<(b, h, i, j) -> (b, h, i, j)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      ins(%s1 : tensor<1x2x5x7xf32>) outs(%es : tensor<1x2x5x7xf32>) {
  ^bb0(%a: f32, %out: f32):
    linalg.yield %a : f32
  } -> tensor<1x2x5x7xf32>
  %er = tensor.empty() : tensor<1x2x5xf32>
  %fm = linalg.fill ins(%ninf : f32) outs(%er : tensor<1x2x5xf32>) -> tensor<1x2x5xf32>
  %mx = linalg.generic {indexing_maps = [affine_map<(b, h, i, j) -> (b, h, i, j)>, affine_map<(b, h, i, j) -> (b, h, i)>], iterator_types = ["parallel", "parallel", "parallel", "reduction"]}
      ins(%s : tensor<1x2x5x7xf32>) outs(%fm : tensor<1x2x5xf32>) {
  ^bb0(%a: f32, %acc: f32):
    %y = arith.maximumf %a, %acc : f32
    linalg.yield %y : f32
  } -> tensor<1x2x5xf32>
  %p = linalg.generic {indexing_maps = [affine_map<(b, h, i, j) -> (b, h, i, j)>, affine_map<(b, h, i, j) -> (b, h, i)>, affine_map<(b, h, i, j) -> (b, h, i, j)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      ins(%s, %mx : tensor<1x2x5x7xf32>, tensor<1x2x5xf32>) outs(%es : tensor<1x2x5x7xf32>) {
  ^bb0(%x: f32, %m: f32, %out: f32):
    %d = arith.subf %x, %m : f32
    %y = math.exp2 %d : f32
    linalg.yield %y : f32
  } -> tensor<1x2x5x7xf32>
  %fl = linalg.fill ins(%zero : f32) outs(%er : tensor<1x2x5xf32>) -> tensor<1x2x5xf32>
  %l = linalg.generic {indexing_maps = [affine_map<(b, h, i, j) -> (b, h, i, j)>, affine_map<(b, h, i, j) -> (b, h, i)>], iterator_types = ["parallel", "parallel", "parallel", "reduction"]}
      ins(%p : tensor<1x2x5x7xf32>) outs(%fl : tensor<1x2x5xf32>) {
  ^bb0(%a: f32, %acc: f32):
    %y = arith.addf %a, %acc : f32
    linalg.yield %y : f32
  } -> tensor<1x2x5xf32>
  %pn = linalg.generic {indexing_maps = [affine_map<(b, h, i, j) -> (b, h, i, j)>, affine_map<(b, h, i, j) -> (b, h, i)>, affine_map<(b, h, i, j) -> (b, h, i, j)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      ins(%p, %l : tensor<1x2x5x7xf32>, tensor<1x2x5xf32>) outs(%es : tensor<1x2x5x7xf32>) {
  ^bb0(%a: f32, %b: f32, %out: f32):
    %y = arith.divf %a, %b : f32
    linalg.yield %y : f32
  } -> tensor<1x2x5x7xf32>
  %eo = tensor.empty() : tensor<1x2x5x4xf32>
  %fo = linalg.fill ins(%zero : f32) outs(%eo : tensor<1x2x5x4xf32>) -> tensor<1x2x5x4xf32>
  %o = linalg.contract indexing_maps = [affine_map<(b, h, i, e, j) -> (b, h, i, j)>, affine_map<(b, h, i, e, j) -> (b, h, j, e)>, affine_map<(b, h, i, e, j) -> (b, h, i, e)>]
        ins(%pn, %v : tensor<1x2x5x7xf32>, tensor<1x2x7x4xf32>) outs(%fo : tensor<1x2x5x4xf32>) -> tensor<1x2x5x4xf32>
  return %o : tensor<1x2x5x4xf32>
}

func.func private @printMemrefF32(tensor<*xf32>)
func.func @main() {
  %egq = tensor.empty() : tensor<1x2x5x8xf32>
  %gq = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} outs(%egq : tensor<1x2x5x8xf32>) {
  ^bb0(%o: f32):
    %acc0 = arith.constant 1.1 : f32
    %i0 = linalg.index 0 : index
    %a0 = arith.index_cast %i0 : index to i64
    %f0 = arith.sitofp %a0 : i64 to f32
    %c0 = arith.constant 0.48 : f32
    %m0 = arith.mulf %f0, %c0 : f32
    %acc1 = arith.addf %acc0, %m0 : f32
    %i1 = linalg.index 1 : index
    %a1 = arith.index_cast %i1 : index to i64
    %f1 = arith.sitofp %a1 : i64 to f32
    %c1 = arith.constant 0.7699999999999999 : f32
    %m1 = arith.mulf %f1, %c1 : f32
    %acc2 = arith.addf %acc1, %m1 : f32
    %i2 = linalg.index 2 : index
    %a2 = arith.index_cast %i2 : index to i64
    %f2 = arith.sitofp %a2 : i64 to f32
    %c2 = arith.constant 1.06 : f32
    %m2 = arith.mulf %f2, %c2 : f32
    %acc3 = arith.addf %acc2, %m2 : f32
    %i3 = linalg.index 3 : index
    %a3 = arith.index_cast %i3 : index to i64
    %f3 = arith.sitofp %a3 : i64 to f32
    %c3 = arith.constant 1.3499999999999999 : f32
    %m3 = arith.mulf %f3, %c3 : f32
    %acc4 = arith.addf %acc3, %m3 : f32
    %sn = math.sin %acc4 : f32
    %amp = arith.constant 2.0 : f32
    %w = arith.mulf %sn, %amp : f32
    linalg.yield %w : f32
  } -> tensor<1x2x5x8xf32>
  %egk = tensor.empty() : tensor<1x2x7x8xf32>
  %gk = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} outs(%egk : tensor<1x2x7x8xf32>) {
  ^bb0(%o: f32):
    %acc0 = arith.constant 2.2 : f32
    %i0 = linalg.index 0 : index
    %a0 = arith.index_cast %i0 : index to i64
    %f0 = arith.sitofp %a0 : i64 to f32
    %c0 = arith.constant 0.59 : f32
    %m0 = arith.mulf %f0, %c0 : f32
    %acc1 = arith.addf %acc0, %m0 : f32
    %i1 = linalg.index 1 : index
    %a1 = arith.index_cast %i1 : index to i64
    %f1 = arith.sitofp %a1 : i64 to f32
    %c1 = arith.constant 0.8799999999999999 : f32
    %m1 = arith.mulf %f1, %c1 : f32
    %acc2 = arith.addf %acc1, %m1 : f32
    %i2 = linalg.index 2 : index
    %a2 = arith.index_cast %i2 : index to i64
    %f2 = arith.sitofp %a2 : i64 to f32
    %c2 = arith.constant 1.17 : f32
    %m2 = arith.mulf %f2, %c2 : f32
    %acc3 = arith.addf %acc2, %m2 : f32
    %i3 = linalg.index 3 : index
    %a3 = arith.index_cast %i3 : index to i64
    %f3 = arith.sitofp %a3 : i64 to f32
    %c3 = arith.constant 1.4599999999999997 : f32
    %m3 = arith.mulf %f3, %c3 : f32
    %acc4 = arith.addf %acc3, %m3 : f32
    %sn = math.sin %acc4 : f32
    %amp = arith.constant 2.0 : f32
    %w = arith.mulf %sn, %amp : f32
    linalg.yield %w : f32
  } -> tensor<1x2x7x8xf32>
  %egv = tensor.empty() : tensor<1x2x7x4xf32>
  %gv = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} outs(%egv : tensor<1x2x7x4xf32>) {
  ^bb0(%o: f32):
    %acc0 = arith.constant 3.3000000000000003 : f32
    %i0 = linalg.index 0 : index
    %a0 = arith.index_cast %i0 : index to i64
    %f0 = arith.sitofp %a0 : i64 to f32
    %c0 = arith.constant 0.7 : f32
    %m0 = arith.mulf %f0, %c0 : f32
    %acc1 = arith.addf %acc0, %m0 : f32
    %i1 = linalg.index 1 : index
    %a1 = arith.index_cast %i1 : index to i64
    %f1 = arith.sitofp %a1 : i64 to f32
    %c1 = arith.constant 0.99 : f32
    %m1 = arith.mulf %f1, %c1 : f32
    %acc2 = arith.addf %acc1, %m1 : f32
    %i2 = linalg.index 2 : index
    %a2 = arith.index_cast %i2 : index to i64
    %f2 = arith.sitofp %a2 : i64 to f32
    %c2 = arith.constant 1.28 : f32
    %m2 = arith.mulf %f2, %c2 : f32
    %acc3 = arith.addf %acc2, %m2 : f32
    %i3 = linalg.index 3 : index
    %a3 = arith.index_cast %i3 : index to i64
    %f3 = arith.sitofp %a3 : i64 to f32
    %c3 = arith.constant 1.5699999999999998 : f32
    %m3 = arith.mulf %f3, %c3 : f32
    %acc4 = arith.addf %acc3, %m3 : f32
    %sn = math.sin %acc4 : f32
    %amp = arith.constant 2.0 : f32
    %w = arith.mulf %sn, %amp : f32
    linalg.yield %w : f32
  } -> tensor<1x2x7x4xf32>
  %r_exp2_log2e = call @exp2_log2e(%gq, %gk, %gv) : (tensor<1x2x5x8xf32>, tensor<1x2x7x8xf32>, tensor<1x2x7x4xf32>) -> tensor<1x2x5x4xf32>
  %u_exp2_log2e = tensor.cast %r_exp2_log2e : tensor<1x2x5x4xf32> to tensor<*xf32>
  call @printMemrefF32(%u_exp2_log2e) : (tensor<*xf32>) -> ()
  %r_scale_in_exp = call @scale_in_exp(%gq, %gk, %gv) : (tensor<1x2x5x8xf32>, tensor<1x2x7x8xf32>, tensor<1x2x7x4xf32>) -> tensor<1x2x5x4xf32>
  %u_scale_in_exp = tensor.cast %r_scale_in_exp : tensor<1x2x5x4xf32> to tensor<*xf32>
  call @printMemrefF32(%u_scale_in_exp) : (tensor<*xf32>) -> ()
  %r_exp2_sub_div = call @exp2_sub_div(%gq, %gk, %gv) : (tensor<1x2x5x8xf32>, tensor<1x2x7x8xf32>, tensor<1x2x7x4xf32>) -> tensor<1x2x5x4xf32>
  %u_exp2_sub_div = tensor.cast %r_exp2_sub_div : tensor<1x2x5x4xf32> to tensor<*xf32>
  call @printMemrefF32(%u_exp2_sub_div) : (tensor<*xf32>) -> ()
  %egm = tensor.empty() : tensor<1x1x5x7xf32>
  %gm = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} outs(%egm : tensor<1x1x5x7xf32>) {
  ^bb0(%o: f32):
    %acc0 = arith.constant 4.4 : f32
    %i0 = linalg.index 0 : index
    %a0 = arith.index_cast %i0 : index to i64
    %f0 = arith.sitofp %a0 : i64 to f32
    %c0 = arith.constant 0.81 : f32
    %m0 = arith.mulf %f0, %c0 : f32
    %acc1 = arith.addf %acc0, %m0 : f32
    %i1 = linalg.index 1 : index
    %a1 = arith.index_cast %i1 : index to i64
    %f1 = arith.sitofp %a1 : i64 to f32
    %c1 = arith.constant 1.0999999999999999 : f32
    %m1 = arith.mulf %f1, %c1 : f32
    %acc2 = arith.addf %acc1, %m1 : f32
    %i2 = linalg.index 2 : index
    %a2 = arith.index_cast %i2 : index to i64
    %f2 = arith.sitofp %a2 : i64 to f32
    %c2 = arith.constant 1.39 : f32
    %m2 = arith.mulf %f2, %c2 : f32
    %acc3 = arith.addf %acc2, %m2 : f32
    %i3 = linalg.index 3 : index
    %a3 = arith.index_cast %i3 : index to i64
    %f3 = arith.sitofp %a3 : i64 to f32
    %c3 = arith.constant 1.6799999999999997 : f32
    %m3 = arith.mulf %f3, %c3 : f32
    %acc4 = arith.addf %acc3, %m3 : f32
    %sn = math.sin %acc4 : f32
    %amp = arith.constant 2.0 : f32
    %w = arith.mulf %sn, %amp : f32
    linalg.yield %w : f32
  } -> tensor<1x1x5x7xf32>
  %r = call @exp2_mask(%gq, %gk, %gv, %gm) : (tensor<1x2x5x8xf32>, tensor<1x2x7x8xf32>, tensor<1x2x7x4xf32>, tensor<1x1x5x7xf32>) -> tensor<1x2x5x4xf32>
  %u = tensor.cast %r : tensor<1x2x5x4xf32> to tensor<*xf32>
  call @printMemrefF32(%u) : (tensor<*xf32>) -> ()
  return
}

