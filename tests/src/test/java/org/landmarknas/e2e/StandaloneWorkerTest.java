package org.landmarknas.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stand-alone queue from the command line, as the mini-benchmark's generation script uses
 * it: enqueue, a worker that trains every job of its protocol (and only those) with a queue
 * progress line after each, status and export. One-step trainings on 128 images: the plumbing,
 * not the accuracy ({@code StandaloneTrainerTest} checks that).
 */
@EnabledIf(value = "org.landmarknas.e2e.TinySearch#dataInstalled",
    disabledReason = TinySearch.NO_DATA)
final class StandaloneWorkerTest {

  @TempDir
  Path work;

  private List<String> args(String sub, String... more) {
    List<String> a = new ArrayList<>(List.of("standalone", sub, "--channels", "4", "--epochs",
        "1", "--train-limit", "128", "--threads", "1", "--store",
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

    CliProcess.Result worker = CliProcess.run(work, args("worker"));
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
    assertTrue(status.out().contains("0 queued, 0 running, 2 done, 0 with an expired lease,"
        + " 2 results"), status.describe());
    CliProcess.Result export = CliProcess.run(work, args("export"));
    assertEquals(3, export.out().strip().split("\\R").length, export.describe());
    List<String> otherStatus = args("status");
    otherStatus.set(otherStatus.indexOf("--epochs") + 1, "2");
    assertTrue(CliProcess.run(work, otherStatus).out().contains("1 queued, 0 running, 0 done"));
  }
}
