package org.landmarknas.torch;

import static org.bytedeco.pytorch.global.torch.cross_entropy_loss;
import static org.bytedeco.pytorch.global.torch.randint;
import static org.bytedeco.pytorch.global.torch.randn;
import static org.bytedeco.pytorch.global.torch.set_num_threads;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Tensor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.landmarknas.space.Nb201Arch;
import org.landmarknas.space.Nb201Op;
import org.landmarknas.space.Nb201Space;

final class Nb201NetworkTest {
  private static final NetworkShape SMALL = new NetworkShape(1, 10, 4, 1, BatchNormMode.BATCH);

  @BeforeAll
  static void threads() {
    set_num_threads(2);
  }

  @Test
  void forward_sampledPath_givesLogitsPerImage() {
    Nb201Network net = Nb201Network.supernet(SMALL, 1);
    SplittableRandom rng = new SplittableRandom(3);
    for (int i = 0; i < 5; i++) {
      try (PointerScope scope = new PointerScope()) {
        Tensor logits = net.forward(randn(6, 1, 28, 28), Nb201Space.INSTANCE.sample(rng));
        assertArrayEquals(new long[] {6, 10}, logits.sizes().vec().get());
      }
    }
  }

  @Test
  void forward_paperSizeAndCifarInput_works() {
    Nb201Network net = Nb201Network.supernet(
        new NetworkShape(3, 10, 16, 5, BatchNormMode.BATCH), 2);
    try (PointerScope scope = new PointerScope()) {
      Tensor logits = net.forward(randn(2, 3, 32, 32), Nb201Arch.parse(
          "|nor_conv_3x3~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_3x3~1|skip_connect~2|"));
      assertArrayEquals(new long[] {2, 10}, logits.sizes().vec().get());
    }
  }

  @Test
  void backward_onlyOpsOnThePathGetGradients() {
    Nb201Network net = Nb201Network.supernet(SMALL, 1);
    // 2<-1 conv1x1 is dead (node 2 feeds nothing that reaches the output); 3<-2 is none.
    Nb201Arch arch = Nb201Arch.parse(
        "|nor_conv_3x3~0|+|avg_pool_3x3~0|nor_conv_1x1~1|+|skip_connect~0|nor_conv_1x1~1|none~2|");
    try (PointerScope scope = new PointerScope()) {
      cross_entropy_loss(net.forward(randn(4, 1, 28, 28), arch), randint(10, new long[] {4}))
          .backward();
      List<String> withGrad = new ArrayList<>();
      for (Map.Entry<String, Tensor> p : net.namedParameters().entrySet()) {
        if (p.getValue().grad().defined()) {
          withGrad.add(p.getKey());
        }
      }
      for (String name : net.namedParameters().keySet()) {
        boolean cellOp = name.contains(".edge");
        boolean onPath = name.contains("edge1_0.nor_conv_3x3") || name.contains("edge3_1.nor_conv_1x1");
        if (!cellOp || onPath) {
          assertTrue(withGrad.contains(name), "expected a gradient for " + name);
        } else {
          assertFalse(withGrad.contains(name), "op off the path got a gradient: " + name);
        }
      }
    }
  }

  @Test
  void forward_disconnectedCell_stillProducesLogits() {
    Nb201Network net = Nb201Network.supernet(SMALL, 1);
    Nb201Arch none = Nb201Arch.ofIndices(0, 0, 0, 0, 0, 0);
    try (PointerScope scope = new PointerScope()) {
      Tensor logits = net.forward(randn(3, 1, 28, 28), none);
      assertArrayEquals(new long[] {3, 10}, logits.sizes().vec().get());
    }
  }

  @Test
  void standalone_holdsOnlyItsOwnOps() {
    Nb201Arch arch = Nb201Arch.parse(
        "|nor_conv_3x3~0|+|none~0|none~1|+|skip_connect~0|nor_conv_1x1~1|none~2|");
    Nb201Network standalone = Nb201Network.standalone(SMALL, arch, 5);
    Nb201Network supernet = Nb201Network.supernet(SMALL, 5);
    long cellOps = standalone.namedParameters().keySet().stream()
        .filter(n -> n.contains(".edge")).map(n -> n.substring(0, n.lastIndexOf(".nor_conv") + 13))
        .distinct().count();
    assertEquals(2 * 3, cellOps, "one conv3x3 and one conv1x1 per cell, 3 cells");
    assertTrue(standalone.parameterCount() < supernet.parameterCount());
    try (PointerScope scope = new PointerScope()) {
      assertArrayEquals(new long[] {2, 10},
          standalone.forward(randn(2, 1, 28, 28)).sizes().vec().get());
      assertThrows(IllegalArgumentException.class, () -> standalone.forward(
          randn(2, 1, 28, 28), arch.with(0, Nb201Op.NOR_CONV_1X1)));
      assertThrows(IllegalStateException.class, () -> supernet.forward(randn(2, 1, 28, 28)));
    }
  }

  @Test
  void init_sameSeedSameWeights_otherSeedOtherWeights() {
    Tensor a = Nb201Network.supernet(SMALL, 7).namedParameters().get("classifier_weight");
    Tensor b = Nb201Network.supernet(SMALL, 7).namedParameters().get("classifier_weight");
    Tensor c = Nb201Network.supernet(SMALL, 8).namedParameters().get("classifier_weight");
    assertTrue(a.equal(b));
    assertFalse(a.equal(c));
  }

  @Test
  void runningBatchNorm_evalModeDiffersFromTrainMode() {
    Nb201Network net = Nb201Network.supernet(
        new NetworkShape(1, 10, 4, 1, BatchNormMode.RUNNING), 1);
    Nb201Arch arch = Nb201Arch.parse(
        "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_1x1~1|+|skip_connect~0|nor_conv_1x1~1|avg_pool_3x3~2|");
    try (PointerScope scope = new PointerScope()) {
      Tensor x = randn(8, 1, 28, 28);
      net.train(true);
      Tensor train = net.forward(x, arch);
      net.train(false);
      Tensor eval = net.forward(x, arch);
      assertFalse(train.allclose(eval));
    }
  }

  @Test
  void saveAndLoad_roundTripsEveryParameter(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
    Nb201Network a = Nb201Network.supernet(SMALL, 1);
    Nb201Network b = Nb201Network.supernet(SMALL, 2);
    java.nio.file.Path file = dir.resolve("supernet.pt");
    a.save(file);
    b.load(file);
    Map<String, Tensor> pa = a.namedParameters();
    b.namedParameters().forEach((k, v) -> assertTrue(v.equal(pa.get(k)), k));
    Nb201Network other = Nb201Network.supernet(new NetworkShape(1, 10, 8, 1, BatchNormMode.BATCH), 1);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> other.load(file));
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> b.load(dir.resolve("missing.pt")));
  }
}
