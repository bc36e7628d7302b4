package org.landmarknas.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

final class Nb201SpaceTest {

  private static final Nb201Space SPACE = Nb201Space.INSTANCE;

  private static Nb201Arch arch(String s) {
    return Nb201Arch.parse(s);
  }

  private static void assertEquivalent(String a, String b) {
    assertEquals(SPACE.canonicalKey(arch(a)), SPACE.canonicalKey(arch(b)), a + " vs " + b);
    assertEquals(SPACE.canonical(arch(a)), SPACE.canonical(arch(b)), a + " vs " + b);
  }

  private static void assertDistinct(String a, String b) {
    assertNotEquals(SPACE.canonicalKey(arch(a)), SPACE.canonicalKey(arch(b)), a + " vs " + b);
    assertNotEquals(SPACE.canonical(arch(a)), SPACE.canonical(arch(b)), a + " vs " + b);
  }

  /** {@code a} with every edge that cannot influence the output set to none. */
  private static Nb201Arch pruned(Nb201Arch a) {
    boolean[] active = a.activeEdges();
    Nb201Arch r = a;
    for (int e = 0; e < Nb201Arch.EDGES; e++) {
      if (!active[e]) {
        r = r.with(e, Nb201Op.NONE);
      }
    }
    return r;
  }

  @Test
  void basics_matchTheBenchmark() {
    assertEquals("nas-bench-201", SPACE.id());
    assertEquals(15_625, SPACE.size());
    assertEquals(6, SPACE.maxDistance());
  }

  @Test
  void all_isTheImmutableEnumerationInCodeOrder() {
    List<Nb201Arch> all = SPACE.all();
    assertEquals(SPACE.size(), all.size());
    for (int c = 0; c < all.size(); c++) {
      assertEquals(c, all.get(c).code());
    }
    assertSame(all, new Nb201Space().all(), "cached once");
    assertThrows(UnsupportedOperationException.class, () -> all.set(0, all.get(1)));
  }

  @Test
  void sample_isUniformOverEachEdgeAndOp() {
    SplittableRandom rng = new SplittableRandom(42);
    int n = 50_000;
    int[][] counts = new int[Nb201Arch.EDGES][5];
    for (int i = 0; i < n; i++) {
      Nb201Arch a = SPACE.sample(rng);
      for (int e = 0; e < Nb201Arch.EDGES; e++) {
        counts[e][a.op(e).ordinal()]++;
      }
    }
    // Expected 10,000 each, standard deviation about 89: a +-6% band is over 6 sigma wide.
    for (int e = 0; e < Nb201Arch.EDGES; e++) {
      for (int op = 0; op < 5; op++) {
        int c = counts[e][op];
        assertTrue(c > 9_400 && c < 10_600, "edge " + e + " op " + op + ": " + c);
      }
    }
  }

  @Test
  void sample_sameSeedSameSequence() {
    SplittableRandom r1 = new SplittableRandom(7);
    SplittableRandom r2 = new SplittableRandom(7);
    for (int i = 0; i < 100; i++) {
      assertEquals(SPACE.sample(r1), SPACE.sample(r2));
    }
  }

  @Test
  void mutate_changesExactlyOneEdgeUniformly() {
    int[] edgeCounts = new int[Nb201Arch.EDGES];
    int[][] transitions = new int[5][5];
    int trials = 0;
    for (long seed = 0; seed < 200; seed++) {
      SplittableRandom rng = new SplittableRandom(seed);
      Nb201Arch a = SPACE.sample(rng);
      for (int i = 0; i < 150; i++) {
        Nb201Arch m = SPACE.mutate(a, rng);
        assertEquals(1, SPACE.distance(a, m), a + " -> " + m);
        for (int e = 0; e < Nb201Arch.EDGES; e++) {
          if (a.op(e) != m.op(e)) {
            edgeCounts[e]++;
            transitions[a.op(e).ordinal()][m.op(e).ordinal()]++;
          }
        }
        trials++;
        a = m;
      }
    }
    for (int e = 0; e < Nb201Arch.EDGES; e++) {
      double share = edgeCounts[e] / (double) trials;
      assertTrue(Math.abs(share - 1.0 / 6) < 0.015, "edge " + e + " share " + share);
    }
    for (int from = 0; from < 5; from++) {
      int row = 0;
      for (int to = 0; to < 5; to++) {
        row += transitions[from][to];
      }
      assertEquals(0, transitions[from][from]);
      for (int to = 0; to < 5; to++) {
        if (to != from) {
          double share = transitions[from][to] / (double) row;
          assertTrue(Math.abs(share - 0.25) < 0.04, from + "->" + to + " share " + share);
        }
      }
    }
  }

  @Test
  void distance_isSymmetricAndZeroOnlyForEqual() {
    SplittableRandom rng = new SplittableRandom(3);
    int[] seen = new int[7];
    for (int i = 0; i < 20_000; i++) {
      Nb201Arch a = SPACE.sample(rng);
      Nb201Arch b = SPACE.sample(rng);
      int d = SPACE.distance(a, b);
      assertEquals(d, SPACE.distance(b, a));
      assertEquals(d == 0, a.equals(b));
      assertEquals(0, SPACE.distance(a, a));
      assertTrue(d >= 0 && d <= SPACE.maxDistance());
      seen[d]++;
    }
    assertTrue(seen[6] > 0, "maximum distance reached");
    Nb201Arch zero = Nb201Arch.ofCode(0);
    assertEquals(6, SPACE.distance(zero, Nb201Arch.ofIndices(1, 2, 3, 4, 1, 2)));
    assertEquals(2, SPACE.distance(zero, Nb201Arch.ofIndices(0, 3, 0, 0, 0, 4)));
  }

  @Test
  void canonical_mergesDeadEdgesWithTheCleanCell() {
    String clean = "|none~0|+|none~0|none~1|+|skip_connect~0|none~1|none~2|";
    // Nodes 1 and 2 compute things nobody reads.
    assertEquivalent(clean,
        "|nor_conv_3x3~0|+|nor_conv_1x1~0|avg_pool_3x3~1|+|skip_connect~0|none~1|none~2|");
    // Nodes 1 and 2 feed the output but are never fed: their edges carry zero.
    assertEquivalent(clean,
        "|none~0|+|none~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_1x1~1|avg_pool_3x3~2|");
    assertEquals("x", SPACE.canonicalKey(arch(clean)));
    assertEquals(arch(clean), SPACE.canonical(arch(
        "|avg_pool_3x3~0|+|none~0|skip_connect~1|+|skip_connect~0|none~1|none~2|")));
  }

  @Test
  void canonical_mergesTheSwapOfNodesOneAndTwo() {
    assertEquivalent(
        "|nor_conv_3x3~0|+|avg_pool_3x3~0|none~1|+|skip_connect~0|nor_conv_1x1~1|skip_connect~2|",
        "|avg_pool_3x3~0|+|nor_conv_3x3~0|none~1|+|skip_connect~0|skip_connect~1|nor_conv_1x1~2|");
  }

  @Test
  void canonical_treatsSkipAsIdentity() {
    assertEquivalent(
        "|skip_connect~0|+|none~0|none~1|+|none~0|nor_conv_3x3~1|none~2|",
        "|none~0|+|none~0|none~1|+|nor_conv_3x3~0|none~1|none~2|");
    // A skipped sum is merged into the target's multiset: (x + conv(x)) + pool(x).
    assertEquivalent(
        "|nor_conv_1x1~0|+|skip_connect~0|skip_connect~1|+|avg_pool_3x3~0|none~1|skip_connect~2|",
        "|skip_connect~0|+|nor_conv_1x1~0|avg_pool_3x3~1|+|skip_connect~0|none~1|skip_connect~2|");
  }

  @Test
  void canonical_mergesEveryZeroOutput() {
    String allNone = "|none~0|+|none~0|none~1|+|none~0|none~1|none~2|";
    assertEquals("0", SPACE.canonicalKey(arch(allNone)));
    assertEquivalent(allNone,
        "|nor_conv_3x3~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+|none~0|none~1|none~2|");
    assertEquivalent(allNone,
        "|none~0|+|none~0|skip_connect~1|+|none~0|nor_conv_3x3~1|skip_connect~2|");
    for (Nb201Arch a : SPACE.all()) {
      assertEquals(!a.isConnected(), SPACE.canonicalKey(a).equals("0"), a.toString());
    }
  }

  @Test
  void canonical_keepsDistinctCellsApart() {
    // Different op on the same edge.
    assertDistinct(
        "|none~0|+|none~0|none~1|+|nor_conv_1x1~0|none~1|none~2|",
        "|none~0|+|none~0|none~1|+|nor_conv_3x3~0|none~1|none~2|");
    // x versus x + x: sums keep duplicates.
    assertDistinct(
        "|skip_connect~0|+|none~0|none~1|+|skip_connect~0|none~1|none~2|",
        "|skip_connect~0|+|none~0|none~1|+|skip_connect~0|skip_connect~1|none~2|");
    // Op order along a path matters.
    assertDistinct(
        "|nor_conv_1x1~0|+|none~0|none~1|+|none~0|nor_conv_3x3~1|none~2|",
        "|nor_conv_3x3~0|+|none~0|none~1|+|none~0|nor_conv_1x1~1|none~2|");
    // conv(x + y) is not conv(x) + conv(y).
    assertDistinct(
        "|avg_pool_3x3~0|+|skip_connect~0|skip_connect~1|+|none~0|none~1|nor_conv_3x3~2|",
        "|avg_pool_3x3~0|+|none~0|none~1|+|nor_conv_3x3~0|nor_conv_3x3~1|none~2|");
  }

  @Test
  void canonical_ignoresInactiveEdgesForEveryArch() {
    for (Nb201Arch a : SPACE.all()) {
      assertEquals(SPACE.canonicalKey(a), SPACE.canonicalKey(pruned(a)), a.toString());
    }
  }

  @Test
  void canonical_isInvariantUnderNodeSwapForEveryArchWithoutActiveEdgeTwoFromOne() {
    int e10 = Nb201Arch.edgeIndex(1, 0);
    int e20 = Nb201Arch.edgeIndex(2, 0);
    int e21 = Nb201Arch.edgeIndex(2, 1);
    int e31 = Nb201Arch.edgeIndex(3, 1);
    int e32 = Nb201Arch.edgeIndex(3, 2);
    int checked = 0;
    for (Nb201Arch a : SPACE.all()) {
      if (a.activeEdges()[e21]) {
        continue;
      }
      Nb201Arch p = pruned(a);
      Nb201Arch swapped = p.with(e10, p.op(e20)).with(e20, p.op(e10))
          .with(e31, p.op(e32)).with(e32, p.op(e31));
      assertEquals(SPACE.canonicalKey(a), SPACE.canonicalKey(swapped), a + " vs " + swapped);
      checked++;
    }
    assertTrue(checked > 3_000, "checked " + checked);
  }

  @Test
  void canonical_isTheSmallestCodeOfItsClassForEveryArch() {
    Map<String, Integer> minCode = new HashMap<>();
    for (Nb201Arch a : SPACE.all()) {
      minCode.merge(SPACE.canonicalKey(a), a.code(), Math::min);
    }
    for (Nb201Arch a : SPACE.all()) {
      Nb201Arch c = SPACE.canonical(a);
      assertEquals(minCode.get(SPACE.canonicalKey(a)).intValue(), c.code(), a.toString());
      assertEquals(c, SPACE.canonical(c), "idempotent");
      assertEquals(SPACE.canonicalKey(a), SPACE.canonicalKey(c));
    }
    assertEquals(minCode.size(), SPACE.distinctClassCount());
  }

  @Test
  void sampleDistinct_connectedNonEquivalentAndSeeded() {
    List<Nb201Arch> drawn = SPACE.sampleDistinct(250, new SplittableRandom(7));
    assertEquals(250, drawn.size());
    assertEquals(250, drawn.stream().map(SPACE::canonicalKey).distinct().count());
    assertTrue(drawn.stream().allMatch(Nb201Arch::isConnected));
    assertEquals(drawn, SPACE.sampleDistinct(250, new SplittableRandom(7)));
    assertNotEquals(drawn, SPACE.sampleDistinct(250, new SplittableRandom(8)));
  }

  @Test
  void sampleDistinct_canDrawEveryConnectedClassButNoMore() {
    int connected = SPACE.distinctClassCount() - 1;
    assertEquals(connected, SPACE.sampleDistinct(connected, new SplittableRandom(1)).size());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SPACE.sampleDistinct(connected + 1, new SplittableRandom(1)));
    assertTrue(e.getMessage().contains(String.valueOf(connected)), e.getMessage());
  }

  @Test
  void distinctClassCount_isStable() {
    int count = SPACE.distinctClassCount();
    assertEquals(4_930, count);
    assertEquals(count, SPACE.distinctClassCount());
    assertEquals(count, new Nb201Space().distinctClassCount());
  }

  /**
   * An independent oracle: evaluates each cell on scalars, with a fixed nonlinear function per op
   * (each mapping 0 to 0, as the form assumes), skip as identity and none as 0. Equal keys must
   * give equal values; with generic functions, unequal keys give unequal values.
   */
  @Test
  void canonicalKey_agreesWithAScalarModelOfTheCell() {
    double[] inputs = {0.37, -1.21};
    Map<String, double[]> valueOfKey = new HashMap<>();
    for (Nb201Arch a : SPACE.all()) {
      double[] v = {evaluate(a, inputs[0]), evaluate(a, inputs[1])};
      double[] prev = valueOfKey.putIfAbsent(SPACE.canonicalKey(a), v);
      if (prev != null) {
        assertEquals(prev[0], v[0], 1e-9, a.toString());
        assertEquals(prev[1], v[1], 1e-9, a.toString());
      }
    }
    List<double[]> classes = new ArrayList<>(valueOfKey.values());
    classes.sort((p, q) -> Double.compare(p[0], q[0]));
    for (int i = 0; i < classes.size(); i++) {
      for (int j = i + 1; j < classes.size() && classes.get(j)[0] - classes.get(i)[0] < 1e-7;
          j++) {
        assertTrue(Math.abs(classes.get(j)[1] - classes.get(i)[1]) > 1e-7,
            "two classes compute the same function");
      }
    }
  }

  private static double evaluate(Nb201Arch a, double x) {
    double[] node = new double[Nb201Arch.NODES];
    node[0] = x;
    for (int e = 0; e < Nb201Arch.EDGES; e++) {
      double in = node[Nb201Arch.edgeFrom(e)];
      double out = switch (a.op(e)) {
        case NONE -> 0.0;
        case SKIP_CONNECT -> in;
        case NOR_CONV_1X1 -> Math.sin(1.7 * in) + 0.31 * in * in;
        case NOR_CONV_3X3 -> Math.tanh(0.9 * in) * Math.exp(0.23 * in) + 0.11 * in * in * in;
        case AVG_POOL_3X3 -> Math.atan(1.3 * in) - 0.17 * in * in;
      };
      node[Nb201Arch.edgeTo(e)] += out;
    }
    return node[Nb201Arch.NODES - 1];
  }
}
