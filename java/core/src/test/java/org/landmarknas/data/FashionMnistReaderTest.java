package org.landmarknas.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.landmarknas.data.IdxFixtures.gzip;
import static org.landmarknas.data.IdxFixtures.images;
import static org.landmarknas.data.IdxFixtures.labels;
import static org.landmarknas.data.IdxFixtures.pattern;
import static org.landmarknas.data.IdxFixtures.write;
import static org.landmarknas.data.IdxFixtures.writeGz;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landmarknas.TestData;

final class FashionMnistReaderTest {
  @TempDir Path dir;

  private final FashionMnistReader reader = new FashionMnistReader();

  private static void assertMessageContains(Exception e, String... parts) {
    for (String part : parts) {
      assertTrue(e.getMessage().contains(part),
          () -> "message \"" + e.getMessage() + "\" lacks \"" + part + "\"");
    }
  }

  @Test
  void read_syntheticGzipFiles_pixelsAndLabelsLandInPlace() {
    IdxFixtures.writeDataset(dir, 12, 5, 3, 4);
    ImageDataset ds = reader.read(dir);
    assertEquals("fashion-mnist", ds.name());
    assertEquals(12, ds.train().count());
    assertEquals(5, ds.test().count());
    assertEquals(1, ds.channels());
    assertEquals(3, ds.height());
    assertEquals(4, ds.width());
    assertEquals(10, ds.classes());
    assertEquals(Normalization.FASHION_MNIST, ds.normalization());
    byte[] train = pattern(12 * 12, 1);
    for (int i = 0; i < 12; i++) {
      assertEquals(i % 10, ds.train().label(i));
      for (int y = 0; y < 3; y++) {
        for (int x = 0; x < 4; x++) {
          assertEquals(train[i * 12 + y * 4 + x] & 0xff, ds.train().pixel(i, 0, y, x));
        }
      }
    }
    assertEquals(pattern(5 * 12, 2)[4 * 12 + 2 * 4 + 3] & 0xff, ds.test().pixel(4, 0, 2, 3));
  }

  @Test
  void read_uncompressedNames_accepted() {
    write(dir.resolve("train-images-idx3-ubyte"), images(2, 2, 2, pattern(8, 1)));
    write(dir.resolve("train-labels-idx1-ubyte"), labels(new byte[] {3, 9}));
    write(dir.resolve("t10k-images-idx3-ubyte"), images(1, 2, 2, pattern(4, 2)));
    write(dir.resolve("t10k-labels-idx1-ubyte"), labels(new byte[] {0}));
    ImageDataset ds = reader.read(dir);
    assertEquals(9, ds.train().label(1));
    assertEquals(pattern(8, 1)[5] & 0xff, ds.train().pixel(1, 0, 0, 1));
  }

  @Test
  void read_missingDirectory_namesPackageAndOptions() {
    Path missing = dir.resolve("nope");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> reader.read(missing));
    assertMessageContains(e, missing.toString(), "does not exist", "dataset-fashion-mnist",
        "--data-dir", "LMNAS_DATA_DIR");
  }

  @Test
  void read_pathIsAFile_saysNotADirectory() {
    Path file = write(dir.resolve("file"), new byte[1]);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> reader.read(file));
    assertMessageContains(e, "is not a directory");
  }

  @Test
  void read_missingFile_namesBothAcceptedNames() throws Exception {
    IdxFixtures.writeDataset(dir, 2, 2, 2, 2);
    Files.delete(dir.resolve("t10k-labels-idx1-ubyte.gz"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> reader.read(dir));
    assertMessageContains(e, dir.resolve("t10k-labels-idx1-ubyte.gz").toString(),
        dir.resolve("t10k-labels-idx1-ubyte").toString(), "missing");
  }

  @Test
  void read_wrongImageMagic_printsFoundAndExpectedInHex() {
    IdxFixtures.writeDataset(dir, 2, 2, 2, 2);
    Path file = writeGz(dir.resolve("train-images-idx3-ubyte.gz"),
        images(0x00000801, 2, 2, 2, pattern(8, 1)));
    DataFormatException e = assertThrows(DataFormatException.class, () -> reader.read(dir));
    assertMessageContains(e, file.toString(), "wrong magic number 0x00000801",
        "expected 0x00000803");
  }

  @Test
  void read_wrongLabelMagic_printsFoundAndExpectedInHex() {
    IdxFixtures.writeDataset(dir, 2, 2, 2, 2);
    Path file = writeGz(dir.resolve("train-labels-idx1-ubyte.gz"),
        labels(0x12345678, 2, new byte[] {1, 2}));
    DataFormatException e = assertThrows(DataFormatException.class, () -> reader.read(dir));
    assertMessageContains(e, file.toString(), "0x12345678", "expected 0x00000801");
  }

  @Test
  void read_gzippedContentUnderPlainName_hintsAtSuffix() {
    IdxFixtures.writeDataset(dir, 2, 2, 2, 2);
    Path file = write(dir.resolve("t10k-images-idx3-ubyte"),
        gzip(images(2, 2, 2, pattern(8, 1))));
    try {
      Files.delete(dir.resolve("t10k-images-idx3-ubyte.gz"));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    DataFormatException e = assertThrows(DataFormatException.class, () -> reader.read(dir));
    assertMessageContains(e, file.toString(), "wrong magic number 0x1f8b", "name it with a .gz");
  }

  @Test
  void read_truncatedPixelData_saysExpectedAndFound() {
    IdxFixtures.writeDataset(dir, 3, 2, 2, 3);
    Path file = writeGz(dir.resolve("train-images-idx3-ubyte.gz"),
        images(3, 2, 3, pattern(10, 1)));
    DataFormatException e = assertThrows(DataFormatException.class, () -> reader.read(dir));
    assertMessageContains(e, file.toString(), "truncated",
        "expected 18 bytes of pixel data (3 images of 2x3), found 10");
  }

  @Test
  void read_headerWhoseSizeWrapsALong_saysTooLarge() {
    // 2^30 images of (2^31 - 1) x (2^31 - 3): the product wraps a long to a small negative
    IdxFixtures.writeDataset(dir, 2, 2, 2, 2);
    Path file = writeGz(dir.resolve("train-images-idx3-ubyte.gz"),
        images(1 << 30, Integer.MAX_VALUE, Integer.MAX_VALUE - 2, new byte[0]));
    DataFormatException e = assertThrows(DataFormatException.class, () -> reader.read(dir));
    assertMessageContains(e, file.toString(), "more than one Java array can hold");
  }

  @Test
  void read_truncatedHeader_saysHeaderSize() {
    IdxFixtures.writeDataset(dir, 2, 2, 2, 2);
    Path file = writeGz(dir.resolve("t10k-images-idx3-ubyte.gz"), new byte[] {0, 0, 8, 3, 0});
    DataFormatException e = assertThrows(DataFormatException.class, () -> reader.read(dir));
    assertMessageContains(e, file.toString(), "expected a 16-byte header, found 5 bytes");
  }

  @Test
  void read_cutOffGzipStream_saysTruncated() {
    IdxFixtures.writeDataset(dir, 2, 2, 2, 2);
    byte[] whole = gzip(images(50, 10, 10, pattern(5000, 1)));
    Path file = write(dir.resolve("train-images-idx3-ubyte.gz"),
        Arrays.copyOf(whole, whole.length / 2));
    DataFormatException e = assertThrows(DataFormatException.class, () -> reader.read(dir));
    assertMessageContains(e, file.toString(), "truncated");
  }

  @Test
  void read_trailingBytes_rejected() {
    IdxFixtures.writeDataset(dir, 2, 2, 2, 2);
    Path file = writeGz(dir.resolve("train-labels-idx1-ubyte.gz"),
        labels(IdxFile.LABELS_MAGIC, 2, new byte[] {1, 2, 3}));
    DataFormatException e = assertThrows(DataFormatException.class, () -> reader.read(dir));
    assertMessageContains(e, file.toString(), "expected exactly 2 bytes of label data");
  }

  @Test
  void read_imageLabelCountMismatch_namesBothFilesAndCounts() {
    IdxFixtures.writeDataset(dir, 4, 2, 2, 2);
    Path labelsFile = writeGz(dir.resolve("train-labels-idx1-ubyte.gz"),
        labels(new byte[] {1, 2, 3}));
    DataFormatException e = assertThrows(DataFormatException.class, () -> reader.read(dir));
    assertMessageContains(e, dir.resolve("train-images-idx3-ubyte.gz").toString(),
        labelsFile.toString(), "4 images", "3 labels");
  }

  @Test
  void read_labelOutOfRange_namesItemAndValue() {
    IdxFixtures.writeDataset(dir, 3, 2, 2, 2);
    Path file = writeGz(dir.resolve("train-labels-idx1-ubyte.gz"),
        labels(new byte[] {1, 10, 3}));
    DataFormatException e = assertThrows(DataFormatException.class, () -> reader.read(dir));
    assertMessageContains(e, file.toString(), "label 10 of item 1", "0..9");
  }

  @Test
  void read_gzNameButPlainContent_saysNotGzip() {
    IdxFixtures.writeDataset(dir, 2, 2, 2, 2);
    Path file = write(dir.resolve("train-images-idx3-ubyte.gz"), images(2, 2, 2, pattern(8, 1)));
    DataFormatException e = assertThrows(DataFormatException.class, () -> reader.read(dir));
    assertMessageContains(e, file.toString(), "not gzip-compressed", "00 00", "expected 1f 8b");
  }

  @Test
  void read_emptyGzFile_saysNotGzip() {
    IdxFixtures.writeDataset(dir, 2, 2, 2, 2);
    Path file = write(dir.resolve("train-images-idx3-ubyte.gz"), new byte[0]);
    DataFormatException e = assertThrows(DataFormatException.class, () -> reader.read(dir));
    assertMessageContains(e, file.toString(), "not gzip-compressed", "empty");
  }

  @Test
  void read_trainAndTestSizesDiffer_rejected() {
    IdxFixtures.writeDataset(dir, 2, 2, 2, 2);
    writeGz(dir.resolve("t10k-images-idx3-ubyte.gz"), images(2, 3, 3, pattern(18, 2)));
    DataFormatException e = assertThrows(DataFormatException.class, () -> reader.read(dir));
    assertMessageContains(e, "2x2", "3x3");
  }

  @Test
  void read_realFashionMnist_publishedShapeAndBalancedClasses() {
    Path real = TestData.fashionMnist();
    long start = System.nanoTime();
    ImageDataset ds = reader.read(real);
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(Locale.ROOT, "Fashion-MNIST read in %.3f s%n", seconds);
    assertEquals(60_000, ds.train().count());
    assertEquals(10_000, ds.test().count());
    assertEquals(1, ds.channels());
    assertEquals(28, ds.height());
    assertEquals(28, ds.width());
    assertEquals(10, ds.classes());
    int[] sixThousand = new int[10];
    Arrays.fill(sixThousand, 6000);
    assertArrayEquals(sixThousand, ds.train().classCounts());
    int[] thousand = new int[10];
    Arrays.fill(thousand, 1000);
    assertArrayEquals(thousand, ds.test().classCounts());
    // Generous bound: a slow CI machine, first touch of the JIT; about 0.3 s measured here.
    assertTrue(seconds < 5, () -> "reading took " + seconds + " s");
  }
}
