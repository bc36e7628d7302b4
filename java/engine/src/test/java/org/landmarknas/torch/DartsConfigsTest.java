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
import org.landmarknas.space.DartsSpace;
import org.landmarknas.space.Skeleton;

/** The shipped DARTS config loads and names a space the engine trains. */
final class DartsConfigsTest {

  @Test
  void fashionMnistConfig_trainsDartsOnTheCpu() {
    Path file = TestData.repoRoot().resolve("configs").resolve("darts-fmnist-spos.yaml");
    RunConfig c = RunConfigLoader.load(file, List.of());
    assertEquals("darts", c.space());
    assertTrue(SupernetSpaces.byName(c.space()) instanceof DartsSupernetSpace);
    assertEquals(new SupernetConfig(8, 1, "batch", "fp32"), c.supernet());
    assertEquals("fashion-mnist", c.data().dataset());
    assertEquals(0.05, c.train().lr());
    assertFalse(c.landmarks().enabled());
    // the network it trains is DARTS's of L = 5 cells, which the cost model can size
    assertTrue(DartsSpace.INSTANCE.cost(DartsNetworkTest.DARTS_V2,
        new Skeleton(1, 28, 28, 10, 8, 1)).parameters() > 0);
  }
}
