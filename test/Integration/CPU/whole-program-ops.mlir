// Whole programs hold more than attention: both pipelines must lower the
// rest of a model and of a test driver too. Here, next to an attention op,
// a GELU through math.erf (no LLVM intrinsic: a libm call), a rotary
// factor through complex.exp, affine loops with affine.load/store/if on a
// buffer, memory the program frees itself (memref.dealloc of its own
// allocation and of a function argument), a vector.contract on the host,
// math.ipowi, parallel reductions, and loops written with branches (one
// carrying a tensor through attention layers). Each printed value is
// checked against its closed form; a double free would abort the run.
// RUN: attn-opt %s -attn-cpu-pipeline | mlir-runner -e main -entry-point-result=void -shared-libs=%runner_libs | FileCheck %s
// RUN: attn-opt %s -attn-cpu-pipeline="flash=false openmp=false" | mlir-runner -e main -entry-point-result=void -shared-libs=%runner_libs | FileCheck %s
// RUN: attn-opt %s -attn-nvvm-pipeline="chip=sm_80 format=isa" | FileCheck %s --check-prefix=NVVM
// RUN: attn-opt %s -attn-nvvm-pipeline="chip=sm_90a format=isa" | FileCheck %s --check-prefix=NVVM

// NVVM-DAG: llvm.func @erff(f32) -> f32
// NVVM-DAG: gpu.binary
// NVVM-DAG: llvm.func @main()

// 0.5 x (1 + erf(x / sqrt 2)) for x = 0.5, -1, 2.
// CHECK: ( 0.345731, -0.158655, 1.9545 )
// exp(0.5 i) = cos 0.5 + i sin 0.5.
// CHECK-NEXT: 0.877583
// CHECK-NEXT: 0.479426
// m[i] = 1.5 i, doubled where i >= 2.
// CHECK-NEXT: ( 0, 1.5, 6, 9, 12 )
// CHECK-NEXT: 7.5
// CHECK-NEXT: ( 11.75, 26.75 )
// Attention with V[j, e] = 1 + e / 2 for every key: each output row is V's.
// CHECK-NEXT: ( 1, 1.5, 2, 2.5 )
// CHECK-NEXT: ( 1, 1.5, 2, 2.5 )
// math.ipowi (an outlined function): 6^3.
// CHECK-NEXT: 216
// Parallel reductions of m: max (run as a loop: OpenMP has no maximumf) and
// sum (parallel).
// CHECK-NEXT: 12
// CHECK-NEXT: 28.5
// Loops written with branches (cf.br / cf.cond_br): the sum of m, and two
// attention layers x = attention(x, K, V) carrying a tensor through blocks.
// CHECK-NEXT: 28.5
// CHECK-NEXT: ( 1, 1.5, 2, 2.5 )
// A torch view [B*S, E] -> [B, S, E] with B and S dynamic: x[1, 2, 3] of
// iota(6 x 4) viewed as 2 x 3 x 4.
// CHECK-NEXT: 23
// A branch loop carrying a dynamic tensor: x0 + 3 x0 = 4 x0.
// CHECK-NEXT: ( 6, -8, 13, 0.5 )

func.func @dyn_loop(%x0: tensor<?xf32>, %n: index) -> tensor<?xf32> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  cf.br ^head(%c0, %x0 : index, tensor<?xf32>)
^head(%i: index, %x: tensor<?xf32>):
  %done = arith.cmpi sge, %i, %n : index
  cf.cond_br %done, ^exit, ^body
^body:
  %y = arith.addf %x, %x0 : tensor<?xf32>
  %j = arith.addi %i, %c1 : index
  cf.br ^head(%j, %y : index, tensor<?xf32>)
^exit:
  return %x : tensor<?xf32>
}

func.func @gelu(%x: tensor<3xf32>) -> tensor<3xf32> {
  %half = arith.constant dense<0.5> : tensor<3xf32>
  %one = arith.constant dense<1.0> : tensor<3xf32>
  %rs2 = arith.constant dense<0.707106781> : tensor<3xf32>
  %a = arith.mulf %x, %rs2 : tensor<3xf32>
  %e = math.erf %a : tensor<3xf32>
  %b = arith.addf %e, %one : tensor<3xf32>
  %c = arith.mulf %x, %b : tensor<3xf32>
  %r = arith.mulf %c, %half : tensor<3xf32>
  return %r : tensor<3xf32>
}

func.func @rotary(%theta: f32) -> (f32, f32) {
  %zero = arith.constant 0.0 : f32
  %it = complex.create %zero, %theta : complex<f32>
  %r = complex.exp %it : complex<f32>
  %re = complex.re %r : complex<f32>
  %im = complex.im %r : complex<f32>
  return %re, %im : f32, f32
}

// Frees its argument, which the caller allocated: the buffer is freed once
// (by the caller, its owner, after the call).
func.func @sum_and_free(%m: memref<5xf32>) -> f32 {
  %zero = arith.constant 0.0 : f32
  %s = affine.for %i = 0 to 2 iter_args(%acc = %zero) -> f32 {
    %v = affine.load %m[%i + 1] : memref<5xf32>
    %n = arith.addf %acc, %v : f32
    affine.yield %n : f32
  }
  memref.dealloc %m : memref<5xf32>
  return %s : f32
}

func.func @matvec(%a: vector<2x4xf32>, %b: vector<4xf32>, %c: vector<2xf32>) -> vector<2xf32> {
  %r = vector.contract {indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (j)>, affine_map<(i, j) -> (i)>], iterator_types = ["parallel", "reduction"], kind = #vector.kind<add>} %a, %b, %c : vector<2x4xf32>, vector<4xf32> into vector<2xf32>
  return %r : vector<2xf32>
}

func.func @ipow(%b: i32, %e: i32) -> i32 {
  %r = math.ipowi %b, %e : i32
  return %r : i32
}

func.func @cfg_sum(%n: index, %m: memref<5xf32>) -> f32 {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %z = arith.constant 0.0 : f32
  cf.br ^head(%c0, %z : index, f32)
^head(%i: index, %acc: f32):
  %done = arith.cmpi sge, %i, %n : index
  cf.cond_br %done, ^exit, ^body
^body:
  %v = memref.load %m[%i] : memref<5xf32>
  %s = arith.addf %acc, %v : f32
  %j = arith.addi %i, %c1 : index
  cf.br ^head(%j, %s : index, f32)
^exit:
  return %acc : f32
}

func.func @cfg_layers(%x0: tensor<1x2x5x4xf32>, %k: tensor<1x2x5x4xf32>, %v: tensor<1x2x5x4xf32>, %n: index) -> tensor<1x2x5x4xf32> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  cf.br ^head(%c0, %x0 : index, tensor<1x2x5x4xf32>)
^head(%i: index, %x: tensor<1x2x5x4xf32>):
  %done = arith.cmpi sge, %i, %n : index
  cf.cond_br %done, ^exit, ^body
^body:
  %o = tensor.empty() : tensor<1x2x5x4xf32>
  %y = attn.attention ins(%x, %k, %v : tensor<1x2x5x4xf32>, tensor<1x2x5x4xf32>, tensor<1x2x5x4xf32>) outs(%o : tensor<1x2x5x4xf32>) -> tensor<1x2x5x4xf32>
  %j = arith.addi %i, %c1 : index
  cf.br ^head(%j, %y : index, tensor<1x2x5x4xf32>)
^exit:
  return %x : tensor<1x2x5x4xf32>
}

func.func @view(%x: tensor<?x4xf32>, %b: index, %s: index) -> tensor<?x?x4xf32> {
  %e = tensor.expand_shape %x [[0, 1], [2]] output_shape [%b, %s, 4] : tensor<?x4xf32> into tensor<?x?x4xf32>
  return %e : tensor<?x?x4xf32>
}

func.func @attend(%q: tensor<1x2x3x8xf32>, %k: tensor<1x2x5x8xf32>, %v: tensor<1x2x5x4xf32>) -> tensor<1x2x3x4xf32> {
  %o = tensor.empty() : tensor<1x2x3x4xf32>
  %r = attn.attention ins(%q, %k, %v : tensor<1x2x3x8xf32>, tensor<1x2x5x8xf32>, tensor<1x2x5x4xf32>) outs(%o : tensor<1x2x3x4xf32>) -> tensor<1x2x3x4xf32>
  return %r : tensor<1x2x3x4xf32>
}

func.func @main() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  // GELU.
  %x = arith.constant dense<[0.5, -1.0, 2.0]> : tensor<3xf32>
  %g = call @gelu(%x) : (tensor<3xf32>) -> tensor<3xf32>
  %g0 = tensor.extract %g[%c0] : tensor<3xf32>
  %g1 = tensor.extract %g[%c1] : tensor<3xf32>
  %g2 = tensor.extract %g[%c2] : tensor<3xf32>
  %gv0 = vector.broadcast %g0 : f32 to vector<3xf32>
  %gv1 = vector.insert %g1, %gv0 [1] : f32 into vector<3xf32>
  %gv2 = vector.insert %g2, %gv1 [2] : f32 into vector<3xf32>
  vector.print %gv2 : vector<3xf32>
  // Rotary factor.
  %theta = arith.constant 0.5 : f32
  %re, %im = call @rotary(%theta) : (f32) -> (f32, f32)
  vector.print %re : f32
  vector.print %im : f32
  // Affine loops on a buffer the program allocates and frees.
  %m = memref.alloc() : memref<5xf32>
  %step = arith.constant 1.5 : f32
  affine.for %i = 0 to 5 {
    %ii = arith.index_cast %i : index to i32
    %fi = arith.sitofp %ii : i32 to f32
    %v = arith.mulf %fi, %step : f32
    affine.store %v, %m[%i] : memref<5xf32>
  }
  affine.for %i = 0 to 5 {
    affine.if affine_set<(d0) : (d0 - 2 >= 0)>(%i) {
      %v = affine.load %m[%i] : memref<5xf32>
      %w = arith.addf %v, %v : f32
      affine.store %w, %m[%i] : memref<5xf32>
    }
  }
  %mv = vector.transfer_read %m[%c0], %step : memref<5xf32>, vector<5xf32>
  vector.print %mv : vector<5xf32>
  // A buffer handed to a function that frees it: 1.5 + 6.
  %n = memref.alloc() : memref<5xf32>
  memref.copy %m, %n : memref<5xf32> to memref<5xf32>
  %n2 = memref.alloc() : memref<5xf32>
  memref.copy %m, %n2 : memref<5xf32> to memref<5xf32>
  memref.dealloc %m : memref<5xf32>
  %s = call @sum_and_free(%n) : (memref<5xf32>) -> f32
  vector.print %s : f32
  // Host vector code.
  %a = arith.constant dense<[[1.0, 2.0, 3.0, 4.0], [5.0, 6.0, 7.0, 8.0]]> : vector<2x4xf32>
  %b = arith.constant dense<[1.0, 0.5, 0.25, 2.0]> : vector<4xf32>
  %c = arith.constant dense<1.0> : vector<2xf32>
  %r = call @matvec(%a, %b, %c) : (vector<2x4xf32>, vector<4xf32>, vector<2xf32>) -> vector<2xf32>
  vector.print %r : vector<2xf32>
  // Attention.
  %q = tensor.generate {
  ^bb0(%b0: index, %h: index, %i: index, %d: index):
    %t = arith.addi %i, %d : index
    %u = arith.addi %t, %h : index
    %ui = arith.index_cast %u : index to i32
    %f = arith.sitofp %ui : i32 to f32
    %sn = math.sin %f : f32
    tensor.yield %sn : f32
  } : tensor<1x2x3x8xf32>
  %k = tensor.generate {
  ^bb0(%b0: index, %h: index, %j: index, %d: index):
    %c3 = arith.constant 3 : index
    %t = arith.muli %j, %c3 : index
    %u = arith.addi %t, %d : index
    %ui = arith.index_cast %u : index to i32
    %f = arith.sitofp %ui : i32 to f32
    %sn = math.cos %f : f32
    tensor.yield %sn : f32
  } : tensor<1x2x5x8xf32>
  %vv = tensor.generate {
  ^bb0(%b0: index, %h: index, %j: index, %e: index):
    %ei = arith.index_cast %e : index to i32
    %f = arith.sitofp %ei : i32 to f32
    %hf = arith.constant 0.5 : f32
    %one = arith.constant 1.0 : f32
    %t = arith.mulf %f, %hf : f32
    %u = arith.addf %t, %one : f32
    tensor.yield %u : f32
  } : tensor<1x2x5x4xf32>
  %o = call @attend(%q, %k, %vv) : (tensor<1x2x3x8xf32>, tensor<1x2x5x8xf32>, tensor<1x2x5x4xf32>) -> tensor<1x2x3x4xf32>
  %om = bufferization.to_buffer %o : tensor<1x2x3x4xf32> to memref<1x2x3x4xf32>
  %pad = arith.constant 0.0 : f32
  %o0 = vector.transfer_read %om[%c0, %c0, %c0, %c0], %pad : memref<1x2x3x4xf32>, vector<4xf32>
  %o1 = vector.transfer_read %om[%c0, %c1, %c2, %c0], %pad : memref<1x2x3x4xf32>, vector<4xf32>
  vector.print %o0 : vector<4xf32>
  vector.print %o1 : vector<4xf32>
  %six = arith.constant 6 : i32
  %three = arith.constant 3 : i32
  %pw = call @ipow(%six, %three) : (i32, i32) -> i32
  vector.print %pw : i32
  %c5 = arith.constant 5 : index
  %ninf = arith.constant 0xFF800000 : f32
  %zf = arith.constant 0.0 : f32
  %red:2 = scf.parallel (%i) = (%c0) to (%c5) step (%c1) init (%ninf, %zf) -> (f32, f32) {
    %xr = memref.load %n2[%i] : memref<5xf32>
    scf.reduce(%xr, %xr : f32, f32) {
    ^bb0(%a0: f32, %b0: f32):
      %mm = arith.maximumf %a0, %b0 : f32
      scf.reduce.return %mm : f32
    }, {
    ^bb0(%a1: f32, %b1: f32):
      %ss = arith.addf %a1, %b1 : f32
      scf.reduce.return %ss : f32
    }
  }
  vector.print %red#0 : f32
  vector.print %red#1 : f32
  %sum = call @cfg_sum(%c5, %n2) : (index, memref<5xf32>) -> f32
  vector.print %sum : f32
  %kx = tensor.extract_slice %k[0, 0, 0, 0] [1, 2, 5, 4] [1, 1, 1, 1] : tensor<1x2x5x8xf32> to tensor<1x2x5x4xf32>
  %qx = tensor.extract_slice %k[0, 0, 0, 4] [1, 2, 5, 4] [1, 1, 1, 1] : tensor<1x2x5x8xf32> to tensor<1x2x5x4xf32>
  %layers = arith.constant 2 : index
  %xl = call @cfg_layers(%qx, %kx, %vv, %layers) : (tensor<1x2x5x4xf32>, tensor<1x2x5x4xf32>, tensor<1x2x5x4xf32>, index) -> tensor<1x2x5x4xf32>
  %xm = bufferization.to_buffer %xl : tensor<1x2x5x4xf32> to memref<1x2x5x4xf32>
  %x0 = vector.transfer_read %xm[%c0, %c1, %c2, %c0], %pad : memref<1x2x5x4xf32>, vector<4xf32>
  vector.print %x0 : vector<4xf32>
  %iota = tensor.generate {
  ^bb0(%ir: index, %ic: index):
    %c4 = arith.constant 4 : index
    %t = arith.muli %ir, %c4 : index
    %u = arith.addi %t, %ic : index
    %ui = arith.index_cast %u : index to i32
    %f = arith.sitofp %ui : i32 to f32
    tensor.yield %f : f32
  } : tensor<6x4xf32>
  %iotad = tensor.cast %iota : tensor<6x4xf32> to tensor<?x4xf32>
  %c3i = arith.constant 3 : index
  %viewed = call @view(%iotad, %c2, %c3i) : (tensor<?x4xf32>, index, index) -> tensor<?x?x4xf32>
  %el = tensor.extract %viewed[%c1, %c2, %c3i] : tensor<?x?x4xf32>
  vector.print %el : f32
  %dx = arith.constant dense<[1.5, -2.0, 3.25, 0.125]> : tensor<4xf32>
  %dxd = tensor.cast %dx : tensor<4xf32> to tensor<?xf32>
  %dr = call @dyn_loop(%dxd, %c3i) : (tensor<?xf32>, index) -> tensor<?xf32>
  %dpad = arith.constant 0.0 : f32
  %dv = vector.transfer_read %dr[%c0], %dpad : tensor<?xf32>, vector<4xf32>
  vector.print %dv : vector<4xf32>
  return
}
