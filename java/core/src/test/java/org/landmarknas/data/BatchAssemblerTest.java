package org.landmarknas.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

final class BatchAssemblerTest {
  private static final int C = 2;
  private static final int H = 5;
  private static final int W = 4;
  private static final Normalization NORM = new Normalization(List.of(0.3, 0.6),
      List.of(0.2, 0.4));

  /** Six random 2x5x4 images (non-square, so a row/column mixup shows). */
  private static ImageData data() {
    SplittableRandom rng = new SplittableRandom(11);
    byte[] pixels = new byte[6 * C * H * W];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = (byte) rng.nextInt(256);
    }
    return new ImageData("synthetic", C, H, W, 10, pixels, new byte[] {1, 7, 0, 9, 3, 3});
  }

  private static float normalized(ImageData d, int image, int c, int y, int x,
      Normalization n) {
    int v = d.pixel(image, c, y, x);
    return (float) ((v / 255.0 - n.mean().get(c)) / n.std().get(c));
  }

  /**
   * The obvious implementation: materialise the zero-padded image, crop at offsets drawn in the
   * documented order, mirror if drawn, normalize.
   */
  private static float[] reference(ImageData d, int image, Augmentation aug, Normalization n,
      SplittableRandom rng) {
    int c0 = d.channels();
    int h = d.height();
    int w = d.width();
    int p = aug.cropPadding();
    int[][][] padded = new int[c0][h + 2 * p][w + 2 * p];
    for (int c = 0; c < c0; c++) {
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          padded[c][y + p][x + p] = d.pixel(image, c, y, x);
        }
      }
    }
    int oy = p > 0 ? rng.nextInt(2 * p + 1) : 0;
    int ox = p > 0 ? rng.nextInt(2 * p + 1) : 0;
    boolean flip = aug.horizontalFlip() && rng.nextBoolean();
    float[] out = new float[c0 * h * w];
    for (int c = 0; c < c0; c++) {
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          int sx = flip ? w - 1 - x : x;
          int v = padded[c][y + oy][sx + ox];
          out[(c * h + y) * w + x] = (float) ((v / 255.0 - n.mean().get(c)) / n.std().get(c));
        }
      }
    }
    return out;
  }

  @Test
  void fill_noAugment_equalsNormalizedPixelsExactly() {
    ImageData d = data();
    BatchAssembler a = new BatchAssembler(d, NORM, Augmentation.CIFAR_STANDARD);
    int[] indices = {9, 4, 0, 5, 9};
    float[] out = new float[3 * a.floatsPerImage()];
    long[] labels = new long[3];
    a.fill(indices, 1, 3, false, null, out, labels);
    assertArrayEquals(new long[] {3, 1, 3}, labels);
    int[] images = {4, 0, 5};
    for (int k = 0; k < 3; k++) {
      for (int c = 0; c < C; c++) {
        for (int y = 0; y < H; y++) {
          for (int x = 0; x < W; x++) {
            assertEquals(normalized(d, images[k], c, y, x, NORM),
                out[((k * C + c) * H + y) * W + x]);
          }
        }
      }
    }
  }

  @Test
  void fill_augmentWithNoneAugmentation_plainAndDrawsNothing() {
    ImageData d = data();
    BatchAssembler plain = new BatchAssembler(d, NORM, Augmentation.NONE);
    float[] a = new float[6 * plain.floatsPerImage()];
    float[] b = new float[a.length];
    int[] all = {0, 1, 2, 3, 4, 5};
    plain.fill(all, 0, 6, true, null, a, new long[6]);
    plain.fillRange(0, 6, b, new long[6]);
    assertArrayEquals(a, b);
  }

  @Test
  void fill_cropAndFlip_matchesPaddedReference() {
    ImageData d = data();
    for (Augmentation aug : List.of(new Augmentation(2, true), new Augmentation(1, false),
        new Augmentation(0, true), new Augmentation(6, true))) {
      BatchAssembler a = new BatchAssembler(d, NORM, aug);
      int[] indices = {0, 1, 2, 3, 4, 5, 5, 4, 3, 2, 1, 0};
      float[] out = new float[indices.length * a.floatsPerImage()];
      long[] labels = new long[indices.length];
      for (long seed = 0; seed < 40; seed++) {
        a.fill(indices, 0, indices.length, true, new SplittableRandom(seed), out, labels);
        SplittableRandom rng = new SplittableRandom(seed);
        for (int k = 0; k < indices.length; k++) {
          float[] expected = reference(d, indices[k], aug, NORM, rng);
          int per = a.floatsPerImage();
          assertArrayEquals(expected, Arrays.copyOfRange(out, k * per, (k + 1) * per),
              aug + " seed " + seed + " image " + k);
        }
      }
    }
  }

  @Test
  void fill_knownOffset_shiftedCopyWithBlackBorder() {
    // 3x3 image 1..9; pad 1. Find a seed whose draws are oy=0, ox=2: output (y, x) shows source
    // (y-1, x+1), so the top row and the right column are black.
    byte[] pixels = {1, 2, 3, 4, 5, 6, 7, 8, 9};
    ImageData d = new ImageData("nine", 1, 3, 3, 2, pixels, new byte[] {1});
    Normalization unit = Normalization.unit(1);
    BatchAssembler a = new BatchAssembler(d, unit, new Augmentation(1, false));
    long seed = 0;
    while (true) {
      SplittableRandom probe = new SplittableRandom(seed);
      if (probe.nextInt(3) == 0 && probe.nextInt(3) == 2) {
        break;
      }
      seed++;
    }
    float[] out = new float[9];
    a.fill(new int[] {0}, 0, 1, true, new SplittableRandom(seed), out, new long[1]);
    float[] expected = {0, 0, 0, 2, 3, 0, 5, 6, 0};
    for (int i = 0; i < 9; i++) {
      expected[i] = (float) (expected[i] / 255.0);
    }
    assertArrayEquals(expected, out);
  }

  @Test
  void fill_blackBorder_isNormalizedZeroNotRawZero() {
    // With a mean > 0 the padding is (0 - mean) / std, black before normalization.
    ImageData d = new ImageData("one", 1, 1, 1, 2, new byte[] {(byte) 200}, new byte[] {0});
    Normalization n = new Normalization(List.of(0.5), List.of(0.25));
    BatchAssembler a = new BatchAssembler(d, n, new Augmentation(1, false));
    float[] out = new float[1];
    boolean sawBorder = false;
    boolean sawPixel = false;
    for (long seed = 0; seed < 50; seed++) {
      a.fill(new int[] {0}, 0, 1, true, new SplittableRandom(seed), out, new long[1]);
      if (out[0] == (float) ((0 - 0.5) / 0.25)) {
        sawBorder = true;
      } else {
        assertEquals((float) ((200 / 255.0 - 0.5) / 0.25), out[0]);
        sawPixel = true;
      }
    }
    assertTrue(sawBorder && sawPixel);
  }

  @Test
  void fill_flipOnly_mirrorsColumnsOrLeavesImage() {
    ImageData d = data();
    BatchAssembler a = new BatchAssembler(d, NORM, new Augmentation(0, true));
    float[] out = new float[a.floatsPerImage()];
    int flipped = 0;
    for (long seed = 0; seed < 64; seed++) {
      a.fill(new int[] {3}, 0, 1, true, new SplittableRandom(seed), out, new long[1]);
      boolean flip = new SplittableRandom(seed).nextBoolean();
      flipped += flip ? 1 : 0;
      for (int c = 0; c < C; c++) {
        for (int y = 0; y < H; y++) {
          for (int x = 0; x < W; x++) {
            int sx = flip ? W - 1 - x : x;
            assertEquals(normalized(d, 3, c, y, sx, NORM), out[(c * H + y) * W + x]);
          }
        }
      }
    }
    assertTrue(flipped > 10 && flipped < 54, "flipped " + flipped + " of 64");
  }

  @Test
  void fill_cropOffsets_coverWholeRange() {
    // A single bright pixel at the centre shows every offset in [-p, p] on both axes appears.
    int side = 5;
    byte[] pixels = new byte[side * side];
    pixels[2 * side + 2] = (byte) 255;
    ImageData d = new ImageData("dot", 1, side, side, 2, pixels, new byte[] {0});
    BatchAssembler a = new BatchAssembler(d, Normalization.unit(1), new Augmentation(2, false));
    boolean[][] seen = new boolean[side][side];
    float[] out = new float[side * side];
    SplittableRandom rng = new SplittableRandom(5);
    for (int t = 0; t < 500; t++) {
      a.fill(new int[] {0}, 0, 1, true, rng, out, new long[1]);
      for (int i = 0; i < out.length; i++) {
        if (out[i] == 1f) {
          seen[i / side][i % side] = true;
        }
      }
    }
    for (int y = 0; y < side; y++) {
      for (int x = 0; x < side; x++) {
        assertTrue(seen[y][x], "dot never at " + y + "," + x);
      }
    }
  }

  @Test
  void fillRange_equalsFillWithIdentityIndices() {
    ImageData d = data();
    BatchAssembler a = new BatchAssembler(d, NORM, Augmentation.NONE);
    float[] x1 = new float[4 * a.floatsPerImage()];
    float[] x2 = new float[x1.length];
    long[] y1 = new long[4];
    long[] y2 = new long[4];
    a.fillRange(2, 4, x1, y1);
    a.fill(new int[] {2, 3, 4, 5}, 0, 4, false, null, x2, y2);
    assertArrayEquals(x2, x1);
    assertArrayEquals(new long[] {0, 9, 3, 3}, y1);
    assertArrayEquals(y2, y1);
  }

  @Test
  void fill_badArguments_rejectedWithValues() {
    ImageData d = data();
    BatchAssembler a = new BatchAssembler(d, NORM, Augmentation.CIFAR_STANDARD);
    float[] out = new float[2 * a.floatsPerImage()];
    long[] labels = new long[2];
    IllegalArgumentException range = assertThrows(IllegalArgumentException.class,
        () -> a.fill(new int[] {0, 1}, 1, 2, false, null, out, labels));
    assertTrue(range.getMessage().contains("from position 1"), range.getMessage());
    IllegalArgumentException index = assertThrows(IllegalArgumentException.class,
        () -> a.fill(new int[] {0, 6}, 0, 2, false, null, out, labels));
    assertTrue(index.getMessage().contains("index 6 at position 1"), index.getMessage());
    IllegalArgumentException small = assertThrows(IllegalArgumentException.class,
        () -> a.fill(new int[] {0, 1}, 0, 2, false, null, new float[10], labels));
    assertTrue(small.getMessage().contains("needs 80 pixel floats"), small.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> a.fill(new int[] {0, 1}, 0, 2, false, null, out, new long[1]));
    assertThrows(IllegalArgumentException.class,
        () -> a.fill(new int[] {0, 1}, 0, 2, true, null, out, labels));
    assertThrows(IllegalArgumentException.class, () -> a.fillRange(5, 2, out, labels));
  }

  @Test
  void constructor_normalizationChannelMismatch_rejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new BatchAssembler(data(), Normalization.CIFAR10, Augmentation.NONE));
    assertTrue(e.getMessage().contains("2 channels but the normalization has 3"),
        e.getMessage());
  }

  @Test
  void fill_steadyState_allocatesNothing() {
    java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    Assumptions.assumeTrue(bean instanceof com.sun.management.ThreadMXBean,
        "no per-thread allocation counter on this JVM");
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
    Assumptions.assumeTrue(threads.isThreadAllocatedMemorySupported());
    threads.setThreadAllocatedMemoryEnabled(true);
    byte[] pixels = new byte[64 * 3 * 32 * 32];
    new SplittableRandom(1).nextBytes(pixels);
    byte[] labelBytes = new byte[64];
    ImageData d = new ImageData("cifar-like", 3, 32, 32, 10, pixels, labelBytes);
    BatchAssembler a = new BatchAssembler(d, Normalization.CIFAR10, Augmentation.CIFAR_STANDARD);
    int[] order = BatchOrder.epochOrder(java.util.stream.IntStream.range(0, 64).toArray(),
        new SplittableRandom(2));
    float[] out = new float[32 * a.floatsPerImage()];
    long[] labels = new long[32];
    SplittableRandom rng = new SplittableRandom(3);
    for (int i = 0; i < 200; i++) {
      a.fill(order, i % 2 * 32, 32, i % 3 != 0, rng, out, labels);
    }
    long before = threads.getCurrentThreadAllocatedBytes();
    for (int i = 0; i < 200; i++) {
      a.fill(order, i % 2 * 32, 32, i % 3 != 0, rng, out, labels);
    }
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;
    // A few hundred bytes of slack for the counter call itself; one allocation per call would
    // already be 200 objects.
    assertTrue(allocated < 1024, "200 fills allocated " + allocated + " bytes");
  }
}
