package org.landmarknas.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.landmarknas.report.Grouping;
import org.landmarknas.report.Regrounding;
import org.landmarknas.search.ScoreMeasure;
import org.landmarknas.report.ReportOutput;
import org.landmarknas.report.ReportWriter;
import org.landmarknas.report.RunRecord;

/**
 * {@code lmnas report}: tables and plots from finished run directories. Every run is read (and
 * checked) before anything is written, so a typo in the fifth directory costs nothing.
 */
final class ReportCommand implements Command {

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);
  private static final String SYNTAX =
      "lmnas report [--out DIR] [--group-by name|none] [--ground-truth FILE]"
          + " [--score-by accuracy|loss] [--baseline NAME] [--verbose] RUN_DIR...";

  private final Clock clock;
  private final Path outRoot;

  /**
   * Time stamps (default report directory, {@code generated_at}) from the system clock; default
   * report directories in the working directory.
   */
  ReportCommand() {
    this(Clock.systemDefaultZone(), Path.of(""));
  }

  ReportCommand(Clock clock, Path outRoot) {
    this.clock = clock;
    this.outRoot = outRoot;
  }

  @Override
  public String name() {
    return "report";
  }

  @Override
  public String summary() {
    return "tables and plots (S-KdT vs epoch, super-net vs ground truth) from run directories";
  }

  private static Options options() {
    return CommandOptions.of(
        CommandOptions.withArg("out", "DIR",
            "report directory, created if missing (default: ./report-<yyyyMMdd-HHmmss>)"),
        CommandOptions.withArg("group-by", "name|none",
            "table rows: one per run name with seeds averaged (name, default), or one per run"
                + " (none)"),
        CommandOptions.withArg("ground-truth", "FILE", "recompute every ranking figure against"
            + " these stand-alone scores (arch,score CSV or the NB201 table) instead of each"
            + " run's own, from the super-net scores the runs kept; every pool architecture"
            + " must have a score"),
        CommandOptions.withArg("score-by", "accuracy|loss", "rank every run's pool by this"
            + " super-net score instead of each run's own evaluate.score-by (every pool file keeps"
            + " both), recomputing every ranking figure"),
        CommandOptions.withArg("baseline", "NAME", "the run name (arm) every other is compared"
            + " with, paired by seed, in table.md's \"Paired comparison\" (default: the first"
            + " run's name)"));
  }

  @Override
  public int run(String[] args, PrintStream out, PrintStream err) throws Exception {
    Options options = options();
    CommandLine cl = CommandOptions.parse(options, args);
    if (cl.hasOption(CommandOptions.HELP)) {
      CommandOptions.printHelp(out, SYNTAX,
          "Summarise finished runs: report.json, table.md (one row per group: S-KdT mean ± std,"
              + " ground truth of the architectures found, best rank, CPU-hours), and PNG plots:"
              + " skdt_vs_epoch.png, train_loss.png, scatter_<run>.png, lambda_<run>.png."
              + " A RUN_DIR without run files stands for its run subdirectories (lmnas report"
              + " runs/).",
          options, "Formulas are written under the table in table.md.");
      return Main.EXIT_OK;
    }
    if (cl.getArgs().length == 0) {
      throw new IllegalArgumentException("missing RUN_DIR: give one or more run directories"
          + " (e.g. lmnas report runs/quickstart-20250304-050607)");
    }
    Grouping grouping = Grouping.ofId(cl.getOptionValue("group-by", Grouping.NAME.id()));

    List<Path> dirs = runDirectories(cl.getArgs());
    Optional<String> groundTruth = Optional.ofNullable(cl.getOptionValue("ground-truth"));
    Optional<Path> truth = groundTruth.map(Path::of);
    Optional<ScoreMeasure> measure = Optional.ofNullable(cl.getOptionValue("score-by"))
        .map(ScoreMeasure::of);
    List<RunRecord> runs = new ArrayList<>();
    for (Path dir : dirs) {
      runs.add(Regrounding.load(dir, truth, measure));
    }

    Optional<String> baseline = baseline(cl, grouping, runs);

    Path outDir = cl.hasOption("out") ? Path.of(cl.getOptionValue("out")) : defaultOutDir();
    ReportOutput report = ReportWriter.write(runs, grouping, outDir, clock.instant(),
        groundTruth, baseline);
    for (String note : report.notes()) {
      err.println("note: " + note);
    }
    out.printf(Locale.ROOT, "report of %d run%s in %s%n", runs.size(),
        runs.size() == 1 ? "" : "s", report.dir());
    for (Path file : report.files()) {
      out.println("  " + file);
    }
    return Main.EXIT_OK;
  }

  /** The run directories the arguments stand for, each once. */
  private static List<Path> runDirectories(String[] args) {
    List<Path> dirs = new ArrayList<>();
    Set<Path> seen = new HashSet<>();
    for (String arg : args) {
      for (Path dir : RunRecord.discover(Path.of(arg))) {
        if (!seen.add(dir.toAbsolutePath().normalize())) {
          throw new IllegalArgumentException("run directory " + dir + " given twice");
        }
        dirs.add(dir);
      }
    }
    return dirs;
  }

  /** {@code --baseline}, checked against the grouping and the runs' names. */
  private static Optional<String> baseline(CommandLine cl, Grouping grouping,
      List<RunRecord> runs) {
    Optional<String> baseline = Optional.ofNullable(cl.getOptionValue("baseline"));
    if (baseline.isPresent() && grouping != Grouping.NAME) {
      throw new IllegalArgumentException("--baseline names an arm; arms are run names, so it"
          + " needs --group-by name");
    }
    // a typo is an error here, before anything is written (the experiment, whose first arm
    // may not have finished a run yet, gets a note in the table instead)
    if (baseline.isPresent() && runs.stream().noneMatch(r -> r.name().equals(baseline.get()))) {
      throw new IllegalArgumentException("--baseline " + baseline.get() + ": no run of that"
          + " name (names: " + String.join(", ", runs.stream().map(RunRecord::name).distinct()
              .toList()) + ")");
    }
    return baseline;
  }

  /** {@code ./report-<stamp>}, with a {@code -2}, {@code -3}... suffix if taken. */
  private Path defaultOutDir() {
    String base = "report-" + LocalDateTime.now(clock).format(STAMP);
    Path candidate = outRoot.resolve(base);
    for (int i = 2; Files.exists(candidate); i++) {
      candidate = outRoot.resolve(base + "-" + i);
    }
    return candidate;
  }
}
