package org.landmarknas.torch;

import static org.bytedeco.pytorch.global.torch.set_num_threads;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import org.bytedeco.javacpp.PointerScope;
import org.landmarknas.config.TrainConfig;
import org.landmarknas.data.Augmentation;
import org.landmarknas.data.BatchAssembler;
import org.landmarknas.data.BatchOrder;
import org.landmarknas.data.DataSplit;
import org.landmarknas.data.ImageData;
import org.landmarknas.data.ImageDataset;
import org.landmarknas.run.ProgressLine;
import org.landmarknas.schedule.CosineLr;
import org.landmarknas.search.ArchScore;
import org.landmarknas.space.SearchSpace;
import org.landmarknas.standalone.StandaloneProtocol;
import org.landmarknas.standalone.StandaloneResult;

/**
 * Trains one architecture from scratch under a {@link StandaloneProtocol}: the stand-alone
 * network of its space ({@link SupernetSpace#standalone}) with its own weights and classic
 * (running-statistics) BatchNorm, SGD with a per-step cosine learning rate over the protocol's
 * epochs, then accuracy and loss in eval mode on the validation images and the test set. Same
 * protocol, same seed, same thread count: same result (libtorch on the CPU is deterministic
 * here).
 *
 * @param <A> the architecture type of the space
 */
public final class StandaloneTrainer<A> {
  public static final TensorLayout DEFAULT_LAYOUT = TensorLayout.CONTIGUOUS;
  private final SupernetSpace<A> space;
  private final ImageDataset data;
  private final TorchDevice device;
  private final TensorLayout layout;

  /** A trainer of {@code space}'s cells on {@code data}, on the CPU. */
  public StandaloneTrainer(SupernetSpace<A> space, ImageDataset data) {
    this(space, data, TorchDevice.CPU);
  }

  /** A trainer on {@code device} in the default memory order ({@link #DEFAULT_LAYOUT}). */
  public StandaloneTrainer(SupernetSpace<A> space, ImageDataset data, TorchDevice device) {
    this(space, data, device, DEFAULT_LAYOUT);
  }

  /**
   * A trainer of {@code space}'s cells on {@code data}, on {@code device}. A GPU's results are
   * not bit-equal to the CPU's (other kernels, other summation orders): a protocol's table
   * should come from one kind of device.
   */
  public StandaloneTrainer(SupernetSpace<A> space, ImageDataset data, TorchDevice device,
      TensorLayout layout) {
    Libtorch.load();
    this.space = space;
    this.data = data;
    this.device = device;
    this.layout = layout;
  }

  /** The space whose cells this trainer trains. */
  public SearchSpace<A> space() {
    return space.space();
  }

  /**
   * Trains {@code arch} under {@code p} with {@code seed}, writing progress to {@code progress}.
   *
   * @throws IllegalArgumentException when {@code p} is a protocol of another space, or {@code
   *     arch} has no path from input to output
   * @throws IllegalStateException when the loss diverges
   */
  public StandaloneResult<A> train(A arch, StandaloneProtocol p, long seed,
      PrintStream progress) {
    p.requireSpace(space.space());
    if (!space.space().isTrainable(arch)) {
      throw new IllegalArgumentException("architecture " + space.space().format(arch)
          + " has no path from input to output: its stand-alone network computes a constant");
    }
    long start = System.nanoTime();
    set_num_threads(p.threads());
    DataSplit split = DataSplit.of(data.train().count(), 0.5, p.splitSeed());
    int[] trainIdx = split.supernet();
    if (p.trainLimit() > 0 && p.trainLimit() < trainIdx.length) {
      trainIdx = Arrays.copyOf(trainIdx, p.trainLimit());
    }
    int[] validIdx = Arrays.copyOf(split.rank(), Math.min(p.validImages(), split.rankSize()));
    ImageData test = p.testLimit() > 0 && p.testLimit() < data.test().count()
        ? data.test().head(p.testLimit()) : data.test();

    TrainConfig train = new TrainConfig(p.epochs(), p.batchSize(), 0, p.lr(), p.lrMin(),
        p.momentum(), p.weightDecay(), p.gradClip(), p.threads());
    NetworkShape shape = new NetworkShape(data.channels(), data.classes(), p.channels(),
        p.cells(), BatchNormMode.RUNNING);
    Supernet<A> net = space.standalone(shape, arch, seed);
    net.to(device);
    net.setLayout(layout);
    net.train(true);
    SposStep<A> step = new SposStep<>(net, train);
    TensorBatcher batches = new TensorBatcher(new BatchAssembler(data.train(),
        data.normalization(), new Augmentation(p.cropPadding(), p.horizontalFlip())),
        p.batchSize(), device, layout);
    fit(arch, p, seed, step, batches, trainIdx, progress);
    ImageData valid = data.train().subset(validIdx);
    return result(net, arch, p, seed, valid, test, start);
  }

  /**
   * The training proper: {@code p.epochs()} epochs over {@code trainIdx} in an order drawn from
   * {@code seed}, the learning rate on a cosine per step.
   *
   * @throws IllegalStateException when the loss diverges
   */
  private void fit(A arch, StandaloneProtocol p, long seed, SposStep<A> step,
      TensorBatcher batches, int[] trainIdx, PrintStream progress) {
    SplittableRandom rng = new SplittableRandom(seed);
    CosineLr lr = new CosineLr(p.lr(), p.lrMin(), p.epochs());
    int stepsPerEpoch = Math.max(1, trainIdx.length / p.batchSize());
    ProgressLine line = new ProgressLine(progress, (long) stepsPerEpoch * p.epochs(), "steps",
        10.0);
    long done = 0;
    for (int epoch = 0; epoch < p.epochs(); epoch++) {
      int[] order = BatchOrder.epochOrder(trainIdx, rng);
      double lossSum = 0;
      for (int s = 0; s < stepsPerEpoch; s++) {
        int count = Math.min(p.batchSize(), order.length);
        // Cosine per step, down to lr-min at the very end: the running BN statistics used for
        // evaluation then describe the final weights, not the fast-moving early ones.
        step.setLearningRate(lr.at(epoch + (double) s / stepsPerEpoch));
        SposStep.StepResult r;
        try (NativeExitGate.Section work = NativeExitGate.enter();
            PointerScope scope = new PointerScope()) {
          r = step.step(batches.batch(order, s * p.batchSize(), count, true, rng), arch);
        }
        if (!Double.isFinite(r.loss())) {
          throw new IllegalStateException(String.format(Locale.ROOT,
              "stand-alone training of %s diverged: loss %s at epoch %d step %d",
              space.space().format(arch), r.loss(), epoch + 1, s + 1));
        }
        lossSum += r.loss();
        line.update(++done, String.format(Locale.ROOT, "stand-alone epoch %d/%d", epoch + 1,
            p.epochs()), String.format(Locale.ROOT, "loss %.4f", lossSum / (s + 1)));
      }
    }
  }

  /**
   * Scores the trained {@code net} on the validation images and the test set, with its running
   * BN statistics in eval mode: the stand-alone network is one fixed architecture. The wall time
   * since {@code startNanos} includes the scoring.
   */
  private StandaloneResult<A> result(Supernet<A> net, A arch, StandaloneProtocol p, long seed,
      ImageData valid, ImageData test, long startNanos) {
    ArchScore<A> validScore = new SupernetEvaluator<>(net, new TensorBatcher(new BatchAssembler(
        valid, data.normalization(), Augmentation.NONE), 256, device, layout)).score(arch, 0);
    ArchScore<A> testScore = new SupernetEvaluator<>(net, new TensorBatcher(new BatchAssembler(
        test, data.normalization(), Augmentation.NONE), 256, device, layout)).score(arch, 0);
    return new StandaloneResult<>(arch, p.name(), seed, validScore.accuracy(), validScore.loss(),
        testScore.accuracy(), testScore.loss(), net.parameterCount(),
        (System.nanoTime() - startNanos) / 1e9);
  }
}
