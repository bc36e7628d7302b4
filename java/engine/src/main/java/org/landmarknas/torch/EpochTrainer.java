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
    this.line = new ProgressLine(progress, steps, (long) stepsPerEpoch * train.epochs(), "steps",
        5.0);
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
    SplittableRandom archRng = streams.stream(EpochStreams.Purpose.ARCHITECTURES, epoch);
    SplittableRandom dataRng = streams.stream(EpochStreams.Purpose.DATA, epoch);
    SplittableRandom rankRng = streams.stream(EpochStreams.Purpose.RANK_DATA, epoch);
    SplittableRandom pairRng = streams.stream(EpochStreams.Purpose.PAIRS, epoch);
    int[] rankOrder = BatchOrder.epochOrder(rankHalf, rankRng);
    int rankCursor = 0;
    double rate = lr.at(epoch);
    sposStep.setLearningRate(rate);
    long epochStart = System.nanoTime();
    double lossSum = 0;
    long correct = 0;
    long seen = 0;
    double landmarkLossSum = 0;
    long landmarkSteps = 0;
    long activePairs = 0;
    long sampledPairs = 0;
    double lambdaSum = 0;
    // Step latency in microseconds, 3 significant digits: the tail (p99, max) shows GC or
    // allocator stalls that a mean steps/s hides.
    Histogram latency = new Histogram(3_600_000_000L, 3);
    int[] order = BatchOrder.epochOrder(supernetHalf, dataRng);
    int cursor = 0;
    for (int s = 0; s < stepsPerEpoch; s++) {
      hooks.checkCancelled(epoch);
      if (cursor + train.batchSize() > order.length) { // more steps than one pass: reshuffle
        order = BatchOrder.epochOrder(supernetHalf, dataRng);
        cursor = 0;
      }
      int count = Math.min(train.batchSize(), order.length);
      SposStep.StepResult r;
      double lam = lambda.at(lc.perStep() ? epoch + (double) s / stepsPerEpoch : epoch);
      lambdaSum += lam;
      long stepStart = System.nanoTime();
      try (PointerScope scope = new PointerScope()) {
        LabeledBatch batch = batches.batch(order, cursor, count, true, dataRng);
        sposStep.begin();
        r = sposStep.accumulate(batch, sampling.path(epoch, s, archRng));
        if (term.isPresent() && lam > 0) {
          // The rank half can be smaller than a batch (a small data.train-limit or a large
          // data.split-fraction): then the ranking batch is the whole half.
          int rankCount = Math.min(count, rankOrder.length);
          if (rankCursor + rankCount > rankOrder.length) {
            rankOrder = BatchOrder.epochOrder(rankHalf, rankRng);
            rankCursor = 0;
          }
          LabeledBatch rankBatch = batches.batch(rankOrder, rankCursor, rankCount, true,
              rankRng);
          rankCursor += rankCount;
          LandmarkTerm.Result t = term.get().accumulate(rankBatch,
              pairSampler.sample(term.get().landmarks().size(), pairRng), lam);
          if (!Double.isFinite(t.loss())) {
            throw diverged("landmark ranking loss", t.loss(), epoch, s, rate, checkpointNote);
          }
          landmarkLossSum += t.loss();
          landmarkSteps++;
          activePairs += t.activePairs();
          sampledPairs += t.pairs();
        }
        sposStep.finish();
      }
      latency.recordValue(Math.max(1, (System.nanoTime() - stepStart) / 1000));
      if (!Double.isFinite(r.loss())) {
        throw diverged("loss", r.loss(), epoch, s, rate, checkpointNote);
      }
      cursor += count;
      steps++;
      lossSum += r.loss() * r.size();
      correct += r.correct();
      seen += r.size();
      line.update(steps, String.format(Locale.ROOT, "epoch %d/%d step %d/%d",
              epoch + 1, train.epochs(), s + 1, stepsPerEpoch),
          String.format(Locale.ROOT, "loss %.4f acc %.1f%% lr %.5f",
              lossSum / seen, 100.0 * correct / seen, rate));
    }
    double seconds = (System.nanoTime() - epochStart) / 1e9;
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

  /** The error that stops a run whose loss became NaN or infinite at (0-based) epoch, step. */
  private static IllegalStateException diverged(String what, double value, int epoch, int step,
      double rate, String checkpointNote) {
    return new IllegalStateException(String.format(Locale.ROOT,
        "training diverged: %s %s at epoch %d step %d (lr %.5g); %s", what, value, epoch + 1,
        step + 1, rate, checkpointNote));
  }
}
