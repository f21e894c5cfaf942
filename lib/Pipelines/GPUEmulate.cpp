//===- GPUEmulate.cpp - attn-gpu-emulate: GPU kernels as host code -*- C++
//-*-===//
//
// Part of the attn-mlir project.
//
//===----------------------------------------------------------------------===//
//
// `attn-nvvm-pipeline{emulate=true}` compiles the same kernels as the GPU
// pipeline (up to and including kernel outlining) and then, instead of
// lowering them to NVVM, makes them host functions that the emulator runtime
// (lib/Runtime/Emulator, libattn_gpu_emulator.so) runs once per GPU thread
// (docs/GPU.md, "Emulator"):
//
//   attn-gpu-emulate (before the host lowering):
//     - every gpu.func kernel becomes func.func @__attn_emu_kernel_<mod>__<fn>
//       with one more argument, the CTA's dynamic shared memory (memref<?xi8>);
//       memory spaces are dropped;
//     - thread/block ids and sizes, gpu.barrier, gpu.shuffle, nvgpu.ldmatrix,
//       nvgpu.mma.sync / nvvm.mma.sync, wgmma.mma_async (inline PTX),
//       cp.async (nvgpu.device_async_*) and ex2.approx become calls of the
//       runtime (attn_emu_*);
//     - gpu.launch_func becomes a call of @__attn_emu_launch_<mod>__<fn>
//       (grid, block, the kernel's operands, a shared-memory buffer), a
//       declaration; gpu.alloc / memcpy / dealloc become host memref ops.
//   attn-gpu-emulate-launchers (after the conversion to LLVM): defines each
//     launcher: it packs its (flattened) operands into a struct and calls
//     attn_emu_launch with a thunk that unpacks them and calls the kernel.
//
// The sm_90a warpgroup-MMA kernel's inline PTX is read by its text (the
// forms GPUMmaAttention.cpp emits); other inline PTX, other NVVM intrinsics,
// device functions and attributions are an error naming the op.
//
//===----------------------------------------------------------------------===//

#include "attn/Pipelines/NVVMPipeline.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/GPU/IR/GPUDialect.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/LLVMIR/NVVMDialect.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/NVGPU/IR/NVGPUDialect.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/SymbolTable.h"
#include "mlir/Pass/Pass.h"

using namespace mlir;

namespace {

constexpr StringLiteral kKernelPrefix = "__attn_emu_kernel_";
constexpr StringLiteral kLaunchPrefix = "__attn_emu_launch_";
constexpr StringLiteral kThunkPrefix = "__attn_emu_thunk_";

/// `t` without a memory space (memrefs), else `t`.
Type stripSpace(Type t) {
  auto m = dyn_cast<MemRefType>(t);
  if (!m || !m.getMemorySpace())
    return t;
  return MemRefType::get(m.getShape(), m.getElementType(), m.getLayout());
}

/// Declares (once) the runtime function `name` in `module`.
func::FuncOp runtimeFunc(ModuleOp module, StringRef name, TypeRange args,
                         TypeRange results) {
  if (auto f = module.lookupSymbol<func::FuncOp>(name))
    return f;
  OpBuilder b = OpBuilder::atBlockEnd(module.getBody());
  auto f = func::FuncOp::create(b, module.getLoc(), name,
                                b.getFunctionType(args, results));
  f.setPrivate();
  return f;
}

struct Emitter {
  ModuleOp module;
  OpBuilder &b;
  Location loc;

  Value call(StringRef name, ValueRange args, TypeRange results = {}) {
    func::FuncOp f = runtimeFunc(module, name, args.getTypes(), results);
    auto c = func::CallOp::create(b, loc, f, args);
    return results.empty() ? Value() : c.getResult(0);
  }
  Value i32(int64_t v) {
    return arith::ConstantIntOp::create(b, loc, b.getI32Type(), v);
  }
  Value i64(int64_t v) {
    return arith::ConstantIntOp::create(b, loc, b.getI64Type(), v);
  }
  Value toI64(Value index) {
    return arith::IndexCastOp::create(b, loc, b.getI64Type(), index);
  }
  /// Byte address (i64) of `memref[indices]`.
  Value address(Value memref, ValueRange indices) {
    auto type = cast<MemRefType>(memref.getType());
    auto md = memref::ExtractStridedMetadataOp::create(b, loc, memref);
    Value off = md.getOffset();
    for (auto [i, idx] : llvm::enumerate(indices))
      off = arith::AddIOp::create(
          b, loc, off, arith::MulIOp::create(b, loc, idx, md.getStrides()[i]));
    Value base = memref::ExtractAlignedPointerAsIndexOp::create(b, loc, memref);
    int64_t bytes = type.getElementTypeBitWidth() / 8;
    Value byteOff = arith::MulIOp::create(
        b, loc, off, arith::ConstantIndexOp::create(b, loc, bytes));
    return toI64(arith::AddIOp::create(b, loc, base, byteOff));
  }
  /// The i32 register holding row `i` (2 x 16 bits) of `frag`.
  Value reg(Value frag, int64_t i) {
    Value row = vector::ExtractOp::create(b, loc, frag, i);
    Value cast = vector::BitCastOp::create(
        b, loc, VectorType::get({1}, b.getI32Type()), row);
    return vector::ExtractOp::create(b, loc, cast, 0);
  }
  /// vector<n x 2 x T> from the runtime's result registers 0 .. n-1.
  Value fragment(VectorType type) {
    SmallVector<Value> elems;
    auto half = VectorType::get({2}, type.getElementType());
    for (int64_t i = 0; i < type.getDimSize(0); ++i) {
      Value r = call("attn_emu_result", {i32(i)}, {b.getI32Type()});
      Value v = vector::FromElementsOp::create(
          b, loc, VectorType::get({1}, b.getI32Type()), ValueRange{r});
      Value h = vector::BitCastOp::create(b, loc, half, v);
      for (int64_t e = 0; e < 2; ++e)
        elems.push_back(vector::ExtractOp::create(b, loc, h, e));
    }
    return vector::FromElementsOp::create(b, loc, type, elems);
  }
  SmallVector<Value> mma(int32_t type, ArrayRef<Value> aRegs,
                         ArrayRef<Value> bRegs, ArrayRef<Value> c) {
    SmallVector<Value> args{i32(type)};
    args.append(aRegs.begin(), aRegs.end());
    args.append(bRegs.begin(), bRegs.end());
    args.append(c.begin(), c.end());
    call("attn_emu_mma", args);
    SmallVector<Value> out;
    for (int64_t k = 0; k < 4; ++k)
      out.push_back(call("attn_emu_result_f32", {i32(k)}, {b.getF32Type()}));
    return out;
  }
};

/// The inline PTX of the sm_90a warpgroup-MMA kernel (GPUMmaAttention.cpp:
/// `ptx`, `ptxThrough`, `wgmma`): fences and commits have no effect on the
/// emulator (a wgmma is done when issued), waits and fences pass their
/// operands through, and wgmma.mma_async becomes attn_emu_wgmma. Any other
/// inline asm is an error.
LogicalResult rewriteAsm(Emitter &e, LLVM::InlineAsmOp o,
                         llvm::SmallPtrSetImpl<Operation *> &erased) {
  StringRef text = o.getAsmString();
  OpBuilder &b = e.b;
  // Replaces the op's results (one value, or a struct read by
  // llvm.extractvalue) with `vals`.
  auto replaceWith = [&](ArrayRef<Value> vals) -> LogicalResult {
    if (o.getNumResults() == 0) {
      o.erase();
      return success();
    }
    Value r = o.getResult(0);
    if (!isa<LLVM::LLVMStructType>(r.getType())) {
      if (vals.size() != 1)
        return o.emitError("the GPU emulator expected one result here");
      r.replaceAllUsesWith(vals[0]);
      o.erase();
      return success();
    }
    for (Operation *user : llvm::make_early_inc_range(r.getUsers())) {
      auto ev = dyn_cast<LLVM::ExtractValueOp>(user);
      if (!ev || ev.getPosition().size() != 1 || ev.getPosition()[0] < 0 ||
          static_cast<size_t>(ev.getPosition()[0]) >= vals.size())
        return o.emitError("the GPU emulator needs this inline asm's "
                           "results read by llvm.extractvalue");
      ev.getResult().replaceAllUsesWith(vals[ev.getPosition()[0]]);
      erased.insert(ev);
      ev.erase();
    }
    o.erase();
    return success();
  };
  SmallVector<Value> ins(o.getOperands());
  if (text == "fence.proxy.async.shared::cta;" ||
      text == "wgmma.commit_group.sync.aligned;")
    return replaceWith({});
  if (text == "wgmma.fence.sync.aligned;" ||
      text.starts_with("wgmma.wait_group.sync.aligned "))
    return replaceWith(ins);
  size_t at = text.find("wgmma.mma_async.sync.aligned.m64n");
  if (at != StringRef::npos) {
    StringRef tail = text.drop_front(
        at + StringRef("wgmma.mma_async.sync.aligned.m64n").size());
    int64_t n = 0;
    if (tail.consumeInteger(10, n) || !tail.consume_front("k16.f32."))
      return o.emitError("the GPU emulator cannot read this wgmma: ") << text;
    bool bf16 = tail.starts_with("bf16.bf16");
    if (!bf16 && !tail.starts_with("f16.f16"))
      return o.emitError("the GPU emulator runs f16/bf16 wgmma, not: ") << text;
    // The text ends with "<trans-b>;\n}".
    bool transB = text.rtrim().drop_back(1).rtrim().ends_with(", 1;");
    // Operands: aDesc (i64) or four i32 A registers, bDesc, scale-d, then
    // the N/2 accumulators.
    bool aDesc = !ins.empty() && ins[0].getType().isInteger(64);
    size_t first = aDesc ? 3 : 6;
    if (n < 8 || n > 256 || n % 8 || ins.size() != first + n / 2)
      return o.emitError("the GPU emulator cannot read this wgmma's "
                         "operands: ")
             << text;
    for (int64_t i = 0; i < n / 2; ++i)
      e.call("attn_emu_wgmma_acc", {e.i32(i), ins[first + i]});
    Value zero = e.i32(0);
    SmallVector<Value> args{e.i32(n), e.i32(bf16 ? 1 : 0),
                            e.i32(transB ? 1 : 0)};
    if (aDesc) {
      args.append({ins[0], zero, zero, zero, zero, ins[1], ins[2]});
    } else {
      args.push_back(e.i64(0));
      args.append({ins[0], ins[1], ins[2], ins[3], ins[4], ins[5]});
    }
    e.call("attn_emu_wgmma", args);
    SmallVector<Value> out;
    for (int64_t i = 0; i < n / 2; ++i)
      out.push_back(
          e.call("attn_emu_result_f32", {e.i32(i)}, {b.getF32Type()}));
    return replaceWith(out);
  }
  return o.emitError("the GPU emulator does not run this inline PTX: ") << text;
}

/// Rewrites the device ops of `fn` (a kernel being made a host function,
/// `smem` its shared-memory argument) into runtime calls.
LogicalResult rewriteDeviceOps(ModuleOp module, func::FuncOp fn, Value smem) {
  SmallVector<Operation *> ops;
  fn.walk([&](Operation *op) { ops.push_back(op); });
  SmallVector<Operation *> asyncOps;
  llvm::SmallPtrSet<Operation *, 16> erased;
  for (Operation *op : ops) {
    if (erased.contains(op))
      continue;
    OpBuilder b(op);
    Emitter e{module, b, op->getLoc()};
    auto idCall = [&](int64_t kind, gpu::Dimension d) {
      Value r =
          e.call("attn_emu_id", {e.i32(kind * 3 + static_cast<int64_t>(d))},
                 {b.getI64Type()});
      op->getResult(0).replaceAllUsesWith(
          arith::IndexCastOp::create(b, op->getLoc(), b.getIndexType(), r));
      op->erase();
    };
    if (auto o = dyn_cast<gpu::ThreadIdOp>(op)) {
      idCall(0, o.getDimension());
    } else if (auto o = dyn_cast<gpu::BlockIdOp>(op)) {
      idCall(1, o.getDimension());
    } else if (auto o = dyn_cast<gpu::BlockDimOp>(op)) {
      idCall(2, o.getDimension());
    } else if (auto o = dyn_cast<gpu::GridDimOp>(op)) {
      idCall(3, o.getDimension());
    } else if (isa<gpu::BarrierOp>(op)) {
      e.call("attn_emu_barrier", {});
      op->erase();
    } else if (auto o = dyn_cast<gpu::ShuffleOp>(op)) {
      Type t = o.getValue().getType();
      if (!t.isF32() && !t.isInteger(32))
        return o.emitError("the GPU emulator shuffles 32-bit values, not ")
               << t;
      Value v = o.getValue();
      if (t.isF32())
        v = arith::BitcastOp::create(b, e.loc, b.getI32Type(), v);
      int64_t mode = 0;
      switch (o.getMode()) {
      case gpu::ShuffleMode::XOR:
        mode = 0;
        break;
      case gpu::ShuffleMode::UP:
        mode = 1;
        break;
      case gpu::ShuffleMode::DOWN:
        mode = 2;
        break;
      case gpu::ShuffleMode::IDX:
        mode = 3;
        break;
      }
      Value r = e.call("attn_emu_shuffle",
                       {v, o.getOffset(), o.getWidth(), e.i32(mode)},
                       {b.getI64Type()});
      Value bits = arith::TruncIOp::create(b, e.loc, b.getI32Type(), r);
      Value val = t.isF32()
                      ? arith::BitcastOp::create(b, e.loc, t, bits).getResult()
                      : bits;
      Value valid = arith::TruncIOp::create(
          b, e.loc, b.getI1Type(),
          arith::ShRUIOp::create(b, e.loc, r, e.i64(32)));
      o.getShuffleResult().replaceAllUsesWith(val);
      o.getValid().replaceAllUsesWith(valid);
      o.erase();
    } else if (auto o = dyn_cast<gpu::DynamicSharedMemoryOp>(op)) {
      o.getResult().replaceAllUsesWith(smem);
      o.erase();
    } else if (auto o = dyn_cast<nvgpu::DeviceAsyncCopyOp>(op)) {
      Value dst = e.address(o.getDst(), o.getDstIndices());
      Value src = e.address(o.getSrc(), o.getSrcIndices());
      int64_t eb =
          cast<MemRefType>(o.getDst().getType()).getElementTypeBitWidth() / 8;
      int64_t n = o.getDstElements().getSExtValue();
      Value srcBytes = e.i64(n * eb);
      if (Value se = o.getSrcElements())
        srcBytes = arith::MulIOp::create(b, e.loc, e.toI64(se), e.i64(eb));
      e.call("attn_emu_cp_async", {dst, src, e.i64(n * eb), srcBytes});
      asyncOps.push_back(op);
    } else if (isa<nvgpu::DeviceAsyncCreateGroupOp>(op)) {
      e.call("attn_emu_cp_async_commit", {});
      asyncOps.push_back(op);
    } else if (auto o = dyn_cast<nvgpu::DeviceAsyncWaitOp>(op)) {
      e.call("attn_emu_cp_async_wait", {e.i32(o.getNumGroups().value_or(0))});
      asyncOps.push_back(op);
    } else if (auto o = dyn_cast<nvgpu::LdMatrixOp>(op)) {
      auto type = cast<VectorType>(o.getRes().getType());
      if (type.getRank() != 2 || type.getDimSize(1) != 2 ||
          type.getElementTypeBitWidth() != 16)
        return o.emitError("the GPU emulator runs 16-bit ldmatrix, not ")
               << type;
      Value addr = e.address(o.getSrcMemref(), o.getIndices());
      e.call("attn_emu_ldmatrix",
             {addr, e.i32(o.getNumTiles()), e.i32(o.getTranspose() ? 1 : 0)});
      o.getRes().replaceAllUsesWith(e.fragment(type));
      o.erase();
    } else if (auto o = dyn_cast<nvgpu::MmaSyncOp>(op)) {
      auto aTy = cast<VectorType>(o.getMatrixA().getType());
      auto cTy = cast<VectorType>(o.getMatrixC().getType());
      SmallVector<int64_t> shape;
      for (Attribute a : o.getMmaShape())
        shape.push_back(cast<IntegerAttr>(a).getInt());
      bool f16 = aTy.getElementType().isF16(),
           bf16 = aTy.getElementType().isBF16();
      if (shape != SmallVector<int64_t>{16, 8, 16} || !(f16 || bf16) ||
          aTy.getShape() != ArrayRef<int64_t>{4, 2} ||
          cTy.getShape() != ArrayRef<int64_t>{2, 2} ||
          !cTy.getElementType().isF32())
        return o.emitError("the GPU emulator runs mma.sync m16n8k16 on "
                           "f16/bf16 with f32 accumulators, not ")
               << aTy << " x " << o.getMatrixB().getType() << " + " << cTy;
      SmallVector<Value> a, bb, c;
      for (int64_t i = 0; i < 4; ++i)
        a.push_back(e.reg(o.getMatrixA(), i));
      for (int64_t i = 0; i < 2; ++i)
        bb.push_back(e.reg(o.getMatrixB(), i));
      for (int64_t i = 0; i < 2; ++i)
        for (int64_t j = 0; j < 2; ++j)
          c.push_back(vector::ExtractOp::create(b, e.loc, o.getMatrixC(),
                                                ArrayRef<int64_t>{i, j}));
      SmallVector<Value> d = e.mma(bf16 ? 1 : 0, a, bb, c);
      o.getRes().replaceAllUsesWith(
          vector::FromElementsOp::create(b, e.loc, cTy, d));
      o.erase();
    } else if (auto o = dyn_cast<NVVM::MmaOp>(op)) {
      auto shape = o.getShape();
      bool ok = shape.getM() == 16 && shape.getN() == 8 && shape.getK() == 16 &&
                o.getOperandA().size() == 4 && o.getOperandB().size() == 2 &&
                o.getOperandC().size() == 4;
      auto ta = o.getMultiplicandAPtxType(), tb = o.getMultiplicandBPtxType();
      int32_t kind = -1;
      if (ok && ta && tb && *ta == *tb) {
        if (*ta == NVVM::MMATypes::bf16)
          kind = 1;
        else if (*ta == NVVM::MMATypes::f16)
          kind = 0;
      }
      if (kind < 0 || o.getLayoutA() != NVVM::MMALayout::row ||
          o.getLayoutB() != NVVM::MMALayout::col)
        return o.emitError("the GPU emulator runs nvvm.mma.sync m16n8k16 "
                           "row.col on f16/bf16 only");
      SmallVector<Value> a(o.getOperandA()), bb(o.getOperandB()),
          c(o.getOperandC());
      SmallVector<Value> d = e.mma(kind, a, bb, c);
      for (Operation *user : llvm::make_early_inc_range(o->getUsers())) {
        auto ev = dyn_cast<LLVM::ExtractValueOp>(user);
        if (!ev || ev.getPosition().size() != 1 || ev.getPosition()[0] < 0 ||
            ev.getPosition()[0] > 3)
          return o.emitError("the GPU emulator needs this mma's results "
                             "read by llvm.extractvalue");
        ev.getResult().replaceAllUsesWith(d[ev.getPosition()[0]]);
        erased.insert(ev);
        ev.erase();
      }
      o.erase();
    } else if (auto o = dyn_cast<LLVM::CallIntrinsicOp>(op)) {
      StringRef name = o.getIntrin();
      if (name == "llvm.nvvm.ex2.approx.ftz.f32") {
        o.getResult(0).replaceAllUsesWith(
            e.call("attn_emu_ex2", {o.getOperand(0)}, {b.getF32Type()}));
        o.erase();
      } else if (name.starts_with("llvm.nvvm.")) {
        return o.emitError("the GPU emulator does not run ") << name;
      }
    } else if (auto o = dyn_cast<LLVM::InlineAsmOp>(op)) {
      if (failed(rewriteAsm(e, o, erased)))
        return failure();
    }
  }
  // cp.async tokens only order the copies; the runtime keeps its own groups.
  for (Operation *op : llvm::reverse(asyncOps)) {
    for (Value r : op->getResults())
      for (Operation *user : r.getUsers())
        if (!llvm::is_contained(asyncOps, user))
          return user->emitError("the GPU emulator needs cp.async tokens "
                                 "used only by cp.async ops");
  }
  for (Operation *op : llvm::reverse(asyncOps)) {
    op->dropAllUses();
    op->erase();
  }
  // Anything left of the device dialects has no emulation.
  WalkResult left = fn.walk([&](Operation *op) {
    StringRef ns = op->getDialect() ? op->getDialect()->getNamespace() : "";
    if (ns == "gpu" || ns == "nvgpu" || ns == "nvvm") {
      op->emitError("the GPU emulator does not run ") << op->getName();
      return WalkResult::interrupt();
    }
    return WalkResult::advance();
  });
  return failure(left.wasInterrupted());
}

/// Drops memory spaces from every memref in `fn` (shared memory is a host
/// buffer, private memory the coroutine's stack).
void stripSpaces(func::FuncOp fn) {
  fn.walk([&](Operation *op) {
    for (Value r : op->getResults())
      r.setType(stripSpace(r.getType()));
    for (Region &region : op->getRegions())
      for (Block &block : region)
        for (BlockArgument a : block.getArguments())
          a.setType(stripSpace(a.getType()));
  });
}

struct GPUEmulatePass
    : public PassWrapper<GPUEmulatePass, OperationPass<ModuleOp>> {
  MLIR_DEFINE_EXPLICIT_INTERNAL_INLINE_TYPE_ID(GPUEmulatePass)
  StringRef getArgument() const override { return "attn-gpu-emulate"; }
  StringRef getDescription() const override {
    return "Make outlined GPU kernels host functions run by the GPU "
           "emulator runtime (libattn_gpu_emulator.so), and their launches "
           "calls of it";
  }
  void getDependentDialects(DialectRegistry &registry) const override {
    registry.insert<arith::ArithDialect, func::FuncDialect,
                    memref::MemRefDialect, vector::VectorDialect>();
  }

  void runOnOperation() override {
    ModuleOp module = getOperation();
    llvm::StringMap<func::FuncOp> kernels;
    SmallVector<gpu::GPUModuleOp> gpuModules(module.getOps<gpu::GPUModuleOp>());
    for (gpu::GPUModuleOp gm : gpuModules) {
      // Only kernels move to the host: a device function or global they
      // referred to would be left behind.
      for (Operation &op : gm.getBody()->getOperations()) {
        auto gf = dyn_cast<gpu::GPUFuncOp>(op);
        if (!gf || !gf.isKernel()) {
          op.emitError("the GPU emulator runs gpu.modules of kernels only, "
                       "not ")
              << op.getName() << (gf ? " (a device function)" : "");
          return signalPassFailure();
        }
      }
      for (auto gf : llvm::make_early_inc_range(gm.getOps<gpu::GPUFuncOp>())) {
        if (gf.getNumWorkgroupAttributions() ||
            gf.getNumPrivateAttributions()) {
          gf.emitError("the GPU emulator does not run kernels with "
                       "workgroup or private attributions");
          return signalPassFailure();
        }
        std::string name =
            (kKernelPrefix + gm.getSymName() + "__" + gf.getName()).str();
        SmallVector<Type> args;
        for (Type t : gf.getArgumentTypes())
          args.push_back(stripSpace(t));
        auto smemTy = MemRefType::get({ShapedType::kDynamic},
                                      IntegerType::get(&getContext(), 8));
        args.push_back(smemTy);
        OpBuilder b = OpBuilder::atBlockEnd(module.getBody());
        auto fn = func::FuncOp::create(b, gf.getLoc(), name,
                                       b.getFunctionType(args, {}));
        fn.getBody().takeBody(gf.getBody());
        Value smem = fn.getBody().front().addArgument(smemTy, gf.getLoc());
        fn.walk([&](gpu::ReturnOp r) {
          OpBuilder rb(r);
          func::ReturnOp::create(rb, r.getLoc());
          r.erase();
        });
        stripSpaces(fn);
        {
          // The runtime finds wgmma descriptors' addresses from the buffer.
          OpBuilder eb = OpBuilder::atBlockBegin(&fn.getBody().front());
          Emitter e{module, eb, gf.getLoc()};
          Value p =
              memref::ExtractAlignedPointerAsIndexOp::create(eb, e.loc, smem);
          Value bytes = memref::DimOp::create(eb, e.loc, smem, 0);
          e.call("attn_emu_shared_base", {e.toI64(p), e.toI64(bytes)});
        }
        if (failed(rewriteDeviceOps(module, fn, smem)))
          return signalPassFailure();
        kernels[(gm.getSymName() + "::" + gf.getName()).str()] = fn;
      }
    }

    // Host side.
    SmallVector<Operation *> hostOps;
    module.walk([&](Operation *op) {
      if (op->getParentOfType<gpu::GPUModuleOp>() || isa<gpu::GPUModuleOp>(op))
        return;
      if (isa<gpu::LaunchFuncOp, gpu::AllocOp, gpu::DeallocOp, gpu::MemcpyOp,
              gpu::WaitOp, gpu::HostRegisterOp, gpu::HostUnregisterOp>(op))
        hostOps.push_back(op);
    });
    for (Operation *op : hostOps) {
      if (auto a = dyn_cast<gpu::AsyncOpInterface>(op))
        if (!a.getAsyncDependencies().empty() || a.getAsyncToken()) {
          op->emitError("the GPU emulator runs synchronous GPU ops only (no "
                        "gpu-async-region)");
          return signalPassFailure();
        }
      OpBuilder b(op);
      Location loc = op->getLoc();
      if (auto l = dyn_cast<gpu::LaunchFuncOp>(op)) {
        std::string key = (l.getKernelModuleName().getValue() +
                           "::" + l.getKernelName().getValue())
                              .str();
        auto it = kernels.find(key);
        if (it == kernels.end() || l.hasClusterSize()) {
          l.emitError("the GPU emulator cannot run this launch (")
              << (l.hasClusterSize() ? "a cluster launch" : "no such kernel")
              << ")";
          return signalPassFailure();
        }
        func::FuncOp kernel = it->second;
        std::string suffix =
            kernel.getSymName().drop_front(kKernelPrefix.size()).str();
        SmallVector<Type> args(6, b.getIndexType());
        llvm::append_range(args, kernel.getArgumentTypes());
        func::FuncOp launcher =
            runtimeFunc(module, kLaunchPrefix.str() + suffix, args, {});
        Value bytes = arith::ConstantIndexOp::create(b, loc, 0);
        if (Value s = l.getDynamicSharedMemorySize())
          bytes = arith::IndexCastUIOp::create(b, loc, b.getIndexType(), s);
        auto smemTy = cast<MemRefType>(kernel.getArgumentTypes().back());
        Value smem = memref::AllocOp::create(b, loc, smemTy, ValueRange{bytes},
                                             b.getI64IntegerAttr(128));
        SmallVector<Value> operands{l.getGridSizeX(),  l.getGridSizeY(),
                                    l.getGridSizeZ(),  l.getBlockSizeX(),
                                    l.getBlockSizeY(), l.getBlockSizeZ()};
        for (Value v : l.getKernelOperands())
          operands.push_back(v);
        operands.push_back(smem);
        // Kernel operands whose memref types carried a memory space.
        for (size_t i = 6; i + 1 < operands.size(); ++i)
          if (operands[i].getType() != args[i])
            operands[i] =
                memref::MemorySpaceCastOp::create(b, loc, args[i], operands[i]);
        func::CallOp::create(b, loc, launcher, operands);
        memref::DeallocOp::create(b, loc, smem);
      } else if (auto a = dyn_cast<gpu::AllocOp>(op)) {
        auto type = cast<MemRefType>(stripSpace(a.getMemref().getType()));
        Value m = memref::AllocOp::create(b, loc, type, a.getDynamicSizes(),
                                          a.getSymbolOperands(),
                                          b.getI64IntegerAttr(64));
        if (m.getType() != a.getMemref().getType())
          m = memref::MemorySpaceCastOp::create(b, loc, a.getMemref().getType(),
                                                m);
        a.getMemref().replaceAllUsesWith(m);
      } else if (auto d = dyn_cast<gpu::DeallocOp>(op)) {
        memref::DeallocOp::create(b, loc, d.getMemref());
      } else if (auto c = dyn_cast<gpu::MemcpyOp>(op)) {
        memref::CopyOp::create(b, loc, c.getSrc(), c.getDst());
      }
      op->erase();
    }
    for (gpu::GPUModuleOp gm : gpuModules)
      gm.erase();
    module->removeAttr(gpu::GPUDialect::getContainerModuleAttrName());
    // Anything the host still asks of a GPU.
    WalkResult left = module.walk([&](Operation *op) {
      if (op->getDialect() && op->getDialect()->getNamespace() == "gpu") {
        op->emitError("the GPU emulator does not run ") << op->getName();
        return WalkResult::interrupt();
      }
      return WalkResult::advance();
    });
    if (left.wasInterrupted())
      signalPassFailure();
  }
};

/// After the conversion to LLVM: defines each __attn_emu_launch_X (a
/// declaration) as a call of attn_emu_launch with a thunk that calls
/// __attn_emu_kernel_X on the launcher's operands.
struct GPUEmulateLaunchersPass
    : public PassWrapper<GPUEmulateLaunchersPass, OperationPass<ModuleOp>> {
  MLIR_DEFINE_EXPLICIT_INTERNAL_INLINE_TYPE_ID(GPUEmulateLaunchersPass)
  StringRef getArgument() const override {
    return "attn-gpu-emulate-launchers";
  }
  StringRef getDescription() const override {
    return "Define the launchers attn-gpu-emulate declared, once the module "
           "is LLVM dialect";
  }
  void runOnOperation() override {
    ModuleOp module = getOperation();
    MLIRContext *ctx = &getContext();
    auto ptr = LLVM::LLVMPointerType::get(ctx);
    auto i64 = IntegerType::get(ctx, 64);
    auto voidTy = LLVM::LLVMVoidType::get(ctx);
    SmallVector<LLVM::LLVMFuncOp> launchers;
    for (auto f : module.getOps<LLVM::LLVMFuncOp>())
      if (f.isExternal() && f.getName().starts_with(kLaunchPrefix))
        launchers.push_back(f);
    if (launchers.empty())
      return;
    OpBuilder mb = OpBuilder::atBlockEnd(module.getBody());
    auto runtime = module.lookupSymbol<LLVM::LLVMFuncOp>("attn_emu_launch");
    if (!runtime)
      runtime = LLVM::LLVMFuncOp::create(
          mb, module.getLoc(), "attn_emu_launch",
          LLVM::LLVMFunctionType::get(
              voidTy, {i64, i64, i64, i64, i64, i64, ptr, ptr}));
    for (LLVM::LLVMFuncOp launcher : launchers) {
      StringRef suffix = launcher.getName().drop_front(kLaunchPrefix.size());
      auto kernel =
          module.lookupSymbol<LLVM::LLVMFuncOp>((kKernelPrefix + suffix).str());
      ArrayRef<Type> params = launcher.getFunctionType().getParams();
      if (!kernel || kernel.isExternal() || params.size() < 6 ||
          params.drop_front(6) != kernel.getFunctionType().getParams() ||
          llvm::any_of(params.take_front(6),
                       [&](Type t) { return t != i64; })) {
        launcher.emitError("no kernel matches this GPU emulator launcher");
        return signalPassFailure();
      }
      Location loc = launcher.getLoc();
      ArrayRef<Type> fields = params.drop_front(6);
      auto argsTy = LLVM::LLVMStructType::getLiteral(ctx, fields);
      // The thunk: unpack and call.
      auto thunk = LLVM::LLVMFuncOp::create(
          mb, loc, (kThunkPrefix + suffix).str(),
          LLVM::LLVMFunctionType::get(voidTy, {ptr}), LLVM::Linkage::Internal);
      {
        Block *body = thunk.addEntryBlock(mb);
        OpBuilder b = OpBuilder::atBlockBegin(body);
        SmallVector<Value> vals;
        for (auto [i, t] : llvm::enumerate(fields)) {
          Value p = LLVM::GEPOp::create(
              b, loc, ptr, argsTy, body->getArgument(0),
              ArrayRef<LLVM::GEPArg>{0, static_cast<int32_t>(i)});
          vals.push_back(LLVM::LoadOp::create(b, loc, t, p));
        }
        LLVM::CallOp::create(b, loc, kernel, vals);
        LLVM::ReturnOp::create(b, loc, ValueRange{});
      }
      // The launcher: pack and launch.
      {
        Block *body = launcher.addEntryBlock(mb);
        OpBuilder b = OpBuilder::atBlockBegin(body);
        Value one = LLVM::ConstantOp::create(b, loc, i64, 1);
        Value st = LLVM::AllocaOp::create(b, loc, ptr, argsTy, one);
        for (size_t i = 0; i < fields.size(); ++i) {
          Value p = LLVM::GEPOp::create(
              b, loc, ptr, argsTy, st,
              ArrayRef<LLVM::GEPArg>{0, static_cast<int32_t>(i)});
          LLVM::StoreOp::create(b, loc, body->getArgument(6 + i), p);
        }
        Value fnPtr = LLVM::AddressOfOp::create(b, loc, thunk);
        SmallVector<Value> ops(body->getArguments().take_front(6));
        ops.push_back(fnPtr);
        ops.push_back(st);
        LLVM::CallOp::create(b, loc, runtime, ops);
        LLVM::ReturnOp::create(b, loc, ValueRange{});
      }
    }
  }
};

} // namespace

std::unique_ptr<Pass> mlir::attn::createGPUEmulatePass() {
  return std::make_unique<GPUEmulatePass>();
}
std::unique_ptr<Pass> mlir::attn::createGPUEmulateLaunchersPass() {
  return std::make_unique<GPUEmulateLaunchersPass>();
}
void mlir::attn::registerGPUEmulatePasses() {
  PassRegistration<GPUEmulatePass>();
  PassRegistration<GPUEmulateLaunchersPass>();
}
