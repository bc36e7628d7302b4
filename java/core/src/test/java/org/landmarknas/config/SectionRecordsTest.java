package org.landmarknas.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class SectionRecordsTest {

  @Test
  void records_rejectOutOfRangeValuesNamingTheDottedKey() {
    assertKey("data.train-limit", () -> new DataConfig("cifar10", null, -1, 0, 0.5, 2, true));
    assertKey("data.split-fraction", () -> new DataConfig("cifar10", null, 0, 0, 0.0, 2, true));
    assertKey("data.crop-padding", () -> new DataConfig("cifar10", null, 0, 0, 0.5, -1, true));
    assertKey("data.crop-padding", () -> new DataConfig("cifar10", null, 0, 0, 0.5, 33, true));
    assertKey("data.dir", () -> new DataConfig("cifar10", " ", 0, 0, 0.5, 2, true));
    assertKey("supernet.channels", () -> new SupernetConfig(0, 1, "batch"));
    assertKey("supernet.cells", () -> new SupernetConfig(16, 0, "batch"));
    assertKey("train.momentum", () -> new TrainConfig(1, 1, 0, 0.1, 0.0, 1.0, 0, 5, 1));
    assertKey("train.lr", () -> new TrainConfig(1, 1, 0, 0.0, 0.0, 0.9, 0, 5, 1));
    assertKey("train.lr", () -> new TrainConfig(1, 1, 0, Double.NaN, 0.0, 0.9, 0, 5, 1));
    assertKey("train.lr-min", () -> new TrainConfig(1, 1, 0, 0.1, 0.2, 0.9, 0, 5, 1));
    assertKey("train.weight-decay", () -> new TrainConfig(1, 1, 0, 0.1, 0.0, 0.9, -1, 5, 1));
    assertKey("train.grad-clip", () -> new TrainConfig(1, 1, 0, 0.1, 0.0, 0.9, 0, 0, 1));
    assertKey("train.threads", () -> new TrainConfig(1, 1, 0, 0.1, 0.0, 0.9, 0, 5, 0));
    assertKey("evaluate.archs", () -> new EvaluateConfig(-1, 1, null, 0, 1, 0, "batch", 1, 1));
    assertKey("evaluate.batch-size",
        () -> new EvaluateConfig(0, 0, null, 0, 1, 0, "batch", 1, 1));
    assertKey("evaluate.pool", () -> new EvaluateConfig(0, 1, " ", 0, 1, 0, "batch", 1, 1));
    assertKey("evaluate.pool-size",
        () -> new EvaluateConfig(0, 1, null, -1, 1, 0, "batch", 1, 1));
    assertKey("evaluate.every", () -> new EvaluateConfig(0, 1, null, 0, -1, 0, "batch", 1, 1));
    assertKey("evaluate.images", () -> new EvaluateConfig(0, 1, null, 0, 1, -1, "batch", 1, 1));
    assertKey("evaluate.bn", () -> new EvaluateConfig(0, 1, null, 0, 1, 0, "running", 1, 1));
    assertKey("evaluate.recalibrate-batches",
        () -> new EvaluateConfig(0, 1, null, 0, 1, 0, "batch", 0, 1));
    assertKey("evaluate.top-k", () -> new EvaluateConfig(0, 1, null, 0, 1, 0, "batch", 1, 0));
    assertKey("search.strategy", () -> new SearchConfig("darts", 1, 2, 1, 1, 1));
    assertKey("search.budget", () -> new SearchConfig("aging", 0, 2, 1, 1, 1));
    assertKey("search.budget", () -> new SearchConfig("aging", 5, 50, 10, 1, 1));
    assertKey("search.budget", () -> new SearchConfig("spos", 49, 50, 10, 1, 1));
    assertKey("search.tournament", () -> new SearchConfig("aging", 5, 5, 6, 1, 1));
    assertKey("search.val-images", () -> new SearchConfig("aging", 5, 5, 2, 0, 1));
    assertKey("name", () -> new RunConfig("", 0, "nb201", DataConfig.defaults(),
        SupernetConfig.defaults(), TrainConfig.defaults(), LandmarksConfig.defaults(), EvaluateConfig.defaults(),
        SearchConfig.defaults()));
    assertKey("space", () -> new RunConfig("n", 0, "nb301", DataConfig.defaults(),
        SupernetConfig.defaults(), TrainConfig.defaults(), LandmarksConfig.defaults(),
        EvaluateConfig.defaults(), SearchConfig.defaults()));
    assertKey("evaluate.bn", () -> new RunConfig("n", 0, "nb201", DataConfig.defaults(),
        SupernetConfig.defaults(), TrainConfig.defaults(), LandmarksConfig.defaults(),
        new EvaluateConfig(0, 1, null, 0, 1, 0, "recalibrate", 1, 1), SearchConfig.defaults()));
  }

  @Test
  void records_acceptBoundaryValues() {
    new TrainConfig(1, 1, 0, 0.1, 0.1, 0.0, 0.0, 1e-9, 1);
    new TrainConfig(1, 1, 0, 0.1, 0.0, 0.999, 0.0, 1, 1);
    new EvaluateConfig(0, 1, null, 0, 0, 0, "batch", 1, 1);
    new SearchConfig("none", 1, 2, 2, 1, 1);
    new DataConfig("fashion-mnist", null, 0, 0, 1e-9, 0, false);
  }

  @Test
  void dirPath_isEmptyOnlyWhenDirIsNull() {
    assertEquals(Optional.empty(), DataConfig.defaults().dirPath());
    assertEquals(Optional.of(Path.of("/x")),
        new DataConfig("cifar10", "/x", 0, 0, 0.5, 2, true).dirPath());
  }

  @Test
  void batchStatistics_followsTheBatchnormName() {
    assertTrue(SupernetConfig.defaults().batchStatistics());
    assertEquals(false, new SupernetConfig(16, 1, "running").batchStatistics());
  }

  private static void assertKey(String key, Runnable construct) {
    ConfigException e = assertThrows(ConfigException.class, construct::run);
    assertEquals(key, e.key().orElseThrow(), e.getMessage());
    assertTrue(e.getMessage().startsWith(key + ": "), e.getMessage());
  }
}
