# Generates the tests of masks built with tensor.concat:
#   python3 test/lib/gen_concat_masks.py FILL.mlir > test/Integration/CPU/fuse-concat-mask.mlir
#   python3 test/lib/gen_concat_masks.py --ir > test/Transforms/attn-fuse-attention-concat.mlir
# FILL.mlir: the input-filling function (@fill and the printMemrefF32
# declaration) appended to the executed test.
import sys
B, H, D, DV = 1, 2, 5, 6

MAPS = """#q = affine_map<(b, h, i, j, d) -> (b, h, i, d)>
#k = affine_map<(b, h, i, j, d) -> (b, h, j, d)>
#s = affine_map<(b, h, i, j, d) -> (b, h, i, j)>
#p = affine_map<(b, h, i, e, j) -> (b, h, i, j)>
#v = affine_map<(b, h, i, e, j) -> (b, h, j, e)>
#o = affine_map<(b, h, i, e, j) -> (b, h, i, e)>
#id = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#bc = affine_map<(d0, d1, d2, d3) -> (0, 0, d2, d3)>
#r2 = affine_map<(d0, d1) -> (d0, d1)>
"""

def t4(s, kv, last, ty='f32'):
    return f"tensor<{B}x{H}x{s}x{last}x{ty}>" if False else f"tensor<{B}x{H}x{s}x{last}x{ty}>"

def index_block(name, rows, cols, keep, ty, on, off):
    """A rows x cols tensor, `on` where keep(i, j) (MLIR i1 ops on %i, %j
    as i64), `off` elsewhere."""
    e = f"%{name}_e"
    lines = [f"  {e} = tensor.empty() : tensor<{rows}x{cols}x{ty}>",
             f"  %{name} = linalg.generic {{indexing_maps = [#r2], iterator_types = [\"parallel\", \"parallel\"]}} outs({e} : tensor<{rows}x{cols}x{ty}>) {{",
             f"  ^bb0(%o: {ty}):",
             "    %ii = linalg.index 0 : index",
             "    %jj = linalg.index 1 : index",
             "    %i = arith.index_cast %ii : index to i64",
             "    %j = arith.index_cast %jj : index to i64"]
    lines += ["    " + l for l in keep]
    if ty == 'i1':
        lines.append("    linalg.yield %keep : i1")
    else:
        lines.append(f"    %on = arith.constant {on} : {ty}")
        lines.append(f"    %off = arith.constant {off} : {ty}")
        lines.append(f"    %r = arith.select %keep, %on, %off : {ty}")
        lines.append(f"    linalg.yield %r : {ty}")
    lines.append(f"  }} -> tensor<{rows}x{cols}x{ty}>")
    return lines

def fill(name, rows, cols, ty, value):
    return [f"  %{name}_e = tensor.empty() : tensor<{rows}x{cols}x{ty}>",
            (f"  %{name}_c = arith.constant {value}" if ty == "i1" else f"  %{name}_c = arith.constant {value} : {ty}"),
            f"  %{name} = linalg.fill ins(%{name}_c : {ty}) outs(%{name}_e : tensor<{rows}x{cols}x{ty}>) -> tensor<{rows}x{cols}x{ty}>"]

CAUSAL = ["%one = arith.constant 1 : i64", "%i1 = arith.addi %i, %one : i64",
          "%keep = arith.cmpi slt, %j, %i1 : i64"]
WINDOW = ["%one = arith.constant 1 : i64", "%lo = arith.subi %i, %one : i64",
          "%a = arith.cmpi sle, %j, %i : i64", "%b = arith.cmpi sge, %j, %lo : i64",
          "%keep = arith.andi %a, %b : i1"]

def chain(fn, sq, skv, mask_lines, mask, mask_kind, extra_args="", kv_concat=None):
    """The unfused attention chain with the [sq, skv] mask `mask`:
    mask_kind 'add' (f32 added after the scale) or 'bool' (i1 select of
    -inf)."""
    q, k, v = (f"tensor<{B}x{H}x{sq}x{D}xf32>", f"tensor<{B}x{H}x{skv}x{D}xf32>",
               f"tensor<{B}x{H}x{skv}x{DV}xf32>")
    s4 = f"tensor<{B}x{H}x{sq}x{skv}xf32>"
    o4 = f"tensor<{B}x{H}x{sq}x{DV}xf32>"
    L = [f"func.func @{fn}(%q: {q}, %k: {k}, %v: {v}{extra_args}) -> {o4} {{",
         "  %zero = arith.constant 0.0 : f32",
         "  %c = arith.constant 0.5 : f32",
         "  %ninf = arith.constant 0xFF800000 : f32"]
    L += mask_lines
    kname, vname = "%k", "%v"
    if kv_concat:
        for n, last in (("k", D), ("v", DV)):
            L += [f"  %p{n} = tensor.extract_slice %{n}[0, 0, 0, 0] [{B}, {H}, {P}, {last}] [1, 1, 1, 1] : tensor<{B}x{H}x{skv}x{last}xf32> to tensor<{B}x{H}x{P}x{last}xf32>",
                  f"  %n{n} = tensor.extract_slice %{n}[0, 0, {P}, 0] [{B}, {H}, {skv - P}, {last}] [1, 1, 1, 1] : tensor<{B}x{H}x{skv}x{last}xf32> to tensor<{B}x{H}x{skv - P}x{last}xf32>",
                  f"  %{n}c = tensor.concat dim(2) %p{n}, %n{n} : (tensor<{B}x{H}x{P}x{last}xf32>, tensor<{B}x{H}x{skv - P}x{last}xf32>) -> tensor<{B}x{H}x{skv}x{last}xf32>"]
        kname, vname = "%kc", "%vc"
    mty = 'f32' if mask_kind == 'add' else 'i1'
    L += [f"  %m4 = tensor.expand_shape {mask} [[0, 1, 2], [3]] output_shape [1, 1, {sq}, {skv}] : tensor<{sq}x{skv}x{mty}> into tensor<1x1x{sq}x{skv}x{mty}>",
          f"  %e = tensor.empty() : {s4}",
          f"  %f = linalg.fill ins(%zero : f32) outs(%e : {s4}) -> {s4}",
          f"  %s = linalg.generic {{indexing_maps = [#q, #k, #s], iterator_types = [\"parallel\", \"parallel\", \"parallel\", \"parallel\", \"reduction\"]}} ins(%q, {kname} : {q}, {k}) outs(%f : {s4}) {{",
          "  ^bb0(%a: f32, %bb: f32, %acc: f32):",
          "    %mm = arith.mulf %a, %bb : f32",
          "    %r = arith.addf %acc, %mm : f32",
          "    linalg.yield %r : f32",
          f"  }} -> {s4}",
          f"  %ss = linalg.generic {{indexing_maps = [#id, #bc, #id], iterator_types = [\"parallel\", \"parallel\", \"parallel\", \"parallel\"]}} ins(%s, %m4 : {s4}, tensor<1x1x{sq}x{skv}x{mty}>) outs(%e : {s4}) {{",
          f"  ^bb0(%a: f32, %mv: {mty}, %o: f32):",
          "    %sc = arith.mulf %a, %c : f32"]
    if mask_kind == 'add':
        L.append("    %r = arith.addf %sc, %mv : f32")
    else:
        L.append("    %r = arith.select %mv, %sc, %ninf : f32")
    L += ["    linalg.yield %r : f32",
          f"  }} -> {s4}",
          f"  %sm = linalg.softmax dimension(3) ins(%ss : {s4}) outs(%e : {s4}) -> {s4}",
          f"  %eo = tensor.empty() : {o4}",
          f"  %fo = linalg.fill ins(%zero : f32) outs(%eo : {o4}) -> {o4}",
          f"  %out = linalg.generic {{indexing_maps = [#p, #v, #o], iterator_types = [\"parallel\", \"parallel\", \"parallel\", \"parallel\", \"reduction\"]}} ins(%sm, {vname} : {s4}, {v}) outs(%fo : {o4}) {{",
          "  ^bb0(%a: f32, %bb: f32, %acc: f32):",
          "    %mm = arith.mulf %a, %bb : f32",
          "    %r = arith.addf %acc, %mm : f32",
          "    linalg.yield %r : f32",
          f"  }} -> {o4}",
          f"  return %out : {o4}",
          "}", ""]
    return L

def cat(name, dim, parts, rows, cols, ty):
    ins = ", ".join(p[0] for p in parts)
    tys = ", ".join(f"tensor<{p[1]}x{p[2]}x{ty}>" for p in parts)
    return [f"  %{name} = tensor.concat dim({dim}) {ins} : ({tys}) -> tensor<{rows}x{cols}x{ty}>"]

MIN = "-3.40282347E+38"
SQ, P = 4, 3
SKV = SQ + P
funcs = []  # (name, sq, skv, lines)

# 1. HF's _make_causal_mask with 3 cached keys.
L = fill("zs", SQ, P, "f32", "0.0") + index_block("blk", SQ, SQ, CAUSAL, "f32", "0.0", MIN) \
    + cat("cat", 1, [("%zs", SQ, P), ("%blk", SQ, SQ)], SQ, SKV, "f32")
funcs.append(("hf_cat", SQ, SKV, chain("hf_cat", SQ, SKV, L, "%cat", "add")))
# 2. The same as a boolean mask: ones next to a lower triangle.
L = fill("os", SQ, P, "i1", "true") + index_block("blk", SQ, SQ, CAUSAL, "i1", None, None) \
    + cat("cat", 1, [("%os", SQ, P), ("%blk", SQ, SQ)], SQ, SKV, "i1")
funcs.append(("bool_cat", SQ, SKV, chain("bool_cat", SQ, SKV, L, "%cat", "bool")))
# 3. A window of 2 in the new block: no band (the cached keys are all
# visible): a dense mask evaluated from indices.
L = fill("zs", SQ, P, "f32", "0.0") + index_block("blk", SQ, SQ, WINDOW, "f32", "0.0", MIN) \
    + cat("cat", 1, [("%zs", SQ, P), ("%blk", SQ, SQ)], SQ, SKV, "f32")
funcs.append(("window_cat", SQ, SKV, chain("window_cat", SQ, SKV, L, "%cat", "add")))
# 4. The cached keys masked: keep j >= 3 and j - 3 <= i (dense).
L = fill("ms", SQ, P, "f32", MIN) + index_block("blk", SQ, SQ, CAUSAL, "f32", "0.0", MIN) \
    + cat("cat", 1, [("%ms", SQ, P), ("%blk", SQ, SQ)], SQ, SKV, "f32")
funcs.append(("masked_past", SQ, SKV, chain("masked_past", SQ, SKV, L, "%cat", "add")))
# 5. Decoding: one query, 6 cached keys.
L = fill("zs", 1, 6, "f32", "0.0") + index_block("blk", 1, 1, CAUSAL, "f32", "0.0", MIN) \
    + cat("cat", 1, [("%zs", 1, 6), ("%blk", 1, 1)], 1, 7, "f32")
funcs.append(("decode_cat", 1, 7, chain("decode_cat", 1, 7, L, "%cat", "add")))
# 6. A run-time tensor for the cached keys: the concatenation is the mask.
L = index_block("blk", SQ, SQ, CAUSAL, "f32", "0.0", MIN) \
    + cat("cat", 1, [("%pad", SQ, P), ("%blk", SQ, SQ)], SQ, SKV, "f32")
funcs.append(("runtime_cat", SQ, SKV, chain("runtime_cat", SQ, SKV, L, "%cat", "add",
                                            extra_args=f", %pad: tensor<{SQ}x{P}xf32>")))
# 7. Three pieces (two of zeros): read as a dense mask.
L = fill("z1", SQ, 2, "f32", "0.0") + fill("z2", SQ, 1, "f32", "0.0") \
    + index_block("blk", SQ, SQ, CAUSAL, "f32", "0.0", MIN) \
    + cat("cat", 1, [("%z1", SQ, 2), ("%z2", SQ, 1), ("%blk", SQ, SQ)], SQ, SKV, "f32")
funcs.append(("three_pieces", SQ, SKV, chain("three_pieces", SQ, SKV, L, "%cat", "add")))
# 8. Along the queries: two halves of a causal mask (rows 0-1 and 2-3, the
# second built for rows shifted by 2).
SHIFT = ["%one = arith.constant 3 : i64", "%i1 = arith.addi %i, %one : i64",
         "%keep = arith.cmpi slt, %j, %i1 : i64"]
L = index_block("top", 2, SQ, CAUSAL, "f32", "0.0", MIN) \
    + index_block("bot", 2, SQ, SHIFT, "f32", "0.0", MIN) \
    + cat("cat", 0, [("%top", 2, SQ), ("%bot", 2, SQ)], SQ, SQ, "f32")
funcs.append(("query_halves", SQ, SQ, chain("query_halves", SQ, SQ, L, "%cat", "add")))
# 9. A prefix of 2 keys every query sees, then causal (a prefix-LM mask with
# bottom-right alignment): still j - i <= 3 (the prefix is below the
# diagonal for every row).
L = fill("zs", SQ, 2, "f32", "0.0") + index_block("blk", SQ, SQ + 1, ["%one = arith.constant 2 : i64", "%i1 = arith.addi %i, %one : i64", "%keep = arith.cmpi slt, %j, %i1 : i64"], "f32", "0.0", MIN) \
    + cat("cat", 1, [("%zs", SQ, 2), ("%blk", SQ, SQ + 1)], SQ, SKV, "f32")
funcs.append(("prefix_cat", SQ, SKV, chain("prefix_cat", SQ, SKV, L, "%cat", "add")))

# 10. The upper triangle in the new block (keep j - 3 >= i): neither side
# of the OR implies the other: dense.
L = fill("zs", SQ, P, "f32", "0.0") + index_block("blk", SQ, SQ, ["%keep = arith.cmpi sge, %j, %i : i64"], "f32", "0.0", MIN) \
    + cat("cat", 1, [("%zs", SQ, P), ("%blk", SQ, SQ)], SQ, SKV, "f32")
funcs.append(("upper_cat", SQ, SKV, chain("upper_cat", SQ, SKV, L, "%cat", "add")))
# 11. A window of 11 in the new block, wider than the cached keys reach:
# implied by j < 3, so the band is j - i in [-7, 3] (causal bottom-right
# with a window of 10 on the left).
WIDE = ["%ten = arith.constant 10 : i64", "%lo = arith.subi %i, %ten : i64",
        "%a = arith.cmpi sle, %j, %i : i64", "%b = arith.cmpi sge, %j, %lo : i64",
        "%keep = arith.andi %a, %b : i1"]
L = fill("zs", SQ, P, "f32", "0.0") + index_block("blk", SQ, SQ, WIDE, "f32", "0.0", MIN) \
    + cat("cat", 1, [("%zs", SQ, P), ("%blk", SQ, SQ)], SQ, SKV, "f32")
funcs.append(("wide_window_cat", SQ, SKV, chain("wide_window_cat", SQ, SKV, L, "%cat", "add")))

# 12. A KV cache: K and V concatenated from the cached and the new keys
# (run-time tensors: read as tensors), with HF's concatenated causal mask.
L = fill("zs", SQ, P, "f32", "0.0") + index_block("blk", SQ, SQ, CAUSAL, "f32", "0.0", MIN) \
    + cat("cat", 1, [("%zs", SQ, P), ("%blk", SQ, SQ)], SQ, SKV, "f32")
funcs.append(("kv_cache", SQ, SKV, chain("kv_cache", SQ, SKV, L, "%cat", "add", kv_concat=True)))

EXPECT = {
    "hf_cat": "band", "bool_cat": "band", "window_cat": "dense",
    "masked_past": "dense", "decode_cat": "band", "runtime_cat": "concat",
    "three_pieces": "dense", "query_halves": "dense", "prefix_cat": "band",
    "upper_cat": "dense", "wide_window_cat": "window", "kv_cache": "kv",
}

if sys.argv[1] == "--ir":
    out = ["""// attn-fuse-attention on masks built with tensor.concat (the functions of
// test/Integration/CPU/fuse-concat-mask.mlir, which runs them fused against
// unfused; both generated by test/lib/gen_concat_masks.py). A concatenation
// of pieces computed from indices alone is read as a select on the
// concatenated index: zeros for cached keys next to a causal block keep
// `j < P or j - P <= i`, and since the first implies the second for every
// query, that is the band j - i <= P (causal = bottom_right). Keep
// conditions that are no band (a window in the block, masked cached keys,
// the upper triangle, three pieces, halves along the queries) become a
// dense i1 mask computed from the indices. A run-time piece leaves the
// concatenation a tensor (the op's mask), and so does a concatenation of
// run-time K and V (a KV cache).
// RUN: attn-opt %s -attn-fuse-attention | FileCheck %s
""", MAPS]
    for name, sq, skv, L in funcs:
        kind = EXPECT[name]
        out.append(f"// CHECK-LABEL: func.func @{name}(")
        o = f"tensor<1x2x{sq}x6xf32>"
        if kind == "band":
            out += ["// CHECK-NOT:     tensor.concat",
                    f"// CHECK:         attn.attention ins(%arg0, %arg1, %arg2 : {{{{[^)]*}}}}) outs(%{{{{.*}}}} : {o}) scale = 5.000000e-01 causal = bottom_right -> {o}"]
        elif kind == "window":
            out += ["// CHECK-NOT:     tensor.concat",
                    f"// CHECK:         attn.attention ins(%arg0, %arg1, %arg2 : {{{{[^)]*}}}}) outs(%{{{{.*}}}} : {o}) scale = 5.000000e-01 causal = bottom_right window = [10, -1] -> {o}"]
        elif kind == "dense":
            out += ["// CHECK-NOT:     tensor.concat",
                    f"// CHECK:         %[[M:.*]] = linalg.generic {{{{.*}}}} outs(%{{{{.*}}}} : tensor<{sq}x{skv}xi1>)",
                    f"// CHECK:         attn.attention ins(%arg0, %arg1, %arg2 : {{{{[^)]*}}}}) mask(%[[M]] : tensor<{sq}x{skv}xi1>) outs(%{{{{.*}}}} : {o}) scale = 5.000000e-01 -> {o}"]
        elif kind == "concat":
            out += ["// CHECK:         %[[CAT:.*]] = tensor.concat dim(1) %arg3,",
                    f"// CHECK:         attn.attention ins(%arg0, %arg1, %arg2 : {{{{[^)]*}}}}) mask(%[[CAT]] : tensor<{sq}x{skv}xf32>) outs(%{{{{.*}}}} : {o}) scale = 5.000000e-01 -> {o}"]
        elif kind == "kv":
            out += ["// CHECK:         %[[KC:.*]] = tensor.concat dim(2)",
                    "// CHECK:         %[[VC:.*]] = tensor.concat dim(2)",
                    "// CHECK-NOT:     tensor.concat",
                    f"// CHECK:         attn.attention ins(%arg0, %[[KC]], %[[VC]] : {{{{[^)]*}}}}) outs(%{{{{.*}}}} : {o}) scale = 5.000000e-01 causal = bottom_right -> {o}"]
        out += L
    print("\n".join(out))
    sys.exit(0)

out = []
out.append("""// Executed check of attn-fuse-attention on masks built with tensor.concat,
// as torch-mlir lowers `torch.cat`: Hugging Face's `_make_causal_mask` with
// a KV cache (zeros for the cached keys next to the causal block, as an
// additive and as a boolean mask), a window in the new block, masked cached
// keys, decoding, a run-time piece, three pieces, a concat along the
// queries, and a prefix. B = 1, H = 2, D = 5, Dv = 6; inputs are 2 * sin(...)
// of their indices. The fused and the unfused programs must print the same
// numbers (rtol 1e-4, atol 1e-5). Generated by test/lib/gen_concat_masks.py
// (`python3 test/lib/gen_concat_masks.py FILL.mlir` with the @fill function
// at the end of this file); which form each function is raised into is
// checked in test/Transforms/attn-fuse-attention-concat.mlir.
// RUN: attn-opt %s -attn-cpu-pipeline="fuse=false" | mlir-runner -e main -entry-point-result=void -shared-libs=%runner_libs > %t.ref
// RUN: attn-opt %s -attn-cpu-pipeline="fuse=true" | mlir-runner -e main -entry-point-result=void -shared-libs=%runner_libs > %t.fused
// RUN: %python %attn_src/test/lib/compare_outputs.py %t.ref %t.fused --rtol 1e-4 --atol 1e-5
// RUN: attn-opt %s -attn-fuse-attention | FileCheck %s
// CHECK-NOT: linalg.softmax
""")
out.append(MAPS)
for name, sq, skv, L in funcs:
    out += L
# main
M = ["func.func @main() {"]
def input(n, s, last, seed):
    t = f"tensor<{B}x{H}x{s}x{last}xf32>"
    return [f"  %{n}_e = tensor.empty() : {t}",
            f"  %{n}_d = tensor.cast %{n}_e : {t} to tensor<?x?x?x?xf32>",
            f"  %{n}_s = arith.constant {seed} : f32",
            f"  %{n}_a = arith.constant 2.0 : f32",
            f"  %{n}_r = call @fill(%{n}_d, %{n}_s, %{n}_a) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>",
            f"  %{n} = tensor.cast %{n}_r : tensor<?x?x?x?xf32> to {t}"]
for idx, (name, sq, skv, L) in enumerate(funcs):
    pre = f"f{idx}"
    M += input(pre + "q", sq, D, 0.1 + idx) + input(pre + "k", skv, D, 1.7 + idx) + input(pre + "v", skv, DV, 2.9 + idx)
    args = f"%{pre}q, %{pre}k, %{pre}v"
    tys = f"tensor<{B}x{H}x{sq}x{D}xf32>, tensor<{B}x{H}x{skv}x{D}xf32>, tensor<{B}x{H}x{skv}x{DV}xf32>"
    if name == "runtime_cat":
        M += [f"  %pad_e = tensor.empty() : tensor<{SQ}x{P}xf32>",
              f"  %pad_c = arith.constant -1.5 : f32",
              f"  %pad = linalg.generic {{indexing_maps = [#r2], iterator_types = [\"parallel\", \"parallel\"]}} outs(%pad_e : tensor<{SQ}x{P}xf32>) {{",
              "  ^bb0(%o: f32):",
              "    %ii = linalg.index 1 : index",
              "    %i = arith.index_cast %ii : index to i64",
              "    %f = arith.sitofp %i : i64 to f32",
              "    %r = arith.mulf %f, %pad_c : f32",
              "    linalg.yield %r : f32",
              f"  }} -> tensor<{SQ}x{P}xf32>"]
        args += ", %pad"
        tys += f", tensor<{SQ}x{P}xf32>"
    M += [f"  %{pre}o = call @{name}({args}) : ({tys}) -> tensor<{B}x{H}x{sq}x{DV}xf32>",
          f"  %{pre}u = tensor.cast %{pre}o : tensor<{B}x{H}x{sq}x{DV}xf32> to tensor<*xf32>",
          f"  call @printMemrefF32(%{pre}u) : (tensor<*xf32>) -> ()"]
M += ["  return", "}", ""]
out += M
out.append(open(sys.argv[1]).read())
print("\n".join(out))
