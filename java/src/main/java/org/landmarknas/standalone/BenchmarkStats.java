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
import java.util.OptionalInt;
import java.util.TreeMap;
import org.landmarknas.bench.StandaloneScores;
import org.landmarknas.metric.KendallTau;
import org.landmarknas.metric.SparseKendallTau;
import org.landmarknas.space.Nb201Arch;
import org.landmarknas.space.Nb201Space;

/**
 * What a README states about a stand-alone benchmark table: its size, the spread of its test
 * accuracies (seed 0), its cost, its noise ceiling, and its agreement with a reference table.
 *
 * <p>The noise ceiling is the Kendall tau-b between two training seeds over the architectures
 * trained with several seeds, averaged over the seed pairs: no super-net can be expected to rank
 * the table better than the table ranks itself when retrained. S-KdT of one seed against another
 * is reported next to it, since S-KdT is the paper's metric. With 2k or more seeds the ceiling of
 * a ground truth that is the mean of k seeds is measured the same way, between the means of two
 * disjoint sets of k seeds, averaged over every such split: that is the reliability of a table
 * whose scores are k-seed means. The {@link SeedNoise} split of the same cells says why the
 * ceiling is what it is and predicts it for means of more seeds than were trained.
 *
 * @param results number of stored results (all seeds)
 * @param archs architectures with a seed-0 result
 * @param minAccuracy lowest seed-0 test accuracy, percent
 * @param medianAccuracy median seed-0 test accuracy, percent
 * @param maxAccuracy highest seed-0 test accuracy, percent
 * @param wallSeconds training time of all results, summed
 * @param ceilingArchs architectures trained with every seed of {@code ceilingSeeds}
 * @param ceilingSeeds the seeds of the noise ceiling
 * @param ceilings the noise ceiling of single seeds, then of 2-seed means and so on while
 *     the seeds allow two disjoint sets (empty without two seeds)
 * @param seedNoise within- and between-architecture spread of the ceiling cells (empty without
 *     two seeds)
 * @param referenceKendall tau-b of seed-0 accuracies against the reference scores of the same
 *     architectures (empty without a reference)
 * @param referenceArchs the architectures that tau-b is over: those the reference scores
 * @param widestPair seed 0 against the seed that the most seed-0 architectures also have, when
 *     that covers more architectures than the ceiling does (empty otherwise)
 */
public record BenchmarkStats(int results, int archs, double minAccuracy, double medianAccuracy,
    double maxAccuracy, double wallSeconds, int ceilingArchs, List<Long> ceilingSeeds,
    List<Ceiling> ceilings, Optional<SeedNoise> seedNoise, OptionalDouble referenceKendall,
    int referenceArchs, Optional<SeedPair> widestPair) {

  /**
   * The agreement of two independent k-seed means.
   *
   * @param seedsPerMean k
   * @param splits the pairs of disjoint k-seed sets averaged over
   * @param kendall mean tau-b
   * @param sparseKendall mean S-KdT, both directions of every pair
   * @param minKendall the lowest tau-b of one split: how far a single measurement can stray
   * @param maxKendall the highest
   */
  public record Ceiling(int seedsPerMean, int splits, double kendall, double sparseKendall,
      double minKendall, double maxKendall) {}

  /**
   * Seed 0 against one other seed over every architecture that has both: a single seed pair, so
   * noisier than the ceiling's average over pairs, but over far more cells when a table gives
   * every cell a second seed and only a few cells more.
   *
   * @param seed the other seed
   * @param archs architectures with seed 0 and {@code seed}
   * @param kendall tau-b
   * @param sparseKendall S-KdT, mean of both directions
   * @param noise the seed noise of these architectures from their two seeds, which predicts the
   *     ceiling of k-seed means over all of them, not only over the ceiling cells
   */
  public record SeedPair(long seed, int archs, double kendall, double sparseKendall,
      SeedNoise noise) {}

  /** The seed-to-seed tau a benchmark should reach to rank architectures usefully. */
  public static final double TARGET_CEILING = 0.7;

  /** The fewest architectures a seed-to-seed tau is measured over. */
  public static final int MIN_CEILING_ARCHS = 3;

  public BenchmarkStats {
    ceilingSeeds = List.copyOf(ceilingSeeds);
    ceilings = List.copyOf(ceilings);
  }

  /** Tau-b between single seeds (empty without two seeds). */
  public OptionalDouble ceilingKendall() {
    return ceilings.isEmpty() ? OptionalDouble.empty()
        : OptionalDouble.of(ceilings.get(0).kendall());
  }

  /** S-KdT between single seeds (empty without two seeds). */
  public OptionalDouble ceilingSparseKendall() {
    return ceilings.isEmpty() ? OptionalDouble.empty()
        : OptionalDouble.of(ceilings.get(0).sparseKendall());
  }

  /**
   * The statistics of {@code results} (one protocol), with {@code reference} scores when given.
   *
   * @throws IllegalArgumentException when there is no seed-0 result
   */
  public static BenchmarkStats of(List<StandaloneResult> results,
      Optional<StandaloneScores> reference) {
    Objects.requireNonNull(results, "results");
    Map<Nb201Arch, Map<Long, Double>> bySeed = bySeed(results);
    double wall = results.stream().mapToDouble(StandaloneResult::wallSeconds).sum();
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

    List<Long> seeds = ceilingSeeds(seeded, bySeed);
    List<Nb201Arch> ceiling = new ArrayList<>();
    for (Nb201Arch a : seeded) {
      if (bySeed.get(a).keySet().containsAll(seeds) && !seeds.isEmpty()) {
        ceiling.add(a);
      }
    }
    List<Ceiling> ceilings = new ArrayList<>();
    Optional<SeedNoise> noise = Optional.empty();
    if (!ceiling.isEmpty()) {
      for (int k = 1; 2 * k <= seeds.size(); k++) {
        ceilings.add(ceiling(ceiling, bySeed, seeds, k));
      }
      noise = Optional.of(SeedNoise.of(ceiling.stream().map(a -> seeds.stream()
          .mapToDouble(sd -> bySeed.get(a).get(sd)).toArray()).toList()));
    }

    Optional<SeedPair> widest = widestPair(seeded, bySeed)
        .filter(p -> p.archs() > ceiling.size());

    OptionalDouble referenceTau = OptionalDouble.empty();
    int compared = 0;
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
      compared = mine.size();
      if (mine.size() >= 2) {
        referenceTau = OptionalDouble.of(KendallTau.tauB(
            mine.stream().mapToDouble(Double::doubleValue).toArray(),
            theirs.stream().mapToDouble(Double::doubleValue).toArray()));
      }
    }
    return new BenchmarkStats(results.size(), seeded.size(), sorted[0], median,
        sorted[sorted.length - 1], wall, ceiling.size(), seeds, ceilings, noise, referenceTau,
        compared, widest);
  }

  /** Seed 0 against the other seed most seed-0 cells have (ties: the lower seed). */
  private static Optional<SeedPair> widestPair(List<Nb201Arch> seeded,
      Map<Nb201Arch, Map<Long, Double>> bySeed) {
    Map<Long, Integer> cells = new TreeMap<>();
    for (Nb201Arch a : seeded) {
      for (long s : bySeed.get(a).keySet()) {
        if (s != 0) {
          cells.merge(s, 1, Integer::sum);
        }
      }
    }
    Optional<Map.Entry<Long, Integer>> most = cells.entrySet().stream()
        .filter(e -> e.getValue() >= MIN_CEILING_ARCHS)
        .reduce((x, y) -> y.getValue() > x.getValue() ? y : x);
    if (most.isEmpty()) {
      return Optional.empty();
    }
    long other = most.get().getKey();
    List<Nb201Arch> both = seeded.stream().filter(a -> bySeed.get(a).containsKey(other)).toList();
    double[] zero = mean(both, bySeed, List.of(0L));
    double[] them = mean(both, bySeed, List.of(other));
    double sparse = (SparseKendallTau.of(zero, them) + SparseKendallTau.of(them, zero)) / 2;
    SeedNoise noise = SeedNoise.of(both.stream().map(a -> new double[] {bySeed.get(a).get(0L),
        bySeed.get(a).get(other)}).toList());
    return Optional.of(new SeedPair(other, both.size(), KendallTau.tauB(zero, them), sparse,
        noise));
  }

  /**
   * Test accuracy in percent by architecture and seed, in the order of {@code results}. An
   * architecture stands for its equivalence class, under the form its first result has: a result
   * stored under an isomorphic twin (a direct {@code train --arch} beside the queue's canonical
   * form) is a seed of the same cell.
   */
  public static Map<Nb201Arch, Map<Long, Double>> bySeed(List<StandaloneResult> results) {
    Map<Nb201Arch, Nb201Arch> firstOfClass = new LinkedHashMap<>();
    Map<Nb201Arch, Map<Long, Double>> bySeed = new LinkedHashMap<>();
    for (StandaloneResult r : results) {
      Nb201Arch cell = firstOfClass.computeIfAbsent(Nb201Space.INSTANCE.canonical(r.arch()),
          c -> r.arch());
      bySeed.computeIfAbsent(cell, a -> new TreeMap<>()).put(r.seed(), 100 * r.testAccuracy());
    }
    return bySeed;
  }

  /**
   * The seed set of the noise ceiling: of the seed sets that architectures were trained with,
   * the one whose ceiling averages the most comparisons, cells x seed pairs, over the seed-0
   * cells that have all of it (ties: more seeds). So a table whose next seed is partly trained
   * keeps its ceiling over all cells and the seeds they share until half of them have the new
   * seed, instead of dropping to the few cells that have it; and a second seed for every cell
   * (250 x 1 pair) does not displace six seeds of 30 cells (30 x 15 pairs), whose 2- and
   * 3-seed-mean ceilings only they can give. A set needs {@value #MIN_CEILING_ARCHS} cells: two
   * cells give a tau of +1 or -1, no ceiling. Empty when no set has them.
   */
  private static List<Long> ceilingSeeds(List<Nb201Arch> seeded,
      Map<Nb201Arch, Map<Long, Double>> bySeed) {
    List<Long> best = List.of();
    long bestComparisons = 0;
    // Each distinct seed set once: most cells share one of a handful ({0}, {0, 1}, ...).
    List<List<Long>> candidates = seeded.stream().map(a -> List.copyOf(bySeed.get(a).keySet()))
        .filter(set -> set.size() >= 2).distinct().toList();
    for (List<Long> set : candidates) {
      long cells = seeded.stream().filter(a -> bySeed.get(a).keySet().containsAll(set)).count();
      if (cells < MIN_CEILING_ARCHS) {
        continue;
      }
      long comparisons = cells * set.size() * (set.size() - 1) / 2;
      if (comparisons > bestComparisons
          || (comparisons == bestComparisons && set.size() > best.size())) {
        best = set;
        bestComparisons = comparisons;
      }
    }
    return best;
  }

  /** Tau-b and S-KdT between the means of every ordered pair of disjoint k-seed sets. */
  private static Ceiling ceiling(List<Nb201Arch> archs, Map<Nb201Arch, Map<Long, Double>> by,
      List<Long> seeds, int k) {
    List<List<Long>> sets = subsets(seeds, k);
    List<double[]> means = sets.stream().map(s -> mean(archs, by, s)).toList();
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
    return new Ceiling(k, ordered / 2, tauSum / ordered, sparseSum / ordered, min, max);
  }

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

  private static double[] mean(List<Nb201Arch> archs, Map<Nb201Arch, Map<Long, Double>> by,
      List<Long> seeds) {
    return archs.stream().mapToDouble(a -> seeds.stream().mapToDouble(s -> by.get(a).get(s))
        .average().orElseThrow()).toArray();
  }

  private static String describeNoise(SeedNoise n) {
    OptionalInt enough = n.seedsFor(TARGET_CEILING);
    return String.format(Locale.ROOT, "seed noise: within-architecture sd %.2f points,"
            + " between-architecture sd %.2f, intraclass correlation %.2f; Gaussian model:"
            + " Kendall tau %.2f / %.2f / %.2f between 1- / 2- / 3-seed means, %s%n",
        n.withinSd(), n.betweenSd(), n.intraclassCorrelation(), n.predictedKendall(1),
        n.predictedKendall(2), n.predictedKendall(3), enough.isPresent()
            ? String.format(Locale.ROOT, "%.1f first reached with %d seed(s) per mean",
                TARGET_CEILING, enough.getAsInt())
            : String.format(Locale.ROOT, "%.1f out of reach", TARGET_CEILING));
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
    if (!ceilings.isEmpty()) {
      Ceiling one = ceilings.get(0);
      sb.append(String.format(Locale.ROOT, "noise ceiling over %d architectures, seeds %s:"
              + " Kendall tau-b %.3f, S-KdT %.3f (mean over %d seed pairs, %.3f to %.3f)%n",
          ceilingArchs, ceilingSeeds, one.kendall(), one.sparseKendall(), one.splits(),
          one.minKendall(), one.maxKendall()));
      for (Ceiling c : ceilings.subList(1, ceilings.size())) {
        sb.append(String.format(Locale.ROOT, "noise ceiling of %d-seed means: Kendall tau-b"
                + " %.3f, S-KdT %.3f (mean over %d pairs of disjoint seed sets, %.3f to %.3f)%n",
            c.seedsPerMean(), c.kendall(), c.sparseKendall(), c.splits(), c.minKendall(),
            c.maxKendall()));
      }
      seedNoise.ifPresent(n -> sb.append(describeNoise(n)));
    } else {
      sb.append(String.format(Locale.ROOT, "noise ceiling: needs at least %d architectures with"
          + " the same 2 or more seeds%n", MIN_CEILING_ARCHS));
    }
    widestPair.ifPresent(p -> sb.append(String.format(Locale.ROOT, "seed 0 vs seed %d over"
            + " the %d architectures with both: Kendall tau-b %.3f, S-KdT %.3f (one seed pair);"
            + " their %s", p.seed(), p.archs(), p.kendall(), p.sparseKendall(),
        describeNoise(p.noise()))));
    referenceKendall.ifPresent(t -> sb.append(String.format(Locale.ROOT,
        "Kendall tau-b against the reference table: %.3f (%d of the %d architectures)%n", t,
        referenceArchs, archs)));
    return sb.toString();
  }
}
