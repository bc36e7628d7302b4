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

import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.StringTensorDict;
import org.bytedeco.pytorch.Tensor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landmarknas.space.Nb101Arch;
import org.landmarknas.space.Nb101Op;
import org.landmarknas.space.Nb101Space;

final class Nb101NetworkTest {
  private static final NetworkShape SMALL = new NetworkShape(1, 10, 5, 1, BatchNormMode.BATCH);
  private static final Nb101Space SPACE = Nb101Space.INSTANCE;
  /**
   * 0->1->2(maxpool)->out, 0->3(conv1x1)->out; 0->4 dangles and 5 is isolated, so pruning drops
   * them. With C=5 the two output feeders get 3 and 2 channels and vertex 1 takes 3.
   */
  private static final Nb101Arch PRUNED = SPACE.parse(
      "0101100/0010000/0000001/0000001/0000000/0000000/0000000:"
          + "conv3x3-bn-relu/maxpool3x3/conv1x1-bn-relu/conv3x3-bn-relu/conv1x1-bn-relu");

  @BeforeAll
  static void threads() {
    set_num_threads(2);
  }

  @Test
  void forward_sampledPaths_giveLogitsPerImage() {
    Nb101Network net = Nb101Network.supernet(SMALL, 1);
    Nb101Network cifar = Nb101Network.supernet(
        new NetworkShape(3, 10, 8, 2, BatchNormMode.BATCH), 1);
    SplittableRandom rng = new SplittableRandom(3);
    for (int i = 0; i < 8; i++) {
      Nb101Arch arch = SPACE.sample(rng);
      try (PointerScope scope = new PointerScope()) {
        assertArrayEquals(new long[] {6, 10},
            net.forward(randn(6, 1, 28, 28), arch).sizes().vec().get(), arch.toString());
        assertArrayEquals(new long[] {2, 10},
            cifar.forward(randn(2, 3, 32, 32), arch).sizes().vec().get(), arch.toString());
      }
    }
  }

  @Test
  void forward_inputToOutputOnly_isTheProjection() {
    Nb101Arch bare = new Nb101Arch(1 << Nb101Arch.edgeSlot(0, 6),
        Collections.nCopies(Nb101Arch.INTERIOR, Nb101Op.MAXPOOL3X3));
    Nb101Network standalone = Nb101Network.standalone(SMALL, bare, 2);
    assertTrue(standalone.namedParameters().keySet().stream()
        .filter(n -> n.startsWith("stack")).allMatch(n -> n.contains(".output.projection.")));
    try (PointerScope scope = new PointerScope()) {
      assertArrayEquals(new long[] {3, 10},
          standalone.forward(randn(3, 1, 28, 28)).sizes().vec().get());
    }
  }

  @Test
  void backward_onlyLayersOnThePathGetGradients() {
    Nb101Network net = Nb101Network.supernet(SMALL, 1);
    Set<String> onPath = Set.of("vertex1.projection", "vertex1.conv3x3", "vertex3.projection",
        "vertex3.conv1x1");
    try (PointerScope scope = new PointerScope()) {
      cross_entropy_loss(net.forward(randn(4, 1, 28, 28), PRUNED), randint(10, new long[] {4}))
          .backward();
      int cellLayersWithGrad = 0;
      for (Map.Entry<String, Tensor> p : net.namedParameters().entrySet()) {
        String name = p.getKey();
        boolean expected = !name.startsWith("stack")
            || onPath.stream().anyMatch(l -> name.contains("." + l + "."));
        assertEquals(expected, p.getValue().grad().defined(), name);
        cellLayersWithGrad += expected && name.startsWith("stack") ? 1 : 0;
      }
      assertEquals(3 * 4 * 3, cellLayersWithGrad, "conv, BN weight, BN bias of 4 layers x 3");
      // vertex 1 is 3 channels wide: its conv's other filters get a zero gradient
      Tensor g = net.namedParameters().get("stack0_cell0.vertex1.conv3x3.conv_weight").grad();
      assertEquals(0.0, g.narrow(0, 3, 2).abs().sum().item_double());
      assertTrue(g.narrow(0, 0, 3).narrow(1, 0, 3).abs().sum().item_double() > 0);
      assertEquals(0.0, g.narrow(1, 3, 2).abs().sum().item_double(), "inputs beyond 3");
    }
  }

  @Test
  void standalone_holdsOnlyItsOwnLayers_andRunsOnlyItsOwnCell() {
    Nb101Network standalone = Nb101Network.standalone(SMALL, PRUNED, 5);
    Nb101Network supernet = Nb101Network.supernet(SMALL, 5);
    Set<String> layers = new TreeSet<>();
    standalone.namedParameters().keySet().stream()
        .filter(n -> n.startsWith("stack0") && n.endsWith(".conv_weight"))
        .forEach(n -> layers.add(n.substring(n.indexOf('.') + 1, n.lastIndexOf('.'))));
    assertEquals(new TreeSet<>(Set.of("vertex1.projection", "vertex1.conv3x3",
        "vertex3.projection", "vertex3.conv1x1")), layers);
    assertArrayEquals(new long[] {3, 5, 1, 1}, standalone.namedParameters()
        .get("stack0_cell0.vertex1.projection.conv_weight").sizes().vec().get());
    assertTrue(standalone.parameterCount() < supernet.parameterCount());
    try (PointerScope scope = new PointerScope()) {
      assertThrows(IllegalArgumentException.class, () -> standalone.forward(
          randn(2, 1, 28, 28), PRUNED.withOp(3, Nb101Op.CONV3X3_BN_RELU)));
      assertThrows(IllegalStateException.class, () -> supernet.forward(randn(2, 1, 28, 28)));
      Nb101Arch disconnected = new Nb101Arch(0, PRUNED.ops());
      assertThrows(IllegalArgumentException.class,
          () -> supernet.forward(randn(2, 1, 28, 28), disconnected));
      assertThrows(IllegalArgumentException.class,
          () -> Nb101Network.standalone(SMALL, disconnected, 1));
    }
  }

  /** A super-net path is the stand-alone network whose weights are the path's slices. */
  @Test
  void supernetPath_equalsStandaloneWithSlicedWeights() {
    NetworkShape shape = new NetworkShape(1, 10, 7, 2, BatchNormMode.BATCH);
    Nb101Network supernet = Nb101Network.supernet(shape, 3);
    Map<String, Tensor> shared = supernet.namedParameters();
    SplittableRandom rng = new SplittableRandom(9);
    for (int i = 0; i < 6; i++) {
      Nb101Arch arch = i == 0 ? PRUNED : SPACE.sample(rng);
      Nb101Network standalone = Nb101Network.standalone(shape, arch, 4);
      try (PointerScope scope = new PointerScope(); NoGradGuard g = new NoGradGuard()) {
        for (Map.Entry<String, Tensor> p : standalone.namedParameters().entrySet()) {
          p.getValue().copy_(prefix(shared.get(p.getKey()), p.getValue()));
        }
        Tensor x = randn(4, 1, 28, 28);
        Tensor a = supernet.forward(x, arch);
        Tensor b = standalone.forward(x);
        assertTrue(a.allclose(b, 1e-4, 1e-5, false), arch + ": max difference "
            + a.sub(b).abs().max().item_double());
      }
    }
  }

  private static Tensor prefix(Tensor wide, Tensor like) {
    Tensor t = wide;
    for (int d = 0; d < like.dim(); d++) {
      t = t.narrow(d, 0, like.size(d));
    }
    return t;
  }

  @Test
  void runningBatchNorm_updatesOnlyThePathsChannels_andEvalDiffers() {
    Nb101Network net = Nb101Network.supernet(
        new NetworkShape(1, 10, 5, 1, BatchNormMode.RUNNING), 1);
    try (PointerScope scope = new PointerScope(); NoGradGuard g = new NoGradGuard()) {
      Tensor x = randn(8, 1, 28, 28);
      net.train(true);
      Tensor train = net.forward(x, PRUNED);
      Tensor mean = buffer(net, "stack0_cell0.vertex1.conv3x3.bn.running_mean");
      assertTrue(mean.narrow(0, 0, 3).abs().sum().item_double() > 0, "path channels updated");
      assertEquals(0.0, mean.narrow(0, 3, 2).abs().sum().item_double(), "others untouched");
      assertEquals(0.0, buffer(net, "stack0_cell0.vertex2.conv3x3.bn.running_mean").abs().sum()
          .item_double(), "a layer off the path");
      net.train(false);
      assertFalse(train.allclose(net.forward(x, PRUNED)));
      for (BatchNorm2d bn : net.batchNorms()) {
        bn.resetRunningStats();
      }
      assertEquals(0.0, mean.abs().sum().item_double());
    }
  }

  private static Tensor buffer(Nb101Network net, String name) {
    StringTensorDict buffers = net.module().named_buffers(true);
    for (long i = 0; i < buffers.size(); i++) {
      if (buffers.get(i).key().getString().equals(name)) {
        return new Tensor(buffers.get(i).value());
      }
    }
    throw new AssertionError("no buffer " + name);
  }

  @Test
  void saveAndLoad_roundTripsEveryParameter(@TempDir Path dir) {
    Nb101Network a = Nb101Network.supernet(SMALL, 1);
    Nb101Network b = Nb101Network.supernet(SMALL, 2);
    Path file = dir.resolve("supernet.pt");
    a.save(file);
    b.load(file);
    Map<String, Tensor> pa = a.namedParameters();
    b.namedParameters().forEach((k, v) -> assertTrue(v.equal(pa.get(k)), k));
    Nb101Network standalone = Nb101Network.standalone(SMALL, PRUNED, 1);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> standalone.load(file));
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
  }

  @Test
  void supernetSpace_isRegisteredAsNb101() {
    assertEquals(Nb101SupernetSpace.INSTANCE, SupernetSpaces.byName("nb101"));
    assertEquals(SPACE, SupernetSpaces.byName("nb101").space());
    assertTrue(Nb101SupernetSpace.INSTANCE.supernet(SMALL, 1) instanceof Nb101Network);
  }
}
