package org.landmarknas.standalone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.landmarknas.space.Nb201Arch;
import org.landmarknas.space.Nb201Space;

final class Nb201SkeletonTest {

  @Test
  void forDataset_knowsTheImageShapes() {
    assertEquals(new Nb201Skeleton(1, 28, 28, 10, 8, 1),
        Nb201Skeleton.forDataset("fashion-mnist", 8, 1));
    assertEquals(new Nb201Skeleton(3, 32, 32, 10, 16, 5), Nb201Skeleton.PUBLISHED_CIFAR10);
    assertEquals(new Nb201Skeleton(1, 28, 28, 10, 8, 1),
        StandaloneProtocol.fashionMnist(8, 6).skeleton());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Nb201Skeleton.forDataset("mnist", 8, 1));
    assertTrue(e.getMessage().contains("\"mnist\"") && e.getMessage().contains("cifar10"),
        e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new Nb201Skeleton(1, 28, 28, 10, 0, 1));
  }

  @Test
  void cost_isNb201CostOfTheSizes() {
    for (Nb201Arch a : Nb201Space.INSTANCE.sampleDistinct(5, new SplittableRandom(1))) {
      assertEquals(Nb201Cost.of(a, 3, 32, 32, 10, 16, 5), Nb201Skeleton.PUBLISHED_CIFAR10.cost(a));
      assertEquals(Nb201Cost.of(a, 1, 28, 28, 10, 8, 1),
          StandaloneProtocol.fashionMnist(8, 6).skeleton().cost(a));
    }
  }
}
