// RUN: attn-opt %s -attn-lower-asserts | FileCheck %s

// A host cf.assert becomes a call of a helper that returns when the
// condition holds, and otherwise flushes every stream, writes the message and
// a newline to stderr (fd 2) and aborts. A call works in every region: also
// in single-block ones, such as an OpenMP loop's body (memref.alloca_scope
// here).
// CHECK-DAG: llvm.func @write(i32, !llvm.ptr, i64) -> i64
// CHECK-DAG: llvm.func @fflush(!llvm.ptr) -> i32
// CHECK-DAG: llvm.func @abort()
// CHECK-LABEL: llvm.func internal @__attn_assert(
// CHECK-SAME: %[[C:.*]]: i1, %[[M:.*]]: !llvm.ptr, %[[L:.*]]: i64)
// CHECK: llvm.cond_br %[[C]], ^[[OK:.*]], ^[[FAIL:.*]]
// CHECK: ^[[OK]]:
// CHECK-NEXT: llvm.return
// CHECK: ^[[FAIL]]:
// CHECK: %[[NULL:.*]] = llvm.mlir.zero : !llvm.ptr
// CHECK: llvm.call @fflush(%[[NULL]])
// CHECK: %[[FD:.*]] = llvm.mlir.constant(2 : i32)
// CHECK: llvm.call @write(%[[FD]], %[[M]], %[[L]])
// CHECK: llvm.call @abort()
// CHECK: llvm.unreachable
// CHECK-DAG: llvm.mlir.global private constant @[[MSG0:__attn_assert_msg[_0-9]*]]("sizes differ\0A")
// CHECK-DAG: llvm.mlir.global private constant @[[MSG1:__attn_assert_msg[_0-9]*]]("in a scope\0A")
// CHECK-LABEL: func.func @check
// CHECK: %[[EQ:.*]] = arith.cmpi eq
// CHECK: %[[A:.*]] = llvm.mlir.addressof @[[MSG0]]
// CHECK: %[[N:.*]] = llvm.mlir.constant(13 : i64)
// CHECK: llvm.call @__attn_assert(%[[EQ]], %[[A]], %[[N]])
// CHECK-NEXT: return
func.func @check(%a: index, %b: index) {
  %eq = arith.cmpi eq, %a, %b : index
  cf.assert %eq, "sizes differ"
  return
}

// CHECK-LABEL: func.func @in_scope
// CHECK: memref.alloca_scope
// CHECK: llvm.mlir.addressof @[[MSG1]]
// CHECK: llvm.call @__attn_assert(
// CHECK-NOT: cf.assert
func.func @in_scope(%c: i1) {
  memref.alloca_scope {
    cf.assert %c, "in a scope"
  }
  return
}

// An assert in a nested module calls what is declared in that module.
// CHECK-LABEL: module @inner
// CHECK-DAG: llvm.func @abort()
// CHECK-DAG: llvm.func internal @__attn_assert(
// CHECK-DAG: llvm.mlir.global private constant @{{.*}}("inner\0A")
// CHECK: func.func @f
// CHECK: llvm.call @__attn_assert(
module @inner {
  func.func @f(%c: i1) {
    cf.assert %c, "inner"
    return
  }
}

// An assert in a GPU module is left to upstream.
// CHECK-LABEL: gpu.module @kernels
// CHECK: cf.assert
gpu.module @kernels {
  gpu.func @k(%c: i1) kernel {
    cf.assert %c, "device"
    gpu.return
  }
}

// Nor is one in a gpu.launch body (device code once outlined).
// CHECK-LABEL: func.func @in_launch
// CHECK: gpu.launch
// CHECK: cf.assert %{{.*}}, "in a kernel"
func.func @in_launch(%c: i1) {
  %one = arith.constant 1 : index
  gpu.launch blocks(%bx, %by, %bz) in (%gx = %one, %gy = %one, %gz = %one)
             threads(%tx, %ty, %tz) in (%sx = %one, %sy = %one, %sz = %one) {
    cf.assert %c, "in a kernel"
    gpu.terminator
  }
  return
}
