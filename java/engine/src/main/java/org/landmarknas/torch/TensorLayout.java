package org.landmarknas.torch;

import static org.bytedeco.pytorch.global.torch.empty;

import java.util.Locale;
import org.bytedeco.pytorch.DeviceOptional;
import org.bytedeco.pytorch.MemoryFormatOptional;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptions;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch.MemoryFormat;

/**
 * Memory order of a network's 4-d weights and input batches, hence of its activations: a
 * convolution whose weight or input is channels-last writes a channels-last output, and the
 * element-wise ops, BatchNorm, pooling and channel concatenation after it keep that order. Both
 * ends are needed: a weight with one input channel or a 1x1 kernel (DARTS's depthwise and
 * pointwise convolutions, every stem on grey images) has the same strides in either order, so
 * libtorch reads it as NCHW, and only a channels-last batch carries the order into such a
 * network. oneDNN's CPU convolutions and libtorch's CPU pooling are vectorised over channels in
 * NHWC; values are the same either way, sums may round differently.
 */
public enum TensorLayout {
  /** libtorch's default NCHW order. */
  CONTIGUOUS("contiguous", MemoryFormat.Contiguous),
  /** NHWC order. */
  CHANNELS_LAST("channels-last", MemoryFormat.ChannelsLast);

  private final String id;
  private final MemoryFormat format;

  TensorLayout(String id, MemoryFormat format) {
    this.id = id;
    this.format = format;
  }

  /** The config spelling. */
  public String id() {
    return id;
  }

  /**
   * Re-lays every 4-d tensor of {@code parameters} in place ({@code set_data}): handles given
   * out earlier, an optimizer's or a layer's, see the new order.
   */
  void apply(TensorVector parameters) {
    try (NoGradGuard noGrad = new NoGradGuard()) {
      for (long i = 0; i < parameters.size(); i++) {
        Tensor p = parameters.get(i);
        if (p.dim() == 4 && !p.is_contiguous(format)) {
          p.__dispatch_set_data(p.contiguous(format));
        }
      }
    }
  }

  /**
   * {@code batch} (4-d) stored in this order: a copy with this order's strides even where the
   * strides alone cannot tell the orders apart (one channel), so convolutions read it as such.
   */
  Tensor layOut(Tensor batch) {
    if (this == CONTIGUOUS) {
      return batch;
    }
    Tensor t = empty(batch.sizes().vec().get(), new TensorOptions(batch.scalar_type())
        .device(new DeviceOptional(batch.device())), new MemoryFormatOptional(format));
    return t.copy_(batch);
  }

  /** Whether {@code t} is stored in this order. */
  boolean holds(Tensor t) {
    return t.is_contiguous(format);
  }

  /**
   * The layout with config spelling {@code id}.
   *
   * @throws IllegalArgumentException for any other spelling
   */
  public static TensorLayout ofId(String id) {
    for (TensorLayout l : values()) {
      if (l.id.equals(id)) {
        return l;
      }
    }
    throw new IllegalArgumentException(String.format(Locale.ROOT,
        "memory format \"%s\" is not allowed (allowed: contiguous, channels-last)", id));
  }
}
