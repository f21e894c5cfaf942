// The softmax row max written as a compare and select, as older frontend
// lowerings emit it: `select(x > acc, x, acc)` and `select(x < acc, acc, x)`
// are the max combiner; `select(x < acc, x, acc)` is a min and the chain is
// not attention (left alone).
// RUN: attn-opt %s -split-input-file -attn-fuse-attention | FileCheck %s

// CHECK-LABEL: func.func @max_cmp_select(
// CHECK: attn.attention
func.func @max_cmp_select(%Q0: tensor<2x3x7x5xf32>, %K0: tensor<2x3x9x5xf32>, %V0: tensor<2x3x9x6xf32>) -> tensor<2x3x7x6xf32> {
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
  %t7 = tensor.empty() : tensor<2x3x7xf32>
  %t8 = arith.constant 0xFF800000 : f32
  %t9 = linalg.fill ins(%t8 : f32) outs(%t7 : tensor<2x3x7xf32>) -> tensor<2x3x7xf32>
  %t10 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%t6 : tensor<2x3x7x9xf32>) outs(%t9 : tensor<2x3x7xf32>) {
  ^bb0(%a0: f32, %acc: f32):
    %c = arith.cmpf ogt, %a0, %acc : f32
    %r = arith.select %c, %a0, %acc : f32
    linalg.yield %r : f32
  } -> tensor<2x3x7xf32>
  %t11 = tensor.empty() : tensor<2x3x7x9xf32>
  %t12 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%t6, %t10 : tensor<2x3x7x9xf32>, tensor<2x3x7xf32>) outs(%t11 : tensor<2x3x7x9xf32>) {
  ^bb0(%a0: f32, %a1: f32, %acc: f32):
    %r = arith.subf %a0, %a1 : f32
    linalg.yield %r : f32
  } -> tensor<2x3x7x9xf32>
  %t13 = tensor.empty() : tensor<2x3x7x9xf32>
  %t14 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%t12 : tensor<2x3x7x9xf32>) outs(%t13 : tensor<2x3x7x9xf32>) {
  ^bb0(%a0: f32, %acc: f32):
    %r = math.exp %a0 : f32
    linalg.yield %r : f32
  } -> tensor<2x3x7x9xf32>
  %t15 = tensor.empty() : tensor<2x3x7xf32>
  %t16 = arith.constant 0.0 : f32
  %t17 = linalg.fill ins(%t16 : f32) outs(%t15 : tensor<2x3x7xf32>) -> tensor<2x3x7xf32>
  %t18 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%t14 : tensor<2x3x7x9xf32>) outs(%t17 : tensor<2x3x7xf32>) {
  ^bb0(%a0: f32, %acc: f32):
    %r = arith.addf %a0, %acc : f32
    linalg.yield %r : f32
  } -> tensor<2x3x7xf32>
  %t19 = tensor.empty() : tensor<2x3x7x9xf32>
  %t20 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%t14, %t18 : tensor<2x3x7x9xf32>, tensor<2x3x7xf32>) outs(%t19 : tensor<2x3x7x9xf32>) {
  ^bb0(%a0: f32, %a1: f32, %acc: f32):
    %r = arith.divf %a0, %a1 : f32
    linalg.yield %r : f32
  } -> tensor<2x3x7x9xf32>
  %t21 = tensor.empty() : tensor<2x3x7x6xf32>
  %t22 = arith.constant 0.0 : f32
  %t23 = linalg.fill ins(%t22 : f32) outs(%t21 : tensor<2x3x7x6xf32>) -> tensor<2x3x7x6xf32>
  %t24 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d4)>, affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d4, d3)>, affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%t20, %V0 : tensor<2x3x7x9xf32>, tensor<2x3x9x6xf32>) outs(%t23 : tensor<2x3x7x6xf32>) {
  ^bb0(%a0: f32, %a1: f32, %acc: f32):
    %m = arith.mulf %a0, %a1 : f32
    %r = arith.addf %acc, %m : f32
    linalg.yield %r : f32
  } -> tensor<2x3x7x6xf32>
  return %t24 : tensor<2x3x7x6xf32>
}

// -----

// CHECK-LABEL: func.func @max_cmp_select_swapped(
// CHECK: attn.attention
func.func @max_cmp_select_swapped(%Q0: tensor<2x3x7x5xf32>, %K0: tensor<2x3x9x5xf32>, %V0: tensor<2x3x9x6xf32>) -> tensor<2x3x7x6xf32> {
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
  %t7 = tensor.empty() : tensor<2x3x7xf32>
  %t8 = arith.constant 0xFF800000 : f32
  %t9 = linalg.fill ins(%t8 : f32) outs(%t7 : tensor<2x3x7xf32>) -> tensor<2x3x7xf32>
  %t10 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%t6 : tensor<2x3x7x9xf32>) outs(%t9 : tensor<2x3x7xf32>) {
  ^bb0(%a0: f32, %acc: f32):
    %c = arith.cmpf olt, %a0, %acc : f32
    %r = arith.select %c, %acc, %a0 : f32
    linalg.yield %r : f32
  } -> tensor<2x3x7xf32>
  %t11 = tensor.empty() : tensor<2x3x7x9xf32>
  %t12 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%t6, %t10 : tensor<2x3x7x9xf32>, tensor<2x3x7xf32>) outs(%t11 : tensor<2x3x7x9xf32>) {
  ^bb0(%a0: f32, %a1: f32, %acc: f32):
    %r = arith.subf %a0, %a1 : f32
    linalg.yield %r : f32
  } -> tensor<2x3x7x9xf32>
  %t13 = tensor.empty() : tensor<2x3x7x9xf32>
  %t14 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%t12 : tensor<2x3x7x9xf32>) outs(%t13 : tensor<2x3x7x9xf32>) {
  ^bb0(%a0: f32, %acc: f32):
    %r = math.exp %a0 : f32
    linalg.yield %r : f32
  } -> tensor<2x3x7x9xf32>
  %t15 = tensor.empty() : tensor<2x3x7xf32>
  %t16 = arith.constant 0.0 : f32
  %t17 = linalg.fill ins(%t16 : f32) outs(%t15 : tensor<2x3x7xf32>) -> tensor<2x3x7xf32>
  %t18 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%t14 : tensor<2x3x7x9xf32>) outs(%t17 : tensor<2x3x7xf32>) {
  ^bb0(%a0: f32, %acc: f32):
    %r = arith.addf %a0, %acc : f32
    linalg.yield %r : f32
  } -> tensor<2x3x7xf32>
  %t19 = tensor.empty() : tensor<2x3x7x9xf32>
  %t20 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%t14, %t18 : tensor<2x3x7x9xf32>, tensor<2x3x7xf32>) outs(%t19 : tensor<2x3x7x9xf32>) {
  ^bb0(%a0: f32, %a1: f32, %acc: f32):
    %r = arith.divf %a0, %a1 : f32
    linalg.yield %r : f32
  } -> tensor<2x3x7x9xf32>
  %t21 = tensor.empty() : tensor<2x3x7x6xf32>
  %t22 = arith.constant 0.0 : f32
  %t23 = linalg.fill ins(%t22 : f32) outs(%t21 : tensor<2x3x7x6xf32>) -> tensor<2x3x7x6xf32>
  %t24 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d4)>, affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d4, d3)>, affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%t20, %V0 : tensor<2x3x7x9xf32>, tensor<2x3x9x6xf32>) outs(%t23 : tensor<2x3x7x6xf32>) {
  ^bb0(%a0: f32, %a1: f32, %acc: f32):
    %m = arith.mulf %a0, %a1 : f32
    %r = arith.addf %acc, %m : f32
    linalg.yield %r : f32
  } -> tensor<2x3x7x6xf32>
  return %t24 : tensor<2x3x7x6xf32>
}

// -----

// CHECK-LABEL: func.func @min_cmp_select(
// CHECK-NOT: attn.attention
func.func @min_cmp_select(%Q0: tensor<2x3x7x5xf32>, %K0: tensor<2x3x9x5xf32>, %V0: tensor<2x3x9x6xf32>) -> tensor<2x3x7x6xf32> {
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
  %t7 = tensor.empty() : tensor<2x3x7xf32>
  %t8 = arith.constant 0xFF800000 : f32
  %t9 = linalg.fill ins(%t8 : f32) outs(%t7 : tensor<2x3x7xf32>) -> tensor<2x3x7xf32>
  %t10 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%t6 : tensor<2x3x7x9xf32>) outs(%t9 : tensor<2x3x7xf32>) {
  ^bb0(%a0: f32, %acc: f32):
    %c = arith.cmpf olt, %a0, %acc : f32
    %r = arith.select %c, %a0, %acc : f32
    linalg.yield %r : f32
  } -> tensor<2x3x7xf32>
  %t11 = tensor.empty() : tensor<2x3x7x9xf32>
  %t12 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%t6, %t10 : tensor<2x3x7x9xf32>, tensor<2x3x7xf32>) outs(%t11 : tensor<2x3x7x9xf32>) {
  ^bb0(%a0: f32, %a1: f32, %acc: f32):
    %r = arith.subf %a0, %a1 : f32
    linalg.yield %r : f32
  } -> tensor<2x3x7x9xf32>
  %t13 = tensor.empty() : tensor<2x3x7x9xf32>
  %t14 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%t12 : tensor<2x3x7x9xf32>) outs(%t13 : tensor<2x3x7x9xf32>) {
  ^bb0(%a0: f32, %acc: f32):
    %r = math.exp %a0 : f32
    linalg.yield %r : f32
  } -> tensor<2x3x7x9xf32>
  %t15 = tensor.empty() : tensor<2x3x7xf32>
  %t16 = arith.constant 0.0 : f32
  %t17 = linalg.fill ins(%t16 : f32) outs(%t15 : tensor<2x3x7xf32>) -> tensor<2x3x7xf32>
  %t18 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%t14 : tensor<2x3x7x9xf32>) outs(%t17 : tensor<2x3x7xf32>) {
  ^bb0(%a0: f32, %acc: f32):
    %r = arith.addf %a0, %acc : f32
    linalg.yield %r : f32
  } -> tensor<2x3x7xf32>
  %t19 = tensor.empty() : tensor<2x3x7x9xf32>
  %t20 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%t14, %t18 : tensor<2x3x7x9xf32>, tensor<2x3x7xf32>) outs(%t19 : tensor<2x3x7x9xf32>) {
  ^bb0(%a0: f32, %a1: f32, %acc: f32):
    %r = arith.divf %a0, %a1 : f32
    linalg.yield %r : f32
  } -> tensor<2x3x7x9xf32>
  %t21 = tensor.empty() : tensor<2x3x7x6xf32>
  %t22 = arith.constant 0.0 : f32
  %t23 = linalg.fill ins(%t22 : f32) outs(%t21 : tensor<2x3x7x6xf32>) -> tensor<2x3x7x6xf32>
  %t24 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d4)>, affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d4, d3)>, affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%t20, %V0 : tensor<2x3x7x9xf32>, tensor<2x3x9x6xf32>) outs(%t23 : tensor<2x3x7x6xf32>) {
  ^bb0(%a0: f32, %a1: f32, %acc: f32):
    %m = arith.mulf %a0, %a1 : f32
    %r = arith.addf %acc, %m : f32
    linalg.yield %r : f32
  } -> tensor<2x3x7x6xf32>
  return %t24 : tensor<2x3x7x6xf32>
}
