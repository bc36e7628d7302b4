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
import org.landmarknas.bench.GroundTruth;
import org.landmarknas.metric.RankingReport;
import org.landmarknas.run.RunDirectory;
import org.landmarknas.search.ScoreMeasure;
import org.landmarknas.space.SearchSpace;
import org.landmarknas.space.SearchSpaces;

/**
 * A run's rankings recomputed against another ground truth of the same architectures, without
 * retraining: the super-net accuracies a run measured stay, the stand-alone scores they are
 * compared with change (e.g. from one training seed to the mean of three, whose noise ceiling is
 * higher). The final pool and ranking come from {@code result.json}, the S-KdT curve from the
 * {@code pool-epoch-NNNN.json} file the engine keeps for every scoring, and the architectures the
 * search found get their score, rank and total from the new ground truth as the engine writes
 * them ({@link GroundTruth#rank}, {@link GroundTruth#size}). The ground truth is read in the
 * space the run searched ({@code space} of its config), which parses the pool's architectures.
 */
public final class Regrounding {

  /** The top-k of precision@k when a run did not record its own. */
  private static final int DEFAULT_TOP_K = 10;

  private Regrounding() {}

  /**
   * The run recorded in {@code dir}, re-grounded against the ground-truth file {@code truth}
   * (read in the run's space) when given, as it was recorded otherwise: what every report of
   * finished runs starts from.
   *
   * @throws IllegalArgumentException when the run names an unknown space, or the file is not a
   *     ground truth of the run's space's architectures
   */
  public static RunRecord load(Path dir, Optional<Path> truth) {
    return load(dir, truth, Optional.empty());
  }

  /**
   * As {@link #load(Path, Optional)}, and with {@code measure} every ranking figure is
   * recomputed with the super-net's scores ranked by it instead of by the run's own {@code
   * evaluate.score-by} (e.g. a loss-ranked run read by accuracy: every pool file keeps both).
   * Without a ground-truth file the pool's own ground truth is kept.
   */
  public static RunRecord load(Path dir, Optional<Path> truth, Optional<ScoreMeasure> measure) {
    if (truth.isEmpty() && measure.isEmpty()) {
      return RunRecord.load(dir);
    }
    ScoreMeasure by = measure.orElse(RunFileParser.measure(dir));
    RunRecord run = RunFileParser.parse(dir, by);
    SearchSpace<?> space = SearchSpaces.byName(RunFileParser.space(dir));
    return truth.isPresent() ? of(run, GroundTruth.load(space, truth.get()), by)
        : of(run, ownTruth(space, run), by);
  }

  /** The pool's ground truth as the run recorded it. */
  private static <A> GroundTruth<A> ownTruth(SearchSpace<A> space, RunRecord run) {
    Map<A, Double> scores = new LinkedHashMap<>();
    for (PoolEntry e : run.pool()) {
      scores.put(space.parse(e.arch()), e.groundTruth());
    }
    return GroundTruth.of(run.dir().resolve(RunDirectory.RESULT_FILE).toString(), space,
        scores);
  }

  /**
   * {@code run} with every ranking figure recomputed against {@code truth}.
   *
   * @throws IllegalArgumentException when a pool architecture has no score in {@code truth}, or
   *     an epoch logged an S-KdT whose scoring file is missing (runs older than the files)
   */
  public static <A> RunRecord of(RunRecord run, GroundTruth<A> truth) {
    return of(run, truth, RunFileParser.measure(run.dir()));
  }

  /** As {@link #of(RunRecord, GroundTruth)}, the epochs' scorings ranked by {@code measure}. */
  private static <A> RunRecord of(RunRecord run, GroundTruth<A> truth, ScoreMeasure measure) {
    List<PoolEntry> pool = reground(run.pool(), truth,
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
      epochs.add(e.values().containsKey(EpochMetrics.SKDT) ? epoch(run, e, truth, measure) : e);
    }
    Optional<SearchSummary> search = run.search().map(s -> new SearchSummary(
        s.strategy(), s.evaluations(), s.top().stream().map(f -> found(f, truth)).toList()));
    return new RunRecord(run.dir(), run.name(), run.seed(), run.dataset(), epochs, pool,
        ranking, search, run.cost(), run.finished());
  }

  private static <A> EpochMetrics epoch(RunRecord run, EpochMetrics e, GroundTruth<A> truth,
      ScoreMeasure measure) {
    Path file = run.dir().resolve(String.format(Locale.ROOT, RunDirectory.POOL_SCORES_FILE,
        e.epoch()));
    if (!Files.exists(file)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "run %s: epoch %d logged an S-KdT but %s is missing, so it cannot be recomputed"
              + " against %s (runs written before the engine kept every pool scoring)",
          run.dir(), e.epoch(), file, truth.source()));
    }
    List<PoolEntry> pool = reground(
        RunFileParser.poolScoring(file, measure), truth, file);
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

  private static <A> List<PoolEntry> reground(List<PoolEntry> pool, GroundTruth<A> truth,
      Path file) {
    List<PoolEntry> out = new ArrayList<>(pool.size());
    for (PoolEntry p : pool) {
      OptionalDouble score = truth.score(arch(truth.space(), p.arch(), file));
      if (score.isEmpty()) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "%s: pool architecture %s has no score in %s", file, p.arch(), truth.source()));
      }
      out.add(new PoolEntry(p.arch(), p.supernetAccuracy(), p.supernetScore(),
          score.getAsDouble()));
    }
    return out;
  }

  private static RankingReport report(List<PoolEntry> pool, int k) {
    double[] pred = pool.stream().mapToDouble(PoolEntry::supernetScore).toArray();
    double[] gt = pool.stream().mapToDouble(PoolEntry::groundTruth).toArray();
    return RankingReport.of(pred, gt, Math.max(1, k)); // k is capped at the pool's size there
  }

  /** A found architecture's new score and its rank in the new ground truth (1 = best). */
  private static <A> SearchSummary.Found found(SearchSummary.Found f, GroundTruth<A> truth) {
    A arch;
    try {
      arch = truth.space().parse(f.arch());
    } catch (IllegalArgumentException e) {
      // "#3": the run wrote no architecture string
      return new SearchSummary.Found(f.arch(), f.supernetValAccuracy(), OptionalDouble.empty(),
          OptionalInt.empty(), OptionalInt.empty());
    }
    return new SearchSummary.Found(f.arch(), f.supernetValAccuracy(), truth.score(arch),
        truth.rank(arch), OptionalInt.of(truth.size()));
  }

  private static <A> A arch(SearchSpace<A> space, String s, Path file) {
    try {
      return space.parse(s);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "%s: pool entry \"%s\" is not an architecture of %s (%s)", file, s, space.id(),
          e.getMessage()), e);
    }
  }
}
