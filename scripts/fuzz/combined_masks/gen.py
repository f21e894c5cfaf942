"""Random generator of unfused attention chains with combined masks."""
import random

NINF = "0xFF800000"
FILLS = {"ninf": NINF, "m1e9": "-1.0e9", "m1e4": "-1.0e4"}


def tt(shape, et="f32"):
    if not shape:
        return "tensor<%s>" % et
    return "tensor<%sx%s>" % ("x".join(str(s) for s in shape), et)


class Namer:
    def __init__(self):
        self.n = 0

    def __call__(self, p="t"):
        self.n += 1
        return "%%%s_%d" % (p, self.n)


# layout name -> (shape(B,H,Hkv,Sq,Skv), exprs over (b,h,i,j), key dim index or None, reversed)
def layouts(B, H, Hkv, Sq, Skv, G):
    L = {
        "j": ([Skv], ["j"], 0, False),
        "bj": ([B, Skv], ["b", "j"], 1, False),
        "jb": ([Skv, B], ["j", "b"], 0, False),
        "ij": ([Sq, Skv], ["i", "j"], 1, False),
        "ji": ([Skv, Sq], ["j", "i"], 0, False),
        "hij": ([H, Sq, Skv], ["h", "i", "j"], 2, False),
        "b1ij": ([B, 1, Sq, Skv], ["b", "0", "i", "j"], 3, False),
        "i1j": ([Sq, 1, Skv], ["i", "0", "j"], 2, False),
        "hj1": ([H, Skv, 1], ["h", "j", "0"], 1, False),
        "11ij": ([1, 1, Sq, Skv], ["0", "0", "i", "j"], 3, False),
        "bhij": ([B, H, Sq, Skv], ["b", "h", "i", "j"], 3, False),
        "jrev": ([Skv], ["-j + %d" % (Skv - 1)], 0, True),
        "ijrev": ([Sq, Skv], ["i", "-j + %d" % (Skv - 1)], 1, True),
        "bh1j": ([B, H, 1, Skv], ["b", "h", "0", "j"], 3, False),
        "b11j": ([B, 1, 1, Skv], ["b", "0", "0", "j"], 3, False),
    }
    if G > 1:
        L["gij"] = ([Hkv, Sq, Skv], ["h floordiv %d" % G, "i", "j"], 2, False)
    L["bi"] = ([B, Sq], ["b", "i"], None, False)   # additive only
    L["h"] = ([H], ["h"], None, False)             # additive only
    return L


KEY_LAYOUTS = ["j", "bj", "jb", "ij", "ji", "hij", "b1ij", "i1j", "hj1", "11ij",
               "bhij", "jrev", "ijrev", "bh1j", "b11j", "gij"]


class Arg:
    def __init__(self, name, shape, et, kind, kdim, rev, **kw):
        self.name, self.shape, self.et, self.kind = name, shape, et, kind
        self.kdim, self.rev = kdim, rev
        self.kw = kw

    def ty(self):
        if self.kind == "scalar":
            return self.et
        return tt(self.shape, self.et)


class Func:
    pass


def rand_func(rng, name):
    f = Func()
    f.name = name
    f.B = rng.randint(1, 3)
    f.Hkv = rng.randint(1, 4)
    f.G = 1
    if rng.random() < 0.35:
        f.G = rng.choice([2, 3, 4])
        f.Hkv = rng.randint(1, max(1, 4 // f.G))
    f.H = f.Hkv * f.G
    f.Sq = rng.choice([1, 2, 3, 5, 7, 8, 11, 13, rng.randint(1, 13)])
    f.Skv = rng.choice([1, 2, 4, 5, 9, 11, 16, 17, rng.randint(1, 17)])
    f.D = rng.choice([4, 5, 7, 8, 12, 16])
    f.Dv = rng.choice([f.D, f.D, rng.randint(4, 16)])
    f.layout = rng.choice(["bhsd", "bhsd", "bshd"])
    f.softmax = rng.choice(["linalg", "explicit"])
    f.args = []
    f.pre = []  # function-level ops before the chain: list of (kind, ...)
    terms = []
    LAY = layouts(f.B, f.H, f.Hkv, f.Sq, f.Skv, f.G)
    keylays = [l for l in KEY_LAYOUTS if l in LAY]
    # window?
    window = None
    if rng.random() < 0.15:
        w = rng.randint(0, 4)
        maxoff = f.Skv - 1 + w - (f.Sq - 1)
        if maxoff >= 0:
            off = rng.choice([0, min(maxoff, 1), maxoff, rng.randint(0, maxoff)])
            off = min(off, maxoff)
            window = (off, w)
    nadd = rng.choice([0, 1, 1, 2, 2, 3])
    nbool = 0 if window else rng.choice([0, 0, 1, 1, 2])
    causal = rng.random() < 0.4
    nonband = 0 if window else rng.choice([0, 0, 0, 1, 1, 2])
    alibi = rng.random() < 0.25
    hf = (not window) and rng.random() < 0.1
    import os
    if os.environ.get("HEAVY"):
        nadd, nbool = 3, (0 if window else 2)
        nonband = 0 if window else 2
        alibi, causal = rng.random() < 0.6, rng.random() < 0.7
    an = [0]

    def newarg(shape, et, kind, kdim, rev, **kw):
        an[0] += 1
        a = Arg("%%m%d" % an[0], shape, et, kind, kdim, rev, **kw)
        f.args.append(a)
        return a

    for _ in range(nadd):
        lay = rng.choice(keylays + ["bi", "h"])
        shape, exprs, kdim, rev = LAY[lay]
        et = rng.choice(["f32", "f32", "f16"])
        pad = (not window) and kdim is not None and rng.random() < 0.3
        a = newarg(shape, et, "rand", kdim, rev, amp=rng.choice([0.5, 1.0, 2.0, 3.0]),
                   pad=pad)
        comp = rng.choice([None, None, None, "mulc", "idx", "scal"] + ([] if pad else ["mulsin"]))
        if comp == "scal":
            if not hasattr(f, "scf"):
                f.scf = newarg(None, "f32", "scalar", None, False)
            comp = "scal:" + f.scf.name
        if lay == "bj" and rng.random() < 0.5:
            terms.append(("fadd", a, ["b", "0", "0", "j"], rng.choice(["sm", "ms"]), comp, "expand"))
        else:
            terms.append(("fadd", a, exprs, rng.choice(["sm", "ms"]), comp))
    fts = [t for t in terms if t[0] == "fadd" and len(t) == 5]
    if fts and rng.random() < 0.2:
        t = rng.choice(fts)
        ex = t[2]
        if ex == ["i", "j"] and f.Sq == f.Skv and not t[1].kw.get("pad"):
            ex = ["j", "i"]
        terms.append(("fadd", t[1], ex, rng.choice(["sm", "ms"]), rng.choice([None, "mulc"])))
    for _ in range(nbool):
        lay = rng.choice(keylays)
        shape, exprs, kdim, rev = LAY[lay]
        src = rng.choice(["i1", "i1", "i64eq0", "f32eq0", "i64ne0"])
        et = {"i1": "i1", "i64eq0": "i64", "f32eq0": "f32", "i64ne0": "i64"}[src]
        a = newarg(shape, et, "bool", kdim, rev, src=src, thr=rng.choice([-0.3, 0.0, 0.4, 0.8]))
        terms.append(("bsel", a, exprs, rng.choice(["keep", "drop", "add"]),
                      rng.choice(list(FILLS)), src))
    if causal:
        off = rng.choice([0, 0, 1, 2, max(0, f.Skv - f.Sq)])
        if window:  # keep the window's top key
            off = window[0] + rng.choice([0, 0, 1, 3])
        terms.append(("causal", off, rng.choice(["keep", "drop", "add"]),
                      rng.choice(list(FILLS)), rng.choice("su")))
    if window:
        terms.append(("window", window[0], window[1], rng.choice(["keep", "drop", "add"]),
                      rng.choice(list(FILLS))))
    for _ in range(nonband):
        kind = rng.choice(["nb1", "nb2", "nb3", "nb4", "nb5", "nb6", "nb7"])
        if kind == "nb7":
            if not hasattr(f, "sci"):
                f.sci = newarg(None, "index", "scalar", None, False, val=rng.randint(0, 3))
            kind = "nb7:" + f.sci.name
        terms.append(("nonband", kind,
                      rng.randint(0, 3), rng.choice(["keep", "drop", "add"]),
                      rng.choice(list(FILLS))))
    if alibi:
        sl = newarg([f.H], "f32", "slope", None, False)
        style = rng.choice(["inline", "arange", "arange4"])
        terms.append(("alibi", sl, style, rng.choice(["i64", "i32", "idx"])))
    if hf:
        a = newarg([f.B, f.Skv], "i64", "bool", 1, False, src="hf01", thr=rng.choice([0.0, 0.5]))
        terms.append(("hf", a, rng.choice(["min", "m1e9"])))
    rng.shuffle(terms)
    f.scale = None
    if rng.random() < 0.85:
        f.scale = (rng.choice(["mul", "div"]), rng.choice([0.125, 0.35355339, 0.5, 1.0, 2.0]))
    f.scale_after = f.scale is not None and terms and rng.random() < 0.05
    # split terms into groups
    groups = []
    rest = list(terms)
    while rest:
        k = rng.randint(1, len(rest)) if rng.random() < 0.5 else len(rest)
        groups.append(rest[:k])
        rest = rest[k:]
    f.groups = groups
    f.scale_sep = rng.random() < 0.3  # scale in its own generic
    f.terms = terms
    return f


ID4 = "affine_map<(b, h, i, j) -> (b, h, i, j)>"
PAR4 = '["parallel", "parallel", "parallel", "parallel"]'


def amap(exprs):
    return "affine_map<(b, h, i, j) -> (%s)>" % ", ".join(exprs)


def cond_lines(nm, t, L):
    """Returns i1 keep value for index condition terms."""
    k = t[0]
    i, j = nm("i"), nm("j")
    L += ["    %s = linalg.index 2 : index" % i, "    %s = linalg.index 3 : index" % j]
    if k == "causal":
        off = t[1]
        c, ii, keep = nm("c"), nm("ii"), nm("keep")
        L += ["    %s = arith.constant %d : index" % (c, off),
              "    %s = arith.addi %s, %s : index" % (ii, i, c),
              "    %s = arith.cmpi %sle, %s, %s : index" % (keep, t[4], j, ii)]
        return keep
    if k == "window":
        off, w = t[1], t[2]
        c, ii, k1, cw, jw, k2, keep = [nm(x) for x in ("c", "ii", "k", "cw", "jw", "k", "keep")]
        L += ["    %s = arith.constant %d : index" % (c, off),
              "    %s = arith.addi %s, %s : index" % (ii, i, c),
              "    %s = arith.cmpi sle, %s, %s : index" % (k1, j, ii),
              "    %s = arith.constant %d : index" % (cw, w),
              "    %s = arith.addi %s, %s : index" % (jw, j, cw),
              "    %s = arith.cmpi sge, %s, %s : index" % (k2, jw, ii),
              "    %s = arith.andi %s, %s : i1" % (keep, k1, k2)]
        return keep
    kind, cc = t[1], t[2]
    b, h = nm("b"), nm("h")
    L += ["    %s = linalg.index 0 : index" % b, "    %s = linalg.index 1 : index" % h]
    keep = nm("keep")
    c = nm("c")
    L.append("    %s = arith.constant %d : index" % (c, cc))
    if kind == "nb1":  # 2j <= i + h + c
        c2, j2, s1, s2 = nm("c"), nm("j2"), nm("s"), nm("s")
        L += ["    %s = arith.constant 2 : index" % c2,
              "    %s = arith.muli %s, %s : index" % (j2, j, c2),
              "    %s = arith.addi %s, %s : index" % (s1, i, h),
              "    %s = arith.addi %s, %s : index" % (s2, s1, c),
              "    %s = arith.cmpi sle, %s, %s : index" % (keep, j2, s2)]
    elif kind == "nb2":  # j <= 2i + b + c
        c2, i2, s1, s2 = nm("c"), nm("i2"), nm("s"), nm("s")
        L += ["    %s = arith.constant 2 : index" % c2,
              "    %s = arith.muli %s, %s : index" % (i2, i, c2),
              "    %s = arith.addi %s, %s : index" % (s1, i2, b),
              "    %s = arith.addi %s, %s : index" % (s2, s1, c),
              "    %s = arith.cmpi ule, %s, %s : index" % (keep, j, s2)]
    elif kind == "nb3":  # j rem (h + 2) != 1
        c2, hp, r, one = nm("c"), nm("hp"), nm("r"), nm("one")
        L += ["    %s = arith.constant 2 : index" % c2,
              "    %s = arith.addi %s, %s : index" % (hp, h, c2),
              "    %s = arith.remui %s, %s : index" % (r, j, hp),
              "    %s = arith.constant 1 : index" % one,
              "    %s = arith.cmpi ne, %s, %s : index" % (keep, r, one)]
    elif kind == "nb4":  # j != i + 1 + c
        one, ii, ii2 = nm("one"), nm("ii"), nm("ii")
        L += ["    %s = arith.constant 1 : index" % one,
              "    %s = arith.addi %s, %s : index" % (ii, i, one),
              "    %s = arith.addi %s, %s : index" % (ii2, ii, c),
              "    %s = arith.cmpi ne, %s, %s : index" % (keep, j, ii2)]
    elif kind == "nb5":  # (i + j + b + c) even or j == 0
        s1, s2, s3, two, r, z, ev, j0 = [nm(x) for x in ("s", "s", "s", "two", "r", "z", "ev", "j0")]
        L += ["    %s = arith.addi %s, %s : index" % (s1, i, j),
              "    %s = arith.addi %s, %s : index" % (s2, s1, b),
              "    %s = arith.addi %s, %s : index" % (s3, s2, c),
              "    %s = arith.constant 2 : index" % two,
              "    %s = arith.remui %s, %s : index" % (r, s3, two),
              "    %s = arith.constant 0 : index" % z,
              "    %s = arith.cmpi eq, %s, %s : index" % (ev, r, z),
              "    %s = arith.cmpi eq, %s, %s : index" % (j0, j, z),
              "    %s = arith.ori %s, %s : i1" % (keep, ev, j0)]
    elif kind.startswith("nb7"):  # j <= i + arg + c
        s1, s2 = nm("s"), nm("s")
        L += ["    %s = arith.addi %s, %s : index" % (s1, i, kind[4:]),
              "    %s = arith.addi %s, %s : index" % (s2, s1, c),
              "    %s = arith.cmpi sle, %s, %s : index" % (keep, j, s2)]
    else:  # nb6: i64: 3j <= i + 2h + b + c
        j6, i6, h6, b6, c6 = nm("j"), nm("i"), nm("h"), nm("b"), nm("c")
        t3, j3, t2, h2, s1, s2, s3 = [nm(x) for x in ("t", "j3", "t", "h2", "s", "s", "s")]
        L += ["    %s = arith.index_cast %s : index to i64" % (j6, j),
              "    %s = arith.index_cast %s : index to i64" % (i6, i),
              "    %s = arith.index_cast %s : index to i64" % (h6, h),
              "    %s = arith.index_cast %s : index to i64" % (b6, b),
              "    %s = arith.index_cast %s : index to i64" % (c6, c),
              "    %s = arith.constant 3 : i64" % t3,
              "    %s = arith.muli %s, %s : i64" % (j3, j6, t3),
              "    %s = arith.constant 2 : i64" % t2,
              "    %s = arith.muli %s, %s : i64" % (h2, h6, t2),
              "    %s = arith.addi %s, %s : i64" % (s1, i6, h2),
              "    %s = arith.addi %s, %s : i64" % (s2, s1, b6),
              "    %s = arith.addi %s, %s : i64" % (s3, s2, c6),
              "    %s = arith.cmpi sle, %s, %s : i64" % (keep, j3, s3)]
    return keep


def apply_keep(nm, L, cur, keep, form, fill):
    fv, y = nm("f"), nm("y")
    L.append("    %s = arith.constant %s : f32" % (fv, FILLS[fill]))
    if form == "keep":
        L.append("    %s = arith.select %s, %s, %s : f32" % (y, keep, cur, fv))
    elif form == "drop":
        t, d = nm("true"), nm("drop")
        L += ["    %s = arith.constant true" % t,
              "    %s = arith.xori %s, %s : i1" % (d, keep, t),
              "    %s = arith.select %s, %s, %s : f32" % (y, d, fv, cur)]
    else:
        z, mv = nm("z"), nm("mv")
        L += ["    %s = arith.constant 0.0 : f32" % z,
              "    %s = arith.select %s, %s, %s : f32" % (mv, keep, z, fv),
              "    %s = arith.addf %s, %s : f32" % (y, cur, mv)]
    return y


def term_lines(nm, t, cur, L, targs):
    """inmap: dict arg -> block arg name."""
    k = t[0]
    if k == "fadd":
        a, exprs, form, comp = t[1], t[2], t[3], t[4]
        m = targs[0]
        if a.et == "f16":
            e = nm("ext")
            L.append("    %s = arith.extf %s : f16 to f32" % (e, m))
            m = e
        if comp == "mulc":
            c, mm = nm("c"), nm("mm")
            L += ["    %s = arith.constant 0.75 : f32" % c,
                  "    %s = arith.mulf %s, %s : f32" % (mm, m, c)]
            m = mm
        elif comp == "idx":
            j, j6, jf, c, jc, mm = [nm(x) for x in ("j", "j", "jf", "c", "jc", "mm")]
            L += ["    %s = linalg.index 3 : index" % j,
                  "    %s = arith.index_cast %s : index to i64" % (j6, j),
                  "    %s = arith.sitofp %s : i64 to f32" % (jf, j6),
                  "    %s = arith.constant 0.03 : f32" % c,
                  "    %s = arith.mulf %s, %s : f32" % (jc, jf, c),
                  "    %s = arith.addf %s, %s : f32" % (mm, m, jc)]
            m = mm
        elif comp and comp.startswith("scal:"):
            mm = nm("mm")
            L.append("    %s = arith.mulf %s, %s : f32" % (mm, m, comp[5:]))
            m = mm
        elif comp == "mulsin":
            s, mm = nm("sn"), nm("mm")
            L += ["    %s = math.sin %s : f32" % (s, m),
                  "    %s = arith.addf %s, %s : f32" % (mm, m, s)]
            m = mm
        y = nm("y")
        if form == "sm":
            L.append("    %s = arith.addf %s, %s : f32" % (y, cur, m))
        else:
            L.append("    %s = arith.addf %s, %s : f32" % (y, m, cur))
        return y
    if k == "bsel":
        a, exprs, form, fill, src = t[1:]
        m = targs[0]
        if src == "i1":
            keep = m
        elif src == "i64eq0":
            z, keep = nm("z"), nm("keep")
            L += ["    %s = arith.constant 0 : i64" % z,
                  "    %s = arith.cmpi eq, %s, %s : i64" % (keep, m, z)]
        elif src == "i64ne0":
            z, keep = nm("z"), nm("keep")
            L += ["    %s = arith.constant 0 : i64" % z,
                  "    %s = arith.cmpi ne, %s, %s : i64" % (keep, m, z)]
        else:
            z, keep = nm("z"), nm("keep")
            L += ["    %s = arith.constant 0.0 : f32" % z,
                  "    %s = arith.cmpf oeq, %s, %s : f32" % (keep, m, z)]
        return apply_keep(nm, L, cur, keep, form, fill)
    if k in ("causal", "window", "nonband"):
        keep = cond_lines(nm, t, L)
        form, fill = (t[2], t[3]) if k == "causal" else (t[3], t[4])
        return apply_keep(nm, L, cur, keep, form, fill)
    if k == "alibi":
        sl, style, ity = t[1], t[2], t[3]
        if style == "inline":
            s = targs[0]
            i, j, d, y, rf = nm("i"), nm("j"), nm("d"), nm("y"), nm("rf")
            L += ["    %s = linalg.index 2 : index" % i, "    %s = linalg.index 3 : index" % j,
                  "    %s = arith.subi %s, %s : index" % (d, j, i)]
            if ity == "idx":
                c = nm("c")
                L += ["    %s = arith.index_cast %s : index to i64" % (c, d),
                      "    %s = arith.sitofp %s : i64 to f32" % (rf, c)]
            else:
                c = nm("c")
                L += ["    %s = arith.index_cast %s : index to %s" % (c, d, ity),
                      "    %s = arith.sitofp %s : %s to f32" % (rf, c, ity)]
            m = nm("ab")
            L.append("    %s = arith.mulf %s, %s : f32" % (m, s, rf))
            L.append("    %s = arith.addf %s, %s : f32" % (y, cur, m))
            return y
        else:
            m = targs[0]
            y = nm("y")
            L.append("    %s = arith.addf %s, %s : f32" % (y, m, cur))
            return y
    if k == "hf":
        m = targs[0]
        y = nm("y")
        L.append("    %s = arith.addf %s, %s : f32" % (y, cur, m))
        return y
    raise ValueError(k)


def term_inputs(f, t):
    """(value, type, map) list of tensors a term reads."""
    k = t[0]
    if k == "fadd" and len(t) > 5:
        return [("%x" + t[1].name[1:], tt([f.B, 1, 1, f.Skv], t[1].et), amap(t[2]))]
    if k in ("fadd", "bsel"):
        return [(t[1].name, t[1].ty(), amap(t[2]))]
    if k == "alibi":
        if t[2] == "inline":
            return [(t[1].name, t[1].ty(), amap(["h"]))]
        if t[2] == "arange":
            return [("%alibi", tt([f.H, f.Sq, f.Skv]), amap(["h", "i", "j"]))]
        return [("%alibi", tt([1, f.H, f.Sq, f.Skv]), amap(["0", "h", "i", "j"]))]
    if k == "hf":
        return [("%hfm", tt([f.B, 1, 1, f.Skv]), amap(["b", "0", "0", "j"]))]
    return []


def pre_lines(f):
    L = []
    done = set()
    for t in f.terms:
        if t[0] == "fadd" and len(t) > 5 and t[1].name not in done:
            done.add(t[1].name)
            a = t[1]
            L.append("  %%x%s = tensor.expand_shape %s [[0, 1, 2], [3]] output_shape [%d, 1, 1, %d] : %s into %s"
                     % (a.name[1:], a.name, f.B, f.Skv, a.ty(), tt([f.B, 1, 1, f.Skv], a.et)))
        if t[0] == "alibi" and t[2] != "inline":
            sl, style, ity = t[1], t[2], t[3]
            it = "i64" if ity == "idx" else ity
            Sq, Skv, H = f.Sq, f.Skv, f.H
            L += ["  %%eqp = tensor.empty() : %s" % tt([Sq], it),
                  "  %%qpos = linalg.generic {indexing_maps = [affine_map<(i) -> (i)>], iterator_types = [\"parallel\"]} outs(%%eqp : %s) {" % tt([Sq], it),
                  "  ^bb0(%%o: %s):" % it,
                  "    %i = linalg.index 0 : index",
                  "    %%c = arith.index_cast %%i : index to %s" % it,
                  "    linalg.yield %%c : %s" % it,
                  "  } -> %s" % tt([Sq], it),
                  "  %%ekp = tensor.empty() : %s" % tt([Skv], it),
                  "  %%kpos = linalg.generic {indexing_maps = [affine_map<(j) -> (j)>], iterator_types = [\"parallel\"]} outs(%%ekp : %s) {" % tt([Skv], it),
                  "  ^bb0(%%o: %s):" % it,
                  "    %j = linalg.index 0 : index",
                  "    %%c = arith.index_cast %%j : index to %s" % it,
                  "    linalg.yield %%c : %s" % it,
                  "  } -> %s" % tt([Skv], it),
                  "  %%erel = tensor.empty() : %s" % tt([Sq, Skv], it),
                  "  %%rel = linalg.generic {indexing_maps = [affine_map<(i, j) -> (j)>, affine_map<(i, j) -> (i)>, affine_map<(i, j) -> (i, j)>], iterator_types = [\"parallel\", \"parallel\"]} ins(%%kpos, %%qpos : %s, %s) outs(%%erel : %s) {" % (tt([Skv], it), tt([Sq], it), tt([Sq, Skv], it)),
                  "  ^bb0(%%a: %s, %%b: %s, %%o: %s):" % (it, it, it),
                  "    %%d = arith.subi %%a, %%b : %s" % it,
                  "    linalg.yield %%d : %s" % it,
                  "  } -> %s" % tt([Sq, Skv], it)]
            if style == "arange":
                ot = tt([H, Sq, Skv])
                mp = "affine_map<(h, i, j) -> (h)>, affine_map<(h, i, j) -> (i, j)>, affine_map<(h, i, j) -> (h, i, j)>"
                its = '["parallel", "parallel", "parallel"]'
            else:
                ot = tt([1, H, Sq, Skv])
                mp = "affine_map<(o, h, i, j) -> (h)>, affine_map<(o, h, i, j) -> (i, j)>, affine_map<(o, h, i, j) -> (o, h, i, j)>"
                its = PAR4
            L += ["  %%eal = tensor.empty() : %s" % ot,
                  "  %%alibi = linalg.generic {indexing_maps = [%s], iterator_types = %s} ins(%s, %%rel : %s, %s) outs(%%eal : %s) {" % (mp, its, sl.name, sl.ty(), tt([Sq, Skv], it), ot),
                  "  ^bb0(%%sl: f32, %%r: %s, %%o: f32):" % it,
                  "    %%rf = arith.sitofp %%r : %s to f32" % it,
                  "    %y = arith.mulf %sl, %rf : f32",
                  "    linalg.yield %y : f32",
                  "  } -> %s" % ot]
        if t[0] == "hf":
            a, mn = t[1], t[2]
            ot = tt([f.B, 1, 1, f.Skv])
            L += ["  %%ehf = tensor.empty() : %s" % ot,
                  "  %%hfm = linalg.generic {indexing_maps = [affine_map<(b, o, p, j) -> (b, j)>, affine_map<(b, o, p, j) -> (b, o, p, j)>], iterator_types = %s} ins(%s : %s) outs(%%ehf : %s) {" % (PAR4, a.name, a.ty(), ot),
                  "  ^bb0(%a: i64, %o: f32):",
                  "    %af = arith.sitofp %a : i64 to f32",
                  "    %one = arith.constant 1.0 : f32",
                  "    %inv = arith.subf %one, %af : f32",
                  "    %%mn = arith.constant %s : f32" % ("-3.40282347e+38" if mn == "min" else "-1.0e9"),
                  "    %y = arith.mulf %inv, %mn : f32",
                  "    linalg.yield %y : f32",
                  "  } -> %s" % ot]
    return L


def qkv_types(f):
    if f.layout == "bhsd":
        return (tt([f.B, f.H, f.Sq, f.D]), tt([f.B, f.Hkv, f.Skv, f.D]),
                tt([f.B, f.Hkv, f.Skv, f.Dv]), tt([f.B, f.H, f.Sq, f.Dv]))
    return (tt([f.B, f.Sq, f.H, f.D]), tt([f.B, f.Skv, f.Hkv, f.D]),
            tt([f.B, f.Skv, f.Hkv, f.Dv]), tt([f.B, f.Sq, f.H, f.Dv]))


def func_text(f):
    nm = Namer()
    tq, tk, tv, to = qkv_types(f)
    ts = tt([f.B, f.H, f.Sq, f.Skv])
    tr = tt([f.B, f.H, f.Sq])
    G = f.G
    hk = "h floordiv %d" % G if G > 1 else "h"
    sig = ["%%q: %s" % tq, "%%k: %s" % tk, "%%v: %s" % tv] + ["%s: %s" % (a.name, a.ty()) for a in f.args]
    o = ["func.func @%s(%s) -> %s {" % (f.name, ", ".join(sig), to)]
    o += pre_lines(f)
    o += ["  %zero = arith.constant 0.0 : f32",
          "  %es = tensor.empty() : " + ts,
          "  %fs = linalg.fill ins(%zero : f32) outs(%es : " + ts + ") -> " + ts]
    if f.layout == "bhsd":
        mq, mk = "(b, h, i, d)", "(b, %s, j, d)" % hk
    else:
        mq, mk = "(b, i, h, d)", "(b, j, %s, d)" % hk
    o += ['  %%s0 = linalg.generic {indexing_maps = [affine_map<(b, h, i, j, d) -> %s>, affine_map<(b, h, i, j, d) -> %s>, affine_map<(b, h, i, j, d) -> (b, h, i, j)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%%q, %%k : %s, %s) outs(%%fs : %s) {' % (mq, mk, tq, tk, ts),
          "  ^bb0(%a: f32, %b: f32, %acc: f32):",
          "    %m = arith.mulf %a, %b : f32",
          "    %r = arith.addf %acc, %m : f32",
          "    linalg.yield %r : f32",
          "  } -> " + ts]
    cur_t = "%s0"
    # stages: list of generics; each is list of items ('scale',) or term
    gens = []
    sc = [("scale",)] if f.scale else []
    if f.scale_after:
        gens = [list(g) for g in f.groups]
        gens[-1] = gens[-1] + sc
    elif f.scale_sep or not f.groups:
        gens = ([sc] if sc else []) + [list(g) for g in f.groups]
    else:
        gens = [list(g) for g in f.groups]
        gens[0] = sc + gens[0]
    for gi, items in enumerate(gens):
        ins, tys, maps, bargs = [cur_t], [ts], [ID4], ["%a: f32"]
        inmap = {}
        for ti, t in enumerate(items):
            inmap[ti] = []
            for (val, ty, mp) in (term_inputs(f, t) if t[0] != "scale" else []):
                ba = nm("in")
                ins.append(val); tys.append(ty); maps.append(mp)
                et = ty.rsplit("x", 1)[-1].rstrip(">") if "x" in ty else ty[7:-1]
                bargs.append("%s: %s" % (ba, et))
                inmap[ti].append(ba)
        maps.append(ID4)
        ns = "%%g%d" % gi
        o.append("  %s = linalg.generic {indexing_maps = [%s], iterator_types = %s} ins(%s : %s) outs(%%es : %s) {"
                 % (ns, ", ".join(maps), PAR4, ", ".join(ins), ", ".join(tys), ts))
        o.append("  ^bb0(%s, %%out: f32):" % ", ".join(bargs))
        cur = "%a"
        L = []
        for ti, t in enumerate(items):
            if t[0] == "scale":
                c, y = nm("c"), nm("y")
                L.append("    %s = arith.constant %r : f32" % (c, f.scale[1]))
                L.append("    %s = arith.%s %s, %s : f32" % (y, "mulf" if f.scale[0] == "mul" else "divf", cur, c))
                cur = y
            else:
                cur = term_lines(nm, t, cur, L, inmap[ti])
        o += L
        o.append("    linalg.yield %s : f32" % cur)
        o.append("  } -> " + ts)
        cur_t = ns
    if f.softmax == "linalg":
        o.append("  %%p = linalg.softmax dimension(3) ins(%s : %s) outs(%%es : %s) -> %s" % (cur_t, ts, ts, ts))
    else:
        ROW = "affine_map<(b, h, i, j) -> (b, h, i)>"
        RED = '["parallel", "parallel", "parallel", "reduction"]'
        o += ["  %er = tensor.empty() : " + tr,
              "  %%ninf = arith.constant %s : f32" % NINF,
              "  %fm0 = linalg.fill ins(%ninf : f32) outs(%er : " + tr + ") -> " + tr,
              "  %%mx = linalg.generic {indexing_maps = [%s, %s], iterator_types = %s} ins(%s : %s) outs(%%fm0 : %s) {" % (ID4, ROW, RED, cur_t, ts, tr),
              "  ^bb0(%a: f32, %acc: f32):",
              "    %y = arith.maximumf %a, %acc : f32",
              "    linalg.yield %y : f32",
              "  } -> " + tr,
              "  %%ex = linalg.generic {indexing_maps = [%s, %s, %s], iterator_types = %s} ins(%s, %%mx : %s, %s) outs(%%es : %s) {" % (ID4, ROW, ID4, PAR4, cur_t, ts, tr, ts),
              "  ^bb0(%x: f32, %m: f32, %out: f32):",
              "    %d = arith.subf %x, %m : f32",
              "    %e = math.exp %d : f32",
              "    linalg.yield %e : f32",
              "  } -> " + ts,
              "  %fl = linalg.fill ins(%zero : f32) outs(%er : " + tr + ") -> " + tr,
              "  %%l = linalg.generic {indexing_maps = [%s, %s], iterator_types = %s} ins(%%ex : %s) outs(%%fl : %s) {" % (ID4, ROW, RED, ts, tr),
              "  ^bb0(%a: f32, %acc: f32):",
              "    %y = arith.addf %a, %acc : f32",
              "    linalg.yield %y : f32",
              "  } -> " + tr,
              "  %%p = linalg.generic {indexing_maps = [%s, %s, %s], iterator_types = %s} ins(%%ex, %%l : %s, %s) outs(%%es : %s) {" % (ID4, ROW, ID4, PAR4, ts, tr, ts),
              "  ^bb0(%a: f32, %b: f32, %out: f32):",
              "    %y = arith.divf %a, %b : f32",
              "    linalg.yield %y : f32",
              "  } -> " + ts]
    if f.layout == "bhsd":
        mv, mo = "(b, %s, j, e)" % hk, "(b, h, i, e)"
    else:
        mv, mo = "(b, j, %s, e)" % hk, "(b, i, h, e)"
    o += ["  %eo = tensor.empty() : " + to,
          "  %fo = linalg.fill ins(%zero : f32) outs(%eo : " + to + ") -> " + to,
          '  %%out = linalg.generic {indexing_maps = [affine_map<(b, h, i, e, j) -> (b, h, i, j)>, affine_map<(b, h, i, e, j) -> %s>, affine_map<(b, h, i, e, j) -> %s>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%%p, %%v : %s, %s) outs(%%fo : %s) {' % (mv, mo, ts, tv, to),
          "  ^bb0(%a: f32, %b: f32, %acc: f32):",
          "    %m = arith.mulf %a, %b : f32",
          "    %r = arith.addf %acc, %m : f32",
          "    linalg.yield %r : f32",
          "  } -> " + to,
          "  return %out : " + to,
          "}"]
    return "\n".join(o) + "\n"


HELPERS = r"""
#gen = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
func.func @fill(%t: tensor<?x?x?x?xf32>, %seed: f32) -> tensor<?x?x?x?xf32> {
  %r = linalg.generic {indexing_maps = [#gen], iterator_types = ["parallel","parallel","parallel","parallel"]} outs(%t : tensor<?x?x?x?xf32>) {
  ^bb0(%o: f32):
    %i0 = linalg.index 0 : index
    %i1 = linalg.index 1 : index
    %i2 = linalg.index 2 : index
    %i3 = linalg.index 3 : index
    %a0 = arith.index_cast %i0 : index to i64
    %a1 = arith.index_cast %i1 : index to i64
    %a2 = arith.index_cast %i2 : index to i64
    %a3 = arith.index_cast %i3 : index to i64
    %f0 = arith.sitofp %a0 : i64 to f32
    %f1 = arith.sitofp %a1 : i64 to f32
    %f2 = arith.sitofp %a2 : i64 to f32
    %f3 = arith.sitofp %a3 : i64 to f32
    %c0 = arith.constant 0.37 : f32
    %c1 = arith.constant 1.3 : f32
    %c2 = arith.constant 0.71 : f32
    %c3 = arith.constant 0.113 : f32
    %m0 = arith.mulf %f0, %c0 : f32
    %m1 = arith.mulf %f1, %c1 : f32
    %m2 = arith.mulf %f2, %c2 : f32
    %m3 = arith.mulf %f3, %c3 : f32
    %s0 = arith.addf %m0, %m1 : f32
    %s1 = arith.addf %m2, %m3 : f32
    %s2 = arith.addf %s0, %s1 : f32
    %s3 = arith.addf %s2, %seed : f32
    %s4 = arith.mulf %s3, %s3 : f32
    %s5 = arith.addf %s4, %s3 : f32
    %v = math.sin %s5 : f32
    linalg.yield %v : f32
  } -> tensor<?x?x?x?xf32>
  return %r : tensor<?x?x?x?xf32>
}
func.func @rand(%shape: tensor<4xindex>, %seed: f32) -> tensor<?x?x?x?xf32> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %c3 = arith.constant 3 : index
  %d0 = tensor.extract %shape[%c0] : tensor<4xindex>
  %d1 = tensor.extract %shape[%c1] : tensor<4xindex>
  %d2 = tensor.extract %shape[%c2] : tensor<4xindex>
  %d3 = tensor.extract %shape[%c3] : tensor<4xindex>
  %e = tensor.empty(%d0, %d1, %d2, %d3) : tensor<?x?x?x?xf32>
  %r = call @fill(%e, %seed) : (tensor<?x?x?x?xf32>, f32) -> tensor<?x?x?x?xf32>
  return %r : tensor<?x?x?x?xf32>
}
func.func private @printMemrefF32(tensor<*xf32>)
"""


def collapse(shape):
    r = len(shape)
    if r == 4:
        return None
    if r == 1:
        return "[[0, 1, 2, 3]]"
    if r == 2:
        return "[[0, 1, 2], [3]]"
    return "[[0, 1], [2], [3]]"


class MainGen:
    def __init__(self):
        self.L = []
        self.n = 0
        self.seed = 0.0

    def nm(self, p):
        self.n += 1
        return "%%%s_%d" % (p, self.n)

    def rand4(self, shape4):
        sv, sd, r, c = self.nm("shp"), self.nm("sd"), self.nm("rd"), self.nm("rc")
        self.seed += 0.913
        self.L += ["  %s = arith.constant dense<[%s]> : tensor<4xindex>" % (sv, ", ".join(map(str, shape4))),
                   "  %s = arith.constant %r : f32" % (sd, round(self.seed, 3)),
                   "  %s = call @rand(%s, %s) : (tensor<4xindex>, f32) -> tensor<?x?x?x?xf32>" % (r, sv, sd),
                   "  %s = tensor.cast %s : tensor<?x?x?x?xf32> to %s" % (c, r, tt(shape4))]
        return c

    def tensor(self, shape, a=None):
        """A random input of `shape`; a: Arg (mask) or None (plain f32)."""
        if a is not None and a.kind == "scalar":
            z = self.nm("sc")
            if a.et == "index":
                self.L.append("  %s = arith.constant %d : index" % (z, a.kw["val"]))
                return z
            x = self.rand4([1, 1, 1, 1])
            self.L.append("  %sr = tensor.extract %s[%%cz, %%cz, %%cz, %%cz] : tensor<1x1x1x1xf32>" % (z, x))
            self.L.append("  %sa = math.absf %sr : f32" % (z, z))
            self.L.append("  %sq = arith.constant 0.25 : f32" % z)
            self.L.append("  %s = arith.addf %sa, %sq : f32" % (z, z, z))
            return z
        shape4 = [1] * (4 - len(shape)) + list(shape)
        x = self.rand4(shape4)
        et = a.et if a else "f32"
        if a is not None:
            t4 = tt(shape4, et)
            e, y = self.nm("em"), self.nm("mk")
            kd = None if a.kdim is None else a.kdim + 4 - len(shape)
            keepidx = (shape[a.kdim] - 1) if (a.kdim is not None and a.rev) else 0
            B = ["  %s = tensor.empty() : %s" % (e, t4),
                 "  %s = linalg.generic {indexing_maps = [#gen, #gen], iterator_types = %s} ins(%s : %s) outs(%s : %s) {" % (y, e, PAR4, x, tt(shape4), e, t4) if False else
                 "  %s = linalg.generic {indexing_maps = [#gen, #gen], iterator_types = %s} ins(%s : %s) outs(%s : %s) {" % (y, PAR4, x, tt(shape4), e, t4),
                 "  ^bb0(%%x: f32, %%o: %s):" % et]
            if kd is not None:
                B += ["    %%kk = linalg.index %d : index" % kd,
                      "    %%ki = arith.constant %d : index" % keepidx,
                      "    %isk = arith.cmpi eq, %kk, %ki : index"]
            if a.kind == "rand" or a.kind == "slope":
                amp = a.kw.get("amp", 0.5)
                B += ["    %%amp = arith.constant %r : f32" % amp,
                      "    %w = arith.mulf %x, %amp : f32"]
                res = "%w"
                if a.kw.get("pad"):
                    B += ["    %thr = arith.constant 0.4 : f32",
                          "    %hi = arith.cmpf ogt, %x, %thr : f32",
                          "    %t = arith.constant true",
                          "    %nk = arith.xori %isk, %t : i1",
                          "    %sel = arith.andi %hi, %nk : i1",
                          "    %big = arith.constant -1.0e9 : f32",
                          "    %w2 = arith.select %sel, %big, %w : f32"]
                    res = "%w2"
                if et == "f16":
                    B.append("    %%h = arith.truncf %s : f32 to f16" % res)
                    res = "%h"
            else:
                src = a.kw["src"]
                B += ["    %%thr = arith.constant %r : f32" % a.kw["thr"],
                      "    %lo = arith.cmpf olt, %x, %thr : f32",
                      "    %keep = arith.ori %lo, %isk : i1"]
                if src == "i1":
                    res = "%keep"
                elif src == "i64eq0":
                    B += ["    %z = arith.constant 0 : i64", "    %nz = arith.constant 3 : i64",
                          "    %r = arith.select %keep, %z, %nz : i64"]
                    res = "%r"
                elif src in ("i64ne0", "hf01"):
                    B += ["    %z = arith.constant 0 : i64", "    %nz = arith.constant 1 : i64",
                          "    %r = arith.select %keep, %nz, %z : i64"]
                    res = "%r"
                else:
                    B += ["    %z = arith.constant 0.0 : f32", "    %nz = arith.constant 1.0 : f32",
                          "    %r = arith.select %keep, %z, %nz : f32"]
                    res = "%r"
            B += ["    linalg.yield %s : %s" % (res, et), "  } -> %s" % t4]
            self.L += B
            x = y
        c = collapse(shape)
        if c is None:
            return x
        z = self.nm("cl")
        self.L.append("  %s = tensor.collapse_shape %s %s : %s into %s" % (z, x, c, tt(shape4, et), tt(shape, et)))
        return z


def program_text(funcs):
    parts = [func_text(f) for f in funcs]
    mg = MainGen()
    mg.L.append("func.func @main() {")
    mg.L.append("  %cz = arith.constant 0 : index")
    for f in funcs:
        tq, tk, tv, to = qkv_types(f)
        sh = lambda t: [int(x) for x in t[7:-1].split("x")[:-1]]
        q = mg.tensor(sh(tq))
        k = mg.tensor(sh(tk))
        v = mg.tensor(sh(tv))
        avs = [mg.tensor(a.shape, a) for a in f.args]
        r, u = mg.nm("res"), mg.nm("u")
        tys = [tq, tk, tv] + [a.ty() for a in f.args]
        mg.L += ["  %s = call @%s(%s) : (%s) -> %s" % (r, f.name, ", ".join([q, k, v] + avs), ", ".join(tys), to),
                 "  %s = tensor.cast %s : %s to tensor<*xf32>" % (u, r, to),
                 "  call @printMemrefF32(%s) : (tensor<*xf32>) -> ()" % u]
    mg.L += ["  return", "}"]
    return "".join(parts) + HELPERS + "\n".join(mg.L) + "\n"
