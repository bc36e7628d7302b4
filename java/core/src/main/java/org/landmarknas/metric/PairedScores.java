package org.landmarknas.metric;

import java.util.Locale;

/**
 * The input contract shared by every metric here: two score vectors over the same architectures,
 * element i of each describing architecture i. Checked once at each public entry point so that a
 * NaN or a length mismatch fails with the metric's name instead of a silently wrong number.
 */
final class PairedScores {

  private PairedScores() {}

  /**
   * Checks that both arrays are non-null, equally long and free of NaN.
   *
   * @throws IllegalArgumentException naming the metric, the array and the offending index
   */
  static void check(String metric, String xName, double[] x, String yName, double[] y) {
    if (x == null || y == null) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "%s: %s is null (expected an array of scores)", metric, x == null ? xName : yName));
    }
    if (x.length != y.length) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "%s: %s has %d values but %s has %d (expected one value per architecture in each)",
          metric, xName, x.length, yName, y.length));
    }
    checkNumbers(metric, xName, x);
    checkNumbers(metric, yName, y);
  }

  private static void checkNumbers(String metric, String name, double[] v) {
    for (int i = 0; i < v.length; i++) {
      if (Double.isNaN(v[i])) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "%s: %s[%d] is NaN (expected a number)", metric, name, i));
      }
    }
  }
}
