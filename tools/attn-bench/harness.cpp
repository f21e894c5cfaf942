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
/// Q and the output are [B, Hq, Sq, D]; K and V are [B, Hkv, Skv, D].
struct Shape {
  int64_t B, Hq, Hkv, Sq, Skv, D;
};

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
/// and the weighted sum of V; rows split over OpenMP threads. Query head h
/// reads K/V head h / (Hq / Hkv); causal is bottom-right aligned (query i
/// sees keys j <= i + Skv - Sq), which is top-left when Sq == Skv.
void naiveAttention(const std::vector<Elt> &q, const std::vector<Elt> &k,
                    const std::vector<Elt> &v, std::vector<Elt> &out,
                    const Shape &sh, bool causal) {
  int64_t Sq = sh.Sq, Skv = sh.Skv, D = sh.D, group = sh.Hq / sh.Hkv;
  float scale = 1.0f / std::sqrt(float(D));
#pragma omp parallel
  {
    std::vector<float> p(Skv), acc(D);
#pragma omp for collapse(2) schedule(static)
    for (int64_t bh = 0; bh < sh.B * sh.Hq; ++bh)
      for (int64_t i = 0; i < Sq; ++i) {
        int64_t bkv = (bh / sh.Hq) * sh.Hkv + (bh % sh.Hq) / group;
        const Elt *qi = &q[(bh * Sq + i) * D];
        int64_t n = causal ? std::min(Skv, std::max<int64_t>(
                                               0, i + 1 + Skv - Sq))
                           : Skv;
        if (n == 0) {
          for (int64_t d = 0; d < D; ++d)
            out[(bh * Sq + i) * D + d] = fromFloat(0.0f);
          continue;
        }
        float m = -INFINITY;
        for (int64_t j = 0; j < n; ++j) {
          const Elt *kj = &k[(bkv * Skv + j) * D];
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
          const Elt *vj = &v[(bkv * Skv + j) * D];
          for (int64_t d = 0; d < D; ++d)
            acc[d] += p[j] * toFloat(vj[d]);
        }
        for (int64_t d = 0; d < D; ++d)
          out[(bh * Sq + i) * D + d] = fromFloat(acc[d] / l);
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
  if (argc < 11) {
    std::fprintf(stderr,
                 "usage: %s B Hq Hkv Sq Skv D causal reps run_ref run_cxx\n"
                 "(the sizes must match those the object was compiled for)\n",
                 argv[0]);
    return 2;
  }
  Shape sh{std::atoll(argv[1]), std::atoll(argv[2]), std::atoll(argv[3]),
           std::atoll(argv[4]), std::atoll(argv[5]), std::atoll(argv[6])};
  bool causal = std::atoi(argv[7]);
  int reps = std::atoi(argv[8]);
  bool runRef = std::atoi(argv[9]);
  bool runCxx = std::atoi(argv[10]);
  if (sh.B <= 0 || sh.Hq <= 0 || sh.Hkv <= 0 || sh.Hq % sh.Hkv != 0 ||
      sh.Sq <= 0 || sh.Skv <= 0 || sh.D <= 0) {
    std::fprintf(stderr, "bad sizes\n");
    return 2;
  }
  int64_t nq = sh.B * sh.Hq * sh.Sq * sh.D, nkv = sh.B * sh.Hkv * sh.Skv * sh.D;
  std::vector<Elt> q(nq), k(nkv), v(nkv), outFlash(nq), outRef(nq),
      outNaive(nq);
  std::mt19937 rng(42);
  std::uniform_real_distribution<float> dist(-1.0f, 1.0f);
  for (int64_t i = 0; i < nq; ++i)
    q[i] = fromFloat(dist(rng));
  for (int64_t i = 0; i < nkv; ++i) {
    k[i] = fromFloat(dist(rng));
    v[i] = fromFloat(dist(rng));
  }
  MemRef4<Elt> mq = view(q, sh.B, sh.Hq, sh.Sq, sh.D),
               mk = view(k, sh.B, sh.Hkv, sh.Skv, sh.D),
               mv = view(v, sh.B, sh.Hkv, sh.Skv, sh.D),
               mo = view(outFlash, sh.B, sh.Hq, sh.Sq, sh.D),
               mr = view(outRef, sh.B, sh.Hq, sh.Sq, sh.D);

  double tFlash = medianSeconds(
      reps, [&] { _mlir_ciface_attn_flash(&mq, &mk, &mv, &mo); });
  double tNaive = NAN;
  if (runCxx)
    tNaive = medianSeconds(std::max(1, reps / 2), [&] {
      naiveAttention(q, k, v, outNaive, sh, causal);
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
    for (int64_t i = 0; i < nq; ++i)
      maxErr = std::max<double>(
          maxErr, std::fabs(toFloat(outFlash[i]) - toFloat((*check)[i])));
  }
  double peak = measureFmaPeak();
  // Visible (query, key) pairs: all of them, or the bottom-right causal
  // triangle; 4 * D flops per pair (Q.K and P.V).
  double pairs = 0;
  for (int64_t i = 0; i < sh.Sq; ++i)
    pairs += causal ? double(std::min(
                          sh.Skv, std::max<int64_t>(0, i + 1 + sh.Skv - sh.Sq)))
                    : double(sh.Skv);
  double flops = 4.0 * sh.B * sh.Hq * pairs * sh.D;
  // Bytes every implementation must move at least once: Q, K, V, output.
  double bytes = double(2 * nq + 2 * nkv) * sizeof(Elt);
  std::printf("threads=%d flash_ms=%.3f ref_ms=%.3f naive_ms=%.3f "
              "gflops=%.2f gbytes=%.2f peak_gflops=%.1f "
              "max_err_vs_naive=%.3g\n",
              omp_get_max_threads(), tFlash * 1e3, tRef * 1e3, tNaive * 1e3,
              flops / tFlash / 1e9, bytes / tFlash / 1e9, peak, maxErr);
  return 0;
}
