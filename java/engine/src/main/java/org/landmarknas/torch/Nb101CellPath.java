package org.landmarknas.torch;

import org.landmarknas.space.Nb101Arch;
import org.landmarknas.space.Nb101Graph;
import org.landmarknas.space.Nb101VertexChannels;

/**
 * What one NB101 cell runs for an architecture at one position of the skeleton: the pruned graph
 * (as the release builds it), which of the cell's 7 vertex slots each pruned vertex came from
 * (the slot names the weights, so a super-net and a stand-alone network address the same
 * vertex alike), and each pruned vertex's width by the release's channel rule.
 *
 * @param graph the pruned cell
 * @param slot for pruned vertex k, its vertex number in the 7-vertex spec
 * @param width for pruned vertex k, its channels ({@link Nb101VertexChannels}); input first,
 *     output last
 */
record Nb101CellPath(Nb101Graph graph, int[] slot, int[] width) {

  /**
   * The path of {@code arch} in a cell reading {@code in} and writing {@code out} channels.
   *
   * @throws IllegalArgumentException when the output cannot be reached from the input
   */
  static Nb101CellPath of(Nb101Arch arch, int in, int out) {
    Nb101Graph g = arch.pruned().orElseThrow(() -> new IllegalArgumentException(
        "NB101 cell " + arch + " has no network: its output cannot be reached from its input"));
    int kept = arch.keptVertices();
    int[] slot = new int[g.vertices()];
    for (int v = 0, k = 0; v < Nb101Arch.VERTICES; v++) {
      if ((kept >>> v & 1) != 0) {
        slot[k++] = v;
      }
    }
    return new Nb101CellPath(g, slot, Nb101VertexChannels.of(g, in, out));
  }

  /** The index of the output among the pruned vertices. */
  int output() {
    return graph.output();
  }
}
