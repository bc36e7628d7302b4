package org.landmarknas.data;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Turns images of one {@link ImageData} into a training batch: normalized {@code float} pixels in
 * NCHW order and {@code long} labels, written into arrays the caller owns and reuses (the torch
 * layer copies them into tensors in one go). A call allocates nothing.
 *
 * <p>Normalization maps byte {@code v} of channel {@code c} to {@code (float) ((v / 255.0 -
 * mean[c]) / std[c])}, computed in {@code double} and rounded once; a 256-entry table per channel,
 * built in the constructor, holds the results.
 *
 * <p>Augmentation, when asked for, works on the bytes directly instead of materialising a padded
 * image. Per image, in this order of draws from the caller's random source: if {@code cropPadding
 * = p > 0}, a row offset {@code oy = rng.nextInt(2p + 1)} then a column offset {@code ox =
 * rng.nextInt(2p + 1)} into the image padded by {@code p} black (byte 0) pixels on each side, so
 * output pixel {@code (y, x)} is source pixel {@code (y + oy - p, x + ox - p)} or black where that
 * lies outside the image; then, if flipping is on, {@code rng.nextBoolean()} decides whether the
 * crop's columns are mirrored. The same offsets and flip apply to every channel of the image.
 *
 * <p>Instances are immutable and may be shared between loader threads, each with its own random
 * source and output arrays.
 */
public final class BatchAssembler {
  private final ImageData data;
  private final Normalization normalization;
  private final Augmentation augmentation;
  /** {@code table[c * 256 + v]}: normalized value of byte {@code v} in channel {@code c}. */
  private final float[] table;

  /**
   * An assembler for {@code data}.
   *
   * @throws IllegalArgumentException if the normalization's channel count differs from the images'
   */
  public BatchAssembler(ImageData data, Normalization normalization, Augmentation augmentation) {
    this.data = Objects.requireNonNull(data, "data");
    this.normalization = Objects.requireNonNull(normalization, "normalization");
    this.augmentation = Objects.requireNonNull(augmentation, "augmentation");
    if (normalization.channels() != data.channels()) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "batch assembler for %s: images have %d channels but the normalization has %d",
          data.name(), data.channels(), normalization.channels()));
    }
    table = new float[data.channels() * 256];
    for (int c = 0; c < data.channels(); c++) {
      double mean = normalization.mean().get(c);
      double std = normalization.std().get(c);
      for (int v = 0; v < 256; v++) {
        table[c * 256 + v] = (float) ((v / 255.0 - mean) / std);
      }
    }
  }

  /** The images batches come from. */
  public ImageData data() {
    return data;
  }

  /** The normalization applied to every pixel. */
  public Normalization normalization() {
    return normalization;
  }

  /** The augmentation applied when {@code fill} is asked to augment. */
  public Augmentation augmentation() {
    return augmentation;
  }

  /** Floats one image occupies in a batch: {@code channels * height * width}. */
  public int floatsPerImage() {
    return data.pixelsPerImage();
  }

  /**
   * Writes the images {@code indices[from] .. indices[from + count - 1]} into the first {@code
   * count * floatsPerImage()} entries of {@code pixelsOut} and their labels into the first {@code
   * count} entries of {@code labelsOut}.
   *
   * @param indices image indices into {@link #data()}, e.g. an epoch order
   * @param from first position in {@code indices} to use
   * @param count number of images
   * @param augment whether to apply {@link #augmentation()} (false for evaluation)
   * @param rng source of the augmentation draws; may be null when nothing is drawn
   * @param pixelsOut receives normalized NCHW pixels
   * @param labelsOut receives labels
   * @throws IllegalArgumentException if the range is outside {@code indices}, an index is outside
   *     the data, an output array is too short, or {@code rng} is null but needed
   */
  public void fill(int[] indices, int from, int count, boolean augment, SplittableRandom rng,
      float[] pixelsOut, long[] labelsOut) {
    Objects.requireNonNull(indices, "indices");
    if (from < 0 || count < 0 || from > indices.length - count) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "batch of %d images from position %d does not fit %d indices", count, from,
          indices.length));
    }
    checkOutputs(count, pixelsOut, labelsOut);
    boolean transform = augment && !augmentation.isNone();
    if (transform && rng == null) {
      throw new IllegalArgumentException("augmented batch needs a random source, got null");
    }
    int per = data.pixelsPerImage();
    for (int k = 0; k < count; k++) {
      int image = indices[from + k];
      if (image < 0 || image >= data.count()) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "batch index %d at position %d is outside %s (allowed: 0..%d)", image, from + k,
            data.name(), data.count() - 1));
      }
      if (transform) {
        writeAugmented(image, k * per, rng, pixelsOut);
      } else {
        writePlain(image, k * per, pixelsOut);
      }
      labelsOut[k] = data.label(image);
    }
  }

  /**
   * Writes images {@code start .. start + count - 1}, without augmentation, as {@link #fill} does;
   * for walking a test set in order.
   *
   * @throws IllegalArgumentException if the range is outside the data or an output array is too
   *     short
   */
  public void fillRange(int start, int count, float[] pixelsOut, long[] labelsOut) {
    if (start < 0 || count < 0 || start > data.count() - count) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "batch of %d images from image %d does not fit %s (%d images)", count, start,
          data.name(), data.count()));
    }
    checkOutputs(count, pixelsOut, labelsOut);
    int per = data.pixelsPerImage();
    for (int k = 0; k < count; k++) {
      writePlain(start + k, k * per, pixelsOut);
      labelsOut[k] = data.label(start + k);
    }
  }

  private void checkOutputs(int count, float[] pixelsOut, long[] labelsOut) {
    Objects.requireNonNull(pixelsOut, "pixelsOut");
    Objects.requireNonNull(labelsOut, "labelsOut");
    long floats = (long) count * data.pixelsPerImage();
    if (pixelsOut.length < floats || labelsOut.length < count) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "batch of %d images of %s needs %d pixel floats and %d labels, got arrays of %d and %d",
          count, data.name(), floats, count, pixelsOut.length, labelsOut.length));
    }
  }

  private void writePlain(int image, int out, float[] pixelsOut) {
    byte[] pixels = data.pixelArray();
    int plane = data.height() * data.width();
    int in = image * data.pixelsPerImage();
    for (int c = 0; c < data.channels(); c++) {
      int base = c * 256;
      for (int end = in + plane; in < end; in++, out++) {
        pixelsOut[out] = table[base + (pixels[in] & 0xff)];
      }
    }
  }

  private void writeAugmented(int image, int out, SplittableRandom rng, float[] pixelsOut) {
    int pad = augmentation.cropPadding();
    int dy = 0;
    int dx = 0;
    if (pad > 0) {
      dy = rng.nextInt(2 * pad + 1) - pad;
      dx = rng.nextInt(2 * pad + 1) - pad;
    }
    boolean flip = augmentation.horizontalFlip() && rng.nextBoolean();
    byte[] pixels = data.pixelArray();
    int height = data.height();
    int width = data.width();
    int in = image * data.pixelsPerImage();
    // Output columns x0 .. x1-1 read source columns x0+dx .. x1-1+dx; the rest is padding.
    int x0 = Math.min(width, Math.max(0, -dx));
    int x1 = Math.max(x0, Math.min(width, width - dx));
    for (int c = 0; c < data.channels(); c++) {
      int base = c * 256;
      float black = table[base];
      for (int y = 0; y < height; y++) {
        int rowOut = out + (c * height + y) * width;
        int sy = y + dy;
        if (sy < 0 || sy >= height) {
          Arrays.fill(pixelsOut, rowOut, rowOut + width, black);
          continue;
        }
        int rowIn = in + (c * height + sy) * width + dx;
        if (!flip) {
          Arrays.fill(pixelsOut, rowOut, rowOut + x0, black);
          for (int x = x0; x < x1; x++) {
            pixelsOut[rowOut + x] = table[base + (pixels[rowIn + x] & 0xff)];
          }
          Arrays.fill(pixelsOut, rowOut + x1, rowOut + width, black);
        } else {
          // Crop column x lands in output column width-1-x.
          int last = rowOut + width - 1;
          Arrays.fill(pixelsOut, last - x0 + 1, rowOut + width, black);
          for (int x = x0; x < x1; x++) {
            pixelsOut[last - x] = table[base + (pixels[rowIn + x] & 0xff)];
          }
          Arrays.fill(pixelsOut, rowOut, last - x1 + 1, black);
        }
      }
    }
  }
}
