package org.landmarknas.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * Everything the store says that only SQLite understands: the JDBC URL, the session pragmas and
 * how a write transaction begins. All other SQL in this package is plain, so a PostgreSQL dialect
 * would replace this class and nothing else.
 */
final class SqliteDialect {

  /** How long a writer waits for another process's write lock before giving up. */
  static final Duration BUSY_TIMEOUT = Duration.ofSeconds(10);

  private SqliteDialect() {}

  /** Opens a connection to {@code file} (created if absent) in WAL mode with a busy timeout. */
  static Connection connect(Path file) throws SQLException {
    Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
    try (Statement s = c.createStatement()) {
      // The timeout first: switching to WAL itself needs the lock another opener may hold.
      s.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT.toMillis());
      s.execute("PRAGMA journal_mode = WAL");
    } catch (SQLException e) {
      c.close();
      throw e;
    }
    return c;
  }

  /**
   * Column type of a surrogate key the database numbers itself; in SQLite an {@code INTEGER
   * PRIMARY KEY} is the row id, increasing as rows are added.
   */
  static String identityColumn() {
    return "INTEGER PRIMARY KEY";
  }

  /**
   * Begins a transaction that holds the write lock from its first statement. A deferred
   * transaction that reads and then writes can fail with SQLITE_BUSY without waiting (SQLite's
   * deadlock avoidance); taking the lock up front lets the busy timeout apply and makes a
   * read-then-update (a job claim) atomic across processes.
   */
  static void beginWrite(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("BEGIN IMMEDIATE");
    }
  }
}
