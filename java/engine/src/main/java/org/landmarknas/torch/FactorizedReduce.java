package org.landmarknas.torch;

import static org.bytedeco.pytorch.global.torch.cat;
import static org.bytedeco.pytorch.global.torch.conv2d;
import static org.bytedeco.pytorch.global.torch.relu;

import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptional;
import org.bytedeco.pytorch.TensorVector;

/**
 * DARTS's factorized reduce: ReLU, two 1x1 stride-2 convolutions to half the output channels
 * each, the second on the image shifted by one pixel (so the two together see every pixel),
 * concatenated, BatchNorm. It halves the image: a cell's preprocessing of the input from two
 * cells back when the previous cell reduced, and {@code skip_connect} where a reduction cell
 * reads a cell input. Image sides must be even, or the two halves differ in size.
 */
final class FactorizedReduce {
  private static final long[] TWO = {2, 2};
  private static final long[] ZERO = {0, 0};

  private final Tensor weightA;
  private final Tensor weightB;
  private final BatchNorm2d bn;

  FactorizedReduce(Module parent, String name, int in, int out, BatchNormMode mode,
      boolean affine, NetworkBuilder init) {
    if (out % 2 != 0) {
      throw new IllegalArgumentException("a factorized reduce splits its output in halves: "
          + out + " channels is odd");
    }
    Module self = init.child(parent, name);
    this.weightA = NetworkBuilder.register(self, "conv_a_weight", init.convWeight(out / 2, in, 1));
    this.weightB = NetworkBuilder.register(self, "conv_b_weight", init.convWeight(out / 2, in, 1));
    this.bn = new BatchNorm2d(self, "bn", out, mode, affine, init);
  }

  Tensor forward(Tensor x) {
    Tensor r = relu(x);
    Tensor a = conv2d(r, weightA, new TensorOptional(), TWO, ZERO, NetworkBuilder.ONE_ONE, 1);
    MacCounter.conv(a, weightA);
    Tensor shifted = r.narrow(2, 1, r.size(2) - 1).narrow(3, 1, r.size(3) - 1);
    Tensor b = conv2d(shifted, weightB, new TensorOptional(), TWO, ZERO, NetworkBuilder.ONE_ONE,
        1);
    MacCounter.conv(b, weightB);
    return bn.forward(cat(new TensorVector(a, b), 1));
  }
}
