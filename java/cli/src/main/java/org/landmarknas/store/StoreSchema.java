package org.landmarknas.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The versioned layout of a results store. Each version is a list of DDL statements applied once,
 * in order, and recorded in {@code schema_version}; a later version appends a list here and never
 * edits an earlier one, so any old file can be brought up to date. The DDL is plain SQL apart from
 * the identity column, which the {@link Dialect} spells.
 */
final class StoreSchema {

  /** The newest version this build writes and understands. */
  static final int CURRENT = 2;

  /** The longest failure message a job keeps; longer ones are cut. */
  static final int ERROR_LENGTH = 2000;

  /**
   * The DDL of every version, in order, with {@code dialect}'s identity column; a rebuilt table
   * that keeps its ids resumes its identity after them (PostgreSQL's sequence does not move when
   * ids are given).
   */
  private static List<List<String>> versions(Dialect dialect) {
    // Version 1: results keyed by equivalence class, and the work queue.
    List<String> version1 = List.of(
          "CREATE TABLE results ("
              + " space VARCHAR(64) NOT NULL,"
              + " arch VARCHAR(256) NOT NULL,"
              + " trained_arch VARCHAR(256) NOT NULL,"
              + " protocol VARCHAR(256) NOT NULL,"
              + " seed BIGINT NOT NULL,"
              + " valid_accuracy DOUBLE PRECISION,"
              + " valid_loss DOUBLE PRECISION,"
              + " test_accuracy DOUBLE PRECISION,"
              + " test_loss DOUBLE PRECISION,"
              + " parameters BIGINT NOT NULL,"
              + " wall_seconds DOUBLE PRECISION,"
              + " created_at BIGINT NOT NULL,"
              + " UNIQUE (space, arch, protocol, seed))",
          "CREATE TABLE jobs ("
              + " id " + dialect.identityColumn() + ","
              + " space VARCHAR(64) NOT NULL,"
              + " arch VARCHAR(256) NOT NULL,"
              + " protocol VARCHAR(256) NOT NULL,"
              + " seed BIGINT NOT NULL,"
              + " state VARCHAR(16) NOT NULL CHECK (state IN ('queued', 'running', 'done')),"
              + " lease_owner VARCHAR(256),"
              + " lease_until BIGINT,"
              + " attempts INTEGER NOT NULL,"
              + " created_at BIGINT NOT NULL,"
              + " updated_at BIGINT NOT NULL,"
              + " UNIQUE (space, arch, protocol, seed))",
          "CREATE INDEX jobs_by_state ON jobs (state, id)");
    // Version 2: a job can fail (its training threw, or its workers kept dying on it) and
    // keeps why, so one bad job no longer stops every worker that claims it. SQLite cannot
    // alter a CHECK constraint, so the table is rebuilt, in plain SQL.
    List<String> version2 = new ArrayList<>(List.of(
          "CREATE TABLE jobs_v2 ("
              + " id " + dialect.identityColumn() + ","
              + " space VARCHAR(64) NOT NULL,"
              + " arch VARCHAR(256) NOT NULL,"
              + " protocol VARCHAR(256) NOT NULL,"
              + " seed BIGINT NOT NULL,"
              + " state VARCHAR(16) NOT NULL"
              + " CHECK (state IN ('queued', 'running', 'done', 'failed')),"
              + " lease_owner VARCHAR(256),"
              + " lease_until BIGINT,"
              + " attempts INTEGER NOT NULL,"
              + " created_at BIGINT NOT NULL,"
              + " updated_at BIGINT NOT NULL,"
              + " error VARCHAR(" + ERROR_LENGTH + "),"
              + " UNIQUE (space, arch, protocol, seed))",
          "INSERT INTO jobs_v2 (id, space, arch, protocol, seed, state, lease_owner, lease_until,"
              + " attempts, created_at, updated_at) SELECT id, space, arch, protocol, seed, state,"
              + " lease_owner, lease_until, attempts, created_at, updated_at FROM jobs",
          "DROP TABLE jobs",
          "ALTER TABLE jobs_v2 RENAME TO jobs",
          "CREATE INDEX jobs_by_state ON jobs (state, id)"));
    version2.addAll(dialect.resumeIdentity("jobs"));
    return List.of(version1, version2);
  }

  private StoreSchema() {}

  /**
   * Brings the database up to {@link #CURRENT} inside the caller's write transaction, after
   * taking {@code dialect}'s schema lock so that processes opening a new store at once create its
   * tables once.
   *
   * @return the version found before migrating (0 for a new store)
   * @throws StoreException when the store was written by a newer build
   */
  static int migrate(Connection c, Dialect dialect, long nowMillis) throws SQLException {
    return migrate(c, dialect, nowMillis, CURRENT);
  }

  /** {@link #migrate} up to {@code target} only: tests make stores of an older version with it. */
  static int migrate(Connection c, Dialect dialect, long nowMillis, int target)
      throws SQLException {
    dialect.lockSchema(c);
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TABLE IF NOT EXISTS schema_version ("
          + " version INTEGER NOT NULL PRIMARY KEY, applied_at BIGINT NOT NULL)");
    }
    int found = version(c);
    if (found > CURRENT) {
      throw new StoreException(String.format(Locale.ROOT,
          "results store %s: schema version %d is newer than this build's %d", dialect.describe(),
          found, CURRENT));
    }
    for (int v = found + 1; v <= target; v++) {
      try (Statement s = c.createStatement()) {
        for (String ddl : versions(dialect).get(v - 1)) {
          s.execute(ddl);
        }
      }
      try (PreparedStatement p = c.prepareStatement(
          "INSERT INTO schema_version (version, applied_at) VALUES (?, ?)")) {
        p.setInt(1, v);
        p.setLong(2, nowMillis);
        p.executeUpdate();
      }
    }
    return found;
  }

  /** The highest version recorded, 0 when none is. */
  static int version(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT MAX(version) FROM schema_version")) {
      return r.next() ? r.getInt(1) : 0;
    }
  }
}
