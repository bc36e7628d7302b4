package org.landmarknas.landmark;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The {@code M-1} neighbouring pairs {@code (i, i+1)}: enough to pin down a total order, and the
 * pairs whose stand-alone scores are closest. Deterministic. Name {@code adjacent}.
 */
public record AdjacentPairsSampler() implements PairSampler {

  @Override
  public List<LandmarkPair> sample(int landmarks, SplittableRandom rng) {
    PairSamplers.checkLandmarks("adjacent", landmarks);
    List<LandmarkPair> pairs = new ArrayList<>(landmarks - 1);
    for (int i = 0; i + 1 < landmarks; i++) {
      pairs.add(new LandmarkPair(i, i + 1));
    }
    return pairs;
  }
}
