package org.landmarknas.data;

import java.util.Locale;

/**
 * Training-time augmentation: a random crop of the image padded with black on every side by
 * {@code cropPadding} pixels, and a horizontal flip with probability 0.5. This is the standard
 * CIFAR recipe ({@code RandomCrop(32, padding=4)} and {@code RandomHorizontalFlip()}) used by
 * NAS-Bench-201. {@link BatchAssembler} applies it.
 *
 * @param cropPadding pixels of black padding on each side before cropping; 0 disables the crop
 * @param horizontalFlip whether to mirror the columns with probability 0.5
 */
public record Augmentation(int cropPadding, boolean horizontalFlip) {
  /** No augmentation. */
  public static final Augmentation NONE = new Augmentation(0, false);
  /** The CIFAR-10 recipe of NAS-Bench-201: pad 4, random crop, random flip. */
  public static final Augmentation CIFAR_STANDARD = new Augmentation(4, true);

  /**
   * Validates the padding.
   *
   * @throws IllegalArgumentException if {@code cropPadding} is negative or 2^30 or more (the
   *     draw's 2 padding + 1 must fit an int)
   */
  public Augmentation {
    if (cropPadding < 0 || cropPadding >= (1 << 30)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "augmentation crop padding must be in 0..2^30 - 1, got %d", cropPadding));
    }
  }

  /** True when this changes nothing (no padding, no flip). */
  public boolean isNone() {
    return cropPadding == 0 && !horizontalFlip;
  }
}
