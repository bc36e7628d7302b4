package org.landmarknas.run;

import java.util.SplittableRandom;

/**
 * The random streams of a training run, one per (purpose, epoch), each computed from the run's
 * seed alone. A run resumed at epoch e therefore draws exactly what the uninterrupted run drew
 * from epoch e on, without storing any generator state (Java's {@link SplittableRandom} cannot be
 * saved), and the purposes stay independent: sampling more architectures for evaluation does not
 * shift the data order.
 */
public final class EpochStreams {

  /**
   * What a stream is used for; each purpose gets its own sequence of seeds, derived from its
   * {@link #id}. The ids are fixed (they are what the declaration order gave when streams were
   * numbered by position), so adding or reordering purposes never changes a run's numbers: a new
   * purpose takes the next free id.
   */
  public enum Purpose {
    /** The architecture sampled for each super-net step. */
    ARCHITECTURES(1),
    /** The order and augmentation of the super-net half. */
    DATA(2),
    /** The order and augmentation of the rank half (landmark batches). */
    RANK_DATA(3),
    /** The landmark pairs of each step. */
    PAIRS(4),
    /** Evaluation images and BN recalibration batches. */
    EVALUATION(5),
    /** Search strategies (multi-round landmark growth and the final search). */
    SEARCH(6),
    /**
     * The landmarks' own Kendall tau each epoch: apart from {@link #EVALUATION}, so that a run
     * with landmarks scores its pool on the same batches as one without (with BN recalibration
     * a shared stream was consumed first by the landmark scoring).
     */
    LANDMARK_EVALUATION(7),
    /**
     * GDAS's architect: its rank-half batches and Gumbel draws, apart from {@link #RANK_DATA}, so
     * that the landmark term of a GDAS run sees the batches an SPOS run with landmarks sees.
     */
    ARCHITECT(8),
    /**
     * NAO's controller points: the first pool, the pool's scoring, the controller's batches,
     * dropout and initial weights, and the random part of a renewed pool.
     */
    CONTROLLER(9);

    private final int id;

    Purpose(int id) {
      this.id = id;
    }

    /** The stream's fixed number; never reused for another purpose. */
    public int id() {
      return id;
    }
  }

  private final long base;

  /** Streams derived from {@code seed}. */
  public EpochStreams(long seed) {
    this.base = seed;
  }

  /**
   * A fresh generator for {@code purpose} in epoch {@code epoch} (0-based; the epoch after the
   * last one is used for work after training). Equal arguments give equal generators.
   */
  public SplittableRandom stream(Purpose purpose, int epoch) {
    long z = mix64(base + purpose.id() * 0x9E3779B97F4A7C15L);
    z = mix64(z ^ ((epoch + 1L) * 0xC2B2AE3D27D4EB4FL));
    return new SplittableRandom(z);
  }

  /** Stafford's variant 13 of the MurmurHash3 finaliser: a bijective 64-bit mix. */
  private static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
