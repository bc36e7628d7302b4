// Kendall tau-b and the sparse Kendall tau on the GPU (see lmnas_cuda.h and README.md).
//
// Knight's algorithm, as on the CPU, built from one primitive: a stable bottom-up merge sort in
// which every element finds its destination by binary search in the partner run (merge_slot).
// The first ten passes run inside 1024-element tiles in shared memory, the rest as one launch per
// pass over global memory. O(n log^2 n) work, no library sort. Chosen over a radix sort because
// it reproduces the CPU exactly: the same stable order among equal keys (which the sparse tau's
// tie rule for predictions depends on), comparisons with < so that -0.0 and 0.0 tie, and the
// strict inversion count falls out of the same ranks. Tie pairs are counted by a binary search
// for the start of each element's run. Only the four counts come back to the host, which
// evaluates tau-b in the CPU's order of operations.
#include <cuda_runtime.h>
#include <math.h>
#include <stdint.h>

#include <utility>

#include "lmnas_cuda.h"
#include "lmnas_cuda_common.cuh"
#include "lmnas_cuda_device.cuh"

namespace lmnas_cuda {
namespace {

constexpr int kTile = 1024;
constexpr int64_t kMaxBlocks = int64_t{1} << 20;

/** The device-side results of one call (zeroed before use). */
struct Counts {
  unsigned long long xTies;
  unsigned long long yTies;
  unsigned long long jointTies;
  unsigned long long discordant;
  int32_t invalid;  // 1 when an input was rejected
  int32_t pad;
};

#define LMNAS_GRID_STRIDE(i, n)                                                    \
  for (int64_t i = static_cast<int64_t>(blockIdx.x) * blockDim.x + threadIdx.x; i < (n); \
       i += static_cast<int64_t>(gridDim.x) * blockDim.x)

/** Adds each thread's v to *out (one atomic per block). Every thread must call it. */
__device__ void add_block_total(unsigned long long v, unsigned long long* out) {
  v = block_sum(v);
  if (threadIdx.x == 0 && v != 0) {
    atomicAdd(out, v);
  }
}

/**
 * A rejected input still runs through the sorts (the call fails only when the counts come back,
 * to save a synchronisation), so a NaN key is replaced by +inf on its way in: with a key that
 * compares unequal to everything the merge ranks would no longer form a permutation, and a later
 * gather would read out of bounds.
 */
__device__ __forceinline__ double sortable(double v) {
  return isnan(v) ? INFINITY : v;
}

/** keys = y, vals = 0..n-1, and flags a NaN in x or y. */
__global__ void kendall_init_kernel(const double* x, const double* y, int64_t n, double* keys,
    int32_t* vals, int32_t* invalid) {
  LMNAS_GRID_STRIDE(i, n) {
    double yi = y[i];
    if (isnan(x[i]) || isnan(yi)) {
      *invalid = 1;
    }
    keys[i] = sortable(yi);
    vals[i] = static_cast<int32_t>(i);
  }
}

/** Sorts each 1024-element tile of (keys, vals) in shared memory, counting strict inversions. */
template <class K>
__global__ void __launch_bounds__(kTile) tile_sort_kernel(K* keys, int32_t* vals, int64_t n,
    unsigned long long* inversions) {
  __shared__ K sk[2][kTile];
  __shared__ int32_t sv[2][kTile];
  int64_t base = static_cast<int64_t>(blockIdx.x) * kTile;
  int count = static_cast<int>(n - base < kTile ? n - base : kTile);
  int i = threadIdx.x;
  if (i < count) {
    sk[0][i] = keys[base + i];
    if (vals != nullptr) {
      sv[0][i] = vals[base + i];
    }
  }
  __syncthreads();
  unsigned long long removed = 0;
  int src = 0;
  for (int width = 1; width < count; width *= 2) {
    if (i < count) {
      MergeSlot slot = merge_slot(sk[src], i, width, count);
      sk[src ^ 1][slot.dest] = sk[src][i];
      if (vals != nullptr) {
        sv[src ^ 1][slot.dest] = sv[src][i];
      }
      removed += static_cast<unsigned long long>(slot.inversions);
    }
    __syncthreads();
    src ^= 1;
  }
  if (i < count) {
    keys[base + i] = sk[src][i];
    if (vals != nullptr) {
      vals[base + i] = sv[src][i];
    }
  }
  if (inversions != nullptr) {
    add_block_total(removed, inversions);
  }
}

/** One global merge pass of runs of `width` from (srcK, srcV) into (dstK, dstV). */
template <class K>
__global__ void __launch_bounds__(kThreads) merge_pass_kernel(const K* srcK,
    const int32_t* srcV, K* dstK, int32_t* dstV, int64_t n, int64_t width,
    unsigned long long* inversions) {
  unsigned long long removed = 0;
  LMNAS_GRID_STRIDE(i, n) {
    MergeSlot slot = merge_slot(srcK, i, width, n);
    dstK[slot.dest] = srcK[i];
    if (srcV != nullptr) {
      dstV[slot.dest] = srcV[i];
    }
    removed += static_cast<unsigned long long>(slot.inversions);
  }
  if (inversions != nullptr) {
    add_block_total(removed, inversions);
  }
}

/** to[i] = from[perm[i]] (NaN made sortable). */
__global__ void gather_kernel(const double* from, const int32_t* perm, int64_t n, double* to) {
  LMNAS_GRID_STRIDE(i, n) {
    to[i] = sortable(from[perm[i]]);
  }
}

/** *out += pairs tied in a (and in b, when not null) of a sequence sorted by (a, b). */
__global__ void __launch_bounds__(kThreads) tie_pairs_kernel(const double* a, const double* b,
    int64_t n, unsigned long long* out) {
  unsigned long long tied = 0;
  LMNAS_GRID_STRIDE(i, n) {
    tied += static_cast<unsigned long long>(tied_before(a, b, i));
  }
  add_block_total(tied, out);
}

unsigned grid_for(int64_t n) {
  return blocks_for(n, kThreads, kMaxBlocks);
}

/**
 * Stable sort of keys (and vals, unless null) in place as far as the caller sees: on return
 * keys/vals point at the sorted data and tmpKeys/tmpVals at the other buffers. Strict inversions
 * are added to *inversions unless it is null.
 */
template <class K>
void merge_sort(K*& keys, int32_t*& vals, K*& tmpKeys, int32_t*& tmpVals, int64_t n,
    unsigned long long* inversions, cudaStream_t stream) {
  if (n < 2) {
    return;
  }
  unsigned tiles = static_cast<unsigned>((n + kTile - 1) / kTile);
  tile_sort_kernel<K><<<tiles, kTile, 0, stream>>>(keys, vals, n, inversions);
  for (int64_t width = kTile; width < n; width *= 2) {
    merge_pass_kernel<K><<<grid_for(n), kThreads, 0, stream>>>(keys, vals, tmpKeys, tmpVals, n,
        width, inversions);
    std::swap(keys, tmpKeys);
    std::swap(vals, tmpVals);
  }
}

/** The device buffers of one tau-b computation over n elements. */
struct TauBuffers {
  double* keys0;
  double* keys1;
  double* ys;
  int32_t* vals0;
  int32_t* vals1;

  static size_t bytes(int64_t n) {
    return 3 * align16(sizeof(double) * n) + 2 * align16(sizeof(int32_t) * n);
  }

  static TauBuffers carve(char* base, int64_t n) {
    TauBuffers b;
    size_t d = align16(sizeof(double) * n);
    size_t v = align16(sizeof(int32_t) * n);
    b.keys0 = reinterpret_cast<double*>(base);
    b.keys1 = reinterpret_cast<double*>(base + d);
    b.ys = reinterpret_cast<double*>(base + 2 * d);
    b.vals0 = reinterpret_cast<int32_t*>(base + 3 * d);
    b.vals1 = reinterpret_cast<int32_t*>(base + 3 * d + v);
    return b;
  }
};

/**
 * Queues the four tau-b counts of (x, y) into c, n >= 2, with buf.keys0 = y and buf.vals0 =
 * 0..n-1 already in place.
 */
void queue_tau_counts(const double* x, const double* y, int64_t n, TauBuffers buf, Counts* c,
    cudaStream_t stream) {
  double* keys = buf.keys0;
  double* tmpKeys = buf.keys1;
  int32_t* perm = buf.vals0;
  int32_t* tmpPerm = buf.vals1;
  // Sort by (x, y): two stable passes, the minor key first (as the CPU does).
  merge_sort(keys, perm, tmpKeys, tmpPerm, n, nullptr, stream);
  gather_kernel<<<grid_for(n), kThreads, 0, stream>>>(x, perm, n, keys);
  merge_sort(keys, perm, tmpKeys, tmpPerm, n, nullptr, stream);
  double* ys = buf.ys;
  gather_kernel<<<grid_for(n), kThreads, 0, stream>>>(y, perm, n, ys);
  tie_pairs_kernel<<<grid_for(n), kThreads, 0, stream>>>(keys, nullptr, n, &c->xTies);
  tie_pairs_kernel<<<grid_for(n), kThreads, 0, stream>>>(keys, ys, n, &c->jointTies);
  // Within an x tie the ys already ascend, so every strict inversion left is a discordant pair.
  int32_t* noVals = nullptr;
  int32_t* noTmpVals = nullptr;
  merge_sort(ys, noVals, tmpKeys, noTmpVals, n, &c->discordant, stream);
  tie_pairs_kernel<<<grid_for(n), kThreads, 0, stream>>>(ys, nullptr, n, &c->yTies);
}

/** Reads the counts back and evaluates tau-b exactly as KendallTau.tauB does. */
int finish_tau(const Counts* device, int64_t n, double* tau, lmnas_cuda_kendall_counts* out,
    cudaStream_t stream) {
  if (cudaGetLastError() != cudaSuccess) {
    return LMNAS_ECUDA;
  }
  Counts c;
  LMNAS_CUDA_TRY(cudaMemcpyAsync(&c, device, sizeof c, cudaMemcpyDeviceToHost, stream));
  LMNAS_CUDA_TRY(cudaStreamSynchronize(stream));
  if (c.invalid != 0) {
    return LMNAS_EINVAL;
  }
  int64_t total = n * (n - 1) / 2;
  int64_t xTies = static_cast<int64_t>(c.xTies);
  int64_t yTies = static_cast<int64_t>(c.yTies);
  int64_t jointTies = static_cast<int64_t>(c.jointTies);
  int64_t discordant = static_cast<int64_t>(c.discordant);
  if (out != nullptr) {
    *out = lmnas_cuda_kendall_counts{n, total, xTies, yTies, jointTies, discordant};
  }
  int64_t xUntied = total - xTies;
  int64_t yUntied = total - yTies;
  if (xUntied == 0 || yUntied == 0) {
    *tau = NAN;
    return LMNAS_OK;
  }
  int64_t concordantMinusDiscordant = total - xTies - yTies + jointTies - 2 * discordant;
  *tau = static_cast<double>(concordantMinusDiscordant)
      / sqrt(static_cast<double>(xUntied) * static_cast<double>(yUntied));
  return LMNAS_OK;
}

/** The result for n < 2 (after the inputs were checked): NaN and empty counts. */
int undefined_tau(int64_t n, double* tau, lmnas_cuda_kendall_counts* out) {
  *tau = NAN;
  if (out != nullptr) {
    *out = lmnas_cuda_kendall_counts{n, 0, 0, 0, 0, 0};
  }
  return LMNAS_OK;
}

// ---- sparse Kendall tau ---------------------------------------------------------------------

/**
 * Flags bad inputs, bins gt, counts each bin's members (a shared-memory histogram per block, as
 * a few hundred bins would otherwise take a million global atomics) and sets keys = pred, vals =
 * 0..n-1.
 */
__global__ void __launch_bounds__(kThreads) sparse_init_kernel(const double* pred,
    const double* gt, int64_t n, int32_t* bins, unsigned long long* binCount, double* keys,
    int32_t* vals, int32_t* invalid) {
  __shared__ unsigned int histogram[kBins];
  for (int b = threadIdx.x; b < kBins; b += blockDim.x) {
    histogram[b] = 0;
  }
  __syncthreads();
  LMNAS_GRID_STRIDE(i, n) {
    double g = gt[i];
    double p = pred[i];
    if (isnan(p) || !(g >= 0.0 && g <= 1.0)) {
      *invalid = 1;
    }
    int b = accuracy_bin(g);
    bins[i] = b;
    atomicAdd(&histogram[b], 1u);
    keys[i] = sortable(p);
    vals[i] = static_cast<int32_t>(i);
  }
  __syncthreads();
  for (int b = threadIdx.x; b < kBins; b += blockDim.x) {
    if (histogram[b] != 0) {
      atomicAdd(&binCount[b], static_cast<unsigned long long>(histogram[b]));
    }
  }
}

/** One thread: bin_ranks over the 1001 bins (a few microseconds; not worth a scan). */
__global__ void sparse_bins_kernel(const unsigned long long* binCount, int32_t* rankOfBin,
    int64_t* cumulative) {
  bin_ranks(binCount, rankOfBin, cumulative);
}

/**
 * x[i] = rank of the bin holding the i-th smallest accuracy (the binned ranks in gt order, found
 * from the bin counts without sorting gt); y[i] = rank of the i-th architecture by prediction.
 */
__global__ void sparse_xy_kernel(const int32_t* rankOfBin, const int64_t* cumulative,
    const int32_t* bins, const int32_t* byPred, int64_t n, double* x, double* y) {
  LMNAS_GRID_STRIDE(i, n) {
    int64_t b = upper_bound(cumulative, int64_t{0}, int64_t{kBins}, i);
    x[i] = static_cast<double>(rankOfBin[b]);
    y[i] = static_cast<double>(rankOfBin[bins[byPred[i]]]);
  }
}

}  // namespace
}  // namespace lmnas_cuda

using lmnas_cuda::align16;
using lmnas_cuda::Counts;
using lmnas_cuda::DeviceOf;
using lmnas_cuda::grid_for;
using lmnas_cuda::kThreads;
using lmnas_cuda::Scratch;
using lmnas_cuda::TauBuffers;

extern "C" int lmnas_cuda_kendall_tau_b(const double* x, const double* y, int64_t n, double* tau,
    lmnas_cuda_kendall_counts* counts, void* streamPtr) {
  if (tau == nullptr || n < 0 || n > INT32_MAX || (n > 0 && (x == nullptr || y == nullptr))) {
    return LMNAS_EINVAL;
  }
  if (n == 0) {
    return lmnas_cuda::undefined_tau(n, tau, counts);
  }
  cudaStream_t stream = static_cast<cudaStream_t>(streamPtr);
  size_t countsBytes = align16(sizeof(Counts));
  lmnas_cuda::drop_stale_error();
  DeviceOf device(x);
  if (!device.ok()) {
    return LMNAS_ECUDA;
  }
  Scratch scratch(stream);
  if (int rc = scratch.allocate(countsBytes + TauBuffers::bytes(n)); rc != LMNAS_OK) {
    return rc;
  }
  Counts* c = reinterpret_cast<Counts*>(scratch.get());
  TauBuffers buf = TauBuffers::carve(scratch.get() + countsBytes, n);
  LMNAS_CUDA_TRY(cudaMemsetAsync(c, 0, sizeof(Counts), stream));
  lmnas_cuda::kendall_init_kernel<<<grid_for(n), kThreads, 0, stream>>>(x, y, n, buf.keys0,
      buf.vals0, &c->invalid);
  if (n >= 2) {
    lmnas_cuda::queue_tau_counts(x, y, n, buf, c, stream);
  }
  int rc = lmnas_cuda::finish_tau(c, n, tau, counts, stream);
  if (rc == LMNAS_OK && n < 2) {
    return lmnas_cuda::undefined_tau(n, tau, counts);
  }
  return rc;
}

extern "C" int lmnas_cuda_sparse_kendall_tau(const double* pred, const double* gt, int64_t n,
    double* tau, lmnas_cuda_kendall_counts* counts, void* streamPtr) {
  if (tau == nullptr || n < 0 || n > INT32_MAX
      || (n > 0 && (pred == nullptr || gt == nullptr))) {
    return LMNAS_EINVAL;
  }
  if (n == 0) {
    return lmnas_cuda::undefined_tau(n, tau, counts);
  }
  cudaStream_t stream = static_cast<cudaStream_t>(streamPtr);
  constexpr int kBins = lmnas_cuda::kBins;
  size_t countsBytes = align16(sizeof(Counts));
  size_t binCountBytes = align16(sizeof(unsigned long long) * kBins);
  size_t rankBytes = align16(sizeof(int32_t) * kBins);
  size_t cumulativeBytes = align16(sizeof(int64_t) * kBins);
  size_t vectorBytes = align16(sizeof(double) * n);
  size_t binsBytes = align16(sizeof(int32_t) * n);
  size_t bytes = countsBytes + binCountBytes + rankBytes + cumulativeBytes + 2 * vectorBytes
      + binsBytes + TauBuffers::bytes(n);
  lmnas_cuda::drop_stale_error();
  DeviceOf device(pred);
  if (!device.ok()) {
    return LMNAS_ECUDA;
  }
  Scratch scratch(stream);
  if (int rc = scratch.allocate(bytes); rc != LMNAS_OK) {
    return rc;
  }
  char* at = scratch.get();
  Counts* c = reinterpret_cast<Counts*>(at);
  at += countsBytes;
  auto* binCount = reinterpret_cast<unsigned long long*>(at);
  at += binCountBytes;
  auto* rankOfBin = reinterpret_cast<int32_t*>(at);
  at += rankBytes;
  auto* cumulative = reinterpret_cast<int64_t*>(at);
  at += cumulativeBytes;
  auto* xs = reinterpret_cast<double*>(at);
  at += vectorBytes;
  auto* ys = reinterpret_cast<double*>(at);
  at += vectorBytes;
  auto* bins = reinterpret_cast<int32_t*>(at);
  at += binsBytes;
  TauBuffers buf = TauBuffers::carve(at, n);
  // Counts and bin counts are adjacent: one memset.
  LMNAS_CUDA_TRY(cudaMemsetAsync(scratch.get(), 0, countsBytes + binCountBytes, stream));
  // Fewer, fuller blocks: each one flushes its whole histogram.
  unsigned initGrid = lmnas_cuda::blocks_for(n, kThreads, 512);
  lmnas_cuda::sparse_init_kernel<<<initGrid, kThreads, 0, stream>>>(pred, gt, n, bins,
      binCount, buf.keys0, buf.vals0, &c->invalid);
  if (n >= 2) {
    lmnas_cuda::sparse_bins_kernel<<<1, 1, 0, stream>>>(binCount, rankOfBin, cumulative);
    double* keys = buf.keys0;
    double* tmpKeys = buf.keys1;
    int32_t* perm = buf.vals0;
    int32_t* tmpPerm = buf.vals1;
    lmnas_cuda::merge_sort(keys, perm, tmpKeys, tmpPerm, n, nullptr, stream);
    lmnas_cuda::sparse_xy_kernel<<<grid_for(n), kThreads, 0, stream>>>(rankOfBin, cumulative,
        bins, perm, n, xs, ys);
    // tau-b(x, y) with the same buffers, restarted from keys0 = y, vals0 = 0..n-1 (the NaN check
    // there cannot fire: x and y are whole numbers).
    lmnas_cuda::kendall_init_kernel<<<grid_for(n), kThreads, 0, stream>>>(xs, ys, n, buf.keys0,
        buf.vals0, &c->invalid);
    lmnas_cuda::queue_tau_counts(xs, ys, n, buf, c, stream);
  }
  int rc = lmnas_cuda::finish_tau(c, n, tau, counts, stream);
  if (rc == LMNAS_OK && n < 2) {
    return lmnas_cuda::undefined_tau(n, tau, counts);
  }
  return rc;
}
