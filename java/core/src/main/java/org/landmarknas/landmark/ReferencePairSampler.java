package org.landmarknas.landmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The reference implementation's sampler, offered for reproduction: the worse position {@code a}
 * uniform in {@code [0, M-2]}, then the better {@code b} uniform in {@code (a, M-1]}. Pairs are
 * not uniform: {@code P(a, b) = 1 / ((M-1)(M-1-a))}, so pairs with a low {@code a} - those among
 * the weakest landmarks - are rarer per pair than pairs near the top, e.g. {@code (0, 1)} has
 * probability {@code 1/(M-1)^2} and {@code (M-2, M-1)} has {@code 1/(M-1)}, against {@code
 * 2/(M(M-1))} each under {@link UniformPairSampler}. Pairs are independent across the {@code
 * count}. Name {@code reference}.
 *
 * @param count pairs per step, {@code >= 1}
 */
public record ReferencePairSampler(int count) implements PairSampler {

  /** Validates the count. */
  public ReferencePairSampler {
    if (count < 1) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "reference pair sampler: count %d must be >= 1", count));
    }
  }

  @Override
  public List<LandmarkPair> sample(int landmarks, SplittableRandom rng) {
    PairSamplers.checkLandmarks("reference", landmarks);
    Objects.requireNonNull(rng, "rng");
    List<LandmarkPair> pairs = new ArrayList<>(count);
    for (int k = 0; k < count; k++) {
      int a = rng.nextInt(landmarks - 1);
      int b = a + 1 + rng.nextInt(landmarks - 1 - a);
      pairs.add(new LandmarkPair(a, b));
    }
    return pairs;
  }
}
