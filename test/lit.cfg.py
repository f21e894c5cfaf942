# -*- Python -*-
# lit configuration of the attn-mlir test suite.

import os

import lit.formats
from lit.llvm import llvm_config
from lit.llvm.subst import ToolSubst

config.name = "ATTN"
config.test_format = lit.formats.ShTest(not llvm_config.use_lit_shell)
config.suffixes = [".mlir", ".test", ".c"]
config.excludes = ["lib", "Inputs", "CMakeLists.txt", "lit.cfg.py",
                   "lit.site.cfg.py"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.attn_obj_root, "test")

config.substitutions.append(("%PATH%", config.environment["PATH"]))
config.substitutions.append(("%shlibext", ".so"))
config.substitutions.append(("%mlir_lib_dir", config.mlir_lib_dir))
config.substitutions.append(("%attn_src", config.attn_src_root))
config.substitutions.append(("%attn_obj", config.attn_obj_root))
config.substitutions.append(("%python", config.python_executable))
config.substitutions.append(
    ("%attn_check", config.python_executable + " " +
     os.path.join(config.attn_src_root, "test", "lib", "attn_check.py")))
runner_libs = ",".join(
    os.path.join(config.mlir_lib_dir, lib)
    for lib in ["libmlir_runner_utils.so", "libmlir_c_runner_utils.so", "libomp.so"])
config.substitutions.append(("%runner_libs", runner_libs))

llvm_config.use_default_substitutions()
llvm_config.with_system_environment(["HOME", "INCLUDE", "LIB", "TMP", "TEMP"])
llvm_config.with_environment("PATH", config.llvm_tools_dir, append_path=True)
llvm_config.with_environment("PATH", config.attn_tools_dir, append_path=True)
llvm_config.with_environment("ATTN_TOOLS_DIR", config.attn_tools_dir)
llvm_config.with_environment("MLIR_LIB_DIR", config.mlir_lib_dir)

tool_dirs = [config.attn_tools_dir, config.llvm_tools_dir]
tools = ["attn-opt", "mlir-runner", "mlir-opt", "mlir-translate"]
llvm_config.add_tool_substitutions(tools, tool_dirs)

# Integration surface: the mlir-opt plugin, and the tools that build the
# example consumer against the installed package (test/Integration/Package).
config.substitutions.append(
    ("%attn_plugin", os.path.join(config.attn_lib_dir, "libAttnPlugin.so")))
config.substitutions.append(("%cmake_exe", config.cmake_command))
config.substitutions.append(("%cxx_compiler", config.cxx_compiler))
config.substitutions.append(("%c_compiler", config.c_compiler))
import shutil
if shutil.which("ninja"):
    config.available_features.add("ninja")

# GPU path (attn-nvvm-pipeline). `ptxas`: a CUDA toolkit's ptxas exists, so
# fatbin output and spill checks can run (its directory goes on PATH, where
# MLIR's NVVM target looks for it). `cuda-runtime`: lib/Runtime/CUDA was built.
# Executed GPU tests additionally need a GPU (test/Integration/GPU/CUDA).
import glob
_ptxas = shutil.which("ptxas") or next(
    iter(sorted(glob.glob("/usr/local/cuda*/bin/ptxas"), reverse=True)), None)
if _ptxas:
    config.available_features.add("ptxas")
    config.substitutions.append(("%ptxas", _ptxas))
    llvm_config.with_environment("PATH", os.path.dirname(_ptxas),
                                 append_path=True)
config.substitutions.append(
    ("%gpu_extract_ptx", config.python_executable + " " +
     os.path.join(config.attn_src_root, "scripts", "gpu_extract_ptx.py")))
_cuda_rt = os.path.join(config.attn_lib_dir, "libattn_cuda_runtime.so")
if os.path.exists(_cuda_rt):
    config.available_features.add("cuda-runtime")
config.substitutions.append(("%attn_cuda_runtime", _cuda_rt))
# The GPU emulator (attn-nvvm-pipeline{emulate=true}): the kernels run on the
# CPU, so test/Integration/GPU/Emulator runs everywhere.
config.substitutions.append(
    ("%attn_gpu_emulator",
     os.path.join(config.attn_lib_dir, "libattn_gpu_emulator.so")))
