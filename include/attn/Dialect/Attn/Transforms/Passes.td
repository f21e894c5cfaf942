//===- Passes.td - attn transformation passes --------------*- tablegen -*-===//
//
// Part of the attn-mlir project.
//
//===----------------------------------------------------------------------===//

#ifndef ATTN_DIALECT_ATTN_TRANSFORMS_PASSES_TD
#define ATTN_DIALECT_ATTN_TRANSFORMS_PASSES_TD

include "mlir/Pass/PassBase.td"

def AttnDecomposeAttention : Pass<"attn-decompose-attention"> {
  let summary = "Lower attn.attention into the unfused linalg chain (the "
                "numerical reference)";
  let description = [{
    Rewrites every `attn.attention` into plain linalg on tensors: the Q*K^T
    contraction, one elementwise op applying scale, softcap, mask, causal and
    window, the max-subtracted softmax (max, exp, sum) and the contraction
    with V followed by the division by the row sum. Scores and statistics are
    f32; GQA is expressed through `floordiv` indexing maps, BSHD through
    permuted indexing maps, so neither K/V repetition nor a transpose is
    materialised. A fully masked row produces 0.

    This lowering materialises the `B x Hq x Sq x Skv` score tensor and is
    the reference every other lowering is checked against.
  }];
  let dependentDialects = [
    "::mlir::arith::ArithDialect", "::mlir::cf::ControlFlowDialect", "::mlir::linalg::LinalgDialect",
    "::mlir::math::MathDialect", "::mlir::tensor::TensorDialect"
  ];
}

def AttnTileAttention : Pass<"attn-tile-attention"> {
  let summary = "Lower attn.attention into tiled linalg with an online "
                "(FlashAttention-2) softmax";
  let description = [{
    Rewrites every `attn.attention` into an `scf.forall` over (batch, query
    head, query tile) and an `scf.for` over key tiles that carries the f32
    running row max, row sum and accumulator, with linalg ops on tiles. No
    value of size Sq x Skv exists after this pass. Causal and window
    attention skip key tiles that are entirely masked: the key loop bounds
    depend on the query tile.
  }];
  let options = [
    Option<"queryTile", "query-tile", "int64_t", /*default=*/"0",
           "Rows of Q per tile (0: heuristic)">,
    Option<"keyTile", "key-tile", "int64_t", /*default=*/"0",
           "Keys per step of the inner loop (0: heuristic)">,
    Option<"fastExp", "fast-exp", "bool", /*default=*/"true",
           "Use the vectorisable polynomial exp (relative error below 4e-7 "
           "on the softmax's range) instead of math.exp">,
    Option<"groupHeads", "group-heads", "bool", /*default=*/"true",
           "With GQA/MQA, process the query heads sharing a K/V head in one "
           "tile so each K/V tile is read once for all of them">,
    Option<"keyMajor", "key-major", "bool", /*default=*/"false",
           "Lay the score tiles out as [keys, query rows] (the CPU layout): "
           "S^T = K . Q^T reads K rows directly (Q is transposed once per "
           "query tile), the softmax statistics reduce across the key rows "
           "element-wise, and P . V reads P^T">,
    Option<"peelPartialTiles", "peel-partial-tiles", "bool",
           /*default=*/"true",
           "When Sq or Skv is not a static multiple of its tile: run the "
           "full query tiles in their own forall and the key loop over full "
           "key tiles only, and compute the partial last query (key) tile as "
           "the static tile of the last Tq rows (Tk keys), writing only its "
           "own rows (masking the keys already taken), so that every tile "
           "has a static shape when the sequence is at least a tile long">,
    Option<"keySplits", "key-splits", "int64_t", /*default=*/"1",
           "Split the keys of each query tile into this many chunks run as "
           "a fourth dimension of the forall and combined after it "
           "(split-KV, for decoding and other problems with few (batch, "
           "head, query tile) iterations). 1: no split; 0: heuristic (split "
           "static problems whose forall has fewer than 32 iterations, "
           "keeping at least 4 key tiles per split)">,
    Option<"skipDeferred", "skip-deferred", "bool", /*default=*/"true",
           "Leave ops marked attn.deferred (claimed by a later pass of "
           "attn-nvvm-pipeline) alone; attn-cpu-pipeline, which has no such "
           "pass, lowers them too">
  ];
  let dependentDialects = [
    "::mlir::arith::ArithDialect", "::mlir::cf::ControlFlowDialect",
    "::mlir::linalg::LinalgDialect",
    "::mlir::math::MathDialect", "::mlir::scf::SCFDialect",
    "::mlir::tensor::TensorDialect", "::mlir::affine::AffineDialect"
  ];
}

def AttnFuseAttention : Pass<"attn-fuse-attention"> {
  let summary = "Raise the unfused matmul-scale-mask-softmax-matmul chain "
                "into attn.attention";
  let description = [{
    Finds the chain that frontends emit for attention (linalg-on-tensors from
    torch-mlir, TOSA from TFLite) and replaces it with one `attn.attention`.
    Chains it cannot raise are left alone; with `report` set, it emits a
    remark saying why.
  }];
  let options = [
    Option<"report", "report", "bool", /*default=*/"false",
           "Emit a remark at every candidate chain that is left alone">
  ];
  let dependentDialects = [
    "::mlir::arith::ArithDialect", "::mlir::attn::AttnDialect",
    "::mlir::linalg::LinalgDialect", "::mlir::math::MathDialect",
    "::mlir::tensor::TensorDialect"
  ];
}

def AttnDecomposeAggregates : Pass<"attn-decompose-aggregates"> {
  let summary = "Decompose linalg aggregate ops (linalg.softmax) left after "
                "raising";
  let description = [{
    Softmax chains that `attn-fuse-attention` did not raise (or that are not
    attention at all) may still hold `linalg.softmax`, which no upstream pass
    lowers to loops. This pass decomposes every op implementing
    `AggregatedOpInterface` into its generic ops so the CPU pipeline can
    compile whole programs.
  }];
  let dependentDialects = [
    "::mlir::arith::ArithDialect", "::mlir::linalg::LinalgDialect",
    "::mlir::math::MathDialect", "::mlir::tensor::TensorDialect"
  ];
}

def AttnLowerAffineLoops : Pass<"attn-lower-affine-loops"> {
  let summary = "Lower affine loops, conditionals and memory accesses to "
                "scf and memref, leaving affine.apply/min/max";
  let description = [{
    One-shot bufferization has no model of `affine.for`, so a loop carrying
    tensors (attention in a layer loop written with affine) must become an
    `scf.for` first. The accesses, `affine.load`/`store` (vector forms,
    prefetch and DMA included), and `affine.if`/`affine.parallel` go too:
    inside an `scf.for` their indices would no longer be valid affine
    dimensions. `lower-affine` would also expand `affine.min`/`max` and
    `affine.apply`, whose bounds later passes read
    (`attn-gpu-launch-memory` sizes kernel temporaries from them); they stay.
  }];
  let dependentDialects = ["::mlir::arith::ArithDialect",
                           "::mlir::memref::MemRefDialect",
                           "::mlir::scf::SCFDialect",
                           "::mlir::vector::VectorDialect"];
}

def AttnSplitTosaCasts : Pass<"attn-split-tosa-casts"> {
  let summary = "Cast between bf16 and f16 through f32 in TOSA";
  let description = [{
    `tosa-to-linalg` lowers a `tosa.cast` from bf16 to f16 (or back) into an
    `arith.truncf` (`extf`) between two 16-bit types, which the arith
    verifier rejects ("cast incompatible"). This pass splits such a cast in
    two, through f32: bf16 and f16 values are exact in f32, so the result
    is the same single rounding. Both pipelines run it before lowering TOSA.
  }];
  let dependentDialects = ["::mlir::tosa::TosaDialect"];
}

def AttnBufferDeallocation : Pass<"attn-buffer-deallocation", "ModuleOp"> {
  let summary = "Upstream's buffer-deallocation-pipeline on programs that "
                "may free memory themselves";
  let description = [{
    Ownership-based buffer deallocation frees every buffer that
    bufferization (or the program) allocates, but refuses a program that
    already holds a `memref.dealloc` ("memory free side-effect on MemRef
    value not supported"), as hand-written memref code and test drivers do.
    This pass takes them out and runs upstream's pipeline, which frees
    every buffer once, in the function that owns it (the one that allocated
    it, or the caller a function returned it to), after its last use. A
    function that frees its argument cannot be kept as written: the caller
    still owns what it passes and frees it after the call.
  }];
  let dependentDialects = ["::mlir::bufferization::BufferizationDialect",
                           "::mlir::memref::MemRefDialect",
                           "::mlir::func::FuncDialect",
                           "::mlir::scf::SCFDialect",
                           "::mlir::arith::ArithDialect"];
}

def AttnLowerAsserts : Pass<"attn-lower-asserts", "ModuleOp"> {
  let summary = "Lower host cf.assert to a message on stderr and abort()";
  let description = [{
    Upstream's lowering of `cf.assert` prints the message with `puts` (to
    stdout) and aborts: when stdout is a pipe or a file, its buffer (the
    message and the program's earlier output) is lost with the abort. This
    pass lowers each `cf.assert` outside GPU modules and `gpu.launch` bodies
    first, at any depth (an
    OpenMP loop's body included) into a call of a helper it defines in the
    assert's module (`__attn_assert`): on failure the helper flushes every
    stream (`fflush(NULL)`), writes the message and a newline to file
    descriptor 2 (`write`), then calls `abort()`. A module that has
    `write`, `fflush` or `abort` with other types keeps upstream's lowering.
    Run it before `convert-to-llvm`.
  }];
  let dependentDialects = ["::mlir::LLVM::LLVMDialect",
                           "::mlir::cf::ControlFlowDialect"];
}

def AttnSerializeReductions : Pass<"attn-serialize-reductions"> {
  let summary = "Turn scf.parallel loops whose reductions OpenMP cannot "
                "take into scf.for nests";
  let description = [{
    `convert-scf-to-openmp` handles reductions combined by one `addf`,
    `mulf`, `addi`, `muli`, `ori`, `andi` or `xori` of the two block
    arguments in order, or a less/greater compare of them in order and a
    select (a min or max); with another combiner (`arith.maximumf`, the
    operands swapped, an `oeq` compare, a body of several ops) it leaves an
    `scf.reduce.return` behind that nothing lowers, and an `index` or `i1`
    reduction becomes invalid LLVM (a store of index, an atomic on i1). This
    pass runs such a loop sequentially instead (upstream's lowering of
    `scf.parallel` to nested `scf.for`s); the other loops stay parallel.
  }];
  let dependentDialects = ["::mlir::scf::SCFDialect"];
}

def AttnLiftCFGLoops : Pass<"attn-lift-cfg-loops", "ModuleOp"> {
  let summary = "Lift the functions whose blocks form loops to scf";
  let description = [{
    Ownership-based buffer deallocation only supports structured loops: a
    function whose `cf.br`/`cf.cond_br` blocks form a loop ("Only structured
    control-flow loops are supported"), even one that allocates nothing,
    stops the pipelines. This pass runs upstream's `lift-cf-to-scf` on each
    such function (a host function whose CFG has a back edge; the others
    are left as they are), and replaces the `ub.poison` tensors it creates
    for values undefined on some path by `tensor.empty` (any value will
    do), so that they bufferize.
  }];
  let dependentDialects = ["::mlir::scf::SCFDialect",
                           "::mlir::tensor::TensorDialect",
                           "::mlir::ub::UBDialect",
                           "::mlir::arith::ArithDialect",
                           "::mlir::func::FuncDialect"];
}

def AttnReshapeDynamicExpands : Pass<"attn-reshape-dynamic-expands"> {
  let summary = "Rewrite expand_shape ops splitting one dim into several "
                "dynamic ones as tensor.reshape";
  let description = [{
    A `tensor.expand_shape` whose reassociation group holds two or more
    dynamic output dims (a torch view `[B*S, E] -> [B, S, E]` with B and S
    dynamic) crashes upstream MLIR 22's `expand-strided-metadata` once
    bufferized. This pass writes it as `tensor.reshape` with the output
    shape as a tensor (`memref.reshape` after bufferization), which lowers;
    other expands are left alone.
  }];
  let dependentDialects = ["::mlir::tensor::TensorDialect",
                           "::mlir::arith::ArithDialect"];
}

def AttnInlineAllocaScopes : Pass<"attn-inline-alloca-scopes"> {
  let summary = "Inline memref.alloca_scope regions that hold no alloca";
  let description = [{
    `convert-scf-to-openmp` wraps every parallel body in a
    `memref.alloca_scope`, whose region must stay a single block, which
    breaks as soon as loops inside are lowered to control flow. A scope with
    no `memref.alloca` directly inside frees nothing on exit, so inlining it
    changes nothing; this pass does that and leaves the others alone.
  }];
  let dependentDialects = ["::mlir::memref::MemRefDialect"];
}

def AttnFastExp : Pass<"attn-fast-exp"> {
  let summary = "Rewrite f32 math.exp into the vectorisable polynomial exp";
  let description = [{
    Replaces every `math.exp` on f32 (scalar or vector) with the polynomial
    used by the flash lowering's softmax (range reduction, degree-6
    polynomial, exponent bits; exactly 0 below -87). Other element types are
    left alone. Used to measure the polynomial's accuracy
    (test/Integration/CPU/fast-exp.mlir) and available to other kernels.
  }];
  let dependentDialects = ["::mlir::arith::ArithDialect",
                           "::mlir::math::MathDialect"];
}

def AttnVectorizeTiles : Pass<"attn-vectorize-tiles"> {
  let summary = "Vectorise the statically shaped tiles of the flash loop nest";
  let description = [{
    Runs after `attn-tile-attention`. The two tile contractions are tiled
    into register blocks of `row-block` x `col-block`, each a loop over the
    reduction in steps of `reduction-step` whose `vector.contract`
    accumulates into a loop-carried vector (the accumulator stays in
    registers across the reduction; a block whose accumulator starts as a
    fill starts from that constant). Transposes are done in `vector-width`
    square register blocks and the row max / row sum `vector-width` rows at
    a time (down the key rows of a key-major tile: independent chains of
    element-wise max and add). The element-wise tile ops stay loops
    (vectorised by LLVM along their contiguous dimension). Dynamically
    shaped tiles (only left for sequences shorter than one tile, or with
    attn-tile-attention{peel-partial-tiles=false}) stay scalar loops.
  }];
  let options = [
    Option<"rowBlock", "row-block", "int64_t", /*default=*/"8",
           "Rows of a contraction register block">,
    Option<"vectorWidth", "vector-width", "int64_t", /*default=*/"16",
           "f32 lanes of the widest vector (transposes, row reductions)">,
    Option<"colBlock", "col-block", "int64_t", /*default=*/"32",
           "Columns of a contraction register block (a multiple of "
           "vector-width; vector-width where it does not divide the tile)">,
    Option<"reductionStep", "reduction-step", "int64_t", /*default=*/"8",
           "Reduction steps per iteration of a contraction block's loop, "
           "with the accumulator carried in registers (0: the whole "
           "reduction unrolled)">
  ];
  let dependentDialects = ["::mlir::vector::VectorDialect",
                           "::mlir::scf::SCFDialect",
                           "::mlir::tensor::TensorDialect"];
}

def AttnSetTargetCPU : Pass<"attn-set-target-cpu", "ModuleOp"> {
  let summary = "Set target_cpu / target_features on every defined llvm.func";
  let description = [{
    Code generation (mlir-runner's JIT, `mlir-translate` + `llc`/`clang`)
    reads the target CPU and its features from each function. `cpu=host`
    and `features=host` (the defaults) take them from the machine running
    the pass; an empty string leaves the attribute unset.
  }];
  let options = [
    Option<"cpu", "cpu", "std::string", /*default=*/"\"host\"",
           "Target CPU name (e.g. znver4, sapphirerapids), host, or empty">,
    Option<"features", "features", "std::string", /*default=*/"\"host\"",
           "Target features (e.g. +avx512f,+fma), host, or empty">
  ];
  let dependentDialects = ["::mlir::LLVM::LLVMDialect"];
}

def AttnVerifyLowered : Pass<"attn-verify-lowered", "ModuleOp"> {
  let summary = "Check that no attn op, and nothing the target cannot "
                "lower, is left";
  let description = [{
    The contract check at the end of the pipelines: fails, naming the op,
    if an `attn` op or another op that is not part of the LLVM dialect (or
    the GPU binary interface) remains.
  }];
  let options = [
    Option<"allowGpu", "allow-gpu", "bool", /*default=*/"false",
           "Accept gpu.binary and gpu module ops">,
    Option<"allowOpenMP", "allow-openmp", "bool", /*default=*/"false",
           "Accept OpenMP dialect ops (translated by the OpenMP LLVM IR "
           "translation)">
  ];
}

#endif // ATTN_DIALECT_ATTN_TRANSFORMS_PASSES_TD
