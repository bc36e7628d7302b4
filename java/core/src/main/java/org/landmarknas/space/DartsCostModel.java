package org.landmarknas.space;

import java.util.Locale;

/**
 * Parameters and multiply-accumulates of the stand-alone DARTS network (DARTS's {@code
 * NetworkCIFAR}, no auxiliary head) for a genotype, counted layer by layer:
 *
 * <ul>
 *   <li>stem: conv3x3 to 3C channels, BatchNorm;
 *   <li>L = 3N + 2 cells ({@link Skeleton#cells()} = N), reductions at L/3 and 2L/3 (integer
 *       division), each doubling the width and halving the image; every cell has C channels
 *       per node and outputs 4C (its four nodes concatenated);
 *   <li>each cell preprocesses its inputs to C channels: ReLU-conv1x1-BN, but a factorized
 *       reduce for input 0 when the previous cell reduced (its input is twice as large);
 *   <li>ops (stride 2 where a reduction cell reads a cell input): {@code sep_conv_k} = two
 *       stacked ReLU, depthwise kxk, pointwise 1x1, BN; {@code dil_conv_k} = ReLU, depthwise
 *       kxk with dilation 2, pointwise, BN; {@code skip_connect} = identity, or a factorized
 *       reduce at stride 2; the pools have neither weights nor a BatchNorm in the final network;
 *   <li>global average pool, linear classifier with bias.
 * </ul>
 *
 * <p>A factorized reduce is ReLU, two 1x1 stride-2 convs to half the channels each (the second
 * on the image shifted by one pixel), concatenated, BN. Convolutions have no bias. MACs count
 * the convolutions and the classifier (not BN, ReLU, pools or the additions of a node).
 *
 * <p>BatchNorm: the final DARTS network's BNs are affine, 2 parameters per channel. NASLib's
 * model, whose parameters NAS-Bench-301's published {@code params} column counts, keeps the
 * ops' BNs non-affine (the stem's and the preprocessing's stay affine): {@code affineOps} chooses.
 */
final class DartsCostModel {
  private long parameters;
  private long macs;

  private DartsCostModel() {}

  /**
   * The cost of {@code genotype}'s network with {@code skeleton}'s sizes.
   *
   * @param affineOps whether the BNs inside the ops count their scale and shift
   * @throws IllegalArgumentException when a reduction meets an odd image side (a factorized
   *     reduce cannot halve it) or C is odd
   */
  static NetworkCost of(DartsGenotype genotype, Skeleton skeleton, boolean affineOps) {
    DartsCostModel m = new DartsCostModel();
    int layers = 3 * skeleton.cells() + 2;
    int c = skeleton.channels();
    if (c % 2 != 0) {
      throw new IllegalArgumentException("the DARTS network needs an even C (factorized reduces"
          + " split it in halves), got " + c);
    }
    int pixels = skeleton.height() * skeleton.width();
    m.conv(skeleton.inputChannels(), 3 * c, 3, 1, pixels);
    m.bn(3 * c, true);
    int prevPrev = 3 * c;
    int prev = 3 * c;
    int h = skeleton.height();
    int w = skeleton.width();
    boolean reductionPrev = false;
    for (int i = 0; i < layers; i++) {
      boolean reduction = i == layers / 3 || i == 2 * layers / 3;
      if (reduction) {
        if (h % 2 != 0 || w % 2 != 0) {
          throw new IllegalArgumentException(String.format(Locale.ROOT, "the DARTS reduction at"
              + " cell %d of %d meets %dx%d images: a factorized reduce needs even sides (use"
              + " sides divisible by 4)", i, layers, h, w));
        }
        c *= 2;
      }
      int outH = reduction ? h / 2 : h;
      int outW = reduction ? w / 2 : w;
      m.cell(genotype.cell(reduction), reduction, reductionPrev, prevPrev, prev, c,
          outH * outW, h * w, affineOps);
      prevPrev = prev;
      prev = DartsCell.NODES * c;
      h = outH;
      w = outW;
      reductionPrev = reduction;
    }
    m.parameters += (long) prev * skeleton.classes() + skeleton.classes();
    m.macs += (long) prev * skeleton.classes();
    return new NetworkCost(m.parameters, m.macs);
  }

  /**
   * One cell with C = {@code c}: preprocessing at the resolution of input 1 ({@code inPixels},
   * to which a factorized reduce brings input 0), then its 8 ops at the output resolution.
   */
  private void cell(DartsCell cell, boolean reduction, boolean reductionPrev, int prevPrev,
      int prev, int c, int outPixels, int inPixels, boolean affineOps) {
    if (reductionPrev) {
      factorizedReduce(prevPrev, c, inPixels, true);
    } else {
      conv(prevPrev, c, 1, 1, inPixels);
      bn(c, true);
    }
    conv(prev, c, 1, 1, inPixels);
    bn(c, true);
    for (DartsCell.Edge e : cell.edges()) {
      boolean strided = reduction && e.input() < DartsCell.CELL_INPUTS;
      op(e.op(), strided, c, outPixels, affineOps);
    }
  }

  private void op(DartsOp op, boolean strided, int c, int pixels, boolean affine) {
    if (op == DartsOp.SKIP_CONNECT) {
      if (strided) {
        factorizedReduce(c, c, pixels, affine);
      }
    } else if (!op.isPool()) {
      int blocks = op.isSeparable() ? 2 : 1;
      for (int b = 0; b < blocks; b++) {
        conv(c, c, op.kernel(), c, pixels);
        conv(c, c, 1, 1, pixels);
        bn(c, affine);
      }
    }
  }

  /** Halves an image to {@code outPixels} outputs per channel. */
  private void factorizedReduce(int in, int out, int outPixels, boolean affine) {
    conv(in, out / 2, 1, 1, outPixels);
    conv(in, out / 2, 1, 1, outPixels);
    bn(out, affine);
  }

  /** A bias-free k x k convolution in {@code groups} groups, {@code outPixels} outputs. */
  private void conv(int in, int out, int k, int groups, int outPixels) {
    long weights = (long) in / groups * out * k * k;
    parameters += weights;
    macs += weights * outPixels;
  }

  private void bn(int channels, boolean affine) {
    parameters += affine ? 2L * channels : 0;
  }
}
