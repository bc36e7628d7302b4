package org.landmarknas.landmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * {@code count} pairs, each uniform over all {@code M(M-1)/2} unordered pairs and drawn
 * independently, so the same pair may occur twice in one step (with replacement; for the paper's
 * {@code m = 1} this makes no difference, and it keeps every draw identically distributed, which
 * makes the mean over pairs an unbiased estimate of the mean over all pairs). Name
 * {@code uniform}.
 *
 * @param count pairs per step, {@code >= 1}
 */
public record UniformPairSampler(int count) implements PairSampler {

  /** Validates the count. */
  public UniformPairSampler {
    if (count < 1) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "uniform pair sampler: count %d must be >= 1", count));
    }
  }

  @Override
  public List<LandmarkPair> sample(int landmarks, SplittableRandom rng) {
    PairSamplers.checkLandmarks("uniform", landmarks);
    Objects.requireNonNull(rng, "rng");
    List<LandmarkPair> pairs = new ArrayList<>(count);
    for (int k = 0; k < count; k++) {
      int a = rng.nextInt(landmarks);
      int b = rng.nextInt(landmarks - 1);
      if (b >= a) {
        b++; // b uniform over the other M-1, so {a, b} is uniform over unordered pairs
      }
      pairs.add(new LandmarkPair(Math.min(a, b), Math.max(a, b)));
    }
    return pairs;
  }
}
