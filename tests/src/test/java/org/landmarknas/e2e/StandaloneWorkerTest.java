package org.landmarknas.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stand-alone queue from the command line, as the mini-benchmark's generation script uses
 * it: enqueue, a worker that trains every job of its protocol (and only those) with a queue
 * progress line after each, status and export. One-step trainings on 128 images, scored on 500
 * test and 500 validation images: the plumbing, not the accuracy ({@code StandaloneTrainerTest}
 * checks that).
 */
@EnabledIf(value = "org.landmarknas.e2e.TinySearch#dataInstalled",
    disabledReason = TinySearch.NO_DATA)
final class StandaloneWorkerTest {

  @TempDir
  Path work;

  private List<String> args(String sub, String... more) {
    List<String> a = new ArrayList<>(List.of("standalone", sub, "--channels", "4", "--epochs",
        "1", "--train-limit", "128", "--test-limit", "500", "--valid-images", "500",
        "--threads", "1", "--store",
        work.resolve("r.db").toString(), "--data-dir", TinySearch.dataDir().toString()));
    a.addAll(List.of(more));
    return a;
  }

  @Test
  void worker_trainsEveryQueuedJobOfItsProtocol_andReportsQueueProgress() {
    CliProcess.Result enqueued = CliProcess.run(work, args("enqueue", "--random", "2",
        "--seed", "5"));
    assertEquals(0, enqueued.exitCode(), enqueued.describe());
    // A job of another protocol (2 epochs) is left to workers of that protocol.
    List<String> other = args("enqueue", "--random", "1", "--seed", "5");
    other.set(other.indexOf("--epochs") + 1, "2");
    assertEquals(0, CliProcess.run(work, other).exitCode());

    // The tables' scripts train in channels-last order: not part of the protocol, so the jobs
    // enqueued without it are this worker's and status/export below see its results.
    CliProcess.Result worker = CliProcess.run(work, args("worker", "--memory-format",
        "channels-last"));
    assertEquals(0, worker.exitCode(), worker.describe());
    Matcher done = Pattern.compile("job \\d+ done: ").matcher(worker.out());
    int jobs = 0;
    while (done.find()) {
      jobs++;
    }
    assertEquals(2, jobs, worker.describe());
    assertTrue(worker.out().contains("queue: 1 of 2 done, 1 pending"), worker.describe());
    assertTrue(worker.out().contains("queue: 2 of 2 done, 0 pending"), worker.describe());
    assertTrue(worker.out().contains("after 2 jobs"), worker.describe());

    CliProcess.Result status = CliProcess.run(work, args("status"));
    assertTrue(status.out().contains("0 queued, 0 running, 2 done, 0 failed, 0 with an expired"
        + " lease, 2 results"), status.describe());
    CliProcess.Result export = CliProcess.run(work, args("export"));
    assertEquals(3, export.out().strip().split("\\R").length, export.describe());
    List<String> otherStatus = args("status");
    otherStatus.set(otherStatus.indexOf("--epochs") + 1, "2");
    assertTrue(CliProcess.run(work, otherStatus).out().contains("1 queued, 0 running, 0 done"));
  }

  /**
   * SIGTERM to a {@code --workers 2} parent reaches both workers, and each gives its job back to
   * the queue at once instead of holding it for the 10-minute lease; no worker outlives it.
   */
  @Test
  void sigterm_toTheParent_stopsBothWorkers_andTheirJobsAreQueuedAgainAtOnce() throws Exception {
    // a 200-epoch protocol: its trainings are stopped, not finished
    List<String> enqueue = longer(args("enqueue", "--random", "2", "--seed", "6"));
    assertEquals(0, CliProcess.run(work, enqueue).exitCode());
    List<String> worker = longer(args("worker", "--workers", "2"));
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Dorg.bytedeco.javacpp.nopointergc=true", "-cp", CliProcess.classPath(),
        CliProcess.MAIN_CLASS));
    command.addAll(worker);
    Path log = work.resolve("worker.out");
    Process parent = new ProcessBuilder(command).directory(work.toFile())
        .redirectOutput(log.toFile()).redirectErrorStream(true).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (Pattern.compile("job \\d+: ").matcher(Files.readString(log)).results().count() < 2) {
      assertTrue(parent.isAlive(), "the workers ended early: " + Files.readString(log));
      assertTrue(System.nanoTime() < deadline, "two jobs not claimed within 120 s: "
          + Files.readString(log));
      Thread.sleep(50);
    }
    List<ProcessHandle> children = parent.descendants().toList();
    assertEquals(2, children.size(), Files.readString(log));

    parent.destroy(); // SIGTERM
    assertTrue(parent.waitFor(60, TimeUnit.SECONDS), "the parent did not stop");
    for (ProcessHandle child : children) {
      child.onExit().get(30, TimeUnit.SECONDS);
      assertFalse(child.isAlive());
    }
    String out = Files.readString(log);
    assertEquals(2, Pattern.compile("stopped: job \\d+ is back in the queue").matcher(out)
        .results().count(), out);
    // both jobs claimable now, nothing done
    CliProcess.Result after = CliProcess.run(work, longer(args("status")));
    assertTrue(after.out().contains("2 queued, 0 running, 0 done"), after.describe());
  }

  private static List<String> longer(List<String> args) {
    args.set(args.indexOf("--epochs") + 1, "200");
    return args;
  }
}
