/**
 * Tabular benchmarks: published stand-alone results looked up by architecture, the ground truth
 * that landmark sets and ranking metrics are built from. Plain Java; nothing here touches libtorch.
 *
 * <p>{@link org.landmarknas.bench.Nb201Table} reads a NAS-Bench-201 table
 * ({@code index,arch_str,valid_accuracy,test_accuracy}) from a path the caller passes, checks it
 * line by line, and maps both ways between the benchmark's row index and
 * {@link org.landmarknas.space.Nb201Arch}. The benchmark index and {@code Nb201Arch.code()} are
 * different numberings; only this package relates them.
 *
 * <p>{@link org.landmarknas.bench.NasLibSample} reads NASLib's zero-cost samples of
 * NAS-Bench-101 ({@code zc_nasbench101.json}) and NAS-Bench-301 (DARTS, {@code
 * zc_nasbench301.json}): validation accuracies as a ground truth, and the zero-cost proxies
 * that {@link org.landmarknas.bench.ProxyBaselines} ranks an evaluation pool by, beside the
 * parameter-count, MAC and random rankings of {@link org.landmarknas.bench.BaselineRanking}.
 *
 * <p>{@link org.landmarknas.bench.ArchScoreCsv} is the {@code arch,score} format of ground-truth,
 * evaluation-pool and landmark files: one reader and writer, one set of rules for headers,
 * decimals, ranges and repeats.
 */
package org.landmarknas.bench;
