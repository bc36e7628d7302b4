package org.landmarknas.standalone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.landmarknas.metric.KendallTau;

final class SimulatedCeilingTest {

  /** Cells with true accuracy {@code shape(z)}, z standard normal, and Gaussian seed noise. */
  private static double[][] table(int archs, int seeds, double within, DoubleUnaryOperator shape,
      long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[][] acc = new double[archs][seeds];
    for (int a = 0; a < archs; a++) {
      double truth = shape.applyAsDouble(rng.nextGaussian());
      for (int s = 0; s < seeds; s++) {
        acc[a][s] = truth + within * rng.nextGaussian();
      }
    }
    return acc;
  }

  private static double[] mean(double[][] acc, int from, int to) {
    return Arrays.stream(acc).mapToDouble(row -> Arrays.stream(row, from, to).average()
        .orElseThrow()).toArray();
  }

  private static List<double[]> firstSeeds(double[][] acc, int seeds) {
    List<double[]> rows = new ArrayList<>();
    for (double[] row : acc) {
      rows.add(Arrays.copyOf(row, seeds));
    }
    return rows;
  }

  @Test
  void gaussianCells_simulationAgreesWithTheFormula() {
    List<double[]> acc = firstSeeds(table(1000, 3, 0.45, z -> 86 + 1.2 * z, 3), 3);
    SeedNoise formula = SeedNoise.of(acc);
    SimulatedCeiling sim = SimulatedCeiling.of(acc);
    for (int k = 1; k <= 3; k++) {
      assertEquals(formula.predictedKendall(k), sim.predictedKendall(k, k), 0.02, "k = " + k);
      assertEquals(formula.predictedKendallOfTruth(k), sim.predictedKendallOfTruth(k), 0.02,
          "truth against k = " + k);
    }
    assertEquals(formula.predictedKendall(2, 1), sim.predictedKendall(2, 1), 0.02);
  }

  /**
   * The case it exists for: a left tail of weak cells, as in the Fashion-MNIST table. Fitted on
   * three seeds, it predicts what six seeds measure (3-seed means against disjoint 3-seed means,
   * averaged over the 10 splits) within a few hundredths (it reads about 0.03 high on this
   * shape), where the formula reads about 0.1 high.
   */
  @Test
  void skewedCells_simulationPredictsTheMeasuredCeilingTheFormulaOverstates() {
    double[][] acc = table(1000, 6, 0.4, z -> 86 + z - 0.4 * z * z, 7);
    List<double[]> three = firstSeeds(acc, 3);
    SeedNoise formula = SeedNoise.of(three);
    SimulatedCeiling sim = SimulatedCeiling.of(three);

    double measured33 = 0;
    for (int[] split : new int[][] {{0, 1, 2}, {0, 1, 3}, {0, 1, 4}, {0, 1, 5}, {0, 2, 3},
        {0, 2, 4}, {0, 2, 5}, {0, 3, 4}, {0, 3, 5}, {0, 4, 5}}) {
      double[] one = new double[acc.length];
      double[] other = new double[acc.length];
      for (int a = 0; a < acc.length; a++) {
        double inSplit = acc[a][split[0]] + acc[a][split[1]] + acc[a][split[2]];
        one[a] = inSplit / 3;
        other[a] = (Arrays.stream(acc[a]).sum() - inSplit) / 3;
      }
      measured33 += KendallTau.tauB(one, other) / 10;
    }
    assertEquals(measured33, sim.predictedKendall(3, 3), 0.05);
    assertTrue(formula.predictedKendall(3) - measured33 > 0.06,
        "the formula overstates: " + formula.predictedKendall(3) + " vs " + measured33);

    double measured11 = 0;
    for (int s = 1; s < 6; s++) {
      measured11 += KendallTau.tauB(mean(acc, 0, 1), mean(acc, s, s + 1)) / 5;
    }
    assertEquals(measured11, sim.predictedKendall(1, 1), 0.04);
    assertTrue(formula.predictedKendall(1) - measured11 > 0.06,
        "the formula overstates: " + formula.predictedKendall(1) + " vs " + measured11);
  }

  @Test
  void noSeedNoise_perfectAgreement_deterministic() {
    List<double[]> exact = List.of(new double[] {80, 80}, new double[] {82, 82},
        new double[] {81, 81});
    assertEquals(1.0, SimulatedCeiling.of(exact).predictedKendall(1, 1), 1e-12);
    assertEquals(1.0, SimulatedCeiling.of(exact).predictedKendallOfTruth(2), 1e-12);

    List<double[]> acc = firstSeeds(table(50, 3, 0.5, z -> 86 + z, 1), 3);
    assertEquals(SimulatedCeiling.of(acc).predictedKendall(2, 1),
        SimulatedCeiling.of(acc).predictedKendall(2, 1), 0, "the draws are seeded");
    assertThrows(IllegalArgumentException.class,
        () -> SimulatedCeiling.of(acc).predictedKendall(0, 1));
    assertThrows(IllegalArgumentException.class,
        () -> SimulatedCeiling.of(acc).predictedKendallOfTruth(0));
    assertThrows(IllegalArgumentException.class,
        () -> SimulatedCeiling.of(List.of(new double[] {1, 2})));
  }
}
