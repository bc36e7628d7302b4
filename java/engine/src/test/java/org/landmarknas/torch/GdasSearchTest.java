package org.landmarknas.torch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.landmarknas.config.RunConfig;
import org.landmarknas.config.RunConfigLoader;
import org.landmarknas.run.MetricsLog;
import org.landmarknas.run.WallClockFields;
import org.landmarknas.run.RunDirectory;

/**
 * A tiny {@code search.policy: gdas} run with landmarks end to end, and its exact resume from a
 * checkpoint after a GDAS epoch and after the warm-up.
 */
final class GdasSearchTest {
  @TempDir Path tmp;

  @Test
  void gdasRun_reportsTauAndEntropyAndResumesExactly() throws Exception {
    TestData.fashionMnist();
    Path table = TestData.nb201Table();
    RunConfig config = RunConfigLoader.fromDefaults(List.of(
        "name=gdas", "seed=5", "data.train-limit=512", "data.test-limit=64",
        "supernet.channels=4", "train.epochs=3", "train.steps-per-epoch=3",
        "train.batch-size=16", "train.keep-checkpoints=3", "evaluate.archs=2",
        "evaluate.batch-size=64", "search.val-images=32", "search.top-k=5",
        "search.policy=gdas", "search.gdas-warmup=1", "evaluate.pool=" + table,
        "evaluate.pool-size=8", "evaluate.images=64", "landmarks.count=4",
        "landmarks.warmup=1"));
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true,
        StandardCharsets.UTF_8);
    RunDirectory straight = RunDirectory.create(tmp.resolve("straight"));
    SupernetSearch.run(config, straight, quiet);

    List<Map<String, Object>> metrics = MetricsLog.read(straight.metricsFile());
    assertFalse(metrics.get(0).containsKey("tau"), "the warm-up epoch has no tau");
    assertEquals(10.0, ((Number) metrics.get(1).get("tau")).doubleValue());
    assertEquals(0.1, ((Number) metrics.get(2).get("tau")).doubleValue(), 1e-12);
    double entropy = ((Number) metrics.get(2).get("alpha_entropy")).doubleValue();
    assertTrue(entropy > 0 && entropy < Math.log(5), "alpha moved: entropy " + entropy);
    assertTrue(((Number) metrics.get(2).get("lambda")).doubleValue() > 0,
        "the landmark term trains beside GDAS");
    ObjectMapper json = new ObjectMapper();
    Map<?, ?> expected = json.readValue(straight.resultFile().toFile(), Map.class);
    Map<?, ?> search = (Map<?, ?>) expected.get("search");
    assertEquals("gdas", search.get("strategy"), search.toString());

    // Resume after epoch 2 (α and Adam from a GDAS epoch) and after epoch 1 (the warm-up).
    for (String newest : List.of("epoch-0003", "epoch-0002")) {
      RunDirectory resumed = RunDirectory.create(tmp.resolve("resumed-" + newest));
      SupernetSearch.run(config, resumed, quiet);
      Path checkpoints = resumed.path().resolve("checkpoints");
      for (String gone : newest.equals("epoch-0003") ? List.of("epoch-0003")
          : List.of("epoch-0003", "epoch-0002")) {
        try (var files = Files.list(checkpoints.resolve(gone))) {
          for (Path f : files.toList()) {
            Files.delete(f);
          }
        }
        Files.delete(checkpoints.resolve(gone));
      }
      Files.delete(resumed.resultFile());
      SupernetSearch.run(config, resumed, quiet, true);
      assertEquals(WallClockFields.removedFrom(metrics), WallClockFields.removedFrom(MetricsLog.read(resumed.metricsFile())));
      Map<?, ?> got = json.readValue(resumed.resultFile().toFile(), Map.class);
      for (String key : List.of("steps", "final_train_loss", "scored_architectures", "pool",
          "ranking", "search")) {
        assertEquals(expected.get(key), got.get(key), newest + ": " + key);
      }
    }
  }
}
