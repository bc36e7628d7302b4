package org.landmarknas.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Section {@code data}: which images to train and score on, and how to augment them.
 *
 * @param dataset {@code fashion-mnist} (default) or {@code cifar10}
 * @param dir directory holding the data set files, or null (default): then {@code
 *     org.landmarknas.data.DataLocation} uses {@code $LMNAS_DATA_DIR}, else the data set's
 *     default location ({@code /usr/share/datasets/fashion-mnist}; CIFAR-10 has none); if
 *     given, not blank. {@link #dirPath()} gives it as an {@code Optional<Path>}
 * @param trainLimit use only the first N training images, 0 (default) = all; for quick runs
 * @param testLimit use only the first N test images, 0 (default) = all
 * @param splitFraction share of the training images in the super-net half, in (0, 1), default
 *     0.5; the rest holds rank batches and search validation
 * @param cropPadding padding in pixels of the random crop, >= 0, default 2
 * @param horizontalFlip random horizontal flips, default true
 */
public record DataConfig(String dataset, String dir, int trainLimit, int testLimit,
    double splitFraction, int cropPadding, boolean horizontalFlip) {

  public static final String FASHION_MNIST = "fashion-mnist";
  public static final String CIFAR10 = "cifar10";
  /** The data sets a run can name, in documentation order. */
  public static final List<String> DATASETS = List.of(FASHION_MNIST, CIFAR10);

  /** Validates every field; see the record description for ranges. */
  public DataConfig {
    KeyCheck.oneOf("data.dataset", dataset, DATASETS);
    if (dir != null && dir.isBlank()) {
      throw new ConfigException("data.dir", String.format(Locale.ROOT,
          "%s is not allowed (allowed: a directory path, or null for $LMNAS_DATA_DIR or the"
              + " data set's default location)", KeyCheck.quote(dir)));
    }
    KeyCheck.atLeast("data.train-limit", trainLimit, 0);
    KeyCheck.atLeast("data.test-limit", testLimit, 0);
    KeyCheck.inOpen("data.split-fraction", splitFraction, 0.0, 1.0);
    KeyCheck.atLeast("data.crop-padding", cropPadding, 0);
    if (cropPadding > MAX_CROP_PADDING) {
      throw KeyCheck.outOfRange("data.crop-padding", cropPadding, "0.." + MAX_CROP_PADDING
          + " (a shift past the image side leaves a black crop; NB201 pads CIFAR-10 by 4,"
          + " Fashion-MNIST here by 2)");
    }
  }

  /** The largest padding: the side of the largest image here (CIFAR-10's 32). */
  public static final int MAX_CROP_PADDING = 32;

  /** The defaults listed in the record description. */
  public static DataConfig defaults() {
    return new DataConfig(FASHION_MNIST, null, 0, 0, 0.5, 2, true);
  }

  /**
   * The configured directory, empty when {@code data.dir} is null; in the form {@code
   * org.landmarknas.data.DataLocation#resolve(String, Optional)} takes it.
   */
  public Optional<Path> dirPath() {
    return dir == null ? Optional.empty() : Optional.of(Path.of(dir));
  }
}
