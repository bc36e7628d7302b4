package org.landmarknas.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.knowm.xchart.XYChart;
import org.landmarknas.run.AtomicFile;

/**
 * Writes the report of a set of runs into one directory:
 *
 * <ul>
 *   <li>{@value #REPORT_JSON}: per-run numbers, per-group aggregates, plots and notes;
 *   <li>{@value #TABLE_MD}: one row per group, the paired comparison of the arms against a
 *       baseline arm, with the formulas;
 *   <li>{@value #SKDT_PNG}: S-KdT vs epoch, a line per run that logged S-KdT;
 *   <li>{@value #TRAIN_LOSS_PNG}: training loss vs epoch, a line per run;
 *   <li>{@code scatter_<run>.png} per run with a pool: super-net vs ground-truth accuracy;
 *   <li>{@code lambda_<run>.png} per run that logged λ: λ and the landmark loss vs epoch.
 * </ul>
 *
 * <p>A plot without data is skipped, with a note in the output and in {@code report.json}.
 * Existing files of the same names are replaced.
 */
public final class ReportWriter {

  /** File name of the machine-readable report. */
  public static final String REPORT_JSON = "report.json";
  /** File name of the Markdown table. */
  public static final String TABLE_MD = "table.md";
  /** File name of the S-KdT vs epoch plot. */
  public static final String SKDT_PNG = "skdt_vs_epoch.png";
  /** File name of the per-group mean S-KdT vs epoch plot (when a group has several runs). */
  public static final String SKDT_MEAN_PNG = "skdt_vs_epoch_mean.png";
  /** File name of the training-loss plot. */
  public static final String TRAIN_LOSS_PNG = "train_loss.png";

  private ReportWriter() {}

  /**
   * Summarises {@code runs}, groups them and writes every report file into {@code outDir}
   * (created if missing).
   *
   * @param runs the runs, in the order they should appear
   * @param grouping how table rows group runs
   * @param outDir the report directory
   * @param generatedAt the time stamp written into {@code report.json}
   * @throws IllegalArgumentException when {@code runs} is empty or {@code outDir} cannot be
   *     created
   * @throws UncheckedIOException when a file cannot be written
   */
  public static ReportOutput write(List<RunRecord> runs, Grouping grouping, Path outDir,
      Instant generatedAt) {
    return write(runs, grouping, outDir, generatedAt, Optional.empty());
  }

  /**
   * As {@link #write(List, Grouping, Path, Instant)}, for runs {@link Regrounding re-grounded}
   * against {@code groundTruth} (named in table.md and report.json).
   */
  public static ReportOutput write(List<RunRecord> runs, Grouping grouping, Path outDir,
      Instant generatedAt, Optional<String> groundTruth) {
    return write(runs, grouping, outDir, generatedAt, groundTruth, Optional.empty());
  }

  /**
   * As {@link #write(List, Grouping, Path, Instant, Optional)}, with the arms' paired comparison
   * against {@code baseline} (a group name) instead of the first group. A baseline without runs
   * is no error: the section says so, as it does for an experiment whose first arm has not
   * finished a run yet.
   */
  public static ReportOutput write(List<RunRecord> runs, Grouping grouping, Path outDir,
      Instant generatedAt, Optional<String> groundTruth, Optional<String> baseline) {
    if (runs.isEmpty()) {
      throw new IllegalArgumentException("a report needs at least one run");
    }
    ReportCharts.ensureHeadless();
    try {
      Files.createDirectories(outDir);
    } catch (IOException e) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "cannot create report directory %s (%s)", outDir, e.getMessage()), e);
    }
    List<RunSummary> summaries = summarise(runs, grouping);
    List<GroupSummary> groups = group(summaries);
    // from the runs as given: re-grounded runs compare their re-grounded final S-KdT
    BaselineComparisons paired = BaselineComparisons.of(groups, grouping, baseline);
    List<Path> files = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    List<String> plots = new ArrayList<>();
    Map<String, Map<String, String>> runPlots = new LinkedHashMap<>();

    if (!plot(ReportCharts.skdtVsEpoch(summaries), outDir, SKDT_PNG, files, plots)) {
      notes.add("no run logged skdt in metrics.jsonl (no evaluation pool); " + SKDT_PNG
          + " not written");
    }
    plot(ReportCharts.skdtVsEpochByGroup(groups), outDir, SKDT_MEAN_PNG, files, plots);
    if (!plot(ReportCharts.trainLoss(summaries), outDir, TRAIN_LOSS_PNG, files, plots)) {
      notes.add("no run logged train_loss in metrics.jsonl; " + TRAIN_LOSS_PNG + " not written");
    }
    for (RunSummary s : summaries) {
      runPlots.put(s.id(), plotRun(s, outDir, files, plots, notes));
    }

    Path table = outDir.resolve(TABLE_MD);
    PoolBaselines baselines = PoolBaselines.of(summaries);
    Optional<BaselineGaps> gaps = BaselineGaps.of(groups, baselines, "parameters");
    writeText(table, ReportTable.markdown(groups, grouping, groundTruth, paired)
        + baselines.markdown() + gaps.map(BaselineGaps::markdown).orElse(""));
    files.add(table);
    Path json = outDir.resolve(REPORT_JSON);
    Map<String, Object> report = ReportJson.of(generatedAt, grouping, groundTruth, summaries,
        runPlots, groups, paired, plots, notes);
    if (!baselines.rankings().isEmpty() || !baselines.notes().isEmpty()) {
      Map<String, Object> b = baselines.toMap();
      gaps.ifPresent(g -> b.put("beside", g.toMap()));
      report.put("baselines", b);
    }
    writeText(json, toJson(report));
    files.add(json);
    return new ReportOutput(outDir, files, notes);
  }

  /**
   * The per-run summaries with unique ids and legend labels. Ids come from the directory name
   * (made file-name safe; a {@code -2} suffix on a clash); labels are {@code name (seed s)},
   * with the directory name added on a clash.
   */
  static List<RunSummary> summarise(List<RunRecord> runs, Grouping grouping) {
    Set<String> ids = new HashSet<>();
    Set<String> labels = new HashSet<>();
    List<RunSummary> out = new ArrayList<>();
    for (RunRecord r : runs) {
      String dirName = String.valueOf(r.dir().toAbsolutePath().normalize().getFileName());
      String id = unique(dirName.replaceAll("[^A-Za-z0-9._-]", "_"), "-", ids);
      String base = r.name() + (r.seed().isPresent() ? " (seed " + r.seed().getAsLong() + ")" : "");
      String label = labels.contains(base) ? unique(base + " [" + dirName + "]", " #", labels)
          : unique(base, " #", labels);
      String group = grouping == Grouping.NAME ? r.name() : label;
      out.add(RunSummary.of(r, id, label, group));
    }
    return out;
  }

  /** Groups in order of first appearance. */
  static List<GroupSummary> group(List<RunSummary> runs) {
    Map<String, List<RunSummary>> byGroup = new LinkedHashMap<>();
    for (RunSummary r : runs) {
      byGroup.computeIfAbsent(r.group(), g -> new ArrayList<>()).add(r);
    }
    List<GroupSummary> groups = new ArrayList<>();
    byGroup.forEach((g, rs) -> groups.add(GroupSummary.of(g, rs)));
    return groups;
  }

  private static String unique(String base, String sep, Set<String> taken) {
    String candidate = base;
    for (int i = 2; taken.contains(candidate); i++) {
      candidate = base + sep + i;
    }
    taken.add(candidate);
    return candidate;
  }

  /**
   * One run's plots (scatter, λ, sampling policy): their file names by kind, and a note for each
   * one the run has no data for.
   */
  private static Map<String, String> plotRun(RunSummary s, Path outDir, List<Path> files,
      List<String> plots, List<String> notes) {
    Map<String, String> mine = new LinkedHashMap<>();
    if (!s.run().finished()) {
      notes.add("run " + s.label() + ": no result.json (interrupted or still running);"
          + " only its metrics.jsonl is reported");
    }
    String scatter = "scatter_" + s.id() + ".png";
    if (plot(ReportCharts.scatter(s), outDir, scatter, files, plots)) {
      mine.put("scatter", scatter);
    } else {
      notes.add("run " + s.label() + ": no evaluation pool; scatter plot skipped");
    }
    String lambda = "lambda_" + s.id() + ".png";
    if (plot(ReportCharts.lambda(s), outDir, lambda, files, plots)) {
      mine.put("lambda", lambda);
    } else {
      notes.add("run " + s.label() + ": no lambda in metrics.jsonl (no landmark"
          + " regularization); lambda plot skipped");
    }
    String policy = "policy_" + s.id() + ".png";
    if (plot(ReportCharts.policy(s), outDir, policy, files, plots)) {
      mine.put("policy", policy);
    }
    if (!s.run().hasSkdtCurve() && s.finalSkdt().isEmpty()) {
      notes.add("run " + s.label() + ": no S-KdT anywhere; its table cells read n/a");
    }
    return mine;
  }

  /** Writes the chart if there is one; whether it was written. */
  private static boolean plot(Optional<XYChart> chart, Path dir, String name, List<Path> files,
      List<String> plots) {
    if (chart.isEmpty()) {
      return false;
    }
    Path file = dir.resolve(name);
    ReportCharts.write(chart.get(), file);
    files.add(file);
    plots.add(name);
    return true;
  }

  private static String toJson(Map<String, Object> json) {
    try {
      return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(json) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("report.json cannot be written: " + e.getOriginalMessage(),
          e);
    }
  }

  private static void writeText(Path file, String text) {
    try {
      AtomicFile.write(file, text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(String.format(Locale.ROOT, "cannot write %s (%s)", file,
          e.getMessage()), e);
    }
  }
}
