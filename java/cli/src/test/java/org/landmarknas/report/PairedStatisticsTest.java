package org.landmarknas.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

final class PairedStatisticsTest {

  /**
   * Student's sleep data (Cushny and Peebles; R's {@code sleep}): extra hours of sleep of 10
   * patients under two drugs. R's {@code t.test(extra ~ group, data = sleep, paired = TRUE)}
   * prints t = -4.0621, df = 9, p-value = 0.002833, 95 percent CI -2.4598858 -0.7001142, mean
   * difference -1.58 (group 1 minus group 2; here drug 2 minus drug 1, so the signs flip).
   */
  private static final double[] DRUG1 = {0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0};
  private static final double[] DRUG2 = {1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4};

  @Test
  void of_sleepData_matchesTheTextbookPairedTTest() {
    PairedStatistics s = PairedStatistics.of(DRUG2, DRUG1);
    assertEquals(10, s.n());
    assertEquals(9, s.degreesOfFreedom());
    assertEquals(1.58, s.meanDifference(), 1e-12);
    // differences 1.2 2.4 1.3 1.3 0 1 1.8 0.8 4.6 1.4: Σ(d − 1.58)² = 13.616, sd = √(13.616 / 9)
    assertEquals(Math.sqrt(13.616 / 9), s.sdDifference(), 1e-12);
    assertEquals(4.0621, s.t().getAsDouble(), 1e-4);
    assertEquals(1.58 / (Math.sqrt(13.616 / 9) / Math.sqrt(10)), s.t().getAsDouble(), 1e-9);
    assertEquals(0.002833, s.pT().getAsDouble(), 1e-6);
    assertEquals(0.7001142, s.ciLow(), 1e-6);
    assertEquals(2.4598858, s.ciHigh(), 1e-6);
  }

  @Test
  void of_sleepData_wilcoxonDropsTheZeroAndIsExact() {
    PairedStatistics s = PairedStatistics.of(DRUG2, DRUG1);
    // 9 non-zero differences, all positive: only the all-plus sign pattern of 2^9 is as
    // extreme, two-sided p = 2 / 512
    assertEquals(9, s.wilcoxonN());
    assertTrue(s.wilcoxonExact());
    assertEquals(2.0 / 512, s.pWilcoxon().getAsDouble(), 1e-12);
  }

  @Test
  void signTest_isTheExactBinomialTwoSidedP() {
    PairedStatistics s = PairedStatistics.of(DRUG2, DRUG1);
    // 9 non-zero differences, all positive: 2 * (1/2)^9, as R's binom.test(9, 9)
    assertEquals(9, s.positive());
    assertEquals(2.0 / 512, s.pSign().getAsDouble(), 1e-12);
    // 10 of 12 positive: R binom.test(10, 12)$p.value = 0.03857422
    assertEquals(0.03857422, PairedStatistics.signTest(10, 12).getAsDouble(), 1e-8);
    // 6 of 12: both tails exceed 1/2, capped at 1
    assertEquals(1.0, PairedStatistics.signTest(6, 12).getAsDouble(), 1e-12);
    assertTrue(PairedStatistics.signTest(0, 0).isEmpty());
  }

  @Test
  void of_threeSeeds_tAndIntervalFollowTheClosedFormForTwoDegreesOfFreedom() {
    double[] arm = {0.542, 0.284, 0.478};
    double[] base = {0.475, 0.236, 0.310};
    PairedStatistics s = PairedStatistics.of(arm, base);
    double[] d = {0.542 - 0.475, 0.284 - 0.236, 0.478 - 0.310};
    double mean = (d[0] + d[1] + d[2]) / 3;
    double sd = Math.sqrt(((d[0] - mean) * (d[0] - mean) + (d[1] - mean) * (d[1] - mean)
        + (d[2] - mean) * (d[2] - mean)) / 2);
    double t = mean / (sd / Math.sqrt(3));
    assertEquals(mean, s.meanDifference(), 1e-12);
    assertEquals(sd, s.sdDifference(), 1e-12);
    assertEquals(t, s.t().getAsDouble(), 1e-9);
    // Student's t with 2 df: P(|T| > t) = 1 − t / √(t² + 2), and its 97.5 % quantile solves
    // t / √(t² + 2) = 0.95, i.e. t = √(1.805 / 0.0975) = 4.3027
    assertEquals(1 - t / Math.sqrt(t * t + 2), s.pT().getAsDouble(), 1e-9);
    double q = Math.sqrt(1.805 / 0.0975);
    assertEquals(mean - q * sd / Math.sqrt(3), s.ciLow(), 1e-9);
    assertEquals(mean + q * sd / Math.sqrt(3), s.ciHigh(), 1e-9);
    // three positive differences: the smallest two-sided exact p there is, 2 / 2^3
    assertEquals(0.25, s.pWilcoxon().getAsDouble(), 1e-12);
    assertTrue(s.notes().stream().anyMatch(n -> n.contains("cannot give p below 0.250")),
        s.notes().toString());
  }

  @Test
  void of_twoPairs_pFollowsTheCauchyDistribution() {
    PairedStatistics s = PairedStatistics.of(new double[] {0.5, 0.9}, new double[] {0.3, 0.4});
    // d = {0.2, 0.5}: mean 0.35, sd = 0.3 / √2, t = 0.35 / 0.15 = 7/3; t with 1 df is Cauchy:
    // P(|T| > t) = 1 − (2 / π) atan(t)
    assertEquals(7.0 / 3, s.t().getAsDouble(), 1e-9);
    assertEquals(1 - 2 / Math.PI * Math.atan(7.0 / 3), s.pT().getAsDouble(), 1e-9);
    // 97.5 % quantile of Cauchy: tan(0.475 π) = 12.706
    double half = Math.tan(0.475 * Math.PI) * 0.15;
    assertEquals(0.35 - half, s.ciLow(), 1e-9);
    assertEquals(0.35 + half, s.ciHigh(), 1e-9);
  }

  @Test
  void of_mixedSigns_wilcoxonCountsTheSignPatternsAsExtreme() {
    // d = {+1, +2, −3, +4, +5}: W+ = 12; the subsets of {1..5} summing to >= 12 are the
    // complements of those summing to <= 3: {}, {1}, {2}, {3}, {1,2}: p = 2 · 5 / 32
    PairedStatistics s = PairedStatistics.of(new double[] {1, 2, -3, 4, 5}, new double[5]);
    assertEquals(5 * 2.0 / 32, s.pWilcoxon().getAsDouble(), 1e-12);
  }

  @Test
  void of_zeroDifferences_areDroppedFromTheSignedRankTest() {
    // Kept, Commons Math would rank the two zeros (1.5, 1.5) and count them as negative:
    // W = 7 of 10, p = 2 · 5 / 16 = 0.625. Dropped: two positive differences, p = 2 / 4
    PairedStatistics s = PairedStatistics.of(new double[] {0, 0, 1, 2}, new double[4]);
    assertEquals(2, s.wilcoxonN());
    assertEquals(0.5, s.pWilcoxon().getAsDouble(), 1e-12);
  }

  @Test
  void of_balancedSignedRanks_pIsCappedAtOne() {
    // ranks +3, −1, −2: Commons Math's doubled count reads 10 / 8
    PairedStatistics s = PairedStatistics.of(new double[] {3, -1, -2}, new double[3]);
    assertEquals(1.0, s.pWilcoxon().getAsDouble(), 0);
  }

  @Test
  void of_manyPairs_usesTheNormalApproximation() {
    double[] d = new double[25];
    for (int i = 0; i < d.length; i++) {
      d[i] = i + 1;
    }
    PairedStatistics s = PairedStatistics.of(d, new double[25]);
    assertFalse(s.wilcoxonExact());
    // W = 0 against E = 162.5, sd √1381.25 = 37.2: z ≈ −4.39, p ≈ 1e-5
    assertTrue(s.pWilcoxon().getAsDouble() < 1e-4, "p " + s.pWilcoxon());
    assertTrue(s.pWilcoxon().getAsDouble() > 1e-6, "p " + s.pWilcoxon());
  }

  @Test
  void of_equalDifferences_leavesTUndefinedWithAReason() {
    PairedStatistics s = PairedStatistics.of(new double[] {0.5, 0.6, 0.7},
        new double[] {0.4, 0.5, 0.6});
    assertEquals(0.1, s.meanDifference(), 1e-12);
    assertEquals(0, s.sdDifference(), 1e-12);
    assertFalse(s.t().isPresent());
    assertFalse(s.pT().isPresent());
    assertTrue(s.notes().stream().anyMatch(n -> n.contains("sd 0): t undefined")),
        s.notes().toString());
    assertEquals(0.1, s.ciLow(), 1e-12);
    assertEquals(0.1, s.ciHigh(), 1e-12);
    assertEquals(0.1, s.bootstrap().low(), 1e-12);
    assertEquals(0.1, s.bootstrap().high(), 1e-12);
  }

  @Test
  void of_identicalArms_haveNoSignedRankTest() {
    PairedStatistics s = PairedStatistics.of(new double[] {0.5, 0.6}, new double[] {0.5, 0.6});
    assertEquals(0, s.wilcoxonN());
    assertFalse(s.pWilcoxon().isPresent());
    assertFalse(s.t().isPresent());
  }

  @Test
  void of_onePairOrMismatchedLengths_isRejected() {
    assertThrows(IllegalArgumentException.class,
        () -> PairedStatistics.of(new double[] {1}, new double[] {0}));
    assertThrows(IllegalArgumentException.class,
        () -> PairedStatistics.of(new double[] {1, 2}, new double[] {0}));
    assertThrows(IllegalArgumentException.class,
        () -> PairedStatistics.of(new double[] {1, Double.NaN}, new double[] {0, 0}));
  }

  @Test
  void formatP_smallValuesReadAsBelowTheLastDecimal() {
    assertEquals("0.250", PairedStatistics.formatP(0.25));
    assertEquals("< 0.001", PairedStatistics.formatP(0.0004));
  }
}
