package org.landmarknas.search;

import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;
import org.landmarknas.space.SearchSpace;

/**
 * The baseline: {@code budget} architectures drawn uniformly (with replacement, so a repeat is
 * evaluated again and counts against the budget, as in aging evolution), the best one kept.
 */
public final class RandomSearch<A> implements SearchStrategy<A> {

  /** The default budget, equal to aging evolution's. */
  public static final int DEFAULT_BUDGET = 1000;

  private final SearchSpace<A> space;
  private final int budget;

  /** Random search of {@code space} with {@link #DEFAULT_BUDGET} evaluations. */
  public RandomSearch(SearchSpace<A> space) {
    this(space, DEFAULT_BUDGET);
  }

  /** Random search of {@code space} with {@code budget} evaluations, at least 1. */
  public RandomSearch(SearchSpace<A> space, int budget) {
    this.space = Objects.requireNonNull(space, "space");
    if (budget < 1) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "random search budget %d is below 1 (expected a number of evaluations >= 1)", budget));
    }
    this.budget = budget;
  }

  /** The number of evaluations per search. */
  public int budget() {
    return budget;
  }

  @Override
  public SearchResult<A> search(ArchFitness<A> fitness, SplittableRandom rng) {
    Objects.requireNonNull(rng, "rng");
    EvaluationLog<A> log = new EvaluationLog<>(fitness);
    while (log.count() < budget) {
      log.evaluate(space.sample(rng));
    }
    return log.result(name());
  }

  @Override
  public String name() {
    return "random-search";
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%s[budget=%d]", name(), budget);
  }
}
