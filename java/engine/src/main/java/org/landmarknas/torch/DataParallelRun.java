package org.landmarknas.torch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.landmarknas.landmark.LandmarkSet;

/**
 * What a search run does differently as one rank of several: its {@link DataParallel}, and the
 * few points where rank 0 decides and the others follow. Everything else every rank computes
 * identically by construction (the seeded streams give each the same path, data order,
 * augmentation and landmark pairs; averaged gradients give each the same weights), so it is not
 * sent:
 *
 * <ul>
 *   <li>landmark rounds: rank 0 grows the set and broadcasts it (as CSV bytes), since it is
 *       chosen by scoring with rank 0's BatchNorm buffers, which differ per rank under
 *       {@code supernet.batchnorm: running};
 *   <li>resume: every rank reads the newest intact checkpoint of the (shared) run directory, and
 *       they check that they agree on its epoch;
 *   <li>after training rank 0 scores, searches and writes {@code result.json}; the others wait at
 *       a barrier, so all ranks finish together.
 * </ul>
 *
 * <p>With one process every method is the identity, and the run is exactly the plain one.
 */
final class DataParallelRun {
  private final DataParallel parallel;
  private final Optional<RankGroup> group;

  private DataParallelRun(DataParallel parallel, Optional<RankGroup> group) {
    this.parallel = parallel;
    this.group = group;
  }

  /** The run of {@code net} as a rank of {@code group}, or as the only process. */
  static DataParallelRun of(Optional<RankGroup> group, Supernet<?> net) {
    return new DataParallelRun(group.<DataParallel>map(g -> new RankDataParallel(g, net))
        .orElse(DataParallel.SINGLE), group);
  }

  DataParallel parallel() {
    return parallel;
  }

  /**
   * Fails when the ranks resumed from different epochs (a run directory that is not shared, or
   * a checkpoint written while another rank looked).
   */
  void requireSameEpoch(int epochsDone) {
    if (group.isEmpty()) {
      return;
    }
    double[] sums = parallel.sum(new double[] {epochsDone, (double) epochsDone * epochsDone});
    int w = group.get().world();
    // all equal exactly when the variance of the W values is zero
    if (sums[1] * w != sums[0] * sums[0]) {
      throw new IllegalStateException(String.format(Locale.ROOT,
          "the ranks resumed from different checkpoints (rank %d after epoch %d, mean %.2f):"
              + " every rank must see the same run directory", group.get().rank(), epochsDone,
          sums[0] / w));
    }
  }

  /** Rank 0's {@code grow.get()}, on every rank; the others only receive it. */
  <A> LandmarkSet<A> fromLeader(LandmarkSet<A> current, Supplier<LandmarkSet<A>> grow) {
    if (group.isEmpty()) {
      return grow.get();
    }
    RankGroup g = group.get();
    LandmarkSet<A> grown = g.leads() ? grow.get() : null;
    try {
      Path tmp = Files.createTempFile("lmnas-landmarks-", ".csv");
      try {
        if (grown != null) {
          grown.writeCsv(tmp);
        }
        byte[] csv = g.broadcastBytes(grown != null ? Files.readAllBytes(tmp) : new byte[0]);
        if (grown != null) {
          return grown;
        }
        Files.write(tmp, csv);
        return LandmarkSet.fromCsv(current.space(), tmp);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot pass the new landmarks between ranks: "
          + e.getMessage(), e);
    }
  }

  /** Returns when every rank got here: the others wait for rank 0's scoring and search. */
  void awaitLeader() {
    group.ifPresent(RankGroup::barrier);
  }
}
