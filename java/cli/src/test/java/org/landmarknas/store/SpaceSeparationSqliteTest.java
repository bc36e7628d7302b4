package org.landmarknas.store;

/** {@link SpaceSeparationContract} on a SQLite file. */
final class SpaceSeparationSqliteTest extends SpaceSeparationContract {
  @Override
  Backend backend() {
    return Backend.SQLITE;
  }
}
