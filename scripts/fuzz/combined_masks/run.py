#!/usr/bin/env python3
"""Differential fuzz: fuse=false vs fuse=true on random combined-mask chains."""
import json, os, random, re, subprocess, sys, time
from concurrent.futures import ThreadPoolExecutor
sys.path.insert(0, os.path.dirname(__file__))
import gen

HERE = os.path.dirname(os.path.abspath(__file__))
# Work files go to FUZZ_WORK (default /tmp/attn-fuzz-masks); the tools are
# ATTN_OPT (default build/bin/attn-opt of this checkout) and LLVM 22's.
OPT = os.environ.get("ATTN_OPT", os.path.join(HERE, "..", "..", "..", "build",
                                               "bin", "attn-opt"))
RUNNER = "/usr/lib/llvm-22/bin/mlir-runner"
L = "/usr/lib/llvm-22/lib"
LIBS = ",".join(L + "/" + x for x in ("libmlir_runner_utils.so", "libmlir_c_runner_utils.so", "libomp.so"))
ROOT = os.environ.get("FUZZ_WORK", "/tmp/attn-fuzz-masks")
sys.path.insert(0, os.path.join(HERE, "..", "..", "..", "test", "lib"))
from compare_outputs import NUMBER


def sh(cmd, inp=None, timeout=300):
    try:
        p = subprocess.run(cmd, input=inp, capture_output=True, text=True, timeout=timeout)
        return p.returncode, p.stdout, p.stderr
    except subprocess.TimeoutExpired:
        return -999, "", "timeout"


def split_funcs(text):
    out = {}
    for m in re.finditer(r"func\.func @(\w+)\(", text):
        s = m.start()
        e = text.find("\n  func.func", s + 10)
        out[m.group(1)] = text[s:e if e > 0 else len(text)]
    return out


def func_lines(text, names):
    lines = text.split("\n")
    starts = []
    for k, l in enumerate(lines):
        m = re.match(r"func\.func @(\w+)\(", l)
        if m:
            starts.append((k + 1, m.group(1)))
    r = {}
    for idx, (s, n) in enumerate(starts):
        e = starts[idx + 1][0] - 1 if idx + 1 < len(starts) else len(lines)
        r[n] = (s, e)
    return r


def memrefs(out):
    res = []
    cur = None
    for line in out.splitlines():
        if "Memref" in line and "base@" in line:
            cur = []
            res.append(cur)
            line = line.split("data =", 1)[-1]
            if "sizes" in line:
                continue
        if cur is not None:
            cur += [float(t) for t in NUMBER.findall(line)]
    return res


def compare(a, b, rtol=1e-4, atol=1e-5):
    import math
    if len(a) != len(b):
        return "count %d vs %d" % (len(a), len(b))
    bad, first, mx = 0, None, 0.0
    for k, (r, o) in enumerate(zip(a, b)):
        if math.isnan(r) or math.isnan(o):
            ok = math.isnan(r) and math.isnan(o)
        else:
            ok = abs(o - r) <= atol + rtol * abs(r)
            mx = max(mx, abs(o - r))
        if not ok:
            bad += 1
            if first is None:
                first = (k, r, o)
    if bad:
        return "%d/%d differ, first idx %d ref %r fused %r" % (bad, len(a), first[0], first[1], first[2])
    return None


def run_program(tag, funcs, wdir):
    os.makedirs(wdir, exist_ok=True)
    text = gen.program_text(funcs)
    f = os.path.join(wdir, tag + ".mlir")
    open(f, "w").write(text)
    names = [x.name for x in funcs]
    res = {"tag": tag, "file": f, "funcs": {n: {} for n in names}}
    rc, out, err = sh([OPT, f, "-attn-fuse-attention=report=true"])
    res["raise_rc"] = rc
    if rc != 0:
        res["raise_err"] = err[-3000:]
    fr = split_funcs(out) if rc == 0 else {}
    ranges = func_lines(text, names)
    for n in names:
        res["funcs"][n]["remarks"] = []
    for line in err.splitlines():
        m = re.match(r".*?:(\d+):\d+: remark: (.*)", line)
        if m:
            ln = int(m.group(1))
            for n, (s, e) in ranges.items():
                if s <= ln <= e and n in res["funcs"]:
                    res["funcs"][n]["remarks"].append(m.group(2))
    for n in names:
        body = fr.get(n, "")
        res["funcs"][n]["raised"] = "attn.attention" in body
        m = re.search(r"attn\.attention.*", body)
        res["funcs"][n]["attn"] = m.group(0)[-300:] if m else None
    outs = {}
    for fuse in ("false", "true"):
        rc, ll, err = sh([OPT, f, "-attn-cpu-pipeline=fuse=" + fuse])
        res["opt_%s_rc" % fuse] = rc
        if rc != 0:
            res["opt_%s_err" % fuse] = err[-3000:]
            continue
        rc, o, err = sh([RUNNER, "-e", "main", "-entry-point-result=void", "-shared-libs=" + LIBS], inp=ll)
        res["run_%s_rc" % fuse] = rc
        if rc != 0:
            res["run_%s_err" % fuse] = err[-3000:]
            continue
        outs[fuse] = memrefs(o)
    if "false" in outs and "true" in outs:
        a, b = outs["false"], outs["true"]
        if len(a) != len(names) or len(b) != len(names):
            res["print_err"] = "printed %d/%d of %d" % (len(a), len(b), len(names))
        else:
            for n, x, y in zip(names, a, b):
                res["funcs"][n]["mismatch"] = compare(x, y)
                import math
                res["funcs"][n]["nan"] = any(math.isnan(t) for t in x)
    return res


def main():
    seed = int(sys.argv[1])
    nprog = int(sys.argv[2])
    per = int(sys.argv[3]) if len(sys.argv) > 3 else 8
    rng = random.Random(seed)
    progs = []
    for p in range(nprog):
        progs.append([gen.rand_func(rng, "f%d_%d_%d" % (seed, p, k)) for k in range(per)])
    wdir = ROOT + "/work/s%d" % seed
    t0 = time.time()
    results = []
    with ThreadPoolExecutor(2) as ex:
        for r in ex.map(lambda kp: run_program("p%03d" % kp[0], kp[1], wdir), enumerate(progs)):
            results.append(r)
            bad = [k for k in ("raise_rc", "opt_false_rc", "opt_true_rc", "run_false_rc", "run_true_rc") if r.get(k, 0) != 0]
            mm = [n for n, d in r["funcs"].items() if d.get("mismatch")]
            print("%s %.0fs bad=%s mism=%s" % (r["tag"], time.time() - t0, bad, mm), flush=True)
    json.dump(results, open(ROOT + "/work/res_s%d.json" % seed, "w"), indent=1)
    # keep func descriptions
    desc = {}
    for p in progs:
        for f in p:
            desc[f.name] = dict(B=f.B, H=f.H, Hkv=f.Hkv, Sq=f.Sq, Skv=f.Skv, D=f.D, layout=f.layout,
                                softmax=f.softmax, scale=f.scale, scale_after=f.scale_after,
                                terms=[tuple(x.name if isinstance(x, gen.Arg) else x for x in t) for t in f.terms],
                                args=[(a.name, a.shape, a.et, a.kind, a.kw) for a in f.args],
                                groups=[len(g) for g in f.groups])
    json.dump(desc, open(ROOT + "/work/desc_s%d.json" % seed, "w"), indent=1, default=str)


if __name__ == "__main__":
    main()
