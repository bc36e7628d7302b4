package org.landmarknas.metric;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

final class TopKQualityTest {

  @Test
  void of_perfectPredictor_hasFullPrecisionAndTopRanks() {
    double[] gt = {90, 93, 91, 94, 92};
    TopKQuality q = TopKQuality.of(gt, gt, 2);
    assertEquals(1.0, q.precision(), 0.0);
    assertEquals(1, q.bestTrueRank());
    assertEquals(20.0, q.bestTopPercent(), 1e-12);
    assertEquals(1.5, q.meanTrueRank(), 0.0);
    assertEquals(30.0, q.meanTopPercent(), 1e-12);
  }

  @Test
  void of_partialOverlap_countsHits() {
    double[] gt = {90, 93, 91, 94, 92};          // true ranks 5, 2, 4, 1, 3
    double[] pred = {0.9, 0.1, 0.8, 0.7, 0.2};   // predicted top-3: indices 0, 2, 3
    TopKQuality q = TopKQuality.of(pred, gt, 3);
    assertEquals(1.0 / 3, q.precision(), 1e-15);  // only index 3 (rank 1) is in the true top-3
    assertEquals(1, q.bestTrueRank());
    assertEquals((5 + 4 + 1) / 3.0, q.meanTrueRank(), 1e-15);
    assertEquals(100.0 * (10 / 3.0) / 5, q.meanTopPercent(), 1e-12);
  }

  @Test
  void of_worstPredictor_findsBottom() {
    double[] gt = {1, 2, 3, 4};
    TopKQuality q = TopKQuality.of(new double[] {4, 3, 2, 1}, gt, 1);
    assertEquals(0.0, q.precision(), 0.0);
    assertEquals(4, q.bestTrueRank());
    assertEquals(100.0, q.bestTopPercent(), 0.0);
  }

  @Test
  void of_tiedAccuracyAtCutoff_countsEveryTiedMember() {
    // Indices 1 and 2 tie for true rank 2; with k = 2 both count as true top-2.
    TopKQuality q = TopKQuality.of(new double[] {0, 1, 2}, new double[] {95, 90, 90}, 2);
    assertEquals(1.0, q.precision(), 0.0);
    assertEquals(2, q.bestTrueRank());
  }

  @Test
  void of_tiedPredictions_takeLowerIndexFirst() {
    TopKQuality q = TopKQuality.of(new double[] {5, 5, 5}, new double[] {90, 95, 99}, 1);
    assertEquals(3, q.bestTrueRank());
  }

  @Test
  void trueRanks_tiesShareBestRank() {
    assertArrayEquals(new int[] {3, 1, 1, 4}, TopKQuality.trueRanks(new double[] {5, 9, 9, 1}));
  }

  @Test
  void of_badK_throws() {
    double[] v = {1, 2};
    assertThrows(IllegalArgumentException.class, () -> TopKQuality.of(v, v, 0));
    assertThrows(IllegalArgumentException.class, () -> TopKQuality.of(v, v, 3));
    assertThrows(IllegalArgumentException.class,
        () -> TopKQuality.of(new double[0], new double[0], 1));
  }
}
