package org.landmarknas.torch;

import java.util.SplittableRandom;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.NoGradGuard;

/**
 * SPOS practice for scoring one path of a super-net whose BatchNorm keeps running statistics
 * (Guo et al., arXiv:1904.00420): the running averages accumulated over many paths fit none of
 * them, so before scoring an architecture reset them and re-estimate them on {@code batches}
 * training batches of that path (train mode, no gradients), as an exact cumulative average
 * (momentum 1/(k+1) for the k-th batch). Parameters are never touched.
 */
public final class BatchNormRecalibration {
  private final TensorBatcher batcher;
  private final int[] indices;
  private final int batches;

  /**
   * @param batcher builds (unaugmented) batches from training images
   * @param indices the training images to draw from (e.g. the super-net half)
   * @param batches number of batches per recalibration
   */
  public BatchNormRecalibration(TensorBatcher batcher, int[] indices, int batches) {
    if (batches < 1) {
      throw new IllegalArgumentException("recalibration needs >= 1 batch, got " + batches);
    }
    this.batcher = batcher;
    this.indices = indices.clone();
    this.batches = batches;
  }

  /**
   * Re-estimates the running statistics of {@code net} for {@code arch}.
   *
   * @throws IllegalStateException if the network normalises with batch statistics only
   */
  public <A> void recalibrate(Supernet<A> net, A arch, SplittableRandom rng) {
    if (net.shape().batchNorm() != BatchNormMode.RUNNING) {
      throw new IllegalStateException("BatchNorm recalibration needs supernet.batchnorm: running"
          + " (with batch statistics there are no running averages to recalibrate)");
    }
    boolean wasTraining = net.module().is_training();
    for (BatchNorm2d bn : net.batchNorms()) {
      bn.resetRunningStats();
    }
    int size = batcher.maxBatch();
    try (PointerScope scope = new PointerScope(); NoGradGuard noGrad = new NoGradGuard()) {
      net.train(true);
      for (int k = 0; k < batches; k++) {
        for (BatchNorm2d bn : net.batchNorms()) {
          bn.setMomentum(1.0 / (k + 1));
        }
        try (PointerScope step = new PointerScope()) {
          int from = rng.nextInt(Math.max(1, indices.length - size + 1));
          net.forward(batcher.batch(indices, from, Math.min(size, indices.length), false, rng)
              .images(), arch);
        }
      }
    } finally {
      for (BatchNorm2d bn : net.batchNorms()) {
        bn.setMomentum(BatchNorm2d.DEFAULT_MOMENTUM);
      }
      net.train(wasTraining);
    }
  }
}
