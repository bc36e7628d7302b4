package org.landmarknas.space;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One DARTS cell: 4 intermediate nodes (numbered 2-5, after the cell inputs 0 and 1), each the
 * sum of two edges, an edge being an op applied to one input. Node {@code k} may read the cell
 * inputs and the nodes before it (0..k-1), its two edges from two different inputs, as DARTS
 * derives them (the two strongest incoming edges) and NAS-Bench-301 samples them. The cell's
 * output concatenates nodes 2-5.
 *
 * @param edges the 8 edges in genotype order: edges {@code 2j} and {@code 2j+1} feed node {@code
 *     j + 2}
 */
public record DartsCell(List<Edge> edges) {

  /** Intermediate nodes per cell. */
  public static final int NODES = 4;
  /** Edges per cell: two per node. */
  public static final int EDGES = 2 * NODES;
  /** Cell inputs: the outputs of the two previous cells. */
  public static final int CELL_INPUTS = 2;

  /**
   * One edge: {@code op} applied to node {@code input}.
   *
   * @param input 0 or 1 for the cell inputs, 2.. for an earlier intermediate node
   * @param op the operation
   */
  public record Edge(int input, DartsOp op) {

    /** Validates the components; where the input may point is the cell's to check. */
    public Edge {
      Objects.requireNonNull(op, "op");
      if (input < 0) {
        throw new IllegalArgumentException("a DARTS edge input is never negative, got " + input);
      }
    }
  }

  /**
   * Validates and copies.
   *
   * @throws IllegalArgumentException naming the node when an input is out of range or a node
   *     reads one input twice
   */
  public DartsCell {
    edges = List.copyOf(edges);
    if (edges.size() != EDGES) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "a DARTS cell has %d edges (2 per node), got %d", EDGES, edges.size()));
    }
    for (int j = 0; j < NODES; j++) {
      Edge a = edges.get(2 * j);
      Edge b = edges.get(2 * j + 1);
      for (Edge e : List.of(a, b)) {
        if (e.input() >= inputChoices(2 * j)) {
          throw new IllegalArgumentException(String.format(Locale.ROOT, "node %d reads input %d:"
              + " it may read 0..%d (the cell inputs and earlier nodes)", j + CELL_INPUTS,
              e.input(), j + 1));
        }
      }
      if (a.input() == b.input()) {
        throw new IllegalArgumentException(String.format(Locale.ROOT, "node %d reads input %d"
            + " twice: a DARTS node sums two different inputs", j + CELL_INPUTS, a.input()));
      }
    }
  }

  /** The number of inputs edge {@code edge} may read: 2 for node 2, up to 5 for node 5. */
  public static int inputChoices(int edge) {
    Objects.checkIndex(edge, EDGES);
    return edge / 2 + CELL_INPUTS;
  }

  /** Edge {@code i} (0..7). */
  public Edge edge(int i) {
    return edges.get(i);
  }

  /**
   * This cell with edge {@code i} replaced.
   *
   * @throws IllegalArgumentException when the result is not a valid cell
   */
  public DartsCell withEdge(int i, Edge edge) {
    List<Edge> e = new ArrayList<>(edges);
    e.set(i, edge);
    return new DartsCell(e);
  }

  /**
   * The cell with each node's two edges ordered by input: a node sums its edges, so their order
   * is not part of what the cell computes. Idempotent.
   */
  public DartsCell canonical() {
    List<Edge> e = new ArrayList<>(edges);
    for (int j = 0; j < NODES; j++) {
      if (e.get(2 * j).input() > e.get(2 * j + 1).input()) {
        e.set(2 * j, edges.get(2 * j + 1));
        e.set(2 * j + 1, edges.get(2 * j));
      }
    }
    return e.equals(edges) ? this : new DartsCell(e);
  }
}
