package org.landmarknas.torch;

import static org.bytedeco.pytorch.global.torch.conv2d;
import static org.bytedeco.pytorch.global.torch.randn;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptional;
import org.bytedeco.pytorch.global.torch.MemoryFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class DilatedDepthwiseTest {

  /**
   * The sub-grid form equals libtorch's dilated depthwise convolution, values and the gradients
   * of input and kernel, for even and odd sizes, both strides and both memory orders.
   */
  @ParameterizedTest
  @CsvSource({"2,8,28,28,3,1,false", "2,8,28,28,5,1,true", "3,4,7,7,5,1,true",
      "2,4,7,9,3,1,false", "2,8,14,14,3,2,true", "2,4,7,7,5,2,false", "1,3,5,6,5,2,true"})
  void conv_matchesDilatedConv2d_valuesAndGradients(int n, int c, int h, int w, int k,
      int stride, boolean channelsLast) {
    MemoryFormat format = channelsLast ? MemoryFormat.ChannelsLast : MemoryFormat.Contiguous;
    try (PointerScope scope = new PointerScope()) {
      Tensor x1 = randn(n, c, h, w).contiguous(format).set_requires_grad(true);
      Tensor x2 = x1.detach().clone().set_requires_grad(true);
      Tensor w1 = randn(c, 1, k, k).contiguous(format).set_requires_grad(true);
      Tensor w2 = w1.detach().clone().set_requires_grad(true);
      long[] s = {stride, stride};
      long[] p = {k - 1, k - 1};
      long[] d = {2, 2};
      Tensor ref = conv2d(x2, w2, new TensorOptional(), s, p, d, c);
      Tensor ours = DilatedDepthwise.conv(x1, w1, k, stride, c);
      assertTrue(java.util.Arrays.equals(ours.sizes().vec().get(), ref.sizes().vec().get()),
          "shape differs");
      assertTrue(ours.allclose(ref, 1e-5, 1e-5, false), "forward differs");
      assertTrue(ours.is_contiguous(format), "memory order not kept");
      Tensor g = randn(ref.sizes().vec().get());
      ours.mul(g).sum().backward();
      ref.mul(g).sum().backward();
      assertTrue(x1.grad().allclose(x2.grad(), 1e-5, 1e-5, false), "input gradient differs");
      assertTrue(w1.grad().allclose(w2.grad(), 1e-4, 1e-4, false), "kernel gradient differs");
    }
  }
}
