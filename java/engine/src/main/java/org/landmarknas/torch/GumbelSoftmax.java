package org.landmarknas.torch;

import static org.bytedeco.pytorch.global.torch.empty;

import java.util.Optional;
import java.util.SplittableRandom;
import org.bytedeco.pytorch.MemoryFormatOptional;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptions;
import org.bytedeco.pytorch.global.torch.ScalarType;
import org.landmarknas.space.Nb201Arch;
import org.landmarknas.space.Nb201Op;

/**
 * GDAS's hard Gumbel-softmax over the NB201 edges (AutoDL's {@code TinyNetworkGDAS}): logits =
 * (log_softmax(α) + g) / τ with Gumbel noise g, p = softmax(logits) per edge, the one-hot argmax
 * as the forward's choice and the straight-through weights h = onehot + (p − sg(p)). Written so
 * rather than AutoDL's onehot − sg(p) + p: the same gradient, but exactly one-hot in value, so
 * the GDAS forward equals the single-path forward bit for bit.
 *
 * <p>The noise comes from a Java stream (one draw per edge and op, edge-major), so a run that
 * resumes at an epoch draws the same samples.
 */
final class GumbelSoftmax {
  private static final int OPS = Nb201Op.values().length;
  private static final int CELLS = Nb201Arch.EDGES * OPS;

  private GumbelSoftmax() {}

  /**
   * One draw; empty when the noise or the probabilities are not finite (a uniform draw of 0
   * gives infinite noise; AutoDL resamples then).
   *
   * @param alpha the logits, edges × ops
   */
  static Optional<GdasSample> draw(Tensor alpha, double tau, SplittableRandom rng) {
    float[] noise = new float[CELLS];
    for (int i = 0; i < CELLS; i++) {
      noise[i] = (float) -Math.log(-Math.log(rng.nextDouble()));
      if (!Float.isFinite(noise[i])) {
        return Optional.empty();
      }
    }
    Tensor probs = alpha.log_softmax(1).add(table(noise)).div(new Scalar(tau)).softmax(1);
    float[] p = values(probs);
    float[] onehot = new float[CELLS];
    int[] ops = new int[Nb201Arch.EDGES];
    for (int e = 0; e < Nb201Arch.EDGES; e++) {
      int best = 0;
      for (int o = 0; o < OPS; o++) {
        if (!Float.isFinite(p[e * OPS + o])) {
          return Optional.empty();
        }
        if (p[e * OPS + o] > p[e * OPS + best]) {
          best = o;
        }
      }
      onehot[e * OPS + best] = 1f;
      ops[e] = best;
    }
    Tensor hard = table(onehot).add(probs.sub(probs.detach()));
    return Optional.of(new GdasSample(Nb201Arch.ofIndices(ops), hard));
  }

  /** A float tensor of shape edges × ops holding {@code v}, edge-major. */
  static Tensor table(float[] v) {
    Tensor t = empty(new long[] {Nb201Arch.EDGES, OPS}, new TensorOptions(ScalarType.Float),
        new MemoryFormatOptional());
    t.data_ptr_float().put(v, 0, CELLS);
    return t;
  }

  /** The values of an edges × ops tensor, edge-major. */
  static float[] values(Tensor t) {
    float[] v = new float[CELLS];
    t.detach().contiguous().data_ptr_float().get(v, 0, CELLS);
    return v;
  }
}
