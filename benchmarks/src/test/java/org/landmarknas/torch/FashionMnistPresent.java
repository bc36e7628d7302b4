package org.landmarknas.torch;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.util.Optional;
import org.landmarknas.data.DataLocation;

/**
 * The benchmark smoke tests' data check: without Fashion-MNIST a test is skipped on a developer's
 * machine but fails under CI ({@code CI=true}), which installs the data first, so a skip there
 * cannot hide that nothing was checked.
 */
final class FashionMnistPresent {
  private FashionMnistPresent() {}

  /** Returns when the data set is installed; skips or fails the calling test otherwise. */
  static void require() {
    boolean present = Files.isRegularFile(DataLocation.system()
        .resolve("fashion-mnist", Optional.empty()).resolve("train-images-idx3-ubyte.gz"));
    if (!present && "true".equals(System.getenv("CI"))) {
      fail("Fashion-MNIST is not installed; CI installs it before the tests");
    }
    assumeTrue(present, "Fashion-MNIST is not installed");
  }
}
