package org.landmarknas.torch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.landmarknas.TestData;
import org.landmarknas.bench.GroundTruth;
import org.landmarknas.config.RunConfig;
import org.landmarknas.config.RunConfigLoader;
import org.landmarknas.landmark.LandmarkSet;
import org.landmarknas.run.MetricsLog;
import org.landmarknas.run.WallClockFields;
import org.landmarknas.run.RunDirectory;

/**
 * A tiny but complete run through every stage: pool ranking per epoch, landmarks over two
 * rounds, the final search, and the files a run leaves behind.
 */
final class SupernetSearchTest {
  @TempDir Path tmp;

  @Test
  void run_withPoolLandmarksAndRounds_writesEverything() throws Exception {
    TestData.fashionMnist();
    Path table = TestData.nb201Table();
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
    SearchOutcome<?> outcome = SupernetSearch.run(config, dir,
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
    // This run's own CPU time, not the JVM's since start-up (libtorch loading, earlier tests).
    Map<?, ?> cost = (Map<?, ?>) result.get("cost");
    double cpu = ((Number) cost.get("cpu_seconds")).doubleValue();
    double wall = ((Number) cost.get("wall_seconds")).doubleValue();
    assertTrue(cpu > 0 && cpu <= wall * Runtime.getRuntime().availableProcessors() + 0.5,
        "cpu " + cpu + " s over a wall time of " + wall + " s");
    assertEquals(8, ((List<?>) result.get("pool")).size());
    for (int epoch = 1; epoch <= 2; epoch++) {
      Map<?, ?> scored = new ObjectMapper().readValue(dir.path().resolve(String.format(
          java.util.Locale.ROOT, RunDirectory.POOL_SCORES_FILE, epoch)).toFile(), Map.class);
      assertEquals(epoch, ((Number) scored.get("epoch")).intValue());
      assertEquals(8, ((List<?>) scored.get("pool")).size(), "every scoring kept: " + epoch);
    }
    assertEquals(result.get("pool"), new ObjectMapper().readValue(dir.path().resolve(
        String.format(java.util.Locale.ROOT, RunDirectory.POOL_SCORES_FILE, 2)).toFile(),
        Map.class).get("pool"), "the last scoring is the result's");
    Map<?, ?> search = (Map<?, ?>) result.get("search");
    assertEquals(3, ((List<?>) search.get("top")).size());
    for (Object o : (List<?>) search.get("top")) {
      Map<?, ?> t = (Map<?, ?>) o;
      assertNotNull(t.get("ground_truth"), "every NB201 arch has a table score");
      assertTrue(((Number) t.get("ground_truth_rank")).intValue() >= 1);
    }
    assertTrue(Files.size(dir.weightsFile()) > 1000);
    assertTrue(outcome.ranking().isPresent());
    String log = progress.toString(StandardCharsets.UTF_8);
    assertTrue(log.contains("round after epoch 1") && log.contains("steps/s")
        && log.contains("ETA"), log);
  }

  /**
   * Resume is exact: a run rolled back to an earlier checkpoint (the newest one damaged, or gone)
   * and resumed ends with the same metrics, pool ranking, landmarks and search result as the run
   * that was never interrupted, across a landmark round (the grown set comes from the
   * checkpoint).
   */
  @Test
  void landmarks_beforeTheirWarmupEnds_leaveThePoolScoresAsWithout() throws Exception {
    // With BN recalibration the pool scoring draws batches from its stream; the landmarks' own
    // tau must not draw from it too, or the two arms of an experiment would be scored on
    // different batches. Epoch 1 is within the warm-up, so both super-nets are equal there.
    TestData.fashionMnist();
    Path table = TestData.nb201Table();
    List<String> common = List.of("name=tiny", "seed=5", "data.train-limit=1024",
        "data.test-limit=128", "supernet.channels=4", "supernet.batchnorm=running",
        "train.epochs=2", "train.steps-per-epoch=2", "train.batch-size=16",
        "evaluate.batch-size=64", "evaluate.pool=" + table, "evaluate.pool-size=8",
        "evaluate.images=64", "evaluate.bn=recalibrate", "evaluate.recalibrate-batches=2",
        "search.strategy=none");
    List<String> marks = new java.util.ArrayList<>(common);
    marks.addAll(List.of("landmarks.count=4", "landmarks.warmup=1"));
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true,
        StandardCharsets.UTF_8);
    RunDirectory plain = RunDirectory.create(tmp.resolve("plain"));
    SupernetSearch.run(RunConfigLoader.fromDefaults(common), plain, quiet);
    RunDirectory withMarks = RunDirectory.create(tmp.resolve("marks"));
    SupernetSearch.run(RunConfigLoader.fromDefaults(marks), withMarks, quiet);

    String scores = String.format(java.util.Locale.ROOT, RunDirectory.POOL_SCORES_FILE, 1);
    Map<?, ?> a = new ObjectMapper().readValue(plain.path().resolve(scores).toFile(), Map.class);
    Map<?, ?> b = new ObjectMapper().readValue(withMarks.path().resolve(scores).toFile(),
        Map.class);
    assertEquals(a.get("pool"), b.get("pool"));
  }

  @Test
  void resume_fromEarlierCheckpoints_endsExactlyAsTheUninterruptedRun() throws Exception {
    TestData.fashionMnist();
    Path table = TestData.nb201Table();
    RunConfig config = RunConfigLoader.fromDefaults(List.of(
        "name=resume", "seed=11", "data.train-limit=1024", "data.test-limit=128",
        "supernet.channels=4", "train.epochs=3", "train.steps-per-epoch=3",
        "train.batch-size=16", "train.keep-checkpoints=3", "evaluate.archs=2",
        "evaluate.batch-size=64", "evaluate.pool=" + table, "evaluate.pool-size=8",
        "evaluate.images=64", "landmarks.count=4", "landmarks.rounds=2",
        "landmarks.per-round=2", "landmarks.warmup=1", "search.budget=8",
        "search.population=4", "search.tournament=2", "search.val-images=64",
        "search.top-k=3"));
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true,
        StandardCharsets.UTF_8);
    RunDirectory straight = RunDirectory.create(tmp.resolve("straight"));
    SupernetSearch.run(config, straight, quiet);
    RunDirectory resumed = RunDirectory.create(tmp.resolve("resumed"));
    SupernetSearch.run(config, resumed, quiet);
    ObjectMapper json = new ObjectMapper();
    Map<?, ?> expected = json.readValue(straight.resultFile().toFile(), Map.class);
    Path checkpoints = resumed.path().resolve("checkpoints");

    // 1: the newest checkpoint is truncated on disk -> the one after epoch 2 is used
    Files.delete(resumed.resultFile());
    Path weights3 = checkpoints.resolve("epoch-0003").resolve(SearchCheckpoint.WEIGHTS);
    Files.write(weights3, java.util.Arrays.copyOf(Files.readAllBytes(weights3), 100));
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    SupernetSearch.run(config, resumed, new PrintStream(log, true, StandardCharsets.UTF_8), true);
    String text = log.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains("epoch-0003 is damaged") && text.contains("resuming after epoch 2"),
        text);
    assertSameRun(straight, resumed, expected, json);

    // 2: only the checkpoint after epoch 1 is left -> the landmark round is redone
    Files.delete(resumed.resultFile());
    for (String gone : List.of("epoch-0003", "epoch-0002")) {
      try (var files = Files.list(checkpoints.resolve(gone))) {
        for (Path f : files.toList()) {
          Files.delete(f);
        }
      }
      Files.delete(checkpoints.resolve(gone));
    }
    log.reset();
    SupernetSearch.run(config, resumed, new PrintStream(log, true, StandardCharsets.UTF_8), true);
    assertTrue(log.toString(StandardCharsets.UTF_8).contains("resuming after epoch 1"),
        log.toString(StandardCharsets.UTF_8));
    assertSameRun(straight, resumed, expected, json);
  }

  private static void assertSameRun(RunDirectory straight, RunDirectory resumed,
      Map<?, ?> expected, ObjectMapper json) throws Exception {
    assertEquals(WallClockFields.removedFrom(MetricsLog.read(straight.metricsFile())),
        WallClockFields.removedFrom(MetricsLog.read(resumed.metricsFile())));
    Map<?, ?> got = json.readValue(resumed.resultFile().toFile(), Map.class);
    for (String key : List.of("steps", "final_train_loss", "scored_architectures", "pool",
        "ranking", "search")) {
      assertEquals(expected.get(key), got.get(key), key);
    }
    assertEquals(Files.readString(straight.path().resolve("landmarks.csv")),
        Files.readString(resumed.path().resolve("landmarks.csv")));
    assertEquals(true, ((Map<?, ?>) got.get("provenance")).get("resumed"));
  }

  /**
   * A run that diverges after its first checkpoint (an absurd λ once the warm-up ends) stops
   * naming epoch, step and the checkpoint, and that checkpoint stays intact and resumable.
   */
  @Test
  void run_divergingAfterACheckpoint_keepsTheLastGoodOne() throws Exception {
    TestData.fashionMnist();
    Path table = TestData.nb201Table();
    RunConfig config = RunConfigLoader.fromDefaults(List.of(
        "data.train-limit=512", "data.test-limit=64", "supernet.channels=4", "train.epochs=3",
        "train.steps-per-epoch=20", "train.batch-size=16", "train.grad-clip=1e30",
        "landmarks.count=4", "landmarks.ground-truth=" + table, "landmarks.lambda-max=1e12",
        "landmarks.schedule=constant", "landmarks.warmup=1", "landmarks.pair-sampler=all",
        "evaluate.archs=0", "search.strategy=none"));
    RunDirectory dir = RunDirectory.create(tmp.resolve("nan-later"));
    IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(
        IllegalStateException.class, () -> SupernetSearch.run(config, dir,
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
    // λ = 1e12 blows up the landmark losses first; the step stops before their backward.
    assertTrue(e.getMessage().matches("training diverged: (landmark ranking )?loss"
        + " (NaN|-?Infinity) at epoch 2 step \\d+ .*the last good checkpoint \\(after epoch 1\\)"
        + " is kept in .*"), e.getMessage());
    var intact = new org.landmarknas.run.Checkpoints(dir.path(), 2).latestValid(w -> {
      throw new AssertionError(w);
    });
    assertEquals(1, intact.get().epoch());
    assertEquals(1, MetricsLog.read(dir.metricsFile()).size());
  }

  /** An absurd learning rate makes the loss NaN: the run stops naming epoch and step. */
  @Test
  void run_divergingLoss_stopsNamingEpochAndStep() {
    TestData.fashionMnist();
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
