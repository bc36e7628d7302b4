package org.landmarknas.standalone;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
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
 * ceiling is what it is and predicts it for means of more seeds than were trained, by formula and
 * by {@link SimulatedCeiling}; with three or more seeds the mean of all but one against the one
 * held out checks both predictions where no k-seed ceiling can be measured.
 *
 * <p>A table is usually trained in stages: many seeds for a few cells, then a few seeds for every
 * cell. Each stage answers another question (how far k-seed means can be trusted; whether the few
 * cells are typical), so the ceiling is measured over each seed set that cells were trained
 * with, and over the seeds that such sets share.
 *
 * @param results number of stored results (all seeds)
 * @param archs architectures with a seed-0 result
 * @param minAccuracy lowest seed-0 test accuracy, percent
 * @param medianAccuracy median seed-0 test accuracy, percent
 * @param maxAccuracy highest seed-0 test accuracy, percent
 * @param wallSeconds training time of all results, summed
 * @param ceilingSets the noise ceiling over each such seed set; first the one with the most
 *     comparisons (cells x seed pairs), the headline ceiling, then the others, deepest first
 *     (empty without {@value #MIN_CEILING_ARCHS} cells sharing two seeds)
 * @param referenceKendall tau-b of seed-0 accuracies against the reference scores of the same
 *     architectures (empty without a reference)
 * @param referenceArchs the architectures that tau-b is over: those the reference scores
 */
public record BenchmarkStats(int results, int archs, double minAccuracy, double medianAccuracy,
    double maxAccuracy, double wallSeconds, List<SeedSet> ceilingSets,
    OptionalDouble referenceKendall, int referenceArchs) {

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
   * The agreement of the mean of all seeds but one with the seed left out, averaged over which
   * seed is left out: with an odd number of seeds the one figure beyond the ceilings that the
   * {@link SeedNoise} model's predictions can be checked against (three seeds measure no 2-seed
   * ceiling, but the 2-seed mean against the third).
   *
   * @param seedsPerMean the seeds of the mean, one fewer than the set's
   * @param choices the seeds left out in turn
   * @param kendall mean tau-b
   * @param minKendall the lowest tau-b of one choice
   * @param maxKendall the highest
   */
  public record HeldOut(int seedsPerMean, int choices, double kendall, double minKendall,
      double maxKendall) {}

  /**
   * What {@link SimulatedCeiling} predicts for one seed set's cells, for comparison with the
   * {@link SeedNoise} formula and with what is measured.
   *
   * @param kendall tau-b between two independent k-seed means, k = 1, 2, 3
   * @param ofTruth tau-b of the true accuracies against a k-seed mean, k = 1, 2, 3
   * @param heldOut tau-b of the mean of all seeds but one against one seed (empty with two
   *     seeds)
   */
  public record Simulated(List<Double> kendall, List<Double> ofTruth, OptionalDouble heldOut) {
    public Simulated {
      kendall = List.copyOf(kendall);
      ofTruth = List.copyOf(ofTruth);
      Objects.requireNonNull(heldOut, "heldOut");
    }
  }

  /**
   * The noise ceiling over the architectures trained with every seed of one set.
   *
   * @param seeds the seeds, ascending
   * @param archs the seed-0 architectures that have all of them
   * @param ceilings single seeds, then 2-seed means and so on while the seeds allow two
   *     disjoint sets
   * @param heldOut the mean of all seeds but one against the one (empty with two seeds, where
   *     it is the single-seed ceiling)
   * @param noise the seed noise of these architectures, which predicts the ceiling of k-seed
   *     means over them for any k
   * @param simulated the same predictions drawn from these architectures' own spread
   */
  public record SeedSet(List<Long> seeds, int archs, List<Ceiling> ceilings,
      Optional<HeldOut> heldOut, SeedNoise noise, Simulated simulated) {
    public SeedSet {
      seeds = List.copyOf(seeds);
      ceilings = List.copyOf(ceilings);
      Objects.requireNonNull(heldOut, "heldOut");
      Objects.requireNonNull(noise, "noise");
      Objects.requireNonNull(simulated, "simulated");
    }
  }

  /** The seed-to-seed tau a benchmark should reach to rank architectures usefully. */
  public static final double TARGET_CEILING = 0.7;

  /** The fewest architectures a seed-to-seed tau is measured over. */
  public static final int MIN_CEILING_ARCHS = 3;

  public BenchmarkStats {
    ceilingSets = List.copyOf(ceilingSets);
  }

  /** The headline ceiling's seed set (empty without one). */
  public Optional<SeedSet> ceiling() {
    return ceilingSets.isEmpty() ? Optional.empty() : Optional.of(ceilingSets.get(0));
  }

  /** The seeds of the headline ceiling (empty without one). */
  public List<Long> ceilingSeeds() {
    return ceiling().map(SeedSet::seeds).orElse(List.of());
  }

  /** The architectures of the headline ceiling (0 without one). */
  public int ceilingArchs() {
    return ceiling().map(SeedSet::archs).orElse(0);
  }

  /** The headline ceiling of single seeds, 2-seed means and so on (empty without one). */
  public List<Ceiling> ceilings() {
    return ceiling().map(SeedSet::ceilings).orElse(List.of());
  }

  /** The seed noise of the headline ceiling's cells (empty without one). */
  public Optional<SeedNoise> seedNoise() {
    return ceiling().map(SeedSet::noise);
  }

  /** Tau-b between single seeds (empty without two seeds). */
  public OptionalDouble ceilingKendall() {
    return ceilings().isEmpty() ? OptionalDouble.empty()
        : OptionalDouble.of(ceilings().get(0).kendall());
  }

  /** S-KdT between single seeds (empty without two seeds). */
  public OptionalDouble ceilingSparseKendall() {
    return ceilings().isEmpty() ? OptionalDouble.empty()
        : OptionalDouble.of(ceilings().get(0).sparseKendall());
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

    List<SeedSet> sets = new ArrayList<>();
    for (Map.Entry<List<Long>, List<Nb201Arch>> set : ceilingSeedSets(seeded, bySeed).entrySet()) {
      List<Long> seeds = set.getKey();
      List<Nb201Arch> cells = set.getValue();
      List<Ceiling> ceilings = new ArrayList<>();
      for (int k = 1; 2 * k <= seeds.size(); k++) {
        ceilings.add(ceiling(cells, bySeed, seeds, k));
      }
      Optional<HeldOut> heldOut = seeds.size() >= 3
          ? Optional.of(heldOut(cells, bySeed, seeds)) : Optional.empty();
      List<double[]> accuracy = cells.stream().map(a -> seeds.stream()
          .mapToDouble(sd -> bySeed.get(a).get(sd)).toArray()).toList();
      SimulatedCeiling sim = SimulatedCeiling.of(accuracy);
      Simulated simulated = new Simulated(
          List.of(sim.predictedKendall(1, 1), sim.predictedKendall(2, 2),
              sim.predictedKendall(3, 3)),
          List.of(sim.predictedKendallOfTruth(1), sim.predictedKendallOfTruth(2),
              sim.predictedKendallOfTruth(3)),
          seeds.size() >= 3 ? OptionalDouble.of(sim.predictedKendall(seeds.size() - 1, 1))
              : OptionalDouble.empty());
      sets.add(new SeedSet(seeds, cells.size(), ceilings, heldOut, SeedNoise.of(accuracy),
          simulated));
    }

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
        sorted[sorted.length - 1], wall, sets, referenceTau, compared);
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
   * The seed sets to measure a ceiling over, each with its cells. The candidates are the seed sets that seed-0 cells
   * were trained with and the seeds that any of them share (a stage part-way through leaves
   * cells with {0, 1, 2} beside cells with {0, 1} and {0, ..., 5}: all of them share {0, 1}),
   * each over the cells that have all of its seeds, at least {@value #MIN_CEILING_ARCHS}: two
   * cells give a tau of +1 or -1, no ceiling. None of them is redundant: a set that holds
   * another covers fewer cells, since some cell has exactly the smaller set, or cells of
   * different sets meet in it. First comes the set whose ceiling averages the most comparisons,
   * cells x seed pairs (ties: more seeds), so a table whose next seed is partly trained keeps its
   * headline over the cells and seeds it had until the new seed has covered enough cells; then
   * the rest, the most seeds first.
   */
  private static Map<List<Long>, List<Nb201Arch>> ceilingSeedSets(List<Nb201Arch> seeded,
      Map<Nb201Arch, Map<Long, Double>> bySeed) {
    List<List<Long>> trained = seeded.stream().map(a -> List.copyOf(bySeed.get(a).keySet()))
        .filter(set -> set.size() >= 2).distinct().toList();
    Set<List<Long>> candidates = new LinkedHashSet<>(trained);
    boolean grew = true;
    while (grew) { // until closed under intersection: three sets may share less than any two
      grew = false;
      for (List<Long> x : List.copyOf(candidates)) {
        for (List<Long> y : List.copyOf(candidates)) {
          List<Long> both = x.stream().filter(y::contains).toList();
          if (both.size() >= 2 && candidates.add(both)) {
            grew = true;
          }
        }
      }
    }
    Map<List<Long>, List<Nb201Arch>> cells = new LinkedHashMap<>();
    for (List<Long> set : candidates) {
      List<Nb201Arch> having = seeded.stream()
          .filter(a -> bySeed.get(a).keySet().containsAll(set)).toList();
      if (having.size() >= MIN_CEILING_ARCHS) {
        cells.put(set, having);
      }
    }
    List<List<Long>> order = cells.keySet().stream()
        .sorted(Comparator.<List<Long>>comparingInt(List::size).reversed()
            .thenComparing(set -> -cells.get(set).size()))
        .collect(Collectors.toCollection(ArrayList::new));
    Optional<List<Long>> headline = order.stream().max(Comparator
        .<List<Long>>comparingLong(set -> (long) cells.get(set).size() * set.size()
            * (set.size() - 1) / 2)
        .thenComparingInt(List::size));
    headline.ifPresent(h -> {
      order.remove(h);
      order.add(0, h);
    });
    Map<List<Long>, List<Nb201Arch>> ordered = new LinkedHashMap<>();
    order.forEach(set -> ordered.put(set, cells.get(set)));
    return ordered;
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

  /** Tau-b between each seed and the mean of the others. */
  private static HeldOut heldOut(List<Nb201Arch> archs, Map<Nb201Arch, Map<Long, Double>> by,
      List<Long> seeds) {
    double sum = 0;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (Long out : seeds) {
      List<Long> rest = seeds.stream().filter(sd -> !sd.equals(out)).toList();
      double tau = KendallTau.tauB(mean(archs, by, rest), mean(archs, by, List.of(out)));
      sum += tau;
      min = Math.min(min, tau);
      max = Math.max(max, tau);
    }
    return new HeldOut(seeds.size() - 1, seeds.size(), sum / seeds.size(), min, max);
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
            : String.format(Locale.ROOT, "%.1f out of reach", TARGET_CEILING))
        + String.format(Locale.ROOT, "  the same model, a perfect ranker (the true means)"
            + " against 1- / 2- / 3-seed means: Kendall tau %.2f / %.2f / %.2f%n",
            n.predictedKendallOfTruth(1), n.predictedKendallOfTruth(2),
            n.predictedKendallOfTruth(3));
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
    if (ceilingSets.isEmpty()) {
      sb.append(String.format(Locale.ROOT, "noise ceiling: needs at least %d architectures with"
          + " the same 2 or more seeds%n", MIN_CEILING_ARCHS));
    }
    for (int i = 0; i < ceilingSets.size(); i++) {
      SeedSet set = ceilingSets.get(i);
      Ceiling one = set.ceilings().get(0);
      sb.append(String.format(Locale.ROOT, "%s over %d architectures, seeds %s:"
              + " Kendall tau-b %.3f, S-KdT %.3f (mean over %d seed pair%s, %.3f to %.3f)%n",
          i == 0 ? "noise ceiling" : "also", set.archs(), set.seeds(), one.kendall(),
          one.sparseKendall(), one.splits(), one.splits() == 1 ? "" : "s", one.minKendall(),
          one.maxKendall()));
      for (Ceiling c : set.ceilings().subList(1, set.ceilings().size())) {
        sb.append(String.format(Locale.ROOT, "  noise ceiling of %d-seed means: Kendall tau-b"
                + " %.3f, S-KdT %.3f (mean over %d pairs of disjoint seed sets, %.3f to %.3f)%n",
            c.seedsPerMean(), c.kendall(), c.sparseKendall(), c.splits(), c.minKendall(),
            c.maxKendall()));
      }
      sb.append("  ").append(describeNoise(set.noise()));
      Simulated sim = set.simulated();
      sb.append(String.format(Locale.ROOT, "  simulated from these architectures' own spread:"
              + " Kendall tau %.2f / %.2f / %.2f between 1- / 2- / 3-seed means, a perfect"
              + " ranker against them %.2f / %.2f / %.2f%n", sim.kendall().get(0),
          sim.kendall().get(1), sim.kendall().get(2), sim.ofTruth().get(0),
          sim.ofTruth().get(1), sim.ofTruth().get(2)));
      set.heldOut().ifPresent(h -> sb.append(String.format(Locale.ROOT, "  model check:"
              + " the mean of %d seeds against the seed held out, Kendall tau-b %.3f measured"
              + " (mean over %d choices, %.3f to %.3f), %.3f by the Gaussian model, %.3f"
              + " simulated%n", h.seedsPerMean(), h.kendall(), h.choices(), h.minKendall(),
          h.maxKendall(), set.noise().predictedKendall(h.seedsPerMean(), 1),
          sim.heldOut().orElseThrow())));
    }
    referenceKendall.ifPresent(t -> sb.append(String.format(Locale.ROOT,
        "Kendall tau-b against the reference table: %.3f (%d of the %d architectures)%n", t,
        referenceArchs, archs)));
    return sb.toString();
  }
}
