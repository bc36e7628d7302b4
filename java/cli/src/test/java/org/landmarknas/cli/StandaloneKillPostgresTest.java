package org.landmarknas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landmarknas.TestData;
import org.landmarknas.space.Nb201Arch;
import org.landmarknas.space.Nb201Space;
import org.landmarknas.standalone.StandaloneResult;
import org.landmarknas.store.PostgresServer;
import org.landmarknas.store.QueueStatus;
import org.landmarknas.store.ResultsStore;
import org.landmarknas.store.StoreLocation;

/**
 * Kill-safety on PostgreSQL with real workers: {@code lmnas standalone worker} JVMs share one
 * store, are SIGKILLed at random moments and replaced, and the queue still ends with every job
 * done, every result stored once, and no job trained twice to completion without a reason (its
 * lease ran out while its first worker still lived, which that worker logs). Tiny trainings
 * (C=4, one epoch of 128 images). {@code -Dlmnas.kill.jobs}, {@code -Dlmnas.kill.kills} and
 * {@code -Dlmnas.kill.seed} make the longer run recorded in {@code java/README.md}.
 */
final class StandaloneKillPostgresTest {
  private static final int JOBS = Integer.getInteger("lmnas.kill.jobs", 10);
  private static final int KILLS = Integer.getInteger("lmnas.kill.kills", 4);
  private static final long SEED = Long.getLong("lmnas.kill.seed", 1);
  private static final int WORKERS = 3;
  private static final Pattern PROTOCOL = Pattern.compile("for protocol (\\S+), seed");
  private static final Pattern CLAIM = Pattern.compile("job (\\d+): \\S+ \\(attempt \\d+\\)");
  private static final Pattern DONE = Pattern.compile("job (\\d+) done: ");
  private static final Pattern LOST = Pattern.compile("job (\\d+): lease lost");

  @TempDir
  Path work;

  /** One worker JVM and the file its output goes to (a file: nobody must drain a pipe). */
  private record Worker(Process process, Path log) {
    String text() {
      try {
        return Files.readString(log);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** The job this worker claimed last and did not finish, if any. */
    Optional<Long> heldJob() {
      List<Long> claimed = ids(CLAIM, text());
      if (claimed.isEmpty()) {
        return Optional.empty();
      }
      long last = claimed.get(claimed.size() - 1);
      return ids(DONE, text()).contains(last) ? Optional.empty() : Optional.of(last);
    }
  }

  private final List<Worker> started = new ArrayList<>();

  @Test
  void workersKilledAtRandom_everyJobDoneOnce_nothingLost() throws Exception {
    Path data = TestData.fashionMnist();
    String url = PostgresServer.shared().newStoreUrl();
    List<String> options = List.of("--channels", "4", "--epochs", "1", "--train-limit", "128",
        "--test-limit", "500", "--valid-images", "500", "--threads", "1", "--store", url,
        "--data-dir", data.toString());
    CliRun enqueued = CliRun.standard(WorkerJvm.standalone("enqueue", options, "--random",
        String.valueOf(JOBS), "--seed", "7"));
    assertEquals(0, enqueued.exitCode(), enqueued.err());
    Matcher name = PROTOCOL.matcher(enqueued.out());
    assertTrue(name.find(), enqueued.out());
    String protocol = name.group(1);

    long start = System.nanoTime();
    SplittableRandom random = new SplittableRandom(SEED);
    List<Worker> live = new ArrayList<>();
    Map<Long, Integer> killedHolding = new HashMap<>();
    int kills = 0;
    try (ResultsStore<Nb201Arch> store = ResultsStore.open(StoreLocation.parse(url),
        Nb201Space.INSTANCE)) {
      while (store.status(protocol).pending() > 0) {
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(240),
            "the queue did not drain in 240 s: " + store.status(protocol));
        live.removeIf(w -> !w.process().isAlive());
        // Killed workers are replaced; after the kills one suffices for the expiring leases.
        while (live.size() < (kills < KILLS ? WORKERS : 1)) {
          live.add(startWorker(options));
        }
        Thread.sleep(200 + random.nextInt(1_300));
        // A worker in the middle of a job, at a random moment of it: that kill loses work. Not
        // a job killed MAX_CLAIMS - 1 times already: the queue would rightly give it up as one
        // that kills its workers.
        List<Worker> training = live.stream().filter(w -> w.heldJob().filter(id ->
            killedHolding.getOrDefault(id, 0) < ResultsStore.MAX_CLAIMS - 1).isPresent())
            .toList();
        if (kills < KILLS && !training.isEmpty()) {
          Worker victim = training.get(random.nextInt(training.size()));
          live.remove(victim);
          victim.process().destroyForcibly(); // SIGKILL
          victim.process().waitFor();
          kills++;
          victim.heldJob().ifPresent(id -> killedHolding.merge(id, 1, Integer::sum));
        }
      }
      for (Worker w : live) {
        assertTrue(w.process().waitFor(60, TimeUnit.SECONDS), "a worker outlived the queue");
      }
      assertEquals(KILLS, kills, "every kill landed before the queue drained");
      check(store, protocol, kills, killedHolding, (System.nanoTime() - start) / 1e9);
    } finally {
      live.forEach(w -> w.process().destroyForcibly());
    }
  }

  private void check(ResultsStore<Nb201Arch> store, String protocol, int kills,
      Map<Long, Integer> killedHolding, double seconds) {
    QueueStatus status = store.status(protocol);
    assertEquals(new QueueStatus(0, 0, JOBS, 0, 0), status,
        () -> "every job done, none failed: " + store.failures(protocol));
    List<StandaloneResult<Nb201Arch>> results = store.all(protocol);
    assertEquals(JOBS, results.size(), "one result per job: none lost, none twice");
    assertEquals(JOBS, results.stream().map(StandaloneResult::arch).distinct().count());

    String all = started.stream().map(Worker::text).collect(Collectors.joining("\n"));
    Map<Long, Integer> completions = new HashMap<>();
    ids(DONE, all).forEach(id -> completions.merge(id, 1, Integer::sum));
    Set<Long> leaseLost = new HashSet<>(ids(LOST, all));
    assertEquals(JOBS, completions.size(), "every job trained to completion: " + completions);
    int twice = 0;
    for (Map.Entry<Long, Integer> e : completions.entrySet()) {
      if (e.getValue() > 1) {
        twice++;
        assertTrue(leaseLost.contains(e.getKey()), "job " + e.getKey() + " trained to completion "
            + e.getValue() + " times, but no worker lost its lease");
      }
    }
    long claims = ids(CLAIM, all).size();
    System.out.printf(Locale.ROOT, "kill-safety on PostgreSQL: %d jobs, %d workers started, %d"
            + " SIGKILLs (%d while training a job), %d claims, %d results, %d jobs trained twice"
            + " to completion (%d leases lost), %.1f s%n", JOBS, started.size(), kills,
        killedHolding.values().stream().mapToInt(Integer::intValue).sum(), claims,
        results.size(), twice, leaseLost.size(), seconds);
  }

  private Worker startWorker(List<String> options) throws IOException {
    Path log = work.resolve("worker-" + started.size() + ".log");
    // a short lease, so a killed worker's job is claimable again within seconds
    Worker w = new Worker(WorkerJvm.start(work, log,
        WorkerJvm.standalone("worker", options, "--lease-seconds", "3")), log);
    started.add(w);
    return w;
  }

  private static List<Long> ids(Pattern p, String text) {
    List<Long> out = new ArrayList<>();
    Matcher m = p.matcher(text);
    while (m.find()) {
      out.add(Long.parseLong(m.group(1)));
    }
    return out;
  }
}
