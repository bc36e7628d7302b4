package org.landmarknas.torch;

import static org.bytedeco.pytorch.global.torch.set_num_threads;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.landmarknas.bench.EvaluationPool;
import org.landmarknas.bench.GroundTruth;
import org.landmarknas.config.EvaluateConfig;
import org.landmarknas.config.RunConfig;
import org.landmarknas.config.RunConfigLoader;
import org.landmarknas.data.Augmentation;
import org.landmarknas.data.BatchAssembler;
import org.landmarknas.data.DataSplit;
import org.landmarknas.data.ImageData;
import org.landmarknas.data.ImageDataset;
import org.landmarknas.metric.RankingReport;
import org.landmarknas.run.RunDirectory;

/**
 * Scores the evaluation pool on a trained super-net saved in a run directory, without training:
 * {@code lmnas evaluate}. The pool is, in order of preference, the file given explicitly, the
 * run's own {@code pool.csv} (so re-evaluating a run compares like with like), or a fresh draw
 * from {@code evaluate.pool}. Writes {@code evaluation.json} into the run directory.
 */
public final class SupernetEvaluation {
  public static final String OUTPUT_FILE = "evaluation.json";

  private SupernetEvaluation() {}

  public static RankingReport run(RunDirectory dir, RunConfig config, Optional<Path> poolFile,
      PrintStream progress) {
    EvaluateConfig eval = config.evaluate();
    Path weights = dir.path().resolve(SupernetSearch.WEIGHTS_FILE);
    if (!Files.isRegularFile(weights)) {
      throw new IllegalArgumentException("run directory " + dir.path() + " has no "
          + SupernetSearch.WEIGHTS_FILE + " (the search did not finish training)");
    }
    Path runPool = dir.path().resolve(SupernetSearch.POOL_FILE);
    GroundTruth truth;
    int size;
    if (poolFile.isPresent()) {
      truth = GroundTruth.load(poolFile.get());
      size = eval.poolSize();
    } else if (Files.isRegularFile(runPool)) {
      truth = GroundTruth.load(runPool);
      size = 0;
    } else {
      truth = GroundTruth.load(eval.poolPath().orElseThrow(() -> new IllegalArgumentException(
          "no evaluation pool: pass --pool FILE or set evaluate.pool")));
      size = eval.poolSize();
    }
    SplittableRandom rng = new SplittableRandom(config.seed() ^ 0x5DEECE66DL);
    EvaluationPool pool = EvaluationPool.draw(truth, size, rng, a -> false);

    Libtorch.load();
    set_num_threads(config.train().threads());
    ImageDataset dataset = SupernetSearch.loadData(config);
    ImageData trainData = dataset.train();
    ImageData testData = dataset.test();
    Nb201Network net = Nb201Network.supernet(SupernetSearch.shape(config, dataset), 0);
    net.setPrecision(Precision.ofId(config.supernet().precision()));
    net.load(weights);
    Optional<BatchNormRecalibration> recalibration = Optional.empty();
    if (EvaluateConfig.BN_RECALIBRATE.equals(eval.bn())) {
      // the same split as the run: recalibrate on its super-net half
      DataSplit split = DataSplit.of(trainData.count(), config.data().splitFraction(),
          SupernetSearch.splitSeed(config.seed()));
      recalibration = Optional.of(new BatchNormRecalibration(new TensorBatcher(
          new BatchAssembler(trainData, dataset.normalization(), Augmentation.NONE),
          config.train().batchSize()), split.supernet(), eval.recalibrateBatches()));
    }
    PoolScorer scorer = new PoolScorer(net, new SupernetEvaluator(net, new TensorBatcher(
        new BatchAssembler(testData, dataset.normalization(), Augmentation.NONE),
        eval.batchSize())), recalibration);
    progress.printf(Locale.ROOT, "evaluating %d architectures of %s on %s (%s BN)%n",
        pool.size(), truth.source(), dataset.name(), eval.bn());
    SupernetSearch.PoolResult result = SupernetSearch.scorePool(pool, scorer, eval, rng,
        progress, "evaluate:");

    Map<String, Object> json = new LinkedHashMap<>();
    json.put("format_version", 1);
    json.put("evaluated_at", Instant.now().toString());
    json.put("ground_truth", truth.source());
    json.put("config", RunConfigLoader.toMap(config));
    json.put("ranking", result.report().toMap());
    json.put("pool", result.toJson());
    dir.writeJson(OUTPUT_FILE, json);
    return result.report();
  }
}
