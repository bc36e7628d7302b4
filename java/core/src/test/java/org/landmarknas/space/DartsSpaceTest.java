package org.landmarknas.space;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The DARTS space's notations, canonical form, encoding and cost model. */
final class DartsSpaceTest {
  private static final DartsSpace SPACE = DartsSpace.INSTANCE;
  /** DARTS-V2 (second order), as published in DARTS's genotypes.py. */
  static final String DARTS_V2 = "Genotype(normal=[('sep_conv_3x3', 0), ('sep_conv_3x3', 1),"
      + " ('sep_conv_3x3', 0), ('sep_conv_3x3', 1), ('sep_conv_3x3', 1), ('skip_connect', 0),"
      + " ('skip_connect', 0), ('dil_conv_3x3', 2)], normal_concat=[2, 3, 4, 5],"
      + " reduce=[('max_pool_3x3', 0), ('max_pool_3x3', 1), ('skip_connect', 2),"
      + " ('max_pool_3x3', 1), ('max_pool_3x3', 0), ('skip_connect', 2), ('skip_connect', 2),"
      + " ('max_pool_3x3', 1)], reduce_concat=[2, 3, 4, 5])";
  private static final String V2_KEY = "[[(0, 3), (1, 3), (0, 3), (1, 3), (1, 3), (0, 2),"
      + " (0, 2), (2, 5)], [(0, 0), (1, 0), (2, 2), (1, 0), (0, 0), (2, 2), (2, 2), (1, 0)]]";
  /** DARTS's CIFAR-10 network: C 36, 20 cells (N = 6). */
  private static final Skeleton CIFAR_20 = new Skeleton(3, 32, 32, 10, 36, 6);

  @Test
  void parse_theThreeNotations_agree() {
    DartsGenotype v2 = SPACE.parse(DARTS_V2);
    assertEquals(v2, SPACE.parse(V2_KEY));
    assertEquals(v2, SPACE.parse(SPACE.format(v2)));
    assertEquals(DARTS_V2, DartsNotation.genotypeString(v2));
    assertEquals(V2_KEY, DartsNotation.compactKey(v2));
    assertEquals(new DartsCell.Edge(2, DartsOp.DIL_CONV_3X3), v2.normal().edge(7));
    assertEquals(v2, SPACE.parse(DARTS_V2.replace("[2, 3, 4, 5]", "range(2, 6)")
        .replace('\'', '"')));
    String readable = SPACE.format(v2);
    assertFalse(readable.contains(",") || readable.contains(" ") || readable.contains("\""),
        readable);
    assertTrue(readable.startsWith("normal=sep_conv_3x3~0|sep_conv_3x3~1+"), readable);
  }

  @Test
  void parse_errorsNameWhatIsWrong() {
    assertError(DARTS_V2.replace("('dil_conv_3x3', 2)", "('none', 2)"), "op none");
    assertError(DARTS_V2.replace("('dil_conv_3x3', 2)", "('conv_7x1_1x7', 2)"), "unknown op");
    assertError(DARTS_V2.replace("('dil_conv_3x3', 2)", "('dil_conv_3x3', 5)"),
        "node 5 reads input 5");
    assertError(DARTS_V2.replace("('sep_conv_3x3', 1), ('sep_conv_3x3', 0)",
        "('sep_conv_3x3', 0), ('sep_conv_3x3', 0)"), "node 2 reads input 0 twice");
    assertError(DARTS_V2.replace("normal_concat=[2, 3, 4, 5]", "normal_concat=[2, 3, 4]"),
        "normal_concat");
    assertError(DARTS_V2.replace(", ('dil_conv_3x3', 2)", ""), "has 8 edges");
    assertError(V2_KEY.replace("(2, 5)]", "(2, 7)]"), "op index 7");
    assertError(V2_KEY.replace("(2, 5)]", "(2 5)]"), "normal list");
    assertError("normal=sep_conv_3x3~0;reduce=x", "nodes");
    assertError("Genotype(normal=[])", "not of the form");
  }

  private static void assertError(String text, String expected) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SPACE.parse(text), text);
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }

  @Test
  void canonical_mergesEdgeOrder_only() {
    DartsGenotype v2 = SPACE.parse(V2_KEY);
    // node 4 of the normal cell reads (1, sep_conv_3x3) then (0, skip_connect)
    DartsGenotype written = SPACE.parse(V2_KEY.replace("(1, 3), (0, 2), (0, 2)",
        "(0, 2), (1, 3), (0, 2)"));
    assertNotEquals(v2, written);
    assertTrue(SPACE.equivalent(v2, written));
    assertEquals(SPACE.canonical(v2), SPACE.canonical(written));
    assertEquals(written.normal(), SPACE.canonical(v2).normal(), "edges ordered by input");
    assertEquals(4, SPACE.distance(v2, written), "distance compares genotypes as written");
    assertEquals(SPACE.cost(v2, CIFAR_20), SPACE.cost(written, CIFAR_20));
    // skip_connect from input 1 instead of 0 is another function
    DartsGenotype other = v2.withEdge(6, new DartsCell.Edge(1, DartsOp.SKIP_CONNECT));
    assertFalse(SPACE.equivalent(v2, other));
  }

  @Test
  void encoding_is32Entries_perNodeInputOpTwice_normalThenReduce() {
    DartsGenotype v2 = SPACE.parse(V2_KEY);
    int[] code = SPACE.encode(v2);
    assertArrayEquals(new int[] {0, 3, 1, 3, 0, 3, 1, 3, 1, 3, 0, 2, 0, 2, 2, 5,
        0, 0, 1, 0, 2, 2, 1, 0, 0, 0, 2, 2, 2, 2, 1, 0}, code);
    assertEquals(v2, SPACE.decode(code).orElseThrow());
    code[2] = 0;   // node 2 fed twice by input 0
    assertTrue(SPACE.decode(code).isEmpty());
    code[2] = 2;
    assertThrows(IllegalArgumentException.class, () -> SPACE.decode(code));
    assertThrows(IllegalArgumentException.class, () -> SPACE.decode(new int[31]));
  }

  @Test
  void neighbours_are120_distinct_valid() {
    SplittableRandom rng = new SplittableRandom(11);
    for (int i = 0; i < 20; i++) {
      DartsGenotype g = SPACE.sample(rng);
      assertEquals(120, SPACE.neighbours(g).size());
      assertEquals(120, SPACE.neighbours(g).stream().distinct().count());
    }
  }

  @Test
  void sample_coversEveryInputAndOp() {
    SplittableRandom rng = new SplittableRandom(12);
    int[][] seen = new int[32][7];
    for (int i = 0; i < 2000; i++) {
      int[] code = SPACE.encode(SPACE.sample(rng));
      for (int p = 0; p < code.length; p++) {
        seen[p][code[p]]++;
      }
    }
    for (int p = 0; p < 32; p++) {
      for (int v = 0; v < SPACE.encodingChoices(p); v++) {
        assertTrue(seen[p][v] > 0, "position " + p + " value " + v);
      }
    }
  }

  @Test
  void cost_dartsV2_atCifar20_isThePublished3349342Parameters() {
    NetworkCost c = SPACE.cost(SPACE.parse(DARTS_V2), CIFAR_20);
    // DARTS's train.py reports "param size = 3.349342MB" for DARTS_V2 (auxiliary head excluded)
    assertEquals(3_349_342, c.parameters());
    assertEquals(528_359_040, c.macs());
  }

  @Test
  void cost_smallImages_andItsLimits() {
    DartsGenotype v2 = SPACE.parse(DARTS_V2);
    Skeleton fmnist = new Skeleton(1, 28, 28, 10, 16, 1);   // 5 cells: 28 -> 14 -> 7
    NetworkCost c = SPACE.cost(v2, fmnist);
    assertTrue(c.parameters() > 0 && c.macs() > 0);
    assertTrue(SPACE.nasLibCost(v2, fmnist).parameters() < c.parameters(),
        "NASLib's ops count no BN scale and shift");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SPACE.cost(v2, new Skeleton(1, 30, 30, 10, 16, 1)));
    assertTrue(e.getMessage().contains("15x15"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> SPACE.cost(v2, new Skeleton(1, 28, 28, 10, 15, 1)));
  }
}
