package org.landmarknas.report;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * The {@code search} section of {@code result.json}: the strategy that searched the super-net,
 * how many architectures it evaluated, and the best ones it found, best first.
 */
public record SearchSummary(Optional<String> strategy, OptionalInt evaluations, List<Found> top) {

  /**
   * One architecture the search returned: its validation accuracy through the super-net (a
   * fraction) and, when a ground-truth source knows it, its stand-alone accuracy (percent) and
   * rank there (1 = best of {@code groundTruthTotal}).
   */
  public record Found(String arch, OptionalDouble supernetValAccuracy,
      OptionalDouble groundTruth, OptionalInt groundTruthRank, OptionalInt groundTruthTotal) {

    /** Rejects a missing architecture and null parts (use empty optionals). */
    public Found {
      if (arch == null || supernetValAccuracy == null || groundTruth == null
          || groundTruthRank == null || groundTruthTotal == null) {
        throw new IllegalArgumentException("SearchSummary.Found needs an architecture and"
            + " non-null parts (use empty)");
      }
    }
  }

  /** Copies the list; rejects null parts. */
  public SearchSummary {
    if (strategy == null || evaluations == null || top == null) {
      throw new IllegalArgumentException("SearchSummary parts must not be null (use empty)");
    }
    top = List.copyOf(top);
  }
}
