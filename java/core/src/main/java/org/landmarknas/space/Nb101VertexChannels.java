package org.landmarknas.space;

/**
 * How wide each vertex of an NB101 cell is, by the release's rule: the output's channels are
 * split evenly over the interior vertices that feed it, the remainder one channel each to the
 * first of them in vertex order; every other interior vertex takes the largest width among its
 * interior successors (working backwards, so a successor's width is settled first). A wider
 * vertex feeding a narrower one is truncated to its first channels on the way, at no cost.
 *
 * <p>Because the remainder follows the vertex order, two numberings of one graph can give its
 * vertices different widths: 128 channels over three output feeders are 43, 43, 42, and which
 * op gets 42 depends on the numbering.
 *
 * <p>Public because the engine builds its NB101 networks at exactly these widths, so that a
 * network's parameters equal the count of {@link Nb101Space#labelledCost}.
 */
public final class Nb101VertexChannels {

  private Nb101VertexChannels() {}

  /**
   * The width of each vertex of {@code g}, input ({@code in}) and output ({@code out}) included.
   */
  public static int[] of(Nb101Graph g, int in, int out) {
    int n = g.vertices();
    int[] width = new int[n];
    width[0] = in;
    width[n - 1] = out;
    int feeders = 0;
    for (int v = 1; v < n - 1; v++) {
      feeders += g.edge(v, n - 1) ? 1 : 0;
    }
    if (feeders == 0) {
      return width; // only input -> output: no interior vertex survives pruning
    }
    int remainder = out % feeders;
    for (int v = 1; v < n - 1; v++) {
      if (g.edge(v, n - 1)) {
        width[v] = out / feeders + (remainder > 0 ? 1 : 0);
        remainder--;
      }
    }
    for (int v = n - 2; v >= 1; v--) {
      if (!g.edge(v, n - 1)) {
        for (int w = v + 1; w < n - 1; w++) {
          if (g.edge(v, w)) {
            width[v] = Math.max(width[v], width[w]);
          }
        }
      }
    }
    return width;
  }
}
