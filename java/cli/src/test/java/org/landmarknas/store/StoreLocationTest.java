package org.landmarknas.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.landmarknas.space.Nb201Space;

/** What {@code --store} accepts, and what it says about what it does not. */
final class StoreLocationTest {

  @Test
  void parse_aPath_isASqliteFile() {
    StoreLocation l = StoreLocation.parse("runs/results.db");
    assertEquals(Optional.of(Path.of("runs/results.db").toAbsolutePath()), l.sqliteFile());
    assertEquals("results.db", l.shortName());
    assertTrue(l.dialect() instanceof SqliteDialect);
  }

  @Test
  void parse_aPostgresUrl_isAServer_withItsPasswordHidden() {
    StoreLocation l = StoreLocation.parse(
        "jdbc:postgresql://db.example:5433/nas?user=lmnas&password=s3cret&ssl=true");
    assertEquals(Optional.empty(), l.sqliteFile());
    assertEquals("jdbc:postgresql://db.example:5433/nas?user=lmnas&password=***&ssl=true",
        l.toString());
    assertEquals("postgresql:nas", l.shortName());
    assertTrue(l.dialect() instanceof PostgresDialect);
    assertFalse(l.dialect().describe().contains("s3cret"));
  }

  @Test
  void parse_badValues_sayWhatWasExpected() {
    for (String bad : new String[] {"", " ", "jdbc:mysql://h/db", "jdbc:sqlite:x.db",
        "jdbc:postgresql://h:notaport/db", "postgresql://h/db?password=pw"}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> StoreLocation.parse(bad), bad);
      assertTrue(e.getMessage().contains("jdbc:postgresql://host:port/database?user="),
          e.getMessage());
      assertFalse(e.getMessage().contains("pw&") || e.getMessage().endsWith("=pw"),
          e.getMessage());
    }
  }

  @Test
  void open_unreachableServer_failsAtOnce_namingTheUrl() {
    // port 1: nothing listens, the connection is refused at once
    StoreLocation l = StoreLocation.parse(
        "jdbc:postgresql://127.0.0.1:1/nas?user=lmnas&password=pw&connectTimeout=2");
    long start = System.nanoTime();
    StoreUnreachableException e = assertThrows(StoreUnreachableException.class,
        () -> ResultsStore.open(l, Nb201Space.INSTANCE));
    assertTrue((System.nanoTime() - start) / 1e9 < 10, "no retries at open");
    assertTrue(e.getMessage().contains("jdbc:postgresql://127.0.0.1:1/nas?user=lmnas"
        + "&password=***"), e.getMessage());
    assertFalse(e.getMessage().contains("pw&"), e.getMessage());
  }
}
