package org.landmarknas.store;

/** {@link ResultsStoreContract} on the test PostgreSQL server. */
final class ResultsStorePostgresTest extends ResultsStoreContract {
  @Override
  Backend backend() {
    return Backend.POSTGRES;
  }
}
