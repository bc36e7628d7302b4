package org.landmarknas.torch;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.landmarknas.bench.GroundTruth;
import org.landmarknas.config.LandmarksConfig;
import org.landmarknas.config.RunConfig;
import org.landmarknas.config.SearchConfig;
import org.landmarknas.landmark.Landmark;
import org.landmarknas.landmark.LandmarkScoreSource;
import org.landmarknas.landmark.LandmarkSet;
import org.landmarknas.search.SearchResult;
import org.landmarknas.space.SearchSpace;

/**
 * How a run's landmark rounds get the scores of their new landmarks. Without {@code
 * landmarks.queue} a round keeps the old behaviour ({@link LandmarkRounds#next}: known scores
 * only). With it, the round takes the super-net's top {@code per-round} new architectures, adds
 * those with a known score (the ground-truth file, else the queue's store) and asks the queue to
 * train the others; then it waits for their scores ({@code wait}), or the run trains on and each
 * joins the landmarks at the end of the first epoch its score is known ({@code continue}).
 *
 * <p>A run killed while it waits resumes from the checkpoint before the round, trains the same
 * epochs again (a resumed run draws what the uninterrupted one did), ranks the same
 * architectures and asks for them again: the queue ignores jobs already queued or done, so the
 * run waits for the same jobs. In continue mode the checkpoint keeps the architectures still
 * awaited ({@link #pending()}), so a resumed run picks up scores that arrive after it restarts.
 * Only rank 0 opens the queue; the grown set goes to all ranks.
 *
 * @param <A> the architecture type of the run's space
 */
final class LandmarkGrowth<A> implements AutoCloseable {
  private final SearchSpace<A> space;
  private final LandmarksConfig lc;
  private final SearchConfig search;
  private final Predicate<A> inPool;
  private final Optional<GroundTruth<A>> truth;
  private final Optional<LandmarkScoreSource<A>> queue;
  private final SearchHooks hooks;
  private final PrintStream progress;
  private final List<Integer> roundEnds;
  /** Continue mode: asked-for architectures whose score has not arrived yet, best first. */
  private final List<A> pending = new ArrayList<>();

  private LandmarkGrowth(RunConfig config, SearchSpace<A> space, Predicate<A> inPool,
      Optional<GroundTruth<A>> truth, Optional<LandmarkScoreSource<A>> queue, SearchHooks hooks,
      PrintStream progress) {
    this.space = space;
    this.lc = config.landmarks();
    this.search = config.search();
    this.inPool = inPool;
    this.truth = truth;
    this.queue = queue;
    this.hooks = hooks;
    this.progress = progress;
    this.roundEnds = List.copyOf(new TreeSet<>(LandmarkRounds.ends(config.train().epochs(),
        lc.rounds())));
  }

  /**
   * The growth of a run; opens the queue of {@code hooks} on the leading rank when the config
   * asks for one.
   *
   * @throws IllegalArgumentException when the config queues trainings but the run was given no
   *     queue (checked before any training)
   */
  static <A> LandmarkGrowth<A> of(RunConfig config, SearchSpace<A> space, Predicate<A> inPool,
      Optional<GroundTruth<A>> truth, SearchHooks hooks, boolean lead, PrintStream progress) {
    LandmarksConfig lc = config.landmarks();
    Optional<LandmarkScoreSource<A>> queue = Optional.empty();
    if (lc.queued() && lc.rounds() > 1 && lead) {
      LandmarkScoreSource.Opener opener = hooks.landmarkScores().orElseThrow(() ->
          new IllegalArgumentException("landmarks.queue is " + lc.queue() + ", but this run"
              + " has no results store to queue the new landmarks' trainings in (lmnas search"
              + " --store, or SearchRun.Builder.landmarkScores)"));
      LandmarkScoreSource<A> source = opener.open(space);
      if (!source.trains()) {
        source.close();
        throw new IllegalArgumentException("landmarks.queue is " + lc.queue() + ", but "
            + source.describe() + " trains no architecture");
      }
      queue = Optional.of(source);
    }
    return new LandmarkGrowth<>(config, space, inPool, truth, queue, hooks, progress);
  }

  /** A round after epoch {@code epoch} (1-based): the grown set. Leading rank only. */
  LandmarkSet<A> grow(LandmarkSet<A> current, PoolScorer<A> scorer, SplittableRandom rng,
      int epoch) {
    if (queue.isEmpty()) {
      return LandmarkRounds.next(current, inPool, lc, search, scorer, truth.orElseThrow(), rng,
          progress, epoch);
    }
    SearchResult<A> ranked = LandmarkRounds.rank(current, inPool, search, scorer,
        truth.map(GroundTruth::archs).orElse(List.of()), rng, progress, epoch);
    List<A> top = LandmarkRounds.topNew(ranked, current, inPool, this::isPending,
        lc.perRound());
    List<Landmark<A>> known = new ArrayList<>();
    List<A> unknown = new ArrayList<>();
    for (A a : top) {
      OptionalDouble s = score(a);
      if (s.isPresent()) {
        known.add(new Landmark<>(a, s.getAsDouble()));
      } else {
        unknown.add(a);
      }
    }
    LandmarkScoreSource<A> q = queue.get();
    int added = unknown.isEmpty() ? 0 : q.request(unknown);
    progress.printf(Locale.ROOT, "round after epoch %d: top %d new architectures, %d with a"
            + " stand-alone score, %d to train in %s (%d newly queued)%n", epoch, top.size(),
        known.size(), unknown.size(), q.describe(), added);
    LandmarkSet<A> grown = current.plus(known);
    if (lc.queue().equals("wait")) {
      grown = grown.plus(await(unknown, epoch));
    } else {
      pending.addAll(unknown);
    }
    progress.printf(Locale.ROOT, "round after epoch %d: %d new landmarks, %d in all%s%n", epoch,
        grown.size() - current.size(), grown.size(), pending.isEmpty() ? ""
            : ", " + pending.size() + " awaiting their scores");
    return grown;
  }

  /**
   * Continue mode, after an epoch: the pending architectures whose score arrived join {@code
   * current}; those whose training failed are dropped. Leading rank only.
   */
  LandmarkSet<A> pickUp(LandmarkSet<A> current, int epoch) {
    if (pending.isEmpty()) {
      return current;
    }
    List<Landmark<A>> arrived = collect(pending);
    if (!arrived.isEmpty()) {
      progress.printf(Locale.ROOT, "after epoch %d: %d landmark scores arrived from %s, %d in"
              + " all, %d still awaited%n", epoch, arrived.size(), queue.get().describe(),
          current.size() + arrived.size(), pending.size());
    }
    return current.plus(arrived);
  }

  /** Continue mode: what was asked for and has not arrived, best first (for checkpoints). */
  List<A> pending() {
    return List.copyOf(pending);
  }

  /**
   * A resumed run's pending architectures, from its checkpoint: their scores are picked up as
   * if the run had not stopped. Ignored off the leading rank, which holds no queue.
   */
  void resumePending(List<A> archs) {
    if (queue.isPresent() && picksUp()) {
      pending.addAll(archs);
    }
  }

  /** True in continue mode, where scores may arrive after any epoch. */
  boolean picksUp() {
    return lc.queue().equals("continue");
  }

  /**
   * Waits until every one of {@code archs} has a score or failed; returns the scored ones. The
   * run's cancel flag is checked between polls: a cancelled run stops here, its last checkpoint
   * the one before the round.
   */
  private List<Landmark<A>> await(List<A> archs, int epoch) {
    int round = roundEnds.indexOf(epoch) + 2;
    List<A> open = new ArrayList<>(archs);
    List<Landmark<A>> scored = new ArrayList<>();
    int shown = -1;
    while (true) {
      scored.addAll(collect(open));
      if (open.isEmpty()) {
        return scored;
      }
      if (open.size() != shown) {
        progress.printf(Locale.ROOT, "round %d: waiting for %d of %d landmark trainings in %s%n",
            round, open.size(), archs.size(), queue.get().describe());
        shown = open.size();
      }
      hooks.checkCancelled(epoch - 1);
      try {
        Thread.sleep(Math.max(1, Math.round(lc.queuePollSeconds() * 1000)));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SearchCancelledException(epoch - 1);
      }
    }
  }

  /**
   * Removes from {@code open} the architectures whose score is known (returned as landmarks)
   * or whose training failed (reported).
   */
  private List<Landmark<A>> collect(List<A> open) {
    List<Landmark<A>> scored = new ArrayList<>();
    for (var it = open.iterator(); it.hasNext(); ) {
      A a = it.next();
      OptionalDouble s = score(a);
      if (s.isPresent()) {
        scored.add(new Landmark<>(a, s.getAsDouble()));
        it.remove();
      } else if (queue.get().failed(a)) {
        progress.printf(Locale.ROOT, "warning: the stand-alone training of %s failed in %s;"
            + " passed over (lmnas standalone status lists the error)%n", space.format(a),
            queue.get().describe());
        it.remove();
      }
    }
    return scored;
  }

  private OptionalDouble score(A a) {
    OptionalDouble s = truth.isPresent() ? truth.get().score(a) : OptionalDouble.empty();
    return s.isPresent() ? s : queue.get().score(a);
  }

  private boolean isPending(A a) {
    String key = space.canonicalKey(a);
    return pending.stream().anyMatch(p -> space.canonicalKey(p).equals(key));
  }

  @Override
  public void close() {
    queue.ifPresent(LandmarkScoreSource::close);
  }
}
