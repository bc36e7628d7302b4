package org.landmarknas.torch;

/**
 * GDAS's Gumbel-softmax temperature: linear from {@value #MAX} in the first policy epoch (the
 * first after the warm-up) to {@value #MIN} in the last, one value per epoch as in AutoDL. The
 * reference instead divides by a fixed 35 epochs, which turns τ negative in longer runs.
 *
 * @param warmup epochs of uniform single-path training before GDAS (0 &lt;= warmup &lt; epochs)
 * @param epochs epochs of the run
 */
record GdasTemperature(int warmup, int epochs) {
  static final double MAX = 10.0;
  static final double MIN = 0.1;

  GdasTemperature {
    if (warmup < 0 || warmup >= epochs) {
      throw new IllegalArgumentException("GDAS warm-up " + warmup + " outside 0.." + (epochs - 1));
    }
  }

  /** Whether epoch {@code epoch} (0-based) trains with GDAS rather than uniform paths. */
  boolean policyEpoch(int epoch) {
    return epoch >= warmup;
  }

  /** τ of policy epoch {@code epoch} (0-based; a single policy epoch has {@value #MAX}). */
  double at(int epoch) {
    if (!policyEpoch(epoch)) {
      throw new IllegalArgumentException("epoch " + epoch + " is a warm-up epoch: no tau");
    }
    int span = epochs - warmup - 1;
    return span == 0 ? MAX : MAX - (MAX - MIN) * (epoch - warmup) / span;
  }
}
