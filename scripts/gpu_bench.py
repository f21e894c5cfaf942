#!/usr/bin/env python3
"""GPU benchmark of attn-nvvm-pipeline against PyTorch SDPA.

`emit DIR` (here, with MLIR): writes one MLIR program per FlashAttention-2
paper shape (batch * seqlen = 16384, heads * head_dim = 2048), compiles each
to a native executable in DIR (attn-opt attn-nvvm-pipeline -> mlir-translate
-> clang-22, linked with libattn_cuda_runtime.so, rpath $ORIGIN) and writes
DIR/bench.json listing them.

`run DIR` (on the device, no MLIR; torch there): runs each executable with
ATTN_CUDA_TIMING=1 (the runtime sums the kernel times), times torch SDPA with
the flash and cuDNN backends on the same shapes in the same process, and
prints TFLOP/s and the ratios.
"""

import argparse
import json
import os
import re
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "test", "lib"))

REPS = 7


def shapes(seqs, dims, dtypes, causals):
    for dt in dtypes:
        for d in dims:
            for causal in causals:
                for s in seqs:
                    yield dict(dtype=dt, d=d, causal=causal, s=s,
                               b=max(1, 16384 // s), h=2048 // d)


def program(c):
    # Q has c["sq"] rows (decoding: 1) where given, else as many as K/V.
    sq = c.get("sq", c["s"])
    hkv = c.get("hkv", c["h"])  # GQA decoding rows: fewer K/V heads
    t = f"tensor<{c['b']}x{hkv}x{c['s']}x{c['d']}x{c['dtype']}>"
    tq = f"tensor<{c['b']}x{c['h']}x{sq}x{c['d']}x{c['dtype']}>"
    causal = " causal = top_left" if c["causal"] else ""
    # Pseudo-random inputs in [-0.5, 0.5) from a hash of the element index
    # (filled on the host, outside the timed kernels): never constants or
    # zeros, which can run faster than real data.
    dt = c["dtype"]
    result = (f"linalg.yield %v : f32" if dt == "f32" else
              f"%r = arith.truncf %v : f32 to {dt}\n    linalg.yield %r : {dt}")

    def fill(seed, t=t, e="%e", rows=c["s"], heads=hkv):
        dims = (c["b"], heads, rows, c["d"])
        return f"""
  %f{seed} = linalg.generic {{indexing_maps = [affine_map<(a, b, c, d) -> (a, b, c, d)>],
      iterator_types = ["parallel", "parallel", "parallel", "parallel"]}}
      outs({e} : {t}) {{
  ^bb0(%o: {c['dtype']}):
    %i0 = linalg.index 0 : index
    %i1 = linalg.index 1 : index
    %i2 = linalg.index 2 : index
    %i3 = linalg.index 3 : index
    %h1 = arith.constant {dims[1]} : index
    %s1 = arith.constant {dims[2]} : index
    %d1 = arith.constant {dims[3]} : index
    %l0 = arith.muli %i0, %h1 : index
    %l1 = arith.addi %l0, %i1 : index
    %l2 = arith.muli %l1, %s1 : index
    %l3 = arith.addi %l2, %i2 : index
    %l4 = arith.muli %l3, %d1 : index
    %l5 = arith.addi %l4, %i3 : index
    %x = arith.index_cast %l5 : index to i64
    %m = arith.constant 2654435761 : i64
    %a = arith.constant {seed * 40503 + 12345} : i64
    %y0 = arith.muli %x, %m : i64
    %y1 = arith.addi %y0, %a : i64
    %sh = arith.constant 13 : i64
    %y2 = arith.shrui %y1, %sh : i64
    %mask = arith.constant 65535 : i64
    %y3 = arith.andi %y2, %mask : i64
    %fy = arith.uitofp %y3 : i64 to f32
    %inv = arith.constant 1.52587890625e-05 : f32
    %half = arith.constant 0.5 : f32
    %u = arith.mulf %fy, %inv : f32
    %v = arith.subf %u, %half : f32
    {result}
  }} -> {t}"""
    return f"""
func.func @attn(%q: {tq}, %k: {t}, %v: {t}) -> {tq} {{
  %init = tensor.empty() : {tq}
  %r = attn.attention ins(%q, %k, %v : {tq}, {t}, {t}) outs(%init : {tq}){causal} -> {tq}
  return %r : {tq}
}}
func.func @main() {{
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %n = arith.constant {REPS} : index
  %e = tensor.empty() : {t}
  %eq = tensor.empty() : {tq}
  {fill(1, tq, "%eq", sq, c["h"])}
  {fill(2)}
  {fill(3)}
  scf.for %i = %c0 to %n step %c1 {{
    %r = func.call @attn(%f1, %f2, %f3) : ({tq}, {t}, {t}) -> {tq}
  }}
  return
}}
"""


def name(c):
    label = f" [{c['variant']}]" if c.get("variant") else ""
    if "sq" in c:  # decoding rows: batch, heads, query rows, keys
        gqa = f"_hkv{c['hkv']}" if c.get("hkv", c["h"]) != c["h"] else ""
        return (f"{c['dtype']}_d{c['d']}_b{c['b']}_h{c['h']}{gqa}_q{c['sq']}"
                f"_kv{c['s']}{label}")
    return (f"{c['dtype']}_d{c['d']}_s{c['s']}"
            f"{'_causal' if c['causal'] else ''}{label}")


def tag_of(c):
    return re.sub(r"[^A-Za-z0-9_]+", "_", name(c)).strip("_")


def emit(args):
    import attn_check
    os.makedirs(args.dir, exist_ok=True)
    attn_check.EMIT_DIR = os.path.abspath(args.dir)
    attn_check.EXTRA_LIBS.append(os.path.abspath(args.runtime))
    work = os.path.join(args.dir, "work")
    os.makedirs(work, exist_ok=True)
    causals = {"both": [False, True], "causal": [True],
               "none": [False]}[args.causal]
    configs = list(shapes([int(x) for x in args.seqs.split(",") if x],
                           [int(x) for x in args.dims.split(",")],
                           args.dtypes.split(","), causals))
    # Extra rows: "LABEL=OPTIONS" variants of the pipeline on the variant
    # shapes (tile sweeps), and the f32 SIMT path.
    for v in args.variant:
        label, _, opts = v.partition("=")
        opts = opts.replace(",", " ")  # "a=1,b=2": several options
        for c in shapes([int(x) for x in args.variant_seqs.split(",")],
                        [int(x) for x in args.variant_dims.split(",")],
                        ["f16"], [False, True]):
            c["variant"], c["options"] = label, opts
            configs.append(c)
    for c in shapes([int(x) for x in args.f32_seqs.split(",") if x], [128],
                    ["f32"], [False]):
        configs.append(c)
    # Head sizes over 128 (the mma.sync kernel; H * D = 2048 as above).
    for c in shapes([int(x) for x in args.wide_seqs.split(",") if x],
                    [int(x) for x in args.wide_dims.split(",") if x],
                    ["f16"], [False, True]):
        configs.append(c)
        wide_variants = (["wk16=mma-key-tile=16"]
                         if args.wide_variant is None else
                         [v for v in args.wide_variant if v])
        for v in wide_variants if c["s"] == 4096 else []:
            label, _, opts = v.partition("=")
            configs.append(dict(c, variant=label,
                                options=opts.replace(",", " ")))
    # Decoding rows: "B,H,SQ,SKV[,HKV]" (f16, D = 128, not causal; HKV < H:
    # GQA), the GQA ones also with every --decode-variant's options.
    for spec in args.decode.split():
        b, h, sq, skv, *rest = (int(x) for x in spec.split(","))
        row = dict(dtype="f16", d=128, causal=False, s=skv, sq=sq, b=b, h=h)
        if rest:
            row["hkv"] = rest[0]
        configs.append(row)
        for v in args.decode_variant if rest else []:
            if not v:
                continue
            label, _, opts = v.partition("=")
            configs.append(dict(row, variant=label,
                                options=opts.replace(",", " ")))
    for c in configs:
        tag = tag_of(c)
        text = program(c)
        # A variant's options replace the common ones (--options).
        opts = c["options"] if "variant" in c else args.options
        pipeline = (f"attn-nvvm-pipeline{{chip={args.chip} "
                    f"warps={args.warps} {opts.replace(',', ' ')}}}")
        attn_check.compile_and_run(text, pipeline, work, tag)
        c["exe"] = tag + ".exe"
        print(f"emitted {tag}", flush=True)
    with open(os.path.join(args.dir, "bench.json"), "w") as f:
        json.dump({"reps": REPS, "configs": configs}, f, indent=1)


def flops(c):
    f = 4.0 * c["b"] * c["h"] * c.get("sq", c["s"]) * c["s"] * c["d"]
    return f / 2 if c["causal"] else f


def torch_time(c, backend):
    import torch
    from torch.nn.attention import SDPBackend, sdpa_kernel
    dt = {"f16": torch.float16, "bf16": torch.bfloat16,
          "f32": torch.float32}[c["dtype"]]
    hkv = c.get("hkv", c["h"])
    q, k, v = (torch.randn(c["b"], heads, rows, c["d"], device="cuda",
                           dtype=dt)
               for heads, rows in ((c["h"], c.get("sq", c["s"])),
                                   (hkv, c["s"]), (hkv, c["s"])))
    be = {"flash": SDPBackend.FLASH_ATTENTION,
          "cudnn": SDPBackend.CUDNN_ATTENTION,
          "efficient": SDPBackend.EFFICIENT_ATTENTION}[backend]
    try:
        with sdpa_kernel(be):
            sdpa = torch.nn.functional.scaled_dot_product_attention
            fn = lambda: sdpa(q, k, v, is_causal=c["causal"])
            if hkv != c["h"]:
                # GQA: enable_gqa (torch >= 2.5) where the backend takes it,
                # else K/V repeated per query head before the timed calls.
                try:
                    sdpa(q, k, v, enable_gqa=True)
                    fn = lambda: sdpa(q, k, v, enable_gqa=True)
                except Exception as e:
                    print(f"  torch {backend}: no enable_gqa ({type(e).__name__}"
                          f"): K/V repeated", file=sys.stderr)
                    g = c["h"] // hkv
                    kr = k.repeat_interleave(g, dim=1)
                    vr = v.repeat_interleave(g, dim=1)
                    fn = lambda: sdpa(q, kr, vr)
            for _ in range(3):
                fn()
            torch.cuda.synchronize()
            # Median of individually timed calls, as the runtime times ours.
            times = []
            for _ in range(REPS):
                start = torch.cuda.Event(enable_timing=True)
                stop = torch.cuda.Event(enable_timing=True)
                start.record()
                fn()
                stop.record()
                torch.cuda.synchronize()
                times.append(start.elapsed_time(stop))
            times.sort()
            return times[len(times) // 2]
    except Exception as e:  # backend unsupported for this dtype/shape
        print(f"  torch {backend}: {type(e).__name__}: {e}", file=sys.stderr)
        return None


def run(args):
    with open(os.path.join(args.dir, "bench.json")) as f:
        bench = json.load(f)
    try:
        import torch
        card = torch.cuda.get_device_name(0)
    except Exception:
        torch, card = None, "unknown card"
    print(f"# attn-nvvm-pipeline vs torch SDPA on {card}; TFLOP/s (forward)")
    print(f"{'config':40} {'ours':>8} {'flash':>8} {'cudnn':>8} {'mem-eff':>8}"
          f" {'ours/flash':>10} {'ours/cudnn':>10} {'ours/best':>10}")
    baselines = {}
    start = time.monotonic()
    # Rows of the default options first (paper shapes, head sizes over 128,
    # decoding), then f32, then the variants (tile sweeps): a budget cut
    # drops the exploratory rows.
    configs = sorted(bench["configs"],
                     key=lambda c: 2 if "variant" in c else
                     1 if c["dtype"] == "f32" else 0)
    for i, c in enumerate(configs):
        # A time budget for the whole table (the device call has one): rows
        # not started within it are skipped, and said so.
        if args.budget and time.monotonic() - start > args.budget:
            print(f"# time budget of {args.budget} s reached: "
                  f"{len(configs) - i} rows not run")
            break
        env = dict(os.environ, ATTN_CUDA_TIMING="1")
        exe = os.path.join(args.dir, c["exe"])
        try:
            r = subprocess.run([exe], capture_output=True, text=True, env=env,
                               timeout=args.timeout)
        except subprocess.TimeoutExpired:
            print(f"{name(c):40} timeout after {args.timeout}s")
            continue
        m = re.search(r"(\d+) kernel launches, ([0-9.]+) ms kernel time, "
                      r"median ([0-9.]+) ms", r.stderr)
        if r.returncode != 0 or not m or int(m.group(1)) == 0:
            print(f"{name(c):40} FAILED rc={r.returncode}: "
                  f"{r.stderr.strip()[-300:]}")
            continue
        # One launch per call: the median launch; more (split-KV adds a
        # combining kernel): the mean kernel time per call.
        reps = bench.get("reps", REPS)
        ours_ms = (float(m.group(3)) if int(m.group(1)) == reps
                   else float(m.group(2)) / reps)
        tf = lambda ms: flops(c) / (ms * 1e-3) / 1e12 if ms else None
        ours = tf(ours_ms)
        key = (c["dtype"], c["d"], c["s"], c["causal"], c["b"], c.get("sq"),
               c.get("hkv"))
        if key not in baselines:  # variants reuse their shape's baselines
            baselines[key] = [tf(torch_time(c, be)) if torch else None
                              for be in ("flash", "cudnn", "efficient")]
        flash, cudnn, eff = baselines[key]
        best = max([x for x in (flash, cudnn, eff) if x], default=None)
        fmt = lambda x: f"{x:8.2f}" if x else f"{'-':>8}"
        ratio = lambda a, b: f"{a / b:10.3f}" if a and b else f"{'-':>10}"
        print(f"{name(c):40} {fmt(ours)} {fmt(flash)} {fmt(cudnn)} {fmt(eff)}"
              f" {ratio(ours, flash)} {ratio(ours, cudnn)} {ratio(ours, best)}",
              flush=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    e = sub.add_parser("emit")
    e.add_argument("dir")
    e.add_argument("--runtime", required=True,
                   help="path of libattn_cuda_runtime.so")
    e.add_argument("--chip", default="sm_90")
    e.add_argument("--warps", type=int, default=4)
    e.add_argument("--options", default="",
                   help="attn-nvvm-pipeline options for every row but the "
                        "variants (comma- or space-separated)")
    e.add_argument("--seqs", default="1024,4096,16384")
    e.add_argument("--dims", default="64,128")
    e.add_argument("--causal", choices=["both", "causal", "none"],
                   default="both",
                   help="the main rows: causal and not (default), or one")
    e.add_argument("--dtypes", default="f16,bf16")
    e.add_argument("--variant", action="append", default=[],
                   metavar="LABEL=OPT[,OPT...]",
                   help="also time the f16 variant shapes with these extra "
                        "attn-nvvm-pipeline options (repeatable)")
    e.add_argument("--variant-seqs", default="4096")
    e.add_argument("--variant-dims", default="64,128")
    e.add_argument("--decode", default="",
                   help="decoding rows, space-separated B,H,SQ,SKV[,HKV] "
                        "(f16, D = 128; HKV: K/V heads, GQA)")
    e.add_argument("--decode-variant", action="append", default=[],
                   metavar="LABEL=OPT[,OPT...]",
                   help="also time the decoding rows with these extra "
                        "attn-nvvm-pipeline options (repeatable)")
    e.add_argument("--wide-dims", default="256",
                   help="head sizes over 128 (f16 rows, --wide-seqs); "
                        "empty: none")
    e.add_argument("--wide-seqs", default="1024,4096")
    e.add_argument("--wide-variant", action="append", default=None,
                   help="LABEL=OPTIONS rows of the wide shapes at S = 4096 "
                        "(default: wk16=mma-key-tile=16, against the "
                        "default 32-key tiles; '' for none)")
    e.add_argument("--f32-seqs", default="1024,4096",
                   help="f32 rows (SIMT path), D = 128, not causal")
    r = sub.add_parser("run")
    r.add_argument("dir")
    r.add_argument("--timeout", type=int, default=60)
    r.add_argument("--budget", type=float, default=0,
                   help="seconds after which no further row starts (0: none)")
    args = ap.parse_args()
    emit(args) if args.cmd == "emit" else run(args)


if __name__ == "__main__":
    main()
