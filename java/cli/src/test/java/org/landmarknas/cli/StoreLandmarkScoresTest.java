package org.landmarknas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landmarknas.landmark.LandmarkScoreSource;
import org.landmarknas.space.Nb201Arch;
import org.landmarknas.space.Nb201Space;
import org.landmarknas.standalone.StandaloneResult;
import org.landmarknas.store.QueueStatus;
import org.landmarknas.store.ResultsStore;
import org.landmarknas.store.StoreLocation;

/** The store's side of the landmark queue, without training: enqueue, poll, give up. */
final class StoreLandmarkScoresTest {
  private static final String PROTOCOL = "fmnist-c4n1-e1";
  private static final Nb201Arch A = Nb201Arch.parse(
      "|nor_conv_3x3~0|+|nor_conv_3x3~0|skip_connect~1|+|skip_connect~0|nor_conv_3x3~1"
          + "|nor_conv_3x3~2|");
  private static final Nb201Arch B = Nb201Arch.parse(
      "|nor_conv_1x1~0|+|nor_conv_3x3~0|skip_connect~1|+|skip_connect~0|nor_conv_3x3~1"
          + "|nor_conv_3x3~2|");

  @TempDir Path tmp;

  private LandmarkScoreSource<Nb201Arch> open(Path db) {
    return StoreLandmarkScores.opener(StoreLocation.file(db), PROTOCOL)
        .open(Nb201Space.INSTANCE);
  }

  @Test
  void request_enqueuesOnce_aResumedRunAsksAgainForNothing() {
    Path db = tmp.resolve("r.db");
    try (LandmarkScoreSource<Nb201Arch> q = open(db)) {
      assertTrue(q.trains());
      assertEquals(2, q.request(List.of(A, B)));
      assertEquals(0, q.request(List.of(A, B)), "queued jobs are not queued twice");
      assertTrue(q.describe().contains(db.toString()) && q.describe().contains(PROTOCOL),
          q.describe());
    }
    try (var s = ResultsStore.open(db, Nb201Space.INSTANCE)) {
      assertEquals(new QueueStatus(2, 0, 0, 0, 0), s.status(PROTOCOL));
    }
  }

  @Test
  void score_arrivesWhenAWorkerCompletes_failedWhenItGivesUp() {
    Path db = tmp.resolve("r.db");
    try (LandmarkScoreSource<Nb201Arch> q = open(db);
        var worker = ResultsStore.open(db, Nb201Space.INSTANCE)) {
      q.request(List.of(A, B));
      assertEquals(OptionalDouble.empty(), q.score(A));
      var jobA = worker.claim("w", PROTOCOL, Duration.ofMinutes(1)).orElseThrow();
      worker.complete(jobA, new StandaloneResult<>(A, PROTOCOL, 0, 0.5, 1.0, 0.8125, 0.6, 10,
          1.0));
      assertEquals(81.25, q.score(A).orElseThrow(), 1e-9);
      assertFalse(q.failed(A));
      var jobB = worker.claim("w", PROTOCOL, Duration.ofMinutes(1)).orElseThrow();
      worker.fail(jobB, "diverged");
      assertTrue(q.failed(B));
      assertEquals(OptionalDouble.empty(), q.score(B));
    }
  }

  @Test
  void search_storeWithoutQueue_refusedBeforeAnyRun() {
    CliRun r = CliRun.standard("search", "--store", tmp.resolve("x.db").toString(),
        "--run-dir", tmp.resolve("run").toString());
    assertEquals(Main.EXIT_USAGE, r.exitCode(), r.err());
    assertTrue(r.err().contains("--store is used only by landmark rounds with landmarks.queue"),
        r.err());
    assertTrue(r.oneLineError(), r.err());
    assertFalse(tmp.resolve("run").toFile().exists());
  }
}
