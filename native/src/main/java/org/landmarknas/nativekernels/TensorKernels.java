package org.landmarknas.nativekernels;

import java.util.Locale;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.pytorch.Device;
import org.bytedeco.pytorch.Tensor;

/**
 * Our kernels on libtorch tensors, run where the tensors live: CPU tensors by the C++ library,
 * CUDA tensors by the CUDA library (built with {@code -Pcuda}), without copying the tensors'
 * data. Every tensor of one call must be on the same device, contiguous, with the dtype and
 * size each method states; anything else is an {@link IllegalArgumentException} naming the
 * kernel, the argument and what it got. CUDA tensors in a build without the CUDA kernels give an
 * {@link UnsupportedOperationException} saying how to build them.
 *
 * <p>The kernels read tensor data and write plain tensors; they are not autograd functions. To
 * train through the ranking loss, back-propagate its gradient into the graph that made the
 * landmark losses, e.g. {@code losses.backward(result.grad())}.
 *
 * <pre>
 * TensorKernels kernels = TensorKernels.onDefaultStream();
 * TensorKernels.RankingLoss r = kernels.rankingLoss(NativeRankingLoss.hinge(),
 *     landmarkLosses.detach(), better, worse, null);   // float32/64 losses, int32 indices
 * double tau = kernels.sparseKendallTau(predicted, accuracies);   // float64 vectors
 * </pre>
 *
 * <p>On CUDA, calls are queued on the stream given to {@link #onCudaStream} (default: the legacy
 * default stream, libtorch's current stream unless the caller changed it) and wait for it.
 */
public final class TensorKernels {

  /** R and dR/dL: {@code grad} has the landmark losses' dtype, size and device. */
  public record RankingLoss(double value, Tensor grad) {}

  private static final TensorKernels DEFAULT = new TensorKernels(null);

  private final Pointer cudaStream;

  private TensorKernels(Pointer cudaStream) {
    this.cudaStream = cudaStream;
  }

  /** Kernels that run CUDA work on the legacy default stream. */
  public static TensorKernels onDefaultStream() {
    return DEFAULT;
  }

  /**
   * Kernels that run CUDA work on {@code stream}, a {@code cudaStream_t} (for example {@code
   * torch_cuda.getCurrentCUDAStream().stream()} in a GPU build); CPU work is unaffected.
   */
  public static TensorKernels onCudaStream(Pointer stream) {
    return new TensorKernels(stream);
  }

  /** Null when CUDA tensors can be processed, else why not. */
  public static String cudaUnavailableReason() {
    return CudaKernelBackend.unavailableReason();
  }

  /**
   * The ranking regulariser R of {@link NativeRankingLoss} and its gradient for {@code n}
   * landmark losses and {@code m} pairs in one pass.
   *
   * @param losses float32 or float64, {@code n >= 1} entries
   * @param better int32, {@code m >= 1} indices into {@code losses}
   * @param worse int32, {@code m} indices
   * @param weights {@code losses}' dtype, {@code m} entries, or null for all 1
   */
  public RankingLoss rankingLoss(NativeRankingLoss loss, Tensor losses, Tensor better,
      Tensor worse, Tensor weights) {
    String kernel = "ranking loss on tensors";
    if (loss == null) {
      throw new IllegalArgumentException(kernel + ": loss is null");
    }
    vector(kernel, "losses", losses, "Float", "Double");
    String dtype = dtype(losses);
    vector(kernel, "better", better, "Int");
    vector(kernel, "worse", worse, "Int");
    sameLength(kernel, "better", better, "worse", worse);
    if (weights != null) {
      vector(kernel, "weights", weights, dtype);
      sameLength(kernel, "better", better, "weights", weights);
    }
    KernelBackend backend = weights == null
        ? backend(kernel, losses, better, worse)
        : backend(kernel, losses, better, worse, weights);
    Tensor grad = losses.new_empty(losses.numel());
    double value = backend.rankingLoss(loss, losses, better, worse, weights, grad);
    return new RankingLoss(value, grad);
  }

  /** Kendall tau-b of two float64 vectors of equal length (NaN when undefined). */
  public double kendallTauB(Tensor x, Tensor y) {
    String kernel = "Kendall tau-b on tensors";
    vector(kernel, "x", x, "Double");
    vector(kernel, "y", y, "Double");
    sameLength(kernel, "x", x, "y", y);
    return backend(kernel, x, y).kendallTauB(x, y);
  }

  /**
   * Sparse Kendall tau of predictions against stand-alone accuracies as fractions in [0, 1],
   * both float64 vectors of equal length.
   */
  public double sparseKendallTau(Tensor pred, Tensor gtFractions) {
    String kernel = "sparse Kendall tau on tensors";
    vector(kernel, "pred", pred, "Double");
    vector(kernel, "gt", gtFractions, "Double");
    sameLength(kernel, "pred", pred, "gt", gtFractions);
    return backend(kernel, pred, gtFractions).sparseKendallTau(pred, gtFractions);
  }

  /**
   * Fills the first {@code batch} images of {@code out} as {@link
   * NativeBatchAugmentation#fill(byte[], int[], int[], int[], boolean[], int, float[])} does.
   *
   * @param images uint8 {@code [count, channels, height, width]}
   * @param out float32 {@code [>= batch, channels, height, width]} on the same device
   */
  public void augmentBatch(NativeBatchAugmentation augmentation, Tensor images, int[] index,
      int[] dy, int[] dx, boolean[] flip, int batch, Tensor out) {
    String kernel = "batch augmentation on tensors";
    if (augmentation == null) {
      throw new IllegalArgumentException(kernel + ": augmentation is null");
    }
    imageTensor(kernel, "images", images, "Byte", augmentation, 0);
    imageTensor(kernel, "out", out, "Float", augmentation, batch);
    if (index == null) {
      throw new IllegalArgumentException(kernel + ": index is null");
    }
    for (int[] draws : new int[][] {index, dy, dx}) {
      if (draws != null && draws.length < batch) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "%s: a draw array has %d entries for a batch of %d", kernel, draws.length, batch));
      }
    }
    if (flip != null && flip.length < batch) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "%s: flip has %d entries for a batch of %d", kernel, flip.length, batch));
    }
    backend(kernel, images, out).augmentBatch(augmentation, images, index, dy, dx, flip, batch,
        out);
  }

  /** The name of the backend that runs kernels on tensors of {@code device}. */
  public static String backendName(Device device) {
    return DEFAULT.backendOf("backend", device).name();
  }

  private KernelBackend backend(String kernel, Tensor first, Tensor... others) {
    String where = deviceName(first.device());
    for (Tensor t : others) {
      String other = deviceName(t.device());
      if (!other.equals(where)) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "%s: tensors on different devices (%s and %s); move them to one", kernel, where,
            other));
      }
    }
    return backendOf(kernel, first.device());
  }

  private KernelBackend backendOf(String kernel, Device device) {
    if (device.is_cpu()) {
      return CpuKernelBackend.INSTANCE;
    }
    if (device.is_cuda()) {
      String problem = CudaKernelBackend.unavailableReason();
      if (problem != null) {
        throw new UnsupportedOperationException(kernel + " on " + deviceName(device) + ": "
            + problem);
      }
      return new CudaKernelBackend(cudaStream);
    }
    throw new IllegalArgumentException(String.format(Locale.ROOT,
        "%s: tensors on device %s; the kernels run on cpu and cuda tensors", kernel,
        deviceName(device)));
  }

  static boolean isFloat64(Tensor t) {
    return "Double".equals(dtype(t));
  }

  private static String dtype(Tensor t) {
    return String.valueOf(t.scalar_type());
  }

  private static String deviceName(Device device) {
    return device.str().getString();
  }

  private static void vector(String kernel, String name, Tensor t, String... dtypes) {
    if (t == null) {
      throw new IllegalArgumentException(kernel + ": " + name + " is null");
    }
    boolean typeOk = false;
    for (String d : dtypes) {
      typeOk |= d.equals(dtype(t));
    }
    if (t.dim() != 1 || !t.is_contiguous() || !typeOk || t.numel() < 1) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "%s: %s must be a non-empty contiguous 1-D %s tensor, got %s %s%s", kernel, name,
          String.join(" or ", dtypes), dtype(t), shape(t),
          t.is_contiguous() ? "" : " (not contiguous)"));
    }
  }

  private static void sameLength(String kernel, String a, Tensor ta, String b, Tensor tb) {
    if (ta.numel() != tb.numel()) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "%s: %s has %d entries but %s has %d", kernel, a, ta.numel(), b, tb.numel()));
    }
  }

  private static void imageTensor(String kernel, String name, Tensor t, String dtype,
      NativeBatchAugmentation aug, int minCount) {
    if (t == null) {
      throw new IllegalArgumentException(kernel + ": " + name + " is null");
    }
    boolean ok = t.dim() == 4 && t.is_contiguous() && dtype.equals(dtype(t))
        && t.size(0) >= minCount && t.size(1) == aug.channels() && t.size(2) == aug.height()
        && t.size(3) == aug.width();
    if (!ok) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "%s: %s must be a contiguous %s tensor [%s, %d, %d, %d], got %s %s%s", kernel, name,
          dtype, minCount > 0 ? ">= " + minCount : "count", aug.channels(), aug.height(),
          aug.width(), dtype(t), shape(t), t.is_contiguous() ? "" : " (not contiguous)"));
    }
  }

  private static String shape(Tensor t) {
    StringBuilder s = new StringBuilder("[");
    for (long d = 0; d < t.dim(); d++) {
      s.append(d == 0 ? "" : ", ").append(t.size(d));
    }
    return s.append(']').toString();
  }
}
