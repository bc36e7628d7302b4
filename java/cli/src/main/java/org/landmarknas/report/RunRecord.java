package org.landmarknas.report;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * One run directory read into typed values: what {@code config.yaml}, {@code metrics.jsonl} and
 * {@code result.json} say, with empty optionals and lists for the parts a run did not write (no
 * pool, no search, an interrupted run without {@code result.json}).
 *
 * @param dir the run directory
 * @param name the run name: {@code provenance.config.name} of {@code result.json}, else
 *     {@code name} of {@code config.yaml}, else the directory's file name
 * @param seed the root seed, from the same sources in the same order
 * @param dataset {@code provenance.dataset}, when written
 * @param epochs the metrics per epoch, ascending; for an epoch logged twice (a resumed run) the
 *     later line wins
 * @param pool the scored evaluation pool, in file order; entries without both accuracies are left
 *     out
 * @param ranking the final ranking of the pool
 * @param search the search result
 * @param cost what the run cost; {@code train_seconds} falls back to the top-level key
 * @param finished whether {@code result.json} exists (the engine writes it last; without it the
 *     run was interrupted or is still going)
 */
public record RunRecord(Path dir, String name, OptionalLong seed, Optional<String> dataset,
    List<EpochMetrics> epochs, List<PoolEntry> pool, Optional<RankingSummary> ranking,
    Optional<SearchSummary> search, Optional<RunCost> cost, boolean finished) {

  /** Copies the lists; rejects null parts. */
  public RunRecord {
    if (dir == null || name == null || seed == null || dataset == null || epochs == null
        || pool == null || ranking == null || search == null || cost == null) {
      throw new IllegalArgumentException("RunRecord parts must not be null (use empty)");
    }
    epochs = List.copyOf(epochs);
    pool = List.copyOf(pool);
  }

  /**
   * Reads one run directory.
   *
   * @throws IllegalArgumentException when the directory is missing, has none of the run files,
   *     or a file is malformed; the message names the file (and the key or line)
   * @throws java.io.UncheckedIOException when a file exists but cannot be read
   */
  public static RunRecord load(Path dir) {
    return RunFileParser.parse(dir, RunFileParser.measure(dir));
  }

  /**
   * The run directories a command-line argument names: {@code path} itself when it holds any of
   * the run files, else its immediate subdirectories that do (so {@code lmnas report runs/}
   * reports every run in {@code runs/}), sorted by name.
   *
   * @throws IllegalArgumentException when {@code path} is not a directory, or neither it nor a
   *     subdirectory is a run directory
   */
  public static List<Path> discover(Path path) {
    return RunFileParser.discover(path);
  }

  /**
   * The S-KdT of the last pool evaluation: {@code ranking.skdt} of {@code result.json} when
   * present (it is computed after training), else the last epoch that logged one.
   */
  public OptionalDouble finalSkdt() {
    if (ranking.isPresent() && ranking.get().skdt().isPresent()) {
      double v = ranking.get().skdt().getAsDouble();
      if (Double.isFinite(v)) {
        return OptionalDouble.of(v);
      }
    }
    for (int i = epochs.size() - 1; i >= 0; i--) {
      OptionalDouble v = epochs.get(i).skdt();
      if (v.isPresent()) {
        return v;
      }
    }
    return OptionalDouble.empty();
  }

  /** Whether any epoch logged an S-KdT. */
  public boolean hasSkdtCurve() {
    return epochs.stream().anyMatch(e -> e.skdt().isPresent());
  }

  /** Whether any epoch logged λ. */
  public boolean hasLambda() {
    return epochs.stream().anyMatch(e -> e.lambda().isPresent());
  }

  /** Whether any epoch logged a training loss. */
  public boolean hasTrainLoss() {
    return epochs.stream().anyMatch(e -> e.trainLoss().isPresent());
  }
}
