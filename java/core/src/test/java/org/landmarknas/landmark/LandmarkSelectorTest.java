package org.landmarknas.landmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.landmarknas.TestData;
import org.landmarknas.bench.GroundTruth;
import org.landmarknas.bench.NasLibSample;
import org.landmarknas.config.LandmarksConfig;
import org.landmarknas.space.Nb101Arch;
import org.landmarknas.space.Nb101Space;
import org.landmarknas.space.Nb201Arch;
import org.landmarknas.space.Nb201Space;

/** Random, diverse and top-k selectors. */
final class LandmarkSelectorTest {

  private static final Nb201Space SPACE = Nb201Space.INSTANCE;

  private static void assertValidPicks(List<Nb201Arch> picks, int m,
      Predicate<Nb201Arch> allowed) {
    assertEquals(m, picks.size());
    Set<String> keys = new HashSet<>();
    for (Nb201Arch a : picks) {
      assertTrue(a.isConnected(), "connected: " + a);
      assertTrue(allowed.test(a), "allowed: " + a);
      assertTrue(keys.add(SPACE.canonicalKey(a)), "not equivalent to another pick: " + a);
    }
  }

  @Test
  void random_picksDistinctNonEquivalentConnectedAllowed() {
    Predicate<Nb201Arch> allowed = a -> a.code() % 3 != 0;
    List<Nb201Arch> picks = new RandomLandmarkSelector<>(Nb201Space.INSTANCE).select(200,
        new SplittableRandom(1),
        allowed);
    assertValidPicks(picks, 200, allowed);
  }

  @Test
  void random_isDeterministicForASeed_andVariesAcrossSeeds() {
    RandomLandmarkSelector<Nb201Arch> s = new RandomLandmarkSelector<>(Nb201Space.INSTANCE);
    assertEquals(s.select(20, new SplittableRandom(3), a -> true),
        s.select(20, new SplittableRandom(3), a -> true));
    assertTrue(!s.select(20, new SplittableRandom(3), a -> true)
        .equals(s.select(20, new SplittableRandom(4), a -> true)));
  }

  @Test
  void random_canExhaustAClass_thenFailsClearly() {
    String key = SPACE.canonicalKey(Nb201Arch.parse(LandmarkSetTest.SKIP));
    Predicate<Nb201Arch> oneClass = a -> SPACE.canonicalKey(a).equals(key);
    assertEquals(key, SPACE.canonicalKey(
        new RandomLandmarkSelector<>(Nb201Space.INSTANCE).select(1, new SplittableRandom(5),
            oneClass).get(0)));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new RandomLandmarkSelector<>(Nb201Space.INSTANCE).select(2, new SplittableRandom(5),
            oneClass));
    assertTrue(e.getMessage().contains("asked for 2 landmarks but only 1"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> new RandomLandmarkSelector<>(Nb201Space.INSTANCE).select(-1, new SplittableRandom(
            5), a -> true));
    assertEquals(List.of(),
        new RandomLandmarkSelector<>(Nb201Space.INSTANCE).select(0, new SplittableRandom(5),
            a -> true));
  }

  @Test
  void random_allClassesCanBeDrawn() {
    int classes = SPACE.distinctClassCount() - 1; // all but the zero (disconnected) class
    List<Nb201Arch> picks = new RandomLandmarkSelector<>(Nb201Space.INSTANCE).select(classes,
        new SplittableRandom(9),
        a -> true);
    assertValidPicks(picks, classes, a -> true);
  }

  @Test
  void diverse_consecutivePicksAreMoreThanTauApart() {
    for (int tau = 0; tau < 6; tau++) {
      Predicate<Nb201Arch> allowed = a -> a.op(0) != org.landmarknas.space.Nb201Op.NONE;
      List<Nb201Arch> picks = new DiverseLandmarkSelector<>(Nb201Space.INSTANCE, tau, false)
          .select(50, new SplittableRandom(tau), allowed);
      assertValidPicks(picks, 50, allowed);
      for (int i = 1; i < picks.size(); i++) {
        assertTrue(SPACE.distance(picks.get(i - 1), picks.get(i)) > tau,
            "tau " + tau + " pick " + i);
      }
    }
  }

  @Test
  void diverse_strict_allPairsMoreThanTauApart() {
    int[][] cases = {{2, 30}, {3, 12}, {4, 4}, {5, 2}};
    for (int[] c : cases) {
      int tau = c[0];
      int m = c[1];
      List<Nb201Arch> picks = new DiverseLandmarkSelector<>(Nb201Space.INSTANCE, tau, true)
          .select(m, new SplittableRandom(11), a -> true);
      assertValidPicks(picks, m, a -> true);
      for (int i = 0; i < m; i++) {
        for (int j = i + 1; j < m; j++) {
          assertTrue(SPACE.distance(picks.get(i), picks.get(j)) > tau,
              "tau " + tau + " pair " + i + "," + j);
        }
      }
    }
  }

  @Test
  void diverse_strict_impossibleTau_failsClearly() {
    // At most 5 cells differ from each other on all 6 edges (one op per cell per edge).
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new DiverseLandmarkSelector<>(Nb201Space.INSTANCE, 5, true).select(6,
            new SplittableRandom(2), a -> true));
    assertTrue(e.getMessage().contains("tau = 5"), e.getMessage());
    assertTrue(e.getMessage().contains("too large for m"), e.getMessage());
  }

  @Test
  void diverse_tinyPool_failsClearly_nonStrict() {
    Set<Integer> codes = Set.of(Nb201Arch.parse(LandmarkSetTest.A).code(),
        Nb201Arch.parse(LandmarkSetTest.B).code());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new DiverseLandmarkSelector<>(Nb201Space.INSTANCE, 1, false)
            .select(3, new SplittableRandom(2), a -> codes.contains(a.code())));
    assertTrue(e.getMessage().contains("could not find 3 landmarks"), e.getMessage());
  }

  @Test
  void diverse_rejectsTauOutsideRange() {
    assertThrows(IllegalArgumentException.class, () -> new DiverseLandmarkSelector<>(
        Nb201Space.INSTANCE, -1, false));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new DiverseLandmarkSelector<>(Nb201Space.INSTANCE, 6, true));
    assertTrue(e.getMessage().contains("outside [0, 5]"), e.getMessage());
  }

  @Test
  void topK_picksBestNonLandmarkNonEquivalentConnected() {
    Nb201Arch a = Nb201Arch.parse(LandmarkSetTest.A);
    Nb201Arch b = Nb201Arch.parse(LandmarkSetTest.B);
    Nb201Arch c = Nb201Arch.parse(LandmarkSetTest.C);
    Nb201Arch skip = Nb201Arch.parse(LandmarkSetTest.SKIP);
    Nb201Arch skipEquiv = Nb201Arch.parse(LandmarkSetTest.SKIP_EQUIV);
    Nb201Arch dead = Nb201Arch.ofCode(0); // all none
    Map<Nb201Arch, Double> scores = new LinkedHashMap<>();
    scores.put(dead, 99.0);
    scores.put(a, 95.0);       // a current landmark
    scores.put(skipEquiv, 80.0);
    scores.put(skip, 70.0);    // equivalent to skipEquiv, lower score
    scores.put(b, 60.0);
    scores.put(c, 60.0);       // ties with b
    LandmarkSet<Nb201Arch> current = LandmarkSet.of(List.of(Landmark.of(LandmarkSetTest.A, 93)));
    TopKSelector<Nb201Arch> top = new TopKSelector<>(scores, current);
    Nb201Arch firstTie = b.code() < c.code() ? b : c;
    Nb201Arch secondTie = firstTie == b ? c : b;
    assertEquals(List.of(skipEquiv, firstTie, secondTie),
        top.select(3, new SplittableRandom(0), x -> true));
    assertEquals(List.of(skipEquiv, secondTie),
        top.select(2, new SplittableRandom(0), x -> x != firstTie));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> top.select(4, new SplittableRandom(0), x -> true));
    assertTrue(e.getMessage().contains("asked for 4 architectures but only 3"), e.getMessage());
  }

  @Test
  void topK_rejectsNonFiniteScores() {
    Map<Nb201Arch, Double> scores = Map.of(Nb201Arch.parse(LandmarkSetTest.A), Double.NaN);
    assertThrows(IllegalArgumentException.class,
        () -> new TopKSelector<>(scores, LandmarkSet.empty()));
  }

  @Test
  void random_onASpaceTooLargeToList_drawsFromTheCellsWithScores() {
    GroundTruth<Nb101Arch> truth = NasLibSample.nb101(TestData.nb101Table()).groundTruth();
    LandmarkSelector<Nb101Arch> selector = LandmarkSelection.selector(Nb101Space.INSTANCE,
        LandmarksConfig.defaults(), truth.archs());
    List<Nb101Arch> picks = selector.select(30, new SplittableRandom(4),
        a -> truth.score(a).isPresent());
    assertEquals(30, picks.size());
    assertEquals(30, picks.stream().map(Nb101Space.INSTANCE::canonicalKey).distinct().count(),
        "one per class");
    assertTrue(truth.archs().containsAll(picks));
    assertEquals(picks, selector.select(30, new SplittableRandom(4), a -> true), "seeded");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new RandomLandmarkSelector<>(Nb101Space.INSTANCE).select(2,
            new SplittableRandom(1), a -> true));
    assertTrue(e.getMessage().contains("landmarks.ground-truth"), e.getMessage());
  }
}
