package org.landmarknas.metric;

/**
 * The unit of stand-alone accuracies handed to {@link SparseKendallTau}, which bins accuracies
 * on a fixed 0.1 % grid and so, unlike the other metrics, depends on the scale.
 */
public enum AccuracyUnit {
  /** Percent in [0, 100], as benchmark tables publish them (91.23). */
  PERCENT(0.0, 100.0),
  /** Fractions in [0, 1] (0.9123). */
  FRACTION(0.0, 1.0);

  private final double min;
  private final double max;

  AccuracyUnit(double min, double max) {
    this.min = min;
    this.max = max;
  }

  /**
   * The value as a fraction. Percent is multiplied by {@code 0.01} (not divided by 100), as the
   * reference implementation does, so values on a bin edge fall into the same bin as there.
   */
  public double toFraction(double value) {
    return this == PERCENT ? value * 0.01 : value;
  }

  /** Whether {@code value} lies in this unit's range (NaN does not). */
  public boolean inRange(double value) {
    return value >= min && value <= max;
  }

  /** The smallest value of this unit's range. */
  public double min() {
    return min;
  }

  /** The largest value of this unit's range. */
  public double max() {
    return max;
  }
}
