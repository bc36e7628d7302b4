package org.landmarknas.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.DoubleSummaryStatistics;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.landmarknas.config.ExperimentConfig;
import org.landmarknas.run.Checkpoints;
import org.landmarknas.run.RunDirectory;

/**
 * Where each run of an experiment stands, read from its run directory alone: finished (with its
 * cost), started (the newest saved epoch, when it last wrote), or not started. It reads no
 * ranking, score or loss, so a pre-registered experiment can be watched for hours without its
 * outcome being seen before it is complete. Locks are not touched: probing one could make a
 * worker about to take the run pass it over.
 */
public final class ExperimentStatus {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** How far one run is. */
  public enum State {
    FINISHED, STARTED, NOT_STARTED
  }

  /**
   * One run's standing.
   *
   * @param epochsSaved the newest checkpoint's epoch (all epochs when finished, 0 when none)
   * @param lastWritten when the run last wrote its metrics or a checkpoint, if it did
   * @param wallHours the finished run's wall-clock hours from its result's cost, if recorded
   * @param cpuHours its CPU hours likewise
   */
  public record RunStatus(ExperimentConfig.Run run, Path dir, State state, int epochsSaved,
      int epochs, Optional<Instant> lastWritten, OptionalDouble wallHours,
      OptionalDouble cpuHours) {}

  private ExperimentStatus() {}

  /** The standing of every planned run of {@code experiment}, in plan order. */
  public static List<RunStatus> of(ExperimentConfig experiment) {
    List<RunStatus> out = new ArrayList<>();
    for (ExperimentConfig.Run run : experiment.runs()) {
      out.add(of(run, run.dir(experiment.runsDir())));
    }
    return out;
  }

  private static RunStatus of(ExperimentConfig.Run run, Path dir) {
    int epochs = run.arm().runConfig(run.seed()).train().epochs();
    Optional<Instant> written = newest(dir.resolve(RunDirectory.METRICS_FILE),
        dir.resolve(Checkpoints.DIR));
    if (ExperimentRunner.finished(dir)) {
      JsonNode cost = readCost(dir.resolve(RunDirectory.RESULT_FILE));
      return new RunStatus(run, dir, State.FINISHED, epochs, epochs, written,
          hours(cost, "wall_seconds"), hours(cost, "cpu_seconds"));
    }
    if (!Files.isRegularFile(dir.resolve(RunDirectory.CONFIG_FILE))) {
      return new RunStatus(run, dir, State.NOT_STARTED, 0, epochs, Optional.empty(),
          OptionalDouble.empty(), OptionalDouble.empty());
    }
    int saved = new Checkpoints(dir, 1).listNewestFirst().stream()
        .mapToInt(Checkpoints.Checkpoint::epoch).findFirst().orElse(0);
    return new RunStatus(run, dir, State.STARTED, saved, epochs, written,
        OptionalDouble.empty(), OptionalDouble.empty());
  }

  /**
   * The status lines: one per run, then a summary of runs and epochs. {@code now} dates the
   * "last wrote ... ago" of started runs.
   */
  public static String describe(ExperimentConfig experiment, List<RunStatus> runs,
      Instant now) {
    StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
        "experiment %s: %d runs in %s%n", experiment.name(), runs.size(),
        experiment.runsDir()));
    int[] count = new int[State.values().length];
    long saved = 0;
    long planned = 0;
    double cpu = 0;
    for (int i = 0; i < runs.size(); i++) {
      RunStatus r = runs.get(i);
      count[r.state().ordinal()]++;
      saved += r.epochsSaved();
      planned += r.epochs();
      cpu += r.cpuHours().orElse(0);
      b.append(String.format(Locale.ROOT, "  [%d/%d] %s seed %d: %s%n", i + 1, runs.size(),
          r.run().arm().name(), r.run().seed(), line(r, now)));
    }
    b.append(String.format(Locale.ROOT, "%d finished, %d started, %d not started; %d of %d"
        + " epochs saved (%.0f %%); finished runs used %.1f CPU hours%s%n",
        count[State.FINISHED.ordinal()], count[State.STARTED.ordinal()],
        count[State.NOT_STARTED.ordinal()], saved, planned,
        planned == 0 ? 0.0 : 100.0 * saved / planned, cpu, hoursLeft(runs).stream()
            .mapToObj(h -> String.format(Locale.ROOT, "; about %.1f run-hours left (each arm's"
                + " finished runs' mean wall time; K workers share them)", h))
            .findFirst().orElse("")));
    return b.toString();
  }

  /**
   * The wall hours the unfinished runs still need, each at its arm's mean over finished runs
   * (all finished runs' mean for an arm without one) times its share of epochs not yet saved;
   * empty when no run has finished with a recorded cost, or none is left.
   */
  static OptionalDouble hoursLeft(List<RunStatus> runs) {
    Map<String, DoubleSummaryStatistics> byArm = new HashMap<>();
    DoubleSummaryStatistics all = new DoubleSummaryStatistics();
    for (RunStatus r : runs) {
      if (r.state() == State.FINISHED && r.wallHours().isPresent()) {
        byArm.computeIfAbsent(r.run().arm().name(), k -> new DoubleSummaryStatistics())
            .accept(r.wallHours().getAsDouble());
        all.accept(r.wallHours().getAsDouble());
      }
    }
    double left = 0;
    boolean any = false;
    for (RunStatus r : runs) {
      if (r.state() != State.FINISHED && all.getCount() > 0) {
        DoubleSummaryStatistics arm = byArm.getOrDefault(r.run().arm().name(), all);
        left += arm.getAverage() * (1 - (double) r.epochsSaved() / r.epochs());
        any = true;
      }
    }
    return any ? OptionalDouble.of(left) : OptionalDouble.empty();
  }

  private static String line(RunStatus r, Instant now) {
    switch (r.state()) {
      case FINISHED:
        return "finished" + (r.wallHours().isPresent() ? String.format(Locale.ROOT,
            " (%.2f h wall, %.2f h CPU)", r.wallHours().getAsDouble(),
            r.cpuHours().orElse(Double.NaN)) : "");
      case STARTED:
        return String.format(Locale.ROOT, "epoch %d of %d saved%s", r.epochsSaved(), r.epochs(),
            r.lastWritten().map(t -> ", last wrote " + ago(Duration.between(t, now)) + " ago")
                .orElse(""));
      default:
        return "not started";
    }
  }

  private static String ago(Duration d) {
    long minutes = Math.max(0, d.toMinutes());
    return minutes < 120 ? minutes + " min" : String.format(Locale.ROOT, "%.1f h",
        minutes / 60.0);
  }

  /** The newest modification time among {@code paths} that exist. */
  private static Optional<Instant> newest(Path... paths) {
    Optional<Instant> best = Optional.empty();
    for (Path p : paths) {
      try {
        Instant t = Files.getLastModifiedTime(p).toInstant();
        if (best.isEmpty() || t.isAfter(best.get())) {
          best = Optional.of(t);
        }
      } catch (IOException e) {
        // not written yet
      }
    }
    return best;
  }

  /** The result's {@code cost} object; a missing node when it has none or cannot be read. */
  private static JsonNode readCost(Path result) {
    try {
      return JSON.readTree(result.toFile()).path("cost");
    } catch (IOException e) {
      return JSON.missingNode();
    }
  }

  private static OptionalDouble hours(JsonNode cost, String field) {
    JsonNode v = cost.path(field);
    return v.isNumber() ? OptionalDouble.of(v.asDouble() / 3600) : OptionalDouble.empty();
  }
}
