package org.landmarknas.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.landmarknas.config.ExperimentConfig;
import org.landmarknas.config.RunConfig;
import org.landmarknas.config.RunConfigLoader;
import org.landmarknas.bench.GroundTruth;
import org.landmarknas.data.DataLocation;
import org.landmarknas.report.Grouping;
import org.landmarknas.report.Regrounding;
import org.landmarknas.report.ReportOutput;
import org.landmarknas.report.ReportWriter;
import org.landmarknas.report.RunRecord;
import org.landmarknas.run.RunDirectory;
import org.landmarknas.torch.SupernetSearch;

/**
 * {@code lmnas experiment FILE}: every run of an {@link ExperimentConfig} one after another (or
 * in K worker processes side by side, {@code --workers K}, coordinated by one file lock per run),
 * then one report comparing the arms (table.md with S-KdT mean ± std per arm, the plots),
 * printed at the end. Safe to interrupt and run again: finished runs are skipped and an
 * interrupted one is resumed from its checkpoints, so the experiment ends as if it had never
 * stopped.
 */
final class ExperimentCommand implements Command {
  private static final String SYNTAX =
      "lmnas experiment FILE [--workers K] [--report-only [--ground-truth FILE]] [--verbose]";

  private final Clock clock;
  private final SearchCommand.Search search;

  /** The real command, running searches with libtorch. */
  ExperimentCommand() {
    this(Clock.systemDefaultZone(), (config, dir, progress, resume) ->
        SupernetSearch.run(config, dir, progress, resume).summary());
  }

  ExperimentCommand(Clock clock, SearchCommand.Search search) {
    this.clock = clock;
    this.search = search;
  }

  @Override
  public String name() {
    return "experiment";
  }

  @Override
  public String summary() {
    return "run the arms x seeds of an experiment file (resumable) and report the comparison";
  }

  private static Options options() {
    return CommandOptions.of(
        CommandOptions.flag("report-only", "only (re)write the report of the runs finished so"
            + " far"),
        CommandOptions.withArg("workers", "K", "run K processes side by side, each taking the"
            + " next run no other process holds (default 1); with 1 intra-op thread per run"
            + " (train.threads) this uses K cores better than one run with K threads"),
        CommandOptions.flag("no-report", "run only, leave the report to another process (the"
            + " workers of --workers K use it; their parent writes the report)"),
        CommandOptions.withArg("ground-truth", "FILE", "with --report-only: recompute the"
            + " report against these stand-alone scores (arch,score) instead of the runs' own,"
            + " into <runs-dir>/report-<file name without .csv>"));
  }

  @Override
  public int run(String[] args, PrintStream out, PrintStream err) throws Exception {
    Options options = options();
    CommandLine cl = CommandOptions.parse(options, args);
    if (cl.hasOption(CommandOptions.HELP)) {
      CommandOptions.printHelp(out, SYNTAX, "Run every arm of an experiment with each of its"
              + " seeds, one run directory <runs-dir>/<arm>-s<seed> per run, then write"
              + " <runs-dir>/report (table.md, report.json, plots) and print the table."
              + " Running it again skips finished runs and resumes an interrupted one. Runs"
              + " are taken seed by seed (the first seed of every arm, then the second...);"
              + " a run held by another process (a lock in <runs-dir>/.locks) is left to it.",
          options, "Format: see configs/quickstart-experiment.yaml.");
      return Main.EXIT_OK;
    }
    if (cl.getArgs().length != 1) {
      throw new IllegalArgumentException("expected one experiment file, got "
          + cl.getArgs().length + " arguments");
    }
    if (cl.hasOption("ground-truth") && !cl.hasOption("report-only")) {
      throw new IllegalArgumentException("--ground-truth re-grounds the report of finished runs;"
          + " give it with --report-only");
    }
    ExperimentConfig experiment = ExperimentConfig.load(Path.of(cl.getArgs()[0]));
    int workers = CommandOptions.intOption(cl, "workers", 1, 1);
    if (workers > 1 && !cl.hasOption("report-only")) {
      ensureData(experiment);
      int worst = ChildProcesses.runCopies("experiment", args, workers, "--no-report");
      if (worst != Main.EXIT_OK) {
        return worst;
      }
    } else if (!cl.hasOption("report-only")) {
      runAll(experiment, out);
    }
    if (cl.hasOption("no-report")) {
      return Main.EXIT_OK;
    }
    return report(experiment, Optional.ofNullable(cl.getOptionValue("ground-truth")), out, err);
  }

  /**
   * Makes sure the data sets of every run are there (a missing default one is installed) before
   * K worker processes start, so that they do not all install it at the same moment.
   */
  private static void ensureData(ExperimentConfig experiment) {
    DataLocation location = DataLocation.system();
    experiment.runs().stream().map(r -> r.arm().runConfig(r.seed()).data()).distinct()
        .forEach(d -> location.ensurePresent(d.dataset(), d.dirPath()));
  }

  /** Every run not finished and not held by another process, in {@link ExperimentConfig#runs}. */
  private void runAll(ExperimentConfig experiment, PrintStream out) throws Exception {
    List<ExperimentConfig.Run> plan = experiment.runs();
    out.printf(Locale.ROOT, "experiment %s: %d arms, %d runs in %s%n", experiment.name(),
        experiment.arms().size(), plan.size(), experiment.runsDir());
    // Before any run starts: a run directory made by another config (finished or not) would
    // otherwise be skipped as finished, and the report would mix two experiments.
    for (ExperimentConfig.Run run : plan) {
      requireSameConfig(run, run.dir(experiment.runsDir()));
    }
    Path locks = Files.createDirectories(experiment.runsDir().resolve(".locks"));
    int k = 0;
    for (ExperimentConfig.Run run : plan) {
      k++;
      String label = String.format(Locale.ROOT, "[%d/%d] %s seed %d", k, plan.size(),
          run.arm().name(), run.seed());
      Path dir = run.dir(experiment.runsDir());
      if (finished(dir)) {
        out.printf(Locale.ROOT, "%s: finished earlier (%s)%n", label, dir);
        continue;
      }
      try (FileChannel channel = FileChannel.open(locks.resolve(dir.getFileName() + ".lock"),
          StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock lock = tryLock(channel)) {
        if (lock == null) {
          out.printf(Locale.ROOT, "%s: running in another process, left to it%n", label);
          continue;
        }
        if (finished(dir)) { // finished by another process between the check and the lock
          out.printf(Locale.ROOT, "%s: finished by another process (%s)%n", label, dir);
          continue;
        }
        runOne(run, dir, label, out);
      }
    }
  }

  private void runOne(ExperimentConfig.Run run, Path dir, String label, PrintStream out)
      throws Exception {
    RunConfig config = run.arm().runConfig(run.seed());
    boolean resume = requireSameConfig(run, dir);
    RunDirectory runDir;
    if (resume) {
      runDir = RunDirectory.reopen(dir);
    } else {
      runDir = RunDirectory.create(dir);
      runDir.writeConfig(RunConfigLoader.toYaml(config));
    }
    out.printf(Locale.ROOT, "%s: %s %s%n", label, resume ? "resuming" : "starting", dir);
    out.println(search.run(config, runDir, out, resume));
  }

  /** The report of every finished run, printed; re-grounded when a ground truth is given. */
  private int report(ExperimentConfig experiment, Optional<String> groundTruth, PrintStream out,
      PrintStream err) throws Exception {
    Optional<GroundTruth> truth = groundTruth.map(f -> GroundTruth.load(Path.of(f)));
    List<ExperimentConfig.Run> plan = experiment.runs();
    List<RunRecord> runs = new ArrayList<>();
    for (ExperimentConfig.Run run : plan) {
      Path dir = run.dir(experiment.runsDir());
      if (finished(dir)) {
        runs.add(Regrounding.load(dir, truth));
        // Reported all the same: re-scoring old runs against a new ground truth is what
        // --ground-truth is for, and an arm's config may have moved on since.
        if (!sameConfig(run, dir)) {
          err.println("note: " + dir + " was run with another config than arm "
              + run.arm().name() + " gives now; reported as it was run");
        }
      }
    }

    if (runs.isEmpty()) {
      out.println("no finished runs yet: no report");
      return Main.EXIT_OK;
    }
    String reportDir = groundTruth.map(f -> "report-" + Path.of(f).getFileName().toString()
        .replaceFirst("\\.csv$", "")).orElse("report");
    // the first arm is the experiment's control (SPOS before its landmark variants)
    ReportOutput report = ReportWriter.write(runs, Grouping.NAME,
        experiment.runsDir().resolve(reportDir), clock.instant(), groundTruth,
        Optional.of(experiment.arms().get(0).name()));
    for (String note : report.notes()) {
      err.println("note: " + note);
    }
    out.printf(Locale.ROOT, "report of %d of %d runs in %s%n%n", runs.size(), plan.size(),
        report.dir());
    out.print(Files.readString(report.dir().resolve(ReportWriter.TABLE_MD)));
    return Main.EXIT_OK;
  }

  /**
   * Whether {@code dir} holds a started run (then of the config the arm gives now).
   *
   * @throws IllegalArgumentException when it was started with another config
   */
  private static boolean requireSameConfig(ExperimentConfig.Run run, Path dir)
      throws IOException {
    Path file = dir.resolve(RunDirectory.CONFIG_FILE);
    if (!Files.isRegularFile(file)) {
      return false;
    }
    if (!sameConfig(run, dir)) {
      throw new IllegalArgumentException("run directory " + dir + " was "
          + (finished(dir) ? "run" : "started") + " with another config than arm "
          + run.arm().name() + " gives now (" + file + "); move it away or give the arm a new"
          + " name");
    }
    return true;
  }

  /** Whether {@code dir}'s config.yaml is the one the arm gives now (false without one). */
  private static boolean sameConfig(ExperimentConfig.Run run, Path dir) throws IOException {
    Path file = dir.resolve(RunDirectory.CONFIG_FILE);
    return Files.isRegularFile(file) && Files.readString(file).equals(
        RunConfigLoader.toYaml(run.arm().runConfig(run.seed())));
  }

  private static boolean finished(Path dir) {
    return Files.exists(dir.resolve(RunDirectory.RESULT_FILE));
  }

  /** The lock, or null when another process (or another thread of this JVM) holds it. */
  private static FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException e) {
      return null;
    }
  }
}
