package org.landmarknas.standalone;

import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * How much retraining with another seed moves an architecture's accuracy, against how much the
 * architectures differ: the one-way random-effects split of the noise-ceiling table. It explains
 * the measured ceilings and predicts the ones not measured: under a Gaussian model (cell mean +
 * independent seed noise) two independent k-seed means correlate with
 * {@code rho_k = k icc / (1 + (k - 1) icc)}, and Kendall's tau of a bivariate normal is
 * {@code (2 / pi) asin(rho)}.
 *
 * @param withinSd the seed-to-seed sd of one architecture's accuracy (pooled), points
 * @param betweenSd the sd of the architectures' true mean accuracies, points (0 when the seed
 *     noise explains all the spread)
 */
public record SeedNoise(double withinSd, double betweenSd) {

  /** Largest k {@link #seedsFor} looks at. */
  static final int MAX_SEEDS = 1000;

  public SeedNoise {
    if (!(withinSd >= 0) || !(betweenSd >= 0)) {
      throw new IllegalArgumentException("seed noise needs finite sds >= 0, got within "
          + withinSd + ", between " + betweenSd);
    }
  }

  /**
   * The split of {@code accuracy[arch][seed]} (every architecture with the same n >= 2 seeds):
   * within = mean over architectures of the sample variance over seeds; between = variance of
   * the architectures' n-seed means minus within / n, the part the seed noise does not explain.
   *
   * @throws IllegalArgumentException for fewer than 2 architectures or 2 seeds, or ragged rows
   */
  public static SeedNoise of(List<double[]> accuracy) {
    if (accuracy.size() < 2) {
      throw new IllegalArgumentException("seed noise needs at least 2 architectures, got "
          + accuracy.size());
    }
    int n = accuracy.get(0).length;
    if (n < 2) {
      throw new IllegalArgumentException("seed noise needs at least 2 seeds, got " + n);
    }
    double within = 0;
    double[] means = new double[accuracy.size()];
    for (int a = 0; a < accuracy.size(); a++) {
      double[] row = accuracy.get(a);
      if (row.length != n) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "seed noise: architecture %d has %d seeds, the first has %d", a, row.length, n));
      }
      means[a] = mean(row);
      within += variance(row, means[a]);
    }
    within /= accuracy.size();
    double between = Math.max(0, variance(means, mean(means)) - within / n);
    return new SeedNoise(Math.sqrt(within), Math.sqrt(between));
  }

  /** Share of one seed's variance that is the architecture's own: between² / (between² + within²). */
  public double intraclassCorrelation() {
    double b = betweenSd * betweenSd;
    double total = b + withinSd * withinSd;
    return total == 0 ? 0 : b / total;
  }

  /** Kendall tau the model predicts between two independent means of {@code k} seeds each. */
  public double predictedKendall(int k) {
    return predictedKendall(k, k);
  }

  /**
   * Kendall tau the model predicts between independent means of {@code k} and of {@code l}
   * seeds. The uneven case is the one a table with an odd number of seeds can check the model
   * on: the mean of all seeds but one against the one held out.
   */
  public double predictedKendall(int k, int l) {
    if (k < 1 || l < 1) {
      throw new IllegalArgumentException("seeds per mean must be >= 1, got " + k + " and " + l);
    }
    double icc = intraclassCorrelation();
    if (icc == 0) {
      return 0;
    }
    // each mean's variance is between² + within² / k; they share only the between part
    double rho = icc / Math.sqrt((icc + (1 - icc) / k) * (icc + (1 - icc) / l));
    return 2 / Math.PI * Math.asin(Math.min(1, rho));
  }

  /**
   * Kendall tau the model predicts between the architectures' true mean accuracies and a mean of
   * {@code k} seeds: what a perfect ranker scores against a ground truth of k-seed means, the
   * bound on every ranking measured against such a table.
   */
  public double predictedKendallOfTruth(int k) {
    if (k < 1) {
      throw new IllegalArgumentException("seeds per mean must be >= 1, got " + k);
    }
    double icc = intraclassCorrelation();
    if (icc == 0) {
      return 0;
    }
    return 2 / Math.PI * Math.asin(Math.min(1, Math.sqrt(icc / (icc + (1 - icc) / k))));
  }

  /** The fewest seeds per mean whose predicted tau reaches {@code kendall} (empty if none up to 1000). */
  public OptionalInt seedsFor(double kendall) {
    for (int k = 1; k <= MAX_SEEDS; k++) {
      if (predictedKendall(k) >= kendall) {
        return OptionalInt.of(k);
      }
    }
    return OptionalInt.empty();
  }

  static double mean(double[] x) {
    double s = 0;
    for (double v : x) {
      s += v;
    }
    return s / x.length;
  }

  private static double variance(double[] x, double mean) {
    double s = 0;
    for (double v : x) {
      s += (v - mean) * (v - mean);
    }
    return s / (x.length - 1);
  }
}
