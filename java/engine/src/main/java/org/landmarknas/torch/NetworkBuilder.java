package org.landmarknas.torch;

import static org.bytedeco.pytorch.global.torch.rand;

import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.Tensor;

/**
 * Builds the module tree of a network and draws its initial weights.
 *
 * <p>Modules: a {@code new Module()} from Java is a JavaCPP peer whose virtual methods (e.g.
 * {@code train()}) call back into the Java object, so the Java side must stay strongly reachable
 * as long as the C++ tree lives; {@link #child} keeps every child here, and the network keeps
 * this builder.
 *
 * <p>Weights: PyTorch's default initialisation for convolutions and linear layers (Kaiming-uniform with
 * a = sqrt(5), i.e. U(-1/sqrt(fan_in), 1/sqrt(fan_in))), drawn from libtorch's default generator,
 * which the caller seeds once before building a network so that weights depend on the run seed only.
 */
final class NetworkBuilder {
  static final long[] ONE_ONE = {1, 1};

  private final java.util.List<Module> children = new java.util.ArrayList<>();
  private final java.util.List<BatchNorm2d> batchNorms = new java.util.ArrayList<>();

  /** Every BatchNorm layer built so far, in construction order. */
  java.util.List<BatchNorm2d> batchNorms() {
    return batchNorms;
  }

  /** Registers a new empty child module under {@code name} and keeps it reachable. */
  Module child(Module parent, String name) {
    Module m = parent.register_module(name, new Module());
    children.add(m);
    return m;
  }

  /**
   * Registers a parameter and returns an owning handle to it. The preset returns a reference into
   * the module's parameter table, which moves when the table grows; holding that reference across
   * later registrations crashes the JVM, so we take a shallow copy (same TensorImpl, same grad).
   */
  static Tensor register(Module module, String name, Tensor value) {
    return new Tensor(module.register_parameter(name, value));
  }

  /** Same as {@link #register} for a non-trainable buffer. */
  static Tensor registerBuffer(Module module, String name, Tensor value) {
    return new Tensor(module.register_buffer(name, value));
  }

  Tensor convWeight(int out, int in, int kernel) {
    return uniform(1.0 / Math.sqrt((double) in * kernel * kernel), out, in, kernel, kernel);
  }

  Tensor linearWeight(int out, int in) {
    return uniform(1.0 / Math.sqrt(in), out, in);
  }

  Tensor linearBias(int out, int in) {
    return uniform(1.0 / Math.sqrt(in), out);
  }

  private static Tensor uniform(double bound, long... shape) {
    return rand(shape).mul_(new org.bytedeco.pytorch.Scalar(2 * bound))
        .sub_(new org.bytedeco.pytorch.Scalar(bound));
  }
}
