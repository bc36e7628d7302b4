package org.landmarknas.torch;

import static org.bytedeco.pytorch.global.torch.set_num_threads;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Tensor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.landmarknas.TestData;
import org.landmarknas.config.TrainConfig;
import org.landmarknas.data.Augmentation;
import org.landmarknas.data.BatchAssembler;
import org.landmarknas.data.BatchOrder;
import org.landmarknas.data.DataLocation;
import org.landmarknas.data.ImageDataset;
import org.landmarknas.space.Nb201Arch;
import org.landmarknas.space.Nb201Space;

final class SposStepTest {
  private static ImageDataset data;

  @BeforeAll
  static void load() {
    set_num_threads(2);
    TestData.fashionMnist();
    data = DataLocation.system().load("fashion-mnist", Optional.empty());
  }

  private static TrainConfig train() {
    return new TrainConfig(1, 64, 0, 0.05, 0.001, 0.9, 5e-4, 5.0, 2);
  }

  /** A few hundred uniform single-path steps on real images clearly reduce the training loss. */
  @Test
  void sposTraining_onFashionMnist_reducesLoss() {
    Nb201Network net = Nb201Network.supernet(
        new NetworkShape(1, 10, 8, 1, BatchNormMode.BATCH), 11);
    SposStep<Nb201Arch> step = new SposStep<>(net, train());
    TensorBatcher batcher = new TensorBatcher(new BatchAssembler(data.train().head(20_000),
        data.normalization(), new Augmentation(2, true)), 64);
    SplittableRandom rng = new SplittableRandom(5);
    int[] all = new int[20_000];
    for (int i = 0; i < all.length; i++) {
      all[i] = i;
    }
    int[] order = BatchOrder.epochOrder(all, rng);
    int steps = 240;
    double first = 0;
    double last = 0;
    int window = 30;
    for (int s = 0; s < steps; s++) {
      SposStep.StepResult r;
      try (PointerScope scope = new PointerScope()) {
        r = step.step(batcher.batch(order, s * 64, 64, true, rng),
            Nb201Space.INSTANCE.sample(rng));
      }
      assertTrue(Double.isFinite(r.loss()), "loss at step " + s);
      if (s < window) {
        first += r.loss() / window;
      } else if (s >= steps - window) {
        last += r.loss() / window;
      }
    }
    assertTrue(first > 2.0, "an untrained 10-class net starts near ln 10, got " + first);
    assertTrue(last < first - 0.7, String.format(Locale.ROOT,
        "mean loss of the first %d steps %.3f, of the last %d steps %.3f", window, first, window,
        last));
  }

  /** Ops off the path keep their exact weights: no gradient, no weight decay, no momentum. */
  @Test
  void step_leavesWeightsOffThePathUntouched() {
    Nb201Network net = Nb201Network.supernet(
        new NetworkShape(1, 10, 4, 1, BatchNormMode.BATCH), 3);
    SposStep<Nb201Arch> step = new SposStep<>(net, train());
    Map<String, Tensor> before = new HashMap<>();
    net.namedParameters().forEach((k, v) -> before.put(k, v.detach().clone()));
    Nb201Arch arch = Nb201Arch.parse(
        "|nor_conv_3x3~0|+|none~0|none~1|+|skip_connect~0|nor_conv_1x1~1|none~2|");
    TensorBatcher batcher = new TensorBatcher(new BatchAssembler(data.train().head(256),
        data.normalization(), Augmentation.NONE), 32);
    SplittableRandom rng = new SplittableRandom(1);
    int[] order = new int[256];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    for (int s = 0; s < 3; s++) {
      try (PointerScope scope = new PointerScope()) {
        step.step(batcher.batch(order, s * 32, 32, false, rng), arch);
      }
    }
    int changed = 0;
    for (Map.Entry<String, Tensor> p : net.namedParameters().entrySet()) {
      boolean same = p.getValue().equal(before.get(p.getKey()));
      String n = p.getKey();
      boolean onPath = !n.contains(".edge") || n.contains("edge1_0.nor_conv_3x3")
          || n.contains("edge3_1.nor_conv_1x1");
      if (onPath) {
        assertFalse(same, "on-path parameter not updated: " + n);
        changed++;
      } else {
        assertTrue(same, "off-path parameter changed: " + n);
      }
    }
    assertEquals(true, changed > 10);
  }
}
