package org.landmarknas.torch;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.landmarknas.search.ArchScore;
import org.landmarknas.space.Nb201Arch;

/**
 * Scores a list of architectures through a super-net under one BatchNorm protocol: batch
 * statistics at the evaluator's batch size, or (for running-statistics super-nets) running
 * averages re-estimated per architecture before scoring.
 */
public final class PoolScorer {
  private final SupernetEvaluator evaluator;
  private final Optional<BatchNormRecalibration> recalibration;
  private final Nb201Network net;

  public PoolScorer(Nb201Network net, SupernetEvaluator evaluator,
      Optional<BatchNormRecalibration> recalibration) {
    this.net = net;
    this.evaluator = evaluator;
    this.recalibration = recalibration;
  }

  /** Accuracy and loss of each architecture on the first {@code images} images (0 = all). */
  public List<ArchScore> score(List<Nb201Arch> archs, int images, SplittableRandom rng) {
    List<ArchScore> scores = new ArrayList<>(archs.size());
    for (Nb201Arch a : archs) {
      scores.add(score(a, images, rng));
    }
    return scores;
  }

  public ArchScore score(Nb201Arch arch, int images, SplittableRandom rng) {
    recalibration.ifPresent(r -> r.recalibrate(net, arch, rng));
    return evaluator.score(arch, images);
  }
}
