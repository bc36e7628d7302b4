package org.landmarknas.torch;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.landmarknas.data.DataLocation;

/** A few steps of the peer pairs' engine side, so the line peer-pairs.sh reads stays readable. */
final class SposStepRunTest {

  @Test
  void measure_printsTheResultLineThePairsScriptParses() {
    boolean data = Files.isRegularFile(DataLocation.system()
        .resolve("fashion-mnist", Optional.empty()).resolve("train-images-idx3-ubyte.gz"));
    if (!data && "true".equals(System.getenv("CI"))) {
      fail("Fashion-MNIST is not installed; CI installs it before the tests");
    }
    assumeTrue(data, "Fashion-MNIST is not installed");
    for (TensorLayout layout : TensorLayout.values()) {
      String line = SposStepRun.measure(3, 1, layout);
      // the sed of benchmarks/peer-pairs.sh: "^RESULT .* steps/s=<number> "
      assertTrue(line.matches("^RESULT engine layout=" + layout.id()
          + " .* steps/s=[0-9]+\\.[0-9]{2} .*last_loss=[0-9.]+$"), line);
    }
  }
}
