package org.landmarknas.data;

import java.nio.file.Path;

/**
 * Reads one data set format from a directory. Implementations: {@link FashionMnistReader}, {@link
 * Cifar10BinaryReader}; {@link DataLocation#readerFor(String)} picks one by data set name.
 */
@FunctionalInterface
public interface ImageDatasetReader {

  /**
   * Reads the training and test images in {@code dir}.
   *
   * @throws IllegalArgumentException if the directory or a file is missing (the message says how
   *     to get the data)
   * @throws DataFormatException if a file's content does not match its format
   * @throws java.io.UncheckedIOException if reading fails for another reason
   */
  ImageDataset read(Path dir);
}
