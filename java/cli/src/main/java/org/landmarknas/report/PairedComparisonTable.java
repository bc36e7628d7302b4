package org.landmarknas.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The "Paired comparison" section of {@code table.md}: one row per arm against the baseline, then
 * the per-seed differences and whatever a figure needs said (why it is n/a, what was left out),
 * then the formulas.
 */
final class PairedComparisonTable {

  static final String TITLE = "## Paired comparison";
  static final String HEADER = "| arm vs baseline | n pairs | mean diff ± sd | 95% CI (t)"
      + " | t (df) | p (t) | Wilcoxon p | sign test p (+/n) | bootstrap 95% CI |";
  private static final String NA = "n/a";

  private PairedComparisonTable() {}

  static void markdown(StringBuilder md, BaselineComparisons paired) {
    md.append('\n').append(TITLE).append("\n\n");
    if (paired.unavailable().isPresent()) {
      md.append(NA).append(": ").append(paired.unavailable().get()).append(".\n");
      return;
    }
    md.append("Final S-KdT of each arm minus that of the baseline arm `")
        .append(paired.baseline().get()).append("`, paired by seed (only seeds both arms have:"
            + " the runs of a seed share their random streams, so the difference removes the"
            + " seed-to-seed spread).\n\n");
    md.append(HEADER).append('\n');
    md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    List<String> notes = new ArrayList<>();
    for (PairedComparison c : paired.comparisons()) {
      md.append(row(c)).append('\n');
      notes.addAll(notes(c));
    }
    md.append('\n');
    notes.forEach(n -> md.append("- ").append(n).append('\n'));
    formulas(md);
  }

  private static String row(PairedComparison c) {
    String name = escape(c.pairing().arm()) + " vs " + escape(c.pairing().baseline());
    int n = c.pairing().seeds().size();
    if (c.statistics().isEmpty()) {
      return String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | %s | %s | %s | %s |", name,
          n, NA, NA, NA, NA, NA, NA, NA);
    }
    PairedStatistics s = c.statistics().get();
    return String.format(Locale.ROOT,
        "| %s | %d | %+.3f ± %.3f | [%+.3f, %+.3f] | %s (%d) | %s | %s | %s (%d/%d) |"
            + " [%+.3f, %+.3f] |",
        name, n, s.meanDifference(), s.sdDifference(), s.ciLow(), s.ciHigh(),
        s.t().isPresent() ? String.format(Locale.ROOT, "%.2f", s.t().getAsDouble()) : NA,
        s.degreesOfFreedom(), p(s.pT()),
        s.pWilcoxon().isPresent()
            ? p(s.pWilcoxon()) + (s.wilcoxonExact() ? " (exact)" : " (normal approx.)")
            : NA,
        p(s.pSign()), s.positive(), s.wilcoxonN(), s.bootstrap().low(), s.bootstrap().high());
  }

  /** The differences by seed, then why a figure is n/a and what was left out. */
  private static List<String> notes(PairedComparison c) {
    SeedPairing p = c.pairing();
    String name = escape(p.arm()) + " vs " + escape(p.baseline());
    List<String> out = new ArrayList<>();
    double[] d = p.differences();
    if (d.length > 0) {
      List<String> bySeed = new ArrayList<>();
      for (int i = 0; i < d.length; i++) {
        bySeed.add(String.format(Locale.ROOT, "%+.3f (seed %d)", d[i], p.seeds().get(i)));
      }
      out.add(name + ": differences " + String.join(", ", bySeed));
    }
    c.unavailable().ifPresent(u -> out.add(name + ": " + NA + ", " + escape(u)));
    if (c.statistics().isPresent()) {
      c.statistics().get().notes().forEach(n -> out.add(name + ": " + n));
      if (!p.leftOut().isEmpty()) {
        out.add(name + ": left out: " + escape(String.join("; ", p.leftOut())));
      }
    }
    return out;
  }

  private static void formulas(StringBuilder md) {
    md.append("\nWith dᵢ = arm − baseline over the n seeds both arms have: mean d̄ = Σ dᵢ / n,"
        + " sd = √(Σ (dᵢ − d̄)² / (n − 1)); 95% CI (t) = d̄ ± t₀.₉₇₅,ₙ₋₁ · sd / √n;"
        + " t = d̄ / (sd / √n) with n − 1 degrees of freedom, two-sided p (paired t test);"
        + " Wilcoxon p: two-sided signed-rank test of the non-zero dᵢ, exact up to "
        + PairedStatistics.WILCOXON_EXACT_MAX + " of them (it cannot go below 2 / 2ⁿ, 0.250"
        + " with 3 pairs); sign test p: two-sided exact binomial test of how many non-zero dᵢ"
        + " are positive against a fair coin; bootstrap 95% CI: 2.5 % and 97.5 % quantiles of the means of "
        + String.format(Locale.ROOT, "%,d", BootstrapInterval.RESAMPLES)
        + " resamples of the dᵢ with replacement (seed " + BootstrapInterval.SEED + "; too"
        + " narrow for a handful of pairs). Tests: Apache Commons Math 3. The p-values are not"
        + " adjusted for testing several arms against the same baseline.\n");
  }

  private static String p(OptionalDouble p) {
    return p.isPresent() ? PairedStatistics.formatP(p.getAsDouble()) : NA;
  }

  /** Keeps a group name from breaking the table. */
  private static String escape(String s) {
    return s.replace("|", "\\|").replace("\n", " ");
  }
}
