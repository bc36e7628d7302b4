package org.landmarknas.schedule;

import java.util.Optional;

/**
 * The shape of a λ schedule between the warm-up {@code W} and the last epoch index {@code E-1}
 * (see {@link WarmupLambdaSchedule}), as a fraction of λmax. Most shapes follow the progress
 * {@code t = (e - W) / (E - 1 - W)}, clamped to [0, 1], so that the first regularised epoch
 * {@code W} has {@code t = 0} and the last epoch index {@code E-1} has {@code t = 1}.
 */
public enum LambdaShape {
  /** λmax throughout. */
  CONSTANT("constant"),
  /** {@code t}. */
  LINEAR_INCREASE("linear-increase"),
  /** {@code 1 - t}. */
  LINEAR_DECREASE("linear-decrease"),
  /** {@code ½(1 - cos(π t))}: the paper's best, and the default. */
  COSINE_INCREASE("cosine-increase"),
  /** {@code ½(1 + cos(π t))}. */
  COSINE_DECREASE("cosine-decrease"),
  /** 0, then 1 from the middle {@code W + (E - W)/2} of {@code [W, E)} on. */
  STEP_INCREASE("step-increase"),
  /** 1, then 0 from the middle {@code W + (E - W)/2} of {@code [W, E)} on. */
  STEP_DECREASE("step-decrease"),
  /**
   * The reference code's cosine as written, {@code ½(1 - cos(π (e - W) / E))}: it divides by
   * {@code E} instead of {@code E - W}, so for {@code E = 400, W = 150} it reaches only about
   * 0.69 at the last epoch. Kept for reproducing the reference; not clamped.
   */
  REFERENCE_COSINE("reference-cosine");

  private final String id;

  LambdaShape(String id) {
    this.id = id;
  }

  /** The config id, e.g. {@code cosine-increase}. */
  public String id() {
    return id;
  }

  /** The shape with this id, if any. */
  public static Optional<LambdaShape> ofId(String id) {
    for (LambdaShape s : values()) {
      if (s.id.equals(id)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  /** The ids, comma separated, for error messages. */
  public static String allowedIds() {
    StringBuilder sb = new StringBuilder();
    for (LambdaShape s : values()) {
      if (sb.length() > 0) {
        sb.append(", ");
      }
      sb.append(s.id);
    }
    return sb.toString();
  }

  /** The fraction of λmax at {@code epoch >= warmup}, for {@code 0 <= warmup < epochs}. */
  double fraction(double epoch, int warmup, int epochs) {
    switch (this) {
      case CONSTANT:
        return 1.0;
      case LINEAR_INCREASE:
        return progress(epoch, warmup, epochs);
      case LINEAR_DECREASE:
        return 1.0 - progress(epoch, warmup, epochs);
      case COSINE_INCREASE:
        return 0.5 * (1.0 - Math.cos(Math.PI * progress(epoch, warmup, epochs)));
      case COSINE_DECREASE:
        return 0.5 * (1.0 + Math.cos(Math.PI * progress(epoch, warmup, epochs)));
      case STEP_INCREASE:
        return epoch >= middle(warmup, epochs) ? 1.0 : 0.0;
      case STEP_DECREASE:
        return epoch >= middle(warmup, epochs) ? 0.0 : 1.0;
      case REFERENCE_COSINE:
        return 0.5 * (1.0 - Math.cos(Math.PI * (epoch - warmup) / epochs));
      default:
        throw new AssertionError(this);
    }
  }

  /** {@code (e - W) / (E - 1 - W)} clamped to [0, 1]; with a one-epoch span, 1 from W on. */
  private static double progress(double epoch, int warmup, int epochs) {
    int span = epochs - 1 - warmup;
    if (span <= 0) {
      return 1.0;
    }
    return Math.min(Math.max((epoch - warmup) / span, 0.0), 1.0);
  }

  private static double middle(int warmup, int epochs) {
    return warmup + (epochs - warmup) / 2.0;
  }
}
