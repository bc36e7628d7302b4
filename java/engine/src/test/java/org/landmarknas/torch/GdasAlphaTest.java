package org.landmarknas.torch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.NoGradGuard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landmarknas.config.ArchitectAdam;
import org.landmarknas.space.Nb201Arch;

/** τ's schedule, α's entropy, GDAS's final choice, α's checkpoint and its Adam's rate. */
final class GdasAlphaTest {
  @TempDir Path tmp;

  @Test
  void temperature_runsFromTenToOneTenthOverThePolicyEpochs() {
    GdasTemperature t = new GdasTemperature(2, 7);
    assertEquals(10.0, t.at(2));
    assertEquals(0.1, t.at(6), 1e-12);
    assertEquals(10.0 - 9.9 / 2, t.at(4), 1e-12);
    assertTrue(!t.policyEpoch(1) && t.policyEpoch(2));
    assertThrows(IllegalArgumentException.class, () -> t.at(1));
    assertEquals(10.0, new GdasTemperature(0, 1).at(0));
    assertThrows(IllegalArgumentException.class, () -> new GdasTemperature(3, 3));
    assertThrows(IllegalArgumentException.class, () -> new GdasTemperature(-1, 3));
  }

  @Test
  void entropy_isLogFiveForUniformAlpha() {
    assertEquals(Math.log(5), nb201().meanEntropy(), 1e-6);
  }

  @Test
  void mostFrequent_returnsTheFavouredArchitectureFirst() {
    GdasAlpha<Nb201Arch> alpha = nb201();
    Nb201Arch favoured = Nb201Arch.ofIndices(3, 2, 1, 4, 3, 2);
    favour(alpha, favoured, 6f);
    List<Nb201Arch> top = alpha.mostFrequent(1000, 10, new SplittableRandom(4));
    assertEquals(10, top.size());
    assertEquals(favoured, top.get(0));
    assertTrue(alpha.meanEntropy() < 0.2);
  }

  @Test
  void saveAndRestore_bringBackAlphaAndItsAdamState() {
    GdasAlpha<Nb201Arch> trained = nb201();
    SplittableRandom rng = new SplittableRandom(2);
    for (int i = 0; i < 3; i++) {
      step(trained, rng);
    }
    trained.save(tmp);
    GdasAlpha<Nb201Arch> restored = nb201();
    restored.restore(tmp);
    assertArrayEquals(trained.probabilities(), restored.probabilities());
    // Adam's moments came back too: one more identical step keeps them equal.
    step(trained, new SplittableRandom(9));
    step(restored, new SplittableRandom(9));
    assertArrayEquals(trained.probabilities(), restored.probabilities());
    assertThrows(IllegalArgumentException.class, () -> nb201().restore(tmp.resolve("x")));
  }

  @Test
  void adamSteps_moveAlphaTowardTheOpWithTheLowerLoss() {
    // Loss = sum of h · cost, with op 3 (nor_conv_3x3) cheapest on every edge: the gradient
    // through the soft probabilities favours it, and Adam descends.
    GdasAlpha<Nb201Arch> alpha = nb201();
    float[] cost = new float[Nb201Arch.EDGES * 5];
    for (int i = 0; i < cost.length; i++) {
      cost[i] = i % 5 == 3 ? 0f : 1f;
    }
    SplittableRandom rng = new SplittableRandom(3);
    for (int i = 0; i < 200; i++) {
      try (PointerScope scope = new PointerScope()) {
        GdasSample<Nb201Arch> s = alpha.sample(1.0, rng);
        alpha.optimizer().zero_grad(true);
        s.hard().mul(GumbelSoftmax.table(cost, Nb201Arch.EDGES, 5)).sum().backward();
        alpha.optimizer().step();
      }
    }
    float[] p = alpha.probabilities();
    for (int e = 0; e < Nb201Arch.EDGES; e++) {
      for (int o = 0; o < 5; o++) {
        assertTrue(o == 3 || p[e * 5 + o] < p[e * 5 + 3], "edge " + e + " op " + o);
      }
    }
    assertTrue(alpha.meanEntropy() < Math.log(5));
  }

  @Test
  void architectAdam_setsTheStepSize() {
    // Adam's first step moves every logit with a gradient by exactly lr (m/sqrt(v) = sign):
    // the configured rate, not the reference's 3e-4.
    GdasAlpha<Nb201Arch> fast = new GdasAlpha<>(Nb201GdasCoding.INSTANCE,
        new ArchitectAdam(3e-3, 0));
    step(fast, new SplittableRandom(5));
    assertEquals(3e-3, fast.alpha().abs().max().item_double(), 1e-7);
    GdasAlpha<Nb201Arch> reference = nb201();
    step(reference, new SplittableRandom(5));
    assertEquals(3e-4, reference.alpha().abs().max().item_double(), 1e-6);
  }

  private static GdasAlpha<Nb201Arch> nb201() {
    return new GdasAlpha<>(Nb201GdasCoding.INSTANCE);
  }

  /** One Adam step on a loss of a Gumbel sample's weights. */
  private static void step(GdasAlpha<Nb201Arch> alpha, SplittableRandom rng) {
    try (PointerScope scope = new PointerScope()) {
      GdasSample<Nb201Arch> s = alpha.sample(1.0, rng);
      alpha.optimizer().zero_grad(true);
      s.hard().select(1, 3).sum().neg().backward();
      alpha.optimizer().step();
    }
  }

  private static void favour(GdasAlpha<Nb201Arch> alpha, Nb201Arch arch, float logit) {
    float[] v = new float[Nb201Arch.EDGES * 5];
    for (int e = 0; e < Nb201Arch.EDGES; e++) {
      v[e * 5 + arch.op(e).ordinal()] = logit;
    }
    try (PointerScope scope = new PointerScope(); NoGradGuard g = new NoGradGuard()) {
      alpha.alpha().copy_(GumbelSoftmax.table(v, Nb201Arch.EDGES, 5));
    }
  }
}
