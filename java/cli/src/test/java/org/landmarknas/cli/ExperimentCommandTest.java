package org.landmarknas.cli;

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
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landmarknas.TestData;
import org.landmarknas.config.ConfigException;
import org.landmarknas.config.ExperimentConfig;
import org.landmarknas.torch.SupernetSearch;

/**
 * A two-arm experiment really run (tiny) while another process holds one run, then rerun
 * (skips), and resumed after a lost result.
 */
final class ExperimentCommandTest {

  @TempDir
  Path tmp;

  private Path writeExperiment(String extraArm) throws Exception {
    Path table = TestData.nb201Table();
    Path run = Files.writeString(tmp.resolve("tiny.yaml"), String.format("""
        data: {train-limit: 1024, test-limit: 128}
        supernet: {channels: 4}
        train: {epochs: 2, steps-per-epoch: 3, batch-size: 16}
        evaluate: {archs: 0, batch-size: 64, pool: %s, pool-size: 8, images: 64}
        search: {strategy: none}
        """, table));
    return Files.writeString(tmp.resolve("exp.yaml"), String.format("""
        name: tiny-exp
        runs-dir: %s
        seeds: [1]
        arms:
          - name: spos
            config: %s
          - name: marks
            config: %s
            set: [landmarks.count=4, landmarks.warmup=1]
        %s""", tmp.resolve("runs"), run, run, extraArm));
  }

  private List<String> searched = new ArrayList<>();

  private String runExperiment(Path file, String... more) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ExperimentCommand cmd = new ExperimentCommand(Clock.systemUTC(),
        (config, dir, progress, resume) -> {
          searched.add(config.name() + (resume ? " resumed" : ""));
          return SupernetSearch.run(config, dir, progress, resume).summary();
        });
    PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
    List<String> args = new ArrayList<>(List.of(file.toString()));
    args.addAll(List.of(more));
    assertEquals(0, cmd.run(args.toArray(String[]::new), ps, ps));
    return out.toString(StandardCharsets.UTF_8);
  }

  /** The experiment run while another process holds the lock of run marks-s1. */
  private String runWhileMarksIsHeld(Path file, String... more) throws Exception {
    Path locks = Files.createDirectories(tmp.resolve("runs/.locks"));
    try (FileChannel channel = FileChannel.open(locks.resolve("marks-s1.lock"),
        StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock held = channel.lock()) {
      return runExperiment(file, more);
    }
  }

  @Test
  void run_twoArms_reportComparesThemAndReruns_skipOrResume() throws Exception {
    TestData.fashionMnist();
    Path file = writeExperiment("");

    // Another process holds marks: this one leaves it alone and reports what is finished.
    String partial = runWhileMarksIsHeld(file);
    assertEquals(List.of("spos"), searched);
    assertTrue(partial.contains("[2/2] marks seed 1: running in another process, left to it")
        && partial.contains("report of 1 of 2 runs"), partial);
    // what a blind run must withhold: the search's own ranking lines
    assertTrue(partial.contains("ranking of 8 pool architectures by accuracy: S-KdT"),
        partial);
    searched.clear();
    String status = runExperiment(file, "--status");
    assertEquals(List.of(), searched, "--status runs nothing");
    assertTrue(status.contains("[1/2] spos seed 1: finished (") && status.contains(" h CPU)")
        && status.contains("[2/2] marks seed 1: not started")
        && status.contains("1 finished, 0 started, 1 not started; 2 of 4 epochs saved (50 %)")
        && status.contains(" run-hours left"), status);
    assertTrue(!status.toLowerCase(java.util.Locale.ROOT).contains("kdt")
        && !status.contains("report"), "no score, no report: " + status);
    searched.clear();
    String first = runExperiment(file);
    assertEquals(List.of("marks"), searched);
    assertTrue(first.contains("report of 2 of 2 runs") && first.contains("| spos")
        && first.contains("| marks"), first);
    // the first arm is the baseline; one seed per arm is one pair, too few for a test
    assertTrue(first.contains("| marks vs spos | 1 | n/a |"), first);
    assertTrue(Files.isRegularFile(tmp.resolve("runs/report/skdt_vs_epoch.png")));

    searched.clear();
    String second = runExperiment(file);
    assertEquals(List.of(), searched, second);
    assertTrue(second.contains("finished earlier"), second);

    Files.delete(tmp.resolve("runs/marks-s1/result.json"));
    String started = runExperiment(file, "--status");
    assertTrue(started.contains("[2/2] marks seed 1: epoch 2 of 2 saved, last wrote 0 min ago"),
        started);
    searched.clear();
    runExperiment(file);
    assertEquals(List.of("marks resumed"), searched);

    // The arm's config changed after its run finished: an error before any run, not a skip.
    Files.writeString(file, Files.readString(file).replace("landmarks.count=4",
        "landmarks.count=5"));
    searched.clear();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> runExperiment(file));
    assertEquals(List.of(), searched);
    assertTrue(e.getMessage().contains("run directory " + tmp.resolve("runs/marks-s1")
        + " was run with another config than arm marks gives now"), e.getMessage());
    // A report of the runs as they were made is still allowed, and says which differ.
    String report = runExperiment(file, "--report-only");
    assertTrue(report.contains("report of 2 of 2 runs") && report.contains("note: "
        + tmp.resolve("runs/marks-s1") + " was run with another config than arm marks gives"
        + " now; reported as it was run") && !report.contains("runs/spos-s1 was run"), report);
  }

  @Test
  void run_blind_showsNoScoreUntilTheLastRun() throws Exception {
    TestData.fashionMnist();
    Path file = writeExperiment("");
    String partial = runWhileMarksIsHeld(file, "--blind");
    assertEquals(List.of("spos"), searched);
    assertTrue(partial.contains("[1/2] spos seed 1: finished (scores withheld: blind)")
        && partial.contains("blind: 1 of 2 runs finished; the report waits for the last")
        && !partial.contains("KdT") && !partial.contains("report of"), partial);
    assertTrue(!Files.exists(tmp.resolve("runs/report")), "no report before the last run");
    String last = runExperiment(file, "--blind");
    assertTrue(!last.substring(0, last.indexOf("report of 2 of 2 runs")).contains("KdT")
        && last.contains("| marks vs spos |"), last);
  }

  @Test
  void run_studySharingTheRunsDir_reusesTheControlAndReportsApart() throws Exception {
    TestData.fashionMnist();
    Path file = writeExperiment("");
    runExperiment(file);
    Path second = Files.writeString(tmp.resolve("study.yaml"), Files.readString(file)
        .replace("name: tiny-exp", "name: tiny-study\nreport-dir: " + tmp.resolve("study"))
        .replace("- name: marks", "- name: marks3").replace("landmarks.count=4",
            "landmarks.count=3"));
    searched.clear();
    String out = runExperiment(second);
    assertEquals(List.of("marks3"), searched, "the shared control arm is not run again");
    String table = Files.readString(tmp.resolve("study/table.md"));
    assertTrue(table.contains("| marks3 vs spos |") && !table.contains("| marks vs"), table);
    assertTrue(Files.readString(tmp.resolve("runs/report/table.md")).contains("| marks vs"),
        "the first experiment's report stays as it was");
    assertTrue(out.contains("report of 2 of 2 runs"), out);
    // the same runs ranked by loss instead of their own accuracy, beside the first report
    String byLoss = runExperiment(second, "--report-only", "--score-by", "loss");
    assertTrue(byLoss.contains(tmp.resolve("study-by-loss").toString()), byLoss);
    assertTrue(Files.isRegularFile(tmp.resolve("study-by-loss/table.md")));
  }

  @Test
  void load_badArm_failsBeforeAnyRunNamingArmAndKey() throws Exception {
    Path file = writeExperiment("""
          - name: broken
            config: %s
            set: [train.epochs=0]
        """.formatted(tmp.resolve("tiny.yaml")));
    ConfigException e = assertThrows(ConfigException.class, () -> ExperimentConfig.load(file));
    assertTrue(e.getMessage().contains("arms[2]") && e.getMessage().contains("train.epochs"),
        e.getMessage());
    assertEquals(List.of(), searched);
  }

  @Test
  void load_unknownKeyAndDuplicateArm_clearErrors() throws Exception {
    Path file = writeExperiment("    colour: blue\n");
    ConfigException e = assertThrows(ConfigException.class, () -> ExperimentConfig.load(file));
    assertTrue(e.getMessage().contains("arms[1].colour: unknown key"), e.getMessage());
    Path dup = writeExperiment("""
          - name: spos
            config: %s
        """.formatted(tmp.resolve("tiny.yaml")));
    e = assertThrows(ConfigException.class, () -> ExperimentConfig.load(dup));
    assertTrue(e.getMessage().contains("appears twice"), e.getMessage());
  }

  @Test
  void groundTruthWithoutReportOnly_usageErrorBeforeAnyRun() throws Exception {
    Path file = writeExperiment("");
    ExperimentCommand cmd = new ExperimentCommand(Clock.systemUTC(),
        (config, dir, progress, resume) -> {
          searched.add(config.name());
          return SupernetSearch.run(config, dir, progress, resume).summary();
        });
    PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> cmd.run(
        new String[] {file.toString(), "--ground-truth", "gt.csv"}, sink, sink));
    assertEquals("--ground-truth re-ranks the report of finished runs; give it with"
        + " --report-only", e.getMessage());
    IllegalArgumentException s = assertThrows(IllegalArgumentException.class, () -> cmd.run(
        new String[] {file.toString(), "--score-by", "loss"}, sink, sink));
    assertTrue(s.getMessage().startsWith("--score-by re-ranks"), s.getMessage());
    assertEquals(List.of(), searched);
  }
}
