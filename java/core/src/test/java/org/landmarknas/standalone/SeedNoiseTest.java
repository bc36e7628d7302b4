package org.landmarknas.standalone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.landmarknas.metric.KendallTau;

final class SeedNoiseTest {

  @Test
  void of_handComputedSplit() {
    // within: both rows have sample variance 2; means 2 and 6 have variance 8, of which 2/2 is
    // seed noise: between = 7, icc = 7/9
    SeedNoise n = SeedNoise.of(List.of(new double[] {1, 3}, new double[] {5, 7}));
    assertEquals(Math.sqrt(2), n.withinSd(), 1e-12);
    assertEquals(Math.sqrt(7), n.betweenSd(), 1e-12);
    assertEquals(7.0 / 9, n.intraclassCorrelation(), 1e-12);
    assertEquals(2 / Math.PI * Math.asin(7.0 / 9), n.predictedKendall(1), 1e-12);
    // Spearman-Brown: 2 * 7/9 / (1 + 7/9) = 7/8
    assertEquals(2 / Math.PI * Math.asin(7.0 / 8), n.predictedKendall(2), 1e-12);
    // a 2-seed mean against one seed: rho = icc / sqrt((icc + (1 - icc) / 2) * 1)
    // = (7/9) / sqrt(8/9) = sqrt(49/72)
    assertEquals(2 / Math.PI * Math.asin(Math.sqrt(49.0 / 72)), n.predictedKendall(2, 1), 1e-12);
    assertEquals(n.predictedKendall(2, 1), n.predictedKendall(1, 2), 1e-12);
    assertEquals(n.predictedKendall(3), n.predictedKendall(3, 3), 1e-12);
    // the true means against k-seed means: rho = sqrt(icc / (icc + (1 - icc) / k))
    assertEquals(2 / Math.PI * Math.asin(Math.sqrt(7.0 / 9)), n.predictedKendallOfTruth(1), 1e-12);
    assertEquals(2 / Math.PI * Math.asin(Math.sqrt(7.0 / 8)), n.predictedKendallOfTruth(2), 1e-12);
    // 0.567, 0.678, 0.733: three seeds are the first past 0.7
    assertEquals(3, n.seedsFor(0.7).getAsInt());
  }

  @Test
  void of_noiseExplainsAllTheSpread_noBetweenPart_targetOutOfReach() {
    SeedNoise n = SeedNoise.of(List.of(new double[] {1, 3}, new double[] {3, 1}));
    assertEquals(0, n.betweenSd());
    assertEquals(0, n.predictedKendall(5), 1e-12);
    assertEquals(0, n.predictedKendallOfTruth(5), 1e-12);
    assertFalse(n.seedsFor(0.7).isPresent());
  }

  /** The model's prediction against tau measured on draws from the model itself. */
  @Test
  void predictedKendall_matchesSimulatedSeedPairs() {
    SplittableRandom rng = new SplittableRandom(11);
    int archs = 4000;
    double between = 1.3;
    double within = 0.45;
    double[][] acc = new double[archs][3];
    double[] truth = new double[archs];
    for (int a = 0; a < archs; a++) {
      double mean = between * rng.nextGaussian() + 86;
      truth[a] = mean;
      for (int s = 0; s < 3; s++) {
        acc[a][s] = mean + within * rng.nextGaussian();
      }
    }
    SeedNoise n = SeedNoise.of(List.of(acc));
    double[] s0 = new double[archs];
    double[] s1 = new double[archs];
    double[] mean12 = new double[archs];
    double[] mean012 = new double[archs];
    for (int a = 0; a < archs; a++) {
      s0[a] = acc[a][0];
      s1[a] = acc[a][1];
      mean12[a] = (acc[a][1] + acc[a][2]) / 2;
      mean012[a] = (acc[a][0] + acc[a][1] + acc[a][2]) / 3;
    }
    assertEquals(KendallTau.tauB(s0, s1), n.predictedKendall(1), 0.02);
    // the uneven case, which sits between the 1- and 2-seed ceilings (0.70, 0.74, 0.78 here)
    assertEquals(KendallTau.tauB(mean12, s0), n.predictedKendall(2, 1), 0.02);
    // a perfect ranker against one seed and against 3-seed means (0.79, 0.87 here)
    assertEquals(KendallTau.tauB(truth, s0), n.predictedKendallOfTruth(1), 0.02);
    assertEquals(KendallTau.tauB(truth, mean012), n.predictedKendallOfTruth(3), 0.02);
    assertEquals(between, n.betweenSd(), 0.05);
    assertEquals(within, n.withinSd(), 0.02);
  }

  @Test
  void of_badInput_rejected() {
    // the messages too: without its own check each case would still fail, later, on a NaN
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> SeedNoise.of(List.of(new double[] {1, 2}))).getMessage()
        .contains("at least 2 architectures, got 1"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> SeedNoise.of(List.of(new double[] {1}, new double[] {2}))).getMessage()
        .contains("at least 2 seeds, got 1"));
    assertThrows(IllegalArgumentException.class,
        () -> SeedNoise.of(List.of(new double[] {1, 2}, new double[] {2, 3, 4})));
    assertThrows(IllegalArgumentException.class, () -> new SeedNoise(Double.NaN, 1));
    assertThrows(IllegalArgumentException.class,
        () -> new SeedNoise(1, 1).predictedKendall(0));
    assertThrows(IllegalArgumentException.class,
        () -> new SeedNoise(1, 1).predictedKendall(2, 0));
  }
}
