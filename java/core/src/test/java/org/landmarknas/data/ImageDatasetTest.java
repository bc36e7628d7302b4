package org.landmarknas.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

final class ImageDatasetTest {
  private static ImageData images(int channels, int side, int classes) {
    return new ImageData("x", channels, side, side, classes, new byte[channels * side * side],
        new byte[1]);
  }

  @Test
  void constructor_consistentParts_exposesShape() {
    ImageDataset ds = new ImageDataset("d", images(3, 4, 10), images(3, 4, 10),
        Normalization.CIFAR10);
    assertEquals(3, ds.channels());
    assertEquals(4, ds.height());
    assertEquals(4, ds.width());
    assertEquals(10, ds.classes());
  }

  @Test
  void constructor_trainTestShapeDiffers_rejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new ImageDataset("d", images(1, 4, 10), images(1, 5, 10),
            Normalization.FASHION_MNIST));
    assertTrue(e.getMessage().contains("1x4x4") && e.getMessage().contains("1x5x5"),
        e.getMessage());
  }

  @Test
  void constructor_normalizationChannelsDiffer_rejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new ImageDataset("d", images(1, 4, 10), images(1, 4, 10), Normalization.CIFAR10));
    assertTrue(e.getMessage().contains("1 channels but the normalization has 3"), e.getMessage());
  }
}
