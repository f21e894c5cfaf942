// Executed check of attn-fuse-attention on grouped-query attention written
// with the group as its own dim (as in fuse-gqa-5d.mlir: Q [B, Hkv, G, S, D],
// scores [B, Hkv, G, Sq, Skv]; B = 2, Hkv = 2, G = 3) with a 5-D additive
// mask, in two functions: a padding mask [B, 1, 1, 1, Skv] (-1e9 at padded
// keys) and a per-query-head bias [B, Hkv, G, Sq, Skv]. The raise collapses
// each mask's two head dims into one ([B, 1, 1, Skv] / [B, Hkv * G, Sq,
// Skv]). A third function adds a mask per K/V head [B, Hkv, 1, 1, Skv]
// (read by h floordiv G), which no collapse gives: evaluated into a
// [B, Hq, 1, Skv] mask. The fused and the unfused programs must print the same numbers
// (rtol 1e-4, atol 1e-5).
// RUN: attn-opt %s -attn-fuse-attention | FileCheck %s
// RUN: attn-opt %s -attn-cpu-pipeline="fuse=false" | mlir-runner -e main -entry-point-result=void -shared-libs=%runner_libs > %t.ref
// RUN: attn-opt %s -attn-cpu-pipeline="fuse=true" | mlir-runner -e main -entry-point-result=void -shared-libs=%runner_libs > %t.fused
// RUN: %python %attn_src/test/lib/compare_outputs.py %t.ref %t.fused --rtol 1e-4 --atol 1e-5

// CHECK-DAG: #[[$KV:.+]] = affine_map<(d0, d1, d2, d3) -> (d0, d1 floordiv 3, 0, 0, d3)>
// CHECK-LABEL: func.func @gqa_5d_pad
// CHECK: %[[PM:.+]] = tensor.collapse_shape %{{.+}} {{\[\[}}0], [1, 2], [3], [4]] : tensor<2x1x1x1x6xf32> into tensor<2x1x1x6xf32>
// CHECK: attn.attention
// CHECK-SAME: mask(%[[PM]] : tensor<2x1x1x6xf32>)
// CHECK-LABEL: func.func @gqa_5d_bias
// CHECK: %[[BM:.+]] = tensor.collapse_shape %{{.+}} {{\[\[}}0], [1, 2], [3], [4]] : tensor<2x2x3x5x6xf32> into tensor<2x6x5x6xf32>
// CHECK: attn.attention
// CHECK-SAME: mask(%[[BM]] : tensor<2x6x5x6xf32>)
// CHECK-LABEL: func.func @gqa_5d_kv_mask
// CHECK: %[[KM:.+]] = linalg.generic {indexing_maps = [#[[$KV]], #{{.+}}]{{.*}} ins(%{{.+}} : tensor<2x2x1x1x6xf32>) outs(%{{.+}} : tensor<2x6x1x6xf32>)
// CHECK: attn.attention
// CHECK-SAME: mask(%[[KM]] : tensor<2x6x1x6xf32>)

#q = affine_map<(b, k, g, i, j, d) -> (b, k, g, i, d)>
#k = affine_map<(b, k, g, i, j, d) -> (b, k, j, d)>
#s = affine_map<(b, k, g, i, j, d) -> (b, k, g, i, j)>
#p = affine_map<(b, k, g, i, e, j) -> (b, k, g, i, j)>
#v = affine_map<(b, k, g, i, e, j) -> (b, k, j, e)>
#o = affine_map<(b, k, g, i, e, j) -> (b, k, g, i, e)>
#id = affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d3, d4)>
#pad = affine_map<(d0, d1, d2, d3, d4) -> (d0, 0, 0, 0, d4)>
func.func @gqa_5d_pad(%q: tensor<2x2x3x5x4xf32>, %k: tensor<2x2x6x4xf32>, %v: tensor<2x2x6x3xf32>, %mask: tensor<2x1x1x1x6xf32>) -> tensor<2x2x3x5x3xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x2x3x5x6xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<2x2x3x5x6xf32>) -> tensor<2x2x3x5x6xf32>
  %s0 = linalg.generic {indexing_maps = [#q, #k, #s], iterator_types = ["parallel", "parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%q, %k : tensor<2x2x3x5x4xf32>, tensor<2x2x6x4xf32>) outs(%f : tensor<2x2x3x5x6xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %m = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %m : f32
    linalg.yield %r : f32
  } -> tensor<2x2x3x5x6xf32>
  %s1 = linalg.generic {indexing_maps = [#id, #pad, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel", "parallel"]} ins(%s0, %mask : tensor<2x2x3x5x6xf32>, tensor<2x1x1x1x6xf32>) outs(%e : tensor<2x2x3x5x6xf32>) {
  ^bb0(%x: f32, %mk: f32, %unused: f32):
    %c = arith.constant 0.5 : f32
    %y = arith.mulf %x, %c : f32
    %z = arith.addf %y, %mk : f32
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


func.func @gqa_5d_bias(%q: tensor<2x2x3x5x4xf32>, %k: tensor<2x2x6x4xf32>, %v: tensor<2x2x6x3xf32>, %mask: tensor<2x2x3x5x6xf32>) -> tensor<2x2x3x5x3xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x2x3x5x6xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<2x2x3x5x6xf32>) -> tensor<2x2x3x5x6xf32>
  %s0 = linalg.generic {indexing_maps = [#q, #k, #s], iterator_types = ["parallel", "parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%q, %k : tensor<2x2x3x5x4xf32>, tensor<2x2x6x4xf32>) outs(%f : tensor<2x2x3x5x6xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %m = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %m : f32
    linalg.yield %r : f32
  } -> tensor<2x2x3x5x6xf32>
  %s1 = linalg.generic {indexing_maps = [#id, #id, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel", "parallel"]} ins(%s0, %mask : tensor<2x2x3x5x6xf32>, tensor<2x2x3x5x6xf32>) outs(%e : tensor<2x2x3x5x6xf32>) {
  ^bb0(%x: f32, %mk: f32, %unused: f32):
    %c = arith.constant 0.5 : f32
    %y = arith.mulf %x, %c : f32
    %z = arith.addf %y, %mk : f32
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

#kvm = affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, 0, 0, d4)>
func.func @gqa_5d_kv_mask(%q: tensor<2x2x3x5x4xf32>, %k: tensor<2x2x6x4xf32>, %v: tensor<2x2x6x3xf32>, %kvmask: tensor<2x2x1x1x6xf32>) -> tensor<2x2x3x5x3xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x2x3x5x6xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<2x2x3x5x6xf32>) -> tensor<2x2x3x5x6xf32>
  %s0 = linalg.generic {indexing_maps = [#q, #k, #s], iterator_types = ["parallel", "parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%q, %k : tensor<2x2x3x5x4xf32>, tensor<2x2x6x4xf32>) outs(%f : tensor<2x2x3x5x6xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %m = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %m : f32
    linalg.yield %r : f32
  } -> tensor<2x2x3x5x6xf32>
  %s1 = linalg.generic {indexing_maps = [#id, #kvm, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel", "parallel"]} ins(%s0, %kvmask : tensor<2x2x3x5x6xf32>, tensor<2x2x1x1x6xf32>) outs(%e : tensor<2x2x3x5x6xf32>) {
  ^bb0(%x: f32, %mk: f32, %unused: f32):
    %c = arith.constant 0.5 : f32
    %y = arith.mulf %x, %c : f32
    %z = arith.addf %y, %mk : f32
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

func.func @main() {
  %q = arith.constant dense<[[[[[0.6423, 1.1079, 1.421, 1.5399], [1.4495, 1.1631, 0.7207, 0.1831], [-0.3766, -0.8823, -1.2659, -1.4763], [-1.4859, -1.2946, -0.9294, -0.4406], [0.105, 0.6334, 1.0734, 1.3662]], [[1.4731, 1.3807, 1.1027, 0.6776], [0.1636, -0.3695, -0.85, -1.2134], [-1.4114, -1.4186, -1.2349, -0.8862], [-0.4204, 0.0994, 0.603, 1.0229], [1.3033, 1.4072, 1.3219, 1.0597]], [[0.6568, 0.168, -0.3408, -0.8013], [-1.1522, -1.3471, -1.3608, -1.1923], [-0.8651, -0.4239, 0.072, 0.5559], [0.9634, 1.2403, 1.3504, 1.2798], [1.0386, 0.6598, 0.1945, -0.295]]], [[[-0.7431, -1.0906, -1.2913, -1.3193], [-1.1713, -0.8678, -0.4497, 0.0271], [0.4989, 0.9028, 1.1855, 1.3096], [1.2591, 1.0412, 0.6851, 0.2387], [-0.2387, -0.6835, -1.0365, -1.2512]], [[-1.2991, -1.1741, -0.8931, -0.4935], [-0.0286, 0.4398, 0.8494, 1.1459], [1.2899, 1.2622, 1.0665, 0.7289], [0.2942, -0.18, -0.6304, -0.9973], [-1.2318, -1.3025, -1.1997, -0.937]], [[-0.5491, -0.0873, 0.3869, 0.8105], [1.1268, 1.2936, 1.2882, 1.1109], [0.7849, 0.3532, -0.1269, -0.5915], [-0.9784, -1.2359, -1.3289, -1.2446], [-0.9936, -0.6087, -0.1408, 0.3476]]]], [[[[0.7915, 1.1311, 1.3206, 1.3338], [1.1683, 0.8453, 0.4075, -0.0871], [-0.5722, -0.9828, -1.2632, -1.3753], [-1.303, -1.0551, -0.664, -0.1816], [0.3278, 0.7957, 1.1588, 1.3677]], [[1.3933, 1.2311, 0.902, 0.4494], [-0.0664, -0.576, -1.0106, -1.3111], [-1.4359, -1.3674, -1.1134, -0.7075], [-0.2035, 0.3309, 0.8235, 1.2072], [1.4295, 1.4592, 1.2913, 0.9472]], [[0.4728, -0.0685, -0.6034, -1.0594], [-1.3739, -1.5035, -1.4295, -1.1607], [-0.7327, -0.2026, 0.3578, 0.8724], [1.2711, 1.4987, 1.5235, 1.3408], [0.9745, 0.4736, -0.0944, -0.6523]]], [[[-1.1241, -1.4448, -1.5699, -1.4815], [-1.1904, -0.7355, -0.178, 0.4062], [0.9377, 1.3434, 1.5673, 1.578], [1.3731, 0.9796, 0.4506, -0.1422], [-0.7179, -1.1976, -1.5154, -1.6271]], [[-1.5166, -1.1981, -0.7145, -0.1313], [0.4718, 1.0123, 1.416, 1.6271], [1.616, 1.3836, 0.9609, 0.4054], [-0.2073, -0.7933, -1.2721, -1.5779], [-1.6682, -1.5301, -1.1819, -0.671]], [[-0.0669, 0.5476, 1.0883, 1.4809], [1.6712, 1.6327, 1.3702, 0.9195], [0.342, -0.2833, -0.8706, -1.3393], [-1.6249, -1.688, -1.5198, -1.1429], [-0.609, 0.0088, 0.6259, 1.1576]]]]]> : tensor<2x2x3x5x4xf32>
  %k = arith.constant dense<[[[[1.6865, 1.1822, 0.9299, 0.6687], [-0.2346, -0.565, -0.913, -1.5663], [-1.4018, -1.3415, -1.3548, -0.5864], [-0.1974, 0.1674, 1.029, 1.1826], [1.3352, 1.6861, 1.1974, 0.8971], [0.6686, -0.2313, -0.6, -0.903]], [[-1.5652, -1.4257, -1.3156, -1.352], [-0.5958, -0.1617, 0.1652, 1.0265], [1.2136, 1.3184, 1.6822, 1.2145], [0.8653, 0.6654, -0.2253, -0.6352], [-0.8957, -1.5609, -1.4507, -1.2914], [-1.3458, -0.6073, -0.1268, 0.166]]], [[[1.021, 1.2451, 1.3038, 1.675], [1.2331, 0.835, 0.6589, -0.2169], [-0.6699, -0.8911, -1.5535, -1.4765], [-1.2692, -1.3363, -0.6206, -0.0929], [0.1699, 1.0127, 1.2765, 1.2919], [1.6646, 1.2527, 0.8064, 0.649]], [[-0.2063, -0.7039, -0.8896, -1.5431], [-1.5026, -1.2494, -1.3234, -0.6354], [-0.0606, 0.1772, 1.002, 1.3075], [1.2828, 1.651, 1.273, 0.7799], [0.6358, -0.1939, -0.7366, -0.8912], [-1.53, -1.5285, -1.2322, -1.3073]]]]> : tensor<2x2x6x4xf32>
  %v = arith.constant dense<[[[[0.5579, -0.3413, -0.6746], [-1.0644, -1.5907, -1.2999], [-1.5263, -1.0265, -0.5354], [-0.2526, 0.6663, 0.802], [1.3485, 1.5652, 1.289], [1.4403, 0.7038, 0.3912]], [[-0.1214, -0.8989, -0.9526], [-1.5702, -1.4564, -1.2922], [-1.2346, -0.4077, -0.2185], [0.5191, 1.0399, 1.1382], [1.6849, 1.3106, 1.2775], [0.9255, 0.166, -0.0134]]], [[[-0.8838, -1.1162, -1.3433], [-1.6711, -1.1699, -1.2032], [-0.5555, 0.0219, 0.3136], [1.1658, 1.1674, 1.529], [1.5384, 1.0566, 1.0349], [0.1804, -0.1809, -0.6625]], [[-1.3377, -1.2287, -1.6461], [-1.3231, -0.9657, -0.7612], [0.1498, 0.3478, 1.0161], [1.4025, 1.3153, 1.6536], [1.0754, 0.8688, 0.4006], [-0.4059, -0.5538, -1.3194]]]]> : tensor<2x2x6x3xf32>
  // Batch 0 keeps its first 4 keys, batch 1 all but the last.
  %pad = arith.constant dense<[[[[[0.0, 0.0, 0.0, 0.0, -1.0e9, -1.0e9]]]], [[[[0.0, 0.0, 0.0, 0.0, 0.0, -1.0e9]]]]]> : tensor<2x1x1x1x6xf32>
  %bias = arith.constant dense<[[[[[-1.0284, -1.3246, -1.5345, -1.5037, -1.1382, -0.4999], [0.2127, 0.7852, 1.116, 1.2502, 1.2978, 1.3111], [1.2279, 0.931, 0.3721, -0.3471, -1.0108, -1.4178], [-1.5025, -1.3528, -1.1145, -0.8657, -0.5679, -0.1318], [0.4615, 1.0922, 1.5515, 1.6735, 1.4453, 1.0054]], [[0.5345, 0.1291, -0.2392, -0.6499, -1.1135, -1.5152], [-1.6734, -1.4721, -0.9557, -0.309, 0.265, 0.6693], [0.9428, 1.1757, 1.3906, 1.4938, 1.3421, 0.8714], [0.1762, -0.5287, -1.0392, -1.281, -1.3238, -1.2859], [-1.2136, -1.0403, -0.6598, -0.0499, 0.6626, 1.2565]], [[1.5508, 1.5142, 1.262, 0.9477, 0.6417, 0.2983], [-0.1649, -0.7469, -1.3122, -1.6563, -1.6413, -1.2917], [-0.7718, -0.2651, 0.1455, 0.5015, 0.881, 1.282], [1.5812, 1.6086, 1.2798, 0.6749, -0.0017, -0.5526], [-0.9031, -1.1112, -1.2713, -1.398, -1.3937, -1.1296]]], [[[-0.5719, 0.155, 0.8265, 1.2545, 1.3946, 1.3409], [1.2179, 1.0651, 0.8123, 0.3657, -0.2717, -0.952], [-1.4547, -1.6241, -1.4645, -1.1169, -0.7387, -0.3904], [-0.0188, 0.4509, 0.9997, 1.4801, 1.6974, 1.5454], [1.0854, 0.5035, -0.0186, -0.4152, -0.7409, -1.0725]], [[-1.3964, -1.5845, -1.4822, -1.0382, -0.3662, 0.3157], [0.8212, 1.1007, 1.2316, 1.3113, 1.3468, 1.2389], [0.8751, 0.2518, -0.4808, -1.0943, -1.4219, -1.4516], [-1.3004, -1.0967, -0.872, -0.5535, -0.0605, 0.58], [1.204, 1.5974, 1.6342, 1.3551, 0.923, 0.4961]], [[0.1223, -0.2589, -0.7148, -1.21, -1.5895, -1.6733], [-1.3893, -0.8343, -0.2113, 0.305, 0.6684, 0.9473], [1.2166, 1.4525, 1.5254, 1.2993, 0.7568, 0.0414], [-0.6205, -1.0596, -1.2535, -1.2988, -1.2944, -1.2398], [-1.0361, -0.5888, 0.0766, 0.7885, 1.3213, 1.5344]]]], [[[[1.4491, 1.2036, 0.9273, 0.6428, 0.2749, -0.2433], [-0.8631, -1.4089, -1.6789, -1.5805, -1.1896, -0.688], [-0.23, 0.151, 0.5231, 0.9458, 1.3697, 1.6364], [1.585, 1.179, 0.548, -0.0932, -0.582, -0.8942], [-1.1119, -1.3076, -1.4486, -1.4067, -1.0674, -0.4465]], [[0.2867, 0.9039, 1.2576, 1.3547, 1.3097, 1.2214], [1.0819, 0.794, 0.2824, -0.4003, -1.0662, -1.4984], [-1.5869, -1.3867, -1.0542, -0.717, -0.3873, 0.0118], [0.5336, 1.1099, 1.5588, 1.6961, 1.4647, 0.9744], [0.4213, -0.0484, -0.4179, -0.7626, -1.1349, -1.473]], [[-1.6194, -1.436, -0.9226, -0.2376, 0.3978, 0.838], [1.0829, 1.2277, 1.342, 1.3854, 1.2338, 0.7959], [0.1195, -0.6052, -1.1544, -1.4068, -1.3997, -1.2636], [-1.0956, -0.88, -0.5228, 0.0319, 0.7066, 1.3029], [1.6185, 1.5769, 1.2663, 0.8581, 0.4747, 0.1166]]], [[[-0.2946, -0.7986, -1.311, -1.648, -1.648, -1.2909], [-0.7177, -0.1336, 0.3274, 0.6668, 0.9676, 1.2745], [1.5161, 1.5395, 1.2324, 0.6298, -0.0846, -0.69], [-1.0621, -1.2263, -1.2899, -1.3188, -1.2661, -1.014], [-0.4955, 0.2116, 0.9017, 1.3618, 1.5007, 1.3861]], [[1.1624, 0.9225, 0.6429, 0.2338, -0.3415, -0.9838], [-1.4895, -1.6765, -1.5043, -1.0924, -0.6233, -0.2106], [0.1579, 0.5618, 1.028, 1.4586, 1.6733, 1.5366], [1.0657, 0.4294, -0.1634, -0.5953, -0.8872, -1.1294], [-1.3593, -1.4979, -1.4004, -0.9821, -0.3122, 0.4061]], [[0.958, 1.2448, 1.318, 1.2957, 1.2394, 1.096], [0.7564, 0.1783, -0.5336, -1.1644, -1.5175, -1.5349], [-1.314, -1.0099, -0.7095, -0.3809, 0.0611, 0.6342], [1.221, 1.6187, 1.6699, 1.3714, 0.8716, 0.3593], [-0.064, -0.4244, -0.8023, -1.2128, -1.5474, -1.6339]]]]]> : tensor<2x2x3x5x6xf32>
  %o = call @gqa_5d_pad(%q, %k, %v, %pad) : (tensor<2x2x3x5x4xf32>, tensor<2x2x6x4xf32>, tensor<2x2x6x3xf32>, tensor<2x1x1x1x6xf32>) -> tensor<2x2x3x5x3xf32>
  %u = tensor.cast %o : tensor<2x2x3x5x3xf32> to tensor<*xf32>
  call @printMemrefF32(%u) : (tensor<*xf32>) -> ()
  %o2 = call @gqa_5d_bias(%q, %k, %v, %bias) : (tensor<2x2x3x5x4xf32>, tensor<2x2x6x4xf32>, tensor<2x2x6x3xf32>, tensor<2x2x3x5x6xf32>) -> tensor<2x2x3x5x3xf32>
  %u2 = tensor.cast %o2 : tensor<2x2x3x5x3xf32> to tensor<*xf32>
  call @printMemrefF32(%u2) : (tensor<*xf32>) -> ()
  %kvm = tensor.extract_slice %bias[0, 0, 0, 0, 0] [2, 2, 1, 1, 6] [1, 1, 1, 1, 1] : tensor<2x2x3x5x6xf32> to tensor<2x2x1x1x6xf32>
  %o3 = call @gqa_5d_kv_mask(%q, %k, %v, %kvm) : (tensor<2x2x3x5x4xf32>, tensor<2x2x6x4xf32>, tensor<2x2x6x3xf32>, tensor<2x2x1x1x6xf32>) -> tensor<2x2x3x5x3xf32>
  %u3 = tensor.cast %o3 : tensor<2x2x3x5x3xf32> to tensor<*xf32>
  call @printMemrefF32(%u3) : (tensor<*xf32>) -> ()
  return
}
