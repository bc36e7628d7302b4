package org.landmarknas.space;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SearchSpace} must satisfy, checked on sampled architectures: a space's test
 * extends this and names the space. NAS-Bench-101 and DARTS get these checks for free.
 *
 * @param <A> the space's architecture type
 */
abstract class SearchSpaceContract<A> {
  private static final int SAMPLES = 200;

  /** The space under test. */
  abstract SearchSpace<A> space();

  private List<A> samples(long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    return java.util.stream.Stream.generate(() -> space().sample(rng)).limit(SAMPLES).toList();
  }

  @Test
  void formatParse_roundTrip() {
    for (A a : samples(1)) {
      assertEquals(a, space().parse(space().format(a)));
    }
    assertThrows(IllegalArgumentException.class, () -> space().parse("not an architecture"));
  }

  @Test
  void encodeDecode_roundTrip_valuesInRange() {
    for (A a : samples(2)) {
      int[] code = space().encode(a);
      assertEquals(space().encodingLength(), code.length);
      for (int i = 0; i < code.length; i++) {
        assertTrue(code[i] >= 0 && code[i] < space().encodingChoices(i), "position " + i);
      }
      assertEquals(a, space().decode(code).orElseThrow());
    }
  }

  @Test
  void mutate_isANeighbour_atDistanceOne() {
    SplittableRandom rng = new SplittableRandom(3);
    for (A a : samples(3)) {
      A m = space().mutate(a, rng);
      assertNotEquals(a, m);
      assertEquals(1, space().distance(a, m));
      assertTrue(space().neighbours(a).contains(m), "a mutant is among the neighbours");
    }
  }

  @Test
  void neighbours_distinct_allAtDistanceOne() {
    for (A a : samples(4).subList(0, 20)) {
      List<A> n = space().neighbours(a);
      assertEquals(n.size(), new HashSet<>(n).size());
      n.forEach(b -> assertEquals(1, space().distance(a, b)));
    }
  }

  @Test
  void distance_metricWithinItsBound() {
    List<A> s = samples(5);
    for (int i = 0; i + 1 < s.size(); i++) {
      A a = s.get(i);
      A b = s.get(i + 1);
      assertEquals(0, space().distance(a, a));
      assertEquals(space().distance(a, b), space().distance(b, a));
      assertTrue(space().distance(a, b) <= space().maxDistance());
    }
  }

  @Test
  void canonical_idempotentAndEquivalent() {
    for (A a : samples(6)) {
      A c = space().canonical(a);
      assertEquals(c, space().canonical(c));
      assertTrue(space().equivalent(a, c));
      assertEquals(space().canonicalKey(a), space().canonicalKey(c));
    }
  }

  @Test
  void sampleDistinct_trainableAndOnePerClass() {
    List<A> d = space().sampleDistinct(50, new SplittableRandom(7));
    assertEquals(50, d.size());
    Set<String> keys = new HashSet<>();
    for (A a : d) {
      assertTrue(space().isTrainable(a));
      assertTrue(keys.add(space().canonicalKey(a)), "one per class");
    }
  }

  @Test
  void enumerate_whenPresent_hasSizeElements() {
    space().enumerate().ifPresent(all -> {
      assertEquals(space().size(), all.size());
      assertEquals(all.size(), new HashSet<>(all).size());
      space().classCount().ifPresent(c -> assertEquals(c,
          all.stream().map(space()::canonicalKey).distinct().count()));
    });
  }

  @Test
  void sample_sameSeedSameDraws() {
    assertEquals(samples(8), samples(8));
    assertArrayEquals(space().encode(samples(9).get(0)), space().encode(samples(9).get(0)));
  }

  @Test
  void cost_growsWithWidth_andIsTheSameForEquivalentCells() {
    Skeleton narrow = new Skeleton(1, 28, 28, 10, 8, 1);
    Skeleton wide = new Skeleton(1, 28, 28, 10, 16, 1);
    for (A a : samples(10).subList(0, 20)) {
      if (!space().isTrainable(a)) {
        continue;
      }
      NetworkCost small = space().cost(a, narrow);
      NetworkCost large = space().cost(a, wide);
      assertTrue(small.parameters() > 0 && small.macs() > 0, "cost of " + space().format(a));
      assertTrue(large.parameters() > small.parameters() && large.macs() > small.macs(),
          "twice the channels cost more: " + space().format(a));
      assertEquals(small, space().cost(space().canonical(a), narrow),
          "an equivalent cell is the same network");
    }
  }
}
