package org.landmarknas.torch;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import org.landmarknas.config.NaoSize;
import org.landmarknas.run.EpochStreams;
import org.landmarknas.search.ArchScore;
import org.landmarknas.space.SearchSpace;

/**
 * NAO (Luo et al., NeurIPS 2018) as a {@link SamplingPolicy}, in the schedule of the landmark
 * paper's reference: uniform single-path paths during the warm-up; at each controller point
 * ({@link NaoSchedule}) the pool is scored on the super-net (one evaluation batch of the
 * validation images the final search scores on, as the reference scores each cell on one
 * validation batch: a pool of 400 on all 1,000 would take minutes a point), the controller
 * trains on the scores and the pool is renewed ({@link NaoPool}); between points every step
 * trains a path drawn uniformly from the pool. The first pool is {@code nao-pool} random cells;
 * the last point only scores, and its best are the run's finalists. The landmark term, if any,
 * is untouched.
 *
 * <p>Each point draws from its own {@link EpochStreams.Purpose#CONTROLLER} stream, and the
 * controller, the pool and its last scores are checkpointed, so a resumed run is exact. In a
 * data-parallel run rank 0 alone runs the points and the other ranks load its state.
 *
 * @param <A> the architecture type of the space
 */
final class NaoPolicy<A> implements SamplingPolicy<A> {
  /** The best of the last scoring proposed as finalists (as many as GDAS scores). */
  static final int FINALISTS = 10;
  private final SearchSpace<A> space;
  private final PoolScorer<A> scorer;
  private final int scoreImages;
  private final NaoSchedule schedule;
  private final int poolSize;
  private final int controllerEpochs;
  private final EpochStreams streams;
  private final PrintStream progress;
  private final NaoController controller;
  private NaoState<A> state = NaoState.empty();
  // the last point (after pointAfter epochs), for that epoch's metrics line
  private int pointAfter = -1;
  private Double controllerLoss;
  private double pointSeconds;

  /**
   * @param scorer scores the pool at each point (the super-net on validation images)
   * @param scoreImages the images each pool cell is scored on, the first of the scorer's
   * @param poolSize the first pool's size and a renewed one's least
   * @param controllerEpochs passes over the scored pool that train the controller at a point
   * @param size the controller's sizes
   */
  NaoPolicy(SearchSpace<A> space, PoolScorer<A> scorer, int scoreImages, NaoSchedule schedule,
      int poolSize, int controllerEpochs, NaoSize size, EpochStreams streams,
      PrintStream progress) {
    this.space = space;
    this.scorer = scorer;
    this.scoreImages = scoreImages;
    this.schedule = schedule;
    this.poolSize = poolSize;
    this.controllerEpochs = controllerEpochs;
    this.streams = streams;
    this.progress = progress;
    // epoch 0's stream seeds the weights; a point's stream is that of its epochs done (>= 1)
    this.controller = new NaoController(NaoShape.of(space, size),
        streams.stream(EpochStreams.Purpose.CONTROLLER, 0).nextLong());
  }

  @Override
  public A path(int epoch, int step, SplittableRandom rng) {
    List<A> pool = state.pool();
    if (!schedule.poolEpoch(epoch) || pool.isEmpty()) {
      return space.sample(rng);
    }
    return pool.get(rng.nextInt(pool.size()));
  }

  @Override
  public String name() {
    return "nao";
  }

  @Override
  public void afterEpoch(int epoch) {
    int done = epoch + 1;
    if (schedule.pointAfter(done)) {
      long start = System.nanoTime();
      pointAfter = done;
      controllerLoss = null;
      point(done, streams.stream(EpochStreams.Purpose.CONTROLLER, done));
      pointSeconds = (System.nanoTime() - start) / 1e9;
    }
  }

  /** Rank 0 alone runs a controller point; the other ranks take its pool and controller. */
  @Override
  public boolean leaderDecidesAfter(int epoch) {
    return schedule.pointAfter(epoch + 1);
  }

  /** A controller point after {@code done} epochs: score, and unless it is the last, renew. */
  private void point(int done, SplittableRandom rng) {
    long start = System.nanoTime();
    List<A> pool = done == schedule.warmup() ? space.sampleDistinct(poolSize, rng)
        : state.pool();
    List<ArchScore<A>> scores = new ArrayList<>(scorer.score(pool, scoreImages, rng));
    scores.sort(Comparator.comparingDouble((ArchScore<A> s) -> s.accuracy()).reversed());
    double scoreSeconds = (System.nanoTime() - start) / 1e9;
    if (schedule.last(done)) {
      state = new NaoState<>(pool, scores);
      progress.printf(Locale.ROOT, "NAO after epoch %d: %d pool architectures scored (best"
          + " %.4f) in %.1f s%n", done, scores.size(), scores.get(0).accuracy(), scoreSeconds);
      return;
    }
    List<int[]> encodings = new ArrayList<>(scores.size());
    double[] targets = new double[scores.size()];
    List<A> ranked = new ArrayList<>(scores.size());
    for (int i = 0; i < scores.size(); i++) {
      encodings.add(space.encode(scores.get(i).arch()));
      targets[i] = scores.get(i).accuracy();
      ranked.add(scores.get(i).arch());
    }
    long trainStart = System.nanoTime();
    NaoController.NaoLoss loss = controller.train(encodings, targets, controllerEpochs, rng);
    controllerLoss = NaoController.TRADE_OFF * loss.mse() + (1 - NaoController.TRADE_OFF)
        * loss.nll();
    long generateStart = System.nanoTime();
    NaoPool.Renewed<A> renewed = NaoPool.renew(space, controller, ranked, poolSize, rng);
    state = new NaoState<>(renewed.pool(), scores);
    progress.printf(Locale.ROOT, "NAO after epoch %d: %d scored (best %.4f) in %.1f s,"
            + " controller %d epochs in %.1f s (mse %.4f, nll %.4f), %d generated in %.1f s,"
            + " pool %d%n", done, scores.size(), scores.get(0).accuracy(), scoreSeconds,
        controllerEpochs, (generateStart - trainStart) / 1e9, loss.mse(), loss.nll(),
        renewed.generated(), (System.nanoTime() - generateStart) / 1e9, renewed.pool().size());
  }

  /**
   * The pool's size once there is one; after a point its time and, where the controller
   * trained, its loss.
   */
  @Override
  public Optional<PolicyFigures> figures(int epoch) {
    if (state.pool().isEmpty()) {
      return Optional.empty();
    }
    boolean point = pointAfter == epoch + 1;
    return Optional.of(PolicyFigures.nao(point ? controllerLoss : null, state.pool().size(),
        point ? pointSeconds : null));
  }

  /** NAO's answer: the best {@value #FINALISTS} of the last scoring, best first. */
  @Override
  public Optional<List<A>> finalists(SplittableRandom rng) {
    List<ArchScore<A>> scores = state.scores();
    if (scores.isEmpty()) {
      return Optional.empty();
    }
    List<A> top = new ArrayList<>();
    for (ArchScore<A> s : scores.subList(0, Math.min(FINALISTS, scores.size()))) {
      top.add(s.arch());
    }
    return Optional.of(top);
  }

  @Override
  public void save(Path dir) {
    controller.save(dir);
    state.save(space, dir);
  }

  @Override
  public void restore(Path dir) {
    controller.restore(dir);
    state = NaoState.restore(space, dir);
  }

  /** The pool and its last scores, for tests. */
  NaoState<A> state() {
    return state;
  }
}
