package org.landmarknas.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.landmarknas.config.ExperimentConfig;
import org.landmarknas.config.RunConfig;
import org.landmarknas.config.RunConfigLoader;
import org.landmarknas.report.Grouping;
import org.landmarknas.report.ReportOutput;
import org.landmarknas.report.ReportWriter;
import org.landmarknas.report.RunRecord;
import org.landmarknas.run.RunDirectory;
import org.landmarknas.torch.SupernetSearch;

/**
 * {@code lmnas experiment FILE}: every run of an {@link ExperimentConfig} one after another, then
 * one report comparing the arms (table.md with S-KdT mean ± std per arm, the plots), printed at
 * the end. Safe to interrupt and run again: finished runs are skipped and an interrupted one is
 * resumed from its checkpoints, so the experiment ends as if it had never stopped.
 */
final class ExperimentCommand implements Command {
  private static final String SYNTAX = "lmnas experiment FILE [--report-only] [--verbose]";

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
    return CommandOptions.of(CommandOptions.flag("report-only", "only (re)write the report of"
        + " the runs finished so far"));
  }

  @Override
  public int run(String[] args, PrintStream out, PrintStream err) throws Exception {
    Options options = options();
    CommandLine cl = CommandOptions.parse(options, args);
    if (cl.hasOption(CommandOptions.HELP)) {
      CommandOptions.printHelp(out, SYNTAX, "Run every arm of an experiment with each of its"
              + " seeds, one run directory <runs-dir>/<arm>-s<seed> per run, then write"
              + " <runs-dir>/report (table.md, report.json, plots) and print the table."
              + " Running it again skips finished runs and resumes an interrupted one.",
          options, "Format: see configs/quickstart-experiment.yaml.");
      return Main.EXIT_OK;
    }
    if (cl.getArgs().length != 1) {
      throw new IllegalArgumentException("expected one experiment file, got "
          + cl.getArgs().length + " arguments");
    }
    ExperimentConfig experiment = ExperimentConfig.load(Path.of(cl.getArgs()[0]));
    List<ExperimentConfig.Run> plan = experiment.runs();
    int total = plan.size();
    out.printf(Locale.ROOT, "experiment %s: %d arms, %d runs in %s%n", experiment.name(),
        experiment.arms().size(), total, experiment.runsDir());
    List<Path> finished = new ArrayList<>();
    int k = 0;
    for (ExperimentConfig.Run run : plan) {
      ExperimentConfig.Arm arm = run.arm();
      long seed = run.seed();
      k++;
      Path dir = run.dir(experiment.runsDir());
      if (Files.exists(dir.resolve(RunDirectory.RESULT_FILE))) {
        out.printf(Locale.ROOT, "[%d/%d] %s seed %d: finished earlier (%s)%n", k, total,
            arm.name(), seed, dir);
        finished.add(dir);
        continue;
      }
      if (cl.hasOption("report-only")) {
        continue;
      }
      RunConfig config = arm.runConfig(seed);
      boolean resume = Files.isRegularFile(dir.resolve(RunDirectory.CONFIG_FILE));
      RunDirectory runDir;
      if (resume) {
        runDir = RunDirectory.reopen(dir);
        String started = Files.readString(runDir.configFile());
        if (!started.equals(RunConfigLoader.toYaml(config))) {
          throw new IllegalArgumentException("run directory " + dir + " was started with"
              + " another config than arm " + arm.name() + " gives now; move it away or give"
              + " the arm a new name");
        }
      } else {
        runDir = RunDirectory.create(dir);
        runDir.writeConfig(RunConfigLoader.toYaml(config));
      }
      out.printf(Locale.ROOT, "[%d/%d] %s seed %d: %s %s%n", k, total, arm.name(), seed,
          resume ? "resuming" : "starting", dir);
      out.println(search.run(config, runDir, out, resume));
      finished.add(dir);
    }
    if (finished.isEmpty()) {
      out.println("no finished runs yet: no report");
      return Main.EXIT_OK;
    }
    List<RunRecord> runs = new ArrayList<>();
    for (Path dir : finished) {
      runs.add(RunRecord.load(dir));
    }
    ReportOutput report = ReportWriter.write(runs, Grouping.NAME,
        experiment.runsDir().resolve("report"), clock.instant());
    for (String note : report.notes()) {
      err.println("note: " + note);
    }
    out.printf(Locale.ROOT, "report of %d of %d runs in %s%n%n", finished.size(), total,
        report.dir());
    out.print(Files.readString(report.dir().resolve(ReportWriter.TABLE_MD)));
    return Main.EXIT_OK;
  }
}
