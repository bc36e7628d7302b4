package org.landmarknas.torch;

import java.util.ArrayList;
import java.util.List;
import org.landmarknas.bench.EvaluationPool;
import org.landmarknas.metric.RankingReport;
import org.landmarknas.run.PoolScore;
import org.landmarknas.run.Ranking;
import org.landmarknas.search.ArchScore;
import org.landmarknas.search.ScoreMeasure;
import org.landmarknas.space.SearchSpace;

/**
 * One scoring of the evaluation pool on the super-net and its ranking against the ground truth.
 *
 * @param scores the super-net's score of each pool architecture, in pool order
 * @param groundTruth the stand-alone score of each, in the same order
 * @param report the ranking of the pool by the super-net's scores (accuracy, or loss where the
 *     config says so) against the ground truth
 * @param seconds how long the scoring took
 * @param <A> the architecture type of the pool
 */
record PoolResult<A>(List<ArchScore<A>> scores, double[] groundTruth, RankingReport report,
    double seconds) {

  /**
   * The ranking of {@code pool} by {@code measure} of {@code scores} (one per pool architecture,
   * in pool order).
   */
  static <A> PoolResult<A> of(List<ArchScore<A>> scores, EvaluationPool<A> pool, int topK,
      ScoreMeasure measure, double seconds) {
    double[] pred = scores.stream().mapToDouble(measure::value).toArray();
    double[] gt = pool.groundTruthArray();
    return new PoolResult<>(scores, gt, RankingReport.of(pred, gt, Math.min(topK, pool.size())),
        seconds);
  }

  /**
   * One entry per pool architecture: super-net score and ground truth, in pool order, the
   * architectures in {@code space}'s notation.
   */
  List<PoolScore> poolScores(SearchSpace<A> space) {
    List<PoolScore> entries = new ArrayList<>();
    for (int i = 0; i < scores.size(); i++) {
      ArchScore<A> s = scores.get(i);
      entries.add(new PoolScore(space.format(s.arch()), s.accuracy(), s.loss(), groundTruth[i]));
    }
    return entries;
  }

  /** The ranking as the run files write it. */
  Ranking ranking() {
    return Ranking.of(report);
  }
}
