package org.landmarknas.experiment;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import org.landmarknas.config.ConfigException;
import org.landmarknas.config.ExperimentConfig;
import org.landmarknas.config.RunConfig;
import org.landmarknas.config.RunConfigLoader;
import org.landmarknas.data.DataLocation;
import org.landmarknas.run.RunDirectory;
import org.landmarknas.run.SearchRunner;

/**
 * Runs every run of an {@link ExperimentConfig} not finished yet, in {@link
 * ExperimentConfig#runs} order (the first seed of every arm, then the second...), one run
 * directory {@code <runs-dir>/<arm>-s<seed>} each. Each run is taken under a file lock in
 * {@code <runs-dir>/.locks}, so K processes given the same experiment share it without running
 * anything twice: a run held by another process is left to it. A finished run (one with a
 * result) is skipped, a started one resumed from its checkpoints. A run directory made by another
 * config than its arm gives now is refused before any run starts.
 *
 * <p>A blind runner shows no score: the searches' ranking lines are withheld from the progress
 * stream and a finished run prints no summary, so a pre-registered experiment stays unread until
 * its report.
 */
public final class ExperimentRunner {

  private final ExperimentConfig experiment;
  private final SearchRunner search;
  private final PrintStream progress;
  private final boolean blind;

  /**
   * A runner of {@code experiment}.
   *
   * @param progress receives one line per run (started, resumed, skipped, left to another
   *     process), the search's own progress and its summary
   */
  public ExperimentRunner(ExperimentConfig experiment, SearchRunner search,
      PrintStream progress) {
    this(experiment, search, progress, false);
  }

  /** A runner whose progress shows no score when {@code blind}. */
  public ExperimentRunner(ExperimentConfig experiment, SearchRunner search,
      PrintStream progress, boolean blind) {
    this.experiment = experiment;
    this.search = search;
    this.progress = progress;
    this.blind = blind;
  }

  /**
   * Makes sure the data sets of every run are there (a missing default one is installed), so
   * that K worker processes started next do not all install it at the same moment.
   */
  public static void ensureData(ExperimentConfig experiment, DataLocation location) {
    experiment.runs().stream().map(r -> r.arm().runConfig(r.seed()).data()).distinct()
        .forEach(d -> location.ensurePresent(d.dataset(), d.dirPath()));
  }

  /**
   * Every run not finished and not held by another process.
   *
   * @throws IllegalArgumentException before any run, when a run directory was made by another
   *     config than its arm gives now
   */
  public void runAll() throws Exception {
    List<ExperimentConfig.Run> plan = experiment.runs();
    progress.printf(Locale.ROOT, "experiment %s: %d arms, %d runs in %s%n", experiment.name(),
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
      runLocked(run, run.dir(experiment.runsDir()), locks, label);
    }
  }

  /** One run, unless it is finished or another process holds its lock. */
  private void runLocked(ExperimentConfig.Run run, Path dir, Path locks, String label)
      throws Exception {
    if (finished(dir)) {
      progress.printf(Locale.ROOT, "%s: finished earlier (%s)%n", label, dir);
      return;
    }
    try (FileChannel channel = FileChannel.open(locks.resolve(dir.getFileName() + ".lock"),
        StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = tryLock(channel)) {
      if (lock == null) {
        progress.printf(Locale.ROOT, "%s: running in another process, left to it%n", label);
        return;
      }
      if (finished(dir)) { // finished by another process between the check and the lock
        progress.printf(Locale.ROOT, "%s: finished by another process (%s)%n", label, dir);
        return;
      }
      runOne(run, dir, label);
    }
  }

  private void runOne(ExperimentConfig.Run run, Path dir, String label) throws Exception {
    RunConfig config = run.arm().runConfig(run.seed());
    boolean resume = requireSameConfig(run, dir);
    RunDirectory runDir;
    if (resume) {
      runDir = RunDirectory.reopen(dir);
    } else {
      runDir = RunDirectory.create(dir);
      runDir.writeConfig(RunConfigLoader.toYaml(config));
    }
    progress.printf(Locale.ROOT, "%s: %s %s%n", label, resume ? "resuming" : "starting", dir);
    if (!blind) {
      progress.println(search.run(config, runDir, progress, resume));
      return;
    }
    try (PrintStream withheld = BlindProgress.over(progress)) {
      search.run(config, runDir, withheld, resume);
    }
    progress.printf(Locale.ROOT, "%s: finished (scores withheld: blind)%n", label);
  }

  /** How many of the experiment's runs have finished. */
  public static long finishedRuns(ExperimentConfig experiment) {
    return experiment.runs().stream()
        .filter(r -> finished(r.dir(experiment.runsDir()))).count();
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
  static boolean sameConfig(ExperimentConfig.Run run, Path dir) throws IOException {
    Path file = dir.resolve(RunDirectory.CONFIG_FILE);
    if (!Files.isRegularFile(file)) {
      return false;
    }
    // Compared as configs, not as text: a run written by an older build lacks the keys added
    // since, which read as their defaults, so a long experiment survives an upgrade; a value
    // that differs, or a file this build cannot read, is another config.
    try {
      return RunConfigLoader.load(file, List.of()).equals(run.arm().runConfig(run.seed()));
    } catch (ConfigException e) {
      return false;
    }
  }

  /** Whether the run in {@code dir} ended: it wrote its result. */
  static boolean finished(Path dir) {
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
