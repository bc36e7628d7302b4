package org.landmarknas.nativekernels;

import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Reusable buffers of per-image augmentation draws (row shift, column shift, flip) for {@link
 * NativeBatchAugmentation}, drawn in exactly the order and way the engine's {@code
 * BatchAssembler} draws them, so that the same random source gives the same batch: per image, if
 * {@code cropPadding = p > 0}, {@code dy = rng.nextInt(2p + 1) - p} then {@code dx =
 * rng.nextInt(2p + 1) - p}; then, if flipping is on, {@code flip = rng.nextBoolean()}.
 *
 * <p>The arrays are live buffers handed to the kernel as they are; not thread-safe.
 */
public final class AugmentationDraws {

  private final int[] dy;
  private final int[] dx;
  private final boolean[] flip;

  /**
   * Buffers for batches of up to {@code capacity} images.
   *
   * @throws IllegalArgumentException if {@code capacity < 0}
   */
  public AugmentationDraws(int capacity) {
    if (capacity < 0) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "augmentation draws: capacity %d (expected >= 0)", capacity));
    }
    dy = new int[capacity];
    dx = new int[capacity];
    flip = new boolean[capacity];
  }

  /**
   * Draws shifts and flips for the first {@code count} images; entries not drawn (padding 0, or
   * flipping off) are set to 0 / false.
   *
   * @throws IllegalArgumentException if {@code count} is outside 0..capacity or {@code
   *     cropPadding} is negative or 2^30 or more (the draw's 2 padding + 1 must fit an int)
   */
  public void draw(SplittableRandom rng, int cropPadding, boolean horizontalFlip, int count) {
    Objects.requireNonNull(rng, "rng");
    if (count < 0 || count > dy.length) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "augmentation draws: count %d outside 0..%d", count, dy.length));
    }
    if (cropPadding < 0 || cropPadding >= (1 << 30)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "augmentation draws: crop padding %d (expected 0..2^30 - 1)", cropPadding));
    }
    for (int k = 0; k < count; k++) {
      int y = 0;
      int x = 0;
      if (cropPadding > 0) {
        y = rng.nextInt(2 * cropPadding + 1) - cropPadding;
        x = rng.nextInt(2 * cropPadding + 1) - cropPadding;
      }
      dy[k] = y;
      dx[k] = x;
      flip[k] = horizontalFlip && rng.nextBoolean();
    }
  }

  /** Number of images the buffers hold. */
  public int capacity() {
    return dy.length;
  }

  /** Row shifts (live buffer). */
  public int[] dy() {
    return dy;
  }

  /** Column shifts (live buffer). */
  public int[] dx() {
    return dx;
  }

  /** Flips (live buffer). */
  public boolean[] flip() {
    return flip;
  }
}
