// Executed check of attn-fuse-attention on grouped-query attention written
// with the group as its own dim (einsum style: Q [B, Hkv, G, S, D] against
// K/V [B, Hkv, S, D], scores [B, Hkv, G, Sq, Skv], output [B, Hkv, G, S, Dv]),
// B = 2, Hkv = 2, G = 3, with a top-left causal condition on linalg.index.
// The raise collapses Q to [B, Hkv * G, S, D] (query head h = hkv * G + g, so
// K/V head h floordiv G: native GQA) and expands the result back. The fused
// and the unfused programs must print the same numbers (rtol 1e-4, atol
// 1e-5).
// RUN: attn-opt %s -attn-fuse-attention | FileCheck %s
// RUN: attn-opt %s -attn-cpu-pipeline="fuse=false" | mlir-runner -e main -entry-point-result=void -shared-libs=%runner_libs > %t.ref
// RUN: attn-opt %s -attn-cpu-pipeline="fuse=true" | mlir-runner -e main -entry-point-result=void -shared-libs=%runner_libs > %t.fused
// RUN: %python %attn_src/test/lib/compare_outputs.py %t.ref %t.fused --rtol 1e-4 --atol 1e-5

// CHECK-LABEL: func.func @gqa_5d
// CHECK: %[[Q:.+]] = tensor.collapse_shape %{{.+}} {{\[\[}}0], [1, 2], [3], [4]] : tensor<2x2x3x5x4xf32> into tensor<2x6x5x4xf32>
// CHECK: %[[R:.+]] = attn.attention ins(%[[Q]], %{{.+}}, %{{.+}} : tensor<2x6x5x4xf32>, tensor<2x2x6x4xf32>, tensor<2x2x6x3xf32>)
// CHECK-SAME: scale = 5.000000e-01 causal = top_left
// CHECK: tensor.expand_shape %[[R]] {{\[\[}}0], [1, 2], [3], [4]] output_shape [2, 2, 3, 5, 3]

#q = affine_map<(b, k, g, i, j, d) -> (b, k, g, i, d)>
#k = affine_map<(b, k, g, i, j, d) -> (b, k, j, d)>
#s = affine_map<(b, k, g, i, j, d) -> (b, k, g, i, j)>
#p = affine_map<(b, k, g, i, e, j) -> (b, k, g, i, j)>
#v = affine_map<(b, k, g, i, e, j) -> (b, k, j, e)>
#o = affine_map<(b, k, g, i, e, j) -> (b, k, g, i, e)>
#id = affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d3, d4)>
func.func @gqa_5d(%q: tensor<2x2x3x5x4xf32>, %k: tensor<2x2x6x4xf32>, %v: tensor<2x2x6x3xf32>) -> tensor<2x2x3x5x3xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x2x3x5x6xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<2x2x3x5x6xf32>) -> tensor<2x2x3x5x6xf32>
  %s0 = linalg.generic {indexing_maps = [#q, #k, #s], iterator_types = ["parallel", "parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%q, %k : tensor<2x2x3x5x4xf32>, tensor<2x2x6x4xf32>) outs(%f : tensor<2x2x3x5x6xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %m = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %m : f32
    linalg.yield %r : f32
  } -> tensor<2x2x3x5x6xf32>
  %s1 = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel", "parallel"]} ins(%s0 : tensor<2x2x3x5x6xf32>) outs(%e : tensor<2x2x3x5x6xf32>) {
  ^bb0(%x: f32, %unused: f32):
    %c = arith.constant 0.5 : f32
    %y = arith.mulf %x, %c : f32
    %i = linalg.index 3 : index
    %j = linalg.index 4 : index
    %keep = arith.cmpi ule, %j, %i : index
    %ninf = arith.constant 0xFF800000 : f32
    %z = arith.select %keep, %y, %ninf : f32
    linalg.yield %z : f32
  } -> tensor<2x2x3x5x6xf32>
  %sm = linalg.softmax dimension(4) ins(%s1 : tensor<2x2x3x5x6xf32>) outs(%e : tensor<2x2x3x5x6xf32>) -> tensor<2x2x3x5x6xf32>
  %eo = tensor.empty() : tensor<2x2x3x5x3xf32>
  %fo = linalg.fill ins(%zero : f32) outs(%eo : tensor<2x2x3x5x3xf32>) -> tensor<2x2x3x5x3xf32>
  %r = linalg.generic {indexing_maps = [#p, #v, #o], iterator_types = ["parallel", "parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%sm, %v : tensor<2x2x3x5x6xf32>, tensor<2x2x6x3xf32>) outs(%fo : tensor<2x2x3x5x3xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %m = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %m : f32
    linalg.yield %r : f32
  } -> tensor<2x2x3x5x3xf32>
  return %r : tensor<2x2x3x5x3xf32>
}

func.func private @printMemrefF32(tensor<*xf32>)

func.func @main() {
  %q = arith.constant dense<[[[[[0.6423, 1.1079, 1.421, 1.5399], [1.4495, 1.1631, 0.7207, 0.1831], [-0.3766, -0.8823, -1.2659, -1.4763], [-1.4859, -1.2946, -0.9294, -0.4406], [0.105, 0.6334, 1.0734, 1.3662]], [[1.4731, 1.3807, 1.1027, 0.6776], [0.1636, -0.3695, -0.85, -1.2134], [-1.4114, -1.4186, -1.2349, -0.8862], [-0.4204, 0.0994, 0.603, 1.0229], [1.3033, 1.4072, 1.3219, 1.0597]], [[0.6568, 0.168, -0.3408, -0.8013], [-1.1522, -1.3471, -1.3608, -1.1923], [-0.8651, -0.4239, 0.072, 0.5559], [0.9634, 1.2403, 1.3504, 1.2798], [1.0386, 0.6598, 0.1945, -0.295]]], [[[-0.7431, -1.0906, -1.2913, -1.3193], [-1.1713, -0.8678, -0.4497, 0.0271], [0.4989, 0.9028, 1.1855, 1.3096], [1.2591, 1.0412, 0.6851, 0.2387], [-0.2387, -0.6835, -1.0365, -1.2512]], [[-1.2991, -1.1741, -0.8931, -0.4935], [-0.0286, 0.4398, 0.8494, 1.1459], [1.2899, 1.2622, 1.0665, 0.7289], [0.2942, -0.18, -0.6304, -0.9973], [-1.2318, -1.3025, -1.1997, -0.937]], [[-0.5491, -0.0873, 0.3869, 0.8105], [1.1268, 1.2936, 1.2882, 1.1109], [0.7849, 0.3532, -0.1269, -0.5915], [-0.9784, -1.2359, -1.3289, -1.2446], [-0.9936, -0.6087, -0.1408, 0.3476]]]], [[[[0.7915, 1.1311, 1.3206, 1.3338], [1.1683, 0.8453, 0.4075, -0.0871], [-0.5722, -0.9828, -1.2632, -1.3753], [-1.303, -1.0551, -0.664, -0.1816], [0.3278, 0.7957, 1.1588, 1.3677]], [[1.3933, 1.2311, 0.902, 0.4494], [-0.0664, -0.576, -1.0106, -1.3111], [-1.4359, -1.3674, -1.1134, -0.7075], [-0.2035, 0.3309, 0.8235, 1.2072], [1.4295, 1.4592, 1.2913, 0.9472]], [[0.4728, -0.0685, -0.6034, -1.0594], [-1.3739, -1.5035, -1.4295, -1.1607], [-0.7327, -0.2026, 0.3578, 0.8724], [1.2711, 1.4987, 1.5235, 1.3408], [0.9745, 0.4736, -0.0944, -0.6523]]], [[[-1.1241, -1.4448, -1.5699, -1.4815], [-1.1904, -0.7355, -0.178, 0.4062], [0.9377, 1.3434, 1.5673, 1.578], [1.3731, 0.9796, 0.4506, -0.1422], [-0.7179, -1.1976, -1.5154, -1.6271]], [[-1.5166, -1.1981, -0.7145, -0.1313], [0.4718, 1.0123, 1.416, 1.6271], [1.616, 1.3836, 0.9609, 0.4054], [-0.2073, -0.7933, -1.2721, -1.5779], [-1.6682, -1.5301, -1.1819, -0.671]], [[-0.0669, 0.5476, 1.0883, 1.4809], [1.6712, 1.6327, 1.3702, 0.9195], [0.342, -0.2833, -0.8706, -1.3393], [-1.6249, -1.688, -1.5198, -1.1429], [-0.609, 0.0088, 0.6259, 1.1576]]]]]> : tensor<2x2x3x5x4xf32>
  %k = arith.constant dense<[[[[1.6865, 1.1822, 0.9299, 0.6687], [-0.2346, -0.565, -0.913, -1.5663], [-1.4018, -1.3415, -1.3548, -0.5864], [-0.1974, 0.1674, 1.029, 1.1826], [1.3352, 1.6861, 1.1974, 0.8971], [0.6686, -0.2313, -0.6, -0.903]], [[-1.5652, -1.4257, -1.3156, -1.352], [-0.5958, -0.1617, 0.1652, 1.0265], [1.2136, 1.3184, 1.6822, 1.2145], [0.8653, 0.6654, -0.2253, -0.6352], [-0.8957, -1.5609, -1.4507, -1.2914], [-1.3458, -0.6073, -0.1268, 0.166]]], [[[1.021, 1.2451, 1.3038, 1.675], [1.2331, 0.835, 0.6589, -0.2169], [-0.6699, -0.8911, -1.5535, -1.4765], [-1.2692, -1.3363, -0.6206, -0.0929], [0.1699, 1.0127, 1.2765, 1.2919], [1.6646, 1.2527, 0.8064, 0.649]], [[-0.2063, -0.7039, -0.8896, -1.5431], [-1.5026, -1.2494, -1.3234, -0.6354], [-0.0606, 0.1772, 1.002, 1.3075], [1.2828, 1.651, 1.273, 0.7799], [0.6358, -0.1939, -0.7366, -0.8912], [-1.53, -1.5285, -1.2322, -1.3073]]]]> : tensor<2x2x6x4xf32>
  %v = arith.constant dense<[[[[0.5579, -0.3413, -0.6746], [-1.0644, -1.5907, -1.2999], [-1.5263, -1.0265, -0.5354], [-0.2526, 0.6663, 0.802], [1.3485, 1.5652, 1.289], [1.4403, 0.7038, 0.3912]], [[-0.1214, -0.8989, -0.9526], [-1.5702, -1.4564, -1.2922], [-1.2346, -0.4077, -0.2185], [0.5191, 1.0399, 1.1382], [1.6849, 1.3106, 1.2775], [0.9255, 0.166, -0.0134]]], [[[-0.8838, -1.1162, -1.3433], [-1.6711, -1.1699, -1.2032], [-0.5555, 0.0219, 0.3136], [1.1658, 1.1674, 1.529], [1.5384, 1.0566, 1.0349], [0.1804, -0.1809, -0.6625]], [[-1.3377, -1.2287, -1.6461], [-1.3231, -0.9657, -0.7612], [0.1498, 0.3478, 1.0161], [1.4025, 1.3153, 1.6536], [1.0754, 0.8688, 0.4006], [-0.4059, -0.5538, -1.3194]]]]> : tensor<2x2x6x3xf32>
  %o = call @gqa_5d(%q, %k, %v) : (tensor<2x2x3x5x4xf32>, tensor<2x2x6x4xf32>, tensor<2x2x6x3xf32>) -> tensor<2x2x3x5x3xf32>
  %u = tensor.cast %o : tensor<2x2x3x5x3xf32> to tensor<*xf32>
  call @printMemrefF32(%u) : (tensor<*xf32>) -> ()
  return
}
