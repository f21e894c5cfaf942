#!/usr/bin/env python3
"""Compares two outputs of printMemrefF32 (or any text of numbers).

Usage: compare_outputs.py REF OUT [--rtol R] [--atol A]

Every number after the first line that starts with `Unranked Memref` or
`Memref` (the printed header, whose shapes and strides are skipped) is read
in order from both files; the files must hold the same count, and each pair
must satisfy |out - ref| <= atol + rtol * |ref| (NaN only matches NaN).
Prints the count and the maximum absolute and relative errors; exits 1 on a
mismatch.
"""

import argparse
import math
import re
import sys

NUMBER = re.compile(r"[-+]?(?:nan|inf|(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)",
                    re.IGNORECASE)


def read_numbers(path):
    values = []
    with open(path) as f:
        for line in f:
            # The header line holds the rank, offset, sizes and strides.
            if "Memref" in line and "base@" in line:
                continue
            for tok in NUMBER.findall(line):
                values.append(float(tok))
    return values


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("ref")
    parser.add_argument("out")
    parser.add_argument("--rtol", type=float, default=1e-4)
    parser.add_argument("--atol", type=float, default=1e-5)
    args = parser.parse_args()
    ref = read_numbers(args.ref)
    out = read_numbers(args.out)
    if not ref:
        print("error: no numbers in %s" % args.ref)
        return 1
    if len(ref) != len(out):
        print("error: %d numbers in %s but %d in %s" %
              (len(ref), args.ref, len(out), args.out))
        return 1
    max_abs = max_rel = 0.0
    bad = 0
    first_bad = None
    for k, (r, o) in enumerate(zip(ref, out)):
        if math.isnan(r) or math.isnan(o):
            ok = math.isnan(r) and math.isnan(o)
            err = 0.0 if ok else math.inf
        else:
            err = abs(o - r)
            ok = err <= args.atol + args.rtol * abs(r)
        max_abs = max(max_abs, err)
        if r != 0:
            max_rel = max(max_rel, err / abs(r))
        if not ok:
            bad += 1
            if first_bad is None:
                first_bad = (k, r, o)
    print("compared %d values: max abs error %g, max rel error %g" %
          (len(ref), max_abs, max_rel))
    if bad:
        k, r, o = first_bad
        print("error: %d values differ beyond rtol=%g atol=%g; first at "
              "index %d: ref %r, out %r" % (bad, args.rtol, args.atol, k, r, o))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
