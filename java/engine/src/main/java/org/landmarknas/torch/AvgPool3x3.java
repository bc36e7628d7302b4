package org.landmarknas.torch;

import static org.bytedeco.pytorch.global.torch.conv2d;
import static org.bytedeco.pytorch.global.torch.ones;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bytedeco.pytorch.Device;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptional;

/**
 * NB201's and DARTS's {@code avg_pool_3x3}: 3x3 average pooling, padding 1, padding <em>not</em>
 * counted in the divisor; stride 1, or 2 where a DARTS reduction cell reads its inputs.
 *
 * <p>Computed as a depthwise convolution with a ones kernel times a precomputed map of
 * 1/(number of valid taps). libtorch 2.10's CPU {@code avg_pool2d} with
 * {@code count_include_pad=false} took 23.6 ms forward+backward on a 64x16x28x28 batch on this
 * machine's 2 cores, the depthwise form 3.1 ms, for a maximum absolute difference of 1.2e-7 (probe
 * recorded in benchmarks/README.md; checked against avg_pool2d in {@code AvgPool3x3Test}).
 */
final class AvgPool3x3 {
  private static final long[] ONE = {1, 1};

  private final long[] stride;
  /**
   * Key: channels, height, width. Values live outside any step scope, for the network's life.
   * Concurrent: parallel scorers run one network's forwards on several threads.
   */
  private final Map<Long, Tensor[]> constants = new ConcurrentHashMap<>();

  /** The stride-1 pooling. */
  AvgPool3x3() {
    this(1);
  }

  /** The pooling at {@code stride} (1 or 2). */
  AvgPool3x3(int stride) {
    this.stride = new long[] {stride, stride};
  }

  Tensor forward(Tensor x) {
    int c = (int) x.size(1);
    int h = (int) x.size(2);
    int w = (int) x.size(3);
    Tensor[] k = constants.computeIfAbsent(((long) c << 40) | ((long) h << 20) | w,
        key -> build(c, h, w, x.device()));
    return conv2d(x, k[0], new TensorOptional(), stride, ONE, ONE, c).mul(k[1]);
  }

  private Tensor[] build(int c, int h, int w, Device device) {
    Tensor kernel = ones(c, 1, 3, 3);
    Tensor taps = conv2d(ones(1, 1, h, w), ones(1, 1, 3, 3), new TensorOptional(), stride, ONE,
        ONE, 1);
    Tensor reciprocal = ones(1, c, taps.size(2), taps.size(3)).div(taps).contiguous();
    if (device.is_cuda()) {
      kernel = kernel.to(device, kernel.scalar_type());
      reciprocal = reciprocal.to(device, reciprocal.scalar_type());
    }
    // Usually created during a step: the extra reference makes the step's scope release, not
    // free, them, so they live as long as this op.
    kernel.retainReference();
    reciprocal.retainReference();
    return new Tensor[] {kernel, reciprocal};
  }
}
