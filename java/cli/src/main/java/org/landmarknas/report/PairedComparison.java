package org.landmarknas.report;

import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One arm's final S-KdT against the baseline arm's, paired by seed, with the paired tests when
 * there are at least two pairs and the reason when there are not.
 *
 * @param pairing the seeds and values that were paired
 * @param statistics the paired tests; empty with fewer than two pairs
 * @param unavailable why {@code statistics} is empty
 */
public record PairedComparison(SeedPairing pairing, Optional<PairedStatistics> statistics,
    Optional<String> unavailable) {

  /** Fewest pairs a paired test needs: one difference has no spread to test against. */
  public static final int MIN_PAIRS = 2;

  /** Rejects null parts, and statistics and a reason together or neither. */
  public PairedComparison {
    if (pairing == null || statistics == null || unavailable == null) {
      throw new IllegalArgumentException("PairedComparison parts must not be null (use empty)");
    }
    if (statistics.isPresent() == unavailable.isPresent()) {
      throw new IllegalArgumentException(
          "PairedComparison needs either statistics or the reason they are missing");
    }
  }

  /** The comparison of {@code arm} with {@code baseline}. */
  public static PairedComparison of(GroupSummary baseline, GroupSummary arm) {
    SeedPairing pairing = SeedPairing.of(baseline, arm);
    int n = pairing.seeds().size();
    if (n >= MIN_PAIRS) {
      double[] a = pairing.armValues().stream().mapToDouble(Double::doubleValue).toArray();
      double[] b = pairing.baselineValues().stream().mapToDouble(Double::doubleValue)
          .toArray();
      return new PairedComparison(pairing, Optional.of(PairedStatistics.of(a, b)),
          Optional.empty());
    }
    String reason = n == 0
        ? "no seed with a final S-KdT in both arms"
        : String.format(Locale.ROOT, "1 pair (seed %d); a paired test needs at least %d",
            pairing.seeds().get(0), MIN_PAIRS);
    if (!pairing.leftOut().isEmpty()) {
      reason += " (" + pairing.leftOut().stream().collect(Collectors.joining("; ")) + ")";
    }
    return new PairedComparison(pairing, Optional.empty(), Optional.of(reason));
  }
}
