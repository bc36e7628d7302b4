package org.landmarknas.nativekernels;

import java.util.Locale;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Device;
import org.bytedeco.pytorch.MemoryFormatOptional;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptions;
import org.bytedeco.pytorch.global.torch;
import org.bytedeco.pytorch.global.torch.ScalarType;

/**
 * The CUDA kernels on CUDA tensors, through {@link LmnasCudaKernels}. Calls are blocking (the
 * C API's {@code status == NULL} mode): each waits for its stream, so errors are known when it
 * returns. A call the kernel refuses (an index out of range, a non-finite loss, a bad weight, a
 * NaN) is run again on host copies by the {@link CpuKernelBackend}, whose facades name the
 * culprit; the kernels check what the CPU library checks (the driver's error cases hold them to
 * it), and the augmentation's image indices, known on the host, are checked before any upload,
 * so that a refused batch writes nothing, as on the CPU. Every temporary tensor (uploads, the
 * value) is freed when the call returns: the engine runs without JavaCPP's GC thread.
 */
final class CudaKernelBackend implements KernelBackend {

  private final Pointer stream;

  /** @param stream a {@code cudaStream_t}, or null for the legacy default stream */
  CudaKernelBackend(Pointer stream) {
    this.stream = stream;
  }

  /**
   * Null when the CUDA kernels can be called, else why not (this build lacks them, or the CUDA
   * runtime cannot be loaded). Tried once per JVM.
   */
  static String unavailableReason() {
    return Load.PROBLEM;
  }

  private static final class Load {
    static final String PROBLEM = probe();

    private static String probe() {
      try {
        Loader.load(LmnasCudaKernels.class);
        return null;
      } catch (UnsatisfiedLinkError | SecurityException e) {
        return "the CUDA kernels are not available in this build (build with `mvn -Pcuda`,"
            + " which needs nvcc, and run where libcudart.so.13 can be loaded): "
            + e.getMessage();
      }
    }
  }

  @Override
  public String name() {
    return "cuda (CUDA kernels, liblmnas_cuda)";
  }

  @Override
  public double rankingLoss(NativeRankingLoss loss, Tensor losses, Tensor better, Tensor worse,
      Tensor weights, Tensor grad) {
    try (PointerScope scope = new PointerScope()) {
      return rankingLossIn(loss, losses, better, worse, weights, grad);
    }
  }

  private double rankingLossIn(NativeRankingLoss loss, Tensor losses, Tensor better,
      Tensor worse, Tensor weights, Tensor grad) {
    long n = losses.numel();
    long m = better.numel();
    Tensor value = losses.new_empty(1);
    int code;
    if (TensorKernels.isFloat64(losses)) {
      code = LmnasCudaKernels.rankingLossF64(losses.data_ptr_double(), n, better.data_ptr_int(),
          worse.data_ptr_int(), weights == null ? null : weights.data_ptr_double(), m,
          loss.kind().code(), loss.param(), value.data_ptr_double(), grad.data_ptr_double(),
          null, stream);
    } else {
      code = LmnasCudaKernels.rankingLossF32(losses.data_ptr_float(), n, better.data_ptr_int(),
          worse.data_ptr_int(), weights == null ? null : weights.data_ptr_float(), m,
          loss.kind().code(), loss.param(), value.data_ptr_float(), grad.data_ptr_float(),
          null, stream);
    }
    check(code, "CUDA ranking loss", () -> CpuKernelBackend.INSTANCE.rankingLoss(loss,
        losses.cpu(), better.cpu(), worse.cpu(), weights == null ? null : weights.cpu(),
        grad.cpu()));
    return value.item_double();
  }

  @Override
  public double kendallTauB(Tensor x, Tensor y) {
    double[] tau = new double[1];
    try (PointerScope scope = new PointerScope()) {
      int code = LmnasCudaKernels.kendallTauB(x.data_ptr_double(), y.data_ptr_double(),
          x.numel(), tau, null, stream);
      check(code, "CUDA Kendall tau-b", () -> CpuKernelBackend.INSTANCE.kendallTauB(x.cpu(),
          y.cpu()));
    }
    return tau[0];
  }

  @Override
  public double sparseKendallTau(Tensor pred, Tensor gt) {
    double[] tau = new double[1];
    try (PointerScope scope = new PointerScope()) {
      int code = LmnasCudaKernels.sparseKendallTau(pred.data_ptr_double(),
          gt.data_ptr_double(), pred.numel(), tau, null, stream);
      check(code, "CUDA sparse Kendall tau", () -> CpuKernelBackend.INSTANCE.sparseKendallTau(
          pred.cpu(), gt.cpu()));
    }
    return tau[0];
  }

  @Override
  public void augmentBatch(NativeBatchAugmentation augmentation, Tensor images, int[] index,
      int[] dy, int[] dx, boolean[] flip, int batch, Tensor out) {
    if (batch == 0) {
      return;
    }
    long count = images.size(0);
    for (int k = 0; k < batch; k++) {
      if (index[k] < 0 || index[k] >= count) {
        throw new IllegalArgumentException("CUDA batch augmentation: "
            + NativeBatchAugmentation.badIndex(index, batch, count));
      }
    }
    try (PointerScope scope = new PointerScope()) {
      augmentIn(augmentation, images, index, dy, dx, flip, batch, out);
    }
  }

  private void augmentIn(NativeBatchAugmentation augmentation, Tensor images, int[] index,
      int[] dy, int[] dx, boolean[] flip, int batch, Tensor out) {
    // The draws and the table are made in Java and small: one upload each per batch.
    Device device = images.device();
    Tensor dIndex = upload(index, batch, device);
    Tensor dDy = dy == null ? null : upload(dy, batch, device);
    Tensor dDx = dx == null ? null : upload(dx, batch, device);
    Tensor dFlip = null;
    if (flip != null) {
      byte[] bytes = new byte[batch];
      for (int k = 0; k < batch; k++) {
        bytes[k] = (byte) (flip[k] ? 1 : 0);
      }
      Tensor host = hostTensor(batch, ScalarType.Byte);
      host.data_ptr_byte().put(bytes, 0, batch);
      dFlip = host.to(device, ScalarType.Byte);
    }
    float[] table = augmentation.table();
    Tensor hostTable = hostTensor(table.length, ScalarType.Float);
    hostTable.data_ptr_float().put(table, 0, table.length);
    Tensor dTable = hostTable.to(device, ScalarType.Float);
    int code = LmnasCudaKernels.augmentBatch(images.data_ptr_byte(), images.size(0),
        augmentation.channels(), augmentation.height(), augmentation.width(),
        dIndex.data_ptr_int(), dDy == null ? null : dDy.data_ptr_int(),
        dDx == null ? null : dDx.data_ptr_int(), dFlip == null ? null : dFlip.data_ptr_byte(),
        batch, dTable.data_ptr_float(), out.data_ptr_float(), null, stream);
    long count = images.size(0);
    check(code, "CUDA batch augmentation", () -> {
      throw new IllegalArgumentException("CUDA batch augmentation: "
          + NativeBatchAugmentation.badIndex(index, batch, count));
    });
  }

  private static Tensor upload(int[] values, int count, Device device) {
    Tensor host = hostTensor(count, ScalarType.Int);
    host.data_ptr_int().put(values, 0, count);
    return host.to(device, ScalarType.Int);
  }

  private static Tensor hostTensor(long count, ScalarType type) {
    return torch.empty(new long[] {count}, new TensorOptions(type), new MemoryFormatOptional());
  }

  /**
   * Throws unless {@code code} is OK. A refused argument is explained by {@code cpuRerun}, which
   * throws the CPU facade's message for the same inputs.
   */
  private static void check(int code, String kernel, Runnable cpuRerun) {
    if (code == LmnasKernels.OK) {
      return;
    }
    if (code == LmnasKernels.EINVAL || code == LmnasKernels.ENONFINITE) {
      cpuRerun.run();
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "%s: the kernel refused its arguments (code %d)", kernel, code));
    }
    if (code == LmnasKernels.ENOMEM) {
      throw new OutOfMemoryError(kernel + ": the GPU has no memory left for the kernel's scratch"
          + " space");
    }
    if (code == LmnasKernels.ECUDA) {
      throw new IllegalStateException(kernel + ": a CUDA runtime call failed (LMNAS_ECUDA);"
          + " cuda-kernels/run-on-gpu.sh checks the device and the kernels");
    }
    throw new IllegalStateException(String.format(Locale.ROOT,
        "%s: the CUDA kernel returned the unknown status %d", kernel, code));
  }
}
