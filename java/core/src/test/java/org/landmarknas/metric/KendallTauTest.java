package org.landmarknas.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

final class KendallTauTest {

  /** The O(n^2) definition, for comparison. */
  private static double bruteForceTauB(double[] x, double[] y) {
    long concordant = 0;
    long discordant = 0;
    long xOnlyTies = 0;
    long yOnlyTies = 0;
    for (int i = 0; i < x.length; i++) {
      for (int j = i + 1; j < x.length; j++) {
        double dx = Math.signum(x[i] - x[j]);
        double dy = Math.signum(y[i] - y[j]);
        if (dx == 0 && dy == 0) {
          continue;
        } else if (dx == 0) {
          xOnlyTies++;
        } else if (dy == 0) {
          yOnlyTies++;
        } else if (dx == dy) {
          concordant++;
        } else {
          discordant++;
        }
      }
    }
    double denom = Math.sqrt((double) (concordant + discordant + xOnlyTies)
        * (concordant + discordant + yOnlyTies));
    return denom == 0 ? Double.NaN : (concordant - discordant) / denom;
  }

  private static double[] draw(SplittableRandom rng, int n, int distinct) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = distinct > 0 ? rng.nextInt(distinct) * 0.5 - 1 : rng.nextGaussian();
    }
    return v;
  }

  @Test
  void tauB_randomInputsWithTies_matchesBruteForce() {
    SplittableRandom rng = new SplittableRandom(20210601);
    int checked = 0;
    for (int n : new int[] {2, 3, 10, 200}) {
      for (int distinct : new int[] {0, 2, 3, 5, 20}) {
        for (int rep = 0; rep < 40; rep++) {
          double[] x = draw(rng, n, distinct);
          double[] y = draw(rng, n, rep % 2 == 0 ? distinct : 3);
          double expected = bruteForceTauB(x, y);
          double actual = KendallTau.tauB(x, y);
          if (Double.isNaN(expected)) {
            assertTrue(Double.isNaN(actual), "n=" + n + " expected NaN, got " + actual);
          } else {
            assertEquals(expected, actual, 1e-12, "n=" + n + " distinct=" + distinct);
            checked++;
          }
        }
      }
    }
    assertTrue(checked > 600, "too few defined cases: " + checked);
  }

  @Test
  void tauB_designVectors_matchPlainTau() {
    double[] gt1 = {91.23, 91.27, 91.31, 92.05, 92.09, 93.50, 93.51, 94.37};
    double[] pred1 = {60.1, 58.0, 61.5, 63.2, 62.9, 65.0, 64.2, 66.3};
    assertEquals(22.0 / 28.0, KendallTau.tauB(pred1, gt1), 1e-15);
    assertEquals(0.785714, KendallTau.tauB(pred1, gt1), 5e-7);
    double[] gt2 = {88.52, 90.13, 90.17, 91.00, 91.04, 91.08, 92.66, 93.12, 93.19, 94.05};
    double[] pred2 = {55.0, 61.2, 57.3, 60.0, 62.5, 59.1, 64.0, 63.3, 66.1, 65.7};
    assertEquals(31.0 / 45.0, KendallTau.tauB(pred2, gt2), 1e-15);
    assertEquals(0.688889, KendallTau.tauB(pred2, gt2), 5e-7);
  }

  @Test
  void tauB_perfectAndReversed_areOneAndMinusOne() {
    double[] x = {1, 2, 3, 4, 5};
    assertEquals(1.0, KendallTau.tauB(x, new double[] {10, 20, 30, 40, 50}), 0.0);
    assertEquals(-1.0, KendallTau.tauB(x, new double[] {5, 4, 3, 2, 1}), 0.0);
    assertEquals(1.0, KendallTau.tauB(new double[] {1, 1, 2}, new double[] {3, 3, 4}), 0.0);
  }

  @Test
  void tauB_knownTiedValue() {
    // x ties one pair, y ties another: C = 1, D = 3, n0 = 6, n1 = n2 = 1 -> -2 / 5.
    double[] x = {1, 1, 2, 3};
    double[] y = {1, 2, 2, 0.5};
    assertEquals(-0.4, KendallTau.tauB(x, y), 1e-15);

  }

  @Test
  void tauB_undefined_isNaN() {
    assertTrue(Double.isNaN(KendallTau.tauB(new double[0], new double[0])));
    assertTrue(Double.isNaN(KendallTau.tauB(new double[] {1}, new double[] {2})));
    assertTrue(Double.isNaN(KendallTau.tauB(new double[] {1, 2, 3}, new double[] {4, 4, 4})));
    assertTrue(Double.isNaN(KendallTau.tauB(new double[] {7, 7}, new double[] {1, 2})));
  }

  @Test
  void tauB_signedZeros_areTied() {
    assertTrue(Double.isNaN(KendallTau.tauB(new double[] {-0.0, 0.0}, new double[] {1, 2})));
  }

  @Test
  void tauB_badInput_throws() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> KendallTau.tauB(new double[] {1, 2}, new double[] {1}));
    assertTrue(e.getMessage().contains("2 values") && e.getMessage().contains("1"),
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> KendallTau.tauB(new double[] {1, Double.NaN}, new double[] {1, 2}));
    assertTrue(e.getMessage().contains("x[1]"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> KendallTau.tauB(null, new double[0]));
  }

  @Test
  void tauB_largeInput_isFastAndBounded() {
    SplittableRandom rng = new SplittableRandom(3);
    int n = 200_000;
    double[] x = draw(rng, n, 0);
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      y[i] = x[i] + 0.5 * rng.nextGaussian();
    }
    double t = KendallTau.tauB(x, y);
    // For a bivariate normal with correlation r, tau = (2/pi) asin(r); here r = 1/sqrt(1.25).
    assertEquals(2 / Math.PI * Math.asin(1 / Math.sqrt(1.25)), t, 0.01);
  }
}
