package org.landmarknas.torch;

import static org.bytedeco.pytorch.global.torch.batch_norm;
import static org.bytedeco.pytorch.global.torch.ones;
import static org.bytedeco.pytorch.global.torch.zeros;

import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptional;

/**
 * BatchNorm over channels, affine unless asked otherwise, written against the functional op so
 * that batch-statistics mode carries no running buffers at all (nothing to recalibrate, nothing
 * stale in checkpoints). A non-affine layer (DARTS's ops in the paper's runs) has no parameters;
 * in batch mode it has no tensors at all.
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
    this(parent, name, channels, mode, true, init);
  }

  /** A layer with a learnt scale and shift per channel when {@code affine}, none otherwise. */
  BatchNorm2d(Module parent, String name, int channels, BatchNormMode mode, boolean affine,
      NetworkBuilder init) {
    this.owner = init.child(parent, name);
    this.mode = mode;
    this.weight = affine ? NetworkBuilder.register(owner, "weight", ones(channels)) : null;
    this.bias = affine ? NetworkBuilder.register(owner, "bias", zeros(channels)) : null;
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
    TensorOptional w = affine(weight, c);
    TensorOptional b = affine(bias, c);
    if (mode == BatchNormMode.BATCH) {
      return batch_norm(x, w, b, new TensorOptional(), new TensorOptional(), true, momentum, EPS,
          false);
    }
    // narrow gives views, so the running update writes into the first c entries of the buffers
    boolean sliced = c < runningMean.size(0);
    Tensor mean = sliced ? runningMean.narrow(0, 0, c) : runningMean;
    Tensor var = sliced ? runningVar.narrow(0, 0, c) : runningVar;
    return batch_norm(x, w, b,
        new TensorOptional(mean), new TensorOptional(var), owner.is_training(),
        momentum, EPS, false);
  }

  /** The first {@code c} entries of an affine tensor; empty for a non-affine layer. */
  private static TensorOptional affine(Tensor t, long c) {
    if (t == null) {
      return new TensorOptional();
    }
    return new TensorOptional(c < t.size(0) ? t.narrow(0, 0, c) : t);
  }
}
