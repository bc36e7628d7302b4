package org.landmarknas.nativekernels;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.annotation.Cast;
import org.bytedeco.javacpp.annotation.CriticalRegion;
import org.bytedeco.javacpp.annotation.Name;
import org.bytedeco.javacpp.annotation.NoException;
import org.bytedeco.javacpp.annotation.Platform;

/**
 * The raw JavaCPP binding of the C API in {@code native/src/main/cpp/lmnas_kernels.h}: one static
 * native method per C function, each returning the C function's status code ({@link #OK} or a
 * negative {@code E*} code). Use the facades ({@link NativeRankingLoss}, {@link NativeKendallTau},
 * {@link NativeSparseKendallTau}, {@link NativeBatchAugmentation}) unless you need the codes.
 *
 * <p>Each function comes with Java arrays and with {@code Pointer}s to native memory (for example
 * a libtorch tensor's {@code data_ptr}), which honour each pointer's {@code position()}. Neither
 * copies: the JVM pins the arrays for the duration of the call (JNI {@code
 * GetPrimitiveArrayCritical}; the garbage collector waits until the call returns). In the pointer
 * forms the scalar results ({@code value}, {@code tau}) are one-element Java arrays, so a call
 * needs no native allocation. The augmentation always takes its per-batch draws and its
 * normalisation table as Java arrays (they are made in Java, and small), and its images and
 * output as either. A {@code null} pointer or array is passed as C {@code NULL}. Nothing is
 * checked against the arrays' or pointers' sizes here; the facades do that.
 *
 * <p>The platform annotation makes the javacpp Maven plugin compile {@code lmnas_kernels.cpp}
 * into the same shared library as the generated JNI code ({@code libjniLmnasKernels.so}, in the
 * jar under {@code org/landmarknas/nativekernels/<platform>/}); the class initializer loads it
 * with {@link Loader#load()}.
 */
@Platform(include = {"lmnas_kernels.h", "lmnas_kernels.cpp"})
@NoException
public final class LmnasKernels {

  static {
    Loader.load();
  }

  /** Success. */
  public static final int OK = 0;
  /** A size, index or kind out of range, or a null pointer. */
  public static final int EINVAL = -1;
  /** A landmark loss used by a pair is NaN or infinite. */
  public static final int ENONFINITE = -2;
  /** A CUDA runtime call failed (GPU functions only; never returned here). */
  public static final int ECUDA = -3;
  /** Scratch memory could not be allocated. */
  public static final int ENOMEM = -4;

  /** Per-pair loss {@code max(0, x)}. */
  public static final int HINGE = 0;
  /** Per-pair loss {@code max(0, x + param)}. */
  public static final int MARGIN_HINGE = 1;
  /** Per-pair loss {@code log(1 + exp(param x)) / param}. */
  public static final int SOFTPLUS = 2;

  private LmnasKernels() {}

  /** Makes sure the library is loaded (the class initializer does the work). */
  public static void load() {
    // Touching the class ran its static initializer.
  }

  /** {@code lmnas_ranking_loss_f64} on native memory. */
  @Name("lmnas_ranking_loss_f64")
  @CriticalRegion
  public static native int rankingLossF64(@Cast("const double*") DoublePointer losses, long n,
      @Cast("const int32_t*") IntPointer better, @Cast("const int32_t*") IntPointer worse,
      @Cast("const double*") DoublePointer weights, long m, int kind, double param,
      double[] value, DoublePointer grad);

  /** {@code lmnas_ranking_loss_f64} on pinned Java arrays. */
  @Name("lmnas_ranking_loss_f64")
  @CriticalRegion
  public static native int rankingLossF64(@Cast("const double*") double[] losses, long n,
      @Cast("const int32_t*") int[] better, @Cast("const int32_t*") int[] worse,
      @Cast("const double*") double[] weights, long m, int kind, double param, double[] value,
      double[] grad);

  /** {@code lmnas_ranking_loss_f32} on native memory. */
  @Name("lmnas_ranking_loss_f32")
  @CriticalRegion
  public static native int rankingLossF32(@Cast("const float*") FloatPointer losses, long n,
      @Cast("const int32_t*") IntPointer better, @Cast("const int32_t*") IntPointer worse,
      @Cast("const float*") FloatPointer weights, long m, int kind, double param,
      float[] value, FloatPointer grad);

  /** {@code lmnas_ranking_loss_f32} on pinned Java arrays. */
  @Name("lmnas_ranking_loss_f32")
  @CriticalRegion
  public static native int rankingLossF32(@Cast("const float*") float[] losses, long n,
      @Cast("const int32_t*") int[] better, @Cast("const int32_t*") int[] worse,
      @Cast("const float*") float[] weights, long m, int kind, double param, float[] value,
      float[] grad);

  /** {@code lmnas_kendall_tau_b} on native memory. */
  @Name("lmnas_kendall_tau_b")
  @CriticalRegion
  public static native int kendallTauB(@Cast("const double*") DoublePointer x,
      @Cast("const double*") DoublePointer y, long n, double[] tau);

  /** {@code lmnas_kendall_tau_b} on pinned Java arrays. */
  @Name("lmnas_kendall_tau_b")
  @CriticalRegion
  public static native int kendallTauB(@Cast("const double*") double[] x,
      @Cast("const double*") double[] y, long n, double[] tau);

  /** {@code lmnas_sparse_kendall_tau} on native memory; {@code gt} in fractions. */
  @Name("lmnas_sparse_kendall_tau")
  @CriticalRegion
  public static native int sparseKendallTau(@Cast("const double*") DoublePointer pred,
      @Cast("const double*") DoublePointer gt, long n, double[] tau);

  /** {@code lmnas_sparse_kendall_tau} on pinned Java arrays; {@code gt} in fractions. */
  @Name("lmnas_sparse_kendall_tau")
  @CriticalRegion
  public static native int sparseKendallTau(@Cast("const double*") double[] pred,
      @Cast("const double*") double[] gt, long n, double[] tau);

  /** {@code lmnas_augment_batch} from native images into native memory (e.g. a tensor). */
  @Name("lmnas_augment_batch")
  @CriticalRegion
  public static native int augmentBatch(@Cast("const uint8_t*") BytePointer images, long count,
      int channels, int height, int width, @Cast("const int32_t*") int[] index,
      @Cast("const int32_t*") int[] dy, @Cast("const int32_t*") int[] dx,
      @Cast("const uint8_t*") boolean[] flip, long batch, @Cast("const float*") float[] table,
      FloatPointer out, int threads);

  /** {@code lmnas_augment_batch} from pinned Java images into native memory (e.g. a tensor). */
  @Name("lmnas_augment_batch")
  @CriticalRegion
  public static native int augmentBatch(@Cast("const uint8_t*") byte[] images, long count,
      int channels, int height, int width, @Cast("const int32_t*") int[] index,
      @Cast("const int32_t*") int[] dy, @Cast("const int32_t*") int[] dx,
      @Cast("const uint8_t*") boolean[] flip, long batch, @Cast("const float*") float[] table,
      FloatPointer out, int threads);

  /** {@code lmnas_augment_batch} on pinned Java arrays. */
  @Name("lmnas_augment_batch")
  @CriticalRegion
  public static native int augmentBatch(@Cast("const uint8_t*") byte[] images, long count,
      int channels, int height, int width, @Cast("const int32_t*") int[] index,
      @Cast("const int32_t*") int[] dy, @Cast("const int32_t*") int[] dx,
      @Cast("const uint8_t*") boolean[] flip, long batch, @Cast("const float*") float[] table,
      float[] out, int threads);
}
