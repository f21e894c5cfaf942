// Executed check of attn-fuse-attention on a 3-D chain with one head per
// batch (B = 4, H = 1, collapsed [B*H, S, D] operands) and a [B*H, 1, Skv]
// float mask: its index b * 1 + h simplifies to b + h, which is expanded
// back to [B, 1, 1, Skv]. Inputs are fixed pseudo-random constants. The
// fused and the unfused programs must print the same numbers (rtol 1e-4,
// atol 1e-5).
// RUN: attn-opt %s -attn-fuse-attention | FileCheck %s
// RUN: attn-opt %s -attn-cpu-pipeline="fuse=false" | mlir-runner -e main -entry-point-result=void -shared-libs=%runner_libs > %t.ref
// RUN: attn-opt %s -attn-cpu-pipeline="fuse=true" | mlir-runner -e main -entry-point-result=void -shared-libs=%runner_libs > %t.fused
// RUN: %python %attn_src/test/lib/compare_outputs.py %t.ref %t.fused --rtol 1e-4 --atol 1e-5

// CHECK: attn.attention
// CHECK-SAME: mask(%{{.+}} : tensor<4x1x1x5xf32>)

func.func @attn(%q4: tensor<4x1x4x4xf32>, %k4: tensor<4x1x5x4xf32>, %v4: tensor<4x1x5x3xf32>, %m: tensor<4x1x5xf32>) -> tensor<4x4x3xf32> {
  %q = tensor.collapse_shape %q4 [[0, 1], [2], [3]] : tensor<4x1x4x4xf32> into tensor<4x4x4xf32>
  %k = tensor.collapse_shape %k4 [[0, 1], [2], [3]] : tensor<4x1x5x4xf32> into tensor<4x5x4xf32>
  %v = tensor.collapse_shape %v4 [[0, 1], [2], [3]] : tensor<4x1x5x3xf32> into tensor<4x5x3xf32>
  %kt_e = tensor.empty() : tensor<4x4x5xf32>
  %kt = linalg.transpose ins(%k : tensor<4x5x4xf32>) outs(%kt_e : tensor<4x4x5xf32>) permutation = [0, 2, 1]
  %z0 = arith.constant 0.0 : f32
  %se = tensor.empty() : tensor<4x4x5xf32>
  %sf = linalg.fill ins(%z0 : f32) outs(%se : tensor<4x4x5xf32>) -> tensor<4x4x5xf32>
  %s = linalg.batch_matmul ins(%q, %kt : tensor<4x4x4xf32>, tensor<4x4x5xf32>) outs(%sf : tensor<4x4x5xf32>) -> tensor<4x4x5xf32>
  %e1 = tensor.empty() : tensor<4x4x5xf32>
  %sm = linalg.generic {indexing_maps = [affine_map<(n, i, j) -> (n, i, j)>, affine_map<(n, i, j) -> (n, 0, j)>, affine_map<(n, i, j) -> (n, i, j)>], iterator_types = ["parallel", "parallel", "parallel"]} ins(%s, %m : tensor<4x4x5xf32>, tensor<4x1x5xf32>) outs(%e1 : tensor<4x4x5xf32>) {
  ^bb0(%a0: f32, %a1: f32, %oo: f32):
    %c = arith.constant 0.25 : f32
    %y = arith.mulf %a0, %c : f32
    %r = arith.addf %y, %a1 : f32
    linalg.yield %r : f32
  } -> tensor<4x4x5xf32>
  %z5 = arith.constant 0xFF800000 : f32
  %e6 = tensor.empty() : tensor<4x4xf32>
  %f7 = linalg.fill ins(%z5 : f32) outs(%e6 : tensor<4x4xf32>) -> tensor<4x4xf32>
  %mx2 = linalg.generic {indexing_maps = [affine_map<(n, i, j) -> (n, i, j)>, affine_map<(n, i, j) -> (n, i)>], iterator_types = ["parallel", "parallel", "reduction"]} ins(%sm : tensor<4x4x5xf32>) outs(%f7 : tensor<4x4xf32>) {
  ^bb0(%a: f32, %acc: f32):
    %r = arith.maximumf %a, %acc : f32
    linalg.yield %r : f32
  } -> tensor<4x4xf32>
  %e8 = tensor.empty() : tensor<4x4x5xf32>
  %ex3 = linalg.generic {indexing_maps = [affine_map<(n, i, j) -> (n, i, j)>, affine_map<(n, i, j) -> (n, i)>, affine_map<(n, i, j) -> (n, i, j)>], iterator_types = ["parallel", "parallel", "parallel"]} ins(%sm, %mx2 : tensor<4x4x5xf32>, tensor<4x4xf32>) outs(%e8 : tensor<4x4x5xf32>) {
  ^bb0(%a0: f32, %a1: f32, %oo: f32):
    %d = arith.subf %a0, %a1 : f32
    %r = math.exp %d : f32
    linalg.yield %r : f32
  } -> tensor<4x4x5xf32>
  %z9 = arith.constant 0.0 : f32
  %e10 = tensor.empty() : tensor<4x4xf32>
  %f11 = linalg.fill ins(%z9 : f32) outs(%e10 : tensor<4x4xf32>) -> tensor<4x4xf32>
  %sum4 = linalg.generic {indexing_maps = [affine_map<(n, i, j) -> (n, i, j)>, affine_map<(n, i, j) -> (n, i)>], iterator_types = ["parallel", "parallel", "reduction"]} ins(%ex3 : tensor<4x4x5xf32>) outs(%f11 : tensor<4x4xf32>) {
  ^bb0(%a: f32, %acc: f32):
    %r = arith.addf %a, %acc : f32
    linalg.yield %r : f32
  } -> tensor<4x4xf32>
  %e12 = tensor.empty() : tensor<4x4x5xf32>
  %p = linalg.generic {indexing_maps = [affine_map<(n, i, j) -> (n, i, j)>, affine_map<(n, i, j) -> (n, i)>, affine_map<(n, i, j) -> (n, i, j)>], iterator_types = ["parallel", "parallel", "parallel"]} ins(%ex3, %sum4 : tensor<4x4x5xf32>, tensor<4x4xf32>) outs(%e12 : tensor<4x4x5xf32>) {
  ^bb0(%a0: f32, %a1: f32, %oo: f32):
    %r = arith.divf %a0, %a1 : f32
    linalg.yield %r : f32
  } -> tensor<4x4x5xf32>
  %oe = tensor.empty() : tensor<4x4x3xf32>
  %of = linalg.fill ins(%z0 : f32) outs(%oe : tensor<4x4x3xf32>) -> tensor<4x4x3xf32>
  %o = linalg.batch_matmul ins(%p, %v : tensor<4x4x5xf32>, tensor<4x5x3xf32>) outs(%of : tensor<4x4x3xf32>) -> tensor<4x4x3xf32>
  return %o : tensor<4x4x3xf32>
}

func.func private @printMemrefF32(tensor<*xf32>)
#mid = affine_map<(d0) -> (d0)>
func.func @main() {
  %c0f = arith.constant dense<[-0.994700014591217, 0.3188000023365021, 0.45680001378059387, 0.909500002861023, 0.6567000150680542, -0.40869998931884766, 0.18880000710487366, 0.8751999735832214, -0.2508000135421753, 1.9187999963760376, -0.45590001344680786, 0.26739999651908875, -0.4986000061035156, -1.4718999862670898, -0.8363000154495239, -0.382099986076355, 1.1473000049591064, 1.7403000593185425, 0.2921999990940094, 0.7893000245094299, 1.8695000410079956, -0.8626999855041504, 0.06239999830722809, 0.45680001378059387, -0.08529999852180481, 0.8417999744415283, 0.4471000134944916, 0.8119000196456909, -1.098099946975708, 0.8745999932289124, 1.7233999967575073, -1.8839000463485718, -1.7178000211715698, 0.9912999868392944, -1.6115000247955322, -1.4738999605178833, -0.7996000051498413, -0.6485000252723694, -0.05570000037550926, 1.81659996509552, 1.2486000061035156, 0.6823999881744385, 1.6241999864578247, -0.7544999718666077, 0.31790000200271606, -0.5335000157356262, -0.9718999862670898, -0.14560000598430634, -1.440000057220459, 1.6598000526428223, 0.786899983882904, -1.8219000101089478, -0.8090999722480774, -0.3928999900817871, 1.5814000368118286, 1.4919999837875366, 1.3220000267028809, -1.5681999921798706, 1.1778000593185425, -1.5353000164031982, -1.3200000524520874, 1.7174999713897705, 1.8995000123977661, -0.7875000238418579]> : tensor<64xf32>
  %c0 = tensor.expand_shape %c0f [[0, 1, 2, 3]] output_shape [4, 1, 4, 4] : tensor<64xf32> into tensor<4x1x4x4xf32>
  %c1f = arith.constant dense<[0.5942999720573425, 0.8062000274658203, -0.3248000144958496, -1.6723999977111816, 1.0463000535964966, -1.587399959564209, 0.6509000062942505, 0.40779998898506165, 0.4975000023841858, -1.922700047492981, 0.6725000143051147, -1.9033000469207764, -0.1467999964952469, -0.4320000112056732, 1.6893999576568604, 0.5803999900817871, 0.42309999465942383, 0.15839999914169312, 0.7949000000953674, 1.0680999755859375, -1.93340003490448, 0.5652999877929688, -0.397599995136261, -1.1101000308990479, -0.12880000472068787, 1.5351999998092651, -1.3285000324249268, -1.8946000337600708, 1.5154999494552612, -1.660099983215332, 0.5407000184059143, -1.1633000373840332, 0.8899000287055969, -0.45419999957084656, -0.7268000245094299, 0.1662999987602234, -0.09529999643564224, 1.2029999494552612, 0.746399998664856, 0.007699999958276749, 0.16449999809265137, -0.515999972820282, -1.2168999910354614, -1.1404999494552612, 0.21619999408721924, 0.02850000001490116, -1.716599941253662, 0.04580000042915344, -1.7168999910354614, 1.3960000276565552, -1.826300024986267, 0.5629000067710876, -1.680299997329712, -1.7448999881744385, -0.2513999938964844, 1.7001999616622925, -1.8770999908447266, 0.08139999955892563, 0.6650000214576721, -1.6377999782562256, 1.5032000541687012, -1.666200041770935, -0.7236999869346619, -0.597599983215332, -1.7934999465942383, -1.9830000400543213, -0.39329999685287476, -1.4457000494003296, -1.8044999837875366, -0.8435999751091003, 1.3875000476837158, 1.7007999420166016, -1.9278000593185425, 0.1120000034570694, -0.5491999983787537, 0.39649999141693115, 0.4496999979019165, -0.4172999858856201, 1.9470000267028809, -1.7985999584197998]> : tensor<80xf32>
  %c1 = tensor.expand_shape %c1f [[0, 1, 2, 3]] output_shape [4, 1, 5, 4] : tensor<80xf32> into tensor<4x1x5x4xf32>
  %c2f = arith.constant dense<[0.004399999976158142, 1.1913000345230103, 1.3389999866485596, 1.2889000177383423, 0.795799970626831, -0.07900000363588333, -1.5892000198364258, -1.8681000471115112, -0.49309998750686646, 1.0135999917984009, 0.2678000032901764, -1.6516000032424927, -0.7645999789237976, -0.241799995303154, 0.11230000108480453, -0.5921000242233276, -0.9584000110626221, -0.7549999952316284, 1.2544000148773193, 0.5056999921798706, 0.42480000853538513, 1.6712000370025635, -1.3899999856948853, -0.9706000089645386, 1.392899990081787, -0.09759999811649323, 0.7124999761581421, 1.9089000225067139, -0.35199999809265137, -1.569100022315979, -1.3802000284194946, 1.6474000215530396, -1.6934000253677368, 0.8205999732017517, -1.8245999813079834, 0.26249998807907104, 0.3253999948501587, 1.2639000415802002, -1.1885000467300415, -1.9629000425338745, 0.4812000095844269, -0.8353000283241272, -1.6648999452590942, -0.982200026512146, 0.8623999953269958, -1.0419000387191772, -0.8169999718666077, 1.2134000062942505, 0.7687000036239624, -0.9681000113487244, 0.3817000091075897, -1.2754000425338745, -0.37220001220703125, -1.2408000230789185, 0.6152999997138977, -1.5699000358581543, 1.1740000247955322, -1.557800054550171, 0.8165000081062317, -0.9830999970436096]> : tensor<60xf32>
  %c2 = tensor.expand_shape %c2f [[0, 1, 2, 3]] output_shape [4, 1, 5, 3] : tensor<60xf32> into tensor<4x1x5x3xf32>
  %c3f = arith.constant dense<[1.1611000299453735, 1.5259000062942505, -1.8063000440597534, 1.9779000282287598, -1.1756999492645264, 1.6604000329971313, -0.8586000204086304, 0.5490000247955322, 1.410599946975708, -1.9875999689102173, -0.40529999136924744, -0.046799998730421066, -1.1656999588012695, -1.5056999921798706, -0.5388000011444092, 0.3781000077724457, -1.455399990081787, 0.9214000105857849, -1.9789999723434448, -0.769599974155426]> : tensor<20xf32>
  %c3 = tensor.expand_shape %c3f [[0, 1, 2]] output_shape [4, 1, 5] : tensor<20xf32> into tensor<4x1x5xf32>
  %r0 = call @attn(%c0, %c1, %c2, %c3) : (tensor<4x1x4x4xf32>, tensor<4x1x5x4xf32>, tensor<4x1x5x3xf32>, tensor<4x1x5xf32>) -> (tensor<4x4x3xf32>)
  %fl0 = tensor.collapse_shape %r0 [[0, 1, 2]] : tensor<4x4x3xf32> into tensor<48xf32>
  %u0 = tensor.cast %fl0 : tensor<48xf32> to tensor<*xf32>
  call @printMemrefF32(%u0) : (tensor<*xf32>) -> ()
  return
}
