#!/usr/bin/env python3
"""Peak memory of compiled attention as the sequence grows.

Compiles the causal GQA attention block of scripts/attn_demo.py (B=1, one
query head and one key/value head by default, D=64, f32) at each sequence
length through two pipelines and runs it once under mlir-runner:

  flash      attn-cpu-pipeline (online softmax, tiles of Tq x Tk)
  unfused    attn-cpu-pipeline{flash=false}: the reference chain that
             materialises the B x H x S x S score tensor

and prints the peak resident set size of the mlir-runner process (the
kernel's ru_maxrss for that child), next to the size of the inputs and the
output and of one S x S f32 matrix. The JIT itself costs a constant that the
S=1 row shows. Usage: peak_memory.py [--seq 1024 4096 16384] [--skip-unfused-above N]
"""

import argparse
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "scripts"))
import attn_demo  # noqa: E402


def peak_rss_mib(cmd):
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    if status != 0:
        sys.stderr.write(proc.stderr.read().decode())
        sys.exit(f"failed: {' '.join(cmd)}")
    return usage.ru_maxrss / 1024.0


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seq", type=int, nargs="+", default=[1024, 4096, 16384])
    ap.add_argument("--heads", type=int, default=1)
    ap.add_argument("--head-dim", type=int, default=64)
    ap.add_argument("--skip-unfused-above", type=int, default=1 << 30)
    args = ap.parse_args()
    work = tempfile.mkdtemp(prefix="attn_mem")
    lib = os.environ.get("MLIR_LIB_DIR", "/usr/lib/llvm-22/lib")
    libs = ",".join(os.path.join(lib, x) for x in
                    ["libmlir_runner_utils.so", "libmlir_c_runner_utils.so", "libomp.so"])
    print(f"peak RSS of mlir-runner, causal attention B=1 H={args.heads} "
          f"D={args.head_dim} f32 (files in {work})")
    print(f"{'S':>7s} {'in+out MiB':>11s} {'SxS f32 MiB':>12s} "
          f"{'flash MiB':>10s} {'unfused MiB':>12s}")
    for s in [1] + args.seq:
        text = attn_demo.build_program(1, s, args.heads, args.heads,
                                       args.head_dim, 0)
        # Print only one element so printing does not dominate.
        text = text.replace(
            "  %u = tensor.cast %r0", "  %u0 = tensor.extract_slice %r0[0, 0, 0, 0] "
            f"[1, 1, 1, 1] [1, 1, 1, 1] : tensor<1x{s}x{args.heads}x{args.head_dim}xf32> "
            "to tensor<1x1x1x1xf32>\n  %u = tensor.cast %u0").replace(
            f"%u = tensor.cast %u0 : tensor<1x{s}x{args.heads}x{args.head_dim}xf32>",
            "%u = tensor.cast %u0 : tensor<1x1x1x1xf32>")
        row = []
        for tag, pipeline in [("flash", "attn-cpu-pipeline"),
                              ("unfused", "attn-cpu-pipeline{flash=false}")]:
            if tag == "unfused" and s > args.skip_unfused_above:
                row.append(float("nan"))
                continue
            src = os.path.join(work, f"{tag}{s}.mlir")
            out = os.path.join(work, f"{tag}{s}.llvm.mlir")
            with open(src, "w") as f:
                f.write(text)
            subprocess.run([attn_demo.tool("attn-opt"), src,
                            f"--pass-pipeline=builtin.module({pipeline})",
                            "-o", out], check=True)
            row.append(peak_rss_mib([attn_demo.tool("mlir-runner"), out, "-e",
                                     "main", "-entry-point-result=void",
                                     f"-shared-libs={libs}", "-O3"]))
        io = 4.0 * s * args.heads * args.head_dim * 4 / 2**20
        sxs = 4.0 * s * s * args.heads / 2**20
        print(f"{s:7d} {io:11.1f} {sxs:12.1f} {row[0]:10.1f} {row[1]:12.1f}",
              flush=True)


if __name__ == "__main__":
    main()
