package org.landmarknas.torch;

import static org.bytedeco.pytorch.global.torch.constant_pad_nd;
import static org.bytedeco.pytorch.global.torch.conv2d;

import org.bytedeco.pytorch.LongOptional;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptional;
import org.bytedeco.pytorch.global.torch.MemoryFormat;

/**
 * A depthwise k x k convolution of dilation 2 (DARTS's {@code dil_conv}), computed as an undilated
 * one on the image's interleaved sub-grids: the space-to-batch form of an atrous convolution.
 * libtorch's CPU kernels run the dilated depthwise convolution 3-4x as slowly as an undilated one
 * (benchmarks/results/2026-12-08-0043Z-darts-op-cost.txt).
 *
 * <p>Why it is the same function: with padding k - 1, output row j of the dilated convolution
 * reads input rows j - (k - 1) + 2t, t = 0..k-1, all of the parity of j. So the rows of parity r
 * of the output are the sub-grid of parity r convolved with the same kernel undilated, padding
 * (k - 1) / 2; columns likewise. With stride 2 every output reads the even rows and columns only.
 * An odd size gets one zero row or column, which the convolution's own zero padding would have
 * read. The products are the same; only their summation order may differ (rounding).
 */
final class DilatedDepthwise {
  private DilatedDepthwise() {}

  /**
   * {@code conv2d(x, weight, stride, padding k - 1, dilation 2, groups channels)} for an
   * NCHW-shaped {@code x} in either memory order; the result has {@code x}'s memory order.
   *
   * @param weight the depthwise kernel, [channels, 1, k, k] with k odd
   * @param stride 1 or 2
   */
  static Tensor conv(Tensor x, Tensor weight, int kernel, int stride, int channels) {
    long pad = (kernel - 1) / 2;
    long[] padding = {pad, pad};
    MemoryFormat format = x.is_contiguous(MemoryFormat.ChannelsLast)
        ? MemoryFormat.ChannelsLast : MemoryFormat.Contiguous;
    if (stride == 2) {
      Tensor even = x.slice(2, new LongOptional(0), new LongOptional(), 2)
          .slice(3, new LongOptional(0), new LongOptional(), 2).contiguous(format);
      return conv2d(even, weight, new TensorOptional(), NetworkBuilder.ONE_ONE, padding,
          NetworkBuilder.ONE_ONE, channels)
          .contiguous(format);
    }
    if (stride != 1) {
      throw new IllegalArgumentException("stride must be 1 or 2, got " + stride);
    }
    long n = x.size(0);
    long c = x.size(1);
    long h = x.size(2);
    long w = x.size(3);
    long h2 = (h + 1) / 2;
    long w2 = (w + 1) / 2;
    Tensor even = h % 2 == 0 && w % 2 == 0 ? x : constant_pad_nd(x, 0, w % 2, 0, h % 2);
    // [N, C, H/2, 2, W/2, 2] -> [2 (row parity), 2 (column parity), N, C, H/2, W/2] -> 4N images
    Tensor grids = even.reshape(n, c, h2, 2, w2, 2).permute(3, 5, 0, 1, 2, 4)
        .reshape(4 * n, c, h2, w2).contiguous(format);
    Tensor y = conv2d(grids, weight, new TensorOptional(), NetworkBuilder.ONE_ONE, padding,
        NetworkBuilder.ONE_ONE, channels);
    Tensor out = y.reshape(2, 2, n, c, h2, w2).permute(2, 3, 4, 0, 5, 1)
        .reshape(n, c, 2 * h2, 2 * w2);
    if (2 * h2 != h || 2 * w2 != w) {
      out = out.slice(2, new LongOptional(0), new LongOptional(h), 1)
          .slice(3, new LongOptional(0), new LongOptional(w), 1);
    }
    return out.contiguous(format);
  }
}
