package org.landmarknas.torch;

import static org.bytedeco.pytorch.global.torch.cross_entropy_loss;
import static org.bytedeco.pytorch.global.torch.set_num_threads;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.NoGradGuard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landmarknas.TestData;
import org.landmarknas.config.TrainConfig;
import org.landmarknas.data.Augmentation;
import org.landmarknas.data.BatchAssembler;
import org.landmarknas.data.BatchOrder;
import org.landmarknas.data.DataLocation;
import org.landmarknas.data.DataSplit;
import org.landmarknas.data.ImageData;
import org.landmarknas.data.ImageDataset;
import org.landmarknas.landmark.HingeLoss;
import org.landmarknas.landmark.Landmark;
import org.landmarknas.landmark.LandmarkSet;
import org.landmarknas.landmark.PairSampler;
import org.landmarknas.landmark.PairWeights;
import org.landmarknas.landmark.UniformPairSampler;
import org.landmarknas.metric.KendallTau;
import org.landmarknas.space.Nb201Arch;
import org.landmarknas.space.Nb201Space;

/**
 * The regularizer does what it is for: given landmarks whose "stand-alone" order is the reverse
 * of the super-net's current order, a short training with λ > 0 moves the super-net's ranking of
 * them toward the given order, and the same training with λ = 0 (same data, same paths, same
 * initial weights) does not.
 */
final class LandmarkRegularizationBehaviourTest {
  private static final int LANDMARKS = 6;

  @TempDir Path dir;

  @Test
  void landmarks_withReversedOrder_pullTheSupernetRankingTowardIt() {
    TestData.fashionMnist();
    set_num_threads(2);
    ImageDataset data = DataLocation.system().load("fashion-mnist", Optional.empty());
    ImageData train = data.train().head(8000);
    DataSplit split = DataSplit.of(train.count(), 0.5, 1);
    TensorBatcher batcher = new TensorBatcher(new BatchAssembler(train, data.normalization(),
        new Augmentation(2, true)), 64);
    TensorBatcher probe = new TensorBatcher(new BatchAssembler(train.subset(
        java.util.Arrays.copyOf(split.rank(), 512)), data.normalization(), Augmentation.NONE),
        256);
    NetworkShape shape = new NetworkShape(1, 10, 6, 1, BatchNormMode.BATCH);
    TrainConfig cfg = new TrainConfig(1, 64, 0, 0.05, 0.001, 0.9, 5e-4, 5.0, 2);

    Nb201Network net = Nb201Network.supernet(shape, 21);
    train(net, cfg, batcher, split, Optional.empty(), 0, 80, 7); // a super-net with an opinion
    Path warm = dir.resolve("warm.pt");
    net.save(warm);

    List<Nb201Arch> archs = new ArrayList<>();
    Set<String> classes = new HashSet<>();
    SplittableRandom rng = new SplittableRandom(99);
    while (archs.size() < LANDMARKS) {
      Nb201Arch a = Nb201Space.INSTANCE.sample(rng);
      if (a.isConnected() && classes.add(Nb201Space.INSTANCE.canonicalKey(a))) {
        archs.add(a);
      }
    }
    double[] before = losses(net, probe, archs);
    // Reverse of the current ranking: the lower the super-net's loss now, the WORSE the score.
    List<Landmark<Nb201Arch>> reversed = new ArrayList<>();
    for (int i = 0; i < LANDMARKS; i++) {
      reversed.add(new Landmark<>(archs.get(i), 50 + before[i]));
    }
    LandmarkSet<Nb201Arch> set = LandmarkSet.of(reversed);
    double[] target = new double[LANDMARKS];
    for (int i = 0; i < LANDMARKS; i++) {
      target[i] = 50 + before[i];
    }
    double tauBefore = agreement(before, target);

    Nb201Network plain = Nb201Network.supernet(shape, 0);
    plain.load(warm);
    train(plain, cfg, batcher, split, Optional.of(set), 0.0, 120, 8);
    Nb201Network regularized = Nb201Network.supernet(shape, 0);
    regularized.load(warm);
    train(regularized, cfg, batcher, split, Optional.of(set), 10.0, 120, 8);

    double tauPlain = agreement(losses(plain, probe, archs), target);
    double tauRegularized = agreement(losses(regularized, probe, archs), target);
    String summary = String.format(Locale.ROOT,
        "landmark Kendall tau vs the given order: before %.3f, lambda=0 %.3f, lambda=10 %.3f",
        tauBefore, tauPlain, tauRegularized);
    System.out.println(summary);
    assertTrue(tauRegularized > tauPlain + 0.5, summary);
    assertTrue(tauRegularized > 0.3, summary);
  }

  /** Kendall tau between the super-net's order (lower loss = better) and the given scores. */
  private static double agreement(double[] losses, double[] scores) {
    double[] negLoss = new double[losses.length];
    for (int i = 0; i < losses.length; i++) {
      negLoss[i] = -losses[i];
    }
    return KendallTau.tauB(negLoss, scores);
  }

  private static double[] losses(Nb201Network net, TensorBatcher probe, List<Nb201Arch> archs) {
    double[] out = new double[archs.size()];
    try (PointerScope scope = new PointerScope(); NoGradGuard g = new NoGradGuard()) {
      for (int i = 0; i < archs.size(); i++) {
        double sum = 0;
        for (int start = 0; start < 512; start += 256) {
          try (PointerScope s = new PointerScope()) {
            LabeledBatch b = probe.range(start, 256);
            sum += cross_entropy_loss(net.forward(b.images(), archs.get(i)), b.labels())
                .item_double();
          }
        }
        out[i] = sum / 2;
      }
    }
    return out;
  }

  private static void train(Nb201Network net, TrainConfig cfg, TensorBatcher batcher,
      DataSplit split, Optional<LandmarkSet<Nb201Arch>> landmarks, double lambda, int steps,
          long seed) {
    SposStep<Nb201Arch> step = new SposStep<>(net, cfg);
    SplittableRandom rng = new SplittableRandom(seed);
    SplittableRandom pairRng = new SplittableRandom(seed + 1);
    Optional<LandmarkTerm<Nb201Arch>> term = landmarks.map(l -> new LandmarkTerm<>(net, l,
        new HingeLoss(),
        PairWeights.unweighted(), LandmarkTerm.Mode.GRAPH));
    PairSampler pairs = new UniformPairSampler(3);
    int[] order = BatchOrder.epochOrder(split.supernet(), rng);
    int[] rankOrder = BatchOrder.epochOrder(split.rank(), rng);
    for (int s = 0; s < steps; s++) {
      int from = (s * 64) % (order.length - 64);
      try (PointerScope scope = new PointerScope()) {
        step.begin();
        step.accumulate(batcher.batch(order, from, 64, true, rng), Nb201Space.INSTANCE.sample(rng));
        if (term.isPresent()) {
          // rank batches are drawn in both runs so that both see the same random streams
          LabeledBatch rank = batcher.batch(rankOrder, (s * 64) % (rankOrder.length - 64), 64,
              true, rng);
          if (lambda > 0) {
            term.get().accumulate(rank, pairs.sample(LANDMARKS, pairRng), lambda);
          }
        }
        step.finish();
      }
    }
  }
}
