package org.landmarknas.metric;

import java.util.Locale;

/**
 * How good the k architectures a predictor ranks highest really are. Both inputs are "higher is
 * better": {@code pred} a predicted score, {@code gt} the stand-alone accuracy (any unit).
 *
 * <p>Definitions, with n architectures:
 *
 * <ul>
 *   <li><b>predicted top-k</b>: the k indices with the largest {@code pred}; equal predictions
 *       are taken in input order (lower index first);
 *   <li><b>true rank</b> of architecture i: 1 + the number of architectures with strictly larger
 *       {@code gt} (1 = best; tied accuracies share the best rank of their group);
 *   <li><b>top percent</b> of a rank r: {@code 100 * r / n}, "in the top x % of the pool"; the best
 *       architecture is at {@code 100 / n}, lower is better;
 *   <li>{@code precision}: the fraction of the predicted top-k whose true rank is at most k. With
 *       distinct accuracies this is the overlap of predicted and true top-k divided by k; with
 *       tied accuracies at the k-th place every member of the tie counts as a true top-k member;
 *   <li>{@code bestTrueRank} / {@code bestTopPercent}: the true rank of the predicted top-k's best
 *       member (smallest true rank) and its top percent - what a search that stand-alone trains
 *       the k candidates would end with;
 *   <li>{@code meanTrueRank} / {@code meanTopPercent}: the mean true rank of the predicted top-k
 *       and its top percent.
 * </ul>
 *
 * @param n number of architectures, at least 1
 * @param k size of the predicted top set, 1..n
 * @param precision see above, in [0, 1]
 * @param bestTrueRank see above, 1..n
 * @param bestTopPercent see above, in (0, 100]
 * @param meanTrueRank see above, in [1, n]
 * @param meanTopPercent see above, in (0, 100]
 */
public record TopKQuality(int n, int k, double precision, int bestTrueRank, double bestTopPercent,
    double meanTrueRank, double meanTopPercent) {

  /** Validates the ranges listed on the record components. */
  public TopKQuality {
    if (n < 1 || k < 1 || k > n) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "TopKQuality needs n >= 1 and k in 1..n, got n = %d, k = %d", n, k));
    }
    if (!(precision >= 0 && precision <= 1) || bestTrueRank < 1 || bestTrueRank > n
        || !(meanTrueRank >= bestTrueRank && meanTrueRank <= n)
        || !(bestTopPercent > 0 && bestTopPercent <= 100)
        || !(meanTopPercent > 0 && meanTopPercent <= 100)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "TopKQuality values out of range for n = %d, k = %d: precision %s, best rank %d (%s %%),"
              + " mean rank %s (%s %%)", n, k, precision, bestTrueRank, bestTopPercent,
          meanTrueRank, meanTopPercent));
    }
  }

  /**
   * Measures the predicted top-k; see the class description.
   *
   * @throws IllegalArgumentException on null arrays, different lengths, NaN, an empty input, or
   *     k outside 1..n
   */
  public static TopKQuality of(double[] pred, double[] gt, int k) {
    PairedScores.check("top-k quality", "pred", pred, "gt", gt);
    int n = pred.length;
    if (n == 0 || k < 1 || k > n) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "top-k quality: k = %d with %d architectures (expected 1 <= k <= n, n >= 1)", k, n));
    }
    int[] trueRank = trueRanks(gt);
    int[] byPred = IndexOrder.descending(pred);
    int hits = 0;
    int best = n;
    long rankSum = 0;
    for (int i = 0; i < k; i++) {
      int r = trueRank[byPred[i]];
      if (r <= k) {
        hits++;
      }
      best = Math.min(best, r);
      rankSum += r;
    }
    double mean = (double) rankSum / k;
    return new TopKQuality(n, k, (double) hits / k, best, 100.0 * best / n, mean,
        100.0 * mean / n);
  }

  /** 1 + the number of strictly larger values, for every index. */
  static int[] trueRanks(double[] gt) {
    int[] order = IndexOrder.descending(gt);
    int[] rank = new int[gt.length];
    for (int i = 0; i < order.length; i++) {
      boolean tiedWithPrevious = i > 0 && gt[order[i]] == gt[order[i - 1]];
      rank[order[i]] = tiedWithPrevious ? rank[order[i - 1]] : i + 1;
    }
    return rank;
  }
}
