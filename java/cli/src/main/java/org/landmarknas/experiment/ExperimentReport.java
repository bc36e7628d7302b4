package org.landmarknas.experiment;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.landmarknas.config.ExperimentConfig;
import org.landmarknas.report.Grouping;
import org.landmarknas.report.Regrounding;
import org.landmarknas.report.ReportOutput;
import org.landmarknas.report.ReportWriter;
import org.landmarknas.report.RunRecord;
import org.landmarknas.search.ScoreMeasure;

/**
 * The comparison report of an experiment's finished runs (table.md with S-KdT mean ± std per arm,
 * report.json, the plots), in its {@code report-dir} ({@code <runs-dir>/report} by default), or
 * re-grounded against other stand-alone scores beside it in {@code <report-dir>-<file name
 * without .csv>}.
 *
 * @param finishedRuns the runs reported
 * @param plannedRuns every run of the experiment
 * @param output the report written; empty when no run has finished yet
 * @param notes what the reader should know, in order: runs made with another config than their
 *     arm gives now (reported as they were run), then the report's own notes
 */
public record ExperimentReport(int finishedRuns, int plannedRuns, Optional<ReportOutput> output,
    List<String> notes) {

  public ExperimentReport {
    notes = List.copyOf(notes);
  }

  /**
   * Writes the report of every finished run of {@code experiment}, re-grounded when a ground
   * truth (an arch,score file) is given.
   */
  public static ExperimentReport write(ExperimentConfig experiment,
      Optional<String> groundTruth, Instant generatedAt) throws IOException {
    return write(experiment, groundTruth, Optional.empty(), generatedAt);
  }

  /**
   * As {@link #write(ExperimentConfig, Optional, Instant)}, every run's pool ranked by {@code
   * measure} when given (e.g. a loss-ranked experiment read by accuracy), into {@code
   * <report-dir>[-<truth file>]-by-<measure>}.
   */
  public static ExperimentReport write(ExperimentConfig experiment,
      Optional<String> groundTruth, Optional<ScoreMeasure> measure, Instant generatedAt)
      throws IOException {
    Optional<Path> truth = groundTruth.map(Path::of);
    List<ExperimentConfig.Run> plan = experiment.runs();
    List<RunRecord> runs = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (ExperimentConfig.Run run : plan) {
      Path dir = run.dir(experiment.runsDir());
      if (ExperimentRunner.finished(dir)) {
        runs.add(Regrounding.load(dir, truth, measure));
        // Reported all the same: re-scoring old runs against a new ground truth is what a
        // ground truth is given for, and an arm's config may have moved on since.
        if (!ExperimentRunner.sameConfig(run, dir)) {
          notes.add(dir + " was run with another config than arm " + run.arm().name()
              + " gives now; reported as it was run");
        }
      }
    }
    if (runs.isEmpty()) {
      return new ExperimentReport(0, plan.size(), Optional.empty(), notes);
    }
    Path base = experiment.reportDir();
    Path reportDir = groundTruth.map(f -> base.resolveSibling(base.getFileName() + "-"
        + Path.of(f).getFileName().toString().replaceFirst("\\.csv$", ""))).orElse(base);
    if (measure.isPresent()) {
      reportDir = reportDir.resolveSibling(reportDir.getFileName() + "-by-"
          + measure.get().configName());
    }
    ReportOutput report;
    // Processes that share an experiment (the study's lanes) may finish its last runs at the
    // same moment and each write the report: one at a time, so that no file mixes two writes.
    Path lockFile = Files.createDirectories(experiment.runsDir().resolve(".locks"))
        .resolve("report.lock");
    try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE,
            StandardOpenOption.WRITE);
        FileLock lock = channel.lock()) {
      // the first arm is the experiment's control (SPOS before its landmark variants)
      report = ReportWriter.write(runs, Grouping.NAME, reportDir, generatedAt, groundTruth,
          Optional.of(experiment.arms().get(0).name()));
    }
    notes.addAll(report.notes());
    return new ExperimentReport(runs.size(), plan.size(), Optional.of(report), notes);
  }
}
