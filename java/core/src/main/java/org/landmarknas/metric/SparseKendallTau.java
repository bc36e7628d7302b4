package org.landmarknas.metric;

import java.util.Locale;

/**
 * Sparse Kendall tau (S-KdT; Yu et al., "Landmark regularization", CVPR 2021): Kendall's tau-b
 * after stand-alone accuracies are binned into 0.1 % steps, so architectures whose accuracies
 * differ by less than training noise count as tied instead of as a ranking error.
 *
 * <p>The computation, exactly as in the project's design notes (section 4):
 *
 * <ol>
 *   <li>convert accuracies to fractions ({@link AccuracyUnit#toFraction}: percent times
 *       {@code 0.01});
 *   <li>walk the architectures in ascending accuracy with a dense rank r starting at -1 and a
 *       previous accuracy starting at 0.0; r grows by one whenever {@code floor(acc * 1000) >
 *       floor(prev * 1000)}. That is each architecture's binned rank;
 *   <li>x = the binned ranks in ascending-accuracy order (non-decreasing), y = the binned ranks
 *       listed in ascending order of the predicted score;
 *   <li>S-KdT = {@link KendallTau#tauB tau-b}(x, y).
 * </ol>
 *
 * <p>Ties in the predicted score are listed in input order (a stable sort), so with tied
 * predictions the value depends on the order of the input arrays, as in the reference. Ties in
 * accuracy do not matter: they share a bin.
 *
 * <p><b>Caution.</b> y holds binned ranks, not predictions, so tied predictions leave no tie in
 * y: a constant predictor gets the tau of the input order, e.g. 1.0 when the caller lists the
 * architectures by ascending accuracy. Check {@link KendallTau#tauB plain tau} (NaN for a
 * constant predictor) alongside, as {@link RankingReport} does, or shuffle the pool. Note also
 * that S-KdT is not tau-b of (pred, binned rank): x pairs position i of the accuracy order with
 * position i of the predicted order, so a prediction that orders architectures within a bin
 * arbitrarily still scores 1.0.
 */
public final class SparseKendallTau {

  private static final String NAME = "sparse Kendall tau";
  /** Bins per unit of fractional accuracy: 1000 makes 0.1 % bins. */
  private static final double BINS = 1000.0;

  private SparseKendallTau() {}

  /**
   * S-KdT of predicted scores against stand-alone accuracies in percent.
   *
   * @param pred predicted scores, higher = better (any scale)
   * @param gtPercent stand-alone accuracies in percent, [0, 100]
   * @return S-KdT in [-1, 1]; NaN when fewer than two architectures or when all accuracies share
   *     one 0.1 % bin (constant predictions are <em>not</em> NaN, see the class description)
   * @throws IllegalArgumentException on null arrays, different lengths, NaN, or an accuracy
   *     outside [0, 100]
   */
  public static double of(double[] pred, double[] gtPercent) {
    return of(pred, gtPercent, AccuracyUnit.PERCENT);
  }

  /**
   * S-KdT of predicted scores against stand-alone accuracies in the given unit.
   *
   * @see #of(double[], double[])
   */
  public static double of(double[] pred, double[] gt, AccuracyUnit unit) {
    PairedScores.check(NAME, "pred", pred, "gt", gt);
    int n = gt.length;
    if (n < 2) {
      return Double.NaN;
    }
    int[] rank = binnedRanks(gt, unit);
    int[] byGt = IndexOrder.ascending(gt);
    int[] byPred = IndexOrder.ascending(pred);
    double[] x = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = rank[byGt[i]];
      y[i] = rank[byPred[i]];
    }
    return KendallTau.tauB(x, y);
  }

  /**
   * The binned dense rank of each architecture (index i of the result belongs to {@code gt[i]}),
   * dense and ascending with the bin; step 2 of the class description. The lowest occupied bin
   * gets 0, except the bin [0, 0.1 %), which never exceeds the start value and so keeps -1 (as in
   * the reference; a constant shift does not change tau).
   *
   * @throws IllegalArgumentException if {@code unit} is null or a value lies outside its range
   */
  static int[] binnedRanks(double[] gt, AccuracyUnit unit) {
    if (unit == null) {
      throw new IllegalArgumentException(NAME + ": accuracy unit is null (expected PERCENT or"
          + " FRACTION)");
    }
    for (int i = 0; i < gt.length; i++) {
      if (!unit.inRange(gt[i])) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "%s: gt[%d] = %s is outside [%s, %s] (expected an accuracy in %s)", NAME, i, gt[i],
            unit.min(), unit.max(), unit.name().toLowerCase(Locale.ROOT)));
      }
    }
    int[] order = IndexOrder.ascending(gt);
    int[] rank = new int[gt.length];
    int r = -1;
    double prevBin = Math.floor(0.0 * BINS);
    for (int i : order) {
      double bin = Math.floor(unit.toFraction(gt[i]) * BINS);
      if (bin > prevBin) {
        r++;
      }
      prevBin = bin;
      rank[i] = r;
    }
    return rank;
  }
}
