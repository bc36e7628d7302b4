package org.landmarknas.nativekernels;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.annotation.Cast;
import org.bytedeco.javacpp.annotation.Name;
import org.bytedeco.javacpp.annotation.NoException;
import org.bytedeco.javacpp.annotation.Platform;

/**
 * The raw JavaCPP binding of the GPU twins in {@code cuda-kernels/include/lmnas_cuda.h}: one
 * static native method per C function, each returning the C status code. Every pointer is DEVICE
 * memory (a CUDA tensor's {@code data_ptr}) except the Kendall results ({@code tau}, host), and
 * {@code stream} is a {@code cudaStream_t} ({@code null}: the legacy default stream, which is
 * libtorch's current stream unless a caller changed it). With {@code status == null} a call
 * waits for its stream and returns the device-side code; with a device {@code int32} status it
 * returns once the work is queued (see the header).
 *
 * <p>The JNI library of this class ({@code libjniLmnasCudaKernels.so}, linked to {@code
 * liblmnas_cuda.so}) is built only by the Maven profile {@code -Pcuda}, which compiles the CUDA
 * library first. Unlike {@link LmnasKernels} this class therefore does not load itself: {@link
 * CudaKernelBackend#unavailableReason()} tries once and says why it cannot, and is the only way
 * the engine reaches these methods. Use {@link TensorKernels} unless you need the codes or the
 * asynchronous status.
 */
@Platform(include = "lmnas_cuda.h", link = "lmnas_cuda")
@NoException
public final class LmnasCudaKernels {

  private LmnasCudaKernels() {}

  /** {@code lmnas_cuda_ranking_loss_f32}: losses, weights, value, grad, status on the device. */
  @Name("lmnas_cuda_ranking_loss_f32")
  public static native int rankingLossF32(@Cast("const float*") FloatPointer losses, long n,
      @Cast("const int32_t*") IntPointer better, @Cast("const int32_t*") IntPointer worse,
      @Cast("const float*") FloatPointer weights, long m, int kind, double param,
      FloatPointer value, FloatPointer grad, @Cast("int32_t*") IntPointer status,
      Pointer stream);

  /** {@code lmnas_cuda_ranking_loss_f64}: losses, weights, value, grad, status on the device. */
  @Name("lmnas_cuda_ranking_loss_f64")
  public static native int rankingLossF64(@Cast("const double*") DoublePointer losses, long n,
      @Cast("const int32_t*") IntPointer better, @Cast("const int32_t*") IntPointer worse,
      @Cast("const double*") DoublePointer weights, long m, int kind, double param,
      DoublePointer value, DoublePointer grad, @Cast("int32_t*") IntPointer status,
      Pointer stream);

  /** {@code lmnas_cuda_kendall_tau_b}: x, y on the device, tau on the host; counts may be null. */
  @Name("lmnas_cuda_kendall_tau_b")
  public static native int kendallTauB(@Cast("const double*") DoublePointer x,
      @Cast("const double*") DoublePointer y, long n, double[] tau,
      @Cast("lmnas_cuda_kendall_counts*") Pointer counts, Pointer stream);

  /** {@code lmnas_cuda_sparse_kendall_tau}: pred, gt (fractions) on the device, tau on the host. */
  @Name("lmnas_cuda_sparse_kendall_tau")
  public static native int sparseKendallTau(@Cast("const double*") DoublePointer pred,
      @Cast("const double*") DoublePointer gt, long n, double[] tau,
      @Cast("lmnas_cuda_kendall_counts*") Pointer counts, Pointer stream);

  /** {@code lmnas_cuda_augment_batch}: every array on the device; dy, dx, flip may be null. */
  @Name("lmnas_cuda_augment_batch")
  public static native int augmentBatch(@Cast("const uint8_t*") BytePointer images, long count,
      int channels, int height, int width, @Cast("const int32_t*") IntPointer index,
      @Cast("const int32_t*") IntPointer dy, @Cast("const int32_t*") IntPointer dx,
      @Cast("const uint8_t*") BytePointer flip, long batch, @Cast("const float*") FloatPointer table,
      FloatPointer out, @Cast("int32_t*") IntPointer status, Pointer stream);
}
