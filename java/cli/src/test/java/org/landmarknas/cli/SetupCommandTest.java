package org.landmarknas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landmarknas.TestData;

final class SetupCommandTest {

  @Test
  void setup_realData_reportsLibtorchAndTheImages() {
    Path data = TestData.fashionMnist();
    CliRun r = CliRun.standard("setup", "--data-dir", data.toString());
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().startsWith("libtorch 2.10"), r.out());
    assertTrue(r.out().contains("fashion-mnist: 60000 training and 10000 test images of 1x28x28 in "
        + data), r.out());
  }

  @Test
  void setup_missingDataDir_exit2NamingThePackageAndTheOption(@TempDir Path tmp) {
    Path missing = tmp.resolve("no-data");
    CliRun r = CliRun.standard("setup", "--data-dir", missing.toString());
    assertEquals(2, r.exitCode(), r.err());
    assertTrue(r.oneLineError(), r.err());
    assertTrue(r.err().contains(missing + " does not exist"), r.err());
    assertTrue(r.err().contains("dataset-fashion-mnist") && r.err().contains("--data-dir"),
        r.err());
  }

  @Test
  void setup_unknownDataset_exit2ListingTheKnownOnes() {
    CliRun r = CliRun.standard("setup", "--dataset", "mnist");
    assertEquals(2, r.exitCode(), r.err());
    assertTrue(r.err().contains("\"mnist\"") && r.err().contains("fashion-mnist, cifar10"),
        r.err());
    assertEquals("", r.out(), "fails before loading anything");
  }
}
