//===- GPUEmulator.cpp - attn-nvvm-pipeline kernels on the CPU -*- C++ -*-===//
//
// Part of the attn-mlir project.
//
//===----------------------------------------------------------------------===//
//
// libattn_gpu_emulator.so: the functions that
// `attn-nvvm-pipeline{emulate=true}` (pass attn-gpu-emulate, docs/GPU.md
// "Emulator") calls instead of the CUDA runtime, so that the GPU kernels (the
// tensor-core kernels' mma.sync, wgmma from 128-byte-swizzled shared memory,
// ldmatrix, cp.async pipeline, shuffles and barriers, and the SIMT kernel)
// execute on a machine without a GPU.
//
// A launch runs its CTAs one after the other. The threads of a CTA are
// coroutines (ucontext) on one OS thread: a thread runs until it reaches a CTA
// barrier or a warp collective (mma.sync, ldmatrix, shfl; wgmma is a
// warpgroup collective) and then yields. A collective completes when the last
// lane of the warp (warpgroup) reaches it; that lane computes every lane's
// result from the operands the lanes left, with the PTX ISA's fragment
// layouts. A wgmma is done when issued (the kernel waits for it before it
// reads the accumulators). cp.async copies are queued per thread and done when
// cp.async.wait_group releases their group (so a kernel that reads shared
// memory before waiting reads stale data). A barrier or collective that cannot
// complete (divergent lanes, a lane that exited) is reported with the CTA,
// warp and what each lane waits for, and the program ends: on a GPU that is a
// hang or undefined behaviour.
//
//===----------------------------------------------------------------------===//

#include <ucontext.h>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <string>
#include <vector>

#define ATTN_EXPORT extern "C" __attribute__((visibility("default")))

namespace {

constexpr size_t kStackBytes = 256 * 1024;

enum class Wait { None, Barrier, Warp, Done };
enum Collective : int32_t {
  kNone = 0,
  kShuffle = 1,
  kLdMatrix = 2,
  kMma = 3,
  kWgmma = 4
};

struct Copy {
  char *dst;
  const char *src;
  int64_t dstBytes, srcBytes;
};

struct Thread {
  ucontext_t ctx;
  char *stack = nullptr;
  Wait wait = Wait::None;
  // The warp collective this lane waits in, its operands and results.
  int32_t kind = kNone;
  int32_t params[4] = {0, 0, 0, 0};
  uint32_t in[8] = {0, 0, 0, 0, 0, 0, 0, 0};
  float fin[128] = {};
  uint64_t addr = 0, addr2 = 0;
  uint32_t out[4] = {0, 0, 0, 0};
  float fout[128] = {};
  bool valid = true;
  // cp.async: copies not yet committed, and committed groups (oldest first).
  std::vector<Copy> open;
  std::deque<std::vector<Copy>> groups;
};

struct Launch {
  int64_t grid[3], block[3], blockId[3];
  uint64_t sharedBase = 0; // the CTA's dynamic shared memory (host address)
  uint64_t sharedBytes = 0;
  int64_t nthreads = 0;
  int64_t current = 0;
  void (*thunk)(void *) = nullptr;
  void *args = nullptr;
  ucontext_t sched;
  std::vector<Thread> threads;
};

Launch *gLaunch = nullptr;

[[noreturn]] void fail(const std::string &msg) {
  std::fprintf(stderr, "attn-gpu-emulator: %s\n", msg.c_str());
  std::fflush(stderr);
  std::exit(1);
}

Thread &self() {
  if (!gLaunch)
    fail("a GPU builtin was called outside a kernel launch");
  return gLaunch->threads[gLaunch->current];
}

[[maybe_unused]] std::string where() {
  const Launch &l = *gLaunch;
  char buf[160];
  std::snprintf(buf, sizeof buf, "CTA (%lld, %lld, %lld), thread %lld",
                (long long)l.blockId[0], (long long)l.blockId[1],
                (long long)l.blockId[2], (long long)l.current);
  return buf;
}

void yield() {
  Launch &l = *gLaunch;
  if (swapcontext(&l.threads[l.current].ctx, &l.sched) != 0)
    fail("swapcontext failed");
}

void doCopy(const Copy &c) {
  int64_t n = c.srcBytes < c.dstBytes ? c.srcBytes : c.dstBytes;
  if (n > 0)
    std::memcpy(c.dst, c.src, n);
  if (c.dstBytes > n)
    std::memset(c.dst + n, 0, c.dstBytes - n);
}

void entry() {
  Launch &l = *gLaunch;
  l.thunk(l.args);
  Thread &t = l.threads[l.current];
  for (const Copy &c : t.open)
    doCopy(c);
  for (auto &g : t.groups)
    for (const Copy &c : g)
      doCopy(c);
  t.open.clear();
  t.groups.clear();
  t.wait = Wait::Done;
  // Returning switches to uc_link (the scheduler).
}

//===----------------------------------------------------------------------===//
// Numbers
//===----------------------------------------------------------------------===//

float halfToFloat(uint16_t h) {
  uint32_t sign = (h >> 15) & 1, exp = (h >> 10) & 0x1f, man = h & 0x3ff;
  float v;
  if (exp == 0)
    v = std::ldexp(static_cast<float>(man), -24);
  else if (exp == 31)
    v = man ? NAN : INFINITY;
  else
    v = std::ldexp(static_cast<float>(man | 0x400), static_cast<int>(exp) - 25);
  return sign ? -v : v;
}

float bf16ToFloat(uint16_t h) {
  uint32_t bits = static_cast<uint32_t>(h) << 16;
  float v;
  std::memcpy(&v, &bits, 4);
  return v;
}

float elem(uint32_t reg, int half, bool bf16) {
  uint16_t h = static_cast<uint16_t>(half ? reg >> 16 : reg & 0xffff);
  return bf16 ? bf16ToFloat(h) : halfToFloat(h);
}

//===----------------------------------------------------------------------===//
// Warp collectives
//===----------------------------------------------------------------------===//

/// Threads [base, base + n) of the current thread's warp (size 32) or
/// warpgroup (128).
void groupOf(int64_t tid, int64_t size, int64_t &base, int64_t &n) {
  base = tid / size * size;
  n = gLaunch->nthreads - base < size ? gLaunch->nthreads - base : size;
}

/// gpu.shuffle's definition (as MLIR lowers it to shfl.sync with the member
/// mask of the first `width` lanes): lanes below `width` take part; lane l
/// reads lane l ^ off (xor), l - off (up), l + off (down) or off (idx), valid
/// when that lane is below `width` (and not below 0); other lanes keep their
/// own value, invalid. As in PTX, only the low 5 bits of the offset count.
void completeShuffle(Thread *lanes, int64_t n) {
  for (int64_t l = 0; l < n; ++l) {
    Thread &t = lanes[l];
    int32_t mode = t.params[0], width = t.params[1];
    if (width < 1 || width > 32)
      fail("gpu.shuffle with width " + std::to_string(width) + " (1 to 32)");
    int64_t off = static_cast<int64_t>(t.in[1] & 31), src = l;
    switch (mode) {
    case 0: // xor
      src = l ^ off;
      break;
    case 1: // up
      src = l - off;
      break;
    case 2: // down
      src = l + off;
      break;
    default: // idx
      src = off;
      break;
    }
    bool ok = l < width && src >= 0 && src < width;
    if (ok && src >= n)
      fail("gpu.shuffle reads lane " + std::to_string(src) +
           " of a partial warp of " + std::to_string(n));
    t.out[0] = ok ? lanes[src].in[0] : t.in[0];
    t.valid = ok;
  }
}

void completeLdMatrix(Thread *lanes, int64_t n) {
  int32_t tiles = lanes[0].params[0], trans = lanes[0].params[1];
  if (tiles != 1 && tiles != 2 && tiles != 4)
    fail("ldmatrix with " + std::to_string(tiles) + " tiles");
  if (n < 32)
    fail("ldmatrix in a partial warp");
  auto at = [&](int m, int row, int col) -> uint16_t {
    uint16_t v;
    const char *p = reinterpret_cast<const char *>(lanes[8 * m + row].addr);
    std::memcpy(&v, p + 2 * col, 2);
    return v;
  };
  for (int64_t l = 0; l < 32; ++l) {
    int r = static_cast<int>(l / 4), c = static_cast<int>(l % 4);
    for (int m = 0; m < tiles; ++m) {
      uint16_t lo, hi;
      if (!trans) {
        lo = at(m, r, 2 * c);
        hi = at(m, r, 2 * c + 1);
      } else {
        lo = at(m, 2 * c, r);
        hi = at(m, 2 * c + 1, r);
      }
      lanes[l].out[m] =
          static_cast<uint32_t>(lo) | (static_cast<uint32_t>(hi) << 16);
    }
  }
}

void completeMma(Thread *lanes, int64_t n) {
  if (n < 32)
    fail("mma.sync in a partial warp");
  const bool bf16 = lanes[0].params[0] == 1;
  float A[16][16], B[16][8], C[16][8];
  for (int l = 0; l < 32; ++l) {
    const Thread &t = lanes[l];
    int g = l / 4, q = l % 4;
    for (int h = 0; h < 2; ++h) {
      A[g][2 * q + h] = elem(t.in[0], h, bf16);
      A[g + 8][2 * q + h] = elem(t.in[1], h, bf16);
      A[g][2 * q + 8 + h] = elem(t.in[2], h, bf16);
      A[g + 8][2 * q + 8 + h] = elem(t.in[3], h, bf16);
      B[2 * q + h][g] = elem(t.in[4], h, bf16);
      B[2 * q + 8 + h][g] = elem(t.in[5], h, bf16);
      C[g][2 * q + h] = t.fin[h];
      C[g + 8][2 * q + h] = t.fin[2 + h];
    }
  }
  for (int l = 0; l < 32; ++l) {
    Thread &t = lanes[l];
    int g = l / 4, q = l % 4;
    for (int k = 0; k < 4; ++k) {
      int i = g + (k >= 2 ? 8 : 0), j = 2 * q + (k & 1);
      // Products of f16/bf16 values are exact in f32; the sum is kept in
      // double and rounded once (tensor cores round differently but within
      // the f32 accumulator's error).
      double s = 0;
      for (int kk = 0; kk < 16; ++kk)
        s += static_cast<double>(A[i][kk]) * static_cast<double>(B[kk][j]);
      t.fout[k] = static_cast<float>(s + static_cast<double>(C[i][j]));
    }
  }
}

/// The host address of shared-memory descriptor start `start` (the low 18
/// bits of the address, as the kernel computed it from the buffer's host
/// address): the one within 256 KiB above the CTA's buffer.
uint64_t sharedAddress(uint64_t low18) {
  uint64_t base = gLaunch->sharedBase;
  uint64_t a = (base & ~uint64_t(0x3FFFF)) | low18;
  if (a < base)
    a += 0x40000;
  return a;
}

/// An element of a 128-byte-swizzled operand at (unswizzled) address `a`:
/// the 16-byte chunk index (bits 4-6) XORed with the 128-byte row (bits 7-9).
uint16_t swizzled(uint64_t a) {
  uint64_t p = a ^ (((a >> 7) & 7) << 4);
  const Launch &l = *gLaunch;
  if (p < l.sharedBase || p + 2 > l.sharedBase + l.sharedBytes)
    fail("a wgmma operand element at shared-memory byte " +
         std::to_string(static_cast<int64_t>(p - l.sharedBase)) +
         " outside the CTA's " + std::to_string(l.sharedBytes) + " bytes");
  uint16_t v;
  std::memcpy(&v, reinterpret_cast<const void *>(p), 2);
  return v;
}

struct Desc {
  uint64_t start, lbo, sbo;
};

Desc decode(uint64_t d) {
  if ((d >> 62) != 1)
    fail("a wgmma shared-memory descriptor without the 128-byte swizzle "
         "(mode " +
         std::to_string(d >> 62) + ")");
  if ((d >> 49) & 7)
    fail("a wgmma shared-memory descriptor with a base offset (operands "
         "not 1024-byte aligned)");
  return Desc{sharedAddress((d & 0x3FFF) << 4), ((d >> 16) & 0x3FFF) << 4,
              ((d >> 32) & 0x3FFF) << 4};
}

/// wgmma.mma_async m64nNk16 f32 += {f16,bf16}: A from a K-major swizzled
/// descriptor or from registers (the mma.sync A layout, 16 rows a warp), B
/// from a descriptor, K-major or (trans-b) MN-major; D in the accumulator
/// layout (warp w rows 16 w + l / 4 (+ 8), columns 8 j + 2 (l % 4) (+ 1)).
void completeWgmma(Thread *lanes, int64_t n) {
  if (n < 128)
    fail("wgmma in a partial warpgroup");
  const int32_t N = lanes[0].params[0];
  const bool bf16 = lanes[0].params[1] == 1, transB = lanes[0].params[2] != 0;
  const bool aRegs = lanes[0].addr == 0;
  for (int64_t t = 1; t < 128; ++t)
    if (lanes[t].addr != lanes[0].addr || lanes[t].addr2 != lanes[0].addr2 ||
        lanes[t].in[4] != lanes[0].in[4])
      fail("wgmma with descriptors or scale-d that differ across the "
           "warpgroup");
  const bool scaleD = lanes[0].in[4] != 0;
  static float A[64][16], B[16][256], D[64][256];
  auto value = [&](uint16_t h) {
    return bf16 ? bf16ToFloat(h) : halfToFloat(h);
  };
  if (aRegs) {
    for (int t = 0; t < 128; ++t) {
      int w = t / 32, l = t % 32, g = l / 4, q = l % 4;
      for (int h = 0; h < 2; ++h) {
        A[16 * w + g][2 * q + h] = elem(lanes[t].in[0], h, bf16);
        A[16 * w + g + 8][2 * q + h] = elem(lanes[t].in[1], h, bf16);
        A[16 * w + g][2 * q + 8 + h] = elem(lanes[t].in[2], h, bf16);
        A[16 * w + g + 8][2 * q + 8 + h] = elem(lanes[t].in[3], h, bf16);
      }
    }
  } else {
    Desc a = decode(lanes[0].addr);
    for (int m = 0; m < 64; ++m)
      for (int k = 0; k < 16; ++k)
        A[m][k] =
            value(swizzled(a.start + (m / 8) * a.sbo + (m % 8) * 128 + 2 * k));
  }
  Desc b = decode(lanes[0].addr2);
  for (int k = 0; k < 16; ++k)
    for (int j = 0; j < N; ++j)
      B[k][j] = value(
          swizzled(transB ? b.start + (j / 64) * b.lbo + (k / 8) * b.sbo +
                                (k % 8) * 128 + 2 * (j % 64)
                          : b.start + (j / 8) * b.sbo + (j % 8) * 128 + 2 * k));
  for (int t = 0; t < 128; ++t) {
    int w = t / 32, l = t % 32, g = l / 4, q = l % 4;
    for (int j = 0; j < N / 8; ++j)
      for (int e = 0; e < 4; ++e)
        D[16 * w + g + (e >= 2 ? 8 : 0)][8 * j + 2 * q + (e & 1)] =
            scaleD ? lanes[t].fin[4 * j + e] : 0.0f;
  }
  for (int m = 0; m < 64; ++m)
    for (int j = 0; j < N; ++j) {
      double s = 0;
      for (int k = 0; k < 16; ++k)
        s += static_cast<double>(A[m][k]) * static_cast<double>(B[k][j]);
      D[m][j] = static_cast<float>(s + static_cast<double>(D[m][j]));
    }
  for (int t = 0; t < 128; ++t) {
    int w = t / 32, l = t % 32, g = l / 4, q = l % 4;
    for (int j = 0; j < N / 8; ++j)
      for (int e = 0; e < 4; ++e)
        lanes[t].fout[4 * j + e] =
            D[16 * w + g + (e >= 2 ? 8 : 0)][8 * j + 2 * q + (e & 1)];
  }
}

const char *kindName(int32_t k) {
  switch (k) {
  case kShuffle:
    return "shfl";
  case kLdMatrix:
    return "ldmatrix";
  case kMma:
    return "mma.sync";
  case kWgmma:
    return "wgmma";
  default:
    return "?";
  }
}

/// The current lane enters collective `kind`; returns when the whole warp has.
void collective(int32_t kind) {
  Launch &l = *gLaunch;
  Thread &t = self();
  t.kind = kind;
  t.wait = Wait::Warp;
  int64_t base, n;
  groupOf(l.current, kind == kWgmma ? 128 : 32, base, n);
  Thread *lanes = &l.threads[base];
  for (int64_t i = 0; i < n; ++i)
    if (lanes[i].wait != Wait::Warp || lanes[i].kind != kind ||
        std::memcmp(lanes[i].params, t.params, sizeof t.params) != 0) {
      yield(); // the last lane to arrive completes it for us
      return;
    }
  switch (kind) {
  case kShuffle:
    completeShuffle(lanes, n);
    break;
  case kLdMatrix:
    completeLdMatrix(lanes, n);
    break;
  case kMma:
    completeMma(lanes, n);
    break;
  case kWgmma:
    completeWgmma(lanes, n);
    break;
  }
  for (int64_t i = 0; i < n; ++i) {
    lanes[i].wait = Wait::None;
    lanes[i].kind = kNone;
  }
}

std::string describe(const Thread &t) {
  switch (t.wait) {
  case Wait::None:
    return "running";
  case Wait::Done:
    return "exited";
  case Wait::Barrier:
    return "bar.sync";
  case Wait::Warp:
    return kindName(t.kind);
  }
  return "?";
}

void runCta() {
  Launch &l = *gLaunch;
  for (int64_t i = 0; i < l.nthreads; ++i) {
    Thread &t = l.threads[i];
    t.wait = Wait::None;
    t.kind = kNone;
    if (getcontext(&t.ctx) != 0)
      fail("getcontext failed");
    t.ctx.uc_stack.ss_sp = t.stack;
    t.ctx.uc_stack.ss_size = kStackBytes;
    t.ctx.uc_link = &l.sched;
    makecontext(&t.ctx, entry, 0);
  }
  // The first runnable thread (the last with ATTN_EMU_ORDER=reverse) runs
  // next: a warp runs as far as it can before the others (up to a barrier),
  // so shared memory that a missing barrier leaves unprotected is
  // overwritten before the other warps read it.
  static const bool reverse = [] {
    const char *o = std::getenv("ATTN_EMU_ORDER");
    return o && std::strcmp(o, "reverse") == 0;
  }();
  for (;;) {
    int64_t next = -1;
    for (int64_t k = 0; k < l.nthreads; ++k) {
      int64_t i = reverse ? l.nthreads - 1 - k : k;
      if (l.threads[i].wait == Wait::None) {
        next = i;
        break;
      }
    }
    if (next >= 0) {
      l.current = next;
      if (swapcontext(&l.sched, &l.threads[next].ctx) != 0)
        fail("swapcontext failed");
      continue;
    }
    int64_t done = 0, atBarrier = 0;
    for (const Thread &t : l.threads) {
      done += t.wait == Wait::Done;
      atBarrier += t.wait == Wait::Barrier;
    }
    if (done == l.nthreads)
      return;
    if (done + atBarrier == l.nthreads && done == 0) {
      for (Thread &t : l.threads)
        t.wait = Wait::None;
      continue;
    }
    // Nothing can run: a collective some lanes never reach, or a barrier
    // that exited threads or waiting lanes never reach.
    std::string msg = "deadlock in CTA (" + std::to_string(l.blockId[0]) +
                      ", " + std::to_string(l.blockId[1]) + ", " +
                      std::to_string(l.blockId[2]) + "):";
    for (int64_t w = 0; w * 32 < l.nthreads; ++w) {
      std::string line;
      std::string first = describe(l.threads[w * 32]);
      bool same = true;
      for (int64_t i = w * 32; i < l.nthreads && i < w * 32 + 32; ++i)
        same &= describe(l.threads[i]) == first;
      if (same) {
        line = " all " + first;
      } else {
        for (int64_t i = w * 32; i < l.nthreads && i < w * 32 + 32; ++i)
          line +=
              " " + std::to_string(i - w * 32) + ":" + describe(l.threads[i]);
      }
      msg += "\n  warp " + std::to_string(w) + ":" + line;
    }
    fail(msg);
  }
}

} // namespace

//===----------------------------------------------------------------------===//
// The ABI attn-gpu-emulate lowers to
//===----------------------------------------------------------------------===//

/// Runs `thunk(args)` as every thread of a grid x block launch.
ATTN_EXPORT void attn_emu_launch(int64_t gx, int64_t gy, int64_t gz, int64_t bx,
                                 int64_t by, int64_t bz, void (*thunk)(void *),
                                 void *args) {
  if (gLaunch)
    fail("a kernel launched another kernel");
  const int64_t dims[6] = {gx, gy, gz, bx, by, bz};
  for (int64_t d : dims)
    if (d < 1)
      return; // an empty grid runs nothing (CUDA: an invalid launch)
  if (bx * by * bz > 1024)
    fail("a CTA of " + std::to_string(bx * by * bz) +
         " threads (at most 1024)");
  Launch l;
  l.grid[0] = gx, l.grid[1] = gy, l.grid[2] = gz;
  l.block[0] = bx, l.block[1] = by, l.block[2] = bz;
  l.nthreads = bx * by * bz;
  l.thunk = thunk;
  l.args = args;
  l.threads.resize(l.nthreads);
  for (Thread &t : l.threads) {
    t.stack = static_cast<char *>(std::malloc(kStackBytes));
    if (!t.stack)
      fail("out of memory for thread stacks");
  }
  gLaunch = &l;
  for (int64_t z = 0; z < gz; ++z)
    for (int64_t y = 0; y < gy; ++y)
      for (int64_t x = 0; x < gx; ++x) {
        l.blockId[0] = x, l.blockId[1] = y, l.blockId[2] = z;
        runCta();
      }
  gLaunch = nullptr;
  for (Thread &t : l.threads)
    std::free(t.stack);
}

/// which: 0-2 thread id x/y/z, 3-5 block id, 6-8 block dim, 9-11 grid dim.
ATTN_EXPORT int64_t attn_emu_id(int32_t which) {
  Launch &l = *gLaunch;
  self();
  int d = which % 3;
  switch (which / 3) {
  case 0: {
    int64_t id = l.current;
    if (d == 0)
      return id % l.block[0];
    if (d == 1)
      return id / l.block[0] % l.block[1];
    return id / (l.block[0] * l.block[1]);
  }
  case 1:
    return l.blockId[d];
  case 2:
    return l.block[d];
  default:
    return l.grid[d];
  }
}

ATTN_EXPORT void attn_emu_barrier() {
  Thread &t = self();
  t.wait = Wait::Barrier;
  yield();
}

/// mode: 0 xor, 1 up, 2 down, 3 idx (the warp must agree on the mode and
/// width; the offset may differ per lane). Returns the value's bits in the
/// low 32 bits and the valid flag in bit 32.
ATTN_EXPORT int64_t attn_emu_shuffle(int32_t value, int32_t offset,
                                     int32_t width, int32_t mode) {
  Thread &t = self();
  t.params[0] = mode;
  t.params[1] = width;
  t.params[2] = 0;
  t.params[3] = 0;
  t.in[0] = static_cast<uint32_t>(value);
  t.in[1] = static_cast<uint32_t>(offset);
  collective(kShuffle);
  return static_cast<int64_t>(t.out[0]) | (t.valid ? (int64_t(1) << 32) : 0);
}

/// ldmatrix.sync.aligned.m8n8.x{tiles}{.trans}.b16 with this lane's row
/// address; the result registers are read with attn_emu_result.
ATTN_EXPORT void attn_emu_ldmatrix(int64_t addr, int32_t tiles, int32_t trans) {
  Thread &t = self();
  t.params[0] = tiles;
  t.params[1] = trans;
  t.params[2] = 0;
  t.params[3] = 0;
  t.addr = static_cast<uint64_t>(addr);
  collective(kLdMatrix);
}

/// mma.sync.aligned.m16n8k16.row.col.f32.{f16,bf16} (type 0: f16, 1: bf16);
/// the accumulators are read with attn_emu_result_f32.
ATTN_EXPORT void attn_emu_mma(int32_t type, int32_t a0, int32_t a1, int32_t a2,
                              int32_t a3, int32_t b0, int32_t b1, float c0,
                              float c1, float c2, float c3) {
  Thread &t = self();
  t.params[0] = type;
  t.params[1] = 0;
  t.params[2] = 0;
  t.params[3] = 0;
  const int32_t ins[6] = {a0, a1, a2, a3, b0, b1};
  for (int i = 0; i < 6; ++i)
    t.in[i] = static_cast<uint32_t>(ins[i]);
  t.fin[0] = c0, t.fin[1] = c1, t.fin[2] = c2, t.fin[3] = c3;
  collective(kMma);
}

ATTN_EXPORT int32_t attn_emu_result(int32_t i) {
  return static_cast<int32_t>(self().out[i & 3]);
}

ATTN_EXPORT float attn_emu_result_f32(int32_t i) {
  return self().fout[i & 127];
}

/// The kernel's dynamic shared memory (host address), for wgmma descriptors.
ATTN_EXPORT void attn_emu_shared_base(int64_t addr, int64_t bytes) {
  self();
  gLaunch->sharedBase = static_cast<uint64_t>(addr);
  gLaunch->sharedBytes = static_cast<uint64_t>(bytes);
}

/// Accumulator `i` of the next wgmma.
ATTN_EXPORT void attn_emu_wgmma_acc(int32_t i, float v) {
  self().fin[i & 127] = v;
}

/// wgmma.mma_async.sync.aligned.m64n{N}k16.f32.{f16,bf16} (type 0: f16, 1:
/// bf16) on the accumulators set with attn_emu_wgmma_acc; A from descriptor
/// `aDesc`, or (aDesc = 0) from registers a0-a3; B from `bDesc`. Done at
/// once (the kernel waits for it before reading the accumulators, and does
/// not write its operands while it is in flight); read the accumulators
/// with attn_emu_result_f32.
ATTN_EXPORT void attn_emu_wgmma(int32_t N, int32_t type, int32_t transB,
                                int64_t aDesc, int32_t a0, int32_t a1,
                                int32_t a2, int32_t a3, int64_t bDesc,
                                int32_t scaleD) {
  Thread &t = self();
  if (N < 8 || N > 256 || N % 8)
    fail("wgmma with N = " + std::to_string(N));
  t.params[0] = N;
  t.params[1] = type;
  t.params[2] = transB;
  t.params[3] = 0;
  t.addr = static_cast<uint64_t>(aDesc);
  t.addr2 = static_cast<uint64_t>(bDesc);
  const int32_t ins[5] = {a0, a1, a2, a3, scaleD};
  for (int i = 0; i < 5; ++i)
    t.in[i] = static_cast<uint32_t>(ins[i]);
  collective(kWgmma);
}

/// cp.async of `dstBytes` bytes, the first `srcBytes` of them from `src`, the
/// rest zeros; done when a wait releases the group it is committed with.
ATTN_EXPORT void attn_emu_cp_async(int64_t dst, int64_t src, int64_t dstBytes,
                                   int64_t srcBytes) {
  Thread &t = self();
  if (srcBytes < 0 || srcBytes > dstBytes)
    srcBytes = dstBytes; // PTX: src-size above cp-size is undefined
  t.open.push_back(Copy{reinterpret_cast<char *>(dst),
                        reinterpret_cast<const char *>(src), dstBytes,
                        srcBytes});
}

ATTN_EXPORT void attn_emu_cp_async_commit() {
  Thread &t = self();
  t.groups.push_back(std::move(t.open));
  t.open.clear();
}

/// cp.async.wait_group n: all but the newest n committed groups are done.
ATTN_EXPORT void attn_emu_cp_async_wait(int32_t n) {
  Thread &t = self();
  while (static_cast<int64_t>(t.groups.size()) > n) {
    for (const Copy &c : t.groups.front())
      doCopy(c);
    t.groups.pop_front();
  }
}

/// ex2.approx.ftz.f32: 2^x with subnormal inputs and results flushed to 0.
ATTN_EXPORT float attn_emu_ex2(float x) {
  if (std::fpclassify(x) == FP_SUBNORMAL)
    x = 0;
  float r = std::exp2(x);
  if (std::fpclassify(r) == FP_SUBNORMAL)
    r = std::copysign(0.0f, r);
  return r;
}
