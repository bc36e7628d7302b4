package org.landmarknas.store;

/** {@link QueueKillContract} on a SQLite file. */
final class QueueKillSqliteTest extends QueueKillContract {
  @Override
  Backend backend() {
    return Backend.SQLITE;
  }
}
