package org.landmarknas.store;

/** {@link JobQueueContract} on the test PostgreSQL server. */
final class JobQueuePostgresTest extends JobQueueContract {
  @Override
  Backend backend() {
    return Backend.POSTGRES;
  }
}
