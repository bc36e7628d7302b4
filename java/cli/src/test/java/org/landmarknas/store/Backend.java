package org.landmarknas.store;

import java.nio.file.Path;
import java.util.List;

/** A database the shared store tests run against, and the little SQL that differs for them. */
enum Backend {
  /** A fresh SQLite file in the test's temporary directory. */
  SQLITE {
    @Override
    StoreLocation newStore(Path dir) {
      return StoreLocation.file(dir.resolve("store.db"));
    }

    @Override
    List<String> refuseJobStateChanges() {
      return List.of("CREATE TRIGGER no_done BEFORE UPDATE OF state ON jobs"
          + " BEGIN SELECT RAISE(ABORT, 'refused'); END");
    }
  },
  /** A fresh schema of the JVM's throw-away PostgreSQL server ({@link PostgresServer}). */
  POSTGRES {
    @Override
    StoreLocation newStore(Path dir) {
      return StoreLocation.parse(PostgresServer.shared().newStoreUrl());
    }

    @Override
    List<String> refuseJobStateChanges() {
      return List.of("CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS"
              + " $$ BEGIN RAISE EXCEPTION 'refused'; END $$",
          "CREATE TRIGGER no_done BEFORE UPDATE OF state ON jobs FOR EACH ROW"
              + " EXECUTE FUNCTION refuse()");
    }
  };

  /** The location of a new, empty store. */
  abstract StoreLocation newStore(Path dir);

  /** DDL that makes every change of a job's state fail, to break a transaction midway. */
  abstract List<String> refuseJobStateChanges();
}
