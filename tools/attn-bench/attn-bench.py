#!/usr/bin/env python3
"""attn-bench: compile and time attention on the CPU.

For every configuration (B, H, S, D, causal, element type) the tool writes an
MLIR module holding one attn.attention in destination-passing style, compiles
it twice with attn-opt to object files with the C interface
(`attn-cpu-pipeline{emit-c-interface}`: the flash path; and with
`flash=false fuse=false`: the unfused reference chain through upstream's
lowering), links them with tools/attn-bench/harness.cpp and runs the result
for each thread count. The harness also times a straightforward C++
implementation and measures the machine's FMA peak (an FMA loop on the same
threads), so every row's ratios come from one run:

  ms         median time of the compiled flash kernel
  GFLOP/s    4*B*H*D per visible (query, key) pair / time (Sq*S pairs, about
             half of them for causal)
  GB/s       bytes of Q, K, V and the output / time (the figure that
             matters when decoding, --sq 1: the K/V cache is read once)
  %peak      GFLOP/s over the measured FMA peak of the same thread count
  x unfused  time of the unfused reference / time of the flash kernel
  x C++      time of the straightforward C++ / time of the flash kernel

The unfused reference materialises B*H*S*S floats; it is skipped above
--ref-max-seq, and the (slow) C++ baseline above --cxx-max-seq. The
result is checked against the C++ baseline when that runs (err column:
max |flash - C++|), otherwise against the unfused reference.

Examples:
  attn-bench.py                                  # a quick table
  attn-bench.py --bh 8 --seq 1024 2048 4096 8192 --dim 64 128 --threads 1 2
  attn-bench.py --dtype f16 bf16 --causal 0 1
  attn-bench.py --bh 32 --hkv 8 --seq 4096 --sq 1 --dim 128 --causal 0
                                                 # decoding, GQA 4:1
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
LLVM_BIN = "/usr/lib/llvm-22/bin"
LLVM_LIB = os.environ.get("MLIR_LIB_DIR", "/usr/lib/llvm-22/lib")


def tool(name):
    for d in [os.environ.get("ATTN_TOOLS_DIR"), os.path.join(ROOT, "build", "bin"),
              LLVM_BIN]:
        if d and os.path.exists(os.path.join(d, name)):
            return os.path.join(d, name)
    found = shutil.which(name)
    if not found:
        sys.exit(f"attn-bench: cannot find {name}")
    return found


def run(cmd, **kw):
    r = subprocess.run(cmd, capture_output=True, text=True, **kw)
    if r.returncode != 0:
        sys.stderr.write(r.stdout + r.stderr)
        sys.exit(f"attn-bench: failed: {' '.join(cmd)}")
    return r.stdout


def module_text(name, b, h, hkv, sq, s, d, causal, dtype):
    tq = f"{b}x{h}x{sq}x{d}x{dtype}"
    tkv = f"{b}x{hkv}x{s}x{d}x{dtype}"
    # Bottom-right causal (the last query sees every key) when the query and
    # key lengths differ, as in decoding; the two coincide when they agree.
    kind = "top_left" if sq == s else "bottom_right"
    attrs = f" causal = {kind}" if causal else ""
    return f"""
func.func @{name}(%qm: memref<{tq}>, %km: memref<{tkv}>, %vm: memref<{tkv}>,
                  %om: memref<{tq}>) attributes {{llvm.emit_c_interface}} {{
  %q = bufferization.to_tensor %qm restrict : memref<{tq}> to tensor<{tq}>
  %k = bufferization.to_tensor %km restrict : memref<{tkv}> to tensor<{tkv}>
  %v = bufferization.to_tensor %vm restrict : memref<{tkv}> to tensor<{tkv}>
  %init = tensor.empty() : tensor<{tq}>
  %r = attn.attention ins(%q, %k, %v : tensor<{tq}>, tensor<{tkv}>, tensor<{tkv}>)
       outs(%init : tensor<{tq}>){attrs} -> tensor<{tq}>
  bufferization.materialize_in_destination %r in restrict writable %om
      : (tensor<{tq}>, memref<{tq}>) -> ()
  return
}}
"""


def compile_object(work, name, text, pipeline):
    src = os.path.join(work, f"{name}.mlir")
    with open(src, "w") as f:
        f.write(text)
    llvm = os.path.join(work, f"{name}.llvm.mlir")
    ll = os.path.join(work, f"{name}.ll")
    obj = os.path.join(work, f"{name}.o")
    run([tool("attn-opt"), src, f"--pass-pipeline=builtin.module({pipeline})",
         "-o", llvm])
    run([tool("mlir-translate"), "--mlir-to-llvmir", llvm, "-o", ll])
    run([tool("clang-22") if shutil.which("clang-22") else "clang", "-O3",
         "-march=native", "-c", ll, "-o", obj, "-Wno-override-module"])
    return obj


def build(work, cfg, args):
    b, h, hkv, sq, s, d, causal, dtype = cfg
    tag = f"b{b}h{h}kv{hkv}q{sq}s{s}d{d}c{int(causal)}{dtype}"
    flash = compile_object(
        work, f"flash_{tag}",
        module_text("attn_flash", b, h, hkv, sq, s, d, causal, dtype),
        f"attn-cpu-pipeline{{emit-c-interface {args.flash_options}}}")
    ref = compile_object(
        work, f"ref_{tag}",
        module_text("attn_ref", b, h, hkv, sq, s, d, causal, dtype),
        "attn-cpu-pipeline{emit-c-interface flash=false fuse=false openmp=false}")
    exe = os.path.join(work, f"bench_{tag}")
    bits = "32" if dtype == "f32" else "16"
    cxx = shutil.which("clang++-22") or "clang++"
    run([cxx, "-O3", "-march=native", "-fopenmp", "-std=c++17",
         f"-DATTN_BENCH_ELT_BITS={bits}",
         f"-DATTN_BENCH_BF16={1 if dtype == 'bf16' else 0}",
         os.path.join(HERE, "harness.cpp"), flash, ref, "-o", exe,
         f"-L{LLVM_LIB}", "-lomp", "-lmlir_c_runner_utils", "-lm",
         f"-Wl,-rpath,{LLVM_LIB}"])
    return exe


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bh", type=int, default=8, help="B*H (B=1, H=this)")
    ap.add_argument("--hkv", type=int,
                    help="K/V heads (GQA/MQA; default: B*H, one per query "
                         "head); must divide --bh")
    ap.add_argument("--seq", type=int, nargs="+", default=[1024, 2048],
                    help="key/value length S (and query length unless --sq)")
    ap.add_argument("--sq", type=int, nargs="+",
                    help="query lengths (default: S), e.g. --sq 1 16 for "
                         "decoding against an S-long K/V cache")
    ap.add_argument("--dim", type=int, nargs="+", default=[64])
    ap.add_argument("--causal", type=int, nargs="+", default=[0, 1])
    ap.add_argument("--dtype", nargs="+", default=["f32"],
                    choices=["f32", "f16", "bf16"])
    ap.add_argument("--threads", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--ref-max-seq", type=int, default=2048)
    ap.add_argument("--cxx-max-seq", type=int, default=4096,
                    help="skip the C++ baseline above this S (it is slow)")
    ap.add_argument("--flash-options", default="",
                    help="extra attn-cpu-pipeline options, e.g. "
                         "'query-tile=64 key-tile=64'")
    ap.add_argument("--keep", help="directory for the generated files")
    args = ap.parse_args()
    hkv = args.hkv or args.bh
    if hkv <= 0 or args.bh % hkv:
        sys.exit("attn-bench: --hkv must be positive and divide --bh")
    work = args.keep or tempfile.mkdtemp(prefix="attn_bench")
    os.makedirs(work, exist_ok=True)
    print(f"attn-bench (files in {work}); flops = 4*B*H*D per visible "
          "(query, key) pair; GB/s = bytes of Q, K, V and the output over "
          "the time; times are medians")
    hdr = (f"{'dtype':>5s} {'B*H':>4s} {'Hkv':>4s} {'Sq':>6s} {'S':>6s} "
           f"{'D':>4s} {'causal':>6s} "
           f"{'thr':>3s} {'ms':>9s} {'GFLOP/s':>8s} {'%peak':>6s} "
           f"{'peak':>7s} {'GB/s':>6s} {'x unfused':>9s} {'x C++':>7s} "
           f"{'err':>8s}")
    print(hdr)
    print("-" * len(hdr))
    for dtype in args.dtype:
        for d in args.dim:
            for s in args.seq:
                for sq in (args.sq or [s]):
                    for causal in args.causal:
                        row(work, args, hkv, sq, s, d, causal, dtype)


def row(work, args, hkv, sq, s, d, causal, dtype):
    cfg = (1, args.bh, hkv, sq, s, d, bool(causal), dtype)
    exe = build(work, cfg, args)
    for t in args.threads:
        env = dict(os.environ, OMP_NUM_THREADS=str(t), OMP_PROC_BIND="true")
        out = run([exe, "1", str(args.bh), str(hkv), str(sq), str(s), str(d),
                   str(causal), str(args.reps),
                   "1" if max(s, sq) <= args.ref_max_seq else "0",
                   "1" if max(s, sq) <= args.cxx_max_seq else "0"],
                  env=env)
        kv = dict(x.split("=") for x in out.split())
        ms = float(kv["flash_ms"])
        gf = float(kv["gflops"])
        peak = float(kv["peak_gflops"])
        ref = float(kv["ref_ms"])
        naive = float(kv["naive_ms"])
        xcxx = f"{naive / ms:7.2f}" if naive == naive else f"{'skipped':>7s}"
        xref = f"{ref / ms:9.2f}" if ref == ref else f"{'skipped':>9s}"
        print(f"{dtype:>5s} {args.bh:4d} {hkv:4d} {sq:6d} {s:6d} {d:4d} "
              f"{'yes' if causal else 'no':>6s} {t:3d} "
              f"{ms:9.2f} {gf:8.2f} {100 * gf / peak:5.1f}% "
              f"{peak:7.1f} {float(kv['gbytes']):6.1f} {xref} {xcxx} "
              f"{float(kv['max_err_vs_naive']):8.1e}",
              flush=True)


if __name__ == "__main__":
    main()
