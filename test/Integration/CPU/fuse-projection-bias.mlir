// Executed check of torch-mlir's aten.linear with a bias feeding Q, K and V:
// the projection [B*S, E] = x W plus the bias is computed before the heads
// are split ([B*S, E] -> [B, S, E] -> [B, S, H, D], then transposed), so Q, K
// and V are read as the bias-added tensor's head view (BERT-style layers;
// written by a helper in session 13). B = 2, S = 5, H = 2, D = 4; the fused
// and the unfused programs must print the same numbers.
// RUN: attn-opt %s -attn-fuse-attention | FileCheck %s
// RUN: attn-opt %s -attn-cpu-pipeline="fuse=false" | mlir-runner -e main -entry-point-result=void -shared-libs=%runner_libs > %t.ref
// RUN: attn-opt %s -attn-cpu-pipeline="fuse=true" | mlir-runner -e main -entry-point-result=void -shared-libs=%runner_libs > %t.fused
// RUN: %python %attn_src/test/lib/compare_outputs.py %t.ref %t.fused --rtol 1e-4 --atol 1e-5

// CHECK: attn.attention ins({{.*}} : tensor<2x5x2x4xf32>, tensor<2x5x2x4xf32>, tensor<2x5x2x4xf32>)
// CHECK-SAME: layout = bshd
// CHECK-NOT: linalg.softmax

func.func @f(%arg0: tensor<2x5x8xf32>, %arg1: tensor<8x8xf32>, %arg2: tensor<8x8xf32>, %arg3: tensor<8x8xf32>, %arg4: tensor<8xf32>, %arg5: tensor<8xf32>, %arg6: tensor<8xf32>) -> (tensor<2x5x8xf32>) {
  %v1 = tensor.collapse_shape %arg0 [[0,1],[2]] : tensor<2x5x8xf32> into tensor<10x8xf32>
  %e2 = tensor.empty() : tensor<10x8xf32>
  %c3 = arith.constant 0.000000000e+00 : f32
  %v4 = linalg.fill ins(%c3 : f32) outs(%e2 : tensor<10x8xf32>) -> tensor<10x8xf32>
  %v5 = linalg.matmul ins(%v1, %arg1 : tensor<10x8xf32>, tensor<8x8xf32>) outs(%v4 : tensor<10x8xf32>) -> tensor<10x8xf32>
  %e6 = tensor.empty() : tensor<10x8xf32>
  %v7 = linalg.generic {indexing_maps = [affine_map<(d0,d1) -> (d0,d1)>, affine_map<(d0,d1) -> (d1)>, affine_map<(d0,d1) -> (d0,d1)>], iterator_types = ["parallel", "parallel"]} ins(%v5, %arg4 : tensor<10x8xf32>, tensor<8xf32>) outs(%e6 : tensor<10x8xf32>) {
  ^bb0(%a8: f32, %a9: f32, %a10: f32):
    %b11 = arith.addf %a8, %a9 : f32
    linalg.yield %b11 : f32
  } -> tensor<10x8xf32>
  %v12 = tensor.expand_shape %v7 [[0,1],[2]] output_shape [2, 5, 8] : tensor<10x8xf32> into tensor<2x5x8xf32>
  %v13 = tensor.expand_shape %v12 [[0],[1],[2,3]] output_shape [2, 5, 2, 4] : tensor<2x5x8xf32> into tensor<2x5x2x4xf32>
  %e14 = tensor.empty() : tensor<2x2x5x4xf32>
  %v15 = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3) -> (d0,d2,d1,d3)>, affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%v13 : tensor<2x5x2x4xf32>) outs(%e14 : tensor<2x2x5x4xf32>) {
  ^bb0(%a16: f32, %a17: f32):
    linalg.yield %a16 : f32
  } -> tensor<2x2x5x4xf32>
  %v18 = tensor.collapse_shape %arg0 [[0,1],[2]] : tensor<2x5x8xf32> into tensor<10x8xf32>
  %e19 = tensor.empty() : tensor<10x8xf32>
  %c20 = arith.constant 0.000000000e+00 : f32
  %v21 = linalg.fill ins(%c20 : f32) outs(%e19 : tensor<10x8xf32>) -> tensor<10x8xf32>
  %v22 = linalg.matmul ins(%v18, %arg2 : tensor<10x8xf32>, tensor<8x8xf32>) outs(%v21 : tensor<10x8xf32>) -> tensor<10x8xf32>
  %e23 = tensor.empty() : tensor<10x8xf32>
  %v24 = linalg.generic {indexing_maps = [affine_map<(d0,d1) -> (d0,d1)>, affine_map<(d0,d1) -> (d1)>, affine_map<(d0,d1) -> (d0,d1)>], iterator_types = ["parallel", "parallel"]} ins(%v22, %arg5 : tensor<10x8xf32>, tensor<8xf32>) outs(%e23 : tensor<10x8xf32>) {
  ^bb0(%a25: f32, %a26: f32, %a27: f32):
    %b28 = arith.addf %a25, %a26 : f32
    linalg.yield %b28 : f32
  } -> tensor<10x8xf32>
  %v29 = tensor.expand_shape %v24 [[0,1],[2]] output_shape [2, 5, 8] : tensor<10x8xf32> into tensor<2x5x8xf32>
  %v30 = tensor.expand_shape %v29 [[0],[1],[2,3]] output_shape [2, 5, 2, 4] : tensor<2x5x8xf32> into tensor<2x5x2x4xf32>
  %e31 = tensor.empty() : tensor<2x2x5x4xf32>
  %v32 = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3) -> (d0,d2,d1,d3)>, affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%v30 : tensor<2x5x2x4xf32>) outs(%e31 : tensor<2x2x5x4xf32>) {
  ^bb0(%a33: f32, %a34: f32):
    linalg.yield %a33 : f32
  } -> tensor<2x2x5x4xf32>
  %v35 = tensor.collapse_shape %arg0 [[0,1],[2]] : tensor<2x5x8xf32> into tensor<10x8xf32>
  %e36 = tensor.empty() : tensor<10x8xf32>
  %c37 = arith.constant 0.000000000e+00 : f32
  %v38 = linalg.fill ins(%c37 : f32) outs(%e36 : tensor<10x8xf32>) -> tensor<10x8xf32>
  %v39 = linalg.matmul ins(%v35, %arg3 : tensor<10x8xf32>, tensor<8x8xf32>) outs(%v38 : tensor<10x8xf32>) -> tensor<10x8xf32>
  %e40 = tensor.empty() : tensor<10x8xf32>
  %v41 = linalg.generic {indexing_maps = [affine_map<(d0,d1) -> (d0,d1)>, affine_map<(d0,d1) -> (d1)>, affine_map<(d0,d1) -> (d0,d1)>], iterator_types = ["parallel", "parallel"]} ins(%v39, %arg6 : tensor<10x8xf32>, tensor<8xf32>) outs(%e40 : tensor<10x8xf32>) {
  ^bb0(%a42: f32, %a43: f32, %a44: f32):
    %b45 = arith.addf %a42, %a43 : f32
    linalg.yield %b45 : f32
  } -> tensor<10x8xf32>
  %v46 = tensor.expand_shape %v41 [[0,1],[2]] output_shape [2, 5, 8] : tensor<10x8xf32> into tensor<2x5x8xf32>
  %v47 = tensor.expand_shape %v46 [[0],[1],[2,3]] output_shape [2, 5, 2, 4] : tensor<2x5x8xf32> into tensor<2x5x2x4xf32>
  %e48 = tensor.empty() : tensor<2x2x5x4xf32>
  %v49 = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3) -> (d0,d2,d1,d3)>, affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%v47 : tensor<2x5x2x4xf32>) outs(%e48 : tensor<2x2x5x4xf32>) {
  ^bb0(%a50: f32, %a51: f32):
    linalg.yield %a50 : f32
  } -> tensor<2x2x5x4xf32>
  %e52 = tensor.empty() : tensor<2x2x4x5xf32>
  %v53 = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3) -> (d0,d1,d3,d2)>, affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%v32 : tensor<2x2x5x4xf32>) outs(%e52 : tensor<2x2x4x5xf32>) {
  ^bb0(%a54: f32, %a55: f32):
    linalg.yield %a54 : f32
  } -> tensor<2x2x4x5xf32>
  %v56 = tensor.collapse_shape %v15 [[0,1],[2],[3]] : tensor<2x2x5x4xf32> into tensor<4x5x4xf32>
  %v57 = tensor.collapse_shape %v53 [[0,1],[2],[3]] : tensor<2x2x4x5xf32> into tensor<4x4x5xf32>
  %e58 = tensor.empty() : tensor<4x5x5xf32>
  %c59 = arith.constant 0.000000000e+00 : f32
  %v60 = linalg.fill ins(%c59 : f32) outs(%e58 : tensor<4x5x5xf32>) -> tensor<4x5x5xf32>
  %v61 = linalg.batch_matmul ins(%v56, %v57 : tensor<4x5x4xf32>, tensor<4x4x5xf32>) outs(%v60 : tensor<4x5x5xf32>) -> tensor<4x5x5xf32>
  %v62 = tensor.expand_shape %v61 [[0,1],[2],[3]] output_shape [2, 2, 5, 5] : tensor<4x5x5xf32> into tensor<2x2x5x5xf32>
  %c63 = arith.constant 2.000000000e+00 : f32
  %e64 = tensor.empty() : tensor<2x2x5x5xf32>
  %v65 = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>, affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%v62 : tensor<2x2x5x5xf32>) outs(%e64 : tensor<2x2x5x5xf32>) {
  ^bb0(%a66: f32, %a67: f32):
    %b68 = arith.divf %a66, %c63 : f32
    linalg.yield %b68 : f32
  } -> tensor<2x2x5x5xf32>
  %e69 = tensor.empty() : tensor<2x2x5xf32>
  %c70 = arith.constant 0xFF800000 : f32
  %v71 = linalg.fill ins(%c70 : f32) outs(%e69 : tensor<2x2x5xf32>) -> tensor<2x2x5xf32>
  %v72 = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>, affine_map<(d0,d1,d2,d3) -> (d0,d1,d2)>], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%v65 : tensor<2x2x5x5xf32>) outs(%v71 : tensor<2x2x5xf32>) {
  ^bb0(%a73: f32, %a74: f32):
    %b75 = arith.maximumf %a73, %a74 : f32
    linalg.yield %b75 : f32
  } -> tensor<2x2x5xf32>
  %v76 = tensor.expand_shape %v72 [[0],[1],[2,3]] output_shape [2, 2, 5, 1] : tensor<2x2x5xf32> into tensor<2x2x5x1xf32>
  %e77 = tensor.empty() : tensor<2x2x5x5xf32>
  %v78 = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>, affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,0)>, affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%v65, %v76 : tensor<2x2x5x5xf32>, tensor<2x2x5x1xf32>) outs(%e77 : tensor<2x2x5x5xf32>) {
  ^bb0(%a79: f32, %a80: f32, %a81: f32):
    %b82 = arith.subf %a79, %a80 : f32
    linalg.yield %b82 : f32
  } -> tensor<2x2x5x5xf32>
  %e83 = tensor.empty() : tensor<2x2x5x5xf32>
  %v84 = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>, affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%v78 : tensor<2x2x5x5xf32>) outs(%e83 : tensor<2x2x5x5xf32>) {
  ^bb0(%a85: f32, %a86: f32):
    %b87 = math.exp %a85 : f32
    linalg.yield %b87 : f32
  } -> tensor<2x2x5x5xf32>
  %e88 = tensor.empty() : tensor<2x2x5xf32>
  %c89 = arith.constant 0.000000000e+00 : f32
  %v90 = linalg.fill ins(%c89 : f32) outs(%e88 : tensor<2x2x5xf32>) -> tensor<2x2x5xf32>
  %v91 = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>, affine_map<(d0,d1,d2,d3) -> (d0,d1,d2)>], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%v84 : tensor<2x2x5x5xf32>) outs(%v90 : tensor<2x2x5xf32>) {
  ^bb0(%a92: f32, %a93: f32):
    %b94 = arith.addf %a92, %a93 : f32
    linalg.yield %b94 : f32
  } -> tensor<2x2x5xf32>
  %v95 = tensor.expand_shape %v91 [[0],[1],[2,3]] output_shape [2, 2, 5, 1] : tensor<2x2x5xf32> into tensor<2x2x5x1xf32>
  %e96 = tensor.empty() : tensor<2x2x5x5xf32>
  %v97 = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>, affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,0)>, affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%v84, %v95 : tensor<2x2x5x5xf32>, tensor<2x2x5x1xf32>) outs(%e96 : tensor<2x2x5x5xf32>) {
  ^bb0(%a98: f32, %a99: f32, %a100: f32):
    %b101 = arith.divf %a98, %a99 : f32
    linalg.yield %b101 : f32
  } -> tensor<2x2x5x5xf32>
  %v102 = tensor.collapse_shape %v97 [[0,1],[2],[3]] : tensor<2x2x5x5xf32> into tensor<4x5x5xf32>
  %v103 = tensor.collapse_shape %v49 [[0,1],[2],[3]] : tensor<2x2x5x4xf32> into tensor<4x5x4xf32>
  %e104 = tensor.empty() : tensor<4x5x4xf32>
  %c105 = arith.constant 0.000000000e+00 : f32
  %v106 = linalg.fill ins(%c105 : f32) outs(%e104 : tensor<4x5x4xf32>) -> tensor<4x5x4xf32>
  %v107 = linalg.batch_matmul ins(%v102, %v103 : tensor<4x5x5xf32>, tensor<4x5x4xf32>) outs(%v106 : tensor<4x5x4xf32>) -> tensor<4x5x4xf32>
  %v108 = tensor.expand_shape %v107 [[0,1],[2],[3]] output_shape [2, 2, 5, 4] : tensor<4x5x4xf32> into tensor<2x2x5x4xf32>
  %e109 = tensor.empty() : tensor<2x5x2x4xf32>
  %v110 = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3) -> (d0,d2,d1,d3)>, affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%v108 : tensor<2x2x5x4xf32>) outs(%e109 : tensor<2x5x2x4xf32>) {
  ^bb0(%a111: f32, %a112: f32):
    linalg.yield %a111 : f32
  } -> tensor<2x5x2x4xf32>
  %v113 = tensor.collapse_shape %v110 [[0],[1],[2,3]] : tensor<2x5x2x4xf32> into tensor<2x5x8xf32>
  return %v113 : tensor<2x5x8xf32>
}
func.func private @printMemrefF32(tensor<*xf32>)
func.func @main() {
  %e100001 = tensor.empty() : tensor<2x5x8xf32>
  %v100002 = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2) -> (d0,d1,d2)>], iterator_types = ["parallel", "parallel", "parallel"]} outs(%e100001 : tensor<2x5x8xf32>) {
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
    %b100023 = math.sin %b100022 : f32
    %b100024 = arith.constant 1.000000000e+00 : f32
    %b100025 = arith.mulf %b100023, %b100024 : f32
    linalg.yield %b100025 : f32
  } -> tensor<2x5x8xf32>
  %e100026 = tensor.empty() : tensor<8x8xf32>
  %v100027 = linalg.generic {indexing_maps = [affine_map<(d0,d1) -> (d0,d1)>], iterator_types = ["parallel", "parallel"]} outs(%e100026 : tensor<8x8xf32>) {
  ^bb0(%a100028: f32):
    %b100029 = arith.constant 8.000000000e-01 : f32
    %b100030 = linalg.index 0 : index
    %b100031 = arith.index_cast %b100030 : index to i64
    %b100032 = arith.sitofp %b100031 : i64 to f32
    %b100033 = arith.constant 3.830000000e-01 : f32
    %b100034 = arith.mulf %b100032, %b100033 : f32
    %b100035 = arith.addf %b100029, %b100034 : f32
    %b100036 = linalg.index 1 : index
    %b100037 = arith.index_cast %b100036 : index to i64
    %b100038 = arith.sitofp %b100037 : i64 to f32
    %b100039 = arith.constant 1.279000000e+00 : f32
    %b100040 = arith.mulf %b100038, %b100039 : f32
    %b100041 = arith.addf %b100035, %b100040 : f32
    %b100042 = math.sin %b100041 : f32
    %b100043 = arith.constant 3.000000000e-01 : f32
    %b100044 = arith.mulf %b100042, %b100043 : f32
    linalg.yield %b100044 : f32
  } -> tensor<8x8xf32>
  %e100045 = tensor.empty() : tensor<8x8xf32>
  %v100046 = linalg.generic {indexing_maps = [affine_map<(d0,d1) -> (d0,d1)>], iterator_types = ["parallel", "parallel"]} outs(%e100045 : tensor<8x8xf32>) {
  ^bb0(%a100047: f32):
    %b100048 = arith.constant 1.500000000e+00 : f32
    %b100049 = linalg.index 0 : index
    %b100050 = arith.index_cast %b100049 : index to i64
    %b100051 = arith.sitofp %b100050 : i64 to f32
    %b100052 = arith.constant 3.960000000e-01 : f32
    %b100053 = arith.mulf %b100051, %b100052 : f32
    %b100054 = arith.addf %b100048, %b100053 : f32
    %b100055 = linalg.index 1 : index
    %b100056 = arith.index_cast %b100055 : index to i64
    %b100057 = arith.sitofp %b100056 : i64 to f32
    %b100058 = arith.constant 1.258000000e+00 : f32
    %b100059 = arith.mulf %b100057, %b100058 : f32
    %b100060 = arith.addf %b100054, %b100059 : f32
    %b100061 = math.sin %b100060 : f32
    %b100062 = arith.constant 3.000000000e-01 : f32
    %b100063 = arith.mulf %b100061, %b100062 : f32
    linalg.yield %b100063 : f32
  } -> tensor<8x8xf32>
  %e100064 = tensor.empty() : tensor<8x8xf32>
  %v100065 = linalg.generic {indexing_maps = [affine_map<(d0,d1) -> (d0,d1)>], iterator_types = ["parallel", "parallel"]} outs(%e100064 : tensor<8x8xf32>) {
  ^bb0(%a100066: f32):
    %b100067 = arith.constant 2.200000000e+00 : f32
    %b100068 = linalg.index 0 : index
    %b100069 = arith.index_cast %b100068 : index to i64
    %b100070 = arith.sitofp %b100069 : i64 to f32
    %b100071 = arith.constant 4.090000000e-01 : f32
    %b100072 = arith.mulf %b100070, %b100071 : f32
    %b100073 = arith.addf %b100067, %b100072 : f32
    %b100074 = linalg.index 1 : index
    %b100075 = arith.index_cast %b100074 : index to i64
    %b100076 = arith.sitofp %b100075 : i64 to f32
    %b100077 = arith.constant 1.237000000e+00 : f32
    %b100078 = arith.mulf %b100076, %b100077 : f32
    %b100079 = arith.addf %b100073, %b100078 : f32
    %b100080 = math.sin %b100079 : f32
    %b100081 = arith.constant 3.000000000e-01 : f32
    %b100082 = arith.mulf %b100080, %b100081 : f32
    linalg.yield %b100082 : f32
  } -> tensor<8x8xf32>
  %e100083 = tensor.empty() : tensor<8xf32>
  %v100084 = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]} outs(%e100083 : tensor<8xf32>) {
  ^bb0(%a100085: f32):
    %b100086 = arith.constant 2.900000000e+00 : f32
    %b100087 = linalg.index 0 : index
    %b100088 = arith.index_cast %b100087 : index to i64
    %b100089 = arith.sitofp %b100088 : i64 to f32
    %b100090 = arith.constant 4.220000000e-01 : f32
    %b100091 = arith.mulf %b100089, %b100090 : f32
    %b100092 = arith.addf %b100086, %b100091 : f32
    %b100093 = math.sin %b100092 : f32
    %b100094 = arith.constant 1.000000000e-01 : f32
    %b100095 = arith.mulf %b100093, %b100094 : f32
    linalg.yield %b100095 : f32
  } -> tensor<8xf32>
  %e100096 = tensor.empty() : tensor<8xf32>
  %v100097 = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]} outs(%e100096 : tensor<8xf32>) {
  ^bb0(%a100098: f32):
    %b100099 = arith.constant 3.600000000e+00 : f32
    %b100100 = linalg.index 0 : index
    %b100101 = arith.index_cast %b100100 : index to i64
    %b100102 = arith.sitofp %b100101 : i64 to f32
    %b100103 = arith.constant 4.350000000e-01 : f32
    %b100104 = arith.mulf %b100102, %b100103 : f32
    %b100105 = arith.addf %b100099, %b100104 : f32
    %b100106 = math.sin %b100105 : f32
    %b100107 = arith.constant 1.000000000e-01 : f32
    %b100108 = arith.mulf %b100106, %b100107 : f32
    linalg.yield %b100108 : f32
  } -> tensor<8xf32>
  %e100109 = tensor.empty() : tensor<8xf32>
  %v100110 = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]} outs(%e100109 : tensor<8xf32>) {
  ^bb0(%a100111: f32):
    %b100112 = arith.constant 4.300000000e+00 : f32
    %b100113 = linalg.index 0 : index
    %b100114 = arith.index_cast %b100113 : index to i64
    %b100115 = arith.sitofp %b100114 : i64 to f32
    %b100116 = arith.constant 4.480000000e-01 : f32
    %b100117 = arith.mulf %b100115, %b100116 : f32
    %b100118 = arith.addf %b100112, %b100117 : f32
    %b100119 = math.sin %b100118 : f32
    %b100120 = arith.constant 1.000000000e-01 : f32
    %b100121 = arith.mulf %b100119, %b100120 : f32
    linalg.yield %b100121 : f32
  } -> tensor<8xf32>
  %r100122 = call @f(%v100002, %v100027, %v100046, %v100065, %v100084, %v100097, %v100110) : (tensor<2x5x8xf32>, tensor<8x8xf32>, tensor<8x8xf32>, tensor<8x8xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>) -> (tensor<2x5x8xf32>)
  %v100123 = tensor.cast %r100122 : tensor<2x5x8xf32> to tensor<*xf32>
  call @printMemrefF32(%v100123) : (tensor<*xf32>) -> ()
  return
}

