// Index conditions of a select mask written other ways than `j <= i`:
// `j <= i + c` (c = Skv - Sq: bottom-right causal) and `j - i <= 0` against
// a constant (top-left causal) normalise to the same bands. An unsigned
// comparison of a difference (`j - i ule 0` keeps only j == i) is no band:
// it becomes a dense mask (attn-fuse-attention-dense-index.mlir).
// RUN: attn-opt %s -split-input-file -attn-fuse-attention | FileCheck %s

// CHECK-LABEL: func.func @idx_j_sle_ip2_bottom
// CHECK: attn.attention
// CHECK-SAME: causal = bottom_right
func.func @idx_j_sle_ip2_bottom(%Q0: tensor<2x3x7x5xf32>, %K0: tensor<2x3x9x5xf32>, %V0: tensor<2x3x9x6xf32>) -> tensor<2x3x7x6xf32> {
  %t1 = tensor.empty() : tensor<2x3x7x9xf32>
  %t2 = arith.constant 0.0 : f32
  %t3 = linalg.fill ins(%t2 : f32) outs(%t1 : tensor<2x3x7x9xf32>) -> tensor<2x3x7x9xf32>
  %t4 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d4)>, affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d3, d4)>, affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%Q0, %K0 : tensor<2x3x7x5xf32>, tensor<2x3x9x5xf32>) outs(%t3 : tensor<2x3x7x9xf32>) {
  ^bb0(%a0: f32, %a1: f32, %acc: f32):
    %m = arith.mulf %a0, %a1 : f32
    %r = arith.addf %acc, %m : f32
    linalg.yield %r : f32
  } -> tensor<2x3x7x9xf32>
  %t5 = tensor.empty() : tensor<2x3x7x9xf32>
  %t6 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%t4 : tensor<2x3x7x9xf32>) outs(%t5 : tensor<2x3x7x9xf32>) {
  ^bb0(%a0: f32, %acc: f32):
    %c = arith.constant 0.4472136 : f32
    %r = arith.mulf %a0, %c : f32
    linalg.yield %r : f32
  } -> tensor<2x3x7x9xf32>
  %t7 = tensor.empty() : tensor<2x3x7x9xf32>
  %t8 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%t6 : tensor<2x3x7x9xf32>) outs(%t7 : tensor<2x3x7x9xf32>) {
  ^bb0(%a0: f32, %acc: f32):
    %i = linalg.index 2 : index
    %j = linalg.index 3 : index
    %c2 = arith.constant 2 : index
    %i1 = arith.addi %i, %c2 : index
    %keep = arith.cmpi sle, %j, %i1 : index
    %n = arith.constant 0xFF800000 : f32
    %r = arith.select %keep, %a0, %n : f32
    linalg.yield %r : f32
  } -> tensor<2x3x7x9xf32>
  %t9 = tensor.empty() : tensor<2x3x7xf32>
  %t10 = arith.constant 0xFF800000 : f32
  %t11 = linalg.fill ins(%t10 : f32) outs(%t9 : tensor<2x3x7xf32>) -> tensor<2x3x7xf32>
  %t12 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%t8 : tensor<2x3x7x9xf32>) outs(%t11 : tensor<2x3x7xf32>) {
  ^bb0(%a0: f32, %acc: f32):
    %r = arith.maximumf %a0, %acc : f32
    linalg.yield %r : f32
  } -> tensor<2x3x7xf32>
  %t13 = tensor.empty() : tensor<2x3x7x9xf32>
  %t14 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%t8, %t12 : tensor<2x3x7x9xf32>, tensor<2x3x7xf32>) outs(%t13 : tensor<2x3x7x9xf32>) {
  ^bb0(%a0: f32, %a1: f32, %acc: f32):
    %r = arith.subf %a0, %a1 : f32
    linalg.yield %r : f32
  } -> tensor<2x3x7x9xf32>
  %t15 = tensor.empty() : tensor<2x3x7x9xf32>
  %t16 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%t14 : tensor<2x3x7x9xf32>) outs(%t15 : tensor<2x3x7x9xf32>) {
  ^bb0(%a0: f32, %acc: f32):
    %r = math.exp %a0 : f32
    linalg.yield %r : f32
  } -> tensor<2x3x7x9xf32>
  %t17 = tensor.empty() : tensor<2x3x7xf32>
  %t18 = arith.constant 0.0 : f32
  %t19 = linalg.fill ins(%t18 : f32) outs(%t17 : tensor<2x3x7xf32>) -> tensor<2x3x7xf32>
  %t20 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%t16 : tensor<2x3x7x9xf32>) outs(%t19 : tensor<2x3x7xf32>) {
  ^bb0(%a0: f32, %acc: f32):
    %r = arith.addf %a0, %acc : f32
    linalg.yield %r : f32
  } -> tensor<2x3x7xf32>
  %t21 = tensor.empty() : tensor<2x3x7x9xf32>
  %t22 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%t16, %t20 : tensor<2x3x7x9xf32>, tensor<2x3x7xf32>) outs(%t21 : tensor<2x3x7x9xf32>) {
  ^bb0(%a0: f32, %a1: f32, %acc: f32):
    %r = arith.divf %a0, %a1 : f32
    linalg.yield %r : f32
  } -> tensor<2x3x7x9xf32>
  %t23 = tensor.empty() : tensor<2x3x7x6xf32>
  %t24 = arith.constant 0.0 : f32
  %t25 = linalg.fill ins(%t24 : f32) outs(%t23 : tensor<2x3x7x6xf32>) -> tensor<2x3x7x6xf32>
  %t26 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d4)>, affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d4, d3)>, affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%t22, %V0 : tensor<2x3x7x9xf32>, tensor<2x3x9x6xf32>) outs(%t25 : tensor<2x3x7x6xf32>) {
  ^bb0(%a0: f32, %a1: f32, %acc: f32):
    %m = arith.mulf %a0, %a1 : f32
    %r = arith.addf %acc, %m : f32
    linalg.yield %r : f32
  } -> tensor<2x3x7x6xf32>
  return %t26 : tensor<2x3x7x6xf32>
}

// -----

// CHECK-LABEL: func.func @idx_diff_sle0_keep
// CHECK: attn.attention
// CHECK-SAME: causal = top_left
func.func @idx_diff_sle0_keep(%Q0: tensor<2x3x7x5xf32>, %K0: tensor<2x3x9x5xf32>, %V0: tensor<2x3x9x6xf32>) -> tensor<2x3x7x6xf32> {
  %t1 = tensor.empty() : tensor<2x3x7x9xf32>
  %t2 = arith.constant 0.0 : f32
  %t3 = linalg.fill ins(%t2 : f32) outs(%t1 : tensor<2x3x7x9xf32>) -> tensor<2x3x7x9xf32>
  %t4 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d4)>, affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d3, d4)>, affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%Q0, %K0 : tensor<2x3x7x5xf32>, tensor<2x3x9x5xf32>) outs(%t3 : tensor<2x3x7x9xf32>) {
  ^bb0(%a0: f32, %a1: f32, %acc: f32):
    %m = arith.mulf %a0, %a1 : f32
    %r = arith.addf %acc, %m : f32
    linalg.yield %r : f32
  } -> tensor<2x3x7x9xf32>
  %t5 = tensor.empty() : tensor<2x3x7x9xf32>
  %t6 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%t4 : tensor<2x3x7x9xf32>) outs(%t5 : tensor<2x3x7x9xf32>) {
  ^bb0(%a0: f32, %acc: f32):
    %c = arith.constant 0.4472136 : f32
    %r = arith.mulf %a0, %c : f32
    linalg.yield %r : f32
  } -> tensor<2x3x7x9xf32>
  %t7 = tensor.empty() : tensor<2x3x7x9xf32>
  %t8 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%t6 : tensor<2x3x7x9xf32>) outs(%t7 : tensor<2x3x7x9xf32>) {
  ^bb0(%a0: f32, %acc: f32):
    %i = linalg.index 2 : index
    %j = linalg.index 3 : index
    %d = arith.subi %j, %i : index
    %c0 = arith.constant 0 : index
    %keep = arith.cmpi sle, %d, %c0 : index
    %n = arith.constant 0xFF800000 : f32
    %r = arith.select %keep, %a0, %n : f32
    linalg.yield %r : f32
  } -> tensor<2x3x7x9xf32>
  %t9 = tensor.empty() : tensor<2x3x7xf32>
  %t10 = arith.constant 0xFF800000 : f32
  %t11 = linalg.fill ins(%t10 : f32) outs(%t9 : tensor<2x3x7xf32>) -> tensor<2x3x7xf32>
  %t12 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%t8 : tensor<2x3x7x9xf32>) outs(%t11 : tensor<2x3x7xf32>) {
  ^bb0(%a0: f32, %acc: f32):
    %r = arith.maximumf %a0, %acc : f32
    linalg.yield %r : f32
  } -> tensor<2x3x7xf32>
  %t13 = tensor.empty() : tensor<2x3x7x9xf32>
  %t14 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%t8, %t12 : tensor<2x3x7x9xf32>, tensor<2x3x7xf32>) outs(%t13 : tensor<2x3x7x9xf32>) {
  ^bb0(%a0: f32, %a1: f32, %acc: f32):
    %r = arith.subf %a0, %a1 : f32
    linalg.yield %r : f32
  } -> tensor<2x3x7x9xf32>
  %t15 = tensor.empty() : tensor<2x3x7x9xf32>
  %t16 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%t14 : tensor<2x3x7x9xf32>) outs(%t15 : tensor<2x3x7x9xf32>) {
  ^bb0(%a0: f32, %acc: f32):
    %r = math.exp %a0 : f32
    linalg.yield %r : f32
  } -> tensor<2x3x7x9xf32>
  %t17 = tensor.empty() : tensor<2x3x7xf32>
  %t18 = arith.constant 0.0 : f32
  %t19 = linalg.fill ins(%t18 : f32) outs(%t17 : tensor<2x3x7xf32>) -> tensor<2x3x7xf32>
  %t20 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%t16 : tensor<2x3x7x9xf32>) outs(%t19 : tensor<2x3x7xf32>) {
  ^bb0(%a0: f32, %acc: f32):
    %r = arith.addf %a0, %acc : f32
    linalg.yield %r : f32
  } -> tensor<2x3x7xf32>
  %t21 = tensor.empty() : tensor<2x3x7x9xf32>
  %t22 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%t16, %t20 : tensor<2x3x7x9xf32>, tensor<2x3x7xf32>) outs(%t21 : tensor<2x3x7x9xf32>) {
  ^bb0(%a0: f32, %a1: f32, %acc: f32):
    %r = arith.divf %a0, %a1 : f32
    linalg.yield %r : f32
  } -> tensor<2x3x7x9xf32>
  %t23 = tensor.empty() : tensor<2x3x7x6xf32>
  %t24 = arith.constant 0.0 : f32
  %t25 = linalg.fill ins(%t24 : f32) outs(%t23 : tensor<2x3x7x6xf32>) -> tensor<2x3x7x6xf32>
  %t26 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d4)>, affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d4, d3)>, affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%t22, %V0 : tensor<2x3x7x9xf32>, tensor<2x3x9x6xf32>) outs(%t25 : tensor<2x3x7x6xf32>) {
  ^bb0(%a0: f32, %a1: f32, %acc: f32):
    %m = arith.mulf %a0, %a1 : f32
    %r = arith.addf %acc, %m : f32
    linalg.yield %r : f32
  } -> tensor<2x3x7x6xf32>
  return %t26 : tensor<2x3x7x6xf32>
}
