#!/usr/bin/env python3
"""Writes the PTX embedded in the gpu.binary ops of an MLIR file.

attn-nvvm-pipeline{format=isa} embeds each kernel module's PTX as the
`assembly` string of a #gpu.object; this tool prints it (MLIR's \\XX escapes
decoded), so that ptxas and FileCheck can read it:

  attn-opt x.mlir --pass-pipeline='builtin.module(attn-nvvm-pipeline{format=isa})' \\
    | gpu_extract_ptx.py - > x.ptx && ptxas -arch=sm_90 -v x.ptx

With --ptxas PATH --arch sm_XX it instead runs ptxas -v on every object and
prints one line per function: its name, registers and spill bytes.
"""

import os
import re
import subprocess
import sys
import tempfile


def extract(text):
    out = []
    for m in re.finditer(r'assembly = "((?:[^"\\]|\\.)*)"', text):
        s = m.group(1)
        s = re.sub(r"\\([0-9A-Fa-f]{2})", lambda x: chr(int(x.group(1), 16)),
                   s)
        out.append(s.replace('\\"', '"').replace("\\\\", "\\"))
    return out


def ptxas_stats(ptxas, arch, ptx):
    """ptxas -v's figures for each function of one PTX module."""
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "k.ptx")
        with open(path, "w") as f:
            f.write(ptx)
        r = subprocess.run([ptxas, "-arch=" + arch, "-v", path, "-o",
                            os.path.join(tmp, "k.cubin")],
                           capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit("gpu_extract_ptx: ptxas failed:\n" + r.stderr)
    rows, name = [], None
    for line in r.stderr.splitlines():
        m = re.search(r"Function properties for (\S+)", line)
        if m:
            name = m.group(1)
            rows.append([name, "?", "?", "?"])
            continue
        m = re.search(r"(\d+) bytes spill stores, (\d+) bytes spill loads",
                      line)
        if m and rows:
            rows[-1][2], rows[-1][3] = m.group(1), m.group(2)
        m = re.search(r"Used (\d+) registers", line)
        if m and rows:
            rows[-1][1] = m.group(1)
    return ["%s: %s registers, %s bytes spill stores, %s bytes spill loads"
            % tuple(r) for r in rows]


def main():
    import argparse
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("input", nargs="?", default="-")
    ap.add_argument("--index", type=int, default=None,
                    help="only the N-th gpu.object (each is a PTX module of "
                         "its own; ptxas takes one at a time)")
    ap.add_argument("--ptxas", default=None,
                    help="run this ptxas -v on each object and print each "
                         "function's registers and spills instead")
    ap.add_argument("--arch", default="sm_80", help="ptxas -arch (--ptxas)")
    args = ap.parse_args()
    text = sys.stdin.read() if args.input == "-" else open(args.input).read()
    ptx = extract(text)
    if not ptx:
        sys.exit("gpu_extract_ptx: no gpu.object with an assembly string "
                 "(compile with format=isa)")
    if args.index is not None:
        if args.index >= len(ptx):
            sys.exit(f"gpu_extract_ptx: {len(ptx)} objects, no index "
                     f"{args.index}")
        ptx = [ptx[args.index]]
    if args.ptxas:
        for p in ptx:
            print("\n".join(ptxas_stats(args.ptxas, args.arch, p)))
        return
    sys.stdout.write("\n".join(ptx))


if __name__ == "__main__":
    main()
