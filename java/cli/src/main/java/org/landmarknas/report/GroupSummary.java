package org.landmarknas.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One row of the report table: the runs of a group (usually the seeds of one configuration) and
 * their aggregates. Each aggregate is over the runs that have the value; {@code ...Runs} counts
 * them, so a reader can tell "2 of 3 seeds had a pool".
 *
 * @param group the group name
 * @param runs the group's runs, in report order
 * @param finalSkdt mean ± sample std of the runs' final S-KdT
 * @param meanFoundGroundTruth mean ± sample std over runs of each run's mean ground truth (%) of
 *     the architectures its search returned
 * @param bestFound the returned architecture with the highest ground truth over all runs
 * @param bestRanked the returned architecture with the best ground-truth rank over all runs
 * @param cpuHours the sum over runs of {@code cost.cpu_seconds / 3600}
 * @param cpuHoursRuns how many runs reported {@code cost.cpu_seconds}
 */
public record GroupSummary(String group, List<RunSummary> runs, Optional<MeanStd> finalSkdt,
    Optional<MeanStd> meanFoundGroundTruth, Optional<SearchSummary.Found> bestFound,
    Optional<SearchSummary.Found> bestRanked, OptionalDouble cpuHours, int cpuHoursRuns) {

  /** Copies the runs; rejects null parts and an empty group. */
  public GroupSummary {
    if (group == null || runs == null || finalSkdt == null || meanFoundGroundTruth == null
        || bestFound == null || bestRanked == null || cpuHours == null) {
      throw new IllegalArgumentException("GroupSummary parts must not be null (use empty)");
    }
    if (runs.isEmpty()) {
      throw new IllegalArgumentException("GroupSummary " + group + " needs at least one run");
    }
    runs = List.copyOf(runs);
  }

  /** Aggregates {@code runs} into one row. */
  public static GroupSummary of(String group, List<RunSummary> runs) {
    List<Double> skdts = new ArrayList<>();
    List<Double> found = new ArrayList<>();
    Optional<SearchSummary.Found> bestFound = Optional.empty();
    Optional<SearchSummary.Found> bestRanked = Optional.empty();
    double hours = 0;
    int hoursRuns = 0;
    for (RunSummary r : runs) {
      r.finalSkdt().ifPresent(skdts::add);
      r.meanFoundGroundTruth().ifPresent(found::add);
      if (r.bestFound().isPresent() && (bestFound.isEmpty()
          || r.bestFound().get().groundTruth().getAsDouble()
              > bestFound.get().groundTruth().getAsDouble())) {
        bestFound = r.bestFound();
      }
      if (r.bestRanked().isPresent() && (bestRanked.isEmpty()
          || r.bestRanked().get().groundTruthRank().getAsInt()
              < bestRanked.get().groundTruthRank().getAsInt())) {
        bestRanked = r.bestRanked();
      }
      OptionalDouble h = r.run().cost().map(RunCost::cpuHours).orElse(OptionalDouble.empty());
      if (h.isPresent() && Double.isFinite(h.getAsDouble())) {
        hours += h.getAsDouble();
        hoursRuns++;
      }
    }
    return new GroupSummary(group, runs,
        skdts.isEmpty() ? Optional.empty() : Optional.of(MeanStd.of(skdts)),
        found.isEmpty() ? Optional.empty() : Optional.of(MeanStd.of(found)),
        bestFound, bestRanked,
        hoursRuns == 0 ? OptionalDouble.empty() : OptionalDouble.of(hours), hoursRuns);
  }
}
