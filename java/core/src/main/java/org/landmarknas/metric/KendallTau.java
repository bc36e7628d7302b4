package org.landmarknas.metric;

/**
 * Kendall's rank correlation tau-b between two score vectors, in O(n log n) time and O(n) extra
 * memory (Knight, "A computer method for calculating Kendall's tau with ungrouped data", JASA
 * 1966).
 *
 * <p>With n0 = n(n-1)/2 pairs, n1 pairs tied in x, n2 tied in y, n3 tied in both and D the
 * discordant pairs (an inversion count),
 *
 * <pre>
 * tau_b = (n0 - n1 - n2 + n3 - 2 D) / sqrt((n0 - n1) (n0 - n2))
 * </pre>
 *
 * <p>the numerator being concordant minus discordant pairs. Without ties this is the classic
 * tau-a. Values are compared numerically, so {@code -0.0} and {@code 0.0} are a tie.
 */
public final class KendallTau {

  private KendallTau() {}

  /**
   * Tau-b of {@code x} against {@code y}, in [-1, 1].
   *
   * @return NaN when it is undefined: fewer than two values, or either input constant (every
   *     pair tied, so the denominator is zero)
   * @throws IllegalArgumentException if an array is null, the lengths differ or a value is NaN
   */
  public static double tauB(double[] x, double[] y) {
    PairedScores.check("Kendall tau", "x", x, "y", y);
    int n = x.length;
    if (n < 2) {
      return Double.NaN;
    }
    // Sort by (x, y): two stable passes, the minor key first.
    int[] scratch = new int[n];
    int[] perm = IndexOrder.ascending(y);
    IndexOrder.sortAscending(perm, x, scratch);

    long xTies = 0;
    long jointTies = 0;
    int xRun = 1;
    int jointRun = 1;
    for (int i = 1; i < n; i++) {
      if (x[perm[i]] == x[perm[i - 1]]) {
        xRun++;
        if (y[perm[i]] == y[perm[i - 1]]) {
          jointRun++;
        } else {
          jointTies += pairs(jointRun);
          jointRun = 1;
        }
      } else {
        xTies += pairs(xRun);
        jointTies += pairs(jointRun);
        xRun = 1;
        jointRun = 1;
      }
    }
    xTies += pairs(xRun);
    jointTies += pairs(jointRun);

    double[] ys = new double[n];
    for (int i = 0; i < n; i++) {
      ys[i] = y[perm[i]];
    }
    // Within an x-tie the ys are already ascending, so every inversion left is a discordant pair.
    long discordant = sortCountingInversions(ys, new double[n], 0, n);

    long yTies = 0;
    int yRun = 1;
    for (int i = 1; i < n; i++) {
      if (ys[i] == ys[i - 1]) {
        yRun++;
      } else {
        yTies += pairs(yRun);
        yRun = 1;
      }
    }
    yTies += pairs(yRun);

    long total = pairs(n);
    long xUntied = total - xTies;
    long yUntied = total - yTies;
    if (xUntied == 0 || yUntied == 0) {
      return Double.NaN;
    }
    long concordantMinusDiscordant = total - xTies - yTies + jointTies - 2 * discordant;
    return concordantMinusDiscordant / Math.sqrt((double) xUntied * (double) yUntied);
  }

  private static long pairs(long run) {
    return run * (run - 1) / 2;
  }

  /** Merge sort of {@code a[lo, hi)}; returns the number of strict inversions it removed. */
  private static long sortCountingInversions(double[] a, double[] tmp, int lo, int hi) {
    if (hi - lo < 2) {
      return 0;
    }
    int mid = (lo + hi) >>> 1;
    long swaps = sortCountingInversions(a, tmp, lo, mid) + sortCountingInversions(a, tmp, mid, hi);
    int i = lo;
    int j = mid;
    int k = lo;
    while (i < mid && j < hi) {
      if (a[j] < a[i]) {
        // a[j] jumps over every element still waiting in the left half.
        swaps += mid - i;
        tmp[k++] = a[j++];
      } else {
        tmp[k++] = a[i++];
      }
    }
    while (i < mid) {
      tmp[k++] = a[i++];
    }
    while (j < hi) {
      tmp[k++] = a[j++];
    }
    System.arraycopy(tmp, lo, a, lo, hi - lo);
    return swaps;
  }
}
