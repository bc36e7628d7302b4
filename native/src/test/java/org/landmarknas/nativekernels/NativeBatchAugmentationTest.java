package org.landmarknas.nativekernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.junit.jupiter.api.Test;
import org.landmarknas.data.Augmentation;
import org.landmarknas.data.BatchAssembler;
import org.landmarknas.data.ImageData;
import org.landmarknas.data.Normalization;

final class NativeBatchAugmentationTest {

  /** Random images of one shape, with their pixel bytes kept for the kernel. */
  private record Images(ImageData data, byte[] pixels, Normalization normalization) {

    static Images random(SplittableRandom rng, int count, int channels, int height, int width) {
      byte[] pixels = new byte[count * channels * height * width];
      for (int i = 0; i < pixels.length; i++) {
        pixels[i] = (byte) rng.nextInt(256);
      }
      byte[] labels = new byte[count];
      Double[] mean = new Double[channels];
      Double[] std = new Double[channels];
      for (int c = 0; c < channels; c++) {
        mean[c] = 0.2 + 0.1 * c;
        std[c] = 0.25 + 0.05 * c;
      }
      ImageData data = new ImageData("random", channels, height, width, 10, pixels, labels);
      return new Images(data, pixels, new Normalization(List.of(mean), List.of(std)));
    }

    float[] table() {
      int channels = normalization.channels();
      double[] mean = new double[channels];
      double[] std = new double[channels];
      for (int c = 0; c < channels; c++) {
        mean[c] = normalization.mean().get(c);
        std[c] = normalization.std().get(c);
      }
      return NativeBatchAugmentation.normalizationTable(mean, std);
    }

    NativeBatchAugmentation kernel(int threads) {
      return new NativeBatchAugmentation(data.channels(), data.height(), data.width(), table(),
          threads);
    }
  }

  private static int[] randomIndices(SplittableRandom rng, int n, int count) {
    int[] idx = new int[n];
    for (int i = 0; i < n; i++) {
      idx[i] = rng.nextInt(count);
    }
    return idx;
  }

  /** BatchAssembler's output for these indices and seed. */
  private static float[] reference(Images images, Augmentation aug, int[] index, long seed,
      boolean augment) {
    BatchAssembler assembler = new BatchAssembler(images.data, images.normalization, aug);
    float[] out = new float[index.length * assembler.floatsPerImage()];
    assembler.fill(index, 0, index.length, augment, new SplittableRandom(seed), out,
        new long[index.length]);
    return out;
  }

  @Test
  void fill_equalsBatchAssemblerForTheSameDraws() {
    SplittableRandom rng = new SplittableRandom(31);
    int[][] shapes = {{1, 28, 28}, {3, 32, 32}, {2, 5, 7}, {1, 1, 1}};
    List<Augmentation> augmentations = List.of(Augmentation.CIFAR_STANDARD,
        new Augmentation(2, true), new Augmentation(4, false), new Augmentation(0, true),
        new Augmentation(40, true), Augmentation.NONE);
    for (int[] s : shapes) {
      Images images = Images.random(rng, 20, s[0], s[1], s[2]);
      int[] index = randomIndices(rng, 37, 20);
      for (Augmentation aug : augmentations) {
        long seed = rng.nextLong();
        float[] expected = reference(images, aug, index, seed, true);
        AugmentationDraws draws = new AugmentationDraws(40);
        draws.draw(new SplittableRandom(seed), aug.cropPadding(), aug.horizontalFlip(),
            index.length);
        for (int threads : new int[] {1, 2, 3, 0}) {
          float[] out = new float[expected.length];
          images.kernel(threads).fill(images.pixels, index, draws.dy(), draws.dx(),
              draws.flip(), index.length, out);
          // Float for float, bit for bit.
          assertArrayEquals(expected, out, () -> aug + " on " + s[0] + "x" + s[1] + "x" + s[2]
              + " with " + threads + " threads");
        }
      }
    }
  }

  @Test
  void fill_withoutDrawsIsThePlainBatch() {
    SplittableRandom rng = new SplittableRandom(1);
    Images images = Images.random(rng, 10, 3, 8, 8);
    int[] index = randomIndices(rng, 10, 10);
    float[] expected = reference(images, Augmentation.CIFAR_STANDARD, index, 0, false);
    float[] out = new float[expected.length];
    images.kernel(2).fill(images.pixels, index, null, null, null, index.length, out);
    assertArrayEquals(expected, out);
  }

  @Test
  void fill_largeBatchManyThreadsMatches() {
    SplittableRandom rng = new SplittableRandom(9);
    Images images = Images.random(rng, 300, 3, 32, 32);
    int[] index = randomIndices(rng, 256, 300);
    float[] expected = reference(images, Augmentation.CIFAR_STANDARD, index, 77, true);
    AugmentationDraws draws = new AugmentationDraws(256);
    draws.draw(new SplittableRandom(77), 4, true, 256);
    for (int threads : new int[] {1, 2, 4, 7}) {
      float[] out = new float[expected.length];
      images.kernel(threads).fill(images.pixels, index, draws.dy(), draws.dx(), draws.flip(),
          256, out);
      assertArrayEquals(expected, out, threads + " threads");
    }
  }

  @Test
  void fill_nativeMemoryMatchesArrays() {
    SplittableRandom rng = new SplittableRandom(12);
    Images images = Images.random(rng, 12, 3, 6, 9);
    int[] index = randomIndices(rng, 16, 12);
    AugmentationDraws draws = new AugmentationDraws(16);
    draws.draw(new SplittableRandom(5), 3, true, 16);
    NativeBatchAugmentation kernel = images.kernel(2);
    float[] expected = new float[16 * kernel.floatsPerImage()];
    kernel.fill(images.pixels, index, draws.dy(), draws.dx(), draws.flip(), 16, expected);
    try (BytePointer pixels = new BytePointer(images.pixels);
        FloatPointer out = new FloatPointer(expected.length + 4)) {
      out.position(4);  // the kernel writes from the pointer's position
      kernel.fill(pixels, 12, index, draws.dy(), draws.dx(), draws.flip(), 16, out);
      float[] got = new float[expected.length];
      out.get(got);
      assertArrayEquals(expected, got, "native images, native output");
      out.fill(0);
      kernel.fill(images.pixels, index, draws.dy(), draws.dx(), draws.flip(), 16, out);
      out.get(got);
      assertArrayEquals(expected, got, "Java images, native output");
    }
  }

  @Test
  void fill_badArgumentsThrowBeforeWriting() {
    SplittableRandom rng = new SplittableRandom(2);
    Images images = Images.random(rng, 4, 1, 3, 3);
    NativeBatchAugmentation kernel = images.kernel(1);
    float[] out = new float[2 * 9];
    java.util.Arrays.fill(out, 5f);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> kernel.fill(images.pixels, new int[] {0, 4}, null, null, null, 2, out));
    assertTrue(e.getMessage().contains("batch entry 1 is image 4"), e.getMessage());
    for (float v : out) {
      assertEquals(5f, v, "nothing written");
    }
    e = assertThrows(IllegalArgumentException.class,
        () -> kernel.fill(images.pixels, new int[] {0, 1}, new int[1], null, null, 2, out));
    assertTrue(e.getMessage().contains("dy has 1 elements, need 2"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> kernel.fill(new byte[10], new int[] {0}, null, null, null, 1, out));
    assertTrue(e.getMessage().contains("not a whole number"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> kernel.fill(images.pixels, new int[] {0, 1, 2}, null, null, null, 3, out));
    assertTrue(e.getMessage().contains("out has 18 elements, need 27"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> new NativeBatchAugmentation(3, 4, 4, new float[256], 1));
    assertThrows(IllegalArgumentException.class,
        () -> NativeBatchAugmentation.normalizationTable(new double[] {0.5}, new double[] {0}));
    // An empty batch is fine and touches nothing.
    kernel.fill(images.pixels, new int[0], null, null, null, 0, out);
  }

  @Test
  void draws_followBatchAssemblerOrder() {
    // Padding 0 and no flip draw nothing; a flip-only augmentation draws one boolean per image.
    AugmentationDraws draws = new AugmentationDraws(3);
    SplittableRandom a = new SplittableRandom(4);
    draws.draw(a, 0, true, 3);
    SplittableRandom b = new SplittableRandom(4);
    for (int k = 0; k < 3; k++) {
      assertEquals(b.nextBoolean(), draws.flip()[k]);
      assertEquals(0, draws.dy()[k]);
    }
    assertEquals(b.nextLong(), a.nextLong(), "same number of draws");
    assertThrows(IllegalArgumentException.class, () -> draws.draw(a, 1, true, 4));
  }
}
