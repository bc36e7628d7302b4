package org.landmarknas.standalone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.landmarknas.bench.Nb201Table;
import org.landmarknas.space.Skeleton;

final class StandaloneSkeletonTest {

  @Test
  void skeleton_knowsTheImageShapes() {
    assertEquals(new Skeleton(1, 28, 28, 10, 8, 1),
        StandaloneProtocol.skeleton("fashion-mnist", 8, 1));
    assertEquals(new Skeleton(3, 32, 32, 10, 16, 5),
        StandaloneProtocol.skeleton("cifar10", 16, 5));
    assertEquals(Nb201Table.PUBLISHED_NETWORK, StandaloneProtocol.skeleton("cifar10", 16, 5));
    assertEquals(new Skeleton(1, 28, 28, 10, 8, 1),
        StandaloneProtocol.fashionMnist(8, 6).skeleton());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> StandaloneProtocol.skeleton("mnist", 8, 1));
    assertTrue(e.getMessage().contains("\"mnist\"") && e.getMessage().contains("cifar10"),
        e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new Skeleton(1, 28, 28, 10, 0, 1));
  }
}
