package org.landmarknas.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.landmarknas.TestData;

final class NormalizationTest {

  @Test
  void constructor_mismatchedLengths_rejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new Normalization(List.of(0.1, 0.2), List.of(0.3)));
    assertTrue(e.getMessage().contains("2 means and 1 stds"), e.getMessage());
  }

  @Test
  void constructor_nonPositiveOrNonFiniteStd_rejected() {
    assertThrows(IllegalArgumentException.class,
        () -> new Normalization(List.of(0.1), List.of(0.0)));
    assertThrows(IllegalArgumentException.class,
        () -> new Normalization(List.of(0.1), List.of(-1.0)));
    assertThrows(IllegalArgumentException.class,
        () -> new Normalization(List.of(Double.NaN), List.of(1.0)));
    assertThrows(IllegalArgumentException.class, () -> new Normalization(List.of(), List.of()));
  }

  @Test
  void constructor_copiesLists() {
    List<Double> mean = new ArrayList<>(List.of(0.5));
    Normalization n = new Normalization(mean, List.of(0.25));
    mean.set(0, 0.9);
    assertEquals(0.5, n.mean().get(0));
  }

  @Test
  void constants_haveOneEntryPerChannel() {
    assertEquals(1, Normalization.FASHION_MNIST.channels());
    assertEquals(3, Normalization.CIFAR10.channels());
    assertEquals(List.of(0.4914, 0.4822, 0.4465), Normalization.CIFAR10.mean());
    assertEquals(List.of(0.2470, 0.2435, 0.2616), Normalization.CIFAR10.std());
  }

  @Test
  void of_knownPixels_exactMeanAndPopulationStd() {
    // Channel 0: half 0, half 255 -> mean 0.5, std 0.5. Channel 1: 51 and 102 -> 0.3, std 0.1.
    byte[] pixels = {0, (byte) 255, 51, 102, (byte) 255, 0, 102, 51};
    ImageData data = new ImageData("t", 2, 1, 2, 2, pixels, new byte[] {0, 1});
    Normalization n = Normalization.of(data);
    assertEquals(0.5, n.mean().get(0), 1e-12);
    assertEquals(0.5, n.std().get(0), 1e-12);
    assertEquals(0.3, n.mean().get(1), 1e-12);
    assertEquals(0.1, n.std().get(1), 1e-12);
  }

  @Test
  void of_constantChannel_rejectedWithName() {
    ImageData data = new ImageData("flat", 1, 2, 2, 2, new byte[4], new byte[] {0});
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Normalization.of(data));
    assertTrue(e.getMessage().contains("flat"), e.getMessage());
  }

  @Test
  void unit_isIdentityOnUnitScale() {
    Normalization n = Normalization.unit(3);
    assertEquals(List.of(0.0, 0.0, 0.0), n.mean());
    assertEquals(List.of(1.0, 1.0, 1.0), n.std());
  }

  @Test
  void fashionMnist_constantMatchesRealTrainingData() {
    Path real = TestData.fashionMnist();
    ImageDataset ds = new FashionMnistReader().read(real);
    Normalization computed = Normalization.of(ds.train());
    System.out.printf(Locale.ROOT, "Fashion-MNIST train mean %.6f std %.6f%n",
        computed.mean().get(0), computed.std().get(0));
    assertEquals(Normalization.FASHION_MNIST.mean().get(0), computed.mean().get(0), 5e-4);
    assertEquals(Normalization.FASHION_MNIST.std().get(0), computed.std().get(0), 5e-4);
  }
}
