package org.landmarknas.space;

import java.util.List;

/**
 * The representative of a pruned cell's isomorphism class: the one the NB101 release itself
 * trained and stores. Its generator walks the matrices of each vertex count in increasing order of
 * their edge bits (edge i&rarr;j is bit {@code j(j-1)/2 + i}) and, within a matrix, the interior
 * op labellings in lexicographic order of {@link Nb101Op#ordinal()}, keeping the first member of
 * each hash class it meets. So the representative is the renumbering of the interior vertices
 * that keeps every edge upwards and minimises (edge bits, then op labels). Checked on the
 * release's Inception-like example, whose query returns exactly this renumbering.
 */
final class Nb101CanonicalForm {

  private Nb101CanonicalForm() {}

  /** The representative of {@code g}'s isomorphism class (at most 5! renumberings tried). */
  static Nb101Graph of(Nb101Graph g) {
    int n = g.vertices();
    int[] order = new int[n];
    for (int v = 0; v < n; v++) {
      order[v] = v;
    }
    Best best = new Best();
    permute(g, order, 1, best);
    return best.graph;
  }

  /** Tries every order of the interior vertices from position {@code k} on. */
  private static void permute(Nb101Graph g, int[] order, int k, Best best) {
    if (k >= g.output()) {
      Nb101Graph r = g.relabelled(order);
      if (r.edgeCount() == g.edgeCount()) { // no edge turned downwards and got lost
        best.offer(r);
      }
      return;
    }
    for (int i = k; i < g.output(); i++) {
      swap(order, k, i);
      permute(g, order, k + 1, best);
      swap(order, k, i);
    }
  }

  private static void swap(int[] a, int i, int j) {
    int t = a[i];
    a[i] = a[j];
    a[j] = t;
  }

  /** The edge bits of the generator's enumeration, as a number to minimise. */
  static int edgeBits(Nb101Graph g) {
    int bits = 0;
    for (int j = 1; j < g.vertices(); j++) {
      for (int i = 0; i < j; i++) {
        if (g.edge(i, j)) {
          bits |= 1 << j * (j - 1) / 2 + i;
        }
      }
    }
    return bits;
  }

  /** The least graph offered so far. */
  private static final class Best {
    Nb101Graph graph;
    int bits;

    void offer(Nb101Graph candidate) {
      int b = edgeBits(candidate);
      if (graph == null || b < bits || b == bits && labelsBefore(candidate.ops(), graph.ops())) {
        graph = candidate;
        bits = b;
      }
    }

    private static boolean labelsBefore(List<Nb101Op> a, List<Nb101Op> b) {
      for (int i = 0; i < a.size(); i++) {
        int c = Integer.compare(a.get(i).ordinal(), b.get(i).ordinal());
        if (c != 0) {
          return c < 0;
        }
      }
      return false;
    }
  }
}
