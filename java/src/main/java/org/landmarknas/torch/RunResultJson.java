package org.landmarknas.torch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.landmarknas.bench.GroundTruth;
import org.landmarknas.config.RunConfig;
import org.landmarknas.config.RunConfigLoader;
import org.landmarknas.search.ArchScore;
import org.landmarknas.search.Evaluated;
import org.landmarknas.search.SearchResult;
import org.landmarknas.space.Nb201Arch;

/**
 * The content of {@code result.json}, format version 1: provenance (seed, data, split
 * fingerprint, versions, config), training counters, the sampled architectures' scores, the
 * last pool scoring and its ranking, the search's distinct top architectures with their ground
 * truth, and the cost. {@code lmnas report} reads it back.
 */
final class RunResultJson {
  private RunResultJson() {}

  /**
   * The result of a finished run.
   *
   * @param search the final search's result, when the run had one; its distinct top is {@code
   *     outcome.found()}
   */
  static Map<String, Object> of(RunConfig config, SearchSession session, SearchOutcome outcome,
      RunClock clock, Optional<PoolResult> pool, Optional<SearchResult<Nb201Arch>> search,
      Optional<GroundTruth> truth, boolean resumed) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("format_version", 1);
    r.put("provenance", provenance(config, session, clock, truth, resumed));
    r.put("epochs", outcome.epochs());
    r.put("steps", outcome.steps());
    r.put("train_seconds", outcome.trainSeconds());
    r.put("final_train_loss", outcome.finalTrainLoss());
    List<Map<String, Object>> archs = new ArrayList<>();
    for (ArchScore s : outcome.scores()) {
      Map<String, Object> a = new LinkedHashMap<>();
      a.put("arch", s.arch().toString());
      a.put("supernet_test_accuracy", s.accuracy());
      a.put("supernet_test_loss", s.loss());
      a.put("images", s.samples());
      archs.add(a);
    }
    r.put("scored_architectures", archs);
    pool.ifPresent(p -> {
      r.put("pool", p.toJson());
      r.put("ranking", p.report().toMap());
    });
    search.ifPresent(s -> r.put("search", search(s, outcome.found(), truth)));
    Map<String, Object> cost = new LinkedHashMap<>();
    cost.put("train_seconds", outcome.trainSeconds());
    cost.put("cpu_seconds", clock.cpuSeconds());
    cost.put("wall_seconds", clock.wallSeconds());
    r.put("cost", cost);
    return r;
  }

  private static Map<String, Object> provenance(RunConfig config, SearchSession session,
      RunClock clock, Optional<GroundTruth> truth, boolean resumed) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("started_at", clock.started().toString());
    p.put("finished_at", Instant.now().toString());
    p.put("seed", config.seed());
    p.put("resumed", resumed);
    p.put("dataset", session.dataset().name());
    p.put("split_fingerprint", Long.toHexString(session.split().fingerprint()));
    p.put("java", System.getProperty("java.version"));
    p.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    p.put("libtorch", TorchInfo.libtorchVersion());
    truth.ifPresent(t -> p.put("ground_truth", t.source()));
    p.put("config", RunConfigLoader.toMap(config));
    return p;
  }

  private static Map<String, Object> search(SearchResult<Nb201Arch> s,
      List<Evaluated<Nb201Arch>> found,
      Optional<GroundTruth> truth) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("strategy", s.strategy());
    m.put("evaluations", s.evaluations());
    List<Map<String, Object>> top = new ArrayList<>();
    for (Evaluated<Nb201Arch> e : found) {
      Map<String, Object> t = new LinkedHashMap<>();
      t.put("arch", e.arch().toString());
      t.put("supernet_val_accuracy", e.fitness());
      OptionalDouble gt = truth.map(g -> g.score(e.arch())).orElse(OptionalDouble.empty());
      OptionalInt rank = truth.map(g -> g.rank(e.arch())).orElse(OptionalInt.empty());
      t.put("ground_truth", gt.isPresent() ? gt.getAsDouble() : null);
      t.put("ground_truth_rank", rank.isPresent() ? rank.getAsInt() : null);
      t.put("ground_truth_total", truth.map(GroundTruth::size).orElse(null));
      top.add(t);
    }
    m.put("top", top);
    return m;
  }
}
