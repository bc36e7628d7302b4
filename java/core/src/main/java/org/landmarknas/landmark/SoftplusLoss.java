package org.landmarknas.landmark;

import java.util.Locale;
import org.landmarknas.bench.PlainDecimal;

/**
 * {@code (1/beta) log(1 + exp(beta x))}, a smooth hinge: it tends to {@code max(0, x)} as
 * {@code beta} grows, and {@code beta = 1} is the logistic (RankNet) pair loss. Unlike the hinge
 * it still pushes correctly ordered pairs apart, with a force that fades exponentially. The
 * derivative is the logistic sigmoid of {@code beta x}. Both are evaluated without overflow for
 * any finite {@code x}. Id {@code softplus:<beta>}.
 *
 * @param beta sharpness, finite and {@code > 0}
 */
public record SoftplusLoss(double beta) implements RankingLoss {

  /** Validates beta. */
  public SoftplusLoss {
    if (!(beta > 0.0) || !Double.isFinite(beta)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "softplus ranking loss: beta %s must be finite and > 0", beta));
    }
  }

  @Override
  public double value(double x) {
    double z = beta * x;
    // log(1 + e^z) = max(z, 0) + log1p(e^-|z|): the exponent is never positive.
    return (Math.max(z, 0.0) + Math.log1p(Math.exp(-Math.abs(z)))) / beta;
  }

  @Override
  public double derivative(double x) {
    double z = beta * x;
    if (z >= 0) {
      return 1.0 / (1.0 + Math.exp(-z));
    }
    double e = Math.exp(z);
    return e / (1.0 + e);
  }

  @Override
  public String id() {
    return "softplus:" + PlainDecimal.format(beta);
  }
}
