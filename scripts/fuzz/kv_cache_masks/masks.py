from lib import *

COL = "affine_map<(d0, d1) -> (d1)>"
ROW = "affine_map<(d0, d1) -> (d0)>"
ROW0 = "affine_map<(d0, d1) -> (d0, 0)>"
R2 = "affine_map<(d0, d1) -> (d0, d1)>"
I1D = "affine_map<(d0) -> (d0)>"


def idx(ity, k=0):
    """body lines producing %ix (value of loop k in type ity) and %ixz (0)."""
    if ity == "index":
        return ["%ixz = arith.constant 0 : index", f"%ix = arith.addi %x{k}, %ixz : index"]
    if ity == "i64":
        return ["%ixz = arith.constant 0 : i64", f"%ix = arith.addi %i{k}, %ixz : i64"]
    return [f"%ix = arith.index_cast %x{k} : index to {ity}", f"%ixz = arith.constant 0 : {ity}"]


def arange(em, n, start, ity="i64", how="gen", total=None):
    """a 1-D tensor<n x ity> holding start, start+1, ..."""
    t = f"tensor<{n}x{ity}>"
    if how == "gen":
        v, _ = em.generic([], [n], ity, idx(ity) + [f"%st = arith.constant {start} : {ity}", f"%r = arith.addi %ix, %st : {ity}"])
        return v
    if how == "torch":  # start + index * step with step 1
        v, _ = em.generic([], [n], ity, idx(ity) + [f"%st = arith.constant {start} : {ity}", f"%stp = arith.constant 1 : {ity}",
                                                    f"%m = arith.muli %ix, %stp : {ity}", f"%r = arith.addi %st, %m : {ity}"])
        return v
    if how == "slice":  # arange(total)[start:start+n]
        total = total or (start + n + 2)
        full, _ = em.generic([], [total], ity, idx(ity) + [f"%r = arith.addi %ix, %ixz : {ity}"])
        nm = em.fresh("sl")
        em.add([f"  %{nm} = tensor.extract_slice {full}[{start}] [{n}] [1] : tensor<{total}x{ity}> to {t}"])
        return "%" + nm
    if how == "tgen":
        nm = em.fresh("tg")
        body = [f"    %ii = arith.index_cast %gx : index to {ity}" if ity != "index" else "    %ii = arith.addi %gx, %gx0 : index"]
        pre = ["    %gx0 = arith.constant 0 : index"] if ity == "index" else []
        em.add([f"  %{nm} = tensor.generate {{", f"  ^bb0(%gx: index):"] + pre + body +
               [f"    %st = arith.constant {start} : {ity}", f"    %r = arith.addi %ii, %st : {ity}",
                f"    tensor.yield %r : {ity}", f"  }} : {t}"])
        return "%" + nm
    raise ValueError(how)


def conv_lines(conv, dt, src="%a1"):
    if conv == "uitofp":
        return [f"%bf = arith.uitofp {src} : i1 to {dt}"]
    if conv == "sitofp":
        return [f"%bf = arith.sitofp {src} : i1 to {dt}"]
    if conv == "select10":
        return [f"%one = arith.constant 1.0 : {dt}", f"%zf = arith.constant 0.0 : {dt}", f"%bf = arith.select {src}, %one, %zf : {dt}"]
    if conv == "select01":  # inverted indicator
        return [f"%one = arith.constant 1.0 : {dt}", f"%zf = arith.constant 0.0 : {dt}", f"%bf = arith.select {src}, %zf, %one : {dt}"]
    if conv == "extui_sitofp":
        return [f"%bi = arith.extui {src} : i1 to i64", f"%bf = arith.sitofp %bi : i64 to {dt}"]
    if conv == "extui_uitofp":
        return [f"%bi = arith.extui {src} : i1 to i32", f"%bf = arith.uitofp %bi : i32 to {dt}"]
    if conv == "select_half":  # not 0/1: 0.5
        return [f"%one = arith.constant 0.5 : {dt}", f"%zf = arith.constant 0.0 : {dt}", f"%bf = arith.select {src}, %one, %zf : {dt}"]
    if conv == "select_two":
        return [f"%one = arith.constant 2.0 : {dt}", f"%zf = arith.constant 0.0 : {dt}", f"%bf = arith.select {src}, %one, %zf : {dt}"]
    raise ValueError(conv)


def conv_py(conv, b):
    return {"uitofp": 1.0 if b else 0.0, "sitofp": -1.0 if b else 0.0, "select10": 1.0 if b else 0.0,
            "select01": 0.0 if b else 1.0, "extui_sitofp": 1.0 if b else 0.0, "extui_uitofp": 1.0 if b else 0.0,
            "select_half": 0.5 if b else 0.0, "select_two": 2.0 if b else 0.0}[conv]


def rnd(dt, x):
    if dt == "f32":
        return r32(x)
    if dt == "f16":
        if math.isnan(x) or math.isinf(x):
            return x
        try:
            return struct.unpack("e", struct.pack("e", x))[0]
        except OverflowError:
            return math.copysign(math.inf, x)
    if dt == "bf16":
        # round to bf16 via f32 bits (RNE)
        f = r32(x)
        if math.isinf(f) or math.isnan(f):
            return f
        bits = struct.unpack("I", struct.pack("f", f))[0]
        lsb = (bits >> 16) & 1
        bits = (bits + 0x7FFF + lsb) & 0xFFFF0000
        return struct.unpack("f", struct.pack("I", bits))[0]


def hf_cache(em, Sq, T, P, dt="f32", cp="gen", ar="gen", ity="i64", cmp="sgt", conv="uitofp",
             order="mi", triu="ge1", window=None, fillv=None, win_sep=False, reshape=True, fused_ind=False):
    """HF's _prepare_4d_causal_attention_mask_with_cache_position on [Sq, T]:
    returns (value, type, mval(i, j))."""
    MIN = MINS[dt]
    fl = fillv if fillv is not None else MINLIT[dt]
    flv = {"0xFF800000": -math.inf, "0xFC00": -math.inf, "0xFF80": -math.inf}.get(fl, None)
    if flv is None:
        flv = MIN if fillv is None else float(fillv)
    flv = rnd(dt, flv)
    nm = em.fresh("full")
    t2 = f"tensor<{Sq}x{T}x{dt}>"
    em.add([f"  %{nm}_e = tensor.empty() : {t2}", f"  %{nm}_c = arith.constant {fl} : {dt}",
            f"  %{nm} = linalg.fill ins(%{nm}_c : {dt}) outs(%{nm}_e : {t2}) -> {t2}"])
    src = "%" + nm
    # triu(diagonal=1)
    if triu:
        if triu == "tgen":
            tn = em.fresh("triu")
            em.add([f"  %{tn} = tensor.generate {{", "  ^bb0(%ti: index, %tj: index):",
                    f"    %el = tensor.extract {src}[%ti, %tj] : {t2}",
                    "    %d = arith.subi %tj, %ti : index", "    %c1 = arith.constant 1 : index",
                    "    %ge = arith.cmpi sge, %d, %c1 : index", f"    %zf = arith.constant 0.0 : {dt}",
                    f"    %r = arith.select %ge, %el, %zf : {dt}", f"    tensor.yield %r : {dt}", f"  }} : {t2}"])
            src = "%" + tn
        else:
            cond = {"ge1": ["%d = arith.subi %i1, %i0 : i64", "%one = arith.constant 1 : i64", "%ge = arith.cmpi sge, %d, %one : i64"],
                    "sgt": ["%ge = arith.cmpi sgt, %i1, %i0 : i64"],
                    "slt_sw": ["%ge = arith.cmpi slt, %i0, %i1 : i64"],
                    "index": ["%d = arith.subi %x1, %x0 : index", "%one = arith.constant 1 : index", "%ge = arith.cmpi sge, %d, %one : index"],
                    "i32": ["%j32 = arith.index_cast %x1 : index to i32", "%i32 = arith.index_cast %x0 : index to i32",
                            "%d = arith.subi %j32, %i32 : i32", "%one = arith.constant 1 : i32", "%ge = arith.cmpi sge, %d, %one : i32"],
                    # torch-mlir's triu: select(col - row >= diagonal, x, 0) but written as `lt` keeping zero first
                    "lt_zero_first": ["%d = arith.subi %i1, %i0 : i64", "%one = arith.constant 1 : i64", "%lt = arith.cmpi slt, %d, %one : i64"],
                    }[triu]
            sel = (f"%r = arith.select %lt, %zf, %a0 : {dt}" if triu == "lt_zero_first" else f"%r = arith.select %ge, %a0, %zf : {dt}")
            src, _ = em.generic([(src, t2, R2)], [Sq, T], dt, cond + [f"%zf = arith.constant 0.0 : {dt}", sel])
    # cache_position and arange(T)
    arv = arange(em, T, 0, ity, ar)
    cpv = arange(em, Sq, P, ity, cp)
    if reshape:
        nm = em.fresh("cp2")
        em.add([f"  %{nm} = tensor.expand_shape {cpv} [[0, 1]] output_shape [{Sq}, 1] : tensor<{Sq}x{ity}> into tensor<{Sq}x1x{ity}>"])
        cpin = ("%" + nm, f"tensor<{Sq}x1x{ity}>", ROW0)
    else:
        cpin = (cpv, f"tensor<{Sq}x{ity}>", ROW)
    ins = [(arv, f"tensor<{T}x{ity}>", COL), cpin]
    cmpl = {"sgt": f"%r0 = arith.cmpi sgt, %a0, %a1 : {ity}", "slt_sw": f"%r0 = arith.cmpi slt, %a1, %a0 : {ity}",
            "sge1": None, "ugt": f"%r0 = arith.cmpi ugt, %a0, %a1 : {ity}"}[cmp]
    if cmp == "sge1":  # j >= cp + 1
        body = [f"%one = arith.constant 1 : {ity}", f"%cp1 = arith.addi %a1, %one : {ity}", f"%r0 = arith.cmpi sge, %a0, %cp1 : {ity}"]
    else:
        body = [cmpl]
    if window is not None and not win_sep:
        body += [f"%w = arith.constant {window} : {ity}", f"%lim = arith.subi %a1, %w : {ity}",
                 f"%r1 = arith.cmpi sle, %a0, %lim : {ity}", "%r = arith.ori %r0, %r1 : i1"]
    else:
        body[-1] = body[-1].replace("%r0 =", "%r =")
    ind, _ = em.generic(ins, [Sq, T], "i1", body)
    if window is not None and win_sep:
        sw, _ = em.generic(ins, [Sq, T], "i1", [f"%w = arith.constant {window} : {ity}", f"%lim = arith.subi %a1, %w : {ity}",
                                                f"%r = arith.cmpi sle, %a0, %lim : {ity}"])
        ind, _ = em.generic([(ind, f"tensor<{Sq}x{T}xi1>", R2), (sw, f"tensor<{Sq}x{T}xi1>", R2)], [Sq, T], "i1", ["%r = arith.ori %a0, %a1 : i1"])
    prod = "%r = arith.mulf %a0, %bf : " + dt if order == "mi" else "%r = arith.mulf %bf, %a0 : " + dt
    cm, _ = em.generic([(src, t2, R2), (ind, f"tensor<{Sq}x{T}xi1>", R2)], [Sq, T], dt, conv_lines(conv, dt) + [prod])

    def mval(i, j):
        tv = flv if (not triu or j - i >= 1) else 0.0
        c = P + i
        b = (j > c)
        if window is not None:
            b = b or (j <= c - window)
        x = conv_py(conv, b)
        if math.isinf(tv) and x == 0:
            return math.nan
        return rnd(dt, tv * x)
    return cm, t2, mval


def bcast4(em, m, Sq, T, dt, B):
    """[Sq, T] -> [B, 1, Sq, T] copy (linalg.generic yielding its input)."""
    M4 = "affine_map<(d0, d1, d2, d3) -> (d2, d3)>"
    nm = em.fresh("bc")
    t4 = f"tensor<{B}x1x{Sq}x{T}x{dt}>"
    em.add([f"  %{nm}_e = tensor.empty() : {t4}",
            f"  %{nm} = linalg.generic {{indexing_maps = [{M4}, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>], iterator_types = [\"parallel\", \"parallel\", \"parallel\", \"parallel\"]}} ins({m} : tensor<{Sq}x{T}x{dt}>) outs(%{nm}_e : {t4}) {{",
            f"  ^bb0(%a0: {dt}, %o: {dt}):", f"    linalg.yield %a0 : {dt}", f"  }} -> {t4}"])
    return "%" + nm, t4


def padding_merge(em, m4, B, Sq, T, L, dt, amname="am", am_ty="i64", insert=False):
    """HF: padding_mask = causal[..., :L] + am[:, None, None, :] == 0;
    causal[..., :L] = causal[..., :L].masked_fill(padding_mask, min)."""
    t4 = f"tensor<{B}x1x{Sq}x{T}x{dt}>"
    tL = f"tensor<{B}x1x{Sq}x{L}x{dt}>"
    src = m4
    if L != T:
        nm = em.fresh("cl")
        em.add([f"  %{nm} = tensor.extract_slice {m4}[0, 0, 0, 0] [{B}, 1, {Sq}, {L}] [1, 1, 1, 1] : {t4} to {tL}"])
        src = "%" + nm
    AM = "affine_map<(d0, d1, d2, d3) -> (d0, d3)>"
    cv = (f"%amf = arith.sitofp %a1 : {am_ty} to {dt}" if am_ty.startswith("i") else
          (f"%amf = arith.addf %a1, %a1 : {dt}".replace("%a1, %a1", "%a1, %a1") if False else f"%amz = arith.constant 0.0 : {dt}\n    %amf = arith.addf %a1, %amz : {dt}"))
    pm, _ = em.generic([(src, tL, "affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>"), (f"%{amname}", f"tensor<{B}x{L}x{am_ty}>", AM)],
                       [B, 1, Sq, L], "i1", [cv, f"%sum = arith.addf %a0, %amf : {dt}", f"%z = arith.constant 0.0 : {dt}",
                                              f"%r = arith.cmpf oeq, %sum, %z : {dt}"])
    mf, _ = em.generic([(src, tL, "affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>"), (pm, f"tensor<{B}x1x{Sq}x{L}xi1>", "affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>")],
                       [B, 1, Sq, L], dt, [f"%mn = arith.constant {MINLIT[dt]} : {dt}", f"%r = arith.select %a1, %mn, %a0 : {dt}"])
    if L != T:
        nm = em.fresh("ins")
        em.add([f"  %{nm} = tensor.insert_slice {mf} into {m4}[0, 0, 0, 0] [{B}, 1, {Sq}, {L}] [1, 1, 1, 1] : {tL} into {t4}"])
        return "%" + nm, t4
    return mf, t4


def am_arg(B, L, pattern, ty="i64"):
    """runtime attention mask arg: pattern[b] = list of 0/1 of length L."""
    vals = ", ".join("[" + ", ".join(str(x) if ty.startswith("i") else f"{float(x)}" for x in row) + "]" for row in pattern)
    t = f"tensor<{B}x{L}x{ty}>"
    return ("am", t, [f"  %am_main = arith.constant dense<[{vals}]> : {t}"])
