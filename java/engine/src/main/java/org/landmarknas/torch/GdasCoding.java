package org.landmarknas.torch;

import java.util.Optional;
import java.util.SplittableRandom;

/**
 * How GDAS's α maps onto a space's architectures: α's shape (ops last; every other dimension
 * counts rows, one per edge of a cell type), the architecture that stands for a Gumbel draw, and
 * the architectures of GDAS's final vote. Pure Java over row-major probability tables, so {@link
 * GdasAlpha}, {@link GumbelSoftmax} and {@link GdasPolicy} serve every space that has one.
 *
 * @param <A> the architecture type of the space
 */
interface GdasCoding<A> {

  /** α's shape, ops last: NB201 6 × 5, DARTS 2 × 14 × 8. */
  long[] alphaShape();

  /** The ops per row: α's last dimension. */
  default int ops() {
    long[] s = alphaShape();
    return (int) s[s.length - 1];
  }

  /** The rows of α: edges, over all cell types. */
  default int rows() {
    long n = 1;
    for (long d : alphaShape()) {
      n *= d;
    }
    return (int) (n / ops());
  }

  /**
   * The architecture of a Gumbel draw, or empty where AutoDL redraws it: when a cell's output
   * would be zero whatever its inputs.
   *
   * @param choice the op chosen in each row
   * @param probs the draw's soft probabilities, row-major
   */
  Optional<A> drawn(int[] choice, float[] probs);

  /**
   * One architecture of GDAS's final vote, drawn from softmax(α), in the form the vote counts
   * (equal architectures equal).
   *
   * @param probs softmax(α), row-major
   */
  A finalDraw(float[] probs, SplittableRandom rng);
}
