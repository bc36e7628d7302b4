package org.landmarknas.search;

import java.util.Locale;

/**
 * How well one architecture does on some split, as measured through a network (the super-net's
 * shared weights, or its own stand-alone weights): top-1 accuracy in [0, 1] and mean
 * cross-entropy over {@code samples} images.
 *
 * @param <A> the architecture type
 */
public record ArchScore<A>(A arch, double accuracy, double loss, int samples) {

  public ArchScore {
    if (arch == null) {
      throw new IllegalArgumentException("ArchScore needs an architecture");
    }
    if (!(accuracy >= 0 && accuracy <= 1) || samples < 0) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "ArchScore needs accuracy in [0,1] and samples >= 0, got %s and %d", accuracy, samples));
    }
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%6.2f%%  loss %.4f  %s", 100 * accuracy, loss, arch);
  }
}
