package org.landmarknas.nativekernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import org.junit.jupiter.api.Test;
import org.landmarknas.landmark.HingeLoss;
import org.landmarknas.landmark.LandmarkPair;
import org.landmarknas.landmark.MarginHingeLoss;
import org.landmarknas.landmark.PairWeights;
import org.landmarknas.landmark.PairwiseRankingLoss;
import org.landmarknas.landmark.RankingLoss;
import org.landmarknas.landmark.SoftplusLoss;

final class NativeRankingLossTest {

  /** A pair weighting that is a function of the pair, as the engine's are; some weights are 0. */
  private static final PairWeights UNEVEN = new PairWeights() {
    @Override
    public double weight(LandmarkPair p) {
      return ((p.worse() * 31 + p.better() * 17) % 7) / 3.0;
    }

    @Override
    public String id() {
      return "test-uneven";
    }
  };

  /** The three losses, each as (Java reference, native facade). */
  private static List<Object[]> losses() {
    return List.of(
        new Object[] {new HingeLoss(), NativeRankingLoss.hinge()},
        new Object[] {new MarginHingeLoss(0.3), NativeRankingLoss.marginHinge(0.3)},
        new Object[] {new SoftplusLoss(2.5), NativeRankingLoss.softplus(2.5)},
        new Object[] {new SoftplusLoss(0.7), NativeRankingLoss.softplus(0.7)});
  }

  /** A random instance: n landmark losses and m pairs (repeats allowed) with their weights. */
  private record Instance(double[] losses, List<LandmarkPair> pairs, int[] better, int[] worse) {

    static Instance random(SplittableRandom rng, int n, int m, boolean ties) {
      double[] losses = new double[n];
      for (int k = 0; k < n; k++) {
        // With ties, losses take few values, so x = 0 (the hinges' kink) occurs often.
        losses[k] = ties ? rng.nextInt(4) * 0.25 : 0.5 + 3.0 * rng.nextDouble();
      }
      List<LandmarkPair> pairs = new ArrayList<>();
      int[] better = new int[m];
      int[] worse = new int[m];
      for (int p = 0; p < m; p++) {
        int a = rng.nextInt(n);
        int b = rng.nextInt(n - 1);
        if (b >= a) {
          b++;
        }
        LandmarkPair pair = new LandmarkPair(Math.min(a, b), Math.max(a, b));
        pairs.add(pair);
        better[p] = pair.better();
        worse[p] = pair.worse();
      }
      return new Instance(losses, pairs, better, worse);
    }

    static Instance allPairs(double[] losses) {
      List<LandmarkPair> pairs = new ArrayList<>();
      for (int w = 0; w < losses.length; w++) {
        for (int b = w + 1; b < losses.length; b++) {
          pairs.add(new LandmarkPair(w, b));
        }
      }
      int[] better = pairs.stream().mapToInt(LandmarkPair::better).toArray();
      int[] worse = pairs.stream().mapToInt(LandmarkPair::worse).toArray();
      return new Instance(losses, pairs, better, worse);
    }

    double[] weights(PairWeights w) {
      return pairs.stream().mapToDouble(w::weight).toArray();
    }
  }

  private static void assertClose(double expected, double actual, double rel, String what) {
    double tol = rel * Math.max(1e-300, Math.abs(expected));
    assertTrue(Math.abs(expected - actual) <= tol || expected == actual,
        () -> what + ": expected " + expected + " got " + actual);
  }

  @Test
  void evaluate_matchesJavaReferenceInDouble() {
    SplittableRandom rng = new SplittableRandom(7);
    for (Object[] l : losses()) {
      RankingLoss ref = (RankingLoss) l[0];
      NativeRankingLoss nat = (NativeRankingLoss) l[1];
      for (int trial = 0; trial < 60; trial++) {
        int n = 2 + rng.nextInt(trial < 20 ? 3 : 60);
        int m = 1 + rng.nextInt(3 * n);
        Instance in = Instance.random(rng, n, m, trial % 3 == 0);
        for (PairWeights weights : List.of(PairWeights.unweighted(), UNEVEN)) {
          PairwiseRankingLoss.Evaluation e =
              new PairwiseRankingLoss(ref, weights).evaluate(in.losses, in.pairs);
          double[] grad = new double[n];
          double value = nat.evaluate(in.losses, in.better, in.worse,
              weights == UNEVEN ? in.weights(weights) : null, grad);
          if (ref instanceof SoftplusLoss) {
            // exp/log1p of glibc and of the JVM may differ in the last ulp.
            assertClose(e.value(), value, 1e-13, nat + " value");
            for (int k = 0; k < n; k++) {
              assertEquals(e.gradient(k), grad[k], 1e-13 * (1 + Math.abs(e.gradient(k))),
                  nat + " grad " + k);
            }
          } else {
            assertEquals(e.value(), value, 0.0, nat + " value");
            assertArrayEquals(e.gradient(), grad, 0.0, nat + " gradient");
          }
        }
      }
    }
  }

  @Test
  void evaluate_matchesJavaReferenceInFloat() {
    SplittableRandom rng = new SplittableRandom(11);
    for (Object[] l : losses()) {
      RankingLoss ref = (RankingLoss) l[0];
      NativeRankingLoss nat = (NativeRankingLoss) l[1];
      for (int trial = 0; trial < 40; trial++) {
        int n = 2 + rng.nextInt(50);
        Instance in = Instance.random(rng, n, 1 + rng.nextInt(4 * n), trial % 4 == 0);
        // The reference sees exactly the floats the kernel reads.
        float[] lossesF = new float[n];
        double[] rounded = new double[n];
        for (int k = 0; k < n; k++) {
          lossesF[k] = (float) in.losses[k];
          rounded[k] = lossesF[k];
        }
        double[] w = in.weights(UNEVEN);
        float[] wF = new float[w.length];
        for (int p = 0; p < w.length; p++) {
          wF[p] = (float) w[p];
        }
        PairWeights roundedWeights = new PairWeights() {
          @Override
          public double weight(LandmarkPair p) {
            return (float) UNEVEN.weight(p);
          }

          @Override
          public String id() {
            return "rounded";
          }
        };
        for (boolean weighted : new boolean[] {false, true}) {
          PairwiseRankingLoss.Evaluation e = new PairwiseRankingLoss(ref,
              weighted ? roundedWeights : PairWeights.unweighted()).evaluate(rounded, in.pairs);
          float[] grad = new float[n];
          float value = nat.evaluate(lossesF, in.better, in.worse, weighted ? wF : null, grad);
          assertClose(e.value(), value, 1e-6, nat + " f32 value");
          double scale = Arrays.stream(e.gradient()).map(Math::abs).max().orElse(0);
          for (int k = 0; k < n; k++) {
            assertEquals(e.gradient(k), grad[k], 1e-6 * Math.abs(e.gradient(k)) + 1e-12 * scale,
                nat + " f32 grad " + k);
          }
        }
      }
    }
  }

  @Test
  void evaluate_allPairsOfLargeSetMatches() {
    SplittableRandom rng = new SplittableRandom(3);
    double[] losses = rng.doubles(300, 0.1, 2.5).toArray();
    Instance in = Instance.allPairs(losses);
    PairwiseRankingLoss.Evaluation e =
        new PairwiseRankingLoss(new HingeLoss()).evaluate(losses, in.pairs);
    double[] grad = new double[losses.length];
    double value = NativeRankingLoss.hinge().evaluate(losses, in.better, in.worse, null, grad);
    assertEquals(e.value(), value, 0.0);
    assertArrayEquals(e.gradient(), grad, 0.0);
  }

  @Test
  void evaluate_edgeSizesAndRepeatedPairs() {
    // n = 2, one pair, in order and out of order; a pair repeated counts each time.
    double[] grad = new double[2];
    assertEquals(0.0, NativeRankingLoss.hinge().evaluate(new double[] {2.0, 1.0},
        new int[] {1}, new int[] {0}, null, grad));
    assertArrayEquals(new double[] {0, 0}, grad);
    assertEquals(1.5, NativeRankingLoss.hinge().evaluate(new double[] {1.0, 2.5},
        new int[] {1}, new int[] {0}, null, grad));
    assertArrayEquals(new double[] {-1, 1}, grad);
    // Three times the same pair plus one in order: mean over 4 pairs.
    double[] losses = {1.0, 2.0, 0.5};
    int[] better = {1, 1, 1, 2};
    int[] worse = {0, 0, 0, 0};
    grad = new double[3];
    assertEquals(0.75, NativeRankingLoss.hinge().evaluate(losses, better, worse, null, grad));
    assertArrayEquals(new double[] {-0.75, 0.75, 0.0}, grad);
    List<LandmarkPair> pairs = List.of(new LandmarkPair(0, 1), new LandmarkPair(0, 1),
        new LandmarkPair(0, 1), new LandmarkPair(0, 2));
    assertArrayEquals(new PairwiseRankingLoss(new HingeLoss()).evaluate(losses, pairs).gradient(),
        grad, 0.0);
    // n = 1 with a self-pair: x = 0, allowed by the kernel (not by LandmarkPair).
    double[] one = new double[1];
    assertEquals(0.0, NativeRankingLoss.hinge().evaluate(new double[] {3.0}, new int[] {0},
        new int[] {0}, null, one));
    assertEquals(0.0, one[0]);
  }

  @Test
  void evaluate_pointersMatchArraysAndHonourPosition() {
    SplittableRandom rng = new SplittableRandom(5);
    Instance in = Instance.random(rng, 40, 100, false);
    double[] w = in.weights(UNEVEN);
    NativeRankingLoss loss = NativeRankingLoss.softplus(1.5);
    double[] expectedGrad = new double[40];
    double expected = loss.evaluate(in.losses, in.better, in.worse, w, expectedGrad);
    try (DoublePointer losses = new DoublePointer(43);
        IntPointer better = new IntPointer(in.better);
        IntPointer worse = new IntPointer(in.worse);
        DoublePointer weights = new DoublePointer(w);
        DoublePointer grad = new DoublePointer(40)) {
      losses.position(3).put(in.losses);  // the kernel must read from position 3
      double value = loss.evaluate(losses, 40, better, worse, weights, 100, grad);
      assertEquals(expected, value, 0.0);
      double[] g = new double[40];
      grad.get(g);
      assertArrayEquals(expectedGrad, g, 0.0);
    }
    float[] lossesF = new float[40];
    for (int k = 0; k < 40; k++) {
      lossesF[k] = (float) in.losses[k];
    }
    float[] expectedF = new float[40];
    float valueF = loss.evaluate(lossesF, in.better, in.worse, null, expectedF);
    try (FloatPointer losses = new FloatPointer(lossesF);
        IntPointer better = new IntPointer(in.better);
        IntPointer worse = new IntPointer(in.worse);
        FloatPointer grad = new FloatPointer(40)) {
      assertEquals(valueF, loss.evaluate(losses, 40, better, worse, null, 100, grad));
      float[] g = new float[40];
      grad.get(g);
      assertArrayEquals(expectedF, g);
    }
  }

  @Test
  void evaluate_badArgumentsThrowWithTheCulprit() {
    NativeRankingLoss hinge = NativeRankingLoss.hinge();
    double[] grad = {7, 7, 7};
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> hinge.evaluate(new double[] {1, 2, 3}, new int[] {1, 3}, new int[] {0, 0}, null,
            grad));
    assertTrue(e.getMessage().contains("pair 1 (worse=0, better=3)"), e.getMessage());
    assertArrayEquals(new double[] {0, 0, 0}, grad, "grad is zeroed on failure");
    e = assertThrows(IllegalArgumentException.class,
        () -> hinge.evaluate(new double[] {1, Double.NaN, 3}, new int[] {2, 1}, new int[] {0, 0},
            null, grad));
    assertTrue(e.getMessage().contains("landmark 1 has loss NaN"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> hinge.evaluate(new double[] {1, 2, 3}, new int[] {1}, new int[] {0},
            new double[] {-1}, grad));
    assertTrue(e.getMessage().contains("pair 0 has weight -1.0"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> hinge.evaluate(new double[] {1, 2}, new int[0], new int[0], null, grad));
    assertTrue(e.getMessage().contains("0 pairs"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> hinge.evaluate(new double[] {1, 2}, new int[] {1, 1}, new int[] {0}, null, grad));
    assertTrue(e.getMessage().contains("better has 2 pairs but worse has 1"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> hinge.evaluate(new double[] {1, 2, 3, 4}, new int[] {1}, new int[] {0}, null,
            grad));
    assertTrue(e.getMessage().contains("grad has 3 elements, need 4"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> NativeRankingLoss.marginHinge(-0.1));
    assertThrows(IllegalArgumentException.class, () -> NativeRankingLoss.softplus(0.0));
    try (DoublePointer small = new DoublePointer(2); IntPointer idx = new IntPointer(1)) {
      e = assertThrows(IllegalArgumentException.class,
          () -> hinge.evaluate(small, 3, idx, idx, null, 1, small));
      assertTrue(e.getMessage().contains("losses holds 2 elements"), e.getMessage());
    }
  }

  @Test
  void rawBinding_returnsStatusCodes() {
    double[] value = {42};
    double[] grad = new double[2];
    assertEquals(LmnasKernels.EINVAL, LmnasKernels.rankingLossF64(new double[] {1, 2}, 2,
        new int[] {1}, new int[] {0}, null, 1, 7, 0.0, value, grad), "unknown kind");
    assertEquals(LmnasKernels.EINVAL, LmnasKernels.rankingLossF64(new double[] {1, 2}, 2,
        new int[] {1}, new int[] {0}, null, 1, LmnasKernels.SOFTPLUS, Double.NaN, value, grad));
    assertEquals(LmnasKernels.EINVAL, LmnasKernels.rankingLossF64(null, 2, new int[] {1},
        new int[] {0}, null, 1, LmnasKernels.HINGE, 0.0, value, grad), "null losses");
    assertEquals(LmnasKernels.ENONFINITE, LmnasKernels.rankingLossF64(
        new double[] {1, Double.POSITIVE_INFINITY}, 2, new int[] {1}, new int[] {0}, null, 1,
        LmnasKernels.HINGE, 0.0, value, grad));
    assertEquals(42, value[0], "value untouched on failure");
    assertEquals(LmnasKernels.OK, LmnasKernels.rankingLossF64(new double[] {1, 2}, 2,
        new int[] {1}, new int[] {0}, null, 1, LmnasKernels.MARGIN_HINGE, 0.5, value, grad));
    assertEquals(1.5, value[0]);
  }
}
