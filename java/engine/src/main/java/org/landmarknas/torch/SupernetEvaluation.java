package org.landmarknas.torch;

import static org.bytedeco.pytorch.global.torch.set_num_threads;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import org.landmarknas.bench.BaselineRanking;
import org.landmarknas.bench.EvaluationPool;
import org.landmarknas.bench.GroundTruth;
import org.landmarknas.bench.ProxyBaselines;
import org.landmarknas.config.EvaluateConfig;
import org.landmarknas.config.RunConfig;
import org.landmarknas.config.RunConfigLoader;
import org.landmarknas.metric.AccuracyUnit;
import org.landmarknas.metric.RankingReport;
import org.landmarknas.run.NamedRanking;
import org.landmarknas.run.PoolEvaluation;
import org.landmarknas.run.Ranking;
import org.landmarknas.run.RunDirectory;
import org.landmarknas.run.RunFiles;
import org.landmarknas.space.SearchSpace;
import org.landmarknas.space.Skeleton;
import org.landmarknas.standalone.StandaloneProtocol;

/**
 * Scores the evaluation pool on a trained super-net saved in a run directory, without training:
 * {@code lmnas evaluate}. The pool is, in order of preference, the file given explicitly, the
 * run's own {@code pool.csv} (so re-evaluating a run compares like with like), or a fresh draw
 * from {@code evaluate.pool}. Writes {@code evaluation.json} into the run directory.
 */
public final class SupernetEvaluation {
  public static final String OUTPUT_FILE = RunDirectory.EVALUATION_FILE;

  private SupernetEvaluation() {}

  public static RankingReport run(RunDirectory dir, RunConfig config, Optional<Path> poolFile,
      PrintStream progress) {
    return run(SupernetSpaces.byName(config.space()), dir, config, poolFile, progress);
  }

  private static <A> RankingReport run(SupernetSpace<A> supernetSpace, RunDirectory dir,
      RunConfig config, Optional<Path> poolFile, PrintStream progress) {
    EvaluateConfig eval = config.evaluate();
    SearchSpace<A> space = supernetSpace.space();
    Path weights = dir.weightsFile();
    if (!Files.isRegularFile(weights)) {
      throw new IllegalArgumentException("run directory " + dir.path() + " has no "
          + RunDirectory.WEIGHTS_FILE + " (the search did not finish training)");
    }
    Path runPool = dir.poolFile();
    GroundTruth<A> truth;
    int size;
    if (poolFile.isPresent()) {
      truth = GroundTruth.load(space, poolFile.get());
      size = eval.poolSize();
    } else if (Files.isRegularFile(runPool)) {
      truth = GroundTruth.load(space, runPool);
      size = 0;
    } else {
      truth = GroundTruth.load(space, eval.poolPath().orElseThrow(
          () -> new IllegalArgumentException(
              "no evaluation pool: pass --pool FILE or set evaluate.pool")));
      size = eval.poolSize();
    }
    SplittableRandom rng = new SplittableRandom(config.seed() ^ 0x5DEECE66DL);
    EvaluationPool<A> pool = EvaluationPool.draw(truth, size, rng, a -> false);

    Libtorch.load();
    set_num_threads(config.train().threads());
    // The run's own split and BatchNorm treatment: the pool is scored as the run scored it.
    SearchSession<A> session = SearchSession.forEvaluation(supernetSpace, config, weights);
    progress.printf(Locale.ROOT, "evaluating %d architectures of %s on %s (%s BN)%n",
        pool.size(), truth.source(), session.dataset().name(), eval.bn());
    Bf16Units.warningHere(config).ifPresent(progress::println);
    PoolScoreJournal<A> journal = PoolScoreJournal.of(dir.evaluationJournalFile(), space,
        String.format(Locale.ROOT, "evaluate, images %d of test-limit %d, batch %d, %s, %s",
            eval.poolImages(true), config.data().testLimit(), eval.batchSize(),
            eval.scoringPrecision(config.supernet().precision()),
            config.supernet().memoryFormat()), session.net().weightsFingerprint());
    PoolResult<A> result = SupernetScoring.scorePool(pool, session.testScorer(), eval, true, rng,
        progress, "evaluate:", Optional.of(journal));

    // A pool drawn from a NASLib sample (given now, or the run's own drawn from evaluate.pool)
    // is also ranked by the sample's zero-cost proxies.
    Path sample = poolFile.isPresent() ? poolFile.get() : eval.poolPath().orElse(runPool);
    List<NamedRanking> baselines = baselines(space, config, pool, sample,
        result.report().topK(), progress);
    baselines.forEach(b -> progress.printf(Locale.ROOT,
        "baseline %-10s S-KdT %.4f  KdT %.4f  Spearman %.4f  precision@%d %.2f%n", b.name(),
        b.ranking().skdt(), b.ranking().kdt(), b.ranking().spearman(), b.ranking().k(),
        b.ranking().precisionAtK()));
    dir.writeEvaluation(new PoolEvaluation(RunFiles.FORMAT_VERSION, Instant.now().toString(),
        truth.source(), RunConfigLoader.toMap(config), result.ranking(),
        result.poolScores(space), baselines));
    journal.delete();
    return result.report();
  }

  /**
   * The pool ranked without the super-net, by the cost of the stand-alone network of the
   * super-net's sizes and by the zero-cost proxies of {@code sample} where it is a NASLib
   * sample: what the super-net's figures must beat.
   */
  private static <A> List<NamedRanking> baselines(SearchSpace<A> space, RunConfig config,
      EvaluationPool<A> pool, Path sample, int k, PrintStream progress) {
    Skeleton skeleton = StandaloneProtocol.skeleton(config.data().dataset(),
        config.supernet().channels(), config.supernet().cells());
    List<BaselineRanking> all = new ArrayList<>(BaselineRanking.of(space, skeleton,
        pool.archs(), pool.groundTruthArray(), AccuracyUnit.PERCENT, k));
    try {
      ProxyBaselines.of(space, sample, pool.archs(), pool.groundTruthArray(),
          AccuracyUnit.PERCENT, k).ifPresent(p -> {
            all.addAll(p.rankings());
            progress.println(p.note());
          });
    } catch (IllegalArgumentException | UncheckedIOException e) {
      // the super-net's figures are written all the same; the proxies are an extra
      progress.println(e.getMessage());
    }
    return all.stream().map(b -> new NamedRanking(b.name(), Ranking.of(b.report()))).toList();
  }
}
