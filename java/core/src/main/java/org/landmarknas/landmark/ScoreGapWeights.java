package org.landmarknas.landmark;

import java.util.Locale;
import java.util.Objects;

/**
 * Pair weight = stand-alone score gap / mean gap over all pairs of one landmark set: {@link
 * PairWeights#scoreGap(LandmarkSet)}. When every gap is 0 (all scores equal, or fewer than 2
 * landmarks) every weight is 0.
 */
final class ScoreGapWeights implements PairWeights {

  private final double[] scores; // ascending, as in the set
  private final double meanGap;

  ScoreGapWeights(LandmarkSet<?> set) {
    Objects.requireNonNull(set, "set");
    int m = set.size();
    scores = new double[m];
    for (int i = 0; i < m; i++) {
      scores[i] = set.get(i).score();
    }
    // With ascending scores, sum over i<j of (s_j - s_i) = sum_k s_k (2k - (M-1)): each s_k is
    // subtracted by the M-1-k pairs above it and added by the k below it. O(M), not O(M^2).
    double sum = 0;
    for (int k = 0; k < m; k++) {
      sum += scores[k] * (2.0 * k - (m - 1));
    }
    double pairs = m * (m - 1) / 2.0;
    meanGap = pairs > 0 ? Math.max(sum, 0.0) / pairs : 0.0;
  }

  /** Mean stand-alone score gap over all pairs of the set, in the scores' unit. */
  double meanGap() {
    return meanGap;
  }

  @Override
  public double weight(LandmarkPair pair) {
    if (pair.better() >= scores.length) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "score-gap weights: pair (%d, %d) outside a set of %d landmarks", pair.worse(),
          pair.better(), scores.length));
    }
    return meanGap > 0 ? (scores[pair.better()] - scores[pair.worse()]) / meanGap : 0.0;
  }

  @Override
  public String id() {
    return "score-gap";
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "score-gap[%d landmarks, mean gap %s]", scores.length,
        meanGap);
  }
}
