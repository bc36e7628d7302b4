package org.landmarknas.torch;

import static org.bytedeco.pytorch.global.torch.empty;

import java.util.Optional;
import java.util.SplittableRandom;
import org.bytedeco.pytorch.MemoryFormatOptional;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptions;
import org.bytedeco.pytorch.global.torch.ScalarType;

/**
 * GDAS's hard Gumbel-softmax over the rows of α (AutoDL's {@code TinyNetworkGDAS} and {@code
 * NASNetworkGDAS}): logits = (log_softmax(α) + g) / τ with Gumbel noise g, p = softmax(logits)
 * per row, the one-hot argmax as the forward's choice and the straight-through weights h = onehot
 * + (p − sg(p)). Written so rather than AutoDL's onehot − sg(p) + p: the same gradient, but
 * exactly one-hot in value, so NB201's GDAS forward equals its single-path forward bit for bit.
 *
 * <p>A row is one edge (NB201's 6 × 5) or one edge of one cell type (DARTS's 2 × 14 × 8): the
 * ops are α's last dimension, every other dimension counts rows. The noise comes from a Java
 * stream (one draw per row and op, row-major), so a run that resumes at an epoch draws the same
 * samples.
 */
final class GumbelSoftmax {
  private GumbelSoftmax() {}

  /**
   * One draw: the op chosen in each row, row-major, the draw's soft probabilities p and the
   * straight-through weights, shaped as α.
   *
   * @param choice the argmax of each row
   * @param probs p, row-major (the derivation of a DARTS draw's genotype reads them)
   * @param hard the straight-through weights; lives in the caller's pointer scope
   */
  record Draw(int[] choice, float[] probs, Tensor hard) {}

  /**
   * One draw; empty when the noise or the probabilities are not finite (a uniform draw of 0
   * gives infinite noise; AutoDL resamples then).
   *
   * @param alpha the logits, ops last
   */
  static Optional<Draw> draw(Tensor alpha, double tau, SplittableRandom rng) {
    long[] shape = alpha.sizes().vec().get();
    int ops = (int) shape[shape.length - 1];
    int cells = (int) alpha.numel();
    float[] noise = new float[cells];
    for (int i = 0; i < cells; i++) {
      noise[i] = (float) -Math.log(-Math.log(rng.nextDouble()));
      if (!Float.isFinite(noise[i])) {
        return Optional.empty();
      }
    }
    Tensor probs = alpha.log_softmax(-1).add(table(noise, shape)).div(new Scalar(tau))
        .softmax(-1);
    float[] p = values(probs);
    float[] onehot = new float[cells];
    int[] choice = new int[cells / ops];
    for (int r = 0; r < choice.length; r++) {
      int best = 0;
      for (int o = 0; o < ops; o++) {
        if (!Float.isFinite(p[r * ops + o])) {
          return Optional.empty();
        }
        if (p[r * ops + o] > p[r * ops + best]) {
          best = o;
        }
      }
      onehot[r * ops + best] = 1f;
      choice[r] = best;
    }
    Tensor hard = table(onehot, shape).add(probs.sub(probs.detach()));
    return Optional.of(new Draw(choice, p, hard));
  }

  /** A float tensor of {@code shape} holding {@code v}, row-major. */
  static Tensor table(float[] v, long... shape) {
    Tensor t = empty(shape, new TensorOptions(ScalarType.Float), new MemoryFormatOptional());
    t.data_ptr_float().put(v, 0, v.length);
    return t;
  }

  /** The values of a float tensor, row-major. */
  static float[] values(Tensor t) {
    float[] v = new float[(int) t.numel()];
    t.detach().contiguous().data_ptr_float().get(v, 0, v.length);
    return v;
  }
}
