#!/usr/bin/env python3
"""Writes the PTX embedded in the gpu.binary ops of an MLIR file.

attn-nvvm-pipeline{format=isa} embeds each kernel module's PTX as the
`assembly` string of a #gpu.object; this tool prints it (MLIR's \\XX escapes
decoded), so that ptxas and FileCheck can read it:

  attn-opt x.mlir --pass-pipeline='builtin.module(attn-nvvm-pipeline{format=isa})' \\
    | gpu_extract_ptx.py - > x.ptx && ptxas -arch=sm_90 -v x.ptx
"""

import re
import sys


def extract(text):
    out = []
    for m in re.finditer(r'assembly = "((?:[^"\\]|\\.)*)"', text):
        s = m.group(1)
        s = re.sub(r"\\([0-9A-Fa-f]{2})", lambda x: chr(int(x.group(1), 16)),
                   s)
        out.append(s.replace('\\"', '"').replace("\\\\", "\\"))
    return out


def main():
    import argparse
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("input", nargs="?", default="-")
    ap.add_argument("--index", type=int, default=None,
                    help="only the N-th gpu.object (each is a PTX module of "
                         "its own; ptxas takes one at a time)")
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
    sys.stdout.write("\n".join(ptx))


if __name__ == "__main__":
    main()
