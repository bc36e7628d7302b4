package org.landmarknas.torch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.landmarknas.space.Nb201Arch;
import org.landmarknas.space.Nb201Space;

/** NAO's controller points and pool renewal: seeds kept, new cells valid and new, sizes. */
final class NaoPoolTest {
  private static final Nb201Space SPACE = Nb201Space.INSTANCE;
  private static NaoController controller;
  private static List<Nb201Arch> ranked;

  @BeforeAll
  static void trainBriefly() {
    Libtorch.load();
    ranked = SPACE.sampleDistinct(40, new SplittableRandom(1));
    List<int[]> encodings = new ArrayList<>();
    double[] scores = new double[ranked.size()];
    for (int i = 0; i < ranked.size(); i++) {
      encodings.add(SPACE.encode(ranked.get(i)));
      scores[i] = ranked.size() - i; // best first
    }
    controller = new NaoController(NaoShape.of(SPACE), 2);
    controller.train(encodings, scores, 30, new SplittableRandom(3));
  }

  @Test
  void schedule_pointsAtWarmupEveryAndTheLastEpoch() {
    NaoSchedule s = new NaoSchedule(3, 4, 12);
    List<Integer> points = new ArrayList<>();
    for (int done = 1; done <= 12; done++) {
      if (s.pointAfter(done)) {
        points.add(done);
      }
    }
    assertEquals(List.of(3, 7, 11, 12), points);
    assertTrue(s.last(12) && !s.last(11));
    assertTrue(!s.poolEpoch(2) && s.poolEpoch(3));
    assertThrows(IllegalArgumentException.class, () -> new NaoSchedule(0, 1, 3));
    assertThrows(IllegalArgumentException.class, () -> new NaoSchedule(3, 1, 3));
    assertThrows(IllegalArgumentException.class, () -> new NaoSchedule(1, 0, 3));
  }

  @Test
  void renew_keepsTheSeedsAndAddsValidNewCells() {
    NaoPool.Renewed<Nb201Arch> r = NaoPool.renew(SPACE, controller, ranked, 8,
        new SplittableRandom(4));
    assertEquals(ranked.subList(0, 8), r.pool().subList(0, 8), "the best 8 seed the pool");
    assertTrue(r.generated() > 0 && r.generated() <= 24, "generated " + r.generated());
    assertEquals(8 + r.generated(), r.pool().size(), "no random fill needed above 8");
    Set<String> old = new HashSet<>();
    ranked.forEach(a -> old.add(SPACE.canonicalKey(a)));
    Set<String> keys = new HashSet<>();
    for (Nb201Arch a : r.pool().subList(8, r.pool().size())) {
      assertTrue(SPACE.isTrainable(a), a.toString());
      assertFalse(old.contains(SPACE.canonicalKey(a)), "new up to equivalence: " + a);
      assertTrue(keys.add(SPACE.canonicalKey(a)), "distinct: " + a);
      assertEquals(a, SPACE.parse(SPACE.format(a)));
    }
  }

  /**
   * The controller works on any space's fixed-length encoding: on NB101 (26 entries: edge bits
   * and ops) and DARTS (32: inputs and ops) too, what a point generates decodes to trainable
   * cells of the space that are new up to equivalence and survive their notation.
   */
  @Test
  void renew_onNb101AndDarts_generatesValidNewCellsOfThatSpace() {
    assertRenewsValidCells(org.landmarknas.space.Nb101Space.INSTANCE);
    assertRenewsValidCells(org.landmarknas.space.DartsSpace.INSTANCE);
  }

  private static <A> void assertRenewsValidCells(org.landmarknas.space.SearchSpace<A> space) {
    List<A> seeds = space.sampleDistinct(40, new SplittableRandom(1));
    List<int[]> encodings = new ArrayList<>();
    double[] scores = new double[seeds.size()];
    for (int i = 0; i < seeds.size(); i++) {
      encodings.add(space.encode(seeds.get(i)));
      scores[i] = seeds.size() - i;
    }
    NaoController c = new NaoController(NaoShape.of(space), 2);
    c.train(encodings, scores, 200, new SplittableRandom(3));
    NaoPool.Renewed<A> r = NaoPool.renew(space, c, seeds, 20, new SplittableRandom(4));
    assertEquals(seeds.subList(0, 20), r.pool().subList(0, 20), space.id() + ": seeds first");
    assertEquals(20 + r.generated(), r.pool().size(), space.id());
    assertTrue(r.generated() > 0, space.id() + ": nothing generated");
    System.out.printf("NAO %s: %d new cells generated from 20 seeds%n", space.id(),
        r.generated());
    Set<String> keys = new HashSet<>();
    seeds.subList(20, seeds.size()).forEach(a -> keys.add(space.canonicalKey(a)));
    for (A a : r.pool()) {
      assertTrue(space.isTrainable(a), space.id() + ": " + space.format(a));
      assertTrue(keys.add(space.canonicalKey(a)), space.id() + ": twice " + space.format(a));
      assertEquals(space.canonicalKey(a), space.canonicalKey(space.parse(space.format(a))));
    }
  }

  @Test
  void renew_fillsWithRandomCellsUpToThePoolSize() {
    NaoPool.Renewed<Nb201Arch> r = NaoPool.renew(SPACE, controller, ranked.subList(0, 2), 60,
        new SplittableRandom(5));
    assertEquals(60, r.pool().size());
    assertTrue(r.generated() <= 6, "three per seed: " + r.generated());
    Set<String> keys = new HashSet<>();
    r.pool().forEach(a -> assertTrue(keys.add(SPACE.canonicalKey(a)), "distinct: " + a));
  }
}
