package org.landmarknas.landmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.landmarknas.config.ConfigException;
import org.landmarknas.config.LandmarksConfig;
import org.junit.jupiter.api.Test;

/** Hinge, margin hinge, softplus and the id registry. */
final class RankingLossesTest {

  @Test
  void hinge_valueAndDerivative() {
    RankingLoss h = new HingeLoss();
    assertEquals(0.0, h.value(-2.5));
    assertEquals(0.0, h.value(0.0));
    assertEquals(1.25, h.value(1.25));
    assertEquals(0.0, h.derivative(-1e-12));
    assertEquals(0.0, h.derivative(0.0));
    assertEquals(1.0, h.derivative(1e-12));
    assertEquals("hinge", h.id());
  }

  @Test
  void marginHinge_shiftsTheKink() {
    RankingLoss h = new MarginHingeLoss(0.1);
    assertEquals(0.1, h.value(0.0), 1e-15);
    assertEquals(0.0, h.value(-0.1));
    assertEquals(0.05, h.value(-0.05), 1e-15);
    assertEquals(0.0, h.value(-3));
    assertEquals(1.0, h.derivative(-0.05));
    assertEquals(0.0, h.derivative(-0.1));
    assertEquals(0.0, h.derivative(-0.2));
    assertEquals("margin-hinge:0.1", h.id());
    assertThrows(IllegalArgumentException.class, () -> new MarginHingeLoss(-0.1));
    assertThrows(IllegalArgumentException.class, () -> new MarginHingeLoss(Double.NaN));
    assertThrows(IllegalArgumentException.class,
        () -> new MarginHingeLoss(Double.POSITIVE_INFINITY));
  }

  @Test
  void softplus_valuesMatchTheFormula() {
    for (double beta : new double[] {0.5, 1.0, 4.0}) {
      RankingLoss s = new SoftplusLoss(beta);
      for (double x : new double[] {-3, -0.5, 0, 0.25, 2}) {
        assertEquals(Math.log(1 + Math.exp(beta * x)) / beta, s.value(x), 1e-14);
        assertEquals(1 / (1 + Math.exp(-beta * x)), s.derivative(x), 1e-15);
      }
    }
    assertEquals(Math.log(2), new SoftplusLoss(1).value(0), 1e-16);
    assertEquals(0.5, new SoftplusLoss(3).derivative(0));
  }

  @Test
  void softplus_isStableAtLargeArguments() {
    RankingLoss s = new SoftplusLoss(1.0);
    assertEquals(1000.0, s.value(1000), 0);
    assertEquals(0.0, s.value(-1000), 1e-300);
    assertTrue(s.value(-1000) >= 0);
    assertEquals(1.0, s.derivative(1000));
    assertEquals(0.0, s.derivative(-1000));
    RankingLoss sharp = new SoftplusLoss(50);
    assertEquals(1000.0, sharp.value(1000), 0);
    assertTrue(Double.isFinite(sharp.value(-1000)) && Double.isFinite(sharp.derivative(-1000)));
  }

  @Test
  void softplus_approachesHingeForLargeBeta() {
    RankingLoss sharp = new SoftplusLoss(1e4);
    RankingLoss hinge = new HingeLoss();
    for (double x : new double[] {-1, -0.1, 0.1, 1}) {
      assertEquals(hinge.value(x), sharp.value(x), 1e-12);
      assertEquals(hinge.derivative(x), sharp.derivative(x), 1e-12);
    }
  }

  @Test
  void derivatives_matchFiniteDifferencesAwayFromKinks() {
    double h = 1e-6;
    for (RankingLoss loss : List.of(new HingeLoss(), new MarginHingeLoss(0.3),
        new SoftplusLoss(1), new SoftplusLoss(2.5))) {
      for (double x : new double[] {-2.1, -0.7, 0.13, 0.9, 3.3}) {
        double fd = (loss.value(x + h) - loss.value(x - h)) / (2 * h);
        assertEquals(fd, loss.derivative(x), 1e-6, loss.id() + " at " + x);
      }
    }
  }

  @Test
  void softplus_rejectsBadBeta() {
    assertThrows(IllegalArgumentException.class, () -> new SoftplusLoss(0));
    assertThrows(IllegalArgumentException.class, () -> new SoftplusLoss(-1));
    assertThrows(IllegalArgumentException.class, () -> new SoftplusLoss(Double.NaN));
  }

  @Test
  void parse_knownIds_andRoundTripsId() {
    assertEquals(new HingeLoss(), RankingLosses.parse("hinge"));
    assertEquals(new HingeLoss(), RankingLosses.parse(" hinge "));
    assertEquals(new MarginHingeLoss(0.1), RankingLosses.parse("margin-hinge:0.1"));
    assertEquals(new SoftplusLoss(1.0), RankingLosses.parse("softplus:1.0"));
    assertEquals(new SoftplusLoss(1.0), RankingLosses.parse("softplus"));
    assertEquals(new SoftplusLoss(2.5), RankingLosses.parse("softplus:2.5"));
    for (RankingLoss l : List.of(new HingeLoss(), new MarginHingeLoss(0.1),
        new MarginHingeLoss(0), new SoftplusLoss(1), new SoftplusLoss(1e-7),
        new SoftplusLoss(0.1 + 0.2))) {
      assertEquals(l, RankingLosses.parse(l.id()), l.id());
    }
    assertEquals("softplus:1.0", new SoftplusLoss(1).id());
    assertEquals(RankingLosses.DEFAULT, new HingeLoss().id());
  }

  @Test
  void parse_badIds_listTheAllowedForms() {
    for (String bad : List.of("rank", "hinge:1", "margin-hinge", "margin-hinge:-0.1",
        "margin-hinge:abc", "softplus:0", "softplus:NaN", "softplus:", "")) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> RankingLosses.parse(bad), bad);
      assertTrue(e.getMessage().contains("\"" + bad + "\""), e.getMessage());
      assertTrue(e.getMessage().contains(RankingLosses.allowedIds()), e.getMessage());
    }
  }

  @Test
  void configValidation_acceptsExactlyTheIdsParseAccepts() {
    // landmarks.loss is checked when the config is read, by its own copy of the grammar
    for (String id : List.of("hinge", "softplus", " hinge ", "margin-hinge:0", "margin-hinge:0.1",
        "margin-hinge:1e-2", "softplus:2", "softplus:0.5", "margin-hinge:-1", "margin-hinge:abc",
        "margin-hinge:", "margin-hinge", "softplus:0", "softplus:-1", "softplus:", "hinge:1",
        "Hinge", "logistic", "margin-hinge:1e999", "softplus:NaN", "")) {
      boolean parses;
      try {
        RankingLosses.parse(id);
        parses = true;
      } catch (IllegalArgumentException e) {
        parses = false;
      }
      boolean configured;
      LandmarksConfig d = LandmarksConfig.defaults();
      try {
        new LandmarksConfig(d.count(), d.file(), d.groundTruth(), d.selector(), d.tau(),
            d.pairs(), d.pairSampler(), id, d.weighting(), d.lambdaMax(), d.schedule(),
            d.warmup(), d.ramp(), d.perStep(), d.lazy(), d.rounds(), d.perRound(),
            d.queue(), d.queueProtocol(), d.queuePollSeconds());
        configured = true;
      } catch (ConfigException e) {
        assertTrue(e.getMessage().contains("landmarks.loss"), e.getMessage());
        configured = false;
      }
      assertEquals(parses, configured, "\"" + id + "\"");
    }
  }
}
