// The landmark ranking regulariser R and dR/dL in one kernel launch (see lmnas_cuda.h).
//
// Each thread takes pairs in a grid-stride loop, gathers L[better] and L[worse], evaluates f and
// f' in double and scatters +-g into a double gradient: in shared memory when the landmark count
// is small (the usual case: tens of landmarks, up to all their pairs), so that the many pairs
// touching one landmark do not all queue on one global address, else straight into global
// memory. Block partial sums of R go to scratch; the last block to finish (a fence plus a
// counter, no second launch) adds the partials in a fixed order, rounds R and the gradient to T
// and writes them, and stores the status code.
#include <cuda_runtime.h>
#include <math.h>
#include <stdint.h>

#include "lmnas_cuda.h"
#include "lmnas_cuda_common.cuh"
#include "lmnas_cuda_device.cuh"

namespace lmnas_cuda {
namespace {

/** Landmark counts up to this keep a per-block gradient in shared memory (32 KiB of doubles). */
constexpr int64_t kSharedGradMax = 4096;
/** At most this many blocks: enough to fill an H200 several times over. */
constexpr int64_t kMaxBlocks = 1024;

/** The scratch a call needs, carved out of one allocation. */
struct Layout {
  size_t done;     // unsigned int: blocks finished
  size_t error;    // unsigned long long: max pair_error_key
  size_t code;     // int32_t: status when the caller gave none
  size_t partial;  // double[grid]
  size_t grad64;   // double[n]
  size_t bytes;

  Layout(unsigned grid, int64_t n) {
    done = 0;
    error = 8;
    code = 16;
    partial = 32;
    grad64 = align16(partial + sizeof(double) * grid);
    bytes = align16(grad64 + sizeof(double) * static_cast<size_t>(n));
  }
};

template <class T>
__global__ void __launch_bounds__(kThreads) ranking_loss_kernel(const T* losses, int64_t n,
    const int32_t* better, const int32_t* worse, const T* weights, int64_t m, int kind,
    double param, T* value, T* grad, int32_t* code, bool sharedGrad, unsigned int* done,
    unsigned long long* error, double* partial, double* grad64) {
  extern __shared__ double sgrad[];
  if (sharedGrad) {
    for (int64_t k = threadIdx.x; k < n; k += blockDim.x) {
      sgrad[k] = 0.0;
    }
    __syncthreads();
  }
  double* acc = sharedGrad ? sgrad : grad64;
  const double scale = 1.0 / static_cast<double>(m);
  double local = 0.0;
  int64_t stride = static_cast<int64_t>(gridDim.x) * blockDim.x;
  for (int64_t p = static_cast<int64_t>(blockIdx.x) * blockDim.x + threadIdx.x; p < m;
       p += stride) {
    int32_t b = better[p];
    int32_t w = worse[p];
    if (b < 0 || b >= n || w < 0 || w >= n) {
      atomicMax(error, pair_error_key(p, m, LMNAS_EINVAL));
      continue;
    }
    double lb = static_cast<double>(losses[b]);
    double lw = static_cast<double>(losses[w]);
    if (!isfinite(lb) || !isfinite(lw)) {
      atomicMax(error, pair_error_key(p, m, LMNAS_ENONFINITE));
      continue;
    }
    double weight = 1.0;
    if (weights != nullptr) {
      weight = static_cast<double>(weights[p]);
      if (!(weight >= 0) || !isfinite(weight)) {  // as on the CPU: a NaN or negative weight
        atomicMax(error, pair_error_key(p, m, LMNAS_EINVAL));  // would poison or flip grad
        continue;
      }
    }
    double f;
    double slope;
    pair_loss(kind, param, lb - lw, &f, &slope);
    local += __dmul_rn(weight, f);  // rounded product, no fused multiply-add: as on the CPU
    double g = scale * weight * slope;
    if (g != 0.0) {  // hinge pairs in order contribute nothing: skip their atomics
      atomicAdd(&acc[b], g);
      atomicAdd(&acc[w], -g);
    }
  }
  if (sharedGrad) {
    __syncthreads();
    for (int64_t k = threadIdx.x; k < n; k += blockDim.x) {
      double g = sgrad[k];
      if (g != 0.0) {
        atomicAdd(&grad64[k], g);
      }
    }
  }
  // Publish this thread's gradient atomics before the block counts itself done.
  __threadfence();
  double blockTotal = block_sum(local);
  __shared__ bool last;
  if (threadIdx.x == 0) {
    partial[blockIdx.x] = blockTotal;
    __threadfence();
    last = atomicAdd(done, 1u) == gridDim.x - 1;
  }
  __syncthreads();
  if (!last) {
    return;
  }
  __threadfence();
  // Fixed assignment of partials to threads and a fixed tree: R is the same on every run.
  double total = 0.0;
  for (unsigned i = threadIdx.x; i < gridDim.x; i += blockDim.x) {
    total += __ldcg(&partial[i]);
  }
  total = block_sum(total);
  if (threadIdx.x == 0) {
    *value = static_cast<T>(total * scale);
    *code = pair_error_code(__ldcg(error));
  }
  for (int64_t k = threadIdx.x; k < n; k += blockDim.x) {
    grad[k] = static_cast<T>(__ldcg(&grad64[k]));
  }
}

template <class T>
int ranking_loss(const T* losses, int64_t n, const int32_t* better, const int32_t* worse,
    const T* weights, int64_t m, int kind, double param, T* value, T* grad, int32_t* status,
    void* streamPtr) {
  if (losses == nullptr || better == nullptr || worse == nullptr || value == nullptr
      || grad == nullptr || n < 1 || m < 1) {
    return LMNAS_EINVAL;
  }
  switch (kind) {
    case LMNAS_HINGE:
      break;
    case LMNAS_MARGIN_HINGE:
      if (!(param >= 0.0) || !isfinite(param)) {
        return LMNAS_EINVAL;
      }
      break;
    case LMNAS_SOFTPLUS:
      if (!(param > 0.0) || !isfinite(param)) {
        return LMNAS_EINVAL;
      }
      break;
    default:
      return LMNAS_EINVAL;
  }
  cudaStream_t stream = static_cast<cudaStream_t>(streamPtr);
  unsigned grid = blocks_for(m, kThreads, kMaxBlocks);
  bool sharedGrad = n <= kSharedGradMax;
  size_t sharedBytes = sharedGrad ? sizeof(double) * static_cast<size_t>(n) : 0;
  Layout layout(grid, n);
  drop_stale_error();
  DeviceOf device(losses);
  if (!device.ok()) {
    return LMNAS_ECUDA;
  }
  Scratch scratch(stream);
  if (int rc = scratch.allocate(layout.bytes); rc != LMNAS_OK) {
    return rc;
  }
  char* base = scratch.get();
  LMNAS_CUDA_TRY(cudaMemsetAsync(base, 0, layout.bytes, stream));
  int32_t* code = status != nullptr ? status : reinterpret_cast<int32_t*>(base + layout.code);
  ranking_loss_kernel<T><<<grid, kThreads, sharedBytes, stream>>>(losses, n, better, worse,
      weights, m, kind, param, value, grad, code, sharedGrad,
      reinterpret_cast<unsigned int*>(base + layout.done),
      reinterpret_cast<unsigned long long*>(base + layout.error),
      reinterpret_cast<double*>(base + layout.partial),
      reinterpret_cast<double*>(base + layout.grad64));
  return finish_status(code, status != nullptr, stream);
}

}  // namespace
}  // namespace lmnas_cuda

extern "C" int lmnas_cuda_ranking_loss_f32(const float* losses, int64_t n, const int32_t* better,
    const int32_t* worse, const float* weights, int64_t m, int kind, double param, float* value,
    float* grad, int32_t* status, void* stream) {
  return lmnas_cuda::ranking_loss<float>(losses, n, better, worse, weights, m, kind, param,
      value, grad, status, stream);
}

extern "C" int lmnas_cuda_ranking_loss_f64(const double* losses, int64_t n,
    const int32_t* better, const int32_t* worse, const double* weights, int64_t m, int kind,
    double param, double* value, double* grad, int32_t* status, void* stream) {
  return lmnas_cuda::ranking_loss<double>(losses, n, better, worse, weights, m, kind, param,
      value, grad, status, stream);
}
