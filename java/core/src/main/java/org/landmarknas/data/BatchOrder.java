package org.landmarknas.data;

import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The order in which an epoch visits a set of image indices: a uniform Fisher-Yates shuffle driven
 * by the caller's {@link SplittableRandom}, so the order is fixed by the seed.
 */
public final class BatchOrder {
  private BatchOrder() {}

  /** A shuffled copy of {@code indices}; {@code indices} is not changed. */
  public static int[] epochOrder(int[] indices, SplittableRandom rng) {
    int[] order = indices.clone();
    shuffleInPlace(order, rng);
    return order;
  }

  /**
   * Shuffles {@code order} in place without allocating (for {@code i} from the last position down
   * to 1, swap {@code i} with {@code rng.nextInt(i + 1)}).
   */
  public static void shuffleInPlace(int[] order, SplittableRandom rng) {
    Objects.requireNonNull(order, "order");
    Objects.requireNonNull(rng, "rng");
    for (int i = order.length - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
  }
}
