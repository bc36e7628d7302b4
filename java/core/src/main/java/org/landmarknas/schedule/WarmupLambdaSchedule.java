package org.landmarknas.schedule;

import java.util.Locale;
import java.util.Objects;

/**
 * λ(e) = 0 for {@code e < warmup}; from there λmax times the {@link LambdaShape}'s fraction,
 * times an optional linear ramp {@code min(1, (e - W) / rampEpochs)} that eases the regulariser
 * in (so with a ramp λ(W) = 0 for every shape). Epochs are 0-based indices; training runs epochs
 * {@code 0 .. epochs-1}.
 *
 * <p>Where the cosine ends: the paper writes λ(e) = λmax·½(1 − cos(π (e − W)/(E − W))), which
 * reaches λmax only at {@code e = E}, an epoch that is never trained. Here progress is {@code (e
 * − W)/(E − 1 − W)}, so the last trained epoch {@code E − 1} gets exactly λmax; every other
 * increasing or decreasing shape uses the same progress. {@link LambdaShape#REFERENCE_COSINE}
 * keeps the reference code's formula instead.
 *
 * @param shape the shape after warm-up
 * @param lambdaMax the largest λ, finite and {@code >= 0}
 * @param warmup W, epochs without regularisation, {@code 0 <= W < epochs}
 * @param epochs E, the total number of epochs
 * @param rampEpochs length of the linear ramp after W, {@code >= 0} (0 = none)
 */
public record WarmupLambdaSchedule(LambdaShape shape, double lambdaMax, int warmup, int epochs,
    int rampEpochs) implements LambdaSchedule {

  /** Validates every component. */
  public WarmupLambdaSchedule {
    Objects.requireNonNull(shape, "shape");
    if (!(lambdaMax >= 0.0) || !Double.isFinite(lambdaMax)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "lambda schedule: lambdaMax %s must be finite and >= 0", lambdaMax));
    }
    if (warmup < 0 || warmup >= epochs) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "lambda schedule: warm-up %d and epochs %d must satisfy 0 <= warm-up < epochs",
          warmup, epochs));
    }
    if (rampEpochs < 0) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "lambda schedule: rampEpochs %d must be >= 0", rampEpochs));
    }
  }

  @Override
  public double at(double epoch) {
    if (Double.isNaN(epoch)) {
      throw new IllegalArgumentException("lambda schedule: epoch is NaN");
    }
    if (epoch < warmup) {
      return 0.0;
    }
    double lambda = lambdaMax * shape.fraction(epoch, warmup, epochs);
    if (rampEpochs > 0) {
      lambda *= Math.min(1.0, (epoch - warmup) / rampEpochs);
    }
    return lambda;
  }
}
