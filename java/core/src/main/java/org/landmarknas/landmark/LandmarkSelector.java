package org.landmarknas.landmark;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/**
 * Chooses architectures to become landmarks (their stand-alone scores are looked up or trained
 * afterwards). Every implementation returns exactly {@code m} trainable architectures, no two of
 * them equivalent ({@link org.landmarknas.space.SearchSpace#canonicalKey}), each
 * accepted by {@code allowed}; or it throws {@link IllegalArgumentException} saying why it cannot.
 *
 * @param <A> the architecture type of the space
 */
@FunctionalInterface
public interface LandmarkSelector<A> {

  /**
   * Picks {@code m >= 0} architectures.
   *
   * @param m how many
   * @param rng the source of randomness; deterministic selectors ignore it
   * @param allowed which architectures may be picked, e.g. {@code current.excluded().negate()}
   * @throws IllegalArgumentException if {@code m} is negative or {@code m} acceptable
   *     architectures cannot be found
   */
  List<A> select(int m, SplittableRandom rng, Predicate<A> allowed);
}
