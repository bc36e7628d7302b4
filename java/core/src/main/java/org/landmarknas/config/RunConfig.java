package org.landmarknas.config;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.landmarknas.space.SearchSpace;
import org.landmarknas.space.SearchSpaces;

/**
 * A complete, validated run configuration: everything a run reads from {@code config.yaml}. Load
 * one with {@link RunConfigLoader}; {@link RunConfigLoader#toYaml(RunConfig)} writes it back.
 *
 * @param name run name, 1-64 characters from letters, digits, {@code - _ .}, starting with a
 *     letter or digit (it becomes part of the run directory name); default {@code quickstart}
 * @param seed root seed every random stream of the run is split from; default 0
 * @param space the search space, by its {@link SearchSpaces} name (default {@code nb201})
 * @param data section {@code data}
 * @param supernet section {@code supernet}
 * @param train section {@code train}
 * @param landmarks section {@code landmarks}
 * @param evaluate section {@code evaluate}
 * @param search section {@code search}
 */
public record RunConfig(String name, long seed, String space, DataConfig data,
    SupernetConfig supernet, TrainConfig train, LandmarksConfig landmarks, EvaluateConfig evaluate,
    SearchConfig search) {

  /**
   * The spaces {@code search.policy: gdas} runs on: their cells have a fixed set of edges, one
   * row of α each (on darts the super-net then shares its ops per edge, GDAS's op_on_edge).
   */
  public static final java.util.List<String> GDAS_SPACES = java.util.List.of("nb201", "darts");

  /** What a run name may look like. */
  public static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  /** Validates the name and that every section is present. */
  public RunConfig {
    KeyCheck.matches("name", name, NAME,
        "1-64 letters, digits, '-', '_' or '.', starting with a letter or digit");
    KeyCheck.oneOf("space", space, SearchSpaces.names());
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(supernet, "supernet");
    Objects.requireNonNull(train, "train");
    Objects.requireNonNull(evaluate, "evaluate");
    Objects.requireNonNull(search, "search");
    Objects.requireNonNull(landmarks, "landmarks");
    checkLandmarksFit(SearchSpaces.byName(space), landmarks);
    if (landmarks.enabled() && landmarks.warmup() >= train.epochs()) {
      throw KeyCheck.outOfRange("landmarks.warmup", landmarks.warmup(),
          "< train.epochs (" + train.epochs() + "): the warm-up must end before the run does");
    }
    if (search.gdas() && !GDAS_SPACES.contains(space)) {
      // NB101's cells are DAGs of varying vertices and edges: no fixed edge set for α's rows
      throw new ConfigException("search.policy", "gdas is implemented for spaces "
          + String.join(" and ", GDAS_SPACES) + ", not " + space);
    }
    if (search.gdas() && search.gdasWarmup() >= train.epochs()) {
      throw KeyCheck.outOfRange("search.gdas-warmup", search.gdasWarmup(),
          "< train.epochs (" + train.epochs() + "): GDAS must train at least one epoch");
    }
    checkSampling(space, SearchSpaces.byName(space), train, search);
    if (search.nao() && search.naoWarmup() >= train.epochs()) {
      throw KeyCheck.outOfRange("search.nao-warmup", search.naoWarmup(),
          "< train.epochs (" + train.epochs() + "): NAO must train at least one epoch on its"
          + " pool");
    }
    if (search.nao()) {
      // the first pool is distinct trainable classes (one class computes a constant)
      long trainable = SearchSpaces.byName(space).classCount().orElse(Long.MAX_VALUE) - 1;
      if (search.naoPool() > trainable) {
        throw KeyCheck.outOfRange("search.nao-pool", search.naoPool(), String.format(
            Locale.ROOT, "<= %d: NAO's first pool is distinct trainable %s architectures",
            trainable, space));
      }
    }
    if (landmarks.rounds() > train.epochs()) {
      throw KeyCheck.outOfRange("landmarks.rounds", landmarks.rounds(),
          "<= train.epochs (" + train.epochs() + "): each round trains at least one epoch");
    }
    if (landmarks.rounds() > 1 && landmarks.groundTruth() == null && evaluate.pool() == null
        && !landmarks.queued()) {
      throw new ConfigException("landmarks.rounds", "later rounds need stand-alone scores of the"
          + " new landmarks: set landmarks.ground-truth (or evaluate.pool), or have them"
          + " trained with landmarks.queue");
    }
    if (landmarks.rounds() > 1 && !landmarks.enabled()) {
      throw new ConfigException("landmarks.rounds", "rounds > 1 needs landmarks (landmarks.count"
          + " or landmarks.file)");
    }
    if (landmarks.count() > 0 && landmarks.file() == null && landmarks.groundTruth() == null
        && evaluate.pool() == null) {
      throw new ConfigException("landmarks.count", "landmarks need stand-alone scores: set"
          + " landmarks.ground-truth (or evaluate.pool), or give landmarks.file");
    }
    if ("pool".equals(search.strategy()) && evaluate.pool() == null) {
      throw new ConfigException("search.strategy", "pool searches the evaluation pool: set"
          + " evaluate.pool");
    }
    if (EvaluateConfig.BN_RECALIBRATE.equals(evaluate.bn()) && supernet.batchStatistics()) {
      throw new ConfigException("evaluate.bn", "recalibrate needs supernet.batchnorm: running"
          + " (with batch statistics there are no running averages to recalibrate)");
    }
  }

  /** Class-uniform paths replace SPOS's draw, and need every class of the space listed. */
  private static void checkSampling(String name, SearchSpace<?> space, TrainConfig train,
      SearchConfig search) {
    if (!train.sampling().equals(TrainConfig.SAMPLING_CLASSES)) {
      return;
    }
    if (!search.policy().equals("spos")) {
      throw new ConfigException("train.sampling", "classes draws SPOS's uniform paths; search"
          + ".policy " + search.policy() + " draws its own: use train.sampling ops with it");
    }
    if (space.enumerate().isEmpty()) {
      throw new ConfigException("train.sampling", "classes needs a space whose cell classes can"
          + " be listed (nb201); space " + name + " has too many: use ops");
    }
  }

  /** The landmark keys that depend on the space: how many classes it has, how far cells lie. */
  private static void checkLandmarksFit(SearchSpace<?> space, LandmarksConfig landmarks) {
    // trainable classes (a class that computes a constant can be neither a landmark nor
    // ranked), less the two that a ranking of what is left needs at least
    long trainable = space.classCount().orElse(Long.MAX_VALUE) - 1;
    if (landmarks.count() > trainable - 2) {
      throw KeyCheck.outOfRange("landmarks.count", landmarks.count(), String.format(
          Locale.ROOT, "<= %d: the %d distinct trainable %s architectures less 2 (landmarks"
              + " must leave at least 2 to rank)", trainable - 2, trainable, space.id()));
    }
    if (landmarks.tau() >= space.maxDistance()) {
      throw KeyCheck.outOfRange("landmarks.tau", landmarks.tau(), String.format(Locale.ROOT,
          "0..%d (below %s's maximum Hamming distance %d)", space.maxDistance() - 1,
          space.id(), space.maxDistance()));
    }
  }

  /** Every key at its documented default. */
  public static RunConfig defaults() {
    return new RunConfig("quickstart", 0L, "nb201", DataConfig.defaults(),
        SupernetConfig.defaults(),
        TrainConfig.defaults(), LandmarksConfig.defaults(), EvaluateConfig.defaults(),
        SearchConfig.defaults());
  }
}
