package org.landmarknas.landmark;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import org.landmarknas.space.Nb201Arch;

/**
 * Chooses architectures to become landmarks (their stand-alone scores are looked up or trained
 * afterwards). Every implementation returns exactly {@code m} connected architectures, no two of
 * them equivalent ({@link org.landmarknas.space.Nb201Space#canonicalKey(Nb201Arch)}), each
 * accepted by {@code allowed}; or it throws {@link IllegalArgumentException} saying why it cannot.
 */
@FunctionalInterface
public interface LandmarkSelector {

  /**
   * Picks {@code m >= 0} architectures.
   *
   * @param m how many
   * @param rng the source of randomness; deterministic selectors ignore it
   * @param allowed which architectures may be picked, e.g. {@code current.excluded().negate()}
   * @throws IllegalArgumentException if {@code m} is negative or {@code m} acceptable
   *     architectures cannot be found
   */
  List<Nb201Arch> select(int m, SplittableRandom rng, Predicate<Nb201Arch> allowed);
}
