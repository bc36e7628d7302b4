package org.landmarknas.torch;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;
import org.bytedeco.javacpp.PointerScope;
import org.landmarknas.config.LandmarksConfig;
import org.landmarknas.config.TrainConfig;
import org.landmarknas.data.BatchOrder;
import org.landmarknas.landmark.PairSampler;
import org.landmarknas.landmark.PairSamplers;
import org.landmarknas.run.EpochStreams;
import org.landmarknas.run.ProgressLine;
import org.landmarknas.schedule.CosineLr;
import org.landmarknas.schedule.LambdaSchedule;
import org.landmarknas.schedule.LambdaSchedules;

/**
 * Trains the super-net for one epoch at a time: steps on the super-net half, each on the path its
 * {@link SamplingPolicy} picks (SPOS: uniform) and, when the epoch has a landmark term and λ > 0,
 * the landmark pairs
 * of a batch of the rank half (one {@link PointerScope} per step). Every random draw comes from
 * the epoch's own streams, so an epoch trains the same whether or not the run was resumed
 * before it.
 *
 * @param <A> the architecture type of the run's space
 */
final class EpochTrainer<A> {
  private final TensorBatcher batches;
  private final int[] supernetHalf;
  private final int[] rankHalf;
  private final SposStep<A> sposStep;
  private final TrainConfig train;
  private final LandmarksConfig lc;
  private final PairSampler pairSampler;
  private final LambdaSchedule lambda;
  private final CosineLr lr;
  private final EpochStreams streams;
  private final int stepsPerEpoch;
  private final ProgressLine line;
  private final SearchHooks hooks;
  private final SamplingPolicy<A> sampling;
  private final DataParallel parallel;
  private long steps;

  /**
   * A trainer of {@code session}'s super-net with {@code sposStep}.
   *
   * @param sampling which path each step trains
   * @param stepsDone the steps of the epochs already trained (a resumed run's), for progress
   * @param hooks checked for a cancel before every step
   */
  EpochTrainer(SearchSession<A> session, SposStep<A> sposStep, TrainConfig train,
      LandmarksConfig lc, SamplingPolicy<A> sampling, EpochStreams streams,
      PrintStream progress, long stepsDone, SearchHooks hooks) {
    this(session, sposStep, train, lc, sampling, streams, progress, stepsDone, hooks,
        DataParallel.SINGLE);
  }

  /**
   * A trainer of one process's share of each step.
   *
   * @param parallel which shards of each global batch this process trains, and how their
   *     gradients and figures are joined ({@link DataParallel#SINGLE}: the whole batch)
   */
  EpochTrainer(SearchSession<A> session, SposStep<A> sposStep, TrainConfig train,
      LandmarksConfig lc, SamplingPolicy<A> sampling, EpochStreams streams,
      PrintStream progress, long stepsDone, SearchHooks hooks, DataParallel parallel) {
    this.batches = session.trainBatches();
    this.supernetHalf = session.split().supernet();
    this.rankHalf = session.split().rank();
    this.sposStep = sposStep;
    this.train = train;
    this.lc = lc;
    this.pairSampler = PairSamplers.create(lc.pairSampler(), lc.pairs());
    this.lambda = LambdaSchedules.create(lc.schedule(), lc.lambdaMax(), lc.warmup(),
        train.epochs(), lc.ramp());
    this.lr = new CosineLr(train.lr(), train.lrMin(), train.epochs());
    this.streams = streams;
    this.stepsPerEpoch = train.stepsPerEpoch() > 0
        ? train.stepsPerEpoch()
        : Math.max(1, supernetHalf.length / train.batchSize());
    this.steps = stepsDone;
    this.hooks = hooks;
    this.sampling = sampling;
    this.parallel = parallel;
    this.line = new ProgressLine(progress, steps, (long) stepsPerEpoch * train.epochs(), "steps",
        5.0);
  }

  /** The policy that picks each step's path. */
  SamplingPolicy<A> sampling() {
    return sampling;
  }

  /** Steps of every epoch. */
  int stepsPerEpoch() {
    return stepsPerEpoch;
  }

  /** Steps trained so far, earlier processes of a resumed run included. */
  long steps() {
    return steps;
  }

  /**
   * Trains epoch {@code epoch} (0-based).
   *
   * @param term the landmark term of the epoch, if any
   * @param checkpointNote what a divergence error says about the last good checkpoint
   * @throws IllegalStateException when a loss becomes NaN or infinite
   * @throws SearchCancelledException when the run was cancelled; the epoch is dropped
   */
  EpochStats train(int epoch, Optional<LandmarkTerm<A>> term, String checkpointNote) {
    Epoch run = new Epoch(epoch, term, checkpointNote);
    for (int s = 0; s < stepsPerEpoch; s++) {
      hooks.checkCancelled(epoch);
      try (NativeExitGate.Section work = NativeExitGate.enter()) {
        sampling.beforeStep(epoch, s);
        run.step(s);
        sampling.afterStep(epoch, s);
      }
    }
    // the epoch's time and steps/s are its steps': a policy's work between epochs (NAO's
    // controller point) reports its own time
    EpochStats stats = run.stats();
    PolicyHandover.afterEpoch(sampling, epoch, parallel);
    return stats;
  }

  /**
   * One epoch in progress: its random streams, where it is in its shuffled halves, and the sums
   * its {@link EpochStats} are made of.
   */
  private final class Epoch {
    private final int epoch;
    private final Optional<LandmarkTerm<A>> term;
    private final String checkpointNote;
    private final SplittableRandom archRng;
    private final SplittableRandom dataRng;
    private final SplittableRandom rankRng;
    private final SplittableRandom pairRng;
    private final double rate;
    private final long start = System.nanoTime();
    // Step latency in microseconds, 3 significant digits: the tail (p99, max) shows GC or
    // allocator stalls that a mean steps/s hides.
    private final Histogram latency = new Histogram(3_600_000_000L, 3);
    private int[] rankOrder;
    private int rankCursor;
    private int[] order;
    private int cursor;
    private double lossSum;
    private long correct;
    private long seen;
    private double landmarkLossSum;
    private long landmarkSteps;
    private long activePairs;
    private long sampledPairs;
    private double lambdaSum;

    Epoch(int epoch, Optional<LandmarkTerm<A>> term, String checkpointNote) {
      this.epoch = epoch;
      this.term = term;
      this.checkpointNote = checkpointNote;
      archRng = streams.stream(EpochStreams.Purpose.ARCHITECTURES, epoch);
      dataRng = streams.stream(EpochStreams.Purpose.DATA, epoch);
      rankRng = streams.stream(EpochStreams.Purpose.RANK_DATA, epoch);
      pairRng = streams.stream(EpochStreams.Purpose.PAIRS, epoch);
      rankOrder = BatchOrder.epochOrder(rankHalf, rankRng);
      rate = lr.at(epoch);
      sposStep.setLearningRate(rate);
      order = BatchOrder.epochOrder(supernetHalf, dataRng);
    }

    /** Step {@code s}: the path's update and, with λ > 0, the landmark pairs' term. */
    void step(int s) {
      if (cursor + train.batchSize() > order.length) { // more steps than one pass: reshuffle
        order = BatchOrder.epochOrder(supernetHalf, dataRng);
        cursor = 0;
      }
      int count = Math.min(train.batchSize(), order.length);
      double[] sums; // loss·size, correct, size: over all shards of all processes
      double lam = lambda.at(lc.perStep() ? epoch + (double) s / stepsPerEpoch : epoch);
      lambdaSum += lam;
      long stepStart = System.nanoTime();
      try (PointerScope scope = new PointerScope()) {
        // Every process assembles the whole batch (the same augmentation draws) and trains
        // its shards of it.
        LabeledBatch batch = batches.batch(order, cursor, count, true, dataRng);
        sposStep.begin();
        A path = sampling.path(epoch, s, archRng);
        double[] local = new double[3];
        for (LabeledBatch shard : parallel.shards(batch)) {
          SposStep.StepResult r = sposStep.accumulate(shard, path, sampling);
          local[0] += r.loss() * r.size();
          local[1] += r.correct();
          local[2] += r.size();
        }
        if (term.isPresent() && lam > 0) {
          landmarkTerm(term.get(), count, lam, s);
        }
        parallel.averageGradients();
        sposStep.finish();
        sums = parallel.sum(local);
      }
      latency.recordValue(Math.max(1, (System.nanoTime() - stepStart) / 1000));
      if (!Double.isFinite(sums[0])) {
        throw diverged("loss", sums[0] / sums[2], epoch, s, rate, checkpointNote);
      }
      cursor += count;
      steps++;
      lossSum += sums[0];
      correct += (long) sums[1];
      seen += (long) sums[2];
      line.update(steps, String.format(Locale.ROOT, "epoch %d/%d step %d/%d",
              epoch + 1, train.epochs(), s + 1, stepsPerEpoch),
          String.format(Locale.ROOT, "loss %.4f acc %.1f%% lr %.5f",
              lossSum / seen, 100.0 * correct / seen, rate));
    }

    private void landmarkTerm(LandmarkTerm<A> landmarks, int count, double lam, int s) {
      // The rank half can be smaller than a batch (a small data.train-limit or a large
      // data.split-fraction): then the ranking batch is the whole half.
      int rankCount = Math.min(count, rankOrder.length);
      if (rankCursor + rankCount > rankOrder.length) {
        rankOrder = BatchOrder.epochOrder(rankHalf, rankRng);
        rankCursor = 0;
      }
      LabeledBatch rankBatch = batches.batch(rankOrder, rankCursor, rankCount, true, rankRng);
      rankCursor += rankCount;
      LandmarkTerm.Result t = landmarks.accumulate(parallel.shards(rankBatch),
          pairSampler.sample(landmarks.landmarks().size(), pairRng), lam, parallel);
      if (!Double.isFinite(t.loss())) {
        throw diverged("landmark ranking loss", t.loss(), epoch, s, rate, checkpointNote);
      }
      landmarkLossSum += t.loss();
      landmarkSteps++;
      activePairs += t.activePairs();
      sampledPairs += t.pairs();
    }

    EpochStats stats() {
      double seconds = (System.nanoTime() - start) / 1e9;
      double[] latencyMs = {latency.getValueAtPercentile(50) / 1000.0,
          latency.getValueAtPercentile(90) / 1000.0, latency.getValueAtPercentile(99) / 1000.0,
          latency.getMaxValue() / 1000.0};
      Optional<EpochStats.Landmarks> landmarks = term.isEmpty() ? Optional.empty()
          : Optional.of(new EpochStats.Landmarks(lambdaSum / stepsPerEpoch,
              landmarkSteps > 0 ? landmarkLossSum / landmarkSteps : Double.NaN,
              sampledPairs > 0 ? (double) activePairs / sampledPairs : Double.NaN));
      return new EpochStats(epoch + 1, stepsPerEpoch, rate, lossSum / seen,
          (double) correct / seen, seconds, latencyMs, landmarks);
    }
  }

  /** The error that stops a run whose loss became NaN or infinite at (0-based) epoch, step. */
  private static IllegalStateException diverged(String what, double value, int epoch, int step,
      double rate, String checkpointNote) {
    return new IllegalStateException(String.format(Locale.ROOT,
        "training diverged: %s %s at epoch %d step %d (lr %.5g); %s", what, value, epoch + 1,
        step + 1, rate, checkpointNote));
  }
}
