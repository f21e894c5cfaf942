/*===- attn_host_utils.c - host helpers for GPU test executables ----------===*
 *
 * Part of the attn-mlir project.
 *
 * The two functions of MLIR's runner utility libraries that the attn_check
 * test programs call, for executables that run where neither MLIR nor its
 * libraries are installed (libmlir_c_runner_utils pulls in libMLIR.so): the
 * GPU device machine. printMemrefF32 prints in the layout that
 * test/lib/attn_check.py parses ("Unranked Memref ... data = [...]").
 *
 *===----------------------------------------------------------------------===*/

#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* A ranked memref descriptor: base, aligned, offset, sizes[rank],
 * strides[rank]. */
typedef struct {
  char *base;
  char *aligned;
  int64_t offset;
  int64_t sizesAndStrides[];
} Descriptor;

typedef struct {
  int64_t rank;
  Descriptor *desc;
} Unranked;

static void printRec(const float *data, const int64_t *sizes,
                     const int64_t *strides, int64_t rank, int64_t dim) {
  printf("[");
  for (int64_t i = 0; i < sizes[dim]; ++i) {
    if (i)
      printf(", ");
    const float *p = data + i * strides[dim];
    if (dim + 1 == rank)
      printf("%.9g", *p);
    else
      printRec(p, sizes, strides, rank, dim + 1);
  }
  printf("]");
}

void printMemrefF32(int64_t rank, Descriptor *d) {
  const int64_t *sizes = d->sizesAndStrides;
  const int64_t *strides = d->sizesAndStrides + rank;
  printf("Unranked Memref base@ = %p rank = %lld offset = %lld sizes = [",
         (void *)d->aligned, (long long)rank, (long long)d->offset);
  for (int64_t i = 0; i < rank; ++i)
    printf(i ? ", %lld" : "%lld", (long long)sizes[i]);
  printf("] strides = [");
  for (int64_t i = 0; i < rank; ++i)
    printf(i ? ", %lld" : "%lld", (long long)strides[i]);
  printf("] data = \n");
  const float *data = (const float *)d->aligned + d->offset;
  if (rank == 0)
    printf("[%.9g]", *data);
  else
    printRec(data, sizes, strides, rank, 0);
  printf("\n");
  fflush(stdout);
}

void _mlir_ciface_printMemrefF32(Unranked *m) {
  printMemrefF32(m->rank, m->desc);
}

/* memref.copy between buffers of any strides (elements of elemSize bytes). */
void memrefCopy(int64_t elemSize, Unranked *src, Unranked *dst) {
  int64_t rank = src->rank;
  const int64_t *sizes = src->desc->sizesAndStrides;
  const int64_t *sStrides = src->desc->sizesAndStrides + rank;
  const int64_t *dStrides = dst->desc->sizesAndStrides + rank;
  int64_t total = 1;
  for (int64_t i = 0; i < rank; ++i)
    total *= sizes[i];
  for (int64_t n = 0; n < total; ++n) {
    int64_t rest = n, so = src->desc->offset, dO = dst->desc->offset;
    for (int64_t i = rank - 1; i >= 0; --i) {
      int64_t idx = rest % sizes[i];
      rest /= sizes[i];
      so += idx * sStrides[i];
      dO += idx * dStrides[i];
    }
    memcpy(dst->desc->aligned + dO * elemSize,
           src->desc->aligned + so * elemSize, (size_t)elemSize);
  }
}
