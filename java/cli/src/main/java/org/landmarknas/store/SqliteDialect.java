package org.landmarknas.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * A store in one SQLite file: WAL mode, writers wait for each other's lock up to a busy timeout,
 * and a write transaction takes the lock up front. SQLite runs inside each worker's process, so
 * every process that opens the file reads the same machine's clock: the system clock is the
 * database's clock here.
 */
final class SqliteDialect implements Dialect {

  /** How long a writer waits for another process's write lock before giving up. */
  static final Duration BUSY_TIMEOUT = Duration.ofSeconds(10);

  private final Path file;

  /** The dialect of the store in {@code file}, an absolute path. */
  SqliteDialect(Path file) {
    this.file = file;
  }

  @Override
  public String describe() {
    return file.toString();
  }

  /** Opens a connection to the file (created if absent) in WAL mode with a busy timeout. */
  @Override
  public Connection connect() throws SQLException {
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

  /** In SQLite an {@code INTEGER PRIMARY KEY} is the row id, increasing as rows are added. */
  @Override
  public String identityColumn() {
    return "INTEGER PRIMARY KEY";
  }

  /** Nothing: a row id is one more than the highest in the table, whatever inserted that. */
  @Override
  public List<String> resumeIdentity(String table) {
    return List.of();
  }

  /**
   * Begins a transaction that holds the write lock from its first statement. A deferred
   * transaction that reads and then writes can fail with SQLITE_BUSY without waiting (SQLite's
   * deadlock avoidance); taking the lock up front lets the busy timeout apply and makes a
   * read-then-update (a job claim) atomic across processes.
   */
  @Override
  public void begin(Connection c) throws SQLException {
    execute(c, "BEGIN IMMEDIATE");
  }

  @Override
  public void commit(Connection c) throws SQLException {
    execute(c, "COMMIT");
  }

  @Override
  public void rollback(Connection c) throws SQLException {
    execute(c, "ROLLBACK");
  }

  /** Nothing to do: the write transaction already holds the file's only write lock. */
  @Override
  public void lockSchema(Connection c) {}

  /** Nothing: the write lock taken by {@link #begin} already keeps other claimers out. */
  @Override
  public String skipLocked() {
    return "";
  }

  /**
   * None: a busy file is waited for by the busy timeout, and past it the store is stuck for
   * longer than a retry would bridge.
   */
  @Override
  public boolean isTransient(SQLException e) {
    return false;
  }

  @Override
  public boolean isConnectionLost(SQLException e) {
    return false;
  }

  @Override
  public StoreClock clock() {
    return StoreClock.of(Clock.systemUTC());
  }

  private static void execute(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
