package org.landmarknas.torch;

import java.util.Locale;

/**
 * Size of a network skeleton: input channels, classes, the first stage's width C, the number N of
 * cells per stage, and the BatchNorm mode. NB201 has three stages of N cells, NB101 three stacks;
 * DARTS builds L = 3N + 2 cells with C channels per node ({@link DartsNetwork}).
 */
public record NetworkShape(int inputChannels, int classes, int channels, int cells,
    BatchNormMode batchNorm) {

  public NetworkShape {
    if (inputChannels < 1 || classes < 2 || channels < 1 || cells < 1 || batchNorm == null) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "network shape needs inputChannels >= 1, classes >= 2, channels >= 1, cells >= 1 and a"
              + " batchnorm mode; got %d, %d, %d, %d, %s",
          inputChannels, classes, channels, cells, batchNorm));
    }
  }
}
