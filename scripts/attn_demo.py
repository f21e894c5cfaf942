#!/usr/bin/env python3
"""The main job: compile an attention block with attn-opt, run it, check it,
time it against the unfused baseline.

The embedded default model is a causal grouped-query attention block
(B=1, Hq=8, Hkv=2, S=512, D=64, f32), written as the unfused linalg chain a
frontend hands over (Q.K^T, scale, causal mask from index comparisons,
softmax, P.V). It is compiled twice through `attn-cpu-pipeline`:

  fused:    the default pipeline (raise into attn.attention, flash lowering,
            vectorised tiles, OpenMP, LLVM)
  baseline: the same program with `fuse=false flash=false`: the unfused
            chain through upstream's lowering, which materialises the full
            score matrix

Inputs are generated inside the program by an integer hash that this script
reproduces exactly, so the result can be checked against a float64 reference
computed here for a sample of rows (every row of a sampled (b, h) is checked
in full). Timing is the median of --reps calls measured with rtclock() in the
program itself.
"""

import argparse
import math
import os
import random
import re
import shutil
import statistics
import struct
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

MODEL = """
// Causal grouped-query attention written the way a frontend lowers it to
// linalg on tensors (BHSD: q [B, Hq, S, D], k/v [B, Hkv, S, D]): the Q.K^T
// contraction reading K head h / {G} through the indexing map, the scale, a
// causal mask from index comparisons, a max-subtracted softmax and P.V.
// attn-cpu-pipeline raises it into one attn.attention and lowers that to
// the flash kernel; the baseline lowers the same chain as it is.
#qm = affine_map<(b, h, i, j, d) -> (b, h, i, d)>
#km = affine_map<(b, h, i, j, d) -> (b, h floordiv {G}, j, d)>
#sm = affine_map<(b, h, i, j, d) -> (b, h, i, j)>
#pm = affine_map<(b, h, i, e, j) -> (b, h, i, j)>
#vm = affine_map<(b, h, i, e, j) -> (b, h floordiv {G}, j, e)>
#om = affine_map<(b, h, i, e, j) -> (b, h, i, e)>
#id = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#row = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>
func.func @attention_block(%q: tensor<{B}x{HQ}x{S}x{D}xf32>,
                           %k: tensor<{B}x{HKV}x{S}x{D}xf32>,
                           %v: tensor<{B}x{HKV}x{S}x{D}xf32>)
    -> tensor<{B}x{HQ}x{S}x{D}xf32> {{
  %zero = arith.constant 0.0 : f32
  %scale = arith.constant {SCALE} : f32
  %ninf = arith.constant 0xFF800000 : f32
  %es = tensor.empty() : tensor<{B}x{HQ}x{S}x{S}xf32>
  %fs = linalg.fill ins(%zero : f32) outs(%es : tensor<{B}x{HQ}x{S}x{S}xf32>) -> tensor<{B}x{HQ}x{S}x{S}xf32>
  %s = linalg.generic {{indexing_maps = [#qm, #km, #sm], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]}}
      ins(%q, %k : tensor<{B}x{HQ}x{S}x{D}xf32>, tensor<{B}x{HKV}x{S}x{D}xf32>) outs(%fs : tensor<{B}x{HQ}x{S}x{S}xf32>) {{
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %mm = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %mm : f32
    linalg.yield %r : f32
  }} -> tensor<{B}x{HQ}x{S}x{S}xf32>
  %ss = linalg.generic {{indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]}}
      ins(%s : tensor<{B}x{HQ}x{S}x{S}xf32>) outs(%es : tensor<{B}x{HQ}x{S}x{S}xf32>) {{
  ^bb0(%a: f32, %o: f32):
    %r = arith.mulf %a, %scale : f32
    %i = linalg.index 2 : index
    %j = linalg.index 3 : index
    %future = arith.cmpi ugt, %j, %i : index
    %r1 = arith.select %future, %ninf, %r : f32
    linalg.yield %r1 : f32
  }} -> tensor<{B}x{HQ}x{S}x{S}xf32>
  %er = tensor.empty() : tensor<{B}x{HQ}x{S}xf32>
  %fm = linalg.fill ins(%ninf : f32) outs(%er : tensor<{B}x{HQ}x{S}xf32>) -> tensor<{B}x{HQ}x{S}xf32>
  %mx = linalg.generic {{indexing_maps = [#id, #row], iterator_types = ["parallel", "parallel", "parallel", "reduction"]}}
      ins(%ss : tensor<{B}x{HQ}x{S}x{S}xf32>) outs(%fm : tensor<{B}x{HQ}x{S}xf32>) {{
  ^bb0(%a: f32, %acc: f32):
    %m = arith.maximumf %a, %acc : f32
    linalg.yield %m : f32
  }} -> tensor<{B}x{HQ}x{S}xf32>
  %ex = linalg.generic {{indexing_maps = [#id, #row, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]}}
      ins(%ss, %mx : tensor<{B}x{HQ}x{S}x{S}xf32>, tensor<{B}x{HQ}x{S}xf32>) outs(%es : tensor<{B}x{HQ}x{S}x{S}xf32>) {{
  ^bb0(%a: f32, %b: f32, %o: f32):
    %d = arith.subf %a, %b : f32
    %x = math.exp %d : f32
    linalg.yield %x : f32
  }} -> tensor<{B}x{HQ}x{S}x{S}xf32>
  %fz = linalg.fill ins(%zero : f32) outs(%er : tensor<{B}x{HQ}x{S}xf32>) -> tensor<{B}x{HQ}x{S}xf32>
  %sum = linalg.generic {{indexing_maps = [#id, #row], iterator_types = ["parallel", "parallel", "parallel", "reduction"]}}
      ins(%ex : tensor<{B}x{HQ}x{S}x{S}xf32>) outs(%fz : tensor<{B}x{HQ}x{S}xf32>) {{
  ^bb0(%a: f32, %acc: f32):
    %r = arith.addf %a, %acc : f32
    linalg.yield %r : f32
  }} -> tensor<{B}x{HQ}x{S}xf32>
  %pr = linalg.generic {{indexing_maps = [#id, #row, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]}}
      ins(%ex, %sum : tensor<{B}x{HQ}x{S}x{S}xf32>, tensor<{B}x{HQ}x{S}xf32>) outs(%es : tensor<{B}x{HQ}x{S}x{S}xf32>) {{
  ^bb0(%a: f32, %b: f32, %o: f32):
    %r = arith.divf %a, %b : f32
    linalg.yield %r : f32
  }} -> tensor<{B}x{HQ}x{S}x{S}xf32>
  %eo = tensor.empty() : tensor<{B}x{HQ}x{S}x{D}xf32>
  %fo = linalg.fill ins(%zero : f32) outs(%eo : tensor<{B}x{HQ}x{S}x{D}xf32>) -> tensor<{B}x{HQ}x{S}x{D}xf32>
  %o = linalg.generic {{indexing_maps = [#pm, #vm, #om], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]}}
      ins(%pr, %v : tensor<{B}x{HQ}x{S}x{S}xf32>, tensor<{B}x{HKV}x{S}x{D}xf32>) outs(%fo : tensor<{B}x{HQ}x{S}x{D}xf32>) {{
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %mm = arith.mulf %a, %b : f32
    %r = arith.addf %acc, %mm : f32
    linalg.yield %r : f32
  }} -> tensor<{B}x{HQ}x{S}x{D}xf32>
  return %o : tensor<{B}x{HQ}x{S}x{D}xf32>
}}
"""

HARNESS = """
#id4 = affine_map<(a, b, c, d) -> (a, b, c, d)>
// value(linear index n, salt) = ((n * 1103515245 + 12345 + salt) mod 2^31
//                                 mod 2001 - 1000) / 1000
func.func @fill(%t: tensor<{shape}xf32>, %salt: i64) -> tensor<{shape}xf32> {{
  %r = linalg.generic {{indexing_maps = [#id4],
      iterator_types = ["parallel", "parallel", "parallel", "parallel"]}}
      outs(%t : tensor<{shape}xf32>) {{
  ^bb0(%out: f32):
    %i0 = linalg.index 0 : index
    %i1 = linalg.index 1 : index
    %i2 = linalg.index 2 : index
    %i3 = linalg.index 3 : index
    %d1 = arith.constant {d1} : index
    %d2 = arith.constant {d2} : index
    %d3 = arith.constant {d3} : index
    %a = arith.muli %i0, %d1 : index
    %b = arith.addi %a, %i1 : index
    %c = arith.muli %b, %d2 : index
    %d = arith.addi %c, %i2 : index
    %e = arith.muli %d, %d3 : index
    %n = arith.addi %e, %i3 : index
    %ni = arith.index_cast %n : index to i64
    %m1 = arith.constant 1103515245 : i64
    %a1 = arith.constant 12345 : i64
    %p31 = arith.constant 2147483648 : i64
    %c2001 = arith.constant 2001 : i64
    %c1000 = arith.constant 1000 : i64
    %x0 = arith.muli %ni, %m1 : i64
    %x1 = arith.addi %x0, %a1 : i64
    %x2 = arith.addi %x1, %salt : i64
    %x3 = arith.remui %x2, %p31 : i64
    %x4 = arith.remui %x3, %c2001 : i64
    %x5 = arith.subi %x4, %c1000 : i64
    %f = arith.sitofp %x5 : i64 to f32
    %thousand = arith.constant 1000.0 : f32
    %v = arith.divf %f, %thousand : f32
    linalg.yield %v : f32
  }} -> tensor<{shape}xf32>
  return %r : tensor<{shape}xf32>
}}

func.func @main() {{
  %eq = tensor.empty() : tensor<{qshape}xf32>
  %ek = tensor.empty() : tensor<{kshape}xf32>
  %s0 = arith.constant 0 : i64
  %s1 = arith.constant 7 : i64
  %s2 = arith.constant 13 : i64
  %q = call @fill_q(%eq, %s0) : (tensor<{qshape}xf32>, i64) -> tensor<{qshape}xf32>
  %k = call @fill_k(%ek, %s1) : (tensor<{kshape}xf32>, i64) -> tensor<{kshape}xf32>
  %v = call @fill_k(%ek, %s2) : (tensor<{kshape}xf32>, i64) -> tensor<{kshape}xf32>
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %reps = arith.constant {reps} : index
  %r0 = call @attention_block(%q, %k, %v) : (tensor<{qshape}xf32>, tensor<{kshape}xf32>, tensor<{kshape}xf32>) -> tensor<{qshape}xf32>
  scf.for %i = %c0 to %reps step %c1 {{
    %t0 = func.call @rtclock() : () -> f64
    %r = func.call @attention_block(%q, %k, %v) : (tensor<{qshape}xf32>, tensor<{kshape}xf32>, tensor<{kshape}xf32>) -> tensor<{qshape}xf32>
    %t1 = func.call @rtclock() : () -> f64
    %dt = arith.subf %t1, %t0 : f64
    func.call @printTime(%dt) : (f64) -> ()
  }}
  %u = tensor.cast %r0 : tensor<{qshape}xf32> to tensor<*xf32>
  call @printMemrefF32(%u) : (tensor<*xf32>) -> ()
  return
}}

func.func @printTime(%t: f64) {{
  vector.print str "time_s "
  vector.print %t : f64
  return
}}
func.func private @rtclock() -> f64
func.func private @printMemrefF32(tensor<*xf32>)
"""


def hash_value(n, salt):
    x = (n * 1103515245 + 12345 + salt) % (1 << 31)
    x = x % 2001 - 1000
    return struct.unpack("f", struct.pack("f", x / 1000.0))[0]


def fill_funcs(name, shape):
    text = HARNESS.split("func.func @main()")[0]
    text = text.replace("@fill(", f"@fill_{name}(")
    text = text.replace("#id4 = affine_map<(a, b, c, d) -> (a, b, c, d)>\n", "")
    return text.format(shape="x".join(map(str, shape)), d1=shape[1],
                       d2=shape[2], d3=shape[3])


def build_program(b, s, hq, hkv, d, reps):
    qshape, kshape = [b, hq, s, d], [b, hkv, s, d]
    model = MODEL.format(B=b, S=s, HQ=hq, HKV=hkv, D=d, G=hq // hkv,
                         SCALE=repr(1.0 / math.sqrt(d)))
    main = "func.func @main()" + HARNESS.split("func.func @main()")[1]
    main = main.format(qshape="x".join(map(str, qshape)),
                       kshape="x".join(map(str, kshape)), reps=reps)
    return ("#id4 = affine_map<(a, b, c, d) -> (a, b, c, d)>\n" + model +
            fill_funcs("q", qshape) + fill_funcs("k", kshape) + main)


def tool(name):
    for d in [os.environ.get("ATTN_TOOLS_DIR"), os.path.join(ROOT, "build", "bin"),
              "/usr/lib/llvm-22/bin"]:
        if d and os.path.exists(os.path.join(d, name)):
            return os.path.join(d, name)
    return shutil.which(name) or sys.exit(f"cannot find {name}")


def run(text, pipeline, workdir, tag):
    src = os.path.join(workdir, f"{tag}.mlir")
    out = os.path.join(workdir, f"{tag}.llvm.mlir")
    with open(src, "w") as f:
        f.write(text)
    cmd = [tool("attn-opt"), src, f"--pass-pipeline=builtin.module({pipeline})",
           "-o", out]
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode:
        sys.stderr.write(r.stderr)
        sys.exit(f"attn-opt failed: {' '.join(cmd)}")
    lib = os.environ.get("MLIR_LIB_DIR", "/usr/lib/llvm-22/lib")
    libs = ",".join(os.path.join(lib, x) for x in
                    ["libmlir_runner_utils.so", "libmlir_c_runner_utils.so", "libomp.so"])
    cmd = [tool("mlir-runner"), out, "-e", "main", "-entry-point-result=void",
           f"-shared-libs={libs}", "-O3"]
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode:
        sys.stderr.write(r.stderr)
        sys.exit(f"mlir-runner failed: {' '.join(cmd)}")
    times = [float(x) for x in re.findall(r"time_s\s*([0-9.eE+-]+)", r.stdout)]
    data = r.stdout.split("data =", 1)[1]
    values = [float(x) for x in re.findall(
        r"-?inf|nan|[-+]?\d+(?:\.\d*)?(?:[eE][-+]?\d+)?", data)]
    return times, values


def check(values, b, s, hq, hkv, d, rows):
    """Compares sampled rows with a float64 causal GQA reference."""
    def q(bb, i, h, e):
        return hash_value(((bb * hq + h) * s + i) * d + e, 0)

    def kv(bb, j, g, e, salt):
        return hash_value(((bb * hkv + g) * s + j) * d + e, salt)

    rng = random.Random(0)
    worst = 0.0
    group = hq // hkv
    scale = 1.0 / math.sqrt(d)
    for _ in range(rows):
        bb, h, i = rng.randrange(b), rng.randrange(hq), rng.randrange(s)
        g = h // group
        qi = [q(bb, i, h, e) for e in range(d)]
        scores = [scale * sum(qi[e] * kv(bb, j, g, e, 7) for e in range(d))
                  for j in range(i + 1)]
        m = max(scores)
        p = [math.exp(x - m) for x in scores]
        tot = sum(p)
        for e in range(d):
            want = sum(p[j] * kv(bb, j, g, e, 13) for j in range(i + 1)) / tot
            got = values[((bb * hq + h) * s + i) * d + e]
            err = abs(got - want)
            worst = max(worst, err)
            if err > 1e-5 + 1e-4 * abs(want):
                return False, f"row (b={bb}, h={h}, i={i}) col {e}: got {got}, " \
                    f"want {want:.7g}"
    return True, f"max |err| = {worst:.2e} over {rows} sampled rows"


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--batch", type=int, default=1)
    ap.add_argument("--seq", type=int, default=512)
    ap.add_argument("--heads", type=int, default=8)
    ap.add_argument("--kv-heads", type=int, default=2)
    ap.add_argument("--head-dim", type=int, default=64)
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--rows", type=int, default=24,
                    help="query rows checked against the fp64 reference")
    ap.add_argument("--pipeline", default="attn-cpu-pipeline",
                    help="pipeline of the fused build")
    ap.add_argument("--keep", help="directory for the generated files")
    args = ap.parse_args()
    b, s, hq, hkv, d = (args.batch, args.seq, args.heads, args.kv_heads,
                        args.head_dim)
    workdir = args.keep or tempfile.mkdtemp(prefix="attn_demo")
    os.makedirs(workdir, exist_ok=True)
    text = build_program(b, s, hq, hkv, d, args.reps)
    print(f"attn-mlir demo: causal GQA attention, B={b} S={s} Hq={hq} "
          f"Hkv={hkv} D={d} f32, written as the unfused linalg chain "
          f"(program in {workdir})")
    raised = subprocess.run(
        [tool("attn-opt"), "-", "-attn-fuse-attention"], input=text,
        capture_output=True, text=True).stdout
    line = next((l.strip() for l in raised.splitlines()
                 if "attn.attention" in l), None)
    print("  raised by attn-fuse-attention into: " +
          (line.split("outs(")[0][:60] + "... " +
           line[line.index(") ", line.index("outs(")) + 2:]
           if line else "nothing (left unfused)"))
    rows = []
    for tag, pipeline in [("fused", args.pipeline),
                          ("baseline", "attn-cpu-pipeline{fuse=false flash=false}")]:
        times, values = run(text, pipeline, workdir, tag)
        ok, why = check(values, b, s, hq, hkv, d, args.rows)
        print(f"  {tag:8s} check: {'PASS' if ok else 'FAIL'} ({why})")
        if not ok:
            sys.exit(1)
        rows.append((tag, statistics.median(times) * 1e3))
    flops = 4.0 * b * hq * s * s * d / 2  # causal: half the score matrix
    print()
    print(f"  {'build':10s} {'median ms':>10s} {'GFLOP/s':>9s} {'speedup':>8s}")
    base = rows[1][1]
    for tag, ms in rows:
        print(f"  {tag:10s} {ms:10.2f} {flops / ms / 1e6:9.2f} "
              f"{base / ms:7.2f}x")
    print(f"\n  (median of {args.reps} runs; GFLOP/s counts 2*B*H*S*S*D for "
          "causal attention)")


if __name__ == "__main__":
    main()
