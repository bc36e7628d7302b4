package org.landmarknas.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/**
 * The one connection a {@link ResultsStore} holds to its database, and the transactions run on
 * it. Every read and write goes through {@link #read} or {@link #write}, which turn a
 * {@link SQLException} into a {@link StoreException} naming the store and the work that failed.
 *
 * <p>A transient error (as the {@link Dialect} judges it: a serialization failure, a deadlock, a
 * lost connection) rolls the work back and runs it again after a {@link Backoff}, on a new
 * connection where the old one died. Every unit of work in this package is written to be run
 * again whole: an insert that finds its row keeps the first, an update re-tests its state.
 *
 * <p>Its methods are synchronized because a JDBC connection carries one transaction at a time:
 * two threads interleaving statements on it would commit or roll back each other's work. Each
 * store operation is exactly one {@code read} or {@code write}, so this lock serializes them
 * whole.
 */
final class StoreConnection implements AutoCloseable {

  /** One unit of SQL work on the store's connection. */
  @FunctionalInterface
  interface SqlWork<T> {
    T run(Connection c) throws SQLException;
  }

  /** One try of a read or a whole transaction. */
  @FunctionalInterface
  private interface SqlTry<T> {
    T run() throws SQLException;
  }

  private final Dialect dialect;
  private final Backoff backoff;
  /** The live connection; null after one was lost, until the next try opens another. */
  private Connection connection;
  private boolean closed;

  private StoreConnection(Dialect dialect, Backoff backoff, Connection connection) {
    this.dialect = dialect;
    this.backoff = backoff;
    this.connection = connection;
  }

  /**
   * Opens a connection through {@code dialect}, once: a store that cannot be reached at the
   * start is more likely misnamed than briefly away, so it fails at once.
   *
   * @throws StoreUnreachableException when the database cannot be opened
   */
  static StoreConnection open(Dialect dialect, Backoff backoff) {
    try {
      return new StoreConnection(dialect, backoff, dialect.connect());
    } catch (SQLException e) {
      throw new StoreUnreachableException("results store " + dialect.describe()
          + ": cannot open: " + e.getMessage(), e);
    }
  }

  /** The store's dialect. */
  Dialect dialect() {
    return dialect;
  }

  /** The store's location, for messages. */
  String describe() {
    return dialect.describe();
  }

  /**
   * Runs {@code work} outside any explicit transaction: each statement sees the last committed
   * state, which is all a single query needs.
   */
  synchronized <T> T read(String what, SqlWork<T> work) {
    return retrying(what, () -> work.run(connection()));
  }

  /**
   * Runs {@code work} in one transaction that commits at its end, so a process killed at any
   * point leaves all of it or none. Any failure rolls back; a transient one is retried, any
   * other {@link SQLException} is reported as a {@link StoreException}, and any other exception
   * is rethrown as it is.
   */
  synchronized <T> T write(String what, SqlWork<T> work) {
    return retrying(what, () -> transaction(work));
  }

  /** Closes the connection; further reads and writes fail. Closing twice is harmless. */
  @Override
  public synchronized void close() {
    closed = true;
    if (connection == null) {
      return;
    }
    try {
      connection.close();
    } catch (SQLException e) {
      throw new StoreException("results store " + describe() + ": cannot close", e);
    } finally {
      connection = null;
    }
  }

  private <T> T retrying(String what, SqlTry<T> attempt) {
    for (int tried = 1; ; tried++) {
      try {
        return attempt.run();
      } catch (SQLException e) {
        if (closed || !dialect.isTransient(e) || tried >= backoff.tries()) {
          throw failure(what, e, tried);
        }
        if (dialect.isConnectionLost(e)) {
          discardConnection();
        }
        sleepBeforeTry(tried, what, e);
      }
    }
  }

  private <T> T transaction(SqlWork<T> work) throws SQLException {
    Connection c = connection();
    dialect.begin(c);
    try {
      T out = work.run(c);
      dialect.commit(c);
      return out;
    } catch (SQLException | RuntimeException e) {
      try {
        dialect.rollback(c);
      } catch (SQLException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  private Connection connection() throws SQLException {
    if (closed) {
      throw new SQLException("the store is closed", "08003");
    }
    if (connection == null) {
      connection = dialect.connect();
    }
    return connection;
  }

  /** Drops a dead connection; the next try opens a new one. */
  private void discardConnection() {
    try {
      if (connection != null) {
        connection.close();
      }
    } catch (SQLException ignored) {
      // It is dead already: closing it can only fail the same way.
    }
    connection = null;
  }

  private void sleepBeforeTry(int tried, String what, SQLException cause) {
    try {
      Thread.sleep(backoff.delay(tried).toMillis());
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw failure(what + " (interrupted while waiting to retry)", cause, tried);
    }
  }

  private StoreException failure(String what, SQLException e, int tries) {
    String state = e.getSQLState() == null ? "" : " [SQLSTATE " + e.getSQLState() + "]";
    String after = tries > 1 ? " (after " + tries + " tries)" : "";
    return new StoreException(String.format(Locale.ROOT, "results store %s: %s failed%s: %s%s",
        describe(), what, after, e.getMessage(), state), e);
  }
}
