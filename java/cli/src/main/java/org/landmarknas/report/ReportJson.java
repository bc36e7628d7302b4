package org.landmarknas.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The content of {@code report.json}: the per-run numbers, the per-group aggregates (the table's
 * rows), the paired comparison of the arms, the plots written, and notes about what was skipped. Missing values are JSON
 * {@code null}, never NaN.
 */
final class ReportJson {

  /** Version of the {@code report.json} layout; bump it when keys change meaning. */
  static final int FORMAT_VERSION = 1;

  private ReportJson() {}

  static Map<String, Object> of(Instant generatedAt, Grouping grouping,
      Optional<String> groundTruth, List<RunSummary> runs,
      Map<String, Map<String, String>> runPlots, List<GroupSummary> groups,
      BaselineComparisons paired, List<String> plots, List<String> notes) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("format_version", FORMAT_VERSION);
    json.put("generated_at", generatedAt.toString());
    json.put("group_by", grouping.id());
    // null: each run's own ground truth; else the file every run was re-grounded against
    json.put("ground_truth", groundTruth.orElse(null));
    List<Object> runList = new ArrayList<>();
    for (RunSummary r : runs) {
      runList.add(run(r, runPlots.getOrDefault(r.id(), Map.of())));
    }
    json.put("runs", runList);
    List<Object> groupList = new ArrayList<>();
    for (GroupSummary g : groups) {
      groupList.add(group(g));
    }
    json.put("groups", groupList);
    json.put("paired", paired(paired));
    json.put("plots", List.copyOf(plots));
    json.put("notes", List.copyOf(notes));
    return json;
  }

  private static Map<String, Object> run(RunSummary s, Map<String, String> plots) {
    RunRecord r = s.run();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", s.id());
    m.put("dir", r.dir().toString());
    m.put("name", r.name());
    m.put("seed", value(r.seed()));
    m.put("group", s.group());
    m.put("dataset", r.dataset().orElse(null));
    m.put("finished", r.finished());
    m.put("epochs", r.epochs().size());
    m.put("final_train_loss", r.epochs().isEmpty() ? null
        : value(r.epochs().get(r.epochs().size() - 1).trainLoss()));
    m.put("final_skdt", value(s.finalSkdt()));
    m.put("best_skdt", value(s.bestSkdt()));
    m.put("best_skdt_epoch", value(s.bestSkdtEpoch()));
    m.put("pool_size", r.pool().size());
    m.put("ranking", r.ranking().map(k -> {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("skdt", value(k.skdt()));
      x.put("kdt", value(k.kdt()));
      x.put("spearman", value(k.spearman()));
      x.put("precision_at_k", value(k.precisionAtK()));
      x.put("k", value(k.k()));
      x.put("n", value(k.n()));
      return x;
    }).orElse(null));
    m.put("search", r.search().map(q -> {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("strategy", q.strategy().orElse(null));
      x.put("evaluations", value(q.evaluations()));
      x.put("found", q.top().size());
      x.put("mean_ground_truth", value(s.meanFoundGroundTruth()));
      x.put("best_ground_truth", s.bestFound().map(f -> f.groundTruth().getAsDouble())
          .orElse(null));
      x.put("best_ground_truth_arch", s.bestFound().map(SearchSummary.Found::arch).orElse(null));
      x.put("best_rank", best(s.bestRanked()));
      return x;
    }).orElse(null));
    m.put("cost", r.cost().map(c -> {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("train_seconds", value(c.trainSeconds()));
      x.put("cpu_seconds", value(c.cpuSeconds()));
      x.put("wall_seconds", value(c.wallSeconds()));
      x.put("cpu_hours", value(c.cpuHours()));
      return x;
    }).orElse(null));
    m.put("plots", new LinkedHashMap<>(plots));
    return m;
  }

  private static Map<String, Object> group(GroupSummary g) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("group", g.group());
    m.put("runs", g.runs().size());
    m.put("run_ids", g.runs().stream().map(RunSummary::id).toList());
    m.put("final_skdt", g.finalSkdt().map(ReportJson::meanStd).orElse(null));
    m.put("mean_found_ground_truth", g.meanFoundGroundTruth().map(ReportJson::meanStd)
        .orElse(null));
    m.put("best_ground_truth", g.bestFound().map(f -> f.groundTruth().getAsDouble())
        .orElse(null));
    m.put("best_rank", best(g.bestRanked()));
    Map<String, Object> cost = new LinkedHashMap<>();
    cost.put("cpu_hours", value(g.cpuHours()));
    cost.put("runs", g.cpuHoursRuns());
    m.put("cost", cost);
    return m;
  }

  /** The arms against the baseline: what table.md's "Paired comparison" section prints. */
  private static Map<String, Object> paired(BaselineComparisons paired) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("metric", "final_skdt");
    m.put("baseline", paired.baseline().orElse(null));
    m.put("unavailable", paired.unavailable().orElse(null));
    List<Object> list = new ArrayList<>();
    for (PairedComparison c : paired.comparisons()) {
      SeedPairing p = c.pairing();
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("arm", p.arm());
      x.put("baseline", p.baseline());
      x.put("n", p.seeds().size());
      x.put("seeds", p.seeds());
      x.put("arm_values", p.armValues());
      x.put("baseline_values", p.baselineValues());
      x.put("differences", java.util.Arrays.stream(p.differences()).boxed().toList());
      x.put("left_out", p.leftOut());
      x.put("unavailable", c.unavailable().orElse(null));
      x.put("statistics", c.statistics().map(ReportJson::statistics).orElse(null));
      list.add(x);
    }
    m.put("comparisons", list);
    return m;
  }

  private static Map<String, Object> statistics(PairedStatistics s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("mean_difference", s.meanDifference());
    m.put("sd_difference", s.sdDifference());
    m.put("ci95_t", interval(s.ciLow(), s.ciHigh()));
    m.put("t", value(s.t()));
    m.put("df", s.degreesOfFreedom());
    m.put("p_t", value(s.pT()));
    Map<String, Object> w = new LinkedHashMap<>();
    w.put("n_nonzero", s.wilcoxonN());
    w.put("exact", s.wilcoxonExact());
    w.put("p", value(s.pWilcoxon()));
    m.put("wilcoxon", w);
    Map<String, Object> sign = new LinkedHashMap<>();
    sign.put("n_nonzero", s.wilcoxonN());
    sign.put("positive", s.positive());
    sign.put("p", value(s.pSign()));
    m.put("sign", sign);
    Map<String, Object> b = interval(s.bootstrap().low(), s.bootstrap().high());
    b.put("resamples", s.bootstrap().resamples());
    b.put("seed", s.bootstrap().seed());
    m.put("bootstrap_ci95", b);
    m.put("notes", s.notes());
    return m;
  }

  private static Map<String, Object> interval(double low, double high) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("low", low);
    m.put("high", high);
    return m;
  }

  private static Map<String, Object> meanStd(MeanStd s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("n", s.n());
    m.put("mean", s.mean());
    m.put("std", s.std());
    return m;
  }

  private static Map<String, Object> best(Optional<SearchSummary.Found> found) {
    return found.map(f -> {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("rank", f.groundTruthRank().getAsInt());
      x.put("total", value(f.groundTruthTotal()));
      x.put("arch", f.arch());
      x.put("ground_truth", value(f.groundTruth()));
      return x;
    }).orElse(null);
  }

  private static Double value(OptionalDouble v) {
    return v.isPresent() && Double.isFinite(v.getAsDouble()) ? v.getAsDouble() : null;
  }

  private static Integer value(OptionalInt v) {
    return v.isPresent() ? v.getAsInt() : null;
  }

  private static Long value(OptionalLong v) {
    return v.isPresent() ? v.getAsLong() : null;
  }
}
