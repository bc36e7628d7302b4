package org.landmarknas.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import org.landmarknas.bench.StandaloneScores;
import org.landmarknas.space.SearchSpace;
import org.landmarknas.standalone.StandaloneResult;

/**
 * A durable store of stand-alone results and the queue of trainings that produce them, in one
 * SQLite file that several processes of a machine may open at once, or in one PostgreSQL database
 * that workers on many machines share ({@link StoreLocation}).
 *
 * <p>Results are keyed by (space, equivalence class, protocol, seed): an architecture and its
 * isomorphic twins share one row, because they compute the same function. A store is opened for
 * one search space and sees only that space's results and jobs: one file may hold several
 * spaces, even under one protocol name, and they never mix. The first result stored
 * for a key wins; a later one is dropped. Every write is its own committed transaction, so a
 * process killed at any point leaves whole rows behind.
 *
 * <p>The queue hands out jobs under a lease: {@link #claim} takes the oldest queued job, or a job
 * whose worker let its lease run out (it crashed or hung), so no job is lost to a dead worker.
 * {@link #complete} stores the result and marks the job done in one transaction. A claim locks
 * what it reads (SQLite's write lock, PostgreSQL's {@code FOR UPDATE SKIP LOCKED}), so two
 * processes never claim the same live job. A job whose training
 * throws is marked failed ({@link #fail}) with its error, and so is one whose lease ran out on
 * {@value #MAX_CLAIMS} claims (it crashes its workers): one bad job does not stop the others, and
 * enqueueing it again retries it.
 *
 * <p>This class checks arguments and is the package's public face; the SQL lives in
 * {@link ResultsTable} (results), {@link JobQueue} (jobs and leases), {@link StoreConnection}
 * (the connection, its transactions and their retries) and a {@link Dialect} per database.
 * One instance holds one connection, used by one thread at a time, so threads may share it. For parallel claims, open one store per worker.
 *
 * @param <A> the architecture type of the store's space
 */
public final class ResultsStore<A> implements AutoCloseable {

  /** Claims after which a job whose lease ran out again is given up instead of claimed. */
  public static final int MAX_CLAIMS = JobQueue.MAX_CLAIMS;

  private final StoreConnection db;
  private final StoreLocation location;
  private final ResultsTable<A> results;
  private final JobQueue<A> queue;

  private ResultsStore(StoreConnection db, StoreLocation location, StoreClock clock,
      SearchSpace<A> space) {
    this.db = db;
    this.location = location;
    this.results = new ResultsTable<>(db, clock, space);
    this.queue = new JobQueue<>(db, clock, results);
  }

  /** Opens (creating if needed) the SQLite store in {@code file} for {@code space}'s results. */
  public static <A> ResultsStore<A> open(Path file, SearchSpace<A> space) {
    return open(StoreLocation.file(Objects.requireNonNull(file, "file")), space);
  }

  /**
   * Opens (creating if needed) the SQLite store in {@code file}; {@code clock} times leases, so
   * tests can expire one without waiting.
   */
  public static <A> ResultsStore<A> open(Path file, SearchSpace<A> space, Clock clock) {
    return open(StoreLocation.file(Objects.requireNonNull(file, "file")), space, clock);
  }

  /**
   * Opens the store at {@code location} for {@code space}'s results, creating its tables (and a
   * SQLite file with its directory) if needed. Leases are timed by the database's clock: the
   * server's {@code now()} for PostgreSQL, the machine's for a SQLite file.
   *
   * @throws StoreUnreachableException when the database cannot be opened or connected to
   * @throws StoreException when its schema is newer than this build's
   */
  public static <A> ResultsStore<A> open(StoreLocation location, SearchSpace<A> space) {
    Objects.requireNonNull(location, "location");
    return openWith(location, space, location.dialect().clock());
  }

  /**
   * {@link #open(StoreLocation, SearchSpace)} with leases timed by {@code clock} instead of the
   * database, so tests can expire one without waiting.
   */
  public static <A> ResultsStore<A> open(StoreLocation location, SearchSpace<A> space,
      Clock clock) {
    return openWith(location, space, StoreClock.of(Objects.requireNonNull(clock, "clock")));
  }

  private static <A> ResultsStore<A> openWith(StoreLocation location, SearchSpace<A> space,
      StoreClock clock) {
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(space, "space");
    Dialect dialect = location.dialect();
    location.sqliteFile().ifPresent(ResultsStore::createDirectory);
    StoreConnection db = StoreConnection.open(dialect, Backoff.DEFAULT);
    try {
      db.write("migrate schema", c -> StoreSchema.migrate(c, dialect, clock.millis(c)));
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
    return new ResultsStore<>(db, location, clock, space);
  }

  private static void createDirectory(Path file) {
    Path dir = file.getParent();
    try {
      if (dir != null) {
        Files.createDirectories(dir);
      }
    } catch (IOException e) {
      throw new StoreUnreachableException("results store " + file
          + ": cannot create its directory", e);
    }
  }

  /** Where the store lives: its SQLite file or its PostgreSQL database. */
  public StoreLocation location() {
    return location;
  }

  /** The space whose results and jobs this store reads and writes. */
  public SearchSpace<A> space() {
    return results.space();
  }

  /** The schema version recorded in the store. */
  public int schemaVersion() {
    return db.read("read schema version", StoreSchema::version);
  }

  /**
   * Stores {@code r} under its architecture's equivalence class, committed at once.
   *
   * @return true when stored; false when a result for the same class, protocol and seed already
   *     exists (that one is kept)
   */
  public boolean put(StandaloneResult<A> r) {
    Objects.requireNonNull(r, "r");
    requireProtocol(r.protocol());
    return results.put(r);
  }

  /**
   * The result for {@code arch} (or any architecture equivalent to it) under {@code protocol} and
   * {@code seed}. Its {@code arch()} is the architecture that was trained, which may be an
   * equivalent one.
   */
  public Optional<StandaloneResult<A>> get(A arch, String protocol, long seed) {
    Objects.requireNonNull(arch, "arch");
    requireProtocol(protocol);
    return results.get(arch, protocol, seed);
  }

  /** Every result under {@code protocol}, ordered by class key and seed. */
  public List<StandaloneResult<A>> all(String protocol) {
    requireProtocol(protocol);
    return results.all(protocol);
  }

  /**
   * Scores read live from this store: the mean test accuracy in percent over the seeds stored
   * for an architecture's class under {@code protocol} (validation accuracy where a published
   * sample has no other); empty when none is stored. Valid only while the store is open.
   */
  public StandaloneScores<A> scores(String protocol) {
    requireProtocol(protocol);
    return arch -> results.meanScore(Objects.requireNonNull(arch, "arch"), protocol);
  }

  /** The number of this space's results per protocol, by protocol name: what a store holds. */
  public SortedMap<String, Integer> resultCounts() {
    return results.counts();
  }

  /**
   * Queues a training of each architecture's class under {@code protocol} and {@code seed},
   * skipping classes already queued, running or done, or already holding a result; a failed job
   * is queued again with a fresh count of attempts. Equivalent architectures in {@code archs}
   * count once.
   *
   * @return the number of jobs added or queued again
   */
  public int enqueue(Collection<? extends A> archs, String protocol, long seed) {
    Objects.requireNonNull(archs, "archs");
    requireProtocol(protocol);
    return queue.enqueue(archs, protocol, seed);
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
  public Optional<Job<A>> claim(String worker, String protocol, Duration lease) {
    requireProtocol(protocol);
    requireWorker(worker);
    requireLease(lease);
    return queue.claim(worker, protocol, lease);
  }

  /**
   * Marks {@code job} failed with {@code error}, while {@code job.worker()} still holds it: its
   * training threw. No worker claims it again until it is enqueued again.
   *
   * @return false when the job is done or no longer this worker's (nothing changed)
   */
  public boolean fail(Job<A> job, String error) {
    Objects.requireNonNull(job, "job");
    Objects.requireNonNull(error, "error");
    return queue.fail(job, error);
  }

  /** {@code protocol}'s failed jobs, oldest first. */
  public List<JobFailure<A>> failures(String protocol) {
    requireProtocol(protocol);
    return queue.failures(protocol);
  }

  /**
   * Extends {@code job}'s lease to now + {@code lease}, while {@code job.worker()} still holds it.
   *
   * @return false when the job is done or was claimed by another worker after the lease expired
   *     (the caller should stop working on it)
   */
  public boolean heartbeat(Job<A> job, Duration lease) {
    Objects.requireNonNull(job, "job");
    requireLease(lease);
    return queue.heartbeat(job, lease);
  }

  /**
   * Gives {@code job} back to the queue at once, while {@code job.worker()} still holds it: for a
   * worker that is stopped politely (SIGTERM, Ctrl-C), so that its job is claimable now instead
   * of when the lease runs out. The attempt stays counted.
   *
   * @return false when the job is done or no longer this worker's (nothing changed)
   */
  public boolean release(Job<A> job) {
    Objects.requireNonNull(job, "job");
    return queue.release(job);
  }

  /**
   * Gives every job {@code worker} holds back to the queue at once: {@link #release} for a
   * worker that is stopping and may not know which job it holds.
   *
   * @return the ids of the jobs given back
   */
  public List<Long> releaseAll(String worker) {
    requireWorker(worker);
    return queue.releaseAll(worker);
  }

  /**
   * Stores {@code result} (unless its key already has one, which is kept) and marks {@code job}
   * done, both in one transaction: a crash leaves either neither or both. A worker whose lease
   * expired may still complete; the job is then done and the first result stands.
   *
   * @throws IllegalArgumentException when {@code result} is not for the job's class, protocol
   *     and seed
   */
  public void complete(Job<A> job, StandaloneResult<A> result) {
    Objects.requireNonNull(job, "job");
    Objects.requireNonNull(result, "result");
    queue.complete(job, result);
  }

  /** Counts of {@code protocol}'s jobs by state, leases judged against the clock now. */
  public QueueStatus status(String protocol) {
    requireProtocol(protocol);
    return queue.status(protocol);
  }

  /** Closes the connection; further calls fail. Closing twice is harmless. */
  @Override
  public void close() {
    db.close();
  }

  @Override
  public String toString() {
    return "ResultsStore[" + location + ", " + results.spaceId() + "]";
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
}
