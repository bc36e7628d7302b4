package org.landmarknas.space;

/**
 * What a stand-alone network costs, counted as the published benchmark tables count it: each
 * space's {@link SearchSpace#cost} says which layers it counts.
 *
 * @param parameters trainable scalars
 * @param macs multiply-accumulates of one forward pass of one image
 */
public record NetworkCost(long parameters, long macs) {

  public NetworkCost {
    if (parameters < 0 || macs < 0) {
      throw new IllegalArgumentException("a network cost is never negative, got " + parameters
          + " parameters and " + macs + " MACs");
    }
  }
}
