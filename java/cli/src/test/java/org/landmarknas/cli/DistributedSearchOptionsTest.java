package org.landmarknas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lmnas search}'s data-parallel options fail before any work, with exit code 2 and one
 * line that names the option (no rank is started, nothing is created).
 */
final class DistributedSearchOptionsTest {
  @TempDir Path tmp;

  private void assertUsage(String expected, String... args) {
    String[] all = new String[args.length + 3];
    all[0] = "search";
    all[1] = "--run-dir";
    all[2] = tmp.resolve("run").toString();
    System.arraycopy(args, 0, all, 3, args.length);
    CliRun r = CliRun.standard(all);
    assertEquals(Main.EXIT_USAGE, r.exitCode(), r.err());
    assertTrue(r.oneLineError(), r.err());
    assertTrue(r.err().contains(expected), r.err());
    assertTrue(Files.notExists(tmp.resolve("run")), "nothing may be created");
  }

  @Test
  void badRankOptions_exitTwo_namingTheOption() {
    assertUsage("--ranks", "--ranks", "1");
    assertUsage("--ranks", "--ranks", "two");
    assertUsage("cannot be combined with --rank", "--ranks", "2", "--rank", "0");
    assertUsage("--world is missing", "--rank", "0", "--rendezvous", "h:1");
    assertUsage("--rank must be 0..1", "--rank", "2", "--world", "2", "--rendezvous", "h:1");
    assertUsage("--world: 1 is out of range", "--rank", "0", "--world", "1", "--rendezvous",
        "h:1");
    assertUsage("HOST:PORT", "--rank", "0", "--world", "2", "--rendezvous", "localhost");
    assertUsage("port must be 1..65535", "--rank", "0", "--world", "2", "--rendezvous",
        "h:70000");
  }

  /**
   * This project's machines and build have no CUDA: a GPU run must stop at once, naming the key
   * and the -Pgpu build, for one process and for ranks alike.
   */
  @Test
  void gpuWithoutCuda_exitTwo_namingTheKey() {
    assertUsage("train.device: \"cuda\" asks for a GPU", "--set", "train.device=cuda");
    assertUsage("-Pgpu", "--ranks", "2", "--set", "train.device=cuda:1");
    assertUsage("train.device: \"gpu\" is not allowed (allowed: cpu, cuda or cuda:N",
        "--set", "train.device=gpu");
  }

  @Test
  void globalBatchNotDivisible_exitTwo_suggestingOne() {
    assertUsage("train.batch-size 30 is the global batch and must be a multiple of the 4"
        + " ranks", "--ranks", "4", "--set", "train.batch-size=30");
    assertUsage("e.g. --set train.batch-size=32", "--rank", "1", "--world", "4",
        "--rendezvous", "h:1", "--set", "train.batch-size=30");
  }
}
