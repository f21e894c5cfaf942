#!/usr/bin/env bash
# GPU check of attn-nvvm-pipeline on a lent device, in two halves.
#
#   scripts/gpu_device_check.sh prepare [BUILD]   # here: needs MLIR + CUDA
#   scripts/gpu_device_check.sh run [BUILD]       # on the device: builds nothing
#
# `prepare` compiles everything to native executables under
# BUILD/gpu-device (default BUILD=build-gpu): the executed GPU tests (the
# configurations of test/Integration/GPU/CUDA, for sm_90, with .expect.json
# files holding the fp64 reference) and the benchmark programs
# (FlashAttention-2 paper shapes), plus libattn_cuda_runtime.so beside them.
# Carry BUILD/gpu-device to the device (the device tool's `carry`), then
# `run` executes the tests (attn_check.py verify compares each output with
# its expectations) and the benchmark against torch SDPA's flash and cuDNN
# backends in the same call, printing TFLOP/s and ratios. Exit status:
# non-zero if any test failed.
set -euo pipefail
mode=${1:-}
root=$(cd "$(dirname "$0")/.." && pwd)
build=${2:-$root/build-gpu}
out=$build/gpu-device
py=${PYTHON:-python3}

case "$mode" in
prepare)
  export ATTN_TOOLS_DIR=$build/bin
  rt=$build/lib/libattn_cuda_runtime.so
  [ -f "$rt" ] || { echo "no $rt: configure with the CUDA toolkit" >&2; exit 1; }
  rm -rf "$out"; mkdir -p "$out/tests" "$out/bench"
  cp "$rt" "$out/tests/"; cp "$rt" "$out/bench/"
  check="$py $root/test/lib/attn_check.py"
  p='attn-nvvm-pipeline{chip=sm_90}'
  n=0
  # The RUN lines of test/Integration/GPU/CUDA, as executables.
  while read -r args; do
    n=$((n + 1))
    $check $args --pipeline "$p" --shared-libs "$rt" \
      --emit-exe "$out/tests" --tag "t$n-" --keep "$out/work" > /dev/null
  done <<'CASES'
single --b 2 --hq 3 --sq 13 --skv 17 --d 8 --seed 101
single --b 1 --hq 1 --sq 1 --skv 1 --d 1 --seed 102
single --b 1 --hq 2 --sq 200 --skv 131 --d 64 --dv 40 --seed 103
single --repeat 3 --b 2 --hq 3 --sq 13 --skv 17 --d 8 --seed 131
single --repeat 3 --b 1 --hq 4 --hkv 2 --sq 70 --skv 90 --d 64 --dtype f16 --causal bottom_right --seed 132
single --b 2 --hq 6 --hkv 2 --sq 33 --skv 45 --d 16 --seed 111
single --b 1 --hq 5 --hkv 1 --sq 17 --skv 9 --d 8 --causal top_left --seed 112
single --b 1 --hq 2 --sq 150 --skv 150 --d 16 --causal bottom_right --seed 113
single --b 2 --hq 2 --sq 9 --skv 13 --d 8 --mask bool --mask-shape b,1,q,k --seed 114
single --b 2 --hq 2 --sq 9 --skv 13 --d 8 --mask float --mask-shape k --seed 115
single --b 1 --hq 2 --sq 21 --skv 21 --d 8 --window=4,2 --softcap 5.0 --seed 116
single --b 2 --hq 4 --hkv 2 --sq 11 --skv 7 --d 8 --layout bshd --dynamic --seed 117
single --b 2 --hq 4 --hkv 2 --sq 13 --skv 17 --d 16 --dtype f16 --causal top_left --seed 118
single --b 2 --hq 4 --hkv 2 --sq 13 --skv 17 --d 16 --dtype bf16 --seed 119
single --b 2 --hq 2 --sq 19 --skv 13 --d 8 --mask float --mask-shape q,1 --mask-min --seed 120
single --b 1 --hq 2 --sq 9 --skv 13 --d 8 --softcap 1e6 --seed 121
random --count 100 --seed 606 --batch 50
single --b 2 --hq 4 --hkv 2 --sq 100 --skv 77 --d 64 --dtype f16 --seed 201
single --b 2 --hq 4 --hkv 2 --sq 100 --skv 77 --d 64 --dtype f16 --causal bottom_right --seed 202
single --b 1 --hq 2 --sq 130 --skv 200 --d 128 --dtype f16 --causal top_left --seed 203
single --b 1 --hq 6 --hkv 2 --sq 65 --skv 129 --d 128 --dtype bf16 --seed 204
single --b 2 --hq 4 --hkv 1 --sq 33 --skv 1 --d 32 --dtype f16 --layout bshd --dynamic --seed 205
single --b 1 --hq 2 --sq 1 --skv 300 --d 16 --dv 48 --dtype bf16 --causal bottom_right --seed 206
single --b 1 --hq 2 --sq 70 --skv 90 --d 80 --dtype f16 --seed 207
single --b 1 --hq 2 --sq 600 --skv 600 --d 128 --dtype f16 --causal bottom_right --seed 208
single --b 1 --hq 4 --hkv 2 --sq 257 --skv 333 --d 64 --dtype bf16 --layout bshd --causal top_left --seed 209
CASES
  # The tensor-core kernel with other tilings: 1 stage, 2 warps, 32 keys.
  $check single --b 1 --hq 2 --sq 150 --skv 150 --d 64 --dtype f16 \
    --causal top_left --seed 210 \
    --pipeline 'attn-nvvm-pipeline{chip=sm_90 stages=1 mma-warps=2 mma-key-tile=32}' \
    --shared-libs "$rt" --emit-exe "$out/tests" --tag mma1 --keep "$out/work" \
    > /dev/null
  $check single --b 2 --hq 3 --sq 200 --skv 75 --d 128 --dtype bf16 \
    --causal bottom_right --seed 211 \
    --pipeline 'attn-nvvm-pipeline{chip=sm_90 mma-warps=8 mma-key-tile=16}' \
    --shared-libs "$rt" --emit-exe "$out/tests" --tag mma2 --keep "$out/work" \
    > /dev/null
  $check single --b 2 --hq 4 --hkv 2 --sq 300 --skv 170 --d 64 --dtype f16 \
    --causal bottom_right --seed 212 \
    --pipeline 'attn-nvvm-pipeline{chip=sm_90}' \
    --shared-libs "$rt" --emit-exe "$out/tests" --tag mma3 --keep "$out/work" \
    > /dev/null
  $check single --b 1 --hq 6 --hkv 3 --sq 129 --skv 260 --d 128 --dtype bf16 \
    --layout bshd --causal top_left --seed 213 \
    --pipeline 'attn-nvvm-pipeline{chip=sm_90 mma-key-tile=32 mma-min-ctas=1}' \
    --shared-libs "$rt" --emit-exe "$out/tests" --tag mma4 --keep "$out/work" \
    > /dev/null
  $check single --b 1 --hq 2 --sq 500 --skv 500 --d 128 --dtype f16 \
    --seed 214 --pipeline 'attn-nvvm-pipeline{chip=sm_90 mma-min-ctas=3}' \
    --shared-libs "$rt" --emit-exe "$out/tests" --tag mma5 --keep "$out/work" \
    > /dev/null
  # Score modifiers on tensor cores (mma-score-mods, experimental).
  while read -r tag args; do
    $check single $args --pipeline 'attn-nvvm-pipeline{chip=sm_90 mma-score-mods=true}' \
      --shared-libs "$rt" --emit-exe "$out/tests" --tag "$tag" \
      --keep "$out/work" > /dev/null
  done <<'MODS'
mods1 --b 2 --hq 4 --hkv 2 --sq 100 --skv 77 --d 64 --dtype f16 --mask bool --mask-shape b,1,q,k --seed 301
mods2 --b 2 --hq 2 --sq 90 --skv 130 --d 128 --dtype bf16 --mask float --mask-shape k --softcap 30.0 --seed 302
mods3 --b 1 --hq 2 --sq 300 --skv 300 --d 64 --dtype f16 --causal bottom_right --window=100,0 --seed 303
mods4 --b 1 --hq 2 --sq 200 --skv 260 --d 64 --dtype f16 --window=40,25 --seed 304
mods5 --b 2 --hq 4 --hkv 1 --sq 70 --skv 70 --d 32 --dtype bf16 --causal top_left --softcap 5.0 --mask bool --mask-shape b,h,q,k --seed 305
mods6 --b 1 --hq 3 --sq 129 --skv 129 --d 64 --dtype f16 --mask float --mask-shape q,k --mask-dtype f16 --layout bshd --seed 306
mods7 --b 1 --hq 2 --sq 100 --skv 90 --d 64 --dtype bf16 --mask float --mask-shape q,1 --mask-dtype bf16 --mask-min --seed 307
mods8 --b 2 --hq 2 --sq 70 --skv 130 --d 128 --dtype f16 --mask float --mask-shape b,1,q,1 --mask-min --seed 308
mods9 --b 1 --hq 2 --sq 100 --skv 90 --d 64 --dtype f16 --softcap 1e6 --seed 309
MODS
  # Warpgroup-MMA kernels (sm_90a): D, Dv in {64, 128}; odd sizes, GQA,
  # causal, masks, softcap, windows, bshd, dynamic shapes, other tiles;
  # wg14-17 put only S = Q K^T (parts=1) or only O += P V (parts=2) on
  # wgmma, which tells a descriptor error in one product from the other.
  while read -r tag opts args; do
    [ "$opts" = - ] && opts=
    $check single $args \
      --pipeline "attn-nvvm-pipeline{chip=sm_90a wgmma=true mma-score-mods=true ${opts//,/ }}" \
      --shared-libs "$rt" --emit-exe "$out/tests" --tag "$tag" \
      --keep "$out/work" > /dev/null
  done <<'WGMMA'
wg1 stages=2 --b 1 --hq 4 --hkv 2 --sq 200 --skv 333 --d 64 --dtype f16 --seed 401
wg2 - --b 1 --hq 2 --sq 257 --skv 190 --d 128 --dtype bf16 --causal bottom_right --seed 402
wg3 wgmma-warpgroups=2,wgmma-key-tile=128 --b 1 --hq 2 --sq 130 --skv 500 --d 128 --dtype f16 --causal top_left --seed 403
wg4 - --b 1 --hq 3 --hkv 1 --sq 1 --skv 77 --d 64 --dv 128 --dtype f16 --layout bshd --seed 404
wg5 stages=2 --b 2 --hq 2 --sq 100 --skv 140 --d 128 --dv 64 --dtype bf16 --dynamic --seed 405
wg6 - --b 1 --hq 2 --sq 200 --skv 200 --d 64 --dtype f16 --mask bool --mask-shape b,1,q,k --softcap 20.0 --seed 406
wg7 wgmma-warpgroups=2,wgmma-key-tile=128 --b 1 --hq 2 --sq 200 --skv 300 --d 128 --dtype bf16 --window=100,20 --seed 407
wg8 wgmma-warpgroups=1,wgmma-key-tile=64,stages=1 --b 1 --hq 2 --sq 150 --skv 150 --d 128 --dtype f16 --causal top_left --seed 408
wg9 wgmma-warpgroups=3,wgmma-key-tile=32 --b 1 --hq 4 --hkv 2 --sq 200 --skv 129 --d 64 --dtype bf16 --seed 409
wg10 wgmma-warpgroups=2,wgmma-key-tile=128 --b 1 --hq 1 --sq 300 --skv 400 --d 128 --dtype f16 --mask float --mask-shape q,k --seed 410
wg11 wgmma-overlap=true --b 1 --hq 2 --sq 200 --skv 500 --d 128 --dtype f16 --causal bottom_right --seed 411
wg12 wgmma-overlap=true --b 1 --hq 4 --hkv 1 --sq 190 --skv 333 --d 64 --dtype bf16 --mask bool --mask-shape k --seed 412
wg13 wgmma-warpgroups=1,wgmma-key-tile=64 --b 1 --hq 2 --sq 129 --skv 257 --d 128 --dv 64 --dtype f16 --window=50,50 --seed 413
wg14 wgmma-parts=1 --b 1 --hq 2 --sq 150 --skv 190 --d 128 --dtype f16 --causal bottom_right --seed 414
wg15 wgmma-parts=2 --b 1 --hq 2 --sq 150 --skv 190 --d 128 --dtype f16 --causal bottom_right --seed 415
wg16 wgmma-parts=1 --b 1 --hq 2 --sq 100 --skv 130 --d 64 --dtype bf16 --seed 416
wg17 wgmma-parts=2 --b 1 --hq 2 --sq 100 --skv 130 --d 64 --dtype bf16 --seed 417
wg18 wgmma-overlap=true,wgmma-key-tile=64,wgmma-warpgroups=1 --b 2 --hq 2 --sq 77 --skv 300 --d 64 --dv 128 --dtype f16 --layout bshd --causal bottom_right --window=90,0 --seed 418
wg19 wgmma-overlap=true --b 1 --hq 2 --sq 64 --skv 64 --d 128 --dtype bf16 --seed 419
wg20 - --b 1 --hq 2 --sq 130 --skv 200 --d 128 --dtype bf16 --mask float --mask-shape q,1 --mask-dtype bf16 --mask-min --seed 420
WGMMA
  # Split-KV (mma-key-splits; 0, the default, splits at run time when the
  # grid is small): decoding, GQA, causal both ways with empty splits and
  # fully masked rows, masks, softcap, windows, bshd + dynamic, overlap,
  # mma.sync (sm_90, D = 80) and wgmma (sm_90a).
  while read -r tag opts args; do
    [ "$opts" = - ] && opts=
    $check single $args \
      --pipeline "attn-nvvm-pipeline{${opts//,/ }}" \
      --shared-libs "$rt" --emit-exe "$out/tests" --tag "$tag" \
      --keep "$out/work" > /dev/null
  done <<'SPLITS'
sk1 chip=sm_90a --b 1 --hq 2 --sq 1 --skv 700 --d 128 --dtype f16 --seed 501
sk2 chip=sm_90a --b 1 --hq 4 --hkv 1 --sq 3 --skv 1000 --d 64 --dtype bf16 --causal bottom_right --seed 502
sk3 chip=sm_90 --b 2 --hq 3 --sq 5 --skv 333 --d 80 --dtype f16 --mask bool --mask-shape b,1,q,k --seed 503
sk4 chip=sm_90a,mma-key-splits=7 --b 1 --hq 2 --sq 130 --skv 500 --d 128 --dtype bf16 --causal top_left --seed 504
sk5 chip=sm_90a,mma-key-splits=4 --b 1 --hq 2 --sq 150 --skv 100 --d 64 --dtype f16 --causal bottom_right --seed 505
sk6 chip=sm_90a,wgmma-overlap=true,mma-key-splits=3 --b 1 --hq 2 --sq 64 --skv 400 --d 64 --dtype f16 --softcap 20.0 --mask float --mask-shape k --seed 506
sk7 chip=sm_90a --b 2 --hq 4 --hkv 2 --sq 1 --skv 900 --d 128 --dtype f16 --layout bshd --dynamic --seed 507
sk8 chip=sm_90a,mma-key-splits=5 --b 1 --hq 2 --sq 200 --skv 600 --d 128 --dtype bf16 --window=50,10 --seed 508
sk9 chip=sm_90a,mma-key-splits=3 --b 1 --hq 2 --sq 40 --skv 300 --d 64 --dtype f16 --mask float --mask-shape q,1 --mask-min --seed 509
sk10 chip=sm_90,mma-key-splits=6,stages=1 --b 1 --hq 3 --hkv 1 --sq 17 --skv 450 --d 32 --dv 64 --dtype bf16 --causal bottom_right --seed 510
SPLITS
  # Sessions 12 and 16 (added without a device, first run on the H200 in
  # session 19): head sizes that are no multiple of 16, padded on the host
  # (pad*), GQA packing for decoding (pk*), and head sizes over 128 on
  # mma.sync (hd*; hd6 with the former 16-key tiles). Session 19: one K/V
  # buffer with K and V as one group (ns1, the default) or split copies
  # (ns2; sc1 with a mask and 128-key tiles, sc2 with two warpgroups).
  while read -r tag opts args; do
    $check single $args \
      --pipeline "attn-nvvm-pipeline{${opts//,/ }}" \
      --shared-libs "$rt" --emit-exe "$out/tests" --tag "$tag" \
      --keep "$out/work" > /dev/null
  done <<'S12'
pad1 chip=sm_90 --b 2 --hq 4 --hkv 2 --sq 100 --skv 77 --d 40 --dtype f16 --causal bottom_right --seed 601
pad2 chip=sm_90 --b 1 --hq 2 --sq 70 --skv 130 --d 72 --dv 24 --dtype bf16 --layout bshd --mask float --mask-shape b,1,q,k --seed 602
pad3 chip=sm_90 --b 1 --hq 6 --hkv 1 --sq 1 --skv 300 --d 1 --dv 127 --dtype f16 --seed 603
pad4 chip=sm_90 --b 2 --hq 2 --sq 90 --skv 90 --d 20 --dtype f16 --window=30,5 --softcap 5.0 --dynamic --seed 604
pad5 chip=sm_90a --b 1 --hq 4 --hkv 2 --sq 200 --skv 150 --d 56 --dv 120 --dtype f16 --causal bottom_right --seed 423
pk1 chip=sm_90 --b 1 --hq 16 --hkv 4 --sq 1 --skv 700 --d 128 --dtype f16 --causal bottom_right --seed 631
pk2 chip=sm_90 --b 2 --hq 8 --hkv 2 --sq 3 --skv 333 --d 64 --dtype bf16 --layout bshd --mask float --mask-shape b,h,q,k --seed 632
pk3 chip=sm_90,mma-key-splits=1 --b 1 --hq 12 --hkv 1 --sq 1 --skv 700 --d 40 --dtype f16 --softcap 20.0 --seed 633
pk4 chip=sm_90a --b 1 --hq 16 --hkv 2 --sq 1 --skv 1500 --d 128 --dtype bf16 --seed 421
pk5 chip=sm_90a --b 2 --hq 8 --hkv 2 --sq 2 --skv 500 --d 64 --dtype f16 --mask bool --mask-shape k --seed 422
hd1 chip=sm_90 --b 1 --hq 2 --hkv 1 --sq 70 --skv 90 --d 256 --dtype f16 --seed 641
hd2 chip=sm_90 --b 1 --hq 2 --sq 37 --skv 150 --d 192 --dtype bf16 --causal bottom_right --dynamic --seed 642
hd3 chip=sm_90 --b 1 --hq 2 --sq 50 --skv 70 --d 200 --dv 136 --dtype f16 --layout bshd --mask float --mask-shape b,1,q,k --softcap 30.0 --seed 643
hd4 chip=sm_90a --b 1 --hq 8 --hkv 2 --sq 1 --skv 300 --d 256 --dtype bf16 --seed 644
hd5 chip=sm_90,mma-key-tile=32 --b 1 --hq 1 --sq 65 --skv 65 --d 160 --dv 256 --dtype f16 --causal top_left --window=40,0 --seed 645
hd6 chip=sm_90,mma-key-tile=16 --b 1 --hq 2 --hkv 1 --sq 70 --skv 90 --d 256 --dtype f16 --causal bottom_right --seed 646
ns1 chip=sm_90a,mma-split-copies=false --b 1 --hq 2 --sq 150 --skv 190 --d 128 --dtype f16 --causal bottom_right --seed 651
ns2 chip=sm_90,stages=1,mma-split-copies=true --b 1 --hq 2 --sq 150 --skv 150 --d 64 --dtype bf16 --causal top_left --seed 652
sc1 chip=sm_90a,mma-split-copies=true --b 2 --hq 4 --hkv 2 --sq 130 --skv 257 --d 64 --dtype bf16 --mask bool --mask-shape b,1,q,k --seed 653
sc2 chip=sm_90a,wgmma-warpgroups=2,mma-split-copies=true --b 1 --hq 2 --sq 300 --skv 333 --d 128 --dtype f16 --causal top_left --seed 654
S12
  # Odd tiles for the random sweep too.
  $check random --count 100 --seed 606 --batch 50 \
    --pipeline 'attn-nvvm-pipeline{chip=sm_90 key-tile=5 warps=1}' \
    --shared-libs "$rt" --emit-exe "$out/tests" --tag odd --keep "$out/work" \
    > /dev/null
  # Tile sweep of the tensor-core kernel on f16 S = 4096 (GPU_BENCH_VARIANTS
  # overrides: space-separated LABEL=OPT[,OPT...]; empty for none; also
  # GPU_BENCH_SEQS, GPU_BENCH_DTYPES, GPU_BENCH_F32_SEQS, GPU_BENCH_DECODE,
  # GPU_BENCH_WIDE_DIMS, GPU_BENCH_WIDE_VARIANT for a shorter call). Wide
  # rows: head sizes over 128 (f16, S = 1k and 4k; at 4k also with 16-key
  # tiles, wk16).
  # The main rows run the defaults for sm_90a (wgmma, 1 warpgroup, 128-key
  # tiles at D = 64 and 64-key tiles at D = 128, 1 K/V buffer); split: K
  # and V as separate cp.async groups; k64: 64-key tiles at D = 64 too (the
  # default before session 19); mma: the mma.sync kernel (2 buffers); s2:
  # 2 buffers; g2: 2 warpgroups.
  variants=${GPU_BENCH_VARIANTS-"split=mma-split-copies=true k64=wgmma-key-tile=64 mma=wgmma=false s2=stages=2 g2=wgmma-warpgroups=2"}
  wvargs=()
  for v in ${GPU_BENCH_WIDE_VARIANT-wk16=mma-key-tile=16}; do
    wvargs+=(--wide-variant "$v")
  done
  # Set and empty: no wide variant rows.
  [ -n "${GPU_BENCH_WIDE_VARIANT+x}" ] && [ -z "$GPU_BENCH_WIDE_VARIANT" ] &&
    wvargs=(--wide-variant "")
  vargs=()
  for v in $variants; do vargs+=(--variant "$v"); done
  $py "$root/scripts/gpu_bench.py" emit "$out/bench" --runtime "$rt" \
    --chip sm_90a "${vargs[@]}" \
    --seqs "${GPU_BENCH_SEQS-1024,4096,16384}" \
    --dtypes "${GPU_BENCH_DTYPES-f16,bf16}" \
    --f32-seqs "${GPU_BENCH_F32_SEQS-1024,4096}" \
    --wide-dims "${GPU_BENCH_WIDE_DIMS-256}" "${wvargs[@]}" \
    --decode "${GPU_BENCH_DECODE-1,32,1,8192 8,32,1,4096 1,8,1,32768 4,32,16,4096 1,32,1,8192,8 4,32,1,4096,8 1,64,4,4096,8}" \
    --decode-variant "${GPU_BENCH_DECODE_VARIANT-nopack=mma-pack-gqa=false}" \
    > /dev/null
  cp "$root/test/lib/attn_check.py" "$root/scripts/gpu_bench.py" "$out/"
  cp "$0" "$out/gpu_device_check.sh"
  rm -rf "$out/work" "$out/bench/work"
  # The fp64 expectations are text: compressed, the bundle stays well under
  # the device tool's 64 MiB carry limit (run-bundle unpacks them).
  gzip -9f "$out"/tests/*.expect.json
  du -sh "$out"
  echo "carry $out; on the device: $out/gpu_device_check.sh run-bundle"
  ;;
run|run-bundle)
  # `run-bundle` when called as the copy inside the bundle.
  [ "$mode" = run-bundle ] && out=$(cd "$(dirname "$0")" && pwd)
  nvidia-smi -L || true
  # ATTN_SANITIZE=1: compute-sanitizer racecheck and memcheck of two
  # tensor-core tests (f16 causal 2 stages; 1 stage, 2 warps) first.
  if [ "${ATTN_SANITIZE:-0}" = 1 ] && command -v compute-sanitizer > /dev/null; then
    # (mma10: the mma.sync kernel, 1 stage; wg20, wg110: the wgmma kernel,
    # 2 stages and wgmma-overlap.) Each at most 40 s: the call is short.
    # ATTN_SANITIZE_LIST overrides: space-separated EXE:TOOL.
    for tt in ${ATTN_SANITIZE_LIST:-mma10-p0:racecheck wg20-p0:racecheck \
              wg110-p0:racecheck wg20-p0:memcheck sk10-p0:memcheck}; do
      t=${tt%%:*}; tool=${tt#*:}
      timeout 40 compute-sanitizer --tool $tool --log-file "$out/$t.$tool.txt" \
        "$out/tests/$t.exe" > /dev/null 2>&1 || true
      echo "$t $tool: $(tail -n 1 "$out/$t.$tool.txt" 2>/dev/null)"
    done
  fi
  for gz in "$out"/tests/*.expect.json.gz; do
    [ -e "$gz" ] && gunzip -kf "$gz"
  done
  fail=0
  for exe in "$out"/tests/*.exe; do
    expect=${exe%.exe}.expect.json
    # A kernel that hangs must not take the whole device call.
    if ! timeout "${TEST_TIMEOUT:-30}" "$exe" > "$exe.out" 2> "$exe.err"; then
      echo "FAIL $(basename "$exe"): exit $?: $(tail -c 400 "$exe.err")"
      fail=$((fail + 1)); continue
    fi
    # One verification per executable (the call has a time budget).
    if $py "$out/attn_check.py" verify "$expect" < "$exe.out" \
         > "$exe.verify" 2>&1; then ok=1; else ok=0; fi
    grep -E '^(FAIL|PASSED|FAILED)' "$exe.verify" \
      | sed "s|^|$(basename "$exe"): |" || true
    [ "$ok" = 1 ] || fail=$((fail + 1))
  done
  echo "GPU tests: $fail failing executables"
  # On the device tool, the outputs of the failing executables come back.
  if [ "$fail" -gt 0 ] && [ -n "${OUT:-}" ] && [ -d "$OUT" ]; then
    (cd "$out/tests" && for exe in *.exe; do
       e=${exe%.exe}.expect.json
       if ! $py "$out/attn_check.py" verify "$e" < "$exe.out" > /dev/null 2>&1
       then echo "$exe.out $exe.err"; fi
     done | xargs tar czf "$OUT/failed-outputs.tgz") || true
  fi
  # The benchmark gets what is left of GPU_CALL_BUDGET (default 285 s, the
  # device call being at most 5 minutes) after the tests.
  left=$(( ${GPU_CALL_BUDGET:-285} - SECONDS ))
  [ "$left" -lt 30 ] && left=30
  $py "$out/gpu_bench.py" run "$out/bench" --timeout "${BENCH_TIMEOUT:-60}" \
    --budget "$left"
  [ "$fail" -eq 0 ]
  ;;
*)
  sed -n '2,18p' "$0"; exit 2 ;;
esac
