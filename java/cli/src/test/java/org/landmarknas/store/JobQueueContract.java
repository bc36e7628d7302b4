package org.landmarknas.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.landmarknas.space.Nb201Arch;

/** The job queue's behaviour, the same on every {@link Backend}. */
abstract class JobQueueContract extends StoreContract {

  private static final String P = StoreFixtures.PROTOCOL;
  private static final Duration MINUTE = Duration.ofMinutes(1);

  @Test
  void enqueue_twice_addsEachClassOnce() {
    List<Nb201Arch> archs = StoreFixtures.distinctArchs(5);
    try (var store = open()) {
      assertEquals(5, store.enqueue(archs, P, 1));
      assertEquals(0, store.enqueue(archs, P, 1));
      assertEquals(5, store.enqueue(archs, P, 2));
      assertEquals(new QueueStatus(10, 0, 0, 0, 0), store.status(P));
    }
  }

  @Test
  void enqueue_storedResult_skipped() {
    List<Nb201Arch> archs = StoreFixtures.distinctArchs(3);
    try (var store = open()) {
      store.put(StoreFixtures.result(archs.get(0), 1, 0.5));
      assertEquals(2, store.enqueue(archs, P, 1));
    }
  }

  @Test
  void claim_emptyQueue_isEmpty() {
    try (var store = open()) {
      assertEquals(Optional.empty(), store.claim("w", P, MINUTE));
    }
  }

  @Test
  void claim_ofAProtocol_skipsOlderJobsOfAnotherProtocol() {
    List<Nb201Arch> archs = StoreFixtures.distinctArchs(2);
    try (var store = open()) {
      store.enqueue(archs.subList(0, 1), P, 0);
      store.enqueue(archs.subList(1, 2), "longer", 0);
      Job<Nb201Arch> longer = store.claim("a", "longer", MINUTE).orElseThrow();
      assertEquals(archs.get(1), longer.arch());
      assertEquals("longer", longer.protocol());
      assertEquals(Optional.empty(), store.claim("b", "longer", MINUTE));
      assertEquals(archs.get(0), store.claim("c", P, MINUTE).orElseThrow().arch());
      assertEquals(new QueueStatus(0, 1, 0, 0, 0), store.status(P), "the other protocol untouched");
    }
  }

  @Test
  void claim_takesOldestFirst_andLiveLeaseIsNotReclaimed() {
    TestClock clock = new TestClock(Instant.parse("2026-01-01T00:00:00Z"));
    List<Nb201Arch> archs = StoreFixtures.distinctArchs(2);
    try (var store = open(clock)) {
      store.enqueue(archs, P, 3);
      Job<Nb201Arch> first = store.claim("a", P, MINUTE).orElseThrow();
      assertEquals(archs.get(0), first.arch());
      assertEquals(3, first.seed());
      assertEquals(1, first.attempts());
      Job<Nb201Arch> second = store.claim("b", P, MINUTE).orElseThrow();
      assertEquals(archs.get(1), second.arch());
      clock.advance(Duration.ofSeconds(59));
      assertEquals(Optional.empty(), store.claim("c", P, MINUTE));
      assertEquals(new QueueStatus(0, 2, 0, 0, 0), store.status(P));
    }
  }

  @Test
  void claim_expiredLease_isReclaimed() {
    TestClock clock = new TestClock(Instant.parse("2026-01-01T00:00:00Z"));
    try (var store = open(clock)) {
      store.enqueue(StoreFixtures.distinctArchs(1), P, 1);
      Job<Nb201Arch> first = store.claim("a", P, MINUTE).orElseThrow();
      clock.advance(Duration.ofSeconds(61));
      assertEquals(new QueueStatus(0, 0, 0, 1, 0), store.status(P));
      Job<Nb201Arch> again = store.claim("b", P, MINUTE).orElseThrow();
      assertEquals(first.id(), again.id());
      assertEquals("b", again.worker());
      assertEquals(2, again.attempts());
      assertFalse(store.heartbeat(first, MINUTE), "a lost its lease to b");
    }
  }

  @Test
  void heartbeat_extendsLease() {
    TestClock clock = new TestClock(Instant.parse("2026-01-01T00:00:00Z"));
    try (var store = open(clock)) {
      store.enqueue(StoreFixtures.distinctArchs(1), P, 1);
      Job<Nb201Arch> job = store.claim("a", P, MINUTE).orElseThrow();
      clock.advance(Duration.ofSeconds(50));
      assertTrue(store.heartbeat(job, MINUTE));
      clock.advance(Duration.ofSeconds(50));
      assertEquals(Optional.empty(), store.claim("b", P, MINUTE));
    }
  }

  @Test
  void release_heldJob_isClaimableAtOnce_onlyByItsHolder_notOnceDone() {
    TestClock clock = new TestClock(Instant.parse("2026-01-01T00:00:00Z"));
    try (var store = open(clock)) {
      store.enqueue(StoreFixtures.distinctArchs(1), P, 1);
      Job<Nb201Arch> first = store.claim("a", P, MINUTE).orElseThrow();
      var stranger = new Job<>(first.id(), first.arch(), P, 1, "b", first.leaseUntil(), 1);
      assertFalse(store.release(stranger), "b does not hold the lease");
      assertTrue(store.release(first));
      assertEquals(new QueueStatus(1, 0, 0, 0, 0), store.status(P));
      assertFalse(store.heartbeat(first, MINUTE), "a let go of it");
      Job<Nb201Arch> again = store.claim("b", P, MINUTE).orElseThrow(); // no wait for the lease
      assertEquals(first.id(), again.id());
      assertEquals(2, again.attempts());
      store.complete(again, StoreFixtures.result(again.arch(), 1, 0.7));
      assertFalse(store.release(again), "done stays done");
      assertEquals(new QueueStatus(0, 0, 1, 0, 0), store.status(P));
    }
  }

  @Test
  void releaseAll_givesBackEveryJobOfThatWorkerOnly() {
    try (var store = open()) {
      store.enqueue(StoreFixtures.distinctArchs(3), P, 1);
      Job<Nb201Arch> a1 = store.claim("a", P, MINUTE).orElseThrow();
      store.claim("b", P, MINUTE).orElseThrow();
      Job<Nb201Arch> a2 = store.claim("a", P, MINUTE).orElseThrow();
      assertEquals(List.of(a1.id(), a2.id()), store.releaseAll("a"));
      assertEquals(new QueueStatus(2, 1, 0, 0, 0), store.status(P));
      assertEquals(List.of(), store.releaseAll("a"));
    }
  }

  @Test
  void fail_heldJob_keepsTheError_isNotClaimedAgain_untilEnqueuedAgain() {
    List<Nb201Arch> archs = StoreFixtures.distinctArchs(2);
    try (var store = open()) {
      store.enqueue(archs, P, 1);
      Job<Nb201Arch> bad = store.claim("a", P, MINUTE).orElseThrow();
      assertFalse(store.fail(new Job<>(bad.id(), bad.arch(), P, 1, "b", bad.leaseUntil(), 1),
          "not b's job"), "only the holder fails its job");
      assertTrue(store.fail(bad, "loss diverged at step 7"));
      assertEquals(new QueueStatus(1, 0, 0, 0, 1), store.status(P));
      assertEquals(List.of(new JobFailure<>(bad.id(), archs.get(0), P, 1, 1,
          "loss diverged at step 7")), store.failures(P));
      assertEquals(archs.get(1), store.claim("a", P, MINUTE).orElseThrow().arch(),
          "the worker goes on with the next job");
      assertEquals(Optional.empty(), store.claim("a", P, MINUTE), "the failed one is not retried");

      assertEquals(1, store.enqueue(archs, P, 1), "enqueue queues the failed job again");
      Job<Nb201Arch> retry = store.claim("c", P, MINUTE).orElseThrow();
      assertEquals(bad.id(), retry.id());
      assertEquals(1, retry.attempts(), "a fresh start");
      assertEquals(List.of(), store.failures(P));
    }
  }

  @Test
  void fail_longError_isCutToTheColumn() {
    try (var store = open()) {
      store.enqueue(StoreFixtures.distinctArchs(1), P, 1);
      Job<Nb201Arch> job = store.claim("a", P, MINUTE).orElseThrow();
      assertTrue(store.fail(job, "x".repeat(5000)));
      String kept = store.failures(P).get(0).error();
      assertEquals(StoreSchema.ERROR_LENGTH, kept.length());
      assertTrue(kept.endsWith("x..."), kept.substring(kept.length() - 10));
    }
  }

  @Test
  void claim_jobWhoseWorkersKeepDying_givenUpAfterMaxClaims() {
    TestClock clock = new TestClock(Instant.parse("2026-01-01T00:00:00Z"));
    List<Nb201Arch> archs = StoreFixtures.distinctArchs(2);
    try (var store = open(clock)) {
      store.enqueue(archs.subList(0, 1), P, 1);
      for (int claim = 1; claim <= ResultsStore.MAX_CLAIMS; claim++) {
        Job<Nb201Arch> job = store.claim("w" + claim, P, MINUTE).orElseThrow();
        assertEquals(claim, job.attempts());
        clock.advance(Duration.ofSeconds(61)); // its worker died: the lease runs out
      }
      store.enqueue(archs.subList(1, 2), P, 1);
      Job<Nb201Arch> next = store.claim("w", P, MINUTE).orElseThrow();
      assertEquals(archs.get(1), next.arch(), "the deadly job is skipped, the next one taken");
      assertEquals(new QueueStatus(0, 1, 0, 0, 1), store.status(P));
      assertTrue(store.failures(P).get(0).error().contains("lease ran out on all "
          + ResultsStore.MAX_CLAIMS + " claims"), store.failures(P).toString());
    }
  }

  @Test
  void complete_storesResultAndMarksDone() {
    try (var store = open()) {
      store.enqueue(StoreFixtures.distinctArchs(1), P, 1);
      Job<Nb201Arch> job = store.claim("a", P, MINUTE).orElseThrow();
      store.complete(job, StoreFixtures.result(job.arch(), 1, 0.7));
      assertEquals(new QueueStatus(0, 0, 1, 0, 0), store.status(P));
      assertEquals(0.7, store.get(job.arch(), P, 1).orElseThrow().testAccuracy());
      assertEquals(Optional.empty(), store.claim("b", P, MINUTE));
      assertFalse(store.heartbeat(job, MINUTE));
    }
  }

  @Test
  void complete_failingJobUpdate_rollsBackTheResult() {
    try (ResultsStore<Nb201Arch> store = open()) {
      store.enqueue(StoreFixtures.distinctArchs(1), P, 1);
      Job<Nb201Arch> job = store.claim("a", P, MINUTE).orElseThrow();
      Job<Nb201Arch> ghost = new Job<>(job.id() + 100, job.arch(), P, 1, "a", job.leaseUntil(), 1);
      assertThrows(StoreException.class,
          () -> store.complete(ghost, StoreFixtures.result(job.arch(), 1, 0.7)));
      assertEquals(Optional.empty(), store.get(job.arch(), P, 1), "result rolled back");
      assertEquals(new QueueStatus(0, 1, 0, 0, 0), store.status(P));
    }
  }

  @Test
  void complete_jobRowUnwritable_leavesNeitherResultNorDone() throws Exception {
    try (ResultsStore<Nb201Arch> store = open()) {
      store.enqueue(StoreFixtures.distinctArchs(1), P, 1);
      Job<Nb201Arch> job = store.claim("a", P, MINUTE).orElseThrow();
      // A trigger makes the second statement of the transaction fail after the first succeeded.
      execute(backend().refuseJobStateChanges());
      assertThrows(StoreException.class,
          () -> store.complete(job, StoreFixtures.result(job.arch(), 1, 0.7)));
      assertEquals(Optional.empty(), store.get(job.arch(), P, 1));
      assertEquals(new QueueStatus(0, 1, 0, 0, 0), store.status(P));
    }
  }

  @Test
  void complete_resultForOtherArch_rejected() {
    List<Nb201Arch> archs = StoreFixtures.distinctArchs(2);
    try (var store = open()) {
      store.enqueue(archs.subList(0, 1), P, 1);
      Job<Nb201Arch> job = store.claim("a", P, MINUTE).orElseThrow();
      assertThrows(IllegalArgumentException.class,
          () -> store.complete(job, StoreFixtures.result(archs.get(1), 1, 0.7)));
      assertThrows(IllegalArgumentException.class,
          () -> store.complete(job, StoreFixtures.result(job.arch(), 2, 0.7)));
    }
  }

  @Test
  void claim_concurrentConnections_neverClaimTwice() throws Exception {
    int jobs = 40;
    try (ResultsStore<Nb201Arch> setup = open()) {
      assertEquals(jobs, setup.enqueue(StoreFixtures.distinctArchs(jobs), P, 1));
    }
    int threads = 4;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<List<Long>>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        String worker = "w" + t;
        Callable<List<Long>> claimer = () -> {
          List<Long> ids = new ArrayList<>();
          try (ResultsStore<Nb201Arch> store = open()) {
            start.await();
            for (Optional<Job<Nb201Arch>> j = store.claim(worker, P, MINUTE); j.isPresent();
                j = store.claim(worker, P, MINUTE)) {
              ids.add(j.get().id());
            }
          }
          return ids;
        };
        futures.add(pool.submit(claimer));
      }
      start.countDown();
      Set<Long> seen = new HashSet<>();
      int total = 0;
      for (Future<List<Long>> f : futures) {
        for (long id : f.get()) {
          assertTrue(seen.add(id), "job " + id + " claimed twice");
          total++;
        }
      }
      assertEquals(jobs, total);
    } finally {
      pool.shutdownNow();
    }
  }
}
