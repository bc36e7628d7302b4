/**
 * Reports on finished runs: tables and plots like the landmark paper's Figure 1 (super-net vs
 * stand-alone accuracy), Figure 3 (S-KdT vs epoch, runs overlaid) and Table 1.
 *
 * <p>{@link org.landmarknas.report.RunRecord#load} reads one run directory ({@code config.yaml},
 * {@code metrics.jsonl}, {@code result.json}) into typed values, tolerating what a run did not
 * write: no pool means an empty {@code pool()}, no search an empty {@code search()}, an
 * interrupted run without {@code result.json} still has its epochs. A malformed file is an
 * {@code IllegalArgumentException} naming the file and the key or line. {@link
 * org.landmarknas.report.ReportWriter#write} turns a list of runs into a report directory:
 *
 * <pre>{@code
 * List<RunRecord> runs = new ArrayList<>();
 * for (Path dir : RunRecord.discover(Path.of("runs"))) {   // every run directory in runs/
 *   runs.add(RunRecord.load(dir));
 * }
 * ReportOutput out = ReportWriter.write(runs, Grouping.NAME, Path.of("report"), Instant.now());
 * out.files().forEach(System.out::println);   // report.json, table.md, *.png
 * out.notes().forEach(System.out::println);   // what was skipped, e.g. a run without a pool
 * }</pre>
 *
 * <p>Formulas (also written under the table in {@code table.md}):
 *
 * <ul>
 *   <li>final S-KdT of a run: {@code ranking.skdt} of {@code result.json}, else the last
 *       {@code skdt} of {@code metrics.jsonl}; best S-KdT: the largest of both;
 *   <li>per group ({@link org.landmarknas.report.Grouping#NAME}: same {@code
 *       provenance.config.name}, i.e. the seeds of one configuration): mean and sample standard
 *       deviation (n − 1) of the final S-KdT, see {@link org.landmarknas.report.MeanStd};
 *   <li>mean GT accuracy of found architectures: the mean over runs of each run's mean {@code
 *       search.top[].ground_truth}; best GT accuracy and best rank: max and min over all runs;
 *   <li>cost: the sum over runs of {@code cost.cpu_seconds / 3600} (CPU-hours);
 *   <li>paired comparison ({@link org.landmarknas.report.BaselineComparisons}): each arm's final
 *       S-KdT minus the baseline arm's, paired by seed; mean ± sd, t interval, paired t test,
 *       Wilcoxon signed-rank test and a seeded bootstrap interval of the mean difference
 *       ({@link org.landmarknas.report.PairedStatistics}, Apache Commons Math 3).
 * </ul>
 *
 * <p>Plots are drawn with XChart in headless AWT mode and written as PNG.
 */
package org.landmarknas.report;
