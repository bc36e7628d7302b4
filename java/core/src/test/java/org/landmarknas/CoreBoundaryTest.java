package org.landmarknas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The core is pure Java: nothing of the engine, the CLI, libtorch or the CLI's libraries is on
 * its class path. Checked on the class path Maven builds from this module's dependencies, so a
 * dependency added to the core's pom that drags a higher layer in fails here, whatever the
 * sources import.
 */
final class CoreBoundaryTest {

  @Test
  void higherLayersAndTheirLibrariesAreNotOnTheClassPath() {
    List<String> present = ClassPaths.loadable(List.of(
        "org.landmarknas.torch.SupernetSearch", // the engine
        "org.landmarknas.cli.Main", // the CLI
        "org.landmarknas.store.ResultsStore",
        "org.bytedeco.pytorch.Tensor", // libtorch
        "org.bytedeco.javacpp.Pointer",
        "org.apache.commons.cli.Options", // the CLI's libraries
        "org.apache.commons.math3.stat.inference.TTest",
        "org.knowm.xchart.XYChart",
        "org.sqlite.JDBC",
        "org.postgresql.Driver"));
    assertTrue(present.isEmpty(), "the core's class path holds " + present);
  }

  @Test
  void theCheckSeesClassesThatArePresent() {
    List<String> wanted = List.of("org.landmarknas.space.SearchSpace", "org.yaml.snakeyaml.Yaml");
    assertEquals(wanted, ClassPaths.loadable(wanted));
  }
}
