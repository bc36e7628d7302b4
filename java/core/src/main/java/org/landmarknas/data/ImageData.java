package org.landmarknas.data;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * A set of labelled images held as two flat arrays: {@code count * channels * height * width}
 * unsigned pixel bytes in NCHW order, and {@code count} label bytes in {@code 0..classes-1}. There
 * is no object per image, so 60,000 images cost 47 MB and nothing for the garbage collector.
 *
 * <p>Immutable: the public constructor copies its arrays, and the arrays are never handed out for
 * writing ({@link #pixelBuffer()} is a read-only view). Batches for training come from {@link
 * BatchAssembler}, which reads the arrays directly.
 */
public final class ImageData {
  /** Labels are stored as bytes, so at most 256 classes. */
  public static final int MAX_CLASSES = 256;

  private final String name;
  private final int channels;
  private final int height;
  private final int width;
  private final int classes;
  private final byte[] pixels;
  private final byte[] labels;

  /**
   * Images from copies of {@code pixels} (NCHW, unsigned bytes) and {@code labels}; the image count
   * is {@code labels.length}.
   *
   * @throws IllegalArgumentException if a dimension is not positive, {@code classes} is outside
   *     1..256, the pixel array does not hold exactly {@code labels.length} images, or a label is
   *     not below {@code classes}
   */
  public ImageData(String name, int channels, int height, int width, int classes, byte[] pixels,
      byte[] labels) {
    this(name, channels, height, width, classes, pixels.clone(), labels.clone(), true);
  }

  /** Takes the arrays over without copying; only for readers that built them fresh. */
  static ImageData adopt(String name, int channels, int height, int width, int classes,
      byte[] pixels, byte[] labels) {
    return new ImageData(name, channels, height, width, classes, pixels, labels, true);
  }

  private ImageData(String name, int channels, int height, int width, int classes, byte[] pixels,
      byte[] labels, boolean validate) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(pixels, "pixels");
    Objects.requireNonNull(labels, "labels");
    if (name.isBlank()) {
      throw new IllegalArgumentException("image data name must not be blank");
    }
    if (channels < 1 || height < 1 || width < 1) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "image data %s: channels, height and width must be >= 1, got %dx%dx%d", name, channels,
          height, width));
    }
    if (classes < 1 || classes > MAX_CLASSES) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "image data %s: classes must be in 1..%d, got %d", name, MAX_CLASSES, classes));
    }
    long perImage = (long) channels * height * width;
    long expected = perImage * labels.length;
    if (perImage > Integer.MAX_VALUE || expected != pixels.length) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "image data %s: %d labels of %dx%dx%d images need %d pixel bytes, got %d", name,
          labels.length, channels, height, width, expected, pixels.length));
    }
    if (validate) {
      for (int i = 0; i < labels.length; i++) {
        int label = labels[i] & 0xff;
        if (label >= classes) {
          throw new IllegalArgumentException(String.format(Locale.ROOT,
              "image data %s: label of image %d is %d, allowed 0..%d", name, i, label,
              classes - 1));
        }
      }
    }
    this.name = name;
    this.channels = channels;
    this.height = height;
    this.width = width;
    this.classes = classes;
    this.pixels = pixels;
    this.labels = labels;
  }

  /** Where the images came from, e.g. {@code fashion-mnist/train}; for messages and provenance. */
  public String name() {
    return name;
  }

  /** Number of images. */
  public int count() {
    return labels.length;
  }

  /** Channels per image (1 for grey, 3 for RGB). */
  public int channels() {
    return channels;
  }

  /** Image height in pixels. */
  public int height() {
    return height;
  }

  /** Image width in pixels. */
  public int width() {
    return width;
  }

  /** Number of classes; every label lies in {@code 0..classes-1}. */
  public int classes() {
    return classes;
  }

  /** Pixel bytes per image: {@code channels * height * width}. */
  public int pixelsPerImage() {
    return channels * height * width;
  }

  /**
   * The label of image {@code i}.
   *
   * @throws IndexOutOfBoundsException if {@code i} is not in {@code 0..count-1}
   */
  public int label(int i) {
    return labels[Objects.checkIndex(i, labels.length)] & 0xff;
  }

  /**
   * One pixel as an unsigned value 0..255.
   *
   * @throws IndexOutOfBoundsException if any coordinate is out of range
   */
  public int pixel(int image, int channel, int y, int x) {
    Objects.checkIndex(image, labels.length);
    Objects.checkIndex(channel, channels);
    Objects.checkIndex(y, height);
    Objects.checkIndex(x, width);
    return pixels[((image * channels + channel) * height + y) * width + x] & 0xff;
  }

  /**
   * A read-only view of all pixel bytes (NCHW, unsigned: mask with {@code 0xff}), for bulk
   * consumers such as a tensor copy. No bytes are copied.
   */
  public ByteBuffer pixelBuffer() {
    return ByteBuffer.wrap(pixels).asReadOnlyBuffer();
  }

  /** Number of images of each class, indexed by label. */
  public int[] classCounts() {
    int[] counts = new int[classes];
    for (byte label : labels) {
      counts[label & 0xff]++;
    }
    return counts;
  }

  /**
   * A copy holding the images at {@code indices}, in that order (repeats allowed).
   *
   * @throws IllegalArgumentException if an index is not in {@code 0..count-1}
   */
  public ImageData subset(int[] indices) {
    int per = pixelsPerImage();
    byte[] newPixels = new byte[Math.multiplyExact(indices.length, per)];
    byte[] newLabels = new byte[indices.length];
    for (int k = 0; k < indices.length; k++) {
      int i = indices[k];
      if (i < 0 || i >= labels.length) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "subset of %s: index %d at position %d out of range (allowed: 0..%d)", name, i, k,
            labels.length - 1));
      }
      System.arraycopy(pixels, i * per, newPixels, k * per, per);
      newLabels[k] = labels[i];
    }
    return new ImageData(name, channels, height, width, classes, newPixels, newLabels, false);
  }

  /**
   * A copy of the first {@code n} images.
   *
   * @throws IllegalArgumentException if {@code n} is not in {@code 0..count}
   */
  public ImageData head(int n) {
    if (n < 0 || n > labels.length) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "head of %s: n must be in 0..%d, got %d", name, labels.length, n));
    }
    return new ImageData(name, channels, height, width, classes,
        Arrays.copyOf(pixels, n * pixelsPerImage()), Arrays.copyOf(labels, n), false);
  }

  /** Same name, shape, classes, pixels and labels. */
  @Override
  public boolean equals(Object o) {
    return o instanceof ImageData other && name.equals(other.name) && channels == other.channels
        && height == other.height && width == other.width && classes == other.classes
        && Arrays.equals(labels, other.labels) && Arrays.equals(pixels, other.pixels);
  }

  /** Hashes name, shape and labels only, so it stays cheap for large sets. */
  @Override
  public int hashCode() {
    return Objects.hash(name, channels, height, width, classes, Arrays.hashCode(labels));
  }

  /** Name and shape, never pixel data. */
  @Override
  public String toString() {
    return String.format(Locale.ROOT, "ImageData[%s: %d x %dx%dx%d, %d classes]", name, count(),
        channels, height, width, classes);
  }

  // Package-private raw access for BatchAssembler and Normalization: callers must not write.
  byte[] pixelArray() {
    return pixels;
  }

  byte[] labelArray() {
    return labels;
  }
}
