package org.landmarknas.landmark;

import java.util.Locale;
import org.landmarknas.bench.PlainDecimal;

/**
 * {@code max(0, x + margin)}: a pair counts as ordered only when the better landmark's loss is
 * lower by at least {@code margin} nats. Derivative 1 where {@code x + margin > 0}, else 0.
 * Id {@code margin-hinge:<margin>}.
 *
 * @param margin the required gap in loss, finite and {@code >= 0} (0 is {@link HingeLoss})
 */
public record MarginHingeLoss(double margin) implements RankingLoss {

  /** Validates the margin. */
  public MarginHingeLoss {
    if (!(margin >= 0.0) || !Double.isFinite(margin)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "margin-hinge ranking loss: margin %s must be finite and >= 0", margin));
    }
    margin = margin + 0.0; // no -0.0, so that id() and equals agree
  }

  @Override
  public double value(double x) {
    double z = x + margin;
    return z > 0 ? z : 0.0;
  }

  @Override
  public double derivative(double x) {
    return x + margin > 0 ? 1.0 : 0.0;
  }

  @Override
  public String id() {
    return "margin-hinge:" + PlainDecimal.format(margin);
  }
}
