package org.landmarknas.torch;

import static org.bytedeco.pytorch.global.torch.conv2d;
import static org.bytedeco.pytorch.global.torch.relu;

import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptional;

/**
 * ReLU, convolution without bias, BatchNorm: NAS-Bench-201's {@code ReLUConvBN}, used for the
 * cell's {@code nor_conv_1x1}/{@code nor_conv_3x3} ops and inside the residual reduction block.
 */
final class ConvBn {
  private final Tensor weight;
  private final BatchNorm2d bn;
  private final long[] stride;
  private final long[] padding;
  private final boolean preRelu;

  ConvBn(Module parent, String name, int in, int out, int kernel, int stride, boolean preRelu,
      BatchNormMode mode, NetworkBuilder init) {
    Module self = init.child(parent, name);
    this.weight = NetworkBuilder.register(self, "conv_weight", init.convWeight(out, in, kernel));
    this.bn = new BatchNorm2d(self, "bn", out, mode, init);
    this.stride = new long[] {stride, stride};
    this.padding = new long[] {kernel / 2, kernel / 2};
    this.preRelu = preRelu;
  }

  Tensor forward(Tensor x) {
    Tensor in = preRelu ? relu(x) : x;
    Tensor y = conv2d(in, weight, new TensorOptional(), stride, padding, NetworkBuilder.ONE_ONE, 1);
    MacCounter.conv(y, weight);
    return bn.forward(y);
  }
}
