package org.landmarknas.torch;

import static org.bytedeco.pytorch.global.torch.cross_entropy_loss;
import static org.bytedeco.pytorch.global.torch.set_num_threads;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.NoGradGuard;
import org.landmarknas.config.TrainConfig;
import org.landmarknas.data.Augmentation;
import org.landmarknas.data.BatchAssembler;
import org.landmarknas.data.BatchOrder;
import org.landmarknas.data.DataLocation;
import org.landmarknas.data.DataSplit;
import org.landmarknas.data.ImageDataset;
import org.landmarknas.landmark.HingeLoss;
import org.landmarknas.landmark.Landmark;
import org.landmarknas.landmark.LandmarkPair;
import org.landmarknas.landmark.LandmarkSet;
import org.landmarknas.landmark.PairWeights;
import org.landmarknas.landmark.UniformPairSampler;
import org.landmarknas.space.Nb201Arch;
import org.landmarknas.space.Nb201Space;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of landmark regularization per training step, in one run so the ratios are comparable:
 * a plain SPOS step; SPOS plus the landmark term with m = 1 pair, always backward ({@code off},
 * the naive step); the same with lazy backward ({@code graph}: forward with graph, drop it when
 * the pair is in order; {@code nograd}: probe without graph, redo with graph only when active).
 *
 * <p>Setting (the landmark issue's): batch 64, C=16, N=1, 2 threads, real Fashion-MNIST, M = 10
 * landmarks whose scores follow the super-net's own order on a probe batch except for a share
 * {@code disorder} of discordant pairs (0.28: 13 of 45 pairs, 71 % in order). The learning rate is
 * 0 so
 * the order, hence the share of active pairs, stays fixed while measuring; the arithmetic of the
 * step (momentum, weight decay, clipping) is unchanged. Batches are prepared in {@code @Setup}:
 * the figure is the step alone.
 *
 * <pre>
 * mvn -B -q -Pbench -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar LandmarkStepBenchmark -rf json -rff landmark.json
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Dorg.bytedeco.javacpp.nopointergc=true", "-Xmx4g"})
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 5, time = 4)
public class LandmarkStepBenchmark {
  static final int LANDMARKS = 10;
  private static final int BATCH = 64;
  private static final int PREPARED = 16;

  /** Share of landmark pairs whose super-net order disagrees with their scores. */
  @Param({"0.28"})
  public double disorder;

  private SposStep<Nb201Arch> step;
  private LandmarkTerm<Nb201Arch> naive;
  private LandmarkTerm<Nb201Arch> lazyGraph;
  private LandmarkTerm<Nb201Arch> lazyNoGrad;
  private LabeledBatch[] batches;
  private LabeledBatch[] rankBatches;
  private Nb201Arch[] archs;
  private SplittableRandom pairRng;
  private UniformPairSampler pairs;
  private int next;
  /** Measured share of in-order pairs on the probe batch (printed at setup). */
  double inOrder;

  @Setup(Level.Trial)
  public void setUp() {
    set_num_threads(2);
    ImageDataset data = DataLocation.system().load("fashion-mnist", Optional.empty());
    TensorBatcher batcher = new TensorBatcher(new BatchAssembler(data.train(),
        data.normalization(), new Augmentation(2, true)), BATCH);
    DataSplit split = DataSplit.of(data.train().count(), 0.5, 0);
    SplittableRandom rng = new SplittableRandom(1);
    Nb201Network net = Nb201Network.supernet(
        new NetworkShape(1, 10, 16, 1, BatchNormMode.BATCH), 0);
    step = new SposStep<>(net, new TrainConfig(1, BATCH, 0, 1e-12, 0, 0.9, 5e-4, 5.0, 2));
    step.setLearningRate(0);
    int[] order = BatchOrder.epochOrder(split.supernet(), rng);
    int[] rankOrder = BatchOrder.epochOrder(split.rank(), rng);
    batches = new LabeledBatch[PREPARED];
    rankBatches = new LabeledBatch[PREPARED];
    archs = new Nb201Arch[PREPARED];
    for (int i = 0; i < PREPARED; i++) {
      batches[i] = batcher.batch(order, i * BATCH, BATCH, true, rng);
      rankBatches[i] = batcher.batch(rankOrder, i * BATCH, BATCH, true, rng);
      archs[i] = Nb201Space.INSTANCE.sample(rng);
    }
    LandmarkSet<Nb201Arch> set = landmarks(net, rankBatches[0], rng);
    naive = new LandmarkTerm<>(net, set, new HingeLoss(), PairWeights.unweighted(),
        LandmarkTerm.Mode.OFF);
    lazyGraph = new LandmarkTerm<>(net, set, new HingeLoss(), PairWeights.unweighted(),
        LandmarkTerm.Mode.GRAPH);
    lazyNoGrad = new LandmarkTerm<>(net, set, new HingeLoss(), PairWeights.unweighted(),
        LandmarkTerm.Mode.NOGRAD);
    pairRng = new SplittableRandom(7);
    pairs = new UniformPairSampler(1);
    System.out.printf(Locale.ROOT, "%n[setup] %.0f%% of landmark pairs in order%n",
        100 * inOrder);
  }

  /** Scores = the super-net's own order, then adjacent swaps until {@code disorder} is reached. */
  private LandmarkSet<Nb201Arch> landmarks(Nb201Network net, LabeledBatch probe,
      SplittableRandom rng) {
    List<Nb201Arch> chosen = new ArrayList<>();
    Set<String> classes = new HashSet<>();
    while (chosen.size() < LANDMARKS) {
      Nb201Arch a = Nb201Space.INSTANCE.sample(rng);
      if (a.isConnected() && classes.add(Nb201Space.INSTANCE.canonicalKey(a))) {
        chosen.add(a);
      }
    }
    double[] loss = new double[LANDMARKS];
    try (PointerScope scope = new PointerScope(); NoGradGuard g = new NoGradGuard()) {
      for (int i = 0; i < LANDMARKS; i++) {
        loss[i] = cross_entropy_loss(net.forward(probe.images(), chosen.get(i)), probe.labels())
            .item_double();
      }
    }
    Integer[] byLoss = new Integer[LANDMARKS];
    for (int i = 0; i < LANDMARKS; i++) {
      byLoss[i] = i;
    }
    java.util.Arrays.sort(byLoss, (a, b) -> Double.compare(loss[b], loss[a])); // worst first
    int[] position = new int[LANDMARKS]; // score rank; starts equal to the super-net's order
    for (int p = 0; p < LANDMARKS; p++) {
      position[byLoss[p]] = p;
    }
    int pairsTotal = LANDMARKS * (LANDMARKS - 1) / 2;
    while (discordant(position, loss) < disorder * pairsTotal) {
      int p = rng.nextInt(LANDMARKS - 1); // swap the landmarks at score ranks p and p+1
      int i = -1;
      int j = -1;
      for (int k = 0; k < LANDMARKS; k++) {
        if (position[k] == p) {
          i = k;
        } else if (position[k] == p + 1) {
          j = k;
        }
      }
      if (loss[i] > loss[j]) { // only swaps that add disorder
        position[i] = p + 1;
        position[j] = p;
      }
    }
    inOrder = 1 - (double) discordant(position, loss) / pairsTotal;
    List<Landmark<Nb201Arch>> set = new ArrayList<>();
    for (int i = 0; i < LANDMARKS; i++) {
      set.add(new Landmark<>(chosen.get(i), 50 + position[i]));
    }
    return LandmarkSet.of(set);
  }

  /** Pairs where the landmark with the higher score has the higher loss. */
  private static int discordant(int[] position, double[] loss) {
    int d = 0;
    for (int i = 0; i < position.length; i++) {
      for (int j = 0; j < position.length; j++) {
        if (position[i] > position[j] && loss[i] > loss[j]) {
          d++;
        }
      }
    }
    return d;
  }

  private SposStep.StepResult run(Optional<LandmarkTerm<Nb201Arch>> term) {
    int i = next++ % PREPARED;
    try (PointerScope scope = new PointerScope()) {
      step.begin();
      SposStep.StepResult r = step.accumulate(batches[i], archs[i]);
      if (term.isPresent()) {
        List<LandmarkPair> p = pairs.sample(LANDMARKS, pairRng);
        term.get().accumulate(rankBatches[i], p, 10.0);
      }
      step.finish();
      return r;
    }
  }

  /** The plain SPOS step: the baseline of the ratios. */
  @Benchmark
  public SposStep.StepResult spos() {
    return run(Optional.empty());
  }

  /** SPOS + landmark pair, backward through both landmark paths every step. */
  @Benchmark
  public SposStep.StepResult landmarkNaive() {
    return run(Optional.of(naive));
  }

  /** SPOS + landmark pair, graph dropped when the pair is in order. */
  @Benchmark
  public SposStep.StepResult landmarkLazyGraph() {
    return run(Optional.of(lazyGraph));
  }

  /** SPOS + landmark pair, probed without graph first. */
  @Benchmark
  public SposStep.StepResult landmarkLazyNoGrad() {
    return run(Optional.of(lazyNoGrad));
  }
}
