package org.landmarknas.space;

import java.util.Locale;

/**
 * Parameters and multiply-accumulates (MACs) of the stand-alone NB201 network of one cell,
 * computed from the architecture and the skeleton's sizes alone. Counted: convolution and
 * linear weights (MACs = output positions × kernel area × input channels × output channels, plus
 * the classifier's in × out), BatchNorm affine parameters (2 per channel, no MACs). Not counted:
 * pooling, additions, ReLU and BN arithmetic, as in NAS-Bench-201's own tables. Only active
 * edges have weights (ops on dead edges never run). Checked against a count taken from the shapes
 * of an actual forward pass in {@code Nb201CostTest}.
 */
final class Nb201CostModel {

  private Nb201CostModel() {}

  /** The cost of {@code arch}'s stand-alone network with {@code skeleton}'s sizes. */
  static NetworkCost of(Nb201Arch arch, Skeleton skeleton) {
    int inputChannels = skeleton.inputChannels();
    int height = skeleton.height();
    int width = skeleton.width();
    int cells = skeleton.cells();
    int classes = skeleton.classes();
    int channels = skeleton.channels();
    long params = 0;
    long macs = 0;
    int c = channels;
    long hw = (long) height * width;
    // stem: conv3x3 + BN
    params += 9L * inputChannels * c + 2L * c;
    macs += hw * 9L * inputChannels * c;
    boolean[] active = arch.activeEdges();
    int h = height;
    int w = width;
    for (int stage = 0; stage < 3; stage++) {
      if (stage > 0) {
        int out = 2 * c;
        int h2 = (h - 1) / 2 + 1; // conv3x3, stride 2, padding 1
        int w2 = (w - 1) / 2 + 1;
        if (h2 != h / 2 || w2 != w / 2) {
          throw new IllegalArgumentException(String.format(Locale.ROOT,
              "NB201 reduction of a %dx%d map: residual and shortcut branches differ in size", h,
              w));
        }
        long hw2 = (long) h2 * w2;
        params += 9L * c * out + 2L * out;        // conv_a + BN
        macs += hw2 * 9L * c * out;
        params += 9L * out * out + 2L * out;      // conv_b + BN
        macs += hw2 * 9L * out * out;
        params += (long) c * out;                 // shortcut 1x1 after 2x2 average pooling
        macs += hw2 * c * out;
        c = out;
        h = h2;
        w = w2;
        hw = hw2;
      }
      for (int cell = 0; cell < cells; cell++) {
        for (int e = 0; e < Nb201Arch.EDGES; e++) {
          if (!active[e]) {
            continue;
          }
          Nb201Op op = arch.op(e);
          int k = op == Nb201Op.NOR_CONV_3X3 ? 3 : op == Nb201Op.NOR_CONV_1X1 ? 1 : 0;
          if (k > 0) {
            params += (long) k * k * c * c + 2L * c;
            macs += hw * k * k * c * c;
          }
        }
      }
    }
    params += 2L * c;                             // last BN
    params += (long) c * classes + classes;       // classifier
    macs += (long) c * classes;
    return new NetworkCost(params, macs);
  }
}
