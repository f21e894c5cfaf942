//===- GPUMmaAttentionTest.cpp - unit tests of the tensor-core path -*- C++ -*-===//
//
// Part of the attn-mlir project.
//
//===----------------------------------------------------------------------===//
//
// Drives the C++ API of the GPU tensor-core path the way an integrating
// compiler would: createGPUMmaAttentionPass / createGPUMmaKernelsPass in a
// PassManager, and buildNVVMPipeline on a module built from C++.
//
//===----------------------------------------------------------------------===//

#include "attn/Dialect/Attn/IR/Attn.h"
#include "attn/InitAll.h"
#include "attn/Pipelines/NVVMPipeline.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/InitAllDialects.h"
#include "mlir/InitAllExtensions.h"
#include "mlir/InitAllPasses.h"
#include "mlir/Dialect/GPU/IR/GPUDialect.h"
#include "mlir/Dialect/NVGPU/IR/NVGPUDialect.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Pass/PassManager.h"

#include "gtest/gtest.h"

#include <string>

using namespace mlir;
using namespace mlir::attn;

namespace {

class GPUMmaAttentionTest : public ::testing::Test {
protected:
  GPUMmaAttentionTest() : builder(&ctx) {
    // The pipeline is parsed from pass names: register them once.
    static bool registered = [] {
      registerAllPasses();
      registerAttnPassesAndPipelines();
      return true;
    }();
    (void)registered;
    DialectRegistry registry;
    registerAllDialects(registry);
    registerAllExtensions(registry);
    registerAttnDialects(registry);
    ctx.appendDialectRegistry(registry);
    ctx.loadAllAvailableDialects();
    loc = builder.getUnknownLoc();
    module = ModuleOp::create(builder, loc);
  }

  /// `func.func @name(q, k, v) -> o` returning one attention of element
  /// type `elt` (BHSD; Hq = 4, Hkv = 2, Sq = 100, Skv = 77, D = 64).
  void addAttention(StringRef name, Type elt) {
    auto qt = RankedTensorType::get({2, 4, 100, 64}, elt);
    auto kt = RankedTensorType::get({2, 2, 77, 64}, elt);
    builder.setInsertionPointToEnd(module->getBody());
    auto fn = func::FuncOp::create(builder, loc, name,
                                   builder.getFunctionType({qt, kt, kt}, {qt}));
    Block *body = fn.addEntryBlock();
    builder.setInsertionPointToEnd(body);
    Value init = tensor::EmptyOp::create(builder, loc, qt.getShape(), elt);
    auto op = AttentionOp::create(builder, loc, body->getArgument(0),
                                  body->getArgument(1), body->getArgument(2),
                                  /*mask=*/Value(), init);
    func::ReturnOp::create(builder, loc, op->getResults());
  }

  template <typename OpT> int count() {
    int n = 0;
    module->walk([&](OpT) { ++n; });
    return n;
  }

  MLIRContext ctx;
  OpBuilder builder;
  Location loc = UnknownLoc::get(&ctx);
  OwningOpRef<ModuleOp> module;
};

TEST_F(GPUMmaAttentionTest, RewritesHalfPrecisionOnly) {
  addAttention("half", builder.getF16Type());
  addAttention("single", builder.getF32Type());
  PassManager pm(&ctx);
  pm.addPass(createGPUMmaAttentionPass());
  ASSERT_TRUE(succeeded(pm.run(*module)));
  // f16: a call of a private declaration; f32: untouched.
  EXPECT_EQ(count<AttentionOp>(), 1);
  auto decl = module->lookupSymbol<func::FuncOp>("half_mma");
  ASSERT_TRUE(decl);
  EXPECT_TRUE(decl.isDeclaration());
  EXPECT_TRUE(decl.isPrivate());
  EXPECT_TRUE(decl->hasAttr("attn.mma_kernel"));
  EXPECT_EQ(count<func::CallOp>(), 1);

  PassManager pm2(&ctx);
  pm2.addPass(createGPUMmaKernelsPass());
  ASSERT_TRUE(succeeded(pm2.run(*module)));
  EXPECT_FALSE(decl.isDeclaration());
  // The kernel and split-KV's combining kernel (key-splits = 0: launched
  // when the run-time grid is small).
  EXPECT_EQ(count<gpu::LaunchOp>(), 2);
  // D = 64, 64-key tiles, 16 rows per warp: 8 x 4 mma for S, 4 x 8 for P.V.
  EXPECT_EQ(count<nvgpu::MmaSyncOp>(), 64);
  EXPECT_EQ(count<nvgpu::LdMatrixOp>(), 32);
}

TEST_F(GPUMmaAttentionTest, ClaimOnlyMarks) {
  addAttention("half", builder.getF16Type());
  PassManager pm(&ctx);
  pm.addPass(createGPUMmaAttentionPass(4, 64, 2, 0, 232448, /*claim=*/true));
  ASSERT_TRUE(succeeded(pm.run(*module)));
  int marked = 0;
  module->walk([&](AttentionOp op) { marked += op->hasAttr("attn.deferred"); });
  EXPECT_EQ(marked, 1);
  EXPECT_EQ(count<func::CallOp>(), 0);
}

TEST_F(GPUMmaAttentionTest, KeySplitsOneBuildsNoSplit) {
  // keySplits = 1: one kernel, no workspace.
  addAttention("half", builder.getF16Type());
  PassManager pm(&ctx);
  pm.addPass(createGPUMmaAttentionPass(4, 64, 0, 0, 232448, false, 0, 64,
                                       false, true, 3, /*keySplits=*/1));
  pm.addPass(createGPUMmaKernelsPass());
  ASSERT_TRUE(succeeded(pm.run(*module)));
  EXPECT_EQ(count<gpu::LaunchOp>(), 1);
  EXPECT_EQ(count<gpu::AllocOp>(), 0);
}

TEST_F(GPUMmaAttentionTest, KeySplitsBuildCombiningKernel) {
  // keySplits = 4: the split kernel, the combining kernel, and two device
  // workspaces (O per split; m and l per split) allocated and freed.
  addAttention("half", builder.getF16Type());
  PassManager pm2(&ctx);
  pm2.addPass(createGPUMmaAttentionPass(4, 64, 0, 0, 232448, false, 0, 64,
                                        false, true, 3, /*keySplits=*/4));
  pm2.addPass(createGPUMmaKernelsPass());
  ASSERT_TRUE(succeeded(pm2.run(*module)));
  EXPECT_EQ(count<gpu::LaunchOp>(), 2);
  EXPECT_EQ(count<gpu::AllocOp>(), 2);
  EXPECT_EQ(count<gpu::DeallocOp>(), 2);
}

TEST_F(GPUMmaAttentionTest, BadOptionsFail) {
  addAttention("half", builder.getF16Type());
  ctx.getDiagEngine().registerHandler([](Diagnostic &) { return success(); });
  PassManager pm(&ctx);
  pm.addPass(createGPUMmaAttentionPass(/*warps=*/0));
  EXPECT_TRUE(failed(pm.run(*module)));
  PassManager pm2(&ctx);
  pm2.addPass(createGPUMmaAttentionPass(4, 64, 0, 0, 232448, false, 0, 64,
                                        false, true, 3, /*keySplits=*/65));
  EXPECT_TRUE(failed(pm2.run(*module)));
}

TEST_F(GPUMmaAttentionTest, PipelineEmbedsTensorCorePTX) {
  addAttention("half", builder.getBF16Type());
  PassManager pm(&ctx);
  NVVMPipelineOptions options;
  options.chip = "sm_90";
  options.format = "isa";
  ASSERT_TRUE(succeeded(buildNVVMPipeline(pm, options)));
  ASSERT_TRUE(succeeded(pm.run(*module)));
  int binaries = 0;
  bool mma = false;
  module->walk([&](gpu::BinaryOp bin) {
    ++binaries;
    for (Attribute obj : bin.getObjects())
      if (auto o = dyn_cast<gpu::ObjectAttr>(obj))
        mma |= o.getObject().getValue().contains(
            "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32");
  });
  EXPECT_EQ(binaries, 1);
  EXPECT_TRUE(mma);
}

TEST_F(GPUMmaAttentionTest, WgmmaOnlyWhereItFits) {
  addAttention("half", builder.getF16Type());
  // 2 warpgroups, 128-key tiles: D = 64 qualifies unless shared memory is
  // too small for Q plus two K/V stages (16 + 64 KiB + 1 KiB).
  for (auto [maxSmem, expectWgmma] :
       {std::pair<int64_t, bool>{232448, true}, {64 * 1024, false}}) {
    OwningOpRef<ModuleOp> copy = module->clone();
    PassManager pm(&ctx);
    pm.addPass(createGPUMmaAttentionPass(4, 64, 2, 0, maxSmem, false,
                                         /*wgmmaGroups=*/2,
                                         /*wgmmaKeyTile=*/128));
    ASSERT_TRUE(succeeded(pm.run(*copy)));
    auto decl = copy->lookupSymbol<func::FuncOp>("half_mma");
    ASSERT_TRUE(decl);
    auto attrs = decl->getAttrOfType<DictionaryAttr>("attn.mma_kernel");
    ASSERT_TRUE(attrs);
    EXPECT_EQ(cast<BoolAttr>(attrs.get("wgmma")).getValue(), expectWgmma);
    EXPECT_EQ(cast<IntegerAttr>(attrs.get("warps")).getInt(),
              expectWgmma ? 8 : 4);
    EXPECT_EQ(cast<IntegerAttr>(attrs.get("key_tile")).getInt(),
              expectWgmma ? 128 : 64);
  }
}

TEST_F(GPUMmaAttentionTest, PipelineEmbedsWgmmaOnSm90a) {
  addAttention("half", builder.getF16Type());
  PassManager pm(&ctx);
  NVVMPipelineOptions options;
  options.chip = "sm_90a";
  options.wgmma = true;
  // 128-key tiles (the default is 64): S = Q K^T is m64n128, O += P V
  // m64n64 (Dv = 64), so each product's instruction is told apart.
  options.wgmmaKeyTile = 128;
  options.format = "isa";
  ASSERT_TRUE(succeeded(buildNVVMPipeline(pm, options)));
  ASSERT_TRUE(succeeded(pm.run(*module)));
  bool ss = false, rs = false;
  module->walk([&](gpu::BinaryOp bin) {
    for (Attribute obj : bin.getObjects())
      if (auto o = dyn_cast<gpu::ObjectAttr>(obj)) {
        StringRef ptx = o.getObject().getValue();
        // S = Q K^T from two descriptors; O += P V with P in registers
        // and V transposed.
        ss |= ptx.contains("wgmma.mma_async.sync.aligned.m64n128k16.f32.f16."
                           "f16") &&
              ptx.contains("p, 1, 1, 0, 0;");
        rs |= ptx.contains("wgmma.mma_async.sync.aligned.m64n64k16.f32.f16."
                           "f16") &&
              ptx.contains("p, 1, 1, 1;");
      }
  });
  EXPECT_TRUE(ss);
  EXPECT_TRUE(rs);
}

} // namespace
