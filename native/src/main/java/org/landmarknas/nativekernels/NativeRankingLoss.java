package org.landmarknas.nativekernels;

import java.util.Locale;
import java.util.function.LongToDoubleFunction;
import java.util.function.LongToIntFunction;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.Pointer;

/**
 * The landmark ranking regulariser and its gradient in one native pass, the counterpart of the
 * engine's {@code PairwiseRankingLoss}:
 *
 * <pre>
 * R        = (1/m) sum_p w_p f(L[better_p] - L[worse_p])
 * dR/dL[k] = (1/m) sum_p w_p f'(x_p) ([k == better_p] - [k == worse_p])
 * </pre>
 *
 * <p>{@code f} is one of three per-pair losses ({@link #hinge()}, {@link #marginHinge(double)},
 * {@link #softplus(double)}); pairs are given as two index arrays, repeats counting each time;
 * weights are optional ({@code null}: every pair weighs 1). The arithmetic is the Java
 * reference's, in double, in the same order, so {@code double} results agree with it up to the
 * last ulp of {@code exp}/{@code log1p} (softplus) and exactly for the hinges; the {@code float}
 * forms read and write floats but still accumulate in double.
 *
 * <p>Unlike the Java reference, a pair need not have {@code worse < better}: the kernel only
 * requires both indices to be in range. Immutable and thread-safe.
 */
public final class NativeRankingLoss {

  /** The per-pair loss {@code f}, with the C API's codes. */
  public enum Kind {
    /** {@code max(0, x)}. */
    HINGE(LmnasKernels.HINGE),
    /** {@code max(0, x + margin)}. */
    MARGIN_HINGE(LmnasKernels.MARGIN_HINGE),
    /** {@code log(1 + exp(beta x)) / beta}. */
    SOFTPLUS(LmnasKernels.SOFTPLUS);

    private final int code;

    Kind(int code) {
      this.code = code;
    }

    /** The {@code kind} argument of the C API. */
    public int code() {
      return code;
    }
  }

  private static final String F64 = "native ranking loss (f64)";
  private static final String F32 = "native ranking loss (f32)";

  private final Kind kind;
  private final double param;

  private NativeRankingLoss(Kind kind, double param) {
    this.kind = kind;
    this.param = param;
  }

  /** {@code max(0, x)}, the paper's loss. */
  public static NativeRankingLoss hinge() {
    return new NativeRankingLoss(Kind.HINGE, 0.0);
  }

  /**
   * {@code max(0, x + margin)}.
   *
   * @throws IllegalArgumentException unless {@code margin} is finite and {@code >= 0}
   */
  public static NativeRankingLoss marginHinge(double margin) {
    if (!(margin >= 0.0) || !Double.isFinite(margin)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "native margin-hinge ranking loss: margin %s must be finite and >= 0", margin));
    }
    return new NativeRankingLoss(Kind.MARGIN_HINGE, margin + 0.0);
  }

  /**
   * {@code log(1 + exp(beta x)) / beta}, evaluated without overflow.
   *
   * @throws IllegalArgumentException unless {@code beta} is finite and {@code > 0}
   */
  public static NativeRankingLoss softplus(double beta) {
    if (!(beta > 0.0) || !Double.isFinite(beta)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "native softplus ranking loss: beta %s must be finite and > 0", beta));
    }
    return new NativeRankingLoss(Kind.SOFTPLUS, beta);
  }

  /** The per-pair loss. */
  public Kind kind() {
    return kind;
  }

  /** The margin or beta; 0 for the hinge. */
  public double param() {
    return param;
  }

  /**
   * R and its gradient on Java arrays ({@code m = better.length} pairs).
   *
   * @param losses {@code L[k]} for every landmark, at least one; only entries used by a pair must
   *     be finite
   * @param better index of the better landmark of each pair
   * @param worse index of the worse landmark of each pair, as long as {@code better}
   * @param weights one weight per pair, finite and {@code >= 0}, or null for all 1
   * @param grad receives dR/dL in its first {@code losses.length} entries
   * @return R
   * @throws IllegalArgumentException on null or short arrays, no pairs, an index outside
   *     {@code losses}, a loss used by a pair that is not finite, or a bad weight; {@code grad}
   *     then holds zeros
   */
  public double evaluate(double[] losses, int[] better, int[] worse, double[] weights,
      double[] grad) {
    KernelCall.requireNonNull(losses, F64, "losses");
    KernelCall.requireNonNull(grad, F64, "grad");
    int m = checkArrays(F64, losses.length, better, worse, weights == null ? -1 : weights.length,
        grad.length);
    double[] value = new double[1];
    int status = LmnasKernels.rankingLossF64(losses, losses.length, better, worse, weights, m,
        kind.code, param, value, grad);
    KernelCall.check(status, F64, () -> diagnose(losses.length, m, i -> better[(int) i],
        i -> worse[(int) i], i -> losses[(int) i],
        weights == null ? null : i -> weights[(int) i]));
    return value[0];
  }

  /**
   * R and its gradient on float arrays; accumulated in double, rounded once.
   *
   * @see #evaluate(double[], int[], int[], double[], double[])
   */
  public float evaluate(float[] losses, int[] better, int[] worse, float[] weights,
      float[] grad) {
    KernelCall.requireNonNull(losses, F32, "losses");
    KernelCall.requireNonNull(grad, F32, "grad");
    int m = checkArrays(F32, losses.length, better, worse, weights == null ? -1 : weights.length,
        grad.length);
    float[] value = new float[1];
    int status = LmnasKernels.rankingLossF32(losses, losses.length, better, worse, weights, m,
        kind.code, param, value, grad);
    KernelCall.check(status, F32, () -> diagnose(losses.length, m, i -> better[(int) i],
        i -> worse[(int) i], i -> losses[(int) i],
        weights == null ? null : i -> weights[(int) i]));
    return value[0];
  }

  /**
   * R and its gradient on native memory, e.g. the data of CPU tensors, without copying. Each
   * pointer is read from its {@code position()}; a pointer of known size (limit &gt; 0) must hold
   * enough elements, one of unknown size (a tensor's {@code data_ptr}) is trusted.
   *
   * @param losses {@code n} landmark losses
   * @param n number of landmarks, {@code >= 1}
   * @param better {@code m} indices
   * @param worse {@code m} indices
   * @param weights {@code m} weights or null for all 1
   * @param m number of pairs, {@code >= 1}
   * @param grad receives {@code n} gradient entries
   * @return R
   * @throws IllegalArgumentException as {@link #evaluate(double[], int[], int[], double[],
   *     double[])}, or if a pointer is null or too small
   */
  public double evaluate(DoublePointer losses, long n, IntPointer better, IntPointer worse,
      DoublePointer weights, long m, DoublePointer grad) {
    checkPointers(F64, losses, n, better, worse, weights, m, grad);
    double[] value = new double[1];
    int status = LmnasKernels.rankingLossF64(losses, n, better, worse, weights, m, kind.code,
        param, value, grad);
    KernelCall.check(status, F64, () -> diagnose(n, m, better::get, worse::get, losses::get,
        weights == null ? null : weights::get));
    return value[0];
  }

  /**
   * R and its gradient on float native memory; accumulated in double, rounded once.
   *
   * @see #evaluate(DoublePointer, long, IntPointer, IntPointer, DoublePointer, long,
   *     DoublePointer)
   */
  public float evaluate(FloatPointer losses, long n, IntPointer better, IntPointer worse,
      FloatPointer weights, long m, FloatPointer grad) {
    checkPointers(F32, losses, n, better, worse, weights, m, grad);
    float[] value = new float[1];
    int status = LmnasKernels.rankingLossF32(losses, n, better, worse, weights, m, kind.code,
        param, value, grad);
    KernelCall.check(status, F32, () -> diagnose(n, m, better::get, worse::get, losses::get,
        weights == null ? null : weights::get));
    return value[0];
  }

  /** Checks what C cannot see; returns the number of pairs. {@code weights} -1: no weights. */
  private static int checkArrays(String kernel, int n, int[] better, int[] worse, int weights,
      int grad) {
    KernelCall.requireNonNull(better, kernel, "better");
    KernelCall.requireNonNull(worse, kernel, "worse");
    int m = better.length;
    checkSizes(kernel, n, m);
    if (worse.length != m || (weights >= 0 && weights != m)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "%s: better has %d pairs but worse has %d%s (expected one entry per pair in each)",
          kernel, m, worse.length, weights >= 0 ? " and weights " + weights : ""));
    }
    KernelCall.requireLength(grad, n, kernel, "grad");
    return m;
  }

  private static void checkPointers(String kernel, Pointer losses, long n,
      IntPointer better, IntPointer worse, Pointer weights, long m,
      Pointer grad) {
    checkSizes(kernel, n, m);
    KernelCall.requirePointer(losses, n, kernel, "losses");
    KernelCall.requirePointer(better, m, kernel, "better");
    KernelCall.requirePointer(worse, m, kernel, "worse");
    if (weights != null) {
      KernelCall.requirePointer(weights, m, kernel, "weights");
    }
    KernelCall.requirePointer(grad, n, kernel, "grad");
  }

  private static void checkSizes(String kernel, long n, long m) {
    if (n < 1) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "%s: %d landmark losses (expected at least 1)", kernel, n));
    }
    if (m < 1) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "%s: %d pairs (expected at least one pair)", kernel, m));
    }
  }

  /** Finds the first pair the kernel refused, for the message; only runs after a failure. */
  private String diagnose(long n, long m, LongToIntFunction better, LongToIntFunction worse,
      LongToDoubleFunction losses, LongToDoubleFunction weights) {
    for (long p = 0; p < m; p++) {
      int b = better.applyAsInt(p);
      int w = worse.applyAsInt(p);
      if (b < 0 || b >= n || w < 0 || w >= n) {
        return String.format(Locale.ROOT,
            "pair %d (worse=%d, better=%d) is outside %d landmark losses (allowed: 0..%d)", p, w,
            b, n, n - 1);
      }
      for (int k : new int[] {b, w}) {
        double v = losses.applyAsDouble(k);
        if (!Double.isFinite(v)) {
          return String.format(Locale.ROOT,
              "landmark %d has loss %s (expected a finite cross-entropy)", k, v);
        }
      }
      if (weights != null) {
        double v = weights.applyAsDouble(p);
        if (!(v >= 0) || !Double.isFinite(v)) {
          return String.format(Locale.ROOT, "pair %d has weight %s (expected finite and >= 0)",
              p, v);
        }
      }
    }
    return "the kernel refused its arguments (kind " + kind + ", param " + param + ")";
  }

  @Override
  public String toString() {
    return kind == Kind.HINGE ? "NativeRankingLoss[hinge]"
        : String.format(Locale.ROOT, "NativeRankingLoss[%s %s]",
            kind.name().toLowerCase(Locale.ROOT), param);
  }
}
