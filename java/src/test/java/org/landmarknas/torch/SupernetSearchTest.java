package org.landmarknas.torch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landmarknas.bench.GroundTruth;
import org.landmarknas.config.RunConfig;
import org.landmarknas.config.RunConfigLoader;
import org.landmarknas.data.DataLocation;
import org.landmarknas.landmark.LandmarkSet;
import org.landmarknas.run.MetricsLog;
import org.landmarknas.run.RunDirectory;

/**
 * A tiny but complete run through every stage: pool ranking per epoch, landmarks over two
 * rounds, the final search, and the files a run leaves behind.
 */
final class SupernetSearchTest {
  @TempDir Path tmp;

  @Test
  void run_withPoolLandmarksAndRounds_writesEverything() throws Exception {
    assumeTrue(Files.isDirectory(DataLocation.FASHION_MNIST_DEFAULT_DIR));
    Path table = Path.of(System.getProperty("landmarknas.shared.dir", "/work/shared"),
        "data/nasbench201/cifar10.csv");
    assumeTrue(Files.isRegularFile(table));
    RunConfig config = RunConfigLoader.fromDefaults(List.of(
        "name=tiny", "seed=5", "data.train-limit=1024", "data.test-limit=128",
        "supernet.channels=4", "train.epochs=2", "train.steps-per-epoch=3",
        "train.batch-size=16", "evaluate.archs=2", "evaluate.batch-size=64",
        "evaluate.pool=" + table, "evaluate.pool-size=8", "evaluate.images=64",
        "landmarks.count=4", "landmarks.rounds=2", "landmarks.per-round=2",
        "search.budget=8", "search.population=4", "search.tournament=2",
        "search.val-images=64", "search.top-k=3"));
    RunDirectory dir = RunDirectory.create(tmp.resolve("run"));
    ByteArrayOutputStream progress = new ByteArrayOutputStream();
    SearchOutcome outcome = SupernetSearch.run(config, dir,
        new PrintStream(progress, true, StandardCharsets.UTF_8));

    List<Map<String, Object>> metrics = MetricsLog.read(dir.metricsFile());
    assertEquals(2, metrics.size());
    for (Map<String, Object> m : metrics) {
      assertTrue(m.containsKey("skdt") && m.containsKey("lambda") && m.containsKey("landmarks")
          && m.containsKey("landmark_kdt"),
          m.toString());
    }
    assertEquals(6, ((Number) metrics.get(0).get("landmarks")).intValue(), "4 + 2 after round 1");
    LandmarkSet landmarks = LandmarkSet.fromCsv(dir.path().resolve("landmarks.csv"));
    assertEquals(6, landmarks.size());
    GroundTruth pool = GroundTruth.load(dir.path().resolve("pool.csv"));
    assertEquals(8, pool.size());
    pool.archs().forEach(a -> assertFalse(landmarks.contains(a), "landmark in the pool: " + a));

    @SuppressWarnings("unchecked")
    Map<String, Object> result = new ObjectMapper().readValue(dir.resultFile().toFile(),
        Map.class);
    assertNotNull(result.get("ranking"));
    assertEquals(8, ((List<?>) result.get("pool")).size());
    Map<?, ?> search = (Map<?, ?>) result.get("search");
    assertEquals(3, ((List<?>) search.get("top")).size());
    for (Object o : (List<?>) search.get("top")) {
      Map<?, ?> t = (Map<?, ?>) o;
      assertNotNull(t.get("ground_truth"), "every NB201 arch has a table score");
      assertTrue(((Number) t.get("ground_truth_rank")).intValue() >= 1);
    }
    assertTrue(Files.size(dir.path().resolve(SupernetSearch.WEIGHTS_FILE)) > 1000);
    assertTrue(outcome.ranking().isPresent());
    String log = progress.toString(StandardCharsets.UTF_8);
    assertTrue(log.contains("round after epoch 1") && log.contains("steps/s")
        && log.contains("ETA"), log);
  }

  /** An absurd learning rate makes the loss NaN: the run stops naming epoch and step. */
  @Test
  void run_divergingLoss_stopsNamingEpochAndStep() {
    assumeTrue(Files.isDirectory(DataLocation.FASHION_MNIST_DEFAULT_DIR));
    RunConfig config = RunConfigLoader.fromDefaults(List.of(
        "data.train-limit=512", "data.test-limit=64", "supernet.channels=4", "train.epochs=2",
        "train.steps-per-epoch=20", "train.batch-size=16", "train.lr=1e9", "train.lr-min=1",
        "train.grad-clip=1e12", "evaluate.archs=0", "search.strategy=none"));
    RunDirectory dir = RunDirectory.create(tmp.resolve("nan"));
    IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(
        IllegalStateException.class, () -> SupernetSearch.run(config, dir,
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
    assertTrue(e.getMessage().matches("training diverged: loss (NaN|-?Infinity) at epoch 1 step"
        + " \\d+ .*"), e.getMessage());
  }
}
