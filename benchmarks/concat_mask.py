#!/usr/bin/env python3
"""Time Hugging Face's legacy KV-cache causal mask built with torch.cat.

`_make_causal_mask` with `past_key_values_length = P` builds its mask as
`torch.cat([zeros(Sq, P), causal(Sq, Sq)], -1)` (finfo.min above the
diagonal), which torch-mlir lowers to a `tensor.concat`. A frontend chain
with that mask (f32, B = 1, H heads, D = 64, static sizes, Skv = P + Sq;
Q.K^T, scale, + mask, softmax, P.V) is compiled through
`attn-cpu-pipeline` in three forms and timed in one program each:

  raised      the zeros computed in the function: attn-fuse-attention reads
              the concatenation through (j < P or j - P <= i, i.e.
              j - i <= P) and raises `causal = bottom_right`, so the flash
              lowering skips the key tiles above the diagonal
  dense       the same zeros passed as an argument (a run-time tensor, as
              the raise read every concatenation before session 17): the
              concatenation is the op's dense [Sq, Skv] f32 mask, no tile
              is skipped
  unfused     the chain through upstream's lowering (fuse=false
              flash=false; skipped above --unfused-max-skv)

Each form runs --reps times after one warm-up; the table gives the median
ms and the ratio to the dense form, and checks that the forms print the same
checksum. Usage:
  concat_mask.py [--sq 512 1] [--past 1536 3584] [--heads 8] [--reps 5]
"""

import argparse
import os
import sys
import tempfile

import chain_bench

ROOT = chain_bench.ROOT

MAPS = """
#q = affine_map<(b, h, i, j, d) -> (b, h, i, d)>
#k = affine_map<(b, h, i, j, d) -> (b, h, j, d)>
#s = affine_map<(b, h, i, j, d) -> (b, h, i, j)>
#p = affine_map<(b, h, i, e, j) -> (b, h, i, j)>
#v = affine_map<(b, h, i, e, j) -> (b, h, j, e)>
#o = affine_map<(b, h, i, e, j) -> (b, h, i, e)>
#id = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#bc = affine_map<(d0, d1, d2, d3) -> (0, 0, d2, d3)>
#r2 = affine_map<(d0, d1) -> (d0, d1)>
#row = affine_map<(d0, d1) -> (d0)>
#col = affine_map<(d0, d1) -> (d1)>
#i1d = affine_map<(d0) -> (d0)>
"""

# {zeros}: how the [Sq, P] zeros are made (a fill, or the argument %z).
CHAIN = """
func.func @attn(%q: tensor<1x{h}x{sq}x64xf32>, %k: tensor<1x{h}x{skv}x64xf32>,
                %v: tensor<1x{h}x{skv}x64xf32>, %z: tensor<{sq}x{p}xf32>) -> tensor<1x{h}x{sq}x64xf32> {{
  %zero = arith.constant 0.0 : f32
  %min = arith.constant -3.40282347E+38 : f32
  %scale = arith.constant 0.125 : f32
  %one = arith.constant 1 : i64
  %fm = tensor.empty() : tensor<{sq}x{sq}xf32>
  %full = linalg.fill ins(%min : f32) outs(%fm : tensor<{sq}x{sq}xf32>) -> tensor<{sq}x{sq}xf32>
  %ae = tensor.empty() : tensor<{sq}xi64>
  %ar = linalg.generic {{indexing_maps = [#i1d], iterator_types = ["parallel"]}} outs(%ae : tensor<{sq}xi64>) {{
  ^bb0(%o: i64):
    %i = linalg.index 0 : index
    %ii = arith.index_cast %i : index to i64
    linalg.yield %ii : i64
  }} -> tensor<{sq}xi64>
  %mk = linalg.generic {{indexing_maps = [#col, #row, #r2, #r2], iterator_types = ["parallel", "parallel"]}} ins(%ar, %ar, %full : tensor<{sq}xi64>, tensor<{sq}xi64>, tensor<{sq}x{sq}xf32>) outs(%fm : tensor<{sq}x{sq}xf32>) {{
  ^bb0(%aj: i64, %ai: i64, %fv: f32, %o: f32):
    %ai1 = arith.addi %ai, %one : i64
    %lt = arith.cmpi slt, %aj, %ai1 : i64
    %r = arith.select %lt, %zero, %fv : f32
    linalg.yield %r : f32
  }} -> tensor<{sq}x{sq}xf32>
{zeros}
  %cat = tensor.concat dim(1) %zs, %mk : (tensor<{sq}x{p}xf32>, tensor<{sq}x{sq}xf32>) -> tensor<{sq}x{skv}xf32>
  %m4 = tensor.expand_shape %cat [[0, 1, 2], [3]] output_shape [1, 1, {sq}, {skv}] : tensor<{sq}x{skv}xf32> into tensor<1x1x{sq}x{skv}xf32>
  %e = tensor.empty() : tensor<1x{h}x{sq}x{skv}xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<1x{h}x{sq}x{skv}xf32>) -> tensor<1x{h}x{sq}x{skv}xf32>
  %s = linalg.generic {{indexing_maps = [#q, #k, #s], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]}} ins(%q, %k : tensor<1x{h}x{sq}x64xf32>, tensor<1x{h}x{skv}x64xf32>) outs(%f : tensor<1x{h}x{sq}x{skv}xf32>) {{
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %mm = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %mm : f32
    linalg.yield %r : f32
  }} -> tensor<1x{h}x{sq}x{skv}xf32>
  %ss = linalg.generic {{indexing_maps = [#id, #bc, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]}} ins(%s, %m4 : tensor<1x{h}x{sq}x{skv}xf32>, tensor<1x1x{sq}x{skv}xf32>) outs(%e : tensor<1x{h}x{sq}x{skv}xf32>) {{
  ^bb0(%a: f32, %mv: f32, %o: f32):
    %sc = arith.mulf %a, %scale : f32
    %r = arith.addf %sc, %mv : f32
    linalg.yield %r : f32
  }} -> tensor<1x{h}x{sq}x{skv}xf32>
  %sm = linalg.softmax dimension(3) ins(%ss : tensor<1x{h}x{sq}x{skv}xf32>) outs(%e : tensor<1x{h}x{sq}x{skv}xf32>) -> tensor<1x{h}x{sq}x{skv}xf32>
  %eo = tensor.empty() : tensor<1x{h}x{sq}x64xf32>
  %fo = linalg.fill ins(%zero : f32) outs(%eo : tensor<1x{h}x{sq}x64xf32>) -> tensor<1x{h}x{sq}x64xf32>
  %o = linalg.generic {{indexing_maps = [#p, #v, #o], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]}} ins(%sm, %v : tensor<1x{h}x{sq}x{skv}xf32>, tensor<1x{h}x{skv}x64xf32>) outs(%fo : tensor<1x{h}x{sq}x64xf32>) {{
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %mm = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %mm : f32
    linalg.yield %r : f32
  }} -> tensor<1x{h}x{sq}x64xf32>
  return %o : tensor<1x{h}x{sq}x64xf32>
}}
"""

FILL_ZEROS = """  %ze = tensor.empty() : tensor<{sq}x{p}xf32>
  %zs = linalg.fill ins(%zero : f32) outs(%ze : tensor<{sq}x{p}xf32>) -> tensor<{sq}x{p}xf32>"""
ARG_ZEROS = """  %zs = tensor.cast %z : tensor<{sq}x{p}xf32> to tensor<{sq}x{p}xf32>"""

MAIN = chain_bench.FILL + """
func.func @main() {{
  %sq = arith.constant {sq} : index
  %skv = arith.constant {skv} : index
  %eq = tensor.empty(%sq) : tensor<1x{h}x?x64xf32>
  %ek = tensor.empty(%skv) : tensor<1x{h}x?x64xf32>
  %s1 = arith.constant 0.3 : f32
  %s2 = arith.constant 1.1 : f32
  %s3 = arith.constant 2.3 : f32
  %qd = call @fill(%eq, %s1) : (tensor<1x{h}x?x64xf32>, f32) -> tensor<1x{h}x?x64xf32>
  %kd = call @fill(%ek, %s2) : (tensor<1x{h}x?x64xf32>, f32) -> tensor<1x{h}x?x64xf32>
  %vd = call @fill(%ek, %s3) : (tensor<1x{h}x?x64xf32>, f32) -> tensor<1x{h}x?x64xf32>
  %q = tensor.cast %qd : tensor<1x{h}x?x64xf32> to tensor<1x{h}x{sq}x64xf32>
  %k = tensor.cast %kd : tensor<1x{h}x?x64xf32> to tensor<1x{h}x{skv}x64xf32>
  %v = tensor.cast %vd : tensor<1x{h}x?x64xf32> to tensor<1x{h}x{skv}x64xf32>
  %zf = arith.constant 0.0 : f32
  %ze = tensor.empty() : tensor<{sq}x{p}xf32>
  %z = linalg.fill ins(%zf : f32) outs(%ze : tensor<{sq}x{p}xf32>) -> tensor<{sq}x{p}xf32>
""" + chain_bench.TIMED_LOOP.replace(
    "{call}", "%o = func.call @attn(%q, %k, %v, %z) : (tensor<1x{h}x{sq}x64xf32>, "
    "tensor<1x{h}x{skv}x64xf32>, tensor<1x{h}x{skv}x64xf32>, "
    "tensor<{sq}x{p}xf32>) -> tensor<1x{h}x{sq}x64xf32>").replace(
        "{otype}", "tensor<1x{h}x{sq}x64xf32>")


def run(tools, work, form, sq, past, heads, reps):
    skv = sq + past
    zeros = (FILL_ZEROS if form == "raised" else ARG_ZEROS).format(sq=sq, p=past)
    src = MAPS + CHAIN.format(h=heads, sq=sq, skv=skv, p=past, zeros=zeros)
    src += MAIN.format(h=heads, sq=sq, skv=skv, p=past, reps1=reps + 1)
    path = os.path.join(work, f"{form}_{sq}_{skv}.mlir")
    with open(path, "w") as f:
        f.write(src)
    ms, checksum, fused = chain_bench.run_program(tools, path,
                                                  form == "unfused")
    how = ("not raised (fuse=false)" if form == "unfused" else
           "causal" if "causal = bottom_right" in fused else
           "dense mask" if "mask(" in fused else "not raised")
    return ms, checksum, how


def main():
    ap = argparse.ArgumentParser(
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sq", type=int, nargs="+", default=[512, 1])
    ap.add_argument("--past", type=int, nargs="+", default=[1536, 3584])
    ap.add_argument("--heads", type=int, default=8)
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--unfused-max-skv", type=int, default=2048)
    ap.add_argument("--tools", default=os.environ.get(
        "ATTN_TOOLS_DIR", os.path.join(ROOT, "build", "bin")))
    args = ap.parse_args()
    print(f"f32, B = 1, H = {args.heads}, D = 64, "
          f"OMP_NUM_THREADS = {os.environ.get('OMP_NUM_THREADS', 'all')}, "
          f"median of {args.reps}")
    print("| Sq | past | Skv | form | raised as | ms | x dense |")
    print("|---|---|---|---|---|---|---|")
    bad = False
    with tempfile.TemporaryDirectory() as work:
        for sq in args.sq:
            for past in args.past:
                res = {}
                for form in ["dense", "raised", "unfused"]:
                    if form == "unfused" and sq + past > args.unfused_max_skv:
                        continue
                    res[form] = run(args.tools, work, form, sq, past,
                                    args.heads, args.reps)
                base, ref = res["dense"][0], res["dense"][1]
                for form, (ms, checksum, how) in res.items():
                    ok = abs(checksum - ref) <= 1e-3 * max(1.0, abs(ref))
                    bad |= not ok
                    print(f"| {sq} | {past} | {sq + past} | {form} | {how} | "
                          f"{ms:.2f} | {base / ms:.2f}"
                          f"{'' if ok else ' CHECKSUM DIFFERS'} |")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
