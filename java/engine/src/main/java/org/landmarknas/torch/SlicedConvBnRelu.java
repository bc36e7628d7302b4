package org.landmarknas.torch;

import static org.bytedeco.pytorch.global.torch.conv2d;
import static org.bytedeco.pytorch.global.torch.relu;

import java.util.Locale;
import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptional;

/**
 * NAS-Bench-101's conv-bn-relu (stride 1, same padding, no bias) holding weights for up to
 * {@code maxOut} filters over up to {@code maxIn} input channels, of which a forward uses a
 * prefix: the first {@code out} filters over the first {@code x.size(1)} input channels, and the
 * first {@code out} channels of one shared BatchNorm (the reference super-net's "fixed chunk"
 * width sharing). Built at exactly the widths it runs, it is a plain conv-bn-relu.
 */
final class SlicedConvBnRelu {
  private final Tensor weight;
  private final BatchNorm2d bn;
  private final long[] padding;

  SlicedConvBnRelu(Module parent, String name, int maxIn, int maxOut, int kernel,
      BatchNormMode mode, NetworkBuilder init) {
    Module self = init.child(parent, name);
    this.weight = NetworkBuilder.register(self, "conv_weight",
        init.convWeight(maxOut, maxIn, kernel));
    this.bn = new BatchNorm2d(self, "bn", maxOut, mode, init);
    this.padding = new long[] {kernel / 2, kernel / 2};
  }

  /** The widest output this layer can give. */
  int maxOut() {
    return (int) weight.size(0);
  }

  /**
   * The first {@code out} output channels of the layer applied to {@code x}.
   *
   * @throws IllegalArgumentException when {@code out} or {@code x}'s channels exceed the weights
   */
  Tensor forward(Tensor x, int out) {
    long in = x.size(1);
    if (out < 1 || out > weight.size(0) || in > weight.size(1)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "conv-bn-relu of at most %d -> %d channels cannot run %d -> %d", weight.size(1),
          weight.size(0), in, out));
    }
    Tensor w = weight;
    if (out < w.size(0)) {
      w = w.narrow(0, 0, out);
    }
    if (in < w.size(1)) {
      w = w.narrow(1, 0, in);
    }
    Tensor y = conv2d(x, w, new TensorOptional(), NetworkBuilder.ONE_ONE, padding,
        NetworkBuilder.ONE_ONE, 1);
    MacCounter.conv(y, w);
    return relu(bn.forward(y));
  }
}
