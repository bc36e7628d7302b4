package org.landmarknas.torch;

import org.bytedeco.pytorch.Tensor;

/**
 * A super-net GDAS can train ({@code search.policy: gdas}): the layout of its α and its
 * straight-through forward. NB201's and DARTS's super-nets are ones; {@link GdasPolicy} and
 * {@link GdasArchitect} see only this.
 *
 * @param <A> the architecture type of the space
 */
interface GdasSupernet<A> extends Supernet<A> {

  /**
   * How α maps onto this super-net's architectures.
   *
   * @throws IllegalStateException when this network cannot run GDAS (a stand-alone network, a
   *     DARTS super-net not shared per edge)
   */
  GdasCoding<A> gdasCoding();

  /**
   * GDAS's logits for a batch: every cell runs {@code sample}'s choices of its cell type, each
   * chosen op scaled by its straight-through weight, so the loss has a gradient for α.
   */
  Tensor forwardGdas(Tensor images, GdasSample<A> sample);
}
