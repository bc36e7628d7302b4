package org.landmarknas.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads Fashion-MNIST (Xiao et al. 2017, arXiv:1708.07747) from its four IDX files, gzipped or
 * not: {@code train-images-idx3-ubyte[.gz]}, {@code train-labels-idx1-ubyte[.gz]}, {@code
 * t10k-images-idx3-ubyte[.gz]}, {@code t10k-labels-idx1-ubyte[.gz]}. When both forms exist the
 * {@code .gz} file wins. Images become one channel of {@code rows x columns}; there are 10 classes.
 * The normalization is {@link Normalization#FASHION_MNIST}.
 *
 * <p>On Debian the package {@code dataset-fashion-mnist} installs the files under {@link
 * DataLocation#FASHION_MNIST_DEFAULT_DIR}.
 */
public final class FashionMnistReader implements ImageDatasetReader {
  /** The data set name used in image data names and by {@link DataLocation}. */
  public static final String NAME = "fashion-mnist";
  /** Number of classes. */
  public static final int CLASSES = 10;

  /** A reader; it holds no state. */
  public FashionMnistReader() {}

  /**
   * Reads both parts from {@code dir}.
   *
   * @throws IllegalArgumentException if {@code dir} or one of the four files is missing
   * @throws DataFormatException if a file is malformed: wrong magic number, truncated, not gzip
   *     although named {@code .gz}, image and label counts differ, or a label is not in 0..9
   */
  @Override
  public ImageDataset read(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "Fashion-MNIST directory %s %s; install the Debian package dataset-fashion-mnist"
              + " (it puts the files in %s) or pass --data-dir DIR / set LMNAS_DATA_DIR to a"
              + " directory holding train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz,"
              + " t10k-images-idx3-ubyte.gz and t10k-labels-idx1-ubyte.gz", dir,
          Files.exists(dir) ? "is not a directory" : "does not exist",
          DataLocation.FASHION_MNIST_DEFAULT_DIR));
    }
    // Locate all four files before reading any, so a missing file fails in milliseconds.
    Path trainImages = locate(dir, "train-images-idx3-ubyte");
    Path trainLabels = locate(dir, "train-labels-idx1-ubyte");
    Path testImages = locate(dir, "t10k-images-idx3-ubyte");
    Path testLabels = locate(dir, "t10k-labels-idx1-ubyte");
    ImageData train = readPart(NAME + "/train", trainImages, trainLabels);
    ImageData test = readPart(NAME + "/test", testImages, testLabels);
    if (train.height() != test.height() || train.width() != test.width()) {
      throw new DataFormatException(String.format(Locale.ROOT,
          "Fashion-MNIST: %s holds %dx%d images but %s holds %dx%d images; expected the same size",
          trainImages, train.height(), train.width(), testImages, test.height(), test.width()));
    }
    return new ImageDataset(NAME, train, test, Normalization.FASHION_MNIST);
  }

  private static ImageData readPart(String name, Path imagesFile, Path labelsFile) {
    IdxFile.Images images = IdxFile.readImages(imagesFile);
    byte[] labels = IdxFile.readLabels(labelsFile, CLASSES);
    if (images.count != labels.length) {
      throw new DataFormatException(String.format(Locale.ROOT,
          "Fashion-MNIST: images file %s holds %d images but labels file %s holds %d labels;"
              + " expected equal counts", imagesFile, images.count, labelsFile, labels.length));
    }
    return ImageData.adopt(name, 1, images.rows, images.cols, CLASSES, images.pixels, labels);
  }

  private static Path locate(Path dir, String baseName) {
    Path gz = dir.resolve(baseName + ".gz");
    if (Files.isRegularFile(gz)) {
      return gz;
    }
    Path plain = dir.resolve(baseName);
    if (Files.isRegularFile(plain)) {
      return plain;
    }
    throw new IllegalArgumentException(String.format(Locale.ROOT,
        "Fashion-MNIST file missing: neither %s nor %s exists; the directory must hold the four"
            + " IDX files of Fashion-MNIST (Debian package dataset-fashion-mnist)", gz, plain));
  }
}
