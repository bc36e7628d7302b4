package org.landmarknas.torch;

import static org.bytedeco.pytorch.global.torch.cross_entropy_loss;
import static org.bytedeco.pytorch.global.torch.randint;
import static org.bytedeco.pytorch.global.torch.randn;
import static org.bytedeco.pytorch.global.torch.set_num_threads;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Tensor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.landmarknas.space.DartsCell;
import org.landmarknas.space.DartsGenotype;
import org.landmarknas.space.DartsOp;
import org.landmarknas.space.DartsSpace;
import org.landmarknas.space.NetworkCost;
import org.landmarknas.space.Skeleton;

/** The DARTS networks: their cost, their shapes, their paths and their gradients. */
final class DartsNetworkTest {
  private static final DartsSpace SPACE = DartsSpace.INSTANCE;
  /** DARTS-V2 as published in DARTS's genotypes.py. */
  static final DartsGenotype DARTS_V2 = SPACE.parse("Genotype(normal=[('sep_conv_3x3', 0),"
      + " ('sep_conv_3x3', 1), ('sep_conv_3x3', 0), ('sep_conv_3x3', 1), ('sep_conv_3x3', 1),"
      + " ('skip_connect', 0), ('skip_connect', 0), ('dil_conv_3x3', 2)],"
      + " normal_concat=[2, 3, 4, 5], reduce=[('max_pool_3x3', 0), ('max_pool_3x3', 1),"
      + " ('skip_connect', 2), ('max_pool_3x3', 1), ('max_pool_3x3', 0), ('skip_connect', 2),"
      + " ('skip_connect', 2), ('max_pool_3x3', 1)], reduce_concat=[2, 3, 4, 5])");
  private static final NetworkShape SMALL = new NetworkShape(1, 10, 4, 1, BatchNormMode.BATCH);

  /** One thread: two OpenMP threads on the shared 2-core machine ran these tests 10x slower. */
  @BeforeAll
  static void threads() {
    set_num_threads(1);
  }

  /** DARTS-V2, a cell of all convolutions reading the cell inputs, then sampled genotypes. */
  private static List<DartsGenotype> genotypes(SplittableRandom rng, int sampled) {
    List<DartsGenotype> g = new ArrayList<>();
    g.add(DARTS_V2);
    List<DartsCell.Edge> edges = new ArrayList<>();
    for (int slot = 0; slot < DartsCell.EDGES; slot++) {
      edges.add(new DartsCell.Edge(slot % 2, DartsOp.ofIndex(3 + slot % 4)));
    }
    DartsCell convs = new DartsCell(edges);
    g.add(new DartsGenotype(convs, convs));
    for (int i = 0; i < sampled; i++) {
      g.add(SPACE.sample(rng));
    }
    return g;
  }

  /** A stand-alone network holds NASLib's count (ops' BNs not affine) and computes its MACs. */
  @ParameterizedTest
  @CsvSource({"1,28,28,4,1", "3,32,32,6,1", "1,28,28,2,2"})
  void standalone_holdsTheCostModelsParameters_andMacs(int in, int h, int w, int c, int n) {
    Skeleton skeleton = new Skeleton(in, h, w, 10, c, n);
    NetworkShape shape = new NetworkShape(in, 10, c, n, BatchNormMode.BATCH);
    for (DartsGenotype g : genotypes(new SplittableRandom(c * 7L + n), 5)) {
      NetworkCost cost = SPACE.nasLibCost(g, skeleton);
      DartsNetwork net = DartsNetwork.standalone(shape, g, 1);
      assertEquals(cost.parameters(), net.parameterCount(), "parameters of " + g);
      long counted;
      try (PointerScope scope = new PointerScope(); NoGradGuard ng = new NoGradGuard()) {
        MacCounter.start();
        Tensor logits = net.forward(randn(2, in, h, w));
        counted = MacCounter.stop();
        assertArrayEquals(new long[] {2, 10}, logits.sizes().vec().get());
      }
      assertEquals(cost.macs(), counted, "MACs of " + g);
    }
  }

  /** DARTS's CIFAR-10 network of DARTS-V2: the published 3,349,342 less the ops' BN affines. */
  @Test
  void standalone_dartsV2AtCifar20_isNasLibsCount() {
    Skeleton cifar20 = new Skeleton(3, 32, 32, 10, 36, 6);
    DartsNetwork net = DartsNetwork.standalone(
        new NetworkShape(3, 10, 36, 6, BatchNormMode.RUNNING), DARTS_V2, 0);
    assertEquals(SPACE.nasLibCost(DARTS_V2, cifar20).parameters(), net.parameterCount());
    assertTrue(net.parameterCount() < 3_349_342 && net.parameterCount() > 3_200_000,
        "parameters: " + net.parameterCount());
  }

  /** In either sharing, normal cells keep the image and give 4C channels; reductions halve it. */
  @ParameterizedTest
  @EnumSource(DartsSharing.class)
  void cells_giveFourNodesOfChannels_reductionHalvesTheImage(DartsSharing sharing) {
    NetworkBuilder init = new NetworkBuilder();
    Module root = new Module("cells");
    DartsCellModule.Context ctx = new DartsCellModule.Context(BatchNormMode.BATCH, init,
        new AvgPool3x3(1), new AvgPool3x3(2));
    DartsCellModule normal = DartsCellModule.supernet(root, "normal",
        new DartsCellModule.Position(12, 16, 4, false, true), sharing, ctx);
    DartsCellModule reduce = DartsCellModule.supernet(root, "reduce",
        new DartsCellModule.Position(12, 16, 8, true, false), sharing, ctx);
    SplittableRandom rng = new SplittableRandom(2);
    try (PointerScope scope = new PointerScope(); NoGradGuard ng = new NoGradGuard()) {
      for (int i = 0; i < 5; i++) {
        DartsGenotype g = SPACE.sample(rng);
        assertArrayEquals(new long[] {2, 16, 14, 14}, normal.forward(randn(2, 12, 28, 28),
            randn(2, 16, 14, 14), g.normal()).sizes().vec().get(), g.toString());
        assertArrayEquals(new long[] {2, 32, 7, 7}, reduce.forward(randn(2, 12, 14, 14),
            randn(2, 16, 14, 14), g.reduce()).sizes().vec().get(), g.toString());
      }
    }
  }

  /** The layers of {@code g}'s path in a super-net sharing as {@code sharing}, as prefixes. */
  private static Set<String> pathLayers(DartsGenotype g, int layers, DartsSharing sharing) {
    Set<String> on = new HashSet<>();
    for (int i = 0; i < layers; i++) {
      boolean reduction = i == layers / 3 || i == 2 * layers / 3;
      for (int slot = 0; slot < DartsCell.EDGES; slot++) {
        DartsCell.Edge e = g.cell(reduction).edge(slot);
        on.add("cell" + i + "." + sharing.setName(slot, e.input(), reduction) + "."
            + e.op().id() + ".");
      }
    }
    return on;
  }

  /**
   * Exactly the path's ops get gradients, in either sharing; the skeleton and the preprocessing
   * always do.
   */
  @ParameterizedTest
  @EnumSource(DartsSharing.class)
  void backward_onlyThePathsOpsGetGradients(DartsSharing sharing) {
    DartsNetwork net = DartsNetwork.supernet(SMALL, sharing, 1);
    SplittableRandom rng = new SplittableRandom(4);
    for (DartsGenotype g : List.of(DARTS_V2, SPACE.sample(rng), SPACE.sample(rng))) {
      net.module().zero_grad(true);
      Set<String> on = pathLayers(g, DartsNetwork.layers(SMALL), sharing);
      int opsWithGrad = 0;
      try (PointerScope scope = new PointerScope()) {
        cross_entropy_loss(net.forward(randn(4, 1, 28, 28), g), randint(10, new long[] {4}))
            .backward();
        for (Map.Entry<String, Tensor> p : net.namedParameters().entrySet()) {
          String name = p.getKey();
          boolean op = name.matches("cell\\d+\\.(edge|node).*");
          boolean expected = !op || on.stream().anyMatch(name::startsWith);
          assertEquals(expected, p.getValue().grad().defined(), g + ": " + name);
          opsWithGrad += op && expected ? 1 : 0;
        }
      }
      assertTrue(opsWithGrad > 0 || g.equals(DARTS_V2), g.toString());
    }
  }

  /**
   * A super-net path without pools is the stand-alone network whose weights are the path's
   * (the super-net normalises its pools' outputs, the stand-alone network does not).
   */
  @Test
  void supernetPath_equalsStandaloneWithTheSameWeights() {
    NetworkShape shape = new NetworkShape(1, 10, 4, 1, BatchNormMode.BATCH);
    DartsNetwork supernet = DartsNetwork.supernet(shape, 3);
    Map<String, Tensor> shared = supernet.namedParameters();
    SplittableRandom rng = new SplittableRandom(9);
    List<DartsGenotype> poolFree = new ArrayList<>();
    for (DartsGenotype sampled : genotypes(rng, 3)) {
      DartsGenotype g = sampled;
      for (int slot = 0; slot < DartsGenotype.SLOTS; slot++) {
        DartsCell.Edge e = g.edge(slot);
        if (e.op().isPool()) { // a pool becomes the op two places on: skip or a convolution
          DartsOp op = DartsOp.ofIndex(e.op().ordinal() + 2);
          g = g.withEdge(slot, new DartsCell.Edge(e.input(), op));
        }
      }
      poolFree.add(g);
    }
    for (DartsGenotype g : poolFree) {
      DartsNetwork standalone = DartsNetwork.standalone(shape, g, 4);
      try (PointerScope scope = new PointerScope(); NoGradGuard ng = new NoGradGuard()) {
        for (Map.Entry<String, Tensor> p : standalone.namedParameters().entrySet()) {
          assertTrue(shared.containsKey(p.getKey()), p.getKey());
          p.getValue().copy_(shared.get(p.getKey()));
        }
        Tensor x = randn(3, 1, 28, 28);
        Tensor a = supernet.forward(x, g);
        Tensor b = standalone.forward(x);
        assertTrue(a.allclose(b, 1e-4, 1e-5, false), g + ": max difference "
            + a.sub(b).abs().max().item_double());
      }
    }
  }

  /** Plain SGD on one fixed batch drives the stand-alone network's loss down. */
  @Test
  void standalone_sgdSteps_lowerTheLossOnAFixedBatch() {
    DartsNetwork net = DartsNetwork.standalone(SMALL, DARTS_V2, 5);
    SposStep<DartsGenotype> step = new SposStep<>(net,
        new org.landmarknas.config.TrainConfig(1, 16, 0, 0.05, 0.05, 0.9, 0.0, 5.0, 2));
    Tensor images = randn(16, 1, 28, 28);
    Tensor labels = randint(10, new long[] {16});
    LabeledBatch batch = new LabeledBatch(images, labels, 16);
    double first = Double.NaN;
    double last = Double.NaN;
    for (int s = 0; s < 15; s++) {
      try (PointerScope scope = new PointerScope()) {
        last = step.step(batch, DARTS_V2).loss();
      }
      first = s == 0 ? last : first;
    }
    assertTrue(last < 0.5 * first, "loss " + first + " -> " + last);
  }

  @Test
  void standalone_runsOnlyItsGenotype_andASupernetNeedsOne() {
    DartsNetwork standalone = DartsNetwork.standalone(SMALL, DARTS_V2, 1);
    DartsNetwork supernet = DartsNetwork.supernet(SMALL, 1);
    assertTrue(standalone.parameterCount() < supernet.parameterCount());
    DartsGenotype other = DARTS_V2.withEdge(0, new DartsCell.Edge(0, DartsOp.SEP_CONV_5X5));
    try (PointerScope scope = new PointerScope()) {
      assertThrows(IllegalArgumentException.class,
          () -> standalone.forward(randn(2, 1, 28, 28), other));
      assertThrows(IllegalStateException.class, () -> supernet.forward(randn(2, 1, 28, 28)));
      assertThrows(IllegalArgumentException.class,
          () -> supernet.forward(randn(2, 1, 30, 30), DARTS_V2));
    }
    assertThrows(IllegalArgumentException.class, () -> DartsNetwork.supernet(
        new NetworkShape(1, 10, 5, 1, BatchNormMode.BATCH), 1));
  }

  /**
   * With running BN the super-net's pools keep running statistics too (their BNs have nothing
   * else), which recalibration resets; eval mode then computes differently from training mode.
   */
  @Test
  void runningBatchNorm_poolsHaveStatistics_andEvalDiffers() {
    DartsNetwork net = DartsNetwork.supernet(
        new NetworkShape(1, 10, 4, 1, BatchNormMode.RUNNING), 1);
    long poolBuffers = 0;
    for (int i = 0; i < net.module().named_buffers(true).size(); i++) {
      poolBuffers += net.module().named_buffers(true).get(i).key().getString()
          .contains("pool_3x3_bn.") ? 1 : 0;
    }
    // 5 cells: 8 + 14 + 8 + 14 + 8 = 52 mixed ops, two pools each, mean and variance each
    assertEquals(52 * 2 * 2, poolBuffers);
    try (PointerScope scope = new PointerScope(); NoGradGuard ng = new NoGradGuard()) {
      Tensor x = randn(8, 1, 28, 28);
      net.train(true);
      Tensor train = net.forward(x, DARTS_V2);
      net.train(false);
      assertTrue(!train.allclose(net.forward(x, DARTS_V2)), "eval uses running statistics");
      net.batchNorms().forEach(BatchNorm2d::resetRunningStats);
    }
  }

  /**
   * SPOS sharing: 8 mixed ops per normal cell, 8 + 6 per reduction cell (node 2 reads only the
   * cell inputs, so its two slots have no stride-1 set there); per-edge sharing: 14 per cell.
   */
  @Test
  void mixedOps_perCell_followTheSharing() {
    NetworkShape shape = new NetworkShape(1, 10, 2, 1, BatchNormMode.BATCH);
    Map<DartsSharing, List<Integer>> expected = Map.of(DartsSharing.SLOT,
        List.of(8, 14, 8, 14, 8), DartsSharing.EDGE, List.of(14, 14, 14, 14, 14));
    for (DartsSharing sharing : DartsSharing.values()) {
      DartsNetwork net = DartsNetwork.supernet(shape, sharing, 1);
      List<Integer> sets = new ArrayList<>();
      for (int i = 0; i < DartsNetwork.layers(shape); i++) {
        String prefix = "cell" + i + ".";
        sets.add((int) net.namedParameters().keySet().stream()
            .filter(n -> n.startsWith(prefix) && !n.startsWith(prefix + "preprocess"))
            .map(n -> n.substring(0, n.indexOf('.', prefix.length())))
            .distinct().count());
      }
      assertEquals(expected.get(sharing), sets, sharing.toString());
    }
  }

  /**
   * Weights round-trip; a stand-alone network reads its own ops out of a super-net's file (its
   * names are the super-net's), while a super-net cannot load a stand-alone network's.
   */
  @Test
  void saveAndLoad_roundTripsEveryParameter_andCutsAStandaloneFromASupernet(@TempDir Path dir) {
    DartsNetwork a = DartsNetwork.supernet(SMALL, 1);
    DartsNetwork b = DartsNetwork.supernet(SMALL, 2);
    Path file = dir.resolve("supernet.pt");
    a.save(file);
    b.load(file);
    Map<String, Tensor> pa = a.namedParameters();
    b.namedParameters().forEach((k, v) -> assertTrue(v.equal(pa.get(k)), k));
    DartsNetwork cut = DartsNetwork.standalone(SMALL, DARTS_V2, 3);
    cut.load(file);
    cut.namedParameters().forEach((k, v) -> assertTrue(v.equal(pa.get(k)), k));
    Path own = dir.resolve("standalone.pt");
    cut.save(own);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> b.load(own));
    assertTrue(e.getMessage().contains(own.toString()), e.getMessage());
  }

  @Test
  void supernetSpace_isRegisteredAsDarts_andBuildsBothFlavours() {
    assertEquals(DartsSupernetSpace.INSTANCE, SupernetSpaces.byName("darts"));
    assertEquals(SPACE, SupernetSpaces.byName("darts").space());
    assertTrue(DartsSupernetSpace.INSTANCE.supernet(SMALL, 1) instanceof DartsNetwork);
    DartsNetwork s = (DartsNetwork) DartsSupernetSpace.INSTANCE.standalone(SMALL, DARTS_V2, 1);
    assertEquals(DARTS_V2, s.fixedArch().orElseThrow());
  }
}
