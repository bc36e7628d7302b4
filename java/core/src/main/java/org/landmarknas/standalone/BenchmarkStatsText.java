package org.landmarknas.standalone;

import java.util.Locale;
import java.util.OptionalInt;

/**
 * {@link BenchmarkStats} as lines of text for a terminal or a README. Kept apart from the
 * figures because the text is committed ({@code benchmarks/data/*-stats.txt}): a change of
 * wording shows up here alone, and a table's stats file reproduces byte for byte as long as this
 * class does not change.
 */
final class BenchmarkStatsText {

  private BenchmarkStatsText() {}

  /** The figures of {@code stats}, one per line, each line ending in the platform's separator. */
  static String of(BenchmarkStats stats) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "results: %d (%d architectures with seed 0)%n",
        stats.results(), stats.archs()));
    sb.append(String.format(Locale.ROOT, "test accuracy (seed 0): min %.2f%%, median %.2f%%,"
        + " max %.2f%%%n", stats.minAccuracy(), stats.medianAccuracy(), stats.maxAccuracy()));
    sb.append(String.format(Locale.ROOT, "training time: %.2f h in all, %.1f s per result%n",
        stats.wallSeconds() / 3600, stats.wallSeconds() / Math.max(1, stats.results())));
    if (stats.ceilingSets().isEmpty()) {
      sb.append(String.format(Locale.ROOT, "noise ceiling: needs at least %d architectures with"
          + " the same 2 or more seeds%n", BenchmarkStats.MIN_CEILING_ARCHS));
    }
    for (int i = 0; i < stats.ceilingSets().size(); i++) {
      seedSet(sb, i == 0 ? "noise ceiling" : "also", stats.ceilingSets().get(i));
    }
    stats.referenceKendall().ifPresent(t -> sb.append(String.format(Locale.ROOT,
        "Kendall tau-b against the reference table: %.3f (%d of the %d architectures)%n", t,
        stats.referenceArchs(), stats.archs())));
    stats.parameterKendall().ifPresent(t -> sb.append(String.format(Locale.ROOT,
        "parameter count against seed-0 test accuracy: Kendall tau-b %.3f (%d architectures;"
            + " the baseline a super-net's ranking has to beat)%n", t, stats.archs())));
    return sb.toString();
  }

  /** One seed set's ceilings, its seed noise and the checks of its predictions. */
  private static void seedSet(StringBuilder sb, String label, BenchmarkStats.SeedSet set) {
    BenchmarkStats.Ceiling one = set.ceilings().get(0);
    sb.append(String.format(Locale.ROOT, "%s over %d architectures, seeds %s:"
            + " Kendall tau-b %.3f, S-KdT %.3f (mean over %d seed pair%s, %.3f to %.3f)%n",
        label, set.archs(), set.seeds(), one.kendall(), one.sparseKendall(), one.splits(),
        one.splits() == 1 ? "" : "s", one.minKendall(), one.maxKendall()));
    for (BenchmarkStats.Ceiling c : set.ceilings().subList(1, set.ceilings().size())) {
      sb.append(String.format(Locale.ROOT, "  noise ceiling of %d-seed means: Kendall tau-b"
              + " %.3f, S-KdT %.3f (mean over %d pairs of disjoint seed sets, %.3f to %.3f)%n",
          c.seedsPerMean(), c.kendall(), c.sparseKendall(), c.splits(), c.minKendall(),
          c.maxKendall()));
    }
    sb.append("  ").append(noise(set.noise()));
    BenchmarkStats.Simulated sim = set.simulated();
    sb.append(String.format(Locale.ROOT, "  simulated from these architectures' own spread:"
            + " Kendall tau %.2f / %.2f / %.2f between 1- / 2- / 3-seed means, a perfect"
            + " ranker against them %.2f / %.2f / %.2f%n", sim.kendall().get(0),
        sim.kendall().get(1), sim.kendall().get(2), sim.ofTruth().get(0),
        sim.ofTruth().get(1), sim.ofTruth().get(2)));
    set.heldOut().ifPresent(h -> sb.append(String.format(Locale.ROOT, "  model check:"
            + " the mean of %d seeds against the seed held out, Kendall tau-b %.3f measured"
            + " (mean over %d choices, %.3f to %.3f), %.3f by the Gaussian model, %.3f"
            + " simulated%n", h.seedsPerMean(), h.kendall(), h.choices(), h.minKendall(),
        h.maxKendall(), set.noise().predictedKendall(h.seedsPerMean(), 1),
        sim.heldOut().orElseThrow())));
  }

  /** The seed-noise split and the Gaussian model's predictions from it, two lines. */
  private static String noise(SeedNoise n) {
    OptionalInt enough = n.seedsFor(BenchmarkStats.TARGET_CEILING);
    return String.format(Locale.ROOT, "seed noise: within-architecture sd %.2f points,"
            + " between-architecture sd %.2f, intraclass correlation %.2f; Gaussian model:"
            + " Kendall tau %.2f / %.2f / %.2f between 1- / 2- / 3-seed means, %s%n",
        n.withinSd(), n.betweenSd(), n.intraclassCorrelation(), n.predictedKendall(1),
        n.predictedKendall(2), n.predictedKendall(3), enough.isPresent()
            ? String.format(Locale.ROOT, "%.1f first reached with %d seed(s) per mean",
                BenchmarkStats.TARGET_CEILING, enough.getAsInt())
            : String.format(Locale.ROOT, "%.1f out of reach", BenchmarkStats.TARGET_CEILING))
        + String.format(Locale.ROOT, "  the same model, a perfect ranker (the true means)"
            + " against 1- / 2- / 3-seed means: Kendall tau %.2f / %.2f / %.2f%n",
            n.predictedKendallOfTruth(1), n.predictedKendallOfTruth(2),
            n.predictedKendallOfTruth(3));
  }
}
