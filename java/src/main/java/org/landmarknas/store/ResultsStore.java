package org.landmarknas.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.landmarknas.bench.StandaloneScores;
import org.landmarknas.space.Nb201Arch;
import org.landmarknas.space.Nb201Space;
import org.landmarknas.standalone.StandaloneResult;

/**
 * A durable store of stand-alone results and the queue of trainings that produce them, in one
 * SQLite file that several processes may open at once.
 *
 * <p>Results are keyed by (space, equivalence class, protocol, seed): an architecture and its
 * isomorphic twins share one row, because they compute the same function. The first result stored
 * for a key wins; a later one is dropped. Every write is its own committed transaction, so a
 * process killed at any point leaves whole rows behind.
 *
 * <p>The queue hands out jobs under a lease: {@link #claim} takes the oldest queued job, or a job
 * whose worker let its lease run out (it crashed or hung), so no job is lost to a dead worker.
 * {@link #complete} stores the result and marks the job done in one transaction. Claims take the
 * write lock before reading, so two processes never claim the same live job. A job whose training
 * throws is marked failed ({@link #fail}) with its error, and so is one whose lease ran out on
 * {@value #MAX_CLAIMS} claims (it crashes its workers): one bad job does not stop the others, and
 * enqueueing it again retries it.
 *
 * <p>One instance holds one connection; its methods are synchronized, so threads may share it.
 * For parallel claims, open one store per worker.
 */
public final class ResultsStore implements AutoCloseable {

  private static final String SPACE = Nb201Space.INSTANCE.id();
  private static final String RESULT_COLUMNS = "trained_arch, protocol, seed, valid_accuracy,"
      + " valid_loss, test_accuracy, test_loss, parameters, wall_seconds";
  private static final String CLAIMABLE =
      "(state = 'queued' OR (state = 'running' AND lease_until < ?))";

  /** Claims after which a job whose lease ran out again is given up instead of claimed. */
  public static final int MAX_CLAIMS = 3;

  private final Path file;
  private final Clock clock;
  private final Connection connection;

  private ResultsStore(Path file, Clock clock, Connection connection) {
    this.file = file;
    this.clock = clock;
    this.connection = connection;
  }

  /** Opens (creating if needed) the store in {@code file}, using the system clock for leases. */
  public static ResultsStore open(Path file) {
    return open(file, Clock.systemUTC());
  }

  /**
   * Opens (creating if needed) the store in {@code file}; {@code clock} times leases, so tests
   * can expire one without waiting.
   *
   * @throws StoreException when the file cannot be opened or has a newer schema
   */
  public static ResultsStore open(Path file, Clock clock) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(clock, "clock");
    Path abs = file.toAbsolutePath();
    try {
      Path dir = abs.getParent();
      if (dir != null) {
        Files.createDirectories(dir);
      }
    } catch (IOException e) {
      throw new StoreException("results store " + abs + ": cannot create its directory", e);
    }
    Connection c;
    try {
      c = SqliteDialect.connect(abs);
    } catch (SQLException e) {
      throw new StoreException("results store " + abs + ": cannot open: " + e.getMessage(), e);
    }
    ResultsStore store = new ResultsStore(abs, clock, c);
    try {
      store.write("migrate schema", conn -> StoreSchema.migrate(conn, abs.toString(),
          clock.millis()));
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
    return store;
  }

  /** The database file. */
  public Path file() {
    return file;
  }

  /** The schema version recorded in the file. */
  public synchronized int schemaVersion() {
    return read("read schema version", StoreSchema::version);
  }

  /**
   * Stores {@code r} under its architecture's equivalence class, committed at once.
   *
   * @return true when stored; false when a result for the same class, protocol and seed already
   *     exists (that one is kept)
   */
  public synchronized boolean put(StandaloneResult r) {
    Objects.requireNonNull(r, "r");
    requireProtocol(r.protocol());
    return write("put " + r.arch() + " " + r.protocol() + " seed " + r.seed(),
        c -> insertResult(c, r));
  }

  /**
   * The result for {@code arch} (or any architecture equivalent to it) under {@code protocol} and
   * {@code seed}. Its {@code arch()} is the architecture that was trained, which may be an
   * equivalent one.
   */
  public synchronized Optional<StandaloneResult> get(Nb201Arch arch, String protocol, long seed) {
    Objects.requireNonNull(arch, "arch");
    requireProtocol(protocol);
    return read("get " + arch, c -> {
      try (PreparedStatement p = c.prepareStatement("SELECT " + RESULT_COLUMNS
          + " FROM results WHERE space = ? AND arch = ? AND protocol = ? AND seed = ?")) {
        p.setString(1, SPACE);
        p.setString(2, key(arch));
        p.setString(3, protocol);
        p.setLong(4, seed);
        try (ResultSet r = p.executeQuery()) {
          return r.next() ? Optional.of(result(r)) : Optional.<StandaloneResult>empty();
        }
      }
    });
  }

  /** Every result under {@code protocol}, ordered by class key and seed. */
  public synchronized List<StandaloneResult> all(String protocol) {
    requireProtocol(protocol);
    return read("list " + protocol, c -> {
      try (PreparedStatement p = c.prepareStatement("SELECT " + RESULT_COLUMNS
          + " FROM results WHERE space = ? AND protocol = ? ORDER BY arch, seed")) {
        p.setString(1, SPACE);
        p.setString(2, protocol);
        List<StandaloneResult> out = new ArrayList<>();
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
   * Scores read live from this store: the mean test accuracy in percent over the seeds stored
   * for an architecture's class under {@code protocol}; empty when none is stored. Valid only
   * while the store is open.
   */
  public StandaloneScores scores(String protocol) {
    requireProtocol(protocol);
    return arch -> meanTestAccuracy(Objects.requireNonNull(arch, "arch"), protocol);
  }

  private synchronized OptionalDouble meanTestAccuracy(Nb201Arch arch, String protocol) {
    return read("score " + arch, c -> {
      try (PreparedStatement p = c.prepareStatement("SELECT AVG(test_accuracy) FROM results"
          + " WHERE space = ? AND arch = ? AND protocol = ? AND test_accuracy IS NOT NULL")) {
        p.setString(1, SPACE);
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

  /**
   * Queues a training of each architecture's class under {@code protocol} and {@code seed},
   * skipping classes already queued, running or done, or already holding a result; a failed job
   * is queued again with a fresh count of attempts. Equivalent architectures in {@code archs}
   * count once.
   *
   * @return the number of jobs added or queued again
   */
  public synchronized int enqueue(Collection<Nb201Arch> archs, String protocol, long seed) {
    Objects.requireNonNull(archs, "archs");
    requireProtocol(protocol);
    Set<String> keys = new LinkedHashSet<>();
    for (Nb201Arch a : archs) {
      keys.add(key(Objects.requireNonNull(a, "archs element")));
    }
    return write("enqueue " + keys.size() + " jobs for " + protocol, c -> {
      long now = clock.millis();
      int added = 0;
      try (PreparedStatement p = c.prepareStatement("UPDATE jobs SET state = 'queued',"
          + " attempts = 0, error = NULL, updated_at = ? WHERE space = ? AND arch = ?"
          + " AND protocol = ? AND seed = ? AND state = 'failed'")) {
        for (String k : keys) {
          p.setLong(1, now);
          p.setString(2, SPACE);
          p.setString(3, k);
          p.setString(4, protocol);
          p.setLong(5, seed);
          added += p.executeUpdate();
        }
      }
      try (PreparedStatement p = c.prepareStatement("INSERT INTO jobs (space, arch, protocol,"
          + " seed, state, attempts, created_at, updated_at) SELECT ?, ?, ?, ?, 'queued', 0, ?, ?"
          + " WHERE NOT EXISTS (SELECT 1 FROM jobs WHERE space = ? AND arch = ? AND protocol = ?"
          + " AND seed = ?) AND NOT EXISTS (SELECT 1 FROM results WHERE space = ? AND arch = ?"
          + " AND protocol = ? AND seed = ?)")) {
        for (String k : keys) {
          p.setString(1, SPACE);
          p.setString(2, k);
          p.setString(3, protocol);
          p.setLong(4, seed);
          p.setLong(5, now);
          p.setLong(6, now);
          for (int base : new int[] {7, 11}) {
            p.setString(base, SPACE);
            p.setString(base + 1, k);
            p.setString(base + 2, protocol);
            p.setLong(base + 3, seed);
          }
          added += p.executeUpdate();
        }
      }
      return added;
    });
  }

  /**
   * Claims the oldest job of {@code protocol} that is queued or whose lease has expired, for
   * {@code worker} until now + {@code lease}. Only that protocol: a worker trains one, and a store
   * may queue several (a longer protocol tried beside the table's). The read and the update share
   * one write-locked transaction, so no other process can claim the same job in between. An
   * expired job already claimed {@value #MAX_CLAIMS} times is marked failed instead: its workers
   * keep dying on it.
   *
   * @return the job, or empty when nothing of {@code protocol} is claimable now
   */
  public synchronized Optional<Job> claim(String worker, String protocol, Duration lease) {
    requireProtocol(protocol);
    requireWorker(worker);
    requireLease(lease);
    return write("claim for " + worker, c -> {
      long now = clock.millis();
      long until = now + lease.toMillis();
      giveUpDeadlyJobs(c, protocol, now);
      long id;
      // Where the dialect's transaction does not lock the row between the read and the update
      // (PostgreSQL's read committed), another claimer can take the job in between; the update
      // repeats the state test, changes nothing then, and the next claimable job is tried.
      while (true) {
        try (PreparedStatement p = c.prepareStatement(
            "SELECT MIN(id) FROM jobs WHERE space = ? AND protocol = ? AND " + CLAIMABLE)) {
          p.setString(1, SPACE);
          p.setString(2, protocol);
          p.setLong(3, now);
          try (ResultSet r = p.executeQuery()) {
            r.next();
            id = r.getLong(1);
            if (r.wasNull()) {
              return Optional.<Job>empty();
            }
          }
        }
        try (PreparedStatement p = c.prepareStatement("UPDATE jobs SET state = 'running',"
            + " lease_owner = ?, lease_until = ?, attempts = attempts + 1, updated_at = ?"
            + " WHERE id = ? AND " + CLAIMABLE)) {
          p.setString(1, worker);
          p.setLong(2, until);
          p.setLong(3, now);
          p.setLong(4, id);
          p.setLong(5, now);
          if (p.executeUpdate() == 1) {
            break;
          }
        }
      }
      try (PreparedStatement p = c.prepareStatement(
          "SELECT arch, protocol, seed, attempts FROM jobs WHERE id = ?")) {
        p.setLong(1, id);
        try (ResultSet r = p.executeQuery()) {
          r.next();
          return Optional.of(new Job(id, Nb201Arch.parse(r.getString(1)), r.getString(2),
              r.getLong(3), worker, Instant.ofEpochMilli(until), r.getInt(4)));
        }
      }
    });
  }

  private void giveUpDeadlyJobs(Connection c, String protocol, long now) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("UPDATE jobs SET state = 'failed',"
        + " error = ?, lease_owner = NULL, lease_until = NULL, updated_at = ? WHERE space = ?"
        + " AND protocol = ? AND state = 'running' AND lease_until < ? AND attempts >= ?")) {
      p.setString(1, "its lease ran out on all " + MAX_CLAIMS + " claims: the workers holding it"
          + " died or hung (train it alone with lmnas standalone train to see why)");
      p.setLong(2, now);
      p.setString(3, SPACE);
      p.setString(4, protocol);
      p.setLong(5, now);
      p.setInt(6, MAX_CLAIMS);
      p.executeUpdate();
    }
  }

  /**
   * Marks {@code job} failed with {@code error}, while {@code job.worker()} still holds it: its
   * training threw. No worker claims it again until it is enqueued again.
   *
   * @return false when the job is done or no longer this worker's (nothing changed)
   */
  public synchronized boolean fail(Job job, String error) {
    Objects.requireNonNull(job, "job");
    Objects.requireNonNull(error, "error");
    String kept = error.length() <= StoreSchema.ERROR_LENGTH ? error
        : error.substring(0, StoreSchema.ERROR_LENGTH - 3) + "...";
    return endLease("fail job ", job, "failed", kept);
  }

  /**
   * Ends {@code job}'s lease with a new state, while {@code job.worker()} still holds it: what
   * {@link #fail} and {@link #release} share.
   */
  private boolean endLease(String what, Job job, String state, String error) {
    return write(what + job.id(), c -> {
      try (PreparedStatement p = c.prepareStatement("UPDATE jobs SET state = ?, error = ?,"
          + " lease_owner = NULL, lease_until = NULL, updated_at = ? WHERE id = ?"
          + " AND state = 'running' AND lease_owner = ?")) {
        p.setString(1, state);
        p.setString(2, error);
        p.setLong(3, clock.millis());
        p.setLong(4, job.id());
        p.setString(5, job.worker());
        return p.executeUpdate() == 1;
      }
    });
  }

  /** {@code protocol}'s failed jobs, oldest first. */
  public synchronized List<JobFailure> failures(String protocol) {
    requireProtocol(protocol);
    return read("list failed jobs of " + protocol, c -> {
      try (PreparedStatement p = c.prepareStatement("SELECT id, arch, seed, attempts, error"
          + " FROM jobs WHERE space = ? AND protocol = ? AND state = 'failed' ORDER BY id")) {
        p.setString(1, SPACE);
        p.setString(2, protocol);
        List<JobFailure> out = new ArrayList<>();
        try (ResultSet r = p.executeQuery()) {
          while (r.next()) {
            String error = r.getString(5);
            out.add(new JobFailure(r.getLong(1), Nb201Arch.parse(r.getString(2)), protocol,
                r.getLong(3), r.getInt(4), error == null ? "(no message)" : error));
          }
        }
        return out;
      }
    });
  }

  /** The number of results per protocol, by protocol name: what a store holds. */
  public synchronized SortedMap<String, Integer> resultCounts() {
    return read("count results", c -> {
      try (PreparedStatement p = c.prepareStatement("SELECT protocol, COUNT(*) FROM results"
          + " WHERE space = ? GROUP BY protocol")) {
        p.setString(1, SPACE);
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
   * Extends {@code job}'s lease to now + {@code lease}, while {@code job.worker()} still holds it.
   *
   * @return false when the job is done or was claimed by another worker after the lease expired
   *     (the caller should stop working on it)
   */
  public synchronized boolean heartbeat(Job job, Duration lease) {
    Objects.requireNonNull(job, "job");
    requireLease(lease);
    return write("heartbeat job " + job.id(), c -> {
      long now = clock.millis();
      try (PreparedStatement p = c.prepareStatement("UPDATE jobs SET lease_until = ?,"
          + " updated_at = ? WHERE id = ? AND state = 'running' AND lease_owner = ?")) {
        p.setLong(1, now + lease.toMillis());
        p.setLong(2, now);
        p.setLong(3, job.id());
        p.setString(4, job.worker());
        return p.executeUpdate() == 1;
      }
    });
  }

  /**
   * Gives {@code job} back to the queue at once, while {@code job.worker()} still holds it: for a
   * worker that is stopped politely (SIGTERM, Ctrl-C), so that its job is claimable now instead
   * of when the lease runs out. The attempt stays counted.
   *
   * @return false when the job is done or no longer this worker's (nothing changed)
   */
  public synchronized boolean release(Job job) {
    Objects.requireNonNull(job, "job");
    return endLease("release job ", job, "queued", null);
  }

  /**
   * Gives every job {@code worker} holds back to the queue at once: {@link #release} for a
   * worker that is stopping and may not know which job it holds.
   *
   * @return the ids of the jobs given back
   */
  public synchronized List<Long> releaseAll(String worker) {
    requireWorker(worker);
    return write("release the jobs of " + worker, c -> {
      List<Long> ids = new ArrayList<>();
      try (PreparedStatement p = c.prepareStatement("SELECT id FROM jobs WHERE state ="
          + " 'running' AND lease_owner = ? ORDER BY id")) {
        p.setString(1, worker);
        try (ResultSet r = p.executeQuery()) {
          while (r.next()) {
            ids.add(r.getLong(1));
          }
        }
      }
      try (PreparedStatement p = c.prepareStatement("UPDATE jobs SET state = 'queued',"
          + " lease_owner = NULL, lease_until = NULL, updated_at = ? WHERE state = 'running'"
          + " AND lease_owner = ?")) {
        p.setLong(1, clock.millis());
        p.setString(2, worker);
        p.executeUpdate();
      }
      return ids;
    });
  }

  /**
   * Stores {@code result} (unless its key already has one, which is kept) and marks {@code job}
   * done, both in one transaction: a crash leaves either neither or both. A worker whose lease
   * expired may still complete; the job is then done and the first result stands.
   *
   * @throws IllegalArgumentException when {@code result} is not for the job's class, protocol
   *     and seed
   */
  public synchronized void complete(Job job, StandaloneResult result) {
    Objects.requireNonNull(job, "job");
    Objects.requireNonNull(result, "result");
    if (!key(result.arch()).equals(job.arch().toString()) || !result.protocol().equals(
        job.protocol()) || result.seed() != job.seed()) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "results store %s: result for %s %s seed %d does not match job %d (%s %s seed %d)",
          file, result.arch(), result.protocol(), result.seed(), job.id(), job.arch(),
          job.protocol(), job.seed()));
    }
    write("complete job " + job.id(), c -> {
      insertResult(c, result);
      try (PreparedStatement p = c.prepareStatement("UPDATE jobs SET state = 'done',"
          + " lease_owner = NULL, lease_until = NULL, updated_at = ? WHERE id = ?")) {
        p.setLong(1, clock.millis());
        p.setLong(2, job.id());
        if (p.executeUpdate() != 1) {
          throw new StoreException(String.format(Locale.ROOT,
              "results store %s: job %d does not exist", file, job.id()));
        }
      }
      return null;
    });
  }

  /** Counts of {@code protocol}'s jobs by state, leases judged against the clock now. */
  public synchronized QueueStatus status(String protocol) {
    requireProtocol(protocol);
    return read("status " + protocol, c -> {
      long now = clock.millis();
      try (PreparedStatement p = c.prepareStatement("SELECT"
          + " SUM(CASE WHEN state = 'queued' THEN 1 ELSE 0 END),"
          + " SUM(CASE WHEN state = 'running' AND lease_until >= ? THEN 1 ELSE 0 END),"
          + " SUM(CASE WHEN state = 'done' THEN 1 ELSE 0 END),"
          + " SUM(CASE WHEN state = 'running' AND lease_until < ? THEN 1 ELSE 0 END),"
          + " SUM(CASE WHEN state = 'failed' THEN 1 ELSE 0 END)"
          + " FROM jobs WHERE space = ? AND protocol = ?")) {
        p.setLong(1, now);
        p.setLong(2, now);
        p.setString(3, SPACE);
        p.setString(4, protocol);
        try (ResultSet r = p.executeQuery()) {
          r.next();
          return new QueueStatus(r.getInt(1), r.getInt(2), r.getInt(3), r.getInt(4),
              r.getInt(5));
        }
      }
    });
  }

  /** Closes the connection; further calls fail. Closing twice is harmless. */
  @Override
  public synchronized void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      throw new StoreException("results store " + file + ": cannot close", e);
    }
  }

  @Override
  public String toString() {
    return "ResultsStore[" + file + "]";
  }

  private boolean insertResult(Connection c, StandaloneResult r) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("INSERT INTO results (space, arch, "
        + RESULT_COLUMNS + ", created_at) SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?"
        + " WHERE NOT EXISTS (SELECT 1 FROM results WHERE space = ? AND arch = ?"
        + " AND protocol = ? AND seed = ?)")) {
      String k = key(r.arch());
      p.setString(1, SPACE);
      p.setString(2, k);
      p.setString(3, r.arch().toString());
      p.setString(4, r.protocol());
      p.setLong(5, r.seed());
      setDouble(p, 6, r.validAccuracy());
      setDouble(p, 7, r.validLoss());
      setDouble(p, 8, r.testAccuracy());
      setDouble(p, 9, r.testLoss());
      p.setLong(10, r.parameters());
      setDouble(p, 11, r.wallSeconds());
      p.setLong(12, clock.millis());
      p.setString(13, SPACE);
      p.setString(14, k);
      p.setString(15, r.protocol());
      p.setLong(16, r.seed());
      return p.executeUpdate() == 1;
    }
  }

  private static StandaloneResult result(ResultSet r) throws SQLException {
    return new StandaloneResult(Nb201Arch.parse(r.getString(1)), r.getString(2), r.getLong(3),
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

  private static String key(Nb201Arch arch) {
    return Nb201Space.INSTANCE.canonical(arch).toString();
  }

  private static void requireProtocol(String protocol) {
    if (protocol == null || protocol.isBlank()) {
      throw new IllegalArgumentException("protocol must be a non-blank name, got " + protocol);
    }
  }

  private static void requireWorker(String worker) {
    if (worker == null || worker.isBlank()) {
      throw new IllegalArgumentException("worker must be a non-blank name, got " + worker);
    }
  }

  private static void requireLease(Duration lease) {
    Objects.requireNonNull(lease, "lease");
    if (lease.isNegative() || lease.isZero()) {
      throw new IllegalArgumentException("lease must be positive, got " + lease);
    }
  }

  /** One unit of SQL work on the store's connection. */
  @FunctionalInterface
  private interface SqlWork<T> {
    T run(Connection c) throws SQLException;
  }

  private <T> T read(String what, SqlWork<T> work) {
    try {
      return work.run(connection);
    } catch (SQLException e) {
      throw failure(what, e);
    }
  }

  private <T> T write(String what, SqlWork<T> work) {
    try {
      SqliteDialect.beginWrite(connection);
    } catch (SQLException e) {
      throw failure(what, e);
    }
    try {
      T out = work.run(connection);
      try (var s = connection.createStatement()) {
        s.execute("COMMIT");
      }
      return out;
    } catch (SQLException | RuntimeException e) {
      try (var s = connection.createStatement()) {
        s.execute("ROLLBACK");
      } catch (SQLException suppressed) {
        e.addSuppressed(suppressed);
      }
      if (e instanceof SQLException sql) {
        throw failure(what, sql);
      }
      throw (RuntimeException) e;
    }
  }

  private StoreException failure(String what, SQLException e) {
    return new StoreException(String.format(Locale.ROOT, "results store %s: %s failed: %s", file,
        what, e.getMessage()), e);
  }
}
