// Executed check of attn-fuse-attention on Hugging Face's
// `_make_causal_mask` at a dynamic sequence length, as torch-mlir lowers it:
// full((S, S), finfo.min), masked_fill(arange(S) < (arange(S) + 1).view(S, 1),
// 0), then `[None, None]` (an expand_shape [?, ?] -> [1, 1, ?, ?] whose first
// group holds unit dims and a dynamic one). The mask is read through the
// expand as an index condition: causal = top_left, no mask operand (it used
// to stay a [1, 1, ?, ?] mask). B = 2, H = 3, S = 7, D = 16; the fused and
// the unfused programs must print the same numbers. (Written by a frontend
// round's generator, session 14.)
// RUN: attn-opt %s -attn-fuse-attention | FileCheck %s
// RUN: attn-opt %s -attn-cpu-pipeline="fuse=false" | mlir-runner -e main -entry-point-result=void -shared-libs=%runner_libs > %t.ref
// RUN: attn-opt %s -attn-cpu-pipeline="fuse=true" | mlir-runner -e main -entry-point-result=void -shared-libs=%runner_libs > %t.fused
// RUN: %python %attn_src/test/lib/compare_outputs.py %t.ref %t.fused --rtol 1e-4 --atol 1e-5
// CHECK-LABEL: func.func @attn(
// CHECK: attn.attention
// CHECK-NOT: mask(
// CHECK-SAME: causal = top_left
// CHECK: return

func.func @attn(%arg0: tensor<2x3x?x16xf32>, %arg1: tensor<2x3x?x16xf32>, %arg2: tensor<2x3x?x16xf32>) -> (tensor<2x3x?x16xf32>) {
  %i1 = arith.constant 2 : index
  %d2 = tensor.dim %arg0, %i1 : tensor<2x3x?x16xf32>
  %i3 = arith.constant 2 : index
  %d4 = tensor.dim %arg1, %i3 : tensor<2x3x?x16xf32>
  %i5 = arith.constant 2 : index
  %d6 = tensor.dim %arg2, %i5 : tensor<2x3x?x16xf32>
  %e7 = tensor.empty(%d2, %d2) : tensor<?x?xf32>
  %c8 = arith.constant -3.40282347E+38 : f32
  %v9 = linalg.fill ins(%c8 : f32) outs(%e7 : tensor<?x?xf32>) -> tensor<?x?xf32>
  %e10 = tensor.empty(%d2) : tensor<?xi64>
  %v11 = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]} outs(%e10 : tensor<?xi64>) {
  ^bb0(%a12: i64):
    %b13 = linalg.index 0 : index
    %b14 = arith.index_cast %b13 : index to i64
    linalg.yield %b14 : i64
  } -> tensor<?xi64>
  %k15 = arith.constant 1 : i64
  %e16 = tensor.empty(%d2) : tensor<?xi64>
  %v17 = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>, affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]} ins(%v11 : tensor<?xi64>) outs(%e16 : tensor<?xi64>) {
  ^bb0(%a18: i64, %a19: i64):
    %b20 = arith.addi %a18, %k15 : i64
    linalg.yield %b20 : i64
  } -> tensor<?xi64>
  %v21 = tensor.expand_shape %v17 [[0,1]] output_shape [%d2, 1] : tensor<?xi64> into tensor<?x1xi64>
  %e22 = tensor.empty(%d2, %d2) : tensor<?x?xi1>
  %v23 = linalg.generic {indexing_maps = [affine_map<(d0,d1) -> (d1)>, affine_map<(d0,d1) -> (d0,0)>, affine_map<(d0,d1) -> (d0,d1)>], iterator_types = ["parallel", "parallel"]} ins(%v11, %v21 : tensor<?xi64>, tensor<?x1xi64>) outs(%e22 : tensor<?x?xi1>) {
  ^bb0(%a24: i64, %a25: i64, %a26: i1):
    %b27 = arith.cmpi slt, %a24, %a25 : i64
    linalg.yield %b27 : i1
  } -> tensor<?x?xi1>
  %c28 = arith.constant 0.000000000e+00 : f32
  %e29 = tensor.empty(%d2, %d2) : tensor<?x?xf32>
  %v30 = linalg.generic {indexing_maps = [affine_map<(d0,d1) -> (d0,d1)>, affine_map<(d0,d1) -> (d0,d1)>, affine_map<(d0,d1) -> (d0,d1)>], iterator_types = ["parallel", "parallel"]} ins(%v23, %v9 : tensor<?x?xi1>, tensor<?x?xf32>) outs(%e29 : tensor<?x?xf32>) {
  ^bb0(%a31: i1, %a32: f32, %a33: f32):
    %b34 = arith.select %a31, %c28, %a32 : f32
    linalg.yield %b34 : f32
  } -> tensor<?x?xf32>
  %v35 = tensor.expand_shape %v30 [[0,1,2],[3]] output_shape [1, 1, %d2, %d2] : tensor<?x?xf32> into tensor<1x1x?x?xf32>
  %e36 = tensor.empty(%d4) : tensor<2x3x16x?xf32>
  %v37 = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3) -> (d0,d1,d3,d2)>, affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%arg1 : tensor<2x3x?x16xf32>) outs(%e36 : tensor<2x3x16x?xf32>) {
  ^bb0(%a38: f32, %a39: f32):
    linalg.yield %a38 : f32
  } -> tensor<2x3x16x?xf32>
  %v40 = tensor.collapse_shape %arg0 [[0,1],[2],[3]] : tensor<2x3x?x16xf32> into tensor<6x?x16xf32>
  %v41 = tensor.collapse_shape %v37 [[0,1],[2],[3]] : tensor<2x3x16x?xf32> into tensor<6x16x?xf32>
  %e42 = tensor.empty(%d2, %d4) : tensor<6x?x?xf32>
  %c43 = arith.constant 0.000000000e+00 : f32
  %v44 = linalg.fill ins(%c43 : f32) outs(%e42 : tensor<6x?x?xf32>) -> tensor<6x?x?xf32>
  %v45 = linalg.batch_matmul ins(%v40, %v41 : tensor<6x?x16xf32>, tensor<6x16x?xf32>) outs(%v44 : tensor<6x?x?xf32>) -> tensor<6x?x?xf32>
  %v46 = tensor.expand_shape %v45 [[0,1],[2],[3]] output_shape [2, 3, %d2, %d4] : tensor<6x?x?xf32> into tensor<2x3x?x?xf32>
  %c47 = arith.constant 4.000000000e+00 : f32
  %e48 = tensor.empty(%d2, %d4) : tensor<2x3x?x?xf32>
  %v49 = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>, affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%v46 : tensor<2x3x?x?xf32>) outs(%e48 : tensor<2x3x?x?xf32>) {
  ^bb0(%a50: f32, %a51: f32):
    %b52 = arith.divf %a50, %c47 : f32
    linalg.yield %b52 : f32
  } -> tensor<2x3x?x?xf32>
  %e53 = tensor.empty(%d2, %d4) : tensor<2x3x?x?xf32>
  %v54 = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>, affine_map<(d0,d1,d2,d3) -> (0,0,d2,d3)>, affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%v49, %v35 : tensor<2x3x?x?xf32>, tensor<1x1x?x?xf32>) outs(%e53 : tensor<2x3x?x?xf32>) {
  ^bb0(%a55: f32, %a56: f32, %a57: f32):
    %b58 = arith.addf %a55, %a56 : f32
    linalg.yield %b58 : f32
  } -> tensor<2x3x?x?xf32>
  %e59 = tensor.empty(%d2) : tensor<2x3x?xf32>
  %c60 = arith.constant 0xFF800000 : f32
  %v61 = linalg.fill ins(%c60 : f32) outs(%e59 : tensor<2x3x?xf32>) -> tensor<2x3x?xf32>
  %v62 = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>, affine_map<(d0,d1,d2,d3) -> (d0,d1,d2)>], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%v54 : tensor<2x3x?x?xf32>) outs(%v61 : tensor<2x3x?xf32>) {
  ^bb0(%a63: f32, %a64: f32):
    %b65 = arith.maximumf %a63, %a64 : f32
    linalg.yield %b65 : f32
  } -> tensor<2x3x?xf32>
  %v66 = tensor.expand_shape %v62 [[0],[1],[2,3]] output_shape [2, 3, %d2, 1] : tensor<2x3x?xf32> into tensor<2x3x?x1xf32>
  %e67 = tensor.empty(%d2, %d4) : tensor<2x3x?x?xf32>
  %v68 = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>, affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,0)>, affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%v54, %v66 : tensor<2x3x?x?xf32>, tensor<2x3x?x1xf32>) outs(%e67 : tensor<2x3x?x?xf32>) {
  ^bb0(%a69: f32, %a70: f32, %a71: f32):
    %b72 = arith.subf %a69, %a70 : f32
    linalg.yield %b72 : f32
  } -> tensor<2x3x?x?xf32>
  %e73 = tensor.empty(%d2, %d4) : tensor<2x3x?x?xf32>
  %v74 = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>, affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%v68 : tensor<2x3x?x?xf32>) outs(%e73 : tensor<2x3x?x?xf32>) {
  ^bb0(%a75: f32, %a76: f32):
    %b77 = math.exp %a75 : f32
    linalg.yield %b77 : f32
  } -> tensor<2x3x?x?xf32>
  %e78 = tensor.empty(%d2) : tensor<2x3x?xf32>
  %c79 = arith.constant 0.000000000e+00 : f32
  %v80 = linalg.fill ins(%c79 : f32) outs(%e78 : tensor<2x3x?xf32>) -> tensor<2x3x?xf32>
  %v81 = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>, affine_map<(d0,d1,d2,d3) -> (d0,d1,d2)>], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%v74 : tensor<2x3x?x?xf32>) outs(%v80 : tensor<2x3x?xf32>) {
  ^bb0(%a82: f32, %a83: f32):
    %b84 = arith.addf %a82, %a83 : f32
    linalg.yield %b84 : f32
  } -> tensor<2x3x?xf32>
  %v85 = tensor.expand_shape %v81 [[0],[1],[2,3]] output_shape [2, 3, %d2, 1] : tensor<2x3x?xf32> into tensor<2x3x?x1xf32>
  %e86 = tensor.empty(%d2, %d4) : tensor<2x3x?x?xf32>
  %v87 = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>, affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,0)>, affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%v74, %v85 : tensor<2x3x?x?xf32>, tensor<2x3x?x1xf32>) outs(%e86 : tensor<2x3x?x?xf32>) {
  ^bb0(%a88: f32, %a89: f32, %a90: f32):
    %b91 = arith.divf %a88, %a89 : f32
    linalg.yield %b91 : f32
  } -> tensor<2x3x?x?xf32>
  %v92 = tensor.collapse_shape %v87 [[0,1],[2],[3]] : tensor<2x3x?x?xf32> into tensor<6x?x?xf32>
  %v93 = tensor.collapse_shape %arg2 [[0,1],[2],[3]] : tensor<2x3x?x16xf32> into tensor<6x?x16xf32>
  %e94 = tensor.empty(%d2) : tensor<6x?x16xf32>
  %c95 = arith.constant 0.000000000e+00 : f32
  %v96 = linalg.fill ins(%c95 : f32) outs(%e94 : tensor<6x?x16xf32>) -> tensor<6x?x16xf32>
  %v97 = linalg.batch_matmul ins(%v92, %v93 : tensor<6x?x?xf32>, tensor<6x?x16xf32>) outs(%v96 : tensor<6x?x16xf32>) -> tensor<6x?x16xf32>
  %v98 = tensor.expand_shape %v97 [[0,1],[2],[3]] output_shape [2, 3, %d2, 16] : tensor<6x?x16xf32> into tensor<2x3x?x16xf32>
  return %v98 : tensor<2x3x?x16xf32>
}
func.func private @printMemrefF32(tensor<*xf32>)
func.func @main() {
  %e100001 = tensor.empty() : tensor<2x3x7x16xf32>
  %v100002 = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} outs(%e100001 : tensor<2x3x7x16xf32>) {
  ^bb0(%a100003: f32):
    %b100004 = arith.constant 1.000000000e-01 : f32
    %b100005 = linalg.index 0 : index
    %b100006 = arith.index_cast %b100005 : index to i64
    %b100007 = arith.sitofp %b100006 : i64 to f32
    %b100008 = arith.constant 3.700000000e-01 : f32
    %b100009 = arith.mulf %b100007, %b100008 : f32
    %b100010 = arith.addf %b100004, %b100009 : f32
    %b100011 = linalg.index 1 : index
    %b100012 = arith.index_cast %b100011 : index to i64
    %b100013 = arith.sitofp %b100012 : i64 to f32
    %b100014 = arith.constant 1.300000000e+00 : f32
    %b100015 = arith.mulf %b100013, %b100014 : f32
    %b100016 = arith.addf %b100010, %b100015 : f32
    %b100017 = linalg.index 2 : index
    %b100018 = arith.index_cast %b100017 : index to i64
    %b100019 = arith.sitofp %b100018 : i64 to f32
    %b100020 = arith.constant 7.100000000e-01 : f32
    %b100021 = arith.mulf %b100019, %b100020 : f32
    %b100022 = arith.addf %b100016, %b100021 : f32
    %b100023 = linalg.index 3 : index
    %b100024 = arith.index_cast %b100023 : index to i64
    %b100025 = arith.sitofp %b100024 : i64 to f32
    %b100026 = arith.constant 1.130000000e-01 : f32
    %b100027 = arith.mulf %b100025, %b100026 : f32
    %b100028 = arith.addf %b100022, %b100027 : f32
    %b100029 = math.sin %b100028 : f32
    %b100030 = arith.constant 1.000000000e+00 : f32
    %b100031 = arith.mulf %b100029, %b100030 : f32
    linalg.yield %b100031 : f32
  } -> tensor<2x3x7x16xf32>
  %v100032 = tensor.cast %v100002 : tensor<2x3x7x16xf32> to tensor<2x3x?x16xf32>
  %e100033 = tensor.empty() : tensor<2x3x7x16xf32>
  %v100034 = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} outs(%e100033 : tensor<2x3x7x16xf32>) {
  ^bb0(%a100035: f32):
    %b100036 = arith.constant 8.000000000e-01 : f32
    %b100037 = linalg.index 0 : index
    %b100038 = arith.index_cast %b100037 : index to i64
    %b100039 = arith.sitofp %b100038 : i64 to f32
    %b100040 = arith.constant 3.830000000e-01 : f32
    %b100041 = arith.mulf %b100039, %b100040 : f32
    %b100042 = arith.addf %b100036, %b100041 : f32
    %b100043 = linalg.index 1 : index
    %b100044 = arith.index_cast %b100043 : index to i64
    %b100045 = arith.sitofp %b100044 : i64 to f32
    %b100046 = arith.constant 1.279000000e+00 : f32
    %b100047 = arith.mulf %b100045, %b100046 : f32
    %b100048 = arith.addf %b100042, %b100047 : f32
    %b100049 = linalg.index 2 : index
    %b100050 = arith.index_cast %b100049 : index to i64
    %b100051 = arith.sitofp %b100050 : i64 to f32
    %b100052 = arith.constant 7.270000000e-01 : f32
    %b100053 = arith.mulf %b100051, %b100052 : f32
    %b100054 = arith.addf %b100048, %b100053 : f32
    %b100055 = linalg.index 3 : index
    %b100056 = arith.index_cast %b100055 : index to i64
    %b100057 = arith.sitofp %b100056 : i64 to f32
    %b100058 = arith.constant 1.200000000e-01 : f32
    %b100059 = arith.mulf %b100057, %b100058 : f32
    %b100060 = arith.addf %b100054, %b100059 : f32
    %b100061 = math.sin %b100060 : f32
    %b100062 = arith.constant 1.000000000e+00 : f32
    %b100063 = arith.mulf %b100061, %b100062 : f32
    linalg.yield %b100063 : f32
  } -> tensor<2x3x7x16xf32>
  %v100064 = tensor.cast %v100034 : tensor<2x3x7x16xf32> to tensor<2x3x?x16xf32>
  %e100065 = tensor.empty() : tensor<2x3x7x16xf32>
  %v100066 = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} outs(%e100065 : tensor<2x3x7x16xf32>) {
  ^bb0(%a100067: f32):
    %b100068 = arith.constant 1.500000000e+00 : f32
    %b100069 = linalg.index 0 : index
    %b100070 = arith.index_cast %b100069 : index to i64
    %b100071 = arith.sitofp %b100070 : i64 to f32
    %b100072 = arith.constant 3.960000000e-01 : f32
    %b100073 = arith.mulf %b100071, %b100072 : f32
    %b100074 = arith.addf %b100068, %b100073 : f32
    %b100075 = linalg.index 1 : index
    %b100076 = arith.index_cast %b100075 : index to i64
    %b100077 = arith.sitofp %b100076 : i64 to f32
    %b100078 = arith.constant 1.258000000e+00 : f32
    %b100079 = arith.mulf %b100077, %b100078 : f32
    %b100080 = arith.addf %b100074, %b100079 : f32
    %b100081 = linalg.index 2 : index
    %b100082 = arith.index_cast %b100081 : index to i64
    %b100083 = arith.sitofp %b100082 : i64 to f32
    %b100084 = arith.constant 7.440000000e-01 : f32
    %b100085 = arith.mulf %b100083, %b100084 : f32
    %b100086 = arith.addf %b100080, %b100085 : f32
    %b100087 = linalg.index 3 : index
    %b100088 = arith.index_cast %b100087 : index to i64
    %b100089 = arith.sitofp %b100088 : i64 to f32
    %b100090 = arith.constant 1.270000000e-01 : f32
    %b100091 = arith.mulf %b100089, %b100090 : f32
    %b100092 = arith.addf %b100086, %b100091 : f32
    %b100093 = math.sin %b100092 : f32
    %b100094 = arith.constant 1.000000000e+00 : f32
    %b100095 = arith.mulf %b100093, %b100094 : f32
    linalg.yield %b100095 : f32
  } -> tensor<2x3x7x16xf32>
  %v100096 = tensor.cast %v100066 : tensor<2x3x7x16xf32> to tensor<2x3x?x16xf32>
  %r100097 = call @attn(%v100032, %v100064, %v100096) : (tensor<2x3x?x16xf32>, tensor<2x3x?x16xf32>, tensor<2x3x?x16xf32>) -> (tensor<2x3x?x16xf32>)
  %v100098 = tensor.cast %r100097 : tensor<2x3x?x16xf32> to tensor<*xf32>
  call @printMemrefF32(%v100098) : (tensor<*xf32>) -> ()
  return
}
