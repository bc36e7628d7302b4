package org.landmarknas.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A claimed unit of work: train {@code arch} (the canonical member of its equivalence class) under
 * {@code protocol} with {@code seed}. {@code worker} holds it until {@code leaseUntil}; past that,
 * any worker may claim it again. {@code attempts} counts claims, this one included.
 *
 * @param <A> the architecture type of the store's space
 */
public record Job<A>(long id, A arch, String protocol, long seed, String worker,
    Instant leaseUntil, int attempts) {

  /** Checks the fields. */
  public Job {
    Objects.requireNonNull(arch, "arch");
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(worker, "worker");
    Objects.requireNonNull(leaseUntil, "leaseUntil");
    if (attempts < 1) {
      throw new IllegalArgumentException("job " + id + ": attempts must be >= 1, got " + attempts);
    }
  }
}
