package org.landmarknas.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --help} at every level: exit code 0, usage on stdout naming what can be typed. */
final class HelpTest {

  @TempDir
  Path work;

  @Test
  void help_topLevel_listsCommandsAndOptions() {
    for (String[] args : List.of(new String[] {"--help"}, new String[] {"-h"},
        new String[] {"help"})) {
      CliProcess.Result r = CliProcess.run(work, args);
      assertEquals(0, r.exitCode(), r.describe());
      assertTrue(r.out().startsWith("usage: lmnas"), r.describe());
      assertContainsAll(r, "search", "space", "--help", "--version", "--verbose");
      assertEquals("", r.err(), r.describe());
    }
  }

  @Test
  void help_search_namesEveryOptionAndStartsNothing() throws IOException {
    CliProcess.Result r = CliProcess.run(work, "search", "--help");
    assertEquals(0, r.exitCode(), r.describe());
    assertTrue(r.out().startsWith("usage: lmnas search"), r.describe());
    assertContainsAll(r, "--config", "--set", "--run-dir", "--data-dir", "--verbose", "--help",
        "metrics.jsonl", "result.json");
    assertEquals("", r.err(), r.describe());
    try (Stream<Path> left = Files.list(work)) {
      assertEquals(List.of(), left.toList(), "help must not create a run directory");
    }
  }

  @Test
  void help_space_namesEverySubcommand() {
    List<String> subs = List.of("info", "sample", "mutate", "distance", "canonical");
    CliProcess.Result r = CliProcess.run(work, "space", "--help");
    assertEquals(0, r.exitCode(), r.describe());
    assertTrue(r.out().startsWith("usage: lmnas space"), r.describe());
    assertContainsAll(r, subs.toArray(String[]::new));
    for (String sub : subs) {
      CliProcess.Result s = CliProcess.run(work, "space", sub, "--help");
      assertEquals(0, s.exitCode(), s.describe());
      assertTrue(s.out().startsWith("usage: lmnas space " + sub), s.describe());
      assertEquals("", s.err(), s.describe());
    }
  }

  private static void assertContainsAll(CliProcess.Result r, String... words) {
    for (String w : words) {
      assertTrue(r.out().contains(w), () -> "usage lacks \"" + w + "\"\n" + r.describe());
    }
  }
}
