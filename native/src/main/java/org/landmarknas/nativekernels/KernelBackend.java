package org.landmarknas.nativekernels;

import org.bytedeco.pytorch.Tensor;

/**
 * Where the kernels run for tensors on one kind of device: {@link CpuKernelBackend} (the C++
 * library) or {@link CudaKernelBackend} (the CUDA library). {@link TensorKernels} picks one by
 * the device of the tensors and has already checked them: one device, contiguous, the right
 * dtypes and sizes. Each method throws as the facades do (a bad index or a non-finite loss as
 * {@link IllegalArgumentException} naming the culprit).
 */
interface KernelBackend {

  /** For messages: the device kind and library. */
  String name();

  /** R into the return value and dR/dL into {@code grad}; {@code weights} may be null. */
  double rankingLoss(NativeRankingLoss loss, Tensor losses, Tensor better, Tensor worse,
      Tensor weights, Tensor grad);

  /** Kendall tau-b of two float64 vectors. */
  double kendallTauB(Tensor x, Tensor y);

  /** Sparse Kendall tau of float64 predictions against float64 accuracies in [0, 1]. */
  double sparseKendallTau(Tensor pred, Tensor gt);

  /** The first {@code batch} images of {@code out} from uint8 {@code images}. */
  void augmentBatch(NativeBatchAugmentation augmentation, Tensor images, int[] index, int[] dy,
      int[] dx, boolean[] flip, int batch, Tensor out);
}
