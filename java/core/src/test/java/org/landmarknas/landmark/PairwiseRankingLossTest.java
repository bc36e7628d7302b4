package org.landmarknas.landmark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.landmarknas.space.Nb201Arch;
import org.landmarknas.space.Nb201Space;

final class PairwiseRankingLossTest {

  @Test
  void hinge_handComputedExample() {
    // Landmark 2 is best. Pair (0,2): 1.5 - 2.0 = -0.5, ordered, no loss. Pair (1,2): 1.5 - 1.0 =
    // 0.5, disordered. Pair (0,1): 1.0 - 2.0, ordered.
    double[] l = {2.0, 1.0, 1.5};
    List<LandmarkPair> pairs = List.of(new LandmarkPair(0, 2), new LandmarkPair(1, 2),
        new LandmarkPair(0, 1));
    PairwiseRankingLoss.Evaluation ev = new PairwiseRankingLoss(new HingeLoss()).evaluate(l, pairs);
    assertEquals(0.5 / 3, ev.value(), 1e-15);
    assertArrayEquals(new double[] {0, -1.0 / 3, 1.0 / 3}, ev.gradient(), 1e-15);
    assertEquals(3, ev.size());
    assertEquals(1, ev.activePairs(), "only the disordered pair (1,2) has a hinge gradient");
  }

  @Test
  void repeatedPairs_countEachTime() {
    double[] l = {1.0, 2.0};
    LandmarkPair p = new LandmarkPair(0, 1);
    PairwiseRankingLoss loss = new PairwiseRankingLoss(new HingeLoss());
    PairwiseRankingLoss.Evaluation once = loss.evaluate(l, List.of(p));
    PairwiseRankingLoss.Evaluation twice = loss.evaluate(l, List.of(p, p));
    assertEquals(once.value(), twice.value(), 1e-15);
    assertArrayEquals(once.gradient(), twice.gradient(), 1e-15);
    assertEquals(1.0, once.value());
    assertArrayEquals(new double[] {-1, 1}, once.gradient());
  }

  private static void checkFiniteDifferences(PairwiseRankingLoss loss, double[] l,
      List<LandmarkPair> pairs) {
    double[] grad = loss.evaluate(l, pairs).gradient();
    double h = 1e-6;
    for (int k = 0; k < l.length; k++) {
      double[] up = l.clone();
      double[] down = l.clone();
      up[k] += h;
      down[k] -= h;
      double fd = (loss.evaluate(up, pairs).value() - loss.evaluate(down, pairs).value()) / (2 * h);
      assertEquals(fd, grad[k], 1e-7, loss + " landmark " + k);
    }
  }

  @Test
  void gradient_matchesFiniteDifferences() {
    SplittableRandom rng = new SplittableRandom(42);
    LandmarkSet<Nb201Arch> set = LandmarkSet.of(new RandomLandmarkSelector<>(
        Nb201Space.INSTANCE).select(12, rng, a -> true)
        .stream().map(a -> new Landmark<>(a, 30 + 60 * rng.nextDouble())).toList());
    List<PairwiseRankingLoss> losses = List.of(
        new PairwiseRankingLoss(new SoftplusLoss(1)),
        new PairwiseRankingLoss(new SoftplusLoss(3), PairWeights.scoreGap(set)),
        new PairwiseRankingLoss(new HingeLoss()),
        new PairwiseRankingLoss(new MarginHingeLoss(0.2), PairWeights.scoreGap(set)));
    for (int trial = 0; trial < 20; trial++) {
      double[] l = new double[set.size()];
      for (int k = 0; k < l.length; k++) {
        l[k] = 0.5 + 2 * rng.nextDouble();
      }
      List<LandmarkPair> pairs = new ArrayList<>(new UniformPairSampler(8).sample(l.length, rng));
      // The hinges are not differentiable at their kinks; keep pairs clear of them.
      pairs.removeIf(p -> Math.abs(l[p.better()] - l[p.worse()]) < 1e-3
          || Math.abs(l[p.better()] - l[p.worse()] + 0.2) < 1e-3);
      if (pairs.isEmpty()) {
        continue;
      }
      for (PairwiseRankingLoss loss : losses) {
        checkFiniteDifferences(loss, l, pairs);
      }
    }
  }

  @Test
  void gradient_sumsToZero_andIsZeroForUnpairedLandmarks() {
    double[] l = {0.3, 1.7, 0.9, 2.2, 1.1};
    List<LandmarkPair> pairs = List.of(new LandmarkPair(0, 3), new LandmarkPair(1, 3));
    double[] g = new PairwiseRankingLoss(new SoftplusLoss(1)).evaluate(l, pairs).gradient();
    assertEquals(0.0, g[0] + g[1] + g[2] + g[3] + g[4], 1e-15);
    assertEquals(0.0, g[2]);
    assertEquals(0.0, g[4]);
  }

  @Test
  void scoreGapWeights_meanOneOverAllPairs_tiesWeighZero() {
    LandmarkSet<Nb201Arch> set = LandmarkSet.of(List.of(Landmark.of(LandmarkSetTest.A, 90),
        Landmark.of(LandmarkSetTest.B, 70), Landmark.of(LandmarkSetTest.C, 70),
        Landmark.of(LandmarkSetTest.SKIP, 10)));
    PairWeights w = PairWeights.scoreGap(set);
    List<LandmarkPair> all = new AllPairsSampler().sample(set.size(), null);
    double sum = 0;
    for (LandmarkPair p : all) {
      sum += w.weight(p);
    }
    assertEquals(1.0, sum / all.size(), 1e-12);
    // Gaps 60, 60, 80, 0, 20, 20: mean 40.
    assertEquals(80.0 / 40.0, w.weight(new LandmarkPair(0, 3)), 1e-12);
    assertEquals(0.0, w.weight(new LandmarkPair(1, 2)));
    assertEquals("score-gap", w.id());
    assertThrows(IllegalArgumentException.class, () -> w.weight(new LandmarkPair(0, 4)));
    PairWeights flat = PairWeights.scoreGap(LandmarkSet.of(List.of(
        Landmark.of(LandmarkSetTest.A, 50), Landmark.of(LandmarkSetTest.B, 50))));
    assertEquals(0.0, flat.weight(new LandmarkPair(0, 1)));
  }

  @Test
  void scoreGapWeights_scaleThePairLoss() {
    LandmarkSet<Nb201Arch> set = LandmarkSet.of(List.of(Landmark.of(LandmarkSetTest.A, 90),
        Landmark.of(LandmarkSetTest.B, 60), Landmark.of(LandmarkSetTest.SKIP, 30)));
    // Gaps 30, 60, 30: mean 40; pair (0,2) weighs 1.5.
    double[] l = {1.0, 1.0, 3.0};
    PairwiseRankingLoss.Evaluation ev = new PairwiseRankingLoss(new HingeLoss(),
        PairWeights.create("score-gap", set)).evaluate(l, List.of(new LandmarkPair(0, 2)));
    assertEquals(1.5 * 2.0, ev.value(), 1e-12);
    assertArrayEquals(new double[] {-1.5, 0, 1.5}, ev.gradient(), 1e-12);
    assertEquals(PairWeights.unweighted(), PairWeights.create("none", set));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PairWeights.create("gap", set));
    assertTrue(e.getMessage().contains("none, score-gap"), e.getMessage());
  }

  @Test
  void evaluate_rejectsEmptyOutOfRangeAndNonFinite() {
    PairwiseRankingLoss loss = new PairwiseRankingLoss(new HingeLoss());
    assertThrows(IllegalArgumentException.class, () -> loss.evaluate(new double[3], List.of()));
    IllegalArgumentException range = assertThrows(IllegalArgumentException.class,
        () -> loss.evaluate(new double[3], List.of(new LandmarkPair(1, 3))));
    assertTrue(range.getMessage().contains("(1, 3)"), range.getMessage());
    IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
        () -> loss.evaluate(new double[] {0, Double.NaN}, List.of(new LandmarkPair(0, 1))));
    assertTrue(nan.getMessage().contains("landmark 1"), nan.getMessage());
  }

  @Test
  void evaluation_gradientIsACopy() {
    PairwiseRankingLoss.Evaluation ev = new PairwiseRankingLoss(new HingeLoss())
        .evaluate(new double[] {1, 2}, List.of(new LandmarkPair(0, 1)));
    ev.gradient()[0] = 99;
    assertEquals(-1.0, ev.gradient(0));
  }
}
