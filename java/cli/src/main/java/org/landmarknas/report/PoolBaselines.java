package org.landmarknas.report;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.landmarknas.bench.BaselineRanking;
import org.landmarknas.bench.ProxyBaselines;
import org.landmarknas.config.RunConfig;
import org.landmarknas.config.RunConfigLoader;
import org.landmarknas.metric.AccuracyUnit;
import org.landmarknas.run.RunDirectory;
import org.landmarknas.space.SearchSpace;
import org.landmarknas.space.SearchSpaces;
import org.landmarknas.standalone.StandaloneProtocol;

/**
 * The rankings of the reported runs' evaluation pool that need no super-net (parameter count,
 * MACs, random; {@link BaselineRanking}; and, where the run's {@code evaluate.pool} is a NASLib
 * sample, its zero-cost proxies; {@link ProxyBaselines}), against the same ground truth the runs'
 * S-KdT uses: the table shows them beside the super-nets. Costs are those of the stand-alone
 * network with the super-net's sizes (its data set's images, C and N from the run's config).
 *
 * @param run the label of the run whose pool and config they come from
 * @param rankings the baselines, in {@link BaselineRanking#of} order, then the proxies
 * @param notes what a reader must know: runs scored on other pools, how proxies rank, or why
 *     there are none
 */
record PoolBaselines(String run, List<BaselineRanking> rankings, List<String> notes) {

  PoolBaselines {
    rankings = List.copyOf(rankings);
    notes = List.copyOf(notes);
  }

  /** The baselines of the first run with a pool; empty, with a note, where none can be made. */
  static PoolBaselines of(List<RunSummary> runs) {
    Optional<RunSummary> first = runs.stream().filter(r -> !r.run().pool().isEmpty())
        .findFirst();
    if (first.isEmpty()) {
      return new PoolBaselines("", List.of(), List.of());
    }
    RunSummary s = first.get();
    List<String> archs = archs(s.run());
    long others = runs.stream().filter(r -> !r.run().pool().isEmpty())
        .filter(r -> !archs(r.run()).equals(archs)).count();
    List<String> notes = new ArrayList<>();
    if (others > 0) {
      notes.add(String.format(Locale.ROOT, "%d run(s) scored a different pool; the baselines are"
          + " those of %s's pool", others, s.label()));
    }
    try {
      return new PoolBaselines(s.label(), rankings(s.run(), notes), notes);
    } catch (IllegalArgumentException e) {
      notes.add("no baselines: " + e.getMessage());
      return new PoolBaselines(s.label(), List.of(), notes);
    }
  }

  /** The pool as a set: runs of different seeds score the same cells in different orders. */
  private static List<String> archs(RunRecord run) {
    return run.pool().stream().map(PoolEntry::arch).sorted().toList();
  }

  /** The run's pool's baselines; adds to {@code notes} how its proxies rank, or why none. */
  private static List<BaselineRanking> rankings(RunRecord run, List<String> notes) {
    Path configFile = run.dir().resolve(RunDirectory.CONFIG_FILE);
    RunConfig config = RunConfigLoader.load(configFile, List.of());
    return rankings(SearchSpaces.byName(config.space()), config, run, notes);
  }

  private static <A> List<BaselineRanking> rankings(SearchSpace<A> space, RunConfig config,
      RunRecord run, List<String> notes) {
    List<A> archs = run.pool().stream().map(e -> space.parse(e.arch())).toList();
    double[] truth = run.pool().stream().mapToDouble(PoolEntry::groundTruth).toArray();
    int k = config.evaluate().topK();
    List<BaselineRanking> out = new ArrayList<>(BaselineRanking.of(space,
        StandaloneProtocol.skeleton(config.data().dataset(), config.supernet().channels(),
            config.supernet().cells()), archs, truth, AccuracyUnit.PERCENT, k));
    Optional<Path> sample = config.evaluate().poolPath();
    try {
      Optional<ProxyBaselines> proxies = sample.flatMap(f -> ProxyBaselines.of(space, f, archs,
          truth, AccuracyUnit.PERCENT, k));
      proxies.ifPresent(p -> {
        out.addAll(p.rankings());
        notes.add(p.note());
      });
    } catch (IllegalArgumentException | UncheckedIOException e) {
      // the cost baselines stand without the sample (a report read away from the repository)
      notes.add(e.getMessage());
    }
    return out;
  }

  /** The table.md section; empty when no run had a pool. */
  String markdown() {
    if (rankings.isEmpty() && notes.isEmpty()) {
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
    if (!notes.isEmpty()) {
      md.append('\n');
      notes.forEach(n -> md.append("- ").append(n).append('\n'));
    }
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
    if (!notes.isEmpty()) {
      m.put("notes", notes);
    }
    return m;
  }
}
