package org.landmarknas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landmarknas.TestData;
import org.landmarknas.space.DartsSpace;
import org.landmarknas.store.QueueStatus;
import org.landmarknas.store.ResultsStore;

/**
 * SIGTERM to a real {@code lmnas standalone worker} JVM in the middle of a training: the job goes
 * back to the queue, and the JVM exits without crashing. Before {@code NativeExitGate}, the JVM
 * could exit while the worker thread was inside a oneDNN convolution and die there with SIGSEGV
 * (an {@code hs_err_pid*.log} in its working directory): a DARTS network (its depthwise
 * convolutions) did so within four stops here, NB201's did not.
 */
final class StandaloneWorkerStopTest {
  private static final int STOPS = 4;

  @TempDir Path work;

  @Test
  void sigtermWhileTraining_jobBackInTheQueue_noCrash() throws Exception {
    Path store = work.resolve("stop.db");
    List<String> options = List.of("--space", "darts", "--channels", "8", "--epochs", "1",
        "--train-limit", "15000", "--memory-format", "channels-last",
        "--threads", "1", "--store", store.toString(), "--data-dir",
        TestData.fashionMnist().toString());
    CliRun enqueued = CliRun.standard(WorkerJvm.standalone("enqueue", options, "--random", "1",
        "--seed", "3"));
    assertEquals(0, enqueued.exitCode(), enqueued.err());
    Matcher name = Pattern.compile("for protocol (\\S+), seed").matcher(enqueued.out());
    assertTrue(name.find(), enqueued.out());

    // A few stops at different moments of the training, each by a fresh worker on the same job.
    for (int i = 0; i < STOPS; i++) {
      Path log = work.resolve("worker-" + i + ".log");
      Process worker = WorkerJvm.start(work, log, WorkerJvm.standalone("worker", options));
      awaitText(log, "(attempt " + (i + 1) + ")", worker);
      Thread.sleep(1_500 + 700L * i); // inside the training: steps are native code
      worker.destroy(); // SIGTERM
      assertTrue(worker.waitFor(60, TimeUnit.SECONDS), "the worker did not exit after SIGTERM");
      String text = Files.readString(log);
      assertEquals(143, worker.exitValue(), "exit status of a JVM ended by SIGTERM: " + text);
      assertTrue(text.contains("stopped: job 1 is back in the queue"), text);
      try (Stream<Path> files = Files.list(work)) {
        List<Path> crashes = files.filter(f -> f.getFileName().toString().startsWith("hs_err"))
            .toList();
        assertTrue(crashes.isEmpty(), "the JVM crashed while exiting: " + crashes + "\n" + text);
      }
    }
    try (var s = ResultsStore.open(store, DartsSpace.INSTANCE)) {
      assertEquals(new QueueStatus(1, 0, 0, 0, 0), s.status(name.group(1)),
          "queued again, nothing done or failed");
    }
  }

  private static void awaitText(Path log, String text, Process worker) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (!(Files.exists(log) && Files.readString(log).contains(text))) {
      assertTrue(worker.isAlive(), "the worker ended early: " + Files.readString(log));
      assertTrue(System.nanoTime() < deadline, "no '" + text + "' in 120 s");
      Thread.sleep(100);
    }
  }
}
