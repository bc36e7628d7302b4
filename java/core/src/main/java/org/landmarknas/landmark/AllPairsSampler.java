package org.landmarknas.landmark;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Every unordered pair, {@code M(M-1)/2} of them, in lexicographic order of (worse, better): the
 * full regulariser that pair sampling approximates. Deterministic. Name {@code all}.
 */
public record AllPairsSampler() implements PairSampler {

  @Override
  public List<LandmarkPair> sample(int landmarks, SplittableRandom rng) {
    PairSamplers.checkLandmarks("all", landmarks);
    List<LandmarkPair> pairs = new ArrayList<>(landmarks * (landmarks - 1) / 2);
    for (int i = 0; i < landmarks; i++) {
      for (int j = i + 1; j < landmarks; j++) {
        pairs.add(new LandmarkPair(i, j));
      }
    }
    return pairs;
  }
}
