package org.landmarknas.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.landmarknas.space.Nb201Arch;
import org.landmarknas.space.Nb201Space;
import org.landmarknas.space.TinySpace;
import org.landmarknas.standalone.StandaloneResult;

/**
 * One store, two spaces, one protocol name: each space's results and jobs stay its own, so
 * a worker of one space never trains, lists, scores or completes the other's.
 */
abstract class SpaceSeparationContract extends StoreContract {
  private static final Duration MINUTE = Duration.ofMinutes(1);
  private static final String P = "shared-protocol";

  @Test
  void results_ofTwoSpaces_underOneProtocolName_neverMix() {
    TinySpace tiny = new TinySpace("tiny");
    Nb201Arch nb = StoreFixtures.distinctArchs(1).get(0);
    TinySpace.Cell cell = tiny.parse("1-2");
    try (var nb201 = ResultsStore.open(location, Nb201Space.INSTANCE);
        var small = ResultsStore.open(location, tiny)) {
      assertTrue(nb201.put(new StandaloneResult<>(nb, P, 0, 0.5, 1, 0.9, 1, 10, 1)));
      assertTrue(small.put(new StandaloneResult<>(cell, P, 0, 0.5, 1, 0.3, 1, 10, 1)));
      // the mirror is the same class in the tiny space: its row, not a second one
      assertFalse(small.put(new StandaloneResult<>(tiny.parse("2-1"), P, 0, 0.5, 1, 0.4, 1, 10,
          1)));

      assertEquals(1, nb201.all(P).size());
      assertEquals(nb, nb201.all(P).get(0).arch());
      assertEquals(List.of(cell), small.all(P).stream().map(StandaloneResult::arch).toList());
      assertEquals(Map.of(P, 1), nb201.resultCounts());
      assertEquals(Map.of(P, 1), small.resultCounts());
      assertEquals(OptionalDouble.of(90.0), nb201.scores(P).score(nb));
      assertEquals(OptionalDouble.of(30.0), small.scores(P).score(tiny.parse("2-1")));
      assertEquals(Optional.empty(), small.get(tiny.parse("1-3"), P, 0));
    }
    // reopened, each space still finds its own rows: the space is stored, not remembered
    try (var again = ResultsStore.open(location, tiny)) {
      assertEquals(0.3, again.get(cell, P, 0).orElseThrow().testAccuracy());
      assertEquals("tiny", again.space().id());
    }
  }

  @Test
  void jobs_ofTwoSpaces_areClaimedCountedAndCompletedApart() {
    TestClock clock = new TestClock(Instant.parse("2025-01-01T00:00:00Z"));
    TinySpace a = new TinySpace("tiny-a");
    TinySpace b = new TinySpace("tiny-b");
    try (var storeA = ResultsStore.open(location, a, clock);
        var storeB = ResultsStore.open(location, b, clock)) {
      assertEquals(2, storeA.enqueue(List.of(a.parse("1-2"), a.parse("3-3")), P, 0));
      assertEquals(1, storeB.enqueue(List.of(b.parse("2-1")), P, 0),
          "the same class in another space is another job");
      assertEquals(2, storeA.status(P).queued());
      assertEquals(1, storeB.status(P).queued());

      Job<TinySpace.Cell> jobB = storeB.claim("w", P, MINUTE).orElseThrow();
      assertEquals(b.parse("1-2"), jobB.arch(), "stored as the canonical member of its class");
      assertEquals(Optional.empty(), storeB.claim("w", P, MINUTE));
      // A job of space b, handed to the store of space a (same arch type): refused, unchanged.
      assertFalse(storeA.heartbeat(jobB, MINUTE));
      assertFalse(storeA.release(jobB));
      var result = new StandaloneResult<>(jobB.arch(), P, 0, 0.5, 1, 0.7, 1, 10, 1);
      StoreException e = assertThrows(StoreException.class, () -> storeA.complete(jobB, result));
      assertTrue(e.getMessage().contains("does not exist in space tiny-a"), e.getMessage());
      assertEquals(List.of(), storeA.all(P), "the refused completion stored nothing");

      storeB.complete(jobB, result);
      assertEquals(1, storeB.status(P).done());
      assertEquals(0, storeA.status(P).done());
      assertEquals(2, storeA.status(P).queued());
      assertEquals(1, storeB.all(P).size());
    }
  }
}
