package org.landmarknas.landmark;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Predicate;
import org.landmarknas.bench.ArchScoreCsv;
import org.landmarknas.space.Nb201Arch;
import org.landmarknas.space.Nb201Space;
import org.landmarknas.space.SearchSpace;

/**
 * An immutable set of landmarks, sorted by ascending score (ties by ascending architecture code),
 * so index {@code i < j} means landmark {@code j} is the better one; {@link LandmarkPair} indices
 * refer to this order.
 *
 * <p>No two members are equivalent under {@link SearchSpace#canonicalKey}: equivalent
 * cells compute the same function, so ranking them against each other would teach nothing, and
 * {@link #contains} answers for the whole equivalence class.
 *
 * <p>CSV format ({@link #fromCsv(Path)}, {@link #writeCsv(Path)}): {@link ArchScoreCsv}, a header
 * line then one landmark per line, no two equivalent architectures.
 *
 * <pre>
 * arch,score
 * |nor_conv_3x3~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_3x3~1|skip_connect~2|,93.76
 * </pre>
 *
 * @param <A> the architecture type of the space
 */
public final class LandmarkSet<A> {

  /** The CSV header line, byte for byte. */
  public static final String CSV_HEADER = ArchScoreCsv.HEADER;

  private final SearchSpace<A> space;
  private final List<Landmark<A>> landmarks;         // ascending Landmark.order(space)
  private final Map<String, Integer> indexByKey;     // canonical key -> index in landmarks

  private LandmarkSet(SearchSpace<A> space, List<Landmark<A>> sorted,
      Map<String, Integer> indexByKey) {
    this.space = Objects.requireNonNull(space, "space");
    this.landmarks = sorted;
    this.indexByKey = indexByKey;
  }

  /** The set with no landmarks of {@code space}. */
  public static <A> LandmarkSet<A> empty(SearchSpace<A> space) {
    return new LandmarkSet<>(space, List.of(), Map.of());
  }

  /** The empty set of NAS-Bench-201 landmarks. */
  public static LandmarkSet<Nb201Arch> empty() {
    return empty(Nb201Space.INSTANCE);
  }

  /**
   * A set of these landmarks of {@code space}, in any order.
   *
   * @throws IllegalArgumentException if an element is null or two are equivalent architectures
   */
  public static <A> LandmarkSet<A> of(SearchSpace<A> space, Collection<Landmark<A>> landmarks) {
    return empty(space).plus(landmarks);
  }

  /** {@link #of(SearchSpace, Collection)} of NAS-Bench-201 landmarks. */
  public static LandmarkSet<Nb201Arch> of(Collection<Landmark<Nb201Arch>> landmarks) {
    return of(Nb201Space.INSTANCE, landmarks);
  }

  /** The space of these landmarks. */
  public SearchSpace<A> space() {
    return space;
  }

  /**
   * This set with more landmarks, as the multi-round pipeline adds each round's picks.
   *
   * @throws IllegalArgumentException if an added landmark is null, or is equivalent to a member
   *     or to another added landmark
   */
  public LandmarkSet<A> plus(Collection<Landmark<A>> added) {
    Objects.requireNonNull(added, "added");
    Map<String, Landmark<A>> byKey = new HashMap<>();
    for (Landmark<A> l : landmarks) {
      byKey.put(space.canonicalKey(l.arch()), l);
    }
    List<Landmark<A>> all = new ArrayList<>(landmarks);
    for (Landmark<A> l : added) {
      if (l == null) {
        throw new IllegalArgumentException("landmark set: null landmark among those added");
      }
      String key = space.canonicalKey(l.arch());
      Landmark<A> prior = byKey.putIfAbsent(key, l);
      if (prior != null) {
        boolean member = indexByKey.containsKey(key);
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "landmark set: cannot add %s (score %s): %s %s%s%s (expected each equivalence class"
                + " of architectures at most once)",
            l.arch(), l.score(), duplicateWord(prior.arch(), l.arch()),
            member ? "existing landmark " : "added landmark ", prior.arch(),
            prior.arch().equals(l.arch()) ? "" : " (same canonical form " + key + ")"));
      }
      all.add(l);
    }
    all.sort(Landmark.order(space));
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < all.size(); i++) {
      index.put(space.canonicalKey(all.get(i).arch()), i);
    }
    return new LandmarkSet<>(space, List.copyOf(all), Map.copyOf(index));
  }

  private static String duplicateWord(Object prior, Object arch) {
    return prior.equals(arch) ? "it duplicates" : "it is equivalent to";
  }

  /** Number of landmarks, M. */
  public int size() {
    return landmarks.size();
  }

  /** The landmark at sorted position {@code i} (0 = lowest score). */
  public Landmark<A> get(int i) {
    if (i < 0 || i >= landmarks.size()) {
      throw new IndexOutOfBoundsException(String.format(Locale.ROOT,
          "landmark index %d out of range (set has %d landmarks)", i, landmarks.size()));
    }
    return landmarks.get(i);
  }

  /** All landmarks in ascending score order; immutable. */
  public List<Landmark<A>> landmarks() {
    return landmarks;
  }

  /** True when {@code arch} or an architecture equivalent to it is a landmark. */
  public boolean contains(A arch) {
    return indexOf(arch).isPresent();
  }

  /** Sorted position of the landmark equivalent to {@code arch}, if there is one. */
  public OptionalInt indexOf(A arch) {
    Objects.requireNonNull(arch, "arch");
    Integer i = indexByKey.get(space.canonicalKey(arch));
    return i == null ? OptionalInt.empty() : OptionalInt.of(i);
  }

  /**
   * A predicate that is true for the architectures an evaluation pool must leave out: the
   * landmarks and everything equivalent to them (the super-net was trained to rank exactly these,
   * so scoring them would flatter it). Pass {@code excluded().negate()} as a selector's
   * {@code allowed}.
   */
  public Predicate<A> excluded() {
    Set<String> keys = indexByKey.keySet();
    return arch -> keys.contains(space.canonicalKey(arch));
  }

  /**
   * Reads a landmark file ({@link ArchScoreCsv}, no two equivalent architectures).
   *
   * @throws IllegalArgumentException naming the file and 1-based line when the header, the column
   *     count, an architecture string, a score, or a repeated (or equivalent) architecture is
   *     wrong
   * @throws UncheckedIOException when the file cannot be read
   */
  public static <A> LandmarkSet<A> fromCsv(SearchSpace<A> space, Path path) {
    Objects.requireNonNull(path, "path");
    List<Landmark<A>> read = new ArrayList<>();
    for (ArchScoreCsv.Row<A> r : csv(space).read(path)) {
      read.add(new Landmark<>(r.arch(), r.score()));
    }
    return of(space, read);
  }

  /** {@link #fromCsv(SearchSpace, Path)} of NAS-Bench-201 landmarks. */
  public static LandmarkSet<Nb201Arch> fromCsv(Path path) {
    return fromCsv(Nb201Space.INSTANCE, path);
  }

  // Equivalent landmarks would be ranked against each other though they compute one function.
  private static <A> ArchScoreCsv<A> csv(SearchSpace<A> space) {
    return new ArchScoreCsv<>("landmark file", ArchScoreCsv.Distinct.EQUIVALENCE_CLASSES, space);
  }

  /**
   * Writes the set as CSV in sorted order, atomically: a reader or a crash sees the old file or
   * the new one, never a part. Scores read back as the same doubles.
   *
   * @throws UncheckedIOException when the file cannot be written
   */
  public void writeCsv(Path path) {
    Objects.requireNonNull(path, "path");
    csv(space).write(path, landmarks.stream()
        .map(l -> new ArchScoreCsv.Row<>(l.arch(), l.score())).toList());
  }

  /** Equal when both hold the same landmarks (architectures and scores). */
  @Override
  public boolean equals(Object o) {
    return o instanceof LandmarkSet<?> other && landmarks.equals(other.landmarks);
  }

  @Override
  public int hashCode() {
    return landmarks.hashCode();
  }

  @Override
  public String toString() {
    if (landmarks.isEmpty()) {
      return "LandmarkSet[0 landmarks]";
    }
    return String.format(Locale.ROOT, "LandmarkSet[%d landmarks, scores %s..%s]",
        landmarks.size(), landmarks.get(0).score(), landmarks.get(landmarks.size() - 1).score());
  }
}
