package org.landmarknas.metric;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Every ranking metric of one evaluation pool at once: how well predicted scores (e.g. super-net
 * accuracies) rank architectures against their stand-alone accuracies. Correlations are NaN when
 * undefined (see {@link KendallTau}); NaN is kept rather than hidden because a constant predictor
 * is a finding.
 *
 * @param n number of architectures, at least 1
 * @param sparseKendallTau {@link SparseKendallTau S-KdT}, the paper's headline metric
 * @param kendallTau plain {@link KendallTau#tauB tau-b} of the raw values
 * @param spearmanRho {@link SpearmanRho Spearman's rho}
 * @param topK the k of the top-k figures: the requested k, capped at n
 * @param precisionAtK {@link TopKQuality#precision()}
 * @param bestOfTopKTopPercent {@link TopKQuality#bestTopPercent()}: the best of the predicted
 *     top-k lies in the top this-many percent of the pool (lower is better)
 * @param meanOfTopKTopPercent {@link TopKQuality#meanTopPercent()}
 */
public record RankingReport(int n, double sparseKendallTau, double kendallTau, double spearmanRho,
    int topK, double precisionAtK, double bestOfTopKTopPercent, double meanOfTopKTopPercent) {

  /** Validates sizes and ranges; correlations may be NaN. */
  public RankingReport {
    if (n < 1 || topK < 1 || topK > n) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "RankingReport needs n >= 1 and topK in 1..n, got n = %d, topK = %d", n, topK));
    }
    checkCorrelation("sparseKendallTau", sparseKendallTau);
    checkCorrelation("kendallTau", kendallTau);
    checkCorrelation("spearmanRho", spearmanRho);
    if (!(precisionAtK >= 0 && precisionAtK <= 1)
        || !(bestOfTopKTopPercent > 0 && bestOfTopKTopPercent <= 100)
        || !(meanOfTopKTopPercent >= bestOfTopKTopPercent && meanOfTopKTopPercent <= 100)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "RankingReport top-k figures out of range: precision %s (expected [0, 1]), best %s %%,"
              + " mean %s %% (expected 0 < best <= mean <= 100)", precisionAtK,
          bestOfTopKTopPercent, meanOfTopKTopPercent));
    }
  }

  private static void checkCorrelation(String name, double v) {
    if (!Double.isNaN(v) && !(v >= -1 && v <= 1)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "RankingReport %s = %s is outside [-1, 1] (expected a correlation or NaN)", name, v));
    }
  }

  /**
   * The report for predicted scores against stand-alone accuracies in percent.
   *
   * @param k the top-k size; capped at the number of architectures
   * @throws IllegalArgumentException on invalid inputs (see the metrics), no architectures, or
   *     k below 1
   */
  public static RankingReport of(double[] pred, double[] gtPercent, int k) {
    return of(pred, gtPercent, AccuracyUnit.PERCENT, k);
  }

  /** The report with accuracies in the given unit; see {@link #of(double[], double[], int)}. */
  public static RankingReport of(double[] pred, double[] gt, AccuracyUnit unit, int k) {
    PairedScores.check("ranking report", "pred", pred, "gt", gt);
    if (gt.length == 0 || k < 1) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "ranking report: %d architectures, k = %d (expected at least one architecture and"
              + " k >= 1)", gt.length, k));
    }
    TopKQuality top = TopKQuality.of(pred, gt, Math.min(k, gt.length));
    return new RankingReport(gt.length, SparseKendallTau.of(pred, gt, unit),
        KendallTau.tauB(pred, gt), SpearmanRho.of(pred, gt), top.k(), top.precision(),
        top.bestTopPercent(), top.meanTopPercent());
  }

  /**
   * The figures under the keys of a run directory's {@code metrics.jsonl} and {@code result.json}
   * (what {@code lmnas report} reads): {@code skdt}, {@code kdt}, {@code spearman},
   * {@code precision_at_k}, {@code k}, {@code pool_size}, {@code best_of_top_k_top_percent},
   * {@code mean_of_top_k_top_percent}. NaN values stay NaN.
   */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("skdt", sparseKendallTau);
    m.put("kdt", kendallTau);
    m.put("spearman", spearmanRho);
    m.put("precision_at_k", precisionAtK);
    m.put("k", topK);
    m.put("pool_size", n);
    m.put("best_of_top_k_top_percent", bestOfTopKTopPercent);
    m.put("mean_of_top_k_top_percent", meanOfTopKTopPercent);
    return m;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "n=%d  S-KdT %.4f  KdT %.4f  rho %.4f  P@%d %.2f"
            + "  best-of-top-%d top %.2f%%", n, sparseKendallTau, kendallTau, spearmanRho, topK,
        precisionAtK, topK, bestOfTopKTopPercent);
  }
}
