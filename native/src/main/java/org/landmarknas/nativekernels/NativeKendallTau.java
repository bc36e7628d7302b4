package org.landmarknas.nativekernels;

import java.util.Locale;
import java.util.function.LongToDoubleFunction;
import org.bytedeco.javacpp.DoublePointer;

/**
 * Kendall's tau-b in native code, O(n log n) (Knight, "A computer method for calculating
 * Kendall's tau with ungrouped data", JASA 1966), the counterpart of the engine's {@code
 * KendallTau.tauB}: the same pair counts and the same final division, so the result is equal
 * bit for bit. Values are compared numerically ({@code -0.0} ties {@code 0.0}).
 */
public final class NativeKendallTau {

  private static final String NAME = "native Kendall tau";

  private NativeKendallTau() {}

  /**
   * Tau-b of {@code x} against {@code y}, in [-1, 1].
   *
   * @return NaN when undefined: fewer than two values, or either input constant
   * @throws IllegalArgumentException if an array is null, the lengths differ or a value is NaN
   */
  public static double tauB(double[] x, double[] y) {
    KernelCall.requireNonNull(x, NAME, "x");
    KernelCall.requireNonNull(y, NAME, "y");
    requireSameLength(NAME, "x", x.length, "y", y.length);
    double[] tau = new double[1];
    int status = LmnasKernels.kendallTauB(x, y, x.length, tau);
    KernelCall.check(status, NAME,
        () -> firstNaN(NAME, "x", x.length, i -> x[(int) i], "y", i -> y[(int) i]));
    return tau[0];
  }

  /**
   * Tau-b of {@code n} values at {@code x} against {@code n} at {@code y}, in native memory (e.g.
   * CPU tensors), without copying; read from each pointer's position.
   *
   * @see #tauB(double[], double[])
   * @throws IllegalArgumentException also if a pointer is null or, when its size is known,
   *     smaller than {@code n}, or if {@code n < 0}
   */
  public static double tauB(DoublePointer x, DoublePointer y, long n) {
    requireCount(NAME, n);
    KernelCall.requirePointer(x, n, NAME, "x");
    KernelCall.requirePointer(y, n, NAME, "y");
    double[] tau = new double[1];
    int status = LmnasKernels.kendallTauB(x, y, n, tau);
    KernelCall.check(status, NAME, () -> firstNaN(NAME, "x", n, x::get, "y", y::get));
    return tau[0];
  }

  static void requireCount(String kernel, long n) {
    if (n < 0) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "%s: n = %d (expected >= 0)", kernel, n));
    }
  }

  static void requireSameLength(String kernel, String xName, int x, String yName, int y) {
    if (x != y) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "%s: %s has %d values but %s has %d (expected one value per architecture in each)",
          kernel, xName, x, yName, y));
    }
  }

  /** The message for the first NaN of either input; only runs after the kernel refused them. */
  static String firstNaN(String kernel, String xName, long n, LongToDoubleFunction x,
      String yName, LongToDoubleFunction y) {
    for (long i = 0; i < n; i++) {
      if (Double.isNaN(x.applyAsDouble(i))) {
        return String.format(Locale.ROOT, "%s[%d] is NaN (expected a number)", xName, i);
      }
    }
    for (long i = 0; i < n; i++) {
      if (Double.isNaN(y.applyAsDouble(i))) {
        return String.format(Locale.ROOT, "%s[%d] is NaN (expected a number)", yName, i);
      }
    }
    return "the kernel refused its arguments";
  }
}
