package org.landmarknas.nativekernels;

import java.util.Locale;
import java.util.function.LongToDoubleFunction;
import org.bytedeco.javacpp.DoublePointer;

/**
 * Sparse Kendall tau (S-KdT; Yu et al., CVPR 2021) in native code, the counterpart of the
 * engine's {@code SparseKendallTau}: accuracies binned into 0.1 % steps with the reference's
 * dense-rank rule ({@code floor(acc * 1000)}, rank starting at -1), the binned ranks listed in a
 * stable ascending order of the predictions, then tau-b. Every step is an exact count, so the
 * result equals the Java one bit for bit, including its tie rules (tied predictions keep input
 * order). The kernel needs one sort (of the predictions); the accuracies are binned by counting.
 */
public final class NativeSparseKendallTau {

  private static final String NAME = "native sparse Kendall tau";

  private NativeSparseKendallTau() {}

  /**
   * S-KdT of predicted scores against stand-alone accuracies in percent, as {@code
   * SparseKendallTau.of(pred, gtPercent)}. Percent is turned into fractions by multiplying by
   * {@code 0.01}, as the reference does, which costs one copy of {@code gtPercent}.
   *
   * @param pred predicted scores, higher = better (any scale)
   * @param gtPercent accuracies in [0, 100]
   * @return S-KdT in [-1, 1]; NaN for fewer than two architectures or when all accuracies share
   *     one 0.1 % bin
   * @throws IllegalArgumentException on null arrays, different lengths, NaN, or an accuracy
   *     outside [0, 100]
   */
  public static double of(double[] pred, double[] gtPercent) {
    KernelCall.requireNonNull(pred, NAME, "pred");
    KernelCall.requireNonNull(gtPercent, NAME, "gt");
    NativeKendallTau.requireSameLength(NAME, "pred", pred.length, "gt", gtPercent.length);
    double[] fractions = new double[gtPercent.length];
    for (int i = 0; i < fractions.length; i++) {
      double v = gtPercent[i];
      if (!(v >= 0.0 && v <= 100.0)) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "%s: gt[%d] = %s is outside [0.0, 100.0] (expected an accuracy in percent)", NAME, i,
            v));
      }
      fractions[i] = v * 0.01;
    }
    return ofFractions(pred, fractions);
  }

  /**
   * S-KdT against accuracies given as fractions in [0, 1].
   *
   * @see #of(double[], double[])
   */
  public static double ofFractions(double[] pred, double[] gt) {
    KernelCall.requireNonNull(pred, NAME, "pred");
    KernelCall.requireNonNull(gt, NAME, "gt");
    NativeKendallTau.requireSameLength(NAME, "pred", pred.length, "gt", gt.length);
    double[] tau = new double[1];
    int status = LmnasKernels.sparseKendallTau(pred, gt, pred.length, tau);
    KernelCall.check(status, NAME,
        () -> diagnose(pred.length, i -> pred[(int) i], i -> gt[(int) i]));
    return tau[0];
  }

  /**
   * S-KdT of {@code n} predictions against {@code n} accuracies (fractions in [0, 1]) in native
   * memory, without copying; read from each pointer's position.
   *
   * @see #of(double[], double[])
   * @throws IllegalArgumentException also if a pointer is null or, when its size is known,
   *     smaller than {@code n}, or if {@code n} is negative or above {@code Integer.MAX_VALUE}
   */
  public static double ofFractions(DoublePointer pred, DoublePointer gt, long n) {
    NativeKendallTau.requireCount(NAME, n);
    if (n > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "%s: n = %d (at most %d architectures)", NAME, n, Integer.MAX_VALUE));
    }
    KernelCall.requirePointer(pred, n, NAME, "pred");
    KernelCall.requirePointer(gt, n, NAME, "gt");
    double[] tau = new double[1];
    int status = LmnasKernels.sparseKendallTau(pred, gt, n, tau);
    KernelCall.check(status, NAME, () -> diagnose(n, pred::get, gt::get));
    return tau[0];
  }

  private static String diagnose(long n, LongToDoubleFunction pred, LongToDoubleFunction gt) {
    for (long i = 0; i < n; i++) {
      double v = gt.applyAsDouble(i);
      if (!(v >= 0.0 && v <= 1.0)) {
        return String.format(Locale.ROOT,
            "gt[%d] = %s is outside [0.0, 1.0] (expected an accuracy as a fraction)", i, v);
      }
    }
    return NativeKendallTau.firstNaN(NAME, "pred", n, pred, "gt", gt);
  }
}
