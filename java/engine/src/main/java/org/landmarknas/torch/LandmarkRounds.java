package org.landmarknas.torch;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import org.landmarknas.bench.GroundTruth;
import org.landmarknas.config.LandmarksConfig;
import org.landmarknas.config.SearchConfig;
import org.landmarknas.landmark.Landmark;
import org.landmarknas.landmark.LandmarkSet;
import org.landmarknas.search.Evaluated;
import org.landmarknas.search.SearchResult;
import org.landmarknas.space.SearchSpace;

/**
 * The multi-round pipeline (Yu et al., §3.3): training is cut into {@code landmarks.rounds}
 * equal parts, and after each part but the last the super-net ranks candidates and the best
 * {@code per-round} ones whose stand-alone score is known join the landmarks.
 */
final class LandmarkRounds {
  private LandmarkRounds() {}

  /** The epochs (1-based) after which a round adds landmarks: none with one round. */
  static Set<Integer> ends(int epochs, int rounds) {
    Set<Integer> ends = new HashSet<>();
    for (int r = 1; r < rounds; r++) {
      ends.add((int) Math.round((double) epochs * r / rounds));
    }
    return ends;
  }

  /**
   * One round: rank candidates by the super-net (the configured search strategy on validation
   * images), then add the best {@code per-round} ones that are not landmarks yet, not in the
   * evaluation pool ({@code inPool}, equivalents included), and whose stand-alone score is known.
   *
   * <p>Scores come from {@code truth}; architectures it cannot score are passed over. With {@code
   * search.strategy: pool} the candidates are that ground truth's architectures (e.g. a
   * benchmark's landmark candidates), the only ones a new landmark can come from.
   */
  static <A> LandmarkSet<A> next(LandmarkSet<A> current, Predicate<A> inPool,
      LandmarksConfig lc, SearchConfig search, PoolScorer<A> scorer, GroundTruth<A> truth,
      SplittableRandom rng, PrintStream progress, int epoch) {
    SearchSpace<A> space = current.space();
    SearchResult<A> ranked = rank(current, inPool, search, scorer, truth.archs(), rng, progress,
        epoch);
    List<Landmark<A>> added = new ArrayList<>();
    Set<String> classes = new HashSet<>();
    int skippedUnknown = 0;
    for (Evaluated<A> e : ranked.top(ranked.evaluations())) {
      if (added.size() == lc.perRound()) {
        break;
      }
      A a = e.arch();
      if (!space.isTrainable(a) || current.contains(a) || inPool.test(a)
          || !classes.add(space.canonicalKey(a))) {
        continue;
      }
      OptionalDouble score = truth.score(a);
      if (score.isEmpty()) {
        skippedUnknown++;
        continue;
      }
      added.add(new Landmark<>(a, score.getAsDouble()));
    }
    progress.printf(Locale.ROOT, "round after epoch %d: %d new landmarks (of %d wanted; %d"
            + " candidates without a stand-alone score passed over), %d in all%n", epoch,
        added.size(), lc.perRound(), skippedUnknown, current.size() + added.size());
    return current.plus(added);
  }

  /**
   * Ranks candidates by the super-net with the configured strategy; {@code table} is what
   * {@code strategy: pool} ranks (less the landmarks and the pool, unless nothing is left).
   */
  static <A> SearchResult<A> rank(LandmarkSet<A> current, Predicate<A> inPool,
      SearchConfig search, PoolScorer<A> scorer, List<A> table, SplittableRandom rng,
      PrintStream progress, int epoch) {
    List<A> candidates = new ArrayList<>();
    for (A a : table) {
      if (!current.contains(a) && !inPool.test(a)) {
        candidates.add(a);
      }
    }
    return StrategyRun.run(current.space(), search, scorer, rng, progress,
        "round after epoch " + epoch, candidates.isEmpty() ? table : candidates);
  }

  /**
   * The best {@code count} ranked architectures that may become landmarks: trainable, not
   * landmarks yet, not in the pool, not {@code excluded} (awaiting their score), one per class.
   */
  static <A> List<A> topNew(SearchResult<A> ranked, LandmarkSet<A> current,
      Predicate<A> inPool, Predicate<A> excluded, int count) {
    SearchSpace<A> space = current.space();
    List<A> top = new ArrayList<>();
    Set<String> classes = new HashSet<>();
    for (Evaluated<A> e : ranked.top(ranked.evaluations())) {
      if (top.size() == count) {
        break;
      }
      A a = e.arch();
      if (space.isTrainable(a) && !current.contains(a) && !inPool.test(a) && !excluded.test(a)
          && classes.add(space.canonicalKey(a))) {
        top.add(a);
      }
    }
    return top;
  }
}
