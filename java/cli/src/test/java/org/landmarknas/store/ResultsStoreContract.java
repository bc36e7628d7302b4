package org.landmarknas.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.landmarknas.bench.StandaloneScores;
import org.landmarknas.space.Nb201Arch;
import org.landmarknas.space.Nb201Space;
import org.landmarknas.standalone.StandaloneResult;

/** The results table and the schema, the same on every {@link Backend}. */
abstract class ResultsStoreContract extends StoreContract {

  @Test
  void put_thenGet_roundTripsEveryField() {
    Nb201Arch arch = StoreFixtures.distinctArchs(5).get(4);
    var r = new StandaloneResult<>(arch, "p", 7, 0.81, 0.6, 0.79, 0.65, 123_456, 42.5);
    try (var store = open()) {
      assertTrue(store.put(r));
      assertEquals(Optional.of(r), store.get(arch, "p", 7));
      assertEquals(Optional.empty(), store.get(arch, "p", 8));
      assertEquals(Optional.empty(), store.get(arch, "other", 7));
    }
  }

  @Test
  void put_duplicateKey_keepsFirstRow() {
    Nb201Arch arch = StoreFixtures.distinctArchs(3).get(2);
    try (var store = open()) {
      assertTrue(store.put(StoreFixtures.result(arch, 1, 0.9)));
      assertFalse(store.put(StoreFixtures.result(arch, 1, 0.1)));
      assertEquals(1, store.all(StoreFixtures.PROTOCOL).size());
      assertEquals(0.9, store.get(arch, StoreFixtures.PROTOCOL, 1).orElseThrow().testAccuracy());
    }
  }

  @Test
  void put_equivalentArch_sharesTheClassRow() {
    Nb201Arch arch = Nb201Arch.parse(
        "|nor_conv_3x3~0|+|none~0|none~1|+|skip_connect~0|none~1|none~2|");
    Nb201Arch twin = Nb201Arch.parse(
        "|nor_conv_1x1~0|+|none~0|none~1|+|skip_connect~0|none~1|none~2|");
    assertEquals(Nb201Space.INSTANCE.canonical(arch), Nb201Space.INSTANCE.canonical(twin));
    assertNotEquals(arch, twin);
    try (var store = open()) {
      assertTrue(store.put(StoreFixtures.result(arch, 1, 0.9)));
      assertFalse(store.put(StoreFixtures.result(twin, 1, 0.5)));
      assertEquals(arch, store.get(twin, StoreFixtures.PROTOCOL, 1).orElseThrow().arch());
    }
  }

  @Test
  void open_existingStore_keepsData() {
    List<Nb201Arch> archs = StoreFixtures.distinctArchs(3);
    try (ResultsStore<Nb201Arch> store = open()) {
      for (Nb201Arch a : archs) {
        store.put(StoreFixtures.result(a, 1, 0.5));
      }
    }
    try (ResultsStore<Nb201Arch> store = open()) {
      assertEquals(3, store.all(StoreFixtures.PROTOCOL).size());
      assertEquals(StoreSchema.CURRENT, store.schemaVersion());
    }
  }

  @Test
  void open_newStore_recordsEverySchemaVersionOnce() throws Exception {
    open().close();
    open().close();
    try (Connection c = connect(); Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT version FROM schema_version ORDER BY version")) {
      for (int v = 1; v <= StoreSchema.CURRENT; v++) {
        assertTrue(r.next());
        assertEquals(v, r.getInt(1), "every version applied once, in order");
      }
      assertFalse(r.next());
    }
  }

  @Test
  void open_version1Store_rebuildsTheJobsTableKeepingEveryJob() throws Exception {
    List<Nb201Arch> archs = StoreFixtures.distinctArchs(3);
    try (Connection c = connect(); Statement s = c.createStatement()) {
      StoreSchema.migrate(c, location.dialect(), 0, 1);
      s.execute("INSERT INTO jobs (space, arch, protocol, seed, state, attempts, created_at,"
          + " updated_at) VALUES ('nas-bench-201', '" + archs.get(0)
          + "', 'p', 0, 'done', 1, 0, 0)");
      s.execute("INSERT INTO jobs (space, arch, protocol, seed, state, lease_owner, lease_until,"
          + " attempts, created_at, updated_at) VALUES ('nas-bench-201', '" + archs.get(1)
          + "', 'p', 0, 'running', 'w', 0, 2, 0, 0)");
    }
    try (ResultsStore<Nb201Arch> store = open()) {
      assertEquals(2, store.schemaVersion());
      assertEquals(new QueueStatus(0, 0, 1, 1, 0), store.status("p"));
      assertEquals(1, store.enqueue(archs, "p", 0), "two were there already");
      Job<Nb201Arch> expired = store.claim("x", "p", Duration.ofMinutes(1)).orElseThrow();
      assertEquals(archs.get(1), expired.arch());
      assertEquals(3, expired.attempts(), "attempts carried over");
      assertTrue(store.fail(expired, "the new state is allowed"));
      Job<Nb201Arch> fresh = store.claim("x", "p", Duration.ofMinutes(1)).orElseThrow();
      assertEquals(archs.get(2), fresh.arch());
      // after the old ones, not necessarily next: PostgreSQL draws a number for each insert that
      // ON CONFLICT then drops
      assertTrue(fresh.id() > 2, "new ids continue after the old ones: " + fresh.id());
    }
  }

  @Test
  void resultCounts_perProtocol() {
    List<Nb201Arch> archs = StoreFixtures.distinctArchs(3);
    try (var store = open()) {
      assertEquals(Map.of(), store.resultCounts());
      for (Nb201Arch a : archs) {
        store.put(StoreFixtures.result(a, 1, 0.5));
      }
      store.put(new StandaloneResult<>(archs.get(0), "other", 0, 0.5, 1, 0.5, 1, 10, 1));
      assertEquals(Map.of(StoreFixtures.PROTOCOL, 3, "other", 1), store.resultCounts());
    }
  }

  @Test
  void open_newerSchema_failsNamingTheStore() throws Exception {
    open().close();
    execute(List.of("INSERT INTO schema_version (version, applied_at) VALUES (99, 0)"));
    StoreException e = assertThrows(StoreException.class, this::open);
    assertTrue(e.getMessage().contains(location.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("99"), e.getMessage());
  }

  @Test
  void scores_meanOverSeeds_inPercent() {
    List<Nb201Arch> archs = StoreFixtures.distinctArchs(2);
    try (var store = open()) {
      store.put(StoreFixtures.result(archs.get(0), 1, 0.80));
      store.put(StoreFixtures.result(archs.get(0), 2, 0.90));
      StandaloneScores scores = store.scores(StoreFixtures.PROTOCOL);
      assertEquals(85.0, scores.score(archs.get(0)).orElseThrow(), 1e-9);
      assertTrue(scores.score(archs.get(1)).isEmpty());
      assertTrue(store.scores("other").score(archs.get(0)).isEmpty());
    }
  }

  @Test
  void scores_ofAPublishedSampleWithoutTestAccuracy_useItsValidationAccuracy() {
    List<Nb201Arch> archs = StoreFixtures.distinctArchs(2);
    try (var store = open()) {
      // validation 0.5 alone (a NASLib sample's row), beside a trained row with a test accuracy
      store.put(new StandaloneResult<>(archs.get(0), "sample", 0, 0.5, Double.NaN, Double.NaN,
          Double.NaN, 5, 0));
      store.put(new StandaloneResult<>(archs.get(0), "sample", 1, 0.7, Double.NaN, 0.9,
          Double.NaN, 5, 0));
      store.put(new StandaloneResult<>(archs.get(1), "sample", 0, Double.NaN, Double.NaN,
          Double.NaN, Double.NaN, 5, 0));
      StandaloneScores scores = store.scores("sample");
      assertEquals(70.0, scores.score(archs.get(0)).orElseThrow(), 1e-9, "(50 + 90) / 2");
      assertTrue(scores.score(archs.get(1)).isEmpty(), "no accuracy at all is no score");
    }
  }

  @Test
  void put_nanLoss_roundTripsAsNan() {
    Nb201Arch arch = StoreFixtures.distinctArchs(1).get(0);
    var r = new StandaloneResult<>(arch, "p", 1, 0.1, Double.NaN, 0.1, Double.NaN, 5,
        1.0);
    try (var store = open()) {
      store.put(r);
      assertTrue(Double.isNaN(store.get(arch, "p", 1).orElseThrow().testLoss()));
    }
  }

  @Test
  void put_blankProtocol_rejected() {
    Nb201Arch arch = StoreFixtures.distinctArchs(1).get(0);
    try (var store = open()) {
      assertThrows(IllegalArgumentException.class, () -> store.put(
          new StandaloneResult<>(arch, " ", 1, 0.1, 0.1, 0.1, 0.1, 5, 1.0)));
    }
  }
}
