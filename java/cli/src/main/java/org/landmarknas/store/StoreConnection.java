package org.landmarknas.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/**
 * The one connection a {@link ResultsStore} holds to its file, and the transactions run on it.
 * Every read and write goes through {@link #read} or {@link #write}, which turn a
 * {@link SQLException} into a {@link StoreException} naming the file and the work that failed.
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

  private final Path file;
  private final Connection connection;

  private StoreConnection(Path file, Connection connection) {
    this.file = file;
    this.connection = connection;
  }

  /**
   * Opens a connection to {@code file}, which must be absolute, creating its directory and the
   * file if needed.
   *
   * @throws StoreException when the directory cannot be created or the file cannot be opened
   */
  static StoreConnection open(Path file) {
    try {
      Path dir = file.getParent();
      if (dir != null) {
        Files.createDirectories(dir);
      }
    } catch (IOException e) {
      throw new StoreException("results store " + file + ": cannot create its directory", e);
    }
    try {
      return new StoreConnection(file, SqliteDialect.connect(file));
    } catch (SQLException e) {
      throw new StoreException("results store " + file + ": cannot open: " + e.getMessage(), e);
    }
  }

  /** The database file. */
  Path file() {
    return file;
  }

  /**
   * Runs {@code work} outside any explicit transaction: each statement sees the last committed
   * state, which is all a single query needs.
   */
  synchronized <T> T read(String what, SqlWork<T> work) {
    try {
      return work.run(connection);
    } catch (SQLException e) {
      throw failure(what, e);
    }
  }

  /**
   * Runs {@code work} in one transaction that holds the write lock from its start and commits at
   * its end, so a process killed at any point leaves all of it or none. Any failure rolls back;
   * an {@link SQLException} is reported as a {@link StoreException}, any other exception is
   * rethrown as it is.
   */
  synchronized <T> T write(String what, SqlWork<T> work) {
    try {
      SqliteDialect.beginWrite(connection);
    } catch (SQLException e) {
      throw failure(what, e);
    }
    try {
      T out = work.run(connection);
      try (var s = connection.createStatement()) {
        s.execute("COMMIT");
      }
      return out;
    } catch (SQLException | RuntimeException e) {
      try (var s = connection.createStatement()) {
        s.execute("ROLLBACK");
      } catch (SQLException suppressed) {
        e.addSuppressed(suppressed);
      }
      if (e instanceof SQLException sql) {
        throw failure(what, sql);
      }
      throw (RuntimeException) e;
    }
  }

  /** Closes the connection; further reads and writes fail. Closing twice is harmless. */
  @Override
  public synchronized void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      throw new StoreException("results store " + file + ": cannot close", e);
    }
  }

  private StoreException failure(String what, SQLException e) {
    return new StoreException(String.format(Locale.ROOT, "results store %s: %s failed: %s", file,
        what, e.getMessage()), e);
  }
}
