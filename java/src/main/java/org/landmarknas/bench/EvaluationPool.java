package org.landmarknas.bench;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import org.landmarknas.space.Nb201Arch;
import org.landmarknas.space.Nb201Space;

/**
 * The architectures a run's ranking is measured on: fixed for the whole run, each with a known
 * stand-alone score, none of them a landmark, no two equivalent (equivalent cells would count the
 * same function twice).
 */
public record EvaluationPool(List<Nb201Arch> archs, List<Double> groundTruth) {

  public EvaluationPool {
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
  public Predicate<Nb201Arch> members() {
    Set<String> keys = new HashSet<>();
    for (Nb201Arch a : archs) {
      keys.add(Nb201Space.INSTANCE.canonicalKey(a));
    }
    return arch -> keys.contains(Nb201Space.INSTANCE.canonicalKey(arch));
  }

  /**
   * Draws {@code size} architectures (all eligible ones when size is 0) from {@code truth}:
   * connected, not {@code excluded}, distinct up to equivalence; order shuffled by {@code rng}.
   *
   * @throws IllegalArgumentException if fewer than {@code size} (or than 2) eligible
   *     architectures exist
   */
  public static EvaluationPool draw(GroundTruth truth, int size, SplittableRandom rng,
      Predicate<Nb201Arch> excluded) {
    List<Nb201Arch> candidates = truth.archs();
    for (int i = candidates.size() - 1; i > 0; i--) { // Fisher-Yates with the run's stream
      int j = rng.nextInt(i + 1);
      Nb201Arch t = candidates.get(i);
      candidates.set(i, candidates.get(j));
      candidates.set(j, t);
    }
    List<Nb201Arch> chosen = new ArrayList<>();
    List<Double> scores = new ArrayList<>();
    Set<String> classes = new HashSet<>();
    for (Nb201Arch a : candidates) {
      if (size > 0 && chosen.size() == size) {
        break;
      }
      if (a.isConnected() && !excluded.test(a)
          && classes.add(Nb201Space.INSTANCE.canonicalKey(a))) {
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
    return new EvaluationPool(chosen, scores);
  }

  public int size() {
    return archs.size();
  }

  /** Ground-truth scores as an array, in pool order. */
  public double[] groundTruthArray() {
    return groundTruth.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
