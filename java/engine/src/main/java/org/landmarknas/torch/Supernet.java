package org.landmarknas.torch;

import java.nio.file.Path;
import java.util.List;
import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;

/**
 * A weight-sharing network of a search space: every op of every choice, of which one
 * architecture's path runs per forward. The training step, BatchNorm recalibration and
 * checkpoints need only this, so a second space's super-net (NB101's channel-sliced one, DARTS'
 * normal and reduction cells) trains the same way. {@link Nb201Network} is the first.
 *
 * @param <A> the architecture type of the space
 */
public interface Supernet<A> {

  /** Input, classes, width, depth and BatchNorm mode. */
  NetworkShape shape();

  /** The libtorch module all parameters are registered on (training mode, serialization). */
  Module module();

  /** Every parameter, for the optimizer and gradient clipping. */
  TensorVector parameters();

  /** The number of scalar parameters. */
  long parameterCount();

  /** Every BatchNorm of the network, for recalibration of running statistics. */
  List<BatchNorm2d> batchNorms();

  /** Logits of {@code arch}'s path for a batch of NCHW float images. */
  Tensor forward(Tensor images, A arch);

  /** Training mode (matters for running BatchNorm). */
  void train(boolean on);

  /** The arithmetic of {@link #forward}; logits are float32 either way. */
  void setPrecision(Precision precision);

  /** The arithmetic of {@link #forward}. */
  Precision precision();

  /**
   * Re-lays the 4-d weights, and with them the activations, in {@code layout}'s memory order;
   * values are unchanged. Call before an optimizer holds state.
   */
  void setLayout(TensorLayout layout);

  /**
   * Moves every parameter and buffer to {@code device}, in place: the handles already given out
   * (an optimizer's, the layers' own) see the moved tensors. Call before training starts.
   */
  void to(TorchDevice device);

  /** Where the parameters are; the CPU until {@link #to} moves them. */
  TorchDevice device();

  /**
   * A checksum of every parameter and buffer: equal when two networks compute the same function
   * bit for bit, so scores saved from one may stand for the other's.
   */
  long weightsFingerprint();

  /** Writes every parameter and buffer to {@code file}, atomically. */
  void save(Path file);

  /** Reads what {@link #save} wrote, into this network of the same shape. */
  void load(Path file);
}
