package org.landmarknas.torch;

import static org.bytedeco.pytorch.global.torch.linear;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.bytedeco.pytorch.ScalarTypeOptional;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptional;
import org.landmarknas.space.DartsCell;
import org.landmarknas.space.DartsGenotype;

/**
 * The DARTS network (Liu et al., arXiv:1806.09055, {@code NetworkCIFAR} without the auxiliary
 * head): stem conv3x3 to 3C channels and BN; L = 3N + 2 cells for N = {@link
 * NetworkShape#cells()}, the cells at L/3 and 2L/3 reduction cells that halve the image and
 * double C; each cell reads the outputs of the two cells before it ({@link DartsCellModule});
 * global average pooling; a linear classifier. A stand-alone network's parameters and MACs are
 * {@code DartsSpace#nasLibCost}'s: the ops' BNs are not affine (the paper's DARTS runs), the
 * stem's and the preprocessing's are.
 *
 * <p>Two flavours share this class. A <em>super-net</em> holds the mixed ops of a {@link
 * DartsSharing} in every cell and runs the given genotype's path: each edge one op of its mixed
 * op, nothing else. A <em>stand-alone</em> network holds only its genotype's ops, named as the
 * SPOS super-net names them, so its weights can be cut from that super-net's. The two compute
 * the same function of the same weights except on pools, which a super-net follows by a
 * non-affine BN as DARTS's search model does ({@link DartsOpSet}).
 *
 * <p>A super-net shared per edge ({@link DartsSharing#EDGE}) also runs GDAS's forward ({@link
 * #forwardGdas}), in which every node sums all its incoming edges.
 *
 * <p>Image sides must be divisible by 4 (28 and 32 are) and C even: factorized reduces halve
 * both.
 */
public final class DartsNetwork extends ModuleSupernet<DartsGenotype>
    implements GdasSupernet<DartsGenotype> {
  private final DartsSharing sharing;
  private final ConvBn stem;
  private final List<DartsCellModule> cells = new ArrayList<>();
  private final boolean[] reduction;
  private final Tensor classifierWeight;
  private final Tensor classifierBias;

  private DartsNetwork(NetworkShape shape, Optional<DartsGenotype> fixed, DartsSharing sharing,
      long seed) {
    super("darts", evenChannels(shape), fixed, seed);
    this.sharing = sharing;
    NetworkBuilder init = builder;
    BatchNormMode bn = shape.batchNorm();
    int c = shape.channels();
    stem = new ConvBn(module, "stem", shape.inputChannels(), 3 * c, 3, 1, false, bn, init);
    DartsCellModule.Context ctx = new DartsCellModule.Context(bn, init, new AvgPool3x3(1),
        new AvgPool3x3(2));
    int layers = layers(shape);
    reduction = new boolean[layers];
    int prevPrev = 3 * c;
    int prev = 3 * c;
    for (int i = 0; i < layers; i++) {
      reduction[i] = i == layers / 3 || i == 2 * layers / 3;
      c = reduction[i] ? 2 * c : c;
      DartsCellModule.Position p = new DartsCellModule.Position(prevPrev, prev, c, reduction[i],
          i > 0 && reduction[i - 1]);
      String name = "cell" + i;
      cells.add(fixed.isPresent()
          ? DartsCellModule.standalone(module, name, p, fixed.get().cell(reduction[i]), ctx)
          : DartsCellModule.supernet(module, name, p, sharing, ctx));
      prevPrev = prev;
      prev = DartsCell.NODES * c;
    }
    classifierWeight = NetworkBuilder.register(module, "classifier_weight",
        init.linearWeight(shape.classes(), prev));
    classifierBias = NetworkBuilder.register(module, "classifier_bias",
        init.linearBias(shape.classes(), prev));
  }

  /** L = 3N + 2 cells, as {@code DartsSpace#cost} counts them. */
  /** {@code shape}, checked: factorized reduces split C in halves. */
  private static NetworkShape evenChannels(NetworkShape shape) {
    if (shape.channels() % 2 != 0) {
      throw new IllegalArgumentException("the DARTS network needs an even C (factorized reduces"
          + " split it in halves), got " + shape.channels());
    }
    return shape;
  }

  static int layers(NetworkShape shape) {
    return 3 * shape.cells() + 2;
  }

  /** The SPOS super-net ({@link DartsSharing#SLOT}); weights drawn from {@code seed}. */
  public static DartsNetwork supernet(NetworkShape shape, long seed) {
    return new DartsNetwork(shape, Optional.empty(), DartsSharing.SLOT, seed);
  }

  /** A super-net sharing its mixed ops as {@code sharing} says. */
  static DartsNetwork supernet(NetworkShape shape, DartsSharing sharing, long seed) {
    return new DartsNetwork(shape, Optional.empty(), sharing, seed);
  }

  /** The network of {@code genotype} with its own weights drawn from {@code seed}. */
  public static DartsNetwork standalone(NetworkShape shape, DartsGenotype genotype, long seed) {
    return new DartsNetwork(shape, Optional.of(genotype), DartsSharing.SLOT, seed);
  }

  @Override
  String describe() {
    return "C=" + shape.channels() + ", N=" + shape.cells()
        + fixed.map(a -> ", stand-alone " + a).orElse(", super-net " + sharing);
  }

  /** Logits of a stand-alone network. */
  public Tensor forward(Tensor images) {
    return forward(images, fixed.orElseThrow(() -> new IllegalStateException(
        "a super-net needs a genotype: call forward(images, genotype)")));
  }

  /**
   * Logits of {@code genotype}'s path for a batch of NCHW float images.
   *
   * @throws IllegalArgumentException if this is a stand-alone network of another genotype, or
   *     an image side is not divisible by 4
   */
  @Override
  public Tensor forward(Tensor images, DartsGenotype genotype) {
    if (fixed.isPresent() && !fixed.get().equals(genotype)) {
      throw new IllegalArgumentException("stand-alone network of " + fixed.get()
          + " cannot run " + genotype);
    }
    checkSides(images);
    return inPrecision(() -> skeleton(images,
        (cell, reduce, s0, s1) -> cell.forward(s0, s1, genotype.cell(reduce))));
  }

  /**
   * α of DARTS: per cell type a row per edge of this per-edge super-net ({@link
   * DartsGdasCoding}).
   *
   * @throws IllegalStateException unless this is a super-net shared per edge: GDAS's rows are
   *     its edges, which a slot-shared super-net does not hold
   */
  @Override
  public GdasCoding<DartsGenotype> gdasCoding() {
    if (fixed.isPresent() || sharing != DartsSharing.EDGE) {
      throw new IllegalStateException("GDAS runs on the DARTS super-net shared per edge, not on"
          + " " + describe());
    }
    return DartsGdasCoding.INSTANCE;
  }

  /**
   * GDAS's logits (AutoDL's {@code NASNetworkGDAS}): every cell runs its type's row block of
   * {@code sample}, each node summing all its incoming edges ({@link
   * DartsCellModule#forwardGdas}). Not a genotype's forward: {@code sample.arch()} is unused.
   */
  @Override
  public Tensor forwardGdas(Tensor images, GdasSample<DartsGenotype> sample) {
    gdasCoding();
    checkSides(images);
    int edges = DartsGdasCoding.EDGES;
    int[] normal = Arrays.copyOfRange(sample.choice(), 0, edges);
    int[] reduce = Arrays.copyOfRange(sample.choice(), edges, 2 * edges);
    // α stays on the CPU; a differentiable copy carries the weights to a GPU super-net.
    Tensor weights = device().put(sample.hard());
    return inPrecision(() -> skeleton(images, (cell, reduction, s0, s1) -> cell.forwardGdas(
        s0, s1, reduction ? reduce : normal, weights.select(0, reduction ? 1 : 0))));
  }

  private static void checkSides(Tensor images) {
    if (images.size(2) % 4 != 0 || images.size(3) % 4 != 0) {
      // else a factorized reduce fails deep in libtorch with a size mismatch in a cat
      throw new IllegalArgumentException("the DARTS network halves the image twice with"
          + " factorized reduces: sides must be divisible by 4, got " + images.size(2) + "x"
          + images.size(3));
    }
  }

  /** How each cell of a forward computes from the outputs of the two cells before it. */
  private interface Cells {
    Tensor apply(DartsCellModule cell, boolean reduction, Tensor s0, Tensor s1);
  }

  /** The skeleton around cells that compute as {@code cells} says. */
  private Tensor skeleton(Tensor images, Cells cellForward) {
    Tensor s0 = stem.forward(images);
    Tensor s1 = s0;
    for (int i = 0; i < cells.size(); i++) {
      Tensor out = cellForward.apply(cells.get(i), reduction[i], s0, s1);
      s0 = s1;
      s1 = out;
    }
    Tensor pooled = s1.mean(new long[] {2, 3}, false, new ScalarTypeOptional());
    Tensor logits = linear(pooled, classifierWeight, new TensorOptional(classifierBias));
    MacCounter.linear(classifierWeight);
    return logits;
  }
}
