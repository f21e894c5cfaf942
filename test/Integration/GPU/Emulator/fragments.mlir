// The emulator's warp collectives against plain arithmetic (no GPU needed):
// a 16x16 A and a 16x8 B in shared memory, loaded with ldmatrix (A: x4; B:
// x2.trans from its row-major K x N layout, as the attention kernel loads V),
// multiplied by mma.sync m16n8k16 with C = 1000, and D written back through
// the accumulator layout (lane l holds rows l/4 and l/4 + 8, columns
// 2 (l % 4) and 2 (l % 4) + 1). A[i][k] = 1 where k = (i + 1) % 16, so
// D[i][j] = B[(i + 1) % 16][j] + 1000 with B[k][j] = 8 k + j: a transposed or
// misplaced fragment shows as a wrong row. Then shuffles in each mode.
// RUN: attn-opt %s --pass-pipeline='builtin.module(gpu-kernel-outlining,attn-gpu-emulate,convert-vector-to-scf,convert-vector-to-llvm,expand-strided-metadata,lower-affine,convert-scf-to-cf,finalize-memref-to-llvm,convert-to-llvm,reconcile-unrealized-casts,attn-gpu-emulate-launchers)' | mlir-runner -e main -entry-point-result=void -shared-libs=%runner_libs,%attn_gpu_emulator | FileCheck %s

// CHECK:      [1008, 1009, 1010, 1011, 1012, 1013, 1014, 1015]
// CHECK-NEXT: [1016, 1017, 1018, 1019, 1020, 1021, 1022, 1023]
// CHECK:      [1120, 1121, 1122, 1123, 1124, 1125, 1126, 1127]
// CHECK-NEXT: [1000, 1001, 1002, 1003, 1004, 1005, 1006, 1007]
// Shuffles of lane ids (xor 5, up 3, down 3, idx 7; xor 33 with width 4 and
// down 2 with width 16: gpu.shuffle's definition, only lanes below the width
// take part and the others keep their value; the offset's low 5 bits count):
// CHECK: [5,  4,  7,  6,  1,  0,  3,  2,  13,  12,  15,  14,  9,  8,  11,  10,  21,  20,  23,  22,  17,  16,  19,  18,  29,  28,  31,  30,  25,  24,  27,  26]
// CHECK: [0,  1,  2,  0,  1,  2,  3,  4,  5,  6,  7,  8,  9,  10,  11,  12,  13,  14,  15,  16,  17,  18,  19,  20,  21,  22,  23,  24,  25,  26,  27,  28]
// CHECK: [3,  4,  5,  6,  7,  8,  9,  10,  11,  12,  13,  14,  15,  16,  17,  18,  19,  20,  21,  22,  23,  24,  25,  26,  27,  28,  29,  30,  31,  29,  30,  31]
// CHECK: [7,  7,  7,  7,  7,  7,  7,  7,  7,  7,  7,  7,  7,  7,  7,  7,  7,  7,  7,  7,  7,  7,  7,  7,  7,  7,  7,  7,  7,  7,  7,  7]
// CHECK: [1,  0,  3,  2,  4,  5,  6,  7,  8,  9,  10,  11,  12,  13,  14,  15,  16,  17,  18,  19,  20,  21,  22,  23,  24,  25,  26,  27,  28,  29,  30,  31]
// CHECK: [2,  3,  4,  5,  6,  7,  8,  9,  10,  11,  12,  13,  14,  15,  14,  15,  16,  17,  18,  19,  20,  21,  22,  23,  24,  25,  26,  27,  28,  29,  30,  31]

module attributes {gpu.container_module} {
  func.func private @printMemrefF32(memref<*xf32>)

  func.func @main() {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %c32 = arith.constant 32 : index
    %d = memref.alloc() : memref<16x8xf32>
    %s = memref.alloc() : memref<6x32xf32>
    %smem = arith.constant 768 : i32
    gpu.launch blocks(%bx, %by, %bz) in (%gx = %c1, %gy = %c1, %gz = %c1)
               threads(%tx, %ty, %tz) in (%sx = %c32, %sy = %c1, %sz = %c1)
               dynamic_shared_memory_size %smem {
      %c2 = arith.constant 2 : index
      %c4 = arith.constant 4 : index
      %c8 = arith.constant 8 : index
      %c16 = arith.constant 16 : index
      %sm = gpu.dynamic_shared_memory : memref<?xi8, #gpu.address_space<workgroup>>
      %c512 = arith.constant 512 : index
      %a = memref.view %sm[%c0][] : memref<?xi8, #gpu.address_space<workgroup>> to memref<16x16xf16, #gpu.address_space<workgroup>>
      %b = memref.view %sm[%c512][] : memref<?xi8, #gpu.address_space<workgroup>> to memref<16x8xf16, #gpu.address_space<workgroup>>
      // Lane l fills row l / 2 of A (8 columns) and (l < 16) row l of B.
      %row = arith.divui %tx, %c2 : index
      %half = arith.remui %tx, %c2 : index
      %col0 = arith.muli %half, %c8 : index
      %next = arith.addi %row, %c1 : index
      %hot = arith.remui %next, %c16 : index
      scf.for %j = %c0 to %c8 step %c1 {
        %col = arith.addi %col0, %j : index
        %is = arith.cmpi eq, %col, %hot : index
        %one = arith.constant 1.0 : f16
        %zero = arith.constant 0.0 : f16
        %v = arith.select %is, %one, %zero : f16
        memref.store %v, %a[%row, %col] : memref<16x16xf16, #gpu.address_space<workgroup>>
      }
      %isb = arith.cmpi ult, %tx, %c16 : index
      scf.if %isb {
        scf.for %j = %c0 to %c8 step %c1 {
          %k8 = arith.muli %tx, %c8 : index
          %kj = arith.addi %k8, %j : index
          %i = arith.index_cast %kj : index to i32
          %f = arith.sitofp %i : i32 to f16
          memref.store %f, %b[%tx, %j] : memref<16x8xf16, #gpu.address_space<workgroup>>
        }
      }
      gpu.barrier
      // A: lanes 0-15 address rows 0-15 at column 0, lanes 16-31 at column 8.
      %ar = arith.remui %tx, %c16 : index
      %ah = arith.divui %tx, %c16 : index
      %ac = arith.muli %ah, %c8 : index
      %fa = nvgpu.ldmatrix %a[%ar, %ac] {numTiles = 4 : i32, transpose = false} : memref<16x16xf16, #gpu.address_space<workgroup>> -> vector<4x2xf16>
      // B (K x N, row-major): lanes 0-15 address rows k = 0-15.
      %fb = nvgpu.ldmatrix %b[%ar, %c0] {numTiles = 2 : i32, transpose = true} : memref<16x8xf16, #gpu.address_space<workgroup>> -> vector<2x2xf16>
      %cc = arith.constant dense<1000.0> : vector<2x2xf32>
      %fd = nvgpu.mma.sync(%fa, %fb, %cc) {mmaShape = [16, 8, 16]} : (vector<4x2xf16>, vector<2x2xf16>, vector<2x2xf32>) -> vector<2x2xf32>
      %g = arith.divui %tx, %c4 : index
      %t = arith.remui %tx, %c4 : index
      %g8 = arith.addi %g, %c8 : index
      %t2 = arith.muli %t, %c2 : index
      %t21 = arith.addi %t2, %c1 : index
      %d0 = vector.extract %fd[0, 0] : f32 from vector<2x2xf32>
      %d1 = vector.extract %fd[0, 1] : f32 from vector<2x2xf32>
      %d2 = vector.extract %fd[1, 0] : f32 from vector<2x2xf32>
      %d3 = vector.extract %fd[1, 1] : f32 from vector<2x2xf32>
      memref.store %d0, %d[%g, %t2] : memref<16x8xf32>
      memref.store %d1, %d[%g, %t21] : memref<16x8xf32>
      memref.store %d2, %d[%g8, %t2] : memref<16x8xf32>
      memref.store %d3, %d[%g8, %t21] : memref<16x8xf32>
      // Shuffles of the lane id.
      %lane = arith.index_cast %tx : index to i32
      %lf = arith.sitofp %lane : i32 to f32
      %c1i = arith.constant 1 : i32
      %c3i = arith.constant 3 : i32
      %c4i = arith.constant 4 : i32
      %c5i = arith.constant 5 : i32
      %c7i = arith.constant 7 : i32
      %w = arith.constant 32 : i32
      %x5, %v0 = gpu.shuffle xor %lf, %c5i, %w : f32
      %u3, %v1 = gpu.shuffle up %lf, %c3i, %w : f32
      %d3s, %v2 = gpu.shuffle down %lf, %c3i, %w : f32
      %i7, %v3 = gpu.shuffle idx %lf, %c7i, %w : f32
      %c33i = arith.constant 33 : i32
      %c2i = arith.constant 2 : i32
      %c16i = arith.constant 16 : i32
      %x1, %v4 = gpu.shuffle xor %lf, %c33i, %c4i : f32
      %dn2, %v5 = gpu.shuffle down %lf, %c2i, %c16i : f32
      %c3 = arith.constant 3 : index
      memref.store %x5, %s[%c0, %tx] : memref<6x32xf32>
      memref.store %u3, %s[%c1, %tx] : memref<6x32xf32>
      memref.store %d3s, %s[%c2, %tx] : memref<6x32xf32>
      memref.store %i7, %s[%c3, %tx] : memref<6x32xf32>
      memref.store %x1, %s[%c4, %tx] : memref<6x32xf32>
      %c5 = arith.constant 5 : index
      memref.store %dn2, %s[%c5, %tx] : memref<6x32xf32>
      gpu.terminator
    }
    %du = memref.cast %d : memref<16x8xf32> to memref<*xf32>
    call @printMemrefF32(%du) : (memref<*xf32>) -> ()
    %su = memref.cast %s : memref<6x32xf32> to memref<*xf32>
    call @printMemrefF32(%su) : (memref<*xf32>) -> ()
    memref.dealloc %d : memref<16x8xf32>
    memref.dealloc %s : memref<6x32xf32>
    return
  }
}
