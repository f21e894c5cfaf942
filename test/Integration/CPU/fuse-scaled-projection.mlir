// Executed check of BART-style `q_proj(x) * scaling` before the heads are
// split: the scale is peeled off Q, but the projection it was applied to has
// no head layout, so Q is read as the scaled tensor's head view and the
// peeled factor is taken back out of the op's scale (here 1: Q holds 0.5,
// the chain applies no other scale; written by a helper in session 13).
// B = 2, S = 5, H = 2, D = 4; the fused and the unfused programs must print
// the same numbers.
// RUN: attn-opt %s -attn-fuse-attention | FileCheck %s
// RUN: attn-opt %s -attn-cpu-pipeline="fuse=false" | mlir-runner -e main -entry-point-result=void -shared-libs=%runner_libs > %t.ref
// RUN: attn-opt %s -attn-cpu-pipeline="fuse=true" | mlir-runner -e main -entry-point-result=void -shared-libs=%runner_libs > %t.fused
// RUN: %python %attn_src/test/lib/compare_outputs.py %t.ref %t.fused --rtol 1e-4 --atol 1e-5

// CHECK: attn.attention ins({{.*}} : tensor<2x5x2x4xf32>, tensor<2x5x2x4xf32>, tensor<2x5x2x4xf32>)
// CHECK-SAME: scale = 1.000000e+00
// CHECK-SAME: layout = bshd
// CHECK-NOT: linalg.softmax

func.func @f(%arg0: tensor<2x5x8xf32>, %arg1: tensor<8x8xf32>, %arg2: tensor<8x8xf32>, %arg3: tensor<8x8xf32>) -> (tensor<2x5x8xf32>) {
  %c1 = arith.constant 5.000000000e-01 : f32
  %v2 = tensor.collapse_shape %arg0 [[0,1],[2]] : tensor<2x5x8xf32> into tensor<10x8xf32>
  %e3 = tensor.empty() : tensor<10x8xf32>
  %c4 = arith.constant 0.000000000e+00 : f32
  %v5 = linalg.fill ins(%c4 : f32) outs(%e3 : tensor<10x8xf32>) -> tensor<10x8xf32>
  %v6 = linalg.matmul ins(%v2, %arg1 : tensor<10x8xf32>, tensor<8x8xf32>) outs(%v5 : tensor<10x8xf32>) -> tensor<10x8xf32>
  %v7 = tensor.expand_shape %v6 [[0,1],[2]] output_shape [2, 5, 8] : tensor<10x8xf32> into tensor<2x5x8xf32>
  %e8 = tensor.empty() : tensor<2x5x8xf32>
  %v9 = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2) -> (d0,d1,d2)>, affine_map<(d0,d1,d2) -> (d0,d1,d2)>], iterator_types = ["parallel", "parallel", "parallel"]} ins(%v7 : tensor<2x5x8xf32>) outs(%e8 : tensor<2x5x8xf32>) {
  ^bb0(%a10: f32, %a11: f32):
    %b12 = arith.mulf %a10, %c1 : f32
    linalg.yield %b12 : f32
  } -> tensor<2x5x8xf32>
  %v13 = tensor.expand_shape %v9 [[0],[1],[2,3]] output_shape [2, 5, 2, 4] : tensor<2x5x8xf32> into tensor<2x5x2x4xf32>
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
  %v23 = tensor.expand_shape %v22 [[0,1],[2]] output_shape [2, 5, 8] : tensor<10x8xf32> into tensor<2x5x8xf32>
  %v24 = tensor.expand_shape %v23 [[0],[1],[2,3]] output_shape [2, 5, 2, 4] : tensor<2x5x8xf32> into tensor<2x5x2x4xf32>
  %e25 = tensor.empty() : tensor<2x2x5x4xf32>
  %v26 = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3) -> (d0,d2,d1,d3)>, affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%v24 : tensor<2x5x2x4xf32>) outs(%e25 : tensor<2x2x5x4xf32>) {
  ^bb0(%a27: f32, %a28: f32):
    linalg.yield %a27 : f32
  } -> tensor<2x2x5x4xf32>
  %v29 = tensor.collapse_shape %arg0 [[0,1],[2]] : tensor<2x5x8xf32> into tensor<10x8xf32>
  %e30 = tensor.empty() : tensor<10x8xf32>
  %c31 = arith.constant 0.000000000e+00 : f32
  %v32 = linalg.fill ins(%c31 : f32) outs(%e30 : tensor<10x8xf32>) -> tensor<10x8xf32>
  %v33 = linalg.matmul ins(%v29, %arg3 : tensor<10x8xf32>, tensor<8x8xf32>) outs(%v32 : tensor<10x8xf32>) -> tensor<10x8xf32>
  %v34 = tensor.expand_shape %v33 [[0,1],[2]] output_shape [2, 5, 8] : tensor<10x8xf32> into tensor<2x5x8xf32>
  %v35 = tensor.expand_shape %v34 [[0],[1],[2,3]] output_shape [2, 5, 2, 4] : tensor<2x5x8xf32> into tensor<2x5x2x4xf32>
  %e36 = tensor.empty() : tensor<2x2x5x4xf32>
  %v37 = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3) -> (d0,d2,d1,d3)>, affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%v35 : tensor<2x5x2x4xf32>) outs(%e36 : tensor<2x2x5x4xf32>) {
  ^bb0(%a38: f32, %a39: f32):
    linalg.yield %a38 : f32
  } -> tensor<2x2x5x4xf32>
  %e40 = tensor.empty() : tensor<2x2x4x5xf32>
  %v41 = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3) -> (d0,d1,d3,d2)>, affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%v26 : tensor<2x2x5x4xf32>) outs(%e40 : tensor<2x2x4x5xf32>) {
  ^bb0(%a42: f32, %a43: f32):
    linalg.yield %a42 : f32
  } -> tensor<2x2x4x5xf32>
  %v44 = tensor.collapse_shape %v15 [[0,1],[2],[3]] : tensor<2x2x5x4xf32> into tensor<4x5x4xf32>
  %v45 = tensor.collapse_shape %v41 [[0,1],[2],[3]] : tensor<2x2x4x5xf32> into tensor<4x4x5xf32>
  %e46 = tensor.empty() : tensor<4x5x5xf32>
  %c47 = arith.constant 0.000000000e+00 : f32
  %v48 = linalg.fill ins(%c47 : f32) outs(%e46 : tensor<4x5x5xf32>) -> tensor<4x5x5xf32>
  %v49 = linalg.batch_matmul ins(%v44, %v45 : tensor<4x5x4xf32>, tensor<4x4x5xf32>) outs(%v48 : tensor<4x5x5xf32>) -> tensor<4x5x5xf32>
  %v50 = tensor.expand_shape %v49 [[0,1],[2],[3]] output_shape [2, 2, 5, 5] : tensor<4x5x5xf32> into tensor<2x2x5x5xf32>
  %e51 = tensor.empty() : tensor<2x2x5xf32>
  %c52 = arith.constant 0xFF800000 : f32
  %v53 = linalg.fill ins(%c52 : f32) outs(%e51 : tensor<2x2x5xf32>) -> tensor<2x2x5xf32>
  %v54 = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>, affine_map<(d0,d1,d2,d3) -> (d0,d1,d2)>], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%v50 : tensor<2x2x5x5xf32>) outs(%v53 : tensor<2x2x5xf32>) {
  ^bb0(%a55: f32, %a56: f32):
    %b57 = arith.maximumf %a55, %a56 : f32
    linalg.yield %b57 : f32
  } -> tensor<2x2x5xf32>
  %v58 = tensor.expand_shape %v54 [[0],[1],[2,3]] output_shape [2, 2, 5, 1] : tensor<2x2x5xf32> into tensor<2x2x5x1xf32>
  %e59 = tensor.empty() : tensor<2x2x5x5xf32>
  %v60 = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>, affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,0)>, affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%v50, %v58 : tensor<2x2x5x5xf32>, tensor<2x2x5x1xf32>) outs(%e59 : tensor<2x2x5x5xf32>) {
  ^bb0(%a61: f32, %a62: f32, %a63: f32):
    %b64 = arith.subf %a61, %a62 : f32
    linalg.yield %b64 : f32
  } -> tensor<2x2x5x5xf32>
  %e65 = tensor.empty() : tensor<2x2x5x5xf32>
  %v66 = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>, affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%v60 : tensor<2x2x5x5xf32>) outs(%e65 : tensor<2x2x5x5xf32>) {
  ^bb0(%a67: f32, %a68: f32):
    %b69 = math.exp %a67 : f32
    linalg.yield %b69 : f32
  } -> tensor<2x2x5x5xf32>
  %e70 = tensor.empty() : tensor<2x2x5xf32>
  %c71 = arith.constant 0.000000000e+00 : f32
  %v72 = linalg.fill ins(%c71 : f32) outs(%e70 : tensor<2x2x5xf32>) -> tensor<2x2x5xf32>
  %v73 = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>, affine_map<(d0,d1,d2,d3) -> (d0,d1,d2)>], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%v66 : tensor<2x2x5x5xf32>) outs(%v72 : tensor<2x2x5xf32>) {
  ^bb0(%a74: f32, %a75: f32):
    %b76 = arith.addf %a74, %a75 : f32
    linalg.yield %b76 : f32
  } -> tensor<2x2x5xf32>
  %v77 = tensor.expand_shape %v73 [[0],[1],[2,3]] output_shape [2, 2, 5, 1] : tensor<2x2x5xf32> into tensor<2x2x5x1xf32>
  %e78 = tensor.empty() : tensor<2x2x5x5xf32>
  %v79 = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>, affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,0)>, affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%v66, %v77 : tensor<2x2x5x5xf32>, tensor<2x2x5x1xf32>) outs(%e78 : tensor<2x2x5x5xf32>) {
  ^bb0(%a80: f32, %a81: f32, %a82: f32):
    %b83 = arith.divf %a80, %a81 : f32
    linalg.yield %b83 : f32
  } -> tensor<2x2x5x5xf32>
  %v84 = tensor.collapse_shape %v79 [[0,1],[2],[3]] : tensor<2x2x5x5xf32> into tensor<4x5x5xf32>
  %v85 = tensor.collapse_shape %v37 [[0,1],[2],[3]] : tensor<2x2x5x4xf32> into tensor<4x5x4xf32>
  %e86 = tensor.empty() : tensor<4x5x4xf32>
  %c87 = arith.constant 0.000000000e+00 : f32
  %v88 = linalg.fill ins(%c87 : f32) outs(%e86 : tensor<4x5x4xf32>) -> tensor<4x5x4xf32>
  %v89 = linalg.batch_matmul ins(%v84, %v85 : tensor<4x5x5xf32>, tensor<4x5x4xf32>) outs(%v88 : tensor<4x5x4xf32>) -> tensor<4x5x4xf32>
  %v90 = tensor.expand_shape %v89 [[0,1],[2],[3]] output_shape [2, 2, 5, 4] : tensor<4x5x4xf32> into tensor<2x2x5x4xf32>
  %e91 = tensor.empty() : tensor<2x5x2x4xf32>
  %v92 = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3) -> (d0,d2,d1,d3)>, affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%v90 : tensor<2x2x5x4xf32>) outs(%e91 : tensor<2x5x2x4xf32>) {
  ^bb0(%a93: f32, %a94: f32):
    linalg.yield %a93 : f32
  } -> tensor<2x5x2x4xf32>
  %v95 = tensor.collapse_shape %v92 [[0],[1],[2,3]] : tensor<2x5x2x4xf32> into tensor<2x5x8xf32>
  return %v95 : tensor<2x5x8xf32>
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
  %r100083 = call @f(%v100002, %v100027, %v100046, %v100065) : (tensor<2x5x8xf32>, tensor<8x8xf32>, tensor<8x8xf32>, tensor<8x8xf32>) -> (tensor<2x5x8xf32>)
  %v100084 = tensor.cast %r100083 : tensor<2x5x8xf32> to tensor<*xf32>
  call @printMemrefF32(%v100084) : (tensor<*xf32>) -> ()
  return
}

