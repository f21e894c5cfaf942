"""Driver: builds the variant set, packs programs, runs both pipelines,
compares per function, classifies, writes results.json."""

import json
import math
import os
import random
import re
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

from gen import (LN2, LOG2E, Variant, eval_chain, f32, func_text, oracle,
                 program_text)

# Work files go to FUZZ_WORK (default /tmp/attn-fuzz-exp); the tools are
# ATTN_OPT (default build/bin/attn-opt of this checkout) and LLVM 22's.
ROOT = os.environ.get("FUZZ_WORK", "/tmp/attn-fuzz-exp")
OPT = os.environ.get("ATTN_OPT", os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "build",
    "bin", "attn-opt"))
RUNNER = "/usr/lib/llvm-22/bin/mlir-runner"
LIBS = ("/usr/lib/llvm-22/lib/libmlir_runner_utils.so,"
        "/usr/lib/llvm-22/lib/libmlir_c_runner_utils.so,"
        "/usr/lib/llvm-22/lib/libomp.so")
NINF = float("-inf")

SHAPES = {
    "S1": (1, 2, 5, 7, 8, 4),
    "Sq1": (1, 2, 1, 7, 8, 4),
    "SqGt": (1, 2, 9, 5, 8, 4),
    "B2": (2, 2, 3, 3, 4, 4),
    "D16": (1, 1, 6, 6, 16, 8),
    "Skv1": (1, 2, 7, 1, 8, 4),
}

FACTORS = [2.0, 0.5, -1.0, -0.7, 1.0, LN2, LOG2E, 1e-3, 30.0]


def sh(cmd, inp=None, timeout=120):
    try:
        p = subprocess.run(cmd, input=inp, capture_output=True, text=True,
                           timeout=timeout)
        return p.returncode, p.stdout, p.stderr
    except subprocess.TimeoutExpired:
        return -999, "", "timeout"


NUM = re.compile(r"[-+]?(?:nan|inf|(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)",
                 re.IGNORECASE)


def parse_memrefs(text):
    """List of (sizes, flat values) for every printed memref."""
    res = []
    cur = None
    for line in text.splitlines():
        if "Memref" in line and "base@" in line:
            m = re.search(r"sizes = \[([^\]]*)\]", line)
            sizes = [int(x) for x in m.group(1).split(",")] if m and m.group(1).strip() else []
            cur = (sizes, [])
            res.append(cur)
            after = line.split("data =", 1)[1] if "data =" in line else ""
            for tok in NUM.findall(after):
                cur[1].append(float(tok))
            continue
        if cur is not None:
            for tok in NUM.findall(line):
                cur[1].append(float(tok))
    return res


def nest(flat, sizes):
    if len(sizes) == 1:
        return list(flat)
    step = len(flat) // sizes[0]
    return [nest(flat[k * step:(k + 1) * step], sizes[1:]) for k in range(sizes[0])]


def flat(x):
    if isinstance(x, list):
        r = []
        for y in x:
            r += flat(y)
        return r
    return [x]


def close(r, o, rtol, atol):
    if math.isnan(r) or math.isnan(o):
        return math.isnan(r) and math.isnan(o)
    if math.isinf(r) or math.isinf(o):
        return r == o
    return abs(o - r) <= atol + rtol * abs(r)


def compare(ref, out, rtol, atol):
    bad = []
    for k, (r, o) in enumerate(zip(ref, out)):
        if not close(r, o, rtol, atol):
            bad.append((k, r, o))
    return bad


def tol_of(v):
    if any(s[0] == "r16" for s in v.stages) or v.expcast == "arg16":
        return 1e-2, 1e-3, "f16-scores"
    if v.expcast in ("p16", "exp16"):
        return 1e-3, 1e-4, "f16-probs"
    return 1e-4, 1e-5, "f32"


def func_lines(text, names):
    """Line range of every func in the program text."""
    starts = {}
    for n, line in enumerate(text.splitlines(), 1):
        m = re.match(r"func\.func @(\w+)\(", line)
        if m:
            starts[m.group(1)] = n
    order = sorted(starts.items(), key=lambda kv: kv[1])
    ranges = {}
    for k, (name, s) in enumerate(order):
        e = order[k + 1][1] - 1 if k + 1 < len(order) else 10 ** 9
        ranges[name] = (s, e)
    return ranges


def split_funcs(ir):
    """func name -> body text of printed IR."""
    res = {}
    parts = re.split(r"(?m)^\s*func\.func (?:private )?@(\w+)", ir)
    for k in range(1, len(parts), 2):
        res[parts[k]] = parts[k + 1]
    return res


def run_program(tag, variants, wdir):
    os.makedirs(wdir, exist_ok=True)
    text = program_text(variants)
    f = os.path.join(wdir, tag + ".mlir")
    open(f, "w").write(text)
    res = {"tag": tag, "file": f, "funcs": {}}
    names = [v.name for v in variants]
    # raise report
    rc, out, err = sh([OPT, f, "-attn-fuse-attention=report=true"])
    res["raise_rc"] = rc
    if rc != 0:
        res["raise_err"] = err[-3000:]
    fr = split_funcs(out) if rc == 0 else {}
    ranges = func_lines(text, names)
    remarks = {n: [] for n in names}
    for line in err.splitlines():
        m = re.match(r".*?:(\d+):\d+: remark: (.*)", line)
        if m:
            ln = int(m.group(1))
            for n, (s, e) in ranges.items():
                if s <= ln <= e and n in remarks:
                    remarks[n].append(m.group(2))
    scales = {}
    for n in names:
        body = fr.get(n, "")
        raised = "attn.attention" in body
        m = re.search(r"attn\.attention.*?scale = ([-0-9.e+]+)", body)
        scales[n] = m.group(1) if m else None
        res["funcs"][n] = {"raised": raised, "remarks": remarks[n],
                           "scale": scales[n],
                           "attn_line": (re.search(r"attn\.attention.*", body).group(0)[-220:]
                                         if raised else None)}
    # pipelines
    outs = {}
    for fuse in ("false", "true"):
        rc, ll, err = sh([OPT, f, "-attn-cpu-pipeline=fuse=" + fuse])
        res["opt_%s_rc" % fuse] = rc
        if rc != 0:
            res["opt_%s_err" % fuse] = err[-3000:]
            continue
        llf = os.path.join(wdir, "%s.%s.ll.mlir" % (tag, fuse))
        open(llf, "w").write(ll)
        rc, o, err = sh([RUNNER, "-e", "main", "-entry-point-result=void",
                         "-shared-libs=" + LIBS, llf])
        res["run_%s_rc" % fuse] = rc
        if rc != 0:
            res["run_%s_err" % fuse] = err[-3000:]
        outs[fuse] = o
        open(os.path.join(wdir, "%s.%s.out" % (tag, fuse)), "w").write(o)
        if fuse == "false":
            rc, o, err = sh([RUNNER, "-e", "dump", "-entry-point-result=void",
                             "-shared-libs=" + LIBS, llf])
            outs["inputs"] = o
        os.remove(llf)
    if "false" in outs and "true" in outs and "inputs" in outs:
        ins = parse_memrefs(outs["inputs"])
        Q, K, V, FM, BM = [nest(v_, s_) for s_, v_ in ins]
        refs = parse_memrefs(outs["false"])
        fus = parse_memrefs(outs["true"])
        for idx, v in enumerate(variants):
            d = res["funcs"][v.name]
            if idx >= len(refs) or idx >= len(fus):
                d["cmp"] = "missing-output"
                continue
            r, o = refs[idx][1], fus[idx][1]
            rtol, atol, tk = tol_of(v)
            bad = compare(r, o, rtol, atol)
            model = flat(eval_chain(v, Q, K, V, FM, BM))
            d["tol"] = tk
            d["nbad"] = len(bad)
            d["bad"] = bad[:5]
            d["ref_nan"] = sum(1 for x in r if math.isnan(x))
            d["fus_nan"] = sum(1 for x in o if math.isnan(x))
            d["model_nan"] = sum(1 for x in model if math.isnan(x))
            mb_ref = compare(model, r, 1e-3, 1e-4)
            mb_fus = compare(model, o, 1e-3, 1e-4)
            d["model_vs_ref_bad"] = len(mb_ref)
            d["model_vs_fus_bad"] = len(mb_fus)
            d["model_first"] = [model[k] for k, _, _ in bad[:5]]
            info = []
            smodel = flat(eval_chain(v, Q, K, V, FM, BM, stable=True, info=info))
            d["smodel_first"] = [smodel[k] for k, _, _ in bad[:5]]
            cats = set()
            for kk, rr, oo in bad:
                sm = smodel[kk]
                if info[kk] and math.isnan(rr):
                    cats.add("fully-masked-row")
                elif math.isfinite(sm) and close(sm, oo, 1e-3, 1e-4):
                    cats.add("fused-matches-exact-math" + ("(ref-nan)" if math.isnan(rr) else "(ref-rounding)"))
                elif math.isnan(sm):
                    cats.add("chain-is-nan-in-exact-math")
                else:
                    cats.add("FUSED-DIFFERS-FROM-MATH")
            d["cats"] = sorted(cats)
            d["cmp"] = "ok" if not bad else "MISMATCH"
    return res


def isolate(v, wdir):
    """Run a single function as its own program."""
    return run_program("iso_" + v.name, [v], wdir)


# ---------------------------------------------------------------- variants
def systematic():
    out = []
    S1 = SHAPES["S1"]
    k = [0]

    def add(**kw):
        k[0] += 1
        kw.setdefault("shape", S1)
        out.append(Variant(name="sys%03d" % k[0], **kw))

    # F1: exp/exp2 x factor form x value, with a pre-scale, no mask
    for e in ("exp", "exp2"):
        add(exp=e, stages=[("mul", 0.35355339)])
        for form in ("mulR", "mulL", "div"):
            for c in FACTORS:
                add(exp=e, efac=(form, c), stages=[("mul", 0.35355339)])
    # no max, factor (read as scale)
    for e in ("exp", "exp2"):
        for c in (0.5, -1.0, LOG2E):
            add(exp=e, efac=("mulR", c), maxkind=None, stages=[("mul", 0.35355339)])
    # F2: masks x factors
    masks = [
        [("causal", 0, "s", "keep", NINF)],
        [("causal", 2, "u", "drop", NINF)],
        [("causal", 1, "s", "add", NINF)],
        [("causal", 0, "s", "keep", -1e9)],
        [("window", 2, 2, "keep", NINF)],
        [("bmask", "keep", NINF)],
        [("bmask", "add", NINF)],
        [("bmask", "keep", -1e9)],
        [("fmask", "r")],
    ]
    for mk in masks:
        for e, ef in (("exp", None), ("exp", ("mulR", 0.5)), ("exp", ("mulL", -1.0)),
                      ("exp2", None), ("exp2", ("mulR", LOG2E)), ("exp2", ("div", LN2)),
                      ("exp", ("div", 30.0)), ("exp2", ("mulL", 1e-3))):
            add(exp=e, efac=ef, stages=[("mul", 0.35355339)] + mk)
            add(exp=e, efac=ef, stages=mk + [("mul", 0.35355339)])
    # F3: exp2 with log2e-premultiplied scores
    for mk in masks:
        add(exp="exp2", stages=[("mul", 0.35355339)] + mk + [("mul", LOG2E)])
        add(exp="exp2", stages=[("mul", 0.35355339), ("mul", LOG2E)] + mk)
        add(exp="exp2", stages=mk + [("mul", 0.35355339 * LOG2E)])
    add(exp="exp2", stages=[("mul", 0.35355339 * LOG2E)], maxkind=None)
    add(exp="exp2", stages=[("fmask", "l"), ("mul", LOG2E)], qscale=("mul", 0.35355339))
    add(exp="exp2", stages=[("fmask", "l"), ("mulL", LOG2E)], qscale=("div", 2.8284271))
    add(exp="exp2", stages=[("fmask", "l"), ("div", LN2)], qscale=("div", 2.8284271))
    # F4: softcap under factors
    for sc in (("softcap", 30.0, "div"), ("softcap", 5.0, "mul"), ("softcap", 1.0, "bare")):
        add(exp="exp2", stages=[sc, ("mul", LOG2E)])
        add(exp="exp2", stages=[("mul", 0.35355339), sc, ("mul", LOG2E)])
        add(exp="exp2", stages=[sc], efac=("mulR", LOG2E))
        add(exp="exp", stages=[sc], efac=("mulR", 0.5))
        add(exp="exp", stages=[sc, ("mul", 2.0)], efac=("mulR", 0.5))
        add(exp="exp", stages=[sc, ("mul", -1.0)], efac=("mulL", -1.0))
        add(exp="exp2", stages=[sc, ("causal", 0, "s", "keep", NINF), ("mul", LOG2E)])
        add(exp="exp2", stages=[sc, ("fmask", "r"), ("mul", LOG2E)])
        add(exp="exp2", stages=[sc, ("fmask", "r")], efac=("div", LN2))
        add(exp="exp2", stages=[sc, ("fmask", "r")])
        add(exp="exp", stages=[("fmask", "r"), sc], efac=("mulR", 1.0))
    # F5: signs around -inf masks
    for mk in ([("causal", 0, "s", "keep", NINF)], [("bmask", "keep", NINF)],
               [("causal", 1, "s", "add", NINF)], [("window", 1, 2, "drop", NINF)]):
        add(stages=mk, efac=("mulR", -1.0))
        add(stages=[("mul", -0.5)] + mk, efac=("mulR", -1.0))
        add(stages=[("mul", -0.5)] + mk, efac=("div", -2.0))
        add(stages=mk + [("mul", -1.0)], efac=("mulR", -1.0))
        add(stages=mk, qscale=("mul", -0.5), efac=("mulR", 0.5))
        add(stages=[("mul", -1.0)] + mk, efac=("mulR", 0.5))
        add(stages=mk + [("mul", -0.5)], qscale=("mul", -1.0))
        add(stages=[("mul", -1.0)] + mk + [("mul", -1.0)], efac=("mulR", 0.5))
        add(stages=mk, efac=("mulR", 0.0))
        add(stages=mk, exp="exp2", efac=("mulR", -LOG2E), qscale=("mul", -0.35))
    # F6: max and normalisation forms
    for mx in ("maximumf", "maxnumf", "cmpsel"):
        for init in ("-inf", "-1e30", "lowest", "0"):
            add(exp="exp2", efac=("mulR", LOG2E), maxkind=mx, maxinit=init,
                stages=[("mul", 0.35355339), ("causal", 0, "s", "keep", NINF)])
    for norm in ("div", "recip"):
        for con in ("contract", "generic"):
            add(exp="exp2", efac=("div", 0.5), norm=norm, contract=con,
                stages=[("mul", 0.35355339)], qscale=("mul", 0.5))
    # F7: casts
    for ec in ("p16", "arg16", "exp16"):
        for e, ef in (("exp", None), ("exp", ("mulR", 0.5)), ("exp2", ("mulR", LOG2E)), ("exp2", None)):
            add(exp=e, efac=ef, expcast=ec, stages=[("mul", 0.35355339)])
            add(exp=e, efac=ef, expcast=ec, maxkind=None, stages=[("mul", 0.35355339)])
    for e, ef in (("exp", ("mulR", 0.5)), ("exp2", ("mulR", LOG2E)), ("exp2", None)):
        add(exp=e, efac=ef, stages=[("mul", 0.35355339), ("r16",)])
        add(exp=e, efac=ef, stages=[("r16",), ("mul", 0.35355339)])
        add(exp=e, efac=ef, stages=[("mul", 0.35355339), ("fmask", "r"), ("r16",)])
    # F8: shapes
    reps = [dict(exp="exp2", stages=[("mul", 0.35355339 * LOG2E)]),
            dict(exp="exp", efac=("mulR", 0.25), stages=[("causal", 0, "s", "keep", NINF)]),
            dict(exp="exp2", stages=[("mul", 0.35355339), ("fmask", "r"), ("mul", LOG2E)]),
            dict(exp="exp2", efac=("div", LN2), stages=[("bmask", "keep", NINF)]),
            dict(exp="exp", efac=("mulL", 30.0), stages=[("window", 1, 1, "keep", NINF)]),
            dict(exp="exp2", efac=("mulR", LOG2E), stages=[("mul", 0.125), ("softcap", 20.0, "div")])]
    for sname, shp in SHAPES.items():
        if sname == "S1":
            continue
        for r in reps:
            add(shape=shp, **r)
        B, H, Sq, Skv, D, Dv = shp
        # bottom-right causal (may fully mask rows when Skv < Sq)
        add(shape=shp, exp="exp2", efac=("mulR", LOG2E),
            stages=[("mul", 0.35), ("causal", Skv - Sq, "s", "keep", NINF)])
    # sign split around the max with finite fills / float masks
    add(stages=[("mul", -0.5), ("causal", 0, "s", "keep", -1e9)], efac=("mulR", -1.0))
    add(stages=[("mul", -0.5), ("bmask", "keep", -1e9)], efac=("mulR", -1.0))
    add(stages=[("mul", -0.5), ("causal", 0, "s", "add", -1e9)], efac=("mulL", -1.0))
    add(stages=[("causal", 0, "s", "keep", -1e9), ("mul", -1.0)], efac=("mulR", -1.0))
    add(stages=[("causal", 0, "s", "keep", NINF)], efac=("mulR", -1.0), maxkind=None)
    add(stages=[("causal", 0, "s", "keep", NINF), ("mul", -1.0)], efac=("mulR", -1.0), maxkind=None)
    add(stages=[("mul", 0.35), ("fmask", "r"), ("mul", -1.0)], efac=("mulR", -1.0))
    add(stages=[("mul", 0.35), ("fmask", "r"), ("mul", -1.0)], efac=("mulR", -1.0), fmask_kind="big")
    add(stages=[("mul", 0.35), ("fmask", "r"), ("mul", 2.0)], efac=("mulR", 0.5), fmask_kind="big")
    add(stages=[("mul", 0.35), ("fmask", "r"), ("mul", -1.0)], efac=("mulR", -1.0), maxkind=None, fmask_kind="big")
    # negative factor with a large range: the unfused exp overflows
    for c in (-30.0, -5.0):
        add(stages=[("mul", 1.0)], efac=("mulR", c))
        add(stages=[], efac=("div", 1.0 / c))
    # products near 1
    for l2e in (1.4427, 1.442695, 1.4426950408889634, 1.44269):
        add(exp="exp2", stages=[("mul", 0.35355339), ("fmask", "r"), ("mul", l2e)])
        add(exp="exp2", efac=("mulR", l2e), stages=[("mul", 0.35355339), ("fmask", "r")])
        add(exp="exp2", efac=("mulR", l2e), stages=[("softcap", 30.0, "div")])
    add(exp="exp2", stages=[("fmask", "r"), ("mul", 0.5)], efac=("mulR", 2.0 * LOG2E))
    add(exp="exp2", stages=[("fmask", "r"), ("mul", 0.5)], efac=("div", 0.5 * LN2))
    # log2e folded into Q
    add(exp="exp2", stages=[], qscale=("mul", 0.35355339 * LOG2E))
    add(exp="exp2", stages=[("fmask", "r")], qscale=("mul", 0.35355339 * LOG2E))
    add(exp="exp2", stages=[("causal", 0, "s", "keep", NINF)], qscale=("mul", 0.35355339 * LOG2E))
    # big float mask (-1e9 entries)
    for mk_stages, e, ef in (([("mul", 0.35), ("fmask", "r")], "exp", None),
                            ([("mul", 0.35), ("fmask", "r"), ("mul", LOG2E)], "exp2", None),
                            ([("fmask", "r")], "exp2", ("div", LN2)),
                            ([("fmask", "r")], "exp", ("mulR", 0.5))):
        add(exp=e, efac=ef, stages=mk_stages, fmask_kind="big")
    return out


def random_variants(n, seed, prefix="rnd"):
    rng = random.Random(seed)
    out = []
    facs = FACTORS + [0.125, 0.35355339, 1.0 / LN2, 2.8284271]
    for k in range(n):
        shp = rng.choice(list(SHAPES.values()))
        B, H, Sq, Skv, D, Dv = shp
        stages = []
        nst = rng.choice([0, 1, 2, 2, 3, 3, 4])
        for _ in range(nst):
            kind = rng.choice(["scale", "scale", "causal", "window", "bmask", "fmask",
                               "softcap", "r16"])
            if kind == "scale":
                stages.append((rng.choice(["mul", "mulL", "div"]), rng.choice(facs)))
            elif kind == "causal":
                off = rng.choice([0, 1, 2, max(0, Skv - Sq)])
                stages.append(("causal", off, rng.choice("su"),
                               rng.choice(["keep", "drop", "add"]),
                               rng.choice([NINF, NINF, -1e9])))
            elif kind == "window":
                off = rng.choice([0, 1, max(0, Skv - Sq)])
                stages.append(("window", off, rng.choice([1, 2, 3]),
                               rng.choice(["keep", "drop", "add"]), NINF))
            elif kind == "bmask":
                stages.append(("bmask", rng.choice(["keep", "add"]),
                               rng.choice([NINF, NINF, -1e9])))
            elif kind == "fmask":
                stages.append(("fmask", rng.choice("lr")))
            elif kind == "softcap":
                stages.append(("softcap", rng.choice([30.0, 5.0, 1.0]),
                               rng.choice(["div", "mul", "bare"])))
            elif kind == "r16" and rng.random() < 0.3:
                stages.append(("r16",))
        e = rng.choice(["exp", "exp2"])
        efac = None
        r = rng.random()
        if r < 0.75:
            c = rng.choice(facs)
            if e == "exp2" and rng.random() < 0.4:
                c = LOG2E
            efac = (rng.choice(["mulR", "mulL", "div"]), c)
        if e == "exp2" and rng.random() < 0.3:
            stages.append(("mul", LOG2E))
        v = Variant(
            name=prefix + "%03d" % k, shape=shp, exp=e, efac=efac,
            maxkind=rng.choice(["maximumf", "maximumf", "maxnumf", "cmpsel", None]),
            maxinit=rng.choice(["-inf", "-inf", "-1e30", "lowest"]),
            stages=stages,
            qscale=(rng.choice(["mul", "mulL", "div"]), rng.choice(facs)) if rng.random() < 0.3 else None,
            norm=rng.choice(["div", "recip"]),
            expcast=rng.choice([None] * 8 + ["p16", "arg16", "exp16"]),
            contract=rng.choice(["contract", "generic"]),
        )
        if stages and rng.random() < 0.4:
            # split the stages into groups
            g, rest = [], len(stages)
            while rest:
                t = rng.randint(1, rest)
                g.append(t)
                rest -= t
            v.groups = g
        out.append(v)
    return out


def pack(variants, per=6):
    by = {}
    for v in variants:
        by.setdefault((v.shape, v.fmask_kind), []).append(v)
    progs = []
    for key, vs in by.items():
        for k in range(0, len(vs), per):
            progs.append(vs[k:k + per])
    return progs


def main():
    which = sys.argv[1] if len(sys.argv) > 1 else "all"
    nrand = int(sys.argv[2]) if len(sys.argv) > 2 else 300
    vs = []
    if which in ("all", "sys"):
        vs += systematic()
    if which in ("all", "rnd", "rnd2"):
        vs += random_variants(nrand, int(os.environ.get("SEED", "12345")), "r2" if which == "rnd2" else "rnd")
    progs = pack(vs)
    wdir = ROOT + "/work/" + which
    vmap = {v.name: v for v in vs}
    t0 = time.time()
    results = []

    def job(k_p):
        k, p = k_p
        r = run_program("p%03d" % k, p, wdir)
        failed = any(r.get(x, 0) != 0 for x in ("raise_rc", "opt_false_rc", "opt_true_rc",
                                                 "run_false_rc", "run_true_rc"))
        if failed:
            r["isolated"] = [isolate(v, wdir + "/iso") for v in p]
        return r

    with ThreadPoolExecutor(2) as ex:
        for r in ex.map(job, enumerate(progs)):
            results.append(r)
            print("%s done %.0fs" % (r["tag"], time.time() - t0), flush=True)
    # records
    recs = []
    for r in results:
        for n, d in r["funcs"].items():
            v = vmap[n]
            doc, mok, why = oracle(v)
            rec = dict(name=n, prog=r["file"], variant=repr(v), oracle=doc,
                       oracle_why=why, **d)
            for x in ("raise_rc", "opt_false_rc", "opt_true_rc", "run_false_rc", "run_true_rc"):
                rec[x] = r.get(x)
            if "isolated" in r:
                for ir in r["isolated"]:
                    if n in ir["funcs"]:
                        rec["iso"] = {x: ir.get(x) for x in ("raise_rc", "opt_false_rc", "opt_true_rc", "run_false_rc", "run_true_rc", "raise_err", "opt_true_err", "opt_false_err", "run_true_err", "run_false_err")}
                        rec["iso"].update(ir["funcs"][n])
                        rec["iso_file"] = ir["file"]
            recs.append(rec)
    json.dump(recs, open(ROOT + "/work/results_%s.json" % which, "w"), indent=1)
    print("total", len(recs), "funcs in", len(progs), "programs, %.0fs" % (time.time() - t0))


if __name__ == "__main__":
    main()
