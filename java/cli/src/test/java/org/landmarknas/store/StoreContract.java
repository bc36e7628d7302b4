package org.landmarknas.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.landmarknas.space.Nb201Arch;
import org.landmarknas.space.Nb201Space;

/**
 * The base of the store tests that run on every {@link Backend}: each test gets a new, empty
 * store at {@link #location}, opened by {@link #open}; a subclass per backend names it.
 */
abstract class StoreContract {

  @TempDir
  Path dir;

  /** The test's store. */
  StoreLocation location;

  /** The database this subclass tests. */
  abstract Backend backend();

  @BeforeEach
  void newStore() {
    location = backend().newStore(dir);
  }

  /** The test's store for NB201, leases timed by the database. */
  ResultsStore<Nb201Arch> open() {
    return ResultsStore.open(location, Nb201Space.INSTANCE);
  }

  /** The test's store for NB201, leases timed by {@code clock}. */
  ResultsStore<Nb201Arch> open(Clock clock) {
    return ResultsStore.open(location, Nb201Space.INSTANCE, clock);
  }

  /** A plain connection to the test's database, for set-up and checks behind the store. */
  Connection connect() throws SQLException {
    return location.dialect().connect();
  }

  /** Runs {@code sql} on a plain connection. */
  void execute(Iterable<String> sql) throws SQLException {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      for (String statement : sql) {
        s.execute(statement);
      }
    }
  }
}
