package org.landmarknas.torch;

import java.util.Locale;

/**
 * How BatchNorm layers normalise. The landmark-regularization reference trains and scores its
 * super-net with batch statistics only: running averages over many different paths describe no
 * single architecture well.
 */
public enum BatchNormMode {
  /** Always normalise with the current batch's statistics; affine; no running buffers. */
  BATCH("batch"),
  /** Classic BN: batch statistics in training mode, running averages in eval mode. */
  RUNNING("running");

  private final String id;

  BatchNormMode(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  public static BatchNormMode ofId(String id) {
    for (BatchNormMode m : values()) {
      if (m.id.equals(id)) {
        return m;
      }
    }
    throw new IllegalArgumentException(String.format(Locale.ROOT,
        "unknown batchnorm mode \"%s\" (allowed: batch, running)", id));
  }
}
