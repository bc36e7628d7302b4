package org.landmarknas.landmark;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws the landmark pairs one training step regularises. Pairs index a {@link LandmarkSet} of
 * {@code landmarks} members; create samplers by name with {@link PairSamplers#create}.
 */
@FunctionalInterface
public interface PairSampler {

  /**
   * The pairs for one step.
   *
   * @param landmarks the number of landmarks M, at least 2
   * @param rng the source of randomness; deterministic samplers ignore it
   * @throws IllegalArgumentException if {@code landmarks < 2}
   */
  List<LandmarkPair> sample(int landmarks, SplittableRandom rng);
}
