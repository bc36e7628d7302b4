package org.landmarknas.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import org.junit.jupiter.api.Test;

final class ImageDataTest {
  /** Three 2-channel 2x3 images; pixel value = 100 * image + 10 * channel + position. */
  private static ImageData sample() {
    byte[] pixels = new byte[3 * 12];
    for (int i = 0; i < 3; i++) {
      for (int c = 0; c < 2; c++) {
        for (int p = 0; p < 6; p++) {
          pixels[i * 12 + c * 6 + p] = (byte) (100 * i + 10 * c + p);
        }
      }
    }
    return new ImageData("sample", 2, 2, 3, 4, pixels, new byte[] {3, 0, 2});
  }

  @Test
  void accessors_reportShapeAndValues() {
    ImageData d = sample();
    assertEquals("sample", d.name());
    assertEquals(3, d.count());
    assertEquals(12, d.pixelsPerImage());
    assertEquals(4, d.classes());
    assertEquals(3, d.label(0));
    assertEquals(2, d.label(2));
    assertEquals(200 + 10 + 3 + 2, d.pixel(2, 1, 1, 2));
    assertArrayEquals(new int[] {1, 0, 1, 1}, d.classCounts());
  }

  @Test
  void pixel_unsignedAbove127() {
    assertEquals(215, sample().pixel(2, 1, 1, 2));
  }

  @Test
  void constructor_copiesArrays() {
    byte[] pixels = new byte[4];
    byte[] labels = {1};
    ImageData d = new ImageData("c", 1, 2, 2, 2, pixels, labels);
    pixels[0] = 9;
    labels[0] = 0;
    assertEquals(0, d.pixel(0, 0, 0, 0));
    assertEquals(1, d.label(0));
  }

  @Test
  void constructor_pixelCountMismatch_saysBothSizes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new ImageData("bad", 1, 2, 2, 2, new byte[7], new byte[2]));
    assertTrue(e.getMessage().contains("need 8 pixel bytes, got 7"), e.getMessage());
  }

  @Test
  void constructor_labelOutOfRange_namesImage() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new ImageData("bad", 1, 1, 1, 3, new byte[2], new byte[] {2, 3}));
    assertTrue(e.getMessage().contains("image 1 is 3"), e.getMessage());
  }

  @Test
  void constructor_badShape_rejected() {
    assertThrows(IllegalArgumentException.class,
        () -> new ImageData("bad", 0, 1, 1, 2, new byte[0], new byte[0]));
    assertThrows(IllegalArgumentException.class,
        () -> new ImageData("bad", 1, 1, 1, 0, new byte[0], new byte[0]));
    assertThrows(IllegalArgumentException.class,
        () -> new ImageData("bad", 1, 1, 1, 257, new byte[0], new byte[0]));
    assertThrows(IllegalArgumentException.class,
        () -> new ImageData(" ", 1, 1, 1, 2, new byte[0], new byte[0]));
  }

  @Test
  void subset_copiesChosenImagesInOrder() {
    ImageData s = sample().subset(new int[] {2, 0, 2});
    assertEquals(3, s.count());
    assertEquals(2, s.label(0));
    assertEquals(3, s.label(1));
    assertEquals(215, s.pixel(0, 1, 1, 2));
    assertEquals(13 + 2, s.pixel(1, 1, 1, 2));
    assertEquals(215, s.pixel(2, 1, 1, 2));
  }

  @Test
  void subset_indexOutOfRange_namesIndexAndPosition() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> sample().subset(new int[] {0, 3}));
    assertTrue(e.getMessage().contains("index 3 at position 1"), e.getMessage());
  }

  @Test
  void head_firstImages() {
    ImageData h = sample().head(2);
    assertEquals(2, h.count());
    assertEquals(sample().subset(new int[] {0, 1}), h);
    assertEquals(0, sample().head(0).count());
    assertThrows(IllegalArgumentException.class, () -> sample().head(4));
  }

  @Test
  void pixelBuffer_readOnlyViewOfAllPixels() {
    ByteBuffer b = sample().pixelBuffer();
    assertEquals(36, b.remaining());
    assertEquals((byte) 215, b.get(35));
    assertThrows(ReadOnlyBufferException.class, () -> b.put(0, (byte) 1));
  }

  @Test
  void equals_comparesContent() {
    assertEquals(sample(), sample());
    assertEquals(sample().hashCode(), sample().hashCode());
    assertNotEquals(sample(), sample().subset(new int[] {0, 1, 1}));
  }
}
