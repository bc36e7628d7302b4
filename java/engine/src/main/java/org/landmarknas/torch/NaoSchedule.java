package org.landmarknas.torch;

/**
 * When NAO's controller acts: after {@code warmup} uniform epochs and then every {@code every}
 * epochs, and always after the last epoch (the reference's points W, W + every, ..., E).
 * Counts are of epochs done, so the point after (0-based) epoch e is {@code e + 1}.
 *
 * @param warmup uniform epochs before the first point (1 .. epochs - 1)
 * @param every epochs between points (>= 1)
 * @param epochs the run's epochs: the last point, which only scores the pool
 */
record NaoSchedule(int warmup, int every, int epochs) {

  NaoSchedule {
    if (warmup < 1 || warmup >= epochs || every < 1) {
      throw new IllegalArgumentException("NAO schedule needs 1 <= warmup < epochs and every >= 1,"
          + " not warmup " + warmup + ", every " + every + ", epochs " + epochs);
    }
  }

  /** Whether a controller point follows when {@code done} epochs are done. */
  boolean pointAfter(int done) {
    return done == epochs || (done >= warmup && (done - warmup) % every == 0);
  }

  /** Whether (0-based) epoch {@code epoch} trains on the pool rather than uniform paths. */
  boolean poolEpoch(int epoch) {
    return epoch >= warmup;
  }

  /** Whether the point after {@code done} epochs is the last, which only scores. */
  boolean last(int done) {
    return done == epochs;
  }
}
