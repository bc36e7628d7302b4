package org.landmarknas.standalone;

import java.util.Locale;
import org.landmarknas.data.Cifar10BinaryReader;
import org.landmarknas.data.FashionMnistReader;
import org.landmarknas.space.Nb201Arch;

/**
 * The sizes of a stand-alone NB201 network that its cost depends on: the images it reads and the
 * skeleton around the cell. The one place that knows each data set's image shape, so the cost of
 * an exported table and of an imported published one are computed alike.
 *
 * @param inputChannels image channels (1 for Fashion-MNIST, 3 for CIFAR-10)
 * @param height image height
 * @param width image width
 * @param classes classifier outputs
 * @param channels C, the first stage's width
 * @param cells N, cells per stage
 */
public record Nb201Skeleton(int inputChannels, int height, int width, int classes, int channels,
    int cells) {

  /** Fashion-MNIST images are 28x28 grey; its reader keeps no constant for the side. */
  private static final int FASHION_MNIST_SIDE = 28;

  /** The network of the published NAS-Bench-201 table: CIFAR-10 images, C=16, N=5. */
  public static final Nb201Skeleton PUBLISHED_CIFAR10 =
      forDataset(Cifar10BinaryReader.NAME, 16, 5);

  public Nb201Skeleton {
    if (inputChannels < 1 || height < 1 || width < 1 || classes < 1 || channels < 1
        || cells < 1) {
      throw new IllegalArgumentException(String.format(Locale.ROOT, "NB201 skeleton: every size"
              + " must be >= 1, got %d channels of %dx%d images, %d classes, C=%d, N=%d",
          inputChannels, height, width, classes, channels, cells));
    }
  }

  /**
   * The network with {@code channels} and {@code cells} on the images of {@code dataset}.
   *
   * @throws IllegalArgumentException for a data set whose image shape is not known here
   */
  public static Nb201Skeleton forDataset(String dataset, int channels, int cells) {
    if (dataset.equals(FashionMnistReader.NAME)) {
      return new Nb201Skeleton(1, FASHION_MNIST_SIDE, FASHION_MNIST_SIDE,
          FashionMnistReader.CLASSES, channels, cells);
    }
    if (dataset.equals(Cifar10BinaryReader.NAME)) {
      return new Nb201Skeleton(Cifar10BinaryReader.CHANNELS, Cifar10BinaryReader.SIDE,
          Cifar10BinaryReader.SIDE, Cifar10BinaryReader.CLASSES, channels, cells);
    }
    throw new IllegalArgumentException("no image shape known for data set \"" + dataset
        + "\" (known: " + FashionMnistReader.NAME + ", " + Cifar10BinaryReader.NAME + ")");
  }

  /** The parameters and MACs of {@code arch}'s network. */
  public Nb201Cost cost(Nb201Arch arch) {
    return Nb201Cost.of(arch, inputChannels, height, width, classes, channels, cells);
  }
}
