package org.landmarknas.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

final class BatchOrderTest {

  @Test
  void epochOrder_isPermutationAndLeavesInputAlone() {
    int[] indices = {5, 9, 11, 20, 21, 40, 41, 42};
    int[] copy = indices.clone();
    int[] order = BatchOrder.epochOrder(indices, new SplittableRandom(1));
    assertArrayEquals(copy, indices);
    int[] sorted = order.clone();
    Arrays.sort(sorted);
    assertArrayEquals(indices, sorted);
  }

  @Test
  void epochOrder_sameSeedSameOrder_nextEpochDiffers() {
    int[] indices = new int[100];
    Arrays.setAll(indices, i -> i);
    SplittableRandom a = new SplittableRandom(9);
    SplittableRandom b = new SplittableRandom(9);
    int[] first = BatchOrder.epochOrder(indices, a);
    assertArrayEquals(first, BatchOrder.epochOrder(indices, b));
    assertFalse(Arrays.equals(first, BatchOrder.epochOrder(indices, a)));
    assertFalse(Arrays.equals(indices, first));
  }
}
