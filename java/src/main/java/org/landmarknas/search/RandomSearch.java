package org.landmarknas.search;

import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;
import org.landmarknas.space.Nb201Space;

/**
 * The baseline: {@code budget} architectures drawn uniformly (with replacement, so a repeat is
 * evaluated again and counts against the budget, as in aging evolution), the best one kept.
 */
public final class RandomSearch implements SearchStrategy {

  /** The default budget, equal to aging evolution's. */
  public static final int DEFAULT_BUDGET = 1000;

  private final int budget;

  /** Random search with {@link #DEFAULT_BUDGET} evaluations. */
  public RandomSearch() {
    this(DEFAULT_BUDGET);
  }

  /** Random search with {@code budget} evaluations, at least 1. */
  public RandomSearch(int budget) {
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
  public SearchResult search(ArchFitness fitness, SplittableRandom rng) {
    Objects.requireNonNull(rng, "rng");
    EvaluationLog log = new EvaluationLog(fitness);
    while (log.count() < budget) {
      log.evaluate(Nb201Space.INSTANCE.sample(rng));
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
