package org.landmarknas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landmarknas.config.RunConfig;
import org.landmarknas.config.RunConfigLoader;

final class MainTest {

  @TempDir
  Path tmp;

  /** Registry whose search records its calls instead of training (no libtorch in these tests). */
  private final List<RunConfig> searched = new ArrayList<>();

  private CommandRegistry fakeSearchRegistry() {
    Clock clock = Clock.fixed(Instant.parse("2025-03-04T05:06:07Z"), ZoneOffset.UTC);
    return new CommandRegistry()
        .register(new SearchCommand(clock, tmp.resolve("runs"), (config, dir, progress, resume) -> {
          searched.add(config);
          progress.println("training...");
          return "summary: best arch X";
        }))
        .register(new SpaceCommand());
  }

  // ---- help and version ----------------------------------------------------------------------

  @Test
  void help_topLevel_listsCommandsAndExitsZero() {
    for (String flag : List.of("--help", "-h")) {
      CliRun r = CliRun.standard(flag);
      assertEquals(0, r.exitCode());
      assertTrue(r.out().startsWith("usage: lmnas"), r.out());
      assertTrue(r.out().contains("search") && r.out().contains("space"), r.out());
      assertEquals("", r.err());
    }
    assertEquals(0, CliRun.standard("help").exitCode());
  }

  @Test
  void help_everyCommandAndSubcommand_printsUsageAndExitsZero() {
    List<String[]> calls = new ArrayList<>();
    for (Command c : CommandRegistry.standard().all()) {
      calls.add(new String[] {c.name(), "--help"});
      calls.add(new String[] {c.name(), "-h"});
      calls.add(new String[] {"help", c.name()});
    }
    for (String sub : List.of("info", "sample", "mutate", "distance", "canonical")) {
      calls.add(new String[] {"space", sub, "--help"});
    }
    for (String[] args : calls) {
      CliRun r = CliRun.standard(args);
      assertEquals(0, r.exitCode(), String.join(" ", args) + ": " + r.err());
      String command = args[0].equals("help") ? args[1] : args[0];
      assertTrue(r.out().startsWith("usage: lmnas " + command),
          String.join(" ", args) + ":\n" + r.out());
      assertEquals("", r.err());
    }
  }

  @Test
  void version_printsToolNameAndExitsZero() {
    CliRun r = CliRun.standard("--version");
    assertEquals(0, r.exitCode());
    assertTrue(r.out().startsWith("lmnas "), r.out());
  }

  // ---- usage errors --------------------------------------------------------------------------

  @Test
  void unknownCommand_exitsTwoWithOneLine() {
    CliRun r = CliRun.standard("serch");
    assertEquals(2, r.exitCode());
    assertTrue(r.oneLineError(), r.err());
    assertTrue(r.err().startsWith("lmnas: error: unknown command \"serch\""), r.err());
    assertTrue(r.err().contains("search, space"), r.err());
  }

  @Test
  void noCommand_exitsTwo() {
    CliRun r = CliRun.standard();
    assertEquals(2, r.exitCode());
    assertTrue(r.oneLineError(), r.err());
  }

  @Test
  void unknownOption_exitsTwoWithOneLine() {
    for (String[] args : List.of(new String[] {"--bogus"}, new String[] {"search", "--bogus"},
        new String[] {"search", "--conf", "x.yaml"}, new String[] {"space", "info", "--bogus"})) {
      CliRun r = CliRun.of(fakeSearchRegistry(), args);
      assertEquals(2, r.exitCode(), String.join(" ", args));
      assertTrue(r.oneLineError(), r.err());
      assertTrue(r.err().contains("error:") && r.err().contains(args[args.length - 1]
          .startsWith("--") ? args[args.length - 1] : args[args.length - 2]), r.err());
    }
  }

  @Test
  void missingArgument_exitsTwoWithOneLine() {
    CliRun r = CliRun.of(fakeSearchRegistry(), "search", "--config");
    assertEquals(2, r.exitCode());
    assertTrue(r.oneLineError(), r.err());
    assertTrue(r.err().startsWith("lmnas search: error: "), r.err());
    assertTrue(r.err().contains("config"), r.err());
  }

  @Test
  void badConfigKey_exitsTwoNamingTheKey_andCreatesNothing() throws IOException {
    CliRun set = CliRun.of(fakeSearchRegistry(), "search", "--set", "train.epoch=3");
    assertEquals(2, set.exitCode());
    assertTrue(set.oneLineError(), set.err());
    assertTrue(set.err().contains("train.epoch"), set.err());
    assertTrue(set.err().contains("--set"), set.err());

    Path config = Files.writeString(tmp.resolve("bad.yaml"), "supernet:\n  chanels: 8\n");
    CliRun file = CliRun.of(fakeSearchRegistry(), "search", "--config", config.toString());
    assertEquals(2, file.exitCode());
    assertTrue(file.oneLineError(), file.err());
    assertTrue(file.err().contains(config + ":2: supernet.chanels: unknown key"), file.err());

    CliRun syntax = CliRun.of(fakeSearchRegistry(), "search", "--set", "foo");
    assertEquals(2, syntax.exitCode());
    assertTrue(syntax.oneLineError(), syntax.err());

    assertFalse(Files.exists(tmp.resolve("runs")), "nothing created before validation");
    assertTrue(searched.isEmpty());
  }

  @Test
  void verbose_addsTheStackTrace() {
    CliRun r = CliRun.of(fakeSearchRegistry(), "--verbose", "search", "--set", "train.epoch=3");
    assertEquals(2, r.exitCode());
    assertTrue(r.err().startsWith("lmnas search: error: "), r.err());
    assertTrue(r.err().contains("ConfigException") && r.err().contains("at org."), r.err());
    CliRun after = CliRun.of(fakeSearchRegistry(), "search", "--set", "x=1", "--verbose");
    assertTrue(after.err().contains("at org."), after.err());
  }

  @Test
  void otherFailures_exitOneWithOneLine() {
    Command failing = new Command() {
      @Override
      public String name() {
        return "boom";
      }

      @Override
      public String summary() {
        return "fails";
      }

      @Override
      public int run(String[] args, PrintStream out, PrintStream err) {
        throw new IllegalStateException("native library missing\nsecond line");
      }
    };
    CommandRegistry registry = new CommandRegistry().register(failing);
    CliRun r = CliRun.of(registry, "boom");
    assertEquals(1, r.exitCode());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().startsWith("lmnas boom: error: native library missing second line"),
        r.err());
    assertFalse(r.err().contains("at org."), r.err());
    CliRun v = CliRun.of(registry, "boom", "--verbose");
    assertEquals(1, v.exitCode());
    assertTrue(v.err().contains("IllegalStateException"), v.err());
  }

  @Test
  void usageError_100kBArgument_quotedShortenedNotEchoedWhole() {
    String arch = "|nor_conv_3x3~0|".repeat(6_400); // 102,400 characters
    for (String[] args : List.of(new String[] {"standalone", "train", "--arch", arch},
        new String[] {"space", "canonical", arch}, new String[] {arch})) {
      CliRun r = CliRun.standard(args);
      assertEquals(2, r.exitCode(), r.err());
      assertTrue(r.err().length() < 1_000, r.err().length() + " characters: "
          + r.err().substring(0, 300));
      assertTrue(r.err().contains("characters left out"), r.err());
      assertTrue(r.err().contains(arch.substring(0, Main.LONGEST_WORD / 2)), "its start shows");
    }
  }

  @Test
  void shortenLongWords_shortWordsKept_longOnesCutAtCodePoints() {
    String ok = "x".repeat(Main.LONGEST_WORD - 2); // with its quotes, just not too long
    assertEquals("bad \"" + ok + "\"", Main.shortenLongWords("bad \"" + ok + "\""));
    String emoji = "\uD83D\uDE00".repeat(150); // 300 chars, 150 code points: kept
    assertEquals(emoji, Main.shortenLongWords(emoji));
    String longEmoji = "\uD83D\uDE00".repeat(300);
    String cut = Main.shortenLongWords("a " + longEmoji + " b");
    assertTrue(cut.startsWith("a \uD83D\uDE00") && cut.endsWith("\uD83D\uDE00 b"), cut);
    assertTrue(cut.contains("...[" + (600 - 240 - 80) + " characters left out]..."), cut);
  }

  // ---- search --------------------------------------------------------------------------------

  @Test
  void search_writesTheResolvedConfigThenRunsTheSearch() throws IOException {
    Path runDir = tmp.resolve("my-run");
    Path dataDir = tmp.resolve("data dir");
    CliRun r = CliRun.of(fakeSearchRegistry(), "search", "--set", "train.epochs=3",
        "--set", "name=unit", "--run-dir", runDir.toString(), "--data-dir", dataDir.toString());
    assertEquals(0, r.exitCode(), r.err());
    assertEquals(1, searched.size());
    RunConfig used = searched.get(0);
    assertEquals(3, used.train().epochs());
    assertEquals(dataDir.toString(), used.data().dir());
    assertEquals(used, RunConfigLoader.load(runDir.resolve("config.yaml"), List.of()));
    assertTrue(r.out().contains("run directory: " + runDir), r.out());
    assertTrue(r.out().contains("training..."), r.out());
    assertTrue(r.out().contains("summary: best arch X"), r.out());
  }

  @Test
  void search_withConfigFile_appliesSetOnTop() throws IOException {
    Path config = Files.writeString(tmp.resolve("c.yaml"), "name: cfg\ntrain:\n  epochs: 4\n");
    CliRun r = CliRun.of(fakeSearchRegistry(), "search", "--config", config.toString(),
        "--set", "evaluate.archs=0", "--run-dir", tmp.resolve("r").toString());
    assertEquals(0, r.exitCode(), r.err());
    assertEquals("cfg", searched.get(0).name());
    assertEquals(4, searched.get(0).train().epochs());
    assertEquals(0, searched.get(0).evaluate().archs());
  }

  @Test
  void search_defaultRunDir_isNamePlusTimestamp_andNeverReused() throws IOException {
    assertEquals(0, CliRun.of(fakeSearchRegistry(), "search").exitCode());
    assertEquals(0, CliRun.of(fakeSearchRegistry(), "search").exitCode());
    try (Stream<Path> s = Files.list(tmp.resolve("runs"))) {
      assertEquals(List.of("quickstart-20250304-050607", "quickstart-20250304-050607-2"),
          s.map(p -> p.getFileName().toString()).sorted().toList());
    }
  }

  @Test
  void search_unwritableRunDir_exitsTwoNamingThePath() throws IOException {
    Path file = Files.writeString(tmp.resolve("afile"), "x");
    CliRun r = CliRun.of(fakeSearchRegistry(), "search", "--run-dir",
        file.resolve("run").toString());
    assertEquals(2, r.exitCode());
    assertTrue(r.oneLineError(), r.err());
    assertTrue(r.err().contains(file.resolve("run").toString()), r.err());
    assertTrue(searched.isEmpty());
  }

  @Test
  void search_positionalArgument_isAUsageError() {
    CliRun r = CliRun.of(fakeSearchRegistry(), "search", "train.epochs=3");
    assertEquals(2, r.exitCode());
    assertTrue(r.oneLineError(), r.err());
  }

  @Test
  void registry_rejectsDuplicateNames() {
    CommandRegistry registry = CommandRegistry.standard();
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> registry.register(new SpaceCommand()));
  }
}
