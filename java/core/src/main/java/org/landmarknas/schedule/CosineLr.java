package org.landmarknas.schedule;

import java.util.Locale;

/**
 * Learning rate decayed by a half cosine from {@code max} at epoch 0 to {@code min} at epoch
 * {@code epochs} (SGDR without restarts, Loshchilov &amp; Hutter, arXiv:1608.03983), evaluated per
 * epoch as in the NAS-Bench-201 and landmark-regularization reference settings.
 */
public record CosineLr(double max, double min, int epochs) {

  public CosineLr {
    if (!(max > 0) || !(min >= 0) || min > max) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "cosine lr needs 0 <= min <= max and max > 0, got max=%s min=%s", max, min));
    }
    if (epochs < 1) {
      throw new IllegalArgumentException("cosine lr needs epochs >= 1, got " + epochs);
    }
  }

  /** The rate for a (possibly fractional) epoch in [0, epochs]. */
  public double at(double epoch) {
    double t = Math.min(Math.max(epoch / epochs, 0.0), 1.0);
    return min + (max - min) * 0.5 * (1.0 + Math.cos(Math.PI * t));
  }
}
