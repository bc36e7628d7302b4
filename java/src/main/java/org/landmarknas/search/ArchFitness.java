package org.landmarknas.search;

import org.landmarknas.space.Nb201Arch;

/**
 * What a search maximises: a number per architecture, higher is better (a super-net's accuracy,
 * a benchmark table's accuracy, a predictor's score). Strategies call it once per evaluation and
 * count every call against their budget, so an implementation may memoise, log or report
 * progress; it must not return NaN.
 */
@FunctionalInterface
public interface ArchFitness {

  /** The fitness of {@code arch}; higher is better, never NaN. */
  double fitness(Nb201Arch arch);
}
