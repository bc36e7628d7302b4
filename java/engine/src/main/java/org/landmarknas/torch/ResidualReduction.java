package org.landmarknas.torch;

import static org.bytedeco.pytorch.global.torch.avg_pool2d;
import static org.bytedeco.pytorch.global.torch.conv2d;

import org.bytedeco.pytorch.LongOptional;
import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptional;

/**
 * NB201's ResNet reduction block between stages: two ReLU-Conv3x3-BN (the first with stride 2)
 * plus a shortcut of 2x2 average pooling and a 1x1 convolution; halves the resolution and doubles
 * the width. It is fixed, shared by all architectures.
 */
final class ResidualReduction {
  private static final long[] K2 = {2, 2};
  private static final long[] ZERO = {0, 0};

  private final ConvBn convA;
  private final ConvBn convB;
  private final Tensor shortcut;

  ResidualReduction(Module parent, String name, int in, int out, BatchNormMode mode,
      NetworkBuilder init) {
    Module self = init.child(parent, name);
    this.convA = new ConvBn(self, "conv_a", in, out, 3, 2, true, mode, init);
    this.convB = new ConvBn(self, "conv_b", out, out, 3, 1, true, mode, init);
    this.shortcut = NetworkBuilder.register(self, "downsample_weight", init.convWeight(out, in, 1));
  }

  Tensor forward(Tensor x) {
    Tensor residual = convB.forward(convA.forward(x));
    Tensor pooled = avg_pool2d(x, K2, K2, ZERO, false, true, new LongOptional());
    Tensor down = conv2d(pooled, shortcut, new TensorOptional(), NetworkBuilder.ONE_ONE, ZERO,
        NetworkBuilder.ONE_ONE, 1);
    MacCounter.conv(down, shortcut);
    return down.add(residual);
  }
}
