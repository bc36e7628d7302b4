package org.landmarknas.store;

/**
 * Job counts of one protocol's queue. {@code running} counts jobs under a live lease and
 * {@code expired} those whose worker stopped renewing (claimable again); the four are disjoint.
 */
public record QueueStatus(int queued, int running, int done, int expired) {

  /** Checks that no count is negative. */
  public QueueStatus {
    if (queued < 0 || running < 0 || done < 0 || expired < 0) {
      throw new IllegalArgumentException("queue counts must be >= 0, got " + queued + "/"
          + running + "/" + done + "/" + expired);
    }
  }

  /** Jobs not yet done: queued, running or expired. */
  public int pending() {
    return queued + running + expired;
  }

  /** All jobs of the protocol. */
  public int total() {
    return queued + running + done + expired;
  }
}
