//===- CudaRuntime.cpp - the mgpu* runtime over the CUDA driver -*- C++ -*-===//
//
// Part of the attn-mlir project.
//
//===----------------------------------------------------------------------===//
//
// Implements the C functions that MLIR's gpu-to-llvm lowering calls
// (gpu.launch_func, gpu.alloc, gpu.memcpy, gpu.dealloc, gpu.wait and the
// module load/unload that the gpu.binary's offloading handler emits), over the
// CUDA driver API. Written for attn-mlir (upstream's libmlir_cuda_runtime is
// not in Debian's packages); the signatures follow the declarations in the
// LLVM IR that mlir-translate produces from attn-nvvm-pipeline's output.
//
// Every driver failure is reported with the call and the driver's message and
// ends the program, except unloading a module while the process exits (the
// driver may already be torn down then).
//
// ATTN_CUDA_TIMING=1 times every kernel launch with CUDA events and prints the
// count and the total kernel time at exit; the benchmark reads that line.
//
//===----------------------------------------------------------------------===//

#include <cuda.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <vector>

#define ATTN_EXPORT extern "C" __attribute__((visibility("default")))

namespace {

/// Prints `call` with the driver's name and message for `result`.
void report(CUresult result, const char *call) {
  const char *name = nullptr, *message = nullptr;
  cuGetErrorName(result, &name);
  cuGetErrorString(result, &message);
  std::fprintf(stderr, "attn-cuda-runtime: %s failed: %s (%s)\n", call,
               name ? name : "unknown error", message ? message : "no message");
}

/// Ends the program unless `result` is CUDA_SUCCESS.
void check(CUresult result, const char *call) {
  if (result == CUDA_SUCCESS)
    return;
  report(result, call);
  std::exit(1);
}

#define ATTN_CHECK(expr) check((expr), #expr)

/// Kernel timing state (ATTN_CUDA_TIMING=1).
/// Prints the count, the total and the median of the launch times at exit.
struct Timing {
  bool enabled = false;
  unsigned long launches = 0;
  double milliseconds = 0.0;
  std::vector<float> each;
  ~Timing() {
    if (!enabled)
      return;
    double median = 0.0;
    if (!each.empty()) {
      std::sort(each.begin(), each.end());
      size_t n = each.size();
      median = n % 2 ? each[n / 2] : 0.5 * (each[n / 2 - 1] + each[n / 2]);
    }
    std::fprintf(stderr,
                 "attn-cuda-runtime: %lu kernel launches, %.6f ms kernel "
                 "time, median %.6f ms\n",
                 launches, milliseconds, median);
  }
};
Timing timing;

/// The primary context of device 0 (ATTN_CUDA_DEVICE picks another), made
/// current on the calling thread.
CUcontext context() {
  static CUcontext ctx = [] {
    ATTN_CHECK(cuInit(0));
    int ordinal = 0;
    if (const char *env = std::getenv("ATTN_CUDA_DEVICE"))
      ordinal = std::atoi(env);
    CUdevice device;
    ATTN_CHECK(cuDeviceGet(&device, ordinal));
    CUcontext c;
    ATTN_CHECK(cuDevicePrimaryCtxRetain(&c, device));
    if (const char *env = std::getenv("ATTN_CUDA_TIMING"))
      timing.enabled = std::strcmp(env, "0") != 0;
    return c;
  }();
  ATTN_CHECK(cuCtxSetCurrent(ctx));
  return ctx;
}

} // namespace

//===----------------------------------------------------------------------===//
// Modules and kernels.
//===----------------------------------------------------------------------===//

/// Loads a cubin or fatbin image (`size` is informational: the driver reads
/// the image's own header).
ATTN_EXPORT CUmodule mgpuModuleLoad(void *data, size_t /*size*/) {
  context();
  CUmodule module = nullptr;
  ATTN_CHECK(cuModuleLoadData(&module, data));
  return module;
}

/// JIT-compiles a PTX image at `optLevel`.
ATTN_EXPORT CUmodule mgpuModuleLoadJIT(void *data, int optLevel) {
  context();
  CUmodule module = nullptr;
  char log[8192] = {0};
  CUjit_option options[] = {CU_JIT_OPTIMIZATION_LEVEL, CU_JIT_ERROR_LOG_BUFFER,
                            CU_JIT_ERROR_LOG_BUFFER_SIZE_BYTES};
  void *values[] = {reinterpret_cast<void *>(static_cast<intptr_t>(optLevel)),
                    log, reinterpret_cast<void *>(sizeof(log))};
  CUresult result = cuModuleLoadDataEx(&module, data, 3, options, values);
  if (result != CUDA_SUCCESS) {
    report(result, "cuModuleLoadDataEx (PTX JIT)");
    if (log[0])
      std::fprintf(stderr, "attn-cuda-runtime: JIT log:\n%s\n", log);
    std::exit(1);
  }
  return module;
}

/// Unloads `module`. Runs from a global destructor at exit, possibly after
/// the driver shut down: a failure is reported, never fatal.
ATTN_EXPORT void mgpuModuleUnload(CUmodule module) {
  CUresult result = cuModuleUnload(module);
  if (result != CUDA_SUCCESS && result != CUDA_ERROR_DEINITIALIZED)
    report(result, "cuModuleUnload");
}

ATTN_EXPORT CUfunction mgpuModuleGetFunction(CUmodule module,
                                             const char *name) {
  CUfunction function = nullptr;
  CUresult result = cuModuleGetFunction(&function, module, name);
  if (result != CUDA_SUCCESS) {
    std::fprintf(stderr, "attn-cuda-runtime: kernel '%s':\n", name);
    check(result, "cuModuleGetFunction");
  }
  return function;
}

/// Launches `function`; dynamic shared memory above the 48 KiB default is
/// opted into first.
ATTN_EXPORT void mgpuLaunchKernel(CUfunction function, intptr_t gridX,
                                  intptr_t gridY, intptr_t gridZ,
                                  intptr_t blockX, intptr_t blockY,
                                  intptr_t blockZ, int32_t smem,
                                  CUstream stream, void **params,
                                  void **extra, size_t /*paramsCount*/) {
  context();
  if (smem > 48 * 1024)
    ATTN_CHECK(cuFuncSetAttribute(
        function, CU_FUNC_ATTRIBUTE_MAX_DYNAMIC_SHARED_SIZE_BYTES, smem));
  CUevent start = nullptr, stop = nullptr;
  if (timing.enabled) {
    ATTN_CHECK(cuEventCreate(&start, CU_EVENT_DEFAULT));
    ATTN_CHECK(cuEventCreate(&stop, CU_EVENT_DEFAULT));
    ATTN_CHECK(cuEventRecord(start, stream));
  }
  ATTN_CHECK(cuLaunchKernel(function, gridX, gridY, gridZ, blockX, blockY,
                            blockZ, smem, stream, params, extra));
  if (timing.enabled) {
    ATTN_CHECK(cuEventRecord(stop, stream));
    ATTN_CHECK(cuEventSynchronize(stop));
    float ms = 0;
    ATTN_CHECK(cuEventElapsedTime(&ms, start, stop));
    timing.milliseconds += ms;
    timing.each.push_back(ms);
    ++timing.launches;
    cuEventDestroy(start);
    cuEventDestroy(stop);
  }
}

//===----------------------------------------------------------------------===//
// Streams and events.
//===----------------------------------------------------------------------===//

ATTN_EXPORT CUstream mgpuStreamCreate() {
  context();
  CUstream stream = nullptr;
  ATTN_CHECK(cuStreamCreate(&stream, CU_STREAM_NON_BLOCKING));
  return stream;
}

ATTN_EXPORT void mgpuStreamDestroy(CUstream stream) {
  ATTN_CHECK(cuStreamDestroy(stream));
}

/// Waits for `stream`; a kernel fault surfaces here.
ATTN_EXPORT void mgpuStreamSynchronize(CUstream stream) {
  ATTN_CHECK(cuStreamSynchronize(stream));
}

ATTN_EXPORT void mgpuStreamWaitEvent(CUstream stream, CUevent event) {
  ATTN_CHECK(cuStreamWaitEvent(stream, event, 0));
}

ATTN_EXPORT CUevent mgpuEventCreate() {
  context();
  CUevent event = nullptr;
  ATTN_CHECK(cuEventCreate(&event, CU_EVENT_DISABLE_TIMING));
  return event;
}

ATTN_EXPORT void mgpuEventDestroy(CUevent event) {
  ATTN_CHECK(cuEventDestroy(event));
}

ATTN_EXPORT void mgpuEventSynchronize(CUevent event) {
  ATTN_CHECK(cuEventSynchronize(event));
}

ATTN_EXPORT void mgpuEventRecord(CUevent event, CUstream stream) {
  ATTN_CHECK(cuEventRecord(event, stream));
}

//===----------------------------------------------------------------------===//
// Memory.
//===----------------------------------------------------------------------===//

/// Device memory (managed memory when `isHostShared`); a zero-sized request
/// returns null, which the kernels never dereference.
ATTN_EXPORT void *mgpuMemAlloc(uint64_t sizeBytes, CUstream /*stream*/,
                               bool isHostShared) {
  context();
  if (sizeBytes == 0)
    return nullptr;
  CUdeviceptr ptr = 0;
  if (isHostShared)
    ATTN_CHECK(cuMemAllocManaged(&ptr, sizeBytes, CU_MEM_ATTACH_GLOBAL));
  else
    ATTN_CHECK(cuMemAlloc(&ptr, sizeBytes));
  return reinterpret_cast<void *>(ptr);
}

/// Frees `ptr` once the work queued on `stream` (which may still read it)
/// is done.
ATTN_EXPORT void mgpuMemFree(void *ptr, CUstream stream) {
  if (!ptr)
    return;
  context();
  if (stream)
    ATTN_CHECK(cuStreamSynchronize(stream));
  ATTN_CHECK(cuMemFree(reinterpret_cast<CUdeviceptr>(ptr)));
}

/// Copies between any two of host and device memory (unified addressing).
ATTN_EXPORT void mgpuMemcpy(void *dst, void *src, size_t sizeBytes,
                            CUstream stream) {
  if (sizeBytes == 0)
    return;
  context();
  ATTN_CHECK(cuMemcpyAsync(reinterpret_cast<CUdeviceptr>(dst),
                           reinterpret_cast<CUdeviceptr>(src), sizeBytes,
                           stream));
}

ATTN_EXPORT void mgpuMemset32(void *dst, unsigned int value, size_t count,
                              CUstream stream) {
  context();
  ATTN_CHECK(cuMemsetD32Async(reinterpret_cast<CUdeviceptr>(dst), value, count,
                              stream));
}

ATTN_EXPORT void mgpuMemset16(void *dst, unsigned short value, size_t count,
                              CUstream stream) {
  context();
  ATTN_CHECK(cuMemsetD16Async(reinterpret_cast<CUdeviceptr>(dst), value, count,
                              stream));
}

/// Page-locks a host range so kernels can address it directly.
ATTN_EXPORT void mgpuMemHostRegister(void *ptr, uint64_t sizeBytes) {
  context();
  ATTN_CHECK(cuMemHostRegister(ptr, sizeBytes, CU_MEMHOSTREGISTER_PORTABLE));
}

ATTN_EXPORT void mgpuMemHostUnregister(void *ptr) {
  context();
  ATTN_CHECK(cuMemHostUnregister(ptr));
}

/// Context setup for callers that want the driver initialised early.
ATTN_EXPORT void mgpuSetDefaultDevice(int32_t device) {
  (void)device;
  context();
}
