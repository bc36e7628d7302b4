package org.landmarknas.search;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Search within a table: every architecture of a fixed list is evaluated once, in list order,
 * and the best kept. This is how a super-net is judged on a benchmark that knows the stand-alone
 * accuracy of only some architectures (the Fashion-MNIST mini-benchmark): an architecture found
 * outside the table could not be scored, so the search runs over the table, and the best rank
 * is the rank within it. With a few hundred entries the search is exact and costs as many
 * evaluations as an evolution with that budget.
 */
public final class TableSearch<A> implements SearchStrategy<A> {

  private final List<A> candidates;

  /**
   * Search over {@code candidates} (at least one).
   *
   * @throws IllegalArgumentException if the list is empty
   */
  public TableSearch(List<A> candidates) {
    Objects.requireNonNull(candidates, "candidates");
    if (candidates.isEmpty()) {
      throw new IllegalArgumentException("table search needs at least one architecture, got 0");
    }
    this.candidates = List.copyOf(candidates);
  }

  @Override
  public SearchResult<A> search(ArchFitness<A> fitness, SplittableRandom rng) {
    EvaluationLog<A> log = new EvaluationLog<>(fitness);
    for (A a : candidates) {
      log.evaluate(a);
    }
    return log.result(name());
  }

  @Override
  public String name() {
    return "table-search";
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%s[%d candidates]", name(), candidates.size());
  }
}
