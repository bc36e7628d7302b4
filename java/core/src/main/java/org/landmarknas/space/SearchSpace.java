package org.landmarknas.space;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SplittableRandom;

/**
 * A cell search space: what the engine needs of one to sample, mutate, compare, search and
 * encode its architectures, whatever their structure. NAS-Bench-201 ({@link Nb201Space}) is the
 * first; NAS-Bench-101 and DARTS plug in beside it. Architectures are immutable values with
 * {@code equals}/{@code hashCode} over their structure; all methods are thread-safe.
 *
 * @param <A> the space's architecture type
 */
public interface SearchSpace<A> {

  /** The space's identifier in configs and run records, e.g. {@code nas-bench-201}. */
  String id();

  /**
   * The architecture {@code text} writes in the space's own notation (NB201's {@code
   * |op~0|+|...|}, NB101's spec, a DARTS genotype).
   *
   * @throws IllegalArgumentException naming what is wrong when {@code text} is not one
   */
  A parse(String text);

  /** {@code arch} in the notation {@link #parse} reads; {@code parse(format(a)).equals(a)}. */
  String format(A arch);

  /** The number of architectures. */
  long size();

  /** Every architecture, where the space is small enough to list (NB201, NB101); else empty. */
  Optional<List<A>> enumerate();

  /** The number of equivalence classes of {@link #canonicalKey}, where it is known. */
  OptionalLong classCount();

  /** An architecture drawn uniformly. */
  A sample(SplittableRandom rng);

  /**
   * {@code n} trainable architectures, at most one per equivalence class, in draw order: how
   * benchmarks draw their architecture lists.
   *
   * @throws IllegalArgumentException when the space has fewer classes of trainable cells
   */
  List<A> sampleDistinct(int n, SplittableRandom rng);

  /** A valid architecture one random elementary change away from {@code arch}. */
  A mutate(A arch, SplittableRandom rng);

  /** Every valid architecture one elementary change away from {@code arch}, in a fixed order. */
  List<A> neighbours(A arch);

  /** Hamming distance: the positions where the {@link #encode encodings} of a and b differ. */
  int distance(A a, A b);

  /** The largest possible {@link #distance}. */
  int maxDistance();

  /**
   * A normal form of what {@code arch} computes: two architectures are equivalent exactly when
   * their keys are equal (each space says what it merges and why).
   */
  String canonicalKey(A arch);

  /** The representative of {@code arch}'s equivalence class; idempotent. */
  A canonical(A arch);

  /** Whether {@code a} and {@code b} compute the same function. */
  default boolean equivalent(A a, A b) {
    return canonicalKey(a).equals(canonicalKey(b));
  }

  /**
   * Whether {@code arch} is worth training: its output depends on its input (NB201's all-{@code
   * none} cells compute a constant).
   */
  boolean isTrainable(A arch);

  /**
   * The length of the fixed-length integer encoding: what predictors (NAO's encoder) and
   * position-wise evolution (SPOS's crossover) work on.
   */
  int encodingLength();

  /** The number of values position {@code position} of an encoding takes: 0 .. n-1. */
  int encodingChoices(int position);

  /** {@code arch} as {@link #encodingLength()} integers, each in its position's range. */
  int[] encode(A arch);

  /**
   * The parameters and MACs of {@code arch}'s stand-alone network with {@code skeleton}'s sizes,
   * counted as the space's published table counts them.
   *
   * @throws IllegalArgumentException when the skeleton cannot hold the space's network (an image
   *     too small for its reductions)
   */
  NetworkCost cost(A arch, Skeleton skeleton);

  /**
   * The architecture {@code encoding} names; empty when it names none that is valid (a DARTS
   * node fed twice by one input, an NB101 cell over its edge limit).
   *
   * @throws IllegalArgumentException when the length or a value is out of range
   */
  Optional<A> decode(int[] encoding);
}
