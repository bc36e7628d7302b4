package org.landmarknas.torch;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.landmarknas.config.RunConfig;
import org.landmarknas.config.RunConfigLoader;
import org.landmarknas.landmark.LandmarkScoreSource;
import org.landmarknas.run.RunDirectory;

/**
 * A search run for a program that embeds the engine: configure, attach listeners, run, read the
 * typed outcome; cancel from any thread.
 *
 * <pre>{@code
 * RunConfig config = RunConfigLoader.load(Path.of("configs/quickstart.yaml"),
 *     List.of("train.epochs=2"));
 * SearchRun run = SearchRun.builder(config)
 *     .listener(e -> System.out.println("epoch " + e.stats().epoch() + " loss "
 *         + e.stats().trainLoss()))
 *     .build();
 * SearchOutcome outcome = run.run();
 * outcome.ranking().ifPresent(r -> System.out.println("S-KdT " + r.sparseKendallTau()));
 * }</pre>
 *
 * <p>Without {@link Builder#runDirectory} the run works in a temporary directory (it needs one
 * for its checkpoints) and deletes it at the end: the outcome is then all there is. With one, the
 * directory holds the same files as {@code lmnas search} writes, and {@link Builder#resume}
 * continues an interrupted run in it.
 */
public final class SearchRun {
  private final RunConfig config;
  private final Optional<Path> runDirectory;
  private final boolean resume;
  private final PrintStream progress;
  private final SearchHooks hooks;

  private SearchRun(Builder b) {
    this.config = b.config;
    this.runDirectory = b.runDirectory;
    this.resume = b.resume;
    this.progress = b.progress;
    this.hooks = new SearchHooks(b.listeners, b.landmarkScores);
  }

  /** A builder of a run of {@code config}. */
  public static Builder builder(RunConfig config) {
    return new Builder(config);
  }

  /**
   * A builder of a run of the YAML file {@code config} with {@code overrides} ({@code key=value},
   * as {@code --set} takes them).
   *
   * @throws org.landmarknas.config.ConfigException when the file or an override is invalid
   */
  public static Builder builder(Path config, String... overrides) {
    return new Builder(RunConfigLoader.load(config, List.of(overrides)));
  }

  /**
   * Trains, ranks and searches; returns when the run is done.
   *
   * @throws SearchCancelledException when {@link #cancel()} stopped it
   * @throws IllegalArgumentException when an input (data, ground truth, landmarks) is invalid
   */
  public SearchOutcome<?> run() {
    if (runDirectory.isPresent()) {
      RunDirectory dir = resume ? RunDirectory.reopen(runDirectory.get())
          : RunDirectory.create(runDirectory.get());
      if (!resume) {
        dir.writeConfig(RunConfigLoader.toYaml(config));
      }
      return SupernetSearch.run(config, dir, progress, resume, hooks);
    }
    Path tmp = temporaryDirectory();
    try {
      RunDirectory dir = RunDirectory.create(tmp.resolve("run"));
      return SupernetSearch.run(config, dir, progress, false, hooks).withoutRunDirectory();
    } finally {
      deleteTree(tmp);
    }
  }

  /**
   * Asks the run to stop at its next step; {@link #run()} then throws {@link
   * SearchCancelledException}. Safe from any thread, before or during the run.
   */
  public void cancel() {
    hooks.cancel();
  }

  private static Path temporaryDirectory() {
    try {
      return Files.createTempDirectory("lmnas-run-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary run directory: "
          + e.getMessage(), e);
    }
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // best effort: a leftover temporary directory must not hide the run's own outcome
    }
  }

  /** Configures a {@link SearchRun}. */
  public static final class Builder {
    private final RunConfig config;
    private Optional<Path> runDirectory = Optional.empty();
    private boolean resume;
    private PrintStream progress = new PrintStream(OutputStream.nullOutputStream());
    private final List<SearchListener> listeners = new ArrayList<>();
    private Optional<LandmarkScoreSource.Opener> landmarkScores = Optional.empty();

    private Builder(RunConfig config) {
      this.config = Objects.requireNonNull(config, "config");
    }

    /** Keep the run's files in {@code dir} (created; it must not hold another run). */
    public Builder runDirectory(Path dir) {
      this.runDirectory = Optional.of(dir);
      return this;
    }

    /** Continue the interrupted run in the {@link #runDirectory} from its last checkpoint. */
    public Builder resume(boolean resume) {
      this.resume = resume;
      return this;
    }

    /** Where progress lines go (the CLI's terminal output); silent by default. */
    public Builder progress(PrintStream progress) {
      this.progress = Objects.requireNonNull(progress, "progress");
      return this;
    }

    /** Adds a listener; listeners hear events in the order they were added. */
    public Builder listener(SearchListener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /**
     * Where a run with {@code landmarks.queue} queues the stand-alone training of its new
     * landmarks and reads their scores (the CLI: the results store of {@code --store}).
     */
    public Builder landmarkScores(LandmarkScoreSource.Opener opener) {
      this.landmarkScores = Optional.of(Objects.requireNonNull(opener, "opener"));
      return this;
    }

    /**
     * The run.
     *
     * @throws IllegalStateException when {@link #resume} is asked without a run directory
     */
    public SearchRun build() {
      if (resume && runDirectory.isEmpty()) {
        throw new IllegalStateException("resume needs the run directory to continue in");
      }
      return new SearchRun(this);
    }
  }
}
