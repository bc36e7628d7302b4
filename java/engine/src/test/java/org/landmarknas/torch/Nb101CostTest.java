package org.landmarknas.torch;

import static org.bytedeco.pytorch.global.torch.randn;
import static org.bytedeco.pytorch.global.torch.set_num_threads;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.NoGradGuard;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.landmarknas.TestData;
import org.landmarknas.bench.NasLibSample;
import org.landmarknas.space.Nb101Arch;
import org.landmarknas.space.Nb101Op;
import org.landmarknas.space.Nb101Space;
import org.landmarknas.space.NetworkCost;
import org.landmarknas.space.Skeleton;

/**
 * The analytic NB101 cost equals what a built network holds and what its forward pass computes;
 * with the published skeleton it equals the published parameter counts.
 */
final class Nb101CostTest {
  private static final Nb101Space SPACE = Nb101Space.INSTANCE;

  @BeforeAll
  static void threads() {
    set_num_threads(2);
  }

  @ParameterizedTest
  @CsvSource({"1,28,28,8,1", "3,32,32,12,2"})
  void analytic_equalsBuiltParametersAndCountedMacs(int in, int h, int w, int c, int n) {
    Skeleton skeleton = new Skeleton(in, h, w, 10, c, n);
    NetworkShape shape = new NetworkShape(in, 10, c, n, BatchNormMode.BATCH);
    long cheapest = Long.MAX_VALUE;
    long dearest = 0;
    for (Nb101Arch arch : cells(new SplittableRandom(c * 31L + n), 14)) {
      NetworkCost cost = SPACE.labelledCost(arch, skeleton).networkCost();
      Nb101Network net = Nb101Network.standalone(shape, arch, 1);
      assertEquals(cost.parameters(), net.parameterCount(), "parameters of " + arch);
      long counted;
      try (PointerScope scope = new PointerScope(); NoGradGuard g = new NoGradGuard()) {
        MacCounter.start();
        net.forward(randn(2, in, h, w));
        counted = MacCounter.stop();
      }
      assertEquals(cost.macs(), counted, "MACs of " + arch);
      // the class representative is the network Nb101Space.cost describes
      assertEquals(SPACE.cost(arch, skeleton).parameters(),
          Nb101Network.standalone(shape, SPACE.canonical(arch), 1).parameterCount(),
          "parameters of the representative of " + arch);
      cheapest = Math.min(cheapest, cost.macs());
      dearest = Math.max(dearest, cost.macs());
    }
    assertTrue(dearest > 2 * cheapest, "3x3 cells cost more than the bare projection");
  }

  /** The bare input-output cell, a 5-vertex chain of 3x3 convolutions, then sampled cells. */
  private static List<Nb101Arch> cells(SplittableRandom rng, int sampled) {
    List<Nb101Arch> cells = new ArrayList<>();
    cells.add(new Nb101Arch(1 << Nb101Arch.edgeSlot(0, 6),
        Collections.nCopies(Nb101Arch.INTERIOR, Nb101Op.CONV3X3_BN_RELU)));
    int chain = 0;
    for (int v = 0; v < Nb101Arch.VERTICES - 1; v++) {
      chain |= 1 << Nb101Arch.edgeSlot(v, v + 1);
    }
    cells.add(new Nb101Arch(chain, Collections.nCopies(Nb101Arch.INTERIOR,
        Nb101Op.CONV3X3_BN_RELU)));
    for (int i = 0; i < sampled; i++) {
      cells.add(SPACE.sample(rng));
    }
    return cells;
  }

  /** Built at C=128, N=3 on CIFAR-10, a network holds the published {@code params}. */
  @Test
  void publishedSkeleton_holdsThePublishedParameters() {
    NasLibSample<Nb101Arch> table = NasLibSample.nb101(TestData.nb101Table());
    Skeleton s = NasLibSample.NB101_NETWORK;
    NetworkShape shape = new NetworkShape(s.inputChannels(), s.classes(), s.channels(),
        s.cells(), BatchNormMode.BATCH);
    for (int i = 0; i < table.size(); i += 125) {
      NasLibSample.Row<Nb101Arch> row = table.rows().get(i);
      long built = Nb101Network.standalone(shape, row.arch(), 1).parameterCount();
      assertEquals(Math.round(row.paramsMillions() * 1e6), built, row.key());
    }
  }
}
