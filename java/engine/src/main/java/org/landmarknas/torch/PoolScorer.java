package org.landmarknas.torch;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.landmarknas.search.ArchScore;

/**
 * Scores a list of architectures through a super-net under one BatchNorm protocol: batch
 * statistics at the evaluator's batch size, or (for running-statistics super-nets) running
 * averages re-estimated per architecture before scoring.
 */
public final class PoolScorer<A> {
  private final SupernetEvaluator<A> evaluator;
  private final Optional<BatchNormRecalibration> recalibration;
  private final Supernet<A> net;

  public PoolScorer(Supernet<A> net, SupernetEvaluator<A> evaluator,
      Optional<BatchNormRecalibration> recalibration) {
    this.net = net;
    this.evaluator = evaluator;
    this.recalibration = recalibration;
  }

  /** Accuracy and loss of each architecture on the first {@code images} images (0 = all). */
  public List<ArchScore<A>> score(List<A> archs, int images, SplittableRandom rng) {
    List<ArchScore<A>> scores = new ArrayList<>(archs.size());
    for (A a : archs) {
      scores.add(score(a, images, rng));
    }
    return scores;
  }

  public ArchScore<A> score(A arch, int images, SplittableRandom rng) {
    recalibration.ifPresent(r -> r.recalibrate(net, arch, rng));
    return evaluator.score(arch, images);
  }
}
