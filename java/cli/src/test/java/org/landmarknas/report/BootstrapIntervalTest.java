package org.landmarknas.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

final class BootstrapIntervalTest {

  @Test
  void ofMean_twoValues_spansBothBecauseEachIsAResampleMeanOftenEnough() {
    // resample means of {0, 1}: 0 (p 1/4), 0.5 (1/2), 1 (1/4); the 2.5 % and 97.5 % quantiles
    // of 10,000 of them are 0 and 1
    BootstrapInterval b = BootstrapInterval.ofMean(new double[] {0, 1}, 0.95, 10_000, 1);
    assertEquals(0, b.low(), 0);
    assertEquals(1, b.high(), 0);
  }

  @Test
  void ofMean_oneThroughTwenty_isCloseToTheNormalIntervalOfTheMean() {
    double[] v = new double[20];
    for (int i = 0; i < v.length; i++) {
      v[i] = i + 1;
    }
    // mean 10.5; the bootstrap's standard error is the plug-in one, √(Σ(x − 10.5)² / 20) / √20
    // = √(665 / 20) / √20 = 1.289, so the interval is about 10.5 ± 1.96 · 1.289 = [7.97, 13.03]
    BootstrapInterval b = BootstrapInterval.ofMean(v, 0.95, 10_000, 7);
    double se = Math.sqrt(665.0 / 20) / Math.sqrt(20);
    assertEquals(10.5 - 1.96 * se, b.low(), 0.25);
    assertEquals(10.5 + 1.96 * se, b.high(), 0.25);
  }

  @Test
  void ofMean_sameSeed_sameInterval_otherSeed_otherInterval() {
    double[] v = new double[20];
    for (int i = 0; i < v.length; i++) {
      v[i] = Math.sqrt(i + 2); // irrational: resample means (almost) never tie across seeds
    }
    BootstrapInterval a = BootstrapInterval.ofMean(v, 0.95, 2_000, 3);
    assertEquals(a, BootstrapInterval.ofMean(v, 0.95, 2_000, 3));
    assertNotEquals(a.low(), BootstrapInterval.ofMean(v, 0.95, 2_000, 4).low());
  }

  @Test
  void ofMean_emptyOrNonFinite_isRejected() {
    assertThrows(IllegalArgumentException.class,
        () -> BootstrapInterval.ofMean(new double[0], 0.95, 100, 1));
    assertThrows(IllegalArgumentException.class,
        () -> BootstrapInterval.ofMean(new double[] {1, Double.NaN}, 0.95, 100, 1));
  }
}
