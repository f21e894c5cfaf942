// attn-gpu-emulate: outlined kernels become host functions of the GPU
// emulator (runtime calls for the device ops), launches calls of a launcher
// with a shared-memory buffer; attn-gpu-emulate-launchers defines the
// launcher after the conversion to LLVM. What it cannot run:
// gpu-emulate-invalid.mlir.
// RUN: attn-opt %s -attn-gpu-emulate | FileCheck %s
// RUN: attn-opt %s -attn-gpu-emulate -convert-vector-to-llvm -expand-strided-metadata -finalize-memref-to-llvm -convert-to-llvm -reconcile-unrealized-casts -attn-gpu-emulate-launchers | FileCheck %s --check-prefix=LLVM

// CHECK-NOT: gpu.module
// CHECK-LABEL: func.func @host
// CHECK: %[[BYTES:.*]] = arith.index_castui %{{.*}} : i32 to index
// CHECK: %[[SMEM:.*]] = memref.alloc(%[[BYTES]]) {alignment = 128 : i64} : memref<?xi8>
// CHECK: call @__attn_emu_launch_k__k(%{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %[[SMEM]])
// CHECK: memref.dealloc %[[SMEM]]
// CHECK-LABEL: func.func @__attn_emu_kernel_k__k(
// CHECK-SAME: %{{.*}}: memref<64x16xf16>, %[[SM:.*]]: memref<?xi8>)
// CHECK: call @attn_emu_id
// CHECK: memref.view %[[SM]]
// CHECK: call @attn_emu_cp_async(
// CHECK: call @attn_emu_cp_async_commit()
// CHECK: call @attn_emu_cp_async_wait(
// CHECK: call @attn_emu_barrier()
// CHECK: call @attn_emu_ldmatrix(
// CHECK: call @attn_emu_result(
// CHECK: call @attn_emu_mma(
// CHECK: call @attn_emu_result_f32(
// CHECK: call @attn_emu_shuffle(
// CHECK: call @attn_emu_ex2(
// CHECK-NOT: nvgpu.
// CHECK-LABEL: func.func @__attn_emu_kernel_wg__wg(
// CHECK-SAME: %[[AD:[^:]*]]: i64, %[[BD:[^:]*]]: i64, %[[X:[^:]*]]: f32
// CHECK-NOT: llvm.inline_asm
// CHECK: call @attn_emu_wgmma_acc(%{{.*}}, %[[X]])
// CHECK-COUNT-3: call @attn_emu_wgmma_acc(
// CHECK: call @attn_emu_wgmma(%c8_i32, %c1_i32{{.*}}, %c1_i32{{.*}}, %[[AD]], %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %[[BD]], %{{.*}})
// CHECK: %[[D0:.*]] = call @attn_emu_result_f32(
// CHECK-COUNT-3: call @attn_emu_result_f32(
// CHECK-NOT: llvm.inline_asm
// CHECK: memref.store %[[D0]]
// CHECK: func.func private @__attn_emu_launch_k__k(index, index, index, index, index, index, memref<64x16xf16>, memref<?xi8>)

// LLVM: llvm.func @__attn_emu_launch_k__k(%{{.*}}: i64, %{{.*}}: i64, %{{.*}}: i64, %{{.*}}: i64, %{{.*}}: i64, %{{.*}}: i64,
// LLVM: llvm.alloca
// LLVM: llvm.mlir.addressof @__attn_emu_thunk_k__k
// LLVM: llvm.call @attn_emu_launch(
// LLVM: llvm.func internal @__attn_emu_thunk_k__k(%{{.*}}: !llvm.ptr)
// LLVM: llvm.call @__attn_emu_kernel_k__k(

module attributes {gpu.container_module} {
  func.func @host(%m: memref<64x16xf16>) {
    %c1 = arith.constant 1 : index
    %c32 = arith.constant 32 : index
    %s = arith.constant 4096 : i32
    gpu.launch_func @k::@k blocks in (%c1, %c1, %c1) threads in (%c32, %c1, %c1) dynamic_shared_memory_size %s args(%m : memref<64x16xf16>)
    return
  }
  gpu.module @k {
    gpu.func @k(%m: memref<64x16xf16>) kernel {
      %c0 = arith.constant 0 : index
      %tx = gpu.thread_id x
      %sm = gpu.dynamic_shared_memory : memref<?xi8, #gpu.address_space<workgroup>>
      %v = memref.view %sm[%c0][] : memref<?xi8, #gpu.address_space<workgroup>> to memref<64x16xf16, #gpu.address_space<workgroup>>
      %t = nvgpu.device_async_copy %m[%tx, %c0], %v[%tx, %c0], 8 : memref<64x16xf16> to memref<64x16xf16, #gpu.address_space<workgroup>>
      %g = nvgpu.device_async_create_group %t
      nvgpu.device_async_wait %g {numGroups = 0 : i32}
      gpu.barrier
      %a = nvgpu.ldmatrix %v[%tx, %c0] {numTiles = 4 : i32, transpose = false} : memref<64x16xf16, #gpu.address_space<workgroup>> -> vector<4x2xf16>
      %b = nvgpu.ldmatrix %v[%tx, %c0] {numTiles = 2 : i32, transpose = true} : memref<64x16xf16, #gpu.address_space<workgroup>> -> vector<2x2xf16>
      %c = arith.constant dense<0.0> : vector<2x2xf32>
      %d = nvgpu.mma.sync(%a, %b, %c) {mmaShape = [16, 8, 16]} : (vector<4x2xf16>, vector<2x2xf16>, vector<2x2xf32>) -> vector<2x2xf32>
      %x = vector.extract %d[0, 0] : f32 from vector<2x2xf32>
      %o = arith.constant 1 : i32
      %w = arith.constant 32 : i32
      %r, %ok = gpu.shuffle xor %x, %o, %w : f32
      %e = llvm.call_intrinsic "llvm.nvvm.ex2.approx.ftz.f32"(%r) : (f32) -> f32
      %h = arith.truncf %e : f32 to f16
      memref.store %h, %m[%tx, %c0] : memref<64x16xf16>
      gpu.return
    }
  }
  // The wgmma kernel's inline PTX (GPUMmaAttention.cpp): fences and waits
  // pass their values through, commits and proxy fences go, and
  // wgmma.mma_async (m64n8k16: 4 accumulators) becomes attn_emu_wgmma.
  gpu.module @wg {
    gpu.func @wg(%ad: i64, %bd: i64, %x: f32, %m: memref<4xf32>) kernel {
      %one = arith.constant 1 : i32
      llvm.inline_asm has_side_effects "fence.proxy.async.shared::cta;", "" : () -> ()
      %f = llvm.inline_asm has_side_effects "wgmma.fence.sync.aligned;", "=f,=f,=f,=f,0,1,2,3" %x, %x, %x, %x : (f32, f32, f32, f32) -> !llvm.struct<(f32, f32, f32, f32)>
      %f0 = llvm.extractvalue %f[0] : !llvm.struct<(f32, f32, f32, f32)>
      %f1 = llvm.extractvalue %f[1] : !llvm.struct<(f32, f32, f32, f32)>
      %f2 = llvm.extractvalue %f[2] : !llvm.struct<(f32, f32, f32, f32)>
      %f3 = llvm.extractvalue %f[3] : !llvm.struct<(f32, f32, f32, f32)>
      %d = llvm.inline_asm has_side_effects "{\n.reg .pred p;\nsetp.ne.b32 p, $6, 0;\nwgmma.mma_async.sync.aligned.m64n8k16.f32.bf16.bf16 {$0, $1, $2, $3}, $4, $5, p, 1, 1, 0, 1;\n}", "=f,=f,=f,=f,l,l,r,0,1,2,3" %ad, %bd, %one, %f0, %f1, %f2, %f3 : (i64, i64, i32, f32, f32, f32, f32) -> !llvm.struct<(f32, f32, f32, f32)>
      llvm.inline_asm has_side_effects "wgmma.commit_group.sync.aligned;", "" : () -> ()
      %d0 = llvm.extractvalue %d[0] : !llvm.struct<(f32, f32, f32, f32)>
      %w = llvm.inline_asm has_side_effects "wgmma.wait_group.sync.aligned 0;", "=f,0" %d0 : (f32) -> f32
      %c0 = arith.constant 0 : index
      memref.store %w, %m[%c0] : memref<4xf32>
      gpu.return
    }
  }
}
