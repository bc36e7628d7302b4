package org.landmarknas.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Everything the store says that only one database understands: how to connect, how a write
 * transaction begins and ends, the identity column, the row lock of a claim, which errors are
 * worth retrying and whose clock times leases. All other SQL in this package is plain and shared
 * ({@code ON CONFLICT DO NOTHING} included, which SQLite and PostgreSQL both speak), so one schema
 * and one set of queries serve both databases.
 */
interface Dialect {

  /** The store's location for messages, without secrets. */
  String describe();

  /** Opens a new connection with the session settings the store relies on. */
  Connection connect() throws SQLException;

  /** Column type of a surrogate key the database numbers itself, increasing as rows are added. */
  String identityColumn();

  /**
   * Statements that make {@code table}'s identity column number new rows after the highest id
   * it holds, once rows were copied in with their ids (a table rebuilt by a migration).
   */
  List<String> resumeIdentity(String table);

  /** Begins a write transaction on {@code c}. */
  void begin(Connection c) throws SQLException;

  /** Commits the transaction {@link #begin} started. */
  void commit(Connection c) throws SQLException;

  /** Rolls back the transaction {@link #begin} started. */
  void rollback(Connection c) throws SQLException;

  /**
   * Serializes schema migrations of processes that open a new store at the same moment, inside
   * the caller's write transaction: without it two of them could both create the tables.
   */
  void lockSchema(Connection c) throws SQLException;

  /**
   * What follows a claim's {@code SELECT} of claimable jobs so that concurrent claimers neither
   * wait for nor take each other's rows; empty where the write transaction already excludes them.
   */
  String skipLocked();

  /**
   * True for an error that a later try of the same transaction may not meet: a serialization
   * failure, a deadlock, a lost connection. The store rolls back and retries those.
   */
  boolean isTransient(SQLException e);

  /** True for an error after which the connection is unusable and must be opened anew. */
  boolean isConnectionLost(SQLException e);

  /** The clock that times leases when no other is given: the database's. */
  StoreClock clock();
}
