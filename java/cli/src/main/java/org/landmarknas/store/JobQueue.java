package org.landmarknas.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.landmarknas.standalone.StandaloneResult;

/**
 * The {@code jobs} table: the queue of trainings and the leases under which workers hold them.
 * A lease is only a time in the row, renewed by heartbeats, so a worker killed without warning
 * (SIGKILL, a lost machine) needs no cleanup: its lease runs out and the job is claimable again.
 * Every state change is one write transaction, so no two processes change a job at once. Times
 * come from the store's {@link StoreClock}, the database's unless a test gives another.
 * One instance queues the jobs of one space, the space of its {@link ResultsTable}. Arguments
 * are checked by {@link ResultsStore}, which is the queue's only way in.
 *
 * @param <A> the architecture type of the space
 */
final class JobQueue<A> {

  /** Claims after which a job whose lease ran out again is given up instead of claimed. */
  static final int MAX_CLAIMS = 3;

  private static final String CLAIMABLE =
      "(state = 'queued' OR (state = 'running' AND lease_until < ?))";

  private final StoreConnection db;
  private final StoreClock clock;
  private final ResultsTable<A> results;
  /** The {@code space} column of this queue's jobs. */
  private final String space;

  JobQueue(StoreConnection db, StoreClock clock, ResultsTable<A> results) {
    this.db = db;
    this.clock = clock;
    this.results = results;
    this.space = results.spaceId();
  }

  /**
   * Queues each architecture's class under {@code protocol} and {@code seed} unless it is queued,
   * running, done or has a result; requeues it when failed. Equivalent architectures count once.
   *
   * @return the number of jobs added or queued again
   */
  int enqueue(Collection<? extends A> archs, String protocol, long seed) {
    Set<String> keys = new LinkedHashSet<>();
    for (A a : archs) {
      keys.add(results.key(Objects.requireNonNull(a, "archs element")));
    }
    return db.write("enqueue " + keys.size() + " jobs for " + protocol, c -> {
      long now = clock.millis(c);
      int added = 0;
      try (PreparedStatement p = c.prepareStatement("UPDATE jobs SET state = 'queued',"
          + " attempts = 0, error = NULL, updated_at = ? WHERE space = ? AND arch = ?"
          + " AND protocol = ? AND seed = ? AND state = 'failed'")) {
        for (String k : keys) {
          p.setLong(1, now);
          p.setString(2, space);
          p.setString(3, k);
          p.setString(4, protocol);
          p.setLong(5, seed);
          added += p.executeUpdate();
        }
      }
      // A job already there is kept by the unique key (ON CONFLICT: two drivers enqueueing at
      // once under read committed would both pass a NOT EXISTS test); a stored result is tested.
      try (PreparedStatement p = c.prepareStatement("INSERT INTO jobs (space, arch, protocol,"
          + " seed, state, attempts, created_at, updated_at) SELECT ?, ?, ?, ?, 'queued', 0, ?, ?"
          + " WHERE NOT EXISTS (SELECT 1 FROM results WHERE space = ? AND arch = ?"
          + " AND protocol = ? AND seed = ?) ON CONFLICT DO NOTHING")) {
        for (String k : keys) {
          for (int base : new int[] {1, 7}) {
            p.setString(base, space);
            p.setString(base + 1, k);
            p.setString(base + 2, protocol);
            p.setLong(base + 3, seed);
          }
          p.setLong(5, now);
          p.setLong(6, now);
          added += p.executeUpdate();
        }
      }
      return added;
    });
  }

  /**
   * Claims the oldest claimable job of {@code protocol} for {@code worker} until now +
   * {@code lease}, after giving up the expired jobs claimed {@link #MAX_CLAIMS} times; the read
   * and the update share one write-locked transaction.
   */
  Optional<Job<A>> claim(String worker, String protocol, Duration lease) {
    return db.write("claim for " + worker, c -> {
      long now = clock.millis(c);
      long until = now + lease.toMillis();
      giveUpDeadlyJobs(c, protocol, now);
      long id;
      // SQLite's write lock keeps other claimers out for the whole transaction; PostgreSQL's
      // FOR UPDATE SKIP LOCKED locks the picked row and lets others pick the next one. The
      // update repeats the state test all the same, and a job taken in between is skipped.
      while (true) {
        try (PreparedStatement p = c.prepareStatement("SELECT id FROM jobs WHERE space = ?"
            + " AND protocol = ? AND " + CLAIMABLE + " ORDER BY id LIMIT 1"
            + db.dialect().skipLocked())) {
          p.setString(1, space);
          p.setString(2, protocol);
          p.setLong(3, now);
          try (ResultSet r = p.executeQuery()) {
            if (!r.next()) {
              return Optional.<Job<A>>empty();
            }
            id = r.getLong(1);
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
          return Optional.of(new Job<>(id, results.space().parse(r.getString(1)),
              r.getString(2), r.getLong(3), worker, Instant.ofEpochMilli(until), r.getInt(4)));
        }
      }
    });
  }

  /**
   * Marks failed the expired jobs already claimed {@link #MAX_CLAIMS} times. Only rows no other
   * claimer has locked: two claimers giving up overlapping sets in different orders would
   * otherwise deadlock, and a row skipped now is given up by the next claim.
   */
  private void giveUpDeadlyJobs(Connection c, String protocol, long now) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("UPDATE jobs SET state = 'failed',"
        + " error = ?, lease_owner = NULL, lease_until = NULL, updated_at = ? WHERE id IN"
        + " (SELECT id FROM jobs WHERE space = ? AND protocol = ? AND state = 'running'"
        + " AND lease_until < ? AND attempts >= ?" + db.dialect().skipLocked() + ")")) {
      p.setString(1, "its lease ran out on all " + MAX_CLAIMS + " claims: the workers holding it"
          + " died or hung (train it alone with lmnas standalone train to see why)");
      p.setLong(2, now);
      p.setString(3, space);
      p.setString(4, protocol);
      p.setLong(5, now);
      p.setInt(6, MAX_CLAIMS);
      p.executeUpdate();
    }
  }

  /**
   * Marks {@code job} failed with {@code error}, cut to the column's length, while its worker
   * still holds it; false when it does not (nothing changed).
   */
  boolean fail(Job<A> job, String error) {
    String kept = error.length() <= StoreSchema.ERROR_LENGTH ? error
        : error.substring(0, StoreSchema.ERROR_LENGTH - 3) + "...";
    return endLease("fail job ", job, "failed", kept);
  }

  /** Puts {@code job} back in the queue while its worker holds it; false when it does not. */
  boolean release(Job<A> job) {
    return endLease("release job ", job, "queued", null);
  }

  /**
   * Ends {@code job}'s lease with a new state, while {@code job.worker()} still holds it: what
   * {@link #fail} and {@link #release} share.
   */
  private boolean endLease(String what, Job<A> job, String state, String error) {
    return db.write(what + job.id(), c -> {
      try (PreparedStatement p = c.prepareStatement("UPDATE jobs SET state = ?, error = ?,"
          + " lease_owner = NULL, lease_until = NULL, updated_at = ? WHERE id = ? AND space = ?"
          + " AND state = 'running' AND lease_owner = ?")) {
        p.setString(1, state);
        p.setString(2, error);
        p.setLong(3, clock.millis(c));
        p.setLong(4, job.id());
        p.setString(5, space);
        p.setString(6, job.worker());
        return p.executeUpdate() == 1;
      }
    });
  }

  /** Puts every job {@code worker} holds back in the queue; returns their ids. */
  List<Long> releaseAll(String worker) {
    return db.write("release the jobs of " + worker, c -> {
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
        p.setLong(1, clock.millis(c));
        p.setString(2, worker);
        p.executeUpdate();
      }
      return ids;
    });
  }

  /** Extends {@code job}'s lease to now + {@code lease} while its worker still holds it. */
  boolean heartbeat(Job<A> job, Duration lease) {
    return db.write("heartbeat job " + job.id(), c -> {
      long now = clock.millis(c);
      try (PreparedStatement p = c.prepareStatement("UPDATE jobs SET lease_until = ?,"
          + " updated_at = ? WHERE id = ? AND space = ? AND state = 'running'"
          + " AND lease_owner = ?")) {
        p.setLong(1, now + lease.toMillis());
        p.setLong(2, now);
        p.setLong(3, job.id());
        p.setString(4, space);
        p.setString(5, job.worker());
        return p.executeUpdate() == 1;
      }
    });
  }

  /**
   * Stores {@code result} and marks {@code job} done in one transaction. It does not ask whether
   * the caller still holds the lease: a late result is as good as any, and the first one stands.
   *
   * @throws IllegalArgumentException when {@code result} is not for the job's class, protocol
   *     and seed
   */
  void complete(Job<A> job, StandaloneResult<A> result) {
    if (!results.key(result.arch()).equals(results.key(job.arch()))
        || !result.protocol().equals(job.protocol()) || result.seed() != job.seed()) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "results store %s: result for %s %s seed %d does not match job %d (%s %s seed %d)",
          db.describe(), results.space().format(result.arch()), result.protocol(), result.seed(),
          job.id(), results.space().format(job.arch()), job.protocol(), job.seed()));
    }
    db.write("complete job " + job.id(), c -> {
      results.insert(c, result);
      try (PreparedStatement p = c.prepareStatement("UPDATE jobs SET state = 'done',"
          + " lease_owner = NULL, lease_until = NULL, updated_at = ? WHERE id = ? AND space = ?")) {
        p.setLong(1, clock.millis(c));
        p.setLong(2, job.id());
        p.setString(3, space);
        if (p.executeUpdate() != 1) {
          throw new StoreException(String.format(Locale.ROOT,
              "results store %s: job %d does not exist in space %s", db.describe(), job.id(),
              space));
        }
      }
      return null;
    });
  }

  /** {@code protocol}'s failed jobs, oldest first. */
  List<JobFailure<A>> failures(String protocol) {
    return db.read("list failed jobs of " + protocol, c -> {
      try (PreparedStatement p = c.prepareStatement("SELECT id, arch, seed, attempts, error"
          + " FROM jobs WHERE space = ? AND protocol = ? AND state = 'failed' ORDER BY id")) {
        p.setString(1, space);
        p.setString(2, protocol);
        List<JobFailure<A>> out = new ArrayList<>();
        try (ResultSet r = p.executeQuery()) {
          while (r.next()) {
            String error = r.getString(5);
            out.add(new JobFailure<>(r.getLong(1), results.space().parse(r.getString(2)), protocol,
                r.getLong(3), r.getInt(4), error == null ? "(no message)" : error));
          }
        }
        return out;
      }
    });
  }

  /** Counts of {@code protocol}'s jobs by state, leases judged against the clock now. */
  QueueStatus status(String protocol) {
    return db.read("status " + protocol, c -> {
      long now = clock.millis(c);
      try (PreparedStatement p = c.prepareStatement("SELECT"
          + " SUM(CASE WHEN state = 'queued' THEN 1 ELSE 0 END),"
          + " SUM(CASE WHEN state = 'running' AND lease_until >= ? THEN 1 ELSE 0 END),"
          + " SUM(CASE WHEN state = 'done' THEN 1 ELSE 0 END),"
          + " SUM(CASE WHEN state = 'running' AND lease_until < ? THEN 1 ELSE 0 END),"
          + " SUM(CASE WHEN state = 'failed' THEN 1 ELSE 0 END)"
          + " FROM jobs WHERE space = ? AND protocol = ?")) {
        p.setLong(1, now);
        p.setLong(2, now);
        p.setString(3, space);
        p.setString(4, protocol);
        try (ResultSet r = p.executeQuery()) {
          r.next();
          return new QueueStatus(r.getInt(1), r.getInt(2), r.getInt(3), r.getInt(4),
              r.getInt(5));
        }
      }
    });
  }
}
