package org.landmarknas.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Builds small IDX files, gzipped or not, for reader tests. */
final class IdxFixtures {
  private IdxFixtures() {}

  /** An IDX images file: magic, count, rows, cols, then {@code pixels} as given. */
  static byte[] images(int magic, int count, int rows, int cols, byte[] pixels) {
    return ByteBuffer.allocate(16 + pixels.length).putInt(magic).putInt(count).putInt(rows)
        .putInt(cols).put(pixels).array();
  }

  /** A well-formed images file. */
  static byte[] images(int count, int rows, int cols, byte[] pixels) {
    return images(IdxFile.IMAGES_MAGIC, count, rows, cols, pixels);
  }

  /** An IDX labels file: magic, count, then {@code labels} as given. */
  static byte[] labels(int magic, int count, byte[] labels) {
    return ByteBuffer.allocate(8 + labels.length).putInt(magic).putInt(count).put(labels).array();
  }

  /** A well-formed labels file. */
  static byte[] labels(byte[] labels) {
    return labels(IdxFile.LABELS_MAGIC, labels.length, labels);
  }

  static byte[] gzip(byte[] content) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  static Path write(Path file, byte[] content) {
    try {
      return Files.write(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path writeGz(Path file, byte[] content) {
    return write(file, gzip(content));
  }

  /** Pixel bytes {@code (seed * 37 + i * 11) mod 256} for {@code n} positions. */
  static byte[] pattern(int n, int seed) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) (seed * 37 + i * 11);
    }
    return b;
  }

  /**
   * Writes a complete gzipped Fashion-MNIST-style directory: {@code trainCount} and {@code
   * testCount} images of {@code rows x cols}, pixels from {@link #pattern}, labels {@code i mod
   * 10}.
   */
  static void writeDataset(Path dir, int trainCount, int testCount, int rows, int cols) {
    writeGz(dir.resolve("train-images-idx3-ubyte.gz"),
        images(trainCount, rows, cols, pattern(trainCount * rows * cols, 1)));
    writeGz(dir.resolve("train-labels-idx1-ubyte.gz"), labels(cyclicLabels(trainCount)));
    writeGz(dir.resolve("t10k-images-idx3-ubyte.gz"),
        images(testCount, rows, cols, pattern(testCount * rows * cols, 2)));
    writeGz(dir.resolve("t10k-labels-idx1-ubyte.gz"), labels(cyclicLabels(testCount)));
  }

  static byte[] cyclicLabels(int n) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) (i % 10);
    }
    return b;
  }
}
