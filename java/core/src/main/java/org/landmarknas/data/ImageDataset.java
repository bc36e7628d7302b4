package org.landmarknas.data;

import java.util.Locale;
import java.util.Objects;

/**
 * A data set as used for search: its training images, its test images, and the normalization that
 * turns their bytes into network inputs.
 *
 * @param name the data set name, e.g. {@code fashion-mnist}
 * @param train the training images (later split by {@link DataSplit})
 * @param test the test images
 * @param normalization per-channel statistics, one entry per channel of the images
 */
public record ImageDataset(String name, ImageData train, ImageData test,
    Normalization normalization) {

  /**
   * Validates that both parts agree on shape and classes and that the normalization fits.
   *
   * @throws IllegalArgumentException if the name is blank, train and test differ in channels,
   *     height, width or classes, or the normalization has the wrong number of channels
   */
  public ImageDataset {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(train, "train");
    Objects.requireNonNull(test, "test");
    Objects.requireNonNull(normalization, "normalization");
    if (name.isBlank()) {
      throw new IllegalArgumentException("data set name must not be blank");
    }
    if (train.channels() != test.channels() || train.height() != test.height()
        || train.width() != test.width() || train.classes() != test.classes()) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "data set %s: train is %dx%dx%d with %d classes but test is %dx%dx%d with %d classes",
          name, train.channels(), train.height(), train.width(), train.classes(),
          test.channels(), test.height(), test.width(), test.classes()));
    }
    if (normalization.channels() != train.channels()) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "data set %s: images have %d channels but the normalization has %d", name,
          train.channels(), normalization.channels()));
    }
  }

  /** Channels of every image. */
  public int channels() {
    return train.channels();
  }

  /** Image height in pixels. */
  public int height() {
    return train.height();
  }

  /** Image width in pixels. */
  public int width() {
    return train.width();
  }

  /** Number of classes. */
  public int classes() {
    return train.classes();
  }
}
