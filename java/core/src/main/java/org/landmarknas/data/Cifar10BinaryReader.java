package org.landmarknas.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the binary version of CIFAR-10 (Krizhevsky 2009,
 * https://www.cs.toronto.edu/~kriz/cifar.html): training files {@code data_batch_1.bin} ..
 * {@code data_batch_5.bin} (concatenated in that order)
 * and {@code test_batch.bin}. Each record is one label byte (0..9) and 3072 pixel bytes: the 1024
 * red, then green, then blue values of a 32x32 image, each plane row-major. That is already NCHW
 * order, so each record's pixels are copied as one block. The normalization is {@link
 * Normalization#CIFAR10}.
 *
 * <p>The number of records per file is taken from the file size, so shortened batches (as tests
 * write) read as well as the real 10,000-record ones.
 */
public final class Cifar10BinaryReader implements ImageDatasetReader {
  /** The data set name used in image data names and by {@link DataLocation}. */
  public static final String NAME = "cifar10";
  /** Number of classes. */
  public static final int CLASSES = 10;
  /** Channels, height and width of every image. */
  public static final int CHANNELS = 3;
  /** Image side in pixels. */
  public static final int SIDE = 32;
  /** Pixel bytes per record. */
  public static final int PIXEL_BYTES = CHANNELS * SIDE * SIDE;
  /** Bytes per record: the label byte and the pixels. */
  public static final int RECORD_BYTES = 1 + PIXEL_BYTES;
  /** Training files in reading order. */
  public static final List<String> TRAIN_FILES = List.of("data_batch_1.bin", "data_batch_2.bin",
      "data_batch_3.bin", "data_batch_4.bin", "data_batch_5.bin");
  /** The test file. */
  public static final String TEST_FILE = "test_batch.bin";

  /** Records read per bulk read: about 3 MB. */
  private static final int CHUNK_RECORDS = 1024;

  /** A reader; it holds no state. */
  public Cifar10BinaryReader() {}

  /**
   * Reads both parts from {@code dir}.
   *
   * @throws IllegalArgumentException if {@code dir} or one of the six files is missing
   * @throws DataFormatException if a file's size is not a positive multiple of {@value
   *     #RECORD_BYTES} bytes or a label is above 9
   */
  @Override
  public ImageDataset read(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "CIFAR-10 directory %s %s; download the CIFAR-10 binary version (cifar-10-binary.tar.gz"
              + " from https://www.cs.toronto.edu/~kriz/cifar.html), unpack it and pass --data-dir"
              + " DIR / set LMNAS_DATA_DIR to its cifar-10-batches-bin directory", dir,
          Files.exists(dir) ? "is not a directory" : "does not exist"));
    }
    List<Path> trainFiles = new ArrayList<>();
    for (String name : TRAIN_FILES) {
      trainFiles.add(locate(dir, name));
    }
    Path testFile = locate(dir, TEST_FILE);
    ImageData train = readPart(NAME + "/train", trainFiles);
    ImageData test = readPart(NAME + "/test", List.of(testFile));
    return new ImageDataset(NAME, train, test, Normalization.CIFAR10);
  }

  private static ImageData readPart(String name, List<Path> files) {
    int[] records = new int[files.size()];
    long total = 0;
    for (int f = 0; f < files.size(); f++) {
      records[f] = recordCount(files.get(f));
      total += records[f];
    }
    if (total * PIXEL_BYTES > Integer.MAX_VALUE) {
      throw new DataFormatException(String.format(Locale.ROOT,
          "CIFAR-10 %s: %d records are more than one Java array can hold", name, total));
    }
    byte[] pixels = new byte[(int) total * PIXEL_BYTES];
    byte[] labels = new byte[(int) total];
    byte[] chunk = new byte[CHUNK_RECORDS * RECORD_BYTES];
    int image = 0;
    for (int f = 0; f < files.size(); f++) {
      Path file = files.get(f);
      try (InputStream in = Files.newInputStream(file)) {
        for (int done = 0; done < records[f]; ) {
          int n = Math.min(CHUNK_RECORDS, records[f] - done);
          int found = in.readNBytes(chunk, 0, n * RECORD_BYTES);
          if (found < n * RECORD_BYTES) {
            throw new DataFormatException(String.format(Locale.ROOT,
                "CIFAR-10 file %s shrank while reading: expected %d bytes, found %d", file,
                (long) records[f] * RECORD_BYTES, (long) done * RECORD_BYTES + found));
          }
          for (int r = 0; r < n; r++, image++) {
            int offset = r * RECORD_BYTES;
            int label = chunk[offset] & 0xff;
            if (label >= CLASSES) {
              throw new DataFormatException(String.format(Locale.ROOT,
                  "CIFAR-10 file %s: record %d has label %d, allowed 0..%d", file, done + r, label,
                  CLASSES - 1));
            }
            labels[image] = (byte) label;
            System.arraycopy(chunk, offset + 1, pixels, image * PIXEL_BYTES, PIXEL_BYTES);
          }
          done += n;
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read CIFAR-10 file " + file, e);
      }
    }
    return ImageData.adopt(name, CHANNELS, SIDE, SIDE, CLASSES, pixels, labels);
  }

  private static int recordCount(Path file) {
    long size;
    try {
      size = Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the size of CIFAR-10 file " + file, e);
    }
    if (size == 0 || size % RECORD_BYTES != 0) {
      throw new DataFormatException(String.format(Locale.ROOT,
          "CIFAR-10 file %s has %d bytes, expected a positive multiple of the record size %d"
              + " (1 label byte + %d pixel bytes); is it the complete binary version?", file,
          size, RECORD_BYTES, PIXEL_BYTES));
    }
    if (size / RECORD_BYTES > Integer.MAX_VALUE / PIXEL_BYTES) {
      throw new DataFormatException(String.format(Locale.ROOT,
          "CIFAR-10 file %s has %d records, more than one Java array can hold", file,
          size / RECORD_BYTES));
    }
    return (int) (size / RECORD_BYTES);
  }

  private static Path locate(Path dir, String name) {
    Path file = dir.resolve(name);
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "CIFAR-10 file missing: %s; the directory must hold %s and %s of the CIFAR-10 binary"
              + " version", file, String.join(", ", TRAIN_FILES), TEST_FILE));
    }
    return file;
  }
}
