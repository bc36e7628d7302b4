package org.landmarknas.store;

/**
 * Job counts of one protocol's queue. {@code running} counts jobs under a live lease,
 * {@code expired} those whose worker stopped renewing (claimable again) and {@code failed} those
 * given up (claimed by no worker until enqueued again); the five are disjoint.
 */
public record QueueStatus(int queued, int running, int done, int expired, int failed) {

  /** Checks that no count is negative. */
  public QueueStatus {
    if (queued < 0 || running < 0 || done < 0 || expired < 0 || failed < 0) {
      throw new IllegalArgumentException("queue counts must be >= 0, got " + queued + "/"
          + running + "/" + done + "/" + expired + "/" + failed);
    }
  }

  /** Jobs a worker will still take: queued, running or expired (not failed ones). */
  public int pending() {
    return queued + running + expired;
  }

  /**
   * Seconds until the pending jobs are done when {@code workers} processes each take
   * {@code secondsPerJob}: whole rounds of jobs, since the last job of a round is not shared
   * (NaN when the time per job is unknown).
   */
  public double etaSeconds(double secondsPerJob, int workers) {
    if (workers < 1) {
      throw new IllegalArgumentException("workers must be >= 1, got " + workers);
    }
    if (!(secondsPerJob > 0)) {
      return pending() == 0 ? 0 : Double.NaN;
    }
    return Math.ceil((double) pending() / workers) * secondsPerJob;
  }

  /** All jobs of the protocol. */
  public int total() {
    return queued + running + done + expired + failed;
  }
}
