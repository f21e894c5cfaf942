// RUN: attn-opt %s -attn-lower-asserts | FileCheck %s

// A host cf.assert becomes a branch to a block that flushes every stream,
// writes the message and a newline to stderr (fd 2) and aborts.
// CHECK-DAG: llvm.func @write(i32, !llvm.ptr, i64) -> i64
// CHECK-DAG: llvm.func @fflush(!llvm.ptr) -> i32
// CHECK-DAG: llvm.func @abort()
// CHECK-DAG: llvm.mlir.global private constant @__attn_assert_msg_0("sizes differ\0A")
// CHECK-LABEL: func.func @check
// CHECK: cf.cond_br %{{.*}}, ^[[OK:.*]], ^[[FAIL:.*]]
// CHECK: ^[[FAIL]]:
// CHECK: %[[NULL:.*]] = llvm.mlir.zero : !llvm.ptr
// CHECK: llvm.call @fflush(%[[NULL]])
// CHECK: %[[FD:.*]] = llvm.mlir.constant(2 : i32)
// CHECK: %[[MSG:.*]] = llvm.mlir.addressof @__attn_assert_msg_0
// CHECK: %[[LEN:.*]] = llvm.mlir.constant(13 : i64)
// CHECK: llvm.call @write(%[[FD]], %[[MSG]], %[[LEN]])
// CHECK: llvm.call @abort()
// CHECK: llvm.unreachable
// CHECK: ^[[OK]]:
// CHECK: return
// CHECK-NOT: cf.assert
func.func @check(%a: index, %b: index) {
  %eq = arith.cmpi eq, %a, %b : index
  cf.assert %eq, "sizes differ"
  return
}

// An assert inside another op's region (here a gpu.module's kernel) is left
// to upstream.
// CHECK-LABEL: gpu.module @kernels
// CHECK: cf.assert
gpu.module @kernels {
  gpu.func @k(%c: i1) kernel {
    cf.assert %c, "device"
    gpu.return
  }
}
