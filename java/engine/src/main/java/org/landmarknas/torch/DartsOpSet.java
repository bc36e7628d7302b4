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
 *   <li>{@code max_pool_3x3}, {@code avg_pool_3x3} (padding not counted): no weights. In a
 *       super-net each is followed by a non-affine BatchNorm, as in DARTS's search model and the
 *       reference's SPOS super-net; the final network has none. Without it, SPOS on
 *       Fashion-MNIST (C 4, N 1, batch 32, lr 0.05, 120 uniform steps) stayed at a loss of 2.45
 *       after starting at 2.63; with it the loss fell from 2.33 to 1.98: a max-pool's output
 *       is not centred, and uncentred sums shift every later state from path to path;
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
  private final BatchNorm2d maxPoolBn;
  private final BatchNorm2d avgPoolBn;

  /**
   * @param ops the ops to hold weights for (ops without weights run whatever this holds)
   * @param poolBn whether the pools are followed by a non-affine BN (a super-net's)
   * @param avgPool the network's average pooling at {@code stride}, shared for its constants
   */
  DartsOpSet(Module parent, String name, int channels, int stride, Set<DartsOp> ops,
      boolean poolBn, BatchNormMode mode, AvgPool3x3 avgPool, NetworkBuilder init) {
    this.stride = stride;
    this.avgPool = avgPool;
    boolean weighted = ops.stream().anyMatch(op -> hasWeights(op, stride));
    boolean normalised = poolBn && ops.stream().anyMatch(DartsOp::isPool);
    Module self = weighted || normalised ? init.child(parent, name) : null;
    this.maxPoolBn = poolBn && ops.contains(DartsOp.MAX_POOL_3X3)
        ? new BatchNorm2d(self, DartsOp.MAX_POOL_3X3.id() + "_bn", channels, mode, false, init)
        : null;
    this.avgPoolBn = poolBn && ops.contains(DartsOp.AVG_POOL_3X3)
        ? new BatchNorm2d(self, DartsOp.AVG_POOL_3X3.id() + "_bn", channels, mode, false, init)
        : null;
    FactorizedReduce skip = null;
    for (DartsOp op : ops) {
      if (op.isSeparable() || op.isDilated()) {
        convs.put(op, convBlocks(init.child(self, op.id()), op, channels, stride, mode, init));
      } else if (op == DartsOp.SKIP_CONNECT && stride == 2) {
        skip = new FactorizedReduce(self, op.id(), channels, channels, mode, AFFINE, init);
      }
    }
    this.skipReduce = skip;
  }

  /** {@code sep_conv}: two blocks, the first strided; {@code dil_conv}: one, dilation 2. */
  private static DepthwiseSeparableBlock[] convBlocks(Module opModule, DartsOp op, int channels,
      int stride, BatchNormMode mode, NetworkBuilder init) {
    if (op.isDilated()) {
      return new DepthwiseSeparableBlock[] {new DepthwiseSeparableBlock(opModule, "block0",
          channels, op.kernel(), stride, 2, mode, AFFINE, init)};
    }
    return new DepthwiseSeparableBlock[] {
        new DepthwiseSeparableBlock(opModule, "block0", channels, op.kernel(), stride, 1, mode,
            AFFINE, init),
        new DepthwiseSeparableBlock(opModule, "block1", channels, op.kernel(), 1, 1, mode,
            AFFINE, init)};
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
        return normalise(maxPoolBn,
            max_pool2d(x, K3, new long[] {stride, stride}, ONE, ONE, false));
      case AVG_POOL_3X3:
        return normalise(avgPoolBn, avgPool.forward(x));
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

  private static Tensor normalise(BatchNorm2d bn, Tensor y) {
    return bn == null ? y : bn.forward(y);
  }

  private static <T> T require(T weights, DartsOp op) {
    if (weights == null) {
      throw new IllegalArgumentException("this network has no weights for " + op.id()
          + " here (a stand-alone network runs only its own genotype)");
    }
    return weights;
  }
}
