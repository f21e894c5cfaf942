#!/usr/bin/env python3
"""Time a KV-cache decoder's causal mask, raised structurally or densely.

A frontend chain (Q.K^T, scale, keep-condition select, softmax, P.V; f32,
B = 1, H heads, D = 64, dynamic Sq and Skv) with the bottom-right causal
mask of a decoder that attends to a cache, `j <= i + off`, is compiled
through `attn-cpu-pipeline` in three forms and timed in one program:

  structural  off = Skv - Sq from tensor.dim: attn-fuse-attention reads the
              offset symbolically and raises `causal = bottom_right`, so
              the flash lowering skips the key tiles above the diagonal
  dense       the same offset passed as a function argument (its value is
              unknown to the compiler): raised with a dense [Sq, Skv] i1
              mask evaluated once, no tile skipped
  unfused     the chain through upstream's lowering (fuse=false
              flash=false), which materialises the scores (skipped above
              --unfused-max-skv)

Each form runs --reps times after one warm-up; the table gives the median
ms and the ratio to the dense form, and checks that the three forms print
the same checksum. Usage:
  kv_cache_mask.py [--sq 512 1] [--skv 2048 4096] [--heads 8] [--reps 5]
"""

import argparse
import os
import sys
import tempfile

import chain_bench

ROOT = chain_bench.ROOT

CHAIN = """
func.func @{name}(%q: tensor<1x{h}x?x64xf32>, %k: tensor<1x{h}x?x64xf32>,
                  %v: tensor<1x{h}x?x64xf32>, %n: index) -> tensor<1x{h}x?x64xf32> {{
  %zero = arith.constant 0.0 : f32
  %ninf = arith.constant 0xFF800000 : f32
  %scale = arith.constant 0.125 : f32
  %c2 = arith.constant 2 : index
  %sq = tensor.dim %q, %c2 : tensor<1x{h}x?x64xf32>
  %skv = tensor.dim %k, %c2 : tensor<1x{h}x?x64xf32>
  %off = {offset}
  %e = tensor.empty(%sq, %skv) : tensor<1x{h}x?x?xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<1x{h}x?x?xf32>) -> tensor<1x{h}x?x?xf32>
  %s = linalg.generic {{indexing_maps = [#q, #k, #s], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]}} ins(%q, %k : tensor<1x{h}x?x64xf32>, tensor<1x{h}x?x64xf32>) outs(%f : tensor<1x{h}x?x?xf32>) {{
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %mm = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %mm : f32
    linalg.yield %r : f32
  }} -> tensor<1x{h}x?x?xf32>
  %ss = linalg.generic {{indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]}} ins(%s : tensor<1x{h}x?x?xf32>) outs(%e : tensor<1x{h}x?x?xf32>) {{
  ^bb0(%a: f32, %o: f32):
    %r = arith.mulf %a, %scale : f32
    %i = linalg.index 2 : index
    %j = linalg.index 3 : index
    %lim = arith.addi %i, %off : index
    %keep = arith.cmpi sle, %j, %lim : index
    %r1 = arith.select %keep, %r, %ninf : f32
    linalg.yield %r1 : f32
  }} -> tensor<1x{h}x?x?xf32>
  %er = tensor.empty(%sq) : tensor<1x{h}x?xf32>
  %fm = linalg.fill ins(%ninf : f32) outs(%er : tensor<1x{h}x?xf32>) -> tensor<1x{h}x?xf32>
  %mx = linalg.generic {{indexing_maps = [#id, #row], iterator_types = ["parallel", "parallel", "parallel", "reduction"]}} ins(%ss : tensor<1x{h}x?x?xf32>) outs(%fm : tensor<1x{h}x?xf32>) {{
  ^bb0(%a: f32, %acc: f32):
    %m0 = arith.maximumf %a, %acc : f32
    linalg.yield %m0 : f32
  }} -> tensor<1x{h}x?xf32>
  %ex = linalg.generic {{indexing_maps = [#id, #row, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]}} ins(%ss, %mx : tensor<1x{h}x?x?xf32>, tensor<1x{h}x?xf32>) outs(%e : tensor<1x{h}x?x?xf32>) {{
  ^bb0(%a: f32, %b: f32, %o: f32):
    %d = arith.subf %a, %b : f32
    %x = math.exp %d : f32
    linalg.yield %x : f32
  }} -> tensor<1x{h}x?x?xf32>
  %fs = linalg.fill ins(%zero : f32) outs(%er : tensor<1x{h}x?xf32>) -> tensor<1x{h}x?xf32>
  %sum = linalg.generic {{indexing_maps = [#id, #row], iterator_types = ["parallel", "parallel", "parallel", "reduction"]}} ins(%ex : tensor<1x{h}x?x?xf32>) outs(%fs : tensor<1x{h}x?xf32>) {{
  ^bb0(%a: f32, %acc: f32):
    %s0 = arith.addf %a, %acc : f32
    linalg.yield %s0 : f32
  }} -> tensor<1x{h}x?xf32>
  %p = linalg.generic {{indexing_maps = [#id, #row, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]}} ins(%ex, %sum : tensor<1x{h}x?x?xf32>, tensor<1x{h}x?xf32>) outs(%e : tensor<1x{h}x?x?xf32>) {{
  ^bb0(%a: f32, %b: f32, %o: f32):
    %x = arith.divf %a, %b : f32
    linalg.yield %x : f32
  }} -> tensor<1x{h}x?x?xf32>
  %eo = tensor.empty(%sq) : tensor<1x{h}x?x64xf32>
  %fo = linalg.fill ins(%zero : f32) outs(%eo : tensor<1x{h}x?x64xf32>) -> tensor<1x{h}x?x64xf32>
  %o = linalg.generic {{indexing_maps = [#p, #v, #o], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]}} ins(%p, %v : tensor<1x{h}x?x?xf32>, tensor<1x{h}x?x64xf32>) outs(%fo : tensor<1x{h}x?x64xf32>) {{
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %mm = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %mm : f32
    linalg.yield %r : f32
  }} -> tensor<1x{h}x?x64xf32>
  return %o : tensor<1x{h}x?x64xf32>
}}
"""

MAIN = chain_bench.FILL + """
func.func @main() {{
  %sq = arith.constant {sq} : index
  %skv = arith.constant {skv} : index
  %n = arith.constant {off} : index
  %eq = tensor.empty(%sq) : tensor<1x{h}x?x64xf32>
  %ek = tensor.empty(%skv) : tensor<1x{h}x?x64xf32>
  %s1 = arith.constant 0.3 : f32
  %s2 = arith.constant 1.1 : f32
  %s3 = arith.constant 2.3 : f32
  %q = call @fill(%eq, %s1) : (tensor<1x{h}x?x64xf32>, f32) -> tensor<1x{h}x?x64xf32>
  %k = call @fill(%ek, %s2) : (tensor<1x{h}x?x64xf32>, f32) -> tensor<1x{h}x?x64xf32>
  %v = call @fill(%ek, %s3) : (tensor<1x{h}x?x64xf32>, f32) -> tensor<1x{h}x?x64xf32>
""" + chain_bench.TIMED_LOOP.replace(
    "{call}", "%o = func.call @{name}(%q, %k, %v, %n) : (tensor<1x{h}x?x64xf32>, "
    "tensor<1x{h}x?x64xf32>, tensor<1x{h}x?x64xf32>, index) -> "
    "tensor<1x{h}x?x64xf32>").replace("{otype}", "tensor<1x{h}x?x64xf32>")

MAPS = """
#q = affine_map<(b, h, i, j, d) -> (b, h, i, d)>
#k = affine_map<(b, h, i, j, d) -> (b, h, j, d)>
#s = affine_map<(b, h, i, j, d) -> (b, h, i, j)>
#p = affine_map<(b, h, i, e, j) -> (b, h, i, j)>
#v = affine_map<(b, h, i, e, j) -> (b, h, j, e)>
#o = affine_map<(b, h, i, e, j) -> (b, h, i, e)>
#id = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#row = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>
"""


def run(tools, work, form, sq, skv, heads, reps):
    offset = ("arith.subi %skv, %sq : index" if form == "structural"
              else "arith.addi %n, %c0i : index")
    src = MAPS + CHAIN.format(name="attn", h=heads, offset=offset)
    if form != "structural":
        src = src.replace("  %off = ", "  %c0i = arith.constant 0 : index\n  %off = ")
    src += MAIN.format(name="attn", h=heads, sq=sq, skv=skv, off=skv - sq,
                       reps1=reps + 1)
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
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sq", type=int, nargs="+", default=[512, 1])
    ap.add_argument("--skv", type=int, nargs="+", default=[2048, 4096])
    ap.add_argument("--heads", type=int, default=8)
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--unfused-max-skv", type=int, default=2048)
    ap.add_argument("--tools", default=os.environ.get(
        "ATTN_TOOLS_DIR", os.path.join(ROOT, "build", "bin")))
    args = ap.parse_args()
    print(f"f32, B = 1, H = {args.heads}, D = 64, "
          f"OMP_NUM_THREADS = {os.environ.get('OMP_NUM_THREADS', 'all')}, "
          f"median of {args.reps}")
    print("| Sq | Skv | form | raised as | ms | x dense |")
    print("|---|---|---|---|---|---|")
    bad = False
    with tempfile.TemporaryDirectory() as work:
        for sq in args.sq:
            for skv in args.skv:
                if skv < sq:
                    continue
                res = {}
                for form in ["dense", "structural", "unfused"]:
                    if form == "unfused" and skv > args.unfused_max_skv:
                        continue
                    res[form] = run(args.tools, work, form, sq, skv,
                                    args.heads, args.reps)
                base = res["dense"][0]
                ref = res["dense"][1]
                for form, (ms, checksum, how) in res.items():
                    ok = abs(checksum - ref) <= 1e-3 * max(1.0, abs(ref))
                    bad |= not ok
                    print(f"| {sq} | {skv} | {form} | {how} | {ms:.2f} | "
                          f"{base / ms:.2f}{'' if ok else ' CHECKSUM DIFFERS'} |")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
