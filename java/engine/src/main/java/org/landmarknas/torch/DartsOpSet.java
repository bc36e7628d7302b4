package org.landmarknas.torch;

import static org.bytedeco.pytorch.global.torch.max_pool2d;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.Tensor;
import org.landmarknas.space.DartsOp;

/**
 * The DARTS ops of one choice of a cell at one stride, of which a forward runs one: a super-net's
 * mixed op holds the weights of every op, a stand-alone network's only those of its own op.
 *
 * <ul>
 *   <li>{@code max_pool_3x3}, {@code avg_pool_3x3} (padding not counted): no weights, and no
 *       BatchNorm. DARTS's search model follows its pools with a non-affine BN so that they
 *       weigh in like the convolutions in the mixed op's weighted sum; a single-path forward
 *       sums nothing, and without it a super-net path is exactly the stand-alone network;
 *   <li>{@code skip_connect}: the identity, or a {@link FactorizedReduce} at stride 2;
 *   <li>{@code sep_conv_kxk}: two stacked {@link DepthwiseSeparableBlock}s, the first strided;
 *   <li>{@code dil_conv_kxk}: one block with dilation 2.
 * </ul>
 *
 * <p>The ops' BatchNorms are not affine, as in the paper's DARTS runs (NASLib's model too,
 * whose count {@code DartsSpace#nasLibCost} gives).
 */
final class DartsOpSet {
  /** The paper's DARTS runs switch the ops' BN scale and shift off. */
  static final boolean AFFINE = false;
  private static final long[] K3 = {3, 3};
  private static final long[] ONE = {1, 1};

  private final int stride;
  private final AvgPool3x3 avgPool;
  private final Map<DartsOp, DepthwiseSeparableBlock[]> convs = new EnumMap<>(DartsOp.class);
  private final FactorizedReduce skipReduce;

  /**
   * @param ops the ops to hold weights for (ops without weights run whatever this holds)
   * @param avgPool the network's average pooling at {@code stride}, shared for its constants
   */
  DartsOpSet(Module parent, String name, int channels, int stride, Set<DartsOp> ops,
      BatchNormMode mode, AvgPool3x3 avgPool, NetworkBuilder init) {
    this.stride = stride;
    this.avgPool = avgPool;
    boolean weighted = ops.stream().anyMatch(op -> hasWeights(op, stride));
    Module self = weighted ? init.child(parent, name) : null;
    FactorizedReduce skip = null;
    for (DartsOp op : ops) {
      if (op.isSeparable()) {
        Module opModule = init.child(self, op.id());
        convs.put(op, new DepthwiseSeparableBlock[] {
            new DepthwiseSeparableBlock(opModule, "block0", channels, op.kernel(), stride, 1, mode,
                AFFINE, init),
            new DepthwiseSeparableBlock(opModule, "block1", channels, op.kernel(), 1, 1, mode,
                AFFINE, init)});
      } else if (op.isDilated()) {
        Module opModule = init.child(self, op.id());
        convs.put(op, new DepthwiseSeparableBlock[] {
            new DepthwiseSeparableBlock(opModule, "block0", channels, op.kernel(), stride, 2, mode,
                AFFINE, init)});
      } else if (op == DartsOp.SKIP_CONNECT && stride == 2) {
        skip = new FactorizedReduce(self, op.id(), channels, channels, mode, AFFINE, init);
      }
    }
    this.skipReduce = skip;
  }

  /** Whether {@code op} at {@code stride} has weights: the convolutions, a strided skip. */
  static boolean hasWeights(DartsOp op, int stride) {
    return !op.isPool() && (op != DartsOp.SKIP_CONNECT || stride != 1);
  }

  /**
   * {@code op} applied to {@code x}.
   *
   * @throws IllegalArgumentException when this set holds no weights for {@code op}
   */
  Tensor forward(DartsOp op, Tensor x) {
    switch (op) {
      case MAX_POOL_3X3:
        return max_pool2d(x, K3, new long[] {stride, stride}, ONE, ONE, false);
      case AVG_POOL_3X3:
        return avgPool.forward(x);
      case SKIP_CONNECT:
        return stride == 1 ? x : require(skipReduce, op).forward(x);
      default:
        Tensor y = x;
        for (DepthwiseSeparableBlock b : require(convs.get(op), op)) {
          y = b.forward(y);
        }
        return y;
    }
  }

  private static <T> T require(T weights, DartsOp op) {
    if (weights == null) {
      throw new IllegalArgumentException("this network has no weights for " + op.id()
          + " here (a stand-alone network runs only its own genotype)");
    }
    return weights;
  }
}
