package org.landmarknas.torch;

import static org.bytedeco.pytorch.global.torch.manual_seed;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch.ScalarType;

/**
 * What every network of the engine shares, super-net or stand-alone: one libtorch {@link Module}
 * holding its weights, built by a {@link NetworkBuilder} right after libtorch's generator is
 * seeded (so a seed gives the same weights), its shape, the fixed architecture of a stand-alone
 * network, its arithmetic, and the weights' file format. A subclass builds its layers into
 * {@link #module} with {@link #builder} in its constructor and computes the forwards.
 *
 * @param <A> the architecture type of the network's space
 */
abstract class ModuleSupernet<A> implements Supernet<A> {
  /** The sizes the network was built with. */
  protected final NetworkShape shape;
  /** The architecture of a stand-alone network; empty for a super-net. */
  protected final Optional<A> fixed;
  /** Holds every parameter (and running buffers in RUNNING BN mode). */
  protected final Module module;
  /** Built the layers; keeps the Java peers of the child modules alive. */
  protected final NetworkBuilder builder;
  private Precision precision = Precision.FP32;
  private TorchDevice device = TorchDevice.CPU;
  private TensorVector parameters;

  /**
   * Seeds libtorch's generator with {@code seed}, then makes the builder the subclass builds with.
   *
   * @param name the root module's name (parameter paths do not include it)
   */
  ModuleSupernet(String name, NetworkShape shape, Optional<A> fixed, long seed) {
    this.shape = Objects.requireNonNull(shape, "shape");
    this.fixed = Objects.requireNonNull(fixed, "fixed");
    this.module = new Module(name);
    manual_seed(seed);
    this.builder = new NetworkBuilder();
  }

  /** What weight files' errors call this network, e.g. "C=16, N=1". */
  abstract String describe();

  @Override
  public NetworkShape shape() {
    return shape;
  }

  /** The fixed architecture of a stand-alone network; empty for a super-net. */
  public Optional<A> fixedArch() {
    return fixed;
  }

  @Override
  public Module module() {
    return module;
  }

  /** All trainable parameters, in registration order (read once the layers are built). */
  @Override
  public TensorVector parameters() {
    if (parameters == null) {
      parameters = module.parameters();
    }
    return parameters;
  }

  /**
   * Parameters by dotted path (e.g. {@code stage0_cell0.edge3_1.nor_conv_3x3.conv_weight}), in
   * registration order; a super-net and a stand-alone network name a layer alike. The handles
   * share storage and gradients with the network's own.
   */
  public Map<String, Tensor> namedParameters() {
    return weights().namedParameters();
  }

  /** Number of scalar parameters (for a super-net: every op it holds). */
  @Override
  public long parameterCount() {
    TensorVector ps = parameters();
    long n = 0;
    for (long i = 0; i < ps.size(); i++) {
      n += ps.get(i).numel();
    }
    return n;
  }

  @Override
  public List<BatchNorm2d> batchNorms() {
    return builder.batchNorms();
  }

  /**
   * Writes every parameter and buffer to {@code file} atomically (a temporary file in the same
   * directory, then a rename), so a crash never leaves half a model behind.
   */
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

  @Override
  public long weightsFingerprint() {
    return weights().fingerprint();
  }

  private ModuleWeights weights() {
    return new ModuleWeights(module, describe());
  }

  /**
   * Moves the module: libtorch's {@code Module::to} swaps each parameter's data in place
   * ({@code set_data}), so the Java handles the layers keep stay valid.
   */
  @Override
  public void to(TorchDevice target) {
    if (!target.equals(device)) {
      module.to(target.device(), false);
      device = target;
    }
  }

  @Override
  public TorchDevice device() {
    return device;
  }

  /** Sets training mode (matters only for RUNNING BatchNorm). */
  @Override
  public void train(boolean on) {
    module.train(on);
  }

  /**
   * Sets the arithmetic of the forwards (default {@link Precision#FP32}); the logits are float32
   * either way.
   */
  @Override
  public void setPrecision(Precision precision) {
    this.precision = Objects.requireNonNull(precision, "precision");
  }

  @Override
  public Precision precision() {
    return precision;
  }

  @Override
  public void setLayout(TensorLayout layout) {
    layout.apply(parameters());
  }

  /** {@code logits} computed in this network's arithmetic, returned as float32 either way. */
  protected Tensor inPrecision(Supplier<Tensor> logits) {
    if (precision == Precision.FP32) {
      return logits.get();
    }
    try (Autocast region = Autocast.enter(precision, device)) {
      return logits.get().to(ScalarType.Float);
    }
  }
}
