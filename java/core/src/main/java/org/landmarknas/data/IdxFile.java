package org.landmarknas.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reader for the IDX format of MNIST-style data sets (LeCun et al.,
 * http://yann.lecun.com/exdb/mnist/): a big-endian header of a magic number {@code 0x000008NN}
 * (unsigned bytes, rank NN) and NN dimension sizes, then the data in row-major order. Files
 * ending in {@code .gz} are gunzipped on the fly.
 *
 * <p>Each file is read with one bulk {@code readNBytes} into its final array: the inflater writes
 * straight into it, so loading 60,000 images costs one decompression pass and no copies.
 */
final class IdxFile {
  /** Magic number of an unsigned-byte file of rank 3 (images: count, rows, columns). */
  static final int IMAGES_MAGIC = 0x00000803;
  /** Magic number of an unsigned-byte file of rank 1 (labels: count). */
  static final int LABELS_MAGIC = 0x00000801;

  private static final int BUFFER_BYTES = 1 << 16;

  /** Images read from one file: {@code count * rows * cols} bytes, row-major per image. */
  static final class Images {
    final int count;
    final int rows;
    final int cols;
    final byte[] pixels;

    private Images(int count, int rows, int cols, byte[] pixels) {
      this.count = count;
      this.rows = rows;
      this.cols = cols;
      this.pixels = pixels;
    }
  }

  private IdxFile() {}

  /** Reads an images file (magic {@code 0x00000803}). */
  static Images readImages(Path file) {
    try (InputStream in = open(file)) {
      byte[] header = readHeader(in, file, 16);
      checkMagic(file, header, IMAGES_MAGIC, "unsigned-byte images: count, rows, columns");
      int count = intAt(header, 4);
      int rows = intAt(header, 8);
      int cols = intAt(header, 12);
      if (count < 0 || rows < 1 || cols < 1) {
        throw new DataFormatException(String.format(Locale.ROOT,
            "IDX file %s: header declares %d images of %dx%d; expected count >= 0 and rows,"
                + " columns >= 1", file, Integer.toUnsignedLong(count), rows, cols));
      }
      // rows * cols fits a long; times count it could wrap, so the image size is checked first
      long perImage = (long) rows * cols;
      long bytes = perImage > Integer.MAX_VALUE ? Long.MAX_VALUE : perImage * count;
      if (bytes > Integer.MAX_VALUE - 16) {
        throw new DataFormatException(String.format(Locale.ROOT,
            "IDX file %s: header declares %d images of %dx%d, more than one Java array can"
                + " hold", file, count, rows, cols));
      }
      byte[] pixels = new byte[(int) bytes];
      int found = readFully(in, file, pixels);
      if (found < pixels.length) {
        throw new DataFormatException(String.format(Locale.ROOT,
            "IDX file %s is truncated: expected %d bytes of pixel data (%d images of %dx%d),"
                + " found %d", file, pixels.length, count, rows, cols, found));
      }
      checkAtEnd(in, file, pixels.length, "pixel data");
      return new Images(count, rows, cols, pixels);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read IDX file " + file, e);
    }
  }

  /**
   * Reads a labels file (magic {@code 0x00000801}) and checks every label is below {@code
   * classes}.
   */
  static byte[] readLabels(Path file, int classes) {
    try (InputStream in = open(file)) {
      byte[] header = readHeader(in, file, 8);
      checkMagic(file, header, LABELS_MAGIC, "unsigned-byte labels: count");
      int count = intAt(header, 4);
      if (count < 0 || count > Integer.MAX_VALUE - 16) {
        throw new DataFormatException(String.format(Locale.ROOT,
            "IDX file %s: header declares %d labels, more than one Java array can hold", file,
            Integer.toUnsignedLong(count)));
      }
      byte[] labels = new byte[count];
      int found = readFully(in, file, labels);
      if (found < count) {
        throw new DataFormatException(String.format(Locale.ROOT,
            "IDX file %s is truncated: expected %d bytes of label data, found %d", file, count,
            found));
      }
      checkAtEnd(in, file, count, "label data");
      for (int i = 0; i < count; i++) {
        int label = labels[i] & 0xff;
        if (label >= classes) {
          throw new DataFormatException(String.format(Locale.ROOT,
              "IDX file %s: label %d of item %d is out of range (allowed: 0..%d)", file, label, i,
              classes - 1));
        }
      }
      return labels;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read IDX file " + file, e);
    }
  }

  private static InputStream open(Path file) throws IOException {
    InputStream raw = Files.newInputStream(file);
    if (!file.getFileName().toString().endsWith(".gz")) {
      return new BufferedInputStream(raw, BUFFER_BYTES);
    }
    try {
      return new GZIPInputStream(raw, BUFFER_BYTES);
    } catch (ZipException | EOFException e) {
      raw.close();
      throw new DataFormatException(String.format(Locale.ROOT,
          "IDX file %s is named .gz but is not gzip-compressed (starts with %s, expected 1f 8b);"
              + " drop the .gz suffix if it is an uncompressed IDX file", file, firstBytes(file)),
          e);
    }
  }

  private static byte[] readHeader(InputStream in, Path file, int length) throws IOException {
    byte[] header = new byte[length];
    int found = readFully(in, file, header);
    if (found < length) {
      throw new DataFormatException(String.format(Locale.ROOT,
          "IDX file %s is truncated: expected a %d-byte header, found %d bytes", file, length,
          found));
    }
    return header;
  }

  private static void checkMagic(Path file, byte[] header, int expected, String meaning) {
    int magic = intAt(header, 0);
    if (magic == expected) {
      return;
    }
    String hint = (magic >>> 16) == 0x1f8b
        ? "; the file looks gzip-compressed: name it with a .gz suffix" : "";
    throw new DataFormatException(String.format(Locale.ROOT,
        "IDX file %s: wrong magic number 0x%08x, expected 0x%08x (%s)%s", file, magic, expected,
        meaning, hint));
  }

  /** Reads until {@code target} is full or the stream ends; returns the bytes read. */
  private static int readFully(InputStream in, Path file, byte[] target) throws IOException {
    try {
      return in.readNBytes(target, 0, target.length);
    } catch (EOFException e) {
      // GZIPInputStream reports a cut-off compressed stream this way.
      throw new DataFormatException(String.format(Locale.ROOT,
          "IDX file %s is truncated: the gzip stream ends early (%s)", file, e.getMessage()), e);
    } catch (ZipException e) {
      throw new DataFormatException(String.format(Locale.ROOT,
          "IDX file %s: corrupt gzip data (%s)", file, e.getMessage()), e);
    }
  }

  private static void checkAtEnd(InputStream in, Path file, int expected, String what)
      throws IOException {
    int extra;
    try {
      extra = in.read();
    } catch (EOFException e) {
      throw new DataFormatException(String.format(Locale.ROOT,
          "IDX file %s is truncated: the gzip stream ends early (%s)", file, e.getMessage()), e);
    }
    if (extra != -1) {
      throw new DataFormatException(String.format(Locale.ROOT,
          "IDX file %s: expected exactly %d bytes of %s after the header, found more", file,
          expected, what));
    }
  }

  private static int intAt(byte[] b, int offset) {
    return ((b[offset] & 0xff) << 24) | ((b[offset + 1] & 0xff) << 16)
        | ((b[offset + 2] & 0xff) << 8) | (b[offset + 3] & 0xff);
  }

  private static String firstBytes(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(2);
      if (head.length == 0) {
        return "nothing: the file is empty";
      }
      StringBuilder sb = new StringBuilder();
      for (byte b : head) {
        sb.append(sb.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%02x", b));
      }
      return sb.toString();
    } catch (IOException e) {
      return "unreadable bytes";
    }
  }
}
