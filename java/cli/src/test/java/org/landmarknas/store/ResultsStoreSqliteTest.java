package org.landmarknas.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.landmarknas.space.Nb201Arch;
import org.landmarknas.space.Nb201Space;

/** {@link ResultsStoreContract} on a SQLite file, and what only a file has. */
final class ResultsStoreSqliteTest extends ResultsStoreContract {
  @Override
  Backend backend() {
    return Backend.SQLITE;
  }

  @Test
  void open_newFile_isInWalMode() throws Exception {
    open().close();
    try (Connection c = connect(); Statement s = c.createStatement();
        ResultSet r = s.executeQuery("PRAGMA journal_mode")) {
      assertTrue(r.next());
      assertEquals("wal", r.getString(1));
    }
  }

  @Test
  void open_fileInAMissingDirectory_createsTheDirectory() {
    Path file = dir.resolve("sub/deeper/r.db");
    try (ResultsStore<Nb201Arch> store = ResultsStore.open(file, Nb201Space.INSTANCE)) {
      assertEquals(StoreLocation.file(file), store.location());
    }
    assertTrue(Files.isRegularFile(file));
  }

  @Test
  void open_unreadableFile_failsNamingTheFile() throws Exception {
    Path file = dir.resolve("not-a-db");
    Files.writeString(file, "this is not an SQLite database, just some text ".repeat(50));
    StoreException e = assertThrows(StoreException.class,
        () -> ResultsStore.open(file, Nb201Space.INSTANCE));
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
  }
}
