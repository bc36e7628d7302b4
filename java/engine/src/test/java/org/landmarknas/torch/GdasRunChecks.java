package org.landmarknas.torch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.landmarknas.config.RunConfig;
import org.landmarknas.run.MetricsLog;
import org.landmarknas.run.RunDirectory;
import org.landmarknas.run.WallClockFields;

/**
 * What every space's tiny GDAS run with landmarks (3 epochs, warm-up 1) must show: τ from the
 * first GDAS epoch on, α moved, the landmark term beside GDAS, GDAS's vote as the search, and an
 * exact resume from a checkpoint after a GDAS epoch and after the warm-up.
 */
final class GdasRunChecks {
  private GdasRunChecks() {}

  /** The metrics of {@code straight}, a finished run whose α rows have {@code ops} entries. */
  static void assertPolicyFigures(RunDirectory straight, int ops) throws IOException {
    List<Map<String, Object>> metrics = MetricsLog.read(straight.metricsFile());
    assertFalse(metrics.get(0).containsKey("tau"), "the warm-up epoch has no tau");
    assertEquals(10.0, ((Number) metrics.get(1).get("tau")).doubleValue());
    assertEquals(0.1, ((Number) metrics.get(2).get("tau")).doubleValue(), 1e-12);
    double entropy = ((Number) metrics.get(2).get("alpha_entropy")).doubleValue();
    assertTrue(entropy > 0 && entropy < Math.log(ops), "alpha moved: entropy " + entropy);
    assertTrue(((Number) metrics.get(2).get("lambda")).doubleValue() > 0,
        "the landmark term trains beside GDAS");
    Map<?, ?> result = new ObjectMapper().readValue(straight.resultFile().toFile(), Map.class);
    assertEquals("gdas", ((Map<?, ?>) result.get("search")).get("strategy"));
  }

  /**
   * Reruns {@code config} in {@code tmp}, deletes its newest checkpoint(s), resumes, and checks
   * that the metrics and results equal those of {@code straight}.
   */
  static void assertResumesExactly(RunConfig config, RunDirectory straight, Path tmp,
      PrintStream out) throws IOException {
    List<Map<String, Object>> metrics = MetricsLog.read(straight.metricsFile());
    ObjectMapper json = new ObjectMapper();
    Map<?, ?> expected = json.readValue(straight.resultFile().toFile(), Map.class);
    // after epoch 2 (α and Adam from a GDAS epoch) and after epoch 1 (the warm-up)
    for (String newest : List.of("epoch-0003", "epoch-0002")) {
      RunDirectory resumed = RunDirectory.create(tmp.resolve("resumed-" + newest));
      SupernetSearch.run(config, resumed, out);
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
      SupernetSearch.run(config, resumed, out, true);
      assertEquals(WallClockFields.removedFrom(metrics),
          WallClockFields.removedFrom(MetricsLog.read(resumed.metricsFile())), newest);
      Map<?, ?> got = json.readValue(resumed.resultFile().toFile(), Map.class);
      for (String key : List.of("steps", "final_train_loss", "scored_architectures", "pool",
          "ranking", "search")) {
        assertEquals(expected.get(key), got.get(key), newest + ": " + key);
      }
    }
  }
}
