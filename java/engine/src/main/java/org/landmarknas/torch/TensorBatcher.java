package org.landmarknas.torch;

import static org.bytedeco.pytorch.global.torch.empty;

import java.util.SplittableRandom;
import org.bytedeco.pytorch.MemoryFormatOptional;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptions;
import org.bytedeco.pytorch.global.torch.ScalarType;
import org.landmarknas.data.BatchAssembler;
import org.landmarknas.data.ImageData;

/**
 * Builds tensor batches from in-memory images: the pure-Java {@link BatchAssembler} augments and
 * normalises into a reused float array, and one bulk copy moves it into a fresh tensor. No
 * per-sample objects, no per-batch Java allocation. On a GPU the batch is then copied to it; in
 * channels-last order ({@link TensorLayout}) it is re-laid there.
 */
public final class TensorBatcher {
  private final BatchAssembler assembler;
  private final ImageData data;
  private final float[] pixels;
  private final long[] labels;
  private final int maxBatch;
  private final TorchDevice device;
  private final TensorLayout layout;

  /** Batches of at most {@code maxBatch} images on the CPU. */
  public TensorBatcher(BatchAssembler assembler, int maxBatch) {
    this(assembler, maxBatch, TorchDevice.CPU);
  }

  /** Batches of at most {@code maxBatch} images on {@code device}, in NCHW order. */
  public TensorBatcher(BatchAssembler assembler, int maxBatch, TorchDevice device) {
    this(assembler, maxBatch, device, TensorLayout.CONTIGUOUS);
  }

  /** Batches of at most {@code maxBatch} images on {@code device}, in {@code layout}'s order. */
  public TensorBatcher(BatchAssembler assembler, int maxBatch, TorchDevice device,
      TensorLayout layout) {
    if (maxBatch < 1) {
      throw new IllegalArgumentException("batch size must be >= 1, got " + maxBatch);
    }
    this.assembler = assembler;
    this.data = assembler.data();
    this.maxBatch = maxBatch;
    this.device = device;
    this.layout = layout;
    this.pixels = new float[maxBatch * assembler.floatsPerImage()];
    this.labels = new long[maxBatch];
  }

  public ImageData data() {
    return data;
  }

  public int maxBatch() {
    return maxBatch;
  }

  /** The images {@code order[from..from+count)}, augmented when asked. */
  public LabeledBatch batch(int[] order, int from, int count, boolean augment,
      SplittableRandom rng) {
    checkCount(count);
    assembler.fill(order, from, count, augment, rng, pixels, labels);
    return toTensors(count);
  }

  /** The images {@code start} to {@code start + count - 1} in storage order, never augmented. */
  public LabeledBatch range(int start, int count) {
    checkCount(count);
    assembler.fillRange(start, count, pixels, labels);
    return toTensors(count);
  }

  private void checkCount(int count) {
    if (count < 1 || count > maxBatch) {
      throw new IllegalArgumentException(
          "batch of " + count + " images does not fit this batcher (1.." + maxBatch + ")");
    }
  }

  private LabeledBatch toTensors(int count) {
    Tensor images = empty(new long[] {count, data.channels(), data.height(), data.width()},
        new TensorOptions(ScalarType.Float), new MemoryFormatOptional());
    images.data_ptr_float().put(pixels, 0, count * assembler.floatsPerImage());
    Tensor y = empty(new long[] {count}, new TensorOptions(ScalarType.Long),
        new MemoryFormatOptional());
    y.data_ptr_long().put(labels, 0, count);
    return new LabeledBatch(layout.layOut(device.put(images)), device.put(y), count);
  }
}
