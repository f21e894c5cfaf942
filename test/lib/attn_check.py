#!/usr/bin/env python3
"""Executed checks of attn.attention against an independent fp64 reference.

Generates random inputs for one or more attention configurations, writes an
MLIR program whose `main` calls one function per configuration and prints each
result with printMemrefF32, compiles it with attn-opt, runs it with
mlir-runner, and compares every printed element with a float64 reference
computed here in pure Python (no MLIR involved), within a tolerance that
depends on the element type:

    |got - want| <= atol + rtol * |want|
    f32: atol = 1e-5, rtol = 1e-4     (printMemrefF32 prints 6 digits)
    f16: atol = 2e-3, rtol = 2e-3     (one f16 rounding of the result)
    bf16: atol = 1.6e-2, rtol = 1.6e-2 (one bf16 rounding of the result)

Inputs are rounded to the element type before the reference sees them, so the
reference computes exactly what the compiled code is given.

Usage:
  attn_check.py single --b 2 --hq 4 --hkv 2 --sq 13 --skv 17 --d 8 ...
  attn_check.py random --count 200 --seed 7 --batch 20
  attn_check.py demo    (the README's main job; see --help)
"""

import argparse
import math
import os
import random
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import time

TOL = {"f32": (1e-5, 1e-4), "f16": (2e-3, 2e-3), "bf16": (1.6e-2, 1.6e-2)}


# ----------------------------------------------------------------------------
# Rounding to the element types.
# ----------------------------------------------------------------------------

def round_f32(x):
    return struct.unpack("f", struct.pack("f", x))[0]


def round_f16(x):
    return struct.unpack("e", struct.pack("e", x))[0]


def round_bf16(x):
    bits = struct.unpack("I", struct.pack("f", x))[0]
    # Round to nearest even on the upper 16 bits.
    lsb = (bits >> 16) & 1
    bits = (bits + 0x7FFF + lsb) & 0xFFFF0000
    return struct.unpack("f", struct.pack("I", bits))[0]


ROUND = {"f32": round_f32, "f16": round_f16, "bf16": round_bf16}
# The lowest finite value of each type (torch.finfo(dtype).min).
LOWEST = {"f32": -3.4028234663852886e38, "f16": -65504.0,
          "bf16": -3.3895313892515355e38}


# ----------------------------------------------------------------------------
# Configurations.
# ----------------------------------------------------------------------------

class Config:
    """One attention problem; shapes are logical [B, H, S, D]."""

    def __init__(self, b=1, hq=1, hkv=None, sq=4, skv=None, d=8, dv=None,
                 dtype="f32", layout="bhsd", causal="none", window=None,
                 softcap=None, scale=None, mask="none", mask_shape=None,
                 mask_dtype=None, dynamic=False, seed=0, mask_min=False):
        self.b, self.hq = b, hq
        self.hkv = hq if hkv is None else hkv
        self.sq = sq
        self.skv = sq if skv is None else skv
        self.d = d
        self.dv = d if dv is None else dv
        self.dtype, self.layout, self.causal = dtype, layout, causal
        self.window, self.softcap, self.scale = window, softcap, scale
        self.mask = mask
        # mask_shape: list over logical dims, trailing-aligned; each entry is
        # one of "b", "h", "q", "k" (full size) or 1.
        self.mask_shape = mask_shape or ["b", "h", "q", "k"]
        self.mask_dtype = mask_dtype or ("i1" if mask == "bool" else "f32")
        self.dynamic = dynamic
        # Float masks use the type's lowest finite value (finfo.min) instead
        # of -inf: the key is not masked, its score just becomes that value
        # in f32 (a row of those is uniform, the mean of V).
        self.mask_min = mask_min
        self.seed = seed

    def describe(self):
        parts = [f"B={self.b} Hq={self.hq} Hkv={self.hkv} Sq={self.sq} "
                 f"Skv={self.skv} D={self.d} Dv={self.dv} {self.dtype} "
                 f"{self.layout}"]
        if self.causal != "none":
            parts.append(f"causal={self.causal}")
        if self.window:
            parts.append(f"window={self.window}")
        if self.softcap:
            parts.append(f"softcap={self.softcap}")
        if self.scale:
            parts.append(f"scale={self.scale}")
        if self.mask != "none":
            parts.append(f"mask={self.mask}:{self.mask_dtype}"
                         f"[{','.join(map(str, self.mask_shape))}]")
            if self.mask_min:
                parts.append("mask-min")
        if self.dynamic:
            parts.append("dynamic")
        parts.append(f"seed={self.seed}")
        return " ".join(parts)

    def mask_dims(self):
        full = {"b": self.b, "h": self.hq, "q": self.sq, "k": self.skv}
        return [full[m] if m in full else 1 for m in self.mask_shape]


def layout_shape(cfg, heads, seq, dim):
    if cfg.layout == "bhsd":
        return [cfg.b, heads, seq, dim]
    return [cfg.b, seq, heads, dim]


def rand_tensor(rng, shape, fn):
    if not shape:
        return fn()
    return [rand_tensor(rng, shape[1:], fn) for _ in range(shape[0])]


def make_inputs(cfg):
    rng = random.Random(cfg.seed)
    rnd = ROUND[cfg.dtype]
    q = rand_tensor(rng, layout_shape(cfg, cfg.hq, cfg.sq, cfg.d),
                    lambda: rnd(rng.uniform(-2.0, 2.0)))
    k = rand_tensor(rng, layout_shape(cfg, cfg.hkv, cfg.skv, cfg.d),
                    lambda: rnd(rng.uniform(-2.0, 2.0)))
    v = rand_tensor(rng, layout_shape(cfg, cfg.hkv, cfg.skv, cfg.dv),
                    lambda: rnd(rng.uniform(-1.0, 1.0)))
    mask = None
    if cfg.mask == "bool":
        mask = rand_tensor(rng, cfg.mask_dims(), lambda: rng.random() < 0.7)
    elif cfg.mask == "float":
        mrnd = ROUND[cfg.mask_dtype]

        def one():
            r = rng.random()
            if r < 0.2:
                return LOWEST[cfg.mask_dtype] if cfg.mask_min else -math.inf
            return mrnd(rng.uniform(-2.0, 2.0))
        mask = rand_tensor(rng, cfg.mask_dims(), one)
    return q, k, v, mask


def get4(t, layout, b, h, s, d):
    if layout == "bhsd":
        return t[b][h][s][d]
    return t[b][s][h][d]


def mask_at(cfg, mask, b, h, i, j):
    idx = {"b": b, "h": h, "q": i, "k": j}
    x = mask
    for m in cfg.mask_shape:
        x = x[idx[m] if m in idx else 0]
    return x


def reference(cfg, q, k, v, mask):
    """float64 attention; returns [B][Hq][Sq][Dv] (logical bhsd order)."""
    scale = cfg.scale if cfg.scale else 1.0 / math.sqrt(cfg.d)
    group = cfg.hq // cfg.hkv
    delta = 0 if cfg.causal == "top_left" else cfg.skv - cfg.sq
    out = []
    for b in range(cfg.b):
        ob = []
        for h in range(cfg.hq):
            g = h // group
            oh = []
            for i in range(cfg.sq):
                scores = []
                for j in range(cfg.skv):
                    s = 0.0
                    for d in range(cfg.d):
                        s += get4(q, cfg.layout, b, h, i, d) * \
                            get4(k, cfg.layout, b, g, j, d)
                    s *= scale
                    if cfg.softcap:
                        s = cfg.softcap * math.tanh(s / cfg.softcap)
                    visible = True
                    if mask is not None:
                        mv = mask_at(cfg, mask, b, h, i, j)
                        if cfg.mask == "bool":
                            visible = visible and mv
                        elif cfg.mask_min:
                            # The score plus the mask, in f32 as computed.
                            s = round_f32(s + mv)
                        else:
                            s += mv
                    if cfg.causal != "none" and j > i + delta:
                        visible = False
                    if cfg.window:
                        left, right = cfg.window
                        if left >= 0 and j < i + delta - left:
                            visible = False
                        if right >= 0 and j > i + delta + right:
                            visible = False
                    scores.append(s if visible else -math.inf)
                m = max(scores) if scores else -math.inf
                if m == -math.inf:
                    oh.append([0.0] * cfg.dv)
                    continue
                p = [math.exp(s - m) if s != -math.inf else 0.0
                     for s in scores]
                total = sum(p)
                row = []
                for e in range(cfg.dv):
                    acc = 0.0
                    for j in range(cfg.skv):
                        acc += p[j] * get4(v, cfg.layout, b, g, j, e)
                    row.append(acc / total)
                oh.append(row)
            ob.append(oh)
        out.append(ob)
    return out


# ----------------------------------------------------------------------------
# MLIR emission.
# ----------------------------------------------------------------------------

def fmt_scalar(x, dtype):
    if dtype == "i1":
        return "true" if x else "false"
    if x == -math.inf:
        return {"f32": "0xFF800000", "f16": "0xFC00", "bf16": "0xFF80"}[dtype]
    return repr(float(x))


def fmt_dense(t, dtype):
    if isinstance(t, list):
        return "[" + ", ".join(fmt_dense(x, dtype) for x in t) + "]"
    return fmt_scalar(t, dtype)


def ttype(shape, dtype, dynamic_dims=()):
    dims = ["?" if i in dynamic_dims else str(s) for i, s in enumerate(shape)]
    return "tensor<" + "x".join(dims + [dtype]) + ">"


def emit_case(cfg, idx):
    """Returns (function text, main text) for configuration `idx`."""
    q, k, v, mask = make_inputs(cfg)
    qs = layout_shape(cfg, cfg.hq, cfg.sq, cfg.d)
    ks = layout_shape(cfg, cfg.hkv, cfg.skv, cfg.d)
    vs = layout_shape(cfg, cfg.hkv, cfg.skv, cfg.dv)
    os_ = layout_shape(cfg, cfg.hq, cfg.sq, cfg.dv)
    seq = 2 if cfg.layout == "bhsd" else 1
    dyn = (0, seq) if cfg.dynamic else ()
    dt = cfg.dtype
    tq, tk, tv, to = (ttype(qs, dt, dyn), ttype(ks, dt, dyn),
                      ttype(vs, dt, dyn), ttype(os_, dt, dyn))
    args = [f"%q: {tq}", f"%k: {tk}", f"%v: {tv}"]
    mask_clause = ""
    tm = None
    if mask is not None:
        tm = ttype(cfg.mask_dims(), cfg.mask_dtype)
        args.append(f"%m: {tm}")
        mask_clause = f" mask(%m : {tm})"
    attrs = []
    if cfg.scale:
        attrs.append(f"scale = {cfg.scale:.9e}")
    if cfg.causal != "none":
        attrs.append(f"causal = {cfg.causal}")
    if cfg.window:
        attrs.append(f"window = [{cfg.window[0]}, {cfg.window[1]}]")
    if cfg.softcap:
        attrs.append(f"softcap = {cfg.softcap:.9e}")
    if cfg.layout != "bhsd":
        attrs.append(f"layout = {cfg.layout}")
    fn = [f"func.func @attn{idx}({', '.join(args)}) -> {to} {{"]
    if cfg.dynamic:
        fn.append(f"  %c0 = arith.constant 0 : index")
        fn.append(f"  %c{seq} = arith.constant {seq} : index")
        fn.append(f"  %db = tensor.dim %q, %c0 : {tq}")
        fn.append(f"  %ds = tensor.dim %q, %c{seq} : {tq}")
        fn.append(f"  %init = tensor.empty(%db, %ds) : {to}")
    else:
        fn.append(f"  %init = tensor.empty() : {to}")
    fn.append(f"  %r = attn.attention ins(%q, %k, %v : {tq}, {tk}, {tv})"
              f"{mask_clause} outs(%init : {to}) {' '.join(attrs)} -> {to}")
    fn.append(f"  return %r : {to}")
    fn.append("}")

    sq, sk, sv, so = (ttype(qs, dt), ttype(ks, dt), ttype(vs, dt),
                      ttype(os_, dt))
    main = [f"  %q{idx} = arith.constant dense<{fmt_dense(q, dt)}> : {sq}",
            f"  %k{idx} = arith.constant dense<{fmt_dense(k, dt)}> : {sk}",
            f"  %v{idx} = arith.constant dense<{fmt_dense(v, dt)}> : {sv}"]
    call_args = [f"%q{idx}", f"%k{idx}", f"%v{idx}"]
    call_types = [tq, tk, tv]
    if cfg.dynamic:
        for name, st, dyt in (("q", sq, tq), ("k", sk, tk), ("v", sv, tv)):
            main.append(f"  %{name}{idx}d = tensor.cast %{name}{idx} : "
                        f"{st} to {dyt}")
        call_args = [f"%q{idx}d", f"%k{idx}d", f"%v{idx}d"]
    if mask is not None:
        main.append(f"  %m{idx} = arith.constant "
                    f"dense<{fmt_dense(mask, cfg.mask_dtype)}> : {tm}")
        call_args.append(f"%m{idx}")
        call_types.append(tm)
    main.append(f"  %r{idx} = call @attn{idx}({', '.join(call_args)}) : "
                f"({', '.join(call_types)}) -> {to}")
    res = f"%r{idx}"
    if cfg.dynamic:
        main.append(f"  %r{idx}s = tensor.cast %r{idx} : {to} to {so}")
        res = f"%r{idx}s"
    if dt != "f32":
        f32t = ttype(os_, "f32")
        main.append(f"  %e{idx}i = tensor.empty() : {f32t}")
        main.append(
            f"  %e{idx} = linalg.generic {{indexing_maps = [affine_map<(a, b, c, d) -> (a, b, c, d)>, "
            f"affine_map<(a, b, c, d) -> (a, b, c, d)>], iterator_types = "
            f"[\"parallel\", \"parallel\", \"parallel\", \"parallel\"]}} "
            f"ins({res} : {so}) outs(%e{idx}i : {f32t}) {{\n"
            f"  ^bb0(%x: {dt}, %y: f32):\n"
            f"    %z = arith.extf %x : {dt} to f32\n"
            f"    linalg.yield %z : f32\n  }} -> {f32t}")
        res = f"%e{idx}"
        so = f32t
    main.append(f"  %u{idx} = tensor.cast {res} : {so} to tensor<*xf32>")
    main.append(f"  call @printMemrefF32(%u{idx}) : (tensor<*xf32>) -> ()")
    want = reference(cfg, q, k, v, mask)
    if cfg.layout == "bshd":
        # The program prints the result in [B, Sq, Hq, Dv] order.
        want = [[[want[b][h][i] for h in range(cfg.hq)]
                 for i in range(cfg.sq)] for b in range(cfg.b)]
    return "\n".join(fn), "\n".join(main), flatten(want)


def flatten(t):
    if isinstance(t, list):
        out = []
        for x in t:
            out.extend(flatten(x))
        return out
    return [t]


def emit_module(cases, extra_funcs=""):
    funcs, mains, wants = [], [], []
    for idx, cfg in enumerate(cases):
        f, m, w = emit_case(cfg, idx)
        funcs.append(f)
        mains.append(m)
        wants.append(w)
    text = "\n\n".join(funcs) + "\n\nfunc.func @main() {\n" + \
        "\n".join(mains) + "\n  return\n}\n" + \
        "func.func private @printMemrefF32(tensor<*xf32>)\n" + extra_funcs
    return text, wants


# ----------------------------------------------------------------------------
# Running.
# ----------------------------------------------------------------------------

def find_tool(name, env_dir=None):
    repo_bin = os.path.join(os.path.dirname(os.path.dirname(
        os.path.dirname(os.path.abspath(__file__)))), "build", "bin")
    for d in filter(None, [env_dir, os.environ.get("ATTN_TOOLS_DIR"),
                           repo_bin, "/usr/lib/llvm-22/bin"]):
        p = os.path.join(d, name)
        if os.path.exists(p):
            return p
    p = shutil.which(name)
    if not p:
        sys.exit(f"attn_check: cannot find {name}")
    return p


# Extra libraries for mlir-runner (--shared-libs, e.g. the CUDA runtime) and,
# with --emit-exe DIR, native executables written there instead of run.
EXTRA_LIBS = []
EMIT_DIR = None


def runner_libs():
    lib = os.environ.get("MLIR_LIB_DIR", "/usr/lib/llvm-22/lib")
    return ",".join([os.path.join(lib, x) for x in
                     ["libmlir_runner_utils.so", "libmlir_c_runner_utils.so", "libomp.so"]]
                    + EXTRA_LIBS)


def emit_executable(llvm, workdir, tag):
    """Compiles the LLVM-dialect file `llvm` to EMIT_DIR/tag.exe, linked with
    the --shared-libs libraries (rpath $ORIGIN: copy them next to it) and the
    host helpers that replace MLIR's runner utilities (GPU device machines
    have no MLIR)."""
    ll = os.path.join(workdir, f"{tag}.ll")
    r = subprocess.run([find_tool("mlir-translate"), "--mlir-to-llvmir", llvm,
                        "-o", ll], capture_output=True, text=True)
    if r.returncode != 0:
        sys.stderr.write(r.stderr)
        sys.exit(f"attn_check: mlir-translate failed on {llvm}")
    with open(ll) as f:
        text = f.read()
    with open(ll, "w") as f:
        f.write(text.replace("define void @main()",
                             "define void @attn_check_main()"))
    stub = os.path.join(workdir, "attn_check_stub.c")
    with open(stub, "w") as f:
        f.write("void attn_check_main(void);\n"
                "int main(void) { attn_check_main(); return 0; }\n")
    helpers = os.path.join(os.path.dirname(os.path.dirname(
        os.path.abspath(__file__))), "Integration", "GPU", "CUDA", "Inputs",
        "attn_host_utils.c")
    exe = os.path.join(EMIT_DIR, f"{tag}.exe")
    cc = [find_tool("clang-22"), "-O2", "-Wno-override-module", ll, stub,
          helpers, "-o", exe, "-Wl,-rpath,$ORIGIN", "-Wl,--allow-shlib-undefined", "-lm"]
    for lib in EXTRA_LIBS:
        cc += ["-L" + os.path.dirname(os.path.abspath(lib)),
               "-l:" + os.path.basename(lib)]
    r = subprocess.run(cc, capture_output=True, text=True)
    if r.returncode != 0:
        sys.stderr.write(r.stderr)
        sys.exit(f"attn_check: clang failed: {' '.join(cc)}")
    return exe


def compile_and_run(text, pipeline, workdir, tag):
    src = os.path.join(workdir, f"{tag}.mlir")
    with open(src, "w") as f:
        f.write(text)
    llvm = os.path.join(workdir, f"{tag}.llvm.mlir")
    opt = [find_tool("attn-opt"), src, f"--pass-pipeline=builtin.module({pipeline})",
           "-o", llvm]
    r = subprocess.run(opt, capture_output=True, text=True)
    if r.returncode != 0:
        sys.stderr.write(r.stderr)
        sys.exit(f"attn_check: attn-opt failed on {src}: {' '.join(opt)}")
    if EMIT_DIR:
        emit_executable(llvm, workdir, tag)
        return None
    run = [find_tool("mlir-runner"), llvm, "-e", "main",
           "-entry-point-result=void", f"-shared-libs={runner_libs()}"]
    r = subprocess.run(run, capture_output=True, text=True)
    if r.returncode != 0:
        sys.stderr.write(r.stderr)
        sys.exit(f"attn_check: mlir-runner failed on {llvm}")
    return r.stdout


NUM = re.compile(r"-?inf|nan|-nan|[-+]?\d+(?:\.\d*)?(?:[eE][-+]?\d+)?")


def parse_prints(out):
    """Splits printMemrefF32 output into one list of floats per print."""
    results = []
    for chunk in out.split("Unranked Memref")[1:]:
        data = chunk.split("data =", 1)[1]
        results.append([float(x) for x in NUM.findall(data)])
    return results


def compare(cfg, got, want):
    atol, rtol = TOL[cfg.dtype]
    if len(got) != len(want):
        return False, f"printed {len(got)} values, expected {len(want)}", 0.0
    worst = 0.0
    for n, (g, w) in enumerate(zip(got, want)):
        err = abs(g - w)
        if not (err <= atol + rtol * abs(w)):
            return False, f"element {n}: got {g}, want {w:.7g} " \
                f"(|diff| = {err:.3g} > {atol} + {rtol} * |want|)", err
        worst = max(worst, err)
    return True, "", worst


def save_expectations(cases, wants, tag):
    """Writes EMIT_DIR/tag.expect.json: what `verify` compares a run with."""
    import json
    with open(os.path.join(EMIT_DIR, f"{tag}.expect.json"), "w") as f:
        json.dump([{"describe": c.describe(), "dtype": c.dtype, "want": w}
                   for c, w in zip(cases, wants)], f)


def verify(expect, out, name):
    """Compares the printed output `out` of an emitted executable with the
    expectations file `expect`; returns the number of failures."""
    import json
    with open(expect) as f:
        cases = json.load(f)
    prints = parse_prints(out)
    if len(prints) != len(cases):
        print(f"FAIL [{name}]: {len(prints)} results printed, expected "
              f"{len(cases)}")
        return len(cases)
    failures = 0
    for case, got in zip(cases, prints):
        cfg = Config(dtype=case["dtype"])
        ok, why, worst = compare(cfg, got, case["want"])
        print(f"{'ok  ' if ok else 'FAIL'} [{name}] {case['describe']}  "
              f"max|err|={worst:.2e}" + ("" if ok else f"  {why}"))
        failures += 0 if ok else 1
    return failures


def check_batch(cases, pipelines, workdir, tag):
    text, wants = emit_module(cases)
    failures = 0
    for pname, pipeline in pipelines:
        out = compile_and_run(text, pipeline, workdir, f"{tag}-{pname}")
        if out is None:
            save_expectations(cases, wants, f"{tag}-{pname}")
            continue
        prints = parse_prints(out)
        if len(prints) != len(cases):
            print(f"FAIL [{pname}] {tag}: {len(prints)} results printed, "
                  f"expected {len(cases)}")
            return len(cases)
        for cfg, got, want in zip(cases, prints, wants):
            ok, why, worst = compare(cfg, got, want)
            status = "ok  " if ok else "FAIL"
            print(f"{status} [{pname}] {cfg.describe()}  max|err|={worst:.2e}"
                  + ("" if ok else f"  {why}"))
            failures += 0 if ok else 1
    return failures


PIPELINES = {
    "reference": "attn-cpu-pipeline{flash=false}",
    "flash": "attn-cpu-pipeline",
    "flash-small": "attn-cpu-pipeline{query-tile=4 key-tile=8}",
    "flash-odd": "attn-cpu-pipeline{query-tile=3 key-tile=5}",
}


def parse_window(s):
    if not s:
        return None
    left, right = s.split(",")
    return (int(left), int(right))


def random_config(rng, seed):
    dtype = rng.choice(["f32", "f32", "f16", "bf16"])
    hkv = rng.choice([1, 1, 2, 3])
    group = rng.choice([1, 2, 3])
    sq = rng.choice([1, 2, 3, 5, 7, 13, 17, 31, 33, 40])
    skv = rng.choice([1, 2, 4, 5, 9, 16, 17, 31, 37, 65])
    d = rng.choice([1, 3, 4, 8, 16])
    dv = rng.choice([d, d, 1, 5, 8])
    cfg = Config(b=rng.choice([1, 1, 2, 3]), hq=hkv * group, hkv=hkv, sq=sq,
                 skv=skv, d=d, dv=dv, dtype=dtype,
                 layout=rng.choice(["bhsd", "bshd"]),
                 causal=rng.choice(["none", "none", "top_left",
                                    "bottom_right"]),
                 dynamic=rng.random() < 0.25, seed=seed)
    if rng.random() < 0.25:
        cfg.window = (rng.choice([-1, 0, 1, 3, 8]), rng.choice([-1, 0, 2, 5]))
    if rng.random() < 0.2:
        cfg.softcap = rng.choice([1.5, 5.0, 30.0])
    if rng.random() < 0.3:
        cfg.scale = rng.choice([0.05, 0.3, 1.0, -0.5])
    r = rng.random()
    if r < 0.45:
        cfg.mask = rng.choice(["bool", "float"])
        shapes = [["b", "h", "q", "k"], ["b", 1, 1, "k"], ["b", 1, "q", "k"],
                  ["q", "k"], ["k"], [1, "h", "q", "k"], [1, 1]]
        cfg.mask_shape = rng.choice(shapes)
        cfg.mask_dtype = "i1" if cfg.mask == "bool" else \
            rng.choice(["f32", dtype])
    return cfg


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("single", help="one configuration")
    for name, default in [("b", 1), ("hq", 2), ("hkv", None), ("sq", 5),
                          ("skv", None), ("d", 8), ("dv", None),
                          ("seed", 0)]:
        s.add_argument(f"--{name}", type=int, default=default)
    s.add_argument("--dtype", default="f32", choices=["f32", "f16", "bf16"])
    s.add_argument("--layout", default="bhsd", choices=["bhsd", "bshd"])
    s.add_argument("--causal", default="none",
                   choices=["none", "top_left", "bottom_right"])
    s.add_argument("--window", default=None, help="left,right (-1: none)")
    s.add_argument("--softcap", type=float, default=None)
    s.add_argument("--scale", type=float, default=None)
    s.add_argument("--mask", default="none", choices=["none", "bool", "float"])
    s.add_argument("--mask-shape", default="b,h,q,k",
                   help="comma list over b,h,q,k or 1, trailing-aligned")
    s.add_argument("--mask-dtype", default=None)
    s.add_argument("--dynamic", action="store_true")
    s.add_argument("--repeat", type=int, default=1,
                   help="this many ops of the configuration in one program "
                        "(inputs from seeds seed, seed+1, ...): identical "
                        "ops, as the layers of a model, share a kernel")
    s.add_argument("--mask-min", action="store_true",
                   help="float masks: the type's lowest finite value "
                        "(finfo.min) where they would be -inf")
    r = sub.add_parser("random", help="randomized differential sweep")
    r.add_argument("--count", type=int, default=200)
    r.add_argument("--seed", type=int, default=None)
    r.add_argument("--batch", type=int, default=25)
    for p in (s, r):
        p.add_argument("--pipeline", action="append",
                       help="reference, flash, or a textual pipeline "
                            "(default: reference and flash)")
        p.add_argument("--keep", help="directory for the generated files")
        p.add_argument("--shared-libs", action="append", default=[],
                       help="extra library for mlir-runner (e.g. "
                            "libattn_cuda_runtime.so)")
        p.add_argument("--emit-exe", metavar="DIR",
                       help="write native executables and .expect.json "
                            "files to DIR instead of running (GPU device "
                            "machines have no MLIR)")
        p.add_argument("--tag", default="batch",
                       help="file name prefix with --emit-exe")
    vp = sub.add_parser("verify", help="check an --emit-exe executable's "
                        "output (stdin) against its .expect.json")
    vp.add_argument("expect")
    args = ap.parse_args()
    if args.cmd == "verify":
        failures = verify(args.expect, sys.stdin.read(),
                          os.path.basename(args.expect))
        print(f"{'FAILED' if failures else 'PASSED'}: {failures} failed")
        sys.exit(1 if failures else 0)
    global EMIT_DIR
    EXTRA_LIBS.extend(os.path.abspath(x) for x in args.shared_libs)
    if args.emit_exe:
        EMIT_DIR = os.path.abspath(args.emit_exe)
        os.makedirs(EMIT_DIR, exist_ok=True)

    pipelines = []
    for p in args.pipeline or ["reference", "flash"]:
        pipelines.append((p, PIPELINES[p]) if p in PIPELINES
                         else (f"p{len(pipelines)}", p))
    workdir = args.keep or tempfile.mkdtemp(prefix="attn_check")
    os.makedirs(workdir, exist_ok=True)

    if args.cmd == "single":
        shape = [x if x in "bhqk" else int(x)
                 for x in args.mask_shape.split(",")] if args.mask_shape \
            else None
        cfg = Config(b=args.b, hq=args.hq, hkv=args.hkv, sq=args.sq,
                     skv=args.skv, d=args.d, dv=args.dv, dtype=args.dtype,
                     layout=args.layout, causal=args.causal,
                     window=parse_window(args.window), softcap=args.softcap,
                     scale=args.scale, mask=args.mask, mask_shape=shape,
                     mask_dtype=args.mask_dtype, dynamic=args.dynamic,
                     mask_min=args.mask_min,
                     seed=args.seed)
        cases = [cfg]
        for k in range(1, max(args.repeat, 1)):
            other = Config.__new__(Config)
            other.__dict__.update(cfg.__dict__)
            other.seed = cfg.seed + k
            cases.append(other)
        args.batch = len(cases)
    else:
        seed = args.seed if args.seed is not None else \
            int(time.time()) % 100000
        print(f"attn_check random: seed {seed}, {args.count} configurations")
        rng = random.Random(seed)
        cases = [random_config(rng, seed * 1000 + n)
                 for n in range(args.count)]

    failures = 0
    for start in range(0, len(cases), getattr(args, "batch", 1) or 1):
        batch = cases[start:start + (getattr(args, "batch", 1) or 1)]
        failures += check_batch(batch, pipelines, workdir,
                                f"{args.tag}{start}")
    total = len(cases) * len(pipelines)
    print(f"{total - failures} passed, {failures} failed")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
