package org.landmarknas.space;

import java.util.Locale;

/**
 * The cost of the stand-alone NB101 network of one pruned cell: a conv3x3-bn-relu stem with
 * {@link Skeleton#channels()} outputs, three stacks of {@link Skeleton#cells()} cells, a 2x2
 * max-pool (stride 2) before the second and third stacks whose first cell doubles the channels,
 * global average pooling and a dense classifier. In a cell the input is projected by
 * conv1x1-bn-relu to every vertex that reads it (to the output's full width when it feeds the
 * output), interior vertices sum their inputs and apply their op at the width {@link
 * Nb101VertexChannels} gives, and the output concatenates. Counted as NASLib's NB101 table counts
 * them ({@link Nb101Cost}): on CIFAR-10 with C = 128 and 3 cells per stack this equals the
 * published {@code params} and {@code flops} of all 500 cells, and NB101's own trainable
 * parameter count of its Inception-like example (2,694,282).
 */
final class Nb101CostModel {
  private static final int STACKS = 3;
  private static final int REDUCTION = 4; // two 2x2 max-pools halve each side twice

  private Nb101CostModel() {}

  /**
   * The cost of {@code g}'s network with {@code s}'s sizes.
   *
   * @throws IllegalArgumentException when the image sides are not multiples of 4 (odd maps would
   *     pool differently in TensorFlow, where NB101 was trained, and in torch)
   */
  static Nb101Cost of(Nb101Graph g, Skeleton s) {
    if (s.height() % REDUCTION != 0 || s.width() % REDUCTION != 0) {
      throw new IllegalArgumentException(String.format(Locale.ROOT, "NB101 network: the two"
          + " 2x2 max-pools need image sides divisible by %d, got %dx%d", REDUCTION, s.height(),
          s.width()));
    }
    Tally t = new Tally();
    long positions = (long) s.height() * s.width();
    t.convBnRelu(3, s.inputChannels(), s.channels(), positions);
    int in = s.channels();
    int out = s.channels();
    for (int stack = 0; stack < STACKS; stack++) {
      if (stack > 0) {
        positions /= 4;
        t.pool(2, in, positions);
        out *= 2;
      }
      for (int c = 0; c < s.cells(); c++) {
        cell(g, in, out, positions, t);
        in = out;
      }
    }
    t.parameters += (long) out * s.classes() + s.classes();
    t.macs += (long) out * s.classes();
    return new Nb101Cost(t.parameters, t.macs, t.macs + t.extraFlops);
  }

  private static void cell(Nb101Graph g, int in, int out, long positions, Tally t) {
    int[] width = Nb101VertexChannels.of(g, in, out);
    int output = g.output();
    for (int v = 1; v < output; v++) {
      if (g.edge(0, v)) {
        t.convBnRelu(1, in, width[v], positions);
      }
      Nb101Op op = g.op(v);
      if (op.isConv()) {
        t.convBnRelu(op.kernel(), width[v], width[v], positions);
      } else {
        t.pool(op.kernel(), width[v], positions);
      }
    }
    if (g.edge(0, output)) {
      t.convBnRelu(1, in, out, positions);
    }
  }

  /** Running sums. */
  private static final class Tally {
    long parameters;
    long macs;
    long extraFlops;

    void convBnRelu(int k, int in, int out, long positions) {
      parameters += (long) k * k * in * out + 2L * out;
      macs += positions * k * k * in * out;
      extraFlops += 3 * positions * out;
    }

    void pool(int k, int channels, long outPositions) {
      extraFlops += (long) k * k * channels * outPositions;
    }
  }
}
