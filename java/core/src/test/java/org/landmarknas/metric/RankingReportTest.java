package org.landmarknas.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class RankingReportTest {

  private static final double[] GT =
      {88.52, 90.13, 90.17, 91.00, 91.04, 91.08, 92.66, 93.12, 93.19, 94.05};
  private static final double[] PRED = {55.0, 61.2, 57.3, 60.0, 62.5, 59.1, 64.0, 63.3, 66.1, 65.7};

  @Test
  void of_designVector_collectsEveryMetric() {
    RankingReport r = RankingReport.of(PRED, GT, 3);
    assertEquals(10, r.n());
    assertEquals(0.75, r.sparseKendallTau(), 0.0);
    assertEquals(31.0 / 45, r.kendallTau(), 1e-15);
    assertEquals(SpearmanRho.of(PRED, GT), r.spearmanRho(), 0.0);
    assertEquals(3, r.topK());
    // Predicted top-3: 66.1 (rank 2), 65.7 (rank 1), 64.0 (rank 4) -> 2 of 3 in the true top-3.
    assertEquals(2.0 / 3, r.precisionAtK(), 1e-15);
    assertEquals(10.0, r.bestOfTopKTopPercent(), 1e-12);
    assertEquals(70.0 / 3, r.meanOfTopKTopPercent(), 1e-12);
  }

  @Test
  void of_kLargerThanPool_isCapped() {
    RankingReport r = RankingReport.of(new double[] {1, 2}, new double[] {90, 91}, 10);
    assertEquals(2, r.topK());
    assertEquals(1.0, r.precisionAtK(), 0.0);
  }

  @Test
  void of_constantPrediction_keepsNaN() {
    RankingReport r = RankingReport.of(new double[] {1, 1, 1}, new double[] {90, 91, 92}, 1);
    assertTrue(Double.isNaN(r.kendallTau()) && Double.isNaN(r.spearmanRho()));
    assertEquals(1.0, r.sparseKendallTau(), 0.0); // input listed by accuracy: see SparseKendallTau
  }

  @Test
  void toMap_usesTheRunDirectoryKeysInOrder() {
    Map<String, Object> m = RankingReport.of(PRED, GT, 3).toMap();
    assertEquals(List.of("skdt", "kdt", "spearman", "precision_at_k", "k", "pool_size",
        "best_of_top_k_top_percent", "mean_of_top_k_top_percent"), List.copyOf(m.keySet()));
    assertEquals(0.75, (Double) m.get("skdt"), 0.0);
    assertEquals(10, m.get("pool_size"));
  }

  @Test
  void constructor_outOfRange_throws() {
    assertThrows(IllegalArgumentException.class,
        () -> new RankingReport(5, 1.5, 0, 0, 1, 1, 20, 20));
    assertThrows(IllegalArgumentException.class,
        () -> new RankingReport(5, 0, 0, 0, 6, 1, 20, 20));
    assertThrows(IllegalArgumentException.class,
        () -> RankingReport.of(new double[0], new double[0], 1));
  }
}
