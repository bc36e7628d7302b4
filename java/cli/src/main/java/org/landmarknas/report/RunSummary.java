package org.landmarknas.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * The per-run numbers of a report, derived from a {@link RunRecord}, with the names the report
 * gives the run.
 *
 * @param run the run
 * @param id a file-name-safe id, unique within the report ({@code scatter_<id>.png})
 * @param label the run's name in legends, unique within the report ({@code name (seed s)})
 * @param group the table group the run belongs to
 * @param finalSkdt {@link RunRecord#finalSkdt()}
 * @param bestSkdt the largest S-KdT of any epoch or of the final ranking
 * @param bestSkdtEpoch the epoch of {@code bestSkdt}, when it came from the metrics
 * @param meanFoundGroundTruth mean ground truth (%) of the architectures the search returned,
 *     over those that have one
 * @param bestFound the returned architecture with the highest ground truth
 * @param bestRanked the returned architecture with the best (smallest) ground-truth rank
 */
public record RunSummary(RunRecord run, String id, String label, String group,
    OptionalDouble finalSkdt, OptionalDouble bestSkdt, OptionalInt bestSkdtEpoch,
    OptionalDouble meanFoundGroundTruth, Optional<SearchSummary.Found> bestFound,
    Optional<SearchSummary.Found> bestRanked) {

  /** Rejects null parts. */
  public RunSummary {
    if (run == null || id == null || label == null || group == null || finalSkdt == null
        || bestSkdt == null || bestSkdtEpoch == null || meanFoundGroundTruth == null
        || bestFound == null || bestRanked == null) {
      throw new IllegalArgumentException("RunSummary parts must not be null (use empty)");
    }
  }

  /** Derives the numbers of {@code run}. */
  public static RunSummary of(RunRecord run, String id, String label, String group) {
    double best = Double.NEGATIVE_INFINITY;
    OptionalInt bestEpoch = OptionalInt.empty();
    for (EpochMetrics e : run.epochs()) {
      if (e.skdt().isPresent() && e.skdt().getAsDouble() > best) {
        best = e.skdt().getAsDouble();
        bestEpoch = OptionalInt.of(e.epoch());
      }
    }
    OptionalDouble fin = run.finalSkdt();
    if (fin.isPresent() && fin.getAsDouble() > best) {
      best = fin.getAsDouble();
      bestEpoch = OptionalInt.empty();
    }
    OptionalDouble bestSkdt = Double.isFinite(best) ? OptionalDouble.of(best)
        : OptionalDouble.empty();

    List<Double> truths = new ArrayList<>();
    Optional<SearchSummary.Found> bestFound = Optional.empty();
    Optional<SearchSummary.Found> bestRanked = Optional.empty();
    for (SearchSummary.Found f : run.search().map(SearchSummary::top).orElse(List.of())) {
      OptionalDouble gt = f.groundTruth();
      if (gt.isPresent() && Double.isFinite(gt.getAsDouble())) {
        truths.add(gt.getAsDouble());
        if (bestFound.isEmpty()
            || gt.getAsDouble() > bestFound.get().groundTruth().getAsDouble()) {
          bestFound = Optional.of(f);
        }
      }
      if (f.groundTruthRank().isPresent() && (bestRanked.isEmpty()
          || f.groundTruthRank().getAsInt() < bestRanked.get().groundTruthRank().getAsInt())) {
        bestRanked = Optional.of(f);
      }
    }
    OptionalDouble meanFound = truths.isEmpty() ? OptionalDouble.empty()
        : OptionalDouble.of(MeanStd.of(truths).mean());
    return new RunSummary(run, id, label, group, fin, bestSkdt, bestEpoch, meanFound, bestFound,
        bestRanked);
  }
}
