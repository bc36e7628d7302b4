package org.landmarknas.data;

import java.util.SplittableRandom;
import org.landmarknas.random.SeededShuffle;

/**
 * The order in which an epoch visits a set of image indices: a {@link SeededShuffle} driven by the
 * caller's {@link SplittableRandom}, so the order is fixed by the seed.
 */
public final class BatchOrder {
  private BatchOrder() {}

  /** A shuffled copy of {@code indices}; {@code indices} is not changed. */
  public static int[] epochOrder(int[] indices, SplittableRandom rng) {
    int[] order = indices.clone();
    SeededShuffle.shuffle(order, rng);
    return order;
  }
}
