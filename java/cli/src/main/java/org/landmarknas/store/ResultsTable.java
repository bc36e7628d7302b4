package org.landmarknas.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SortedMap;
import java.util.TreeMap;
import org.landmarknas.space.SearchSpace;
import org.landmarknas.standalone.StandaloneResult;

/**
 * The {@code results} table: stand-alone results keyed by (space, equivalence class, protocol,
 * seed), where the first result stored for a key wins. One instance reads and writes the rows of
 * one space, so results of two spaces never meet, even under one protocol name. Arguments are
 * checked by {@link ResultsStore}, which is this table's only way in.
 *
 * @param <A> the architecture type of the space
 */
final class ResultsTable<A> {

  private static final String RESULT_COLUMNS = "trained_arch, protocol, seed, valid_accuracy,"
      + " valid_loss, test_accuracy, test_loss, parameters, wall_seconds";

  private final StoreConnection db;
  private final StoreClock clock;
  private final SearchSpace<A> space;
  /** The {@code space} column of this space's rows: its {@link SearchSpace#id()}. */
  private final String spaceId;

  ResultsTable(StoreConnection db, StoreClock clock, SearchSpace<A> space) {
    this.db = db;
    this.clock = clock;
    this.space = space;
    this.spaceId = space.id();
  }

  /** The space whose rows this table reads and writes. */
  SearchSpace<A> space() {
    return space;
  }

  /** The value of the {@code space} column of this space's rows and jobs. */
  String spaceId() {
    return spaceId;
  }

  /**
   * The key a row is stored under: the canonical member of {@code arch}'s equivalence class in
   * the space's notation, so isomorphic architectures, which compute the same function, share
   * one row (and one job), and a job's key parses back into the architecture to train.
   */
  String key(A arch) {
    return space.format(space.canonical(arch));
  }

  /** Stores {@code r} in its own transaction; false when its key already has a result. */
  boolean put(StandaloneResult<A> r) {
    return db.write("put " + space.format(r.arch()) + " " + r.protocol() + " seed " + r.seed(),
        c -> insert(c, r));
  }

  /** The result stored for {@code arch}'s class under {@code protocol} and {@code seed}. */
  Optional<StandaloneResult<A>> get(A arch, String protocol, long seed) {
    return db.read("get " + space.format(arch), c -> {
      try (PreparedStatement p = c.prepareStatement("SELECT " + RESULT_COLUMNS
          + " FROM results WHERE space = ? AND arch = ? AND protocol = ? AND seed = ?")) {
        p.setString(1, spaceId);
        p.setString(2, key(arch));
        p.setString(3, protocol);
        p.setLong(4, seed);
        try (ResultSet r = p.executeQuery()) {
          return r.next() ? Optional.of(result(r)) : Optional.<StandaloneResult<A>>empty();
        }
      }
    });
  }

  /** Every result under {@code protocol}, ordered by class key and seed. */
  List<StandaloneResult<A>> all(String protocol) {
    return db.read("list " + protocol, c -> {
      try (PreparedStatement p = c.prepareStatement("SELECT " + RESULT_COLUMNS
          + " FROM results WHERE space = ? AND protocol = ? ORDER BY arch, seed")) {
        p.setString(1, spaceId);
        p.setString(2, protocol);
        List<StandaloneResult<A>> out = new ArrayList<>();
        try (ResultSet r = p.executeQuery()) {
          while (r.next()) {
            out.add(result(r));
          }
        }
        return out;
      }
    });
  }

  /**
   * Mean test accuracy in percent over the seeds stored for {@code arch}'s class; a result
   * without one (a published sample that reports validation accuracy alone) counts with its
   * validation accuracy.
   */
  OptionalDouble meanScore(A arch, String protocol) {
    return db.read("score " + space.format(arch), c -> {
      try (PreparedStatement p = c.prepareStatement("SELECT AVG(COALESCE(test_accuracy,"
          + " valid_accuracy)) FROM results WHERE space = ? AND arch = ? AND protocol = ?"
          + " AND COALESCE(test_accuracy, valid_accuracy) IS NOT NULL")) {
        p.setString(1, spaceId);
        p.setString(2, key(arch));
        p.setString(3, protocol);
        try (ResultSet r = p.executeQuery()) {
          if (!r.next()) {
            return OptionalDouble.empty();
          }
          double mean = r.getDouble(1);
          return r.wasNull() ? OptionalDouble.empty() : OptionalDouble.of(100 * mean);
        }
      }
    });
  }

  /** The number of this space's results per protocol, by protocol name. */
  SortedMap<String, Integer> counts() {
    return db.read("count results", c -> {
      try (PreparedStatement p = c.prepareStatement("SELECT protocol, COUNT(*) FROM results"
          + " WHERE space = ? GROUP BY protocol")) {
        p.setString(1, spaceId);
        SortedMap<String, Integer> out = new TreeMap<>();
        try (ResultSet r = p.executeQuery()) {
          while (r.next()) {
            out.put(r.getString(1), r.getInt(2));
          }
        }
        return out;
      }
    });
  }

  /**
   * Inserts {@code r} unless its key already has a result, inside the caller's transaction: the
   * queue completes a job with it, so the result and the job's new state commit together.
   *
   * @return true when inserted
   */
  boolean insert(Connection c, StandaloneResult<A> r) throws SQLException {
    // ON CONFLICT, not a NOT EXISTS test: two writers of one key at once under PostgreSQL's read
    // committed would both pass the test, and the second would fail on the unique key.
    try (PreparedStatement p = c.prepareStatement("INSERT INTO results (space, arch, "
        + RESULT_COLUMNS + ", created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        + " ON CONFLICT DO NOTHING")) {
      p.setString(1, spaceId);
      p.setString(2, key(r.arch()));
      p.setString(3, space.format(r.arch()));
      p.setString(4, r.protocol());
      p.setLong(5, r.seed());
      setDouble(p, 6, r.validAccuracy());
      setDouble(p, 7, r.validLoss());
      setDouble(p, 8, r.testAccuracy());
      setDouble(p, 9, r.testLoss());
      p.setLong(10, r.parameters());
      setDouble(p, 11, r.wallSeconds());
      p.setLong(12, clock.millis(c));
      return p.executeUpdate() == 1;
    }
  }

  private StandaloneResult<A> result(ResultSet r) throws SQLException {
    return new StandaloneResult<>(space.parse(r.getString(1)), r.getString(2), r.getLong(3),
        getDouble(r, 4), getDouble(r, 5), getDouble(r, 6), getDouble(r, 7), r.getLong(8),
        getDouble(r, 9));
  }

  // Imported tables have no losses (NaN); SQL has no NaN, so it is stored as NULL and read back.
  private static void setDouble(PreparedStatement p, int i, double v) throws SQLException {
    if (Double.isNaN(v)) {
      p.setNull(i, java.sql.Types.DOUBLE);
    } else {
      p.setDouble(i, v);
    }
  }

  private static double getDouble(ResultSet r, int i) throws SQLException {
    double v = r.getDouble(i);
    return r.wasNull() ? Double.NaN : v;
  }
}
