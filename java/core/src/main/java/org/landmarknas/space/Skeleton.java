package org.landmarknas.space;

import java.util.Locale;

/**
 * The sizes of the stand-alone network around a cell that its cost depends on: the images it
 * reads and the macro skeleton (the stem's or first stage's width, and how many cells each stage
 * or stack repeats). Every space of this project builds its network from these six numbers;
 * what else a network needs (NB201's three stages, NB101's max-pool reductions) is fixed by the
 * space.
 *
 * @param inputChannels image channels (1 for Fashion-MNIST, 3 for CIFAR-10)
 * @param height image height
 * @param width image width
 * @param classes classifier outputs
 * @param channels C, the first stage's width (NB101: the stem's)
 * @param cells N, cells per stage (NB101: per stack)
 */
public record Skeleton(int inputChannels, int height, int width, int classes, int channels,
    int cells) {

  public Skeleton {
    if (inputChannels < 1 || height < 1 || width < 1 || classes < 1 || channels < 1
        || cells < 1) {
      throw new IllegalArgumentException(String.format(Locale.ROOT, "network skeleton: every"
              + " size must be >= 1, got %d channels of %dx%d images, %d classes, C=%d, N=%d",
          inputChannels, height, width, classes, channels, cells));
    }
  }
}
