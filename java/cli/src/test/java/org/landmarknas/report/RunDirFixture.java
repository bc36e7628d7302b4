package org.landmarknas.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.landmarknas.run.MetricsLog;
import org.landmarknas.space.Nb201Arch;

/**
 * Small fake run directories in the engine's format, written file by file ({@code metrics.jsonl}
 * through {@link MetricsLog}, {@code result.json} through jackson). Public so the CLI tests can
 * use the same runs.
 *
 * <p>The standard set: {@code base-0} and {@code base-1} (group "baseline", seeds 0 and 1, final
 * S-KdT 0.40 and 0.60, found ground truths {93, 92, null} and {94, 90}, best ranks 50 and 7,
 * 3600 and 1800 CPU-seconds) and {@code lm-0} (group "landmark", seed 0, λ logged, S-KdT 0.70,
 * found {94.5} rank 3, 7200 CPU-seconds).
 */
public final class RunDirFixture {

  /** Ground-truth table size written into {@code search.top[].ground_truth_total}. */
  public static final int TOTAL = 15625;

  private RunDirFixture() {}

  /** Writes the standard three runs under {@code root}; returns their directories. */
  public static List<Path> standardRuns(Path root) throws IOException {
    List<Path> dirs = new ArrayList<>();
    dirs.add(run(root.resolve("base-0"), "baseline", 0,
        metrics(4, new double[] {Double.NaN, 0.30, Double.NaN, 0.40}, false),
        result("baseline", 0, 0.40, pool(6, 0.0), search(found(93.0, 50), found(92.0, 120),
            found(null, null)), 3600)));
    dirs.add(run(root.resolve("base-1"), "baseline", 1,
        metrics(4, new double[] {Double.NaN, 0.35, Double.NaN, 0.60}, false),
        result("baseline", 1, 0.60, pool(6, 0.5), search(found(94.0, 7), found(90.0, 900)),
            1800)));
    dirs.add(run(root.resolve("lm-0"), "landmark", 0,
        metrics(4, new double[] {Double.NaN, 0.50, Double.NaN, 0.70}, true),
        result("landmark", 0, 0.70, pool(8, 1.0), search(found(94.5, 3)), 7200)));
    return dirs;
  }

  /** A run that scored no pool and ran no search: metrics without skdt, a bare result.json. */
  public static Path plainRun(Path dir) throws IOException {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("format_version", 1);
    Map<String, Object> provenance = new LinkedHashMap<>();
    provenance.put("seed", 2);
    provenance.put("dataset", "fashion-mnist");
    provenance.put("config", Map.of("name", "plain", "seed", 2));
    result.put("provenance", provenance);
    result.put("epochs", 3);
    result.put("train_seconds", 12.5);
    result.put("scored_architectures", List.of());
    return run(dir, "plain", 2, metrics(3, new double[] {Double.NaN, Double.NaN, Double.NaN},
        false), result);
  }

  /** Writes {@code config.yaml}, {@code metrics.jsonl} and (when not null) {@code result.json}. */
  public static Path run(Path dir, String name, long seed, List<Map<String, Object>> metrics,
      Map<String, Object> result) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("config.yaml"), "name: " + name + "\nseed: " + seed
        + "\ntrain:\n  epochs: " + metrics.size() + "\n", StandardCharsets.UTF_8);
    try (MetricsLog log = MetricsLog.open(dir.resolve("metrics.jsonl"))) {
      for (Map<String, Object> m : metrics) {
        log.append(m);
      }
    }
    if (result != null) {
      new ObjectMapper().writerWithDefaultPrettyPrinter()
          .writeValue(dir.resolve("result.json").toFile(), result);
    }
    return dir;
  }

  /** Epoch records 1..n; skdt[i] NaN means "pool not scored that epoch". */
  public static List<Map<String, Object>> metrics(int epochs, double[] skdt, boolean landmarks) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (int e = 1; e <= epochs; e++) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("epoch", e);
      m.put("steps", 100);
      m.put("lr", 0.025 / e);
      m.put("train_loss", 2.3 / Math.sqrt(e));
      m.put("train_acc", 0.1 + 0.15 * e);
      m.put("seconds", 10.0);
      m.put("steps_per_s", 10.0);
      m.put("step_ms_p50", 90.0 + e);
      m.put("step_ms_p90", 100.0 + e);
      m.put("step_ms_p99", 150.0 + 10 * e);
      m.put("step_ms_max", 200.0 + 20 * e);
      if (!Double.isNaN(skdt[e - 1])) {
        m.put("skdt", skdt[e - 1]);
        m.put("kdt", skdt[e - 1] - 0.05);
        m.put("spearman", skdt[e - 1] + 0.1);
        m.put("precision_at_k", 0.5);
        m.put("k", 5);
        m.put("pool_size", 6);
      }
      if (landmarks) {
        m.put("lambda", 10.0 * (e - 1) / (epochs - 1));
        m.put("landmark_loss", 0.8 / e);
        m.put("active_pairs", 40 - 5 * e);
      }
      out.add(m);
    }
    return out;
  }

  /** A pool of n architectures whose super-net accuracy roughly follows ground truth. */
  public static List<Map<String, Object>> pool(int n, double shift) {
    List<Map<String, Object>> pool = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("arch", Nb201Arch.ofCode(1000 + 37 * i).toString());
      p.put("supernet_accuracy", 0.40 + 0.03 * i + 0.02 * ((i * 7) % 3) + 0.01 * shift);
      p.put("ground_truth", 85.0 + 1.1 * i + shift);
      pool.add(p);
    }
    return pool;
  }

  /** One {@code search.top} entry; nulls for an architecture the ground truth does not know. */
  public static Map<String, Object> found(Double groundTruth, Integer rank) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("arch", Nb201Arch.ofCode(rank == null ? 1 : rank).toString());
    f.put("supernet_val_accuracy", 0.6);
    f.put("ground_truth", groundTruth);
    f.put("ground_truth_rank", rank);
    f.put("ground_truth_total", rank == null ? null : TOTAL);
    return f;
  }

  /** A {@code search} section with these top architectures. */
  @SafeVarargs
  public static Map<String, Object> search(Map<String, Object>... top) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("strategy", "evolution");
    s.put("evaluations", 100);
    s.put("top", Arrays.asList(top));
    return s;
  }

  /** A complete {@code result.json} with pool, ranking, search and cost. */
  public static Map<String, Object> result(String name, long seed, double skdt,
      List<Map<String, Object>> pool, Map<String, Object> search, double cpuSeconds) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("format_version", 1);
    Map<String, Object> provenance = new LinkedHashMap<>();
    provenance.put("seed", seed);
    provenance.put("dataset", "fashion-mnist");
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("name", name);
    config.put("seed", seed);
    provenance.put("config", config);
    provenance.put("started_at", "2025-03-04T05:06:07Z");
    provenance.put("finished_at", "2025-03-04T06:06:07Z");
    r.put("provenance", provenance);
    r.put("epochs", 4);
    r.put("steps", 400);
    r.put("train_seconds", 40.0);
    r.put("final_train_loss", 1.15);
    r.put("scored_architectures", List.of());
    r.put("pool", pool);
    Map<String, Object> ranking = new LinkedHashMap<>();
    ranking.put("skdt", skdt);
    ranking.put("kdt", skdt - 0.05);
    ranking.put("spearman", skdt + 0.1);
    ranking.put("precision_at_k", 0.5);
    ranking.put("k", 5);
    ranking.put("pool_size", pool.size());  // the key RankingReport.toMap writes
    r.put("ranking", ranking);
    r.put("search", search);
    Map<String, Object> cost = new LinkedHashMap<>();
    cost.put("train_seconds", 40.0);
    cost.put("cpu_seconds", cpuSeconds);
    cost.put("wall_seconds", 60.0);
    r.put("cost", cost);
    return r;
  }
}
