package org.landmarknas.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landmarknas.config.ExperimentConfig;
import org.landmarknas.run.SearchRunner;

/**
 * The runner's plan, locks, skipping and resuming with a search that only records its calls and
 * writes a result: no training, no libtorch ({@code cli.ExperimentCommandTest} runs real ones).
 */
final class ExperimentRunnerTest {
  @TempDir Path tmp;

  private final List<String> searched = new ArrayList<>();
  private final Set<String> crash = new java.util.HashSet<>();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  private final SearchRunner search = (config, dir, progress, resume) -> {
    String run = config.name() + "-s" + config.seed();
    searched.add(run + (resume ? " resumed" : ""));
    if (crash.remove(run)) {
      throw new IllegalStateException("killed " + run);
    }
    dir.writeResult(Map.of("run", run));
    return "summary of " + run;
  };

  private ExperimentConfig experiment(String marksSet) throws Exception {
    Path run = Files.writeString(tmp.resolve("tiny.yaml"), "train: {epochs: 2}\n");
    Path file = Files.writeString(tmp.resolve("exp.yaml"), String.format("""
        name: tiny-exp
        runs-dir: %s
        seeds: [0, 1]
        arms:
          - name: spos
            config: %s
          - name: marks
            config: %s
            set: [%s]
        """, tmp.resolve("runs"), run, run, marksSet));
    return ExperimentConfig.load(file);
  }

  private String runAll(ExperimentConfig experiment) throws Exception {
    out.reset();
    new ExperimentRunner(experiment, search, new PrintStream(out, true, StandardCharsets.UTF_8))
        .runAll();
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void runAll_seedBySeed_leavesLockedRuns_skipsFinished_resumesInterrupted() throws Exception {
    ExperimentConfig experiment = experiment("train.epochs=3");
    Path runs = tmp.resolve("runs");
    crash.add("spos-s1");
    Path locks = Files.createDirectories(runs.resolve(".locks"));
    try (FileChannel channel = FileChannel.open(locks.resolve("marks-s0.lock"),
        StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock held = channel.lock()) {
      IllegalStateException e = assertThrows(IllegalStateException.class,
          () -> runAll(experiment));
      assertEquals("killed spos-s1", e.getMessage());
    }
    assertEquals(List.of("spos-s0", "spos-s1"), searched);
    String first = out.toString(StandardCharsets.UTF_8);
    assertTrue(first.startsWith("experiment tiny-exp: 2 arms, 4 runs in " + runs), first);
    assertTrue(first.contains("[1/4] spos seed 0: starting " + runs.resolve("spos-s0"))
        && first.contains("summary of spos-s0")
        && first.contains("[2/4] marks seed 0: running in another process, left to it")
        && first.contains("[3/4] spos seed 1: starting"), first);

    searched.clear();
    String second = runAll(experiment);
    assertEquals(List.of("marks-s0", "spos-s1 resumed", "marks-s1"), searched);
    assertTrue(second.contains("[1/4] spos seed 0: finished earlier (" + runs.resolve("spos-s0")
        + ")") && second.contains("[3/4] spos seed 1: resuming"), second);

    searched.clear();
    String third = runAll(experiment);
    assertEquals(List.of(), searched);
    assertEquals(4, third.split("finished earlier", -1).length - 1, third);
  }

  @Test
  void runAll_runDirectoryOfAnotherConfig_refusedBeforeAnyRun() throws Exception {
    runAll(experiment("train.epochs=3"));
    Files.delete(tmp.resolve("runs/spos-s1/result.json"));
    ExperimentConfig changed = experiment("train.epochs=4");
    searched.clear();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> runAll(changed));
    assertEquals(List.of(), searched, "not even the interrupted run of the unchanged arm");
    assertTrue(e.getMessage().startsWith("run directory " + tmp.resolve("runs/marks-s0")
        + " was run with another config than arm marks gives now"), e.getMessage());
  }

  @Test
  void sameConfig_olderBuildsFileWithoutNewerKeys_isTheSameRun() throws Exception {
    ExperimentConfig experiment = experiment("train.epochs=3");
    ExperimentConfig.Run run = experiment.runs().get(0);
    Path dir = Files.createDirectories(tmp.resolve("runs/old"));
    String yaml = org.landmarknas.config.RunConfigLoader.toYaml(
        run.arm().runConfig(run.seed()));
    // what a build before train.sampling and evaluate.score-by wrote: the same run
    String older = yaml.replaceAll("(?m)^  sampling: ops\n", "")
        .replaceAll("(?m)^  score-by: accuracy\n", "");
    assertTrue(older.length() < yaml.length(), "the keys were in the file");
    Files.writeString(dir.resolve("config.yaml"), older);
    assertTrue(ExperimentRunner.sameConfig(run, dir));
    Files.writeString(dir.resolve("config.yaml"),
        older.replaceAll("(?m)^  epochs: \\d+$", "  epochs: 7"));
    assertTrue(!ExperimentRunner.sameConfig(run, dir), "a changed value is another run");
    Files.writeString(dir.resolve("config.yaml"), "train: {epochs: banana}\n");
    assertTrue(!ExperimentRunner.sameConfig(run, dir), "an unreadable file is another run");
  }

  @Test
  void report_noFinishedRun_writesNothing() throws Exception {
    ExperimentConfig experiment = experiment("train.epochs=3");
    ExperimentReport report = ExperimentReport.write(experiment, Optional.empty(), Instant.EPOCH);
    assertEquals(new ExperimentReport(0, 4, Optional.empty(), List.of()), report);
    assertTrue(!Files.exists(tmp.resolve("runs/report")));
  }
}
