package org.landmarknas.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * What a {@link SearchStrategy} produced: every evaluation it made, in order. The best
 * architecture is the best ever evaluated (not only the best of a final population), ties going
 * to the earliest.
 *
 * @param strategy the strategy's {@link SearchStrategy#name()}
 * @param history every evaluation in call order; not empty; an architecture may appear more than
 *     once when the strategy re-evaluates
 * @param <A> the architecture type
 */
public record SearchResult<A>(String strategy, List<Evaluated<A>> history) {

  /** Copies the history and rejects an empty one. */
  public SearchResult {
    Objects.requireNonNull(strategy, "strategy");
    history = List.copyOf(history);
    if (history.isEmpty()) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "search result of %s has no evaluations (expected at least one)", strategy));
    }
  }

  /** Number of fitness evaluations, i.e. the history's length. */
  public int evaluations() {
    return history.size();
  }

  /** The earliest evaluation with the highest fitness. */
  public Evaluated<A> bestEvaluated() {
    Evaluated<A> best = history.get(0);
    for (Evaluated<A> e : history) {
      if (e.fitness() > best.fitness()) {
        best = e;
      }
    }
    return best;
  }

  /** The best architecture evaluated. */
  public A best() {
    return bestEvaluated().arch();
  }

  /** The fitness of {@link #best()}. */
  public double bestFitness() {
    return bestEvaluated().fitness();
  }

  /**
   * The {@code k} best distinct architectures, best first (fewer if the history has fewer).
   * An architecture evaluated more than once appears once, with its best fitness; equal
   * fitness keeps evaluation order.
   */
  public List<Evaluated<A>> top(int k) {
    if (k < 0) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "top(k): k = %d is negative (expected k >= 0)", k));
    }
    List<Evaluated<A>> sorted = new ArrayList<>(history);
    sorted.sort(Comparator.comparingDouble((Evaluated<A> e) -> e.fitness()).reversed()); // stable
    List<Evaluated<A>> top = new ArrayList<>(Math.min(k, sorted.size()));
    Set<A> seen = new HashSet<>();
    for (Evaluated<A> e : sorted) {
      if (top.size() == k) {
        break;
      }
      if (seen.add(e.arch())) {
        top.add(e);
      }
    }
    return List.copyOf(top);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%s: %d evaluations, best %s", strategy, evaluations(),
        bestEvaluated());
  }
}
