package org.landmarknas.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.inference.TTest;
import org.apache.commons.math3.stat.inference.WilcoxonSignedRankTest;

/**
 * The tests of n ≥ 2 paired differences dᵢ = armᵢ − baselineᵢ: their mean and sample standard
 * deviation, the t interval of the mean, the paired t test, the Wilcoxon signed-rank test and a
 * bootstrap interval, and the sign test. The t test assumes roughly normal differences; the Wilcoxon test only
 * symmetry, the sign test and the bootstrap nothing, so when they disagree the t test's assumption is doing
 * the work.
 *
 * @param n the number of pairs
 * @param meanDifference mean of the differences
 * @param sdDifference sample standard deviation of the differences (n − 1)
 * @param ciLow lower bound of the 95 % t interval of the mean difference
 * @param ciHigh upper bound of that interval
 * @param t the paired t statistic, mean / (sd / √n); empty when every difference is the same
 * @param pT two-sided p of the t statistic with n − 1 degrees of freedom
 * @param wilcoxonN the non-zero differences the signed-rank test ranks
 * @param pWilcoxon two-sided p of the signed-rank test; empty when every difference is zero
 * @param wilcoxonExact whether {@code pWilcoxon} is exact (else the normal approximation)
 * @param positive how many differences are above zero (the sign test's count)
 * @param pSign two-sided exact p of the sign test: the non-zero differences' signs against a
 *     fair coin; empty when every difference is zero
 * @param bootstrap the percentile bootstrap 95 % interval of the mean difference
 * @param notes why a figure is missing or how to read it, e.g. the smallest p the exact
 *     Wilcoxon test can give with this n
 */
public record PairedStatistics(int n, double meanDifference, double sdDifference, double ciLow,
    double ciHigh, OptionalDouble t, OptionalDouble pT, int wilcoxonN, OptionalDouble pWilcoxon,
    boolean wilcoxonExact, int positive, OptionalDouble pSign, BootstrapInterval bootstrap,
    List<String> notes) {

  /** Coverage of both intervals. */
  public static final double LEVEL = 0.95;
  /**
   * Largest n whose exact signed-rank p is computed. Commons Math enumerates all 2ⁿ sign
   * patterns (it allows n ≤ 30, but 2³⁰ patterns take minutes); beyond 20 pairs the report uses
   * its normal approximation and says so ({@code wilcoxonExact}).
   */
  public static final int WILCOXON_EXACT_MAX = 20;

  /** Copies the notes; rejects null parts and fewer than two pairs. */
  public PairedStatistics {
    if (t == null || pT == null || pWilcoxon == null || pSign == null || bootstrap == null
        || notes == null) {
      throw new IllegalArgumentException("PairedStatistics parts must not be null (use empty)");
    }
    if (n < 2) {
      throw new IllegalArgumentException("PairedStatistics needs n >= 2, got " + n);
    }
    notes = List.copyOf(notes);
  }

  /**
   * The tests of {@code arm} against {@code baseline}, paired by index.
   *
   * @throws IllegalArgumentException when the arrays differ in length, hold fewer than 2 pairs
   *     or a non-finite value
   */
  public static PairedStatistics of(double[] arm, double[] baseline) {
    if (arm.length != baseline.length || arm.length < 2) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "paired tests need two arrays of the same length >= 2, got %d and %d", arm.length,
          baseline.length));
    }
    int n = arm.length;
    List<Double> d = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      d.add(arm[i] - baseline[i]);
    }
    MeanStd diff = MeanStd.of(d); // rejects NaN and infinities
    List<String> notes = new ArrayList<>();
    double halfWidth = new TDistribution(null, n - 1).inverseCumulativeProbability(
        (1 + LEVEL) / 2) * diff.std() / Math.sqrt(n);

    OptionalDouble t = OptionalDouble.empty();
    OptionalDouble pT = OptionalDouble.empty();
    if (diff.std() > 0) {
      TTest test = new TTest();
      t = OptionalDouble.of(test.pairedT(arm, baseline));
      pT = OptionalDouble.of(test.pairedTTest(arm, baseline));
    } else {
      // mean / 0: Commons Math would answer ±Infinity and p = 0, or NaN for a zero mean
      notes.add(String.format(Locale.ROOT, "all %d differences are equal (sd 0): t undefined",
          n));
    }
    double[] nonZero = d.stream().mapToDouble(Double::doubleValue).filter(x -> x != 0)
        .toArray();
    boolean exact = nonZero.length <= WILCOXON_EXACT_MAX;
    OptionalDouble pWilcoxon = wilcoxon(nonZero, exact, notes);
    BootstrapInterval bootstrap = BootstrapInterval.ofMean(
        d.stream().mapToDouble(Double::doubleValue).toArray(), LEVEL,
        BootstrapInterval.RESAMPLES, BootstrapInterval.SEED);
    int positive = (int) Arrays.stream(nonZero).filter(x -> x > 0).count();
    return new PairedStatistics(n, diff.mean(), diff.std(), diff.mean() - halfWidth,
        diff.mean() + halfWidth, t, pT, nonZero.length, pWilcoxon, exact, positive,
        signTest(positive, nonZero.length), bootstrap, notes);
  }

  /**
   * Two-sided exact p of {@code positive} successes in {@code m} fair coin flips: twice the
   * smaller tail, at most 1. Zero differences carry no sign and are left out, as for Wilcoxon.
   */
  static OptionalDouble signTest(int positive, int m) {
    if (m == 0) {
      return OptionalDouble.empty();
    }
    BinomialDistribution coin = new BinomialDistribution(null, m, 0.5);
    int smaller = Math.min(positive, m - positive);
    return OptionalDouble.of(Math.min(1.0, 2 * coin.cumulativeProbability(smaller)));
  }

  /**
   * The two-sided signed-rank p of {@code nonZero} against 0. Zero differences are dropped first
   * (Wilcoxon's rule, and R's): Commons Math would rank them and count them as negative, which
   * biases the test against the arm.
   */
  private static OptionalDouble wilcoxon(double[] nonZero, boolean exact, List<String> notes) {
    int m = nonZero.length;
    if (m == 0) {
      notes.add("every difference is zero: no signed-rank test");
      return OptionalDouble.empty();
    }
    double[] zeros = new double[m];
    double p = new WilcoxonSignedRankTest().wilcoxonSignedRankTest(nonZero, zeros, exact);
    if (exact) {
      // Commons Math doubles a one-sided count that includes the centre, which passes 1 when the
      // signed ranks balance (e.g. 1.25 for ranks +3, -1, -2)
      p = Math.min(1, p);
      notes.add(String.format(Locale.ROOT, "with %d non-zero differences the exact signed-rank"
          + " test cannot give p below %s", m, formatP(2 / Math.pow(2, m))));
      if (hasTies(nonZero)) {
        notes.add("tied |differences|: the exact signed-rank p treats their mean ranks as"
            + " integer ranks (approximate)");
      }
    }
    return OptionalDouble.of(p);
  }

  private static boolean hasTies(double[] values) {
    double[] abs = Arrays.stream(values).map(Math::abs).sorted().toArray();
    for (int i = 1; i < abs.length; i++) {
      if (abs[i] == abs[i - 1]) {
        return true;
      }
    }
    return false;
  }

  /** Degrees of freedom of the t test and interval. */
  public int degreesOfFreedom() {
    return n - 1;
  }

  /** A p-value as the report prints it: three decimals, "< 0.001" below that. */
  static String formatP(double p) {
    return p < 0.001 ? "< 0.001" : String.format(Locale.ROOT, "%.3f", p);
  }
}
