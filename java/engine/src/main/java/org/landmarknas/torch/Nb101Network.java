package org.landmarknas.torch;

import static org.bytedeco.pytorch.global.torch.linear;
import static org.bytedeco.pytorch.global.torch.max_pool2d;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bytedeco.pytorch.ScalarTypeOptional;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptional;
import org.landmarknas.space.Nb101Arch;

/**
 * The NAS-Bench-101 network (Ying et al., arXiv:1902.09635): stem conv3x3-bn-relu to C channels;
 * three stacks of N cells; a 2x2 max-pool (stride 2) before the second and third stacks, whose
 * first cell doubles the channels; global average pooling; a dense classifier. The cells run as
 * {@link Nb101Cell} says, on the pruned graph, at the release's vertex widths, so a stand-alone
 * network's parameters and MACs are those of {@code Nb101Space#labelledCost} for its cell (and
 * of {@code Nb101Space#cost} for the class representative, {@code Nb101Space#canonical}).
 *
 * <p>Two flavours share this class. A <em>super-net</em> holds one fully connected cell per
 * position whose every interior vertex has a projection and both convolutions at the cell's
 * output width; a forward runs exactly the given architecture's cell, each layer on its first
 * channels (the reference's "fixed chunk" sharing). A <em>stand-alone</em> network holds only the
 * layers of one architecture at its own widths, under the same names, so its weights can be cut
 * from a super-net's.
 *
 * <p><b>BatchNorm under slicing.</b> Each layer has one BatchNorm at its widest size whose first
 * channels serve a narrower path, as the reference slices one shared BN. Per-width statistics
 * would need one BN per width a vertex can get (up to 5 per layer and more where the split
 * leaves a remainder) and would train each on a fraction of the steps. In the default batch
 * mode only the affine weights are shared; in running mode the running statistics of the first
 * channels are shared too, which is why scoring with running statistics recalibrates them per
 * architecture first ({@link BatchNormRecalibration}, through {@link #batchNorms()}).
 */
public final class Nb101Network extends ModuleSupernet<Nb101Arch> {
  private static final int STACKS = 3;
  private static final long[] K2 = {2, 2};
  private static final long[] ZERO = {0, 0};
  private static final long[] ONE = {1, 1};

  private final SlicedConvBnRelu stem;
  private final List<List<Nb101Cell>> stacks = new ArrayList<>();
  private final Tensor classifierWeight;
  private final Tensor classifierBias;

  private Nb101Network(NetworkShape shape, Optional<Nb101Arch> fixed, long seed) {
    super("nb101", shape, fixed, seed);
    NetworkBuilder init = builder;
    BatchNormMode bn = shape.batchNorm();
    int c = shape.channels();
    stem = new SlicedConvBnRelu(module, "stem", shape.inputChannels(), c, 3, bn, init);
    int in = c;
    for (int stack = 0; stack < STACKS; stack++) {
      int out = stack == 0 ? c : in * 2;
      List<Nb101Cell> cells = new ArrayList<>();
      for (int i = 0; i < shape.cells(); i++) {
        String name = "stack" + stack + "_cell" + i;
        cells.add(fixed.isPresent()
            ? Nb101Cell.standalone(module, name, Nb101CellPath.of(fixed.get(), in, out), bn,
                init)
            : Nb101Cell.supernet(module, name, in, out, bn, init));
        in = out;
      }
      stacks.add(cells);
    }
    classifierWeight = NetworkBuilder.register(module, "classifier_weight",
        init.linearWeight(shape.classes(), in));
    classifierBias = NetworkBuilder.register(module, "classifier_bias",
        init.linearBias(shape.classes(), in));
  }

  /** A super-net holding every layer any cell can use; weights drawn from {@code seed}. */
  public static Nb101Network supernet(NetworkShape shape, long seed) {
    return new Nb101Network(shape, Optional.empty(), seed);
  }

  /**
   * The network of {@code arch} as numbered, with its own weights drawn from {@code seed}. The
   * network NB101 trained for {@code arch}'s class is that of {@code Nb101Space#canonical(arch)}.
   *
   * @throws IllegalArgumentException when {@code arch}'s output cannot be reached from its input
   */
  public static Nb101Network standalone(NetworkShape shape, Nb101Arch arch, long seed) {
    Nb101CellPath.of(arch, shape.channels(), shape.channels()); // fails before any weights
    return new Nb101Network(shape, Optional.of(arch), seed);
  }

  @Override
  String describe() {
    return "C=" + shape.channels() + ", N=" + shape.cells()
        + fixed.map(a -> ", stand-alone " + a).orElse(", super-net");
  }

  /** Logits of a stand-alone network. */
  public Tensor forward(Tensor images) {
    return forward(images, fixed.orElseThrow(() -> new IllegalStateException(
        "a super-net needs an architecture: call forward(images, arch)")));
  }

  /**
   * Logits of {@code arch}'s network for a batch of NCHW float images.
   *
   * @throws IllegalArgumentException if this is a stand-alone network of another architecture,
   *     or {@code arch}'s output cannot be reached from its input
   */
  @Override
  public Tensor forward(Tensor images, Nb101Arch arch) {
    if (fixed.isPresent() && !fixed.get().equals(arch)) {
      throw new IllegalArgumentException("stand-alone network of " + fixed.get()
          + " cannot run " + arch);
    }
    return inPrecision(() -> path(images, arch));
  }

  private Tensor path(Tensor images, Nb101Arch arch) {
    int c = shape.channels();
    Tensor x = stem.forward(images, c);
    int in = c;
    for (int stack = 0; stack < STACKS; stack++) {
      int out = stack == 0 ? c : in * 2;
      if (stack > 0) {
        x = max_pool2d(x, K2, K2, ZERO, ONE, false);
      }
      for (Nb101Cell cell : stacks.get(stack)) {
        x = cell.forward(x, Nb101CellPath.of(arch, in, out));
        in = out;
      }
    }
    Tensor pooled = x.mean(new long[] {2, 3}, false, new ScalarTypeOptional());
    Tensor logits = linear(pooled, classifierWeight, new TensorOptional(classifierBias));
    MacCounter.linear(classifierWeight);
    return logits;
  }
}
