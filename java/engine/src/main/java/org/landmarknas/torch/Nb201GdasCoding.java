package org.landmarknas.torch;

import java.util.Optional;
import java.util.SplittableRandom;
import org.landmarknas.space.Nb201Arch;
import org.landmarknas.space.Nb201Op;

/**
 * GDAS's α on NB201 (AutoDL's {@code TinyNetworkGDAS}): one row per edge, 6 × 5; a draw is the
 * architecture of its chosen ops, redrawn when the cell has no path from input to output (its
 * output is zero); the final vote draws each edge's op from softmax(α) on its own.
 */
enum Nb201GdasCoding implements GdasCoding<Nb201Arch> {
  INSTANCE;

  private static final int OPS = Nb201Op.values().length;

  @Override
  public long[] alphaShape() {
    return new long[] {Nb201Arch.EDGES, OPS};
  }

  @Override
  public Optional<Nb201Arch> drawn(int[] choice, float[] probs) {
    Nb201Arch arch = Nb201Arch.ofIndices(choice);
    return arch.isConnected() ? Optional.of(arch) : Optional.empty();
  }

  @Override
  public Nb201Arch finalDraw(float[] p, SplittableRandom rng) {
    int[] ops = new int[Nb201Arch.EDGES];
    for (int e = 0; e < Nb201Arch.EDGES; e++) {
      double u = rng.nextDouble();
      int o = 0;
      while (o < OPS - 1 && (u -= p[e * OPS + o]) >= 0) {
        o++;
      }
      ops[e] = o;
    }
    return Nb201Arch.ofIndices(ops);
  }
}
