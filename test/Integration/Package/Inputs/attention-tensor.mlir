// Input of consumer.test for the C tool: attention on tensors.
func.func @attention(%q: tensor<1x4x8x16xf32>, %k: tensor<1x2x8x16xf32>,
                     %v: tensor<1x2x8x16xf32>,
                     %init: tensor<1x4x8x16xf32>) -> tensor<1x4x8x16xf32> {
  %0 = attn.attention ins(%q, %k, %v : tensor<1x4x8x16xf32>,
                          tensor<1x2x8x16xf32>, tensor<1x2x8x16xf32>)
      outs(%init : tensor<1x4x8x16xf32>) causal = top_left
      -> tensor<1x4x8x16xf32>
  return %0 : tensor<1x4x8x16xf32>
}
