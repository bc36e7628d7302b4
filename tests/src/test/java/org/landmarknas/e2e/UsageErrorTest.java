package org.landmarknas.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landmarknas.space.Nb201Arch;

/**
 * Bad input ends with exit code 2 and one line {@code lmnas <command>: error: ...} on stderr that
 * names what is wrong, with no stack trace, and a bad configuration leaves nothing on disk.
 */
final class UsageErrorTest {

  @TempDir
  Path work;

  @Test
  void search_unknownKeyInConfigFile_exitsTwoNamingFileLineAndKey() throws IOException {
    Path config = Files.writeString(work.resolve("bad.yaml"), """
        name: e2e-bad
        train:
          epochs: 2
          epoch: 3
        """);
    Path runDir = work.resolve("run");

    CliProcess.Result r = CliProcess.run(work, "search", "--config", config.toString(),
        "--run-dir", runDir.toString());

    String line = assertOneLineError(r, "search");
    assertTrue(line.contains("train.epoch:"), r.describe());
    assertTrue(line.contains("bad.yaml:4"), () -> "expected file and line\n" + r.describe());
    assertTrue(line.contains("epochs"), () -> "expected the allowed keys\n" + r.describe());
    assertFalse(Files.exists(runDir), "a rejected config must not create the run directory");
    assertWorkDirHoldsOnly("bad.yaml");
  }

  @Test
  void search_unknownKeyInSet_exitsTwoNamingKeyAndCreatesNoRunDirectory() throws IOException {
    CliProcess.Result r = CliProcess.run(work, "search", "--set", "train.epochs=1",
        "--set", "supernet.width=8");

    String line = assertOneLineError(r, "search");
    assertTrue(line.contains("--set"), r.describe());
    assertTrue(line.contains("supernet.width"), r.describe());
    assertTrue(line.contains("channels"), () -> "expected the allowed keys\n" + r.describe());
    assertWorkDirHoldsOnly(); // no runs/<name>-<time> either
  }

  @Test
  void search_valueOutOfRangeInSet_exitsTwoNamingKeyAndRange() throws IOException {
    CliProcess.Result r = CliProcess.run(work, "search", "--set", "train.epochs=0");

    String line = assertOneLineError(r, "search");
    assertTrue(line.contains("train.epochs"), r.describe());
    assertTrue(line.contains(">= 1"), r.describe());
    assertWorkDirHoldsOnly();
  }

  @Test
  void search_abbreviatedOption_exitsTwo() throws IOException {
    CliProcess.Result r = CliProcess.run(work, "search", "--conf", "x.yaml");

    String line = assertOneLineError(r, "search");
    assertTrue(line.contains("--conf"), r.describe());
    assertWorkDirHoldsOnly();
  }

  @Test
  void spaceCanonical_badArchitecture_exitsTwoWithParserMessage() {
    String bad = "|nor_conv_3x3~0|+|conv_5x5~0|none~1|+|skip_connect~0|none~1|none~2|";
    String parserMessage = assertThrows(IllegalArgumentException.class,
        () -> Nb201Arch.parse(bad)).getMessage();

    CliProcess.Result r = CliProcess.run(work, "space", "canonical", bad);

    String line = assertOneLineError(r, "space");
    assertEquals("lmnas space: error: " + parserMessage, line);
    assertTrue(line.contains("conv_5x5"), r.describe());
  }

  @Test
  void search_emptyDataDir_exitsTwoNamingTheMissingFile() throws IOException {
    Path empty = Files.createDirectory(work.resolve("no-data"));
    Path config = TinySearch.writeConfig(work);

    CliProcess.Result r = CliProcess.run(work,
        TinySearch.args(config, work.resolve("run"), 1, empty));

    String line = assertOneLineError(r, "search");
    assertTrue(line.contains(empty.resolve("train-images-idx3-ubyte").toString()),
        () -> "expected the missing file's path\n" + r.describe());
    assertTrue(line.contains("missing"), r.describe());
  }

  /** Exit code 2, exactly one stderr line with the command's prefix, no stack trace; the line. */
  private static String assertOneLineError(CliProcess.Result r, String command) {
    assertEquals(2, r.exitCode(), r.describe());
    List<String> lines = r.errLines();
    assertEquals(1, lines.size(), () -> "expected one error line\n" + r.describe());
    String line = lines.get(0);
    assertTrue(line.startsWith("lmnas " + command + ": error: "), r.describe());
    assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"),
        () -> "stack trace without --verbose\n" + r.describe());
    return line;
  }

  private void assertWorkDirHoldsOnly(String... names) throws IOException {
    try (Stream<Path> entries = Files.list(work)) {
      assertEquals(List.of(names),
          entries.map(p -> p.getFileName().toString()).sorted().toList());
    }
  }
}
