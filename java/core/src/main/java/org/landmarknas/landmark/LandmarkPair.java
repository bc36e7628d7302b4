package org.landmarknas.landmark;

import java.util.Locale;

/**
 * Two landmarks to compare, as positions in a {@link LandmarkSet} (ascending score), so the
 * landmark at {@code better} has the higher stand-alone score.
 *
 * @param worse position of the lower-scored landmark, {@code >= 0}
 * @param better position of the higher-scored landmark, {@code > worse}
 */
public record LandmarkPair(int worse, int better) {

  /** Validates {@code 0 <= worse < better}. */
  public LandmarkPair {
    if (worse < 0 || better <= worse) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "landmark pair (worse=%d, better=%d): expected 0 <= worse < better", worse, better));
    }
  }
}
