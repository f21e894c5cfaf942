#!/usr/bin/env python3
"""Randomized sweep of the tensor-core (mma.sync) kernels on the GPU emulator.

Each round draws a random set of attn-nvvm-pipeline options (chip: sm_80's
mma.sync or sm_90a's wgmma kernels, warps, warpgroups, key tile, stages,
overlap, split-KV, GQA packing, split K/V copies) and a batch of random f16/bf16
attention problems of GPU-sized shapes (head sizes 1-256, up to a few
hundred rows and keys, GQA, layouts, causal, windows, softcap, masks,
dynamic sizes), compiles them with emulate=true, runs them under the
emulator and compares with test/lib/attn_check.py's float64 reference.

  python3 scripts/fuzz/gpu_emulator/sweep.py SEED ROUNDS [--per-round N]

Uses build/bin/attn-opt (ATTN_TOOLS_DIR=DIR/bin for another build) and
build/lib/libattn_gpu_emulator.so next to it. Prints one line per problem
and a summary; exits 1 on a mismatch.
"""
import argparse
import os
import random
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "test", "lib"))
import attn_check  # noqa: E402


def options(rng):
    o = {"chip": rng.choice(["sm_80", "sm_90a", "sm_90a"]), "emulate": "true"}
    if o["chip"] == "sm_90a" and rng.random() < 0.3:
        o["wgmma"] = "false"
    if o["chip"] == "sm_90a" and rng.random() < 0.3:
        o["wgmma-warpgroups"] = rng.choice([1, 2])
    if o["chip"] == "sm_90a" and rng.random() < 0.2:
        o["wgmma-overlap"] = "true"
    if rng.random() < 0.4:
        o["mma-warps"] = rng.choice([1, 2, 4, 8])
    if rng.random() < 0.4:
        o["mma-key-tile"] = rng.choice([16, 32, 64, 128])
    if rng.random() < 0.3:
        o["stages"] = rng.choice([1, 2])
    if rng.random() < 0.3:
        o["mma-key-splits"] = rng.choice([1, 2, 3, 5])
    if rng.random() < 0.2:
        o["mma-pack-gqa"] = "false"
    # Session 19: split K/V copies (with one buffer) and the wgmma key tile
    # (new draws: a seed's rounds differ from those of earlier sessions).
    if rng.random() < 0.25:
        o["mma-split-copies"] = "true"
    if o["chip"] == "sm_90a" and rng.random() < 0.2:
        o["wgmma-key-tile"] = rng.choice([32, 64, 128])
    return "attn-nvvm-pipeline{" + " ".join(f"{k}={v}" for k, v in o.items()) + "}"


def problem(rng, seed):
    hkv = rng.choice([1, 1, 2, 3])
    group = rng.choice([1, 2, 4, 8])
    d = rng.choice([16, 32, 40, 64, 64, 72, 96, 128, 128, 136, 160, 192, 256, 1, 7])
    dv = rng.choice([d, d, d, 16, 48, 128, 256])
    sq = rng.choice([1, 1, 2, 4, 16, 33, 64, 65, 100, 130, 200])
    skv = rng.choice([1, 17, 64, 77, 128, 129, 200, 333])
    cfg = attn_check.Config(
        b=rng.choice([1, 1, 2]), hq=hkv * group, hkv=hkv, sq=sq, skv=skv,
        d=d, dv=dv, dtype=rng.choice(["f16", "bf16"]),
        layout=rng.choice(["bhsd", "bshd"]),
        causal=rng.choice(["none", "none", "top_left", "bottom_right"]),
        dynamic=rng.random() < 0.2, seed=seed)
    if rng.random() < 0.2:
        cfg.window = (rng.choice([-1, 0, 5, 40]), rng.choice([-1, 0, 3, 20]))
    if rng.random() < 0.15:
        cfg.softcap = rng.choice([5.0, 30.0])
    if rng.random() < 0.25:
        cfg.mask = rng.choice(["bool", "float"])
        cfg.mask_shape = rng.choice([["b", "h", "q", "k"], ["b", 1, 1, "k"],
                                     ["q", "k"], ["k"], ["b", 1, "q", 1]])
        cfg.mask_dtype = "i1" if cfg.mask == "bool" else "f32"
    return cfg


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("seed", type=int)
    ap.add_argument("rounds", type=int)
    ap.add_argument("--per-round", type=int, default=4)
    ap.add_argument("--keep", help="directory for the generated files")
    args = ap.parse_args()
    tools = os.environ.get("ATTN_TOOLS_DIR", os.path.join(ROOT, "build", "bin"))
    lib = os.path.join(os.path.dirname(tools), "lib", "libattn_gpu_emulator.so")
    if not os.path.exists(lib):
        sys.exit(f"sweep: no emulator runtime at {lib}")
    attn_check.EXTRA_LIBS.append(lib)
    work = args.keep or tempfile.mkdtemp(prefix="emu_sweep")
    os.makedirs(work, exist_ok=True)
    rng = random.Random(args.seed)
    failures = total = 0
    for r in range(args.rounds):
        pipe = options(rng)
        cases = [problem(rng, args.seed * 10000 + r * 100 + i)
                 for i in range(args.per_round)]
        print(f"round {r}: {pipe}", flush=True)
        try:
            failures += attn_check.check_batch(cases, [(f"r{r}", pipe)], work,
                                               f"s{args.seed}r{r}")
        except SystemExit as e:  # attn-opt or the run failed: a finding too
            print(f"FAILED round {r}: {e}", flush=True)
            failures += len(cases)
        total += len(cases)
        sys.stdout.flush()
    print(f"sweep seed {args.seed}: {total - failures} passed, {failures} failed")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
