// Batch assembly with augmentation (see lmnas_cuda.h): one thread per output pixel, so that
// neighbouring threads write neighbouring floats and read neighbouring (or, mirrored, reversed)
// bytes. The per-channel 256-entry table turns each byte into its normalised float with a load
// instead of arithmetic, exactly as the CPU does, so GPU and CPU outputs are bit-identical.
#include <cuda_runtime.h>
#include <stdint.h>

#include "lmnas_cuda.h"
#include "lmnas_cuda_common.cuh"
#include "lmnas_cuda_device.cuh"

namespace lmnas_cuda {
namespace {

constexpr int64_t kMaxBlocks = int64_t{1} << 20;

__global__ void __launch_bounds__(kThreads) augment_kernel(const uint8_t* images, int64_t count,
    int32_t channels, int32_t height, int32_t width, const int32_t* index, const int32_t* dy,
    const int32_t* dx, const uint8_t* flip, int64_t batch, const float* table, float* out,
    int32_t* code) {
  int64_t plane = static_cast<int64_t>(height) * width;
  int64_t perImage = plane * channels;
  int64_t total = perImage * batch;
  for (int64_t t = static_cast<int64_t>(blockIdx.x) * blockDim.x + threadIdx.x; t < total;
       t += static_cast<int64_t>(gridDim.x) * blockDim.x) {
    int64_t k = t / perImage;
    int64_t inImage = t - k * perImage;
    int32_t c = static_cast<int32_t>(inImage / plane);
    int64_t inPlane = inImage - c * plane;
    int32_t y = static_cast<int32_t>(inPlane / width);
    int32_t x = static_cast<int32_t>(inPlane - static_cast<int64_t>(y) * width);
    int64_t image = index[k];
    if (image < 0 || image >= count) {
      *code = LMNAS_EINVAL;
      continue;
    }
    int64_t source = augment_source(height, width, c, y, x, dy == nullptr ? 0 : dy[k],
        dx == nullptr ? 0 : dx[k], flip != nullptr && flip[k] != 0);
    int byte = source < 0 ? 0 : images[image * perImage + source];
    out[t] = table[c * 256 + byte];
  }
}

}  // namespace
}  // namespace lmnas_cuda

extern "C" int lmnas_cuda_augment_batch(const uint8_t* images, int64_t count, int32_t channels,
    int32_t height, int32_t width, const int32_t* index, const int32_t* dy, const int32_t* dx,
    const uint8_t* flip, int64_t batch, const float* table, float* out, int32_t* status,
    void* streamPtr) {
  using namespace lmnas_cuda;
  if (batch < 0 || count < 0 || channels < 1 || height < 1 || width < 1) {
    return LMNAS_EINVAL;
  }
  cudaStream_t stream = static_cast<cudaStream_t>(streamPtr);
  if (batch == 0) {
    if (status != nullptr) {
      LMNAS_CUDA_TRY(cudaMemsetAsync(status, 0, sizeof(int32_t), stream));
    }
    return LMNAS_OK;
  }
  if (images == nullptr || index == nullptr || table == nullptr || out == nullptr) {
    return LMNAS_EINVAL;
  }
  drop_stale_error();
  DeviceOf device(out);
  if (!device.ok()) {
    return LMNAS_ECUDA;
  }
  Scratch scratch(stream);
  int32_t* code = status;
  if (code == nullptr) {
    if (int rc = scratch.allocate(sizeof(int32_t)); rc != LMNAS_OK) {
      return rc;
    }
    code = reinterpret_cast<int32_t*>(scratch.get());
  }
  LMNAS_CUDA_TRY(cudaMemsetAsync(code, 0, sizeof(int32_t), stream));
  int64_t total = static_cast<int64_t>(channels) * height * width * batch;
  augment_kernel<<<blocks_for(total, kThreads, kMaxBlocks), kThreads, 0, stream>>>(images, count,
      channels, height, width, index, dy, dx, flip, batch, table, out, code);
  return finish_status(code, status != nullptr, stream);
}
