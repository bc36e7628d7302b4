package org.landmarknas.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

final class PairedComparisonTest {

  /** A finished run whose only figure is its final S-KdT (NaN: none). */
  private static RunSummary run(String name, Long seed, double skdt) {
    Optional<RankingSummary> ranking = Double.isNaN(skdt) ? Optional.empty()
        : Optional.of(new RankingSummary(OptionalDouble.of(skdt), OptionalDouble.empty(),
            OptionalDouble.empty(), OptionalDouble.empty(), OptionalInt.empty(),
            OptionalInt.empty()));
    RunRecord r = new RunRecord(Path.of(name + "-" + seed), name,
        seed == null ? OptionalLong.empty() : OptionalLong.of(seed), Optional.empty(), List.of(),
        List.of(), ranking, Optional.empty(), Optional.empty(), true);
    return RunSummary.of(r, name + "-" + seed, name + " (seed " + seed + ")", name);
  }

  /** A group of runs with seeds 0, 1, ... and these final S-KdT. */
  private static GroupSummary arm(String name, double... skdt) {
    List<RunSummary> runs = new ArrayList<>();
    for (int i = 0; i < skdt.length; i++) {
      runs.add(run(name, (long) i, skdt[i]));
    }
    return GroupSummary.of(name, runs);
  }

  @Test
  void seedPairing_pairsOnlySeedsBothArmsHaveAndSaysWhatItLeftOut() {
    GroupSummary base = GroupSummary.of("spos", List.of(run("spos", 1L, 0.30),
        run("spos", 2L, 0.20), run("spos", 3L, 0.25), run("spos", 3L, 0.26),
        run("spos", 4L, 0.10)));
    GroupSummary lm = GroupSummary.of("lm", List.of(run("lm", 2L, 0.28), run("lm", 0L, 0.50),
        run("lm", 1L, 0.40), run("lm", 3L, 0.33), run("lm", 5L, Double.NaN),
        run("lm", null, 0.9)));
    SeedPairing p = SeedPairing.of(base, lm);
    assertEquals(List.of(1L, 2L), p.seeds(), "ascending; seed 3 is ambiguous in spos");
    assertEquals(List.of(0.40, 0.28), p.armValues());
    assertEquals(List.of(0.30, 0.20), p.baselineValues());
    assertArrayEquals(new double[] {0.40 - 0.30, 0.28 - 0.20}, p.differences(), 1e-15);
    String leftOut = String.join("; ", p.leftOut());
    for (String expected : List.of("seed 3 appears 2 times in spos", "seeds 0, 3 only in lm",
        "seed 4 only in spos", "lm (seed 5) of lm has no final S-KdT",
        "lm (seed null) of lm has no seed")) {
      assertTrue(leftOut.contains(expected), expected + " not in: " + leftOut);
    }
  }

  @Test
  void of_threeSeeds_runsThePairedTestsOnTheDifferences() {
    PairedComparison c = PairedComparison.of(arm("spos", 0.368, 0.155, 0.244),
        arm("lm", 0.462, 0.253, 0.410));
    assertFalse(c.unavailable().isPresent());
    PairedStatistics s = c.statistics().get();
    assertEquals(3, s.n());
    // +0.094, +0.098, +0.166: mean 0.11933
    assertEquals((0.094 + 0.098 + 0.166) / 3, s.meanDifference(), 1e-12);
    assertTrue(s.t().getAsDouble() > 0, "arm better: positive t");
  }

  @Test
  void of_onePair_isUnavailableWithTheReason() {
    PairedComparison c = PairedComparison.of(arm("spos", 0.35, 0.2), arm("abl", 0.42));
    assertFalse(c.statistics().isPresent());
    assertEquals("1 pair (seed 0); a paired test needs at least 2 (seed 1 only in spos)",
        c.unavailable().get());
  }

  @Test
  void of_noCommonSeed_isUnavailableWithTheReason() {
    GroupSummary late = GroupSummary.of("late", List.of(run("late", 7L, 0.5)));
    PairedComparison c = PairedComparison.of(arm("spos", 0.35), late);
    assertTrue(c.unavailable().get().startsWith("no seed with a final S-KdT in both arms"),
        c.unavailable().get());
  }

  @Test
  void baselineComparisons_defaultIsTheFirstGroupAgainstEveryOther() {
    BaselineComparisons b = BaselineComparisons.of(List.of(arm("spos", 0.3, 0.2),
        arm("lm", 0.4, 0.25), arm("abl", 0.5)), Grouping.NAME, Optional.empty());
    assertEquals(Optional.of("spos"), b.baseline());
    assertEquals(List.of("lm", "abl"), b.comparisons().stream().map(c -> c.pairing().arm())
        .toList());
    assertTrue(b.comparisons().stream().allMatch(c -> c.pairing().baseline().equals("spos")));
  }

  @Test
  void baselineComparisons_namedBaseline_comparesTheOthersWithIt() {
    BaselineComparisons b = BaselineComparisons.of(List.of(arm("abl", 0.5), arm("lm", 0.4, 0.25),
        arm("spos", 0.3, 0.2)), Grouping.NAME, Optional.of("spos"));
    assertEquals(List.of("abl", "lm"), b.comparisons().stream().map(c -> c.pairing().arm())
        .toList());
    // lm − spos = {0.1, 0.05}
    assertEquals(0.075, b.comparisons().get(1).statistics().get().meanDifference(), 1e-12);
  }

  @Test
  void baselineComparisons_nothingToPair_saysWhy() {
    assertTrue(BaselineComparisons.of(List.of(arm("spos", 0.3)), Grouping.NAME,
        Optional.of("lm")).unavailable().get().contains("the baseline arm lm has no run in this"
            + " report (arms: spos)"));
    assertTrue(BaselineComparisons.of(List.of(arm("spos", 0.3)), Grouping.NAME,
        Optional.empty()).unavailable().get().startsWith("one arm only"));
    assertTrue(BaselineComparisons.of(List.of(arm("a", 0.3), arm("b", 0.2)), Grouping.NONE,
        Optional.empty()).unavailable().get().startsWith("runs are not grouped by name"));
  }
}
