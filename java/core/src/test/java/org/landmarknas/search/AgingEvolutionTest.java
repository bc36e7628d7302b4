package org.landmarknas.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.landmarknas.space.Nb201Arch;
import org.landmarknas.space.Nb201Space;

final class AgingEvolutionTest {
  private static final Nb201Space SPACE = Nb201Space.INSTANCE;
  /** A smooth toy landscape with one optimum: edges agreeing with TARGET, plus a tie-breaker. */
  private static final Nb201Arch TARGET = Nb201Arch.ofIndices(3, 2, 4, 1, 3, 3);

  static double toyFitness(Nb201Arch a) {
    return Nb201Arch.EDGES - SPACE.distance(a, TARGET) + a.code() * 1e-9;
  }

  @Test
  void search_defaults_spendsExactBudget() {
    SearchResult<Nb201Arch> r = new AgingEvolution<>(SPACE).search(AgingEvolutionTest::toyFitness,
        new SplittableRandom(1));
    assertEquals(1000, r.evaluations());
    assertEquals("aging-evolution", r.strategy());
    assertEquals(TARGET, r.best());
  }

  @Test
  void search_everyChild_isOneEdgeFromTheLivingPopulation() {
    AgingEvolution.Settings s = new AgingEvolution.Settings(20, 5, 400);
    List<Evaluated<Nb201Arch>> h =
        new AgingEvolution<>(SPACE, s).search(AgingEvolutionTest::toyFitness,
        new SplittableRandom(2)).history();
    for (int i = s.population(); i < h.size(); i++) {
      // Oldest removed each step, so the population at step i is exactly the previous 20.
      Nb201Arch child = h.get(i).arch();
      boolean fromWindow = h.subList(i - s.population(), i).stream()
          .anyMatch(p -> SPACE.distance(p.arch(), child) == 1);
      assertTrue(fromWindow, "child " + i + " " + child + " has no parent in the population");
    }
  }

  @Test
  void search_fullTournament_drawsWithReplacement_soTheFittestIsSometimesMissed() {
    // Tournament = population = 10 drawn with replacement misses the fittest member with
    // probability (9/10)^10 = 0.35; drawn without replacement it would never miss it.
    AgingEvolution.Settings s = new AgingEvolution.Settings(10, 10, 1010);
    List<Evaluated<Nb201Arch>> h =
        new AgingEvolution<>(SPACE, s).search(a -> a.code(), new SplittableRandom(3))
        .history();
    int fromFittest = 0;
    for (int i = s.population(); i < h.size(); i++) {
      Evaluated<Nb201Arch> best = h.subList(i - s.population(), i).stream()
          .max((x, y) -> Double.compare(x.fitness(), y.fitness())).orElseThrow();
      fromFittest += SPACE.distance(best.arch(), h.get(i).arch()) == 1 ? 1 : 0;
    }
    double share = fromFittest / 1000.0;
    // 1000 children: 0.65 +- 0.015 (one sd) plus a few children one edge from it by chance
    assertTrue(share > 0.58 && share < 0.75, "children of the fittest: " + share);
  }

  @Test
  void search_oldestIsRemovedNotWorst() {
    // Fitness falls with every call, so the newest is always worst. Were the worst removed, the
    // population would stay the 5 initial members and every child would be one edge from one
    // of them; with aging they are gone after 5 children and the walk moves away.
    int[] calls = {0};
    AgingEvolution.Settings s = new AgingEvolution.Settings(5, 5, 60);
    List<Evaluated<Nb201Arch>> h =
        new AgingEvolution<>(SPACE, s).search(a -> -calls[0]++, new SplittableRandom(4))
        .history();
    int nearInitial = 0;
    for (int i = 10; i < h.size(); i++) {
      Nb201Arch child = h.get(i).arch();
      nearInitial += h.subList(0, 5).stream()
          .anyMatch(p -> SPACE.distance(p.arch(), child) == 1) ? 1 : 0;
    }
    assertTrue(nearInitial < 25, nearInitial + " of 50 late children are one edge from an"
        + " initial member");
  }

  @Test
  void search_sameSeed_sameHistory() {
    AgingEvolution<Nb201Arch> ae =
        new AgingEvolution<>(SPACE, new AgingEvolution.Settings(10, 3, 100));
    assertEquals(ae.search(AgingEvolutionTest::toyFitness, new SplittableRandom(7)),
        ae.search(AgingEvolutionTest::toyFitness, new SplittableRandom(7)));
  }

  @Test
  void search_beatsRandomSearchOnToyLandscape() {
    int agingWins = 0;
    for (int seed = 0; seed < 10; seed++) {
      double aging = new AgingEvolution<>(SPACE, new AgingEvolution.Settings(20, 5, 150))
          .search(AgingEvolutionTest::toyFitness, new SplittableRandom(seed)).bestFitness();
      double random = new RandomSearch<>(SPACE, 150)
          .search(AgingEvolutionTest::toyFitness, new SplittableRandom(seed)).bestFitness();
      agingWins += aging > random ? 1 : 0;
    }
    assertTrue(agingWins >= 8, "aging beat random on " + agingWins + "/10 seeds");
  }

  @Test
  void settings_outOfRange_throw() {
    assertEquals(new AgingEvolution.Settings(50, 10, 1000), AgingEvolution.Settings.DEFAULT);
    assertThrows(IllegalArgumentException.class, () -> new AgingEvolution.Settings(0, 1, 10));
    assertThrows(IllegalArgumentException.class, () -> new AgingEvolution.Settings(5, 6, 10));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new AgingEvolution.Settings(50, 10, 49));
    assertTrue(e.getMessage().contains("budget=49"), e.getMessage());
  }
}
