package org.landmarknas.torch;

import static org.bytedeco.pytorch.global.torch.clip_grad_norm_;
import static org.bytedeco.pytorch.global.torch.cross_entropy_loss;

import org.bytedeco.pytorch.SGD;
import org.bytedeco.pytorch.SGDOptions;
import org.bytedeco.pytorch.Tensor;
import org.landmarknas.config.TrainConfig;

/**
 * One single-path one-shot update (Guo et al., SPOS, arXiv:1904.00420): forward the batch through
 * one architecture's path, cross-entropy, backward, clip the global gradient norm, SGD step.
 * Gradients are reset to <em>undefined</em> rather than zero before each step, so ops off the
 * path get neither a gradient nor a weight-decay or momentum update, exactly as in PyTorch when
 * {@code grad is None}.
 *
 * @param <A> the architecture type of the super-net's space
 *
 * <p>The caller owns the {@link org.bytedeco.javacpp.PointerScope} around each call; every
 * temporary tensor of the step attaches to it.
 */
public final class SposStep<A> {
  private final Supernet<A> net;
  private final SGD optimizer;
  private final double gradClip;

  public SposStep(Supernet<A> net, TrainConfig train) {
    this.net = net;
    SGDOptions options = new SGDOptions(train.lr());
    options.momentum().put(train.momentum());
    options.weight_decay().put(train.weightDecay());
    this.optimizer = new SGD(net.parameters(), options);
    this.gradClip = train.gradClip();
  }

  public Supernet<A> network() {
    return net;
  }

  public SGD optimizer() {
    return optimizer;
  }

  /** Sets the learning rate of every parameter group. */
  public void setLearningRate(double lr) {
    for (long g = 0; g < optimizer.param_groups().size(); g++) {
      optimizer.param_groups().get(g).options().set_lr(lr);
    }
  }

  /**
   * Trains {@code arch}'s path on one batch.
   *
   * @return the batch loss before the update and the number of correct predictions
   */
  public StepResult step(LabeledBatch batch, A arch) {
    begin();
    StepResult r = accumulate(batch, arch);
    finish();
    return r;
  }

  /** Starts a step: every gradient back to undefined. */
  public void begin() {
    optimizer.zero_grad(true);
  }

  /**
   * Adds the gradient of {@code arch}'s cross-entropy on {@code batch} to the parameters' grads;
   * other terms (e.g. landmark ranking losses) may accumulate before {@link #finish()}.
   */
  public StepResult accumulate(LabeledBatch batch, A arch) {
    return backward(net.forward(batch.images(), arch), batch);
  }

  /**
   * {@link #accumulate(LabeledBatch, Object)} through {@code policy}'s forward of the path (GDAS's
   * straight-through forward; the super-net's own for SPOS).
   */
  public StepResult accumulate(LabeledBatch batch, A arch, SamplingPolicy<A> policy) {
    return backward(policy.forward(net, batch.images(), arch), batch);
  }

  private StepResult backward(Tensor logits, LabeledBatch batch) {
    Tensor loss = cross_entropy_loss(logits, batch.labels());
    loss.backward();
    long correct = logits.argmax(new org.bytedeco.pytorch.LongOptional(1), false)
        .eq(batch.labels()).sum().item_long();
    return new StepResult(loss.item_double(), (int) correct, batch.size());
  }

  /** Ends a step: one global-norm clip over everything accumulated, one SGD update. */
  public void finish() {
    clip_grad_norm_(net.parameters(), gradClip);
    optimizer.step();
  }

  /** Loss and accuracy of one step, copied out of the tensors. */
  public record StepResult(double loss, int correct, int size) {}
}
