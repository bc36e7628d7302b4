package org.landmarknas.search;

import java.util.Locale;
import java.util.Objects;

/**
 * One evaluation made by a search: the architecture and the fitness it got.
 *
 * @param arch the architecture
 * @param fitness its fitness, higher is better; not NaN
 * @param <A> the architecture type
 */
public record Evaluated<A>(A arch, double fitness) {

  /** Rejects a null architecture and a NaN fitness. */
  public Evaluated {
    Objects.requireNonNull(arch, "arch");
    if (Double.isNaN(fitness)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "fitness of %s is NaN (expected a number, higher is better)", arch));
    }
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%.4f  %s", fitness, arch);
  }
}
