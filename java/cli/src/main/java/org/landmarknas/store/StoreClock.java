package org.landmarknas.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;

/**
 * Where the store reads "now" (epoch milliseconds) for leases and row times. Leases are compared
 * across every worker of a store, so they must all read one clock: a database server's, not each
 * worker's own, which may be minutes off on another machine. Tests pass a {@link Clock} they move
 * by hand instead, so a lease runs out without waiting.
 */
@FunctionalInterface
interface StoreClock {

  /** The time now, read inside the caller's transaction on {@code c}. */
  long millis(Connection c) throws SQLException;

  /** A store clock that reads {@code clock} and not the database. */
  static StoreClock of(Clock clock) {
    return c -> clock.millis();
  }
}
