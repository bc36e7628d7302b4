package org.landmarknas.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The final S-KdT of two arms, paired by seed: the runs of one seed in both arms share every
 * random stream until landmark regularization starts (batch order, sampled paths, evaluation
 * batches), so the difference within a seed removes the seed-to-seed spread that dominates the
 * spread of either arm. Only seeds both arms have are paired; what could not be paired is listed
 * in {@code leftOut} rather than dropped silently.
 *
 * @param arm the compared arm (group name)
 * @param baseline the baseline arm (group name)
 * @param seeds the paired seeds, ascending
 * @param armValues the arm's final S-KdT per paired seed
 * @param baselineValues the baseline's final S-KdT per paired seed
 * @param leftOut why runs of either arm are not in a pair, e.g. "seed 3 only in landmarks"
 */
public record SeedPairing(String arm, String baseline, List<Long> seeds, List<Double> armValues,
    List<Double> baselineValues, List<String> leftOut) {

  /** Copies the lists; rejects null parts and lists of different lengths. */
  public SeedPairing {
    if (arm == null || baseline == null || seeds == null || armValues == null
        || baselineValues == null || leftOut == null) {
      throw new IllegalArgumentException("SeedPairing parts must not be null");
    }
    if (armValues.size() != seeds.size() || baselineValues.size() != seeds.size()) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "SeedPairing needs one value per seed and arm, got %d seeds, %d and %d values",
          seeds.size(), armValues.size(), baselineValues.size()));
    }
    seeds = List.copyOf(seeds);
    armValues = List.copyOf(armValues);
    baselineValues = List.copyOf(baselineValues);
    leftOut = List.copyOf(leftOut);
  }

  /** Pairs the final S-KdT of the runs of {@code arm} with those of {@code baseline} by seed. */
  public static SeedPairing of(GroupSummary baseline, GroupSummary arm) {
    List<String> leftOut = new ArrayList<>();
    Map<Long, Double> base = bySeed(baseline, leftOut);
    Map<Long, Double> mine = bySeed(arm, leftOut);
    List<Long> seeds = new ArrayList<>();
    List<Double> armValues = new ArrayList<>();
    List<Double> baselineValues = new ArrayList<>();
    for (long seed : new TreeSet<>(mine.keySet())) {
      if (base.containsKey(seed)) {
        seeds.add(seed);
        armValues.add(mine.get(seed));
        baselineValues.add(base.get(seed));
      }
    }
    onlyIn(mine, base, arm.group(), leftOut);
    onlyIn(base, mine, baseline.group(), leftOut);
    return new SeedPairing(arm.group(), baseline.group(), seeds, armValues, baselineValues,
        leftOut);
  }

  /** The paired differences, arm minus baseline: positive when the arm ranks better. */
  public double[] differences() {
    double[] d = new double[seeds.size()];
    for (int i = 0; i < d.length; i++) {
      d[i] = armValues.get(i) - baselineValues.get(i);
    }
    return d;
  }

  /** "seeds 1, 2 only in spos": the seeds of {@code these} that {@code others} lacks. */
  private static void onlyIn(Map<Long, Double> these, Map<Long, Double> others, String group,
      List<String> leftOut) {
    List<String> only = new TreeSet<>(these.keySet()).stream()
        .filter(s -> !others.containsKey(s)).map(String::valueOf).toList();
    if (!only.isEmpty()) {
      leftOut.add((only.size() == 1 ? "seed " : "seeds ") + String.join(", ", only)
          + " only in " + group);
    }
  }

  /**
   * The final S-KdT of each seed of {@code group}. A run without a seed or an S-KdT cannot be
   * paired; a seed run twice in one arm (a rerun into another directory) is ambiguous, so
   * neither of its runs is used rather than picking one behind the reader's back.
   */
  private static Map<Long, Double> bySeed(GroupSummary group, List<String> leftOut) {
    Map<Long, List<Double>> values = new TreeMap<>();
    for (RunSummary r : group.runs()) {
      OptionalDouble skdt = r.finalSkdt();
      if (r.run().seed().isEmpty()) {
        leftOut.add("run " + r.label() + " of " + group.group() + " has no seed");
      } else if (skdt.isEmpty()) {
        leftOut.add("run " + r.label() + " of " + group.group() + " has no final S-KdT");
      } else {
        values.computeIfAbsent(r.run().seed().getAsLong(), s -> new ArrayList<>())
            .add(skdt.getAsDouble());
      }
    }
    Map<Long, Double> out = new HashMap<>();
    values.forEach((seed, v) -> {
      if (v.size() == 1) {
        out.put(seed, v.get(0));
      } else {
        leftOut.add(String.format(Locale.ROOT, "seed %d appears %d times in %s (ambiguous)",
            seed, v.size(), group.group()));
      }
    });
    return out;
  }
}
