// A small runnable attn.attention program: causal GQA (B = 1, Hq = 4,
// Hkv = 2, S = 16, D = 8, f32) on inputs filled with sin(...) values,
// printing the output. The README's "Using attn-opt" commands run it:
//
//   build/bin/attn-opt examples/attention.mlir -attn-cpu-pipeline | \
//     /usr/lib/llvm-22/bin/mlir-runner -e main -entry-point-result=void \
//       -shared-libs=/usr/lib/llvm-22/lib/libmlir_runner_utils.so,/usr/lib/llvm-22/lib/libmlir_c_runner_utils.so,/usr/lib/llvm-22/lib/libomp.so
//
// test/Integration/CPU/example.test runs it through the flash and the
// reference lowerings and compares the two.

#id4 = affine_map<(b, h, s, d) -> (b, h, s, d)>

// Fills `t` with sin(0.37 b + 1.3 h + 0.71 s + 0.113 d + seed).
func.func @fill(%t: tensor<?x?x?x?xf32>, %seed: f32) -> tensor<?x?x?x?xf32> {
  %r = linalg.generic {indexing_maps = [#id4],
                       iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      outs(%t : tensor<?x?x?x?xf32>) {
  ^bb0(%o: f32):
    %i0 = linalg.index 0 : index
    %i1 = linalg.index 1 : index
    %i2 = linalg.index 2 : index
    %i3 = linalg.index 3 : index
    %a0 = arith.index_cast %i0 : index to i64
    %a1 = arith.index_cast %i1 : index to i64
    %a2 = arith.index_cast %i2 : index to i64
    %a3 = arith.index_cast %i3 : index to i64
    %f0 = arith.sitofp %a0 : i64 to f32
    %f1 = arith.sitofp %a1 : i64 to f32
    %f2 = arith.sitofp %a2 : i64 to f32
    %f3 = arith.sitofp %a3 : i64 to f32
    %c0 = arith.constant 0.37 : f32
    %c1 = arith.constant 1.3 : f32
    %c2 = arith.constant 0.71 : f32
    %c3 = arith.constant 0.113 : f32
    %m0 = arith.mulf %f0, %c0 : f32
    %m1 = arith.mulf %f1, %c1 : f32
    %m2 = arith.mulf %f2, %c2 : f32
    %m3 = arith.mulf %f3, %c3 : f32
    %s0 = arith.addf %m0, %m1 : f32
    %s1 = arith.addf %m2, %m3 : f32
    %s2 = arith.addf %s0, %s1 : f32
    %s3 = arith.addf %s2, %seed : f32
    %v = math.sin %s3 : f32
    linalg.yield %v : f32
  } -> tensor<?x?x?x?xf32>
  return %r : tensor<?x?x?x?xf32>
}

// The attention itself: 4 query heads share 2 K/V heads; scale defaults to
// 1/sqrt(D).
func.func @attention(%q: tensor<1x4x16x8xf32>, %k: tensor<1x2x16x8xf32>,
                     %v: tensor<1x2x16x8xf32>) -> tensor<1x4x16x8xf32> {
  %init = tensor.empty() : tensor<1x4x16x8xf32>
  %out = attn.attention
      ins(%q, %k, %v : tensor<1x4x16x8xf32>, tensor<1x2x16x8xf32>,
                       tensor<1x2x16x8xf32>)
      outs(%init : tensor<1x4x16x8xf32>)
      causal = top_left -> tensor<1x4x16x8xf32>
  return %out : tensor<1x4x16x8xf32>
}

func.func private @printMemrefF32(tensor<*xf32>)

func.func @main() {
  %eq = tensor.empty() : tensor<1x4x16x8xf32>
  %ek = tensor.empty() : tensor<1x2x16x8xf32>
  %ev = tensor.empty() : tensor<1x2x16x8xf32>
  %dq = tensor.cast %eq : tensor<1x4x16x8xf32> to tensor<?x?x?x?xf32>
  %dk = tensor.cast %ek : tensor<1x2x16x8xf32> to tensor<?x?x?x?xf32>
  %dv = tensor.cast %ev : tensor<1x2x16x8xf32> to tensor<?x?x?x?xf32>
  %sq = arith.constant 0.3 : f32
  %sk = arith.constant 1.7 : f32
  %sv = arith.constant 2.9 : f32
  %fq = call @fill(%dq, %sq) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %fk = call @fill(%dk, %sk) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %fv = call @fill(%dv, %sv) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  %q = tensor.cast %fq : tensor<?x?x?x?xf32> to tensor<1x4x16x8xf32>
  %k = tensor.cast %fk : tensor<?x?x?x?xf32> to tensor<1x2x16x8xf32>
  %v = tensor.cast %fv : tensor<?x?x?x?xf32> to tensor<1x2x16x8xf32>
  %o = call @attention(%q, %k, %v)
      : (tensor<1x4x16x8xf32>, tensor<1x2x16x8xf32>, tensor<1x2x16x8xf32>)
      -> tensor<1x4x16x8xf32>
  %u = tensor.cast %o : tensor<1x4x16x8xf32> to tensor<*xf32>
  call @printMemrefF32(%u) : (tensor<*xf32>) -> ()
  return
}
