package org.landmarknas.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * An experiment: several arms (a run config plus overrides), each run with several seeds, then
 * compared in one report. {@code lmnas experiment FILE} runs it; every run gets its own run
 * directory {@code <runs-dir>/<arm>-s<seed>}, so an interrupted experiment continues where it
 * stopped (finished runs are skipped, interrupted ones resumed from their checkpoints).
 *
 * <pre>
 * name: fmnist-landmarks-vs-spos
 * runs-dir: runs/fmnist-landmarks-vs-spos   # default runs/&lt;name&gt;
 * report-dir: runs/fmnist-landmarks-vs-spos/report   # default &lt;runs-dir&gt;/report
 * seeds: [0, 1, 2]
 * arms:
 *   - name: spos
 *     config: fmnist-mini-spos.yaml          # relative to this file
 *   - name: landmarks-m10
 *     config: fmnist-mini-landmarks.yaml
 *     set: [landmarks.pairs=10]               # --set overrides
 *     seeds: [0]                              # instead of the experiment's seeds
 * </pre>
 *
 * <p>Every arm's config is loaded and validated with its overrides when the experiment is
 * loaded, so a typo in the last ablation fails before the first run starts.
 *
 * @param name the experiment's name (as run names allow)
 * @param runsDir the directory holding the run directories
 * @param reportDir where the report goes; two experiments sharing a runs directory (a study
 *     that reuses another's control arm: a finished run is never run twice) keep their reports
 *     apart with it
 * @param arms at least one, names unique
 */
public record ExperimentConfig(String name, Path runsDir, Path reportDir, List<Arm> arms) {

  /** An experiment whose report goes to {@code <runs-dir>/report}. */
  public ExperimentConfig(String name, Path runsDir, List<Arm> arms) {
    this(name, runsDir, runsDir.resolve("report"), arms);
  }

  /**
   * One arm: a run config, overridden, run once per seed under the arm's name.
   *
   * @param name the arm's name, also the run name (so the report groups its seeds)
   * @param config the run config file
   * @param overrides {@code key=value} overrides, applied after the file
   * @param seeds the seeds, at least one, distinct
   */
  public record Arm(String name, Path config, List<String> overrides, List<Long> seeds) {
    public Arm {
      Objects.requireNonNull(config, "config");
      overrides = List.copyOf(overrides);
      seeds = List.copyOf(seeds);
    }

    /** The run config of {@code seed}: the file, the overrides, then name and seed. */
    public RunConfig runConfig(long seed) {
      List<String> all = new ArrayList<>(overrides);
      all.add("name=" + name);
      all.add("seed=" + seed);
      return RunConfigLoader.load(config, all);
    }

    /** The run directory of {@code seed} under {@code runsDir}. */
    public Path runDir(Path runsDir, long seed) {
      return runsDir.resolve(name + "-s" + seed);
    }
  }

  public ExperimentConfig {
    arms = List.copyOf(arms);
  }

  /** One run of an experiment: an arm with one of its seeds. */
  public record Run(Arm arm, long seed) {
    /** This run's directory under {@code runsDir}. */
    public Path dir(Path runsDir) {
      return arm.runDir(runsDir, seed);
    }
  }

  /**
   * Every run, seed by seed: round {@code r} runs one seed of every arm that is still in, in file
   * order. Arms with fewer seeds (one-seed ablations) join in the last rounds, so the arms of the
   * main comparison come first and an experiment interrupted after a few hours already holds
   * paired comparisons, not all seeds of the first arm alone.
   */
  public List<Run> runs() {
    List<Run> runs = new ArrayList<>();
    int rounds = arms.stream().mapToInt(a -> a.seeds().size()).max().orElse(0);
    for (int r = 0; r < rounds; r++) {
      for (Arm arm : arms) {
        int i = r - (rounds - arm.seeds().size());
        if (i >= 0) {
          runs.add(new Run(arm, arm.seeds().get(i)));
        }
      }
    }
    return runs;
  }

  private static final Set<String> TOP_KEYS = Set.of("name", "runs-dir", "report-dir", "seeds",
      "arms");
  private static final Set<String> ARM_KEYS = Set.of("name", "config", "set", "seeds");

  /**
   * Reads and validates an experiment file, including every arm's run config for every seed.
   *
   * @throws ConfigException naming the file, the key and what is allowed
   */
  public static ExperimentConfig load(Path file) {
    String source = file.toString();
    if (!(readYaml(file) instanceof Map<?, ?> top)) {
      throw error(source, null, "expected a mapping with keys " + sorted(TOP_KEYS));
    }
    unknownKeys(source, "", top, TOP_KEYS);
    String name = string(source, "name", top.get("name"));
    if (!RunConfig.NAME.matcher(name).matches()) {
      throw error(source, "name", KeyCheck.quote(name) + " is not allowed (1-64 letters,"
          + " digits, '-', '_' or '.', starting with a letter or digit)");
    }
    Path runsDir = top.get("runs-dir") == null ? Path.of("runs", name)
        : Path.of(string(source, "runs-dir", top.get("runs-dir")));
    Path reportDir = top.get("report-dir") == null ? runsDir.resolve("report")
        : Path.of(string(source, "report-dir", top.get("report-dir")));
    List<Long> defaultSeeds = top.containsKey("seeds")
        ? seeds(source, "seeds", top.get("seeds")) : List.of(0L);
    if (!(top.get("arms") instanceof List<?> armList) || armList.isEmpty()) {
      throw error(source, "arms", "expected a non-empty list of arms (each with name and"
          + " config)");
    }
    List<Arm> arms = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < armList.size(); i++) {
      Arm arm = arm(file, "arms[" + i + "]", armList.get(i), defaultSeeds);
      if (!names.add(arm.name())) {
        throw error(source, "arms[" + i + "].name", "arm " + KeyCheck.quote(arm.name())
            + " appears twice (arm names must be unique)");
      }
      arms.add(arm);
    }
    return new ExperimentConfig(name, runsDir, reportDir, arms);
  }

  /** The YAML tree of {@code file}, duplicate keys and deep nesting refused. */
  private static Object readYaml(Path file) {
    try {
      LoaderOptions options = new LoaderOptions();
      options.setAllowDuplicateKeys(false);
      options.setMaxAliasesForCollections(16);
      options.setNestingDepthLimit(16);
      return new Yaml(new SafeConstructor(options)).load(Files.readString(file,
          StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new ConfigException(file.toString(), OptionalInt.empty(), null,
          "cannot read experiment file (" + e.getMessage() + ")", e);
    } catch (YAMLException e) {
      throw new ConfigException(file.toString(), OptionalInt.empty(), null,
          "not valid YAML: " + firstLine(e.getMessage()), e);
    }
  }

  /**
   * The arm at {@code where} of {@code file}, its run config loaded for every seed so that a bad
   * override fails here, naming the arm and seed, not hours later.
   */
  private static Arm arm(Path file, String where, Object node, List<Long> defaultSeeds) {
    String source = file.toString();
    if (!(node instanceof Map<?, ?> a)) {
      throw error(source, where, "expected a mapping with keys " + sorted(ARM_KEYS));
    }
    unknownKeys(source, where + ".", a, ARM_KEYS);
    String armName = string(source, where + ".name", a.get("name"));
    if (!RunConfig.NAME.matcher(armName).matches()) {
      throw error(source, where + ".name", KeyCheck.quote(armName) + " is not allowed (as"
          + " run names: 1-64 letters, digits, '-', '_' or '.')");
    }
    // Relative to the experiment file, so that it works from any working directory.
    Path given = Path.of(string(source, where + ".config", a.get("config")));
    Path config = given.isAbsolute() || file.getParent() == null ? given
        : file.getParent().resolve(given);
    List<String> overrides = new ArrayList<>();
    if (a.get("set") != null) {
      if (!(a.get("set") instanceof List<?> set)) {
        throw error(source, where + ".set", "expected a list of key=value strings");
      }
      for (Object o : set) {
        overrides.add(string(source, where + ".set", o));
      }
    }
    List<Long> seeds = a.containsKey("seeds")
        ? seeds(source, where + ".seeds", a.get("seeds")) : defaultSeeds;
    Arm arm = new Arm(armName, config, overrides, seeds);
    for (long seed : seeds) {
      try {
        arm.runConfig(seed);
      } catch (ConfigException e) {
        throw error(source, where, "arm " + armName + ", seed " + seed + ": "
            + e.getMessage());
      }
    }
    return arm;
  }

  private static List<Long> seeds(String source, String key, Object value) {
    if (!(value instanceof List<?> list) || list.isEmpty()) {
      throw error(source, key, "expected a non-empty list of integer seeds, e.g. [0, 1, 2]");
    }
    List<Long> seeds = new ArrayList<>();
    for (Object o : list) {
      if (!(o instanceof Integer || o instanceof Long)) {
        throw error(source, key, KeyCheck.quote(String.valueOf(o)) + " is not an integer seed");
      }
      long s = ((Number) o).longValue();
      if (seeds.contains(s)) {
        throw error(source, key, "seed " + s + " is listed twice");
      }
      seeds.add(s);
    }
    return seeds;
  }

  private static String string(String source, String key, Object value) {
    if (!(value instanceof String s) || s.isBlank()) {
      throw error(source, key, "expected a non-empty string, got "
          + (value == null ? "nothing" : KeyCheck.quote(String.valueOf(value))));
    }
    return s;
  }

  private static void unknownKeys(String source, String prefix, Map<?, ?> map,
      Set<String> allowed) {
    for (Object k : map.keySet()) {
      if (!allowed.contains(String.valueOf(k))) {
        throw error(source, prefix + k, "unknown key (allowed: " + sorted(allowed) + ")");
      }
    }
  }

  private static String sorted(Set<String> keys) {
    return String.join(", ", keys.stream().sorted().toList());
  }

  private static ConfigException error(String source, String key, String detail) {
    return new ConfigException(source, OptionalInt.empty(), key, detail, null);
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "unknown error";
    }
    int nl = s.indexOf('\n');
    return (nl < 0 ? s : s.substring(0, nl)).toLowerCase(Locale.ROOT);
  }
}
