package org.landmarknas.torch;

import static org.bytedeco.pytorch.global.torch.linear;
import static org.bytedeco.pytorch.global.torch.relu;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptional;
import org.landmarknas.space.Nb201Arch;

/**
 * The NAS-Bench-201 macro skeleton (Dong &amp; Yang, arXiv:2001.00326): stem conv3x3+BN; N cells
 * at C; residual reduction; N cells at 2C; reduction; N cells at 4C; BN-ReLU; global average
 * pooling; linear classifier.
 *
 * <p>Two flavours share this class. A <em>super-net</em> holds every weighted op of every edge
 * and runs the path of the architecture passed to {@link #forward(Tensor, Nb201Arch)}. A
 * <em>stand-alone</em> network holds only the ops of one fixed architecture and its own weights.
 *
 * <p>Parameters are registered on one libtorch {@link Module} under stable dotted names, so the
 * optimizer, gradient clipping and serialization see all of them without Java bookkeeping.
 */
public final class Nb201Network extends ModuleSupernet<Nb201Arch>
    implements GdasSupernet<Nb201Arch> {
  private final ConvBn stem;
  private final List<Object> body = new ArrayList<>(); // Nb201Cell or ResidualReduction
  private final BatchNorm2d lastBn;
  private final Tensor classifierWeight;
  private final Tensor classifierBias;

  private Nb201Network(NetworkShape shape, Optional<Nb201Arch> fixed, long seed) {
    super("nb201", shape, fixed, seed);
    NetworkBuilder init = builder;
    BatchNormMode bn = shape.batchNorm();
    boolean[] keep = fixed.map(Nb201Arch::activeEdges).orElse(null);
    int c = shape.channels();
    stem = new ConvBn(module, "stem", shape.inputChannels(), c, 3, 1, false, bn, init);
    int width = c;
    for (int stage = 0; stage < 3; stage++) {
      if (stage > 0) {
        body.add(new ResidualReduction(module, "reduce" + stage, width, width * 2, bn, init));
        width *= 2;
      }
      for (int i = 0; i < shape.cells(); i++) {
        body.add(new Nb201Cell(module, "stage" + stage + "_cell" + i, width, bn, init,
            (e, op) -> keep == null || (keep[e] && fixed.get().op(e) == op)));
      }
    }
    lastBn = new BatchNorm2d(module, "lastact_bn", width, bn, init);
    classifierWeight = NetworkBuilder.register(module, "classifier_weight",
        init.linearWeight(shape.classes(), width));
    classifierBias = NetworkBuilder.register(module, "classifier_bias",
        init.linearBias(shape.classes(), width));
  }

  /** A super-net holding every op of every edge; weights drawn from {@code seed}. */
  public static Nb201Network supernet(NetworkShape shape, long seed) {
    return new Nb201Network(shape, Optional.empty(), seed);
  }

  /** A network of one fixed architecture with its own weights drawn from {@code seed}. */
  public static Nb201Network standalone(NetworkShape shape, Nb201Arch arch, long seed) {
    return new Nb201Network(shape, Optional.of(arch), seed);
  }

  @Override
  String describe() {
    return "C=" + shape.channels() + ", N=" + shape.cells();
  }

  /** Logits of a stand-alone network. */
  public Tensor forward(Tensor images) {
    return forward(images, fixed.orElseThrow(() -> new IllegalStateException(
        "a super-net needs an architecture: call forward(images, arch)")));
  }

  /**
   * Logits of the path {@code arch} for a batch of NCHW float images.
   *
   * @throws IllegalArgumentException if this is a stand-alone network of another architecture
   */
  @Override
  public Tensor forward(Tensor images, Nb201Arch arch) {
    if (fixed.isPresent() && !fixed.get().equals(arch)) {
      throw new IllegalArgumentException("stand-alone network of " + fixed.get()
          + " cannot run " + arch);
    }
    return inPrecision(() -> path(images, arch));
  }

  /**
   * GDAS's logits for a batch of the super-net (see {@link Nb201Cell#forwardGdas}): the path of
   * {@code sample.arch()}, each chosen op scaled by its straight-through weight, so the loss has a
   * gradient for α; in value equal to {@link #forward(Tensor, Nb201Arch)} of that path.
   */
  @Override
  public Tensor forwardGdas(Tensor images, GdasSample<Nb201Arch> sample) {
    if (fixed.isPresent()) {
      throw new IllegalStateException("a stand-alone network has no GDAS forward");
    }
    boolean[] active = sample.arch().activeEdges();
    // α stays on the CPU (a few dozen numbers); a differentiable copy carries its weights to a
    // GPU super-net, and their gradient back.
    Tensor weights = device().put(sample.hard());
    Cells cells = (cell, x) -> cell.forwardGdas(x, sample.arch(), weights, active);
    return inPrecision(() -> skeleton(images, cells));
  }

  /** α of NB201: one row per edge ({@link Nb201GdasCoding}). */
  @Override
  public GdasCoding<Nb201Arch> gdasCoding() {
    if (fixed.isPresent()) {
      throw new IllegalStateException("a stand-alone network has no GDAS forward");
    }
    return Nb201GdasCoding.INSTANCE;
  }

  private Tensor path(Tensor images, Nb201Arch arch) {
    boolean[] active = arch.activeEdges();
    return skeleton(images, (cell, x) -> cell.forward(x, arch, active));
  }

  /** How each cell of a forward computes. */
  private interface Cells {
    Tensor apply(Nb201Cell cell, Tensor x);
  }

  /** The macro skeleton around cells that compute as {@code cells} says. */
  private Tensor skeleton(Tensor images, Cells cells) {
    Tensor x = stem.forward(images);
    for (Object block : body) {
      x = block instanceof Nb201Cell
          ? cells.apply((Nb201Cell) block, x)
          : ((ResidualReduction) block).forward(x);
    }
    x = relu(lastBn.forward(x));
    Tensor pooled = x.mean(new long[] {2, 3}, false, new org.bytedeco.pytorch.ScalarTypeOptional());
    Tensor logits = linear(pooled, classifierWeight, new TensorOptional(classifierBias));
    MacCounter.linear(classifierWeight);
    return logits;
  }
}
