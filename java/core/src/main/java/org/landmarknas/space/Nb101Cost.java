package org.landmarknas.space;

/**
 * What a stand-alone NB101 network costs, with the FLOPs that NASLib's NB101 tables count beside
 * the plain MACs of {@link NetworkCost}.
 *
 * @param parameters trainable scalars: convolution weights (no bias), BatchNorm scale and shift,
 *     dense weights and bias
 * @param macs multiply-accumulates of the convolutions and the dense layer, one image
 * @param flops the published {@code flops} count: {@code macs}, plus 3 per output element of
 *     every conv-bn-relu (BatchNorm's scale and shift, the ReLU), plus the kernel area per output
 *     element of every max-pool (9 in a cell, 4 between stacks); additions and the global
 *     average pool are not counted
 */
public record Nb101Cost(long parameters, long macs, long flops) {

  /** The parameters and MACs. */
  public NetworkCost networkCost() {
    return new NetworkCost(parameters, macs);
  }
}
