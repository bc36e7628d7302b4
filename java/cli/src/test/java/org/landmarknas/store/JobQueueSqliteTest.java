package org.landmarknas.store;

/** {@link JobQueueContract} on a SQLite file. */
final class JobQueueSqliteTest extends JobQueueContract {
  @Override
  Backend backend() {
    return Backend.SQLITE;
  }
}
