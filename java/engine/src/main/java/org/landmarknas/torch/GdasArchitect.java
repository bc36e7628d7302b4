package org.landmarknas.torch;

import static org.bytedeco.pytorch.global.torch.cross_entropy_loss;

import java.util.SplittableRandom;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Tensor;
import org.landmarknas.data.BatchOrder;
import org.landmarknas.run.EpochStreams;

/**
 * GDAS's architecture step: one Adam update of α on a batch of the rank half, through a GDAS
 * forward with a Gumbel sample of its own. Its batches and samples come from the epoch's
 * {@link EpochStreams.Purpose#ARCHITECT} stream, opened at the epoch's first step, so a resumed
 * run updates α exactly as the uninterrupted one did.
 *
 * <p>The backward also fills the super-net weights' gradients; the weight step that follows
 * resets them to undefined first ({@link SposStep#begin}), so the weights never see them.
 */
final class GdasArchitect<A> {
  private final GdasSupernet<A> net;
  private final GdasAlpha<A> alpha;
  private final TensorBatcher batches;
  private final int[] rankHalf;
  private final int batchSize;
  private final EpochStreams streams;
  private int epoch = -1;
  private SplittableRandom rng;
  private int[] order;
  private int cursor;

  /**
   * @param batches the training images, augmented as the weight steps' are
   * @param rankHalf the indices of the rank half
   */
  GdasArchitect(GdasSupernet<A> net, GdasAlpha<A> alpha, TensorBatcher batches, int[] rankHalf,
      int batchSize, EpochStreams streams) {
    this.net = net;
    this.alpha = alpha;
    this.batches = batches;
    this.rankHalf = rankHalf;
    this.batchSize = batchSize;
    this.streams = streams;
  }

  /**
   * Updates α once in epoch {@code epoch} at temperature {@code tau}.
   *
   * @return the architecture loss before the update
   */
  double step(int epoch, double tau) {
    if (epoch != this.epoch) {
      this.epoch = epoch;
      rng = streams.stream(EpochStreams.Purpose.ARCHITECT, epoch);
      order = BatchOrder.epochOrder(rankHalf, rng);
      cursor = 0;
    }
    int count = Math.min(batchSize, order.length);
    if (cursor + count > order.length) {
      order = BatchOrder.epochOrder(rankHalf, rng);
      cursor = 0;
    }
    try (PointerScope scope = new PointerScope()) {
      LabeledBatch batch = batches.batch(order, cursor, count, true, rng);
      cursor += count;
      GdasSample<A> sample = alpha.sample(tau, rng);
      Tensor loss = cross_entropy_loss(net.forwardGdas(batch.images(), sample), batch.labels());
      alpha.optimizer().zero_grad(true);
      loss.backward();
      alpha.optimizer().step();
      return loss.item_double();
    }
  }
}
