package org.landmarknas.search;

import java.util.SplittableRandom;

/**
 * A way to search the NAS-Bench-201 space for architectures of high {@link ArchFitness}. Each
 * call is independent and deterministic given the fitness and the random stream; strategies are
 * immutable and may be shared.
 *
 * @param <A> the architecture type of the space searched
 */
public interface SearchStrategy<A> {

  /**
   * Runs one search.
   *
   * @param fitness what to maximise; called once per evaluation, in the history's order
   * @param rng the only source of randomness
   */
  SearchResult<A> search(ArchFitness<A> fitness, SplittableRandom rng);

  /** A short kebab-case name for configs and reports, e.g. {@code aging-evolution}. */
  String name();
}
