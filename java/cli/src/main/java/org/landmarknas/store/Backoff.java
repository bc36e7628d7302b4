package org.landmarknas.store;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How often and how long the store waits before trying a transaction again after a transient
 * error: exponential delays with jitter, so workers that lost the same race (or the same server)
 * do not come back in step. The default spans about half a minute, the time a PostgreSQL server
 * takes to restart or fail over.
 *
 * @param tries the most tries of one transaction, the first included
 * @param first the delay after the first failure
 * @param cap the longest delay
 */
record Backoff(int tries, Duration first, Duration cap) {

  /** Ten tries, 50 ms doubling up to 5 s: about 25 s of waiting at most. */
  static final Backoff DEFAULT = new Backoff(10, Duration.ofMillis(50), Duration.ofSeconds(5));

  /** Checks the bounds. */
  Backoff {
    if (tries < 1) {
      throw new IllegalArgumentException("tries must be >= 1, got " + tries);
    }
    if (first.isNegative() || cap.compareTo(first) < 0) {
      throw new IllegalArgumentException("need 0 <= first <= cap, got " + first + ", " + cap);
    }
  }

  /**
   * The delay after failed try {@code failed} (1-based): {@code first * 2^(failed-1)}, capped,
   * then a random part of it between a half and the whole.
   */
  Duration delay(int failed) {
    long full = first.toMillis() << Math.min(failed - 1, 20);
    long capped = Math.min(full, cap.toMillis());
    return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
  }
}
