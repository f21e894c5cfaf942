# Generates the tests of KV-cache masks: masks built with tensor.concat
# (suite `concat`) and Hugging Face's masks from cache positions (suite
# `cache`):
#   python3 test/lib/gen_kv_cache_masks.py concat FILL.mlir > test/Integration/CPU/fuse-concat-mask.mlir
#   python3 test/lib/gen_kv_cache_masks.py --ir concat > test/Transforms/attn-fuse-attention-concat.mlir
#   python3 test/lib/gen_kv_cache_masks.py cache FILL.mlir > test/Integration/CPU/fuse-cache-position-mask.mlir
#   python3 test/lib/gen_kv_cache_masks.py --ir cache > test/Transforms/attn-fuse-attention-cache-position.mlir
# FILL.mlir: the input-filling function (@fill and the printMemrefF32
# declaration) appended to the executed tests.
import sys

IR = sys.argv[1] == "--ir"
SUITE = sys.argv[2] if IR else sys.argv[1]
FILL_FILE = None if IR else sys.argv[2]
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
#col = affine_map<(d0, d1) -> (d1)>
#row0 = affine_map<(d0, d1) -> (d0, 0)>
#i1d = affine_map<(d0) -> (d0)>
"""

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

def generic(name, ins, out_shape, out_ty, body, maps):
    """A linalg.generic over `out_shape` reading `ins` ((value, type, map)),
    with `body` lines on block arguments %a0, %a1, ... and %ii, %jj (i64
    indices of the two loops, when rank 2) yielding %r."""
    rank = len(out_shape)
    shape = "x".join(str(x) for x in out_shape)
    t = f"tensor<{shape}x{out_ty}>"
    its = ", ".join(['"parallel"'] * rank)
    ins_s = ", ".join(v for v, _, _ in ins)
    ins_t = ", ".join(ty for _, ty, _ in ins)
    map_s = ", ".join([m for _, _, m in ins] + [maps])
    elt = lambda ty: ty.split("x")[-1].rstrip(">")
    args = ", ".join([f"%a{k}: {elt(ty)}" for k, (_, ty, _) in enumerate(ins)] + [f"%o: {out_ty}"])
    L = [f"  %{name}_e = tensor.empty() : {t}",
         f"  %{name} = linalg.generic {{indexing_maps = [{map_s}], iterator_types = [{its}]}} " +
         (f"ins({ins_s} : {ins_t}) " if ins else "") + f"outs(%{name}_e : {t}) {{",
         f"  ^bb0({args}):"]
    for k in range(rank):
        L += [f"    %x{k} = linalg.index {k} : index",
              f"    %i{k} = arith.index_cast %x{k} : index to i64"]
    L += ["    " + l for l in body]
    L += [f"    linalg.yield %r : {out_ty}", f"  }} -> {t}"]
    return L

# Hugging Face's `_prepare_4d_causal_attention_mask_with_cache_position`
# with cache_position = arange(P, P + Sq), as torch-mlir lowers it: the
# aranges are generics, `cache_position.reshape(-1, 1)` an expand_shape.
def aranges(sq, t, past):
    return (generic("ar", [], [t], "i64", ["%z = arith.constant 0 : i64", "%r = arith.addi %i0, %z : i64"], "#i1d")
            + generic("cp", [], [sq], "i64", [f"%p = arith.constant {past} : i64", "%r = arith.addi %i0, %p : i64"], "#i1d")
            + [f"  %cp2 = tensor.expand_shape %cp [[0, 1]] output_shape [{sq}, 1] : tensor<{sq}xi64> into tensor<{sq}x1xi64>"])

def cache_funcs():
    out = []
    # 1. triu(full(min), 1) * (arange(T) > cache_position): keep j <= i + P.
    def hf(name, sq, past, indicator="uitofp", window=None, fillv=MIN, triu=True):
        t = sq + past
        L = fill("full", sq, t, "f32", fillv)
        src = "%full"
        if triu:
            L += generic("triu", [("%full", f"tensor<{sq}x{t}xf32>", "#r2")], [sq, t], "f32",
                         ["%d = arith.subi %i1, %i0 : i64", "%one = arith.constant 1 : i64",
                          "%ge = arith.cmpi sge, %d, %one : i64", "%zf = arith.constant 0.0 : f32",
                          "%r = arith.select %ge, %a0, %zf : f32"], "#r2")
            src = "%triu"
        L += aranges(sq, t, past)
        body = ["%r0 = arith.cmpi sgt, %a0, %a1 : i64" if window is not None else
                "%r = arith.cmpi sgt, %a0, %a1 : i64"]
        ins = [("%ar", f"tensor<{t}xi64>", "#col"), ("%cp2", f"tensor<{sq}x1xi64>", "#row0")]
        if window is not None:
            body += [f"%w = arith.constant {window} : i64", "%lim = arith.subi %a1, %w : i64",
                     "%r1 = arith.cmpi sle, %a0, %lim : i64", "%r = arith.ori %r0, %r1 : i1"]
        L += generic("ind", ins, [sq, t], "i1", body, "#r2")
        if indicator == "uitofp":
            conv = ["%bf = arith.uitofp %a1 : i1 to f32"]
        else:
            conv = ["%one = arith.constant 1.0 : f32", "%zf = arith.constant 0.0 : f32",
                    "%bf = arith.select %a1, %one, %zf : f32"]
        L += generic("cm", [(src, f"tensor<{sq}x{t}xf32>", "#r2"), ("%ind", f"tensor<{sq}x{t}xi1>", "#r2")],
                     [sq, t], "f32", conv + ["%r = arith.mulf %a0, %bf : f32"], "#r2")
        out.append((name, sq, t, chain(name, sq, t, L, "%cm", "add")))
    hf("hf_cache_position", SQ, P)
    hf("hf_select_indicator", SQ, P, indicator="select")
    hf("hf_decode", 1, 6)
    hf("hf_no_cache", SQ, 0)
    # Mistral's sliding window: (arange(T) > cp) | (arange(T) <= cp - W),
    # on a full (no triu) finfo.min.
    hf("mistral_window", SQ, P, window=2, triu=False)
    # A -inf fill times a 0/1 tensor is NaN where it is 0: not read as a
    # band (the chain's own NaN; only in the IR test).
    if IR:
        hf("ninf_fill", SQ, P, fillv="0xFF800000", triu=False)
    return out

if SUITE == "cache":
    funcs = cache_funcs()

if SUITE == "concat":
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
    # 7. Three pieces (two of zeros): j < 2, or 2 <= j < 3, or j - 3 <= i
    # is j - i <= 3 in every row (the union of the rows' intervals).
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

    # 13-16. Pieces evaluated outside their own region (the select keeps
    # their value only inside it) must compute the same there: an unsigned
    # compare of the shifted index (negative for the cached keys), an i8
    # index that wraps past the piece, and a remainder by j' + 1 (0 at
    # j = 2: it would trap). The first three are dense i1 conditions with
    # the select; the last leaves the concatenation a tensor.
    L = fill("zs", SQ, P, "f32", "0.0") + index_block("blk", SQ, SQ, ["%c3 = arith.constant 3 : i64", "%keep = arith.cmpi ult, %j, %c3 : i64"], "f32", "0.0", MIN) \
        + cat("cat", 1, [("%zs", SQ, P), ("%blk", SQ, SQ)], SQ, SKV, "f32")
    funcs.append(("unsigned_piece", SQ, SKV, chain("unsigned_piece", SQ, SKV, L, "%cat", "add")))
    L = fill("zs", SQ, P, "f32", "0.0") + index_block("blk", SQ, 6, ["%keep = arith.cmpi ult, %j, %i : i64"], "f32", "0.0", MIN) \
        + cat("cat", 1, [("%zs", SQ, P), ("%blk", SQ, 6)], SQ, P + 6, "f32")
    funcs.append(("unsigned_band", SQ, P + 6, chain("unsigned_band", SQ, P + 6, L, "%cat", "add")))
    L = index_block("blk", 2, 100, ["%j8 = arith.index_cast %jj : index to i8", "%c5 = arith.constant 5 : i8", "%keep = arith.cmpi sge, %j8, %c5 : i8"], "f32", "0.0", MIN) \
        + fill("zs", 2, 60, "f32", "0.0") \
        + cat("cat", 1, [("%blk", 2, 100), ("%zs", 2, 60)], 2, 160, "f32")
    funcs.append(("i8_piece", 2, 160, chain("i8_piece", 2, 160, L, "%cat", "add")))
    L = fill("zs", SQ, P, "f32", "0.0") + index_block("blk", SQ, SQ, ["%one = arith.constant 1 : i64", "%j1 = arith.addi %j, %one : i64", "%r0 = arith.remsi %i, %j1 : i64", "%z = arith.constant 0 : i64", "%keep = arith.cmpi eq, %r0, %z : i64"], "f32", "0.0", MIN) \
        + cat("cat", 1, [("%zs", SQ, P), ("%blk", SQ, SQ)], SQ, SKV, "f32")
    funcs.append(("remainder_piece", SQ, SKV, chain("remainder_piece", SQ, SKV, L, "%cat", "add")))


EXPECT = {
    "hf_cat": "band", "bool_cat": "band", "window_cat": "dense",
    "masked_past": "dense", "decode_cat": "band", "runtime_cat": "concat",
    "three_pieces": "band", "query_halves": "top_left", "prefix_cat": "band",
    "upper_cat": "dense", "wide_window_cat": "window [10, -1]", "kv_cache": "kv",
    "hf_cache_position": "band", "hf_select_indicator": "band",
    "hf_decode": "band", "hf_no_cache": "top_left", "mistral_window": "window [1, -1]",
    "ninf_fill": "masked", "unsigned_piece": "dense", "unsigned_band": "dense",
    "i8_piece": "dense", "remainder_piece": "concat_local",
}

IR_HEADER = {"concat": """// attn-fuse-attention on masks built with tensor.concat (the functions of
// test/Integration/CPU/fuse-concat-mask.mlir, which runs them fused against
// unfused; both generated by test/lib/gen_kv_cache_masks.py). A concatenation
// of pieces computed from indices alone is read as a select on the
// concatenated index: zeros for cached keys next to a causal block keep
// `j < P or j - P <= i`, and since the first implies the second for every
// query, that is the band j - i <= P (causal = bottom_right); three pieces
// (two of zeros) keep the same union of intervals in every row, and so do
// two halves of a causal mask concatenated along the queries (top_left).
// Keep conditions that are no band (a window in the block, masked cached
// keys, the upper triangle) become a
// dense i1 mask computed from the indices. A piece is evaluated at every
// index of the concatenation there (the select keeps its value only inside
// its region), so its indices range over the whole concatenation: an
// unsigned compare of the shifted index, or an i8 cast that wraps past the
// piece, is no band (dense, with the select), and a piece with an integer
// division or remainder (which may trap outside its region) leaves the
// concatenation a tensor. So does a run-time piece (the op's mask), and a
// concatenation of run-time K and V (a KV cache).
// RUN: attn-opt %s -attn-fuse-attention | FileCheck %s
""", "cache": """// attn-fuse-attention on Hugging Face's masks from cache positions (the
// functions of test/Integration/CPU/fuse-cache-position-mask.mlir, which runs
// them fused against unfused; both generated by
// test/lib/gen_kv_cache_masks.py): `triu(full(min), 1) * (arange(T) >
// cache_position[:, None])` with cache_position = arange(P, P + Sq) keeps
// where the triu is 0 or the indicator is 0: `j - i <= 0 or j <= i + P`,
// and the first implies the second, so j - i <= P (causal = bottom_right;
// top_left without a cache). Mistral's sliding window (`(arange(T) > cp) |
// (arange(T) <= cp - W)` times a full finfo.min) keeps
// `i + P - W < j <= i + P`: causal with a window. The indicator as uitofp or
// as select(b, 1, 0); decoding. A -inf fill times the indicator (NaN where it
// is 0) is not read as a band.
// RUN: attn-opt %s -attn-fuse-attention | FileCheck %s
"""}

EXEC_HEADER = {"concat": """// Executed check of attn-fuse-attention on masks built with tensor.concat,
// as torch-mlir lowers `torch.cat`: Hugging Face's `_make_causal_mask` with
// a KV cache (zeros for the cached keys next to the causal block, as an
// additive and as a boolean mask), a window in the new block, masked cached
// keys, decoding, a run-time piece, three pieces, a concat along the
// queries, a prefix, a wide window, the upper triangle, a KV cache
// concatenated from run-time K and V, and pieces that differ outside their
// own region (an unsigned compare of the shifted index, an i8 index that
// wraps, a remainder by 0).""", "cache": """// Executed check of attn-fuse-attention on Hugging Face's causal masks from
// cache positions (`_prepare_4d_causal_attention_mask_with_cache_position`
// with cache_position = arange(P, P + Sq)): triu(full(min), 1) times the
// indicator `arange(T) > cache_position`, as uitofp and as a select, with 3
// cached keys, none, and decoding; Mistral's sliding window."""}

if IR:
    out = [IR_HEADER[SUITE], MAPS]
    for name, sq, skv, L in funcs:
        kind = EXPECT[name]
        out.append(f"// CHECK-LABEL: func.func @{name}(")
        o = f"tensor<1x2x{sq}x6xf32>"
        if kind in ("band", "top_left") or kind.startswith("window"):
            attrs = ("causal = top_left" if kind == "top_left" else
                     "causal = bottom_right" + ("" if kind == "band" else
                                                " window = " + kind[len("window "):]))
            out += ["// CHECK-NOT:     tensor.concat",
                    f"// CHECK:         attn.attention ins(%arg0, %arg1, %arg2 : {{{{[^)]*}}}}) outs(%{{{{.*}}}} : {o}) scale = 5.000000e-01 {attrs} -> {o}"]
        elif kind == "dense":
            out += ["// CHECK-NOT:     tensor.concat",
                    f"// CHECK:         %[[M:.*]] = linalg.generic {{{{.*}}}} outs(%{{{{.*}}}} : tensor<{sq}x{skv}xi1>)",
                    f"// CHECK:         attn.attention ins(%arg0, %arg1, %arg2 : {{{{[^)]*}}}}) mask(%[[M]] : tensor<{sq}x{skv}xi1>) outs(%{{{{.*}}}} : {o}) scale = 5.000000e-01 -> {o}"]
        elif kind == "masked":
            out += [f"// CHECK:         attn.attention ins(%arg0, %arg1, %arg2 : {{{{[^)]*}}}}) mask(%{{{{.*}}}} : tensor<1x1x{sq}x{skv}xf32>) outs(%{{{{.*}}}} : {o}) scale = 5.000000e-01 -> {o}"]
        elif kind == "concat_local":
            out += ["// CHECK:         %[[CAT:.*]] = tensor.concat dim(1)",
                    f"// CHECK:         attn.attention ins(%arg0, %arg1, %arg2 : {{{{[^)]*}}}}) mask(%[[CAT]] : tensor<{sq}x{skv}xf32>) outs(%{{{{.*}}}} : {o}) scale = 5.000000e-01 -> {o}"]
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
out.append(EXEC_HEADER[SUITE] + """
// B = 1, H = 2, D = 5, Dv = 6; inputs are 2 * sin(...)
// of their indices. The fused and the unfused programs must print the same
// numbers (rtol 1e-4, atol 1e-5). Generated by test/lib/gen_kv_cache_masks.py
// (see its header; FILL.mlir is the @fill function at the end of this
// file); which form each function is raised into is checked by the
// matching test in test/Transforms.
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
out.append(open(FILL_FILE).read())
print("\n".join(out))
