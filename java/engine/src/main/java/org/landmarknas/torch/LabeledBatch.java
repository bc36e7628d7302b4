package org.landmarknas.torch;

import org.bytedeco.pytorch.Tensor;

/**
 * One batch as tensors: NCHW float images and int64 labels. Both belong to the
 * {@link org.bytedeco.javacpp.PointerScope} that was open when the batch was made (one training
 * step, one evaluation chunk) and die with it.
 */
public final class LabeledBatch {
  private final Tensor images;
  private final Tensor labels;
  private final int size;

  LabeledBatch(Tensor images, Tensor labels, int size) {
    this.images = images;
    this.labels = labels;
    this.size = size;
  }

  public Tensor images() {
    return images;
  }

  public Tensor labels() {
    return labels;
  }

  public int size() {
    return size;
  }

  /**
   * The images {@code from..from+count-1} of this batch, as views of its tensors (no copy): a
   * rank's shard of a data-parallel step.
   */
  LabeledBatch slice(int from, int count) {
    if (from == 0 && count == size) {
      return this;
    }
    return new LabeledBatch(images.narrow(0, from, count), labels.narrow(0, from, count), count);
  }

  @Override
  public String toString() {
    return "LabeledBatch[" + size + " images]";
  }
}
