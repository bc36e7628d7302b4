package org.landmarknas.data;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import org.landmarknas.random.SeededShuffle;

/**
 * A seeded split of the training set indices {@code 0..size-1} into a super-net part (for the
 * usual training loss) and a rank part (for landmark rank batches and search validation), as the
 * landmark-regularization recipe trains on one half and ranks on the other.
 *
 * <p>Construction: a Fisher-Yates shuffle of {@code 0..size-1} driven by {@code new
 * SplittableRandom(seed)} (for {@code i} from {@code size-1} down to 1, swap {@code i} with {@code
 * nextInt(i + 1)}), then the first {@code round(size * fraction)} indices form the super-net part
 * and the rest the rank part. Each part is then sorted ascending: a part is a set, and sorted
 * indices read the pixel array front to back. {@code SplittableRandom}'s sequence is fixed by its
 * specification, so the split is the same on every JVM; {@code DataSplitTest} pins one.
 */
public final class DataSplit {
  /** The default super-net share of the training set. */
  public static final double DEFAULT_FRACTION = 0.5;

  private final long seed;
  private final double fraction;
  private final int[] supernet;
  private final int[] rank;
  private final long fingerprint;

  private DataSplit(long seed, double fraction, int[] supernet, int[] rank) {
    this.seed = seed;
    this.fraction = fraction;
    this.supernet = supernet;
    this.rank = rank;
    this.fingerprint = hash(supernet, rank);
  }

  /** The default half/half split of {@code size} training images. */
  public static DataSplit of(int size, long seed) {
    return of(size, DEFAULT_FRACTION, seed);
  }

  /**
   * Splits {@code size} training images, giving {@code round(size * fraction)} of them to the
   * super-net part.
   *
   * @throws IllegalArgumentException if {@code fraction} is not strictly between 0 and 1 or either
   *     part would be empty
   */
  public static DataSplit of(int size, double fraction, long seed) {
    if (!(fraction > 0 && fraction < 1)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "split fraction must be in (0, 1), got %s", fraction));
    }
    long first = Math.round(size * fraction);
    if (size < 0 || first < 1 || first >= size) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "splitting %d images with fraction %s leaves a part empty; both parts need >= 1 image",
          size, fraction));
    }
    int[] order = SeededShuffle.permutation(size, new SplittableRandom(seed));
    int[] supernet = Arrays.copyOfRange(order, 0, (int) first);
    int[] rank = Arrays.copyOfRange(order, (int) first, size);
    Arrays.sort(supernet);
    Arrays.sort(rank);
    return new DataSplit(seed, fraction, supernet, rank);
  }

  /** The seed the split was drawn with. */
  public long seed() {
    return seed;
  }

  /** The super-net share requested. */
  public double fraction() {
    return fraction;
  }

  /** Number of images split. */
  public int size() {
    return supernet.length + rank.length;
  }

  /** The super-net part, ascending; a fresh copy. */
  public int[] supernet() {
    return supernet.clone();
  }

  /** The rank part, ascending; a fresh copy. */
  public int[] rank() {
    return rank.clone();
  }

  /** Number of indices in the super-net part. */
  public int supernetSize() {
    return supernet.length;
  }

  /** Number of indices in the rank part. */
  public int rankSize() {
    return rank.length;
  }

  /**
   * A 64-bit hash of both parts, for provenance: two splits with the same fingerprint hold the same
   * index sets (up to hash collisions), whatever seed produced them. Stable across JVMs.
   */
  public long fingerprint() {
    return fingerprint;
  }

  private static long hash(int[] supernet, int[] rank) {
    long h = 0x6c6d6e61732d7370L; // "lmnas-sp"
    h = mix(h, supernet.length);
    for (int i : supernet) {
      h = mix(h, i);
    }
    h = mix(h, rank.length);
    for (int i : rank) {
      h = mix(h, i);
    }
    return h;
  }

  /** One round of the SplitMix64 finalizer over the state xor the value. */
  private static long mix(long h, long value) {
    long z = (h ^ value) + 0x9e3779b97f4a7c15L;
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  /** Same parts (seed and fraction are not compared: they only say how the parts were drawn). */
  @Override
  public boolean equals(Object o) {
    return o instanceof DataSplit other && Arrays.equals(supernet, other.supernet)
        && Arrays.equals(rank, other.rank);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(fingerprint());
  }

  /** Sizes, seed and fingerprint; never the indices. */
  @Override
  public String toString() {
    return String.format(Locale.ROOT,
        "DataSplit[%d supernet + %d rank, seed %d, fingerprint %016x]", supernet.length,
        rank.length, seed, fingerprint);
  }
}
