package org.landmarknas.search;


/**
 * What a search maximises: a number per architecture, higher is better (a super-net's accuracy,
 * a benchmark table's accuracy, a predictor's score). Strategies call it once per evaluation and
 * count every call against their budget, so an implementation may memoise, log or report
 * progress; it must not return NaN.
 *
 * @param <A> the architecture type of the search space
 */
@FunctionalInterface
public interface ArchFitness<A> {

  /** The fitness of {@code arch}; higher is better, never NaN. */
  double fitness(A arch);
}
