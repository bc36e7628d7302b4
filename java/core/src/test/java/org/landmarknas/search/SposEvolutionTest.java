package org.landmarknas.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.landmarknas.space.Nb201Arch;
import org.landmarknas.space.Nb201Space;

final class SposEvolutionTest {
  private static final Nb201Space SPACE = Nb201Space.INSTANCE;


  @Test
  void search_defaults_evaluatesEachArchitectureOnce() {
    SearchResult<Nb201Arch> r = new SposEvolution<>(SPACE).search(AgingEvolutionTest::toyFitness,
        new SplittableRandom(11));
    assertEquals(50 + 20 * 50, r.evaluations());
    Set<Nb201Arch> distinct = new HashSet<>();
    r.history().forEach(e -> distinct.add(e.arch()));
    assertEquals(r.evaluations(), distinct.size());
    assertEquals("spos-evolution", r.strategy());
    assertEquals(AgingEvolutionTest.toyFitness(Nb201Arch.ofIndices(3, 2, 4, 1, 3, 3)),
        r.bestFitness(), 0.0);
  }

  @Test
  void search_mutantsStayCloseToTheBestSoFar() {
    // Selection 1 and mutations only: every bred child is a mutant of the best evaluated so far,
    // changing each edge with probability 0.1 * 4/5 (given at least one change: ~1.2 edges on
    // average), while a random architecture differs from it on 4.8 edges on average.
    SposEvolution.Settings s = new SposEvolution.Settings(10, 1, 10, 0, 0.1, 5);
    List<Evaluated<Nb201Arch>> h =
        new SposEvolution<>(SPACE, s).search(AgingEvolutionTest::toyFitness,
        new SplittableRandom(12)).history();
    assertEquals(10 + 5 * 10, h.size());
    int distanceSum = 0;
    for (int round = 0; round < 5; round++) {
      int start = 10 + round * 10;
      Evaluated<Nb201Arch> best = h.subList(0, start).stream()
          .max((x, y) -> Double.compare(x.fitness(), y.fitness())).orElseThrow();
      for (Evaluated<Nb201Arch> child : h.subList(start, start + 10)) {
        int d = Nb201Space.INSTANCE.distance(best.arch(), child.arch());
        assertTrue(d >= 1, "round " + round + ": child equals its parent");
        distanceSum += d;
      }
    }
    assertTrue(distanceSum / 50.0 < 2, "mean distance to the parent " + distanceSum / 50.0);
  }

  @Test
  void search_crossoverOnly_mixesTopParents() {
    SposEvolution.Settings s = new SposEvolution.Settings(20, 4, 0, 20, 0.1, 3);
    List<Evaluated<Nb201Arch>> h =
        new SposEvolution<>(SPACE, s).search(AgingEvolutionTest::toyFitness,
        new SplittableRandom(13)).history();
    List<Evaluated<Nb201Arch>> top = new SearchResult<>("t", h.subList(0, 20)).top(4);
    Nb201Arch child = h.get(20).arch();
    // Each edge of the first child comes from one of the top-4 (its two parents among them).
    for (int e = 0; e < Nb201Arch.EDGES; e++) {
      int edge = e;
      assertTrue(top.stream().anyMatch(t -> t.arch().op(edge) == child.op(edge)),
          "edge " + e + " of " + child);
    }
  }

  @Test
  void search_sameSeed_sameHistory() {
    SposEvolution<Nb201Arch> se =
        new SposEvolution<>(SPACE, new SposEvolution.Settings(10, 3, 5, 5, 0.2, 3));
    assertEquals(se.search(a -> a.code(), new SplittableRandom(8)),
        se.search(a -> a.code(), new SplittableRandom(8)));
  }

  @Test
  void search_tinySpaceLeft_stopsWhenEverythingWasSeen() {
    // Asking for more distinct candidates than exist must end, not loop.
    SposEvolution.Settings s =
        new SposEvolution.Settings(Nb201Arch.SPACE_SIZE, 2, 5, 5, 0.5, 1);
    SearchResult<Nb201Arch> r =
        new SposEvolution<>(SPACE, s).search(a -> 0, new SplittableRandom(9));
    assertEquals(Nb201Arch.SPACE_SIZE, r.evaluations());
  }

  @Test
  void settings_outOfRange_throw() {
    assertEquals(new SposEvolution.Settings(50, 10, 25, 25, 0.1, 20),
        SposEvolution.Settings.DEFAULT);
    assertThrows(IllegalArgumentException.class,
        () -> new SposEvolution.Settings(50, 0, 25, 25, 0.1, 20));
    assertThrows(IllegalArgumentException.class,
        () -> new SposEvolution.Settings(50, 10, 25, 25, 0.0, 20));
    assertThrows(IllegalArgumentException.class,
        () -> new SposEvolution.Settings(50, 10, -1, 25, 0.1, 20));
  }
}
