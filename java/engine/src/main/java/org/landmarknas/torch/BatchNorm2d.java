package org.landmarknas.torch;

import static org.bytedeco.pytorch.global.torch.batch_norm;
import static org.bytedeco.pytorch.global.torch.ones;
import static org.bytedeco.pytorch.global.torch.zeros;

import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptional;

/**
 * Affine BatchNorm over channels, written against the functional op so that batch-statistics mode
 * carries no running buffers at all (nothing to recalibrate, nothing stale in checkpoints).
 */
final class BatchNorm2d {
  static final double DEFAULT_MOMENTUM = 0.1;
  private static final double EPS = 1e-5;

  private final Module owner;
  private final BatchNormMode mode;
  private final Tensor weight;
  private final Tensor bias;
  private final Tensor runningMean;
  private final Tensor runningVar;
  private double momentum = DEFAULT_MOMENTUM;

  BatchNorm2d(Module parent, String name, int channels, BatchNormMode mode,
      NetworkBuilder init) {
    this.owner = init.child(parent, name);
    this.mode = mode;
    this.weight = NetworkBuilder.register(owner, "weight", ones(channels));
    this.bias = NetworkBuilder.register(owner, "bias", zeros(channels));
    if (mode == BatchNormMode.RUNNING) {
      this.runningMean = NetworkBuilder.registerBuffer(owner, "running_mean", zeros(channels));
      this.runningVar = NetworkBuilder.registerBuffer(owner, "running_var", ones(channels));
    } else {
      this.runningMean = null;
      this.runningVar = null;
    }
    init.batchNorms().add(this);
  }

  /** Forgets the running statistics (RUNNING mode only). */
  void resetRunningStats() {
    if (runningMean != null) {
      runningMean.zero_();
      runningVar.fill_(new org.bytedeco.pytorch.Scalar(1.0));
    }
  }

  /** Weight of the newest batch in the running averages. */
  void setMomentum(double momentum) {
    this.momentum = momentum;
  }

  /**
   * Normalises {@code x}. When {@code x} has fewer channels than this layer (a channel-sliced
   * super-net path), its first channels' affine weights and running statistics serve, as one
   * shared layer sliced like the convolution before it; the running statistics of the other
   * channels stay untouched.
   */
  Tensor forward(Tensor x) {
    long c = x.size(1);
    boolean sliced = c < weight.size(0);
    Tensor w = sliced ? weight.narrow(0, 0, c) : weight;
    Tensor b = sliced ? bias.narrow(0, 0, c) : bias;
    if (mode == BatchNormMode.BATCH) {
      return batch_norm(x, new TensorOptional(w), new TensorOptional(b),
          new TensorOptional(), new TensorOptional(), true, momentum, EPS, false);
    }
    // narrow gives views, so the running update writes into the first c entries of the buffers
    Tensor mean = sliced ? runningMean.narrow(0, 0, c) : runningMean;
    Tensor var = sliced ? runningVar.narrow(0, 0, c) : runningVar;
    return batch_norm(x, new TensorOptional(w), new TensorOptional(b),
        new TensorOptional(mean), new TensorOptional(var), owner.is_training(),
        momentum, EPS, false);
  }
}
