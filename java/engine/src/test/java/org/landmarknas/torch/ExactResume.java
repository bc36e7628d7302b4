package org.landmarknas.torch;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
 * The exact-resume check of the tiny 3-epoch policy runs (GDAS, NAO): resumed from the
 * checkpoint after epoch 2 and after epoch 1, a run ends with the metrics (wall-clock fields
 * aside) and results of the run that was never interrupted.
 */
final class ExactResume {
  private ExactResume() {}

  /**
   * Reruns {@code config} in {@code tmp}, deletes its newest checkpoint(s), resumes, and checks
   * that the metrics and results equal those of {@code straight}.
   */
  static void assertAfterEpochs2And1(RunConfig config, RunDirectory straight, Path tmp,
      PrintStream out) throws IOException {
    List<Map<String, Object>> metrics = MetricsLog.read(straight.metricsFile());
    ObjectMapper json = new ObjectMapper();
    Map<?, ?> expected = json.readValue(straight.resultFile().toFile(), Map.class);
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
