// Input of consumer.test: attention between memref arguments, so that the
// whole function compiles to the LLVM dialect.
func.func @attention(%q: memref<1x4x8x16xf32>, %k: memref<1x2x8x16xf32>,
                     %v: memref<1x2x8x16xf32>, %out: memref<1x4x8x16xf32>) {
  %qt = bufferization.to_tensor %q restrict
      : memref<1x4x8x16xf32> to tensor<1x4x8x16xf32>
  %kt = bufferization.to_tensor %k restrict
      : memref<1x2x8x16xf32> to tensor<1x2x8x16xf32>
  %vt = bufferization.to_tensor %v restrict
      : memref<1x2x8x16xf32> to tensor<1x2x8x16xf32>
  %init = tensor.empty() : tensor<1x4x8x16xf32>
  %0 = attn.attention ins(%qt, %kt, %vt : tensor<1x4x8x16xf32>,
                          tensor<1x2x8x16xf32>, tensor<1x2x8x16xf32>)
      outs(%init : tensor<1x4x8x16xf32>) causal = top_left
      -> tensor<1x4x8x16xf32>
  bufferization.materialize_in_destination %0 in restrict writable %out
      : (tensor<1x4x8x16xf32>, memref<1x4x8x16xf32>) -> ()
  return
}
