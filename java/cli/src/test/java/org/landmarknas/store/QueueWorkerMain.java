package org.landmarknas.store;

import java.time.Duration;
import java.util.Optional;
import org.landmarknas.space.Nb201Arch;
import org.landmarknas.space.Nb201Space;

/**
 * A stand-in worker process for {@link QueueKillContract}: claims jobs from a shared store, "trains"
 * by sleeping, and completes each with a fake result, until no job of the test protocol is
 * pending. It prints {@code claimed <id>} before working and {@code done <id>} after, so the test
 * can kill it while it holds a job and count completions.
 *
 * <p>Arguments: store location (file or JDBC URL), worker name, lease millis, work millis.
 */
final class QueueWorkerMain {

  private QueueWorkerMain() {}

  public static void main(String[] args) throws InterruptedException {
    StoreLocation location = StoreLocation.parse(args[0]);
    String worker = args[1];
    Duration lease = Duration.ofMillis(Long.parseLong(args[2]));
    long workMillis = Long.parseLong(args[3]);
    try (ResultsStore<Nb201Arch> store = ResultsStore.open(location, Nb201Space.INSTANCE)) {
      while (true) {
        Optional<Job<Nb201Arch>> claimed = store.claim(worker, StoreFixtures.PROTOCOL, lease);
        if (claimed.isEmpty()) {
          if (store.status(StoreFixtures.PROTOCOL).pending() == 0) {
            return;
          }
          Thread.sleep(50);  // a job is held by someone else; its lease may yet expire
          continue;
        }
        Job<Nb201Arch> job = claimed.get();
        System.out.println("claimed " + job.id());
        System.out.flush();
        Thread.sleep(workMillis);
        store.complete(job, StoreFixtures.result(job.arch(), job.seed(), 0.5));
        System.out.println("done " + job.id());
        System.out.flush();
      }
    }
  }
}
