package org.landmarknas.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.landmarknas.run.ProgressLine;
import org.landmarknas.standalone.StandaloneProtocol;
import org.landmarknas.standalone.StandaloneResult;
import org.landmarknas.store.Job;
import org.landmarknas.store.QueueStatus;
import org.landmarknas.store.ResultsStore;
import org.landmarknas.store.WorkerId;
import org.landmarknas.torch.StandaloneTrainer;

/**
 * One {@code lmnas standalone worker} process: claims its protocol's jobs from the store until
 * none is left, trains each under a lease that a heartbeat renews, and commits each result the
 * moment it is known. How it stops decides what is lost: SIGKILL loses the job in hand, which
 * another worker redoes once the lease expires; SIGTERM or Ctrl-C gives it back to the queue at
 * once, and the JVM exits at the training's next step ({@code NativeExitGate}). A training that
 * throws (a diverged loss, a cell with no path from input to output) marks its job failed with
 * the error and the worker goes on with the next: the same job would fail the same way for
 * every worker.
 *
 * <p>A worker normally ends when nothing is left to claim, even while other workers still train
 * their last jobs. A draining worker ({@code --drain}) stays until every job of the protocol is
 * done or failed, taking over any whose lease runs out: when it ends, the protocol's queue is
 * finished, so whatever reads the results next (a table's export, a dependent step) sees them
 * all.
 *
 * @param <A> the architecture type of the protocol's space, which the store and trainer share
 */
final class StandaloneWorker<A> {
  /** The longest wait of a draining worker between two looks at the queue. */
  private static final Duration POLL_LIMIT = Duration.ofSeconds(30);

  private final ResultsStore<A> store;
  private final StandaloneTrainer<A> trainer;
  private final StandaloneProtocol protocol;
  private final Duration lease;
  private final boolean drain;
  private final PrintStream out;
  private final String me = WorkerId.forThisProcess();
  /** Whether a draining worker has said that it waits (once, not at every poll). */
  private boolean waiting;
  /** The job being trained; the shutdown hook and the loop each take it at most once. */
  private final AtomicReference<Job<A>> current = new AtomicReference<>();

  StandaloneWorker(ResultsStore<A> store, StandaloneTrainer<A> trainer,
      StandaloneProtocol protocol, Duration lease, boolean drain, PrintStream out) {
    protocol.requireSpace(store.space());
    protocol.requireSpace(trainer.space());
    this.store = store;
    this.trainer = trainer;
    this.protocol = protocol;
    this.lease = lease;
    this.drain = drain;
    this.out = out;
  }

  /** Works until the queue has no claimable job of the protocol (draining: no pending job). */
  void run() throws InterruptedException {
    ScheduledExecutorService beat = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "lease-heartbeat");
      t.setDaemon(true);
      return t;
    });
    int done = 0;
    int failed = 0;
    double seconds = 0;
    try (ShutdownHook release = ShutdownHook.register("release-job", this::releaseCurrent)) {
      while (true) {
        // Only this worker's protocol: another protocol's jobs wait for their own workers.
        Optional<Job<A>> claimed = store.claim(me, protocol.name(), lease);
        if (claimed.isEmpty()) {
          if (drain && awaitOthers()) {
            continue;
          }
          break;
        }
        Job<A> job = claimed.get();
        waiting = false;
        current.set(job);
        out.printf(Locale.ROOT, "[%s] job %d: %s (attempt %d)%n", me, job.id(),
            store.space().format(job.arch()), job.attempts());
        var ticket = beat.scheduleAtFixedRate(() -> renew(job),
            lease.toMillis() / 3, lease.toMillis() / 3, TimeUnit.MILLISECONDS);
        StandaloneResult<A> r;
        try {
          r = trainer.train(job.arch(), protocol, job.seed(), out);
        } catch (RuntimeException e) {
          if (current.getAndSet(null) == null) {
            return; // stopping: the shutdown hook gave the job back
          }
          store.fail(job, e.getMessage() != null ? e.getMessage() : e.toString());
          out.printf(Locale.ROOT, "[%s] job %d failed, kept as failed (status lists it, enqueue"
              + " queues it again): %s%n", me, job.id(), e);
          failed++;
          continue;
        } finally {
          ticket.cancel(false);
        }
        if (current.getAndSet(null) == null) {
          return; // the shutdown hook gave the job back while it trained: stopping
        }
        store.complete(job, r);
        out.printf(Locale.ROOT, "[%s] job %d done: %s%n", me, job.id(),
            r.describe(store.space()));
        done++;
        seconds += r.wallSeconds();
        progress(done, seconds);
      }
    } finally {
      beat.shutdownNow();
    }
    out.printf(Locale.ROOT, "[%s] no queued job of protocol %s left, after %d jobs done and %d"
        + " failed (jobs of other protocols wait for workers with their protocol options)%n",
        me, protocol.name(), done, failed);
  }

  /**
   * The heartbeat: renews the lease while the job trains. A failed renewal (the store busy past
   * its timeout) is reported and retried on the next beat; an exception escaping here would
   * silently cancel every later beat and let the lease run out mid-training.
   */
  private void renew(Job<A> job) {
    try {
      if (!store.heartbeat(job, lease)) {
        out.printf(Locale.ROOT, "[%s] job %d: lease lost to another worker (its lease ran out);"
            + " training on, the first result stored wins%n", me, job.id());
      }
    } catch (RuntimeException e) {
      out.printf(Locale.ROOT, "[%s] job %d: lease renewal failed, next try in %d s: %s%n", me,
          job.id(), lease.toSeconds() / 3, e.getMessage());
    }
  }

  private void progress(int done, double seconds) {
    // The other live leases are the other workers; this one claims again next.
    QueueStatus q = store.status(protocol.name());
    int active = q.running() + 1;
    out.printf(Locale.ROOT, "[%s] queue: %d of %d done, %d pending; %.1f s per job here,"
            + " about %s left with %d workers%n", me, q.done(), q.total(), q.pending(),
        seconds / done, ProgressLine.clock(q.etaSeconds(seconds / done, active)), active);
  }

  /**
   * Whether jobs of the protocol are still pending in other workers; if so, waits a poll
   * interval first (a third of this worker's lease, at most 30 s: an expired lease is taken
   * over soon after it runs out, without a busy store).
   */
  private boolean awaitOthers() throws InterruptedException {
    QueueStatus q = store.status(protocol.name());
    if (q.pending() == 0) {
      return false;
    }
    if (!waiting) {
      out.printf(Locale.ROOT, "[%s] draining: waiting for %d job(s) held by other workers (%d"
          + " with an expired lease, taken over next)%n", me, q.pending(), q.expired());
      waiting = true;
    }
    Thread.sleep(Math.min(lease.toMillis() / 3, POLL_LIMIT.toMillis()));
    return true;
  }

  /** The shutdown hook: stopped politely, the job in hand goes back to the queue now. */
  private void releaseCurrent() {
    current.set(null); // the loop sees it and stops instead of completing
    // Every job this worker holds, not only `current`: a stop right after a claim committed
    // (before the loop recorded the job) or right after training (while the loop completes it)
    // would otherwise leave a job leased to a dead worker. One given back while the loop
    // completes it is done all the same: completing does not need the lease.
    for (long id : store.releaseAll(me)) {
      out.printf(Locale.ROOT, "[%s] stopped: job %d is back in the queue%n", me, id);
    }
    out.flush();
  }
}
