package org.landmarknas.space;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The NB101 space's own rules: validity, notation, hash, canonical form, channels, cost. */
final class Nb101SpaceTest {
  private static final Nb101Space SPACE = Nb101Space.INSTANCE;
  private static final Skeleton PUBLISHED = new Skeleton(3, 32, 32, 10, 128, 3);
  /** The Inception-like cell of the NB101 release's example, as queried. */
  private static final String INCEPTION = "0111010/0000001/0000001/0000100/0000001/0000001/"
      + "0000000:conv1x1-bn-relu/conv3x3-bn-relu/conv3x3-bn-relu/conv3x3-bn-relu/maxpool3x3";
  /** The same cell as the release stores and returns it from that query. */
  private static final String INCEPTION_STORED = "0111100/0000001/0000001/0000001/0000010/"
      + "0000001/0000000:conv3x3-bn-relu/conv1x1-bn-relu/maxpool3x3/conv3x3-bn-relu/"
      + "conv3x3-bn-relu";
  private static final String BARE = "0000001/0000000/0000000/0000000/0000000/0000000/0000000:"
      + "conv3x3-bn-relu/conv3x3-bn-relu/conv3x3-bn-relu/conv3x3-bn-relu/conv3x3-bn-relu";

  private static Nb101Arch arch(String text) {
    return SPACE.parse(text);
  }

  @Test
  void validMatrices_countedOverAll2To21() {
    List<Nb101Op> ops = Collections.nCopies(Nb101Arch.INTERIOR, Nb101Op.MAXPOOL3X3);
    long valid = 0;
    for (int e = 0; e < 1 << Nb101Arch.EDGE_SLOTS; e++) {
      valid += SPACE.isValid(new Nb101Arch(e, ops)) ? 1 : 0;
    }
    assertEquals(Nb101Space.VALID_MATRICES, valid);
  }

  @Test
  void hash_isTheReleasesModuleHash() {
    // Hashes the release's own tests and tools name for these two cells
    assertEquals("28cfc7874f6d200472e1a9dcd8650aa0", SPACE.canonicalKey(arch(INCEPTION)));
    assertEquals("043721b9c7fe8c5fad811d47d83132ec", SPACE.canonicalKey(arch(BARE)));
  }

  @Test
  void canonical_isTheStoredRepresentative() {
    assertEquals(arch(INCEPTION_STORED), SPACE.canonical(arch(INCEPTION)));
    assertEquals(SPACE.canonicalKey(arch(INCEPTION)), SPACE.canonicalKey(arch(INCEPTION_STORED)));
  }

  @Test
  void hash_sameForEveryUpwardRenumbering_ofSampledCells() {
    SplittableRandom rng = new SplittableRandom(11);
    for (int s = 0; s < 100; s++) {
      Nb101Arch a = SPACE.sample(rng);
      for (Nb101Arch b : renumberings(a)) {
        assertEquals(SPACE.canonicalKey(a), SPACE.canonicalKey(b), a + " vs " + b);
        assertEquals(SPACE.canonical(a), SPACE.canonical(b));
      }
    }
  }

  @Test
  void hash_distinctCellsDiffer() {
    Nb101Arch a = arch(INCEPTION);
    Nb101Arch otherOp = a.withOp(1, Nb101Op.MAXPOOL3X3);
    Nb101Arch otherEdge = a.withEdgeFlipped(Nb101Arch.edgeSlot(1, 2));
    assertNotEquals(SPACE.canonicalKey(a), SPACE.canonicalKey(otherOp));
    assertNotEquals(SPACE.canonicalKey(a), SPACE.canonicalKey(otherEdge));
    assertNotEquals(SPACE.canonicalKey(otherOp), SPACE.canonicalKey(otherEdge));
    Nb101Arch chainConv3 = arch("0100000/0000001/0000000/0000000/0000000/0000000/0000000:"
        + "conv3x3-bn-relu/conv3x3-bn-relu/conv3x3-bn-relu/conv3x3-bn-relu/conv3x3-bn-relu");
    assertNotEquals(SPACE.canonicalKey(chainConv3),
        SPACE.canonicalKey(chainConv3.withOp(1, Nb101Op.CONV1X1_BN_RELU)));
  }

  @Test
  void hash_ignoresPrunedVertices() {
    Nb101Arch bare = arch(BARE);
    // vertex 3 reads the input but feeds nothing; vertex 5 feeds the output but reads nothing
    Nb101Arch dangling = arch("0001001/0000000/0000000/0000000/0000000/0000001/0000000:"
        + "conv1x1-bn-relu/maxpool3x3/conv1x1-bn-relu/conv3x3-bn-relu/maxpool3x3");
    assertEquals(SPACE.canonicalKey(bare), SPACE.canonicalKey(dangling));
    assertEquals(bare, SPACE.canonical(dangling));
    assertEquals(SPACE.cost(bare, PUBLISHED), SPACE.cost(dangling, PUBLISHED));
  }

  @Test
  void validity_edgeLimitAfterPruning() {
    // 10 edges as written, 0->6 the only one on an input-output path
    String tenDangling = "0111111/0011110/0001110/0000110/0000010/0000000/0000000:"
        + "conv3x3-bn-relu/conv3x3-bn-relu/conv3x3-bn-relu/conv3x3-bn-relu/conv3x3-bn-relu";
    Nb101Arch a = Nb101Notation.parse(tenDangling);
    assertTrue(a.edgeCount() > Nb101Space.MAX_EDGES);
    assertTrue(SPACE.isValid(a));
    String tenKept = "0111110/0000001/0000001/0000001/0000001/0000001/0000000:"
        + "conv3x3-bn-relu/conv3x3-bn-relu/conv3x3-bn-relu/conv3x3-bn-relu/conv3x3-bn-relu";
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SPACE.parse(tenKept));
    assertTrue(e.getMessage().contains("10 edges remain after pruning"), e.getMessage());
    Nb101Arch over = Nb101Notation.parse(tenKept);
    assertTrue(SPACE.decode(SPACE.encode(over)).isEmpty());
    assertTrue(SPACE.isTrainable(over));
    String cut = "0100000/0000000/0000000/0000000/0000000/0000001/0000000:"
        + "conv3x3-bn-relu/conv3x3-bn-relu/conv3x3-bn-relu/conv3x3-bn-relu/conv3x3-bn-relu";
    e = assertThrows(IllegalArgumentException.class, () -> SPACE.parse(cut));
    assertTrue(e.getMessage().contains("cannot be reached"), e.getMessage());
    assertFalse(SPACE.isTrainable(Nb101Notation.parse(cut)));
    assertEquals(Nb101Space.DISCONNECTED_KEY, SPACE.canonicalKey(Nb101Notation.parse(cut)));
    assertThrows(IllegalArgumentException.class,
        () -> SPACE.cost(Nb101Notation.parse(cut), PUBLISHED));
  }

  @Test
  void parse_bothNotations_andErrorsNameTheProblem() {
    Nb101Arch a = arch(INCEPTION_STORED);
    String key = "(0, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0,"
        + " 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0,"
        + " 4, 3, 2, 4, 4, 1)";
    assertEquals(a, arch(key));
    assertEquals(a, arch(key.replace(" ", "").replace("(", "").replace(")", "")));
    String full = INCEPTION_STORED.replace(":", ":input/") + "/output";
    assertEquals(a, arch(full));
    assertEquals(INCEPTION_STORED, SPACE.format(a));
    assertError("0111100/0000001:conv3x3-bn-relu", "expected 7 matrix rows");
    assertError(INCEPTION_STORED.replace("0111100", "0121100"), "'2' is not 0 or 1");
    assertError(INCEPTION_STORED.replace("0000001/0000000:", "0000001/1000000:"),
        "entry (6, 0) is 1");
    assertError(INCEPTION_STORED.replace("maxpool3x3", "avgpool3x3"), "unknown op \"avgpool3x3\"");
    assertError(INCEPTION_STORED.replace("/conv3x3-bn-relu/conv3x3-bn-relu", ""),
        "expected 5 interior ops");
    assertError(key.replace("4, 4, 1)", "4, 1)"), "got 55");
    assertError(key.replace("4, 3, 2,", "4, 5, 2,"), "op code 5");
    assertError(key.replace("(0, 1,", "(0, 7,"), "matrix entry (0, 1) is 7");
    assertError(key.replace("4, 4, 1)", "4, 4, 2)"), "end with 1 (output)");
    assertError("no cell here", "expected 7 matrix rows");
  }

  private static void assertError(String text, String fragment) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SPACE.parse(text), text);
    assertTrue(e.getMessage().contains(fragment), e.getMessage());
  }

  @Test
  void encoding_incomingBitsPerVertexThenOps() {
    Nb101Arch a = arch(INCEPTION_STORED);
    int[] expected = {
        1, // vertex 1 <- 0
        1, 0, // vertex 2 <- 0, 1
        1, 0, 0, // vertex 3
        1, 0, 0, 0, // vertex 4
        0, 0, 0, 0, 1, // vertex 5 <- 4
        0, 1, 1, 1, 0, 1, // output <- 1, 2, 3, 5
        0, 1, 2, 0, 0};
    assertArrayEquals(expected, SPACE.encode(a));
    assertEquals(a, SPACE.decode(expected).orElseThrow());
    assertThrows(IllegalArgumentException.class, () -> SPACE.decode(new int[25]));
    int[] bad = expected.clone();
    bad[21] = 3;
    assertThrows(IllegalArgumentException.class, () -> SPACE.decode(bad));
    assertTrue(SPACE.decode(new int[26]).isEmpty(), "no edges: disconnected");
  }

  @Test
  void neighbours_fixedOrder_edgeFlipsThenOps() {
    Nb101Arch bare = arch(BARE);
    List<Nb101Arch> n = SPACE.neighbours(bare);
    // removing 0->6 disconnects; the other 20 flips keep the output reachable
    assertEquals(20 + 10, n.size());
    assertEquals(bare.withEdgeFlipped(0), n.get(0));
    assertEquals(bare.withOp(5, Nb101Op.MAXPOOL3X3), n.get(n.size() - 1));
    n.forEach(b -> assertTrue(SPACE.isValid(b)));
  }

  @Test
  void channels_splitOverOutputFeeders_remainderToTheFirst() {
    long fan = Nb101Graph.edgeBit(0, 1) | Nb101Graph.edgeBit(0, 2) | Nb101Graph.edgeBit(0, 3)
        | Nb101Graph.edgeBit(1, 4) | Nb101Graph.edgeBit(2, 4) | Nb101Graph.edgeBit(3, 4);
    Nb101Graph g = new Nb101Graph(5, fan, List.of(Nb101Op.CONV3X3_BN_RELU,
        Nb101Op.CONV1X1_BN_RELU, Nb101Op.MAXPOOL3X3));
    assertArrayEquals(new int[] {64, 43, 43, 42, 128}, Nb101VertexChannels.of(g, 64, 128));
    // vertex 1 feeds only 2 and 3, so it takes the wider of them
    long tree = Nb101Graph.edgeBit(0, 1) | Nb101Graph.edgeBit(1, 2) | Nb101Graph.edgeBit(1, 3)
        | Nb101Graph.edgeBit(2, 4) | Nb101Graph.edgeBit(3, 4);
    Nb101Graph t = new Nb101Graph(5, tree, g.ops());
    assertArrayEquals(new int[] {16, 65, 65, 64, 129}, Nb101VertexChannels.of(t, 16, 129));
    Nb101Graph bare = new Nb101Graph(2, Nb101Graph.edgeBit(0, 1), List.of());
    assertArrayEquals(new int[] {32, 64}, Nb101VertexChannels.of(bare, 32, 64));
  }

  @Test
  void cost_byHand_andNb101sOwnCount() {
    // stem 3456 + 256; stacks of 1x1 projections 3 x 16,640, 33,280 + 2 x 66,048,
    // 132,096 + 2 x 263,168; dense 5,130
    Nb101Cost bare = SPACE.labelledCost(arch(BARE), PUBLISHED);
    assertEquals(882_570, bare.parameters());
    assertEquals(137_761_792, bare.macs());
    // + 3 x 819,200 BN and ReLU outputs + 4 x (32,768 + 16,384) pooled outputs
    assertEquals(140_416_000, bare.flops());
    // NB101's trainable_parameters of its Inception-like example
    assertEquals(2_694_282, SPACE.cost(arch(INCEPTION), PUBLISHED).parameters());
    assertThrows(IllegalArgumentException.class,
        () -> SPACE.cost(arch(BARE), new Skeleton(3, 30, 30, 10, 16, 1)));
  }

  @Test
  void cost_followsTheRepresentative_whereNumberingMovesTheRemainder() {
    // three output feeders of 128 channels: the last in vertex order gets 42
    Nb101Arch conv3Last = arch("0111000/0000001/0000001/0000001/0000000/0000000/0000000:"
        + "maxpool3x3/conv1x1-bn-relu/conv3x3-bn-relu/conv3x3-bn-relu/conv3x3-bn-relu");
    Nb101Arch conv3First = arch("0111000/0000001/0000001/0000001/0000000/0000000/0000000:"
        + "conv3x3-bn-relu/conv1x1-bn-relu/maxpool3x3/conv3x3-bn-relu/conv3x3-bn-relu");
    assertEquals(SPACE.canonicalKey(conv3Last), SPACE.canonicalKey(conv3First));
    assertNotEquals(SPACE.labelledCost(conv3Last, PUBLISHED).parameters(),
        SPACE.labelledCost(conv3First, PUBLISHED).parameters());
    assertEquals(SPACE.cost(conv3Last, PUBLISHED), SPACE.cost(conv3First, PUBLISHED));
    assertEquals(conv3First, SPACE.canonical(conv3Last));
  }

  /** Every renumbering of interior vertices 1..5 that keeps all edges upwards. */
  private static List<Nb101Arch> renumberings(Nb101Arch a) {
    List<Nb101Arch> out = new ArrayList<>();
    permute(a, new int[] {0, 1, 2, 3, 4, 5, 6}, 1, out);
    return out;
  }

  private static void permute(Nb101Arch a, int[] order, int k, List<Nb101Arch> out) {
    if (k == Nb101Arch.VERTICES - 1) {
      renumbered(a, order).ifPresent(out::add);
      return;
    }
    for (int i = k; i < Nb101Arch.VERTICES - 1; i++) {
      int t = order[k];
      order[k] = order[i];
      order[i] = t;
      permute(a, order, k + 1, out);
      order[i] = order[k];
      order[k] = t;
    }
  }

  /** New vertex k is old vertex order[k]; empty when an edge would point downwards. */
  private static Optional<Nb101Arch> renumbered(Nb101Arch a, int[] order) {
    int bits = 0;
    List<Nb101Op> ops = new ArrayList<>();
    for (int k = 0; k < Nb101Arch.VERTICES; k++) {
      for (int l = 0; l < Nb101Arch.VERTICES; l++) {
        int from = order[k];
        int to = order[l];
        if (from < to && a.edge(from, to)) {
          if (k > l) {
            return Optional.empty();
          }
          bits |= 1 << Nb101Arch.edgeSlot(k, l);
        }
      }
      if (k > 0 && k < Nb101Arch.VERTICES - 1) {
        ops.add(a.op(order[k]));
      }
    }
    return Optional.of(new Nb101Arch(bits, ops));
  }
}
