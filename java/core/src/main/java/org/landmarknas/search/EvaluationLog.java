package org.landmarknas.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The running record of one search: calls the fitness and keeps every evaluation in order, so
 * that each strategy counts its budget and builds its result the same way. Single use.
 */
final class EvaluationLog<A> {

  private final ArchFitness<A> fitness;
  private final List<Evaluated<A>> history = new ArrayList<>();

  EvaluationLog(ArchFitness<A> fitness) {
    this.fitness = Objects.requireNonNull(fitness, "fitness");
  }

  /** Evaluates {@code arch} once and records it. */
  Evaluated<A> evaluate(A arch) {
    Evaluated<A> e = new Evaluated<>(arch, fitness.fitness(arch));
    history.add(e);
    return e;
  }

  /** Evaluations so far. */
  int count() {
    return history.size();
  }

  /** The result of everything evaluated so far. */
  SearchResult<A> result(String strategy) {
    return new SearchResult<>(strategy, history);
  }
}
