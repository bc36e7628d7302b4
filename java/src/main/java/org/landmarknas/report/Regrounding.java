package org.landmarknas.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.landmarknas.bench.StandaloneScores;
import org.landmarknas.metric.RankingReport;
import org.landmarknas.run.RunDirectory;
import org.landmarknas.space.Nb201Arch;

/**
 * A run's rankings recomputed against another ground truth of the same architectures, without
 * retraining: the super-net accuracies a run measured stay, the stand-alone scores they are
 * compared with change (e.g. from one training seed to the mean of three, whose noise ceiling is
 * higher). The final pool and ranking come from {@code result.json}, the S-KdT curve from the
 * {@code pool-epoch-NNNN.json} file the engine keeps for every scoring, and the architectures the
 * search found get their score and rank from the new ground truth.
 */
public final class Regrounding {

  /** The top-k of precision@k when a run did not record its own. */
  private static final int DEFAULT_TOP_K = 10;

  private Regrounding() {}

  /**
   * {@code run} with every ranking figure recomputed against {@code truth}.
   *
   * @param source names the ground truth in errors (its file)
   * @throws IllegalArgumentException when a pool architecture has no score in {@code truth}, or
   *     an epoch logged an S-KdT whose scoring file is missing (runs older than the files)
   */
  public static RunRecord of(RunRecord run, StandaloneScores truth, String source) {
    List<PoolEntry> pool = reground(run.pool(), truth, source,
        run.dir().resolve(RunDirectory.RESULT_FILE));
    Optional<RankingSummary> ranking = Optional.empty();
    if (!pool.isEmpty()) {
      int k = run.ranking().map(r -> r.k().orElse(DEFAULT_TOP_K)).orElse(DEFAULT_TOP_K);
      RankingReport r = report(pool, k);
      ranking = Optional.of(new RankingSummary(OptionalDouble.of(r.sparseKendallTau()),
          OptionalDouble.of(r.kendallTau()), OptionalDouble.of(r.spearmanRho()),
          OptionalDouble.of(r.precisionAtK()), OptionalInt.of(r.topK()),
          OptionalInt.of(r.n())));
    }
    List<EpochMetrics> epochs = new ArrayList<>();
    for (EpochMetrics e : run.epochs()) {
      epochs.add(e.values().containsKey(EpochMetrics.SKDT) ? epoch(run, e, truth, source) : e);
    }
    Optional<SearchSummary> search = run.search().map(s -> new SearchSummary(
        s.strategy(), s.evaluations(), s.top().stream().map(f -> found(f, pool, truth)).toList()));
    return new RunRecord(run.dir(), run.name(), run.seed(), run.dataset(), epochs, pool,
        ranking, search, run.cost(), run.finished());
  }

  private static EpochMetrics epoch(RunRecord run, EpochMetrics e, StandaloneScores truth,
      String source) {
    Path file = run.dir().resolve(String.format(Locale.ROOT, RunDirectory.POOL_SCORES_FILE,
        e.epoch()));
    if (!Files.exists(file)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "run %s: epoch %d logged an S-KdT but %s is missing, so it cannot be recomputed"
              + " against %s (runs written before the engine kept every pool scoring)",
          run.dir(), e.epoch(), file, source));
    }
    List<PoolEntry> pool = reground(RunFileParser.poolScoring(file), truth, source, file);
    if (pool.isEmpty()) {
      throw new IllegalArgumentException(file + ": the pool has no scored architecture");
    }
    int k = (int) Math.round(e.value("k").orElse(DEFAULT_TOP_K));
    Map<String, Double> values = new LinkedHashMap<>(e.values());
    for (Map.Entry<String, Object> m : report(pool, k).toMap().entrySet()) {
      values.put(m.getKey(), ((Number) m.getValue()).doubleValue());
    }
    return new EpochMetrics(e.epoch(), values);
  }

  private static List<PoolEntry> reground(List<PoolEntry> pool, StandaloneScores truth,
      String source, Path file) {
    List<PoolEntry> out = new ArrayList<>(pool.size());
    for (PoolEntry p : pool) {
      OptionalDouble score = truth.score(arch(p.arch(), file));
      if (score.isEmpty()) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "%s: pool architecture %s has no score in %s", file, p.arch(), source));
      }
      out.add(new PoolEntry(p.arch(), p.supernetAccuracy(), score.getAsDouble()));
    }
    return out;
  }

  private static RankingReport report(List<PoolEntry> pool, int k) {
    double[] pred = pool.stream().mapToDouble(PoolEntry::supernetAccuracy).toArray();
    double[] gt = pool.stream().mapToDouble(PoolEntry::groundTruth).toArray();
    return RankingReport.of(pred, gt, Math.max(1, Math.min(k, pool.size())));
  }

  /** A found architecture's new score, and its rank among the pool's new scores (1 = best). */
  private static SearchSummary.Found found(SearchSummary.Found f, List<PoolEntry> pool,
      StandaloneScores truth) {
    OptionalDouble score;
    try {
      score = truth.score(Nb201Arch.parse(f.arch()));
    } catch (IllegalArgumentException e) {
      score = OptionalDouble.empty(); // "#3": the run wrote no architecture string
    }
    if (score.isEmpty() || pool.isEmpty()) {
      return new SearchSummary.Found(f.arch(), f.supernetValAccuracy(), score,
          OptionalInt.empty(), OptionalInt.empty());
    }
    double s = score.getAsDouble();
    int better = (int) pool.stream().filter(p -> p.groundTruth() > s).count();
    return new SearchSummary.Found(f.arch(), f.supernetValAccuracy(), score,
        OptionalInt.of(better + 1), OptionalInt.of(pool.size()));
  }

  private static Nb201Arch arch(String s, Path file) {
    try {
      return Nb201Arch.parse(s);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "%s: pool entry \"%s\" is not an NB201 architecture (%s)", file, s, e.getMessage()), e);
    }
  }
}
