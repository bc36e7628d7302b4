package org.landmarknas.torch;

import java.util.Locale;

/**
 * Arithmetic of the super-net's forward pass. {@link #BF16} runs it under libtorch's CPU
 * autocast with bfloat16 (convolutions and matrix products in bf16, which AMX/AVX-512-BF16 CPUs
 * execute natively; reductions and the loss stay in float32); parameters, gradients and the
 * optimizer stay float32 either way.
 */
public enum Precision {
  /** Everything in float32. */
  FP32("fp32"),
  /** Forward under CPU autocast to bfloat16. */
  BF16("bf16");

  private final String id;

  Precision(String id) {
    this.id = id;
  }

  /** The config spelling. */
  public String id() {
    return id;
  }

  /**
   * The precision with config spelling {@code id}.
   *
   * @throws IllegalArgumentException for any other spelling
   */
  public static Precision ofId(String id) {
    for (Precision p : values()) {
      if (p.id.equals(id)) {
        return p;
      }
    }
    throw new IllegalArgumentException(String.format(Locale.ROOT,
        "precision \"%s\" is not allowed (allowed: fp32, bf16)", id));
  }
}
