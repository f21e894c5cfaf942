// RUN: attn-opt %s -split-input-file -verify-diagnostics

// Every message of the attn.attention verifier and of its parser, plus
// malformed input (unranked, memref and vector operands, wrong operand and
// result counts in the generic form, bad attribute kinds) that must end in a
// diagnostic, never in a crash. One case per split.

func.func @query_rank(%q: tensor<2x4x16xf32>, %k: tensor<2x4x24x32xf32>, %v: tensor<2x4x24x32xf32>, %o: tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf32> {
  // expected-error @+1 {{operand 'query' must have rank 4 ([B, Hq, Sq, D] for layout bhsd), but has rank 3 ('tensor<2x4x16xf32>')}}
  %0 = attn.attention ins(%q, %k, %v : tensor<2x4x16xf32>, tensor<2x4x24x32xf32>, tensor<2x4x24x32xf32>) outs(%o : tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf32>
  return %0 : tensor<2x4x16x32xf32>
}

// -----

func.func @key_rank(%q: tensor<2x4x16x32xf32>, %k: tensor<2x4x24x32x1xf32>, %v: tensor<2x4x24x32xf32>, %o: tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf32> {
  // expected-error @+1 {{operand 'key' must have rank 4 ([B, Skv, Hkv, D] for layout bshd), but has rank 5 ('tensor<2x4x24x32x1xf32>')}}
  %0 = attn.attention ins(%q, %k, %v : tensor<2x4x16x32xf32>, tensor<2x4x24x32x1xf32>, tensor<2x4x24x32xf32>) outs(%o : tensor<2x4x16x32xf32>) layout = bshd -> tensor<2x4x16x32xf32>
  return %0 : tensor<2x4x16x32xf32>
}

// -----

func.func @value_rank(%q: tensor<2x4x16x32xf32>, %k: tensor<2x4x24x32xf32>, %v: tensor<f32>, %o: tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf32> {
  // expected-error @+1 {{operand 'value' must have rank 4 ([B, Hkv, Skv, Dv] for layout bhsd), but has rank 0 ('tensor<f32>')}}
  %0 = attn.attention ins(%q, %k, %v : tensor<2x4x16x32xf32>, tensor<2x4x24x32xf32>, tensor<f32>) outs(%o : tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf32>
  return %0 : tensor<2x4x16x32xf32>
}

// -----

func.func @init_rank(%q: tensor<2x4x16x32xf32>, %k: tensor<2x4x24x32xf32>, %v: tensor<2x4x24x32xf32>, %o: tensor<2x4x16x32x1xf32>) -> tensor<2x4x16x32x1xf32> {
  // expected-error @+1 {{operand 'init' must have rank 4 ([B, Hq, Sq, Dv] for layout bhsd), but has rank 5 ('tensor<2x4x16x32x1xf32>')}}
  %0 = attn.attention ins(%q, %k, %v : tensor<2x4x16x32xf32>, tensor<2x4x24x32xf32>, tensor<2x4x24x32xf32>) outs(%o : tensor<2x4x16x32x1xf32>) -> tensor<2x4x16x32x1xf32>
  return %0 : tensor<2x4x16x32x1xf32>
}

// -----

func.func @result_type(%q: tensor<2x4x16x32xf32>, %k: tensor<2x4x24x32xf32>, %v: tensor<2x4x24x32xf32>, %o: tensor<2x4x16x32xf32>) -> tensor<2x4x?x32xf32> {
  // expected-error @+1 {{result type 'tensor<2x4x?x32xf32>' must match the type of 'init' 'tensor<2x4x16x32xf32>'}}
  %0 = attn.attention ins(%q, %k, %v : tensor<2x4x16x32xf32>, tensor<2x4x24x32xf32>, tensor<2x4x24x32xf32>) outs(%o : tensor<2x4x16x32xf32>) -> tensor<2x4x?x32xf32>
  return %0 : tensor<2x4x?x32xf32>
}

// -----

func.func @result_type2(%q: tensor<2x4x16x32xf32>, %k: tensor<2x4x24x32xf32>, %v: tensor<2x4x24x32xf32>, %o: tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf16> {
  // expected-error @+1 {{result type 'tensor<2x4x16x32xf16>' must match the type of 'init' 'tensor<2x4x16x32xf32>'}}
  %0 = attn.attention ins(%q, %k, %v : tensor<2x4x16x32xf32>, tensor<2x4x24x32xf32>, tensor<2x4x24x32xf32>) outs(%o : tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf16>
  return %0 : tensor<2x4x16x32xf16>
}

// -----

func.func @hq_multiple(%q: tensor<2x6x16x32xf32>, %k: tensor<2x4x24x32xf32>, %v: tensor<2x4x24x32xf32>, %o: tensor<2x6x16x32xf32>) -> tensor<2x6x16x32xf32> {
  // expected-error @+1 {{query head count Hq = 6 must be a multiple of the key/value head count Hkv = 4 ('query' 2x6x16x32, 'key' 2x4x24x32)}}
  %0 = attn.attention ins(%q, %k, %v : tensor<2x6x16x32xf32>, tensor<2x4x24x32xf32>, tensor<2x4x24x32xf32>) outs(%o : tensor<2x6x16x32xf32>) -> tensor<2x6x16x32xf32>
  return %0 : tensor<2x6x16x32xf32>
}

// -----

func.func @hq_lt_hkv(%q: tensor<2x2x16x32xf32>, %k: tensor<2x4x24x32xf32>, %v: tensor<2x4x24x32xf32>, %o: tensor<2x2x16x32xf32>) -> tensor<2x2x16x32xf32> {
  // expected-error @+1 {{query head count Hq = 2 must be a multiple of the key/value head count Hkv = 4 ('query' 2x2x16x32, 'key' 2x4x24x32)}}
  %0 = attn.attention ins(%q, %k, %v : tensor<2x2x16x32xf32>, tensor<2x4x24x32xf32>, tensor<2x4x24x32xf32>) outs(%o : tensor<2x2x16x32xf32>) -> tensor<2x2x16x32xf32>
  return %0 : tensor<2x2x16x32xf32>
}

// -----

func.func @d_mismatch(%q: tensor<2x4x16x32xf32>, %k: tensor<2x4x24x64xf32>, %v: tensor<2x4x24x32xf32>, %o: tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf32> {
  // expected-error @+1 {{head dim D mismatch: 'query' has 32 (dimension 3 of 2x4x16x32) but 'key' has 64 (dimension 3 of 2x4x24x64)}}
  %0 = attn.attention ins(%q, %k, %v : tensor<2x4x16x32xf32>, tensor<2x4x24x64xf32>, tensor<2x4x24x32xf32>) outs(%o : tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf32>
  return %0 : tensor<2x4x16x32xf32>
}

// -----

func.func @dv_mismatch(%q: tensor<2x4x16x32xf32>, %k: tensor<2x4x24x32xf32>, %v: tensor<2x4x24x16xf32>, %o: tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf32> {
  // expected-error @+1 {{value head dim Dv mismatch: 'value' has 16 (dimension 3 of 2x4x24x16) but 'init' has 32 (dimension 3 of 2x4x16x32)}}
  %0 = attn.attention ins(%q, %k, %v : tensor<2x4x16x32xf32>, tensor<2x4x24x32xf32>, tensor<2x4x24x16xf32>) outs(%o : tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf32>
  return %0 : tensor<2x4x16x32xf32>
}

// -----

func.func @batch_key(%q: tensor<2x4x16x32xf32>, %k: tensor<3x4x24x32xf32>, %v: tensor<2x4x24x32xf32>, %o: tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf32> {
  // expected-error @+1 {{batch size mismatch: 'query' has 2 (dimension 0 of 2x4x16x32) but 'key' has 3 (dimension 0 of 3x4x24x32)}}
  %0 = attn.attention ins(%q, %k, %v : tensor<2x4x16x32xf32>, tensor<3x4x24x32xf32>, tensor<2x4x24x32xf32>) outs(%o : tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf32>
  return %0 : tensor<2x4x16x32xf32>
}

// -----

func.func @batch_value(%q: tensor<2x4x16x32xf32>, %k: tensor<2x4x24x32xf32>, %v: tensor<1x4x24x32xf32>, %o: tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf32> {
  // expected-error @+1 {{batch size mismatch: 'query' has 2 (dimension 0 of 2x4x16x32) but 'value' has 1 (dimension 0 of 1x4x24x32)}}
  %0 = attn.attention ins(%q, %k, %v : tensor<2x4x16x32xf32>, tensor<2x4x24x32xf32>, tensor<1x4x24x32xf32>) outs(%o : tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf32>
  return %0 : tensor<2x4x16x32xf32>
}

// -----

func.func @batch_init(%q: tensor<2x4x16x32xf32>, %k: tensor<2x4x24x32xf32>, %v: tensor<2x4x24x32xf32>, %o: tensor<4x4x16x32xf32>) -> tensor<4x4x16x32xf32> {
  // expected-error @+1 {{batch size mismatch: 'query' has 2 (dimension 0 of 2x4x16x32) but 'init' has 4 (dimension 0 of 4x4x16x32)}}
  %0 = attn.attention ins(%q, %k, %v : tensor<2x4x16x32xf32>, tensor<2x4x24x32xf32>, tensor<2x4x24x32xf32>) outs(%o : tensor<4x4x16x32xf32>) -> tensor<4x4x16x32xf32>
  return %0 : tensor<4x4x16x32xf32>
}

// -----

func.func @skv(%q: tensor<2x4x16x32xf32>, %k: tensor<2x4x24x32xf32>, %v: tensor<2x4x25x32xf32>, %o: tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf32> {
  // expected-error @+1 {{key length Skv mismatch: 'key' has 24 (dimension 2 of 2x4x24x32) but 'value' has 25 (dimension 2 of 2x4x25x32)}}
  %0 = attn.attention ins(%q, %k, %v : tensor<2x4x16x32xf32>, tensor<2x4x24x32xf32>, tensor<2x4x25x32xf32>) outs(%o : tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf32>
  return %0 : tensor<2x4x16x32xf32>
}

// -----

func.func @skv_bshd(%q: tensor<2x16x4x32xf32>, %k: tensor<2x24x4x32xf32>, %v: tensor<2x25x4x32xf32>, %o: tensor<2x16x4x32xf32>) -> tensor<2x16x4x32xf32> {
  // expected-error @+1 {{key length Skv mismatch: 'key' has 24 (dimension 1 of 2x24x4x32) but 'value' has 25 (dimension 1 of 2x25x4x32)}}
  %0 = attn.attention ins(%q, %k, %v : tensor<2x16x4x32xf32>, tensor<2x24x4x32xf32>, tensor<2x25x4x32xf32>) outs(%o : tensor<2x16x4x32xf32>) layout = bshd -> tensor<2x16x4x32xf32>
  return %0 : tensor<2x16x4x32xf32>
}

// -----

func.func @sq(%q: tensor<2x4x16x32xf32>, %k: tensor<2x4x24x32xf32>, %v: tensor<2x4x24x32xf32>, %o: tensor<2x4x17x32xf32>) -> tensor<2x4x17x32xf32> {
  // expected-error @+1 {{query length Sq mismatch: 'query' has 16 (dimension 2 of 2x4x16x32) but 'init' has 17 (dimension 2 of 2x4x17x32)}}
  %0 = attn.attention ins(%q, %k, %v : tensor<2x4x16x32xf32>, tensor<2x4x24x32xf32>, tensor<2x4x24x32xf32>) outs(%o : tensor<2x4x17x32xf32>) -> tensor<2x4x17x32xf32>
  return %0 : tensor<2x4x17x32xf32>
}

// -----

func.func @hkv_mismatch(%q: tensor<2x4x16x32xf32>, %k: tensor<2x4x24x32xf32>, %v: tensor<2x2x24x32xf32>, %o: tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf32> {
  // expected-error @+1 {{key/value head count mismatch: 'key' has 4 (dimension 1 of 2x4x24x32) but 'value' has 2 (dimension 1 of 2x2x24x32)}}
  %0 = attn.attention ins(%q, %k, %v : tensor<2x4x16x32xf32>, tensor<2x4x24x32xf32>, tensor<2x2x24x32xf32>) outs(%o : tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf32>
  return %0 : tensor<2x4x16x32xf32>
}

// -----

func.func @hq_init(%q: tensor<2x4x16x32xf32>, %k: tensor<2x4x24x32xf32>, %v: tensor<2x4x24x32xf32>, %o: tensor<2x8x16x32xf32>) -> tensor<2x8x16x32xf32> {
  // expected-error @+1 {{query head count mismatch: 'query' has 4 (dimension 1 of 2x4x16x32) but 'init' has 8 (dimension 1 of 2x8x16x32)}}
  %0 = attn.attention ins(%q, %k, %v : tensor<2x4x16x32xf32>, tensor<2x4x24x32xf32>, tensor<2x4x24x32xf32>) outs(%o : tensor<2x8x16x32xf32>) -> tensor<2x8x16x32xf32>
  return %0 : tensor<2x8x16x32xf32>
}

// -----

func.func @f64(%q: tensor<2x4x16x32xf64>, %k: tensor<2x4x24x32xf64>, %v: tensor<2x4x24x32xf64>, %o: tensor<2x4x16x32xf64>) -> tensor<2x4x16x32xf64> {
  // expected-error @+1 {{operand 'query' has element type 'f64', but only f32, f16 and bf16 are supported}}
  %0 = attn.attention ins(%q, %k, %v : tensor<2x4x16x32xf64>, tensor<2x4x24x32xf64>, tensor<2x4x24x32xf64>) outs(%o : tensor<2x4x16x32xf64>) -> tensor<2x4x16x32xf64>
  return %0 : tensor<2x4x16x32xf64>
}

// -----

func.func @i32(%q: tensor<2x4x16x32xi32>, %k: tensor<2x4x24x32xi32>, %v: tensor<2x4x24x32xi32>, %o: tensor<2x4x16x32xi32>) -> tensor<2x4x16x32xi32> {
  // expected-error @+1 {{operand 'query' has element type 'i32', but only f32, f16 and bf16 are supported}}
  %0 = attn.attention ins(%q, %k, %v : tensor<2x4x16x32xi32>, tensor<2x4x24x32xi32>, tensor<2x4x24x32xi32>) outs(%o : tensor<2x4x16x32xi32>) -> tensor<2x4x16x32xi32>
  return %0 : tensor<2x4x16x32xi32>
}

// -----

func.func @mixed_key(%q: tensor<2x4x16x32xf32>, %k: tensor<2x4x24x32xf16>, %v: tensor<2x4x24x32xf32>, %o: tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf32> {
  // expected-error @+1 {{operand 'key' has element type 'f16', but 'query' has 'f32' (query, key, value and init must share one element type)}}
  %0 = attn.attention ins(%q, %k, %v : tensor<2x4x16x32xf32>, tensor<2x4x24x32xf16>, tensor<2x4x24x32xf32>) outs(%o : tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf32>
  return %0 : tensor<2x4x16x32xf32>
}

// -----

func.func @mixed_value(%q: tensor<2x4x16x32xf16>, %k: tensor<2x4x24x32xf16>, %v: tensor<2x4x24x32xbf16>, %o: tensor<2x4x16x32xf16>) -> tensor<2x4x16x32xf16> {
  // expected-error @+1 {{operand 'value' has element type 'bf16', but 'query' has 'f16' (query, key, value and init must share one element type)}}
  %0 = attn.attention ins(%q, %k, %v : tensor<2x4x16x32xf16>, tensor<2x4x24x32xf16>, tensor<2x4x24x32xbf16>) outs(%o : tensor<2x4x16x32xf16>) -> tensor<2x4x16x32xf16>
  return %0 : tensor<2x4x16x32xf16>
}

// -----

func.func @mixed_init(%q: tensor<2x4x16x32xf16>, %k: tensor<2x4x24x32xf16>, %v: tensor<2x4x24x32xf16>, %o: tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf32> {
  // expected-error @+1 {{operand 'init' has element type 'f32', but 'query' has 'f16' (query, key, value and init must share one element type)}}
  %0 = attn.attention ins(%q, %k, %v : tensor<2x4x16x32xf16>, tensor<2x4x24x32xf16>, tensor<2x4x24x32xf16>) outs(%o : tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf32>
  return %0 : tensor<2x4x16x32xf32>
}

// -----

func.func @mask_i8(%q: tensor<2x4x16x32xf32>, %k: tensor<2x4x24x32xf32>, %v: tensor<2x4x24x32xf32>, %m: tensor<16x24xi8>, %o: tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf32> {
  // expected-error @+1 {{operand 'mask' has element type 'i8', but must be i1 (true = attend) or a float type (added to the scores)}}
  %0 = attn.attention ins(%q, %k, %v : tensor<2x4x16x32xf32>, tensor<2x4x24x32xf32>, tensor<2x4x24x32xf32>) mask(%m : tensor<16x24xi8>) outs(%o : tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf32>
  return %0 : tensor<2x4x16x32xf32>
}

// -----

func.func @mask_f64(%q: tensor<2x4x16x32xf32>, %k: tensor<2x4x24x32xf32>, %v: tensor<2x4x24x32xf32>, %m: tensor<16x24xf64>, %o: tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf32> {
  // expected-error @+1 {{operand 'mask' has element type 'f64', but float masks must be f32, f16 or bf16}}
  %0 = attn.attention ins(%q, %k, %v : tensor<2x4x16x32xf32>, tensor<2x4x24x32xf32>, tensor<2x4x24x32xf32>) mask(%m : tensor<16x24xf64>) outs(%o : tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf32>
  return %0 : tensor<2x4x16x32xf32>
}

// -----

func.func @mask_index(%q: tensor<2x4x16x32xf32>, %k: tensor<2x4x24x32xf32>, %v: tensor<2x4x24x32xf32>, %m: tensor<16x24xindex>, %o: tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf32> {
  // expected-error @+1 {{operand 'mask' has element type 'index', but must be i1 (true = attend) or a float type (added to the scores)}}
  %0 = attn.attention ins(%q, %k, %v : tensor<2x4x16x32xf32>, tensor<2x4x24x32xf32>, tensor<2x4x24x32xf32>) mask(%m : tensor<16x24xindex>) outs(%o : tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf32>
  return %0 : tensor<2x4x16x32xf32>
}

// -----

func.func @mask_f8(%q: tensor<2x4x16x32xf32>, %k: tensor<2x4x24x32xf32>, %v: tensor<2x4x24x32xf32>, %m: tensor<16x24xf8E4M3FN>, %o: tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf32> {
  // expected-error @+1 {{operand 'mask' has element type 'f8E4M3FN', but float masks must be f32, f16 or bf16}}
  %0 = attn.attention ins(%q, %k, %v : tensor<2x4x16x32xf32>, tensor<2x4x24x32xf32>, tensor<2x4x24x32xf32>) mask(%m : tensor<16x24xf8E4M3FN>) outs(%o : tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf32>
  return %0 : tensor<2x4x16x32xf32>
}

// -----

func.func @mask_bcast(%q: tensor<2x4x16x32xf32>, %k: tensor<2x4x24x32xf32>, %v: tensor<2x4x24x32xf32>, %m: tensor<16x23xi1>, %o: tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf32> {
  // expected-error @+1 {{operand 'mask' of shape 16x23 does not broadcast to [B, Hq, Sq, Skv] = 2x4x16x24}}
  %0 = attn.attention ins(%q, %k, %v : tensor<2x4x16x32xf32>, tensor<2x4x24x32xf32>, tensor<2x4x24x32xf32>) mask(%m : tensor<16x23xi1>) outs(%o : tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf32>
  return %0 : tensor<2x4x16x32xf32>
}

// -----

func.func @mask_bcast_bshd(%q: tensor<2x16x4x32xf32>, %k: tensor<2x24x4x32xf32>, %v: tensor<2x24x4x32xf32>, %m: tensor<2x16x4x24xi1>, %o: tensor<2x16x4x32xf32>) -> tensor<2x16x4x32xf32> {
  // expected-error @+1 {{operand 'mask' of shape 2x16x4x24 does not broadcast to [B, Hq, Sq, Skv] = 2x4x16x24}}
  %0 = attn.attention ins(%q, %k, %v : tensor<2x16x4x32xf32>, tensor<2x24x4x32xf32>, tensor<2x24x4x32xf32>) mask(%m : tensor<2x16x4x24xi1>) outs(%o : tensor<2x16x4x32xf32>) layout = bshd -> tensor<2x16x4x32xf32>
  return %0 : tensor<2x16x4x32xf32>
}

// -----

func.func @mask_rank5(%q: tensor<2x4x16x32xf32>, %k: tensor<2x4x24x32xf32>, %v: tensor<2x4x24x32xf32>, %m: tensor<1x2x4x16x24xi1>, %o: tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf32> {
  // expected-error @+1 {{operand 'mask' has rank 5, but a mask has at most 4 dimensions ([B, Hq, Sq, Skv])}}
  %0 = attn.attention ins(%q, %k, %v : tensor<2x4x16x32xf32>, tensor<2x4x24x32xf32>, tensor<2x4x24x32xf32>) mask(%m : tensor<1x2x4x16x24xi1>) outs(%o : tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf32>
  return %0 : tensor<2x4x16x32xf32>
}

// -----

func.func @dyn_heads_q(%q: tensor<2x?x16x32xf32>, %k: tensor<2x4x24x32xf32>, %v: tensor<2x4x24x32xf32>, %o: tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf32> {
  // expected-error @+1 {{operand 'query' has a dynamic head count (dimension 1 of 2x?x16x32); head counts and head dims must be static}}
  %0 = attn.attention ins(%q, %k, %v : tensor<2x?x16x32xf32>, tensor<2x4x24x32xf32>, tensor<2x4x24x32xf32>) outs(%o : tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf32>
  return %0 : tensor<2x4x16x32xf32>
}

// -----

func.func @dyn_heads_k_bshd(%q: tensor<2x16x4x32xf32>, %k: tensor<2x24x?x32xf32>, %v: tensor<2x24x4x32xf32>, %o: tensor<2x16x4x32xf32>) -> tensor<2x16x4x32xf32> {
  // expected-error @+1 {{operand 'key' has a dynamic head count (dimension 2 of 2x24x?x32); head counts and head dims must be static}}
  %0 = attn.attention ins(%q, %k, %v : tensor<2x16x4x32xf32>, tensor<2x24x?x32xf32>, tensor<2x24x4x32xf32>) outs(%o : tensor<2x16x4x32xf32>) layout = bshd -> tensor<2x16x4x32xf32>
  return %0 : tensor<2x16x4x32xf32>
}

// -----

func.func @dyn_dim(%q: tensor<2x4x16x?xf32>, %k: tensor<2x4x24x32xf32>, %v: tensor<2x4x24x32xf32>, %o: tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf32> {
  // expected-error @+1 {{operand 'query' has a dynamic head dim (dimension 3 of 2x4x16x?); head counts and head dims must be static}}
  %0 = attn.attention ins(%q, %k, %v : tensor<2x4x16x?xf32>, tensor<2x4x24x32xf32>, tensor<2x4x24x32xf32>) outs(%o : tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf32>
  return %0 : tensor<2x4x16x32xf32>
}

// -----

func.func @dyn_dv(%q: tensor<2x4x16x32xf32>, %k: tensor<2x4x24x32xf32>, %v: tensor<2x4x24x?xf32>, %o: tensor<2x4x16x?xf32>) -> tensor<2x4x16x?xf32> {
  // expected-error @+1 {{operand 'value' has a dynamic head dim (dimension 3 of 2x4x24x?); head counts and head dims must be static}}
  %0 = attn.attention ins(%q, %k, %v : tensor<2x4x16x32xf32>, tensor<2x4x24x32xf32>, tensor<2x4x24x?xf32>) outs(%o : tensor<2x4x16x?xf32>) -> tensor<2x4x16x?xf32>
  return %0 : tensor<2x4x16x?xf32>
}

// -----

func.func @zero_heads(%q: tensor<2x0x16x32xf32>, %k: tensor<2x0x24x32xf32>, %v: tensor<2x0x24x32xf32>, %o: tensor<2x0x16x32xf32>) -> tensor<2x0x16x32xf32> {
  // expected-error @+1 {{head counts must be positive, but 'query' has 0 and 'key' has 0}}
  %0 = attn.attention ins(%q, %k, %v : tensor<2x0x16x32xf32>, tensor<2x0x24x32xf32>, tensor<2x0x24x32xf32>) outs(%o : tensor<2x0x16x32xf32>) -> tensor<2x0x16x32xf32>
  return %0 : tensor<2x0x16x32xf32>
}

// -----

func.func @zero_kv_heads(%q: tensor<2x4x16x32xf32>, %k: tensor<2x0x24x32xf32>, %v: tensor<2x0x24x32xf32>, %o: tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf32> {
  // expected-error @+1 {{head counts must be positive, but 'query' has 4 and 'key' has 0}}
  %0 = attn.attention ins(%q, %k, %v : tensor<2x4x16x32xf32>, tensor<2x0x24x32xf32>, tensor<2x0x24x32xf32>) outs(%o : tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf32>
  return %0 : tensor<2x4x16x32xf32>
}

// -----

func.func @zero_d(%q: tensor<2x4x16x0xf32>, %k: tensor<2x4x24x0xf32>, %v: tensor<2x4x24x32xf32>, %o: tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf32> {
  // expected-error @+1 {{head dim D must be positive, but is 0}}
  %0 = attn.attention ins(%q, %k, %v : tensor<2x4x16x0xf32>, tensor<2x4x24x0xf32>, tensor<2x4x24x32xf32>) outs(%o : tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf32>
  return %0 : tensor<2x4x16x32xf32>
}

// -----

func.func @window_three_elements(%q: tensor<2x4x16x32xf32>, %k: tensor<2x4x24x32xf32>, %v: tensor<2x4x24x32xf32>, %o: tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf32> {
  // expected-error @+1 {{window must have 2 elements [left, right], but has 3}}
  %0 = attn.attention ins(%q, %k, %v : tensor<2x4x16x32xf32>, tensor<2x4x24x32xf32>, tensor<2x4x24x32xf32>) outs(%o : tensor<2x4x16x32xf32>) window = [1, 2, 3] -> tensor<2x4x16x32xf32>
  return %0 : tensor<2x4x16x32xf32>
}

// -----

func.func @window_left_below_minus_one(%q: tensor<2x4x16x32xf32>, %k: tensor<2x4x24x32xf32>, %v: tensor<2x4x24x32xf32>, %o: tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf32> {
  // expected-error @+1 {{window bounds must be >= 0, or -1 for unbounded, but are [-2, 0]}}
  %0 = attn.attention ins(%q, %k, %v : tensor<2x4x16x32xf32>, tensor<2x4x24x32xf32>, tensor<2x4x24x32xf32>) outs(%o : tensor<2x4x16x32xf32>) window = [-2, 0] -> tensor<2x4x16x32xf32>
  return %0 : tensor<2x4x16x32xf32>
}

// -----

func.func @window_right_below_minus_one(%q: tensor<2x4x16x32xf32>, %k: tensor<2x4x24x32xf32>, %v: tensor<2x4x24x32xf32>, %o: tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf32> {
  // expected-error @+1 {{window bounds must be >= 0, or -1 for unbounded, but are [0, -5]}}
  %0 = attn.attention ins(%q, %k, %v : tensor<2x4x16x32xf32>, tensor<2x4x24x32xf32>, tensor<2x4x24x32xf32>) outs(%o : tensor<2x4x16x32xf32>) window = [0, -5] -> tensor<2x4x16x32xf32>
  return %0 : tensor<2x4x16x32xf32>
}

// -----

func.func @window_empty(%q: tensor<2x4x16x32xf32>, %k: tensor<2x4x24x32xf32>, %v: tensor<2x4x24x32xf32>, %o: tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf32> {
  // expected-error @+1 {{window must have 2 elements [left, right], but has 0}}
  %0 = attn.attention ins(%q, %k, %v : tensor<2x4x16x32xf32>, tensor<2x4x24x32xf32>, tensor<2x4x24x32xf32>) outs(%o : tensor<2x4x16x32xf32>) window = [] -> tensor<2x4x16x32xf32>
  return %0 : tensor<2x4x16x32xf32>
}

// -----

func.func @softcap_zero(%q: tensor<2x4x16x32xf32>, %k: tensor<2x4x24x32xf32>, %v: tensor<2x4x24x32xf32>, %o: tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf32> {
  // expected-error @+1 {{softcap must be finite and positive, but is 0.000000e+00}}
  %0 = attn.attention ins(%q, %k, %v : tensor<2x4x16x32xf32>, tensor<2x4x24x32xf32>, tensor<2x4x24x32xf32>) outs(%o : tensor<2x4x16x32xf32>) softcap = 0.0 -> tensor<2x4x16x32xf32>
  return %0 : tensor<2x4x16x32xf32>
}

// -----

func.func @softcap_negative(%q: tensor<2x4x16x32xf32>, %k: tensor<2x4x24x32xf32>, %v: tensor<2x4x24x32xf32>, %o: tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf32> {
  // expected-error @+1 {{softcap must be finite and positive, but is -1.000000e+00}}
  %0 = attn.attention ins(%q, %k, %v : tensor<2x4x16x32xf32>, tensor<2x4x24x32xf32>, tensor<2x4x24x32xf32>) outs(%o : tensor<2x4x16x32xf32>) softcap = -1.0 -> tensor<2x4x16x32xf32>
  return %0 : tensor<2x4x16x32xf32>
}

// -----

func.func @softcap_inf(%q: tensor<2x4x16x32xf32>, %k: tensor<2x4x24x32xf32>, %v: tensor<2x4x24x32xf32>, %o: tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf32> {
  // expected-error @+1 {{softcap must be finite and positive, but is INF}}
  %0 = attn.attention ins(%q, %k, %v : tensor<2x4x16x32xf32>, tensor<2x4x24x32xf32>, tensor<2x4x24x32xf32>) outs(%o : tensor<2x4x16x32xf32>) softcap = 0x7F800000 -> tensor<2x4x16x32xf32>
  return %0 : tensor<2x4x16x32xf32>
}

// -----

func.func @softcap_nan(%q: tensor<2x4x16x32xf32>, %k: tensor<2x4x24x32xf32>, %v: tensor<2x4x24x32xf32>, %o: tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf32> {
  // expected-error @+1 {{softcap must be finite and positive, but is nan}}
  %0 = attn.attention ins(%q, %k, %v : tensor<2x4x16x32xf32>, tensor<2x4x24x32xf32>, tensor<2x4x24x32xf32>) outs(%o : tensor<2x4x16x32xf32>) softcap = 0x7FC00000 -> tensor<2x4x16x32xf32>
  return %0 : tensor<2x4x16x32xf32>
}

// -----

func.func @scale_zero(%q: tensor<2x4x16x32xf32>, %k: tensor<2x4x24x32xf32>, %v: tensor<2x4x24x32xf32>, %o: tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf32> {
  // expected-error @+1 {{scale must be finite and non-zero, but is 0.000000e+00}}
  %0 = attn.attention ins(%q, %k, %v : tensor<2x4x16x32xf32>, tensor<2x4x24x32xf32>, tensor<2x4x24x32xf32>) outs(%o : tensor<2x4x16x32xf32>) scale = 0.0 -> tensor<2x4x16x32xf32>
  return %0 : tensor<2x4x16x32xf32>
}

// -----

func.func @scale_negative_zero(%q: tensor<2x4x16x32xf32>, %k: tensor<2x4x24x32xf32>, %v: tensor<2x4x24x32xf32>, %o: tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf32> {
  // expected-error @+1 {{scale must be finite and non-zero, but is -0.000000e+00}}
  %0 = attn.attention ins(%q, %k, %v : tensor<2x4x16x32xf32>, tensor<2x4x24x32xf32>, tensor<2x4x24x32xf32>) outs(%o : tensor<2x4x16x32xf32>) scale = -0.0 -> tensor<2x4x16x32xf32>
  return %0 : tensor<2x4x16x32xf32>
}

// -----

func.func @scale_inf(%q: tensor<2x4x16x32xf32>, %k: tensor<2x4x24x32xf32>, %v: tensor<2x4x24x32xf32>, %o: tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf32> {
  // expected-error @+1 {{scale must be finite and non-zero, but is INF}}
  %0 = attn.attention ins(%q, %k, %v : tensor<2x4x16x32xf32>, tensor<2x4x24x32xf32>, tensor<2x4x24x32xf32>) outs(%o : tensor<2x4x16x32xf32>) scale = 0x7F800000 -> tensor<2x4x16x32xf32>
  return %0 : tensor<2x4x16x32xf32>
}

// -----

func.func @scale_negative_inf(%q: tensor<2x4x16x32xf32>, %k: tensor<2x4x24x32xf32>, %v: tensor<2x4x24x32xf32>, %o: tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf32> {
  // expected-error @+1 {{scale must be finite and non-zero, but is -INF}}
  %0 = attn.attention ins(%q, %k, %v : tensor<2x4x16x32xf32>, tensor<2x4x24x32xf32>, tensor<2x4x24x32xf32>) outs(%o : tensor<2x4x16x32xf32>) scale = 0xFF800000 -> tensor<2x4x16x32xf32>
  return %0 : tensor<2x4x16x32xf32>
}

// -----

func.func @scale_nan(%q: tensor<2x4x16x32xf32>, %k: tensor<2x4x24x32xf32>, %v: tensor<2x4x24x32xf32>, %o: tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf32> {
  // expected-error @+1 {{scale must be finite and non-zero, but is nan}}
  %0 = attn.attention ins(%q, %k, %v : tensor<2x4x16x32xf32>, tensor<2x4x24x32xf32>, tensor<2x4x24x32xf32>) outs(%o : tensor<2x4x16x32xf32>) scale = 0x7FC00000 -> tensor<2x4x16x32xf32>
  return %0 : tensor<2x4x16x32xf32>
}

// -----

func.func @bad_causal_keyword(%q: tensor<2x4x16x32xf32>, %k: tensor<2x4x24x32xf32>, %v: tensor<2x4x24x32xf32>, %o: tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf32> {
  // expected-error @+1 {{custom op 'attn.attention' expected string or keyword containing one of the following enum values for attribute 'causal' [none, top_left, bottom_right]}}
  %0 = attn.attention ins(%q, %k, %v : tensor<2x4x16x32xf32>, tensor<2x4x24x32xf32>, tensor<2x4x24x32xf32>) outs(%o : tensor<2x4x16x32xf32>) causal = diagonal -> tensor<2x4x16x32xf32>
  return %0 : tensor<2x4x16x32xf32>
}

// -----

func.func @bad_layout_keyword(%q: tensor<2x4x16x32xf32>, %k: tensor<2x4x24x32xf32>, %v: tensor<2x4x24x32xf32>, %o: tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf32> {
  // expected-error @+1 {{custom op 'attn.attention' expected string or keyword containing one of the following enum values for attribute 'layout' [bhsd, bshd]}}
  %0 = attn.attention ins(%q, %k, %v : tensor<2x4x16x32xf32>, tensor<2x4x24x32xf32>, tensor<2x4x24x32xf32>) outs(%o : tensor<2x4x16x32xf32>) layout = sbhd -> tensor<2x4x16x32xf32>
  return %0 : tensor<2x4x16x32xf32>
}

// -----

func.func @scale_overflows_f32(%q: tensor<2x4x16x32xf32>, %k: tensor<2x4x24x32xf32>, %v: tensor<2x4x24x32xf32>, %o: tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf32> {
  // expected-error @+1 {{scale must be finite and non-zero, but is INF}}
  %0 = attn.attention ins(%q, %k, %v : tensor<2x4x16x32xf32>, tensor<2x4x24x32xf32>, tensor<2x4x24x32xf32>) outs(%o : tensor<2x4x16x32xf32>) scale = 1.0e40 -> tensor<2x4x16x32xf32>
  return %0 : tensor<2x4x16x32xf32>
}

// -----

func.func @window_one_element(%q: tensor<2x4x16x32xf32>, %k: tensor<2x4x24x32xf32>, %v: tensor<2x4x24x32xf32>, %o: tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf32> {
  // expected-error @+1 {{window must have 2 elements [left, right], but has 1}}
  %0 = attn.attention ins(%q, %k, %v : tensor<2x4x16x32xf32>, tensor<2x4x24x32xf32>, tensor<2x4x24x32xf32>) outs(%o : tensor<2x4x16x32xf32>) window = [1] -> tensor<2x4x16x32xf32>
  return %0 : tensor<2x4x16x32xf32>
}

// -----

func.func @causal_integer(%q: tensor<2x4x16x32xf32>, %k: tensor<2x4x24x32xf32>, %v: tensor<2x4x24x32xf32>, %o: tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf32> {
  // expected-error @+1 {{custom op 'attn.attention' expected string or keyword containing one of the following enum values for attribute 'causal' [none, top_left, bottom_right]}}
  %0 = attn.attention ins(%q, %k, %v : tensor<2x4x16x32xf32>, tensor<2x4x24x32xf32>, tensor<2x4x24x32xf32>) outs(%o : tensor<2x4x16x32xf32>) causal = 3 -> tensor<2x4x16x32xf32>
  return %0 : tensor<2x4x16x32xf32>
}

// -----

func.func @scale_integer_literal(%q: tensor<2x4x16x32xf32>, %k: tensor<2x4x24x32xf32>, %v: tensor<2x4x24x32xf32>, %o: tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf32> {
  // expected-error @+2 {{unexpected decimal integer literal for a floating point value}}
  // expected-note @+1 {{add a trailing dot to make the literal a float}}
  %0 = attn.attention ins(%q, %k, %v : tensor<2x4x16x32xf32>, tensor<2x4x24x32xf32>, tensor<2x4x24x32xf32>) outs(%o : tensor<2x4x16x32xf32>) scale = 1 -> tensor<2x4x16x32xf32>
  return %0 : tensor<2x4x16x32xf32>
}

// -----

func.func @scale_string(%q: tensor<2x4x16x32xf32>, %k: tensor<2x4x24x32xf32>, %v: tensor<2x4x24x32xf32>, %o: tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf32> {
  // expected-error @+1 {{custom op 'attn.attention' invalid kind of attribute specified}}
  %0 = attn.attention ins(%q, %k, %v : tensor<2x4x16x32xf32>, tensor<2x4x24x32xf32>, tensor<2x4x24x32xf32>) outs(%o : tensor<2x4x16x32xf32>) scale = "x" -> tensor<2x4x16x32xf32>
  return %0 : tensor<2x4x16x32xf32>
}

// -----

func.func @unranked(%q: tensor<*xf32>, %k: tensor<2x4x24x32xf32>, %v: tensor<2x4x24x32xf32>, %o: tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf32> {
  // expected-error @+1 {{custom op 'attn.attention' invalid kind of type specified: expected builtin.tensor, but found 'tensor<*xf32>'}}
  %0 = attn.attention ins(%q, %k, %v : tensor<*xf32>, tensor<2x4x24x32xf32>, tensor<2x4x24x32xf32>) outs(%o : tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf32>
  return %0 : tensor<2x4x16x32xf32>
}

// -----

func.func @memref(%q: memref<2x4x16x32xf32>, %k: tensor<2x4x24x32xf32>, %v: tensor<2x4x24x32xf32>, %o: tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf32> {
  // expected-error @+1 {{custom op 'attn.attention' invalid kind of type specified: expected builtin.tensor, but found 'memref<2x4x16x32xf32>'}}
  %0 = attn.attention ins(%q, %k, %v : memref<2x4x16x32xf32>, tensor<2x4x24x32xf32>, tensor<2x4x24x32xf32>) outs(%o : tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf32>
  return %0 : tensor<2x4x16x32xf32>
}

// -----

func.func @vector(%q: vector<2x4x16x32xf32>, %k: tensor<2x4x24x32xf32>, %v: tensor<2x4x24x32xf32>, %o: tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf32> {
  // expected-error @+1 {{custom op 'attn.attention' invalid kind of type specified: expected builtin.tensor, but found 'vector<2x4x16x32xf32>'}}
  %0 = attn.attention ins(%q, %k, %v : vector<2x4x16x32xf32>, tensor<2x4x24x32xf32>, tensor<2x4x24x32xf32>) outs(%o : tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf32>
  return %0 : tensor<2x4x16x32xf32>
}

// -----

func.func @unranked_mask(%q: tensor<2x4x16x32xf32>, %k: tensor<2x4x24x32xf32>, %v: tensor<2x4x24x32xf32>, %m: tensor<*xi1>, %o: tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf32> {
  // expected-error @+1 {{operand #3 must be ranked tensor of any type values, but got 'tensor<*xi1>'}}
  %0 = attn.attention ins(%q, %k, %v : tensor<2x4x16x32xf32>, tensor<2x4x24x32xf32>, tensor<2x4x24x32xf32>) mask(%m : tensor<*xi1>) outs(%o : tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf32>
  return %0 : tensor<2x4x16x32xf32>
}

// -----

func.func @scalar_mask(%q: tensor<2x4x16x32xf32>, %k: tensor<2x4x24x32xf32>, %v: tensor<2x4x24x32xf32>, %m: i1, %o: tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf32> {
  // expected-error @+1 {{operand #3 must be ranked tensor of any type values, but got 'i1'}}
  %0 = attn.attention ins(%q, %k, %v : tensor<2x4x16x32xf32>, tensor<2x4x24x32xf32>, tensor<2x4x24x32xf32>) mask(%m : i1) outs(%o : tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf32>
  return %0 : tensor<2x4x16x32xf32>
}

// -----

func.func @memref_result(%q: tensor<2x4x16x32xf32>, %k: tensor<2x4x24x32xf32>, %v: tensor<2x4x24x32xf32>, %o: tensor<2x4x16x32xf32>) {
  // expected-error @+1 {{custom op 'attn.attention' invalid kind of type specified: expected builtin.tensor, but found 'memref<2x4x16x32xf32>'}}
  %0 = attn.attention ins(%q, %k, %v : tensor<2x4x16x32xf32>, tensor<2x4x24x32xf32>, tensor<2x4x24x32xf32>) outs(%o : tensor<2x4x16x32xf32>) -> memref<2x4x16x32xf32>
  return
}

// -----

func.func @missing_outs(%q: tensor<2x4x16x32xf32>, %k: tensor<2x4x24x32xf32>, %v: tensor<2x4x24x32xf32>) -> tensor<2x4x16x32xf32> {
  // expected-error @+1 {{custom op 'attn.attention' expected 'outs'}}
  %0 = attn.attention ins(%q, %k, %v : tensor<2x4x16x32xf32>, tensor<2x4x24x32xf32>, tensor<2x4x24x32xf32>) -> tensor<2x4x16x32xf32>
  return %0 : tensor<2x4x16x32xf32>
}

// -----

func.func @missing_operand(%q: tensor<2x4x16x32xf32>, %k: tensor<2x4x24x32xf32>, %o: tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf32> {
  // expected-error @+1 {{expected ','}}
  %0 = attn.attention ins(%q, %k : tensor<2x4x16x32xf32>, tensor<2x4x24x32xf32>) outs(%o : tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf32>
  return %0 : tensor<2x4x16x32xf32>
}

// -----

func.func @missing_result(%q: tensor<2x4x16x32xf32>, %k: tensor<2x4x24x32xf32>, %v: tensor<2x4x24x32xf32>, %o: tensor<2x4x16x32xf32>) {
  // expected-error @+1 {{expected '->'}}
  %0 = attn.attention ins(%q, %k, %v : tensor<2x4x16x32xf32>, tensor<2x4x24x32xf32>, tensor<2x4x24x32xf32>) outs(%o : tensor<2x4x16x32xf32>)
  return
}

// -----

func.func @generic_3(%q: tensor<2x4x16x32xf32>, %k: tensor<2x4x24x32xf32>, %v: tensor<2x4x24x32xf32>) -> tensor<2x4x16x32xf32> {
  // expected-error @+1 {{expected 4 or more operands, but found 3}}
  %0 = "attn.attention"(%q, %k, %v) : (tensor<2x4x16x32xf32>, tensor<2x4x24x32xf32>, tensor<2x4x24x32xf32>) -> tensor<2x4x16x32xf32>
  return %0 : tensor<2x4x16x32xf32>
}

// -----

func.func @generic_0() -> tensor<2x4x16x32xf32> {
  // expected-error @+1 {{expected 4 or more operands, but found 0}}
  %0 = "attn.attention"() : () -> tensor<2x4x16x32xf32>
  return %0 : tensor<2x4x16x32xf32>
}

// -----

func.func @generic_6(%q: tensor<2x4x16x32xf32>, %k: tensor<2x4x24x32xf32>, %v: tensor<2x4x24x32xf32>, %o: tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf32> {
  // expected-error @+1 {{operand group starting at #3 requires 0 or 1 element, but found 2}}
  %0 = "attn.attention"(%q, %k, %v, %o, %o, %o) : (tensor<2x4x16x32xf32>, tensor<2x4x24x32xf32>, tensor<2x4x24x32xf32>, tensor<2x4x16x32xf32>, tensor<2x4x16x32xf32>, tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf32>
  return %0 : tensor<2x4x16x32xf32>
}

// -----

func.func @generic_noresult(%q: tensor<2x4x16x32xf32>, %k: tensor<2x4x24x32xf32>, %v: tensor<2x4x24x32xf32>, %o: tensor<2x4x16x32xf32>) {
  // expected-error @+1 {{requires one result}}
  "attn.attention"(%q, %k, %v, %o) : (tensor<2x4x16x32xf32>, tensor<2x4x24x32xf32>, tensor<2x4x24x32xf32>, tensor<2x4x16x32xf32>) -> ()
  return
}

// -----

func.func @generic_2results(%q: tensor<2x4x16x32xf32>, %k: tensor<2x4x24x32xf32>, %v: tensor<2x4x24x32xf32>, %o: tensor<2x4x16x32xf32>) {
  // expected-error @+1 {{requires one result}}
  %0:2 = "attn.attention"(%q, %k, %v, %o) : (tensor<2x4x16x32xf32>, tensor<2x4x24x32xf32>, tensor<2x4x24x32xf32>, tensor<2x4x16x32xf32>) -> (tensor<2x4x16x32xf32>, tensor<2x4x16x32xf32>)
  return
}

// -----

func.func @generic_badattrs(%q: tensor<2x4x16x32xf32>, %k: tensor<2x4x24x32xf32>, %v: tensor<2x4x24x32xf32>, %o: tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf32> {
  // expected-error @+1 {{invalid properties {causal = 7 : i32} for op attn.attention: Invalid attribute `causal` in property conversion: 7 : i32}}
  %0 = "attn.attention"(%q, %k, %v, %o) <{causal = 7 : i32}> : (tensor<2x4x16x32xf32>, tensor<2x4x24x32xf32>, tensor<2x4x24x32xf32>, tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf32>
  return %0 : tensor<2x4x16x32xf32>
}

// -----

func.func @generic_badscale(%q: tensor<2x4x16x32xf32>, %k: tensor<2x4x24x32xf32>, %v: tensor<2x4x24x32xf32>, %o: tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf32> {
  // expected-error @+1 {{invalid properties {scale = 1.000000e+00 : f64, window = array<i32: 1, 2>} for op attn.attention: Invalid attribute `window` in property conversion: array<i32: 1, 2>}}
  %0 = "attn.attention"(%q, %k, %v, %o) <{scale = 1.0 : f64, window = array<i32: 1, 2>}> : (tensor<2x4x16x32xf32>, tensor<2x4x24x32xf32>, tensor<2x4x24x32xf32>, tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf32>
  return %0 : tensor<2x4x16x32xf32>
}

// -----

func.func @generic_badwindow(%q: tensor<2x4x16x32xf32>, %k: tensor<2x4x24x32xf32>, %v: tensor<2x4x24x32xf32>, %o: tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf32> {
  // expected-error @+1 {{invalid properties {layout = "bshd", window = [1, 2]} for op attn.attention: Invalid attribute `layout` in property conversion: "bshd"}}
  %0 = "attn.attention"(%q, %k, %v, %o) <{window = [1, 2], layout = "bshd"}> : (tensor<2x4x16x32xf32>, tensor<2x4x24x32xf32>, tensor<2x4x24x32xf32>, tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf32>
  return %0 : tensor<2x4x16x32xf32>
}

// -----

func.func @generic_unranked(%q: tensor<*xf32>, %k: tensor<2x4x24x32xf32>, %v: tensor<2x4x24x32xf32>, %o: tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf32> {
  // expected-error @+1 {{operand #0 must be ranked tensor of any type values, but got 'tensor<*xf32>'}}
  %0 = "attn.attention"(%q, %k, %v, %o) : (tensor<*xf32>, tensor<2x4x24x32xf32>, tensor<2x4x24x32xf32>, tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf32>
  return %0 : tensor<2x4x16x32xf32>
}

// -----

func.func @generic_memref(%q: memref<2x4x16x32xf32>, %k: memref<2x4x24x32xf32>, %v: memref<2x4x24x32xf32>, %o: memref<2x4x16x32xf32>) {
  // expected-error @+1 {{requires one result}}
  "attn.attention"(%q, %k, %v, %o) : (memref<2x4x16x32xf32>, memref<2x4x24x32xf32>, memref<2x4x24x32xf32>, memref<2x4x16x32xf32>) -> ()
  return
}

// -----

func.func @generic_vector_mask(%q: tensor<2x4x16x32xf32>, %k: tensor<2x4x24x32xf32>, %v: tensor<2x4x24x32xf32>, %m: vector<16x24xi1>, %o: tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf32> {
  // expected-error @+1 {{operand #3 must be ranked tensor of any type values, but got 'vector<16x24xi1>'}}
  %0 = "attn.attention"(%q, %k, %v, %m, %o) : (tensor<2x4x16x32xf32>, tensor<2x4x24x32xf32>, tensor<2x4x24x32xf32>, vector<16x24xi1>, tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf32>
  return %0 : tensor<2x4x16x32xf32>
}

// -----

func.func @generic_5_as_mask(%q: tensor<2x4x16x32xf32>, %k: tensor<2x4x24x32xf32>, %v: tensor<2x4x24x32xf32>, %o: tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf32> {
  // expected-error @+1 {{operand 'mask' of shape 2x4x16x32 does not broadcast to [B, Hq, Sq, Skv] = 2x4x16x24}}
  %0 = "attn.attention"(%q, %k, %v, %o, %o) : (tensor<2x4x16x32xf32>, tensor<2x4x24x32xf32>, tensor<2x4x24x32xf32>, tensor<2x4x16x32xf32>, tensor<2x4x16x32xf32>) -> tensor<2x4x16x32xf32>
  return %0 : tensor<2x4x16x32xf32>
}

// -----

func.func @complex(%q: tensor<2x4x16x32xcomplex<f32>>, %k: tensor<2x4x24x32xcomplex<f32>>, %v: tensor<2x4x24x32xcomplex<f32>>, %o: tensor<2x4x16x32xcomplex<f32>>) -> tensor<2x4x16x32xcomplex<f32>> {
  // expected-error @+1 {{operand 'query' has element type 'complex<f32>', but only f32, f16 and bf16 are supported}}
  %0 = attn.attention ins(%q, %k, %v : tensor<2x4x16x32xcomplex<f32>>, tensor<2x4x24x32xcomplex<f32>>, tensor<2x4x24x32xcomplex<f32>>) outs(%o : tensor<2x4x16x32xcomplex<f32>>) -> tensor<2x4x16x32xcomplex<f32>>
  return %0 : tensor<2x4x16x32xcomplex<f32>>
}

// -----

// A dynamic size on one operand must not hide a conflict between two others.
func.func @batch_conflict_behind_dynamic_query(%q: tensor<?x4x16x32xf32>, %k: tensor<2x4x24x32xf32>, %v: tensor<3x4x24x32xf32>, %o: tensor<?x4x16x32xf32>) -> tensor<?x4x16x32xf32> {
  // expected-error @+1 {{batch size mismatch: 'key' has 2 (dimension 0 of 2x4x24x32) but 'value' has 3 (dimension 0 of 3x4x24x32)}}
  %0 = attn.attention ins(%q, %k, %v : tensor<?x4x16x32xf32>, tensor<2x4x24x32xf32>, tensor<3x4x24x32xf32>) outs(%o : tensor<?x4x16x32xf32>) -> tensor<?x4x16x32xf32>
  return %0 : tensor<?x4x16x32xf32>
}

// -----

func.func @mask_against_static_key_length(%q: tensor<1x4x16x32xf32>, %k: tensor<1x4x?x32xf32>, %v: tensor<1x4x24x32xf32>, %m: tensor<16x30xi1>, %o: tensor<1x4x16x32xf32>) -> tensor<1x4x16x32xf32> {
  // expected-error @+1 {{operand 'mask' of shape 16x30 does not broadcast to [B, Hq, Sq, Skv] = 1x4x16x24}}
  %0 = attn.attention ins(%q, %k, %v : tensor<1x4x16x32xf32>, tensor<1x4x?x32xf32>, tensor<1x4x24x32xf32>) mask(%m : tensor<16x30xi1>) outs(%o : tensor<1x4x16x32xf32>) -> tensor<1x4x16x32xf32>
  return %0 : tensor<1x4x16x32xf32>
}

// -----

func.func @zero_value_dim(%q: tensor<1x2x4x8xf32>, %k: tensor<1x2x4x8xf32>, %v: tensor<1x2x4x0xf32>, %o: tensor<1x2x4x0xf32>) -> tensor<1x2x4x0xf32> {
  // expected-error @+1 {{value head dim Dv must be positive, but is 0}}
  %0 = attn.attention ins(%q, %k, %v : tensor<1x2x4x8xf32>, tensor<1x2x4x8xf32>, tensor<1x2x4x0xf32>) outs(%o : tensor<1x2x4x0xf32>) -> tensor<1x2x4x0xf32>
  return %0 : tensor<1x2x4x0xf32>
}

// -----

#csr = #sparse_tensor.encoding<{ map = (d0, d1, d2, d3) -> (d0 : dense, d1 : dense, d2 : dense, d3 : compressed) }>
func.func @sparse_key(%q: tensor<1x2x8x16xf32>, %k: tensor<1x2x8x16xf32, #csr>, %v: tensor<1x2x8x16xf32>, %o: tensor<1x2x8x16xf32>) -> tensor<1x2x8x16xf32> {
  // expected-error @+1 {{operands must be tensors without an encoding, but one has type 'tensor<1x2x8x16xf32, #sparse_tensor.encoding<{ map = (d0, d1, d2, d3) -> (d0 : dense, d1 : dense, d2 : dense, d3 : compressed) }>>'}}
  %0 = attn.attention ins(%q, %k, %v : tensor<1x2x8x16xf32>, tensor<1x2x8x16xf32, #csr>, tensor<1x2x8x16xf32>) outs(%o : tensor<1x2x8x16xf32>) -> tensor<1x2x8x16xf32>
  return %0 : tensor<1x2x8x16xf32>
}

// -----

// Static sizes whose byte size overflows 64-bit offsets (Sq = 2^62): the
// lowerings' offset arithmetic would wrap.
func.func @too_many_elements(%q: tensor<1x1x4611686018427387904x64xf32>, %k: tensor<1x1x8x64xf32>, %v: tensor<1x1x8x64xf32>, %o: tensor<1x1x4611686018427387904x64xf32>) -> tensor<1x1x4611686018427387904x64xf32> {
  // expected-error @+1 {{operand of type 'tensor<1x1x4611686018427387904x64xf32>' has more elements than 64-bit byte offsets can address}}
  %0 = attn.attention ins(%q, %k, %v : tensor<1x1x4611686018427387904x64xf32>, tensor<1x1x8x64xf32>, tensor<1x1x8x64xf32>) outs(%o : tensor<1x1x4611686018427387904x64xf32>) -> tensor<1x1x4611686018427387904x64xf32>
  return %0 : tensor<1x1x4611686018427387904x64xf32>
}
