package org.landmarknas.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class Cifar10BinaryReaderTest {
  private static final int RECORDS = 7;
  private static final int RECORD = Cifar10BinaryReader.RECORD_BYTES;

  @TempDir Path dir;

  private final Cifar10BinaryReader reader = new Cifar10BinaryReader();

  /** Pixel (c, y, x) of record r of file f (0..4 train, 5 test); varies along every axis. */
  private static int value(int f, int r, int c, int y, int x) {
    return (f * 53 + r * 29 + c * 97 + y * 7 + x * 3) & 0xff;
  }

  private static int label(int f, int r) {
    return (f * 3 + r) % 10;
  }

  private static byte[] batch(int f, int records) {
    byte[] b = new byte[records * RECORD];
    for (int r = 0; r < records; r++) {
      int o = r * RECORD;
      b[o] = (byte) label(f, r);
      for (int c = 0; c < 3; c++) {
        for (int y = 0; y < 32; y++) {
          for (int x = 0; x < 32; x++) {
            b[o + 1 + c * 1024 + y * 32 + x] = (byte) value(f, r, c, y, x);
          }
        }
      }
    }
    return b;
  }

  private void writeAll() throws IOException {
    for (int f = 0; f < 5; f++) {
      Files.write(dir.resolve("data_batch_" + (f + 1) + ".bin"), batch(f, RECORDS));
    }
    Files.write(dir.resolve("test_batch.bin"), batch(5, RECORDS));
  }

  private static void assertMessageContains(Exception e, String... parts) {
    for (String part : parts) {
      assertTrue(e.getMessage().contains(part),
          () -> "message \"" + e.getMessage() + "\" lacks \"" + part + "\"");
    }
  }

  @Test
  void read_smallBatches_pixelsAndLabelsLandInPlace() throws IOException {
    writeAll();
    ImageDataset ds = reader.read(dir);
    assertEquals("cifar10", ds.name());
    assertEquals(5 * RECORDS, ds.train().count());
    assertEquals(RECORDS, ds.test().count());
    assertEquals(3, ds.channels());
    assertEquals(32, ds.height());
    assertEquals(32, ds.width());
    assertEquals(10, ds.classes());
    assertEquals(Normalization.CIFAR10, ds.normalization());
    for (int f = 0; f < 6; f++) {
      ImageData part = f < 5 ? ds.train() : ds.test();
      for (int r = 0; r < RECORDS; r++) {
        int image = f < 5 ? f * RECORDS + r : r;
        assertEquals(label(f, r), part.label(image));
        for (int c = 0; c < 3; c++) {
          for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
              assertEquals(value(f, r, c, y, x), part.pixel(image, c, y, x));
            }
          }
        }
      }
    }
  }

  @Test
  void read_sizeNotMultipleOfRecord_namesFileSizeAndRecordSize() throws IOException {
    writeAll();
    Path file = dir.resolve("data_batch_3.bin");
    Files.write(file, new byte[2 * RECORD + 5]);
    DataFormatException e = assertThrows(DataFormatException.class, () -> reader.read(dir));
    assertMessageContains(e, file.toString(), String.valueOf(2 * RECORD + 5), "3073");
  }

  @Test
  void read_emptyFile_rejected() throws IOException {
    writeAll();
    Path file = dir.resolve("test_batch.bin");
    Files.write(file, new byte[0]);
    DataFormatException e = assertThrows(DataFormatException.class, () -> reader.read(dir));
    assertMessageContains(e, file.toString(), "has 0 bytes");
  }

  @Test
  void read_labelAboveNine_namesFileAndRecord() throws IOException {
    writeAll();
    byte[] b = batch(1, RECORDS);
    b[4 * RECORD] = 10;
    Path file = Files.write(dir.resolve("data_batch_2.bin"), b);
    DataFormatException e = assertThrows(DataFormatException.class, () -> reader.read(dir));
    assertMessageContains(e, file.toString(), "record 4", "label 10");
  }

  @Test
  void read_missingDirectory_explainsWhereToGetIt() {
    Path missing = dir.resolve("cifar-10-batches-bin");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> reader.read(missing));
    assertMessageContains(e, missing.toString(), "does not exist", "--data-dir",
        "LMNAS_DATA_DIR", "binary version");
  }

  @Test
  void read_missingFile_namesIt() throws IOException {
    writeAll();
    Path file = dir.resolve("data_batch_5.bin");
    Files.delete(file);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> reader.read(dir));
    assertMessageContains(e, "missing: " + file);
  }
}
