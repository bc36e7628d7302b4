package org.landmarknas.random;

import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The one Fisher-Yates shuffle of the project, driven by the caller's {@link SplittableRandom}
 * so that an order is fixed by the run's seed (Java 17's {@code Collections.shuffle} takes only a
 * {@code java.util.Random}). For {@code i} from the last position down to 1 it swaps {@code i}
 * with {@code rng.nextInt(i + 1)}: batch orders, data splits, evaluation pools and landmark draws
 * of earlier runs depend on exactly this sequence of draws, so it must not change.
 */
public final class SeededShuffle {
  private SeededShuffle() {}

  /** Shuffles {@code values} in place without allocating. */
  public static void shuffle(int[] values, SplittableRandom rng) {
    Objects.requireNonNull(values, "values");
    Objects.requireNonNull(rng, "rng");
    for (int i = values.length - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = values[i];
      values[i] = values[j];
      values[j] = t;
    }
  }

  /** Shuffles {@code list} (a mutable, random-access list) in place. */
  public static void shuffle(List<?> list, SplittableRandom rng) {
    Objects.requireNonNull(list, "list");
    Objects.requireNonNull(rng, "rng");
    for (int i = list.size() - 1; i > 0; i--) {
      Collections.swap(list, i, rng.nextInt(i + 1));
    }
  }

  /** {@code 0..n-1} in a shuffled order. */
  public static int[] permutation(int n, SplittableRandom rng) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    shuffle(order, rng);
    return order;
  }
}
