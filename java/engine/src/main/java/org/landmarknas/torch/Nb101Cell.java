package org.landmarknas.torch;

import static org.bytedeco.pytorch.global.torch.cat;
import static org.bytedeco.pytorch.global.torch.max_pool2d;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.landmarknas.space.Nb101Arch;
import org.landmarknas.space.Nb101Graph;
import org.landmarknas.space.Nb101Op;

/**
 * One NAS-Bench-101 cell position, run the release's way on a pruned graph ({@link
 * Nb101CellPath}): the cell input is projected by conv1x1-bn-relu to each vertex that reads it
 * (to the full output width for the output); an interior vertex sums its inputs, a wider
 * interior input truncated to its first channels, and applies its op at its own width (so the
 * max-pool never changes channels); the output concatenates the interior vertices that feed it,
 * in vertex order, and adds the output projection when input&rarr;output is an edge.
 *
 * <p>Weights belong to vertex slots of the 7-vertex spec ({@code vertex3.conv3x3}, {@code
 * vertex3.projection}, {@code output.projection}). A super-net cell holds, for every interior
 * slot, a projection and both convolutions at the cell's output width, the most any vertex can
 * get; a path uses their first channels ({@link SlicedConvBnRelu}). A stand-alone cell holds
 * exactly its path's layers at its path's widths.
 */
final class Nb101Cell {
  private static final int OUTPUT = Nb101Arch.VERTICES - 1;
  private static final long[] K3 = {3, 3};
  private static final long[] ONE = {1, 1};

  /** Projections by slot 1..6 (6: the output's). */
  private final SlicedConvBnRelu[] projection = new SlicedConvBnRelu[Nb101Arch.VERTICES];
  /** Convolutions by slot 1..5 and op ordinal (the max-pool has none). */
  private final SlicedConvBnRelu[][] conv = new SlicedConvBnRelu[Nb101Arch.VERTICES][2];

  private Nb101Cell() {}

  /** A cell holding every layer any path can use, at the widest {@code out} channels. */
  static Nb101Cell supernet(Module parent, String name, int in, int out, BatchNormMode mode,
      NetworkBuilder init) {
    Nb101Cell c = new Nb101Cell();
    Module self = init.child(parent, name);
    for (int v = 1; v < OUTPUT; v++) {
      Module vertex = init.child(self, "vertex" + v);
      c.projection[v] = new SlicedConvBnRelu(vertex, "projection", in, out, 1, mode, init);
      for (Nb101Op op : Nb101Op.values()) {
        if (op.isConv()) {
          c.conv[v][op.ordinal()] = convOp(vertex, op, out, mode, init);
        }
      }
    }
    Module output = init.child(self, "output");
    c.projection[OUTPUT] = new SlicedConvBnRelu(output, "projection", in, out, 1, mode, init);
    return c;
  }

  /** A cell holding exactly the layers of {@code path}, at its widths. */
  static Nb101Cell standalone(Module parent, String name, Nb101CellPath path,
      BatchNormMode mode, NetworkBuilder init) {
    Nb101Cell c = new Nb101Cell();
    Module self = init.child(parent, name);
    Nb101Graph g = path.graph();
    int in = path.width()[0];
    for (int k = 1; k < g.output(); k++) {
      int slot = path.slot()[k];
      int w = path.width()[k];
      Module vertex = init.child(self, "vertex" + slot);
      if (g.edge(0, k)) {
        c.projection[slot] = new SlicedConvBnRelu(vertex, "projection", in, w, 1, mode, init);
      }
      if (g.op(k).isConv()) {
        c.conv[slot][g.op(k).ordinal()] = convOp(vertex, g.op(k), w, mode, init);
      }
    }
    if (g.edge(0, g.output())) {
      Module output = init.child(self, "output");
      c.projection[OUTPUT] = new SlicedConvBnRelu(output, "projection", in,
          path.width()[g.output()], 1, mode, init);
    }
    return c;
  }

  private static SlicedConvBnRelu convOp(Module vertex, Nb101Op op, int width,
      BatchNormMode mode, NetworkBuilder init) {
    String name = op == Nb101Op.CONV3X3_BN_RELU ? "conv3x3" : "conv1x1";
    return new SlicedConvBnRelu(vertex, name, width, width, op.kernel(), mode, init);
  }

  /** The cell's output for input {@code x} along {@code path}. */
  Tensor forward(Tensor x, Nb101CellPath path) {
    Nb101Graph g = path.graph();
    int out = g.output();
    Tensor[] value = new Tensor[g.vertices()];
    List<Tensor> concat = new ArrayList<>();
    for (int k = 1; k < out; k++) {
      int w = path.width()[k];
      Tensor sum = null;
      for (int j = 1; j < k; j++) {
        if (g.edge(j, k)) {
          Tensor t = value[j].size(1) > w ? value[j].narrow(1, 0, w) : value[j];
          sum = sum == null ? t : sum.add(t);
        }
      }
      if (g.edge(0, k)) {
        Tensor p = require(projection[path.slot()[k]], path.slot()[k], "projection")
            .forward(x, w);
        sum = sum == null ? p : sum.add(p);
      }
      // a pruned graph's interior vertex lies on an input-output path, so it has an input
      value[k] = apply(path.slot()[k], g.op(k), sum, w);
      if (g.edge(k, out)) {
        concat.add(value[k]);
      }
    }
    Tensor y = concat.isEmpty() ? null
        : concat.size() == 1 ? concat.get(0)
        : cat(new TensorVector(concat.toArray(new Tensor[0])), 1);
    if (g.edge(0, out)) {
      Tensor p = require(projection[OUTPUT], OUTPUT, "projection")
          .forward(x, path.width()[out]);
      y = y == null ? p : y.add(p);
    }
    return y;
  }

  private Tensor apply(int slot, Nb101Op op, Tensor x, int width) {
    if (!op.isConv()) {
      return max_pool2d(x, K3, ONE, ONE, ONE, false);
    }
    return require(conv[slot][op.ordinal()], slot, op.id()).forward(x, width);
  }

  private static SlicedConvBnRelu require(SlicedConvBnRelu layer, int slot, String what) {
    if (layer == null) {
      throw new IllegalArgumentException("this network has no " + what + " weights for vertex "
          + slot + " (a stand-alone network runs only its own architecture)");
    }
    return layer;
  }
}
