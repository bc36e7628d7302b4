package org.landmarknas.torch;

import java.util.List;

/**
 * How one training step is split over shards of its global batch and joined again: which shards
 * this process trains, how their gradients become one average, and how per-process sums (loss,
 * accuracy, landmark losses) become global ones. {@link #SINGLE} is one process on the whole
 * batch and changes nothing; {@link RankDataParallel} is one rank of several processes.
 *
 * <p>Every process draws the same path, the same data order, the same augmentation and the same
 * landmark pairs from the run's seeded streams (each assembles the whole global batch and trains
 * its slice), so nothing that is drawn needs to be sent; only gradients and sums are.
 */
public interface DataParallel {

  /** One process, the whole batch: the identity everywhere. */
  DataParallel SINGLE = new DataParallel() {
    @Override
    public List<LabeledBatch> shards(LabeledBatch global) {
      return List.of(global);
    }

    @Override
    public int shardCount() {
      return 1;
    }

    @Override
    public void averageGradients() {}

    @Override
    public double[] sum(double[] local) {
      return local;
    }
  };

  /** The shards of {@code global} that this process trains, in order. */
  List<LabeledBatch> shards(LabeledBatch global);

  /** The shards of a step over all processes: the divisor of an average over shards. */
  int shardCount();

  /**
   * Turns the gradients accumulated by this process's shards into the average over all shards;
   * called once per step, after every backward and before the clip and the optimizer step.
   */
  void averageGradients();

  /** The element-wise sums of {@code local} over all processes. */
  double[] sum(double[] local);

  /** Whether this process writes the run directory (rank 0, or the only process). */
  default boolean leads() {
    return true;
  }

  /** Whether other processes train beside this one (and wait for it in collectives). */
  default boolean distributed() {
    return false;
  }

  /** Rank 0's {@code bytes} on every process; the others' argument is ignored. */
  default byte[] fromLeader(byte[] bytes) {
    return bytes;
  }

  /**
   * The contiguous slice {@code [r·n/W, (r+1)·n/W)} of {@code global} for shard {@code r} of
   * {@code w}: sizes differ by at most one image.
   *
   * @throws IllegalArgumentException when the batch has fewer images than shards
   */
  static LabeledBatch slice(LabeledBatch global, int r, int w) {
    int n = global.size();
    if (n < w) {
      throw new IllegalArgumentException("a batch of " + n + " images cannot be split over "
          + w + " ranks");
    }
    int from = (int) ((long) r * n / w);
    int to = (int) ((long) (r + 1) * n / w);
    return global.slice(from, to - from);
  }
}
