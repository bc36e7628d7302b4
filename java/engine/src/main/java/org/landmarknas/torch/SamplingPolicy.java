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
}
