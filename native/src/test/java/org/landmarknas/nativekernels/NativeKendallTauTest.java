package org.landmarknas.nativekernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.bytedeco.javacpp.DoublePointer;
import org.junit.jupiter.api.Test;
import org.landmarknas.metric.KendallTau;

final class NativeKendallTauTest {

  /** Values with many ties when {@code distinct} is small. */
  private static double[] values(SplittableRandom rng, int n, int distinct) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = distinct > 0 ? rng.nextInt(distinct) - distinct / 2 : rng.nextGaussian();
    }
    return v;
  }

  @Test
  void tauB_equalsJavaBitForBitOnRandomInputs() {
    SplittableRandom rng = new SplittableRandom(17);
    int[] sizes = {2, 3, 4, 5, 7, 16, 31, 32, 33, 64, 65, 100, 257, 1000, 5000};
    int[] distincts = {0, 2, 3, 10, 100};
    for (int n : sizes) {
      for (int dx : distincts) {
        for (int dy : distincts) {
          double[] x = values(rng, n, dx);
          double[] y = values(rng, n, dy);
          double expected = KendallTau.tauB(x, y);
          double actual = NativeKendallTau.tauB(x, y);
          assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(actual),
              () -> "n=" + n + " expected " + expected + " got " + actual);
        }
      }
    }
  }

  @Test
  void tauB_correlatedInputsAndSpecialValues() {
    SplittableRandom rng = new SplittableRandom(2);
    double[] x = values(rng, 2000, 0);
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = x[i] + 0.3 * rng.nextGaussian();
    }
    assertEquals(KendallTau.tauB(x, y), NativeKendallTau.tauB(x, y), 0.0);
    // -0.0 ties 0.0; infinities are ordinary values.
    double[] a = {-0.0, 0.0, 1.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0};
    double[] b = {3.0, 1.0, -0.0, 0.0, 2.0, Double.POSITIVE_INFINITY};
    assertEquals(KendallTau.tauB(a, b), NativeKendallTau.tauB(a, b), 0.0);
    assertEquals(1.0, NativeKendallTau.tauB(new double[] {1, 2, 3}, new double[] {4, 5, 6}));
    assertEquals(-1.0, NativeKendallTau.tauB(new double[] {1, 2, 3}, new double[] {6, 5, 4}));
  }

  @Test
  void tauB_undefinedIsNaN() {
    assertTrue(Double.isNaN(NativeKendallTau.tauB(new double[0], new double[0])));
    assertTrue(Double.isNaN(NativeKendallTau.tauB(new double[] {1}, new double[] {2})));
    assertTrue(Double.isNaN(NativeKendallTau.tauB(new double[] {1, 1}, new double[] {2, 3})));
    assertTrue(Double.isNaN(NativeKendallTau.tauB(new double[] {1, 2, 3},
        new double[] {5, 5, 5})));
    assertEquals(1.0, NativeKendallTau.tauB(new double[] {1, 2}, new double[] {2, 3}));
  }

  @Test
  void tauB_pointersHonourPosition() {
    SplittableRandom rng = new SplittableRandom(4);
    double[] x = values(rng, 500, 20);
    double[] y = values(rng, 500, 0);
    try (DoublePointer px = new DoublePointer(505); DoublePointer py = new DoublePointer(y)) {
      px.position(5).put(x);
      assertEquals(KendallTau.tauB(x, y), NativeKendallTau.tauB(px, py, 500), 0.0);
      assertTrue(Double.isNaN(NativeKendallTau.tauB(px, py, 1)));
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> NativeKendallTau.tauB(px, py, 501));
      assertTrue(e.getMessage().contains("x holds 500 elements"), e.getMessage());
    }
  }

  @Test
  void tauB_badInputThrows() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> NativeKendallTau.tauB(new double[] {1, 2}, new double[] {1, Double.NaN}));
    assertTrue(e.getMessage().contains("y[1] is NaN"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> NativeKendallTau.tauB(new double[] {1, 2}, new double[] {1}));
    assertTrue(e.getMessage().contains("x has 2 values but y has 1"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> NativeKendallTau.tauB(null,
        new double[0]));
    assertEquals(LmnasKernels.EINVAL,
        LmnasKernels.kendallTauB(new double[] {1}, new double[] {1}, 1, null));
  }
}
