package org.landmarknas.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.landmarknas.metric.AccuracyUnit;
import org.landmarknas.metric.RankingReport;
import org.landmarknas.random.SeededShuffle;
import org.landmarknas.space.NetworkCost;
import org.landmarknas.space.SearchSpace;
import org.landmarknas.space.Skeleton;

/**
 * A ranking of an evaluation pool that needs no super-net, scored like the super-net's against
 * the same ground truth: what a super-net must beat to be worth training. Counting parameters
 * ranks NB201 cells far better than chance (larger cells train to higher accuracy), so a
 * super-net's S-KdT means little without it beside.
 *
 * @param name what ranks the pool: {@code parameters}, {@code macs}, {@code random}, or a
 *     zero-cost proxy's {@code zc:} name ({@link ProxyBaselines})
 * @param report its ranking figures; for {@code random} the mean of each figure over
 *     {@value #RANDOM_ORDERINGS} seeded orderings
 */
public record BaselineRanking(String name, RankingReport report) {

  /** How many random orderings the random baseline averages. */
  public static final int RANDOM_ORDERINGS = 1000;

  public BaselineRanking {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(report, "report");
  }

  /**
   * The parameter-count, MAC-count and random rankings of {@code archs}, each against {@code
   * groundTruth} (same order), the costs of the stand-alone network with {@code skeleton}'s sizes.
   *
   * @param k the top-k size; capped at the pool's size
   * @throws IllegalArgumentException when the lists differ in length, the pool is empty or a
   *     cell has no cost (a disconnected cell)
   */
  public static <A> List<BaselineRanking> of(SearchSpace<A> space, Skeleton skeleton,
      List<A> archs, double[] groundTruth, AccuracyUnit unit, int k) {
    if (archs.size() != groundTruth.length || archs.isEmpty()) {
      throw new IllegalArgumentException("baseline rankings need one ground truth per"
          + " architecture of a non-empty pool, got " + archs.size() + " architectures and "
          + groundTruth.length + " scores");
    }
    double[] params = new double[archs.size()];
    double[] macs = new double[archs.size()];
    for (int i = 0; i < archs.size(); i++) {
      NetworkCost cost = space.cost(archs.get(i), skeleton);
      params[i] = cost.parameters();
      macs[i] = cost.macs();
    }
    List<BaselineRanking> out = new ArrayList<>();
    out.add(new BaselineRanking("parameters", RankingReport.of(params, groundTruth, unit, k)));
    out.add(new BaselineRanking("macs", RankingReport.of(macs, groundTruth, unit, k)));
    out.add(new BaselineRanking("random", random(groundTruth, unit, k)));
    return List.copyOf(out);
  }

  /** The mean of every figure over {@value #RANDOM_ORDERINGS} seeded random orderings. */
  private static RankingReport random(double[] groundTruth, AccuracyUnit unit, int k) {
    SplittableRandom rng = new SplittableRandom(RANDOM_ORDERINGS);
    int n = groundTruth.length;
    double[] sums = new double[6];
    RankingReport last = null;
    for (int r = 0; r < RANDOM_ORDERINGS; r++) {
      double[] order = Arrays.stream(SeededShuffle.permutation(n, rng)).asDoubleStream()
          .toArray();
      last = RankingReport.of(order, groundTruth, unit, k);
      sums[0] += last.sparseKendallTau();
      sums[1] += last.kendallTau();
      sums[2] += last.spearmanRho();
      sums[3] += last.precisionAtK();
      sums[4] += last.bestOfTopKTopPercent();
      sums[5] += last.meanOfTopKTopPercent();
    }
    double m = RANDOM_ORDERINGS;
    return new RankingReport(n, sums[0] / m, sums[1] / m, sums[2] / m, last.topK(),
        sums[3] / m, sums[4] / m, sums[5] / m);
  }
}
