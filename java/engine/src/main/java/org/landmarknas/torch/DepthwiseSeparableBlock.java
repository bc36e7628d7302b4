package org.landmarknas.torch;

import static org.bytedeco.pytorch.global.torch.conv2d;
import static org.bytedeco.pytorch.global.torch.relu;

import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptional;

/**
 * ReLU, a depthwise k x k convolution (stride, dilation), a pointwise 1x1 convolution, BatchNorm:
 * the block DARTS's convolutions are made of. {@code dil_conv_kxk} is one block with dilation 2;
 * {@code sep_conv_kxk} two stacked blocks of dilation 1, the first carrying the stride.
 * Convolutions have no bias; padding keeps the image size at stride 1.
 */
final class DepthwiseSeparableBlock {
  private final Tensor depthwise;
  private final Tensor pointwise;
  private final BatchNorm2d bn;
  private final long[] stride;
  private final long[] padding;
  private final long[] dilation;
  private final int kernel;
  private final int channels;

  DepthwiseSeparableBlock(Module parent, String name, int channels, int kernel, int stride,
      int dilation, BatchNormMode mode, boolean affine, NetworkBuilder init) {
    Module self = init.child(parent, name);
    // one input channel per group: a depthwise kernel's fan-in is k*k
    this.depthwise = NetworkBuilder.register(self, "depthwise_weight",
        init.convWeight(channels, 1, kernel));
    this.pointwise = NetworkBuilder.register(self, "pointwise_weight",
        init.convWeight(channels, channels, 1));
    this.bn = new BatchNorm2d(self, "bn", channels, mode, affine, init);
    this.stride = new long[] {stride, stride};
    int pad = dilation * (kernel - 1) / 2;
    this.padding = new long[] {pad, pad};
    this.dilation = new long[] {dilation, dilation};
    this.kernel = kernel;
    this.channels = channels;
  }

  Tensor forward(Tensor x) {
    Tensor d = dilation[0] == 2
        ? DilatedDepthwise.conv(relu(x), depthwise, kernel, (int) stride[0], channels)
        : conv2d(relu(x), depthwise, new TensorOptional(), stride, padding, dilation, channels);
    MacCounter.conv(d, depthwise);
    Tensor p = conv2d(d, pointwise, new TensorOptional(), NetworkBuilder.ONE_ONE,
        new long[] {0, 0}, NetworkBuilder.ONE_ONE, 1);
    MacCounter.conv(p, pointwise);
    return bn.forward(p);
  }
}
