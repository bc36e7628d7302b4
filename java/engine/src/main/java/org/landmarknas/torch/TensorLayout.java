package org.landmarknas.torch;

import java.util.Locale;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch.MemoryFormat;

/**
 * Memory order of a network's 4-d weights, hence of its activations: a convolution whose weight
 * is channels-last writes a channels-last output, and the element-wise ops, BatchNorm and pooling
 * after it keep that order, so converting the weights once re-lays the whole forward and backward.
 * oneDNN's CPU convolutions prefer channels-last (NHWC); values are the same either way, sums may
 * round differently.
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
