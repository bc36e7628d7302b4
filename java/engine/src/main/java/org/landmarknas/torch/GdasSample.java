package org.landmarknas.torch;

import org.bytedeco.pytorch.Tensor;

/**
 * One Gumbel-softmax draw of GDAS (Dong &amp; Yang, CVPR 2019) as a training step uses it: the
 * architecture that stands for the draw, the op chosen in each row of α and the
 * straight-through weights {@code h} (shaped as α), exactly one-hot in value and with the
 * gradient of the soft probabilities, so a forward that multiplies each chosen op by its weight
 * reaches α.
 *
 * @param arch the draw's architecture: on NB201 the chosen ops themselves, which the GDAS
 *     forward runs; on DARTS the genotype the draw's probabilities derive, a name for the step
 *     only, since DARTS's GDAS forward runs every edge ({@link GdasCoding#drawn})
 * @param choice the op chosen in each row of α, row-major
 * @param hard the straight-through weights; lives in the caller's pointer scope
 */
record GdasSample<A>(A arch, int[] choice, Tensor hard) {

  /** This sample with weights that hold the one-hot's values but no graph into α. */
  GdasSample<A> detached() {
    return new GdasSample<>(arch, choice, hard.detach());
  }
}
