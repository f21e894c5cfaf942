// Executed check of attn-fuse-attention on a mask that keeps only the
// diagonal (arith.cmpi eq, %j, %i on linalg.index; Sq = 5, Skv = 7), raised
// to causal = top_left with a window of 0 keys to the left. Inputs are
// fixed pseudo-random constants. The fused and the unfused programs must
// print the same numbers (rtol 1e-4, atol 1e-5).
// RUN: attn-opt %s -attn-fuse-attention | FileCheck %s
// RUN: attn-opt %s -attn-cpu-pipeline="fuse=false" | mlir-runner -e main -entry-point-result=void -shared-libs=%runner_libs > %t.ref
// RUN: attn-opt %s -attn-cpu-pipeline="fuse=true" | mlir-runner -e main -entry-point-result=void -shared-libs=%runner_libs > %t.fused
// RUN: %python %attn_src/test/lib/compare_outputs.py %t.ref %t.fused --rtol 1e-4 --atol 1e-5

// CHECK: attn.attention
// CHECK-SAME: causal = top_left window = [0, -1]

func.func @attn(%q: tensor<2x2x5x4xf32>, %k: tensor<2x2x7x4xf32>, %v: tensor<2x2x7x3xf32>) -> tensor<2x2x5x3xf32> {
  %z1 = arith.constant 0.0 : f32
  %e2 = tensor.empty() : tensor<2x2x5x7xf32>
  %f3 = linalg.fill ins(%z1 : f32) outs(%e2 : tensor<2x2x5x7xf32>) -> tensor<2x2x5x7xf32>
  %s = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d4)>, affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d3, d4)>, affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%q, %k : tensor<2x2x5x4xf32>, tensor<2x2x7x4xf32>) outs(%f3 : tensor<2x2x5x7xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %mm = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %mm : f32
    linalg.yield %r : f32
  } -> tensor<2x2x5x7xf32>
  %e4 = tensor.empty() : tensor<2x2x5x7xf32>
  %ss = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%s : tensor<2x2x5x7xf32>) outs(%e4 : tensor<2x2x5x7xf32>) {
  ^bb0(%a0: f32, %o: f32):
    %c = arith.constant 0.5 : f32
    %r = arith.mulf %a0, %c : f32
    linalg.yield %r : f32
  } -> tensor<2x2x5x7xf32>
  %e230 = tensor.empty() : tensor<2x2x5x7xf32>
  %sm = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%ss : tensor<2x2x5x7xf32>) outs(%e230 : tensor<2x2x5x7xf32>) {
  ^bb0(%a0: f32, %o: f32):
    %bb = linalg.index 0 : index
    %h = linalg.index 1 : index
    %i = linalg.index 2 : index
    %j = linalg.index 3 : index
    %cnd = arith.cmpi eq, %j, %i : index
    %m = arith.constant 0xFF800000 : f32
    %r = arith.select %cnd, %a0, %m : f32
    linalg.yield %r : f32
  } -> tensor<2x2x5x7xf32>
  %z234 = arith.constant 0xFF800000 : f32
  %e235 = tensor.empty() : tensor<2x2x5xf32>
  %f236 = linalg.fill ins(%z234 : f32) outs(%e235 : tensor<2x2x5xf32>) -> tensor<2x2x5xf32>
  %mx231 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%sm : tensor<2x2x5x7xf32>) outs(%f236 : tensor<2x2x5xf32>) {
  ^bb0(%a: f32, %acc: f32):
    %r = arith.maximumf %a, %acc : f32
    linalg.yield %r : f32
  } -> tensor<2x2x5xf32>
  %e237 = tensor.empty() : tensor<2x2x5x7xf32>
  %ex232 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%sm, %mx231 : tensor<2x2x5x7xf32>, tensor<2x2x5xf32>) outs(%e237 : tensor<2x2x5x7xf32>) {
  ^bb0(%a0: f32, %a1: f32, %o: f32):
    %d = arith.subf %a0, %a1 : f32
    %r = math.exp %d : f32
    linalg.yield %r : f32
  } -> tensor<2x2x5x7xf32>
  %z238 = arith.constant 0.0 : f32
  %e239 = tensor.empty() : tensor<2x2x5xf32>
  %f240 = linalg.fill ins(%z238 : f32) outs(%e239 : tensor<2x2x5xf32>) -> tensor<2x2x5xf32>
  %sum233 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%ex232 : tensor<2x2x5x7xf32>) outs(%f240 : tensor<2x2x5xf32>) {
  ^bb0(%a: f32, %acc: f32):
    %r = arith.addf %a, %acc : f32
    linalg.yield %r : f32
  } -> tensor<2x2x5xf32>
  %e241 = tensor.empty() : tensor<2x2x5x7xf32>
  %p = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%ex232, %sum233 : tensor<2x2x5x7xf32>, tensor<2x2x5xf32>) outs(%e241 : tensor<2x2x5x7xf32>) {
  ^bb0(%a0: f32, %a1: f32, %o: f32):
    %r = arith.divf %a0, %a1 : f32
    linalg.yield %r : f32
  } -> tensor<2x2x5x7xf32>
  %z242 = arith.constant 0.0 : f32
  %e243 = tensor.empty() : tensor<2x2x5x3xf32>
  %f244 = linalg.fill ins(%z242 : f32) outs(%e243 : tensor<2x2x5x3xf32>) -> tensor<2x2x5x3xf32>
  %o = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d4)>, affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d4, d3)>, affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%p, %v : tensor<2x2x5x7xf32>, tensor<2x2x7x3xf32>) outs(%f244 : tensor<2x2x5x3xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %mm = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %mm : f32
    linalg.yield %r : f32
  } -> tensor<2x2x5x3xf32>
  return %o : tensor<2x2x5x3xf32>
}

func.func private @printMemrefF32(tensor<*xf32>)
#mid = affine_map<(d0) -> (d0)>
func.func @main() {
  %c0f = arith.constant dense<[1.9068000316619873, -0.47920000553131104, 1.6929999589920044, -0.9531999826431274, -0.7235999703407288, -1.5276000499725342, -1.0328999757766724, -0.7258999943733215, 1.8562999963760376, -0.9453999996185303, -0.23600000143051147, 0.43950000405311584, 1.4544999599456787, 1.4550000429153442, 0.6995000243186951, 0.6395000219345093, 0.9430000185966492, -1.1089999675750732, -1.3116999864578247, 1.4816999435424805, -1.7594000101089478, 0.7347999811172485, 0.6850000023841858, 0.4440999925136566, -1.7595000267028809, 1.9111000299453735, -0.24420000612735748, 0.13040000200271606, -1.9874999523162842, -0.9948999881744385, 1.434000015258789, -0.298799991607666, 0.9433000087738037, 1.6881999969482422, -1.3861000537872314, 1.968999981880188, -1.2706999778747559, 1.7604999542236328, -1.652500033378601, -0.12720000743865967, 1.315999984741211, -0.8758000135421753, 1.4764000177383423, 1.9056999683380127, 1.3668999671936035, -0.2045000046491623, -0.5180000066757202, -0.06930000334978104, -1.6312999725341797, -1.0932999849319458, 0.14630000293254852, 0.9329000115394592, -0.20440000295639038, -0.777999997138977, 1.7893999814987183, 1.00409996509552, -0.11180000007152557, -0.17090000212192535, 0.9854000210762024, 1.4215999841690063, -0.8259999752044678, 0.9333000183105469, 1.2352999448776245, 1.54830002784729, -1.9006999731063843, 0.050200000405311584, 0.4510999917984009, -0.878600001335144, -0.1914999932050705, 0.12489999830722809, 1.9544999599456787, -1.976099967956543, -1.1948000192642212, -0.9725000262260437, -0.6370000243186951, -1.7879999876022339, -0.6940000057220459, -1.2065999507904053, 1.3169000148773193, 0.5485000014305115]> : tensor<80xf32>
  %c0 = tensor.expand_shape %c0f [[0, 1, 2, 3]] output_shape [2, 2, 5, 4] : tensor<80xf32> into tensor<2x2x5x4xf32>
  %c1f = arith.constant dense<[-1.6582000255584717, -1.1194000244140625, 0.7246999740600586, -1.462399959564209, 1.8260999917984009, -1.4538999795913696, 1.1907999515533447, -0.006800000090152025, -0.7811999917030334, -1.0631999969482422, 1.5720000267028809, -0.48989999294281006, -1.694599986076355, -1.864799976348877, -0.1535000056028366, 1.495300054550171, -0.597599983215332, 1.294100046157837, 1.7888000011444092, -1.7317999601364136, -0.8086000084877014, 0.4765999913215637, -0.7929999828338623, -1.3006000518798828, -0.017999999225139618, 1.0422999858856201, 0.7490000128746033, -1.0074000358581543, 0.48820000886917114, -0.7373999953269958, -0.8910999894142151, 1.719499945640564, -0.881600022315979, 1.795300006866455, -1.1919000148773193, 0.26190000772476196, -0.4787999987602234, 1.2323999404907227, -1.489799976348877, 1.805400013923645, 0.9153000116348267, -1.2977999448776245, 0.7710000276565552, -1.6287000179290771, 0.225600004196167, -1.590000033378601, -1.8251999616622925, -0.4291999936103821, 0.76419997215271, 0.9078999757766724, 0.6761000156402588, 0.3662000000476837, 1.5160000324249268, 0.15060000121593475, -1.6087000370025635, -1.4348000288009644, 1.8490999937057495, 1.1923999786376953, -1.9730000495910645, 1.7832000255584717, 0.6216999888420105, 1.642699956893921, -1.3897000551223755, 0.3544999957084656, 0.01510000042617321, -1.304800033569336, -1.7486000061035156, 0.6582000255584717, -1.8724000453948975, -1.0473999977111816, 0.0617000013589859, 0.40939998626708984, -0.8682000041007996, 1.372499942779541, 1.5787999629974365, 0.892799973487854, 1.7062000036239624, -1.7640000581741333, -1.799399971961975, -1.5045000314712524, -1.5117000341415405, 0.12460000067949295, 1.6526000499725342, -1.2700999975204468, 1.965999960899353, 1.5196000337600708, -0.7081999778747559, -1.2346999645233154, -0.012500000186264515, -0.7423999905586243, -1.8788000345230103, -1.6295000314712524, 0.3560999929904938, 0.5361999869346619, 1.865399956703186, -1.940500020980835, 0.9326000213623047, 0.531499981880188, 0.0066999997943639755, -1.5162999629974365, 1.4318000078201294, 0.8095999956130981, 0.2745000123977661, 1.924399971961975, -1.6385999917984009, 0.90829998254776, -0.045499999076128006, -0.878000020980835, 1.5413000583648682, 1.2309000492095947, -0.24220000207424164, 0.5666000247001648]> : tensor<112xf32>
  %c1 = tensor.expand_shape %c1f [[0, 1, 2, 3]] output_shape [2, 2, 7, 4] : tensor<112xf32> into tensor<2x2x7x4xf32>
  %c2f = arith.constant dense<[0.5242000222206116, -1.9663000106811523, -1.1133999824523926, -1.1324000358581543, -1.118899941444397, 0.9645000100135803, 1.7661999464035034, -0.9343000054359436, 0.9890999794006348, -1.9917000532150269, 1.2374000549316406, 1.2272000312805176, -1.7819000482559204, -1.6043000221252441, 0.21289999783039093, 1.0515999794006348, 0.9236999750137329, 0.7299000024795532, 1.0504000186920166, 0.3977000117301941, -1.0580999851226807, -1.8877999782562256, 1.6467000246047974, -0.34369999170303345, 0.8938999772071838, -0.9362000226974487, 1.9214999675750732, -1.287600040435791, -1.8122999668121338, -0.023499999195337296, -0.5178999900817871, 0.6223000288009644, -1.9997999668121338, -1.427899956703186, 1.4358999729156494, 0.7311999797821045, -0.6718999743461609, -1.9006999731063843, -1.8312000036239624, -0.4417000114917755, 1.7719999551773071, 1.674399971961975, -0.741100013256073, -0.5110999941825867, -0.9330000281333923, -1.4325000047683716, 0.366100013256073, -0.1476999968290329, 1.3413000106811523, -0.018300000578165054, -1.9291000366210938, -0.2484000027179718, -1.4637999534606934, -0.6704000234603882, 0.005200000014156103, 0.17350000143051147, 0.7793999910354614, 1.8567999601364136, -0.5004000067710876, 1.021399974822998, 0.11389999836683273, 1.4585000276565552, 0.2433999925851822, -0.4715000092983246, -0.00019999999494757503, 0.11900000274181366, 1.9424999952316284, -1.7548999786376953, -1.8206000328063965, -1.2226999998092651, -1.9844000339508057, -1.576799988746643, -0.4221999943256378, -1.1806999444961548, -0.07209999859333038, 1.381600022315979, 0.5539000034332275, 1.069700002670288, 1.3221999406814575, -1.4922000169754028, -1.8229000568389893, -0.20720000565052032, -0.13379999995231628, 1.8410999774932861]> : tensor<84xf32>
  %c2 = tensor.expand_shape %c2f [[0, 1, 2, 3]] output_shape [2, 2, 7, 3] : tensor<84xf32> into tensor<2x2x7x3xf32>
  %r0 = call @attn(%c0, %c1, %c2) : (tensor<2x2x5x4xf32>, tensor<2x2x7x4xf32>, tensor<2x2x7x3xf32>) -> (tensor<2x2x5x3xf32>)
  %fl0 = tensor.collapse_shape %r0 [[0, 1, 2, 3]] : tensor<2x2x5x3xf32> into tensor<60xf32>
  %u0 = tensor.cast %fl0 : tensor<60xf32> to tensor<*xf32>
  call @printMemrefF32(%u0) : (tensor<*xf32>) -> ()
  return
}
