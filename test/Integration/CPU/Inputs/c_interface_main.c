/* Calls attention compiled by attn-opt to an object file through the C
 * interface (llvm.emit_c_interface), and checks it against a plain C
 * implementation on pseudo-random inputs. Sizes: B=2, H=3, S=19, D=8 (odd, not
 * multiples of the tiles), causal. Prints "max_err=<e> PASS" or FAIL. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

enum { B = 2, H = 3, S = 19, D = 8, N = B * H * S * D };

typedef struct {
  float *allocated, *aligned;
  int64_t offset, sizes[4], strides[4];
} MemRef4;

void _mlir_ciface_attention(MemRef4 *q, MemRef4 *k, MemRef4 *v, MemRef4 *o);

static MemRef4 view(float *p) {
  MemRef4 m = {p, p, 0, {B, H, S, D}, {H * S * D, S * D, D, 1}};
  return m;
}

int main(void) {
  static float q[N], k[N], v[N], o[N], want[N];
  uint32_t seed = 12345;
  for (int i = 0; i < N; ++i) {
    seed = seed * 1103515245u + 12345u;
    q[i] = (float)((seed >> 8) % 2001) / 1000.0f - 1.0f;
    seed = seed * 1103515245u + 12345u;
    k[i] = (float)((seed >> 8) % 2001) / 1000.0f - 1.0f;
    seed = seed * 1103515245u + 12345u;
    v[i] = (float)((seed >> 8) % 2001) / 1000.0f - 1.0f;
  }
  MemRef4 mq = view(q), mk = view(k), mv = view(v), mo = view(o);
  _mlir_ciface_attention(&mq, &mk, &mv, &mo);

  double scale = 1.0 / sqrt((double)D), maxErr = 0;
  for (int bh = 0; bh < B * H; ++bh)
    for (int i = 0; i < S; ++i) {
      double p[S], m = -INFINITY, l = 0;
      for (int j = 0; j <= i; ++j) {
        double s = 0;
        for (int d = 0; d < D; ++d)
          s += (double)q[(bh * S + i) * D + d] * k[(bh * S + j) * D + d];
        p[j] = s * scale;
        if (p[j] > m)
          m = p[j];
      }
      for (int j = 0; j <= i; ++j)
        l += (p[j] = exp(p[j] - m));
      for (int d = 0; d < D; ++d) {
        double acc = 0;
        for (int j = 0; j <= i; ++j)
          acc += p[j] * v[(bh * S + j) * D + d];
        double err = fabs(acc / l - o[(bh * S + i) * D + d]);
        if (err > maxErr)
          maxErr = err;
      }
    }
  printf("max_err=%.3g %s\n", maxErr, maxErr < 1e-5 ? "PASS" : "FAIL");
  return maxErr < 1e-5 ? 0 : 1;
}
