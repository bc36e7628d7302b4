package org.landmarknas.landmark;

import java.util.Locale;
import java.util.Objects;

/**
 * How much each landmark pair counts in {@link PairwiseRankingLoss}. Two choices, by config id:
 *
 * <ul>
 *   <li>{@code none} ({@link #unweighted()}, the default and the paper's): every pair weighs 1;
 *   <li>{@code score-gap} ({@link #scoreGap(LandmarkSet)}): a pair weighs its stand-alone score
 *       gap divided by the mean gap over all {@code M(M-1)/2} pairs of the set.
 * </ul>
 *
 * <p>Why normalise by the mean gap rather than use the gap in percentage points: under uniform
 * pair sampling the mean weight is then exactly 1, so λ keeps its meaning (λmax = 10 stays
 * comparable with and without weighting) whatever the spread of the landmarks' accuracies. Pairs
 * whose scores tie weigh 0: their order carries no information.
 */
public interface PairWeights {

  /** The weight of {@code pair}, {@code >= 0}. */
  double weight(LandmarkPair pair);

  /** The config id: {@code none} or {@code score-gap}. */
  String id();

  /** Every pair weighs 1. */
  static PairWeights unweighted() {
    return UnweightedPairs.INSTANCE;
  }

  /** Weights by normalised score gap over the landmarks of {@code set}; see the type description.
   * */
  static PairWeights scoreGap(LandmarkSet<?> set) {
    return new ScoreGapWeights(set);
  }

  /**
   * The weighting called {@code id} ({@code none} or {@code score-gap}) for this landmark set.
   *
   * @throws IllegalArgumentException for an unknown id, listing the allowed ones
   */
  static PairWeights create(String id, LandmarkSet<?> set) {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(set, "set");
    switch (id.strip()) {
      case "none":
        return unweighted();
      case "score-gap":
        return scoreGap(set);
      default:
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "unknown pair weighting \"%s\" (allowed: none, score-gap)", id));
    }
  }
}
