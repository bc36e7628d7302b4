package org.landmarknas.space;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A pruned NAS-Bench-101 cell: a DAG of 2..7 vertices, vertex 0 the input, the last the output,
 * every vertex on an input-output path, edges only from lower to higher vertices. This is the
 * graph the NB101 release hashes and builds a network from; {@link Nb101Arch#pruned()} makes one
 * and {@link Nb101Arch#padded(Nb101Graph)} turns one back into a 7-vertex cell.
 *
 * @param vertices the number of vertices, 2..7
 * @param adjacency bit {@code i * 7 + j} set when the edge i&rarr;j exists (i &lt; j)
 * @param ops the ops of the interior vertices 1..vertices-2, in vertex order
 */
public record Nb101Graph(int vertices, long adjacency, List<Nb101Op> ops) {

  /** Validates the components; see the record description. */
  public Nb101Graph {
    if (vertices < 2 || vertices > Nb101Arch.VERTICES) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "an NB101 graph has 2..%d vertices, got %d", Nb101Arch.VERTICES, vertices));
    }
    ops = List.copyOf(Objects.requireNonNull(ops, "ops"));
    if (ops.size() != vertices - 2) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "an NB101 graph of %d vertices needs %d interior ops, got %d", vertices,
          vertices - 2, ops.size()));
    }
    for (int i = 0; i < Nb101Arch.VERTICES; i++) {
      for (int j = 0; j < Nb101Arch.VERTICES; j++) {
        boolean set = (adjacency >>> bit(i, j) & 1L) != 0;
        if (set && (j <= i || j >= vertices)) {
          throw new IllegalArgumentException(String.format(Locale.ROOT,
              "NB101 graph of %d vertices: edge %d->%d is not an upper-triangular entry",
              vertices, i, j));
        }
      }
    }
  }

  private static int bit(int from, int to) {
    return from * Nb101Arch.VERTICES + to;
  }

  /** The bit of edge {@code from -> to} in {@link #adjacency()}. */
  static long edgeBit(int from, int to) {
    return 1L << bit(from, to);
  }

  /** The index of the output vertex. */
  public int output() {
    return vertices - 1;
  }

  /** Whether the edge {@code from -> to} exists. */
  public boolean edge(int from, int to) {
    return (adjacency & edgeBit(from, to)) != 0;
  }

  /** The op of interior vertex {@code v} (1..vertices-2). */
  public Nb101Op op(int v) {
    return ops.get(v - 1);
  }

  /** The number of edges. */
  public int edgeCount() {
    return Long.bitCount(adjacency);
  }

  /** The number of edges into {@code v}. */
  public int inDegree(int v) {
    int d = 0;
    for (int u = 0; u < v; u++) {
      d += edge(u, v) ? 1 : 0;
    }
    return d;
  }

  /** The number of edges out of {@code v}. */
  public int outDegree(int v) {
    int d = 0;
    for (int w = v + 1; w < vertices; w++) {
      d += edge(v, w) ? 1 : 0;
    }
    return d;
  }

  /**
   * The same graph with its vertices renumbered: new vertex k is old vertex {@code order[k]}.
   * The input and output must stay first and last, and every edge must still go upwards.
   */
  Nb101Graph relabelled(int[] order) {
    long adj = 0;
    Nb101Op[] newOps = new Nb101Op[vertices - 2];
    for (int k = 0; k < vertices; k++) {
      for (int l = k + 1; l < vertices; l++) {
        if (edge(order[k], order[l])) {
          adj |= edgeBit(k, l);
        }
      }
      if (k > 0 && k < output()) {
        newOps[k - 1] = op(order[k]);
      }
    }
    return new Nb101Graph(vertices, adj, List.of(newOps));
  }
}
