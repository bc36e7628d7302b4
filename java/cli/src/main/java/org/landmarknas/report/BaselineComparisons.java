package org.landmarknas.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Every arm of a report compared with one baseline arm, paired by seed.
 *
 * <p>Against a baseline rather than every pair of arms: an experiment names its control first
 * (SPOS) and its treatments after (landmarks, ablations), and the question each treatment answers
 * is whether it beats the control. All pairs would be k(k − 1)/2 tests for k arms, most of them
 * (ablation against ablation) questions nobody asked, each a further chance of a small p by luck;
 * a particular pair is one {@code --baseline} away. The p-values are still not adjusted for the
 * k − 1 comparisons, and the report says so.
 *
 * @param baseline the baseline arm; empty when there is nothing to compare
 * @param comparisons one per other arm, in report order
 * @param unavailable why there are no comparisons
 */
public record BaselineComparisons(Optional<String> baseline, List<PairedComparison> comparisons,
    Optional<String> unavailable) {

  /** Copies the list; rejects null parts, and comparisons and a reason together or neither. */
  public BaselineComparisons {
    if (baseline == null || comparisons == null || unavailable == null) {
      throw new IllegalArgumentException(
          "BaselineComparisons parts must not be null (use empty)");
    }
    if (comparisons.isEmpty() == unavailable.isEmpty()) {
      throw new IllegalArgumentException(
          "BaselineComparisons needs either comparisons or the reason there are none");
    }
    comparisons = List.copyOf(comparisons);
  }

  /**
   * Each group of {@code groups} against {@code baseline}, or against the first group when no
   * baseline is named (the first arm of an experiment, the first run directory given to {@code
   * lmnas report}).
   */
  public static BaselineComparisons of(List<GroupSummary> groups, Grouping grouping,
      Optional<String> baseline) {
    if (grouping != Grouping.NAME) {
      return none(Optional.empty(), "runs are not grouped by name (group by "
          + grouping.id() + "), so there are no arms whose seeds could be paired");
    }
    String name = baseline.orElse(groups.get(0).group());
    Optional<GroupSummary> base = groups.stream().filter(g -> g.group().equals(name))
        .findFirst();
    if (base.isEmpty()) {
      return none(Optional.of(name), "the baseline arm " + name + " has no run in this report"
          + " (arms: " + groups.stream().map(GroupSummary::group)
              .collect(Collectors.joining(", ")) + ")");
    }
    List<PairedComparison> out = new ArrayList<>();
    for (GroupSummary g : groups) {
      if (g != base.get()) {
        out.add(PairedComparison.of(base.get(), g));
      }
    }
    if (out.isEmpty()) {
      return none(Optional.of(name), "one arm only (" + name + "): nothing to compare");
    }
    return new BaselineComparisons(Optional.of(name), out, Optional.empty());
  }

  private static BaselineComparisons none(Optional<String> baseline, String why) {
    return new BaselineComparisons(baseline, List.of(), Optional.of(why));
  }
}
