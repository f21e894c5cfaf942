// Executed check of a T5-style relative position bias: a per-head table
// [8, 2] read at a bucket computed from j - i (tensor.extract at a computed
// index inside a linalg body, which the op cannot evaluate again), permuted
// to [1, H, S, S] and added to the scores. The bias is a tensor before the
// chain, so the raised op reads it as its mask (written by a helper in
// session 13). B = 1, H = 2, S = 5, D = 4; the fused and the unfused
// programs must print the same numbers.
// RUN: attn-opt %s -attn-fuse-attention | FileCheck %s
// RUN: attn-opt %s -attn-cpu-pipeline="fuse=false" | mlir-runner -e main -entry-point-result=void -shared-libs=%runner_libs > %t.ref
// RUN: attn-opt %s -attn-cpu-pipeline="fuse=true" | mlir-runner -e main -entry-point-result=void -shared-libs=%runner_libs > %t.fused
// RUN: %python %attn_src/test/lib/compare_outputs.py %t.ref %t.fused --rtol 1e-4 --atol 1e-5

// CHECK: attn.attention
// CHECK-SAME: mask(%{{.*}} : tensor<1x2x5x5xf32>)
// CHECK-NOT: math.exp

func.func @f(%arg0: tensor<1x2x5x4xf32>, %arg1: tensor<1x2x5x4xf32>, %arg2: tensor<1x2x5x4xf32>, %arg3: tensor<8x2xf32>) -> (tensor<1x2x5x4xf32>) {
  %e1 = tensor.empty() : tensor<5x5xi64>
  %v2 = linalg.generic {indexing_maps = [affine_map<(d0,d1) -> (d0,d1)>], iterator_types = ["parallel", "parallel"]} outs(%e1 : tensor<5x5xi64>) {
  ^bb0(%a3: i64):
    %b4 = linalg.index 1 : index
    %b5 = arith.index_cast %b4 : index to i64
    %b6 = linalg.index 0 : index
    %b7 = arith.index_cast %b6 : index to i64
    %b8 = arith.subi %b5, %b7 : i64
    %b9 = arith.constant 8 : i64
    %b10 = arith.addi %b8, %b9 : i64
    %b11 = arith.constant 8 : i64
    %b12 = arith.remsi %b10, %b11 : i64
    linalg.yield %b12 : i64
  } -> tensor<5x5xi64>
  %e13 = tensor.empty() : tensor<5x5x2xf32>
  %v14 = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2) -> (d0,d1)>, affine_map<(d0,d1,d2) -> (d0,d1,d2)>], iterator_types = ["parallel", "parallel", "parallel"]} ins(%v2 : tensor<5x5xi64>) outs(%e13 : tensor<5x5x2xf32>) {
  ^bb0(%a15: i64, %a16: f32):
    %b17 = arith.index_cast %a15 : i64 to index
    %b18 = linalg.index 2 : index
    %b19 = tensor.extract %arg3[%b17, %b18] : tensor<8x2xf32>
    linalg.yield %b19 : f32
  } -> tensor<5x5x2xf32>
  %e20 = tensor.empty() : tensor<2x5x5xf32>
  %v21 = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2) -> (d1,d2,d0)>, affine_map<(d0,d1,d2) -> (d0,d1,d2)>], iterator_types = ["parallel", "parallel", "parallel"]} ins(%v14 : tensor<5x5x2xf32>) outs(%e20 : tensor<2x5x5xf32>) {
  ^bb0(%a22: f32, %a23: f32):
    linalg.yield %a22 : f32
  } -> tensor<2x5x5xf32>
  %v24 = tensor.expand_shape %v21 [[0,1],[2],[3]] output_shape [1, 2, 5, 5] : tensor<2x5x5xf32> into tensor<1x2x5x5xf32>
  %e25 = tensor.empty() : tensor<1x2x4x5xf32>
  %v26 = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3) -> (d0,d1,d3,d2)>, affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%arg1 : tensor<1x2x5x4xf32>) outs(%e25 : tensor<1x2x4x5xf32>) {
  ^bb0(%a27: f32, %a28: f32):
    linalg.yield %a27 : f32
  } -> tensor<1x2x4x5xf32>
  %v29 = tensor.collapse_shape %arg0 [[0,1],[2],[3]] : tensor<1x2x5x4xf32> into tensor<2x5x4xf32>
  %v30 = tensor.collapse_shape %v26 [[0,1],[2],[3]] : tensor<1x2x4x5xf32> into tensor<2x4x5xf32>
  %e31 = tensor.empty() : tensor<2x5x5xf32>
  %c32 = arith.constant 0.000000000e+00 : f32
  %v33 = linalg.fill ins(%c32 : f32) outs(%e31 : tensor<2x5x5xf32>) -> tensor<2x5x5xf32>
  %v34 = linalg.batch_matmul ins(%v29, %v30 : tensor<2x5x4xf32>, tensor<2x4x5xf32>) outs(%v33 : tensor<2x5x5xf32>) -> tensor<2x5x5xf32>
  %v35 = tensor.expand_shape %v34 [[0,1],[2],[3]] output_shape [1, 2, 5, 5] : tensor<2x5x5xf32> into tensor<1x2x5x5xf32>
  %e36 = tensor.empty() : tensor<1x2x5x5xf32>
  %v37 = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>, affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>, affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%v35, %v24 : tensor<1x2x5x5xf32>, tensor<1x2x5x5xf32>) outs(%e36 : tensor<1x2x5x5xf32>) {
  ^bb0(%a38: f32, %a39: f32, %a40: f32):
    %b41 = arith.addf %a38, %a39 : f32
    linalg.yield %b41 : f32
  } -> tensor<1x2x5x5xf32>
  %e42 = tensor.empty() : tensor<1x2x5xf32>
  %c43 = arith.constant 0xFF800000 : f32
  %v44 = linalg.fill ins(%c43 : f32) outs(%e42 : tensor<1x2x5xf32>) -> tensor<1x2x5xf32>
  %v45 = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>, affine_map<(d0,d1,d2,d3) -> (d0,d1,d2)>], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%v37 : tensor<1x2x5x5xf32>) outs(%v44 : tensor<1x2x5xf32>) {
  ^bb0(%a46: f32, %a47: f32):
    %b48 = arith.maximumf %a46, %a47 : f32
    linalg.yield %b48 : f32
  } -> tensor<1x2x5xf32>
  %v49 = tensor.expand_shape %v45 [[0],[1],[2,3]] output_shape [1, 2, 5, 1] : tensor<1x2x5xf32> into tensor<1x2x5x1xf32>
  %e50 = tensor.empty() : tensor<1x2x5x5xf32>
  %v51 = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>, affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,0)>, affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%v37, %v49 : tensor<1x2x5x5xf32>, tensor<1x2x5x1xf32>) outs(%e50 : tensor<1x2x5x5xf32>) {
  ^bb0(%a52: f32, %a53: f32, %a54: f32):
    %b55 = arith.subf %a52, %a53 : f32
    linalg.yield %b55 : f32
  } -> tensor<1x2x5x5xf32>
  %e56 = tensor.empty() : tensor<1x2x5x5xf32>
  %v57 = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>, affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%v51 : tensor<1x2x5x5xf32>) outs(%e56 : tensor<1x2x5x5xf32>) {
  ^bb0(%a58: f32, %a59: f32):
    %b60 = math.exp %a58 : f32
    linalg.yield %b60 : f32
  } -> tensor<1x2x5x5xf32>
  %e61 = tensor.empty() : tensor<1x2x5xf32>
  %c62 = arith.constant 0.000000000e+00 : f32
  %v63 = linalg.fill ins(%c62 : f32) outs(%e61 : tensor<1x2x5xf32>) -> tensor<1x2x5xf32>
  %v64 = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>, affine_map<(d0,d1,d2,d3) -> (d0,d1,d2)>], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%v57 : tensor<1x2x5x5xf32>) outs(%v63 : tensor<1x2x5xf32>) {
  ^bb0(%a65: f32, %a66: f32):
    %b67 = arith.addf %a65, %a66 : f32
    linalg.yield %b67 : f32
  } -> tensor<1x2x5xf32>
  %v68 = tensor.expand_shape %v64 [[0],[1],[2,3]] output_shape [1, 2, 5, 1] : tensor<1x2x5xf32> into tensor<1x2x5x1xf32>
  %e69 = tensor.empty() : tensor<1x2x5x5xf32>
  %v70 = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>, affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,0)>, affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%v57, %v68 : tensor<1x2x5x5xf32>, tensor<1x2x5x1xf32>) outs(%e69 : tensor<1x2x5x5xf32>) {
  ^bb0(%a71: f32, %a72: f32, %a73: f32):
    %b74 = arith.divf %a71, %a72 : f32
    linalg.yield %b74 : f32
  } -> tensor<1x2x5x5xf32>
  %v75 = tensor.collapse_shape %v70 [[0,1],[2],[3]] : tensor<1x2x5x5xf32> into tensor<2x5x5xf32>
  %v76 = tensor.collapse_shape %arg2 [[0,1],[2],[3]] : tensor<1x2x5x4xf32> into tensor<2x5x4xf32>
  %e77 = tensor.empty() : tensor<2x5x4xf32>
  %c78 = arith.constant 0.000000000e+00 : f32
  %v79 = linalg.fill ins(%c78 : f32) outs(%e77 : tensor<2x5x4xf32>) -> tensor<2x5x4xf32>
  %v80 = linalg.batch_matmul ins(%v75, %v76 : tensor<2x5x5xf32>, tensor<2x5x4xf32>) outs(%v79 : tensor<2x5x4xf32>) -> tensor<2x5x4xf32>
  %v81 = tensor.expand_shape %v80 [[0,1],[2],[3]] output_shape [1, 2, 5, 4] : tensor<2x5x4xf32> into tensor<1x2x5x4xf32>
  return %v81 : tensor<1x2x5x4xf32>
}
func.func private @printMemrefF32(tensor<*xf32>)
func.func @main() {
  %e100001 = tensor.empty() : tensor<1x2x5x4xf32>
  %v100002 = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} outs(%e100001 : tensor<1x2x5x4xf32>) {
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
  } -> tensor<1x2x5x4xf32>
  %e100032 = tensor.empty() : tensor<1x2x5x4xf32>
  %v100033 = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} outs(%e100032 : tensor<1x2x5x4xf32>) {
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
  } -> tensor<1x2x5x4xf32>
  %e100063 = tensor.empty() : tensor<1x2x5x4xf32>
  %v100064 = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} outs(%e100063 : tensor<1x2x5x4xf32>) {
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
  } -> tensor<1x2x5x4xf32>
  %e100094 = tensor.empty() : tensor<8x2xf32>
  %v100095 = linalg.generic {indexing_maps = [affine_map<(d0,d1) -> (d0,d1)>], iterator_types = ["parallel", "parallel"]} outs(%e100094 : tensor<8x2xf32>) {
  ^bb0(%a100096: f32):
    %b100097 = arith.constant 2.200000000e+00 : f32
    %b100098 = linalg.index 0 : index
    %b100099 = arith.index_cast %b100098 : index to i64
    %b100100 = arith.sitofp %b100099 : i64 to f32
    %b100101 = arith.constant 4.090000000e-01 : f32
    %b100102 = arith.mulf %b100100, %b100101 : f32
    %b100103 = arith.addf %b100097, %b100102 : f32
    %b100104 = linalg.index 1 : index
    %b100105 = arith.index_cast %b100104 : index to i64
    %b100106 = arith.sitofp %b100105 : i64 to f32
    %b100107 = arith.constant 1.237000000e+00 : f32
    %b100108 = arith.mulf %b100106, %b100107 : f32
    %b100109 = arith.addf %b100103, %b100108 : f32
    %b100110 = math.sin %b100109 : f32
    %b100111 = arith.constant 1.000000000e+00 : f32
    %b100112 = arith.mulf %b100110, %b100111 : f32
    linalg.yield %b100112 : f32
  } -> tensor<8x2xf32>
  %r100113 = call @f(%v100002, %v100033, %v100064, %v100095) : (tensor<1x2x5x4xf32>, tensor<1x2x5x4xf32>, tensor<1x2x5x4xf32>, tensor<8x2xf32>) -> (tensor<1x2x5x4xf32>)
  %v100114 = tensor.cast %r100113 : tensor<1x2x5x4xf32> to tensor<*xf32>
  call @printMemrefF32(%v100114) : (tensor<*xf32>) -> ()
  return
}

