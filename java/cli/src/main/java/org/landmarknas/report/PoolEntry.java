package org.landmarknas.report;

import java.util.Locale;

/**
 * One architecture of a run's evaluation pool: its accuracy through the super-net's shared
 * weights (a fraction in [0, 1], as the engine writes it), the score the run ranked it by
 * (higher is better: that accuracy, or minus the super-net loss under {@code evaluate.score-by:
 * loss}) and its stand-alone ground-truth accuracy (percent, as benchmark tables give it).
 */
public record PoolEntry(String arch, double supernetAccuracy, double supernetScore,
    double groundTruth) {

  /**
   * Checks the values.
   *
   * @throws IllegalArgumentException when the architecture is missing or a value is not finite
   */
  public PoolEntry {
    if (arch == null) {
      throw new IllegalArgumentException("PoolEntry needs an architecture");
    }
    if (!Double.isFinite(supernetAccuracy) || !Double.isFinite(supernetScore)
        || !Double.isFinite(groundTruth)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "PoolEntry %s needs finite scores, got %s, %s and %s", arch, supernetAccuracy,
          supernetScore, groundTruth));
    }
  }

  /** The super-net accuracy in percent, on the same scale as {@link #groundTruth()}. */
  public double supernetPercent() {
    return 100 * supernetAccuracy;
  }
}
