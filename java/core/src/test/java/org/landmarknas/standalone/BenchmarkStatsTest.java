package org.landmarknas.standalone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.landmarknas.space.Nb201Arch;
import org.landmarknas.space.Nb201Space;

final class BenchmarkStatsTest {

  private static final List<Nb201Arch> ARCHS =
      Nb201Space.INSTANCE.sampleDistinct(16, new SplittableRandom(1));

  private static StandaloneResult<Nb201Arch> result(int arch, long seed, double testPercent) {
    return new StandaloneResult<>(ARCHS.get(arch), "p", seed, 0.5, 1.0, testPercent / 100, 1.0,
        1000, 10.0);
  }

  @Test
  void of_rangeCostAndCeilingFromKnownValues() {
    List<StandaloneResult<Nb201Arch>> rs = new ArrayList<>();
    double[] seed0 = {80, 81, 82, 83, 84, 85};
    for (int i = 0; i < 6; i++) {
      rs.add(result(i, 0, seed0[i]));
    }
    // seeds 1 and 2 for the first four: seed 1 keeps the order, seed 2 swaps the last two
    double[] seed1 = {80.2, 81.1, 82.3, 83.0};
    double[] seed2 = {80.1, 81.2, 83.5, 82.9};
    for (int i = 0; i < 4; i++) {
      rs.add(result(i, 1, seed1[i]));
      rs.add(result(i, 2, seed2[i]));
    }

    BenchmarkStats s = BenchmarkStats.of(Nb201Space.INSTANCE, rs, Optional.empty());

    assertEquals(14, s.results());
    assertEquals(6, s.archs());
    assertEquals(80.0, s.minAccuracy(), 1e-9);
    assertEquals(82.5, s.medianAccuracy(), 1e-9);
    assertEquals(85.0, s.maxAccuracy(), 1e-9);
    assertEquals(140.0, s.wallSeconds(), 1e-9);
    assertEquals(4, s.ceilingArchs());
    assertEquals(List.of(0L, 1L, 2L), s.ceilingSeeds());
    // pairs (0,1): tau 1; (0,2) and (1,2): one discordant pair of 6 -> 4/6
    assertEquals((1.0 + 4.0 / 6 + 4.0 / 6) / 3, s.ceilingKendall().getAsDouble(), 1e-12);
    assertEquals(1, s.ceilings().size(), "three seeds hold no two disjoint 2-seed sets");
    assertEquals(4.0 / 6, s.ceilings().get(0).minKendall(), 1e-12);
    assertEquals(1.0, s.ceilings().get(0).maxKendall(), 1e-12);
    assertTrue(s.describe().contains("noise ceiling over 4 architectures, seeds [0, 1, 2]:"
        + " Kendall tau-b 0.778, S-KdT"), s.describe());
    assertTrue(s.describe().contains("(mean over 3 seed pairs, 0.667 to 1.000)"), s.describe());
    // the split of the four ceiling cells' three seeds, as SeedNoise computes it
    SeedNoise noise = s.seedNoise().orElseThrow();
    assertEquals(SeedNoise.of(List.of(new double[] {80, 80.2, 80.1}, new double[] {81, 81.1,
        81.2}, new double[] {82, 82.3, 83.5}, new double[] {83, 83.0, 82.9})), noise);
    assertTrue(s.describe().contains(String.format(java.util.Locale.ROOT, "seed noise:"
        + " within-architecture sd %.2f points", noise.withinSd())), s.describe());
    assertTrue(s.describe().contains(String.format(java.util.Locale.ROOT, "a perfect ranker (the"
        + " true means) against 1- / 2- / 3-seed means: Kendall tau %.2f / %.2f / %.2f",
        noise.predictedKendallOfTruth(1), noise.predictedKendallOfTruth(2),
        noise.predictedKendallOfTruth(3))), s.describe());
    assertEquals(1, s.ceilingSets().size(), "no other seed set covers 3 cells");
    // held out: seed 0 against mean(1, 2) and seed 1 against mean(0, 2) keep the order; seed 2
    // against mean(0, 1) = 82.15, 83.0 swaps the last two: (1 + 1 + 4/6) / 3
    BenchmarkStats.HeldOut held = s.ceiling().orElseThrow().heldOut().orElseThrow();
    assertEquals(2, held.seedsPerMean());
    assertEquals(3, held.choices());
    assertEquals((1 + 1 + 4.0 / 6) / 3, held.kendall(), 1e-12);
    assertEquals(4.0 / 6, held.minKendall(), 1e-12);
    assertEquals(1.0, held.maxKendall(), 1e-12);
    BenchmarkStats.Simulated sim = s.ceiling().orElseThrow().simulated();
    assertTrue(s.describe().contains(String.format(java.util.Locale.ROOT, "  model check: the"
        + " mean of 2 seeds against the seed held out, Kendall tau-b 0.889 measured (mean over 3"
        + " choices, 0.667 to 1.000), %.3f by the Gaussian model, %.3f simulated",
        noise.predictedKendall(2, 1), sim.heldOut().getAsDouble())), s.describe());
    // the simulation of these four cells, as SimulatedCeiling computes it
    SimulatedCeiling direct = SimulatedCeiling.of(List.of(new double[] {80, 80.2, 80.1},
        new double[] {81, 81.1, 81.2}, new double[] {82, 82.3, 83.5},
        new double[] {83, 83.0, 82.9}));
    assertEquals(direct.predictedKendall(3, 3), sim.kendall().get(2), 0);
    assertEquals(direct.predictedKendallOfTruth(1), sim.ofTruth().get(0), 0);
    assertEquals(direct.predictedKendall(2, 1), sim.heldOut().getAsDouble(), 0);
    assertTrue(s.describe().contains(String.format(java.util.Locale.ROOT, "  simulated from"
        + " these architectures' own spread: Kendall tau %.2f / %.2f / %.2f between 1- / 2- /"
        + " 3-seed means", sim.kendall().get(0), sim.kendall().get(1), sim.kendall().get(2))),
        s.describe());
  }

  @Test
  void of_secondSeedOnMoreCellsThanTheCeiling_seedPairOverAllOfThem() {
    // three cells with seeds 0-3 (3 x 6 comparisons) hold the ceiling; all six have seed 1,
    // which swaps the last two: one discordant pair of 15
    double[] seed1 = {80, 81, 82, 83, 85.5, 84.5};
    List<StandaloneResult<Nb201Arch>> rs = new ArrayList<>();
    for (int a = 0; a < 6; a++) {
      rs.add(result(a, 0, 80 + a));
      rs.add(result(a, 1, seed1[a]));
    }
    for (int a = 0; a < 3; a++) {
      rs.add(result(a, 2, 80.1 + a));
      rs.add(result(a, 3, 80.2 + a));
    }

    BenchmarkStats s = BenchmarkStats.of(Nb201Space.INSTANCE, rs, Optional.empty());

    assertEquals(List.of(0L, 1L, 2L, 3L), s.ceilingSeeds());
    assertEquals(3, s.ceilingArchs());
    assertEquals(2, s.ceilingSets().size());
    BenchmarkStats.SeedSet pair = s.ceilingSets().get(1);
    assertEquals(List.of(0L, 1L), pair.seeds());
    assertEquals(6, pair.archs());
    assertEquals(13.0 / 15, pair.ceilings().get(0).kendall(), 1e-12);
    assertTrue(s.describe().contains("also over 6 architectures, seeds [0, 1]:"
        + " Kendall tau-b 0.867, S-KdT"), s.describe());
    assertEquals(SeedNoise.of(List.of(new double[] {80, 80}, new double[] {81, 81},
        new double[] {82, 82}, new double[] {83, 83}, new double[] {84, 85.5},
        new double[] {85, 84.5})), pair.noise(), "the six cells' two seeds");
    assertTrue(s.describe().contains("(mean over 1 seed pair, 0.867 to 0.867)\n"
        + "  seed noise: within-architecture sd"), s.describe());
  }

  @Test
  void of_stagePartWayThrough_ceilingOverEachSeedSetAndTheSeedsTheyShare() {
    // 3 cells with seeds 0-5, 4 with 0-2 (the stage under way), 5 with 0-1
    List<StandaloneResult<Nb201Arch>> rs = new ArrayList<>();
    int[] seedsOf = {6, 6, 6, 3, 3, 3, 3, 2, 2, 2, 2, 2};
    for (int a = 0; a < seedsOf.length; a++) {
      for (int seed = 0; seed < seedsOf[a]; seed++) {
        rs.add(result(a, seed, 80 + a + 0.3 * ((a * 7 + seed * 3) % 5)));
      }
    }

    BenchmarkStats s = BenchmarkStats.of(Nb201Space.INSTANCE, rs, Optional.empty());

    // comparisons: {0..5} 3 x 15 = 45, {0,1,2} 7 x 3 = 21, {0,1} 12 x 1
    assertEquals(List.of(List.of(0L, 1L, 2L, 3L, 4L, 5L), List.of(0L, 1L, 2L), List.of(0L, 1L)),
        s.ceilingSets().stream().map(BenchmarkStats.SeedSet::seeds).toList());
    assertEquals(List.of(3, 7, 12),
        s.ceilingSets().stream().map(BenchmarkStats.SeedSet::archs).toList());
    assertEquals(List.of(3, 1, 1),
        s.ceilingSets().stream().map(set -> set.ceilings().size()).toList());
    assertTrue(s.describe().contains("also over 7 architectures, seeds [0, 1, 2]:"),
        s.describe());

    // four more cells with 0-2: 11 x 3 = 33 stays below 45
    for (int a = 12; a < 16; a++) {
      for (int seed = 0; seed < 3; seed++) {
        rs.add(result(a, seed, 80 + 0.5 * a + 0.2 * seed));
      }
    }
    BenchmarkStats later = BenchmarkStats.of(Nb201Space.INSTANCE, rs, Optional.empty());
    assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L), later.ceilingSeeds(), "11 x 3 = 33 < 45");

    // the stage done, every cell has 0-2: 16 x 3 = 48 takes the headline, the six seeds stay
    for (int a = 7; a < 12; a++) {
      rs.add(result(a, 2, 80.4 + a));
    }
    BenchmarkStats done = BenchmarkStats.of(Nb201Space.INSTANCE, rs, Optional.empty());
    assertEquals(List.of(List.of(0L, 1L, 2L), List.of(0L, 1L, 2L, 3L, 4L, 5L)),
        done.ceilingSets().stream().map(BenchmarkStats.SeedSet::seeds).toList());
    assertEquals(16, done.ceilingArchs());
    assertTrue(done.describe().contains("noise ceiling over 16 architectures, seeds [0, 1, 2]:"),
        done.describe());
    assertTrue(done.describe().contains("also over 3 architectures, seeds [0, 1, 2, 3, 4, 5]:"),
        done.describe());
  }

  @Test
  void of_fourSeeds_ceilingOfTwoSeedMeansOverTheThreeSplits() {
    double[][] bySeed = {{80, 82, 81, 81}, {81, 81, 80, 82}, {90, 90, 90, 90}};
    List<StandaloneResult<Nb201Arch>> rs = new ArrayList<>();
    for (int a = 0; a < 3; a++) {
      for (int seed = 0; seed < 4; seed++) {
        rs.add(result(a, seed, bySeed[a][seed]));
      }
    }

    BenchmarkStats s = BenchmarkStats.of(Nb201Space.INSTANCE, rs, Optional.empty());

    assertEquals(List.of(0L, 1L, 2L, 3L), s.ceilingSeeds());
    assertEquals(2, s.ceilings().size());
    BenchmarkStats.Ceiling two = s.ceilings().get(1);
    assertEquals(2, two.seedsPerMean());
    assertEquals(3, two.splits());
    // {0,1} vs {2,3} and {0,2} vs {1,3}: archs 0 and 1 tie in both means, tau-b 1;
    // {0,3} vs {1,2}: 80.5 < 81.5 against 81.5 > 80.5, one discordant pair of 3, tau 1/3
    assertEquals((1 + 1 + 1.0 / 3) / 3, two.kendall(), 1e-12);
    assertEquals(6, s.ceilings().get(0).splits());
    assertEquals(3, s.ceiling().orElseThrow().heldOut().orElseThrow().seedsPerMean());
    assertTrue(s.describe().contains("noise ceiling of 2-seed means: Kendall tau-b 0.778"),
        s.describe());
  }

  @Test
  void of_ceilingSeedSet_theOneWithTheMostCellTimesSeedPairComparisons() {
    // six cells with seeds 0-2, two of them also with seed 3: 6 cells x 3 pairs beat 2 x 6
    List<StandaloneResult<Nb201Arch>> rs = new ArrayList<>();
    for (int a = 0; a < 6; a++) {
      for (int seed = 0; seed < 3; seed++) {
        rs.add(result(a, seed, 80 + a + 0.1 * seed));
      }
    }
    rs.add(result(0, 3, 80.5));
    rs.add(result(1, 3, 81.5));
    BenchmarkStats partly = BenchmarkStats.of(Nb201Space.INSTANCE, rs, Optional.empty());
    assertEquals(List.of(0L, 1L, 2L), partly.ceilingSeeds());
    assertEquals(6, partly.ceilingArchs());

    // four of six with seed 3: 4 x 6 = 24 beat 18
    for (int a = 2; a < 4; a++) {
      rs.add(result(a, 3, 80.5 + a));
    }
    BenchmarkStats most = BenchmarkStats.of(Nb201Space.INSTANCE, rs, Optional.empty());
    assertEquals(List.of(0L, 1L, 2L, 3L), most.ceilingSeeds());
    assertEquals(4, most.ceilingArchs());

    // ten more cells with seeds 0 and 1 only: 16 x 1 pair stays below 4 x 6
    for (int a = 6; a < 16; a++) {
      rs.add(result(a, 0, 80 + 0.3 * a));
      rs.add(result(a, 1, 80.1 + 0.3 * a));
    }
    BenchmarkStats wide = BenchmarkStats.of(Nb201Space.INSTANCE, rs, Optional.empty());
    assertEquals(List.of(0L, 1L, 2L, 3L), wide.ceilingSeeds());
    assertEquals(4, wide.ceilingArchs());
  }

  @Test
  void of_threeSeedSetsMeetingOnlyAllTogether_ceilingOverWhatAllShare() {
    // three cells, each missing other seeds (failed jobs): any two share 4 seeds over 2 cells,
    // all three share {0, 1, 5}
    long[][] seedsOf = {{0, 1, 2, 4, 5}, {0, 1, 2, 3, 5}, {0, 1, 3, 4, 5}};
    List<StandaloneResult<Nb201Arch>> rs = new ArrayList<>();
    for (int a = 0; a < 3; a++) {
      for (long seed : seedsOf[a]) {
        rs.add(result(a, seed, 80 + a + 0.1 * seed));
      }
    }

    BenchmarkStats s = BenchmarkStats.of(Nb201Space.INSTANCE, rs, Optional.empty());

    assertEquals(List.of(0L, 1L, 5L), s.ceilingSeeds());
    assertEquals(3, s.ceilingArchs());
    assertEquals(1, s.ceilingSets().size());
  }

  @Test
  void of_seedsOfIsomorphicTwins_areSeedsOfOneCell() {
    Nb201Arch arch = Nb201Arch.parse(
        "|nor_conv_3x3~0|+|none~0|none~1|+|skip_connect~0|none~1|none~2|");
    Nb201Arch twin = Nb201Arch.parse(
        "|nor_conv_1x1~0|+|none~0|none~1|+|skip_connect~0|none~1|none~2|");
    // the identity cell's class is large: three sampled cells outside it
    List<Nb201Arch> others = ARCHS.stream().filter(a -> !Nb201Space.INSTANCE.canonical(a)
        .equals(Nb201Space.INSTANCE.canonical(arch))).limit(3).toList();
    List<StandaloneResult<Nb201Arch>> rs = new ArrayList<>();
    for (int a = 0; a < 3; a++) {
      rs.add(new StandaloneResult<>(others.get(a), "p", 0, 0.5, 1.0, 0.80 + 0.01 * a, 1.0, 1000,
          10.0));
      rs.add(new StandaloneResult<>(others.get(a), "p", 1, 0.5, 1.0, 0.805 + 0.01 * a, 1.0, 1000,
          10.0));
    }
    rs.add(new StandaloneResult<>(arch, "p", 0, 0.5, 1.0, 0.84, 1.0, 1000, 10.0));
    rs.add(new StandaloneResult<>(twin, "p", 1, 0.5, 1.0, 0.845, 1.0, 1000, 10.0));

    BenchmarkStats s = BenchmarkStats.of(Nb201Space.INSTANCE, rs, Optional.empty());

    assertEquals(4, s.archs(), "the twin's seed 1 belongs to the cell trained with seed 0");
    assertEquals(4, s.ceilingArchs());
    assertEquals(1.0, s.ceilingKendall().getAsDouble(), 1e-12);
  }

  @Test
  void of_fewerThanThreeCellsShareSeeds_noCeiling_butTheSeedPairOverThree() {
    // one cell with six seeds, two more with seed 1: {0..5} has 1 cell, {0, 1} has 3
    List<StandaloneResult<Nb201Arch>> rs = new ArrayList<>();
    for (int seed = 0; seed < 6; seed++) {
      rs.add(result(0, seed, 80 + 0.1 * seed));
    }
    for (int a = 1; a < 3; a++) {
      rs.add(result(a, 0, 80 + a));
      rs.add(result(a, 1, 80 + a));
    }
    BenchmarkStats three = BenchmarkStats.of(Nb201Space.INSTANCE, rs, Optional.empty());
    assertEquals(List.of(0L, 1L), three.ceilingSeeds());
    assertEquals(3, three.ceilingArchs());

    BenchmarkStats two = BenchmarkStats.of(Nb201Space.INSTANCE, rs.subList(0, 8), Optional.empty());
    assertFalse(two.ceilingKendall().isPresent(), "a tau over two cells is +1 or -1");
    assertTrue(two.ceilingSets().isEmpty());
    assertTrue(two.describe().contains("noise ceiling: needs at least 3 architectures"),
        two.describe());
  }

  @Test
  void of_referenceReversed_tauMinusOne() {
    List<StandaloneResult<Nb201Arch>> rs = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      rs.add(result(i, 0, 80 + i));
    }
    Map<Nb201Arch, Double> ref = new java.util.HashMap<>();
    for (int i = 0; i < 6; i++) {
      ref.put(ARCHS.get(i), 90.0 - i);
    }
    BenchmarkStats s = BenchmarkStats.of(Nb201Space.INSTANCE, rs,
        Optional.of(a -> ref.containsKey(a)
        ? OptionalDouble.of(ref.get(a)) : OptionalDouble.empty()));
    assertEquals(-1.0, s.referenceKendall().getAsDouble(), 1e-12);
    assertEquals(6, s.referenceArchs());
    assertTrue(s.describe().contains("against the reference table: -1.000 (6 of the 6"
        + " architectures)"), s.describe());
    assertFalse(s.ceilingKendall().isPresent());
    assertFalse(s.seedNoise().isPresent());
  }

  @Test
  void of_parameterCount_tauOverSeedZeroOnly() {
    // counts 100..500 for cells 0..4; seed-0 accuracies in that order except cells 3 and 4
    // swapped: one discordant pair of 10, so tau-b 0.8. Cell 0's seed-1 result (90 %) must not
    // enter: the baseline is over seed 0, like the single-seed ceiling it is compared with.
    long[] counts = {100, 200, 300, 400, 500};
    double[] seed0 = {80, 81, 82, 84, 83};
    List<StandaloneResult<Nb201Arch>> rs = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      rs.add(new StandaloneResult<>(ARCHS.get(i), "p", 0, 0.5, 1.0, seed0[i] / 100, 1.0,
          counts[i], 10.0));
    }
    rs.add(new StandaloneResult<>(ARCHS.get(0), "p", 1, 0.5, 1.0, 0.9, 1.0, counts[0], 10.0));

    BenchmarkStats s = BenchmarkStats.of(Nb201Space.INSTANCE, rs, Optional.empty());

    assertEquals(8.0 / 10, s.parameterKendall().getAsDouble(), 1e-12);
    assertTrue(s.describe().contains("parameter count against seed-0 test accuracy: Kendall"
        + " tau-b 0.800 (5 architectures;"), s.describe());
  }

  @Test
  void of_equalParameterCounts_noParameterTau() {
    List<StandaloneResult<Nb201Arch>> rs = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      rs.add(result(i, 0, 80 + i));
    }
    BenchmarkStats s = BenchmarkStats.of(Nb201Space.INSTANCE, rs, Optional.empty());
    assertFalse(s.parameterKendall().isPresent(), "all counts 1000: nothing to rank by");
    assertFalse(s.describe().contains("parameter count"), s.describe());
  }

  @Test
  void of_noSeedZero_rejected() {
    assertThrows(IllegalArgumentException.class,
        () -> BenchmarkStats.of(Nb201Space.INSTANCE, List.of(result(0, 1, 80)), Optional.empty()));
  }
}
