/**
 * JMH benchmarks of the native kernels ({@code org.landmarknas.nativekernels}) against the
 * engine's pure-Java references and, for the ranking loss, a libtorch composition:
 *
 * <ul>
 *   <li>{@link org.landmarknas.benchmarks.RankingLossBenchmark}: landmark ranking loss and
 *       gradient, M = 30 and 1000, all pairs and sampled pairs;
 *   <li>{@link org.landmarknas.benchmarks.SparseKendallTauBenchmark}: S-KdT and tau-b, n = 200
 *       and 100,000;
 *   <li>{@link org.landmarknas.benchmarks.BatchAugmentationBenchmark}: an augmented batch of 256,
 *       1x28x28 and 3x32x32.
 * </ul>
 *
 * <p>Each checks in {@code @Setup} that the forms it compares give the same result. {@code
 * benchmarks/run.sh} runs them with short settings; {@code benchmarks/README.md} holds the
 * figures.
 */
package org.landmarknas.benchmarks;
