package org.landmarknas.torch;

import static org.bytedeco.pytorch.global.torch.randn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.NoGradGuard;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.landmarknas.space.Nb201Arch;
import org.landmarknas.space.Nb201Space;
import org.landmarknas.space.NetworkCost;
import org.landmarknas.space.Skeleton;

/** The analytic cost equals what a built network holds and what its forward pass computes. */
final class Nb201CostTest {

  @ParameterizedTest
  @CsvSource({"1,28,28,8,1", "3,32,32,16,1", "3,32,32,4,2"})
  void analytic_equalsBuiltParametersAndCountedMacs(int in, int h, int w, int c, int n) {
    SplittableRandom rng = new SplittableRandom(c * 31L + n);
    long cheapest = Long.MAX_VALUE;
    long dearest = 0;
    for (int i = 0; i < 40; i++) {
      Nb201Arch arch = i == 0 ? Nb201Arch.ofIndices(0, 0, 0, 1, 0, 0) // 3<-0 skip only
          : i == 1 ? Nb201Arch.ofIndices(3, 3, 3, 3, 3, 3) : Nb201Space.INSTANCE.sample(rng);
      if (!arch.isConnected()) {
        continue;
      }
      NetworkCost cost = Nb201Space.INSTANCE.cost(arch, new Skeleton(in, h, w, 10, c, n));
      Nb201Network net = Nb201Network.standalone(
          new NetworkShape(in, 10, c, n, BatchNormMode.BATCH), arch, 1);
      assertEquals(net.parameterCount(), cost.parameters(), "parameters of " + arch);
      long counted;
      try (PointerScope scope = new PointerScope(); NoGradGuard g = new NoGradGuard()) {
        MacCounter.start();
        net.forward(randn(2, in, h, w));
        counted = MacCounter.stop();
      }
      assertEquals(counted, cost.macs(), "MACs of " + arch);
      cheapest = Math.min(cheapest, cost.macs());
      dearest = Math.max(dearest, cost.macs());
    }
    assertTrue(dearest > 2 * cheapest, "conv cells cost more than skip cells");
  }
}
