package org.landmarknas.landmark;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The registry of {@link PairSampler} names used in configs: {@code uniform} (the default),
 * {@code all}, {@code adjacent} and {@code reference}.
 */
public final class PairSamplers {

  /** The default sampler name. */
  public static final String DEFAULT = "uniform";

  private static final List<String> NAMES = List.of("uniform", "all", "adjacent", "reference");

  private PairSamplers() {}

  /**
   * The sampler called {@code name}.
   *
   * @param name one of {@link #names()}
   * @param count pairs per step for the random samplers ({@code >= 1}); {@code all} and {@code
   *     adjacent} ignore it, their pair count follows from M
   * @throws IllegalArgumentException for an unknown name, listing the allowed ones, or a bad count
   */
  public static PairSampler create(String name, int count) {
    Objects.requireNonNull(name, "name");
    switch (name.strip()) {
      case "uniform":
        return new UniformPairSampler(count);
      case "all":
        return new AllPairsSampler();
      case "adjacent":
        return new AdjacentPairsSampler();
      case "reference":
        return new ReferencePairSampler(count);
      default:
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "unknown pair sampler \"%s\" (allowed: %s)", name, String.join(", ", NAMES)));
    }
  }

  /** The allowed names. */
  public static List<String> names() {
    return NAMES;
  }

  /** Rejects sets too small to form a pair. */
  static void checkLandmarks(String sampler, int landmarks) {
    if (landmarks < 2) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "%s pair sampling needs at least 2 landmarks, got %d", sampler, landmarks));
    }
  }
}
