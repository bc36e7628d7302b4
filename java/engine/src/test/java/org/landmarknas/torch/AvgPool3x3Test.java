package org.landmarknas.torch;

import static org.bytedeco.pytorch.global.torch.avg_pool2d;
import static org.bytedeco.pytorch.global.torch.randn;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.LongOptional;
import org.bytedeco.pytorch.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class AvgPool3x3Test {

  /** Same values and same input gradient as libtorch's pooling with padding not counted. */
  @ParameterizedTest
  @CsvSource({"2,4,28,28,1", "3,16,7,7,1", "1,1,1,1,1", "2,8,5,9,1", "2,4,28,28,2",
      "3,8,14,14,2", "2,8,5,9,2"})
  void forward_andGradient_matchAvgPool2dWithoutPadCount(int n, int c, int h, int w,
      int stride) {
    AvgPool3x3 pool = new AvgPool3x3(stride);
    long[] k = {3, 3};
    long[] s = {stride, stride};
    long[] one = {1, 1};
    try (PointerScope scope = new PointerScope()) {
      Tensor x1 = randn(n, c, h, w).set_requires_grad(true);
      Tensor x2 = x1.detach().clone().set_requires_grad(true);
      Tensor ref = avg_pool2d(x2, k, s, one, false, false, new LongOptional());
      Tensor g = randn(ref.sizes().vec().get());
      Tensor ours = pool.forward(x1);
      assertTrue(ours.allclose(ref, 1e-6, 1e-6, false), "forward differs");
      ours.mul(g).sum().backward();
      ref.mul(g).sum().backward();
      assertTrue(x1.grad().allclose(x2.grad(), 1e-6, 1e-6, false), "gradient differs");
      // second call reuses the cached constants (created in this scope, must survive it)
      assertTrue(pool.forward(x1).allclose(ref, 1e-6, 1e-6, false));
    }
    try (PointerScope scope = new PointerScope()) {
      Tensor x = randn(n, c, h, w);
      assertTrue(pool.forward(x).allclose(
          avg_pool2d(x, k, s, one, false, false, new LongOptional()), 1e-6, 1e-6, false),
          "cached constants died with a scope");
    }
  }
}
