package org.landmarknas.store;

/** {@link QueueKillContract} on the test PostgreSQL server. */
final class QueueKillPostgresTest extends QueueKillContract {
  @Override
  Backend backend() {
    return Backend.POSTGRES;
  }
}
