"""Generator of unfused attention chains (linalg) with exp/exp2 factors.

A Variant describes one chain; `func_text` renders it as a func.func,
`program_text` packs several variants of one shape into a program whose main
fills inputs with sin() and prints the inputs and every result, and
`eval_chain` evaluates the chain's mathematics in float64 (pure Python), with
IEEE inf/nan propagation, from the printed f32 inputs.
"""

import math
import random
from dataclasses import dataclass, field

LN2 = math.log(2.0)
LOG2E = 1.0 / math.log(2.0)
NINF = "0xFF800000"


def f32(x):
    import struct
    if math.isinf(x) or math.isnan(x):
        return x
    return struct.unpack("f", struct.pack("f", x))[0]


def cst(x):
    """MLIR f32 literal."""
    if math.isinf(x):
        return "0x7F800000" if x > 0 else NINF
    r = repr(float(x))
    if "e" in r and "." not in r.split("e")[0]:
        m, e = r.split("e")
        r = m + ".0e" + e
    return r


@dataclass
class Variant:
    name: str
    shape: tuple  # B, H, Sq, Skv, D, Dv
    exp: str = "exp"  # exp | exp2
    efac: tuple = None  # (form, c): form mulR | mulL | div
    maxkind: str = "maximumf"  # maximumf | maxnumf | cmpsel | None
    maxinit: str = "-inf"  # -inf | -1e30 | lowest | 0
    stages: list = field(default_factory=list)
    qscale: tuple = None  # (form, c): mul | mulL | div
    norm: str = "div"  # div | recip
    expcast: str = None  # None | p16 | arg16 | exp16
    groups: list = None  # list of group sizes partitioning stages
    contract: str = "contract"  # contract | generic
    fmask_kind: str = "small"  # small | big (some -1e9 entries)
    patch: object = None  # optional text rewrite of the function

    def uses(self, kind):
        return any(s[0] == kind for s in self.stages)


class Namer:
    def __init__(self):
        self.n = 0

    def __call__(self, p="t"):
        self.n += 1
        return "%%%s%d" % (p, self.n)


def ttype(shape, et="f32"):
    return "tensor<%sx%s>" % ("x".join(str(s) for s in shape), et)


ID4 = "affine_map<(b, h, i, j) -> (b, h, i, j)>"
ROW = "affine_map<(b, h, i, j) -> (b, h, i)>"
BC = "affine_map<(b, h, i, j) -> (0, 0, i, j)>"
PAR4 = '["parallel", "parallel", "parallel", "parallel"]'
RED4 = '["parallel", "parallel", "parallel", "reduction"]'


def stage_lines(st, cur, nm, mk, bk):
    """Emits scalar ops of one score stage; returns (lines, new value)."""
    k = st[0]
    L = []
    if k in ("mul", "mulL", "div"):
        c = nm("c")
        y = nm("y")
        L.append("    %s = arith.constant %s : f32" % (c, cst(st[1])))
        if k == "mul":
            L.append("    %s = arith.mulf %s, %s : f32" % (y, cur, c))
        elif k == "mulL":
            L.append("    %s = arith.mulf %s, %s : f32" % (y, c, cur))
        else:
            L.append("    %s = arith.divf %s, %s : f32" % (y, cur, c))
        return L, y
    if k in ("causal", "window"):
        # ("causal", off, pred, form, fill); ("window", off, left, form, fill)
        off = st[1]
        form, fill = st[3], st[4]
        i, j, co, ii = nm("i"), nm("j"), nm("c"), nm("ii")
        L += ["    %s = linalg.index 2 : index" % i,
              "    %s = linalg.index 3 : index" % j,
              "    %s = arith.constant %d : index" % (co, off),
              "    %s = arith.addi %s, %s : index" % (ii, i, co)]
        fv = nm("f")
        L.append("    %s = arith.constant %s : f32" % (fv, cst(fill)))
        if k == "causal":
            pred = st[2]  # s | u
            if form == "drop":
                cond = nm("drop")
                L.append("    %s = arith.cmpi %sgt, %s, %s : index" %
                         (cond, pred, j, ii))
            else:
                cond = nm("keep")
                L.append("    %s = arith.cmpi %sle, %s, %s : index" %
                         (cond, pred, j, ii))
        else:
            left = st[2]
            k1, k2, cl, jl, cond = nm("k"), nm("k"), nm("c"), nm("jl"), nm("keep")
            L += ["    %s = arith.cmpi sle, %s, %s : index" % (k1, j, ii),
                  "    %s = arith.constant %d : index" % (cl, left),
                  "    %s = arith.addi %s, %s : index" % (jl, j, cl),
                  "    %s = arith.cmpi sge, %s, %s : index" % (k2, jl, ii),
                  "    %s = arith.andi %s, %s : i1" % (cond, k1, k2)]
            if form == "drop":
                t, nc = nm("true"), nm("drop")
                L += ["    %s = arith.constant true" % t,
                      "    %s = arith.xori %s, %s : i1" % (nc, cond, t)]
                cond = nc
        y = nm("y")
        if form == "keep":
            L.append("    %s = arith.select %s, %s, %s : f32" % (y, cond, cur, fv))
        elif form == "drop":
            L.append("    %s = arith.select %s, %s, %s : f32" % (y, cond, fv, cur))
        else:  # add
            z, mv = nm("z"), nm("mv")
            L += ["    %s = arith.constant 0.0 : f32" % z,
                  "    %s = arith.select %s, %s, %s : f32" % (mv, cond, z, fv),
                  "    %s = arith.addf %s, %s : f32" % (y, cur, mv)]
        return L, y
    if k == "bmask":
        form, fill = st[1], st[2]
        fv, y = nm("f"), nm("y")
        L.append("    %s = arith.constant %s : f32" % (fv, cst(fill)))
        if form == "keep":
            L.append("    %s = arith.select %s, %s, %s : f32" % (y, bk, cur, fv))
        else:
            z, mv = nm("z"), nm("mv")
            L += ["    %s = arith.constant 0.0 : f32" % z,
                  "    %s = arith.select %s, %s, %s : f32" % (mv, bk, z, fv),
                  "    %s = arith.addf %s, %s : f32" % (y, mv, cur)]
        return L, y
    if k == "fmask":
        y = nm("y")
        if st[1] == "r":
            L.append("    %s = arith.addf %s, %s : f32" % (y, cur, mk))
        else:
            L.append("    %s = arith.addf %s, %s : f32" % (y, mk, cur))
        return L, y
    if k == "softcap":
        c, form = st[1], st[2]
        if form == "bare":
            y = nm("y")
            L.append("    %s = math.tanh %s : f32" % (y, cur))
            return L, y
        cc, t, th, y = nm("c"), nm("t"), nm("th"), nm("y")
        L.append("    %s = arith.constant %s : f32" % (cc, cst(c)))
        if form == "div":
            L.append("    %s = arith.divf %s, %s : f32" % (t, cur, cc))
        else:
            ci = nm("ci")
            L.append("    %s = arith.constant %s : f32" % (ci, cst(1.0 / c)))
            L.append("    %s = arith.mulf %s, %s : f32" % (t, cur, ci))
        L.append("    %s = math.tanh %s : f32" % (th, t))
        L.append("    %s = arith.mulf %s, %s : f32" % (y, cc, th))
        return L, y
    if k == "r16":
        t, y = nm("h"), nm("y")
        L += ["    %s = arith.truncf %s : f32 to f16" % (t, cur),
              "    %s = arith.extf %s : f16 to f32" % (y, t)]
        return L, y
    raise ValueError(k)


def func_text(v):
    B, H, Sq, Skv, D, Dv = v.shape
    nm = Namer()
    tq, tk, tv = ttype((B, H, Sq, D)), ttype((B, H, Skv, D)), ttype((B, H, Skv, Dv))
    ts, tr, to = ttype((B, H, Sq, Skv)), ttype((B, H, Sq)), ttype((B, H, Sq, Dv))
    tm, tb = ttype((1, 1, Sq, Skv)), ttype((1, 1, Sq, Skv), "i1")
    out = []
    out.append("func.func @%s(%%q: %s, %%k: %s, %%v: %s, %%fm: %s, %%bm: %s) -> %s {"
               % (v.name, tq, tk, tv, tm, tb, to))
    out.append("  %zero = arith.constant 0.0 : f32")
    out.append("  %es = tensor.empty() : " + ts)
    out.append("  %fs = linalg.fill ins(%zero : f32) outs(%es : " + ts + ") -> " + ts)
    q = "%q"
    if v.qscale:
        form, c = v.qscale
        out.append("  %eq = tensor.empty() : " + tq)
        out.append("  %%qs = linalg.generic {indexing_maps = [%s, %s], iterator_types = %s} ins(%%q : %s) outs(%%eq : %s) {"
                   % (ID4, ID4, PAR4, tq, tq))
        out.append("  ^bb0(%a: f32, %out: f32):")
        out.append("    %%c = arith.constant %s : f32" % cst(c))
        if form == "mul":
            out.append("    %y = arith.mulf %a, %c : f32")
        elif form == "mulL":
            out.append("    %y = arith.mulf %c, %a : f32")
        else:
            out.append("    %y = arith.divf %a, %c : f32")
        out.append("    linalg.yield %y : f32")
        out.append("  } -> " + tq)
        q = "%qs"
    if v.contract == "contract":
        out.append("  %s0 = linalg.contract indexing_maps = [affine_map<(b, h, i, j, d) -> (b, h, i, d)>, affine_map<(b, h, i, j, d) -> (b, h, j, d)>, affine_map<(b, h, i, j, d) -> (b, h, i, j)>]")
        out.append("        ins(%s, %%k : %s, %s) outs(%%fs : %s) -> %s" % (q, tq, tk, ts, ts))
    else:
        out.append('  %%s0 = linalg.generic {indexing_maps = [affine_map<(b, h, i, j, d) -> (b, h, i, d)>, affine_map<(b, h, i, j, d) -> (b, h, j, d)>, affine_map<(b, h, i, j, d) -> (b, h, i, j)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]} ins(%s, %%k : %s, %s) outs(%%fs : %s) {' % (q, tq, tk, ts))
        out.append("  ^bb0(%a: f32, %b: f32, %acc: f32):")
        out.append("    %m = arith.mulf %a, %b : f32")
        out.append("    %r = arith.addf %acc, %m : f32")
        out.append("    linalg.yield %r : f32")
        out.append("  } -> " + ts)
    s = "%s0"
    groups = v.groups or ([len(v.stages)] if v.stages else [])
    pos = 0
    for gi, gsz in enumerate(groups):
        sts = v.stages[pos:pos + gsz]
        pos += gsz
        usem = any(x[0] == "fmask" for x in sts)
        useb = any(x[0] == "bmask" for x in sts)
        ins, tys, maps, args = [s], [ts], [ID4], ["%a: f32"]
        if usem:
            ins.append("%fm"); tys.append(tm); maps.append(BC); args.append("%mk: f32")
        if useb:
            ins.append("%bm"); tys.append(tb); maps.append(BC); args.append("%bk: i1")
        maps.append(ID4)
        ns = "%%sg%d" % gi
        out.append("  %s = linalg.generic {indexing_maps = [%s], iterator_types = %s} ins(%s : %s) outs(%%es : %s) {"
                   % (ns, ", ".join(maps), PAR4, ", ".join(ins), ", ".join(tys), ts))
        out.append("  ^bb0(%s, %%out: f32):" % ", ".join(args))
        cur = "%a"
        for st in sts:
            L, cur = stage_lines(st, cur, nm, "%mk", "%bk")
            out += L
        out.append("    linalg.yield %s : f32" % cur)
        out.append("  } -> " + ts)
        s = ns
    out.append("  %er = tensor.empty() : " + tr)
    if v.maxkind:
        init = {"-inf": NINF, "-1e30": "-1.0e30", "lowest": "-3.40282347e+38",
                "0": "0.0"}[v.maxinit]
        out.append("  %%minit = arith.constant %s : f32" % init)
        out.append("  %fm0 = linalg.fill ins(%minit : f32) outs(%er : " + tr + ") -> " + tr)
        out.append("  %%mx = linalg.generic {indexing_maps = [%s, %s], iterator_types = %s} ins(%s : %s) outs(%%fm0 : %s) {"
                   % (ID4, ROW, RED4, s, ts, tr))
        out.append("  ^bb0(%a: f32, %acc: f32):")
        if v.maxkind == "cmpsel":
            out.append("    %cmp = arith.cmpf ogt, %a, %acc : f32")
            out.append("    %y = arith.select %cmp, %a, %acc : f32")
        else:
            out.append("    %%y = arith.%s %%a, %%acc : f32" % v.maxkind)
        out.append("    linalg.yield %y : f32")
        out.append("  } -> " + tr)
        out.append("  %%p = linalg.generic {indexing_maps = [%s, %s, %s], iterator_types = %s} ins(%s, %%mx : %s, %s) outs(%%es : %s) {"
                   % (ID4, ROW, ID4, PAR4, s, ts, tr, ts))
        out.append("  ^bb0(%x: f32, %m: f32, %out: f32):")
        out.append("    %d = arith.subf %x, %m : f32")
        arg = "%d"
    else:
        out.append("  %%p = linalg.generic {indexing_maps = [%s, %s], iterator_types = %s} ins(%s : %s) outs(%%es : %s) {"
                   % (ID4, ID4, PAR4, s, ts, ts))
        out.append("  ^bb0(%x: f32, %out: f32):")
        arg = "%x"
    if v.efac:
        form, c = v.efac
        out.append("    %%ef = arith.constant %s : f32" % cst(c))
        if form == "mulR":
            out.append("    %%ea = arith.mulf %s, %%ef : f32" % arg)
        elif form == "mulL":
            out.append("    %%ea = arith.mulf %%ef, %s : f32" % arg)
        else:
            out.append("    %%ea = arith.divf %s, %%ef : f32" % arg)
        arg = "%ea"
    e = "math." + v.exp
    if v.expcast == "p16":
        out.append("    %%ex = %s %s : f32" % (e, arg))
        out.append("    %eh = arith.truncf %ex : f32 to f16")
        out.append("    %ey = arith.extf %eh : f16 to f32")
    elif v.expcast == "arg16":
        out.append("    %%ah = arith.truncf %s : f32 to f16" % arg)
        out.append("    %ae = arith.extf %ah : f16 to f32")
        out.append("    %%ey = %s %%ae : f32" % e)
    elif v.expcast == "exp16":
        out.append("    %%ah = arith.truncf %s : f32 to f16" % arg)
        out.append("    %%eh = %s %%ah : f16" % e)
        out.append("    %ey = arith.extf %eh : f16 to f32")
    else:
        out.append("    %%ey = %s %s : f32" % (e, arg))
    out.append("    linalg.yield %ey : f32")
    out.append("  } -> " + ts)
    out.append("  %fl = linalg.fill ins(%zero : f32) outs(%er : " + tr + ") -> " + tr)
    out.append("  %%l = linalg.generic {indexing_maps = [%s, %s], iterator_types = %s} ins(%%p : %s) outs(%%fl : %s) {"
               % (ID4, ROW, RED4, ts, tr))
    out.append("  ^bb0(%a: f32, %acc: f32):")
    out.append("    %y = arith.addf %a, %acc : f32")
    out.append("    linalg.yield %y : f32")
    out.append("  } -> " + tr)
    out.append("  %%pn = linalg.generic {indexing_maps = [%s, %s, %s], iterator_types = %s} ins(%%p, %%l : %s, %s) outs(%%es : %s) {"
               % (ID4, ROW, ID4, PAR4, ts, tr, ts))
    out.append("  ^bb0(%a: f32, %b: f32, %out: f32):")
    if v.norm == "div":
        out.append("    %y = arith.divf %a, %b : f32")
    else:
        out.append("    %one = arith.constant 1.0 : f32")
        out.append("    %rb = arith.divf %one, %b : f32")
        out.append("    %y = arith.mulf %a, %rb : f32")
    out.append("    linalg.yield %y : f32")
    out.append("  } -> " + ts)
    out.append("  %eo = tensor.empty() : " + to)
    out.append("  %fo = linalg.fill ins(%zero : f32) outs(%eo : " + to + ") -> " + to)
    out.append("  %o = linalg.contract indexing_maps = [affine_map<(b, h, i, e, j) -> (b, h, i, j)>, affine_map<(b, h, i, e, j) -> (b, h, j, e)>, affine_map<(b, h, i, e, j) -> (b, h, i, e)>]")
    out.append("        ins(%%pn, %%v : %s, %s) outs(%%fo : %s) -> %s" % (ts, tv, to, to))
    out.append("  return %o : " + to)
    out.append("}")
    text = "\n".join(out) + "\n"
    if v.patch:
        text = v.patch(text)
    return text


def gen_input(name, shape, seed, et="f32", bool_mask=False, big=False):
    """A generic filling `shape` with 2*sin(a0 + sum_k ck*idx_k)."""
    t = ttype(shape, "i1" if bool_mask else et)
    L = ["  %%e%s = tensor.empty() : %s" % (name, t),
         "  %%%s = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>], iterator_types = %s} outs(%%e%s : %s) {"
         % (name, PAR4, name, t),
         "  ^bb0(%%o: %s):" % ("i1" if bool_mask else et),
         "    %%acc0 = arith.constant %r : f32" % (1.1 * seed)]
    for d in range(4):
        L += ["    %%i%d = linalg.index %d : index" % (d, d),
              "    %%a%d = arith.index_cast %%i%d : index to i64" % (d, d),
              "    %%f%d = arith.sitofp %%a%d : i64 to f32" % (d, d),
              "    %%c%d = arith.constant %r : f32" % (d, 0.37 + 0.11 * seed + 0.29 * d),
              "    %%m%d = arith.mulf %%f%d, %%c%d : f32" % (d, d, d),
              "    %%acc%d = arith.addf %%acc%d, %%m%d : f32" % (d + 1, d, d)]
    L.append("    %sn = math.sin %acc4 : f32")
    if bool_mask:
        L += ["    %z = arith.constant 0.0 : f32",
              "    %pos = arith.cmpf ogt, %sn, %z : f32",
              "    %c0i = arith.constant 0 : index",
              "    %first = arith.cmpi eq, %i3, %c0i : index",
              "    %w = arith.ori %pos, %first : i1"]
    else:
        L += ["    %amp = arith.constant 2.0 : f32",
              "    %w = arith.mulf %sn, %amp : f32"]
        if big:
            L += ["    %thr = arith.constant 0.6 : f32",
                  "    %hi = arith.cmpf ogt, %sn, %thr : f32",
                  "    %c0i = arith.constant 0 : index",
                  "    %nf = arith.cmpi ne, %i3, %c0i : index",
                  "    %sel = arith.andi %hi, %nf : i1",
                  "    %big = arith.constant -1.0e9 : f32",
                  "    %w2 = arith.select %sel, %big, %w : f32"]
                  # yield w2 below
        L.append("    linalg.yield %s : %s" % ("%w2" if big else "%w", et))
    if bool_mask:
        L.append("    linalg.yield %w : i1")
    L.append("  } -> " + t)
    return L


def program_text(variants):
    shape = variants[0].shape
    assert all(v.shape == shape for v in variants)
    B, H, Sq, Skv, D, Dv = shape
    fmk = variants[0].fmask_kind
    assert all(v.fmask_kind == fmk for v in variants)
    parts = [func_text(v) for v in variants]
    tq, tk, tv = ttype((B, H, Sq, D)), ttype((B, H, Skv, D)), ttype((B, H, Skv, Dv))
    tm, tb, to = ttype((1, 1, Sq, Skv)), ttype((1, 1, Sq, Skv), "i1"), ttype((B, H, Sq, Dv))
    M = ["func.func private @printMemrefF32(tensor<*xf32>)", "func.func @main() {"]
    M += gen_input("gq", (B, H, Sq, D), 1)
    M += gen_input("gk", (B, H, Skv, D), 2)
    M += gen_input("gv", (B, H, Skv, Dv), 3)
    M += gen_input("gm", (1, 1, Sq, Skv), 4, big=(fmk == "big"))
    M += gen_input("gb", (1, 1, Sq, Skv), 5, bool_mask=True)
    for v in variants:
        M += ["  %%r_%s = call @%s(%%gq, %%gk, %%gv, %%gm, %%gb) : (%s, %s, %s, %s, %s) -> %s"
              % (v.name, v.name, tq, tk, tv, tm, tb, to),
              "  %%ur_%s = tensor.cast %%r_%s : %s to tensor<*xf32>" % (v.name, v.name, to),
              "  call @printMemrefF32(%%ur_%s) : (tensor<*xf32>) -> ()" % v.name]
    M += ["  return", "}"]
    DM = ["func.func @dump() {"]
    # print copies of the inputs (and the bool mask as f32)
    DM += gen_input("pq", (B, H, Sq, D), 1)
    DM += gen_input("pk", (B, H, Skv, D), 2)
    DM += gen_input("pv", (B, H, Skv, Dv), 3)
    DM += gen_input("pm", (1, 1, Sq, Skv), 4, big=(fmk == "big"))
    DM += gen_input("pb", (1, 1, Sq, Skv), 5, bool_mask=True)
    DM += ["  %ebf = tensor.empty() : " + tm,
          "  %%gbf = linalg.generic {indexing_maps = [affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>, affine_map<(d0,d1,d2,d3) -> (d0,d1,d2,d3)>], iterator_types = %s} ins(%%pb : %s) outs(%%ebf : %s) {" % (PAR4, tb, tm),
          "  ^bb0(%a: i1, %o: f32):",
          "    %y = arith.uitofp %a : i1 to f32",
          "    linalg.yield %y : f32",
          "  } -> " + tm]
    for n, t in (("pq", tq), ("pk", tk), ("pv", tv), ("pm", tm), ("gbf", tm)):
        DM += ["  %%u_%s = tensor.cast %%%s : %s to tensor<*xf32>" % (n, n, t),
              "  call @printMemrefF32(%%u_%s) : (tensor<*xf32>) -> ()" % n]
    DM += ["  return", "}"]
    return "\n".join(parts) + "\n" + "\n".join(M) + "\n" + "\n".join(DM) + "\n"


# ---------------------------------------------------------------- float64 model
def _mul(a, b):
    return a * b  # python float follows IEEE for inf*0 -> raises? no: nan


def fmul(a, b):
    try:
        return a * b
    except Exception:
        return float("nan")


def fexp(x):
    if math.isnan(x):
        return x
    if x == float("inf"):
        return float("inf")
    if x == float("-inf"):
        return 0.0
    try:
        return math.exp(x)
    except OverflowError:
        return float("inf")


def fdiv(a, b):
    if b == 0:
        if a == 0 or math.isnan(a):
            return float("nan")
        return math.copysign(float("inf"), a) * (1 if math.copysign(1, b) > 0 else -1)
    if math.isinf(a) and math.isinf(b):
        return float("nan")
    return a / b


def fadd(a, b):
    if math.isinf(a) and math.isinf(b) and a != b:
        return float("nan")
    return a + b


def eval_chain(v, Q, K, V, FM, BM, stable=False, info=None):
    """float64 model of the chain (casts ignored). Q etc. are nested lists.

    stable: evaluate the exponentials as exp(a - max a) of the same
    arguments a (exact in real arithmetic; removes overflow, keeps the NaN
    of inf - inf). info: list receiving, per output element, whether its
    row has every key masked."""
    B, H, Sq, Skv, D, Dv = v.shape
    out = [[[[0.0] * Dv for _ in range(Sq)] for _ in range(H)] for _ in range(B)]
    for b in range(B):
        for h in range(H):
            for i in range(Sq):
                xs = []
                nmasked = 0
                for j in range(Skv):
                    hidden = False
                    s = 0.0
                    for d in range(D):
                        qv = Q[b][h][i][d]
                        if v.qscale:
                            form, c = v.qscale
                            qv = qv / f32(c) if form == "div" else qv * f32(c)
                        s += qv * K[b][h][j][d]
                    for st in v.stages:
                        k = st[0]
                        if k == "mul" or k == "mulL":
                            s = fmul(s, f32(st[1]))
                        elif k == "div":
                            s = fdiv(s, f32(st[1]))
                        elif k in ("causal", "window"):
                            off = st[1]
                            keep = j <= i + off
                            if k == "window":
                                keep = keep and (j + st[2] >= i + off)
                            fill = f32(st[4])
                            hidden = hidden or not keep
                            if st[3] == "add":
                                s = fadd(s, 0.0 if keep else fill)
                            else:
                                s = s if keep else fill
                        elif k == "bmask":
                            keep = BM[0][0][i][j] != 0
                            fill = f32(st[2])
                            hidden = hidden or not keep
                            if st[1] == "add":
                                s = fadd(s, 0.0 if keep else fill)
                            else:
                                s = s if keep else fill
                        elif k == "fmask":
                            s = fadd(s, FM[0][0][i][j])
                            hidden = hidden or FM[0][0][i][j] <= -1e8
                        elif k == "softcap":
                            c = f32(st[1])
                            if st[2] == "bare":
                                s = math.tanh(s) if not math.isnan(s) else s
                            else:
                                t = fdiv(s, c) if st[2] == "div" else fmul(s, f32(1.0 / st[1]))
                                s = fmul(c, math.tanh(t) if not math.isnan(t) else t)
                        elif k == "r16":
                            pass
                    xs.append(s)
                    nmasked += hidden
                if v.maxkind:
                    init = {"-inf": float("-inf"), "-1e30": -1e30,
                            "lowest": -3.4028234663852886e38, "0": 0.0}[v.maxinit]
                    m = init
                    for x in xs:
                        if v.maxkind == "maximumf":
                            m = float("nan") if (math.isnan(x) or math.isnan(m)) else max(m, x)
                        elif v.maxkind == "maxnumf":
                            m = m if math.isnan(x) else (x if math.isnan(m) else max(m, x))
                        else:
                            m = x if x > m else m
                    ds = [fadd(x, -m) for x in xs]
                else:
                    ds = xs
                args = []
                for d_ in ds:
                    a = d_
                    if v.efac:
                        form, c = v.efac
                        a = fdiv(a, f32(c)) if form == "div" else fmul(a, f32(c))
                    if v.exp == "exp2":
                        a = fmul(a, LN2)
                    args.append(a)
                if stable:
                    am = float("-inf")
                    for a in args:
                        am = float("nan") if (math.isnan(a) or math.isnan(am)) else max(am, a)
                    args = [fadd(a, -am) for a in args]
                ps = [fexp(a) for a in args]
                if info is not None:
                    info.extend([nmasked == Skv] * Dv)
                tot = 0.0
                for p in ps:
                    tot = fadd(tot, p)
                pn = [fdiv(p, tot) for p in ps]
                for e in range(Dv):
                    acc = 0.0
                    for j in range(Skv):
                        acc = fadd(acc, fmul(pn[j], V[b][h][j][e]))
                    out[b][h][i][e] = acc
    return out


# ---------------------------------------------------------------- oracle
def oracle(v):
    """Expected decision from the documented rules, plus the mathematical one.

    Returns (doc, math_ok, why): doc in {raise, refuse}; math_ok says whether
    the chain is exactly an attn.attention (rounding casts aside)."""
    F = f32(LN2) if False else 1.0
    F = 1.0
    if v.exp == "exp2":
        F = LN2
    if v.efac:
        form, c = v.efac
        F = F / f32(c) if form == "div" else F * f32(c)
    if v.maxkind and v.maxinit == "0":
        return "refuse", True, "max starts at 0 (documented)"
    if v.expcast == "exp16":
        return "refuse", False, "exp in f16 (documented)"
    if v.expcast == "arg16" and (v.maxkind or v.efac):
        return "refuse", False, "f16 rounding of the exp argument"
    E = F  # factor inside the exponential (after the max subtraction)
    F = 1.0 if v.maxkind else E  # product of factors above, up to the max
    softcap_seen = False
    fm = bm = 0
    mask_seen = False
    neg_below = False
    for st in reversed(v.stages):
        k = st[0]
        if k in ("mul", "mulL"):
            F *= f32(st[1])
        elif k == "div":
            F /= f32(st[1])
        elif k == "fmask":
            if softcap_seen:
                return "refuse", False, "mask inside softcap"
            if v.maxkind:
                F = F * E
                E = 1.0
            if abs(F - 1.0) > 1e-6:
                return "refuse", False, "float mask under factor %g" % F
            F = 1.0
            fm += 1
            mask_seen = True
        elif k in ("causal", "window", "bmask"):
            if softcap_seen:
                return "refuse", False, "mask inside softcap"
            fill = f32(st[4] if k != "bmask" else st[2])
            if k == "bmask":
                bm += 1
            if v.maxkind and (F <= 0 or E <= 0):
                return "refuse", False, "mask under non-positive factor (max split: above max %g, in exp %g)" % (F, E)
            if not v.maxkind and F <= 0:
                return "refuse", False, "mask under non-positive factor %g" % F
            if not math.isinf(fill) and fill * F * (E if v.maxkind else 1.0) > -1e4:
                return "refuse", False, "finite mask scaled to %g" % (fill * F)
            mask_seen = True
        elif k == "softcap":
            if softcap_seen:
                return "refuse", False, "two softcaps"
            if v.maxkind:
                F = F * E
                E = 1.0
            if abs(F - 1.0) > 1e-6:
                return "refuse", False, "scale after softcap %g" % F
            F = 1.0
            softcap_seen = True
    if v.maxkind:
        F = F * E
    if v.qscale:
        form, c = v.qscale
        F = F / f32(c) if form == "div" else F * f32(c)
    if fm > 1:
        return "refuse", False, "two float masks"
    if fm and bm:
        return "refuse", False, "float + bool mask"
    if not math.isfinite(F) or F == 0:
        return "refuse", False, "zero/nonfinite scale"
    return "raise", True, "scale %g" % F
