package org.landmarknas.nativekernels;

import java.util.Locale;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.FloatPointer;

/**
 * Batch assembly with augmentation in native code, the counterpart of the engine's {@code
 * BatchAssembler.fill} with augmentation: for image {@code k} of the batch, source image {@code
 * index[k]} (unsigned bytes, CHW) is shifted by {@code (dy[k], dx[k])} with black (byte 0)
 * padding, mirrored when {@code flip[k]}, and mapped through the normalisation table into {@code
 * out[k]} (float, CHW). The draws are the caller's ({@link AugmentationDraws} makes them as
 * {@code BatchAssembler} does), so the output does not depend on the thread count, and equals
 * {@code BatchAssembler}'s float for float.
 *
 * <p>Images and output may be Java arrays (pinned during the call, not copied) or native memory
 * (a {@code BytePointer} over the data set, a {@code FloatPointer} over a tensor's data), in the
 * combinations below; the per-batch arrays (index and draws) are always Java arrays.
 *
 * <p>Immutable and thread-safe (the table is copied in).
 */
public final class NativeBatchAugmentation {

  private static final String NAME = "native batch augmentation";

  private final int channels;
  private final int height;
  private final int width;
  private final float[] table;
  private final int threads;

  /**
   * An augmentation for images of the given shape.
   *
   * @param table {@code table[c * 256 + v]}: the normalised value of byte {@code v} in channel
   *     {@code c}, {@code channels * 256} entries (see {@link #normalizationTable})
   * @param threads threads per batch; {@code <= 0} uses all cores. Batches smaller than about
   *     64 K floats per thread use fewer
   * @throws IllegalArgumentException if a dimension is not positive, the image is larger than
   *     {@code Integer.MAX_VALUE} bytes, or the table has the wrong length
   */
  public NativeBatchAugmentation(int channels, int height, int width, float[] table,
      int threads) {
    if (channels < 1 || height < 1 || width < 1
        || (long) channels * height * width > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "%s: image shape %dx%dx%d (expected positive dimensions, at most 2^31-1 pixels)",
          NAME, channels, height, width));
    }
    KernelCall.requireNonNull(table, NAME, "table");
    if (table.length != channels * 256) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "%s: table has %d entries, expected %d (256 per channel for %d channels)", NAME,
          table.length, channels * 256, channels));
    }
    this.channels = channels;
    this.height = height;
    this.width = width;
    this.table = table.clone();
    this.threads = threads;
  }

  /**
   * The table {@code BatchAssembler} builds: byte {@code v} of channel {@code c} maps to {@code
   * (float) ((v / 255.0 - mean[c]) / std[c])}, computed in double and rounded once.
   *
   * @throws IllegalArgumentException if the arrays are null, empty or differ in length, or a
   *     mean is not finite or a std not finite and positive
   */
  public static float[] normalizationTable(double[] mean, double[] std) {
    KernelCall.requireNonNull(mean, NAME, "mean");
    KernelCall.requireNonNull(std, NAME, "std");
    if (mean.length == 0 || mean.length != std.length) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "%s: normalisation needs one mean and one std per channel, got %d means and %d stds",
          NAME, mean.length, std.length));
    }
    float[] table = new float[mean.length * 256];
    for (int c = 0; c < mean.length; c++) {
      if (!Double.isFinite(mean[c]) || !Double.isFinite(std[c]) || !(std[c] > 0)) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "%s: normalisation channel %d has mean %s and std %s (expected finite, std > 0)",
            NAME, c, mean[c], std[c]));
      }
      for (int v = 0; v < 256; v++) {
        table[c * 256 + v] = (float) ((v / 255.0 - mean[c]) / std[c]);
      }
    }
    return table;
  }

  /** Channels per image. */
  public int channels() {
    return channels;
  }

  /** Image height. */
  public int height() {
    return height;
  }

  /** Image width. */
  public int width() {
    return width;
  }

  /** The normalisation table itself (not a copy: callers in this package only read it). */
  float[] table() {
    return table;
  }

  /** Threads per batch as configured ({@code <= 0}: all cores). */
  public int threads() {
    return threads;
  }

  /** Bytes of one source image and floats of one output image: {@code channels * height * width}. */
  public int floatsPerImage() {
    return channels * height * width;
  }

  /**
   * Fills {@code out[0 .. batch * floatsPerImage())} from images held in a Java array.
   *
   * @param images all source images, {@code count * floatsPerImage()} bytes, CHW per image
   * @param index source image of each batch entry, {@code batch} or more entries
   * @param dy row shift of each entry (source row = output row + dy), or null for none
   * @param dx column shift of each entry, or null for none
   * @param flip whether to mirror each entry's columns, or null for none
   * @param batch number of images to write
   * @param out receives the batch
   * @throws IllegalArgumentException if an array is null (other than the draws) or too short,
   *     {@code images} is not a whole number of images, or an index is outside the images
   */
  public void fill(byte[] images, int[] index, int[] dy, int[] dx, boolean[] flip, int batch,
      float[] out) {
    long count = imageCount(images);
    checkDraws(index, dy, dx, flip, batch);
    KernelCall.requireNonNull(out, NAME, "out");
    KernelCall.requireLength(out.length, (long) batch * floatsPerImage(), NAME, "out");
    int status = LmnasKernels.augmentBatch(images, count, channels, height, width, index, dy, dx,
        flip, batch, table, out, threads);
    KernelCall.check(status, NAME, () -> badIndex(index, batch, count));
  }

  /**
   * Fills native memory (e.g. a float tensor of shape [batch, C, H, W]) from images held in a
   * Java array.
   *
   * @see #fill(byte[], int[], int[], int[], boolean[], int, float[])
   */
  public void fill(byte[] images, int[] index, int[] dy, int[] dx, boolean[] flip, int batch,
      FloatPointer out) {
    long count = imageCount(images);
    checkDraws(index, dy, dx, flip, batch);
    KernelCall.requirePointer(out, (long) batch * floatsPerImage(), NAME, "out");
    int status = LmnasKernels.augmentBatch(images, count, channels, height, width, index, dy, dx,
        flip, batch, table, out, threads);
    KernelCall.check(status, NAME, () -> badIndex(index, batch, count));
  }

  /**
   * Fills native memory from {@code count} images in native memory, without copying either.
   *
   * @see #fill(byte[], int[], int[], int[], boolean[], int, float[])
   */
  public void fill(BytePointer images, long count, int[] index, int[] dy, int[] dx,
      boolean[] flip, int batch, FloatPointer out) {
    if (count < 0) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "%s: image count %d (expected >= 0)", NAME, count));
    }
    KernelCall.requirePointer(images, count * floatsPerImage(), NAME, "images");
    checkDraws(index, dy, dx, flip, batch);
    KernelCall.requirePointer(out, (long) batch * floatsPerImage(), NAME, "out");
    int status = LmnasKernels.augmentBatch(images, count, channels, height, width, index, dy, dx,
        flip, batch, table, out, threads);
    KernelCall.check(status, NAME, () -> badIndex(index, batch, count));
  }

  private long imageCount(byte[] images) {
    KernelCall.requireNonNull(images, NAME, "images");
    int per = floatsPerImage();
    if (images.length % per != 0) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "%s: images has %d bytes, not a whole number of %dx%dx%d images", NAME, images.length,
          channels, height, width));
    }
    return images.length / per;
  }

  private static void checkDraws(int[] index, int[] dy, int[] dx, boolean[] flip, int batch) {
    if (batch < 0) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "%s: batch %d (expected >= 0)", NAME, batch));
    }
    KernelCall.requireNonNull(index, NAME, "index");
    KernelCall.requireLength(index.length, batch, NAME, "index");
    if (dy != null) {
      KernelCall.requireLength(dy.length, batch, NAME, "dy");
    }
    if (dx != null) {
      KernelCall.requireLength(dx.length, batch, NAME, "dx");
    }
    if (flip != null) {
      KernelCall.requireLength(flip.length, batch, NAME, "flip");
    }
  }

  static String badIndex(int[] index, int batch, long count) {
    for (int k = 0; k < batch; k++) {
      if (index[k] < 0 || index[k] >= count) {
        return String.format(Locale.ROOT,
            "batch entry %d is image %d, outside the %d images (allowed: 0..%d)", k, index[k],
            count, count - 1);
      }
    }
    return "the kernel refused its arguments";
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "NativeBatchAugmentation[%dx%dx%d, threads %d]", channels,
        height, width, threads);
  }
}
