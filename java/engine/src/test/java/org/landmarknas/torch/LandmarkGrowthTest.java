package org.landmarknas.torch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.landmarknas.config.RunConfig;
import org.landmarknas.config.RunConfigLoader;
import org.landmarknas.landmark.Landmark;
import org.landmarknas.landmark.LandmarkScoreSource;
import org.landmarknas.landmark.LandmarkSet;
import org.landmarknas.search.Evaluated;
import org.landmarknas.search.SearchResult;
import org.landmarknas.space.Nb201Arch;
import org.landmarknas.space.Nb201Space;
import org.landmarknas.space.SearchSpace;

/**
 * The engine's side of the landmark queue without a super-net: when a run opens the queue, what
 * it refuses before training, and which ranked architectures a round asks for. Training through
 * a real store is {@code LandmarkQueueEndToEndTest} in the CLI module.
 */
final class LandmarkGrowthTest {
  private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());
  private static final Nb201Arch A = Nb201Arch.parse(
      "|nor_conv_3x3~0|+|nor_conv_3x3~0|skip_connect~1|+|skip_connect~0|nor_conv_3x3~1"
          + "|nor_conv_3x3~2|");
  private static final Nb201Arch B = Nb201Arch.parse(
      "|nor_conv_1x1~0|+|nor_conv_3x3~0|skip_connect~1|+|skip_connect~0|nor_conv_3x3~1"
          + "|nor_conv_3x3~2|");
  private static final Nb201Arch C = Nb201Arch.parse(
      "|avg_pool_3x3~0|+|skip_connect~0|avg_pool_3x3~1|+|avg_pool_3x3~0|skip_connect~1"
          + "|avg_pool_3x3~2|");
  private static final Nb201Arch DEAD = Nb201Arch.parse(
      "|nor_conv_3x3~0|+|none~0|none~1|+|none~0|none~1|none~2|");

  private static RunConfig queued(String mode) {
    return RunConfigLoader.fromDefaults(List.of("train.epochs=2", "landmarks.file=lm.csv",
        "landmarks.rounds=2", "landmarks.queue=" + mode, "landmarks.queue-protocol=p1"));
  }

  /** A queue that counts what it was asked and knows no score. */
  private static class CountingQueue implements LandmarkScoreSource<Nb201Arch> {
    final AtomicInteger requests = new AtomicInteger();
    final AtomicBoolean closed = new AtomicBoolean();
    final boolean trains;

    CountingQueue(boolean trains) {
      this.trains = trains;
    }

    @Override
    public OptionalDouble score(Nb201Arch arch) {
      return OptionalDouble.empty();
    }

    @Override
    public int request(Collection<? extends Nb201Arch> archs) {
      return requests.addAndGet(archs.size());
    }

    @Override
    public boolean trains() {
      return trains;
    }

    @Override
    public boolean failed(Nb201Arch arch) {
      return false;
    }

    @Override
    public String describe() {
      return "counting queue";
    }

    @Override
    public void close() {
      closed.set(true);
    }
  }

  private static LandmarkScoreSource.Opener opening(CountingQueue q, AtomicInteger opened) {
    return new LandmarkScoreSource.Opener() {
      @Override
      @SuppressWarnings("unchecked")
      public <X> LandmarkScoreSource<X> open(SearchSpace<X> space) {
        assertEquals(Nb201Space.INSTANCE, space);
        opened.incrementAndGet();
        return (LandmarkScoreSource<X>) q;
      }
    };
  }

  @Test
  void of_queuedWithoutAStore_refusedBeforeTraining() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> LandmarkGrowth.of(queued("wait"), Nb201Space.INSTANCE, a -> false,
            Optional.empty(), SearchHooks.none(), true, QUIET));
    assertTrue(e.getMessage().contains("landmarks.queue is wait")
        && e.getMessage().contains("--store"), e.getMessage());
  }

  @Test
  void of_sourceThatCannotTrain_refusedAndClosed() {
    CountingQueue table = new CountingQueue(false);
    AtomicInteger opened = new AtomicInteger();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> LandmarkGrowth.of(queued("continue"), Nb201Space.INSTANCE, a -> false,
            Optional.empty(), SearchHooks.withLandmarkScores(opening(table, opened)), true,
            QUIET));
    assertTrue(e.getMessage().contains("trains no architecture"), e.getMessage());
    assertTrue(table.closed.get());
  }

  @Test
  void of_opensTheQueueOnlyOnTheLeadingRankOfAQueuedRun() {
    CountingQueue q = new CountingQueue(true);
    AtomicInteger opened = new AtomicInteger();
    SearchHooks hooks = SearchHooks.withLandmarkScores(opening(q, opened));
    LandmarkGrowth.of(queued("wait"), Nb201Space.INSTANCE, a -> false, Optional.empty(), hooks,
        false, QUIET).close();
    assertEquals(0, opened.get(), "other ranks get the grown set from rank 0");
    RunConfig plain = RunConfigLoader.fromDefaults(List.of("train.epochs=2",
        "landmarks.file=lm.csv", "landmarks.rounds=2", "landmarks.ground-truth=gt.csv"));
    LandmarkGrowth<Nb201Arch> none = LandmarkGrowth.of(plain, Nb201Space.INSTANCE, a -> false,
        Optional.empty(), hooks, true, QUIET);
    assertEquals(0, opened.get(), "queue: none reads the ground truth only");
    assertFalse(none.picksUp());
    LandmarkGrowth<Nb201Arch> lead = LandmarkGrowth.of(queued("continue"),
        Nb201Space.INSTANCE, a -> false, Optional.empty(), hooks, true, QUIET);
    assertEquals(1, opened.get());
    assertTrue(lead.picksUp());
    lead.close();
    assertTrue(q.closed.get(), "the run closes the queue it opened");
  }

  @Test
  void resumePending_scoresThatArriveAfterTheResumeArePickedUp() {
    // the queue knows B's score only: A stays pending, B joins at the first epoch after resume
    CountingQueue q = new CountingQueue(true) {
      @Override
      public OptionalDouble score(Nb201Arch arch) {
        return arch.equals(B) ? OptionalDouble.of(71.5) : OptionalDouble.empty();
      }
    };
    AtomicInteger opened = new AtomicInteger();
    LandmarkGrowth<Nb201Arch> growth = LandmarkGrowth.of(queued("continue"),
        Nb201Space.INSTANCE, a -> false, Optional.empty(),
        SearchHooks.withLandmarkScores(opening(q, opened)), true, QUIET);
    LandmarkSet<Nb201Arch> current = LandmarkSet.of(Nb201Space.INSTANCE,
        List.of(new Landmark<>(C, 60.0), new Landmark<>(DEAD, 10.0)));
    assertEquals(current, growth.pickUp(current, 2), "nothing pending before the resume");

    growth.resumePending(List.of(A, B));
    assertEquals(List.of(A, B), growth.pending());
    LandmarkSet<Nb201Arch> grown = growth.pickUp(current, 2);
    assertEquals(3, grown.size());
    assertTrue(grown.landmarks().stream().anyMatch(l -> l.arch().equals(B) && l.score() == 71.5));
    assertEquals(List.of(A), growth.pending(), "A's score has not arrived");
    growth.close();
  }

  @Test
  void topNew_bestTrainableNewOnes_skipsLandmarksPoolAndAwaited() {
    SearchResult<Nb201Arch> ranked = new SearchResult<>("test", List.of(
        new Evaluated<>(DEAD, 0.99), new Evaluated<>(A, 0.9), new Evaluated<>(B, 0.8),
        new Evaluated<>(C, 0.7)));
    LandmarkSet<Nb201Arch> current = LandmarkSet.of(Nb201Space.INSTANCE,
        List.of(new Landmark<>(A, 70.0), new Landmark<>(DEAD, 10.0)));
    assertEquals(List.of(B, C), LandmarkRounds.topNew(ranked, current, a -> false,
        a -> false, 3), "no dead cell, no landmark twice");
    assertEquals(List.of(C), LandmarkRounds.topNew(ranked, current, B::equals, a -> false, 3));
    assertEquals(List.of(B), LandmarkRounds.topNew(ranked, current, a -> false, C::equals, 3));
    assertEquals(List.of(B), LandmarkRounds.topNew(ranked, current, a -> false, a -> false, 1));
  }
}
