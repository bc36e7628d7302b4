package org.landmarknas.standalone;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.landmarknas.bench.StandaloneScores;
import org.landmarknas.metric.KendallTau;
import org.landmarknas.metric.SparseKendallTau;
import org.landmarknas.space.Nb201Arch;

/**
 * What a README states about a stand-alone benchmark table: its size, the spread of its test
 * accuracies (seed 0), its cost, its noise ceiling, and its agreement with a reference table.
 *
 * <p>The noise ceiling is the Kendall tau-b between two training seeds over the architectures
 * trained with several seeds, averaged over the seed pairs: no super-net can be expected to rank
 * the table better than the table ranks itself when retrained. S-KdT of one seed against another
 * is reported next to it, since S-KdT is the paper's metric.
 *
 * @param results number of stored results (all seeds)
 * @param archs architectures with a seed-0 result
 * @param minAccuracy lowest seed-0 test accuracy, percent
 * @param medianAccuracy median seed-0 test accuracy, percent
 * @param maxAccuracy highest seed-0 test accuracy, percent
 * @param wallSeconds training time of all results, summed
 * @param ceilingArchs architectures trained with every seed of {@code ceilingSeeds}
 * @param ceilingSeeds the seeds of the noise ceiling
 * @param ceilingKendall mean tau-b over the seed pairs (empty without two seeds)
 * @param ceilingSparseKendall mean S-KdT over the ordered seed pairs (empty without two seeds)
 * @param referenceKendall tau-b of seed-0 accuracies against the reference scores of the same
 *     architectures (empty without a reference)
 */
public record BenchmarkStats(int results, int archs, double minAccuracy, double medianAccuracy,
    double maxAccuracy, double wallSeconds, int ceilingArchs, List<Long> ceilingSeeds,
    OptionalDouble ceilingKendall, OptionalDouble ceilingSparseKendall,
    OptionalDouble referenceKendall) {

  /**
   * The statistics of {@code results} (one protocol), with {@code reference} scores when given.
   *
   * @throws IllegalArgumentException when there is no seed-0 result
   */
  public static BenchmarkStats of(List<StandaloneResult> results,
      Optional<StandaloneScores> reference) {
    Objects.requireNonNull(results, "results");
    Map<Nb201Arch, Map<Long, Double>> bySeed = new LinkedHashMap<>();
    double wall = 0;
    for (StandaloneResult r : results) {
      bySeed.computeIfAbsent(r.arch(), a -> new TreeMap<>()).put(r.seed(),
          100 * r.testAccuracy());
      wall += r.wallSeconds();
    }
    List<Nb201Arch> seeded = new ArrayList<>();
    for (Map.Entry<Nb201Arch, Map<Long, Double>> e : bySeed.entrySet()) {
      if (e.getValue().containsKey(0L)) {
        seeded.add(e.getKey());
      }
    }
    if (seeded.isEmpty()) {
      throw new IllegalArgumentException("benchmark statistics need seed-0 results, got none of "
          + results.size());
    }
    double[] acc = seeded.stream().mapToDouble(a -> bySeed.get(a).get(0L)).toArray();
    double[] sorted = acc.clone();
    Arrays.sort(sorted);
    double median = sorted.length % 2 == 1 ? sorted[sorted.length / 2]
        : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;

    // Noise ceiling over the largest seed set that at least two architectures share.
    List<Long> seeds = bySeed.values().stream().map(m -> List.copyOf(m.keySet()))
        .filter(s -> s.size() >= 2).max((a, b) -> Integer.compare(a.size(), b.size()))
        .orElse(List.of());
    List<Nb201Arch> ceiling = new ArrayList<>();
    for (Nb201Arch a : seeded) {
      if (bySeed.get(a).keySet().containsAll(seeds) && !seeds.isEmpty()) {
        ceiling.add(a);
      }
    }
    OptionalDouble kendall = OptionalDouble.empty();
    OptionalDouble sparse = OptionalDouble.empty();
    if (ceiling.size() >= 2) {
      double tauSum = 0;
      double sparseSum = 0;
      int pairs = 0;
      for (int i = 0; i < seeds.size(); i++) {
        for (int j = i + 1; j < seeds.size(); j++) {
          double[] x = column(ceiling, bySeed, seeds.get(i));
          double[] y = column(ceiling, bySeed, seeds.get(j));
          tauSum += KendallTau.tauB(x, y);
          sparseSum += (SparseKendallTau.of(x, y) + SparseKendallTau.of(y, x)) / 2;
          pairs++;
        }
      }
      kendall = OptionalDouble.of(tauSum / pairs);
      sparse = OptionalDouble.of(sparseSum / pairs);
    }

    OptionalDouble referenceTau = OptionalDouble.empty();
    if (reference.isPresent()) {
      List<Double> mine = new ArrayList<>();
      List<Double> theirs = new ArrayList<>();
      for (int i = 0; i < seeded.size(); i++) {
        OptionalDouble s = reference.get().score(seeded.get(i));
        if (s.isPresent()) {
          mine.add(acc[i]);
          theirs.add(s.getAsDouble());
        }
      }
      if (mine.size() >= 2) {
        referenceTau = OptionalDouble.of(KendallTau.tauB(
            mine.stream().mapToDouble(Double::doubleValue).toArray(),
            theirs.stream().mapToDouble(Double::doubleValue).toArray()));
      }
    }
    return new BenchmarkStats(results.size(), seeded.size(), sorted[0], median,
        sorted[sorted.length - 1], wall, ceiling.size(), seeds, kendall, sparse, referenceTau);
  }

  private static double[] column(List<Nb201Arch> archs, Map<Nb201Arch, Map<Long, Double>> by,
      long seed) {
    return archs.stream().mapToDouble(a -> by.get(a).get(seed)).toArray();
  }

  /** The figures as lines of text for a terminal or a README. */
  public String describe() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "results: %d (%d architectures with seed 0)%n",
        results, archs));
    sb.append(String.format(Locale.ROOT, "test accuracy (seed 0): min %.2f%%, median %.2f%%,"
        + " max %.2f%%%n", minAccuracy, medianAccuracy, maxAccuracy));
    sb.append(String.format(Locale.ROOT, "training time: %.2f h in all, %.1f s per result%n",
        wallSeconds / 3600, wallSeconds / Math.max(1, results)));
    if (ceilingKendall.isPresent()) {
      sb.append(String.format(Locale.ROOT, "noise ceiling over %d architectures, seeds %s:"
              + " Kendall tau-b %.3f, S-KdT %.3f (mean over seed pairs)%n", ceilingArchs,
          ceilingSeeds, ceilingKendall.getAsDouble(), ceilingSparseKendall.getAsDouble()));
    } else {
      sb.append("noise ceiling: needs at least 2 architectures with 2 or more seeds\n");
    }
    referenceKendall.ifPresent(t -> sb.append(String.format(Locale.ROOT,
        "Kendall tau-b against the reference table: %.3f%n", t)));
    return sb.toString();
  }
}
