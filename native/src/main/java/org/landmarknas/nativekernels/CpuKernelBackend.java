package org.landmarknas.nativekernels;

import org.bytedeco.pytorch.Tensor;

/**
 * The C++ kernels on CPU tensors: the facades' pointer forms on each tensor's {@code data_ptr},
 * so nothing is copied and the facades' checks and messages apply.
 */
final class CpuKernelBackend implements KernelBackend {

  static final CpuKernelBackend INSTANCE = new CpuKernelBackend();

  private CpuKernelBackend() {}

  @Override
  public String name() {
    return "cpu (C++ kernels, libjniLmnasKernels)";
  }

  @Override
  public double rankingLoss(NativeRankingLoss loss, Tensor losses, Tensor better, Tensor worse,
      Tensor weights, Tensor grad) {
    long n = losses.numel();
    long m = better.numel();
    if (TensorKernels.isFloat64(losses)) {
      return loss.evaluate(losses.data_ptr_double(), n, better.data_ptr_int(),
          worse.data_ptr_int(), weights == null ? null : weights.data_ptr_double(), m,
          grad.data_ptr_double());
    }
    return loss.evaluate(losses.data_ptr_float(), n, better.data_ptr_int(), worse.data_ptr_int(),
        weights == null ? null : weights.data_ptr_float(), m, grad.data_ptr_float());
  }

  @Override
  public double kendallTauB(Tensor x, Tensor y) {
    return NativeKendallTau.tauB(x.data_ptr_double(), y.data_ptr_double(), x.numel());
  }

  @Override
  public double sparseKendallTau(Tensor pred, Tensor gt) {
    return NativeSparseKendallTau.ofFractions(pred.data_ptr_double(), gt.data_ptr_double(),
        pred.numel());
  }

  @Override
  public void augmentBatch(NativeBatchAugmentation augmentation, Tensor images, int[] index,
      int[] dy, int[] dx, boolean[] flip, int batch, Tensor out) {
    augmentation.fill(images.data_ptr_byte(), images.size(0), index, dy, dx, flip, batch,
        out.data_ptr_float());
  }
}
