package org.landmarknas.torch;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.landmarknas.space.DartsCell;
import org.landmarknas.space.DartsGenotype;
import org.landmarknas.space.DartsOp;

/**
 * GDAS's α on DARTS (AutoDL's {@code NASNetworkGDAS}): per cell type (normal, then reduce) one
 * row per edge of the per-edge super-net ({@link DartsSharing#EDGE}: node 2 from 0 and 1, node
 * 3 from 0-2, node 4 from 0-3, node 5 from 0-4; 14 rows), over DARTS's 8 ops: {@code none}
 * first, then the 7 {@link DartsOp}s in their order. {@code none} lives only here and in the
 * GDAS forward, where it contributes nothing; genotypes never hold it.
 *
 * <p>A genotype comes from a table of weights as DARTS and GDAS derive it ({@link #derive}):
 * each node keeps its 2 incoming edges of largest strongest non-none weight, each with its
 * strongest non-none op.
 */
enum DartsGdasCoding implements GdasCoding<DartsGenotype> {
  INSTANCE;

  /** Cell types: normal (row block 0) and reduce (row block 1). */
  static final int CELL_TYPES = 2;
  /** Edges per cell type: 2 + 3 + 4 + 5. */
  static final int EDGES = 14;
  /** DARTS's ops with {@code none}: α's last dimension. */
  static final int OPS = DartsOp.values().length + 1;
  /** The column of {@code none}. */
  static final int NONE = 0;

  @Override
  public long[] alphaShape() {
    return new long[] {CELL_TYPES, EDGES, OPS};
  }

  /** The row of the edge into node {@code node} (0-3, i.e. nodes 2-5) from {@code input}. */
  static int edge(int node, int input) {
    if (node < 0 || node >= DartsCell.NODES || input < 0
        || input >= node + DartsCell.CELL_INPUTS) {
      throw new IllegalArgumentException("no DARTS edge into node " + (node
          + DartsCell.CELL_INPUTS) + " from " + input);
    }
    return node * (node + 3) / 2 + input;
  }

  /** The op of column {@code column} (1-7); column 0 is {@code none}, which is no DartsOp. */
  static DartsOp op(int column) {
    return DartsOp.ofIndex(column - 1);
  }

  /** The column of {@code op}. */
  static int column(DartsOp op) {
    return op.ordinal() + 1;
  }

  /**
   * The draw's genotype: the one its soft probabilities derive. It only names the step (the GDAS
   * forward runs every edge of the draw); redrawn, as AutoDL redraws an all-zero output, when a
   * cell type chose {@code none} on every edge from the cell inputs: then every node is zero.
   */
  @Override
  public Optional<DartsGenotype> drawn(int[] choice, float[] probs) {
    for (int t = 0; t < CELL_TYPES; t++) {
      boolean live = false;
      for (int node = 0; node < DartsCell.NODES && !live; node++) {
        for (int input = 0; input < DartsCell.CELL_INPUTS; input++) {
          live |= choice[t * EDGES + edge(node, input)] != NONE;
        }
      }
      if (!live) {
        return Optional.empty();
      }
    }
    return Optional.of(derive(probs));
  }

  /**
   * One genotype of the final vote. NB201's vote draws each edge's op from softmax(α); a DARTS
   * node keeps 2 of its edges, and a plain draw per edge can leave it fewer than 2 that are not
   * {@code none}, so the draw is the Gumbel-max one: each row's log-probabilities perturbed by
   * Gumbel noise (τ = 1) and renormalised, then {@link #derive} as on α. Each kept edge's op is
   * thereby drawn from softmax(α) restricted to the non-none ops (the argmax of perturbed
   * log-probabilities is a draw), edges rank by their perturbed strength, and as α sharpens the
   * vote converges on α's own derivation.
   */
  @Override
  public DartsGenotype finalDraw(float[] probs, SplittableRandom rng) {
    float[] perturbed = new float[probs.length];
    double[] q = new double[OPS];
    for (int r = 0; r < probs.length / OPS; r++) {
      double max = Double.NEGATIVE_INFINITY;
      for (int o = 0; o < OPS; o++) {
        q[o] = Math.log(probs[r * OPS + o]) + gumbel(rng);
        max = Math.max(max, q[o]);
      }
      double sum = 0;
      for (int o = 0; o < OPS; o++) {
        q[o] = Math.exp(q[o] - max);
        sum += q[o];
      }
      for (int o = 0; o < OPS; o++) {
        perturbed[r * OPS + o] = (float) (q[o] / sum);
      }
    }
    return derive(perturbed);
  }

  private static double gumbel(SplittableRandom rng) {
    double u;
    do {
      u = rng.nextDouble();
    } while (u == 0); // -log(-log 0) is infinite
    return -Math.log(-Math.log(u));
  }

  /**
   * DARTS's and GDAS's genotype of a table of weights (softmax(α), or a draw's probabilities),
   * in canonical form: in each cell type, each node keeps the 2 incoming edges whose strongest
   * non-none weight is largest (ties: the lower input), each with that strongest op (ties: the
   * first op).
   *
   * @param weights {@link #CELL_TYPES} × {@link #EDGES} × {@link #OPS}, row-major
   */
  static DartsGenotype derive(float[] weights) {
    if (weights.length != CELL_TYPES * EDGES * OPS) {
      throw new IllegalArgumentException("a DARTS GDAS table has " + CELL_TYPES * EDGES * OPS
          + " weights, got " + weights.length);
    }
    DartsCell[] cells = new DartsCell[CELL_TYPES];
    for (int t = 0; t < CELL_TYPES; t++) {
      List<DartsCell.Edge> edges = new ArrayList<>();
      for (int node = 0; node < DartsCell.NODES; node++) {
        DartsCell.Edge first = null;
        DartsCell.Edge second = null;
        float firstWeight = Float.NEGATIVE_INFINITY;
        float secondWeight = Float.NEGATIVE_INFINITY;
        for (int input = 0; input < node + DartsCell.CELL_INPUTS; input++) {
          int row = (t * EDGES + edge(node, input)) * OPS;
          int best = NONE + 1;
          for (int o = best + 1; o < OPS; o++) {
            if (weights[row + o] > weights[row + best]) {
              best = o;
            }
          }
          DartsCell.Edge e = new DartsCell.Edge(input, op(best));
          float w = weights[row + best];
          if (w > firstWeight) {
            second = first;
            secondWeight = firstWeight;
            first = e;
            firstWeight = w;
          } else if (w > secondWeight) {
            second = e;
            secondWeight = w;
          }
        }
        if (second == null) { // only with NaN weights: every comparison failed
          throw new IllegalArgumentException("weights of node " + (node
              + DartsCell.CELL_INPUTS) + " are not comparable (NaN?)");
        }
        edges.add(first);
        edges.add(second);
      }
      cells[t] = new DartsCell(edges);
    }
    return new DartsGenotype(cells[0], cells[1]).canonical();
  }
}
