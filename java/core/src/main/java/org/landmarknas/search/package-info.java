/**
 * Searching the NAS-Bench-201 space for architectures of high fitness. Pure Java: a fitness is a
 * plain number per architecture, whether it comes from a trained super-net (scores copied out of
 * tensors as {@link org.landmarknas.search.ArchScore}), a benchmark table or a predictor.
 *
 * <ul>
 *   <li>{@link org.landmarknas.search.ArchFitness} - what is maximised, higher is better;
 *   <li>{@link org.landmarknas.search.SearchStrategy} produces a
 *       {@link org.landmarknas.search.SearchResult}: every {@link org.landmarknas.search.Evaluated}
 *       architecture in evaluation order, the best ever evaluated, and {@code top(k)};
 *   <li>strategies: {@link org.landmarknas.search.AgingEvolution} (Real et al. 2019, the landmark
 *       paper's search: population 50, tournament 10, single-edge mutation, 1000 evaluations),
 *       {@link org.landmarknas.search.SposEvolution} (SPOS/megvii/NNI: top-10 selection, 25
 *       mutations and 25 crossovers per round, 20 rounds, no architecture evaluated twice), and
 *       {@link org.landmarknas.search.RandomSearch}, the baseline.
 * </ul>
 *
 * <p>All randomness comes from the {@link java.util.SplittableRandom} passed to
 * {@code search}; the same fitness and seed give the same history. To watch progress or cache
 * an expensive fitness, wrap the {@code ArchFitness}: strategies call it exactly once per
 * evaluation, in history order.
 */
package org.landmarknas.search;
