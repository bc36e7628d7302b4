package org.landmarknas.torch;

import static org.bytedeco.pytorch.global.torch.manual_seed;
import static org.bytedeco.pytorch.global.torch.randint;
import static org.bytedeco.pytorch.global.torch.randn;
import static org.bytedeco.pytorch.global.torch.set_num_threads;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.LongFunction;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landmarknas.config.TrainConfig;
import org.landmarknas.space.DartsGenotype;
import org.landmarknas.space.DartsSpace;
import org.landmarknas.space.Nb101Space;
import org.landmarknas.space.Nb201Arch;
import org.landmarknas.space.Nb201Space;
import org.landmarknas.space.SearchSpace;

final class TensorLayoutTest {
  private static final NetworkShape SHAPE = new NetworkShape(1, 10, 4, 1, BatchNormMode.BATCH);

  @BeforeAll
  static void threads() {
    Libtorch.load();
    set_num_threads(1);
  }

  /** Channels-last re-lays every 4-d weight and leaves the forward's values as they were. */
  @Test
  void channelsLast_relaysWeights_andKeepsTheForward_inEverySpace() {
    check("nb201", Nb201Space.INSTANCE, seed -> Nb201Network.supernet(SHAPE, seed));
    check("nb101", Nb101Space.INSTANCE, seed -> Nb101Network.supernet(SHAPE, seed));
    check("darts", DartsSpace.INSTANCE, seed -> DartsNetwork.supernet(SHAPE, seed));
  }

  private static <A> void check(String name, SearchSpace<A> space,
      LongFunction<Supernet<A>> build) {
    Supernet<A> plain = build.apply(5);
    Supernet<A> last = build.apply(5);
    last.setLayout(TensorLayout.CHANNELS_LAST);
    assertEquals(List.of(true), layoutsOf(last.parameters(), TensorLayout.CHANNELS_LAST), name);
    manual_seed(9);
    Tensor images = randn(8, 1, 28, 28);
    SplittableRandom rng = new SplittableRandom(3);
    try (NoGradGuard g = new NoGradGuard()) {
      for (int i = 0; i < 4; i++) {
        A arch = space.sample(rng);
        assertClose(plain.forward(images, arch), last.forward(images, arch), name + " " + arch);
      }
    }
  }

  /** SGD steps keep the order (no silent copy back to NCHW) and the same weights as NCHW. */
  @Test
  void channelsLast_survivesTraining_andLoading(@TempDir Path dir) {
    Nb201Network plain = Nb201Network.supernet(SHAPE, 7);
    Nb201Network last = Nb201Network.supernet(SHAPE, 7);
    last.setLayout(TensorLayout.CHANNELS_LAST);
    TrainConfig train = new TrainConfig(1, 16, 0, 0.05, 0.001, 0.9, 5e-4, 5.0, 1);
    SposStep<Nb201Arch> plainStep = new SposStep<>(plain, train);
    SposStep<Nb201Arch> lastStep = new SposStep<>(last, train);
    SplittableRandom rng = new SplittableRandom(2);
    manual_seed(4);
    for (int s = 0; s < 4; s++) {
      try (PointerScope scope = new PointerScope()) {
        LabeledBatch batch = new LabeledBatch(randn(16, 1, 28, 28), randint(10, new long[] {16}),
            16);
        Nb201Arch arch = Nb201Space.INSTANCE.sample(rng);
        plainStep.step(batch, arch);
        lastStep.step(batch, arch);
      }
    }
    assertEquals(List.of(true), layoutsOf(last.parameters(), TensorLayout.CHANNELS_LAST));
    Map<String, Tensor> trained = last.namedParameters();
    plain.namedParameters().forEach((k, v) -> assertClose(v, trained.get(k), k));

    Path file = dir.resolve("w.pt");
    last.save(file);
    Nb201Network loaded = Nb201Network.supernet(SHAPE, 8);
    loaded.setLayout(TensorLayout.CHANNELS_LAST);
    loaded.load(file);
    assertEquals(List.of(true), layoutsOf(loaded.parameters(), TensorLayout.CHANNELS_LAST));
    loaded.namedParameters().forEach((k, v) -> assertTrue(v.equal(trained.get(k)), k));
  }

  /**
   * A DARTS network's weights cannot carry the order (depthwise and 1x1 kernels look NCHW), so a
   * channels-last batch must: one-channel images laid out NHWC, the same loss as NCHW and an SGD
   * step to the same weights. (Over many steps the two drift apart as two seeds do: training
   * amplifies rounding.)
   */
  @Test
  void channelsLastBatches_carryTheOrderIntoDarts_withTheSameGradients() {
    Tensor nchw = randn(8, 1, 28, 28);
    Tensor nhwc = TensorLayout.CHANNELS_LAST.layOut(nchw);
    assertEquals(1, nhwc.stride(1), "a one-channel batch gets NHWC strides");
    assertTrue(nhwc.equal(nchw));
    assertTrue(TensorLayout.CONTIGUOUS.layOut(nchw).is_contiguous());

    DartsGenotype g = DartsSpace.INSTANCE.sample(new SplittableRandom(6));
    NetworkShape shape = new NetworkShape(1, 10, 4, 2, BatchNormMode.RUNNING);
    DartsNetwork plain = DartsNetwork.standalone(shape, g, 3);
    DartsNetwork last = DartsNetwork.standalone(shape, g, 3);
    last.setLayout(TensorLayout.CHANNELS_LAST);
    plain.train(true);
    last.train(true);
    TrainConfig train = new TrainConfig(1, 8, 0, 0.05, 0.001, 0.9, 5e-4, 5.0, 1);
    SposStep<DartsGenotype> plainStep = new SposStep<>(plain, train);
    SposStep<DartsGenotype> lastStep = new SposStep<>(last, train);
    manual_seed(4);
    try (PointerScope scope = new PointerScope()) {
      Tensor images = randn(8, 1, 28, 28);
      Tensor labels = randint(10, new long[] {8});
      double a = plainStep.step(new LabeledBatch(images, labels, 8), g).loss();
      double b = lastStep.step(new LabeledBatch(TensorLayout.CHANNELS_LAST.layOut(images),
          labels, 8), g).loss();
      assertEquals(a, b, 1e-5 * Math.max(1, Math.abs(a)), "loss");
    }
    Map<String, Tensor> trained = last.namedParameters();
    plain.namedParameters().forEach((k, v) -> assertClose(v, trained.get(k), k));
  }

  @Test
  void ofId_namesTheAllowedSpellings() {
    assertEquals(TensorLayout.CHANNELS_LAST, TensorLayout.ofId("channels-last"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TensorLayout.ofId("nhwc"));
    assertTrue(e.getMessage().contains("\"nhwc\"") && e.getMessage().contains("channels-last"),
        e.getMessage());
  }

  /** The distinct answers of "is this 4-d tensor in {@code layout}" over {@code ps}. */
  private static List<Boolean> layoutsOf(TensorVector ps, TensorLayout layout) {
    List<Boolean> seen = new ArrayList<>();
    for (long i = 0; i < ps.size(); i++) {
      Tensor p = ps.get(i);
      // a [C, 1, 1, 1] tensor is in both orders at once
      boolean telling = p.dim() == 4 && p.size(1) * p.size(2) * p.size(3) > 1;
      if (telling && !seen.contains(layout.holds(p))) {
        seen.add(layout.holds(p));
      }
    }
    return seen;
  }

  private static void assertClose(Tensor expected, Tensor actual, String what) {
    double diff = expected.sub(actual).abs().max().item_double();
    double scale = Math.max(1, expected.abs().max().item_double());
    assertTrue(diff <= 1e-4 * scale, what + ": largest difference " + diff);
  }
}
