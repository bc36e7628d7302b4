package org.landmarknas.standalone;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.landmarknas.bench.StandaloneScores;
import org.landmarknas.metric.KendallTau;
import org.landmarknas.space.SearchSpace;

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
 * <p>This record holds the figures and the values they are made of; {@link CeilingSeedSets}
 * picks the seed sets, {@link NoiseCeiling} measures each, and {@link BenchmarkStatsText} writes
 * {@link #describe}.
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
 * @param parameterKendall tau-b of seed-0 accuracies against the networks' parameter counts,
 *     over every seed-0 architecture: the free baseline a super-net's ranking has to beat, on the
 *     same scale as the single-seed ceiling (empty when all counts are equal, as with a single
 *     architecture)
 */
public record BenchmarkStats(int results, int archs, double minAccuracy, double medianAccuracy,
    double maxAccuracy, double wallSeconds, List<SeedSet> ceilingSets,
    OptionalDouble referenceKendall, int referenceArchs, OptionalDouble parameterKendall) {

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
   * The statistics of {@code results} (one protocol, cells of {@code space}), with {@code
   * reference} scores when given.
   *
   * @throws IllegalArgumentException when there is no seed-0 result
   */
  public static <A> BenchmarkStats of(SearchSpace<A> space, List<StandaloneResult<A>> results,
      Optional<StandaloneScores<A>> reference) {
    Objects.requireNonNull(results, "results");
    Map<A, Map<Long, Double>> bySeed = bySeed(space, results);
    double wall = results.stream().mapToDouble(StandaloneResult::wallSeconds).sum();
    List<A> seeded = new ArrayList<>();
    for (Map.Entry<A, Map<Long, Double>> e : bySeed.entrySet()) {
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
    CeilingSeedSets.of(seeded, bySeed).forEach(
        (seeds, cells) -> sets.add(NoiseCeiling.measure(seeds, cells, bySeed)));

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
        sorted[sorted.length - 1], wall, sets, referenceTau, compared,
        parameterKendall(space, results, seeded, acc));
  }

  /**
   * Tau-b of {@code acc} (the seed-0 accuracies of {@code seeded}) against each architecture's
   * parameter count. A count is a property of the network, so any seed's result gives it; a
   * result without one (0: a published row of a cell with no path) ranks lowest, as it computes
   * nothing.
   */
  private static <A> OptionalDouble parameterKendall(SearchSpace<A> space,
      List<StandaloneResult<A>> results, List<A> seeded, double[] acc) {
    Map<A, Long> parameters = new LinkedHashMap<>();
    for (StandaloneResult<A> r : results) {
      parameters.merge(space.canonical(r.arch()), r.parameters(), Math::max);
    }
    double[] counts = seeded.stream()
        .mapToDouble(a -> parameters.get(space.canonical(a))).toArray();
    boolean varies = Arrays.stream(counts).anyMatch(c -> c != counts[0]);
    return varies ? OptionalDouble.of(KendallTau.tauB(acc, counts)) : OptionalDouble.empty();
  }

  /**
   * Test accuracy in percent by architecture and seed, in the order of {@code results}. An
   * architecture stands for its equivalence class in {@code space}, under the form its first
   * result has: a result stored under an isomorphic twin (a direct {@code train --arch} beside the
   * queue's canonical form) is a seed of the same cell.
   */
  public static <A> Map<A, Map<Long, Double>> bySeed(SearchSpace<A> space,
      List<StandaloneResult<A>> results) {
    Map<A, A> firstOfClass = new LinkedHashMap<>();
    Map<A, Map<Long, Double>> bySeed = new LinkedHashMap<>();
    for (StandaloneResult<A> r : results) {
      A cell = firstOfClass.computeIfAbsent(space.canonical(r.arch()),
          c -> r.arch());
      bySeed.computeIfAbsent(cell, a -> new TreeMap<>()).put(r.seed(), 100 * r.testAccuracy());
    }
    return bySeed;
  }

  /** The figures as lines of text for a terminal or a README. */
  public String describe() {
    return BenchmarkStatsText.of(this);
  }
}
