# Test harness for attn-fuse-attention KV-cache masks (linalg on tensors).
import math, struct, subprocess, os, sys, re, json

H, D, DV = 2, 5, 6
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__)))))
BIN = os.environ.get("ATTN_OPT", os.path.join(ROOT, "build", "bin", "attn-opt"))
LL = "/usr/lib/llvm-22/lib"
RL = f"{LL}/libmlir_runner_utils.so,{LL}/libmlir_c_runner_utils.so,{LL}/libomp.so"
RUNNER = "/usr/lib/llvm-22/bin/mlir-runner"
OUTDIR = os.path.join(os.environ.get("FUZZ_WORK", "/tmp/attn-fuzz-kv"), "cases")
os.makedirs(OUTDIR, exist_ok=True)

F32MIN = -3.4028234663852886e38
F16MIN = -65504.0
BF16MIN = -3.3895313892515355e38
MINS = {"f32": F32MIN, "f16": F16MIN, "bf16": BF16MIN}
MINLIT = {"f32": "-3.40282347E+38", "f16": "-65504.0", "bf16": "0xFF7F"}


def r32(x):
    if math.isnan(x) or math.isinf(x):
        return x
    try:
        return struct.unpack("f", struct.pack("f", x))[0]
    except OverflowError:
        return math.copysign(math.inf, x)


class Emitter:
    def __init__(self):
        self.n = 0
        self.lines = []

    def fresh(self, p="t"):
        self.n += 1
        return f"{p}{self.n}"

    def add(self, ls):
        self.lines += ls

    def generic(self, ins, shape, out_ty, body, out_map=None, name=None):
        """ins: list of (value, type, map). body uses %a0.., %i0.. (i64
        indices), %x0.. (index) and yields %r."""
        name = name or self.fresh("g")
        rank = len(shape)
        t = f"tensor<{'x'.join(str(s) for s in shape)}x{out_ty}>"
        dims = ", ".join(f"d{k}" for k in range(rank))
        idm = f"affine_map<({dims}) -> ({dims})>"
        maps = [m for _, _, m in ins] + [out_map or idm]
        its = ", ".join(['"parallel"'] * rank)
        elt = lambda ty: re.match(r"tensor<(?:\d+x)*(\w+)>", ty).group(1) if ty.startswith("tensor") else ty
        args = ", ".join([f"%a{k}: {elt(ty)}" for k, (_, ty, _) in enumerate(ins)] + [f"%o: {out_ty}"])
        L = [f"  %{name}_e = tensor.empty() : {t}",
             f"  %{name} = linalg.generic {{indexing_maps = [{', '.join(maps)}], iterator_types = [{its}]}} " +
             (f"ins({', '.join(v for v,_,_ in ins)} : {', '.join(ty for _,ty,_ in ins)}) " if ins else "") +
             f"outs(%{name}_e : {t}) {{", f"  ^bb0({args}):"]
        for k in range(rank):
            L += [f"    %x{k} = linalg.index {k} : index", f"    %i{k} = arith.index_cast %x{k} : index to i64"]
        L += ["    " + l for l in body]
        L += [f"    linalg.yield %r : {out_ty}", f"  }} -> {t}"]
        self.add(L)
        return "%" + name, t


def fill_fn():
    return """
#gen = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
func.func @fill(%t: tensor<?x?x?x?xf32>, %seed: f32, %amp: f32) -> tensor<?x?x?x?xf32> {
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
    %v = math.sin %s3 : f32
    %w = arith.mulf %v, %amp : f32
    linalg.yield %w : f32
  } -> tensor<?x?x?x?xf32>
  return %r : tensor<?x?x?x?xf32>
}
func.func private @printMemrefF32(tensor<*xf32>)
"""


def pyfill(b, h, s, d, seed, amp=2.0):
    return amp * math.sin(0.37 * b + 1.3 * h + 0.71 * s + 0.113 * d + seed)


class Case:
    """mask: value name, its type, its element type `dt`, its rank (2: [Sq,T]
    or 4: [B,1,Sq,T]); mval(b,i,j) -> float value of the mask (after the
    element type's rounding). place: 'after' (s*c + m) or 'before'
    ((s + m) * c). extra: [(argname, type, main_lines, ...)]"""

    def __init__(self, name, B, Sq, T, em, mask, mtype, dt, rank, mval,
                 place="after", extra=(), softcap=None, kv_extra=None):
        self.__dict__.update(locals())


def chain_text(c):
    B, Sq, T = c.B, c.Sq, c.T
    q, k, v = (f"tensor<{B}x{H}x{Sq}x{D}xf32>", f"tensor<{B}x{H}x{T}x{D}xf32>",
               f"tensor<{B}x{H}x{T}x{DV}xf32>")
    s4 = f"tensor<{B}x{H}x{Sq}x{T}xf32>"
    o4 = f"tensor<{B}x{H}x{Sq}x{DV}xf32>"
    extra_args = "".join(f", %{n}: {t}" for n, t, _ in c.extra)
    L = [f"func.func @{c.name}(%q: {q}, %k: {k}, %v: {v}{extra_args}) -> {o4} {{",
         "  %zero = arith.constant 0.0 : f32",
         "  %cscale = arith.constant 0.5 : f32"]
    L += c.em.lines
    mm = ("affine_map<(b, h, i, j) -> (i, j)>" if c.rank == 2 else
          "affine_map<(b, h, i, j) -> (b, 0, i, j)>" if c.rank == 4 else
          "affine_map<(b, h, i, j) -> (0, 0, i, j)>")
    ext = [] if c.dt in ("f32", "i1") else [f"%mvf = arith.extf %mv : {c.dt} to f32"]
    mv = "%mv" if c.dt in ("f32", "i1") else "%mvf"
    if c.place == "after":
        body = ["%sc = arith.mulf %a, %cscale : f32"]
        if c.softcap:
            body += [f"%cap = arith.constant {c.softcap} : f32", "%sd = arith.divf %sc, %cap : f32",
                     "%th = math.tanh %sd : f32", "%sc2 = arith.mulf %th, %cap : f32"]
            body += ext + [f"%r = arith.addf %sc2, {mv} : f32"]
        else:
            body += ext + ([f"%ninf = arith.constant 0xFF800000 : f32", f"%r = arith.select %mv, %sc, %ninf : f32"] if c.dt == "i1" else [f"%r = arith.addf %sc, {mv} : f32"])
    else:
        body = ext + [f"%sm0 = arith.addf %a, {mv} : f32", "%r = arith.mulf %sm0, %cscale : f32"]
    L += [f"  %e = tensor.empty() : {s4}",
          f"  %f = linalg.fill ins(%zero : f32) outs(%e : {s4}) -> {s4}",
          f"  %s = linalg.generic {{indexing_maps = [affine_map<(b, h, i, j, d) -> (b, h, i, d)>, affine_map<(b, h, i, j, d) -> (b, h, j, d)>, affine_map<(b, h, i, j, d) -> (b, h, i, j)>], iterator_types = [\"parallel\", \"parallel\", \"parallel\", \"parallel\", \"reduction\"]}} ins(%q, %k : {q}, {k}) outs(%f : {s4}) {{",
          "  ^bb0(%a: f32, %bb: f32, %acc: f32):",
          "    %mm = arith.mulf %a, %bb : f32",
          "    %r = arith.addf %acc, %mm : f32",
          "    linalg.yield %r : f32",
          f"  }} -> {s4}",
          f"  %ss = linalg.generic {{indexing_maps = [affine_map<(b, h, i, j) -> (b, h, i, j)>, {mm}, affine_map<(b, h, i, j) -> (b, h, i, j)>], iterator_types = [\"parallel\", \"parallel\", \"parallel\", \"parallel\"]}} ins(%s, {c.mask} : {s4}, {c.mtype}) outs(%e : {s4}) {{",
          f"  ^bb0(%a: f32, %mv: {c.dt}, %o: f32):"]
    L += ["    " + l for l in body]
    L += ["    linalg.yield %r : f32",
          f"  }} -> {s4}",
          f"  %sm = linalg.softmax dimension(3) ins(%ss : {s4}) outs(%e : {s4}) -> {s4}",
          f"  %eo = tensor.empty() : {o4}",
          f"  %fo = linalg.fill ins(%zero : f32) outs(%eo : {o4}) -> {o4}",
          f"  %out = linalg.generic {{indexing_maps = [affine_map<(b, h, i, e, j) -> (b, h, i, j)>, affine_map<(b, h, i, e, j) -> (b, h, j, e)>, affine_map<(b, h, i, e, j) -> (b, h, i, e)>], iterator_types = [\"parallel\", \"parallel\", \"parallel\", \"parallel\", \"reduction\"]}} ins(%sm, %v : {s4}, {v}) outs(%fo : {o4}) {{",
          "  ^bb0(%a: f32, %bb: f32, %acc: f32):",
          "    %mm = arith.mulf %a, %bb : f32",
          "    %r = arith.addf %acc, %mm : f32",
          "    linalg.yield %r : f32",
          f"  }} -> {o4}",
          f"  return %out : {o4}", "}", ""]
    M = ["func.func @main() {"]
    def inp(n, s, last, seed):
        t = f"tensor<{B}x{H}x{s}x{last}xf32>"
        return [f"  %{n}_e = tensor.empty() : {t}",
                f"  %{n}_d = tensor.cast %{n}_e : {t} to tensor<?x?x?x?xf32>",
                f"  %{n}_s = arith.constant {seed} : f32",
                f"  %{n}_a = arith.constant 2.0 : f32",
                f"  %{n}_r = call @fill(%{n}_d, %{n}_s, %{n}_a) : (tensor<?x?x?x?xf32>, f32, f32) -> tensor<?x?x?x?xf32>",
                f"  %{n} = tensor.cast %{n}_r : tensor<?x?x?x?xf32> to {t}"]
    M += inp("qq", Sq, D, 0.1) + inp("kk", T, D, 1.7) + inp("vv", T, DV, 2.9)
    args, tys = "%qq, %kk, %vv", f"{q}, {k}, {v}"
    for n, t, ml in c.extra:
        M += ml
        args += f", %{n}_main"
        tys += f", {t}"
    M += [f"  %o = call @{c.name}({args}) : ({tys}) -> {o4}",
          f"  %u = tensor.cast %o : {o4} to tensor<*xf32>",
          "  call @printMemrefF32(%u) : (tensor<*xf32>) -> ()", "  return", "}"]
    return "\n".join(L + M) + "\n" + fill_fn()


def reference(c):
    """rows[(b,h,i)] = (visible, [DV values])"""
    res = {}
    for b in range(c.B):
        for h in range(H):
            for i in range(c.Sq):
                sc = []
                vis = False
                nan = False
                for j in range(c.T):
                    s = r32(sum(pyfill(b, h, i, d, 0.1) * pyfill(b, h, j, d, 1.7) for d in range(D)))
                    m = c.mval(b, i, j)
                    if math.isnan(m):
                        nan = True
                    elif m > -1e4:
                        vis = True
                    if c.place == "after":
                        x = r32(s * 0.5)
                        if c.softcap:
                            x = r32(math.tanh(x / c.softcap) * c.softcap)
                        x = r32(x + m)
                    else:
                        x = r32(r32(s + m) * 0.5)
                    sc.append(x)
                if nan or any(math.isnan(x) for x in sc):
                    res[(b, h, i)] = ("nan", None)
                    continue
                mx = max(sc)
                if mx == -math.inf:
                    res[(b, h, i)] = (False, None)
                    continue
                ex = [math.exp(x - mx) if x != -math.inf else 0.0 for x in sc]
                tot = sum(ex)
                out = [sum(ex[j] / tot * pyfill(b, h, j, e, 2.9) for j in range(c.T)) for e in range(DV)]
                res[(b, h, i)] = (vis, out)
    return res


NUM = re.compile(r"[-+]?(?:nan|inf|(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)", re.I)


def nums(txt):
    v = []
    for line in txt.splitlines():
        if "Memref" in line and "base@" in line:
            continue
        v += [float(t) for t in NUM.findall(line)]
    return v


def sh(cmd, inp=None, timeout=120):
    try:
        p = subprocess.run(cmd, shell=True, input=inp, capture_output=True, text=True, timeout=timeout)
        return p.returncode, p.stdout, p.stderr
    except subprocess.TimeoutExpired:
        return "TIMEOUT", "", ""


def close(a, b, rtol, atol):
    if math.isnan(a) or math.isnan(b):
        return math.isnan(a) and math.isnan(b)
    return abs(a - b) <= atol + rtol * abs(b)


def run(c, expect=None):
    path = f"{OUTDIR}/{c.name}.mlir"
    open(path, "w").write(chain_text(c))
    out = {"name": c.name}
    rc, rep, err = sh(f"{BIN} {path} -attn-fuse-attention='report=true' 2>&1")
    lines = [l.strip() for l in rep.splitlines() if "attn.attention" in l or "remark" in l or "error" in l]
    raised = [l for l in lines if "attn.attention" in l]
    desc = "UNFUSED"
    if raised:
        l = raised[0]
        m = re.search(r"scale = \S+(.*?)->", l)
        mk = re.search(r"mask\((.*?)\)", l)
        desc = "mask(" + mk.group(1).split(":")[-1].strip() + ") " if mk else ""
        desc += (m.group(1).strip() if m else "")
        if not desc:
            desc = "dense-free(no mask/causal)"
    if rc != 0:
        desc = f"CRASH rc={rc}: " + rep[-400:]
    out["raised"] = desc
    out["remarks"] = [l[:200] for l in lines if "remark" in l]
    res = {}
    for mode in ("false", "true"):
        rc, so, se = sh(f"{BIN} {path} -attn-cpu-pipeline='fuse={mode}' | {RUNNER} -e main -entry-point-result=void -shared-libs={RL}")
        if rc != 0:
            out["status"] = f"RUNFAIL fuse={mode} rc={rc} {se[-300:]}"
            return out
        res[mode] = nums(so)
    ref = reference(c)
    bad, testbug, skipped, nanrows = [], [], 0, 0
    keys = [(b, h, i) for b in range(c.B) for h in range(H) for i in range(c.Sq)]
    for n, key in enumerate(keys):
        vis, vals = ref[key]
        u = res["false"][n * DV:(n + 1) * DV]
        f = res["true"][n * DV:(n + 1) * DV]
        if vis == "nan":
            nanrows += 1
            if not all(close(a, b, 1e-4, 1e-5) for a, b in zip(f, u)):
                out.setdefault("nan_diff", []).append((key, u[:2], f[:2]))
            continue
        if not vis:
            skipped += 1
            continue
        if not all(close(a, b, 1e-4, 1e-5) for a, b in zip(f, u)):
            bad.append((key, u[:3], f[:3]))
        if not all(close(a, b, 2e-3, 2e-4) for a, b in zip(u, vals)):
            testbug.append((key, u[:3], [round(x, 5) for x in vals[:3]]))
    out["status"] = "MISMATCH" if bad else "ok"
    if bad:
        out["bad"] = bad[:3]
        out["nbad"] = len(bad)
    if testbug:
        out["refdiff"] = testbug[:2]
    out["skipped_rows"] = skipped
    if nanrows:
        out["nanrows"] = nanrows
    if expect is not None:
        out["expect"] = expect
    return out


def report(o):
    s = f"{o['name']:40s} {o.get('status','?'):9s} | {o['raised'][:110]}"
    for k in ("bad", "nbad", "refdiff", "nan_diff", "skipped_rows", "nanrows", "expect"):
        if k in o and o[k]:
            s += f"\n     {k}: {o[k]}"
    if o.get("raised", "").startswith("UNFUSED") or "mask(" in o.get("raised", ""):
        for r in o["remarks"][:3]:
            s += f"\n     remark: {r}"
    print(s, flush=True)
