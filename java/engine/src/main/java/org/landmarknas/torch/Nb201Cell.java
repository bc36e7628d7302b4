package org.landmarknas.torch;

import static org.bytedeco.pytorch.global.torch.zeros_like;

import java.util.function.BiPredicate;
import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.Tensor;
import org.landmarknas.space.Nb201Arch;
import org.landmarknas.space.Nb201Op;

/**
 * One NB201 cell at width C. Each edge owns its own weighted ops (per-edge op sets; the reference
 * code's sharing of edge 3<-2's ops with 3<-1 is a quirk we do not reproduce). The forward pass
 * runs only the chosen op of each <em>active</em> edge, so {@code none} and dead edges cost
 * nothing, forward or backward.
 */
final class Nb201Cell {
  private final AvgPool3x3 avgPool = new AvgPool3x3();
  private final ConvBn[] conv1x1 = new ConvBn[Nb201Arch.EDGES];
  private final ConvBn[] conv3x3 = new ConvBn[Nb201Arch.EDGES];

  /**
   * @param include which (edge, op) pairs get weights: all of them for a super-net, the
   *     architecture's own active ops for a stand-alone network
   */
  Nb201Cell(Module parent, String name, int channels, BatchNormMode mode, NetworkBuilder init,
      BiPredicate<Integer, Nb201Op> include) {
    Module self = init.child(parent, name);
    for (int e = 0; e < Nb201Arch.EDGES; e++) {
      boolean has1 = include.test(e, Nb201Op.NOR_CONV_1X1);
      boolean has3 = include.test(e, Nb201Op.NOR_CONV_3X3);
      if (!has1 && !has3) {
        continue;
      }
      Module edge = init.child(self, "edge" + Nb201Arch.edgeTo(e) + "_" + Nb201Arch.edgeFrom(e));
      if (has1) {
        conv1x1[e] = new ConvBn(edge, "nor_conv_1x1", channels, channels, 1, 1, true, mode, init);
      }
      if (has3) {
        conv3x3[e] = new ConvBn(edge, "nor_conv_3x3", channels, channels, 3, 1, true, mode, init);
      }
    }
  }

  Tensor forward(Tensor x, Nb201Arch arch, boolean[] active) {
    Tensor[] nodes = new Tensor[Nb201Arch.NODES];
    nodes[0] = x;
    for (int e = 0; e < Nb201Arch.EDGES; e++) {
      if (!active[e]) {
        continue;
      }
      Tensor y = apply(e, arch.op(e), nodes[Nb201Arch.edgeFrom(e)]);
      int to = Nb201Arch.edgeTo(e);
      nodes[to] = nodes[to] == null ? y : nodes[to].add(y);
    }
    Tensor out = nodes[Nb201Arch.NODES - 1];
    // A cell with no path to its output computes zero; keep the shape so the skeleton still runs.
    return out != null ? out : zeros_like(x);
  }

  /**
   * GDAS's forward of this cell (AutoDL's form): each active edge runs only its chosen op and
   * multiplies it by the op's straight-through weight; the other weights of an edge feeding a
   * computed node are added as scalars (value 0), so α gets the gradient through the soft
   * probabilities of every op, while the weights get exactly the single path's gradient. In value
   * this is {@link #forward} of {@code sample.arch()}, bit for bit: the weights are exactly 1 and
   * 0. Dead inputs compute nothing, as in the single-path forward (AutoDL would run a conv on a
   * zero tensor there and pass BatchNorm's shift on).
   *
   * @param weights the sample's straight-through weights, edges × ops
   */
  Tensor forwardGdas(Tensor x, Nb201Arch arch, Tensor weights, boolean[] active) {
    Tensor[] nodes = new Tensor[Nb201Arch.NODES];
    nodes[0] = x;
    // Node by node, so that a node's scalars are in it before any edge reads it.
    for (int to = 1; to < Nb201Arch.NODES; to++) {
      Tensor offPath = null;
      for (int from = 0; from < to; from++) {
        int e = Nb201Arch.edgeIndex(to, from);
        Tensor row = weights.select(0, e);
        Tensor chosen = row.select(0, arch.op(e).ordinal());
        Tensor others = row.sum().sub(chosen); // value exactly 0
        offPath = offPath == null ? others : offPath.add(others);
        if (active[e]) {
          Tensor y = apply(e, arch.op(e), nodes[from]).mul(chosen);
          nodes[to] = nodes[to] == null ? y : nodes[to].add(y);
        }
      }
      if (nodes[to] != null) {
        nodes[to] = nodes[to].add(offPath);
      }
    }
    Tensor out = nodes[Nb201Arch.NODES - 1];
    return out != null ? out : zeros_like(x);
  }

  private Tensor apply(int edge, Nb201Op op, Tensor x) {
    switch (op) {
      case SKIP_CONNECT:
        return x;
      case NOR_CONV_1X1:
        return require(conv1x1[edge], edge, op).forward(x);
      case NOR_CONV_3X3:
        return require(conv3x3[edge], edge, op).forward(x);
      case AVG_POOL_3X3:
        return avgPool.forward(x);
      default:
        throw new IllegalStateException("op " + op.id() + " on edge " + edge + " is never run");
    }
  }

  private static ConvBn require(ConvBn op, int edge, Nb201Op id) {
    if (op == null) {
      throw new IllegalArgumentException(
          "this network has no weights for op " + id.id() + " on edge " + edge
              + " (a stand-alone network runs only its own architecture)");
    }
    return op;
  }
}
