package org.landmarknas.torch;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import org.landmarknas.search.ArchScore;

/**
 * Scores a list of architectures through a super-net under one BatchNorm protocol: batch
 * statistics at the evaluator's batch size, or (for running-statistics super-nets) running
 * averages re-estimated per architecture before scoring. A list is scored by several
 * one-thread workers at once where the protocol leaves the network untouched (no
 * recalibration) and {@link ParallelScoring} is given; the scores are the same.
 */
public final class PoolScorer<A> {
  private final SupernetEvaluator<A> evaluator;
  private final Optional<BatchNormRecalibration> recalibration;
  private final Supernet<A> net;
  private final Optional<ParallelScoring<A>> parallel;
  private Optional<Precision> precision = Optional.empty();

  /** A scorer that scores one architecture at a time. */
  public PoolScorer(Supernet<A> net, SupernetEvaluator<A> evaluator,
      Optional<BatchNormRecalibration> recalibration) {
    this(net, evaluator, recalibration, Optional.empty());
  }

  /**
   * A scorer that scores lists with {@code parallel}, unless {@code recalibration} is present
   * (it rewrites the network's BatchNorm buffers per architecture: one at a time).
   */
  public PoolScorer(Supernet<A> net, SupernetEvaluator<A> evaluator,
      Optional<BatchNormRecalibration> recalibration, Optional<ParallelScoring<A>> parallel) {
    this.net = net;
    this.evaluator = evaluator;
    this.recalibration = recalibration;
    this.parallel = recalibration.isPresent() ? Optional.empty() : parallel;
  }

  /**
   * Scores in {@code p} from now on (e.g. bf16 for a super-net trained in fp32); the network's
   * own arithmetic is set back after each scoring.
   */
  public PoolScorer<A> scoringIn(Precision p) {
    this.precision = Optional.of(p);
    return this;
  }

  /**
   * Whether an architecture's score is independent of what was scored before it: true unless
   * BatchNorm is recalibrated per architecture (which draws from the stream and rewrites the
   * network's buffers), so a list may be scored in parts and the parts' scores kept.
   */
  public boolean scoresIndependently() {
    return recalibration.isEmpty();
  }

  /** Accuracy and loss of each architecture on the first {@code images} images (0 = all). */
  public List<ArchScore<A>> score(List<A> archs, int images, SplittableRandom rng) {
    return score(archs, images, rng, done -> { });
  }

  /**
   * {@link #score(List, int, SplittableRandom)}, telling {@code done} how many of the first
   * architectures are scored each time that number grows (for a progress line).
   */
  public List<ArchScore<A>> score(List<A> archs, int images, SplittableRandom rng,
      IntConsumer done) {
    return inPrecision(() -> {
      if (parallel.isPresent() && archs.size() > 1) {
        return parallel.get().score(archs, images, done);
      }
      List<ArchScore<A>> scores = new ArrayList<>(archs.size());
      for (A a : archs) {
        scores.add(scoreOne(a, images, rng));
        done.accept(scores.size());
      }
      return scores;
    });
  }

  public ArchScore<A> score(A arch, int images, SplittableRandom rng) {
    return inPrecision(() -> scoreOne(arch, images, rng));
  }

  /** One architecture, BN recalibrated first where the protocol asks, in the current precision. */
  private ArchScore<A> scoreOne(A arch, int images, SplittableRandom rng) {
    recalibration.ifPresent(r -> r.recalibrate(net, arch, rng));
    return evaluator.score(arch, images);
  }

  private <T> T inPrecision(Supplier<T> scoring) {
    if (precision.isEmpty() || precision.get() == net.precision()) {
      return scoring.get();
    }
    Precision training = net.precision();
    net.setPrecision(precision.get());
    try {
      return scoring.get();
    } finally {
      net.setPrecision(training);
    }
  }
}
