package org.landmarknas;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.landmarknas.data.DataLocation;
import org.landmarknas.data.FashionMnistReader;

/**
 * Where the tests find their data. The NB201 table ships inside the repository, so a test that
 * reads it always can. Fashion-MNIST is found as the engine finds it ({@code LMNAS_DATA_DIR}, else
 * Debian's directory); where it is missing a test that needs it is skipped on a developer's
 * machine, but fails under CI ({@code CI=true}), which installs it first: a skipped data test
 * there would hide that nothing was checked.
 */
public final class TestData {
  /** Surefire's system property naming the repository's root directory. */
  private static final String REPO_PROPERTY = "landmarknas.repo.dir";

  private TestData() {}

  /**
   * The repository's root: {@value #REPO_PROPERTY}, else the nearest directory above the working
   * directory that holds the launcher ({@code lmnas}), for a test run from an IDE.
   */
  public static Path repoRoot() {
    String configured = System.getProperty(REPO_PROPERTY);
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("lmnas")) && Files.isDirectory(dir.resolve("java"))) {
        return dir;
      }
    }
    throw new IllegalStateException("no repository root above " + Path.of("").toAbsolutePath()
        + "; set -D" + REPO_PROPERTY);
  }

  /** The NB201 CIFAR-10 table shipped in {@code benchmarks/data/nasbench201/}. */
  public static Path nb201Table() {
    Path table = repoRoot().resolve("benchmarks/data/nasbench201/cifar10.csv");
    assertTrue(Files.isRegularFile(table), "the NB201 table ships with the repository, but "
        + table + " is not there");
    return table;
  }

  /** The NB101 sample with zero-cost proxies shipped in {@code benchmarks/data/nasbench101/}. */
  public static Path nb101Table() {
    Path table = repoRoot().resolve("benchmarks/data/nasbench101/zc_nasbench101.json");
    assertTrue(Files.isRegularFile(table), "the NB101 sample ships with the repository, but "
        + table + " is not there");
    return table;
  }

  /** The NB301 (DARTS) sample with zero-cost proxies, in {@code benchmarks/data/nasbench301/}. */
  public static Path nb301Table() {
    Path table = repoRoot().resolve("benchmarks/data/nasbench301/zc_nasbench301.json");
    assertTrue(Files.isRegularFile(table), "the NB301 sample ships with the repository, but "
        + table + " is not there");
    return table;
  }

  /**
   * The Fashion-MNIST directory the engine would read; skips the calling test where it is
   * missing, fails it instead when {@code CI=true}.
   */
  public static Path fashionMnist() {
    Path dir = DataLocation.system().resolve(FashionMnistReader.NAME, Optional.empty());
    if (!Files.isDirectory(dir)) {
      String why = "Fashion-MNIST is not in " + dir + " (./lmnas setup installs it as root;"
          + " or set " + DataLocation.ENV_VAR + ")";
      if ("true".equals(System.getenv("CI"))) {
        fail(why + "; under CI=true a data test fails rather than skips");
      }
      assumeTrue(false, why);
    }
    return dir;
  }
}
