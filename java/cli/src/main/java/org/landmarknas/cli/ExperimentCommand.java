package org.landmarknas.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.landmarknas.config.ExperimentConfig;
import org.landmarknas.data.DataLocation;
import org.landmarknas.experiment.ExperimentReport;
import org.landmarknas.experiment.ExperimentRunner;
import org.landmarknas.experiment.ExperimentStatus;
import org.landmarknas.report.ReportWriter;
import org.landmarknas.run.SearchRunner;
import org.landmarknas.search.ScoreMeasure;
import org.landmarknas.torch.SupernetSearch;

/**
 * {@code lmnas experiment FILE}: every run of an {@link ExperimentConfig} one after another (or
 * in K worker processes side by side, {@code --workers K}, coordinated by one file lock per run),
 * then one report comparing the arms (table.md with S-KdT mean ± std per arm, the plots),
 * printed at the end. Safe to interrupt and run again: finished runs are skipped and an
 * interrupted one is resumed from its checkpoints, so the experiment ends as if it had never
 * stopped. The plan, the locks and the resuming are {@link ExperimentRunner}'s, the report
 * {@link ExperimentReport}'s: this class parses the options, starts the workers and prints.
 */
final class ExperimentCommand implements Command {
  private static final String SYNTAX =
      "lmnas experiment FILE [--workers K] [--report-only [--ground-truth FILE]"
          + " [--score-by accuracy|loss]] [--status] [--blind] [--verbose]";

  private final Clock clock;
  private final SearchRunner search;

  /** The real command, running searches with libtorch. */
  ExperimentCommand() {
    this(Clock.systemDefaultZone(), (config, dir, progress, resume) ->
        SupernetSearch.run(config, dir, progress, resume).summary());
  }

  ExperimentCommand(Clock clock, SearchRunner search) {
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
        CommandOptions.flag("status", "only print where each run stands (finished, the newest"
            + " saved epoch, not started) and the CPU hours used; reads no score, so a"
            + " pre-registered experiment can be watched without seeing its outcome"),
        CommandOptions.withArg("workers", "K", "run K processes side by side, each taking the"
            + " next run no other process holds (default 1); with 1 intra-op thread per run"
            + " (train.threads) this uses K cores better than one run with K threads"),
        CommandOptions.flag("blind", "show no score until every run has finished: the runs'"
            + " ranking lines are withheld from the log and the report waits for the last run"
            + " (for a pre-registered experiment; --report-only still reports at once)"),
        CommandOptions.flag("no-report", "run only, leave the report to another process (the"
            + " workers of --workers K use it; their parent writes the report)"),
        CommandOptions.withArg("ground-truth", "FILE", "with --report-only: recompute the"
            + " report against these stand-alone scores (arch,score) instead of the runs' own,"
            + " into <report-dir>-<file name without .csv>"),
        CommandOptions.withArg("score-by", "accuracy|loss", "with --report-only: rank every"
            + " run's pool by this super-net score instead of its own evaluate.score-by, into"
            + " <report-dir>[-<file name>]-by-<score>"));
  }

  @Override
  public int run(String[] args, PrintStream out, PrintStream err) throws Exception {
    Options options = options();
    CommandLine cl = CommandOptions.parse(options, args);
    if (cl.hasOption(CommandOptions.HELP)) {
      CommandOptions.printHelp(out, SYNTAX, "Run every arm of an experiment with each of its"
              + " seeds, one run directory <runs-dir>/<arm>-s<seed> per run, then write"
              + " <report-dir> (default <runs-dir>/report: table.md, report.json, plots) and"
              + " print the table. Running it again skips finished runs and resumes an interrupted one. Runs"
              + " are taken seed by seed (the first seed of every arm, then the second...);"
              + " a run held by another process (a lock in <runs-dir>/.locks) is left to it.",
          options, "Format: see configs/quickstart-experiment.yaml.");
      return Main.EXIT_OK;
    }
    if (cl.getArgs().length != 1) {
      throw new IllegalArgumentException("expected one experiment file, got "
          + cl.getArgs().length + " arguments");
    }
    for (String option : List.of("ground-truth", "score-by")) {
      if (cl.hasOption(option) && !cl.hasOption("report-only")) {
        throw new IllegalArgumentException("--" + option + " re-ranks the report of finished"
            + " runs; give it with --report-only");
      }
    }
    Optional<ScoreMeasure> measure = Optional.ofNullable(cl.getOptionValue("score-by"))
        .map(ScoreMeasure::of);
    ExperimentConfig experiment = ExperimentConfig.load(Path.of(cl.getArgs()[0]));
    if (cl.hasOption("status")) {
      for (String option : List.of("report-only", "workers", "no-report", "blind")) {
        if (cl.hasOption(option)) {
          throw new IllegalArgumentException("--status only reads the run directories; give"
              + " it without --" + option);
        }
      }
      out.print(ExperimentStatus.describe(experiment, ExperimentStatus.of(experiment),
          clock.instant()));
      return Main.EXIT_OK;
    }
    int workers = CommandOptions.intOption(cl, "workers", 1, 1);
    if (workers > 1 && !cl.hasOption("report-only")) {
      ExperimentRunner.ensureData(experiment, DataLocation.system());
      int worst = ChildProcesses.runCopies("experiment", args, workers, "--no-report");
      if (worst != Main.EXIT_OK) {
        return worst;
      }
    } else if (!cl.hasOption("report-only")) {
      new ExperimentRunner(experiment, search, out, cl.hasOption("blind")).runAll();
    }
    if (cl.hasOption("no-report")) {
      return Main.EXIT_OK;
    }
    if (cl.hasOption("blind") && !cl.hasOption("report-only")) {
      long finished = ExperimentRunner.finishedRuns(experiment);
      if (finished < experiment.runs().size()) {
        out.printf(Locale.ROOT, "blind: %d of %d runs finished; the report waits for the last"
            + " (--report-only writes it now)%n", finished, experiment.runs().size());
        return Main.EXIT_OK;
      }
    }
    return report(experiment, Optional.ofNullable(cl.getOptionValue("ground-truth")), measure,
        out, err);
  }

  /** The report of every finished run, printed; re-grounded when a ground truth is given. */
  private int report(ExperimentConfig experiment, Optional<String> groundTruth,
      Optional<ScoreMeasure> measure, PrintStream out, PrintStream err) throws Exception {
    ExperimentReport report = ExperimentReport.write(experiment, groundTruth, measure,
        clock.instant());
    for (String note : report.notes()) {
      err.println("note: " + note);
    }
    if (report.output().isEmpty()) {
      out.println("no finished runs yet: no report");
      return Main.EXIT_OK;
    }
    Path dir = report.output().get().dir();
    out.printf(Locale.ROOT, "report of %d of %d runs in %s%n%n", report.finishedRuns(),
        report.plannedRuns(), dir);
    out.print(Files.readString(dir.resolve(ReportWriter.TABLE_MD)));
    return Main.EXIT_OK;
  }
}
