package org.landmarknas.store;

import java.util.Objects;

/**
 * A job given up: its training threw, or its lease ran out on every one of its claims (the
 * workers holding it died). {@code error} says which and why; enqueueing the architecture again
 * gives it a fresh start.
 *
 * @param <A> the architecture type of the store's space
 */
public record JobFailure<A>(long id, A arch, String protocol, long seed, int attempts,
    String error) {

  /** Checks the fields. */
  public JobFailure {
    Objects.requireNonNull(arch, "arch");
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(error, "error");
  }
}
