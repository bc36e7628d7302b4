package org.landmarknas.torch;

import static org.bytedeco.pytorch.global.torch.get_num_threads;
import static org.bytedeco.pytorch.global.torch.set_num_threads;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.landmarknas.data.Augmentation;
import org.landmarknas.data.BatchAssembler;
import org.landmarknas.data.DataLocation;
import org.landmarknas.data.ImageDataset;
import org.landmarknas.TestData;
import org.landmarknas.search.ArchScore;
import org.landmarknas.space.Nb201Arch;
import org.landmarknas.space.Nb201Space;

/**
 * Several one-thread scorers over one network give exactly one scorer's scores, in the pool's
 * order, and leave the network and the caller's thread settings as they were.
 */
final class ParallelScoringTest {

  @Test
  void parallelScores_equalSerialScores_inOrder() {
    TestData.fashionMnist();
    set_num_threads(2);
    ImageDataset data = DataLocation.system().load("fashion-mnist", Optional.empty());
    Nb201Network net = Nb201Network.supernet(
        new NetworkShape(1, 10, 4, 1, BatchNormMode.BATCH), 3);
    net.train(true);
    BatchAssembler assembler = new BatchAssembler(data.test().head(200), data.normalization(),
        Augmentation.NONE);
    SupernetEvaluator<Nb201Arch> serial = new SupernetEvaluator<>(net,
        new TensorBatcher(assembler, 64));
    List<Nb201Arch> archs = Nb201Space.INSTANCE.sampleDistinct(9, new SplittableRandom(5));
    List<ArchScore<Nb201Arch>> expected = new ArrayList<>();
    for (Nb201Arch a : archs) {
      expected.add(serial.score(a, 150));
    }
    List<Integer> progress = new ArrayList<>();
    try (ParallelScoring<Nb201Arch> parallel = new ParallelScoring<>(net,
        () -> new TensorBatcher(assembler, 64), 3)) {
      PoolScorer<Nb201Arch> scorer = new PoolScorer<>(net, serial, Optional.empty(),
          Optional.of(parallel));
      List<ArchScore<Nb201Arch>> got = scorer.score(archs, 150, new SplittableRandom(1),
          progress::add);
      assertEquals(expected, got, "same scores, same order");
      // twice: the workers' evaluators are reused
      assertEquals(expected, parallel.score(archs, 150));
    }
    assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9), progress);
    assertTrue(net.module().is_training(), "the training flag is restored");
    assertEquals(2, get_num_threads(), "the workers' one thread each is theirs alone");
  }

  @Test
  void bf16Scoring_isCloseToFp32_andLeavesTheNetworkInFp32() {
    TestData.fashionMnist();
    set_num_threads(2);
    ImageDataset data = DataLocation.system().load("fashion-mnist", Optional.empty());
    Nb201Network net = Nb201Network.supernet(
        new NetworkShape(1, 10, 4, 1, BatchNormMode.BATCH), 3);
    BatchAssembler assembler = new BatchAssembler(data.test().head(128), data.normalization(),
        Augmentation.NONE);
    SupernetEvaluator<Nb201Arch> evaluator = new SupernetEvaluator<>(net,
        new TensorBatcher(assembler, 64));
    List<Nb201Arch> archs = Nb201Space.INSTANCE.sampleDistinct(4, new SplittableRandom(8));
    SplittableRandom rng = new SplittableRandom(1);
    List<ArchScore<Nb201Arch>> fp32 = new PoolScorer<>(net, evaluator, Optional.empty())
        .score(archs, 0, rng);
    PoolScorer<Nb201Arch> bf16 = new PoolScorer<>(net, evaluator, Optional.empty())
        .scoringIn(Precision.BF16);
    List<ArchScore<Nb201Arch>> low = bf16.score(archs, 0, rng);
    assertEquals(Precision.FP32, net.precision(), "the training arithmetic is set back");
    boolean anyDifferent = false;
    for (int i = 0; i < archs.size(); i++) {
      double d = Math.abs(low.get(i).loss() - fp32.get(i).loss());
      assertTrue(d < 0.05, "bf16 loss within rounding of fp32's, off by " + d);
      anyDifferent |= d > 0;
    }
    assertTrue(anyDifferent, "the scoring really ran in bf16");
    assertEquals(bf16.score(archs.get(0), 0, rng), low.get(0), "one and many score alike");
    assertEquals(Precision.FP32, net.precision());
  }

  @Test
  void workerFailure_reachesTheCaller() {
    TestData.fashionMnist();
    ImageDataset data = DataLocation.system().load("fashion-mnist", Optional.empty());
    Nb201Network net = Nb201Network.supernet(
        new NetworkShape(1, 10, 4, 1, BatchNormMode.BATCH), 3);
    BatchAssembler assembler = new BatchAssembler(data.test().head(64), data.normalization(),
        Augmentation.NONE);
    try (ParallelScoring<Nb201Arch> parallel = new ParallelScoring<>(net,
        () -> new TensorBatcher(assembler, 64), 2)) {
      List<Nb201Arch> archs = new ArrayList<>(
          Nb201Space.INSTANCE.sampleDistinct(2, new SplittableRandom(5)));
      archs.add(null);
      assertThrows(RuntimeException.class, () -> parallel.score(archs, 64));
    }
    assertThrows(IllegalArgumentException.class, () -> new ParallelScoring<>(net, () -> null, 1));
  }
}
