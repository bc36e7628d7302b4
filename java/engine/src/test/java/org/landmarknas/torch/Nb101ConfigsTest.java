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
import org.landmarknas.space.Nb101Arch;
import org.landmarknas.space.Nb101Space;

/** The shipped NB101 configs load and name a space the engine trains. */
final class Nb101ConfigsTest {

  private static RunConfig load(String file) {
    Path config = TestData.repoRoot().resolve("configs").resolve(file);
    return RunConfigLoader.load(config, List.of());
  }

  @Test
  void fashionMnistConfig_trainsNb101OnTheCpu() {
    RunConfig c = load("nb101-fmnist-spos.yaml");
    assertEquals("nb101", c.space());
    assertTrue(SupernetSpaces.byName(c.space()) instanceof Nb101SupernetSpace);
    assertEquals(new SupernetConfig(16, 1, "batch", "fp32", "channels-last"), c.supernet());
    assertFalse(c.landmarks().enabled());
  }

  @Test
  void paperConfig_holdsThePapersNb101Setting() {
    RunConfig c = load("paper-nb101-cifar10.yaml");
    assertEquals("nb101", c.space());
    assertEquals("cifar10", c.data().dataset());
    assertEquals(new SupernetConfig(64, 3, "batch", "fp32"), c.supernet());
    assertEquals(200, c.train().epochs());
    assertEquals(128, c.train().batchSize());
    assertEquals(0.025, c.train().lr());
    assertEquals(1e-4, c.train().weightDecay());
    assertEquals(100, c.landmarks().warmup());
    // Its pool and landmarks come from the shipped sample: 200 cells and 50 others to rank.
    String sample = TestData.nb101Table().toString();
    RunConfig here = RunConfigLoader.load(TestData.repoRoot().resolve(
        "configs/paper-nb101-cifar10.yaml"), List.of("evaluate.pool=" + sample,
        "landmarks.ground-truth=" + sample));
    SearchInputs<Nb101Arch> inputs = SearchInputs.read(Nb101Space.INSTANCE, here,
        RunSeeds.of(here.seed()));
    assertEquals(200, inputs.pool().orElseThrow().size());
    assertEquals(50, inputs.initialLandmarks().size());
  }
}
