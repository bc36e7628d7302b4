package org.landmarknas.torch;

import org.bytedeco.pytorch.Tensor;
import org.landmarknas.space.Nb201Arch;

/**
 * One Gumbel-softmax draw of GDAS (Dong &amp; Yang, CVPR 2019) over the NB201 edges: the
 * architecture of the hard one-hot choice and the straight-through weights {@code h} (6 × 5,
 * edges × ops), exactly one-hot in value and with the gradient of the soft probabilities, so a
 * loss of the forward that multiplies each chosen op by its weight reaches α.
 *
 * @param arch the op chosen on every edge (the argmax of the perturbed logits)
 * @param hard the straight-through weights; lives in the caller's pointer scope
 */
record GdasSample(Nb201Arch arch, Tensor hard) {}
