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
import org.landmarknas.torch.StandaloneTrainer;

/**
 * One {@code lmnas standalone worker} process: claims its protocol's jobs from the store until
 * none is left, trains each under a lease that a heartbeat renews, and commits each result the
 * moment it is known. How it stops decides what is lost: SIGKILL loses the job in hand, which
 * another worker redoes once the lease expires; SIGTERM or Ctrl-C gives it back to the queue at
 * once.
 */
final class StandaloneWorker {
  private final ResultsStore store;
  private final StandaloneTrainer trainer;
  private final StandaloneProtocol protocol;
  private final Duration lease;
  private final PrintStream out;
  private final String me = "pid-" + ProcessHandle.current().pid();
  /** The job being trained; the shutdown hook and the loop each take it at most once. */
  private final AtomicReference<Job> current = new AtomicReference<>();

  StandaloneWorker(ResultsStore store, StandaloneTrainer trainer, StandaloneProtocol protocol,
      Duration lease, PrintStream out) {
    this.store = store;
    this.trainer = trainer;
    this.protocol = protocol;
    this.lease = lease;
    this.out = out;
  }

  /** Works until the queue has no claimable job of the protocol. */
  void run() {
    ScheduledExecutorService beat = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "lease-heartbeat");
      t.setDaemon(true);
      return t;
    });
    int done = 0;
    double seconds = 0;
    try (ShutdownHook release = ShutdownHook.register("release-job", this::releaseCurrent)) {
      while (true) {
        // Only this worker's protocol: another protocol's jobs wait for their own workers.
        Optional<Job> claimed = store.claim(me, protocol.name(), lease);
        if (claimed.isEmpty()) {
          break;
        }
        Job job = claimed.get();
        current.set(job);
        out.printf(Locale.ROOT, "[%s] job %d: %s (attempt %d)%n", me, job.id(), job.arch(),
            job.attempts());
        var ticket = beat.scheduleAtFixedRate(() -> store.heartbeat(job, lease),
            lease.toMillis() / 3, lease.toMillis() / 3, TimeUnit.MILLISECONDS);
        StandaloneResult r;
        try {
          r = trainer.train(job.arch(), protocol, job.seed(), out);
        } catch (RuntimeException e) {
          // A failed training (say, diverged) keeps its lease, as a crash would: no immediate
          // retry by the next worker.
          current.set(null);
          throw e;
        } finally {
          ticket.cancel(false);
        }
        if (current.getAndSet(null) == null) {
          return; // the shutdown hook gave the job back while it trained: stopping
        }
        store.complete(job, r);
        out.printf(Locale.ROOT, "[%s] job %d done: %s%n", me, job.id(), r);
        done++;
        seconds += r.wallSeconds();
        progress(done, seconds);
      }
    } finally {
      beat.shutdownNow();
    }
    out.printf(Locale.ROOT, "[%s] no queued job of protocol %s left, after %d jobs (jobs of"
        + " other protocols wait for workers with their --channels/--epochs/--train-limit)%n",
        me, protocol.name(), done);
  }

  private void progress(int done, double seconds) {
    // The other live leases are the other workers; this one claims again next.
    QueueStatus q = store.status(protocol.name());
    int active = q.running() + 1;
    out.printf(Locale.ROOT, "[%s] queue: %d of %d done, %d pending; %.1f s per job here,"
            + " about %s left with %d workers%n", me, q.done(), q.total(), q.pending(),
        seconds / done, ProgressLine.clock(q.etaSeconds(seconds / done, active)), active);
  }

  /** The shutdown hook: stopped politely, the job in hand goes back to the queue now. */
  private void releaseCurrent() {
    Job job = current.getAndSet(null);
    if (job != null && store.release(job)) {
      out.printf(Locale.ROOT, "[%s] stopped: job %d is back in the queue%n", me, job.id());
      out.flush();
    }
  }
}
