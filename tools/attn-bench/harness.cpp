//===- harness.cpp - attn-bench timing harness ------------------*- C++ -*-===//
//
// Part of the attn-mlir project.
//
//===----------------------------------------------------------------------===//
//
// Linked with an object file that attn-opt compiled (two entry points with
// the C interface: `attn_flash` through attn-cpu-pipeline and `attn_ref`
// through the unfused reference lowering). Times both, a straightforward C++
// attention and an FMA loop that measures the machine's peak, on the same
// inputs, checks the results against each other and prints one line of
// key=value pairs for tools/attn-bench/attn-bench.py.
//
//===----------------------------------------------------------------------===//

#include <immintrin.h>
#include <omp.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <vector>

namespace {
/// The descriptor of a rank-4 memref as the C interface passes it.
template <typename T> struct MemRef4 {
  T *allocated;
  T *aligned;
  int64_t offset;
  int64_t sizes[4];
  int64_t strides[4];
};

#if ATTN_BENCH_ELT_BITS == 16
using Elt = uint16_t;
#else
using Elt = float;
#endif

float toFloat(Elt x) {
#if ATTN_BENCH_ELT_BITS == 16
#if ATTN_BENCH_BF16
  uint32_t bits = uint32_t(x) << 16;
  float f;
  std::memcpy(&f, &bits, 4);
  return f;
#else
  return _cvtsh_ss(x);
#endif
#else
  return x;
#endif
}

Elt fromFloat(float f) {
#if ATTN_BENCH_ELT_BITS == 16
#if ATTN_BENCH_BF16
  uint32_t bits;
  std::memcpy(&bits, &f, 4);
  bits += 0x7FFF + ((bits >> 16) & 1);
  return Elt(bits >> 16);
#else
  return _cvtss_sh(f, 0);
#endif
#else
  return f;
#endif
}
} // namespace

extern "C" {
void _mlir_ciface_attn_flash(MemRef4<Elt> *q, MemRef4<Elt> *k,
                             MemRef4<Elt> *v, MemRef4<Elt> *out);
void _mlir_ciface_attn_ref(MemRef4<Elt> *q, MemRef4<Elt> *k, MemRef4<Elt> *v,
                           MemRef4<Elt> *out);
}

namespace {
MemRef4<Elt> view(std::vector<Elt> &data, int64_t b, int64_t h, int64_t s,
                  int64_t d) {
  return {data.data(), data.data(), 0, {b, h, s, d}, {h * s * d, s * d, d, 1}};
}

double now() {
  return std::chrono::duration<double>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

template <typename F> double medianSeconds(int reps, F &&f) {
  f(); // warm-up
  std::vector<double> t;
  for (int i = 0; i < reps; ++i) {
    double t0 = now();
    f();
    t.push_back(now() - t0);
  }
  std::sort(t.begin(), t.end());
  return t[t.size() / 2];
}

/// The plain algorithm: per (b, h, i) the scores, a max-subtracted softmax
/// and the weighted sum of V; rows split over OpenMP threads.
void naiveAttention(const std::vector<Elt> &q, const std::vector<Elt> &k,
                    const std::vector<Elt> &v, std::vector<Elt> &out,
                    int64_t B, int64_t H, int64_t S, int64_t D, bool causal) {
  float scale = 1.0f / std::sqrt(float(D));
#pragma omp parallel
  {
    std::vector<float> p(S), acc(D);
#pragma omp for collapse(2) schedule(static)
    for (int64_t bh = 0; bh < B * H; ++bh)
      for (int64_t i = 0; i < S; ++i) {
        const Elt *qi = &q[(bh * S + i) * D];
        int64_t n = causal ? i + 1 : S;
        float m = -INFINITY;
        for (int64_t j = 0; j < n; ++j) {
          const Elt *kj = &k[(bh * S + j) * D];
          float s = 0;
          for (int64_t d = 0; d < D; ++d)
            s += toFloat(qi[d]) * toFloat(kj[d]);
          p[j] = s * scale;
          m = std::max(m, p[j]);
        }
        float l = 0;
        std::fill(acc.begin(), acc.end(), 0.0f);
        for (int64_t j = 0; j < n; ++j) {
          p[j] = std::exp(p[j] - m);
          l += p[j];
          const Elt *vj = &v[(bh * S + j) * D];
          for (int64_t d = 0; d < D; ++d)
            acc[d] += p[j] * toFloat(vj[d]);
        }
        for (int64_t d = 0; d < D; ++d)
          out[(bh * S + i) * D + d] = fromFloat(acc[d] / l);
      }
  }
}

/// Peak FMA throughput in GFLOP/s on the current OpenMP threads: independent
/// chains of vector FMAs (enough to cover the FMA latency) per thread.
double measureFmaPeak() {
  constexpr int kChains = 12;
  constexpr int64_t kIters = 20000000;
#if defined(__AVX512F__)
  using V = __m512;
  constexpr int kLanes = 16;
#define FMA(a, b, c) _mm512_fmadd_ps(a, b, c)
#define SET1 _mm512_set1_ps
#define ADD _mm512_add_ps
#define SUM(x) _mm512_reduce_add_ps(x)
#else
  using V = __m256;
  constexpr int kLanes = 8;
#define FMA(a, b, c) _mm256_fmadd_ps(a, b, c)
#define SET1 _mm256_set1_ps
#define ADD _mm256_add_ps
#define SUM(x) (x)[0]
#endif
  double best = 0;
  for (int trial = 0; trial < 3; ++trial) {
    double sink = 0;
    double t0 = now();
    int threads = 1;
#pragma omp parallel reduction(+ : sink)
    {
#pragma omp single
      threads = omp_get_num_threads();
      V acc[kChains];
      for (int c = 0; c < kChains; ++c)
        acc[c] = SET1(float(c) * 1e-3f);
      V a = SET1(0.999999f), b = SET1(1e-7f);
      for (int64_t it = 0; it < kIters / 16; ++it)
        for (int c = 0; c < kChains; ++c)
          acc[c] = FMA(acc[c], a, b);
      V total = acc[0];
      for (int c = 1; c < kChains; ++c)
        total = ADD(total, acc[c]);
      sink += SUM(total);
    }
    double t = now() - t0;
    double flops = double(threads) * (kIters / 16) * kChains * kLanes * 2.0;
    if (sink == 12345.0)
      std::printf("%f", sink);
    best = std::max(best, flops / t / 1e9);
  }
  return best;
}
} // namespace

int main(int argc, char **argv) {
  if (argc < 9) {
    std::fprintf(stderr,
                 "usage: %s B H S D causal reps run_ref run_cxx\n"
                 "(the sizes must match those the object was compiled for)\n",
                 argv[0]);
    return 2;
  }
  int64_t B = std::atoll(argv[1]), H = std::atoll(argv[2]),
          S = std::atoll(argv[3]), D = std::atoll(argv[4]);
  bool causal = std::atoi(argv[5]);
  int reps = std::atoi(argv[6]);
  bool runRef = std::atoi(argv[7]);
  bool runCxx = std::atoi(argv[8]);
  int64_t n = B * H * S * D;
  std::vector<Elt> q(n), k(n), v(n), outFlash(n), outRef(n), outNaive(n);
  std::mt19937 rng(42);
  std::uniform_real_distribution<float> dist(-1.0f, 1.0f);
  for (int64_t i = 0; i < n; ++i) {
    q[i] = fromFloat(dist(rng));
    k[i] = fromFloat(dist(rng));
    v[i] = fromFloat(dist(rng));
  }
  MemRef4<Elt> mq = view(q, B, H, S, D), mk = view(k, B, H, S, D),
               mv = view(v, B, H, S, D), mo = view(outFlash, B, H, S, D),
               mr = view(outRef, B, H, S, D);

  double tFlash = medianSeconds(
      reps, [&] { _mlir_ciface_attn_flash(&mq, &mk, &mv, &mo); });
  double tNaive = NAN;
  if (runCxx)
    tNaive = medianSeconds(std::max(1, reps / 2), [&] {
      naiveAttention(q, k, v, outNaive, B, H, S, D, causal);
    });
  double tRef = NAN;
  if (runRef)
    tRef = medianSeconds(std::max(1, reps / 3),
                         [&] { _mlir_ciface_attn_ref(&mq, &mk, &mv, &mr); });
  double maxErr = NAN;
  const std::vector<Elt> *check =
      runCxx ? &outNaive : (runRef ? &outRef : nullptr);
  if (check) {
    maxErr = 0;
    for (int64_t i = 0; i < n; ++i)
      maxErr = std::max<double>(
          maxErr, std::fabs(toFloat(outFlash[i]) - toFloat((*check)[i])));
  }
  double peak = measureFmaPeak();
  double flops = 4.0 * B * H * S * S * D * (causal ? 0.5 : 1.0);
  std::printf("threads=%d flash_ms=%.3f ref_ms=%.3f naive_ms=%.3f "
              "gflops=%.2f peak_gflops=%.1f max_err_vs_naive=%.3g\n",
              omp_get_max_threads(), tFlash * 1e3, tRef * 1e3, tNaive * 1e3,
              flops / tFlash / 1e9, peak, maxErr);
  return 0;
}
