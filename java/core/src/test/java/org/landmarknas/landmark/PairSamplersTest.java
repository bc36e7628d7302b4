package org.landmarknas.landmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

final class PairSamplersTest {

  private static final int DRAWS = 200_000;

  @Test
  void landmarkPair_requiresWorseBelowBetter() {
    assertThrows(IllegalArgumentException.class, () -> new LandmarkPair(1, 1));
    assertThrows(IllegalArgumentException.class, () -> new LandmarkPair(2, 1));
    assertThrows(IllegalArgumentException.class, () -> new LandmarkPair(-1, 1));
  }

  @Test
  void randomSamplers_returnCountPairsInRange() {
    SplittableRandom rng = new SplittableRandom(1);
    for (PairSampler s : List.of(new UniformPairSampler(7), new ReferencePairSampler(7))) {
      for (int m = 2; m < 30; m++) {
        List<LandmarkPair> pairs = s.sample(m, rng);
        assertEquals(7, pairs.size());
        for (LandmarkPair p : pairs) {
          assertTrue(p.worse() < p.better() && p.better() < m, s + " " + p);
        }
      }
    }
  }

  /** Frequencies of each pair (i, j) of M landmarks over many single-pair draws. */
  private static double[][] frequencies(PairSampler s, int m, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[][] f = new double[m][m];
    for (int d = 0; d < DRAWS; d++) {
      for (LandmarkPair p : s.sample(m, rng)) {
        f[p.worse()][p.better()] += 1.0 / DRAWS;
      }
    }
    return f;
  }

  @Test
  void uniform_isUniformOverUnorderedPairs() {
    int m = 5;
    double[][] f = frequencies(new UniformPairSampler(1), m, 3);
    double expected = 2.0 / (m * (m - 1)); // 0.1
    for (int i = 0; i < m; i++) {
      for (int j = i + 1; j < m; j++) {
        // sd = sqrt(0.1 * 0.9 / 200000) = 0.00067; 0.004 is six sd.
        assertEquals(expected, f[i][j], 0.004, "pair " + i + "," + j);
      }
    }
  }

  @Test
  void reference_followsItsBiasedLaw_notTheUniformOne() {
    int m = 5;
    double[][] f = frequencies(new ReferencePairSampler(1), m, 4);
    for (int a = 0; a < m - 1; a++) {
      for (int b = a + 1; b < m; b++) {
        double p = 1.0 / ((m - 1) * (double) (m - 1 - a));
        assertEquals(p, f[a][b], 0.005, "pair " + a + "," + b);
      }
    }
    // (0, 1): 1/16 = 0.0625 against 0.1 uniform; (3, 4): 1/4 against 0.1.
    assertEquals(1.0 / 16, f[0][1], 0.004);
    assertNotEquals(0.1, f[0][1], 0.02);
    assertEquals(0.25, f[3][4], 0.005);
  }

  @Test
  void all_listsEveryPairOnce_inOrder() {
    List<LandmarkPair> pairs = new AllPairsSampler().sample(6, new SplittableRandom(0));
    assertEquals(15, pairs.size());
    assertEquals(15, new HashSet<>(pairs).size());
    assertEquals(new LandmarkPair(0, 1), pairs.get(0));
    assertEquals(new LandmarkPair(4, 5), pairs.get(14));
  }

  @Test
  void adjacent_listsNeighbours() {
    assertEquals(List.of(new LandmarkPair(0, 1), new LandmarkPair(1, 2), new LandmarkPair(2, 3)),
        new AdjacentPairsSampler().sample(4, null));
    assertEquals(List.of(new LandmarkPair(0, 1)), new AdjacentPairsSampler().sample(2, null));
  }

  @Test
  void samplers_rejectFewerThanTwoLandmarks() {
    SplittableRandom rng = new SplittableRandom(0);
    for (String name : PairSamplers.names()) {
      PairSampler s = PairSamplers.create(name, 1);
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> s.sample(1, rng));
      assertTrue(e.getMessage().contains("at least 2 landmarks, got 1"), e.getMessage());
    }
    assertThrows(IllegalArgumentException.class, () -> new UniformPairSampler(0));
    assertThrows(IllegalArgumentException.class, () -> new ReferencePairSampler(0));
  }

  @Test
  void registry_createsByName_andListsAllowedOnError() {
    assertEquals(new UniformPairSampler(3), PairSamplers.create("uniform", 3));
    assertEquals(new ReferencePairSampler(2), PairSamplers.create("reference", 2));
    assertEquals(new AllPairsSampler(), PairSamplers.create("all", 1));
    assertEquals(new AdjacentPairsSampler(), PairSamplers.create("adjacent", 1));
    assertEquals(List.of("uniform", "all", "adjacent", "reference"), PairSamplers.names());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PairSamplers.create("random", 1));
    assertTrue(e.getMessage().contains("\"random\""), e.getMessage());
    assertTrue(e.getMessage().contains("uniform, all, adjacent, reference"), e.getMessage());
  }
}
