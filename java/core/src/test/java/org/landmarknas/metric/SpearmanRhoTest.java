package org.landmarknas.metric;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

final class SpearmanRhoTest {

  @Test
  void of_noTies_matchesClosedForm() {
    // 1 - 6 sum(d^2) / (n (n^2 - 1)) with ranks y = 2,1,4,3,5: sum d^2 = 4 -> 1 - 24/120 = 0.8.
    double[] x = {1, 2, 3, 4, 5};
    double[] y = {20, 10, 40, 30, 50};
    assertEquals(0.8, SpearmanRho.of(x, y), 1e-15);
  }

  @Test
  void of_withTies_usesAverageRanks() {
    // Ranks x = 1,2,3,4; y = 1.5,1.5,3.5,3.5: Pearson = 4 / sqrt(5 * 4) = 0.894427191.
    assertEquals(2 / Math.sqrt(5), SpearmanRho.of(new double[] {1, 2, 3, 4},
        new double[] {7, 7, 9, 9}), 1e-15);
  }

  @Test
  void of_monotoneTransforms_areOne() {
    double[] x = {0.1, 0.5, 0.2, 0.9};
    double[] y = {Math.exp(0.1), Math.exp(0.5), Math.exp(0.2), Math.exp(0.9)};
    assertEquals(1.0, SpearmanRho.of(x, y), 0.0);
    assertEquals(-1.0, SpearmanRho.of(x, new double[] {4, 2, 3, 1}), 0.0);
  }

  @Test
  void averageRanks_tiesShareMeanRank() {
    assertArrayEquals(new double[] {2.5, 1, 2.5, 4},
        SpearmanRho.averageRanks(new double[] {5, 1, 5, 9}), 0.0);
  }

  @Test
  void of_undefined_isNaN() {
    assertTrue(Double.isNaN(SpearmanRho.of(new double[] {1}, new double[] {1})));
    assertTrue(Double.isNaN(SpearmanRho.of(new double[] {1, 2, 3}, new double[] {2, 2, 2})));
  }

  @Test
  void of_lengthMismatch_throws() {
    assertThrows(IllegalArgumentException.class,
        () -> SpearmanRho.of(new double[] {1, 2}, new double[] {1, 2, 3}));
  }
}
