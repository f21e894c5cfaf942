"""Shared parts of the benchmarks that time a frontend attention chain
compiled in several forms (kv_cache_mask.py, concat_mask.py): the input
fill function, the timed loop of `main`, and compiling and running one
program through attn-opt and mlir-runner."""

import os
import statistics
import subprocess

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LLVM_BIN = "/usr/lib/llvm-22/bin"
LIBS = ",".join(f"/usr/lib/llvm-22/lib/{l}" for l in
                ["libmlir_runner_utils.so", "libmlir_c_runner_utils.so",
                 "libomp.so"])

# @fill(t, seed): sin of a hash of the indices, for [1, H, ?, 64] inputs.
FILL = """
#gen = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
func.func @fill(%t: tensor<1x{h}x?x64xf32>, %seed: f32) -> tensor<1x{h}x?x64xf32> {{
  %r = linalg.generic {{indexing_maps = [#gen], iterator_types = ["parallel", "parallel", "parallel", "parallel"]}} outs(%t : tensor<1x{h}x?x64xf32>) {{
  ^bb0(%o: f32):
    %i1 = linalg.index 1 : index
    %i2 = linalg.index 2 : index
    %i3 = linalg.index 3 : index
    %a = arith.muli %i2, %i3 : index
    %b = arith.addi %a, %i1 : index
    %b64 = arith.index_cast %b : index to i64
    %f = arith.sitofp %b64 : i64 to f32
    %c = arith.constant 0.0137 : f32
    %m = arith.mulf %f, %c : f32
    %s = arith.addf %m, %seed : f32
    %v = math.sin %s : f32
    linalg.yield %v : f32
  }} -> tensor<1x{h}x?x64xf32>
  return %r : tensor<1x{h}x?x64xf32>
}}

func.func private @rtclock() -> f64
func.func private @printF64(f64)
func.func private @printNewline()
"""

# The body of @main after its inputs: {reps1} timed calls of `{call}` (an
# SSA line defining %o of type {otype}), each time printed, then the sum of
# the last result.
TIMED_LOOP = """  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %reps = arith.constant {reps1} : index
  scf.for %r = %c0 to %reps step %c1 {{
    %t0 = func.call @rtclock() : () -> f64
    {call}
    %t1 = func.call @rtclock() : () -> f64
    %dt = arith.subf %t1, %t0 : f64
    func.call @printF64(%dt) : (f64) -> ()
    func.call @printNewline() : () -> ()
    %last = arith.subi %reps, %c1 : index
    %is_last = arith.cmpi eq, %r, %last : index
    scf.if %is_last {{
      %init = arith.constant 0.0 : f32
      %ed = tensor.empty() : tensor<f32>
      %fz = linalg.fill ins(%init : f32) outs(%ed : tensor<f32>) -> tensor<f32>
      %sum = linalg.reduce ins(%o : {otype}) outs(%fz : tensor<f32>) dimensions = [0, 1, 2, 3]
        (%x: f32, %acc: f32) {{
          %y = arith.addf %x, %acc : f32
          linalg.yield %y : f32
        }}
      %val = tensor.extract %sum[] : tensor<f32>
      %val64 = arith.extf %val : f32 to f64
      func.call @printF64(%val64) : (f64) -> ()
      func.call @printNewline() : () -> ()
    }}
  }}
  return
}}
"""


def run_program(tools, path, unfused):
    """Compiles `path` through attn-cpu-pipeline (fuse=false flash=false
    when `unfused`) and runs it: the median time in ms of the timed calls
    (the first one warms up), the checksum, and the IR after
    attn-fuse-attention alone (to tell how the chain was raised)."""
    attn_opt = os.path.join(tools, "attn-opt")
    opts = "fuse=false flash=false" if unfused else ""
    lowered = subprocess.run([attn_opt, path, f"-attn-cpu-pipeline={opts}"],
                             check=True, capture_output=True, text=True).stdout
    fused = subprocess.run([attn_opt, path, "-attn-fuse-attention"],
                           check=True, capture_output=True, text=True).stdout
    out = subprocess.run(
        [os.path.join(LLVM_BIN, "mlir-runner"), "-e", "main",
         "-entry-point-result=void", f"-shared-libs={LIBS}"],
        input=lowered, check=True, capture_output=True, text=True).stdout
    vals = [float(x) for x in out.split()]
    times, checksum = vals[1:-1], vals[-1]
    return statistics.median(times) * 1e3, checksum, fused
