package org.landmarknas.torch;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.bytedeco.pytorch.Tensor;

/**
 * Which path of the super-net each training step trains: the seam where weight-sharing methods
 * differ. SPOS draws a path uniformly ({@link UniformSampling}); GDAS samples from learned
 * architecture weights and NAO from its controller, each with parameters and an update of its own
 * that plug in here.
 *
 * @param <A> the architecture type of the space
 */
public interface SamplingPolicy<A> {

  /**
   * The path step {@code step} (0-based) of epoch {@code epoch} (0-based) trains.
   *
   * @param rng the epoch's architecture stream: every draw must come from it, so that a resumed
   *     run draws the same paths
   */
  A path(int epoch, int step, SplittableRandom rng);

  /** A short name for progress lines and run records, e.g. {@code uniform}. */
  String name();

  /**
   * Called before step {@code step} of epoch {@code epoch} draws its path: where a policy updates
   * its parameters on data the weights do not train on (GDAS's architect step on a rank-half
   * batch, which the reference takes before each weight step). SPOS has none.
   */
  default void beforeStep(int epoch, int step) {}

  /**
   * The logits of {@code path} for the weight step that trains it: the super-net's single-path
   * forward, unless the policy trains through a forward of its own (GDAS scales each chosen op
   * by its straight-through weight, so the loss reaches α).
   */
  default Tensor forward(Supernet<A> net, Tensor images, A path) {
    return net.forward(images, path);
  }

  /** Figures of epoch {@code epoch} for its metrics line (GDAS: τ, α's entropy); SPOS: none. */
  default Optional<PolicyFigures> figures(int epoch) {
    return Optional.empty();
  }

  /**
   * The architectures the policy itself proposes when training ends, to be scored as the run's
   * final search (GDAS: the most frequent of samples from softmax(α)); empty: the configured
   * search strategy runs instead.
   *
   * @param rng the stream of the work after training
   */
  default Optional<List<A>> finalists(SplittableRandom rng) {
    return Optional.empty();
  }

  /** Writes the policy's own state (GDAS: α and its Adam) into checkpoint directory dir. */
  default void save(Path dir) {}

  /** Reads what {@link #save} wrote into {@code dir}. */
  default void restore(Path dir) {}

  /**
   * Called after step {@code step} of epoch {@code epoch} has updated the weights: where a policy
   * with parameters of its own updates them (GDAS's architecture step on a validation batch).
   * SPOS has none.
   */
  default void afterStep(int epoch, int step) {}

  /**
   * Called when epoch {@code epoch} has trained its last step, before the epoch is scored and
   * checkpointed: where a policy updates between epochs (NAO retrains its controller and renews
   * the pool its paths come from). SPOS has nothing to do.
   */
  default void afterEpoch(int epoch) {}

  /**
   * Whether the state {@link #afterEpoch} computes after epoch {@code epoch} must be rank 0's: in
   * a data-parallel run the other ranks then skip {@code afterEpoch} and load rank 0's state (what
   * {@link #save} writes) instead ({@link PolicyHandover}). NAO's controller points score the
   * pool with rank 0's BatchNorm buffers, which differ per rank under running statistics: ranks
   * that renewed the pool themselves could train different paths, and their averaged gradients
   * would mix them. SPOS and GDAS decide nothing between epochs.
   */
  default boolean leaderDecidesAfter(int epoch) {
    return false;
  }
}
