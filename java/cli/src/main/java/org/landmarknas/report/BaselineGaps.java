package org.landmarknas.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.inference.TTest;
import org.landmarknas.bench.BaselineRanking;

/**
 * Each group's final S-KdT beside one baseline ranking of the same pool (parameter count): the
 * group's mean with its 95 % t interval, its mean precision@k, and whether the seeds' S-KdT lie
 * above the baseline's single value (two-sided one-sample t test, and how many seeds are above).
 * The baseline is a constant of the pool, so the seed-to-seed spread is the only noise.
 *
 * @param baseline the baseline ranking compared with
 * @param rows one per group with at least one final S-KdT, in group order
 */
record BaselineGaps(BaselineRanking baseline, List<Row> rows) {

  /**
   * One group against the baseline.
   *
   * @param group the group's name
   * @param n its runs with a final S-KdT
   * @param mean their mean final S-KdT
   * @param ciLow lower bound of the 95 % t interval of that mean (NaN for n &lt; 2)
   * @param ciHigh upper bound (NaN for n &lt; 2)
   * @param meanPrecisionAtK mean precision@k of the runs that recorded it
   * @param above runs whose final S-KdT exceeds the baseline's
   * @param p two-sided p of the one-sample t test of the mean against the baseline's S-KdT;
   *     empty for n &lt; 2 or equal values
   */
  record Row(String group, int n, double mean, double ciLow, double ciHigh,
      OptionalDouble meanPrecisionAtK, int above, OptionalDouble p) {}

  /** The rows against the baseline named {@code name}, if the baselines hold it. */
  static Optional<BaselineGaps> of(List<GroupSummary> groups, PoolBaselines baselines,
      String name) {
    Optional<BaselineRanking> b = baselines.rankings().stream()
        .filter(r -> r.name().equals(name)).findFirst();
    if (b.isEmpty()) {
      return Optional.empty();
    }
    double level = b.get().report().sparseKendallTau();
    List<Row> rows = new ArrayList<>();
    for (GroupSummary g : groups) {
      double[] skdt = g.runs().stream().map(RunSummary::finalSkdt)
          .filter(OptionalDouble::isPresent).mapToDouble(OptionalDouble::getAsDouble).toArray();
      if (skdt.length > 0) {
        rows.add(row(g, skdt, level));
      }
    }
    return Optional.of(new BaselineGaps(b.get(), rows));
  }

  private static Row row(GroupSummary g, double[] skdt, double level) {
    int n = skdt.length;
    double mean = Arrays.stream(skdt).average().orElseThrow();
    double low = Double.NaN;
    double high = Double.NaN;
    OptionalDouble p = OptionalDouble.empty();
    if (n >= 2) {
      double sd = Math.sqrt(Arrays.stream(skdt).map(x -> (x - mean) * (x - mean))
          .sum() / (n - 1));
      double half = new TDistribution(null, n - 1).inverseCumulativeProbability(0.975) * sd
          / Math.sqrt(n);
      low = mean - half;
      high = mean + half;
      if (sd > 0) {
        p = OptionalDouble.of(new TTest().tTest(level, skdt));
      }
    }
    OptionalDouble pAtK = g.runs().stream().map(r -> r.run().ranking())
        .flatMap(Optional::stream).map(RankingSummary::precisionAtK)
        .filter(OptionalDouble::isPresent).mapToDouble(OptionalDouble::getAsDouble).average();
    int above = (int) Arrays.stream(skdt).filter(x -> x > level).count();
    return new Row(g.group(), n, mean, low, high, pAtK, above, p);
  }

  /** The report.json part: the baseline's name and value and one entry per group. */
  Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("baseline", baseline.name());
    m.put("baseline_skdt", baseline.report().sparseKendallTau());
    List<Map<String, Object>> list = new ArrayList<>();
    for (Row r : rows) {
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("group", r.group());
      one.put("n", r.n());
      one.put("mean_skdt", r.mean());
      one.put("ci95_low", r.n() < 2 ? null : r.ciLow());
      one.put("ci95_high", r.n() < 2 ? null : r.ciHigh());
      one.put("mean_precision_at_k", r.meanPrecisionAtK().isPresent()
          ? r.meanPrecisionAtK().getAsDouble() : null);
      one.put("above", r.above());
      one.put("p_t", r.p().isPresent() ? r.p().getAsDouble() : null);
      list.add(one);
    }
    m.put("groups", list);
    return m;
  }

  /** The table.md part, under the baselines' table. */
  String markdown() {
    StringBuilder md = new StringBuilder(String.format(Locale.ROOT, "%nEach group's final"
        + " S-KdT beside ranking by %s (S-KdT %.3f, P@k %.2f): mean with its 95%% t interval,"
        + " runs above it, and the two-sided one-sample t test of the mean against it.%n%n",
        baseline.name(), baseline.report().sparseKendallTau(),
        baseline.report().precisionAtK()));
    md.append("| group | n | S-KdT mean [95% CI] | mean P@k | above ").append(baseline.name())
        .append(" | p (t) |\n| --- | ---: | --- | ---: | ---: | ---: |\n");
    for (Row r : rows) {
      String ci = r.n() < 2 ? String.format(Locale.ROOT, "%.3f", r.mean())
          : String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", r.mean(), r.ciLow(), r.ciHigh());
      md.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %d / %d | %s |%n", r.group(),
          r.n(), ci, r.meanPrecisionAtK().isPresent()
              ? String.format(Locale.ROOT, "%.2f", r.meanPrecisionAtK().getAsDouble()) : "n/a",
          r.above(), r.n(), r.p().isPresent()
              ? PairedStatistics.formatP(r.p().getAsDouble()) : "n/a"));
    }
    return md.toString();
  }
}
