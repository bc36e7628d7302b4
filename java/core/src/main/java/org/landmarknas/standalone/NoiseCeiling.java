package org.landmarknas.standalone;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.landmarknas.metric.KendallTau;
import org.landmarknas.metric.SparseKendallTau;

/**
 * The noise ceiling measured over the cells trained with every seed of one set: how well the
 * table ranks itself when retrained, between single seeds and between disjoint k-seed means, and
 * the mean of all seeds but one against the one held out, beside what {@link SeedNoise} and
 * {@link SimulatedCeiling} predict for the same cells. The held-out figure is measured because
 * with an odd number of seeds it is the one check of those predictions beyond the ceilings.
 *
 * @param <A> the architecture type of the table's space
 */
final class NoiseCeiling<A> {

  private final List<A> cells;
  private final Map<A, Map<Long, Double>> bySeed;

  private NoiseCeiling(List<A> cells, Map<A, Map<Long, Double>> bySeed) {
    this.cells = cells;
    this.bySeed = bySeed;
  }

  /**
   * The ceiling over {@code cells}, every one of which has all of {@code seeds}.
   *
   * @param <A> the architecture type
   * @param seeds two or more seeds, ascending
   * @param cells at least {@value BenchmarkStats#MIN_CEILING_ARCHS} architectures
   * @param bySeed test accuracy by architecture and seed, as {@link BenchmarkStats#bySeed}
   */
  static <A> BenchmarkStats.SeedSet measure(List<Long> seeds, List<A> cells,
      Map<A, Map<Long, Double>> bySeed) {
    NoiseCeiling<A> over = new NoiseCeiling<>(cells, bySeed);
    List<BenchmarkStats.Ceiling> ceilings = new ArrayList<>();
    for (int k = 1; 2 * k <= seeds.size(); k++) {
      ceilings.add(over.ceiling(seeds, k));
    }
    Optional<BenchmarkStats.HeldOut> heldOut = seeds.size() >= 3
        ? Optional.of(over.heldOut(seeds)) : Optional.empty();
    List<double[]> accuracy = cells.stream().map(a -> seeds.stream()
        .mapToDouble(sd -> bySeed.get(a).get(sd)).toArray()).toList();
    return new BenchmarkStats.SeedSet(seeds, cells.size(), ceilings, heldOut,
        SeedNoise.of(accuracy), simulated(SimulatedCeiling.of(accuracy), seeds.size()));
  }

  /** The predictions {@link BenchmarkStats.Simulated} holds, for a set of {@code seeds} seeds. */
  private static BenchmarkStats.Simulated simulated(SimulatedCeiling sim, int seeds) {
    return new BenchmarkStats.Simulated(
        List.of(sim.predictedKendall(1, 1), sim.predictedKendall(2, 2),
            sim.predictedKendall(3, 3)),
        List.of(sim.predictedKendallOfTruth(1), sim.predictedKendallOfTruth(2),
            sim.predictedKendallOfTruth(3)),
        seeds >= 3 ? OptionalDouble.of(sim.predictedKendall(seeds - 1, 1))
            : OptionalDouble.empty());
  }

  /** Tau-b and S-KdT between the means of every ordered pair of disjoint k-seed sets. */
  private BenchmarkStats.Ceiling ceiling(List<Long> seeds, int k) {
    List<List<Long>> sets = subsets(seeds, k);
    List<double[]> means = sets.stream().map(this::mean).toList();
    double tauSum = 0;
    double sparseSum = 0;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    int ordered = 0;
    for (int a = 0; a < sets.size(); a++) {
      for (int b = 0; b < sets.size(); b++) {
        if (sets.get(b).stream().anyMatch(sets.get(a)::contains)) {
          continue;
        }
        double tau = KendallTau.tauB(means.get(a), means.get(b));
        tauSum += tau;
        min = Math.min(min, tau);
        max = Math.max(max, tau);
        sparseSum += SparseKendallTau.of(means.get(a), means.get(b));
        ordered++;
      }
    }
    return new BenchmarkStats.Ceiling(k, ordered / 2, tauSum / ordered, sparseSum / ordered, min,
        max);
  }

  /** Tau-b between each seed and the mean of the others. */
  private BenchmarkStats.HeldOut heldOut(List<Long> seeds) {
    double sum = 0;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (Long out : seeds) {
      List<Long> rest = seeds.stream().filter(sd -> !sd.equals(out)).toList();
      double tau = KendallTau.tauB(mean(rest), mean(List.of(out)));
      sum += tau;
      min = Math.min(min, tau);
      max = Math.max(max, tau);
    }
    return new BenchmarkStats.HeldOut(seeds.size() - 1, seeds.size(), sum / seeds.size(), min,
        max);
  }

  /** Every k-element subset of {@code items}, each in the order of {@code items}. */
  private static List<List<Long>> subsets(List<Long> items, int k) {
    if (k == 0) {
      return List.of(List.of());
    }
    List<List<Long>> out = new ArrayList<>();
    for (int i = 0; i + k <= items.size(); i++) {
      for (List<Long> rest : subsets(items.subList(i + 1, items.size()), k - 1)) {
        List<Long> s = new ArrayList<>();
        s.add(items.get(i));
        s.addAll(rest);
        out.add(s);
      }
    }
    return out;
  }

  /** Each cell's mean accuracy over {@code seeds}, in the order of the cells. */
  private double[] mean(List<Long> seeds) {
    return cells.stream().mapToDouble(a -> seeds.stream().mapToDouble(s -> bySeed.get(a).get(s))
        .average().orElseThrow()).toArray();
  }
}
