package org.landmarknas.data;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Per-channel normalization {@code (x / 255 - mean[c]) / std[c]} of unsigned byte pixels, with mean
 * and standard deviation in units of the 0..1 intensity scale.
 *
 * @param mean per-channel mean, one entry per channel
 * @param std per-channel standard deviation, same length as {@code mean}, each entry &gt; 0
 */
public record Normalization(List<Double> mean, List<Double> std) {

  /**
   * Fashion-MNIST training set statistics (Xiao et al. 2017, arXiv:1708.07747); {@code
   * NormalizationTest} recomputes them from the real training images.
   */
  public static final Normalization FASHION_MNIST = new Normalization(List.of(0.2860),
      List.of(0.3530));

  /**
   * The widely used CIFAR-10 training set statistics (R, G, B). NAS-Bench-201's own code uses
   * [125.3, 123.0, 113.9] / 255 and [63.0, 62.1, 66.7] / 255, which differ from these by at most
   * 2.4e-4.
   */
  public static final Normalization CIFAR10 = new Normalization(List.of(0.4914, 0.4822, 0.4465),
      List.of(0.2470, 0.2435, 0.2616));

  /**
   * Validates and copies the lists.
   *
   * @throws IllegalArgumentException if the lists are empty, differ in length, or hold a
   *     non-finite value or a standard deviation that is not positive
   */
  public Normalization {
    Objects.requireNonNull(mean, "mean");
    Objects.requireNonNull(std, "std");
    mean = List.copyOf(mean);
    std = List.copyOf(std);
    if (mean.isEmpty() || mean.size() != std.size()) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "normalization needs one mean and one std per channel, got %d means and %d stds",
          mean.size(), std.size()));
    }
    for (int c = 0; c < mean.size(); c++) {
      double m = mean.get(c);
      double s = std.get(c);
      if (!Double.isFinite(m) || !Double.isFinite(s) || s <= 0) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "normalization channel %d: mean must be finite and std finite and > 0, got mean %s"
                + " std %s", c, m, s));
      }
    }
  }

  /** The identity on the 0..1 scale: mean 0, std 1 for each of {@code channels} channels. */
  public static Normalization unit(int channels) {
    if (channels < 1) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "normalization needs >= 1 channel, got %d", channels));
    }
    return new Normalization(Collections.nCopies(channels, 0.0),
        Collections.nCopies(channels, 1.0));
  }

  /**
   * Per-channel mean and (population) standard deviation of {@code data} on the 0..1 scale, as
   * computed over every pixel of every image.
   *
   * @throws IllegalArgumentException if {@code data} holds no images or a channel is constant
   *     (its standard deviation would be 0)
   */
  public static Normalization of(ImageData data) {
    if (data.count() == 0) {
      throw new IllegalArgumentException("cannot compute normalization of empty image data "
          + data.name());
    }
    int channels = data.channels();
    int plane = data.height() * data.width();
    byte[] pixels = data.pixelArray();
    // Integer histograms per channel make the sums exact; the moments follow from 256 bins.
    long[][] histogram = new long[channels][256];
    for (int i = 0, offset = 0; i < data.count(); i++) {
      for (int c = 0; c < channels; c++) {
        long[] h = histogram[c];
        for (int end = offset + plane; offset < end; offset++) {
          h[pixels[offset] & 0xff]++;
        }
      }
    }
    Double[] mean = new Double[channels];
    Double[] std = new Double[channels];
    for (int c = 0; c < channels; c++) {
      double n = 0;
      double sum = 0;
      for (int v = 0; v < 256; v++) {
        n += histogram[c][v];
        sum += histogram[c][v] * (v / 255.0);
      }
      double m = sum / n;
      double squares = 0;
      for (int v = 0; v < 256; v++) {
        double d = v / 255.0 - m;
        squares += histogram[c][v] * d * d;
      }
      if (squares == 0) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "cannot normalize %s: channel %d has the same value in every pixel", data.name(), c));
      }
      mean[c] = m;
      std[c] = Math.sqrt(squares / n);
    }
    return new Normalization(List.of(mean), List.of(std));
  }

  /** Number of channels. */
  public int channels() {
    return mean.size();
  }
}
