package org.landmarknas.torch;

import static org.bytedeco.pytorch.global.torch.cross_entropy_loss;
import static org.bytedeco.pytorch.global.torch.manual_seed;
import static org.bytedeco.pytorch.global.torch.randint;
import static org.bytedeco.pytorch.global.torch.randn;
import static org.bytedeco.pytorch.global.torch.set_num_threads;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Tensor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.landmarknas.space.DartsCell;
import org.landmarknas.space.DartsGenotype;
import org.landmarknas.space.DartsOp;
import org.landmarknas.space.DartsSpace;

/**
 * GDAS on the DARTS super-net shared per edge: α's layout, the forward over every edge and its
 * gradients, and the genotypes derived from α.
 */
final class DartsGdasTest {
  private static final DartsSpace SPACE = DartsSpace.INSTANCE;
  private static final NetworkShape SMALL = new NetworkShape(1, 10, 4, 1, BatchNormMode.BATCH);
  private static final int T = DartsGdasCoding.CELL_TYPES;
  private static final int E = DartsGdasCoding.EDGES;
  private static final int OPS = DartsGdasCoding.OPS;
  private static final Pattern SET_PARAM =
      Pattern.compile("cell(\\d+)\\.node(\\d)_from(\\d)\\.(\\w+?)\\..*");

  @BeforeAll
  static void threads() {
    set_num_threads(1);
  }

  private static GdasAlpha<DartsGenotype> alpha() {
    return new GdasAlpha<>(DartsGdasCoding.INSTANCE);
  }

  @Test
  void alpha_hasARowPerEdgeAndCellTypeOverNoneAndTheSevenOps() {
    GdasAlpha<DartsGenotype> alpha = alpha();
    assertArrayEquals(new long[] {2, 14, 8}, alpha.alpha().sizes().vec().get());
    assertEquals(Math.log(8), alpha.meanEntropy(), 1e-6);
    // the rows follow the per-edge super-net's sets: node 2 from 0-1, node 3 from 0-2, ...
    int row = 0;
    for (int node = 0; node < DartsCell.NODES; node++) {
      for (int input = 0; input < node + 2; input++) {
        assertEquals(row++, DartsGdasCoding.edge(node, input));
      }
    }
    assertEquals(E, row);
    assertThrows(IllegalArgumentException.class, () -> DartsGdasCoding.edge(0, 2));
  }

  @Test
  void gdas_needsTheSupernetSharedPerEdge() {
    assertThrows(IllegalStateException.class, () -> DartsNetwork.supernet(SMALL, 1).gdasCoding());
    assertThrows(IllegalStateException.class, () -> DartsNetwork.standalone(SMALL,
        DartsNetworkTest.DARTS_V2, 1).gdasCoding());
    assertEquals(DartsGdasCoding.INSTANCE,
        DartsNetwork.supernet(SMALL, DartsSharing.EDGE, 1).gdasCoding());
  }

  /**
   * One backward through a hard sample: logits of the right shape; a finite, nonzero gradient
   * for α through the straight-through weights; in every set of every cell, exactly the sampled
   * op's weights have a gradient.
   */
  @Test
  void backward_reachesAlphaAndOnlyTheSampledOpOfEachEdge() {
    DartsNetwork net = DartsNetwork.supernet(SMALL, DartsSharing.EDGE, 4);
    GdasAlpha<DartsGenotype> alpha = alpha();
    try (PointerScope scope = new PointerScope()) {
      GdasSample<DartsGenotype> sample = alpha.sample(1.0, new SplittableRandom(3));
      manual_seed(1);
      Tensor logits = net.forwardGdas(randn(4, 1, 28, 28), sample);
      assertArrayEquals(new long[] {4, 10}, logits.sizes().vec().get());
      cross_entropy_loss(logits, randint(10, new long[] {4})).backward();
      float[] g = GumbelSoftmax.values(alpha.alpha().grad());
      double norm = 0;
      for (float v : g) {
        assertTrue(Float.isFinite(v));
        norm += Math.abs(v);
      }
      assertTrue(norm > 0, "no gradient for alpha");
      int layers = DartsNetwork.layers(SMALL);
      int live = 0;
      int dead = 0;
      for (Map.Entry<String, Tensor> p : net.namedParameters().entrySet()) {
        Matcher m = SET_PARAM.matcher(p.getKey());
        Tensor grad = p.getValue().grad();
        if (!m.matches()) {
          assertTrue(grad.defined(), "preprocessing, stem, classifier: " + p.getKey());
          continue;
        }
        int cell = Integer.parseInt(m.group(1));
        boolean reduction = cell == layers / 3 || cell == 2 * layers / 3;
        int e = DartsGdasCoding.edge(Integer.parseInt(m.group(2)) - 2,
            Integer.parseInt(m.group(3)));
        int chosen = sample.choice()[(reduction ? 1 : 0) * E + e];
        boolean sampled = chosen != DartsGdasCoding.NONE
            && DartsGdasCoding.op(chosen).id().equals(m.group(4));
        assertEquals(sampled, grad.defined(), p.getKey());
        if (sampled) {
          assertTrue(grad.abs().sum().item_double() > 0, "zero gradient: " + p.getKey());
          live++;
        } else {
          dead++;
        }
      }
      assertTrue(live > 5 && dead > 5 * live, "live " + live + ", dead " + dead);
    }
  }

  /** An edge that chose none adds nothing; a node with none on every edge is zero, not absent. */
  @Test
  void forward_runsWithNoneOnWholeNodes() {
    DartsNetwork net = DartsNetwork.supernet(SMALL, DartsSharing.EDGE, 2);
    int[] choice = new int[T * E];
    Arrays.fill(choice, DartsGdasCoding.column(DartsOp.SEP_CONV_3X3));
    for (int t = 0; t < T; t++) {
      for (int input = 0; input < 5; input++) { // node 5 all none
        choice[t * E + DartsGdasCoding.edge(3, input)] = DartsGdasCoding.NONE;
      }
    }
    float[] onehot = new float[T * E * OPS];
    for (int r = 0; r < T * E; r++) {
      onehot[r * OPS + choice[r]] = 1f;
    }
    try (PointerScope scope = new PointerScope(); NoGradGuard g = new NoGradGuard()) {
      GdasSample<DartsGenotype> s = new GdasSample<>(DartsNetworkTest.DARTS_V2, choice,
          GumbelSoftmax.table(onehot, T, E, OPS));
      manual_seed(3);
      Tensor logits = net.forwardGdas(randn(2, 1, 28, 28), s);
      assertArrayEquals(new long[] {2, 10}, logits.sizes().vec().get());
      assertTrue(logits.isfinite().all().item_bool());
    }
  }

  @Test
  void drawn_redrawsACellTypeWhoseInputsAllChoseNone() {
    float[] uniform = new float[T * E * OPS];
    Arrays.fill(uniform, 1f / OPS);
    int[] choice = new int[T * E];
    Arrays.fill(choice, 3);
    assertTrue(DartsGdasCoding.INSTANCE.drawn(choice, uniform).isPresent());
    for (int node = 0; node < DartsCell.NODES; node++) {
      for (int input = 0; input < 2; input++) {
        choice[E + DartsGdasCoding.edge(node, input)] = DartsGdasCoding.NONE;
      }
    }
    // the reduce cell's nodes read only each other, and those read nothing: all zero
    assertTrue(DartsGdasCoding.INSTANCE.drawn(choice, uniform).isEmpty());
  }

  @Test
  void derive_keepsEachNodesTwoStrongestEdgesIgnoringNone() {
    DartsGenotype g = DartsNetworkTest.DARTS_V2;
    float[] w = favouring(g, 6f);
    DartsGenotype derived = DartsGdasCoding.derive(w);
    assertEquals(g.canonical(), derived);
    assertEquals(derived, SPACE.parse(SPACE.format(derived)));
    assertTrue(SPACE.isTrainable(derived));
    // none the strongest weight of a kept edge: the edge keeps its strongest other op
    int row = (E + DartsGdasCoding.edge(0, 1)) * OPS; // reduce node 2 from 1: max_pool in V2
    w[row + DartsGdasCoding.NONE] = 0.9f;
    w[row + DartsGdasCoding.column(DartsOp.MAX_POOL_3X3)] = 0.05f;
    assertEquals(g.canonical(), DartsGdasCoding.derive(w));
  }

  @Test
  void mostFrequent_putsTheFavouredGenotypeFirstAndDrawsValidCanonicalOnes() {
    GdasAlpha<DartsGenotype> alpha = alpha();
    float[] logits = new float[T * E * OPS];
    DartsGenotype g = DartsNetworkTest.DARTS_V2;
    for (int t = 0; t < T; t++) {
      for (int j = 0; j < DartsCell.EDGES; j++) {
        DartsCell.Edge e = g.cell(t == 1).edge(j);
        logits[(t * E + DartsGdasCoding.edge(j / 2, e.input())) * OPS
            + DartsGdasCoding.column(e.op())] = 4f;
      }
    }
    try (PointerScope scope = new PointerScope(); NoGradGuard ng = new NoGradGuard()) {
      alpha.alpha().copy_(GumbelSoftmax.table(logits, T, E, OPS));
    }
    List<DartsGenotype> top = alpha.mostFrequent(1000, 10, new SplittableRandom(8));
    assertEquals(10, top.size());
    assertEquals(g.canonical(), top.get(0));
    assertEquals(10, new HashSet<>(top).size());
    for (DartsGenotype d : top) {
      assertEquals(d.canonical(), d);
      assertTrue(SPACE.isTrainable(d), d.toString());
    }
    assertTrue(alpha.meanEntropy() < Math.log(8));
  }

  /**
   * Softmax-like weights favouring {@code g}: its edges' ops at {@code logit}, every other edge
   * {@code none} at {@code logit} and a pool at half of it (weaker than any kept edge's op).
   */
  static float[] favouring(DartsGenotype g, float logit) {
    float[] w = new float[T * E * OPS];
    for (int t = 0; t < T; t++) {
      for (int r = 0; r < E; r++) {
        w[(t * E + r) * OPS + DartsGdasCoding.NONE] = logit;
        w[(t * E + r) * OPS + DartsGdasCoding.column(DartsOp.AVG_POOL_3X3)] = logit / 2;
      }
      for (int j = 0; j < DartsCell.EDGES; j++) {
        DartsCell.Edge e = g.cell(t == 1).edge(j);
        int row = (t * E + DartsGdasCoding.edge(j / 2, e.input())) * OPS;
        w[row + DartsGdasCoding.NONE] = 0f;
        w[row + DartsGdasCoding.column(DartsOp.AVG_POOL_3X3)] = 0f;
        w[row + DartsGdasCoding.column(e.op())] = logit;
      }
    }
    return w;
  }
}
