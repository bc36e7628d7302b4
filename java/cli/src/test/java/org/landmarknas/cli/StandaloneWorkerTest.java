package org.landmarknas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landmarknas.space.Nb201Arch;
import org.landmarknas.space.Nb201Space;
import org.landmarknas.standalone.StandaloneProtocol;
import org.landmarknas.store.QueueStatus;
import org.landmarknas.store.ResultsStore;
import org.landmarknas.torch.StandaloneTrainer;
import org.landmarknas.torch.SupernetSpace;

/** The worker's handling of a job whose training throws; real training is in the e2e tests. */
final class StandaloneWorkerTest {
  @TempDir Path dir;

  @Test
  void run_trainingThrows_jobMarkedFailedWithTheError_workerEndsNormally() {
    // No path from input to output: the trainer refuses it before touching any data.
    Nb201Arch constant = Nb201Arch.parse(
        "|nor_conv_3x3~0|+|none~0|none~1|+|none~0|none~1|none~2|");
    StandaloneProtocol protocol = StandaloneProtocol.fashionMnist(8, 1);
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    try (var store = ResultsStore.open(dir.resolve("w.db"), Nb201Space.INSTANCE)) {
      store.enqueue(List.of(constant), protocol.name(), 0);
      new StandaloneWorker<>(store, new StandaloneTrainer<>(SupernetSpace.NB201, null), protocol,
          Duration.ofMinutes(1),
          new PrintStream(log, true, StandardCharsets.UTF_8)).run();

      assertEquals(new QueueStatus(0, 0, 0, 0, 1), store.status(protocol.name()));
      assertTrue(store.failures(protocol.name()).get(0).error().contains(
          "has no path from input to output"), store.failures(protocol.name()).toString());
    }
    String out = log.toString(StandardCharsets.UTF_8);
    assertTrue(out.contains("job 1 failed, kept as failed"), out);
    assertTrue(out.contains("after 0 jobs done and 1 failed"), out);
  }
}
