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

/**
 * The worker's handling of a job whose training throws and of jobs held by others; real
 * training is in the e2e tests.
 */
final class StandaloneWorkerTest {
  // No path from input to output: the trainer refuses it before touching any data.
  private static final Nb201Arch CONSTANT = Nb201Arch.parse(
      "|nor_conv_3x3~0|+|none~0|none~1|+|none~0|none~1|none~2|");

  @TempDir Path dir;

  @Test
  void run_trainingThrows_jobMarkedFailedWithTheError_workerEndsNormally() throws Exception {
    StandaloneProtocol protocol = StandaloneProtocol.fashionMnist(8, 1);
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    try (var store = ResultsStore.open(dir.resolve("w.db"), Nb201Space.INSTANCE)) {
      store.enqueue(List.of(CONSTANT), protocol.name(), 0);
      new StandaloneWorker<>(store, new StandaloneTrainer<>(SupernetSpace.NB201, null), protocol,
          Duration.ofMinutes(1), false,
          new PrintStream(log, true, StandardCharsets.UTF_8)).run();

      assertEquals(new QueueStatus(0, 0, 0, 0, 1), store.status(protocol.name()));
      assertTrue(store.failures(protocol.name()).get(0).error().contains(
          "has no path from input to output"), store.failures(protocol.name()).toString());
    }
    String out = log.toString(StandardCharsets.UTF_8);
    assertTrue(out.contains("job 1 failed, kept as failed"), out);
    assertTrue(out.contains("after 0 jobs done and 1 failed"), out);
  }

  @Test
  void run_draining_waitsForAJobHeldByAnother_takesItOverWhenItsLeaseRunsOut() throws Exception {
    StandaloneProtocol protocol = StandaloneProtocol.fashionMnist(8, 1);
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(log, true, StandardCharsets.UTF_8);
    try (var store = ResultsStore.open(dir.resolve("d.db"), Nb201Space.INSTANCE)) {
      store.enqueue(List.of(CONSTANT), protocol.name(), 0);
      assertTrue(store.claim("other", protocol.name(), Duration.ofSeconds(1)).isPresent());

      // Without --drain: nothing to claim, so it ends and leaves the job to its holder.
      new StandaloneWorker<>(store, new StandaloneTrainer<>(SupernetSpace.NB201, null), protocol,
          Duration.ofMillis(300), false, out).run();
      assertEquals(new QueueStatus(0, 1, 0, 0, 0), store.status(protocol.name()));

      // Draining: it waits until the holder's lease runs out, then takes the job (which fails
      // here), and ends only when nothing is pending.
      new StandaloneWorker<>(store, new StandaloneTrainer<>(SupernetSpace.NB201, null), protocol,
          Duration.ofMillis(300), true, out).run();
      assertEquals(new QueueStatus(0, 0, 0, 0, 1), store.status(protocol.name()));
    }
    String text = log.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains("draining: waiting for 1 job(s) held by other workers"), text);
    assertTrue(text.contains("(attempt 2)"), text);
  }
}
