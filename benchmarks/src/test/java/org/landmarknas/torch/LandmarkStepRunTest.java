package org.landmarknas.torch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.landmarknas.data.DataLocation;

/** A few steps of the landmark pairs' engine side: the two lines landmark-pairs.sh reads. */
final class LandmarkStepRunTest {

  @Test
  void measure_printsOneLinePerStepKind() {
    boolean data = Files.isRegularFile(DataLocation.system()
        .resolve("fashion-mnist", Optional.empty()).resolve("train-images-idx3-ubyte.gz"));
    if (!data && "true".equals(System.getenv("CI"))) {
      fail("Fashion-MNIST is not installed; CI installs it before the tests");
    }
    assumeTrue(data, "Fashion-MNIST is not installed");
    List<String> lines = LandmarkStepRun.measure(2, 1);
    assertEquals(2, lines.size(), lines.toString());
    for (int pairs = 0; pairs < 2; pairs++) {
      // what the script greps for, then its sed: " pairs=N " and "steps/s=<number> "
      assertTrue(lines.get(pairs).matches("^RESULT engine .* pairs=" + pairs
          + " steps=2 steps/s=[0-9]+\\.[0-9]{2} .*in_order=0\\.[0-9]{2}$"), lines.get(pairs));
    }
  }
}
