package org.landmarknas.landmark;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.Objects;
import org.landmarknas.space.Nb201Arch;
import org.landmarknas.space.SearchSpace;

/**
 * An architecture whose stand-alone performance is known: the fixed points the ranking loss
 * holds the super-net to.
 *
 * <p>The score is a stand-alone accuracy in <b>percent</b>, in [0, 100], as benchmark tables and
 * papers report it (a fraction such as 0.93 would pass the range check but rank the same, so
 * mixing the two in one set is the only real hazard). Only the order of scores matters to the
 * ranking loss; their gaps matter only to {@link PairWeights#scoreGap(LandmarkSet)}.
 *
 * @param arch the architecture
 * @param score stand-alone accuracy in percent, in [0, 100]
 * @param <A> the architecture type of the space
 */
public record Landmark<A>(A arch, double score) {

  /**
   * Ascending score, ties broken by the space's encoding in lexicographic order, so the order is
   * total (for NB201 that is ascending {@link Nb201Arch#code()}, whose first edge is the most
   * significant digit).
   */
  static <A> Comparator<Landmark<A>> order(SearchSpace<A> space) {
    return Comparator.comparingDouble((Landmark<A> l) -> l.score())
        .thenComparing((x, y) -> Arrays.compare(space.encode(x.arch()), space.encode(y.arch())));
  }

  /** Validates the components; see the record description. */
  public Landmark {
    if (arch == null) {
      throw new IllegalArgumentException("a landmark needs an architecture, got null");
    }
    if (!(score >= 0.0 && score <= 100.0)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "landmark %s: score %s is outside [0, 100] (expected stand-alone accuracy in percent)",
          arch, score));
    }
    // -0.0 passes the range check but differs from 0.0 in equals and in the CSV round trip.
    score = score + 0.0;
  }

  /** Shorthand for {@code new Landmark<>(Nb201Arch.parse(arch), score)}. */
  public static Landmark<Nb201Arch> of(String arch, double score) {
    return new Landmark<>(Nb201Arch.parse(Objects.requireNonNull(arch, "arch")), score);
  }
}
