package org.landmarknas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landmarknas.TestData;
import org.landmarknas.config.RunConfig;
import org.landmarknas.config.RunConfigLoader;
import org.landmarknas.data.DataLocation;
import org.landmarknas.data.ImageDataset;
import org.landmarknas.landmark.Landmark;
import org.landmarknas.landmark.LandmarkSet;
import org.landmarknas.space.Nb201Arch;
import org.landmarknas.space.Nb201Space;
import org.landmarknas.standalone.StandaloneProtocol;
import org.landmarknas.store.QueueStatus;
import org.landmarknas.store.ResultsStore;
import org.landmarknas.store.StoreLocation;
import org.landmarknas.torch.SearchCancelledException;
import org.landmarknas.torch.SearchRun;
import org.landmarknas.torch.StandaloneTrainer;
import org.landmarknas.torch.SupernetSpace;

/**
 * The multi-round pipeline through the results store on real Fashion-MNIST: a two-round search
 * with {@code landmarks.queue: wait} enqueues its new landmarks, a worker loop (the one {@code
 * lmnas standalone worker} runs) trains them under a tiny protocol, and the run finishes with
 * their stored scores in its grown set. A run cancelled while it waits resumes and waits for the
 * same jobs.
 */
final class LandmarkQueueEndToEndTest {
  /** C=4, one epoch on 256 images, scored on 128: seconds per training. */
  private static final StandaloneProtocol PROTOCOL = StandaloneProtocol.fashionMnist(4, 1)
      .withTrainLimit(256).withTestLimit(128).withValidImages(64).withThreads(1);

  @TempDir Path tmp;

  private List<String> settings(Path landmarks) {
    return List.of("name=queued", "seed=3", "data.train-limit=512", "data.test-limit=128",
        "supernet.channels=4", "train.epochs=3", "train.steps-per-epoch=2",
        "train.batch-size=16", "train.threads=1", "evaluate.archs=0",
        "landmarks.file=" + landmarks, "landmarks.rounds=2", "landmarks.per-round=2",
        "landmarks.queue=wait", "landmarks.queue-protocol=" + PROTOCOL.name(),
        "landmarks.queue-poll-seconds=0.1", "search.budget=6", "search.population=4",
        "search.tournament=2", "search.val-images=64", "search.top-k=2");
  }

  private Path initialLandmarks() throws IOException {
    Path f = tmp.resolve("initial.csv");
    Files.writeString(f, "arch,score\n"
        + "|nor_conv_3x3~0|+|nor_conv_3x3~0|skip_connect~1|+|skip_connect~0|nor_conv_3x3~1"
        + "|nor_conv_3x3~2|,80.0\n"
        + "|avg_pool_3x3~0|+|skip_connect~0|avg_pool_3x3~1|+|avg_pool_3x3~0|skip_connect~1"
        + "|avg_pool_3x3~2|,60.0\n");
    return f;
  }

  @Test
  void search_twoRoundsWait_trainsNewLandmarksThroughTheQueue() throws Exception {
    TestData.fashionMnist();
    Path store = tmp.resolve("results.db");
    Path run = tmp.resolve("run");
    List<String> args = new ArrayList<>(List.of("search", "--run-dir", run.toString(),
        "--store", store.toString()));
    for (String s : settings(initialLandmarks())) {
      args.addAll(List.of("--set", s));
    }
    CliRun result;
    try (WorkerLoop worker = WorkerLoop.start(store)) {
      result = CliRun.standard(args.toArray(String[]::new));
    }
    assertEquals(Main.EXIT_OK, result.exitCode(), result.out() + result.err());
    assertTrue(result.out().contains("round 2: waiting for 2 of 2 landmark trainings in "
        + store), result.out());
    assertGrownFromStore(run, store);
  }

  @Test
  void search_twoRanksWait_rankZeroQueuesAndBothTrainOnTheGrownSet() throws Exception {
    TestData.fashionMnist();
    Path store = tmp.resolve("results.db");
    Path run = tmp.resolve("run");
    List<String> args = new ArrayList<>(List.of("search", "--ranks", "2", "--run-dir",
        run.toString(), "--store", store.toString()));
    for (String s : settings(initialLandmarks())) {
      args.addAll(List.of("--set", s));
    }
    CliRun result;
    try (WorkerLoop worker = WorkerLoop.start(store)) {
      result = CliRun.standard(args.toArray(String[]::new));
    }
    assertEquals(Main.EXIT_OK, result.exitCode(), result.out() + result.err());
    // the grown set reached rank 1 too: it trained the last epoch with all four landmarks,
    // so the run finished and rank 0 wrote the landmarks the queue trained
    assertGrownFromStore(run, store);
    assertTrue(Files.exists(run.resolve("result.json")));
  }

  @Test
  void search_cancelledWhileWaiting_resumesAndWaitsForTheSameJobs() throws Exception {
    TestData.fashionMnist();
    Path store = tmp.resolve("results.db");
    Path run = tmp.resolve("run");
    RunConfig config = RunConfigLoader.fromDefaults(settings(initialLandmarks()));
    AtomicReference<SearchRun> first = new AtomicReference<>();
    // Cancels the run the moment it starts waiting: what a kill there leaves behind.
    PrintStream cancelOnWait = new PrintStream(new OutputStream() {
      private final StringBuilder line = new StringBuilder();

      @Override
      public void write(int b) {
        line.append((char) b);
        if (b == '\n') {
          if (line.toString().contains("waiting for")) {
            first.get().cancel();
          }
          line.setLength(0);
        }
      }
    }, true, StandardCharsets.UTF_8);
    first.set(SearchRun.builder(config).runDirectory(run).progress(cancelOnWait)
        .landmarkScores(StoreLandmarkScores.opener(
            StoreLocation.file(store), PROTOCOL.name())).build());
    assertThrows(SearchCancelledException.class, () -> first.get().run());
    try (var s = ResultsStore.open(store, Nb201Space.INSTANCE)) {
      assertEquals(new QueueStatus(2, 0, 0, 0, 0), s.status(PROTOCOL.name()));
    }

    ByteArrayOutputStream progress = new ByteArrayOutputStream();
    try (WorkerLoop worker = WorkerLoop.start(store)) {
      SearchRun.builder(config).runDirectory(run).resume(true)
          .progress(new PrintStream(progress, true, StandardCharsets.UTF_8))
          .landmarkScores(StoreLandmarkScores.opener(
              StoreLocation.file(store), PROTOCOL.name())).build().run();
    }
    String out = progress.toString(StandardCharsets.UTF_8);
    assertTrue(out.contains("(0 newly queued)"), out);
    assertGrownFromStore(run, store);
  }

  /** Two jobs, both done, and the two new landmarks carry their stored scores. */
  private static void assertGrownFromStore(Path run, Path store) {
    LandmarkSet<Nb201Arch> grown = LandmarkSet.fromCsv(Nb201Space.INSTANCE,
        run.resolve("landmarks.csv"));
    assertEquals(4, grown.size(), grown.toString());
    try (var s = ResultsStore.open(store, Nb201Space.INSTANCE)) {
      assertEquals(new QueueStatus(0, 0, 2, 0, 0), s.status(PROTOCOL.name()));
      int fromStore = 0;
      for (int i = 0; i < grown.size(); i++) {
        Landmark<Nb201Arch> l = grown.get(i);
        Optional<Double> stored = s.get(l.arch(), PROTOCOL.name(), 0)
            .map(r -> r.testAccuracy() * 100);
        if (stored.isPresent()) {
          assertEquals(stored.get(), l.score(), 1e-3, l.toString()); // CSV decimals
          fromStore++;
        }
      }
      assertEquals(2, fromStore, grown.toString());
    }
  }

  /**
   * {@code lmnas standalone worker}'s loop in a thread, started again whenever the queue runs
   * dry, until closed (a worker process ends when it finds no job; the run enqueues later).
   */
  private static final class WorkerLoop implements AutoCloseable {
    private final AtomicBoolean stop = new AtomicBoolean();
    private final Thread thread;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    private WorkerLoop(Path store) {
      ImageDataset data = DataLocation.system().load(PROTOCOL.dataset(), Optional.empty());
      this.thread = new Thread(() -> {
        try (var s = ResultsStore.open(store, Nb201Space.INSTANCE)) {
          StandaloneWorker<Nb201Arch> w = new StandaloneWorker<>(s,
              new StandaloneTrainer<>(SupernetSpace.NB201, data), PROTOCOL,
              Duration.ofMinutes(1), false, new PrintStream(OutputStream.nullOutputStream()));
          while (!stop.get()) {
            w.run();
            Thread.sleep(50);
          }
        } catch (Throwable t) {
          failure.set(t);
        }
      }, "landmark-worker");
      thread.start();
    }

    static WorkerLoop start(Path store) {
      return new WorkerLoop(store);
    }

    @Override
    public void close() throws InterruptedException {
      stop.set(true);
      thread.join();
      if (failure.get() != null) {
        throw new AssertionError("the worker failed", failure.get());
      }
    }
  }
}
