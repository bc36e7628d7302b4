package org.landmarknas.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.stream.Stream;
import org.landmarknas.run.MetricsLog;
import org.landmarknas.run.RunDirectory;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads the files of one run directory into a {@link RunRecord}. Tolerant of what may be absent
 * (optional keys, null values, a missing file other than all three), strict about what is there:
 * a value of the wrong type is an error naming the file and the key path, e.g.
 * {@code runs/a/result.json: pool[3].ground_truth: expected a number, got "abc"}.
 */
final class RunFileParser {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;

  private RunFileParser(Path file) {
    this.file = file;
  }

  static RunRecord parse(Path dir) {
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
    Map<String, Object> result = Files.exists(resultFile) ? readJson(resultFile) : Map.of();
    Map<String, Object> config = Files.exists(configFile) ? readYaml(configFile) : Map.of();
    List<EpochMetrics> epochs = Files.exists(metricsFile) ? readMetrics(metricsFile) : List.of();

    RunFileParser r = new RunFileParser(resultFile);
    RunFileParser c = new RunFileParser(configFile);
    Map<String, Object> provenance = r.object(result, "provenance", "").orElse(Map.of());
    Map<String, Object> provConfig =
        r.object(provenance, "config", "provenance.").orElse(Map.of());

    Optional<String> name = r.text(provConfig, "name", "provenance.config.");
    if (name.isEmpty()) {
      name = c.text(config, "name", "");
    }
    OptionalLong seed = r.integer(provenance, "seed", "provenance.");
    if (seed.isEmpty()) {
      seed = r.integer(provConfig, "seed", "provenance.config.");
    }
    if (seed.isEmpty()) {
      seed = c.integer(config, "seed", "");
    }
    return new RunRecord(dir,
        name.orElse(String.valueOf(dir.toAbsolutePath().normalize().getFileName())),
        seed,
        r.text(provenance, "dataset", "provenance."),
        epochs,
        r.pool(result),
        r.ranking(result),
        r.search(result),
        r.cost(result),
        Files.exists(resultFile));
  }

  /**
   * The pool of one scoring file of a run ({@code pool-epoch-NNNN.json}: {@code epoch} and a
   * {@code pool} list as in {@code result.json}).
   */
  static List<PoolEntry> poolScoring(Path file) {
    return new RunFileParser(file).pool(readJson(file));
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

  // ---- files -----------------------------------------------------------------------------------

  @SuppressWarnings("unchecked")
  private static Map<String, Object> readJson(Path file) {
    String text = readText(file);
    Object parsed;
    try {
      parsed = JSON.readValue(text, Object.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "%s: not valid JSON (%s at line %d, column %d)", file, e.getOriginalMessage(),
          e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
          e.getLocation() == null ? 0 : e.getLocation().getColumnNr()), e);
    }
    if (!(parsed instanceof Map<?, ?> map)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "%s: expected a JSON object at the top level, got %s", file, describe(parsed)));
    }
    return (Map<String, Object>) map;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> readYaml(Path file) {
    String text = readText(file);
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
          "%s: expected a YAML mapping at the top level, got %s", file, describe(parsed)));
    }
    return (Map<String, Object>) map;
  }

  private static String readText(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(String.format(Locale.ROOT, "cannot read %s (%s)", file,
          e.getMessage()), e);
    }
  }

  /** Epochs ascending; a later line for the same epoch replaces an earlier one. */
  private static List<EpochMetrics> readMetrics(Path file) {
    List<Map<String, Object>> records = MetricsLog.read(file);
    RunFileParser p = new RunFileParser(file);
    TreeMap<Integer, EpochMetrics> byEpoch = new TreeMap<>();
    for (int i = 0; i < records.size(); i++) {
      Map<String, Object> record = records.get(i);
      String at = String.format(Locale.ROOT, "record %d: ", i + 1);
      OptionalLong epoch = p.integer(record, "epoch", at);
      if (epoch.isEmpty() || epoch.getAsLong() < 0 || epoch.getAsLong() > Integer.MAX_VALUE) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "%s: %sexpected key \"epoch\" with an epoch number >= 0, got %s", file, at,
            describe(record.get("epoch"))));
      }
      Map<String, Double> values = new TreeMap<>();
      for (Map.Entry<String, Object> e : record.entrySet()) {
        // non-numeric values (a phase name, say) are not series; skip them, do not fail
        asNumber(e.getValue()).ifPresent(v -> values.put(e.getKey(), v));
      }
      int ep = (int) epoch.getAsLong();
      byEpoch.put(ep, new EpochMetrics(ep, values));
    }
    return List.copyOf(byEpoch.values());
  }

  // ---- result.json sections --------------------------------------------------------------------

  private List<PoolEntry> pool(Map<String, Object> result) {
    List<PoolEntry> pool = new ArrayList<>();
    List<Object> items = list(result, "pool", "");
    for (int i = 0; i < items.size(); i++) {
      String at = String.format(Locale.ROOT, "pool[%d].", i);
      Map<String, Object> item = element(items.get(i), at);
      Optional<String> arch = text(item, "arch", at);
      OptionalDouble acc = number(item, "supernet_accuracy", at);
      OptionalDouble gt = number(item, "ground_truth", at);
      if (acc.isPresent() && gt.isPresent() && Double.isFinite(acc.getAsDouble())
          && Double.isFinite(gt.getAsDouble())) {
        pool.add(new PoolEntry(arch.orElse("#" + i), acc.getAsDouble(), gt.getAsDouble()));
      }
    }
    return pool;
  }

  private Optional<RankingSummary> ranking(Map<String, Object> result) {
    return object(result, "ranking", "").map(m -> new RankingSummary(
        number(m, "skdt", "ranking."), number(m, "kdt", "ranking."),
        number(m, "spearman", "ranking."), number(m, "precision_at_k", "ranking."),
        intValue(m, "k", "ranking."), intValue(m, "pool_size", "ranking.")));
  }

  private Optional<SearchSummary> search(Map<String, Object> result) {
    Optional<Map<String, Object>> section = object(result, "search", "");
    if (section.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Object> s = section.get();
    List<Object> items = list(s, "top", "search.");
    List<SearchSummary.Found> top = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      String at = String.format(Locale.ROOT, "search.top[%d].", i);
      Map<String, Object> item = element(items.get(i), at);
      top.add(new SearchSummary.Found(text(item, "arch", at).orElse("#" + i),
          number(item, "supernet_val_accuracy", at), number(item, "ground_truth", at),
          intValue(item, "ground_truth_rank", at), intValue(item, "ground_truth_total", at)));
    }
    return Optional.of(new SearchSummary(text(s, "strategy", "search."),
        intValue(s, "evaluations", "search."), top));
  }

  private Optional<RunCost> cost(Map<String, Object> result) {
    Optional<Map<String, Object>> section = object(result, "cost", "");
    OptionalDouble topTrain = number(result, "train_seconds", "");
    if (section.isEmpty()) {
      return topTrain.isPresent()
          ? Optional.of(new RunCost(topTrain, OptionalDouble.empty(), OptionalDouble.empty()))
          : Optional.empty();
    }
    Map<String, Object> c = section.get();
    OptionalDouble train = number(c, "train_seconds", "cost.");
    return Optional.of(new RunCost(train.isPresent() ? train : topTrain,
        number(c, "cpu_seconds", "cost."), number(c, "wall_seconds", "cost.")));
  }

  // ---- typed values ----------------------------------------------------------------------------

  @SuppressWarnings("unchecked")
  private Optional<Map<String, Object>> object(Map<String, Object> m, String key, String at) {
    Object v = m.get(key);
    if (v == null) {
      return Optional.empty();
    }
    if (v instanceof Map<?, ?> map) {
      return Optional.of((Map<String, Object>) map);
    }
    throw wrongType(at + key, "an object", v);
  }

  @SuppressWarnings("unchecked")
  private List<Object> list(Map<String, Object> m, String key, String at) {
    Object v = m.get(key);
    if (v == null) {
      return List.of();
    }
    if (v instanceof List<?> l) {
      return (List<Object>) l;
    }
    throw wrongType(at + key, "a list", v);
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> element(Object v, String at) {
    if (v instanceof Map<?, ?> map) {
      return (Map<String, Object>) map;
    }
    throw wrongType(at.substring(0, at.length() - 1), "an object", v);
  }

  /** A string; numbers and booleans are taken as their text (a YAML name may read as 123). */
  private Optional<String> text(Map<String, Object> m, String key, String at) {
    Object v = m.get(key);
    if (v == null) {
      return Optional.empty();
    }
    if (v instanceof String || v instanceof Number || v instanceof Boolean) {
      return Optional.of(String.valueOf(v));
    }
    throw wrongType(at + key, "a string", v);
  }

  private OptionalDouble number(Map<String, Object> m, String key, String at) {
    Object v = m.get(key);
    if (v == null) {
      return OptionalDouble.empty();
    }
    Optional<Double> d = asNumber(v);
    if (d.isEmpty()) {
      throw wrongType(at + key, "a number", v);
    }
    return OptionalDouble.of(d.get());
  }

  private OptionalLong integer(Map<String, Object> m, String key, String at) {
    Object v = m.get(key);
    if (v == null) {
      return OptionalLong.empty();
    }
    if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
      return OptionalLong.of(((Number) v).longValue());
    }
    if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 0x1p53) {
      return OptionalLong.of(d.longValue());
    }
    throw wrongType(at + key, "an integer", v);
  }

  private OptionalInt intValue(Map<String, Object> m, String key, String at) {
    OptionalLong v = integer(m, key, at);
    if (v.isEmpty()) {
      return OptionalInt.empty();
    }
    if (v.getAsLong() < Integer.MIN_VALUE || v.getAsLong() > Integer.MAX_VALUE) {
      throw wrongType(at + key, "an int", v.getAsLong());
    }
    return OptionalInt.of((int) v.getAsLong());
  }

  /** A JSON number, or the strings the engine writes for non-finite numbers. */
  private static Optional<Double> asNumber(Object v) {
    if (v instanceof Number n) {
      return Optional.of(n.doubleValue());
    }
    if (v instanceof String s) {
      switch (s) {
        case "NaN":
          return Optional.of(Double.NaN);
        case "Infinity":
          return Optional.of(Double.POSITIVE_INFINITY);
        case "-Infinity":
          return Optional.of(Double.NEGATIVE_INFINITY);
        default:
          return Optional.empty();
      }
    }
    return Optional.empty();
  }

  private IllegalArgumentException wrongType(String keyPath, String expected, Object got) {
    return new IllegalArgumentException(String.format(Locale.ROOT,
        "%s: %s: expected %s, got %s", file, keyPath, expected, describe(got)));
  }

  private static String describe(Object v) {
    if (v == null) {
      return "nothing";
    }
    if (v instanceof String s) {
      return "\"" + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + "\"";
    }
    if (v instanceof Map<?, ?>) {
      return "an object";
    }
    if (v instanceof List<?>) {
      return "a list";
    }
    return String.valueOf(v);
  }
}
