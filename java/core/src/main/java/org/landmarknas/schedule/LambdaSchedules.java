package org.landmarknas.schedule;

import java.util.Locale;
import java.util.Objects;

/** Creates λ schedules from config values; the kinds are the {@link LambdaShape} ids. */
public final class LambdaSchedules {

  /** The default kind: the paper's best. */
  public static final String DEFAULT_KIND = LambdaShape.COSINE_INCREASE.id();

  private LambdaSchedules() {}

  /**
   * A schedule of the named kind.
   *
   * @param kind a {@link LambdaShape} id: constant, linear-increase, linear-decrease,
   *     cosine-increase, cosine-decrease, step-increase, step-decrease or reference-cosine
   * @param lambdaMax the largest λ, finite and {@code >= 0}
   * @param warmup W, epochs with λ = 0, {@code 0 <= W < epochs}
   * @param epochs E, the total number of epochs
   * @param rampEpochs linear ramp after W, {@code >= 0} (0 = none)
   * @throws IllegalArgumentException for an unknown kind, listing the allowed ones, or a bad
   *     number
   */
  public static LambdaSchedule create(String kind, double lambdaMax, int warmup, int epochs,
      int rampEpochs) {
    Objects.requireNonNull(kind, "kind");
    LambdaShape shape = LambdaShape.ofId(kind.strip()).orElseThrow(() ->
        new IllegalArgumentException(String.format(Locale.ROOT,
            "unknown lambda schedule kind \"%s\" (allowed: %s)", kind, LambdaShape.allowedIds())));
    return new WarmupLambdaSchedule(shape, lambdaMax, warmup, epochs, rampEpochs);
  }
}
