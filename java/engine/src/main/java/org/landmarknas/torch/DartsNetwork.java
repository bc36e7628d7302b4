package org.landmarknas.torch;

import static org.bytedeco.pytorch.global.torch.linear;
import static org.bytedeco.pytorch.global.torch.manual_seed;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.ScalarTypeOptional;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptional;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch.ScalarType;
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
 * <p>Image sides must be divisible by 4 (28 and 32 are) and C even: factorized reduces halve
 * both.
 */
public final class DartsNetwork implements Supernet<DartsGenotype> {
  private final NetworkShape shape;
  private final Optional<DartsGenotype> fixed;
  private final DartsSharing sharing;
  private Precision precision = Precision.FP32;
  private final Module module = new Module("darts");
  private final ConvBn stem;
  private final List<DartsCellModule> cells = new ArrayList<>();
  private final boolean[] reduction;
  private final Tensor classifierWeight;
  private final Tensor classifierBias;
  private final TensorVector parameters;
  private final NetworkBuilder builder; // keeps the Java peers of child modules alive

  private DartsNetwork(NetworkShape shape, Optional<DartsGenotype> fixed, DartsSharing sharing,
      long seed) {
    if (shape.channels() % 2 != 0) {
      throw new IllegalArgumentException("the DARTS network needs an even C (factorized reduces"
          + " split it in halves), got " + shape.channels());
    }
    this.shape = shape;
    this.fixed = fixed;
    this.sharing = sharing;
    manual_seed(seed);
    NetworkBuilder init = new NetworkBuilder();
    this.builder = init;
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
    parameters = module.parameters();
  }

  /** L = 3N + 2 cells, as {@code DartsSpace#cost} counts them. */
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
  public NetworkShape shape() {
    return shape;
  }

  /** The fixed genotype of a stand-alone network; empty for a super-net. */
  public Optional<DartsGenotype> fixedArch() {
    return fixed;
  }

  /** The libtorch module holding every parameter (and running buffers in RUNNING BN mode). */
  @Override
  public Module module() {
    return module;
  }

  /** All trainable parameters, in registration order. */
  @Override
  public TensorVector parameters() {
    return parameters;
  }

  /**
   * Parameters by dotted path (e.g. {@code cell1.edge0_reduce.sep_conv_3x3.block0
   * .depthwise_weight}), in registration order; the SPOS super-net and a stand-alone network name
   * a layer alike. The handles share storage and gradients with the network's own.
   */
  public Map<String, Tensor> namedParameters() {
    return weights().namedParameters();
  }

  /** Number of scalar parameters (for a super-net: every op of every mixed op). */
  @Override
  public long parameterCount() {
    long n = 0;
    for (long i = 0; i < parameters.size(); i++) {
      n += parameters.get(i).numel();
    }
    return n;
  }

  /** Every BatchNorm layer of the network. */
  @Override
  public List<BatchNorm2d> batchNorms() {
    return builder.batchNorms();
  }

  /** Writes every parameter and buffer to {@code file}, atomically. */
  @Override
  public void save(Path file) {
    weights().save(file);
  }

  /**
   * Reads what {@link #save} wrote into this network of the same shape and flavour.
   *
   * @throws IllegalArgumentException naming the file and the first mismatch; nothing is copied
   */
  @Override
  public void load(Path file) {
    weights().load(file);
  }

  private ModuleWeights weights() {
    return new ModuleWeights(module, "C=" + shape.channels() + ", N=" + shape.cells()
        + fixed.map(a -> ", stand-alone " + a).orElse(", super-net " + sharing));
  }

  /** Sets training mode (matters only for RUNNING BatchNorm). */
  @Override
  public void train(boolean on) {
    module.train(on);
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
    if (images.size(2) % 4 != 0 || images.size(3) % 4 != 0) {
      // else a factorized reduce fails deep in libtorch with a size mismatch in a cat
      throw new IllegalArgumentException("the DARTS network halves the image twice with"
          + " factorized reduces: sides must be divisible by 4, got " + images.size(2) + "x"
          + images.size(3));
    }
    if (precision == Precision.FP32) {
      return path(images, genotype);
    }
    try (Autocast region = Autocast.enter(precision)) {
      return path(images, genotype).to(ScalarType.Float);
    }
  }

  /** Sets the arithmetic of {@link #forward}; the logits are float32 either way. */
  @Override
  public void setPrecision(Precision precision) {
    this.precision = Objects.requireNonNull(precision, "precision");
  }

  @Override
  public Precision precision() {
    return precision;
  }

  private Tensor path(Tensor images, DartsGenotype genotype) {
    Tensor s0 = stem.forward(images);
    Tensor s1 = s0;
    for (int i = 0; i < cells.size(); i++) {
      Tensor out = cells.get(i).forward(s0, s1, genotype.cell(reduction[i]));
      s0 = s1;
      s1 = out;
    }
    Tensor pooled = s1.mean(new long[] {2, 3}, false, new ScalarTypeOptional());
    Tensor logits = linear(pooled, classifierWeight, new TensorOptional(classifierBias));
    MacCounter.linear(classifierWeight);
    return logits;
  }
}
