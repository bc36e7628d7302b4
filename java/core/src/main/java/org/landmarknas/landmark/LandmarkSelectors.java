package org.landmarknas.landmark;

import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/** Argument checks shared by the {@link LandmarkSelector} implementations. */
final class LandmarkSelectors {

  private LandmarkSelectors() {}

  static void checkArguments(String selector, int m, SplittableRandom rng,
      Predicate<?> allowed) {
    if (m < 0) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "%s landmark selection: m = %d is negative (expected m >= 0)", selector, m));
    }
    Objects.requireNonNull(rng, "rng");
    Objects.requireNonNull(allowed, "allowed");
  }
}
