package org.landmarknas.torch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landmarknas.TestData;
import org.landmarknas.config.RunConfig;
import org.landmarknas.config.RunConfigLoader;
import org.landmarknas.metric.SparseKendallTau;
import org.landmarknas.run.MetricsLog;
import org.landmarknas.run.PoolScore;
import org.landmarknas.run.RunDirectory;
import org.landmarknas.run.RunFiles;

/**
 * {@code evaluate.final-images} and {@code evaluate.score-by} on a tiny real run: the last
 * scoring uses its own image count, and the ranking written to the metrics is the one of the
 * configured measure of the pool file's scores.
 */
final class PoolScoringOptionsTest {
  @TempDir Path tmp;

  @Test
  void lastScoringUsesFinalImages_andRankingFollowsScoreBy() throws Exception {
    TestData.fashionMnist();
    Path table = TestData.nb201Table();
    RunConfig config = RunConfigLoader.fromDefaults(List.of(
        "name=scoring", "seed=3", "data.train-limit=256", "data.test-limit=64",
        "supernet.channels=4", "train.epochs=2", "train.steps-per-epoch=2",
        "train.batch-size=16", "train.sampling=classes", "evaluate.archs=0",
        "evaluate.batch-size=16", "evaluate.pool=" + table, "evaluate.pool-size=12",
        "evaluate.images=16", "evaluate.final-images=64", "evaluate.score-by=loss",
        "search.strategy=none"));
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true,
        StandardCharsets.UTF_8);
    RunDirectory dir = RunDirectory.create(tmp.resolve("run"));
    SupernetSearch.run(config, dir, quiet);

    assertTrue(!Files.exists(dir.poolJournalFile(1)) && !Files.exists(dir.poolJournalFile(2)),
        "a scoring's journal is gone once its pool file is written");
    List<PoolScore> first = RunFiles.readPoolScoring(dir.poolScoresFile(1)).pool();
    List<PoolScore> last = RunFiles.readPoolScoring(dir.poolScoresFile(2)).pool();
    assertTrue(first.stream().allMatch(p -> onGrid(p.supernetAccuracy(), 16)),
        "epoch 1 scored on 16 images: " + first);
    assertTrue(last.stream().allMatch(p -> onGrid(p.supernetAccuracy(), 64)), last.toString());
    assertTrue(last.stream().anyMatch(p -> !onGrid(p.supernetAccuracy(), 16)),
        "the last scoring used 64 images, not 16: " + last);

    double[] negLoss = last.stream().mapToDouble(p -> -p.supernetLoss()).toArray();
    double[] truth = last.stream().mapToDouble(PoolScore::groundTruth).toArray();
    Map<String, Object> epoch2 = MetricsLog.read(dir.metricsFile()).get(1);
    assertEquals(SparseKendallTau.of(negLoss, truth),
        ((Number) epoch2.get("skdt")).doubleValue(), 1e-12, "S-KdT is the loss ranking's");
  }

  private static boolean onGrid(double accuracy, int images) {
    double k = accuracy * images;
    return Math.abs(k - Math.rint(k)) < 1e-9;
  }
}
