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

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "test", "lib"))

REPS = 2


def shapes(seqs, dims, dtypes, causals):
    for dt in dtypes:
        for d in dims:
            for causal in causals:
                for s in seqs:
                    yield dict(dtype=dt, d=d, causal=causal, s=s,
                               b=max(1, 16384 // s), h=2048 // d)


def program(c):
    t = f"tensor<{c['b']}x{c['h']}x{c['s']}x{c['d']}x{c['dtype']}>"
    causal = " causal = top_left" if c["causal"] else ""
    return f"""
func.func @attn(%q: {t}, %k: {t}, %v: {t}) -> {t} {{
  %init = tensor.empty() : {t}
  %r = attn.attention ins(%q, %k, %v : {t}, {t}, {t}) outs(%init : {t}){causal} -> {t}
  return %r : {t}
}}
func.func @main() {{
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %n = arith.constant {REPS} : index
  %x = arith.constant 0.0625 : {c['dtype']}
  %y = arith.constant -0.03125 : {c['dtype']}
  %e = tensor.empty() : {t}
  %q = linalg.fill ins(%x : {c['dtype']}) outs(%e : {t}) -> {t}
  %k = linalg.fill ins(%y : {c['dtype']}) outs(%e : {t}) -> {t}
  scf.for %i = %c0 to %n step %c1 {{
    %r = func.call @attn(%q, %k, %q) : ({t}, {t}, {t}) -> {t}
  }}
  return
}}
"""


def name(c):
    return (f"{c['dtype']}_d{c['d']}_s{c['s']}"
            f"{'_causal' if c['causal'] else ''}")


def emit(args):
    import attn_check
    os.makedirs(args.dir, exist_ok=True)
    attn_check.EMIT_DIR = os.path.abspath(args.dir)
    attn_check.EXTRA_LIBS.append(os.path.abspath(args.runtime))
    work = os.path.join(args.dir, "work")
    os.makedirs(work, exist_ok=True)
    configs = []
    for c in shapes([int(x) for x in args.seqs.split(",")],
                    [int(x) for x in args.dims.split(",")],
                    args.dtypes.split(","), [False, True]):
        tag = name(c)
        text = program(c)
        pipeline = (f"attn-nvvm-pipeline{{chip={args.chip} "
                    f"warps={args.warps}}}")
        attn_check.compile_and_run(text, pipeline, work, tag)
        c["exe"] = tag + ".exe"
        configs.append(c)
        print(f"emitted {tag}", flush=True)
    with open(os.path.join(args.dir, "bench.json"), "w") as f:
        json.dump({"reps": REPS, "configs": configs}, f, indent=1)


def flops(c):
    f = 4.0 * c["b"] * c["h"] * c["s"] * c["s"] * c["d"]
    return f / 2 if c["causal"] else f


def torch_time(c, backend):
    import torch
    from torch.nn.attention import SDPBackend, sdpa_kernel
    dt = {"f16": torch.float16, "bf16": torch.bfloat16,
          "f32": torch.float32}[c["dtype"]]
    q, k, v = (torch.randn(c["b"], c["h"], c["s"], c["d"], device="cuda",
                           dtype=dt) for _ in range(3))
    be = {"flash": SDPBackend.FLASH_ATTENTION,
          "cudnn": SDPBackend.CUDNN_ATTENTION}[backend]
    try:
        with sdpa_kernel(be):
            fn = lambda: torch.nn.functional.scaled_dot_product_attention(
                q, k, v, is_causal=c["causal"])
            for _ in range(3):
                fn()
            torch.cuda.synchronize()
            start = torch.cuda.Event(enable_timing=True)
            stop = torch.cuda.Event(enable_timing=True)
            n = 10
            start.record()
            for _ in range(n):
                fn()
            stop.record()
            torch.cuda.synchronize()
            return start.elapsed_time(stop) / n
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
    print(f"{'config':28} {'ours':>8} {'flash':>8} {'cudnn':>8} "
          f"{'ours/flash':>10} {'ours/cudnn':>10}")
    for c in bench["configs"]:
        env = dict(os.environ, ATTN_CUDA_TIMING="1")
        exe = os.path.join(args.dir, c["exe"])
        try:
            r = subprocess.run([exe], capture_output=True, text=True, env=env,
                               timeout=args.timeout)
        except subprocess.TimeoutExpired:
            print(f"{name(c):28} timeout after {args.timeout}s")
            continue
        m = re.search(r"(\d+) kernel launches, ([0-9.]+) ms kernel time",
                      r.stderr)
        if r.returncode != 0 or not m or int(m.group(1)) == 0:
            print(f"{name(c):28} FAILED rc={r.returncode}: "
                  f"{r.stderr.strip()[-300:]}")
            continue
        ours_ms = float(m.group(2)) / int(m.group(1))
        tf = lambda ms: flops(c) / (ms * 1e-3) / 1e12 if ms else None
        ours = tf(ours_ms)
        flash = tf(torch_time(c, "flash")) if torch else None
        cudnn = tf(torch_time(c, "cudnn")) if torch else None
        fmt = lambda x: f"{x:8.2f}" if x else f"{'-':>8}"
        ratio = lambda a, b: f"{a / b:10.3f}" if a and b else f"{'-':>10}"
        print(f"{name(c):28} {fmt(ours)} {fmt(flash)} {fmt(cudnn)} "
              f"{ratio(ours, flash)} {ratio(ours, cudnn)}", flush=True)


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
    e.add_argument("--seqs", default="1024,4096,16384")
    e.add_argument("--dims", default="64,128")
    e.add_argument("--dtypes", default="f16,bf16")
    r = sub.add_parser("run")
    r.add_argument("dir")
    r.add_argument("--timeout", type=int, default=60)
    args = ap.parse_args()
    emit(args) if args.cmd == "emit" else run(args)


if __name__ == "__main__":
    main()
