package org.landmarknas.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.knowm.xchart.XYChart;
import org.landmarknas.bench.StandaloneScores;
import org.landmarknas.metric.KendallTau;
import org.landmarknas.space.SearchSpace;
import org.landmarknas.standalone.BenchmarkStats;
import org.landmarknas.standalone.StandaloneResult;

/**
 * The plots of a stand-alone benchmark table, beside its {@link BenchmarkStats}: the noise
 * ceiling as a picture (each ceiling cell's seed-0 accuracy against its other seeds: the
 * farther from the diagonal, the noisier the ground truth) and the table against a reference
 * table of the same cells.
 */
public final class BenchmarkPlots {
  /** File name of the seed-vs-seed plot. */
  public static final String SEEDS_FILE = "seed-vs-seed.png";
  /** File name of the plot against the reference table. */
  public static final String REFERENCE_FILE = "vs-reference.png";

  private BenchmarkPlots() {}

  /**
   * Writes the plots the data allow into {@code dir} (created if needed) and returns their
   * files: {@value #SEEDS_FILE} when the stats have a noise ceiling, {@value #REFERENCE_FILE}
   * when {@code reference} scores two or more seed-0 architectures.
   *
   * @param <A> the architecture type of the protocol's space
   * @param space the protocol's space, whose equivalence classes group the results
   * @param results the table of one protocol, every seed
   * @param stats {@link BenchmarkStats#of} of the same results (its ceiling seeds pick the cells)
   * @param protocol the protocol's name, for the titles
   */
  public static <A> List<Path> write(SearchSpace<A> space, List<StandaloneResult<A>> results,
      BenchmarkStats stats, Optional<StandaloneScores<A>> reference, String protocol, Path dir)
      throws IOException {
    Map<A, Map<Long, Double>> bySeed = BenchmarkStats.bySeed(space, results);
    List<Path> written = new ArrayList<>();
    Files.createDirectories(dir);
    if (stats.ceilingKendall().isPresent()) {
      Path file = dir.resolve(SEEDS_FILE);
      ReportCharts.write(seeds(bySeed, stats, protocol), file);
      written.add(file);
    }
    if (reference.isPresent()) {
      Optional<XYChart> chart = againstReference(bySeed, reference.get(), protocol);
      if (chart.isPresent()) {
        Path file = dir.resolve(REFERENCE_FILE);
        ReportCharts.write(chart.get(), file);
        written.add(file);
      }
    }
    return written;
  }

  private static <A> XYChart seeds(Map<A, Map<Long, Double>> bySeed, BenchmarkStats stats,
      String protocol) {
    List<Long> seeds = stats.ceilingSeeds();
    List<Map<Long, Double>> cells = bySeed.values().stream()
        .filter(m -> m.keySet().containsAll(seeds)).toList();
    XYChart chart = ReportCharts.scatterChart(String.format(Locale.ROOT,
            "%s: test accuracy, seed %d vs the other seeds (%d cells, tau-b %.3f)", protocol,
            seeds.get(0), cells.size(), stats.ceilingKendall().getAsDouble()),
        "seed " + seeds.get(0) + " test accuracy (%)", "other seed's test accuracy (%)");
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (int k = 1; k < seeds.size(); k++) {
      double[] x = new double[cells.size()];
      double[] y = new double[cells.size()];
      for (int i = 0; i < cells.size(); i++) {
        x[i] = cells.get(i).get(seeds.get(0));
        y[i] = cells.get(i).get(seeds.get(k));
        lo = Math.min(lo, Math.min(x[i], y[i]));
        hi = Math.max(hi, Math.max(x[i], y[i]));
      }
      ReportCharts.addPoints(chart, "seed " + seeds.get(k), x, y, k - 1);
    }
    ReportCharts.addDiagonal(chart, lo, hi);
    return chart;
  }

  private static <A> Optional<XYChart> againstReference(Map<A, Map<Long, Double>> bySeed,
      StandaloneScores<A> reference, String protocol) {
    List<Double> ref = new ArrayList<>();
    List<Double> mine = new ArrayList<>();
    for (Map.Entry<A, Map<Long, Double>> e : bySeed.entrySet()) {
      OptionalDouble r = reference.score(e.getKey());
      if (r.isPresent() && e.getValue().containsKey(0L)) {
        ref.add(r.getAsDouble());
        mine.add(e.getValue().get(0L));
      }
    }
    if (ref.size() < 2) {
      return Optional.empty();
    }
    double[] x = ref.stream().mapToDouble(Double::doubleValue).toArray();
    double[] y = mine.stream().mapToDouble(Double::doubleValue).toArray();
    XYChart chart = ReportCharts.scatterChart(String.format(Locale.ROOT,
            "%s (seed 0) against the reference table (%d cells, tau-b %.3f)", protocol,
            x.length, KendallTau.tauB(y, x)), "reference score",
        "seed-0 test accuracy (%)");
    chart.getStyler().setLegendVisible(false);
    ReportCharts.addPoints(chart, "cells", x, y, 0);
    return Optional.of(chart);
  }
}
