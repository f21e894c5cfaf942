// Executed check of attn-fuse-attention on one GPT-2 decoding step as
// torch-mlir lowers it (Sq = 1, Skv dynamic): the causal buffer sliced by
// `bias[:, :, Skv - Sq : Skv, :Skv]` with torch's normalised and clamped
// bounds (compares and selects), softmax with keep-dim expand_shapes of the
// [B, H, 1] row max and sum. Raised with `causal = bottom_right` (a
// keep-dim expand of a unit query dim must still read as the query index:
// a change that read unit dims as 0 refused this chain). B = 2, H = 3,
// Skv = 11, D = 8; the fused and the unfused programs must print the same
// numbers. (Written by a frontend round's generator, session 14.)
// RUN: attn-opt %s -attn-fuse-attention | FileCheck %s
// RUN: attn-opt %s -attn-cpu-pipeline="fuse=false" | mlir-runner -e main -entry-point-result=void -shared-libs=%runner_libs > %t.ref
// RUN: attn-opt %s -attn-cpu-pipeline="fuse=true" | mlir-runner -e main -entry-point-result=void -shared-libs=%runner_libs > %t.fused
// RUN: %python %attn_src/test/lib/compare_outputs.py %t.ref %t.fused --rtol 1e-4 --atol 1e-5
// CHECK-LABEL: func.func @attn(
// CHECK: attn.attention
// CHECK-NOT: mask(
// CHECK-SAME: causal = bottom_right
// CHECK: return

func.func @attn(%arg0: tensor<2x3x1x8xf32>, %arg1: tensor<2x3x?x8xf32>, %arg2: tensor<2x3x?x8xf32>) -> (tensor<2x3x1x8xf32>) {
  %i1 = arith.constant 2 : index
  %d2 = tensor.dim %arg1, %i1 : tensor<2x3x?x8xf32>
  %i3 = arith.constant 2 : index
  %d4 = tensor.dim %arg2, %i3 : tensor<2x3x?x8xf32>
  %cb5 = arith.constant dense<[[[[true, false, false, false, false, false, false, false, false, false, false, false, false, false, false, false], [true, true, false, false, false, false, false, false, false, false, false, false, false, false, false, false], [true, true, true, false, false, false, false, false, false, false, false, false, false, false, false, false], [true, true, true, true, false, false, false, false, false, false, false, false, false, false, false, false], [true, true, true, true, true, false, false, false, false, false, false, false, false, false, false, false], [true, true, true, true, true, true, false, false, false, false, false, false, false, false, false, false], [true, true, true, true, true, true, true, false, false, false, false, false, false, false, false, false], [true, true, true, true, true, true, true, true, false, false, false, false, false, false, false, false], [true, true, true, true, true, true, true, true, true, false, false, false, false, false, false, false], [true, true, true, true, true, true, true, true, true, true, false, false, false, false, false, false], [true, true, true, true, true, true, true, true, true, true, true, false, false, false, false, false], [true, true, true, true, true, true, true, true, true, true, true, true, false, false, false, false], [true, true, true, true, true, true, true, true, true, true, true, true, true, false, false, false], [true, true, true, true, true, true, true, true, true, true, true, true, true, true, false, false], [true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, false], [true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true]]]]> : tensor<1x1x16x16xi1>
  %i6 = arith.constant 2 : index
  %d7 = tensor.dim %arg0, %i6 : tensor<2x3x1x8xf32>
  %v8 = arith.index_cast %d7 : index to i64
  %i9 = arith.constant 2 : index
  %d10 = tensor.dim %arg1, %i9 : tensor<2x3x?x8xf32>
  %v11 = arith.index_cast %d10 : index to i64
  %v12 = arith.subi %v11, %v8 : i64
  %v13 = arith.constant 16 : i64
  %z14 = arith.constant 0 : i64
  %v15 = arith.cmpi sge, %v12, %z14 : i64
  %v16 = arith.addi %v12, %v13 : i64
  %v17 = arith.select %v15, %v12, %v16 : i64
  %v18 = arith.cmpi slt, %v17, %z14 : i64
  %v19 = arith.select %v18, %z14, %v17 : i64
  %v20 = arith.cmpi sgt, %v19, %v13 : i64
  %v21 = arith.select %v20, %v13, %v19 : i64
  %v22 = arith.index_cast %v21 : i64 to index
  %z23 = arith.constant 0 : i64
  %v24 = arith.cmpi sge, %v11, %z23 : i64
  %v25 = arith.addi %v11, %v13 : i64
  %v26 = arith.select %v24, %v11, %v25 : i64
  %v27 = arith.cmpi slt, %v26, %z23 : i64
  %v28 = arith.select %v27, %z23, %v26 : i64
  %v29 = arith.cmpi sgt, %v28, %v13 : i64
  %v30 = arith.select %v29, %v13, %v28 : i64
  %v31 = arith.index_cast %v30 : i64 to index
  %v32 = arith.subi %v31, %v22 : index
  %i33 = arith.constant 0 : index
  %v34 = arith.cmpi slt, %v32, %i33 : index
  %v35 = arith.select %v34, %i33, %v32 : index
  %z36 = arith.constant 0 : i64
  %v37 = arith.cmpi sge, %v11, %z36 : i64
  %v38 = arith.addi %v11, %v13 : i64
  %v39 = arith.select %v37, %v11, %v38 : i64
  %v40 = arith.cmpi slt, %v39, %z36 : i64
  %v41 = arith.select %v40, %z36, %v39 : i64
  %v42 = arith.cmpi sgt, %v41, %v13 : i64
  %v43 = arith.select %v42, %v13, %v41 : i64
  %v44 = arith.index_cast %v43 : i64 to index
  %i45 = arith.constant 0 : index
  %v46 = arith.subi %v44, %i45 : index
  %i47 = arith.constant 0 : index
  %v48 = arith.cmpi slt, %v46, %i47 : index
  %v49 = arith.select %v48, %i47, %v46 : index
  %v50 = tensor.extract_slice %cb5[0, 0, %v22, 0] [1, 1, %v35, %v49] [1, 1, 1, 1] : tensor<1x1x16x16xi1> to tensor<1x1x?x?xi1>
  %e51 = tensor.empty(%d2) : tensor<2x3x8x?xf32>
  %v52 = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3) -> (d0,d1,d3,d2)>, affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%arg1 : tensor<2x3x?x8xf32>) outs(%e51 : tensor<2x3x8x?xf32>) {
  ^bb0(%a53: f32, %a54: f32):
    linalg.yield %a53 : f32
  } -> tensor<2x3x8x?xf32>
  %v55 = tensor.collapse_shape %arg0 [[0,1],[2],[3]] : tensor<2x3x1x8xf32> into tensor<6x1x8xf32>
  %v56 = tensor.collapse_shape %v52 [[0,1],[2],[3]] : tensor<2x3x8x?xf32> into tensor<6x8x?xf32>
  %e57 = tensor.empty(%d2) : tensor<6x1x?xf32>
  %c58 = arith.constant 0.000000000e+00 : f32
  %v59 = linalg.fill ins(%c58 : f32) outs(%e57 : tensor<6x1x?xf32>) -> tensor<6x1x?xf32>
  %v60 = linalg.batch_matmul ins(%v55, %v56 : tensor<6x1x8xf32>, tensor<6x8x?xf32>) outs(%v59 : tensor<6x1x?xf32>) -> tensor<6x1x?xf32>
  %v61 = tensor.expand_shape %v60 [[0,1],[2],[3]] output_shape [2, 3, 1, %d2] : tensor<6x1x?xf32> into tensor<2x3x1x?xf32>
  %c62 = arith.constant 2.828427125e+00 : f32
  %e63 = tensor.empty(%d2) : tensor<2x3x1x?xf32>
  %v64 = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>, affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%v61 : tensor<2x3x1x?xf32>) outs(%e63 : tensor<2x3x1x?xf32>) {
  ^bb0(%a65: f32, %a66: f32):
    %b67 = arith.divf %a65, %c62 : f32
    linalg.yield %b67 : f32
  } -> tensor<2x3x1x?xf32>
  %c68 = arith.constant -3.40282347E+38 : f32
  %e69 = tensor.empty(%d2) : tensor<2x3x1x?xf32>
  %v70 = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3) -> (0,0,d2,d3)>, affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>, affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%v50, %v64 : tensor<1x1x?x?xi1>, tensor<2x3x1x?xf32>) outs(%e69 : tensor<2x3x1x?xf32>) {
  ^bb0(%a71: i1, %a72: f32, %a73: f32):
    %b74 = arith.select %a71, %a72, %c68 : f32
    linalg.yield %b74 : f32
  } -> tensor<2x3x1x?xf32>
  %e75 = tensor.empty() : tensor<2x3x1xf32>
  %c76 = arith.constant 0xFF800000 : f32
  %v77 = linalg.fill ins(%c76 : f32) outs(%e75 : tensor<2x3x1xf32>) -> tensor<2x3x1xf32>
  %v78 = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>, affine_map<(d0,d1,d2,d3) -> (d0,d1,d2)>], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%v70 : tensor<2x3x1x?xf32>) outs(%v77 : tensor<2x3x1xf32>) {
  ^bb0(%a79: f32, %a80: f32):
    %b81 = arith.maximumf %a79, %a80 : f32
    linalg.yield %b81 : f32
  } -> tensor<2x3x1xf32>
  %v82 = tensor.expand_shape %v78 [[0],[1],[2,3]] output_shape [2, 3, 1, 1] : tensor<2x3x1xf32> into tensor<2x3x1x1xf32>
  %e83 = tensor.empty(%d2) : tensor<2x3x1x?xf32>
  %v84 = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>, affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,0)>, affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%v70, %v82 : tensor<2x3x1x?xf32>, tensor<2x3x1x1xf32>) outs(%e83 : tensor<2x3x1x?xf32>) {
  ^bb0(%a85: f32, %a86: f32, %a87: f32):
    %b88 = arith.subf %a85, %a86 : f32
    linalg.yield %b88 : f32
  } -> tensor<2x3x1x?xf32>
  %e89 = tensor.empty(%d2) : tensor<2x3x1x?xf32>
  %v90 = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>, affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%v84 : tensor<2x3x1x?xf32>) outs(%e89 : tensor<2x3x1x?xf32>) {
  ^bb0(%a91: f32, %a92: f32):
    %b93 = math.exp %a91 : f32
    linalg.yield %b93 : f32
  } -> tensor<2x3x1x?xf32>
  %e94 = tensor.empty() : tensor<2x3x1xf32>
  %c95 = arith.constant 0.000000000e+00 : f32
  %v96 = linalg.fill ins(%c95 : f32) outs(%e94 : tensor<2x3x1xf32>) -> tensor<2x3x1xf32>
  %v97 = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>, affine_map<(d0,d1,d2,d3) -> (d0,d1,d2)>], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%v90 : tensor<2x3x1x?xf32>) outs(%v96 : tensor<2x3x1xf32>) {
  ^bb0(%a98: f32, %a99: f32):
    %b100 = arith.addf %a98, %a99 : f32
    linalg.yield %b100 : f32
  } -> tensor<2x3x1xf32>
  %v101 = tensor.expand_shape %v97 [[0],[1],[2,3]] output_shape [2, 3, 1, 1] : tensor<2x3x1xf32> into tensor<2x3x1x1xf32>
  %e102 = tensor.empty(%d2) : tensor<2x3x1x?xf32>
  %v103 = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>, affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,0)>, affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%v90, %v101 : tensor<2x3x1x?xf32>, tensor<2x3x1x1xf32>) outs(%e102 : tensor<2x3x1x?xf32>) {
  ^bb0(%a104: f32, %a105: f32, %a106: f32):
    %b107 = arith.divf %a104, %a105 : f32
    linalg.yield %b107 : f32
  } -> tensor<2x3x1x?xf32>
  %v108 = tensor.collapse_shape %v103 [[0,1],[2],[3]] : tensor<2x3x1x?xf32> into tensor<6x1x?xf32>
  %v109 = tensor.collapse_shape %arg2 [[0,1],[2],[3]] : tensor<2x3x?x8xf32> into tensor<6x?x8xf32>
  %e110 = tensor.empty() : tensor<6x1x8xf32>
  %c111 = arith.constant 0.000000000e+00 : f32
  %v112 = linalg.fill ins(%c111 : f32) outs(%e110 : tensor<6x1x8xf32>) -> tensor<6x1x8xf32>
  %v113 = linalg.batch_matmul ins(%v108, %v109 : tensor<6x1x?xf32>, tensor<6x?x8xf32>) outs(%v112 : tensor<6x1x8xf32>) -> tensor<6x1x8xf32>
  %v114 = tensor.expand_shape %v113 [[0,1],[2],[3]] output_shape [2, 3, 1, 8] : tensor<6x1x8xf32> into tensor<2x3x1x8xf32>
  return %v114 : tensor<2x3x1x8xf32>
}
func.func private @printMemrefF32(tensor<*xf32>)
func.func @main() {
  %e100001 = tensor.empty() : tensor<2x3x1x8xf32>
  %v100002 = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} outs(%e100001 : tensor<2x3x1x8xf32>) {
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
  } -> tensor<2x3x1x8xf32>
  %e100032 = tensor.empty() : tensor<2x3x11x8xf32>
  %v100033 = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} outs(%e100032 : tensor<2x3x11x8xf32>) {
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
  } -> tensor<2x3x11x8xf32>
  %v100063 = tensor.cast %v100033 : tensor<2x3x11x8xf32> to tensor<2x3x?x8xf32>
  %e100064 = tensor.empty() : tensor<2x3x11x8xf32>
  %v100065 = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} outs(%e100064 : tensor<2x3x11x8xf32>) {
  ^bb0(%a100066: f32):
    %b100067 = arith.constant 1.500000000e+00 : f32
    %b100068 = linalg.index 0 : index
    %b100069 = arith.index_cast %b100068 : index to i64
    %b100070 = arith.sitofp %b100069 : i64 to f32
    %b100071 = arith.constant 3.960000000e-01 : f32
    %b100072 = arith.mulf %b100070, %b100071 : f32
    %b100073 = arith.addf %b100067, %b100072 : f32
    %b100074 = linalg.index 1 : index
    %b100075 = arith.index_cast %b100074 : index to i64
    %b100076 = arith.sitofp %b100075 : i64 to f32
    %b100077 = arith.constant 1.258000000e+00 : f32
    %b100078 = arith.mulf %b100076, %b100077 : f32
    %b100079 = arith.addf %b100073, %b100078 : f32
    %b100080 = linalg.index 2 : index
    %b100081 = arith.index_cast %b100080 : index to i64
    %b100082 = arith.sitofp %b100081 : i64 to f32
    %b100083 = arith.constant 7.440000000e-01 : f32
    %b100084 = arith.mulf %b100082, %b100083 : f32
    %b100085 = arith.addf %b100079, %b100084 : f32
    %b100086 = linalg.index 3 : index
    %b100087 = arith.index_cast %b100086 : index to i64
    %b100088 = arith.sitofp %b100087 : i64 to f32
    %b100089 = arith.constant 1.270000000e-01 : f32
    %b100090 = arith.mulf %b100088, %b100089 : f32
    %b100091 = arith.addf %b100085, %b100090 : f32
    %b100092 = math.sin %b100091 : f32
    %b100093 = arith.constant 1.000000000e+00 : f32
    %b100094 = arith.mulf %b100092, %b100093 : f32
    linalg.yield %b100094 : f32
  } -> tensor<2x3x11x8xf32>
  %v100095 = tensor.cast %v100065 : tensor<2x3x11x8xf32> to tensor<2x3x?x8xf32>
  %r100096 = call @attn(%v100002, %v100063, %v100095) : (tensor<2x3x1x8xf32>, tensor<2x3x?x8xf32>, tensor<2x3x?x8xf32>) -> (tensor<2x3x1x8xf32>)
  %v100097 = tensor.cast %r100096 : tensor<2x3x1x8xf32> to tensor<*xf32>
  call @printMemrefF32(%v100097) : (tensor<*xf32>) -> ()
  return
}
