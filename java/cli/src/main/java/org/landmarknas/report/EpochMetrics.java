package org.landmarknas.report;

import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * One line of {@code metrics.jsonl}: the 1-based epoch and every numeric value logged for it, by
 * key. Keys come and go with the features a run used (pool scoring, landmark regularization,
 * step timings), so values are looked up by name rather than held in fixed fields.
 */
public record EpochMetrics(int epoch, Map<String, Double> values) {

  /** Key of the mean training loss of the epoch. */
  public static final String TRAIN_LOSS = "train_loss";
  /** Key of the sparse Kendall tau on the evaluation pool (epochs where the pool was scored). */
  public static final String SKDT = "skdt";
  /** Key of the landmark weight λ of the epoch (landmark regularization only). */
  public static final String LAMBDA = "lambda";
  /** GDAS's Gumbel-softmax temperature of the epoch. */
  public static final String TAU = "tau";
  /** Mean entropy of GDAS's softmax(α) after the epoch, nats. */
  public static final String ALPHA_ENTROPY = "alpha_entropy";
  /** NAO's controller loss at the controller point after the epoch. */
  public static final String CONTROLLER_LOSS = "controller_loss";
  /** The size of NAO's pool the epoch trained on. */
  public static final String NAO_POOL = "nao_pool";
  /** Key of the mean landmark ranking loss of the epoch (landmark regularization only). */
  public static final String LANDMARK_LOSS = "landmark_loss";

  /**
   * Copies the values.
   *
   * @throws IllegalArgumentException when the epoch is negative
   */
  public EpochMetrics {
    if (epoch < 0) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "EpochMetrics needs epoch >= 0, got %d", epoch));
    }
    values = Map.copyOf(values);
  }

  /**
   * The value logged under {@code key}; empty when it is missing or not finite (a NaN S-KdT of a
   * degenerate pool has no place on a plot or in a mean).
   */
  public OptionalDouble value(String key) {
    Double v = values.get(key);
    return v != null && Double.isFinite(v) ? OptionalDouble.of(v) : OptionalDouble.empty();
  }

  /** {@link #value(String)} of {@value #TRAIN_LOSS}. */
  public OptionalDouble trainLoss() {
    return value(TRAIN_LOSS);
  }

  /** {@link #value(String)} of {@value #SKDT}. */
  public OptionalDouble skdt() {
    return value(SKDT);
  }

  /** {@link #value(String)} of {@value #LAMBDA}. */
  public OptionalDouble lambda() {
    return value(LAMBDA);
  }

  /** {@link #value(String)} of {@value #LANDMARK_LOSS}. */
  public OptionalDouble landmarkLoss() {
    return value(LANDMARK_LOSS);
  }
}
