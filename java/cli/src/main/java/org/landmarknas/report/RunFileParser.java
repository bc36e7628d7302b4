package org.landmarknas.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.landmarknas.run.EpochRecord;
import org.landmarknas.run.PoolScore;
import org.landmarknas.run.Ranking;
import org.landmarknas.run.RunDirectory;
import org.landmarknas.run.RunFiles;
import org.landmarknas.run.RunResult;
import org.landmarknas.search.ScoreMeasure;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads the files of one run directory into a {@link RunRecord}: the JSON files through
 * {@link RunFiles} (whose errors name the file and the key path, e.g. {@code
 * runs/a/result.json: pool[3].ground_truth: expected a number, got "abc"}), mapped here onto the
 * report's values. Tolerant of what may be absent (optional keys, null values, a missing file
 * other than all three: an unfinished run has only {@code config.yaml} and
 * {@code metrics.jsonl}).
 */
final class RunFileParser {
  private RunFileParser() {}

  /** The space of a run whose files name none. */
  static final String DEFAULT_SPACE = "nb201";

  /** The run in {@code dir}, its pool entries ranked by {@code measure}. */
  static RunRecord parse(Path dir, ScoreMeasure measure) {
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "run directory %s does not exist or is not a directory", dir));
    }
    if (!isRunDirectory(dir)) {
      throw new IllegalArgumentException(notARun(dir));
    }
    Path resultFile = dir.resolve(RunDirectory.RESULT_FILE);
    Path configFile = dir.resolve(RunDirectory.CONFIG_FILE);
    Path metricsFile = dir.resolve(RunDirectory.METRICS_FILE);
    Optional<RunResult> result = Files.exists(resultFile)
        ? Optional.of(RunFiles.readResult(resultFile)) : Optional.empty();
    Map<String, Object> config = Files.exists(configFile) ? readYaml(configFile) : Map.of();
    List<EpochMetrics> epochs = Files.exists(metricsFile)
        ? epochs(RunFiles.readMetrics(metricsFile)) : List.of();

    Optional<RunResult.Provenance> provenance = result.map(RunResult::provenance);
    Map<String, Object> provConfig = provenance.map(RunResult.Provenance::config)
        .orElse(Map.of());
    // The config map is the run's config as written, untyped: its keys are checked here.
    ConfigValues fromResult = new ConfigValues(resultFile, "provenance.config.");
    ConfigValues fromYaml = new ConfigValues(configFile, "");
    Optional<String> name = fromResult.text(provConfig, "name")
        .or(() -> fromYaml.text(config, "name"));
    OptionalLong seed = provenance.map(RunResult.Provenance::seed)
        .map(OptionalLong::of).orElse(OptionalLong.empty());
    if (seed.isEmpty()) {
      seed = fromResult.integer(provConfig, "seed");
    }
    if (seed.isEmpty()) {
      seed = fromYaml.integer(config, "seed");
    }
    return new RunRecord(dir,
        name.orElse(String.valueOf(dir.toAbsolutePath().normalize().getFileName())), seed,
        provenance.map(RunResult.Provenance::dataset), epochs,
        pool(result.map(RunResult::pool).orElse(null), measure),
        result.map(RunResult::ranking).map(RunFileParser::ranking),
        result.map(RunResult::search).map(RunFileParser::search),
        result.flatMap(RunFileParser::cost), result.isPresent());
  }

  /**
   * The config name of the search space the run in {@code dir} searched: {@code space} of its
   * {@code config.yaml}, else of the config in {@code result.json}, else {@code nb201} (runs
   * written before configs named a space searched NB201).
   */
  static String space(Path dir) {
    return configText(dir, (values, map) -> values.text(map, "space")).orElse(DEFAULT_SPACE);
  }

  /**
   * What the run in {@code dir} ranked its pool by: {@code evaluate.score-by} of its config (as
   * {@link #space} finds it), accuracy for runs written before the key existed.
   */
  static ScoreMeasure measure(Path dir) {
    return ScoreMeasure.of(configText(dir, (values, map) -> values.text(map, "evaluate",
        "score-by")).orElse(ScoreMeasure.ACCURACY.configName()));
  }

  /** A value of the run's {@code config.yaml}, else of the config in {@code result.json}. */
  private static Optional<String> configText(Path dir,
      BiFunction<ConfigValues, Map<String, Object>, Optional<String>> lookup) {
    Path configFile = dir.resolve(RunDirectory.CONFIG_FILE);
    Path resultFile = dir.resolve(RunDirectory.RESULT_FILE);
    Optional<String> value = Files.exists(configFile)
        ? lookup.apply(new ConfigValues(configFile, ""), readYaml(configFile))
        : Optional.empty();
    if (value.isEmpty() && Files.exists(resultFile)) {
      value = lookup.apply(new ConfigValues(resultFile, "provenance.config."),
          RunFiles.readResult(resultFile).provenance().config());
    }
    return value;
  }

  /** The pool of one scoring file of a run ({@code pool-epoch-NNNN.json}). */
  static List<PoolEntry> poolScoring(Path file, ScoreMeasure measure) {
    return pool(RunFiles.readPoolScoring(file).pool(), measure);
  }

  static List<Path> discover(Path path) {
    if (!Files.isDirectory(path)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "run directory %s does not exist or is not a directory", path));
    }
    if (isRunDirectory(path)) {
      return List.of(path);
    }
    List<Path> runs;
    try (Stream<Path> children = Files.list(path)) {
      runs = children.filter(Files::isDirectory).filter(RunFileParser::isRunDirectory).sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(String.format(Locale.ROOT,
          "cannot list directory %s (%s)", path, e.getMessage()), e);
    }
    if (runs.isEmpty()) {
      throw new IllegalArgumentException(notARun(path) + ", nor is any of its subdirectories");
    }
    return runs;
  }

  private static boolean isRunDirectory(Path dir) {
    return Files.exists(dir.resolve(RunDirectory.RESULT_FILE))
        || Files.exists(dir.resolve(RunDirectory.METRICS_FILE))
        || Files.exists(dir.resolve(RunDirectory.CONFIG_FILE));
  }

  private static String notARun(Path dir) {
    return String.format(Locale.ROOT, "%s is not a run directory (it has no %s, %s or %s)", dir,
        RunDirectory.CONFIG_FILE, RunDirectory.METRICS_FILE, RunDirectory.RESULT_FILE);
  }

  // ---- from the typed records ------------------------------------------------------------------

  /** Epochs ascending; a later line for the same epoch (a resumed run) replaces an earlier one. */
  private static List<EpochMetrics> epochs(List<EpochRecord> lines) {
    TreeMap<Integer, EpochMetrics> byEpoch = new TreeMap<>();
    for (EpochRecord line : lines) {
      byEpoch.put(line.epoch(), new EpochMetrics(line.epoch(), RunFiles.numbers(line)));
    }
    return List.copyOf(byEpoch.values());
  }

  /** The entries with the accuracy, the ranked score and the ground truth finite, in order. */
  private static List<PoolEntry> pool(List<PoolScore> scores, ScoreMeasure measure) {
    List<PoolEntry> pool = new ArrayList<>();
    for (int i = 0; scores != null && i < scores.size(); i++) {
      PoolScore s = scores.get(i);
      if (s == null || !finite(s.supernetAccuracy()) || !finite(s.groundTruth())) {
        continue;
      }
      double loss = s.supernetLoss() == null ? Double.NaN : s.supernetLoss();
      double score = measure.value(s.supernetAccuracy(), loss);
      if (Double.isFinite(score)) {
        pool.add(new PoolEntry(s.arch() != null ? s.arch() : "#" + i, s.supernetAccuracy(),
            score, s.groundTruth()));
      }
    }
    return pool;
  }

  private static RankingSummary ranking(Ranking r) {
    return new RankingSummary(number(r.skdt()), number(r.kdt()), number(r.spearman()),
        number(r.precisionAtK()), integer(r.k()), integer(r.poolSize()));
  }

  private static SearchSummary search(RunResult.Search s) {
    List<SearchSummary.Found> top = new ArrayList<>();
    for (int i = 0; s.top() != null && i < s.top().size(); i++) {
      RunResult.Found f = s.top().get(i);
      if (f != null) {
        top.add(new SearchSummary.Found(f.arch() != null ? f.arch() : "#" + i,
            number(f.supernetValAccuracy()), number(f.groundTruth()),
            integer(f.groundTruthRank()), integer(f.groundTruthTotal())));
      }
    }
    return new SearchSummary(Optional.ofNullable(s.strategy()), integer(s.evaluations()), top);
  }

  /** The cost section; without one, the top-level {@code train_seconds} alone. */
  private static Optional<RunCost> cost(RunResult r) {
    OptionalDouble topTrain = number(r.trainSeconds());
    RunResult.Cost c = r.cost();
    if (c == null) {
      return topTrain.isPresent()
          ? Optional.of(new RunCost(topTrain, OptionalDouble.empty(), OptionalDouble.empty()))
          : Optional.empty();
    }
    OptionalDouble train = number(c.trainSeconds());
    return Optional.of(new RunCost(train.isPresent() ? train : topTrain,
        number(c.cpuSeconds()), number(c.wallSeconds())));
  }

  private static boolean finite(Double v) {
    return v != null && Double.isFinite(v);
  }

  private static OptionalDouble number(Double v) {
    return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
  }

  private static OptionalInt integer(Integer v) {
    return v == null ? OptionalInt.empty() : OptionalInt.of(v);
  }

  // ---- config.yaml -----------------------------------------------------------------------------

  @SuppressWarnings("unchecked")
  private static Map<String, Object> readYaml(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(String.format(Locale.ROOT, "cannot read %s (%s)", file,
          e.getMessage()), e);
    }
    Object parsed;
    try {
      parsed = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
    } catch (YAMLException e) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "%s: not valid YAML (%s)", file, e.getMessage().strip().replaceAll("\\s+", " ")), e);
    }
    if (parsed == null) {
      return Map.of();
    }
    if (!(parsed instanceof Map<?, ?> map)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "%s: expected a YAML mapping at the top level, got %s", file,
          ConfigValues.describe(parsed)));
    }
    return (Map<String, Object>) map;
  }
}
