/**
 * Ranking metrics: how well one score (a super-net's accuracy, a predictor's output) orders
 * architectures compared with their stand-alone accuracy. Plain Java on {@code double[]}, element
 * i of each array describing architecture i; nothing here touches libtorch.
 *
 * <ul>
 *   <li>{@link org.landmarknas.metric.KendallTau} - Kendall's tau-b in O(n log n) (Knight 1966);
 *   <li>{@link org.landmarknas.metric.SparseKendallTau} - the landmark paper's S-KdT: tau-b after
 *       binning accuracies into 0.1 % steps; the only scale-dependent metric, hence
 *       {@link org.landmarknas.metric.AccuracyUnit} (percent by default);
 *   <li>{@link org.landmarknas.metric.SpearmanRho} - Spearman's rho with average ranks for ties;
 *   <li>{@link org.landmarknas.metric.TopKQuality} - precision@k and where the predicted top-k
 *       really rank;
 *   <li>{@link org.landmarknas.metric.RankingReport} - all of the above for one pool, with a
 *       {@code toMap()} for JSON.
 * </ul>
 *
 * <p>Conventions: higher is better for both inputs; a correlation that is undefined (fewer than
 * two architectures, a constant input) is {@code NaN}, not 0 - except that S-KdT, following the
 * reference, is defined for a constant predictor (its class Javadoc says why and what to check);
 * a NaN input or a length mismatch is an {@link java.lang.IllegalArgumentException}.
 */
package org.landmarknas.metric;
