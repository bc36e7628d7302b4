package org.landmarknas.torch;

import java.util.SplittableRandom;

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
}
