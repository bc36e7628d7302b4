package org.landmarknas.report;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * {@code table.md}: the landmark paper's Table 1 for the runs at hand, one row per group, the
 * paired comparison of the arms ({@link PairedComparisonTable}), then the formulas behind each
 * column and the runs of each group. Missing values read "n/a"; an
 * aggregate over fewer runs than the group has says so, e.g. "(2 of 3 runs)".
 */
final class ReportTable {

  static final String HEADER = "| group | runs | S-KdT mean ± std (final)"
      + " | mean GT acc of found archs (%) | best GT acc found (%) | best rank"
      + " | cost (CPU-hours) |";
  private static final String NA = "n/a";

  private ReportTable() {}

  static String markdown(List<GroupSummary> groups, Grouping grouping,
      Optional<String> groundTruth, BaselineComparisons paired) {
    StringBuilder md = new StringBuilder();
    md.append("# Run report\n\n");
    groundTruth.ifPresent(g -> md.append("Ground truth: `").append(g).append("`, replacing each"
        + " run's own: every S-KdT below, the found architectures' accuracy and their rank are"
        + " recomputed from the super-net scores the runs kept (`result.json`, `pool-epoch-NNNN"
        + ".json`).\n\n"));
    md.append(grouping == Grouping.NAME
        ? "One row per run name (`provenance.config.name`); the runs of a row are its seeds.\n\n"
        : "One row per run.\n\n");
    md.append(HEADER).append('\n');
    md.append("|---|---:|---:|---:|---:|---:|---:|\n");
    for (GroupSummary g : groups) {
      int n = g.runs().size();
      md.append("| ").append(escape(g.group()))
          .append(" | ").append(n)
          .append(" | ").append(g.finalSkdt().map(m -> meanStd(m, n)).orElse(NA))
          .append(" | ").append(g.meanFoundGroundTruth()
              .map(m -> String.format(Locale.ROOT, "%.2f", m.mean()) + partial(m.n(), n))
              .orElse(NA))
          .append(" | ").append(g.bestFound()
              .map(f -> String.format(Locale.ROOT, "%.2f", f.groundTruth().getAsDouble()))
              .orElse(NA))
          .append(" | ").append(g.bestRanked().map(ReportTable::rank).orElse(NA))
          .append(" | ").append(hours(g.cpuHours(), g.cpuHoursRuns(), n))
          .append(" |\n");
    }
    PairedComparisonTable.markdown(md, paired);
    skdtByEpoch(md, groups);
    md.append("\n## Formulas\n\n");
    md.append("Each aggregate is over the runs of the group that have the value; \"(k of n runs)\""
        + " marks an aggregate over fewer than all runs, \"n/a\" one over none.\n\n");
    md.append("- **S-KdT (final)** of a run: `ranking.skdt` of `result.json` (the pool scored"
        + " after training), else the last `skdt` in `metrics.jsonl`. Over the k runs:"
        + " mean = Σ sᵢ / k, std = √(Σ (sᵢ − mean)² / (k − 1)) (sample std);"
        + " a single run shows ± 0.000 (1 run).\n");
    md.append("- **mean GT acc of found archs**: for each run, the mean of"
        + " `search.top[].ground_truth` (%) over the architectures that have one; then the mean"
        + " of those per-run means over the runs.\n");
    md.append("- **best GT acc found**: the largest `search.top[].ground_truth` (%) of any run of"
        + " the group.\n");
    md.append("- **best rank**: the smallest `search.top[].ground_truth_rank` of any run"
        + " (1 = best architecture of the ground-truth source), shown as rank / "
        + "`ground_truth_total`.\n");
    md.append("- **cost**: Σ over runs of `cost.cpu_seconds` / 3600 (CPU time of all threads,"
        + " not wall-clock time).\n");
    latency(md, groups);
    md.append("\n## Runs\n\n");
    for (GroupSummary g : groups) {
      md.append("- ").append(escape(g.group())).append(": ")
          .append(g.runs().stream().map(r -> "`" + r.run().dir() + "`"
              + (r.run().seed().isPresent() ? " (seed " + r.run().seed().getAsLong() + ")" : ""))
              .collect(Collectors.joining(", ")))
          .append('\n');
    }
    return md.toString();
  }

  /**
   * S-KdT at each evaluated epoch, mean ± sample std over the runs of each group ({@link
   * SkdtCurve}: only epochs every run of the group logged), one column per epoch.
   */
  private static void skdtByEpoch(StringBuilder md, List<GroupSummary> groups) {
    java.util.TreeSet<Integer> epochs = new java.util.TreeSet<>();
    java.util.Map<String, java.util.Map<Integer, double[]>> cells =
        new java.util.LinkedHashMap<>();
    for (GroupSummary g : groups) {
      java.util.Map<Integer, double[]> row = new java.util.HashMap<>();
      for (double[] point : SkdtCurve.of(g)) {
        epochs.add((int) point[0]);
        row.put((int) point[0], point);
      }
      cells.put(g.group(), row);
    }
    if (epochs.isEmpty()) {
      return;
    }
    md.append("\n## S-KdT by epoch\n\n");
    md.append("Mean ± sample std over the runs of each group, at the epochs where every run of"
        + " the group scored the pool (plot: `skdt_vs_epoch_mean.png` when a group has several"
        + " runs).\n\n");
    md.append("| group |");
    epochs.forEach(e -> md.append(' ').append(e).append(" |"));
    md.append("\n|---|");
    epochs.forEach(e -> md.append("---:|"));
    md.append('\n');
    for (GroupSummary g : groups) {
      md.append("| ").append(escape(g.group())).append(" |");
      java.util.Map<Integer, double[]> row = cells.get(g.group());
      for (int e : epochs) {
        double[] point = row.get(e);
        md.append(' ').append(point == null ? NA : g.runs().size() == 1
            ? String.format(Locale.ROOT, "%.3f", point[1])
            : String.format(Locale.ROOT, "%.3f ± %.3f", point[1], point[2])).append(" |");
      }
      md.append('\n');
    }
  }

  /**
   * Training-step latency per run, from the per-epoch HdrHistogram figures of
   * {@code metrics.jsonl}: the median over epochs of each epoch's p50 and p90, and the largest
   * p99 and maximum of any epoch (a tail that shows once, e.g. a GC pause or a page-in, stays
   * visible).
   */
  private static void latency(StringBuilder md, List<GroupSummary> groups) {
    List<String> rows = new java.util.ArrayList<>();
    for (GroupSummary g : groups) {
      for (RunSummary r : g.runs()) {
        List<EpochMetrics> epochs = r.run().epochs();
        double[] p50 = column(epochs, "step_ms_p50");
        if (p50.length == 0) {
          continue;
        }
        double[] stepsPerSecond = column(epochs, "steps_per_s");
        rows.add(String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %.1f | %.2f |",
            escape(r.label()), p50.length, median(p50), median(column(epochs, "step_ms_p90")),
            max(column(epochs, "step_ms_p99")), max(column(epochs, "step_ms_max")),
            java.util.Arrays.stream(stepsPerSecond).average().orElse(Double.NaN)));
      }
    }
    if (rows.isEmpty()) {
      return;
    }
    md.append("\n## Training-step latency (ms)\n\n");
    md.append("Per run, from `step_ms_*` of `metrics.jsonl` (HdrHistogram of every step of an"
        + " epoch): p50 and p90 are medians over the epochs, p99 and max the largest of any"
        + " epoch; steps/s is the mean over the epochs.\n\n");
    md.append("| run | epochs | p50 | p90 | p99 | max | steps/s |\n");
    md.append("|---|---:|---:|---:|---:|---:|---:|\n");
    rows.forEach(row -> md.append(row).append('\n'));
  }

  private static double[] column(List<EpochMetrics> epochs, String key) {
    return epochs.stream().map(e -> e.value(key)).filter(java.util.OptionalDouble::isPresent)
        .mapToDouble(java.util.OptionalDouble::getAsDouble).toArray();
  }

  private static double median(double[] v) {
    if (v.length == 0) {
      return Double.NaN;
    }
    double[] s = v.clone();
    java.util.Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }

  private static double max(double[] v) {
    return java.util.Arrays.stream(v).max().orElse(Double.NaN);
  }

  /** {@code 0.512 ± 0.034}, with the run count when it is 1 or short of the group. */
  static String meanStd(MeanStd m, int groupRuns) {
    String base = String.format(Locale.ROOT, "%.3f ± %.3f", m.mean(), m.std());
    if (m.n() == groupRuns) {
      return m.n() == 1 ? base + " (1 run)" : base;
    }
    return base + partial(m.n(), groupRuns);
  }

  private static String partial(int have, int of) {
    return have == of ? "" : String.format(Locale.ROOT, " (%d of %d runs)", have, of);
  }

  private static String rank(SearchSummary.Found f) {
    int rank = f.groundTruthRank().getAsInt();
    return f.groundTruthTotal().isPresent()
        ? String.format(Locale.ROOT, "%d / %d", rank, f.groundTruthTotal().getAsInt())
        : Integer.toString(rank);
  }

  private static String hours(OptionalDouble sum, int have, int of) {
    if (sum.isEmpty()) {
      return NA;
    }
    return String.format(Locale.ROOT, "%.3f", sum.getAsDouble()) + partial(have, of);
  }

  /** Keeps a group name from breaking the table. */
  private static String escape(String s) {
    return s.replace("|", "\\|").replace("\n", " ");
  }
}
