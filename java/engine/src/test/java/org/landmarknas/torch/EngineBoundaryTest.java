package org.landmarknas.torch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.landmarknas.ClassPaths;

/**
 * The engine sees the core and libtorch but nothing of the CLI: an embedder that takes the engine
 * does not inherit the CLI's store, plots or argument parser. Checked on the class path Maven
 * builds from this module's dependencies.
 */
final class EngineBoundaryTest {

  @Test
  void theCliAndItsLibrariesAreNotOnTheClassPath() {
    List<String> present = ClassPaths.loadable(List.of(
        "org.landmarknas.cli.Main",
        "org.landmarknas.store.ResultsStore",
        "org.landmarknas.report.ReportWriter",
        "org.landmarknas.experiment.ExperimentRunner",
        "org.apache.commons.cli.Options",
        "org.apache.commons.math3.stat.inference.TTest",
        "org.knowm.xchart.XYChart",
        "org.sqlite.JDBC",
        "org.postgresql.Driver"));
    assertTrue(present.isEmpty(), "the engine's class path holds " + present);
  }

  @Test
  void theCoreAndLibtorchAre() {
    List<String> wanted = List.of("org.landmarknas.space.SearchSpace",
        "org.bytedeco.pytorch.Tensor");
    assertEquals(wanted, ClassPaths.loadable(wanted));
  }
}
