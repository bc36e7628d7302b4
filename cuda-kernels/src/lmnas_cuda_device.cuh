// The per-element arithmetic of the kernels as __host__ __device__ functions: the kernels call
// them on the GPU, and the test driver calls the very same code on the host to check the
// algorithms (merge ranks, tie runs, bins, pixel mapping) on a machine without a GPU.
#ifndef LMNAS_CUDA_DEVICE_CUH
#define LMNAS_CUDA_DEVICE_CUH

#include <stdint.h>
#include <math.h>

#include "lmnas_cuda.h"

#define LMNAS_HD __host__ __device__ __forceinline__

namespace lmnas_cuda {

// ---- ranking loss ---------------------------------------------------------------------------

/** f(x) and f'(x) of the per-pair loss `kind`, evaluated exactly as the Java reference does. */
LMNAS_HD void pair_loss(int kind, double param, double x, double* f, double* slope) {
  if (kind == LMNAS_HINGE) {
    *f = x > 0 ? x : 0.0;
    *slope = x > 0 ? 1.0 : 0.0;
  } else if (kind == LMNAS_MARGIN_HINGE) {
    double z = x + param;
    *f = z > 0 ? z : 0.0;
    *slope = z > 0 ? 1.0 : 0.0;
  } else {
    double z = param * x;
    // log(1 + e^z) = max(z, 0) + log1p(e^-|z|): the exponent is never positive, so no overflow.
    *f = (fmax(z, 0.0) + log1p(exp(-fabs(z)))) / param;
    if (z >= 0) {
      *slope = 1.0 / (1.0 + exp(-z));
    } else {
      double e = exp(z);
      *slope = e / (1.0 + e);
    }
  }
}

/**
 * Error key of pair p (0 = none): larger for earlier pairs, so an atomicMax over all pairs keeps
 * the first offending pair, as the CPU loop (which stops there) reports it.
 */
LMNAS_HD unsigned long long pair_error_key(int64_t p, int64_t m, int code) {
  unsigned long long kind = code == LMNAS_EINVAL ? 1ull : 2ull;
  return ((unsigned long long)(m - p) << 2) | kind;
}

/** The LMNAS code an error key stands for. */
LMNAS_HD int pair_error_code(unsigned long long key) {
  if (key == 0) {
    return LMNAS_OK;
  }
  return (key & 3ull) == 1ull ? LMNAS_EINVAL : LMNAS_ENONFINITE;
}

// ---- stable merge sort by merge-path ranks --------------------------------------------------

/** First position in [lo, hi) whose key is not below `key` (sorted a). */
template <class K>
LMNAS_HD int64_t lower_bound(const K* a, int64_t lo, int64_t hi, K key) {
  while (lo < hi) {
    int64_t mid = lo + ((hi - lo) >> 1);
    if (a[mid] < key) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo;
}

/** First position in [lo, hi) whose key is above `key` (sorted a). */
template <class K>
LMNAS_HD int64_t upper_bound(const K* a, int64_t lo, int64_t hi, K key) {
  while (lo < hi) {
    int64_t mid = lo + ((hi - lo) >> 1);
    if (key < a[mid]) {
      hi = mid;
    } else {
      lo = mid + 1;
    }
  }
  return lo;
}

/** Where element i goes in one merge pass, and the inversions it removes. */
struct MergeSlot {
  int64_t dest;
  int64_t inversions;
};

/**
 * One pass of a bottom-up merge sort of a[0, n) whose runs of length `width` are sorted: element
 * i moves to dest = its rank in its own run + its rank in the partner run. A left element goes
 * after the right elements strictly below it, a right element after the left elements at or
 * below it, so equal keys keep their order (stable, like the Java IndexOrder merge sort). A right
 * element jumps the left elements strictly above it: those are the strict inversions this pass
 * removes, and their total over all passes is the inversion count of the input.
 */
template <class K>
LMNAS_HD MergeSlot merge_slot(const K* a, int64_t i, int64_t width, int64_t n) {
  int64_t lo = (i / (2 * width)) * (2 * width);
  int64_t mid = lo + width < n ? lo + width : n;
  int64_t hi = lo + 2 * width < n ? lo + 2 * width : n;
  K key = a[i];
  MergeSlot s;
  if (i < mid) {
    s.dest = i + (lower_bound(a, mid, hi, key) - mid);
    s.inversions = 0;
  } else {
    int64_t atOrBelow = upper_bound(a, lo, mid, key) - lo;
    s.dest = lo + (i - mid) + atOrBelow;
    s.inversions = (mid - lo) - atOrBelow;
  }
  return s;
}

/**
 * For a[0, n) sorted by (a, b) lexicographically (b may be null: a alone), the number of earlier
 * elements equal to element i. Summed over i this is sum over runs t of t (t - 1) / 2, the pairs
 * tied.
 */
template <class K>
LMNAS_HD int64_t tied_before(const K* a, const K* b, int64_t i) {
  K ka = a[i];
  int64_t lo = 0;
  int64_t hi = i;
  if (b == nullptr) {
    return i - lower_bound(a, lo, hi, ka);
  }
  K kb = b[i];
  while (lo < hi) {
    int64_t mid = lo + ((hi - lo) >> 1);
    if (a[mid] < ka || (a[mid] == ka && b[mid] < kb)) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return i - lo;
}

// ---- sparse Kendall tau bins ----------------------------------------------------------------

/** Number of 0.1 % bins of a fraction in [0, 1]: floor(gt * 1000) is 0 .. 1000. */
constexpr int kBins = 1001;

/** floor(gt * 1000) as the reference computes it (one rounded product, then floor). */
LMNAS_HD int accuracy_bin(double gt) {
  double b = floor(gt * 1000.0);
  return !(b > 0) ? 0 : (b > 1000 ? 1000 : (int)b);  // NaN and out-of-range inputs are flagged elsewhere
}

/**
 * The dense rank of every bin (-1 + occupied bins in [1, b]; the CPU code's walk never counts
 * bin 0) and the cumulative member counts, from the kBins member counts.
 */
template <class Count>
LMNAS_HD void bin_ranks(const Count* binCount, int32_t* rankOfBin, int64_t* cumulative) {
  int32_t rank = -1;
  int64_t members = 0;
  for (int b = 0; b < kBins; b++) {
    if (b > 0 && binCount[b] != 0) {
      rank++;
    }
    rankOfBin[b] = rank;
    members += static_cast<int64_t>(binCount[b]);
    cumulative[b] = members;
  }
}

// ---- batch augmentation ---------------------------------------------------------------------

/**
 * Source byte offset within one image plane set for output pixel (c, y, x) of a sample shifted by
 * (dy, dx) and optionally mirrored, or -1 where the crop reads the black padding.
 */
LMNAS_HD int64_t augment_source(int32_t height, int32_t width, int32_t c, int32_t y, int32_t x,
    int32_t dy, int32_t dx, bool flip) {
  int64_t sy = (int64_t)y + dy;
  int64_t sx = (int64_t)(flip ? width - 1 - x : x) + dx;
  if (sy < 0 || sy >= height || sx < 0 || sx >= width) {
    return -1;
  }
  return ((int64_t)c * height + sy) * width + sx;
}

}  // namespace lmnas_cuda

#endif
