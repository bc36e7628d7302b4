package org.landmarknas.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.landmarknas.search.ScoreMeasure;

/**
 * The scoring and sampling levers: {@code evaluate.score-by}, {@code evaluate.final-images} and
 * {@code train.sampling}, their defaults (the paper's choices) and every refusal.
 */
final class ScoringConfigTest {

  @Test
  void defaults_areThePapers() {
    RunConfig d = RunConfig.defaults();
    assertEquals(ScoreMeasure.ACCURACY, d.evaluate().measure());
    assertEquals(d.evaluate().images(), d.evaluate().poolImages(true));
    assertEquals("ops", d.train().sampling());
  }

  @Test
  void finalImages_replaceImagesOnlyForTheLastScoring() {
    RunConfig c = RunConfigLoader.fromDefaults(List.of("evaluate.images=1000",
        "evaluate.final-images=0", "evaluate.score-by=loss", "train.sampling=classes"));
    assertEquals(1000, c.evaluate().poolImages(false));
    assertEquals(0, c.evaluate().poolImages(true), "0 = the whole test split");
    assertEquals(ScoreMeasure.LOSS, c.evaluate().measure());
    assertEquals(-0.25, c.evaluate().measure().value(0.9, 0.25));
  }

  @Test
  void badValues_nameTheKey() {
    assertMessage("evaluate.score-by", "accuracy, loss", "evaluate.score-by=error");
    assertMessage("evaluate.final-images", ">= -1", "evaluate.final-images=-2");
    assertMessage("train.sampling", "ops, classes", "train.sampling=cells");
    assertMessage("evaluate.precision", "as-train, fp32, bf16", "evaluate.precision=fp16");
  }

  @Test
  void scoringPrecision_followsTrainingUnlessSet() {
    RunConfig d = RunConfigLoader.fromDefaults(List.of("supernet.precision=bf16"));
    assertEquals("bf16", d.evaluate().scoringPrecision(d.supernet().precision()));
    RunConfig c = RunConfigLoader.fromDefaults(List.of("evaluate.precision=bf16"));
    assertEquals("fp32", c.supernet().precision());
    assertEquals("bf16", c.evaluate().scoringPrecision(c.supernet().precision()));
  }

  @Test
  void classSampling_refusesOtherPoliciesAndSpacesThatCannotBeListed() {
    assertMessage("train.sampling", "gdas", "train.sampling=classes", "search.policy=gdas");
    assertMessage("train.sampling", "nb101", "train.sampling=classes", "space=nb101");
    assertMessage("train.sampling", "darts", "train.sampling=classes", "space=darts");
  }

  private static void assertMessage(String key, String mentions, String... overrides) {
    ConfigException e = assertThrows(ConfigException.class,
        () -> RunConfigLoader.fromDefaults(List.of(overrides)));
    assertTrue(e.getMessage().contains(key) && e.getMessage().contains(mentions),
        e.getMessage());
  }
}
