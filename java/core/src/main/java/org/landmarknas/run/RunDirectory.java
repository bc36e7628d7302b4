package org.landmarknas.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The directory one run writes: {@value #CONFIG_FILE} (the resolved config, written before
 * training starts), {@value #METRICS_FILE} (one JSON object per line, see {@link MetricsLog}),
 * {@value #RESULT_FILE} (the final report, written atomically), the pool scorings ({@code
 * pool-epoch-NNNN.json}, and while one runs its journal {@code pool-epoch-NNNN.partial.tsv})
 * and {@value #EVALUATION_FILE} (their JSON by {@link RunFiles}), and {@link Checkpoints} under
 * {@code checkpoints/} from which {@code lmnas search --resume} continues.
 *
 * <p>{@link #create(Path)} fails early, before any training, when the directory cannot be
 * created or written, naming the path.
 */
public final class RunDirectory {

  /** File name of the resolved configuration. */
  public static final String CONFIG_FILE = "config.yaml";
  /** File name of the metrics log. */
  public static final String METRICS_FILE = "metrics.jsonl";
  /** File name of the final result. */
  public static final String RESULT_FILE = "result.json";
  /**
   * The super-net's scores of the evaluation pool after an epoch, one file per scoring
   * ({@code String.format} pattern of the epoch): what a report re-grounds.
   */
  public static final String POOL_SCORES_FILE = "pool-epoch-%04d.json";
  /** The journal of a pool scoring while it runs ({@code String.format} pattern of the epoch). */
  public static final String POOL_JOURNAL_FILE = "pool-epoch-%04d.partial.tsv";
  /** File name of a saved super-net's pool evaluation ({@code lmnas evaluate}). */
  public static final String EVALUATION_FILE = "evaluation.json";
  /** File name of the journal of an evaluation while it runs. */
  public static final String EVALUATION_JOURNAL_FILE = "evaluation.partial.tsv";
  /** File name of the trained super-net's weights (also inside each checkpoint). */
  public static final String WEIGHTS_FILE = "supernet.pt";
  /** File name of the evaluation pool with its ground truth ({@code arch,score}). */
  public static final String POOL_FILE = "pool.csv";
  /** File name of the landmarks with their stand-alone scores ({@code arch,score}). */
  public static final String LANDMARKS_FILE = "landmarks.csv";

  private final Path path;

  private RunDirectory(Path path) {
    this.path = path;
  }

  /**
   * Creates the directory (and missing parents) for a new run, or takes an existing empty one,
   * and checks that files can be written and deleted in it.
   *
   * @throws IllegalArgumentException when the path cannot be created, is not a directory, is
   *     not empty, or is not writable; the message names the path and the reason
   */
  public static RunDirectory create(Path path) {
    Objects.requireNonNull(path, "path");
    try {
      Files.createDirectories(path);
    } catch (IOException e) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "cannot create run directory %s (%s)", path, reason(e)), e);
    }
    try (Stream<Path> entries = Files.list(path)) {
      List<Path> found = entries.toList();
      // What a process killed while creating the directory leaves behind (a write probe, the
      // temporary file of config.yaml) is no run: cleared, so the same directory can be
      // created again, as an experiment's fixed <arm>-s<seed> directories must be.
      if (!found.stream().allMatch(RunDirectory::isLeftover)) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "run directory %s already exists and is not empty; choose a new one", path));
      }
      for (Path p : found) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "cannot list run directory %s (%s)", path, reason(e)), e);
    }
    checkWritable(path);
    return new RunDirectory(path);
  }

  private static boolean isLeftover(Path p) {
    String name = p.getFileName().toString();
    return Files.isRegularFile(p) && name.startsWith(".")
        && (name.startsWith(".lmnas-write-probe-") || name.endsWith(".tmp"));
  }

  /**
   * Opens the directory of an interrupted run to continue it: it must exist and be writable,
   * checked before any work.
   *
   * @throws IllegalArgumentException naming the path and the reason
   */
  public static RunDirectory reopen(Path path) {
    RunDirectory dir = open(path);
    checkWritable(path);
    return dir;
  }

  private static void checkWritable(Path path) {
    Path probe = path.resolve(".lmnas-write-probe-" + ProcessHandle.current().pid());
    try {
      Files.write(probe, new byte[] {1}, StandardOpenOption.CREATE_NEW,
          StandardOpenOption.WRITE);
      Files.delete(probe);
    } catch (IOException e) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "run directory %s is not writable (%s)", path, reason(e)), e);
    }
  }

  /**
   * Opens the directory of an existing run (to read it, or to add files to it).
   *
   * @throws IllegalArgumentException when the path is not an existing directory
   */
  public static RunDirectory open(Path path) {
    Objects.requireNonNull(path, "path");
    if (!Files.isDirectory(path)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "run directory %s does not exist or is not a directory", path));
    }
    return new RunDirectory(path);
  }

  /** The directory itself. */
  public Path path() {
    return path;
  }

  /**
   * Fails before any work when the directory's file system has less than {@code bytes} free, so
   * that a run does not train for an hour and then stop on its first checkpoint.
   *
   * @param what what the space is for, for the message
   * @throws IllegalArgumentException naming the directory, the free and the needed space
   */
  public void requireFreeSpace(long bytes, String what) {
    long free;
    try {
      free = Files.getFileStore(path).getUsableSpace();
    } catch (IOException e) {
      return; // no way to tell here; a failed write still reports itself
    }
    if (free < bytes) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "run directory %s has %.1f MB free; %s need about %.1f MB", path, free / 1e6, what,
          bytes / 1e6));
    }
  }

  /** {@code <dir>/config.yaml}. */
  public Path configFile() {
    return path.resolve(CONFIG_FILE);
  }

  /** {@code <dir>/metrics.jsonl}. */
  public Path metricsFile() {
    return path.resolve(METRICS_FILE);
  }

  /** {@code <dir>/supernet.pt}. */
  public Path weightsFile() {
    return path.resolve(WEIGHTS_FILE);
  }

  /** {@code <dir>/pool.csv}. */
  public Path poolFile() {
    return path.resolve(POOL_FILE);
  }

  /** {@code <dir>/landmarks.csv}. */
  public Path landmarksFile() {
    return path.resolve(LANDMARKS_FILE);
  }

  /** The name of the pool scoring after {@code epoch} (1-based), see {@link #POOL_SCORES_FILE}. */
  public static String poolScoresFileName(int epoch) {
    return String.format(Locale.ROOT, POOL_SCORES_FILE, epoch);
  }

  /** {@code <dir>/pool-epoch-NNNN.json}: the pool scoring after {@code epoch}. */
  public Path poolScoresFile(int epoch) {
    return path.resolve(poolScoresFileName(epoch));
  }

  /**
   * {@code <dir>/pool-epoch-NNNN.partial.tsv}: the architectures of the pool scoring after
   * {@code epoch} scored so far, while it runs (the engine's journal; gone once the scoring's
   * {@code pool-epoch-NNNN.json} is written).
   */
  public Path poolJournalFile(int epoch) {
    return path.resolve(String.format(Locale.ROOT, POOL_JOURNAL_FILE, epoch));
  }

  /** {@code <dir>/evaluation.json}. */
  public Path evaluationFile() {
    return path.resolve(EVALUATION_FILE);
  }

  /**
   * {@code <dir>/evaluation.partial.tsv}: the scores of an {@code lmnas evaluate} so far, while
   * it runs (the engine's journal; gone once {@value #EVALUATION_FILE} is written).
   */
  public Path evaluationJournalFile() {
    return path.resolve(EVALUATION_JOURNAL_FILE);
  }

  /** {@code <dir>/result.json}. */
  public Path resultFile() {
    return path.resolve(RESULT_FILE);
  }

  /**
   * Writes the resolved config (YAML text) atomically to {@link #configFile()}.
   *
   * @throws UncheckedIOException when the file cannot be written
   */
  public void writeConfig(String yaml) {
    writeAtomically(configFile(), yaml.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Writes the final result to {@link #resultFile()}, atomically: a reader or a crash sees the
   * old file or the complete new one.
   *
   * @throws IllegalArgumentException when a value cannot be written as JSON
   * @throws UncheckedIOException when the file cannot be written
   */
  public void writeResult(RunResult result) {
    writeAtomically(resultFile(), RunFiles.encode(result));
  }

  /**
   * Writes a JSON object as {@link #resultFile()}, atomically: for a result not made by the
   * engine (a tool's, a test's).
   */
  public void writeResult(Map<String, ?> json) {
    writeAtomically(resultFile(), JsonCodec.pretty(json));
  }

  /** Writes a pool scoring to {@link #poolScoresFile(int)} of its epoch, atomically. */
  public void writePoolScoring(PoolScoring scoring) {
    writeAtomically(poolScoresFile(scoring.epoch()), RunFiles.encode(scoring));
  }

  /** Writes a saved super-net's pool evaluation to {@link #evaluationFile()}, atomically. */
  public void writeEvaluation(PoolEvaluation evaluation) {
    writeAtomically(evaluationFile(), RunFiles.encode(evaluation));
  }

  /**
   * Replaces {@link #metricsFile()} with exactly {@code records}, atomically: a resumed run goes
   * back to the records of its checkpoint and drops lines written after it.
   *
   * @throws UncheckedIOException when the file cannot be written
   */
  public void rewriteMetrics(List<EpochRecord> records) {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    for (EpochRecord r : records) {
      bytes.writeBytes(RunFiles.encode(r));
      bytes.write('\n');
    }
    writeAtomically(metricsFile(), bytes.toByteArray());
  }

  /** Opens {@link #metricsFile()} for appending (created if missing). */
  public MetricsLog openMetrics() {
    return MetricsLog.open(metricsFile());
  }

  @Override
  public String toString() {
    return "RunDirectory[" + path + "]";
  }

  private static void writeAtomically(Path file, byte[] bytes) {
    try {
      AtomicFile.write(file, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(String.format(Locale.ROOT,
          "cannot write %s (%s)", file, reason(e)), e);
    }
  }

  /** A short reason for messages, without the exception class name. */
  static String reason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileAlreadyExistsException x) {
      return "a file is in the way: " + x.getFile();
    }
    if (e instanceof NoSuchFileException x) {
      return "no such file or directory: " + x.getFile();
    }
    if (e instanceof FileSystemException x && x.getReason() != null) {
      return x.getReason().toLowerCase(Locale.ROOT);
    }
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }
}
