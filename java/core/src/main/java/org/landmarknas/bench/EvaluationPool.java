package org.landmarknas.bench;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import org.landmarknas.random.SeededShuffle;
import org.landmarknas.space.SearchSpace;

/**
 * The architectures a run's ranking is measured on: fixed for the whole run, each with a known
 * stand-alone score, none of them a landmark, no two equivalent (equivalent cells would count the
 * same function twice).
 *
 * @param space the space of the architectures
 * @param archs the pool, in scoring order
 * @param groundTruth the stand-alone score of each, in the same order
 * @param <A> the space's architecture type
 */
public record EvaluationPool<A>(SearchSpace<A> space, List<A> archs, List<Double> groundTruth) {

  public EvaluationPool {
    Objects.requireNonNull(space, "space");
    archs = List.copyOf(archs);
    groundTruth = List.copyOf(groundTruth);
    if (archs.size() != groundTruth.size()) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "evaluation pool has %d architectures but %d scores", archs.size(), groundTruth.size()));
    }
  }

  /**
   * A predicate true for the pool's architectures and everything equivalent to them: what a new
   * landmark must not be, since the pool scores the super-net's ranking of exactly these.
   */
  public Predicate<A> members() {
    Set<String> keys = new HashSet<>();
    for (A a : archs) {
      keys.add(space.canonicalKey(a));
    }
    return arch -> keys.contains(space.canonicalKey(arch));
  }

  /**
   * Draws {@code size} architectures (all eligible ones when size is 0) from {@code truth}:
   * trainable, not {@code excluded}, distinct up to equivalence; order shuffled by {@code
   * rng}.
   *
   * @throws IllegalArgumentException if fewer than {@code size} (or than 2) eligible
   *     architectures exist
   */
  public static <A> EvaluationPool<A> draw(GroundTruth<A> truth, int size,
      SplittableRandom rng, Predicate<A> excluded) {
    SearchSpace<A> space = truth.space();
    List<A> candidates = truth.archs();
    SeededShuffle.shuffle(candidates, rng);
    List<A> chosen = new ArrayList<>();
    List<Double> scores = new ArrayList<>();
    Set<String> classes = new HashSet<>();
    for (A a : candidates) {
      if (size > 0 && chosen.size() == size) {
        break;
      }
      if (space.isTrainable(a) && !excluded.test(a) && classes.add(space.canonicalKey(a))) {
        chosen.add(a);
        scores.add(truth.score(a).getAsDouble());
      }
    }
    if (size > 0 && chosen.size() < size) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "evaluation pool: %s has only %d eligible architectures (connected, not landmarks,"
              + " pairwise non-equivalent), %d requested", truth.source(), chosen.size(), size));
    }
    if (chosen.size() < 2) {
      // a ranking of fewer than two is no ranking: the run would train, then score NaN
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "evaluation pool: %s has %d eligible architecture(s) (connected, not landmarks,"
              + " pairwise non-equivalent); ranking needs at least 2", truth.source(),
          chosen.size()));
    }
    return new EvaluationPool<>(space, chosen, scores);
  }

  public int size() {
    return archs.size();
  }

  /** Ground-truth scores as an array, in pool order. */
  public double[] groundTruthArray() {
    return groundTruth.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
