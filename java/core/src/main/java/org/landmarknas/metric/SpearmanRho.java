package org.landmarknas.metric;

/**
 * Spearman's rank correlation: Pearson's correlation of the two vectors' ranks, tied values
 * sharing the average of the ranks they span (the usual tie correction).
 */
public final class SpearmanRho {

  private SpearmanRho() {}

  /**
   * Spearman's rho of {@code x} against {@code y}, in [-1, 1].
   *
   * @return NaN when undefined: fewer than two values, or either input constant
   * @throws IllegalArgumentException if an array is null, the lengths differ or a value is NaN
   */
  public static double of(double[] x, double[] y) {
    PairedScores.check("Spearman rho", "x", x, "y", y);
    int n = x.length;
    if (n < 2) {
      return Double.NaN;
    }
    return pearson(averageRanks(x), averageRanks(y));
  }

  /** 1-based ranks in ascending order; a group of tied values gets the mean of its ranks. */
  static double[] averageRanks(double[] v) {
    int[] order = IndexOrder.ascending(v);
    double[] rank = new double[v.length];
    int start = 0;
    while (start < order.length) {
      int end = start + 1;
      while (end < order.length && v[order[end]] == v[order[start]]) {
        end++;
      }
      // Positions start..end-1 hold ranks start+1..end; their mean is (start + 1 + end) / 2.
      double mean = (start + 1 + end) / 2.0;
      for (int i = start; i < end; i++) {
        rank[order[i]] = mean;
      }
      start = end;
    }
    return rank;
  }

  private static double pearson(double[] a, double[] b) {
    int n = a.length;
    double meanA = 0;
    double meanB = 0;
    for (int i = 0; i < n; i++) {
      meanA += a[i];
      meanB += b[i];
    }
    meanA /= n;
    meanB /= n;
    double cov = 0;
    double varA = 0;
    double varB = 0;
    for (int i = 0; i < n; i++) {
      double da = a[i] - meanA;
      double db = b[i] - meanB;
      cov += da * db;
      varA += da * da;
      varB += db * db;
    }
    if (varA == 0 || varB == 0) {
      return Double.NaN;
    }
    // Rounding can push |r| a hair past 1 for identical rankings; the value is a correlation.
    return Math.max(-1.0, Math.min(1.0, cov / Math.sqrt(varA * varB)));
  }
}
