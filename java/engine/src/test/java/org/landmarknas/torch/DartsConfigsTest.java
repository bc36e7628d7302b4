package org.landmarknas.torch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.landmarknas.TestData;
import org.landmarknas.config.RunConfig;
import org.landmarknas.config.RunConfigLoader;
import org.landmarknas.config.SupernetConfig;
import org.landmarknas.space.DartsGenotype;
import org.landmarknas.space.DartsSpace;
import org.landmarknas.space.Skeleton;

/** The shipped DARTS configs load and name a space the engine trains. */
final class DartsConfigsTest {

  private static RunConfig load(String file, List<String> overrides) {
    return RunConfigLoader.load(TestData.repoRoot().resolve("configs").resolve(file), overrides);
  }

  @Test
  void fashionMnistConfig_trainsDartsOnTheCpu() {
    RunConfig c = load("darts-fmnist-spos.yaml", List.of());
    assertEquals("darts", c.space());
    assertTrue(SupernetSpaces.byName(c.space()) instanceof DartsSupernetSpace);
    assertEquals(new SupernetConfig(8, 1, "batch", "fp32", "channels-last"), c.supernet());
    assertEquals("fashion-mnist", c.data().dataset());
    assertEquals(0.05, c.train().lr());
    assertFalse(c.landmarks().enabled());
    // the network it trains is DARTS's of L = 5 cells, which the cost model can size
    assertTrue(DartsSpace.INSTANCE.cost(DartsNetworkTest.DARTS_V2,
        new Skeleton(1, 28, 28, 10, 8, 1)).parameters() > 0);
  }

  @Test
  void paperConfig_holdsThePapersDartsSetting() {
    RunConfig c = load("paper-darts-cifar10.yaml", List.of());
    assertEquals("darts", c.space());
    assertEquals("cifar10", c.data().dataset());
    assertEquals(new SupernetConfig(36, 3, "batch", "fp32"), c.supernet());
    assertEquals(400, c.train().epochs());
    assertEquals(128, c.train().batchSize());
    assertEquals(0.05, c.train().lr());
    assertEquals(5e-4, c.train().weightDecay());
    assertEquals(100, c.landmarks().warmup());
    // pool and landmarks from the shipped NB301 sample: 200 genotypes and 50 others to rank
    String sample = TestData.nb301Table().toString();
    RunConfig here = load("paper-darts-cifar10.yaml", List.of("evaluate.pool=" + sample,
        "landmarks.ground-truth=" + sample));
    SearchInputs<DartsGenotype> inputs = SearchInputs.read(DartsSpace.INSTANCE, here,
        RunSeeds.of(here.seed()));
    assertEquals(200, inputs.pool().orElseThrow().size());
    assertEquals(50, inputs.initialLandmarks().size());
  }
}
