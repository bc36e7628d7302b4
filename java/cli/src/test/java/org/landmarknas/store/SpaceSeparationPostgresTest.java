package org.landmarknas.store;

/** {@link SpaceSeparationContract} on the test PostgreSQL server. */
final class SpaceSeparationPostgresTest extends SpaceSeparationContract {
  @Override
  Backend backend() {
    return Backend.POSTGRES;
  }
}
