package org.landmarknas.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.landmarknas.space.Nb201Arch;
import org.landmarknas.space.Nb201Space;

/**
 * What only the PostgreSQL store does: the server's clock times leases, a lost connection and
 * the transient errors of a busy server are retried, and workers that open a new store at the
 * same moment create its tables once.
 */
final class PostgresStoreTest extends StoreContract {
  private static final String P = StoreFixtures.PROTOCOL;

  @Override
  Backend backend() {
    return Backend.POSTGRES;
  }

  /**
   * The store's clock is the server's {@code now()}, the start of the transaction: read 300 ms
   * into one, it still says when that transaction began, which no JVM clock would.
   */
  @Test
  void databaseClock_isTheServersTransactionTime() throws Exception {
    try (Connection c = connect()) {
      c.setAutoCommit(false);
      long before = System.currentTimeMillis();
      try (Statement s = c.createStatement()) {
        s.execute("SELECT 1"); // the transaction starts here
      }
      Thread.sleep(300);
      long now = location.dialect().clock().millis(c);
      assertTrue(now >= before - 1_000 && now < System.currentTimeMillis() - 250,
          "server time " + now + " vs JVM " + before + ".." + System.currentTimeMillis());
      c.rollback();
    }
  }

  @Test
  void claim_leaseIsTimedByTheServer() throws Exception {
    try (ResultsStore<Nb201Arch> store = open()) {
      store.enqueue(StoreFixtures.distinctArchs(1), P, 0);
      long before = serverMillis();
      Job<Nb201Arch> job = store.claim("w", P, Duration.ofMinutes(1)).orElseThrow();
      long after = serverMillis();
      long until = job.leaseUntil().toEpochMilli();
      assertTrue(until >= before + 60_000 && until <= after + 60_000,
          before + " + 60 s <= " + until + " <= " + after + " + 60 s");
    }
  }

  /** The server ends the store's session (as a restart or a fail-over would): it reconnects. */
  @Test
  void lostConnection_isReopened_andTheWorkDone() throws Exception {
    StoreLocation victim = StoreLocation.parse(location + "&ApplicationName=victim");
    try (ResultsStore<Nb201Arch> store = ResultsStore.open(victim, Nb201Space.INSTANCE)) {
      store.enqueue(StoreFixtures.distinctArchs(2), P, 0);
      assertEquals(1, terminate("victim"));
      assertEquals(new QueueStatus(2, 0, 0, 0, 0), store.status(P), "a read after the loss");
      assertEquals(1, terminate("victim"));
      Job<Nb201Arch> job = store.claim("w", P, Duration.ofMinutes(1)).orElseThrow();
      store.complete(job, StoreFixtures.result(job.arch(), 0, 0.5));
      assertEquals(new QueueStatus(1, 0, 1, 0, 0), store.status(P));
    }
  }

  @Test
  void transientErrors_areRetried_othersAreNot() {
    Dialect dialect = location.dialect();
    Backoff quick = new Backoff(3, Duration.ofMillis(1), Duration.ofMillis(5));
    try (StoreConnection db = StoreConnection.open(dialect, quick)) {
      for (String state : List.of("40001", "40P01", "08006", "57P01")) {
        AtomicInteger tries = new AtomicInteger();
        int out = db.write("flaky " + state, c -> {
          if (tries.incrementAndGet() < 3) {
            throw new SQLException("injected", state);
          }
          return 7;
        });
        assertEquals(7, out, state);
        assertEquals(3, tries.get(), state);
      }
      AtomicInteger tries = new AtomicInteger();
      StoreException e = assertThrows(StoreException.class, () -> db.write("unique", c -> {
        tries.incrementAndGet();
        throw new SQLException("duplicate key", "23505");
      }));
      assertEquals(1, tries.get(), "a constraint violation is not retried");
      assertTrue(e.getMessage().contains("[SQLSTATE 23505]"), e.getMessage());
      StoreException gaveUp = assertThrows(StoreException.class, () -> db.write("always", c -> {
        throw new SQLException("always", "40001");
      }));
      assertTrue(gaveUp.getMessage().contains("after 3 tries"), gaveUp.getMessage());
    }
  }

  /** Eight workers start on an empty database at once: one creates the tables, all work. */
  @Test
  void open_manyAtOnceOnANewDatabase_createsTheSchemaOnce() throws Exception {
    int n = 8;
    ExecutorService pool = Executors.newFixedThreadPool(n);
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<Integer>> opened = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        opened.add(pool.submit(() -> {
          go.await();
          try (ResultsStore<Nb201Arch> store = open()) {
            return store.schemaVersion();
          }
        }));
      }
      go.countDown();
      for (Future<Integer> f : opened) {
        assertEquals(StoreSchema.CURRENT, f.get());
      }
    } finally {
      pool.shutdownNow();
    }
    try (Connection c = connect(); Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT COUNT(*) FROM schema_version")) {
      r.next();
      assertEquals(StoreSchema.CURRENT, r.getInt(1));
    }
  }

  private long serverMillis() throws SQLException {
    try (Connection c = connect()) {
      return location.dialect().clock().millis(c);
    }
  }

  /** Ends the server sessions named {@code application}; returns how many. */
  private static int terminate(String application) throws SQLException {
    try (Connection c = DriverManager.getConnection(PostgresServer.shared().adminUrl());
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT COUNT(pg_terminate_backend(pid))"
            + " FROM pg_stat_activity WHERE application_name = '" + application + "'")) {
      r.next();
      return r.getInt(1);
    }
  }
}
