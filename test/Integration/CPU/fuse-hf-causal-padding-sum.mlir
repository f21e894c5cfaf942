// Executed check of attn-fuse-attention on Hugging Face's
// `_prepare_4d_causal_attention_mask` with a padding mask, as torch-mlir
// lowers it: the causal mask (finfo.min above the diagonal, from arange
// comparisons) and the inverted [B, 1, 1, S] padding mask (masked_fill of
// 1 - pad with finfo.min) are added into one [B, 1, S, S] mask before it
// reaches the scores. The raise reads s + (m1 + m2) as (s + m1) + m2, so the
// causal term becomes `causal = top_left` and only the padding term stays a
// mask ([B, 1, 1, S]); it used to be one dense [B, 1, S, S] mask. B = 2,
// H = 3, S = 7, D = 24; the fused and the unfused programs must print the
// same numbers. (Written by a frontend round's generator, session 14.)
// RUN: attn-opt %s -attn-fuse-attention | FileCheck %s
// RUN: attn-opt %s -attn-cpu-pipeline="fuse=false" | mlir-runner -e main -entry-point-result=void -shared-libs=%runner_libs > %t.ref
// RUN: attn-opt %s -attn-cpu-pipeline="fuse=true" | mlir-runner -e main -entry-point-result=void -shared-libs=%runner_libs > %t.fused
// RUN: %python %attn_src/test/lib/compare_outputs.py %t.ref %t.fused --rtol 1e-4 --atol 1e-5
// CHECK-LABEL: func.func @attn(
// CHECK: attn.attention
// CHECK-SAME: mask(%{{.*}} : tensor<2x1x1x7xf32>)
// CHECK-SAME: causal = top_left
// CHECK: return

func.func @attn(%arg0: tensor<2x3x7x24xf32>, %arg1: tensor<2x3x7x24xf32>, %arg2: tensor<2x3x7x24xf32>, %arg3: tensor<2x7xi64>) -> (tensor<2x3x7x24xf32>) {
  %e1 = tensor.empty() : tensor<7x7xf32>
  %c2 = arith.constant -3.40282347E+38 : f32
  %v3 = linalg.fill ins(%c2 : f32) outs(%e1 : tensor<7x7xf32>) -> tensor<7x7xf32>
  %e4 = tensor.empty() : tensor<7xi64>
  %v5 = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]} outs(%e4 : tensor<7xi64>) {
  ^bb0(%a6: i64):
    %b7 = linalg.index 0 : index
    %b8 = arith.index_cast %b7 : index to i64
    linalg.yield %b8 : i64
  } -> tensor<7xi64>
  %k9 = arith.constant 1 : i64
  %e10 = tensor.empty() : tensor<7xi64>
  %v11 = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>, affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]} ins(%v5 : tensor<7xi64>) outs(%e10 : tensor<7xi64>) {
  ^bb0(%a12: i64, %a13: i64):
    %b14 = arith.addi %a12, %k9 : i64
    linalg.yield %b14 : i64
  } -> tensor<7xi64>
  %v15 = tensor.expand_shape %v11 [[0,1]] output_shape [7, 1] : tensor<7xi64> into tensor<7x1xi64>
  %e16 = tensor.empty() : tensor<7x7xi1>
  %v17 = linalg.generic {indexing_maps = [affine_map<(d0,d1) -> (d1)>, affine_map<(d0,d1) -> (d0,0)>, affine_map<(d0,d1) -> (d0,d1)>], iterator_types = ["parallel", "parallel"]} ins(%v5, %v15 : tensor<7xi64>, tensor<7x1xi64>) outs(%e16 : tensor<7x7xi1>) {
  ^bb0(%a18: i64, %a19: i64, %a20: i1):
    %b21 = arith.cmpi slt, %a18, %a19 : i64
    linalg.yield %b21 : i1
  } -> tensor<7x7xi1>
  %c22 = arith.constant 0.000000000e+00 : f32
  %e23 = tensor.empty() : tensor<7x7xf32>
  %v24 = linalg.generic {indexing_maps = [affine_map<(d0,d1) -> (d0,d1)>, affine_map<(d0,d1) -> (d0,d1)>, affine_map<(d0,d1) -> (d0,d1)>], iterator_types = ["parallel", "parallel"]} ins(%v17, %v3 : tensor<7x7xi1>, tensor<7x7xf32>) outs(%e23 : tensor<7x7xf32>) {
  ^bb0(%a25: i1, %a26: f32, %a27: f32):
    %b28 = arith.select %a25, %c22, %a26 : f32
    linalg.yield %b28 : f32
  } -> tensor<7x7xf32>
  %v29 = tensor.expand_shape %v24 [[0,1,2],[3]] output_shape [1, 1, 7, 7] : tensor<7x7xf32> into tensor<1x1x7x7xf32>
  %e30 = tensor.empty() : tensor<2x1x7x7xf32>
  %v31 = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3) -> (0,d1,d2,d3)>, affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%v29 : tensor<1x1x7x7xf32>) outs(%e30 : tensor<2x1x7x7xf32>) {
  ^bb0(%a32: f32, %a33: f32):
    linalg.yield %a32 : f32
  } -> tensor<2x1x7x7xf32>
  %v34 = tensor.expand_shape %arg3 [[0,1,2],[3]] output_shape [2, 1, 1, 7] : tensor<2x7xi64> into tensor<2x1x1x7xi64>
  %e35 = tensor.empty() : tensor<2x1x7x7xi64>
  %v36 = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3) -> (d0,d1,0,d3)>, affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%v34 : tensor<2x1x1x7xi64>) outs(%e35 : tensor<2x1x7x7xi64>) {
  ^bb0(%a37: i64, %a38: i64):
    linalg.yield %a37 : i64
  } -> tensor<2x1x7x7xi64>
  %e39 = tensor.empty() : tensor<2x1x7x7xf32>
  %v40 = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>, affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%v36 : tensor<2x1x7x7xi64>) outs(%e39 : tensor<2x1x7x7xf32>) {
  ^bb0(%a41: i64, %a42: f32):
    %b43 = arith.sitofp %a41 : i64 to f32
    linalg.yield %b43 : f32
  } -> tensor<2x1x7x7xf32>
  %c44 = arith.constant 1.000000000e+00 : f32
  %e45 = tensor.empty() : tensor<2x1x7x7xf32>
  %v46 = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>, affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%v40 : tensor<2x1x7x7xf32>) outs(%e45 : tensor<2x1x7x7xf32>) {
  ^bb0(%a47: f32, %a48: f32):
    %b49 = arith.subf %c44, %a47 : f32
    linalg.yield %b49 : f32
  } -> tensor<2x1x7x7xf32>
  %c50 = arith.constant 0.000000000e+00 : f32
  %e51 = tensor.empty() : tensor<2x1x7x7xi1>
  %v52 = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>, affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%v46 : tensor<2x1x7x7xf32>) outs(%e51 : tensor<2x1x7x7xi1>) {
  ^bb0(%a53: f32, %a54: i1):
    %b55 = arith.cmpf une, %a53, %c50 : f32
    linalg.yield %b55 : i1
  } -> tensor<2x1x7x7xi1>
  %c56 = arith.constant -3.40282347E+38 : f32
  %e57 = tensor.empty() : tensor<2x1x7x7xf32>
  %v58 = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>, affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>, affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%v52, %v46 : tensor<2x1x7x7xi1>, tensor<2x1x7x7xf32>) outs(%e57 : tensor<2x1x7x7xf32>) {
  ^bb0(%a59: i1, %a60: f32, %a61: f32):
    %b62 = arith.select %a59, %c56, %a60 : f32
    linalg.yield %b62 : f32
  } -> tensor<2x1x7x7xf32>
  %e63 = tensor.empty() : tensor<2x1x7x7xf32>
  %v64 = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>, affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>, affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%v58, %v31 : tensor<2x1x7x7xf32>, tensor<2x1x7x7xf32>) outs(%e63 : tensor<2x1x7x7xf32>) {
  ^bb0(%a65: f32, %a66: f32, %a67: f32):
    %b68 = arith.addf %a65, %a66 : f32
    linalg.yield %b68 : f32
  } -> tensor<2x1x7x7xf32>
  %e69 = tensor.empty() : tensor<2x3x24x7xf32>
  %v70 = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3) -> (d0,d1,d3,d2)>, affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%arg1 : tensor<2x3x7x24xf32>) outs(%e69 : tensor<2x3x24x7xf32>) {
  ^bb0(%a71: f32, %a72: f32):
    linalg.yield %a71 : f32
  } -> tensor<2x3x24x7xf32>
  %v73 = tensor.collapse_shape %arg0 [[0,1],[2],[3]] : tensor<2x3x7x24xf32> into tensor<6x7x24xf32>
  %v74 = tensor.collapse_shape %v70 [[0,1],[2],[3]] : tensor<2x3x24x7xf32> into tensor<6x24x7xf32>
  %e75 = tensor.empty() : tensor<6x7x7xf32>
  %c76 = arith.constant 0.000000000e+00 : f32
  %v77 = linalg.fill ins(%c76 : f32) outs(%e75 : tensor<6x7x7xf32>) -> tensor<6x7x7xf32>
  %v78 = linalg.batch_matmul ins(%v73, %v74 : tensor<6x7x24xf32>, tensor<6x24x7xf32>) outs(%v77 : tensor<6x7x7xf32>) -> tensor<6x7x7xf32>
  %v79 = tensor.expand_shape %v78 [[0,1],[2],[3]] output_shape [2, 3, 7, 7] : tensor<6x7x7xf32> into tensor<2x3x7x7xf32>
  %c80 = arith.constant 4.898979486e+00 : f32
  %e81 = tensor.empty() : tensor<2x3x7x7xf32>
  %v82 = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>, affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%v79 : tensor<2x3x7x7xf32>) outs(%e81 : tensor<2x3x7x7xf32>) {
  ^bb0(%a83: f32, %a84: f32):
    %b85 = arith.divf %a83, %c80 : f32
    linalg.yield %b85 : f32
  } -> tensor<2x3x7x7xf32>
  %e86 = tensor.empty() : tensor<2x3x7x7xf32>
  %v87 = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>, affine_map<(d0,d1,d2,d3) -> (d0,0,d2,d3)>, affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%v82, %v64 : tensor<2x3x7x7xf32>, tensor<2x1x7x7xf32>) outs(%e86 : tensor<2x3x7x7xf32>) {
  ^bb0(%a88: f32, %a89: f32, %a90: f32):
    %b91 = arith.addf %a88, %a89 : f32
    linalg.yield %b91 : f32
  } -> tensor<2x3x7x7xf32>
  %e92 = tensor.empty() : tensor<2x3x7xf32>
  %c93 = arith.constant 0xFF800000 : f32
  %v94 = linalg.fill ins(%c93 : f32) outs(%e92 : tensor<2x3x7xf32>) -> tensor<2x3x7xf32>
  %v95 = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>, affine_map<(d0,d1,d2,d3) -> (d0,d1,d2)>], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%v87 : tensor<2x3x7x7xf32>) outs(%v94 : tensor<2x3x7xf32>) {
  ^bb0(%a96: f32, %a97: f32):
    %b98 = arith.maximumf %a96, %a97 : f32
    linalg.yield %b98 : f32
  } -> tensor<2x3x7xf32>
  %v99 = tensor.expand_shape %v95 [[0],[1],[2,3]] output_shape [2, 3, 7, 1] : tensor<2x3x7xf32> into tensor<2x3x7x1xf32>
  %e100 = tensor.empty() : tensor<2x3x7x7xf32>
  %v101 = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>, affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,0)>, affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%v87, %v99 : tensor<2x3x7x7xf32>, tensor<2x3x7x1xf32>) outs(%e100 : tensor<2x3x7x7xf32>) {
  ^bb0(%a102: f32, %a103: f32, %a104: f32):
    %b105 = arith.subf %a102, %a103 : f32
    linalg.yield %b105 : f32
  } -> tensor<2x3x7x7xf32>
  %e106 = tensor.empty() : tensor<2x3x7x7xf32>
  %v107 = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>, affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%v101 : tensor<2x3x7x7xf32>) outs(%e106 : tensor<2x3x7x7xf32>) {
  ^bb0(%a108: f32, %a109: f32):
    %b110 = math.exp %a108 : f32
    linalg.yield %b110 : f32
  } -> tensor<2x3x7x7xf32>
  %e111 = tensor.empty() : tensor<2x3x7xf32>
  %c112 = arith.constant 0.000000000e+00 : f32
  %v113 = linalg.fill ins(%c112 : f32) outs(%e111 : tensor<2x3x7xf32>) -> tensor<2x3x7xf32>
  %v114 = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>, affine_map<(d0,d1,d2,d3) -> (d0,d1,d2)>], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%v107 : tensor<2x3x7x7xf32>) outs(%v113 : tensor<2x3x7xf32>) {
  ^bb0(%a115: f32, %a116: f32):
    %b117 = arith.addf %a115, %a116 : f32
    linalg.yield %b117 : f32
  } -> tensor<2x3x7xf32>
  %v118 = tensor.expand_shape %v114 [[0],[1],[2,3]] output_shape [2, 3, 7, 1] : tensor<2x3x7xf32> into tensor<2x3x7x1xf32>
  %e119 = tensor.empty() : tensor<2x3x7x7xf32>
  %v120 = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>, affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,0)>, affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%v107, %v118 : tensor<2x3x7x7xf32>, tensor<2x3x7x1xf32>) outs(%e119 : tensor<2x3x7x7xf32>) {
  ^bb0(%a121: f32, %a122: f32, %a123: f32):
    %b124 = arith.divf %a121, %a122 : f32
    linalg.yield %b124 : f32
  } -> tensor<2x3x7x7xf32>
  %v125 = tensor.collapse_shape %v120 [[0,1],[2],[3]] : tensor<2x3x7x7xf32> into tensor<6x7x7xf32>
  %v126 = tensor.collapse_shape %arg2 [[0,1],[2],[3]] : tensor<2x3x7x24xf32> into tensor<6x7x24xf32>
  %e127 = tensor.empty() : tensor<6x7x24xf32>
  %c128 = arith.constant 0.000000000e+00 : f32
  %v129 = linalg.fill ins(%c128 : f32) outs(%e127 : tensor<6x7x24xf32>) -> tensor<6x7x24xf32>
  %v130 = linalg.batch_matmul ins(%v125, %v126 : tensor<6x7x7xf32>, tensor<6x7x24xf32>) outs(%v129 : tensor<6x7x24xf32>) -> tensor<6x7x24xf32>
  %v131 = tensor.expand_shape %v130 [[0,1],[2],[3]] output_shape [2, 3, 7, 24] : tensor<6x7x24xf32> into tensor<2x3x7x24xf32>
  return %v131 : tensor<2x3x7x24xf32>
}
func.func private @printMemrefF32(tensor<*xf32>)
func.func @main() {
  %e100001 = tensor.empty() : tensor<2x3x7x24xf32>
  %v100002 = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} outs(%e100001 : tensor<2x3x7x24xf32>) {
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
  } -> tensor<2x3x7x24xf32>
  %e100032 = tensor.empty() : tensor<2x3x7x24xf32>
  %v100033 = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} outs(%e100032 : tensor<2x3x7x24xf32>) {
  ^bb0(%a100034: f32):
    %b100035 = arith.constant 8.000000000e-01 : f32
    %b100036 = linalg.index 0 : index
    %b100037 = arith.index_cast %b100036 : index to i64
    %b100038 = arith.sitofp %b100037 : i64 to f32
    %b100039 = arith.constant 3.830000000e-01 : f32
    %b100040 = arith.mulf %b100038, %b100039 : f32
    %b100041 = arith.addf %b100035, %b100040 : f32
    %b100042 = linalg.index 1 : index
    %b100043 = arith.index_cast %b100042 : index to i64
    %b100044 = arith.sitofp %b100043 : i64 to f32
    %b100045 = arith.constant 1.279000000e+00 : f32
    %b100046 = arith.mulf %b100044, %b100045 : f32
    %b100047 = arith.addf %b100041, %b100046 : f32
    %b100048 = linalg.index 2 : index
    %b100049 = arith.index_cast %b100048 : index to i64
    %b100050 = arith.sitofp %b100049 : i64 to f32
    %b100051 = arith.constant 7.270000000e-01 : f32
    %b100052 = arith.mulf %b100050, %b100051 : f32
    %b100053 = arith.addf %b100047, %b100052 : f32
    %b100054 = linalg.index 3 : index
    %b100055 = arith.index_cast %b100054 : index to i64
    %b100056 = arith.sitofp %b100055 : i64 to f32
    %b100057 = arith.constant 1.200000000e-01 : f32
    %b100058 = arith.mulf %b100056, %b100057 : f32
    %b100059 = arith.addf %b100053, %b100058 : f32
    %b100060 = math.sin %b100059 : f32
    %b100061 = arith.constant 1.000000000e+00 : f32
    %b100062 = arith.mulf %b100060, %b100061 : f32
    linalg.yield %b100062 : f32
  } -> tensor<2x3x7x24xf32>
  %e100063 = tensor.empty() : tensor<2x3x7x24xf32>
  %v100064 = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} outs(%e100063 : tensor<2x3x7x24xf32>) {
  ^bb0(%a100065: f32):
    %b100066 = arith.constant 1.500000000e+00 : f32
    %b100067 = linalg.index 0 : index
    %b100068 = arith.index_cast %b100067 : index to i64
    %b100069 = arith.sitofp %b100068 : i64 to f32
    %b100070 = arith.constant 3.960000000e-01 : f32
    %b100071 = arith.mulf %b100069, %b100070 : f32
    %b100072 = arith.addf %b100066, %b100071 : f32
    %b100073 = linalg.index 1 : index
    %b100074 = arith.index_cast %b100073 : index to i64
    %b100075 = arith.sitofp %b100074 : i64 to f32
    %b100076 = arith.constant 1.258000000e+00 : f32
    %b100077 = arith.mulf %b100075, %b100076 : f32
    %b100078 = arith.addf %b100072, %b100077 : f32
    %b100079 = linalg.index 2 : index
    %b100080 = arith.index_cast %b100079 : index to i64
    %b100081 = arith.sitofp %b100080 : i64 to f32
    %b100082 = arith.constant 7.440000000e-01 : f32
    %b100083 = arith.mulf %b100081, %b100082 : f32
    %b100084 = arith.addf %b100078, %b100083 : f32
    %b100085 = linalg.index 3 : index
    %b100086 = arith.index_cast %b100085 : index to i64
    %b100087 = arith.sitofp %b100086 : i64 to f32
    %b100088 = arith.constant 1.270000000e-01 : f32
    %b100089 = arith.mulf %b100087, %b100088 : f32
    %b100090 = arith.addf %b100084, %b100089 : f32
    %b100091 = math.sin %b100090 : f32
    %b100092 = arith.constant 1.000000000e+00 : f32
    %b100093 = arith.mulf %b100091, %b100092 : f32
    linalg.yield %b100093 : f32
  } -> tensor<2x3x7x24xf32>
  %e100094 = tensor.empty() : tensor<2x7xi64>
  %v100095 = linalg.generic {indexing_maps = [affine_map<(d0,d1) -> (d0,d1)>], iterator_types = ["parallel", "parallel"]} outs(%e100094 : tensor<2x7xi64>) {
  ^bb0(%a100096: i64):
    %b100097 = linalg.index 0 : index
    %b100098 = linalg.index 1 : index
    %b100099 = arith.constant 7 : index
    %b100100 = arith.constant 2 : index
    %b100101 = arith.muli %b100097, %b100100 : index
    %b100102 = arith.subi %b100099, %b100101 : index
    %b100103 = arith.cmpi ult, %b100098, %b100102 : index
    %b100104 = arith.extui %b100103 : i1 to i64
    linalg.yield %b100104 : i64
  } -> tensor<2x7xi64>
  %r100105 = call @attn(%v100002, %v100033, %v100064, %v100095) : (tensor<2x3x7x24xf32>, tensor<2x3x7x24xf32>, tensor<2x3x7x24xf32>, tensor<2x7xi64>) -> (tensor<2x3x7x24xf32>)
  %v100106 = tensor.cast %r100105 : tensor<2x3x7x24xf32> to tensor<*xf32>
  call @printMemrefF32(%v100106) : (tensor<*xf32>) -> ()
  return
}
