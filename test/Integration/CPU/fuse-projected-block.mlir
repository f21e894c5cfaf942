// Executed check of attn-fuse-attention on a whole torch-mlir style
// transformer block: x @ Wq, x @ Wk, x @ Wv projections (linalg.matmul),
// heads split by expand_shape + linalg.transpose, the batch_matmul / softmax
// chain, heads merged and an output projection. V comes out of a projection
// matmul (the chain must stop there and read it as V, not take the
// projection for the score contraction). The fused and unfused programs must
// print the same numbers.
// RUN: attn-opt %s -attn-fuse-attention | FileCheck %s
// RUN: attn-opt %s -attn-cpu-pipeline="fuse=false" | mlir-runner -e main -entry-point-result=void -shared-libs=%runner_libs > %t.ref
// RUN: attn-opt %s -attn-cpu-pipeline="fuse=true" | mlir-runner -e main -entry-point-result=void -shared-libs=%runner_libs > %t.fused
// RUN: %python %attn_src/test/lib/compare_outputs.py %t.ref %t.fused --rtol 1e-4 --atol 1e-5

// CHECK-LABEL: func.func @model
// CHECK-COUNT-3: linalg.matmul
// CHECK: attn.attention
// CHECK-NOT: linalg.softmax
// CHECK: linalg.matmul

func.func @model(%arg0: tensor<1x4x8xf32>, %arg1: tensor<8x8xf32>, %arg2: tensor<8x8xf32>, %arg3: tensor<8x8xf32>, %arg4: tensor<8x8xf32>) -> (tensor<1x4x8xf32>) {
  %v1 = tensor.collapse_shape %arg0 [[0, 1], [2]] : tensor<1x4x8xf32> into tensor<4x8xf32>
  %v2 = arith.constant 0.0 : f32
  %v3 = tensor.empty() : tensor<4x8xf32>
  %v4 = linalg.fill ins(%v2 : f32) outs(%v3 : tensor<4x8xf32>) -> tensor<4x8xf32>
  %v5 = linalg.matmul ins(%v1, %arg1 : tensor<4x8xf32>, tensor<8x8xf32>) outs(%v4 : tensor<4x8xf32>) -> tensor<4x8xf32>
  %v6 = tensor.expand_shape %v5 [[0, 1], [2, 3]] output_shape [1, 4, 2, 4] : tensor<4x8xf32> into tensor<1x4x2x4xf32>
  %v7 = tensor.empty() : tensor<1x2x4x4xf32>
  %v8 = linalg.transpose ins(%v6 : tensor<1x4x2x4xf32>) outs(%v7 : tensor<1x2x4x4xf32>) permutation = [0, 2, 1, 3]
  %v9 = tensor.collapse_shape %arg0 [[0, 1], [2]] : tensor<1x4x8xf32> into tensor<4x8xf32>
  %v10 = arith.constant 0.0 : f32
  %v11 = tensor.empty() : tensor<4x8xf32>
  %v12 = linalg.fill ins(%v10 : f32) outs(%v11 : tensor<4x8xf32>) -> tensor<4x8xf32>
  %v13 = linalg.matmul ins(%v9, %arg2 : tensor<4x8xf32>, tensor<8x8xf32>) outs(%v12 : tensor<4x8xf32>) -> tensor<4x8xf32>
  %v14 = tensor.expand_shape %v13 [[0, 1], [2, 3]] output_shape [1, 4, 2, 4] : tensor<4x8xf32> into tensor<1x4x2x4xf32>
  %v15 = tensor.empty() : tensor<1x2x4x4xf32>
  %v16 = linalg.transpose ins(%v14 : tensor<1x4x2x4xf32>) outs(%v15 : tensor<1x2x4x4xf32>) permutation = [0, 2, 1, 3]
  %v17 = tensor.collapse_shape %arg0 [[0, 1], [2]] : tensor<1x4x8xf32> into tensor<4x8xf32>
  %v18 = arith.constant 0.0 : f32
  %v19 = tensor.empty() : tensor<4x8xf32>
  %v20 = linalg.fill ins(%v18 : f32) outs(%v19 : tensor<4x8xf32>) -> tensor<4x8xf32>
  %v21 = linalg.matmul ins(%v17, %arg3 : tensor<4x8xf32>, tensor<8x8xf32>) outs(%v20 : tensor<4x8xf32>) -> tensor<4x8xf32>
  %v22 = tensor.expand_shape %v21 [[0, 1], [2, 3]] output_shape [1, 4, 2, 4] : tensor<4x8xf32> into tensor<1x4x2x4xf32>
  %v23 = tensor.empty() : tensor<1x2x4x4xf32>
  %v24 = linalg.transpose ins(%v22 : tensor<1x4x2x4xf32>) outs(%v23 : tensor<1x2x4x4xf32>) permutation = [0, 2, 1, 3]
  %v25 = tensor.empty() : tensor<1x2x4x4xf32>
  %v26 = linalg.transpose ins(%v16 : tensor<1x2x4x4xf32>) outs(%v25 : tensor<1x2x4x4xf32>) permutation = [0, 1, 3, 2]
  %v27 = tensor.collapse_shape %v8 [[0, 1], [2], [3]] : tensor<1x2x4x4xf32> into tensor<2x4x4xf32>
  %v28 = tensor.collapse_shape %v26 [[0, 1], [2], [3]] : tensor<1x2x4x4xf32> into tensor<2x4x4xf32>
  %v29 = arith.constant 0.0 : f32
  %v30 = tensor.empty() : tensor<2x4x4xf32>
  %v31 = linalg.fill ins(%v29 : f32) outs(%v30 : tensor<2x4x4xf32>) -> tensor<2x4x4xf32>
  %v32 = linalg.batch_matmul ins(%v27, %v28 : tensor<2x4x4xf32>, tensor<2x4x4xf32>) outs(%v31 : tensor<2x4x4xf32>) -> tensor<2x4x4xf32>
  %v33 = tensor.expand_shape %v32 [[0, 1], [2], [3]] output_shape [1, 2, 4, 4] : tensor<2x4x4xf32> into tensor<1x2x4x4xf32>
  %v34 = arith.constant 4.0 : f32
  %v35 = math.sqrt %v34 : f32
  %v36 = tensor.empty() : tensor<1x2x4x4xf32>
  %v37 = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>,affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>], iterator_types = ["parallel","parallel","parallel","parallel"]} ins(%v33 : tensor<1x2x4x4xf32>) outs(%v36 : tensor<1x2x4x4xf32>) {
  ^bb0(%a0: f32, %a1: f32):
    %r = arith.divf %a0, %v35 : f32
    linalg.yield %r : f32
  } -> tensor<1x2x4x4xf32>
  %v38 = arith.constant 0xFF800000 : f32
  %v39 = tensor.empty() : tensor<1x2x4xf32>
  %v40 = linalg.fill ins(%v38 : f32) outs(%v39 : tensor<1x2x4xf32>) -> tensor<1x2x4xf32>
  %v41 = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>,affine_map<(d0,d1,d2,d3) -> (d0,d1,d2)>], iterator_types = ["parallel","parallel","parallel","reduction"]} ins(%v37 : tensor<1x2x4x4xf32>) outs(%v40 : tensor<1x2x4xf32>) {
  ^bb0(%a0: f32, %a1: f32):
    %r = arith.maximumf %a0, %a1 : f32
    linalg.yield %r : f32
  } -> tensor<1x2x4xf32>
  %v42 = tensor.expand_shape %v41 [[0], [1], [2, 3]] output_shape [1, 2, 4, 1] : tensor<1x2x4xf32> into tensor<1x2x4x1xf32>
  %v43 = tensor.empty() : tensor<1x2x4x4xf32>
  %v44 = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>,affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,0)>,affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>], iterator_types = ["parallel","parallel","parallel","parallel"]} ins(%v37, %v42 : tensor<1x2x4x4xf32>, tensor<1x2x4x1xf32>) outs(%v43 : tensor<1x2x4x4xf32>) {
  ^bb0(%a0: f32, %a1: f32, %a2: f32):
    %r = arith.subf %a0, %a1 : f32
    linalg.yield %r : f32
  } -> tensor<1x2x4x4xf32>
  %v45 = tensor.empty() : tensor<1x2x4x4xf32>
  %v46 = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>,affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>], iterator_types = ["parallel","parallel","parallel","parallel"]} ins(%v44 : tensor<1x2x4x4xf32>) outs(%v45 : tensor<1x2x4x4xf32>) {
  ^bb0(%a0: f32, %a1: f32):
    %r = math.exp %a0 : f32
    linalg.yield %r : f32
  } -> tensor<1x2x4x4xf32>
  %v47 = arith.constant 0.0 : f32
  %v48 = tensor.empty() : tensor<1x2x4xf32>
  %v49 = linalg.fill ins(%v47 : f32) outs(%v48 : tensor<1x2x4xf32>) -> tensor<1x2x4xf32>
  %v50 = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>,affine_map<(d0,d1,d2,d3) -> (d0,d1,d2)>], iterator_types = ["parallel","parallel","parallel","reduction"]} ins(%v46 : tensor<1x2x4x4xf32>) outs(%v49 : tensor<1x2x4xf32>) {
  ^bb0(%a0: f32, %a1: f32):
    %r = arith.addf %a0, %a1 : f32
    linalg.yield %r : f32
  } -> tensor<1x2x4xf32>
  %v51 = tensor.expand_shape %v50 [[0], [1], [2, 3]] output_shape [1, 2, 4, 1] : tensor<1x2x4xf32> into tensor<1x2x4x1xf32>
  %v52 = tensor.empty() : tensor<1x2x4x4xf32>
  %v53 = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>,affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,0)>,affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>], iterator_types = ["parallel","parallel","parallel","parallel"]} ins(%v46, %v51 : tensor<1x2x4x4xf32>, tensor<1x2x4x1xf32>) outs(%v52 : tensor<1x2x4x4xf32>) {
  ^bb0(%a0: f32, %a1: f32, %a2: f32):
    %r = arith.divf %a0, %a1 : f32
    linalg.yield %r : f32
  } -> tensor<1x2x4x4xf32>
  %v54 = tensor.collapse_shape %v53 [[0, 1], [2], [3]] : tensor<1x2x4x4xf32> into tensor<2x4x4xf32>
  %v55 = tensor.collapse_shape %v24 [[0, 1], [2], [3]] : tensor<1x2x4x4xf32> into tensor<2x4x4xf32>
  %v56 = arith.constant 0.0 : f32
  %v57 = tensor.empty() : tensor<2x4x4xf32>
  %v58 = linalg.fill ins(%v56 : f32) outs(%v57 : tensor<2x4x4xf32>) -> tensor<2x4x4xf32>
  %v59 = linalg.batch_matmul ins(%v54, %v55 : tensor<2x4x4xf32>, tensor<2x4x4xf32>) outs(%v58 : tensor<2x4x4xf32>) -> tensor<2x4x4xf32>
  %v60 = tensor.expand_shape %v59 [[0, 1], [2], [3]] output_shape [1, 2, 4, 4] : tensor<2x4x4xf32> into tensor<1x2x4x4xf32>
  %v61 = tensor.empty() : tensor<1x4x2x4xf32>
  %v62 = linalg.transpose ins(%v60 : tensor<1x2x4x4xf32>) outs(%v61 : tensor<1x4x2x4xf32>) permutation = [0, 2, 1, 3]
  %v63 = tensor.collapse_shape %v62 [[0, 1], [2, 3]] : tensor<1x4x2x4xf32> into tensor<4x8xf32>
  %v64 = arith.constant 0.0 : f32
  %v65 = tensor.empty() : tensor<4x8xf32>
  %v66 = linalg.fill ins(%v64 : f32) outs(%v65 : tensor<4x8xf32>) -> tensor<4x8xf32>
  %v67 = linalg.matmul ins(%v63, %arg4 : tensor<4x8xf32>, tensor<8x8xf32>) outs(%v66 : tensor<4x8xf32>) -> tensor<4x8xf32>
  %v68 = tensor.expand_shape %v67 [[0, 1], [2]] output_shape [1, 4, 8] : tensor<4x8xf32> into tensor<1x4x8xf32>
  %v69 = tensor.empty() : tensor<1x4x8xf32>
  %v70 = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2) -> (d0,d1,d2)>,affine_map<(d0,d1,d2) -> (d0,d1,d2)>,affine_map<(d0,d1,d2) -> (d0,d1,d2)>], iterator_types = ["parallel","parallel","parallel"]} ins(%v68, %arg0 : tensor<1x4x8xf32>, tensor<1x4x8xf32>) outs(%v69 : tensor<1x4x8xf32>) {
  ^bb0(%a0: f32, %a1: f32, %a2: f32):
    %r = arith.addf %a0, %a1 : f32
    linalg.yield %r : f32
  } -> tensor<1x4x8xf32>
  return %v70 : tensor<1x4x8xf32>
}
func.func private @printMemrefF32(tensor<*xf32>)
func.func @main() {
  %v100001 = tensor.empty() : tensor<1x4x8xf32>
  %v100002 = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2) -> (d0,d1,d2)>], iterator_types = ["parallel","parallel","parallel"]} outs(%v100001 : tensor<1x4x8xf32>) {
  ^bb0(%a0: f32):
    %i0 = linalg.index 0 : index
    %j0 = arith.index_cast %i0 : index to i64
    %f0 = arith.sitofp %j0 : i64 to f32
    %c0 = arith.constant 0.37 : f32
    %m0 = arith.mulf %f0, %c0 : f32
    %i1 = linalg.index 1 : index
    %j1 = arith.index_cast %i1 : index to i64
    %f1 = arith.sitofp %j1 : i64 to f32
    %c1 = arith.constant 1.521 : f32
    %m1 = arith.mulf %f1, %c1 : f32
    %s1 = arith.addf %m0, %m1 : f32
    %i2 = linalg.index 2 : index
    %j2 = arith.index_cast %i2 : index to i64
    %f2 = arith.sitofp %j2 : i64 to f32
    %c2 = arith.constant 0.9514 : f32
    %m2 = arith.mulf %f2, %c2 : f32
    %s2 = arith.addf %s1, %m2 : f32
    %sd = arith.constant 0.1 : f32
    %t = arith.addf %s2, %sd : f32
    %y = math.sin %t : f32
    %sc = arith.constant 1.0 : f32
    %z = arith.mulf %y, %sc : f32
    linalg.yield %z : f32
  } -> tensor<1x4x8xf32>
  %v100003 = tensor.empty() : tensor<8x8xf32>
  %v100004 = linalg.generic {indexing_maps = [affine_map<(d0,d1) -> (d0,d1)>], iterator_types = ["parallel","parallel"]} outs(%v100003 : tensor<8x8xf32>) {
  ^bb0(%a0: f32):
    %i0 = linalg.index 0 : index
    %j0 = arith.index_cast %i0 : index to i64
    %f0 = arith.sitofp %j0 : i64 to f32
    %c0 = arith.constant 0.37 : f32
    %m0 = arith.mulf %f0, %c0 : f32
    %i1 = linalg.index 1 : index
    %j1 = arith.index_cast %i1 : index to i64
    %f1 = arith.sitofp %j1 : i64 to f32
    %c1 = arith.constant 1.521 : f32
    %m1 = arith.mulf %f1, %c1 : f32
    %s1 = arith.addf %m0, %m1 : f32
    %sd = arith.constant 1.1 : f32
    %t = arith.addf %s1, %sd : f32
    %y = math.sin %t : f32
    %sc = arith.constant 0.35 : f32
    %z = arith.mulf %y, %sc : f32
    linalg.yield %z : f32
  } -> tensor<8x8xf32>
  %v100005 = tensor.empty() : tensor<8x8xf32>
  %v100006 = linalg.generic {indexing_maps = [affine_map<(d0,d1) -> (d0,d1)>], iterator_types = ["parallel","parallel"]} outs(%v100005 : tensor<8x8xf32>) {
  ^bb0(%a0: f32):
    %i0 = linalg.index 0 : index
    %j0 = arith.index_cast %i0 : index to i64
    %f0 = arith.sitofp %j0 : i64 to f32
    %c0 = arith.constant 0.37 : f32
    %m0 = arith.mulf %f0, %c0 : f32
    %i1 = linalg.index 1 : index
    %j1 = arith.index_cast %i1 : index to i64
    %f1 = arith.sitofp %j1 : i64 to f32
    %c1 = arith.constant 1.521 : f32
    %m1 = arith.mulf %f1, %c1 : f32
    %s1 = arith.addf %m0, %m1 : f32
    %sd = arith.constant 1.4000000000000001 : f32
    %t = arith.addf %s1, %sd : f32
    %y = math.sin %t : f32
    %sc = arith.constant 0.35 : f32
    %z = arith.mulf %y, %sc : f32
    linalg.yield %z : f32
  } -> tensor<8x8xf32>
  %v100007 = tensor.empty() : tensor<8x8xf32>
  %v100008 = linalg.generic {indexing_maps = [affine_map<(d0,d1) -> (d0,d1)>], iterator_types = ["parallel","parallel"]} outs(%v100007 : tensor<8x8xf32>) {
  ^bb0(%a0: f32):
    %i0 = linalg.index 0 : index
    %j0 = arith.index_cast %i0 : index to i64
    %f0 = arith.sitofp %j0 : i64 to f32
    %c0 = arith.constant 0.37 : f32
    %m0 = arith.mulf %f0, %c0 : f32
    %i1 = linalg.index 1 : index
    %j1 = arith.index_cast %i1 : index to i64
    %f1 = arith.sitofp %j1 : i64 to f32
    %c1 = arith.constant 1.521 : f32
    %m1 = arith.mulf %f1, %c1 : f32
    %s1 = arith.addf %m0, %m1 : f32
    %sd = arith.constant 1.7000000000000002 : f32
    %t = arith.addf %s1, %sd : f32
    %y = math.sin %t : f32
    %sc = arith.constant 0.35 : f32
    %z = arith.mulf %y, %sc : f32
    linalg.yield %z : f32
  } -> tensor<8x8xf32>
  %v100009 = tensor.empty() : tensor<8x8xf32>
  %v100010 = linalg.generic {indexing_maps = [affine_map<(d0,d1) -> (d0,d1)>], iterator_types = ["parallel","parallel"]} outs(%v100009 : tensor<8x8xf32>) {
  ^bb0(%a0: f32):
    %i0 = linalg.index 0 : index
    %j0 = arith.index_cast %i0 : index to i64
    %f0 = arith.sitofp %j0 : i64 to f32
    %c0 = arith.constant 0.37 : f32
    %m0 = arith.mulf %f0, %c0 : f32
    %i1 = linalg.index 1 : index
    %j1 = arith.index_cast %i1 : index to i64
    %f1 = arith.sitofp %j1 : i64 to f32
    %c1 = arith.constant 1.521 : f32
    %m1 = arith.mulf %f1, %c1 : f32
    %s1 = arith.addf %m0, %m1 : f32
    %sd = arith.constant 2.0 : f32
    %t = arith.addf %s1, %sd : f32
    %y = math.sin %t : f32
    %sc = arith.constant 0.35 : f32
    %z = arith.mulf %y, %sc : f32
    linalg.yield %z : f32
  } -> tensor<8x8xf32>
  %r0 = call @model(%v100002, %v100004, %v100006, %v100008, %v100010) : (tensor<1x4x8xf32>, tensor<8x8xf32>, tensor<8x8xf32>, tensor<8x8xf32>, tensor<8x8xf32>) -> (tensor<1x4x8xf32>)
  %v100011 = tensor.cast %r0 : tensor<1x4x8xf32> to tensor<*xf32>
  call @printMemrefF32(%v100011) : (tensor<*xf32>) -> ()
  return
}
