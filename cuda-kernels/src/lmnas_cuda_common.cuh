// Host and device plumbing shared by the kernel files: CUDA error mapping, stream-ordered
// scratch memory, warp/block reductions and the status protocol of lmnas_cuda.h.
#ifndef LMNAS_CUDA_COMMON_CUH
#define LMNAS_CUDA_COMMON_CUH

#include <cuda_runtime.h>
#include <stdint.h>

#include "lmnas_cuda.h"

// A failed runtime call returns LMNAS_ECUDA from the enclosing function.
#define LMNAS_CUDA_TRY(call)          \
  do {                                \
    if ((call) != cudaSuccess) {      \
      return LMNAS_ECUDA;             \
    }                                 \
  } while (0)

namespace lmnas_cuda {

constexpr int kThreads = 256;

/**
 * Scratch memory in stream order, freed (also on early returns) when the scope ends. Falls back
 * to cudaMalloc/cudaFree where the device has no stream-ordered allocator; cudaFree then
 * synchronises, which is correct, only slower.
 */
class Scratch {
 public:
  explicit Scratch(cudaStream_t stream) : stream_(stream) {}
  Scratch(const Scratch&) = delete;
  Scratch& operator=(const Scratch&) = delete;
  ~Scratch() {
    if (ptr_ != nullptr) {
      if (async_) {
        cudaFreeAsync(ptr_, stream_);
      } else {
        cudaFree(ptr_);
      }
    }
  }

  /**
   * Allocates `bytes` (once per object): LMNAS_OK, LMNAS_ENOMEM when the device is out of memory
   * (as the CPU kernels report a failed allocation), LMNAS_ECUDA for any other failure.
   */
  int allocate(size_t bytes) {
    size_t size = bytes == 0 ? 1 : bytes;
    if (cudaMallocAsync(&ptr_, size, stream_) == cudaSuccess) {
      async_ = true;
      return LMNAS_OK;
    }
    cudaGetLastError();  // not sticky: clear it and try the plain allocator
    ptr_ = nullptr;
    async_ = false;
    cudaError_t e = cudaMalloc(&ptr_, size);
    if (e == cudaSuccess) {
      return LMNAS_OK;
    }
    cudaGetLastError();
    ptr_ = nullptr;
    return e == cudaErrorMemoryAllocation ? LMNAS_ENOMEM : LMNAS_ECUDA;
  }

  char* get() const { return static_cast<char*>(ptr_); }

 private:
  cudaStream_t stream_;
  void* ptr_ = nullptr;
  bool async_ = false;
};

/**
 * Makes the device that holds `ptr` current for the scope, and the caller's current again after:
 * the kernels, their scratch memory and their stream belong on the device of the data (with
 * tensors on cuda:1 while cuda:0 is current, they would otherwise run on the wrong GPU). Memory
 * that is not device memory leaves the current device as it is.
 */
class DeviceOf {
 public:
  explicit DeviceOf(const void* ptr) {
    if (cudaGetDevice(&previous_) != cudaSuccess) {
      cudaGetLastError();
      return;
    }
    cudaPointerAttributes attr;
    if (cudaPointerGetAttributes(&attr, ptr) != cudaSuccess) {
      cudaGetLastError();
      return;
    }
    ok_ = true;
    if (attr.type == cudaMemoryTypeDevice && attr.device != previous_) {
      if (cudaSetDevice(attr.device) != cudaSuccess) {
        cudaGetLastError();
        ok_ = false;
        return;
      }
      switched_ = true;
    }
  }
  DeviceOf(const DeviceOf&) = delete;
  DeviceOf& operator=(const DeviceOf&) = delete;
  ~DeviceOf() {
    if (switched_) {
      cudaSetDevice(previous_);
    }
  }

  /** False when the device could not be found or made current (then return LMNAS_ECUDA). */
  bool ok() const { return ok_; }

 private:
  int previous_ = 0;
  bool ok_ = false;
  bool switched_ = false;
};

/**
 * Called by every entry point that launches work, before it does: a launch error is read with
 * cudaGetLastError after the launches, and that also returns an error some earlier, unrelated call left pending (a failed
 * cudaMalloc of the caller, say), which would fail this call for nothing. It is not this call's
 * to report; a sticky error (a broken context) survives it and fails the call where it belongs.
 */
inline void drop_stale_error() {
  cudaGetLastError();
}

/** Rounds a byte offset up to 16 so that every scratch region is aligned for any type. */
inline size_t align16(size_t bytes) {
  return (bytes + 15) & ~static_cast<size_t>(15);
}

/** Blocks for `work` items at `threads` per block, at most `cap` (grid-stride loops do the rest). */
inline unsigned blocks_for(int64_t work, int threads, int64_t cap) {
  int64_t b = (work + threads - 1) / threads;
  if (b < 1) {
    b = 1;
  }
  return static_cast<unsigned>(b < cap ? b : cap);
}

template <class T>
__device__ __forceinline__ T warp_sum(T v) {
  for (int offset = 16; offset > 0; offset >>= 1) {
    v += __shfl_down_sync(0xffffffffu, v, offset);
  }
  return v;
}

/**
 * Sum of v over the block, valid in thread 0; in a fixed order, so deterministic. Needs
 * blockDim.x a multiple of 32 and at most 1024; every thread must call it.
 */
template <class T>
__device__ T block_sum(T v) {
  __shared__ T warps[32];
  int lane = threadIdx.x & 31;
  int warp = threadIdx.x >> 5;
  v = warp_sum(v);
  __syncthreads();  // warps[] may still be read by a previous call
  if (lane == 0) {
    warps[warp] = v;
  }
  __syncthreads();
  int count = blockDim.x >> 5;
  v = threadIdx.x < count ? warps[threadIdx.x] : T(0);
  if (warp == 0) {
    v = warp_sum(v);
  }
  return v;
}

/**
 * Finishes a call whose kernel left its LMNAS code in the device int `code`: with a caller status
 * the code was already stored there and the call returns at once; without one it waits for the
 * stream and returns the code.
 */
inline int finish_status(const int32_t* code, bool async, cudaStream_t stream) {
  if (cudaGetLastError() != cudaSuccess) {  // a failed launch
    return LMNAS_ECUDA;
  }
  if (async) {
    return LMNAS_OK;
  }
  int32_t host = LMNAS_OK;
  LMNAS_CUDA_TRY(cudaMemcpyAsync(&host, code, sizeof host, cudaMemcpyDeviceToHost, stream));
  LMNAS_CUDA_TRY(cudaStreamSynchronize(stream));
  return host;
}

}  // namespace lmnas_cuda

#endif
