package org.landmarknas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.landmarknas.store.PostgresServer;

/**
 * {@code --store} from the command line: a PostgreSQL URL works as a file does, and a value that
 * is neither, or a server that cannot be reached, is bad input (exit 2, one line, the value).
 */
final class StoreOptionTest {

  @Test
  void postgresStore_enqueueThenStatus() {
    String url = PostgresServer.shared().newStoreUrl();
    CliRun enqueued = CliRun.standard("standalone", "enqueue", "--random", "3", "--seed", "1",
        "--store", url);
    assertEquals(0, enqueued.exitCode(), enqueued.err());
    assertTrue(enqueued.out().contains("enqueued 3 of 3"), enqueued.out());
    CliRun status = CliRun.standard("standalone", "status", "--store", url);
    assertEquals(0, status.exitCode(), status.err());
    assertTrue(status.out().contains("3 queued, 0 running, 0 done"), status.out());
  }

  @Test
  void malformedOrForeignUrl_exit2_namingTheValueAndTheExpectedForm() {
    for (String bad : new String[] {"jdbc:mysql://h/db", "jdbc:postgresql://h:port/db"}) {
      CliRun r = CliRun.standard("standalone", "status", "--store", bad);
      assertEquals(Main.EXIT_USAGE, r.exitCode(), r.err());
      assertTrue(r.oneLineError(), r.err());
      assertTrue(r.err().contains("--store: results store " + bad), r.err());
      assertTrue(r.err().contains("jdbc:postgresql://host:port/database?user=NAME"), r.err());
    }
  }

  @Test
  void unreachableServer_exit2_namingTheUrlWithoutItsPassword() {
    String url = "jdbc:postgresql://127.0.0.1:1/nas?user=lmnas&password=hunter2";
    CliRun r = CliRun.standard("standalone", "enqueue", "--random", "1", "--store", url);
    assertEquals(Main.EXIT_USAGE, r.exitCode(), r.err());
    assertTrue(r.oneLineError(), r.err());
    assertTrue(r.err().contains("jdbc:postgresql://127.0.0.1:1/nas?user=lmnas&password=***"),
        r.err());
    assertTrue(r.err().contains("cannot open") && r.err().contains("reachable"), r.err());
    assertFalse(r.err().contains("hunter2"), r.err());
  }
}
