package org.landmarknas.metric;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

final class SparseKendallTauTest {

  private static final double[] GT1 = {91.23, 91.27, 91.31, 92.05, 92.09, 93.50, 93.51, 94.37};
  private static final double[] PRED1 = {60.1, 58.0, 61.5, 63.2, 62.9, 65.0, 64.2, 66.3};
  private static final double[] GT2 =
      {88.52, 90.13, 90.17, 91.00, 91.04, 91.08, 92.66, 93.12, 93.19, 94.05};
  private static final double[] PRED2 = {55.0, 61.2, 57.3, 60.0, 62.5, 59.1, 64.0, 63.3, 66.1, 65.7};

  @Test
  void of_designVector1_isExactlyOne() {
    assertEquals(1.0, SparseKendallTau.of(PRED1, GT1), 0.0);
    assertNotEquals(SparseKendallTau.of(PRED1, GT1), KendallTau.tauB(PRED1, GT1));
  }

  @Test
  void of_designVector2_isExactlyThreeQuarters() {
    assertEquals(0.75, SparseKendallTau.of(PRED2, GT2), 0.0);
    assertEquals(0.688889, KendallTau.tauB(PRED2, GT2), 5e-7);
  }

  @Test
  void binnedRanks_designVector1_followsFlooredBins() {
    // Bins 912, 912, 913, 920, 920, 935, 935, 943 (0.1 % steps, floored).
    assertArrayEquals(new int[] {0, 0, 1, 2, 2, 3, 3, 4},
        SparseKendallTau.binnedRanks(GT1, AccuracyUnit.PERCENT));
  }

  @Test
  void binnedRanks_unsortedInput_ranksEachIndex() {
    assertArrayEquals(new int[] {2, 0, 1, 0},
        SparseKendallTau.binnedRanks(new double[] {93.0, 91.05, 92.5, 91.0},
            AccuracyUnit.PERCENT));
  }

  @Test
  void binnedRanks_belowFirstBin_keepsMinusOne() {
    assertArrayEquals(new int[] {-1, 0, -1},
        SparseKendallTau.binnedRanks(new double[] {0.0, 0.5, 0.05}, AccuracyUnit.PERCENT));
  }

  @Test
  void of_fractions_matchPercent() {
    double[] frac = new double[GT2.length];
    for (int i = 0; i < frac.length; i++) {
      frac[i] = GT2[i] * 0.01;
    }
    assertEquals(0.75, SparseKendallTau.of(PRED2, frac, AccuracyUnit.FRACTION), 0.0);
  }

  @Test
  void of_fractionsPassedAsPercent_collapseIntoOneBin() {
    // The unit matters: 0.91 % and 0.92 % share the [0.9 %, 1.0 %) bin, so S-KdT is undefined.
    assertTrue(Double.isNaN(SparseKendallTau.of(new double[] {1, 2}, new double[] {0.91, 0.92})));
  }

  @Test
  void of_undefined_isNaN() {
    assertTrue(Double.isNaN(SparseKendallTau.of(new double[] {1}, new double[] {90})));
    assertTrue(Double.isNaN(SparseKendallTau.of(new double[] {1, 2}, new double[] {90.01, 90.09})));
  }

  @Test
  void of_constantPrediction_followsInputOrder() {
    // The documented reference quirk: y lists binned ranks, so equal predictions are no tie.
    double[] same = {5, 5, 5};
    assertEquals(1.0, SparseKendallTau.of(same, new double[] {90, 91, 92}), 0.0);
    assertEquals(-1.0, SparseKendallTau.of(same, new double[] {92, 91, 90}), 0.0);
    assertTrue(Double.isNaN(KendallTau.tauB(same, new double[] {90, 91, 92})));
  }

  @Test
  void of_reversedPrediction_isMinusOne() {
    assertEquals(-1.0,
        SparseKendallTau.of(new double[] {3, 2, 1}, new double[] {90, 91, 92}), 0.0);
  }

  @Test
  void of_outOfRangeAccuracy_namesValueAndUnit() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SparseKendallTau.of(new double[] {1, 2}, new double[] {90, 91},
            AccuracyUnit.FRACTION));
    assertTrue(e.getMessage().contains("gt[0] = 90.0") && e.getMessage().contains("fraction"),
        e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> SparseKendallTau.of(new double[] {1, 2}, new double[] {90, 101}));
    assertThrows(IllegalArgumentException.class,
        () -> SparseKendallTau.of(new double[] {1, 2}, new double[] {90, 91}, null));
  }
}
