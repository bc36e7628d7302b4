package org.landmarknas.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

final class LambdaSchedulesTest {

  private static final int W = 150;
  private static final int E = 400;

  private static LambdaSchedule paper(String kind) {
    return LambdaSchedules.create(kind, 10, W, E, 0);
  }

  @Test
  void everyKind_isExactlyZeroBeforeWarmup() {
    for (LambdaShape shape : LambdaShape.values()) {
      LambdaSchedule s = paper(shape.id());
      for (double e : new double[] {0, 1, 74.5, W - 1, W - 1e-9}) {
        assertEquals(0.0, s.at(e), shape.id() + " at " + e);
      }
    }
  }

  @Test
  void cosineIncrease_isTheDefault_zeroAtWarmup_lambdaMaxAtLastEpoch() {
    LambdaSchedule s = paper(LambdaSchedules.DEFAULT_KIND);
    assertEquals("cosine-increase", LambdaSchedules.DEFAULT_KIND);
    assertEquals(0.0, s.at(W), 1e-15);
    assertEquals(10.0, s.at(E - 1), 1e-12);
    assertEquals(10.0, s.at(E), 1e-12);
    assertEquals(10.0, s.at(E + 0.5), 1e-12);
    assertEquals(5.0, s.at(W + (E - 1 - W) / 2.0), 1e-12);
    // λmax·½(1 − cos(π (e − W)/(E − 1 − W))) at an interior epoch.
    assertEquals(10 * 0.5 * (1 - Math.cos(Math.PI * 100.0 / 249)), s.at(250), 1e-12);
  }

  @Test
  void shapes_haveTheirEndpoints() {
    double[][] expected = { // value at W, at E-1
        {10, 10}, {0, 10}, {10, 0}, {0, 10}, {10, 0}, {0, 10}, {10, 0}};
    List<String> kinds = List.of("constant", "linear-increase", "linear-decrease",
        "cosine-increase", "cosine-decrease", "step-increase", "step-decrease");
    for (int i = 0; i < kinds.size(); i++) {
      LambdaSchedule s = paper(kinds.get(i));
      assertEquals(expected[i][0], s.at(W), 1e-12, kinds.get(i) + " at W");
      assertEquals(expected[i][1], s.at(E - 1), 1e-12, kinds.get(i) + " at E-1");
    }
    assertEquals(5.0, paper("linear-increase").at(W + 124.5), 1e-12);
    assertEquals(5.0, paper("linear-decrease").at(W + 124.5), 1e-12);
  }

  @Test
  void increasingAndDecreasingShapes_areMonotone() {
    for (String kind : List.of("linear-increase", "cosine-increase", "step-increase",
        "reference-cosine")) {
      LambdaSchedule s = paper(kind);
      for (double e = W; e < E; e += 0.25) {
        assertTrue(s.at(e + 0.25) >= s.at(e), kind + " at " + e);
      }
    }
    for (String kind : List.of("linear-decrease", "cosine-decrease", "step-decrease")) {
      LambdaSchedule s = paper(kind);
      for (double e = W; e < E; e += 0.25) {
        assertTrue(s.at(e + 0.25) <= s.at(e), kind + " at " + e);
      }
    }
    LambdaSchedule cos = paper("cosine-increase");
    for (int e = W; e < E - 1; e++) {
      assertTrue(cos.at(e + 1) > cos.at(e), "strictly increasing at " + e);
    }
  }

  @Test
  void steps_switchAtTheMiddleOfTheRegularisedSpan() {
    // Middle of [150, 400) is 275.
    assertEquals(0.0, paper("step-increase").at(274.99));
    assertEquals(10.0, paper("step-increase").at(275));
    assertEquals(10.0, paper("step-decrease").at(274.99));
    assertEquals(0.0, paper("step-decrease").at(275));
  }

  @Test
  void referenceCosine_reachesOnlyAboutSevenOfTen() {
    LambdaSchedule s = paper("reference-cosine");
    // ½(1 − cos(π·249/400))·10 at the last epoch index, ½(1 − cos(π·250/400))·10 at E.
    assertEquals(6.877, s.at(E - 1), 1e-3);
    assertEquals(6.913, s.at(E), 1e-3);
    assertEquals(6.9, s.at(E - 1), 0.05);
    assertEquals(0.0, s.at(W), 1e-15);
    assertTrue(paper("cosine-increase").at(E - 1) - s.at(E - 1) > 3);
  }

  @Test
  void ramp_multipliesLinearlyAfterWarmup() {
    LambdaSchedule s = LambdaSchedules.create("constant", 10, W, E, 20);
    assertEquals(0.0, s.at(W));
    assertEquals(2.5, s.at(W + 5), 1e-12);
    assertEquals(5.0, s.at(W + 10), 1e-12);
    assertEquals(10.0, s.at(W + 20), 1e-12);
    assertEquals(10.0, s.at(E - 1), 1e-12);
    LambdaSchedule cos = LambdaSchedules.create("cosine-increase", 10, W, E, 20);
    assertEquals(paper("cosine-increase").at(W + 10) * 0.5, cos.at(W + 10), 1e-12);
    assertEquals(paper("cosine-increase").at(300), cos.at(300), 1e-12);
  }

  @Test
  void fractionalEpochs_interpolate() {
    LambdaSchedule s = LambdaSchedules.create("linear-increase", 1, 0, 11, 0);
    assertEquals(0.05, s.at(0.5), 1e-12);
    assertEquals(0.525, s.at(5.25), 1e-12);
  }

  @Test
  void edgeCases_noWarmup_andSingleRegularisedEpoch() {
    LambdaSchedule noWarmup = LambdaSchedules.create("cosine-increase", 2, 0, 5, 0);
    assertEquals(0.0, noWarmup.at(0));
    assertEquals(2.0, noWarmup.at(4), 1e-12);
    LambdaSchedule last = LambdaSchedules.create("cosine-increase", 2, 4, 5, 0);
    assertEquals(0.0, last.at(3.99));
    assertEquals(2.0, last.at(4));
    assertEquals(0.0, LambdaSchedules.create("constant", 0, 0, 5, 0).at(3));
  }

  @Test
  void create_validatesArguments() {
    assertThrows(IllegalArgumentException.class, () -> LambdaSchedules.create("constant", -1, 0, 5, 0));
    assertThrows(IllegalArgumentException.class,
        () -> LambdaSchedules.create("constant", Double.NaN, 0, 5, 0));
    assertThrows(IllegalArgumentException.class,
        () -> LambdaSchedules.create("constant", Double.POSITIVE_INFINITY, 0, 5, 0));
    assertThrows(IllegalArgumentException.class, () -> LambdaSchedules.create("constant", 1, -1, 5, 0));
    assertThrows(IllegalArgumentException.class, () -> LambdaSchedules.create("constant", 1, 5, 5, 0));
    assertThrows(IllegalArgumentException.class, () -> LambdaSchedules.create("constant", 1, 0, 5, -1));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> LambdaSchedules.create("cosine", 1, 0, 5, 0));
    assertTrue(e.getMessage().contains("\"cosine\""), e.getMessage());
    assertTrue(e.getMessage().contains(LambdaShape.allowedIds()), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> paper("constant").at(Double.NaN));
  }

  @Test
  void create_returnsAComparableValue() {
    assertEquals(new WarmupLambdaSchedule(LambdaShape.COSINE_INCREASE, 10, W, E, 0),
        paper(" cosine-increase "));
  }
}
