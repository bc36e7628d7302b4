package org.landmarknas.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.landmarknas.bench.BaselineRanking;
import org.landmarknas.config.RunConfig;
import org.landmarknas.config.RunConfigLoader;
import org.landmarknas.metric.AccuracyUnit;
import org.landmarknas.run.RunDirectory;
import org.landmarknas.space.SearchSpace;
import org.landmarknas.space.SearchSpaces;
import org.landmarknas.standalone.StandaloneProtocol;

/**
 * The rankings of the reported runs' evaluation pool that need no super-net (parameter count,
 * MACs, random; {@link BaselineRanking}), against the same ground truth the runs' S-KdT uses:
 * the table shows them beside the super-nets. Costs are those of the stand-alone network with the
 * super-net's sizes (its data set's images, C and N from the run's config).
 *
 * @param run the label of the run whose pool and config they come from
 * @param rankings the baselines, in {@link BaselineRanking#of} order
 * @param note what a reader must know: runs scored on other pools, or why there are none
 */
record PoolBaselines(String run, List<BaselineRanking> rankings, Optional<String> note) {

  /** The baselines of the first run with a pool; empty, with a note, where none can be made. */
  static PoolBaselines of(List<RunSummary> runs) {
    Optional<RunSummary> first = runs.stream().filter(r -> !r.run().pool().isEmpty())
        .findFirst();
    if (first.isEmpty()) {
      return new PoolBaselines("", List.of(), Optional.empty());
    }
    RunSummary s = first.get();
    List<String> archs = archs(s.run());
    long others = runs.stream().filter(r -> !r.run().pool().isEmpty())
        .filter(r -> !archs(r.run()).equals(archs)).count();
    Optional<String> note = others == 0 ? Optional.empty() : Optional.of(String.format(
        Locale.ROOT, "%d run(s) scored a different pool; the baselines are those of %s's pool",
        others, s.label()));
    try {
      return new PoolBaselines(s.label(), rankings(s.run()), note);
    } catch (IllegalArgumentException e) {
      return new PoolBaselines(s.label(), List.of(),
          Optional.of("no baselines: " + e.getMessage()));
    }
  }

  /** The pool as a set: runs of different seeds score the same cells in different orders. */
  private static List<String> archs(RunRecord run) {
    return run.pool().stream().map(PoolEntry::arch).sorted().toList();
  }

  private static List<BaselineRanking> rankings(RunRecord run) {
    Path configFile = run.dir().resolve(RunDirectory.CONFIG_FILE);
    RunConfig config = RunConfigLoader.load(configFile, List.of());
    return rankings(SearchSpaces.byName(config.space()), config, run);
  }

  private static <A> List<BaselineRanking> rankings(SearchSpace<A> space, RunConfig config,
      RunRecord run) {
    List<A> archs = run.pool().stream().map(e -> space.parse(e.arch())).toList();
    double[] truth = run.pool().stream().mapToDouble(PoolEntry::groundTruth).toArray();
    return BaselineRanking.of(space, StandaloneProtocol.skeleton(config.data().dataset(),
            config.supernet().channels(), config.supernet().cells()), archs, truth,
        AccuracyUnit.PERCENT, config.evaluate().topK());
  }

  /** The table.md section; empty when no run had a pool. */
  String markdown() {
    if (rankings.isEmpty() && note.isEmpty()) {
      return "";
    }
    StringBuilder md = new StringBuilder("\n## Baselines on the same pool\n\n");
    if (!rankings.isEmpty()) {
      md.append("Rankings that need no super-net, against the same ground truth (pool of ")
          .append(run).append("; random: the mean of ")
          .append(BaselineRanking.RANDOM_ORDERINGS).append(" seeded orderings).\n\n")
          .append("| ranked by | S-KdT | tau-b | Spearman | P@k (k) |\n")
          .append("| --- | --- | --- | --- | --- |\n");
      for (BaselineRanking b : rankings) {
        md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %.2f (%d) |%n",
            b.name(), correlation(b.report().sparseKendallTau()),
            correlation(b.report().kendallTau()), correlation(b.report().spearmanRho()),
            b.report().precisionAtK(), b.report().topK()));
      }
    }
    note.ifPresent(n -> md.append("\n- ").append(n).append('\n'));
    return md.toString();
  }

  /** Three decimals, without the sign of a mean that rounds to zero (random's -0.000). */
  private static String correlation(double v) {
    String text = String.format(Locale.ROOT, "%.3f", v);
    return text.equals("-0.000") ? "0.000" : text;
  }

  /** The report.json part: each baseline's figures under the run files' ranking keys. */
  Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("run", run);
    List<Map<String, Object>> list = new ArrayList<>();
    for (BaselineRanking b : rankings) {
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("name", b.name());
      one.putAll(b.report().toMap());
      list.add(one);
    }
    m.put("rankings", list);
    note.ifPresent(n -> m.put("note", n));
    return m;
  }
}
